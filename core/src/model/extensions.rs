//! The `extensions` object: where a city puts fields the format lacks.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Free-form fields a city needs and the format lacks (拡張). Everywhere else unknown fields
/// are rejected, so that typos surface; here anything goes, and keys are written in sorted
/// order so that canonical JSON stays stable.
///
/// ```
/// let p = welfare_plan::iizuka::third_plan();
/// assert!(p.extensions.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extensions(pub BTreeMap<String, serde_json::Value>);

impl Extensions {
    /// Whether there are no extension fields.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The deepest nesting of arrays and objects among the values (an empty map is 0).
    pub fn depth(&self) -> usize {
        fn depth(v: &serde_json::Value) -> usize {
            match v {
                serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
                serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        self.0.values().map(depth).max().map_or(0, |d| d + 1)
    }
}

impl JsonSchema for Extensions {
    fn schema_name() -> Cow<'static, str> {
        "Extensions".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Fields a city needs that the format lacks (拡張). Any JSON object; keys are written in sorted order.",
            "type": "object",
            "additionalProperties": true
        })
    }
}
