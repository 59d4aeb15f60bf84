//! The full similarity matrix, as products of dense blocks.

use ndarray::linalg::general_mat_mul;
use ndarray::{Array2, ArrayViewMut2, s};

use super::Measure;
use crate::parallel::Parallelism;
use crate::vectorize::TermMatrix;

/// Rows per block of the product. Fixed, so the partition, and with it every
/// value, does not depend on the number of threads.
const BLOCK: usize = 64;

/// Fewer sentences than this are handled on the calling thread: at article
/// size the whole matrix takes microseconds, less than handing it to rayon.
const PARALLEL_MIN: usize = 2 * BLOCK;

/// The full n×n similarity matrix (diagonal included) as `ndarray::Array2<f32>`.
///
/// Each sentence is a dense row over terms: its unit TF-IDF vector for the
/// cosine, 0/1 for the overlap. A block of 64 rows times the transpose of the
/// rows from the block on (`general_mat_mul`) gives the block's dot products
/// or shared-term counts; the overlap then divides by `ln|Si| + ln|Sj|`. Each
/// block's product runs over its own terms that occur in other sentences too:
/// no other term changes its entries off the diagonal, and the diagonal is
/// computed from the row alone. Blocks below the diagonal are mirrored, so the
/// matrix is exactly symmetric. From 128 sentences on, blocks run in
/// parallel, each writing only its own rows.
///
/// # Complexity
/// O(n²) memory; time O(n² · t), where t is the number of distinct shared
/// terms in a block of 64 sentences.
pub fn dense(m: &TermMatrix, measure: Measure, parallelism: Parallelism) -> Array2<f32> {
    let n = m.n_sentences();
    let mut out = Array2::<f32>::zeros((n, n));
    let Some(data) = out.as_slice_mut() else {
        return out;
    };
    if n == 0 {
        return out;
    }
    // Rows are unit vectors for the cosine, so only empty rows scale to 0.
    let scale: Vec<f32> = (0..n)
        .map(|i| match measure {
            Measure::Cosine => f32::from(m.norm(i) > 0.0),
            Measure::Overlap => m.length(i).ln(),
        })
        .collect();
    let value = |i: usize, w: f32| match measure {
        Measure::Cosine => w / m.norm(i),
        Measure::Overlap => 1.0,
    };
    let df = m.df();
    let parallelism = if n < PARALLEL_MIN { Parallelism::Serial } else { parallelism };
    parallelism.for_each_row(data, BLOCK * n, |b, chunk| {
        let r0 = b * BLOCK;
        let rows = chunk.len() / n;
        let Ok(mut block) = ArrayViewMut2::from_shape((rows, n), chunk) else {
            return;
        };
        // The block's terms that other sentences share: the only ones its
        // products need, as columns in term order.
        let mut cols: Vec<u32> = (r0..r0 + rows)
            .flat_map(|i| m.terms(i).iter().copied())
            .filter(|&t| df[t as usize] > 1)
            .collect();
        cols.sort_unstable();
        cols.dedup();
        if !cols.is_empty() {
            let mut index = vec![u32::MAX; m.n_terms()];
            for (k, &t) in cols.iter().enumerate() {
                index[t as usize] = k as u32;
            }
            // Rows `from..to` over the block's columns, transposed.
            let columns = |from: usize, to: usize| {
                let mut x = Array2::<f32>::zeros((cols.len(), to - from));
                for j in from..to {
                    for (&t, &w) in m.terms(j).iter().zip(m.weights(j)) {
                        if let Some(&k) = index.get(t as usize).filter(|&&k| k != u32::MAX) {
                            x[[k as usize, j - from]] = value(j, w);
                        }
                    }
                }
                x
            };
            let own = columns(r0, r0 + rows);
            // The last block's upper triangle is its own rows.
            let rest = (r0 + rows < n).then(|| columns(r0, n));
            let rhs = rest.as_ref().unwrap_or(&own);
            general_mat_mul(1.0, &own.t(), rhs, 0.0, &mut block.slice_mut(s![.., r0..]));
        }
        for (r, mut row) in block.rows_mut().into_iter().enumerate() {
            let i = r0 + r;
            for (v, &sj) in row.slice_mut(s![r0..]).iter_mut().zip(&scale[r0..]) {
                if *v != 0.0 {
                    *v = measure.finish_scaled(*v, scale[i], sj);
                }
            }
            let own: f32 = match measure {
                Measure::Cosine => m.weights(i).iter().map(|&w| value(i, w) * value(i, w)).sum(),
                Measure::Overlap => m.terms(i).len() as f32,
            };
            row[i] = if own > 0.0 { measure.finish_scaled(own, scale[i], scale[i]) } else { 0.0 };
        }
    });
    // Below the diagonal blocks: the transpose of what the blocks above computed.
    for i in BLOCK..n {
        for j in 0..i / BLOCK * BLOCK {
            data[i * n + j] = data[j * n + i];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Similarity of two sentences straight from the definitions.
    fn reference(m: &TermMatrix, measure: Measure, i: usize, j: usize) -> f32 {
        let shared: Vec<(f32, f32)> = m
            .terms(i)
            .iter()
            .zip(m.weights(i))
            .filter_map(|(t, &wi)| {
                let k = m.terms(j).iter().position(|u| u == t)?;
                Some((wi, m.weights(j)[k]))
            })
            .collect();
        match measure {
            Measure::Cosine => {
                let dot: f32 = shared.iter().map(|(a, b)| a * b).sum();
                if dot > 0.0 { (dot / (m.norm(i) * m.norm(j))).min(1.0) } else { 0.0 }
            }
            Measure::Overlap => {
                let d = m.length(i).ln() + m.length(j).ln();
                if !shared.is_empty() && d > 0.0 { shared.len() as f32 / d } else { 0.0 }
            }
        }
    }

    /// Sentences over a few hundred terms, some of them shared widely, some
    /// once, of varied lengths and counts, including empty ones.
    fn corpus(n: u32) -> TermMatrix {
        let rows: Vec<Vec<u32>> = (0..n)
            .map(|i| {
                let mut r = vec![i % 5, 5 + i % 17, 22 + (i * 7) % 83, 105 + i, 22 + (i * 7) % 83];
                r.truncate((i % 6) as usize);
                r
            })
            .collect();
        TermMatrix::new(&rows, 105 + n as usize)
    }

    #[test]
    fn blocks_give_every_entry_of_the_definition() {
        // Three blocks, the last one partial.
        let m = corpus(150);
        for measure in [Measure::Cosine, Measure::Overlap] {
            let s = dense(&m, measure, Parallelism::Serial);
            for i in 0..150 {
                for j in 0..150 {
                    assert_eq!(s[[i, j]], s[[j, i]], "{measure:?} ({i},{j})");
                    if i != j {
                        let want = reference(&m, measure, i, j);
                        assert!((s[[i, j]] - want).abs() < 1e-6, "{measure:?} ({i},{j})");
                    }
                }
            }
            for i in 0..150 {
                let d = s[[i, i]];
                match measure {
                    Measure::Cosine if m.terms(i).is_empty() => assert_eq!(d, 0.0),
                    Measure::Cosine => assert!((d - 1.0).abs() < 1e-6, "{i}: {d}"),
                    // Length 1: ln 1 + ln 1 = 0, no similarity.
                    Measure::Overlap if m.length(i) <= 1.0 => assert_eq!(d, 0.0),
                    Measure::Overlap => {
                        let want = m.terms(i).len() as f32 / (2.0 * m.length(i).ln());
                        assert!((d - want).abs() < 1e-6, "{i}: {d} vs {want}");
                    }
                }
            }
        }
    }

    #[test]
    fn parallel_blocks_equal_serial_bit_for_bit() {
        let m = corpus(300);
        for measure in [Measure::Cosine, Measure::Overlap] {
            let a = dense(&m, measure, Parallelism::Serial);
            let b = dense(&m, measure, Parallelism::Parallel);
            let bits = |x: &Array2<f32>| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&a), bits(&b), "{measure:?}");
        }
    }

    #[test]
    fn empty_and_termless_scopes() {
        let none = TermMatrix::new(&[], 0);
        assert_eq!(dense(&none, Measure::Cosine, Parallelism::Parallel).dim(), (0, 0));
        let blank = TermMatrix::new(&[vec![], vec![]], 0);
        let s = dense(&blank, Measure::Overlap, Parallelism::Serial);
        assert_eq!(s, Array2::<f32>::zeros((2, 2)));
    }
}
