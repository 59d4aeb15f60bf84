use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How long a summary may be: one budget at a time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (whitespace-separated), never more.
    Words(usize),
    /// This fraction of the sentences (rounded, at least one).
    Ratio(f64),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(3)
    }
}

impl Budget {
    /// Checks that the budget can select something.
    pub fn validate(self) -> Result<Self> {
        match self {
            Budget::Sentences(0) => {
                Err(Error::InvalidBudget { unit: "sentences", reason: "must be at least 1".into() })
            }
            Budget::Words(0) => {
                Err(Error::InvalidBudget { unit: "words", reason: "must be at least 1".into() })
            }
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => Err(Error::InvalidBudget {
                unit: "ratio",
                reason: format!("must be in (0, 1], got {r}"),
            }),
            b => Ok(b),
        }
    }

    /// The most sentences this budget allows out of `n`.
    pub fn max_sentences(self, n: usize) -> usize {
        match self {
            Budget::Sentences(k) => k.min(n),
            Budget::Words(_) => n,
            Budget::Ratio(r) => ((r * n as f64).round() as usize).clamp(1.min(n), n),
        }
    }

    /// The word limit, if this is a word budget.
    pub fn max_words(self) -> Option<usize> {
        match self {
            Budget::Words(w) => Some(w),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounds_and_keeps_one() {
        assert_eq!(Budget::Ratio(0.25).max_sentences(10), 3);
        assert_eq!(Budget::Ratio(0.01).max_sentences(10), 1);
        assert_eq!(Budget::Ratio(0.5).max_sentences(0), 0);
        assert_eq!(Budget::Sentences(3).max_sentences(2), 2);
    }

    #[test]
    fn rejects_empty_budgets() {
        assert!(Budget::Sentences(0).validate().is_err());
        assert!(Budget::Ratio(1.5).validate().is_err());
        assert!(Budget::Ratio(f64::NAN).validate().is_err());
        assert!(Budget::Words(100).validate().is_ok());
    }
}
