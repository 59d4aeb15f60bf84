//! Rendering results as text, markdown, lines or JSON, as they are computed.
//!
//! Article summaries are written as soon as their batch is done; corpus
//! summaries, which need every article, come at the end. JSON is one object
//! written in pieces, so a consumer reading a pipe sees the first articles
//! while the rest are still being summarized.

use std::io::Write;

use clap::ValueEnum;
use serde::Serialize;

use salient::ingest::{Article, Skipped};
use salient::summarize::{ArticleSummary, Config, CorpusSummary};

use super::html::{HtmlReport, Scored};

/// Version of the JSON output's shape (docs/json.md).
pub const JSON_VERSION: u32 = 2;

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// Markdown.
    Markdown,
    /// The summary sentences only, one per line; a blank line between summaries.
    Lines,
    /// JSON (see docs/json.md).
    Json,
    /// One self-contained HTML page: each article's text with its summary
    /// marked and every sentence's score, under the corpus summary.
    Html,
}

/// A corpus summary with the method and options it was made with.
#[derive(Serialize)]
struct JsonCorpus<'a> {
    method: &'a str,
    params: &'a Config,
    #[serde(flatten)]
    summary: &'a CorpusSummary,
}

/// Writes one run's summaries as they come.
pub struct ReportWriter<'c, W: Write> {
    out: W,
    format: Format,
    config: &'c Config,
    corpus_config: &'c Config,
    /// Whether the only input is one text on stdin: its summary needs no header.
    stdin_only: bool,
    /// Summaries written so far (articles, then corpora).
    written: usize,
    /// Whether JSON articles carry their text (`--with-text`).
    with_text: bool,
    /// The HTML page, written whole by `finish`.
    html: HtmlReport,
}

/// An article summary with the text its offsets index.
#[derive(Serialize)]
struct JsonWithText<'a> {
    #[serde(flatten)]
    summary: &'a ArticleSummary,
    text: &'a str,
}

impl<'c, W: Write> ReportWriter<'c, W> {
    pub fn new(
        out: W,
        format: Format,
        config: &'c Config,
        corpus_config: &'c Config,
        stdin_only: bool,
    ) -> Self {
        ReportWriter {
            out,
            format,
            config,
            corpus_config,
            stdin_only,
            written: 0,
            with_text: false,
            html: HtmlReport::default(),
        }
    }

    /// This writer, putting each article's text into JSON output.
    pub fn with_text(mut self, with_text: bool) -> Self {
        self.with_text = with_text;
        self
    }

    /// Whether [`article_in`](Self::article_in) needs the article and its scored candidates.
    pub fn needs_article(&self) -> bool {
        self.format == Format::Html || (self.format == Format::Json && self.with_text)
    }

    /// Writes one article's summary with what only some formats show: the
    /// article's text and the score of every candidate sentence.
    pub fn article_in(
        &mut self,
        a: &ArticleSummary,
        article: &Article,
        scored: &[Scored],
    ) -> std::io::Result<()> {
        match self.format {
            Format::Html => {
                self.written += 1;
                self.html.article(a, article, scored);
                Ok(())
            }
            Format::Json if self.with_text => {
                let first = self.written == 0;
                self.written += 1;
                write!(self.out, "{}\n    ", if first { "" } else { "," })?;
                write_indented(&mut self.out, &JsonWithText { summary: a, text: &article.text }, 4)
            }
            _ => self.article(a),
        }
    }

    /// Starts the output.
    pub fn begin(&mut self) -> std::io::Result<()> {
        if self.format == Format::Json {
            write!(self.out, "{{\n  \"version\": {JSON_VERSION},\n  \"method\": ")?;
            serde_json::to_writer(&mut self.out, self.config.method().name())?;
            write!(self.out, ",\n  \"params\": ")?;
            write_indented(&mut self.out, self.config, 2)?;
            write!(self.out, ",\n  \"articles\": [")?;
        }
        Ok(())
    }

    /// Writes one article's summary.
    pub fn article(&mut self, a: &ArticleSummary) -> std::io::Result<()> {
        let first = self.written == 0;
        self.written += 1;
        let out = &mut self.out;
        match self.format {
            Format::Json => {
                write!(out, "{}\n    ", if first { "" } else { "," })?;
                write_indented(out, a, 4)?;
            }
            Format::Text => {
                if !first {
                    writeln!(out)?;
                }
                if !(self.stdin_only && a.id == "stdin") {
                    writeln!(out, "{}", one_line(&heading(a)))?;
                    let set_aside = a.set_aside.total();
                    writeln!(
                        out,
                        "[{}] {}, {} set aside",
                        one_line(&a.id),
                        count(a.sentence_count, "sentence"),
                        count(set_aside, "line"),
                    )?;
                }
                for s in &a.summary {
                    writeln!(out, "  - {}{}", s.text, cut_mark(s.truncated))?;
                }
            }
            Format::Markdown => {
                writeln!(out, "## {}\n", one_line(&heading(a)))?;
                writeln!(out, "*{}: {}*\n", one_line(&a.id), count(a.sentence_count, "sentence"))?;
                for s in &a.summary {
                    writeln!(out, "- {}{}", s.text, cut_mark(s.truncated))?;
                }
                writeln!(out)?;
            }
            // Rendering needs the article's text: see `article_in`.
            Format::Html => {}
            Format::Lines => {
                if !first {
                    writeln!(out)?;
                }
                for s in &a.summary {
                    writeln!(out, "{}{}", s.text, cut_mark(s.truncated))?;
                }
            }
        }
        Ok(())
    }

    /// Flushes what has been written so far.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Writes the corpus summaries and what was skipped, and ends the output.
    pub fn finish(
        &mut self,
        corpora: &[CorpusSummary],
        skipped: &[Skipped],
    ) -> std::io::Result<()> {
        let out = &mut self.out;
        match self.format {
            Format::Html => self.html.write(out, corpora, skipped)?,
            Format::Json => {
                write!(out, "{}],\n  \"corpora\": [", if self.written == 0 { "" } else { "\n  " })?;
                for (k, c) in corpora.iter().enumerate() {
                    write!(out, "{}\n    ", if k == 0 { "" } else { "," })?;
                    let corpus = JsonCorpus {
                        method: self.corpus_config.method().name(),
                        params: self.corpus_config,
                        summary: c,
                    };
                    write_indented(out, &corpus, 4)?;
                }
                write!(out, "{}],\n  \"skipped\": ", if corpora.is_empty() { "" } else { "\n  " })?;
                write_indented(out, &skipped, 2)?;
                writeln!(out, "\n}}")?;
            }
            Format::Text => {
                for c in corpora {
                    if self.written > 0 {
                        writeln!(out)?;
                    }
                    self.written += 1;
                    let name =
                        c.id.as_deref().map(|id| format!(" {}", one_line(id))).unwrap_or_default();
                    writeln!(
                        out,
                        "Corpus summary{name}: {}, {}",
                        count(c.article_count, "article"),
                        count(c.sentence_count, "sentence")
                    )?;
                    for s in &c.summary {
                        writeln!(out, "  - {}{}", s.extract.text, cut_mark(s.extract.truncated))?;
                        let mut sources = format!("{} #{}", one_line(&s.article), s.extract.index);
                        for o in &s.also_in {
                            sources.push_str(&format!(", {} #{}", one_line(&o.article), o.index));
                        }
                        let label = if s.also_in.is_empty() { "source" } else { "sources" };
                        writeln!(out, "    ({label}: {sources})")?;
                    }
                }
            }
            Format::Markdown => {
                for c in corpora {
                    let name =
                        c.id.as_deref().map(|id| format!(": {}", one_line(id))).unwrap_or_default();
                    writeln!(out, "## Corpus summary{name}\n")?;
                    for s in &c.summary {
                        let mut sources =
                            format!("`{}` #{}", one_line(&s.article), s.extract.index);
                        for o in &s.also_in {
                            sources.push_str(&format!(", `{}` #{}", one_line(&o.article), o.index));
                        }
                        writeln!(
                            out,
                            "- {}{} ({sources})",
                            s.extract.text,
                            cut_mark(s.extract.truncated)
                        )?;
                    }
                    writeln!(out)?;
                }
            }
            Format::Lines => {
                for c in corpora {
                    if self.written > 0 {
                        writeln!(out)?;
                    }
                    self.written += 1;
                    for s in &c.summary {
                        writeln!(out, "{}{}", s.extract.text, cut_mark(s.extract.truncated))?;
                    }
                }
            }
        }
        out.flush()
    }
}

/// `value` as pretty JSON whose continuation lines are indented by `indent` spaces.
fn write_indented(
    out: &mut impl Write,
    value: &impl Serialize,
    indent: usize,
) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    let pad = " ".repeat(indent);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            write!(out, "\n{pad}")?;
        }
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// The mark after a sentence cut at the word budget.
fn cut_mark(truncated: bool) -> &'static str {
    if truncated { " …" } else { "" }
}

/// "1 sentence", "3 sentences".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `text` with line breaks (from a file name, say) shown as spaces, so a header stays one line.
fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) { text.replace(['\n', '\r'], " ") } else { text.to_owned() }
}

fn heading(a: &ArticleSummary) -> String {
    let title = a.heading();
    match &a.date {
        Some(d) => format!("{title} ({d})"),
        None => title.to_owned(),
    }
}
