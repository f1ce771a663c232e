//! The plan's tree: basic goals (基本目標) → activity targets (活動目標) → specific initiatives
//! (具体的取り組み), and who takes part in each initiative.

use std::sync::Arc;

use pyo3::prelude::*;
use welfare_plan::numbering::{goal_label, initiative_label, target_label};
use welfare_plan::{Goal, Initiative, PartAt, Participation, Target};

use crate::json::{py_repr, to_python};
use crate::parts::{PyActor, PyChallenge};
use crate::pickle::Reduced;
use crate::text::PyText;
use crate::view::{view, SharedPlan};

view! {
    /// A basic goal (基本目標), numbered 基本目標Ⅰ, Ⅱ, ….
    ///
    /// ```python
    /// goal = plan.goals[0]
    /// print(goal.label.ja, goal.title.ja)   # 基本目標Ⅰ お互いを大切にし合うひとづくり
    /// ```
    PyGoal as "Goal" => Goal, |p, s| p.goals.get(s.goal); [goal]
}

view! {
    /// An activity target (活動目標) under a basic goal, numbered 活動目標1, 2, … within it.
    PyTarget as "Target" => Target,
        |p, s| p.goals.get(s.goal).and_then(|g| g.targets.get(s.target)); [goal, target]
}

view! {
    /// A specific initiative (具体的取り組み) under an activity target, numbered (1), (2), ….
    ///
    /// ```python
    /// for i in plan.initiatives():
    ///     print(i.goal.label.ja, i.target.label.ja, i.label, i.title.ja)
    /// ```
    PyInitiative as "Initiative" => Initiative,
        |p, s| p
            .goals
            .get(s.goal)
            .and_then(|g| g.targets.get(s.target))
            .and_then(|t| t.initiatives.get(s.initiative));
        [goal, target, initiative]
}

view! {
    /// An actor's part in an initiative, and the help sector (自助・互助・共助・公助) it acts in.
    PyParticipation as "Participation" => Participation,
        |p, s| p
            .goals
            .get(s.goal)
            .and_then(|g| g.targets.get(s.target))
            .and_then(|t| t.initiatives.get(s.initiative))
            .and_then(|i| i.participants.get(s.participation));
        [goal, target, initiative, participation]
}

impl PyGoal {
    pub fn new(plan: &Arc<SharedPlan>, goal: usize) -> Self {
        PyGoal {
            plan: Arc::clone(plan),
            goal,
        }
    }
}

impl PyTarget {
    pub fn new(plan: &Arc<SharedPlan>, goal: usize, target: usize) -> Self {
        PyTarget {
            plan: Arc::clone(plan),
            goal,
            target,
        }
    }
}

impl PyInitiative {
    pub fn new(plan: &Arc<SharedPlan>, goal: usize, target: usize, initiative: usize) -> Self {
        PyInitiative {
            plan: Arc::clone(plan),
            goal,
            target,
            initiative,
        }
    }

    /// Views of the initiatives an iterator of the core's `InitiativeRef`s yields.
    pub fn all<'a>(
        plan: &Arc<SharedPlan>,
        refs: impl Iterator<Item = welfare_plan::InitiativeRef<'a>>,
    ) -> Vec<PyInitiative> {
        refs.map(|r| PyInitiative::new(plan, r.goal_index, r.target_index, r.initiative_index))
            .collect()
    }
}

#[pymethods]
impl PyGoal {
    /// The goal's id.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// Its ordinal, from 1.
    #[getter]
    fn number(&self) -> PyResult<u32> {
        Ok(self.get()?.number)
    }

    /// 基本目標Ⅰ / Basic goal I.
    #[getter]
    fn label(&self) -> PyResult<PyText> {
        Ok(PyText::label(goal_label(self.get()?.number)))
    }

    /// The goal, such as お互いを大切にし合うひとづくり.
    #[getter]
    fn title(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.title))
    }

    /// What the plan says the goal means, if it says.
    #[getter]
    fn description(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.description.as_ref().map(PyText::of))
    }

    /// Its activity targets (活動目標).
    #[getter]
    fn targets(&self) -> PyResult<Vec<PyTarget>> {
        let n = self.get()?.targets.len();
        Ok((0..n).map(|t| PyTarget::new(&self.plan, self.goal, t)).collect())
    }

    /// Every initiative under the goal, in document order.
    fn initiatives(&self) -> Vec<PyInitiative> {
        let refs = self.plan.initiatives().filter(|r| r.goal_index == self.goal);
        PyInitiative::all(&self.plan, refs)
    }

    /// The goal as plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let g = self.get()?;
        Ok(format!(
            "Goal(id={}, number={}, title={})",
            py_repr(py, g.id.as_str())?,
            g.number,
            py_repr(py, &g.title.ja)?
        ))
    }
}

#[pymethods]
impl PyTarget {
    /// The target's id.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// Its ordinal within the goal, from 1.
    #[getter]
    fn number(&self) -> PyResult<u32> {
        Ok(self.get()?.number)
    }

    /// 活動目標1 / Activity target 1.
    #[getter]
    fn label(&self) -> PyResult<PyText> {
        Ok(PyText::label(target_label(self.get()?.number)))
    }

    /// The target, such as 互いに支えあう意識の醸成.
    #[getter]
    fn title(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.title))
    }

    /// A longer explanation, if the plan gives one.
    #[getter]
    fn description(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.description.as_ref().map(PyText::of))
    }

    /// The basic goal the target belongs to.
    #[getter]
    fn goal(&self) -> PyGoal {
        PyGoal::new(&self.plan, self.goal)
    }

    /// Its specific initiatives (具体的取り組み).
    #[getter]
    fn initiatives(&self) -> PyResult<Vec<PyInitiative>> {
        let n = self.get()?.initiatives.len();
        Ok((0..n)
            .map(|i| PyInitiative::new(&self.plan, self.goal, self.target, i))
            .collect())
    }

    /// The target as plain data, exactly as in the JSON format.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let t = self.get()?;
        Ok(format!(
            "Target(id={}, number={}, title={})",
            py_repr(py, t.id.as_str())?,
            t.number,
            py_repr(py, &t.title.ja)?
        ))
    }
}

#[pymethods]
impl PyInitiative {
    /// The initiative's id.
    #[getter]
    fn id(&self) -> PyResult<&str> {
        Ok(self.get()?.id.as_str())
    }

    /// Its ordinal within the target, from 1.
    #[getter]
    fn number(&self) -> PyResult<u32> {
        Ok(self.get()?.number)
    }

    /// (1), (2), ….
    #[getter]
    fn label(&self) -> PyResult<String> {
        Ok(initiative_label(self.get()?.number))
    }

    /// The initiative, such as 見守り体制の強化.
    #[getter]
    fn title(&self) -> PyResult<PyText> {
        Ok(PyText::of(&self.get()?.title))
    }

    /// A longer explanation, if the plan gives one.
    #[getter]
    fn description(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.description.as_ref().map(PyText::of))
    }

    /// Whether the plan marks it as a priority (重点取り組み).
    #[getter]
    fn priority(&self) -> PyResult<bool> {
        Ok(self.get()?.priority)
    }

    /// The basic goal it belongs to.
    #[getter]
    fn goal(&self) -> PyGoal {
        PyGoal::new(&self.plan, self.goal)
    }

    /// The activity target it belongs to.
    #[getter]
    fn target(&self) -> PyTarget {
        PyTarget::new(&self.plan, self.goal, self.target)
    }

    /// The ids of the challenges (課題) it addresses.
    #[getter]
    fn challenge_ids(&self) -> PyResult<Vec<String>> {
        Ok(self
            .get()?
            .challenges
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect())
    }

    /// The challenges (課題) it addresses, in the order it lists them.
    #[getter]
    fn challenges(&self) -> PyResult<Vec<PyChallenge>> {
        let plan = &self.plan;
        Ok(self
            .get()?
            .challenges
            .iter()
            .filter_map(|id| {
                plan.part(id.as_str()).and_then(|at| match at {
                    PartAt::Challenge(c) => Some(PyChallenge::at(plan, c)),
                    _ => None,
                })
            })
            .collect())
    }

    /// Who takes part, and in which help sector.
    #[getter]
    fn participants(&self) -> PyResult<Vec<PyParticipation>> {
        let n = self.get()?.participants.len();
        Ok((0..n)
            .map(|p| PyParticipation {
                plan: Arc::clone(&self.plan),
                goal: self.goal,
                target: self.target,
                initiative: self.initiative,
                participation: p,
            })
            .collect())
    }

    /// The initiative as plain data, exactly as in the JSON format (projects, indicators and
    /// extensions included).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, self.get()?)
    }

    /// Pickles the part as its plan and its place in it.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        self.reduced(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let i = self.get()?;
        Ok(format!(
            "Initiative(id={}, number={}, title={})",
            py_repr(py, i.id.as_str())?,
            i.number,
            py_repr(py, &i.title.ja)?
        ))
    }
}

#[pymethods]
impl PyParticipation {
    /// The actor's id.
    #[getter]
    fn actor_id(&self) -> PyResult<&str> {
        Ok(self.get()?.actor.as_str())
    }

    /// The actor, or `None` when the id names no actor (an invalid plan never gets here).
    #[getter]
    fn actor(&self) -> PyResult<Option<PyActor>> {
        Ok(match self.plan.part(self.get()?.actor.as_str()) {
            Some(PartAt::Actor(a)) => Some(PyActor::at(&self.plan, a)),
            _ => None,
        })
    }

    /// The help sector it acts in here: `self_help`, `reciprocal_help`, `mutual_help` or
    /// `public_help`.
    #[getter]
    fn sector(&self) -> PyResult<&'static str> {
        Ok(self.get()?.sector.code())
    }

    /// What it does, if the plan says.
    #[getter]
    fn role(&self) -> PyResult<Option<PyText>> {
        Ok(self.get()?.role.as_ref().map(PyText::of))
    }

    /// The participation as plain data, exactly as in the JSON format.
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
            "Participation(actor_id={}, sector={})",
            py_repr(py, p.actor.as_str())?,
            py_repr(py, p.sector.code())?
        ))
    }
}
