//! Grids into tables: each table's sheet found by its key or either language's name, each
//! column by the key row first and then by either language's heading, so that headings can be
//! reworded, translated or reordered; what cannot be matched is reported at its cell.

use std::cell::Cell as Flag;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::error::{Issue, IssueCode, Path};
use crate::suggest::closest;

use super::cell_ref::CellRef;
use super::codes::CODES_SHEET;
use super::grid::{cell_issue, Grid, Raw};
use super::table::{Column, Table};

/// A table as read from its sheet: where each of its columns is, and its data rows.
#[derive(Debug)]
pub(crate) struct ReadTable {
    /// The sheet's (or file's) name; empty when the sheet is missing.
    pub sheet: Arc<str>,
    /// Each column key's position in the sheet.
    columns: FxHashMap<String, usize>,
    /// The data rows: the row's index in the sheet and its cells.
    rows: Vec<(usize, Vec<Raw>)>,
    /// Which rows the document has taken, so that a row that belongs nowhere is reported.
    pub taken: Vec<Flag<bool>>,
}

impl ReadTable {
    /// A table with no sheet: every lookup is empty.
    pub(crate) fn empty() -> ReadTable {
        ReadTable {
            sheet: Arc::from(""),
            columns: FxHashMap::default(),
            rows: Vec::new(),
            taken: Vec::new(),
        }
    }

    /// The number of data rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The cell of column `key` in data row `i`.
    pub(crate) fn raw(&self, i: usize, key: &str) -> &Raw {
        const EMPTY: &Raw = &Raw::Empty;
        self.columns
            .get(key)
            .and_then(|&c| self.rows.get(i).and_then(|r| r.1.get(c)))
            .unwrap_or(EMPTY)
    }

    /// Where column `key` of data row `i` is: the column's cell, or the row's first cell when
    /// the column is missing.
    pub(crate) fn at(&self, i: usize, key: &str) -> CellRef {
        let row = self.rows.get(i).map_or(0, |r| r.0);
        let column = self.columns.get(key).copied().unwrap_or(0);
        CellRef {
            sheet: self.sheet.clone(),
            row: u32::try_from(row).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }

    /// The trimmed text of column `key` in row `i` (numbers as written), for ids and owners.
    pub(crate) fn id(&self, i: usize, key: &str) -> String {
        match self.raw(i, key) {
            Raw::Text(t) | Raw::Field(t) => t.trim().to_owned(),
            Raw::Number(x) | Raw::Decimal(x) => super::row::number_text(*x),
            _ => String::new(),
        }
    }

    /// Marks row `i` as taken into the document.
    pub(crate) fn take(&self, i: usize) {
        if let Some(f) = self.taken.get(i) {
            f.set(true);
        }
    }
}

/// Whether a grid is the sheet (or CSV file) of the table `key`, named `ja` or `en`.
fn names_table(grid_name: &str, key: &str, ja: &str, en: &str) -> bool {
    let name = grid_name.trim();
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem
        .strip_suffix(".csv")
        .or_else(|| stem.strip_suffix(".CSV"))
        .unwrap_or(stem);
    stem == key || stem == ja || stem == en || stem.ends_with(&format!(".{key}"))
}

/// Finds every table of `shapes` among `grids`; reports missing sheets, sheets of no table,
/// and every column problem.
pub(crate) fn read_tables(
    grids: &[Grid],
    shapes: &[Table],
    issues: &mut Vec<Issue>,
) -> FxHashMap<String, ReadTable> {
    let mut used = vec![false; grids.len()];
    let mut out = FxHashMap::default();
    for shape in shapes {
        let (ja, en) = (shape.name(crate::Lang::Ja), shape.name(crate::Lang::En));
        let found = grids.iter().enumerate().find(|(g, grid)| {
            !used.get(*g).copied().unwrap_or(true) && names_table(&grid.name, shape.key(), ja, en)
        });
        let table = match found {
            Some((g, grid)) => {
                if let Some(u) = used.get_mut(g) {
                    *u = true;
                }
                read_table(grid, shape, issues)
            }
            None => {
                issues.push(Issue::new(
                    IssueCode::MissingSheet,
                    Path::root(),
                    format!(
                        "the sheet `{ja}` (`{en}`, or a CSV file ending in `.{}.csv`) is missing",
                        shape.key()
                    ),
                    format!(
                        "シート `{ja}`（`{en}`、またはCSVファイル `….{}.csv`）がありません",
                        shape.key()
                    ),
                ));
                ReadTable::empty()
            }
        };
        out.insert(shape.key().to_owned(), table);
    }
    for (grid, _) in grids.iter().zip(&used).filter(|(_, u)| !**u) {
        if names_table(&grid.name, CODES_SHEET.0, CODES_SHEET.1, CODES_SHEET.2) {
            continue;
        }
        issues.push(cell_issue(
            IssueCode::UnknownSheet,
            &grid.at(0, 0),
            Path::root(),
            format!(
                "the sheet `{}` is no table of the format; it was not read",
                grid.name
            ),
            format!(
                "シート `{}` はこの形式の表ではないため、読み込みませんでした",
                grid.name
            ),
        ));
    }
    out
}

/// Matches one grid's header rows to the table's columns and keeps its data rows.
fn read_table(grid: &Grid, shape: &Table, issues: &mut Vec<Issue>) -> ReadTable {
    let columns = shape.columns();
    let is_key = |s: &str| columns.iter().any(|c| c.key == s);
    let width = grid.rows.iter().take(2).map(Vec::len).max().unwrap_or(0);
    // The key row is the second row, if it holds any key; a sheet that lost it starts its
    // data on row 2 and is read by its headings alone.
    let key_row = (0..width).any(|c| is_key(grid.get(1, c).label()));
    let first_data = if key_row { 2 } else { 1 };
    let mut found: FxHashMap<String, usize> = FxHashMap::default();
    let mut suggested: Vec<&str> = Vec::new();
    for c in 0..width {
        let key = if key_row { grid.get(1, c).label() } else { "" };
        let heading = grid.get(0, c).label();
        let by_heading = |h: &str| {
            columns
                .iter()
                .find(|col| (col.ja == h || col.en == h || col.key == h) && !found.contains_key(&col.key))
                .or_else(|| {
                    columns
                        .iter()
                        .find(|col| col.ja == h || col.en == h || col.key == h)
                })
        };
        let column: Option<&Column> = if !key.is_empty() {
            columns
                .iter()
                .find(|col| col.key == key)
                .or_else(|| by_heading(key))
        } else {
            None
        }
        .or_else(|| (!heading.is_empty()).then(|| by_heading(heading)).flatten());
        let header_at = grid.at(if key.is_empty() { 0 } else { 1 }, c);
        match column {
            Some(col) if found.contains_key(&col.key) => issues.push(cell_issue(
                IssueCode::DuplicateColumn,
                &header_at,
                Path::root(),
                format!(
                    "a second column `{}` ({}); only the first is read",
                    col.key, col.ja
                ),
                format!(
                    "列 `{}`（{}）が二つあります。最初の列だけを読みます",
                    col.key, col.ja
                ),
            )),
            Some(col) => {
                found.insert(col.key.clone(), c);
            }
            None if key.is_empty() && heading.is_empty() => {
                let holds = grid
                    .rows
                    .iter()
                    .skip(first_data)
                    .any(|r| r.get(c).is_some_and(|v| !v.is_empty()));
                if holds {
                    issues.push(cell_issue(
                        IssueCode::UnknownColumn,
                        &grid.at(0, c),
                        Path::root(),
                        "a column without a heading or key holds values; it was not read".to_owned(),
                        "見出しもキーもない列に値があります。読み込みませんでした".to_owned(),
                    ));
                }
            }
            None => {
                let seen = if key.is_empty() { heading } else { key };
                let keys: Vec<&str> = columns.iter().map(|c| c.key.as_str()).collect();
                let headings: Vec<&str> = columns
                    .iter()
                    .flat_map(|c| [c.ja.as_str(), c.en.as_str()])
                    .collect();
                let hint = closest(seen, &keys).or_else(|| {
                    closest(seen, &headings)
                        .and_then(|h| columns.iter().find(|c| c.ja == h || c.en == h))
                        .map(|c| c.key.as_str())
                });
                let (en_hint, ja_hint) = match hint {
                    Some(k) => {
                        suggested.push(k);
                        (
                            format!(", did you mean `{k}`?"),
                            format!("（`{k}` の誤りではありませんか）"),
                        )
                    }
                    None => (String::new(), String::new()),
                };
                let seen = crate::preview(seen);
                issues.push(cell_issue(
                    IssueCode::UnknownColumn,
                    &header_at,
                    Path::root(),
                    format!(
                        "`{seen}` is not a column of `{}`{en_hint}; the column was not read",
                        shape.key()
                    ),
                    format!(
                        "`{seen}` は `{}` の列ではないため、読み込みませんでした{ja_hint}",
                        shape.name(crate::Lang::Ja)
                    ),
                ));
            }
        }
    }
    for col in columns {
        if col.derived || found.contains_key(&col.key) || suggested.contains(&col.key.as_str()) {
            continue;
        }
        issues.push(cell_issue(
            IssueCode::MissingColumn,
            &grid.at(0, width),
            Path::root(),
            format!("the column `{}` ({} / {}) is missing", col.key, col.ja, col.en),
            format!("列 `{}`（{}）がありません", col.key, col.ja),
        ));
    }
    let rows: Vec<(usize, Vec<Raw>)> = grid
        .rows
        .iter()
        .enumerate()
        .skip(first_data)
        .filter(|(_, r)| r.iter().any(|v| !v.is_empty()))
        .map(|(i, r)| (i, r.clone()))
        .collect();
    ReadTable {
        sheet: grid.name.clone(),
        columns: found,
        taken: rows.iter().map(|_| Flag::new(false)).collect(),
        rows,
    }
}
