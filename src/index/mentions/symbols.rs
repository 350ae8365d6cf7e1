//! The matcher's alphabet: every folded character that occurs in a pattern
//! key, a proclitic or a suffix gets a small number (a symbol, from 1); any
//! other word character is symbol 0, which no pattern contains. Keys are
//! sequences of symbols, one per folded character, so the trie takes one
//! step per letter whatever its UTF-8 length, and a table of every character
//! of the Basic Multilingual Plane gives, in one look-up, the symbol of what
//! the character folds to together with the facts the scanner needs.

use crate::text::normalize::{CharFold, CharInfoTable, Script};

/// A folded character's number in the alphabet; 0 for characters outside it.
pub(super) type Symbol = u16;

/// Most symbols an alphabet holds; characters beyond are left out (see [`Alphabet::new`]).
const MAX_SYMBOLS: usize = u16::MAX as usize;

/// Bits of a [`CharEntry`]: the symbol in the low 16 bits, the two flags of
/// special characters above it, and the character's class in the top five
/// bits (from [`ENTRY_WORD`] up), where one shift gets it.
const SYMBOL_MASK: u32 = 0xFFFF;
/// The character folds to several characters (fold it with `fold_str`).
const ENTRY_MANY: u32 = 1 << 16;
/// The original character is a line feed.
const ENTRY_NEWLINE: u32 = 1 << 17;
/// The character folds to one word character (its symbol is in the low bits).
const ENTRY_WORD: u32 = 1 << 27;
/// The character folds to nothing.
const ENTRY_DROP: u32 = 1 << 28;
/// The folded character is a letter of the Arabic script (script bits 1).
const ENTRY_ARABIC: u32 = 1 << 29;
/// The folded character is a letter of another script (script bits 2).
const ENTRY_OTHER: u32 = 1 << 30;
/// The original character is white space.
const ENTRY_SPACE: u32 = 1 << 31;
const SCRIPT_SHIFT: u32 = 29;
// The script bits read as 1 (Arabic) and 2 (other), checked when compiling.
const _: () = assert!(ENTRY_ARABIC >> SCRIPT_SHIFT == 1 && ENTRY_OTHER >> SCRIPT_SHIFT == 2);
/// Where an entry's class starts: the five bits from [`ENTRY_WORD`] to
/// [`ENTRY_SPACE`], all the scanner's hot loop needs besides the symbol.
pub(super) const CLASS_SHIFT: u32 = 27;

/// The sorted characters of an alphabet; symbol `i + 1` is `chars[i]`.
#[derive(Debug)]
pub(super) struct Alphabet {
    chars: Vec<char>,
}

impl Alphabet {
    /// The alphabet of these characters. Past [`MAX_SYMBOLS`] distinct
    /// characters (no real catalog comes near) the rest get no symbol, and
    /// keys holding them are not matched.
    pub(super) fn new(chars: impl Iterator<Item = char>) -> Alphabet {
        let mut chars: Vec<char> = chars.collect();
        chars.sort_unstable();
        chars.dedup();
        chars.truncate(MAX_SYMBOLS);
        Alphabet { chars }
    }

    /// Number of symbols including 0: the width of a dense trie row.
    pub(super) fn width(&self) -> usize {
        self.chars.len() + 1
    }

    /// The symbol of a folded character (0 if it is not in the alphabet).
    pub(super) fn symbol(&self, c: char) -> Symbol {
        self.chars.binary_search(&c).map_or(0, |i| (i + 1) as Symbol)
    }

    /// The symbols of a folded string, or `None` if a character has none.
    pub(super) fn symbols(&self, text: &str) -> Option<Vec<Symbol>> {
        text.chars().map(|c| Some(self.symbol(c)).filter(|&s| s != 0)).collect()
    }
}

/// What the scanner needs to know about one original character.
#[derive(Debug, Clone, Copy)]
pub(super) struct CharEntry(u32);

impl CharEntry {
    #[inline(always)]
    pub(super) const fn from_bits(bits: u32) -> CharEntry {
        CharEntry(bits)
    }

    /// Whether the character folds to exactly one word character.
    #[inline(always)]
    pub(super) const fn is_word(self) -> bool {
        self.0 & ENTRY_WORD != 0
    }

    /// The symbol of the one folded character (meaningful for word characters).
    #[inline(always)]
    pub(super) fn symbol(self) -> Symbol {
        (self.0 & SYMBOL_MASK) as Symbol
    }

    /// The script of the one folded character as bits: 0 neutral, 1 Arabic, 2 other.
    #[inline(always)]
    pub(super) const fn script_bits(self) -> u32 {
        (self.0 >> SCRIPT_SHIFT) & 3
    }

    /// The character's class: word, dropped, script and space bits.
    #[inline(always)]
    pub(super) fn class(self) -> u8 {
        (self.0 >> CLASS_SHIFT) as u8
    }

    /// A line feed or a character that folds to several: not a plain character.
    #[inline(always)]
    pub(super) fn is_special(self) -> bool {
        self.0 & (ENTRY_NEWLINE | ENTRY_MANY) != 0
    }

    #[inline(always)]
    pub(super) const fn is_space(self) -> bool {
        self.0 & ENTRY_SPACE != 0
    }

    #[inline(always)]
    pub(super) fn is_newline(self) -> bool {
        self.0 & ENTRY_NEWLINE != 0
    }

    /// Folds to nothing.
    #[inline(always)]
    pub(super) const fn is_dropped(self) -> bool {
        self.0 & ENTRY_DROP != 0
    }
}

/// The script of a folded character as the bits of [`CharEntry::script_bits`].
pub(super) fn script_bits(script: Script) -> u32 {
    match script {
        Script::Neutral => 0,
        Script::Arabic => 1,
        Script::Other => 2,
    }
}

/// [`CharEntry`] for every character of the Basic Multilingual Plane, for one
/// alphabet; computed on the spot above it.
#[derive(Debug)]
pub(super) struct CharTable {
    entries: Box<[u32; 0x1_0000]>,
}

impl CharTable {
    /// The table for `alphabet`: a copy of the entries every alphabet shares
    /// (all but the symbols), with the symbols of the alphabet's characters
    /// written into the entries of the characters that fold to them.
    pub(super) fn new(alphabet: &Alphabet) -> CharTable {
        let shared = SharedEntries::get();
        let mut entries = shared.entries.clone();
        for (symbol, &c) in (1..).zip(&alphabet.chars) {
            let first = shared.by_fold.partition_point(|&(folded, _)| folded < c);
            for &(_, code) in shared.by_fold[first..].iter().take_while(|&&(folded, _)| folded == c) {
                entries[usize::from(code)] |= u32::from(symbol as Symbol);
            }
        }
        CharTable { entries }
    }

    /// The entries of the Basic Multilingual Plane, by scalar value.
    #[inline(always)]
    pub(super) fn bmp_entries(&self) -> &[u32; 0x1_0000] {
        &self.entries
    }

    /// The entry of the character with scalar value `code`; `alphabet` must
    /// be the one the table was built for.
    #[inline(always)]
    pub(super) fn entry(&self, alphabet: &Alphabet, code: u32) -> CharEntry {
        match self.entries.get(code as usize) {
            Some(&bits) => CharEntry(bits),
            None => CharEntry(entry_bits(CharInfoTable::get(), alphabet, code)),
        }
    }
}

/// What the tables of every alphabet share, computed once: the entries of
/// the Basic Multilingual Plane with symbol 0, and the characters that fold
/// to one word character, sorted by what they fold to.
struct SharedEntries {
    entries: Box<[u32; 0x1_0000]>,
    by_fold: Vec<(char, u16)>,
}

impl SharedEntries {
    fn get() -> &'static SharedEntries {
        static SHARED: std::sync::OnceLock<SharedEntries> = std::sync::OnceLock::new();
        SHARED.get_or_init(|| {
            let info = CharInfoTable::get();
            let no_symbols = Alphabet { chars: Vec::new() };
            let mut entries = Box::new([0u32; 0x1_0000]);
            let mut by_fold = Vec::new();
            for (code, entry) in (0u16..=u16::MAX).zip(entries.iter_mut()) {
                *entry = entry_bits(info, &no_symbols, u32::from(code));
                let character = info.info_of_code(u32::from(code));
                if let CharFold::One(folded) = character.folded()
                    && character.is_word()
                {
                    by_fold.push((folded, code));
                }
            }
            by_fold.sort_unstable();
            SharedEntries { entries, by_fold }
        })
    }
}

fn entry_bits(table: CharInfoTable, alphabet: &Alphabet, code: u32) -> u32 {
    let info = table.info_of_code(code);
    let mut bits = match info.folded() {
        CharFold::Drop => ENTRY_DROP,
        CharFold::Many => ENTRY_MANY,
        CharFold::One(folded) if info.is_word() => {
            ENTRY_WORD | u32::from(alphabet.symbol(folded)) | (script_bits(info.script()) << SCRIPT_SHIFT)
        }
        CharFold::One(_) => 0,
    };
    if info.is_space() {
        bits |= ENTRY_SPACE;
    }
    if info.is_newline() {
        bits |= ENTRY_NEWLINE;
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_patched_from_the_shared_one_is_the_table_computed_character_by_character() {
        let info = CharInfoTable::get();
        for letters in ["", "اینترپلکیهو", "abcxyz019", "اaیbک-ـé中"] {
            let alphabet = Alphabet::new(letters.chars());
            let table = CharTable::new(&alphabet);
            for code in 0..=u32::from(u16::MAX) {
                let expected = entry_bits(info, &alphabet, code);
                assert_eq!(table.bmp_entries()[code as usize], expected, "{letters:?}: U+{code:04X}");
            }
        }
    }
}
