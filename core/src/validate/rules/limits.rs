//! `limit.text_too_long`, `limit.too_many_elements`, `limit.too_deep`: the configured limits
//! that parsing alone does not enforce (see [`crate::Limits`]).

use crate::error::{Issue, IssueCode};
use crate::model::{Extensions, Plan, Text};
use crate::validate::walk::{Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};

pub struct Limits;

impl Rule for Limits {
    fn name(&self) -> &'static str {
        "limits"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::TextTooLong,
            IssueCode::TooManyElements,
            IssueCode::TooDeep,
        ]
    }

    fn visitor<'p>(
        &self,
        _plan: &'p Plan,
        limits: &'p crate::Limits,
    ) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Check {
            limits,
            out: Vec::new(),
        }))
    }
}

struct Check<'a> {
    limits: &'a crate::Limits,
    out: Vec<Issue>,
}

impl<'p> RuleVisitor<'p> for Check<'p> {
    fn finish(self: Box<Self>, _cx: &Context<'p>, out: &mut Vec<Issue>) {
        out.extend(self.out);
    }
}

impl Check<'_> {
    fn string(&mut self, s: &str, path: &Stack, key: &'static str) {
        let max = self.limits.max_text_chars;
        // Cheap test first: a string of at most `max` bytes has at most `max` characters.
        if s.len() > max && s.chars().count() > max {
            let n = s.chars().count();
            self.out.push(Issue::new(
                IssueCode::TextTooLong,
                path.path(&[key]),
                format!("the text has {n} characters; the limit is {max}"),
                format!("文が長すぎます（{n}文字、上限{max}文字）"),
            ));
        }
    }
}

impl<'p> Visitor<'p> for Check<'p> {
    fn visits(&self) -> Visits {
        Visits::TEXT.and(Visits::LIST).and(Visits::EXTENSIONS)
    }

    fn text(&mut self, text: &Text, path: &Stack) {
        self.string(&text.ja, path, "ja");
        if let Some(en) = &text.en {
            self.string(en, path, "en");
        }
    }

    fn list(&mut self, len: usize, path: &Stack) {
        let max = self.limits.max_elements;
        if len > max {
            self.out.push(Issue::new(
                IssueCode::TooManyElements,
                path.path(&[]),
                format!("the list has {len} elements; the limit is {max}"),
                format!("要素が多すぎます（{len}個、上限{max}個）"),
            ));
        }
    }

    fn extensions(&mut self, ext: &Extensions, path: &Stack) {
        let max = self.limits.max_depth;
        let depth = ext.depth();
        if depth > max {
            self.out.push(Issue::new(
                IssueCode::TooDeep,
                path.path(&[]),
                format!("the extensions nest {depth} levels deep; the limit is {max}"),
                format!("拡張の入れ子が深すぎます（{depth}段、上限{max}段）"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::testing::*;
    use crate::{validate_with, Limits};

    #[test]
    fn each_limit_is_reported_where_it_is_exceeded() {
        let mut p = plan();
        p.philosophy.statement.ja = "あ".repeat(11);
        p.extensions.0.insert("deep".into(), serde_json::json!([[[1]]]));
        let limits = Limits {
            max_text_chars: 10,
            max_elements: 6,
            max_depth: 3,
            ..Limits::default()
        };
        let got: Vec<_> = validate_with(&p, &limits)
            .into_iter()
            .map(|i| (i.code.to_string(), i.path.to_string()))
            .collect();
        assert!(
            got.contains(&("limit.text_too_long".into(), "/philosophy/statement/ja".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("limit.too_many_elements".into(), "/actors".into())),
            "{got:?}"
        );
        assert!(
            got.contains(&("limit.too_deep".into(), "/extensions".into())),
            "{got:?}"
        );
    }

    #[test]
    fn the_embedded_plan_is_far_inside_the_default_limits() {
        assert_eq!(found(&plan()), expect(&[]));
    }
}
