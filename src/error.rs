//! The library's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in salient, from reading inputs to scoring summaries.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input path could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An input is not usable text (empty, binary, invalid UTF-8, no text files, ...).
    #[error("{input}: {reason}")]
    Input {
        /// The input, as the user named it.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A JSONL line could not be parsed or lacks the expected fields.
    #[error("{input}:{line}: {reason}")]
    Jsonl {
        /// The JSONL file.
        input: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A language that the stemmer or the stop-word list does not support.
    #[error("unsupported language '{0}' (supported: {supported})", supported = crate::analyze::Language::supported_codes().join(", "))]
    UnsupportedLanguage(String),
    /// An option with a value that makes no sense.
    #[error("invalid option {option}: {reason}")]
    InvalidOption {
        /// The option, e.g. `--sentences`.
        option: String,
        /// What is wrong with its value.
        reason: String,
    },
}

/// `Result` with salient's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for [`Error::Input`].
    pub fn input(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Input { input: input.into(), reason: reason.into() }
    }

    /// Shorthand for [`Error::InvalidOption`].
    pub fn option(option: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidOption { option: option.into(), reason: reason.into() }
    }
}
