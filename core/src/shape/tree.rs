//! The JSON Schema, compiled once into the tree the shape walk follows.
//!
//! The walk used to interpret the schema's JSON at every value of the document: follow the
//! `$ref`s, look up `type`, `properties`, `required` and `anyOf` by name, and work out what the
//! place expects, all again for each of a plan's tens of thousands of values. Measured on a
//! 10,000-initiative plan with a shape problem in every initiative, that interpretation was
//! about a fifth of the whole check. Here it is done once per document type: each place in
//! the schema becomes a [`Node`] whose references are resolved to indices, whose types are a
//! bit set, whose properties are listed, and whose [`Expected`] words are ready. The
//! schema stays the one source of truth; this is only its faster form.

use serde_json::{Map, Value};

use super::Expected;

/// The JSON types a place allows, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Types(u8);

impl Types {
    pub const NULL: Types = Types(1);
    pub const BOOLEAN: Types = Types(1 << 1);
    pub const NUMBER: Types = Types(1 << 2);
    pub const INTEGER: Types = Types(1 << 3);
    pub const STRING: Types = Types(1 << 4);
    pub const ARRAY: Types = Types(1 << 5);
    pub const OBJECT: Types = Types(1 << 6);
    /// A place with no `type`: anything goes.
    const ANY: Types = Types(0x7f);

    pub fn has(self, t: Types) -> bool {
        self.0 & t.0 != 0
    }

    fn of(name: &str) -> Types {
        match name {
            "null" => Types::NULL,
            "boolean" => Types::BOOLEAN,
            "number" => Types::NUMBER,
            "integer" => Types::INTEGER,
            "string" => Types::STRING,
            "array" => Types::ARRAY,
            "object" => Types::OBJECT,
            _ => Types(0),
        }
    }
}

/// One place in the schema, its `$ref`s followed.
#[derive(Debug)]
pub(super) struct Node {
    /// The `$defs` name this place was reached through (`FiscalYear`, `Node`), for the words
    /// and for named strings.
    pub name: Option<&'static str>,
    pub kind: Kind,
}

#[derive(Debug)]
pub(super) enum Kind {
    /// `Option<X>`: `null`, or the node at this index.
    Optional(usize),
    /// A code from a code list.
    Code(Vec<&'static str>),
    /// Any other place, by its JSON types.
    Typed {
        types: Types,
        /// What the place expects, in the format's terms.
        expected: Expected,
        /// A list's item node.
        items: Option<usize>,
        /// An object's fields.
        object: Object,
    },
}

/// An object's fields, as the walk checks them.
#[derive(Debug, Default)]
pub(super) struct Object {
    /// Each field's name, node and whether it is required, by name (the order of the schema's
    /// `properties` map). Found by a linear search: an object has at most two dozen fields,
    /// and a hash map or a sort here measurably grew the WebAssembly module.
    props: Vec<(&'static str, Field)>,
    /// The required fields, in the schema's order (the order missing ones are reported in).
    pub required: Vec<&'static str>,
    /// Whether fields not in `props` are unknown (`additionalProperties: false`).
    pub closed: bool,
}

impl Object {
    /// The field called `name`, with the schema's own (static) copy of its name.
    pub fn field(&self, name: &str) -> Option<(&'static str, Field)> {
        self.props.iter().find(|(k, _)| *k == name).copied()
    }

    /// The field names, by name, for an unknown field's suggestion.
    pub fn known(&self) -> Vec<String> {
        owned(self.props.iter().map(|(k, _)| k))
    }
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    pub node: usize,
    pub required: bool,
}

/// A document type's schema, compiled.
#[derive(Debug)]
pub(super) struct Tree {
    nodes: Vec<Node>,
    root: usize,
}

impl Tree {
    /// Compiles `schema`, whose root type is called `root` in the words.
    pub fn compile(schema: &'static Value, root: &'static str) -> Tree {
        let mut c = Compiler {
            defs: schema.get("$defs").and_then(Value::as_object),
            nodes: Vec::new(),
            memo: Vec::new(),
        };
        let root = c.compile(schema, Some(root));
        Tree { nodes: c.nodes, root }
    }

    pub fn root(&self) -> usize {
        self.root
    }

    /// The node at `i`. Every index comes from the compiler; for one that did not, a node no
    /// value fits (an empty code list), so that nothing passes unchecked.
    pub fn node(&self, i: usize) -> &Node {
        static ANY: Node = Node {
            name: None,
            kind: Kind::Code(Vec::new()),
        };
        self.nodes.get(i).unwrap_or(&ANY)
    }

    /// What the place at `i` expects, in the format's terms.
    pub fn expected(&self, i: usize) -> Expected {
        match &self.node(i).kind {
            Kind::Optional(inner) => self.expected(*inner),
            Kind::Code(codes) => Expected::Code(owned(codes)),
            Kind::Typed { expected, .. } => expected.clone(),
        }
    }
}

/// Copies of names, for the words of a problem.
pub(super) fn owned<'a>(names: impl IntoIterator<Item = &'a &'static str>) -> Vec<String> {
    names.into_iter().map(|n| (*n).to_owned()).collect()
}

struct Compiler {
    defs: Option<&'static Map<String, Value>>,
    nodes: Vec<Node>,
    /// Places already compiled (their address in the schema, their name, their index): a
    /// `$ref` cycle (a node's children are nodes) comes back to the same index. A list: the
    /// schema has about a hundred places, and this runs once.
    memo: Vec<(usize, Option<&'static str>, usize)>,
}

impl Compiler {
    /// Follows `$ref`s, returning the schema and the name of the last `$defs` entry.
    fn resolve(
        &self,
        mut node: &'static Value,
        mut name: Option<&'static str>,
    ) -> (&'static Value, Option<&'static str>) {
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

    fn compile(&mut self, node: &'static Value, name: Option<&'static str>) -> usize {
        let (node, name) = self.resolve(node, name);
        let key = (std::ptr::from_ref(node) as usize, name);
        if let Some(&(_, _, i)) = self.memo.iter().find(|(a, n, _)| (*a, *n) == key) {
            return i;
        }
        let i = self.nodes.len();
        self.nodes.push(Node {
            name,
            kind: Kind::Code(Vec::new()),
        });
        self.memo.push((key.0, key.1, i));
        let kind = if let Some(inner) = optional(node) {
            Kind::Optional(self.compile(inner, name))
        } else if is_code_list(node) {
            Kind::Code(code_values(node).collect())
        } else {
            let items = node.get("items").map(|item| self.compile(item, None));
            let mut object = Object {
                closed: node.get("additionalProperties") == Some(&Value::Bool(false)),
                required: node
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default(),
                ..Object::default()
            };
            for (k, prop) in node
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let field = Field {
                    node: self.compile(prop, None),
                    required: object.required.contains(&k.as_str()),
                };
                object.props.push((k.as_str(), field));
            }
            Kind::Typed {
                types: types(node),
                expected: expected(node, name),
                items,
                object,
            }
        };
        if let Some(slot) = self.nodes.get_mut(i) {
            slot.kind = kind;
        }
        i
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

/// The JSON types `node` allows (a node with no `type` allows every type: schemars writes
/// `true` schemas as objects with no keywords).
fn types(node: &Value) -> Types {
    match node.get("type") {
        Some(Value::String(t)) => Types::of(t),
        Some(Value::Array(ts)) => Types(
            ts.iter()
                .filter_map(Value::as_str)
                .fold(0, |all, t| all | Types::of(t).0),
        ),
        _ => Types::ANY,
    }
}

/// What the parse accepts at `node`: integer ranges come from the Rust type (its `maximum`),
/// not from the schema's `minimum`, which the semantic rules check with their own codes.
fn expected(node: &Value, name: Option<&str>) -> Expected {
    let t = types(node);
    let non_null = Types(t.0 & !Types::NULL.0);
    let named = |fallback: &str| Expected::Named(name.unwrap_or(fallback).to_owned());
    match non_null {
        Types::INTEGER => {
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
        Types::NUMBER => Expected::Number,
        Types::BOOLEAN => Expected::Boolean,
        Types::ARRAY => Expected::List(
            node.get("items")
                .and_then(|i| i.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/$defs/"))
                .map(str::to_owned),
        ),
        Types::OBJECT => Expected::Object(name.map(str::to_owned)),
        // An indicator's value (Quantity): said in the format's words by name.
        t if t == Types(Types::NUMBER.0 | Types::STRING.0) => named("Quantity"),
        Types::STRING => match name {
            Some(n) => Expected::Named(n.to_owned()),
            None => Expected::String,
        },
        _ => Expected::Object(name.map(str::to_owned)),
    }
}
