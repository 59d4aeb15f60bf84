use super::{RankInput, Ranker};

/// SumBasic (Nenkova & Vanderwende, "The Impact of Frequency on
/// Summarization", Microsoft Research MSR-TR-2005-101, 2005).
///
/// Each term gets its probability `p(w)` = its share of the content-word
/// tokens in scope; a sentence weighs the mean `p` of its tokens. As in the
/// paper, each step takes the most probable word still found in an unpicked
/// sentence and picks, among the unpicked sentences containing it, the one of
/// highest weight (ties: lowest term id, then first sentence); then every
/// distinct word of the picked sentence has its probability squared, so
/// what is already said counts less. Steps repeat until every sentence with
/// content words is picked.
///
/// Selection later takes sentences by score, so the score encodes the pick
/// order: the k-th pick (from 0) scores `n - k`. Sentences never picked
/// (without content words, or left when the work limit
/// [`WORK_LIMIT`](SumBasic::WORK_LIMIT) is reached on very large scopes) come
/// after every pick, by their current weight (ties by position), continuing the
/// countdown to 1.
///
/// # Complexity
/// Each pick scans the vocabulary and updates the weights of the sentences
/// sharing its words: O(picks · terms + Σ df²) overall, bounded by the work limit.
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, Position, RankInput, Ranker, SumBasic};
/// use salient::vectorize::TermMatrix;
///
/// // Term 0 is the most probable word; s1 holds it with the best mean.
/// let m = TermMatrix::new(&[vec![0, 1, 2], vec![0, 1], vec![0, 3], vec![]], 4);
/// let positions: Vec<Position> =
///     (0..4).map(|index| Position { article: 0, index, of: 4 }).collect();
/// let input = RankInput {
///     matrix: &m,
///     positions: &positions,
///     sequences: &[],
///     graph: &GraphOptions::default(),
///     parallelism: Parallelism::Serial,
///     graphs: None,
/// };
/// // Then p(0) and p(1) are squared, and s2 (without term 1) beats s0; s3 has
/// // no content words and comes last.
/// assert_eq!(SumBasic.rank(&input), [2.0, 4.0, 3.0, 1.0]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SumBasic;

impl SumBasic {
    /// Elementary steps (vocabulary scans and weight updates) after which the
    /// remaining sentences are ordered by their current weight instead of picked
    /// one by one; only scopes of tens of thousands of sentences reach it.
    pub const WORK_LIMIT: usize = 200_000_000;
}

impl Ranker for SumBasic {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let m = input.matrix;
        let n = m.n_sentences();
        let n_terms = m.n_terms();
        let mut p = vec![0f64; n_terms];
        for i in 0..n {
            for (&t, &c) in m.terms(i).iter().zip(m.counts(i)) {
                p[t as usize] += c as f64;
            }
        }
        let tokens: f64 = p.iter().sum();
        if tokens > 0.0 {
            p.iter_mut().for_each(|x| *x /= tokens);
        }
        // Token-weighted sum of p per sentence: its weight times its length.
        let mut sum: Vec<f64> = (0..n)
            .map(|i| {
                m.terms(i).iter().zip(m.counts(i)).map(|(&t, &c)| c as f64 * p[t as usize]).sum()
            })
            .collect();
        let len: Vec<f64> = (0..n).map(|i| m.length(i) as f64).collect();
        let weight = |sum: &[f64], i: usize| if len[i] > 0.0 { sum[i] / len[i] } else { 0.0 };
        // Unpicked sentences containing each term.
        let mut open = m.df().to_vec();
        let postings = m.postings();
        let mut picked = vec![false; n];
        let mut scores = vec![0f64; n];
        let mut next = n as f64;
        let mut work = 0usize;
        while work < Self::WORK_LIMIT {
            work += n_terms;
            let Some(best_word) = (0..n_terms)
                .filter(|&t| open[t] > 0)
                .reduce(|a, b| if p[b] > p[a] { b } else { a })
            else {
                break;
            };
            let (rows, _) = postings.of(best_word as u32);
            let Some(i) = rows
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| !picked[r])
                .reduce(|a, b| if weight(&sum, b) > weight(&sum, a) { b } else { a })
            else {
                // Unreachable while `open` is consistent; stop rather than loop.
                break;
            };
            picked[i] = true;
            scores[i] = next;
            next -= 1.0;
            for &t in m.terms(i) {
                let t = t as usize;
                open[t] -= 1;
                let old = p[t];
                p[t] = old * old;
                let (rows, entries) = postings.of(t as u32);
                work += rows.len();
                for (&r, &e) in rows.iter().zip(entries) {
                    let r = r as usize;
                    let count = m.counts(r)[e - m.row_range(r).start] as f64;
                    sum[r] += count * (p[t] - old);
                }
            }
        }
        let mut rest: Vec<usize> = (0..n).filter(|&i| !picked[i]).collect();
        rest.sort_by(|&a, &b| weight(&sum, b).total_cmp(&weight(&sum, a)).then(a.cmp(&b)));
        for i in rest {
            scores[i] = next;
            next -= 1.0;
        }
        scores
    }
}
