//! Documents in (plans and progress reports): `str`, `bytes`, `bytearray`, `memoryview`, their
//! data (a dict), a path or a readable file, checked by the core with the interpreter released,
//! so that other Python threads run while a large document is parsed.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMapping, PyMemoryView, PyString};
use welfare_plan::report::CheckedReport;
use welfare_plan::{check_with, read_limited, Checked, Issue, Limits};

/// The document's bytes, without building any Python data from them.
///
/// `bytes` are borrowed as they are. A `str` is encoded to UTF-8 once; lone surrogates are
/// passed through (`surrogatepass`) so that the core reports them as `json.invalid_utf8`
/// with a position, rather than the binding raising.
pub fn document_bytes<'py>(doc: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyBytes>> {
    if let Ok(b) = doc.cast::<PyBytes>() {
        return Ok(b.clone());
    }
    if let Ok(s) = doc.cast::<PyString>() {
        return Ok(s
            .call_method1("encode", ("utf-8", "surrogatepass"))?
            .cast_into::<PyBytes>()?);
    }
    // A bytearray or a memoryview (a buffer received from a socket or a web framework): copied
    // once into bytes, which the core then reads.
    if doc.cast::<PyByteArray>().is_ok() || doc.cast::<PyMemoryView>().is_ok() {
        let bytes = doc.py().get_type::<PyBytes>().call1((doc,))?;
        return Ok(bytes.cast_into::<PyBytes>()?);
    }
    let kind = doc.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "expected a document as str, bytes, bytearray or memoryview, not `{kind}`"
    )))
}

/// Runs the core's check on `bytes` with the interpreter released.
pub fn check(py: Python<'_>, bytes: &Bound<'_, PyBytes>, limits: &Limits) -> Checked {
    let input = bytes.as_bytes();
    py.detach(|| check_with(input, limits))
}

/// Reads the file at `path` (at most one byte more than `max_input_bytes`); an error is the
/// `OSError` subclass Python's `open()` raises (`FileNotFoundError` …) with `filename` set.
pub fn read_path(
    py: Python<'_>,
    given: &Bound<'_, PyAny>,
    path: &std::path::Path,
    limits: &Limits,
) -> PyResult<Vec<u8>> {
    let read = py.detach(|| std::fs::File::open(path).and_then(|f| read_limited(f, limits)));
    read.map_err(|e| os_error(py, e, given, path))
}

/// `OSError(errno, strerror, filename)`, which Python turns into the subclass for the errno;
/// `filename` is what the caller gave (a `str` or a path object), as `open()` keeps it.
fn os_error(py: Python<'_>, e: std::io::Error, given: &Bound<'_, PyAny>, path: &std::path::Path) -> PyErr {
    let Some(errno) = e.raw_os_error() else {
        return PyErr::from(std::io::Error::new(e.kind(), format!("{e}: {}", path.display())));
    };
    let build = || -> PyResult<PyErr> {
        let os = py.import("os")?;
        let strerror = os.call_method1("strerror", (errno,))?;
        let class = py.get_type::<pyo3::exceptions::PyOSError>();
        Ok(PyErr::from_value(class.call1((errno, strerror, given))?))
    };
    build().unwrap_or_else(|err| err)
}

/// The name of the file `source` is (a path, or a file object's `name`), if it is one.
pub fn source_name(source: &Bound<'_, PyAny>) -> Option<String> {
    let path = if source.hasattr("read").unwrap_or(false) {
        source.getattr("name").ok()?.extract::<PathBuf>().ok()?
    } else if source.cast::<PyString>().is_ok() || source.hasattr("__fspath__").unwrap_or(false) {
        source.extract::<PathBuf>().ok()?
    } else {
        return None;
    };
    Some(path.display().to_string())
}

/// A document as a caller gave it (a plan or a progress report): its bytes, or Python data,
/// and the file it came from.
pub struct Document<'py> {
    input: Input<'py>,
    /// The file's name, when the document was read from a path or a named file object.
    pub file: Option<String>,
}

enum Input<'py> {
    Bytes(Bound<'py, PyBytes>),
    Read(Vec<u8>),
    Data(serde_json::Value),
}

/// What `validate()`, `loads()`, `load()` and their report counterparts take: document text
/// (`str`, unless `str_is_path`), `bytes`, `bytearray`, `memoryview`, the document's data (a
/// dict or other mapping, a list), a path (`os.PathLike`, or a `str` when `str_is_path`) or a
/// readable file object. `data` names the data in the `TypeError` for anything else (`plan
/// data`, `report data`).
pub fn document<'py>(
    py: Python<'py>,
    doc: &Bound<'py, PyAny>,
    limits: &Limits,
    str_is_path: bool,
    data: &str,
) -> PyResult<Document<'py>> {
    let text = doc.cast::<PyString>().is_ok();
    if !(text && str_is_path) {
        if let Ok(bytes) = document_bytes(doc) {
            return Ok(Document {
                input: Input::Bytes(bytes),
                file: None,
            });
        }
    }
    if doc.cast::<PyDict>().is_ok() || doc.cast::<PyList>().is_ok() || doc.cast::<PyMapping>().is_ok() {
        let value = crate::convert::to_value(doc)?;
        return Ok(Document {
            input: Input::Data(value),
            file: None,
        });
    }
    if doc.hasattr("read")? {
        let content = doc.call_method0("read")?;
        let file = source_name(doc);
        return Ok(Document {
            input: Input::Bytes(document_bytes(&content)?),
            file,
        });
    }
    if text || doc.hasattr("__fspath__")? {
        let path: PathBuf = doc.extract()?;
        let bytes = read_path(py, doc, &path, limits)?;
        return Ok(Document {
            input: Input::Read(bytes),
            file: Some(path.display().to_string()),
        });
    }
    let kind = doc.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "expected a document (str, bytes, bytearray, memoryview), {data} (a dict), a path \
         (os.PathLike) or a readable file, not `{kind}`"
    )))
}

impl Document<'_> {
    /// The core's check of the document as a plan (see [`Document::check_by`]).
    pub fn check(&self, py: Python<'_>, limits: &Limits) -> Checked {
        self.check_by(py, |input| check_with(input, limits))
    }

    /// Runs `check`, one of the core's checks of a document's bytes (a plan's, a report's), on
    /// the document with the interpreter released. Data is checked as the JSON it stands for
    /// (see [`check_value`]).
    pub fn check_by<T: Positions + Send>(&self, py: Python<'_>, check: impl Send + FnOnce(&[u8]) -> T) -> T {
        match &self.input {
            Input::Bytes(b) => {
                let input = b.as_bytes();
                py.detach(|| check(input))
            }
            Input::Read(v) => py.detach(|| check(v)),
            Input::Data(value) => py.detach(|| check_value(value, check)),
        }
    }
}

/// A core check's result, whose issues carry a line and column into the text checked.
pub trait Positions {
    /// The issues found.
    fn issues_mut(&mut self) -> &mut Vec<Issue>;
}

impl Positions for Checked {
    fn issues_mut(&mut self) -> &mut Vec<Issue> {
        &mut self.issues
    }
}

impl Positions for CheckedReport {
    fn issues_mut(&mut self) -> &mut Vec<Issue> {
        &mut self.issues
    }
}

/// Runs `check` on document data (converted from Python without JSON text) as the JSON it
/// stands for, written in Rust. Its issues keep the data's own paths (JSON Pointers) and lose
/// their line and column, since there is no text of the caller's to point into.
pub fn check_value<T: Positions>(value: &serde_json::Value, check: impl FnOnce(&[u8]) -> T) -> T {
    let text = serde_json::to_string(value).unwrap_or_default();
    let mut checked = check(text.as_bytes());
    for issue in checked.issues_mut() {
        issue.line = None;
        issue.column = None;
    }
    checked
}

/// The core's check of plan data (see [`check_value`]).
pub fn check_data(value: &serde_json::Value, limits: &Limits) -> Checked {
    check_value(value, |input| check_with(input, limits))
}
