//! Every shape problem of a document at once.
//!
//! The typed parse ([`crate::strict`]) is the fast path: it builds the plan in one pass and
//! stops at the first problem, which costs nothing on a valid document. When it stops, this
//! module takes over, on the error path only: it reads the document as a tree that knows
//! where each value starts ([`value`]) and walks it against the plan's JSON Schema (generated
//! from the same Rust types, so there is one source of truth), collecting every wrong type,
//! unknown, missing or misspelt field and unknown code, each with a typed [`Problem`] and a JSON Pointer. Messages are rendered from
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
mod tree;
mod value;
mod words;

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::error::{preview, Issue, IssueCode, Path, PathSegment};
pub(crate) use repair::repair;
use tree::{Kind, Tree, Types};
pub(crate) use value::{member, places, read, Json, Member, Value};

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
    fn of(v: &Value<'_>) -> Found {
        match &v.json {
            Json::Null => Found::Null,
            Json::Bool(b) => Found::Bool(*b),
            Json::Number(n) => Found::Number(Some(preview(&n.to_string()))),
            Json::String(s) => Found::String(Some(preview(s))),
            Json::Array(a) => Found::Array(Some(a.len())),
            Json::Object(_) => Found::Object,
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
    fn schema(self) -> &'static serde_json::Value {
        static PLAN: OnceLock<serde_json::Value> = OnceLock::new();
        static REPORT: OnceLock<serde_json::Value> = OnceLock::new();
        let (cell, text) = match self {
            Doc::Plan => (&PLAN, crate::schema::PLAN_SHAPE_JSON),
            Doc::Report => (&REPORT, crate::schema::REPORT_SHAPE_JSON),
        };
        cell.get_or_init(|| serde_json::from_str(text).unwrap_or(serde_json::Value::Bool(true)))
    }

    /// The schema compiled for the walk ([`tree`]), once.
    fn tree(self) -> &'static Tree {
        static PLAN: OnceLock<Tree> = OnceLock::new();
        static REPORT: OnceLock<Tree> = OnceLock::new();
        let cell = match self {
            Doc::Plan => &PLAN,
            Doc::Report => &REPORT,
        };
        cell.get_or_init(|| Tree::compile(self.schema(), self.root()))
    }

    /// The name of the root type, as the walk's words know it.
    fn root(self) -> &'static str {
        match self {
            Doc::Plan => "Plan",
            Doc::Report => "ProgressReport",
        }
    }
}

/// The shape problems of a document: the first ones in the walk's order (object keys sorted,
/// lists in order), and how many there are in all.
pub(crate) struct Findings {
    /// At most as many as asked for.
    pub kept: Vec<Finding>,
    /// All of them, kept or only counted.
    pub total: usize,
}

impl Findings {
    /// How many were counted but not kept.
    pub fn left_out(&self) -> usize {
        self.total - self.kept.len()
    }
}

/// The shape problems of `doc`, a plan, keeping at most `keep` of them.
pub(crate) fn findings(doc: &Value<'_>, keep: usize) -> Findings {
    findings_in(Doc::Plan, doc, keep)
}

/// The shape problems of `doc`, a document of type `kind`, keeping at most `keep` of them:
/// the rest are only counted, so that a hostile document with a problem in each of millions
/// of values costs the walk, not a finding's memory for each (measured: a 4 MB list of
/// two million wrong values took 572 MB when every finding was kept).
pub(crate) fn findings_in(kind: Doc, doc: &Value<'_>, keep: usize) -> Findings {
    let tree = kind.tree();
    let mut w = Walker {
        tree,
        out: Vec::new(),
        keep,
        total: 0,
        path: Vec::new(),
    };
    w.value(tree.root(), doc, false);
    Findings {
        kept: w.out,
        total: w.total,
    }
}

/// What the format expects at `path`, and what `text` has there, in both languages: the
/// words for a wrong type that only the typed parse saw (when the document is too deep for
/// the walk to read it as a value).
pub(crate) fn wrong_type_message(kind: Doc, text: &str, path: &Path) -> Option<(String, String)> {
    let tree = kind.tree();
    let step_in = |i: usize| match tree.node(i).kind {
        Kind::Optional(inner) => inner,
        _ => i,
    };
    let mut at = step_in(tree.root());
    for seg in path.segments() {
        let Kind::Typed { items, object, .. } = &tree.node(at).kind else {
            return None;
        };
        let next = match seg {
            PathSegment::Key(k) => object.field(k).map(|(_, f)| f.node),
            PathSegment::Index(_) => *items,
        };
        at = step_in(next?);
    }
    let offset = crate::locate::spot(text, &path.to_string()).value;
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
        expected: tree.expected(at),
        found,
    }))
}

/// The walk of one document against its compiled schema.
struct Walker {
    tree: &'static Tree,
    out: Vec<Finding>,
    /// How many findings to keep; past that they are counted in `total`.
    keep: usize,
    total: usize,
    /// Where the walk is. Known fields are named by the schema's own (static) key, so that
    /// walking a field allocates nothing; only a finding copies the path.
    path: Vec<PathSegment>,
}

impl Walker {
    fn report(&mut self, problem: Problem, droppable: bool) {
        self.total += 1;
        if self.out.len() >= self.keep {
            return;
        }
        self.out.push(Finding {
            path: Path(self.path.clone()),
            problem,
            droppable,
        });
    }

    fn wrong_type(&mut self, at: usize, v: &Value<'_>, droppable: bool) {
        self.report(
            Problem::WrongType {
                expected: self.tree.expected(at),
                found: Found::of(v),
            },
            droppable,
        );
    }

    /// Checks `v` against the node at `at`. `droppable`: the value sits in an optional field.
    fn value(&mut self, at: usize, v: &Value<'_>, droppable: bool) {
        let tree = self.tree;
        let node = tree.node(at);
        let (types, expected, items, object) = match &node.kind {
            Kind::Optional(inner) => {
                if !matches!(v.json, Json::Null) {
                    self.value(*inner, v, droppable);
                }
                return;
            }
            Kind::Code(codes) => {
                return match v.as_str() {
                    Some(s) if codes.contains(&s) => {}
                    Some(s) => self.report(
                        Problem::UnknownCode {
                            code: preview(s),
                            known: tree::owned(codes),
                        },
                        droppable,
                    ),
                    None => self.wrong_type(at, v, droppable),
                };
            }
            Kind::Typed {
                types,
                expected,
                items,
                object,
            } => (*types, expected, *items, object),
        };
        let fits = match &v.json {
            Json::Null => types.has(Types::NULL),
            Json::Bool(_) => types.has(Types::BOOLEAN),
            Json::Number(n) => {
                types.has(Types::NUMBER) || (types.has(Types::INTEGER) && (n.is_i64() || n.is_u64()))
            }
            Json::String(_) => types.has(Types::STRING),
            Json::Array(_) => types.has(Types::ARRAY),
            Json::Object(_) => types.has(Types::OBJECT),
        };
        if !fits {
            return self.wrong_type(at, v, droppable);
        }
        match &v.json {
            Json::Number(n) => {
                if let Expected::Integer { min, max, .. } = *expected {
                    let ok = match (n.as_i64(), n.as_u64()) {
                        (Some(i), _) => (min..=max).contains(&i),
                        (None, Some(u)) => i64::try_from(u).is_ok_and(|u| u <= max),
                        _ => false,
                    };
                    if !ok {
                        self.report(
                            Problem::OutOfRange {
                                expected: expected.clone(),
                                found: Found::of(v),
                            },
                            droppable,
                        );
                    }
                }
            }
            Json::String(s) => {
                if let Some(name) = node.name {
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
            Json::Array(list) => {
                if let Some(item) = items {
                    for (i, x) in list.iter().enumerate() {
                        self.path.push(PathSegment::Index(i));
                        self.value(item, x, false);
                        self.path.pop();
                    }
                }
            }
            Json::Object(members) => self.object(object, members),
            Json::Null | Json::Bool(_) => {}
        }
    }

    fn object(&mut self, object: &'static tree::Object, members: &[Member<'_>]) {
        // Missing fields first, in the schema's order, then the fields present in key order.
        for name in &object.required {
            if member(members, name).is_none() {
                self.path.push(PathSegment::Key(Cow::Borrowed(name)));
                let problem = Problem::MissingField {
                    name: (*name).to_owned(),
                };
                self.report(problem, false);
                self.path.pop();
            }
        }
        for Member { key, value: v, .. } in members {
            match object.field(key) {
                Some((name, field)) => {
                    self.path.push(PathSegment::Key(Cow::Borrowed(name)));
                    self.value(field.node, v, !field.required);
                    self.path.pop();
                }
                None if object.closed => {
                    // An unknown key can be any length: the path names it by its preview,
                    // as the message does.
                    self.path.push(PathSegment::Key(Cow::Owned(preview(key))));
                    self.report(
                        Problem::UnknownField {
                            name: preview(key),
                            known: object.known(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded() -> serde_json::Value {
        serde_json::to_value(crate::iizuka::third_plan()).unwrap_or_default()
    }

    /// Every finding of `doc`, read as the error path reads it.
    fn all(doc: &serde_json::Value) -> Vec<Finding> {
        let text = doc.to_string();
        read(&text)
            .map(|v| findings(&v, usize::MAX).kept)
            .unwrap_or_default()
    }

    fn found(doc: &serde_json::Value) -> Vec<(String, IssueCode, bool)> {
        all(doc)
            .iter()
            .map(|f| (f.path.to_string(), f.problem.code(), f.droppable))
            .collect()
    }

    #[test]
    fn the_embedded_plan_has_no_shape_problem() {
        assert_eq!(found(&embedded()), vec![]);
    }

    #[test]
    fn a_missing_field_comes_before_the_problems_of_the_fields_beside_it() {
        let mut doc = embedded();
        let node = &mut doc["nodes"][0];
        node.as_object_mut().map(|o| o.remove("title"));
        node["number"] = "one".into();
        node["titel"] = "x".into();
        assert_eq!(
            found(&doc),
            vec![
                ("/nodes/0/title".into(), IssueCode::MissingField, false),
                ("/nodes/0/number".into(), IssueCode::WrongType, true),
                ("/nodes/0/titel".into(), IssueCode::UnknownField, true),
            ]
        );
    }

    #[test]
    fn the_walk_follows_references_through_lists_of_nodes_at_any_depth() {
        let mut doc = embedded();
        doc["nodes"][0]["children"][0]["children"][0]["participants"][0]["actor"] = 7.into();
        doc["nodes"][1]["children"][0]["priority"] = "yes".into();
        let got = all(&doc);
        let paths: Vec<String> = got.iter().map(|f| f.path.to_string()).collect();
        assert_eq!(
            paths,
            [
                "/nodes/0/children/0/children/0/participants/0/actor",
                "/nodes/1/children/0/priority",
            ]
        );
        // Each says what its place expects, in the format's words, reached through `$ref`s.
        let (en, ja) = got.first().map(|f| f.problem.messages()).unwrap_or_default();
        assert!(en.contains("an id") && ja.contains("ID"), "{en} / {ja}");
        let (en, ja) = got.get(1).map(|f| f.problem.messages()).unwrap_or_default();
        assert!(
            en.contains("`true` or `false`") && ja.contains("`true` または `false`"),
            "{en} / {ja}"
        );
    }

    #[test]
    fn a_wrong_type_seen_only_by_the_typed_parse_is_worded_from_the_compiled_schema() {
        let text = r#"{"nodes": [{"children": [{"number": "2"}]}]}"#;
        let path = Path(vec![
            "nodes".into(),
            0.into(),
            "children".into(),
            0.into(),
            "number".into(),
        ]);
        let (en, ja) = wrong_type_message(Doc::Plan, text, &path).unwrap_or_default();
        assert!(en.contains("a whole number of 1 or more"), "{en}");
        assert!(ja.contains("1以上の整数"), "{ja}");
    }
}
