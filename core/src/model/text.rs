//! Bilingual text (日本語 / English).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A piece of the plan's text. Japanese is the plan's own wording and is required; English is
/// an optional translation, so a city can publish before translating.
///
/// ```
/// use welfare_plan::Text;
/// let t = Text::new("地域福祉", Some("community welfare"));
/// assert_eq!(t.get(welfare_plan::Lang::En), "community welfare");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Japanese, verbatim from the plan (日本語、計画書の原文どおり). Must not be blank.
    #[schemars(regex(pattern = r"\S"))]
    pub ja: String,
    /// English translation (英訳). Optional; when present it must not be blank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"\S"))]
    pub en: Option<String>,
}

/// The language a text is rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 日本語.
    #[default]
    Ja,
    /// English; falls back to Japanese where no translation exists.
    En,
}

impl Text {
    /// Builds a text from Japanese and an optional English translation.
    pub fn new(ja: impl Into<String>, en: Option<&str>) -> Self {
        Text {
            ja: ja.into(),
            en: en.map(str::to_owned),
        }
    }

    /// The text in `lang`, falling back to Japanese when there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.ja,
        }
    }
}

/// True when `s` has no visible character: the rule behind `text.blank`.
///
/// Unicode white space counts as blank, the full-width space U+3000 included, and so does
/// U+FEFF (a stray byte-order mark), which JavaScript's `\s` treats as space too.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || c == '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_space_is_blank() {
        assert!(is_blank("\u{3000} \t"));
        assert!(is_blank(""));
        assert!(!is_blank(" 自助 "));
    }

    #[test]
    fn english_falls_back_to_japanese() {
        let t = Text::new("公助", None);
        assert_eq!(t.get(Lang::En), "公助");
    }
}
