//! `Limits`: the core's limits on hostile or broken input, from a `Limits` object or a dict.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyMapping};
use welfare_plan::Limits;

use crate::issue::bad_argument;
use crate::pickle::{reduce_limits, Reduced};

/// Limits on what a document may contain; the defaults let any real plan through.
///
/// Every function that reads a document takes `limits=` as a `Limits` or a dict with the same
/// keys (missing keys keep their defaults; unknown keys are a `ValueError`).
///
/// ```python
/// big = welfare_plan.Limits(max_input_bytes=256 << 20)
/// plan = welfare_plan.loads(data, limits=big)
/// plan = welfare_plan.loads(data, limits={"max_input_bytes": 256 << 20})
/// ```
#[pyclass(frozen, eq, hash, module = "welfare_plan", name = "Limits")]
#[derive(Clone, PartialEq)]
pub struct PyLimits(pub Limits);

impl std::hash::Hash for PyLimits {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let l = &self.0;
        (
            l.max_input_bytes,
            l.max_depth,
            l.max_text_chars,
            l.max_elements,
            l.max_issues,
        )
            .hash(state);
    }
}

#[pymethods]
impl PyLimits {
    #[new]
    #[pyo3(signature = (*, max_input_bytes = None, max_depth = None, max_text_chars = None, max_elements = None, max_issues = None))]
    fn new(
        py: Python<'_>,
        max_input_bytes: Option<&Bound<'_, PyAny>>,
        max_depth: Option<&Bound<'_, PyAny>>,
        max_text_chars: Option<&Bound<'_, PyAny>>,
        max_elements: Option<&Bound<'_, PyAny>>,
        max_issues: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Read by the core's own deserializer, so that a bad value is the same `ValueError`
        // whether it comes here or in a dict.
        let fields = PyDict::new(py);
        for (key, value) in [
            ("max_input_bytes", max_input_bytes),
            ("max_depth", max_depth),
            ("max_text_chars", max_text_chars),
            ("max_elements", max_elements),
            ("max_issues", max_issues),
        ] {
            if let Some(v) = value.filter(|v| !v.is_none()) {
                fields.set_item(key, v)?;
            }
        }
        Ok(PyLimits(from_mapping(fields.as_any())?))
    }

    /// Limits that only memory bounds, for trusted input such as benchmarks.
    #[staticmethod]
    fn unlimited() -> Self {
        PyLimits(Limits::unlimited())
    }

    /// The largest input accepted, in bytes (`input.too_large`).
    #[getter]
    fn max_input_bytes(&self) -> usize {
        self.0.max_input_bytes
    }

    /// The deepest nesting inside `extensions` (`limit.too_deep`).
    #[getter]
    fn max_depth(&self) -> usize {
        self.0.max_depth
    }

    /// The longest text, in characters (`limit.text_too_long`).
    #[getter]
    fn max_text_chars(&self) -> usize {
        self.0.max_text_chars
    }

    /// The most elements in any one list (`limit.too_many_elements`).
    #[getter]
    fn max_elements(&self) -> usize {
        self.0.max_elements
    }

    /// The most issues reported per document (`limit.too_many_issues` counts the rest).
    #[getter]
    fn max_issues(&self) -> usize {
        self.0.max_issues
    }

    /// The limits as a dict, which `limits=` also accepts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::json::to_python(py, &self.0)
    }

    /// Pickles the limits as their five numbers, so that they can be passed to workers.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce_limits(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let l = &self.0;
        format!(
            "Limits(max_input_bytes={}, max_depth={}, max_text_chars={}, max_elements={}, max_issues={})",
            l.max_input_bytes, l.max_depth, l.max_text_chars, l.max_elements, l.max_issues
        )
    }
}

/// The limits an argument names: `None` for the defaults, a `Limits`, or a mapping read by
/// the core's own `Limits` deserializer (defaults for missing keys, unknown keys refused).
pub fn resolve(value: Option<&Bound<'_, PyAny>>) -> PyResult<Limits> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Limits::default());
    };
    if let Ok(l) = value.cast::<PyLimits>() {
        return Ok(l.get().0);
    }
    if value.cast::<PyMapping>().is_err() {
        let kind = value.get_type().name()?;
        return Err(PyTypeError::new_err(format!(
            "limits must be a Limits, a dict or None, not `{kind}`"
        )));
    }
    from_mapping(value)
}

/// Limits from a mapping: each name set through the core's `Limits::set` (defaults for names
/// not given; `None` keeps the default), each value a whole number of 0 or more.
fn from_mapping(value: &Bound<'_, PyAny>) -> PyResult<Limits> {
    let mut limits = Limits::default();
    for item in value.cast::<PyMapping>()?.items()?.iter() {
        let (key, v): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let Ok(name) = key.extract::<String>() else {
            return Err(PyTypeError::new_err("limit names must be strings"));
        };
        if !Limits::NAMES.contains(&name.as_str()) {
            let e = welfare_plan::Error::UnknownLimit(name);
            return Err(bad_argument(format!("invalid limits: {e}")));
        }
        if v.is_none() {
            continue;
        }
        let got = if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
            Err(format!("a `{}`", v.get_type().name()?))
        } else {
            v.extract::<u64>().map_err(|_| "a negative number".to_owned())
        };
        let n = got.map_err(|got| {
            bad_argument(format!(
                "invalid limits: `{name}` must be a whole number of 0 or more, not {got}"
            ))
        })?;
        limits
            .set(&name, usize::try_from(n).unwrap_or(usize::MAX))
            .map_err(|e| bad_argument(format!("invalid limits: {e}")))?;
    }
    Ok(limits)
}
