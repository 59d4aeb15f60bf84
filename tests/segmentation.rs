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

/// Parses a file of hand-split paragraphs: `## source`, then one sentence a line.
fn paragraphs(name: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    for line in data(name).lines() {
        if let Some(source) = line.strip_prefix("## ") {
            cases.push(Case {
                name: source.to_string(),
                text: String::new(),
                expected: Vec::new(),
            });
        } else if !line.is_empty() && !line.starts_with('#') {
            let case = cases.last_mut().expect("a source line before the sentences");
            case.expected.push(line.to_string());
        }
    }
    for case in &mut cases {
        case.text = case.expected.join(" ");
    }
    cases
}

/// Boundary counts of one file: found and correct, found but wrong, missed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Boundaries {
    correct: usize,
    spurious: usize,
    missed: usize,
}

/// Scores the segmenter on every paragraph of `name`, at the byte offsets where sentences end
/// inside a paragraph; lists the paragraphs it gets wrong.
fn score(name: &str) -> (Boundaries, usize, Vec<String>) {
    let cases = paragraphs(name);
    let mut counts = Boundaries::default();
    let mut wrong = Vec::new();
    for case in &cases {
        let mut expected = Vec::new();
        let mut end = 0;
        for sentence in &case.expected[..case.expected.len() - 1] {
            end += sentence.len();
            expected.push(end);
            end += 1;
        }
        let spans = sentences(&case.text, 0..case.text.len());
        let got: Vec<usize> =
            spans[..spans.len().saturating_sub(1)].iter().map(|s| s.end).collect();
        let correct = got.iter().filter(|b| expected.contains(b)).count();
        counts.correct += correct;
        counts.spurious += got.len() - correct;
        counts.missed += expected.len() - correct;
        if got != expected {
            wrong.push(format!("{}: got {:?}", case.name, split(&case.text)));
        }
    }
    (counts, cases.len(), wrong)
}

/// News paragraphs with hand-marked boundaries, at least 300 in each file, rich in the hard
/// cases: abbreviations, initials, quotations, decimals, ellipses, datelines. The segmenter must
/// find every boundary and no other (docs/quality.md, "Sentence segmentation").
#[test]
fn news_paragraphs() {
    for (name, at_least) in [("news_dev.txt", 300), ("news_test.txt", 240)] {
        let (counts, paragraphs, wrong) = score(name);
        let total = counts.correct + counts.missed;
        eprintln!(
            "{name}: {paragraphs} paragraphs, {total} boundaries: {} found, {} spurious, {} missed",
            counts.correct, counts.spurious, counts.missed
        );
        for w in &wrong {
            eprintln!("  {w}");
        }
        assert!(total >= at_least, "{name}: {total} boundaries");
        assert_eq!(counts, Boundaries { correct: total, spurious: 0, missed: 0 }, "{name}");
    }
}
