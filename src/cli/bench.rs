//! `salient bench`: stage timings, throughput and peak memory of a corpus
//! summary over corpus sizes and thread counts.

use std::io::{IsTerminal, Write};
use std::process::{Command as Process, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args as ClapArgs, ValueEnum};

use super::options::MethodArg;
use serde::{Deserialize, Serialize};

use std::sync::{Arc, Mutex};
use std::time::Duration;

use salient::analyze::{Analyzer, Language, Vocabulary};
use salient::ingest::{Article, ReadOptions, read_inputs};
use salient::parallel::Parallelism;
use salient::rank::{GraphOptions, MethodConfig, PageRank, pagerank};
use salient::similarity::{Graph, Measure, SparseGraph, dense};
use salient::summarize::{Config, Observer, Stage, Summarizer, candidates, sentences};
use salient::synthetic::Generator;
use salient::vectorize::TermMatrix;

/// Time each stage of a corpus summary over corpus sizes and thread counts.
///
/// The corpus is summarized as one (all sentences ranked together, as
/// `summarize --scope corpus` does), stage by stage: read, segment, analyze,
/// vectorize, similarity, rank, select. For each size and thread count a
/// fresh process does the work, so its peak memory (VmHWM) is that run's
/// alone. Sizes count sentences: files are cut or repeated to reach them;
/// --synthetic generates a news-like corpus from real sentences (the bundled
/// seed articles, or --from files), the same for a given seed.
///
/// Examples:
///
///   salient bench --synthetic
///
///   salient bench --synthetic --sizes 1000,10000,100000,1000000 --threads 1,2
///
///   salient bench --synthetic --sizes 1000000 --threads 2 --format json
///
///   salient bench news.jsonl --sizes 1000,3000 --method tfidf
///
///   salient bench --synthetic --from articles/ --seed 7 --repeat 3
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders or JSONL files whose articles form the corpus.
    #[arg(value_name = "PATH", required_unless_present = "synthetic")]
    pub paths: Vec<String>,

    /// Generate a news-like corpus instead of reading one.
    #[arg(long, conflicts_with = "paths")]
    pub synthetic: bool,

    /// With --synthetic: generate from the sentences of these files or
    /// folders instead of the bundled seed articles.
    #[arg(long, value_name = "PATH", requires = "synthetic", num_args = 1..)]
    pub from: Vec<String>,

    /// Seed of the generator.
    #[arg(long, default_value_t = 42)]
    pub seed: u64,

    /// Corpus sizes in sentences, comma-separated [default: 1000,10000,100000
    /// with --synthetic, the whole input otherwise].
    #[arg(long, value_name = "N,...", value_delimiter = ',',
          value_parser = clap::value_parser!(u64).range(1..=100_000_000))]
    pub sizes: Vec<u64>,

    /// Thread counts, comma-separated.
    #[arg(long, value_name = "T,...", value_delimiter = ',', default_value = "1,2",
          value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub threads: Vec<u64>,

    /// What to time: one summary of the whole corpus (all sentences ranked
    /// together, as `summarize --scope corpus`), or one summary per article
    /// (as `summarize --scope articles`, in parallel over articles).
    #[arg(long, value_enum, default_value_t = BenchMode::Corpus)]
    pub mode: BenchMode,

    /// Ranking method [default: the mode's: submodular for corpus,
    /// textrank for articles]; `salient methods` lists them.
    #[arg(short, long, value_enum, hide_possible_values = true)]
    pub method: Option<MethodArg>,

    /// Dense similarity graphs up to N sentences, sparse above
    /// [default: the library's].
    #[arg(long, value_name = "N")]
    pub dense_limit: Option<usize>,

    /// Sparse graphs: neighbours kept per sentence [default: the library's].
    #[arg(long, value_name = "K")]
    pub top_k: Option<usize>,

    /// Sparse graphs: sentence pairs the neighbour search may examine per
    /// sentence, on average [default: the library's].
    #[arg(long, value_name = "P")]
    pub pairs: Option<usize>,

    /// Runs per size and thread count; times are their medians, memory the largest peak.
    #[arg(long, value_name = "R", default_value_t = 1,
          value_parser = clap::value_parser!(u64).range(1..=100))]
    pub repeat: u64,

    /// Also rank with the full (dense) graph and with the pruned one and
    /// report how far the rankings agree (top-10 overlap, Spearman
    /// correlation); textrank or lexrank, at most 30000 sentences.
    #[arg(long)]
    pub compare_dense: bool,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = BenchFormat::Text)]
    pub format: BenchFormat,

    /// Run sizes whose estimated memory exceeds the machine's available
    /// memory (MemAvailable in /proc/meminfo) instead of refusing them.
    #[arg(long)]
    pub force: bool,

    /// Run one size and thread count in this process and print it as JSON.
    #[arg(long, hide = true)]
    pub child: bool,
}

/// Peak memory per sentence of a corpus run, as docs/benchmarks.md measures it
/// (about 1.2 KiB, most of it the articles and their term vectors).
const BYTES_PER_SENTENCE: u64 = 1_229;

/// Estimated peak memory of one run on `n` sentences: the per-sentence cost,
/// plus 4·n² bytes for a dense similarity matrix (`f32`) when one is built.
fn estimate_bytes(args: &Args, config: &Config, n: u64) -> u64 {
    let graph = graph_measure(config).is_some() && args.mode == BenchMode::Corpus;
    let dense = args.compare_dense || graph && n <= config.graph.dense_limit as u64;
    let matrix = if dense { n.saturating_mul(n).saturating_mul(4) } else { 0 };
    n.saturating_mul(BYTES_PER_SENTENCE).saturating_add(matrix)
}

/// MemAvailable from /proc/meminfo, in bytes; `None` where there is none.
pub(super) fn available_bytes() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib.saturating_mul(1024))
}

/// Refuses, before any work, a size whose estimate exceeds `available`.
fn check_memory(args: &Args, config: &Config, available: Option<u64>) -> anyhow::Result<()> {
    let Some(available) = available.filter(|_| !args.force) else {
        return Ok(());
    };
    for &n in &args.sizes {
        let need = estimate_bytes(args, config, n);
        if need > available {
            bail!(
                "--sizes {n}: a run on {n} sentences needs about {} of memory, and {} is \
                 available (--force to run it anyway)",
                gib(need),
                gib(available)
            );
        }
    }
    Ok(())
}

pub(super) fn gib(bytes: u64) -> String {
    format!("{:.1} GiB", bytes as f64 / (1u64 << 30) as f64)
}

/// `--mode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchMode {
    /// One summary of the whole corpus.
    Corpus,
    /// One summary per article.
    Articles,
}

impl BenchMode {
    fn name(self) -> &'static str {
        match self {
            BenchMode::Corpus => "corpus",
            BenchMode::Articles => "articles",
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BenchFormat {
    /// A readable table.
    Text,
    /// JSON.
    Json,
}

/// Reading, then the pipeline's stages in its own order.
const STAGES: [&str; 7] = {
    let mut names = ["read"; 7];
    let mut k = 0;
    while k < Stage::ALL.len() {
        names[k + 1] = Stage::ALL[k].name();
        k += 1;
    }
    names
};

/// One run at one size and thread count.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Run {
    sentences: usize,
    articles: usize,
    threads: usize,
    /// Seconds to generate the synthetic corpus (not part of the total).
    generate: f64,
    /// Seconds per stage, in [`STAGES`] order (in articles mode, summed
    /// over the threads that ran them).
    stages: Vec<f64>,
    /// Articles mode: wall-clock seconds from reading to the last summary.
    #[serde(default)]
    wall: Option<f64>,
    /// Whether the similarity graph was pruned (above the dense limit).
    sparse: bool,
    peak_rss_bytes: Option<u64>,
    /// With --compare-dense: how the sparse ranking agrees with the dense one.
    agreement: Option<Agreement>,
}

/// Agreement of the sparse ranking with the dense one.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Agreement {
    /// Sentences among both top tens.
    top10: usize,
    /// Spearman rank correlation of all scores.
    spearman: f64,
    /// Seconds to build the dense graph and rank it.
    dense_seconds: f64,
    /// Seconds to build the sparse graph and rank it.
    sparse_seconds: f64,
    /// Stored (directed) edges of the sparse graph.
    sparse_edges: usize,
}

/// The similarity of a method that ranks by PageRank over the similarity
/// graph; `None` for the others.
fn graph_measure(config: &Config) -> Option<(Measure, PageRank)> {
    match &config.ranker {
        MethodConfig::Textrank(t) => Some((Measure::Overlap, t.pagerank)),
        MethodConfig::Lexrank(l) if l.threshold.is_none() => Some((Measure::Cosine, l.pagerank)),
        _ => None,
    }
}

/// Largest corpus --compare-dense accepts: its dense matrix takes 3.6 GB.
const COMPARE_MAX: usize = 30_000;

impl Run {
    fn total(&self) -> f64 {
        self.wall.unwrap_or_else(|| self.stages.iter().sum())
    }
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if args.compare_dense {
        if graph_measure(&bench_config(&args)).is_none() {
            bail!("--compare-dense needs a PageRank method (--method textrank or lexrank)");
        }
        if let Some(&n) = args.sizes.iter().find(|&&n| n as usize > COMPARE_MAX) {
            bail!("--compare-dense takes at most {COMPARE_MAX} sentences, not {n}");
        }
    }
    if args.child {
        return child(&args);
    }
    check_memory(&args, &bench_config(&args), available_bytes())?;
    let sizes: Vec<Option<usize>> = if !args.sizes.is_empty() {
        args.sizes.iter().map(|&s| Some(s as usize)).collect()
    } else if args.synthetic {
        vec![Some(1_000), Some(10_000), Some(100_000)]
    } else {
        vec![None]
    };
    let exe = std::env::current_exe().context("cannot find the salient executable")?;
    let mut runs = Vec::new();
    for &size in &sizes {
        for &threads in &args.threads {
            let mut tries = Vec::new();
            for _ in 0..args.repeat {
                tries.push(spawn(&exe, &args, size, threads as usize)?);
            }
            runs.extend(median(&tries));
        }
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match args.format {
        BenchFormat::Json => {
            let json = serde_json::json!({
                "mode": args.mode.name(),
                "method": bench_config(&args).method().name(),
                "input": if args.synthetic {
                    serde_json::json!({ "synthetic": true, "seed": args.seed, "from": args.from })
                } else {
                    serde_json::json!({ "paths": args.paths })
                },
                "repeat": args.repeat,
                "stages": STAGES,
                "runs": runs.iter().map(|r| serde_json::json!({
                    "sentences": r.sentences,
                    "articles": r.articles,
                    "threads": r.threads,
                    "sparse": r.sparse,
                    "generate_seconds": r.generate,
                    "seconds": STAGES.iter().zip(&r.stages)
                        .map(|(s, t)| ((*s).to_owned(), serde_json::json!(t)))
                        .collect::<serde_json::Map<_, _>>(),
                    "total_seconds": r.total(),
                    "sentences_per_second": per_second(r),
                    "peak_rss_bytes": r.peak_rss_bytes,
                    "agreement": r.agreement,
                })).collect::<Vec<_>>(),
            });
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        BenchFormat::Text => table(&mut out, &args, &runs)?,
    }
    out.flush()?;
    Ok(())
}

/// Runs one measurement in a child process and reads its JSON line.
fn spawn(
    exe: &std::path::Path,
    args: &Args,
    size: Option<usize>,
    threads: usize,
) -> anyhow::Result<Run> {
    let mut cmd = Process::new(exe);
    cmd.arg("bench").arg("--child");
    cmd.args(["--mode", args.mode.name()]);
    if let Some(m) = args.method {
        cmd.args(["--method", m.0.name()]);
    }
    cmd.args(["--threads", &threads.to_string()]);
    cmd.args(["--seed", &args.seed.to_string()]);
    if let Some(n) = size {
        cmd.args(["--sizes", &n.to_string()]);
    }
    if let Some(d) = args.dense_limit {
        cmd.args(["--dense-limit", &d.to_string()]);
    }
    if let Some(k) = args.top_k {
        cmd.args(["--top-k", &k.to_string()]);
    }
    if let Some(p) = args.pairs {
        cmd.args(["--pairs", &p.to_string()]);
    }
    if args.compare_dense {
        cmd.arg("--compare-dense");
    }
    if args.synthetic {
        cmd.arg("--synthetic");
        if !args.from.is_empty() {
            cmd.arg("--from").args(&args.from);
        }
    } else {
        cmd.arg("--").args(&args.paths);
    }
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::inherit());
    let what = match size {
        Some(n) => format!("{n} sentences, {threads} thread(s)"),
        None => format!("{threads} thread(s)"),
    };
    let output = cmd.output().with_context(|| format!("cannot run the benchmark at {what}"))?;
    if !output.status.success() {
        bail!("the benchmark at {what} failed ({})", output.status);
    }
    serde_json::from_slice(&output.stdout)
        .with_context(|| format!("unreadable result of the benchmark at {what}"))
}

/// Median time per stage over tries, the largest peak memory.
/// Median time per stage over tries (the upper one of an even count), the
/// largest peak memory; `None` for no tries.
fn median(tries: &[Run]) -> Option<Run> {
    let mut out = tries.first()?.clone();
    let mid = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    };
    for (k, stage) in out.stages.iter_mut().enumerate() {
        *stage = mid(tries.iter().filter_map(|r| r.stages.get(k).copied()).collect());
    }
    out.generate = mid(tries.iter().map(|r| r.generate).collect());
    out.peak_rss_bytes = tries.iter().filter_map(|r| r.peak_rss_bytes).max();
    Some(out)
}

fn per_second(r: &Run) -> f64 {
    let t = r.total();
    if t > 0.0 { r.sentences as f64 / t } else { 0.0 }
}

/// "1.85x faster" or "1.37x slower" for a ratio of speeds.
fn speedup(ratio: f64) -> String {
    if ratio >= 1.0 || ratio == 0.0 {
        format!("{ratio:.2}x faster")
    } else {
        format!("{:.2}x slower", 1.0 / ratio)
    }
}

fn table(out: &mut impl Write, args: &Args, runs: &[Run]) -> anyhow::Result<()> {
    let input = if args.synthetic {
        let from =
            if args.from.is_empty() { "bundled seeds".to_owned() } else { args.from.join(", ") };
        format!("synthetic corpus from {from}, seed {}", args.seed)
    } else {
        args.paths.join(", ")
    };
    let runs_note = if args.repeat > 1 {
        format!("medians of {} runs", args.repeat)
    } else {
        "one run each".to_owned()
    };
    let what = match args.mode {
        BenchMode::Corpus => "over the corpus as one",
        BenchMode::Articles => {
            "article by article (stage times summed over threads; total is wall-clock)"
        }
    };
    writeln!(
        out,
        "salient bench: {} {what}; {input}; seconds, {runs_note}",
        bench_config(args).method()
    )?;
    writeln!(out)?;
    write!(out, "{:>10} {:>8} {:>7}", "sentences", "articles", "threads")?;
    for s in STAGES {
        write!(out, " {:>10}", s)?;
    }
    writeln!(out, " {:>9} {:>12} {:>9}", "total", "sentences/s", "peak RSS")?;
    for r in runs {
        write!(out, "{:>10} {:>8} {:>7}", r.sentences, r.articles, r.threads)?;
        for &t in &r.stages {
            write!(out, " {:>10.3}", t)?;
        }
        let rss =
            r.peak_rss_bytes.map_or("-".to_owned(), |b| format!("{:.0} MiB", b as f64 / 1048576.0));
        writeln!(out, " {:>9.3} {:>12.0} {:>9}", r.total(), per_second(r), rss)?;
    }
    // Speed-up of each thread count over one thread, at each size.
    let mut notes = Vec::new();
    for r in runs.iter().filter(|r| r.threads > 1) {
        if let Some(one) = runs.iter().find(|o| o.threads == 1 && o.sentences == r.sentences) {
            let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
            let mut note = format!(
                "{} sentences: {} threads are {} than 1 in all",
                r.sentences,
                r.threads,
                speedup(ratio(one.total(), r.total())),
            );
            if one.stages[4] > 0.0 && r.wall.is_none() {
                note.push_str(&format!(
                    ", {} on similarity",
                    speedup(ratio(one.stages[4], r.stages[4]))
                ));
            }
            notes.push(note);
        }
    }
    if !notes.is_empty() {
        writeln!(out)?;
        for n in notes {
            writeln!(out, "{n}")?;
        }
    }
    let compared: Vec<&Run> = runs.iter().filter(|r| r.agreement.is_some()).collect();
    if !compared.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{:>10} {:>7} {:>14} {:>9} {:>14} {:>15} {:>12}",
            "sentences",
            "threads",
            "top-10 shared",
            "Spearman",
            "dense seconds",
            "sparse seconds",
            "sparse edges"
        )?;
        for r in compared {
            if let Some(a) = &r.agreement {
                writeln!(
                    out,
                    "{:>10} {:>7} {:>11}/10 {:>9.4} {:>14.3} {:>15.3} {:>12}",
                    r.sentences,
                    r.threads,
                    a.top10,
                    a.spearman,
                    a.dense_seconds,
                    a.sparse_seconds,
                    a.sparse_edges
                )?;
            }
        }
    }
    if runs.iter().any(|r| r.sparse) {
        writeln!(out)?;
        writeln!(
            out,
            "Graphs above the dense limit are pruned (top-k neighbours and a background, see docs/benchmarks.md)."
        )?;
    }
    Ok(())
}

/// The child: one size and one thread count, result as one JSON line.
fn child(args: &Args) -> anyhow::Result<()> {
    exit_with_parent();
    let threads = args.threads.first().copied().unwrap_or(1) as usize;
    let size = args.sizes.first().map(|&s| s as usize);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the thread pool")?;
    let progress = Progress::new(size, threads);
    let mut run = pool.install(|| measure(args, size, threads, &progress))?;
    progress.clear();
    run.peak_rss_bytes = peak_rss();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer(&mut out, &run)?;
    writeln!(out)?;
    Ok(())
}

/// Stage times reported by the pipeline, summed per stage.
#[derive(Default)]
struct StageTimes(Mutex<[Duration; 6]>);

impl Observer for StageTimes {
    fn stage(&self, stage: Stage, elapsed: Duration) {
        if let (Ok(mut times), Some(k)) =
            (self.0.lock(), Stage::ALL.iter().position(|&s| s == stage))
        {
            times[k] += elapsed;
        }
    }
}

/// Shares one [`StageTimes`] with the summarizer that reports to it.
struct Shared(Arc<StageTimes>);

impl Observer for Shared {
    fn stage(&self, stage: Stage, elapsed: Duration) {
        self.0.stage(stage, elapsed);
    }
}

/// The configuration the benchmark runs: the mode's default (the corpus
/// default for corpus mode, the article default for articles mode), with
/// the method and graph options given.
fn bench_config(args: &Args) -> Config {
    let defaults = match args.mode {
        BenchMode::Corpus => Config::corpus_default(),
        BenchMode::Articles => Config::default(),
    };
    let mut config = match args.method {
        Some(m) => defaults.with_method(m.0),
        None => defaults,
    };
    if let Some(d) = args.dense_limit {
        config.graph.dense_limit = d;
    }
    if let Some(k) = args.top_k {
        config.graph.sparse.top_k = k;
    }
    if let Some(p) = args.pairs {
        config.graph.sparse.pairs_per_sentence = p;
    }
    config
}

/// Reads (or generates) the corpus, then runs the library's pipeline on the
/// current thread pool, timing each stage through its observer.
fn measure(
    args: &Args,
    size: Option<usize>,
    threads: usize,
    progress: &Progress,
) -> anyhow::Result<Run> {
    let par = Parallelism::Parallel;
    progress.stage(0);
    let clock = Instant::now();
    // read: raw text into articles (generation, for --synthetic, is not timed here).
    let mut generate = 0.0;
    let articles: Vec<Article> = if args.synthetic {
        let generator = if args.from.is_empty() {
            Generator::from_seeds()
        } else {
            let corpora = read_inputs(&args.from, &ReadOptions::default())?;
            let all: Vec<Article> = corpora.into_iter().flat_map(|c| c.articles).collect();
            Generator::from_articles(&all)?
        };
        let texts = generator.generate(size.unwrap_or(1_000), args.seed, par);
        generate = clock.elapsed().as_secs_f64();
        // Cleaned in parallel, as the reader does.
        par.map_vec(texts, |a| Article::from_text(a.id, a.text))
    } else {
        let corpora = read_inputs(&args.paths, &ReadOptions::default())?;
        let all: Vec<Article> = corpora.into_iter().flat_map(|c| c.articles).collect();
        match size {
            Some(n) => to_size(all, n),
            None => all,
        }
    };
    let read = clock.elapsed().as_secs_f64() - generate;
    progress.stage(1);

    let config = bench_config(args);
    let times = Arc::new(StageTimes::default());
    let summarizer =
        Summarizer::new(config.clone())?.with_observer(Box::new(Shared(Arc::clone(&times))));
    let start = Instant::now();
    let (sentences, wall) = match args.mode {
        BenchMode::Corpus => {
            let ranked = summarizer.rank(summarizer.candidates(&articles));
            let summary = summarizer.corpus_summary(None, &articles, &ranked, &config.selection);
            std::hint::black_box(summary);
            (ranked.candidates().len(), None)
        }
        BenchMode::Articles => {
            let summaries = summarizer.summarize_articles(&articles);
            let n = summaries.iter().map(|s| s.sentence_count).sum();
            (n, Some(start.elapsed().as_secs_f64()))
        }
    };
    let mut stages = vec![read];
    stages.extend(times.0.lock().map(|t| t.map(|d| d.as_secs_f64())).unwrap_or_default());
    progress.stage(STAGES.len());

    let pagerank_method = graph_measure(&config).is_some();
    let agreement = if args.compare_dense {
        if sentences > COMPARE_MAX {
            bail!("--compare-dense takes at most {COMPARE_MAX} sentences, not {sentences}");
        }
        let found = candidates(&articles, par);
        let analyzer = Analyzer::new(Language::English);
        let mut vocabulary = Vocabulary::default();
        let ids = analyzer.analyze_all(&found.texts, &mut vocabulary, par);
        let matrix = TermMatrix::new(&ids, vocabulary.len());
        let (measure, pagerank) =
            graph_measure(&config).unwrap_or((Measure::Overlap, PageRank::default()));
        Some(compare(&matrix, measure, &config.graph, &pagerank, par))
    } else {
        None
    };

    Ok(Run {
        sentences,
        articles: articles.len(),
        threads,
        generate,
        stages,
        wall: wall.map(|w| w + read),
        sparse: pagerank_method
            && args.mode == BenchMode::Corpus
            && sentences > config.graph.dense_limit,
        peak_rss_bytes: None,
        agreement,
    })
}

/// Ranks `matrix` with PageRank over the full (dense) graph and over the pruned one.
fn compare(
    matrix: &TermMatrix,
    measure: Measure,
    graph: &GraphOptions,
    settings: &PageRank,
    par: Parallelism,
) -> Agreement {
    let start = Instant::now();
    let g = Graph::Dense(dense(matrix, measure, par));
    let exact = pagerank(&g, settings, par);
    drop(g);
    let dense_seconds = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let g = SparseGraph::build(matrix, measure, &graph.sparse, par);
    let sparse_edges = g.edge_count();
    let pruned = pagerank(&Graph::Sparse(g), settings, par);
    let sparse_seconds = start.elapsed().as_secs_f64();
    let top = |x: &[f64]| {
        let mut order: Vec<usize> = (0..x.len()).collect();
        order.sort_by(|&a, &b| x[b].total_cmp(&x[a]).then(a.cmp(&b)));
        order.truncate(10);
        order
    };
    let (a, b) = (top(&exact), top(&pruned));
    Agreement {
        top10: a.iter().filter(|i| b.contains(i)).count(),
        spearman: spearman(&exact, &pruned),
        dense_seconds,
        sparse_seconds,
        sparse_edges,
    }
}

/// Spearman's rank correlation: Pearson's of the ranks, ties sharing their mean rank.
fn spearman(x: &[f64], y: &[f64]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        let mut r = vec![0.0; v.len()];
        let mut k = 0;
        while k < order.len() {
            let mut e = k + 1;
            while e < order.len() && v[order[e]] == v[order[k]] {
                e += 1;
            }
            let mean = (k + e - 1) as f64 / 2.0;
            for &i in &order[k..e] {
                r[i] = mean;
            }
            k = e;
        }
        r
    }
    let (rx, ry) = (ranks(x), ranks(y));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx > 0.0 && syy > 0.0 { sxy / (sxx * syy).sqrt() } else { 0.0 }
}

/// Articles in input order, repeated as often as needed, until they hold
/// at least `n` candidate sentences.
fn to_size(all: Vec<Article>, n: usize) -> Vec<Article> {
    let counts: Vec<usize> = all.iter().map(|a| sentences(a).len()).collect();
    if counts.iter().all(|&c| c == 0) {
        return all;
    }
    let mut out = Vec::new();
    let mut have = 0;
    'fill: loop {
        for (a, &c) in all.iter().zip(&counts) {
            if have >= n {
                break 'fill;
            }
            out.push(a.clone());
            have += c;
        }
    }
    out
}

/// Ends this process when the parent `salient bench` goes away (killed,
/// interrupted, timed out): a measurement nobody will read must not run on
/// with the machine's memory. On Unix an orphan is re-parented, so a changed
/// parent id means the parent is gone.
fn exit_with_parent() {
    #[cfg(unix)]
    {
        let parent = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(Duration::from_millis(200));
                if std::os::unix::process::parent_id() != parent {
                    std::process::exit(130);
                }
            }
        });
    }
}

/// Peak resident memory of this process (Linux), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Stage progress on stderr, only when stderr is a terminal.
struct Progress {
    label: Option<String>,
}

impl Progress {
    fn new(size: Option<usize>, threads: usize) -> Self {
        let label = std::io::stderr().is_terminal().then(|| match size {
            Some(n) => format!("{n} sentences, {threads} thread(s)"),
            None => format!("{threads} thread(s)"),
        });
        Progress { label }
    }

    /// Reports that `done` stages are finished.
    fn stage(&self, done: usize) {
        if let (Some(label), Some(next)) = (&self.label, STAGES.get(done)) {
            let pct = 100 * done / STAGES.len();
            eprint!("\r\x1b[2K{label}: {next} ({pct}%)");
        }
    }

    fn clear(&self) {
        if self.label.is_some() {
            eprint!("\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_beyond_available_memory_are_refused_with_the_estimate() {
        use clap::Parser;
        #[derive(Parser)]
        struct Cli {
            #[command(flatten)]
            args: Args,
        }
        let parse = |argv: &[&str]| Cli::parse_from([&["bench"], argv].concat()).args;
        let eight_gib = Some(8u64 << 30);
        let huge = parse(&["--synthetic", "--sizes", "100000000"]);
        let err = check_memory(&huge, &bench_config(&huge), eight_gib).unwrap_err().to_string();
        assert!(err.contains("--sizes 100000000") && err.contains("114.5 GiB"), "{err}");
        assert!(err.contains("8.0 GiB is available"), "{err}");
        let forced = parse(&["--synthetic", "--sizes", "100000000", "--force"]);
        assert!(check_memory(&forced, &bench_config(&forced), eight_gib).is_ok());
        let small = parse(&["--synthetic", "--sizes", "1000,100000"]);
        assert!(check_memory(&small, &bench_config(&small), eight_gib).is_ok());
        // A dense graph on 100,000 sentences: 4·n² = 37 GiB for the matrix alone.
        let dense = parse(&[
            "--synthetic",
            "--sizes",
            "100000",
            "-m",
            "textrank",
            "--dense-limit",
            "100000",
        ]);
        let err = check_memory(&dense, &bench_config(&dense), eight_gib).unwrap_err().to_string();
        assert!(err.contains("37.4 GiB"), "{err}");
    }

    fn run(stages: [f64; 7], rss: u64) -> Run {
        Run {
            sentences: 10,
            articles: 1,
            threads: 1,
            generate: 0.0,
            stages: stages.to_vec(),
            wall: None,
            sparse: false,
            peak_rss_bytes: Some(rss),
            agreement: None,
        }
    }

    #[test]
    fn median_is_per_stage_and_memory_the_peak() {
        let m = median(&[
            run([1.0, 9.0, 0.0, 0.0, 0.0, 0.0, 0.0], 5),
            run([3.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0], 7),
            run([2.0, 2.0, 0.0, 0.0, 0.0, 0.0, 0.0], 6),
        ])
        .expect("three tries");
        assert_eq!(&m.stages[..2], &[2.0, 2.0]);
        assert_eq!(m.peak_rss_bytes, Some(7));
        assert_eq!(m.total(), 4.0);
        assert!(median(&[]).is_none());
    }

    #[test]
    fn spearman_of_monotone_ties_and_reversed() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 90.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        // Ties share their mean rank: ranks (0.5, 0.5, 2) against (0, 1, 2).
        let r = spearman(&[1.0, 1.0, 2.0], &[1.0, 2.0, 3.0]);
        assert!((r - 0.866_025_403_784_438_6).abs() < 1e-9, "{r}");
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }

    #[test]
    fn to_size_repeats_articles_until_enough_sentences() {
        let a = Article::from_text("a", "One here. Two here. Three.");
        let got = to_size(vec![a.clone()], 7);
        assert_eq!(got.len(), 3);
        assert_eq!(to_size(vec![a], 2).len(), 1);
    }

    #[test]
    fn peak_rss_reads_proc_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss().is_some_and(|b| b > 0));
        }
    }
}
