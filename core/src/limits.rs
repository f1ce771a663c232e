//! Limits that stop a hostile or broken document early, with a clear issue.

use serde::{Deserialize, Serialize};

/// Limits on what a document may contain. The defaults let any real plan through with room
/// to spare (a full plan with every project listed is a few hundred kilobytes) and stop a
/// hostile one before it costs much.
///
/// ```
/// let big = welfare_plan::Limits { max_input_bytes: 256 << 20, ..Default::default() };
/// assert!(big.max_input_bytes > welfare_plan::Limits::default().max_input_bytes);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// The largest input accepted, in bytes (`input.too_large`). Default 32 MiB.
    pub max_input_bytes: usize,
    /// The deepest nesting of arrays and objects inside `extensions` (`limit.too_deep`).
    /// Default 32. The JSON parser itself stops at 128 levels anywhere in the document.
    pub max_depth: usize,
    /// The longest text, in characters (`limit.text_too_long`). Default 100,000.
    pub max_text_chars: usize,
    /// The most elements in any one list (`limit.too_many_elements`). Default 100,000.
    pub max_elements: usize,
    /// The most issues reported for one document (at least 1). Past it, one more issue,
    /// `limit.too_many_issues`, says how many were left out. Default 1,000.
    pub max_issues: usize,
}

/// The parser's fixed nesting limit (serde_json's recursion limit).
pub const PARSER_MAX_DEPTH: usize = 128;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 32 << 20,
            max_depth: 32,
            max_text_chars: 100_000,
            max_elements: 100_000,
            max_issues: 1_000,
        }
    }
}

impl Limits {
    /// Every limit's name, as the corpus, Python's keyword arguments and the CLI's flags (with
    /// dashes) spell them; JavaScript spells them in camelCase.
    pub const NAMES: [&'static str; 5] = [
        "max_input_bytes",
        "max_depth",
        "max_text_chars",
        "max_elements",
        "max_issues",
    ];

    /// Sets the limit called `name` (one of [`Limits::NAMES`]), so that every binding reads
    /// limits by name the same way and refuses an unknown one with the same words.
    ///
    /// ```
    /// let mut limits = welfare_plan::Limits::default();
    /// limits.set("max_issues", 10)?;
    /// assert_eq!(limits.max_issues, 10);
    /// let e = limits.set("max_dept", 3).unwrap_err().to_string();
    /// assert!(e.starts_with("unknown limit `max_dept`, did you mean `max_depth`?"), "{e}");
    /// # Ok::<(), welfare_plan::Error>(())
    /// ```
    pub fn set(&mut self, name: &str, value: usize) -> Result<(), crate::Error> {
        let slot = match name {
            "max_input_bytes" => &mut self.max_input_bytes,
            "max_depth" => &mut self.max_depth,
            "max_text_chars" => &mut self.max_text_chars,
            "max_elements" => &mut self.max_elements,
            "max_issues" => &mut self.max_issues,
            _ => return Err(crate::Error::UnknownLimit(crate::preview(name))),
        };
        *slot = value;
        Ok(())
    }

    /// Limits that only the machine's memory bounds, for trusted input such as benchmarks.
    pub fn unlimited() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_depth: PARSER_MAX_DEPTH,
            max_text_chars: usize::MAX,
            max_elements: usize::MAX,
            max_issues: usize::MAX,
        }
    }
}
