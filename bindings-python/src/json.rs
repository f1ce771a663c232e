//! JSON between Rust and Python: serde output handed to `json.loads`, Python values to text
//! with `json.dumps`, so that no rule or field list is written twice.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};
use serde::Serialize;

static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `value` as plain Python data (dicts, lists, str, int, float, bool, None), keys in the
/// order serde writes them. The JSON text is written with the interpreter released.
pub fn to_python<'py, T: Serialize + Sync + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let text = py
        .detach(|| serde_json::to_string(value))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    LOADS.import(py, "json", "loads")?.call1((text,))
}

/// Python data as JSON text, non-ASCII kept as is. `NaN` and infinities are written as the
/// tokens `json` writes, which the core then reports as syntax errors.
pub fn dumps<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
    let kwargs = PyDict::new(py);
    kwargs.set_item("ensure_ascii", false)?;
    Ok(DUMPS
        .import(py, "json", "dumps")?
        .call((value,), Some(&kwargs))?
        .cast_into::<PyString>()?)
}

/// Python's `repr` of a string, for `__repr__` methods.
pub fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// The field `key` of `value` as the core writes it in JSON (`null` when absent): for numbers
/// the core writes as people typed them (a score of `3`, not `3.0`).
pub fn field_as_written<'py, T: Serialize + Sync>(
    py: Python<'py>,
    value: &T,
    key: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    to_python(py, json.get(key).unwrap_or(&serde_json::Value::Null))
}
