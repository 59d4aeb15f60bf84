//! Bulk inputs (issue 8): streaming, input detection, `--on-error`, and the
//! output shape of many articles and instances.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::*;

#[test]
fn stdin_jsonl_is_summarized_while_it_is_still_being_written() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_salient"))
        .args(["summarize", "-", "--scope", "articles", "--format", "lines"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    // Read and write on their own threads: neither pipe may fill up and stall the other.
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok).unwrap_or_default();
        let _ = tx.send(first);
        lines.for_each(drop);
    });
    let mut stdin = child.stdin.take().expect("stdin");
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        // More than one batch of articles; then stdin stays open until told.
        let _ = stdin.write_all(seed_lines(1_500).as_bytes());
        let _ = stdin.flush();
        let _ = done_rx.recv();
        drop(stdin);
    });
    let start = Instant::now();
    let first = rx.recv_timeout(Duration::from_secs(60));
    let waited = start.elapsed();
    let _ = done_tx.send(());
    let _ = writer.join();
    let _ = child.wait();
    let first = first.expect("a summary line before stdin was closed");
    assert!(first.split_whitespace().count() > 5, "{first:?} after {waited:?}");
}

#[test]
fn jsonl_is_recognised_on_stdin_and_in_json_files() {
    let lines = seed_lines(3);
    let out = salient_with(&["summarize", "--format", "json"], Some(lines.as_bytes()), &[]);
    assert!(out.status.success());
    let r: Report = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a0", "a1", "a2"]);
    assert!(r.articles.iter().all(|a| a.summary.iter().all(|s| !s.text.contains("\"text\""))));
    let dir = tempdir("bulk-json");
    let path = dir.join("export.json");
    std::fs::write(&path, &lines).expect("write");
    let r = json(&["summarize", path.to_str().expect("path"), "--scope", "articles"]);
    assert_eq!(r.articles.len(), 3);
}

#[test]
fn skip_goes_past_a_latin1_file_and_reports_it() {
    let dir = tempdir("bulk-skip");
    std::fs::copy(seeds().join("000_2a113f0ff9a183fd.txt"), dir.join("a.txt")).expect("copy");
    std::fs::write(dir.join("b.txt"), b"Le caf\xe9 est ferm\xe9. Il pleut.").expect("write");
    std::fs::copy(seeds().join("001_93a11c210130a0f6.txt"), dir.join("c.txt")).expect("copy");
    let d = dir.to_str().expect("path");
    let stopped = fails(&["summarize", d], None);
    assert!(stopped.contains("b.txt") && stopped.contains("invalid UTF-8"), "{stopped}");

    let out = salient_with(&["summarize", d, "--on-error", "skip", "--format", "json"], None, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped") && err.contains("b.txt"), "{err}");
    let r: Report = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0]["input"].as_str().is_some_and(|i| i.ends_with("b.txt")));
    assert!(r.skipped[0]["error"].as_str().is_some_and(|e| e.contains("invalid UTF-8 at byte 6")));
}

#[test]
fn one_document_instances_keep_their_id_metadata_and_get_no_corpus_summary() {
    let dir = tempdir("bulk-single");
    let path = dir.join("bbc.jsonl");
    let text = read(&seeds().join("000_2a113f0ff9a183fd.txt"));
    let line = serde_json::json!({"id": "business-001", "documents": [text],
        "title": "Peace talks", "date": "2026-02-04", "url": "https://example.org/talks"});
    std::fs::write(&path, format!("{line}\n")).expect("write");
    let r = json(&["summarize", path.to_str().expect("path")]);
    assert_eq!(r.articles.len(), 1);
    assert_eq!(r.articles[0].id, "business-001");
    assert_eq!(r.articles[0].title.as_deref(), Some("Peace talks"));
    assert!(r.corpora.is_empty(), "one document: its corpus summary would repeat it");
    // Asked for explicitly, the corpus summary names its source in full.
    let r = json(&["summarize", path.to_str().expect("path"), "--scope", "corpus"]);
    assert!(r.articles.is_empty());
    let c = &r.corpora[0];
    assert_eq!(c.id.as_deref(), Some("business-001"));
    assert_eq!(c.method, "submodular");
    assert_eq!(c.sources.len(), 1);
    let s = &c.sources[0];
    assert_eq!(s.id, "business-001");
    assert_eq!((s.title.as_deref(), s.date.as_deref()), (Some("Peace talks"), Some("2026-02-04")));
    assert_eq!(s.url.as_deref(), Some("https://example.org/talks"));
    assert!(s.path.as_deref().is_some_and(|p| p.ends_with("bbc.jsonl")));
}

#[test]
fn corpus_scope_names_every_source_article() {
    let r = json(&["summarize", "seeds/", "--scope", "corpus"]);
    let c = corpus(&r);
    assert_eq!(c.article_count, 5);
    let ids: Vec<&str> = c.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[0], "000_2a113f0ff9a183fd");
    assert_eq!(ids.len(), 5);
    assert!(c.sources.iter().all(|s| s.path.is_some() && s.date.is_some()));
    for e in &c.summary {
        assert!(ids.contains(&e.article.as_str()));
    }
    // One article, asked for a corpus summary: it gets one (not silence).
    let r = json(&["summarize", "seeds/000_2a113f0ff9a183fd.txt", "--scope", "corpus"]);
    assert_eq!(corpus(&r).summary.len(), 3);
}

#[test]
fn lines_format_prints_only_sentences() {
    let out = ok(&[
        "summarize",
        "seeds/000_2a113f0ff9a183fd.txt",
        "seeds/004_7d61056f019242aa.txt",
        "--scope",
        "articles",
        "--format",
        "lines",
    ]);
    let blocks: Vec<&str> = out.trim_end().split("\n\n").collect();
    assert_eq!(blocks.len(), 2, "{out}");
    for b in blocks {
        assert_eq!(b.lines().count(), 3, "{b}");
        assert!(b.lines().all(|l| !l.starts_with("  - ") && !l.starts_with('[')));
    }
}

#[test]
fn stdin_text_has_no_header_when_it_is_the_only_input() {
    let text = read(&seeds().join("002_6e57bbe5c9b056c1.txt"));
    let out = salient_with(&["summarize", "-"], Some(text.as_bytes()), &[]);
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(stdout.starts_with("  - "), "{stdout}");
    assert!(!stdout.contains("[stdin]"));
}

#[test]
fn truncate_cuts_the_last_sentence_only_and_marks_it() {
    let args = ["summarize", "seeds/", "--words", "60", "--scope", "corpus", "--truncate"];
    let r = json(&args);
    let summary = &corpus(&r).summary;
    let flags: Vec<bool> = summary.iter().map(|s| s.truncated).collect();
    assert_eq!(flags.last(), Some(&true), "60 words end inside a sentence: {flags:?}");
    assert!(flags[..flags.len() - 1].iter().all(|&t| !t), "a cut sentence comes last: {flags:?}");
    let words: usize = summary.iter().map(|s| s.text.split_whitespace().count()).sum();
    assert_eq!(words, 60);
    let text = ok(&args);
    let lines: Vec<&str> = text.lines().filter(|l| l.starts_with("  - ")).collect();
    assert_eq!(lines.len(), summary.len());
    assert!(lines[lines.len() - 1].ends_with(" …"), "{text}");
    assert!(lines[..lines.len() - 1].iter().all(|l| !l.ends_with(" …")), "{text}");
}
