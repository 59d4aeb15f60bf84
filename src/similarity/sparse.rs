//! The pruned sparse similarity graph for corpora too large for a dense matrix.

use serde::{Deserialize, Serialize};

use super::Measure;
use crate::parallel::Parallelism;
use crate::vectorize::TermMatrix;

/// Pruning of the sparse similarity graph.
///
/// A dense matrix needs 4·n² bytes (40 GB at 100,000 sentences), so large
/// corpora use a graph that keeps, for each sentence, only its `top_k` most
/// similar sentences above `min_similarity`, made symmetric by union.
///
/// Neighbours are looked for through the inverted index, skipping the terms
/// that are in too many sentences: each such term would add df² pairs to
/// examine, and the few most frequent terms of a large corpus ("said", the
/// main story's names) would make the search quadratic while telling little
/// about which sentences belong together. A term is skipped when its document
/// frequency is above `max_df` (when set), or above the largest cap that keeps the
/// search within `pairs_per_sentence · n` pairs (Σ df² over the terms kept):
/// the search is linear in n whatever the vocabulary. Skipped terms still
/// count, exactly, in the similarity of every pair found through the others.
/// A sentence made of skipped terms only gets no neighbours of its own (it
/// may still be another sentence's neighbour).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SparseOptions {
    /// Neighbours kept per sentence.
    pub top_k: usize,
    /// Similarities at or below this are dropped.
    pub min_similarity: f32,
    /// Terms in more sentences than this are never used to find neighbours;
    /// `None`: only `pairs_per_sentence` sets the cap.
    pub max_df: Option<usize>,
    /// Average number of sentence pairs the neighbour search may examine per
    /// sentence; sets the document-frequency cap of large corpora.
    pub pairs_per_sentence: usize,
}

impl Default for SparseOptions {
    fn default() -> Self {
        SparseOptions { top_k: 10, min_similarity: 0.0, max_df: None, pairs_per_sentence: 200 }
    }
}

impl SparseOptions {
    /// The document frequency above which a term of `m` is not used to find
    /// neighbours: `max_df`, or lower where the search would exceed
    /// `pairs_per_sentence · n` pairs.
    pub fn df_cap(&self, m: &TermMatrix) -> usize {
        let max_df = self.max_df.unwrap_or(usize::MAX);
        let mut df: Vec<u32> = m.df().iter().copied().filter(|&d| d > 1).collect();
        df.sort_unstable();
        let budget = self.pairs_per_sentence as f64 * m.n_sentences() as f64;
        let mut pairs = 0f64;
        let mut cap = 1;
        // Terms of equal frequency are kept or skipped together.
        for run in df.chunk_by(|a, b| a == b) {
            let d = run[0] as usize;
            pairs += run.len() as f64 * (d as f64) * (d as f64);
            if pairs > budget || d > max_df {
                break;
            }
            cap = d;
        }
        if df.last().is_some_and(|&d| d as usize <= cap) {
            cap = max_df.max(cap);
        }
        cap.min(max_df)
    }
}

/// A symmetric similarity graph in compressed sparse row form, with the
/// similarity its pruned edges held kept per node as a background.
///
/// TextRank and LexRank scores follow each sentence's total similarity to all
/// others (the stationary distribution of the random walk on a symmetric graph
/// is proportional to it), and over a large corpus most of that total lies in
/// the many small similarities a top-k graph drops. So for each sentence the
/// graph also keeps its [`background`](Self::background): its exact total
/// similarity to every other sentence minus what its kept edges hold. A ranker
/// that spreads it over all sentences in proportion to theirs (a rank-one
/// stand-in for the pruned edges) keeps every sentence's total exact.
#[derive(Debug, Clone, Default)]
pub struct SparseGraph {
    indptr: Vec<usize>,
    cols: Vec<u32>,
    weights: Vec<f32>,
    background: Vec<f64>,
}

thread_local! {
    /// Per thread: an all-zero accumulator and mark array, reused across blocks.
    static SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<f32>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Rows per work item, at least: enough work to outweigh scheduling.
const BLOCK: usize = 256;
/// Work items per graph, at most: enough for threads to balance their load,
/// few enough that each block's output vectors stay large.
const MAX_BLOCKS: usize = 512;

impl SparseGraph {
    /// Builds the pruned graph of `m` under `measure`.
    ///
    /// # Complexity
    /// O(nnz + Σ df² over the terms under the cap + candidates · row length),
    /// at most about `pairs_per_sentence · n` candidate pairs; memory O(n · top_k).
    /// The result does not depend on the number of threads.
    pub fn build(
        m: &TermMatrix,
        measure: Measure,
        options: &SparseOptions,
        parallelism: Parallelism,
    ) -> Self {
        let n = m.n_sentences();
        // What the similarity needs of each row, computed once.
        let scale: Vec<f32> = (0..n).map(|i| measure.scale(m, i)).collect();
        let split = Split::new(m, measure, options.df_cap(m), &scale, parallelism);
        let finish = |acc: f32, si: f32, sj: f32| measure.finish_scaled(acc, si, sj);
        let block = BLOCK.max(n.div_ceil(MAX_BLOCKS));
        let blocks = n.div_ceil(block);
        let top_k = options.top_k;
        // Each block of rows gets its own accumulator, so threads share nothing.
        let lists: Vec<Block> = parallelism.map_range(blocks, |b| {
            // Zeroed scratch of earlier blocks on this thread, grown as needed:
            // a fresh n-float accumulator per block would cost a page-zeroing
            // pass over n floats each time.
            let (mut acc, mut mark) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
            acc.resize(n, 0.0);
            mark.resize(split.n_frequent, 0.0);
            // (row, its similarity through frequent terms, its scale)
            let mut touched: Vec<(u32, f32, f32)> = Vec::new();
            let mut best: Vec<(f32, u32)> = Vec::new();
            let rows = b * block..((b + 1) * block).min(n);
            let mut lens = Vec::with_capacity(rows.len());
            let mut out = Vec::with_capacity(rows.len().saturating_mul(top_k.min(64)));
            let mut totals = Vec::with_capacity(rows.len());
            for i in rows {
                let (ft, fw) = split.frequent(i);
                for (k, &f) in ft.iter().enumerate() {
                    mark[f as usize] = fw.get(k).copied().unwrap_or(1.0);
                }
                let (rt, rw) = split.rare(i);
                for (&t, &wi) in rt.iter().zip(rw) {
                    let mut postings = split.postings(t);
                    while let Some(p) = postings.next_posting() {
                        if p.row as usize == i {
                            continue;
                        }
                        let a = &mut acc[p.row as usize];
                        if *a == 0.0 {
                            // First time this pair is met: add up its shared
                            // frequent terms, in term order as a dense row would.
                            touched.push((p.row, p.frequent_dot(&mark), p.scale));
                        }
                        *a += wi * p.weight;
                    }
                }
                // Total similarity through the rare terms, pair by pair.
                let mut rare_total = 0f64;
                best.clear();
                for &(j, frequent, sj) in &touched {
                    let rare = std::mem::take(&mut acc[j as usize]);
                    if measure == Measure::Overlap {
                        let d = scale[i] + sj;
                        if d > 0.0 {
                            rare_total += f64::from(rare) / f64::from(d);
                        }
                    }
                    let s = finish(rare + frequent, scale[i], sj);
                    if s > options.min_similarity {
                        best.push((s, j));
                    }
                }
                touched.clear();
                for &f in ft {
                    mark[f as usize] = 0.0;
                }
                // Highest similarity first; ties by lower index, for determinism.
                let order =
                    |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
                if best.len() > top_k {
                    if top_k > 0 {
                        best.select_nth_unstable_by(top_k - 1, order);
                    }
                    best.truncate(top_k);
                }
                best.sort_unstable_by_key(|e| e.1);
                lens.push(best.len() as u32);
                out.extend(best.iter().map(|&(s, j)| (j, s)));
                totals.push(rare_total);
            }
            // Both are all zeros again: every touched entry and mark was reset.
            SCRATCH.with(|s| *s.borrow_mut() = (acc, mark));
            Block { lens, out, totals }
        });
        let mut graph = Self::symmetric(n, &lists, parallelism);
        // Exact total similarity of each row to all others.
        let totals: Vec<f64> = match measure {
            Measure::Overlap => {
                let frequent = FrequentTotals::new(m, &split, &scale, parallelism);
                let rare: Vec<f64> = lists.iter().flat_map(|b| b.totals.iter().copied()).collect();
                parallelism.map_range(n, |i| rare[i] + frequent.total(&split, i))
            }
            Measure::Cosine => cosine_totals(m, parallelism),
        };
        graph.background = parallelism.map_range(n, |i| {
            let kept: f64 = graph.row(i).1.iter().map(|&w| f64::from(w)).sum();
            (totals[i] - kept).max(0.0)
        });
        graph
    }

    /// The union of each row's list and the rows that list it, as CSR.
    fn symmetric(n: usize, lists: &[Block], parallelism: Parallelism) -> Self {
        // Forward lists are sorted by column; the reverse lists come out sorted
        // by source because sources are visited in order.
        let mut fwd_ptr = Vec::with_capacity(n + 1);
        fwd_ptr.push(0usize);
        let mut rev_ptr = vec![0usize; n + 1];
        for Block { lens, out, .. } in lists {
            for &l in lens {
                fwd_ptr.push(fwd_ptr[fwd_ptr.len() - 1] + l as usize);
            }
            for &(j, _) in out {
                rev_ptr[j as usize + 1] += 1;
            }
        }
        for k in 0..n {
            rev_ptr[k + 1] += rev_ptr[k];
        }
        let fwd: Vec<(u32, f32)> = lists.iter().flat_map(|b| b.out.iter().copied()).collect();
        let mut fill = rev_ptr.clone();
        let mut rev = vec![(0u32, 0f32); fwd.len()];
        for i in 0..n {
            for &(j, w) in &fwd[fwd_ptr[i]..fwd_ptr[i + 1]] {
                rev[fill[j as usize]] = (i as u32, w);
                fill[j as usize] += 1;
            }
        }
        // Merging is per row, so blocks of rows merge in parallel.
        let block = BLOCK.max(n.div_ceil(MAX_BLOCKS));
        let merged: Vec<(Vec<usize>, Vec<u32>, Vec<f32>)> =
            parallelism.map_range(n.div_ceil(block), |b| {
                let rows = b * block..((b + 1) * block).min(n);
                let mut lens = Vec::with_capacity(rows.len());
                let room = fwd_ptr[rows.end] - fwd_ptr[rows.start] + rev_ptr[rows.end]
                    - rev_ptr[rows.start];
                let mut cols = Vec::with_capacity(room);
                let mut weights = Vec::with_capacity(room);
                for i in rows {
                    let a = &fwd[fwd_ptr[i]..fwd_ptr[i + 1]];
                    let b = &rev[rev_ptr[i]..rev_ptr[i + 1]];
                    let before = cols.len();
                    let (mut x, mut y) = (0, 0);
                    while x < a.len() || y < b.len() {
                        // Both directions of a pair carry the same weight.
                        let e = if y == b.len() || (x < a.len() && a[x].0 <= b[y].0) {
                            if y < b.len() && a[x].0 == b[y].0 {
                                y += 1;
                            }
                            x += 1;
                            a[x - 1]
                        } else {
                            y += 1;
                            b[y - 1]
                        };
                        cols.push(e.0);
                        weights.push(e.1);
                    }
                    lens.push(cols.len() - before);
                }
                (lens, cols, weights)
            });
        let mut indptr = Vec::with_capacity(n + 1);
        indptr.push(0);
        for (lens, _, _) in &merged {
            for &l in lens {
                indptr.push(indptr[indptr.len() - 1] + l);
            }
        }
        SparseGraph {
            indptr,
            cols: merged.iter().flat_map(|m| m.1.iter().copied()).collect(),
            weights: merged.iter().flat_map(|m| m.2.iter().copied()).collect(),
            background: Vec::new(),
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    /// Whether the graph has no nodes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored (directed) edges.
    pub fn edge_count(&self) -> usize {
        self.cols.len()
    }

    /// Neighbours of `i` (ascending) and their weights.
    pub fn row(&self, i: usize) -> (&[u32], &[f32]) {
        let r = self.indptr[i]..self.indptr[i + 1];
        (&self.cols[r.clone()], &self.weights[r])
    }

    /// The same edges with weights mapped by `f` (an edge mapped to 0 or less
    /// is no longer followed), without a background: the background stands
    /// for pruned similarities, which `f` does not describe.
    pub fn map_weights(&self, f: impl Fn(f32) -> f32) -> Self {
        SparseGraph {
            indptr: self.indptr.clone(),
            cols: self.cols.clone(),
            weights: self.weights.iter().map(|&w| f(w)).collect(),
            background: Vec::new(),
        }
    }

    /// Per node, its total similarity to all other sentences minus the weight
    /// of its kept edges (never negative); empty after [`map_weights`](Self::map_weights).
    pub fn background(&self) -> &[f64] {
        &self.background
    }
}

/// One block's rows: neighbour counts, (neighbour, similarity) lists sorted
/// by neighbour, and each row's total similarity through rare terms.
struct Block {
    lens: Vec<u32>,
    out: Vec<(u32, f32)>,
    totals: Vec<f64>,
}

/// For the overlap measure: each row's total similarity through its frequent
/// terms, from how many sentences of each length hold each frequent term.
///
/// A shared term adds 1 / (ln|Si| + ln|Sj|) to a pair, which depends on the
/// other sentence only through its length, so per frequent term and length
/// the sum over all sentences is a table lookup.
struct FrequentTotals {
    /// Length class of each row.
    class: Vec<u32>,
    /// `sums[f * classes + c]`: Σ over the sentences j holding frequent term
    /// f of 1 / (ln of class c's length + ln|Sj|), i included.
    sums: Vec<f64>,
    /// `own[c]`: what a row of class c adds to its own sums, per term.
    own: Vec<f64>,
    classes: usize,
}

impl FrequentTotals {
    fn new(m: &TermMatrix, split: &Split, scale: &[f32], parallelism: Parallelism) -> Self {
        let n = m.n_sentences();
        // Lengths are whole token counts; each distinct one is a class.
        let length: Vec<usize> = (0..n).map(|i| m.length(i) as usize).collect();
        let mut class_of = vec![u32::MAX; length.iter().max().map_or(0, |&l| l + 1)];
        for &l in &length {
            class_of[l] = 0;
        }
        let mut classes = 0;
        for c in class_of.iter_mut().filter(|c| **c == 0) {
            *c = classes as u32;
            classes += 1;
        }
        let class: Vec<u32> = length.iter().map(|&l| class_of[l]).collect();
        // ln of each class's length, as the rows' own scale computes it.
        let mut ln = vec![0f32; classes];
        for i in 0..n {
            ln[class[i] as usize] = scale[i];
        }
        // Sentences per frequent term and class, counted in parallel blocks.
        let width = split.n_frequent * classes;
        let block = n.div_ceil(8).max(1);
        let counts = parallelism
            .map_range(n.div_ceil(block), |b| {
                let mut counts = vec![0u32; width];
                for i in b * block..((b + 1) * block).min(n) {
                    for &f in split.frequent(i).0 {
                        counts[f as usize * classes + class[i] as usize] += 1;
                    }
                }
                counts
            })
            .into_iter()
            .reduce(|mut a, b| {
                a.iter_mut().zip(&b).for_each(|(x, y)| *x += y);
                a
            })
            .unwrap_or_default();
        let inverse = |a: usize, b: usize| {
            let d = ln[a] + ln[b];
            if d > 0.0 { 1.0 / f64::from(d) } else { 0.0 }
        };
        let sums: Vec<f64> = parallelism
            .map_range(split.n_frequent, |f| {
                let row = &counts[f * classes..(f + 1) * classes];
                let present: Vec<(usize, f64)> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| **c > 0)
                    .map(|(c, &k)| (c, f64::from(k)))
                    .collect();
                (0..classes)
                    .map(|a| present.iter().map(|&(b, k)| k * inverse(a, b)).sum())
                    .collect::<Vec<f64>>()
            })
            .concat();
        let own = (0..classes).map(|c| inverse(c, c)).collect();
        FrequentTotals { class, sums, own, classes }
    }

    fn total(&self, split: &Split, i: usize) -> f64 {
        let c = self.class[i] as usize;
        split
            .frequent(i)
            .0
            .iter()
            .map(|&f| self.sums[f as usize * self.classes + c] - self.own[c])
            .sum()
    }
}

/// For the cosine: each row's total similarity to all others, exactly, as the
/// dot product of its unit vector with the sum of all unit vectors, less its own.
fn cosine_totals(m: &TermMatrix, parallelism: Parallelism) -> Vec<f64> {
    let n = m.n_sentences();
    let mut sum = vec![0f64; m.n_terms()];
    for i in 0..n {
        let norm = f64::from(m.norm(i));
        if norm > 0.0 {
            for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
                sum[t as usize] += f64::from(w) / norm;
            }
        }
    }
    parallelism.map_range(n, |i| {
        let norm = f64::from(m.norm(i));
        if norm == 0.0 {
            return 0.0;
        }
        let dot: f64 = m
            .terms(i)
            .iter()
            .zip(m.weights(i))
            .map(|(&t, &w)| f64::from(w) / norm * sum[t as usize])
            .sum();
        dot - 1.0
    })
}

/// The matrix split at the document-frequency cap: per row, its rare terms
/// (used to find neighbours) and its frequent terms under compact ids; and an
/// inverted index of the rare terms whose every posting carries what the pair
/// needs of the other row (its scale and frequent terms), so the search reads
/// postings in order instead of jumping to other rows' data.
///
/// Weights are what a shared term adds to a pair: the TF-IDF weight for the
/// cosine, one for the overlap (so the product of two is the contribution).
struct Split {
    rare_ptr: Vec<usize>,
    rare_terms: Vec<u32>,
    rare_weights: Vec<f32>,
    freq_ptr: Vec<usize>,
    freq_ids: Vec<u32>,
    /// Empty for the overlap, whose weights are all one.
    freq_weights: Vec<f32>,
    n_frequent: usize,
    /// Term → its postings in `post`, rows ascending.
    post_ptr: Vec<usize>,
    /// Postings, each `[row, weight, scale, count, ids.., weights..]` (floats as bits).
    post: Vec<u32>,
}

impl Split {
    fn new(
        m: &TermMatrix,
        measure: Measure,
        cap: usize,
        scale: &[f32],
        parallelism: Parallelism,
    ) -> Self {
        let n = m.n_sentences();
        let weighted = measure == Measure::Cosine;
        let mut compact = vec![u32::MAX; m.n_terms()];
        let mut n_frequent = 0u32;
        for (t, &d) in m.df().iter().enumerate() {
            if d as usize > cap {
                compact[t] = n_frequent;
                n_frequent += 1;
            }
        }
        let weight = |w: f32| if weighted { w } else { 1.0 };
        // Rows split into rare and frequent entries, in parallel blocks.
        let block = BLOCK.max(n.div_ceil(MAX_BLOCKS));
        let parts: Vec<Split> = parallelism.map_range(n.div_ceil(block), |b| {
            let rows = b * block..((b + 1) * block).min(n);
            let mut p = Split::empty(rows.len());
            // Room for every entry on either side: untouched room costs no memory.
            let entries = m.row_range(rows.end - 1).end - m.row_range(rows.start).start;
            p.rare_terms.reserve(entries);
            p.rare_weights.reserve(entries);
            p.freq_ids.reserve(entries);
            if weighted {
                p.freq_weights.reserve(entries);
            }
            for i in rows {
                for (&t, &w) in m.terms(i).iter().zip(m.weights(i)) {
                    match compact[t as usize] {
                        u32::MAX => {
                            p.rare_terms.push(t);
                            p.rare_weights.push(weight(w));
                        }
                        f => {
                            p.freq_ids.push(f);
                            if weighted {
                                p.freq_weights.push(w);
                            }
                        }
                    }
                }
                p.rare_ptr.push(p.rare_terms.len());
                p.freq_ptr.push(p.freq_ids.len());
            }
            p
        });
        let mut s = Split::empty(n);
        for p in &parts {
            let (r0, f0) = (s.rare_terms.len(), s.freq_ids.len());
            s.rare_ptr.extend(p.rare_ptr[1..].iter().map(|&k| k + r0));
            s.freq_ptr.extend(p.freq_ptr[1..].iter().map(|&k| k + f0));
            s.rare_terms.extend_from_slice(&p.rare_terms);
            s.rare_weights.extend_from_slice(&p.rare_weights);
            s.freq_ids.extend_from_slice(&p.freq_ids);
            s.freq_weights.extend_from_slice(&p.freq_weights);
        }
        drop(parts);
        s.n_frequent = n_frequent as usize;
        s.post_ptr = vec![0; m.n_terms() + 1];
        // Sizes of the postings of each term, then their offsets.
        for i in 0..n {
            let size = 4 + (s.freq_ptr[i + 1] - s.freq_ptr[i]) * (1 + usize::from(weighted));
            for &t in &s.rare_terms[s.rare_ptr[i]..s.rare_ptr[i + 1]] {
                s.post_ptr[t as usize + 1] += size;
            }
        }
        for t in 0..m.n_terms() {
            s.post_ptr[t + 1] += s.post_ptr[t];
        }
        let mut fill = s.post_ptr.clone();
        let mut post = vec![0u32; s.post_ptr[m.n_terms()]];
        for (i, &own_scale) in scale.iter().enumerate() {
            let (ids, ws) = s.frequent(i);
            for (&t, &w) in s.rare(i).0.iter().zip(s.rare(i).1) {
                let at = &mut fill[t as usize];
                post[*at] = i as u32;
                post[*at + 1] = w.to_bits();
                post[*at + 2] = own_scale.to_bits();
                post[*at + 3] = ids.len() as u32;
                *at += 4;
                post[*at..*at + ids.len()].copy_from_slice(ids);
                *at += ids.len();
                for &w in ws {
                    post[*at] = w.to_bits();
                    *at += 1;
                }
            }
        }
        s.post = post;
        s
    }

    /// No rows yet: room for `rows` rows, their offsets starting at 0.
    fn empty(rows: usize) -> Self {
        let mut ptr = Vec::with_capacity(rows + 1);
        ptr.push(0);
        Split {
            rare_ptr: ptr.clone(),
            rare_terms: Vec::new(),
            rare_weights: Vec::new(),
            freq_ptr: ptr,
            freq_ids: Vec::new(),
            freq_weights: Vec::new(),
            n_frequent: 0,
            post_ptr: Vec::new(),
            post: Vec::new(),
        }
    }

    fn rare(&self, i: usize) -> (&[u32], &[f32]) {
        let r = self.rare_ptr[i]..self.rare_ptr[i + 1];
        (&self.rare_terms[r.clone()], &self.rare_weights[r])
    }

    /// Frequent term ids of row `i` and their weights (empty for the overlap).
    fn frequent(&self, i: usize) -> (&[u32], &[f32]) {
        let r = self.freq_ptr[i]..self.freq_ptr[i + 1];
        let ws = if self.freq_weights.is_empty() { &[][..] } else { &self.freq_weights[r.clone()] };
        (&self.freq_ids[r], ws)
    }

    fn postings(&self, t: u32) -> Postings<'_> {
        Postings {
            data: &self.post[self.post_ptr[t as usize]..self.post_ptr[t as usize + 1]],
            weighted: !self.freq_weights.is_empty(),
        }
    }
}

/// The postings of one rare term, read in order.
struct Postings<'a> {
    data: &'a [u32],
    weighted: bool,
}

/// One posting: a row holding the term, and what a pair needs of it.
struct Posting<'a> {
    row: u32,
    weight: f32,
    scale: f32,
    ids: &'a [u32],
    weights: &'a [u32],
}

impl<'a> Postings<'a> {
    fn next_posting(&mut self) -> Option<Posting<'a>> {
        let (head, rest) = self.data.split_at_checked(4)?;
        let len = head[3] as usize;
        let (ids, rest) = rest.split_at_checked(len)?;
        let (weights, rest) = rest.split_at_checked(if self.weighted { len } else { 0 })?;
        self.data = rest;
        Some(Posting {
            row: head[0],
            weight: f32::from_bits(head[1]),
            scale: f32::from_bits(head[2]),
            ids,
            weights,
        })
    }
}

impl Posting<'_> {
    /// What the frequent terms shared with the marked row add to the pair.
    #[inline]
    fn frequent_dot(&self, mark: &[f32]) -> f32 {
        let mut sum = 0f32;
        if self.weights.is_empty() {
            // Unmarked terms are 0 and add exactly nothing, so no branch is needed.
            for &f in self.ids {
                sum += mark[f as usize];
            }
        } else {
            for (&f, &w) in self.ids.iter().zip(self.weights) {
                sum += mark[f as usize] * f32::from_bits(w);
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::dense;

    #[test]
    fn unpruned_sparse_equals_dense_off_diagonal() {
        let m = TermMatrix::new(&[vec![0, 1], vec![0, 2], vec![3], vec![0, 1, 2, 3], vec![2]], 4);
        let opts = SparseOptions {
            top_k: 10,
            min_similarity: 0.0,
            max_df: Some(10),
            pairs_per_sentence: 1_000,
        };
        for measure in [Measure::Cosine, Measure::Overlap] {
            let g = SparseGraph::build(&m, measure, &opts, Parallelism::Serial);
            let d = dense(&m, measure, Parallelism::Serial);
            assert_rows(&g, |i, j| if i == j { 0.0 } else { d[[i, j]] });
        }
        let d = dense(&m, Measure::Cosine, Parallelism::Serial);
        // With term 0 (df 3) too frequent, s0–s1 (sharing only it) is not found,
        // but s0–s3 (found through term 1) keeps term 0's share of the cosine.
        let capped = SparseOptions { max_df: Some(2), ..opts };
        let g = SparseGraph::build(&m, Measure::Cosine, &capped, Parallelism::Serial);
        let (cols, _) = g.row(0);
        assert!(!cols.contains(&1));
        assert_rows(
            &g,
            |i, j| {
                if (i, j) == (0, 3) || (i, j) == (3, 0) { d[[i, j]] } else { f32::NAN }
            },
        );
    }

    /// Checks every stored or expected entry; NaN in `want` means "don't care".
    fn assert_rows(g: &SparseGraph, want: impl Fn(usize, usize) -> f32) {
        for i in 0..g.len() {
            let (cols, ws) = g.row(i);
            for j in 0..g.len() {
                let got = cols.iter().position(|&c| c as usize == j).map_or(0.0, |k| ws[k]);
                let want = want(i, j);
                assert!(want.is_nan() || (got - want).abs() < 1e-6, "({i},{j}) {got} vs {want}");
            }
        }
    }

    #[test]
    fn edges_and_background_add_up_to_the_dense_row_sums() {
        let rows: Vec<Vec<u32>> = (0..300u32)
            .map(|i| {
                let mut r = vec![i % 3, 3 + i % 11, 14 + i % 37, 51 + (i * 7) % 60];
                r.truncate(1 + (i % 4) as usize);
                r
            })
            .collect();
        let m = TermMatrix::new(&rows, 111);
        let opts = SparseOptions { top_k: 3, pairs_per_sentence: 40, ..SparseOptions::default() };
        assert!(opts.df_cap(&m) < 100);
        for measure in [Measure::Cosine, Measure::Overlap] {
            let g = SparseGraph::build(&m, measure, &opts, Parallelism::Parallel);
            let d = dense(&m, measure, Parallelism::Serial);
            for i in 0..300 {
                let want: f64 = (0..300).filter(|&j| j != i).map(|j| f64::from(d[[i, j]])).sum();
                let kept: f64 = g.row(i).1.iter().map(|&w| f64::from(w)).sum();
                let got = kept + g.background()[i];
                assert!((got - want).abs() < 1e-4 * want.max(1.0), "{measure:?} {i}: {got} {want}");
            }
        }
    }

    #[test]
    fn df_cap_keeps_the_search_within_budget() {
        // Term 0 in all 100 sentences, term 1 in 10, terms 2.. in 2 each.
        let rows: Vec<Vec<u32>> = (0..100u32)
            .map(|i| {
                let mut r = vec![0, 2 + i / 2];
                if i < 10 {
                    r.push(1);
                }
                r
            })
            .collect();
        let m = TermMatrix::new(&rows, 52);
        let opts =
            |pairs_per_sentence| SparseOptions { pairs_per_sentence, ..SparseOptions::default() };
        // Pairs: 50 terms × 2² = 200, + 10² = 300, + 100² = 10,300.
        assert_eq!(opts(2).df_cap(&m), 2);
        assert_eq!(opts(3).df_cap(&m), 10);
        assert_eq!(opts(102).df_cap(&m), 10);
        assert_eq!(opts(103).df_cap(&m), usize::MAX);
        let capped = SparseOptions { max_df: Some(5), ..opts(103) };
        assert_eq!(capped.df_cap(&m), 2);
    }

    #[test]
    fn any_thread_count_gives_the_same_graph() {
        let rows: Vec<Vec<u32>> =
            (0..600u32).map(|i| vec![i % 7, 7 + i % 13, 20 + i % 31, 51 + (i * 7) % 50]).collect();
        let m = TermMatrix::new(&rows, 101);
        let opts = SparseOptions { top_k: 5, pairs_per_sentence: 50, ..SparseOptions::default() };
        for measure in [Measure::Cosine, Measure::Overlap] {
            let a = SparseGraph::build(&m, measure, &opts, Parallelism::Serial);
            let b = SparseGraph::build(&m, measure, &opts, Parallelism::Parallel);
            assert_eq!((&a.indptr, &a.cols, &a.weights), (&b.indptr, &b.cols, &b.weights));
            assert!(a.edge_count() >= 600 * 5);
        }
    }

    #[test]
    fn keeps_top_k_and_stays_symmetric() {
        let m = TermMatrix::new(&[vec![0], vec![0], vec![0], vec![0, 1]], 2);
        let opts = SparseOptions { top_k: 1, ..SparseOptions::default() };
        let g = SparseGraph::build(&m, Measure::Cosine, &opts, Parallelism::Parallel);
        for i in 0..4 {
            let (cols, ws) = g.row(i);
            for (&j, &w) in cols.iter().zip(ws) {
                let (back, bw) = g.row(j as usize);
                let k = back.iter().position(|&c| c as usize == i).expect("symmetric");
                assert_eq!(bw[k], w);
            }
        }
        assert!(g.edge_count() <= 2 * 4);
    }
}
