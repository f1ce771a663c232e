//! The blocks as GitHub-flavoured Markdown: headings, lists and pipe tables, no HTML at all.
//! Every text is escaped, so nothing in the data becomes a link, an image, a heading, a table
//! cell boundary or a tag; the only links are to `http(s)` sources, with their addresses
//! percent-encoded where Markdown would read a character as syntax.

use std::fmt::Write;

use super::doc::{Block, Inline, Table};
use super::escape;

/// The blocks as Markdown.
pub(crate) fn document(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        block(b, &mut out);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn block(b: &Block, out: &mut String) {
    match b {
        Block::Heading { level, text, .. } => {
            let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), line(text));
        }
        Block::Para(l) => {
            let _ = writeln!(out, "{}\n", line(l));
        }
        Block::Quote(l) => {
            let _ = writeln!(out, "> {}\n", line(l));
        }
        Block::List(items) => {
            for l in items {
                let _ = writeln!(out, "- {}", line(l));
            }
            out.push('\n');
        }
        Block::Outline(items) => {
            for (depth, l) in items {
                let _ = writeln!(out, "{}- {}", "  ".repeat(*depth), line(l));
            }
            out.push('\n');
        }
        Block::Fields(fields) => {
            for (k, v) in fields {
                let _ = writeln!(out, "- **{}**: {}", line(k), line(v));
            }
            out.push('\n');
        }
        Block::Table(t) => table(t, out),
        // The series' table follows every chart; GitHub shows no inline SVG from a file.
        Block::Chart(_) | Block::Contents(_) => {}
        Block::Part(blocks) | Block::Keep(blocks) => blocks.iter().for_each(|b| block(b, out)),
        Block::Anchored { block: b, .. } => block(b, out),
    }
}

fn table(t: &Table, out: &mut String) {
    let _ = writeln!(out, "**{}**\n", line(&t.caption));
    let cells = |c: &[String]| format!("| {} |", c.join(" | "));
    let head: Vec<String> = t.head.iter().map(|h| cell(&line(h))).collect();
    let _ = writeln!(out, "{}", cells(&head));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for r in &t.rows {
        let mut row = vec![cell(&line(&r.head))];
        row.extend(r.cells.iter().map(|c| cell(&line(c))));
        // A row never has more or fewer cells than the head.
        row.resize(head.len().max(1), cell(""));
        let _ = writeln!(out, "{}", cells(&row));
    }
    out.push('\n');
}

/// A table cell: never empty, so that every row has its cells whatever a reader trims.
fn cell(s: &str) -> String {
    if s.trim().is_empty() {
        "\u{2014}".to_owned()
    } else {
        s.to_owned()
    }
}

fn line(l: &[Inline]) -> String {
    let mut out = String::new();
    for i in l {
        match i {
            Inline::Word(s) | Inline::Data { text: s, .. } => out.push_str(&escape::markdown(s)),
            // In-page anchors need HTML in Markdown; the text stands alone.
            Inline::Anchor { text, .. } => out.push_str(&line(text)),
            Inline::Url { url, text } => match escape::safe_url(url) {
                Some(url) => {
                    let _ = write!(out, "[{}]({})", line(text), destination(url));
                }
                None => out.push_str(&line(text)),
            },
            Inline::Mark { shown, .. } => out.push_str(&escape::markdown(shown)),
        }
    }
    out
}

/// A link destination that Markdown reads as one address: the characters it would take as
/// syntax (brackets, quotes, backslashes, pipes, angle brackets, spaces) percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | '\\' | '|' | '`' | ' ' | '*' | '_' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_destinations_cannot_close_the_link() {
        assert_eq!(
            destination("https://example.org/a(b)|c\"d"),
            "https://example.org/a%28b%29%7Cc%22d"
        );
    }

    #[test]
    fn rows_have_as_many_cells_as_the_head() {
        let t = Table {
            caption: vec![Inline::Word("t".into())],
            head: vec![vec![Inline::Word("a".into())], vec![Inline::Word("b".into())]],
            rows: vec![super::super::doc::Row {
                head: vec![Inline::Data {
                    text: "x|y".into(),
                    ja: false,
                }],
                cells: vec![],
            }],
            class: "",
        };
        let mut out = String::new();
        table(&t, &mut out);
        assert!(out.contains("| x\\|y | \u{2014} |"), "{out}");
    }
}
