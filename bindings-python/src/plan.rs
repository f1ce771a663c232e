//! `Plan`: a checked plan, kept in Rust and shown to Python through lazy views.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;
use welfare_plan::records::initiative_records;
use welfare_plan::{render, validate_with, Checked, Issue, PartAt, Plan};

use crate::input::{check, document_bytes};
use crate::issue::{plan_error, wrap, PyIssue};
use crate::json::{dumps, py_repr, to_python};
use crate::limits::resolve;
use crate::nodes::{PyGoal, PyInitiative, PyTarget};
use crate::parts::{PyActor, PyChallenge, PyHelpModel, PyMunicipality, PyPeriod, PyPhilosophy};
use crate::pickle::{reduce_plan, Reduced};
use crate::text::{lang, PyText};
use crate::view::{sector, SharedPlan};

/// A regional welfare plan (地域福祉計画) that has passed every rule of the core.
///
/// Get one from `loads`, `load`, `Plan.from_dict` or `iizuka_third_plan`. The plan stays in
/// Rust; goals, targets, initiatives and the rest are views created when read, and every
/// object is immutable and safe to share between threads.
///
/// ```python
/// plan = welfare_plan.iizuka_third_plan()
/// for goal in plan.goals:
///     print(goal.label.ja, goal.title.ja)
/// ```
#[pyclass(frozen, eq, module = "welfare_plan", name = "Plan")]
pub struct PyPlan {
    plan: Arc<SharedPlan>,
    warnings: Vec<Issue>,
}

impl PartialEq for PyPlan {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.plan, &other.plan) || self.plan == other.plan
    }
}

impl PyPlan {
    /// A plan and the warnings found when it was checked.
    pub fn new(plan: Plan, warnings: Vec<Issue>) -> Self {
        PyPlan {
            plan: SharedPlan::new(plan),
            warnings,
        }
    }

    /// Where the part with id `id` is, from the core's index (built once, on first use).
    fn part(&self, id: &str) -> Option<PartAt> {
        self.plan.part(id)
    }

    /// The plan if `checked` has no errors, else `PlanError` with every issue.
    pub fn from_checked(py: Python<'_>, checked: Checked) -> PyResult<Self> {
        match checked.into_plan_and_warnings() {
            Ok((plan, warnings)) => Ok(PyPlan::new(plan, warnings)),
            Err(e) => Err(plan_error(py, e.issues().to_vec())),
        }
    }
}

#[pymethods]
impl PyPlan {
    /// Builds a plan from plain data (as `json.load` returns it), validated exactly as
    /// `loads` validates text: the data is written as JSON and checked by the core.
    ///
    /// Raises `PlanError` when the data is not a valid plan, and `TypeError` for values that
    /// `json` cannot write (such as sets).
    ///
    /// ```python
    /// plan = welfare_plan.Plan.from_dict(json.load(open("plan.json", encoding="utf-8")))
    /// ```
    #[staticmethod]
    #[pyo3(signature = (data, limits = None))]
    fn from_dict(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        limits: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let limits = resolve(limits)?;
        let text = dumps(py, data)?;
        let bytes = document_bytes(text.as_any())?;
        PyPlan::from_checked(py, check(py, &bytes, &limits))
    }

    /// Canonical JSON, byte for byte what `welfare-plan export` writes: fields in the
    /// format's order, two-space indentation, UTF-8, a trailing newline.
    ///
    /// ```python
    /// assert welfare_plan.loads(plan.dumps()).dumps() == plan.dumps()
    /// ```
    fn dumps<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        let plan = &self.plan;
        let text = py.detach(|| plan.to_canonical_json());
        PyString::new(py, &text)
    }

    /// Writes canonical JSON to a path (UTF-8) or to a text file object's `write`.
    fn dump(&self, py: Python<'_>, target: &Bound<'_, PyAny>) -> PyResult<()> {
        let plan = &self.plan;
        let text = py.detach(|| plan.to_canonical_json());
        if target.hasattr("write")? {
            target.call_method1("write", (text,))?;
            return Ok(());
        }
        let path: PathBuf = target.extract()?;
        py.detach(|| std::fs::write(&path, text.as_bytes()))?;
        Ok(())
    }

    /// The plan as plain data (dicts and lists), in the format's field order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &**self.plan)
    }

    /// One flat dict per initiative, with its goal and target, the help sectors it involves
    /// and the ids of its actors and challenges.
    ///
    /// ```python
    /// frame = pandas.DataFrame(plan.to_records())
    /// ```
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let plan = &self.plan;
        let records = py.detach(|| initiative_records(plan));
        to_python(py, &records)
    }

    /// Runs every rule again and returns all issues (errors and warnings); a loaded plan has
    /// no errors, so this lists its warnings. Issues found here carry no line or column.
    #[pyo3(signature = (limits = None))]
    fn validate(&self, py: Python<'_>, limits: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<PyIssue>> {
        let limits = resolve(limits)?;
        let plan = &self.plan;
        Ok(wrap(py.detach(|| validate_with(plan, &limits))))
    }

    /// The warnings found when the plan was loaded (such as a challenge no initiative
    /// addresses); warnings never stop a plan from loading.
    #[getter]
    fn warnings(&self) -> Vec<PyIssue> {
        self.warnings.iter().cloned().map(PyIssue).collect()
    }

    /// The plan as a readable text tree in `lang` (`"ja"` or `"en"`), as `welfare-plan show`
    /// prints it.
    #[pyo3(signature = (lang = "ja"))]
    fn render(&self, lang: &str) -> PyResult<String> {
        Ok(render::tree(&self.plan, self::lang(lang)?))
    }

    /// The exchange format version, such as `1.0`.
    #[getter]
    fn schema_version(&self) -> &str {
        &self.plan.schema_version
    }

    /// The plan's id.
    #[getter]
    fn id(&self) -> &str {
        self.plan.id.as_str()
    }

    /// The plan's title, such as 第3期飯塚市地域福祉計画.
    #[getter]
    fn title(&self) -> PyText {
        PyText::of(&self.plan.title)
    }

    /// The edition (第n期), if the plan is numbered.
    #[getter]
    fn edition(&self) -> Option<u32> {
        self.plan.edition
    }

    /// The month the plan was published (発行年月), written `YYYY-MM`.
    #[getter]
    fn published(&self) -> Option<String> {
        self.plan.published.map(|m| m.to_string())
    }

    /// The municipality that adopts the plan.
    #[getter]
    fn municipality(&self) -> PyMunicipality {
        PyMunicipality {
            plan: Arc::clone(&self.plan),
        }
    }

    /// The plan period (計画期間) in fiscal years.
    #[getter]
    fn period(&self) -> PyPeriod {
        PyPeriod {
            plan: Arc::clone(&self.plan),
        }
    }

    /// The basic philosophy (基本理念).
    #[getter]
    fn philosophy(&self) -> PyPhilosophy {
        PyPhilosophy {
            plan: Arc::clone(&self.plan),
        }
    }

    /// The help model (自助・共助・公助).
    #[getter]
    fn help_model(&self) -> PyHelpModel {
        PyHelpModel {
            plan: Arc::clone(&self.plan),
        }
    }

    /// The challenges (課題).
    #[getter]
    fn challenges(&self) -> Vec<PyChallenge> {
        (0..self.plan.challenges.len())
            .map(|challenge| PyChallenge {
                plan: Arc::clone(&self.plan),
                challenge,
            })
            .collect()
    }

    /// The basic goals (基本目標).
    #[getter]
    fn goals(&self) -> Vec<PyGoal> {
        (0..self.plan.goals.len())
            .map(|g| PyGoal::new(&self.plan, g))
            .collect()
    }

    /// The actors (担い手).
    #[getter]
    fn actors(&self) -> Vec<PyActor> {
        (0..self.plan.actors.len())
            .map(|actor| PyActor {
                plan: Arc::clone(&self.plan),
                actor,
            })
            .collect()
    }

    /// The plan's `extensions` object (fields a city needs that the format lacks).
    #[getter]
    fn extensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.plan.extensions)
    }

    /// Every initiative (具体的取り組み) in document order, across all goals and targets.
    fn initiatives(&self) -> Vec<PyInitiative> {
        PyInitiative::all(&self.plan, self.plan.initiatives())
    }

    /// The initiatives in which some actor takes part in `sector`: a code (`self_help`,
    /// `reciprocal_help`, `mutual_help`, `public_help`) or a label (自助, 互助, 共助, 公助).
    ///
    /// ```python
    /// assert plan.initiatives_in_sector("自助") == plan.initiatives_in_sector("self_help")
    /// ```
    fn initiatives_in_sector(&self, sector: &str) -> PyResult<Vec<PyInitiative>> {
        let s = self::sector(sector)?;
        Ok(PyInitiative::all(&self.plan, self.plan.initiatives_in_sector(s)))
    }

    /// The initiatives that address the challenge `challenge_id`.
    fn initiatives_addressing(&self, challenge_id: &str) -> Vec<PyInitiative> {
        PyInitiative::all(&self.plan, self.plan.initiatives_addressing(challenge_id))
    }

    /// The basic goal with id `id`, or `None`.
    fn goal(&self, id: &str) -> Option<PyGoal> {
        match self.part(id)? {
            PartAt::Goal(g) => Some(PyGoal::new(&self.plan, g)),
            _ => None,
        }
    }

    /// The activity target with id `id`, or `None`.
    fn target(&self, id: &str) -> Option<PyTarget> {
        match self.part(id)? {
            PartAt::Target(g, t) => Some(PyTarget::new(&self.plan, g, t)),
            _ => None,
        }
    }

    /// The initiative with id `id`, or `None`.
    fn initiative(&self, id: &str) -> Option<PyInitiative> {
        match self.part(id)? {
            PartAt::Initiative(g, t, i) => Some(PyInitiative::new(&self.plan, g, t, i)),
            _ => None,
        }
    }

    /// The challenge with id `id`, or `None`.
    fn challenge(&self, id: &str) -> Option<PyChallenge> {
        match self.part(id)? {
            PartAt::Challenge(c) => Some(PyChallenge::at(&self.plan, c)),
            _ => None,
        }
    }

    /// The actor with id `id`, or `None`.
    fn actor(&self, id: &str) -> Option<PyActor> {
        match self.part(id)? {
            PartAt::Actor(a) => Some(PyActor::at(&self.plan, a)),
            _ => None,
        }
    }

    /// The goal, target, initiative, challenge or actor with id `id`, or `None`.
    ///
    /// ```python
    /// goal = plan.get("g1")
    /// ```
    fn get<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let plan = &self.plan;
        Ok(Some(match self.part(id) {
            None => return Ok(None),
            Some(PartAt::Goal(g)) => Bound::new(py, PyGoal::new(plan, g))?.into_any(),
            Some(PartAt::Target(g, t)) => Bound::new(py, PyTarget::new(plan, g, t))?.into_any(),
            Some(PartAt::Initiative(g, t, i)) => Bound::new(py, PyInitiative::new(plan, g, t, i))?.into_any(),
            Some(PartAt::Challenge(c)) => Bound::new(py, PyChallenge::at(plan, c))?.into_any(),
            Some(PartAt::Actor(a)) => Bound::new(py, PyActor::at(plan, a))?.into_any(),
        }))
    }

    /// Pickles the plan as its canonical JSON and the warnings found when it was loaded;
    /// unpickling parses and validates the JSON again with the core.
    ///
    /// ```python
    /// with concurrent.futures.ProcessPoolExecutor() as pool:
    ///     titles = list(pool.map(title_of, [plan_a, plan_b]))
    /// ```
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce_plan(py, &self.plan, &self.warnings)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Plan(id={}, title={}, goals={}, initiatives={})",
            py_repr(py, self.plan.id.as_str())?,
            py_repr(py, &self.plan.title.ja)?,
            self.plan.goals.len(),
            self.plan.initiatives().count()
        ))
    }
}
