//! The diff as a self-contained HTML page, the 新旧対照表 a committee reads and prints: one
//! table per part kind, 旧 | 新 | 変更, one row per change. Every text from the documents goes
//! through [`escape::html`]; the page has inline CSS and no script.

use std::fmt::Write;

use super::fields::{Field, FieldChange};
use super::types::{Change, Diff, Document, Matched, PartKind, Side};
use crate::model::Lang;
use crate::publish::escape;

pub(super) fn render(diff: &Diff, lang: Lang) -> String {
    let ja = lang == Lang::Ja;
    let t = |j: &'static str, e: &'static str| if ja { j } else { e };
    let mut body = String::new();
    let heading = t("新旧対照表", "Comparison of editions (新旧対照表)");
    let _ = write!(body, "<h1>{heading}</h1>\n<dl class=\"docs\">");
    for (name, d) in [(t("新", "New"), &diff.new), (t("旧", "Old"), &diff.old)] {
        let _ = write!(body, "<dt>{name}</dt><dd>{}</dd>", document(d, lang));
    }
    body.push_str("</dl>\n");
    let guesses = diff.changes.iter().filter(|c| c.is_guess()).count();
    let summary = match (ja, guesses) {
        (true, 0) => format!("変更 {}件", diff.changes.len()),
        (true, g) => format!(
            "変更 {}件（うち推定 {g}件: 文言の類似による対応付けです。ご確認ください）",
            diff.changes.len()
        ),
        (false, 0) => super::text::count(diff.changes.len()),
        (false, g) => format!(
            "{}, {g} of them guessed from similar wording: please confirm them",
            super::text::count(diff.changes.len())
        ),
    };
    let _ = writeln!(body, "<p class=\"summary\">{summary}</p>");
    if diff.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", t("変更はありません。", "No changes."));
    }
    let mut kinds: Vec<PartKind> = diff.changes.iter().map(|c| c.part).collect();
    kinds.dedup();
    for kind in kinds {
        let (_, kja, ken) = kind.labels();
        let _ = write!(
            body,
            "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
            if ja { kja } else { ken },
            t("新", "New"),
            t("旧", "Old"),
            t("変更", "Change"),
        );
        for c in diff.changes.iter().filter(|c| c.part == kind) {
            row(&mut body, c, lang);
        }
        body.push_str("</tbody>\n</table>\n</section>\n");
    }
    let title = format!("{heading}: {}", diff.new.title.get(lang));
    page(&title, lang, &body)
}

fn document(d: &Document, lang: Lang) -> String {
    let title = d.title.get(lang);
    // A title that already names its edition (第3期…) is not followed by it again.
    let edition = match (d.edition, lang) {
        (Some(e), Lang::Ja) if !title.contains(&format!("第{e}期")) => format!("（第{e}期）"),
        (Some(e), Lang::En) if !title.contains(&format!("{e}")) => format!(" (edition {e})"),
        _ => String::new(),
    };
    format!(
        "{}{edition} <code>{}</code>",
        escape::html(title),
        escape::html(d.id.as_str())
    )
}

fn row(out: &mut String, c: &Change, lang: Lang) {
    let (code, kja, ken) = c.kind.labels();
    let class = if c.is_guess() {
        format!("{code} guess")
    } else {
        code.to_owned()
    };
    // New on the left and old on the right, as a Japanese 新旧対照表 sets them.
    let _ = write!(out, "<tr class=\"{class}\"><td>");
    cell(out, &c.new, c, lang, false);
    out.push_str("</td><td>");
    cell(out, &c.old, c, lang, true);
    let kind = if lang == Lang::Ja { kja } else { ken };
    let _ = write!(out, "</td><td><span class=\"kind\">{kind}</span>");
    if let Some(m) = c.matched {
        let (_, mja, men) = m.labels();
        let how = if lang == Lang::Ja { mja } else { men };
        match m {
            Matched::Similarity { similarity } => {
                let score = if lang == Lang::Ja {
                    "類似度"
                } else {
                    "similarity"
                };
                let _ = write!(
                    out,
                    "<br><span class=\"how guess\">{how} {score} {similarity:.2}</span>"
                );
            }
            _ => {
                let _ = write!(out, "<br><span class=\"how\">{how}</span>");
            }
        }
    }
    let names: Vec<&str> = c
        .fields
        .iter()
        .map(|f| {
            let (_, fja, fen) = f.field.labels();
            if lang == Lang::Ja {
                fja
            } else {
                fen
            }
        })
        .collect();
    if !names.is_empty() {
        let _ = write!(
            out,
            "<br><span class=\"fields\">{}</span>",
            names.join(if lang == Lang::Ja { "・" } else { ", " })
        );
    }
    out.push_str("</td></tr>\n");
}

/// One side's parts, with their values of the changed fields (the old values on the old side).
fn cell(out: &mut String, sides: &[Side], c: &Change, lang: Lang, old: bool) {
    if sides.is_empty() {
        out.push_str("<span class=\"none\">—</span>");
        return;
    }
    for s in sides {
        part(out, s, lang, true);
    }
    for f in c
        .fields
        .iter()
        .filter(|f| !matches!(f.field, Field::Title | Field::Name | Field::Opinion))
    {
        field(out, f, lang, old);
    }
}

fn part(out: &mut String, s: &Side, lang: Lang, with_parent: bool) {
    out.push_str("<div class=\"part\">");
    if let Some(l) = s.full_label(lang) {
        let _ = write!(out, "<span class=\"label\">{}</span> ", escape::html(&l));
    }
    if let Some(t) = &s.title {
        let _ = write!(out, "<span class=\"title\">{}</span> ", escape::html(t.get(lang)));
    }
    if let Some(id) = &s.id {
        let _ = write!(out, "<code>{}</code>", escape::html(id.as_str()));
    }
    if with_parent {
        for p in s.parent.iter().chain(&s.district) {
            let _ = write!(
                out,
                "<div class=\"parent\">{}</div>",
                escape::html(&p.heading(lang))
            );
        }
    }
    if !s.children.is_empty() {
        out.push_str("<ul>");
        for child in &s.children {
            out.push_str("<li>");
            part(out, child, lang, false);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</div>");
}

fn field(out: &mut String, f: &FieldChange, lang: Lang, old: bool) {
    let (_, fja, fen) = f.field.labels();
    let name = if lang == Lang::Ja { fja } else { fen };
    let scale = f
        .scale
        .as_ref()
        .map(|s| format!(" ({})", escape::html(s.as_str())))
        .unwrap_or_default();
    let value = if old { &f.old } else { &f.new };
    let shown = value
        .as_ref()
        .map_or_else(|| "—".to_owned(), |v| escape::html(&v.display(lang)));
    let _ = write!(
        out,
        "<div class=\"field\"><span class=\"name\">{name}{scale}</span> {shown}</div>"
    );
}

/// A minimal page shell: inline CSS for screen and A4 print, the `lang` attribute, no
/// script. `title` is escaped here; `body` is HTML already made safe.
/// The page shell the plan's report uses (its stylesheet, print rules and safety), with the
/// table's own rules.
fn page(title: &str, lang: Lang, body: &str) -> String {
    crate::publish::page(title, lang, CSS, body)
}

const CSS: &str = "
h1 { font-size: 1.5em; margin: 0 0 .5em; }
h2 { font-size: 1.15em; margin: 1.5em 0 .4em; border-left: .3em solid #345; padding-left: .4em; }
dl.docs { display: grid; grid-template-columns: auto 1fr; gap: .2em .8em; margin: 0 0 .5em; }
dl.docs dt { font-weight: bold; }
dl.docs dd { margin: 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid #888; padding: .35em .5em; vertical-align: top; text-align: left; }
th { background: #e8ecf0; }
th:nth-child(3), td:nth-child(3) { width: 8.5em; }
code { font-size: .8em; color: #555; }
.label { font-weight: bold; }
.parent { font-size: .85em; color: #555; }
.parent::before { content: '\\2191\\00a0'; }
.part + .part { margin-top: .4em; border-top: 1px dotted #aaa; padding-top: .4em; }
.part ul { margin: .2em 0 0 1.2em; padding: 0; }
.field { font-size: .9em; margin-top: .25em; }
.field .name { display: inline-block; background: #eef; padding: 0 .3em; margin-right: .3em; }
.kind { font-weight: bold; }
.how, .fields { font-size: .85em; color: #444; }
.none { color: #999; }
tr.added td:nth-child(1), tr.removed td:nth-child(2) { background: #f6f9f3; }
tr.guess td { background: #fff8e1; }
.how.guess { color: #8a5a00; font-weight: bold; }
@media print {
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  tr.guess td { background: none; border-style: dashed; }
}
";
