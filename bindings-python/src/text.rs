//! `Text`: a piece of the plan's wording in Japanese, with an optional English translation.

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use welfare_plan::{Lang, Text};

use crate::issue::bad_argument;
use crate::json::{py_repr, to_python};
use crate::pickle::{reduce_text, Reduced};

/// Bilingual text (日本語 / English): `ja` is the plan's own wording, `en` an optional
/// translation. `str(text)` is the Japanese.
///
/// ```python
/// title = plan.nodes[0].title
/// print(title.ja, title.en, title.get("en"))
/// ```
#[pyclass(frozen, eq, hash, module = "welfare_plan", name = "Text")]
pub struct PyText(pub Text);

impl PartialEq for PyText {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl Hash for PyText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.0.ja, &self.0.en).hash(state);
    }
}

impl PyText {
    /// A Python `Text` for a core text.
    pub fn of(t: &Text) -> Self {
        PyText(t.clone())
    }

    /// A Python `Text` from a (Japanese, English) label pair.
    pub fn label((ja, en): (String, String)) -> Self {
        PyText(Text { ja, en: Some(en) })
    }
}

/// `ja` or `en` as the core's language.
pub fn lang(code: &str) -> PyResult<Lang> {
    match code {
        "ja" => Ok(Lang::Ja),
        "en" => Ok(Lang::En),
        other => Err(bad_argument(format!(
            "unknown language `{other}`; expected `ja` or `en`"
        ))),
    }
}

#[pymethods]
impl PyText {
    /// Japanese, verbatim from the plan.
    #[getter]
    fn ja(&self) -> &str {
        &self.0.ja
    }

    /// The English translation, if there is one.
    #[getter]
    fn en(&self) -> Option<&str> {
        self.0.en.as_deref()
    }

    /// The text in `lang` (`"ja"` or `"en"`); English falls back to Japanese.
    #[pyo3(signature = (lang = "ja"))]
    fn get(&self, lang: &str) -> PyResult<&str> {
        Ok(self.0.get(self::lang(lang)?))
    }

    /// `{"ja": ..., "en": ...}` as in the JSON format (`en` only when present).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.0)
    }

    /// Pickles the text as `ja` and `en`.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Reduced<'py>> {
        reduce_text(py, &self.0)
    }

    fn __str__(&self) -> &str {
        &self.0.ja
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(match &self.0.en {
            Some(en) => format!("Text(ja={}, en={})", py_repr(py, &self.0.ja)?, py_repr(py, en)?),
            None => format!("Text(ja={})", py_repr(py, &self.0.ja)?),
        })
    }
}
