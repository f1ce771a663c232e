//! From JavaScript arguments to the core's: the document (text, bytes or a plain object; a plan
//! or a progress report) and the limits.

use js_sys::{Object, Reflect, Uint8Array, JSON};
use std::rc::Rc;
use tsify::Tsify;
use wasm_bindgen::prelude::*;
#[cfg(any(feature = "reports", test))]
use welfare_plan::report::CheckedReport;
use welfare_plan::{check_str, check_with, Checked, Issue};

use crate::output::{js_number, plan_error};

#[wasm_bindgen]
extern "C" {
    /// The `limits` argument: a plain object declared by [`Limits`] (every field optional).
    #[wasm_bindgen(typescript_type = "Limits")]
    pub type LimitsArg;
}

/// The plan in `input` (a plan object, text or bytes; a 1.0 document comes back upgraded),
/// or `PlanError` when it has errors, or `TypeError`/`RangeError` for malformed `limits`.
pub(crate) fn load(input: &JsValue, limits: Option<&JsValue>) -> Result<Rc<Loaded>, JsValue> {
    load_with(input, &Limits::from_js(limits)?)
}

/// [`load`] with limits already read.
///
/// JavaScript has no handle for a plan read once: every function takes the plan's text, bytes
/// or object again, and a page that checks each year's report against one plan, or asks for
/// each sector's initiatives, hands over the same plan call after call. So the module keeps
/// the last plan it read, with the document and limits it came from, and a call with the same
/// document and limits gets it back instead of reading and checking it again (and hashing it
/// again, for a report). Only a valid plan is kept, and only one: a different plan frees it
/// before it is read.
pub(crate) fn load_with(input: &JsValue, limits: &CoreLimits) -> Result<Rc<Loaded>, JsValue> {
    let document = Document::from_js(input);
    if let Some(kept) = last::get(&document, limits) {
        return Ok(kept);
    }
    last::clear();
    let plan = document.check(limits).into_result().map_err(|e| plan_error(&e))?;
    let loaded = Rc::new(Loaded::new(plan));
    last::keep(document, *limits, Rc::clone(&loaded));
    Ok(loaded)
}

/// A plan read from JavaScript: the plan, and its content hash once something asks for it.
pub(crate) type Loaded = welfare_plan::report::HashedPlan;

/// The last plan read (see [`load_with`]). WebAssembly here runs one thread.
mod last {
    use super::{CoreLimits, Document, Loaded};
    use std::cell::RefCell;
    use std::rc::Rc;

    struct Kept {
        document: Document,
        limits: CoreLimits,
        loaded: Rc<Loaded>,
    }

    thread_local! {
        static LAST: RefCell<Option<Kept>> = const { RefCell::new(None) };
    }

    /// The plan kept for `document` read with `limits`, if it is the last one read.
    pub(super) fn get(document: &Document, limits: &CoreLimits) -> Option<Rc<Loaded>> {
        LAST.with_borrow(|last| {
            last.as_ref()
                .filter(|k| k.limits == *limits && k.document.same_as(document))
                .map(|k| Rc::clone(&k.loaded))
        })
    }

    /// Frees the plan kept, so that reading another never holds two.
    pub(super) fn clear() {
        LAST.with_borrow_mut(|last| *last = None);
    }

    /// Keeps `loaded`, read from `document` with `limits`.
    pub(super) fn keep(document: Document, limits: CoreLimits, loaded: Rc<Loaded>) {
        LAST.with_borrow_mut(|last| {
            *last = Some(Kept {
                document,
                limits,
                loaded,
            })
        });
    }
}

/// The core's limits.
pub(crate) type CoreLimits = welfare_plan::Limits;

/// A document as it arrived from JavaScript, copied once into WebAssembly memory.
pub(crate) enum Document {
    /// A `Uint8Array` (a file, a `fetch` body, a Node `Buffer`) or an `ArrayBuffer`: checked as
    /// bytes, so the UTF-8 check happens once, in Rust, and no JavaScript string is ever built.
    Bytes(Vec<u8>),
    /// A string: already text, so the UTF-8 check is skipped.
    Text(String),
    /// Any other value, written with `JSON.stringify`. Positions would point into text the
    /// caller never saw, so issues about it carry none.
    Written(String),
    /// A value `JSON.stringify` refused (a cycle, a `BigInt`, a throwing `toJSON`), and why.
    Unwritable(String),
}

impl Document {
    /// Takes a document from any JavaScript value; never throws.
    pub(crate) fn from_js(input: &JsValue) -> Document {
        if let Some(bytes) = input.dyn_ref::<Uint8Array>() {
            return Document::Bytes(bytes.to_vec());
        }
        // What `file.arrayBuffer()` gives: its bytes, not the `{}` `JSON.stringify` writes.
        if let Some(buffer) = input.dyn_ref::<js_sys::ArrayBuffer>() {
            return Document::Bytes(Uint8Array::new(buffer).to_vec());
        }
        if let Some(text) = input.as_string() {
            return Document::Text(text);
        }
        match JSON::stringify(input) {
            // `JSON.stringify(undefined)` (or a function) gives `undefined`: an empty document.
            Ok(text) => Document::Written(text.as_string().unwrap_or_default()),
            Err(e) => Document::Unwritable(describe(&e)),
        }
    }

    /// Checks the document with the core.
    pub(crate) fn check(&self, limits: &CoreLimits) -> Checked {
        match self {
            Document::Bytes(bytes) => check_with(bytes, limits),
            Document::Text(text) => check_str(text, limits),
            Document::Written(text) => {
                let mut checked = check_str(text, limits);
                unlocate(&mut checked.issues);
                checked
            }
            Document::Unwritable(reason) => Checked {
                plan: None,
                issues: vec![Issue::unwritable(reason)],
            },
        }
    }

    /// Whether two documents are the same: the same kind of argument and the same text. A
    /// plan's issues differ between text and a written object (the object's carry no
    /// positions), and a string with a BOM is not the bytes with one.
    fn same_as(&self, other: &Document) -> bool {
        match (self, other) {
            (Document::Bytes(a), Document::Bytes(b)) => a == b,
            (Document::Text(a), Document::Text(b)) | (Document::Written(a), Document::Written(b)) => a == b,
            _ => false,
        }
    }

    /// Checks the document as a progress report of `plan` with the core, as [`Document::check`]
    /// checks a plan.
    #[cfg(any(feature = "reports", test))]
    pub(crate) fn check_report(self, plan: &Loaded, limits: &CoreLimits) -> CheckedReport {
        let check = |bytes: &[u8]| plan.check_report(bytes, limits);
        match self {
            Document::Bytes(bytes) => check(&bytes),
            Document::Text(text) => check(text.as_bytes()),
            Document::Written(text) => {
                let mut checked = check(text.as_bytes());
                unlocate(&mut checked.issues);
                checked
            }
            Document::Unwritable(reason) => CheckedReport {
                report: None,
                issues: vec![Issue::unwritable(&reason)],
            },
        }
    }
}

/// Drops the positions of issues found in text the caller never saw (an object written with
/// `JSON.stringify`).
fn unlocate(issues: &mut [Issue]) {
    for issue in issues {
        issue.line = None;
        issue.column = None;
    }
}

/// The message of a thrown JavaScript value.
fn describe(thrown: &JsValue) -> String {
    if let Some(e) = thrown.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    thrown
        .as_string()
        .unwrap_or_else(|| "the value threw while being written".to_owned())
}

/// Limits on what a document may contain; every field is optional and defaults to the core's
/// default. `Infinity` lifts a limit.
///
/// ```js
/// validate(bytes, { maxInputBytes: 64 * 1024 * 1024, maxElements: Infinity });
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// The largest input accepted, in bytes (`input.too_large`). Default 32 MiB.
    #[tsify(optional)]
    pub max_input_bytes: Option<f64>,
    /// The deepest nesting inside `extensions` (`limit.too_deep`). Default 32; the parser
    /// itself stops at 128 levels anywhere.
    #[tsify(optional)]
    pub max_depth: Option<f64>,
    /// The longest text, in characters (`limit.text_too_long`). Default 100,000.
    #[tsify(optional)]
    pub max_text_chars: Option<f64>,
    /// The most elements in any one list (`limit.too_many_elements`). Default 100,000.
    #[tsify(optional)]
    pub max_elements: Option<f64>,
    /// The most issues reported per document (at least 1); one more,
    /// `limit.too_many_issues`, counts the rest. Default 1,000.
    #[tsify(optional)]
    pub max_issues: Option<f64>,
}

impl Limits {
    /// Reads limits from nothing (`undefined`, `null`) or a plain object; throws `TypeError` for an
    /// unknown name or a value that is not a number, `RangeError` for a negative or
    /// fractional number.
    pub(crate) fn from_js(value: Option<&JsValue>) -> Result<CoreLimits, JsValue> {
        let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
            return Ok(CoreLimits::default());
        };
        let Some(object) = value.dyn_ref::<Object>().filter(|_| value.is_object()) else {
            return Err(type_error(
                "limits must be an object such as `{ maxInputBytes: 1048576 }`",
            ));
        };
        let mut limits = CoreLimits::default();
        for key in Object::keys(object).iter() {
            let name = key.as_string().unwrap_or_default();
            let v = Reflect::get(object, &key)?;
            if v.is_undefined() {
                continue;
            }
            let Some(n) = v.as_f64() else {
                return Err(type_error(&format!("limit `{name}` must be a number")));
            };
            // The core names the limits; JavaScript spells them in camelCase.
            let Some(core_name) = CoreLimits::NAMES.into_iter().find(|c| camel_case(c) == name) else {
                let known = limit_names().map(|n| format!("`{n}`")).join(", ");
                return Err(type_error(&format!(
                    "unknown limit `{}`; known limits: {known}",
                    welfare_plan::preview(&name)
                )));
            };
            let Some(n) = count(n) else {
                return Err(js_sys::RangeError::new(&format!(
                    "limit `{name}` must be a whole number ≥ 0 or `Infinity`, got `{}`",
                    js_number(n)
                ))
                .into());
            };
            // Cannot fail: the name is one of the core's own.
            let _ = limits.set(core_name, n);
        }
        Ok(limits)
    }
}

/// `max_input_bytes` → `maxInputBytes`.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The JavaScript names of the limits, as the TypeScript declaration spells them.
fn limit_names() -> [String; 5] {
    CoreLimits::NAMES.map(camel_case)
}

/// A JavaScript number as a count: whole and not negative; `Infinity` is no limit at all.
pub(crate) fn count(v: f64) -> Option<usize> {
    if v == f64::INFINITY {
        Some(usize::MAX)
    } else if v.is_finite() && v >= 0.0 && v.fract() == 0.0 {
        // `as` saturates: numbers past the address space mean "no limit" too.
        Some(v as usize)
    } else {
        None
    }
}

pub(crate) fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_non_negative_numbers() {
        assert_eq!(count(0.0), Some(0));
        assert_eq!(count(1000.0), Some(1000));
        assert_eq!(count(f64::INFINITY), Some(usize::MAX));
        assert_eq!(count(1e300), Some(usize::MAX));
        for bad in [-1.0, 0.5, f64::NAN, f64::NEG_INFINITY] {
            assert_eq!(count(bad), None, "{bad}");
        }
    }

    #[test]
    fn limit_names_are_the_cores_in_camel_case() {
        assert_eq!(camel_case("max_input_bytes"), "maxInputBytes");
        assert_eq!(camel_case("max_issues"), "maxIssues");
        assert_eq!(limit_names().len(), CoreLimits::NAMES.len());
    }

    #[test]
    fn the_names_read_are_the_names_declared() {
        let decl = <Limits as Tsify>::DECL;
        for name in limit_names() {
            assert!(decl.contains(&format!("{name}?: number")), "{name} in {decl}");
        }
        assert_eq!(decl.matches("?: number").count(), limit_names().len(), "{decl}");
    }

    #[test]
    fn written_values_lose_their_positions() {
        let checked = Document::Written("{\"schema_version\": 1}".into()).check(&CoreLimits::default());
        assert!(!checked.issues.is_empty());
        assert!(checked
            .issues
            .iter()
            .all(|i| i.line.is_none() && i.column.is_none()));
        let checked = Document::Text("{\"schema_version\": 1}".into()).check(&CoreLimits::default());
        assert!(checked.issues.iter().all(|i| i.line.is_some()));
    }

    #[test]
    fn unwritable_values_are_a_syntax_issue_not_an_exception() {
        let checked = Document::Unwritable("cyclic object value".into()).check(&CoreLimits::default());
        assert_eq!(checked.issues.len(), 1);
        assert_eq!(checked.issues[0].code, welfare_plan::IssueCode::JsonSyntax);
        assert!(checked.issues[0].message_en.contains("cyclic object value"));
        assert!(!checked.is_valid());
    }
}
