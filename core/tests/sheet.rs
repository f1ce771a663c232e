//! Spreadsheet export: every part of a plan lands in a table, texts that look like formulas
//! never become formulas (xlsx) and are marked (CSV), CSV is UTF-8 with a BOM and RFC 4180
//! quoting, the open-data CSV begins with the standard columns and is documented in
//! `schemas/opendata-csv.md`, and the evaluation workbook lists every indicator and node.
//! The xlsx tests need `--features xlsx`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use welfare_plan::sheet::{self, Cell, Table};
use welfare_plan::{Lang, Limits, Plan};

const HOSTILE: [&str; 4] = ["=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

fn joint() -> Plan {
    welfare_plan::load(&read(
        "tests/conformance/documents/synthetic-four-help-joint.json",
    ))
    .unwrap()
}

fn hoshizora() -> Plan {
    welfare_plan::load(&read("examples/progress/synthetic-hoshizora-plan.json")).unwrap()
}

fn table<'a>(tables: &'a [Table], key: &str) -> &'a Table {
    tables
        .iter()
        .find(|t| t.key() == key)
        .unwrap_or_else(|| panic!("no table `{key}`"))
}

/// The texts of a column, top to bottom.
fn texts(t: &Table, key: &str) -> Vec<String> {
    t.column_cells(key).map(Cell::display).collect()
}

fn set(xs: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    xs.into_iter().collect()
}

/// The Iizuka plan with the hostile texts as the titles of its first nodes.
fn hostile_plan() -> Plan {
    let mut plan = welfare_plan::iizuka::third_plan();
    for (node, text) in plan.nodes.iter_mut().zip(HOSTILE) {
        node.title.ja = text.to_owned();
    }
    plan.nodes[0].children[0].title.ja = HOSTILE[3].to_owned();
    plan
}

/// Reads RFC 4180 CSV whose records end in CRLF; panics on a bare LF or CR outside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a CR outside quotes not followed by LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("a bare LF ends a record"),
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record does not end in CRLF"
    );
    records
}

fn assert_every_part_is_in_the_tables(plan: &Plan) {
    let tables = sheet::plan_tables(plan);
    let districts = (0..plan.districts.len()).flat_map(|d| plan.district_nodes(d));
    let nodes: Vec<String> = plan
        .all_nodes()
        .chain(districts)
        .map(|r| r.node.id.to_string())
        .collect();
    assert_eq!(
        texts(table(&tables, "nodes"), "id"),
        nodes,
        "nodes, in document order"
    );
    let indicators: Vec<String> = plan.all_indicators().map(|(i, _)| i.id.to_string()).collect();
    assert_eq!(
        set(texts(table(&tables, "indicators"), "id")),
        set(indicators.clone())
    );
    assert_eq!(table(&tables, "indicators").rows().len(), indicators.len());
    let targets: usize = plan.all_indicators().map(|(i, _)| i.targets.len()).sum();
    assert_eq!(table(&tables, "targets").rows().len(), targets);
    let actors: Vec<String> = plan.actors.iter().map(|a| a.id.to_string()).collect();
    assert_eq!(texts(table(&tables, "actors"), "id"), actors);
    let challenges: Vec<String> = plan
        .challenges
        .iter()
        .chain(plan.districts.iter().flat_map(|d| &d.challenges))
        .map(|c| c.id.to_string())
        .collect();
    assert_eq!(texts(table(&tables, "challenges"), "id"), challenges);
    let participations: usize = plan.all_nodes().map(|r| r.node.participants.len()).sum::<usize>()
        + (0..plan.districts.len())
            .flat_map(|d| plan.district_nodes(d))
            .map(|r| r.node.participants.len())
            .sum::<usize>();
    assert_eq!(table(&tables, "participations").rows().len(), participations);
    // Every challenge a node addresses is a row of `links`.
    let addressed: usize = plan.all_nodes().map(|r| r.node.challenges.len()).sum();
    let links = table(&tables, "links");
    let rows = texts(links, "list")
        .iter()
        .filter(|l| *l == "nodes.challenges")
        .count();
    assert!(
        rows >= addressed && addressed > 0,
        "{rows} link rows for {addressed} challenges"
    );
    // Every row is as long as its table's columns.
    for t in &tables {
        assert!(
            t.rows().iter().all(|r| r.len() == t.columns().len()),
            "{}",
            t.key()
        );
    }
}

#[test]
fn every_node_indicator_actor_and_challenge_of_the_iizuka_plan_is_in_the_tables() {
    assert_every_part_is_in_the_tables(&welfare_plan::iizuka::third_plan());
}

#[test]
fn every_part_of_the_rich_joint_fixture_is_in_the_tables() {
    let plan = joint();
    assert_every_part_is_in_the_tables(&plan);
    let tables = sheet::plan_tables(&plan);
    // The fixture fills the lists the Iizuka plan leaves empty.
    for key in [
        "districts",
        "sub_plans",
        "priority_projects",
        "voices",
        "scales",
        "grades",
        "publishers",
    ] {
        assert!(!table(&tables, key).rows().is_empty(), "`{key}` is empty");
    }
    let publishers: Vec<String> = plan.publishers.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(texts(table(&tables, "publishers"), "id"), publishers);
}

#[test]
fn extensions_are_carried_as_json_text() {
    let mut plan = welfare_plan::iizuka::third_plan();
    plan.nodes[1]
        .extensions
        .0
        .insert("budget".into(), serde_json::json!({"yen": 1200}));
    let tables = sheet::plan_tables(&plan);
    let ext = texts(table(&tables, "nodes"), "extensions");
    assert!(ext.contains(&r#"{"budget":{"yen":1200}}"#.to_owned()), "{ext:?}");
}

#[test]
fn integers_stay_integers_and_qualitative_values_stay_texts() {
    let plan = hoshizora();
    let tables = sheet::plan_tables(&plan);
    let years: Vec<&Cell> = table(&tables, "targets").column_cells("fiscal_year").collect();
    assert!(!years.is_empty() && years.iter().all(|c| matches!(c, Cell::Integer(_))));
    let plan_row = &table(&tables, "plan").rows()[0];
    assert_eq!(
        plan_row[table(&tables, "plan").column("municipality_code").unwrap()],
        Cell::Text("139017".into()),
        "a code is a text, not a number"
    );
}

#[test]
fn csv_starts_with_the_bom_ends_lines_in_crlf_and_quotes_commas_quotes_and_newlines() {
    let mut plan = welfare_plan::iizuka::third_plan();
    plan.nodes[0].title.ja = "支え合い, \"ともに\"\n暮らす".to_owned();
    let files = sheet::csv_tables(&plan, Lang::Ja);
    assert_eq!(files.len(), sheet::plan_tables(&plan).len());
    let tables = sheet::plan_tables(&plan);
    for ((name, text), t) in files.iter().zip(&tables) {
        assert_eq!(*name, format!("{}.{}.csv", plan.id, t.key()));
        let body = text
            .strip_prefix('\u{feff}')
            .unwrap_or_else(|| panic!("{name} has no BOM"));
        let records = parse_csv(body);
        assert_eq!(records.len(), 2 + t.rows().len(), "{name}");
        let expected: Vec<String> = t.rows()[..]
            .first()
            .map_or(vec![], |r| r.iter().map(sheet::csv_text).collect());
        if let Some(first) = records.get(2) {
            assert_eq!(*first, expected, "{name}: the first row reads back");
        }
    }
    let nodes_csv = format!("{}.nodes.csv", plan.id);
    let nodes = &files.iter().find(|(n, _)| *n == nodes_csv).unwrap().1;
    assert!(
        nodes.contains(",\"支え合い, \"\"ともに\"\"\n暮らす\","),
        "{nodes}"
    );
    let mut lines = nodes.trim_start_matches('\u{feff}').split("\r\n");
    assert!(lines
        .next()
        .unwrap()
        .starts_with("地区ID（地区別計画）,上位ID,ID,"));
    assert!(lines
        .next()
        .unwrap()
        .starts_with("district,parent,id,depth,level,number,label,title_ja,"));
    let en = sheet::csv_tables(&plan, Lang::En);
    let nodes_en = &en.iter().find(|(n, _)| *n == nodes_csv).unwrap().1;
    assert!(nodes_en.contains("Parent id,Id,"));
}

#[test]
fn hostile_texts_are_marked_with_an_apostrophe_in_csv() {
    let files = sheet::csv_tables(&hostile_plan(), Lang::Ja);
    let nodes = &files.iter().find(|(n, _)| n.ends_with(".nodes.csv")).unwrap().1;
    assert!(nodes.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{nodes}");
    for marked in [",'+1,", ",'-1,", ",'@SUM(A1),"] {
        assert!(nodes.contains(marked), "{marked} not in {nodes}");
    }
    for (name, text) in &files {
        for field in text.split([',', '\n']) {
            let field = field.trim_start_matches(['"', '\u{feff}']);
            assert!(
                !field.starts_with(['=', '+', '@']),
                "{name}: a field begins like a formula: {field}"
            );
        }
    }
}

#[test]
fn the_open_data_csv_begins_with_the_code_id_and_name_of_the_municipality() {
    let plan = welfare_plan::iizuka::third_plan();
    let csv = sheet::opendata_csv(&plan);
    assert!(csv.starts_with('\u{feff}'));
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    let head: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(&head[..3], ["全国地方公共団体コード", "ID", "地方公共団体名"]);
    let names: Vec<&str> = sheet::OPENDATA_COLUMNS.iter().map(|c| c.0).collect();
    assert_eq!(head, names);
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(rows.iter().all(|r| r[0] == "402052" && r[2] == "福岡県飯塚市"));
    let ids: BTreeSet<&str> = rows.iter().map(|r| r[1]).collect();
    assert_eq!(ids.len(), rows.len(), "IDs are unique");
    for r in plan.all_nodes() {
        assert!(ids.contains(r.node.id.as_str()), "node {}", r.node.id);
    }
    let hoshizora = hoshizora();
    let csv = sheet::opendata_csv(&hoshizora);
    for (ind, _) in hoshizora.all_indicators() {
        assert!(csv.contains(&format!(",{}:", ind.id)), "indicator {}", ind.id);
    }
}

#[test]
fn the_open_data_document_lists_exactly_the_columns_the_csv_writes() {
    let doc = std::fs::read_to_string(repo().join("schemas/opendata-csv.md")).unwrap();
    let listed: Vec<String> = doc
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() > 3 && cells[1].parse::<usize>().is_ok()).then(|| cells[2].to_owned())
        })
        .collect();
    let columns: Vec<String> = sheet::OPENDATA_COLUMNS
        .iter()
        .chain(&sheet::OPENDATA_OBSERVATION_COLUMNS)
        .map(|c| c.0.to_owned())
        .collect();
    assert_eq!(listed, columns, "both tables, in order");
}

#[test]
fn the_open_data_csv_of_observations_has_a_row_per_indicator_and_year_with_the_status() {
    let plan = hoshizora();
    let reports: Vec<_> = [2025, 2026, 2027]
        .iter()
        .map(|y| {
            let bytes = read(&format!("examples/progress/synthetic-hoshizora-report-{y}.json"));
            welfare_plan::report::check_report(&bytes, &plan, &Limits::default())
                .report
                .unwrap()
        })
        .collect();
    let csv = sheet::opendata_observations_csv(&plan, &reports);
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    let width = sheet::OPENDATA_OBSERVATION_COLUMNS.len();
    assert!(rows.iter().all(|r| r.len() == width), "{csv}");
    assert_eq!(&rows[0][..3], ["全国地方公共団体コード", "ID", "地方公共団体名"]);
    let indicators = plan.all_indicators().count();
    assert_eq!(rows.len() - 1, indicators * 3, "one row per indicator and year");
    let progress = welfare_plan::report::evaluate(&plan, &reports);
    for series in &progress.indicators {
        for y in &series.years {
            let id = format!("{}:{}", series.id, y.fiscal_year);
            let row = rows
                .iter()
                .find(|r| r[1] == id)
                .unwrap_or_else(|| panic!("no row {id}"));
            assert_eq!(row[15], y.status.labels().1, "{id}");
            if y.value.is_none() {
                assert_eq!(row[10], "", "{id}: not measured");
            }
        }
    }
    // A value not measured carries the report's reason.
    let unmeasured = reports
        .iter()
        .flat_map(|r| r.observations.iter().map(move |a| (r.fiscal_year, a)))
        .find(|(_, a)| a.value.is_none() && a.reason.is_some())
        .expect("the example has a value not measured, with its reason");
    let id = format!("{}:{}", unmeasured.1.indicator, unmeasured.0);
    let row = rows.iter().find(|r| r[1] == id).unwrap();
    assert_eq!(row[11], unmeasured.1.reason.as_ref().unwrap().ja);
}

#[test]
fn the_evaluation_tables_list_every_indicator_and_node_of_the_synthetic_plan() {
    let plan = hoshizora();
    let blank = sheet::blank_report(&plan, welfare_plan::FiscalYear(2025));
    let tables = sheet::report_tables(&plan, &blank, Lang::Ja);
    let indicators: Vec<String> = plan.all_indicators().map(|(i, _)| i.id.to_string()).collect();
    assert_eq!(texts(table(&tables, "observations"), "indicator"), indicators);
    let nodes: Vec<String> = plan.all_nodes().map(|r| r.node.id.to_string()).collect();
    assert_eq!(texts(table(&tables, "node_reports"), "node"), nodes);
    let grade_columns: Vec<&str> = table(&tables, "node_reports")
        .columns()
        .iter()
        .map(|c| c.key.as_str())
        .filter(|k| k.starts_with("grade."))
        .collect();
    assert_eq!(
        grade_columns.len(),
        plan.evaluation.as_ref().unwrap().scales.len()
    );
    assert!(texts(table(&tables, "observations"), "value")
        .iter()
        .all(String::is_empty));
}

#[test]
fn a_filled_report_keeps_its_values_in_its_own_order() {
    let plan = hoshizora();
    let bytes = read("examples/progress/synthetic-hoshizora-report-2026.json");
    let report = welfare_plan::report::check_report(&bytes, &plan, &Limits::default())
        .report
        .unwrap();
    let tables = sheet::report_tables(&plan, &report, Lang::Ja);
    let obs = table(&tables, "observations");
    let ids = texts(obs, "indicator");
    let values: Vec<&Cell> = obs.column_cells("value").collect();
    for (i, a) in report.observations.iter().enumerate() {
        assert_eq!(ids[i], a.indicator.as_str());
        let expected = a.value.as_ref().map_or(String::new(), |v| v.to_string());
        assert_eq!(values[i].display(), expected, "{}", a.indicator);
    }
    assert_eq!(table(&tables, "opinions").rows().len(), report.opinions.len());
    assert_eq!(
        table(&tables, "report").rows()[0][3],
        Cell::Text(report.plan.hash.clone())
    );
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use std::io::Cursor;

    fn open(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
        open_workbook_from_rs(Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn hostile_texts_are_string_cells_and_no_cell_is_a_formula() {
        let plan = hostile_plan();
        let mut book = open(sheet::plan_xlsx(&plan, Lang::Ja).unwrap());
        for name in book.sheet_names() {
            let formulas = book.worksheet_formula(&name).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "a formula in {name}"
            );
        }
        let tree = book.worksheet_range("体系").unwrap();
        let titles: Vec<&Data> = tree.rows().skip(2).map(|r| &r[7]).collect();
        for text in HOSTILE {
            assert!(
                titles.contains(&&Data::String(text.to_owned())),
                "{text} is not a string cell"
            );
        }
    }

    #[test]
    fn the_workbook_has_a_sheet_per_table_with_headings_and_keys_and_numbers_as_numbers() {
        let plan = hoshizora();
        let tables = sheet::plan_tables(&plan);
        let mut book = open(sheet::plan_xlsx(&plan, Lang::Ja).unwrap());
        let names = book.sheet_names();
        let mut expected: Vec<String> = tables.iter().map(|t| t.name(Lang::Ja).to_owned()).collect();
        expected.push("コード表".to_owned());
        assert_eq!(names, expected);
        let tree = book.worksheet_range("体系").unwrap();
        let rows: Vec<&[Data]> = tree.rows().collect();
        assert_eq!(rows[0][2], Data::String("ID".into()));
        assert_eq!(rows[1][2], Data::String("id".into()));
        assert_eq!(rows.len(), 2 + plan.all_nodes().count());
        let targets = book.worksheet_range("目標値").unwrap();
        let year = &targets.rows().nth(2).unwrap()[1];
        assert!(
            matches!(year, Data::Float(y) if y.fract() == 0.0 && *y >= 2023.0),
            "{year:?}"
        );
        let en = open(sheet::plan_xlsx(&plan, Lang::En).unwrap());
        assert!(en.sheet_names().contains(&"Tree".to_owned()));
    }

    #[test]
    fn the_evaluation_workbook_lists_every_indicator_and_node_with_grade_lists() {
        let plan = hoshizora();
        let blank = sheet::blank_report(&plan, welfare_plan::FiscalYear(2025));
        let bytes = sheet::report_xlsx(&plan, &blank, Lang::Ja).unwrap();
        let mut book = open(bytes.clone());
        let obs = book.worksheet_range("指標の実績").unwrap();
        let ids: Vec<String> = obs.rows().skip(2).map(|r| r[0].to_string()).collect();
        let expected: Vec<String> = plan.all_indicators().map(|(i, _)| i.id.to_string()).collect();
        assert_eq!(ids, expected);
        let nodes = book.worksheet_range("項目の評価").unwrap();
        let ids: Vec<String> = nodes.rows().skip(2).map(|r| r[0].to_string()).collect();
        let expected: Vec<String> = plan.all_nodes().map(|r| r.node.id.to_string()).collect();
        assert_eq!(ids, expected);
        let codes = book.worksheet_range("コード表").unwrap();
        let scale = &plan.evaluation.as_ref().unwrap().scales[0];
        let listed: Vec<String> = codes
            .rows()
            .filter(|r| r[0].to_string() == format!("grades.{}", scale.id))
            .map(|r| r[1].to_string())
            .collect();
        let grades: Vec<String> = scale.grades.iter().map(|g| g.code.clone()).collect();
        assert_eq!(listed, grades);
    }
}
