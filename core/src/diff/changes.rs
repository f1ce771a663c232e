//! From a pairing of parts to changes, each with the key that puts it in order: by part
//! kind, then at its new position; a removed part just after its old parent's partner (nodes)
//! or its preceding part's partner.

use super::fields::{FieldChange, Value};
use super::matching::{Group, How, Pairing};
use super::parts::{Anchor, Part, Slot};
use super::similarity::rounded;
use super::types::{Change, ChangeKind, Matched, PartKind, Side};

/// Where a change goes: part kind, position in the new document, after (1) or at (0) that
/// position, and position in the old document.
pub(crate) type Key = (PartKind, usize, u8, usize);

/// For each old part, the new parts it was paired with.
pub(crate) fn partners(pairing: &Pairing, n_old: usize) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); n_old];
    for g in &pairing.groups {
        for &i in &g.old {
            if let Some(p) = out.get_mut(i) {
                p.extend(g.new.iter().copied());
            }
        }
    }
    out
}

/// What the changes of one part kind are built with.
pub(crate) struct Context<'p> {
    pub part: PartKind,
    /// The partners of the old document's nodes, to tell whether a part held by a node moved.
    pub nodes: &'p [Vec<usize>],
    /// Whether an added or removed part lists its fields' values (a report's value does; a
    /// plan's part shows its title).
    pub one_sided_fields: bool,
}

/// The changes between `old` and `new` paired by `pairing`.
pub(crate) fn changes(
    old: &[Part<'_>],
    new: &[Part<'_>],
    pairing: &Pairing,
    cx: &Context<'_>,
) -> Vec<(Key, Change)> {
    let own = partners(pairing, old.len());
    let mut out = Vec::new();
    for g in &pairing.groups {
        if let Some(change) = paired(g, old, new, cx) {
            let at = g.new.iter().copied().min().unwrap_or(0);
            let was = g.old.iter().copied().min().unwrap_or(0);
            out.push(((cx.part, at, 0, was), change));
        }
    }
    let added = one_sided(new, &pairing.added, cx, true);
    for (j, change) in added {
        out.push(((cx.part, j, 0, 0), change));
    }
    let removed = one_sided(old, &pairing.removed, cx, false);
    for (i, change) in removed {
        let (at, after) = removed_position(old, i, &own);
        out.push(((cx.part, at, after, i), change));
    }
    out
}

/// The change of a group of paired parts, if anything changed.
fn paired(g: &Group, old: &[Part<'_>], new: &[Part<'_>], cx: &Context<'_>) -> Option<Change> {
    let matched = Some(match g.how {
        How::Id => Matched::Id,
        How::Lineage { .. } => Matched::Lineage,
        How::Text => Matched::Text,
        How::Similarity(s) => Matched::Similarity {
            similarity: rounded(s),
        },
    });
    let sides = |parts: &[Part<'_>], at: &[usize]| -> Vec<Side> {
        at.iter()
            .filter_map(|&k| parts.get(k))
            .map(|p| p.side.clone())
            .collect()
    };
    if let ([i], [j]) = (g.old.as_slice(), g.new.as_slice()) {
        let (o, n) = (old.get(*i)?, new.get(*j)?);
        let fields = differing(o, n);
        let moved = o.pool != n.pool || !same_anchor(&o.anchor, &n.anchor, cx.nodes);
        let kind = if moved {
            ChangeKind::Moved
        } else if fields.iter().any(|f| !f.field.is_wording()) {
            ChangeKind::Changed
        } else if !fields.is_empty() {
            ChangeKind::Reworded
        } else {
            return None;
        };
        return Some(Change {
            kind,
            part: cx.part,
            old: sides(old, &g.old),
            new: sides(new, &g.new),
            matched,
            fields,
        });
    }
    let kind = match (g.old.len(), g.new.len(), g.how) {
        (1, _, _) | (_, _, How::Lineage { split: true }) => ChangeKind::Split,
        _ => ChangeKind::Merged,
    };
    Some(Change {
        kind,
        part: cx.part,
        old: sides(old, &g.old),
        new: sides(new, &g.new),
        matched,
        fields: Vec::new(),
    })
}

/// The fields whose values differ: the old part's in its order, then those only the new one
/// has.
fn differing(o: &Part<'_>, n: &Part<'_>) -> Vec<FieldChange> {
    let find = |all: &[Slot], s: &Slot| -> Option<Value> {
        all.iter()
            .find(|t| t.field == s.field && t.scale == s.scale)
            .and_then(|t| t.value.clone())
    };
    let mut out = Vec::new();
    for s in &o.fields {
        let new = find(&n.fields, s);
        if s.value != new {
            out.push(FieldChange {
                field: s.field,
                scale: s.scale.clone(),
                old: s.value.clone(),
                new,
            });
        }
    }
    for t in &n.fields {
        let only_new = !o.fields.iter().any(|s| s.field == t.field && s.scale == t.scale);
        if only_new && t.value.is_some() {
            out.push(FieldChange {
                field: t.field,
                scale: t.scale.clone(),
                old: None,
                new: t.value.clone(),
            });
        }
    }
    out
}

/// Whether two holders are the same: the same named part, or nodes that were paired.
fn same_anchor(old: &Anchor, new: &Anchor, nodes: &[Vec<usize>]) -> bool {
    match (old, new) {
        (Anchor::Node(o), Anchor::Node(n)) => nodes.get(*o).is_some_and(|p| p.contains(n)),
        (Anchor::Named(a), Anchor::Named(b)) => a == b,
        _ => false,
    }
}

/// Added (`is_new`) or removed parts as changes. A node under another added or removed node
/// is listed in that node's side (`children`) instead of standing alone.
fn one_sided(parts: &[Part<'_>], which: &[usize], cx: &Context<'_>, is_new: bool) -> Vec<(usize, Change)> {
    let mut inside = vec![false; parts.len()];
    for &k in which {
        if let Some(slot) = inside.get_mut(k) {
            *slot = true;
        }
    }
    let is_inside = |k: Option<usize>| k.is_some_and(|k| inside.get(k).copied().unwrap_or(false));
    let mut kids = vec![Vec::new(); parts.len()];
    for &k in which {
        if let Some(p) = parts
            .get(k)
            .and_then(|p| p.parent)
            .filter(|&p| is_inside(Some(p)))
        {
            if let Some(list) = kids.get_mut(p) {
                list.push(k);
            }
        }
    }
    which
        .iter()
        .filter(|&&k| !is_inside(parts.get(k).and_then(|p| p.parent)))
        .filter_map(|&k| {
            let part = parts.get(k)?;
            let side = with_subtree(parts, k, &kids);
            let fields = if cx.one_sided_fields {
                part.fields
                    .iter()
                    .filter(|s| s.value.is_some())
                    .map(|s| {
                        let v = s.value.clone();
                        let (old, new) = if is_new { (None, v) } else { (v, None) };
                        FieldChange {
                            field: s.field,
                            scale: s.scale.clone(),
                            old,
                            new,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let (kind, old, new) = if is_new {
                (ChangeKind::Added, Vec::new(), vec![side])
            } else {
                (ChangeKind::Removed, vec![side], Vec::new())
            };
            Some((
                k,
                Change {
                    kind,
                    part: cx.part,
                    old,
                    new,
                    matched: None,
                    fields,
                },
            ))
        })
        .collect()
}

/// The part's side with the marked parts under it as its children, at any depth.
fn with_subtree(parts: &[Part<'_>], k: usize, kids: &[Vec<usize>]) -> Side {
    let mut side = parts.get(k).map(|p| p.side.clone()).unwrap_or_default();
    side.children = kids
        .get(k)
        .into_iter()
        .flatten()
        .map(|&c| with_subtree(parts, c, kids))
        .collect();
    side
}

/// Where a removed part goes: just after the partner of its nearest paired ancestor, else
/// of the nearest paired part before it; at the start when there is none.
fn removed_position(old: &[Part<'_>], i: usize, own: &[Vec<usize>]) -> (usize, u8) {
    let first = |k: usize| own.get(k).and_then(|p| p.iter().copied().min());
    let mut up = old.get(i).and_then(|p| p.parent);
    while let Some(k) = up {
        if let Some(at) = first(k) {
            return (at, 1);
        }
        up = old.get(k).and_then(|p| p.parent);
    }
    (0..i).rev().find_map(first).map_or((0, 0), |at| (at, 1))
}
