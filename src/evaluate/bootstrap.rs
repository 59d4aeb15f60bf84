//! System-level averages with bootstrap confidence intervals, as ROUGE-1.5.5 prints them
//! (`computeAverages` and `bootstrapResampling` in its Perl source).
//!
//! ROUGE-1.5.5 does not print the plain mean of its per-instance scores: `Average_R` is the mean
//! of `resamples` bootstrap means, resample `i` drawing its instances with Perl's `rand` after
//! `srand(i)`. Perl's `rand` is the 48-bit linear congruential generator of `drand48`, so the
//! draws, and with them the printed figures, are reproducible.

use serde::{Deserialize, Serialize};

use super::rouge::round5;
use super::{Prf, RougeScores};

/// ROUGE-1.5.5's system-level figures: the bootstrap average and the confidence interval.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bootstrap {
    /// `Average_R`, `Average_P`, `Average_F` of each measure.
    pub average: RougeScores,
    /// Lower ends of the confidence intervals.
    pub low: RougeScores,
    /// Upper ends of the confidence intervals.
    pub high: RougeScores,
}

/// Perl's `srand`/`rand` (`drand48`): x ← (0x5DEECE66D·x + 0xB) mod 2⁴⁸.
struct Drand48(u64);

impl Drand48 {
    const MASK: u64 = (1 << 48) - 1;

    fn seeded(seed: u32) -> Self {
        Drand48((u64::from(seed) << 16) | 0x330e)
    }

    /// Perl's `int(rand($n))`.
    fn below(&mut self, n: usize) -> usize {
        self.0 = (self.0.wrapping_mul(0x5_deec_e66d).wrapping_add(0xb)) & Self::MASK;
        let unit = self.0 as f64 / (1u64 << 48) as f64;
        ((n as f64 * unit) as usize).min(n.saturating_sub(1))
    }
}

/// Bootstrap average and confidence interval of per-instance scores, exactly as ROUGE-1.5.5
/// computes its `Average_R/P/F` lines: `resamples` is its `-r` (1000 by default) and
/// `confidence` its `-c`, in percent (95 by default).
///
/// The result depends on the order of `scores`: to reproduce ROUGE-1.5.5's figures, give them in
/// the order it sorts its instances, by the string `"<evaluation id>.<system id>"`. All instances
/// should come from one configuration; a missing ROUGE-N order counts as zero.
pub fn bootstrap(scores: &[RougeScores], resamples: usize, confidence: f64) -> Bootstrap {
    if scores.is_empty() || resamples == 0 {
        return Bootstrap::default();
    }
    let count = scores.len();
    // Every measure is resampled with the same seeds, hence the same draws.
    let draws: Vec<Vec<usize>> = (0..resamples)
        .map(|seed| {
            let mut rng = Drand48::seeded(u32::try_from(seed).unwrap_or(u32::MAX));
            (0..count).map(|_| rng.below(count)).collect()
        })
        .collect();
    let confidence = if confidence.is_nan() { 95.0 } else { confidence.clamp(0.0, 100.0) };
    let summarize = |values: &[f64]| -> (f64, f64, f64) {
        let mut means: Vec<f64> = draws
            .iter()
            .map(|picks| picks.iter().map(|&i| values[i]).sum::<f64>() / count as f64)
            .collect();
        means.sort_by(f64::total_cmp);
        let average = means.iter().sum::<f64>() / resamples as f64;
        let delta = resamples as f64 * ((100.0 - confidence) / 2.0) / 100.0;
        let upper = (resamples as f64 - delta - 1.0) as usize;
        let lower = delta as usize;
        let ratio = resamples as f64 - delta - 1.0 - upper as f64;
        // Perl reads past the end of an array as 0.
        let at = |i: usize| means.get(i).copied().unwrap_or(0.0);
        let interpolate = |i: usize| at(i) + (at(i + 1) - at(i)) * ratio;
        (round5(average), round5(interpolate(lower)), round5(interpolate(upper)))
    };
    let measure = |pick: &dyn Fn(&RougeScores) -> Prf| -> (Prf, Prf, Prf) {
        let picked: Vec<Prf> = scores.iter().map(pick).collect();
        let recall: Vec<f64> = picked.iter().map(|p| p.recall).collect();
        let precision: Vec<f64> = picked.iter().map(|p| p.precision).collect();
        let f: Vec<f64> = picked.iter().map(|p| p.f).collect();
        let (r, p, f) = (summarize(&recall), summarize(&precision), summarize(&f));
        (
            Prf { recall: r.0, precision: p.0, f: f.0 },
            Prf { recall: r.1, precision: p.1, f: f.1 },
            Prf { recall: r.2, precision: p.2, f: f.2 },
        )
    };
    let orders = scores.iter().map(|s| s.rouge_n.len()).max().unwrap_or(0);
    let mut result = Bootstrap::default();
    for k in 0..orders {
        let (average, low, high) =
            measure(&|s: &RougeScores| s.rouge_n.get(k).copied().unwrap_or_default());
        result.average.rouge_n.push(average);
        result.low.rouge_n.push(low);
        result.high.rouge_n.push(high);
    }
    (result.average.rouge_l, result.low.rouge_l, result.high.rouge_l) =
        measure(&|s: &RougeScores| s.rouge_l);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_sequence() {
        // srand48(0) sets x0 = 0x330E; one step gives x1 = 0x5DEECE66D * 0x330E + 0xB mod 2^48.
        let mut rng = Drand48::seeded(0);
        rng.below(1);
        assert_eq!(rng.0, 0x2bbb_62dc_5101);
    }

    #[test]
    fn degenerate_inputs() {
        assert_eq!(bootstrap(&[], 1000, 95.0), Bootstrap::default());
        let one = RougeScores {
            rouge_n: vec![Prf { recall: 0.5, precision: 0.25, f: 0.33333 }],
            rouge_l: Prf::default(),
        };
        let b = bootstrap(std::slice::from_ref(&one), 1000, 95.0);
        assert_eq!(b.average, one);
        assert_eq!(b.low, one);
        assert_eq!(b.high, one);
        assert_eq!(bootstrap(std::slice::from_ref(&one), 0, 95.0), Bootstrap::default());
        let wide = bootstrap(std::slice::from_ref(&one), 10, 100.0);
        assert_eq!(wide.average, one);
    }
}
