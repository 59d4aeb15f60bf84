//! The Porter stemmer exactly as ROUGE-1.5.5 runs it.
//!
//! ROUGE-1.5.5 embeds Martin Porter's Perl implementation ("Release 1") of the algorithm of
//! Porter (1980), "An algorithm for suffix stripping", *Program* 14(3), 130–137, including its
//! two departures from the paper (step 2 maps `bli` → `ble` instead of `abli` → `able`, and adds
//! `logi` → `log`) plus one change by ROUGE's author to step 4: `-ement` words no longer go
//! through the `-ment`/`-ent` rules as alternatives, the three rules run one after another, so
//! `agreement` → `agreem` where the paper gives `agreement`. The Perl code decides every
//! condition with regular expressions; the matchers below accept exactly the strings those
//! expressions match, so the stems agree with ROUGE's even for odd tokens (digits, `y`
//! sequences).
//!
//! Before the stemmer, ROUGE-1.5.5 looks the word up in the WordNet 2.0 exception lists
//! (irregular forms such as `went` → `go`); [`morph_stem`] does the same.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Character classes used by the Perl patterns.
#[derive(Clone, Copy)]
enum Class {
    /// `[^aeiou]`
    NotAeiou,
    /// `[^aeiouy]`
    NotAeiouy,
    /// `[aeiouy]`
    Aeiouy,
    /// `[aeiou]`
    Aeiou,
    /// `[^aeiouwxy]`
    NotAeiouwxy,
}

impl Class {
    fn matches(self, c: char) -> bool {
        match self {
            Class::NotAeiou => !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'),
            Class::NotAeiouy => !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
            Class::Aeiouy => matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'),
            Class::Aeiou => matches!(c, 'a' | 'e' | 'i' | 'o' | 'u'),
            Class::NotAeiouwxy => !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'x' | 'y'),
        }
    }
}

/// One pattern element: a character of class `first`, then any number of `star` characters.
#[derive(Clone, Copy)]
struct Elem {
    first: Class,
    star: Option<Class>,
    optional: bool,
}

/// `${C}` = `[^aeiou][^aeiouy]*`, a consonant sequence.
const C: Elem = Elem { first: Class::NotAeiou, star: Some(Class::NotAeiouy), optional: false };
/// `(${C})?`
const C_OPT: Elem = Elem { optional: true, ..C };
/// `${V}` = `[aeiouy][aeiou]*`, a vowel sequence.
const V: Elem = Elem { first: Class::Aeiouy, star: Some(Class::Aeiou), optional: false };
/// `(${V})?`
const V_OPT: Elem = Elem { optional: true, ..V };
/// `${v}` = `[aeiouy]`, one vowel.
const V1: Elem = Elem { first: Class::Aeiouy, star: None, optional: false };
/// `[^aeiouwxy]`
const NOT_WXY: Elem = Elem { first: Class::NotAeiouwxy, star: None, optional: false };

/// `^(C)?VC`: measure m > 0.
const MGR0: &[Elem] = &[C_OPT, V, C];
/// `^(C)?VC(V)?$`: measure m = 1.
const MEQ1: &[Elem] = &[C_OPT, V, C, V_OPT];
/// `^(C)?VCVC`: measure m > 1.
const MGR1: &[Elem] = &[C_OPT, V, C, V, C];
/// `^(C)?v`: the stem contains a vowel.
const HAS_VOWEL: &[Elem] = &[C_OPT, V1];
/// `^Cv[^aeiouwxy]$`: consonant-vowel-consonant word (the `*o` condition).
const CVC: &[Elem] = &[C, V1, NOT_WXY];

/// Whether `pattern`, anchored at the start (and at the end when `to_end`), matches `w`.
///
/// Simulates the pattern's automaton over all backtracking choices at once: state bit `2k`
/// means "before element k", bit `2k + 1` "inside the starred part of element k". Patterns
/// have at most five elements, so the state fits in a `u32`.
fn matches(w: &[char], pattern: &[Elem], to_end: bool) -> bool {
    let accept = 1u32 << (2 * pattern.len());
    let close = |mut s: u32| {
        for (k, e) in pattern.iter().enumerate() {
            let before = s & (1 << (2 * k)) != 0;
            let inside = s & (1 << (2 * k + 1)) != 0;
            if (before && e.optional) || inside {
                s |= 1 << (2 * k + 2);
            }
        }
        s
    };
    let mut state = close(1);
    for &c in w {
        if !to_end && state & accept != 0 {
            return true;
        }
        let mut next = 0u32;
        for (k, e) in pattern.iter().enumerate() {
            if state & (1 << (2 * k)) != 0 && e.first.matches(c) {
                next |= if e.star.is_some() { 1 << (2 * k + 1) } else { 1 << (2 * k + 2) };
            }
            if state & (1 << (2 * k + 1)) != 0 && e.star.is_some_and(|s| s.matches(c)) {
                next |= 1 << (2 * k + 1);
            }
        }
        state = close(next);
        if state == 0 {
            return false;
        }
    }
    state & accept != 0
}

fn ends_with(w: &[char], suffix: &str) -> bool {
    w.len() >= suffix.len() && w[w.len() - suffix.len()..].iter().copied().eq(suffix.chars())
}

/// Longest entry of `list` that ends `w` (what a leftmost regex alternation finds), with its
/// index.
fn longest_suffix(w: &[char], list: &[(&str, &str)]) -> Option<usize> {
    list.iter()
        .enumerate()
        .filter(|(_, (suffix, _))| ends_with(w, suffix))
        .max_by_key(|(_, (suffix, _))| suffix.len())
        .map(|(i, _)| i)
}

fn replace_tail(w: &mut Vec<char>, cut: usize, with: &str) {
    w.truncate(w.len() - cut);
    w.extend(with.chars());
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[(&str, &str)] = &[
    ("al", ""),
    ("ance", ""),
    ("ence", ""),
    ("er", ""),
    ("ic", ""),
    ("able", ""),
    ("ible", ""),
    ("ant", ""),
    ("ement", ""),
    ("ou", ""),
    ("ism", ""),
    ("ate", ""),
    ("iti", ""),
    ("ous", ""),
    ("ive", ""),
    ("ize", ""),
];

/// Applies the suffix rule of `list` whose suffix ends `w`, if the remaining stem satisfies
/// `condition`.
fn step_with_list(w: &mut Vec<char>, list: &[(&str, &str)], condition: &[Elem]) {
    if let Some(i) = longest_suffix(w, list) {
        let (suffix, replacement) = list[i];
        let stem_len = w.len() - suffix.chars().count();
        if matches(&w[..stem_len], condition, false) {
            replace_tail(w, suffix.chars().count(), replacement);
        }
    }
}

/// Strips `suffix` when the stem left has measure > 1 (a step-4 rule).
fn strip_if_mgr1(w: &mut Vec<char>, suffix: &str) {
    let stem_len = w.len() - suffix.len();
    if matches(&w[..stem_len], MGR1, false) {
        w.truncate(stem_len);
    }
}

/// Porter stem of a lower-case word, as ROUGE-1.5.5's `stem` computes it.
pub(crate) fn stem(word: &str) -> String {
    let mut w: Vec<char> = word.chars().collect();
    if w.len() < 3 {
        return word.to_string();
    }
    // An initial y is a consonant: upper-casing it keeps every vowel class from matching it.
    let initial_y = w[0] == 'y';
    if initial_y {
        w[0] = 'Y';
    }

    // Step 1a.
    if ends_with(&w, "sses") || ends_with(&w, "ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w[w.len() - 1] == 's' && w[w.len() - 2] != 's' {
        w.pop();
    }

    // Step 1b.
    if ends_with(&w, "eed") {
        if matches(&w[..w.len() - 3], MGR0, false) {
            w.pop();
        }
    } else if ends_with(&w, "ed") || ends_with(&w, "ing") {
        let stem_len = w.len() - if ends_with(&w, "ed") { 2 } else { 3 };
        if matches(&w[..stem_len], HAS_VOWEL, false) {
            w.truncate(stem_len);
            let n = w.len();
            if ends_with(&w, "at") || ends_with(&w, "bl") || ends_with(&w, "iz") {
                w.push('e');
            } else if n >= 2
                && w[n - 1] == w[n - 2]
                && !matches!(w[n - 1], 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'l' | 's' | 'z')
            {
                w.pop();
            } else if matches(&w, CVC, true) {
                w.push('e');
            }
        }
    }

    // Step 1c.
    if ends_with(&w, "y") && matches(&w[..w.len() - 1], HAS_VOWEL, false) {
        let n = w.len();
        w[n - 1] = 'i';
    }

    // Steps 2 and 3.
    step_with_list(&mut w, STEP2, MGR0);
    step_with_list(&mut w, STEP3, MGR0);

    // Step 4, with ROUGE's change: three rules in sequence rather than alternatives.
    step_with_list(&mut w, STEP4, MGR1);
    if ends_with(&w, "ment") {
        strip_if_mgr1(&mut w, "ment");
    }
    if ends_with(&w, "ent") {
        strip_if_mgr1(&mut w, "ent");
    } else if ends_with(&w, "sion") || ends_with(&w, "tion") {
        strip_if_mgr1(&mut w, "ion");
    }

    // Step 5.
    if ends_with(&w, "e") {
        let stem = &w[..w.len() - 1];
        if matches(stem, MGR1, false) || (matches(stem, MEQ1, true) && !matches(stem, CVC, true)) {
            w.pop();
        }
    }
    if ends_with(&w, "ll") && matches(&w, MGR1, false) {
        w.pop();
    }

    if initial_y && let Some(first) = w.first_mut() {
        *first = first.to_ascii_lowercase();
    }
    w.into_iter().collect()
}

/// WordNet 2.0 exception lists as ROUGE-1.5.5 loads them (see the data file's header).
static EXCEPTIONS_TEXT: &str = include_str!("wordnet_exceptions.txt");

fn exceptions() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EXCEPTIONS_TEXT
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(' '))
            .collect()
    })
}

/// ROUGE-1.5.5's `MorphStem`: the WordNet base form of an irregular word, else its Porter
/// stem.
pub(crate) fn morph_stem(word: &str) -> String {
    match exceptions().get(word) {
        Some(base) => (*base).to_string(),
        None => stem(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porter_paper_examples() {
        // Examples from Porter (1980) and the reference vocabulary of his implementations.
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "ti"),
            ("caress", "caress"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("bled", "bled"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("tanned", "tan"),
            ("falling", "fall"),
            ("hissing", "hiss"),
            ("fizzed", "fizz"),
            ("failing", "fail"),
            ("filing", "file"),
            ("happy", "happi"),
            ("sky", "sky"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("rational", "ration"),
            ("valenci", "valenc"),
            ("hesitanci", "hesit"),
            ("digitizer", "digit"),
            ("conformabli", "conform"),
            ("radicalli", "radic"),
            ("differentli", "differ"),
            ("vileli", "vile"),
            ("analogousli", "analog"),
            ("vietnamization", "vietnam"),
            ("predication", "predic"),
            ("operator", "oper"),
            ("feudalism", "feudal"),
            ("decisiveness", "decis"),
            ("hopefulness", "hope"),
            ("callousness", "callous"),
            ("formaliti", "formal"),
            ("sensitiviti", "sensit"),
            ("sensibiliti", "sensibl"),
            ("triplicate", "triplic"),
            ("formative", "form"),
            ("formalize", "formal"),
            ("electriciti", "electr"),
            ("electrical", "electr"),
            ("hopeful", "hope"),
            ("goodness", "good"),
            ("revival", "reviv"),
            ("allowance", "allow"),
            ("inference", "infer"),
            ("airliner", "airlin"),
            ("gyroscopic", "gyroscop"),
            ("adjustable", "adjust"),
            ("defensible", "defens"),
            ("irritant", "irrit"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("dependent", "depend"),
            ("adoption", "adopt"),
            ("homologou", "homolog"),
            ("communism", "commun"),
            ("activate", "activ"),
            ("angulariti", "angular"),
            ("homologous", "homolog"),
            ("effective", "effect"),
            ("bowdlerize", "bowdler"),
            ("probate", "probat"),
            ("rate", "rate"),
            ("cease", "ceas"),
            ("controll", "control"),
            ("roll", "roll"),
            ("generalization", "gener"),
            ("oscillators", "oscil"),
            ("yelling", "yell"),
            ("abyss", "abyss"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "stem({word})");
        }
    }

    #[test]
    fn rouge_step4_change() {
        // ROUGE-1.5.5 runs -ement, -ment and -ent one after another.
        for (word, expected) in [
            ("agreement", "agreem"),
            ("agreements", "agreem"),
            ("government", "govern"),
            ("environment", "environ"),
            ("settlement", "settlem"),
            ("statement", "statem"),
            ("parliament", "parliam"),
        ] {
            assert_eq!(stem(word), expected, "stem({word})");
        }
    }

    #[test]
    fn short_and_odd_words() {
        assert_eq!(stem("is"), "is");
        assert_eq!(stem("as"), "as");
        assert_eq!(stem("1990s"), "1990");
        assert_eq!(stem("yyyy"), "yyyi");
        assert_eq!(stem(""), "");
    }

    #[test]
    fn wordnet_exceptions_come_first() {
        assert_eq!(morph_stem("went"), "go");
        assert_eq!(morph_stem("children"), "child");
        assert_eq!(morph_stem("better"), "well");
        assert_eq!(morph_stem("data"), "datum");
        assert_eq!(morph_stem("running"), "run");
    }
}
