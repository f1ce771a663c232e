//! The plan's tree (計画の体系) in its own level names and numbering: an outline, then each
//! top-level goal as a part of its own (a new page in print) with every node under it: its
//! description, challenges, participants by help sector, phases, districts, bases, indicators
//! and projects. Also the indicator tables that sub-plans and priority projects share.

use super::doc::{heading, word, Block, Line, Row, Table};
use super::words::{node_anchor, Say};
use crate::model::*;

/// The levels, an outline of every node with links, and the parts.
pub(crate) fn structure(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    out.push(heading(
        2,
        "structure",
        vec![s.w("計画の体系", "Structure")],
        true,
    ));
    let initiatives = p.initiative_depth();
    let levels: Vec<Line> = p
        .levels
        .iter()
        .enumerate()
        .map(|(d, l)| {
            let mut v = vec![s.t(&l.name)];
            let mut how = vec![s.l3(l.numbering.labels())];
            if l.running {
                how.push(s.w("、通し番号", ", numbered through the plan"));
            }
            if d == initiatives {
                how.push(s.w("、取り組みの階層", ", the initiatives"));
            }
            v.extend(s.paren(how));
            v
        })
        .collect();
    let mut arrows = Line::new();
    for (i, l) in levels.into_iter().enumerate() {
        if i > 0 {
            arrows.push(word(" → "));
        }
        arrows.extend(l);
    }
    out.push(Block::Fields(vec![(vec![s.w("階層", "Levels")], arrows)]));
    let outline = p
        .all_nodes()
        .map(|r| (r.at.depth(), s.node_link(&r.node.id)))
        .collect();
    out.push(Block::Outline(outline));
    for (i, _) in p.nodes.iter().enumerate() {
        let mut part = Vec::new();
        node(s, NodeAt::top(i), 3, &mut part);
        out.push(Block::Part(part));
    }
}

/// The node at `at` under a heading of level `top + depth` (at most 6), then its children.
pub(crate) fn node(s: Say, at: NodeAt, top: usize, out: &mut Vec<Block>) {
    let Some(n) = s.plan.node_at(at) else { return };
    let mut title = s.node_title(at, n);
    if n.priority {
        title.push(s.w(" ［重点］", " [priority]"));
    }
    let level = top + at.depth();
    out.push(heading(
        level,
        node_anchor(n.id.as_str()),
        title,
        at.depth() == 0 && top == 3,
    ));
    if let Some(d) = &n.description {
        out.push(Block::Para(vec![s.t(d)]));
    }
    let fields = node_fields(s, n);
    if !fields.is_empty() {
        out.push(Block::Fields(fields));
    }
    if !n.indicators.is_empty() {
        let mut caption = s.node_title(at, n);
        caption.push(s.w("の指標", ": indicators"));
        out.push(indicators(s, caption, &n.indicators));
    }
    if !n.projects.is_empty() {
        projects(s, at, n, out);
    }
    for i in 0..n.children.len() {
        if let Some(c) = at.child(i) {
            node(s, c, top, out);
        }
    }
}

fn node_fields(s: Say, n: &Node) -> Vec<(Line, Line)> {
    let p = s.plan;
    let mut f: Vec<(Line, Line)> = Vec::new();
    if !n.challenges.is_empty() {
        let v = s.join(n.challenges.iter().map(|c| s.challenge_ref(c)));
        f.push((vec![s.w("課題", "Challenges")], v));
    }
    f.extend(participants(s, n));
    if !n.attributed_to.is_empty() {
        f.push((
            vec![s.w("計画の区分", "Attributed to")],
            s.publishers(&n.attributed_to),
        ));
    }
    if !n.sub_plans.is_empty() {
        let v = s.join(n.sub_plans.iter().map(|id| {
            vec![p
                .sub_plans
                .iter()
                .find(|x| x.id == *id)
                .map_or_else(|| word(id.as_str()), |x| s.t(&x.title))]
        }));
        f.push((vec![s.w("包含する計画", "Sub-plans")], v));
    }
    if !n.districts.is_empty() {
        let v = s.join(n.districts.iter().map(|d| s.district(d)));
        f.push((vec![s.w("地区", "Districts")], v));
    }
    if !n.bases.is_empty() {
        let v = s.join(n.bases.iter().map(|id| {
            vec![p
                .bases
                .iter()
                .find(|b| b.id == *id)
                .map_or_else(|| word(id.as_str()), |b| s.t(&b.name))]
        }));
        f.push((vec![s.w("拠点", "Bases")], v));
    }
    if !n.phases.is_empty() {
        f.push((vec![s.w("期", "Phases")], s.phases(&n.phases)));
    }
    f
}

/// Who takes part, one line per help sector in the model's order, then those the plan gives
/// no sector.
fn participants(s: Say, n: &Node) -> Vec<(Line, Line)> {
    let mut order: Vec<Option<&Id>> = s
        .plan
        .help_model
        .iter()
        .flat_map(|m| &m.sectors)
        .map(|x| Some(&x.sector))
        .collect();
    for part in &n.participants {
        if !order.contains(&part.sector.as_ref()) {
            order.push(part.sector.as_ref());
        }
    }
    let mut out = Vec::new();
    for sector in order {
        let names: Vec<Line> = n
            .participants
            .iter()
            .filter(|part| part.sector.as_ref() == sector)
            .map(|part| {
                let mut v = vec![s.actor(&part.actor)];
                if let Some(r) = &part.role {
                    v.extend(s.paren(vec![s.t(r)]));
                }
                v
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        let mut label = vec![s.w("担い手", "Actors")];
        if let Some(code) = sector {
            label.extend(s.paren(vec![s.sector(code)]));
        }
        out.push((label, s.join(names)));
    }
    out
}

fn projects(s: Say, at: NodeAt, n: &Node, out: &mut Vec<Block>) {
    let rows = n
        .projects
        .iter()
        .map(|pr| {
            let mut head = Line::new();
            if let Some(k) = pr.number {
                head.push(word(format!("{} ", numbering::circled(k))));
            }
            head.push(s.t(&pr.title));
            let opt = |t: &Option<Text>| t.as_ref().map(|t| vec![s.t(t)]).unwrap_or_default();
            Row {
                head,
                cells: vec![
                    opt(&pr.description),
                    opt(&pr.responsible),
                    s.publishers(&pr.attributed_to),
                    s.phases(&pr.phases),
                ],
            }
        })
        .collect();
    let mut caption = s.node_title(at, n);
    caption.push(s.w("の事業", ": projects"));
    out.push(Block::Table(Table {
        caption,
        head: vec![
            vec![s.w("事業", "Project")],
            vec![s.w("内容", "What it does")],
            vec![s.w("担当", "In charge")],
            vec![s.w("計画の区分", "Attributed to")],
            vec![s.w("期", "Phases")],
        ],
        rows,
        class: "",
    }));
    for pr in n.projects.iter().filter(|pr| !pr.indicators.is_empty()) {
        let mut caption = vec![s.t(&pr.title)];
        caption.push(s.w("の指標", ": indicators"));
        out.push(indicators(s, caption, &pr.indicators));
    }
}

/// Indicators as a table: what is measured, its kind, baseline, targets, and where the value
/// comes from and how it is defined.
pub(crate) fn indicators(s: Say, caption: Line, list: &[Indicator]) -> Block {
    let rows = list
        .iter()
        .map(|ind| {
            let unit = ind.unit.as_ref();
            let mut kind: Vec<Line> = Vec::new();
            if let Some(k) = ind.kind {
                kind.push(vec![s.l3(k.labels())]);
            }
            if let Some(v) = ind.value_type {
                kind.push(vec![s.l3(v.labels())]);
            }
            if let Some(d) = ind.direction {
                kind.push(vec![s.l3(d.labels())]);
            }
            let baseline = ind
                .baseline
                .as_ref()
                .map(|b| observation(s, b, unit, None))
                .unwrap_or_default();
            let targets = ind
                .targets
                .iter()
                .map(|t| observation(s, t, unit, ind.comparator))
                .collect::<Vec<_>>();
            let mut about: Vec<Line> = Vec::new();
            if let Some(src) = &ind.source {
                let mut v = vec![s.w("出典: ", "Source: ")];
                v.push(s.t(src));
                about.push(v);
            }
            if let Some(d) = &ind.definition {
                let mut v = vec![s.w("定義: ", "Definition: ")];
                v.push(s.t(d));
                about.push(v);
            }
            Row {
                head: vec![s.t(&ind.name)],
                cells: vec![
                    s.join(kind),
                    baseline,
                    join_with(targets, word(if s.ja() { "／" } else { " / " })),
                    join_with(about, word(if s.ja() { "　" } else { "; " })),
                ],
            }
        })
        .collect();
    Block::Table(Table {
        caption,
        head: vec![
            vec![s.w("指標", "Indicator")],
            vec![s.w("種別", "Kind")],
            vec![s.w("現状値", "Baseline")],
            vec![s.w("目標値", "Targets")],
            vec![s.w("出典・定義", "Source and definition")],
        ],
        rows,
        class: "indicators",
    })
}

/// 2028年度 20%以下（注記）.
fn observation(s: Say, o: &Observation, unit: Option<&Text>, cmp: Option<Comparator>) -> Line {
    let mut v = vec![word(format!("{} ", s.year_short(o.fiscal_year)))];
    if let (Some(c), false) = (cmp, s.ja()) {
        v.push(word(format!("{} ", c.labels().2)));
    }
    v.extend(s.value(&o.value, unit));
    if let (Some(c), true) = (cmp, s.ja()) {
        v.push(word(c.labels().1));
    }
    if let Some(n) = &o.note {
        v.extend(s.paren(vec![s.t(n)]));
    }
    v
}

fn join_with(lines: Vec<Line>, sep: super::doc::Inline) -> Line {
    let mut out = Line::new();
    for (i, l) in lines.into_iter().enumerate() {
        if i > 0 {
            out.push(sep.clone());
        }
        out.extend(l);
    }
    out
}
