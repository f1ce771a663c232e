//! Spreadsheet import: export → import → export is byte-identical (canonical JSON and CSV
//! text) for the Iizuka plan, every valid conformance document and the synthetic progress
//! example, through CSV and xlsx; every mistake in a workbook is reported at its cell, in one
//! run; CSV in Shift_JIS reads with a warning. The xlsx tests need `--features xlsx`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use welfare_plan::sheet::{self, Imported};
use welfare_plan::{Issue, IssueCode, Lang, Limits, Plan};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

fn hoshizora() -> Plan {
    welfare_plan::load(&read("examples/progress/synthetic-hoshizora-plan.json")).unwrap()
}

/// Every plan the round trips run on: the Iizuka plan, each valid conformance document, and
/// the synthetic progress example, by name.
fn plans() -> Vec<(String, Plan)> {
    let mut out = vec![("iizuka".to_owned(), welfare_plan::iizuka::third_plan())];
    let dir = repo().join("tests/conformance/documents");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    for path in names {
        let plan = welfare_plan::load(&std::fs::read(&path).unwrap()).unwrap();
        out.push((path.file_name().unwrap().to_string_lossy().into_owned(), plan));
    }
    out.push(("hoshizora".to_owned(), hoshizora()));
    out
}

fn csv_files(plan: &Plan, lang: Lang) -> Vec<(String, Vec<u8>)> {
    sheet::csv_tables(plan, lang)
        .into_iter()
        .map(|(name, text)| (name, text.into_bytes()))
        .collect()
}

fn errors(imported: &Imported<impl Sized>) -> Vec<&Issue> {
    imported.issues.iter().filter(|i| i.is_error()).collect()
}

fn assert_round_trip(name: &str, plan: &Plan, imported: Imported<Plan>) {
    assert!(errors(&imported).is_empty(), "{name}: {:#?}", imported.issues);
    let back = imported.document.unwrap_or_else(|| panic!("{name}: no plan"));
    assert_eq!(back.to_canonical_json(), plan.to_canonical_json(), "{name}");
    assert_eq!(
        sheet::csv_tables(&back, Lang::Ja),
        sheet::csv_tables(plan, Lang::Ja),
        "{name}: the CSV exported again"
    );
}

#[test]
fn every_plan_survives_csv_export_and_import_byte_for_byte() {
    for (name, plan) in plans() {
        for lang in [Lang::Ja, Lang::En] {
            let imported = sheet::import_plan_csv(&csv_files(&plan, lang), &Limits::default());
            assert_round_trip(&name, &plan, imported);
        }
    }
}

#[cfg(feature = "xlsx")]
mod xlsx {
    use super::*;

    #[test]
    fn every_plan_survives_xlsx_export_and_import_byte_for_byte() {
        for (name, plan) in plans() {
            for lang in [Lang::Ja, Lang::En] {
                let bytes = sheet::plan_xlsx(&plan, lang).unwrap();
                let imported = sheet::import_plan_xlsx(&bytes, &Limits::default());
                assert_round_trip(&name, &plan, imported);
            }
        }
    }
}

#[test]
fn a_marked_formula_in_csv_reads_back_as_its_text() {
    let mut plan = welfare_plan::iizuka::third_plan();
    plan.nodes[0].title.ja = "=SUM(A1)".to_owned();
    plan.nodes[1].title.ja = "'quoted".to_owned();
    let files = csv_files(&plan, Lang::Ja);
    let nodes = &files.iter().find(|f| f.0.ends_with(".nodes.csv")).unwrap().1;
    let text = String::from_utf8_lossy(nodes);
    assert!(
        text.contains(",'=SUM(A1),") && text.contains(",''quoted,"),
        "{text}"
    );
    let back = sheet::import_plan_csv(&files, &Limits::default())
        .document
        .unwrap();
    assert_eq!(back.nodes[0].title.ja, "=SUM(A1)");
    assert_eq!(back.nodes[1].title.ja, "'quoted");
}

#[test]
fn shift_jis_csv_reads_correctly_and_says_which_encoding_was_read() {
    // The synthetic example: every character of it is in CP932 (the Iizuka plan's `—` is not).
    let plan = hoshizora();
    let files: Vec<(String, Vec<u8>)> = sheet::csv_tables(&plan, Lang::Ja)
        .into_iter()
        .map(|(name, text)| {
            let text = text.trim_start_matches(sheet::BOM);
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
            assert!(!unmappable, "{name} has a character Shift_JIS lacks");
            (name, bytes.into_owned())
        })
        .collect();
    let imported = sheet::import_plan_csv(&files, &Limits::default());
    // What the Shift_JIS bytes say: CP932 has no U+2212 (−), which comes back as U+FF0D (－).
    let json = plan.to_canonical_json();
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&json);
    let (said, _) = encoding_rs::SHIFT_JIS.decode_without_bom_handling(&sjis);
    assert_ne!(said, json, "the example tries a character that changes");
    let got = imported.document.as_ref().unwrap().to_canonical_json();
    assert!(got == said, "the plan read differs from what its Shift_JIS says");
    // Files of ASCII only are UTF-8 as well as Shift_JIS: only the others are named.
    let warned: Vec<&Issue> = imported
        .issues
        .iter()
        .filter(|i| i.code == IssueCode::CsvEncodingRead)
        .collect();
    assert!(!warned.is_empty());
    assert!(
        imported
            .issues
            .iter()
            .all(|i| i.code == IssueCode::CsvEncodingRead),
        "{:#?}",
        imported.issues
    );
    let nodes = warned
        .iter()
        .find(|i| i.cell.as_deref().is_some_and(|c| c.contains(".nodes.csv")))
        .unwrap();
    assert!(
        nodes.message_en.contains("Shift_JIS (CP932)"),
        "{}",
        nodes.message_en
    );
    assert!(imported.is_valid());
}

#[test]
fn a_csv_in_neither_utf8_nor_shift_jis_is_refused_at_its_file() {
    let plan = welfare_plan::iizuka::third_plan();
    let mut files = csv_files(&plan, Lang::Ja);
    files[2].1 = b"\xff\xfe\x00a,b\r\n".to_vec();
    let imported = sheet::import_plan_csv(&files, &Limits::default());
    let refused: Vec<&Issue> = imported
        .issues
        .iter()
        .filter(|i| i.code == IssueCode::CsvEncoding)
        .collect();
    assert_eq!(refused.len(), 1);
    assert_eq!(
        refused[0].cell.as_deref(),
        Some(format!("'{}'!A1", files[2].0).as_str())
    );
    assert!(!imported.is_valid());
}

#[test]
fn an_old_excel_workbook_a_pdf_or_a_renamed_file_is_named_for_what_it_is() {
    let cases: [(&str, &[u8], &str, &str); 3] = [
        (
            "plan.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00",
            "Excel 97\u{2013}2003 format (.xls)",
            "Excel 97-2003形式（.xls）",
        ),
        ("plan.pdf", b"%PDF-1.7\n%\xE2\xE3", "is a PDF document", "PDF文書"),
        (
            "plan.xlsx",
            b"\xff\xfe\x00a,b",
            "given as an xlsx workbook but is not one",
            "ZIP形式",
        ),
    ];
    for (name, bytes, en, ja) in cases {
        let imported = sheet::import_plan(&[(name.to_owned(), bytes.to_vec())], &Limits::default());
        let [issue] = imported.issues.as_slice() else {
            panic!("{name}: {:#?}", imported.issues)
        };
        assert_eq!(issue.code, IssueCode::SheetUnreadable, "{name}");
        assert_eq!(issue.cell.as_deref(), Some(format!("'{name}'!A1").as_str()));
        assert!(issue.message_en.contains(en), "{}", issue.message_en);
        assert!(issue.message_ja.contains(ja), "{}", issue.message_ja);
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn a_workbook_cut_short_is_refused_in_japanese_words() {
    let plan = welfare_plan::iizuka::third_plan();
    let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
    let cut = bytes.get(..bytes.len() / 2).unwrap();
    let imported = sheet::import_plan_xlsx(cut, &Limits::default());
    let [issue] = imported.issues.as_slice() else {
        panic!("{:#?}", imported.issues)
    };
    assert_eq!(issue.code, IssueCode::SheetUnreadable);
    assert!(issue.message_en.contains("zip archive"), "{}", issue.message_en);
    // The zip reader's English detail stays in the English message.
    assert!(issue.message_ja.contains("途中で切れた"), "{}", issue.message_ja);
    assert!(!issue.message_ja.contains("EOCD"), "{}", issue.message_ja);
}

#[test]
fn every_report_of_the_example_survives_its_csv_tables() {
    let plan = hoshizora();
    for year in [2025, 2026, 2027] {
        let bytes = read(&format!(
            "examples/progress/synthetic-hoshizora-report-{year}.json"
        ));
        let report = welfare_plan::report::check_report(&bytes, &plan, &Limits::default())
            .report
            .unwrap();
        let files: Vec<(String, Vec<u8>)> = sheet::report_tables(&plan, &report, Lang::Ja)
            .iter()
            .map(|t| {
                (
                    format!("{}.{}.csv", report.id, t.key()),
                    sheet::csv_table(t, Lang::Ja).into_bytes(),
                )
            })
            .collect();
        let imported = sheet::import_report_csv(&files, &plan, &Limits::default());
        assert!(errors(&imported).is_empty(), "{year}: {:#?}", imported.issues);
        assert_eq!(
            imported.document.unwrap().to_canonical_json(),
            report.to_canonical_json(),
            "{year}"
        );
    }
}

#[test]
fn csv_limits_refuse_a_file_too_large_and_a_cell_too_long() {
    let plan = welfare_plan::iizuka::third_plan();
    let files = csv_files(&plan, Lang::Ja);
    let small = Limits {
        max_input_bytes: 1_000,
        ..Limits::default()
    };
    let imported = sheet::import_plan_csv(&files, &small);
    assert_eq!(imported.issues[0].code, IssueCode::SheetTooLarge);
    let short = Limits {
        max_text_chars: 40,
        ..Limits::default()
    };
    let imported = sheet::import_plan_csv(&files, &short);
    let long: Vec<&Issue> = imported
        .issues
        .iter()
        .filter(|i| i.code == IssueCode::SheetTooLarge)
        .collect();
    assert!(!long.is_empty());
    assert!(long.iter().all(|i| i.cell.is_some()), "{long:#?}");
}

#[cfg(feature = "xlsx")]
mod xlsx_reports_and_mistakes {
    use super::*;
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    use std::io::{Cursor, Read, Write};

    #[test]
    fn every_report_of_the_example_survives_the_evaluation_workbook() {
        let plan = hoshizora();
        for year in [2025, 2026, 2027] {
            let bytes = read(&format!(
                "examples/progress/synthetic-hoshizora-report-{year}.json"
            ));
            let report = welfare_plan::report::check_report(&bytes, &plan, &Limits::default())
                .report
                .unwrap();
            for lang in [Lang::Ja, Lang::En] {
                let book = sheet::report_xlsx(&plan, &report, lang).unwrap();
                let imported = sheet::import_report_xlsx(&book, &plan, &Limits::default());
                assert!(errors(&imported).is_empty(), "{year}: {:#?}", imported.issues);
                assert_eq!(
                    imported.document.unwrap().to_canonical_json(),
                    report.to_canonical_json(),
                    "{year}"
                );
            }
        }
    }

    /// A workbook's sheets as values, to edit and write again.
    struct Book {
        sheets: Vec<(String, Vec<Vec<Data>>)>,
        /// Cells written specially: a formula, a date, a merged range (to the column given).
        special: Vec<(String, u32, u16, Special)>,
    }

    enum Special {
        Formula(&'static str),
        Date,
        Merge(u16),
    }

    impl Book {
        fn open(bytes: Vec<u8>) -> Book {
            let mut xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
            let sheets = xlsx
                .sheet_names()
                .into_iter()
                .map(|name| {
                    let range = xlsx.worksheet_range(&name).unwrap();
                    let rows = range.rows().map(<[Data]>::to_vec).collect();
                    (name, rows)
                })
                .collect();
            Book {
                sheets,
                special: Vec::new(),
            }
        }

        fn rows(&mut self, sheet: &str) -> &mut Vec<Vec<Data>> {
            &mut self
                .sheets
                .iter_mut()
                .find(|s| s.0 == sheet)
                .unwrap_or_else(|| panic!("{sheet}"))
                .1
        }

        /// The (0-based) row and column of `key` in data row `n` (from 0) of `sheet`.
        fn cell(&mut self, sheet: &str, n: usize, key: &str) -> (u32, u16) {
            let rows = self.rows(sheet);
            let c = rows[1]
                .iter()
                .position(|d| *d == key)
                .unwrap_or_else(|| panic!("{sheet}: {key}"));
            assert!(rows.len() > 2 + n, "{sheet} has no data row {n}");
            ((2 + n) as u32, c as u16)
        }

        /// Sets a cell, returning its A1 name with its sheet.
        fn set(&mut self, sheet: &str, n: usize, key: &str, value: Data) -> String {
            let (r, c) = self.cell(sheet, n, key);
            let row = &mut self.rows(sheet)[r as usize];
            if row.len() <= c as usize {
                row.resize(c as usize + 1, Data::Empty);
            }
            row[c as usize] = value;
            name(sheet, r, c)
        }

        fn special(&mut self, sheet: &str, n: usize, key: &str, s: Special) -> String {
            let (r, c) = self.cell(sheet, n, key);
            self.special.push((sheet.to_owned(), r, c, s));
            name(sheet, r, c)
        }

        fn write(&self) -> Vec<u8> {
            let mut book = Workbook::new();
            for (name, rows) in &self.sheets {
                let sheet = book.add_worksheet();
                sheet.set_name(name).unwrap();
                for (r, row) in rows.iter().enumerate() {
                    for (c, d) in row.iter().enumerate() {
                        let (r, c) = (r as u32, c as u16);
                        match d {
                            Data::String(s) => {
                                sheet.write_string(r, c, s).unwrap();
                            }
                            Data::Float(x) => {
                                sheet.write_number(r, c, *x).unwrap();
                            }
                            Data::Int(i) => {
                                sheet.write_number(r, c, *i as f64).unwrap();
                            }
                            Data::Bool(b) => {
                                sheet.write_boolean(r, c, *b).unwrap();
                            }
                            _ => {}
                        }
                    }
                }
                for (_, r, c, s) in self.special.iter().filter(|s| s.0 == *name) {
                    match s {
                        Special::Formula(f) => {
                            sheet.write_formula(*r, *c, *f).unwrap();
                        }
                        Special::Date => {
                            let date = ExcelDateTime::from_ymd(2027, 4, 1).unwrap();
                            let format = Format::new().set_num_format("yyyy-mm-dd");
                            sheet.write_datetime_with_format(*r, *c, &date, &format).unwrap();
                        }
                        Special::Merge(to) => {
                            sheet
                                .merge_range(*r, *c, *r, *to, "merged", &Format::new())
                                .unwrap();
                        }
                    }
                }
            }
            book.save_to_buffer().unwrap()
        }
    }

    fn name(sheet: &str, r: u32, c: u16) -> String {
        sheet::CellRef {
            sheet: sheet.into(),
            row: r,
            column: u32::from(c),
        }
        .to_string()
    }

    /// `bytes` with one zip entry's text changed by `edit`.
    fn edit_entry(bytes: &[u8], entry: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
        edit_entry_bytes(bytes, entry, |content| {
            edit(String::from_utf8(content).unwrap()).into_bytes()
        })
    }

    /// `bytes` with one zip entry's bytes (any bytes, not only text) changed by `edit`.
    fn edit_entry_bytes(bytes: &[u8], entry: &str, edit: impl Fn(Vec<u8>) -> Vec<u8>) -> Vec<u8> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let name = file.name().to_owned();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            if name == entry {
                content = edit(content);
            }
            let options =
                zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            out.start_file(name, options).unwrap();
            out.write_all(&content).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_workbook_with_a_dozen_mistakes_reports_each_at_its_cell_in_one_run() {
        let plan = hoshizora();
        let mut book = Book::open(sheet::plan_xlsx(&plan, Lang::Ja).unwrap());
        let mut expected: Vec<(IssueCode, Option<String>)> = Vec::new();
        let mut expect = |code, cell: String| expected.push((code, Some(cell)));
        expect(
            IssueCode::CheckDigit,
            book.set("計画", 0, "municipality_code", Data::String("139018".into())),
        );
        expect(
            IssueCode::SheetFormula,
            book.special("体系", 0, "title_ja", Special::Formula("=\"ひとり\"&\"に\"")),
        );
        expect(IssueCode::BlankText, book.set("体系", 1, "title_ja", Data::Empty));
        expect(
            IssueCode::NotAFlag,
            book.set("体系", 2, "priority", Data::String("たぶん".into())),
        );
        expect(
            IssueCode::NotANumber,
            book.set("課題", 0, "number", Data::String("一".into())),
        );
        expect(
            IssueCode::SheetDate,
            book.special("目標値", 8, "fiscal_year", Special::Date),
        );
        expect(
            IssueCode::StrayRow,
            book.set("目標値", 2, "indicator", Data::String("ind-nope".into())),
        );
        expect(
            IssueCode::DanglingReference,
            book.set("担い手の役割", 0, "actor", Data::String("nobody".into())),
        );
        expect(
            IssueCode::GradeUnknown,
            book.set("評価の条件", 1, "grade", Data::String("Z".into())),
        );
        expect(
            IssueCode::InvalidValue,
            book.set("指標", 4, "direction", Data::String("upward".into())),
        );
        expect(
            IssueCode::ExtensionsJson,
            book.set("指標", 1, "extensions", Data::String("{broken".into())),
        );
        expect(
            IssueCode::DuplicateId,
            book.set("担い手", 1, "id", Data::String("residents".into())),
        );
        expect(
            IssueCode::SheetMergedCell,
            book.special("担い手", 2, "description_ja", Special::Merge(7)),
        );
        // A misspelt key and heading: the column is not read, and a did-you-mean names it.
        let (r, c) = book.cell("担い手の役割", 0, "role_ja");
        book.rows("担い手の役割")[0][c as usize] = Data::String("役目".into());
        book.rows("担い手の役割")[1][c as usize] = Data::String("rol_ja".into());
        expected.push((IssueCode::UnknownColumn, Some(name("担い手の役割", r - 1, c))));
        // A sheet gone, and one that is no table.
        book.sheets.retain(|s| s.0 != "出典");
        expected.push((IssueCode::MissingSheet, None));
        book.sheets
            .push(("メモ".into(), vec![vec![Data::String("確認中".into())]]));
        expected.push((IssueCode::UnknownSheet, Some("メモ!A1".into())));
        let bytes = book.write();
        // An error value, written as Excel writes one: the plan sheet is the first.
        let (r, c) = book.cell("計画", 0, "edition");
        let at = name("計画", r, c);
        let a1 = at.trim_start_matches("計画!").to_owned();
        let bytes = edit_entry(&bytes, "xl/worksheets/sheet1.xml", |xml| {
            let start = xml.find(&format!("<c r=\"{a1}\"")).unwrap();
            let end = start + xml[start..].find("</c>").unwrap() + 4;
            format!(
                "{}<c r=\"{a1}\" t=\"e\"><v>#N/A</v></c>{}",
                &xml[..start],
                &xml[end..]
            )
        });
        expected.push((IssueCode::SheetErrorValue, Some(at)));

        let imported = sheet::import_plan_xlsx(&bytes, &Limits::default());
        let found: Vec<(IssueCode, Option<String>)> =
            imported.issues.iter().map(|i| (i.code, i.cell.clone())).collect();
        for e in &expected {
            assert!(found.contains(e), "{e:?} not reported; found {found:#?}");
        }
        let kinds: std::collections::BTreeSet<IssueCode> = expected.iter().map(|e| e.0).collect();
        assert!(kinds.len() >= 12, "{} kinds", kinds.len());
        // Every issue but the missing sheet's names its cell, first in both messages.
        for i in &imported.issues {
            if i.code == IssueCode::MissingSheet {
                assert!(i.message_en.contains("出典"), "{i}");
                continue;
            }
            let cell = i.cell.as_deref().unwrap_or_else(|| panic!("no cell: {i}"));
            let a1 = cell.rsplit('!').next().unwrap();
            assert!(i.message_en.starts_with(&format!("{a1}: ")), "{i}");
            assert!(i.message_ja.starts_with(&format!("{a1}: ")), "{}", i.message_ja);
        }
        // Values found wrong by the core carry their JSON Pointer as well as their cell.
        let dangling = imported
            .issues
            .iter()
            .find(|i| i.code == IssueCode::DanglingReference)
            .unwrap();
        assert_eq!(
            dangling.path.to_string(),
            "/nodes/0/children/0/participants/0/actor"
        );
        let formula = imported
            .issues
            .iter()
            .find(|i| i.code == IssueCode::SheetFormula)
            .unwrap();
        assert_eq!(formula.path.to_string(), "/nodes/0/title/ja");
        // The formula as written, `&` (stored as `&amp;`) included.
        assert!(
            formula.message_en.contains(r#"`="ひとり"&"に"`"#),
            "{}",
            formula.message_en
        );
        let hint = imported
            .issues
            .iter()
            .find(|i| i.code == IssueCode::UnknownColumn)
            .unwrap();
        assert!(
            hint.message_en.contains("did you mean `role_ja`?"),
            "{}",
            hint.message_en
        );
        assert!(!imported.is_valid());

        // This workbook is the fixture the CLI, Python and WASM suites import too: each must
        // find what its expected file lists. WELFARE_PLAN_BLESS=1 writes both again.
        let listed = serde_json::to_string_pretty(&issue_list(&imported)).unwrap() + "\n";
        let dir = repo().join("tests/sheets");
        if std::env::var_os("WELFARE_PLAN_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join(MISTAKES), &bytes).unwrap();
            std::fs::write(dir.join(MISTAKES_EXPECTED), &listed).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(dir.join(MISTAKES_EXPECTED)).unwrap(),
            listed,
            "tests/sheets/{MISTAKES_EXPECTED} is not what this workbook gives: run with WELFARE_PLAN_BLESS=1"
        );
    }

    const MISTAKES: &str = "synthetic-hoshizora-mistakes.xlsx";
    const MISTAKES_EXPECTED: &str = "synthetic-hoshizora-mistakes.expected.json";

    /// Each issue's code, severity, cell and JSON Pointer: what every surface must report.
    fn issue_list(imported: &Imported<Plan>) -> serde_json::Value {
        imported
            .issues
            .iter()
            .map(|i| {
                serde_json::json!({
                    "code": i.code,
                    "severity": i.severity,
                    "cell": i.cell,
                    "path": i.path.to_string(),
                })
            })
            .collect()
    }

    #[test]
    fn the_shared_mistakes_workbook_gives_the_issues_its_expected_file_lists() {
        let dir = repo().join("tests/sheets");
        let bytes = std::fs::read(dir.join(MISTAKES)).unwrap();
        let imported = sheet::import_plan(&[(MISTAKES.to_owned(), bytes)], &Limits::default());
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(MISTAKES_EXPECTED)).unwrap()).unwrap();
        assert_eq!(issue_list(&imported), expected);
        assert!(!imported.is_valid());
    }

    #[test]
    fn a_true_saved_by_libreoffice_as_the_formula_true_reads_as_true() {
        // LibreOffice writes a boolean cell as `<f>TRUE()</f>` with its value.
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let saved = edit_entry(&bytes, "xl/worksheets/sheet15.xml", |xml| {
            assert!(xml.contains(r#"t="b"><v>1</v>"#), "a TRUE cell on the sheet");
            xml.replace(r#"t="b"><v>1</v>"#, r#"t="b"><f>TRUE()</f><v>1</v>"#)
        });
        let imported = sheet::import_plan_xlsx(&saved, &Limits::default());
        assert!(imported.issues.is_empty(), "{:#?}", imported.issues);
        assert_eq!(
            imported.document.unwrap().to_canonical_json(),
            plan.to_canonical_json()
        );
        // Any other formula is still refused.
        let other = edit_entry(&bytes, "xl/worksheets/sheet15.xml", |xml| {
            xml.replacen(r#"t="b"><v>1</v>"#, r#"t="b"><f>NOT(FALSE())</f><v>1</v>"#, 1)
        });
        let imported = sheet::import_plan_xlsx(&other, &Limits::default());
        assert_eq!(
            imported.issues.iter().map(|i| i.code).collect::<Vec<_>>(),
            [IssueCode::SheetFormula]
        );
    }

    /// The text items of a workbook's shared strings, as raw XML (escapes kept).
    fn shared_items(bytes: &[u8]) -> Vec<String> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml.split("<si>")
            .skip(1)
            .map(|item| {
                let t = &item[item.find("<t").unwrap()..];
                let start = t.find('>').unwrap() + 1;
                t[start..t.find("</t>").unwrap()].to_owned()
            })
            .collect()
    }

    #[test]
    fn rich_text_runs_and_the_furigana_japanese_excel_keeps_read_as_the_text_alone() {
        // Japanese Excel stores a name typed with an IME with its reading (`<rPh>`), and a
        // formatted text as runs (`<r>`); neither the reading nor the split may reach the plan.
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let edited = edit_entry(&bytes, "xl/sharedStrings.xml", |xml| {
            let xml = xml.replace("<si><t", "<si><r><rPr><b/></rPr><t");
            xml.replace(
                "</t></si>",
                "</t></r><rPh sb=\"0\" eb=\"1\"><t>ヨミ</t></rPh><phoneticPr fontId=\"1\"/></si>",
            )
        });
        assert!(edited != bytes);
        assert_reads_back(&edited, &plan);
    }

    /// The workbook `bytes` imports with no issue, as `plan` byte for byte.
    fn assert_reads_back(bytes: &[u8], plan: &Plan) {
        let imported = sheet::import_plan_xlsx(bytes, &Limits::default());
        assert!(imported.issues.is_empty(), "{:#?}", imported.issues);
        assert_eq!(
            imported.document.unwrap().to_canonical_json(),
            plan.to_canonical_json()
        );
    }

    #[test]
    fn inline_strings_read_as_shared_strings_do() {
        // Other writers (and Excel for some cells) put a text in the cell itself: `inlineStr`.
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let items = shared_items(&bytes);
        let inlined = std::cell::Cell::new(0);
        let mut edited = bytes.clone();
        for entry in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml"] {
            edited = edit_entry(&edited, entry, |xml| {
                let mut out = String::new();
                let mut rest = xml.as_str();
                while let Some(at) = rest.find(" t=\"s\"><v>") {
                    let (head, tail) = rest.split_at(at);
                    let tail = &tail[" t=\"s\"><v>".len()..];
                    let end = tail.find("</v>").unwrap();
                    let index: usize = tail[..end].parse().unwrap();
                    out.push_str(head);
                    out.push_str(&format!(" t=\"inlineStr\"><is><t>{}</t></is>", items[index]));
                    rest = &tail[end + "</v>".len()..];
                    inlined.set(inlined.get() + 1);
                }
                out.push_str(rest);
                out
            });
        }
        assert!(inlined.get() > 20, "only {} cells made inline", inlined.get());
        assert_reads_back(&edited, &plan);
    }

    #[test]
    fn a_sheet_whose_part_is_missing_or_broken_is_reported_and_the_others_still_read() {
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let missing = edit_entry(&bytes, "xl/_rels/workbook.xml.rels", |xml| {
            xml.replacen("worksheets/sheet3.xml", "worksheets/nowhere.xml", 1)
        });
        let imported = sheet::import_plan_xlsx(&missing, &Limits::default());
        let unreadable: Vec<_> = imported
            .issues
            .iter()
            .filter(|i| i.code == IssueCode::SheetUnreadable)
            .collect();
        assert_eq!(unreadable.len(), 1, "{:#?}", imported.issues);
        assert_eq!(unreadable[0].cell.as_deref(), Some("体系!A1"));
        assert!(
            unreadable[0].message_en.contains("nowhere.xml"),
            "{}",
            unreadable[0]
        );
        // A sheet cut off in the middle: what came before is read, the break is reported.
        let broken = edit_entry(&bytes, "xl/worksheets/sheet3.xml", |xml| {
            let cut = xml.find("<row r=\"4\"").unwrap();
            format!(
                "{}<row r=\"4\"><c r=\"A4\" t=\"s\"><v>1</v></x></row>",
                &xml[..cut]
            )
        });
        let imported = sheet::import_plan_xlsx(&broken, &Limits::default());
        assert!(
            imported
                .issues
                .iter()
                .any(|i| i.code == IssueCode::SheetUnreadable && i.cell.as_deref() == Some("体系!A1")),
            "{:#?}",
            imported.issues
        );
    }

    #[test]
    fn every_truncation_of_a_sheet_or_its_strings_is_reported_without_a_panic() {
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        for entry in [
            "xl/worksheets/sheet3.xml",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "xl/workbook.xml",
        ] {
            for fraction in [1, 3, 5, 7, 9] {
                let cut = edit_entry(&bytes, entry, |xml| {
                    let mut at = xml.len() * fraction / 10;
                    while !xml.is_char_boundary(at) {
                        at -= 1;
                    }
                    xml[..at].to_owned()
                });
                let imported = sheet::import_plan_xlsx(&cut, &Limits::default());
                assert!(
                    imported.issues.iter().any(Issue::is_error),
                    "{entry} cut at {fraction}/10 read as clean"
                );
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Any bytes written over any place of a sheet, the shared strings or the styles:
        /// read or reported, never a panic, and a clean result only when the plan still checks.
        #[test]
        fn bytes_written_into_the_workbooks_xml_never_panic(
            entry in 0usize..4,
            at in 0.0f64..1.0,
            junk in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
        ) {
            let bytes = hoshizora_book();
            let name = ["xl/worksheets/sheet3.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"][entry];
            let edited = edit_entry_bytes(bytes, name, |mut xml| {
                let cut = ((xml.len() as f64) * at) as usize;
                xml.splice(cut..(cut + junk.len()).min(xml.len()), junk.iter().copied());
                xml
            });
            let imported = sheet::import_plan_xlsx(&edited, &Limits::default());
            if imported.is_valid() {
                proptest::prop_assert!(imported.document.is_some());
            } else {
                proptest::prop_assert!(imported.issues.iter().any(Issue::is_error));
            }
        }
    }

    fn hoshizora_book() -> &'static [u8] {
        static BOOK: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        BOOK.get_or_init(|| sheet::plan_xlsx(&hoshizora(), Lang::Ja).unwrap())
    }

    #[test]
    fn a_zip_that_declares_more_than_the_limit_is_refused_before_it_is_inflated() {
        let plan = welfare_plan::iizuka::third_plan();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let limits = Limits {
            max_input_bytes: bytes.len() + 1,
            ..Limits::default()
        };
        let imported = sheet::import_plan_xlsx(&bytes, &limits);
        assert!(imported.document.is_none());
        assert_eq!(imported.issues.len(), 1, "{:#?}", imported.issues);
        assert_eq!(imported.issues[0].code, IssueCode::SheetTooLarge);
        assert!(
            imported.issues[0].message_en.contains("unpacks to"),
            "{}",
            imported.issues[0]
        );
    }

    #[test]
    fn a_shared_formula_over_a_huge_range_is_refused_and_its_cells_are_formulas() {
        let plan = hoshizora();
        let bytes = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let huge = edit_entry(&bytes, "xl/worksheets/sheet1.xml", |xml| {
            xml.replacen(
                "<c r=\"L3\"",
                "<c r=\"L3\"><f t=\"shared\" ref=\"A1:XFD1048576\" si=\"0\">1</f></c><c r=\"L4\"",
                1,
            )
        });
        let imported = sheet::import_plan_xlsx(&huge, &Limits::default());
        assert_eq!(
            imported.issues[0].code,
            IssueCode::SheetTooLarge,
            "{:#?}",
            imported.issues
        );
        // A formula filled down: the cells that share it are formulas too.
        let filled = edit_entry(&bytes, "xl/worksheets/sheet3.xml", |xml| {
            let xml = xml.replacen(
                "<c r=\"H3\" ",
                "<c r=\"H3\" ><f t=\"shared\" ref=\"H3:H4\" si=\"0\">A1</f></c><c r=\"Z3\" ",
                1,
            );
            xml.replacen(
                "<c r=\"H4\" ",
                "<c r=\"H4\" ><f t=\"shared\" si=\"0\"/></c><c r=\"Z4\" ",
                1,
            )
        });
        let imported = sheet::import_plan_xlsx(&filled, &Limits::default());
        let cells: Vec<&str> = imported
            .issues
            .iter()
            .filter(|i| i.code == IssueCode::SheetFormula)
            .filter_map(|i| i.cell.as_deref())
            .collect();
        assert_eq!(cells, ["体系!H3", "体系!H4"], "{:#?}", imported.issues);
    }

    #[test]
    fn bytes_that_are_no_workbook_are_refused_without_a_panic() {
        let plan = welfare_plan::iizuka::third_plan();
        let good = sheet::plan_xlsx(&plan, Lang::Ja).unwrap();
        let mut inputs: Vec<Vec<u8>> = vec![Vec::new(), b"PK".to_vec(), b"not a workbook".to_vec()];
        inputs.push(good[..good.len() / 2].to_vec());
        let mut flipped = good.clone();
        for i in (100..flipped.len()).step_by(997) {
            flipped[i] ^= 0x5a;
        }
        inputs.push(flipped);
        for bytes in inputs {
            let imported = sheet::import_plan_xlsx(&bytes, &Limits::default());
            assert!(!imported.is_valid());
            assert!(imported.issues.iter().any(Issue::is_error));
        }
    }
}

/// The plan's CSV files with the `levels` file replaced by `edit` of its lines.
fn with_levels(
    plan: &Plan,
    lang: Lang,
    edit: impl Fn(Vec<Vec<String>>) -> Vec<Vec<String>>,
) -> Vec<(String, Vec<u8>)> {
    let mut files = csv_files(plan, lang);
    let levels = files.iter_mut().find(|f| f.0.ends_with(".levels.csv")).unwrap();
    let text = String::from_utf8(levels.1.clone()).unwrap();
    let lines: Vec<Vec<String>> = text
        .trim_start_matches(sheet::BOM)
        .split_terminator("\r\n")
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let edited: Vec<String> = edit(lines).iter().map(|l| l.join(",")).collect();
    levels.1 = format!("{}\r\n", edited.join("\r\n")).into_bytes();
    files
}

#[test]
fn columns_are_found_by_heading_in_either_language_when_the_key_row_is_gone() {
    let plan = welfare_plan::iizuka::third_plan();
    let files = with_levels(&plan, Lang::En, |mut lines| {
        lines.remove(1);
        lines[0].reverse();
        for row in lines.iter_mut().skip(1) {
            row.reverse();
        }
        lines
    });
    assert_round_trip(
        "levels by English heading",
        &plan,
        sheet::import_plan_csv(&files, &Limits::default()),
    );
}

#[test]
fn a_missing_column_and_a_column_twice_are_reported_at_the_header() {
    let plan = welfare_plan::iizuka::third_plan();
    let files = with_levels(&plan, Lang::Ja, |lines| {
        lines
            .into_iter()
            .map(|mut l| {
                l.remove(2); // name_en
                let numbering = l[2].clone();
                l.push(numbering);
                l
            })
            .collect()
    });
    let imported = sheet::import_plan_csv(&files, &Limits::default());
    let levels = format!("'{}.levels.csv'", plan.id);
    let found: Vec<(IssueCode, Option<String>)> =
        imported.issues.iter().map(|i| (i.code, i.cell.clone())).collect();
    assert!(
        found.contains(&(IssueCode::MissingColumn, Some(format!("{levels}!G1")))),
        "{found:#?}"
    );
    assert!(
        found.contains(&(IssueCode::DuplicateColumn, Some(format!("{levels}!F2")))),
        "{found:#?}"
    );
    assert!(!imported.is_valid());
}
