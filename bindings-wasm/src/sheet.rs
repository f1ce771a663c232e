//! `importPlan` and `importReport` (the `welfare-plan/sheets` module): a workbook's bytes, or
//! CSV files by name, read back into a document by the core's `sheet::import_plan` /
//! `import_report`, which tell a workbook from CSV by its bytes. Every issue carries its
//! `cell` (`体系!H14`) beside its JSON Pointer.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

use crate::input::{load_with, type_error, Limits, LimitsArg};
use crate::output::{json_to_js, plan_error};

#[wasm_bindgen(typescript_custom_section)]
const SHEET_TYPES: &str = r#"import type { ProgressReport } from "../../report-types.js";
/** What `importPlan` and `importReport` read: an xlsx workbook's bytes, or CSV files by name. */
export type Spreadsheet = Uint8Array | ArrayBuffer | Record<string, Uint8Array | string>;"#;

/// Reads a plan back from a spreadsheet: an xlsx workbook's bytes (a dropped file's
/// `arrayBuffer()`, `fs.readFile`), or the CSV files of its tables as an object from file name
/// to bytes or text, as `welfare-plan export --format xlsx|csv` writes them. Returns the plan
/// as a plain object, or throws `PlanError` whose `.issues` holds every issue, each with its
/// `cell` (`"体系!H14"`) as well as its `path`. Throws `TypeError` for an argument that is no
/// spreadsheet.
///
/// ```js
/// const plan = importPlan(new Uint8Array(await file.arrayBuffer()));
/// ```
#[wasm_bindgen(js_name = importPlan, unchecked_return_type = "Plan")]
pub fn import_plan(
    #[wasm_bindgen(unchecked_param_type = "Spreadsheet")] input: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let imported = welfare_plan::sheet::import_plan(&files(&input)?, &limits);
    let plan = imported.into_result().map_err(|e| plan_error(&e))?;
    json_to_js(&plan.to_canonical_json())
}

/// Reads a progress report of `plan` back from its evaluation workbook (or CSV files), as
/// `welfare-plan export REPORT --plan PLAN --format xlsx` writes it; throws `PlanError` with
/// every issue, each at its cell, when it has errors (or when the plan has).
///
/// ```js
/// const report = importReport(bytes, plan);
/// ```
#[wasm_bindgen(js_name = importReport, unchecked_return_type = "ProgressReport")]
pub fn import_report(
    #[wasm_bindgen(unchecked_param_type = "Spreadsheet")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let plan = load_with(&plan, &limits)?;
    let imported = welfare_plan::sheet::import_report(&files(&input)?, &plan, &limits);
    let report = imported.into_result().map_err(|e| plan_error(&e))?;
    json_to_js(&report.to_canonical_json())
}

/// The files of the spreadsheet in `input`.
fn files(input: &JsValue) -> Result<Vec<(String, Vec<u8>)>, JsValue> {
    if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
        return Ok(vec![("workbook.xlsx".to_owned(), bytes.to_vec())]);
    }
    if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(vec![(
            "workbook.xlsx".to_owned(),
            Uint8Array::new(buffer).to_vec(),
        )]);
    }
    let not_a_spreadsheet = || {
        type_error(
            "expected a workbook (Uint8Array or ArrayBuffer) or CSV files ({ name: Uint8Array | string })",
        )
    };
    let Some(object) = input.dyn_ref::<Object>().filter(|_| input.is_object()) else {
        return Err(not_a_spreadsheet());
    };
    let mut files = Vec::new();
    for key in Object::keys(object).iter() {
        let name = key.as_string().unwrap_or_default();
        let value = Reflect::get(object, &key)?;
        let bytes = if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            bytes.to_vec()
        } else if let Some(text) = value.as_string() {
            text.into_bytes()
        } else {
            return Err(type_error(&format!(
                "the CSV file `{name}` is neither a Uint8Array nor a string"
            )));
        };
        files.push((name, bytes));
    }
    if files.is_empty() {
        return Err(not_a_spreadsheet());
    }
    Ok(files)
}
