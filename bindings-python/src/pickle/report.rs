//! Pickling progress reports and evaluations, as plans are pickled: each is the smallest state
//! the core can rebuild it from, checked again on the way in.
//!
//! - A `ProgressReport` is its canonical JSON, the `Plan` it was checked against (which
//!   pickles itself) or `None`, and its warnings; unpickling checks the JSON against the plan.
//! - A part of a report (`Actual`, `NodeReport` …) is the report's and the plan's canonical
//!   JSON and its JSON Pointer in the report.
//! - A `Progress` is its `Plan` and its reports' canonical JSON; unpickling checks each report
//!   against the plan and evaluates again. A result inside it (`IndicatorSeries` …) is the
//!   plan's and the reports' JSON and its JSON Pointer in `Progress.to_dict()`.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString};
use welfare_plan::report::{self, ProgressReport};
use welfare_plan::{Issue, Limits, Plan};

use super::{restorer, trusted_plan, Reduced};
use crate::issue::{bad_argument, report_error_in, PyIssue};
use crate::part::{parse_pointer, Part};
use crate::plan::PyPlan;
use crate::progress::{PyProgress, SharedProgress};
use crate::report::{PyProgressReport, SharedReport};
use crate::view::{pointer, Root, SharedPlan, Step};

static RESTORE_REPORT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_REPORT_PART: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_PROGRESS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_PROGRESS_PART: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The pickled state of a report: its canonical JSON, its plan and its load-time warnings.
pub fn reduce_report<'py>(
    py: Python<'py>,
    report: &ProgressReport,
    plan: Option<Bound<'py, PyPlan>>,
    warnings: &[Issue],
) -> PyResult<Reduced<'py>> {
    let json = py.detach(|| report.to_canonical_json());
    let warnings = PyList::new(py, warnings.iter().cloned().map(PyIssue))?;
    let args = (json, plan, warnings).into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_REPORT, "_restore_report")?, args))
}

/// The pickled state of a part of a report: its class name, the report's and its plan's
/// canonical JSON, and its JSON Pointer in the report.
pub fn reduce_report_part<'py>(
    py: Python<'py>,
    kind: &str,
    shared: &SharedReport,
    loc: &[Step],
) -> PyResult<Reduced<'py>> {
    let (json, plan) = py.detach(|| {
        let plan = shared.plan.as_ref().map(|p| p.to_canonical_json());
        (shared.report.to_canonical_json(), plan)
    });
    let args = (kind, json, plan, pointer(loc)).into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_REPORT_PART, "_restore_report_part")?, args))
}

/// The pickled state of an evaluation: its `Plan` and its reports' canonical JSON.
pub fn reduce_progress<'py>(
    py: Python<'py>,
    plan: &Bound<'py, PyPlan>,
    reports: &[Arc<SharedReport>],
) -> PyResult<Reduced<'py>> {
    let reports = py.detach(|| {
        reports
            .iter()
            .map(|r| r.report.to_canonical_json())
            .collect::<Vec<_>>()
    });
    let args = (plan, reports).into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_PROGRESS, "_restore_progress")?, args))
}

/// The pickled state of a result of an evaluation: its class name, the plan's and the
/// reports' canonical JSON, and its JSON Pointer in the results.
pub fn reduce_progress_part<'py>(
    py: Python<'py>,
    kind: &str,
    shared: &SharedProgress,
    loc: &[Step],
) -> PyResult<Reduced<'py>> {
    let (plan, reports) = py.detach(|| {
        let reports: Vec<String> = shared
            .reports
            .iter()
            .map(|r| r.report.to_canonical_json())
            .collect();
        (shared.plan.to_canonical_json(), reports)
    });
    let args = (kind, plan, reports, pointer(loc)).into_pyobject(py)?;
    Ok((
        restorer(py, &RESTORE_PROGRESS_PART, "_restore_progress_part")?,
        args,
    ))
}

/// A report from pickled canonical JSON, checked again by the core against `plan` (or for its
/// shape), without limits: a pickle is trusted input, as pickle requires, and the report passed
/// the limits it was first read with.
fn trusted_report(
    py: Python<'_>,
    canonical: &str,
    plan: Option<&Plan>,
) -> PyResult<(ProgressReport, Vec<Issue>)> {
    let input = canonical.as_bytes();
    let limits = Limits::unlimited();
    let checked = py.detach(|| match plan {
        Some(plan) => report::check_report(input, plan, &limits),
        None => report::parse_report(input, &limits),
    });
    let valid = checked.is_valid();
    match checked.report {
        Some(r) if valid => Ok((r, checked.issues)),
        _ => Err(report_error_in(py, checked.issues, None)),
    }
}

/// The plan of a pickled part, if any, shared.
fn trusted_shared_plan(
    py: Python<'_>,
    canonical: Option<&Bound<'_, PyString>>,
) -> PyResult<Option<Arc<SharedPlan>>> {
    canonical
        .map(|c| trusted_plan(py, c).map(SharedPlan::new))
        .transpose()
}

/// The view of class `kind` at `path` in `root`, or a `ValueError` naming what was asked.
fn part_at<'py, R: Root>(
    py: Python<'py>,
    root: &Arc<R>,
    start: Part<'_>,
    kind: &str,
    path: &str,
    what: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let no_part = || {
        bad_argument(format!(
            "cannot unpickle: `{kind}` at `{path}` is no part of the pickled {what}"
        ))
    };
    let (loc, part) = parse_pointer(start, path).ok_or_else(no_part)?;
    if part.kind() != kind {
        return Err(no_part());
    }
    part.view(py, root, loc)?.ok_or_else(no_part)
}

/// Rebuilds a pickled `ProgressReport`. Raises `PlanError` if the JSON is not a valid report of
/// the plan.
#[pyfunction(name = "_restore_report")]
pub fn restore_report(
    py: Python<'_>,
    canonical: &str,
    plan: Option<Bound<'_, PyPlan>>,
    warnings: Vec<PyRef<'_, PyIssue>>,
) -> PyResult<PyProgressReport> {
    let shared = plan.as_ref().map(|p| Arc::clone(p.get().shared()));
    let (report, _) = trusted_report(py, canonical, shared.as_deref().map(|s| &**s))?;
    let warnings = warnings.iter().map(|w| w.0.clone()).collect();
    Ok(PyProgressReport::new(report, plan.as_ref(), warnings))
}

/// Rebuilds a pickled part of a report. Raises `PlanError` if the JSON is not a valid report
/// of the plan, and `ValueError` if the pointer does not lead to a part of class `kind`.
#[pyfunction(name = "_restore_report_part")]
pub fn restore_report_part<'py>(
    py: Python<'py>,
    kind: &str,
    canonical: &str,
    plan: Option<Bound<'py, PyString>>,
    path: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let plan = trusted_shared_plan(py, plan.as_ref())?;
    let (report, _) = trusted_report(py, canonical, plan.as_deref().map(|s| &**s))?;
    let root = Arc::new(SharedReport { report, plan });
    part_at(py, &root, Part::Report(&root.report), kind, path, "report")
}

/// The reports of a pickled evaluation, each checked against `plan`.
fn trusted_reports(
    py: Python<'_>,
    plan: &Arc<SharedPlan>,
    reports: &[String],
) -> PyResult<Vec<Arc<SharedReport>>> {
    reports
        .iter()
        .map(|r| {
            let (report, _) = trusted_report(py, r, Some(plan))?;
            Ok(Arc::new(SharedReport {
                report,
                plan: Some(Arc::clone(plan)),
            }))
        })
        .collect()
}

/// Rebuilds a pickled `Progress`: checks the reports against the plan and evaluates again.
#[pyfunction(name = "_restore_progress")]
pub fn restore_progress(
    py: Python<'_>,
    plan: Bound<'_, PyPlan>,
    reports: Vec<String>,
) -> PyResult<PyProgress> {
    let reports = trusted_reports(py, plan.get().shared(), &reports)?;
    Ok(PyProgress::new(py, &plan, reports))
}

/// Rebuilds a pickled result of an evaluation. Raises `PlanError` if the plan or a report is
/// not valid, and `ValueError` if the pointer does not lead to a result of class `kind`.
#[pyfunction(name = "_restore_progress_part")]
pub fn restore_progress_part<'py>(
    py: Python<'py>,
    kind: &str,
    plan: Bound<'py, PyString>,
    reports: Vec<String>,
    path: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let plan = SharedPlan::new(trusted_plan(py, &plan)?);
    let reports = trusted_reports(py, &plan, &reports)?;
    let root = SharedProgress::evaluate(py, plan, reports);
    part_at(
        py,
        &root,
        Part::Progress(&root.progress),
        kind,
        path,
        "evaluation",
    )
}
