//! Spreadsheets back into documents: a plan from its CSV files or its workbook, a progress
//! report from its evaluation workbook (or CSV files). The tables are read, the document is
//! rebuilt with the cell of every value, and the core checks it exactly as it checks JSON;
//! every issue, the spreadsheet's own and the core's, names its sheet and cell.

use serde_json::Value;

use crate::error::{Error, Issue, IssueCode, Path};
use crate::model::{Lang, Plan};
use crate::report::ProgressReport;
use crate::Limits;

use super::grid::{Grid, SheetLimits};
use super::part::{Located, Part};
use super::plan_columns as col;
use super::plan_import::{plan_document, Tables};
use super::read::{read_tables, ReadTable};
use super::read_csv::read_csv;
use super::report_import::report_document;
use super::row::{Ctx, Row};
use super::table::Table;

/// A document read back from a spreadsheet, and every issue found in one run: the
/// spreadsheet's own (`sheet.*`, `csv.*`) and the core's, each with its [`Issue::cell`].
#[derive(Debug, Clone)]
pub struct Imported<T> {
    /// The document, when the tables rebuilt one of the right shape; present even when rules
    /// found errors, as [`crate::Checked::plan`] is.
    pub document: Option<T>,
    /// Every issue, errors and warnings: the spreadsheet's first, then the core's.
    pub issues: Vec<Issue>,
}

impl<T> Imported<T> {
    /// True when there is a document and no issue is an error.
    pub fn is_valid(&self) -> bool {
        self.document.is_some() && !self.issues.iter().any(Issue::is_error)
    }

    /// The verdict in one line, as for a JSON document: `valid (no warnings)`,
    /// `無効（エラー 3件、警告 0件）`.
    pub fn summary_in(&self, lang: Lang) -> String {
        crate::parse::summary_in(self.is_valid(), &self.issues, lang)
    }

    /// The document if valid, else `invalid` of every issue.
    fn valid_or(self, invalid: fn(Vec<Issue>) -> Error) -> Result<T, Error> {
        match self.document {
            Some(d) if !self.issues.iter().any(Issue::is_error) => Ok(d),
            _ => Err(invalid(self.issues)),
        }
    }
}

impl Imported<Plan> {
    /// The plan if valid, else [`Error::Invalid`] with every issue.
    pub fn into_result(self) -> Result<Plan, Error> {
        self.valid_or(Error::Invalid)
    }
}

impl Imported<ProgressReport> {
    /// The report if valid, else [`Error::InvalidReport`] with every issue.
    pub fn into_result(self) -> Result<ProgressReport, Error> {
        self.valid_or(Error::InvalidReport)
    }
}

/// True when `bytes` begin as an xlsx workbook (a zip archive) does; anything else is read as
/// CSV. Every surface tells the two apart by this, not by a file's name.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// A plan from what a user hands over: one workbook, or the CSV files of its tables (each
/// file's name and bytes). The one entry point of the CLI and the bindings, so that they tell
/// a workbook from CSV the same way ([`is_workbook`]).
///
/// ```
/// use welfare_plan::{sheet, Lang, Limits};
/// let plan = welfare_plan::iizuka::third_plan();
/// let files: Vec<(String, Vec<u8>)> = sheet::csv_tables(&plan, Lang::En)
///     .into_iter()
///     .map(|(name, text)| (name, text.into_bytes()))
///     .collect();
/// let imported = sheet::import_plan(&files, &Limits::default());
/// assert_eq!(imported.summary_in(Lang::En), "valid (no warnings)");
/// ```
pub fn import_plan(files: &[(String, Vec<u8>)], limits: &Limits) -> Imported<Plan> {
    plan_from(read_files(files, limits), limits)
}

/// A progress report of `plan` from its evaluation workbook or CSV files; see [`import_plan`].
pub fn import_report(files: &[(String, Vec<u8>)], plan: &Plan, limits: &Limits) -> Imported<ProgressReport> {
    import_report_hashed(files, plan, &crate::report::plan_hash(plan), limits)
}

/// [`import_report`] given the plan's [`crate::report::plan_hash`], for a caller that keeps
/// it (hashing a large plan costs more than checking a report), as
/// [`crate::report::check_report_hashed`] does.
pub fn import_report_hashed(
    files: &[(String, Vec<u8>)],
    plan: &Plan,
    hash: &str,
    limits: &Limits,
) -> Imported<ProgressReport> {
    report_from(read_files(files, limits), plan, hash, limits)
}

/// The grids of a spreadsheet, and the issues of reading them.
type Read = (Vec<Grid>, Vec<Issue>);

/// Reads `files`: the one workbook they are, or CSV files.
fn read_files(files: &[(String, Vec<u8>)], limits: &Limits) -> Read {
    match workbook(files) {
        #[cfg(feature = "xlsx")]
        Some(bytes) => read_workbook(bytes, limits),
        #[cfg(not(feature = "xlsx"))]
        Some(_) => no_workbooks(),
        None => read_csv_files(files, limits),
    }
}

/// Reads a workbook (feature `xlsx`).
#[cfg(feature = "xlsx")]
fn read_workbook(bytes: &[u8], limits: &Limits) -> Read {
    let mut issues = Vec::new();
    let grids = super::read_xlsx::read_xlsx(bytes, SheetLimits::of(limits), &mut issues);
    (grids, issues)
}

/// Reads CSV files, each named as [`super::csv_tables`] names them.
fn read_csv_files(files: &[(String, Vec<u8>)], limits: &Limits) -> Read {
    let mut issues = Vec::new();
    let grids = csv_grids(files, limits, &mut issues);
    (grids, issues)
}

/// The CSV files a directory stands for when it is given as a spreadsheet (its `*.csv`, in name
/// order), for the CLI's `import` and Python's `import_plan`; an error names no file when it
/// holds none.
pub fn csv_files_in(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    if found.is_empty() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the directory holds no .csv file",
        ));
    }
    found.sort();
    Ok(found)
}

/// The one workbook among `files`, when they are a workbook and nothing else.
fn workbook(files: &[(String, Vec<u8>)]) -> Option<&[u8]> {
    match files {
        [(_, bytes)] if is_workbook(bytes) => Some(bytes),
        _ => None,
    }
}

/// What a build without the `xlsx` feature says of a workbook.
#[cfg(not(feature = "xlsx"))]
fn no_workbooks() -> Read {
    let issue = Issue::new(
        IssueCode::SheetUnreadable,
        Path::root(),
        "this build reads CSV files only, not xlsx workbooks (the `xlsx` feature)".to_owned(),
        "この版は CSV ファイルだけを読みます。xlsx ブックは読めません（`xlsx` 機能）".to_owned(),
    );
    (Vec::new(), vec![issue])
}

/// Every table of a plan with its columns and no rows, in the order of [`super::plan_tables`].
pub(crate) fn plan_shapes() -> Vec<Table> {
    vec![
        col::PLAN.table(vec![]),
        col::LEVELS.table(vec![]),
        col::NODES.table(vec![]),
        col::PARTICIPATIONS.table(vec![]),
        col::PROJECTS.table(vec![]),
        col::PRIORITY_PROJECTS.table(vec![]),
        col::INDICATORS.table(vec![]),
        col::TARGETS.table(vec![]),
        col::CHALLENGES.table(vec![]),
        col::ACTORS.table(vec![]),
        col::SECTORS.table(vec![]),
        col::PUBLISHERS.table(vec![]),
        col::SCALES.table(vec![]),
        col::GRADES.table(vec![]),
        col::GRADE_CONDITIONS.table(vec![]),
        col::SUB_PLANS.table(vec![]),
        col::PHASES.table(vec![]),
        col::DISTRICTS.table(vec![]),
        col::FIGURES.table(vec![]),
        col::BASES.table(vec![]),
        col::VOICES.table(vec![]),
        col::OVERVIEW.table(vec![]),
        col::REVISIONS.table(vec![]),
        col::SOURCES.table(vec![]),
        col::LINKS.table(vec![]),
        col::LINEAGE.table(vec![]),
    ]
}

/// The columns that say whom a row belongs to, by table: a row no owner took is reported at
/// the first of them that holds something.
const OWNERS: [(&str, &[&str]); 18] = [
    ("plan", &["id"]),
    ("nodes", &["parent", "district"]),
    ("participations", &["node"]),
    ("projects", &["node"]),
    ("indicators", &["owner_kind", "owner"]),
    ("targets", &["indicator"]),
    ("links", &["list", "owner"]),
    ("lineage", &["owner_kind", "owner"]),
    ("challenges", &["district"]),
    ("phases", &["sub_plan"]),
    ("figures", &["district"]),
    ("grades", &["scale"]),
    ("grade_conditions", &["scale"]),
    ("report", &["id"]),
    ("observations", &["indicator"]),
    ("node_reports", &["node"]),
    ("opinions", &["number"]),
    ("opinion_nodes", &["opinion"]),
];

/// Reports every row that no part of the document took.
fn strays(tables: &Tables, ctx: &mut Ctx) {
    for (key, owners) in OWNERS {
        let t = tables.get(key);
        for row in Row::all(t).filter(|r| !t.taken.get(r.i).is_some_and(std::cell::Cell::get)) {
            let column = owners
                .iter()
                .rev()
                .find(|c| !row.id(c).is_empty())
                .or(owners.first())
                .copied()
                .unwrap_or("id");
            let value = crate::preview(&row.id(column));
            let (en, ja) = if key == "plan" || key == "report" {
                (
                    "a second row on a sheet of one row; only the first is read".to_owned(),
                    "1行だけのシートに2行目があります。最初の行だけを読みます".to_owned(),
                )
            } else {
                (
                    format!("the row's `{column}` is `{value}`, which names nothing this row can belong to; the row was not read"),
                    format!("この行の `{column}` `{value}` に当たる項目がないため、行を読み込みませんでした"),
                )
            };
            ctx.report(IssueCode::StrayRow, &row.at(column), en, ja);
        }
    }
}

/// Puts the cell of its JSON Pointer on a core issue, or drops it when its cell has already
/// been reported (a value the spreadsheet could not give, then found missing).
fn locate(mut issue: Issue, located: &Located, ctx: &Ctx) -> Option<Issue> {
    issue.line = None;
    issue.column = None;
    if let Some((at, exact)) = located.cell(&issue.path.to_string()) {
        if exact && ctx.reported(at) {
            return None;
        }
        let a1 = at.a1();
        issue.message_en = format!("{a1}: {}", issue.message_en);
        issue.message_ja = format!("{a1}: {}", issue.message_ja);
        issue.cell = Some(at.to_string());
    }
    Some(issue)
}

/// The document rebuilt from `grids`, checked by `check`, every issue located.
fn import<T>(
    grids: &[Grid],
    shapes: &[Table],
    mut issues: Vec<Issue>,
    limits: &Limits,
    build: impl FnOnce(&Tables, &mut Ctx) -> Part,
    check: impl FnOnce(&[u8], &Limits) -> (Option<T>, Vec<Issue>),
) -> Imported<T> {
    if grids.is_empty() && issues.iter().any(Issue::is_error) {
        // Refused whole (too large, not a workbook, not an encoding read): nothing to rebuild.
        return Imported {
            document: None,
            issues,
        };
    }
    let read = read_tables(grids, shapes, &mut issues);
    let tables = Tables::new(read, ReadTable::empty());
    let mut ctx = Ctx::default();
    let part = build(&tables, &mut ctx);
    strays(&tables, &mut ctx);
    let (value, located): (Value, Located) = part.finish();
    let json = serde_json::to_vec(&value).unwrap_or_default();
    // The spreadsheet was read within the limits; its JSON form may be longer than the file.
    let within = Limits {
        max_input_bytes: usize::MAX,
        ..*limits
    };
    let (document, found) = check(&json, &within);
    for (at, mut issue) in std::mem::take(&mut ctx.issues) {
        if let Some(path) = located.path(&at) {
            issue.path = path.clone();
        }
        issues.push(issue);
    }
    issues.extend(found.into_iter().filter_map(|i| locate(i, &located, &ctx)));
    crate::parse::cap(&mut issues, limits.max_issues);
    Imported { document, issues }
}

fn plan_from((grids, issues): Read, limits: &Limits) -> Imported<Plan> {
    import(
        &grids,
        &plan_shapes(),
        issues,
        limits,
        plan_document,
        |json, l| {
            let checked = crate::check_with(json, l);
            (checked.plan, checked.issues)
        },
    )
}

/// Reads CSV files, each named as [`super::csv_tables`] names them (the file name ends in
/// `.{table key}.csv`; the table's name in either language also serves).
fn csv_grids(files: &[(String, Vec<u8>)], limits: &Limits, issues: &mut Vec<Issue>) -> Vec<Grid> {
    let sheet_limits = SheetLimits::of(limits);
    let mut cells = 0;
    let total: usize = files.iter().map(|f| f.1.len()).fold(0, usize::saturating_add);
    if total > sheet_limits.bytes {
        issues.push(Issue::new(
            IssueCode::SheetTooLarge,
            Path::root(),
            format!(
                "the CSV files are {total} bytes together, more than the limit of {}",
                sheet_limits.bytes
            ),
            format!(
                "CSVファイルの合計が{total}バイトで、上限の{}バイトを超えています",
                sheet_limits.bytes
            ),
        ));
        return Vec::new();
    }
    files
        .iter()
        .filter_map(|(name, bytes)| read_csv(name, bytes, sheet_limits, &mut cells, issues))
        .collect()
}

/// A plan from the CSV files of [`super::csv_tables`] (`files`: each file's name and bytes,
/// UTF-8 with or without the BOM, or Shift_JIS), checked as a JSON document is.
///
/// ```
/// use welfare_plan::{sheet, Lang, Limits};
/// let plan = welfare_plan::iizuka::third_plan();
/// let files: Vec<(String, Vec<u8>)> = sheet::csv_tables(&plan, Lang::Ja)
///     .into_iter()
///     .map(|(name, text)| (name, text.into_bytes()))
///     .collect();
/// let imported = sheet::import_plan_csv(&files, &Limits::default());
/// assert!(imported.is_valid(), "{:?}", imported.issues);
/// assert_eq!(imported.document.unwrap().to_canonical_json(), plan.to_canonical_json());
/// ```
pub fn import_plan_csv(files: &[(String, Vec<u8>)], limits: &Limits) -> Imported<Plan> {
    plan_from(read_csv_files(files, limits), limits)
}

/// A plan from its workbook (feature `xlsx`), as [`super::plan_xlsx`] writes it and as a
/// city's Excel saves it again, checked as a JSON document is. A workbook that unpacks to
/// more than `max_input_bytes` is refused before it is inflated.
///
/// ```
/// use welfare_plan::{sheet, Lang, Limits};
/// let plan = welfare_plan::iizuka::third_plan();
/// let bytes = sheet::plan_xlsx(&plan, Lang::Ja)?;
/// let imported = sheet::import_plan_xlsx(&bytes, &Limits::default());
/// assert_eq!(imported.document.unwrap().to_canonical_json(), plan.to_canonical_json());
/// # Ok::<(), welfare_plan::Error>(())
/// ```
#[cfg(feature = "xlsx")]
pub fn import_plan_xlsx(bytes: &[u8], limits: &Limits) -> Imported<Plan> {
    plan_from(read_workbook(bytes, limits), limits)
}

fn report_from((grids, issues): Read, plan: &Plan, hash: &str, limits: &Limits) -> Imported<ProgressReport> {
    let shapes = super::report_tables::report_shapes(plan);
    import(
        &grids,
        &shapes,
        issues,
        limits,
        |tables, ctx| report_document(tables, plan, ctx),
        |json, l| {
            let checked = crate::report::check_report_hashed(json, plan, hash, l);
            (checked.report, checked.issues)
        },
    )
}

/// A progress report of `plan` from its evaluation workbook (feature `xlsx`, as
/// [`super::report_xlsx`] writes it), checked against the plan as a JSON report is.
///
/// ```
/// use welfare_plan::{sheet, FiscalYear, Lang, Limits};
/// let plan = welfare_plan::iizuka::third_plan();
/// let blank = sheet::blank_report(&plan, FiscalYear(2024));
/// let bytes = sheet::report_xlsx(&plan, &blank, Lang::Ja)?;
/// let imported = sheet::import_report_xlsx(&bytes, &plan, &Limits::default());
/// assert_eq!(imported.document.unwrap().id, blank.id);
/// # Ok::<(), welfare_plan::Error>(())
/// ```
#[cfg(feature = "xlsx")]
pub fn import_report_xlsx(bytes: &[u8], plan: &Plan, limits: &Limits) -> Imported<ProgressReport> {
    report_from(
        read_workbook(bytes, limits),
        plan,
        &crate::report::plan_hash(plan),
        limits,
    )
}

/// A progress report of `plan` from the CSV files of its evaluation tables (each table of
/// [`super::report_tables`] written by [`super::csv_table`], named `….{table key}.csv`).
///
/// ```
/// use welfare_plan::{sheet, FiscalYear, Lang, Limits};
/// let plan = welfare_plan::iizuka::third_plan();
/// let blank = sheet::blank_report(&plan, FiscalYear(2024));
/// let files: Vec<(String, Vec<u8>)> = sheet::report_tables(&plan, &blank, Lang::Ja)
///     .iter()
///     .map(|t| (format!("{}.{}.csv", blank.id, t.key()), sheet::csv_table(t, Lang::Ja).into_bytes()))
///     .collect();
/// let imported = sheet::import_report_csv(&files, &plan, &Limits::default());
/// assert_eq!(imported.document.unwrap().id, blank.id);
/// ```
pub fn import_report_csv(
    files: &[(String, Vec<u8>)],
    plan: &Plan,
    limits: &Limits,
) -> Imported<ProgressReport> {
    report_from(
        read_csv_files(files, limits),
        plan,
        &crate::report::plan_hash(plan),
        limits,
    )
}
