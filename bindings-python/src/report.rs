//! Progress reports (進行管理): reading one against its plan, and `ProgressReport`, a checked
//! report kept in Rust and shown to Python through lazy views, like a plan.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyString;
use welfare_plan::report::{self, CheckedReport, ProgressReport};
use welfare_plan::{Issue, Limits};

use crate::input::{document as read_document, document_bytes, Document};
use crate::issue::{report_error_in, wrap, PyIssue};
use crate::json::{py_repr, to_python};
use crate::limits::resolve;
use crate::part::Part;
use crate::pickle::{reduce_report, reduce_report_part, Reduced};
use crate::plan::PyPlan;
use crate::view::{accessors, walk_from, Root, SharedPlan, Step};

/// The report that a `ProgressReport` and all its views share, with the plan it was checked
/// against (`None` when it was read for its shape only), whose parts its ids name.
#[derive(Debug, PartialEq)]
pub struct SharedReport {
    /// The report.
    pub report: ProgressReport,
    /// The plan it was checked against.
    pub plan: Option<Arc<SharedPlan>>,
}

impl Root for SharedReport {
    fn resolve(&self, loc: &[Step]) -> Option<Part<'_>> {
        walk_from(Part::Report(&self.report), loc)
    }

    fn plan_of(root: &Arc<Self>) -> Option<&Arc<SharedPlan>> {
        root.plan.as_ref()
    }

    fn reduce_part<'py>(&self, py: Python<'py>, kind: &str, loc: &[Step]) -> PyResult<Reduced<'py>> {
        reduce_report_part(py, kind, self, loc)
    }
}

/// A progress report (進行管理の評価) with no errors: one fiscal year's evaluation of a plan,
/// read against that plan (or, with `plan=None`, for its shape only).
///
/// Get one from `loads_report` or `load_report`. Its ids name parts of the plan and are shown
/// resolved beside them (`actual.indicator` / `actual.indicator_id`); `Plan.evaluate` turns
/// reports into achievements, statuses and grades.
///
/// ```python
/// report = welfare_plan.load_report("report-2025.json", plan)
/// for a in report.observations:
///     print(a.indicator.name.ja, a.value)
/// ```
#[pyclass(frozen, eq, module = "welfare_plan", name = "ProgressReport")]
pub struct PyProgressReport {
    /// The report and its plan.
    pub report: Arc<SharedReport>,
    /// The `Plan` object it was read against, which `checked_against` returns.
    against: Option<Py<PyPlan>>,
    /// The warnings found when it was read.
    warnings: Vec<Issue>,
}

impl PartialEq for PyProgressReport {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.report, &other.report) || self.report == other.report
    }
}

impl PyProgressReport {
    /// A report checked against `plan` (or read without one), and its warnings.
    pub fn new(report: ProgressReport, plan: Option<&Bound<'_, PyPlan>>, warnings: Vec<Issue>) -> Self {
        PyProgressReport {
            report: Arc::new(SharedReport {
                report,
                plan: plan.map(|p| Arc::clone(p.get().shared())),
            }),
            against: plan.map(|p| p.clone().unbind()),
            warnings,
        }
    }

    /// The report if `checked` has no errors, else `PlanError` with every issue.
    pub fn from_checked(
        py: Python<'_>,
        checked: CheckedReport,
        plan: Option<&Bound<'_, PyPlan>>,
    ) -> PyResult<Self> {
        Self::from_checked_in(py, checked, plan, None)
    }

    /// [`PyProgressReport::from_checked`] for a report read from `file`, which `PlanError`
    /// then names.
    pub fn from_checked_in(
        py: Python<'_>,
        checked: CheckedReport,
        plan: Option<&Bound<'_, PyPlan>>,
        file: Option<&str>,
    ) -> PyResult<Self> {
        let valid = checked.is_valid();
        match checked.report {
            Some(report) if valid => Ok(PyProgressReport::new(report, plan, checked.issues)),
            _ => Err(report_error_in(py, checked.issues, file)),
        }
    }

    /// The report, for the generated accessors.
    fn get(&self) -> PyResult<&ProgressReport> {
        Ok(&self.report.report)
    }

    /// The report's location: the root.
    fn loc(&self) -> &[Step] {
        &[]
    }
}

/// Checks a document as a progress report: against `plan`, or for its shape only.
pub fn check_document(
    py: Python<'_>,
    doc: &Document<'_>,
    plan: Option<&Bound<'_, PyPlan>>,
    limits: &Limits,
) -> CheckedReport {
    let shared = plan.map(|p| Arc::clone(p.get().shared()));
    doc.check_by(py, |input| match &shared {
        Some(shared) => shared.check_report(input, limits),
        None => report::parse_report(input, limits),
    })
}

accessors! {
    PyProgressReport in report => ProgressReport;
    fields: [document, schema_version, id, fiscal_year, evaluated_by, evaluated_on, extensions];
    parts: [plan, observations, nodes, opinions];
    refs: [];
    {
        /// Canonical JSON, byte for byte what `welfare-plan export --plan PLAN REPORT` writes:
        /// fields in the format's order, two-space indentation, UTF-8, a trailing newline.
        ///
        /// ```python
        /// assert welfare_plan.loads_report(report.to_json(), plan) == report
        /// ```
        fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
            let report = &self.report.report;
            let text = py.detach(|| report.to_canonical_json());
            PyString::new(py, &text)
        }

        /// The same canonical JSON as `to_json`, named as `json.dumps` is.
        fn dumps<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
            self.to_json(py)
        }

        /// Writes canonical JSON to a path (UTF-8) or to a text file object's `write`.
        fn dump(&self, py: Python<'_>, target: &Bound<'_, PyAny>) -> PyResult<()> {
            let report = &self.report.report;
            let text = py.detach(|| report.to_canonical_json());
            if target.hasattr("write")? {
                target.call_method1("write", (text,))?;
                return Ok(());
            }
            let path: PathBuf = target.extract()?;
            py.detach(|| std::fs::write(&path, text.as_bytes()))?;
            Ok(())
        }

        /// The report as plain data (dicts and lists), in the format's field order.
        fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            to_python(py, &self.report.report)
        }

        /// The report as its evaluation workbook (xlsx bytes), every indicator and node of its
        /// plan listed with this report's values and grades, as `welfare-plan export REPORT
        /// --plan PLAN --format xlsx` writes it. Raises `ValueError` for a report read without
        /// its plan.
        #[pyo3(signature = (lang = "ja"))]
        fn to_xlsx<'py>(&self, py: Python<'py>, lang: &str) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
            let lang = crate::text::lang(lang)?;
            let Some(plan) = self.report.plan.as_ref() else {
                return Err(crate::issue::bad_argument(
                    "the report was read without its plan; read it with loads_report(document, plan)".to_owned(),
                ));
            };
            let report = &self.report.report;
            let book = py
                .detach(|| welfare_plan::sheet::report_xlsx(plan, report, lang))
                .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
            Ok(pyo3::types::PyBytes::new(py, &book))
        }

        /// The warnings found when the report was read (such as an indicator with no entry for
        /// the year); warnings never stop a report from loading.
        #[getter]
        fn warnings(&self) -> Vec<PyIssue> {
            wrap(self.warnings.clone())
        }

        /// The plan the report was checked against, whose parts its ids resolve to; `None`
        /// for a report read for its shape only.
        #[getter]
        fn checked_against<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyPlan>> {
            self.against.as_ref().map(|p| p.bind(py).clone())
        }

        /// Pickles the report as its canonical JSON, the plan it was checked against and its
        /// warnings; unpickling checks the JSON against the plan again with the core.
        fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
            let plan = self.against.as_ref().map(|p| p.bind(py).clone());
            reduce_report(py, &self.report.report, plan, &self.warnings)
        }

        fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
            let r = &self.report.report;
            Ok(format!(
                "ProgressReport(id={}, plan={}, fiscal_year={}, observations={}, nodes={})",
                py_repr(py, r.id.as_str())?,
                py_repr(py, r.plan.id.as_str())?,
                r.fiscal_year,
                r.observations.len(),
                r.nodes.len()
            ))
        }
    }
}

/// The plan argument of the report functions: a `Plan`, or `None` to read a report's shape
/// only.
type PlanArg<'a, 'py> = Option<&'a Bound<'py, PyPlan>>;

/// Parses a progress report given as `str`, `bytes`, `bytearray` or `memoryview`, as report
/// data (a dict, as `json.load` returns it: issues then carry its paths and no line), as a path
/// (`os.PathLike`) or a readable file object, as `loads` takes a plan, and checks it against
/// `plan` (its plan id and hash, its fiscal year, every id it names, every grade code); with
/// `plan=None`, only its shape. Returns the report when it has no errors (warnings are kept in
/// `report.warnings`); raises `PlanError` carrying every issue otherwise.
///
/// ```python
/// report = welfare_plan.loads_report(pathlib.Path("report-2025.json").read_bytes(), plan)
/// report = welfare_plan.loads_report(json.load(open("report-2025.json", encoding="utf-8")), plan)
/// ```
#[pyfunction]
#[pyo3(signature = (document, plan, limits = None))]
pub fn loads_report(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
    plan: PlanArg<'_, '_>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyProgressReport> {
    let limits = resolve(limits)?;
    let doc = read_document(py, document, &limits, false, "report data")?;
    PyProgressReport::from_checked_in(
        py,
        check_document(py, &doc, plan, &limits),
        plan,
        doc.file.as_deref(),
    )
}

/// Reads a progress report from a path (`str` or `os.PathLike`) or a readable file object, then
/// checks it as `loads_report` does; also takes what `loads_report` takes (bytes, report data),
/// as `load` does for plans.
///
/// ```python
/// report = welfare_plan.load_report("report-2025.json", plan)
/// ```
#[pyfunction]
#[pyo3(signature = (source, plan, limits = None))]
pub fn load_report(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    plan: PlanArg<'_, '_>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyProgressReport> {
    let limits = resolve(limits)?;
    let doc = read_document(py, source, &limits, true, "report data")?;
    let checked = check_document(py, &doc, plan, &limits);
    PyProgressReport::from_checked_in(py, checked, plan, doc.file.as_deref())
}

/// Every issue in a progress report checked against `plan` (or, with `plan=None`, in its
/// shape), errors and warnings in the core's order, each with a line and column; never raises
/// for a bad document. Takes what `loads_report` takes: report data (a dict) gives issues at
/// their paths in the data and no line.
///
/// ```python
/// for issue in welfare_plan.validate_report(document, plan):
///     print(issue.code, issue.path, issue.line)
/// ```
#[pyfunction]
#[pyo3(signature = (document, plan, limits = None))]
pub fn validate_report(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
    plan: PlanArg<'_, '_>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyIssue>> {
    let limits = resolve(limits)?;
    let doc = read_document(py, document, &limits, false, "report data")?;
    Ok(wrap(check_document(py, &doc, plan, &limits).issues))
}

/// Whether a document says it is a progress report (`"document": "progress_report"` at its
/// top), to tell a report from a plan before reading it.
///
/// ```python
/// read = welfare_plan.loads_report if welfare_plan.is_progress_report(data) else welfare_plan.loads
/// ```
#[pyfunction]
pub fn is_progress_report(document: &Bound<'_, PyAny>) -> PyResult<bool> {
    let bytes = document_bytes(document)?;
    Ok(report::is_progress_report(bytes.as_bytes()))
}

/// `sha256:` and the hex SHA-256 of the plan's canonical JSON: what a report of this plan
/// records in `plan.hash`, as `welfare-plan hash` prints it.
///
/// ```python
/// assert report.plan.hash == welfare_plan.plan_hash(plan)
/// ```
#[pyfunction]
pub fn plan_hash(py: Python<'_>, plan: &Bound<'_, PyPlan>) -> String {
    let shared = Arc::clone(plan.get().shared());
    py.detach(|| shared.hash().to_owned())
}
