//! Sentence-by-sentence similarity, in the form its size calls for.
//!
//! Up to the dense limit ([`Graph::build`]) the full matrix, an
//! `ndarray::Array2<f32>` ([`dense`]): sentences as dense rows over their
//! shared terms, multiplied block by block (`X · Xᵀ`), blocks of a fixed 64
//! rows, in parallel for larger inputs. Above, a pruned graph
//! ([`SparseGraph`]) built row by row from the inverted index of the
//! [`TermMatrix`]: row `i` accumulates, for each term of sentence `i`, the
//! sentences sharing it, at a cost of the sum of squared document frequencies
//! rather than n², summed in a fixed (term id) order. Neither depends on the
//! number of threads.

mod dense;
mod sparse;

pub use dense::dense;
pub use sparse::{SparseGraph, SparseOptions};

use ndarray::Array2;
use serde::{Deserialize, Serialize};

use crate::parallel::Parallelism;
use crate::vectorize::TermMatrix;

/// Which similarity to compute between two sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    /// Cosine of TF-IDF vectors (LexRank's idf-modified cosine).
    Cosine,
    /// TextRank's overlap (Mihalcea & Tarau 2004): distinct shared terms
    /// divided by `ln|Si| + ln|Sj|`, lengths in content-word tokens.
    Overlap,
}

impl Measure {
    /// What [`finish_scaled`](Self::finish_scaled) needs of sentence `i`: its
    /// norm for the cosine, the log of its length for the overlap.
    #[inline]
    pub(crate) fn scale(self, m: &TermMatrix, i: usize) -> f32 {
        match self {
            Measure::Cosine => m.norm(i),
            Measure::Overlap => m.length(i).ln(),
        }
    }

    /// Turns an accumulated row value (dot product or shared-term count)
    /// between two sentences into their similarity, from their
    /// [`scale`](Self::scale)s.
    #[inline]
    pub(crate) fn finish_scaled(self, acc: f32, si: f32, sj: f32) -> f32 {
        match self {
            Measure::Cosine => {
                let d = si * sj;
                if d > 0.0 { (acc / d).min(1.0) } else { 0.0 }
            }
            Measure::Overlap => {
                let d = si + sj;
                if d > 0.0 { acc / d } else { 0.0 }
            }
        }
    }
}

/// A similarity graph, dense or sparse, as rankers consume it.
#[derive(Debug, Clone)]
pub enum Graph {
    /// Every pair, in an n×n matrix.
    Dense(Array2<f32>),
    /// Pruned neighbour lists.
    Sparse(SparseGraph),
}

impl Graph {
    /// Builds the graph for `m`: the full [`dense`] matrix up to
    /// `dense_limit` sentences, the pruned [`SparseGraph`] above.
    pub fn build(
        m: &TermMatrix,
        measure: Measure,
        dense_limit: usize,
        sparse: &SparseOptions,
        parallelism: Parallelism,
    ) -> Graph {
        if m.n_sentences() <= dense_limit {
            Graph::Dense(dense(m, measure, parallelism))
        } else {
            Graph::Sparse(SparseGraph::build(m, measure, sparse, parallelism))
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        match self {
            Graph::Dense(a) => a.nrows(),
            Graph::Sparse(s) => s.len(),
        }
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Similarity of node `i` to the nodes it has no stored edge to, summed
    /// (see [`SparseGraph::background`]); 0 when every edge is stored.
    #[inline]
    pub fn background(&self, i: usize) -> f64 {
        match self {
            Graph::Dense(_) => 0.0,
            Graph::Sparse(s) => s.background().get(i).copied().unwrap_or(0.0),
        }
    }

    /// Calls `f(j, w)` for each neighbour `j != i` with weight `w > 0`, ascending `j`.
    #[inline]
    pub fn for_each_neighbor(&self, i: usize, mut f: impl FnMut(usize, f32)) {
        match self {
            Graph::Dense(a) => {
                for (j, &w) in a.row(i).iter().enumerate() {
                    if j != i && w > 0.0 {
                        f(j, w);
                    }
                }
            }
            Graph::Sparse(s) => {
                let (cols, ws) = s.row(i);
                for (&j, &w) in cols.iter().zip(ws) {
                    if j as usize != i && w > 0.0 {
                        f(j as usize, w);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix() -> TermMatrix {
        // s0 = {a, b}, s1 = {a, c}, s2 = {d}, s3 = {a, b, c, d}
        TermMatrix::new(&[vec![0, 1], vec![0, 2], vec![3], vec![0, 1, 2, 3]], 4)
    }

    #[test]
    fn overlap_matches_textrank_formula() {
        let s = dense(&matrix(), Measure::Overlap, Parallelism::Serial);
        let ln2 = 2f32.ln();
        assert!((s[[0, 1]] - 1.0 / (ln2 + ln2)).abs() < 1e-6);
        assert!((s[[0, 3]] - 2.0 / (ln2 + 4f32.ln())).abs() < 1e-6);
        assert_eq!(s[[0, 2]], 0.0);
        // |s2| = 1 and |s3| = 4: ln 1 + ln 4 > 0.
        assert!((s[[2, 3]] - 1.0 / 4f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn cosine_is_symmetric_with_unit_diagonal() {
        let s = dense(&matrix(), Measure::Cosine, Parallelism::Serial);
        for i in 0..4 {
            assert!((s[[i, i]] - 1.0).abs() < 1e-5);
            for j in 0..4 {
                assert_eq!(s[[i, j]], s[[j, i]]);
            }
        }
        assert_eq!(s[[0, 2]], 0.0);
    }

    #[test]
    fn parallel_equals_serial() {
        let m = matrix();
        assert_eq!(
            dense(&m, Measure::Cosine, Parallelism::Serial),
            dense(&m, Measure::Cosine, Parallelism::Parallel)
        );
    }
}
