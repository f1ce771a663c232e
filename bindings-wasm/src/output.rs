//! From the core's results to JavaScript values: plain objects (through one `JSON.parse`),
//! issues in JavaScript's naming, and `PlanError`.

use serde::Serialize;
use tsify::Tsify;
use wasm_bindgen::prelude::*;

/// How serious an issue is: errors make a document invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document is invalid.
    Error,
    /// Worth a look; the document is still valid.
    Warning,
}

impl From<welfare_plan::Severity> for Severity {
    fn from(s: welfare_plan::Severity) -> Self {
        match s {
            welfare_plan::Severity::Error => Severity::Error,
            welfare_plan::Severity::Warning => Severity::Warning,
        }
    }
}

/// One problem found in a document.
///
/// ```js
/// for (const issue of validate(text)) {
///   if (issue.severity === "error") console.log(issue.path, issue.messageEn, issue.line);
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    /// The stable code, such as `reference.dangling`. Codes never change meaning; translate
    /// and filter by code, never by message text.
    #[tsify(type = "IssueCode")]
    pub code: String,
    /// `"error"` makes the document invalid; `"warning"` does not.
    pub severity: Severity,
    /// Where, as a JSON Pointer such as `/nodes/0/children/1/title/ja`; `""` is the whole
    /// document. Issues in a format 1.0 document point into that document as written.
    pub path: String,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// The 1-based line in the text that was checked, when the document was given as text
    /// or bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub line: Option<u32>,
    /// The 1-based column, counted in Unicode characters (code points), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub column: Option<u32>,
    /// The spreadsheet cell with its sheet (`体系!H14`), for an issue found by `importPlan` or
    /// `importReport` (`welfare-plan/sheets`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[tsify(optional)]
    pub cell: Option<String>,
}

impl From<&welfare_plan::Issue> for Issue {
    fn from(i: &welfare_plan::Issue) -> Self {
        Issue {
            code: i.code.as_str().to_owned(),
            severity: i.severity.into(),
            path: i.path.to_string(),
            message_ja: i.message_ja.clone(),
            message_en: i.message_en.clone(),
            line: i.line,
            column: i.column,
            cell: i.cell.clone(),
        }
    }
}

/// A label in both languages, such as `{ ja: "基本目標Ⅰ", en: "Basic goal I" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Tsify)]
pub struct Label {
    /// Japanese.
    pub ja: String,
    /// English.
    pub en: String,
}

impl From<(String, String)> for Label {
    fn from((ja, en): (String, String)) -> Self {
        Label { ja, en }
    }
}

/// Any serialisable value as a plain JavaScript object: written as JSON in Rust, read back
/// with one native `JSON.parse`, which is faster than building the object field by field
/// across the boundary.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value).map_err(|e| JsValue::from(JsError::new(&e.to_string())))?;
    json_to_js(&text)
}

/// JSON text (written by this crate or embedded in it) as a JavaScript value.
pub(crate) fn json_to_js(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text)
}

/// The issues as JavaScript objects.
pub(crate) fn issues_to_js(issues: &[welfare_plan::Issue]) -> Result<JsValue, JsValue> {
    to_js(&issues.iter().map(Issue::from).collect::<Vec<_>>())
}

// From the glue's folder to the package's one plan-error.js, so that both modules throw the
// same class: pkg/wasm/ for the plan module, pkg/reports/wasm/ for the reports module.
#[cfg_attr(
    not(any(feature = "reports", feature = "sheets")),
    wasm_bindgen(raw_module = "../plan-error.js")
)]
#[cfg_attr(
    any(feature = "reports", feature = "sheets"),
    wasm_bindgen(raw_module = "../../plan-error.js")
)]
extern "C" {
    /// `PlanError` from `plan-error.js`, which the package's entry modules re-export, so that
    /// `instanceof PlanError` holds for what this module throws.
    #[wasm_bindgen(extends = js_sys::Error)]
    type PlanError;

    #[wasm_bindgen(constructor)]
    fn new(message: &str, issues: JsValue, message_ja: &str) -> PlanError;
}

/// The exception for an invalid document: a `PlanError` whose message is the core's summary
/// (`messageJa` in Japanese) and whose `.issues` holds every issue, warnings included.
pub(crate) fn plan_error(error: &welfare_plan::Error) -> JsValue {
    match issues_to_js(error.issues()) {
        Ok(issues) => {
            let ja = error.message(welfare_plan::Lang::Ja);
            PlanError::new(&error.to_string(), issues, &ja).into()
        }
        Err(e) => e,
    }
}

/// The exception for an invalid progress report: a `PlanError` (the package's one exception for
/// invalid documents) whose `.issues` holds every issue of the report, warnings included, at
/// pointers into the report. `which` names the report among several (`evaluate`).
#[cfg(any(feature = "reports", test))]
pub(crate) fn report_error(issues: &[welfare_plan::Issue], which: Option<usize>) -> JsValue {
    // The core's summary, with the report's index among several after its first words.
    let error = welfare_plan::Error::InvalidReport(issues.to_vec());
    let (summary, summary_ja) = (error.to_string(), error.message(welfare_plan::Lang::Ja));
    let (message, message_ja) = match which {
        Some(n) => (
            at_index(&summary, "invalid progress report", &format!(" at index {n}")),
            at_index(
                &summary_ja,
                "無効な評価報告です",
                &format!("（インデックス {n}）"),
            ),
        ),
        None => (summary, summary_ja),
    };
    match issues_to_js(issues) {
        Ok(issues) => PlanError::new(&message, issues, &message_ja).into(),
        Err(e) => e,
    }
}

/// `summary` with `index` after its first words `head`, or as it is if it does not start so.
#[cfg(any(feature = "reports", test))]
fn at_index(summary: &str, head: &str, index: &str) -> String {
    match summary.strip_prefix(head) {
        Some(rest) => format!("{head}{index}{rest}"),
        None => summary.to_owned(),
    }
}

/// A JavaScript number as JavaScript writes it (`2023`, `2023.5`, `1e+21`, `NaN`, `-Infinity`),
/// for the messages that quote an argument: Rust's `f64` formatting writes `inf` and spells
/// 1e21 out in 22 digits. serde_json's float writer, which the module carries to write JSON,
/// writes JavaScript's forms.
pub(crate) fn js_number(n: f64) -> String {
    if n.is_nan() {
        "NaN".to_owned()
    } else if n.is_infinite() {
        if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else if n.fract() == 0.0 && n.abs() < 9e15 {
        // Exact as an i64, as JavaScript writes it: no `.0`.
        (n as i64).to_string()
    } else {
        serde_json::Number::from_f64(n).map_or_else(String::new, |x| x.to_string())
    }
}

/// A `RangeError`: an argument outside what the function takes (a year, a sector, a challenge).
pub(crate) fn range_error(message: impl ToString) -> JsValue {
    js_sys::RangeError::new(&message.to_string()).into()
}

/// A `RangeError` for what a user may have typed (a year, a sector's name): the core's
/// message in English as `message`, and in Japanese as `messageJa`.
pub(crate) fn user_range_error(e: welfare_plan::Error) -> JsValue {
    bilingual_range_error(
        &e.message(welfare_plan::Lang::En),
        &e.message(welfare_plan::Lang::Ja),
    )
}

/// A `RangeError` with `message` in English and `messageJa` in Japanese.
pub(crate) fn bilingual_range_error(en: &str, ja: &str) -> JsValue {
    let err = js_sys::RangeError::new(en);
    // Setting a property on a fresh error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("messageJa"), &JsValue::from_str(ja));
    err.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_use_javascript_names() {
        let checked = welfare_plan::check(b"{\"schema_version\": \"1.0\", ");
        let js = Issue::from(&checked.issues[0]);
        let v = serde_json::to_value(&js).unwrap();
        assert_eq!(v["code"], "json.truncated");
        assert_eq!(v["severity"], "error");
        assert_eq!(v["path"], "");
        assert!(v["messageEn"]
            .as_str()
            .unwrap()
            .starts_with("the JSON ends too early"));
        assert!(v["messageJa"].is_string());
        assert_eq!(v["line"], 1);
        assert!(v.get("message_en").is_none());
    }

    #[test]
    fn numbers_in_messages_are_written_as_javascript_writes_them() {
        for (n, want) in [
            (2023.0, "2023"),
            (-1.0, "-1"),
            (2023.5, "2023.5"),
            (0.1, "0.1"),
            (4_294_969_319.0, "4294969319"),
            (1e21, "1e+21"),
            (f64::NAN, "NaN"),
            (f64::INFINITY, "Infinity"),
            (f64::NEG_INFINITY, "-Infinity"),
        ] {
            assert_eq!(js_number(n), want, "{n}");
        }
    }

    #[test]
    fn unknown_positions_are_left_out() {
        let issue = welfare_plan::Issue::new(
            welfare_plan::IssueCode::BlankText,
            welfare_plan::Path::root().key("title").key("ja"),
            "blank".into(),
            "空".into(),
        );
        let v = serde_json::to_value(Issue::from(&issue)).unwrap();
        assert_eq!(v["path"], "/title/ja");
        assert!(v.get("line").is_none() && v.get("column").is_none());
    }

    #[test]
    fn the_declarations_narrow_severity() {
        assert!(<Severity as Tsify>::DECL.ends_with("\nexport type Severity = \"error\" | \"warning\";"));
        let decl = <Issue as Tsify>::DECL;
        assert!(decl.contains("\nexport interface Issue {"), "{decl}");
        assert!(decl.contains("severity: Severity;"), "{decl}");
        assert!(decl.contains("code: IssueCode;"), "{decl}");
        assert!(decl.contains("line?: number;"), "{decl}");
    }
}
