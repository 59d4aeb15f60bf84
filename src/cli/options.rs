//! Options shared by the subcommands that summarize.

use std::sync::LazyLock;

use anyhow::Context;
use clap::builder::PossibleValue;
use clap::{Args as ClapArgs, ValueEnum};

use salient::analyze::Language;
use salient::ingest::OnError;
use salient::rank::Method;
use salient::select::{Budget, Selection};
use salient::summarize::{Config, Order};

/// A method name on the command line; its possible values (and the
/// did-you-mean of a misspelt one) come from [`Method::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MethodArg(pub Method);

static METHODS: LazyLock<Vec<MethodArg>> =
    LazyLock::new(|| Method::ALL.iter().map(|&m| MethodArg(m)).collect());

/// The methods of a comma-separated `--method`/`--methods` list, in the order
/// given, each once. Clap parses every item as a [`MethodArg`], so a misspelt
/// one gets its did-you-mean.
pub fn method_list(given: &[MethodArg]) -> Vec<Method> {
    let mut methods: Vec<Method> = Vec::new();
    for m in given {
        if !methods.contains(&m.0) {
            methods.push(m.0);
        }
    }
    methods
}

impl ValueEnum for MethodArg {
    fn value_variants<'a>() -> &'a [Self] {
        &METHODS
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.0.name()))
    }
}

/// How to rank and select.
#[derive(Debug, Clone, ClapArgs)]
pub struct SummaryArgs {
    /// Ranking method [default: textrank for articles, submodular for a corpus];
    /// `salient methods` lists them with their parameters. eval takes a
    /// comma-separated list and scores each.
    #[arg(short, long, value_enum, value_delimiter = ',', hide_possible_values = true)]
    pub method: Vec<MethodArg>,

    /// Summary length in sentences [default: 3].
    #[arg(short = 'n', long, value_name = "N", group = "budget", value_parser = at_least_one)]
    pub sentences: Option<u64>,

    /// Summary length in words: never more than N.
    #[arg(short, long, value_name = "N", group = "budget", value_parser = at_least_one)]
    pub words: Option<u64>,

    /// Summary length as a fraction of the sentences, in (0, 1].
    #[arg(short, long, value_name = "R", group = "budget", value_parser = parse_ratio)]
    pub ratio: Option<f64>,

    /// With --words, cut the last sentence at the budget instead of skipping
    /// to a shorter one (as the DUC evaluations do).
    #[arg(long, requires = "words")]
    pub truncate: bool,

    /// Let a chosen sentence open with a pronoun or connective ("He said…",
    /// "But…") without the sentence before it; by default that sentence is
    /// brought in when the budget allows, else a self-contained one is chosen
    /// (one of the summary's best, long sentences keeps its place and brings
    /// in only a short predecessor).
    #[arg(long)]
    pub no_coherence: bool,

    /// Redundancy penalty of MMR selection, from 0 (rank order) to 1
    /// [default: 0 for articles, 0.4 for a corpus]; concepts and submodular
    /// choose under the budget and ignore it.
    #[arg(long, value_name = "D", value_parser = parse_unit, allow_negative_numbers = true)]
    pub diversity: Option<f64>,

    /// Skip a sentence when more than this share of its content words (or
    /// of the chosen sentence's, if shorter) are in a chosen sentence, from 0
    /// to 1 [default: 0.8 for articles, 0.5 for a corpus]; 1 turns the rule
    /// off.
    #[arg(long, value_name = "T", value_parser = parse_unit, allow_negative_numbers = true)]
    pub redundancy: Option<f64>,

    /// Language: an ISO 639-1 code or English name (en, fr, de, es, ...).
    #[arg(short, long, default_value = "en", value_parser = parse_language)]
    pub lang: Language,

    /// Set a parameter of the method, e.g. `--param threshold=0.1` for
    /// lexrank or `--param seed=7` for random (repeatable; `salient methods`
    /// lists each method's parameters and defaults).
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE", value_parser = parse_param)]
    pub params: Vec<(String, serde_json::Value)>,

    /// LexRank: link sentences whose cosine is at least T, with weight 1
    /// (the paper's 0.1); shorthand for --param threshold=T.
    #[arg(long, value_name = "T", value_parser = parse_unit, allow_negative_numbers = true)]
    pub threshold: Option<f64>,

    /// Seed of the random baseline; shorthand for --param seed=N.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// PacSum: weight of links to earlier sentences (the paper: -2);
    /// shorthand for --param lambda1=W.
    #[arg(long, value_name = "W", allow_negative_numbers = true, value_parser = parse_finite)]
    pub lambda1: Option<f64>,

    /// PacSum: weight of links to later sentences; shorthand for --param lambda2=W.
    #[arg(long, value_name = "W", allow_negative_numbers = true, value_parser = parse_finite)]
    pub lambda2: Option<f64>,

    /// PacSum: edge threshold as a share of the similarity range (the paper:
    /// 0.6); shorthand for --param beta=B.
    #[arg(long, value_name = "B", value_parser = parse_unit)]
    pub beta: Option<f64>,

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

/// `--on-error` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OnErrorArg {
    /// Stop at the first file or line that cannot be read.
    #[default]
    Stop,
    /// Leave it out, say so on stderr, and go on.
    Skip,
}

impl From<OnErrorArg> for OnError {
    fn from(a: OnErrorArg) -> Self {
        match a {
            OnErrorArg::Stop => OnError::Stop,
            OnErrorArg::Skip => OnError::Skip,
        }
    }
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
    pub fn article_config(&self) -> anyhow::Result<Config> {
        self.config(Config::default())
    }

    /// The configuration for cross-corpus summaries.
    pub fn corpus_config(&self) -> anyhow::Result<Config> {
        self.config(Config::corpus_default())
    }

    /// Every method parameter given, by its library name: `--param` and the shorthands.
    fn method_params(&self) -> Vec<(String, serde_json::Value)> {
        let mut out = self.params.clone();
        let shorthands = [
            ("threshold", self.threshold.map(serde_json::Value::from)),
            ("seed", self.seed.map(serde_json::Value::from)),
            ("lambda1", self.lambda1.map(serde_json::Value::from)),
            ("lambda2", self.lambda2.map(serde_json::Value::from)),
            ("beta", self.beta.map(serde_json::Value::from)),
        ];
        out.extend(shorthands.into_iter().filter_map(|(k, v)| Some((k.to_owned(), v?))));
        out
    }

    /// These options over `defaults`.
    ///
    /// # Errors
    /// More than one `--method` (only eval scores several, through
    /// [`SummaryArgs::config_with`]), and invalid options.
    pub fn config(&self, defaults: Config) -> anyhow::Result<Config> {
        let method = match method_list(&self.method)[..] {
            [] => defaults.method(),
            [m] => m,
            [..] => anyhow::bail!("--method takes one method here (eval and compare take a list)"),
        };
        self.config_with(defaults, method)
    }

    /// These options over `defaults`, ranking with `method`.
    pub fn config_with(&self, defaults: Config, method: Method) -> anyhow::Result<Config> {
        let mut config = defaults.with_method(method);
        for (name, value) in self.method_params() {
            config.ranker.set(&name, value).context("invalid method parameter")?;
        }
        config.selection = Selection {
            budget: self.budget(),
            diversity: self.diversity.unwrap_or(config.selection.diversity),
            redundancy_threshold: self.redundancy.unwrap_or(config.selection.redundancy_threshold),
            truncate: self.truncate,
            coherence: !self.no_coherence,
            ..config.selection
        };
        config.language = self.lang;
        config.order = self.order.map(|o| match o {
            OrderArg::Position => Order::Position,
            OrderArg::Date => Order::Date,
            OrderArg::Score => Order::Score,
        });
        if let Some(d) = self.dense_limit {
            config.graph.dense_limit = d;
        }
        config.validate().context("invalid options")?;
        Ok(config)
    }
}

pub fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).map_err(|e| e.to_string())
}

/// A positive count: "must be at least 1" instead of clap's range message.
pub fn at_least_one(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("'{s}' is not a whole number")),
    }
}

fn parse_finite(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        Ok(_) => Err(format!("must be a finite number, got {s}")),
        Err(_) => Err(format!("'{s}' is not a number")),
    }
}

fn parse_ratio(s: &str) -> Result<f64, String> {
    let r = parse_finite(s)?;
    if r > 0.0 && r <= 1.0 { Ok(r) } else { Err(format!("must be in (0, 1], got {s}")) }
}

fn parse_unit(s: &str) -> Result<f64, String> {
    let r = parse_finite(s)?;
    if (0.0..=1.0).contains(&r) { Ok(r) } else { Err(format!("must be in [0, 1], got {s}")) }
}

/// `NAME=VALUE`, the value read as JSON (a number, `null`, `true`) or else as a string.
fn parse_param(s: &str) -> Result<(String, serde_json::Value), String> {
    let Some((name, value)) = s.split_once('=') else {
        return Err(format!("expected NAME=VALUE, got '{s}'"));
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("expected NAME=VALUE, got '{s}'"));
    }
    let value = value.trim();
    if let Ok(x) = value.parse::<f64>()
        && !x.is_finite()
    {
        return Err(format!("{name} must be a finite number, got {value}"));
    }
    let parsed =
        serde_json::from_str(value).unwrap_or_else(|_| serde_json::Value::String(value.to_owned()));
    Ok((name.to_owned(), parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_parse_numbers_and_reject_non_finite() {
        assert_eq!(parse_param("seed=7"), Ok(("seed".into(), serde_json::json!(7))));
        assert_eq!(
            parse_param("threshold=null"),
            Ok(("threshold".into(), serde_json::Value::Null))
        );
        assert!(parse_param("lambda1=nan").is_err());
        assert!(parse_param("beta=inf").is_err());
        assert!(parse_param("noequals").is_err());
        assert!(parse_finite("NaN").is_err());
        assert_eq!(at_least_one("0"), Err("must be at least 1".into()));
    }
}
