//! Options shared by the subcommands that summarize.

use clap::{Args as ClapArgs, ValueEnum};

use salient::analyze::Language;
use salient::rank::{GraphOptions, Method, RankParams};
use salient::select::{Budget, Selection};
use salient::summarize::{Config, Order};

/// How to rank and select.
#[derive(Debug, Clone, ClapArgs)]
pub struct SummaryArgs {
    /// Ranking method: textrank, lexrank, tfidf, centroid, lead, pacsum,
    /// luhn, sumbasic, kl, lsa, random [default: textrank for articles,
    /// tfidf for a corpus].
    #[arg(short, long, value_parser = parse_method)]
    pub method: Option<Method>,

    /// Summary length in sentences [default: 3].
    #[arg(short = 'n', long, value_name = "N", group = "budget", value_parser = clap::value_parser!(u64).range(1..))]
    pub sentences: Option<u64>,

    /// Summary length in words: never more than N.
    #[arg(short, long, value_name = "N", group = "budget", value_parser = clap::value_parser!(u64).range(1..))]
    pub words: Option<u64>,

    /// Summary length as a fraction of the sentences, in (0, 1].
    #[arg(short, long, value_name = "R", group = "budget", value_parser = parse_ratio)]
    pub ratio: Option<f64>,

    /// With --words, cut the last sentence at the budget instead of skipping
    /// to a shorter one (as the DUC evaluations do).
    #[arg(long, requires = "words")]
    pub truncate: bool,

    /// Redundancy penalty of MMR selection, from 0 (rank order) to 1
    /// [default: 0 for articles, 0.4 for a corpus].
    #[arg(long, value_name = "D", value_parser = parse_unit)]
    pub diversity: Option<f64>,

    /// Language: an ISO 639-1 code or English name (en, fr, de, es, ...).
    #[arg(short, long, default_value = "en", value_parser = parse_language)]
    pub lang: Language,

    /// LexRank: link sentences whose cosine is at least T, with weight 1
    /// (the paper's 0.1) [default: continuous LexRank].
    #[arg(long, value_name = "T", value_parser = parse_unit)]
    pub threshold: Option<f64>,

    /// Seed of the random baseline.
    #[arg(long, value_name = "N", default_value_t = 42)]
    pub seed: u64,

    /// PacSum: weight of links to earlier sentences (the paper: -2).
    #[arg(long, value_name = "W", default_value_t = 0.0, allow_negative_numbers = true)]
    pub lambda1: f64,

    /// PacSum: weight of links to later sentences.
    #[arg(long, value_name = "W", default_value_t = 1.0, allow_negative_numbers = true)]
    pub lambda2: f64,

    /// PacSum: edge threshold as a share of the similarity range (the paper: 0.6).
    #[arg(long, value_name = "B", default_value_t = 0.3, value_parser = parse_unit)]
    pub beta: f64,

    /// Order of summary sentences [default: position for articles, date for the corpus].
    #[arg(long, value_enum)]
    pub order: Option<OrderArg>,

    /// Graph methods: link every pair of sentences up to N sentences, only
    /// each sentence's nearest neighbours above [default: 500].
    #[arg(long, value_name = "N")]
    pub dense_limit: Option<usize>,
}

/// `--order` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OrderArg {
    /// Document order.
    Position,
    /// Article date, then position.
    Date,
    /// Best first.
    Score,
}

impl SummaryArgs {
    /// The selected budget.
    pub fn budget(&self) -> Budget {
        match (self.sentences, self.words, self.ratio) {
            (_, Some(w), _) => Budget::Words(w as usize),
            (_, _, Some(r)) => Budget::Ratio(r),
            (Some(s), _, _) => Budget::Sentences(s as usize),
            _ => Budget::default(),
        }
    }

    /// The configuration for per-article summaries.
    pub fn article_config(&self) -> Config {
        self.config(Config::default())
    }

    /// The configuration for cross-corpus summaries.
    pub fn corpus_config(&self) -> Config {
        self.config(Config::corpus_default())
    }

    /// These options over `defaults`.
    fn config(&self, defaults: Config) -> Config {
        Config {
            method: self.method.unwrap_or(defaults.method),
            params: RankParams {
                lexrank_threshold: self.threshold,
                seed: self.seed,
                pacsum_lambda1: self.lambda1,
                pacsum_lambda2: self.lambda2,
                pacsum_beta: self.beta,
                ..RankParams::default()
            },
            selection: Selection {
                budget: self.budget(),
                diversity: self.diversity.unwrap_or(defaults.selection.diversity),
                truncate: self.truncate,
                ..defaults.selection
            },
            language: self.lang,
            order: self.order.map(|o| match o {
                OrderArg::Position => Order::Position,
                OrderArg::Date => Order::Date,
                OrderArg::Score => Order::Score,
            }),
            graph: GraphOptions {
                dense_limit: self.dense_limit.unwrap_or(defaults.graph.dense_limit),
                ..defaults.graph.clone()
            },
            ..defaults
        }
    }
}

pub fn parse_method(s: &str) -> Result<Method, String> {
    Method::parse(s).map_err(|e| e.to_string())
}

pub fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).map_err(|e| e.to_string())
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    let r: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if r > 0.0 && r <= 1.0 { Ok(r) } else { Err(format!("must be in (0, 1], got {s}")) }
}

fn parse_unit(s: &str) -> Result<f64, String> {
    let r: f64 = s.parse().map_err(|_| format!("'{s}' is not a number"))?;
    if (0.0..=1.0).contains(&r) { Ok(r) } else { Err(format!("must be in [0, 1], got {s}")) }
}
