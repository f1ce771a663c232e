//! Progress reports (進行管理) for JavaScript: a report checked against its plan, the plan's
//! content hash that a report records, and the evaluation of a plan over its reports. Every
//! rule, grade and number comes from the core's `report` module; this file converts arguments,
//! results and errors.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use welfare_plan::report::{self, CheckedReport, ProgressReport, Status};

use crate::input::{load, load_with, type_error, CoreLimits, Document, Limits, LimitsArg, Loaded};
use crate::output::{issues_to_js, json_to_js, range_error, report_error, to_js, Label};

// The progress report's types (ProgressReport, PlanRef, Actual …) are generated from
// schemas/progress-report.schema.json into report-types.d.ts; the plan's basic types that
// `Progress` uses come from types.d.ts. This module's glue is in pkg/reports/wasm/.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = r#"import type { FiscalYear, Observation, Quantity, Text } from "../../types.js";
import type { ProgressReport } from "../../report-types.js";"#;

/// Reads the limits, then the plan (throwing `PlanError` for an invalid one), then checks
/// `input` as a progress report of that plan.
fn check(input: &JsValue, plan: &JsValue, limits: &CoreLimits) -> Result<CheckedReport, JsValue> {
    let plan = load_with(plan, limits)?;
    Ok(Document::from_js(input).check_report(&plan, limits))
}

/// Checks a progress report against the plan it evaluates and returns every issue (errors and
/// warnings, in the core's order; pointers into the report); an empty array means a clean
/// report. Never throws for any report: a string, a `Uint8Array` (checked as bytes) or a
/// report object (written with `JSON.stringify`; its issues carry no line or column). The plan
/// is read as `parsePlan` reads it and throws `PlanError` when it is invalid, since there is
/// nothing to check the report against. Throws `TypeError`/`RangeError` only for malformed
/// `limits`, which apply to both documents.
///
/// ```js
/// const issues = validateReport(await fs.readFile("report-2026.json"), plan);
/// issues.filter((i) => i.code === "report.missing_entry"); // indicators and initiatives not reported
/// ```
#[wasm_bindgen(js_name = validateReport, unchecked_return_type = "Issue[]")]
pub fn validate_report(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ProgressReport")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let checked = check(&report, &plan, &limits)?;
    issues_to_js(&checked.issues)
}

/// Reads a progress report and checks it against its plan; returns the report as a plain
/// object that matches `schemas/progress-report.schema.json` (the JSON's own field names), or
/// throws `PlanError` with every issue (warnings included) when the report has errors.
/// Warnings alone do not throw. Throws `PlanError` for an invalid plan too, and
/// `TypeError`/`RangeError` for malformed `limits`.
///
/// ```js
/// const report = parseReport(await fs.readFile("report-2026.json"), plan);
/// report.fiscal_year; // 2026
/// ```
#[wasm_bindgen(js_name = parseReport, unchecked_return_type = "ProgressReport")]
pub fn parse_report(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ProgressReport")] report: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let report = valid(check(&report, &plan, &limits)?, None)?;
    json_to_js(&report.to_canonical_json())
}

/// The report of a check, or `PlanError` with its issues.
pub(crate) fn valid(checked: CheckedReport, which: Option<usize>) -> Result<ProgressReport, JsValue> {
    if checked.is_valid() {
        if let Some(report) = checked.report {
            return Ok(report);
        }
    }
    Err(report_error(&checked.issues, which))
}

/// The evaluation of a plan over its progress reports (one per fiscal year, in any order): each
/// indicator's yearly series with its target, achievement (the share of the way from the
/// baseline to the target), the share a straight line expects, a status and its grades; every
/// node's grades on each scale, entered beside computed; and each help sector's. The numbers
/// are the core's, the same as `welfare-plan progress --format json` prints under `progress`.
/// Each report is checked against the plan first: the first invalid one throws `PlanError`
/// with its issues (the message names its index), as does an invalid plan. Throws `TypeError`
/// when `reports` is not an array.
///
/// ```js
/// const progress = evaluate(plan, [report2025, report2026, report2027]);
/// for (const ind of progress.indicators) {
///   console.log(ind.name.ja, ind.years.map((y) => `${y.fiscal_year}: ${y.status}`).join(", "));
/// }
/// ```
#[wasm_bindgen(unchecked_return_type = "Progress")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Array<string | Uint8Array | ProgressReport>")] reports: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    if !Array::is_array(&reports) {
        return Err(not_an_array());
    }
    let plan = load_with(&plan, &limits)?;
    let read = read_reports(&reports, &plan, &limits)?;
    to_js(&report::evaluate(&plan, &read))
}

/// The error for `reports` that is not an array.
pub(crate) fn not_an_array() -> JsValue {
    type_error("reports must be an array of progress reports (objects, strings or Uint8Arrays)")
}

/// Each of the array `reports`, checked against `plan`; the first invalid one throws
/// `PlanError` with its issues (the message names its index).
pub(crate) fn read_reports(
    reports: &JsValue,
    plan: &Loaded,
    limits: &CoreLimits,
) -> Result<Vec<ProgressReport>, JsValue> {
    let reports: &Array = reports.unchecked_ref();
    let mut read = Vec::new();
    for (n, input) in reports.iter().enumerate() {
        let checked = Document::from_js(&input).check_report(plan, limits);
        read.push(valid(checked, Some(n))?);
    }
    Ok(read)
}

/// The content hash of a plan, `sha256:` and 64 hex digits of its canonical JSON: what a
/// progress report records in `plan.hash`, so that it never silently applies to a plan that
/// has changed since. Throws `PlanError` for an invalid plan.
///
/// ```js
/// const report = { document: "progress_report", schema_version: "1.0", id: "r2026",
///   plan: { id: plan.id, edition: plan.edition, hash: planHash(plan) }, fiscal_year: 2026 };
/// ```
#[wasm_bindgen(js_name = planHash)]
pub fn plan_hash(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    Ok(load(&plan, limits.as_deref())?.hash().to_owned())
}

/// The name of an indicator's status in both languages, from the core:
/// `statusLabel("on_track")` is `{ ja: "順調", en: "on track" }`. Throws `RangeError` for a
/// name that is no status.
///
/// ```js
/// for (const y of series.years) console.log(y.fiscal_year, statusLabel(y.status).ja);
/// ```
#[wasm_bindgen(js_name = statusLabel, unchecked_return_type = "Label")]
pub fn status_label(
    #[wasm_bindgen(unchecked_param_type = "Status")] status: &str,
) -> Result<JsValue, JsValue> {
    match Status::from_code(status).map(Status::labels) {
        Some((_, ja, en)) => to_js(&Label::from((ja.to_owned(), en.to_owned()))),
        None => {
            let known = Status::ALL.map(|s| format!("`{}`", s.labels().0)).join(", ");
            Err(range_error(format!(
                "unknown status `{}`; known statuses: {known}",
                welfare_plan::preview(status)
            )))
        }
    }
}
