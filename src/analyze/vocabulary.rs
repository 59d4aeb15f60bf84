use std::collections::HashMap;

/// A term's integer id: its index in the [`Vocabulary`].
pub type TermId = u32;

/// Interned terms: each distinct stem gets the next integer id.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    ids: HashMap<String, TermId>,
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
