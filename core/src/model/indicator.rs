//! Evaluation indicators (評価指標): what is measured, which way is better, and the baseline
//! and targets by fiscal year, numeric or qualitative.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

use super::{Extensions, FiscalYear, Id, Lineage, Text};

/// An evaluation indicator (評価指標) on the plan, a node, a project, a sub-plan or a priority
/// project: a baseline (現状値) and target values (目標値) by fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// The indicator's id, which progress reports refer to.
    pub id: Id,
    /// What is measured, such as 孤独を感じる人の割合.
    pub name: Text,
    /// The unit, such as 人 or %.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// Outcome (成果指標) or output (活動指標).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<IndicatorKind>,
    /// What kind of value it takes; values must be of that kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_type: Option<ValueType>,
    /// Which way is better: a falling 孤独を感じる人の割合 is good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// How a target is read: at least (以上), at most (以下) or exactly (ちょうど).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    /// The value when the plan was written (現状値). The year may precede the plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// The values the plan aims for (目標値); each year must lie in the plan period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Observation>,
    /// Where the value comes from, such as 市民意識調査.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// How it is defined or calculated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<Text>,
    /// The indicators of the previous edition it continues, so that its series runs on, and how (継続・文言修正・移動・統合・分割).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lineage: Vec<Lineage>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// A value of an indicator in a fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Observation {
    /// The fiscal year.
    pub fiscal_year: FiscalYear,
    /// The value: a number, or a word for a qualitative target (「設置」「実施」).
    pub value: Quantity,
    /// A note on the value, such as how it was measured that year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Fields the format lacks (拡張).
    #[serde(default, skip_serializing_if = "Extensions::is_empty")]
    pub extensions: Extensions,
}

/// An indicator's value: an integer (kept an integer: `212` is written `212`, not `212.0`),
/// another number, or qualitative text.
#[derive(Debug, Clone, PartialEq)]
pub enum Quantity {
    /// A whole number.
    Integer(i64),
    /// Any other finite number.
    Number(f64),
    /// A qualitative value, such as 設置.
    Text(String),
}

impl Quantity {
    /// The value as a number, if it is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Quantity::Integer(i) => Some(*i as f64),
            Quantity::Number(n) => Some(*n),
            Quantity::Text(_) => None,
        }
    }
}

impl From<i64> for Quantity {
    fn from(v: i64) -> Self {
        Quantity::Integer(v)
    }
}

impl From<f64> for Quantity {
    fn from(v: f64) -> Self {
        Quantity::Number(v)
    }
}

impl From<&str> for Quantity {
    fn from(v: &str) -> Self {
        Quantity::Text(v.to_owned())
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Quantity::Integer(i) => write!(f, "{i}"),
            Quantity::Number(n) => write!(f, "{n}"),
            Quantity::Text(t) => f.write_str(t),
        }
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Quantity::Integer(i) => s.serialize_i64(*i),
            Quantity::Number(n) => s.serialize_f64(*n),
            Quantity::Text(t) => s.serialize_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Quantity;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a text")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Quantity, E> {
                Ok(Quantity::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Quantity, E> {
                Ok(i64::try_from(v).map_or(Quantity::Number(v as f64), Quantity::Integer))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Quantity, E> {
                Ok(Quantity::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Quantity, E> {
                Ok(Quantity::Text(v.to_owned()))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Quantity {
    fn schema_name() -> Cow<'static, str> {
        "Quantity".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An indicator's value: a number (integers stay integers), or a word for a qualitative target such as 設置.",
            "type": ["number", "string"],
            "examples": [212, 35.5, "設置"]
        })
    }
}

/// Outcome or output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// 成果指標: a change in residents' lives, such as the share who feel lonely.
    Outcome,
    /// 活動指標: what was done, such as the number of salons held.
    Output,
}

/// What kind of value an indicator takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueType {
    /// Any number.
    Number,
    /// A percentage, 0 to 100.
    Percentage,
    /// A count: a whole number, 0 or more.
    Count,
    /// Qualitative text, such as 設置 or 実施.
    Text,
}

/// Which way an indicator should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher is better (増加).
    Increase,
    /// Lower is better (減少).
    Decrease,
    /// Keeping the level is the aim (維持).
    Maintain,
}

/// How a target value is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// 以上: the target or more.
    AtLeast,
    /// 以下: the target or less.
    AtMost,
    /// ちょうど: exactly the target.
    Exactly,
}

impl IndicatorKind {
    /// Every kind, in codelist order.
    pub const ALL: [IndicatorKind; 2] = [IndicatorKind::Outcome, IndicatorKind::Output];
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            IndicatorKind::Outcome => ("outcome", "成果指標", "outcome"),
            IndicatorKind::Output => ("output", "活動指標", "output"),
        }
    }
}

impl ValueType {
    /// Every value type, in codelist order.
    pub const ALL: [ValueType; 4] = [
        ValueType::Number,
        ValueType::Percentage,
        ValueType::Count,
        ValueType::Text,
    ];
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            ValueType::Number => ("number", "数値", "number"),
            ValueType::Percentage => ("percentage", "割合（%）", "percentage"),
            ValueType::Count => ("count", "件数・人数", "count"),
            ValueType::Text => ("text", "定性（文字）", "qualitative"),
        }
    }
}

impl Direction {
    /// Every direction, in codelist order.
    pub const ALL: [Direction; 3] = [Direction::Increase, Direction::Decrease, Direction::Maintain];
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Direction::Increase => ("increase", "増加が望ましい", "higher is better"),
            Direction::Decrease => ("decrease", "減少が望ましい", "lower is better"),
            Direction::Maintain => ("maintain", "維持が望ましい", "keep the level"),
        }
    }
}

impl Comparator {
    /// Every comparator, in codelist order.
    pub const ALL: [Comparator; 3] = [Comparator::AtLeast, Comparator::AtMost, Comparator::Exactly];
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Comparator::AtLeast => ("at_least", "以上", "at least"),
            Comparator::AtMost => ("at_most", "以下", "at most"),
            Comparator::Exactly => ("exactly", "ちょうど", "exactly"),
        }
    }
}
