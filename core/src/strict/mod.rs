//! A deserializer adapter that accepts only JSON objects for structs, and records where a parse
//! error happened.
//!
//! serde's derived structs also accept a JSON array of their fields in order (`["1.0", …]`
//! for a plan, `["自助"]` for a text). The JSON Schema rejects those, and so must the library:
//! this adapter routes every `deserialize_struct` to `deserialize_map`, so an array where an
//! object belongs is a wrong-type error. It wraps every nested deserializer, so the rule holds
//! at every depth.
//!
//! The same wrappers keep each map's current key (borrowed from the input, so it costs nothing)
//! and each sequence's index, and push them onto a [`Trail`] only while an error unwinds: the
//! path of a structural error comes out of the one parse, with no second pass and nothing paid
//! on success.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use crate::error::{Path, PathSegment};
use crate::model::is_blank;
use crate::validate::Parsed;

/// Forwards plain `visit_*` calls to `self.inner` unchanged (used here and in `key`).
macro_rules! visit {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

mod key;
use key::KeySeed;

/// Where a parse error happened, filled innermost-first as the error unwinds; and what the
/// parse saw of the strings on the way.
#[derive(Debug, Default)]
pub struct Trail {
    segments: RefCell<Vec<PathSegment>>,
    blank_string: Cell<bool>,
}

impl Trail {
    fn push(&self, seg: PathSegment) {
        self.segments.borrow_mut().push(seg);
    }

    /// Notes a string value (not a key) as it is read, while its bytes are in cache.
    #[inline]
    fn string(&self, s: &str) {
        if !self.blank_string.get() && is_blank(s) {
            self.blank_string.set(true);
        }
    }

    /// What the parse established for validation (see [`Parsed`]).
    pub fn parsed(&self) -> Parsed {
        Parsed {
            no_blank_strings: !self.blank_string.get(),
        }
    }

    /// The path from the root to the error.
    pub fn into_path(self) -> Path {
        let mut segs = self.segments.into_inner();
        segs.reverse();
        Path(segs)
    }
}

/// Wraps a deserializer so that structs accept only maps and errors leave a trail.
pub struct Strict<'t, D> {
    de: D,
    trail: &'t Trail,
}

macro_rules! forward {
    ($($method:ident),* $(,)?) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
                self.de.$method(Wrap { inner: visitor, trail: self.trail })
            }
        )*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<'_, D> {
    type Error = D::Error;

    forward!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(
            name,
            Wrap {
                inner: visitor,
                trail: self.trail,
            },
        )
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(
            name,
            Wrap {
                inner: visitor,
                trail: self.trail,
            },
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(
            len,
            Wrap {
                inner: visitor,
                trail: self.trail,
            },
        )
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(
            name,
            len,
            Wrap {
                inner: visitor,
                trail: self.trail,
            },
        )
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_map(Wrap {
            inner: visitor,
            trail: self.trail,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_enum(
            name,
            variants,
            Wrap {
                inner: visitor,
                trail: self.trail,
            },
        )
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A visitor (or access) that wraps whatever it is handed next.
struct Wrap<'t, X> {
    inner: X,
    trail: &'t Trail,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    visit!(
        visit_bool: bool,
        visit_i8: i8,
        visit_i16: i16,
        visit_i32: i32,
        visit_i64: i64,
        visit_i128: i128,
        visit_u8: u8,
        visit_u16: u16,
        visit_u32: u32,
        visit_u64: u64,
        visit_u128: u128,
        visit_f32: f32,
        visit_f64: f64,
        visit_char: char,
        visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8],
        visit_byte_buf: Vec<u8>,
    );

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.trail.string(v);
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.trail.string(v);
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.trail.string(&v);
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Strict {
            de: d,
            trail: self.trail,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Strict {
            de: d,
            trail: self.trail,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(Seq {
            inner: seq,
            trail: self.trail,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(Map {
            inner: map,
            trail: self.trail,
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        // The format's enums are unit codes: nothing below them to wrap or trail.
        self.inner.visit_enum(data)
    }
}

/// A sequence that knows the index of the element being read.
struct Seq<'t, A> {
    inner: A,
    trail: &'t Trail,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let index = self.index;
        self.index += 1;
        let trail = self.trail;
        self.inner
            .next_element_seed(Seed { inner: seed, trail })
            .inspect_err(|_| trail.push(PathSegment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A map that knows the key of the value being read.
struct Map<'t, 'de, A> {
    inner: A,
    trail: &'t Trail,
    key: Option<Cow<'de, str>>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        // An error in the key itself (an unknown field) leaves the path at this object.
        self.inner.next_key_seed(KeySeed {
            inner: seed,
            key: &mut self.key,
        })
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let trail = self.trail;
        let key = &self.key;
        self.inner
            .next_value_seed(Seed { inner: seed, trail })
            .inspect_err(|_| {
                if let Some(k) = key {
                    trail.push(PathSegment::Key(Cow::Owned(k.to_string())));
                }
            })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A seed that hands its value a wrapped deserializer.
struct Seed<'t, S> {
    inner: S,
    trail: &'t Trail,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.inner.deserialize(Strict {
            de: d,
            trail: self.trail,
        })
    }
}

/// Parses `text` as `T` with structs accepting only objects, and nothing but white space
/// after it. On error, `trail` holds the path to where it happened.
pub fn from_str<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
    trail: &Trail,
) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(Strict { de: &mut de, trail })?;
    de.end()?;
    Ok(value)
}

/// Reads `value` as `T` with the same rules as [`from_str`]: the error path's second read of
/// a repaired document, which is a value already. Native builds only: in WebAssembly each
/// type's deserializer compiled a second time, for values, costs more module size than the
/// error path is worth, so there the value goes through text (see
/// `parse::rules_on_the_rest`).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn from_value<'de, T: serde::Deserialize<'de>>(
    value: &'de crate::shape::Value<'_>,
    trail: &Trail,
) -> Result<T, serde_json::Error> {
    T::deserialize(Strict { de: value, trail })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn path_of<'de, T: serde::Deserialize<'de>>(text: &'de str) -> (String, String) {
        let trail = Trail::default();
        let e = from_str::<T>(text, &trail)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        (trail.into_path().to_string(), e)
    }

    #[test]
    fn a_struct_written_as_an_array_is_a_wrong_type() {
        assert!(
            serde_json::from_str::<Text>(r#"["自助"]"#).is_ok(),
            "serde alone accepts it"
        );
        let (path, e) = path_of::<Vec<Text>>(r#"[{"ja": "a"}, ["自助"]]"#);
        assert!(
            e.starts_with("invalid type: sequence, expected struct Text"),
            "{e}"
        );
        assert_eq!(path, "/1");
        assert!(from_str::<Vec<Text>>(r#"[{"ja": "a", "en": "b"}]"#, &Trail::default()).is_ok());
    }

    #[test]
    fn the_trail_notes_a_blank_string_value_but_not_a_blank_key() {
        type Doc = std::collections::BTreeMap<String, Vec<String>>;
        for (text, blank) in [
            (r#"{" ": ["a", "b"]}"#, false),
            (r#"{"a": ["b", " "]}"#, true),
            (r#"{"a": ["\u3000"]}"#, true),
            (r#"{"a": [""]}"#, true),
        ] {
            let trail = Trail::default();
            assert!(from_str::<Doc>(text, &trail).is_ok(), "{text}");
            assert_eq!(trail.parsed().no_blank_strings, !blank, "{text}");
        }
    }

    #[test]
    fn the_trail_names_keys_and_indices_including_escaped_keys() {
        type Doc = std::collections::BTreeMap<String, Vec<Text>>;
        assert_eq!(path_of::<Doc>(r#"{"a": [{"ja": "x"}, {"ja": 1}]}"#).0, "/a/1/ja");
        assert_eq!(path_of::<Doc>(r#"{"a\"b": [{"ja": 1}]}"#).0, "/a\"b/0/ja");
        // An unknown field stops at its object; the caller names the field.
        assert_eq!(path_of::<Doc>(r#"{"a": [{"ja": "x", "jp": 1}]}"#).0, "/a/0");
    }
}
