//! An .xlsx workbook back into grids (feature `xlsx`): the zip unpacked within the limits
//! ([`super::unpack`]), the parts its cells refer to read ([`super::workbook_xml`]), then each
//! sheet in one pass ([`super::worksheet_xml`]): values as they are stored, never a formula's
//! result, dates and error values kept apart so that their columns can say what belongs there,
//! merged cells reported.

use crate::error::{Issue, IssueCode, Path};

use super::cell_ref::CellRef;
use super::grid::{cell_issue, Grid, GridBuilder, SheetLimits};
use super::unpack::{unpack, unreadable, Refusal};
use super::workbook_xml::{shared_strings, sheets, styles};
use super::worksheet_xml::{read_worksheet, Book, Stop};

fn refused(issues: &mut Vec<Issue>, (en, ja, too_large): Refusal) {
    let code = if too_large {
        IssueCode::SheetTooLarge
    } else {
        IssueCode::SheetUnreadable
    };
    issues.push(Issue::new(code, Path::root(), en, ja));
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
    let parts = match unpack(bytes, limits) {
        Ok(p) => p,
        Err(r) => {
            refused(issues, r);
            return Vec::new();
        }
    };
    let read = sheets(&parts).and_then(|sheets| Ok((sheets, shared_strings(&parts)?, styles(&parts)?)));
    let (sheets, strings, styles) = match read {
        Ok(read) => read,
        Err(e) => {
            refused(issues, unreadable(e));
            return Vec::new();
        }
    };
    let book = Book {
        strings: &strings,
        styles: &styles,
    };
    let mut cells = 0usize;
    let mut grids = Vec::with_capacity(sheets.len());
    let mut found = Vec::new();
    for (name, path) in &sheets {
        let mut grid = GridBuilder::new(name, limits, &mut cells);
        let unreadable_at_a1 = |what: String| {
            cell_issue(
                IssueCode::SheetUnreadable,
                &CellRef {
                    sheet: name.as_str().into(),
                    row: 0,
                    column: 0,
                },
                Path::root(),
                format!("the sheet cannot be read: {what}"),
                "シートのデータが壊れていて読めません。表計算ソフトで開き、xlsx形式で保存し直してください"
                    .to_owned(),
            )
        };
        let merged = match parts.get(path) {
            None => {
                found.push(unreadable_at_a1(format!("the workbook has no part `{path}`")));
                Vec::new()
            }
            Some(xml) => match read_worksheet(xml, &book, limits, &mut grid, &mut found) {
                Ok(merged) => merged,
                Err(Stop::Unreadable(e)) => {
                    found.push(unreadable_at_a1(e));
                    Vec::new()
                }
                Err(Stop::Refused(r)) => {
                    refused(issues, r);
                    return Vec::new();
                }
            },
        };
        let grid = grid.finish();
        for ((r1, c1), (r2, c2)) in merged {
            let from = grid.at(r1 as usize, c1 as usize);
            let to = grid.at(r2 as usize, c2 as usize);
            let span = format!("{}:{}", from.a1(), to.a1());
            found.push(cell_issue(
                IssueCode::SheetMergedCell,
                &from,
                Path::root(),
                format!("cells `{span}` are merged; unmerge them, so that each cell holds its own value"),
                format!("セル `{span}` が結合されています。結合を解除し、各セルに値を入れてください"),
            ));
        }
        grids.push(grid);
    }
    issues.append(&mut found);
    grids
}
