//! Pairing the parts of one kind in two documents: by id, by declared lineage, by identical
//! wording, by guessed splits and merges, and by similarity, each step on what the earlier
//! ones left. The rules are documented on [`super::plans`].

use rustc_hash::FxHashMap;

use super::guesses::{by_similarity, guess_pieces};
use super::similarity::Bigrams;
use crate::model::{Id, Lineage, LineageChange};

/// A part as the pairing sees it.
pub(crate) struct Item<'a> {
    /// Its id; none for parts that have none (opinions).
    pub id: Option<&'a Id>,
    /// The parts of the earlier document it names as its origins (new side only).
    pub lineage: &'a [Lineage],
    /// Its wording, compared as it is for identical wording.
    pub text: &'a str,
    /// Its wording's bigrams, compared for guesses.
    pub words: Bigrams,
    /// Parts are guessed to be one only within one pool (for nodes: one tree, one depth).
    pub pool: usize,
    /// Its siblings share its family (for nodes: its parent); a guessed split's new parts
    /// are siblings.
    pub family: usize,
}

/// How a group of parts was paired.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum How {
    /// By ids alone.
    Id,
    /// Through a declared lineage; `split` when one of the declarations says 分割.
    Lineage { split: bool },
    /// By identical wording.
    Text,
    /// A guess, with its similarity.
    Similarity(f64),
}

/// Old and new parts (indices) that are one part, or its pieces.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub how: How,
}

/// The pairing of two lists of parts.
#[derive(Debug, Default)]
pub(crate) struct Pairing {
    pub groups: Vec<Group>,
    /// Old parts paired with nothing, in order.
    pub removed: Vec<usize>,
    /// New parts paired with nothing, in order.
    pub added: Vec<usize>,
}

/// Which of the optional steps to take.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Steps {
    /// Pair parts without ids by identical wording.
    pub by_text: bool,
    /// Guess splits and merges.
    pub splits: bool,
}

/// The most pairs of unmatched parts compared for guesses. Guessing compares every unmatched
/// old part with every unmatched new one; past this (two unrelated plans of a thousand parts
/// each), the parts are reported added and removed without guesses, so that a diff of any two
/// documents within the [`crate::Limits`] stays quick.
pub(crate) const MAX_GUESS_COMPARISONS: usize = 1_000_000;

/// Pairs `old` with `new`.
pub(crate) fn pair(old: &[Item<'_>], new: &[Item<'_>], steps: Steps) -> Pairing {
    let mut p = Pairing::default();
    let mut old_done = vec![false; old.len()];
    let mut new_done = vec![false; new.len()];
    by_ids(old, new, &mut p.groups);
    for g in &p.groups {
        mark(&mut old_done, &g.old);
        mark(&mut new_done, &g.new);
    }
    if steps.by_text {
        for (j, n) in new.iter().enumerate() {
            let found = old.iter().enumerate().find(|(i, o)| {
                !flag(&old_done, *i) && o.pool == n.pool && o.text == n.text && !o.text.trim().is_empty()
            });
            if let Some((i, _)) = found {
                if !flag(&new_done, j) {
                    set(&mut old_done, i);
                    set(&mut new_done, j);
                    p.groups.push(Group {
                        old: vec![i],
                        new: vec![j],
                        how: How::Text,
                    });
                }
            }
        }
    }
    let left = |done: &[bool]| done.iter().filter(|d| !**d).count();
    if left(&old_done).saturating_mul(left(&new_done)) > MAX_GUESS_COMPARISONS {
        p.removed = (0..old.len()).filter(|&i| !flag(&old_done, i)).collect();
        p.added = (0..new.len()).filter(|&j| !flag(&new_done, j)).collect();
        return p;
    }
    if steps.splits {
        guess_pieces(old, new, &mut old_done, &mut new_done, false, &mut p.groups);
        guess_pieces(new, old, &mut new_done, &mut old_done, true, &mut p.groups);
    }
    by_similarity(old, new, &mut old_done, &mut new_done, &mut p.groups);
    p.removed = (0..old.len()).filter(|&i| !flag(&old_done, i)).collect();
    p.added = (0..new.len()).filter(|&j| !flag(&new_done, j)).collect();
    p
}

/// Groups linked by equal ids or by lineage: the connected parts of the graph whose edges
/// are those links.
fn by_ids(old: &[Item<'_>], new: &[Item<'_>], groups: &mut Vec<Group>) {
    let mut old_by_id: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, o) in old.iter().enumerate() {
        if let Some(id) = o.id {
            old_by_id.entry(id.as_str()).or_insert(i);
        }
    }
    let n_old = old.len();
    let mut sets = Sets::new(n_old + new.len());
    let mut via_lineage = vec![false; n_old + new.len()];
    let mut split = vec![false; n_old + new.len()];
    for (j, n) in new.iter().enumerate() {
        if let Some(&i) = n.id.and_then(|id| old_by_id.get(id.as_str())) {
            sets.join(i, n_old + j);
        }
        for l in n.lineage {
            if let Some(&i) = old_by_id.get(l.from.as_str()) {
                sets.join(i, n_old + j);
                set(&mut via_lineage, n_old + j);
                if l.change == LineageChange::Split {
                    set(&mut split, n_old + j);
                }
            }
        }
    }
    let mut by_root: FxHashMap<usize, usize> = FxHashMap::default();
    let mut found: Vec<Group> = Vec::new();
    for k in 0..n_old + new.len() {
        let root = sets.root(k);
        let g = *by_root.entry(root).or_insert_with(|| {
            found.push(Group {
                old: Vec::new(),
                new: Vec::new(),
                how: How::Id,
            });
            found.len() - 1
        });
        let Some(group) = found.get_mut(g) else { continue };
        if k < n_old {
            group.old.push(k);
        } else {
            group.new.push(k - n_old);
            if flag(&via_lineage, k) {
                let was_split = matches!(group.how, How::Lineage { split: true });
                group.how = How::Lineage {
                    split: was_split || flag(&split, k),
                };
            }
        }
    }
    groups.extend(
        found
            .into_iter()
            .filter(|g| !g.old.is_empty() && !g.new.is_empty()),
    );
}

pub(crate) fn flag(done: &[bool], i: usize) -> bool {
    done.get(i).copied().unwrap_or(true)
}

pub(crate) fn set(done: &mut [bool], i: usize) {
    if let Some(d) = done.get_mut(i) {
        *d = true;
    }
}

fn mark(done: &mut [bool], all: &[usize]) {
    for &i in all {
        set(done, i);
    }
}

/// Disjoint sets (union-find) over `0..n`.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    fn root(&mut self, mut k: usize) -> usize {
        while let Some(&up) = self.0.get(k) {
            if up == k {
                break;
            }
            let grand = self.0.get(up).copied().unwrap_or(up);
            if let Some(slot) = self.0.get_mut(k) {
                *slot = grand;
            }
            k = up;
        }
        k
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if let Some(slot) = self.0.get_mut(ra.max(rb)) {
            *slot = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item<'a>(id: &'a Id, lineage: &'a [Lineage], words: &'a str, family: usize) -> Item<'a> {
        Item {
            id: Some(id),
            lineage,
            text: words,
            words: Bigrams::of(words),
            pool: 0,
            family,
        }
    }

    #[test]
    fn lineage_naming_one_old_part_from_two_new_parts_is_one_group() {
        let (x, a, b) = (Id::from("x"), Id::from("a"), Id::from("b"));
        let from_x = [Lineage {
            from: x.clone(),
            change: LineageChange::Split,
            extensions: Default::default(),
        }];
        let old = [item(&x, &[], "見守りと防犯", 0)];
        let new = [item(&a, &from_x, "見守り", 0), item(&b, &from_x, "防犯", 0)];
        let p = pair(&old, &new, Steps::default());
        assert_eq!(
            p.groups,
            vec![Group {
                old: vec![0],
                new: vec![0, 1],
                how: How::Lineage { split: true }
            }]
        );
        assert!(p.added.is_empty() && p.removed.is_empty());
    }

    #[test]
    fn greedy_similarity_takes_the_best_pair_first() {
        let ids: Vec<Id> = ["o1", "o2", "n1"].into_iter().map(Id::from).collect();
        let old = [
            item(&ids[0], &[], "見守り体制の整備", 0),
            item(&ids[1], &[], "見守り体制の強化", 0),
        ];
        let new = [item(&ids[2], &[], "見守り体制の強化推進", 0)];
        let p = pair(&old, &new, Steps::default());
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].old, vec![1]);
        assert_eq!(p.removed, vec![0]);
    }

    #[test]
    fn a_guessed_split_needs_two_siblings_inside_the_old_text() {
        let ids: Vec<Id> = ["x", "a", "b", "c"].into_iter().map(Id::from).collect();
        let old = [item(&ids[0], &[], "災害時支援体制・防犯体制の充実", 0)];
        let siblings = [
            item(&ids[1], &[], "災害時支援体制の充実", 7),
            item(&ids[2], &[], "防犯体制の充実", 7),
        ];
        let p = pair(
            &old,
            &siblings,
            Steps {
                splits: true,
                ..Steps::default()
            },
        );
        assert_eq!(p.groups.len(), 1);
        assert_eq!(p.groups[0].new, vec![0, 1]);
        assert!(matches!(p.groups[0].how, How::Similarity(s) if s > 0.9));

        let cousins = [
            item(&ids[1], &[], "災害時支援体制の充実", 7),
            item(&ids[3], &[], "防犯体制の充実", 8),
        ];
        let p = pair(
            &old,
            &cousins,
            Steps {
                splits: true,
                ..Steps::default()
            },
        );
        assert_eq!(
            p.groups.len(),
            1,
            "not a split, but the closer one is a one-to-one guess"
        );
        assert_eq!(p.groups[0].new, vec![0]);
        assert_eq!(p.added, vec![1]);
    }
}
