//! A sheet as the readers find it, before any column has given its cells a meaning: rows of
//! raw values, and the limits that stop a hostile file before it costs much.

use std::sync::Arc;

use crate::error::{Issue, IssueCode, Path};
use crate::Limits;

use super::cell_ref::CellRef;

/// A cell's value as a reader found it. Which of a number, a text or a flag it becomes is up
/// to its column: a CSV field `2025` is a year in a year column and a text in a title column.
#[derive(Debug, Clone, PartialEq)]
// Numbers, flags, formulas, error values and dates come only from a workbook (feature `xlsx`).
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) enum Raw {
    /// Nothing.
    Empty,
    /// A text whatever it looks like: an xlsx string cell, or a CSV field marked with the
    /// leading `'` of [`super::csv_text`] (the mark already stripped).
    Text(String),
    /// An unmarked CSV field: a number in a number column, a text elsewhere.
    Field(String),
    /// A number cell.
    Number(f64),
    /// A number cell shown with decimal places: a decimal even when whole (`23.0`).
    Decimal(f64),
    /// A `TRUE` / `FALSE` cell.
    Bool(bool),
    /// A formula (its text, never evaluated).
    Formula(String),
    /// An error value such as `#N/A`.
    ErrorValue(String),
    /// A date or time cell.
    Date,
    /// A cell already reported (too long, out of bounds): read as empty.
    Refused,
}

impl Raw {
    /// Whether the cell holds anything at all.
    pub(crate) fn is_empty(&self) -> bool {
        matches!(self, Raw::Empty) || matches!(self, Raw::Text(t) | Raw::Field(t) if t.is_empty())
    }

    /// The cell as a heading or key reads it: its text, trimmed.
    pub(crate) fn label(&self) -> &str {
        match self {
            Raw::Text(t) | Raw::Field(t) => t.trim(),
            _ => "",
        }
    }
}

/// One sheet (or CSV file): its name and its rows, from row 1.
#[derive(Debug, Clone)]
pub(crate) struct Grid {
    /// The sheet's name, or the CSV file's.
    pub name: Arc<str>,
    /// The rows, each as long as its last cell.
    pub rows: Vec<Vec<Raw>>,
}

impl Grid {
    /// The cell at `row`, `column`, or [`Raw::Empty`] past the edges.
    pub(crate) fn get(&self, row: usize, column: usize) -> &Raw {
        const EMPTY: &Raw = &Raw::Empty;
        self.rows.get(row).and_then(|r| r.get(column)).unwrap_or(EMPTY)
    }

    /// The cell reference of `row`, `column`.
    pub(crate) fn at(&self, row: usize, column: usize) -> CellRef {
        CellRef {
            sheet: self.name.clone(),
            row: u32::try_from(row).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

/// The limits a workbook or CSV is read within, derived from the document [`Limits`] so that
/// one setting governs JSON and spreadsheets alike.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SheetLimits {
    /// The most bytes of the file, and (for xlsx) of everything it unpacks to:
    /// `max_input_bytes`.
    pub bytes: usize,
    /// The most rows of a sheet: `max_elements`, and the two header rows.
    pub rows: usize,
    /// The most columns of a sheet: [`MAX_COLUMNS`].
    pub columns: usize,
    /// The most non-empty cells of the whole workbook: [`CELLS_PER_ELEMENT`] for each
    /// element a list may hold.
    pub cells: usize,
    /// The longest text in a cell: `max_text_chars`.
    pub cell_chars: usize,
}

/// The widest sheet read: far more than the widest table (28 columns, and a report's grade
/// columns), far less than Excel's 16,384.
pub const MAX_COLUMNS: usize = 1_024;

/// Cells allowed in a workbook for each element `max_elements` allows in a list.
pub const CELLS_PER_ELEMENT: usize = 32;

impl SheetLimits {
    pub(crate) fn of(limits: &Limits) -> SheetLimits {
        SheetLimits {
            bytes: limits.max_input_bytes,
            rows: limits.max_elements.saturating_add(2),
            columns: MAX_COLUMNS,
            cells: limits.max_elements.saturating_mul(CELLS_PER_ELEMENT),
            cell_chars: limits.max_text_chars,
        }
    }
}

/// An issue at a cell: the cell's A1 name begins both messages.
pub(crate) fn cell_issue(code: IssueCode, at: &CellRef, path: Path, en: String, ja: String) -> Issue {
    let a1 = at.a1();
    Issue {
        cell: Some(at.to_string()),
        ..Issue::new(code, path, format!("{a1}: {en}"), format!("{a1}: {ja}"))
    }
}

/// Fills a grid cell by cell, within the limits, reporting once per sheet what it refuses.
pub(crate) struct GridBuilder<'a> {
    grid: Grid,
    limits: SheetLimits,
    cells: &'a mut usize,
    refused: bool,
}

impl<'a> GridBuilder<'a> {
    /// An empty grid named `name`; `cells` counts the workbook's cells across its sheets.
    pub(crate) fn new(name: &str, limits: SheetLimits, cells: &'a mut usize) -> Self {
        GridBuilder {
            grid: Grid {
                name: name.into(),
                rows: Vec::new(),
            },
            limits,
            cells,
            refused: false,
        }
    }

    /// Whether a limit has been reached: the caller stops reading the sheet.
    pub(crate) fn full(&self) -> bool {
        self.refused
    }

    /// Puts `value` at `row`, `column`; returns an issue the first time a limit is passed.
    pub(crate) fn put(&mut self, row: usize, column: usize, value: Raw) -> Option<Issue> {
        if self.refused {
            return None;
        }
        let at = self.grid.at(row, column);
        let (en, ja) = if row >= self.limits.rows {
            (
                format!("the sheet has more than {} rows, the limit", self.limits.rows),
                format!("シートの行数が上限の{}行を超えています", self.limits.rows),
            )
        } else if column >= self.limits.columns {
            (
                format!(
                    "the sheet has more than {} columns, the limit",
                    self.limits.columns
                ),
                format!("シートの列数が上限の{}列を超えています", self.limits.columns),
            )
        } else if *self.cells >= self.limits.cells {
            (
                format!(
                    "the workbook has more than {} cells, the limit",
                    self.limits.cells
                ),
                format!("ブックのセル数が上限の{}個を超えています", self.limits.cells),
            )
        } else {
            let value = match value {
                Raw::Text(t) | Raw::Field(t) if t.chars().count() > self.limits.cell_chars => {
                    let issue = cell_issue(
                        IssueCode::SheetTooLarge,
                        &at,
                        Path::root(),
                        format!(
                            "the cell holds more than {} characters, the limit",
                            self.limits.cell_chars
                        ),
                        format!("セルの文字数が上限の{}文字を超えています", self.limits.cell_chars),
                    );
                    self.set(row, column, Raw::Refused);
                    return Some(issue);
                }
                v => v,
            };
            if !value.is_empty() {
                *self.cells += 1;
                self.set(row, column, value);
            }
            return None;
        };
        self.refused = true;
        Some(cell_issue(IssueCode::SheetTooLarge, &at, Path::root(), en, ja))
    }

    fn set(&mut self, row: usize, column: usize, value: Raw) {
        if self.grid.rows.len() <= row {
            self.grid.rows.resize_with(row + 1, Vec::new);
        }
        if let Some(r) = self.grid.rows.get_mut(row) {
            if r.len() <= column {
                r.resize(column + 1, Raw::Empty);
            }
            if let Some(slot) = r.get_mut(column) {
                *slot = value;
            }
        }
    }

    /// The grid read.
    pub(crate) fn finish(self) -> Grid {
        self.grid
    }
}
