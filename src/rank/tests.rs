//! Properties every ranker must have: one finite score per sentence, no
//! panic on degenerate input, and identical results serial or parallel.

use super::{GraphCache, GraphOptions, LexRank, Method, MethodConfig, Position, Random, RankInput};
use crate::analyze::{Analyzer, Language, TermId, analyze};
use crate::parallel::Parallelism;
use crate::select::Budget;
use crate::similarity::SparseOptions;
use crate::vectorize::TermMatrix;
use std::sync::Arc;

/// Every method, plus the variants that take another code path.
fn variants() -> Vec<MethodConfig> {
    let mut out: Vec<MethodConfig> = Method::ALL.iter().map(|m| m.config()).collect();
    out.push(MethodConfig::Lexrank(LexRank { threshold: Some(0.1), ..LexRank::default() }));
    out
}

/// A scope's term ids and positions; `articles` holds each article's sentences.
struct Scope {
    sequences: Vec<Vec<TermId>>,
    matrix: TermMatrix,
    positions: Vec<Position>,
    /// Each sentence's length in words.
    words: Vec<usize>,
}

impl Scope {
    fn from_ids(articles: &[Vec<Vec<TermId>>]) -> Self {
        let sequences: Vec<Vec<TermId>> = articles.iter().flatten().cloned().collect();
        let n_terms = sequences.iter().flatten().map(|&t| t as usize + 1).max();
        let matrix = TermMatrix::new(&sequences, n_terms.unwrap_or(0));
        let positions = articles
            .iter()
            .enumerate()
            .flat_map(|(article, a)| {
                (0..a.len()).map(move |index| Position { article, index, of: a.len() })
            })
            .collect();
        let words = sequences.iter().map(Vec::len).collect();
        Scope { sequences, matrix, positions, words }
    }

    /// Articles of text, split into sentences at ". ".
    fn from_texts(texts: &[String]) -> Self {
        let analyzer = Analyzer::new(Language::English);
        let sentences: Vec<Vec<&str>> = texts
            .iter()
            .map(|t| t.split(". ").filter(|s| !s.trim().is_empty()).collect())
            .collect();
        let flat: Vec<&str> = sentences.iter().flatten().copied().collect();
        let (_, mut ids) = analyze(&analyzer, &flat, Parallelism::Serial);
        let articles: Vec<Vec<Vec<TermId>>> =
            sentences.iter().map(|s| ids.drain(..s.len()).collect()).collect();
        let words = flat.iter().map(|s| s.split_whitespace().count()).collect();
        Scope { words, ..Scope::from_ids(&articles) }
    }

    fn input<'a>(&'a self, graph: &'a GraphOptions, p: Parallelism) -> RankInput<'a> {
        RankInput {
            matrix: &self.matrix,
            positions: &self.positions,
            sequences: &self.sequences,
            graph,
            parallelism: p,
            graphs: None,
        }
    }

    /// A budget-aware method's choice, `None` for the others.
    fn choose(&self, method: &MethodConfig, budget: Budget, p: Parallelism) -> Option<Vec<usize>> {
        let graph = GraphOptions::default();
        let input = self.input(&graph, p);
        let scores = method.ranker().rank(&input);
        method.ranker().choose(&input, &scores, &self.words, budget)
    }

    fn rank(&self, method: &MethodConfig, graph: &GraphOptions, p: Parallelism) -> Vec<f64> {
        let input = RankInput {
            matrix: &self.matrix,
            positions: &self.positions,
            sequences: &self.sequences,
            graph,
            parallelism: p,
            graphs: None,
        };
        method.ranker().rank(&input)
    }
}

fn seeds() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seed articles")
        .map(|e| e.expect("seed entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("seed text")).collect()
}

fn graphs() -> [GraphOptions; 2] {
    let sparse = GraphOptions {
        dense_limit: 0,
        sparse: SparseOptions { top_k: 5, ..SparseOptions::default() },
    };
    [GraphOptions::default(), sparse]
}

#[test]
fn serial_equals_parallel_on_seed_articles() {
    let texts = seeds();
    let article = Scope::from_texts(&texts[..1]);
    let corpus = Scope::from_texts(&texts);
    assert!(article.matrix.n_sentences() > 5);
    for scope in [&article, &corpus] {
        for graph in &graphs() {
            for method in variants() {
                let serial = scope.rank(&method, graph, Parallelism::Serial);
                let parallel = scope.rank(&method, graph, Parallelism::Parallel);
                let method = method.method();
                assert_eq!(serial.len(), scope.matrix.n_sentences(), "{method}");
                assert!(serial.iter().all(|x| x.is_finite()), "{method}: {serial:?}");
                let same = serial.iter().zip(&parallel).all(|(a, b)| a.to_bits() == b.to_bits());
                assert!(same, "{method}: {serial:?} vs {parallel:?}");
            }
        }
    }
}

#[test]
fn greedy_methods_count_down_their_pick_order() {
    let corpus = Scope::from_texts(&seeds());
    let n = corpus.matrix.n_sentences();
    for method in [Method::Sumbasic, Method::Kl] {
        for graph in &graphs() {
            let mut x = corpus.rank(&method.config(), graph, Parallelism::Parallel);
            x.sort_by(f64::total_cmp);
            let want: Vec<f64> = (1..=n).map(|k| k as f64).collect();
            assert_eq!(x, want, "{method}");
        }
    }
}

#[test]
fn random_depends_only_on_the_seed() {
    let scope = Scope::from_texts(&seeds()[..1]);
    let graph = GraphOptions::default();
    let with =
        |seed| scope.rank(&MethodConfig::Random(Random { seed }), &graph, Parallelism::Parallel);
    assert_eq!(with(1), with(1));
    assert_ne!(with(1), with(2));
}

/// Scopes at the edges: none, empty articles and sentences, one sentence,
/// identical sentences.
fn degenerate_cases() -> Vec<Vec<Vec<Vec<TermId>>>> {
    vec![
        vec![],
        vec![vec![]],
        vec![vec![vec![]]],
        vec![vec![vec![0, 1, 0]]],
        vec![vec![vec![], vec![], vec![]]],
        vec![vec![vec![0, 1]; 4]],
        vec![vec![vec![0], vec![], vec![1, 2]], vec![vec![], vec![0, 2]]],
        vec![vec![vec![0]], vec![vec![0]], vec![vec![0]]],
    ]
}

#[test]
fn degenerate_scopes_never_panic() {
    for case in &degenerate_cases() {
        let scope = Scope::from_ids(case);
        for graph in &graphs() {
            for method in variants() {
                for p in [Parallelism::Serial, Parallelism::Parallel] {
                    let x = scope.rank(&method, graph, p);
                    let method = method.method();
                    assert_eq!(x.len(), scope.positions.len(), "{method} {case:?}");
                    assert!(x.iter().all(|v| v.is_finite()), "{method} {case:?}: {x:?}");
                }
            }
        }
    }
}

#[test]
fn every_method_has_a_name_that_parses_back() {
    for &m in Method::ALL {
        assert_eq!(Method::parse(m.name()).ok(), Some(m));
        let json = serde_json::to_string(&m).unwrap_or_default();
        assert_eq!(json, format!("\"{}\"", m.name()));
    }
}

#[test]
fn params_defaults_and_setting() {
    // PacSum: forward links only (tuned on BBC dev; the paper uses -2, 1, 0.6).
    assert_eq!(
        Method::Pacsum.config(),
        MethodConfig::Pacsum(super::PacSum { lambda1: 0.0, lambda2: 1.0, beta: 0.3 })
    );
    assert_eq!(Method::Random.config(), MethodConfig::Random(Random { seed: 42 }));
    let names: Vec<String> = Method::Lexrank.parameters().into_iter().map(|(k, _)| k).collect();
    assert_eq!(names, ["damping", "max_iterations", "tolerance", "threshold"]);

    let mut lexrank = Method::Lexrank.config();
    lexrank.set("threshold", serde_json::json!(0.1)).expect("threshold");
    lexrank.set("damping", serde_json::json!(0.5)).expect("nested pagerank setting");
    let MethodConfig::Lexrank(l) = &lexrank else { panic!("still lexrank") };
    assert_eq!((l.threshold, l.pagerank.damping), (Some(0.1), 0.5));

    let mut random = Method::Random.config();
    random.set("seed", serde_json::json!(7.0)).expect("integral float as integer");
    assert_eq!(random, MethodConfig::Random(Random { seed: 7 }));
    for (method, name, value) in [
        (Method::Pacsum, "lambda1", f64::NAN),
        (Method::Pacsum, "beta", 1.5),
        (Method::Textrank, "damping", f64::INFINITY),
        (Method::Textrank, "damping", 1.0),
        (Method::Lexrank, "threshold", -0.1),
    ] {
        let mut c = method.config();
        let e = c.set(name, serde_json::json!(value)).expect_err("rejected");
        assert!(matches!(e, crate::Error::InvalidParameter { .. }), "{method} {name}: {e}");
        assert_eq!(c, method.config(), "unchanged after a rejected value");
    }
    let e = Method::Textrank.config().set("seed", serde_json::json!(1)).expect_err("unknown");
    assert!(matches!(e, crate::Error::UnknownParameter { method: "textrank", .. }), "{e}");
    let e = Method::Tfidf.config().set("seed", serde_json::json!(1)).expect_err("none");
    assert!(e.to_string().contains("it has none"), "{e}");
}

#[test]
fn configs_round_trip_through_json() {
    for &m in Method::ALL {
        let json = serde_json::to_string(&m.config()).expect("serialize");
        assert!(json.starts_with(&format!("{{\"method\":\"{}\"", m.name())), "{json}");
        let back: MethodConfig = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, m.config());
    }
}

#[test]
fn misspelt_methods_get_a_suggestion() {
    match Method::parse("textrnk") {
        Err(crate::Error::UnknownMethod { suggestion, .. }) => {
            assert_eq!(suggestion.as_deref(), Some("textrank"))
        }
        other => panic!("{other:?}"),
    }
    match Method::parse("zzz") {
        Err(crate::Error::UnknownMethod { suggestion, .. }) => assert_eq!(suggestion, None),
        other => panic!("{other:?}"),
    }
}

/// The methods that choose under the budget.
fn choosers() -> Vec<MethodConfig> {
    variants().into_iter().filter(|m| m.ranker().chooses()).collect()
}

#[test]
fn budget_aware_methods_stay_within_the_budget_on_seed_text() {
    let corpus = Scope::from_texts(&seeds());
    assert_eq!(choosers().len(), 2);
    for method in choosers() {
        let name = method.method();
        for budget in
            [Budget::Words(30), Budget::Words(100), Budget::Sentences(3), Budget::Ratio(0.1)]
        {
            let got = corpus.choose(&method, budget, Parallelism::Serial).expect("a choice");
            assert!(!got.is_empty(), "{name} {budget:?}");
            let mut distinct = got.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), got.len(), "{name} {budget:?}: {got:?}");
            let n = corpus.positions.len();
            match budget.max_words() {
                Some(limit) => {
                    let used: usize = got.iter().map(|&i| corpus.words[i]).sum();
                    assert!(used <= limit, "{name} {budget:?}: {used} words");
                    assert!(used * 2 >= limit, "{name} {budget:?}: only {used} words");
                }
                None => assert!(got.len() <= budget.max_sentences(n), "{name} {budget:?}"),
            }
            let parallel = corpus.choose(&method, budget, Parallelism::Parallel);
            assert_eq!(parallel.as_ref(), Some(&got), "{name} {budget:?}");
        }
    }
}

#[test]
fn budget_aware_methods_never_panic_on_degenerate_scopes() {
    for case in &degenerate_cases() {
        let scope = Scope::from_ids(case);
        for method in choosers() {
            for budget in [Budget::Words(1), Budget::Words(100), Budget::Sentences(1)] {
                let got = scope.choose(&method, budget, Parallelism::Serial).expect("a choice");
                assert!(got.iter().all(|&i| i < scope.positions.len()), "{case:?}: {got:?}");
                if let Some(limit) = budget.max_words() {
                    let used: usize = got.iter().map(|&i| scope.words[i].max(1)).sum();
                    assert!(used <= limit, "{case:?}: {got:?}");
                }
            }
        }
    }
}

#[test]
fn a_graph_cache_builds_each_graph_once_per_measure() {
    use crate::similarity::Measure;
    let corpus = Scope::from_texts(&seeds());
    let graph = GraphOptions::default();
    let cache = GraphCache::default();
    let input = RankInput { graphs: Some(&cache), ..corpus.input(&graph, Parallelism::Serial) };
    let first = input.similarity_graph(Measure::Cosine);
    assert!(Arc::ptr_eq(&first, &input.similarity_graph(Measure::Cosine)));
    // Another measure is another graph, built afresh.
    let overlap = input.similarity_graph(Measure::Overlap);
    assert!(!Arc::ptr_eq(&first, &overlap));
    // Without a cache nothing is kept, and the graphs are the same.
    let uncached = corpus.input(&graph, Parallelism::Serial).similarity_graph(Measure::Overlap);
    assert!(!Arc::ptr_eq(&overlap, &uncached));
    assert_eq!(overlap.len(), uncached.len());
    (0..overlap.len()).for_each(|i| {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        overlap.for_each_neighbor(i, |j, w| a.push((j, w)));
        uncached.for_each_neighbor(i, |j, w| b.push((j, w)));
        assert_eq!(a, b, "{i}");
    });
}

/// The summarizer passes the term sequences only to rankers that say they
/// read them: every other ranker must rank alike without them.
#[test]
fn rankers_that_do_not_read_sequences_rank_alike_without_them() {
    let corpus = Scope::from_texts(&seeds());
    let graph = GraphOptions::default();
    for method in variants() {
        let ranker = method.ranker();
        let with = corpus.input(&graph, Parallelism::Serial);
        let without = RankInput { sequences: &[], ..with };
        let (a, b) = (ranker.rank(&with), ranker.rank(&without));
        if ranker.reads_sequences() {
            assert_ne!(a, b, "{method:?} says it reads the sequences");
        } else {
            assert_eq!(a, b, "{method:?} reads the sequences without saying so");
        }
    }
}
