use super::{PageRank, RankInput, Ranker, pagerank};
use crate::parallel::Parallelism;
use crate::similarity::{Graph, Measure};

/// LexRank (Erkan & Radev, "LexRank: Graph-based Lexical Centrality as
/// Salience in Text Summarization", JAIR 22, 2004).
///
/// Sentences are nodes and edges weigh the idf-modified cosine of two
/// sentences, which is the cosine of their TF-IDF vectors
/// ([`Measure::Cosine`]). By default this is *continuous* LexRank: weighted
/// PageRank ([`pagerank`]) over the cosine weights. With a `threshold`, two
/// sentences are linked with weight 1 when their cosine is at least the
/// threshold and not at all otherwise (the paper's thresholded LexRank; it
/// reports 0.1 as the best threshold), and PageRank runs on that graph.
///
/// Above the dense limit the graph is the pruned sparse graph, so only each
/// sentence's strongest neighbours can pass the threshold.
///
/// # Complexity
/// Graph O(n² + Σ df²) dense, or pruned sparse above the dense limit; ranking
/// O(iterations · edges).
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, LexRank, Position, RankInput, Ranker};
/// use salient::vectorize::TermMatrix;
///
/// // Sentence 1 shares a term with both others; 0 and 2 share nothing.
/// let m = TermMatrix::new(&[vec![0, 1], vec![1, 2], vec![2, 3]], 4);
/// let positions: Vec<Position> =
///     (0..3).map(|index| Position { article: 0, index, of: 3 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &[],
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
/// };
/// let x = LexRank::default().rank(&input);
/// assert_eq!(format!("{:.4} {:.4} {:.4}", x[0], x[1], x[2]), "0.2568 0.4865 0.2568");
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct LexRank {
    /// Power-iteration settings.
    pub pagerank: PageRank,
    /// `None`: continuous LexRank; `Some(t)`: unit edges where cosine ≥ `t`.
    pub threshold: Option<f64>,
}

impl Ranker for LexRank {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let g = Graph::build(
            input.matrix,
            Measure::Cosine,
            input.graph.dense_limit,
            &input.graph.sparse,
            input.parallelism,
        );
        let Some(t) = self.threshold else {
            return pagerank(&g, &self.pagerank, input.parallelism);
        };
        let linked = |w: f32| if w as f64 >= t { 1.0 } else { 0.0 };
        match g {
            Graph::Dense(mut a) => {
                a.mapv_inplace(linked);
                pagerank(&Graph::Dense(a), &self.pagerank, input.parallelism)
            }
            Graph::Sparse(s) => {
                let g = Graph::Sparse(s);
                let adjacency: Vec<Vec<u32>> = input.parallelism.map_range(g.len(), |i| {
                    let mut out = Vec::new();
                    g.for_each_neighbor(i, |j, w| {
                        if linked(w) > 0.0 {
                            out.push(j as u32);
                        }
                    });
                    out
                });
                unit_pagerank(&adjacency, &self.pagerank, input.parallelism)
            }
        }
    }
}

/// [`pagerank`] over unit-weight edges given as neighbour lists (ascending),
/// for a sparse graph whose weights can't be rewritten in place.
fn unit_pagerank(
    adjacency: &[Vec<u32>],
    settings: &PageRank,
    parallelism: Parallelism,
) -> Vec<f64> {
    let n = adjacency.len();
    if n == 0 {
        return Vec::new();
    }
    let d = settings.damping;
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..settings.max_iterations {
        let spread: Vec<f64> = x
            .iter()
            .zip(adjacency)
            .map(|(&xj, a)| if a.is_empty() { 0.0 } else { xj / a.len() as f64 })
            .collect();
        let dangling: f64 =
            x.iter().zip(adjacency).filter(|(_, a)| a.is_empty()).map(|(xj, _)| xj).sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        let next: Vec<f64> = parallelism.map_range(n, |i| {
            base + d * adjacency[i].iter().map(|&j| spread[j as usize]).sum::<f64>()
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
    use crate::rank::{GraphOptions, Position};
    use crate::similarity::SparseOptions;
    use crate::vectorize::TermMatrix;

    fn rank(m: &TermMatrix, threshold: Option<f64>, dense_limit: usize) -> Vec<f64> {
        let positions: Vec<Position> = (0..m.n_sentences())
            .map(|index| Position { article: 0, index, of: m.n_sentences() })
            .collect();
        let graph = GraphOptions {
            dense_limit,
            sparse: SparseOptions { top_k: 100, ..SparseOptions::default() },
        };
        let input = RankInput {
            matrix: m,
            positions: &positions,
            sequences: &[],
            graph: &graph,
            parallelism: Parallelism::Serial,
        };
        LexRank { pagerank: PageRank::default(), threshold }.rank(&input)
    }

    #[test]
    fn threshold_makes_edges_unit_and_drops_weak_ones() {
        // s0–s1 share one of several terms (weak), s1–s2 are near copies.
        let m = TermMatrix::new(&[vec![0, 1, 2, 3, 4], vec![4, 5, 6], vec![5, 6], vec![7, 8]], 9);
        let dense = rank(&m, Some(0.5), 100);
        // Only s1–s2 survive: a symmetric pair, the rest isolated.
        assert!((dense[1] - dense[2]).abs() < 1e-12);
        assert!((dense[0] - dense[3]).abs() < 1e-12);
        assert!(dense[1] > dense[0]);
        let sparse = rank(&m, Some(0.5), 0);
        for (a, b) in dense.iter().zip(&sparse) {
            assert!((a - b).abs() < 1e-12, "{dense:?} {sparse:?}");
        }
        // Continuous LexRank still sees the weak s0–s1 edge.
        let continuous = rank(&m, None, 100);
        assert!(continuous[0] > continuous[3]);
    }
}
