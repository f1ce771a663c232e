//! `welfare_plan.diff(old, new)`: what changed between two editions of a plan (or two progress
//! reports), as the core finds it; this class only shows it.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use welfare_plan::diff::{self, Diff};

use crate::json::to_python;
use crate::pickle::restorer;
use crate::plan::PyPlan;
use crate::report::PyProgressReport;
use crate::text::lang;

/// The old and the new document of a diff (`Plan`s or `ProgressReport`s).
type Documents = (Py<PyAny>, Py<PyAny>);

/// `welfare_plan._native.diff`, which a pickled diff calls.
static DIFF: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// The changes from one edition of a plan to the next (or from one progress report to
/// another): nodes, challenges, actors and indicators added, removed, reworded, moved, merged or
/// split, matched by id, by lineage, and where neither says, by similar text (a guess, with its
/// similarity). Falsy when nothing changed.
///
/// ```python
/// changes = welfare_plan.diff(second, third)
/// for c in changes.changes:
///     print(c["kind"], [s["id"] for s in c["old"]], [s["id"] for s in c["new"]])
/// open("shinkyu.html", "w").write(changes.to_html())
/// ```
#[pyclass(frozen, eq, module = "welfare_plan", name = "Diff")]
pub struct PyDiff {
    diff: Diff,
    /// The two documents compared, for pickling: a diff pickles as the call that makes it.
    documents: Documents,
}

impl PartialEq for PyDiff {
    fn eq(&self, other: &Self) -> bool {
        self.diff == other.diff
    }
}

#[pymethods]
impl PyDiff {
    /// Each change as plain data, as `welfare-plan diff --format json` writes it.
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.diff.changes)
    }

    /// The whole diff as plain data (`welfare-plan diff --format json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.diff)
    }

    /// One change per line in `lang` (`"ja"` or `"en"`), as `welfare-plan diff` prints it.
    #[pyo3(signature = (lang = "ja"))]
    fn to_text(&self, lang: &str) -> PyResult<String> {
        Ok(diff::text(&self.diff, self::lang(lang)?))
    }

    /// A self-contained HTML 新旧対照表 (old and new side by side), as `welfare-plan diff
    /// --format html` writes it.
    #[pyo3(signature = (lang = "ja"))]
    fn to_html(&self, lang: &str) -> PyResult<String> {
        Ok(diff::html(&self.diff, self::lang(lang)?))
    }

    fn __len__(&self) -> usize {
        self.diff.changes.len()
    }

    fn __bool__(&self) -> bool {
        !self.diff.is_empty()
    }

    fn __repr__(&self) -> String {
        format!("<Diff: {} changes>", self.diff.changes.len())
    }

    /// Pickles the diff as the two documents compared (which pickle themselves); unpickling
    /// compares them again with the core.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Documents)> {
        let function = restorer(py, &DIFF, "diff")?;
        let (old, new) = &self.documents;
        Ok((function, (old.clone_ref(py), new.clone_ref(py))))
    }
}

/// What changed from `old` to `new`: two `Plan`s (editions of a plan) or two
/// `ProgressReport`s (two years, or two drafts of one year).
#[pyfunction(name = "diff")]
pub fn diff_documents(py: Python<'_>, old: &Bound<'_, PyAny>, new: &Bound<'_, PyAny>) -> PyResult<PyDiff> {
    if let (Ok(a), Ok(b)) = (old.cast::<PyPlan>(), new.cast::<PyPlan>()) {
        let (a, b) = (a.get().shared(), b.get().shared());
        return Ok(PyDiff {
            diff: py.detach(|| diff::plans(a, b)),
            documents: (old.clone().unbind(), new.clone().unbind()),
        });
    }
    if let (Ok(a), Ok(b)) = (old.cast::<PyProgressReport>(), new.cast::<PyProgressReport>()) {
        let (a, b) = (&a.get().report.report, &b.get().report.report);
        return Ok(PyDiff {
            diff: py.detach(|| diff::reports(a, b)),
            documents: (old.clone().unbind(), new.clone().unbind()),
        });
    }
    let kind = |x: &Bound<'_, PyAny>| x.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "diff compares two Plans or two ProgressReports, not `{}` and `{}`",
        kind(old),
        kind(new)
    )))
}
