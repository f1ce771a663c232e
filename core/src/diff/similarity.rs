//! How alike two texts are: the Dice coefficient of their character bigrams, which suits
//! Japanese (no spaces between words) and needs no dictionary.
//!
//! Texts are compared as sets of adjacent pairs of letters, kana, kanji and digits; spaces and
//! punctuation (・、「」) are dropped first, so that 見守り・声かけ and 見守り、声かけ are equal.

use std::collections::BTreeSet;

/// The least similarity at which two unmatched parts are guessed to be one.
///
/// 0.6 rather than 0.5 because plan titles share their endings: 災害時支援体制の充実 and
/// 防犯体制の充実 (two different initiatives) score 0.53, while a reworded title such as
/// 見守り体制の強化 → 見守り体制の充実 scores 0.71.
pub const SIMILARITY_THRESHOLD: f64 = 0.6;

/// The least share of a new part's bigrams that must occur in an old part for the new part to
/// be guessed as one piece of its split (and the other way round for a merge). 権利擁護体制の
/// 充実 shares only its ending with 災害時支援体制・防犯体制の充実 (0.5); each half of the split
/// is wholly inside it (1.0).
pub const CONTAINMENT_THRESHOLD: f64 = 0.7;

/// A text's character bigrams.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Bigrams(BTreeSet<(char, char)>);

impl Bigrams {
    /// The bigrams of `s`, after dropping spaces and punctuation and lowering ASCII case. A
    /// text of one character is its own bigram, so that 市 still equals 市.
    pub(crate) fn of(s: &str) -> Bigrams {
        let chars: Vec<char> = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut set = BTreeSet::new();
        if let [only] = chars.as_slice() {
            set.insert((*only, '\0'));
        }
        for w in chars.windows(2) {
            if let [a, b] = w {
                set.insert((*a, *b));
            }
        }
        Bigrams(set)
    }

    /// The bigrams of both.
    pub(crate) fn union(&self, other: &Bigrams) -> Bigrams {
        Bigrams(self.0.union(&other.0).copied().collect())
    }

    fn shared(&self, other: &Bigrams) -> usize {
        self.0.intersection(&other.0).count()
    }

    /// The Dice coefficient: twice the shared bigrams over the bigrams of both, from 0 (none
    /// shared) to 1 (the same set). Two empty texts are not alike: there is nothing to go by.
    pub(crate) fn dice(&self, other: &Bigrams) -> f64 {
        let total = self.0.len() + other.0.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * self.shared(other) as f64 / total as f64
    }

    /// The share of this text's bigrams that occur in `whole`, from 0 to 1.
    pub(crate) fn contained_in(&self, whole: &Bigrams) -> f64 {
        if self.0.is_empty() {
            return 0.0;
        }
        self.shared(whole) as f64 / self.0.len() as f64
    }
}

/// A score as it is shown and serialised: two decimals, so that the JSON stays readable.
pub(crate) fn rounded(score: f64) -> f64 {
    (score * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dice(a: &str, b: &str) -> f64 {
        Bigrams::of(a).dice(&Bigrams::of(b))
    }

    #[test]
    fn reworded_titles_clear_the_threshold() {
        assert!(dice("見守り体制の強化", "見守り体制の充実") >= SIMILARITY_THRESHOLD);
        assert!((dice("見守り体制の強化", "見守り体制の強化") - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn titles_sharing_only_an_ending_stay_below_the_threshold() {
        let score = dice("災害時支援体制の充実", "防犯体制の充実");
        assert!(score > 0.5 && score < SIMILARITY_THRESHOLD, "{score}");
    }

    #[test]
    fn punctuation_and_spaces_do_not_count() {
        assert!((dice("見守り・声かけ", "見守り、 声かけ") - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn one_character_texts_compare_and_empty_ones_do_not_match() {
        assert!((dice("市", "市") - 1.0).abs() < f64::EPSILON);
        assert_eq!(dice("市", "町"), 0.0);
        assert_eq!(dice("", ""), 0.0);
    }

    #[test]
    fn each_half_of_a_split_lies_inside_the_joined_title() {
        let joined = Bigrams::of("災害時支援体制・防犯体制の充実");
        assert!(Bigrams::of("防犯体制の充実").contained_in(&joined) >= CONTAINMENT_THRESHOLD);
        assert!(Bigrams::of("権利擁護体制の充実").contained_in(&joined) < CONTAINMENT_THRESHOLD);
    }

    #[test]
    fn scores_are_rounded_to_two_decimals() {
        assert_eq!(rounded(0.826_086), 0.83);
    }
}
