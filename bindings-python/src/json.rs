//! JSON from Rust to Python: serde output handed to `json.loads`, so that no field list is
//! written twice. (Python data goes the other way through `convert`.)

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyString;
use serde::Serialize;

static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

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
