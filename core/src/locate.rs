//! Finding a JSON Pointer in the source text, so that issues found on the typed plan can
//! still say file:line:column (and a demo page can select the place).
//!
//! Only ever run on documents that have already parsed, and only when there are issues, so
//! it favours simplicity over speed: one pass over the text, no allocation per value.

use std::borrow::Cow;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use crate::error::{Path, PathSegment};

/// 1-based line and column (in characters) of a byte offset in `src`.
pub fn line_column(src: &str, offset: usize) -> (u32, u32) {
    let before = src.get(..offset).unwrap_or(src);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (clamp(line), clamp(column))
}

/// 1-based line and column of each byte offset in `src`, in one pass over the text whatever
/// the number of offsets (a document with 100,000 issues costs one scan, not 100,000).
///
/// ```
/// let lc = welfare_plan::locate::line_columns("ab\nあい", &[4, 0, 2]);
/// assert_eq!(lc, vec![(2, 1), (1, 1), (1, 3)]);
/// ```
pub fn line_columns(src: &str, offsets: &[usize]) -> Vec<(u32, u32)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets.get(i).copied().unwrap_or(0));
    let mut out = vec![(1, 1); offsets.len()];
    let (mut pos, mut line, mut column) = (0usize, 1usize, 1usize);
    for i in order {
        let mut target = offsets.get(i).copied().unwrap_or(0).min(src.len());
        while !src.is_char_boundary(target) {
            target -= 1;
        }
        if target > pos {
            let segment = src.get(pos..target).unwrap_or_default();
            match segment.rfind('\n') {
                Some(nl) => {
                    line += segment.bytes().filter(|&b| b == b'\n').count();
                    column = segment.get(nl + 1..).map_or(0, |s| s.chars().count()) + 1;
                }
                None => column += segment.chars().count(),
            }
            pos = target;
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = (clamp(line), clamp(column));
        }
    }
    out
}

/// Every key written a second time in its object, as the path of the repeated key and the
/// offset of its opening quote, in document order. JSON parsers keep the last value and say
/// nothing, so this scan is how a clerk learns of all of them at once. Run only on text that
/// parsed as JSON (its depth is bounded by the parser's limit).
pub(crate) fn duplicate_keys(src: &str) -> Vec<(Path, usize)> {
    let mut s = Scanner {
        b: src.as_bytes(),
        i: 0,
        at: String::new(),
        wanted: &mut FxHashMap::default(),
        unfound: 0,
        repeats: Some(Repeats::default()),
    };
    s.skip_ws();
    s.value(0);
    s.repeats.map(|r| r.found).unwrap_or_default()
}

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The byte offset where the value at each pointer starts; for a pointer that names nothing
/// (a missing field), the offset of its nearest existing ancestor.
pub fn locate_all(src: &str, pointers: &[String]) -> Vec<Option<usize>> {
    locate_spots(src, pointers).into_iter().map(|s| s.value).collect()
}

/// Where a pointer's value starts and, when it is an object member, where its key starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Spot {
    /// The value's first byte (or its nearest existing ancestor's).
    pub value: Option<usize>,
    /// The opening quote of the member's key, when the pointer names an existing member.
    pub key: Option<usize>,
}

/// [`locate_all`], with the keys' offsets too: an unknown field is shown at its key.
pub(crate) fn locate_spots(src: &str, pointers: &[String]) -> Vec<Spot> {
    let mut wanted: FxHashMap<String, Spot> = FxHashMap::default();
    for p in pointers {
        let mut prefix = p.as_str();
        // Once a prefix is wanted, so are all of its own: the pointers of the parts of one
        // list share their ancestors, which are copied once, not once per pointer.
        while !wanted.contains_key(prefix) {
            wanted.insert(prefix.to_owned(), Spot::default());
            match prefix.rfind('/') {
                Some(i) => prefix = prefix.get(..i).unwrap_or(""),
                None => break,
            }
        }
    }
    let mut s = Scanner {
        b: src.as_bytes(),
        i: 0,
        at: String::new(),
        unfound: wanted.len(),
        wanted: &mut wanted,
        repeats: None,
    };
    s.skip_ws();
    s.value(0);
    pointers
        .iter()
        .map(|p| {
            let key = wanted.get(p.as_str()).and_then(|s| s.key);
            let mut prefix = p.as_str();
            let value = loop {
                if let Some(Spot { value: Some(off), .. }) = wanted.get(prefix) {
                    break Some(*off);
                }
                match prefix.rfind('/').and_then(|i| prefix.get(..i)) {
                    Some(up) => prefix = up,
                    None => break None,
                }
            };
            Spot { value, key }
        })
        .collect()
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    at: String,
    wanted: &'a mut FxHashMap<String, Spot>,
    /// How many wanted values have not been reached yet. At zero the scan stops: the first
    /// shape problem of a large document is near its start, and the rest of the text need not
    /// be read to place it (measured: 8% of checking a 10,000-initiative plan with a problem in
    /// every initiative went to reading past it).
    unfound: usize,
    /// Set when looking for repeated keys: then every value is read, none skipped.
    repeats: Option<Repeats>,
}

/// The typed path to the current value, and every repeated key found so far.
#[derive(Default)]
struct Repeats {
    path: Vec<crate::error::PathSegment>,
    found: Vec<(crate::error::Path, usize)>,
}

impl<'a> Scanner<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) {
        match self.wanted.get_mut(&self.at) {
            // Past the end only on text that is not JSON (an escape at the very end).
            Some(slot) if slot.value.is_none() => {
                slot.value = Some(self.i.min(self.b.len()));
                self.unfound = self.unfound.saturating_sub(1);
                if self.unfound == 0 {
                    // Everything wanted is found: every enclosing loop ends at the end of text.
                    // (The duplicate-key scan wants nothing, so it never comes here.)
                    self.i = self.b.len();
                    return;
                }
            }
            Some(_) => {}
            // `wanted` holds every prefix of every pointer: nothing below here is wanted, so
            // the value is skipped byte by byte, with no path built and nothing looked up.
            None if self.repeats.is_none() => return self.skip(),
            None => {}
        }
        if depth > crate::limits::PARSER_MAX_DEPTH {
            return;
        }
        match self.peek() {
            Some(b'{') => {
                self.i += 1;
                let mut keys = rustc_hash::FxHashSet::default();
                loop {
                    self.skip_ws();
                    if self.peek() != Some(b'"') {
                        self.i += 1; // '}' (or junk: stop at the end)
                        return;
                    }
                    let len = self.at.len();
                    self.at.push('/');
                    let start = self.i;
                    let key = self.string();
                    // Writing to a `String` cannot fail.
                    let _ = crate::error::write_key_token(&key, &mut self.at);
                    if let Some(slot) = self.wanted.get_mut(&self.at) {
                        slot.key.get_or_insert(start);
                    }
                    if let Some(r) = &mut self.repeats {
                        let repeated = !keys.insert(key.to_string());
                        r.path.push(PathSegment::Key(Cow::Owned(key.into_owned())));
                        if repeated {
                            r.found.push((Path(r.path.clone()), start));
                        }
                    }
                    self.skip_ws();
                    self.i += 1; // ':'
                    self.skip_ws();
                    self.value(depth + 1);
                    self.at.truncate(len);
                    if let Some(r) = &mut self.repeats {
                        r.path.pop();
                    }
                    self.skip_ws();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                    if self.i >= self.b.len() {
                        return;
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut n = 0usize;
                loop {
                    self.skip_ws();
                    if matches!(self.peek(), Some(b']') | None) {
                        self.i += 1;
                        return;
                    }
                    let len = self.at.len();
                    self.at.push('/');
                    // Writing to a `String` cannot fail.
                    let _ = write!(self.at, "{n}");
                    if let Some(r) = &mut self.repeats {
                        r.path.push(PathSegment::Index(n));
                    }
                    let before = self.i;
                    self.value(depth + 1);
                    self.at.truncate(len);
                    if let Some(r) = &mut self.repeats {
                        r.path.pop();
                    }
                    if self.i == before {
                        return; // Not JSON here (only parsed JSON is located): stop, never spin.
                    }
                    n += 1;
                    self.skip_ws();
                    if self.peek() == Some(b',') {
                        self.i += 1;
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.i += 1;
                }
            }
        }
    }

    /// Moves past one value without looking inside it (iteratively: any depth is fine).
    fn skip(&mut self) {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => {
                let mut depth = 0usize;
                while let Some(c) = self.peek() {
                    match c {
                        b'"' => {
                            self.skip_string();
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.i += 1;
                                return;
                            }
                        }
                        _ => {}
                    }
                    self.i += 1;
                }
            }
            _ => {
                while matches!(self.peek(), Some(c) if !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.i += 1;
                }
            }
        }
    }

    /// Moves past a string starting at its opening quote.
    fn skip_string(&mut self) {
        self.i += 1;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    /// Reads a string starting at its opening quote; returns its contents with the common
    /// escapes undone (enough to match object keys).
    fn string(&mut self) -> std::borrow::Cow<'a, str> {
        self.i += 1;
        let start = self.i;
        let mut escaped = false;
        while let Some(c) = self.peek() {
            self.i += 1;
            match c {
                b'\\' => {
                    escaped = true;
                    self.i += 1;
                }
                b'"' => break,
                _ => {}
            }
        }
        let raw: &'a [u8] = self.b.get(start..self.i.saturating_sub(1)).unwrap_or_default();
        let raw = String::from_utf8_lossy(raw);
        if escaped {
            let quoted = format!("\"{raw}\"");
            std::borrow::Cow::Owned(
                serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| raw.into_owned()),
            )
        } else {
            raw
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_resolve_to_their_values_and_missing_ones_to_their_parent() {
        let src = "{\n  \"a\": [1, {\"b/c\": \"x\"}],\n  \"é\": true\n}";
        let got = locate_all(
            src,
            &["/a/1/b~1c".into(), "/é".into(), "/a/1/missing".into(), "".into()],
        );
        let lc: Vec<_> = got.iter().map(|o| o.map(|o| line_column(src, o))).collect();
        assert_eq!(lc, vec![Some((2, 20)), Some((3, 8)), Some((2, 12)), Some((1, 1))]);
    }

    #[test]
    fn text_that_is_not_json_ends_the_scan() {
        for junk in ["[}", "[1 }", "{\"a\": [}]}", "[[[", "{\"a\"", "\"", "]", ""] {
            let got = locate_all(junk, &["/0/0".into(), "/a/0".into(), String::new()]);
            assert_eq!(got.len(), 3, "{junk:?}");
            // The root is always found (at the first byte); nothing points past the text.
            assert_eq!(got[2], Some(0), "{junk:?}");
            assert!(got.iter().flatten().all(|&o| o <= junk.len()), "{junk:?}");
        }
    }

    #[test]
    fn offsets_stay_inside_the_text_even_when_it_is_not_json() {
        // Found by the `locate` fuzz target: a key, no colon, then an unterminated string.
        let text = "{\n  \"    ////\"    //  \"\u{1}";
        for offset in locate_all(text, &["///;".into(), String::new()])
            .into_iter()
            .flatten()
        {
            assert!(offset <= text.len(), "{offset} > {}", text.len());
        }
    }

    #[test]
    fn line_columns_agree_with_line_column_in_any_order() {
        let src = "{\n  \"あ\": [1,\n 2],\r\n\"b\": \"い\"}";
        let offsets: Vec<usize> = (0..=src.len())
            .rev()
            .filter(|&o| src.is_char_boundary(o))
            .collect();
        let one_pass = line_columns(src, &offsets);
        let each: Vec<_> = offsets.iter().map(|&o| line_column(src, o)).collect();
        assert_eq!(one_pass, each);
    }

    #[test]
    fn every_repeated_key_is_found_at_its_second_appearance() {
        let src = r#"{"a": 1, "b": [{"x": 1, "x": 2, "x": 3}], "a": {"a": 1}}"#;
        let found: Vec<(String, usize)> = duplicate_keys(src)
            .into_iter()
            .map(|(p, o)| (p.to_string(), o))
            .collect();
        assert_eq!(
            found,
            vec![("/b/0/x".into(), 24), ("/b/0/x".into(), 32), ("/a".into(), 42)]
        );
        assert!(duplicate_keys(r#"{"a": {"a": {"a": 1}}}"#).is_empty());
    }

    #[test]
    fn a_member_is_found_at_its_key_and_its_value() {
        let src = r#"{"a": {"b\"c": 1}, "d": [2]}"#;
        let spots = locate_spots(src, &["/a/b\"c".into(), "/d/0".into(), "/a/missing".into()]);
        assert_eq!(
            spots[0],
            Spot {
                value: Some(15),
                key: Some(7)
            }
        );
        assert_eq!(
            spots[1],
            Spot {
                value: Some(25),
                key: None
            }
        );
        assert_eq!(
            spots[2],
            Spot {
                value: Some(6),
                key: None
            }
        );
    }

    #[test]
    fn escaped_keys_match() {
        let src = r#"{"a\"b": 1}"#;
        assert_eq!(locate_all(src, &["/a\"b".into()]), vec![Some(9)]);
    }
}
