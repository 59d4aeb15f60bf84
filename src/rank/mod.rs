//! Sentence rankers behind one trait, one file per method.
//!
//! A ranker sees the TF-IDF [`TermMatrix`] of the sentences in scope (one
//! article, or every sentence of a corpus) and where each sentence sits, and
//! returns one score per sentence: higher is better. Selection (budgets,
//! redundancy, ordering) is a later stage.
//!
//! Methods that optimise an objective under the length budget (`concepts`,
//! `submodular`) also [choose](Ranker::choose) the summary themselves, once
//! the budget is known; selection then follows their choice.

mod centroid;
mod concepts;
mod kl;
mod lead;
mod lexrank;
mod lsa;
mod luhn;
mod pacsum;
mod pagerank;
mod random;
mod submodular;
mod sumbasic;
#[cfg(test)]
mod tests;
mod textrank;
mod tfidf;

pub use centroid::Centroid;
pub use concepts::Concepts;
pub use kl::KlSum;
pub use lead::Lead;
pub use lexrank::LexRank;
pub use lsa::Lsa;
pub use luhn::Luhn;
pub use pacsum::PacSum;
pub use pagerank::{PageRank, pagerank};
pub use random::Random;
pub use submodular::Submodular;
pub use sumbasic::SumBasic;
pub use textrank::TextRank;
pub use tfidf::TfIdf;

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analyze::TermId;
use crate::error::{Error, Result};
use crate::parallel::Parallelism;
use crate::select::Budget;
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
    /// [`TermMatrix`] was built from), for rankers that need word order; the
    /// summarizer passes them only to rankers whose
    /// [`Ranker::reads_sequences`] says so, and an empty slice otherwise.
    pub sequences: &'a [Vec<TermId>],
    /// Graph storage.
    pub graph: &'a GraphOptions,
    /// Serial or parallel.
    pub parallelism: Parallelism,
    /// Where [`similarity_graph`](Self::similarity_graph) keeps the graph it
    /// builds, so that a later step on the same sentences (a method choosing
    /// under the budget after ranking) reuses it; `None` keeps nothing.
    pub graphs: Option<&'a GraphCache>,
}

/// The last similarity graph built for one set of sentences, by measure.
#[derive(Debug, Default)]
pub struct GraphCache(std::sync::Mutex<Option<(Measure, Arc<Graph>)>>);

impl RankInput<'_> {
    /// The similarity graph of the sentences under `measure`, stored as
    /// [`graph`](Self::graph) options say (exact up to the dense limit, pruned above).
    pub fn similarity_graph(&self, measure: Measure) -> Arc<Graph> {
        let cached = |slot: &Option<(Measure, Arc<Graph>)>| {
            slot.as_ref().filter(|(m, _)| *m == measure).map(|(_, g)| Arc::clone(g))
        };
        if let Some(g) = self.graphs.and_then(|c| c.0.lock().ok().and_then(|s| cached(&s))) {
            return g;
        }
        let start = std::time::Instant::now();
        let graph = Arc::new(Graph::build(
            self.matrix,
            measure,
            self.graph.dense_limit,
            &self.graph.sparse,
            self.parallelism,
        ));
        crate::summarize::add_similarity_time(start.elapsed());
        if let Some(mut slot) = self.graphs.and_then(|c| c.0.lock().ok()) {
            *slot = Some((measure, Arc::clone(&graph)));
        }
        graph
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

/// A sentence-ranking method; its fields are its parameters.
pub trait Ranker: Send + Sync {
    /// One score per sentence of `input`, higher is better.
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64>;

    /// Checks the parameters; the default accepts any.
    fn validate(&self) -> Result<()> {
        Ok(())
    }

    /// Whether this method [chooses](Self::choose) the summary under the
    /// budget itself; the pipeline then keeps what `choose` needs (the
    /// similarity graph, and the term sequences if it reads them) after
    /// ranking. The default: no.
    fn chooses(&self) -> bool {
        false
    }

    /// Whether this method reads [`RankInput::sequences`] (word order).
    /// The pipeline frees the sequences before ranking a method that does not,
    /// and passes it none: on a large corpus they are as large as the term
    /// matrix, and ranking builds the graph, its largest structure. The
    /// default: no.
    fn reads_sequences(&self) -> bool {
        false
    }

    /// For a budget-aware method: the sentences of the summary, in the order
    /// chosen, given `input`, the [`rank`](Self::rank) `scores`, each
    /// sentence's length in `words` and the `budget`. Selection takes these
    /// first, in this order, then the rest by score (so redundancy control and
    /// the coherence rule still apply). The default, `None`, leaves the choice
    /// to selection by score.
    fn choose(
        &self,
        input: &RankInput<'_>,
        scores: &[f64],
        words: &[usize],
        budget: Budget,
    ) -> Option<Vec<usize>> {
        let _ = (input, scores, words, budget);
        None
    }

    /// [`choose`](Self::choose), where `needs[i]` says that sentence `i`
    /// cannot stand without sentence `i - 1` (the coherence rule of
    /// selection, [`crate::select::coherence`]). A method may then choose
    /// such a sentence only together with its predecessor, charging the
    /// budget for both, so that selection need not skip it or spend the
    /// place of a later choice on the predecessor. The default ignores
    /// `needs`.
    fn choose_coherent(
        &self,
        input: &RankInput<'_>,
        scores: &[f64],
        words: &[usize],
        budget: Budget,
        needs: Option<&[bool]>,
    ) -> Option<Vec<usize>> {
        let _ = needs;
        self.choose(input, scores, words, budget)
    }
}

/// A length budget as a knapsack: each sentence's cost and the capacity.
/// Word budgets cost a sentence its words (at least one); sentence and ratio
/// budgets cost each sentence one. Sentences shorter than a minimum never fit.
#[derive(Debug, Clone)]
pub(crate) struct Knapsack {
    /// Cost of each sentence: infinite for one the method never chooses.
    pub cost: Vec<f64>,
    /// Cost of each sentence as another's predecessor, which even a
    /// sentence too short for the method to choose may be.
    pub length: Vec<f64>,
    /// Total cost allowed.
    pub capacity: f64,
}

impl Knapsack {
    pub(crate) fn new(words: &[usize], budget: Budget, min_words: usize) -> Self {
        let n = words.len();
        let (length, capacity) = match budget.max_words() {
            Some(limit) => (words.iter().map(|&w| w.max(1) as f64).collect(), limit as f64),
            None => (vec![1.0; n], budget.max_sentences(n) as f64),
        };
        let mut out = Knapsack { cost: length.clone(), length, capacity };
        for (cost, &w) in out.cost.iter_mut().zip(words) {
            if w < min_words {
                *cost = f64::INFINITY;
            }
        }
        out
    }

    /// Whether sentence `i` fits next to `used` cost.
    pub(crate) fn fits(&self, used: f64, i: usize) -> bool {
        used + self.cost[i] <= self.capacity
    }
}

/// A sentence in a lazy greedy's heap: its gain per scaled cost when last
/// computed (an upper bound on its current one, the objective being submodular).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub ratio: f64,
    pub index: usize,
}

impl Ord for Candidate {
    /// The greater ratio first; among equal ratios, the earlier sentence.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.ratio.total_cmp(&other.ratio).then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Candidate {}

/// Declares the methods once: the name enum [`Method`], the configuration
/// enum [`MethodConfig`] (one variant per ranker type, holding its
/// parameters) and the dispatch between them. A new method is one file and
/// one line here.
macro_rules! methods {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) = $name:literal; )+) => {
        /// The ranking methods, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        #[non_exhaustive]
        pub enum Method {
            $( $(#[$doc])* $variant, )+
        }

        /// A ranking method with its parameters: a plain value, written into
        /// JSON output as `{"method": "<name>", <parameters>...}`.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(tag = "method", rename_all = "lowercase")]
        #[non_exhaustive]
        pub enum MethodConfig {
            $( $(#[$doc])* $variant($ty), )+
        }

        impl Method {
            /// Every method, in the order help texts list them.
            pub const ALL: &'static [Method] = &[$(Method::$variant),+];

            /// The method's command-line name.
            pub fn name(self) -> &'static str {
                match self {
                    $( Method::$variant => $name, )+
                }
            }

            /// The method with its default parameters.
            pub fn config(self) -> MethodConfig {
                match self {
                    $( Method::$variant => MethodConfig::$variant(<$ty>::default()), )+
                }
            }
        }

        impl MethodConfig {
            /// Which method this is.
            pub fn method(&self) -> Method {
                match self {
                    $( MethodConfig::$variant(_) => Method::$variant, )+
                }
            }

            /// The ranker.
            pub fn ranker(&self) -> &dyn Ranker {
                match self {
                    $( MethodConfig::$variant(r) => r, )+
                }
            }
        }
    };
}

methods! {
    /// TextRank (Mihalcea & Tarau 2004).
    Textrank(TextRank) = "textrank";
    /// LexRank (Erkan & Radev 2004).
    Lexrank(LexRank) = "lexrank";
    /// PacSum's position-aware centrality (Zheng & Lapata 2019).
    Pacsum(PacSum) = "pacsum";
    /// Cosine similarity to the TF-IDF centroid.
    Tfidf(TfIdf) = "tfidf";
    /// Concept (content-word bigram) coverage under the budget (Gillick & Favre 2009).
    Concepts(Concepts) = "concepts";
    /// Submodular coverage and diversity under the budget (Lin & Bilmes 2011).
    Submodular(Submodular) = "submodular";
    /// MEAD's centroid, position and first-sentence features (Radev et al. 2004).
    Centroid(Centroid) = "centroid";
    /// Latent semantic analysis (Steinberger & Ježek 2004).
    Lsa(Lsa) = "lsa";
    /// Luhn's significant-word clusters (Luhn 1958).
    Luhn(Luhn) = "luhn";
    /// SumBasic (Nenkova & Vanderwende 2005).
    Sumbasic(SumBasic) = "sumbasic";
    /// KL-Sum (Haghighi & Vanderwende 2009).
    Kl(KlSum) = "kl";
    /// The first sentences of each article.
    Lead(Lead) = "lead";
    /// Seeded random scores, a baseline.
    Random(Random) = "random";
}

impl Method {
    /// Parses a method name (case-insensitive).
    pub fn parse(name: &str) -> Result<Self> {
        let lower = name.trim().to_ascii_lowercase();
        Method::ALL.iter().copied().find(|m| m.name() == lower).ok_or_else(|| {
            Error::UnknownMethod {
                name: name.to_owned(),
                suggestion: closest(&lower, Method::ALL.iter().map(|m| m.name()))
                    .map(str::to_owned),
            }
        })
    }

    /// The method's parameters with their defaults, sorted by name within
    /// the method and within each nested setting (PageRank's, listed by
    /// their own names).
    pub fn parameters(self) -> Vec<(String, serde_json::Value)> {
        let mut out = Vec::new();
        if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(self.config()) {
            for (key, value) in fields {
                match value {
                    _ if key == "method" => {}
                    serde_json::Value::Object(inner) => out.extend(inner),
                    value => out.push((key, value)),
                }
            }
        }
        out
    }
}

impl MethodConfig {
    /// Sets parameter `name` (as listed by [`Method::parameters`]) to `value`.
    ///
    /// # Errors
    /// [`Error::UnknownParameter`] when the method has no such parameter,
    /// [`Error::InvalidParameter`] when the value has the wrong type or is
    /// out of range (NaN and infinities are never accepted).
    pub fn set(&mut self, name: &str, value: serde_json::Value) -> Result<()> {
        let method = self.method();
        let invalid = |reason: String| Error::InvalidParameter {
            method: method.name(),
            parameter: name.to_owned(),
            reason,
        };
        if let Some(x) = value.as_f64()
            && !x.is_finite()
        {
            return Err(invalid("must be a finite number".into()));
        }
        let mut fields = match serde_json::to_value(&*self) {
            Ok(serde_json::Value::Object(fields)) => fields,
            _ => return Err(invalid("cannot be set".into())),
        };
        let slot = if name != "method" && fields.contains_key(name) {
            fields.get_mut(name)
        } else {
            fields.values_mut().find_map(|v| v.as_object_mut()?.get_mut(name))
        };
        let Some(slot) = slot else {
            return Err(Error::UnknownParameter {
                method: method.name(),
                parameter: name.to_owned(),
                known: method.parameters().into_iter().map(|(k, _)| k).collect(),
            });
        };
        // Integers are written as such so integer parameters accept them.
        *slot = match value.as_f64() {
            Some(x) if slot.is_u64() && x >= 0.0 && x.fract() == 0.0 && x <= u64::MAX as f64 => {
                serde_json::Value::from(x as u64)
            }
            _ => value,
        };
        let updated: MethodConfig = serde_json::from_value(serde_json::Value::Object(fields))
            .map_err(|e| invalid(e.to_string()))?;
        updated.validate()?;
        *self = updated;
        Ok(())
    }

    /// Checks every parameter.
    pub fn validate(&self) -> Result<()> {
        self.ranker().validate()
    }
}

impl Default for MethodConfig {
    fn default() -> Self {
        Method::Textrank.config()
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The candidate closest to `name` by edit distance, when it is close enough
/// to be what was meant (at most a third of its letters wrong).
pub fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (edit_distance(name, c), c))
        .filter(|&(d, c)| d * 3 <= c.chars().count().max(3))
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
