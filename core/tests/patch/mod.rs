//! The corpus's patched cases: a base document and a JSON Patch (RFC 6902: `add`, `remove`,
//! `replace`), written out as Python's `json.dumps(doc, ensure_ascii=False, indent=2)` does,
//! keys in document order (which `serde_json::Value` would sort, and issue order follows).

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// JSON that keeps its keys in document order.
#[derive(Debug, Clone)]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Json;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("json")
            }
            fn visit_unit<E>(self) -> Result<Json, E> {
                Ok(Json::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
                Ok(Json::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
                Ok(Json::Number(n.into()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
                Ok(Json::Number(n.into()))
            }
            fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Json, E> {
                Number::from_f64(n)
                    .map(Json::Number)
                    .ok_or_else(|| E::custom("not a JSON number"))
            }
            fn visit_str<E>(self, s: &str) -> Result<Json, E> {
                Ok(Json::String(s.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut items = Vec::new();
                while let Some(x) = a.next_element()? {
                    items.push(x);
                }
                Ok(Json::Array(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Json, A::Error> {
                let mut members = Vec::new();
                while let Some((k, v)) = a.next_entry()? {
                    members.push((k, v));
                }
                Ok(Json::Object(members))
            }
        }
        d.deserialize_any(V)
    }
}

impl Json {
    fn child(&mut self, key: &str) -> &mut Json {
        match self {
            Json::Array(items) => &mut items[key.parse::<usize>().unwrap()],
            Json::Object(members) => &mut members.iter_mut().find(|(k, _)| k == key).unwrap().1,
            _ => panic!("the patch path goes through a scalar at `{key}`"),
        }
    }

    fn write(&self, level: usize, out: &mut String) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(&n.to_string()),
            Json::String(s) => out.push_str(&serde_json::to_string(s).unwrap()),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push_str("[\n");
                for (i, x) in items.iter().enumerate() {
                    out.push_str(&pad(level + 1));
                    x.write(level + 1, out);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(level));
                out.push(']');
            }
            Json::Object(members) => {
                out.push_str("{\n");
                for (i, (k, v)) in members.iter().enumerate() {
                    out.push_str(&pad(level + 1));
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push_str(": ");
                    v.write(level + 1, out);
                    out.push_str(if i + 1 < members.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(level));
                out.push('}');
            }
        }
    }
}

/// The case's document: its `base` (a path from the repository root) with its `patch` applied.
/// `expected` is the text of the case's `.expected.json`, read again here so that the values
/// the patch adds keep their keys' order.
pub fn patched(repo: &std::path::Path, expected: &[u8]) -> Vec<u8> {
    let Json::Object(members) = serde_json::from_slice(expected).unwrap() else {
        panic!("an expected file is an object");
    };
    let member = |name: &str| {
        members
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let Json::String(base) = member("base") else {
        panic!("`base` is a path")
    };
    let Json::Array(patch) = member("patch") else {
        panic!("`patch` is a list")
    };
    let mut doc: Json = serde_json::from_slice(&std::fs::read(repo.join(base)).unwrap()).unwrap();
    for op in patch {
        let Json::Object(op) = op else {
            panic!("a patch operation is an object")
        };
        let field = |name: &str| op.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
        let text = |name: &str| match field(name) {
            Some(Json::String(s)) => s,
            _ => panic!("a patch operation has a `{name}`"),
        };
        let path = text("path");
        let keys: Vec<String> = path
            .split('/')
            .skip(1)
            .map(|k| k.replace("~1", "/").replace("~0", "~"))
            .collect();
        let value = || field("value").unwrap();
        let Some((last, parents)) = keys.split_last() else {
            doc = value();
            continue;
        };
        let parent = parents.iter().fold(&mut doc, |d, k| d.child(k));
        match (text("op").as_str(), parent) {
            ("remove", Json::Array(items)) => _ = items.remove(last.parse::<usize>().unwrap()),
            ("remove", Json::Object(members)) => members.retain(|(k, _)| k != last),
            ("add", Json::Array(items)) => items.insert(last.parse::<usize>().unwrap(), value()),
            ("add" | "replace", Json::Object(members)) => match members.iter_mut().find(|(k, _)| k == last) {
                Some((_, v)) => *v = value(),
                None => members.push((last.clone(), value())),
            },
            ("replace", Json::Array(items)) => items[last.parse::<usize>().unwrap()] = value(),
            (other, _) => panic!("unsupported patch operation `{other}` at {path}"),
        }
    }
    let mut out = String::new();
    doc.write(0, &mut out);
    out.push('\n');
    out.into_bytes()
}
