//! One worksheet's XML into a grid (feature `xlsx`), in a single streaming pass: each cell's
//! value as stored (a shared or inline string, a number, a flag, an error value, a date), a
//! formula's text instead of its cached result (shared formulas included, without expanding
//! their ranges cell by cell), and the merged ranges.

use std::ops::ControlFlow;

use quick_xml::events::{BytesStart, Event};

use super::cell_ref::{parse_a1, parse_a1_bytes};
use super::grid::{GridBuilder, Raw, SheetLimits};
use super::unpack::Refusal;
use super::workbook_xml::{attr, push_text, walk, Shown, StringItem};
use crate::error::Issue;

/// What a worksheet's cells refer to: the shared strings and how each style shows a number.
pub(crate) struct Book<'a> {
    pub strings: &'a [String],
    pub styles: &'a [Shown],
}

/// Why a worksheet was not read to its end.
pub(crate) enum Stop {
    /// Its XML is broken: the sheet is reported unreadable, the cells before kept.
    Unreadable(String),
    /// A formula's range passes the limits: the whole workbook is refused.
    Refused(Refusal),
}

/// A merged range: first and last (row, column), 0-based.
pub(crate) type Merged = ((u32, u32), (u32, u32));

/// The corners of a range `A1:B2` (or of one cell).
fn range(text: &str) -> Option<Merged> {
    let (from, to) = text.split_once(':').unwrap_or((text, text));
    Some((parse_a1(from)?, parse_a1(to)?))
}

/// The cells a range covers.
fn area(((r1, c1), (r2, c2)): Merged) -> u64 {
    (u64::from(r1.abs_diff(r2)) + 1) * (u64::from(c1.abs_diff(c2)) + 1)
}

/// Whether a formula's text is the constant `TRUE()` or `FALSE()` (or `TRUE`, `FALSE`), as
/// LibreOffice saves a flag cell beside its value: a constant, not a formula.
fn is_boolean_constant(formula: &str) -> bool {
    let f = formula.trim().trim_start_matches('=');
    ["TRUE()", "FALSE()", "TRUE", "FALSE"]
        .iter()
        .any(|c| f.eq_ignore_ascii_case(c))
}

/// The cell being read: where it is, its type and style, and what it holds so far.
#[derive(Default)]
struct Cell {
    row: u32,
    column: u32,
    kind: Kind,
    style: Shown,
    value: String,
    formula: Option<String>,
    inline: Option<StringItem>,
}

/// A cell's `t` attribute.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Kind {
    #[default]
    Number,
    Shared,
    Flag,
    Error,
    Date,
    /// A formula's text result, or a type this reader does not know: read as text.
    Text,
    Inline,
}

/// Where text events go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Target {
    Nothing,
    Value,
    Formula,
    Inline,
}

impl Cell {
    fn open(e: &BytesStart<'_>, row: u32, column: u32, styles: &[Shown]) -> Cell {
        let mut cell = Cell {
            row,
            column,
            ..Cell::default()
        };
        for a in e.attributes().with_checks(false).flatten() {
            match a.key.local_name().as_ref() {
                b"r" => {
                    if let Some((r, c)) = parse_a1_bytes(&a.value) {
                        (cell.row, cell.column) = (r, c);
                    }
                }
                b"s" => {
                    cell.style = std::str::from_utf8(&a.value)
                        .ok()
                        .and_then(|s| s.parse::<usize>().ok())
                        .and_then(|s| styles.get(s).copied())
                        .unwrap_or_default();
                }
                b"t" => {
                    cell.kind = match a.value.as_ref() {
                        b"n" => Kind::Number,
                        b"s" => Kind::Shared,
                        b"b" => Kind::Flag,
                        b"e" => Kind::Error,
                        b"d" => Kind::Date,
                        b"inlineStr" => Kind::Inline,
                        _ => Kind::Text,
                    }
                }
                _ => {}
            }
        }
        cell
    }

    /// The cell's value as the grid takes it.
    fn finish(self, strings: &[String]) -> Raw {
        if let Some(formula) = self.formula {
            if !is_boolean_constant(&formula) {
                return Raw::Formula(formula);
            }
        }
        let v = self.value.trim();
        match self.kind {
            Kind::Inline => Raw::Text(self.inline.map(StringItem::finish).unwrap_or_default()),
            Kind::Shared if v.is_empty() => Raw::Empty,
            Kind::Shared => match v.parse::<usize>().ok().and_then(|i| strings.get(i)) {
                Some(s) => Raw::Text(s.clone()),
                // A string the workbook does not have: the index is all there is.
                None => Raw::ErrorValue(format!("#REF! (shared string {v})")),
            },
            Kind::Flag => Raw::Bool(v != "0" && !v.eq_ignore_ascii_case("false")),
            Kind::Error => Raw::ErrorValue(v.to_owned()),
            Kind::Date => Raw::Date,
            Kind::Text => Raw::Text(self.value),
            Kind::Number if v.is_empty() => Raw::Empty,
            Kind::Number => match (v.parse::<f64>(), self.style) {
                (Ok(_), Shown::Date) => Raw::Date,
                (Ok(x), Shown::Decimal) => Raw::Decimal(x),
                (Ok(x), Shown::Plain) => Raw::Number(x),
                // Not a number after all: its column says what belongs there.
                (Err(_), _) => Raw::Text(self.value),
            },
        }
    }
}

/// Reads the worksheet `xml` into `grid`, with the issues of the limits it passes; returns
/// its merged ranges, or why it stopped.
pub(crate) fn read_worksheet(
    xml: &[u8],
    book: &Book<'_>,
    limits: SheetLimits,
    grid: &mut GridBuilder<'_>,
    issues: &mut Vec<Issue>,
) -> Result<Vec<Merged>, Stop> {
    let (mut row, mut column) = (0u32, 0u32);
    let mut cell: Option<Cell> = None;
    let mut into = Target::Nothing;
    let mut merged = Vec::new();
    // Breaks with the refusal of a formula's range, or with nothing when the grid is full.
    let stopped = walk(xml, |event| {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"row" => {
                    if let Some(r) = attr(e, b"r").and_then(|r| r.parse::<u32>().ok()) {
                        row = r.saturating_sub(1);
                    }
                    column = 0;
                }
                b"c" => {
                    let c = Cell::open(e, row, column, book.styles);
                    (row, column) = (c.row, c.column.saturating_add(1));
                    cell = Some(c);
                }
                b"v" if cell.is_some() => into = Target::Value,
                b"f" if cell.is_some() => {
                    if let Err(refusal) = formula(e, limits, &mut cell) {
                        return ControlFlow::Break(Some(refusal));
                    }
                    into = Target::Formula;
                }
                b"is" => {
                    if let Some(c) = cell.as_mut() {
                        c.inline = Some(StringItem::default());
                        into = Target::Inline;
                    }
                }
                _ if into == Target::Inline => inline(&mut cell, event),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"f" if cell.is_some() => {
                    if let Err(refusal) = formula(e, limits, &mut cell) {
                        return ControlFlow::Break(Some(refusal));
                    }
                }
                b"mergeCell" => merged.extend(attr(e, b"ref").as_deref().and_then(range)),
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"row" => {
                    row = row.saturating_add(1);
                    column = 0;
                }
                b"c" => {
                    if let Some(c) = cell.take() {
                        let (r, col) = (c.row as usize, c.column as usize);
                        issues.extend(grid.put(r, col, c.finish(book.strings)));
                        if grid.full() {
                            return ControlFlow::Break(None);
                        }
                    }
                    into = Target::Nothing;
                }
                b"v" | b"f" | b"is" => into = Target::Nothing,
                _ if into == Target::Inline => inline(&mut cell, event),
                _ => {}
            },
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => match (into, cell.as_mut()) {
                (Target::Value, Some(c)) => push_text(&mut c.value, event),
                (Target::Formula, Some(c)) => {
                    if let Some(f) = c.formula.as_mut() {
                        push_text(f, event);
                    }
                }
                (Target::Inline, _) => inline(&mut cell, event),
                _ => {}
            },
            _ => {}
        }
        ControlFlow::Continue(())
    })
    .map_err(Stop::Unreadable)?;
    match stopped {
        Some(Some(refusal)) => Err(Stop::Refused(refusal)),
        _ => Ok(merged),
    }
}

/// Passes an event inside `<is>` to the cell's inline string.
fn inline(cell: &mut Option<Cell>, event: &Event<'_>) {
    if let Some(item) = cell.as_mut().and_then(|c| c.inline.as_mut()) {
        item.event(event);
    }
}

/// Opens a cell's formula (`<f>`); refuses a shared formula whose range covers more cells
/// than the workbook may hold.
fn formula(e: &BytesStart<'_>, limits: SheetLimits, cell: &mut Option<Cell>) -> Result<(), Refusal> {
    if let Some(text) = attr(e, b"ref") {
        let cells = range(&text).map_or(0, area);
        if cells > limits.cells as u64 {
            return Err((
                format!(
                    "a formula covers {cells} cells (`{text}`), more than the limit of {}",
                    limits.cells
                ),
                format!(
                    "数式の範囲 `{text}` が{cells}セルで、上限の{}セルを超えています",
                    limits.cells
                ),
                true,
            ));
        }
    }
    if let Some(c) = cell.as_mut() {
        c.formula = Some(String::new());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_range_covers_its_rows_times_its_columns() {
        assert_eq!(range("A1:B3").map(area), Some(6));
        assert_eq!(range("$C$2").map(area), Some(1));
        assert_eq!(range("A1:XFD1048576").map(area), Some(1_048_576 * 16_384));
        assert_eq!(range("A1:B"), None);
    }

    #[test]
    fn boolean_constants_are_not_formulas() {
        assert!(is_boolean_constant("TRUE()"));
        assert!(is_boolean_constant("=false"));
        assert!(!is_boolean_constant("TRUE()&\"\""));
    }
}
