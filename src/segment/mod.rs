//! Sentence segmentation with byte spans into the original text.
/// Temporary naive splitter.
pub fn sentences(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let s = &text[range.clone()];
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '.' | '!' | '?') && s[i + 1..].starts_with(' ') {
            out.push(range.start + start..range.start + i + 1);
            start = i + 2;
        }
    }
    if start < s.len() {
        out.push(range.start + start..range.end);
    }
    out
}
