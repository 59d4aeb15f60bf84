//! Article metadata: YAML front matter, the ` date YYYY-MM-DD <headline>` header
//! line, and dates found in URLs.

/// Title, date, address and description found in front matter.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct FrontMatter {
    pub(super) title: Option<String>,
    pub(super) date: Option<String>,
    /// The first `source:`, `url:`, `link:` or `canonical_url:` value.
    pub(super) url: Option<String>,
    /// The `description:` (or `summary:`) value: a page's standfirst.
    pub(super) description: Option<String>,
}

/// Reads the `key: value` lines between the front matter fences.
///
/// Only flat scalar keys matter here; nested YAML is not interpreted.
pub(super) fn parse_front_matter<'a>(lines: impl Iterator<Item = &'a str>) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut source_date = None;
    for line in lines {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" if fm.title.is_none() => fm.title = clean_title(&value),
            "date" | "published" if fm.date.is_none() => fm.date = iso_date_prefix(&value),
            "source" | "url" | "link" | "canonical_url" => {
                // The first address with a date dates the article; the first
                // address at all is its url.
                if source_date.is_none() {
                    source_date = date_from_url(&value);
                }
                if fm.url.is_none() && !value.is_empty() {
                    fm.url = Some(value);
                }
            }
            "description" | "summary" if fm.description.is_none() => {
                fm.description = (!value.is_empty()).then_some(value)
            }
            _ => {}
        }
    }
    if fm.date.is_none() {
        fm.date = source_date;
    }
    fm
}

/// Removes one level of matching YAML quotes and their simplest escapes.
fn unquote(value: &str) -> String {
    let bytes = value.as_bytes();
    if bytes.len() >= 2 {
        let (first, last) = (bytes[0], bytes[bytes.len() - 1]);
        // Slice only once both ends are known to be (one-byte) quotes: the
        // last byte may belong to a multi-byte character.
        if first == b'"' && last == b'"' {
            let inner = &value[1..value.len() - 1];
            return inner.replace("\\\"", "\"").replace("\\\\", "\\");
        }
        if first == b'\'' && last == b'\'' {
            let inner = &value[1..value.len() - 1];
            return inner.replace("''", "'");
        }
    }
    value.to_string()
}

/// Drops a site suffix such as `" | Ukraine | The Guardian"`.
fn clean_title(title: &str) -> Option<String> {
    let main = title.split(" | ").next().unwrap_or(title).trim();
    (!main.is_empty()).then(|| main.to_string())
}

/// Splits a header line (`date 2026-02-04 <headline>`, already trimmed) into its
/// date and the headline, which may be empty.
///
/// The line is a header when its date has the `NNNN-NN-NN` shape; the date is
/// `None` when that is no calendar date (`2024-02-30`), and the line is still a
/// header, never body text.
pub(super) fn parse_header(line: &str) -> Option<(Option<String>, &str)> {
    let rest = line.strip_prefix("date")?;
    let rest = rest.strip_prefix(|c: char| c.is_whitespace())?.trim_start();
    let date = rest.get(..10)?;
    let after = &rest[10..];
    if !(after.is_empty() || after.starts_with(|c: char| c.is_whitespace())) {
        return None;
    }
    let shaped = date.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    shaped.then(|| (iso_date_prefix(date), after.trim()))
}

/// Whether a header line's headline reads as a sentence rather than a
/// headline: a standfirst such as `The main sticking point in the negotiations
/// continues to be the long-term fate of territory in eastern Ukraine.` ends
/// with a full stop and is longer than a headline (`max_words`); headlines
/// carry no full stop.
pub(super) fn reads_as_sentence(headline: &str, max_words: usize) -> bool {
    let end = headline.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    end.ends_with(['.', '。'])
        && !end.ends_with("...")
        && headline.split_whitespace().count() > max_words
}

/// The opening words of `sentence` for a heading in its place: the whole
/// sentence when it has at most `max_words` words, else its first `max_words`
/// words (a trailing comma, colon or dash dropped) and `…`.
pub fn opening_words(sentence: &str, max_words: usize) -> String {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= max_words {
        return words.join(" ");
    }
    let cut = words[..max_words].join(" ");
    let cut = cut.trim_end_matches([',', ';', ':', '–', '—', '-']).trim_end();
    format!("{cut}…")
}

/// The `YYYY-MM-DD` at the start of `value` (e.g. of `2026-02-04T10:00Z`), if valid.
pub(super) fn iso_date_prefix(value: &str) -> Option<String> {
    let head = value.get(..10)?;
    let tail = &value[10..];
    if !(tail.is_empty() || tail.starts_with(['T', 't', ' '])) {
        return None;
    }
    let b = head.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = parse_digits(&head[..4])?;
    let month = parse_digits(&head[5..7])?;
    let day = parse_digits(&head[8..10])?;
    format_date(year, month, day)
}

/// Finds a `/2026/feb/04/` or `/2026/02/04/` date in a URL path.
pub(super) fn date_from_url(url: &str) -> Option<String> {
    let segments: Vec<&str> = url.split('/').collect();
    segments.windows(3).find_map(|w| {
        if w[0].len() != 4 {
            return None;
        }
        let year = parse_digits(w[0])?;
        let month = month_number(w[1])?;
        let day = (w[2].len() <= 2).then(|| parse_digits(w[2])).flatten()?;
        format_date(year, month, day)
    })
}

fn month_number(segment: &str) -> Option<u32> {
    if segment.len() <= 2 {
        return parse_digits(segment);
    }
    month_name(segment)
}

/// The month (1–12) an English month name or its abbreviation names
/// (`February`, `feb`, `sept`), case ignored.
pub(super) fn month_name(segment: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = segment.to_ascii_lowercase();
    let index = MONTHS.iter().position(|m| {
        lower == *m
            || (lower.len() == 3 && m.starts_with(&lower))
            || (lower == "sept" && *m == "september")
    })?;
    u32::try_from(index + 1).ok()
}

fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// The ISO form of a calendar date; `None` for a day the calendar does not have
/// (`2024-02-30`, `2023-02-29`), so that no impossible date is printed as a date.
fn format_date(year: u32, month: u32, day: u32) -> Option<String> {
    let valid = (1000..=2999).contains(&year)
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day);
    valid.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// Days in `month` (1–12) of `year` in the Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lines() {
        assert_eq!(
            parse_header("date 2026-02-04 Title here"),
            Some((Some("2026-02-04".into()), "Title here"))
        );
        assert_eq!(
            parse_header("date 2026-02-05  Two spaces"),
            Some((Some("2026-02-05".into()), "Two spaces"))
        );
        assert_eq!(parse_header("date 2026-02-05"), Some((Some("2026-02-05".into()), "")));
        assert_eq!(parse_header("date 2026-13-05 Bad month"), Some((None, "Bad month")));
        assert_eq!(parse_header("date 2026-2-05 x"), None);
        assert_eq!(parse_header("date 2026/02/05 x"), None);
        assert_eq!(parse_header("dated 2026-02-05 x"), None);
        assert_eq!(parse_header("date 2026-02-051"), None);
        assert_eq!(parse_header("date é"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date_prefix("2026-02-04T10:00:00Z").as_deref(), Some("2026-02-04"));
        assert_eq!(iso_date_prefix("unknown"), None);
        assert_eq!(iso_date_prefix("2026/02/04"), None);
        assert_eq!(iso_date_prefix("2026-02-04x"), None);
        assert_eq!(iso_date_prefix("2026-02-29"), None);
        assert_eq!(iso_date_prefix("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(iso_date_prefix("1900-02-29"), None);
        assert_eq!(iso_date_prefix("2026-04-31"), None);
        assert_eq!(
            date_from_url("https://www.theguardian.com/world/2026/feb/04/ukraine-talks").as_deref(),
            Some("2026-02-04")
        );
        assert_eq!(
            date_from_url("https://x.org/news/2026/2/4/story").as_deref(),
            Some("2026-02-04")
        );
        assert_eq!(
            date_from_url("https://x.org/2026/September/30/a").as_deref(),
            Some("2026-09-30")
        );
        assert_eq!(date_from_url("https://x.org/2026/foo/04/a"), None);
        assert_eq!(date_from_url("https://x.org/item/12345"), None);
    }

    /// Issue 12: `2024-02-30` was printed as a date.
    #[test]
    fn impossible_calendar_dates_are_not_dates() {
        for bad in
            ["2024-02-30", "2023-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-01-00"]
        {
            assert_eq!(iso_date_prefix(bad), None, "{bad}");
            assert_eq!(parse_header(&format!("date {bad} Headline")), Some((None, "Headline")));
        }
        for good in ["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30", "2026-01-31"] {
            assert_eq!(iso_date_prefix(good).as_deref(), Some(good));
        }
        assert_eq!(date_from_url("https://x.org/2026/feb/30/a"), None);
        assert_eq!(
            date_from_url("https://x.org/2026/jun/31/a/2026/07/01/b").as_deref(),
            Some("2026-07-01")
        );
        let fm = parse_front_matter(
            ["date: 2026-02-30", "source: https://x.org/2026/02/03/a"].into_iter(),
        );
        assert_eq!(fm.date.as_deref(), Some("2026-02-03"), "falls back to the URL's date");
        let fm = parse_front_matter(
            ["source: https://x.org/story", "link: https://x.org/2026/02/03/a"].into_iter(),
        );
        assert_eq!(fm.date.as_deref(), Some("2026-02-03"), "a later address may carry the date");
        assert_eq!(fm.url.as_deref(), Some("https://x.org/story"));
    }

    #[test]
    fn front_matter_fields() {
        let fm = parse_front_matter(
            [
                "title: 'It''s a title | Site'",
                "date: \"2025-12-31\"",
                "source: https://x.org/2026/01/02/a",
                "tags: [a, b]",
            ]
            .into_iter(),
        );
        assert_eq!(fm.title.as_deref(), Some("It's a title"));
        assert_eq!(fm.date.as_deref(), Some("2025-12-31"));
        assert_eq!(fm.url.as_deref(), Some("https://x.org/2026/01/02/a"));
        let fm = parse_front_matter(
            [
                "date: unknown",
                "source: https://x.org/2026/01/02/a",
                "url: https://x.org/other",
                "description: \"Talks end; no deal\"",
            ]
            .into_iter(),
        );
        let expected = FrontMatter {
            title: None,
            date: Some("2026-01-02".into()),
            url: Some("https://x.org/2026/01/02/a".into()),
            description: Some("Talks end; no deal".into()),
        };
        assert_eq!(fm, expected);
        let fm = parse_front_matter(["title: \"\"", "title: second"].into_iter());
        assert_eq!(fm.title.as_deref(), Some("second"));
    }
}

#[cfg(test)]
mod unquote_tests {
    #[test]
    fn unquote_keeps_multibyte_endings() {
        // Found by the clean.rs property test: a value ending in 'é'.
        assert_eq!(super::unquote("* [](http://x)é"), "* [](http://x)é");
        assert_eq!(super::unquote("\"Kyiv\""), "Kyiv");
    }
}
