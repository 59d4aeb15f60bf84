use super::{RankInput, Ranker};

/// Centrality by TF-IDF: the cosine between a sentence's TF-IDF vector and
/// the centroid (sum) of all TF-IDF vectors in scope.
///
/// A sentence scores high when it uses the terms that are frequent across the
/// scope, weighted by how specific they are (Salton & Buckley 1988 term
/// weighting; the centroid idea as in Radev et al. 2004).
///
/// # Complexity
/// O(non-zeros).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TfIdf;

impl Ranker for TfIdf {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let m = input.matrix;
        let mut centroid = vec![0f64; m.n_terms()];
        for i in 0..m.n_sentences() {
            for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
                centroid[t as usize] += w as f64;
            }
        }
        let norm = centroid.iter().map(|c| c * c).sum::<f64>().sqrt();
        input.parallelism.map_range(m.n_sentences(), |i| {
            let d = m.norm(i) as f64 * norm;
            if d == 0.0 {
                return 0.0;
            }
            let dot: f64 = m
                .terms(i)
                .iter()
                .zip(m.weights(i))
                .map(|(&t, &w)| w as f64 * centroid[t as usize])
                .sum();
            dot / d
        })
    }
}
