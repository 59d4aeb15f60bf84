//! TF-IDF sentence vectors over interned term ids.
//!
//! Weights: `tf` is the raw count of a term in the sentence; `idf(t) =
//! ln((1 + N) / (1 + df(t))) + 1`, where N is the number of sentences in scope
//! (one article, or every sentence of a corpus) and `df` the number of those
//! sentences containing `t`. The smoothing keeps every weight positive, so a
//! term shared by all sentences still counts a little and a one-sentence
//! document has a well-defined vector.

use crate::analyze::TermId;

/// Sentence-by-term matrix in compressed sparse row form, with raw counts and
/// TF-IDF weights sharing one sparsity pattern. Term ids in a row are sorted.
#[derive(Debug, Clone, Default)]
pub struct TermMatrix {
    indptr: Vec<usize>,
    terms: Vec<TermId>,
    counts: Vec<f32>,
    weights: Vec<f32>,
    norms: Vec<f32>,
    idf: Vec<f32>,
    df: Vec<u32>,
}

impl TermMatrix {
    /// Builds the matrix from each sentence's term ids; `n_terms` bounds the ids.
    pub fn new(sentences: &[Vec<TermId>], n_terms: usize) -> Self {
        let mut indptr = Vec::with_capacity(sentences.len() + 1);
        indptr.push(0);
        let mut terms = Vec::new();
        let mut counts = Vec::new();
        let mut df = vec![0u32; n_terms];
        let mut sorted: Vec<TermId> = Vec::new();
        for ids in sentences {
            sorted.clear();
            sorted.extend_from_slice(ids);
            sorted.sort_unstable();
            let mut k = 0;
            while k < sorted.len() {
                let t = sorted[k];
                let run = sorted[k..].iter().take_while(|&&x| x == t).count();
                terms.push(t);
                counts.push(run as f32);
                df[t as usize] += 1;
                k += run;
            }
            indptr.push(terms.len());
        }
        let n = sentences.len() as f32;
        let idf: Vec<f32> = df.iter().map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0).collect();
        let weights: Vec<f32> =
            terms.iter().zip(&counts).map(|(&t, &c)| c * idf[t as usize]).collect();
        let norms = (0..sentences.len())
            .map(|i| weights[indptr[i]..indptr[i + 1]].iter().map(|w| w * w).sum::<f32>().sqrt())
            .collect();
        TermMatrix { indptr, terms, counts, weights, norms, idf, df }
    }

    /// Number of sentences (rows).
    pub fn n_sentences(&self) -> usize {
        self.indptr.len().saturating_sub(1)
    }

    /// Number of term ids (columns).
    pub fn n_terms(&self) -> usize {
        self.idf.len()
    }

    /// The distinct terms of sentence `i`, sorted.
    pub fn terms(&self, i: usize) -> &[TermId] {
        &self.terms[self.indptr[i]..self.indptr[i + 1]]
    }

    /// Raw counts of [`terms`](Self::terms) in sentence `i`.
    pub fn counts(&self, i: usize) -> &[f32] {
        &self.counts[self.indptr[i]..self.indptr[i + 1]]
    }

    /// TF-IDF weights of [`terms`](Self::terms) in sentence `i`.
    pub fn weights(&self, i: usize) -> &[f32] {
        &self.weights[self.indptr[i]..self.indptr[i + 1]]
    }

    /// TF-IDF weight of flat entry `e` (an index into the rows' concatenation,
    /// as the postings give it).
    pub(crate) fn weight_at(&self, e: usize) -> f32 {
        self.weights[e]
    }

    /// Euclidean norm of sentence `i`'s TF-IDF vector.
    pub fn norm(&self, i: usize) -> f32 {
        self.norms[i]
    }

    /// Number of content-word tokens in sentence `i`.
    pub fn length(&self, i: usize) -> f32 {
        self.counts(i).iter().sum()
    }

    /// IDF of every term.
    pub fn idf(&self) -> &[f32] {
        &self.idf
    }

    /// Number of sentences containing each term.
    pub fn df(&self) -> &[u32] {
        &self.df
    }

    /// Column view: for each term, the sentences containing it (ascending) and
    /// the positions of those entries in the row arrays.
    pub fn postings(&self) -> Postings {
        let n_terms = self.n_terms();
        let mut ptr = vec![0usize; n_terms + 1];
        for &t in &self.terms {
            ptr[t as usize + 1] += 1;
        }
        for k in 0..n_terms {
            ptr[k + 1] += ptr[k];
        }
        let mut fill = ptr.clone();
        let mut rows = vec![0u32; self.terms.len()];
        let mut entries = vec![0usize; self.terms.len()];
        for i in 0..self.n_sentences() {
            for e in self.indptr[i]..self.indptr[i + 1] {
                let t = self.terms[e] as usize;
                rows[fill[t]] = i as u32;
                entries[fill[t]] = e;
                fill[t] += 1;
            }
        }
        Postings { ptr, rows, entries }
    }

    /// Position of sentence `i`'s first entry in the flat row arrays.
    pub(crate) fn row_range(&self, i: usize) -> std::ops::Range<usize> {
        self.indptr[i]..self.indptr[i + 1]
    }
}

/// Inverted index of a [`TermMatrix`]: term → sentences.
#[derive(Debug, Clone)]
pub struct Postings {
    ptr: Vec<usize>,
    rows: Vec<u32>,
    entries: Vec<usize>,
}

impl Postings {
    /// Sentences containing term `t`, ascending, and the flat entry of each.
    pub fn of(&self, t: TermId) -> (&[u32], &[usize]) {
        let r = self.ptr[t as usize]..self.ptr[t as usize + 1];
        (&self.rows[r.clone()], &self.entries[r])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_idf_and_norms() {
        // Term 0 in both sentences, term 1 twice in the first.
        let m = TermMatrix::new(&[vec![1, 0, 1], vec![0]], 2);
        assert_eq!(m.terms(0), &[0, 1]);
        assert_eq!(m.counts(0), &[1.0, 2.0]);
        assert_eq!(m.df(), &[2, 1]);
        let idf1 = (3.0f32 / 2.0).ln() + 1.0;
        assert!((m.idf()[0] - 1.0).abs() < 1e-6);
        assert!((m.weights(0)[1] - 2.0 * idf1).abs() < 1e-6);
        assert!((m.norm(1) - 1.0).abs() < 1e-6);
        assert_eq!(m.length(0), 3.0);
        let p = m.postings();
        assert_eq!(p.of(0).0, &[0, 1]);
        assert_eq!(p.of(1).0, &[0]);
    }

    #[test]
    fn empty_sentences_have_zero_norm() {
        let m = TermMatrix::new(&[vec![], vec![0]], 1);
        assert_eq!(m.n_sentences(), 2);
        assert_eq!(m.norm(0), 0.0);
    }
}
