//! Python data in, straight to the core's JSON value: no `json.dumps`, no text made in Python.
//!
//! `Plan.from_dict`, `Plan(**fields)`, `validate(dict)` and `plan.replace(...)` take what a
//! Python program holds: dicts (any mapping), lists and tuples, `str`, `int`, `float`, `bool`,
//! `None`, and also `datetime.date` (written `YYYY-MM-DD`, as the format writes dates),
//! `decimal.Decimal` (a number; integers stay integers) and this package's own objects (a
//! `Text`, a `Node` …, as their `to_dict()`). Anything else is a `TypeError` that names where in
//! the data it is, as a JSON Pointer, the same form the core's issues use.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};
use welfare_plan::{Path, PathSegment};

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Nesting beyond this is refused before Rust's stack is at risk; the core's own limit on
/// `extensions` (32 by default) is far below it.
const MAX_DEPTH: usize = 512;

/// `value` as the core's JSON value. Raises `TypeError` (or `ValueError` for a number JSON
/// cannot hold) naming the place, such as `/nodes/0/title: a set is not plan data`.
pub fn to_value(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let mut path = Vec::new();
    convert(value, &mut path)
}

/// [`to_value`] for a value that will sit at `pointer` (a JSON Pointer such as
/// `/nodes/0/title`), so that an error names that place.
pub fn to_value_at(value: &Bound<'_, PyAny>, pointer: &str) -> PyResult<Value> {
    let mut path: Vec<PathSegment> = pointer
        .split('/')
        .skip(1)
        .map(|k| PathSegment::Key(k.replace("~1", "/").replace("~0", "~").into()))
        .collect();
    convert(value, &mut path)
}

fn convert(v: &Bound<'_, PyAny>, path: &mut Vec<PathSegment>) -> PyResult<Value> {
    if v.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = v.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = v.cast::<PyString>() {
        return match s.extract::<String>() {
            Ok(s) => Ok(Value::String(s)),
            Err(_) => Err(at(
                path,
                PyValueError::new_err,
                "a string that is not valid unicode (a lone surrogate)",
            )),
        };
    }
    if v.cast::<PyInt>().is_ok() {
        if let Ok(i) = v.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = v.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(at(
            path,
            PyValueError::new_err,
            &format!("the integer `{v}` is too large for the format"),
        ));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        return finite(f.value(), path);
    }
    if path.len() >= MAX_DEPTH {
        return Err(at(
            path,
            PyValueError::new_err,
            &format!("data nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    if let Ok(d) = v.cast::<PyDict>() {
        return object(d.iter(), path);
    }
    if v.cast::<PyList>().is_ok() || v.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for (i, item) in v.try_iter()?.enumerate() {
            path.push(PathSegment::Index(i));
            items.push(convert(&item?, path)?);
            path.pop();
        }
        return Ok(Value::Array(items));
    }
    let py = v.py();
    if v.is_instance(DATE.import(py, "datetime", "date")?)? {
        if v.is_instance(DATETIME.import(py, "datetime", "datetime")?)? {
            return Err(at(
                path,
                PyTypeError::new_err,
                "a `datetime` where the format has a date; pass its `.date()`",
            ));
        }
        return Ok(Value::String(v.call_method0("isoformat")?.extract()?));
    }
    if v.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        return decimal(v, path);
    }
    if let Ok(m) = v.cast::<PyMapping>() {
        let items = m.items()?;
        let pairs = items
            .iter()
            .map(|kv| kv.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>())
            .collect::<PyResult<Vec<_>>>()?;
        return object(pairs.into_iter(), path);
    }
    let kind = v.get_type();
    if kind.module()?.extract::<String>()?.starts_with("welfare_plan") && v.hasattr("to_dict")? {
        return convert(&v.call_method0("to_dict")?, path);
    }
    let name = kind.qualname()?;
    Err(at(
        path,
        PyTypeError::new_err,
        &format!(
            "a `{name}` is not plan data (expected dict, list, str, int, float, bool, None, date or Decimal)"
        ),
    ))
}

fn object<'py>(
    items: impl Iterator<Item = (Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    path: &mut Vec<PathSegment>,
) -> PyResult<Value> {
    let mut map = Map::new();
    for (k, item) in items {
        let Ok(key) = k
            .cast::<PyString>()
            .map_err(PyErr::from)
            .and_then(|s| s.extract::<String>())
        else {
            let name = k.get_type().qualname()?;
            return Err(at(
                path,
                PyTypeError::new_err,
                &format!("a key of type `{name}` (`{k}`); keys are strings"),
            ));
        };
        path.push(PathSegment::Key(key.clone().into()));
        let value = convert(&item, path)?;
        path.pop();
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn finite(f: f64, path: &[PathSegment]) -> PyResult<Value> {
    Number::from_f64(f).map(Value::Number).ok_or_else(|| {
        at(
            path,
            PyValueError::new_err,
            &format!("the number `{f}` is not finite; the format has no such number"),
        )
    })
}

/// A `Decimal`: an integer when it is one (`Decimal("3")` → 3), otherwise the nearest float.
fn decimal(v: &Bound<'_, PyAny>, path: &[PathSegment]) -> PyResult<Value> {
    let text: String = v.str()?.extract()?;
    if v.call_method0("is_finite")?.extract::<bool>()? {
        let integral: bool = v.eq(v.call_method0("to_integral_value")?)?;
        if integral {
            if let Ok(i) = v.call_method0("__int__")?.extract::<i64>() {
                return Ok(Value::from(i));
            }
        }
        if let Ok(f) = text.parse::<f64>() {
            return finite(f, path);
        }
    }
    Err(at(
        path,
        PyValueError::new_err,
        &format!("the number `{text}` is not finite; the format has no such number"),
    ))
}

fn at(path: &[PathSegment], make: fn(String) -> PyErr, what: &str) -> PyErr {
    let pointer = Path(path.to_vec()).to_string();
    let place = if pointer.is_empty() {
        "the data".to_owned()
    } else {
        format!("`{pointer}`")
    };
    make(format!("{place}: {what}"))
}
