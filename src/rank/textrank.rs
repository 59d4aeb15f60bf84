use super::{PageRank, RankInput, Ranker, pagerank};
use crate::similarity::Measure;

/// TextRank (Mihalcea & Tarau, "TextRank: Bringing Order into Texts", EMNLP 2004).
///
/// Sentences are nodes; edges weigh the shared content words of two sentences
/// normalised by `ln|Si| + ln|Sj|` ([`Measure::Overlap`]); scores are weighted
/// PageRank ([`pagerank`]).
///
/// # Complexity
/// Graph: the dense matrix ([`dense`](crate::similarity::dense)) up to the
/// dense limit, O(n² · t) for t shared terms per block of rows; pruned sparse
/// above. Ranking O(iterations · n²) dense, O(iterations · edges) sparse.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TextRank {
    /// Power-iteration settings.
    pub pagerank: PageRank,
}

impl Ranker for TextRank {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let g = input.similarity_graph(Measure::Overlap);
        pagerank(&g, &self.pagerank, input.parallelism)
    }

    fn validate(&self) -> crate::Result<()> {
        self.pagerank.validate()
    }
}
