//! `salient eval`: ROUGE of salient's summaries, or of given ones, against a dataset's references.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};
use serde::{Deserialize, Serialize};

use salient::evaluate::{Prf, RougeConfig, RougeScores, mean, rouge};
use salient::ingest::{Corpus, ReadOptions, read_inputs};
use salient::parallel::Parallelism;
use salient::summarize::Summarizer;

use super::options::SummaryArgs;
use super::progress::Progress;

/// Score summaries with ROUGE, as ROUGE-1.5.5 computes it.
///
/// Summarizes every instance of a JSONL dataset ({"id", "documents",
/// "references"} per line) with --method and the budget, or reads given
/// summaries with --summaries, and scores them against the references:
/// ROUGE-1 to ROUGE-N and ROUGE-L, recall, precision and F, with
/// ROUGE-1.5.5's tokenization, Porter stemmer (-m) and model averaging (-f A).
/// --words N both sets the summary budget and truncates summaries and
/// references to N words before scoring (ROUGE-1.5.5's -l N).
///
/// Examples:
///
///   salient eval duc2004/dev.jsonl --scope corpus --words 100
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
    /// (the per-document summaries concatenated).
    #[arg(long, value_enum, default_value_t = EvalScope::Corpus)]
    pub scope: EvalScope,

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

/// One system's summaries by instance id.
pub type Systems = BTreeMap<String, HashMap<String, String>>;

pub fn run(args: Args) -> anyhow::Result<()> {
    let corpora = read_inputs(std::slice::from_ref(&args.dataset), &ReadOptions::default())?;
    let instances: Vec<&Corpus> = corpora.iter().filter(|c| c.id.is_some()).collect();
    if instances.is_empty() {
        bail!("{}: no instances with \"documents\" and \"references\"", args.dataset);
    }
    let systems = match &args.summaries {
        Some(path) => read_summaries(path)?,
        None => {
            let summarizer = Summarizer::new(match args.scope {
                EvalScope::Corpus => args.summary.corpus_config()?,
                EvalScope::Articles => args.summary.article_config()?,
            })?;
            let name = format!("salient-{}", summarizer.config().method());
            let texts = summarize_with(&summarizer, args.scope, &instances, true)?;
            if let Some(path) = &args.save_summaries {
                save_summaries(path, &name, &instances, &texts)?;
            }
            let ids = instances.iter().map(|c| c.id.clone().unwrap_or_default());
            BTreeMap::from([(name, ids.zip(texts).collect())])
        }
    };
    let config = rouge_config(&args);
    let results = score(&config, &instances, &systems);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_results(&mut out, &results, &args, &config)?;
    out.flush()?;
    Ok(())
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

fn read_summaries(path: &str) -> anyhow::Result<Systems> {
    let text = std::fs::read_to_string(path).with_context(|| path.to_owned())?;
    let mut systems = Systems::new();
    for (k, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let s: SummaryLine = serde_json::from_str(line)
            .with_context(|| format!("{path}:{}: expected {{\"id\", \"summary\"}}", k + 1))?;
        let system = s.system.unwrap_or_else(|| "summaries".to_owned());
        systems.entry(system).or_default().insert(s.id, s.summary);
    }
    if systems.is_empty() {
        bail!("{path}: no summaries");
    }
    Ok(systems)
}

fn save_summaries(
    path: &str,
    system: &str,
    instances: &[&Corpus],
    texts: &[String],
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot write {path}"))?,
    );
    for (c, t) in instances.iter().zip(texts) {
        let line = SummaryLine {
            id: c.id.clone().unwrap_or_default(),
            system: Some(system.to_owned()),
            summary: t.clone(),
        };
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// Per-system results: the mean and the per-instance scores.
pub struct SystemResult {
    pub system: String,
    pub mean: RougeScores,
    pub instances: Vec<(String, RougeScores)>,
    pub missing: usize,
}

/// Scores every system on every instance that has references; a missing
/// summary counts as empty.
pub fn score(config: &RougeConfig, instances: &[&Corpus], systems: &Systems) -> Vec<SystemResult> {
    let scored: Vec<&Corpus> =
        instances.iter().copied().filter(|c| !c.references.is_empty()).collect();
    systems
        .iter()
        .map(|(system, summaries)| {
            let per: Vec<(String, RougeScores)> = Parallelism::Parallel.map(&scored, |c| {
                let id = c.id.clone().unwrap_or_default();
                let summary = summaries.get(&id).map_or("", String::as_str);
                (id, rouge(config, summary, &c.references))
            });
            let missing = scored
                .iter()
                .filter(|c| !summaries.contains_key(c.id.as_deref().unwrap_or_default()))
                .count();
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

fn json_row(system: &str, id: Option<&str>, n: usize, scores: &RougeScores) -> serde_json::Value {
    let mut row = serde_json::Map::new();
    row.insert("system".into(), system.into());
    match id {
        Some(id) => {
            row.insert("id".into(), id.into());
        }
        None => {
            row.insert("instances".into(), n.into());
        }
    }
    for (name, p) in metric_names(scores) {
        row.insert(name, serde_json::to_value(p).unwrap_or_default());
    }
    serde_json::Value::Object(row)
}

fn write_results(
    out: &mut impl Write,
    results: &[SystemResult],
    args: &Args,
    config: &RougeConfig,
) -> anyhow::Result<()> {
    match args.format {
        EvalFormat::Json if args.per_instance => {
            for r in results {
                for (id, s) in &r.instances {
                    writeln!(out, "{}", json_row(&r.system, Some(id), 1, s))?;
                }
            }
        }
        EvalFormat::Json => {
            let systems: Vec<_> = results
                .iter()
                .map(|r| json_row(&r.system, None, r.instances.len(), &r.mean))
                .collect();
            let doc = serde_json::json!({ "rouge": config, "systems": systems });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        EvalFormat::Text => {
            let Some(first) = results.first() else {
                return Ok(());
            };
            let names = metric_names(&first.mean);
            let width = results.iter().map(|r| r.system.len()).max().unwrap_or(6).max(6);
            write!(out, "{:<width$} {:>9}", "system", "instance")?;
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
            let row = |out: &mut dyn Write, system: &str, inst: &str, s: &RougeScores| {
                write!(out, "{system:<width$} {inst:>9}")?;
                for (_, p) in metric_names(s) {
                    write!(out, " {:>8.5} {:>8.5} {:>8.5}", p.recall, p.precision, p.f)?;
                }
                writeln!(out)
            };
            for r in results {
                row(out, &r.system, &format!("{}", r.instances.len()), &r.mean)?;
                if args.per_instance {
                    for (id, s) in &r.instances {
                        row(out, &r.system, id, s)?;
                    }
                }
            }
            for r in results.iter().filter(|r| r.missing > 0) {
                writeln!(
                    out,
                    "note: {} has no summary for {} instances (scored as empty)",
                    r.system, r.missing
                )?;
            }
        }
    }
    Ok(())
}
