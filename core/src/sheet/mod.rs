//! Spreadsheets: a plan, or the evaluation of a year, as tables for Excel and LibreOffice
//! (.xlsx, feature `xlsx`), as CSV files, and as an open-data CSV.
//!
//! City staff draft plans and fill in each year's evaluation in spreadsheets; these tables are
//! read back without loss ([`import_plan_csv`], [`import_plan_xlsx`], [`import_report_xlsx`],
//! [`import_report_csv`]: export → import → export gives the same canonical JSON and the same
//! CSV), so they follow a few rules:
//!
//! - **Every field has a column.** A plan is 26 tables ([`plan_tables`]): the plan's own fields
//!   in one row, the tree (every node at any depth, the plan's and districts' plans', with its
//!   parent's id, a parent before its children), participations, projects, indicators and
//!   targets, challenges, actors, sectors, publishers, scales and grades, sub-plans, phases,
//!   districts, figures, bases, voices, overview, revisions, sources, and two generic ones:
//!   `links` (every list of ids, one id a row: `nodes.challenges`, `voices.nodes` …) and
//!   `lineage`. A bilingual text is two columns (`title_ja`, `title_en`); `extensions` is the
//!   object as JSON text. Rows keep the document's order, which is the order of every list.
//! - **Two header rows.** Row 1 is the heading in the chosen language (Japanese from the
//!   model's terms, or English); row 2 is the column's stable key (`title_ja`). Data starts on
//!   row 3. The import finds columns by key, so headings can be reworded, translated or
//!   reordered; sheets are named in the chosen language and found by either language's name or
//!   the table's key. Every heading and name is declared once, in `plan_columns.rs` and
//!   `report_columns.rs`.
//! - **Derived columns** (番号表記, the level's id, the plan's titles in the evaluation sheet)
//!   are shaded in the workbook and marked [`Column::derived`]: shown for reading, recomputed
//!   rather than read.
//! - **Typed cells.** Numbers are numbers (integers stay integers; a whole decimal is written
//!   `212.0` in CSV), texts are texts. In xlsx every text is a string cell, so that nothing is
//!   ever a formula. In CSV a text that begins with `=`, `+`, `-`, `@`, a tab, a carriage
//!   return or `'` gets one leading `'` (CSV injection), and the import strips exactly that one
//!   `'`; a qualitative value that would read as a number gets it too (see [`csv_text`]). In
//!   xlsx a whole decimal is shown `0.0`, which is how the import tells `212.0` from `212`.
//!
//! The import rebuilds the document with the cell of every value, then checks it exactly as
//! [`crate::check_with`] checks JSON (a report as [`crate::report::check_report`] does); every
//! issue carries its JSON Pointer and its [`crate::Issue::cell`] (`体系!H14`), and both
//! messages begin with the cell (`H14: …`). The spreadsheet's own problems have their own
//! codes (`sheet.*`, `csv.*`), all reported in one run: a missing sheet or column, a heading
//! that names no column (with a did-you-mean), a formula, an error value or a date where a
//! value belongs, a merged range, a text where a number belongs, a row that belongs nowhere, a
//! CSV in neither UTF-8 nor Shift_JIS (and a warning whenever Shift_JIS was read). The
//! [`crate::Limits`] apply: `max_input_bytes` to the file and to what an xlsx unpacks to
//! (checked from the zip's declared sizes before anything is inflated, then held to while
//! inflating), `max_elements` to rows, `max_text_chars` to a cell.
//!
//! Known gaps of the import: a required value the sheet could not give (a text in a year, a
//! formula) leaves its part of the document without the field, and the core then checks the
//! rules of that part no further, as it does for JSON; an empty row of the evaluation sheet is
//! no entry, so an entry with nothing but `"value": null` does not survive; a grade column
//! that a report lists in another order than the plan's scales comes back in the scales'
//! order; a date is refused rather than read as `YYYY-MM`.
//!
//! ```
//! let plan = welfare_plan::iizuka::third_plan();
//! let files = welfare_plan::sheet::csv_tables(&plan, welfare_plan::Lang::Ja);
//! let (name, nodes) = files.iter().find(|(n, _)| n.ends_with(".nodes.csv")).unwrap();
//! assert_eq!(name, &format!("{}.nodes.csv", plan.id));
//! assert_eq!(nodes.lines().count(), 2 + plan.all_nodes().count());
//! ```

mod cell_ref;
mod codes;
mod csv;
mod grid;
mod import;
mod opendata;
mod part;
mod plan_columns;
mod plan_import;
mod plan_tables;
mod read;
mod read_csv;
#[cfg(feature = "xlsx")]
mod read_xlsx;
mod report_columns;
mod report_import;
mod report_tables;
mod row;
mod table;
mod tree_import;
mod tree_tables;
#[cfg(feature = "xlsx")]
mod unpack;
#[cfg(feature = "xlsx")]
mod workbook_xml;
#[cfg(feature = "xlsx")]
mod worksheet_xml;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use cell_ref::{column_letters, parse_a1, CellRef};
pub use codes::{CodeList, Codes, CODES_SHEET, INDICATOR_OWNERS, LINEAGE_OWNERS, LINK_LISTS};
pub use csv::{csv_table, csv_tables, csv_text, BOM, FORMULA_TRIGGERS};
pub use grid::{CELLS_PER_ELEMENT, MAX_COLUMNS};
pub use import::{
    csv_files_in, import_plan, import_plan_csv, import_report, import_report_csv, import_report_hashed,
    is_workbook, Imported,
};
#[cfg(feature = "xlsx")]
pub use import::{import_plan_xlsx, import_report_xlsx};
pub use opendata::{
    opendata_csv, opendata_markdown, opendata_observations_csv, OPENDATA_COLUMNS,
    OPENDATA_OBSERVATION_COLUMNS,
};
pub use plan_tables::plan_tables;
pub use report_tables::{blank_report, report_tables};
pub use table::{Cell, Column, Spec, Table, TableSpec};

/// The declarations of every table and column: what the import reads headings and keys from.
pub mod columns {
    pub use super::plan_columns::*;
    pub use super::report_columns::*;
}

#[cfg(feature = "xlsx")]
use crate::model::{Lang, Plan};

/// A plan as an .xlsx workbook: one sheet per table of [`plan_tables`], headings in `lang`,
/// and a codes sheet (コード表) listing every code the drop-down lists offer.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// let bytes = welfare_plan::sheet::plan_xlsx(&plan, welfare_plan::Lang::Ja).unwrap();
/// assert!(bytes.starts_with(b"PK")); // a zip archive
/// ```
#[cfg(feature = "xlsx")]
pub fn plan_xlsx(plan: &Plan, lang: Lang) -> Result<Vec<u8>, crate::Error> {
    xlsx::workbook(&plan_tables(plan), plan, lang)
}

/// The evaluation workbook of `report` for `plan`: every indicator and every node of the plan,
/// prefilled with its numbering and titles (and the report's values, if it has any), with
/// columns to fill in and a drop-down of the plan's grades for each scale. For a year not yet
/// evaluated, pass [`blank_report`].
///
/// ```
/// use welfare_plan::{sheet, FiscalYear, Lang};
/// let plan = welfare_plan::iizuka::third_plan();
/// let bytes = sheet::report_xlsx(&plan, &sheet::blank_report(&plan, FiscalYear(2024)), Lang::Ja).unwrap();
/// assert!(bytes.starts_with(b"PK"));
/// ```
#[cfg(feature = "xlsx")]
pub fn report_xlsx(
    plan: &Plan,
    report: &crate::report::ProgressReport,
    lang: Lang,
) -> Result<Vec<u8>, crate::Error> {
    xlsx::workbook(&report_tables(plan, report, lang), plan, lang)
}
