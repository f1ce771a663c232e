//! `evaluation.grade_unknown`, `evaluation.grade_duplicate`, `evaluation.condition_value`: a
//! grading scale's codes are distinct, its conditions give grades it has, and a threshold
//! condition has its threshold.

use crate::error::{Issue, IssueCode, Path};
use crate::preview;
use crate::validate::{Context, Rule};

pub struct Evaluation;

impl Rule for Evaluation {
    fn name(&self) -> &'static str {
        "evaluation"
    }

    fn codes(&self) -> &'static [IssueCode] {
        &[
            IssueCode::GradeDuplicate,
            IssueCode::GradeUnknown,
            IssueCode::ConditionValue,
        ]
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Issue>) {
        let Some(e) = &cx.plan.evaluation else { return };
        for (si, scale) in e.scales.iter().enumerate() {
            let at = Path::root().key("evaluation").key("scales").index(si);
            for (gi, g) in scale.grades.iter().enumerate() {
                if scale.grades.iter().take(gi).any(|x| x.code == g.code) {
                    let code = preview(&g.code);
                    out.push(Issue::new(
                        IssueCode::GradeDuplicate,
                        at.clone().key("grades").index(gi).key("code"),
                        format!("grade `{code}` is already on scale `{}`", scale.id),
                        format!("評価 `{code}` は尺度 `{}` に既にあります", scale.id),
                    ));
                }
            }
            for (ci, c) in scale.indicator_conditions.iter().enumerate() {
                let cp = at.clone().key("indicator_conditions").index(ci);
                if scale.grade(&c.grade).is_none() {
                    out.push(unknown_grade(cp.clone().key("grade"), &c.grade, scale));
                }
                if c.when.needs_value() && c.value.is_none() {
                    let when = c.when.labels();
                    out.push(Issue::new(
                        IssueCode::ConditionValue,
                        cp,
                        format!(
                            "the condition `{}` needs a `value`: the percentage of the way to the target",
                            when.0
                        ),
                        format!(
                            "条件「{}」には値（value: 目標までの達成率の基準、%）が必要です",
                            when.1
                        ),
                    ));
                }
            }
        }
    }
}

/// A grade code that the scale does not have; reports use it too.
pub(crate) fn unknown_grade(path: Path, code: &str, scale: &crate::GradeScale) -> Issue {
    let codes: Vec<&str> = scale.grades.iter().map(|g| g.code.as_str()).collect();
    let code = preview(code);
    let list = codes.join("`, `");
    let list_ja = codes.join("・");
    Issue::new(
        IssueCode::GradeUnknown,
        path,
        format!("grade `{code}` is not on the scale `{}` (`{list}`)", scale.id),
        format!(
            "評価 `{code}` は尺度「{}」（{list_ja}）にありません",
            scale.name.ja
        ),
    )
}
