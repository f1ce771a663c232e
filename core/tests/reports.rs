//! Progress reports: the shared corpus of report cases (the three cities' grading schemes among
//! them, with their hand-worked grades), and the synthetic example's evaluation.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use welfare_plan::report::{self, check_report, evaluate, Status};
use welfare_plan::{Limits, Plan};

mod patch;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load_plan(bytes: &[u8]) -> Plan {
    welfare_plan::load(bytes).unwrap()
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

#[test]
fn every_report_case_reports_exactly_the_expected_issues() {
    let dir = repo().join("tests/conformance/reports");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read(&path).unwrap();
        let expected: Value = serde_json::from_slice(&text).unwrap();
        let plan_path = expected["plan"].as_str().unwrap();
        let plan_bytes = match expected.get("plan_patch") {
            Some(p) => {
                let doc = json!({"base": plan_path, "patch": p});
                patch::patched(&repo(), doc.to_string().as_bytes())
            }
            None => read(plan_path),
        };
        let plan = load_plan(&plan_bytes);
        let input = patch::patched(&repo(), &text);
        let checked = check_report(&input, &plan, &Limits::default());
        let got: Vec<(String, String)> = checked
            .issues
            .iter()
            .map(|i| (i.code.to_string(), i.path.to_string()))
            .collect();
        let want: Vec<(String, String)> = expected["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["code"].as_str().unwrap().to_owned(),
                    i["path"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let valid = expected["valid"].as_bool().unwrap();
        if got != want || checked.is_valid() != valid {
            failures.push(format!(
                "{}: expected {want:?} (valid {valid}), got {got:?}",
                path.display()
            ));
        }
        for i in &checked.issues {
            assert!(
                i.line.is_some() && i.column.is_some(),
                "{}: {i} has no position",
                path.display()
            );
            assert!(!i.message_ja.is_empty() && !i.message_en.is_empty());
            assert!(
                !i.message_en.contains("u32") && !i.message_en.contains("f64"),
                "{i}"
            );
        }
        n += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(n >= 10, "only {n} report cases");
}

fn example() -> (Plan, Vec<report::ProgressReport>) {
    let plan = load_plan(&read("examples/progress/synthetic-hoshizora-plan.json"));
    let reports = (2025..=2027)
        .map(|y| {
            let bytes = read(&format!("examples/progress/synthetic-hoshizora-report-{y}.json"));
            let checked = check_report(&bytes, &plan, &Limits::default());
            assert_eq!(checked.issues, vec![], "report {y}");
            let r = checked.report.unwrap();
            // Canonical, as shipped.
            assert_eq!(
                r.to_canonical_json().as_bytes(),
                bytes.as_slice(),
                "report {y} is not canonical"
            );
            r
        })
        .collect();
    (plan, reports)
}

#[test]
fn the_example_computes_achievement_status_and_grades_by_hand_arithmetic() {
    let (plan, reports) = example();
    let p = evaluate(&plan, &reports);
    assert_eq!(
        p.years.iter().map(|y| y.0).collect::<Vec<_>>(),
        [2025, 2026, 2027]
    );
    let ind = |id: &str| p.indicators.iter().find(|s| s.id == id).unwrap();
    // 地域の集いの場の数: baseline 40 (FY2024), target 52 in FY2027. FY2025: 44 is
    // (44 − 40) / (52 − 40) = 33.3 % of the way, and a straight line expects 1/3 by FY2025.
    let salons = ind("ind-salons");
    let y2025 = &salons.years[0];
    assert!((y2025.achievement.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert!((y2025.expected.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    assert_eq!(y2025.status, Status::OnTrack);
    // FY2027: 53 ≥ 52, at least the target: achieved, grade S.
    assert_eq!(salons.years[2].status, Status::Achieved);
    assert_eq!(
        salons.years[2].grades,
        vec![(welfare_plan::Id::from("achievement"), "S".to_owned())]
    );
    // 見守り協力員: 118 < 120 baseline is worse, but within ±10 % of it: grade B.
    let watchers = ind("ind-watchers");
    assert_eq!(watchers.years[0].status, Status::Worse);
    assert_eq!(
        watchers.years[0].grades,
        vec![(welfare_plan::Id::from("achievement"), "B".to_owned())]
    );
    // 孤独を感じる人の割合 was not measured in FY2026: no data, grade −.
    let lonely = ind("ind-loneliness");
    assert_eq!(lonely.years[1].value, None);
    assert_eq!(lonely.years[1].status, Status::NoData);
    assert_eq!(
        lonely.years[1].grades,
        vec![(welfare_plan::Id::from("achievement"), "−".to_owned())]
    );
    // A qualitative target: 設置 in FY2026 is achieved; 未設置 in FY2025 is unchanged (B).
    let desk = ind("ind-desk");
    assert_eq!(desk.years[1].status, Status::Achieved);
    assert_eq!(
        desk.years[0].grades,
        vec![(welfare_plan::Id::from("achievement"), "B".to_owned())]
    );
    // 基本目標Ⅰ in FY2027: worst of its indicators' grades S, B and B (its own: 24.1 against
    // 23.4 is within 10 %) is B; the progress scale is the mean of the achievement scores right
    // below: its own indicator B (2) and its two initiatives S (4) and B (2) → 8 / 3 = 2.67,
    // which is B (2.5) on the progress scale. The grade entered by hand (C) stays beside it.
    let goal = p.nodes.iter().find(|n| n.id == "goal-1").unwrap();
    let g2027 = &goal.years[2].grades;
    let by = |s: &str| g2027.iter().find(|g| g.scale == s).unwrap();
    assert_eq!(by("achievement").computed.as_deref(), Some("B"));
    assert_eq!(by("progress").computed.as_deref(), Some("B"));
    assert_eq!(by("progress").entered.as_deref(), Some("C"));
    // The manual scale is never computed.
    let ini = p.nodes.iter().find(|n| n.id == "goal-1-ini-2").unwrap();
    let direction = ini.years[2]
        .grades
        .iter()
        .find(|g| g.scale == "direction")
        .unwrap();
    assert_eq!(
        (direction.entered.as_deref(), direction.computed.as_deref()),
        (Some("review"), None)
    );
    // By help sector: 自助 is the initiatives with residents, whose indicators in FY2027 are
    // S (集いの場) and S (相談先の周知): worst S.
    let own = p.sectors.iter().find(|s| s.sector == "self_help").unwrap();
    let a = own.years[2]
        .grades
        .iter()
        .find(|g| g.scale == "achievement")
        .unwrap();
    assert_eq!(a.computed.as_deref(), Some("S"));
}

#[test]
fn the_text_shows_series_statuses_and_computed_grades_beside_entered_ones() {
    let (plan, reports) = example();
    let text = welfare_plan::render::progress(&plan, &evaluate(&plan, &reports), welfare_plan::Lang::Ja);
    for want in [
        "2027年度 53か所  達成率 108%（計画線 100%）  達成  達成度 S 目標を達成",
        "2026年度 −  データなし  達成度 − 評価できない",
        "進捗 入力 C やや遅れている / 計算 B 概ね順調",
        "方向性 入力 review 廃止・見直し",
        "助けあいの区分ごと（自助・共助・公助）",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let en = welfare_plan::render::progress(&plan, &evaluate(&plan, &reports), welfare_plan::Lang::En);
    assert!(en.contains("achievement 108% (expected 100%)  achieved"), "{en}");
}

#[test]
fn a_changed_plan_is_named_with_the_edition_the_report_was_written_for() {
    let (plan, _) = example();
    let mut changed = plan.clone();
    changed.edition = Some(2);
    let bytes = read("examples/progress/synthetic-hoshizora-report-2026.json");
    let checked = check_report(&bytes, &changed, &Limits::default());
    let issue = checked
        .issues
        .iter()
        .find(|i| i.code.as_str() == "report.plan_mismatch")
        .unwrap();
    assert!(
        issue.message_en.contains("(edition 1)") && issue.message_en.contains("(edition 2)"),
        "{}",
        issue.message_en
    );
    assert!(issue.message_ja.contains("第1期"), "{}", issue.message_ja);
    assert_ne!(report::plan_hash(&plan), report::plan_hash(&changed));
}

#[test]
fn bad_bytes_are_reported_not_panics() {
    let (plan, _) = example();
    let limits = Limits::default();
    for input in [
        &b""[..],
        b"{",
        b"[1,2]",
        b"\xff\xfe",
        b"{\"document\": \"progress_report\", \"schema_version\": \"1.0\"}",
    ] {
        let checked = check_report(input, &plan, &limits);
        assert!(!checked.is_valid() && !checked.issues.is_empty(), "{input:?}");
    }
    let deep = format!(
        "{{\"document\": \"progress_report\", \"extensions\": {{\"x\": {}}}}}",
        "[".repeat(200_000)
    );
    assert!(!check_report(deep.as_bytes(), &plan, &limits).is_valid());
}

#[test]
fn shape_problems_past_max_issues_in_a_report_are_counted_once_at_the_end() {
    let (plan, _) = example();
    let mut doc: Value =
        serde_json::from_slice(&read("examples/progress/synthetic-hoshizora-report-2025.json")).unwrap();
    // Fifty wrong values where the report's observations belong: fifty shape problems.
    doc["observations"] = json!(vec![7; 50]);
    let limits = Limits {
        max_issues: 10,
        ..Limits::default()
    };
    let checked = check_report(doc.to_string().as_bytes(), &plan, &limits);
    let codes: Vec<String> = checked.issues.iter().map(|i| i.code.to_string()).collect();
    assert_eq!(codes.len(), 11, "{codes:?}");
    assert!(codes[..10].iter().all(|c| c == "schema.wrong_type"), "{codes:?}");
    let last = checked.issues.last().unwrap();
    assert_eq!(last.code.to_string(), "limit.too_many_issues");
    assert_eq!(
        last.message_en,
        "at least 40 more issues are not shown; the limit is 10"
    );
    // The ten shown are the first ten, in the order of the text.
    let paths: Vec<String> = checked.issues[..10].iter().map(|i| i.path.to_string()).collect();
    let want: Vec<String> = (0..10).map(|i| format!("/observations/{i}")).collect();
    assert_eq!(paths, want);
}

/// The previous edition's reports, read in the next edition's terms, continue an indicator's
/// series under its new id (by lineage), and leave out what was split.
#[test]
fn an_indicators_series_runs_across_editions_by_lineage() {
    let dir = "examples/progress/";
    let old_bytes = read(&format!("{dir}synthetic-hoshizora-plan.json"));
    let old_plan = load_plan(&old_bytes);
    let old_reports: Vec<_> = [2025, 2026]
        .iter()
        .map(|y| {
            let bytes = read(&format!("{dir}synthetic-hoshizora-report-{y}.json"));
            check_report(&bytes, &old_plan, &Limits::default())
                .report
                .unwrap()
        })
        .collect();

    // The next edition (synthetic, built here): ind-salons continues as ind-places, reworded;
    // ind-watchers is split into a new indicator; everything else keeps its id.
    let mut doc: Value = serde_json::from_slice(&old_bytes).unwrap();
    let mut renamed = 0;
    let mut walk = vec![&mut doc];
    while let Some(v) = walk.pop() {
        match v {
            Value::Object(o) => {
                if o.get("id") == Some(&json!("ind-salons")) {
                    o.insert("id".into(), json!("ind-places"));
                    o.insert(
                        "lineage".into(),
                        json!([{"from": "ind-salons", "change": "reworded"}]),
                    );
                    renamed += 1;
                } else if o.get("id") == Some(&json!("ind-watchers")) {
                    o.insert("id".into(), json!("ind-watchers-active"));
                    o.insert(
                        "lineage".into(),
                        json!([{"from": "ind-watchers", "change": "split"}]),
                    );
                    renamed += 1;
                }
                walk.extend(o.values_mut());
            }
            Value::Array(a) => walk.extend(a.iter_mut()),
            _ => {}
        }
    }
    assert_eq!(renamed, 2);
    let new_plan = load_plan(&serde_json::to_vec(&doc).unwrap());

    let carried = report::carry_over(&new_plan, &old_plan, &old_reports);
    assert_eq!(carried.len(), 2);
    let progress = evaluate(&new_plan, &carried);
    let places = progress.indicators.iter().find(|s| s.id == "ind-places").unwrap();
    let old_values: Vec<_> = old_reports
        .iter()
        .map(|r| {
            r.observations
                .iter()
                .find(|a| a.indicator.as_str() == "ind-salons")
                .and_then(|a| a.value.clone())
        })
        .collect();
    assert!(
        old_values.iter().all(Option::is_some),
        "the example measures ind-salons"
    );
    assert_eq!(
        places.years.iter().map(|y| y.value.clone()).collect::<Vec<_>>(),
        old_values
    );

    // A split indicator starts a new series: no value carried over.
    let split = progress
        .indicators
        .iter()
        .find(|s| s.id == "ind-watchers-active")
        .unwrap();
    assert!(split
        .years
        .iter()
        .all(|y| y.value.is_none() && y.status == Status::NoData));
    // Unchanged ids carry over as they are, and the carried reports name the new plan.
    let loneliness = progress
        .indicators
        .iter()
        .find(|s| s.id == "ind-loneliness")
        .unwrap();
    assert!(loneliness.years.iter().any(|y| y.value.is_some()));
    assert!(carried
        .iter()
        .all(|r| r.plan.hash == report::plan_hash(&new_plan)));
}
