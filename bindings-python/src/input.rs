//! Documents in: `str`, `bytes`, `bytearray`, `memoryview`, a path or a readable file, checked by the core with the
//! interpreter released, so that other Python threads run while a large plan is parsed.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView, PyString};
use welfare_plan::{check_with, read_limited, Checked, Limits};

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

/// The bytes of a document that `load()` or `load_report()` was given.
pub enum Source<'py> {
    /// What a file object's `read()` returned.
    Python(Bound<'py, PyBytes>),
    /// What was read from a path.
    Read(Vec<u8>),
}

impl Source<'_> {
    /// The document's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Source::Python(b) => b.as_bytes(),
            Source::Read(v) => v,
        }
    }
}

/// Reads what `load()` was given: a readable object (its `read()` returning str or bytes) or a
/// path. A path is read in Rust with the interpreter released, keeping at most one byte more
/// than `max_input_bytes`, so that a huge file is refused without being held in memory (as the
/// CLI does).
pub fn read_source<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    limits: &Limits,
) -> PyResult<Source<'py>> {
    if source.hasattr("read")? {
        let content = source.call_method0("read")?;
        return Ok(Source::Python(document_bytes(&content)?));
    }
    let path: PathBuf = source.extract().map_err(|_| {
        let kind = source
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        PyTypeError::new_err(format!(
            "expected a path (str or os.PathLike) or a readable file, not `{kind}`"
        ))
    })?;
    let read = py.detach(|| std::fs::File::open(&path).and_then(|f| read_limited(f, limits)));
    read.map(Source::Read).map_err(|e| {
        // The error names the file, as Python's own `open()` does.
        let kind = e.kind();
        let err = std::io::Error::new(kind, format!("{e}: {}", path.display()));
        PyErr::from(err)
    })
}

/// Reads and checks what `load()` was given, as a plan.
pub fn load_source(py: Python<'_>, source: &Bound<'_, PyAny>, limits: &Limits) -> PyResult<Checked> {
    let source = read_source(py, source, limits)?;
    let input = source.as_bytes();
    Ok(py.detach(|| check_with(input, limits)))
}
