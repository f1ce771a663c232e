//! Issues as the CLI writes them: one line each (`file:line:column: …`), GitHub Actions
//! annotations, or SARIF 2.1.0 for code-scanning tools; always sorted by position, so that a
//! reader walks the file from top to bottom.

use serde_json::{json, Value};
use welfare_plan::{Issue, IssueCode, Lang};

/// The issues in document order: by line and column, those without a position last (in the
/// order the core found them).
pub fn by_position(issues: &[Issue]) -> Vec<&Issue> {
    let mut sorted: Vec<&Issue> = issues.iter().collect();
    sorted.sort_by_key(|i| (i.line.is_none(), i.line, i.column));
    sorted
}

/// `file:line:column: error [code] message (at /pointer)`; with `color`, the severity in red
/// or yellow and the code in bold (ANSI).
pub fn text_line(file: &str, i: &Issue, lang: Lang, color: bool) -> String {
    let at = match (i.line, i.column, &i.cell) {
        (Some(l), Some(c), _) => format!("{file}:{l}:{c}"),
        // A spreadsheet's issue: the workbook and the sheet's cell (`book.xlsx:体系!H14`).
        (_, _, Some(cell)) => format!("{file}:{cell}"),
        _ => file.to_owned(),
    };
    let path = i.path.to_string();
    let path = if path.is_empty() { "/".to_owned() } else { path };
    let (severity, where_) = match lang {
        Lang::Ja => (if i.is_error() { "エラー" } else { "警告" }, "場所"),
        Lang::En => (i.severity.as_str(), "at"),
    };
    let (severity, code) = if color {
        let paint = if i.is_error() { "\x1b[1;31m" } else { "\x1b[1;33m" };
        (
            format!("{paint}{severity}\x1b[0m"),
            format!("\x1b[1m{}\x1b[0m", i.code),
        )
    } else {
        (severity.to_owned(), i.code.to_string())
    };
    format!("{at}: {severity} [{code}] {} ({where_} {path})", i.message(lang))
}

/// A GitHub Actions workflow command that annotates the file at the issue's line and column.
pub fn github(file: &str, i: &Issue, lang: Lang) -> String {
    let kind = if i.is_error() { "error" } else { "warning" };
    let mut props = vec![format!("file={}", property(file))];
    if let Some(l) = i.line {
        props.push(format!("line={l}"));
    }
    if let Some(c) = i.column {
        props.push(format!("col={c}"));
    }
    props.push(format!("title={}", property(&i.code.to_string())));
    let path = i.path.to_string();
    let text = format!(
        "{} ({})",
        i.message(lang),
        if path.is_empty() { "/" } else { &path }
    );
    format!("::{kind} {}::{}", props.join(","), data(&text))
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value: as a message, and `:` and `,` too.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One SARIF 2.1.0 log of every file's issues: one run of `welfare-plan`, a rule per issue code
/// (with its description), a result per issue with its file, line, column and JSON Pointer.
pub fn sarif(files: &[(String, Vec<Issue>)], lang: Lang) -> Value {
    let rules: Vec<Value> = IssueCode::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": {"text": c.description()},
                "defaultConfiguration": {"level": level(c.severity() == welfare_plan::Severity::Error)},
            })
        })
        .collect();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|(file, issues)| {
            by_position(issues).into_iter().map(move |i| {
                let mut region = serde_json::Map::new();
                if let Some(l) = i.line {
                    region.insert("startLine".into(), l.into());
                }
                if let Some(c) = i.column {
                    region.insert("startColumn".into(), c.into());
                }
                let mut physical = serde_json::Map::new();
                physical.insert("artifactLocation".into(), json!({"uri": file}));
                if !region.is_empty() {
                    physical.insert("region".into(), Value::Object(region));
                }
                json!({
                    "ruleId": i.code.as_str(),
                    "ruleIndex": IssueCode::ALL.iter().position(|c| *c == i.code),
                    "level": level(i.is_error()),
                    "message": {"text": i.message(lang)},
                    "locations": [{
                        "physicalLocation": physical,
                        "logicalLocations": [{"fullyQualifiedName": i.path.to_string(), "kind": "member"}],
                    }],
                })
            })
        })
        .collect();
    json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "welfare-plan",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
        }],
    })
}

fn level(error: bool) -> &'static str {
    if error {
        "error"
    } else {
        "warning"
    }
}

/// The issues of one file as a compiler shows them (codespan-reporting): the header, then the
/// source line with the value underlined and its JSON Pointer; with `color`, in ANSI colours.
/// An issue without a position (or in a file that is not text) gets the header alone.
pub fn pretty(file: &str, source: Option<&str>, issues: &[&Issue], lang: Lang, color: bool) -> String {
    use codespan_reporting::diagnostic::{Diagnostic, Label};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor, Config};

    let text = SimpleFile::new(file, source.unwrap_or_default());
    let config = Config::default();
    let mut plain = String::new();
    let mut ansi = termcolor::Buffer::ansi();
    for i in issues {
        let head = if i.is_error() {
            Diagnostic::error()
        } else {
            Diagnostic::warning()
        };
        let path = i.path.to_string();
        let path = if path.is_empty() { "/".to_owned() } else { path };
        let mut d = head.with_code(i.code.as_str()).with_message(i.message(lang));
        match source
            .zip(i.line.zip(i.column))
            .and_then(|(s, (l, c))| span(s, l, c))
        {
            Some(range) => d = d.with_label(Label::primary((), range).with_message(path)),
            None => d = d.with_note(format!("{file}: {path}")),
        }
        let written = if color {
            term::emit_to_write_style(&mut ansi, &config, &text, &d)
        } else {
            term::emit_to_string(&mut plain, &config, &text, &d)
        };
        if written.is_err() {
            plain.push_str(&text_line(file, i, lang, false));
            plain.push('\n');
        }
    }
    if color {
        String::from_utf8_lossy(ansi.as_slice()).into_owned()
    } else {
        plain
    }
}

/// The byte range of the JSON value that starts at 1-based `line` and `column` (in
/// characters): a string to its closing quote, anything else to the next delimiter.
fn span(source: &str, line: u32, column: u32) -> Option<std::ops::Range<usize>> {
    let line_start = if line <= 1 {
        0
    } else {
        source.match_indices('\n').nth(usize::try_from(line).ok()? - 2)?.0 + 1
    };
    let rest = source.get(line_start..)?;
    let start = line_start
        + rest
            .char_indices()
            .nth(usize::try_from(column).ok()?.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i);
    let value = source.get(start..)?;
    let len = if value.starts_with(['{', '[']) {
        // An object or a list: its opening bracket stands for it.
        1
    } else if value.starts_with('"') {
        let mut escaped = false;
        value
            .char_indices()
            .skip(1)
            .find(|&(_, c)| {
                let end = c == '"' && !escaped;
                escaped = c == '\\' && !escaped;
                end || c == '\n'
            })
            .map_or(value.len(), |(i, c)| i + c.len_utf8())
    } else {
        value
            .find([',', '}', ']', '\n', '\r'])
            .unwrap_or(value.len())
            .max(1)
            .min(value.len())
    };
    Some(start..start + len)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::span;

    #[test]
    fn a_span_covers_the_value_at_a_position() {
        let src = "{\n  \"code\": \"402051\",\n  \"n\": 12}";
        assert_eq!(src.get(span(src, 2, 11).unwrap()), Some("\"402051\""));
        assert_eq!(src.get(span(src, 3, 8).unwrap()), Some("12"));
        let ja = "{\"題\": \"地域\\\"福祉\"}";
        assert_eq!(ja.get(span(ja, 1, 7).unwrap()), Some("\"地域\\\"福祉\""));
        assert_eq!(span(src, 9, 1), None);
        assert_eq!(src.get(span(src, 1, 1).unwrap()), Some("{"));
    }
}
