//! Issues as Python objects, and the exceptions that carry them.

use std::hash::{Hash, Hasher};

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};
use welfare_plan::Issue;

use crate::json::py_repr;
use crate::pickle::{reduce_issue, Reduced};

/// One problem found in a document: a stable code, a severity, a JSON Pointer, messages in
/// Japanese and English, and the line and column when the issue came from parsing text.
///
/// ```python
/// issue = welfare_plan.validate(b"[]")[0]
/// assert (issue.code, issue.path) == ("schema.wrong_type", "")
/// ```
#[pyclass(frozen, eq, hash, module = "welfare_plan", name = "Issue")]
pub struct PyIssue(pub Issue);

impl PartialEq for PyIssue {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Hash for PyIssue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let i = &self.0;
        (i.code, &i.path, &i.message_en, i.line, i.column).hash(state);
    }
}

#[pymethods]
impl PyIssue {
    /// The stable code, such as `schema.unknown_field`; filter and translate by it.
    #[getter]
    fn code(&self) -> &'static str {
        self.0.code.as_str()
    }

    /// `"error"` (the document is invalid) or `"warning"` (worth a look; still valid).
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.as_str()
    }

    /// Where, as a JSON Pointer such as `/nodes/0/title/ja`; `""` is the whole document.
    #[getter]
    fn path(&self) -> String {
        self.0.path.to_string()
    }

    /// What is wrong, in Japanese.
    #[getter]
    fn message_ja(&self) -> &str {
        &self.0.message_ja
    }

    /// What is wrong, in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.0.message_en
    }

    /// The 1-based line in the source text, when known.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.0.line
    }

    /// The 1-based column (in characters) in the source text, when known.
    #[getter]
    fn column(&self) -> Option<u32> {
        self.0.column
    }

    /// The spreadsheet cell with its sheet (`体系!H14`), for an issue found by `import_plan` or
    /// `import_report`; `None` for a JSON document.
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.0.cell.as_deref()
    }

    /// Whether this issue makes the document invalid.
    #[getter]
    fn is_error(&self) -> bool {
        self.0.is_error()
    }

    /// The issue as a plain dict, the same fields as the CLI's JSON output.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("path", self.path())?;
        d.set_item("message_ja", self.message_ja())?;
        d.set_item("message_en", self.message_en())?;
        d.set_item("line", self.0.line)?;
        d.set_item("column", self.0.column)?;
        // As in the CLI's JSON: a spreadsheet's issue has its cell; others have no such key.
        if let Some(cell) = self.cell() {
            d.set_item("cell", cell)?;
        }
        Ok(d)
    }

    /// Pickles the issue as its fields, so that `PlanError` keeps its issues across processes.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce_issue(py, &self.0)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let i = &self.0;
        let pos = match (i.line, i.column, &i.cell) {
            (Some(l), Some(c), _) => format!(", line={l}, column={c}"),
            (_, _, Some(cell)) => format!(", cell={}", py_repr(py, cell)?),
            _ => String::new(),
        };
        Ok(format!(
            "Issue(code={}, severity={}, path={}{pos}, message_en={})",
            py_repr(py, self.code())?,
            py_repr(py, self.severity())?,
            py_repr(py, &self.path())?,
            py_repr(py, &i.message_en)?,
        ))
    }
}

/// Wraps core issues for Python.
pub fn wrap(issues: Vec<Issue>) -> Vec<PyIssue> {
    issues.into_iter().map(PyIssue).collect()
}

static PLAN_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static ERA_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_NAME_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `welfare_plan.PlanError` carrying every issue (warnings included), with the core's summary
/// as its message.
pub fn plan_error(py: Python<'_>, issues: Vec<Issue>) -> PyErr {
    plan_error_in(py, issues, None)
}

/// [`plan_error`] for a document read from `file`: the message starts with the file's name,
/// and the error's `filename` is set, as `OSError`'s is.
pub fn plan_error_in(py: Python<'_>, issues: Vec<Issue>, file: Option<&str>) -> PyErr {
    document_error(py, welfare_plan::Error::Invalid(issues), file)
}

/// [`plan_error_in`] for a progress report: the same `PlanError`, with the core's summary of
/// an invalid report (`invalid progress report: …`).
pub fn report_error_in(py: Python<'_>, issues: Vec<Issue>, file: Option<&str>) -> PyErr {
    document_error(py, welfare_plan::Error::InvalidReport(issues), file)
}

/// `PlanError` for the core's error `err` (an invalid plan or report) read from `file`.
fn document_error(py: Python<'_>, err: welfare_plan::Error, file: Option<&str>) -> PyErr {
    let in_file = |summary: String| match file {
        Some(f) => format!("{f}: {summary}"),
        None => summary,
    };
    let message = in_file(err.message(welfare_plan::Lang::En));
    let message_ja = in_file(err.message(welfare_plan::Lang::Ja));
    let issues = match err {
        welfare_plan::Error::Invalid(issues) | welfare_plan::Error::InvalidReport(issues) => issues,
        _ => Vec::new(),
    };
    let build = || -> PyResult<PyErr> {
        let class = PLAN_ERROR.import(py, "welfare_plan._errors", "PlanError")?;
        Ok(PyErr::from_value(class.call1((
            message,
            wrap(issues),
            file,
            message_ja,
        ))?))
    };
    build().unwrap_or_else(|e| e)
}

/// `welfare_plan.EraError` (a `ValueError`) with the core's message in English (`str(err)`)
/// and in Japanese (`err.message_ja`).
pub fn era_error(py: Python<'_>, e: &welfare_plan::era::EraError) -> PyErr {
    said_in_both(py, &ERA_ERROR, "EraError", |lang| e.message(lang))
}

/// `welfare_plan.UnknownNameError` (a `ValueError`) for a sector or level the plan lacks (the
/// core's `UnknownSector` and `UnknownLevel`), in English and Japanese as `EraError` is.
pub fn unknown_name_error(py: Python<'_>, e: &welfare_plan::Error) -> PyErr {
    said_in_both(py, &UNKNOWN_NAME_ERROR, "UnknownNameError", |lang| {
        e.message(lang)
    })
}

/// An instance of `welfare_plan._errors.<name>` with the English `message` and `message_ja`.
fn said_in_both(
    py: Python<'_>,
    class: &PyOnceLock<Py<PyType>>,
    name: &str,
    message: impl Fn(welfare_plan::Lang) -> String,
) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let class = class.import(py, "welfare_plan._errors", name)?;
        let args = (message(welfare_plan::Lang::En), message(welfare_plan::Lang::Ja));
        Ok(PyErr::from_value(class.call1(args)?))
    };
    build().unwrap_or_else(|e| e)
}

/// A fiscal year from a Python int; an int too large for any year is an era error too, so
/// that every bad year is a `ValueError`, said as the core says it for any year out of range.
pub fn fiscal_year_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<i32> {
    value.extract::<i32>().map_err(|e| {
        if e.is_instance_of::<PyOverflowError>(py) {
            let reason = welfare_plan::era::EraReason::OutOfRange;
            era_error(py, &welfare_plan::era::EraError::new(&value.to_string(), reason))
        } else {
            e
        }
    })
}

/// A `ValueError` for an argument the binding cannot use.
pub fn bad_argument(message: String) -> PyErr {
    PyValueError::new_err(message)
}
