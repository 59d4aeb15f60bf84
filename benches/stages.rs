//! Stage benchmarks, serial and parallel side by side: segmentation, analysis,
//! similarity (dense and sparse) and ranking.
//!
//! Every benchmark first checks its answer against an independent, simpler
//! computation (or a known value), so a change that is fast but wrong fails
//! here instead of looking like a win.
//!
//!     cargo bench --bench stages
//!     cargo bench --bench stages -- similarity     # one group

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use salient::analyze::{Analyzer, Language, TermId, Vocabulary};
use salient::ingest::{Article, article_from_text};
use salient::parallel::Parallelism;
use salient::rank::{GraphOptions, PageRank, pagerank};
use salient::similarity::{Graph, Measure, SparseGraph, SparseOptions, dense};
use salient::summarize::sentences;
use salient::synthetic::{Generator, SEEDS};
use salient::vectorize::TermMatrix;

const MODES: [(&str, Parallelism); 2] =
    [("serial", Parallelism::Serial), ("parallel", Parallelism::Parallel)];

/// Sentences of the synthetic corpus for segmentation, analysis and sparse graphs.
const LARGE: usize = 20_000;
/// Sentences for dense graphs.
const SMALL: usize = 2_000;

fn articles(n: usize) -> Vec<Article> {
    Generator::from_seeds()
        .generate(n, 42, Parallelism::Parallel)
        .into_iter()
        .map(|a| article_from_text(a.id, None, a.text, false))
        .collect()
}

fn texts(articles: &[Article]) -> Vec<&str> {
    articles
        .iter()
        .flat_map(|a| sentences(a).into_iter().map(|s| &a.text[s.start..s.end]))
        .collect()
}

fn matrix(texts: &[&str]) -> TermMatrix {
    let mut vocabulary = Vocabulary::default();
    let ids =
        Analyzer::new(Language::English).analyze_all(texts, &mut vocabulary, Parallelism::Parallel);
    TermMatrix::new(&ids, vocabulary.len())
}

fn segment(c: &mut Criterion) {
    let corpus = articles(LARGE);
    let mut group = c.benchmark_group("segment");
    for (name, par) in MODES {
        let spans = par.map(&corpus, sentences);
        // The generator writes exactly LARGE sentences that each segment alone.
        assert_eq!(spans.iter().map(Vec::len).sum::<usize>(), LARGE);
        group.bench_function(BenchmarkId::new(name, LARGE), |b| {
            b.iter(|| par.map(black_box(&corpus), sentences))
        });
    }
    group.finish();
}

fn analyze(c: &mut Criterion) {
    let corpus = articles(LARGE);
    let texts = texts(&corpus);
    let analyzer = Analyzer::new(Language::English);
    // Reference: one text at a time, interned in order.
    let mut reference = Vocabulary::default();
    let want: Vec<Vec<TermId>> = texts
        .iter()
        .map(|t| analyzer.terms(t).iter().map(|s| reference.intern(s)).collect())
        .collect();
    let mut group = c.benchmark_group("analyze");
    for (name, par) in MODES {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(analyzer.analyze_all(&texts, &mut vocabulary, par), want);
        assert_eq!(vocabulary.len(), reference.len());
        group.bench_function(BenchmarkId::new(name, LARGE), |b| {
            b.iter(|| {
                let mut vocabulary = Vocabulary::default();
                analyzer.analyze_all(black_box(&texts), &mut vocabulary, par)
            })
        });
    }
    group.finish();
}

/// TextRank's overlap of two sentences, straight from its definition.
fn overlap(m: &TermMatrix, i: usize, j: usize) -> f32 {
    let shared = m.terms(i).iter().filter(|t| m.terms(j).contains(t)).count() as f32;
    let d = m.length(i).ln() + m.length(j).ln();
    if shared > 0.0 && d > 0.0 { shared / d } else { 0.0 }
}

fn similarity(c: &mut Criterion) {
    let small = articles(SMALL);
    let m = matrix(&texts(&small));
    let mut group = c.benchmark_group("similarity");
    for (name, par) in MODES {
        let s = dense(&m, Measure::Overlap, par);
        for (i, j) in [(0, 1), (5, 17), (100, 1_999), (1_234, 42)] {
            assert_eq!(s[[i, j]], s[[j, i]]);
            assert!((s[[i, j]] - overlap(&m, i, j)).abs() < 1e-5);
        }
        group.bench_function(BenchmarkId::new(format!("dense-{name}"), SMALL), |b| {
            b.iter(|| dense(black_box(&m), Measure::Overlap, par))
        });
    }
    let large = articles(LARGE);
    let m = matrix(&texts(&large));
    let options = SparseOptions::default();
    let serial = SparseGraph::build(&m, Measure::Overlap, &options, Parallelism::Serial);
    for (name, par) in MODES {
        let g = SparseGraph::build(&m, Measure::Overlap, &options, par);
        assert_eq!(g.edge_count(), serial.edge_count());
        for i in [0, 7, 9_999, LARGE - 1] {
            assert_eq!(g.row(i), serial.row(i));
            // Kept edges plus background: the exact total similarity of the row.
            let want: f64 =
                (0..LARGE).filter(|&j| j != i).map(|j| f64::from(overlap(&m, i, j))).sum();
            let got = g.row(i).1.iter().map(|&w| f64::from(w)).sum::<f64>() + g.background()[i];
            assert!((got - want).abs() < 1e-4 * want.max(1.0), "row {i}: {got} vs {want}");
            for (&j, &w) in g.row(i).0.iter().zip(g.row(i).1) {
                assert!((w - overlap(&m, i, j as usize)).abs() < 1e-5);
            }
        }
        group.bench_function(BenchmarkId::new(format!("sparse-{name}"), LARGE), |b| {
            b.iter(|| SparseGraph::build(black_box(&m), Measure::Overlap, &options, par))
        });
    }
    group.finish();
}

fn top(x: &[f64]) -> usize {
    (0..x.len()).max_by(|&a, &b| x[a].total_cmp(&x[b]).then(b.cmp(&a))).unwrap_or(0)
}

fn rank(c: &mut Criterion) {
    // Known answer: TextRank's best sentence of the bundled seed articles.
    let seeds: Vec<Article> = SEEDS
        .iter()
        .map(|(id, text)| article_from_text((*id).into(), None, (*text).into(), false))
        .collect();
    let texts_seeds = texts(&seeds);
    assert_eq!(texts_seeds.len(), SEED_SENTENCES);
    let m = matrix(&texts_seeds);
    let g = Graph::Dense(dense(&m, Measure::Overlap, Parallelism::Serial));
    assert_eq!(top(&pagerank(&g, &PageRank::default(), Parallelism::Serial)), SEED_TOP);

    let small = articles(SMALL);
    let m = matrix(&texts(&small));
    let dense_graph = Graph::Dense(dense(&m, Measure::Overlap, Parallelism::Parallel));
    let sparse_graph = Graph::Sparse(SparseGraph::build(
        &m,
        Measure::Overlap,
        &SparseOptions::default(),
        Parallelism::Parallel,
    ));
    let exact = pagerank(&dense_graph, &PageRank::default(), Parallelism::Serial);
    let mut group = c.benchmark_group("rank");
    for (name, par) in MODES {
        let x = pagerank(&dense_graph, &PageRank::default(), par);
        assert_eq!(x, exact);
        assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // The sparse graph with its background finds the same best sentence.
        let y = pagerank(&sparse_graph, &PageRank::default(), par);
        assert_eq!(top(&y), top(&exact));
        for (kind, graph) in [("dense", &dense_graph), ("sparse", &sparse_graph)] {
            group.bench_function(BenchmarkId::new(format!("{kind}-{name}"), SMALL), |b| {
                b.iter(|| pagerank(black_box(graph), &PageRank::default(), par))
            });
        }
    }
    group.finish();
}

/// The graph rankers' work on one article: similarity graph as
/// `RankInput::similarity_graph` builds it (default dense limit) and PageRank,
/// per seed article (real text, 12–40 sentences) and on synthetic sizes up to
/// the dense limit.
fn article(c: &mut Criterion) {
    let seeds: Vec<Article> = SEEDS
        .iter()
        .map(|(id, text)| article_from_text((*id).into(), None, (*text).into(), false))
        .collect();
    let per_article: Vec<TermMatrix> =
        seeds.iter().map(|a| matrix(&texts(std::slice::from_ref(a)))).collect();
    let synthetic: Vec<(usize, TermMatrix)> =
        [40, 500].into_iter().map(|n| (n, matrix(&texts(&articles(n))))).collect();
    let options = GraphOptions::default();
    let graph_rank = |m: &TermMatrix, measure: Measure, par: Parallelism| {
        let g = Graph::build(m, measure, options.dense_limit, &options.sparse, par);
        pagerank(&g, &PageRank::default(), par)
    };
    let mut group = c.benchmark_group("article");
    for (label, measure) in [("textrank", Measure::Overlap), ("lexrank", Measure::Cosine)] {
        for m in per_article.iter().chain(synthetic.iter().map(|(_, m)| m)) {
            // Same best sentence as PageRank on the full matrix, serial or parallel.
            let full = Graph::Dense(dense(m, measure, Parallelism::Serial));
            let want = top(&pagerank(&full, &PageRank::default(), Parallelism::Serial));
            let x = graph_rank(m, measure, Parallelism::Serial);
            assert_eq!(top(&x), want);
            assert_eq!(graph_rank(m, measure, Parallelism::Parallel), x);
        }
        for (name, par) in MODES {
            group.bench_function(BenchmarkId::new(format!("{label}-{name}"), "seeds"), |b| {
                b.iter(|| {
                    for m in &per_article {
                        black_box(graph_rank(black_box(m), measure, par));
                    }
                })
            });
            for (n, m) in &synthetic {
                group.bench_function(BenchmarkId::new(format!("{label}-{name}"), n), |b| {
                    b.iter(|| graph_rank(black_box(m), measure, par))
                });
            }
        }
    }
    group.finish();
}

/// Candidate sentences of the bundled seeds, and the index of TextRank's best.
const SEED_SENTENCES: usize = 127;
const SEED_TOP: usize = 16;

criterion_group! {
    name = stages;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = segment, analyze, similarity, rank, article
}
criterion_main!(stages);
