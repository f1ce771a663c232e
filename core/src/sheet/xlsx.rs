//! Tables as an .xlsx workbook (feature `xlsx`): one sheet per table, the heading and key rows
//! frozen, widths that fit Japanese text, drop-down lists for every code and reference column,
//! a codes sheet that lists every code with its labels, and no formula anywhere: texts are
//! string cells whatever they begin with, numbers are number cells.

use rust_xlsxwriter::{
    column_number_to_name, Color, DataValidation, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use rustc_hash::FxHashMap;

use crate::model::{Lang, Plan};
use crate::Error;

use super::codes::{CodeList, Codes, CODES_SHEET};
use super::table::{Cell, Table};

/// The rows below the two header rows that drop-down lists cover: room to add rows.
const VALIDATED_ROWS: u32 = 10_000;
/// The rows before the data: the heading, then the key.
const HEADER_ROWS: u32 = 2;
/// The number format of a whole decimal: one decimal place.
pub(super) const DECIMAL_FORMAT: &str = "0.0";
/// Excel's longest text in a cell.
const MAX_CELL_CHARS: usize = 32_767;

impl From<XlsxError> for Error {
    fn from(e: XlsxError) -> Self {
        Error::Workbook {
            en: e.to_string(),
            ja: format!("xlsx の書き出しに失敗しました: {e}"),
        }
    }
}

/// Where each list of codes lies on the codes sheet: its first and last row.
type Ranges = FxHashMap<String, (u32, u32)>;

/// The width a text takes in Excel's character units: a full-width character (Japanese, ①)
/// counts as two. The longest line counts.
fn display_width(s: &str) -> usize {
    s.lines()
        .map(|l| {
            l.chars()
                .map(|c| {
                    if c.is_ascii() || ('\u{ff61}'..='\u{ff9f}').contains(&c) {
                        1
                    } else {
                        2
                    }
                })
                .sum()
        })
        .max()
        .unwrap_or(0)
}

fn quoted_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// Writes `tables` (and the codes sheet) as a workbook, headings and sheet names in `lang`.
pub(super) fn workbook(tables: &[Table], plan: &Plan, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let heading = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin)
        .set_text_wrap();
    let key = Format::new()
        .set_font_color(Color::RGB(0x808080))
        .set_font_size(8);
    let derived = Format::new().set_background_color(Color::RGB(0xF2F2F2));
    // Where each table's sheet is, and the letter of each column, for reference lists.
    let names: FxHashMap<&str, &str> = tables.iter().map(|t| (t.key(), t.name(lang))).collect();
    let ranges = code_ranges(plan);
    for table in tables {
        let sheet = book.add_worksheet();
        sheet.set_name(table.name(lang))?;
        for (c, column) in table.columns().iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| Error::Workbook {
                en: format!("too many columns in `{}`", table.key()),
                ja: format!("表 `{}` の列が多すぎます", table.key()),
            })?;
            sheet.write_string_with_format(0, c, column.heading(lang), &heading)?;
            sheet.write_string_with_format(1, c, &column.key, &key)?;
            let width = table
                .column_cells(&column.key)
                .map(|cell| display_width(&cell.display()))
                .chain([display_width(column.heading(lang)), display_width(&column.key)])
                .max()
                .unwrap_or(8)
                .clamp(6, 60);
            sheet.set_column_width(c, width as f64 + 2.0)?;
            if column.derived {
                sheet.set_column_format(c, &derived)?;
            }
            if let Some(list) = validation(&column.codes, &names, tables, &ranges, plan, lang) {
                sheet.add_data_validation(HEADER_ROWS, c, HEADER_ROWS + VALIDATED_ROWS - 1, c, &list)?;
            }
        }
        for (r, row) in table.rows().iter().enumerate() {
            let r = u32::try_from(r).unwrap_or(u32::MAX).saturating_add(HEADER_ROWS);
            for (c, cell) in row.iter().enumerate() {
                write_cell(sheet, r, c as u16, cell, table.key())?;
            }
        }
        sheet.set_freeze_panes(HEADER_ROWS, 0)?;
    }
    codes_sheet(book.add_worksheet(), plan, lang)?;
    Ok(book.save_to_buffer()?)
}

fn write_cell(sheet: &mut Worksheet, r: u32, c: u16, cell: &Cell, table: &str) -> Result<(), Error> {
    match cell {
        Cell::Empty => {}
        // A string cell, never a formula, whatever it begins with.
        Cell::Text(t) | Cell::Qualitative(t) => {
            if t.chars().count() > MAX_CELL_CHARS {
                return Err(Error::Workbook {
                    en: format!(
                        "a text in `{table}` is longer than the {MAX_CELL_CHARS} characters a cell holds"
                    ),
                    ja: format!("表 `{table}` に、セルに入る{MAX_CELL_CHARS}文字を超える文があります"),
                });
            }
            sheet.write_string(r, c, t)?;
        }
        Cell::Integer(i) => {
            sheet.write_number(r, c, *i as f64)?;
        }
        // A whole decimal (`23.0`) is shown with its decimal place, which is also how the
        // import tells it from the integer 23: Excel stores both as the same number.
        Cell::Number(n) if n.fract() == 0.0 => {
            sheet.write_number_with_format(r, c, *n, &Format::new().set_num_format(DECIMAL_FORMAT))?;
        }
        Cell::Number(n) => {
            sheet.write_number(r, c, *n)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(r, c, *b)?;
        }
    }
    Ok(())
}

/// The drop-down list of a column: a range of the codes sheet, or the referenced table's column.
fn validation(
    codes: &Codes,
    names: &FxHashMap<&str, &str>,
    tables: &[Table],
    ranges: &Ranges,
    plan: &Plan,
    lang: Lang,
) -> Option<DataValidation> {
    let codes_sheet = quoted_sheet(sheet_name(CODES_SHEET, lang));
    let from_codes = |list: &str| {
        ranges
            .get(list)
            .map(|(a, b)| format!("={codes_sheet}!$B${}:$B${}", a + 1, b + 1))
    };
    let formula = match codes {
        Codes::Free => None,
        Codes::List(l) => from_codes(l.key()),
        Codes::Scale(i) => from_codes(&format!(
            "grades.{}",
            plan.evaluation.as_ref()?.scales.get(*i)?.id
        )),
        Codes::Ref { table, column } => {
            let name = names.get(table)?;
            let t = tables.iter().find(|t| t.key() == *table)?;
            let letter = column_number_to_name(u16::try_from(t.column(column)?).ok()?);
            Some(format!(
                "={}!${letter}${}:${letter}${}",
                quoted_sheet(name),
                HEADER_ROWS + 1,
                HEADER_ROWS + VALIDATED_ROWS
            ))
        }
    }?;
    Some(DataValidation::new().allow_list_formula(Formula::new(formula)))
}

fn sheet_name(names: (&'static str, &'static str, &'static str), lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => names.1,
        Lang::En => names.2,
    }
}

/// Every codelist, and the grades of each of the plan's scales (`grades.{scale id}`), as rows of
/// (list, code, Japanese label, English label).
fn code_rows(plan: &Plan) -> Vec<(String, String, String, String)> {
    let mut rows = Vec::new();
    for list in CodeList::ALL {
        for (code, ja, en) in list.entries() {
            rows.push((
                list.key().to_owned(),
                code.to_owned(),
                ja.to_owned(),
                en.to_owned(),
            ));
        }
    }
    for scale in plan.evaluation.iter().flat_map(|e| &e.scales) {
        for g in &scale.grades {
            rows.push((
                format!("grades.{}", scale.id),
                g.code.clone(),
                g.label.ja.clone(),
                g.label.get(Lang::En).to_owned(),
            ));
        }
    }
    rows
}

fn code_ranges(plan: &Plan) -> Ranges {
    let mut ranges = Ranges::default();
    for (i, (list, ..)) in code_rows(plan).iter().enumerate() {
        let row = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(HEADER_ROWS);
        ranges
            .entry(list.clone())
            .and_modify(|r| r.1 = row)
            .or_insert((row, row));
    }
    ranges
}

/// The codes sheet: every code a drop-down offers, with what it means in both languages.
fn codes_sheet(sheet: &mut Worksheet, plan: &Plan, lang: Lang) -> Result<(), Error> {
    sheet.set_name(sheet_name(CODES_SHEET, lang))?;
    let heading = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let headings = [
        ("list", "一覧", "List"),
        ("code", "コード", "Code"),
        ("label_ja", "意味", "Label (Japanese)"),
        ("label_en", "意味（英語）", "Label (English)"),
    ];
    for (c, (k, ja, en)) in headings.iter().enumerate() {
        let c = c as u16;
        sheet.write_string_with_format(0, c, if lang == Lang::Ja { *ja } else { *en }, &heading)?;
        sheet.write_string(1, c, *k)?;
    }
    let rows = code_rows(plan);
    let mut widths = [6usize; 4];
    for (i, (list, code, ja, en)) in rows.iter().enumerate() {
        let r = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(HEADER_ROWS);
        for (c, text) in [list, code, ja, en].into_iter().enumerate() {
            sheet.write_string(r, c as u16, text)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(text)).min(60);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(HEADER_ROWS, 0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_characters_count_twice() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("基本目標Ⅰ"), 10);
        assert_eq!(display_width("ｱｲｳ"), 3); // half-width katakana
        assert_eq!(display_width("短い\nずっと長い行"), 12);
    }

    #[test]
    fn sheet_names_with_quotes_are_escaped_in_references() {
        assert_eq!(quoted_sheet("O'Neil"), "'O''Neil'");
    }
}
