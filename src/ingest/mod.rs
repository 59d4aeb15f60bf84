//! Reading inputs (files, folders, stdin, JSONL) and separating an article's
//! body from the boilerplate around it (front matter, captions, navigation, ...).
//!
//! Offsets are byte offsets into [`Article::text`], which is the input exactly as
//! read (for a file, its bytes; for JSONL, the decoded string), except for an
//! HTML page, whose text is the article body extracted from it ([`html`]).
//! Nothing else here modifies the text: cleaning only decides which byte ranges
//! are candidate paragraphs and which are set aside, and why.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod clean;
mod filter;
pub mod html;
mod jsonl;
mod meta;
mod read;

pub(crate) use clean::article_from_text;
pub use meta::opening_words;
pub use read::{BatchLimit, Item, OnError, ReadOptions, Reader, Skipped, read_inputs};

/// An article ready for segmentation: its original text and the byte ranges
/// that hold its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// File stem, JSONL `"id"`, or a generated id (`<id>#<n>` for the documents of a JSONL instance).
    pub id: String,
    /// The path the article was read from; `None` for stdin.
    pub path: Option<String>,
    /// Where the article was published: a JSONL `"url"`/`"source"` field, or
    /// front matter's `source:` (`url:`, `link:`, `canonical_url:`).
    pub url: Option<String>,
    /// The full original text.
    pub text: String,
    /// Title from front matter, the header line or an HTML page's metadata, if any.
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD` date from front matter, the header line or an HTML page's metadata, if any.
    pub date: Option<String>,
    /// The author or authors, from an HTML page's metadata.
    pub author: Option<String>,
    /// The site's name, from an HTML page's metadata.
    pub site: Option<String>,
    /// Body blocks in document order.
    pub blocks: Vec<Block>,
    /// Lines kept out of the candidate sentences, counted by reason.
    pub set_aside: SetAside,
}

impl Article {
    /// An article from its raw text (plain text or markdown, with optional
    /// front matter and header line), cleaned with the default options.
    ///
    /// ```
    /// use salient::ingest::Article;
    ///
    /// let a = Article::from_text("demo", "Skip to main content\nThe vote passed. Both sides agreed.");
    /// assert_eq!(a.set_aside.total(), 1);
    /// assert_eq!(&a.text[a.blocks[0].start..a.blocks[0].end], "The vote passed. Both sides agreed.");
    /// ```
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article::from_text_with(id, text, &ReadOptions::default())
    }

    /// An article from its raw text, cleaned with `options`.
    pub fn from_text_with(
        id: impl Into<String>,
        text: impl Into<String>,
        options: &ReadOptions,
    ) -> Article {
        clean::article_from_text(id.into(), None, text.into(), options.keep_all)
    }

    /// This article with metadata given beside its text, read as a JSONL
    /// line's `"title"`, `"date"` and `"url"` fields are: values are trimmed
    /// and a blank one counts as absent; a given title or url wins over what
    /// cleaning found in the text; a date wins when it starts with an ISO
    /// `YYYY-MM-DD` date (kept without its time), and is ignored otherwise.
    ///
    /// ```
    /// use salient::ingest::Article;
    ///
    /// let a = Article::from_text("x", "The vote passed.")
    ///     .with_metadata(Some(" Vote "), Some("2024-03-05T10:00:00Z"), Some(""));
    /// assert_eq!((a.title.as_deref(), a.date.as_deref(), a.url), (Some("Vote"), Some("2024-03-05"), None));
    /// ```
    pub fn with_metadata(
        mut self,
        title: Option<&str>,
        date: Option<&str>,
        url: Option<&str>,
    ) -> Article {
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        if let Some(title) = given(title) {
            self.title = Some(title.to_owned());
        }
        if let Some(date) = given(date).and_then(meta::iso_date_prefix) {
            self.date = Some(date);
        }
        if let Some(url) = given(url) {
            self.url = Some(url.to_owned());
        }
        self
    }

    /// This article, recorded as read from `path`.
    pub fn with_path(mut self, path: impl Into<String>) -> Article {
        self.path = Some(path.into());
        self
    }
}

/// A byte range of the article holding a paragraph or a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Start byte offset into [`Article::text`].
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the block is.
    pub kind: BlockKind,
}

/// The role of a [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text: its sentences are candidates for the summary.
    Paragraph,
    /// A heading: structure, never a candidate sentence.
    Heading,
    /// A news wire's dateline opening the first paragraph (`JERUSALEM (AP)
    /// _`): part of the text, never part of a candidate sentence.
    Dateline,
}

/// Why a line was set aside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// YAML front matter.
    FrontMatter,
    /// A ` date YYYY-MM-DD <headline>` header line.
    Header,
    /// A heading (kept as structure, not as a sentence).
    Heading,
    /// A photo caption (`[REUTERS/...]`, `Photograph: ...`).
    Caption,
    /// Site navigation (`Skip to main content`).
    Navigation,
    /// A teaser linking to another story (`...Read more`).
    Teaser,
    /// A dateline such as `Published: 05 Feb. 2026, 09:42`.
    Published,
    /// A line that repeats an earlier line verbatim.
    Duplicate,
    /// A markdown link or a list of them.
    Link,
    /// An HTML page's headline repeated as a heading of its body.
    Title,
    /// A byline such as `By Jane Doe, BBC News`.
    Byline,
    /// A timestamp line such as `Updated 3:45 p.m. ET, Jan. 5, 2024`.
    Timestamp,
    /// A copyright notice: `Copyright 2024 ...`, `© ...`, `All rights reserved.`
    Copyright,
    /// A newsletter or sign-up prompt (`Sign up for our daily newsletter.`).
    Newsletter,
    /// A wire dateline opening the first paragraph (`JERUSALEM (AP) _`); the
    /// rest of the paragraph stays.
    Dateline,
    /// A line repeating the front matter's `description:` (a standfirst).
    Description,
    /// A news wire's code line: editors' initials (`(scl)`, `(vs/krt)`), an
    /// end mark (`nn`), `(MORE)`, or a story slug (`NYT-10-18-98 1807EDT`).
    WireCode,
}

/// Counts of set-aside lines by [`Reason`]; serialized as `{"caption": 3, ...}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SetAside(pub BTreeMap<Reason, usize>);

impl SetAside {
    /// Counts one more line set aside for `reason`.
    pub fn add(&mut self, reason: Reason) {
        *self.0.entry(reason).or_insert(0) += 1;
    }

    /// Total number of lines set aside.
    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

/// A set of articles summarized together: all inputs of one run, or one
/// instance (`"documents"` line) of a multi-document JSONL dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Corpus {
    /// The JSONL instance id, or `None` for files/folders/stdin.
    pub id: Option<String>,
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Reference summaries carried by a JSONL instance (`"references"`), if any.
    pub references: Vec<String>,
}
