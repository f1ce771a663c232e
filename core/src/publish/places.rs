//! Where the plan works: its districts (地区) as a hierarchy, each with its figures, its own
//! challenges and its district plan (地区別計画), and the bases (拠点) of community work.

use super::doc::{heading, word, Block, Line, Row, Table};
use super::front::{challenge_body, challenge_title};
use super::tree::node;
use super::words::{challenge_anchor, district_anchor, Say};
use crate::model::*;

/// The districts: an outline of the hierarchy, then each district in that order.
pub(crate) fn districts(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.districts.is_empty() {
        return;
    }
    out.push(heading(2, "districts", vec![s.w("地区", "Districts")], true));
    let order = hierarchy(p);
    out.push(Block::Outline(
        order
            .iter()
            .filter_map(|&(d, depth)| Some((depth, s.district(&p.districts.get(d)?.id))))
            .collect(),
    ));
    for &(d, _) in &order {
        if let Some(district) = p.districts.get(d) {
            one(s, d, district, out);
        }
    }
}

/// Each district's index and depth, parents before children; a district whose parent is
/// unknown, or caught in a cycle of parents, is shown at the top.
fn hierarchy(p: &Plan) -> Vec<(usize, usize)> {
    let n = p.districts.len();
    let mut shown = vec![false; n];
    let mut out = Vec::with_capacity(n);
    fn visit(p: &Plan, d: usize, depth: usize, shown: &mut [bool], out: &mut Vec<(usize, usize)>) {
        match shown.get_mut(d) {
            Some(x) if !*x => *x = true,
            _ => return,
        }
        out.push((d, depth));
        let Some(id) = p.districts.get(d).map(|x| &x.id) else {
            return;
        };
        for (k, c) in p.districts.iter().enumerate() {
            if c.parent.as_ref() == Some(id) {
                visit(p, k, depth + 1, shown, out);
            }
        }
    }
    for d in 0..n {
        let root = p
            .districts
            .get(d)
            .and_then(|x| x.parent.as_ref())
            .is_none_or(|parent| p.district(parent.as_str()).is_none());
        if root {
            visit(p, d, 0, &mut shown, &mut out);
        }
    }
    for d in 0..n {
        visit(p, d, 0, &mut shown, &mut out);
    }
    out
}

fn one(s: Say, d: usize, district: &District, out: &mut Vec<Block>) {
    let mut title = vec![s.t(&district.name)];
    if let Some(l) = &district.layer {
        title.extend(s.paren(vec![s.t(l)]));
    }
    out.push(heading(3, district_anchor(district.id.as_str()), title, false));
    let mut fields: Vec<(Line, Line)> = Vec::new();
    if let Some(parent) = &district.parent {
        fields.push((vec![s.w("上位の地区", "Part of")], s.district(parent)));
    }
    if !fields.is_empty() {
        out.push(Block::Fields(fields));
    }
    if let Some(x) = &district.description {
        out.push(Block::Para(vec![s.t(x)]));
    }
    if !district.figures.is_empty() {
        let rows = district
            .figures
            .iter()
            .map(|f| Row {
                head: vec![s.t(&f.name)],
                cells: vec![
                    vec![word(s.year(f.fiscal_year))],
                    s.value(&f.value, f.unit.as_ref()),
                ],
            })
            .collect();
        let mut caption = vec![s.t(&district.name)];
        caption.push(s.w("の地区の数値", ": figures"));
        out.push(Block::Table(Table {
            caption,
            head: vec![
                vec![s.w("項目", "Figure")],
                vec![s.w("年度", "Year")],
                vec![s.w("値", "Value")],
            ],
            rows,
            class: "",
        }));
    }
    if !district.challenges.is_empty() {
        out.push(heading(
            4,
            format!("{}-challenges", district_anchor(district.id.as_str())),
            vec![s.w("地区の課題", "District challenges")],
            false,
        ));
        for c in &district.challenges {
            out.push(Block::Anchored {
                anchor: challenge_anchor(c.id.as_str()),
                block: Box::new(Block::Para(challenge_title(s, c))),
            });
            challenge_body(s, c, out);
        }
    }
    if !district.nodes.is_empty() {
        out.push(heading(
            4,
            format!("{}-plan", district_anchor(district.id.as_str())),
            vec![s.w("地区別計画", "District plan")],
            false,
        ));
        for k in 0..district.nodes.len() {
            node(s, NodeAt::top_in(Some(d), k), 5, out);
        }
    }
}

/// The bases, with the district each serves.
pub(crate) fn bases(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.bases.is_empty() {
        return;
    }
    out.push(heading(2, "bases", vec![s.w("拠点", "Bases")], true));
    let rows = p
        .bases
        .iter()
        .map(|b| Row {
            head: vec![s.t(&b.name)],
            cells: vec![
                b.district
                    .as_ref()
                    .map(|d| s.district(d))
                    .unwrap_or_else(|| vec![s.w("全域", "Whole area")]),
                b.description.as_ref().map(|x| vec![s.t(x)]).unwrap_or_default(),
            ],
        })
        .collect();
    out.push(Block::Table(Table {
        caption: vec![s.w("地域福祉の拠点", "Bases of community welfare")],
        head: vec![
            vec![s.w("拠点", "Base")],
            vec![s.w("地区", "District")],
            vec![s.w("説明", "About")],
        ],
        rows,
        class: "",
    }));
}
