//! Stage benchmarks, serial and parallel side by side: segmentation, analysis,
//! similarity (dense and sparse) and ranking; and selection, which is serial;
//! and every method end to end on one DUC-sized cluster.
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
use salient::ingest::Article;
use salient::parallel::Parallelism;
use salient::rank::{GraphOptions, Method, PageRank, pagerank};
use salient::select::{Budget, Chosen, Selection, cosine, is_redundant, jaccard, select};
use salient::similarity::{Graph, Measure, SparseGraph, SparseOptions, dense};
use salient::summarize::{Config, Summarizer, sentences};
use salient::synthetic::{Generator, SEEDS};
use salient::vectorize::TermMatrix;

const MODES: [(&str, Parallelism); 2] =
    [("serial", Parallelism::Serial), ("parallel", Parallelism::Parallel)];

/// Sentences of the synthetic corpus for segmentation, analysis and sparse graphs.
const LARGE: usize = 20_000;
/// Sentences for dense graphs.
const SMALL: usize = 2_000;
/// Sentences for selection of the whole corpus, in MMR order.
const MEDIUM: usize = 10_000;

fn articles(n: usize) -> Vec<Article> {
    Generator::from_seeds()
        .generate(n, 42, Parallelism::Parallel)
        .into_iter()
        .map(|a| Article::from_text(a.id, a.text))
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
    let seeds: Vec<Article> =
        SEEDS.iter().map(|(id, text)| Article::from_text(*id, *text)).collect();
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

/// Cosine of each sentence to the TF-IDF centroid: a ranker's scores.
fn centroid_scores(m: &TermMatrix) -> Vec<f64> {
    let mut centroid = vec![0f64; m.n_terms()];
    for i in 0..m.n_sentences() {
        for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
            centroid[t as usize] += f64::from(w);
        }
    }
    (0..m.n_sentences())
        .map(|i| {
            let dot: f64 = m
                .terms(i)
                .iter()
                .zip(m.weights(i))
                .map(|(&t, &w)| f64::from(w) * centroid[t as usize])
                .sum();
            dot / f64::from(m.norm(i)).max(f64::MIN_POSITIVE)
        })
        .collect()
}

/// MMR selection straight from its definition: every pick scans all open
/// sentences and every choice updates the redundancy of all of them.
fn select_directly(sel: &Selection, scores: &[f64], m: &TermMatrix) -> Vec<Chosen> {
    let n = scores.len();
    let mut open: Vec<usize> = (0..n).collect();
    open.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let hi = scores.iter().copied().filter(|s| s.is_finite()).fold(0.0, f64::max);
    let max_sentences = sel.budget.max_sentences(n);
    let everything = max_sentences == n && sel.budget.max_words().is_none();
    let d = sel.diversity;
    let mut redundancy = vec![0f64; n];
    let mut chosen: Vec<Chosen> = Vec::new();
    while chosen.len() < max_sentences && !open.is_empty() {
        let mut best = 0;
        let mut best_value = f64::NEG_INFINITY;
        for (k, &i) in open.iter().enumerate() {
            let v = (1.0 - d) * (scores[i] / hi) - d * redundancy[i];
            if v > best_value {
                best_value = v;
                best = k;
            }
        }
        let i = open.remove(best);
        if !everything
            && chosen.iter().any(|c| is_redundant(m, c.sentence, i, sel.redundancy_threshold))
        {
            continue;
        }
        chosen.push(Chosen {
            sentence: i,
            rank: chosen.len() + 1,
            words_kept: None,
            duplicates: vec![],
        });
        for &j in &open {
            redundancy[j] = redundancy[j].max(cosine(m, i, j));
        }
    }
    for c in &mut chosen {
        c.duplicates = (0..n)
            .filter(|&j| j != c.sentence && jaccard(m, c.sentence, j) >= sel.duplicate_threshold)
            .collect();
    }
    chosen
}

fn selection(c: &mut Criterion) {
    let budgets = [("ratio-0.2", Budget::Ratio(0.2)), ("ratio-1", Budget::Ratio(1.0))];
    let mut group = c.benchmark_group("select");
    for size in [SMALL, MEDIUM] {
        let corpus = articles(size);
        let texts = texts(&corpus);
        let m = matrix(&texts);
        let scores = centroid_scores(&m);
        let words: Vec<usize> = texts.iter().map(|t| t.split_whitespace().count()).collect();
        for (name, budget) in budgets {
            // As `summarize --scope corpus` selects: MMR at diversity 0.4.
            let sel = Selection { budget, diversity: 0.4, ..Selection::default() };
            let got = select(&sel, &scores, &words, &m);
            if size == SMALL {
                assert_eq!(got, select_directly(&sel, &scores, &m));
            } else {
                assert!(got.len() <= sel.budget.max_sentences(size));
                assert!(got.iter().enumerate().all(|(k, c)| c.rank == k + 1));
                if name == "ratio-0.2" {
                    // No sentence is redundant with one chosen before it.
                    for (k, c) in got.iter().enumerate() {
                        assert!(got[..k.min(200)].iter().all(|e| !is_redundant(
                            &m,
                            e.sentence,
                            c.sentence,
                            sel.redundancy_threshold
                        )));
                    }
                }
                for c in got.iter().step_by(997) {
                    let want: Vec<usize> = (0..size)
                        .filter(|&j| {
                            j != c.sentence && jaccard(&m, c.sentence, j) >= sel.duplicate_threshold
                        })
                        .collect();
                    assert_eq!(c.duplicates, want);
                }
            }
            if size == MEDIUM && name == "ratio-1" {
                // The whole corpus, in MMR order.
                let mut ids: Vec<usize> = got.iter().map(|c| c.sentence).collect();
                ids.sort_unstable();
                assert_eq!(ids, (0..size).collect::<Vec<_>>());
            }
            group.bench_function(BenchmarkId::new(name, size), |b| {
                b.iter(|| select(black_box(&sel), &scores, &words, &m))
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
    let seeds: Vec<Article> =
        SEEDS.iter().map(|(id, text)| Article::from_text(*id, *text)).collect();
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

/// Sentences of a DUC 2004 cluster (10 articles, about 250 sentences).
const CLUSTER: usize = 250;

/// Every method end to end (segment → rank → select) on a synthetic cluster
/// the size of a DUC one, with the DUC budget of 100 words and the corpus
/// defaults: what `salient eval` does per cluster.
fn cluster(c: &mut Criterion) {
    let arts = articles(CLUSTER);
    let mut group = c.benchmark_group("cluster");
    for &method in Method::ALL {
        let mut config = Config::corpus_default().with_method(method);
        config.selection.budget = Budget::Words(100);
        config.parallelism = Parallelism::Serial;
        let summarizer = Summarizer::new(config).expect("valid config");
        let run = |s: &Summarizer| {
            let found = s.candidates(&arts);
            let ranked = s.rank(found);
            let chosen = ranked.select(&s.config().selection);
            let words: usize = chosen
                .iter()
                .map(|c| ranked.candidates().texts[c.sentence].split_whitespace().count())
                .sum();
            (chosen.iter().map(|c| c.sentence).collect::<Vec<_>>(), words)
        };
        let (chosen, words) = run(&summarizer);
        assert!(!chosen.is_empty() && words <= 100, "{method}: {words} words");
        group.bench_function(BenchmarkId::new(method.name(), CLUSTER), |b| {
            b.iter(|| black_box(run(&summarizer)))
        });
    }
    group.finish();
}

/// Candidate sentences of the bundled seeds, and the index of TextRank's best.
const SEED_SENTENCES: usize = 121;
const SEED_TOP: usize = 14;

criterion_group! {
    name = stages;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    targets = segment, analyze, similarity, rank, selection, article, cluster
}
criterion_main!(stages);
