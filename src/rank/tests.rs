//! Properties every ranker must have: one finite score per sentence, no
//! panic on degenerate input, and identical results serial or parallel.

use super::{GraphOptions, Method, Position, RankInput, RankParams};
use crate::analyze::{Analyzer, Language, TermId, analyze};
use crate::parallel::Parallelism;
use crate::similarity::SparseOptions;
use crate::vectorize::TermMatrix;

/// Every method, plus the variants that take another code path.
fn variants() -> Vec<(Method, RankParams)> {
    let mut out: Vec<(Method, RankParams)> =
        Method::ALL.iter().map(|&m| (m, RankParams::default())).collect();
    out.push((
        Method::Lexrank,
        RankParams { lexrank_threshold: Some(0.1), ..RankParams::default() },
    ));
    out
}

/// A scope's term ids and positions; `articles` holds each article's sentences.
struct Scope {
    sequences: Vec<Vec<TermId>>,
    matrix: TermMatrix,
    positions: Vec<Position>,
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
        Scope { sequences, matrix, positions }
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
        Scope::from_ids(&articles)
    }

    fn rank(
        &self,
        method: Method,
        params: &RankParams,
        graph: &GraphOptions,
        p: Parallelism,
    ) -> Vec<f64> {
        let input = RankInput {
            matrix: &self.matrix,
            positions: &self.positions,
            sequences: &self.sequences,
            graph,
            parallelism: p,
        };
        method.ranker(params).rank(&input)
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
            for (method, params) in variants() {
                let serial = scope.rank(method, &params, graph, Parallelism::Serial);
                let parallel = scope.rank(method, &params, graph, Parallelism::Parallel);
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
            let mut x = corpus.rank(method, &RankParams::default(), graph, Parallelism::Parallel);
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
    let with = |seed| {
        let params = RankParams { seed, ..RankParams::default() };
        scope.rank(Method::Random, &params, &graph, Parallelism::Parallel)
    };
    assert_eq!(with(1), with(1));
    assert_ne!(with(1), with(2));
}

#[test]
fn degenerate_scopes_never_panic() {
    let cases: Vec<Vec<Vec<Vec<TermId>>>> = vec![
        vec![],
        vec![vec![]],
        vec![vec![vec![]]],
        vec![vec![vec![0, 1, 0]]],
        vec![vec![vec![], vec![], vec![]]],
        vec![vec![vec![0, 1]; 4]],
        vec![vec![vec![0], vec![], vec![1, 2]], vec![vec![], vec![0, 2]]],
        vec![vec![vec![0]], vec![vec![0]], vec![vec![0]]],
    ];
    for case in &cases {
        let scope = Scope::from_ids(case);
        for graph in &graphs() {
            for (method, params) in variants() {
                for p in [Parallelism::Serial, Parallelism::Parallel] {
                    let x = scope.rank(method, &params, graph, p);
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
fn params_defaults() {
    let p = RankParams::default();
    assert_eq!(p.lexrank_threshold, None);
    assert_eq!(p.seed, 42);
    // PacSum: forward links only (tuned on BBC dev; the paper uses -2, 1, 0.6).
    assert_eq!((p.pacsum_lambda1, p.pacsum_lambda2, p.pacsum_beta), (0.0, 1.0, 0.3));
    // Older configurations without the new fields still load.
    let old: RankParams = serde_json::from_str(
        r#"{"pagerank":{"damping":0.85,"tolerance":1e-6,"max_iterations":100}}"#,
    )
    .unwrap_or_else(|_| RankParams { seed: 0, ..p.clone() });
    assert_eq!(old, p);
}
