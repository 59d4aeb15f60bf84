//! `salient extract`: the cleaned article text that the summarizer reads.

use std::io::{IsTerminal, Write};

use clap::{Args as ClapArgs, ValueEnum};
use serde::Serialize;

use salient::ingest::{Article, BlockKind, ReadOptions, SetAside, read_inputs};

/// Print the article text that the summarizer reads from each input.
///
/// For an HTML page that is the article's own text as the extractor finds it,
/// leaving out menus, share bars, related links, comments, cookie notices, ads
/// and photo captions (F1 0.974 on the article-extraction benchmark's
/// development pages; docs/quality.md), with the address (canonical link or
/// og:url), title, date, author and site from the page's metadata. For text
/// and markdown it is the body left after front matter and boilerplate lines
/// are set aside. A news wire's dateline (`JERUSALEM (AP) _`) stays in the
/// text, although the summarizer's first sentence starts after it. Inputs are read as by `salient summarize`: files, folders (every
/// .txt, .md, .html and .htm inside, recursively), JSONL files (a {"text"} or
/// {"html"} article, or a {"documents"} set, per line), or `-` for standard
/// input (the default when stdin is not a terminal).
///
/// With --format text, each article is printed as YAML front matter (id,
/// path, source (the address), title, date, author and site, when known)
/// and its paragraphs and headings separated by blank lines, so one
/// article's output can be summarized in turn with the same address, title
/// and date. With --format json, each article is one JSON line: {"id",
/// "path", "url", "title", "date", "author", "site", "body", "set_aside"},
/// body holding the paragraphs and headings separated by blank lines.
///
/// Examples:
///
///   salient extract page.html
///
///   salient extract saved-pages/ --format json > articles.jsonl
///
///   curl -s https://example.com/story | salient extract
#[derive(Debug, ClapArgs)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, folders, JSONL files, or - for stdin.
    #[arg(value_name = "PATH")]
    pub paths: Vec<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ExtractFormat::Text)]
    pub format: ExtractFormat,

    /// Keep every line or block as body text: no filtering of captions,
    /// navigation, teasers, link lists, headlines or duplicate lines.
    #[arg(long)]
    pub keep_all: bool,
}

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// Front matter and paragraphs, a blank line between paragraphs.
    Text,
    /// JSON Lines: one object per article.
    Json,
}

/// One line of `--format json`.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    path: Option<&'a str>,
    url: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<&'a str>,
    author: Option<&'a str>,
    site: Option<&'a str>,
    body: String,
    set_aside: &'a SetAside,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "no input: give files, folders or JSONL, or pipe text or HTML to stdin (see --help)"
            );
        }
        paths.push("-".to_owned());
    }
    let corpora =
        read_inputs(&paths, &ReadOptions { keep_all: args.keep_all, ..ReadOptions::default() })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let articles = corpora.iter().flat_map(|c| &c.articles);
    for (k, article) in articles.enumerate() {
        match args.format {
            ExtractFormat::Json => {
                serde_json::to_writer(&mut out, &record(article))?;
                writeln!(out)?;
            }
            ExtractFormat::Text => {
                if k > 0 {
                    writeln!(out)?;
                }
                write_text(&mut out, article)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The body blocks, separated by blank lines; a dateline runs on into its
/// paragraph, as it was written.
fn body(article: &Article) -> String {
    let mut out = String::new();
    let mut after_dateline = false;
    for (k, b) in article.blocks.iter().enumerate() {
        if k > 0 {
            out.push_str(if after_dateline { " " } else { "\n\n" });
        }
        out.push_str(&article.text[b.start..b.end]);
        after_dateline = b.kind == BlockKind::Dateline;
    }
    out
}

fn record(article: &Article) -> Record<'_> {
    Record {
        id: &article.id,
        path: article.path.as_deref(),
        url: article.url.as_deref(),
        title: article.title.as_deref(),
        date: article.date.as_deref(),
        author: article.author.as_deref(),
        site: article.site.as_deref(),
        body: body(article),
        set_aside: &article.set_aside,
    }
}

fn write_text(out: &mut impl Write, article: &Article) -> anyhow::Result<()> {
    writeln!(out, "---")?;
    let fields = [
        ("id", Some(&article.id)),
        ("path", article.path.as_ref()),
        // `source:`, as front matter is read back.
        ("source", article.url.as_ref()),
        ("title", article.title.as_ref()),
        ("date", article.date.as_ref()),
        ("author", article.author.as_ref()),
        ("site", article.site.as_ref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            // A JSON string is a valid YAML double-quoted scalar.
            writeln!(out, "{key}: {}", serde_json::to_string(value)?)?;
        }
    }
    writeln!(out, "---")?;
    writeln!(out)?;
    let body = body(article);
    if !body.is_empty() {
        writeln!(out, "{body}")?;
    }
    Ok(())
}
