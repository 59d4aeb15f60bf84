//! ROUGE on arbitrary texts: every score is in [0, 1], a text scored against
//! itself gets 1 (or 0 when it has no n-gram of that order; ROUGE-L only
//! without a byte limit), and with one reference ROUGE-N recall of a against
//! b is its precision of b against a.
//!
//! Input: two option bytes, then the summary and references separated by 0x1E.
#![no_main]

use libfuzzer_sys::fuzz_target;
use salient::evaluate::{Prf, RougeConfig, RougeScores, rouge};

fn all(scores: &RougeScores) -> impl Iterator<Item = Prf> + '_ {
    scores.rouge_n.iter().copied().chain([scores.rouge_l])
}

/// Runs of `[a-z0-9]` after ASCII lower-casing: ROUGE-1.5.5's tokens.
fn ascii_tokens(text: &str) -> usize {
    text.to_ascii_lowercase()
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .count()
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (a, b) = (data[0], data[1]);
    let config = RougeConfig {
        max_n: usize::from(a % 4) + 1,
        stem: a & 0x04 != 0,
        remove_stopwords: a & 0x08 != 0,
        unicode: a & 0x10 != 0,
        word_limit: (a & 0x20 != 0).then_some(usize::from(b % 16)),
        byte_limit: (a & 0x40 != 0).then_some(usize::from(b)),
        alpha: f64::from(b % 11) / 10.0,
    };
    let text = String::from_utf8_lossy(&data[2..]).into_owned();
    let mut parts = text.split('\u{1e}');
    let summary = parts.next().unwrap_or_default();
    let references: Vec<&str> = parts.take(4).collect();

    let scores = rouge(&config, summary, &references);
    assert_eq!(scores.rouge_n.len(), config.max_n);
    for p in all(&scores) {
        for x in [p.recall, p.precision, p.f] {
            assert!((0.0..=1.0).contains(&x), "{x} in {scores:?}");
        }
    }

    let own = rouge(&config, summary, &[summary]);
    // Under a byte limit ROUGE-1.5.5 cuts the sentences for ROUGE-L each
    // against the whole limit, but the text they are counted against only once,
    // so a text is not ROUGE-L-identical to itself there; salient reproduces that.
    let byte_limited = config.word_limit.is_none() && config.byte_limit.is_some_and(|b| b > 0);
    let checked = if byte_limited { config.max_n } else { config.max_n + 1 };
    for (n, p) in all(&own).enumerate().take(checked) {
        let one = p.recall == 1.0 && p.precision == 1.0 && p.f == 1.0;
        let zero = p.recall == 0.0 && p.precision == 0.0 && p.f == 0.0;
        assert!(one || zero, "self-score {p:?} (order {})", n + 1);
        let plain = !config.unicode && !config.remove_stopwords;
        let unlimited = config.word_limit.is_none() && config.byte_limit.is_none();
        if plain && unlimited && n < config.max_n && ascii_tokens(summary) > n {
            assert!(one, "self-score {p:?} of ROUGE-{}", n + 1);
        }
    }

    if let [reference] = references[..] {
        let back = rouge(&config, reference, &[summary]);
        for (x, y) in scores.rouge_n.iter().zip(&back.rouge_n) {
            assert_eq!(x.recall, y.precision, "{scores:?} against {back:?}");
        }
    }
});
