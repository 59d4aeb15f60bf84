use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// A term's integer id: its index in the [`Vocabulary`].
pub type TermId = u32;

/// Interned terms: each distinct stem gets the next integer id.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, TermId, FxBuildHasher>,
    terms: Vec<String>,
}

impl Vocabulary {
    /// The id of `term`, assigning the next id if it is new.
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.terms.push(term.to_owned());
        self.ids.insert(term.to_owned(), id);
        id
    }

    /// The id of `term`, if known.
    pub fn get(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// The term with id `id`.
    pub fn term(&self, id: TermId) -> Option<&str> {
        self.terms.get(id as usize).map(String::as_str)
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was interned yet.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// The Fx hash (as in rustc): a multiply and rotate per 8 bytes and a final rotation, several times
/// faster than SipHash on short keys such as words. It does not resist
/// deliberately colliding keys, which only slows a run down.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxBuildHasher;

impl BuildHasher for FxBuildHasher {
    type Hasher = FxHasher;

    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

/// State of one Fx hash.
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    /// The state turned so that its best-mixed bits come first. A multiply
    /// mixes upwards: the low bits of the state depend only on the low bits of
    /// the input, and hash tables take their bucket from the low bits, so
    /// words sharing their first letters would crowd into the same buckets.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}
