//! Choosing the summary: length budgets, redundancy control and ordering.
//!
//! Selection is greedy in rank order. With `diversity > 0` it is Maximal
//! Marginal Relevance (Carbonell & Goldstein 1998): the next sentence maximises
//! `(1 - diversity) · score - diversity · max cosine to the sentences already chosen`,
//! scores divided by the best score. Independently of MMR, a candidate that is
//! redundant with a chosen sentence (they share more than
//! `redundancy_threshold` of the shorter one's distinct content words) is never
//! chosen, and the sentences whose Jaccard similarity with a chosen one reaches
//! `duplicate_threshold` are reported as other places its fact appears.

mod budget;
pub mod coherence;
#[cfg(test)]
mod equivalence;

pub use budget::Budget;

use serde::{Deserialize, Serialize};

use std::collections::BinaryHeap;

use crate::analyze::TermId;
use crate::vectorize::{Postings, TermMatrix};

/// Selection settings; a plain value written into JSON output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// How long the summary may be.
    pub budget: Budget,
    /// Weight of redundancy against relevance in MMR, from 0 (pure rank order) to 1.
    pub diversity: f64,
    /// Share of the shorter sentence's distinct content words above which a
    /// candidate is redundant with a chosen sentence and skipped:
    /// [`ARTICLE_REDUNDANCY`] by default, [`CORPUS_REDUNDANCY`] for a summary
    /// of many articles.
    pub redundancy_threshold: f64,
    /// Jaccard similarity of content-word sets from which two sentences are
    /// near-duplicates: the same fact, reported together.
    pub duplicate_threshold: f64,
    /// With a word budget, cut the last sentence at the budget instead of
    /// skipping to a shorter one (as the DUC evaluations do).
    pub truncate: bool,
    /// Choose a sentence that needs its predecessor (see [`coherence`]) with
    /// that predecessor: bring it in when the budget allows, else skip the
    /// sentence for a self-contained one; one of the summary's best sentences
    /// brings in only a short predecessor and otherwise stands alone (see
    /// [`select_coherent`]).
    #[serde(default = "yes")]
    pub coherence: bool,
}

/// The redundancy threshold within one article: a sentence is skipped only
/// when more than four fifths of its content words (or the chosen one's, if
/// shorter) are in a chosen sentence. One writer seldom states a fact twice,
/// so sentences that share the article's names and topic words are mostly
/// different facts; a lower threshold skips them too (docs/quality.md,
/// "Redundancy").
pub const ARTICLE_REDUNDANCY: f64 = 0.8;

/// The redundancy threshold across many articles, where several reports of
/// one fact in different words are the main risk: half of the shorter
/// sentence's content words.
pub const CORPUS_REDUNDANCY: f64 = 0.5;

fn yes() -> bool {
    true
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            budget: Budget::default(),
            diversity: 0.0,
            redundancy_threshold: ARTICLE_REDUNDANCY,
            duplicate_threshold: 0.5,
            truncate: false,
            coherence: true,
        }
    }
}

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Chosen {
    /// Index of the sentence in scope.
    pub sentence: usize,
    /// 1-based order in which it was chosen.
    pub rank: usize,
    /// With `truncate`, the number of words kept when the sentence was cut.
    pub words_kept: Option<usize>,
    /// Near-duplicates of it among the other sentences, ascending.
    pub duplicates: Vec<usize>,
}

/// Chooses sentences by `scores` within the budget; `words[i]` is sentence
/// `i`'s length in words. Returns them in the order chosen.
///
/// # Complexity
/// Only sentences sharing a term with a chosen one can be redundant with it,
/// lose MMR value to it or be its near-duplicate, so each choice costs the
/// lengths of the posting lists of its terms rather than a pass over all `n`
/// sentences; MMR keeps its candidates in a max-heap whose values only fall.
pub fn select(
    selection: &Selection,
    scores: &[f64],
    words: &[usize],
    matrix: &TermMatrix,
) -> Vec<Chosen> {
    select_coherent(selection, scores, words, matrix, None)
}

/// At most this many predecessors are brought in for one chosen sentence
/// ("It said…" after "He added…" after the sentence naming him): a longer
/// chain spends the budget on one passage, so its last sentence is skipped.
pub const MAX_ANTECEDENTS: usize = 2;

/// A sentence needing its predecessor is one of the summary's best (a "core"
/// sentence) when it is at least this long and ranks in the first
/// [`CORE_SHARE`] of the sentences plain rank order would choose: skipping it,
/// or spending its neighbours' place on a predecessor the ranker placed low,
/// loses most of what the summary says (docs/quality.md, "Coherence").
const CORE_MIN_WORDS: usize = 17;

/// The share of the expected summary (in sentences, in rank order) whose long
/// sentences are core.
const CORE_SHARE: f64 = 0.5;

/// Only summaries expected to hold at least this many sentences have core
/// sentences: in a shorter one a dangling sentence is most of what is read.
const CORE_MIN_SUMMARY: usize = 3;

/// A core sentence brings in a predecessor only shorter than this many words
/// (a short antecedent costs little of the budget); else it stands alone.
const SHORT_ANTECEDENT: usize = 13;

/// [`select`], where `needs[i]` says that sentence `i` needs sentence `i - 1`
/// (see [`coherence::needs_predecessor`]). With `selection.coherence`, a
/// sentence whose predecessor is not chosen is chosen with it (and its own
/// predecessors, up to [`MAX_ANTECEDENTS`]) when they fit the budget and none
/// is redundant or already skipped; otherwise it is skipped for the next
/// sentence. A core sentence (at least 17 words, in the first half of the
/// sentences plain rank order would choose, when that is at least three) is
/// the exception: it brings in its predecessors only when each is shorter
/// than 13 words and they fit, and is otherwise chosen alone. The
/// predecessors are reported as chosen just before it. `None` flags nothing.
///
/// # Complexity
/// As [`select`]: each chosen sentence adds at most [`MAX_ANTECEDENTS`]
/// redundancy tests of the posting-list kind, and the expected summary size
/// is one pass over the rank order.
pub fn select_coherent(
    selection: &Selection,
    scores: &[f64],
    words: &[usize],
    matrix: &TermMatrix,
    needs: Option<&[bool]>,
) -> Vec<Chosen> {
    let n = scores.len().min(words.len()).min(matrix.n_sentences());
    let mut order: Vec<usize> = (0..n).collect();
    // Highest score first; ties (and NaNs, ordered last) by position.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    // Relevance for MMR is the score as a share of the best one.
    let hi = scores.iter().copied().filter(|s| s.is_finite()).fold(0.0, f64::max);
    let scaled = |i: usize| {
        let s = scores[i];
        if s.is_finite() && hi > 0.0 { s / hi } else { 0.0 }
    };

    let max_sentences = selection.budget.max_sentences(n);
    let max_words = selection.budget.max_words();
    // A document shorter than the budget is returned whole, repeats included.
    let everything =
        max_sentences == n && max_words.is_none_or(|l| words[..n].iter().sum::<usize>() <= l);
    let mmr = selection.diversity > 0.0;
    let d = selection.diversity;
    let postings = Neighbours::new(matrix, n);
    let mut chosen: Vec<Chosen> = Vec::new();
    let mut used_words = 0usize;
    // Highest redundancy to the chosen set, kept up to date incrementally.
    let mut redundancy = vec![0f64; n];
    let value = |i: usize, redundancy: &[f64]| key((1.0 - d) * scaled(i) - d * redundancy[i]);
    // Open sentences (neither chosen nor skipped): without MMR they are taken
    // in `order`; with it, from a heap of MMR values keyed by position in
    // `order`. A value stored in the heap is never below the current one.
    let mut next = 0;
    let mut heap: BinaryHeap<Open> = if mmr {
        order
            .iter()
            .enumerate()
            .map(|(pos, &i)| Open { value: value(i, &redundancy), pos })
            .collect()
    } else {
        BinaryHeap::new()
    };
    // Sentences taken out of the open set: chosen or skipped.
    let mut done = vec![false; n];
    let mut redundant = Redundancy::new(matrix, n, selection.redundancy_threshold);
    let mut scratch = Scratch::new(n, matrix.n_terms());
    let mut open_postings = mmr.then(|| OpenPostings::new(&postings));
    let mut is_chosen = vec![false; n];
    let mut antecedents: Vec<usize> = Vec::new();
    let coherent = needs.filter(|_| selection.coherence && !everything);
    // Positions in rank order below this hold the core sentences.
    let core_positions = match coherent {
        Some(_) => {
            let expected = expected_size(&order, words, max_sentences, max_words);
            if expected >= CORE_MIN_SUMMARY { CORE_SHARE * expected as f64 } else { 0.0 }
        }
        None => 0.0,
    };
    while chosen.len() < max_sentences {
        // The next sentence and its position in rank order.
        let (i, pos) = if mmr {
            match pop_best(&mut heap, |pos| value(order[pos], &redundancy)) {
                Some(pos) => (order[pos], pos),
                None => break,
            }
        } else {
            match order.get(next) {
                Some(&i) => {
                    next += 1;
                    (i, next - 1)
                }
                None => break,
            }
        };
        // Brought in earlier as another sentence's predecessor.
        if done[i] {
            continue;
        }
        done[i] = true;
        if !everything && redundant.with_chosen(i) {
            continue;
        }
        // The predecessors `i` needs, nearest first.
        antecedents.clear();
        if let Some(needs) = coherent {
            let mut at = i;
            while needs.get(at) == Some(&true)
                && at > 0
                && !is_chosen[at - 1]
                && antecedents.len() <= MAX_ANTECEDENTS
            {
                at -= 1;
                antecedents.push(at);
            }
            let core = !antecedents.is_empty()
                && words[i] >= CORE_MIN_WORDS
                && (pos as f64) < core_positions;
            if core && antecedents.iter().any(|&p| words[p] >= SHORT_ANTECEDENT) {
                antecedents.clear();
            }
            let fits = antecedents.is_empty()
                || (antecedents.len() <= MAX_ANTECEDENTS
                    && chosen.len() + antecedents.len() < max_sentences
                    && max_words.is_none_or(|limit| {
                        let total = words[i] + antecedents.iter().map(|&p| words[p]).sum::<usize>();
                        used_words + total <= limit
                    }));
            if !fits || antecedents.iter().any(|&p| done[p] || redundant.with_chosen(p)) {
                if !core {
                    continue;
                }
                antecedents.clear();
            }
        }
        let mut words_kept = None;
        if let Some(limit) = max_words
            && used_words + words[i] > limit
        {
            if selection.truncate && used_words < limit {
                words_kept = Some(limit - used_words);
            } else {
                continue;
            }
        }
        for &c in antecedents.iter().rev().chain([&i]) {
            let kept = if c == i { words_kept } else { None };
            used_words += kept.unwrap_or(words[c]);
            done[c] = true;
            is_chosen[c] = true;
            chosen.push(Chosen {
                sentence: c,
                rank: chosen.len() + 1,
                words_kept: kept,
                duplicates: Vec::new(),
            });
        }
        if words_kept.is_some() || max_words.is_some_and(|l| used_words >= l) {
            break;
        }
        for &c in antecedents.iter().rev().chain([&i]) {
            if !everything {
                redundant.choose(c);
            }
            if let Some(open) = &mut open_postings {
                open.raise_redundancy(matrix, c, &done, &mut redundancy, &mut scratch);
            }
        }
    }
    for c in &mut chosen {
        c.duplicates = postings.duplicates(c.sentence, selection.duplicate_threshold, &mut scratch);
    }
    chosen
}

/// How many sentences plain rank-order selection (no redundancy rule, no
/// coherence) would choose within the budget: the summary's expected size.
fn expected_size(
    order: &[usize],
    words: &[usize],
    max_sentences: usize,
    max_words: Option<usize>,
) -> usize {
    let (mut count, mut used) = (0, 0usize);
    for &i in order {
        if count == max_sentences || max_words.is_some_and(|l| used >= l) {
            break;
        }
        if max_words.is_none_or(|l| used + words[i] <= l) {
            used += words[i];
            count += 1;
        }
    }
    count
}

/// The MMR value as a heap key. A NaN value is never the best one, and when
/// every value is NaN or -inf the earliest open sentence is taken: NaN ranks
/// as -inf. -0 becomes 0 so that `total_cmp` ties exactly what `==` ties.
fn key(v: f64) -> f64 {
    if v.is_nan() { f64::NEG_INFINITY } else { v + 0.0 }
}

/// An open sentence in the MMR heap: its MMR value when last computed and its
/// position in rank order.
#[derive(Debug, Clone, Copy)]
struct Open {
    value: f64,
    pos: usize,
}

impl Ord for Open {
    /// The greater value first; among equal values, the earlier in rank order.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.total_cmp(&other.value).then(other.pos.cmp(&self.pos))
    }
}

impl PartialOrd for Open {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Open {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Open {}

/// Removes and returns the open position of highest current value, the
/// earliest on ties. Redundancy only grows, so stored values are upper bounds:
/// a top whose value is still current beats every other current value.
fn pop_best(heap: &mut BinaryHeap<Open>, current: impl Fn(usize) -> f64) -> Option<usize> {
    while let Some(top) = heap.pop() {
        let value = current(top.pos);
        if value.total_cmp(&top.value).is_eq() {
            return Some(top.pos);
        }
        heap.push(Open { value, ..top });
    }
    None
}

/// Per-sentence and per-term accumulators reused across passes, reset after each.
struct Scratch {
    dot: Vec<f64>,
    seen: Vec<bool>,
    count: Vec<u32>,
    touched: Vec<usize>,
    in_sentence: Vec<bool>,
}

impl Scratch {
    fn new(n: usize, n_terms: usize) -> Self {
        Scratch {
            dot: vec![0.0; n],
            seen: vec![false; n],
            count: vec![0; n],
            touched: Vec::new(),
            in_sentence: vec![false; n_terms],
        }
    }
}

/// The inverted index of the first `n` sentences of a matrix.
struct Neighbours<'a> {
    matrix: &'a TermMatrix,
    postings: Postings,
    n: usize,
}

impl<'a> Neighbours<'a> {
    fn new(matrix: &'a TermMatrix, n: usize) -> Self {
        Neighbours { matrix, postings: matrix.postings(), n }
    }

    /// Sentences below `n` containing term `t`, with the flat entry of each.
    fn of(&self, t: TermId) -> (&[u32], &[usize]) {
        let (rows, entries) = self.postings.of(t);
        let end = rows.partition_point(|&j| (j as usize) < self.n);
        (&rows[..end], &entries[..end])
    }

    /// The sentences other than `c` whose [`jaccard`] with it is at least `threshold`, ascending.
    fn duplicates(&self, c: usize, threshold: f64, s: &mut Scratch) -> Vec<usize> {
        let m = self.matrix;
        // Every Jaccard is at least 0; none is at least NaN.
        if threshold <= 0.0 {
            return (0..self.n).filter(|&j| j != c).collect();
        }
        if threshold.is_nan() {
            return vec![];
        }
        // A duplicate `j` shares `s` terms with `c` where s / |c| ≥ s / |c ∪ j| ≥
        // threshold (both as rounded), so s is at least the least such count.
        // Any |c| - least + 1 of c's terms then hold one of them: take the
        // rarest, whose posting lists are the shortest.
        let terms = m.terms(c);
        let len = terms.len();
        let Some(least) = (1..=len).find(|&s| s as f64 / len as f64 >= threshold) else {
            return vec![];
        };
        let df = m.df();
        let mut rare: Vec<TermId> = terms.to_vec();
        rare.sort_unstable_by_key(|&t| (df[t as usize], t));
        let (prefix, suffix) = rare.split_at(len - least + 1);
        for &t in prefix {
            for &j in self.of(t).0 {
                let j = j as usize;
                if j != c {
                    if s.count[j] == 0 {
                        s.touched.push(j);
                    }
                    s.count[j] += 1;
                }
            }
        }
        for &t in suffix {
            s.in_sentence[t as usize] = true;
        }
        // Whether the Jaccard, computed as `jaccard` does, reaches the threshold;
        // the union is never empty here.
        let reaches = |shared: usize, other: usize| {
            shared as f64 / (len + other - shared) as f64 >= threshold
        };
        let mut found: Vec<usize> = Vec::new();
        for j in s.touched.drain(..) {
            let in_prefix = s.count[j] as usize;
            s.count[j] = 0;
            let other = m.terms(j).len();
            // The Jaccard grows with the shared count, which the suffix can
            // raise by at most its length: rule out what even that leaves short.
            let most = in_prefix + suffix.len().min(other - in_prefix);
            if !reaches(most, other) {
                continue;
            }
            let in_suffix = m.terms(j).iter().filter(|&&t| s.in_sentence[t as usize]).count();
            if reaches(in_prefix + in_suffix, other) {
                found.push(j);
            }
        }
        for &t in suffix {
            s.in_sentence[t as usize] = false;
        }
        found.sort_unstable();
        found
    }
}

/// The open sentences by term, with their weights, for MMR: chosen and
/// skipped sentences are dropped from a list the first time it is read after.
struct OpenPostings {
    start: Vec<usize>,
    end: Vec<usize>,
    rows: Vec<u32>,
    weights: Vec<f32>,
}

impl OpenPostings {
    fn new(index: &Neighbours<'_>) -> Self {
        let n_terms = index.matrix.n_terms();
        let mut out = OpenPostings {
            start: Vec::with_capacity(n_terms),
            end: Vec::with_capacity(n_terms),
            rows: Vec::new(),
            weights: Vec::new(),
        };
        for t in 0..n_terms {
            let (rows, entries) = index.of(t as TermId);
            out.start.push(out.rows.len());
            out.rows.extend_from_slice(rows);
            out.weights.extend(entries.iter().map(|&e| index.matrix.weight_at(e)));
            out.end.push(out.rows.len());
        }
        out
    }

    /// Raises each open sentence's redundancy to its cosine with the newly
    /// chosen `i`. Dot products are summed in ascending term order, as
    /// [`cosine`] sums them, so the values are the same to the bit.
    fn raise_redundancy(
        &mut self,
        m: &TermMatrix,
        i: usize,
        done: &[bool],
        redundancy: &mut [f64],
        s: &mut Scratch,
    ) {
        for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
            let w = w as f64;
            let t = t as usize;
            let mut kept = self.start[t];
            for k in self.start[t]..self.end[t] {
                let j = self.rows[k] as usize;
                if done[j] {
                    continue;
                }
                self.rows[kept] = self.rows[k];
                self.weights[kept] = self.weights[k];
                kept += 1;
                if !s.seen[j] {
                    s.seen[j] = true;
                    s.touched.push(j);
                }
                s.dot[j] += w * self.weights[k] as f64;
            }
            self.end[t] = kept;
        }
        let ni = m.norm(i) as f64;
        for j in s.touched.drain(..) {
            let d = ni * m.norm(j) as f64;
            let cos = if d == 0.0 { 0.0 } else { s.dot[j] / d };
            redundancy[j] = redundancy[j].max(cos);
            s.dot[j] = 0.0;
            s.seen[j] = false;
        }
    }
}

/// The chosen sentences by term, to test a candidate's redundancy against
/// only the chosen sentences it shares a term with.
struct Redundancy<'a> {
    matrix: &'a TermMatrix,
    threshold: f64,
    chosen: Vec<usize>,
    by_term: Vec<Vec<u32>>,
    shared: Vec<u32>,
    touched: Vec<usize>,
}

impl<'a> Redundancy<'a> {
    fn new(matrix: &'a TermMatrix, n: usize, threshold: f64) -> Self {
        Redundancy {
            matrix,
            threshold,
            chosen: Vec::new(),
            by_term: vec![Vec::new(); matrix.n_terms()],
            shared: vec![0; n],
            touched: Vec::new(),
        }
    }

    fn choose(&mut self, c: usize) {
        self.chosen.push(c);
        for &t in self.matrix.terms(c) {
            self.by_term[t as usize].push(c as u32);
        }
    }

    /// Whether `i` [is redundant](is_redundant) with a chosen sentence.
    fn with_chosen(&mut self, i: usize) -> bool {
        let m = self.matrix;
        if self.threshold < 0.0 {
            // Then sentences sharing no term are redundant too.
            return self.chosen.iter().any(|&c| is_redundant(m, c, i, self.threshold));
        }
        // Counts only grow, so the first count over its bound decides.
        let len = m.terms(i).len();
        let mut found = false;
        'terms: for &t in m.terms(i) {
            for &c in &self.by_term[t as usize] {
                let c = c as usize;
                if self.shared[c] == 0 {
                    self.touched.push(c);
                }
                self.shared[c] += 1;
                let shorter = len.min(m.terms(c).len());
                if self.shared[c] as f64 > self.threshold * shorter as f64 {
                    found = true;
                    break 'terms;
                }
            }
        }
        for c in self.touched.drain(..) {
            self.shared[c] = 0;
        }
        found
    }
}

/// Cosine of the TF-IDF vectors of sentences `a` and `b`.
pub fn cosine(m: &TermMatrix, a: usize, b: usize) -> f64 {
    let d = m.norm(a) as f64 * m.norm(b) as f64;
    if d == 0.0 {
        return 0.0;
    }
    let mut dot = 0f64;
    merge(m.terms(a), m.terms(b), |x, y| dot += m.weights(a)[x] as f64 * m.weights(b)[y] as f64);
    dot / d
}

/// Whether `a` and `b` share more than `threshold` of the shorter one's distinct terms.
pub fn is_redundant(m: &TermMatrix, a: usize, b: usize, threshold: f64) -> bool {
    let shorter = m.terms(a).len().min(m.terms(b).len());
    shorter > 0 && shared(m, a, b) as f64 > threshold * shorter as f64
}

/// Jaccard similarity of the distinct terms of `a` and `b`.
pub fn jaccard(m: &TermMatrix, a: usize, b: usize) -> f64 {
    let shared = shared(m, a, b);
    let union = m.terms(a).len() + m.terms(b).len() - shared;
    if union == 0 { 0.0 } else { shared as f64 / union as f64 }
}

fn shared(m: &TermMatrix, a: usize, b: usize) -> usize {
    let mut n = 0;
    merge(m.terms(a), m.terms(b), |_, _| n += 1);
    n
}

/// Calls `f(i, j)` for each position pair where two sorted lists hold the same term.
fn merge<T: Ord>(a: &[T], b: &[T], mut f: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(i, j);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix() -> TermMatrix {
        TermMatrix::new(&[vec![0, 1, 2], vec![0, 1, 2, 3], vec![4, 5], vec![6]], 7)
    }

    #[test]
    fn sentence_budget_takes_top_scores_ties_by_position() {
        let sel = Selection { budget: Budget::Sentences(2), ..Selection::default() };
        let got = select(
            &sel,
            &[0.5, 0.1, 0.5, 0.9],
            &[5, 5, 5, 5],
            &TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3]], 4),
        );
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [3, 0]);
        assert_eq!(got[1].rank, 2);
    }

    #[test]
    fn near_duplicates_are_skipped_and_reported() {
        let sel = Selection { budget: Budget::Sentences(2), ..Selection::default() };
        let got = select(&sel, &[0.8, 0.9, 0.5, 0.1], &[3, 4, 2, 1], &matrix());
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(got[0].duplicates, [0]);
    }

    #[test]
    fn the_article_threshold_skips_only_a_near_restatement() {
        // Sentence 0 is chosen first; 1 shares four of its five terms with
        // it, 2 all five of its own; 3 shares none.
        let m = TermMatrix::new(
            &[vec![0, 1, 2, 3, 4, 5], vec![0, 1, 2, 3, 6], vec![0, 1, 2, 3, 4], vec![7]],
            8,
        );
        let ids = |threshold: f64| {
            let sel = Selection {
                budget: Budget::Sentences(3),
                redundancy_threshold: threshold,
                ..Selection::default()
            };
            let got = select(&sel, &[0.9, 0.5, 0.4, 0.1], &[6, 5, 5, 1], &m);
            got.iter().map(|c| c.sentence).collect::<Vec<_>>()
        };
        assert_eq!(Selection::default().redundancy_threshold, ARTICLE_REDUNDANCY);
        assert_eq!(ids(ARTICLE_REDUNDANCY), [0, 1, 3]);
        assert_eq!(ids(CORPUS_REDUNDANCY), [0, 3]);
    }

    #[test]
    fn word_budget_skips_to_shorter_sentences_and_never_overflows() {
        let sel = Selection { budget: Budget::Words(10), ..Selection::default() };
        let m = TermMatrix::new(&[vec![0], vec![1], vec![2], vec![3]], 4);
        let got = select(&sel, &[0.9, 0.8, 0.7, 0.6], &[6, 6, 3, 1], &m);
        let ids: Vec<_> = got.iter().map(|c| c.sentence).collect();
        assert_eq!(ids, [0, 2, 3]);
        let trunc = Selection { truncate: true, ..sel };
        let got = select(&trunc, &[0.9, 0.8, 0.7, 0.6], &[6, 6, 3, 1], &m);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].words_kept, Some(4));
    }

    #[test]
    fn mmr_prefers_a_new_topic_over_a_close_paraphrase() {
        // s1 repeats most of s0 without being a near-duplicate at threshold 0.9.
        let m = TermMatrix::new(&[vec![0, 1, 2, 3], vec![0, 1, 2, 4], vec![5, 6, 7]], 8);
        let base = Selection {
            budget: Budget::Sentences(2),
            redundancy_threshold: 0.9,
            ..Selection::default()
        };
        let plain = select(&base, &[1.0, 0.9, 0.5], &[4, 4, 3], &m);
        assert_eq!(plain[1].sentence, 1);
        let mmr = Selection { diversity: 0.5, ..base };
        let diverse = select(&mmr, &[1.0, 0.9, 0.5], &[4, 4, 3], &m);
        assert_eq!(diverse[1].sentence, 2);
    }
}
