//! The `welfare-plan` command as a user runs it: output, exit codes, standard input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    // The default language follows the locale: without one it is Japanese, whatever the machine.
    let mut child = Command::new(env!("CARGO_BIN_EXE_welfare-plan"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may stop reading early (a size limit); a broken pipe is fine.
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn show_prints_every_challenge_and_every_node_with_its_label_of_the_seed() {
    let out = run(&["show"], b"");
    assert!(out.status.success());
    let text = stdout(&out);
    let plan = welfare_plan::iizuka::third_plan();
    for c in &plan.challenges {
        assert!(text.contains(&c.title.ja), "missing challenge {}", c.title.ja);
    }
    for r in plan.all_nodes() {
        let line = format!("{} {}", plan.label(r.at).0, r.node.title.ja);
        assert!(text.contains(&line), "missing {line}");
    }
    assert!(text.contains("計画期間: 令和5年度～令和14年度（2023～2032年度）"));
    assert!(text.contains("基本目標Ⅱ 支えあう地域づくり"));
    assert!(text.contains(&plan.philosophy.statement.ja));
}

#[test]
fn show_in_english_translates_the_tree() {
    let text = stdout(&run(&["show", "--lang", "en"], b""));
    assert!(text.contains("Plan period: FY2023 (Reiwa 5) to FY2032 (Reiwa 14)"));
    assert!(text.contains("Basic goal III Building systems that connect"));
    assert!(text.contains("Activity target 1 "));
}

#[test]
fn export_piped_into_validate_is_valid_and_export_is_stable() {
    let first = run(&["export"], b"");
    assert!(first.status.success());
    assert_eq!(first.stdout, welfare_plan::iizuka::THIRD_PLAN_JSON.as_bytes());
    let checked = run(&["validate", "-"], &first.stdout);
    assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    let again = run(&["export", "-"], &first.stdout);
    assert_eq!(again.stdout, first.stdout);
}

#[test]
fn an_invalid_document_exits_1_and_says_what_and_where() {
    let doc = welfare_plan::iizuka::THIRD_PLAN_JSON.replacen("\"402052\"", "\"402051\"", 1);
    let out = run(&["validate", "--lang", "en", "-"], doc.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("-:10:13: error [municipality.check_digit]"),
        "{text}"
    );
    assert!(text.contains("(at /municipality/code)"), "{text}");
    // Japanese by default (no locale), message and verdict alike.
    let ja = stdout(&run(&["validate", "-"], doc.as_bytes()));
    assert!(ja.contains("-:10:13: エラー [municipality.check_digit]"), "{ja}");
    assert!(
        ja.contains("（場所 /municipality/code）") || ja.contains("(場所 /municipality/code)"),
        "{ja}"
    );
    assert!(ja.ends_with("-: 無効（エラー 1件、警告 0件）\n"), "{ja}");
}

#[test]
fn bad_bytes_of_every_kind_exit_1_without_crashing() {
    let deep = "[".repeat(200_000);
    let huge = format!("{{\"id\": \"{}\"}}", "x".repeat(40_000_000));
    let half = &welfare_plan::iizuka::THIRD_PLAN_JSON.as_bytes()[..3000];
    let inputs: [(&str, &[u8]); 6] = [
        ("empty", b""),
        ("truncated", half),
        ("deep", deep.as_bytes()),
        ("not utf-8", b"{\"id\": \"\xff\"}"),
        ("40 MB string", huge.as_bytes()),
        ("wrong type", b"{\"schema_version\": [1]}"),
    ];
    for (what, bytes) in inputs {
        let out = run(&["validate", "--lang", "en", "-"], bytes);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout(&out).contains("invalid"), "{what}");
    }
}

#[test]
fn json_format_lists_issues_with_codes_paths_and_positions() {
    let out = run(&["validate", "--format", "json", "-"], b"{\"titel\": 1}");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["valid"], false);
    let issues = v[0]["issues"].as_array().unwrap();
    // Every problem at once: the misspelt field and each required field that is missing.
    let unknown = issues
        .iter()
        .find(|i| i["code"] == "schema.unknown_field")
        .unwrap();
    assert_eq!(unknown["path"], "/titel");
    assert_eq!(
        (unknown["line"].as_u64(), unknown["column"].as_u64()),
        (Some(1), Some(2))
    );
    let missing: Vec<&str> = issues
        .iter()
        .filter(|i| i["code"] == "schema.missing_field")
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert!(
        missing.contains(&"/schema_version") && missing.contains(&"/title"),
        "{missing:?}"
    );
}

#[test]
fn the_summary_line_counts_in_plain_english() {
    let out = run(&["validate", "--lang", "en", "-"], b"[]");
    assert!(
        stdout(&out).ends_with("-: invalid (1 error, 0 warnings)\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn unreadable_files_and_usage_errors_exit_2() {
    assert_eq!(
        run(&["validate", "/nonexistent/plan.json"], b"").status.code(),
        Some(2)
    );
    assert_eq!(run(&["validate"], b"").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn a_mistyped_command_line_is_explained_in_japanese_unless_english_is_asked_for() {
    let stderr = |o: &Output| String::from_utf8(o.stderr.clone()).unwrap();
    let out = run(&["shwo"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "エラー: サブコマンド `shwo` はありません。`show` のことですか？\n\n\
         使い方: welfare-plan [OPTIONS] <COMMAND>\n\n\
         詳しくは `--help` を付けて実行してください。\n"
    );
    let out = run(&["validate", "--format", "xml", "plan.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("エラー: `--format <FORMAT>` に `xml` は使えません（使えるもの: `text`, "),
        "{}",
        stderr(&out)
    );
    let out = run(&["validate", "--max-depth", "-1", "plan.json"], b"");
    assert_eq!(
        stderr(&out),
        "エラー: `--max-depth <LEVELS>` の値 `-1` は0以上の整数で書いてください\n\n\
         詳しくは `--help` を付けて実行してください。\n"
    );
    let out = run(&["progress"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("エラー: 必要な引数がありません: `<PLAN>`, `<REPORTS>...`\n"));
    // An argument where none is expected, with clap's tip said in Japanese too.
    let out = run(&["era", "2023", "2024"], b"");
    assert!(
        stderr(&out).starts_with("エラー: 想定外の引数 `2024` があります\n"),
        "{}",
        stderr(&out)
    );
    let out = run(&["--format", "json", "validate", "x.json"], b"");
    assert!(
        stderr(&out).contains("ヒント: `validate --format` なら使えます"),
        "{}",
        stderr(&out)
    );
    // A year is read as the core reads one, and refused in its words.
    let out = run(
        &["export", "--format", "xlsx", "--year", "令和5年", "-o", "x.xlsx"],
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(
        "エラー: `--year <YEAR>`: `令和5年` は扱える年度ではありません（「年」は暦年の書き方です。"
    ));
    // English when asked for, wherever --lang stands, or by the locale: clap's own words, and
    // the format's for a count.
    let out = run(&["shwo", "--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: unrecognized subcommand 'shwo'"),
        "{}",
        stderr(&out)
    );
    let out = Command::new(env!("CARGO_BIN_EXE_welfare-plan"))
        .args(["validate", "--max-depth", "-1", "plan.json"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(
            "error: invalid value '-1' for '--max-depth <LEVELS>': expected a whole number of 0 or more\n"
        ),
        "{}",
        stderr(&out)
    );
    // Help is no mistake: printed to standard output, exit 0.
    let out = run(&["--help"], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Usage: welfare-plan"));
}

#[test]
fn export_reads_the_year_of_a_blank_evaluation_in_an_era_too() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-cli-year-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (western, era) = (dir.join("2023.xlsx"), dir.join("r5.xlsx"));
    let short = dir.join("r5-short.xlsx");
    for (year, path) in [("2023", &western), ("令和5年度", &era), ("R5", &short)] {
        let out = run(
            &[
                "export",
                "--format",
                "xlsx",
                "--year",
                year,
                "-o",
                path.to_str().unwrap(),
            ],
            b"",
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(std::fs::read(&western).unwrap(), std::fs::read(&era).unwrap());
    assert_eq!(std::fs::read(&western).unwrap(), std::fs::read(&short).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn era_converts_both_ways() {
    assert_eq!(
        stdout(&run(&["era", "2023"], b"")),
        "令和5年度\tFY2023 (Reiwa 5)\n"
    );
    assert_eq!(stdout(&run(&["era", "平成31年度"], b"")), "2019\n");
    // Full-width digits, as a Japanese input method types them, both ways.
    assert_eq!(stdout(&run(&["era", "令和５年度"], b"")), "2023\n");
    assert_eq!(
        stdout(&run(&["era", "２０２３"], b"")),
        "令和5年度\tFY2023 (Reiwa 5)\n"
    );
    assert_eq!(run(&["era", "令和0年度"], b"").status.code(), Some(2));
    // A Western year in any spelling the core reads asks for its era.
    for western in ["FY2023", "2023年度", "２０２３年度"] {
        assert_eq!(
            stdout(&run(&["era", western], b"")),
            "令和5年度\tFY2023 (Reiwa 5)\n",
            "{western}"
        );
    }
    let out = run(&["era", "-5"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("welfare-plan: `-5` は扱える年度ではありません"));
}

#[test]
fn issues_on_standard_error_to_a_reader_that_has_gone_are_no_crash() {
    // `welfare-plan show broken.json 2>&1 >/dev/null | head -1`: the reader leaves after one
    // line. Printing the rest used to panic (exit 101); the verdict is still exit 1.
    let nodes: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"id":"n{i}","number":"one","title":1}}"#))
        .collect();
    let doc = format!(r#"{{"schema_version":"2.0","nodes":[{}]}}"#, nodes.join(","));
    let path = std::env::temp_dir().join(format!("welfare-plan-closed-stderr-{}.json", std::process::id()));
    std::fs::write(&path, doc).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_welfare-plan"))
        .args(["show", path.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_failure_of_the_command_itself_is_said_in_the_language_of_lang() {
    let stderr = |o: &Output| String::from_utf8(o.stderr.clone()).unwrap();
    let out = run(&["era", "令和5年"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "welfare-plan: `令和5年` は扱える年度ではありません\
         （「年」は暦年の書き方です。年度は「令和5年度」のように書いてください）\n"
    );
    let out = run(&["--lang", "en", "era", "令和5年"], b"");
    assert_eq!(
        stderr(&out),
        "welfare-plan: `令和5年` is not a fiscal year this library can handle: \
         this names a calendar year (年); a fiscal year ends in 年度, as in 令和5年度\n"
    );
    let out = run(&["show", "/nonexistent/plan.json"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "welfare-plan: `/nonexistent/plan.json` を読み込めません（ファイルまたはディレクトリがありません）\n"
    );
    let out = run(&["export", "--format", "xlsx"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "welfare-plan: ワークブックはバイナリファイルです。書き出すファイルを -o で指定してください\n"
    );
    let out = run(&["validate", "/nonexistent/plan.json"], b"");
    assert_eq!(
        stdout(&out),
        "/nonexistent/plan.json: 読み込めません（ファイルまたはディレクトリがありません）\n"
    );
    // --lang wins over an English locale.
    let out = Command::new(env!("CARGO_BIN_EXE_welfare-plan"))
        .args(["--lang", "ja", "era", "令和0年度"])
        .env("LC_ALL", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(
        stderr(&out),
        "welfare-plan: `令和0年度` は扱える年度ではありません（令和0年はありません）\n"
    );
}

#[test]
fn schema_out_writes_the_committed_schemas() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-schema-{}", std::process::id()));
    let out = run(&["schema", "--out", dir.to_str().unwrap()], b"");
    assert!(out.status.success());
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../schemas");
    for f in welfare_plan::schema::all() {
        assert_eq!(
            std::fs::read(dir.join(f.file_name)).unwrap(),
            std::fs::read(repo.join(f.file_name)).unwrap()
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn upgrade_writes_a_1_0_document_as_2_0_and_is_byte_stable() {
    let v1 = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/conformance/base/iizuka-3rd-1.0.json"
    ))
    .unwrap();
    assert!(String::from_utf8_lossy(&v1).contains("\"schema_version\": \"1.0\""));
    let once = run(&["upgrade", "-"], &v1);
    assert_eq!(
        once.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&once.stderr)
    );
    let text = stdout(&once);
    assert!(text.starts_with("{\n  \"schema_version\": \"2.0\","), "{text}");
    assert!(text.contains("\"levels\"") && !text.contains("\"goals\""));
    let twice = run(&["upgrade", "-"], &once.stdout);
    assert_eq!(twice.stdout, once.stdout, "upgrade is not byte-stable");
    // A 2.0 document comes out as its canonical form, unchanged.
    let current = run(
        &["upgrade", "-"],
        welfare_plan::iizuka::THIRD_PLAN_JSON.as_bytes(),
    );
    assert_eq!(current.stdout, welfare_plan::iizuka::THIRD_PLAN_JSON.as_bytes());
    // An invalid document is not written: its issues are, with exit code 1.
    let broken = String::from_utf8(v1)
        .unwrap()
        .replacen("\"402052\"", "\"402051\"", 1);
    let out = run(&["upgrade", "-"], broken.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(!stdout(&out).contains("\"schema_version\""));
}

#[test]
fn show_of_a_file_prints_the_plans_own_levels_and_help_model() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/conformance/documents/synthetic-four-help-joint.json"
    );
    let out = run(&["show", path], b"");
    assert!(out.status.success());
    let text = stdout(&out);
    let plan = welfare_plan::load(&std::fs::read(path).unwrap()).unwrap();
    assert_eq!(text, welfare_plan::render::tree(&plan, welfare_plan::Lang::Ja));
    // Compound and running numbers, the four-help heading, districts and projects.
    for part in [
        "1-1 ",
        "① ",
        "自助・互助・共助・公助",
        "地区別計画:",
        "事業:",
        "重点プロジェクト",
    ] {
        assert!(text.contains(part), "{part} is missing from:\n{text}");
    }
    assert!(!text.contains("\n自助・共助・公助\n"));
}

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/progress/");

fn example(name: &str) -> String {
    format!("{EXAMPLE}{name}")
}

#[test]
fn progress_prints_series_statuses_and_grades_and_json_has_the_same_numbers() {
    let plan = example("synthetic-hoshizora-plan.json");
    let reports: Vec<String> = (2025..=2027)
        .map(|y| example(&format!("synthetic-hoshizora-report-{y}.json")))
        .collect();
    let mut args = vec!["progress", plan.as_str()];
    args.extend(reports.iter().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    assert!(
        text.contains("2027年度 53か所  達成率 108%（計画線 100%）  達成  達成度 S 目標を達成"),
        "{text}"
    );
    assert!(
        text.contains("進捗 入力 C やや遅れている / 計算 B 概ね順調"),
        "{text}"
    );
    args.extend(["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&run(&args, b"").stdout).unwrap();
    let salons = json["progress"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "ind-salons")
        .unwrap();
    assert_eq!(salons["years"][2]["status"], "achieved");
    assert_eq!(salons["years"][2]["value"], 53);
    assert!(json["reports"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["valid"] == true));
}

#[test]
fn validate_show_and_export_know_a_report_and_need_its_plan() {
    let plan = example("synthetic-hoshizora-plan.json");
    let report = example("synthetic-hoshizora-report-2026.json");
    let out = run(&["--lang", "en", "validate", "--plan", &plan, &report], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("valid (no warnings)\n"));
    let out = run(&["validate", &report], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("評価する計画を --plan PLAN で指定してください"));
    let exported = run(&["export", &report], b"");
    assert_eq!(exported.stdout, std::fs::read(&report).unwrap());
    let shown = stdout(&run(&["show", "--plan", &plan, &report], b""));
    assert!(shown.contains("2026年度 −  データなし"), "{shown}");
    // Against a changed plan the report is refused, naming the edition it was written for.
    let changed = std::fs::read_to_string(&plan)
        .unwrap()
        .replacen("\"edition\": 1", "\"edition\": 2", 1);
    let dir = std::env::temp_dir().join(format!("welfare-plan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let changed_path = dir.join("plan.json");
    std::fs::write(&changed_path, changed).unwrap();
    let out = run(
        &[
            "validate",
            "--lang",
            "en",
            "--plan",
            changed_path.to_str().unwrap(),
            &report,
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("[report.plan_mismatch]") && stdout(&out).contains("(edition 1)"),
        "{}",
        stdout(&out)
    );
    let hash = stdout(&run(&["hash", &plan], b""));
    assert!(std::fs::read_to_string(&report).unwrap().contains(hash.trim()));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn report_writes_the_whole_plan_as_one_self_contained_page() {
    let out = run(&["report", "--format", "html"], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = stdout(&out);
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..40.min(html.len())]
    );
    assert!(html.contains("<html lang=\"ja\""));
    let plan = welfare_plan::iizuka::third_plan();
    for r in plan.all_nodes() {
        assert!(html.contains(&r.node.title.ja), "missing {}", r.node.title.ja);
    }
    assert!(!html.contains("<script"), "no script in the page");
    assert!(!html.contains("src=\"http"), "no external resource");

    let md = stdout(&run(&["report", "--format", "md", "--lang", "en"], b""));
    assert!(
        md.contains("Building systems that connect"),
        "English titles in Markdown"
    );
}

#[test]
fn report_with_progress_has_a_chart_per_indicator_and_an_invalid_report_exits_1() {
    let plan = example("synthetic-hoshizora-plan.json");
    let reports: Vec<String> = (2025..=2027)
        .map(|y| example(&format!("synthetic-hoshizora-report-{y}.json")))
        .collect();
    let mut args = vec!["report", plan.as_str(), "--progress"];
    args.extend(reports.iter().map(String::as_str));
    let out = run(&args, b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = stdout(&out);
    assert!(html.contains("<svg"), "trend charts are inline SVG");

    // The embedded plan is not the plan these reports evaluate: each says so, exit 1.
    let out = run(&["report", "--progress", reports[0].as_str()], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("report.plan_mismatch"));
}

#[test]
fn diff_exits_0_for_equal_editions_and_1_with_the_changes_for_different_ones() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let new = dir.join("new.json");
    std::fs::write(&new, welfare_plan::iizuka::third_plan().to_canonical_json()).unwrap();
    let mut doc: serde_json::Value =
        serde_json::from_str(&welfare_plan::iizuka::third_plan().to_canonical_json()).unwrap();
    doc["nodes"][0]["title"]["ja"] = serde_json::json!("互いを大切にするひとづくり");
    let old = dir.join("old.json");
    std::fs::write(&old, serde_json::to_string(&doc).unwrap()).unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());

    let same = run(&["diff", new, new], b"");
    assert_eq!(
        same.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&same.stderr)
    );

    let text = run(&["diff", old, new], b"");
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stdout(&text).contains("互いを大切にするひとづくり"),
        "{}",
        stdout(&text)
    );

    let json = run(&["diff", old, new, "--format", "json"], b"");
    assert_eq!(json.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1, "{v}");
    assert_eq!(changes[0]["kind"], "reworded");

    let html = run(&["diff", old, new, "--format", "html"], b"");
    assert_eq!(html.status.code(), Some(1));
    assert!(stdout(&html).contains("<table"));

    let missing = run(&["diff", old, "no-such-file.json"], b"");
    assert_eq!(missing.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn progress_continues_a_series_from_the_previous_editions_reports() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-editions-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = example("synthetic-hoshizora-plan.json");
    // A synthetic next edition: ind-salons continues as ind-places.
    let text = std::fs::read_to_string(&old).unwrap().replace(
        "\"id\": \"ind-salons\",",
        "\"id\": \"ind-places\", \"lineage\": [{\"from\": \"ind-salons\", \"change\": \"reworded\"}],",
    );
    let new = dir.join("next.json");
    std::fs::write(&new, text).unwrap();
    let reports: Vec<String> = (2025..=2026)
        .map(|y| example(&format!("synthetic-hoshizora-report-{y}.json")))
        .collect();
    let mut args = vec![
        "progress",
        new.to_str().unwrap(),
        "--format",
        "json",
        "--previous-plan",
        old.as_str(),
    ];
    args.push("--previous-report");
    args.extend(reports.iter().map(String::as_str));
    let out = run(&args, b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let places = v["progress"]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ind-places")
        .unwrap();
    let years: Vec<i64> = places["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["fiscal_year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2025, 2026]);
    assert!(places["years"]
        .as_array()
        .unwrap()
        .iter()
        .all(|y| y["value"].is_number()));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A directory of plans with one broken plan, for the validate tests below.
fn plans_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("welfare-plan-{tag}-{}", std::process::id()));
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let good = welfare_plan::iizuka::third_plan().to_canonical_json();
    std::fs::write(dir.join("a-good.json"), &good).unwrap();
    // Two problems, the later one in the file written first by the rules' order: sorted by
    // position, the check digit (line 10) comes before the blank title further down.
    let broken = good.replacen("\"402052\"", "\"402051\"", 1).replacen(
        "\"ja\": \"お互いを大切にし合うひとづくり\"",
        "\"ja\": \" \"",
        1,
    );
    std::fs::write(sub.join("b-broken.json"), broken).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a plan").unwrap();
    dir
}

#[test]
fn validate_reads_directories_and_globs_and_gives_every_readable_file_a_verdict() {
    let dir = plans_dir("dir");
    let d = dir.to_str().unwrap();
    let glob = format!("{d}/*.json");
    let out = run(
        &["validate", "--lang", "en", d, "/nonexistent/plan.json", &glob],
        b"",
    );
    assert_eq!(out.status.code(), Some(2), "a missing file makes the run exit 2");
    let text = stdout(&out);
    let verdicts: Vec<&str> = text.lines().filter(|l| !l.contains(": error [")).collect();
    assert_eq!(
        verdicts,
        [
            format!("{d}/a-good.json: valid (no warnings)").as_str(),
            format!("{d}/sub/b-broken.json: invalid (2 errors, 0 warnings)").as_str(),
            "/nonexistent/plan.json: cannot be read (No such file or directory (os error 2))",
            format!("{d}/a-good.json: valid (no warnings)").as_str(),
        ],
        "{text}"
    );
    // Issues in document order, not in the order the rules ran.
    let lines: Vec<u32> = text
        .lines()
        .filter(|l| l.contains(": error ["))
        .map(|l| l.split(':').nth(1).unwrap().parse().unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_writes_github_annotations_and_sarif() {
    let dir = plans_dir("ci");
    let broken = dir.join("sub/b-broken.json");
    let broken = broken.to_str().unwrap();
    let out = run(&["validate", "--format", "github", "--lang", "en", broken], b"");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines().next().unwrap().starts_with(&format!(
            "::error file={broken},line=10,col=13,title=municipality.check_digit::municipality code `402051`"
        )),
        "{text}"
    );

    let out = run(&["validate", "--format", "sarif", broken], b"");
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["ruleId"], "municipality.check_digit");
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(10), Some(13))
    );
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let index = results[0]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "municipality.check_digit");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn colour_is_asked_for_or_off_and_completions_are_printed() {
    let out = run(&["validate", "--color", "always", "-"], b"[]");
    assert!(stdout(&out).contains("\x1b[1;31m"), "{}", stdout(&out));
    let out = run(&["validate", "-"], b"[]");
    assert!(!stdout(&out).contains('\x1b'), "no colour off a terminal");
    let bash = run(&["completions", "bash"], b"");
    assert!(bash.status.success());
    assert!(stdout(&bash).contains("welfare-plan") && stdout(&bash).contains("validate"));
}

#[test]
fn pretty_shows_the_source_line_with_the_value_underlined() {
    let doc = welfare_plan::iizuka::THIRD_PLAN_JSON.replacen("\"402052\"", "\"402051\"", 1);
    let out = run(
        &["validate", "--format", "pretty", "--lang", "en", "-"],
        doc.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("error[municipality.check_digit]: municipality code `402051`"),
        "{text}"
    );
    assert!(text.contains("┌─ -:10:13"), "{text}");
    assert!(text.contains("10 │     \"code\": \"402051\","), "{text}");
    assert!(text.contains("^^^^^^^^ /municipality/code"), "{text}");
    assert!(text.ends_with("-: invalid (1 error, 0 warnings)\n"), "{text}");
}

#[test]
fn export_writes_workbooks_csv_files_and_the_open_data_csv() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-sheets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let book = dir.join("iizuka.xlsx");
    let out = run(&["export", "--format", "xlsx", "-o", book.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        std::fs::read(&book).unwrap().starts_with(b"PK\x03\x04"),
        "an xlsx is a zip"
    );
    // A workbook never goes to standard output.
    assert_eq!(run(&["export", "--format", "xlsx"], b"").status.code(), Some(2));

    let csv = dir.join("csv");
    let out = run(&["export", "--format", "csv", "-o", csv.to_str().unwrap()], b"");
    assert!(out.status.success());
    let nodes = std::fs::read_to_string(csv.join("iizuka-regional-welfare-plan-3.nodes.csv")).unwrap();
    assert!(
        nodes.starts_with('\u{feff}'),
        "UTF-8 with a BOM, for Excel in Japanese"
    );
    assert!(nodes.contains("お互いを大切にし合うひとづくり"));

    let open = stdout(&run(&["export", "--format", "opendata-csv"], b""));
    assert!(
        open.starts_with("\u{feff}全国地方公共団体コード,ID,地方公共団体名,"),
        "{}",
        &open[..80]
    );
    assert!(open
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("402052,g1,福岡県飯塚市,"));

    // The evaluation workbook of a year, and of a report (which needs its plan).
    let plan = example("synthetic-hoshizora-plan.json");
    let eval = dir.join("eval.xlsx");
    let out = run(
        &[
            "export",
            &plan,
            "--format",
            "xlsx",
            "--year",
            "2027",
            "-o",
            eval.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = example("synthetic-hoshizora-report-2026.json");
    let filled = dir.join("filled.xlsx");
    let args = [
        "export",
        &report,
        "--plan",
        &plan,
        "--format",
        "xlsx",
        "-o",
        filled.to_str().unwrap(),
    ];
    assert!(run(&args, b"").status.success());
    assert_eq!(
        run(&["export", &report, "--format", "xlsx", "-o", "x.xlsx"], b"")
            .status
            .code(),
        Some(2)
    );
    let observed = stdout(&run(
        &["export", &report, "--plan", &plan, "--format", "opendata-csv"],
        b"",
    ));
    assert!(observed.starts_with("\u{feff}全国地方公共団体コード,ID,地方公共団体名,"));
    assert!(observed.contains(",ind-salons:2026,"), "{observed}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn repo_file(rel: &str) -> String {
    format!("{}/../{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn import_reads_back_what_export_wrote_as_the_same_canonical_json() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let canonical = stdout(&run(&["export"], b""));
    let book = dir.join("iizuka.xlsx");
    assert!(
        run(&["export", "--format", "xlsx", "-o", book.to_str().unwrap()], b"")
            .status
            .success()
    );
    let out = run(&["import", book.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out), canonical);
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("有効（警告なし）\n"));

    // CSV files, given as their directory.
    let csv = dir.join("csv");
    assert!(run(
        &[
            "--lang",
            "en",
            "export",
            "--format",
            "csv",
            "-o",
            csv.to_str().unwrap()
        ],
        b""
    )
    .status
    .success());
    let out = run(&["import", csv.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out), canonical);

    // A progress report's evaluation workbook, read against its plan.
    let plan = example("synthetic-hoshizora-plan.json");
    let report = example("synthetic-hoshizora-report-2026.json");
    let filled = dir.join("filled.xlsx");
    let args = [
        "export",
        &report,
        "--plan",
        &plan,
        "--format",
        "xlsx",
        "-o",
        filled.to_str().unwrap(),
    ];
    assert!(run(&args, b"").status.success());
    let out = run(&["import", filled.to_str().unwrap(), "--plan", &plan], b"");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = stdout(&run(&["export", &report, "--plan", &plan], b""));
    assert_eq!(stdout(&out), expected);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_reports_every_mistake_of_a_workbook_at_its_cell_in_one_run() {
    let book = repo_file("tests/sheets/synthetic-hoshizora-mistakes.xlsx");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_file(
            "tests/sheets/synthetic-hoshizora-mistakes.expected.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let out = run(&["import", &book, "--format", "json"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "no document when it has errors");
    let verdict: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let issues = verdict[0]["issues"].as_array().unwrap();
    let mut found: Vec<(String, String)> = issues
        .iter()
        .map(|i| (i["code"].to_string(), i["cell"].to_string()))
        .collect();
    let mut listed: Vec<(String, String)> = expected
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["code"].to_string(), i["cell"].to_string()))
        .collect();
    found.sort();
    listed.sort();
    assert_eq!(found, listed);
    assert!(listed.len() >= 12);

    // As text, in English: each line names the workbook and the sheet's cell.
    let out = run(&["--lang", "en", "import", &book], b"");
    let text = String::from_utf8(out.stderr).unwrap();
    assert!(
        text.contains("synthetic-hoshizora-mistakes.xlsx:体系!H3: error [sheet.formula] H3: "),
        "{text}"
    );
    assert!(
        text.contains(":評価の条件!E4: error [evaluation.grade_unknown] E4: grade `Z`"),
        "{text}"
    );
    assert!(
        text.trim_end().ends_with("invalid (18 errors, 1 warning)"),
        "{text}"
    );
}

#[test]
fn import_of_bytes_that_are_no_spreadsheet_is_an_error_not_a_panic() {
    let dir = std::env::temp_dir().join(format!("welfare-plan-junk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in [
        ("empty.xlsx", &b""[..]),
        ("half.xlsx", &b"PK\x03\x04\x14\x00"[..]),
        ("junk.csv", &[0xff, 0xfe, 0x00, 0x81, 0x22, 0x0a][..]),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["import", path.to_str().unwrap()], b"");
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{name}"
        );
    }
    assert_eq!(run(&["import", "no-such-book.xlsx"], b"").status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
