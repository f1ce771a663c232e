//! Two progress reports compared: the indicators' actual values, the nodes' grades and texts,
//! and the committee's opinions.
//!
//! A report refers to the plan's parts by id and holds no titles, so the sides name them by
//! id; opinions, which have no id, by their number in the report (意見1) and their text.

use super::changes::{changes, Context, Key};
use super::fields::{Field, Value};
use super::matching::{pair, Steps};
use super::parts::{items, Anchor, Collect, Part, Slot};
use super::types::{Change, Diff, Document, DocumentKind, PartKind, Side};
use crate::model::{Id, Text};
use crate::report::ProgressReport;

pub(super) fn diff(old: &ProgressReport, new: &ProgressReport) -> Diff {
    let mut all: Vec<(Key, Change)> = Vec::new();
    let kinds: [(PartKind, Collect<ProgressReport>, Steps); 3] = [
        (PartKind::Observation, observations, Steps::default()),
        (PartKind::NodeEntry, node_entries, Steps::default()),
        (
            PartKind::Opinion,
            opinions,
            Steps {
                by_text: true,
                ..Steps::default()
            },
        ),
    ];
    for (part, collect, steps) in kinds {
        let (o, n) = (collect(old), collect(new));
        let pairing = pair(&items(&o), &items(&n), steps);
        let cx = Context {
            part,
            nodes: &[],
            one_sided_fields: true,
        };
        all.extend(changes(&o, &n, &pairing, &cx));
    }
    all.sort_by_key(|a| a.0);
    Diff {
        old: document(old),
        new: document(new),
        changes: all.into_iter().map(|(_, c)| c).collect(),
    }
}

/// A report's part: paired by id (or, for opinions, by wording), never moved.
fn part<'a>(id: Option<&'a Id>, words: &'a str, side: Side, fields: Vec<Slot>) -> Part<'a> {
    Part {
        id,
        lineage: &[],
        words,
        side,
        fields,
        anchor: Anchor::Named(String::new()),
        pool: 0,
        parent: None,
    }
}

fn observations(r: &ProgressReport) -> Vec<Part<'_>> {
    r.observations
        .iter()
        .map(|a| {
            let side = Side {
                id: Some(a.indicator.clone()),
                ..Side::default()
            };
            let fields = vec![
                Slot::new(Field::Value, a.value.clone().map(Value::Quantity)),
                Slot::new(Field::Reason, a.reason.clone().map(Value::Text)),
                Slot::new(Field::Note, a.note.clone().map(Value::Text)),
            ];
            part(Some(&a.indicator), "", side, fields)
        })
        .collect()
}

fn node_entries(r: &ProgressReport) -> Vec<Part<'_>> {
    r.nodes
        .iter()
        .map(|e| {
            let side = Side {
                id: Some(e.node.clone()),
                ..Side::default()
            };
            let mut fields: Vec<Slot> = e
                .grades
                .iter()
                .map(|g| Slot {
                    field: Field::Grade,
                    scale: Some(g.scale.clone()),
                    value: Some(Value::Code(g.grade.clone())),
                })
                .collect();
            fields.push(Slot::new(Field::Done, e.done.clone().map(Value::Text)));
            fields.push(Slot::new(Field::Remaining, e.remaining.clone().map(Value::Text)));
            fields.push(Slot::new(Field::Next, e.next.clone().map(Value::Text)));
            part(Some(&e.node), "", side, fields)
        })
        .collect()
}

fn opinions(r: &ProgressReport) -> Vec<Part<'_>> {
    r.opinions
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let n = i + 1;
            let side = Side {
                label: Some(Text::new(format!("意見{n}"), Some(&format!("Opinion {n}")))),
                title: Some(o.opinion.clone()),
                ..Side::default()
            };
            let nodes = (!o.nodes.is_empty()).then(|| Value::Ids(o.nodes.clone()));
            let fields = vec![
                Slot::new(Field::Opinion, Some(Value::Text(o.opinion.clone()))),
                Slot::new(Field::Answer, o.answer.clone().map(Value::Text)),
                Slot::new(Field::Nodes, nodes),
            ];
            part(None, &o.opinion.ja, side, fields)
        })
        .collect()
}

fn document(r: &ProgressReport) -> Document {
    let year = r.fiscal_year.0;
    let ja = crate::era::era_label(year).unwrap_or_else(|_| format!("{year}年度"));
    Document {
        document: DocumentKind::ProgressReport,
        id: r.id.clone(),
        title: Text::new(
            format!("{ja} 進行管理の評価"),
            Some(&format!("Progress report, FY{year}")),
        ),
        edition: r.plan.edition,
        fiscal_year: Some(r.fiscal_year),
    }
}
