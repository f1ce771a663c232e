//! CSV files back into grids: UTF-8 (with or without the BOM) or, when the bytes are not
//! UTF-8, Shift_JIS (CP932, as Excel in Japanese saves a CSV), said in a warning; RFC 4180
//! quoting, with CRLF, LF or CR line ends; one leading `'` stripped as the mark of a text.

use std::borrow::Cow;

use crate::error::{Issue, IssueCode, Path};

use super::grid::{cell_issue, Grid, GridBuilder, Raw, SheetLimits};

/// The file's text, or the issue that says why it has none. A file that is not UTF-8 is read
/// as Shift_JIS only when every byte decodes, and a warning names the encoding read.
fn decode<'a>(name: &str, bytes: &'a [u8], issues: &mut Vec<Issue>) -> Option<Cow<'a, str>> {
    let at = Grid {
        name: name.into(),
        rows: Vec::new(),
    }
    .at(0, 0);
    if let Some((en, ja)) = another_kind(name, bytes) {
        issues.push(cell_issue(IssueCode::SheetUnreadable, &at, Path::root(), en, ja));
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Some(Cow::Borrowed(text)),
        Err(e) => e,
    };
    match encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => {
            issues.push(cell_issue(
                IssueCode::CsvEncodingRead,
                &at,
                Path::root(),
                format!("`{name}` is not UTF-8; it was read as Shift_JIS (CP932)"),
                format!("`{name}` はUTF-8ではないため、Shift_JIS（CP932）として読みました"),
            ));
            Some(text)
        }
        None => {
            let offset = utf8_error.valid_up_to();
            let byte = bytes.get(offset).copied().unwrap_or_default();
            issues.push(cell_issue(
                IssueCode::CsvEncoding,
                &at,
                Path::root(),
                format!(
                    "`{name}` is neither UTF-8 nor Shift_JIS (CP932): byte `0x{byte:02x}` at offset {offset}; save it as UTF-8"
                ),
                format!(
                    "`{name}` はUTF-8でもShift_JIS（CP932）でもありません（{offset}バイト目の `0x{byte:02x}`）。UTF-8で保存してください"
                ),
            ));
            None
        }
    }
}

/// What a file that is neither a workbook nor text is, when it is something a clerk may hand
/// over by mistake: a workbook saved in Excel's old format (.xls), a PDF, or a file named as a
/// workbook that is not one. Told by its bytes, as a workbook is, and by its name only for
/// the last. Such a file is refused at its first cell rather than read as CSV, which would
/// report a wrong encoding: (English, Japanese).
fn another_kind(name: &str, bytes: &[u8]) -> Option<(String, String)> {
    let lower = name.to_ascii_lowercase();
    let (en, ja) = if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        (
            format!("`{name}` is a workbook in the Excel 97–2003 format (.xls), which is not read; save it as an Excel Workbook (.xlsx)"),
            format!("`{name}` はExcel 97-2003形式（.xls）のブックで、読めません。「Excel ブック（*.xlsx）」として保存し直してください"),
        )
    } else if bytes.starts_with(b"%PDF-") {
        (
            format!("`{name}` is a PDF document, not a spreadsheet; give the workbook (.xlsx) or the CSV files of its tables"),
            format!("`{name}` はPDF文書で、表ではありません。ブック（.xlsx）か、表ごとのCSVファイルを渡してください"),
        )
    } else if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") {
        (
            format!("`{name}` is given as an xlsx workbook but is not one: an xlsx file is a zip archive, and this file is not"),
            format!("`{name}` はxlsx形式のブックとして渡されましたが、その形式ではありません（xlsxファイルはZIP形式ですが、このファイルは違います）"),
        )
    } else {
        return None;
    };
    Some((en, ja))
}

/// A field as a cell: empty, a marked text (one `'` stripped), or a field its column reads.
fn raw(field: String, quoted: bool) -> Raw {
    match field.strip_prefix('\'') {
        Some(text) => Raw::Text(text.to_owned()),
        None if field.is_empty() && !quoted => Raw::Empty,
        None => Raw::Field(field),
    }
}

/// Ends the field at `row`, `column`.
fn end_field(
    grid: &mut GridBuilder<'_>,
    row: usize,
    column: usize,
    field: &mut String,
    quoted: bool,
) -> Option<Issue> {
    grid.put(row, column, raw(std::mem::take(field), quoted))
}

/// Reads one CSV file as a grid named `name`; `cells` counts cells across the files.
pub(crate) fn read_csv(
    name: &str,
    bytes: &[u8],
    limits: SheetLimits,
    cells: &mut usize,
    issues: &mut Vec<Issue>,
) -> Option<Grid> {
    if bytes.len() > limits.bytes {
        let at = Grid {
            name: name.into(),
            rows: Vec::new(),
        }
        .at(0, 0);
        issues.push(cell_issue(
            IssueCode::SheetTooLarge,
            &at,
            Path::root(),
            format!(
                "`{name}` is {} bytes, more than the limit of {}",
                bytes.len(),
                limits.bytes
            ),
            format!(
                "`{name}` は{}バイトで、上限の{}バイトを超えています",
                bytes.len(),
                limits.bytes
            ),
        ));
        return None;
    }
    let text = decode(name, bytes, issues)?;
    let mut grid = GridBuilder::new(name, limits, cells);
    let (mut row, mut column) = (0usize, 0usize);
    let mut field = String::new();
    let (mut quoted, mut in_quotes) = (false, false);
    let mut opened_at = (0, 0);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if grid.full() {
            break;
        }
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted => {
                quoted = true;
                in_quotes = true;
                opened_at = (row, column);
            }
            ',' => {
                issues.extend(end_field(&mut grid, row, column, &mut field, quoted));
                quoted = false;
                column += 1;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                issues.extend(end_field(&mut grid, row, column, &mut field, quoted));
                quoted = false;
                row += 1;
                column = 0;
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        let at = Grid {
            name: name.into(),
            rows: Vec::new(),
        }
        .at(opened_at.0, opened_at.1);
        issues.push(cell_issue(
            IssueCode::SheetUnreadable,
            &at,
            Path::root(),
            "a quoted field is never closed: a `\"` is missing".to_owned(),
            "引用符で始まるフィールドが閉じられていません（`\"` が足りません）".to_owned(),
        ));
    }
    if !field.is_empty() || quoted {
        issues.extend(end_field(&mut grid, row, column, &mut field, quoted));
    }
    Some(grid.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> (Option<Grid>, Vec<Issue>) {
        let mut issues = Vec::new();
        let limits = SheetLimits::of(&crate::Limits::default());
        let grid = read_csv("t.csv", bytes, limits, &mut 0, &mut issues);
        (grid, issues)
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let (grid, issues) = read("\u{feff}a,\"b,\"\"c\"\"\r\nd\"\r\n'=1,2\n".as_bytes());
        let grid = grid.unwrap();
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(grid.get(0, 1), &Raw::Field("b,\"c\"\r\nd".into()));
        assert_eq!(grid.get(1, 0), &Raw::Text("=1".into()));
        assert_eq!(grid.get(1, 1), &Raw::Field("2".into()));
        assert_eq!(grid.rows.len(), 2);
    }

    #[test]
    fn shift_jis_is_read_with_a_warning_and_other_bytes_are_refused() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("体系,飯塚\r\n");
        let (grid, issues) = read(&sjis);
        assert_eq!(grid.unwrap().get(0, 1), &Raw::Field("飯塚".into()));
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].code, IssueCode::CsvEncodingRead);
        let (grid, issues) = read(b"a,\xff\xff\r\n");
        assert!(grid.is_none());
        assert_eq!(issues[0].code, IssueCode::CsvEncoding);
    }

    #[test]
    fn an_unclosed_quote_is_reported_at_its_cell() {
        let (_, issues) = read(b"a,b\r\nc,\"d\r\n");
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].cell.as_deref(), Some("'t.csv'!B2"));
    }
}
