//! Spreadsheets in: `import_plan` and `import_report` read a workbook or CSV files back into a
//! document with the core's `sheet::import_plan` / `import_report`, which tell a workbook from
//! CSV by its bytes; this module only gathers the files.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView, PyTuple};
use welfare_plan::{read_limited, Limits};

use crate::issue::plan_error;
use crate::limits::resolve;
use crate::plan::PyPlan;
use crate::report::PyProgressReport;

/// The files of one spreadsheet: `(name, bytes)` pairs, as the core's import takes them.
type Files = Vec<(String, Vec<u8>)>;

/// What `import_plan` was given, as files: bytes (a workbook uploaded to a web app), a
/// readable binary file, a path to a workbook or a CSV file, a directory of CSV files, or a
/// list of CSV paths. Paths are read in Rust within `max_input_bytes`, each error naming its
/// file.
fn files(py: Python<'_>, source: &Bound<'_, PyAny>, limits: &Limits) -> PyResult<Files> {
    if source.cast::<PyBytes>().is_ok()
        || source.cast::<PyByteArray>().is_ok()
        || source.cast::<PyMemoryView>().is_ok()
    {
        let bytes: Vec<u8> = py
            .get_type::<PyBytes>()
            .call1((source,))?
            .cast_into::<PyBytes>()?
            .as_bytes()
            .to_vec();
        return Ok(vec![("workbook.xlsx".to_owned(), bytes)]);
    }
    if source.hasattr("read")? {
        let content = source.call_method0("read")?;
        let bytes = content.cast::<PyBytes>().map_err(|_| {
            PyTypeError::new_err(
                "a spreadsheet is read from a file opened in binary mode (`open(path, \"rb\")`)",
            )
        })?;
        let name = source
            .getattr("name")
            .and_then(|n| n.extract::<String>())
            .unwrap_or_else(|_| "workbook.xlsx".to_owned());
        return Ok(vec![(name, bytes.as_bytes().to_vec())]);
    }
    let paths: Vec<PathBuf> = if source.cast::<PyList>().is_ok() || source.cast::<PyTuple>().is_ok() {
        source.extract()?
    } else {
        vec![source.extract().map_err(|_| {
            let kind = source.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!(
                "expected a workbook's bytes, a binary file, a path (str or os.PathLike) or a list of CSV paths, not `{kind}`"
            ))
        })?]
    };
    let mut named = Vec::new();
    for path in paths {
        if path.is_dir() {
            named.extend(csv_in(&path)?);
        } else {
            named.push(path);
        }
    }
    py.detach(|| {
        named
            .into_iter()
            .map(|path| {
                let read = std::fs::File::open(&path).and_then(|f| read_limited(f, limits));
                read.map(|bytes| (path.to_string_lossy().into_owned(), bytes))
                    .map_err(|e| {
                        PyErr::from(std::io::Error::new(e.kind(), format!("{e}: {}", path.display())))
                    })
            })
            .collect()
    })
}

/// Every `*.csv` file in `dir`, in name order.
fn csv_in(dir: &std::path::Path) -> PyResult<Vec<PathBuf>> {
    let named =
        |e: std::io::Error| PyErr::from(std::io::Error::new(e.kind(), format!("{e}: {}", dir.display())));
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(named)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")))
        .collect();
    if found.is_empty() {
        return Err(named(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            "the directory holds no .csv file",
        )));
    }
    found.sort();
    Ok(found)
}

/// Reads a plan back from a spreadsheet: an xlsx workbook (a path, a binary file, or its
/// bytes, as a web upload gives them) or the CSV files of its tables (a directory, or a list
/// of paths), as `plan.to_xlsx()` and `plan.to_csv()` write them. Returns the plan when it
/// has no errors (warnings on `plan.warnings`); raises `PlanError` carrying every issue
/// otherwise, each with its `cell` (`"体系!H14"`) beside its JSON Pointer.
///
/// ```python
/// plan = welfare_plan.import_plan("plan.xlsx")
/// ```
#[pyfunction]
#[pyo3(signature = (source, limits = None))]
pub fn import_plan(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyPlan> {
    let limits = resolve(limits)?;
    let files = files(py, source, &limits)?;
    let imported = py.detach(|| welfare_plan::sheet::import_plan(&files, &limits));
    let valid = imported.is_valid();
    match imported.document {
        Some(plan) if valid => {
            let warnings = imported.issues;
            Ok(PyPlan::new(plan, warnings))
        }
        _ => Err(plan_error(py, imported.issues)),
    }
}

/// Reads a progress report of `plan` back from its evaluation workbook (or CSV files), as
/// `report.to_xlsx()` or `plan.to_xlsx(year=…)` write it; raises `PlanError` carrying every
/// issue, each at its cell, when it has errors.
///
/// ```python
/// report = welfare_plan.import_report("evaluation-2027.xlsx", plan)
/// ```
#[pyfunction]
#[pyo3(signature = (source, plan, limits = None))]
pub fn import_report(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    plan: &Bound<'_, PyPlan>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyProgressReport> {
    let limits = resolve(limits)?;
    let files = files(py, source, &limits)?;
    let shared = plan.get().shared().clone();
    // The plan's hash is kept with the plan: a report of a large plan does not hash it again.
    let imported =
        py.detach(|| welfare_plan::sheet::import_report_hashed(&files, &shared, shared.hash(), &limits));
    let valid = imported.is_valid();
    match imported.document {
        Some(report) if valid => Ok(PyProgressReport::new(report, Some(plan), imported.issues)),
        _ => Err(plan_error(py, imported.issues)),
    }
}
