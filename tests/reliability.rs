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

/// Every input file's bytes and modification time.
fn snapshot(dir: &std::path::Path) -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).expect("mtime");
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes, modified)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn inputs_are_never_written() {
    let dir = seeds_with("\r\n", "never-written");
    let docs: Vec<String> = ["000_2a113f0ff9a183fd", "004_7d61056f019242aa"]
        .iter()
        .map(|s| read(&dir.join(format!("{s}.txt"))))
        .collect();
    let line = serde_json::json!({"id": "talks", "documents": docs, "references": ["Talks."]});
    let data = dir.join("data.jsonl");
    std::fs::write(&data, format!("{line}\n")).expect("write dataset");
    let before = snapshot(&dir);
    let folder = dir.to_str().expect("utf-8 path");
    let data = data.to_str().expect("utf-8 path");
    for format in ["text", "json", "markdown"] {
        let out = salient(&["summarize", folder, "--format", format]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    ok(&["eval", data, "--words", "20"]);
    // Saving summaries over the dataset would replace an input: refused.
    let err = fails(&["eval", data, "--save-summaries", data], None);
    assert!(err.contains("that is the dataset"), "{err}");
    let same = format!("{folder}/./data.jsonl");
    fails(&["eval", data, "--save-summaries", &same], None);
    assert_eq!(snapshot(&dir), before, "an input changed");
}

/// Issue 12: a `bench` measurement child dies with its parent, so killing
/// `salient bench` (a timeout, a cancelled job) leaves nothing running.
#[cfg(target_os = "linux")]
#[test]
fn bench_children_die_with_their_parent() {
    use std::time::{Duration, Instant};
    let mut parent = std::process::Command::new(env!("CARGO_BIN_EXE_salient"))
        .args(["bench", "--synthetic", "--sizes", "1000000", "--threads", "1"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawn bench");
    let pid = parent.id();
    let children = format!("/proc/{pid}/task/{pid}/children");
    let start = Instant::now();
    let child = loop {
        let listed = std::fs::read_to_string(&children).unwrap_or_default();
        if let Some(c) = listed.split_whitespace().next() {
            break c.to_owned();
        }
        assert!(start.elapsed() < Duration::from_secs(20), "bench started no child");
        std::thread::sleep(Duration::from_millis(50));
    };
    parent.kill().expect("kill bench");
    let _ = parent.wait();
    let alive = || {
        std::fs::read_to_string(format!("/proc/{child}/status"))
            .map(|s| !s.lines().any(|l| l.starts_with("State:") && l.contains('Z')))
            .unwrap_or(false)
    };
    let killed = Instant::now();
    while alive() && killed.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!alive(), "bench child {child} still running 10 s after its parent was killed");
}
