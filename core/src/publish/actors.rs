//! Who carries the plan: the actors (担い手) grouped by the help sector they usually act in,
//! and a matrix of the initiatives by help sector, so that a reader sees at a glance where
//! residents, the community and the city each come in.

use super::doc::{heading, word, Block, Inline, Line, Row, Table};
use super::front::model_heading;
use super::words::Say;
use crate::model::*;

/// The actors, one table per sector of the help model, then those without a sector.
pub(crate) fn actors(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    if p.actors.is_empty() {
        return;
    }
    out.push(heading(2, "actors", vec![s.w("担い手", "Actors")], true));
    let mut groups: Vec<(Line, Vec<&Actor>)> = Vec::new();
    for sec in p.help_model.iter().flat_map(|m| &m.sectors) {
        let members: Vec<&Actor> = p
            .actors
            .iter()
            .filter(|a| a.sector.as_ref() == Some(&sec.sector))
            .collect();
        groups.push((vec![s.sector(&sec.sector)], members));
    }
    let known = |a: &&Actor| {
        a.sector.as_ref().is_some_and(|c| {
            p.help_model
                .as_ref()
                .is_some_and(|m| m.sector(c.as_str()).is_some())
        })
    };
    let rest: Vec<&Actor> = p.actors.iter().filter(|a| !known(a)).collect();
    if !rest.is_empty() {
        let label = if p.help_model.is_some() {
            s.w("区分の定めのない担い手", "Actors with no sector")
        } else {
            s.w("担い手", "Actors")
        };
        groups.push((vec![label], rest));
    }
    for (label, members) in groups.into_iter().filter(|g| !g.1.is_empty()) {
        let rows = members
            .iter()
            .map(|a| {
                let mut about = a.description.as_ref().map(|d| vec![s.t(d)]).unwrap_or_default();
                if let Some(pb) = &a.publisher {
                    if !about.is_empty() {
                        about.push(word(" "));
                    }
                    about.push(s.w("（策定主体：", "(publisher: "));
                    about.extend(s.publishers(std::slice::from_ref(pb)));
                    about.push(s.w("）", ")"));
                }
                Row {
                    head: vec![s.t(&a.name)],
                    cells: vec![vec![s.l3(a.kind.labels())], about],
                }
            })
            .collect();
        out.push(Block::Table(Table {
            caption: label,
            head: vec![
                vec![s.w("担い手", "Actor")],
                vec![s.w("種類", "Kind")],
                vec![s.w("説明", "About")],
            ],
            rows,
            class: "",
        }));
    }
}

/// The initiatives by help sector: ✓ where some actor takes part in that sector.
pub(crate) fn matrix(s: Say, out: &mut Vec<Block>) {
    let p = s.plan;
    let Some(model) = &p.help_model else { return };
    if model.sectors.is_empty() {
        return;
    }
    out.push(heading(
        2,
        "matrix",
        vec![s.w("取り組みと助け合いの区分", "Initiatives by help sector")],
        true,
    ));
    let initiative_level = p
        .level(p.initiative_depth())
        .map(|l| vec![s.t(&l.name)])
        .unwrap_or_else(|| vec![s.w("取り組み", "Initiative")]);
    let mut head = vec![initiative_level];
    head.extend(model.sectors.iter().map(|sec| vec![s.sector(&sec.sector)]));
    let rows = p
        .initiatives()
        .map(|r| Row {
            head: s.node_ref(&r.node.id),
            cells: model
                .sectors
                .iter()
                .map(|sec| {
                    let takes_part = r
                        .node
                        .participants
                        .iter()
                        .any(|x| x.sector.as_ref() == Some(&sec.sector));
                    if takes_part {
                        vec![Inline::Mark {
                            shown: "✓",
                            spoken: if s.ja() { "該当" } else { "yes" }.to_owned(),
                        }]
                    } else {
                        vec![Inline::Mark {
                            shown: "",
                            spoken: if s.ja() { "該当なし" } else { "no" }.to_owned(),
                        }]
                    }
                })
                .collect(),
        })
        .collect();
    let mut caption = vec![s.w(
        "取り組みごとの助け合いの区分（",
        "Help sectors of each initiative (",
    )];
    caption.extend(model_heading(s, model));
    caption.push(s.w("）", ")"));
    out.push(Block::Table(Table {
        caption,
        head,
        rows,
        class: "matrix",
    }));
}
