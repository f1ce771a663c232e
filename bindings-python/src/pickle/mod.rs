//! Pickling, for `multiprocessing` and cluster workers: every object is pickled as the
//! smallest state the core can rebuild it from, and unpickling rebuilds it through the core.
//!
//! - A `Plan` is its canonical JSON plus the warnings found when it was loaded; unpickling
//!   parses and validates that JSON again with the core (so a pickle can never smuggle in an
//!   invalid plan) and keeps the original warnings, whose lines and columns point into the
//!   text the plan was first read from.
//! - A part (`Node`, `Indicator`, `Period` …) is its plan's canonical JSON plus its JSON
//!   Pointer in it, so each pickled part carries a copy of its plan: to send many parts of one
//!   large plan, send the plan and the parts' ids instead.
//! - An `Issue`, a `Text` and `Limits` are their fields.
//! - Progress reports and evaluations are their documents again ([`report`]).
//!
//! Each `__reduce__` names one of the private `_restore_*` functions of `welfare_plan._native`.

pub mod report;

pub use report::{reduce_progress, reduce_progress_part, reduce_report, reduce_report_part};

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyTuple};
use welfare_plan::{Issue, IssueCode, Limits, Path, PathSegment, Plan, Text};

use crate::input::check;
use crate::issue::{bad_argument, plan_error, PyIssue};
use crate::limits::PyLimits;
use crate::part::{parse_pointer, Part};
use crate::plan::PyPlan;
use crate::text::PyText;
use crate::view::{pointer, SharedPlan, Step};

/// What `__reduce__` returns: the function that rebuilds the object, and its arguments.
pub type Reduced<'py> = (Bound<'py, PyAny>, Bound<'py, PyTuple>);

static RESTORE_PLAN: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_PART: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_ISSUE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_TEXT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static RESTORE_LIMITS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The module's own `_restore_*` function: pickle stores functions by name and checks that
/// the name finds the very object returned.
pub(crate) fn restorer<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyAny>>,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(cell.import(py, "welfare_plan._native", name)?.clone())
}

/// The pickled state of a plan: its canonical JSON and its load-time warnings.
pub fn reduce_plan<'py>(py: Python<'py>, plan: &Plan, warnings: &[Issue]) -> PyResult<Reduced<'py>> {
    let json = py.detach(|| plan.to_canonical_json());
    let warnings = PyList::new(py, warnings.iter().cloned().map(PyIssue))?;
    let args = PyTuple::new(py, [PyString::new(py, &json).into_any(), warnings.into_any()])?;
    Ok((restorer(py, &RESTORE_PLAN, "_restore_plan")?, args))
}

/// The pickled state of a part: its class name, its plan's canonical JSON and its JSON
/// Pointer.
pub fn reduce_part<'py>(py: Python<'py>, kind: &str, plan: &Plan, loc: &[Step]) -> PyResult<Reduced<'py>> {
    let json = py.detach(|| plan.to_canonical_json());
    let args = (kind, json, pointer(loc)).into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_PART, "_restore_part")?, args))
}

/// The pickled state of an issue: code, path (keys as `str`, indices as `int`), messages,
/// line and column.
pub fn reduce_issue<'py>(py: Python<'py>, issue: &Issue) -> PyResult<Reduced<'py>> {
    let path = PyList::empty(py);
    for segment in issue.path.segments() {
        match segment {
            PathSegment::Key(k) => path.append(k.as_ref())?,
            PathSegment::Index(i) => path.append(*i)?,
        }
    }
    let args = (
        issue.code.as_str(),
        PyTuple::new(py, path)?,
        &issue.message_ja,
        &issue.message_en,
        issue.line,
        issue.column,
        issue.cell.as_deref(),
    )
        .into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_ISSUE, "_restore_issue")?, args))
}

/// The pickled state of a text: `ja` and `en`.
pub fn reduce_text<'py>(py: Python<'py>, text: &Text) -> PyResult<Reduced<'py>> {
    let args = (&text.ja, &text.en).into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_TEXT, "_restore_text")?, args))
}

/// The pickled state of limits: the five numbers.
pub fn reduce_limits<'py>(py: Python<'py>, l: &Limits) -> PyResult<Reduced<'py>> {
    let args = (
        l.max_input_bytes,
        l.max_depth,
        l.max_text_chars,
        l.max_elements,
        l.max_issues,
    )
        .into_pyobject(py)?;
    Ok((restorer(py, &RESTORE_LIMITS, "_restore_limits")?, args))
}

/// A plan from pickled canonical JSON, parsed and validated by the core. The plan passed the
/// limits it was loaded with; its canonical form may be larger than the defaults allow (it is
/// indented), so it is checked without limits: a pickle is trusted input, as pickle requires.
pub(crate) fn trusted_plan(py: Python<'_>, canonical: &Bound<'_, PyString>) -> PyResult<Plan> {
    let bytes = crate::input::document_bytes(canonical.as_any())?;
    let checked = check(py, &bytes, &Limits::unlimited());
    let valid = checked.is_valid();
    match checked.plan {
        Some(plan) if valid => Ok(plan),
        _ => Err(plan_error(py, checked.issues)),
    }
}

/// Rebuilds a pickled `Plan`. Raises `PlanError` if the JSON is not a valid plan.
#[pyfunction(name = "_restore_plan")]
pub fn restore_plan(
    py: Python<'_>,
    canonical: &Bound<'_, PyString>,
    warnings: Vec<PyRef<'_, PyIssue>>,
) -> PyResult<PyPlan> {
    let plan = trusted_plan(py, canonical)?;
    Ok(PyPlan::new(plan, warnings.iter().map(|w| w.0.clone()).collect()))
}

/// Rebuilds a pickled part of a plan. Raises `PlanError` if the JSON is not a valid plan, and
/// `ValueError` if the pointer does not lead to a part of class `kind`.
#[pyfunction(name = "_restore_part")]
pub fn restore_part<'py>(
    py: Python<'py>,
    kind: &str,
    canonical: &Bound<'py, PyString>,
    path: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let plan = SharedPlan::new(trusted_plan(py, canonical)?);
    let no_part = || {
        bad_argument(format!(
            "cannot unpickle: `{kind}` at `{path}` is no part of the pickled plan"
        ))
    };
    let (loc, part) = parse_pointer(Part::Plan(&plan), path).ok_or_else(no_part)?;
    if part.kind() != kind {
        return Err(no_part());
    }
    part.view(py, &plan, loc)?.ok_or_else(no_part)
}

/// Rebuilds a pickled `Issue`. Raises `ValueError` for a code this version does not know.
#[pyfunction(name = "_restore_issue")]
#[pyo3(signature = (code, path, message_ja, message_en, line, column, cell = None))]
pub fn restore_issue(
    code: &str,
    path: &Bound<'_, PyTuple>,
    message_ja: String,
    message_en: String,
    line: Option<u32>,
    column: Option<u32>,
    cell: Option<String>,
) -> PyResult<PyIssue> {
    let code = IssueCode::parse(code).ok_or_else(|| {
        bad_argument(format!(
            "cannot unpickle an issue with code `{code}`, which this version of welfare_plan does not know"
        ))
    })?;
    let mut segments = Vec::with_capacity(path.len());
    for segment in path.iter() {
        segments.push(match segment.extract::<usize>() {
            Ok(i) => PathSegment::Index(i),
            Err(_) => PathSegment::Key(Cow::Owned(segment.extract::<String>()?)),
        });
    }
    let mut issue = Issue::new(code, Path(segments), message_en, message_ja);
    issue.line = line;
    issue.column = column;
    issue.cell = cell;
    Ok(PyIssue(issue))
}

/// Rebuilds a pickled `Text`.
#[pyfunction(name = "_restore_text")]
pub fn restore_text(ja: String, en: Option<String>) -> PyText {
    PyText(Text { ja, en })
}

/// Rebuilds pickled `Limits`.
#[pyfunction(name = "_restore_limits")]
pub fn restore_limits(
    max_input_bytes: usize,
    max_depth: usize,
    max_text_chars: usize,
    max_elements: usize,
    max_issues: usize,
) -> PyLimits {
    PyLimits(Limits {
        max_input_bytes,
        max_depth,
        max_text_chars,
        max_elements,
        max_issues,
    })
}
