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
//! How it runs: one pass over the original text folds each character with a
//! table look-up into a symbol of the patterns' alphabet (see `symbols`),
//! splits words and collects a paragraph's words, run together, as a key of
//! symbols; then a trie (see `trie`) of the pattern keys, and of every
//! proclitic followed by each key that may take one, is walked once from each
//! word where a match may start (a table of the keys' first two symbols and
//! a filter of their first three pick those words). Original offsets are kept per word only; the few characters
//! of a match are folded again to find where it starts and ends.
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

mod scan;
mod symbols;
mod trie;

use std::ops::Range;

use crate::catalog::Catalog;
use crate::text::Lang;
use crate::text::normalize::{Folded, fold_str, is_arabic_script, is_combining_mark, is_word_char};
use scan::{Segment, scan};
use symbols::{Alphabet, CharTable, Symbol};
use trie::{PairStart, Trie};

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

/// Suffixes that may follow an Arabic name whose article was stripped
/// (`شرطه` from `الشرطة`): Arabic ones only, so that a Persian word such as
/// `شرط‌های` ("conditions") is not taken for the police.
const BARE_ARABIC_SUFFIXES: &[&str] = &["ات", "ین", "ون", "یه"];

/// Suffixes that may follow a Latin match inside its word.
const LATIN_SUFFIXES: &[&str] = &["s", "es"];

/// Arabic-script patterns shorter than this (in characters) take no proclitic,
/// so short names do not match inside unrelated words.
const MIN_CHARS_FOR_PROCLITICS: usize = 3;

/// Texts this long are cut into pieces found on several threads.
const PARALLEL_MIN_BYTES: usize = 4 << 20;
/// At most this many threads for one text.
const MAX_THREADS: usize = 4;

#[derive(Debug, Clone)]
struct PatternInfo {
    concept: usize,
    arabic_script: bool,
    /// An all-capitals Latin alias (`ECO`, `SCO`): the text must not be in lower case.
    acronym: bool,
    /// An Arabic alias with its article stripped: takes Arabic suffixes only.
    bare_arabic: bool,
    chars: usize,
}

/// Which list of suffixes a pattern takes.
#[derive(Debug, Clone, Copy)]
enum SuffixKind {
    BareArabic,
    ArabicScript,
    Latin,
}

impl PatternInfo {
    fn suffix_kind(&self) -> SuffixKind {
        match (self.arabic_script, self.bare_arabic) {
            (true, true) => SuffixKind::BareArabic,
            (true, false) => SuffixKind::ArabicScript,
            (false, _) => SuffixKind::Latin,
        }
    }
}

/// The end of the first blank line (a line of white space only) that starts
/// at or after `from`, just after its line feed; the text's length if none.
fn blank_line_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut position = from;
    while let Some(newline) = bytes[position.min(bytes.len())..].iter().position(|&b| b == b'\n') {
        let line_start = position + newline + 1;
        let rest = &text[line_start..];
        let blank = rest.char_indices().find(|&(_, c)| c == '\n' || !c.is_whitespace());
        match blank {
            Some((i, '\n')) => return line_start + i + 1,
            Some((i, _)) => position = line_start + i,
            None => return text.len(),
        }
    }
    text.len()
}

/// Where the stretches of `text` that no match crosses may start: 0, then
/// the end of every blank line before the text's end (a line of white space
/// only, just after its line feed), in order. [`Matcher::find_within`] takes
/// a run of whole stretches; the mentions of a text are those of its
/// stretches, one after another.
pub fn stretch_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut last = 0;
    loop {
        let next = blank_line_end(text, last);
        if next <= last || next >= text.len() {
            break;
        }
        starts.push(next);
        last = next;
    }
    starts
}

/// The keys a name is matched by (its folded words run together, and an
/// Arabic name without its article): two concepts with one of them in
/// common tie, and the one first in the catalog wins.
pub fn name_keys(lang: Lang, surface: &str) -> Vec<String> {
    pattern_keys(lang, surface).into_iter().map(|(key, _)| key).collect()
}

/// Finds the mentions of every concept of a catalog; build once, use on many texts.
#[derive(Debug)]
pub struct Matcher {
    alphabet: Alphabet,
    chars: CharTable,
    /// Every pattern key, and every key that takes proclitics with each
    /// proclitic before it: one walk from a word's start tries them all.
    trie: Trie,
    patterns: Vec<PatternInfo>,
    /// What the trie's values stand for.
    entries: Vec<TrieEntry>,
    /// Suffixes per [`SuffixKind`], as symbols.
    suffixes: [Vec<Vec<Symbol>>; 3],
}

/// A key in the trie: a pattern, after a proclitic of `proclitic` symbols or
/// none. At a node, the entries without a proclitic come first, then those of
/// each proclitic in [`PROCLITICS`] order, each in catalog order: the order in
/// which ties between equally long matches are decided.
#[derive(Debug, Clone, Copy)]
struct TrieEntry {
    pattern: u32,
    proclitic: u32,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Self {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        for (concept, entry) in catalog.concepts.iter().enumerate() {
            for (lang, surface) in entry.surface_forms() {
                for (key, bare_arabic) in pattern_keys(lang, surface) {
                    let info = PatternInfo {
                        concept,
                        arabic_script: key.chars().any(is_arabic_script),
                        acronym: is_acronym(surface),
                        bare_arabic,
                        chars: key.chars().count(),
                    };
                    keys.push((key, patterns.len() as u32));
                    patterns.push(info);
                }
            }
        }
        let affixes =
            || PROCLITICS.iter().chain(ARABIC_SCRIPT_SUFFIXES).chain(BARE_ARABIC_SUFFIXES).chain(LATIN_SUFFIXES);
        let alphabet =
            Alphabet::new(keys.iter().flat_map(|(key, _)| key.chars()).chain(affixes().flat_map(|a| a.chars())));
        // A key with a character beyond the alphabet's capacity cannot be matched.
        let keys: Vec<(Vec<Symbol>, u32)> =
            keys.iter().filter_map(|(key, pattern)| Some((alphabet.symbols(key)?, *pattern))).collect();
        let affix_symbols =
            |list: &[&str]| -> Vec<Vec<Symbol>> { list.iter().filter_map(|a| alphabet.symbols(a)).collect() };
        let (trie_keys, entries) = trie_keys(&keys, &patterns, &affix_symbols(PROCLITICS));
        let suffixes =
            [affix_symbols(BARE_ARABIC_SUFFIXES), affix_symbols(ARABIC_SCRIPT_SUFFIXES), affix_symbols(LATIN_SUFFIXES)];
        let trie = Trie::build(&trie_keys, alphabet.width());
        let chars = CharTable::new(&alphabet);
        Matcher { alphabet, chars, trie, patterns, entries, suffixes }
    }

    /// Number of pattern keys (labels, aliases and their variants).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Mentions in `text`, in order, with ranges into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
        if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
            return self.find_in(text, 0..text.len());
        }
        // No match crosses a blank line: cut the text there into pieces
        // found on threads of their own.
        let mut cuts = vec![0];
        for piece in 1..threads {
            let Some(&last) = cuts.last() else { break };
            let cut = blank_line_end(text, (text.len() * piece / threads).max(last));
            if cut > last && cut < text.len() {
                cuts.push(cut);
            }
        }
        cuts.push(text.len());
        if cuts.len() == 2 {
            return self.find_in(text, 0..text.len());
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = cuts
                .windows(2)
                .map(|w| (w[0], w[1]))
                .map(|(start, end)| scope.spawn(move || self.find_in(text, start..end)))
                .collect();
            let mut mentions = Vec::new();
            for (handle, range) in handles.into_iter().zip(cuts.windows(2)) {
                // A thread that could not finish: find its piece here.
                mentions.extend(handle.join().unwrap_or_else(|_| self.find_in(text, range[0]..range[1])));
            }
            mentions
        })
    }

    /// Mentions in `text[range]`, a run of whole stretches that no match
    /// crosses: it starts and ends at a [`stretch_starts`] offset or at the
    /// text's end (a range cut elsewhere finds what that piece alone holds).
    pub fn find_within(&self, text: &str, range: Range<usize>) -> Vec<Mention> {
        let end = range.end.min(text.len());
        self.find_in(text, range.start.min(end)..end)
    }

    /// Mentions in `text[range]`, which starts at the start of the text or
    /// right after a blank line, and ends at the end or after a blank line.
    fn find_in(&self, text: &str, range: Range<usize>) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut candidates = Vec::new();
        scan(&self.chars, &self.alphabet, text, range, |segment| {
            self.find_in_segment(segment, text, &mut candidates, &mut mentions)
        });
        mentions
    }

    /// Mentions in `original`; the folding is recomputed on the fly (kept for
    /// callers that have it at hand).
    pub fn find_folded(&self, original: &str, _folded: &Folded) -> Vec<Mention> {
        self.find(original)
    }

    /// Finds the mentions of one segment.
    fn find_in_segment(&self, segment: &Segment, text: &str, candidates: &mut Vec<u32>, mentions: &mut Vec<Mention>) {
        self.candidate_words(segment, candidates);
        let mut next_word = 0;
        for &word in candidates.iter() {
            let word = word as usize;
            if word < next_word {
                continue;
            }
            let Some(found) = self.longest_at(segment, word, text) else { continue };
            mentions.push(Mention { concept: found.concept, range: original_range(segment, text, word, &found) });
            // Go on from the word after the one the match ends in (a suffix ends it).
            next_word = segment.word_from(word, found.end - 1) + 1;
        }
    }

    /// The words of `segment` where a match may start, in order, into
    /// `candidates`: the others are known without a walk down the trie (see
    /// [`Trie::may_start`]), in a loop without branches to mispredict.
    fn candidate_words(&self, segment: &Segment, candidates: &mut Vec<u32>) {
        candidates.clear();
        candidates.resize(segment.word_count(), 0);
        let mut count = 0;
        for word in 0..segment.word_count() {
            candidates[count] = word as u32;
            count += usize::from(self.trie.may_start(segment.key(), segment.word_start(word)));
        }
        candidates.truncate(count);
    }

    /// The longest valid match starting in `word`, directly or after a
    /// proclitic: one walk down the trie from the word's start.
    #[inline]
    fn longest_at(&self, segment: &Segment, word: usize, text: &str) -> Option<Found> {
        let word_start = segment.word_start(word);
        let key = segment.key();
        let (mut node, mut end) = match self.trie.pair_start(key, word_start) {
            PairStart::NoKey => return None,
            PairStart::At(node) => (node, word_start + 2),
            PairStart::Root => (0, word_start),
        };
        let mut best = None;
        if end > word_start && self.trie.has_patterns(node) {
            best = self.pattern_ending_at(segment, text, word, node, end);
        }
        while let Some(&symbol) = key.get(end) {
            let Some(next) = self.trie.child(node, symbol) else { break };
            node = next;
            end += 1;
            if self.trie.has_patterns(node)
                && let Some(found) = self.pattern_ending_at(segment, text, word, node, end)
            {
                best = Some(found);
            }
        }
        best
    }

    /// The first entry of trie node `node`, reached at key offset `end` from
    /// the start of `word`, that may end there.
    #[inline(never)]
    fn pattern_ending_at(&self, segment: &Segment, text: &str, word: usize, node: usize, end: usize) -> Option<Found> {
        let word_start = segment.word_start(word);
        for &value in self.trie.patterns(node) {
            let entry = self.entries[value as usize];
            let start = word_start + entry.proclitic as usize;
            // A proclitic leaves at least one letter of its word.
            if entry.proclitic > 0 && start >= segment.word_end(word) {
                continue;
            }
            let info = &self.patterns[entry.pattern as usize];
            if !self.ends_validly(segment, word, end, info) {
                continue;
            }
            let found = Found { concept: info.concept, start, end };
            if info.acronym && !is_upper_in_original(segment, text, word, &found) {
                continue;
            }
            return Some(found);
        }
        None
    }

    /// Whether a match ending at key offset `end` ends a word, or is followed
    /// by a suffix that does.
    fn ends_validly(&self, segment: &Segment, word: usize, end: usize, info: &PatternInfo) -> bool {
        if segment.is_word_end(word, end) {
            return true;
        }
        let rest = &segment.key()[end..];
        let suffixes = &self.suffixes[info.suffix_kind() as usize];
        suffixes.iter().any(|s| starts_with(rest, s) && segment.is_word_end(word, end + s.len()))
    }
}

/// The original byte range of a match: from the character the first folded
/// character comes from to the end of the one the last comes from, with the
/// combining marks that follow it.
fn original_range(segment: &Segment, text: &str, word: usize, found: &Found) -> Range<usize> {
    let (start, _) = segment.origin_of(text, word, found.start);
    let last = found.end - 1;
    let last_word = segment.word_from(word, last);
    let (last_origin, last_len) = segment.origin_of(text, last_word, last);
    let mut end = last_origin + last_len;
    while let Some(c) = text.get(end..).and_then(|rest| rest.chars().next()) {
        if !is_combining_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    start..end.max(start)
}

fn is_upper_in_original(segment: &Segment, text: &str, word: usize, found: &Found) -> bool {
    let range = original_range(segment, text, word, found);
    text.get(range).is_some_and(|s| !s.chars().any(char::is_lowercase))
}

/// Whether `key` starts with `affix` (a few symbols: no call to `memcmp`).
#[inline(always)]
fn starts_with(key: &[Symbol], affix: &[Symbol]) -> bool {
    key.len() >= affix.len() && key.iter().zip(affix).all(|(a, b)| a == b)
}

#[derive(Debug, Clone, Copy)]
struct Found {
    concept: usize,
    start: usize,
    end: usize,
}

/// The keys of the trie and what each stands for: every pattern key, then
/// for each proclitic in order, the proclitic followed by every key that may
/// take one (Arabic script, long enough), in catalog order.
fn trie_keys(
    keys: &[(Vec<Symbol>, u32)],
    patterns: &[PatternInfo],
    proclitics: &[Vec<Symbol>],
) -> (Vec<(Vec<Symbol>, u32)>, Vec<TrieEntry>) {
    let takes_proclitics = |pattern: u32| {
        let info = &patterns[pattern as usize];
        info.arabic_script && info.chars >= MIN_CHARS_FOR_PROCLITICS
    };
    let mut trie_keys = Vec::new();
    let mut entries = Vec::new();
    for (key, pattern) in keys {
        trie_keys.push((key.clone(), entries.len() as u32));
        entries.push(TrieEntry { pattern: *pattern, proclitic: 0 });
    }
    for proclitic in proclitics {
        for (key, pattern) in keys.iter().filter(|(_, pattern)| takes_proclitics(*pattern)) {
            trie_keys.push(([proclitic.as_slice(), key].concat(), entries.len() as u32));
            entries.push(TrieEntry { pattern: *pattern, proclitic: proclitic.len() as u32 });
        }
    }
    (trie_keys, entries)
}

/// The compact keys a surface form is matched by: its folded words run
/// together, and for an Arabic alias starting with the article, also without
/// it (flagged `true`: such a bare name takes Arabic suffixes only).
fn pattern_keys(lang: Lang, surface: &str) -> Vec<(String, bool)> {
    let key: String = fold_str(surface).chars().filter(|&c| is_word_char(c)).collect();
    if key.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![(key.clone(), false)];
    if lang == Lang::Ar
        && let Some(bare) = key.strip_prefix("ال")
        && bare.chars().count() >= MIN_CHARS_FOR_PROCLITICS
    {
        keys.push((bare.to_string(), true));
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

    #[test]
    fn a_change_of_script_is_a_word_boundary() {
        check("INTERPOLها و یوروپلEuropol", &[("interpol", "INTERPOL"), ("europol", "یوروپل"), ("europol", "Europol")]);
        check("شبكة الإنتربولI-24/7", &[("interpol", "الإنتربول")]);
        // Digits belong to either side: no boundary.
        check("INTERPOL2021", &[]);
    }

    #[test]
    fn a_blank_line_is_a_boundary() {
        check("cyber\n\ncrime", &[]);
        check("cyber\n \t\ncrime", &[]);
        check("cyber\ncrime", &[("cybercrime", "cyber\ncrime")]);
        check("پلیس\n\nاروپا و پلیس اروپا", &[("europol", "پلیس اروپا")]);
    }

    #[test]
    fn arabic_names_without_their_article_take_no_persian_suffix() {
        let catalog = Catalog { concepts: vec![concept("police", &[], &["الشرطة"], &[])] };
        let matcher = Matcher::new(&catalog);
        let found =
            |text: &str| -> Vec<String> { matcher.find(text).into_iter().map(|m| text[m.range].to_string()).collect() };
        assert_eq!(found("شرط‌های قرارداد"), Vec::<String>::new());
        assert_eq!(found("شرطهای قرارداد و شرطه‌ها"), Vec::<String>::new());
        assert_eq!(found("تعاون الشرطة والشرطة"), ["الشرطة", "الشرطة"]);
        assert_eq!(found("رجال شرطة"), ["شرطة"]);
        // With its article the name keeps every suffix.
        assert_eq!(found("الشرطه‌ها"), ["الشرطه"]);
    }

    #[test]
    fn ranges_map_back_through_ligatures_and_marks() {
        // Presentation forms (PDF extraction) and harakat inside the match.
        check(
            "\u{FE8D}\u{FEF3}\u{FEE8}\u{FE98}\u{FEAE}\u{FB58}\u{FEDE}",
            &[("interpol", "\u{FE8D}\u{FEF3}\u{FEE8}\u{FE98}\u{FEAE}\u{FB58}\u{FEDE}")],
        );
        check("اِینتِرپُل.", &[("interpol", "اِینتِرپُل")]);
        check("x اینترپلِ", &[("interpol", "اینترپلِ")]);
    }

    #[test]
    fn long_paragraphs_four_byte_characters_and_the_last_bytes() {
        // Past the scanner's first buffers, in the middle of a paragraph.
        let filler = "کلمه ".repeat(700);
        let text = format!("{filler}دیپلماسی پلیسی {filler}اینترپل");
        let found: Vec<usize> = Matcher::new(&catalog()).find(&text).into_iter().map(|m| m.concept).collect();
        assert_eq!(found, [0, 1]);
        // Characters of four bytes are boundaries; a match may end the text.
        check("😀INTERPOL😀 اکو", &[("interpol", "INTERPOL"), ("eco", "اکو")]);
        check("ECO", &[("eco", "ECO")]);
        check("\u{FEFB}اکو", &[]);
    }

    #[test]
    fn pieces_on_threads_find_what_one_pass_finds() {
        let matcher = Matcher::new(&catalog());
        let paragraph = "دیپلماسی پلیسی و اینترپل\n\ncyber\n \t\ncrime پلیس\r\n\r\nاروپا INTERPOL\n";
        let text = paragraph.repeat(PARALLEL_MIN_BYTES / paragraph.len() + 10);
        let whole = matcher.find_in(&text, 0..text.len());
        assert_eq!(whole.len(), 3 * (PARALLEL_MIN_BYTES / paragraph.len() + 10));
        assert_eq!(matcher.find(&text), whole);
        for from in [0, 5, 30, 60, 200] {
            let end = blank_line_end(&text, from);
            assert!(end > from && text[..end].ends_with('\n'), "{from} -> {end}");
        }
    }
    #[test]
    fn the_stretches_of_a_text_find_what_the_whole_text_finds() {
        let matcher = Matcher::new(&catalog());
        for text in [
            "",
            "\n\n",
            "اینترپل\n\n\n\nINTERPOL\n \n",
            "cyber\n\ncrime پلیس\r\n\r\nاروپا پلیس اروپا\n\t\n",
            "\nدیپلماسی پلیسی\n\nپلیس\nاروپا",
        ] {
            let mut starts = stretch_starts(text);
            assert_eq!(starts[0], 0);
            starts.push(text.len());
            let pieces: Vec<Mention> = starts.windows(2).flat_map(|w| matcher.find_within(text, w[0]..w[1])).collect();
            assert_eq!(pieces, matcher.find(text), "{text:?}");
        }
    }

    /// The trie phase as it was before proclitics went into the trie: a walk
    /// for the word itself, then one after each proclitic it starts with, the
    /// longest winning and the earlier winning a tie. The differential tests
    /// below hold the one-walk matcher to it.
    fn reference_longest_at(matcher: &Matcher, segment: &Segment, word: usize, text: &str) -> Option<Found> {
        let word_start = segment.word_start(word);
        let mut best = reference_walk(matcher, segment, word, word_start, false, text);
        for proclitic in PROCLITICS.iter().filter_map(|p| matcher.alphabet.symbols(p)) {
            let start = word_start + proclitic.len();
            if start >= segment.word_end(word) || !starts_with(&segment.key()[word_start..], &proclitic) {
                continue;
            }
            if let Some(found) = reference_walk(matcher, segment, word, start, true, text)
                && best.as_ref().is_none_or(|b| found.end > b.end)
            {
                best = Some(found);
            }
        }
        best
    }

    /// The longest pattern (entries without a proclitic only) from key offset
    /// `start`, symbol by symbol from the root.
    fn reference_walk(
        matcher: &Matcher,
        segment: &Segment,
        word: usize,
        start: usize,
        after_proclitic: bool,
        text: &str,
    ) -> Option<Found> {
        let mut node = 0;
        let mut best = None;
        for (end, &symbol) in (start + 1..).zip(&segment.key()[start..]) {
            let Some(next) = matcher.trie.child(node, symbol) else { break };
            node = next;
            let entries = matcher.trie.patterns(node).iter().map(|&v| matcher.entries[v as usize]);
            let found = entries.filter(|entry| entry.proclitic == 0).find_map(|entry| {
                let info = &matcher.patterns[entry.pattern as usize];
                if after_proclitic && (!info.arabic_script || info.chars < MIN_CHARS_FOR_PROCLITICS) {
                    return None;
                }
                let found = Found { concept: info.concept, start, end };
                let upper = !info.acronym || is_upper_in_original(segment, text, word, &found);
                (matcher.ends_validly(segment, word, end, info) && upper).then_some(found)
            });
            best = found.or(best);
        }
        best
    }

    fn reference_find(matcher: &Matcher, text: &str) -> Vec<Mention> {
        let mut mentions = Vec::new();
        scan(&matcher.chars, &matcher.alphabet, text, 0..text.len(), |segment| {
            let mut word = 0;
            while word < segment.word_count() {
                let Some(found) = reference_longest_at(matcher, segment, word, text) else {
                    word += 1;
                    continue;
                };
                mentions.push(Mention { concept: found.concept, range: original_range(segment, text, word, &found) });
                word = segment.word_from(word, found.end - 1) + 1;
            }
        });
        mentions
    }

    fn shipped_catalog() -> Catalog {
        let source = include_str!("../../corpus/concepts.ron");
        let (catalog, _) = Catalog::parse(std::path::Path::new("concepts.ron"), source);
        catalog.unwrap_or_else(|| panic!("the shipped catalog parses"))
    }

    fn test_matcher() -> &'static Matcher {
        static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        MATCHER.get_or_init(|| Matcher::new(&catalog()))
    }

    fn shipped_matcher() -> &'static Matcher {
        static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        MATCHER.get_or_init(|| Matcher::new(&shipped_catalog()))
    }

    /// Texts made of the catalog's names, whole and cut, glued to proclitics,
    /// suffixes, other words, separators and spelling variants.
    fn text_strategy(catalog: &Catalog) -> impl Strategy<Value = String> + use<> {
        let mut pieces: Vec<String> =
            catalog.concepts.iter().flat_map(|c| c.surface_forms()).map(|(_, s)| s.to_string()).collect();
        let first_words: Vec<String> =
            pieces.iter().filter_map(|p| p.split_whitespace().next().map(str::to_string)).collect();
        pieces.extend(first_words);
        let affixes = PROCLITICS.iter().chain(ARABIC_SCRIPT_SUFFIXES).chain(LATIN_SUFFIXES);
        pieces.extend(affixes.map(|s| s.to_string()));
        let others = ["ك", "ي", "ة", "کلمه", "the", "eco", "2021", "\u{064E}", "\u{0640}", "\u{FEFB}", "😀"];
        pieces.extend(others.iter().map(|s| s.to_string()));
        let separators = ["", "", "", " ", " ", "\u{200C}", "-", "\n", "\n\n", ". ", "\r\n"];
        let token = (proptest::sample::select(pieces), proptest::sample::select(separators.to_vec()));
        proptest::collection::vec(token, 0..24)
            .prop_map(|tokens| tokens.into_iter().map(|(piece, separator)| piece + separator).collect())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn one_walk_finds_what_a_walk_per_proclitic_finds(text in text_strategy(&catalog())) {
            let matcher = test_matcher();
            prop_assert_eq!(matcher.find(&text), reference_find(matcher, &text));
        }

        #[test]
        fn one_walk_finds_what_a_walk_per_proclitic_finds_with_the_shipped_catalog(
            text in text_strategy(&shipped_catalog())
        ) {
            let matcher = shipped_matcher();
            prop_assert_eq!(matcher.find(&text), reference_find(matcher, &text));
        }
    }
}
