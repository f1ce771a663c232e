//! Semantic validation: a [`Rule`] trait, the runner, and one rule per file under `rules/`.
//!
//! Parsing (see [`crate::check`]) enforces the document's shape; these rules check what the
//! shape cannot: formats, uniqueness, references, numbering, periods, check digits and
//! coverage. Every rule runs, so a document's problems are reported all at once.

mod index;
mod rules;
pub mod walk;

pub use index::IdIndex;

use crate::error::{Issue, IssueCode};
use crate::model::Plan;
use crate::Limits;

/// What every rule sees: the plan, the limits in force, and the id index built once.
pub struct Context<'p> {
    /// The plan being validated.
    pub plan: &'p Plan,
    /// The limits in force.
    pub limits: &'p Limits,
    /// Every id in the plan.
    pub ids: IdIndex<'p>,
}

/// A validation rule. Each lives in its own file under `rules/`, with its tests beside it and
/// at least one fixture per code in the conformance corpus.
pub trait Rule: Sync {
    /// The rule's name, for documentation.
    fn name(&self) -> &'static str;
    /// The codes the rule can report.
    fn codes(&self) -> &'static [IssueCode];
    /// Appends the rule's issues for `cx.plan` to `out`.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>);
}

/// Every rule, in the order their issues are reported.
pub fn rules() -> &'static [&'static dyn Rule] {
    rules::ALL
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
    let cx = Context {
        plan,
        limits,
        ids: IdIndex::build(plan),
    };
    let mut out = Vec::new();
    for rule in rules::ALL {
        rule.check(&cx, &mut out);
    }
    out
}
