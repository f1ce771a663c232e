//! Mistakes on the command line itself (an unknown option, a value an option does not take, a
//! missing argument) in Japanese. clap explains them in English only, and Japanese is the
//! command's language unless `--lang` or the locale asks for English, so a clerk who mistypes a
//! flag would otherwise get the one English message of the run.

use std::ffi::OsString;

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

/// clap's error `e` said in Japanese, with the usage line and where to find help, or `None` for
/// what is not a mistake (`--help`, `--version`) and for what clap gave too little context to
/// say again (then clap's own English stands).
pub fn japanese(e: &clap::Error) -> Option<String> {
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) if !v.is_empty() => Some(quoted(v)),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut said = match e.kind() {
        ErrorKind::UnknownArgument => format!("引数 `{}` はありません", arg?),
        ErrorKind::InvalidSubcommand => {
            format!(
                "サブコマンド `{}` はありません",
                text(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::InvalidValue if value?.is_empty() => format!("`{}` に値がありません", arg?),
        ErrorKind::InvalidValue => format!("`{}` に `{}` は使えません", arg?, value?),
        // A year the core could not read says why itself, in Japanese too.
        ErrorKind::ValueValidation => match std::error::Error::source(e) {
            Some(s) => match (s.downcast_ref::<welfare_plan::era::EraError>(), s.downcast_ref()) {
                (Some(era), _) => format!("`{}`: {}", arg?, era.message(Lang::Ja)),
                (None, Some(int)) => format!("`{}` の値 `{}` は{}", arg?, value?, not_a_count(int)),
                (None, None) => format!("`{}` の値 `{}` は使えません（{s}）", arg?, value?),
            },
            None => format!("`{}` の値 `{}` は使えません", arg?, value?),
        },
        ErrorKind::MissingRequiredArgument => {
            format!("必要な引数がありません: {}", list(ContextKind::InvalidArg)?)
        }
        ErrorKind::ArgumentConflict => match (arg, text(ContextKind::PriorArg)) {
            (Some(a), Some(b)) if a == b => format!("`{a}` は一度しか指定できません"),
            (Some(a), Some(b)) => format!("`{a}` と `{b}` は一緒に使えません"),
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
    if let Some(valid) = list(ContextKind::ValidValue).or_else(|| list(ContextKind::ValidSubcommand)) {
        said.push_str(&format!("（使えるもの: {valid}）"));
    }
    let suggested = text(ContextKind::SuggestedArg)
        .or_else(|| text(ContextKind::SuggestedValue))
        .map(str::to_owned)
        .or_else(|| match e.get(ContextKind::SuggestedSubcommand) {
            Some(ContextValue::Strings(v)) if !v.is_empty() => Some(v.join("`、`")),
            _ => None,
        });
    if let Some(s) = suggested {
        said.push_str(&format!("。`{s}` のことですか"));
    }
    let mut out = format!("エラー: {said}\n");
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        out.push_str(&format!("\n使い方: {usage}\n"));
    }
    out.push_str("\n詳しくは `--help` を付けて実行してください。\n");
    Some(out)
}

/// Why a number was refused: every integer option of the command is a count or a size (the
/// limits), so what it takes is a whole number of 0 or more.
fn not_a_count(e: &std::num::ParseIntError) -> &'static str {
    use std::num::IntErrorKind as K;
    match e.kind() {
        K::PosOverflow => "大きすぎます",
        _ => "0以上の整数で書いてください",
    }
}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("`{s}`"))
        .collect::<Vec<_>>()
        .join("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_follows_the_last_lang_flag_in_either_spelling_and_else_the_locale() {
        assert_eq!(
            lang_of(&args(&["welfare-plan", "shwo", "--lang", "en"]), Lang::Ja),
            Lang::En
        );
        assert_eq!(
            lang_of(&args(&["welfare-plan", "--lang=en", "x", "--lang=ja"]), Lang::En),
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
}
