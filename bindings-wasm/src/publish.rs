//! The plan as a document people read (HTML, Markdown) and the changes between two editions,
//! for JavaScript. The pages and the diff are the core's (`publish`, `diff`); this file
//! converts arguments and errors.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use welfare_plan::diff::{self, Diff};
use welfare_plan::{report, Lang, Plan};

use crate::input::{load_with, CoreLimits, Document, Limits, LimitsArg, Loaded};
use crate::output::{range_error, to_js};
use crate::report::{not_an_array, read_reports, valid};
use std::rc::Rc;

// `Diff` is generated from schemas/diff.schema.json into diff-types.d.ts, as the report's types
// are from theirs.
#[wasm_bindgen(typescript_custom_section)]
const DIFF_TYPES: &str = r#"import type { Diff } from "../../diff-types.js";"#;

/// `"ja"` (the default) or `"en"`; a `RangeError` for anything else.
fn lang_of(lang: Option<String>) -> Result<Lang, JsValue> {
    match lang.as_deref() {
        None | Some("ja") => Ok(Lang::Ja),
        Some("en") => Ok(Lang::En),
        Some(other) => Err(range_error(format!(
            "unknown language `{other}`; expected \"ja\" or \"en\""
        ))),
    }
}

/// The plan and, when `reports` is given, its evaluation over them (each checked first).
fn plan_and_progress(
    plan: &JsValue,
    reports: Option<JsValue>,
    limits: &CoreLimits,
) -> Result<(Rc<Loaded>, Option<report::Progress>), JsValue> {
    let plan = load_with(plan, limits)?;
    let Some(reports) = reports.filter(|r| !r.is_undefined() && !r.is_null()) else {
        return Ok((plan, None));
    };
    if !Array::is_array(&reports) {
        return Err(not_an_array());
    }
    let read = read_reports(&reports, &plan, limits)?;
    let progress = report::evaluate(&plan, &read);
    Ok((plan, Some(progress)))
}

/// A core page writer (`publish::html` or `publish::markdown`).
type Writer = fn(&Plan, Option<&report::Progress>, Lang) -> String;

/// The page `write` makes of the plan and, given reports, of its evaluation over them.
fn page(
    write: Writer,
    plan: &JsValue,
    reports: Option<JsValue>,
    lang: Option<String>,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    let limits = Limits::from_js(limits.as_deref())?;
    let (plan, progress) = plan_and_progress(plan, reports, &limits)?;
    Ok(write(&plan, progress.as_ref(), lang))
}

/// The plan as one self-contained HTML page (inline CSS and SVG, no script, print-ready on
/// A4), the same as `welfare-plan report --format html`; given progress reports of the plan,
/// with each indicator's trend chart, the grade tables and the roll-ups. `lang` is `"ja"` (the
/// default) or `"en"`. Throws `PlanError` for an invalid plan or report.
///
/// ```js
/// const html = toHtml(await fs.readFile("plan.json"), [report2025, report2026], "ja");
/// ```
#[wasm_bindgen(js_name = toHtml)]
pub fn to_html(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Array<string | Uint8Array | ProgressReport> | null")]
    reports: Option<JsValue>,
    lang: Option<String>,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    page(welfare_plan::publish::html, &plan, reports, lang, limits)
}

/// The same content as GitHub-flavoured Markdown (tables, no charts), as `welfare-plan report
/// --format md` writes it.
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Array<string | Uint8Array | ProgressReport> | null")]
    reports: Option<JsValue>,
    lang: Option<String>,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    page(welfare_plan::publish::markdown, &plan, reports, lang, limits)
}

/// The changes between two editions of a plan, as the core finds them.
fn plan_diff(old: &JsValue, new: &JsValue, limits: Option<LimitsArg>) -> Result<Diff, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let old = load_with(old, &limits)?;
    let new = load_with(new, &limits)?;
    Ok(diff::plans(&old, &new))
}

/// What changed from one edition of a plan to the next: nodes, challenges, actors and
/// indicators added, removed, reworded, moved, merged or split, matched by id, by lineage, and
/// where neither says, by similar text (`matched_by: "similarity"`, a guess). The same as
/// `welfare-plan diff --format json`. Throws `PlanError` for an invalid plan.
///
/// ```js
/// const { changes } = diffPlans(second, third);
/// changes.filter((c) => c.kind === "split");
/// ```
#[wasm_bindgen(js_name = diffPlans, unchecked_return_type = "Diff")]
pub fn diff_plans(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] new: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    to_js(&plan_diff(&old, &new, limits)?)
}

/// The changes between two editions as a self-contained HTML 新旧対照表 (old and new side by
/// side), as `welfare-plan diff --format html` writes it.
#[wasm_bindgen(js_name = diffHtml)]
pub fn diff_html(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] new: JsValue,
    lang: Option<String>,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    Ok(diff::html(&plan_diff(&old, &new, limits)?, lang))
}

/// The changes between two editions as text, one change per line, as `welfare-plan diff`
/// prints it.
#[wasm_bindgen(js_name = diffText)]
pub fn diff_text(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] new: JsValue,
    lang: Option<String>,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    let lang = lang_of(lang)?;
    Ok(diff::text(&plan_diff(&old, &new, limits)?, lang))
}

/// What changed between two progress reports of `plan` (two years, or two drafts of one
/// year): observations' values, node entries' grades and texts, opinions. Each report is
/// checked against the plan first and throws `PlanError` when invalid.
#[wasm_bindgen(js_name = diffReports, unchecked_return_type = "Diff")]
pub fn diff_reports(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ProgressReport")] old: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ProgressReport")] new: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let plan = load_with(&plan, &limits)?;
    let check = |input: &JsValue, n| valid(Document::from_js(input).check_report(&plan, &limits), Some(n));
    let read = [check(&old, 0)?, check(&new, 1)?];
    let [a, b] = &read;
    to_js(&diff::reports(a, b))
}
