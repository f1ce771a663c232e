//! One validation rule per file.

mod blank_text;
mod challenge_coverage;
mod districts;
mod duplicate_ids;
mod empty_collections;
pub(crate) mod evaluation;
mod fiscal_years;
mod help_model;
mod id_format;
pub(crate) mod indicators;
mod initiative_actors;
mod limits;
mod municipality_code;
mod numbering;
mod period;
mod references;
mod schema_version;
mod structure;

use super::Rule;

/// Every rule, in reporting order: document-wide facts first, coverage warnings last.
pub(super) static ALL: &[&dyn Rule] = &[
    &schema_version::SchemaVersion,
    &structure::Structure,
    &limits::Limits,
    &blank_text::BlankText,
    &id_format::IdFormat,
    &duplicate_ids::DuplicateIds,
    &references::References,
    &empty_collections::EmptyCollections,
    &numbering::Numbering,
    &municipality_code::MunicipalityCode,
    &fiscal_years::FiscalYears,
    &period::Period,
    &help_model::HelpModel,
    &indicators::Indicators,
    &districts::Districts,
    &evaluation::Evaluation,
    &challenge_coverage::ChallengeCoverage,
    &initiative_actors::InitiativeActors,
];

#[cfg(test)]
pub(crate) mod testing {
    use crate::error::Issue;
    use crate::model::Plan;

    /// The embedded Iizuka plan, to mutate in a rule's tests.
    pub fn plan() -> Plan {
        crate::iizuka::third_plan()
    }

    /// (code, path) of every issue of `plan`, for compact assertions.
    pub fn found(plan: &Plan) -> Vec<(String, String)> {
        crate::validate(plan)
            .iter()
            .map(|i: &Issue| (i.code.to_string(), i.path.to_string()))
            .collect()
    }

    /// `(code, path)` pairs from string literals.
    pub fn expect(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(c, p)| (c.to_string(), p.to_string()))
            .collect()
    }
}
