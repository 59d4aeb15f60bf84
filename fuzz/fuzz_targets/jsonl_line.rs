//! One JSONL line: read or refused with an error, never a panic; a `"text"`
//! article keeps the decoded string exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(corpora) = common::read_file(data, "jsonl", false) else {
        return;
    };
    let text = std::str::from_utf8(data).expect("only UTF-8 is read");
    // As the reader does: every byte-order mark that opens the first line goes.
    let text = text.trim_start_matches('\u{feff}');
    assert!(!corpora.is_empty());
    let records = text.split('\n').filter(|l| !l.trim().is_empty()).count();
    let articles: usize = corpora.iter().map(|c| c.articles.len()).sum();
    assert!(articles >= records, "{records} records gave {articles} articles");
    for corpus in &corpora {
        assert!(!corpus.articles.is_empty());
        for a in &corpus.articles {
            common::check_article(a);
        }
    }
    if records == 1 && corpora[0].id.is_none() {
        let value: serde_json::Value = serde_json::from_str(text.trim()).expect("read as JSON");
        if value.get("documents").is_none() {
            assert_eq!(Some(corpora[0].articles[0].text.as_str()), value["text"].as_str());
        }
    }
});
