use ndarray::linalg::general_mat_vec_mul;
use std::ops::Range;

use ndarray::{Array1, Array2, ArrayViewMut1, CowArray, s};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::parallel::Parallelism;
use crate::similarity::Graph;

/// Rows per block of a parallel matrix–vector product.
const BLOCK: usize = 64;
/// Graphs of fewer nodes iterate on the calling thread: an iteration of an
/// article's graph takes about a microsecond, less than a rayon hand-off.
const PARALLEL_MIN: usize = 2 * BLOCK;
/// Largest dense graph whose f64 weights are copied once (128 MiB).
const DENSE_COPY_MAX: usize = 4096;

/// Settings of weighted PageRank by power iteration.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PageRank {
    /// Damping factor.
    pub damping: f64,
    /// Stop when the L1 change of the scores falls below this.
    pub tolerance: f64,
    /// Stop after this many iterations at the latest.
    pub max_iterations: usize,
}

impl PageRank {
    /// Checks the settings: damping in [0, 1), a positive tolerance, at
    /// least one iteration.
    pub fn validate(&self) -> Result<()> {
        let bad = |parameter: &str, reason: &str| {
            Err(Error::InvalidParameter {
                method: "pagerank",
                parameter: parameter.to_owned(),
                reason: reason.to_owned(),
            })
        };
        if !(0.0..1.0).contains(&self.damping) {
            return bad("damping", "must be in [0, 1)");
        }
        if !(self.tolerance.is_finite() && self.tolerance > 0.0) {
            return bad("tolerance", "must be a positive number");
        }
        if self.max_iterations == 0 {
            return bad("max_iterations", "must be at least 1");
        }
        Ok(())
    }
}

impl Default for PageRank {
    fn default() -> Self {
        PageRank { damping: 0.85, tolerance: 1e-6, max_iterations: 100 }
    }
}

/// Weighted PageRank (Brin & Page 1998) over a symmetric similarity graph.
///
/// `x_i = (1 - d)/n + d · (Σ_j w_ij / out_j · x_j + dangling/n)`, where
/// `out_j` is the total edge weight of `j` and `dangling` the score mass of
/// nodes without edges, which is spread evenly so scores keep summing to 1.
/// An isolated sentence thus gets a small, well-defined score, never NaN.
///
/// On a pruned graph, the similarity its pruned edges held (each node's
/// [`Graph::background`] `b_j`) stays part of `out_j` and flows as a rank-one
/// stand-in for those edges: `b_i · Σ_j b_j / out_j · x_j / Σ_j b_j` is added
/// to the neighbour sum, so each node keeps its exact total similarity.
///
/// On a [`Graph::Dense`] matrix each iteration is one matrix–vector product
/// (`ndarray`'s `general_mat_vec_mul`) of the weights, diagonal and
/// non-positive entries zeroed, with `x_j / out_j`; on a sparse graph it
/// walks each node's neighbour list.
///
/// # Complexity
/// O(iterations · n²) dense, O(iterations · edges) sparse. Each iteration is
/// parallel over blocks of nodes (from 128 nodes on) and every node's sum runs
/// in a fixed order, so thread count doesn't change results.
///
/// # Example
/// ```
/// use ndarray::array;
/// use salient::parallel::Parallelism;
/// use salient::rank::{pagerank, PageRank};
/// use salient::similarity::Graph;
///
/// // A path a — b — c: b links to both ends.
/// let g = Graph::Dense(array![[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]);
/// let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
/// assert_eq!(format!("{:.4} {:.4} {:.4}", x[0], x[1], x[2]), "0.2568 0.4865 0.2568");
/// ```
pub fn pagerank(graph: &Graph, settings: &PageRank, parallelism: Parallelism) -> Vec<f64> {
    match graph {
        Graph::Dense(a) => dense(a, settings, parallelism, DENSE_COPY_MAX),
        Graph::Sparse(_) => sparse(graph, settings, parallelism),
    }
}

fn dense(
    a: &Array2<f32>,
    settings: &PageRank,
    parallelism: Parallelism,
    copy_max: usize,
) -> Vec<f64> {
    let n = a.nrows();
    if n == 0 {
        return Vec::new();
    }
    let parallelism = if n < PARALLEL_MIN { Parallelism::Serial } else { parallelism };
    // Rows of f64 weights, made once up to `copy_max` nodes,
    // else block by block in each iteration (a copy of a large matrix would
    // triple its memory); the values, and so the results, are the same.
    let copy = (n <= copy_max).then(|| edges(a, 0..n));
    let rows = |r: Range<usize>| match &copy {
        Some(w) => CowArray::from(w.slice(s![r, ..])),
        None => CowArray::from(edges(a, r)),
    };
    let blocks = n.div_ceil(BLOCK);
    let out: Vec<f64> = parallelism
        .map_range(blocks, |b| {
            let w = rows(b * BLOCK..((b + 1) * BLOCK).min(n));
            w.rows().into_iter().map(|r| r.sum()).collect::<Vec<f64>>()
        })
        .concat();
    let d = settings.damping;
    let mut x = Array1::from_elem(n, 1.0 / n as f64);
    let mut spread = Array1::<f64>::zeros(n);
    let mut next = Array1::<f64>::zeros(n);
    for _ in 0..settings.max_iterations {
        let mut dangling = 0.0;
        for ((s, &xj), &o) in spread.iter_mut().zip(&x).zip(&out) {
            if o > 0.0 {
                *s = xj / o;
            } else {
                *s = 0.0;
                dangling += xj;
            }
        }
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        if let Some(next) = next.as_slice_mut() {
            // Each row's dot product is the same whichever block holds it.
            parallelism.for_each_row(next, BLOCK, |b, chunk| {
                let w = rows(b * BLOCK..b * BLOCK + chunk.len());
                general_mat_vec_mul(1.0, &w, &spread, 0.0, &mut ArrayViewMut1::from(chunk));
            });
        }
        let mut change = 0.0;
        for (nx, &xi) in next.iter_mut().zip(&x) {
            *nx = base + d * *nx;
            change += (*nx - xi).abs();
        }
        std::mem::swap(&mut x, &mut next);
        if change < settings.tolerance {
            break;
        }
    }
    x.to_vec()
}

/// Rows `r` of `a` as the edges PageRank follows, in f64: no self-loops, only
/// positive weights (as [`Graph::for_each_neighbor`] yields them).
fn edges(a: &Array2<f32>, r: Range<usize>) -> Array2<f64> {
    let n = a.nrows();
    let mut w = Array2::<f64>::zeros((r.len(), n));
    let k = n.min(a.ncols());
    w.slice_mut(s![.., ..k]).zip_mut_with(&a.slice(s![r.clone(), ..k]), |w, &v| {
        if v > 0.0 {
            *w = f64::from(v);
        }
    });
    for (row, i) in w.rows_mut().into_iter().zip(r) {
        if let Some(v) = row.into_slice().and_then(|x| x.get_mut(i)) {
            *v = 0.0;
        }
    }
    w
}

fn sparse(graph: &Graph, settings: &PageRank, parallelism: Parallelism) -> Vec<f64> {
    let n = graph.len();
    if n == 0 {
        return Vec::new();
    }
    let background: Vec<f64> = (0..n).map(|i| graph.background(i)).collect();
    let total_background: f64 = background.iter().sum();
    let out: Vec<f64> = parallelism.map_range(n, |j| {
        let mut s = 0.0;
        graph.for_each_neighbor(j, |_, w| s += w as f64);
        s + background[j]
    });
    let d = settings.damping;
    let mut x = vec![1.0 / n as f64; n];
    for _ in 0..settings.max_iterations {
        let spread: Vec<f64> =
            x.iter().zip(&out).map(|(&xj, &o)| if o > 0.0 { xj / o } else { 0.0 }).collect();
        let dangling: f64 = x.iter().zip(&out).filter(|(_, o)| **o == 0.0).map(|(xj, _)| xj).sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        // What flows through the pruned edges, shared in proportion to background.
        let pool = if total_background > 0.0 {
            background.iter().zip(&spread).map(|(b, s)| b * s).sum::<f64>() / total_background
        } else {
            0.0
        };
        let next: Vec<f64> = parallelism.map_range(n, |i| {
            let mut s = 0.0;
            graph.for_each_neighbor(i, |j, w| s += w as f64 * spread[j]);
            base + d * (s + background[i] * pool)
        });
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if change < settings.tolerance {
            break;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn hand_computed_path_graph() {
        // Solved by hand: a = 0.05 + 0.425 b, b = 0.05 + 1.7 a
        // → a = 0.07125 / 0.2775, b = 0.05 + 1.7 a.
        let g = Graph::Dense(array![[0.0, 1.0, 0.0], [1.0, 0.0, 1.0], [0.0, 1.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
        let a = 0.07125 / 0.2775;
        assert!((x[0] - a).abs() < 1e-5 && (x[2] - a).abs() < 1e-5);
        assert!((x[1] - (0.05 + 1.7 * a)).abs() < 1e-5);
    }

    #[test]
    fn isolated_nodes_keep_a_small_score() {
        let g = Graph::Dense(array![[0.0, 2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Parallel);
        assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // x2 = 0.05 + 0.85 · x2 / 3: its own mass comes back spread evenly.
        assert!((x[2] - 0.05 / (1.0 - 0.85 / 3.0)).abs() < 1e-5, "{x:?}");
        assert!((x[0] - x[1]).abs() < 1e-12);
    }

    #[test]
    fn background_keeps_a_pruned_graph_ranking_like_the_full_one() {
        use crate::similarity::{Measure, SparseGraph, SparseOptions, dense};
        use crate::vectorize::TermMatrix;
        let rows: Vec<Vec<u32>> =
            (0..300u32).map(|i| vec![i % 3, 3 + i % 11, 14 + i % 37, 51 + (i * 7) % 60]).collect();
        let m = TermMatrix::new(&rows, 111);
        let full = pagerank(
            &Graph::Dense(dense(&m, Measure::Overlap, Parallelism::Serial)),
            &PageRank::default(),
            Parallelism::Serial,
        );
        let options =
            SparseOptions { top_k: 2, pairs_per_sentence: 20, ..SparseOptions::default() };
        let pruned =
            Graph::Sparse(SparseGraph::build(&m, Measure::Overlap, &options, Parallelism::Serial));
        let x = pagerank(&pruned, &PageRank::default(), Parallelism::Parallel);
        assert!((x.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let l1: f64 = x.iter().zip(&full).map(|(a, b)| (a - b).abs()).sum();
        assert!(l1 < 0.05, "{l1}");
    }

    #[test]
    fn dense_blocks_iterate_alike_on_any_thread_count() {
        use crate::similarity::{Measure, dense};
        use crate::vectorize::TermMatrix;
        let rows: Vec<Vec<u32>> =
            (0..300u32).map(|i| vec![i % 3, 3 + i % 11, 14 + i % 37, 51 + (i * 7) % 60]).collect();
        let m = TermMatrix::new(&rows, 111);
        for measure in [Measure::Cosine, Measure::Overlap] {
            let g = Graph::Dense(dense(&m, measure, Parallelism::Parallel));
            let a = pagerank(&g, &PageRank::default(), Parallelism::Serial);
            let b = pagerank(&g, &PageRank::default(), Parallelism::Parallel);
            assert!((a.iter().sum::<f64>() - 1.0).abs() < 1e-9);
            let bits = |x: &[f64]| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b), "{measure:?}");
            // Weights converted block by block in each iteration: the same.
            let Graph::Dense(w) = &g else { continue };
            let c = super::dense(w, &PageRank::default(), Parallelism::Parallel, 0);
            assert_eq!(bits(&a), bits(&c), "{measure:?}");
        }
    }

    #[test]
    fn self_loops_are_ignored() {
        let g = Graph::Dense(array![[5.0, 1.0], [1.0, 0.0]]);
        let x = pagerank(&g, &PageRank::default(), Parallelism::Serial);
        assert!((x[0] - 0.5).abs() < 1e-9 && (x[1] - 0.5).abs() < 1e-9);
    }
}

/// Up to the dense limit graph rankers run on the ndarray matrix, above on
/// the sparse graph; on real articles both must rank alike.
#[cfg(test)]
mod paths {
    use std::path::{Path, PathBuf};

    use crate::analyze::{Analyzer, Language, Vocabulary};
    use crate::ingest::article_from_text;
    use crate::parallel::Parallelism;
    use crate::rank::{GraphOptions, Method, PageRank, Position, RankInput, pagerank};
    use crate::similarity::Measure::{Cosine, Overlap};
    use crate::similarity::{Graph, SparseGraph, SparseOptions};
    use crate::summarize::sentences;
    use crate::vectorize::TermMatrix;

    /// `../shared/<rel>`; a missing folder fails under `CI=true`.
    fn shared(rel: &str) -> Option<PathBuf> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
        if path.exists() {
            return Some(path);
        }
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{} is missing", path.display());
        eprintln!("skipped: {} not found", path.display());
        None
    }

    /// The seed articles and the documents of the first DUC 2004 clusters.
    fn articles() -> Option<Vec<String>> {
        let mut texts = Vec::new();
        let mut seeds: Vec<PathBuf> = std::fs::read_dir(shared("seeds")?)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        seeds.sort();
        texts.extend(seeds.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        let duc = std::fs::read_to_string(shared("eval/duc2004/dev.jsonl")?).ok()?;
        for line in duc.lines().take(8) {
            let cluster: serde_json::Value = serde_json::from_str(line).ok()?;
            let docs = cluster["documents"].as_array()?;
            texts.extend(docs.iter().filter_map(|d| d.as_str().map(String::from)));
        }
        Some(texts)
    }

    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
        let mut r = vec![0.0; v.len()];
        let mut k = 0;
        while k < order.len() {
            let e = k + order[k..].iter().take_while(|&&i| v[i] == v[order[k]]).count();
            for &i in &order[k..e] {
                r[i] = (k + e - 1) as f64 / 2.0;
            }
            k = e;
        }
        r
    }

    fn spearman(x: &[f64], y: &[f64]) -> f64 {
        let (rx, ry) = (ranks(x), ranks(y));
        let n = rx.len() as f64;
        let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
        let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
        let sx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
        let sy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
        if sx == 0.0 || sy == 0.0 { f64::from(sx == sy) } else { cov / (sx * sy).sqrt() }
    }

    fn best(x: &[f64]) -> usize {
        (0..x.len()).max_by(|&a, &b| x[a].total_cmp(&x[b]).then(b.cmp(&a))).unwrap_or(0)
    }

    #[test]
    fn dense_and_sparse_graphs_rank_real_articles_alike() {
        let Some(texts) = articles() else { return };
        assert!(texts.len() > 50, "{} articles", texts.len());
        let analyzer = Analyzer::new(Language::English);
        let dense = GraphOptions::default();
        // Every pair kept: the same graph as the dense matrix, in sparse rows.
        let unpruned = GraphOptions {
            dense_limit: 0,
            sparse: SparseOptions {
                top_k: usize::MAX,
                min_similarity: 0.0,
                max_df: None,
                pairs_per_sentence: usize::MAX,
            },
        };
        let pruned = GraphOptions { dense_limit: 0, ..GraphOptions::default() };
        let settings = PageRank::default();
        let (mut compared, mut worst_pruned) = (0, 1f64);
        for text in &texts {
            let article = article_from_text(String::new(), None, text.clone(), false);
            let spans = sentences(&article);
            let texts: Vec<&str> = spans.iter().map(|s| &article.text[s.start..s.end]).collect();
            let n = texts.len();
            if n < 5 {
                continue;
            }
            let mut vocabulary = Vocabulary::default();
            let ids = analyzer.analyze_all(&texts, &mut vocabulary, Parallelism::Serial);
            let matrix = TermMatrix::new(&ids, vocabulary.len());
            let positions: Vec<Position> =
                (0..n).map(|index| Position { article: 0, index, of: n }).collect();
            let rank = |method: Method, graph: &GraphOptions| {
                let input = RankInput {
                    matrix: &matrix,
                    positions: &positions,
                    sequences: &ids,
                    graph,
                    parallelism: Parallelism::Parallel,
                    graphs: None,
                };
                method.config().ranker().rank(&input)
            };
            let close = |method: Method, x: &[f64], y: &[f64]| {
                let far = x.iter().zip(y).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
                assert!(far < 1e-6, "{method}, {n} sentences: {x:?} vs {y:?}");
                assert_eq!(best(x), best(y), "{method}: {x:?} vs {y:?}");
                assert!(spearman(x, y) > 0.999, "{method}: {x:?} vs {y:?}");
            };
            for (method, measure) in [(Method::Textrank, Overlap), (Method::Lexrank, Cosine)] {
                let x = rank(method, &dense);
                // Every positive pair and no background: the dense matrix's
                // edges as sparse rows.
                let all =
                    SparseGraph::build(&matrix, measure, &unpruned.sparse, Parallelism::Serial);
                let edges = Graph::Sparse(all.map_weights(|w| w));
                close(method, &x, &pagerank(&edges, &settings, Parallelism::Serial));
                let z = rank(method, &pruned);
                worst_pruned = worst_pruned.min(spearman(&x, &z));
                compared += 1;
            }
            // PacSum reads edges only: the unpruned graph is the dense one.
            close(Method::Pacsum, &rank(Method::Pacsum, &dense), &rank(Method::Pacsum, &unpruned));
        }
        assert!(compared > 100, "{compared}");
        eprintln!("{compared} rankings; pruned graphs: Spearman at least {worst_pruned:.4}");
        assert!(worst_pruned > 0.9, "{worst_pruned}");
    }
}
