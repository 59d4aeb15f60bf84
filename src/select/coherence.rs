//! Sentences that cannot stand alone: the coherence rule of selection.
//!
//! A sentence opening with a pronoun ("He also urged…"), a connective
//! ("But…") or an anaphoric noun phrase ("The comments…") points back to the
//! sentence before it. Chosen without that sentence, it leaves the reader
//! asking who "he" is. The rule is decided on the sentence's first words
//! here; [`select_coherent`](super::select_coherent) enforces it: such a
//! sentence enters the summary together with its predecessor (the previous
//! sentence of the same article), which is brought in when the budget allows,
//! and otherwise it gives its place to a self-contained one. One of the
//! summary's best sentences (long, in the top half of the rank order's
//! expected summary) is too valuable to lose that way: it brings in only a
//! short predecessor, and otherwise stands alone.
//!
//! The opener lists are English only: for other languages no sentence is
//! flagged and selection is unchanged.

use crate::analyze::Language;
use crate::rank::Position;

/// Personal, possessive and demonstrative pronouns (and determiners) whose
/// referent is normally in an earlier sentence.
pub const PRONOUNS: &[&str] =
    &["He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "These", "That", "Those"];

/// Connectives that continue an argument begun in an earlier sentence.
pub const CONNECTIVES: &[&str] = &[
    "But",
    "And",
    "However",
    "Also",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Instead",
    "Moreover",
    "Besides",
    "Then",
    "Furthermore",
    "Nevertheless",
    "Nonetheless",
    "Therefore",
    "Thus",
];

/// Nouns that, after a sentence-initial "The", name something said or done in
/// an earlier sentence ("The comments come after…", "The move follows…").
pub const ANAPHORIC_NOUNS: &[&str] = &[
    "comments",
    "remarks",
    "move",
    "decision",
    "statement",
    "announcement",
    "claims",
    "figures",
    "findings",
    "plans",
    "proposals",
    "deal",
    "news",
];

/// Whether English `sentence` opens with a word that needs the sentence
/// before it: its first word (after any opening quotes or brackets, before
/// any trailing comma) is in [`PRONOUNS`] or [`CONNECTIVES`], or it is "The"
/// followed by one of [`ANAPHORIC_NOUNS`]. Case matters: the lists hold the
/// capitalised sentence-initial forms.
pub fn opens_dangling(sentence: &str) -> bool {
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if PRONOUNS.contains(&first) || CONNECTIVES.contains(&first) {
        return true;
    }
    first == "The" && words.next().is_some_and(|w| ANAPHORIC_NOUNS.contains(&w))
}

/// For each candidate, whether it needs its predecessor, candidate `i - 1`:
/// it is not the first sentence of its article and [`opens_dangling`].
/// All false unless `language` is English.
pub fn needs_predecessor(texts: &[&str], positions: &[Position], language: Language) -> Vec<bool> {
    texts
        .iter()
        .zip(positions)
        .map(|(text, p)| language == Language::English && p.index > 0 && opens_dangling(text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::select::{Budget, Selection, select_coherent};
    use crate::vectorize::TermMatrix;

    #[test]
    fn flags_pronouns_connectives_and_anaphoric_nouns() {
        for s in [
            "He also urged the government to act.",
            "It added that profits would fall.",
            "\"They are wrong,\" she said.",
            "But the minister disagreed.",
            "However, sales rose.",
            "The comments came after a week of talks.",
            "The move follows a fall in profits.",
        ] {
            assert!(opens_dangling(s), "{s}");
        }
    }

    #[test]
    fn leaves_self_contained_sentences_alone() {
        for s in [
            "The government said on Monday it would act.",
            "Heathrow will build a third runway.",
            "Ithaca is an island.",
            "Thereafter nothing changed.",
            "the comments, lower case, are not a sentence start.",
            "",
            "  \"  ",
        ] {
            assert!(!opens_dangling(s), "{s}");
        }
    }

    /// Five sentences sharing no term; sentence 3 ranks first but needs 2.
    fn pick(budget: Budget, needs: &[bool]) -> Vec<usize> {
        let m = TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3], vec![4]], 5);
        let scores = [0.5, 0.4, 0.1, 0.9, 0.3];
        let sel = Selection { budget, ..Selection::default() };
        select_coherent(&sel, &scores, &[10; 5], &m, Some(needs))
            .iter()
            .map(|c| c.sentence)
            .collect()
    }

    #[test]
    fn brings_in_the_predecessor_when_it_fits_else_skips() {
        let needs = [false, false, false, true, false];
        assert_eq!(pick(Budget::Sentences(3), &needs), [2, 3, 0]);
        assert_eq!(pick(Budget::Words(20), &needs), [2, 3]);
        // One sentence's room: the dangling one gives way to the next best.
        assert_eq!(pick(Budget::Sentences(1), &needs), [0]);
        assert_eq!(pick(Budget::Words(15), &needs), [0]);
        // Off, or nothing flagged: plain rank order.
        assert_eq!(pick(Budget::Sentences(3), &[false; 5]), [3, 0, 1]);
        let m = TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3], vec![4]], 5);
        let off =
            Selection { budget: Budget::Sentences(3), coherence: false, ..Selection::default() };
        let got: Vec<_> =
            select_coherent(&off, &[0.5, 0.4, 0.1, 0.9, 0.3], &[10; 5], &m, Some(&needs))
                .iter()
                .map(|c| c.sentence)
                .collect();
        assert_eq!(got, [3, 0, 1]);
    }

    #[test]
    fn truncation_still_cuts_the_last_sentence_and_never_a_predecessor() {
        let m = TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3], vec![4]], 5);
        let scores = [0.5, 0.4, 0.1, 0.9, 0.3];
        let sel = Selection { budget: Budget::Words(15), truncate: true, ..Selection::default() };
        let run = |needs: &[bool]| -> Vec<(usize, Option<usize>)> {
            select_coherent(&sel, &scores, &[10; 5], &m, Some(needs))
                .iter()
                .map(|c| (c.sentence, c.words_kept))
                .collect()
        };
        assert_eq!(run(&[false; 5]), [(3, None), (0, Some(5))]);
        // 2 and 3 together overflow: 3 gives way, and 1 is the one cut.
        assert_eq!(run(&[false, false, false, true, false]), [(0, None), (1, Some(5))]);
    }

    /// Six sentences sharing no term, 20 words each except those in `short`.
    fn pick_long(budget: Budget, needs: &[bool], short: &[usize]) -> Vec<usize> {
        let m = TermMatrix::new(&(0..6).map(|t| vec![t]).collect::<Vec<_>>(), 6);
        let scores = [0.5, 0.4, 0.1, 0.9, 0.3, 0.2];
        let words: Vec<usize> = (0..6).map(|i| if short.contains(&i) { 8 } else { 20 }).collect();
        let sel = Selection { budget, ..Selection::default() };
        select_coherent(&sel, &scores, &words, &m, Some(needs)).iter().map(|c| c.sentence).collect()
    }

    #[test]
    fn a_core_sentence_keeps_its_place_and_brings_in_only_a_short_predecessor() {
        let needs = [false, false, false, true, false, false];
        // Four sentences expected: 3 ranks first, in the top half, and is long.
        // Its long predecessor 2 would take a better sentence's place: 3 stands alone.
        assert_eq!(pick_long(Budget::Sentences(4), &needs, &[]), [3, 0, 1, 4]);
        assert_eq!(pick_long(Budget::Words(80), &needs, &[]), [3, 0, 1, 4]);
        // A short predecessor comes in with it.
        assert_eq!(pick_long(Budget::Sentences(4), &needs, &[2]), [2, 3, 0, 1]);
        // A short sentence, or one in a summary of fewer than three, is no
        // core sentence: the rule is as before.
        assert_eq!(pick_long(Budget::Sentences(4), &needs, &[3]), [2, 3, 0, 1]);
        assert_eq!(pick_long(Budget::Sentences(2), &needs, &[]), [2, 3]);
        assert_eq!(pick_long(Budget::Sentences(1), &needs, &[]), [0]);
    }

    #[test]
    fn follows_a_chain_of_predecessors_up_to_the_limit() {
        // 3 needs 2 needs 1: both come in. 3 needing 2, 1 and 0 needs too many and is skipped.
        assert_eq!(pick(Budget::Sentences(3), &[false, false, true, true, false]), [1, 2, 3]);
        assert_eq!(pick(Budget::Sentences(4), &[false, true, true, true, false]), [0, 1, 4, 2]);
    }

    #[test]
    fn first_sentences_and_other_languages_need_nothing() {
        let texts = ["But first.", "But second.", "Mais non."];
        let positions = [
            Position { article: 0, index: 0, of: 2 },
            Position { article: 0, index: 1, of: 2 },
            Position { article: 1, index: 1, of: 2 },
        ];
        assert_eq!(needs_predecessor(&texts, &positions, Language::English), [false, true, false]);
        assert_eq!(needs_predecessor(&texts, &positions, Language::French), [false; 3]);
    }
}
