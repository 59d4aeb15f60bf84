//! Choosing the summary: length budgets, redundancy control and ordering.
//!
//! Selection is greedy in rank order. With `diversity > 0` it is Maximal
//! Marginal Relevance (Carbonell & Goldstein 1998): the next sentence maximises
//! `(1 - diversity) · score - diversity · max cosine to the sentences already chosen`,
//! scores divided by the best score. Independently of MMR, a candidate that is a
//! near-duplicate of a chosen sentence (it shares more than
//! `duplicate_threshold` of the shorter sentence's distinct content words) is
//! never chosen; it is reported as another place the fact appears.

mod budget;

pub use budget::Budget;

use serde::{Deserialize, Serialize};

use crate::vectorize::TermMatrix;

/// Selection settings; a plain value written into JSON output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// How long the summary may be.
    pub budget: Budget,
    /// Weight of redundancy against relevance in MMR, from 0 (pure rank order) to 1.
    pub diversity: f64,
    /// Share of the shorter sentence's distinct content words above which a
    /// candidate is redundant with a chosen sentence and skipped.
    pub redundancy_threshold: f64,
    /// Jaccard similarity of content-word sets from which two sentences are
    /// near-duplicates: the same fact, reported together.
    pub duplicate_threshold: f64,
    /// With a word budget, cut the last sentence at the budget instead of
    /// skipping to a shorter one (as the DUC evaluations do).
    pub truncate: bool,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            budget: Budget::default(),
            diversity: 0.0,
            redundancy_threshold: 0.5,
            duplicate_threshold: 0.5,
            truncate: false,
        }
    }
}

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index of the sentence in scope.
    pub sentence: usize,
    /// 1-based order in which it was chosen.
    pub rank: usize,
    /// With `truncate`, the number of words kept when the sentence was cut.
    pub words_kept: Option<usize>,
    /// Near-duplicates of it among the other sentences, ascending.
    pub duplicates: Vec<usize>,
}

/// Chooses sentences by `scores` within the budget; `words[i]` is sentence
/// `i`'s length in words. Returns them in the order chosen.
pub fn select(
    selection: &Selection,
    scores: &[f64],
    words: &[usize],
    matrix: &TermMatrix,
) -> Vec<Chosen> {
    let n = scores.len().min(words.len()).min(matrix.n_sentences());
    let mut order: Vec<usize> = (0..n).collect();
    // Highest score first; ties (and NaNs, ordered last) by position.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    // Relevance for MMR is the score as a share of the best one.
    let hi = scores.iter().copied().filter(|s| s.is_finite()).fold(0.0, f64::max);
    let scaled = |i: usize| {
        let s = scores[i];
        if s.is_finite() && hi > 0.0 { s / hi } else { 0.0 }
    };

    let max_sentences = selection.budget.max_sentences(n);
    let max_words = selection.budget.max_words();
    // A document shorter than the budget is returned whole, repeats included.
    let everything =
        max_sentences == n && max_words.is_none_or(|l| words[..n].iter().sum::<usize>() <= l);
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut used_words = 0usize;
    let mut open: Vec<usize> = order;
    // Highest redundancy to the chosen set, kept up to date incrementally.
    let mut redundancy = vec![0f64; n];
    // Sentences taken out of `open`: chosen or skipped.
    let mut done = vec![false; n];
    while chosen.len() < max_sentences && !open.is_empty() {
        let pick = if selection.diversity > 0.0 {
            let d = selection.diversity;
            let mut best = 0;
            let mut best_value = f64::NEG_INFINITY;
            for (k, &i) in open.iter().enumerate() {
                let v = (1.0 - d) * scaled(i) - d * redundancy[i];
                if v > best_value {
                    best_value = v;
                    best = k;
                }
            }
            best
        } else {
            0
        };
        let i = open.remove(pick);
        done[i] = true;
        if !everything
            && chosen
                .iter()
                .any(|c| is_redundant(matrix, c.sentence, i, selection.redundancy_threshold))
        {
            continue;
        }
        let mut words_kept = None;
        if let Some(limit) = max_words
            && used_words + words[i] > limit
        {
            if selection.truncate && used_words < limit {
                words_kept = Some(limit - used_words);
            } else {
                continue;
            }
        }
        used_words += words_kept.unwrap_or(words[i]);
        chosen.push(Chosen {
            sentence: i,
            rank: chosen.len() + 1,
            words_kept,
            duplicates: Vec::new(),
        });
        if words_kept.is_some() || max_words.is_some_and(|l| used_words >= l) {
            break;
        }
        if selection.diversity > 0.0 {
            // In sentence order, not rank order: rows are then read in memory
            // order, which is several times faster on large corpora.
            for (j, r) in redundancy.iter_mut().enumerate() {
                if !done[j] && j != i {
                    *r = r.max(cosine(matrix, i, j));
                }
            }
        }
    }
    for c in &mut chosen {
        c.duplicates = (0..n)
            .filter(|&j| {
                j != c.sentence && jaccard(matrix, c.sentence, j) >= selection.duplicate_threshold
            })
            .collect();
    }
    chosen
}

/// Cosine of the TF-IDF vectors of sentences `a` and `b`.
pub fn cosine(m: &TermMatrix, a: usize, b: usize) -> f64 {
    let d = m.norm(a) as f64 * m.norm(b) as f64;
    if d == 0.0 {
        return 0.0;
    }
    let mut dot = 0f64;
    merge(m.terms(a), m.terms(b), |x, y| dot += m.weights(a)[x] as f64 * m.weights(b)[y] as f64);
    dot / d
}

/// Whether `a` and `b` share more than `threshold` of the shorter one's distinct terms.
pub fn is_redundant(m: &TermMatrix, a: usize, b: usize, threshold: f64) -> bool {
    let shorter = m.terms(a).len().min(m.terms(b).len());
    shorter > 0 && shared(m, a, b) as f64 > threshold * shorter as f64
}

/// Jaccard similarity of the distinct terms of `a` and `b`.
pub fn jaccard(m: &TermMatrix, a: usize, b: usize) -> f64 {
    let shared = shared(m, a, b);
    let union = m.terms(a).len() + m.terms(b).len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

fn shared(m: &TermMatrix, a: usize, b: usize) -> usize {
    let mut n = 0;
    merge(m.terms(a), m.terms(b), |_, _| n += 1);
    n
}

/// Calls `f(i, j)` for each position pair where two sorted lists hold the same term.
fn merge<T: Ord>(a: &[T], b: &[T], mut f: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix() -> TermMatrix {
        TermMatrix::new(&[vec![0, 1, 2], vec![0, 1, 2, 3], vec![4, 5], vec![6]], 7)
    }

    #[test]
    fn sentence_budget_takes_top_scores_ties_by_position() {
        let sel = Selection { budget: Budget::Sentences(2), ..Selection::default() };
        let got = select(
            &sel,
            &[0.5, 0.1, 0.5, 0.9],
            &[5, 5, 5, 5],
            &TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3]], 4),
        );
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [3, 0]);
        assert_eq!(got[1].rank, 2);
    }

    #[test]
    fn near_duplicates_are_skipped_and_reported() {
        let sel = Selection { budget: Budget::Sentences(2), ..Selection::default() };
        let got = select(&sel, &[0.8, 0.9, 0.5, 0.1], &[3, 4, 2, 1], &matrix());
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(got[0].duplicates, [0]);
    }

    #[test]
    fn word_budget_skips_to_shorter_sentences_and_never_overflows() {
        let sel = Selection { budget: Budget::Words(10), ..Selection::default() };
        let m = TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3]], 4);
        let got = select(&sel, &[0.9, 0.8, 0.7, 0.6], &[6, 6, 3, 1], &m);
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [0, 2, 3]);
        let trunc = Selection { truncate: true, ..sel };
        let got = select(&trunc, &[0.9, 0.8, 0.7, 0.6], &[6, 6, 3, 1], &m);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].words_kept, Some(4));
    }

    #[test]
    fn mmr_prefers_a_new_topic_over_a_close_paraphrase() {
        // s1 repeats most of s0 without being a near-duplicate at threshold 0.9.
        let m = TermMatrix::new(&[vec![0, 1, 2, 3], vec![0, 1, 2, 4], vec![5, 6, 7]], 8);
        let base = Selection {
            budget: Budget::Sentences(2),
            redundancy_threshold: 0.9,
            ..Selection::default()
        };
        let plain = select(&base, &[1.0, 0.9, 0.5], &[4, 4, 3], &m);
        assert_eq!(plain[1].sentence, 1);
        let mmr = Selection { diversity: 0.5, ..base };
        let diverse = select(&mmr, &[1.0, 0.9, 0.5], &[4, 4, 3], &m);
        assert_eq!(diverse[1].sentence, 2);
    }
}
