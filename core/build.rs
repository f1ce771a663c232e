//! Writes the shape schemas and the national code list.
//!
//! The shape schemas: the committed JSON Schemas of `schemas/` without what only people
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

/// Writes `OUT_DIR/municipality_codes.rs` from `data/municipality-codes.tsv`: the national code
/// list in the form `src/codelist.rs` reads, smaller than the TSV's text. The codes are in
/// ascending order, so each is stored as its difference from the one before (a `u16`; the gaps
/// are small, and gzip packs them far better than 1,800 six-digit numbers in text); the names
/// are one string, a line each, in the codes' order; the date comes from the header's
/// `# as-of:` line. Only the codes' order and shape are checked here; the crate's tests compare
/// the built list with the TSV, entry for entry, and check every code's check digit.
fn municipality_codes() -> Result<(), String> {
    const SOURCE: &str = "data/municipality-codes.tsv";
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE).map_err(|e| format!("{SOURCE}: {e}"))?;
    let mut as_of = "";
    let mut gaps: Vec<u16> = Vec::new();
    let mut names: Vec<&str> = Vec::new();
    let mut last = 0u32;
    for (n, line) in text.lines().enumerate() {
        if let Some(header) = line.strip_prefix('#') {
            if let Some(date) = header.trim().strip_prefix("as-of:") {
                as_of = date.trim();
            }
            continue;
        }
        let bad = |what: &str| format!("{SOURCE}, line {}: {what}: `{line}`", n + 1);
        let (code, name) = line
            .split_once('\t')
            .ok_or_else(|| bad("no tab between code and name"))?;
        if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the code is not six digits"));
        }
        if name.trim().is_empty() {
            return Err(bad("no name"));
        }
        let value: u32 = code.parse().map_err(|_| bad("the code is not six digits"))?;
        let gap = value
            .checked_sub(last)
            .filter(|g| *g > 0)
            .ok_or_else(|| bad("the code is not above the one before"))?;
        gaps.push(u16::try_from(gap).map_err(|_| bad("the code is more than 65,535 above the one before"))?);
        names.push(name);
        last = value;
    }
    if as_of.is_empty() {
        return Err(format!("{SOURCE}: no `# as-of: YYYY-MM-DD` line in the header"));
    }
    let out = std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?;
    let rust = format!(
        "static AS_OF: &str = {as_of:?};\nstatic GAPS: [u16; {}] = {gaps:?};\nstatic NAMES: &str = {:?};\n",
        gaps.len(),
        names.join("\n"),
    );
    std::fs::write(Path::new(&out).join("municipality_codes.rs"), rust).map_err(|e| format!("{out}: {e}"))
}

fn main() {
    shape("plan");
    shape("progress-report");
    if std::env::var_os("CARGO_FEATURE_MUNICIPALITY_CODES").is_some() {
        if let Err(e) = municipality_codes() {
            eprintln!(
                "the national code list cannot be built in (全国地方公共団体コードを組み込めません): {e}"
            );
            std::process::exit(1);
        }
    }
}
