//! `salient compare`: methods and summary lengths side by side.

use std::collections::BTreeSet;
use std::io::Write;
use std::time::Instant;

use anyhow::bail;
use clap::Args as ClapArgs;

use salient::analyze::{Analyzer, Language};
use salient::evaluate::{RougeConfig, RougeScores, mean, rouge};
use salient::ingest::{Article, Corpus, ReadOptions, read_inputs};
use salient::parallel::Parallelism;
use salient::rank::Method;
use salient::select::{Budget, Selection};
use salient::summarize::{Config, Ranked, Summarizer};

use super::options::{MethodArg, method_list, parse_language};
use super::paths::input_named;
use super::progress::Progress;

/// Compare methods and summary lengths side by side.
///
/// For every method and length: ROUGE against the references (JSONL datasets
/// with "references"), agreement between methods (Jaccard similarity of the
/// sentences they select), redundancy inside each summary (mean pairwise
/// Jaccard similarity of the selected sentences' content words), and time.
///
/// Examples:
///
///   salient compare seeds/ --methods textrank,tfidf,lead --sentences 1,3,5
///
///   salient compare duc2004/dev.jsonl --words 50,100,200 --plot rouge.svg
///
///   salient compare seeds/001_93a11c210130a0f6.txt --side-by-side
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders or a JSONL dataset.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// Methods to compare, comma-separated [default: every method].
    #[arg(
        short,
        long,
        visible_alias = "method",
        value_delimiter = ',',
        value_enum,
        hide_possible_values = true
    )]
    pub methods: Vec<MethodArg>,

    /// Summarize each article, or each instance (or all inputs) as one corpus
    /// [default: corpus for a dataset whose instances have several
    /// documents, articles otherwise].
    #[arg(long, value_enum)]
    pub scope: Option<CompareScope>,

    /// Summary lengths in sentences, comma-separated [default: 1,3,5].
    #[arg(short = 'n', long, value_delimiter = ',', conflicts_with = "words", value_parser = clap::value_parser!(u64).range(1..))]
    pub sentences: Vec<u64>,

    /// Summary lengths in words, comma-separated.
    #[arg(short, long, value_delimiter = ',', value_parser = clap::value_parser!(u64).range(1..))]
    pub words: Vec<u64>,

    /// Language of the text.
    #[arg(short, long, default_value = "en", value_parser = parse_language)]
    pub lang: Language,

    /// Draw every measure against length, one small chart each and one line
    /// per method, into this SVG file (an .html path: the same inside a page).
    #[arg(long, value_name = "FILE.svg")]
    pub plot: Option<String>,

    /// Print each method's summary next to the others (one article only).
    #[arg(long)]
    pub side_by_side: bool,
}

/// `--scope` values of compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareScope {
    /// Each article on its own.
    Articles,
    /// Each instance's documents (or all inputs) together.
    Corpus,
}

/// One summary: the selected sentences as (article id, index) and their texts.
struct Summary {
    picked: BTreeSet<(String, usize)>,
    texts: Vec<String>,
}

/// One cell of the comparison: a method at a length.
struct Cell {
    method: Method,
    length: u64,
    summaries: Vec<Summary>,
    rouge: Option<RougeScores>,
    redundancy: f64,
    seconds: f64,
}

/// One thing summarized: an article, or the articles of one instance
/// together; `instance` indexes the dataset's instances when it is scored.
struct Unit<'a> {
    articles: &'a [Article],
    corpus: bool,
    instance: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    // Inputs are never written: a plot over one would replace it.
    let refuse_input = |plot: &str, input: &str| -> anyhow::Result<()> {
        bail!("--plot {plot}: that is the input {input}")
    };
    if let Some(plot) = &args.plot
        && let Some(input) = input_named(plot, args.paths.iter().map(String::as_str))
    {
        refuse_input(plot, input)?;
    }
    let corpora = read_inputs(&args.paths, &ReadOptions::default())?;
    if let Some(plot) = &args.plot {
        // The files read from a folder are inputs too.
        let read = corpora.iter().flat_map(|c| &c.articles).filter_map(|a| a.path.as_deref());
        if let Some(input) = input_named(plot, read) {
            refuse_input(plot, input)?;
        }
        check_writable(plot)?;
    }
    let methods: Vec<Method> =
        if args.methods.is_empty() { Method::ALL.to_vec() } else { method_list(&args.methods) };
    let (unit, lengths): (&str, Vec<u64>) = if !args.words.is_empty() {
        ("words", args.words.clone())
    } else if !args.sentences.is_empty() {
        ("sentences", args.sentences.clone())
    } else {
        ("sentences", vec![1, 3, 5])
    };
    let instances: Vec<&Corpus> = corpora.iter().filter(|c| c.id.is_some()).collect();
    let scored = !instances.is_empty() && instances.iter().all(|c| !c.references.is_empty());
    // A dataset of multi-document instances is summarized instance by
    // instance; one document per instance, or plain inputs, article by article.
    let scope = args.scope.unwrap_or(
        if !instances.is_empty() && instances.iter().any(|c| c.articles.len() > 1) {
            CompareScope::Corpus
        } else {
            CompareScope::Articles
        },
    );
    let units: Vec<Unit> = if instances.is_empty() {
        let all = corpora.iter().flat_map(|c| c.articles.chunks(1));
        all.map(|a| Unit { articles: a, corpus: scope == CompareScope::Corpus, instance: None })
            .collect()
    } else {
        instances
            .iter()
            .enumerate()
            .flat_map(|(k, c)| match scope {
                CompareScope::Corpus => {
                    vec![Unit { articles: &c.articles, corpus: true, instance: Some(k) }]
                }
                CompareScope::Articles => c
                    .articles
                    .chunks(1)
                    .map(|a| Unit { articles: a, corpus: false, instance: Some(k) })
                    .collect(),
            })
            .collect()
    };
    // Plain inputs at corpus scope: all articles together.
    let whole: Vec<Article>;
    let units = if instances.is_empty() && scope == CompareScope::Corpus {
        whole = corpora.iter().flat_map(|c| c.articles.iter().cloned()).collect();
        vec![Unit { articles: &whole, corpus: true, instance: None }]
    } else {
        units
    };
    let article_count: usize = corpora.iter().map(|c| c.articles.len()).sum();
    if args.side_by_side && article_count != 1 {
        bail!("--side-by-side needs exactly one article, got {article_count}");
    }
    let rouge_config = RougeConfig {
        word_limit: (unit == "words").then(|| lengths.iter().copied().max().unwrap_or(0) as usize),
        ..RougeConfig::default()
    };
    let analyzer = Analyzer::new(args.lang);
    let bar = Progress::new(methods.len() * lengths.len(), "comparing");
    let mut cells = Vec::new();
    for &method in &methods {
        let base = match scope {
            CompareScope::Corpus => Config::corpus_default(),
            CompareScope::Articles => Config::default(),
        };
        let mut config = Config { language: args.lang, ..base.with_method(method) };
        config.parallelism = Parallelism::Serial;
        let summarizer = Summarizer::new(config)?;
        // Rank once per method (units in parallel); only selection depends on the length.
        let start = Instant::now();
        let ranked: Vec<Ranked> = Parallelism::Parallel
            .map(&units, |u| summarizer.rank(summarizer.candidates(u.articles)));
        let rank_seconds = start.elapsed().as_secs_f64();
        for &length in &lengths {
            let selection = Selection {
                budget: match unit {
                    "words" => Budget::Words(length as usize),
                    _ => Budget::Sentences(length as usize),
                },
                ..summarizer.config().selection.clone()
            };
            let start = Instant::now();
            let per_unit: Vec<Summary> = Parallelism::Parallel.map_range(units.len(), |k| {
                let (u, r) = (&units[k], &ranked[k]);
                if u.corpus {
                    let s = summarizer.corpus_summary(None, u.articles, r, &selection);
                    Summary {
                        picked: s
                            .summary
                            .iter()
                            .map(|e| (e.article.clone(), e.extract.index))
                            .collect(),
                        texts: s.summary.into_iter().map(|e| e.extract.text).collect(),
                    }
                } else {
                    let a = &u.articles[0];
                    let s = summarizer.article_summary(a, r, &selection);
                    Summary {
                        picked: s.summary.iter().map(|e| (a.id.clone(), e.index)).collect(),
                        texts: s.summary.into_iter().map(|e| e.text).collect(),
                    }
                }
            });
            let seconds = rank_seconds + start.elapsed().as_secs_f64();
            // One summary per instance when scored: its units' sentences together.
            let summaries: Vec<Summary> = if scored {
                let mut merged: Vec<Summary> = (0..instances.len())
                    .map(|_| Summary { picked: BTreeSet::new(), texts: Vec::new() })
                    .collect();
                for (u, s) in units.iter().zip(per_unit) {
                    if let Some(k) = u.instance {
                        merged[k].picked.extend(s.picked);
                        merged[k].texts.extend(s.texts);
                    }
                }
                merged
            } else {
                per_unit
            };
            let rouge = scored.then(|| {
                let config = RougeConfig {
                    word_limit: (unit == "words").then_some(length as usize),
                    ..rouge_config.clone()
                };
                let all: Vec<RougeScores> = instances
                    .iter()
                    .zip(&summaries)
                    .map(|(c, s)| rouge(&config, &s.texts.join("\n"), &c.references))
                    .collect();
                mean(&all)
            });
            let redundancy = mean_of(summaries.iter().map(|s| redundancy(&analyzer, &s.texts)));
            cells.push(Cell { method, length, summaries, rouge, redundancy, seconds });
            bar.inc();
        }
    }
    bar.finish();

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.side_by_side {
        side_by_side(&mut out, &cells, &lengths)?;
    }
    table(&mut out, &cells, &methods, &lengths, unit, scored)?;
    out.flush()?;
    if let Some(path) = &args.plot {
        plot(path, &cells, &methods, unit, scored)?;
        eprintln!("wrote {path}");
    }
    Ok(())
}

fn mean_of(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

fn jaccard<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
    let union = a.union(b).count();
    if union == 0 { 1.0 } else { a.intersection(b).count() as f64 / union as f64 }
}

/// Mean pairwise Jaccard similarity of the sentences' content words.
fn redundancy(analyzer: &Analyzer, texts: &[String]) -> f64 {
    let sets: Vec<BTreeSet<String>> =
        texts.iter().map(|t| analyzer.terms(t).into_iter().collect()).collect();
    let mut pairs = Vec::new();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            pairs.push(jaccard(&sets[i], &sets[j]));
        }
    }
    mean_of(pairs.into_iter())
}

/// Mean Jaccard similarity of the sentences two cells selected, summary by summary.
fn agreement(a: &Cell, b: &Cell) -> f64 {
    mean_of(a.summaries.iter().zip(&b.summaries).map(|(x, y)| jaccard(&x.picked, &y.picked)))
}

fn table(
    out: &mut impl Write,
    cells: &[Cell],
    methods: &[Method],
    lengths: &[u64],
    unit: &str,
    scored: bool,
) -> std::io::Result<()> {
    // The column holds the length budget the summaries were cut to.
    write!(out, "{:<10} {:>11}", "method", format!("max {unit}"))?;
    if scored {
        write!(out, " {:>7} {:>7} {:>7}", "R1-F", "R2-F", "RL-F")?;
    }
    writeln!(out, " {:>10} {:>10} {:>9}", "agreement", "redundancy", "time")?;
    for c in cells {
        write!(out, "{:<10} {:>11}", c.method.name(), c.length)?;
        if let Some(r) = &c.rouge {
            let f = |k: usize| r.rouge_n.get(k).map_or(0.0, |p| p.f);
            write!(out, " {:>7.4} {:>7.4} {:>7.4}", f(0), f(1), r.rouge_l.f)?;
        }
        let others = cells
            .iter()
            .filter(|o| o.length == c.length && o.method != c.method)
            .map(|o| agreement(c, o));
        writeln!(
            out,
            " {:>10.3} {:>10.3} {:>8.1}ms",
            mean_of(others),
            c.redundancy,
            c.seconds * 1000.0
        )?;
    }
    if methods.len() > 1 {
        for &length in lengths {
            writeln!(out, "\nagreement at {length} {unit} (Jaccard of selected sentences)")?;
            write!(out, "{:<10}", "")?;
            for m in methods {
                write!(out, " {:>9}", m.name())?;
            }
            writeln!(out)?;
            let row: Vec<&Cell> = cells.iter().filter(|c| c.length == length).collect();
            for a in &row {
                write!(out, "{:<10}", a.method.name())?;
                for b in &row {
                    write!(out, " {:>9.3}", agreement(a, b))?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}

fn side_by_side(out: &mut impl Write, cells: &[Cell], lengths: &[u64]) -> std::io::Result<()> {
    const WIDTH: usize = 38;
    let Some(&length) = lengths.iter().max() else { return Ok(()) };
    let columns: Vec<(&str, Vec<String>)> = cells
        .iter()
        .filter(|c| c.length == length)
        .map(|c| {
            let mut lines = Vec::new();
            for text in c.summaries.iter().flat_map(|s| &s.texts) {
                lines.extend(wrap(&format!("• {text}"), WIDTH));
            }
            (c.method.name(), lines)
        })
        .collect();
    let rows = columns.iter().map(|(_, l)| l.len()).max().unwrap_or(0);
    let header: Vec<String> = columns.iter().map(|(m, _)| format!("{m:<WIDTH$}")).collect();
    writeln!(out, "{}", header.join(" | ").trim_end())?;
    writeln!(out, "{}", vec!["-".repeat(WIDTH); columns.len()].join("-+-"))?;
    for r in 0..rows {
        let line: Vec<String> = columns
            .iter()
            .map(|(_, l)| format!("{:<WIDTH$}", l.get(r).map_or("", String::as_str)))
            .collect();
        writeln!(out, "{}", line.join(" | ").trim_end())?;
    }
    writeln!(out)
}

/// Greedy word wrap to `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A linear axis whose ticks are exactly the compared lengths.
struct Ticks {
    range: std::ops::Range<f64>,
    at: Vec<f64>,
}

impl plotters::coord::ranged1d::Ranged for Ticks {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = self.range.end - self.range.start;
        let t = if span > 0.0 { (value - self.range.start) / span } else { 0.5 };
        limit.0 + (t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<H: plotters::coord::ranged1d::KeyPointHint>(&self, _hint: H) -> Vec<f64> {
        self.at.clone()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.clone()
    }
}

/// Fails unless `path` can be written, so a long comparison does not end in an error.
fn check_writable(path: &str) -> anyhow::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map(drop)
        .map_err(|e| anyhow::anyhow!("cannot write the plot file {path}: {e}"))
}

/// Every measure of the table against length, one small chart each, one
/// line per method, as SVG; inside a page when `path` ends in `.html`.
fn plot(
    path: &str,
    cells: &[Cell],
    methods: &[Method],
    unit: &str,
    scored: bool,
) -> anyhow::Result<()> {
    use plotters::prelude::*;
    type Measure = (&'static str, Box<dyn Fn(&Cell) -> f64>);
    let mut measures: Vec<Measure> = Vec::new();
    if scored {
        let n = |k: usize| {
            move |c: &Cell| c.rouge.as_ref().map_or(0.0, |r| r.rouge_n.get(k).map_or(0.0, |p| p.f))
        };
        measures.push(("ROUGE-1 F", Box::new(n(0))));
        measures.push(("ROUGE-2 F", Box::new(n(1))));
        measures.push((
            "ROUGE-L F",
            Box::new(|c: &Cell| c.rouge.as_ref().map_or(0.0, |r| r.rouge_l.f)),
        ));
    }
    let agreements: Vec<f64> = cells
        .iter()
        .map(|c| {
            mean_of(
                cells
                    .iter()
                    .filter(|o| o.length == c.length && o.method != c.method)
                    .map(|o| agreement(c, o)),
            )
        })
        .collect();
    if methods.len() > 1 {
        let by_cell = agreements.clone();
        let key: Vec<(Method, u64)> = cells.iter().map(|c| (c.method, c.length)).collect();
        measures.push((
            "agreement (mean Jaccard with the others)",
            Box::new(move |c: &Cell| {
                key.iter().position(|&k| k == (c.method, c.length)).map_or(0.0, |i| by_cell[i])
            }),
        ));
    }
    measures.push(("redundancy (mean pairwise Jaccard)", Box::new(|c: &Cell| c.redundancy)));
    measures.push(("time (ms)", Box::new(|c: &Cell| c.seconds * 1000.0)));

    let mut lengths: Vec<u64> = cells.iter().map(|c| c.length).collect();
    lengths.sort_unstable();
    lengths.dedup();
    let (lo, hi) = (lengths[0] as f64, lengths[lengths.len() - 1] as f64);
    let pad = if hi > lo { (hi - lo) * 0.06 } else { 0.5 };
    let cols = if measures.len() > 4 { 3 } else { 2 };
    let rows = measures.len().div_ceil(cols);
    const LEGEND: u32 = 130;
    let (w, h) = (380 * cols as u32 + LEGEND, 60 + 290 * rows as u32);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        root.fill(&WHITE)?;
        let root = root
            .titled(&format!("Methods compared by summary length ({unit})"), ("sans-serif", 22))?;
        let (grid, legend) = root.split_horizontally(w - LEGEND);
        let panels = grid.split_evenly((rows, cols));
        const COLORS: [RGBColor; 8] = [
            RGBColor(31, 119, 180),
            RGBColor(214, 39, 40),
            RGBColor(44, 160, 44),
            RGBColor(148, 103, 189),
            RGBColor(255, 127, 14),
            RGBColor(140, 86, 75),
            RGBColor(23, 190, 207),
            RGBColor(50, 50, 50),
        ];
        for (panel, (name, value)) in panels.iter().zip(&measures) {
            let values: Vec<f64> = cells.iter().map(value).collect();
            let (ymin, ymax) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &v| (a.min(v), b.max(v)));
            let span = ymax - ymin;
            let ypad = if span > 0.0 { span * 0.12 } else { (ymax.abs() * 0.1).max(1e-3) };
            let x_range = Ticks {
                range: lo - pad..hi + pad,
                at: lengths.iter().map(|&l| l as f64).collect(),
            };
            let mut chart = ChartBuilder::on(panel)
                .caption(*name, ("sans-serif", 15))
                .margin(10)
                .x_label_area_size(35)
                .y_label_area_size(55)
                .build_cartesian_2d(x_range, ymin - ypad..ymax + ypad)?;
            chart
                .configure_mesh()
                .x_desc(format!("length ({unit})"))
                .x_label_formatter(&|x| format!("{x:.0}"))
                .y_labels(6)
                .light_line_style(WHITE)
                .draw()?;
            for (k, &m) in methods.iter().enumerate() {
                let color =
                    COLORS.get(k).map_or_else(|| Palette99::pick(k).to_rgba(), |c| c.to_rgba());
                let points: Vec<(f64, f64)> = cells
                    .iter()
                    .filter(|c| c.method == m)
                    .map(|c| (c.length as f64, value(c)))
                    .collect();
                chart.draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))?;
                chart.draw_series(points.into_iter().map(|p| Circle::new(p, 3, color.filled())))?;
            }
        }
        // One legend for all charts, beside them, so no chart's lines are hidden.
        for (k, &m) in methods.iter().enumerate() {
            let color = COLORS.get(k).map_or_else(|| Palette99::pick(k).to_rgba(), |c| c.to_rgba());
            let y = 40 + 20 * k as i32;
            legend.draw(&PathElement::new(vec![(5, y), (30, y)], color.stroke_width(3)))?;
            legend.draw(&Text::new(m.name(), (36, y - 7), ("sans-serif", 14).into_font()))?;
        }
        root.present()?;
    }
    let text = if path.ends_with(".html") || path.ends_with(".htm") {
        format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>salient compare</title>\n<style>body{{margin:1rem;font-family:system-ui,sans-serif}}\
             svg{{max-width:100%;height:auto}}</style>\n</head>\n<body>\n<main>\n\
             <figure>\n{}\n\
             <figcaption>Each chart is one measure of <code>salient compare</code>; one line per method.</figcaption>\n\
             </figure>\n</main>\n</body>\n</html>\n",
            svg.replace(&format!("width=\"{w}\" height=\"{h}\""), &format!("viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"Methods compared by summary length\""))
        )
    } else {
        svg
    };
    std::fs::write(path, text)
        .map_err(|e| anyhow::anyhow!("cannot write the plot file {path}: {e}"))?;
    Ok(())
}
