//! Sentence segmentation against checked-in gold boundaries: Pragmatic Segmenter's English
//! golden rules, and paragraphs of real news from the evaluation sets and seeds.

use salient::segment::sentences;

use crate::util::root;

fn data(name: &str) -> String {
    crate::util::read(&root().join("tests/data/segmentation").join(name))
}

/// A text and the sentences it must split into.
struct Case {
    name: String,
    text: String,
    expected: Vec<String>,
}

/// Parses `golden_rules_en.txt`: `## name`, `> input`, then one expected sentence a line.
fn golden_rules() -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in data("golden_rules_en.txt").lines() {
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case { name: name.to_string(), text: String::new(), expected: Vec::new() });
        } else if line.is_empty() || line.starts_with('#') {
            continue;
        } else {
            let case = cases.last_mut().expect("a rule heading before its text");
            match line.strip_prefix("> ") {
                Some(text) => case.text = text.to_string(),
                None => case.expected.push(line.to_string()),
            }
        }
    }
    cases
}

fn split(text: &str) -> Vec<&str> {
    sentences(text, 0..text.len()).into_iter().map(|s| &text[s]).collect()
}

/// Rules the segmenter does not follow, each with the reason. Every other rule must pass, and
/// every rule listed here must still fail (so that the list stays true).
const GOLDEN_RULES_NOT_FOLLOWED: &[(&str, &str)] = &[];

#[test]
fn golden_rules_en() {
    let cases = golden_rules();
    assert_eq!(cases.len(), 48, "the English golden rules as pySBD runs them");
    let mut failed = Vec::new();
    for case in &cases {
        let got = split(&case.text);
        if got != case.expected {
            failed.push(format!(
                "{}\n    expected {:?}\n    got      {:?}",
                case.name, case.expected, got
            ));
        }
    }
    eprintln!("golden rules: {}/{} pass", cases.len() - failed.len(), cases.len());
    for f in &failed {
        eprintln!("  FAIL {f}");
    }
    let failed_names: Vec<&str> = failed.iter().map(|f| f.lines().next().unwrap_or("")).collect();
    let allowed: Vec<&str> = GOLDEN_RULES_NOT_FOLLOWED.iter().map(|(n, _)| *n).collect();
    assert_eq!(failed_names, allowed);
}
