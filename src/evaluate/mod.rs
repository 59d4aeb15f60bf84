//! Summary evaluation: ROUGE exactly as the official ROUGE-1.5.5 Perl script computes it.
//!
//! [`rouge`] scores one summary against its references and returns ROUGE-1 … ROUGE-`max_n` and
//! ROUGE-L, each as recall, precision and F, with the numbers ROUGE-1.5.5 reports for one
//! evaluation (per-instance lines of its `-d` output):
//!
//! * Text handling follows ROUGE-1.5.5: every line of a text is a sentence (its "SPL" format;
//!   empty lines are skipped); the length limit keeps the first words (`-l`, whitespace-separated
//!   words of the raw text) or bytes (`-b`) of the peer *and* of each model; the text is
//!   lower-cased and everything but ASCII letters and digits separates tokens; with stemming,
//!   tokens longer than three characters go through the WordNet 2.0 exception lists and then the
//!   Porter stemmer of ROUGE-1.5.5 (which differs from the paper's in a few rules).
//! * Several references are combined as with `-f A`: hits and n-gram counts are summed over the
//!   references, then recall = hits / reference n-grams and precision = hits / (peer n-grams ×
//!   references). ROUGE-L sums union-LCS hits the same way.
//! * Recall and precision are rounded to five decimals, and F = 1 / (α/P + (1-α)/R) is computed
//!   from the rounded values and rounded again, as ROUGE-1.5.5 does: every score is exactly the
//!   number it prints.
//!
//! [`mean`] averages per-instance scores; [`bootstrap()`] reproduces the system-level
//! `Average_R/P/F` lines with their confidence intervals, which ROUGE-1.5.5 computes by bootstrap
//! resampling with a fixed sequence of seeds.
//!
//! `RougeConfig { unicode: true, .. }` replaces ROUGE-1.5.5's ASCII-only tokenization by a
//! Unicode one (lower-casing, tokens are runs of Unicode letters and digits) for texts in other
//! scripts; the scoring is unchanged.

mod bootstrap;
mod porter;
mod rouge;
mod stopwords;

use serde::{Deserialize, Serialize};

pub use bootstrap::{Bootstrap, bootstrap};
pub use rouge::{References, mean, rouge};

/// ROUGE settings, mirroring ROUGE-1.5.5's command-line flags.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RougeConfig {
    /// Longest n-gram order scored (`-n`): ROUGE-1 … ROUGE-`max_n`. Default 2.
    pub max_n: usize,
    /// Stem tokens longer than three characters (`-m`). Default true. The stemmer is English
    /// (Porter); turn it off for other languages.
    pub stem: bool,
    /// Drop the words of ROUGE-1.5.5's SMART stop list (`-s`). Default false.
    pub remove_stopwords: bool,
    /// Keep only the first this many words of each text (`-l`). `Some(0)` means no limit, as in
    /// ROUGE-1.5.5. Takes precedence over `byte_limit`.
    pub word_limit: Option<usize>,
    /// Keep only the first this many bytes of each text (`-b`). `Some(0)` means no limit.
    pub byte_limit: Option<usize>,
    /// Relative weight of precision in F (`-p`), in [0, 1]: F = 1 / (α/P + (1-α)/R).
    /// Default 0.5; values outside [0, 1] are clamped.
    pub alpha: f64,
    /// Tokenize with Unicode letters and digits instead of ROUGE-1.5.5's ASCII `[a-z0-9]`.
    /// Default false (exact ROUGE-1.5.5).
    pub unicode: bool,
}

impl Default for RougeConfig {
    fn default() -> Self {
        RougeConfig {
            max_n: 2,
            stem: true,
            remove_stopwords: false,
            word_limit: None,
            byte_limit: None,
            alpha: 0.5,
            unicode: false,
        }
    }
}

/// Recall, precision and F of one ROUGE measure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Recall.
    pub recall: f64,
    /// Precision.
    pub precision: f64,
    /// F-measure with the configured α.
    pub f: f64,
}

/// Scores of one summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// ROUGE-N for N = 1 … `max_n`: `rouge_n[0]` is ROUGE-1.
    pub rouge_n: Vec<Prf>,
    /// ROUGE-L (summary-level union LCS).
    pub rouge_l: Prf,
}
