//! `salient summarize`: per-article and cross-corpus summaries.

use std::io::IsTerminal;

use anyhow::Context;
use clap::{Args as ClapArgs, ValueEnum};

use salient::ingest::{ReadOptions, read_inputs};
use salient::summarize::Summarizer;

use super::options::SummaryArgs;
use super::output::{Format, Report, write_report};

/// Summarize articles: each on its own, and all of them together.
///
/// Inputs are text, markdown or HTML files, folders (every .txt, .md, .html
/// and .htm inside, recursively), JSONL files (one {"text"} or {"html"} article
/// or one {"documents"} set of articles per line), or `-` for standard input
/// (the default when stdin is not a terminal). An HTML page is reduced to its
/// article's text first (see `salient extract`).
///
/// Examples:
///
///   salient summarize seeds/
///
///   salient summarize seeds/ --words 120 --scope corpus
///
///   salient summarize article.txt --method tfidf --sentences 5 --format json
///
///   cat article.txt | salient summarize --ratio 0.2
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders, JSONL files, or - for stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    #[command(flatten)]
    pub summary: SummaryArgs,

    /// What to summarize: each article, the corpus as a whole, or both.
    #[arg(long, value_enum, default_value_t = Scope::Both)]
    pub scope: Scope,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Keep every line as a candidate: no filtering of captions, navigation,
    /// teasers, link lists, headings or duplicate lines.
    #[arg(long)]
    pub keep_all: bool,
}

/// `--scope` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scope {
    /// One summary per article.
    Articles,
    /// One summary of all articles together (per JSONL instance).
    Corpus,
    /// Both.
    Both,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no input: give files, folders or JSONL, or pipe text to stdin (see --help)"
            );
        }
        paths.push("-".to_owned());
    }
    let corpora = read_inputs(&paths, &ReadOptions { keep_all: args.keep_all })?;
    let articles = Summarizer::new(args.summary.article_config()).context("invalid options")?;
    let whole = Summarizer::new(args.summary.corpus_config()).context("invalid options")?;
    let mut report = Report::new(articles.config().clone(), whole.config().clone());
    for corpus in &corpora {
        if args.scope != Scope::Corpus {
            report.articles.extend(articles.summarize_articles(&corpus.articles));
        }
        // A corpus summary needs two articles; a JSONL instance always gets one.
        if args.scope != Scope::Articles && (corpus.articles.len() > 1 || corpus.id.is_some()) {
            report.corpora.push(whole.summarize_corpus(corpus.id.clone(), &corpus.articles));
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    write_report(&mut out, &report, args.format)?;
    Ok(())
}
