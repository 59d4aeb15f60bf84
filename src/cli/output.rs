//! Rendering results as text, markdown or JSON.

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;

use salient::summarize::{ArticleSummary, Config, CorpusSummary};

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// Markdown.
    Markdown,
    /// JSON (see docs/json.md).
    Json,
}

/// Everything `summarize` prints.
#[derive(Debug)]
pub struct Report {
    pub config: Config,
    pub corpus_config: Config,
    pub articles: Vec<ArticleSummary>,
    pub corpora: Vec<CorpusSummary>,
}

impl Report {
    pub fn new(config: Config, corpus_config: Config) -> Self {
        Report { config, corpus_config, articles: Vec::new(), corpora: Vec::new() }
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    method: &'a str,
    params: &'a Config,
    articles: &'a [ArticleSummary],
    #[serde(skip_serializing_if = "Option::is_none")]
    corpus: Option<JsonCorpus<'a>>,
}

/// One object for a run over files; a list for JSONL instances.
#[derive(Serialize)]
#[serde(untagged)]
enum JsonCorpus<'a> {
    One(JsonCorpusSummary<'a>),
    Many(Vec<JsonCorpusSummary<'a>>),
}

/// A corpus summary with the method and options it was made with.
#[derive(Serialize)]
struct JsonCorpusSummary<'a> {
    method: &'a str,
    params: &'a Config,
    #[serde(flatten)]
    summary: &'a CorpusSummary,
}

pub fn write_report(out: &mut impl Write, report: &Report, format: Format) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let with_config = |summary| JsonCorpusSummary {
                method: report.corpus_config.method.name(),
                params: &report.corpus_config,
                summary,
            };
            let corpus = match report.corpora.as_slice() {
                [] => None,
                [one] if one.id.is_none() => Some(JsonCorpus::One(with_config(one))),
                many => Some(JsonCorpus::Many(many.iter().map(with_config).collect())),
            };
            let json = JsonReport {
                method: report.config.method.name(),
                params: &report.config,
                articles: &report.articles,
                corpus,
            };
            serde_json::to_writer_pretty(&mut *out, &json)?;
            writeln!(out)?;
        }
        Format::Text => write_text(out, report)?,
        Format::Markdown => write_markdown(out, report)?,
    }
    out.flush()
}

fn heading(a: &ArticleSummary) -> String {
    let title = a.title.as_deref().unwrap_or(&a.id);
    match &a.date {
        Some(d) => format!("{title} ({d})"),
        None => title.to_owned(),
    }
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for (k, a) in report.articles.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{}", heading(a))?;
        let set_aside = a.set_aside.total();
        let lines = if set_aside == 1 { "line" } else { "lines" };
        writeln!(out, "[{}] {} sentences, {set_aside} {lines} set aside", a.id, a.sentence_count)?;
        for s in &a.summary {
            writeln!(out, "  - {}", s.text)?;
        }
    }
    for c in &report.corpora {
        if !report.articles.is_empty() {
            writeln!(out)?;
        }
        let name = c.id.as_deref().map(|id| format!(" {id}")).unwrap_or_default();
        writeln!(
            out,
            "Corpus summary{name}: {} articles, {} sentences",
            c.article_count, c.sentence_count
        )?;
        for s in &c.summary {
            writeln!(out, "  - {}", s.extract.text)?;
            let mut sources = format!("{} #{}", s.article, s.extract.index);
            for o in &s.also_in {
                sources.push_str(&format!(", {} #{}", o.article, o.index));
            }
            let label = if s.also_in.is_empty() { "source" } else { "sources" };
            writeln!(out, "    ({label}: {sources})")?;
        }
    }
    Ok(())
}

fn write_markdown(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    for a in &report.articles {
        writeln!(out, "## {}\n", heading(a))?;
        writeln!(out, "*{}: {} sentences*\n", a.id, a.sentence_count)?;
        for s in &a.summary {
            writeln!(out, "- {}", s.text)?;
        }
        writeln!(out)?;
    }
    for c in &report.corpora {
        let name = c.id.as_deref().map(|id| format!(": {id}")).unwrap_or_default();
        writeln!(out, "## Corpus summary{name}\n")?;
        for s in &c.summary {
            let mut sources = format!("`{}` #{}", s.article, s.extract.index);
            for o in &s.also_in {
                sources.push_str(&format!(", `{}` #{}", o.article, o.index));
            }
            writeln!(out, "- {} ({sources})", s.extract.text)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
