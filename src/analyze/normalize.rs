//! Language-specific folding of a lower-cased word before stop-word lookup and stemming.
//!
//! Folding only changes the analysis terms; the text shown keeps its spelling, since sentences
//! are byte spans into the input.

use super::Language;

/// French elided articles, pronouns and conjunctions (the set of Lucene's `FrenchAnalyzer`
/// `ElisionFilter`): `l'accord`, `d'Abu Dhabi`, `qu'il`, `jusqu'à`.
const FRENCH_ELISIONS: &[&str] =
    &["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"];

/// Italian elided articles and articulated prepositions (the set of Lucene's `ItalianAnalyzer`):
/// `l'accordo`, `dell'ONU`, `un'intesa`, `nell'area`.
const ITALIAN_ELISIONS: &[&str] = &[
    "agl", "all", "c", "coll", "d", "dagl", "dall", "degl", "dell", "gl", "l", "m", "negl", "nell",
    "pell", "s", "sugl", "sull", "t", "un", "v",
];

/// How a language folds its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Folding {
    /// Nothing beyond lower-casing.
    None,
    /// An elided prefix before an apostrophe is dropped: the word is what follows it.
    Elision(&'static [&'static str]),
    /// Harakat and tatweel removed; alef, alef maqsura and ta marbuta unified.
    Arabic,
    /// Accents and diaeresis removed, final sigma written as sigma.
    Greek,
}

impl Folding {
    /// The folding of `language`.
    pub(super) fn of(language: Language) -> Self {
        match language {
            Language::French => Folding::Elision(FRENCH_ELISIONS),
            Language::Italian => Folding::Elision(ITALIAN_ELISIONS),
            Language::Arabic => Folding::Arabic,
            Language::Greek => Folding::Greek,
            _ => Folding::None,
        }
    }

    /// Folds `word`, which is lower-case with straight apostrophes, in place. `scratch` is reused
    /// between calls so that folding a word allocates nothing once the buffers have grown.
    pub(super) fn apply(self, word: &mut String, scratch: &mut String) {
        match self {
            Folding::None => {}
            Folding::Elision(prefixes) => {
                if let Some(at) = word.find('\'') {
                    let rest = &word[at + 1..];
                    if prefixes.contains(&&word[..at]) && rest.chars().any(char::is_alphabetic) {
                        word.drain(..=at);
                    }
                }
            }
            Folding::Arabic => map_chars(word, scratch, arabic),
            Folding::Greek => map_chars(word, scratch, greek),
        }
    }
}

/// Rewrites `word` through `f` (a character to its replacement, or `None` to drop it), leaving
/// it untouched when no character changes.
fn map_chars(word: &mut String, scratch: &mut String, f: fn(char) -> Option<char>) {
    if word.chars().all(|c| f(c) == Some(c)) {
        return;
    }
    scratch.clear();
    scratch.extend(word.chars().filter_map(f));
    std::mem::swap(word, scratch);
}

/// Arabic orthographic variants that newswire writes inconsistently (`إيران` and `ايران`,
/// `المتحدة` and `المتحده`, `على` and `علي`).
fn arabic(c: char) -> Option<char> {
    match c {
        // Tanwin, harakat, shadda, sukun, the other Arabic combining marks, superscript alef.
        '\u{064B}'..='\u{065F}' | '\u{0670}' => None,
        '\u{0640}' => None, // tatweel
        'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
        'ى' => Some('ي'),
        'ة' => Some('ه'),
        _ => Some(c),
    }
}

/// A lower-case Greek letter without its accent, breathing, diaeresis or iota subscript; final
/// sigma as `σ`. Combining marks (decomposed input) are dropped.
fn greek(c: char) -> Option<char> {
    Some(match c {
        '\u{0300}'..='\u{036F}' => return None,
        'ς' => 'σ',
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        // Greek Extended (polytonic): lower-case letters only, since the word is lower-cased.
        '\u{1F00}'..='\u{1FFF}' => polytonic(c).unwrap_or(c),
        _ => c,
    })
}

/// The base letter of a lower-case polytonic Greek letter.
fn polytonic(c: char) -> Option<char> {
    Some(match c {
        '\u{1F00}'..='\u{1F07}' | '\u{1F70}' | '\u{1F71}' | '\u{1F80}'..='\u{1F87}' => 'α',
        '\u{1FB0}'..='\u{1FB4}' | '\u{1FB6}' | '\u{1FB7}' => 'α',
        '\u{1F10}'..='\u{1F15}' | '\u{1F72}' | '\u{1F73}' => 'ε',
        '\u{1F20}'..='\u{1F27}' | '\u{1F74}' | '\u{1F75}' | '\u{1F90}'..='\u{1F97}' => 'η',
        '\u{1FC2}'..='\u{1FC4}' | '\u{1FC6}' | '\u{1FC7}' => 'η',
        '\u{1F30}'..='\u{1F37}' | '\u{1F76}' | '\u{1F77}' => 'ι',
        '\u{1FD0}'..='\u{1FD3}' | '\u{1FD6}' | '\u{1FD7}' => 'ι',
        '\u{1F40}'..='\u{1F45}' | '\u{1F78}' | '\u{1F79}' => 'ο',
        '\u{1F50}'..='\u{1F57}' | '\u{1F7A}' | '\u{1F7B}' => 'υ',
        '\u{1FE0}'..='\u{1FE3}' | '\u{1FE6}' | '\u{1FE7}' => 'υ',
        '\u{1FE4}' | '\u{1FE5}' => 'ρ',
        '\u{1F60}'..='\u{1F67}' | '\u{1F7C}' | '\u{1F7D}' | '\u{1FA0}'..='\u{1FA7}' => 'ω',
        '\u{1FF2}'..='\u{1FF4}' | '\u{1FF6}' | '\u{1FF7}' => 'ω',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(language: Language, word: &str) -> String {
        let mut word: String = word.chars().flat_map(char::to_lowercase).collect();
        word = word.replace('\u{2019}', "'");
        Folding::of(language).apply(&mut word, &mut String::new());
        word
    }

    #[test]
    fn french_elision() {
        // Words of the MultiLing 2011 French dev set.
        assert_eq!(fold(Language::French, "l'accord"), "accord");
        assert_eq!(fold(Language::French, "d'Haïti"), "haïti");
        assert_eq!(fold(Language::French, "d’équipage"), "équipage");
        assert_eq!(fold(Language::French, "qu'ils"), "ils");
        assert_eq!(fold(Language::French, "jusqu'à"), "à");
        assert_eq!(fold(Language::French, "l'ONU"), "onu");
        // Only a known elided word is dropped, and only before a word.
        assert_eq!(fold(Language::French, "aujourd'hui"), "aujourd'hui");
        assert_eq!(fold(Language::French, "l'"), "l'");
        assert_eq!(fold(Language::English, "l'accord"), "l'accord");
    }

    #[test]
    fn italian_elision() {
        assert_eq!(fold(Language::Italian, "l'accordo"), "accordo");
        assert_eq!(fold(Language::Italian, "dell’ONU"), "onu");
        assert_eq!(fold(Language::Italian, "un'intesa"), "intesa");
        assert_eq!(fold(Language::Italian, "po'"), "po'");
    }

    #[test]
    fn arabic_variants_fold_together() {
        // Pairs written both ways in the MultiLing 2011 Arabic dev set.
        assert_eq!(fold(Language::Arabic, "إيران"), fold(Language::Arabic, "ايران"));
        assert_eq!(fold(Language::Arabic, "الإيرانية"), "الايرانيه");
        assert_eq!(fold(Language::Arabic, "المتحدة"), fold(Language::Arabic, "المتحده"));
        assert_eq!(fold(Language::Arabic, "على"), "علي");
        assert_eq!(fold(Language::Arabic, "الآن"), "الان");
        // Harakat and tatweel on a dev-set word.
        assert_eq!(fold(Language::Arabic, "الحُكُومَةُ"), "الحكومه");
        assert_eq!(fold(Language::Arabic, "الحكـــومة"), "الحكومه");
    }

    #[test]
    fn greek_accents_and_final_sigma() {
        // Spellings found side by side in the MultiLing 2011 Greek dev set.
        assert_eq!(fold(Language::Greek, "Ιράν"), "ιραν");
        assert_eq!(fold(Language::Greek, "Μπλέρ"), fold(Language::Greek, "Μπλερ"));
        assert_eq!(fold(Language::Greek, "βοήθειά"), fold(Language::Greek, "βοήθεια"));
        assert_eq!(fold(Language::Greek, "Ευρωπαϊκή"), "ευρωπαικη");
        assert_eq!(fold(Language::Greek, "εκπρόσωπος"), "εκπροσωποσ");
        assert_eq!(fold(Language::Greek, "ΑΣΦΑΛΕΙΑΣ"), fold(Language::Greek, "ασφάλειας"));
        // Decomposed accents and polytonic letters.
        assert_eq!(fold(Language::Greek, "ι\u{0301}ραν"), "ιραν");
        assert_eq!(fold(Language::Greek, "ἀρχὴ"), "αρχη");
    }
}
