//! # salient — extractive summarization of news
//!
//! salient reads news articles (plain text, scraped pages, JSONL datasets) and
//! picks the sentences that best summarize each article and the corpus as a
//! whole. Data flows one way through small stages:
//!
//! [`ingest`] → [`segment`] → [`analyze`] → [`vectorize`] → [`similarity`] →
//! [`rank`] → [`select`], tied together by [`summarize`]; [`evaluate`] scores
//! summaries with ROUGE.
//!
//! The one-call entry point summarizes a text:
//!
//! ```
//! use salient::summarize::{Config, summarize};
//! use salient::select::Budget;
//!
//! let text = "The talks began in Abu Dhabi on Wednesday. Both sides called the talks \
//!             productive. The weather was cold. The talks continue on Thursday in Abu Dhabi.";
//! let mut config = Config::default();
//! config.selection.budget = Budget::Sentences(1);
//! let summary = summarize(text, &config)?;
//! assert_eq!(summary.summary.len(), 1);
//! assert_eq!(summary.sentence_count, 4);
//! let s = &summary.summary[0];
//! assert_eq!(&text[s.start..s.end], s.text);
//! # Ok::<(), salient::Error>(())
//! ```
//!
//! The stages are public steps, so a caller can rank once and select at
//! several lengths:
//!
//! ```
//! use salient::ingest::Article;
//! use salient::rank::Method;
//! use salient::select::Budget;
//! use salient::summarize::{Config, Summarizer};
//!
//! let articles = [
//!     Article::from_text("a", "Rain fell on the city. The river rose by a metre. Schools closed early."),
//!     Article::from_text("b", "The river rose overnight. Roads near the river were closed."),
//! ];
//! let summarizer = Summarizer::new(Config::corpus_default().with_method(Method::Lexrank))?;
//! let ranked = summarizer.rank(summarizer.candidates(&articles));
//! for n in 1..=3 {
//!     let mut selection = summarizer.config().selection.clone();
//!     selection.budget = Budget::Sentences(n);
//!     let summary = summarizer.corpus_summary(None, &articles, &ranked, &selection);
//!     assert_eq!(summary.summary.len(), n);
//!     assert_eq!(summary.sources.len(), 2);
//! }
//! # Ok::<(), salient::Error>(())
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod error;
pub mod evaluate;
pub mod ingest;
pub mod parallel;
pub mod rank;
pub mod segment;
pub mod select;
pub mod similarity;
pub mod summarize;
pub mod synthetic;
pub mod vectorize;

pub use error::{Error, Result};

/// The README's Rust example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
