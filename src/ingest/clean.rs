//! Turns an article's raw text into metadata, body blocks and set-aside counts.
//!
//! The text is cut into lines (at `\n`, `\r\n` or a lone `\r`), and each line
//! is trimmed of whitespace (including NBSP and zero-width characters). Then:
//!
//! 1. Metadata: YAML front matter between `---` fences at the start, or a
//!    ` date YYYY-MM-DD <headline>` header line as the first line, gives the
//!    title and date. Neither is ever part of the body. A photo caption or a
//!    standfirst (a full sentence: longer than [`HEADING_MAX_WORDS`] words and
//!    ending with a full stop) in the headline's place is no title. Without a
//!    headline a heading that opens the body, as found in step 4, is the title.
//! 2. Lines: blank lines (nothing but whitespace, or no letter or digit at all,
//!    like `---` or `* * *`) separate paragraphs. Every other line is a body
//!    line, unless it repeats an earlier line verbatim or is boilerplate (see
//!    [`super::filter`]); such lines are set aside and also separate paragraphs.
//! 3. Blocks: consecutive body lines are one block each, except in hard-wrapped
//!    text: when every line of such a run is at most [`WRAP_MAX_CHARS`] long, a
//!    line of at least [`WRAP_MIN_CHARS`] that does not end a sentence continues
//!    into the next line, and the two belong to the same block.
//! 4. Headings: in text whose paragraphs are separated by blank lines, a
//!    one-line block of at most [`HEADING_MAX_WORDS`] words that starts a
//!    paragraph, is followed by more text and has no closing punctuation is a
//!    heading. A short question standing alone between much longer paragraphs
//!    is one too. Text without blank lines between its lines (one paragraph per
//!    line, or one sentence per line) has at most one heading, its first block
//!    when that passes the same test and the block after it is longer (the
//!    headline of pasted text), since elsewhere a short line is as likely to be
//!    a sentence. Markdown `#` headings are always headings.
//!
//! With `keep_all`, step 2 keeps every non-empty line and step 4 is skipped.

use std::collections::HashSet;

use super::{Article, Block, BlockKind, Reason, SetAside, filter, meta};

/// Lines of a hard-wrapped paragraph are at most this many characters long.
const WRAP_MAX_CHARS: usize = 100;
/// A wrapped line shorter than this is taken to end its paragraph (or be a heading).
const WRAP_MIN_CHARS: usize = 40;
/// Headings are at most this many words long.
const HEADING_MAX_WORDS: usize = 12;

/// Builds an [`Article`] from raw text: header/front matter metadata, body blocks,
/// and counts of the lines set aside.
///
/// With `keep_all`, title and date are still extracted and front matter or the
/// header line still removed, but every other non-empty line is kept in a
/// [`BlockKind::Paragraph`] block, without filtering.
pub fn article_from_text(
    id: String,
    path: Option<String>,
    text: String,
    keep_all: bool,
) -> Article {
    let lines = split_lines(&text);
    let mut set_aside = SetAside::default();
    let (meta, body_start) = read_metadata(&text, &lines, keep_all, &mut set_aside);
    let meta::FrontMatter { title, date, url, description } = meta;
    let body = &lines[body_start..];
    let kinds = classify(&text, body, description.as_deref(), keep_all, &mut set_aside);
    let blocks = build_blocks(&text, body, &kinds, keep_all, &mut set_aside);
    // Without a headline (none, or a photo caption in its place) a heading that opens the body
    // is the title.
    let title = title.or_else(|| {
        let first = blocks.first().filter(|b| b.kind == BlockKind::Heading)?;
        Some(text[first.start..first.end].to_string())
    });
    Article { id, path, url, text, title, date, author: None, site: None, blocks, set_aside }
}

/// A line's byte range with surrounding whitespace trimmed off.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
}

impl Line {
    fn get(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// Whitespace for trimming: Unicode whitespace (NBSP included), zero-width
/// spaces and the byte order mark.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Cuts `text` into lines at `\n`, `\r\n` or a lone `\r` (old Mac OS files), so
/// that every convention gives the same lines; offsets still index `text`.
fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut push = |from: usize, to: usize| {
        let raw = &text[from..to];
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let start = from + lead;
        lines.push(Line { start, end: start + raw.trim_matches(is_space).len() });
    };
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                push(from, i);
                from = i + 1;
            }
            b'\r' => {
                push(from, i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                from = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    push(from, bytes.len());
    lines
}

/// Reads front matter or the header line; returns what they say and the
/// index of the first body line.
fn read_metadata(
    text: &str,
    lines: &[Line],
    keep_all: bool,
    set_aside: &mut SetAside,
) -> (meta::FrontMatter, usize) {
    let Some(first) = lines.iter().position(|l| l.start < l.end) else {
        return (meta::FrontMatter::default(), 0);
    };
    let first_text = lines[first].get(text);
    if first_text == "---"
        && let Some(close) = front_matter_end(text, &lines[first + 1..])
    {
        let close = first + 1 + close;
        let fm = meta::parse_front_matter(lines[first + 1..close].iter().map(|l| l.get(text)));
        set_aside.add(Reason::FrontMatter);
        return (fm, close + 1);
    }
    if let Some((date, headline)) = meta::parse_header(first_text) {
        let caption = !headline.is_empty() && filter::is_caption(headline);
        // A caption or a standfirst in the headline slot is not a title, even when kept.
        let standfirst = meta::reads_as_sentence(headline, HEADING_MAX_WORDS);
        let title = (!headline.is_empty() && !caption && !standfirst).then(|| headline.to_string());
        set_aside.add(if caption && !keep_all { Reason::Caption } else { Reason::Header });
        return (meta::FrontMatter { title, date, ..Default::default() }, first + 1);
    }
    (meta::FrontMatter::default(), 0)
}

/// Index (within `inner`) of the fence closing front matter, if the lines up to it
/// look like YAML: the first non-blank one is a `key:` line.
fn front_matter_end(text: &str, inner: &[Line]) -> Option<usize> {
    let close = inner.iter().position(|l| matches!(l.get(text), "---" | "..."))?;
    let first = inner[..close].iter().map(|l| l.get(text)).find(|s| !s.is_empty());
    let yaml_like = first.is_none_or(|s| {
        s.split_once(':').is_some_and(|(key, _)| {
            !key.is_empty()
                && key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        })
    });
    yaml_like.then_some(close)
}

/// What a body line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Separates paragraphs.
    Blank,
    /// Set aside (counted); separates paragraphs too.
    Aside,
    /// Body text.
    Text,
    /// A markdown `#` heading.
    MdHeading,
}

/// Classifies each body line. A line repeating the front matter's
/// `description` without closing punctuation is the page's standfirst printed
/// again: a headline-like fragment that would otherwise compete with the
/// story's sentences. A description that is a full sentence is often the
/// story's first paragraph, and stays.
fn classify(
    text: &str,
    body: &[Line],
    description: Option<&str>,
    keep_all: bool,
    set_aside: &mut SetAside,
) -> Vec<Kind> {
    let mut seen = HashSet::new();
    body.iter()
        .map(|line| {
            let s = line.get(text);
            if keep_all {
                return if s.is_empty() { Kind::Blank } else { Kind::Text };
            }
            if !s.chars().any(char::is_alphanumeric) {
                return Kind::Blank;
            }
            let reason = if !seen.insert(s) {
                Some(Reason::Duplicate)
            } else if description == Some(s) && !ends_sentence(s) {
                Some(Reason::Description)
            } else {
                filter::boilerplate(s)
            };
            if let Some(reason) = reason {
                set_aside.add(reason);
                Kind::Aside
            } else if markdown_heading(s).is_some() {
                Kind::MdHeading
            } else {
                Kind::Text
            }
        })
        .collect()
}

/// The text of a markdown ATX heading (`## Title ##` → `Title`), as an offset
/// range within `s`.
fn markdown_heading(s: &str) -> Option<(usize, usize)> {
    let hashes = s.len() - s.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) || !s[hashes..].starts_with(is_space) {
        return None;
    }
    let content = s[hashes..].trim_matches(is_space);
    let start = s.len() - s[hashes..].trim_start_matches(is_space).len();
    let unclosed = content.trim_end_matches('#');
    let content =
        if unclosed.ends_with(is_space) { unclosed.trim_end_matches(is_space) } else { content };
    Some((start, start + content.len()))
}

/// A candidate block: one or more consecutive body lines.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// Index of the first body line.
    first: usize,
    /// Index of the last body line.
    last: usize,
    start: usize,
    end: usize,
    words: usize,
    markdown: bool,
}

fn build_blocks(
    text: &str,
    body: &[Line],
    kinds: &[Kind],
    keep_all: bool,
    set_aside: &mut SetAside,
) -> Vec<Block> {
    let units = units(text, body, kinds);
    let headings = !keep_all && separated_by_blank_lines(kinds);
    // Without blank lines a short line is as likely a sentence as a heading,
    // except the first: a line without closing punctuation over a longer one
    // is the headline of pasted text.
    let headline = !keep_all
        && !headings
        && units.get(1).is_some_and(|next| next.words > units[0].words)
        && is_heading(text, kinds, &units, 0);
    let mut blocks = Vec::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        let heading =
            unit.markdown || headings && is_heading(text, kinds, &units, i) || headline && i == 0;
        if heading {
            set_aside.add(Reason::Heading);
        }
        let kind = if heading { BlockKind::Heading } else { BlockKind::Paragraph };
        blocks.push(Block { start: unit.start, end: unit.end, kind });
    }
    if !keep_all {
        skip_dateline(text, &mut blocks, set_aside);
    }
    blocks
}

/// Splits a wire dateline (`JERUSALEM (AP) _ `) off the first paragraph, if
/// it opens with one, into a [`BlockKind::Dateline`] block of its own, counted
/// as set aside: the paragraph's sentences start after it.
pub(super) fn skip_dateline(text: &str, blocks: &mut Vec<Block>, set_aside: &mut SetAside) {
    let Some(at) = blocks.iter().position(|b| b.kind == BlockKind::Paragraph) else {
        return;
    };
    let first = blocks[at];
    let Some(len) = filter::dateline(&text[first.start..first.end]) else {
        return;
    };
    let dateline = text[first.start..first.start + len].trim_end_matches(is_space);
    let end = first.start + dateline.len();
    blocks[at].start += len;
    blocks.insert(at, Block { start: first.start, end, kind: BlockKind::Dateline });
    set_aside.add(Reason::Dateline);
}

/// Groups the body lines into units (see the module documentation).
fn units(text: &str, body: &[Line], kinds: &[Kind]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = 0;
    while i < body.len() {
        match kinds[i] {
            Kind::Blank | Kind::Aside => i += 1,
            Kind::MdHeading => {
                let line = body[i];
                let s = line.get(text);
                let (from, to) = markdown_heading(s).unwrap_or((0, s.len()));
                units.push(unit(text, i, i, line.start + from, line.start + to, true));
                i += 1;
            }
            Kind::Text => {
                let run_end =
                    (i..body.len()).find(|&j| kinds[j] != Kind::Text).unwrap_or(body.len());
                let run = &body[i..run_end];
                let wrapped = run.iter().all(|l| l.get(text).chars().count() <= WRAP_MAX_CHARS);
                let mut first = 0;
                for k in 0..run.len() {
                    let continues = wrapped
                        && k + 1 < run.len()
                        && continues(run[k].get(text), run[k + 1].get(text));
                    if !continues {
                        units.push(unit(
                            text,
                            i + first,
                            i + k,
                            run[first].start,
                            run[k].end,
                            false,
                        ));
                        first = k + 1;
                    }
                }
                i = run_end;
            }
        }
    }
    units
}

fn unit(text: &str, first: usize, last: usize, start: usize, end: usize, markdown: bool) -> Unit {
    let words = text[start..end].split_whitespace().count();
    Unit { first, last, start, end, words, markdown }
}

/// Whether a hard-wrapped `line` runs on into `next`.
fn continues(line: &str, next: &str) -> bool {
    line.chars().count() >= WRAP_MIN_CHARS && !ends_sentence(line) && !is_list_item(next)
}

/// Whether `line` ends with closing punctuation, before any closing quotes
/// or brackets.
fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？'])
}

fn is_list_item(line: &str) -> bool {
    line.strip_prefix(['*', '-', '+', '•', '–']).is_some_and(|rest| rest.starts_with(' '))
}

/// Whether the body has a blank line between two non-blank lines.
fn separated_by_blank_lines(kinds: &[Kind]) -> bool {
    let first = kinds.iter().position(|&k| k != Kind::Blank);
    let last = kinds.iter().rposition(|&k| k != Kind::Blank);
    match (first, last) {
        (Some(first), Some(last)) => kinds[first..last].contains(&Kind::Blank),
        _ => false,
    }
}

/// Closing punctuation that marks a line as a sentence rather than a heading.
const CLOSING: [char; 20] = [
    '.', '!', '?', ':', ';', ',', '"', '\'', '“', '”', '‘', '’', '«', '»', ')', ']', '…', '。',
    '！', '？',
];

fn is_heading(text: &str, kinds: &[Kind], units: &[Unit], i: usize) -> bool {
    let unit = units[i];
    let Some(next) = units.get(i + 1) else {
        return false;
    };
    let starts_paragraph = unit.first == 0 || kinds[unit.first - 1] != Kind::Text;
    if unit.first != unit.last
        || !starts_paragraph
        || unit.words == 0
        || unit.words > HEADING_MAX_WORDS
    {
        return false;
    }
    let s = &text[unit.start..unit.end];
    let first_letter_lowercase =
        |s: &str| s.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
    // A lowercase start after it means a sentence broken across paragraphs.
    let starts_well = s.chars().next().is_some_and(char::is_alphanumeric)
        && s.chars().any(char::is_alphabetic)
        && !first_letter_lowercase(s)
        && !first_letter_lowercase(&text[next.start..next.end]);
    if !starts_well {
        return false;
    }
    let Some(last) = s.chars().next_back() else {
        return false;
    };
    if !CLOSING.contains(&last) {
        return true;
    }
    // A short question alone between two much longer paragraphs.
    let alone = kinds.get(unit.last + 1).is_some_and(|&k| k != Kind::Text);
    let longer = |other: &Unit| other.words > 2 * unit.words;
    matches!(last, '?' | '？') && alone && i > 0 && longer(&units[i - 1]) && longer(next)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SEEDS: [(&str, &str); 5] = [
        ("000", include_str!("../../seeds/000_2a113f0ff9a183fd.txt")),
        ("001", include_str!("../../seeds/001_93a11c210130a0f6.txt")),
        ("002", include_str!("../../seeds/002_6e57bbe5c9b056c1.txt")),
        ("003", include_str!("../../seeds/003_740e9f47749fc38b.txt")),
        ("004", include_str!("../../seeds/004_7d61056f019242aa.txt")),
    ];

    fn article(text: &str) -> Article {
        article_from_text("t".into(), None, text.to_string(), false)
    }

    fn seed(index: usize, keep_all: bool) -> Article {
        let (id, text) = SEEDS[index];
        article_from_text(id.into(), None, text.to_string(), keep_all)
    }

    fn block_texts(a: &Article, kind: BlockKind) -> Vec<&str> {
        a.blocks.iter().filter(|b| b.kind == kind).map(|b| &a.text[b.start..b.end]).collect()
    }

    fn counts(pairs: &[(Reason, usize)]) -> SetAside {
        SetAside(pairs.iter().copied().collect())
    }

    #[test]
    fn pasted_article_boilerplate_is_set_aside() {
        let text = "Storm batters Springfield coast\nBy Jane Doe\nUpdated 3:45 p.m. ET, Jan. 5, 2024\n\n\
            A powerful storm hit the Springfield coast on Tuesday, cutting power to homes.\n\n\
            Officials said repairs would take several days.\n\n\
            Sign up for our daily newsletter.\n\n\
            Copyright 2024 Springfield Gazette. All rights reserved.\n\u{a9} 2024 Springfield Gazette\n";
        let a = article(text);
        use Reason::*;
        assert_eq!(
            a.set_aside,
            counts(&[(Heading, 1), (Byline, 1), (Timestamp, 1), (Copyright, 2), (Newsletter, 1)])
        );
        assert_eq!(
            block_texts(&a, BlockKind::Paragraph),
            [
                "A powerful storm hit the Springfield coast on Tuesday, cutting power to homes.",
                "Officials said repairs would take several days."
            ]
        );
        assert_eq!(a.title.as_deref(), Some("Storm batters Springfield coast"));
    }

    #[test]
    fn seed_titles_and_dates() {
        let expected = [
            (
                Some("Ukraine and Russia Engage in New Round of Peace Talks in Abu Dhabi"),
                "2026-02-04",
            ),
            (
                Some("Ukraine, Russia wrap 'productive' first day of U.S.-backed peace talks"),
                "2026-02-05",
            ),
            // A standfirst, not a headline.
            (None, "2026-02-04"),
            (
                Some(
                    "Ukraine and Russia hold ‘productive’ first day of US-led peace talks in Abu Dhabi",
                ),
                "2026-02-04",
            ),
            (None, "2026-02-05"),
        ];
        for (i, (title, date)) in expected.into_iter().enumerate() {
            for keep_all in [false, true] {
                let a = seed(i, keep_all);
                assert_eq!(a.title.as_deref(), title, "seed {i}");
                assert_eq!(a.date.as_deref(), Some(date), "seed {i}");
            }
        }
    }

    #[test]
    fn seed_set_aside_counts() {
        use Reason::*;
        let expected = [
            (counts(&[(Header, 1), (Heading, 4), (Dateline, 1)]), 18),
            (
                counts(&[(Header, 1), (Heading, 2), (Caption, 5), (Published, 1), (Duplicate, 1)]),
                27,
            ),
            (counts(&[(Header, 1), (Heading, 1)]), 23),
            (
                counts(&[
                    (FrontMatter, 1),
                    (Navigation, 1),
                    (Caption, 1),
                    (Duplicate, 1),
                    (Teaser, 2),
                    (Link, 8),
                    (Description, 1),
                ]),
                21,
            ),
            (counts(&[(Caption, 1)]), 17),
        ];
        for (i, (set_aside, blocks)) in expected.into_iter().enumerate() {
            let a = seed(i, false);
            assert_eq!(a.set_aside, set_aside, "seed {i}");
            assert_eq!(a.blocks.len(), blocks, "seed {i}");
        }
    }

    #[test]
    fn seed_keep_all_only_removes_metadata() {
        use Reason::*;
        // Every non-blank line but the header or front matter is a block.
        let expected = [(Header, 17), (Header, 34), (Header, 23), (FrontMatter, 35), (Header, 17)];
        for (i, (reason, blocks)) in expected.into_iter().enumerate() {
            let a = seed(i, true);
            assert_eq!(a.set_aside, counts(&[(reason, 1)]), "seed {i}");
            assert_eq!(a.blocks.len(), blocks, "seed {i}");
            assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
        }
    }

    #[test]
    fn seed_blocks_are_clean_trimmed_slices() {
        for i in 0..SEEDS.len() {
            let a = seed(i, false);
            for b in &a.blocks {
                let t = &a.text[b.start..b.end];
                assert!(!t.is_empty());
                assert_eq!(t, t.trim(), "seed {i}");
                for junk in [
                    "[REUTERS/YONHAP]",
                    "Photograph:",
                    "Skip to",
                    "Read more",
                    "Published:",
                    "](http",
                ] {
                    assert!(!t.contains(junk), "seed {i}: {t}");
                }
            }
        }
    }

    #[test]
    fn seed_headings() {
        let headings = |i| block_texts(&seed(i, false), BlockKind::Heading).join(" / ");
        assert_eq!(
            headings(0),
            "Overview of the Peace Talks / Background of the Conflict / Key Issues on the Table / \
             Public Sentiment in Ukraine"
        );
        assert_eq!(
            headings(1),
            "Major differences remain on key points / Ukrainians oppose painful concessions"
        );
        assert_eq!(headings(2), "What are the sticking points?");
        assert_eq!(headings(3), "");
        assert_eq!(headings(4), "");
    }

    #[test]
    fn seed_first_and_last_paragraphs() {
        let expected = [
            (
                "Ukrainian and Russian negotiators began",
                "(Reporting by Olena Harmash; Editing by Sharon Singleton)",
            ),
            ("Ukrainian and Russian officials wrapped", "struggling to fund its vast war economy."),
            (
                "Ukrainian and Russian negotiators are set",
                "We must prepare for the worst and hope for the best.”",
            ),
            (
                "Ukrainian and Russian negotiators have held",
                "which the west says help finance Putin’s war.",
            ),
            ("Ukraine and Russia started a second day", "against Ukrainian logistics. – Reuters"),
        ];
        for (i, (first, last)) in expected.into_iter().enumerate() {
            let a = seed(i, false);
            let p = block_texts(&a, BlockKind::Paragraph);
            assert!(p[0].starts_with(first), "seed {i}: {}", p[0]);
            assert!(p[p.len() - 1].ends_with(last), "seed {i}: {}", p[p.len() - 1]);
        }
    }

    /// Issue 12: a file with old Mac OS line endings (lone `\r`) was one line, so the
    /// whole article became its title and the body was empty.
    #[test]
    fn seeds_read_alike_with_any_line_ending() {
        for (i, (id, lf)) in SEEDS.iter().enumerate() {
            for keep_all in [false, true] {
                let expected = seed(i, keep_all);
                // Same length, so the very same byte ranges.
                let cr = lf.replace('\n', "\r");
                let a = article_from_text(id.to_string(), None, cr.clone(), keep_all);
                assert_eq!(a.text, cr, "the text is kept as read");
                assert_eq!(
                    (&a.title, &a.date, &a.set_aside, &a.blocks),
                    (&expected.title, &expected.date, &expected.set_aside, &expected.blocks),
                    "seed {id} with \\r"
                );
                let crlf = lf.replace('\n', "\r\n");
                let a = article_from_text(id.to_string(), None, crlf, keep_all);
                assert_eq!(
                    (&a.title, &a.date, &a.set_aside),
                    (&expected.title, &expected.date, &expected.set_aside),
                    "seed {id} with \\r\\n"
                );
                let texts = |a: &Article| {
                    a.blocks
                        .iter()
                        .map(|b| (b.kind, a.text[b.start..b.end].replace("\r\n", "\n")))
                        .collect::<Vec<_>>()
                };
                assert_eq!(texts(&a), texts(&expected), "seed {id} with \\r\\n");
            }
        }
    }

    #[test]
    fn lone_carriage_returns_and_mixed_endings_split_lines() {
        let a = article(" date 2026-02-04 Headline\r\rFirst paragraph.\r\nSecond.\n\rThird.\r");
        assert_eq!((a.title.as_deref(), a.date.as_deref()), (Some("Headline"), Some("2026-02-04")));
        assert_eq!(
            block_texts(&a, BlockKind::Paragraph),
            ["First paragraph.", "Second.", "Third."]
        );
        assert_eq!(a.blocks[0].start, " date 2026-02-04 Headline\r\r".len());
        // `\r\n` is one line break, `\n\r` two: a blank line between.
        let a = article(
            "It began.\n\rShort line\n\rA much longer line that is a full sentence of the text.\n\rEnd.",
        );
        assert_eq!(block_texts(&a, BlockKind::Heading), ["Short line"]);
        let a = article(
            "It began.\r\nShort line\r\nA much longer line that is a full sentence of the text.\r\nEnd.",
        );
        assert!(block_texts(&a, BlockKind::Heading).is_empty());
    }

    #[test]
    fn blank_lines_with_nbsp_separate_paragraphs() {
        let a = article("First paragraph here.\n\u{a0}\nSecond one.\n \u{a0}\t\nThird.");
        assert_eq!(
            block_texts(&a, BlockKind::Paragraph),
            ["First paragraph here.", "Second one.", "Third."]
        );
    }

    #[test]
    fn duplicates_ignore_surrounding_whitespace() {
        let a = article("Same line.\n\n\u{a0}Same line. \n\nOther line.");
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["Same line.", "Other line."]);
        assert_eq!(a.set_aside, counts(&[(Reason::Duplicate, 1)]));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "NATIONAL FORECAST\n\n\
            The Federal Aviation Administration said on Thursday that it would\n\
            consider whether airliners can get too old to fly, which would be a\n\
            change for the agency.\n\
            Officials declined to comment.\n\n\
            A second paragraph that is wrapped at a fairly narrow width for\n\
            the test.";
        let a = article(text);
        let p = block_texts(&a, BlockKind::Paragraph);
        assert_eq!(p.len(), 3);
        assert!(p[0].starts_with("The Federal") && p[0].ends_with("change for the agency."));
        assert_eq!(p[1], "Officials declined to comment.");
        assert!(p[2].starts_with("A second") && p[2].ends_with("the test."));
        assert_eq!(block_texts(&a, BlockKind::Heading), ["NATIONAL FORECAST"]);
    }

    #[test]
    fn long_lines_are_never_joined() {
        let long = "word ".repeat(30);
        let text = format!("{long}and so\nthe end.");
        assert_eq!(article(&text).blocks.len(), 2);
        let text = "Standing line without a final stop, then\nanother line.";
        assert_eq!(article(text).blocks.len(), 1);
    }

    /// Issue 13: the headline of text pasted without blank lines is set aside
    /// and becomes the title, after or before its byline.
    #[test]
    fn a_pasted_headline_without_blank_lines_is_the_title() {
        let body = "A powerful storm hit the Springfield coast on Tuesday, cutting power.\n\
                    Officials said repairs would take several days.";
        for text in [
            format!("Storm batters Springfield coast\n{body}"),
            format!("Storm batters Springfield coast\nBy Jane Doe\n{body}"),
            format!("By Jane Doe\nStorm batters Springfield coast\n{body}"),
        ] {
            let a = article(&text);
            assert_eq!(a.title.as_deref(), Some("Storm batters Springfield coast"), "{text}");
            assert_eq!(a.set_aside.0.get(&Reason::Heading), Some(&1), "{text}");
            assert_eq!(block_texts(&a, BlockKind::Paragraph).len(), 2, "{text}");
        }
        // A first line with a full stop, or no longer than what follows, is text.
        for text in [
            format!("Storm batters Springfield coast.\n{body}"),
            "Storm batters Springfield coast\nIt did.".to_string(),
        ] {
            let a = article(&text);
            assert_eq!(a.title, None, "{text}");
            assert!(block_texts(&a, BlockKind::Heading).is_empty(), "{text}");
        }
        // Kept whole with keep_all: no heading is set aside.
        let kept = article_from_text("t".into(), None, format!("Storm hits\n{body}"), true);
        assert_eq!((kept.title, kept.blocks.len()), (None, 3));
    }

    /// Issue 13: a header line holding a standfirst (a long full sentence) or a
    /// photo caption gives no title; a headline does, even with a question mark.
    #[test]
    fn a_standfirst_in_the_header_is_no_title() {
        let body = "\n\nTalks resumed in Abu Dhabi on Thursday after a first day.";
        let title = |header: &str| article(&format!(" date 2026-02-04 {header}{body}")).title;
        assert_eq!(
            title(
                "The main sticking point in the negotiations continues to be the long-term fate of territory."
            ),
            None
        );
        assert_eq!(
            title("Will the talks in Abu Dhabi end the war?").as_deref(),
            Some("Will the talks in Abu Dhabi end the war?")
        );
        assert_eq!(
            title("Talks resume in Abu Dhabi.").as_deref(),
            Some("Talks resume in Abu Dhabi.")
        );
        assert_eq!(
            title("Talks resume in Abu Dhabi").as_deref(),
            Some("Talks resume in Abu Dhabi")
        );
        let caption =
            "A worker repairs a substation in Kyiv. Photograph: Paula Bronstein/Getty Images";
        assert_eq!(title(caption), None);
    }

    #[test]
    fn opening_words_cut_at_a_word_boundary() {
        let lead = "Ukraine and Russia started a second day of US-brokered talks in Abu Dhabi on Thursday.";
        assert_eq!(meta::opening_words(lead, 8), "Ukraine and Russia started a second day of…");
        assert_eq!(meta::opening_words("Talks resumed, officials said.", 2), "Talks resumed…");
        assert_eq!(meta::opening_words("Talks  resumed.", 8), "Talks resumed.");
    }

    #[test]
    fn headings_need_blank_line_structure() {
        let lines = "A first line that is a full sentence of the text.\nShort line\n\
                     A much longer line that is a full sentence of the text.\nAnother one.";
        assert!(block_texts(&article(lines), BlockKind::Heading).is_empty());
        let paragraphs =
            "Short line\n\nA much longer line that is a full sentence of the text.\n\nAnother one.";
        assert_eq!(block_texts(&article(paragraphs), BlockKind::Heading), ["Short line"]);
    }

    #[test]
    fn heading_rules() {
        let body = "This paragraph is long enough to make a short question stand out as a heading.";
        let next = "And this one, which follows it, is about as long as the paragraph before it.";
        let headings = |text: String| {
            let a = article(&text);
            block_texts(&a, BlockKind::Heading).iter().map(|s| s.to_string()).collect::<Vec<_>>()
        };
        // One-sentence paragraphs and sentences broken across paragraphs are not headings.
        assert!(headings(format!("{body}\n\nIt ended.\n\n{next}")).is_empty());
        assert!(
            headings(format!(
                "{body}\n\nThe government had claimed tobacco firms\n\nmanipulated prices."
            ))
            .is_empty()
        );
        assert!(headings(format!("{body}\n\n“Quoted words”\n\n{next}")).is_empty());
        assert!(headings(format!("{body}\n\n8,661\n\n{next}")).is_empty());
        // Nothing follows: not a heading.
        assert!(headings(format!("{body}\n\nThe end of it all")).is_empty());
        // A question is a heading only between longer paragraphs.
        assert_eq!(headings(format!("{body}\n\nWhat now?\n\n{next}")), ["What now?"]);
        assert!(headings(format!("{body}\n\nWhat now?\n\nShort.")).is_empty());
        // Headings may follow each other (a headline, then a standfirst).
        assert_eq!(
            headings(format!("Navy sailors captured\n\nIran holds fifteen Britons\n\n{body}")),
            ["Navy sailors captured", "Iran holds fifteen Britons"]
        );
        // A date line between them is a timestamp, set aside.
        let dated = article(&format!("Navy sailors captured\n\nFriday, March 23, 2007\n\n{body}"));
        assert_eq!(block_texts(&dated, BlockKind::Heading), ["Navy sailors captured"]);
        assert_eq!(dated.set_aside.0.get(&Reason::Timestamp), Some(&1));
        // Markdown headings, whatever the structure.
        assert_eq!(headings(format!("## The Talks ##\n{body}\n# C#")), ["The Talks", "C#"]);
    }

    #[test]
    fn front_matter_and_bom() {
        let text =
            "\u{feff}---\ntitle: \"A | Site\"\ndate: 2026-01-02T08:00:00Z\n---\n\nBody text.";
        let a = article(text);
        assert_eq!(a.title.as_deref(), Some("A"));
        assert_eq!(a.date.as_deref(), Some("2026-01-02"));
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["Body text."]);
        assert_eq!(a.set_aside, counts(&[(Reason::FrontMatter, 1)]));

        let a = article("\u{feff}First line.\r\nSecond line.\r\n");
        assert_eq!(a.blocks[0].start, 3);
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["First line.", "Second line."]);

        let a = article("\u{feff} date 2026-02-04 Headline\n\nBody.");
        assert_eq!((a.title.as_deref(), a.date.as_deref()), (Some("Headline"), Some("2026-02-04")));
    }

    #[test]
    fn a_wire_dateline_is_a_block_of_its_own() {
        let a = article("JERUSALEM (AP) _ A car bomb exploded on Friday.\n\nTwo people died.");
        assert_eq!(block_texts(&a, BlockKind::Dateline), ["JERUSALEM (AP) _"]);
        assert_eq!(
            block_texts(&a, BlockKind::Paragraph),
            ["A car bomb exploded on Friday.", "Two people died."]
        );
        assert_eq!(a.set_aside.0.get(&Reason::Dateline), Some(&1));
        // Only the first paragraph opens with a dateline; kept whole with keep_all.
        let a = article("Two people died.\n\nJERUSALEM (AP) _ A car bomb exploded on Friday.");
        assert!(block_texts(&a, BlockKind::Dateline).is_empty());
        let kept = article_from_text("x".into(), None, "WASHINGTON _ He spoke.".into(), true);
        assert!(block_texts(&kept, BlockKind::Dateline).is_empty());
    }

    #[test]
    fn front_matter_source_and_a_repeated_description() {
        // As seed 003: the standfirst from `description:` is printed again in the body.
        let standfirst = "Major obstacles to viable deal remain after Zelenskyy accuses Moscow";
        let text = format!(
            "---\nsource: https://x.org/2026/feb/04/talks\ndescription: \"{standfirst}\"\n---\n\
             {standfirst}\nNegotiators held a first round of talks in Abu Dhabi on Wednesday.\n"
        );
        let a = article(&text);
        assert_eq!(a.url.as_deref(), Some("https://x.org/2026/feb/04/talks"));
        assert_eq!(a.date.as_deref(), Some("2026-02-04"));
        assert_eq!(
            block_texts(&a, BlockKind::Paragraph),
            ["Negotiators held a first round of talks in Abu Dhabi on Wednesday."]
        );
        assert_eq!(a.set_aside.0.get(&Reason::Description), Some(&1));
        // A description that is the story's first sentence stays a candidate.
        let lead = "Negotiators held a first round of talks in Abu Dhabi on Wednesday.";
        let a =
            article(&format!("---\ndescription: {lead}\n---\n{lead}\nThey meet again today.\n"));
        assert_eq!(block_texts(&a, BlockKind::Paragraph), [lead, "They meet again today."]);
        assert_eq!(a.set_aside.0.get(&Reason::Description), None);
    }

    /// Issue 10: a photo caption in the header line gives way to the heading opening the body.
    #[test]
    fn title_from_the_first_heading_after_a_caption_header() {
        let caption = " date 2026-02-05 A worker repairs an energy substation in Kyiv. Photograph: \
                       Paula Bronstein/Getty Images\n\n";
        let body = "Ukraine and Russia resume talks in Abu Dhabi\n\nUkraine and Russia started a \
                    second day of talks on Thursday.\n\nBoth sides called them productive.";
        let a = article(&format!("{caption}{body}"));
        assert_eq!(a.title.as_deref(), Some("Ukraine and Russia resume talks in Abu Dhabi"));
        assert_eq!(a.date.as_deref(), Some("2026-02-05"));
        let a = article(&format!("{caption}# Talks resume\n\nBoth sides met."));
        assert_eq!(a.title.as_deref(), Some("Talks resume"));
        // A heading after the first paragraph is a section heading, not the title.
        let later =
            "The talks resumed on Thursday.\n\nKey Issues on the Table\n\nLand and security.";
        assert_eq!(article(&format!("{caption}{later}")).title, None);
    }

    /// Issue 12: an impossible date is no date, and its header line is still no body text.
    #[test]
    fn impossible_dates_are_null() {
        let a = article(" date 2024-02-30 Headline\n\nBody text.");
        assert_eq!((a.title.as_deref(), a.date.as_deref()), (Some("Headline"), None));
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["Body text."]);
        assert_eq!(a.set_aside, counts(&[(Reason::Header, 1)]));
        let a = article("---\ntitle: T\ndate: 2023-02-29T10:00:00Z\n---\nBody text.");
        assert_eq!((a.title.as_deref(), a.date.as_deref()), (Some("T"), None));
        let a = article(" date 2024-02-29 Leap day\n\nBody text.");
        assert_eq!(a.date.as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn unclosed_or_non_yaml_fences_are_text() {
        let a = article("---\nNot front matter.");
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["Not front matter."]);
        assert!(a.set_aside.0.is_empty());
        let a = article("---\nA plain sentence here.\n---\nMore.");
        assert_eq!(block_texts(&a, BlockKind::Paragraph), ["A plain sentence here.", "More."]);
    }

    #[test]
    fn empty_and_metadata_only_texts() {
        assert!(article("").blocks.is_empty());
        assert!(article(" \n\u{a0}\n").blocks.is_empty());
        let a = article(" date 2026-02-04 ");
        assert_eq!((a.title, a.date.as_deref(), a.blocks.len()), (None, Some("2026-02-04"), 0));
    }

    fn check_blocks(text: &str, keep_all: bool) -> Result<(), TestCaseError> {
        let a = article_from_text("p".into(), None, text.to_string(), keep_all);
        let mut previous_end = 0;
        for b in &a.blocks {
            prop_assert!(previous_end <= b.start && b.start < b.end && b.end <= a.text.len());
            prop_assert!(a.text.is_char_boundary(b.start) && a.text.is_char_boundary(b.end));
            let t = &a.text[b.start..b.end];
            prop_assert_eq!(t, t.trim_matches(is_space));
            previous_end = b.end;
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn blocks_are_ordered_slices(text in any::<String>(), keep_all in any::<bool>()) {
            check_blocks(&text, keep_all)?;
        }

        #[test]
        fn blocks_are_ordered_slices_of_news_like_text(
            text in "( date 2026-02-04 |---\n|---\r|title: x\r\n|\n|\r|\r\n|\n\n|\u{a0}|\u{feff}|Photograph: A/B|\
                     \\[AP\\]|Read more|\\* \\[\\]\\(http://x\\)|# |What\\?|[a-zé ]{1,60}|\\.|,){0,40}",
            keep_all in any::<bool>(),
        ) {
            check_blocks(&text, keep_all)?;
        }
    }
}
