//! Progress reports (進行管理): the yearly evaluation of a plan as a second document type,
//! checked against the plan it evaluates, graded on the plan's own scales and rolled up.
//!
//! - [`ProgressReport`]: the document, and [`check_report`] to read one against its plan.
//! - [`plan_hash`]: the content hash that ties a report to the exact plan it evaluates.
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

use sha2::{Digest, Sha256};

use crate::model::Plan;

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
