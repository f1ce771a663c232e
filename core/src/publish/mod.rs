//! The plan, its evaluation and the changes between editions as documents people read: a
//! self-contained HTML page (inline CSS and SVG, print-ready) and GitHub-flavoured Markdown.
//!
//! Both are written from one walk of the plan into `doc` blocks, so they hold the same
//! content; the HTML adds a table of contents and a trend chart per numeric indicator, the
//! Markdown has the table of each series instead. Every text from the plan goes through
//! [`escape`]: a plan from anywhere (a neighbouring town's, a pasted draft) cannot put a
//! script, a tag, an attribute or a link of its own into the page.
//!
//! ```
//! use welfare_plan::{publish, Lang};
//! let plan = welfare_plan::iizuka::third_plan();
//! let page = publish::html(&plan, None, Lang::Ja);
//! assert!(page.starts_with("<!DOCTYPE html>") && page.contains("基本目標Ⅰ"));
//! let md = publish::markdown(&plan, None, Lang::En);
//! assert!(md.starts_with("# "));
//! ```

mod actors;
mod annex;
mod chart;
mod doc;
pub mod escape;
mod front;
mod grades;
mod html;
mod markdown;
mod places;
mod progress;
mod tree;
mod words;

use crate::model::{Lang, Plan};
use crate::report::Progress;
use doc::Block;
use words::Say;

/// The plan as one self-contained HTML page in `lang`, with the evaluation over its reports
/// when `progress` is given (from [`crate::report::evaluate`]): trend charts, each year's
/// grades and the roll-ups per goal and per help sector.
///
/// The page makes no request (no script, no external stylesheet, font or image), prints on A4
/// with each top-level goal on a new page, and marks every text that an English page shows in
/// Japanese for want of a translation with `lang="ja"`.
///
/// ```
/// use welfare_plan::{publish, Lang};
/// let plan = welfare_plan::iizuka::third_plan();
/// let page = publish::html(&plan, None, Lang::En);
/// assert!(page.contains("<html lang=\"en\">") && !page.contains("<script"));
/// ```
pub fn html(plan: &Plan, progress: Option<&Progress>, lang: Lang) -> String {
    let blocks = contents(plan, progress, lang);
    page(plan.title.get(lang), lang, "", &html::body(&blocks))
}

/// The same content as GitHub-flavoured Markdown: headings, lists and tables (each
/// indicator's series as a table, no charts), every text escaped and no HTML.
///
/// ```
/// use welfare_plan::{publish, Lang};
/// let plan = welfare_plan::iizuka::third_plan();
/// let md = publish::markdown(&plan, None, Lang::Ja);
/// assert!(md.contains("## 計画の体系") && !md.contains('<'));
/// ```
pub fn markdown(plan: &Plan, progress: Option<&Progress>, lang: Lang) -> String {
    markdown::document(&contents(plan, progress, lang))
}

/// The HTML page around `body`, with the stylesheet every published page shares, so that other
/// documents (the table of changes between editions, 新旧対照表) look like the plan's.
///
/// `title` is plain text and is escaped here; `body` must already be safe HTML (build it with
/// [`escape::html`]); `css_extra` is the caller's own CSS, added after the shared stylesheet.
///
/// ```
/// use welfare_plan::{publish, Lang};
/// let body = format!("<h1>{}</h1>", publish::escape::html("新旧対照表 <案>"));
/// let page = publish::page("新旧対照表 <案>", Lang::Ja, "ins { background: #e6f4ea; }", &body);
/// assert!(page.contains("<title>新旧対照表 &lt;案&gt;</title>"));
/// assert!(page.contains("@page") && page.contains("ins { background"));
/// ```
pub fn page(title: &str, lang: Lang, css_extra: &str, body: &str) -> String {
    html::page(title, lang, css_extra, body)
}

/// The document as blocks, in reading order.
fn contents(plan: &Plan, progress: Option<&Progress>, lang: Lang) -> Vec<Block> {
    let parts = plan.part_index();
    let s = Say {
        plan,
        lang,
        parts: &parts,
    };
    let mut out = Vec::new();
    front::title(s, &mut out);
    out.push(Block::Contents(vec![s.w("目次", "Contents")]));
    front::philosophy(s, &mut out);
    front::help_model(s, &mut out);
    front::challenges(s, &mut out);
    tree::structure(s, &mut out);
    annex::priority_projects(s, &mut out);
    annex::plan_indicators(s, &mut out);
    actors::actors(s, &mut out);
    actors::matrix(s, &mut out);
    places::districts(s, &mut out);
    places::bases(s, &mut out);
    annex::sub_plans(s, &mut out);
    annex::evaluation(s, &mut out);
    if let Some(pr) = progress {
        progress::progress(s, pr, &mut out);
    }
    annex::revisions(s, &mut out);
    annex::sources(s, &mut out);
    out
}
