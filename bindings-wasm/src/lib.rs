//! # welfare-plan for JavaScript
//!
//! The npm package `welfare-plan`: the Rust core of regional welfare plans (地域福祉計画)
//! compiled to WebAssembly. This crate is a thin door: it converts arguments (a document as a
//! string, bytes or a plain object, be it a plan or a progress report; limits), results (plain
//! objects, written as JSON and read with one `JSON.parse`) and errors (`PlanError` with
//! `.issues`, `RangeError`, `TypeError`). Every rule, and every number of a progress evaluation,
//! lives in the core. The progress-report functions are compiled only with the `reports`
//! feature: the package's `welfare-plan/reports` module, a superset of the plan module.
//!
//! ```js
//! import { parsePlan, validate, PlanError } from "welfare-plan";
//!
//! const issues = validate(await fs.readFile("plan.json")); // never throws
//! try {
//!   const plan = parsePlan(text);
//! } catch (e) {
//!   if (e instanceof PlanError) console.table(e.issues);
//! }
//! ```
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

mod input;
mod output;
mod tree;

// The progress-report functions, the pages (HTML, Markdown) and the diffs are the package's second module, `welfare-plan/reports`, built
// with `--features reports`; the plan module leaves the core's report code out (see README
// "Size"). The unit tests compile them whatever the features, so that `cargo test` checks them.
#[cfg(any(feature = "reports", test))]
mod progress;
#[cfg(any(feature = "reports", test))]
mod publish;
#[cfg(any(feature = "reports", test))]
mod report;
// Workbooks and CSV files back into documents: the package's third module,
// `welfare-plan/sheets`, built with `--features sheets` (the core's zip and xlsx readers), which
// a page loads only when a spreadsheet is dropped on it.
#[cfg(any(feature = "sheets", test))]
mod sheet;

#[cfg(any(feature = "reports", test))]
pub use progress::{
    IndicatorSeries, IndicatorYear, NodeGrade, NodeSeries, NodeYear, Progress, SectorSeries, Status,
};

use wasm_bindgen::prelude::*;
use welfare_plan::era;
use welfare_plan::numbering::challenge_label;
use welfare_plan::HelpSector;

use crate::input::{load, Document, Limits, LimitsArg};
use crate::output::{
    bilingual_range_error, issues_to_js, js_number, json_to_js, range_error, to_js, user_range_error, Label,
};

// The plan's types (Plan, Level, Node, Indicator, Text …) are generated from
// schemas/plan.schema.json, which schemars generates from the core's Rust types; HelpSector and
// IssueCode from schemas/codelists.json, which the core generates from its lists of codes. The
// path is from the glue's folder: pkg/wasm/ for the plan module, pkg/reports/wasm/ for the
// reports module.
#[cfg(not(any(feature = "reports", feature = "sheets")))]
#[wasm_bindgen(typescript_custom_section)]
const PLAN_TYPES: &str = r#"import type { HelpSector, IssueCode, Plan } from "../types.js";"#;
#[cfg(any(feature = "reports", feature = "sheets"))]
#[wasm_bindgen(typescript_custom_section)]
const PLAN_TYPES: &str = r#"import type { HelpSector, IssueCode, Plan } from "../../types.js";"#;

/// Parses and validates a plan document; returns the plan as a plain object that matches the
/// JSON Schema (format 2.0: a 1.0 document comes back upgraded), or throws `PlanError` (with
/// `.issues`, warnings included) when the document has errors. Warnings alone do not throw.
/// Pass a `Uint8Array` for files and `fetch` bodies: bytes go to WebAssembly as they are, never
/// decoded into a JavaScript string. Any other object (one from `JSON.parse`, say) is written
/// with `JSON.stringify` and checked as that text. Throws `TypeError`/`RangeError` only for
/// malformed `limits`.
///
/// ```js
/// const plan = parsePlan(await fs.readFile("plan.json"));
/// plan.nodes[0].title.ja; // "お互いを大切にし合うひとづくり"
/// const fromJson = parsePlan(await (await fetch("plan.json")).json());
/// ```
#[wasm_bindgen(js_name = parsePlan, unchecked_return_type = "Plan")]
pub fn parse_plan(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | object")] input: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let json = load(&input, limits.as_deref())?.to_canonical_json();
    json_to_js(&json)
}

/// Checks a document and returns every issue (errors and warnings, in the core's order);
/// an empty array means a clean plan. Never throws for any document: a string, a
/// `Uint8Array` (checked as bytes: invalid UTF-8 is an issue), or a plan object (written with
/// `JSON.stringify` and checked as text; issues about an object carry no line or column).
/// Throws `TypeError`/`RangeError` only for malformed `limits`.
///
/// ```js
/// const errors = validate(text).filter((i) => i.severity === "error");
/// const valid = errors.length === 0;
/// ```
#[wasm_bindgen(unchecked_return_type = "Issue[]")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | Plan")] input: JsValue,
    limits: Option<LimitsArg>,
) -> Result<JsValue, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    let checked = Document::from_js(&input).check(&limits);
    drop(checked.plan);
    issues_to_js(&checked.issues)
}

/// Whether `value` is a plan object: a plain object in format 2.0 (what `Plan` declares) that
/// has no errors (warnings allowed), checked as `validate` checks it. A TypeScript type guard:
/// `value` is a `Plan` where it returns `true`. False for text and bytes (they are documents,
/// not plans: use `parsePlan`) and for a 1.0 document (`parsePlan` upgrades it). Never throws,
/// except `TypeError`/`RangeError` for malformed `limits`.
///
/// ```js
/// const data: unknown = JSON.parse(text);
/// if (isPlan(data)) console.log(data.title.ja); // data: Plan
/// ```
#[wasm_bindgen(js_name = isPlan, unchecked_return_type = "value is Plan")]
pub fn is_plan(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
    limits: Option<LimitsArg>,
) -> Result<bool, JsValue> {
    let limits = Limits::from_js(limits.as_deref())?;
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Ok(false);
    }
    // A throwing getter or a proxy is no plan.
    let version = js_sys::Reflect::get(&value, &JsValue::from_str("schema_version"))
        .ok()
        .and_then(|v| v.as_string());
    if version.as_deref() != Some(welfare_plan::SCHEMA_VERSION) {
        return Ok(false);
    }
    match Document::from_js(&value) {
        document @ (Document::Written(_) | Document::Unwritable(_)) => Ok(document.check(&limits).is_valid()),
        // A `Uint8Array` or an `ArrayBuffer` holds a document, not a plan object.
        Document::Bytes(_) | Document::Text(_) => Ok(false),
    }
}

/// The plan as canonical JSON: fields in the format's order, two-space indentation, UTF-8
/// without escapes, a trailing newline; byte-identical to the Rust library's
/// `Plan::to_canonical_json`. The plan goes through the same checks as `parsePlan` and an
/// invalid one throws `PlanError`. A 1.0 document is written as 2.0: that is the upgrade.
///
/// ```js
/// await fs.writeFile("plan.json", toCanonicalJson(plan));
/// ```
#[wasm_bindgen(js_name = toCanonicalJson)]
pub fn to_canonical_json(
    #[wasm_bindgen(unchecked_param_type = "Plan | string | Uint8Array")] plan: JsValue,
    limits: Option<LimitsArg>,
) -> Result<String, JsValue> {
    Ok(load(&plan, limits.as_deref())?.to_canonical_json())
}

/// The Japanese name of a fiscal year (年度): `eraLabel(2023) === "令和5年度"`,
/// `eraLabel(2019) === "令和元年度"`. Throws `RangeError` outside 1868–2200.
///
/// ```js
/// eraLabel(plan.period.start_fiscal_year); // "令和5年度"
/// ```
#[wasm_bindgen(js_name = eraLabel)]
pub fn era_label(#[wasm_bindgen(js_name = fiscalYear)] fiscal_year: f64) -> Result<String, JsValue> {
    era::era_label(whole(fiscal_year, FISCAL_YEAR)?).map_err(|e| user_range_error(e.into()))
}

/// The English name of a fiscal year: `eraLabelEn(2023) === "FY2023 (Reiwa 5)"`. Throws
/// `RangeError` outside 1868–2200.
///
/// ```js
/// eraLabelEn(2032); // "FY2032 (Reiwa 14)"
/// ```
#[wasm_bindgen(js_name = eraLabelEn)]
pub fn era_label_en(#[wasm_bindgen(js_name = fiscalYear)] fiscal_year: f64) -> Result<String, JsValue> {
    era::era_label_en(whole(fiscal_year, FISCAL_YEAR)?).map_err(|e| user_range_error(e.into()))
}

/// The Japanese name of a calendar month: `monthLabel(2023, 3) === "令和5年3月"`.
/// Throws `RangeError` for an unsupported month.
///
/// ```js
/// monthLabel(2019, 4); // "平成31年4月"
/// ```
#[wasm_bindgen(js_name = monthLabel)]
pub fn month_label(year: f64, month: f64) -> Result<String, JsValue> {
    let (year, month) = (whole(year, YEAR)?, whole(month, MONTH)?);
    era::month_label(year, month).map_err(|e| user_range_error(e.into()))
}

/// Reads a fiscal year written with an era or in Western years and returns the Western
/// year: `fiscalYearFromEra("令和5年度") === 2023`. Accepts 令和元年度, full-width digits,
/// short forms (R5, H30), romanised names (Reiwa 5) and 2023年度 / FY2023. Throws
/// `RangeError` saying why for anything else: in English as its `message`, in Japanese as
/// its `messageJa` (as every error for a year, a month, a sector or a level does).
///
/// ```js
/// fiscalYearFromEra("平成31年度"); // 2019
/// ```
#[wasm_bindgen(js_name = fiscalYearFromEra)]
pub fn fiscal_year_from_era(text: &str) -> Result<i32, JsValue> {
    era::fiscal_year_from_era(text).map_err(|e| user_range_error(e.into()))
}

/// A challenge's label: `challengeLabel(6)` is `{ ja: "⑥", en: "Challenge 6" }`.
///
/// ```js
/// challengeLabel(challenge.number).ja; // "⑥"
/// ```
#[wasm_bindgen(js_name = challengeLabel, unchecked_return_type = "Label")]
pub fn challenge_label_js(number: f64) -> Result<JsValue, JsValue> {
    pair(challenge_label(ordinal(number)?))
}

/// A built-in help sector's name: `sectorLabel("self_help")` is `{ ja: "自助", en: "self-help" }`.
/// Throws `RangeError` for a name that is no built-in sector. A plan's own sectors (a custom
/// help model, or its own labels) come from `helpModelLabels(plan)`.
///
/// ```js
/// sectorLabel("mutual_help").ja; // "共助"
/// ```
#[wasm_bindgen(js_name = sectorLabel, unchecked_return_type = "Label")]
pub fn sector_label(
    #[wasm_bindgen(unchecked_param_type = "HelpSector")] sector: &str,
) -> Result<JsValue, JsValue> {
    let s = HelpSector::from_name(sector).map_err(user_range_error)?;
    pair((s.label_ja().to_owned(), s.label_en().to_owned()))
}

fn pair(label: (String, String)) -> Result<JsValue, JsValue> {
    to_js(&Label::from(label))
}

/// A number argument that names a year or a month.
struct Dated {
    /// Its name in English and in Japanese.
    en: &'static str,
    ja: &'static str,
    /// The core's reason for a whole number too large for any: out of range for a fiscal
    /// year, no such month for a month's year or month.
    too_large: era::EraReason,
}

const FISCAL_YEAR: Dated = Dated {
    en: "fiscal year",
    ja: "年度",
    too_large: era::EraReason::OutOfRange,
};
const YEAR: Dated = Dated {
    en: "year",
    ja: "年",
    too_large: era::EraReason::NotAMonth,
};
const MONTH: Dated = Dated {
    en: "month",
    ja: "月",
    too_large: era::EraReason::NotAMonth,
};

/// A JavaScript number as a year or a month, or a `RangeError` in both languages: what a user
/// typed into a form may arrive as `2023.5`. A whole number beyond any `i32` (`1e12`) is refused
/// by the core's reason, quoting the number given, as a smaller one out of range is.
fn whole(n: f64, what: Dated) -> Result<i32, JsValue> {
    let given = js_number(n);
    if !(n.is_finite() && n.fract() == 0.0) {
        return Err(bilingual_range_error(
            &format!("the {} must be a whole number, got `{given}`", what.en),
            &format!("{}は整数で指定してください（`{given}` が渡されました）", what.ja),
        ));
    }
    // `as i64` saturates; any whole number past an i32 is out of every range the core has.
    i32::try_from(n as i64).map_err(|_| user_range_error(era::EraError::new(&given, what.too_large).into()))
}

/// A JavaScript number as an ordinal (a whole number ≥ 0), or `RangeError`.
fn ordinal(n: f64) -> Result<u32, JsValue> {
    if n.is_finite() && n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n as u32)
    } else {
        Err(range_error(format!(
            "an ordinal must be a whole number ≥ 0, got `{}`",
            js_number(n)
        )))
    }
}
