//! Diffs between plan editions (新旧対照表) and between progress reports: what is paired and
//! how, what is reported, and the text, HTML and JSON forms.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use welfare_plan::diff::{self, ChangeKind, Diff, Field, Matched, PartKind, Value};
use welfare_plan::report::{check_report, ProgressReport};
use welfare_plan::{Id, Lang, Lineage, LineageChange, Node, Plan, Quantity, Text};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn joint() -> Plan {
    let bytes =
        std::fs::read(repo().join("tests/conformance/documents/synthetic-four-help-joint.json")).unwrap();
    welfare_plan::check_with(&bytes, &welfare_plan::Limits::default())
        .plan
        .unwrap()
}

fn find<'a>(nodes: &'a mut [Node], id: &str) -> Option<&'a mut Node> {
    for n in nodes {
        if n.id.as_str() == id {
            return Some(n);
        }
        if let Some(found) = find(&mut n.children, id) {
            return Some(found);
        }
    }
    None
}

fn node<'a>(plan: &'a mut Plan, id: &str) -> &'a mut Node {
    find(&mut plan.nodes, id).unwrap_or_else(|| panic!("no node {id}"))
}

/// Removes the node `id` from wherever it sits and returns it.
fn take(nodes: &mut Vec<Node>, id: &str) -> Option<Node> {
    if let Some(i) = nodes.iter().position(|n| n.id.as_str() == id) {
        return Some(nodes.remove(i));
    }
    nodes.iter_mut().find_map(|n| take(&mut n.children, id))
}

fn initiative(id: &str, number: u32, ja: &str, en: &str) -> Node {
    let mut n = welfare_plan::iizuka::third_plan().nodes[0].children[0].children[0].clone();
    n.id = Id::from(id);
    n.number = Some(number);
    n.title = Text::new(ja, Some(en));
    n.description = None;
    n
}

fn renumber(nodes: &mut [Node]) {
    for (i, n) in nodes.iter_mut().enumerate() {
        n.number = Some(i as u32 + 1);
    }
}

/// A plausible earlier edition of Iizuka's 3rd plan, built for the test: 基本目標Ⅰ in other
/// words; 見守り体制の強化 (g2-t3-i1) still under 活動目標2 of goal 2 (g2-t2); an initiative
/// the 3rd plan dropped (g1-t1-x1, 福祉教育の推進); and one initiative (g3-t3-x2) that the 3rd
/// plan split into 災害時支援体制の充実 (g3-t3-i2) and 防犯体制の充実 (g3-t3-i3).
fn earlier_edition() -> Plan {
    let mut old = welfare_plan::iizuka::third_plan();
    old.edition = Some(2);
    node(&mut old, "g1").title = Text::new(
        "互いに認め合うひとづくり",
        Some("Fostering people who respect one another"),
    );
    let watch = take(&mut old.nodes, "g2-t3-i1").unwrap();
    node(&mut old, "g2-t2").children.push(watch);
    node(&mut old, "g1-t1").children.push(initiative(
        "g1-t1-x1",
        2,
        "福祉教育の推進",
        "Promoting welfare education",
    ));
    let t = node(&mut old, "g3-t3");
    take(&mut t.children, "g3-t3-i3").unwrap();
    t.children[1] = initiative(
        "g3-t3-x2",
        2,
        "災害時支援体制・防犯体制の充実",
        "Enhancing support arrangements for disasters and crime prevention",
    );
    for id in ["g2-t2", "g2-t3", "g3-t3"] {
        renumber(&mut node(&mut old, id).children);
    }
    old
}

/// The 3rd plan, its split initiatives naming the earlier one they came from.
fn third_with_lineage() -> Plan {
    let mut new = welfare_plan::iizuka::third_plan();
    for id in ["g3-t3-i2", "g3-t3-i3"] {
        node(&mut new, id).lineage = vec![Lineage {
            from: Id::from("g3-t3-x2"),
            change: LineageChange::Split,
            extensions: Default::default(),
        }];
    }
    new
}

fn ids(sides: &[diff::Side]) -> Vec<&str> {
    sides.iter().map(|s| s.id.as_ref().unwrap().as_str()).collect()
}

/// Each change as (kind, part, old ids, new ids).
fn summary(d: &Diff) -> Vec<(ChangeKind, PartKind, Vec<&str>, Vec<&str>)> {
    d.changes
        .iter()
        .map(|c| (c.kind, c.part, ids(&c.old), ids(&c.new)))
        .collect()
}

#[test]
fn a_plan_compared_with_itself_has_no_changes() {
    for plan in [welfare_plan::iizuka::third_plan(), joint()] {
        let d = diff::plans(&plan, &plan);
        assert!(d.is_empty(), "{}: {:?}", plan.id, d.changes);
        assert_eq!(d.old.id, plan.id);
    }
}

fn assert_earlier_edition_changes(d: &Diff, split_matched_by: &str) {
    use ChangeKind::*;
    use PartKind::Node;
    assert_eq!(
        summary(d),
        vec![
            (Reworded, Node, vec!["g1"], vec!["g1"]),
            (Removed, Node, vec!["g1-t1-x1"], vec![]),
            (Moved, Node, vec!["g2-t3-i1"], vec!["g2-t3-i1"]),
            (Split, Node, vec!["g3-t3-x2"], vec!["g3-t3-i2", "g3-t3-i3"]),
        ]
    );
    let reworded = &d.changes[0];
    assert_eq!(reworded.matched, Some(Matched::Id));
    assert_eq!(reworded.fields.len(), 1);
    assert_eq!(reworded.fields[0].field, Field::Title);
    assert_eq!(reworded.old[0].label.as_ref().unwrap().ja, "基本目標Ⅰ");
    let moved = &d.changes[2];
    assert!(
        moved.fields.is_empty(),
        "only its place changed: {:?}",
        moved.fields
    );
    assert_eq!(moved.old[0].parent.as_ref().unwrap().id.as_str(), "g2-t2");
    assert_eq!(moved.new[0].parent.as_ref().unwrap().id.as_str(), "g2-t3");
    assert_eq!(moved.old[0].label.as_ref().unwrap().ja, "(3)");
    assert_eq!(moved.new[0].label.as_ref().unwrap().ja, "(1)");
    let json = serde_json::to_value(&d.changes[3]).unwrap();
    assert_eq!(json["kind"], "split");
    assert_eq!(json["part"], "node");
    assert_eq!(json["matched_by"], split_matched_by);
}

#[test]
fn an_earlier_edition_differs_by_exactly_its_four_changes_with_declared_lineage() {
    let d = diff::plans(&earlier_edition(), &third_with_lineage());
    assert_earlier_edition_changes(&d, "lineage");
    assert_eq!(d.changes[3].matched, Some(Matched::Lineage));
    assert!(!d.changes.iter().any(|c| c.is_guess()));
}

#[test]
fn an_earlier_edition_differs_by_exactly_its_four_changes_the_split_guessed_without_lineage() {
    let d = diff::plans(&earlier_edition(), &welfare_plan::iizuka::third_plan());
    assert_earlier_edition_changes(&d, "similarity");
    let Some(Matched::Similarity { similarity }) = d.changes[3].matched else {
        panic!("the split is a guess: {:?}", d.changes[3].matched);
    };
    assert!((0.9..=1.0).contains(&similarity), "{similarity}");
    let json = serde_json::to_value(&d.changes[3]).unwrap();
    assert_eq!(json["similarity"], serde_json::json!(similarity));
    assert!(serde_json::to_value(&d.changes[0])
        .unwrap()
        .get("similarity")
        .is_none());
}

#[test]
fn one_new_initiative_naming_two_old_ones_is_a_merge() {
    let old = welfare_plan::iizuka::third_plan();
    let mut new = old.clone();
    let t = node(&mut new, "g1-t2");
    t.children.drain(0..2);
    let mut merged = initiative(
        "g1-t2-m1",
        1,
        "自治会活動・ボランティア活動への参加促進",
        "Encouraging neighbourhood and volunteer activities",
    );
    merged.lineage = ["g1-t2-i1", "g1-t2-i2"]
        .into_iter()
        .map(|from| Lineage {
            from: Id::from(from),
            change: LineageChange::Merged,
            extensions: Default::default(),
        })
        .collect();
    t.children.insert(0, merged);
    renumber(&mut t.children);
    let d = diff::plans(&old, &new);
    assert_eq!(
        summary(&d),
        vec![(
            ChangeKind::Merged,
            PartKind::Node,
            vec!["g1-t2-i1", "g1-t2-i2"],
            vec!["g1-t2-m1"]
        )]
    );
    assert_eq!(d.changes[0].matched, Some(Matched::Lineage));
}

#[test]
fn challenges_and_actors_only_on_one_side_are_added_or_removed() {
    let old = welfare_plan::iizuka::third_plan();
    let mut new = old.clone();
    let mut c7 = new.challenges.pop().unwrap();
    c7.id = Id::from("c7");
    c7.title = Text::new(
        "ひきこもり状態にある人への支援",
        Some("Support for people who have withdrawn from society"),
    );
    new.challenges.push(c7);
    new.actors.retain(|a| a.id.as_str() != "business");
    let d = diff::plans(&old, &new);
    assert_eq!(
        summary(&d),
        vec![
            (ChangeKind::Removed, PartKind::Challenge, vec!["c6"], vec![]),
            (ChangeKind::Added, PartKind::Challenge, vec![], vec!["c7"]),
            (ChangeKind::Removed, PartKind::Actor, vec!["business"], vec![]),
        ]
    );
    assert_eq!(d.changes[1].new[0].label.as_ref().unwrap().ja, "⑥");
    assert!(d.changes.iter().all(|c| c.matched.is_none()));
}

#[test]
fn an_indicator_renamed_under_a_new_id_follows_its_lineage_and_is_reworded_though_declared_unchanged() {
    let old = joint();
    let mut new = old.clone();
    let x = &mut node(&mut new, "action-1").indicators[0];
    assert_eq!(x.id.as_str(), "ind-watched-households");
    x.id = Id::from("ind-watched-households-2");
    x.name = Text::new(
        "見守り訪問を受けている世帯の数",
        Some("Households receiving watch-over visits"),
    );
    x.lineage = vec![Lineage {
        from: Id::from("ind-watched-households"),
        change: LineageChange::Unchanged,
        extensions: Default::default(),
    }];
    let d = diff::plans(&old, &new);
    assert_eq!(
        summary(&d),
        vec![(
            ChangeKind::Reworded,
            PartKind::Indicator,
            vec!["ind-watched-households"],
            vec!["ind-watched-households-2"]
        )]
    );
    let c = &d.changes[0];
    assert_eq!(c.matched, Some(Matched::Lineage));
    assert_eq!(
        c.fields.iter().map(|f| f.field).collect::<Vec<_>>(),
        vec![Field::Name]
    );
    assert_eq!(c.new[0].parent.as_ref().unwrap().id.as_str(), "action-1");
}

#[test]
fn a_district_plans_node_is_compared_too() {
    let old = joint();
    let mut new = old.clone();
    let district = new.districts.iter_mut().find(|d| !d.nodes.is_empty()).unwrap();
    let n = find(&mut district.nodes, "north-action-1").unwrap();
    n.title = Text::new("買い物・通院送迎ボランティア", None);
    let d = diff::plans(&old, &new);
    assert_eq!(
        summary(&d),
        vec![(
            ChangeKind::Reworded,
            PartKind::Node,
            vec!["north-action-1"],
            vec!["north-action-1"]
        )]
    );
    assert_eq!(
        d.changes[0].new[0].district.as_ref().unwrap().id.as_str(),
        "dist-north"
    );
}

#[test]
fn a_removed_goal_is_one_change_listing_its_subtree() {
    let new = welfare_plan::iizuka::third_plan();
    let mut old = new.clone();
    let mut goal = old.nodes[2].clone();
    goal.id = Id::from("g4");
    goal.title = Text::new("子どもの居場所づくり", Some("Places for children"));
    goal.children.truncate(1);
    goal.children[0].id = Id::from("g4-t1");
    goal.children[0].title = Text::new("放課後の居場所", None);
    goal.children[0].children.clear();
    old.nodes.push(goal);
    let d = diff::plans(&old, &new);
    assert_eq!(
        summary(&d),
        vec![(ChangeKind::Removed, PartKind::Node, vec!["g4"], vec![])]
    );
    assert_eq!(ids(&d.changes[0].old[0].children), vec!["g4-t1"]);
}

fn report(year: u32) -> (Plan, ProgressReport) {
    let read = |p: &str| std::fs::read(repo().join("examples/progress").join(p)).unwrap();
    let plan = welfare_plan::load(&read("synthetic-hoshizora-plan.json")).unwrap();
    let bytes = read(&format!("synthetic-hoshizora-report-{year}.json"));
    let checked = check_report(&bytes, &plan, &welfare_plan::Limits::default());
    (plan, checked.report.unwrap())
}

#[test]
fn two_years_reports_differ_by_their_changed_values_grades_and_opinions() {
    let (_, r2025) = report(2025);
    let (_, r2026) = report(2026);
    assert!(diff::reports(&r2025, &r2025).is_empty());
    let d = diff::reports(&r2025, &r2026);
    assert_eq!(d.old.fiscal_year.unwrap().0, 2025);
    let observations: Vec<_> = d
        .changes
        .iter()
        .filter(|c| c.part == PartKind::Observation)
        .collect();
    assert_eq!(
        observations.len(),
        5,
        "every indicator's value changed: {observations:?}"
    );
    let salons = observations
        .iter()
        .find(|c| ids(&c.old) == ["ind-salons"])
        .unwrap();
    assert_eq!(salons.kind, ChangeKind::Changed);
    let value = salons.fields.iter().find(|f| f.field == Field::Value).unwrap();
    assert_eq!(value.old, Some(Value::Quantity(Quantity::Integer(44))));
    assert_eq!(value.new, Some(Value::Quantity(Quantity::Integer(48))));
    let lonely = observations
        .iter()
        .find(|c| ids(&c.old) == ["ind-loneliness"])
        .unwrap();
    let value = lonely.fields.iter().find(|f| f.field == Field::Value).unwrap();
    assert_eq!(
        (value.old.is_some(), value.new.is_none()),
        (true, true),
        "not measured in 2026"
    );
    let desk = d
        .changes
        .iter()
        .find(|c| c.part == PartKind::NodeEntry && ids(&c.new) == ["goal-2-ini-1"])
        .unwrap();
    let grade = desk.fields.iter().find(|f| f.field == Field::Grade).unwrap();
    assert_eq!(grade.scale.as_ref().unwrap().as_str(), "direction");
    assert_eq!(grade.old, Some(Value::Code("expand".into())));
    assert_eq!(grade.new, Some(Value::Code("keep".into())));
    let opinions: Vec<_> = d.changes.iter().filter(|c| c.part == PartKind::Opinion).collect();
    assert_eq!(opinions.len(), 1);
    assert_eq!(opinions[0].kind, ChangeKind::Added);
}

#[test]
fn the_text_names_each_change_by_id_and_label_in_either_language() {
    let d = diff::plans(&earlier_edition(), &welfare_plan::iizuka::third_plan());
    let ja = diff::text(&d, Lang::Ja);
    let en = diff::text(&d, Lang::En);
    for id in ["g1", "g1-t1-x1", "g2-t3-i1", "g3-t3-x2", "g3-t3-i2", "g3-t3-i3"] {
        assert!(ja.contains(id) && en.contains(id), "{id}");
    }
    for word in [
        "[文言修正]",
        "[削除]",
        "[移動]",
        "[分割]",
        "基本目標Ⅰ",
        "互いに認め合うひとづくり",
        "推定・類似度",
    ] {
        assert!(ja.contains(word), "{word} in\n{ja}");
    }
    for word in [
        "[reworded]",
        "[removed]",
        "[moved]",
        "[split]",
        "Basic goal I",
        "guess, similarity",
        "Activity target 2",
    ] {
        assert!(en.contains(word), "{word} in\n{en}");
    }
    let moved = ja.lines().position(|l| l.starts_with("[移動]")).unwrap();
    assert!(
        ja.lines().nth(moved + 1).unwrap().contains("g2-t2"),
        "the old parent is named:\n{ja}"
    );
}

#[test]
fn the_html_is_a_table_of_old_new_and_change_with_one_row_per_change() {
    use scraper::{Html, Selector};
    let sel = |s: &str| Selector::parse(s).unwrap();
    let d = diff::plans(&earlier_edition(), &welfare_plan::iizuka::third_plan());
    let page = Html::parse_document(&diff::html(&d, Lang::Ja));
    let headers: Vec<String> = page
        .select(&sel("thead th[scope=col]"))
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(
        headers,
        ["新", "旧", "変更"],
        "new on the left, as a 新旧対照表 sets it"
    );
    assert_eq!(page.select(&sel("tbody tr")).count(), d.changes.len());
    assert_eq!(
        page.select(&sel("tr.guess")).count(),
        1,
        "the guessed split is marked"
    );
    assert_eq!(page.select(&sel("html[lang=ja]")).count(), 1);
    assert_eq!(page.select(&sel("script")).count(), 0);
    let text: String = page.root_element().text().collect();
    assert!(text.contains("基本目標Ⅰ") && text.contains("互いに認め合うひとづくり"));
}

#[test]
fn the_html_escapes_every_text_from_the_documents() {
    let old = welfare_plan::iizuka::third_plan();
    let mut new = old.clone();
    new.title.ja = "<b>計画</b>".into();
    node(&mut new, "g1").title = Text::new("<script>alert(1)</script>", Some("<img src=x onerror=alert(1)>"));
    node(&mut new, "g1-t1").description = Some(Text::new("\"quoted\" & <i>tagged</i>", None));
    let d = diff::plans(&old, &new);
    for lang in [Lang::Ja, Lang::En] {
        let html = diff::html(&d, lang);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || lang == Lang::En);
        assert!(
            !html.contains("<script")
                && !html.contains("<img")
                && !html.contains("<i>")
                && !html.contains("<b>")
        );
        let page = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("script, img, i, b").unwrap();
        assert_eq!(page.select(&sel).count(), 0, "{lang:?}");
    }
}
