//! Every shape problem of a document at once.
//!
//! The typed parse ([`crate::strict`]) is the fast path: it builds the plan in one pass and
//! stops at the first problem, which costs nothing on a valid document. When it stops, this
//! module takes over, on the error path only: it reads the document as a JSON value and walks
//! it against the plan's JSON Schema (generated from the same Rust types, so there is one
//! source of truth), collecting every wrong type, unknown, missing or misspelt field and
//! unknown code, each with a typed [`Problem`] and a JSON Pointer. Messages are rendered from
//! the problem in the format's own words (「1以上の整数」, "a whole number of 1 or more"),
//! never from another library's message text.
//!
//! The walk checks only what the typed parse checks. What the schema says and the semantic
//! rules check too (id and code patterns, blank text, the fiscal-year range, numbering) is left
//! to the rules, so a document gets one issue per problem, with the rule's code.
//!
//! Each problem also says how to set the bad part aside ([`repair`]): drop an unknown or
//! optional field, or the list element that holds a broken required one. The semantic rules
//! then run on what is left, so a document's shape problems and its semantic ones come out in
//! one run.

mod repair;
mod words;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use crate::error::{preview, Issue, IssueCode, Path, PathSegment};
pub(crate) use repair::repair;

/// What is wrong with one value, as data; [`words`] renders it in both languages.
#[derive(Debug, Clone)]
pub(crate) enum Problem {
    /// The JSON type is wrong: `expected` names what belongs there.
    WrongType { expected: Expected, found: Found },
    /// The type is right but the value is not allowed (out of range, not a real month).
    OutOfRange { expected: Expected, found: Found },
    /// A code that is not on the code list.
    UnknownCode { code: String, known: Vec<String> },
    /// A field this object does not have.
    UnknownField { name: String, known: Vec<String> },
    /// A required field is absent.
    MissingField { name: String },
    /// A key written more than once in one object.
    DuplicateField { name: String },
}

impl Problem {
    /// The issue code of this kind of problem.
    pub(crate) fn code(&self) -> IssueCode {
        match self {
            Problem::DuplicateField { .. } => IssueCode::DuplicateField,
            Problem::WrongType { .. } => IssueCode::WrongType,
            Problem::OutOfRange { .. } | Problem::UnknownCode { .. } => IssueCode::InvalidValue,
            Problem::UnknownField { .. } => IssueCode::UnknownField,
            Problem::MissingField { .. } => IssueCode::MissingField,
        }
    }
}

/// What a place in the document expects, in the format's terms.
#[derive(Debug, Clone)]
pub(crate) enum Expected {
    /// A whole number the model's type holds (`min..=max`); `at_least` is the lower bound
    /// the format states, for the message; `name` a `$defs` name such as `FiscalYear`.
    Integer {
        min: i64,
        max: i64,
        at_least: Option<i64>,
        name: Option<String>,
    },
    /// Any number.
    Number,
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// A list of the named things (a `$defs` name, or `None` for plain values).
    List(Option<String>),
    /// An object of the named kind (a `$defs` name).
    Object(Option<String>),
    /// A code from a code list.
    Code(Vec<String>),
    /// A string of a named kind, such as an id or a month (a `$defs` name).
    Named(String),
}

/// What the document has instead, cut to a short preview.
#[derive(Debug, Clone)]
pub(crate) enum Found {
    Null,
    Bool(bool),
    /// A number (its text), or `None` when only its kind is known.
    Number(Option<String>),
    /// A string (a preview), or `None` when only its kind is known.
    String(Option<String>),
    /// A list (its length), or `None` when only its kind is known.
    Array(Option<usize>),
    Object,
}

impl Found {
    fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(Some(preview(&n.to_string()))),
            Value::String(s) => Found::String(Some(preview(s))),
            Value::Array(a) => Found::Array(Some(a.len())),
            Value::Object(_) => Found::Object,
        }
    }
}

/// One shape problem, where it is, and how [`repair`] sets it aside.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub path: Path,
    pub problem: Problem,
    /// True when the field is optional or unknown, so dropping the field alone repairs it;
    /// otherwise the nearest enclosing list element has to go.
    pub droppable: bool,
}

impl Problem {
    /// The messages, in English and Japanese.
    pub(crate) fn messages(&self) -> (String, String) {
        words::message(self)
    }
}

impl Finding {
    /// The issue, with both messages rendered from the problem.
    pub fn to_issue(&self) -> Issue {
        let (en, ja) = words::message(&self.problem);
        Issue::new(self.problem.code(), self.path.clone(), en, ja)
    }
}

/// Which document type a text is checked as: each has its committed JSON Schema (which the
/// drift test keeps equal to the generated one), walked in the minified form `build.rs` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Doc {
    /// A plan (`schemas/plan.schema.json`).
    Plan,
    /// A progress report (`schemas/progress-report.schema.json`).
    Report,
}

impl Doc {
    /// The schema, parsed once, on the first document of this type with a shape problem.
    fn schema(self) -> &'static Value {
        static PLAN: OnceLock<Value> = OnceLock::new();
        static REPORT: OnceLock<Value> = OnceLock::new();
        let (cell, text) = match self {
            Doc::Plan => (&PLAN, crate::schema::PLAN_SHAPE_JSON),
            Doc::Report => (&REPORT, crate::schema::REPORT_SHAPE_JSON),
        };
        cell.get_or_init(|| serde_json::from_str(text).unwrap_or(Value::Bool(true)))
    }

    /// The name of the root type, as the walk's words know it.
    fn root(self) -> &'static str {
        match self {
            Doc::Plan => "Plan",
            Doc::Report => "ProgressReport",
        }
    }
}

/// Every shape problem in `doc`, a plan, in the walk's order (object keys sorted, lists in
/// order).
pub(crate) fn findings(doc: &Value) -> Vec<Finding> {
    findings_in(Doc::Plan, doc)
}

/// Every shape problem in `doc`, a document of type `kind`.
pub(crate) fn findings_in(kind: Doc, doc: &Value) -> Vec<Finding> {
    let schema = kind.schema();
    let mut w = Walker::new(schema);
    w.value(schema, Some(kind.root()), doc, false);
    w.out
}

/// What the format expects at `path`, and what `text` has there, in both languages: the
/// words for a wrong type that only the typed parse saw (when the document is too deep for
/// the walk to read it as a value).
pub(crate) fn wrong_type_message(kind: Doc, text: &str, path: &Path) -> Option<(String, String)> {
    let schema = kind.schema();
    let w = Walker::new(schema);
    let (mut node, mut name) = w.resolve(schema, Some(kind.root()));
    for seg in path.segments() {
        let next = match seg {
            PathSegment::Key(k) => node.get("properties").and_then(|p| p.get(k.as_ref())),
            PathSegment::Index(_) => node.get("items"),
        };
        (node, name) = w.resolve(next?, None);
        if let Some(inner) = optional(node) {
            (node, name) = w.resolve(inner, name);
        }
    }
    let offset = crate::locate::locate_all(text, &[path.to_string()])
        .pop()
        .flatten()?;
    let found = match text.as_bytes().get(offset)? {
        b'[' => Found::Array(None),
        b'{' => Found::Object,
        b'"' => Found::String(None),
        b't' => Found::Bool(true),
        b'f' => Found::Bool(false),
        b'n' => Found::Null,
        _ => Found::Number(None),
    };
    Some(words::message(&Problem::WrongType {
        expected: expected(node, name),
        found,
    }))
}

struct Walker<'s> {
    defs: Option<&'s Map<String, Value>>,
    out: Vec<Finding>,
    path: Vec<PathSegment>,
}

impl<'s> Walker<'s> {
    fn new(schema: &'s Value) -> Self {
        Walker {
            defs: schema.get("$defs").and_then(Value::as_object),
            out: Vec::new(),
            path: Vec::new(),
        }
    }

    fn report(&mut self, problem: Problem, droppable: bool) {
        self.out.push(Finding {
            path: Path(self.path.clone()),
            problem,
            droppable,
        });
    }

    /// Follows `$ref`s, returning the schema and the name of the last `$defs` entry.
    fn resolve(&self, mut node: &'s Value, mut name: Option<&'s str>) -> (&'s Value, Option<&'s str>) {
        for _ in 0..16 {
            let Some(r) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(def) = r.strip_prefix("#/$defs/") else {
                break;
            };
            match self.defs.and_then(|d| d.get_key_value(def)) {
                Some((k, v)) => {
                    node = v;
                    name = Some(k.as_str());
                }
                None => break,
            }
        }
        (node, name)
    }

    /// Checks `v` against `node`. `droppable`: the value sits in an optional field.
    fn value(&mut self, node: &'s Value, name: Option<&'s str>, v: &Value, droppable: bool) {
        let (node, name) = self.resolve(node, name);
        if let Some(inner) = optional(node) {
            if !v.is_null() {
                self.value(inner, name, v, droppable);
            }
            return;
        }
        if is_code_list(node) {
            // Checked without building the list; it is built only for the message.
            let known = |s: &str| code_values(node).any(|c| c == s);
            return match v.as_str() {
                Some(s) if known(s) => {}
                Some(s) => self.report(
                    Problem::UnknownCode {
                        code: preview(s),
                        known: code_values(node).map(str::to_owned).collect(),
                    },
                    droppable,
                ),
                None => self.report(
                    Problem::WrongType {
                        expected: expected(node, name),
                        found: Found::of(v),
                    },
                    droppable,
                ),
            };
        }
        let has = |t: &str| has_type(node, t);
        if v.is_null() && has("null") {
            return;
        }
        let fits = match v {
            Value::Null => false,
            Value::Bool(_) => has("boolean"),
            Value::Number(n) => has("number") || (has("integer") && (n.is_i64() || n.is_u64())),
            Value::String(_) => has("string"),
            Value::Array(_) => has("array"),
            Value::Object(_) => has("object"),
        };
        if !fits {
            return self.report(
                Problem::WrongType {
                    expected: expected(node, name),
                    found: Found::of(v),
                },
                droppable,
            );
        }
        match v {
            Value::Number(n) => {
                let expected = expected(node, name);
                if let Expected::Integer { min, max, .. } = expected {
                    let ok = match (n.as_i64(), n.as_u64()) {
                        (Some(i), _) => (min..=max).contains(&i),
                        (None, Some(u)) => i64::try_from(u).is_ok_and(|u| u <= max),
                        _ => false,
                    };
                    if !ok {
                        self.report(
                            Problem::OutOfRange {
                                expected,
                                found: Found::of(v),
                            },
                            droppable,
                        );
                    }
                }
            }
            Value::String(s) => {
                if let Some(name) = name {
                    if !words::named_string_is_valid(name, s) {
                        self.report(
                            Problem::OutOfRange {
                                expected: Expected::Named(name.to_owned()),
                                found: Found::of(v),
                            },
                            droppable,
                        );
                    }
                }
            }
            Value::Array(items) => {
                if let Some(item) = node.get("items") {
                    for (i, x) in items.iter().enumerate() {
                        self.path.push(PathSegment::Index(i));
                        self.value(item, None, x, false);
                        self.path.pop();
                    }
                }
            }
            Value::Object(obj) => self.object(node, obj),
            _ => {}
        }
    }

    fn object(&mut self, node: &'s Value, obj: &Map<String, Value>) {
        let props = node.get("properties").and_then(Value::as_object);
        let required: Vec<&str> = node
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let closed = node.get("additionalProperties") == Some(&Value::Bool(false));
        for name in &required {
            if !obj.contains_key(*name) {
                self.path.push(PathSegment::Key(Cow::Owned((*name).to_owned())));
                self.report(
                    Problem::MissingField {
                        name: (*name).to_owned(),
                    },
                    false,
                );
                self.path.pop();
            }
        }
        for (key, v) in obj {
            match props.and_then(|p| p.get(key)) {
                Some(prop) => {
                    self.path.push(PathSegment::Key(Cow::Owned(key.clone())));
                    self.value(prop, None, v, !required.contains(&key.as_str()));
                    self.path.pop();
                }
                None if closed => {
                    // An unknown key can be any length: the path names it by its preview,
                    // as the message does.
                    self.path.push(PathSegment::Key(Cow::Owned(preview(key))));
                    self.report(
                        Problem::UnknownField {
                            name: preview(key),
                            known: props.map(|p| p.keys().cloned().collect()).unwrap_or_default(),
                        },
                        true,
                    );
                    self.path.pop();
                }
                None => {}
            }
        }
    }
}

/// The value type of an optional value: schemars writes `Option<X>` as `anyOf [X, {type: null}]`.
fn optional(node: &Value) -> Option<&Value> {
    let alts = node.get("anyOf")?.as_array()?;
    let mut non_null = alts
        .iter()
        .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"));
    match (non_null.next(), non_null.next()) {
        (Some(inner), None) if alts.len() == 2 => Some(inner),
        _ => None,
    }
}

/// Whether `node` is an enumeration: a `oneOf` of `const`s, or an `enum`.
fn is_code_list(node: &Value) -> bool {
    match node.get("oneOf").and_then(Value::as_array) {
        Some(alts) => alts.iter().all(|a| a.get("const").is_some_and(Value::is_string)),
        None => node.get("enum").is_some_and(Value::is_array),
    }
}

/// The codes of an enumeration ([`is_code_list`]).
fn code_values(node: &Value) -> impl Iterator<Item = &str> {
    let alts = node.get("oneOf").and_then(Value::as_array).into_iter().flatten();
    let consts = alts.filter_map(|a| a.get("const").and_then(Value::as_str));
    let listed = node
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    consts.chain(listed)
}

/// Whether `node` allows JSON type `t` (a node with no `type` allows every type).
fn has_type(node: &Value, t: &str) -> bool {
    match node.get("type") {
        Some(Value::String(s)) => s == t,
        Some(Value::Array(ts)) => ts.iter().any(|x| x.as_str() == Some(t)),
        _ => true,
    }
}

fn types(node: &Value) -> Vec<&str> {
    match node.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        // No type: anything goes (schemars writes `true` schemas as objects with no keywords).
        _ => vec!["null", "boolean", "number", "string", "array", "object"],
    }
}

/// What the parse accepts at `node`: integer ranges come from the Rust type (its `maximum`),
/// not from the schema's `minimum`, which the semantic rules check with their own codes.
fn expected(node: &Value, name: Option<&str>) -> Expected {
    if is_code_list(node) {
        return Expected::Code(code_values(node).map(str::to_owned).collect());
    }
    let non_null: Vec<&str> = types(node).into_iter().filter(|t| *t != "null").collect();
    match non_null.as_slice() {
        ["integer"] => {
            // An unsigned Rust type states its range with `maximum` (schema.rs writes it for
            // schemars' `uint32` …); its `minimum` may be higher (1 for ordinals), which the
            // semantic rules check. FiscalYear and other plain integers are i32 in the model.
            // The frozen 1.0 schema still names the Rust type as a `format`.
            let (min, max) = match (
                node.get("maximum").and_then(Value::as_i64),
                node.get("format").and_then(Value::as_str),
            ) {
                (Some(max), _) => (0, max),
                (None, Some("uint32")) => (0, i64::from(u32::MAX)),
                _ => (i64::from(i32::MIN), i64::from(i32::MAX)),
            };
            // The format's own minimum (1 for ordinals) is worth saying: 「1以上の整数」.
            let at_least = node
                .get("minimum")
                .and_then(Value::as_i64)
                .filter(|m| *m >= min)
                .or((min == 0).then_some(0));
            Expected::Integer {
                min,
                max,
                at_least,
                name: name.map(str::to_owned),
            }
        }
        ["number"] => Expected::Number,
        ["boolean"] => Expected::Boolean,
        ["array"] => Expected::List(
            node.get("items")
                .and_then(|i| i.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .map(str::to_owned),
        ),
        ["object"] => Expected::Object(name.map(str::to_owned)),
        // An indicator's value (Quantity): said in the format's words by name.
        ["number", "string"] | ["string", "number"] => Expected::Named(name.unwrap_or("Quantity").to_owned()),
        ["string"] => match name {
            Some(n) => Expected::Named(n.to_owned()),
            None => Expected::String,
        },
        _ => Expected::Object(name.map(str::to_owned)),
    }
}
