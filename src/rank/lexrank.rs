use super::{PageRank, RankInput, Ranker, pagerank};
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
/// Graph: the dense matrix ([`dense`](crate::similarity::dense)) up to the
/// dense limit, O(n² · t) for t shared terms per block of rows; pruned sparse
/// above. Ranking O(iterations · n²) dense, O(iterations · edges) sparse.
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
///     graphs: None,
/// };
/// let x = LexRank::default().rank(&input);
/// assert_eq!(format!("{:.4} {:.4} {:.4}", x[0], x[1], x[2]), "0.2568 0.4865 0.2568");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LexRank {
    /// Power-iteration settings.
    pub pagerank: PageRank,
    /// `None`: continuous LexRank; `Some(t)`: unit edges where cosine ≥ `t`.
    pub threshold: Option<f64>,
}

impl Ranker for LexRank {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let g = input.similarity_graph(Measure::Cosine);
        let Some(t) = self.threshold else {
            return pagerank(&g, &self.pagerank, input.parallelism);
        };
        let linked = |w: f32| if w as f64 >= t { 1.0 } else { 0.0 };
        let unit = match &*g {
            Graph::Dense(a) => Graph::Dense(a.mapv(linked)),
            Graph::Sparse(s) => Graph::Sparse(s.map_weights(linked)),
        };
        pagerank(&unit, &self.pagerank, input.parallelism)
    }

    fn validate(&self) -> crate::Result<()> {
        if let Some(t) = self.threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(crate::Error::InvalidParameter {
                method: "lexrank",
                parameter: "threshold".into(),
                reason: "must be in [0, 1]".into(),
            });
        }
        self.pagerank.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parallel::Parallelism;
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
            graphs: None,
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
