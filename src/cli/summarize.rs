//! `salient summarize`: per-article and cross-corpus summaries.

use std::io::IsTerminal;

use clap::{Args as ClapArgs, ValueEnum};

use salient::ingest::{Article, BatchLimit, Corpus, Item, ReadOptions, Reader, Skipped};
use salient::parallel::Parallelism;
use salient::summarize::{ArticleSummary, CorpusSummary, Summarizer};

use super::html::Scored;
use super::options::{OnErrorArg, SummaryArgs};
use super::output::{Format, ReportWriter};

/// Summarize articles: each on its own, and all of them together.
///
/// Inputs are text, markdown or HTML files, folders (every .txt, .md, .html
/// and .htm inside, recursively), JSON Lines (one {"text"} or {"html"}
/// article or one {"documents"} set of articles per line; .jsonl files, and
/// .json, .ndjson or stdin whose content starts with "{"), or `-` for
/// standard input (the default when stdin is not a terminal). An HTML page
/// is reduced to its article's text first (see `salient extract`).
///
/// Summaries are written as they are made, in input order, a batch of
/// articles at a time; corpus summaries come last.
///
/// Scope: by default every article gets its summary, and the articles of
/// the run together get one corpus summary when there are two or more; each
/// JSONL "documents" line with two or more documents gets its own corpus
/// summary. `--scope corpus` gives a corpus summary even of one article.
///
/// Examples:
///
///   salient summarize seeds/
///
///   salient summarize seeds/ --words 120 --scope corpus
///
///   salient summarize article.txt --method tfidf --sentences 5 --format json
///
///   cat feed.jsonl | salient summarize --scope articles --format lines
///
///   salient summarize archive/ --on-error skip --format json > out.json
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

    /// A file or JSONL line that cannot be read (not UTF-8, unreadable,
    /// malformed): stop with its error, or skip it, say so on stderr, and go on.
    #[arg(long, value_enum, default_value_t = OnErrorArg::Stop)]
    pub on_error: OnErrorArg,

    /// Run a corpus summary even when its dense similarity matrix (4·n²
    /// bytes for n sentences up to --dense-limit) is estimated not to fit in
    /// the available memory.
    #[arg(long)]
    pub force: bool,

    /// With `--format json`: include each article's text (`"text"`), which
    /// the `start`/`end` offsets of its summary index.
    #[arg(long)]
    pub with_text: bool,
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
    let options = ReadOptions { keep_all: args.keep_all, on_error: args.on_error.into() };
    let mut reader = Reader::new(&paths, options)?;
    let articles = Summarizer::new(args.summary.article_config()?)?;
    let whole = Summarizer::new(args.summary.corpus_config()?)?;
    let stdout = std::io::stdout();
    let stdin_only = paths == ["-"];
    let mut out = ReportWriter::new(
        std::io::BufWriter::new(stdout.lock()),
        args.format,
        articles.config(),
        whole.config(),
        stdin_only,
    )
    .with_text(args.with_text);
    out.begin()?;
    let scope = args.scope;
    // The run's own articles, kept only when a corpus summary needs them.
    let mut main: Vec<Article> = Vec::new();
    let mut corpora: Vec<CorpusSummary> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    // Reading runs one batch ahead on its own thread, so parsing the input
    // overlaps with summarizing the batch before it.
    let (tx, rx) = std::sync::mpsc::sync_channel::<salient::Result<Vec<Item>>>(1);
    std::thread::scope(|threads| -> anyhow::Result<()> {
        threads.spawn(move || {
            // Small first batches put the first summaries out at once; later
            // ones are large enough to keep every thread busy.
            let mut items = 64;
            loop {
                let limit = BatchLimit { items, ..BatchLimit::default() };
                items = (items * 2).min(BatchLimit::default().items);
                let next = match reader.next_batch(limit) {
                    Ok(Some(batch)) => Ok(batch),
                    Ok(None) => break,
                    Err(e) => Err(e),
                };
                let failed = next.is_err();
                if tx.send(next).is_err() || failed {
                    break;
                }
            }
        });
        for batch in rx {
            let batch = batch?;
            if scope != Scope::Corpus {
                let all: Vec<&Article> = batch
                    .iter()
                    .flat_map(|item| match item {
                        Item::Article(a) => std::slice::from_ref(a),
                        Item::Instance(c) => c.articles.as_slice(),
                        Item::Skipped(_) => &[],
                    })
                    .collect();
                if out.needs_article() {
                    for (summary, a, scored) in summarize_scored(&articles, &all) {
                        out.article_in(&summary, a, &scored)?;
                    }
                } else {
                    for summary in articles.summarize_articles(&all) {
                        out.article(&summary)?;
                    }
                }
            }
            let mut instances: Vec<Corpus> = Vec::new();
            for item in batch {
                match item {
                    Item::Article(a) if scope != Scope::Articles => main.push(a),
                    Item::Instance(c) if wants_corpus(scope, c.articles.len()) => instances.push(c),
                    Item::Skipped(s) => {
                        eprintln!("salient: skipped {}", s.error);
                        skipped.push(s);
                    }
                    _ => {}
                }
            }
            // Instances in parallel, each ranked on one thread unless it is large.
            corpora.extend(
                Parallelism::Parallel
                    .map(&instances, |c| whole.summarize_corpus(c.id.clone(), &c.articles)),
            );
            out.flush()?;
        }
        Ok(())
    })?;
    let mut all_corpora = Vec::with_capacity(corpora.len() + 1);
    if wants_corpus(scope, main.len()) {
        let found = whole.candidates(&main);
        if !args.force {
            check_dense_memory(whole.config(), found.len(), super::bench::available_bytes())?;
        }
        let ranked = whole.rank(found);
        all_corpora.push(whole.corpus_summary(None, &main, &ranked, &whole.config().selection));
    }
    all_corpora.extend(corpora);
    out.finish(&all_corpora, &skipped)?;
    Ok(())
}

/// Each article's summary with the score of every candidate sentence, by
/// the summarizer's own public steps (what `summarize_articles` runs).
fn summarize_scored<'a>(
    summarizer: &Summarizer,
    all: &[&'a Article],
) -> Vec<(ArticleSummary, &'a Article, Vec<Scored>)> {
    summarizer.config().parallelism.map(all, |&a| {
        let ranked = summarizer.rank(summarizer.candidates(std::slice::from_ref(a)));
        let summary = summarizer.article_summary(a, &ranked, &summarizer.config().selection);
        let scored = ranked
            .candidates()
            .spans
            .iter()
            .zip(ranked.scores())
            .map(|(span, &score)| Scored { start: span.start, end: span.end, score })
            .collect();
        (summary, a, scored)
    })
}

/// Refuses, before the similarity stage, a dense matrix that would not fit:
/// graph methods build 4·n² bytes of it for n sentences up to the dense limit.
fn check_dense_memory(
    config: &salient::summarize::Config,
    n: usize,
    available: Option<u64>,
) -> anyhow::Result<()> {
    use salient::rank::Method;
    let graph = matches!(config.method(), Method::Textrank | Method::Lexrank | Method::Pacsum);
    let dense = graph && n <= config.graph.dense_limit;
    let need = (n as u64).saturating_mul(n as u64).saturating_mul(4);
    if let Some(available) = available
        && dense
        && need > available
    {
        anyhow::bail!(
            "--dense-limit {}: the corpus summary of {n} sentences needs a {} similarity \
             matrix, and {} is available (lower --dense-limit, or --force to run it anyway)",
            config.graph.dense_limit,
            super::bench::gib(need),
            super::bench::gib(available)
        );
    }
    Ok(())
}

/// Whether a set of `articles` articles gets a corpus summary: always when
/// asked for (`--scope corpus`), with the default scope only when it has two
/// or more (one article's corpus summary would repeat its own).
fn wants_corpus(scope: Scope, articles: usize) -> bool {
    match scope {
        Scope::Articles => false,
        Scope::Corpus => articles >= 1,
        Scope::Both => articles >= 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use salient::rank::Method;
    use salient::summarize::Config;

    /// Issue 12: `--dense-limit 100000` on 30,000 sentences (a 3.4 GiB matrix)
    /// is refused up front where less is available, not run until it aborts.
    #[test]
    fn a_dense_matrix_that_does_not_fit_is_refused() {
        let mut config = Config::corpus_default().with_method(Method::Textrank);
        config.graph.dense_limit = 100_000;
        let two_gib = Some(2u64 << 30);
        let e = check_dense_memory(&config, 30_000, two_gib).expect_err("refused");
        let e = e.to_string();
        assert!(
            e.contains("--dense-limit 100000") && e.contains("3.4 GiB") && e.contains("--force"),
            "{e}"
        );
        // Above the limit the graph is sparse; tfidf builds none; enough memory runs.
        assert!(check_dense_memory(&config, 100_001, two_gib).is_ok());
        assert!(check_dense_memory(&Config::corpus_default(), 30_000, two_gib).is_ok());
        assert!(check_dense_memory(&config, 30_000, Some(8u64 << 30)).is_ok());
        assert!(check_dense_memory(&config, 30_000, None).is_ok());
    }
}
