//! An .xlsx workbook back into grids (feature `xlsx`), read with calamine after the first look
//! of [`super::unpack`]: values as they are stored, never a formula's result, dates and error
//! values kept apart so that their columns can say what belongs there, merged cells reported.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};

use crate::error::{Issue, IssueCode, Path};

use super::cell_ref::CellRef;
use super::grid::{cell_issue, Grid, GridBuilder, Raw, SheetLimits};
use super::unpack::{unpack, Refusal};

fn refused(issues: &mut Vec<Issue>, (en, ja, too_large): Refusal) {
    let code = if too_large {
        IssueCode::SheetTooLarge
    } else {
        IssueCode::SheetUnreadable
    };
    issues.push(Issue::new(code, Path::root(), en, ja));
}

fn raw(value: DataRef<'_>) -> Raw {
    match value {
        DataRef::Empty => Raw::Empty,
        DataRef::String(s) => Raw::Text(s),
        DataRef::SharedString(s) => Raw::Text(s.to_owned()),
        DataRef::Float(x) => Raw::Number(x),
        DataRef::Int(i) => Raw::Number(i as f64),
        DataRef::Bool(b) => Raw::Bool(b),
        DataRef::Error(e) => Raw::ErrorValue(e.to_string()),
        DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => Raw::Date,
    }
}

/// Every sheet of the workbook `bytes` as a grid, in the workbook's order, with the issues of
/// reading it (a refusal, a merged range, a limit passed).
pub(crate) fn read_xlsx(bytes: &[u8], limits: SheetLimits, issues: &mut Vec<Issue>) -> Vec<Grid> {
    if bytes.len() > limits.bytes {
        refused(
            issues,
            (
                format!(
                    "the workbook is {} bytes, more than the limit of {}",
                    bytes.len(),
                    limits.bytes
                ),
                format!(
                    "ブックは{}バイトで、上限の{}バイトを超えています",
                    bytes.len(),
                    limits.bytes
                ),
                true,
            ),
        );
        return Vec::new();
    }
    let mut unpacked = match unpack(bytes, limits) {
        Ok(u) => u,
        Err(r) => {
            refused(issues, r);
            return Vec::new();
        }
    };
    let mut book: Xlsx<_> = match Xlsx::new(Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            refused(
                issues,
                (
                    format!("the file is not an xlsx workbook that can be read: {e}"),
                    format!("xlsx形式のブックとして読めません（{e}）"),
                    false,
                ),
            );
            return Vec::new();
        }
    };
    let mut cells = 0usize;
    let mut grids = Vec::new();
    for name in book.sheet_names() {
        let mut grid = GridBuilder::new(&name, limits, &mut cells);
        let decimals = unpacked.decimals.remove(&name).unwrap_or_default();
        let read = book.worksheet_cells_reader(&name).and_then(|mut reader| {
            while let Some(cell) = reader.next_cell()? {
                let (row, column) = cell.get_position();
                let value = match raw(cell.get_value().clone()) {
                    Raw::Number(x) if decimals.contains(&(row, column)) => Raw::Decimal(x),
                    v => v,
                };
                issues.extend(grid.put(row as usize, column as usize, value));
                if grid.full() {
                    break;
                }
            }
            Ok(())
        });
        if let Err(e) = read {
            issues.push(cell_issue(
                IssueCode::SheetUnreadable,
                &CellRef {
                    sheet: name.as_str().into(),
                    row: 0,
                    column: 0,
                },
                Path::root(),
                format!("the sheet cannot be read: {e}"),
                format!("シートを読めません（{e}）"),
            ));
        }
        // A formula replaces whatever value Excel stored with it: the value is never used.
        for (row, column, text) in unpacked.formulas.remove(&name).unwrap_or_default() {
            if grid.full() {
                break;
            }
            issues.extend(grid.put(row as usize, column as usize, Raw::Formula(text)));
        }
        let grid = grid.finish();
        if let Some(Ok(merged)) = book.worksheet_merge_cells(&name) {
            for range in merged {
                let from = grid.at(range.start.0 as usize, range.start.1 as usize);
                let to = grid.at(range.end.0 as usize, range.end.1 as usize);
                let span = format!("{}:{}", from.a1(), to.a1());
                issues.push(cell_issue(
                    IssueCode::SheetMergedCell,
                    &from,
                    Path::root(),
                    format!("cells `{span}` are merged; unmerge them, so that each cell holds its own value"),
                    format!("セル `{span}` が結合されています。結合を解除し、各セルに値を入れてください"),
                ));
            }
        }
        grids.push(grid);
    }
    grids
}
