//! The first look at an .xlsx (feature `xlsx`), before calamine reads it: the zip's declared
//! sizes against the limit (a zip bomb is refused before anything is inflated), every entry
//! inflated once in a bounded stream to check that it holds no more than it declares, and each
//! worksheet's formulas found where they are, shared ones included, so that no formula is ever
//! taken for a value and no shared formula's range is expanded cell by cell.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use rustc_hash::{FxHashMap, FxHashSet};

use super::cell_ref::parse_a1;
use super::grid::SheetLimits;

/// A formula found in a worksheet: its 0-based row and column, and its text (empty for the
/// cells that share another cell's formula).
pub(crate) type Formula = (u32, u32, String);

/// What the first look found, by sheet name: each worksheet's formulas, and its number cells
/// shown with decimal places (a whole decimal such as `23.0`, which Excel stores as 23).
#[derive(Debug, Default)]
pub(crate) struct Unpacked {
    pub formulas: FxHashMap<String, Vec<Formula>>,
    pub decimals: FxHashMap<String, FxHashSet<(u32, u32)>>,
}

/// What one worksheet's XML holds besides its values.
#[derive(Debug, Default)]
struct Scanned {
    formulas: Vec<Formula>,
    decimals: FxHashSet<(u32, u32)>,
}

/// Whether a number format shows decimal places: the built-in `0.00`, `#,##0.00`, `0.00%`,
/// `0.00E+00`, or a custom one such as `0.0`.
fn shows_decimals(id: u32, code: Option<&str>) -> bool {
    match code {
        Some(code) => code.contains(".0") || code.contains(".#"),
        None => matches!(id, 2 | 4 | 10 | 11),
    }
}

/// The cell styles (by index) whose number format shows decimal places.
fn decimal_styles<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, max: u64) -> FxHashSet<u32> {
    let Some(xml) = entry_text(zip, "xl/styles.xml", max) else {
        return FxHashSet::default();
    };
    let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut codes: FxHashMap<u32, String> = FxHashMap::default();
    let (mut in_cell_xfs, mut index) = (false, 0u32);
    let mut styles = FxHashSet::default();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    if let Some((id, code)) = attr(&e, b"numFmtId")
                        .and_then(|i| i.parse().ok())
                        .zip(attr(&e, b"formatCode"))
                    {
                        codes.insert(id, code);
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attr(&e, b"numFmtId").and_then(|i| i.parse().ok()).unwrap_or(0);
                    if shows_decimals(id, codes.get(&id).map(String::as_str)) {
                        styles.insert(index);
                    }
                    index += 1;
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    styles
}

/// Why a workbook is refused before it is read: (English, Japanese), and whether it is too
/// large (rather than unreadable).
pub(crate) type Refusal = (String, String, bool);

fn unreadable(what: impl std::fmt::Display) -> Refusal {
    (
        format!("the file is not an xlsx workbook that can be read: {what}"),
        format!("xlsx形式のブックとして読めません（{what}）"),
        false,
    )
}

/// Reads an entry whole, within `max` bytes.
fn entry_text<R: Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
    max: u64,
) -> Option<Vec<u8>> {
    let file = zip.by_name(name).ok()?;
    let mut out = Vec::new();
    file.take(max).read_to_end(&mut out).ok()?;
    Some(out)
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// Each sheet's name and the zip path of its XML, from the workbook and its relationships.
fn sheet_paths<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, max: u64) -> FxHashMap<String, String> {
    let mut ids = Vec::new();
    let mut targets = FxHashMap::default();
    for (entry, element) in [
        ("xl/workbook.xml", &b"sheet"[..]),
        ("xl/_rels/workbook.xml.rels", b"Relationship"),
    ] {
        let Some(xml) = entry_text(zip, entry, max) else {
            continue;
        };
        let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
        let mut buf = Vec::new();
        loop {
            match reader.read_event_into(&mut buf) {
                Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == element => {
                    if element == b"sheet" {
                        ids.extend(attr(&e, b"name").zip(attr(&e, b"id")));
                    } else if let Some((id, target)) = attr(&e, b"Id").zip(attr(&e, b"Target")) {
                        let path = match target.strip_prefix('/') {
                            Some(absolute) => absolute.to_owned(),
                            None => format!("xl/{target}"),
                        };
                        targets.insert(id, path);
                    }
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => {}
            }
            buf.clear();
        }
    }
    ids.into_iter()
        .filter_map(|(name, id)| targets.get(&id).map(|path| (path.clone(), name)))
        .collect()
}

/// The cells a formula's `ref` range covers.
fn area(range: &str) -> u64 {
    let (a, b) = range.split_once(':').unwrap_or((range, range));
    match (parse_a1(a), parse_a1(b)) {
        (Some((r1, c1)), Some((r2, c2))) => {
            (u64::from(r1.abs_diff(r2)) + 1) * (u64::from(c1.abs_diff(c2)) + 1)
        }
        _ => 0,
    }
}

/// Finds the formulas and the decimal-shown cells of a worksheet's XML, streaming; refuses a
/// formula range larger than the workbook may hold cells.
fn scan<R: std::io::BufRead>(
    xml: R,
    limits: SheetLimits,
    decimal: &FxHashSet<u32>,
) -> Result<Scanned, Refusal> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let (mut row, mut column) = (0u32, 0u32);
    let mut found = Vec::new();
    let mut decimals = FxHashSet::default();
    let mut in_formula = false;
    loop {
        let event = reader.read_event_into(&mut buf).map_err(unreadable)?;
        let opens = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                if let Some(r) = attr(&e, b"r").and_then(|r| r.parse::<u32>().ok()) {
                    row = r.saturating_sub(1);
                }
                column = 0;
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => {
                row = row.saturating_add(1);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                if let Some((r, c)) = attr(&e, b"r").as_deref().and_then(parse_a1) {
                    (row, column) = (r, c);
                }
                if attr(&e, b"s")
                    .and_then(|s| s.parse::<u32>().ok())
                    .is_some_and(|s| decimal.contains(&s))
                {
                    decimals.insert((row, column));
                }
                column = column.saturating_add(1);
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"f" => {
                if let Some(range) = attr(&e, b"ref") {
                    let cells = area(&range);
                    if cells > limits.cells as u64 {
                        return Err((
                            format!(
                                "a formula covers {cells} cells (`{range}`), more than the limit of {}",
                                limits.cells
                            ),
                            format!(
                                "数式の範囲 `{range}` が{cells}セルで、上限の{}セルを超えています",
                                limits.cells
                            ),
                            true,
                        ));
                    }
                }
                found.push((row, column.saturating_sub(1), String::new()));
                in_formula = opens;
            }
            Event::Text(t) if in_formula => {
                if let Some(f) = found.last_mut() {
                    f.2.push_str(&String::from_utf8_lossy(&t));
                }
            }
            // `&amp;` and the like come as references of their own: the formula's `&`, `<`, `"`.
            Event::GeneralRef(r) if in_formula => {
                if let Some(f) = found.last_mut() {
                    let name = String::from_utf8_lossy(&r);
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => {
                            quick_xml::escape::resolve_predefined_entity(&name).and_then(|s| s.chars().next())
                        }
                    };
                    match c {
                        Some(c) => f.2.push(c),
                        None => f.2.push_str(&format!("&{name};")),
                    }
                }
            }
            Event::End(e) if e.local_name().as_ref() == b"f" => {
                in_formula = false;
                // LibreOffice saves a TRUE or FALSE cell as the formula `TRUE()` or `FALSE()`
                // beside its value: a constant, not a formula, so the value is read.
                if found.last().is_some_and(|f| is_boolean_constant(&f.2)) {
                    found.pop();
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(Scanned {
        formulas: found,
        decimals,
    })
}

/// Whether a formula's text is the constant `TRUE()` or `FALSE()` (or `TRUE`, `FALSE`).
fn is_boolean_constant(formula: &str) -> bool {
    let f = formula.trim().trim_start_matches('=');
    ["TRUE()", "FALSE()", "TRUE", "FALSE"]
        .iter()
        .any(|c| f.eq_ignore_ascii_case(c))
}

/// Looks at the workbook before it is read: see the module's doc.
pub(crate) fn unpack(bytes: &[u8], limits: SheetLimits) -> Result<Unpacked, Refusal> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| unreadable(format!("not a zip archive ({e})")))?;
    let mut declared = Vec::with_capacity(zip.len());
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(unreadable)?;
        total = total.saturating_add(entry.size());
        declared.push((entry.name().to_owned(), entry.size()));
    }
    let max = limits.bytes as u64;
    if total > max {
        return Err((
            format!("the workbook unpacks to {total} bytes, more than the limit of {max}"),
            format!("ブックを展開すると{total}バイトになり、上限の{max}バイトを超えます"),
            true,
        ));
    }
    let paths = sheet_paths(&mut zip, max);
    let decimal = decimal_styles(&mut zip, max);
    let mut out = Unpacked::default();
    for (i, (name, size)) in declared.iter().enumerate() {
        let file = zip.by_index(i).map_err(unreadable)?;
        // One byte more than declared is enough to know that the entry lies about its size.
        let mut bounded = std::io::BufReader::new(file.take(size.saturating_add(1)));
        if let Some(sheet) = paths.get(name) {
            let found = scan(&mut bounded, limits, &decimal)?;
            out.formulas.insert(sheet.clone(), found.formulas);
            out.decimals.insert(sheet.clone(), found.decimals);
        }
        std::io::copy(&mut bounded, &mut std::io::sink()).map_err(unreadable)?;
        if bounded.into_inner().limit() == 0 {
            return Err((
                format!("`{name}` unpacks to more than the {size} bytes it declares"),
                format!("`{name}` が宣言した{size}バイトを超えて展開されます"),
                true,
            ));
        }
    }
    Ok(out)
}
