use std::collections::BTreeMap;

use super::{RankInput, Ranker};
use crate::select::cosine;

/// MEAD's centroid-based scoring (Radev, Jing, Styś & Tam, "Centroid-based
/// summarization of multiple documents", Information Processing & Management
/// 40(6), 2004).
///
/// The centroid is the mean TF-IDF vector of the sentences in scope, with the
/// terms below [`CUTOFF`](Centroid::CUTOFF) of its largest value set to zero.
/// A sentence scores `C_i + P_i + F_i`, MEAD's three features with weight 1
/// each:
/// - centroid value `C_i`: the sum of the centroid values of its words (tokens);
/// - position value `P_i = (m − index) / m · C_max`, where the sentence is at
///   `index` (from 0) among the `m` sentences of its article and `C_max` is the
///   largest `C` in that article, so the first sentence gets `C_max`;
/// - first-sentence overlap `F_i = cos(S_i, S_first) · C_max`: the TF-IDF
///   cosine with the first sentence of its article, put on the same scale
///   (the first sentence itself gets `C_max`).
///
/// At corpus scope the centroid covers every article while `P` and `F` look
/// at the sentence's own article.
///
/// # Complexity
/// O(non-zeros + n · terms per sentence).
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{Centroid, GraphOptions, Position, RankInput, Ranker};
/// use salient::vectorize::TermMatrix;
///
/// let m = TermMatrix::new(&[vec![0, 1], vec![2], vec![0, 1, 1]], 3);
/// let positions: Vec<Position> =
///     (0..3).map(|index| Position { article: 0, index, of: 3 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &[],
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
///     graphs: None,
/// };
/// // s0 leads; s2 has the most centroid weight and overlaps s0; s1 shares nothing.
/// let x = Centroid.rank(&input);
/// assert_eq!(format!("{:.3} {:.3} {:.3}", x[0], x[1], x[2]), "9.014 2.854 7.836");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Centroid;

impl Centroid {
    /// Centroid values below this share of the largest one are set to zero.
    pub const CUTOFF: f64 = 0.1;
}

impl Ranker for Centroid {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let m = input.matrix;
        let n = m.n_sentences();
        let mut centroid = vec![0f64; m.n_terms()];
        for i in 0..n {
            for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
                centroid[t as usize] += w as f64;
            }
        }
        let top = centroid.iter().copied().fold(0.0, f64::max);
        for c in &mut centroid {
            *c = if *c >= Self::CUTOFF * top { *c / n as f64 } else { 0.0 };
        }
        let value: Vec<f64> = input.parallelism.map_range(n, |i| {
            m.terms(i).iter().zip(m.counts(i)).map(|(&t, &c)| c as f64 * centroid[t as usize]).sum()
        });
        // Per article: the largest centroid value and the row of its first sentence.
        let mut articles: BTreeMap<usize, (f64, Option<usize>)> = BTreeMap::new();
        for (i, &v) in value.iter().enumerate() {
            let Some(p) = input.positions.get(i) else {
                continue;
            };
            let entry = articles.entry(p.article).or_insert((0.0, None));
            entry.0 = entry.0.max(v);
            if p.index == 0 && entry.1.is_none() {
                entry.1 = Some(i);
            }
        }
        input.parallelism.map_range(n, |i| {
            let Some(p) = input.positions.get(i) else {
                return value[i];
            };
            let (c_max, first) = articles.get(&p.article).copied().unwrap_or((0.0, None));
            let position = if p.of > 0 {
                p.of.saturating_sub(p.index) as f64 / p.of as f64 * c_max
            } else {
                0.0
            };
            let overlap = first.map_or(0.0, |f| cosine(m, i, f) * c_max);
            value[i] + position + overlap
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Parallelism;
    use crate::rank::{GraphOptions, Position};
    use crate::vectorize::TermMatrix;

    #[test]
    fn position_and_overlap_are_per_article() {
        // Two articles of two sentences; both second sentences equal their first.
        let m = TermMatrix::new(&[vec![0, 1], vec![0, 1], vec![2, 3], vec![2, 3]], 4);
        let positions: Vec<Position> =
            (0..4).map(|i| Position { article: i / 2, index: i % 2, of: 2 }).collect();
        let input = RankInput {
            matrix: &m,
            positions: &positions,
            sequences: &[],
            graph: &GraphOptions::default(),
            parallelism: Parallelism::Serial,
            graphs: None,
        };
        let x = Centroid.rank(&input);
        // C is the same for all four; P = C_max for a first sentence, C_max / 2
        // for a second; F = C_max for both (cosine 1 with the first).
        let c = x[0] / 3.0;
        assert!((x[1] - 2.5 * c).abs() < 1e-6, "{x:?}");
        assert!((x[2] - x[0]).abs() < 1e-9 && (x[3] - x[1]).abs() < 1e-9, "{x:?}");
    }
}
