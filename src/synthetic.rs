//! A seeded generator of news-like corpora of any size, for benchmarks.
//!
//! Real text is too small to time a million-sentence corpus on, and repeating
//! it would give every sentence thousands of exact copies and the whole corpus
//! the vocabulary of one story, which no news stream has. The generator
//! therefore recombines real sentences, so sentence lengths, word order and
//! the frequencies of common words stay those of real news, and spreads them
//! over stories, so the vocabulary grows with the corpus as real ones do
//! (Heaps' law):
//!
//! * the sources are the candidate sentences of real articles (the five
//!   bundled seed articles, or any articles given), found by the same
//!   cleaning and segmentation as the pipeline uses;
//! * each article belongs to a story, drawn with Zipf-like (1/rank)
//!   frequencies from a pool of one story per eight articles, so a few stories
//!   run to hundreds of articles and most to a handful;
//! * an article of 20–40 sentences draws most of them from its story's source
//!   article and the rest from any;
//! * about half of the sentences are spliced: the first part of one sentence,
//!   cut at a comma or near its middle, joined to the second part of another;
//! * one word in ten of four letters or more is swapped for a word drawn from
//!   all source words (so by its frequency in real text);
//! * a story renames, the same way in all its articles, half of its proper
//!   nouns to names and a quarter of its content words of five letters or
//!   more to words, both drawn with Zipf-like frequencies from pools that grow
//!   with the corpus: popular names and words recur across stories, most are
//!   specific to a few;
//! * sentences form paragraphs of 1–4 sentences under a
//!   ` date YYYY-MM-DD <headline>` header line; every sentence is checked to
//!   segment as one sentence, so a corpus of N generated sentences has N
//!   candidate sentences.
//!
//! The same sources, size and seed give the same corpus on every machine and
//! for any thread count: each article has its own random stream and every
//! story-wide choice is a hash of the story and the word.

use std::collections::HashSet;

use crate::analyze::Language;
use crate::error::{Error, Result};
use crate::ingest::{Article, article_from_text};
use crate::parallel::Parallelism;
use crate::segment;
use crate::summarize::{collapse, sentences};

/// The bundled seed articles: real news about one story, as scraped.
pub const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../seeds/000_2a113f0ff9a183fd.txt")),
    ("001", include_str!("../seeds/001_93a11c210130a0f6.txt")),
    ("002", include_str!("../seeds/002_6e57bbe5c9b056c1.txt")),
    ("003", include_str!("../seeds/003_740e9f47749fc38b.txt")),
    ("004", include_str!("../seeds/004_7d61056f019242aa.txt")),
];

/// Sentences shorter than this many words are not used as sources.
const MIN_WORDS: usize = 5;
/// Share of sentences spliced from two sources.
const SPLICE: f64 = 0.5;
/// Share of an article's sentences drawn from its story's source.
const TOPIC: f64 = 0.7;
/// Share of long words swapped for a word drawn from all source words.
const SWAP: f64 = 0.1;
/// Share of a story's proper nouns that are renamed.
const RENAME: f64 = 0.5;
/// Share of a story's long content words that are replaced.
const REWORD: f64 = 0.25;
/// Rank of the first spelled word, `mirlo`: lower ranks spell repetitive words.
const FIRST_WORD: u64 = 42;
/// Articles per story, on average.
const ARTICLES_PER_STORY: usize = 8;

/// Generates news-like articles from real source sentences.
#[derive(Debug, Clone)]
pub struct Generator {
    /// Source sentences (whitespace collapsed), grouped by source article.
    sources: Vec<Vec<String>>,
    /// Every word of every source sentence, for frequency-weighted swaps.
    words: Vec<String>,
    /// Words never replaced: the stop words.
    stop: HashSet<&'static str>,
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntheticArticle {
    /// Article id: `synthetic-<index>`.
    pub id: String,
    /// The text: a header line, then paragraphs separated by blank lines.
    pub text: String,
    /// Sentences generated into it.
    pub sentences: usize,
}

impl Generator {
    /// A generator over the bundled seed articles.
    pub fn from_seeds() -> Self {
        let articles: Vec<Article> = SEEDS
            .iter()
            .map(|(id, text)| article_from_text((*id).into(), None, (*text).into(), false))
            .collect();
        // The bundled seeds always hold usable sentences.
        Self::from_articles(&articles).unwrap_or_else(|_| Generator {
            sources: vec![vec!["The talks began on Wednesday in the capital.".into()]],
            words: vec!["talks".into()],
            stop: HashSet::new(),
        })
    }

    /// A generator over the candidate sentences of `articles`.
    ///
    /// # Errors
    /// When no article has a sentence of at least five words.
    pub fn from_articles(articles: &[Article]) -> Result<Self> {
        let mut sources = Vec::new();
        let mut words = Vec::new();
        for article in articles {
            let kept: Vec<String> = sentences(article)
                .iter()
                .map(|s| {
                    let mut s = collapse(&article.text[s.start..s.end]);
                    s.retain(|c| !is_quote(c));
                    s
                })
                .filter(|s| s.split(' ').count() >= MIN_WORDS && stands_alone(s))
                .collect();
            for s in &kept {
                words.extend(s.split(' ').map(str::to_owned));
            }
            if !kept.is_empty() {
                sources.push(kept);
            }
        }
        if sources.is_empty() {
            return Err(Error::InvalidSetting {
                setting: "synthetic corpus source",
                reason: "has no sentence of five words or more to generate from".into(),
            });
        }
        let stop = Language::English.stop_words().iter().copied().collect();
        Ok(Generator { sources, words, stop })
    }

    /// Number of source sentences.
    pub fn source_sentences(&self) -> usize {
        self.sources.iter().map(Vec::len).sum()
    }

    /// Articles holding `sentences` sentences in all, made from `seed`.
    pub fn generate(
        &self,
        sentences: usize,
        seed: u64,
        parallelism: Parallelism,
    ) -> Vec<SyntheticArticle> {
        let mut rng = Rng::new(seed);
        let mut sizes = Vec::new();
        let mut left = sentences;
        while left > 0 {
            let k = (20 + rng.below(21)).min(left);
            sizes.push(k);
            left -= k;
        }
        let stories = (sizes.len() / ARTICLES_PER_STORY).max(1);
        let world = World {
            seed: rng.next(),
            names: (sentences / 3).max(1_000),
            words: (sentences / 3).max(1_000),
        };
        let jobs: Vec<(usize, usize, u64, u64)> =
            sizes.iter().enumerate().map(|(a, &k)| (a, k, rng.zipf(stories), rng.next())).collect();
        parallelism.map(&jobs, |&(a, k, story, s)| self.article(a, k, Story::new(&world, story), s))
    }

    fn article(&self, index: usize, k: usize, story: Story<'_>, seed: u64) -> SyntheticArticle {
        let mut rng = Rng::new(seed);
        let topic = (story.seed % self.sources.len() as u64) as usize;
        let mut body = String::new();
        let mut headline = String::new();
        let mut in_paragraph = 0;
        let mut paragraph_len = 1 + rng.below(4);
        let mut lines: Vec<String> = Vec::with_capacity(k);
        for s in 0..k {
            // A sentence repeated within an article would be set aside as a
            // duplicate line when it fills a paragraph alone.
            let mut line = self.sentence(&mut rng, topic, &story);
            for _ in 0..16 {
                if !lines.contains(&line) {
                    break;
                }
                line = self.sentence(&mut rng, topic, &story);
            }
            if s == 0 {
                headline = line.split(' ').take(8).collect::<Vec<_>>().join(" ");
                headline = headline.trim_end_matches(|c: char| !c.is_alphanumeric()).into();
            }
            if in_paragraph == paragraph_len {
                body.push_str("\n\n");
                in_paragraph = 0;
                paragraph_len = 1 + rng.below(4);
            } else if in_paragraph > 0 {
                body.push(' ');
            }
            body.push_str(&line);
            lines.push(line);
            in_paragraph += 1;
        }
        let (month, day) = (1 + rng.below(12), 1 + rng.below(28));
        let text = format!(" date 2026-{month:02}-{day:02} {headline}\n\n{body}\n");
        SyntheticArticle { id: format!("synthetic-{:06}", index + 1), text, sentences: k }
    }

    fn pick(&self, rng: &mut Rng, topic: usize) -> &str {
        let source = if rng.chance(TOPIC) {
            &self.sources[topic]
        } else {
            &self.sources[rng.below(self.sources.len())]
        };
        &source[rng.below(source.len())]
    }

    /// One sentence: a source sentence or a splice of two, with word swaps
    /// and the story's renamings; it always segments as one sentence (a
    /// name can spell an abbreviation or a sentence opener), else the source
    /// sentence is taken as it is.
    fn sentence(&self, rng: &mut Rng, topic: usize, story: &Story<'_>) -> String {
        let first = self.pick(rng, topic);
        let mut out = String::new();
        if rng.chance(SPLICE) {
            let second = self.pick(rng, topic);
            let a: Vec<&str> = first.split(' ').collect();
            let b: Vec<&str> = second.split(' ').collect();
            let (i, j) = (cut(&a), cut(&b));
            self.write(&mut out, a[..i].iter().chain(&b[j..]).copied(), rng, story);
        } else {
            self.write(&mut out, first.split(' '), rng, story);
        }
        if stands_alone(&out) { out } else { first.to_owned() }
    }

    fn write<'a>(
        &'a self,
        out: &mut String,
        tokens: impl Iterator<Item = &'a str>,
        rng: &mut Rng,
        story: &Story<'_>,
    ) {
        let mut tokens = tokens.peekable();
        let mut first = true;
        while let Some(mut t) = tokens.next() {
            let last = tokens.peek().is_none();
            if !first {
                out.push(' ');
            }
            // Not the last word: it carries the sentence's stop.
            if !last && is_plain_word(t) && rng.chance(SWAP) {
                let w = &self.words[rng.below(self.words.len())];
                if is_plain_word(w) {
                    t = w;
                }
            }
            match proper_noun(t) {
                Some((core, rest)) if !first && (last || !rest.contains('.')) => {
                    story.name(core, out);
                    out.push_str(rest);
                }
                _ if !last && t.len() >= 5 && is_plain_word(t) && !self.stop.contains(t) => {
                    story.word(t, out);
                }
                _ => out.push_str(t),
            }
            first = false;
        }
    }
}

/// Corpus-wide settings of the renamings.
struct World {
    seed: u64,
    /// Size of the pool of names.
    names: usize,
    /// Size of the pool of replacement words.
    words: usize,
}

/// One story's renamings: hashes of the story and the word, so they need no
/// state and agree across the story's articles.
struct Story<'a> {
    world: &'a World,
    seed: u64,
}

impl<'a> Story<'a> {
    fn new(world: &'a World, story: u64) -> Self {
        Story { world, seed: mix(world.seed ^ mix(story)) }
    }

    /// Appends `word`'s name in this story: itself or a drawn name.
    fn name(&self, word: &str, out: &mut String) {
        let mut rng = Rng::new(self.seed ^ hash(word));
        if rng.chance(RENAME) {
            spell(rng.zipf(self.world.names) + FIRST_WORD, true, out);
        } else {
            out.push_str(word);
        }
    }

    /// Appends `word` as this story says it: itself or a drawn word.
    fn word(&self, word: &str, out: &mut String) {
        let mut rng = Rng::new(!self.seed ^ hash(word));
        if rng.chance(REWORD) {
            spell(rng.zipf(self.world.words) + FIRST_WORD, false, out);
        } else {
            out.push_str(word);
        }
    }
}

/// Whether `s` segments as exactly one sentence, also when a capitalised
/// word follows it (so an abbreviation at its end cannot join it to the next).
fn stands_alone(s: &str) -> bool {
    let probe = format!("{s} Kaka kaka.");
    segment::sentences(s, 0..s.len()).len() == 1
        && segment::sentences(&probe, 0..probe.len()).len() == 2
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Where to cut a sentence of `tokens`: after a comma in its middle third,
/// else at its middle.
fn cut(tokens: &[&str]) -> usize {
    let n = tokens.len();
    (n / 3..(2 * n).div_ceil(3))
        .find(|&i| tokens[i].ends_with(','))
        .map_or(n / 2, |i| i + 1)
        .clamp(1, n.saturating_sub(1).max(1))
}

/// A lower-case word of four letters or more, with no punctuation.
fn is_plain_word(t: &str) -> bool {
    t.len() >= 4 && t.bytes().all(|b| b.is_ascii_lowercase())
}

/// Splits a capitalised word into its letters and what follows them
/// (`Ukraine's` → `Ukraine`, `'s`); `None` for other tokens.
fn proper_noun(t: &str) -> Option<(&str, &str)> {
    let end = t.char_indices().find(|(_, c)| !c.is_alphabetic()).map_or(t.len(), |(i, _)| i);
    let core = &t[..end];
    let mut chars = core.chars();
    let first = chars.next()?;
    let rest_lower = chars.clone().all(char::is_lowercase);
    (first.is_uppercase() && rest_lower && core.chars().count() >= 3).then(|| (core, &t[end..]))
}

/// Appends the word of rank `r`: syllables spelling `r` in base 40, at least
/// two, capitalised for a name.
fn spell(mut r: u64, capital: bool, out: &mut String) {
    const SYLLABLES: [&str; 40] = [
        "ka", "lo", "mir", "dan", "ve", "tor", "shi", "ra", "bel", "no", "gus", "fa", "zen", "ti",
        "mar", "co", "hal", "ri", "sun", "pe", "vo", "lin", "da", "kor", "ne", "bas", "mo", "ter",
        "qui", "ja", "wen", "su", "gar", "ol", "fi", "drak", "me", "ston", "ul", "bri",
    ];
    let start = out.len();
    let mut digits = 0;
    while r > 0 || digits < 2 {
        out.push_str(SYLLABLES[(r % 40) as usize]);
        r /= 40;
        digits += 1;
    }
    if capital {
        out[start..start + 1].make_ascii_uppercase();
    }
}

/// The SplitMix64 finaliser: a well-mixed 64-bit value of `x`.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a of `s`, mixed: stable across runs and platforms, unlike `std`'s hasher.
fn hash(s: &str) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
    }
    mix(h)
}

/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform in `0..n`; `n` must be positive.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A rank in `0..n` with probability about proportional to 1/(rank + 1):
    /// log-uniform, as the frequencies of names, words and stories are.
    fn zipf(&mut self, n: usize) -> u64 {
        let r = (n as f64).powf(self.unit()) as u64;
        r.saturating_sub(1).min(n as u64 - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_corpus_for_any_thread_count() {
        let g = Generator::from_seeds();
        let a = g.generate(500, 7, Parallelism::Serial);
        assert_eq!(a, g.generate(500, 7, Parallelism::Parallel));
        assert_ne!(a, g.generate(500, 8, Parallelism::Serial));
        assert_eq!(a.iter().map(|x| x.sentences).sum::<usize>(), 500);
        assert!(a.iter().all(|x| x.sentences <= 40));
    }

    #[test]
    fn segmentation_finds_about_the_generated_sentences() {
        let g = Generator::from_seeds();
        assert!(g.source_sentences() > 100);
        let got: usize = g
            .generate(2_000, 1, Parallelism::Parallel)
            .into_iter()
            .map(|a| sentences(&article_from_text(a.id, None, a.text, false)).len())
            .sum();
        assert_eq!(got, 2_000);
    }

    #[test]
    fn spelled_words_are_distinct() {
        let spelled = |r, capital| {
            let mut s = String::new();
            spell(r, capital, &mut s);
            s
        };
        assert_eq!(spelled(FIRST_WORD, true), "Mirlo");
        assert_eq!(spelled(41, false), "lolo");
        assert_ne!(spelled(1, false), spelled(40, false));
        assert_eq!(spelled(40 * 40 * 40, false), "kakakalo");
    }

    #[test]
    fn vocabulary_grows_with_the_corpus() {
        let g = Generator::from_seeds();
        let distinct = |n| {
            let mut words = HashSet::new();
            for a in g.generate(n, 3, Parallelism::Parallel) {
                words.extend(a.text.split_whitespace().map(str::to_lowercase));
            }
            words.len()
        };
        let (small, large) = (distinct(1_000), distinct(10_000));
        assert!(large > 2 * small, "{small} {large}");
    }

    #[test]
    fn cuts_fall_inside_the_sentence() {
        assert_eq!(cut(&["a", "b", "c,", "d", "e", "f"]), 3);
        assert_eq!(cut(&["a", "b,", "c", "d", "e", "f"]), 3);
        assert_eq!(cut(&["a", "b", "c", "d"]), 2);
        assert_eq!(cut(&["a"]), 1);
    }

    #[test]
    fn from_articles_needs_sentences() {
        let a = article_from_text("x".into(), None, "Too short.".into(), false);
        assert!(Generator::from_articles(&[a]).is_err());
    }
}
