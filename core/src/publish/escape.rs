//! Text from documents others wrote, made safe to place in HTML and Markdown.
//!
//! Reports and diffs render plans the city did not write (a council's file, a neighbouring
//! town's plan, a pasted draft). Every text goes through here: nothing in the data can open a
//! tag, an attribute, a link or an inline style, and a URL becomes a link only when it is
//! `http` or `https`.

use std::fmt::Write;

/// `s` as HTML text or a quoted attribute value: `& < > " '` escaped, and the characters that
/// reorder or hide text (bidirectional overrides and isolates, zero-width joiners aside) shown
/// as their code points, so that a title cannot disguise what follows it.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if hides_text(c) => {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// `s` as Markdown text (GitHub-flavoured): every character that Markdown reads as syntax
/// (emphasis, links, images, code, headings, lists, tables, autolinks) or as HTML is escaped,
/// line breaks become spaces, so a text stays one paragraph or one table cell.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!'
            | '|' | '~' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\r' => out.push(' '),
            c if hides_text(c) => {
                let _ = write!(out, "[U+{:04X}]", u32::from(c));
            }
            c if c.is_control() && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The URL, if it may become a link: absolute `http` or `https`, with no whitespace or control
/// characters (which browsers strip, and which could hide a `javascript:` scheme).
pub fn safe_url(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s))?;
    let host = url.get(scheme.len()..).unwrap_or_default();
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || hides_text(c));
    (clean && !host.is_empty() && !host.starts_with('/')).then_some(url)
}

/// Characters that change the order or visibility of the text around them: the bidirectional
/// embeddings, overrides and isolates, and the byte-order mark.
fn hides_text(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#""><img src=x onerror=alert(1)>"#),
            "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
        );
        assert_eq!(
            html("<script>a&b</script>'"),
            "&lt;script&gt;a&amp;b&lt;/script&gt;&#39;"
        );
        assert_eq!(html("地域福祉"), "地域福祉");
    }

    #[test]
    fn bidirectional_overrides_are_shown_not_obeyed() {
        assert_eq!(html("a\u{202E}gpj.exe"), "a[U+202E]gpj.exe");
        assert_eq!(markdown("a\u{2067}b"), "a[U+2067]b");
    }

    #[test]
    fn markdown_escapes_links_html_and_line_starts() {
        assert_eq!(
            markdown("[x](javascript:alert(1))"),
            r"\[x\]\(javascript\:alert\(1\)\)"
        );
        assert_eq!(markdown("<b>x</b>"), "&lt;b&gt;x&lt;/b&gt;");
        assert_eq!(markdown("# a\n- b | c"), r"\# a \- b \| c");
        assert_eq!(markdown("https://example.org"), r"https\://example\.org");
    }

    #[test]
    fn only_http_and_https_urls_become_links() {
        assert_eq!(
            safe_url("https://www.city.iizuka.lg.jp/"),
            Some("https://www.city.iizuka.lg.jp/")
        );
        assert_eq!(safe_url("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("java\nscript:alert(1)"), None);
        assert_eq!(safe_url(" https://example.org"), None);
        assert_eq!(safe_url("data:text/html,<script>"), None);
        assert_eq!(safe_url("https://"), None);
        assert_eq!(safe_url("//example.org"), None);
    }
}
