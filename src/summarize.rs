//! The pipeline end to end: articles in, per-article and cross-corpus
//! summaries out.
//!
//! The stages run in one order, defined here and nowhere else:
//! [`Summarizer::candidates`] (segment) → [`Summarizer::rank`] (analyze,
//! vectorize, similarity, rank) → [`Ranked::select`] (select) → the summary
//! types. Callers that need a stage's result — a comparison that ranks once
//! and selects at several lengths, a benchmark that times each stage through
//! an [`Observer`] — call the steps; everyone else calls
//! [`Summarizer::summarize_articles`], [`Summarizer::summarize_corpus`] or
//! [`summarize`].
//!
//! Many articles run in parallel over articles, each one serially inside
//! (the work of a 20-sentence article is too small to share out); an article
//! or corpus of [`PARALLEL_MIN_SENTENCES`] or more parallelises inside.

use std::borrow::Borrow;
use std::cell::Cell;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzer, Language, TermId};
use crate::error::{Error, Result};
use crate::ingest::{Article, BlockKind, SetAside};
use crate::parallel::Parallelism;
use crate::rank::{GraphCache, GraphOptions, Method, MethodConfig, Position, RankInput};
use crate::segment;
use crate::select::{Chosen, Selection, coherence, select_coherent};
use crate::vectorize::TermMatrix;

/// How summary sentences are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    /// Article order, then position in the article.
    Position,
    /// Article date (undated last, by id), then position.
    Date,
    /// Best score first.
    Score,
}

/// Every option of a run; a plain value, written into JSON output so a run
/// can be replayed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    /// Ranking method and its parameters.
    pub ranker: MethodConfig,
    /// Budget and redundancy control.
    pub selection: Selection,
    /// Language of the text.
    pub language: Language,
    /// Order of summary sentences; `None`: position for articles, date for a corpus.
    pub order: Option<Order>,
    /// Dense or sparse similarity graphs.
    pub graph: GraphOptions,
    /// Serial or parallel execution (results are identical either way).
    #[serde(skip)]
    pub parallelism: Parallelism,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            ranker: Method::Textrank.config(),
            selection: Selection::default(),
            language: Language::English,
            order: None,
            graph: GraphOptions::default(),
            parallelism: Parallelism::Parallel,
        }
    }
}

impl Config {
    /// The defaults for one summary of many articles: the `submodular`
    /// method (Lin & Bilmes 2011 with a position prior; see
    /// [`Submodular`](crate::rank::Submodular) for its parameters), chosen by
    /// leave-one-dataset-out cross-validation over the DUC 2003/2004 and
    /// MultiLing 2011 development sets (docs/quality.md). MMR diversity is
    /// 0.4 for the methods that rank by score (`--method tfidf` etc.);
    /// `submodular` chooses under the budget itself and ignores it. The
    /// redundancy threshold is [`CORPUS_REDUNDANCY`](crate::select::CORPUS_REDUNDANCY),
    /// stricter than within one article.
    pub fn corpus_default() -> Self {
        let mut config = Config { ranker: Method::Submodular.config(), ..Config::default() };
        config.selection.diversity = 0.4;
        config.selection.redundancy_threshold = crate::select::CORPUS_REDUNDANCY;
        config
    }

    /// The ranking method.
    pub fn method(&self) -> Method {
        self.ranker.method()
    }

    /// These settings with `method` at its default parameters.
    pub fn with_method(mut self, method: Method) -> Self {
        self.ranker = method.config();
        self
    }

    /// Checks every setting: the budget, the method's parameters, the
    /// selection thresholds.
    pub fn validate(&self) -> Result<()> {
        self.selection.budget.validate()?;
        self.ranker.validate()?;
        let unit = |setting: &'static str, x: f64| {
            if (0.0..=1.0).contains(&x) {
                Ok(())
            } else {
                Err(Error::InvalidSetting {
                    setting,
                    reason: format!("must be in [0, 1], got {x}"),
                })
            }
        };
        unit("diversity", self.selection.diversity)?;
        unit("redundancy threshold", self.selection.redundancy_threshold)?;
        unit("duplicate threshold", self.selection.duplicate_threshold)?;
        Ok(())
    }
}

/// A sentence of the summary of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extract {
    /// 0-based index among the article's candidate sentences.
    pub index: usize,
    /// Byte offset of the sentence in the article's text.
    pub start: usize,
    /// End byte offset (exclusive); before the sentence's end when `--truncate` cut it.
    pub end: usize,
    /// The ranker's score.
    pub score: f64,
    /// 1-based rank among the selected sentences.
    pub rank: usize,
    /// `text[start..end]` with runs of whitespace collapsed to one space.
    pub text: String,
    /// Whether `--truncate` cut this sentence short at the word budget (it
    /// is then printed last).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// The summary of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Path it was read from.
    pub path: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
    /// Title, if known.
    pub title: Option<String>,
    /// ISO date, if known.
    pub date: Option<String>,
    /// Number of candidate sentences.
    pub sentence_count: usize,
    /// Lines kept out of the candidates, by reason.
    pub set_aside: SetAside,
    /// The summary, in print order.
    pub summary: Vec<Extract>,
    /// The opening words of the article's first candidate sentence, at most
    /// [`LEAD_WORDS`] (see [`opening_words`](crate::ingest::opening_words)):
    /// the heading shown when there is no title. Not in JSON, whose `title`
    /// stays `null`.
    #[serde(skip)]
    pub lead: Option<String>,
}

/// Words of the lead shown in a heading in place of a missing title.
pub const LEAD_WORDS: usize = 10;

impl ArticleSummary {
    /// What a heading names the article by: its title, else the opening
    /// words of its lead sentence, else its id.
    pub fn heading(&self) -> &str {
        self.title.as_deref().or(self.lead.as_deref()).unwrap_or(&self.id)
    }
}

/// Another place a fact of the corpus summary appears.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Article id.
    pub article: String,
    /// Sentence index in that article.
    pub index: usize,
}

/// A sentence of a cross-corpus summary, traced to its article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusExtract {
    /// Article id.
    pub article: String,
    /// The sentence, its offsets into the article's text, score and rank.
    #[serde(flatten)]
    pub extract: Extract,
    /// Near-duplicates of this sentence elsewhere in the corpus.
    pub also_in: Vec<SourceRef>,
}

/// An article of a corpus, as the corpus summary names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Article id (what [`CorpusExtract::article`] refers to).
    pub id: String,
    /// Title, if known.
    pub title: Option<String>,
    /// ISO date, if known.
    pub date: Option<String>,
    /// Path it was read from.
    pub path: Option<String>,
    /// Where it was published, if known.
    pub url: Option<String>,
}

/// The summary of a whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusSummary {
    /// Instance id for JSONL datasets; `None` for the run's files.
    pub id: Option<String>,
    /// Number of articles.
    pub article_count: usize,
    /// Number of candidate sentences over all articles.
    pub sentence_count: usize,
    /// Every article of the corpus, in input order.
    pub sources: Vec<Source>,
    /// The summary, in print order.
    pub summary: Vec<CorpusExtract>,
}

/// A candidate sentence of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset in the article's text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// Candidate sentences of `article`: the sentences of its paragraph blocks.
pub fn sentences(article: &Article) -> Vec<Sentence> {
    article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .flat_map(|b| segment::sentences(&article.text, b.start..b.end))
        .map(|r| Sentence { start: r.start, end: r.end })
        .collect()
}

/// The candidate sentences of some articles, in article then sentence order,
/// as parallel lists: what ranking and selection work on.
#[derive(Debug, Clone, Default)]
pub struct Candidates<'a> {
    /// Each sentence's text, a slice of its article's text.
    pub texts: Vec<&'a str>,
    /// Each sentence's byte span in its article's text.
    pub spans: Vec<Sentence>,
    /// Where each sentence sits.
    pub positions: Vec<Position>,
}

impl Candidates<'_> {
    /// Number of candidate sentences.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }
}

/// Segments every article (in parallel, collected in input order) into its
/// candidate sentences.
pub fn candidates(articles: &[Article], parallelism: Parallelism) -> Candidates<'_> {
    let all = parallelism.map(articles, sentences);
    let mut out = Candidates::default();
    for (a, (article, spans)) in articles.iter().zip(all).enumerate() {
        let of = spans.len();
        for (index, span) in spans.into_iter().enumerate() {
            out.texts.push(&article.text[span.start..span.end]);
            out.spans.push(span);
            out.positions.push(Position { article: a, index, of });
        }
    }
    out
}

/// From this many candidate sentences on, one article or corpus is worth
/// sharing out across threads; below, its stages run on one thread (a
/// 20-sentence article takes tens of microseconds, less than handing work
/// to other threads costs).
pub const PARALLEL_MIN_SENTENCES: usize = 2_000;

/// The stages, in pipeline order, as an [`Observer`] sees them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Sentence segmentation.
    Segment,
    /// Tokenization, stop words, stemming, interning.
    Analyze,
    /// The TF-IDF matrix.
    Vectorize,
    /// The similarity graph (graph methods only).
    Similarity,
    /// The ranker, without its similarity graph.
    Rank,
    /// Budget and redundancy control.
    Select,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 6] = [
        Stage::Segment,
        Stage::Analyze,
        Stage::Vectorize,
        Stage::Similarity,
        Stage::Rank,
        Stage::Select,
    ];

    /// The stage's name.
    pub const fn name(self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Analyze => "analyze",
            Stage::Vectorize => "vectorize",
            Stage::Similarity => "similarity",
            Stage::Rank => "rank",
            Stage::Select => "select",
        }
    }
}

/// Told how long each stage took: the timing hook of a benchmark. With many
/// articles summarized in parallel, it is called from several threads.
pub trait Observer: Sync {
    /// `stage` just took `elapsed` (for one article, or one corpus); a stage
    /// may report more than once for one article, each time for more work.
    fn stage(&self, stage: Stage, elapsed: Duration);
}

thread_local! {
    /// Time spent building similarity graphs on this thread since the last
    /// [`take_similarity_time`]. Graph rankers build their graph inside
    /// `rank`, on the calling thread; this is how the pipeline tells the
    /// similarity stage from the ranking proper without every ranker
    /// reporting it.
    static SIMILARITY_TIME: Cell<Duration> = const { Cell::new(Duration::ZERO) };
}

/// Adds `elapsed` to this thread's similarity time.
pub(crate) fn add_similarity_time(elapsed: Duration) {
    SIMILARITY_TIME.with(|t| t.set(t.get() + elapsed));
}

fn take_similarity_time() -> Duration {
    SIMILARITY_TIME.with(|t| t.replace(Duration::ZERO))
}

/// The sentences that candidates joined around a quotation were cut into
/// (see [`segment::parts`]), with every other candidate as its own part.
struct Parts<'a> {
    texts: Vec<&'a str>,
    /// Each part's position: its candidate's, so that a ranker reading
    /// positions (lead, pacsum) places the parts where their sentence is.
    positions: Vec<Position>,
    /// The candidate each part belongs to, ascending.
    owners: Vec<usize>,
}

impl<'a> Parts<'a> {
    /// The parts of `candidates`, or `None` when no candidate joins a quotation.
    fn of(candidates: &Candidates<'a>, parallelism: Parallelism) -> Option<Self> {
        let cuts = parallelism.map(&candidates.texts, |text| segment::parts(text));
        if cuts.iter().all(|c| c.len() == 1) {
            return None;
        }
        let total = cuts.iter().map(Vec::len).sum();
        let mut parts = Parts {
            texts: Vec::with_capacity(total),
            positions: Vec::with_capacity(total),
            owners: Vec::with_capacity(total),
        };
        for (owner, ranges) in cuts.into_iter().enumerate() {
            for range in ranges {
                parts.texts.push(&candidates.texts[owner][range]);
                parts.positions.push(candidates.positions[owner]);
                parts.owners.push(owner);
            }
        }
        Some(parts)
    }

    /// Each candidate's term sequence: its parts' sequences, concatenated
    /// (analysis reads one word at a time, so this is the candidate's own).
    fn join(&self, sequences: &[Vec<TermId>]) -> Vec<Vec<TermId>> {
        let mut joined: Vec<Vec<TermId>> = Vec::new();
        for (k, sequence) in sequences.iter().enumerate() {
            match joined.get_mut(self.owners[k]) {
                Some(row) => row.extend_from_slice(sequence),
                None => joined.push(sequence.clone()),
            }
        }
        joined
    }

    /// Each candidate's score: the mean of its parts' `scores`.
    fn mean(&self, scores: &[f64]) -> Vec<f64> {
        let mut sums: Vec<(f64, usize)> = Vec::new();
        for (&owner, &score) in self.owners.iter().zip(scores) {
            match sums.get_mut(owner) {
                Some((sum, count)) => {
                    *sum += score;
                    *count += 1;
                }
                None => sums.push((score, 1)),
            }
        }
        sums.into_iter().map(|(sum, count)| sum / count as f64).collect()
    }
}

/// Candidates analyzed, vectorized and ranked: what selection works on.
/// Selecting again at another length does not redo any earlier stage.
#[derive(Debug)]
pub struct Ranked<'a> {
    candidates: Candidates<'a>,
    matrix: TermMatrix,
    scores: Vec<f64>,
    words: Vec<usize>,
    needs_predecessor: Vec<bool>,
    /// Kept only for a method that chooses under the budget.
    chooser: Option<Chooser>,
}

/// What a budget-aware method needs again at selection time, when the budget is known.
#[derive(Debug)]
struct Chooser {
    ranker: MethodConfig,
    sequences: Vec<Vec<TermId>>,
    graph: GraphOptions,
    parallelism: Parallelism,
    /// The graph ranking built, for choosing to reuse.
    graphs: GraphCache,
}

impl<'a> Ranked<'a> {
    /// The candidates that were ranked.
    pub fn candidates(&self) -> &Candidates<'a> {
        &self.candidates
    }

    /// One score per candidate, higher is better.
    pub fn scores(&self) -> &[f64] {
        &self.scores
    }

    /// The candidates' TF-IDF matrix.
    pub fn matrix(&self) -> &TermMatrix {
        &self.matrix
    }

    /// Chooses sentences within `selection`'s budget, in the order chosen.
    ///
    /// For a method that chooses under the budget itself (see
    /// [`Ranker::choose`](crate::rank::Ranker::choose)), its choice comes
    /// first, in its order, then the other sentences by score; MMR is not
    /// applied on top (`diversity` is ignored: the method's objective already
    /// rewards covering new content), while redundancy control and the
    /// coherence rule still skip a sentence or bring its predecessor in.
    pub fn select(&self, selection: &Selection) -> Vec<Chosen> {
        let needs = Some(self.needs_predecessor.as_slice());
        let Some(chooser) = &self.chooser else {
            return select_coherent(selection, &self.scores, &self.words, &self.matrix, needs);
        };
        let input = RankInput {
            matrix: &self.matrix,
            positions: &self.candidates.positions,
            sequences: &chooser.sequences,
            graph: &chooser.graph,
            parallelism: chooser.parallelism,
            graphs: Some(&chooser.graphs),
        };
        let ranker = chooser.ranker.ranker();
        let coherent = needs.filter(|_| selection.coherence);
        let picked =
            ranker.choose_coherent(&input, &self.scores, &self.words, selection.budget, coherent);
        // A graph built while choosing is selection time, which the caller
        // times; left in the thread's similarity time it would be reported
        // as the next ranking's.
        take_similarity_time();
        let Some(picked) = picked else {
            return select_coherent(selection, &self.scores, &self.words, &self.matrix, needs);
        };
        let preference = preference(&picked, &self.scores);
        let selection = Selection { diversity: 0.0, ..selection.clone() };
        select_coherent(&selection, &preference, &self.words, &self.matrix, needs)
    }
}

/// Scores that order the `picked` sentences first, in their order, then the
/// others by `scores` (highest first, ties and NaNs as selection orders them).
fn preference(picked: &[usize], scores: &[f64]) -> Vec<f64> {
    let n = scores.len();
    let mut rest: Vec<usize> = (0..n).collect();
    rest.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut out = vec![f64::NAN; n];
    // Ranks as values: the rest below zero, the picked ones above.
    for (k, &i) in rest.iter().enumerate() {
        out[i] = -(k as f64) - 1.0;
    }
    for (k, &i) in picked.iter().enumerate() {
        if let Some(slot) = out.get_mut(i) {
            *slot = (picked.len() - k) as f64;
        }
    }
    out
}

/// Summarizes articles and corpora under one [`Config`].
pub struct Summarizer {
    config: Config,
    analyzer: Analyzer,
    observer: Option<Box<dyn Observer + Send>>,
}

impl std::fmt::Debug for Summarizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Summarizer").field("config", &self.config).finish_non_exhaustive()
    }
}

impl Summarizer {
    /// A summarizer for `config`; fails on an invalid setting (see [`Config::validate`]).
    pub fn new(config: Config) -> Result<Self> {
        config.validate()?;
        let analyzer = Analyzer::new(config.language);
        Ok(Summarizer { config, analyzer, observer: None })
    }

    /// This summarizer, telling `observer` how long each stage takes.
    pub fn with_observer(mut self, observer: Box<dyn Observer + Send>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Runs `f` as `stage`, reporting its time to the observer.
    fn timed<R>(&self, stage: Stage, f: impl FnOnce() -> R) -> R {
        let Some(observer) = &self.observer else {
            return f();
        };
        let start = Instant::now();
        let out = f();
        observer.stage(stage, start.elapsed());
        out
    }

    /// Parallel inside one scope only when it is large enough to pay.
    fn inner_parallelism(&self, sentences: usize) -> Parallelism {
        match self.config.parallelism {
            Parallelism::Parallel if sentences >= PARALLEL_MIN_SENTENCES => Parallelism::Parallel,
            _ => Parallelism::Serial,
        }
    }

    /// Stage 1, segment: the candidate sentences of `articles`, in order.
    pub fn candidates<'a>(&self, articles: &'a [Article]) -> Candidates<'a> {
        // Segmenting is cheap per article; many articles are worth sharing out.
        let parallelism =
            if articles.len() > 1 { self.config.parallelism } else { Parallelism::Serial };
        self.timed(Stage::Segment, || candidates(articles, parallelism))
    }

    /// Stages 2–5, analyze → vectorize → similarity → rank: one score per candidate.
    ///
    /// A method that scores sentences one by one (all but those that choose
    /// under the budget) ranks a candidate joined around a quotation as the
    /// sentences it was cut into ([`segment::parts`]): its score is the mean
    /// of theirs, while selection and output keep it whole.
    pub fn rank<'a>(&self, candidates: Candidates<'a>) -> Ranked<'a> {
        let parallelism = self.inner_parallelism(candidates.len());
        let texts = &candidates.texts;
        let ranker = self.config.ranker.ranker();
        // A method that chooses under the budget weighs each sentence's length
        // itself; one that scores sentences one by one would favour a joined
        // quotation for its length, so it scores the quotation's parts.
        // Finding them is segmentation work, and is timed as such.
        let parts = if ranker.chooses() {
            None
        } else {
            self.timed(Stage::Segment, || Parts::of(&candidates, parallelism))
        };
        let analyzed = parts.as_ref().map_or(texts, |p| &p.texts);
        let ids = self.timed(Stage::Analyze, || self.analyzer.term_ids(analyzed, parallelism));
        let (mut sequences, n_terms): (Vec<Vec<TermId>>, usize) = ids;
        let (matrix, ranked_matrix) = self.timed(Stage::Vectorize, || {
            let ranked = TermMatrix::new(&sequences, n_terms);
            match &parts {
                None => (ranked, None),
                Some(parts) => (TermMatrix::new(&parts.join(&sequences), n_terms), Some(ranked)),
            }
        });
        if !ranker.reads_sequences() {
            // Freed before the graph is built, the peak of a large corpus.
            sequences = Vec::new();
        }
        // A method that chooses under the budget needs the graph again when
        // selecting: it is kept for it, and only for it (it is the largest
        // structure of a big corpus).
        let graphs = ranker.chooses().then(GraphCache::default);
        let input = RankInput {
            matrix: ranked_matrix.as_ref().unwrap_or(&matrix),
            sequences: &sequences,
            positions: parts.as_ref().map_or(&candidates.positions, |p| &p.positions),
            graph: &self.config.graph,
            parallelism,
            graphs: graphs.as_ref(),
        };
        take_similarity_time();
        let start = Instant::now();
        let mut scores = ranker.rank(&input);
        if let Some(parts) = &parts {
            scores = parts.mean(&scores);
        }
        drop(ranked_matrix);
        let total = start.elapsed();
        let similarity = take_similarity_time();
        if let Some(observer) = &self.observer {
            if !similarity.is_zero() {
                observer.stage(Stage::Similarity, similarity);
            }
            observer.stage(Stage::Rank, total.saturating_sub(similarity));
        }
        let words = texts.iter().map(|t| t.split_whitespace().count()).collect();
        let needs_predecessor =
            coherence::needs_predecessor(texts, &candidates.positions, self.config.language);
        let chooser = graphs.map(|graphs| Chooser {
            ranker: self.config.ranker.clone(),
            sequences,
            graph: self.config.graph.clone(),
            parallelism,
            graphs,
        });
        Ranked { candidates, matrix, scores, words, needs_predecessor, chooser }
    }

    /// Stage 6 and the summary of one article from its ranked candidates.
    pub fn article_summary(
        &self,
        article: &Article,
        ranked: &Ranked<'_>,
        selection: &Selection,
    ) -> ArticleSummary {
        let found = ranked.candidates();
        let mut chosen = self.timed(Stage::Select, || ranked.select(selection));
        if self.config.order != Some(Order::Score) {
            // A sentence cut at the budget ends the summary, never precedes a full one.
            chosen.sort_by_key(|c| (c.words_kept.is_some(), c.sentence));
        }
        ArticleSummary {
            id: article.id.clone(),
            path: article.path.clone(),
            url: article.url.clone(),
            title: article.title.clone(),
            date: article.date.clone(),
            sentence_count: found.len(),
            set_aside: article.set_aside.clone(),
            summary: chosen
                .iter()
                .map(|c| extract(article, found, c, ranked.scores[c.sentence]))
                .collect(),
            lead: found.texts.first().map(|s| crate::ingest::opening_words(s, LEAD_WORDS)),
        }
    }

    /// Stage 6 and the summary of a corpus from its ranked candidates
    /// (`ranked` must come from [`candidates`](Self::candidates) of `articles`).
    pub fn corpus_summary(
        &self,
        id: Option<String>,
        articles: &[Article],
        ranked: &Ranked<'_>,
        selection: &Selection,
    ) -> CorpusSummary {
        let found = ranked.candidates();
        let mut chosen = self.timed(Stage::Select, || ranked.select(selection));
        match self.config.order.unwrap_or(Order::Date) {
            Order::Score => {}
            Order::Position => chosen.sort_by_key(|c| (c.words_kept.is_some(), c.sentence)),
            Order::Date => {
                // Dated articles first, by date; then undated ones by id; ties by input order.
                chosen.sort_by(|a, b| {
                    let (ua, ub) = (&found.positions[a.sentence], &found.positions[b.sentence]);
                    (a.words_kept.is_some()).cmp(&b.words_kept.is_some()).then(
                        date_key(&articles[ua.article], ua.article)
                            .cmp(&date_key(&articles[ub.article], ub.article))
                            .then(ua.index.cmp(&ub.index)),
                    )
                });
            }
        }
        CorpusSummary {
            id,
            article_count: articles.len(),
            sentence_count: found.len(),
            sources: articles
                .iter()
                .map(|a| Source {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    date: a.date.clone(),
                    path: a.path.clone(),
                    url: a.url.clone(),
                })
                .collect(),
            summary: chosen
                .iter()
                .map(|c| {
                    let article = &articles[found.positions[c.sentence].article];
                    CorpusExtract {
                        article: article.id.clone(),
                        extract: extract(article, found, c, ranked.scores[c.sentence]),
                        also_in: c
                            .duplicates
                            .iter()
                            .map(|&d| SourceRef {
                                article: articles[found.positions[d].article].id.clone(),
                                index: found.positions[d].index,
                            })
                            .collect(),
                    }
                })
                .collect(),
        }
    }

    /// Summarizes one article.
    pub fn summarize_article(&self, article: &Article) -> ArticleSummary {
        let found = self.candidates(std::slice::from_ref(article));
        let ranked = self.rank(found);
        self.article_summary(article, &ranked, &self.config.selection)
    }

    /// Summarizes every article on its own: in parallel over articles, each
    /// one serially inside unless it is large; results in input order.
    pub fn summarize_articles<A: Borrow<Article> + Sync>(
        &self,
        articles: &[A],
    ) -> Vec<ArticleSummary> {
        match articles {
            [one] => vec![self.summarize_article(one.borrow())],
            _ => self.config.parallelism.map(articles, |a| self.summarize_article(a.borrow())),
        }
    }

    /// One summary of all `articles` together: ranked over every sentence,
    /// each fact once, each sentence traced to its article.
    pub fn summarize_corpus(&self, id: Option<String>, articles: &[Article]) -> CorpusSummary {
        let found = self.candidates(articles);
        let ranked = self.rank(found);
        self.corpus_summary(id, articles, &ranked, &self.config.selection)
    }
}

/// Summarizes one article's text under `config`: the one-call entry point.
///
/// ```
/// use salient::summarize::{Config, summarize};
///
/// let text = "The council approved the new budget on Monday. \
///             The budget raises school funding by a tenth. \
///             Critics said the vote was rushed.";
/// let summary = summarize(text, &Config::default())?;
/// assert_eq!(summary.sentence_count, 3);
/// for s in &summary.summary {
///     assert_eq!(&text[s.start..s.end], s.text);
/// }
/// # Ok::<(), salient::Error>(())
/// ```
///
/// # Errors
/// An invalid configuration (see [`Config::validate`]).
pub fn summarize(text: &str, config: &Config) -> Result<ArticleSummary> {
    let article = Article::from_text("text", text);
    Ok(Summarizer::new(config.clone())?.summarize_article(&article))
}

fn date_key(article: &Article, index: usize) -> (bool, &str, &str, usize) {
    match &article.date {
        Some(d) => (false, d.as_str(), "", index),
        None => (true, "", article.id.as_str(), index),
    }
}

/// The summary entry for a chosen candidate of `article`.
fn extract(article: &Article, found: &Candidates<'_>, chosen: &Chosen, score: f64) -> Extract {
    let span = found.spans[chosen.sentence];
    let end = cut(span, found.texts[chosen.sentence], chosen.words_kept);
    Extract {
        index: found.positions[chosen.sentence].index,
        start: span.start,
        end,
        score,
        rank: chosen.rank,
        text: collapse(&article.text[span.start..end]),
        truncated: end < span.end,
    }
}

/// End offset of a sentence (`text` at `span`) cut after `words_kept` words, or its full end.
fn cut(span: Sentence, text: &str, words_kept: Option<usize>) -> usize {
    let Some(k) = words_kept else {
        return span.end;
    };
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == k {
                    return span.start + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    span.end
}

/// Collapses runs of whitespace to one space.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
