//! The blocks as one self-contained HTML page: inline CSS and SVG, no script, no request for
//! anything (a Content-Security-Policy says so to the browser too), headings in order, tables
//! with captions and scoped header cells, and `lang="ja"` on every Japanese fallback.

use std::fmt::Write;

use super::chart;
use super::doc::{Block, Inline, Table};
use super::escape;
use crate::model::Lang;

/// The stylesheet every published page shares: screen and print (A4, a new page for each
/// top-level goal, nothing dark on paper).
const STYLE: &str = include_str!("style.css");

/// The page around `body` (already-safe HTML): doctype, `lang`, the title (escaped here), the
/// shared stylesheet and then `css_extra`.
pub(crate) fn page(title: &str, lang: Lang, css_extra: &str, body: &str) -> String {
    let code = match lang {
        Lang::Ja => "ja",
        Lang::En => "en",
    };
    // The extra CSS is the caller's own, never data; still, it cannot close the style element.
    let extra = css_extra.replace("</", "<\\/");
    let mut out = String::with_capacity(STYLE.len() + body.len() + 512);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"referrer\" content=\"no-referrer\">\n\
<title>{}</title>\n<style>\n{STYLE}{extra}\n</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        escape::html(title),
    );
    out
}

/// The blocks as the page's body.
pub(crate) fn body(blocks: &[Block]) -> String {
    let mut w = Writer {
        out: String::new(),
        all: blocks,
    };
    for b in blocks {
        w.block(b);
    }
    w.out
}

struct Writer<'b> {
    out: String,
    /// Every block, for the table of contents.
    all: &'b [Block],
}

impl Writer<'_> {
    fn block(&mut self, b: &Block) {
        match b {
            Block::Heading {
                level, anchor, text, ..
            } => {
                let _ = write!(self.out, "<h{level} id=\"{}\">", escape::html(anchor));
                self.line(text);
                let _ = writeln!(self.out, "</h{level}>");
            }
            Block::Para(l) => self.wrapped("p", l),
            Block::Quote(l) => {
                self.out.push_str("<blockquote>");
                self.wrapped("p", l);
                self.out.push_str("</blockquote>\n");
            }
            Block::List(items) => {
                self.out.push_str("<ul>\n");
                for l in items {
                    self.wrapped("li", l);
                }
                self.out.push_str("</ul>\n");
            }
            Block::Outline(items) => self.outline(items),
            Block::Fields(fields) => {
                self.out.push_str("<dl class=\"fields\">\n");
                for (k, v) in fields {
                    self.out.push_str("<div>");
                    self.wrapped("dt", k);
                    self.wrapped("dd", v);
                    self.out.push_str("</div>\n");
                }
                self.out.push_str("</dl>\n");
            }
            Block::Table(t) => self.table(t),
            Block::Chart(c) => {
                let id = escape::html(&c.id);
                let _ = write!(self.out, "<figure class=\"chart\"><figcaption id=\"{id}-cap\">");
                self.line(&c.caption);
                self.out.push_str("</figcaption>");
                chart::svg(c, &mut self.out);
                self.out.push_str("</figure>\n");
            }
            Block::Part(blocks) => {
                self.out.push_str("<section class=\"part\">\n");
                for b in blocks {
                    self.block(b);
                }
                self.out.push_str("</section>\n");
            }
            Block::Keep(blocks) => {
                self.out.push_str("<div class=\"keep\">\n");
                for b in blocks {
                    self.block(b);
                }
                self.out.push_str("</div>\n");
            }
            Block::Anchored { anchor, block } => {
                let _ = write!(self.out, "<div id=\"{}\">", escape::html(anchor));
                self.block(block);
                self.out.push_str("</div>\n");
            }
            Block::Contents(title) => self.contents(title),
        }
    }

    fn wrapped(&mut self, tag: &str, l: &[Inline]) {
        let _ = write!(self.out, "<{tag}>");
        self.line(l);
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn line(&mut self, l: &[Inline]) {
        for i in l {
            self.inline(i);
        }
    }

    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Word(s) => self.out.push_str(&escape::html(s)),
            Inline::Data { text, ja: false } => self.out.push_str(&escape::html(text)),
            Inline::Data { text, ja: true } => {
                let _ = write!(self.out, "<span lang=\"ja\">{}</span>", escape::html(text));
            }
            Inline::Anchor { to, text } => {
                let _ = write!(self.out, "<a href=\"#{}\">", escape::html(to));
                self.line(text);
                self.out.push_str("</a>");
            }
            Inline::Url { url, text } => match escape::safe_url(url) {
                Some(url) => {
                    let _ = write!(
                        self.out,
                        "<a href=\"{}\" rel=\"external noopener noreferrer\">",
                        escape::html(url)
                    );
                    self.line(text);
                    self.out.push_str("</a>");
                }
                None => self.line(text),
            },
            Inline::Mark { shown, spoken } => {
                if !shown.is_empty() {
                    let _ = write!(
                        self.out,
                        "<span aria-hidden=\"true\">{}</span>",
                        escape::html(shown)
                    );
                }
                let _ = write!(self.out, "<span class=\"vh\">{}</span>", escape::html(spoken));
            }
        }
    }

    fn table(&mut self, t: &Table) {
        let class = if t.class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", escape::html(t.class))
        };
        let _ = write!(self.out, "<div class=\"table\"><table{class}>\n<caption>");
        self.line(&t.caption);
        self.out.push_str("</caption>\n<thead><tr>");
        for h in &t.head {
            self.out.push_str("<th scope=\"col\">");
            self.line(h);
            self.out.push_str("</th>");
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for r in &t.rows {
            self.out.push_str("<tr><th scope=\"row\">");
            self.line(&r.head);
            self.out.push_str("</th>");
            for c in &r.cells {
                self.out.push_str("<td>");
                self.line(c);
                self.out.push_str("</td>");
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody></table></div>\n");
    }

    /// A nested list from items with depths; a jump of more than one level opens one list.
    fn outline(&mut self, items: &[(usize, Vec<Inline>)]) {
        let mut open = 0usize;
        for (depth, l) in items {
            let depth = depth + 1;
            if depth > open {
                while open < depth {
                    self.out.push_str(if open == 0 {
                        "<ul class=\"outline\">"
                    } else {
                        "<ul>"
                    });
                    open += 1;
                    if open < depth {
                        self.out.push_str("<li>");
                    }
                }
            } else {
                self.out.push_str("</li>");
                while open > depth {
                    self.out.push_str("</ul></li>");
                    open -= 1;
                }
            }
            self.out.push_str("<li>");
            self.line(l);
        }
        while open > 0 {
            self.out.push_str("</li></ul>");
            open -= 1;
        }
        self.out.push('\n');
    }

    /// The table of contents: every heading marked for it, the goals under their section.
    fn contents(&mut self, title: &[Inline]) {
        let mut items = Vec::new();
        collect(self.all, &mut items);
        if items.is_empty() {
            return;
        }
        self.out
            .push_str("<nav class=\"toc\" aria-labelledby=\"contents\"><h2 id=\"contents\">");
        self.line(title);
        self.out.push_str("</h2>\n");
        let top = items.iter().map(|(l, _, _)| *l).min().unwrap_or(2);
        let outline: Vec<(usize, Vec<Inline>)> = items
            .into_iter()
            .map(|(level, anchor, text)| {
                (
                    usize::from(level - top),
                    vec![Inline::Anchor {
                        to: anchor.to_owned(),
                        text: text.to_vec(),
                    }],
                )
            })
            .collect();
        self.outline(&outline);
        self.out.push_str("</nav>\n");
    }
}

/// Headings marked for the table of contents, in order, with their level, anchor and text.
fn collect<'b>(blocks: &'b [Block], out: &mut Vec<(u8, &'b str, &'b [Inline])>) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                anchor,
                text,
                toc: true,
            } => out.push((*level, anchor, text)),
            Block::Part(inner) | Block::Keep(inner) => collect(inner, out),
            Block::Anchored { block, .. } => collect(std::slice::from_ref(block), out),
            _ => {}
        }
    }
}
