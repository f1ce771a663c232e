//! Did-you-mean suggestions: the known name closest to a misspelt one, for unknown fields,
//! codes and limits alike.

/// The candidate within a small edit distance of `name`, if there is one.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let len = name.chars().count();
    let limit = (len / 3).clamp(1, 3);
    candidates
        .iter()
        .filter(|c| c.chars().count().abs_diff(len) <= limit)
        .map(|c| (levenshtein(name, c), *c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    // Optimal string alignment distance: Levenshtein plus adjacent transpositions, so that
    // `titel` is one edit from `title`.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    let at = |i: usize, j: usize| i * w + j;
    for i in 0..=a.len() {
        for j in 0..=b.len() {
            let v = if i == 0 || j == 0 {
                i + j
            } else {
                let cost = usize::from(a.get(i - 1) != b.get(j - 1));
                let get = |x: usize| d.get(x).copied().unwrap_or(usize::MAX - 1);
                let mut v = (get(at(i - 1, j)) + 1)
                    .min(get(at(i, j - 1)) + 1)
                    .min(get(at(i - 1, j - 1)) + cost);
                if i > 1 && j > 1 && a.get(i - 1) == b.get(j - 2) && a.get(i - 2) == b.get(j - 1) {
                    v = v.min(get(at(i - 2, j - 2)) + 1);
                }
                v
            };
            if let Some(slot) = d.get_mut(at(i, j)) {
                *slot = v;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_is_symmetric_and_zero_only_for_equal_words() {
        let words = [
            "titel",
            "title",
            "kitten",
            "sitting",
            "",
            "abc",
            "goals",
            "ゴール",
            "目標",
        ];
        for a in words {
            for b in words {
                assert_eq!(levenshtein(a, b), levenshtein(b, a), "{a:?} {b:?}");
                assert_eq!(levenshtein(a, b) == 0, a == b, "{a:?} {b:?}");
            }
        }
        assert_eq!(levenshtein("titel", "title"), 1);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(closest("goal", &["goals", "actors"]), Some("goals"));
        assert_eq!(closest("zzzz", &["goals"]), None);
    }
}
