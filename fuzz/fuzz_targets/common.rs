//! Checks shared by the fuzz targets.
#![allow(dead_code)] // each target uses a part

use salient::ingest::{Article, BlockKind, ReadOptions, read_inputs};

/// Reads `bytes` as the file `salient-fuzz-<pid>.<extension>` through the same
/// path as the command line.
pub fn read_file(
    bytes: &[u8],
    extension: &str,
    keep_all: bool,
) -> salient::Result<Vec<salient::ingest::Corpus>> {
    let path =
        std::env::temp_dir().join(format!("salient-fuzz-{}.{extension}", std::process::id()));
    std::fs::write(&path, bytes).expect("write scratch file");
    let name = path.to_str().expect("UTF-8 temp path").to_string();
    read_inputs(&[name], &ReadOptions { keep_all, ..ReadOptions::default() })
}

/// Blocks are ordered, non-empty, trimmed slices of the text on character
/// boundaries, and candidate sentences lie inside paragraph blocks.
pub fn check_article(a: &Article) {
    let mut previous_end = 0;
    for b in &a.blocks {
        assert!(previous_end <= b.start && b.start < b.end && b.end <= a.text.len(), "{b:?}");
        assert!(a.text.is_char_boundary(b.start) && a.text.is_char_boundary(b.end));
        let t = &a.text[b.start..b.end];
        assert!(!t.starts_with(char::is_whitespace) && !t.ends_with(char::is_whitespace), "{t:?}");
        previous_end = b.end;
    }
    let paragraphs: Vec<_> = a.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).collect();
    for s in salient::summarize::sentences(a) {
        assert!(
            paragraphs.iter().any(|b| b.start <= s.start && s.end <= b.end && s.start < s.end),
            "sentence {s:?} outside every paragraph"
        );
    }
    if let Some(date) = &a.date {
        let b = date.as_bytes();
        assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-', "{date}");
    }
}
