//! The parts of an .xlsx that its sheets' cells refer to (feature `xlsx`): which sheets there
//! are and where (`xl/workbook.xml` and its relationships), how each cell style shows a number
//! (`xl/styles.xml`: a date, or a decimal shown with its places), and the shared strings
//! (`xl/sharedStrings.xml`), each read once with quick-xml.

use std::ops::ControlFlow;

use quick_xml::events::{BytesStart, Event};
use rustc_hash::FxHashMap;

use super::unpack::Parts;

/// A start tag's attribute `name` (its local name), as text.
pub(crate) fn attr<'a>(e: &'a BytesStart<'_>, name: &[u8]) -> Option<std::borrow::Cow<'a, str>> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| match a.value {
            std::borrow::Cow::Borrowed(b) => String::from_utf8_lossy(b),
            std::borrow::Cow::Owned(b) => std::borrow::Cow::Owned(String::from_utf8_lossy(&b).into_owned()),
        })
}

/// Passes each event of a part's XML to `each` until it breaks (its value returned); an error
/// says why the XML cannot be read: broken, or cut off before its elements close (a part read
/// to its end that way would pass for a shorter one).
pub(crate) fn walk<B>(
    xml: &[u8],
    mut each: impl FnMut(&Event<'_>) -> ControlFlow<B>,
) -> Result<Option<B>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut open = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} (byte {})", reader.error_position()))?;
        match &event {
            Event::Start(_) => open += 1,
            Event::End(_) => open = open.saturating_sub(1),
            Event::Eof if open > 0 => {
                return Err("the XML ends before its elements are closed (the file is cut off)".to_owned())
            }
            Event::Eof => return Ok(None),
            _ => {}
        }
        if let ControlFlow::Break(b) = each(&event) {
            return Ok(Some(b));
        }
    }
}

/// [`walk`] over every event of the part `name`, an error naming the part.
fn walk_part(xml: &[u8], name: &str, mut each: impl FnMut(&Event<'_>)) -> Result<(), String> {
    walk(xml, |event| {
        each(event);
        ControlFlow::<()>::Continue(())
    })
    .map(|_| ())
    .map_err(|e| format!("{name}: {e}"))
}

/// Each sheet's name and the name of its part, in the workbook's order.
pub(crate) fn sheets(parts: &Parts) -> Result<Vec<(String, String)>, String> {
    let mut targets = FxHashMap::default();
    let rels = "xl/_rels/workbook.xml.rels";
    walk_part(
        parts.get(rels).ok_or_else(|| format!("it has no `{rels}`"))?,
        rels,
        |event| {
            if let Event::Start(e) | Event::Empty(e) = event {
                if e.local_name().as_ref() == b"Relationship" {
                    if let Some((id, target)) = attr(e, b"Id").zip(attr(e, b"Target")) {
                        let path = match target.strip_prefix('/') {
                            Some(absolute) => absolute.to_owned(),
                            None => format!("xl/{target}"),
                        };
                        targets.insert(id.into_owned(), path);
                    }
                }
            }
        },
    )?;
    let mut found = Vec::new();
    let workbook = "xl/workbook.xml";
    walk_part(
        parts
            .get(workbook)
            .ok_or_else(|| format!("it has no `{workbook}`"))?,
        workbook,
        |event| {
            if let Event::Start(e) | Event::Empty(e) = event {
                if e.local_name().as_ref() == b"sheet" {
                    if let Some((name, id)) = attr(e, b"name").zip(attr(e, b"id")) {
                        if let Some(path) = targets.get(id.as_ref()) {
                            found.push((unescape_attr(&name), path.clone()));
                        }
                    }
                }
            }
        },
    )?;
    if found.is_empty() {
        return Err(format!("`{workbook}` names no worksheet"));
    }
    Ok(found)
}

/// An attribute's text with its XML escapes (`&amp;`, `&#12354;`) resolved.
fn unescape_attr(raw: &str) -> String {
    quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_owned(), |s| s.into_owned())
}

/// What a cell style (by its index in `cellXfs`) says of a number cell's value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Shown {
    /// As it is.
    #[default]
    Plain,
    /// With decimal places (`0.0`, `#,##0.00`): a decimal even when whole.
    Decimal,
    /// As a date, a time or a duration: the number is a serial date, not a figure.
    Date,
}

/// How each cell style shows a number, by the style's index (none for a workbook without
/// styles: every number is shown as it is).
pub(crate) fn styles(parts: &Parts) -> Result<Vec<Shown>, String> {
    let name = "xl/styles.xml";
    let Some(xml) = parts.get(name) else {
        return Ok(Vec::new());
    };
    let mut codes: FxHashMap<u32, String> = FxHashMap::default();
    let mut in_cell_xfs = false;
    let mut styles = Vec::new();
    walk_part(xml, name, |event| match event {
        Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
            b"numFmt" => {
                if let Some((id, code)) = attr(e, b"numFmtId")
                    .and_then(|i| i.parse().ok())
                    .zip(attr(e, b"formatCode"))
                {
                    codes.insert(id, unescape_attr(&code));
                }
            }
            b"cellXfs" => in_cell_xfs = matches!(event, Event::Start(_)),
            b"xf" if in_cell_xfs => {
                let id = attr(e, b"numFmtId").and_then(|i| i.parse().ok()).unwrap_or(0);
                styles.push(shown(id, codes.get(&id).map(String::as_str)));
            }
            _ => {}
        },
        Event::End(e) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
        _ => {}
    })?;
    Ok(styles)
}

/// How the number format `id` (with its `code`, for a format the workbook defines) shows a
/// number. The built-in dates are 14–22 and 45–47, and in a Japanese Excel also 27–36 and
/// 50–58 (和暦 and 年月日 formats, which the workbook names by number only).
fn shown(id: u32, code: Option<&str>) -> Shown {
    match code {
        Some(code) if is_date_format(code) => Shown::Date,
        Some(code) if code.contains(".0") || code.contains(".#") => Shown::Decimal,
        Some(_) => Shown::Plain,
        None => match id {
            14..=22 | 27..=36 | 45..=47 | 50..=58 => Shown::Date,
            2 | 4 | 10 | 11 => Shown::Decimal,
            _ => Shown::Plain,
        },
    }
}

/// Whether a number format's first section shows a date or a time: a `y`, `m`, `d`, `h` or `s`
/// outside quotes, escapes and brackets (`[Red]`, `[$-411]`), or an elapsed time (`[h]`).
fn is_date_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            ';' => return false,
            '\\' | '_' | '*' => {
                chars.next();
            }
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&b| b != ']').collect();
                let elapsed = !inside.is_empty()
                    && inside
                        .chars()
                        .all(|b| matches!(b.to_ascii_lowercase(), 'h' | 'm' | 's'));
                if elapsed {
                    return true;
                }
            }
            // 和暦 formats (`ge.m.d`) have their months and days too.
            'y' | 'Y' | 'm' | 'M' | 'd' | 'D' | 'h' | 'H' | 's' | 'S' => return true,
            _ => {}
        }
    }
    false
}

/// Appends the text of a `<t>` element's event to `out`: literal text, a character or entity
/// reference (`&amp;`, `&#x3042;`), or a CDATA section.
pub(crate) fn push_text(out: &mut String, event: &Event<'_>) {
    match event {
        Event::Text(t) => match t.xml10_content() {
            Ok(s) => out.push_str(&s),
            Err(_) => out.push_str(&String::from_utf8_lossy(t)),
        },
        Event::CData(t) => out.push_str(&String::from_utf8_lossy(t)),
        Event::GeneralRef(r) => {
            let name = String::from_utf8_lossy(r);
            let c = match r.resolve_char_ref() {
                Ok(Some(c)) => Some(c),
                _ => quick_xml::escape::resolve_predefined_entity(&name).and_then(|s| s.chars().next()),
            };
            match c {
                Some(c) => out.push(c),
                None => {
                    out.push('&');
                    out.push_str(&name);
                    out.push(';');
                }
            }
        }
        _ => {}
    }
}

/// A string item's text with Excel's own escapes resolved: `_x000D_` is a carriage return,
/// `_x005F_` a literal `_` (so `_x005F_x000D_` is the text `_x000D_`).
pub(crate) fn unescape_excel(text: String) -> String {
    if !text.contains("_x") {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let escape = tail
            .get(2..6)
            .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .filter(|_| tail.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match escape {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collects the text of a string item (`<si>` or an inline `<is>`) as its events arrive: the
/// runs' `<t>` texts, not the phonetic guide (`<rPh>`, the furigana Japanese Excel keeps
/// beside a name).
#[derive(Debug, Default)]
pub(crate) struct StringItem {
    text: String,
    in_t: bool,
    in_phonetic: bool,
}

impl StringItem {
    /// Takes one event inside the item.
    pub(crate) fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"rPh" => self.in_phonetic = true,
                b"t" if !self.in_phonetic => self.in_t = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                b"rPh" => self.in_phonetic = false,
                b"t" => self.in_t = false,
                _ => {}
            },
            e if self.in_t => push_text(&mut self.text, e),
            _ => {}
        }
    }

    /// The item's text.
    pub(crate) fn finish(self) -> String {
        unescape_excel(self.text)
    }
}

/// The shared strings, in order; an error says why the part cannot be read.
pub(crate) fn shared_strings(parts: &Parts) -> Result<Vec<String>, String> {
    let name = "xl/sharedStrings.xml";
    let Some(xml) = parts.get(name) else {
        return Ok(Vec::new());
    };
    let mut strings = Vec::new();
    let mut item: Option<StringItem> = None;
    walk_part(xml, name, |event| match event {
        Event::Start(e) if e.local_name().as_ref() == b"si" => item = Some(StringItem::default()),
        Event::Empty(e) if e.local_name().as_ref() == b"si" => strings.push(String::new()),
        Event::End(e) if e.local_name().as_ref() == b"si" => {
            strings.push(item.take().map(StringItem::finish).unwrap_or_default());
        }
        e => {
            if let Some(item) = item.as_mut() {
                item.event(e);
            }
        }
    })?;
    Ok(strings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_told_from_number_formats() {
        for code in [
            "yyyy/m/d",
            "[$-411]ge.m.d",
            "ggge\"年\"m\"月\"d\"日\"",
            "h:mm",
            "[h]:mm:ss",
            "mm:ss",
            "d-mmm",
        ] {
            assert!(is_date_format(code), "{code}");
        }
        for code in [
            "0.0",
            "#,##0",
            "0.00E+00",
            "\"d\"0",
            "[Red]0.0",
            "0%",
            "General",
            "0.0;[Red]-0.0",
        ] {
            assert!(!is_date_format(code), "{code}");
        }
        assert_eq!(shown(31, None), Shown::Date);
        assert_eq!(shown(2, None), Shown::Decimal);
        assert_eq!(shown(164, Some("0.0")), Shown::Decimal);
        assert_eq!(shown(1, None), Shown::Plain);
    }

    #[test]
    fn excel_escapes_are_resolved_and_an_escaped_escape_is_kept_literal() {
        assert_eq!(unescape_excel("a_x000D_b".into()), "a\rb");
        assert_eq!(unescape_excel("_x005F_x000D_".into()), "_x000D_");
        assert_eq!(unescape_excel("_x00ZZ_ and _x".into()), "_x00ZZ_ and _x");
        assert_eq!(unescape_excel("福祉".into()), "福祉");
    }
}
