//! Abbreviations that end in a period without ending a sentence, and the capitalised words
//! that tell whether one does.
//!
//! Compiled for salient from common newswire usage; public domain / same licence as the project
//! (MIT). The abbreviation list lives in `abbreviations.txt` so that it can be read and extended
//! without touching code; its header explains the format.

use std::cmp::Ordering;
use std::sync::OnceLock;

const DATA: &str = include_str!("abbreviations.txt");

/// How an abbreviation behaves before a capitalised word (before a number or a lower-case word
/// none ends a sentence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Never ends a sentence ("Mr.", "e.g.").
    Title,
    /// Usually precedes a name ("U.S.", "Gen.", "Feb."): ends a sentence only before a
    /// [sentence starter](is_sentence_starter).
    Medial,
    /// Usually follows a name or a number ("Inc.", "Calif.", "p.m.", "etc."): ends a sentence
    /// before any capitalised word that is not a [continuer](is_continuer).
    Final,
}

/// Capitalised words that commonly open an English sentence and rarely follow an abbreviation
/// inside one. After "U.S." or "Inc." a name or title ("President", "Chief") is far more likely
/// than a new sentence, so only these words make such an abbreviation end a sentence.
/// Sorted (checked by a test) for binary search.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Afterward",
    "Again",
    "All",
    "Along",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Can",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Either",
    "Even",
    "Every",
    "Few",
    "For",
    "From",
    "Further",
    "Furthermore",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "Its",
    "Last",
    "Later",
    "Like",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "She",
    "Since",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
    "Your",
];

/// Capitalised words that commonly follow an abbreviation of kind [`Kind::Final`] inside a
/// sentence: days, months, time zones, the AP dateline and company titles ("10 p.m. EST",
/// "America Online Inc. Tuesday", "Microsoft Corp. Chairman Bill Gates"). Sorted (checked by a
/// test) for binary search.
const CONTINUERS: &[&str] = &[
    "AP",
    "Apr",
    "April",
    "Aug",
    "August",
    "BST",
    "CDT",
    "CEO",
    "CET",
    "CST",
    "Chairman",
    "Chief",
    "Dec",
    "December",
    "EDT",
    "EST",
    "ET",
    "Feb",
    "February",
    "Friday",
    "GMT",
    "Inc",
    "Jan",
    "January",
    "Jul",
    "July",
    "Jun",
    "June",
    "LLC",
    "Ltd",
    "MDT",
    "MST",
    "Mar",
    "March",
    "May",
    "Monday",
    "Nov",
    "November",
    "Oct",
    "October",
    "PDT",
    "PLC",
    "PST",
    "PT",
    "President",
    "Saturday",
    "Sep",
    "Sept",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "UTC",
    "Vice",
    "Wednesday",
];

/// Whether `word` (letters only, as written) is a typical sentence opener.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    SENTENCE_STARTERS.binary_search(&word).is_ok()
}

/// Whether `word` (letters only, as written) commonly follows a [`Kind::Final`] abbreviation
/// inside a sentence.
pub(crate) fn is_continuer(word: &str) -> bool {
    CONTINUERS.binary_search(&word).is_ok()
}

/// The kind of `token` (the word before a period, without that period), if it is a known
/// abbreviation.
pub(crate) fn lookup(token: &str) -> Option<Kind> {
    let table = table();
    let index = table.binary_search_by(|(entry, _)| fold_cmp(entry, token)).ok()?;
    let &(entry, kind) = table.get(index)?;
    let shouted = CAPITALS_TOO.contains(&entry) && token.bytes().all(|b| b.is_ascii_uppercase());
    (case_compatible(entry, token) || shouted).then_some(kind)
}

/// Two-letter abbreviations that are still abbreviations in capitals, as
/// newswire datelines and all-caps headings write them ("ST. PETERSBURG",
/// "MR. JONES"): before a name, never acronyms ending a sentence.
const CAPITALS_TOO: [&str; 3] = ["Dr", "Mr", "St"];

/// The parsed list, sorted by [`fold_cmp`]; parsed once.
fn table() -> &'static [(&'static str, Kind)] {
    static TABLE: OnceLock<Vec<(&'static str, Kind)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<_> = DATA.lines().filter_map(parse_line).collect();
        table.sort_by(|a, b| fold_cmp(a.0, b.0));
        table
    })
}

/// One data line; `None` for blank lines, comments and malformed lines (a test rejects the last).
fn parse_line(line: &'static str) -> Option<(&'static str, Kind)> {
    let line = line.split('#').next()?.trim();
    let mut fields = line.split_whitespace();
    let entry = fields.next()?;
    let kind = match fields.next()? {
        "title" => Kind::Title,
        "medial" => Kind::Medial,
        "final" => Kind::Final,
        _ => return None,
    };
    fields.next().is_none().then_some((entry, kind))
}

/// Order by ASCII-lower-cased bytes, so that one binary search finds every casing of an entry.
fn fold_cmp(a: &str, b: &str) -> Ordering {
    a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

/// Whether `token`, equal to `entry` up to ASCII case, is written in a casing that still makes it
/// the abbreviation: as listed, in capitals, or capitalised when listed in lower case. Other
/// casings are ordinary words ("ill." is not "Ill.", Illinois). Single letters only match as
/// listed, so that an initial "P." is not taken for the page abbreviation "p."; two letters do
/// not match in capitals, where they are mostly acronyms ("MS", "PA", "NO"), unless dotted.
fn case_compatible(entry: &str, token: &str) -> bool {
    if token == entry {
        return true;
    }
    let letters = entry.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return false;
    }
    // Dotted abbreviations are no acronyms: "P.M." is "p.m.".
    if (letters >= 3 || entry.contains('.')) && !token.chars().any(char::is_lowercase) {
        return true;
    }
    let (e, t) = (entry.as_bytes(), token.as_bytes());
    match (e.split_first(), t.split_first()) {
        (Some((e0, e_rest)), Some((t0, t_rest))) => {
            e0.is_ascii_lowercase() && t0.is_ascii_uppercase() && e_rest == t_rest
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_parses() {
        for line in DATA.lines() {
            let content = line.split('#').next().unwrap_or("").trim();
            if !content.is_empty() {
                assert!(parse_line(line).is_some(), "malformed line: {line:?}");
            }
        }
    }

    #[test]
    fn entries_are_unique_up_to_case() {
        let table = table();
        for pair in table.windows(2) {
            assert_eq!(fold_cmp(pair[0].0, pair[1].0), Ordering::Less, "{pair:?}");
        }
    }

    #[test]
    fn word_lists_are_sorted() {
        assert!(SENTENCE_STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(CONTINUERS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn lookup_respects_case() {
        assert_eq!(lookup("Mr"), Some(Kind::Title));
        assert_eq!(lookup("MRS"), Some(Kind::Title));
        assert_eq!(lookup("MS"), None);
        assert_eq!(lookup("MR"), Some(Kind::Title));
        assert_eq!(lookup("ST"), Some(Kind::Medial));
        assert_eq!(lookup("mr"), None);
        assert_eq!(lookup("U.S"), Some(Kind::Medial));
        assert_eq!(lookup("Inc"), Some(Kind::Final));
        assert_eq!(lookup("etc"), Some(Kind::Final));
        assert_eq!(lookup("Etc"), Some(Kind::Final));
        assert_eq!(lookup("Ill"), Some(Kind::Final));
        assert_eq!(lookup("ill"), None);
        assert_eq!(lookup("p"), Some(Kind::Medial));
        assert_eq!(lookup("P.M"), Some(Kind::Final));
        assert_eq!(lookup("P"), None);
        assert_eq!(lookup("např"), Some(Kind::Title));
        assert_eq!(lookup("Např"), Some(Kind::Title));
        assert_eq!(lookup("president"), None);
        assert_eq!(lookup(""), None);
    }
}
