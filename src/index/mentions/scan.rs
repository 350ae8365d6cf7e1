//! The first half of mention finding: one pass over the original text that
//! folds every character to a symbol (one table look-up), drops what folding
//! drops, splits words at non-word characters and where the script changes,
//! and hands over [`Segment`]s — the words of a stretch no match crosses,
//! run together — cut at blank lines.
//!
//! The hot loop (`Scanner::scan_plain`) keeps its state in locals, not in
//! the segment, and decides without jumps whether a character counts: the
//! word state steps through a small table by the character's class, every
//! character's symbol and word start are written, and the lengths advance
//! by 0 or 1. Characters of three bytes (ZWNJ,
//! dashes, presentation forms) take a branch of their own; line feeds,
//! characters folding to several, four-byte characters, the last bytes of
//! the text and full buffers go the general way (`Scanner::one_char`).

use std::ops::Range;

use super::symbols::{Alphabet, CLASS_SHIFT, CharEntry, CharTable, Symbol, script_bits};
use crate::text::normalize::{CharFold, CharInfo, fold_str, is_word_char, script_of};

/// A segment is cut at the next word boundary once its key is this long, so
/// key offsets fit in `u32` (a single paragraph of 2 GB and more).
const MAX_SEGMENT_KEY: usize = 1 << 31;

/// Script bits (see [`super::symbols::CharEntry::script_bits`]) of two
/// letters of different scripts, Arabic and other, or-ed together.
const SCRIPTS_DIFFER: u32 = 0b11;

/// A growable array that may be written past its end without a branch:
/// the scanner stores every value in `items` and counts it in `len` or not.
#[derive(Debug, Default)]
struct Buffer<T> {
    items: Vec<T>,
    len: usize,
}

impl<T: Copy + Default> Buffer<T> {
    fn push(&mut self, value: T) {
        if self.len >= self.items.len() {
            self.grow();
        }
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = value;
        }
        self.len += 1;
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self) {
        let size = (self.items.len() * 2).max(256);
        self.items.resize(size, T::default());
    }

    #[inline(always)]
    fn as_slice(&self) -> &[T] {
        &self.items[..self.len]
    }

    fn clear(&mut self) {
        self.len = 0;
    }
}

/// The words of one stretch of text that no match crosses (a blank line ends
/// one), folded and run together without what separates them, so that
/// "cyber crime", "cyber-crime" and "cybercrime" read alike.
#[derive(Debug, Default)]
pub(super) struct Segment {
    /// The folded words, concatenated: one symbol per folded character.
    key: Buffer<Symbol>,
    /// Per word: its start in `key`.
    word_keys: Buffer<u32>,
    /// Per word: the original byte offset of the character its first folded
    /// character comes from.
    word_origins: Buffer<usize>,
    /// Words that start inside the folding of one character (a ligature
    /// folded to several letters): `(word, folded characters to skip)`.
    skips: Vec<(u32, u32)>,
}

impl Segment {
    pub(super) fn clear(&mut self) {
        self.key.clear();
        self.word_keys.clear();
        self.word_origins.clear();
        self.skips.clear();
    }

    /// The key: every folded word character, one symbol each.
    #[inline(always)]
    pub(super) fn key(&self) -> &[Symbol] {
        self.key.as_slice()
    }

    pub(super) fn word_count(&self) -> usize {
        self.word_keys.len
    }

    #[inline(always)]
    pub(super) fn word_start(&self, word: usize) -> usize {
        self.word_keys.as_slice()[word] as usize
    }

    pub(super) fn word_end(&self, word: usize) -> usize {
        self.word_keys.as_slice().get(word + 1).map_or(self.key.len, |&k| k as usize)
    }

    /// The word holding key offset `k`, searching forward from word `from`.
    pub(super) fn word_from(&self, from: usize, k: usize) -> usize {
        let mut word = from;
        while word + 1 < self.word_count() && self.word_start(word + 1) <= k {
            word += 1;
        }
        word
    }

    /// Whether key offset `k` (past word `from`'s start) ends a word.
    pub(super) fn is_word_end(&self, from: usize, k: usize) -> bool {
        if k >= self.key.len {
            return k == self.key.len;
        }
        self.word_start(self.word_from(from, k)) == k
    }

    /// Original offset and length of the character whose folding gives the
    /// folded character at key offset `k`, which lies in word `word`.
    pub(super) fn origin_of(&self, text: &str, word: usize, k: usize) -> (usize, usize) {
        let mut position = self.word_start(word);
        let mut skip = self.skips.iter().find(|&&(w, _)| w as usize == word).map_or(0, |&(_, n)| n);
        let origin = self.word_origins.as_slice()[word];
        for (i, c) in text[origin..].char_indices() {
            let offset = origin + i;
            match CharInfo::of(c).folded() {
                CharFold::One(_) => {
                    if position >= k {
                        return (offset, c.len_utf8());
                    }
                    position += 1;
                }
                CharFold::Drop => {}
                CharFold::Many => {
                    let mut buffer = [0u8; 4];
                    for _ in fold_str(c.encode_utf8(&mut buffer)).chars() {
                        if skip > 0 {
                            skip -= 1;
                            continue;
                        }
                        if position >= k {
                            return (offset, c.len_utf8());
                        }
                        position += 1;
                    }
                }
            }
        }
        (text.len(), 0)
    }
}

/// Where the scan of one piece of text stands.
struct Scanner<'m> {
    chars: &'m CharTable,
    alphabet: &'m Alphabet,
    segment: Segment,
    in_word: bool,
    /// Script bits of the last letter of the current word.
    word_script: u32,
    /// The current line holds only white space so far, and a line came before it.
    line_blank: bool,
}

/// Scans `text[range]` (which starts at the start of the text or right after
/// a blank line, and ends at the end or after a blank line), handing every
/// segment to `found` (which may leave it as it is: it is cleared after).
pub(super) fn scan(
    chars: &CharTable,
    alphabet: &Alphabet,
    text: &str,
    range: Range<usize>,
    mut found: impl FnMut(&Segment),
) {
    let mut scanner = Scanner {
        chars,
        alphabet,
        segment: Segment::default(),
        in_word: false,
        word_script: 0,
        line_blank: range.start > 0,
    };
    let bytes = &text.as_bytes()[..range.end];
    let mut offset = range.start;
    while offset < bytes.len() {
        offset = scanner.scan_plain(bytes, offset);
        let Some(&first) = bytes.get(offset) else { break };
        // One character the general way: a special one, the last few bytes,
        // or full buffers.
        let length = usize::from(UTF8_LENGTH[usize::from(first >> 4)]);
        scanner.one_char(decode_utf8(bytes, offset), offset, &mut found);
        offset += length;
    }
    scanner.flush(&mut found);
}

impl Scanner<'_> {
    /// Scans plain characters from `offset` for as long as they are plain,
    /// the buffers have room and three bytes are left to read; returns where
    /// it stopped. The state lives in locals here, not in memory.
    #[inline(never)]
    fn scan_plain(&mut self, bytes: &[u8], mut offset: usize) -> usize {
        let entries = self.chars.bmp_entries();
        let segment = &mut self.segment;
        let key = &mut segment.key.items[..];
        let word_keys = &mut segment.word_keys.items[..];
        let word_origins = &mut segment.word_origins.items[..];
        let mut key_len = segment.key.len;
        let mut word_count = segment.word_keys.len;
        let key_room = key.len().min(MAX_SEGMENT_KEY);
        let word_room = word_keys.len().min(word_origins.len());
        let mut state = scan_state(self.in_word, self.word_script, self.line_blank);
        while key_len < key_room && word_count < word_room {
            let Some(&[b0, b1, b2]) = bytes.get(offset..offset + 3) else { break };
            // One or two bytes without a branch; three (ZWNJ, dashes,
            // presentation forms) on a branch of their own; four never here.
            let (b0, b1, b2) = (u32::from(b0), u32::from(b1), u32::from(b2));
            let code = if b0 < 0xE0 {
                let two = ((b0 & 0x1F) << 6) | (b1 & 0x3F);
                select(b0 < 0x80, b0, two)
            } else if b0 < 0xF0 {
                ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F)
            } else {
                break;
            };
            let entry = CharEntry::from_bits(entries[code as u16 as usize]);
            if entry.is_special() {
                break;
            }
            // A word character, another one, or one folded away: written the
            // same way, counted or not.
            let step = STEPS[(usize::from(entry.class()) << STATE_BITS | usize::from(state)) & (STEPS.len() - 1)];
            state = step & STATE_MASK;
            word_keys[word_count] = key_len as u32;
            word_origins[word_count] = offset;
            word_count += usize::from(step >> STATE_BITS);
            key[key_len] = entry.symbol();
            key_len += usize::from(entry.is_word());
            // The next character's place from the first byte alone, so the
            // loop does not wait on the table.
            offset += 1 + usize::from(b0 >= 0xC0) + usize::from(b0 >= 0xE0);
        }
        segment.key.len = key_len;
        segment.word_keys.len = word_count;
        segment.word_origins.len = word_count;
        self.in_word = state & IN_WORD != 0;
        self.word_script = u32::from(state & SCRIPT_MASK);
        self.line_blank = state & LINE_BLANK != 0;
        offset
    }

    /// Adds one character, whatever it is, at `start`.
    fn one_char(&mut self, code: u32, start: usize, found: &mut impl FnMut(&Segment)) {
        let entry = self.chars.entry(self.alphabet, code);
        if entry.is_special() {
            self.special(code, start, found);
            return;
        }
        if entry.is_word() {
            self.line_blank = false;
            self.push_word_char(entry.symbol(), entry.script_bits(), start, 0);
            return;
        }
        if !entry.is_space() {
            self.line_blank = false;
        }
        if !entry.is_dropped() {
            self.in_word = false;
        }
        if !self.in_word && self.segment.key.len >= MAX_SEGMENT_KEY {
            self.flush(found);
        }
    }

    fn flush(&mut self, found: &mut impl FnMut(&Segment)) {
        found(&self.segment);
        self.segment.clear();
    }

    /// A line feed, or a character that folds to several.
    #[cold]
    fn special(&mut self, code: u32, start: usize, found: &mut impl FnMut(&Segment)) {
        let entry = self.chars.entry(self.alphabet, code);
        if entry.is_newline() {
            if self.line_blank {
                self.flush(found);
            }
            self.line_blank = true;
            self.in_word = false;
        } else {
            if !entry.is_space() {
                self.line_blank = false;
            }
            self.push_folded(code, start);
        }
        if !self.in_word && self.segment.key.len >= MAX_SEGMENT_KEY {
            self.flush(found);
        }
    }

    /// Adds what the character `code` at `start` folds to, one character after another.
    fn push_folded(&mut self, code: u32, start: usize) {
        let Some(c) = char::from_u32(code) else { return };
        let mut buffer = [0u8; 4];
        for (output, folded) in fold_str(c.encode_utf8(&mut buffer)).chars().enumerate() {
            if !is_word_char(folded) {
                self.in_word = false;
                continue;
            }
            let symbol = self.alphabet.symbol(folded);
            self.push_word_char(symbol, script_bits(script_of(folded)), start, output as u32);
        }
    }

    /// Adds one folded word character coming from the original character at
    /// `origin`; `output` counts the folded characters of that original
    /// before this one.
    fn push_word_char(&mut self, symbol: Symbol, script: u32, origin: usize, output: u32) {
        let segment = &mut self.segment;
        if !self.in_word || self.word_script | script == SCRIPTS_DIFFER {
            if output > 0 {
                segment.skips.push((segment.word_keys.len as u32, output));
            }
            segment.word_keys.push(segment.key.len as u32);
            segment.word_origins.push(origin);
            self.in_word = true;
            self.word_script = 0;
        }
        if script != 0 {
            self.word_script = script;
        }
        segment.key.push(symbol);
    }
}

/// The state of the scanner's hot loop in four bits: whether it is in a
/// word ([`IN_WORD`]), the script bits of the word's last letter, and whether
/// the line holds only white space so far ([`LINE_BLANK`]).
const IN_WORD: u8 = 0b0100;
const LINE_BLANK: u8 = 0b1000;
const SCRIPT_MASK: u8 = 0b0011;
const STATE_BITS: u32 = 4;
const STATE_MASK: u8 = 0b1111;
/// In a [`STEPS`] entry: the character starts a new word.
const NEW_WORD: u8 = 1 << STATE_BITS;

fn scan_state(in_word: bool, word_script: u32, line_blank: bool) -> u8 {
    (if in_word { IN_WORD } else { 0 }) | (if line_blank { LINE_BLANK } else { 0 }) | (word_script as u8 & SCRIPT_MASK)
}

/// What one plain character does to the state, by `class << 4 | state`: the
/// next state, and whether the character starts a word (a word character
/// after no word, or after a letter of the other script). A character folded
/// away leaves the word as it is; a neutral one (a digit) keeps its script;
/// anything but white space makes the line not blank.
const STEPS: [u8; 512] = {
    let mut steps = [0u8; 512];
    let mut index = 0;
    while index < 512 {
        let (class, state) = ((index >> STATE_BITS) as u32, (index as u8) & STATE_MASK);
        let in_word = state & IN_WORD != 0;
        let word_script = (state & SCRIPT_MASK) as u32;
        let entry = CharEntry::from_bits(class << CLASS_SHIFT);
        let script = entry.script_bits();
        let new_word = entry.is_word() && (!in_word || word_script | script == SCRIPTS_DIFFER);
        let next_script = if new_word || script != 0 { script } else { word_script };
        let next_in_word = if entry.is_dropped() { in_word } else { entry.is_word() };
        let next_line_blank = state & LINE_BLANK != 0 && entry.is_space();
        steps[index] = (if new_word { NEW_WORD } else { 0 })
            | (if next_in_word { IN_WORD } else { 0 })
            | (if next_line_blank { LINE_BLANK } else { 0 })
            | next_script as u8;
        index += 1;
    }
    steps
};

/// The scalar value of the UTF-8 character at `offset` of `bytes` (valid UTF-8).
fn decode_utf8(bytes: &[u8], offset: usize) -> u32 {
    let length = bytes.get(offset).map_or(1, |&first| usize::from(UTF8_LENGTH[usize::from(first >> 4)]));
    let end = (offset + length).min(bytes.len());
    let character = bytes.get(offset..end).and_then(|b| std::str::from_utf8(b).ok()).and_then(|s| s.chars().next());
    character.map_or(u32::from(char::REPLACEMENT_CHARACTER), u32::from)
}

/// `if condition { a } else { b }` for plain integers (a conditional move).
#[inline(always)]
fn select(condition: bool, a: u32, b: u32) -> u32 {
    let mask = u32::from(condition).wrapping_neg();
    (a & mask) | (b & !mask)
}

/// Length of a UTF-8 sequence by the high four bits of its first byte
/// (continuation bytes never start a character of valid UTF-8).
const UTF8_LENGTH: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A segment's content, to compare two scans.
    type Snapshot = (Vec<Symbol>, Vec<u32>, Vec<usize>, Vec<(u32, u32)>);

    fn snapshot(segment: &Segment) -> Snapshot {
        let words = segment.word_keys.as_slice().to_vec();
        (segment.key().to_vec(), words, segment.word_origins.as_slice().to_vec(), segment.skips.clone())
    }

    /// The scan with every character taken the general way (`one_char`), as
    /// a reference for the hot loop.
    fn scan_char_by_char(chars: &CharTable, alphabet: &Alphabet, text: &str) -> Vec<Snapshot> {
        let mut segments = Vec::new();
        let mut found = |segment: &Segment| segments.push(snapshot(segment));
        let mut scanner =
            Scanner { chars, alphabet, segment: Segment::default(), in_word: false, word_script: 0, line_blank: false };
        for (offset, c) in text.char_indices() {
            scanner.one_char(u32::from(c), offset, &mut found);
        }
        scanner.flush(&mut found);
        segments
    }

    fn scan_all(chars: &CharTable, alphabet: &Alphabet, text: &str) -> Vec<Snapshot> {
        let mut segments = Vec::new();
        scan(chars, alphabet, text, 0..text.len(), |segment| segments.push(snapshot(segment)));
        segments
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = [
            "ا", "ی", "ي", "ك", "پ", "ل", "ة", "\u{064E}", "\u{0640}", "\u{200C}", "\u{200D}", "\u{FEFB}", "\u{FE8D}",
            "۱", "2", "a", "B", "é", "ß", "ﬁ", " ", "\u{A0}", "\t", "\n", "\r", "-", "—", ".", "😀", "中",
        ];
        let piece = proptest::sample::select(pieces.to_vec()).prop_map(str::to_string);
        let tokens =
            proptest::collection::vec(prop_oneof![8 => piece, 1 => any::<char>().prop_map(String::from)], 0..200);
        tokens.prop_map(|tokens| tokens.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn the_hot_loop_scans_as_the_general_way_does(text in text_strategy()) {
            let (alphabet, chars) = tables();
            prop_assert_eq!(scan_all(chars, alphabet, &text), scan_char_by_char(chars, alphabet, &text));
        }
    }

    fn tables() -> &'static (Alphabet, CharTable) {
        static TABLES: std::sync::OnceLock<(Alphabet, CharTable)> = std::sync::OnceLock::new();
        TABLES.get_or_init(|| {
            let alphabet = Alphabet::new("اینترپلکهcrimeab12".chars());
            let chars = CharTable::new(&alphabet);
            (alphabet, chars)
        })
    }
}
