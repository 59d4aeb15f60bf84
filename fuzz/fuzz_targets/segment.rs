//! Sentence segmentation of any range of any text: the spans tile the range in
//! order (only whitespace between them), are trimmed and non-empty, and never
//! cut a UTF-8 character; each sentence's parts tile it the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use salient::segment::{parts, sentences};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let text = String::from_utf8_lossy(&data[4..]).into_owned();
    let a = usize::from(u16::from_le_bytes([data[0], data[1]]));
    let b = usize::from(u16::from_le_bytes([data[2], data[3]]));
    // Mostly the whole text, as callers pass paragraphs; sometimes an arbitrary range.
    let range = if a % 4 == 0 { 0..text.len() } else { a % (text.len() + 8)..b % (text.len() + 8) };
    let spans = sentences(&text, range.clone());
    let mut start = range.start.min(text.len());
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if start >= end {
        assert!(spans.is_empty(), "{range:?} of {text:?}: {spans:?}");
        return;
    }
    let gap = |from: usize, to: usize| text[from..to].chars().all(char::is_whitespace);
    let mut previous = start;
    for s in &spans {
        assert!(previous <= s.start && s.start < s.end && s.end <= end, "{spans:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(gap(previous, s.start), "text lost between sentences: {spans:?} of {text:?}");
        let t = &text[s.clone()];
        assert!(!t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace));
        let pieces = parts(t);
        let mut at = 0;
        for p in &pieces {
            assert!(at <= p.start && p.start < p.end && p.end <= t.len(), "{pieces:?} of {t:?}");
            assert!(t.is_char_boundary(p.start) && t.is_char_boundary(p.end));
            assert!(t[at..p.start].chars().all(char::is_whitespace), "{pieces:?} of {t:?}");
            at = p.end;
        }
        assert_eq!(at, t.len(), "text lost after the last part: {pieces:?} of {t:?}");
        previous = s.end;
    }
    assert!(gap(previous, end), "text lost after the last sentence: {spans:?} of {text:?}");
    assert_eq!(sentences(&text, range), spans, "deterministic");
});
