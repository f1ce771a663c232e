//! The TypeScript declaration of what `evaluate` returns: the core's `report::Progress` exactly
//! as it serialises it (the JSON that `welfare-plan progress --format json` prints under
//! `progress`), field for field. These types are declarations only: `evaluate` writes the
//! core's own value, so nothing here runs in the module. The tests below prove that the
//! declaration and the core's serialisation have the same fields, nothing more or less.

use serde::{Deserialize, Serialize};
use tsify::Tsify;

/// The evaluation of a plan over its progress reports.
///
/// ```js
/// const progress = evaluate(plan, reports);
/// progress.years; // [2025, 2026, 2027]
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// The reports' fiscal years, in order.
    #[tsify(type = "FiscalYear[]")]
    pub years: Vec<i32>,
    /// Every indicator of the plan, in document order, with one entry per report year.
    pub indicators: Vec<IndicatorSeries>,
    /// Every node of the plan's tree, in document order.
    pub nodes: Vec<NodeSeries>,
    /// Every sector of the plan's help model: its initiatives taken together.
    pub sectors: Vec<SectorSeries>,
}

/// An indicator across the report years: its baseline, targets and yearly results.
///
/// ```js
/// const salons = progress.indicators.find((i) => i.id === "ind-salons");
/// salons.years.map((y) => y.value); // [44, 48, 53]
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct IndicatorSeries {
    /// The indicator's id.
    pub id: String,
    /// Its name.
    #[tsify(type = "Text")]
    pub name: serde_json::Value,
    /// Its unit.
    #[tsify(type = "Text | null")]
    pub unit: serde_json::Value,
    /// The id of the node that holds it (directly or through a project); `null` for the plan's
    /// own indicators.
    #[tsify(type = "string | null")]
    pub node: Option<String>,
    /// Its baseline.
    #[tsify(type = "Observation | null")]
    pub baseline: serde_json::Value,
    /// Its targets.
    #[tsify(type = "Observation[]")]
    pub targets: serde_json::Value,
    /// One entry per report year, in year order.
    pub years: Vec<IndicatorYear>,
}

/// One indicator in one report year.
///
/// ```js
/// for (const y of salons.years) console.log(y.fiscal_year, y.value, y.status, y.grades);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct IndicatorYear {
    /// The fiscal year.
    #[tsify(type = "FiscalYear")]
    pub fiscal_year: i32,
    /// The actual value; `null` when it was not measured (「−」).
    #[tsify(type = "Quantity | null")]
    pub value: serde_json::Value,
    /// The target the year is measured against: the first in or after the year, else the last.
    #[tsify(type = "Quantity | null")]
    pub target: serde_json::Value,
    /// Percent of the way from the baseline to that target, in the desired direction.
    #[tsify(type = "number | null")]
    pub achievement: Option<f64>,
    /// Percent of the way a straight line from the baseline to the target expects by the year.
    #[tsify(type = "number | null")]
    pub expected: Option<f64>,
    /// Where the indicator stands.
    pub status: Status,
    /// The grade on each scale that grades indicators, as `[scale id, grade code]`.
    #[tsify(type = "[scale: string, grade: string][]")]
    pub grades: Vec<(String, String)>,
}

/// Where an indicator stands in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Tsify)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The target for the year is met (達成).
    Achieved,
    /// At least as far along as a straight line from the baseline to the target (順調).
    OnTrack,
    /// Better than the baseline, but behind that line (遅れ).
    Behind,
    /// Worse than the baseline (悪化).
    Worse,
    /// Not measured, or nothing to measure against (データなし).
    NoData,
}

/// A node of the plan's tree across the report years.
///
/// ```js
/// const goal = progress.nodes.find((n) => n.id === "goal-1");
/// goal.label[0]; // "基本目標Ⅰ"
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct NodeSeries {
    /// The node's id.
    pub id: String,
    /// Its label in the plan's numbering, `[ja, en]`: `["基本目標Ⅰ", "Basic goal I"]`.
    #[tsify(type = "[ja: string, en: string]")]
    pub label: (String, String),
    /// Its title.
    #[tsify(type = "Text")]
    pub title: serde_json::Value,
    /// Its level, 0 at the top: an index into `plan.levels`.
    pub depth: u32,
    /// One entry per report year.
    pub years: Vec<NodeYear>,
}

/// A help sector's initiatives taken together, across the report years.
///
/// ```js
/// for (const s of progress.sectors) console.log(s.label[0], s.years.at(-1)?.grades);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct SectorSeries {
    /// The sector's code, such as `self_help`.
    pub sector: String,
    /// Its label in the plan's terms, `[ja, en]`: `["自助", "self-help"]`.
    #[tsify(type = "[ja: string, en: string]")]
    pub label: (String, String),
    /// One entry per report year; sectors are only computed, so `entered` is always `null`.
    pub years: Vec<NodeYear>,
}

/// A node's (or a sector's) grades in one report year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct NodeYear {
    /// The fiscal year.
    #[tsify(type = "FiscalYear")]
    pub fiscal_year: i32,
    /// One per scale that grades nodes, in the plan's order.
    pub grades: Vec<NodeGrade>,
}

/// A grade on one scale: entered by hand in the report, computed by the scale's method from
/// what lies below, or both. An entered grade is never overwritten; the computed one is shown
/// beside it.
///
/// ```js
/// const { entered, computed } = goal.years[2].grades.find((g) => g.scale === "progress");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Tsify)]
#[serde(deny_unknown_fields)]
pub struct NodeGrade {
    /// The scale's id.
    pub scale: String,
    /// The grade's code as entered in the report; `null` when none was.
    #[tsify(type = "string | null")]
    pub entered: Option<String>,
    /// The grade's code as the scale computes it; `null` for a scale graded by hand, or when
    /// nothing below has a grade.
    #[tsify(type = "string | null")]
    pub computed: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_plan::report::{self, check_report};
    use welfare_plan::Limits;

    const PLAN: &[u8] = include_bytes!("../../examples/progress/synthetic-hoshizora-plan.json");
    const REPORTS: [&[u8]; 3] = [
        include_bytes!("../../examples/progress/synthetic-hoshizora-report-2025.json"),
        include_bytes!("../../examples/progress/synthetic-hoshizora-report-2026.json"),
        include_bytes!("../../examples/progress/synthetic-hoshizora-report-2027.json"),
    ];

    fn core_progress() -> report::Progress {
        let plan = welfare_plan::load(PLAN).unwrap();
        let reports: Vec<_> = REPORTS
            .iter()
            .map(|bytes| check_report(bytes, &plan, &Limits::default()).report.unwrap())
            .collect();
        report::evaluate(&plan, &reports)
    }

    /// The declared types read the core's serialisation with no field left over or missing
    /// (`deny_unknown_fields`, no defaults) and write it back unchanged.
    #[test]
    fn the_declaration_has_exactly_the_cores_fields() {
        let core = serde_json::to_value(core_progress()).unwrap();
        let declared: Progress = serde_json::from_value(core.clone()).unwrap();
        assert!(
            !declared.indicators.is_empty() && !declared.nodes.is_empty() && !declared.sectors.is_empty()
        );
        assert!(declared.indicators.iter().all(|i| i.years.len() == 3));
        assert_eq!(serde_json::to_value(&declared).unwrap(), core);
    }

    /// Every status the core has is declared, by the same name (an exhaustive match: a new
    /// status in the core does not compile here until it is declared).
    #[test]
    fn every_status_is_declared() {
        use report::Status as Core;
        let declared = |s: Core| match s {
            Core::Achieved => Status::Achieved,
            Core::OnTrack => Status::OnTrack,
            Core::Behind => Status::Behind,
            Core::Worse => Status::Worse,
            Core::NoData => Status::NoData,
        };
        for s in Core::ALL {
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::to_value(declared(s)).unwrap()
            );
            assert_eq!(serde_json::to_value(s).unwrap(), s.labels().0);
        }
        let decl = <Status as Tsify>::DECL;
        assert!(
            decl.contains("\"on_track\"") && decl.contains("\"no_data\""),
            "{decl}"
        );
    }

    #[test]
    fn the_declarations_use_the_plan_types_and_name_tuple_members() {
        let decl = <IndicatorYear as Tsify>::DECL;
        assert!(decl.contains("value: Quantity | null;"), "{decl}");
        assert!(
            decl.contains("grades: [scale: string, grade: string][];"),
            "{decl}"
        );
        assert!(decl.contains("status: Status;"), "{decl}");
        let decl = <NodeSeries as Tsify>::DECL;
        assert!(decl.contains("label: [ja: string, en: string];"), "{decl}");
        assert!(decl.contains("title: Text;"), "{decl}");
        let decl = <NodeGrade as Tsify>::DECL;
        assert!(decl.contains("entered: string | null;"), "{decl}");
    }
}
