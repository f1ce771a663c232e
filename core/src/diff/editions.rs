//! Two editions of a plan compared part kind by part kind: nodes first, since the holders of
//! indicators are nodes and a part held by a paired node has not moved.

use super::changes::{changes, partners, Context, Key};
use super::matching::{pair, Steps};
use super::parts::{self, items, Collect};
use super::types::{Change, Diff, Document, DocumentKind, PartKind};
use crate::model::Plan;

pub(super) fn diff(old: &Plan, new: &Plan) -> Diff {
    let mut all: Vec<(Key, Change)> = Vec::new();
    let (old_nodes, new_nodes) = (parts::nodes(old), parts::nodes(new));
    let guess_pieces = Steps {
        splits: true,
        ..Steps::default()
    };
    let node_pairing = pair(&items(&old_nodes), &items(&new_nodes), guess_pieces);
    let node_partners = partners(&node_pairing, old_nodes.len());
    let cx = |part| Context {
        part,
        nodes: &node_partners,
        one_sided_fields: false,
    };
    all.extend(changes(
        &old_nodes,
        &new_nodes,
        &node_pairing,
        &cx(PartKind::Node),
    ));
    let kinds: [(PartKind, Collect<Plan>, Steps); 3] = [
        (PartKind::Challenge, parts::challenges, guess_pieces),
        (PartKind::Actor, parts::actors, Steps::default()),
        (PartKind::Indicator, parts::indicators, Steps::default()),
    ];
    for (part, collect, steps) in kinds {
        let (o, n) = (collect(old), collect(new));
        let pairing = pair(&items(&o), &items(&n), steps);
        all.extend(changes(&o, &n, &pairing, &cx(part)));
    }
    all.sort_by_key(|a| a.0);
    Diff {
        old: document(old),
        new: document(new),
        changes: all.into_iter().map(|(_, c)| c).collect(),
    }
}

fn document(plan: &Plan) -> Document {
    Document {
        document: DocumentKind::Plan,
        id: plan.id.clone(),
        title: plan.title.clone(),
        edition: plan.edition,
        fiscal_year: None,
    }
}
