//! The guesses: parts that neither ids nor lineage pair, paired by the likeness of their
//! wording. Every pair made here is reported as a guess with its similarity.

use rustc_hash::FxHashMap;

use super::matching::{flag, set, Group, How, Item};
use super::similarity::{Bigrams, CONTAINMENT_THRESHOLD, SIMILARITY_THRESHOLD};

/// Guessed splits (`whole` old, `pieces` new) or, with `merge`, merges (`whole` new,
/// `pieces` old): one unmatched whole whose text contains the texts of two or more unmatched
/// sibling pieces, when the pieces together are closer to it than any one alone.
pub(crate) fn guess_pieces(
    wholes: &[Item<'_>],
    pieces: &[Item<'_>],
    whole_done: &mut [bool],
    piece_done: &mut [bool],
    merge: bool,
    groups: &mut Vec<Group>,
) {
    for (w, whole) in wholes.iter().enumerate() {
        if flag(whole_done, w) {
            continue;
        }
        let mut families: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (k, piece) in pieces.iter().enumerate() {
            if !flag(piece_done, k)
                && piece.pool == whole.pool
                && piece.words.contained_in(&whole.words) >= CONTAINMENT_THRESHOLD
            {
                families.entry(piece.family).or_default().push(k);
            }
        }
        let mut best: Option<(f64, Vec<usize>)> = None;
        let mut keys: Vec<usize> = families.keys().copied().collect();
        keys.sort_unstable();
        for key in keys {
            let Some(members) = families.remove(&key) else {
                continue;
            };
            if members.len() < 2 {
                continue;
            }
            let joined = members
                .iter()
                .filter_map(|&k| pieces.get(k))
                .fold(Bigrams::default(), |acc, p| acc.union(&p.words));
            let together = joined.dice(&whole.words);
            let alone = members
                .iter()
                .filter_map(|&k| pieces.get(k))
                .map(|p| p.words.dice(&whole.words))
                .fold(0.0, f64::max);
            if together >= SIMILARITY_THRESHOLD
                && together > alone
                && best.as_ref().is_none_or(|(b, _)| together > *b)
            {
                best = Some((together, members));
            }
        }
        if let Some((score, members)) = best {
            set(whole_done, w);
            for &k in &members {
                set(piece_done, k);
            }
            let how = How::Similarity(score);
            groups.push(if merge {
                Group {
                    old: members,
                    new: vec![w],
                    how,
                }
            } else {
                Group {
                    old: vec![w],
                    new: members,
                    how,
                }
            });
        }
    }
}

/// One-to-one guesses, greedily best first (ties in the new document's order).
pub(crate) fn by_similarity(
    old: &[Item<'_>],
    new: &[Item<'_>],
    old_done: &mut [bool],
    new_done: &mut [bool],
    groups: &mut Vec<Group>,
) {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (j, n) in new.iter().enumerate().filter(|(j, _)| !flag(new_done, *j)) {
        for (i, o) in old.iter().enumerate().filter(|(i, _)| !flag(old_done, *i)) {
            if o.pool == n.pool {
                let score = o.words.dice(&n.words);
                if score >= SIMILARITY_THRESHOLD {
                    candidates.push((score, j, i));
                }
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (score, j, i) in candidates {
        if !flag(old_done, i) && !flag(new_done, j) {
            set(old_done, i);
            set(new_done, j);
            groups.push(Group {
                old: vec![i],
                new: vec![j],
                how: How::Similarity(score),
            });
        }
    }
}
