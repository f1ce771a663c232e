//! The plan as a document people read: the HTML page parsed and its structure checked (one
//! h1, headings in order, every node there, tables with captions and scoped headers, nothing
//! fetched, no script), the charts and roll-ups of a progress evaluation counted, the Markdown's
//! tables checked cell by cell, and a plan whose every free text is hostile rendered harmlessly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use welfare_plan::publish::{self, escape};
use welfare_plan::report::{self, Progress};
use welfare_plan::{Lang, Limits, Plan};

const JOINT: &str = "tests/conformance/documents/synthetic-four-help-joint.json";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(repo().join(path)).unwrap()
}

fn joint() -> Plan {
    welfare_plan::check_with(&read(JOINT), &Limits::default())
        .into_result()
        .unwrap()
}

/// The synthetic progress example: its plan, and the evaluation over its three reports.
fn example() -> (Plan, Progress) {
    let plan = welfare_plan::load(&read("examples/progress/synthetic-hoshizora-plan.json")).unwrap();
    let reports: Vec<_> = (2025..=2027)
        .map(|y| {
            let bytes = read(&format!("examples/progress/synthetic-hoshizora-report-{y}.json"));
            let checked = report::check_report(&bytes, &plan, &Limits::default());
            assert!(checked.is_valid(), "report {y}: {:?}", checked.issues);
            checked.report.unwrap()
        })
        .collect();
    let progress = report::evaluate(&plan, &reports);
    (plan, progress)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect()
}

/// Every node of the plan: its tree's and its districts' plans'.
fn every_node(plan: &Plan) -> Vec<&welfare_plan::Node> {
    let mut v: Vec<_> = plan.all_nodes().map(|r| r.node).collect();
    for d in 0..plan.districts.len() {
        v.extend(plan.district_nodes(d).map(|r| r.node));
    }
    v
}

fn source_urls(plan: &Plan) -> Vec<&str> {
    plan.sources.iter().filter_map(|s| s.url.as_deref()).collect()
}

/// What every page must be: the acceptance text of the format's HTML output.
fn assert_well_formed_page(page: &str, plan: &Plan, lang: Lang) {
    let doc = Html::parse_document(page);
    let code = if lang == Lang::Ja { "ja" } else { "en" };
    let html = doc.select(&sel("html")).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some(code));

    // One h1, and no heading deeper than one below the one before it.
    let levels: Vec<u8> = doc
        .select(&sel("h1, h2, h3, h4, h5, h6"))
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect();
    assert_eq!(levels.iter().filter(|&&l| l == 1).count(), 1, "{levels:?}");
    assert_eq!(levels.first(), Some(&1));
    for w in levels.windows(2) {
        assert!(w[1] <= w[0] + 1, "heading h{} after h{}", w[1], w[0]);
    }

    // Every node under its own anchor, with its title.
    for n in every_node(plan) {
        let anchor = format!("#node-{}", n.id);
        let h = doc
            .select(&sel(&anchor))
            .next()
            .unwrap_or_else(|| panic!("no element {anchor}"));
        assert!(
            text(h).contains(n.title.get(lang)),
            "{anchor}: {:?} lacks {:?}",
            text(h),
            n.title.get(lang)
        );
    }

    // Nothing to run, nothing fetched, no inline style from anywhere.
    assert_eq!(
        doc.select(&sel(
            "script, img, iframe, object, embed, link, audio, video, source, base, form"
        ))
        .count(),
        0
    );
    let ids: std::collections::HashSet<&str> =
        doc.select(&sel("[id]")).filter_map(|e| e.value().id()).collect();
    let sources = source_urls(plan);
    for e in doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "<{} {name}>",
                e.value().name()
            );
            assert_ne!(name, "style", "<{} style={value:?}>", e.value().name());
            assert_ne!(name, "src", "<{} src={value:?}>", e.value().name());
            if name == "href" {
                match value.strip_prefix('#') {
                    Some(target) => assert!(ids.contains(target), "link to missing #{target}"),
                    None => assert!(
                        sources.contains(&value) && escape::safe_url(value).is_some(),
                        "external href {value:?} is not an http(s) source of the plan"
                    ),
                }
            }
        }
    }
    let style: String = doc.select(&sel("style")).map(text).collect();
    assert!(
        !style.contains("@import") && !style.contains("url("),
        "the stylesheet fetches"
    );
    assert!(style.contains("@page") && style.contains("size: A4"));

    // Tables: a caption, scoped header cells, a row heading on every row.
    for t in doc.select(&sel("table")) {
        assert_eq!(t.select(&sel("caption")).count(), 1);
        for th in t.select(&sel("th")) {
            assert!(th.value().attr("scope").is_some(), "th without scope");
        }
        for tr in t.select(&sel("tbody tr")) {
            let first = tr.child_elements().next().unwrap();
            assert_eq!(first.value().name(), "th");
            assert_eq!(first.value().attr("scope"), Some("row"));
        }
    }
    // A part per top-level goal, each to start a page in print.
    assert_eq!(doc.select(&sel("section.part")).count(), plan.nodes.len());
    assert!(style.contains("section.part { break-before: page;"));
}

#[test]
fn the_iizuka_page_has_every_goal_target_and_initiative_in_order() {
    let plan = welfare_plan::iizuka::third_plan();
    for lang in [Lang::Ja, Lang::En] {
        let page = publish::html(&plan, None, lang);
        assert_well_formed_page(&page, &plan, lang);
        let doc = Html::parse_document(&page);
        let count = |s: &str| doc.select(&sel(s)).count();
        // 3 基本目標 as h3 parts, 8 活動目標 as h4, 19 取り組み as h5.
        assert_eq!(count("section.part > h3[id^=node-]"), 3);
        assert_eq!(count("section.part > h4[id^=node-]"), 8);
        assert_eq!(count("section.part > h5[id^=node-]"), 19);
        let h1 = doc.select(&sel("h1")).next().unwrap();
        assert_eq!(text(h1), plan.title.get(lang));
    }
    let page = publish::html(&plan, None, Lang::Ja);
    let doc = Html::parse_document(&page);
    let first = doc.select(&sel("section.part > h3")).next().unwrap();
    assert_eq!(text(first), "基本目標Ⅰ お互いを大切にし合うひとづくり");
    assert!(page.contains("令和5年度～令和14年度（2023～2032年度）"));
}

#[test]
fn the_matrix_marks_each_initiative_in_each_sector_it_has_an_actor_in() {
    let plan = welfare_plan::iizuka::third_plan();
    let doc = Html::parse_document(&publish::html(&plan, None, Lang::Ja));
    let matrix = doc.select(&sel("table.matrix")).next().unwrap();
    let rows: Vec<_> = matrix.select(&sel("tbody tr")).collect();
    assert_eq!(rows.len(), 19);
    let sectors = &plan.help_model.as_ref().unwrap().sectors;
    for (row, r) in rows.iter().zip(plan.initiatives()) {
        let cells: Vec<_> = row.select(&sel("td")).collect();
        assert_eq!(cells.len(), sectors.len());
        for (cell, sector) in cells.iter().zip(sectors) {
            let takes_part = r
                .node
                .participants
                .iter()
                .any(|p| p.sector.as_ref() == Some(&sector.sector));
            let shown = cell
                .select(&sel("[aria-hidden=true]"))
                .map(text)
                .collect::<String>();
            let spoken = cell.select(&sel(".vh")).map(text).collect::<String>();
            assert_eq!(shown == "✓", takes_part, "{}", r.node.id);
            assert_eq!(spoken, if takes_part { "該当" } else { "該当なし" });
        }
    }
}

#[test]
fn the_richest_fixture_shows_every_part_of_the_plan() {
    let plan = joint();
    for lang in [Lang::Ja, Lang::En] {
        let page = publish::html(&plan, None, lang);
        assert_well_formed_page(&page, &plan, lang);
        let doc = Html::parse_document(&page);
        let body: String = text(doc.select(&sel("main")).next().unwrap());
        // The parts the text renderer shows, in the page's language.
        let mut expected: Vec<&str> = vec![plan.philosophy.statement.get(lang)];
        expected.extend(plan.challenges.iter().map(|c| c.title.get(lang)));
        expected.extend(plan.actors.iter().map(|a| a.name.get(lang)));
        expected.extend(plan.districts.iter().map(|d| d.name.get(lang)));
        expected.extend(plan.sub_plans.iter().map(|s| s.title.get(lang)));
        expected.extend(plan.priority_projects.iter().map(|s| s.title.get(lang)));
        expected.extend(plan.revisions.iter().map(|r| r.description.get(lang)));
        expected.extend(plan.period.phases.iter().map(|p| p.name.get(lang)));
        expected.extend(plan.all_indicators().map(|(i, _)| i.name.get(lang)));
        for d in &plan.districts {
            expected.extend(d.challenges.iter().map(|c| c.title.get(lang)));
            expected.extend(d.figures.iter().map(|f| f.name.get(lang)));
        }
        let model = plan.help_model.as_ref().unwrap();
        expected.extend(model.sectors.iter().map(|s| s.definition.get(lang)));
        for e in &expected {
            assert!(body.contains(e), "{lang:?}: missing {e:?}");
        }
        // The four-help model's own heading.
        assert!(body.contains(&model.heading(lang)));
        // The source is the one external link.
        let links: Vec<_> = doc.select(&sel("a[href^=http]")).collect();
        assert_eq!(links.len(), plan.sources.len());
    }
}

#[test]
fn an_english_page_marks_japanese_fallbacks_with_lang() {
    let mut doc: Value = serde_json::from_slice(&read(JOINT)).unwrap();
    let title = &mut doc["nodes"][0]["title"];
    title.as_object_mut().unwrap().remove("en");
    let ja = title["ja"].as_str().unwrap().to_owned();
    let plan = welfare_plan::load(doc.to_string().as_bytes()).unwrap();
    let page = Html::parse_document(&publish::html(&plan, None, Lang::En));
    let id = format!("#node-{}", plan.nodes[0].id);
    let heading = page.select(&sel(&id)).next().unwrap();
    let marked: Vec<String> = heading.select(&sel("[lang=ja]")).map(text).collect();
    assert_eq!(marked, vec![ja.clone()]);
    // Everywhere else it appears, too.
    for e in page.select(&sel("main *")) {
        let own: String = e
            .children()
            .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
            .collect();
        if own.contains(&ja) {
            assert_eq!(e.value().attr("lang"), Some("ja"), "<{}> {own}", e.value().name());
        }
    }
    // A translated text is not marked.
    assert!(page.select(&sel("h1[lang], h1 [lang]")).next().is_none());
}

#[test]
fn with_progress_each_numeric_indicator_has_one_chart_and_the_rollups_their_rows() {
    let (plan, progress) = example();
    for lang in [Lang::Ja, Lang::En] {
        let page = publish::html(&plan, Some(&progress), lang);
        assert_well_formed_page(&page, &plan, lang);
        let doc = Html::parse_document(&page);
        let numeric: Vec<_> = plan
            .all_indicators()
            .filter(|(i, _)| i.value_type != Some(welfare_plan::ValueType::Text))
            .collect();
        assert_eq!(numeric.len(), 4);
        let charts: Vec<_> = doc.select(&sel("figure.chart svg")).collect();
        assert_eq!(charts.len(), numeric.len());
        assert_eq!(doc.select(&sel("svg")).count(), numeric.len());
        for ((ind, _), svg) in numeric.iter().zip(&charts) {
            let figure = ElementRef::wrap(svg.parent().unwrap()).unwrap();
            let caption = text(figure.select(&sel("figcaption")).next().unwrap());
            assert!(caption.contains(ind.name.get(lang)), "{caption}");
            // Named and described for screen readers.
            assert!(svg.value().attr("role") == Some("img"));
            let labelled = svg.value().attr("aria-labelledby").unwrap();
            for id in labelled.split(' ') {
                assert!(doc.select(&sel(&format!("#{id}"))).next().is_some(), "{id}");
            }
            assert_eq!(svg.select(&sel("title")).count(), 1);
            // Baseline, every target, a dashed line to each, every measured year.
            let count = |s: &str| svg.select(&sel(s)).count();
            let measured = progress
                .indicators
                .iter()
                .find(|s| s.id == ind.id.as_str())
                .unwrap()
                .years
                .iter()
                .filter(|y| y.value.is_some())
                .count();
            // One more of each in the legend.
            assert_eq!(count("circle.baseline"), 1 + 1);
            assert_eq!(count("path.target"), ind.targets.len() + 1);
            assert_eq!(count("line.planned"), ind.targets.len() + 1);
            assert_eq!(count("circle.actual-point"), measured + 1);
            // Fiscal years on the x axis, the unit on the y axis.
            let labels: Vec<String> = svg.select(&sel("text.tick")).map(text).collect();
            for y in 2024..=2030 {
                assert!(labels.contains(&y.to_string()), "{y} not on the axis: {labels:?}");
            }
            let unit = ind.unit.as_ref().unwrap().get(lang);
            assert!(svg
                .select(&sel("text.axis-title"))
                .any(|t| text(t).contains(unit)));
        }
        // The qualitative indicator has its table and no chart.
        let desk = plan
            .all_indicators()
            .find(|(i, _)| i.id.as_str() == "ind-desk")
            .unwrap()
            .0;
        let captions: Vec<String> = doc.select(&sel("caption")).map(text).collect();
        assert!(captions.iter().any(|c| c.contains(desk.name.get(lang))));
        assert!(!doc
            .select(&sel("figcaption"))
            .any(|c| text(c).contains(desk.name.get(lang))));
        // A series table per indicator: the baseline and the three years.
        let series: Vec<_> = doc.select(&sel("table.series")).collect();
        assert_eq!(series.len(), 5);
        for t in &series {
            assert_eq!(t.select(&sel("tbody tr")).count(), 1 + 3);
        }
        // The status beside every chart, in words.
        let status = plan_words(lang, "最新の状況", "Latest status");
        assert_eq!(doc.select(&sel("dt")).filter(|d| text(*d) == status).count(), 5);
        // Grades: a table per year with every node, then the goals and the sectors.
        let rows: Vec<usize> = doc
            .select(&sel("table.grades"))
            .map(|t| t.select(&sel("tbody tr")).count())
            .collect();
        assert_eq!(rows, [6, 6, 6, 2, 3]);
        // Entered and computed side by side.
        let grades = doc.select(&sel("table.grades")).next().unwrap();
        let head: Vec<String> = grades.select(&sel("thead th")).map(text).collect();
        let (entered, computed) = if lang == Lang::Ja {
            ("（入力）", "（計算）")
        } else {
            ("(entered)", "(computed)")
        };
        assert!(head.iter().any(|h| h.ends_with(entered)) && head.iter().any(|h| h.ends_with(computed)));
    }
}

fn plan_words(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    if lang == Lang::Ja {
        ja
    } else {
        en
    }
}

/// The cells of a Markdown table row, split at the pipes that are not escaped.
fn cells(row: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = row.trim().chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cur.push(c);
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            '|' => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    // The leading and trailing pipes leave empty ends.
    assert_eq!(out.first().map(String::as_str), Some(""), "{row}");
    assert_eq!(out.last().map(|s| s.trim()), Some(""), "{row}");
    out[1..out.len() - 1].to_vec()
}

/// Every table of a Markdown text: its rows as cells; checks the separator row.
fn md_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut cur: Vec<Vec<String>> = Vec::new();
    for line in md.lines().chain(std::iter::once("")) {
        if line.starts_with('|') {
            cur.push(cells(line));
        } else if !cur.is_empty() {
            let t = std::mem::take(&mut cur);
            assert!(t.len() >= 2, "a table without a separator");
            assert!(t[1].iter().all(|c| c.trim() == "---"), "{:?}", t[1]);
            tables.push(t);
        }
    }
    tables
}

#[test]
fn markdown_has_every_node_and_well_formed_tables() {
    let (example_plan, progress) = example();
    let cases = [
        (welfare_plan::iizuka::third_plan(), None),
        (joint(), None),
        (example_plan, Some(&progress)),
    ];
    for (plan, progress) in &cases {
        for lang in [Lang::Ja, Lang::En] {
            let md = publish::markdown(plan, *progress, lang);
            for n in every_node(plan) {
                assert!(
                    md.contains(&escape::markdown(n.title.get(lang))),
                    "{}: {} missing",
                    plan.id,
                    n.id
                );
            }
            let tables = md_tables(&md);
            assert!(!tables.is_empty());
            for t in &tables {
                let width = t[0].len();
                assert!(t.iter().all(|r| r.len() == width), "{t:?}");
                assert!(t.iter().flatten().all(|c| !c.trim().is_empty()), "{t:?}");
            }
            // One h1, the title.
            assert_eq!(md.lines().filter(|l| l.starts_with("# ")).count(), 1);
            assert!(!md.contains('<'), "{}: HTML in Markdown", plan.id);
        }
    }
    // The series of each indicator is there as a table.
    let md = publish::markdown(&cases[2].0, Some(&progress), Lang::Ja);
    let tables = md_tables(&md);
    let series = tables
        .iter()
        .filter(|t| t[0][0].trim() == "年度" && t[0].len() == 7)
        .count();
    assert_eq!(series, 5);
}

const HOSTILE: [&str; 8] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "<b onmouseover=alert(1)>",
    "\u{202E}gpj.exe",
    "![i](https://evil.example/x.png)",
    "<style>body{background:url(https://evil.example/x)}</style>' onload='alert(1)",
];

/// Every free text of a document made hostile: each member of a text object, each
/// qualitative value and each source URL. Ids, codes, dates, numbers and the prefecture's
/// name (which the municipality code fixes) are left alone.
fn poison(v: &mut Value, n: &mut usize) {
    fn next(n: &mut usize) -> Value {
        *n += 1;
        Value::String(format!("{}{}", HOSTILE[*n % HOSTILE.len()], *n))
    }
    match v {
        Value::Object(o) => {
            if o.get("ja").is_some_and(Value::is_string) {
                o.insert("ja".into(), next(n));
                if o.contains_key("en") {
                    o.insert("en".into(), next(n));
                }
                return;
            }
            for (k, x) in o.iter_mut() {
                match (k.as_str(), &x) {
                    // The prefecture's name must agree with the municipality code: it is the
                    // code's, not free text.
                    ("extensions" | "prefecture", _) => {}
                    ("url", Value::String(_)) => *x = Value::String("javascript:alert(1)".into()),
                    ("value", Value::String(_)) => *x = next(n),
                    _ => poison(x, n),
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, n)),
        _ => {}
    }
}

fn hostile(path: &str) -> Plan {
    let mut doc: Value = serde_json::from_slice(&read(path)).unwrap();
    let mut n = 0;
    poison(&mut doc, &mut n);
    assert!(n > 50, "only {n} texts replaced");
    // Still a valid plan: hostile text is text, and the validator has no reason to refuse it.
    welfare_plan::check_with(doc.to_string().as_bytes(), &Limits::default())
        .into_result()
        .unwrap()
}

fn assert_harmless_html(page: &str) {
    let doc = Html::parse_document(page);
    assert_eq!(
        doc.select(&sel("script, img, iframe, object, embed, link, b, base, form"))
            .count(),
        0
    );
    assert_eq!(doc.select(&sel("style")).count(), 1);
    let style = text(doc.select(&sel("style")).next().unwrap());
    assert!(!style.contains("evil") && !style.contains("alert"));
    for e in doc.select(&sel("*")) {
        for (name, value) in e.value().attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on"),
                "<{} {name}={value:?}>",
                e.value().name()
            );
            assert!(
                name != "style" && name != "src",
                "<{} {name}={value:?}>",
                e.value().name()
            );
            if name == "href" {
                assert!(value.starts_with('#'), "href {value:?}");
            }
            if name != "href" && name != "id" {
                assert!(
                    !value.contains("alert"),
                    "<{} {name}={value:?}>",
                    e.value().name()
                );
            }
        }
    }
    assert!(!page.to_ascii_lowercase().contains("javascript:alert(1)\""));
    assert!(!page.contains('\u{202E}'));
    assert!(!page.contains("<script") && !page.contains("<img"));
}

fn assert_harmless_markdown(md: &str) {
    let raw_tag = md.char_indices().any(|(i, c)| {
        c == '<'
            && md[i + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!' || n == '?')
    });
    assert!(!raw_tag, "raw HTML in Markdown");
    assert!(!md.contains("]("), "a link or image from the data");
    assert!(!md.contains("javascript:"), "an unescaped javascript: scheme");
    assert!(!md.contains('\u{202E}'));
    for t in md_tables(md) {
        let width = t[0].len();
        assert!(t.iter().all(|r| r.len() == width), "{t:?}");
    }
}

#[test]
fn hostile_texts_render_as_text_in_html_and_markdown() {
    let plan = hostile(JOINT);
    // The texts did arrive, escaped.
    assert!(plan.title.ja.contains('<') || plan.title.ja.contains('[') || plan.title.ja.contains('"'));
    for lang in [Lang::Ja, Lang::En] {
        let page = publish::html(&plan, None, lang);
        assert_harmless_html(&page);
        let doc = Html::parse_document(&page);
        assert_eq!(text(doc.select(&sel("h1")).next().unwrap()), {
            let t = plan.title.get(lang);
            t.replace('\u{202E}', "[U+202E]")
        });
        assert_harmless_markdown(&publish::markdown(&plan, None, lang));
    }
}

#[test]
fn hostile_texts_in_a_plan_with_progress_stay_out_of_the_charts_markup() {
    let plan = hostile("examples/progress/synthetic-hoshizora-plan.json");
    // The reports read on their own: the hostile plan has another hash.
    let reports: Vec<_> = (2025..=2027)
        .map(|y| {
            let bytes = read(&format!("examples/progress/synthetic-hoshizora-report-{y}.json"));
            report::parse_report(&bytes, &Limits::default()).report.unwrap()
        })
        .collect();
    let progress = report::evaluate(&plan, &reports);
    for lang in [Lang::Ja, Lang::En] {
        let page = publish::html(&plan, Some(&progress), lang);
        assert_harmless_html(&page);
        assert!(Html::parse_document(&page).select(&sel("svg.chart")).count() >= 4);
        assert_harmless_markdown(&publish::markdown(&plan, Some(&progress), lang));
    }
}

#[test]
fn the_page_shell_escapes_its_title_and_keeps_the_callers_css_inside_style() {
    let page = publish::page(
        "新旧対照表 </title><script>alert(1)</script>",
        Lang::Ja,
        "del { color: #8a1c1c; } </style><script>alert(2)</script>",
        "<h1>新旧対照表</h1>",
    );
    let doc = Html::parse_document(&page);
    assert_eq!(doc.select(&sel("script")).count(), 0);
    assert_eq!(
        text(doc.select(&sel("title")).next().unwrap()),
        "新旧対照表 </title><script>alert(1)</script>"
    );
    let style = text(doc.select(&sel("style")).next().unwrap());
    assert!(style.contains("@page") && style.contains("del { color: #8a1c1c; }"));
    assert_eq!(doc.select(&sel("main > h1")).count(), 1);
}
