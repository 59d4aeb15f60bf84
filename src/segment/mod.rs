//! Sentence segmentation with byte spans into the original text.
//!
//! One left-to-right pass looks for terminal punctuation. At each candidate the decision uses
//! only the word before the mark and the word after it:
//!
//! * a mark must be followed by whitespace (or the end of the range), after any closing quotes
//!   and brackets, which stay with the sentence they close (`end."`, `end.)`, `best.”`); this
//!   keeps decimals, `U.S.-brokered`, `e.g.` and web addresses whole;
//! * a sentence never ends before a lower-case word, so `..., she said` after a quoted question
//!   and an ellipsis inside a sentence (`and then... nothing`) stay whole;
//! * after a single period the word before it may be an abbreviation (`abbreviations.txt`
//!   lists them with their kind): titles (`Mr.`, `e.g.`) never end a sentence; abbreviations
//!   that precede names (`U.S.`, `Gen.`, `Feb.`, initials such as `W.` or `J.R.R.`) end one only
//!   before a typical sentence opener ("The", "He", "But", ...); those that follow names or
//!   numbers (`Inc.`, `Calif.`, `p.m.`, `etc.`) end one before any capitalised word except a day,
//!   month, time zone or company title; none ends one before a number;
//! * full stops of scripts that write no space after them (`。`, `！`, `？`) and the Devanagari
//!   danda (`।`) end a sentence unconditionally; the Greek question mark, which NFC turns into
//!   `;`, counts as one after a Greek letter.
//!
//! Text without any terminal punctuation (a heading, a long unpunctuated line) is one sentence.

mod abbreviations;

use std::ops::Range;

use abbreviations::Kind;

/// Splits `text[range]` into sentences.
///
/// Returns absolute byte spans into `text`, in order, non-overlapping, each non-empty, trimmed of
/// surrounding whitespace and within `range`. Newlines are ordinary whitespace, so callers pass
/// one paragraph at a time and paragraph breaks are hard boundaries. A range that reaches past
/// the text or cuts a character is shrunk to the characters it fully covers.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let Some((start, end)) = clamp(text, range) else {
        return spans;
    };
    let bytes = text.as_bytes();
    let mut sentence_start = start;
    let mut i = start;
    while i < end {
        let byte = bytes[i];
        let mark = if byte < 0x80 {
            // Fast path: almost every byte of news text is ASCII and not a terminal mark.
            match byte {
                b'.' => Mark::Period,
                b'?' | b'!' => Mark::Weak,
                b';' if follows_greek_letter(&text[sentence_start..i]) => Mark::Weak,
                _ => {
                    i += 1;
                    continue;
                }
            }
        } else {
            let Some(c) = text[i..end].chars().next() else {
                break;
            };
            match terminal_mark(c) {
                Some(mark) => mark,
                None => {
                    i += c.len_utf8();
                    continue;
                }
            }
        };
        let (after, ends) = decide(text, sentence_start, i, end, mark);
        if ends {
            push_trimmed(&mut spans, text, sentence_start, after);
            sentence_start = after;
        }
        i = after;
    }
    push_trimmed(&mut spans, text, sentence_start, end);
    spans
}

/// The kind of terminal punctuation found at a position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// `.`: may follow an abbreviation.
    Period,
    /// `?`, `!`, an ellipsis and the like: end a sentence before any word that is not lower-case.
    Weak,
    /// Marks of scripts that write no space after a sentence (`。`, `।`, `؟`): always end one.
    Strong,
}

/// Terminal marks other than the ASCII ones handled on the fast path.
fn terminal_mark(c: char) -> Option<Mark> {
    match c {
        // U+037E is the Greek question mark as written before NFC, which makes it `;`.
        '…' | '‼' | '⁇' | '⁈' | '⁉' | '．' | '﹒' | '﹖' | '﹗' | '\u{037E}' => {
            Some(Mark::Weak)
        }
        '。' | '｡' | '！' | '？' | '︒' | '।' | '॥' | '؟' | '۔' | '։' | '።' | '፧' | '။' | '។' => {
            Some(Mark::Strong)
        }
        _ => None,
    }
}

/// Closing quotes and brackets that belong to the sentence they follow. Quotes that open in one
/// language close in another (`“` closes German and Czech quotations), so both kinds are listed;
/// position (right after the mark, before any space) tells them apart.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '）'
            | '］'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '＂'
    )
}

/// Opening quotes and brackets that may precede the first word of a sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '”'
            | '('
            | '['
            | '{'
            | '（'
            | '［'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '¿'
            | '¡'
            | '＂'
    )
}

/// Punctuation that continues a sentence when it follows a mark and a space (`. . .`, `? —`).
fn is_continuation(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | '…' | '-' | '–' | '—' | ')' | ']' | '}' | '%')
}

/// Decides whether the mark at `at` ends a sentence. Returns the end of the mark with its closing
/// punctuation (where scanning resumes, and where the sentence ends) and the decision.
fn decide(text: &str, sentence_start: usize, at: usize, end: usize, mark: Mark) -> (usize, bool) {
    let mut strong = mark == Mark::Strong;
    let mut marks = 0usize;
    let mut after = at;
    for c in text[at..end].chars() {
        let more = match c {
            '.' | '?' | '!' => true,
            _ => match terminal_mark(c) {
                Some(m) => {
                    strong |= m == Mark::Strong;
                    true
                }
                None if after == at => true, // the Greek `;` that brought us here
                None => false,
            },
        };
        if more {
            marks += 1;
        } else if !is_closer(c) {
            break;
        }
        after += c.len_utf8();
    }
    after += spaced_guillemet(&text[after..end]);
    if strong {
        return (after, true);
    }
    let rest = &text[after..end];
    if !rest.starts_with(char::is_whitespace) {
        // Nothing follows (the final sentence is pushed by the caller), or no space follows:
        // a decimal, an internal period, or a missing space that is left alone.
        return (after, false);
    }
    let following = rest.trim_start().trim_start_matches(is_opener);
    let Some(next) = following.chars().next() else {
        return (after, false);
    };
    if next.is_lowercase() || is_continuation(next) {
        return (after, false);
    }
    if mark != Mark::Period || marks != 1 {
        return (after, true);
    }
    let ends = match word_before(&text[sentence_start..at]).and_then(abbreviation_kind) {
        None => true,
        // News style spells out a number that opens a sentence ("No. 5", "Sept. 11").
        Some(_) if next.is_numeric() => false,
        Some(Kind::Title) => false,
        Some(Kind::Medial) => {
            let (word, initial) = leading_word(following);
            !initial && abbreviations::is_sentence_starter(word)
        }
        Some(Kind::Final) => !abbreviations::is_continuer(leading_word(following).0),
    };
    (after, ends)
}

/// The length of a French closing guillemet set off by a space (`fin. »`) at the start of
/// `rest`, with that space; 0 when there is none. A `»` followed by a space or the end cannot
/// open a quotation, so it closes the sentence before it.
fn spaced_guillemet(rest: &str) -> usize {
    let trimmed = rest.trim_start();
    match trimmed.strip_prefix('»') {
        Some(tail)
            if trimmed.len() < rest.len()
                && (tail.is_empty() || tail.starts_with(char::is_whitespace)) =>
        {
            rest.len() - tail.len()
        }
        _ => 0,
    }
}

/// The ASCII letters that open `following`, and whether a period follows them (an initial such
/// as the "A." of "A. Smith" is no sentence opener).
fn leading_word(following: &str) -> (&str, bool) {
    let len = following.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(following.len());
    let (word, tail) = following.split_at(len);
    (word, tail.starts_with('.'))
}

/// The word that ends `before` (the text up to a period), without leading opening punctuation;
/// `None` when it is too long to be an abbreviation.
fn word_before(before: &str) -> Option<&str> {
    const MAX_CHARS: usize = 24;
    let mut word_start = 0;
    for (n, (index, c)) in before.char_indices().rev().enumerate() {
        if c.is_whitespace() {
            word_start = index + c.len_utf8();
            break;
        }
        if n == MAX_CHARS {
            return None;
        }
    }
    Some(before[word_start..].trim_start_matches(is_opener))
}

/// The abbreviation kind of `word`, looking up the part after a hyphen or slash too (`pro-U.S.`,
/// `Dallas/Ft.`). Single letters and dotted initials count as [`Kind::Medial`], but not after a
/// hyphen ("Jay-Z.").
fn abbreviation_kind(word: &str) -> Option<Kind> {
    abbreviations::lookup(word)
        .or_else(|| is_initials(word).then_some(Kind::Medial))
        .or_else(|| abbreviations::lookup(&word[word.rfind(['-', '/'])? + 1..]))
}

/// `W`, `J.R.R`, `D.C`, `a.k.a`: single letters separated by periods, upper-case when alone.
fn is_initials(word: &str) -> bool {
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters > 1 || word.chars().all(char::is_uppercase)
}

/// Whether the last character of `before` is a Greek letter.
fn follows_greek_letter(before: &str) -> bool {
    before.chars().next_back().is_some_and(|c| {
        matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}') && c.is_alphabetic()
    })
}

/// Shrinks `range` to the characters of `text` it fully covers; `None` when that is empty.
fn clamp(text: &str, range: Range<usize>) -> Option<(usize, usize)> {
    let mut start = range.start.min(text.len());
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

/// Pushes `text[start..end]` without surrounding whitespace, unless nothing is left.
fn push_trimmed(spans: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let span = &text[start..end];
    let trimmed = span.trim_start();
    let start = start + (span.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        spans.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests;
