//! Properties of the whole pipeline on arbitrary input, against answers
//! computed trivially: it never panics, and a summary's sentences are
//! sentences of the input, in order, within the budget.

use proptest::prelude::*;
use salient::ingest::{Article, ReadOptions};
use salient::rank::Method;
use salient::select::Budget;
use salient::summarize::{Config, Summarizer, collapse, sentences};

fn summarizer(method: Method, budget: Budget) -> Summarizer {
    let mut config = Config::default().with_method(method);
    config.selection.budget = budget;
    config.selection.diversity = 0.3;
    Summarizer::new(config).expect("valid config")
}

fn newsy() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Kyiv",
        "talks",
        "U.S.",
        "said",
        "the",
        "Mr.",
        "1.5%",
        "peace",
        "Russia",
        "deal",
        "\"war\"",
        "\"We",
        "“It",
        "now,\"",
        "on",
        "Feb.",
        "(Reuters)",
        "—",
        "…",
        "a",
        "of",
        "Zelenskyy’s",
        "Published:",
        "[REUTERS/YONHAP]",
    ]);
    let sentence = prop::collection::vec(word, 1..14).prop_map(|w| w.join(" "));
    let end = prop::sample::select(vec![". ", "? ", "!\n", ".\n\n", "\n", " ", ".” "]);
    prop::collection::vec((sentence, end), 0..25)
        .prop_map(|parts| parts.into_iter().map(|(s, e)| s + e).collect())
}

proptest! {
    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}", n in 1usize..5) {
        let article = Article::from_text("p", text);
        for method in [Method::Textrank, Method::Tfidf, Method::Lead] {
            let s = summarizer(method, Budget::Sentences(n)).summarize_article(&article);
            prop_assert!(s.summary.len() <= n);
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let article = Article::from_text_with("b", text, &ReadOptions { keep_all: true, ..ReadOptions::default() });
        let s = summarizer(Method::Textrank, Budget::Words(20));
        let _ = s.summarize_corpus(None, &[article.clone(), article]);
    }

    /// Quotations of several sentences are ranked by their parts and their
    /// scores mapped back: one finite score per candidate, whatever the text.
    #[test]
    fn every_candidate_gets_one_finite_score(text in newsy()) {
        let articles = [Article::from_text("q", text.clone()), Article::from_text("r", text)];
        for method in [Method::Tfidf, Method::Textrank, Method::Lead, Method::Submodular] {
            let s = summarizer(method, Budget::Words(40));
            let ranked = s.rank(s.candidates(&articles));
            prop_assert_eq!(ranked.scores().len(), ranked.candidates().len());
            prop_assert!(ranked.scores().iter().all(|x| x.is_finite()), "{:?}", method);
        }
    }

    #[test]
    fn summaries_are_input_sentences_in_order_within_budget(
        text in newsy(), words in 5usize..60, n in 1usize..6
    ) {
        let article = Article::from_text("n", text);
        let spans = sentences(&article);
        for budget in [Budget::Words(words), Budget::Sentences(n)] {
            let s = summarizer(Method::Textrank, budget).summarize_article(&article);
            let mut last = None;
            let mut total = 0;
            for e in &s.summary {
                prop_assert!(spans.iter().any(|sp| sp.start == e.start && sp.end == e.end));
                prop_assert_eq!(&e.text, &collapse(&article.text[e.start..e.end]));
                prop_assert!(last < Some(e.index));
                last = Some(e.index);
                total += e.text.split_whitespace().count();
            }
            match budget {
                Budget::Words(w) => prop_assert!(total <= w),
                // Redundant sentences may be skipped, but never all of them.
                Budget::Sentences(k) => {
                    prop_assert!(s.summary.len() <= k);
                    prop_assert_eq!(s.summary.is_empty(), spans.is_empty());
                }
                Budget::Ratio(_) => {}
            }
        }
    }
}
