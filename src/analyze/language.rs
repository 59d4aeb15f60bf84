use rust_stemmers::Algorithm;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// A language both the stemmer (`rust-stemmers`) and the stop-word lists
/// (`stop-words`, ISO lists) support.
///
/// This is the one place that maps salient's languages onto the two crates.
///
/// Written to JSON as its ISO 639-1 code (`"en"`); read from a code or an
/// English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
#[allow(missing_docs)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    #[default]
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Turkish,
}

const ALL: [(Language, &str, &str); 17] = [
    (Language::Arabic, "ar", "arabic"),
    (Language::Danish, "da", "danish"),
    (Language::Dutch, "nl", "dutch"),
    (Language::English, "en", "english"),
    (Language::Finnish, "fi", "finnish"),
    (Language::French, "fr", "french"),
    (Language::German, "de", "german"),
    (Language::Greek, "el", "greek"),
    (Language::Hungarian, "hu", "hungarian"),
    (Language::Italian, "it", "italian"),
    (Language::Norwegian, "no", "norwegian"),
    (Language::Portuguese, "pt", "portuguese"),
    (Language::Romanian, "ro", "romanian"),
    (Language::Russian, "ru", "russian"),
    (Language::Spanish, "es", "spanish"),
    (Language::Swedish, "sv", "swedish"),
    (Language::Turkish, "tr", "turkish"),
];

impl Serialize for Language {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        Language::parse(&name).map_err(serde::de::Error::custom)
    }
}

impl Language {
    /// Parses an ISO 639-1 code (`en`) or an English name (`english`), case-insensitively.
    pub fn parse(code: &str) -> Result<Self> {
        let code = code.trim().to_ascii_lowercase();
        ALL.iter()
            .find(|(_, iso, name)| *iso == code || *name == code)
            .map(|(l, _, _)| *l)
            .ok_or_else(|| Error::UnsupportedLanguage {
                suggestion: crate::rank::closest(
                    &code,
                    ALL.iter().flat_map(|(_, iso, name)| [*iso, *name]),
                )
                .map(str::to_owned),
                name: code,
            })
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        ALL.iter().find(|(l, _, _)| *l == self).map_or("en", |(_, c, _)| c)
    }

    /// Codes of every supported language.
    pub fn supported_codes() -> Vec<&'static str> {
        ALL.iter().map(|(_, c, _)| *c).collect()
    }

    pub(crate) fn stemmer(self) -> Algorithm {
        match self {
            Language::Arabic => Algorithm::Arabic,
            Language::Danish => Algorithm::Danish,
            Language::Dutch => Algorithm::Dutch,
            Language::English => Algorithm::English,
            Language::Finnish => Algorithm::Finnish,
            Language::French => Algorithm::French,
            Language::German => Algorithm::German,
            Language::Greek => Algorithm::Greek,
            Language::Hungarian => Algorithm::Hungarian,
            Language::Italian => Algorithm::Italian,
            Language::Norwegian => Algorithm::Norwegian,
            Language::Portuguese => Algorithm::Portuguese,
            Language::Romanian => Algorithm::Romanian,
            Language::Russian => Algorithm::Russian,
            Language::Spanish => Algorithm::Spanish,
            Language::Swedish => Algorithm::Swedish,
            Language::Turkish => Algorithm::Turkish,
        }
    }

    /// The NLTK stop-word list of the language (from the NLTK data package's
    /// `stopwords` corpus, as shipped by the `stop-words` crate, MIT/Apache-2.0).
    pub(crate) fn stop_words(self) -> &'static [&'static str] {
        // Every code in ALL has an ISO list (checked by a test), so the empty
        // fallback is unreachable rather than a silent "no stop words".
        stop_words::lookup(self.code()).unwrap_or(&[])
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_stop_words() {
        for (lang, _, _) in ALL {
            assert!(lang.stop_words().len() > 20, "{lang:?}");
        }
    }

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(Language::parse("EN").unwrap(), Language::English);
        assert_eq!(Language::parse("greek").unwrap(), Language::Greek);
        let err = Language::parse("cs").unwrap_err().to_string();
        assert!(err.contains("unsupported language 'cs'"), "{err}");
    }
}
