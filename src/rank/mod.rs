//! Sentence rankers behind one trait, one file per method.
//!
//! A ranker sees the TF-IDF [`TermMatrix`] of the sentences in scope (one
//! article, or every sentence of a corpus) and where each sentence sits, and
//! returns one score per sentence: higher is better. Selection (budgets,
//! redundancy, ordering) is a later stage.

mod lead;
mod pagerank;
mod textrank;
mod tfidf;

pub use lead::Lead;
pub use pagerank::{PageRank, pagerank};
pub use textrank::TextRank;
pub use tfidf::TfIdf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::parallel::Parallelism;
use crate::similarity::SparseOptions;
use crate::vectorize::TermMatrix;

/// Where a sentence sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Index of its article in the scope.
    pub article: usize,
    /// 0-based index among the article's candidate sentences.
    pub index: usize,
    /// Number of candidate sentences in the article.
    pub of: usize,
}

/// How a similarity graph is stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphOptions {
    /// Up to this many sentences the graph is a dense matrix; above, sparse.
    pub dense_limit: usize,
    /// Pruning of the sparse graph.
    pub sparse: SparseOptions,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions { dense_limit: 5_000, sparse: SparseOptions::default() }
    }
}

/// Everything a ranker may look at.
#[derive(Debug, Clone, Copy)]
pub struct RankInput<'a> {
    /// TF-IDF vectors of the sentences in scope.
    pub matrix: &'a TermMatrix,
    /// Position of each sentence.
    pub positions: &'a [Position],
    /// Graph storage.
    pub graph: &'a GraphOptions,
    /// Serial or parallel.
    pub parallelism: Parallelism,
}

impl RankInput<'_> {
    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }
}

/// A sentence-ranking method.
pub trait Ranker: Send + Sync {
    /// One score per sentence of `input`, higher is better.
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64>;
}

/// The ranking methods, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Method {
    /// Cosine similarity to the TF-IDF centroid.
    Tfidf,
    /// TextRank (Mihalcea & Tarau 2004).
    Textrank,
    /// The first sentences of each article.
    Lead,
}

impl Method {
    /// Every method, in the order help texts list them.
    pub const ALL: &'static [Method] = &[Method::Textrank, Method::Tfidf, Method::Lead];

    /// The method's command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Tfidf => "tfidf",
            Method::Textrank => "textrank",
            Method::Lead => "lead",
        }
    }

    /// Parses a method name.
    pub fn parse(name: &str) -> Result<Self> {
        let name = name.trim().to_ascii_lowercase();
        Method::ALL.iter().copied().find(|m| m.name() == name).ok_or_else(|| {
            let known: Vec<_> = Method::ALL.iter().map(|m| m.name()).collect();
            Error::option(
                "--method",
                format!("unknown method '{name}' (known: {})", known.join(", ")),
            )
        })
    }

    /// The ranker for this method with `params`.
    pub fn ranker(self, params: &RankParams) -> Box<dyn Ranker> {
        match self {
            Method::Tfidf => Box::new(TfIdf),
            Method::Textrank => Box::new(TextRank { pagerank: params.pagerank }),
            Method::Lead => Box::new(Lead),
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Tunable parameters of the rankers; a plain value written into JSON output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct RankParams {
    /// Power-iteration settings of the graph rankers.
    pub pagerank: PageRank,
}
