use serde::{Deserialize, Serialize};

use super::Measure;
use crate::parallel::Parallelism;
use crate::vectorize::TermMatrix;

/// Pruning of the sparse similarity graph.
///
/// A dense matrix needs 4·n² bytes (40 GB at 100,000 sentences), so large
/// corpora use a graph that keeps, for each sentence, only its `top_k` most
/// similar sentences above `min_similarity`, made symmetric by union. Terms in
/// more than `max_df` sentences are skipped when looking for neighbours
/// (they would make the search quadratic and carry little information), but
/// still count in the similarity of pairs found through other terms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SparseOptions {
    /// Neighbours kept per sentence.
    pub top_k: usize,
    /// Similarities below this are dropped.
    pub min_similarity: f32,
    /// Terms in more sentences than this are not used to find neighbours.
    pub max_df: usize,
}

impl Default for SparseOptions {
    fn default() -> Self {
        SparseOptions { top_k: 20, min_similarity: 0.0, max_df: 5_000 }
    }
}

/// A symmetric similarity graph in compressed sparse row form.
#[derive(Debug, Clone, Default)]
pub struct SparseGraph {
    indptr: Vec<usize>,
    cols: Vec<u32>,
    weights: Vec<f32>,
}

const BLOCK: usize = 256;

impl SparseGraph {
    /// Builds the pruned graph of `m` under `measure`.
    pub fn build(
        m: &TermMatrix,
        measure: Measure,
        options: &SparseOptions,
        parallelism: Parallelism,
    ) -> Self {
        let n = m.n_sentences();
        let postings = m.postings();
        let df = m.df();
        let blocks = n.div_ceil(BLOCK);
        // Each block of rows gets its own accumulator, so threads share nothing.
        let edges: Vec<Vec<(u32, u32, f32)>> = parallelism.map_range(blocks, |b| {
            let mut acc = vec![0f32; n];
            let mut touched: Vec<u32> = Vec::new();
            let mut best: Vec<(f32, u32)> = Vec::new();
            let mut out = Vec::new();
            for i in b * BLOCK..((b + 1) * BLOCK).min(n) {
                let start = m.row_range(i).start;
                for (k, &t) in m.terms(i).iter().enumerate() {
                    if df[t as usize] as usize > options.max_df {
                        continue;
                    }
                    let (rows, entries) = postings.of(t);
                    for (&j, &ej) in rows.iter().zip(entries) {
                        if j as usize == i {
                            continue;
                        }
                        if acc[j as usize] == 0.0 {
                            touched.push(j);
                        }
                        acc[j as usize] += measure.contribution(m, start + k, ej);
                    }
                }
                best.clear();
                for &j in &touched {
                    let j_us = j as usize;
                    // Add back what skipped frequent terms contribute to this pair.
                    let extra = frequent_overlap(m, measure, i, j_us, options.max_df);
                    let s = measure.finish(m, acc[j_us] + extra, i, j_us);
                    acc[j_us] = 0.0;
                    if s > options.min_similarity {
                        best.push((s, j));
                    }
                }
                touched.clear();
                // Highest similarity first; ties by lower index, for determinism.
                best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                best.truncate(options.top_k);
                out.extend(best.iter().map(|&(s, j)| (i as u32, j, s)));
            }
            out
        });
        Self::symmetric(n, edges.into_iter().flatten())
    }

    fn symmetric(n: usize, edges: impl Iterator<Item = (u32, u32, f32)>) -> Self {
        let mut all: Vec<(u32, u32, f32)> = Vec::new();
        for (i, j, w) in edges {
            all.push((i, j, w));
            all.push((j, i, w));
        }
        all.sort_unstable_by_key(|e| (e.0, e.1));
        all.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        let mut indptr = vec![0usize; n + 1];
        for &(i, _, _) in &all {
            indptr[i as usize + 1] += 1;
        }
        for k in 0..n {
            indptr[k + 1] += indptr[k];
        }
        SparseGraph {
            indptr,
            cols: all.iter().map(|e| e.1).collect(),
            weights: all.iter().map(|e| e.2).collect(),
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored (directed) edges.
    pub fn edge_count(&self) -> usize {
        self.cols.len()
    }

    /// Neighbours of `i` (ascending) and their weights.
    pub fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let r = self.indptr[i]..self.indptr[i + 1];
        (&self.cols[r.clone()], &self.weights[r])
    }
}

/// The part of the accumulated value that terms above `max_df` contribute to
/// the pair (i, j): a merge of the two sorted term lists.
fn frequent_overlap(m: &TermMatrix, measure: Measure, i: usize, j: usize, max_df: usize) -> f32 {
    let df = m.df();
    let (ti, tj) = (m.terms(i), m.terms(j));
    let (si, sj) = (m.row_range(i).start, m.row_range(j).start);
    let (mut a, mut b, mut sum) = (0, 0, 0.0);
    while a < ti.len() && b < tj.len() {
        match ti[a].cmp(&tj[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                if df[ti[a] as usize] as usize > max_df {
                    sum += measure.contribution(m, si + a, sj + b);
                }
                a += 1;
                b += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::dense;

    #[test]
    fn unpruned_sparse_equals_dense_off_diagonal() {
        let m = TermMatrix::new(&[vec![0, 1], vec![0, 2], vec![3], vec![0, 1, 2, 3], vec![2]], 4);
        let opts = SparseOptions { top_k: 10, min_similarity: 0.0, max_df: 10 };
        let g = SparseGraph::build(&m, Measure::Cosine, &opts, Parallelism::Serial);
        let d = dense(&m, Measure::Cosine, Parallelism::Serial);
        assert_rows(&g, |i, j| if i == j { 0.0 } else { d[[i, j]] });
        // With term 0 (df 3) too frequent, s0–s1 (sharing only it) is not found,
        // but s0–s3 (found through term 1) keeps term 0's share of the cosine.
        let capped = SparseOptions { max_df: 2, ..opts };
        let g = SparseGraph::build(&m, Measure::Cosine, &capped, Parallelism::Serial);
        let (cols, _) = g.row(0);
        assert!(!cols.contains(&1));
        assert_rows(
            &g,
            |i, j| {
                if (i, j) == (0, 3) || (i, j) == (3, 0) { d[[i, j]] } else { f32::NAN }
            },
        );
    }

    /// Checks every stored or expected entry; NaN in `want` means "don't care".
    fn assert_rows(g: &SparseGraph, want: impl Fn(usize, usize) -> f32) {
        for i in 0..g.len() {
            let (cols, ws) = g.row(i);
            for j in 0..g.len() {
                let got = cols.iter().position(|&c| c as usize == j).map_or(0.0, |k| ws[k]);
                let want = want(i, j);
                assert!(want.is_nan() || (got - want).abs() < 1e-6, "({i},{j}) {got} vs {want}");
            }
        }
    }

    #[test]
    fn keeps_top_k_and_stays_symmetric() {
        let m = TermMatrix::new(&[vec![0], vec![0], vec![0], vec![0, 1]], 2);
        let opts = SparseOptions { top_k: 1, ..SparseOptions::default() };
        let g = SparseGraph::build(&m, Measure::Cosine, &opts, Parallelism::Parallel);
        for i in 0..4 {
            let (cols, ws) = g.row(i);
            for (&j, &w) in cols.iter().zip(ws) {
                let (back, bw) = g.row(j as usize);
                let k = back.iter().position(|&c| c as usize == i).expect("symmetric");
                assert_eq!(bw[k], w);
            }
        }
        assert!(g.edge_count() <= 2 * 4);
    }
}
