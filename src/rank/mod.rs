//! Sentence rankers behind one trait, one file per method.
//!
//! A ranker sees the TF-IDF [`TermMatrix`] of the sentences in scope (one
//! article, or every sentence of a corpus) and where each sentence sits, and
//! returns one score per sentence: higher is better. Selection (budgets,
//! redundancy, ordering) is a later stage.

mod centroid;
mod kl;
mod lead;
mod lexrank;
mod lsa;
mod luhn;
mod pacsum;
mod pagerank;
mod random;
mod sumbasic;
#[cfg(test)]
mod tests;
mod textrank;
mod tfidf;

pub use centroid::Centroid;
pub use kl::KlSum;
pub use lead::Lead;
pub use lexrank::LexRank;
pub use lsa::Lsa;
pub use luhn::Luhn;
pub use pacsum::PacSum;
pub use pagerank::{PageRank, pagerank};
pub use random::Random;
pub use sumbasic::SumBasic;
pub use textrank::TextRank;
pub use tfidf::TfIdf;

use serde::{Deserialize, Serialize};

use crate::analyze::TermId;
use crate::error::{Error, Result};
use crate::parallel::Parallelism;
use crate::similarity::{Graph, Measure, SparseOptions};
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
    /// Up to this many sentences the graph holds every pair with a positive
    /// similarity (the exact graph); above, it is pruned (top-k neighbours
    /// and a background, see [`SparseOptions`]). The default, 500, keeps the
    /// exact graph for articles and small clusters, where it costs a few
    /// milliseconds; above, the pruned graph ranks within Spearman 0.998 of
    /// the exact one at a fraction of the cost (docs/benchmarks.md).
    pub dense_limit: usize,
    /// Pruning of the sparse graph.
    pub sparse: SparseOptions,
}

impl Default for GraphOptions {
    fn default() -> Self {
        GraphOptions { dense_limit: 500, sparse: SparseOptions::default() }
    }
}

/// Everything a ranker may look at.
#[derive(Debug, Clone, Copy)]
pub struct RankInput<'a> {
    /// TF-IDF vectors of the sentences in scope.
    pub matrix: &'a TermMatrix,
    /// Position of each sentence.
    pub positions: &'a [Position],
    /// Each sentence's content-word term ids in text order (what
    /// [`TermMatrix`] was built from); rankers that need word order read it.
    pub sequences: &'a [Vec<TermId>],
    /// Graph storage.
    pub graph: &'a GraphOptions,
    /// Serial or parallel.
    pub parallelism: Parallelism,
}

impl RankInput<'_> {
    /// The similarity graph of the sentences under `measure`, stored as
    /// [`graph`](Self::graph) options say (exact up to the dense limit, pruned above).
    pub fn similarity_graph(&self, measure: Measure) -> Graph {
        Graph::build(
            self.matrix,
            measure,
            self.graph.dense_limit,
            &self.graph.sparse,
            self.parallelism,
        )
    }

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
    /// LexRank (Erkan & Radev 2004).
    Lexrank,
    /// Luhn's significant-word clusters (Luhn 1958).
    Luhn,
    /// SumBasic (Nenkova & Vanderwende 2005).
    Sumbasic,
    /// KL-Sum (Haghighi & Vanderwende 2009).
    Kl,
    /// Latent semantic analysis (Steinberger & Ježek 2004).
    Lsa,
    /// MEAD's centroid, position and first-sentence features (Radev et al. 2004).
    Centroid,
    /// Seeded random scores, a baseline.
    Random,
    /// PacSum's position-aware centrality (Zheng & Lapata 2019).
    Pacsum,
}

impl Method {
    /// Every method, in the order help texts list them.
    pub const ALL: &'static [Method] = &[
        Method::Textrank,
        Method::Lexrank,
        Method::Pacsum,
        Method::Tfidf,
        Method::Centroid,
        Method::Lsa,
        Method::Luhn,
        Method::Sumbasic,
        Method::Kl,
        Method::Lead,
        Method::Random,
    ];

    /// The method's command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Method::Tfidf => "tfidf",
            Method::Textrank => "textrank",
            Method::Lead => "lead",
            Method::Lexrank => "lexrank",
            Method::Luhn => "luhn",
            Method::Sumbasic => "sumbasic",
            Method::Kl => "kl",
            Method::Lsa => "lsa",
            Method::Centroid => "centroid",
            Method::Random => "random",
            Method::Pacsum => "pacsum",
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
            Method::Lexrank => {
                Box::new(LexRank { pagerank: params.pagerank, threshold: params.lexrank_threshold })
            }
            Method::Luhn => Box::new(Luhn),
            Method::Sumbasic => Box::new(SumBasic),
            Method::Kl => Box::new(KlSum),
            Method::Lsa => Box::new(Lsa),
            Method::Centroid => Box::new(Centroid),
            Method::Random => Box::new(Random { seed: params.seed }),
            Method::Pacsum => Box::new(PacSum {
                lambda1: params.pacsum_lambda1,
                lambda2: params.pacsum_lambda2,
                beta: params.pacsum_beta,
            }),
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Tunable parameters of the rankers; a plain value written into JSON output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RankParams {
    /// Power-iteration settings of the graph rankers.
    pub pagerank: PageRank,
    /// LexRank: `None` for continuous LexRank (cosine-weighted edges); `Some(t)`
    /// links sentences whose cosine is at least `t` with weight 1 (the paper uses 0.1).
    pub lexrank_threshold: Option<f64>,
    /// Seed of the random baseline.
    pub seed: u64,
    /// PacSum: weight of edges to earlier sentences of the same article.
    pub pacsum_lambda1: f64,
    /// PacSum: weight of edges to later sentences (and to other articles).
    pub pacsum_lambda2: f64,
    /// PacSum: edge threshold, as a share of the similarity range in scope.
    pub pacsum_beta: f64,
}

impl Default for RankParams {
    fn default() -> Self {
        RankParams {
            pagerank: PageRank::default(),
            lexrank_threshold: None,
            seed: 42,
            pacsum_lambda1: PacSum::default().lambda1,
            pacsum_lambda2: PacSum::default().lambda2,
            pacsum_beta: PacSum::default().beta,
        }
    }
}
