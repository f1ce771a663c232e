//! Writes the shape schemas: the committed JSON Schemas of `schemas/` without what only people
//! read (descriptions, titles, comments, examples), minified. The validator's error path walks
//! these; carrying the full text in every program that only checks documents (the WebAssembly
//! module above all) would cost four times the bytes for words it never shows.

use std::path::Path;

fn strip(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(o) => {
            for k in ["description", "title", "$comment", "examples"] {
                o.remove(k);
            }
            // Property names are data, not annotations: only annotation keys of schemas are
            // dropped, so a property called `description` stays.
            for (k, x) in o.iter_mut() {
                if k == "properties" {
                    if let serde_json::Value::Object(props) = x {
                        props.values_mut().for_each(strip);
                    }
                } else {
                    strip(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Writes `OUT_DIR/NAME.shape.json` from `schemas/NAME.schema.json`.
fn shape(name: &str) {
    let out = std::env::var("OUT_DIR").unwrap_or_default();
    let source = Path::new("../schemas").join(format!("{name}.schema.json"));
    println!("cargo::rerun-if-changed={}", source.display());
    // A missing or broken schema leaves a shape that accepts anything: the schema drift test,
    // which compares the committed files with the generated ones, then names the problem.
    let text = std::fs::read_to_string(&source).unwrap_or_default();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap_or(serde_json::Value::Bool(true));
    strip(&mut v);
    let shape = serde_json::to_string(&v).unwrap_or_default();
    let _ = std::fs::write(Path::new(&out).join(format!("{name}.shape.json")), shape);
}

fn main() {
    shape("plan");
    shape("progress-report");
}
