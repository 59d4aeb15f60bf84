use super::{RankInput, Ranker};
use crate::analyze::TermId;

/// Luhn's method (H. P. Luhn, "The Automatic Creation of Literature
/// Abstracts", IBM Journal of Research and Development 2(2), 1958).
///
/// *Significant words* are the content terms used most often in scope: the
/// [`SIGNIFICANT_SHARE`](Luhn::SIGNIFICANT_SHARE) most frequent distinct
/// terms (ties at the cut included), but only terms used at least twice.
/// Stop words never count: the analyzer has removed them, which plays the role
/// of Luhn's upper frequency cut-off. In a sentence, significant words closer
/// than [`MAX_GAP`](Luhn::MAX_GAP) + 1 positions form a cluster; a cluster
/// holding `k` significant words over a span of `s` words scores `k² / s`, and a
/// sentence scores the best of its clusters (0 without significant words).
///
/// Positions count content words (term ids in text order, from
/// [`RankInput::sequences`]), so the gap of four insignificant words skips
/// stop words, which makes clusters a little looser than Luhn's. When a
/// sentence's sequence is missing, its content words are taken as one cluster.
///
/// # Complexity
/// O(tokens + terms · log terms).
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, Luhn, Position, RankInput, Ranker};
/// use salient::vectorize::TermMatrix;
///
/// // Term 0 is used most (4 times of 13), the one significant term of nine.
/// let sequences = vec![vec![0, 1, 2, 3, 4, 5, 0], vec![0, 7, 0], vec![8, 1]];
/// let m = TermMatrix::new(&sequences, 9);
/// let positions: Vec<Position> =
///     (0..3).map(|index| Position { article: 0, index, of: 3 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &sequences,
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
///     graphs: None,
/// };
/// // s0: five words apart, two clusters of one → 1; s1: two in a span of 3 → 4/3;
/// // s2: none → 0.
/// let x = Luhn.rank(&input);
/// assert_eq!(format!("{:.3} {:.3} {:.3}", x[0], x[1], x[2]), "1.000 1.333 0.000");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Luhn;

impl Luhn {
    /// Share of the distinct terms in scope, most frequent first, that are significant.
    pub const SIGNIFICANT_SHARE: f64 = 0.1;
    /// Most insignificant words allowed between two significant words of a cluster.
    pub const MAX_GAP: usize = 4;
}

impl Ranker for Luhn {
    fn reads_sequences(&self) -> bool {
        true
    }

    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let m = input.matrix;
        let significant = significant_terms(input);
        input.parallelism.map_range(m.n_sentences(), |i| match input.sequences.get(i) {
            Some(seq) => best_cluster(seq, &significant),
            None => {
                let k = m.terms(i).iter().filter(|&&t| significant[t as usize]).count() as f64;
                let len = m.length(i) as f64;
                if len > 0.0 { k * k / len } else { 0.0 }
            }
        })
    }
}

/// Marks the significant terms: the most frequent [`Luhn::SIGNIFICANT_SHARE`]
/// of the terms used in scope, ties at the cut included, each used at least twice.
fn significant_terms(input: &RankInput<'_>) -> Vec<bool> {
    let m = input.matrix;
    let mut total = vec![0f64; m.n_terms()];
    for i in 0..m.n_sentences() {
        for (&t, &c) in m.terms(i).iter().zip(m.counts(i)) {
            total[t as usize] += c as f64;
        }
    }
    let mut counts: Vec<f64> = total.iter().copied().filter(|&c| c > 0.0).collect();
    let mut significant = vec![false; m.n_terms()];
    if counts.is_empty() {
        return significant;
    }
    counts.sort_unstable_by(|a, b| b.total_cmp(a));
    let keep = ((counts.len() as f64 * Luhn::SIGNIFICANT_SHARE).ceil() as usize).max(1);
    let cut = counts[keep.min(counts.len()) - 1].max(2.0);
    for (s, &c) in significant.iter_mut().zip(&total) {
        *s = c >= cut;
    }
    significant
}

/// The best `k² / span` over the clusters of significant words in `seq`.
fn best_cluster(seq: &[TermId], significant: &[bool]) -> f64 {
    let mut best = 0.0f64;
    // (position of the cluster's first significant word, of its last, count)
    let mut cluster: Option<(usize, usize, usize)> = None;
    for (p, &t) in seq.iter().enumerate() {
        if !significant.get(t as usize).copied().unwrap_or(false) {
            continue;
        }
        cluster = match cluster {
            Some((first, last, k)) if p - last - 1 <= Luhn::MAX_GAP => Some((first, p, k + 1)),
            done => {
                if let Some(c) = done {
                    best = best.max(value(c));
                }
                Some((p, p, 1))
            }
        };
    }
    if let Some(c) = cluster {
        best = best.max(value(c));
    }
    best
}

fn value((first, last, k): (usize, usize, usize)) -> f64 {
    (k * k) as f64 / (last - first + 1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_break_after_four_insignificant_words() {
        let sig = [true, false];
        // 0 _ _ _ _ 0: gap of four, one cluster of two over six words.
        assert!((best_cluster(&[0, 1, 1, 1, 1, 0], &sig) - 4.0 / 6.0).abs() < 1e-12);
        // 0 _ _ _ _ _ 0: gap of five, two clusters of one.
        assert_eq!(best_cluster(&[0, 1, 1, 1, 1, 1, 0], &sig), 1.0);
        assert_eq!(best_cluster(&[1, 1], &sig), 0.0);
        assert_eq!(best_cluster(&[], &sig), 0.0);
        // Unknown ids are insignificant, never a panic.
        assert_eq!(best_cluster(&[9, 0, 0], &sig), 2.0);
    }
}
