//! Stable identifiers that references point at.

use compact_str::CompactString;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// The id format as a regular expression, for the JSON Schema.
pub const ID_PATTERN: &str = r"^[a-z0-9]+([-_.][a-z0-9]+)*$";

/// The longest id the format allows.
pub const MAX_ID_LEN: usize = 64;

/// A stable id such as `g1-t2-i3`: lowercase ASCII letters and digits, joined by single `-`,
/// `_` or `.`, at most 64 characters. References between parts of a plan use these ids, so
/// that a plan can be reordered, translated and diffed without breaking its links.
///
/// The format is checked by the `id.invalid` rule rather than while parsing, so that every bad
/// id in a document is reported at once.
///
/// Ids are short, so they are stored inline (up to 24 bytes) rather than on the heap: a large
/// plan has hundreds of thousands of ids and references, and not allocating them makes
/// parsing, validating and dropping it measurably faster. The storage is private: make an id
/// with `Id::from("g1")` and read it with [`Id::as_str`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(CompactString);

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A stable id (識別子): lowercase ASCII letters and digits joined by single `-`, `_` or `.`; at most 64 characters. References between parts of a plan use ids.",
            "type": "string",
            "pattern": ID_PATTERN,
            "maxLength": MAX_ID_LEN,
            "examples": ["g1-t2-i3"]
        })
    }
}

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the id has the documented format.
    ///
    /// ```
    /// use welfare_plan::Id;
    /// assert!(Id::from("g1-t2").is_well_formed());
    /// assert!(!Id::from("G1 t2").is_well_formed());
    /// ```
    pub fn is_well_formed(&self) -> bool {
        let s = self.0.as_bytes();
        if s.is_empty() || s.len() > MAX_ID_LEN {
            return false;
        }
        let mut prev_sep = true;
        for &b in s {
            let sep = matches!(b, b'-' | b'_' | b'.');
            if sep && prev_sep {
                return false;
            }
            if !(sep || b.is_ascii_lowercase() || b.is_ascii_digit()) {
                return false;
            }
            prev_sep = sep;
        }
        !prev_sep
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Id(CompactString::from(s))
    }
}

impl From<String> for Id {
    fn from(s: String) -> Self {
        Id(CompactString::from(s))
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// An id equals the text it is written as, so that ids compare with the strings a caller holds.
impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_may_not_lead_trail_or_repeat() {
        for bad in ["", "-a", "a-", "a--b", "a_-b", "A", "あ", "a b"] {
            assert!(!Id::from(bad).is_well_formed(), "{bad:?}");
        }
        for good in ["a", "g1", "g1-t2-i3", "city.hall", "x_1"] {
            assert!(Id::from(good).is_well_formed(), "{good:?}");
        }
    }

    #[test]
    fn an_id_equals_the_text_it_is_written_as() {
        let id = Id::from("g1-t2");
        assert!(id == "g1-t2");
        assert!(id == *"g1-t2");
        assert!(id != "g1-t3");
    }

    #[test]
    fn length_is_capped_at_64() {
        assert!(Id::from("a".repeat(64).as_str()).is_well_formed());
        assert!(!Id::from("a".repeat(65).as_str()).is_well_formed());
    }
}
