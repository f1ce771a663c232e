//! The command's own messages (not a document's issues) in both languages, so that a failure
//! to read a file or a mistyped argument reads in the language of `--lang`, as the issues do.

use welfare_plan::Lang;

/// A message in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    pub en: String,
    pub ja: String,
}

impl Words {
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Self {
        Words {
            en: en.into(),
            ja: ja.into(),
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        }
    }
}

impl From<welfare_plan::Error> for Words {
    fn from(e: welfare_plan::Error) -> Self {
        Words::new(e.message(Lang::En), e.message(Lang::Ja))
    }
}

impl From<welfare_plan::era::EraError> for Words {
    fn from(e: welfare_plan::era::EraError) -> Self {
        welfare_plan::Error::from(e).into()
    }
}

/// Why reading or writing a file failed: the system's words in English, and in Japanese the
/// common causes named (the system's text kept for the rest).
pub fn io_reason(e: &std::io::Error) -> Words {
    use std::io::ErrorKind as K;
    let ja = match e.kind() {
        K::NotFound => "ファイルまたはディレクトリがありません".to_owned(),
        K::PermissionDenied => "アクセスが許可されていません".to_owned(),
        K::IsADirectory => "ディレクトリです".to_owned(),
        K::NotADirectory => "パスの途中にディレクトリでないものがあります".to_owned(),
        K::AlreadyExists => "同じ名前のファイルがすでにあります".to_owned(),
        K::StorageFull => "ディスクの空きがありません".to_owned(),
        K::ReadOnlyFilesystem => "読み取り専用のファイルシステムです".to_owned(),
        _ => format!("入出力のエラー：{e}"),
    };
    Words::new(e.to_string(), ja)
}

/// What was being done to a file when it failed.
#[derive(Debug, Clone, Copy)]
pub enum FileOp {
    Read,
    Write,
    Create,
}

/// `cannot read `NAME`: reason` (or write, or create), in both languages.
pub fn cannot(op: FileOp, name: impl std::fmt::Display, e: &std::io::Error) -> Words {
    let why = io_reason(e);
    let (en, ja) = match op {
        FileOp::Read => ("cannot read", "を読み込めません"),
        FileOp::Write => ("cannot write", "に書き込めません"),
        FileOp::Create => ("cannot create", "を作成できません"),
    };
    Words::new(
        format!("{en} `{name}`: {}", why.en),
        format!("`{name}` {ja}（{}）", why.ja),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named_in_japanese_and_keeps_the_system_words_in_english() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        let w = cannot(FileOp::Read, "plan.json", &e);
        assert_eq!(
            w.get(Lang::Ja),
            "`plan.json` を読み込めません（ファイルまたはディレクトリがありません）"
        );
        assert_eq!(w.get(Lang::En), format!("cannot read `plan.json`: {e}"));
    }

    #[test]
    fn an_unnamed_cause_keeps_the_system_text_in_japanese_too() {
        let e = std::io::Error::other("disk on fire");
        assert_eq!(io_reason(&e).ja, "入出力のエラー：disk on fire");
    }
}
