//! Places in the source text, so that issues can say file:line:column (and a demo page can
//! select the place): lines and columns of byte offsets, in one pass for any number of them,
//! and the offset of a JSON Pointer's value in any text, read along the pointer alone.
//!
//! Many issues at once are placed through the document read as a tree (`shape::Value`, which
//! knows where each value starts), not by following each pointer: that was a rescan of the
//! text per issue.

use std::borrow::Cow;

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

fn clamp(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The byte offset where the value at each pointer starts; for a pointer that names nothing
/// (a missing field), the offset of its nearest existing ancestor. Each pointer is followed on
/// its own, reading only what lies before it: for a few pointers, on any text (the checks
/// place many issues at once through the document's tree instead).
pub fn locate_all(src: &str, pointers: &[String]) -> Vec<usize> {
    pointers.iter().map(|p| spot(src, p).value).collect()
}

/// Where a pointer's value starts and, when it is an object member, where its key starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Spot {
    /// The value's first byte (or its nearest existing ancestor's).
    pub value: usize,
    /// The opening quote of the member's key, when the pointer names an existing member.
    pub key: Option<usize>,
}

/// [`locate_all`] for one pointer, with the key's offset too (an unknown field is shown at its
/// key). Reads along the pointer only, skipping every value beside it without looking inside,
/// iteratively: any text, any depth.
pub(crate) fn spot(src: &str, pointer: &str) -> Spot {
    let mut c = Cursor::new(src);
    c.skip_ws();
    let mut spot = Spot {
        value: c.i.min(src.len()),
        key: None,
    };
    for token in pointer.split('/').skip(1) {
        match c.step(token) {
            Some(key) => {
                spot = Spot {
                    value: c.i.min(src.len()),
                    key,
                }
            }
            None => {
                spot.key = None;
                break;
            }
        }
    }
    spot
}

/// A place in a text that may or may not be JSON; the error path's reader
/// (`shape::value`) reads with one too.
pub(crate) struct Cursor<'a> {
    pub b: &'a [u8],
    pub i: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(text: &'a str) -> Self {
        Cursor {
            b: text.as_bytes(),
            i: 0,
        }
    }

    pub fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    pub fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// From the start of an object or a list, to the start of its member or element named by
    /// the pointer's reference `token`; `Some` with the key's offset for a member. `None` when
    /// it has none such, or the text is not JSON here.
    fn step(&mut self, token: &str) -> Option<Option<usize>> {
        match self.peek()? {
            b'{' => {
                let mut name = String::new();
                self.i += 1;
                loop {
                    self.skip_ws();
                    if self.peek()? != b'"' {
                        return None;
                    }
                    let key_at = self.i;
                    let key = self.string();
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.i += 1;
                    self.skip_ws();
                    // The key as a reference token, as the pointer writes it.
                    name.clear();
                    let _ = crate::error::write_key_token(&key, &mut name);
                    if name == token {
                        return Some(Some(key_at));
                    }
                    self.next_sibling()?;
                }
            }
            b'[' => {
                let index = token.parse::<usize>().ok()?;
                self.i += 1;
                for _ in 0..index {
                    self.skip_ws();
                    if matches!(self.peek()?, b']') {
                        return None;
                    }
                    self.next_sibling()?;
                }
                self.skip_ws();
                (self.peek()? != b']').then_some(None)
            }
            _ => None,
        }
    }

    /// Moves past a value and the comma after it; `None` at the end of its object or list,
    /// or where the text is not JSON (so that the loops above always end).
    fn next_sibling(&mut self) -> Option<()> {
        let before = self.i;
        self.skip();
        self.skip_ws();
        if self.i == before || self.peek()? != b',' {
            return None;
        }
        self.i += 1;
        Some(())
    }

    /// Moves past one value without looking inside it (iteratively: any depth is fine).
    fn skip(&mut self) {
        match self.peek() {
            Some(b'"') => {
                self.skip_string();
            }
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

    /// Moves past a string starting at its opening quote; whether it has escapes. `None`, at
    /// the end of the text, when it does not end.
    pub fn skip_string(&mut self) -> Option<bool> {
        self.i += 1;
        let mut escaped = false;
        loop {
            match memchr::memchr2(b'"', b'\\', self.b.get(self.i..).unwrap_or_default()) {
                Some(n) => self.i += n,
                None => {
                    self.i = self.b.len();
                    return None;
                }
            }
            if self.peek() == Some(b'"') {
                self.i += 1;
                return Some(escaped);
            }
            escaped = true;
            self.i += 2;
        }
    }

    /// Reads a string starting at its opening quote, its escapes undone (by serde_json).
    fn string(&mut self) -> Cow<'a, str> {
        let start = self.i;
        let escaped = self.skip_string().unwrap_or(true);
        let raw: &'a [u8] = self.b.get(start..self.i.min(self.b.len())).unwrap_or_default();
        let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
        if escaped {
            let quoted = String::from_utf8_lossy(raw);
            Cow::Owned(serde_json::from_str::<String>(&quoted).unwrap_or_else(|_| quoted.into_owned()))
        } else {
            String::from_utf8_lossy(inner)
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
        let lc: Vec<_> = got.iter().map(|&o| line_column(src, o)).collect();
        assert_eq!(lc, vec![(2, 20), (3, 8), (2, 12), (1, 1)]);
    }

    #[test]
    fn text_that_is_not_json_ends_the_scan() {
        for junk in ["[}", "[1 }", "{\"a\": [}]}", "[[[", "{\"a\"", "\"", "]", ""] {
            let got = locate_all(junk, &["/0/0".into(), "/a/0".into(), String::new()]);
            assert_eq!(got.len(), 3, "{junk:?}");
            // The root is always found (at the first byte); nothing points past the text.
            assert_eq!(got[2], 0, "{junk:?}");
            assert!(got.iter().all(|&o| o <= junk.len()), "{junk:?}");
        }
    }

    #[test]
    fn offsets_stay_inside_the_text_even_when_it_is_not_json() {
        // Found by the `locate` fuzz target: a key, no colon, then an unterminated string.
        let text = "{\n  \"    ////\"    //  \"\u{1}";
        for offset in locate_all(text, &["///;".into(), String::new()]) {
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
        let repeated = |src| crate::shape::read(src).map(|d| d.repeated()).unwrap_or_default();
        let mut found: Vec<(String, usize)> = repeated(src)
            .into_iter()
            .map(|(p, o)| (p.to_string(), o))
            .collect();
        found.sort_by_key(|f| f.1);
        assert_eq!(
            found,
            vec![("/b/0/x".into(), 24), ("/b/0/x".into(), 32), ("/a".into(), 42)]
        );
        assert!(repeated(r#"{"a": {"a": {"a": 1}}}"#).is_empty());
    }

    #[test]
    fn a_member_is_found_at_its_key_and_its_value() {
        let src = r#"{"a": {"b\"c": 1}, "d": [2]}"#;
        let spots: Vec<Spot> = ["/a/b\"c", "/d/0", "/a/missing", "/d/1", "/d/0/x"]
            .iter()
            .map(|p| spot(src, p))
            .collect();
        let at = |value, key| Spot { value, key };
        assert_eq!(
            spots,
            [
                at(15, Some(7)),
                at(25, None),
                at(6, None),
                at(24, None),
                at(25, None)
            ]
        );
    }

    #[test]
    fn escaped_keys_match() {
        let src = r#"{"a\"b": 1}"#;
        assert_eq!(locate_all(src, &["/a\"b".into()]), vec![9]);
    }
}
