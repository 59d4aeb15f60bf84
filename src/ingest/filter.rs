//! Recognizes boilerplate lines that scraped news pages carry around the story:
//! photo captions, site navigation, teasers, datelines, link lists, bylines,
//! timestamps, copyright notices and newsletter prompts.
//!
//! Each test looks at one trimmed line on its own. The patterns are anchored to
//! the start or end of the line and most are limited to short lines, so that a
//! story sentence that merely mentions, say, cookies or Reuters is kept.

use super::Reason;

/// Why `line` (trimmed, non-empty) is boilerplate, if it is.
pub(super) fn boilerplate(line: &str) -> Option<Reason> {
    // Most tests apply to short lines only: the words are counted once, and
    // only up to the longest such limit, so a long story paragraph costs a
    // few dozen words rather than a pass per test.
    let words = line.split_whitespace().take(SHORT_LINE_WORDS + 1).count();
    if is_newsletter(line, words) {
        Some(Reason::Newsletter)
    } else if is_copyright(line, words) {
        Some(Reason::Copyright)
    } else if is_byline(line) {
        Some(Reason::Byline)
    } else if is_timestamp(line, words) {
        Some(Reason::Timestamp)
    } else if is_navigation(line, words) {
        Some(Reason::Navigation)
    } else if is_published(line, words) {
        Some(Reason::Published)
    } else if is_caption(line) {
        Some(Reason::Caption)
    } else if is_teaser(line, words) {
        Some(Reason::Teaser)
    } else if is_link_line(line) {
        Some(Reason::Link)
    } else if is_wire_code(line, words) {
        Some(Reason::WireCode)
    } else {
        None
    }
}

/// Lines longer than this many words are never navigation, teasers or datelines.
const SHORT_LINE_WORDS: usize = 40;

/// Whether `s` has at most `n` words, reading no further than word `n + 1`.
fn at_most_words(s: &str, n: usize) -> bool {
    s.split_whitespace().nth(n).is_none()
}

/// `s` starts with `prefix`, ignoring ASCII case.
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn is_navigation(line: &str, words: usize) -> bool {
    const PREFIXES: [&str; 27] = [
        "skip to ",
        "share on ",
        "share this",
        "share via ",
        "share with ",
        "follow us ",
        "subscribe to ",
        "subscribe now",
        "click here",
        "we use cookies",
        "this site uses cookies",
        "this website uses cookies",
        "by continuing to use ",
        "accept cookies",
        "accept all cookies",
        "manage cookies",
        "cookie policy",
        "cookie settings",
        "cookies policy",
        "jump to ",
        "back to top",
        "more on this story",
        "most read",
        "most viewed",
        "download the app",
        "enable javascript",
        "listen to this article",
    ];
    const WHOLE: [&str; 12] = [
        "advertisement",
        "advertising",
        "share",
        "menu",
        "search",
        "print",
        "email",
        "comments",
        "sign in",
        "log in",
        "subscribe",
        "sponsored",
    ];
    if starts_with_ci(line, "skip to ") {
        return true;
    }
    let bare = line.trim_end_matches(|c: char| !c.is_alphanumeric());
    words <= SHORT_LINE_WORDS
        && (PREFIXES.iter().any(|p| starts_with_ci(line, p))
            || WHOLE.iter().any(|w| bare.eq_ignore_ascii_case(w)))
}

/// `Sign up for our newsletter`, `Get our daily newsletter in your inbox`: a
/// short line that opens with a sign-up verb, or invites to a newsletter.
fn is_newsletter(line: &str, words: usize) -> bool {
    const VERBS: [&str; 6] = ["get ", "receive ", "join ", "subscribe ", "sign up ", "want "];
    words <= 25
        && (starts_with_ci(line, "sign up")
            || starts_with_ci(line, "newsletter sign")
            || VERBS.iter().any(|v| starts_with_ci(line, v))
                && line.to_lowercase().contains("newsletter"))
}

/// `Copyright 2024 Springfield Gazette.`, `© 2024 ...`, `(c) 2024 ...`, or a
/// line that ends in `All rights reserved.`
fn is_copyright(line: &str, words: usize) -> bool {
    let bare = line.trim_end_matches(['.', ' ']);
    let reserved = bare
        .len()
        .checked_sub("all rights reserved".len())
        .and_then(|at| bare.get(at..))
        .is_some_and(|end| end.eq_ignore_ascii_case("all rights reserved"));
    // "Copyright law ..." is a sentence; a notice carries a year or the sign.
    let notice = ["copyright ", "(c) "].iter().any(|lead| {
        starts_with_ci(line, lead)
            && has_year_prefix(line[lead.len()..].trim_start_matches(['©', ' ']))
    });
    words <= 20 && (reserved || notice || line.starts_with('©'))
}

/// `s` opens with a year (`2024`, `1998-2024`).
fn has_year_prefix(s: &str) -> bool {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits == 4 && (s.starts_with("19") || s.starts_with("20"))
}

/// The byte length of a news wire's dateline opening `paragraph`, up to the
/// story's first word: `JERUSALEM (AP) _ `, `THE HAGUE, Netherlands (AP) _ `,
/// `KYIV, Feb 4 (Reuters) - `, `WASHINGTON _ `, `BEIJING, Oct. 12 (Xinhua) -- `.
///
/// A dateline is a place in capitals, then optionally comma-separated
/// region or date parts and an agency in brackets, then a dash between spaces,
/// then the story, opening with a capital or a quotation mark. A bare place
/// needs the wire's `_`, `--` or `—`: after `NATO - ` a sentence may go on.
/// Left in, a dateline spends summary words on what no reader needs twice.
pub(super) fn dateline(paragraph: &str) -> Option<usize> {
    const MAX_WORDS: usize = 10;
    let limit = paragraph
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .nth(MAX_WORDS)
        .map_or(paragraph.len(), |(i, _)| i);
    let head = &paragraph[..limit];
    // The first dash between spaces (`--` tried before `-`).
    let (at, sep) = head.match_indices(' ').find_map(|(at, _)| {
        let after = &head[at + 1..];
        ["_", "--", "-", "—", "–"]
            .into_iter()
            .find(|sep| after.strip_prefix(sep).is_some_and(|rest| rest.starts_with(' ')))
            .map(|sep| (at, sep))
    })?;
    let rest = paragraph[at + sep.len() + 2..].trim_start();
    if !rest.starts_with(|c: char| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '\'')) {
        return None;
    }
    let prefix = &paragraph[..at];
    let (place_and_parts, agency) = match prefix.strip_suffix(')').and_then(|p| p.rsplit_once(" ("))
    {
        Some((before, agency)) => (before, Some(agency)),
        None => (prefix, None),
    };
    let capitalised_words = |s: &str, max: usize| {
        at_most_words(s, max)
            && s.split_whitespace().all(|w| {
                w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'))
            })
    };
    if agency.is_some_and(|a| a.is_empty() || !capitalised_words(a, 3)) {
        return None;
    }
    let mut parts = place_and_parts.split(", ");
    let place = parts.next()?;
    let place_ok = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !place.chars().any(char::is_lowercase)
        && capitalised_words(place, 4);
    let mut has_parts = false;
    for part in parts {
        if part.is_empty() || !capitalised_words(part, 4) {
            return None;
        }
        has_parts = true;
    }
    let wire_separator = matches!(sep, "_" | "--" | "—");
    (place_ok && (agency.is_some() || has_parts || wire_separator))
        .then(|| paragraph.len() - rest.len())
}

/// A wire service's code line rather than story text: at most three words
/// of editors' initials (`(scl)`, `(ht-sf-ek)`, the end mark `nn`: lower-case
/// letters in brackets or without vowels), `MORE` / `(MORE)` (more
/// copy follows), or a slug of agency, date and time (`NYT-10-18-98
/// 1807EDT`). Left in, such a line is a one-word "sentence" that fills the
/// last words of a summary's budget.
fn is_wire_code(line: &str, words: usize) -> bool {
    if words > 3 {
        return false;
    }
    // Editors' initials are lower-case ASCII letters in brackets (`(scl)`,
    // `(vs/krt)`) or without vowels (`nn`): a stray lower-case line such as
    // `joie de vivre`, a line break's fragment of a sentence, is no code.
    let code_word = |w: &str| {
        let bracketed = w.len() > 2 && w.starts_with('(') && w.ends_with(')');
        let inner = if bracketed { &w[1..w.len() - 1] } else { w };
        inner.bytes().any(|b| b.is_ascii_lowercase())
            && inner.bytes().all(|b| b.is_ascii_lowercase() || matches!(b, b'/' | b'-'))
            && (bracketed || !inner.bytes().any(|b| b"aeiouy".contains(&b)))
    };
    let initials = line.split_whitespace().all(code_word);
    let more = line.trim_matches(['(', ')']) == "MORE";
    initials || more || is_slug(line)
}

/// `NYT-10-18-98 1807EDT`: capitals, then a dash-separated date, then
/// optionally a four-digit time and a time zone.
fn is_slug(line: &str) -> bool {
    let mut parts = line.split_whitespace();
    let Some((agency, date)) = parts.next().and_then(|p| p.split_once('-')) else {
        return false;
    };
    let date_ok = date.split('-').count() == 3
        && date
            .split('-')
            .all(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let time_ok = parts.next().is_none_or(|t| {
        t.len() > 4
            && t.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && t[4..].bytes().all(|b| b.is_ascii_uppercase())
    }) && parts.next().is_none();
    (2..=5).contains(&agency.len())
        && agency.bytes().all(|b| b.is_ascii_uppercase())
        && date_ok
        && time_ok
}

/// `By Jane Doe`, `By Jane Doe and John Smith, BBC News`: `By` and then names
/// only, so that `By Monday, prices had risen.` is kept.
fn is_byline(line: &str) -> bool {
    const JOINERS: [&str; 6] = ["and", "&", "in", "for", "of", "de"];
    let Some(rest) = line.strip_prefix("By ").or_else(|| line.strip_prefix("BY ")) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=10).contains(&words.len())
        && !line.ends_with(['!', '?', ':'])
        && (!line.ends_with('.') || ends_with_initial(line))
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | '(' | ')' | '|'));
            w.is_empty() || w.starts_with(char::is_uppercase) || JOINERS.contains(&w)
        })
}

/// `By John Q.`: the closing period belongs to an initial.
fn ends_with_initial(line: &str) -> bool {
    line.strip_suffix('.')
        .and_then(|s| s.rsplit(' ').next())
        .is_some_and(|w| w.chars().count() == 1 && w.starts_with(char::is_uppercase))
}

/// `Updated 3:45 p.m. ET, Jan. 5, 2024` or a line of nothing but date and time
/// words (`Mon 5 Feb 2024 10.30 GMT`).
fn is_timestamp(line: &str, words: usize) -> bool {
    const LEADS: [&str; 2] = ["updated ", "posted "];
    // Month names come from `meta::month_name`, the date parser's own list.
    const DAY_AND_TIME_WORDS: [&str; 24] = [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "am",
        "pm",
        "a.m",
        "p.m",
        "et",
        "gmt",
        "utc",
        "bst",
        "est",
        "edt",
    ];
    let date_word = |lower: &str| {
        DAY_AND_TIME_WORDS.contains(&lower) || super::meta::month_name(lower).is_some()
    };
    const ZONES: [&str; 6] = ["pt", "pst", "pdt", "cet", "cest", "ct"];
    if words > 15 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let body = LEADS
        .iter()
        .find(|lead| starts_with_ci(line, lead))
        .map_or(line, |lead| &line[lead.len()..]);
    let mut clock = false;
    let all_time_words = body.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| matches!(c, ',' | '.' | '|' | '-' | '–' | '(' | ')'));
        if w.is_empty() || w.eq_ignore_ascii_case("at") || w.eq_ignore_ascii_case("on") {
            return true;
        }
        if w.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '/')) {
            clock |= w.contains(':') || w.contains('.');
            return true;
        }
        let lower = w.to_ascii_lowercase();
        date_word(&lower) || ZONES.contains(&lower.as_str())
    });
    // A line of bare numbers ("2 3 4") is not a timestamp: it needs a time or a
    // date word, and a lead word needs a digit right after it.
    let named = body.split_whitespace().any(|w| {
        let lower = w.trim_matches([',', '.']).to_ascii_lowercase();
        date_word(&lower)
    });
    all_time_words && (clock || named) && body.starts_with(|c: char| c.is_alphanumeric())
}

fn is_published(line: &str, words: usize) -> bool {
    const PREFIXES: [&str; 12] = [
        "published:",
        "published on ",
        "published at ",
        "updated:",
        "updated on ",
        "updated at ",
        "last updated",
        "last modified",
        "first published",
        "posted:",
        "posted on ",
        "posted at ",
    ];
    // A bare "Published " needs a date right after it ("Published 5 Feb 2026").
    let bare_published = starts_with_ci(line, "published ")
        && line["published ".len()..].starts_with(|c: char| c.is_ascii_digit());
    words <= 15
        && line.bytes().any(|b| b.is_ascii_digit())
        && (bare_published || PREFIXES.iter().any(|p| starts_with_ci(line, p)))
}

/// Photo agencies whose names close a caption credit (`.../Reuters`).
const AGENCIES: [&str; 16] = [
    "Reuters",
    "AFP",
    "AP",
    "EPA",
    "EPA-EFE",
    "Getty Images",
    "Getty",
    "Shutterstock",
    "Alamy",
    "Bloomberg",
    "PA",
    "PA Wire",
    "Xinhua",
    "Yonhap",
    "Anadolu",
    "TASS",
];

/// A photo caption: a line closed by a photo credit.
pub(super) fn is_caption(line: &str) -> bool {
    has_bracket_credit(line) || has_labelled_credit(line) || has_trailing_credit(line)
}

/// `... Feb. 4. [REUTERS/YONHAP]`: a bracketed credit in capitals at the end.
fn has_bracket_credit(line: &str) -> bool {
    let Some(body) = line.strip_suffix(']') else {
        return false;
    };
    let Some(open) = body.rfind('[') else {
        return false;
    };
    let inner = &body[open + 1..];
    inner.chars().filter(|c| c.is_uppercase()).count() >= 2
        && inner.chars().all(|c| {
            c.is_uppercase() || c.is_ascii_digit() || matches!(c, ' ' | '/' | '-' | '.' | '&' | ',')
        })
}

/// `... Photograph: Paula Bronstein/Getty Images`: a short credit after a label.
fn has_labelled_credit(line: &str) -> bool {
    const LABELS: [&str; 6] =
        ["Photograph:", "Photographs:", "Photo:", "Photos:", "Picture:", "Illustration:"];
    // Every label ends in a colon: look back from the last colon only while
    // the credit after it is short enough to be one.
    for (at, _) in line.rmatch_indices(':') {
        let credit = &line[at + 1..];
        if !at_most_words(credit, 12) {
            return false;
        }
        if !credit.trim().is_empty() && LABELS.iter().any(|label| line[..=at].ends_with(label)) {
            return true;
        }
    }
    false
}

/// `(AP Photo/Efrem Lukatsky)`, `... Getty Images` or `.../Reuters` at the end.
fn has_trailing_credit(line: &str) -> bool {
    if let Some(body) = line.strip_suffix(')')
        && let Some(open) = body.rfind('(')
    {
        let inner = &body[open + 1..];
        if inner.contains("Photo/") || inner.starts_with("Photo by ") || inner.contains("AP Photo")
        {
            return true;
        }
    }
    let end = line.trim_end_matches([')', ' ']);
    end.ends_with("Getty Images")
        || AGENCIES.iter().any(|agency| {
            end.strip_suffix(agency).is_some_and(|rest| {
                rest.strip_suffix('/')
                    .is_some_and(|rest| rest.ends_with(|c: char| c.is_alphanumeric()))
            })
        })
}

/// A teaser for another story: `...what does each side want?Read more`, or
/// `Related: ...`.
fn is_teaser(line: &str, words: usize) -> bool {
    const PREFIXES: [&str; 6] =
        ["read more:", "related:", "see also:", "also read:", "read also:", "recommended:"];
    // Capitalized, so that a sentence ending in "... to read more" is kept.
    let end = line.trim_end_matches(['»', '›', '>', '…', ':', ' ']);
    end.ends_with("Read more")
        || end.ends_with("READ MORE")
        || words <= SHORT_LINE_WORDS && PREFIXES.iter().any(|p| starts_with_ci(line, p))
}

/// A line that is mostly links: `* [](https://...)`, `[Story](url) | [Other](url)`,
/// or bare URLs. At most three words outside the links are allowed.
fn is_link_line(line: &str) -> bool {
    let mut links = 0usize;
    let mut residual_words = 0usize;
    let mut rest = line;
    while !rest.is_empty() {
        if let Some(len) = markdown_link_len(rest) {
            links += 1;
            rest = &rest[len..];
            continue;
        }
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (token, after) = rest.split_at(token_end);
        // A token may run into a link: `see[story](url)`.
        if let Some(bracket) = token.find(['[', '!']).filter(|&b| b > 0)
            && markdown_link_len(&rest[bracket..]).is_some()
        {
            residual_words += usize::from(token[..bracket].chars().any(char::is_alphanumeric));
            if residual_words > 3 {
                return false;
            }
            rest = &rest[bracket..];
            continue;
        }
        let bare = token.trim_start_matches(['<', '(']);
        if starts_with_ci(bare, "http://")
            || starts_with_ci(bare, "https://")
            || bare.starts_with("www.")
        {
            links += 1;
        } else if token.chars().any(char::is_alphanumeric) {
            residual_words += 1;
        }
        if residual_words > 3 {
            return false;
        }
        rest = after.trim_start();
    }
    links > 0 && residual_words <= 3
}

/// Length of a markdown link or image (`[text](url)`, `![alt](url)`) at the start of `s`.
fn markdown_link_len(s: &str) -> Option<usize> {
    let start = usize::from(s.starts_with('!'));
    let bytes = s.as_bytes();
    if bytes.get(start) != Some(&b'[') {
        return None;
    }
    let close = matching(bytes, start, b'[', b']')?;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let end = matching(bytes, close + 1, b'(', b')')?;
    Some(end + 1)
}

/// Index of the bracket closing the one at `open`, allowing nesting.
fn matching(bytes: &[u8], open: usize, left: u8, right: u8) -> Option<usize> {
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        if b == left {
            depth += 1;
        } else if b == right {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_timestamps_copyright_newsletters() {
        for (line, reason) in [
            ("By Jane Doe", Reason::Byline),
            ("By Jane Doe and John Smith, BBC News", Reason::Byline),
            ("BY JANE DOE", Reason::Byline),
            ("By John Q.", Reason::Byline),
            ("Updated 3:45 p.m. ET, Jan. 5, 2024", Reason::Timestamp),
            ("Updated 3:45 p.m. ET", Reason::Timestamp),
            ("Mon 5 Feb 2024 10.30 GMT", Reason::Timestamp),
            ("Posted Jan. 5, 2024 at 9:12 a.m.", Reason::Timestamp),
            ("Copyright 2024 Springfield Gazette.", Reason::Copyright),
            ("© 2024 Springfield Gazette", Reason::Copyright),
            ("All rights reserved.", Reason::Copyright),
            ("Copyright 2024 Springfield Gazette. All rights reserved.", Reason::Copyright),
            ("Sign up for our daily newsletter.", Reason::Newsletter),
            ("Sign up to our morning briefing", Reason::Newsletter),
            ("Get our free newsletter in your inbox every morning", Reason::Newsletter),
        ] {
            assert_eq!(boilerplate(line), Some(reason), "{line}");
        }
        for line in [
            "By Monday, prices had risen.",
            "By the end of the year, the plant will close.",
            "By 2030 the city wants all buses to be electric.",
            "Copyright law was changed in 2019 to cover the songs.",
            "The firm said its newsletter had 2 million readers.",
            "Updated rules will take effect in 2026.",
            "On 5 March 2024 the court ruled against him.",
            "He said all rights reserved by the treaty would stay with Kyiv, not Moscow.",
            "Sign language interpreters joined the briefing on Tuesday and translated every question.",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn datelines() {
        for (paragraph, story) in [
            ("JERUSALEM (AP) _ A car bomb exploded on Friday.", "A car bomb"),
            ("THE HAGUE, Netherlands (AP) _ Investigators plan to return.", "Investigators"),
            ("KYIV, Feb 4 (Reuters) - Ukrainian and Russian negotiators began talks.", "Ukrainian"),
            ("WASHINGTON _ President Clinton expressed sympathy.", "President"),
            ("RIO DE JANEIRO, Brazil _ The storm hit.", "The storm"),
            ("ST. KITTS and NEVIS _ Both islands were hit.", ""),
            ("BEIJING, Oct. 12 (Xinhua) -- China said on Monday it would act.", "China"),
            ("WASHINGTON — \"We will act,\" the president said.", "\"We"),
        ] {
            let got = dateline(paragraph).map(|n| &paragraph[n..]);
            if story.is_empty() {
                assert_eq!(got, None, "{paragraph}");
            } else {
                assert!(got.is_some_and(|rest| rest.starts_with(story)), "{paragraph}: {got:?}");
            }
        }
        for paragraph in [
            "NATO - The alliance said it would meet.",
            "The UN - which met on Monday - said so.",
            "WASHINGTON _ officials said nothing.",
            "Kyiv (Reuters) - Talks began.",
            "A car bomb exploded in JERUSALEM (AP) _ on Friday.",
            "BBC",
        ] {
            assert_eq!(dateline(paragraph), None, "{paragraph}");
        }
    }

    #[test]
    fn wire_codes() {
        // Lines from DUC 2003's New York Times and AP wire copy.
        for line in [
            "(scl)",
            "(vs/krt)",
            "(ht-sf-ek)",
            "(pvs/ih/kk/gj)",
            "nn",
            "MORE",
            "(MORE)",
            "NYT-10-18-98 1807EDT",
            "NYT-10-18-98",
        ] {
            assert_eq!(boilerplate(line), Some(Reason::WireCode), "{line}");
        }
        for line in [
            "Wrong.",
            "Eleven deputies were absent.",
            "NATIONAL FORECAST",
            "P.W. BOTHA",
            "ST. KITTS and NEVIS _ Both of the islands were hit.",
            "the storm moved north and weakened over land",
            "More than 50 people died.",
            "\"wrong\"",
            "الأمم المتحدة",
            "联合国",
            "joie de vivre",
            "was",
            "(see below)",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn captions() {
        for line in [
            "Workers repair a pipe in Kyiv, Ukraine, Feb. 4. [REUTERS/YONHAP]",
            "Delegates attend the talks. Photograph: UAE ministry of foreign affairs/Reuters",
            "A worker repairs a substation. Photograph: Paula Bronstein/Getty Images",
            "A man walks past a building. (AP Photo/Efrem Lukatsky)",
            "Rescuers at the site on Tuesday. Anatolii Stepanov/AFP via Getty Images",
            "Rescuers at the site on Tuesday. Gleb Garanich/Reuters",
            "Photo: Yonhap",
        ] {
            assert_eq!(boilerplate(line), Some(Reason::Caption), "{line}");
        }
        for line in [
            "He said the deal [with Russia] was close.",
            "The photographer said he sold the picture to Getty Images.",
            "The talks were reported by Reuters",
            "The agency [AP] said so.",
            "Photo: ",
        ] {
            assert_eq!(boilerplate(line), None, "{line}");
        }
    }

    #[test]
    fn navigation_and_datelines() {
        let nav = "Skip to main contentSkip to navigationSkip to navigation";
        assert_eq!(boilerplate(nav), Some(Reason::Navigation));
        assert_eq!(boilerplate("Share on Facebook"), Some(Reason::Navigation));
        assert_eq!(boilerplate("Advertisement"), Some(Reason::Navigation));
        assert_eq!(
            boilerplate("We use cookies to improve your experience."),
            Some(Reason::Navigation)
        );
        assert_eq!(boilerplate("Cookies are small files stored by browsers."), None);
        assert_eq!(boilerplate("Published: 05 Feb. 2026, 09:42"), Some(Reason::Published));
        assert_eq!(
            boilerplate("Last modified on Wed 4 Feb 2026 18.30 GMT"),
            Some(Reason::Published)
        );
        assert_eq!(boilerplate("Updated: 5 Feb 2026"), Some(Reason::Published));
        assert_eq!(boilerplate("Published 5 February 2026"), Some(Reason::Published));
        assert_eq!(boilerplate("Published reports in 2025 said otherwise."), None);
        assert_eq!(boilerplate("Updated rules will take effect in 2026."), None);
    }

    #[test]
    fn teasers_and_links() {
        let teaser = "Ukraine-Russia talks: what does each side want?Read more";
        assert_eq!(boilerplate(teaser), Some(Reason::Teaser));
        assert_eq!(boilerplate("Read more: Kyiv braces for winter"), Some(Reason::Teaser));
        let shouted = "Kirill Dmitriev: Kremlin figureREAD MORE »";
        assert_eq!(boilerplate(shouted), Some(Reason::Teaser));
        assert_eq!(boilerplate("She said she wanted to read more."), None);
        assert_eq!(boilerplate("Read more books, the minister urged."), None);
        for line in [
            "* [](https://www.theguardian.com/world/2026/feb/04/<https:/www.x.com/a>)",
            "[Ukraine war live](https://x.org/live) | [Briefing](https://x.org/b)",
            "https://example.com/story",
            "Source: <https://example.com/story>",
            "![chart](https://x.org/c.png)",
            "More:[Story one](https://x.org/1)",
        ] {
            assert_eq!(boilerplate(line), Some(Reason::Link), "{line}");
        }
        let inline = "Zelenskyy said [on X](https://x.com/z) that the talks were productive.";
        assert_eq!(boilerplate(inline), None);
        assert_eq!(boilerplate("A [bracketed] remark (with parens) stays."), None);
    }
}
