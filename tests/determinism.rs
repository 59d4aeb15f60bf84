//! Same input and options, byte-identical output, whatever the thread count.

use salient::rank::Method;

use crate::util::*;

#[test]
fn output_is_identical_across_thread_counts() {
    for method in Method::ALL.iter().map(|m| m.name()) {
        let args =
            ["summarize", "seeds/", "--format", "json", "--method", method, "--words", "120"];
        let one = salient_with(&args, None, &[("RAYON_NUM_THREADS", "1")]);
        let four = salient_with(&args, None, &[("RAYON_NUM_THREADS", "4")]);
        assert!(one.status.success() && four.status.success());
        assert_eq!(one.stdout, four.stdout, "{method}");
    }
}

/// Many articles run in parallel over articles: the order and bytes of the
/// output must not depend on which thread finished first (issue 8).
#[test]
fn many_articles_are_identical_across_thread_counts() {
    let dir = tempdir("determinism-many");
    let path = dir.join("many.jsonl");
    std::fs::write(&path, seed_lines(300)).expect("write");
    let path = path.to_string_lossy().into_owned();
    let args = ["summarize", &path, "--scope", "articles", "--format", "json"];
    let one = salient_with(&args, None, &[("RAYON_NUM_THREADS", "1")]);
    let two = salient_with(&args, None, &[("RAYON_NUM_THREADS", "2")]);
    assert!(one.status.success() && two.status.success());
    assert_eq!(one.stdout, two.stdout);
    let report: Report = serde_json::from_slice(&one.stdout).expect("json");
    let ids: Vec<String> = report.articles.iter().map(|a| a.id.clone()).collect();
    let want: Vec<String> = (0..300).map(|k| format!("a{k}")).collect();
    assert_eq!(ids, want, "input order");
}
