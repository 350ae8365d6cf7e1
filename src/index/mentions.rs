//! Finding concept mentions: every label and alias of the catalog, in any of
//! the three languages, in any text.
//!
//! Matching runs on folded text (see [`crate::text::normalize`]) with the
//! spaces, ZWNJs and punctuation between words taken out, so "بین المللی",
//! "بین‌المللی" and "بینالمللی", or "cyber crime", "cyber-crime" and
//! "cybercrime", are one key. A match must start at the start of a word —
//! or after Arabic proclitics (`و ف ب ل ک ال وال بال لل`) inside it — and
//! end at the end of a word, or before a Persian or English suffix (`ها های ی
//! ای ان ات`, `s`) that ends it. Among the matches starting at the same place
//! the longest wins (leftmost-longest), and matches do not overlap.
//!
//! ```
//! use diplomap::catalog::Catalog;
//! use diplomap::index::mentions::Matcher;
//! let catalog: Catalog = ron::from_str(r#"Catalog(concepts: [Concept(id: "interpol",
//!     kind: Organisation, labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL"))])"#).unwrap();
//! let matcher = Matcher::new(&catalog);
//! let text = "تعاون والانتربول";
//! let found = matcher.find(text);
//! assert_eq!(&text[found[0].range.clone()], "الانتربول");
//! ```

use std::ops::Range;

use crate::catalog::Catalog;
use crate::text::Lang;
use crate::text::normalize::{Folded, fold, fold_str, is_arabic_script, is_word_char};

/// One mention of a concept: the concept's index in the catalog and the byte
/// range of the matched surface in the original text (clitics and suffixes
/// around it excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub concept: usize,
    pub range: Range<usize>,
}

/// Proclitics that may stand before an Arabic-script match inside its word.
const PROCLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ک", "ال", "وال", "فال", "بال", "کال", "لل", "ول", "وب", "فب", "فل", "ولل", "فلل", "وبال",
    "فبال", "وک", "وکال",
];

/// Suffixes that may follow an Arabic-script match inside its word.
const ARABIC_SCRIPT_SUFFIXES: &[&str] =
    &["ها", "های", "هایی", "هایش", "ی", "ای", "یی", "ان", "یان", "ات", "اش", "ش", "ین", "ون", "یه"];

/// Suffixes that may follow a Latin match inside its word.
const LATIN_SUFFIXES: &[&str] = &["s", "es"];

/// Arabic-script patterns shorter than this (in characters) take no proclitic,
/// so short names do not match inside unrelated words.
const MIN_CHARS_FOR_PROCLITICS: usize = 3;

#[derive(Debug, Clone)]
struct PatternInfo {
    concept: usize,
    arabic_script: bool,
    /// An all-capitals Latin alias (`ECO`, `SCO`): the text must not be in lower case.
    acronym: bool,
    chars: usize,
}

/// A byte trie over pattern keys.
#[derive(Debug, Default)]
struct Trie {
    nodes: Vec<TrieNode>,
}

#[derive(Debug, Default)]
struct TrieNode {
    children: Vec<(u8, u32)>,
    patterns: Vec<u32>,
}

impl Trie {
    fn new() -> Self {
        Trie { nodes: vec![TrieNode::default()] }
    }

    fn insert(&mut self, key: &[u8], pattern: u32) {
        let mut node = 0usize;
        for &byte in key {
            node = match self.nodes[node].children.binary_search_by_key(&byte, |&(b, _)| b) {
                Ok(i) => self.nodes[node].children[i].1 as usize,
                Err(i) => {
                    let next = self.nodes.len();
                    self.nodes.push(TrieNode::default());
                    self.nodes[node].children.insert(i, (byte, next as u32));
                    next
                }
            };
        }
        if !self.nodes[node].patterns.contains(&pattern) {
            self.nodes[node].patterns.push(pattern);
        }
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let children = &self.nodes[node].children;
        children.binary_search_by_key(&byte, |&(b, _)| b).ok().map(|i| children[i].1 as usize)
    }
}

/// The words of a folded text, concatenated without what separates them.
struct Compact {
    key: String,
    /// Per word: start in `key`, start in the folded text, length in bytes.
    words: Vec<(usize, usize, usize)>,
}

impl Compact {
    fn new(folded: &str) -> Self {
        let mut key = String::with_capacity(folded.len());
        let mut words = Vec::new();
        let mut current: Option<(usize, usize)> = None;
        for (offset, c) in folded.char_indices() {
            if is_word_char(c) {
                if current.is_none() {
                    current = Some((key.len(), offset));
                }
                key.push(c);
            } else if let Some((k, f)) = current.take() {
                words.push((k, f, key.len() - k));
            }
        }
        if let Some((k, f)) = current {
            words.push((k, f, key.len() - k));
        }
        Compact { key, words }
    }

    /// Index of the word holding key offset `k` (the last word starting at or before it).
    fn word_at(&self, k: usize) -> usize {
        self.words.partition_point(|&(start, _, _)| start <= k).saturating_sub(1)
    }

    fn is_word_end(&self, k: usize) -> bool {
        let word = self.word_at(k.saturating_sub(1));
        self.words.get(word).is_some_and(|&(start, _, len)| start + len == k)
    }

    /// Folded-text offset of key offset `k`, taken inside the word that holds
    /// key byte `k - 1` when `as_end` (so a word's end maps to that word).
    fn to_folded(&self, k: usize, as_end: bool) -> usize {
        let word = if as_end { self.word_at(k.saturating_sub(1)) } else { self.word_at(k) };
        self.words.get(word).map_or(0, |&(start, f, _)| f + (k - start))
    }
}

/// Finds the mentions of every concept of a catalog; build once, use on many texts.
#[derive(Debug)]
pub struct Matcher {
    trie: Trie,
    patterns: Vec<PatternInfo>,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Self {
        let mut trie = Trie::new();
        let mut patterns = Vec::new();
        for (concept, entry) in catalog.concepts.iter().enumerate() {
            for (lang, surface) in entry.surface_forms() {
                for key in pattern_keys(lang, surface) {
                    let info = PatternInfo {
                        concept,
                        arabic_script: key.chars().any(is_arabic_script),
                        acronym: is_acronym(surface),
                        chars: key.chars().count(),
                    };
                    trie.insert(key.as_bytes(), patterns.len() as u32);
                    patterns.push(info);
                }
            }
        }
        Matcher { trie, patterns }
    }

    /// Number of pattern keys (labels, aliases and their variants).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Mentions in `text`, in order, with ranges into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        self.find_folded(text, &fold(text))
    }

    /// Mentions in `original`, given its folding.
    pub fn find_folded(&self, original: &str, folded: &Folded) -> Vec<Mention> {
        let compact = Compact::new(folded.text());
        let mut mentions = Vec::new();
        let mut word = 0;
        while let Some(&(word_start, _, word_len)) = compact.words.get(word) {
            let Some(found) = self.longest_at(&compact, word_start, word_len, original, folded) else {
                word += 1;
                continue;
            };
            let folded_range = compact.to_folded(found.start, false)..compact.to_folded(found.end, true);
            mentions.push(Mention { concept: found.concept, range: folded.original_range_in(original, folded_range) });
            // Go on from the word after the one the match ends in (a suffix ends it).
            word = compact.word_at(found.end.saturating_sub(1)) + 1;
        }
        mentions
    }

    /// The longest valid match starting in the word at `word_start`, directly
    /// or after a proclitic.
    fn longest_at(
        &self,
        compact: &Compact,
        word_start: usize,
        word_len: usize,
        original: &str,
        folded: &Folded,
    ) -> Option<Found> {
        let key = &compact.key;
        let mut best: Option<Found> = self.walk(compact, word_start, false, original, folded);
        for proclitic in PROCLITICS {
            let start = word_start + proclitic.len();
            if start >= word_start + word_len || !key[word_start..].starts_with(proclitic) {
                continue;
            }
            if let Some(found) = self.walk(compact, start, true, original, folded)
                && best.as_ref().is_none_or(|b| found.end > b.end)
            {
                best = Some(found);
            }
        }
        best
    }

    /// Walks the trie from key offset `start`; returns the longest pattern
    /// ending at a valid place.
    fn walk(
        &self,
        compact: &Compact,
        start: usize,
        after_proclitic: bool,
        original: &str,
        folded: &Folded,
    ) -> Option<Found> {
        let bytes = compact.key.as_bytes();
        let mut node = 0;
        let mut best = None;
        for (i, &byte) in bytes[start..].iter().enumerate() {
            let Some(next) = self.trie.child(node, byte) else { break };
            node = next;
            let end = start + i + 1;
            if self.trie.nodes[node].patterns.is_empty() || !compact.key.is_char_boundary(end) {
                continue;
            }
            for &pattern in &self.trie.nodes[node].patterns {
                let info = &self.patterns[pattern as usize];
                if after_proclitic && (!info.arabic_script || info.chars < MIN_CHARS_FOR_PROCLITICS) {
                    continue;
                }
                if !ends_validly(compact, end, info) {
                    continue;
                }
                if info.acronym && !is_upper_in_original(compact, start..end, original, folded) {
                    continue;
                }
                best = Some(Found { concept: info.concept, start, end });
                break;
            }
        }
        best
    }
}

/// Whether a match ending at key offset `end` ends a word, or is followed by a
/// suffix that does.
fn ends_validly(compact: &Compact, end: usize, info: &PatternInfo) -> bool {
    if compact.is_word_end(end) {
        return true;
    }
    let suffixes = if info.arabic_script { ARABIC_SCRIPT_SUFFIXES } else { LATIN_SUFFIXES };
    let rest = &compact.key[end..];
    suffixes.iter().any(|s| rest.starts_with(s) && compact.is_word_end(end + s.len()))
}

fn is_upper_in_original(compact: &Compact, range: Range<usize>, original: &str, folded: &Folded) -> bool {
    let folded_range = compact.to_folded(range.start, false)..compact.to_folded(range.end, true);
    let original_range = folded.original_range_in(original, folded_range);
    original.get(original_range).is_some_and(|s| !s.chars().any(char::is_lowercase))
}

#[derive(Debug, Clone, Copy)]
struct Found {
    concept: usize,
    start: usize,
    end: usize,
}

/// The compact keys a surface form is matched by: its folded words run
/// together, and for an Arabic alias starting with the article, also without it.
fn pattern_keys(lang: Lang, surface: &str) -> Vec<String> {
    let key: String = fold_str(surface).chars().filter(|&c| is_word_char(c)).collect();
    if key.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![key.clone()];
    if lang == Lang::Ar
        && let Some(bare) = key.strip_prefix("ال")
        && bare.chars().count() >= MIN_CHARS_FOR_PROCLITICS
    {
        keys.push(bare.to_string());
    }
    keys
}

fn is_acronym(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Concept, ConceptKind, Localized, LocalizedList};

    fn concept(id: &str, fa: &[&str], ar: &[&str], en: &[&str]) -> Concept {
        let first = |list: &[&str]| list.first().map(|s| s.to_string()).unwrap_or_default();
        let rest = |list: &[&str]| list.iter().skip(1).map(|s| s.to_string()).collect();
        Concept {
            id: id.to_string(),
            kind: ConceptKind::Topic,
            labels: Localized { fa: first(fa), ar: first(ar), en: first(en) },
            aliases: LocalizedList { fa: rest(fa), ar: rest(ar), en: rest(en) },
            summary: Localized::default(),
            relations: Vec::new(),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            concepts: vec![
                concept(
                    "police-diplomacy",
                    &["دیپلماسی پلیسی", "دیپلماسی پلیس محور"],
                    &["الدبلوماسية الشرطية"],
                    &["police diplomacy"],
                ),
                concept("interpol", &["اینترپل", "پلیس بین الملل"], &["الإنتربول"], &["INTERPOL"]),
                concept(
                    "organised-crime",
                    &["جرایم سازمان یافته"],
                    &["الجريمة المنظمة", "الجرائم المنظمة"],
                    &["organised crime", "organized crime"],
                ),
                concept("cybercrime", &["جرایم سایبری"], &["الجريمة السيبرانية"], &["cybercrime"]),
                concept("illegal-migration", &["مهاجرت غیرقانونی"], &[], &["illegal migration", "illegal immigration"]),
                concept("eco", &["اکو"], &["منظمة التعاون الاقتصادي"], &["ECO", "Economic Cooperation Organization"]),
                concept("europol", &["یوروپل", "پلیس اروپا"], &["يوروبول"], &["Europol"]),
            ],
        }
    }

    /// `check(text, expected)`: the surfaces found and their concepts, in order.
    fn check(text: &str, expected: &[(&str, &str)]) {
        let catalog = catalog();
        let found: Vec<(String, String)> = Matcher::new(&catalog)
            .find(text)
            .into_iter()
            .map(|m| (catalog.concepts[m.concept].id.clone(), text[m.range].to_string()))
            .collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(id, s)| (id.to_string(), s.to_string())).collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn finds_labels_and_aliases() {
        check("در زمینه دیپلماسی پلیسی و اینترپل", &[("police-diplomacy", "دیپلماسی پلیسی"), ("interpol", "اینترپل")]);
        check("The INTERPOL and Europol", &[("interpol", "INTERPOL"), ("europol", "Europol")]);
        check("Interpol works", &[("interpol", "Interpol")]);
    }

    #[test]
    fn spelling_variants_fold_alike() {
        check("ديپلماسي پليسي", &[("police-diplomacy", "ديپلماسي پليسي")]);
        check("دیپلماسیِ پلیسی", &[("police-diplomacy", "دیپلماسیِ پلیسی")]);
        check("جرائم سازمان\u{200C}یافته", &[("organised-crime", "جرائم سازمان\u{200C}یافته")]);
        check("جرایم سازمانیافته", &[("organised-crime", "جرایم سازمانیافته")]);
        check("مهاجرت غیر قانونی", &[("illegal-migration", "مهاجرت غیر قانونی")]);
        check("پلیس بینالملل", &[("interpol", "پلیس بینالملل")]);
        check("cyber crime and cyber-crime", &[("cybercrime", "cyber crime"), ("cybercrime", "cyber-crime")]);
        check("organized crime", &[("organised-crime", "organized crime")]);
        check("ORGANISED CRIME", &[("organised-crime", "ORGANISED CRIME")]);
    }

    #[test]
    fn tolerates_clitics_and_suffixes() {
        check("والإنتربول", &[("interpol", "الإنتربول")]);
        check("للإنتربول", &[("interpol", "إنتربول")]);
        check("بالجريمة المنظمة", &[("organised-crime", "الجريمة المنظمة")]);
        check("ويوروبول", &[("europol", "يوروبول")]);
        check("مهاجرت غیرقانونیها", &[("illegal-migration", "مهاجرت غیرقانونی")]);
        check("دیپلماسی پلیس محوری", &[("police-diplomacy", "دیپلماسی پلیس محور")]);
        check("اینترپل‌های منطقه", &[("interpol", "اینترپل")]);
    }

    #[test]
    fn respects_word_boundaries() {
        check("اینترپلیسی", &[]);
        check("the ecology of ECO", &[("eco", "ECO")]);
        check("eco-friendly", &[]);
        check("Europolitan", &[]);
    }

    #[test]
    fn leftmost_longest_without_overlap() {
        check("دیپلماسی پلیسی پلیس اروپا", &[("police-diplomacy", "دیپلماسی پلیسی"), ("europol", "پلیس اروپا")]);
    }
}
