//! Folding for matching, with an offset map back to the original bytes.
//!
//! Persian, Arabic and English text reaches us spelled in many ways: Arabic
//! `ي`/`ك` for Persian `ی`/`ک`, hamza forms of alef, harakat and tatweel,
//! zero-width non-joiners present or not, Persian or Arabic-Indic digits,
//! Arabic presentation forms from PDF extraction, Latin in any case. [`fold`]
//! turns a text into one canonical spelling for matching and search, and keeps
//! a compact map from every folded offset back to the original bytes, so a
//! match found in the folded text is shown (highlighted, quoted) exactly where
//! it is in the original, which is never changed.
//!
//! ```
//! use diplomap::text::normalize::fold;
//! let original = "ديپلماسيِ پليسي";
//! let folded = fold(original);
//! assert_eq!(folded.text(), "دیپلماسی پلیسی");
//! let range = folded.original_range(0..folded.text().find(' ').unwrap());
//! assert_eq!(&original[range], "ديپلماسيِ");
//! ```
//!
//! What is folded (see [`fold_char`]): `ي ى ئ ۍ ې`→`ی`, `ك`→`ک`, `ة ۀ`→`ه`,
//! `أ إ آ ٱ ٲ ٳ`→`ا`, `ؤ`→`و`; harakat, Quranic marks, tatweel, ZWNJ/ZWJ and
//! bidi controls removed; `۰–۹` and `٠–٩` to ASCII digits; dashes to `-`;
//! no-break and other spaces to a plain space; Latin lower-cased; Arabic
//! presentation forms to the letters they stand for. Spaces between words
//! are kept: treating "space or nothing" alike is the matcher's job.

use std::ops::Range;

use super::presentation_forms::PRESENTATION_FORMS;

/// A folded text with its map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    text: String,
    /// Breakpoints `(folded_offset, original_offset)`, sorted by folded offset:
    /// from each breakpoint on, the two offsets advance together until the next.
    breakpoints: Vec<(usize, usize)>,
    /// Length of the original text in bytes.
    original_len: usize,
}

impl Folded {
    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length in bytes of the text this was folded from.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Original byte offset of the character that produced the folded character
    /// starting at `folded` (or the end of the original for the folded end).
    pub fn original_start(&self, folded: usize) -> usize {
        if folded >= self.text.len() {
            return self.original_len;
        }
        let index = self.breakpoints.partition_point(|&(f, _)| f <= folded);
        let Some(&(f, o)) = index.checked_sub(1).and_then(|i| self.breakpoints.get(i)) else {
            return folded.min(self.original_len);
        };
        (o + (folded - f)).min(self.original_len)
    }

    /// The original byte range of a folded range (both on char boundaries):
    /// from the original character of the first folded character to the end of
    /// the original character of the last one. Combining marks that were folded
    /// away after the last character belong to it and are included.
    pub fn original_range_in(&self, original: &str, folded: Range<usize>) -> Range<usize> {
        let start = self.original_start(folded.start);
        if folded.end <= folded.start {
            return start..start;
        }
        let last_char_start = floor_char_boundary(&self.text, folded.end - 1);
        let last_original = self.original_start(last_char_start);
        let mut end = original
            .get(last_original..)
            .and_then(|rest| rest.chars().next())
            .map_or(self.original_len, |c| last_original + c.len_utf8());
        while let Some(c) = original.get(end..).and_then(|rest| rest.chars().next()) {
            if !is_combining_mark(c) {
                break;
            }
            end += c.len_utf8();
        }
        start..end.max(start)
    }

    /// Like [`Folded::original_range_in`] without the original text at hand:
    /// the end is where the next folded character's original begins, so
    /// characters folded away after the range are included.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.original_start(folded.start);
        let end = self.original_start(folded.end);
        start..end.max(start)
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Folds `original` for matching; see the module documentation.
pub fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut breakpoints = vec![(0, 0)];
    for (offset, c) in original.char_indices() {
        let before = text.len();
        if let CharFold::One(folded) = CharInfo::of(c).folded() {
            text.push(folded);
            record(&mut breakpoints, before, offset);
            record(&mut breakpoints, text.len(), offset + c.len_utf8());
            continue;
        }
        push_folded(c, &mut text);
        // Every character `c` became maps back to `c`'s start; the next one
        // starts after `c`. `record` keeps only the points where the lockstep
        // advance of the two offsets breaks, so plain text costs nothing.
        for (i, _) in text[before..].char_indices() {
            record(&mut breakpoints, before + i, offset);
        }
        record(&mut breakpoints, text.len(), offset + c.len_utf8());
    }
    Folded { text, breakpoints, original_len: original.len() }
}

fn record(breakpoints: &mut Vec<(usize, usize)>, folded: usize, original: usize) {
    match breakpoints.last_mut() {
        Some(last) if last.0 == folded => last.1 = original,
        Some(&mut (f, o)) if original >= o && original - o == folded - f => {}
        _ => breakpoints.push((folded, original)),
    }
}

/// Folds one string without keeping the map: for patterns and queries.
pub fn fold_str(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

fn push_folded(c: char, out: &mut String) {
    let info = CharInfo::of(c);
    match info.folded() {
        CharFold::One(folded) => out.push(folded),
        CharFold::Drop => {}
        CharFold::Many => push_folded_by_rules(c, out),
    }
}

/// Folds one character by the rules (the table of [`CharInfo`] is built from this).
fn push_folded_by_rules(c: char, out: &mut String) {
    if let Some(letters) = presentation_form(c) {
        for letter in letters.chars() {
            push_folded_by_rules(letter, out);
        }
        return;
    }
    match fold_char(c) {
        Fold::Keep => out.push(c),
        Fold::Drop => {}
        Fold::To(replacement) => out.push(replacement),
        Fold::Lower => out.extend(c.to_lowercase()),
    }
}

/// What folding does to one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    Keep,
    Drop,
    To(char),
    Lower,
}

/// The folding rule for one character (presentation forms aside).
pub fn fold_char(c: char) -> Fold {
    match c {
        'ي' | 'ى' | 'ئ' | 'ۍ' | 'ې' | 'ے' => Fold::To('ی'),
        'ك' | 'ڪ' => Fold::To('ک'),
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => Fold::To('ه'),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Fold::To('ا'),
        'ؤ' => Fold::To('و'),
        '۰'..='۹' => Fold::To(digit(c as u32 - '۰' as u32)),
        '٠'..='٩' => Fold::To(digit(c as u32 - '٠' as u32)),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => Fold::To('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => Fold::To(' '),
        c if is_removed(c) => Fold::Drop,
        c if c.is_uppercase() => Fold::Lower,
        _ => Fold::Keep,
    }
}

fn digit(value: u32) -> char {
    char::from_digit(value, 10).unwrap_or('0')
}

/// Characters that carry no letter: harakat and other Arabic combining marks,
/// tatweel, zero-width joiners and non-joiners, bidi controls, soft hyphen, BOM.
fn is_removed(c: char) -> bool {
    is_combining_mark(c)
        || matches!(c,
            '\u{0640}'                      // tatweel
            | '\u{200B}'..='\u{200F}'       // ZWSP, ZWNJ, ZWJ, LRM, RLM
            | '\u{202A}'..='\u{202E}'       // embeddings and overrides
            | '\u{2066}'..='\u{2069}'       // isolates
            | '\u{061C}'                    // Arabic letter mark
            | '\u{00AD}'                    // soft hyphen
            | '\u{FEFF}')
}

/// Arabic-script combining marks: harakat, superscript alef, Quranic annotation.
pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// The letters an Arabic presentation form (U+FB50–U+FEFF) stands for.
pub fn presentation_form(c: char) -> Option<&'static str> {
    let code = c as u32;
    if !(0xFB50..=0xFEFF).contains(&code) {
        return None;
    }
    PRESENTATION_FORMS.binary_search_by_key(&code, |&(cp, _)| cp).ok().map(|i| PRESENTATION_FORMS[i].1)
}

/// Whether a folded character is part of a word: a letter or a digit
/// (combining marks are gone after folding).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a folded character is in the Arabic script.
pub fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF)
}

/// The script class of a folded word character, for splitting words where
/// the script changes (`INTERPOLاست` is two words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Not a letter (a digit, a non-word character): belongs to either side.
    Neutral,
    /// A letter of the Arabic script.
    Arabic,
    /// Any other letter (Latin, Greek, Cyrillic…).
    Other,
}

/// What folding makes of one character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharFold {
    /// Exactly one folded character.
    One(char),
    /// Nothing (harakat, tatweel, ZWNJ…).
    Drop,
    /// Several characters (a ligature, `İ`): fold with [`fold_str`].
    Many,
}

/// Folding facts about one character, from a table built once for the Basic
/// Multilingual Plane (computed by the same rules as [`fold`], so the two
/// never disagree) and computed on the spot above it. This is what lets the
/// matcher fold and split words in one pass without Unicode property calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharInfo(u32);

const INFO_CHAR_MASK: u32 = (1 << 21) - 1;
const INFO_DROP: u32 = 1 << 21;
const INFO_MANY: u32 = 1 << 22;
const INFO_WORD: u32 = 1 << 23;
const INFO_ARABIC: u32 = 1 << 24;
const INFO_OTHER_LETTER: u32 = 1 << 25;
const INFO_SPACE: u32 = 1 << 26;
const INFO_NEWLINE: u32 = 1 << 27;

impl CharInfo {
    /// The facts about `c` (a table look-up in the BMP).
    #[inline]
    pub fn of(c: char) -> CharInfo {
        let code = c as usize;
        match info_table().get(code) {
            Some(&bits) => CharInfo(bits),
            None => CharInfo::compute(c),
        }
    }

    fn compute(c: char) -> CharInfo {
        let mut folded = String::new();
        push_folded_by_rules(c, &mut folded);
        let mut chars = folded.chars();
        let mut bits = match (chars.next(), chars.next()) {
            (None, _) => INFO_DROP,
            (Some(one), None) => {
                let mut bits = one as u32;
                if is_word_char(one) {
                    bits |= INFO_WORD;
                    if one.is_alphabetic() {
                        bits |= if is_arabic_script(one) { INFO_ARABIC } else { INFO_OTHER_LETTER };
                    }
                }
                bits
            }
            _ => INFO_MANY,
        };
        if c.is_whitespace() {
            bits |= INFO_SPACE;
        }
        if c == '\n' {
            bits |= INFO_NEWLINE;
        }
        CharInfo(bits)
    }

    /// What folding makes of the character.
    #[inline]
    pub fn folded(self) -> CharFold {
        if self.0 & INFO_DROP != 0 {
            CharFold::Drop
        } else if self.0 & INFO_MANY != 0 {
            CharFold::Many
        } else {
            CharFold::One(char::from_u32(self.0 & INFO_CHAR_MASK).unwrap_or('\u{FFFD}'))
        }
    }

    /// The code of the one folded character (meaningful for [`CharFold::One`]).
    #[inline]
    pub fn folded_code(self) -> u32 {
        self.0 & INFO_CHAR_MASK
    }

    /// Whether the character folds to one word character.
    #[inline]
    pub fn is_word(self) -> bool {
        self.0 & INFO_WORD != 0
    }

    /// The script class of the one folded character (Neutral unless a letter).
    #[inline]
    pub fn script(self) -> Script {
        if self.0 & INFO_ARABIC != 0 {
            Script::Arabic
        } else if self.0 & INFO_OTHER_LETTER != 0 {
            Script::Other
        } else {
            Script::Neutral
        }
    }

    /// Whether the original character is white space.
    #[inline]
    pub fn is_space(self) -> bool {
        self.0 & INFO_SPACE != 0
    }

    /// Whether the original character is a line feed.
    #[inline]
    pub fn is_newline(self) -> bool {
        self.0 & INFO_NEWLINE != 0
    }
}

/// The [`CharInfo`] table, fetched once for a hot loop.
#[derive(Debug, Clone, Copy)]
pub struct CharInfoTable(&'static [u32]);

impl CharInfoTable {
    pub fn get() -> CharInfoTable {
        CharInfoTable(info_table())
    }

    /// The facts about `c`, as [`CharInfo::of`].
    #[inline]
    pub fn info(self, c: char) -> CharInfo {
        self.info_of_code(c as u32)
    }

    /// The facts about the character with scalar value `code` (a code that is
    /// no character folds to nothing).
    #[inline]
    pub fn info_of_code(self, code: u32) -> CharInfo {
        match self.0.get(code as usize) {
            Some(&bits) => CharInfo(bits),
            None => char::from_u32(code).map_or(CharInfo(INFO_DROP), CharInfo::compute),
        }
    }
}

/// The script class of a folded word character (see [`Script`]).
pub fn script_of(folded: char) -> Script {
    if !folded.is_alphabetic() {
        Script::Neutral
    } else if is_arabic_script(folded) {
        Script::Arabic
    } else {
        Script::Other
    }
}

/// [`CharInfo`] bits for every code point of the BMP (surrogates unused).
fn info_table() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Box<[u32]>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0u32..0x1_0000).map(|code| char::from_u32(code).map_or(INFO_DROP, |c| CharInfo::compute(c).0)).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input).text(), expected, "folding {input:?}");
        assert_eq!(fold_str(input), expected, "fold_str {input:?}");
    }

    #[test]
    fn folds_each_rule() {
        check("ديپلماسي", "دیپلماسی");
        check("مصطفى", "مصطفی");
        check("جرائم", "جرایم");
        check("كشور", "کشور");
        check("الشرطة", "الشرطه");
        check("خانۀ", "خانه");
        check("أإآٱ", "اااا");
        check("مؤسسه", "موسسه");
        check("سـلام", "سلام");
        check("دِيپْلُماسی", "دیپلماسی");
        check("می\u{200C}شود", "میشود");
        check("۱۳۹۱/٠٧/18", "1391/07/18");
        check("Cyber\u{2013}Crime", "cyber-crime");
        check("INTERPOL\u{00A0}Europol", "interpol europol");
        check("\u{202B}متن\u{202C}", "متن");
        check("\u{FEFB}", "لا");
        check("\u{FE8D}\u{FEE3}\u{FEE8}\u{FEF4}\u{FE96}", "امنیت");
        check("بِسْمِ", "بسم");
    }

    #[test]
    fn maps_ranges_back() {
        let original = "ال\u{0640}إنتربول، INTERPOL و۱۲";
        let folded = fold(original);
        assert_eq!(folded.text(), "الانتربول، interpol و12");
        let word = folded.text().find("انتربول").unwrap();
        let range = folded.original_range_in(original, word..word + "انتربول".len());
        assert_eq!(&original[range], "إنتربول");
        let latin = folded.text().find("interpol").unwrap();
        let range = folded.original_range_in(original, latin..latin + 8);
        assert_eq!(&original[range], "INTERPOL");
        let digits = folded.text().find("12").unwrap();
        let range = folded.original_range_in(original, digits..digits + 2);
        assert_eq!(&original[range], "۱۲");
    }

    #[test]
    fn trailing_marks_belong_to_the_last_letter() {
        let original = "دیپلماسیِ پلیس";
        let folded = fold(original);
        let range = folded.original_range_in(original, 0.."دیپلماسی".len());
        assert_eq!(&original[range], "دیپلماسیِ");
    }

    #[test]
    fn ligature_maps_both_letters_to_it() {
        let original = "a\u{FEFB}b";
        let folded = fold(original);
        assert_eq!(folded.text(), "aلاb");
        let l = 1;
        let alef = 1 + 'ل'.len_utf8();
        assert_eq!(folded.original_start(l), 1);
        assert_eq!(folded.original_start(alef), 1);
        assert_eq!(folded.original_range_in(original, alef..alef + 2), 1..4);
        assert_eq!(folded.original_start(alef + 2), 4);
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "دیپلماسی",
            "ديپلماسي",
            " ",
            "\u{200C}",
            "ـ",
            "ِ",
            "ّ",
            "أ",
            "ة",
            "ك",
            "۱",
            "٢",
            "3",
            "A",
            "b",
            "İ",
            "ß",
            "\u{FEFB}",
            "\u{FE8D}",
            "\u{00A0}",
            "\u{2013}",
            "\n",
            ".",
            "(",
            "x",
            "پلیس",
            "\u{202B}",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn every_folded_range_maps_to_original_char_boundaries(text in text_strategy()) {
            let folded = fold(&text);
            let f = folded.text();
            // Offsets where an original character's folding begins (not inside an expansion).
            let mut boundaries: Vec<usize> = Vec::new();
            let mut previous = None;
            for (i, _) in f.char_indices() {
                let o = folded.original_start(i);
                if previous != Some(o) {
                    boundaries.push(i);
                }
                previous = Some(o);
            }
            boundaries.push(f.len());
            for (a_index, &a) in boundaries.iter().enumerate() {
                for &b in &boundaries[a_index..] {
                    let range = folded.original_range_in(&text, a..b);
                    prop_assert!(range.start <= range.end && range.end <= text.len());
                    prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
                    // Folding the original slice gives back the folded slice.
                    if a < b {
                        prop_assert_eq!(fold_str(&text[range.clone()]), &f[a..b]);
                    }
                }
            }
        }

        #[test]
        fn original_start_is_monotonic(text in text_strategy()) {
            let folded = fold(&text);
            let mut last = 0;
            for (i, _) in folded.text().char_indices() {
                let o = folded.original_start(i);
                prop_assert!(o >= last);
                last = o;
            }
        }

        #[test]
        fn fold_is_idempotent(text in text_strategy()) {
            let once = fold_str(&text);
            prop_assert_eq!(fold_str(&once), once.clone());
        }
    }
}
