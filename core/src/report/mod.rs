//! Progress reports (進行管理): the yearly evaluation of a plan as a second document type,
//! checked against the plan it evaluates, graded on the plan's own scales and rolled up.
//!
//! - [`ProgressReport`]: the document, and [`check_report`] to read one against its plan.
//! - [`plan_hash`]: the content hash that ties a report to the exact plan it evaluates, and
//!   [`HashedPlan`], a plan that keeps its hash once computed.
//! - [`evaluate`]: achievement, status and grades per indicator and year, grades rolled up to
//!   every node and help sector, and each indicator's time series across reports.
//! - [`carry_over`]: the previous edition's reports in the next edition's terms, by lineage, so
//!   that a series runs across editions.

mod carry;
mod check;
mod compute;
mod model;

pub use carry::carry_over;
pub use check::{check_report, check_report_hashed, is_progress_report, parse_report, CheckedReport};
pub(crate) use compute::target_for;
pub use compute::{
    evaluate, IndicatorSeries, IndicatorYear, NodeGrade, NodeSeries, NodeYear, Progress, SectorSeries, Status,
};
pub use model::{
    Actual, EnteredGrade, NodeReport, Opinion, PlanRef, ProgressReport, REPORT_DOCUMENT,
    REPORT_SCHEMA_VERSION,
};

use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::model::Plan;
use crate::Limits;

/// `sha256:` and the hex SHA-256 of the plan's canonical JSON: a report records it, so that a
/// report never silently applies to a plan that has changed since. The plan's `$schema` is
/// left out: it tells editors where the schema is and is no part of the plan, so adding,
/// changing or removing it leaves the hash (and every report of the plan) as it was.
///
/// ```
/// let h = welfare_plan::report::plan_hash(&welfare_plan::iizuka::third_plan());
/// assert!(h.starts_with("sha256:") && h.len() == 7 + 64);
/// ```
pub fn plan_hash(plan: &Plan) -> String {
    let json = if plan.schema.is_some() {
        let mut bare = plan.clone();
        bare.schema = None;
        bare.to_canonical_json()
    } else {
        plan.to_canonical_json()
    };
    let digest = Sha256::digest(json.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// A plan and its [`plan_hash`], computed the first time it is asked for and then kept.
///
/// A tool that checks report after report against one plan (a year's reports from every
/// department, or the browser page that keeps the plan it last read) would otherwise hash the
/// plan's canonical JSON on every call, which for a large plan costs more than reading a report.
/// The bindings keep their plans in one, so the rule "hash once" is written here only.
///
/// ```
/// use welfare_plan::report::{plan_hash, HashedPlan};
///
/// let plan = HashedPlan::new(welfare_plan::iizuka::third_plan());
/// assert_eq!(plan.hash(), plan_hash(&plan));
/// assert_eq!(plan.title.ja, "第3期飯塚市地域福祉計画"); // a `HashedPlan` reads as its plan
/// ```
#[derive(Debug)]
pub struct HashedPlan {
    plan: Plan,
    hash: OnceLock<String>,
}

impl HashedPlan {
    /// `plan`, its hash not computed yet.
    pub fn new(plan: Plan) -> Self {
        HashedPlan {
            plan,
            hash: OnceLock::new(),
        }
    }

    /// The plan.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan's [`plan_hash`] (`sha256:…`), computed on the first call.
    pub fn hash(&self) -> &str {
        self.hash.get_or_init(|| plan_hash(&self.plan))
    }

    /// [`check_report`] of `input` against this plan, hashing the plan at most once.
    pub fn check_report(&self, input: &[u8], limits: &Limits) -> CheckedReport {
        check_report_hashed(input, &self.plan, self.hash(), limits)
    }

    /// The plan back.
    pub fn into_plan(self) -> Plan {
        self.plan
    }
}

impl std::ops::Deref for HashedPlan {
    type Target = Plan;

    fn deref(&self) -> &Plan {
        &self.plan
    }
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    use super::plan_hash;

    /// The hash as the format defines it, written out step by step.
    fn hash_of_the_string(plan: &crate::Plan) -> String {
        let digest = Sha256::digest(plan.to_canonical_json().as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("sha256:{hex}")
    }

    #[test]
    fn a_hashed_plan_hashes_once_and_checks_reports_against_that_hash() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let read = |name: &str| std::fs::read(repo.join("examples/progress").join(name)).unwrap();
        let plan = crate::check(&read("synthetic-hoshizora-plan.json")).plan.unwrap();
        let report = read("synthetic-hoshizora-report-2026.json");
        let limits = crate::Limits::default();

        let hashed = super::HashedPlan::new(plan.clone());
        let first = hashed.hash();
        // The same string, not one computed again.
        assert!(std::ptr::eq(first, hashed.hash()));
        assert_eq!(first, plan_hash(&plan));
        // The report was written for this plan: no issue, as the free function finds.
        let checked = hashed.check_report(&report, &limits);
        assert!(checked.report.is_some());
        assert_eq!(
            checked.issues,
            crate::report::check_report(&report, &plan, &limits).issues
        );
        assert!(checked.issues.is_empty(), "{:?}", checked.issues);

        // The same plan edited: its own hash, so the report no longer matches it.
        let mut edited = plan.clone();
        edited.title.ja.push('改');
        let edited = super::HashedPlan::new(edited);
        assert_ne!(edited.hash(), first);
        let codes: Vec<_> = edited
            .check_report(&report, &limits)
            .issues
            .iter()
            .map(|i| i.code.as_str())
            .collect();
        assert_eq!(codes, ["report.plan_mismatch"]);
        assert_eq!(hashed.into_plan(), plan);
    }

    #[test]
    fn the_hash_is_of_the_canonical_json_without_its_schema() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let bytes = std::fs::read(repo.join("examples/progress/synthetic-hoshizora-plan.json")).unwrap();
        let example = crate::check(&bytes).plan.unwrap();
        let report =
            std::fs::read_to_string(repo.join("examples/progress/synthetic-hoshizora-report-2026.json"))
                .unwrap();
        // The hash the example report records, computed when the plan was written.
        assert!(report.contains(&plan_hash(&example)));
        for mut plan in [crate::iizuka::third_plan(), example] {
            plan.schema = None;
            let bare = hash_of_the_string(&plan);
            assert_eq!(plan_hash(&plan), bare);
            plan.schema = Some("https://example.org/plan.schema.json".into());
            assert_eq!(plan_hash(&plan), bare, "the $schema is no part of the hash");
            assert_ne!(hash_of_the_string(&plan), bare);
        }
    }
}
