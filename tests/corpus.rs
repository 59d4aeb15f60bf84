//! Cross-corpus summaries of the seeds: each fact once, every sentence traced.

use std::collections::{BTreeSet, HashMap};

use salient::analyze::{Analyzer, Language};

use crate::util::*;

fn content_words(a: &Analyzer, text: &str) -> BTreeSet<String> {
    a.terms(text).into_iter().collect()
}

#[test]
fn seed_corpus_summary_is_traced_and_states_each_fact_once() {
    let report = json(&["summarize", "seeds/", "--words", "120"]);
    let corpus = corpus(&report);
    let paths: HashMap<&str, &str> =
        report.articles.iter().map(|a| (a.id.as_str(), a.path.as_deref().unwrap())).collect();
    let counts: HashMap<&str, usize> =
        report.articles.iter().map(|a| (a.id.as_str(), a.sentence_count)).collect();
    let words: usize = corpus.summary.iter().map(|s| s.text.split_whitespace().count()).sum();
    assert!(words <= 120 && words > 60, "{words} words");
    let sources: BTreeSet<&str> = corpus.summary.iter().map(|s| s.article.as_str()).collect();
    assert!(sources.len() > 1, "draws on one article only: {sources:?}");
    let mut ranks: Vec<usize> = corpus.summary.iter().map(|s| s.rank).collect();
    ranks.sort();
    assert_eq!(ranks, (1..=corpus.summary.len()).collect::<Vec<_>>());

    for s in &corpus.summary {
        let source = read(&root().join(paths[s.article.as_str()]));
        assert_eq!(collapse(&source[s.start..s.end]), s.text);
        assert!(s.score.is_finite());
        assert!(s.index < counts[s.article.as_str()]);
        for o in &s.also_in {
            assert!(o.index < counts[o.article.as_str()], "{o:?}");
            assert!((o.article.as_str(), o.index) != (s.article.as_str(), s.index));
        }
    }

    let analyzer = Analyzer::new(Language::English);
    let sets: Vec<_> = corpus.summary.iter().map(|s| content_words(&analyzer, &s.text)).collect();
    for i in 0..sets.len() {
        for j in i + 1..sets.len() {
            let shared = sets[i].intersection(&sets[j]).count();
            let shorter = sets[i].len().min(sets[j].len());
            assert!(
                2 * shared <= shorter,
                "same fact twice:\n  {}\n  {}",
                corpus.summary[i].text,
                corpus.summary[j].text
            );
        }
    }
}

#[test]
fn a_fact_reported_by_three_outlets_is_grouped() {
    // "Russia occupies about 20% of Ukraine's national territory ..." appears,
    // with small edits, in 000, 001 and 004.
    let report = json(&["summarize", "seeds/", "--scope", "corpus", "--sentences", "40"]);
    let corpus = corpus(&report);
    let hit = corpus
        .summary
        .iter()
        .find(|s| {
            s.text.contains("of Ukraine's national territory")
                || s.text.contains("of Ukraine’s national territory")
        })
        .expect("the territory fact is in a 40-sentence summary");
    let mut articles: BTreeSet<&str> = hit.also_in.iter().map(|o| o.article.as_str()).collect();
    articles.insert(&hit.article);
    assert!(articles.len() >= 3, "{hit:?}");
    let territory = corpus.summary.iter().filter(|s| s.text.contains("national territory")).count();
    assert_eq!(territory, 1);
}

#[test]
fn corpus_order_is_by_date_then_position() {
    let report = json(&["summarize", "seeds/", "--scope", "corpus", "--sentences", "8"]);
    assert!(report.articles.is_empty());
    let corpus = corpus(&report);
    let dates: HashMap<&str, &str> = [
        ("000_2a113f0ff9a183fd", "2026-02-04"),
        ("001_93a11c210130a0f6", "2026-02-05"),
        ("002_6e57bbe5c9b056c1", "2026-02-04"),
        ("003_740e9f47749fc38b", "2026-02-04"),
        ("004_7d61056f019242aa", "2026-02-05"),
    ]
    .into();
    let keys: Vec<_> = corpus
        .summary
        .iter()
        .map(|s| (dates[s.article.as_str()], s.article.clone(), s.index))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}
