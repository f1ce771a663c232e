//! `indicator.value_type`: an indicator's baseline and targets are of the value type it
//! declares: text for a qualitative indicator, numbers otherwise, whole numbers of 0 or more
//! for a count, 0 to 100 for a percentage.

use crate::error::{Issue, IssueCode};
use crate::model::{Indicator, Plan, Quantity, ValueType};
use crate::validate::walk::{Stack, Visitor, Visits};
use crate::validate::{Context, Rule, RuleVisitor};
use crate::Limits;

pub struct Indicators;

impl Rule for Indicators {
    fn name(&self) -> &'static str {
        "indicators"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[IssueCode::IndicatorValueType]
    }

    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        Some(Box::new(Values { out: Vec::new() }))
    }
}

struct Values {
    out: Vec<Issue>,
}

impl<'p> Visitor<'p> for Values {
    fn visits(&self) -> Visits {
        Visits::INDICATOR
    }

    fn indicator(&mut self, ind: &'p Indicator, path: &Stack) {
        if ind.value_type.is_none() {
            return;
        }
        let values = ind
            .baseline
            .iter()
            .map(|b| (b, path.path(&["baseline", "value"])))
            .chain(ind.targets.iter().enumerate().map(|(i, t)| {
                let mut p = path.path(&["targets"]);
                p = p.index(i).key("value");
                (t, p)
            }));
        for (obs, at) in values {
            self.out.extend(value_type_issue(ind, &obs.value, at));
        }
    }
}

/// The issue for a value of `ind` (a baseline, a target, or a report's actual value) that is
/// not of the indicator's value type.
pub(crate) fn value_type_issue(ind: &Indicator, v: &Quantity, at: crate::error::Path) -> Option<Issue> {
    let (en, ja) = mismatch(ind.value_type?, v)?;
    let shown = crate::preview(&v.to_string());
    Some(Issue::new(
        IssueCode::IndicatorValueType,
        at,
        format!("`{shown}` is not {en}, which indicator `{}` takes", ind.id),
        format!("`{shown}` は指標 `{}` の値の種類（{ja}）に合いません", ind.id),
    ))
}

/// What the value should have been, if it is not of type `want`.
fn mismatch(want: ValueType, v: &Quantity) -> Option<(&'static str, &'static str)> {
    let ok = match (want, v) {
        (ValueType::Text, Quantity::Text(_)) => true,
        (ValueType::Text, _) | (_, Quantity::Text(_)) => false,
        (ValueType::Number, _) => true,
        (ValueType::Count, Quantity::Integer(i)) => *i >= 0,
        (ValueType::Count, Quantity::Number(_)) => false,
        (ValueType::Percentage, q) => q.as_f64().is_some_and(|x| (0.0..=100.0).contains(&x)),
    };
    (!ok).then_some(match want {
        ValueType::Text => ("a text", "文字"),
        ValueType::Number => ("a number", "数値"),
        ValueType::Count => ("a whole number of 0 or more", "0以上の整数"),
        ValueType::Percentage => ("a percentage from 0 to 100", "0～100の割合"),
    })
}

impl RuleVisitor<'_> for Values {
    fn finish(self: Box<Self>, _cx: &Context<'_>, out: &mut Vec<Issue>) {
        out.extend(self.out);
    }
}
