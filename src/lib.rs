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
//! ```
//! use salient::ingest::article_from_text;
//! use salient::summarize::{Config, Summarizer};
//! use salient::select::Budget;
//!
//! let text = "The talks began in Abu Dhabi on Wednesday. Both sides called the talks \
//!             productive. The weather was cold. The talks continue on Thursday in Abu Dhabi.";
//! let article = article_from_text("demo".into(), None, text.into(), false);
//! let mut config = Config::default();
//! config.selection.budget = Budget::Sentences(1);
//! let summary = Summarizer::new(config)?.summarize_article(&article);
//! assert_eq!(summary.summary.len(), 1);
//! assert_eq!(summary.sentence_count, 4);
//! let s = &summary.summary[0];
//! assert_eq!(&text[s.start..s.end], s.text);
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
