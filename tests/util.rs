//! Running the binary and parsing its JSON output into typed structs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde::Deserialize;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// Runs `salient` with `args`, feeding `stdin`, in the crate root.
pub fn salient_with(args: &[&str], stdin: Option<&[u8]>, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_salient"));
    cmd.args(args).current_dir(root()).envs(env.iter().copied());
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn salient");
    if let Some(input) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("wait for salient")
}

pub fn salient(args: &[&str]) -> Output {
    salient_with(args, None, &[])
}

/// Runs `salient` expecting success, returns stdout.
pub fn ok(args: &[&str]) -> String {
    let out = salient(args);
    assert!(
        out.status.success(),
        "salient {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

/// Runs `salient` expecting failure, returns stderr.
pub fn fails(args: &[&str], stdin: Option<&[u8]>) -> String {
    let out = salient_with(args, stdin, &[]);
    assert!(!out.status.success(), "salient {args:?} should fail");
    assert_eq!(out.status.code(), Some(2), "exit code for {args:?}");
    let err = String::from_utf8(out.stderr).expect("utf-8 stderr");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one-line error expected: {err}");
    err
}

#[derive(Debug, Deserialize)]
pub struct Report {
    pub version: u32,
    pub method: String,
    pub params: serde_json::Value,
    pub articles: Vec<Article>,
    pub corpora: Vec<Corpus>,
    pub skipped: Vec<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
pub struct Article {
    pub id: String,
    pub path: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub sentence_count: usize,
    pub set_aside: std::collections::BTreeMap<String, usize>,
    pub summary: Vec<Extract>,
}

#[derive(Debug, Deserialize)]
pub struct Extract {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub rank: usize,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct Corpus {
    pub id: Option<String>,
    pub method: String,
    pub article_count: usize,
    pub sources: Vec<Source>,
    pub summary: Vec<CorpusExtract>,
}

#[derive(Debug, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub path: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct CorpusExtract {
    pub article: String,
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub score: f64,
    pub rank: usize,
    pub text: String,
    #[serde(default)]
    pub truncated: bool,
    pub also_in: Vec<SourceRef>,
}

#[derive(Debug, Deserialize)]
pub struct SourceRef {
    pub article: String,
    pub index: usize,
}

pub fn json(args: &[&str]) -> Report {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&ok(&all)).expect("valid JSON report")
}

/// The one corpus summary of a run over files.
pub fn corpus(report: &Report) -> &Corpus {
    assert_eq!(report.version, 2);
    match report.corpora.as_slice() {
        [one] => {
            assert_eq!(one.id, None, "a run's own corpus has no id");
            one
        }
        other => panic!("expected one corpus summary, got {}", other.len()),
    }
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read file")
}

/// A fresh temporary directory for one test.
pub fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("salient-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

/// `n` JSONL lines of `{"id": "a<k>", "text": <a seed article>}`, cycling through the seeds.
pub fn seed_lines(n: usize) -> String {
    let mut paths: Vec<_> = std::fs::read_dir(seeds())
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| read(p)).collect();
    let mut out = String::new();
    for k in 0..n {
        let line = serde_json::json!({"id": format!("a{k}"), "text": texts[k % texts.len()]});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}
