use super::{RankInput, Ranker};

/// The lead baseline: an article's first sentences score highest.
///
/// Score `1 / (1 + index)`, so across a corpus every article's first sentence
/// ties and ties break by article order. News puts its key facts first,
/// which makes this the baseline every news summarizer is measured against
/// (e.g. DUC's "Lead" baseline).
///
/// # Complexity
/// O(n).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lead;

impl Ranker for Lead {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        input.positions.iter().map(|p| 1.0 / (1.0 + p.index as f64)).collect()
    }
}
