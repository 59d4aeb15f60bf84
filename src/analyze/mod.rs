//! Text analysis: Unicode word tokenization → lower-casing → language folding (French and
//! Italian elision, Arabic and Greek orthographic variants) → stop-word removal → stemming →
//! interning as integer term ids.
//!
//! Later stages only see term ids ([`TermId`]); the strings live once in the
//! [`Vocabulary`].

mod language;
mod normalize;
mod vocabulary;

pub use language::Language;
pub use vocabulary::{TermId, Vocabulary};

use normalize::Folding;
use vocabulary::FxBuildHasher;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use unicode_segmentation::UnicodeSegmentation;

use crate::error::Result;
use crate::parallel::Parallelism;

/// Turns text into stemmed content-word terms for one language.
pub struct Analyzer {
    language: Language,
    folding: Folding,
    /// Folded like the words they are compared with; one shared set per language.
    stop_words: std::sync::Arc<HashSet<String>>,
    stemmer: rust_stemmers::Stemmer,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("language", &self.language).finish()
    }
}

impl Analyzer {
    /// An analyzer for `language`.
    pub fn new(language: Language) -> Self {
        let folding = Folding::of(language);
        let stop_words = shared_stop_words(language, &folding);
        Analyzer {
            language,
            folding,
            stop_words,
            stemmer: rust_stemmers::Stemmer::create(language.stemmer()),
        }
    }

    /// An analyzer for a language code such as `en` or `english`.
    pub fn for_code(code: &str) -> Result<Self> {
        Ok(Self::new(Language::parse(code)?))
    }

    /// The analyzer's language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Calls `f` with each stemmed content word of `text`, in order.
    ///
    /// A word is a Unicode word segment holding at least one letter; numbers and
    /// punctuation are not content words. French and Italian words lose an elided
    /// prefix (`l'accord` → `accord`), Arabic words their harakat and tatweel with
    /// alef, alef maqsura and ta marbuta unified, Greek words their accents and final
    /// sigma. The lower-casing buffers are reused.
    pub fn for_each_term(&self, text: &str, mut f: impl FnMut(&str)) {
        let mut scratch = Scratch::default();
        for word in text.unicode_words() {
            if let Some(stem) = self.term(word, &mut scratch) {
                f(&stem);
            }
        }
    }

    /// The stem of one word segment, or `None` when it is not a content word.
    fn term<'a>(&self, word: &str, scratch: &'a mut Scratch) -> Option<Cow<'a, str>> {
        if !word.chars().any(char::is_alphabetic) {
            return None;
        }
        let Scratch { lower, spare } = scratch;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        // Curly apostrophes would otherwise split "Russia’s" from "Russia's".
        if lower.contains('\u{2019}') {
            spare.clear();
            spare.extend(lower.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }));
            std::mem::swap(lower, spare);
        }
        self.folding.apply(lower, spare);
        let lower: &'a String = lower;
        let base = lower.strip_suffix("'s").unwrap_or(lower);
        if self.stop_words.contains(base) || self.stop_words.contains(lower.as_str()) {
            return None;
        }
        Some(self.stemmer.stem(base))
    }

    /// The term ids of `texts`, numbered from 0 in order of first appearance,
    /// and each id's slot in this thread's [`TermCache`] (where its string is).
    ///
    /// Words are looked up as written in the thread's cache of words, so a word
    /// is analyzed once per thread rather than once per text; numbering goes
    /// through a slot-indexed table, so no string is hashed twice or copied.
    fn analyze_chunk<S: AsRef<str>>(&self, texts: &[S]) -> (Vec<Vec<TermId>>, Vec<u32>) {
        TERM_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            cache.prepare(self.language);
            let TermCache { words, terms, slots, local, .. } = &mut *cache;
            let mut scratch = Scratch::default();
            // Local id of each slot (`NO_ID` where unused), reset on the way out.
            local.resize(terms.len(), NO_ID);
            let mut order: Vec<u32> = Vec::new();
            let rows = texts
                .iter()
                .map(|t| {
                    let t = t.as_ref();
                    // About one content word per 8 bytes of news text.
                    let mut row = Vec::with_capacity(t.len() / 8);
                    for word in t.unicode_words() {
                        let slot = match words.get(word) {
                            Some(slot) => slot,
                            None => {
                                let slot = match self.term(word, &mut scratch) {
                                    None => NO_ID,
                                    Some(term) => match slots.get(term.as_ref()) {
                                        Some(&slot) => slot,
                                        None => {
                                            let slot = terms.len() as u32;
                                            let term: Box<str> = term.into();
                                            slots.insert(term.clone(), slot);
                                            terms.push(term);
                                            local.push(NO_ID);
                                            slot
                                        }
                                    },
                                };
                                words.insert(word, slot);
                                slot
                            }
                        };
                        if slot == NO_ID {
                            continue;
                        }
                        let id = &mut local[slot as usize];
                        if *id == NO_ID {
                            *id = order.len() as TermId;
                            order.push(slot);
                        }
                        row.push(*id);
                    }
                    row
                })
                .collect();
            for &slot in &order {
                local[slot as usize] = NO_ID;
            }
            (rows, order)
        })
    }

    /// The strings of a chunk's terms, in id order (see [`analyze_chunk`](Self::analyze_chunk)).
    fn chunk_terms(order: &[u32]) -> Vec<String> {
        TERM_CACHE.with(|cache| {
            let cache = cache.borrow();
            order.iter().map(|&slot| cache.terms[slot as usize].to_string()).collect()
        })
    }

    /// The stemmed content words of `text`.
    pub fn terms(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_term(text, |t| out.push(t.to_owned()));
        out
    }

    /// Analyzes every text and interns the terms: one id list per text.
    ///
    /// Texts are analyzed in parallel in chunks; each chunk
    /// stems every distinct word once and numbers its terms in order of first
    /// appearance. The chunks' terms are then interned in chunk order, which
    /// gives every term the id one sequential pass over all texts would, so
    /// ids do not depend on the number of threads.
    pub fn analyze_all<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        vocabulary: &mut Vocabulary,
        parallelism: Parallelism,
    ) -> Vec<Vec<TermId>> {
        let chunk = chunk_size(texts.len());
        // Slots belong to the thread that made them, so each chunk turns its
        // slots into strings on that thread.
        let analyze = |texts: &[S]| {
            let (rows, order) = self.analyze_chunk(texts);
            (Self::chunk_terms(&order), rows)
        };
        let chunks: Vec<(Vec<String>, Vec<Vec<TermId>>)> = if texts.len() <= chunk {
            vec![analyze(texts)]
        } else {
            parallelism.map_range(texts.len().div_ceil(chunk), |c| {
                analyze(&texts[c * chunk..((c + 1) * chunk).min(texts.len())])
            })
        };
        let global: Vec<Vec<TermId>> = chunks
            .iter()
            .map(|(terms, _)| terms.iter().map(|t| vocabulary.intern(t)).collect())
            .collect();
        parallelism
            .map_range(chunks.len(), |c| {
                let map = &global[c];
                chunks[c]
                    .1
                    .iter()
                    .map(|row| row.iter().map(|&l| map[l as usize]).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect()
    }

    /// The term ids of every text and the number of distinct terms, as
    /// [`analyze_all`](Self::analyze_all) numbers them into an empty
    /// vocabulary, without keeping the terms' strings: what ranking needs.
    pub fn term_ids<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        parallelism: Parallelism,
    ) -> (Vec<Vec<TermId>>, usize) {
        if texts.len() <= chunk_size(texts.len()) {
            // One chunk numbers its terms from 0 in order of first appearance,
            // as an empty vocabulary would: no strings needed.
            let (rows, order) = self.analyze_chunk(texts);
            return (rows, order.len());
        }
        let mut vocabulary = Vocabulary::default();
        let ids = self.analyze_all(texts, &mut vocabulary, parallelism);
        (ids, vocabulary.len())
    }
}

/// Texts per analysis chunk: about 16 chunks, enough to share out, large
/// enough that most words repeat within a chunk. Any chunking gives the same ids.
fn chunk_size(n: usize) -> usize {
    n.div_ceil(16).clamp(1_024, 16_384)
}

/// The folded stop-word set of `language`, built once per process: the ISO
/// lists run to a thousand words, and building the set took most of the time
/// of summarizing one short article with a fresh summarizer.
fn shared_stop_words(language: Language, folding: &Folding) -> std::sync::Arc<HashSet<String>> {
    type Sets = std::sync::Mutex<HashMap<Language, std::sync::Arc<HashSet<String>>>>;
    static SETS: std::sync::OnceLock<Sets> = std::sync::OnceLock::new();
    let build = || {
        let mut scratch = String::new();
        let words: HashSet<String> = language
            .stop_words()
            .iter()
            .map(|w| {
                let mut w = w.to_lowercase().replace('\u{2019}', "'");
                folding.apply(&mut w, &mut scratch);
                w
            })
            .collect();
        std::sync::Arc::new(words)
    };
    let sets = SETS.get_or_init(Default::default);
    match sets.lock() {
        Ok(mut sets) => std::sync::Arc::clone(sets.entry(language).or_insert_with(build)),
        // A panic elsewhere while holding the lock leaves the cache unusable, not the analyzer.
        Err(_) => build(),
    }
}

/// Words a thread keeps the terms of; about 20 MB at most.
const TERM_CACHE_SIZE: usize = 200_000;

/// Slot of a word that is not a content word, and an unused local id.
const NO_ID: u32 = u32::MAX;

/// Recent words and their terms, for one language. Each distinct term has a
/// slot; words map to their term's slot.
#[derive(Default)]
struct TermCache {
    language: Option<Language>,
    /// Word as written → slot of its term ([`NO_ID`]: not a content word).
    words: WordMap,
    /// Slot → term.
    terms: Vec<Box<str>>,
    /// Term → slot, so that words with one stem share a slot.
    slots: HashMap<Box<str>, u32, FxBuildHasher>,
    /// Slot → id in the chunk being analyzed; [`NO_ID`] between chunks.
    local: Vec<u32>,
}

impl TermCache {
    /// Ready for a chunk in `language`: emptied when the language changes or
    /// the cache is full (only between chunks, while no slot is in use).
    fn prepare(&mut self, language: Language) {
        if self.language != Some(language) || self.words.len() >= TERM_CACHE_SIZE {
            *self = TermCache { language: Some(language), ..TermCache::default() };
        }
    }
}

/// Words as written → slots. A word of up to 15 bytes (nearly every one) is
/// its own key, stored in the table: a lookup reads one table entry, not a
/// table entry and then a string elsewhere on the heap.
#[derive(Default)]
struct WordMap {
    short: HashMap<ShortWord, u32, FxBuildHasher>,
    long: HashMap<Box<str>, u32, FxBuildHasher>,
}

impl WordMap {
    fn get(&self, word: &str) -> Option<u32> {
        match ShortWord::new(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    fn insert(&mut self, word: &str, slot: u32) {
        match ShortWord::new(word) {
            Some(key) => self.short.insert(key, slot),
            None => self.long.insert(word.into(), slot),
        };
    }

    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

/// A word of at most 15 bytes, zero-padded, its length in the last byte.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortWord(u64, u64);

impl ShortWord {
    fn new(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > 15 {
            return None;
        }
        let mut b = [0u8; 16];
        b[..bytes.len()].copy_from_slice(bytes);
        b[15] = bytes.len() as u8;
        let (lo, hi) = b.split_at(8);
        Some(ShortWord(
            u64::from_le_bytes(lo.try_into().ok()?),
            u64::from_le_bytes(hi.try_into().ok()?),
        ))
    }
}

impl std::hash::Hash for ShortWord {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
        state.write_u64(self.1);
    }
}

thread_local! {
    static TERM_CACHE: std::cell::RefCell<TermCache> = std::cell::RefCell::default();
}

/// Buffers reused by every word of an analysis pass.
#[derive(Default)]
struct Scratch {
    lower: String,
    spare: String,
}

/// Analyzes `texts` with `analyzer` into a fresh vocabulary.
pub fn analyze<S: AsRef<str> + Sync>(
    analyzer: &Analyzer,
    texts: &[S],
    parallelism: Parallelism,
) -> (Vocabulary, Vec<Vec<TermId>>) {
    let mut vocabulary = Vocabulary::default();
    let ids = analyzer.analyze_all(texts, &mut vocabulary, parallelism);
    (vocabulary, ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_stop_words_numbers_and_stems() {
        let a = Analyzer::new(Language::English);
        assert_eq!(
            a.terms("The negotiators began 2 rounds of talks in Abu Dhabi."),
            ["negoti", "began", "round", "talk", "abu", "dhabi"]
        );
    }

    #[test]
    fn straight_and_curly_possessives_agree() {
        let a = Analyzer::new(Language::English);
        assert_eq!(a.terms("Ukraine’s energy grid"), a.terms("Ukraine's energy grid"));
        assert_eq!(a.terms("Ukraine’s")[0], "ukrain");
    }

    #[test]
    fn interning_is_in_order_and_shared() {
        let a = Analyzer::new(Language::English);
        let (vocab, ids) =
            analyze(&a, &["Talks resumed.", "The talks ended; talks again."], Parallelism::Serial);
        assert_eq!(ids, vec![vec![0, 1], vec![0, 2, 0]]);
        assert_eq!(vocab.term(2), Some("end"));
        assert_eq!(vocab.len(), 3);
    }

    #[test]
    fn chunked_ids_equal_one_sequential_pass() {
        let a = Analyzer::new(Language::English);
        let words = [
            "Talks",
            "talks",
            "Russia’s",
            "russia's",
            "the",
            "2026",
            "Kyiv",
            "negotiators",
            "ended",
            "é",
        ];
        let mut x = 7u64;
        let texts: Vec<String> = (0..5_000)
            .map(|_| {
                (0..6)
                    .map(|_| {
                        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        let w = words[(x >> 33) as usize % words.len()];
                        format!("{w}{}", (x >> 40) % 700)
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let mut want_vocab = Vocabulary::default();
        let want: Vec<Vec<TermId>> = texts
            .iter()
            .map(|t| a.terms(t).iter().map(|s| want_vocab.intern(s)).collect())
            .collect();
        for parallelism in [Parallelism::Serial, Parallelism::Parallel] {
            let (vocab, ids) = analyze(&a, &texts, parallelism);
            assert_eq!(ids, want);
            assert_eq!(vocab.len(), want_vocab.len());
            assert_eq!(vocab.term(100), want_vocab.term(100));
        }
    }

    #[test]
    fn other_languages_stem_with_their_own_rules() {
        let a = Analyzer::for_code("fr").unwrap();
        assert_eq!(a.terms("Les négociations continuent"), ["négoci", "continuent"]);
        assert!(Analyzer::for_code("klingon").is_err());
    }

    #[test]
    fn french_elided_words_are_the_word_after_the_apostrophe() {
        let a = Analyzer::new(Language::French);
        // From the MultiLing 2011 French dev set: "l'aide" and "d'aide", "qu'il".
        assert_eq!(a.terms("l'aide d’aide aide"), ["aid", "aid", "aid"]);
        assert_eq!(a.terms("l'accord d'Abu Dhabi qu'il signe"), ["accord", "abu", "dhab", "sign"]);
        assert_eq!(a.terms("qu'ils"), a.terms("ils"));
    }

    #[test]
    fn arabic_and_greek_stop_words_match_every_spelling() {
        let a = Analyzer::new(Language::Arabic);
        // "على" (on) is also written "علي" in the dev set; "إلى" (to) as "الى".
        assert!(a.terms("على علي إلى الى أنه").is_empty());
        assert_eq!(a.terms("إيران"), a.terms("ايران"));
        let g = Analyzer::new(Language::Greek);
        assert!(g.terms("ΕΙΝΑΙ είναι ειναι από απο").is_empty());
        assert_eq!(g.terms("Ιράν"), g.terms("ΙΡΑΝ"));
        assert_eq!(g.terms("Μπλέρ"), g.terms("Μπλερ"));
    }

    #[test]
    fn folding_leaves_the_text_alone() {
        let a = Analyzer::new(Language::French);
        let text = String::from("l’accord");
        let (vocab, ids) = analyze(&a, &[text.as_str()], Parallelism::Serial);
        assert_eq!(vocab.term(ids[0][0]), Some("accord"));
        assert_eq!(text, "l’accord");
    }
}
