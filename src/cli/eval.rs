//! `salient eval`: ROUGE of salient's summaries, or of given ones, against a dataset's references.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};
use serde::{Deserialize, Serialize};

use salient::evaluate::{Prf, RougeConfig, RougeScores, mean, rouge};
use salient::ingest::{Corpus, ReadOptions, read_inputs};
use salient::parallel::Parallelism;
use salient::summarize::{Config, Summarizer};

use super::options::{SummaryArgs, method_list};
use super::paths::same_file;
use super::progress::Progress;

/// Score summaries with ROUGE, as ROUGE-1.5.5 computes it.
///
/// Summarizes every instance of a JSONL dataset ({"id", "documents",
/// "references"} per line) with each --method (a comma-separated list: one
/// row per method) and the budget, or reads given
/// summaries with --summaries, and scores them against the references:
/// ROUGE-1 to ROUGE-N and ROUGE-L, recall, precision and F, with
/// ROUGE-1.5.5's tokenization, Porter stemmer (-m) and model averaging (-f A).
/// --words N both sets the summary budget and truncates summaries and
/// references to N words before scoring (ROUGE-1.5.5's -l N).
///
/// Nothing is scored silently as zero: a dataset where no instance has
/// references, summaries whose ids match no instance, and a summary id given
/// twice for one system are errors. Instances without references are skipped
/// and instances without a summary are scored as empty, each with a warning
/// on stderr; --format json carries these counts.
///
/// Examples:
///
///   salient eval duc2004/dev.jsonl --scope corpus --words 100
///
///   salient eval duc2004/dev.jsonl --words 100 --method tfidf,lexrank,lead
///
///   salient eval dev.jsonl --summaries systems.jsonl --words 100 --rouge-n 4 --per-instance
///
///   salient eval bbc.jsonl --scope articles --method lead --sentences 3 --format json
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// JSONL dataset with "references".
    #[arg(value_name = "DATASET")]
    pub dataset: String,

    #[command(flatten)]
    pub summary: SummaryArgs,

    /// Summarize each instance as one corpus, or each document on its own
    /// (the per-document summaries concatenated) [default: articles when
    /// every instance has one document, corpus otherwise].
    #[arg(long, value_enum)]
    pub scope: Option<EvalScope>,

    /// Score these summaries instead ({"id", "summary", "system"?} per line).
    #[arg(long, value_name = "FILE")]
    pub summaries: Option<String>,

    /// Write salient's summaries as {"id", "system", "summary"} lines.
    #[arg(long, value_name = "FILE", conflicts_with = "summaries")]
    pub save_summaries: Option<String>,

    /// Score ROUGE-1 up to ROUGE-N.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..=9))]
    pub rouge_n: u64,

    /// Do not stem (ROUGE-1.5.5 without -m).
    #[arg(long)]
    pub no_stem: bool,

    /// Remove ROUGE-1.5.5's stop words before scoring (its -s).
    #[arg(long)]
    pub remove_stopwords: bool,

    /// Tokenize on Unicode letters and digits instead of ROUGE-1.5.5's ASCII
    /// rule (for Arabic, Greek, Hebrew, Hindi, ...).
    #[arg(long)]
    pub unicode: bool,

    /// Add one row per system and instance (JSON Lines with --format json).
    #[arg(long)]
    pub per_instance: bool,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,
}

/// `--scope` values of eval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalScope {
    /// Each document summarized on its own.
    Articles,
    /// All documents of an instance summarized together.
    Corpus,
}

/// `--format` values of eval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// A readable table.
    Text,
    /// JSON (JSON Lines with --per-instance).
    Json,
}

/// One line of a summaries file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SummaryLine {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    pub summary: String,
}

/// Each system's summaries by instance id, in the order the table lists them.
pub type Systems = Vec<(String, HashMap<String, String>)>;

pub fn run(args: Args) -> anyhow::Result<()> {
    if let Some(path) = &args.summaries
        && !args.summary.method.is_empty()
    {
        // The given summaries were made by their own systems: a method here would
        // be ignored, and the table would name it as if it had been scored.
        let methods: Vec<&str> =
            method_list(&args.summary.method).iter().map(|m| m.name()).collect();
        bail!(
            "--summaries {path} scores the given summaries; --method {} cannot be used with it",
            methods.join(",")
        );
    }
    if let Some(path) = &args.save_summaries
        && same_file(path, &args.dataset)
    {
        // Inputs are never written: saving there would replace the dataset.
        bail!("--save-summaries {path}: that is the dataset");
    }
    let corpora = read_inputs(std::slice::from_ref(&args.dataset), &ReadOptions::default())?;
    let all: Vec<&Corpus> = corpora.iter().filter(|c| c.id.is_some()).collect();
    if all.is_empty() {
        bail!("{}: no instances with \"documents\" and \"references\"", args.dataset);
    }
    let (instances, unreferenced): (Vec<&Corpus>, Vec<&Corpus>) =
        all.iter().copied().partition(|c| !c.references.is_empty());
    let unreferenced: Vec<&str> = unreferenced.iter().map(|c| id_of(c)).collect();
    if instances.is_empty() {
        bail!(
            "{}: no instance has \"references\" to score against ({} without: {})",
            args.dataset,
            count(unreferenced.len(), "instance", "instances"),
            first_ids(&unreferenced)
        );
    }
    let mut warnings = Vec::new();
    let systems = match &args.summaries {
        Some(path) => {
            let systems = read_summaries(path)?;
            warnings = check_matches(path, &args.dataset, &systems, &all, &instances)?;
            systems
        }
        None => {
            // One document per instance is a single-document dataset: its
            // summary is the article's, made with the article defaults.
            let scope = args.scope.unwrap_or(if instances.iter().all(|c| c.articles.len() == 1) {
                EvalScope::Articles
            } else {
                EvalScope::Corpus
            });
            let defaults = match scope {
                EvalScope::Corpus => Config::corpus_default(),
                EvalScope::Articles => Config::default(),
            };
            let mut methods = method_list(&args.summary.method);
            if methods.is_empty() {
                methods.push(defaults.method());
            }
            // Every configuration first, so that a bad option fails before any work.
            let configs = methods
                .iter()
                .map(|&m| args.summary.config_with(defaults.clone(), m))
                .collect::<anyhow::Result<Vec<Config>>>()?;
            let mut runs = Vec::new();
            for config in configs {
                let summarizer = Summarizer::new(config)?;
                let name = format!("salient-{}", summarizer.config().method());
                runs.push((name, summarize_with(&summarizer, scope, &instances, true)?));
            }
            if let Some(path) = &args.save_summaries {
                save_summaries(path, &runs, &instances)?;
            }
            runs.into_iter()
                .map(|(name, texts)| {
                    let ids = instances.iter().map(|c| c.id.clone().unwrap_or_default());
                    (name, ids.zip(texts).collect())
                })
                .collect()
        }
    };
    // Warnings once nothing can fail, so that an error is the only line printed.
    if !unreferenced.is_empty() {
        warn(&format!(
            "{}: {} without \"references\" skipped: {}",
            args.dataset,
            count(unreferenced.len(), "instance", "instances"),
            first_ids(&unreferenced)
        ));
    }
    for w in &warnings {
        warn(w);
    }
    let config = rouge_config(&args);
    let results = score(&config, &instances, &systems);
    for r in results.iter().filter(|r| !r.missing.is_empty()) {
        warn(&format!(
            "{} has no summary for {} (scored as empty): {}",
            r.system,
            count(r.missing.len(), "instance", "instances"),
            first_ids(&r.missing)
        ));
    }
    let coverage =
        Coverage { total: all.len(), scored: instances.len(), no_references: unreferenced.len() };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_results(&mut out, &results, &coverage, &args, &config)?;
    out.flush()?;
    Ok(())
}

/// How many instances of the dataset were scored, and why the others were not.
pub struct Coverage {
    pub total: usize,
    pub scored: usize,
    pub no_references: usize,
}

fn id_of(c: &Corpus) -> &str {
    c.id.as_deref().unwrap_or_default()
}

fn warn(message: &str) {
    eprintln!("salient: warning: {message}");
}

/// `1 instance`, `2 instances`.
fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
}

/// The first few of `ids`, for a one-line message.
fn first_ids(ids: &[&str]) -> String {
    const SHOWN: usize = 5;
    let mut list = ids.iter().take(SHOWN).copied().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        list.push_str(&format!(" and {} more", ids.len() - SHOWN));
    }
    list
}

/// Fails when a system's summaries match none of the instances to score;
/// returns warnings about summaries for ids the dataset does not have.
fn check_matches(
    path: &str,
    dataset: &str,
    systems: &Systems,
    all: &[&Corpus],
    instances: &[&Corpus],
) -> anyhow::Result<Vec<String>> {
    let mut warnings = Vec::new();
    let known: std::collections::HashSet<&str> = all.iter().map(|c| id_of(c)).collect();
    for (system, summaries) in systems {
        let mut ids: Vec<&str> = summaries.keys().map(String::as_str).collect();
        ids.sort_unstable();
        if !instances.iter().any(|c| summaries.contains_key(id_of(c))) {
            let instance_ids: Vec<&str> = instances.iter().map(|c| id_of(c)).collect();
            bail!(
                "{path}: no summary of {system} matches an instance of {dataset} to score \
                 (summary ids: {}; instance ids: {})",
                first_ids(&ids),
                first_ids(&instance_ids)
            );
        }
        let unknown: Vec<&str> = ids.iter().copied().filter(|id| !known.contains(id)).collect();
        if !unknown.is_empty() {
            warnings.push(format!(
                "{path}: {} of {system} for ids not in {dataset} ignored: {}",
                count(unknown.len(), "summary", "summaries"),
                first_ids(&unknown)
            ));
        }
    }
    Ok(warnings)
}

/// The ROUGE settings of these options.
pub fn rouge_config(args: &Args) -> RougeConfig {
    RougeConfig {
        max_n: args.rouge_n as usize,
        stem: !args.no_stem,
        remove_stopwords: args.remove_stopwords,
        word_limit: args.summary.words.map(|w| w as usize),
        unicode: args.unicode,
        ..RougeConfig::default()
    }
}

/// Summaries of `instances` with `summarizer`, in order, one line per sentence.
pub fn summarize_with(
    summarizer: &Summarizer,
    scope: EvalScope,
    instances: &[&Corpus],
    progress: bool,
) -> anyhow::Result<Vec<String>> {
    let bar = Progress::new(if progress { instances.len() } else { 0 }, "summarizing");
    // Instances in parallel, each ranked serially: the same work, in input order.
    let serial = {
        let mut c = summarizer.config().clone();
        c.parallelism = Parallelism::Serial;
        Summarizer::new(c)?
    };
    let texts = Parallelism::Parallel.map(instances, |corpus| {
        let lines: Vec<String> = match scope {
            EvalScope::Corpus => serial
                .summarize_corpus(corpus.id.clone(), &corpus.articles)
                .summary
                .into_iter()
                .map(|s| s.extract.text)
                .collect(),
            EvalScope::Articles => serial
                .summarize_articles(&corpus.articles)
                .into_iter()
                .flat_map(|a| a.summary.into_iter().map(|s| s.text))
                .collect(),
        };
        bar.inc();
        lines.join("\n")
    });
    bar.finish();
    Ok(texts)
}

/// The summaries of a file, by system name.
fn read_summaries(path: &str) -> anyhow::Result<Systems> {
    let text = std::fs::read_to_string(path).with_context(|| path.to_owned())?;
    let mut systems: BTreeMap<String, HashMap<String, String>> = BTreeMap::new();
    // By system, in file order: which ids came twice.
    let mut duplicates: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let s: SummaryLine = serde_json::from_str(line)
            .with_context(|| format!("{path}:{}: expected {{\"id\", \"summary\"}}", k + 1))?;
        let system = s.system.unwrap_or_else(|| "summaries".to_owned());
        let summaries = systems.entry(system.clone()).or_default();
        match summaries.entry(s.id) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let ids = duplicates.entry(system).or_default();
                if !ids.contains(e.key()) {
                    ids.push(e.key().clone());
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(s.summary);
            }
        }
    }
    if systems.is_empty() {
        bail!("{path}: no summaries");
    }
    if let Some((system, ids)) = duplicates.iter().next() {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        bail!("{path}: {system} has more than one summary for id {}", first_ids(&ids));
    }
    Ok(systems.into_iter().collect())
}

/// Writes each system's summaries, system after system, as summary lines.
fn save_summaries(
    path: &str,
    runs: &[(String, Vec<String>)],
    instances: &[&Corpus],
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot write {path}"))?,
    );
    for (system, texts) in runs {
        for (c, t) in instances.iter().zip(texts) {
            let line = SummaryLine {
                id: c.id.clone().unwrap_or_default(),
                system: Some(system.clone()),
                summary: t.clone(),
            };
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Per-system results: the mean and the per-instance scores.
pub struct SystemResult<'a> {
    pub system: String,
    pub mean: RougeScores,
    pub instances: Vec<(String, RougeScores)>,
    /// Ids of the instances this system has no summary for, in dataset order
    /// (scored as empty).
    pub missing: Vec<&'a str>,
}

/// Scores every system on every instance (all with references); a missing
/// summary counts as empty.
pub fn score<'a>(
    config: &RougeConfig,
    instances: &[&'a Corpus],
    systems: &Systems,
) -> Vec<SystemResult<'a>> {
    systems
        .iter()
        .map(|(system, summaries)| {
            let per: Vec<(String, RougeScores)> = Parallelism::Parallel.map(instances, |c| {
                let id = c.id.clone().unwrap_or_default();
                let summary = summaries.get(&id).map_or("", String::as_str);
                (id, rouge(config, summary, &c.references))
            });
            let missing = instances
                .iter()
                .map(|c| id_of(c))
                .filter(|id| !summaries.contains_key(*id))
                .collect();
            let all: Vec<RougeScores> = per.iter().map(|(_, s)| s.clone()).collect();
            SystemResult { system: system.clone(), mean: mean(&all), instances: per, missing }
        })
        .collect()
}

fn metric_names(scores: &RougeScores) -> Vec<(String, Prf)> {
    let mut v: Vec<(String, Prf)> =
        scores.rouge_n.iter().enumerate().map(|(k, p)| (format!("rouge-{}", k + 1), *p)).collect();
    v.push(("rouge-l".to_owned(), scores.rouge_l));
    v
}

/// A JSON row: one instance's scores (`id`), or a system's mean over its
/// `instances` with the number of them `missing` a summary.
fn json_row(
    system: &str,
    id: Option<&str>,
    counts: (usize, usize),
    scores: &RougeScores,
) -> serde_json::Value {
    let mut row = serde_json::Map::new();
    row.insert("system".into(), system.into());
    match id {
        Some(id) => {
            row.insert("id".into(), id.into());
        }
        None => {
            row.insert("instances".into(), counts.0.into());
            row.insert("missing_summaries".into(), counts.1.into());
        }
    }
    for (name, p) in metric_names(scores) {
        row.insert(name, serde_json::to_value(p).unwrap_or_default());
    }
    serde_json::Value::Object(row)
}

fn write_results(
    out: &mut impl Write,
    results: &[SystemResult<'_>],
    coverage: &Coverage,
    args: &Args,
    config: &RougeConfig,
) -> anyhow::Result<()> {
    match args.format {
        EvalFormat::Json if args.per_instance => {
            for r in results {
                for (id, s) in &r.instances {
                    writeln!(out, "{}", json_row(&r.system, Some(id), (1, 0), s))?;
                }
            }
        }
        EvalFormat::Json => {
            let systems: Vec<_> = results
                .iter()
                .map(|r| json_row(&r.system, None, (r.instances.len(), r.missing.len()), &r.mean))
                .collect();
            let instances = serde_json::json!({
                "total": coverage.total,
                "scored": coverage.scored,
                "skipped": { "no_references": coverage.no_references },
            });
            let doc =
                serde_json::json!({ "rouge": config, "instances": instances, "systems": systems });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        EvalFormat::Text => {
            let Some(first) = results.first() else {
                return Ok(());
            };
            let names = metric_names(&first.mean);
            let width = results.iter().map(|r| r.system.len()).max().unwrap_or(6).max(6);
            // With --per-instance, a column says which instance a row scores
            // ("mean" for a system's mean over all of them).
            let id_width = if args.per_instance {
                results
                    .iter()
                    .flat_map(|r| r.instances.iter().map(|(id, _)| id.len()))
                    .max()
                    .unwrap_or(0)
                    .max("instance".len())
            } else {
                0
            };
            let label = "instances scored";
            let count_width = label.len();
            write!(out, "{:<width$}", "system")?;
            if args.per_instance {
                write!(out, " {:<id_width$}", "instance")?;
            }
            write!(out, " {label:>count_width$}")?;
            for (name, _) in &names {
                let short = name.replace("rouge-", "R").to_uppercase();
                write!(
                    out,
                    " {:>8} {:>8} {:>8}",
                    format!("{short}-R"),
                    format!("{short}-P"),
                    format!("{short}-F")
                )?;
            }
            writeln!(out)?;
            let row = |out: &mut dyn Write, system: &str, id: &str, n: usize, s: &RougeScores| {
                write!(out, "{system:<width$}")?;
                if args.per_instance {
                    write!(out, " {id:<id_width$}")?;
                }
                write!(out, " {n:>count_width$}")?;
                for (_, p) in metric_names(s) {
                    write!(out, " {:>8.5} {:>8.5} {:>8.5}", p.recall, p.precision, p.f)?;
                }
                writeln!(out)
            };
            for r in results {
                row(out, &r.system, "mean", r.instances.len(), &r.mean)?;
                if args.per_instance {
                    for (id, s) in &r.instances {
                        row(out, &r.system, id, 1, s)?;
                    }
                }
            }
        }
    }
    Ok(())
}
