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
//! * a list item's number or letter (`1.`, `2.)`, `• 9.`, `a.`) opens its item, and an item
//!   that opens with one ends before the next item's marker (`1) The first item 2) The second`);
//! * three spaced dots (`. . .`) are an omission inside a sentence; four end one, and when the
//!   first is written against the word (`compounds. . . . The`) the sentence ends after it;
//!   an omission in brackets (`[...]`) never ends one; abbreviations that follow names end no
//!   sentence of three words or fewer (`At 5 a.m. Mr. Smith`);
//! * full stops of scripts that write no space after them (`。`, `！`, `？`) and the Devanagari
//!   danda (`।`) end a sentence unconditionally; the Greek question mark, which NFC turns into
//!   `;`, counts as one after a Greek letter.
//!
//! Text without any terminal punctuation (a heading, a long unpunctuated line) is one sentence.
//! Finally, sentences cut inside a double-quoted quotation of up to [`MAX_QUOTATION_CHARS`] are
//! joined again: a sentence never begins or ends inside a quotation.

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
    let Some((start, end)) = clamp(text, range) else {
        return Vec::new();
    };
    keep_quotations_whole(text, cut(text, start, end), end)
}

/// The sentences that one of [`sentences`]' spans joined around a quotation, as spans into
/// `sentence`, in order; a sentence that joins none is one part. `parts("\"We won. It was
/// hard,\" she said.")` is `"We won.` and `It was hard," she said.`.
///
/// Rankers score these parts rather than the joined sentence: a quotation of three sentences
/// shares more words with the rest of the text than any one of them, so every ranker would
/// place it above the sentences it was made from for its length alone.
///
/// # Examples
///
/// ```
/// let sentence = "\"We won. It was hard,\" she said.";
/// let parts: Vec<&str> = salient::segment::parts(sentence)
///     .into_iter()
///     .map(|r| &sentence[r])
///     .collect();
/// assert_eq!(parts, ["\"We won.", "It was hard,\" she said."]);
/// assert_eq!(salient::segment::parts("No quotation here. Really."), [0..26]);
/// ```
pub fn parts(sentence: &str) -> Vec<Range<usize>> {
    // Only a quotation joins sentences.
    let cuts =
        if has_quotation_mark(sentence) { cut(sentence, 0, sentence.len()) } else { Vec::new() };
    if cuts.len() < 2 { std::iter::once(0..sentence.len()).collect() } else { cuts }
}

/// Whether `text` holds a double quotation mark of any kind [`quotations`] reads. Most
/// sentences hold none, and a byte scan for their first bytes (`"`, and the lead bytes of
/// `“ ” „` and `« »`) finds that out without decoding characters.
fn has_quotation_mark(text: &str) -> bool {
    memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes()).any(|at| {
        // These bytes never continue a character, so `at` is a character boundary.
        text[at..].starts_with(['"', '“', '”', '„', '«', '»'])
    })
}

/// The sentences of `text[start..end]` before quotations are joined.
fn cut(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
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
    split_list_items(text, spans)
}

/// Quotations up to this many characters are never cut into sentences.
pub const MAX_QUOTATION_CHARS: usize = 600;

/// Joins sentences cut inside a quotation, so that no sentence begins or ends inside one
/// (`"It must be felt now. People in Ukraine must feel …," Zelensky said.` is one sentence).
///
/// Quotations are double quotes: `“…”`, `„…“`, `„…”`, `«…»` and straight `"…"` (opening after a
/// space or an opener, closing before one, so that `ארה"ב` is no quote). One still open at the
/// end of the range (a quotation that goes on in the next paragraph) runs to that end; an opening
/// quote while one of its kind is still open discards that one, since such quotes do not nest. A
/// quotation longer than [`MAX_QUOTATION_CHARS`] is split like other text.
fn keep_quotations_whole(text: &str, spans: Vec<Range<usize>>, end: usize) -> Vec<Range<usize>> {
    if spans.len() < 2 {
        return spans;
    }
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return spans;
    };
    let quotes = quotations(text, first.start, last.end.max(end));
    if quotes.is_empty() {
        return spans;
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        if let Some(previous) = out.last_mut() {
            let inside = quotes.iter().any(|q| q.start < previous.end && span.start < q.end);
            if inside {
                previous.end = span.end;
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// The quotations in `text[start..end]` of at most [`MAX_QUOTATION_CHARS`], from the opening to
/// just after the closing quote.
fn quotations(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut found = Vec::new();
    let slice = &text[start..end];
    // Only quotation marks matter, and each is judged by the characters on either side of it,
    // so the scan jumps from one to the next on their first byte (`"`, or the lead byte of
    // `“ ” „` and `« »`) instead of decoding every character.
    for at in memchr::memchr3_iter(b'"', 0xE2, 0xC2, slice.as_bytes()) {
        // These bytes never continue a character, so `at` is a character boundary.
        let Some(c) = slice[at..].chars().next() else {
            break;
        };
        let i = at + c.len_utf8();
        if !matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            continue;
        }
        let previous = slice[..at].chars().next_back();
        let next = slice[i..].chars().next();
        // A straight quote opens after a space or an opener, before anything but a space; it
        // closes after anything but a space, before a space, punctuation or the end.
        let spaced_before =
            previous.is_none_or(|p: char| p.is_whitespace() || is_opener(p) && !is_closer(p));
        let spaced_after = next.is_none_or(|n| {
            n.is_whitespace() || !n.is_alphanumeric() && (!is_opener(n) || is_closer(n))
        });
        let closes = |open: &[(char, usize)], opener: &[char]| {
            open.iter().rposition(|(o, _)| opener.contains(o))
        };
        let close_at = match c {
            '”' => closes(&open, &['“', '„']),
            '“' => closes(&open, &['„']),
            '»' => closes(&open, &['«']),
            '"' if !spaced_before && spaced_after => closes(&open, &['"']),
            _ => None,
        };
        if let Some(k) = close_at {
            let (_, from) = open[k];
            open.truncate(k);
            found.push(start + from..start + i);
        } else if matches!(c, '“' | '„' | '«') || c == '"' && spaced_before && !spaced_after {
            // Quotes of one kind do not nest: an opening quote while one of its kind is open
            // means that one was never closed (a quotation that continued in a paragraph the
            // text has lost), so it marks no span.
            if let Some(k) = open.iter().rposition(|&(o, _)| o == c) {
                open.truncate(k);
            }
            open.push((c, at));
        }
    }
    found.extend(open.into_iter().map(|(_, from)| start + from..end));
    found.retain(|q| {
        q.len() <= MAX_QUOTATION_CHARS || text[q.clone()].chars().count() <= MAX_QUOTATION_CHARS
    });
    found
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
    if mark == Mark::Period
        && let Some(decision) = spaced_ellipsis(text, at, end)
    {
        return decision;
    }
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
    // An omission mark in brackets (`[...]`, `[…]`) is part of the sentence around it.
    if text[..at].ends_with('[') && text[at..after].starts_with(['.', '…']) {
        let dots = text[at..after].trim_start_matches(['.', '…']);
        if dots.starts_with(']') {
            return (at + (text[at..after].len() - dots.len()) + 1, false);
        }
    }
    // The number or letter of a list item ("1.", "2.)", "• 9.", "a.") opens its item, and the
    // next item's marker inside an unpunctuated item is no sentence end ([`split_list_items`]
    // cuts before it).
    if mark == Mark::Period && marks == 1 {
        if is_list_marker(&text[sentence_start..at]) {
            return (after, false);
        }
        let next_item = list_marker(&text[sentence_start..end]).is_some_and(|first| {
            word_before(&text[sentence_start..at]).is_some_and(|w| {
                list_marker(&text[at - w.len()..end]).is_some_and(|m| m.is_later_than(&first))
            })
        });
        if next_item {
            return (after, false);
        }
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
    // A quoted question or exclamation followed by its attribution ("Where is he?" Miller
    // asked.) is one sentence; after a period the attribution follows a comma instead.
    let quoted = text[at..after].contains(['"', '”', '\'', '’', '»']);
    if mark != Mark::Period && quoted && is_attribution(following) {
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
        // Three words or fewer ("At 5 a.m.") are an opening phrase rather than a sentence.
        Some(Kind::Final) => {
            text[sentence_start..at].split_whitespace().nth(3).is_some()
                && !abbreviations::is_continuer(leading_word(following).0)
        }
    };
    (after, ends)
}

/// The decision at a period that begins a spaced ellipsis (`. . .`, `. . . .`), or `None` when
/// the period is not followed by ` .`.
///
/// Three spaced dots mark an omission inside a sentence ("the thing is . . . I didn’t"). Four
/// mark an omission at the end of one: after a space they end it ("a period . . . . Next"); right
/// after a word the first dot ends the sentence and the other three open the next one
/// ("compounds. . . . The practice"). Either way the sentence ends only before a word that is not
/// lower-case.
fn spaced_ellipsis(text: &str, at: usize, end: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let mut dots = 1;
    let mut run_end = at + 1;
    while run_end + 1 < end && bytes[run_end] == b' ' && bytes[run_end + 1] == b'.' {
        dots += 1;
        run_end += 2;
    }
    if dots == 1 {
        return None;
    }
    let mut after = run_end;
    for c in text[run_end..end].chars() {
        if !is_closer(c) {
            break;
        }
        after += c.len_utf8();
    }
    let rest = &text[after..end];
    let opens_sentence = rest.starts_with(char::is_whitespace)
        && rest
            .trim_start()
            .trim_start_matches(is_opener)
            .chars()
            .next()
            .is_some_and(|c| !c.is_lowercase() && !is_continuation(c));
    let attached = text[..at].chars().next_back().is_some_and(|c| !c.is_whitespace());
    Some(match (dots, attached) {
        (4.., true) if opens_sentence => (at + 1, true),
        (4.., false) => (after, opens_sentence),
        _ => (after, false),
    })
}

/// Whether `before` (a sentence up to a period) is only a list item's number or letter: up to
/// three digits or one lower-case letter, after an optional bullet.
fn is_list_marker(before: &str) -> bool {
    let marker = before.trim_start_matches(is_bullet).trim_start();
    (1..=3).contains(&marker.len()) && marker.bytes().all(|b| b.is_ascii_digit())
        || marker.len() == 1 && marker.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '◦' | '▪' | '‣')
}

/// The marker that opens a list item: `1.`, `2.)`, `3)`, `a.`, optionally after a bullet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ListMarker<'a> {
    bullet: Option<char>,
    /// The item's number, or a lower-case letter's position in the alphabet.
    value: u32,
    letter: bool,
    suffix: &'a str,
}

impl ListMarker<'_> {
    /// Whether this is the marker of the item after `previous`, in the same style.
    fn follows(&self, previous: &ListMarker<'_>) -> bool {
        self.bullet == previous.bullet
            && self.letter == previous.letter
            && self.suffix == previous.suffix
            && self.value == previous.value + 1
    }

    /// Whether this marks an item after `first` in its style; bullets are separate words, so
    /// they are not compared.
    fn is_later_than(&self, first: &ListMarker<'_>) -> bool {
        self.letter == first.letter && self.suffix == first.suffix && self.value > first.value
    }
}

/// The list marker at the start of `s`, followed by whitespace.
fn list_marker(s: &str) -> Option<ListMarker<'_>> {
    let bullet = s.chars().next().filter(|&c| is_bullet(c));
    let rest = s[bullet.map_or(0, char::len_utf8)..].trim_start_matches(' ');
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (value, letter, rest) = match digits {
        1..=3 => (rest[..digits].parse().ok()?, false, &rest[digits..]),
        0 => {
            let c = *rest.as_bytes().first()?;
            if !c.is_ascii_lowercase() {
                return None;
            }
            (u32::from(c - b'a') + 1, true, &rest[1..])
        }
        _ => return None,
    };
    let suffix = [".)", ".", ")"].into_iter().find(|p| rest.starts_with(p))?;
    rest[suffix.len()..].starts_with(char::is_whitespace).then_some(ListMarker {
        bullet,
        value,
        letter,
        suffix,
    })
}

/// Cuts a sentence that opens with a list marker before the next item's marker (`1) The first
/// item 2) The second item`), so that unpunctuated items are sentences of their own.
fn split_list_items(text: &str, spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if !spans.iter().any(|s| list_marker(&text[s.clone()]).is_some()) {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let mut start = span.start;
        let mut current = list_marker(&text[start..span.end]);
        while let Some(marker) = current {
            let item = &text[start..span.end];
            let next = item.char_indices().skip(1).find_map(|(i, c)| {
                let m = (c.is_whitespace()).then(|| list_marker(item[i..].trim_start()))??;
                m.follows(&marker).then(|| (i + item[i..].len() - item[i..].trim_start().len(), m))
            });
            let Some((offset, m)) = next else {
                break;
            };
            push_trimmed(&mut out, text, start, start + offset);
            start += offset;
            current = Some(m);
        }
        push_trimmed(&mut out, text, start, span.end);
    }
    out
}

/// Whether `following` opens with a speaker and a verb of saying (`Miller said`, `Tambara
/// asked.`), or the verb and a speaker (`said Mr. Smith`).
fn is_attribution(following: &str) -> bool {
    const VERBS: &[&str] =
        &["added", "asked", "asks", "cried", "replied", "said", "says", "shouted", "told", "wrote"];
    let mut words = following.split_whitespace().map(|w| w.trim_end_matches([',', '.']));
    match (words.next(), words.next()) {
        (Some(first), Some(second)) => {
            first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().all(char::is_alphabetic)
                && VERBS.contains(&second)
        }
        _ => false,
    }
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
