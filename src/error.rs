//! The library's one error type.
//!
//! Variants say what went wrong in the library's own terms (an input, a JSONL
//! line, a budget, a method parameter), so a caller can match on them and
//! phrase its own message: the command line names its flags, the Python
//! package its keyword arguments.

use std::path::PathBuf;

/// Everything that can go wrong in salient, from reading inputs to scoring summaries.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input path could not be read.
    #[error("{}: {}", path.display(), io_message(source))]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// An input is not usable text.
    #[error("{input}: {problem}")]
    Input {
        /// The input, as the user named it.
        input: String,
        /// What is wrong with it.
        problem: InputProblem,
    },
    /// A JSONL line could not be parsed or lacks the expected fields.
    #[error("{input}:{line}: {problem}")]
    Jsonl {
        /// The JSONL file (`-` for stdin).
        input: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        problem: JsonlProblem,
    },
    /// A language that the stemmer or the stop-word list does not support.
    #[error("unsupported language '{name}'{} (supported: {supported})",
        did_you_mean(suggestion.as_deref()),
        supported = crate::analyze::Language::supported_codes().join(", "))]
    UnsupportedLanguage {
        /// The name as given.
        name: String,
        /// The closest supported code, when one is close.
        suggestion: Option<String>,
    },
    /// A method name that is not one of [`Method::ALL`](crate::rank::Method::ALL).
    #[error("unknown method '{name}'{} (known: {known})",
        did_you_mean(suggestion.as_deref()),
        known = crate::rank::Method::ALL.iter().map(|m| m.name()).collect::<Vec<_>>().join(", "))]
    UnknownMethod {
        /// The name as given.
        name: String,
        /// The closest method name, when one is close.
        suggestion: Option<String>,
    },
    /// A parameter the method does not have.
    #[error("{method} has no parameter '{parameter}' ({})",
        if known.is_empty() { "it has none".to_owned() } else { format!("it has: {}", known.join(", ")) })]
    UnknownParameter {
        /// The method's name.
        method: &'static str,
        /// The parameter as given.
        parameter: String,
        /// The parameters it has.
        known: Vec<String>,
    },
    /// A method parameter with a value that makes no sense.
    #[error("{method} parameter {parameter} {reason}")]
    InvalidParameter {
        /// The method (or shared setting, such as `pagerank`) it belongs to.
        method: &'static str,
        /// The parameter.
        parameter: String,
        /// What is wrong with its value, e.g. "must be in [0, 1]".
        reason: String,
    },
    /// A summary length that selects nothing.
    #[error("summary length in {unit} {reason}")]
    InvalidBudget {
        /// `sentences`, `words` or `ratio`.
        unit: &'static str,
        /// What is wrong, e.g. "must be at least 1".
        reason: String,
    },
    /// A selection setting out of its range.
    #[error("{setting} {reason}")]
    InvalidSetting {
        /// The setting, e.g. `diversity`.
        setting: &'static str,
        /// What is wrong, e.g. "must be in [0, 1]".
        reason: String,
    },
}

/// What is wrong with an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputProblem {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// Nothing but whitespace.
    #[error("empty input")]
    Empty,
    /// UTF-16 (by its byte-order mark).
    #[error("UTF-16 text is not supported; convert it to UTF-8")]
    Utf16,
    /// NUL bytes or too many control characters.
    #[error("binary file ({0})")]
    Binary(&'static str),
    /// Not valid UTF-8.
    #[error("invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Length of the valid prefix.
        offset: usize,
    },
    /// A folder holding no file salient reads.
    #[error("folder has no .txt, .md or .html files")]
    NoTextFiles,
    /// The same file named twice among the inputs.
    #[error("given more than once")]
    Duplicate,
    /// A JSONL input without a single record.
    #[error("no JSONL records")]
    NoRecords,
}

/// What is wrong with a JSONL line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonlProblem {
    /// Not parseable JSON.
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    /// Valid JSON, but not an object.
    #[error("not a JSON object")]
    NotAnObject,
    /// None of the fields that hold an article.
    #[error("neither \"text\" nor \"documents\" nor \"html\"")]
    NoBody,
    /// Two fields that each hold the body.
    #[error("both \"{0}\" and \"{1}\": one line holds one article or one set of documents")]
    Ambiguous(&'static str, &'static str),
    /// A field of the wrong type.
    #[error("\"{field}\" is not {expected}")]
    WrongType {
        /// The field.
        field: &'static str,
        /// What it should be, e.g. "a string".
        expected: &'static str,
    },
    /// A field that holds nothing.
    #[error("\"{0}\" is empty")]
    EmptyField(&'static str),
    /// One of the documents is blank.
    #[error("document {0} is empty")]
    EmptyDocument(usize),
    /// An id seen on an earlier line of the same input.
    #[error("id \"{id}\" already used on line {first}")]
    DuplicateId {
        /// The id.
        id: String,
        /// The line that used it first.
        first: usize,
    },
}

/// `Result` with salient's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Shorthand for [`Error::Input`].
    pub fn input(input: impl Into<String>, problem: InputProblem) -> Self {
        Error::Input { input: input.into(), problem }
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!("; did you mean '{s}'?")).unwrap_or_default()
}

/// The OS message without Rust's " (os error N)" suffix, lower-cased as a
/// clause ("permission denied").
fn io_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text.to_owned(),
    }
}
