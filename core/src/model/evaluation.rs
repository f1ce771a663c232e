//! How the plan is evaluated (進行管理): its grading scales, as data, so that each city's own
//! scheme (Fukuoka's a/b/c and A–D, Nagayo's S/A/B/C/−, Kama's 達成度 and 方向性 side by side)
//! is written down rather than built into the library.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Extensions, Id, Text};

/// The plan's evaluation scheme: one or more grading scales.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// The scales, such as 達成度 and 方向性; a report grades on each.
    #[schemars(length(min = 1))]
    pub scales: Vec<GradeScale>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A grading scale (評価の尺度): its grades, best first, and how a grade is reached: computed
/// for an indicator from its values, rolled up for a node, or entered by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeScale {
    /// The scale's id, which reports refer to.
    pub id: Id,
    /// Its name, such as 達成度 or 方向性.
    pub name: Text,
    /// The grades, best first.
    #[schemars(length(min = 1))]
    pub grades: Vec<Grade>,
    /// How an indicator is graded on this scale from its values: the first condition that
    /// holds gives the grade. Absent: indicators are not graded on this scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_conditions: Vec<GradeCondition>,
    /// How a node is graded on this scale. Absent: nodes are not graded on this scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nodes: Option<NodeGrading>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A grade on a scale, such as A 順調.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    /// The code written in reports, such as `A`, `S`, `b` or `−`.
    #[schemars(regex(pattern = r"\S"))]
    pub code: String,
    /// Its label, such as 順調 / on track.
    pub label: Text,
    /// What it means, in the plan's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text>,
    /// A number for averaging grades (a higher score is better); grades without one are left
    /// out of a mean.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_as_integer"
    )]
    pub score: Option<f64>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// One condition of an indicator's grading: when it holds, the indicator gets `grade`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeCondition {
    /// What must hold.
    pub when: Condition,
    /// The threshold of `achievement_at_least` (a percentage of the way to the target, required
    /// there), or the tolerance of a comparison with the baseline (points, or a percentage of
    /// the baseline when `relative`; 0 when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "whole_as_integer"
    )]
    pub value: Option<f64>,
    /// Whether the tolerance is a percentage of the baseline rather than points.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative: bool,
    /// The grade given (a code of this scale).
    pub grade: String,
}

/// What a grading condition tests, on the year's actual value, the baseline and the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The value was not measured (「−」).
    NoData,
    /// The target is met, in the indicator's direction and comparator.
    TargetReached,
    /// At least `value` percent of the way from the baseline to the target.
    AchievementAtLeast,
    /// At least as far along as a straight line from the baseline to the target says for the
    /// year (on track).
    OnTrack,
    /// Better than the baseline by more than the tolerance `value`.
    BetterThanBaseline,
    /// Within the tolerance `value` of the baseline (unchanged).
    NearBaseline,
    /// Worse than the baseline by more than the tolerance `value`.
    WorseThanBaseline,
    /// Always, once measured: the grade for whatever is left. (An unmeasured value takes only
    /// a `no_data` condition's grade, or none.)
    Otherwise,
}

/// How nodes are graded on a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NodeGrading {
    /// How a node's grade is reached.
    pub method: Rollup,
    /// The scale whose grades are rolled up (by score), when it is another: Fukuoka rolls its
    /// indicators' a/b/c up into its goals' A–D. This scale by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Id>,
}

/// How the grades below a node (its indicators' and its children's) make its grade.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rollup {
    /// The worst grade below (on a scale that scores its grades, grades without a score, such
    /// as 「−」 cannot be evaluated, are left out).
    Worst,
    /// The mean of the scores of the grades right below (each indicator and each child counts
    /// once), as the grade of the highest score not above it.
    Mean,
    /// The mean of the scores of every indicator grade anywhere below (each indicator counts
    /// once, however deep).
    Weighted,
    /// Entered by hand in each report; never computed.
    Manual,
}

/// Writes a whole number as an integer (`50`, not `50.0`), as the plan wrote it: thresholds and
/// scores are numbers people type.
fn whole_as_integer<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < EXACT => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

impl Condition {
    /// Every condition, in codelist order.
    pub const ALL: [Condition; 8] = [
        Condition::NoData,
        Condition::TargetReached,
        Condition::AchievementAtLeast,
        Condition::OnTrack,
        Condition::BetterThanBaseline,
        Condition::NearBaseline,
        Condition::WorseThanBaseline,
        Condition::Otherwise,
    ];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Condition::NoData => ("no_data", "未測定", "no data"),
            Condition::TargetReached => ("target_reached", "目標達成", "target reached"),
            Condition::AchievementAtLeast => {
                ("achievement_at_least", "達成率が基準以上", "achievement at least")
            }
            Condition::OnTrack => ("on_track", "計画どおりに進捗", "on track"),
            Condition::BetterThanBaseline => (
                "better_than_baseline",
                "基準値より改善",
                "better than the baseline",
            ),
            Condition::NearBaseline => ("near_baseline", "基準値から横ばい", "near the baseline"),
            Condition::WorseThanBaseline => {
                ("worse_than_baseline", "基準値より悪化", "worse than the baseline")
            }
            Condition::Otherwise => ("otherwise", "上記以外", "otherwise"),
        }
    }

    /// Whether the condition cannot do without `value` (a threshold). The comparisons with the
    /// baseline read it as a tolerance, 0 when absent.
    pub fn needs_value(self) -> bool {
        self == Condition::AchievementAtLeast
    }
}

impl Rollup {
    /// Every method, in codelist order.
    pub const ALL: [Rollup; 4] = [Rollup::Worst, Rollup::Mean, Rollup::Weighted, Rollup::Manual];

    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Rollup::Worst => ("worst", "最も低い評価", "the worst grade"),
            Rollup::Mean => ("mean", "直下の評価の平均", "the mean of the grades right below"),
            Rollup::Weighted => (
                "weighted",
                "配下の全指標の平均",
                "the mean of every indicator below",
            ),
            Rollup::Manual => ("manual", "手入力", "entered by hand"),
        }
    }
}

impl GradeScale {
    /// The grade with code `code`.
    pub fn grade(&self, code: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.code == code)
    }

    /// The position of a grade, 0 for the best.
    pub fn rank(&self, code: &str) -> Option<usize> {
        self.grades.iter().position(|g| g.code == code)
    }
}
