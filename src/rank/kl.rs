use super::{RankInput, Ranker};

/// KL-Sum (Haghighi & Vanderwende, "Exploring Content Models for
/// Multi-Document Summarization", NAACL 2009).
///
/// Greedily grows a summary, each step adding the sentence that makes the
/// summary's unigram distribution `P_S` closest to the scope's `P_D`: the
/// smallest `KL(P_D ‖ P_S)`. `P_S` is smoothed additively,
/// `P_S(w) = (c_S(w) + δ) / (|S| + δ·V)` with `δ =`
/// [`SMOOTHING`](KlSum::SMOOTHING) and `V` the number of distinct terms in
/// scope, so words the summary lacks cost a finite amount. Ties go to the first
/// sentence.
///
/// Selection later takes sentences by score, so the score encodes the pick
/// order: the k-th pick (from 0) scores `n - k`. Sentences without content
/// words never change `P_S` and come last, by position. On very large scopes,
/// once [`WORK_LIMIT`](KlSum::WORK_LIMIT) term visits are spent, the sentences
/// not yet picked follow by the divergence each would give if added next.
///
/// # Complexity
/// Each step evaluates every unpicked sentence through its own terms only
/// (the divergence is updated incrementally): O(n · non-zeros) = O(n² · terms
/// per sentence) in all, bounded by the work limit. Candidates are evaluated
/// in parallel; the choice is a serial scan in sentence order.
///
/// # Example
/// ```
/// use salient::parallel::Parallelism;
/// use salient::rank::{GraphOptions, KlSum, Position, RankInput, Ranker};
/// use salient::vectorize::TermMatrix;
///
/// // P_D = (0.4, 0.4, 0.2). s1 covers the two frequent terms; then, with add-one
/// // smoothing, s0's extra term 0 gets closer to P_D (KL 1.075 + const) than
/// // s2's two words (1.091 + const).
/// let m = TermMatrix::new(&[vec![0], vec![0, 1], vec![1, 2], vec![]], 3);
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
/// assert_eq!(KlSum.rank(&input), [3.0, 4.0, 2.0, 1.0]);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct KlSum;

impl KlSum {
    /// Additive smoothing δ of the summary distribution (add-one). Smaller
    /// values make every missing word costly, which favours long sentences
    /// full of words used once.
    pub const SMOOTHING: f64 = 1.0;
    /// Term visits after which the remaining sentences are ordered by their
    /// last evaluated divergence instead of picked one by one.
    pub const WORK_LIMIT: usize = 200_000_000;
}

impl Ranker for KlSum {
    fn rank(&self, input: &RankInput<'_>) -> Vec<f64> {
        let m = input.matrix;
        let n = m.n_sentences();
        let delta = Self::SMOOTHING;
        let mut p_doc = vec![0f64; m.n_terms()];
        for i in 0..n {
            for (&t, &c) in m.terms(i).iter().zip(m.counts(i)) {
                p_doc[t as usize] += c as f64;
            }
        }
        let tokens: f64 = p_doc.iter().sum();
        if tokens > 0.0 {
            p_doc.iter_mut().for_each(|x| *x /= tokens);
        }
        let vocabulary = p_doc.iter().filter(|&&x| x > 0.0).count() as f64;
        let smoothing_mass = delta * vocabulary;
        let nnz: usize = (0..n).map(|i| m.terms(i).len()).sum();

        // KL(P_D ‖ P_S) = Σ P_D log P_D − Σ P_D log(c_S + δ) + log(|S| + δV); the
        // first sum is constant, `cross` tracks the second.
        let mut c_sum = vec![0f64; m.n_terms()];
        let mut size = 0f64;
        let mut cross = delta.ln();
        let mut open: Vec<bool> = (0..n).map(|i| !m.terms(i).is_empty()).collect();
        let mut remaining = open.iter().filter(|&&o| o).count();
        let mut scores = vec![0f64; n];
        let mut next = n as f64;
        let mut work = 0usize;
        let mut last = vec![f64::INFINITY; n];
        while remaining > 0 && work < Self::WORK_LIMIT {
            work += nnz + n;
            last = input.parallelism.map_range(n, |i| {
                if !open[i] {
                    return f64::INFINITY;
                }
                let gain: f64 = m
                    .terms(i)
                    .iter()
                    .zip(m.counts(i))
                    .map(|(&t, &c)| {
                        let (t, c) = (t as usize, c as f64);
                        p_doc[t] * ((c_sum[t] + c + delta).ln() - (c_sum[t] + delta).ln())
                    })
                    .sum();
                (size + m.length(i) as f64 + smoothing_mass).ln() - (cross + gain)
            });
            let Some(i) =
                (0..n).filter(|&i| open[i]).reduce(|a, b| if last[b] < last[a] { b } else { a })
            else {
                break;
            };
            for (&t, &c) in m.terms(i).iter().zip(m.counts(i)) {
                let (t, c) = (t as usize, c as f64);
                cross += p_doc[t] * ((c_sum[t] + c + delta).ln() - (c_sum[t] + delta).ln());
                c_sum[t] += c;
            }
            size += m.length(i) as f64;
            open[i] = false;
            remaining -= 1;
            scores[i] = next;
            next -= 1.0;
        }
        // Left by the work limit (by last divergence), then sentences without terms.
        let mut rest: Vec<usize> = (0..n).filter(|&i| open[i]).collect();
        rest.sort_by(|&a, &b| last[a].total_cmp(&last[b]).then(a.cmp(&b)));
        rest.extend((0..n).filter(|&i| m.terms(i).is_empty()));
        for i in rest {
            scores[i] = next;
            next -= 1.0;
        }
        scores
    }
}
