//! Semantic validation: a [`Rule`] trait, the runner, and one rule per file under `rules/`.
//!
//! Parsing (see [`crate::check`]) enforces the document's shape; these rules check what the
//! shape cannot: formats, uniqueness, references, numbering, periods, check digits and
//! coverage. Every rule runs, so a document's problems are reported all at once.
//!
//! Rules that look at parts all over the plan (every text, id, reference, year …) provide a
//! visitor, and the runner walks the plan once for all of them: at 100,000 initiatives one walk
//! instead of one per rule is the difference between beating a plain JSON parse and not.

mod index;
mod rules;
pub(crate) mod walk;

pub(crate) use index::IdIndex;
pub(crate) use rules::evaluation::unknown_grade;
pub(crate) use rules::indicators::value_type_issue;

use crate::error::{Issue, IssueCode};
use crate::model::Plan;
use crate::Limits;
use walk::{walk, Fanout, Visitor};

/// What every rule sees after the walk: the plan and the id index. (Rules that need the
/// limits get them with their visitor.)
pub(crate) struct Context<'p> {
    /// The plan being validated.
    pub plan: &'p Plan,
    /// Every id in the plan.
    pub ids: IdIndex<'p>,
}

/// What the parse already established about the document it read, so that the walk need not
/// look again: while the parse reads a string its bytes are in cache, and in a large plan they
/// are not by the time the walk comes to them (measured: the blank-text test was a tenth of the
/// validation of 10,000 initiatives, nearly all of it waiting for memory).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Parsed {
    /// No string value in the document is blank, so no text is.
    pub no_blank_strings: bool,
}

/// A validation rule. Each lives in its own file under `rules/`, with its tests beside it and
/// at least one fixture per code in the conformance corpus.
pub(crate) trait Rule: Sync {
    /// The rule's name, for documentation and profiling.
    #[cfg_attr(not(test), allow(dead_code))]
    fn name(&self) -> &'static str;
    /// The codes the rule can report (a test checks that no two rules claim one).
    #[cfg_attr(not(test), allow(dead_code))]
    fn codes(&self) -> &'static [IssueCode];
    /// A visitor for the runner's single walk, for rules that look at parts all over the plan.
    fn visitor<'p>(&self, _plan: &'p Plan, _limits: &'p Limits) -> Option<Box<dyn RuleVisitor<'p> + 'p>> {
        None
    }
    /// Checks the plan as a whole, after the walk, when the id index is complete.
    fn check(&self, _cx: &Context<'_>, _out: &mut Vec<Issue>) {}
    /// Whether what the parse established already shows that the rule has nothing to report,
    /// so that it need not run.
    fn settled_by(&self, _parsed: &Parsed) -> bool {
        false
    }
}

/// A rule's visitor: sees the walk, then reports once the id index is complete.
pub(crate) trait RuleVisitor<'p>: Visitor<'p> {
    /// Appends the rule's issues, in document order.
    fn finish(self: Box<Self>, cx: &Context<'p>, out: &mut Vec<Issue>);
}

/// Runs every rule on `plan` and returns all issues, errors and warnings, in rule order.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// assert!(welfare_plan::validate(&plan).is_empty());
/// ```
pub fn validate(plan: &Plan) -> Vec<Issue> {
    validate_with(plan, &Limits::default())
}

/// [`validate`] with explicit limits.
pub fn validate_with(plan: &Plan, limits: &Limits) -> Vec<Issue> {
    validate_parsed(plan, limits, &Parsed::default())
}

/// [`validate_with`] on a plan just parsed, skipping the rules that what the parse established
/// settles.
pub(crate) fn validate_parsed(plan: &Plan, limits: &Limits, parsed: &Parsed) -> Vec<Issue> {
    let rules: Vec<&dyn Rule> = rules::ALL
        .iter()
        .copied()
        .filter(|rule| !rule.settled_by(parsed))
        .collect();
    let mut ids = IdIndex::for_plan(plan);
    let mut visitors: Vec<(usize, Box<dyn RuleVisitor<'_> + '_>)> = rules
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| rule.visitor(plan, limits).map(|v| (i, v)))
        .collect();
    {
        let mut all: Vec<&mut dyn Visitor<'_>> = vec![&mut ids];
        all.extend(
            visitors
                .iter_mut()
                .map(|(_, v)| v.as_mut() as &mut dyn Visitor<'_>),
        );
        walk(plan, &mut Fanout::new(all));
    }
    let cx = Context { plan, ids };
    let mut out = Vec::new();
    let mut visitors = visitors.into_iter().peekable();
    for (i, rule) in rules.iter().enumerate() {
        if let Some((_, v)) = visitors.next_if(|(j, _)| *j == i) {
            v.finish(&cx, &mut out);
        }
        rule.check(&cx, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_belongs_to_at_most_one_rule_and_names_are_unique() {
        let mut owner = std::collections::HashMap::new();
        let mut names = std::collections::HashSet::new();
        for rule in rules::ALL {
            assert!(names.insert(rule.name()), "two rules are named {}", rule.name());
            assert!(!rule.codes().is_empty(), "{} reports no code", rule.name());
            for code in rule.codes() {
                if let Some(other) = owner.insert(*code, rule.name()) {
                    panic!("{code} is claimed by {other} and {}", rule.name());
                }
            }
        }
    }
}
