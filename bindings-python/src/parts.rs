//! The rest of the plan's structure: challenges (課題), actors (担い手), the period (計画期間),
//! the municipality, the basic philosophy (基本理念) and the help model (自助・共助・公助).

use std::sync::Arc;

use pyo3::prelude::*;
use welfare_plan::numbering::challenge_label;
use welfare_plan::{Actor, Challenge, HelpModel, Municipality, Period, Phase, Philosophy, SectorDefinition};

use crate::json::{py_repr, to_python};
use crate::nodes::PyInitiative;
use crate::pickle::Reduced;
use crate::text::PyText;
use crate::view::{code, sector, view, SharedPlan};

view! {
    /// A challenge (課題) the plan sets out to meet, numbered ①, ②, ….
    PyChallenge as "Challenge" => Challenge, |p, s| p.challenges.get(s.challenge); [challenge]
}

view! {
    /// An actor (担い手): residents, neighbourhood associations, the social welfare council,
    /// the city ….
    PyActor as "Actor" => Actor, |p, s| p.actors.get(s.actor); [actor]
}

view! {
    /// The plan period (計画期間) in fiscal years (年度), inclusive.
    ///
    /// ```python
    /// p = plan.period
    /// print(p.start_fiscal_year, p.end_fiscal_year, welfare_plan.era_label(p.start_fiscal_year))
    /// ```
    PyPeriod as "Period" => Period, |p, s| Some(&p.period); []
}

view! {
    /// A phase of the plan period (期), such as 前期 or 後期.
    PyPhase as "Phase" => Phase, |p, s| p.period.phases.get(s.phase); [phase]
}

view! {
    /// The municipality (市町村) that adopts the plan.
    PyMunicipality as "Municipality" => Municipality, |p, s| Some(&p.municipality); []
}

view! {
    /// The basic philosophy (基本理念).
    PyPhilosophy as "Philosophy" => Philosophy, |p, s| Some(&p.philosophy); []
}

view! {
    /// The help model (自助・共助・公助) and the plan's definition of each sector.
    PyHelpModel as "HelpModel" => HelpModel, |p, s| Some(&p.help_model); []
}

view! {
    /// What one help sector means in this plan, in the plan's words.
    PySectorDefinition as "SectorDefinition" => SectorDefinition,
        |p, s| p.help_model.sectors.get(s.sector); [sector]
}

impl PyChallenge {
    /// The challenge at `plan.challenges[challenge]` (found with the core's id index).
    pub fn at(plan: &Arc<SharedPlan>, challenge: usize) -> Self {
        PyChallenge {
            plan: Arc::clone(plan),
            challenge,
        }
    }
}

impl PyActor {
    /// The actor at `plan.actors[actor]` (found with the core's id index).
    pub fn at(plan: &Arc<SharedPlan>, actor: usize) -> Self {
        PyActor {
            plan: Arc::clone(plan),
            actor,
        }
    }
}

#[pymethods]
impl PyChallenge {
    /// The challenge's id.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// Its ordinal, from 1.
    #[getter]
    fn number(&self) -> PyResult<u32> {
        Ok(self.get()?.number)
    }

    /// ① / Challenge 1.
    #[getter]
    fn label(&self) -> PyResult<PyText> {
        Ok(PyText::label(challenge_label(self.get()?.number)))
    }

    /// The challenge in the plan's words.
    #[getter]
    fn title(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.title))
    }

    /// A longer explanation, if the plan gives one.
    #[getter]
    fn description(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.description.as_ref().map(PyText::of))
    }

    /// The initiatives that address this challenge, in document order.
    fn initiatives(&self) -> PyResult<Vec<PyInitiative>> {
        let id = self.get()?.id.as_str();
        Ok(PyInitiative::all(
            &self.plan,
            self.plan.initiatives_addressing(id),
        ))
    }

    /// The challenge as plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = self.get()?;
        Ok(format!(
            "Challenge(id={}, number={}, title={})",
            py_repr(py, c.id.as_str())?,
            c.number,
            py_repr(py, &c.title.ja)?
        ))
    }
}

#[pymethods]
impl PyActor {
    /// The actor's id, which initiatives refer to.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// The kind of body, such as `neighborhood_association`.
    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.get()?.kind.labels().0)
    }

    /// The kind's label: 自治会・町内会 / neighbourhood associations.
    #[getter]
    fn kind_label(&self) -> PyResult<PyText> {
        let (_, ja, en) = self.get()?.kind.labels();
        Ok(PyText::label((ja.to_owned(), en.to_owned())))
    }

    /// Its name in the plan, such as 自治会.
    #[getter]
    fn name(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.name))
    }

    /// The help sector it usually acts in, such as `mutual_help`.
    #[getter]
    fn sector(&self) -> PyResult<&'static str> {
        Ok(self.get()?.sector.code())
    }

    /// What the plan says of it.
    #[getter]
    fn description(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.description.as_ref().map(PyText::of))
    }

    /// The actor as plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let a = self.get()?;
        Ok(format!(
            "Actor(id={}, kind={}, name={})",
            py_repr(py, a.id.as_str())?,
            py_repr(py, a.kind.labels().0)?,
            py_repr(py, &a.name.ja)?
        ))
    }
}

#[pymethods]
impl PyPeriod {
    /// The first fiscal year (計画初年度), such as 2023 for 令和5年度.
    #[getter]
    fn start_fiscal_year(&self) -> PyResult<i32> {
        Ok(self.get()?.start_fiscal_year.0)
    }

    /// The last fiscal year, inclusive (最終年度).
    #[getter]
    fn end_fiscal_year(&self) -> PyResult<i32> {
        Ok(self.get()?.end_fiscal_year.0)
    }

    /// The fiscal year of the mid-term review (中間見直し), if the plan sets one.
    #[getter]
    fn mid_term_review_fiscal_year(&self) -> PyResult<Option<i32>> {
        Ok(self.get()?.mid_term_review_fiscal_year.map(|y| y.0))
    }

    /// The phases (前期・後期) the period is divided into.
    #[getter]
    fn phases(&self) -> PyResult<Vec<PyPhase>> {
        let n = self.get()?.phases.len();
        Ok((0..n)
            .map(|phase| PyPhase {
                plan: Arc::clone(&self.plan),
                phase,
            })
            .collect())
    }

    /// The number of fiscal years the period spans.
    #[getter]
    fn len_years(&self) -> PyResult<i64> {
        Ok(self.get()?.len_years())
    }

    /// Whether fiscal year `year` falls within the period.
    fn contains(&self, year: i32) -> PyResult<bool> {
        Ok(self.get()?.contains(welfare_plan::FiscalYear(year)))
    }

    /// The period as plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self) -> PyResult<String> {
        let p = self.get()?;
        Ok(format!(
            "Period(start_fiscal_year={}, end_fiscal_year={})",
            p.start_fiscal_year, p.end_fiscal_year
        ))
    }
}

#[pymethods]
impl PyPhase {
    /// The phase's id.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// Its name, such as 前期.
    #[getter]
    fn name(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.name))
    }

    /// Its first fiscal year.
    #[getter]
    fn start_fiscal_year(&self) -> PyResult<i32> {
        Ok(self.get()?.start_fiscal_year.0)
    }

    /// Its last fiscal year, inclusive.
    #[getter]
    fn end_fiscal_year(&self) -> PyResult<i32> {
        Ok(self.get()?.end_fiscal_year.0)
    }

    /// As plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = self.get()?;
        Ok(format!(
            "Phase(id={}, start_fiscal_year={}, end_fiscal_year={})",
            py_repr(py, p.id.as_str())?,
            p.start_fiscal_year,
            p.end_fiscal_year
        ))
    }
}

#[pymethods]
impl PyMunicipality {
    /// The 6-digit local government code (全国地方公共団体コード), such as `402052`.
    #[getter]
    fn code(&self) -> PyResult<&str> {
        Ok(&self.get()?.code.0)
    }

    /// The municipality's name, such as 飯塚市.
    #[getter]
    fn name(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.name))
    }

    /// The prefecture (都道府県), such as 福岡県.
    #[getter]
    fn prefecture(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.prefecture))
    }

    /// As plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let m = self.get()?;
        Ok(format!(
            "Municipality(code={}, name={})",
            py_repr(py, &m.code.0)?,
            py_repr(py, &m.name.ja)?
        ))
    }
}

#[pymethods]
impl PyPhilosophy {
    /// The philosophy itself.
    #[getter]
    fn statement(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.statement))
    }

    /// Its subtitle (副題), if any.
    #[getter]
    fn subtitle(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.subtitle.as_ref().map(PyText::of))
    }

    /// The plan's explanation of it, if any.
    #[getter]
    fn explanation(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.explanation.as_ref().map(PyText::of))
    }

    /// As plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = self.get()?;
        Ok(format!("Philosophy(statement={})", py_repr(py, &p.statement.ja)?))
    }
}

#[pymethods]
impl PyHelpModel {
    /// `three_help` (自助・共助・公助) or `four_help` (自助・互助・共助・公助).
    #[getter]
    fn kind(&self) -> PyResult<String> {
        Ok(code(&self.get()?.kind))
    }

    /// One definition per sector, in the model's order.
    #[getter]
    fn sectors(&self) -> PyResult<Vec<PySectorDefinition>> {
        let n = self.get()?.sectors.len();
        Ok((0..n)
            .map(|sector| PySectorDefinition {
                plan: Arc::clone(&self.plan),
                sector,
            })
            .collect())
    }

    /// Whether the model includes `sector` (a code such as `self_help`, or 自助).
    fn has(&self, sector: &str) -> PyResult<bool> {
        Ok(self.get()?.has(self::sector(sector)?))
    }

    /// As plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!("HelpModel(kind={})", py_repr(py, &self.kind()?)?))
    }
}

#[pymethods]
impl PySectorDefinition {
    /// The sector defined, such as `self_help`.
    #[getter]
    fn sector(&self) -> PyResult<&'static str> {
        Ok(self.get()?.sector.code())
    }

    /// The sector's name: 自助 / self-help.
    #[getter]
    fn label(&self) -> PyResult<PyText> {
        let s = self.get()?.sector;
        Ok(PyText::label((s.label_ja().to_owned(), s.label_en().to_owned())))
    }

    /// The plan's definition of it.
    #[getter]
    fn definition(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.definition))
    }

    /// As plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let d = self.get()?;
        Ok(format!(
            "SectorDefinition(sector={}, definition={})",
            py_repr(py, d.sector.code())?,
            py_repr(py, &d.definition.ja)?
        ))
    }
}
