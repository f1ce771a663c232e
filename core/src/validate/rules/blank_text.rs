//! `text.blank`: a text whose Japanese (or, when present, English) is empty or white space.

use crate::error::{Issue, IssueCode};
use crate::model::{is_blank, Plan, Text};
use crate::validate::walk::{Stack, Visitor, Visits};
use crate::validate::{Context, Parsed, Rule, RuleVisitor};
use crate::Limits;

pub struct BlankText;

impl Rule for BlankText {
    fn name(&self) -> &'static str {
        "blank_text"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::BlankText]
    }

    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Blanks { out: Vec::new() }))
    }

    fn settled_by(&self, parsed: &Parsed) -> bool {
        parsed.no_blank_strings
    }
}

struct Blanks {
    out: Vec<Issue>,
}

impl RuleVisitor<'_> for Blanks {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        out.extend(self.out);
    }
}

impl Visitor<'_> for Blanks {
    fn visits(&self) -> Visits {
        Visits::TEXT
    }

    fn text(&mut self, text: &Text, path: &Stack) {
        if is_blank(&text.ja) {
            self.out.push(Issue::new(
                IssueCode::BlankText,
                path.path(&["ja"]),
                "the japanese text is blank; it is required".into(),
                "日本語の文が空です（必須）".into(),
            ));
        }
        if text.en.as_deref().is_some_and(is_blank) {
            self.out.push(Issue::new(
                IssueCode::BlankText,
                path.path(&["en"]),
                "the english text is blank; leave it out instead".into(),
                "英語の文が空です（不要なら項目ごと省いてください）".into(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;

    #[test]
    fn blank_japanese_and_blank_english_are_both_reported() {
        let mut p = plan();
        p.nodes[1].children[0].children[1].title.ja = "\u{3000}".into();
        p.challenges[0].title.en = Some(" ".into());
        assert_eq!(
            found(&p),
            expect(&[
                ("text.blank", "/challenges/0/title/en"),
                ("text.blank", "/nodes/1/children/0/children/1/title/ja"),
            ])
        );
    }

    #[test]
    fn check_finds_a_blank_text_written_raw_or_escaped() {
        // `check` skips the rule when the parse saw no blank string: the parse must see the
        // string whether serde_json borrows it from the input or unescapes it into a buffer.
        let mut p = plan();
        p.challenges[0].title.ja = "\u{3000}".into();
        let raw = serde_json::to_string(&p).unwrap_or_default();
        let escaped = raw.replacen('\u{3000}', "\\u3000", 1);
        assert_ne!(raw, escaped);
        for text in [raw, escaped] {
            let got: Vec<_> = crate::check(text.as_bytes())
                .issues
                .iter()
                .map(|i| (i.code.to_string(), i.path.to_string()))
                .collect();
            assert_eq!(got, expect(&[("text.blank", "/challenges/0/title/ja")]));
        }
    }
}
