use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::parallel::Parallelism;
use crate::similarity::Graph;

/// Settings of weighted PageRank by power iteration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageRank {
    /// Damping factor.
    pub damping: f64,
    /// Stop when the L1 change of the scores falls below this.
    pub tolerance: f64,
    /// Stop after this many iterations at the latest.
    pub max_iterations: usize,
}

impl PageRank {
    /// Checks the settings: damping in [0, 1), a positive tolerance, at
    /// least one iteration.
    pub fn validate(&self) -> Result<()> {
        let bad = |parameter: &str, reason: &str| {
            Err(Error::InvalidParameter {
                method: "pagerank",
                parameter: parameter.to_owned(),
                reason: reason.to_owned(),
            })
        };
        if !(0.0..1.0).contains(&self.damping) {
            return bad("damping", "must be in [0, 1)");
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return bad("tolerance", "must be a positive number");
        }
        if self.max_iterations == 0 {
            return bad("max_iterations", "must be at least 1");
        }
        Ok(())
    }
}

impl Default for PageRank {
    fn default() -> Self {
        PageRank { damping: 0.85, tolerance: 1e-6, max_iterations: 100 }
    }
}

/// Weighted PageRank (Brin & Page 1998) over a symmetric similarity graph.
///
/// `x_i = (1 - d)/n + d · (Σ_j w_ij / out_j · x_j + dangling/n)`, where
/// `out_j` is the total edge weight of `j` and `dangling` the score mass of
/// nodes without edges, which is spread evenly so scores keep summing to 1.
/// An isolated sentence thus gets a small, well-defined score, never NaN.
///
/// On a pruned graph, the similarity its pruned edges held (each node's
/// [`Graph::background`] `b_j`) stays part of `out_j` and flows as a rank-one
/// stand-in for those edges: `b_i · Σ_j b_j / out_j · x_j / Σ_j b_j` is added
/// to the neighbour sum, so each node keeps its exact total similarity.
///
/// # Complexity
/// O(iterations · edges); each iteration is parallel over nodes and sums each
/// node's neighbours in ascending order, so thread count doesn't change results.
///
/// # Example
/// ```
/// use ndarray::array;
/// use salient::parallel::Parallelism;
/// use salient::rank::{pagerank, PageRank};
/// use salient::similarity::Graph;
///
/// // A path a — b — c: b links to both ends.
/// let g = Graph::Dense(array![[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]);
/// let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
/// assert_eq!(format!("{:.4} {:.4} {:.4}", x[0], x[1], x[2]), "0.2568 0.4865 0.2568");
/// ```
pub fn pagerank(graph: &Graph, settings: &PageRank, parallelism: Parallelism) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let background: Vec<f64> = (0..n).map(|i| graph.background(i)).collect();
    let total_background: f64 = background.iter().sum();
    let out: Vec<f64> = parallelism.map_range(n, |j| {
        let mut s = 0.0;
        graph.for_each_neighbor(j, |_, w| s += w as f64);
        s + background[j]
    });
    let d = settings.damping;
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..settings.max_iterations {
        let spread: Vec<f64> =
            x.iter().zip(&out).map(|(&xj, &o)| if o > 0.0 { xj / o } else { 0.0 }).collect();
        let dangling: f64 = x.iter().zip(&out).filter(|(_, o)| **o == 0.0).map(|(xj, _)| xj).sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        // What flows through the pruned edges, shared in proportion to background.
        let pool = if total_background > 0.0 {
            background.iter().zip(&spread).map(|(b, s)| b * s).sum::<f64>() / total_background
        } else {
            0.0
        };
        let next: Vec<f64> = parallelism.map_range(n, |i| {
            let mut s = 0.0;
            graph.for_each_neighbor(i, |j, w| s += w as f64 * spread[j]);
            base + d * (s + background[i] * pool)
        });
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if change < settings.tolerance {
            break;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn hand_computed_path_graph() {
        // Solved by hand: a = 0.05 + 0.425 b, b = 0.05 + 1.7 a
        // → a = 0.07125 / 0.2775, b = 0.05 + 1.7 a.
        let g = Graph::Dense(array![[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
        let a = 0.07125 / 0.2775;
        assert!((x[0] - a).abs() < 1e-5 && (x[2] - a).abs() < 1e-5);
        assert!((x[1] - (0.05 + 1.7 * a)).abs() < 1e-5);
    }

    #[test]
    fn isolated_nodes_keep_a_small_score() {
        let g = Graph::Dense(array![[0.0, 2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Parallel);
        assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // x2 = 0.05 + 0.85 · x2 / 3: its own mass comes back spread evenly.
        assert!((x[2] - 0.05 / (1.0 - 0.85 / 3.0)).abs() < 1e-5, "{x:?}");
        assert!((x[0] - x[1]).abs() < 1e-12);
    }

    #[test]
    fn background_keeps_a_pruned_graph_ranking_like_the_full_one() {
        use crate::similarity::{Measure, SparseGraph, SparseOptions, dense};
        use crate::vectorize::TermMatrix;
        let rows: Vec<Vec<u32>> =
            (0..300u32).map(|i| vec![i % 3, 3 + i % 11, 14 + i % 37, 51 + (i * 7) % 60]).collect();
        let m = TermMatrix::new(&rows, 111);
        let full = pagerank(
            &Graph::Dense(dense(&m, Measure::Overlap, Parallelism::Serial)),
            &PageRank::default(),
            Parallelism::Serial,
        );
        let options =
            SparseOptions { top_k: 2, pairs_per_sentence: 20, ..SparseOptions::default() };
        let pruned =
            Graph::Sparse(SparseGraph::build(&m, Measure::Overlap, &options, Parallelism::Serial));
        let x = pagerank(&pruned, &PageRank::default(), Parallelism::Parallel);
        assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let l1: f64 = x.iter().zip(&full).map(|(a, b)| (a - b).abs()).sum();
        assert!(l1 < 0.05, "{l1}");
    }

    #[test]
    fn self_loops_are_ignored() {
        let g = Graph::Dense(array![[5.0, 1.0], [1.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
        assert!((x[0] - 0.5).abs() < 1e-9 && (x[1] - 0.5).abs() < 1e-9);
    }
}
