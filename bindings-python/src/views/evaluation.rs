//! How the plan is evaluated (進行管理): its grading scales, their grades, the conditions that
//! grade an indicator and how nodes are graded.

use pyo3::prelude::*;

use crate::json::field_as_written;
use crate::part::HasView;
use crate::text::PyText;
use crate::view::{child, view, PyValue};

view! {
    /// The plan's evaluation scheme (評価の仕組み): one or more grading scales, which progress
    /// reports grade on. A plan may have none (`plan.evaluation is None`).
    ///
    /// ```python
    /// for scale in plan.evaluation.scales:
    ///     print(scale.id, scale.name.ja, [g.code for g in scale.grades])
    /// ```
    PyEvaluation as "Evaluation" => Evaluation;
    repr: [];
    fields: [extensions];
    parts: [scales];
    refs: [];
    {
        /// The scale with id `id`, or `None`.
        fn scale<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            match self.get()?.scales.iter().position(|s| s.id.as_str() == id) {
                Some(i) => Ok(Some(welfare_plan::GradeScale::view(
                    py,
                    &self.plan,
                    child(&self.loc, "scales", Some(i)),
                )?)),
                None => Ok(None),
            }
        }
    }
}

view! {
    /// A grading scale (評価の尺度), such as 達成度 (S/A/B/C/−) or 方向性: its grades, best first;
    /// the conditions that grade an indicator from its values (first that holds), if it grades
    /// indicators; how it grades nodes, if it does.
    ///
    /// ```python
    /// scale = plan.evaluation.scale("achievement")
    /// print(scale.grade("S").label.ja, [c.when for c in scale.indicator_conditions])
    /// ```
    PyGradeScale as "GradeScale" => GradeScale;
    repr: ["id", "name"];
    fields: [id, name, extensions];
    parts: [grades, indicator_conditions, nodes];
    refs: [];
    {
        /// The grade with code `code`, or `None`.
        fn grade<'py>(&self, py: Python<'py>, code: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            match self.get()?.rank(code) {
                Some(i) => Ok(Some(welfare_plan::Grade::view(
                    py,
                    &self.plan,
                    child(&self.loc, "grades", Some(i)),
                )?)),
                None => Ok(None),
            }
        }
    }
}

view! {
    /// A grade on a scale, such as S 目標を達成 or − 評価できない: the code reports write, its
    /// label, and a score for averaging (`int` or `float`, as the plan writes it; `None` for a
    /// grade left out of means).
    PyGrade as "Grade" => Grade;
    repr: ["code", "label"];
    fields: [code, label, definition, extensions];
    parts: [];
    refs: [];
    {
        /// The score, as the plan writes it: `3` is an `int`, `2.5` a `float`.
        #[getter]
        fn score<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            field_as_written(py, self.get()?, "score")
        }
    }
}

view! {
    /// One condition of an indicator's grading: when `when` holds for the year's value, the
    /// indicator gets the grade `grade` (a code of the scale). `value` is the threshold of
    /// `achievement_at_least` or the tolerance of a comparison with the baseline (points, or a
    /// percentage of the baseline when `relative`).
    PyGradeCondition as "GradeCondition" => GradeCondition;
    repr: ["when", "value", "grade"];
    fields: [when, relative, grade];
    parts: [];
    refs: [];
    {
        /// The threshold or tolerance, as the plan writes it (`50` is an `int`), or `None`.
        #[getter]
        fn value<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            field_as_written(py, self.get()?, "value")
        }

        /// The condition's label: 目標達成 / target reached.
        #[getter]
        fn when_label(&self) -> PyResult<PyText> {
            let (_, ja, en) = self.get()?.when.labels();
            Ok(PyText::label((ja.to_owned(), en.to_owned())))
        }
    }
}

view! {
    /// How nodes are graded on a scale: `method` (`worst`, `mean`, `weighted`, or `manual`:
    /// entered by hand in each report), from the grades of the scale `from` (`None`: this
    /// scale). `from` is a Python keyword: read the scale as `from_` and its id as `from_id`.
    PyNodeGrading as "NodeGrading" => NodeGrading;
    repr: ["method", "from"];
    fields: [method];
    parts: [];
    refs: [from / from_id => welfare_plan::GradeScale];
    {
        /// The scale whose grades are rolled up (`from`, under the name PEP 8 gives a keyword),
        /// or `None` when it is this scale.
        #[allow(clippy::wrong_self_convention)] // a field's name, not a conversion
        #[getter]
        fn from_<'py>(&self, py: Python<'py>) -> PyValue<'py> {
            let plan = Some(&self.plan);
            crate::expose::Refs::resolve::<welfare_plan::GradeScale>(&self.get()?.from, py, plan)
        }

        /// The method's label: 最も低い評価 / the worst grade.
        #[getter]
        fn method_label(&self) -> PyResult<PyText> {
            let (_, ja, en) = self.get()?.method.labels();
            Ok(PyText::label((ja.to_owned(), en.to_owned())))
        }
    }
}
