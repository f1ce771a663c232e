//! The evaluation of a plan over its progress reports (`Plan.evaluate`): the core's
//! `Progress`, kept in Rust and shown through lazy views, with rows for data frames.

mod records;

use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;
use welfare_plan::report::{self, Progress};

use crate::issue::bad_argument;
use crate::json::to_python;
use crate::part::Part;
use crate::pickle::{reduce_progress, reduce_progress_part, Reduced};
use crate::plan::PyPlan;
use crate::report::{PyProgressReport, SharedReport};
use crate::text::lang;
use crate::view::{accessors, walk_from, Root, SharedPlan, Step};

/// An evaluation that a `Progress` and all its results share: the plan, the reports (for
/// pickling) and the core's results.
#[derive(Debug, PartialEq)]
pub struct SharedProgress {
    /// The plan evaluated.
    pub plan: Arc<SharedPlan>,
    /// The reports, each checked against the plan (shared with their `ProgressReport`s, not
    /// copied).
    pub reports: Vec<Arc<SharedReport>>,
    /// What the core computed.
    pub progress: Progress,
}

impl SharedProgress {
    /// Evaluates `plan` over `reports` (each already checked against it).
    pub fn evaluate(py: Python<'_>, plan: Arc<SharedPlan>, reports: Vec<Arc<SharedReport>>) -> Arc<Self> {
        let progress = py.detach(|| report::evaluate(&plan, reports.iter().map(|r| &r.report)));
        Arc::new(SharedProgress {
            plan,
            reports,
            progress,
        })
    }
}

impl Root for SharedProgress {
    fn resolve(&self, loc: &[Step]) -> Option<Part<'_>> {
        walk_from(Part::Progress(&self.progress), loc)
    }

    fn plan_of(root: &Arc<Self>) -> Option<&Arc<SharedPlan>> {
        Some(&root.plan)
    }

    fn reduce_part<'py>(&self, py: Python<'py>, kind: &str, loc: &[Step]) -> PyResult<Reduced<'py>> {
        reduce_progress_part(py, kind, self, loc)
    }
}

/// The evaluation of a plan over its progress reports (進行管理): for each indicator its
/// yearly value, achievement toward the target, expected share, status and grades; for each
/// node and each help sector its grades by year, computed beside the ones entered by hand.
///
/// Get one from `plan.evaluate(reports)` or `welfare_plan.evaluate(plan, reports)`. Every
/// number and grade is the core's, the same as `welfare-plan progress` prints.
///
/// ```python
/// progress = plan.evaluate([welfare_plan.load_report(p, plan) for p in paths])
/// frame = pandas.DataFrame(progress.indicator_records())
/// ```
#[pyclass(frozen, eq, module = "welfare_plan", name = "Progress")]
pub struct PyProgress {
    /// The evaluation.
    pub progress: Arc<SharedProgress>,
    /// The `Plan` object evaluated, which `plan` returns.
    evaluated: Py<PyPlan>,
}

impl PartialEq for PyProgress {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.progress, &other.progress) || self.progress == other.progress
    }
}

impl PyProgress {
    /// The evaluation of `plan` (the Python object, kept for `plan`) over `reports`.
    pub fn new(py: Python<'_>, plan: &Bound<'_, PyPlan>, reports: Vec<Arc<SharedReport>>) -> Self {
        let shared = Arc::clone(plan.get().shared());
        PyProgress {
            progress: SharedProgress::evaluate(py, shared, reports),
            evaluated: plan.clone().unbind(),
        }
    }

    /// The results, for the generated accessors.
    fn get(&self) -> PyResult<&Progress> {
        Ok(&self.progress.progress)
    }

    /// The root's location.
    fn loc(&self) -> &[Step] {
        &[]
    }

    /// The view of the series with `id` among `list` (held at `field`), or `None`.
    fn find<'py, T: crate::part::HasView<Root = SharedProgress>>(
        &self,
        py: Python<'py>,
        field: &'static str,
        at: Option<usize>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        at.map(|i| T::view(py, &self.progress, crate::view::child(&[], field, Some(i))))
            .transpose()
    }
}

/// Evaluates `plan` over `reports`, each a `ProgressReport` read against this very plan.
pub fn evaluate_reports(
    py: Python<'_>,
    plan: &Bound<'_, PyPlan>,
    reports: &Bound<'_, PyAny>,
) -> PyResult<PyProgress> {
    let shared = plan.get().shared();
    let mut list = Vec::new();
    for item in reports.try_iter()? {
        let item = item?;
        let report = item.cast::<PyProgressReport>().map_err(|_| {
            let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!(
                "expected ProgressReport objects (from loads_report or load_report), not `{kind}`"
            ))
        })?;
        let report = &report.get().report;
        let same = report
            .plan
            .as_ref()
            .is_some_and(|p| Arc::ptr_eq(p, shared) || **p == **shared);
        if !same {
            return Err(bad_argument(format!(
                "report `{}` was not read against this plan; read it with loads_report(document, plan) or load_report(path, plan)",
                report.report.id
            )));
        }
        list.push(Arc::clone(report));
    }
    Ok(PyProgress::new(py, plan, list))
}

/// Evaluates `plan` over its progress reports, as `plan.evaluate(reports)` does.
///
/// ```python
/// progress = welfare_plan.evaluate(plan, reports)
/// ```
#[pyfunction]
pub fn evaluate(
    py: Python<'_>,
    plan: &Bound<'_, PyPlan>,
    reports: &Bound<'_, PyAny>,
) -> PyResult<PyProgress> {
    evaluate_reports(py, plan, reports)
}

accessors! {
    PyProgress in progress => Progress;
    fields: [years];
    parts: [indicators, nodes, sectors];
    refs: [];
    {
        /// The plan evaluated.
        #[getter]
        fn plan<'py>(&self, py: Python<'py>) -> Bound<'py, PyPlan> {
            self.evaluated.bind(py).clone()
        }

        /// The series of the indicator with id `id`, or `None`.
        fn indicator<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            let at = self.get()?.indicators.iter().position(|s| s.id == id);
            self.find::<report::IndicatorSeries>(py, "indicators", at)
        }

        /// The series of the node with id `id`, or `None`.
        fn node<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            let at = self.get()?.nodes.iter().position(|s| s.id == id);
            self.find::<report::NodeSeries>(py, "nodes", at)
        }

        /// The series of the help sector `sector` (a code, such as `self_help`, or a label of
        /// the plan's help model, such as 自助), or `None`.
        fn sector<'py>(&self, py: Python<'py>, sector: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
            let code = self.progress.plan.sector_code(sector).unwrap_or(sector);
            let at = self.get()?.sectors.iter().position(|s| s.sector == code);
            self.find::<report::SectorSeries>(py, "sectors", at)
        }

        /// The results as plain data, as the core serialises them: the `progress` member of
        /// `welfare-plan progress --format json`.
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_python(py, &self.progress.progress)
        }

        /// The evaluation as readable text in `lang` (`"ja"` or `"en"`), as
        /// `welfare-plan progress` prints it.
        #[pyo3(signature = (lang = "ja"))]
        fn render<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyString>> {
            let lang = self::lang(lang)?;
            let p = &self.progress;
            let text = py.detach(|| welfare_plan::render::progress(&p.plan, &p.progress, lang));
            Ok(PyString::new(py, &text))
        }

        /// One dict per indicator and report year, for `pandas.DataFrame`: `indicator`,
        /// `name_ja`, `name_en`, `unit_ja`, `node` (the id of the node that holds it, or
        /// `None`), `baseline`, `fiscal_year`, `value`, `target`, `achievement`, `expected`,
        /// `status`, then `grade.<scale>` for each scale that grades indicators.
        fn indicator_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            records::indicators(py, &self.progress)
        }

        /// One dict per node, scale that grades nodes, and report year: `node`, `label`,
        /// `title_ja`, `title_en`, `depth`, `fiscal_year`, `scale`, `entered` (by hand in the
        /// report) and `computed` (by the scale's method), side by side.
        fn node_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            records::nodes(py, &self.progress)
        }

        /// One dict per help sector, scale that grades nodes, and report year: `sector`,
        /// `label`, `fiscal_year`, `scale`, `computed`.
        fn sector_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            records::sectors(py, &self.progress)
        }

        /// Pickles the evaluation as its plan and its reports; unpickling checks the reports
        /// against the plan and evaluates again with the core.
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
            reduce_progress(py, self.evaluated.bind(py), &self.progress.reports)
        }

        fn __repr__(&self) -> String {
            let p = &self.progress.progress;
            let years: Vec<String> = p.years.iter().map(|y| y.0.to_string()).collect();
            format!(
                "Progress(years=[{}], indicators={}, nodes={}, sectors={})",
                years.join(", "),
                p.indicators.len(),
                p.nodes.len(),
                p.sectors.len()
            )
        }
    }
}
