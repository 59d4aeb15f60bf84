//! The whole summarize path at article and corpus scope, every method and
//! budget: the summary is made of the input's candidate sentences (exact byte
//! spans), stays within its budget, and is the same run after run, serial or
//! parallel.
//!
//! Input: four option bytes, then article texts separated by 0x1E.
#![no_main]

use libfuzzer_sys::fuzz_target;
use salient::analyze::Language;
use salient::ingest::{Article, ReadOptions};
use salient::parallel::Parallelism;
use salient::rank::Method;
use salient::select::Budget;
use salient::summarize::{Config, Extract, Order, Summarizer, collapse, sentences};

#[path = "common.rs"]
mod common;

const LANGUAGES: [&str; 4] = ["en", "fr", "de", "ru"];

fn config(options: [u8; 4], corpus: bool) -> Config {
    let mut config = if corpus { Config::corpus_default() } else { Config::default() };
    config.ranker = Method::ALL[usize::from(options[0]) % Method::ALL.len()].config();
    let amount = usize::from(options[2]);
    config.selection.budget = match options[1] % 3 {
        0 => Budget::Sentences(amount % 8 + 1),
        1 => Budget::Words(amount % 80 + 1),
        _ => Budget::Ratio(f64::from(options[2] % 100 + 1) / 100.0),
    };
    config.selection.truncate = options[1] & 0x10 != 0;
    config.selection.diversity = f64::from(options[3] % 11) / 10.0;
    config.order = match (options[3] >> 4) % 4 {
        0 => None,
        1 => Some(Order::Position),
        2 => Some(Order::Date),
        _ => Some(Order::Score),
    };
    config.language = Language::parse(LANGUAGES[usize::from(options[1] >> 6)]).expect("language");
    // Small inputs reach the pruned graph of large corpora too.
    if options[0] & 0x80 != 0 {
        config.graph.dense_limit = 2;
    }
    config
}

fn corpus_config_order(options: [u8; 4]) -> Option<Order> {
    config(options, true).order
}

/// The summary is made of candidate sentences of `article`, cut only with `truncate`.
fn check_extract(article: &Article, e: &Extract, truncate: bool) {
    let candidates = sentences(article);
    let s = candidates.get(e.index).expect("index of a candidate sentence");
    assert_eq!(e.start, s.start, "starts where its sentence starts");
    assert!(e.start < e.end && e.end <= s.end, "{e:?} in {s:?}");
    assert!(truncate || e.end == s.end, "cut without truncate: {e:?}");
    assert_eq!(e.text, collapse(&article.text[e.start..e.end]));
    assert!(e.score.is_finite(), "score {}", e.score);
}

/// Within the budget, ranks 1..=len, and something chosen whenever a
/// sentence budget meets a candidate.
fn check_budget(budget: Budget, candidates: usize, texts: &[&str], ranks: &[usize]) {
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    match budget {
        Budget::Words(w) => assert!(words <= w, "{words} words for --words {w}"),
        b => {
            assert!(texts.len() <= b.max_sentences(candidates), "{} for {b:?}", texts.len());
            assert!(candidates == 0 || !texts.is_empty(), "nothing chosen of {candidates}");
        }
    }
    let mut ranks = ranks.to_vec();
    ranks.sort_unstable();
    assert!(ranks.iter().copied().eq(1..=texts.len()), "ranks {ranks:?}");
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let options = [data[0], data[1], data[2], data[3]];
    let keep_all = options[3] & 0x08 != 0;
    let articles: Vec<Article> = data[4..]
        .split(|&b| b == 0x1e)
        .take(8)
        .enumerate()
        .map(|(i, bytes)| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            Article::from_text_with(format!("a{i}"), text, &ReadOptions { keep_all, ..ReadOptions::default() })
        })
        .collect();
    for a in &articles {
        common::check_article(a);
    }

    let article_config = config(options, false);
    let by_score = article_config.order == Some(Order::Score);
    let budget = article_config.selection.budget;
    let truncate = article_config.selection.truncate;
    let summarizer = Summarizer::new(article_config).expect("valid budget");
    for a in &articles {
        let summary = summarizer.summarize_article(a);
        assert_eq!(summary.sentence_count, sentences(a).len());
        for e in &summary.summary {
            check_extract(a, e, truncate);
        }
        let texts: Vec<&str> = summary.summary.iter().map(|e| e.text.as_str()).collect();
        let ranks: Vec<usize> = summary.summary.iter().map(|e| e.rank).collect();
        check_budget(budget, summary.sentence_count, &texts, &ranks);
        if !by_score {
            assert!(summary.summary.windows(2).all(|w| w[0].index < w[1].index), "in order");
        }
        assert_eq!(summarizer.summarize_article(a), summary, "deterministic");
    }

    let mut corpus_config = config(options, true);
    corpus_config.parallelism = Parallelism::Serial;
    let serial = Summarizer::new(corpus_config.clone()).expect("valid budget");
    corpus_config.parallelism = Parallelism::Parallel;
    let parallel = Summarizer::new(corpus_config).expect("valid budget");
    let corpus = serial.summarize_corpus(Some("c".into()), &articles);
    let total: usize = articles.iter().map(|a| sentences(a).len()).sum();
    assert_eq!((corpus.article_count, corpus.sentence_count), (articles.len(), total));
    for e in &corpus.summary {
        let a = articles.iter().find(|a| a.id == e.article).expect("article of the extract");
        check_extract(a, &e.extract, truncate);
        for other in &e.also_in {
            let b = articles.iter().find(|a| a.id == other.article).expect("also_in article");
            assert!(other.index < sentences(b).len());
        }
    }
    let texts: Vec<&str> = corpus.summary.iter().map(|e| e.extract.text.as_str()).collect();
    let ranks: Vec<usize> = corpus.summary.iter().map(|e| e.extract.rank).collect();
    check_budget(budget, total, &texts, &ranks);
    if corpus_config_order(options) == Some(Order::Position) {
        let at = |e: &salient::summarize::CorpusExtract| {
            (articles.iter().position(|a| a.id == e.article), e.extract.index)
        };
        assert!(corpus.summary.windows(2).all(|w| at(&w[0]) < at(&w[1])), "in order");
    }
    assert_eq!(parallel.summarize_corpus(Some("c".into()), &articles), corpus, "serial = parallel");
});
