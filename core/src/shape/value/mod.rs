//! The document as the error path reads it: a tree that borrows its strings from the text and
//! knows where each value (and each member's key) starts.
//!
//! The error path used to read the document as a `serde_json::Value` and then scan the text a
//! second time to place every issue. On a 10,000-initiative plan with a problem in every
//! initiative, that value (a `String` per key and string, a `BTreeMap` per object) cost more
//! to build and to drop than the typed parse of a valid plan, and the second scan nearly as
//! much. This tree is read in one pass, allocates one `Vec` per object and list, and places an
//! issue by walking its path down the tree.
//!
//! It reads as `serde_json::Value` does, so that issues and repairs are the same. It accepts
//! exactly the JSON that serde_json accepts (text it refuses gets serde_json's own error);
//! numbers are serde_json's own [`Number`]; escaped strings are unescaped by serde_json; and
//! each object's members are sorted by key with the last of a repeated key kept (a
//! `BTreeMap`'s order and its last-wins insert), at the place the key was first written (where
//! the scan of the text finds it).

use std::borrow::Cow;

use serde_json::Number;

use crate::error::{Path, PathSegment};
use crate::limits::PARSER_MAX_DEPTH;
use crate::locate::{Cursor, Spot};

/// One value of the document, and the offset of its first byte in the text.
pub(crate) struct Value<'t> {
    pub at: usize,
    pub json: Json<'t>,
}

/// What a value is.
pub(crate) enum Json<'t> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'t, str>),
    Array(Vec<Value<'t>>),
    /// Sorted by key, each key once.
    Object(Vec<Member<'t>>),
}

/// One member of an object, and the offset of its key's opening quote.
pub(crate) struct Member<'t> {
    pub key: Cow<'t, str>,
    pub key_at: usize,
    pub value: Value<'t>,
    /// Where the key was written again in the same object, if it was (the value is the last
    /// writing's): parsers keep the last value and say nothing, so this is how a clerk learns
    /// of every repeated key at once.
    pub repeats: Option<Box<Repeats>>,
}

/// A key written more than once in one object.
#[derive(Default)]
pub(crate) struct Repeats {
    /// The offsets of the key's second and later writings' opening quotes.
    pub again: Vec<usize>,
    /// Keys repeated inside the writings a later one replaced: their paths from this member's
    /// value, and the offsets of the repeats. Those values are dropped, and the repeats in them
    /// are problems of the text all the same.
    pub inside: Vec<(Path, usize)>,
}

/// Reads `text` as the tree; the error is serde_json's own, for text that is not JSON or is
/// nested deeper than its limit.
pub(crate) fn read(text: &str) -> Result<Value<'_>, serde_json::Error> {
    read_as(text, false)
}

/// The places of the values of `text`, which the typed parse has already read as JSON: the
/// tree without its strings and numbers (each a `null`), and with the members of small
/// objects in the order of the text, which is all that placing issues needs. (Placing the 100
/// issues of the 1,000-initiative bench plan took 12.3 M instructions this way, 15.1 M through
/// [`read`].)
pub(crate) fn places(text: &str) -> Option<Value<'_>> {
    read_as(text, true).ok()
}

fn read_as(text: &str, places_only: bool) -> Result<Value<'_>, serde_json::Error> {
    let mut r = Reader {
        text,
        c: Cursor::new(text),
        members: Vec::new(),
        items: Vec::new(),
        places_only,
    };
    r.c.skip_ws();
    let value = r.value(0).filter(|_| {
        r.c.skip_ws();
        r.c.peek().is_none()
    });
    match value {
        Some(v) => Ok(v),
        // Not JSON, or nested too deep: serde_json reads it again to say what is wrong and
        // where, in its own words. (It cannot accept what this reader refused; should it ever,
        // the caller still gets an error.)
        None => Err(serde_json::from_str::<serde_json::Value>(text)
            .err()
            .unwrap_or_else(|| serde::de::Error::custom("recursion limit exceeded"))),
    }
}

/// Reads JSON text; `None` at the first thing serde_json would refuse.
struct Reader<'t> {
    text: &'t str,
    c: Cursor<'t>,
    /// The members and items read so far of the objects and lists still open, innermost
    /// last: each is moved out into a `Vec` of its exact size when it closes, so that no
    /// object's or list's `Vec` grows by reallocation.
    members: Vec<Member<'t>>,
    items: Vec<Value<'t>>,
    /// See [`places`].
    places_only: bool,
}

impl<'t> Reader<'t> {
    /// `depth`: the lists and objects open around this value. serde_json refuses the 128th,
    /// and so does this reader.
    fn value(&mut self, depth: usize) -> Option<Value<'t>> {
        let at = self.c.i;
        let json = match self.c.peek()? {
            b'{' | b'[' if depth + 1 >= PARSER_MAX_DEPTH => return None,
            b'{' => {
                let base = self.members.len();
                self.list(b'}', |r| {
                    let key_at = r.c.i;
                    let key = r.string()?;
                    r.c.skip_ws();
                    r.eat(b':')?;
                    r.c.skip_ws();
                    let value = r.value(depth + 1)?;
                    r.members.push(Member {
                        key,
                        key_at,
                        value,
                        repeats: None,
                    });
                    Some(())
                })?;
                let members = self.members.split_off(base);
                Json::Object(match self.places_only && members.len() <= SMALL {
                    true => members,
                    false => sorted(members),
                })
            }
            b'[' => {
                let base = self.items.len();
                self.list(b']', |r| {
                    let item = r.value(depth + 1)?;
                    r.items.push(item);
                    Some(())
                })?;
                Json::Array(self.items.split_off(base))
            }
            b'"' if self.places_only => {
                self.c.skip_string()?;
                Json::Null
            }
            b'"' => Json::String(self.string()?),
            b't' => self.word("true", Json::Bool(true))?,
            b'f' => self.word("false", Json::Bool(false))?,
            b'n' => self.word("null", Json::Null)?,
            _ if self.places_only => {
                self.number_text()?;
                Json::Null
            }
            _ => Json::Number(self.number()?),
        };
        Some(Value { at, json })
    }

    /// From an opening bracket to past its `close`: `one` for each element or member, with
    /// white space and commas between them.
    fn list(&mut self, close: u8, mut one: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.c.i += 1;
        self.c.skip_ws();
        if self.eat(close).is_some() {
            return Some(());
        }
        loop {
            self.c.skip_ws();
            one(self)?;
            self.c.skip_ws();
            if self.eat(b',').is_none() {
                return self.eat(close);
            }
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.c.peek() == Some(c)).then(|| self.c.i += 1)
    }

    fn word(&mut self, word: &str, json: Json<'t>) -> Option<Json<'t>> {
        let end = self.c.i + word.len();
        (self.c.b.get(self.c.i..end)? == word.as_bytes()).then(|| {
            self.c.i = end;
            json
        })
    }

    /// A string from its opening quote; escapes are undone by serde_json.
    fn string(&mut self) -> Option<Cow<'t, str>> {
        if self.c.peek()? != b'"' {
            return None;
        }
        let start = self.c.i + 1;
        if self.c.skip_string()? {
            let quoted = self.text.get(start - 1..self.c.i)?;
            serde_json::from_str::<String>(quoted).ok().map(Cow::Owned)
        } else {
            // JSON strings hold no control characters unescaped.
            let raw = self.text.get(start..self.c.i - 1)?;
            // (Every byte looked at, no early exit: the loop is vectorised.)
            let control = !self.places_only && raw.bytes().fold(false, |found, c| found | (c < 0x20));
            (!control).then_some(Cow::Borrowed(raw))
        }
    }

    /// Moves past a number; its text.
    fn number_text(&mut self) -> Option<&'t str> {
        let start = self.c.i;
        while matches!(
            self.c.peek(),
            Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
        ) {
            self.c.i += 1;
        }
        self.text.get(start..self.c.i).filter(|raw| !raw.is_empty())
    }

    /// A number, as serde_json reads it (a small whole number directly, the rest by
    /// serde_json).
    fn number(&mut self) -> Option<Number> {
        let raw = self.number_text()?;
        // JSON writes no leading zeros: `0`, not `01`.
        let plain = matches!(raw.as_bytes(), [b'1'..=b'9', rest @ ..] if rest.iter().all(u8::is_ascii_digit));
        if plain && raw.len() <= 18 {
            return raw.parse::<u64>().ok().map(Number::from);
        }
        // Through serde_json's `Value`, whose reader the crate has anyway: a reader for
        // `Number` alone is more WebAssembly module for the same numbers.
        match serde_json::from_str(raw) {
            Ok(serde_json::Value::Number(n)) => Some(n),
            _ => None,
        }
    }
}

/// The members in key order, the last of a repeated key kept at its first place.
fn sorted(mut members: Vec<Member<'_>>) -> Vec<Member<'_>> {
    if members.windows(2).all(|w| matches!(w, [a, b] if a.key < b.key)) {
        return members;
    }
    sort(&mut members);
    members.dedup_by(|later, kept| {
        let repeated = later.key == kept.key;
        if repeated {
            std::mem::swap(&mut later.value.json, &mut kept.value.json);
            let repeats = kept.repeats.get_or_insert_with(Box::default);
            repeats.again.push(later.key_at);
            // `later` now holds the writing just replaced, which is dropped with it.
            repeats.inside.extend(later.value.repeated());
        }
        repeated
    });
    members
}

/// Sorts members by key, stably (a repeated key's writings stay in the order of the text).
/// By hand: the standard library's stable sort, instantiated for members, was 1.3 KB of the
/// gzipped WebAssembly module. Objects of up to 32 members (every object of a plan) are sorted
/// by insertion; larger ones by merging sorted halves, so that an object of a million keys
/// still takes n log n.
fn sort(members: &mut Vec<Member<'_>>) {
    if members.len() <= 32 {
        for i in 1..members.len() {
            let mut j = i;
            while j > 0 && members.get(j - 1).map(|m| &m.key) > members.get(j).map(|m| &m.key) {
                members.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut right = members.split_off(members.len() / 2);
    let mut left = std::mem::take(members);
    sort(&mut left);
    sort(&mut right);
    members.reserve_exact(left.len() + right.len());
    let mut right = right.into_iter();
    let mut next = right.next();
    for m in left {
        while let Some(x) = next.take_if(|x| x.key < m.key) {
            members.push(x);
            next = right.next();
        }
        members.push(m);
    }
    if let Some(x) = next {
        members.push(x);
    }
    for x in right {
        members.push(x);
    }
}

impl<'t> Value<'t> {
    /// Every key written a second time in its objects, as the path of the repeated key and
    /// the offset of its opening quote; repeats inside a writing that a later one replaced
    /// included, at the path of that writing.
    pub fn repeated(&self) -> Vec<(Path, usize)> {
        fn walk(v: &Value<'_>, path: &mut Vec<PathSegment>, out: &mut Vec<(Path, usize)>) {
            match &v.json {
                Json::Object(members) => {
                    for m in members {
                        path.push(PathSegment::Key(Cow::Owned(m.key.to_string())));
                        if let Some(repeats) = &m.repeats {
                            for &at in &repeats.again {
                                out.push((Path(path.clone()), at));
                            }
                            for (inside, at) in &repeats.inside {
                                let whole = path.iter().chain(inside.segments()).cloned().collect();
                                out.push((Path(whole), *at));
                            }
                        }
                        walk(&m.value, path, out);
                        path.pop();
                    }
                }
                Json::Array(items) => {
                    for (i, x) in items.iter().enumerate() {
                        path.push(PathSegment::Index(i));
                        walk(x, path, out);
                        path.pop();
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(self, &mut Vec::new(), &mut out);
        out
    }

    /// Takes the member `key` out of this object.
    pub fn remove(&mut self, key: &str) -> Option<Value<'t>> {
        let Json::Object(members) = &mut self.json else {
            return None;
        };
        let i = member(members, key)?;
        Some(members.remove(i).value)
    }

    /// Puts `value` in this object as its member `key`, in key order (replacing one there).
    pub fn insert(&mut self, key: &'static str, value: Value<'t>) {
        let Json::Object(members) = &mut self.json else {
            return;
        };
        if let Some(m) = member(members, key).and_then(|i| members.get_mut(i)) {
            m.value = value;
            return;
        }
        let i = members.partition_point(|m| m.key.as_ref() < key);
        members.insert(
            i,
            Member {
                key: Cow::Borrowed(key),
                key_at: value.at,
                value,
                repeats: None,
            },
        );
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match &self.json {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The member `key`, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value<'t>> {
        match &self.json {
            Json::Object(members) => member(members, key)
                .and_then(|i| members.get(i))
                .map(|m| &m.value),
            _ => None,
        }
    }

    /// The value at `path`.
    pub fn at_mut(&mut self, path: &[PathSegment]) -> Option<&mut Value<'t>> {
        let mut v = self;
        for seg in path {
            v = match (seg, &mut v.json) {
                (PathSegment::Key(k), Json::Object(members)) => {
                    let i = member(members, k)?;
                    &mut members.get_mut(i)?.value
                }
                (PathSegment::Index(i), Json::Array(items)) => items.get_mut(*i)?,
                _ => return None,
            };
        }
        Some(v)
    }

    /// Where the value at `path` starts and, when it names an existing member, where its key
    /// starts; a path that names nothing (a missing field) gets its nearest existing
    /// ancestor's start, as the scan of the text does.
    pub fn spot(&self, path: &[PathSegment]) -> Spot {
        let mut v = self;
        let mut key = None;
        for seg in path {
            let next = match (seg, &v.json) {
                (PathSegment::Key(k), Json::Object(members)) => member(members, k)
                    .and_then(|i| members.get(i))
                    .map(|m| (Some(m.key_at), &m.value)),
                (PathSegment::Index(i), Json::Array(items)) => items.get(*i).map(|x| (None, x)),
                _ => None,
            };
            let Some((k, next)) = next else {
                return Spot {
                    value: v.at,
                    key: None,
                };
            };
            (key, v) = (k, next);
        }
        Spot { value: v.at, key }
    }
}

/// Objects of at most this many members are searched from the start (so [`places`] need not
/// sort them); larger ones by halving, sorted.
const SMALL: usize = 16;

/// The index of `key` among members, sorted if there are more than [`SMALL`].
pub(crate) fn member(members: &[Member<'_>], key: &str) -> Option<usize> {
    if members.len() <= SMALL {
        return members.iter().position(|m| m.key == key);
    }
    members.binary_search_by(|m| m.key.as_ref().cmp(key)).ok()
}

/// The tree read as the typed model (natively only).
#[cfg(not(target_arch = "wasm32"))]
mod de;

/// The tree written out as JSON: an upgraded 1.0 document (see `upgrade::check_v1`) and, in
/// WebAssembly, the repaired tree (see `parse::rules_on_the_rest`) are parsed again as text.
impl serde::Serialize for Value<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match &self.json {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Number(n) => n.serialize(s),
            Json::String(v) => s.serialize_str(v),
            Json::Array(items) => s.collect_seq(items),
            Json::Object(members) => {
                let mut m = s.serialize_map(Some(members.len()))?;
                for x in members {
                    m.serialize_entry(x.key.as_ref(), &x.value)?;
                }
                m.end()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as a `serde_json::Value`, to compare with serde_json's own reading.
    fn plain(v: &Value<'_>) -> serde_json::Value {
        match &v.json {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Number(n) => serde_json::Value::Number(n.clone()),
            Json::String(s) => s.as_ref().into(),
            Json::Array(items) => items.iter().map(plain).collect(),
            Json::Object(members) => members
                .iter()
                .map(|m| (m.key.to_string(), plain(&m.value)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }

    /// Any JSON value, with strings that need escapes.
    fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            "[a-c\"\\\u{1}é\n]{0,6}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("[a-c\"]{0,2}", inner, 0..5)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    #[test]
    fn it_reads_what_serde_json_reads_with_the_last_of_a_repeated_key() {
        let texts = [
            r#"{"b": [1, -2, 3.5, 1e3, -0, 18446744073709551615, 123456789012345678901], "a": null}"#,
            r#"{"k": "x\"y\u00e9\ud83d\ude00", "k": {"z": true, "y": false}, "é": "あ"}"#,
            r#"  [ [], {}, "", 0 ]  "#,
            r#"{"a": 1, "a": 2, "b": 0, "a": 3}"#,
        ];
        for text in texts {
            let ours = read(text).map(|v| plain(&v)).ok();
            let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    #[test]
    fn text_that_is_not_json_gets_serde_jsons_own_error() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        let texts = [
            "{\"a\": 1",
            "[1,]",
            "{\"a\": 1,}",
            "{\"a\" 1}",
            "{1: 2}",
            "[01]",
            "[-01]",
            "[1.]",
            "[-]",
            "[1e]",
            "[.5]",
            "[+1]",
            "[tru]",
            "[nul]",
            "\"\\x\"",
            "\"a\u{1}b\"",
            "\"\\ud800\"",
            "\"open",
            "[1] x",
            "[1]]",
            "[1 2]",
            "\u{a0}[1]",
            "",
            deep.as_str(),
        ];
        for text in texts {
            let ours = read(text).err().map(|e| e.to_string());
            let theirs = serde_json::from_str::<serde_json::Value>(text)
                .err()
                .map(|e| e.to_string());
            assert!(ours.is_some(), "{text}");
            assert_eq!(ours, theirs, "{text}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Any text made of JSON's own characters: read exactly when serde_json reads it, as
        /// the same value.
        #[test]
        fn it_accepts_exactly_what_serde_json_accepts(
            text in r#"[\[\]{}",:0-9eE.+\- \n\tafulnrsx\\\u{1}あ]{0,24}"#
        ) {
            let ours = read(&text).map(|v| plain(&v)).ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
            proptest::prop_assert_eq!(ours, theirs);
        }

        /// Any JSON document, written out, and the same with one character changed: read
        /// exactly when serde_json reads it, as the same value.
        #[test]
        fn documents_and_their_one_character_changes_read_as_serde_json_reads_them(
            doc in json(),
            at in 0usize..10_000,
            with in r#"[\[\]{}",:0-9e.\- \\\u{1}]"#,
            change in proptest::bool::ANY,
        ) {
            let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
            if change {
                let at = text.char_indices().map(|(i, _)| i).nth(at % text.chars().count().max(1)).unwrap_or(0);
                let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
                text.replace_range(at..end, &with);
            }
            let ours = read(&text).map(|v| plain(&v)).ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
            proptest::prop_assert_eq!(ours, theirs);
        }

        /// Numbers as serde_json reads them, including the edges of each kind.
        #[test]
        fn numbers_read_as_serde_json_reads_them(
            text in r#"-?(0|[1-9][0-9]{0,21})(\.[0-9]{1,3})?([eE][+-]?[0-9]{1,3})?"#
        ) {
            let ours = read(&text).map(|v| plain(&v)).ok();
            let theirs = serde_json::from_str::<serde_json::Value>(&text).ok();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn members_are_sorted_stably_at_any_size() {
        for n in [0, 1, 2, 31, 32, 33, 100, 1000] {
            // Keys with many repeats, in a scrambled order; each member's place in the text
            // tells the repeats apart.
            let mut members: Vec<Member<'_>> = (0..n)
                .map(|i| Member {
                    key: Cow::Owned(format!("k{}", (i * 7919) % 13)),
                    key_at: i,
                    value: Value {
                        at: i,
                        json: Json::Null,
                    },
                    repeats: None,
                })
                .collect();
            let mut want: Vec<(String, usize)> =
                members.iter().map(|m| (m.key.to_string(), m.key_at)).collect();
            want.sort_by(|a, b| a.0.cmp(&b.0));
            sort(&mut members);
            let got: Vec<(String, usize)> = members.iter().map(|m| (m.key.to_string(), m.key_at)).collect();
            assert_eq!(got, want, "{n}");
        }
    }

    #[test]
    fn places_are_the_full_trees_places_for_every_path() {
        fn paths(v: &Value<'_>, at: &mut Vec<PathSegment>, out: &mut Vec<Vec<PathSegment>>) {
            out.push(at.clone());
            match &v.json {
                Json::Object(members) => members.iter().for_each(|m| {
                    at.push(PathSegment::Key(Cow::Owned(m.key.to_string())));
                    paths(&m.value, at, out);
                    at.pop();
                }),
                Json::Array(items) => items.iter().enumerate().for_each(|(i, x)| {
                    at.push(PathSegment::Index(i));
                    paths(x, at, out);
                    at.pop();
                }),
                _ => {}
            }
        }
        let wide: serde_json::Map<String, serde_json::Value> = (0..40)
            .map(|i| {
                (
                    format!("k{}", (i * 7) % 40),
                    serde_json::json!([i, {"a\"b": "x"}]),
                )
            })
            .collect();
        let texts = [
            crate::iizuka::third_plan().to_canonical_json(),
            serde_json::json!({"wide": wide, "z": 1, "a": [true, null, -1.5e3, "é\n"]}).to_string(),
        ];
        for text in &texts {
            let (Ok(full), Some(lean)) = (read(text), places(text)) else {
                panic!("both read {text}");
            };
            let mut all = Vec::new();
            paths(&full, &mut Vec::new(), &mut all);
            all.push(vec!["missing".into()]);
            assert!(all.len() > 50, "{}", all.len());
            for p in &all {
                assert_eq!(full.spot(p), lean.spot(p), "{p:?}");
            }
        }
    }

    #[test]
    fn nesting_is_refused_where_serde_json_refuses_it() {
        for depth in [126, 127, 128, 129] {
            let text = "[".repeat(depth) + &"]".repeat(depth);
            assert_eq!(
                read(&text).is_ok(),
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "{depth}"
            );
        }
    }

    #[test]
    fn spots_are_the_starts_of_values_and_keys_and_a_missing_part_is_its_parent() {
        let text = r#"{"a": [1, {"b": "x"}], "a": [7, {"c": 2}]}"#;
        let v = read(text).unwrap_or(Value {
            at: 99,
            json: Json::Null,
        });
        let path = |p: &[PathSegment]| v.spot(p);
        let a = PathSegment::from("a");
        // The repeated key is placed where it was first written; what is inside it is the
        // last writing's.
        let spot = |value, key| Spot { value, key };
        assert_eq!(path(std::slice::from_ref(&a)), spot(6, Some(1)));
        assert_eq!(path(&[a.clone(), 1.into(), "c".into()]), spot(38, Some(33)));
        assert_eq!(path(&[a.clone(), 1.into(), "b".into()]), spot(32, None));
        assert_eq!(path(&[a, 5.into()]), spot(6, None));
        assert_eq!(path(&[]), spot(0, None));
    }
}
