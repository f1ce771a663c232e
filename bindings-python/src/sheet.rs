//! Spreadsheets in: `import_plan` and `import_report` read a workbook or CSV files back into a
//! document with the core's `sheet::import_plan` / `import_report`, which tell a workbook from
//! CSV by its bytes; this module only gathers the files.

use std::path::PathBuf;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView, PyTuple};
use welfare_plan::Limits;

use crate::input::{document_bytes, read_path, source_name};
use crate::issue::{plan_error, report_error_in};
use crate::limits::resolve;
use crate::plan::PyPlan;
use crate::report::PyProgressReport;

/// The files of one spreadsheet: `(name, bytes)` pairs, as the core's import takes them.
type Files = Vec<(String, Vec<u8>)>;

/// The name a workbook given as bytes goes by.
const WORKBOOK: &str = "workbook.xlsx";

/// What `import_plan` was given, as files: bytes (a workbook uploaded to a web app), a
/// readable binary file, a path to a workbook or a CSV file, a directory of CSV files, or a
/// list of CSV paths. Paths are read as `load()` reads them (within `max_input_bytes`, an
/// error naming its file).
fn files(py: Python<'_>, source: &Bound<'_, PyAny>, limits: &Limits) -> PyResult<Files> {
    if source.cast::<PyBytes>().is_ok()
        || source.cast::<PyByteArray>().is_ok()
        || source.cast::<PyMemoryView>().is_ok()
    {
        return Ok(vec![(
            WORKBOOK.to_owned(),
            document_bytes(source)?.as_bytes().to_vec(),
        )]);
    }
    if source.hasattr("read")? {
        let content = source.call_method0("read")?;
        let bytes = content.cast::<PyBytes>().map_err(|_| {
            PyTypeError::new_err(
                "a spreadsheet is read from a file opened in binary mode (`open(path, \"rb\")`)",
            )
        })?;
        let name = source_name(source).unwrap_or_else(|| WORKBOOK.to_owned());
        return Ok(vec![(name, bytes.as_bytes().to_vec())]);
    }
    let given: Vec<Bound<'_, PyAny>> = if source.cast::<PyList>().is_ok() || source.cast::<PyTuple>().is_ok()
    {
        source.try_iter()?.collect::<PyResult<_>>()?
    } else {
        vec![source.clone()]
    };
    let mut out = Vec::new();
    for item in given {
        let path: PathBuf = item.extract().map_err(|_| {
            let kind = item.get_type().name().map(|n| n.to_string()).unwrap_or_default();
            PyTypeError::new_err(format!(
                "expected a workbook's bytes, a binary file, a path (str or os.PathLike) or a list of CSV paths, not `{kind}`"
            ))
        })?;
        if !path.is_dir() {
            out.push((path.display().to_string(), read_path(py, &item, &path, limits)?));
            continue;
        }
        let found = welfare_plan::sheet::csv_files_in(&path)
            .map_err(|e| PyErr::from(std::io::Error::new(e.kind(), format!("{e}: {}", path.display()))))?;
        for csv in found {
            let name = csv.display().to_string();
            let bytes = read_path(py, &name.as_str().into_pyobject(py)?.into_any(), &csv, limits)?;
            out.push((name, bytes));
        }
    }
    Ok(out)
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
        _ => Err(report_error_in(py, imported.issues, None)),
    }
}
