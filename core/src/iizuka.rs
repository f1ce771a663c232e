//! The embedded dataset: Iizuka City's 3rd Regional Welfare Plan (第3期飯塚市地域福祉計画,
//! FY2023–FY2032), from its summary edition (概要版), Japanese verbatim with English
//! translations. See `core/data/README.md` for what is verbatim and what is editorial.

use std::sync::OnceLock;

use crate::model::Plan;

/// The plan as canonical JSON, exactly as shipped. (A `static`: a `const` would be copied into
/// every place that uses it.)
pub static THIRD_PLAN_JSON: &str = include_str!("../data/iizuka-3rd.json");

/// Iizuka City's 3rd Regional Welfare Plan.
///
/// ```
/// let plan = welfare_plan::iizuka::third_plan();
/// assert_eq!(plan.title.ja, "第3期飯塚市地域福祉計画");
/// assert_eq!(plan.municipality.code.0, "402052");
/// ```
pub fn third_plan() -> Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| {
        // The data file is checked by the test suite (valid, canonical, zero issues); a
        // failure here is a build defect, never a consequence of user input.
        #[allow(clippy::expect_used)]
        serde_json::from_str(THIRD_PLAN_JSON).expect("the embedded Iizuka plan parses")
    })
    .clone()
}
