//! `welfare_plan._native`: the Python binding of the welfare-plan core.
//!
//! The binding converts arguments, results and errors and nothing more: every rule lives in
//! the core. A checked plan stays in Rust behind an `Arc` and Python sees it through lazy,
//! immutable views; documents are read from `bytes` without building Python data, and the
//! interpreter is released while the core parses and validates.
//!
//! The public package is `welfare_plan` (`python/welfare_plan/__init__.py`), which re-exports
//! this module; its stubs are `python/welfare_plan/_native.pyi`.

/// See `Cargo.toml`: the extension allocates through mimalloc.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod convert;
mod diff;
mod expose;
mod input;
mod issue;
mod json;
mod limits;
mod part;
mod pickle;
mod plan;
mod progress;
mod records;
mod report;
mod sheet;
mod text;
mod view;
mod views;

use pyo3::prelude::*;
use welfare_plan::{era, iizuka, schema};

use crate::input::document as read_document;
use crate::issue::{era_error, fiscal_year_arg, wrap, PyIssue};
use crate::limits::resolve;
use crate::plan::PyPlan;

/// Parses and validates a plan given as `str`, `bytes`, `bytearray` or `memoryview` (UTF-8,
/// an optional BOM), as plan data (a dict, as `json.load` returns it), as a path
/// (`os.PathLike`) or a readable file object.
///
/// Returns the plan when it has no errors (warnings are kept in `plan.warnings`); raises
/// `PlanError` (a `ValueError`) carrying every issue otherwise.
///
/// ```python
/// plan = welfare_plan.loads(pathlib.Path("plan.json").read_bytes())
/// ```
#[pyfunction]
#[pyo3(signature = (document, limits = None))]
fn loads(py: Python<'_>, document: &Bound<'_, PyAny>, limits: Option<&Bound<'_, PyAny>>) -> PyResult<PyPlan> {
    let limits = resolve(limits)?;
    let doc = read_document(py, document, &limits, false, "plan data")?;
    PyPlan::from_document(py, &doc, &limits)
}

/// Reads a plan from a path (`str` or `os.PathLike`) or a readable file object, then checks it
/// as `loads` does; also takes what `loads` takes (bytes, plan data). A missing file raises
/// `FileNotFoundError` with `filename` set, and `PlanError` names the file too.
///
/// ```python
/// plan = welfare_plan.load("plan.json")
/// ```
#[pyfunction]
#[pyo3(signature = (source, limits = None))]
fn load(py: Python<'_>, source: &Bound<'_, PyAny>, limits: Option<&Bound<'_, PyAny>>) -> PyResult<PyPlan> {
    let limits = resolve(limits)?;
    let doc = read_document(py, source, &limits, true, "plan data")?;
    PyPlan::from_document(py, &doc, &limits)
}

/// Every issue in a document (errors and warnings, in the core's order); an empty list for a
/// clean plan. Never raises for a bad document, whatever its bytes. Takes what `loads` takes:
/// text, bytes, plan data (a dict: issues then carry its paths and no line), a path
/// (`os.PathLike`) or a readable file.
///
/// ```python
/// for issue in welfare_plan.validate(b'{"schema_version": "2.0"}'):
///     print(issue)
/// ```
#[pyfunction]
#[pyo3(signature = (document, limits = None))]
fn validate(
    py: Python<'_>,
    document: &Bound<'_, PyAny>,
    limits: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<PyIssue>> {
    let limits = resolve(limits)?;
    let doc = read_document(py, document, &limits, false, "plan data")?;
    Ok(wrap(doc.check(py, &limits).issues))
}

/// Iizuka City's 3rd Regional Welfare Plan (第3期飯塚市地域福祉計画, FY2023–FY2032), built in.
///
/// ```python
/// plan = welfare_plan.iizuka_third_plan()
/// assert plan.municipality.code == "402052"
/// ```
#[pyfunction]
fn iizuka_third_plan(py: Python<'_>) -> PyPlan {
    let (plan, warnings) = py.detach(|| {
        let plan = iizuka::third_plan();
        let warnings = welfare_plan::validate(&plan);
        (plan, warnings)
    });
    PyPlan::new(plan, warnings)
}

/// The JSON Schema (draft 2020-12) of the plan format, as in `schemas/plan.schema.json`.
///
/// ```python
/// jsonschema.Draft202012Validator(welfare_plan.json_schema()).validate(document)
/// ```
#[pyfunction]
fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json::to_python(py, &schema::plan_schema())
}

/// The JSON Schema (draft 2020-12) of the progress report format, as in
/// `schemas/progress-report.schema.json`.
///
/// ```python
/// jsonschema.Draft202012Validator(welfare_plan.report_json_schema()).validate(report_document)
/// ```
#[pyfunction]
fn report_json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    json::to_python(py, &schema::report_schema())
}

/// Reads a fiscal year written as an era year or a Western year: `令和5年度` → 2023; also
/// `令和元年度`, `R5`, `平成31年度`, full-width digits, `FY2023`. Raises `EraError`.
///
/// ```python
/// assert welfare_plan.fiscal_year_from_era("令和5年度") == 2023
/// ```
#[pyfunction]
fn fiscal_year_from_era(py: Python<'_>, text: &str) -> PyResult<i32> {
    era::fiscal_year_from_era(text).map_err(|e| era_error(py, &e))
}

/// The Japanese name of a fiscal year: 2023 → `令和5年度`, 2019 → `令和元年度`. Raises
/// `EraError` outside 1868–2200.
///
/// ```python
/// assert welfare_plan.era_label(2023) == "令和5年度"
/// ```
#[pyfunction]
fn era_label(py: Python<'_>, fiscal_year: &Bound<'_, PyAny>) -> PyResult<String> {
    let year = fiscal_year_arg(py, fiscal_year)?;
    era::era_label(year).map_err(|e| era_error(py, &e))
}

/// The English name of a fiscal year: 2023 → `FY2023 (Reiwa 5)`. Raises `EraError`.
///
/// ```python
/// assert welfare_plan.era_label_en(2023) == "FY2023 (Reiwa 5)"
/// ```
#[pyfunction]
fn era_label_en(py: Python<'_>, fiscal_year: &Bound<'_, PyAny>) -> PyResult<String> {
    let year = fiscal_year_arg(py, fiscal_year)?;
    era::era_label_en(year).map_err(|e| era_error(py, &e))
}

/// The core's code lists that the JSON Schemas do not enumerate, for `generate_types.py` and
/// the test that keeps `welfare_plan.types` in step: issue codes, severities, and the help
/// sectors of the built-in help models with their Japanese labels.
#[pyfunction(name = "_code_lists")]
fn code_lists() -> std::collections::BTreeMap<&'static str, Vec<&'static str>> {
    use welfare_plan::{HelpSector, IssueCode, Severity};
    std::collections::BTreeMap::from([
        ("IssueCode", IssueCode::ALL.iter().map(|c| c.as_str()).collect()),
        (
            "Severity",
            [Severity::Error, Severity::Warning]
                .iter()
                .map(|s| s.as_str())
                .collect(),
        ),
        ("Sector", HelpSector::ALL.iter().map(|s| s.code()).collect()),
        (
            "SectorLabel",
            HelpSector::ALL.iter().map(|s| s.label_ja()).collect(),
        ),
        (
            "SectorLabelEn",
            HelpSector::ALL.iter().map(|s| s.label_en()).collect(),
        ),
    ])
}

/// The native module; import `welfare_plan` instead.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(iizuka_third_plan, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(report_json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(fiscal_year_from_era, m)?)?;
    m.add_function(wrap_pyfunction!(era_label, m)?)?;
    m.add_function(wrap_pyfunction!(era_label_en, m)?)?;
    m.add_function(wrap_pyfunction!(report::loads_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::load_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::validate_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::is_progress_report, m)?)?;
    m.add_function(wrap_pyfunction!(report::plan_hash, m)?)?;
    m.add_function(wrap_pyfunction!(progress::evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(diff::diff_documents, m)?)?;
    m.add_function(wrap_pyfunction!(sheet::import_plan, m)?)?;
    m.add_function(wrap_pyfunction!(sheet::import_report, m)?)?;
    // What unpickling calls, and the code lists; private, so set as attributes rather than listed in `__all__`.
    for restore in [
        wrap_pyfunction!(code_lists, m)?,
        wrap_pyfunction!(pickle::restore_plan, m)?,
        wrap_pyfunction!(pickle::restore_part, m)?,
        wrap_pyfunction!(pickle::restore_issue, m)?,
        wrap_pyfunction!(pickle::restore_text, m)?,
        wrap_pyfunction!(pickle::restore_limits, m)?,
        wrap_pyfunction!(pickle::report::restore_report, m)?,
        wrap_pyfunction!(pickle::report::restore_report_part, m)?,
        wrap_pyfunction!(pickle::report::restore_progress, m)?,
        wrap_pyfunction!(pickle::report::restore_progress_part, m)?,
    ] {
        let name: String = restore.getattr("__name__")?.extract()?;
        m.setattr(name.as_str(), &restore)?;
    }
    m.add_class::<PyPlan>()?;
    m.add_class::<PyIssue>()?;
    m.add_class::<limits::PyLimits>()?;
    m.add_class::<text::PyText>()?;
    m.add_class::<report::PyProgressReport>()?;
    m.add_class::<progress::PyProgress>()?;
    m.add_class::<diff::PyDiff>()?;
    part::add_classes(m)
}
