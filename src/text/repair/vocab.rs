//! The vocabulary readings are scored against: word costs (negative log
//! frequencies) in a trie keyed by folded letters, with each word's preferred
//! half-spaces.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::letters::{is_mark, key_letter};
use crate::text::Lang;

const FREQ_FA: &str = include_str!("../data/freq_fa.tsv");
const FREQ_AR: &str = include_str!("../data/freq_ar.tsv");

const ZWNJ: char = '\u{200C}';

/// Natural log of 10, over 100: centibels to nats.
const NATS_PER_CENTIBEL: f32 = std::f32::consts::LN_10 / 100.0;

#[derive(Debug, Clone)]
struct Node {
    /// Children sorted by letter.
    children: Vec<(char, u32)>,
    /// The cost in nats when the path to here is a word.
    cost: f32,
    /// Bit i: a half-space follows the word's letter i.
    zwnj: u32,
}

impl Node {
    fn new() -> Node {
        Node { children: Vec::new(), cost: f32::INFINITY, zwnj: 0 }
    }
}

/// A trie of one language's words, and how often two words stood side by
/// side in the corpus.
#[derive(Debug, Clone)]
pub(super) struct Lexicon {
    nodes: Vec<Node>,
    /// Counts of word pairs (a space between them), by [`pair_key`].
    pairs: HashMap<u64, u32>,
}

/// The key of two words side by side: a hash of their folded letters.
fn pair_key(first: impl Iterator<Item = char>, second: impl Iterator<Item = char>) -> u64 {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys: the same text always gives the same table.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    first.for_each(|c| c.hash(&mut hasher));
    '\0'.hash(&mut hasher);
    second.for_each(|c| c.hash(&mut hasher));
    hasher.finish()
}

/// A node of a [`Lexicon`].
pub(super) type NodeId = u32;

pub(super) const ROOT: NodeId = 0;

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon { nodes: vec![Node::new()], pairs: HashMap::new() }
    }

    /// How often the words of folded keys `first` and `second` stood side by
    /// side in the text given to [`Vocabulary::add_word_pairs`].
    pub(super) fn pair_count(&self, first: &[char], second: &[char]) -> u32 {
        if self.pairs.is_empty() {
            return 0;
        }
        self.pairs.get(&pair_key(first.iter().copied(), second.iter().copied())).copied().unwrap_or(0)
    }

    pub(super) fn child(&self, node: NodeId, letter: char) -> Option<NodeId> {
        let children = &self.nodes[node as usize].children;
        if children.len() <= 8 {
            return children.iter().find(|(c, _)| *c == letter).map(|&(_, n)| n);
        }
        children.binary_search_by_key(&letter, |&(c, _)| c).ok().map(|i| children[i].1)
    }

    /// The cost of the word ending at `node` (infinite when none does).
    pub(super) fn cost(&self, node: NodeId) -> f32 {
        self.nodes[node as usize].cost
    }

    /// Where the word ending at `node` takes half-spaces (bit i: after letter i).
    pub(super) fn zwnj(&self, node: NodeId) -> u32 {
        self.nodes[node as usize].zwnj
    }

    /// The nodes of those of `words` that are in the lexicon.
    pub(super) fn nodes_of(&self, words: &[&str]) -> Vec<NodeId> {
        words
            .iter()
            .filter_map(|w| {
                let mut node = ROOT;
                for c in w.chars().filter_map(key_letter) {
                    node = self.child(node, c)?;
                }
                self.cost(node).is_finite().then_some(node)
            })
            .collect()
    }

    /// The cost of a whole key, if it is a word.
    pub(super) fn lookup(&self, key: &[char]) -> Option<(f32, u32)> {
        let mut node = ROOT;
        for &c in key {
            node = self.child(node, c)?;
        }
        let n = &self.nodes[node as usize];
        n.cost.is_finite().then_some((n.cost, n.zwnj))
    }

    /// Adds `surface` (a word, half-spaces allowed) with `cost`; a word already
    /// there keeps the cheaper cost, and the half-spaces of the cheaper surface.
    fn insert(&mut self, surface: &str, cost: f32) {
        let mut node = ROOT;
        let mut zwnj = 0u32;
        let mut letters = 0usize;
        for c in surface.chars() {
            if c == ZWNJ {
                if letters > 0 && letters <= 32 {
                    zwnj |= 1 << (letters - 1);
                }
                continue;
            }
            if is_mark(c) {
                continue;
            }
            let Some(k) = key_letter(c) else { return };
            node = match self.child(node, k) {
                Some(next) => next,
                None => {
                    let next = self.nodes.len() as u32;
                    self.nodes.push(Node::new());
                    let children = &mut self.nodes[node as usize].children;
                    let at = children.partition_point(|&(c, _)| c < k);
                    children.insert(at, (k, next));
                    next
                }
            };
            letters += 1;
        }
        if letters == 0 {
            return;
        }
        let n = &mut self.nodes[node as usize];
        if cost < n.cost {
            // Two surfaces of one key (with and without a half-space) are one word:
            // the frequencies add up, the commoner surface gives the half-spaces.
            let combined = if n.cost.is_finite() { -((-cost).exp() + (-n.cost).exp()).ln() } else { cost };
            n.cost = combined;
            n.zwnj = zwnj;
        } else if n.cost.is_finite() {
            n.cost = -((-cost).exp() + (-n.cost).exp()).ln();
        }
    }

    fn from_frequencies(table: &str, affixes: &[&str]) -> Lexicon {
        let mut lexicon = Lexicon::new();
        for line in table.lines() {
            let Some((word, centibels)) = line.split_once('\t') else { continue };
            let Ok(centibels) = centibels.parse::<f32>() else { continue };
            lexicon.insert(word, centibels * NATS_PER_CENTIBEL);
        }
        // Affixes the lists leave out (lone letters are dropped from them): as
        // words of their own they are rare.
        for affix in affixes {
            let key: Vec<char> = affix.chars().filter_map(key_letter).collect();
            if lexicon.lookup(&key).is_none() {
                lexicon.insert(affix, AFFIX_COST);
            }
        }
        lexicon
    }
}

/// The words readings are scored against, per language: the bundled Persian
/// and Arabic frequency lists, plus words of clean text added with
/// [`Vocabulary::add_clean_text`].
#[derive(Debug, Clone)]
pub struct Vocabulary {
    fa: Lexicon,
    ar: Lexicon,
}

/// The cost of an affix missing from the lists, standing as a word.
const AFFIX_COST: f32 = 20.0;
const FA_AFFIXES: &[&str] = &["ی", "ای", "ها", "های", "ترین", "می", "نمی"];
const AR_AFFIXES: &[&str] = &["ه", "ك", "ي", "ب", "ل", "ف", "س", "ال", "لل", "نا", "ها", "هم"];

static BUNDLED: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary {
    fa: Lexicon::from_frequencies(FREQ_FA, FA_AFFIXES),
    ar: Lexicon::from_frequencies(FREQ_AR, AR_AFFIXES),
});

impl Vocabulary {
    /// The bundled word lists alone (built once per process).
    pub fn bundled() -> Vocabulary {
        BUNDLED.clone()
    }

    /// A reference to the bundled vocabulary, without copying it.
    pub fn bundled_ref() -> &'static Vocabulary {
        &BUNDLED
    }

    /// Adds the words of well-formed text in `lang` (Persian and Arabic are
    /// kept; English is ignored): a word seen at least twice gets a cost from
    /// its count, which lowers a listed word's cost and teaches the corpus's own
    /// terms. A word seen once is left out, since a damaged line read as clean
    /// leaves fragments that occur once.
    pub fn add_clean_text(&mut self, lang: Lang, text: &str) {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        let mut total = 0u32;
        for word in text.split(|c: char| c.is_whitespace() || !(key_letter(c).is_some() || c == ZWNJ || is_mark(c))) {
            let word = word.trim_matches(ZWNJ);
            if word.chars().filter(|&c| key_letter(c).is_some()).count() < 2 {
                continue;
            }
            *counts.entry(word).or_default() += 1;
            total += 1;
        }
        let Some(lexicon) = self.lexicon_mut(lang) else { return };
        // A corpus of a few thousand words: weigh it as a tenth of the language.
        let scale = 10.0 * total.max(1) as f32;
        let mut words: Vec<(&str, u32)> = counts.into_iter().filter(|&(_, n)| n >= 2).collect();
        words.sort_unstable();
        for (word, count) in words {
            lexicon.insert(word, (scale / count as f32).ln());
        }
    }

    /// Counts the words of `text` in `lang` that stand side by side, a space
    /// between them and letters on both sides of it. Every line may be given,
    /// damaged ones too: the light damage keeps long pieces in order, and a
    /// pair its cuts make up is seen once.
    pub fn add_word_pairs(&mut self, lang: Lang, text: &str) {
        let Some(lexicon) = self.lexicon_mut(lang) else { return };
        for line in text.lines() {
            let words: Vec<&str> = line.split(super::units::is_gap).filter(|w| !w.is_empty()).collect();
            for pair in words.windows(2) {
                let ends_in_letter = pair[0].chars().rev().find(|&c| !is_mark(c)).and_then(key_letter).is_some();
                let starts_with_letter = pair[1].chars().next().and_then(key_letter).is_some();
                if ends_in_letter && starts_with_letter {
                    let key = pair_key(pair[0].chars().filter_map(key_letter), pair[1].chars().filter_map(key_letter));
                    *lexicon.pairs.entry(key).or_default() += 1;
                }
            }
        }
    }

    fn lexicon_mut(&mut self, lang: Lang) -> Option<&mut Lexicon> {
        match lang {
            Lang::Fa => Some(&mut self.fa),
            Lang::Ar => Some(&mut self.ar),
            Lang::En => None,
        }
    }

    pub(super) fn lexicon(&self, lang: Lang) -> Option<&Lexicon> {
        match lang {
            Lang::Fa => Some(&self.fa),
            Lang::Ar => Some(&self.ar),
            Lang::En => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str) -> Vec<char> {
        word.chars().filter_map(key_letter).collect()
    }

    #[test]
    fn bundled_words_have_costs_and_half_spaces() {
        let vocab = Vocabulary::bundled_ref();
        let fa = vocab.lexicon(Lang::Fa).unwrap();
        let (common, _) = fa.lookup(&key("امنیت")).unwrap();
        let (rare, _) = fa.lookup(&key("تکوین")).unwrap();
        assert!(common < rare);
        let (_, zwnj) = fa.lookup(&key("میگذارند")).unwrap();
        assert_eq!(zwnj, 0b10, "می‌گذارند takes a half-space after its second letter");
        // Arabic ي and ك find the Persian spelling.
        assert!(fa.lookup(&key("براي")).is_some());
        assert!(fa.lookup(&key("تیامن")).is_none());
        assert!(vocab.lexicon(Lang::Ar).unwrap().lookup(&key("الأمن")).is_some());
    }

    #[test]
    fn clean_text_teaches_words_seen_twice() {
        let mut vocab = Vocabulary::bundled();
        vocab.add_clean_text(Lang::Fa, "کارویژه دولت و کارویژه ملت و یکتاواژه");
        let fa = vocab.lexicon(Lang::Fa).unwrap();
        assert!(fa.lookup(&key("کارویژه")).is_some());
        assert!(fa.lookup(&key("یکتاواژه")).is_none());
    }
}
