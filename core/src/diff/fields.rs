//! The fields a change lists, and their values.

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Id, Lang, Observation, Quantity, Text};

/// A field whose value differs between the two sides.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct FieldChange {
    /// Which field.
    pub field: Field,
    /// For a grade, the plan's grading scale it is on (id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Id>,
    /// The earlier value; null when the field was absent.
    pub old: Option<Value>,
    /// The later value; null when the field is absent.
    pub new: Option<Value>,
}

/// The fields a change can list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// A node's or challenge's title.
    Title,
    /// An actor's or indicator's name.
    Name,
    /// What the document says of the part.
    Description,
    /// How an indicator is defined or calculated.
    Definition,
    /// An indicator's unit.
    Unit,
    /// An indicator's baseline (現状値).
    Baseline,
    /// An indicator's targets (目標値).
    Targets,
    /// An actual value (実績値).
    Value,
    /// Why a value was not measured.
    Reason,
    /// A note on a value.
    Note,
    /// A grade on one of the plan's scales.
    Grade,
    /// What was done (実施内容).
    Done,
    /// What remains (課題).
    Remaining,
    /// What comes next (今後の方向性).
    Next,
    /// An opinion's text (意見).
    Opinion,
    /// The city's answer (市の考え方).
    Answer,
    /// The nodes an opinion concerns (ids).
    Nodes,
}

impl Field {
    /// (code, Japanese label, English label).
    pub fn labels(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Field::Title => ("title", "名称", "title"),
            Field::Name => ("name", "名称", "name"),
            Field::Description => ("description", "説明", "description"),
            Field::Definition => ("definition", "定義", "definition"),
            Field::Unit => ("unit", "単位", "unit"),
            Field::Baseline => ("baseline", "現状値", "baseline"),
            Field::Targets => ("targets", "目標値", "targets"),
            Field::Value => ("value", "実績値", "value"),
            Field::Reason => ("reason", "未測定の理由", "reason not measured"),
            Field::Note => ("note", "備考", "note"),
            Field::Grade => ("grade", "評価", "grade"),
            Field::Done => ("done", "実施内容", "what was done"),
            Field::Remaining => ("remaining", "課題", "what remains"),
            Field::Next => ("next", "今後の方向性", "what comes next"),
            Field::Opinion => ("opinion", "意見", "opinion"),
            Field::Answer => ("answer", "市の考え方", "answer"),
            Field::Nodes => ("nodes", "対象", "nodes concerned"),
        }
    }

    /// Whether a difference in this field is one of wording only (文言修正), as opposed to a
    /// value, grade or target (変更).
    pub fn is_wording(self) -> bool {
        matches!(
            self,
            Field::Title
                | Field::Name
                | Field::Description
                | Field::Definition
                | Field::Note
                | Field::Reason
                | Field::Done
                | Field::Remaining
                | Field::Next
                | Field::Opinion
                | Field::Answer
        )
    }
}

/// A field's value: a text, an indicator's value, a grade's code, a list of ids, or an
/// indicator's baseline or targets.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// A bilingual text.
    Text(Text),
    /// A number or a qualitative value (設置).
    Quantity(Quantity),
    /// A code, such as a grade's.
    Code(String),
    /// Ids, such as the nodes an opinion concerns.
    Ids(Vec<Id>),
    /// Values by fiscal year, such as an indicator's targets.
    Observations(Vec<Observation>),
}

impl Value {
    /// The value as a reader sees it, in `lang`.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Value::Text(t) => t.get(lang).to_owned(),
            Value::Quantity(q) => q.to_string(),
            Value::Code(c) => c.clone(),
            Value::Ids(ids) => ids.iter().map(Id::as_str).collect::<Vec<_>>().join(", "),
            Value::Observations(obs) => obs
                .iter()
                .map(|o| format!("{}: {}", o.fiscal_year.0, o.value))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}
