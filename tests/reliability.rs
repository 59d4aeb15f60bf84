//! Issue 12: no silent wrong answers. Inputs that differ only in form give the same summary.

use crate::util::*;

/// The seeds rewritten with `ending` for every `\n`, in a folder of their own.
fn seeds_with(ending: &str, name: &str) -> std::path::PathBuf {
    let dir = tempdir(name);
    for entry in std::fs::read_dir(seeds()).expect("seeds folder") {
        let path = entry.expect("entry").path();
        let text = read(&path).replace('\n', ending);
        std::fs::write(dir.join(path.file_name().expect("file name")), text).expect("write");
    }
    dir
}

/// Each summary's texts, and a check that its spans index the file it was read from.
fn article_summaries(report: &Report) -> Vec<(String, Option<String>, Vec<String>)> {
    report
        .articles
        .iter()
        .map(|a| {
            let source = read(std::path::Path::new(a.path.as_deref().expect("path")));
            for s in &a.summary {
                assert_eq!(collapse(&source[s.start..s.end]), s.text, "span of {}", a.id);
            }
            (a.id.clone(), a.title.clone(), a.summary.iter().map(|s| s.text.clone()).collect())
        })
        .collect()
}

#[test]
fn every_line_ending_gives_the_same_summaries() {
    let lf = json(&["summarize", "seeds/", "--scope", "both"]);
    let expected = article_summaries(&lf);
    assert_eq!(expected.len(), 5);
    assert!(expected.iter().all(|(_, _, summary)| summary.len() == 3));
    let corpus_texts =
        |r: &Report| corpus(r).summary.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
    for (ending, name) in [("\r", "cr"), ("\r\n", "crlf")] {
        let dir = seeds_with(ending, name);
        let report = json(&["summarize", dir.to_str().expect("utf-8 path"), "--scope", "both"]);
        assert_eq!(article_summaries(&report), expected, "line ending {ending:?}");
        assert_eq!(corpus_texts(&report), corpus_texts(&lf), "line ending {ending:?}");
    }
}
