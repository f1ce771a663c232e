//! Mistakes on the command line itself (an unknown option, a value an option does not take, a
//! missing argument) in Japanese. clap explains them in English only, and Japanese is the
//! command's language unless `--lang` or the locale asks for English, so a clerk who mistypes a
//! flag would otherwise get the one English message of the run.

use std::ffi::OsString;
use std::fmt::{self, Write as _};

use clap::error::{ContextKind, ContextValue, ErrorKind};
use welfare_plan::Lang;

/// The language of a run whose command line clap could not read: `--lang ja|en` (or
/// `--lang=…`) wherever it stands, else `fallback` (the locale's). A `--lang` clap would not
/// take either decides nothing.
pub fn lang_of(args: &[OsString], fallback: Lang) -> Lang {
    let mut found = None;
    let mut words = args.iter().map(|a| a.to_str().unwrap_or_default());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("ja") => found = Some(Lang::Ja),
            Some("en") => found = Some(Lang::En),
            _ => {}
        }
    }
    found.unwrap_or(fallback)
}

/// A count or a size given to an option (the limits): a whole number of 0 or more, refused in
/// the format's own words in both languages rather than in the standard library's
/// ("invalid digit found in string").
pub fn count(value: &str) -> Result<usize, NotACount> {
    value
        .parse()
        .map_err(|e: std::num::ParseIntError| match e.kind() {
            std::num::IntErrorKind::PosOverflow => NotACount::TooLarge,
            _ => NotACount::NotAWholeNumber,
        })
}

/// Why [`count`] refused a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotACount {
    NotAWholeNumber,
    TooLarge,
}

impl NotACount {
    fn ja(self) -> &'static str {
        match self {
            NotACount::NotAWholeNumber => "0以上の整数で書いてください",
            NotACount::TooLarge => "大きすぎます",
        }
    }
}

impl fmt::Display for NotACount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotACount::NotAWholeNumber => "expected a whole number of 0 or more",
            NotACount::TooLarge => "too large",
        })
    }
}

impl std::error::Error for NotACount {}

/// clap's error `e` said in Japanese, with the usage line and where to find help, or `None` for
/// what is not a mistake (`--help`, `--version`) and for what clap gave too little context to
/// say again (then clap's own English stands).
pub fn japanese(e: &clap::Error) -> Option<String> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(format!("`{s}`")),
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(quoted(v)),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut said = match e.kind() {
        ErrorKind::UnknownArgument => format!("想定外の引数 `{}` があります", arg?),
        ErrorKind::InvalidSubcommand => {
            format!(
                "サブコマンド `{}` はありません",
                text(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::InvalidValue if value?.is_empty() => format!("`{}` には値が必要です", arg?),
        ErrorKind::InvalidValue => format!("`{}` に `{}` は使えません", arg?, value?),
        // A year the core could not read, or a count, says why itself.
        ErrorKind::ValueValidation => {
            let source = std::error::Error::source(e);
            match (
                source.and_then(|s| s.downcast_ref::<welfare_plan::era::EraError>()),
                source.and_then(|s| s.downcast_ref::<NotACount>()),
            ) {
                (Some(era), _) => format!("`{}`: {}", arg?, era.message(Lang::Ja)),
                (None, Some(_)) if value?.is_empty() => format!("`{}` には0以上の整数が必要です", arg?),
                (None, Some(not)) => format!("`{}` の値 `{}` は{}", arg?, value?, not.ja()),
                (None, None) => format!("`{}` の値 `{}` は使えません", arg?, value?),
            }
        }
        ErrorKind::MissingRequiredArgument => {
            format!("必要な引数がありません: {}", list(ContextKind::InvalidArg)?)
        }
        ErrorKind::ArgumentConflict => match (arg, list(ContextKind::PriorArg)) {
            (Some(a), Some(b)) if b == format!("`{a}`") => format!("`{a}` は一度しか指定できません"),
            (Some(a), Some(b)) => format!("`{a}` は {b} と一緒に使えません"),
            (Some(a), None) => format!("`{a}` はほかに指定した引数と一緒に使えません"),
            (None, _) => return None,
        },
        ErrorKind::NoEquals => format!("`{}` の値は `=` に続けて書いてください", arg?),
        ErrorKind::TooManyValues => format!("`{}` に余分な値 `{}` があります", arg?, value?),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("`{}` の値の数が正しくありません", arg?)
        }
        ErrorKind::MissingSubcommand => format!(
            "`{}` にはサブコマンドが必要です",
            text(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::InvalidUtf8 => "引数がUTF-8の文字列ではありません".to_owned(),
        _ => return None,
    };
    // As the core says a near miss: 「…はありません。`x` のことですか？（使える…: …）」.
    let suggested = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedValue))
        .map(|s| format!("`{s}`"))
        .or_else(|| list(ContextKind::SuggestedSubcommand));
    if let Some(s) = suggested {
        let _ = write!(said, "。{s} のことですか？");
    }
    if let Some(valid) = list(ContextKind::ValidValue).or_else(|| list(ContextKind::ValidSubcommand)) {
        let _ = write!(said, "（使えるもの: {valid}）");
    }
    let mut out = format!("エラー: {said}\n");
    for tip in tips(e) {
        let _ = writeln!(out, "\n  ヒント: {tip}");
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let _ = writeln!(out, "\n使い方: {usage}");
    }
    out.push_str("\n詳しくは `--help` を付けて実行してください。\n");
    Some(out)
}

/// clap's tips (its context `Suggested`) in Japanese. clap writes them only as English text, so
/// the two it gives this command's mistakes are recognised by their wording; a tip worded
/// otherwise (a later clap) is left out rather than shown in English.
fn tips(e: &clap::Error) -> Vec<String> {
    let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) else {
        return Vec::new();
    };
    tips.iter()
        .filter_map(|tip| {
            let tip = tip.to_string();
            // "to pass '-5' as a value, use '-- -5'"
            if let Some(rest) = tip.strip_prefix("to pass '") {
                let (value, use_) = rest.split_once("' as a value, use '")?;
                let use_ = use_.strip_suffix('\'')?;
                return Some(format!("`{value}` を値として渡すには `{use_}` と書いてください"));
            }
            // "'validate --format' exists"
            let exists = tip.strip_prefix('\'')?.strip_suffix("' exists")?;
            Some(format!("`{exists}` なら使えます"))
        })
        .collect()
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_follows_a_lang_flag_in_either_spelling_and_else_the_locale() {
        assert_eq!(
            lang_of(&args(&["welfare-plan", "shwo", "--lang", "en"]), Lang::Ja),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["welfare-plan", "--lang=ja", "x"]), Lang::En),
            Lang::Ja
        );
        assert_eq!(
            lang_of(&args(&["welfare-plan", "--lang", "fr"]), Lang::En),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["welfare-plan", "--", "--lang", "en"]), Lang::Ja),
            Lang::Ja
        );
        assert_eq!(lang_of(&args(&["welfare-plan", "--lang"]), Lang::Ja), Lang::Ja);
    }

    #[test]
    fn a_count_is_a_whole_number_of_0_or_more_in_both_languages() {
        assert_eq!(count("12"), Ok(12));
        assert_eq!(count("-1"), Err(NotACount::NotAWholeNumber));
        assert_eq!(count("1.5"), Err(NotACount::NotAWholeNumber));
        assert_eq!(count("99999999999999999999999"), Err(NotACount::TooLarge));
        assert_eq!(
            NotACount::NotAWholeNumber.to_string(),
            "expected a whole number of 0 or more"
        );
        assert_eq!(NotACount::TooLarge.ja(), "大きすぎます");
    }
}
