use nalgebra::DMatrix;

use super::random::splitmix64;
use super::{RankInput, Ranker};
use crate::parallel::Parallelism;
use crate::vectorize::TermMatrix;

/// Latent semantic analysis (Steinberger & Ježek, "Using Latent Semantic
/// Analysis in Text Summarization and Summary Evaluation", ISIM 2004).
///
/// The term-by-sentence matrix `A` is binary: 1 where a sentence uses a term
/// (Steinberger et al. 2007 found binary local weights best for this method;
/// TF-IDF weights favour sentences full of rare words). With its singular value
/// decomposition `A = U Σ Vᵀ`, each right singular vector is a topic and
/// `v_k,i` says how much sentence `i` is about topic `k`; a sentence scores the
/// length of its vector in the reduced topic space, `sqrt(Σ_k σ_k² · v_k,i²)`,
/// over the [`TOPICS`](Lsa::TOPICS) largest singular values.
///
/// The number of topics is fixed and small because sentences share few words:
/// the spectrum of a sentence matrix is flat, so a relative cut (such as
/// "σ at least half the largest") keeps most dimensions, and with all of them
/// the score is just `‖a_i‖`, the square root of the sentence's number of
/// distinct words.
///
/// `V` and `σ²` are computed as the eigenvectors and eigenvalues of the
/// sentence Gram matrix `AᵀA`, which is n×n however large the vocabulary.
/// Up to [`EXACT_LIMIT`](Lsa::EXACT_LIMIT) sentences the decomposition is
/// exact (`nalgebra`'s symmetric eigen-decomposition); above, the topics come
/// from [`ROUNDS`](Lsa::ROUNDS) rounds of subspace iteration on a block of
/// [`BLOCK`](Lsa::BLOCK) vectors with sparse products, which never forms
/// `AᵀA`. Every step runs in a fixed order, so results don't depend on the
/// thread count.
///
/// # Complexity
/// Exact: O(Σ df² + n³). Iterative: O(rounds · (non-zeros · b + n · b²)) with
/// b = `BLOCK`.
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, Lsa, Position, RankInput, Ranker};
/// use salient::vectorize::TermMatrix;
///
/// // Sentences 0–3 share terms 0 and 1; 4 and 5 share term 2.
/// let sentences = [vec![0, 1], vec![0, 1, 3], vec![0, 1, 4], vec![0], vec![2], vec![2, 5]];
/// let m = TermMatrix::new(&sentences, 6);
/// let positions: Vec<Position> =
///     (0..6).map(|index| Position { article: 0, index, of: 6 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &[],
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
///     graphs: None,
/// };
/// let x: Vec<String> = Lsa.rank(&input).iter().map(|v| format!("{v:.3}")).collect();
/// // σ² = 7.18, 2.62, 1.00 (then 0.57, ...): s1 and s2 are strongest on the main
/// // topic, s5 carries the second; s3 and s4, one word each, score lowest.
/// assert_eq!(x.join(" "), "1.342 1.712 1.712 0.721 0.851 1.376");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Lsa;

impl Lsa {
    /// Number of topics (largest singular values) a score sums over.
    pub const TOPICS: usize = 3;
    /// Largest scope decomposed exactly.
    pub const EXACT_LIMIT: usize = 500;
    /// Vectors iterated together above the exact limit (more than `TOPICS`,
    /// so the top topics converge fast).
    pub const BLOCK: usize = 16;
    /// Rounds of subspace iteration above the exact limit.
    pub const ROUNDS: usize = 40;
}

impl Ranker for Lsa {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        scores(input.matrix, Self::EXACT_LIMIT, input.parallelism)
    }
}

fn scores(m: &TermMatrix, exact_limit: usize, parallelism: Parallelism) -> Vec<f64> {
    let n = m.n_sentences();
    if (0..n).all(|i| m.terms(i).is_empty()) {
        return vec![0.0; n];
    }
    let (values, vectors) =
        if n <= exact_limit { exact(m, parallelism) } else { iterative(m, parallelism) };
    // Largest first; ties by index so the choice is reproducible.
    let mut topics: Vec<usize> = (0..values.len()).filter(|&k| values[k] > 0.0).collect();
    topics.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    topics.truncate(Lsa::TOPICS);
    (0..n)
        .map(|i| {
            topics
                .iter()
                .map(|&k| values[k] * vectors[(i, k)] * vectors[(i, k)])
                .sum::<f64>()
                .sqrt()
        })
        .collect()
}

/// Eigenvalues (σ², clamped at 0) and eigenvectors (columns) of the dense
/// `AᵀA`, whose entries count the distinct terms two sentences share.
fn exact(m: &TermMatrix, parallelism: Parallelism) -> (Vec<f64>, DMatrix<f64>) {
    let n = m.n_sentences();
    let postings = m.postings();
    let mut gram = vec![0f64; n * n];
    parallelism.for_each_row(&mut gram, n, |i, row| {
        for &t in m.terms(i) {
            for &j in postings.of(t).0 {
                row[j as usize] += 1.0;
            }
        }
    });
    // Row-major and symmetric, so reading it column-major gives the same matrix.
    let gram = DMatrix::from_vec(n, n, gram);
    match gram.clone().try_symmetric_eigen(f64::EPSILON, 100_000) {
        Some(e) => (e.eigenvalues.iter().map(|&v| v.max(0.0)).collect(), e.eigenvectors),
        // Not converged: fall back to each sentence's own length as its only topic.
        None => (vec![1.0], DMatrix::from_fn(n, 1, |i, _| gram[(i, i)].max(0.0).sqrt())),
    }
}

/// The top eigenpairs of `AᵀA` by subspace iteration with sparse products.
fn iterative(m: &TermMatrix, parallelism: Parallelism) -> (Vec<f64>, DMatrix<f64>) {
    let n = m.n_sentences();
    let k = Lsa::BLOCK.min(n);
    let postings = m.postings();
    // AᵀA · q without forming AᵀA: first A · q per term, then Aᵀ of that per sentence.
    let gram_times = |q: &DMatrix<f64>| -> DMatrix<f64> {
        let by_term: Vec<Vec<f64>> = parallelism.map_range(m.n_terms(), |t| {
            let mut z = vec![0f64; k];
            for &i in postings.of(t as u32).0 {
                for (c, zc) in z.iter_mut().enumerate() {
                    *zc += q[(i as usize, c)];
                }
            }
            z
        });
        let by_sentence: Vec<Vec<f64>> = parallelism.map_range(n, |i| {
            let mut y = vec![0f64; k];
            for &t in m.terms(i) {
                for (yc, zc) in y.iter_mut().zip(&by_term[t as usize]) {
                    *yc += zc;
                }
            }
            y
        });
        DMatrix::from_fn(n, k, |i, c| by_sentence[i][c])
    };
    let mut state = 0x5EED;
    let start = DMatrix::from_fn(n, k, |_, _| {
        (splitmix64(&mut state) >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    });
    let mut q = start.qr().q();
    for _ in 0..Lsa::ROUNDS {
        q = gram_times(&q).qr().q();
    }
    let small = q.transpose() * gram_times(&q);
    let small = (&small + small.transpose()) * 0.5;
    match small.try_symmetric_eigen(f64::EPSILON, 100_000) {
        Some(e) => (e.eigenvalues.iter().map(|&v| v.max(0.0)).collect(), q * e.eigenvectors),
        None => (vec![0.0], DMatrix::zeros(n, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iterative_matches_exact() {
        // Topics of different strength over 60 sentences.
        let sentences: Vec<Vec<u32>> = (0..60u32)
            .map(|i| match i % 6 {
                0..=2 => vec![0, 1, 10 + i],
                3 | 4 => vec![2, 3],
                _ => vec![4, 10 + i],
            })
            .collect();
        let m = TermMatrix::new(&sentences, 80);
        let exact = scores(&m, 1000, Parallelism::Serial);
        let iterative = scores(&m, 0, Parallelism::Serial);
        for (a, b) in exact.iter().zip(&iterative) {
            assert!((a - b).abs() < 1e-6, "{exact:?} {iterative:?}");
        }
        assert_eq!(iterative, scores(&m, 0, Parallelism::Parallel));
    }

    #[test]
    fn rank_deficient_scopes_stay_finite() {
        let m = TermMatrix::new(&vec![vec![0, 1]; 40], 2);
        for limit in [0, 100] {
            let x = scores(&m, limit, Parallelism::Serial);
            assert!(x.iter().all(|v| v.is_finite()), "{x:?}");
            assert!((x[0] - x[39]).abs() < 1e-9);
        }
    }
}
