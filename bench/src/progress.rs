//! Synthetic progress reports (進行管理) for benchmarks: the synthetic plan given one numeric
//! indicator per initiative and grading scales, and one fiscal year's report of it with an
//! actual value per indicator and an entry per initiative. The plan documents of the plan
//! benchmarks stay as they are; these are separate documents.

use serde_json::{json, Value};

use crate::{initiatives_mut, synthetic_plan, Rng};

/// The fiscal year the synthetic reports evaluate.
pub const REPORT_YEAR: u16 = 2025;
/// The year of every baseline (現状値): before the plan period, as in real plans.
const BASELINE_YEAR: u16 = 2022;
/// The years of the targets: the mid-term review and the end of the plan period.
const TARGET_YEARS: [u16; 2] = [2027, 2032];

/// A plan with indicators and a report of it, as compact JSON.
#[derive(Debug, Clone)]
pub struct SyntheticProgress {
    /// The plan: [`synthetic_plan`] with one indicator per initiative and three grading scales.
    pub plan: Vec<u8>,
    /// The report of [`REPORT_YEAR`]: one observation per indicator (one in fifty not measured,
    /// with a reason), one entry per initiative, one committee opinion per hundred initiatives.
    /// Its `plan.hash` is `welfare_plan::report::plan_hash` of the plan.
    pub report: Vec<u8>,
}

/// How an indicator is written: its value type and direction, and the unit its numbers are
/// drawn in (tenths for a percentage, so that values are written with one decimal).
#[derive(Debug, Clone, Copy)]
enum Shape {
    /// A count that should rise (箇所, 人), at least the target.
    Count,
    /// A percentage that should fall (孤独を感じる人の割合), at most the target.
    FallingShare,
    /// A percentage that should rise, at least the target.
    RisingShare,
    /// A number with neither direction nor comparator: the direction is read from the baseline
    /// and the target (falling here).
    Number,
}

impl Shape {
    const ALL: [Shape; 4] = [
        Shape::Count,
        Shape::FallingShare,
        Shape::RisingShare,
        Shape::Number,
    ];

    /// The baseline and the two targets, in drawing units.
    fn draw(self, r: &mut Rng) -> (i64, [i64; 2]) {
        let n = |r: &mut Rng, below: usize| r.below(below) as i64;
        match self {
            Shape::Count => {
                let b = 20 + n(r, 80);
                let t = b + 10 + n(r, 20);
                (b, [t, t + 10])
            }
            Shape::FallingShare => {
                let b = 300 + n(r, 400);
                (b, [b - 50, b - 100])
            }
            Shape::RisingShare => {
                let b = 200 + n(r, 400);
                (b, [b + 100, b + 200])
            }
            Shape::Number => {
                let b = 500 + n(r, 500);
                (b, [b - 50, b - 100])
            }
        }
    }

    /// A value in drawing units as JSON: percentages with one decimal, the rest whole.
    fn value(self, units: i64) -> Value {
        match self {
            Shape::FallingShare | Shape::RisingShare => json!(units as f64 / 10.0),
            Shape::Count | Shape::Number => json!(units),
        }
    }

    fn fields(self) -> Value {
        match self {
            Shape::Count => {
                json!({"unit": {"ja": "か所", "en": "places"}, "kind": "output", "value_type": "count", "direction": "increase", "comparator": "at_least"})
            }
            Shape::FallingShare => {
                json!({"unit": {"ja": "%", "en": "%"}, "kind": "outcome", "value_type": "percentage", "direction": "decrease", "comparator": "at_most"})
            }
            Shape::RisingShare => {
                json!({"unit": {"ja": "%", "en": "%"}, "kind": "outcome", "value_type": "percentage", "direction": "increase", "comparator": "at_least"})
            }
            Shape::Number => {
                json!({"unit": {"ja": "件", "en": "cases"}, "kind": "output", "value_type": "number"})
            }
        }
    }
}

/// A plan of `initiatives` initiatives with indicators, and its report of [`REPORT_YEAR`],
/// deterministic by seed. The plan is [`synthetic_plan`] with the same seed (same tree, texts
/// and references) plus an indicator per initiative (`ind-` and the initiative's id: counts,
/// falling and rising percentages, numbers whose direction is read from the targets; baseline
/// in 2022, targets in 2027 and 2032) and the grading scales of [`evaluation`]. The report's
/// values are drawn so that every status occurs: about 18% reach the target, 25% are on
/// track, 30% behind, 25% worse than the baseline and 2% not measured.
pub fn synthetic_progress(initiatives: usize, seed: u64) -> SyntheticProgress {
    let mut plan = synthetic_plan(initiatives, seed);
    // A stream of its own, so that the plan's own texts are those of `synthetic_plan`.
    let mut r = Rng(seed ^ 0x5EED_0F1D_1CA7_E5ED);
    let mut drawn = Vec::new();
    for (k, node) in initiatives_mut(&mut plan).into_iter().enumerate() {
        let shape = Shape::ALL[k % Shape::ALL.len()];
        let (base, targets) = shape.draw(&mut r);
        let id = format!("ind-{}", node["id"].as_str().unwrap_or_default());
        let mut ind = json!({
            "id": id,
            "name": r.text(1),
            "baseline": {"fiscal_year": BASELINE_YEAR, "value": shape.value(base)},
            "targets": TARGET_YEARS.iter().zip(targets).map(|(y, t)| json!({"fiscal_year": y, "value": shape.value(t)})).collect::<Vec<_>>(),
        });
        merge(&mut ind, shape.fields());
        node["indicators"] = json!([ind]);
        drawn.push((id, node["id"].clone(), shape, base, targets[0]));
    }
    plan["id"] = json!(format!("synthetic-indicators-{initiatives}"));
    plan["title"] = json!({
        "ja": format!("合成ベンチマーク用計画（架空・{initiatives}件・評価指標つき）"),
        "en": format!("Synthetic benchmark plan with indicators ({initiatives} initiatives; not a real plan)"),
    });
    plan["evaluation"] = evaluation();
    let plan_bytes = serde_json::to_vec(&plan).unwrap_or_default();
    let hash = welfare_plan::check_with(&plan_bytes, &welfare_plan::Limits::unlimited())
        .plan
        .map(|p| welfare_plan::report::plan_hash(&p))
        .unwrap_or_default();

    let directions = ["expand", "keep", "keep", "reduce", "review"];
    let mut observations = Vec::new();
    let mut nodes = Vec::new();
    for (k, (id, node, shape, base, target)) in drawn.into_iter().enumerate() {
        // Percent of the way from the baseline to the year's target.
        let share = match r.below(100) {
            0..=1 => None,
            2..=19 => Some(100 + 10 * r.below(3) as i64),
            20..=44 => Some(60 + 5 * r.below(8) as i64),
            45..=74 => Some(5 * r.below(11) as i64),
            _ => Some(-10 - 5 * r.below(5) as i64),
        };
        observations.push(match share {
            Some(p) => {
                let units = base + ((target - base) as f64 * p as f64 / 100.0).round() as i64;
                json!({"indicator": id, "value": shape.value(units)})
            }
            None => json!({"indicator": id, "value": null, "reason": {"ja": "調査未実施（架空）", "en": "Not surveyed (synthetic)"}}),
        });
        let mut entry = json!({
            "node": node,
            "grades": [{"scale": "direction", "grade": directions[r.below(directions.len())]}],
            "done": r.text(2),
        });
        if k % 5 == 0 {
            entry["next"] = r.text(1);
        }
        nodes.push(entry);
    }
    let opinions: Vec<Value> = (0..(initiatives / 100).max(1))
        .map(|k| {
            let node = nodes[(k * 97) % nodes.len().max(1)]["node"].clone();
            json!({"opinion": r.text(2), "answer": r.text(2), "nodes": [node]})
        })
        .collect();
    let report = json!({
        "document": welfare_plan::report::REPORT_DOCUMENT,
        "schema_version": welfare_plan::report::REPORT_SCHEMA_VERSION,
        "id": format!("synthetic-report-{initiatives}-{REPORT_YEAR}"),
        "plan": {"id": plan["id"], "hash": hash},
        "fiscal_year": REPORT_YEAR,
        "evaluated_by": {"ja": "架空市 福祉課（合成データ）", "en": "Welfare Division (synthetic)"},
        "evaluated_on": format!("{}-06-30", REPORT_YEAR + 1),
        "observations": observations,
        "nodes": nodes,
        "opinions": opinions,
    });
    SyntheticProgress {
        plan: plan_bytes,
        report: serde_json::to_vec(&report).unwrap_or_default(),
    }
}

/// Adds the fields of `more` to the object `into`.
fn merge(into: &mut Value, more: Value) {
    if let (Some(into), Value::Object(more)) = (into.as_object_mut(), more) {
        into.extend(more);
    }
}

/// The plan's grading scales, in the shape of the cities' own: 達成度 computed for each
/// indicator from its value (the first condition that holds gives the grade), 進捗 rolled up
/// to every node from 達成度 by the mean of scores, and 方向性 entered by hand in reports.
pub fn evaluation() -> Value {
    let grade = |code: &str, ja: &str, en: &str, score: Option<f64>| {
        let mut g = json!({"code": code, "label": {"ja": ja, "en": en}});
        if let Some(s) = score {
            g["score"] = json!(s);
        }
        g
    };
    json!({"scales": [
        {
            "id": "achievement",
            "name": {"ja": "達成度", "en": "Achievement"},
            "grades": [
                grade("S", "目標を達成", "Target reached", Some(5.0)),
                grade("A", "順調", "On track", Some(4.0)),
                grade("B", "改善", "Better than the baseline", Some(3.0)),
                grade("C", "横ばい", "About the baseline", Some(2.0)),
                grade("D", "悪化", "Worse than the baseline", Some(1.0)),
                grade("−", "評価できない", "Cannot be evaluated", None),
            ],
            "indicator_conditions": [
                {"when": "no_data", "grade": "−"},
                {"when": "target_reached", "grade": "S"},
                {"when": "achievement_at_least", "value": 80, "grade": "A"},
                {"when": "on_track", "grade": "A"},
                {"when": "better_than_baseline", "value": 2, "relative": true, "grade": "B"},
                {"when": "near_baseline", "value": 2, "relative": true, "grade": "C"},
                {"when": "worse_than_baseline", "value": 2, "relative": true, "grade": "D"},
                {"when": "otherwise", "grade": "D"},
            ],
            "nodes": {"method": "worst"},
        },
        {
            "id": "progress",
            "name": {"ja": "進捗", "en": "Progress"},
            "grades": [
                grade("A", "順調", "On track", Some(4.0)),
                grade("B", "概ね順調", "Mostly on track", Some(3.0)),
                grade("C", "やや遅れている", "Somewhat behind", Some(2.0)),
                grade("D", "遅れている", "Behind", Some(1.0)),
            ],
            "nodes": {"method": "mean", "from": "achievement"},
        },
        {
            "id": "direction",
            "name": {"ja": "方向性", "en": "Direction"},
            "grades": [
                grade("expand", "拡充・発展", "Expand", None),
                grade("keep", "現状維持", "Keep as it is", None),
                grade("reduce", "縮小", "Reduce", None),
                grade("review", "廃止・見直し", "Stop or review", None),
            ],
            "nodes": {"method": "manual"},
        },
    ]})
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_plan::report::{self, Status};
    use welfare_plan::{Limits, Plan};

    /// A size that leaves the last goal and target partly filled.
    const N: usize = 95;

    /// The plan and the report of `n` initiatives, read by the core.
    fn read(n: usize) -> (Plan, report::CheckedReport) {
        let doc = synthetic_progress(n, 42);
        let limits = Limits::unlimited();
        let checked = welfare_plan::check_with(&doc.plan, &limits);
        assert_eq!(checked.issues, Vec::new(), "the plan has no issue");
        let plan = checked.plan.unwrap_or_else(welfare_plan::iizuka::third_plan);
        let read = report::check_report(&doc.report, &plan, &limits);
        (plan, read)
    }

    #[test]
    fn the_plan_is_valid_and_the_report_is_clean_against_it() {
        let (plan, read) = read(N);
        assert_eq!(plan.initiatives().count(), N);
        assert!(plan.initiatives().all(|i| i.node.indicators.len() == 1));
        assert_eq!(read.issues, Vec::new(), "no error and no warning");
        let r = read.report.as_ref();
        assert_eq!(r.map(|r| (r.observations.len(), r.nodes.len())), Some((N, N)));
        assert_eq!(r.map(|r| r.plan.hash.clone()), Some(report::plan_hash(&plan)));
        let doc = synthetic_progress(N, 42);
        assert_eq!(
            synthetic_progress(N, 42).report,
            doc.report,
            "the same seed gives the same bytes"
        );
    }

    #[test]
    fn the_plan_differs_from_the_plan_benchmarks_only_by_indicators_and_scales() {
        let mut with: Value = serde_json::from_slice(&synthetic_progress(N, 42).plan).unwrap_or_default();
        for node in initiatives_mut(&mut with) {
            node.as_object_mut().map(|o| o.remove("indicators"));
        }
        let plain = synthetic_plan(N, 42);
        let evaluation = with.as_object_mut().and_then(|o| o.remove("evaluation"));
        assert_eq!(evaluation, Some(super::evaluation()));
        for key in ["id", "title"] {
            with[key] = plain[key].clone();
        }
        assert_eq!(with, plain);
    }

    #[test]
    fn every_status_and_every_reachable_grade_occurs() {
        let (plan, read) = read(1_000);
        let reports: Vec<_> = read.report.into_iter().collect();
        let progress = report::evaluate(&plan, &reports);
        let years: Vec<_> = progress.indicators.iter().flat_map(|s| &s.years).collect();
        assert_eq!(years.len(), 1_000);
        for status in [
            Status::Achieved,
            Status::OnTrack,
            Status::Behind,
            Status::Worse,
            Status::NoData,
        ] {
            let count = years.iter().filter(|y| y.status == status).count();
            assert!(count >= 10, "{status:?}: {count} of 1,000");
        }
        for code in ["S", "A", "B", "C", "D", "−"] {
            let count = years
                .iter()
                .filter(|y| y.grades.iter().any(|(s, g)| s == "achievement" && g == code))
                .count();
            assert!(count >= 1, "grade {code}: none of 1,000");
        }
        let decreasing = progress
            .indicators
            .iter()
            .filter(|s| {
                let (b, t) = (s.baseline.as_ref(), s.targets.first());
                b.zip(t)
                    .and_then(|(b, t)| Some(t.value.as_f64()? < b.value.as_f64()?))
                    == Some(true)
            })
            .count();
        assert_eq!(decreasing, 500, "half the indicators should fall");
    }
}
