//! The pipeline end to end: articles in, per-article and cross-corpus
//! summaries out.
//!
//! segment → analyze → vectorize → rank → select, once per article and once
//! over all sentences of all articles for the corpus summary.

use serde::{Deserialize, Serialize};

use crate::analyze::{Analyzer, Language, Vocabulary};
use crate::error::Result;
use crate::ingest::{Article, BlockKind, SetAside};
use crate::parallel::Parallelism;
use crate::rank::{GraphOptions, Method, Position, RankInput, RankParams};
use crate::segment;
use crate::select::{Chosen, Selection, select};
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
    /// Ranking method.
    pub method: Method,
    /// Ranker parameters.
    pub params: RankParams,
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
            method: Method::Textrank,
            params: RankParams::default(),
            selection: Selection::default(),
            language: Language::English,
            order: None,
            graph: GraphOptions::default(),
            parallelism: Parallelism::Parallel,
        }
    }
}

impl Config {
    /// The defaults for one summary of many articles: `tfidf` centrality with
    /// MMR at diversity 0.4, the configuration that scored best on the DUC
    /// 2003 and 2004 development clusters (docs/quality.md); results are flat
    /// for diversity between 0.3 and 0.5.
    pub fn corpus_default() -> Self {
        let mut config = Config { method: Method::Tfidf, ..Config::default() };
        config.selection.diversity = 0.4;
        config
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
}

/// The summary of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// Article id.
    pub id: String,
    /// Path it was read from.
    pub path: Option<String>,
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

/// The summary of a whole corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusSummary {
    /// Instance id for JSONL datasets; `None` for files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Number of articles.
    pub article_count: usize,
    /// Number of candidate sentences over all articles.
    pub sentence_count: usize,
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

/// Summarizes articles and corpora under one [`Config`].
#[derive(Debug)]
pub struct Summarizer {
    config: Config,
    analyzer: Analyzer,
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

impl Summarizer {
    /// A summarizer for `config`; fails on an invalid budget.
    pub fn new(config: Config) -> Result<Self> {
        config.selection.budget.validate()?;
        let analyzer = Analyzer::new(config.language);
        Ok(Summarizer { config, analyzer })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Summarizes one article.
    pub fn summarize_article(&self, article: &Article) -> ArticleSummary {
        let found = candidates(std::slice::from_ref(article), Parallelism::Serial);
        let mut chosen = self.choose(&found);
        if self.config.order != Some(Order::Score) {
            chosen.sort_by_key(|(c, _)| c.sentence);
        }
        ArticleSummary {
            id: article.id.clone(),
            path: article.path.clone(),
            title: article.title.clone(),
            date: article.date.clone(),
            sentence_count: found.len(),
            set_aside: article.set_aside.clone(),
            summary: chosen.iter().map(|(c, score)| extract(article, &found, c, *score)).collect(),
        }
    }

    /// Summarizes every article on its own.
    pub fn summarize_articles(&self, articles: &[Article]) -> Vec<ArticleSummary> {
        articles.iter().map(|a| self.summarize_article(a)).collect()
    }

    /// One summary of all `articles` together: ranked over every sentence,
    /// each fact once, each sentence traced to its article.
    pub fn summarize_corpus(&self, id: Option<String>, articles: &[Article]) -> CorpusSummary {
        let found = candidates(articles, self.config.parallelism);
        let mut chosen = self.choose(&found);
        match self.config.order.unwrap_or(Order::Date) {
            Order::Score => {}
            Order::Position => chosen.sort_by_key(|(c, _)| c.sentence),
            Order::Date => {
                // Dated articles first, by date; then undated ones by id; ties by input order.
                chosen.sort_by(|(a, _), (b, _)| {
                    let (ua, ub) = (&found.positions[a.sentence], &found.positions[b.sentence]);
                    date_key(&articles[ua.article], ua.article)
                        .cmp(&date_key(&articles[ub.article], ub.article))
                        .then(ua.index.cmp(&ub.index))
                });
            }
        }
        CorpusSummary {
            id,
            article_count: articles.len(),
            sentence_count: found.len(),
            summary: chosen
                .iter()
                .map(|(c, score)| {
                    let article = &articles[found.positions[c.sentence].article];
                    CorpusExtract {
                        article: article.id.clone(),
                        extract: extract(article, &found, c, *score),
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

    /// Ranks and selects among `found`, returning choices with their scores.
    fn choose(&self, found: &Candidates<'_>) -> Vec<(Chosen, f64)> {
        let texts = &found.texts;
        let mut vocabulary = Vocabulary::default();
        let ids = self.analyzer.analyze_all(texts, &mut vocabulary, self.config.parallelism);
        let matrix = TermMatrix::new(&ids, vocabulary.len());
        let input = RankInput {
            matrix: &matrix,
            sequences: &ids,
            positions: &found.positions,
            graph: &self.config.graph,
            parallelism: self.config.parallelism,
        };
        let scores = self.config.method.ranker(&self.config.params).rank(&input);
        let words: Vec<usize> = texts.iter().map(|t| t.split_whitespace().count()).collect();
        select(&self.config.selection, &scores, &words, &matrix)
            .into_iter()
            .map(|c| {
                let score = scores[c.sentence];
                (c, score)
            })
            .collect()
    }
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
