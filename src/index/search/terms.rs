//! Terms of the search index: the words of a folded text and the extra keys
//! each word is also found by.
//!
//! A *token* is a run of [`is_word_char`] in folded text, so ZWNJ, harakat
//! and tatweel never split or change a word (`می‌شود` and `میشود` are one
//! token). Besides the token itself the index files:
//! - its *stems*, under the key `~stem`: the token without an Arabic article
//!   or proclitic (`والانتربول` → `~انتربول`), without a Persian plural
//!   (`کشورهای` → `~کشور`), or without an English plural `s`;
//! - the *join* of two adjacent Arabic-script tokens when one is short, under
//!   the key `+join` (`می شود` → `+میشود`, `بین المللی` → `+بینالمللی`), so
//!   "space or nothing" between a prefix or suffix and its word does not matter.
//!
//! ```
//! use diplomap::index::search::terms::{tokens, stems, StemMode};
//! let text = "والانتربول کشورها";
//! let words: Vec<&str> = tokens(text).map(|r| &text[r]).collect();
//! assert_eq!(words, ["والانتربول", "کشورها"]);
//! let mut out = Vec::new();
//! stems("والانتربول", StemMode::Arabic, &mut out);
//! assert!(out.contains(&"انتربول"));
//! ```

use std::ops::Range;
use std::sync::OnceLock;

use crate::text::normalize::{is_arabic_script, is_word_char};

/// The mark that starts a stem key in the term dictionary (never in a token).
pub const STEM_MARK: char = '~';
/// The mark that starts a join key in the term dictionary: joins are kept
/// apart from words so that they do not crowd the completions of a prefix.
pub const JOIN_MARK: char = '+';

/// Arabic articles and the proclitics fused with them: stripped in any text.
const ARTICLES: &[&str] = &["وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "کال", "لل", "ال"];

/// One-letter Arabic proclitics: stripped in Arabic text only (in Persian,
/// `و` is a word of its own and `وزیر` is not `و` + `زیر`).
const ARABIC_PROCLITICS: &[&str] = &["و", "ف", "ب", "ل", "ک"];

/// Persian plural suffixes (also Arabic pronoun `ها`), longest first.
const PLURAL_SUFFIXES: &[&str] = &["هایی", "های", "ها"];

/// A stem keeps at least this many characters.
const MIN_STEM_CHARS: usize = 3;
/// A token this short (in characters) is joined with its neighbours.
pub const MAX_JOIN_PART_CHARS: usize = 3;

/// How aggressively to strip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StemMode {
    /// Persian or English text: articles and plurals only.
    Persian,
    /// Arabic text: one-letter proclitics too.
    Arabic,
}

/// Byte ranges of the tokens of a folded text.
pub fn tokens(folded: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = folded.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word(c) {
                break i;
            }
        };
        let mut end = folded.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// [`is_word_char`], with the ASCII and Arabic blocks looked up in a table
/// (the general Unicode lookup dominated indexing time).
pub fn is_word(c: char) -> bool {
    static ARABIC: OnceLock<[bool; 256]> = OnceLock::new();
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let code = c as u32;
    if !(0x0600..0x0700).contains(&code) {
        return is_word_char(c);
    }
    let table =
        ARABIC.get_or_init(|| std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(is_word_char)));
    table[(code - 0x0600) as usize]
}

/// Pushes the stems of `token` (each a substring of it, without the mark).
pub fn stems<'a>(token: &'a str, mode: StemMode, out: &mut Vec<&'a str>) {
    let first = out.len();
    if token.starts_with(is_arabic_script) {
        push_arabic_stems(token, mode, out);
    } else {
        push_latin_stem(token, out);
    }
    // Keep the list short and free of the token itself.
    let mut i = first;
    while i < out.len() {
        if out[i] == token || out[first..i].contains(&out[i]) {
            out.remove(i);
        } else {
            i += 1;
        }
    }
}

fn push_arabic_stems<'a>(token: &'a str, mode: StemMode, out: &mut Vec<&'a str>) {
    let bare = strip_proclitic(token, mode).unwrap_or(token);
    if bare != token {
        out.push(bare);
    }
    for base in [token, bare] {
        if let Some(stem) = PLURAL_SUFFIXES.iter().find_map(|s| base.strip_suffix(s))
            && stem.chars().count() >= 2
        {
            out.push(stem);
        }
    }
}

fn strip_proclitic(token: &str, mode: StemMode) -> Option<&str> {
    let long_enough = |rest: &str| rest.chars().count() >= MIN_STEM_CHARS;
    if let Some(rest) = ARTICLES.iter().find_map(|a| token.strip_prefix(a)).filter(|r| long_enough(r)) {
        return Some(rest);
    }
    if mode != StemMode::Arabic {
        return None;
    }
    ARABIC_PROCLITICS.iter().find_map(|p| token.strip_prefix(p)).filter(|r| long_enough(r))
}

fn push_latin_stem<'a>(token: &'a str, out: &mut Vec<&'a str>) {
    if token.len() < 4 || !token.is_ascii() || token.ends_with("ss") {
        return;
    }
    if let Some(stem) = token.strip_suffix('s') {
        out.push(stem);
    }
}

/// Whether two tokens separated by `gap` (folded text) are joined.
pub fn joinable(left: &str, gap: &str, right: &str) -> bool {
    let short = |t: &str| t.chars().count() <= MAX_JOIN_PART_CHARS;
    gap.len() <= 3
        && gap.chars().all(|c| c == ' ' || c == '-')
        && (short(left) || short(right))
        && left.starts_with(is_arabic_script)
        && right.starts_with(is_arabic_script)
}

/// Whether two adjacent words of a query or of a text may be one word
/// written apart: only spaces or hyphens between them.
pub fn adjacent(gap: &str) -> bool {
    gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '-')
}

/// The stem key of a stem: `~stem`.
pub fn stem_key(stem: &str, buffer: &mut String) {
    marked_key(STEM_MARK, stem, buffer);
}

/// The join key of a join: `+join`.
pub fn join_key(join: &str, buffer: &mut String) {
    marked_key(JOIN_MARK, join, buffer);
}

fn marked_key(mark: char, text: &str, buffer: &mut String) {
    buffer.clear();
    buffer.push(mark);
    buffer.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_tokens(text: &str, expected: &[&str]) {
        let found: Vec<&str> = tokens(text).map(|r| &text[r]).collect();
        assert_eq!(found, expected, "tokens of {text:?}");
    }

    fn check_stems(token: &str, mode: StemMode, expected: &[&str]) {
        let mut out = Vec::new();
        stems(token, mode, &mut out);
        assert_eq!(out, expected, "stems of {token:?}");
    }

    #[test]
    fn tokens_are_word_runs() {
        check_tokens("", &[]);
        check_tokens("  ", &[]);
        check_tokens("دیپلماسی پلیسی، و interpol-2021.", &["دیپلماسی", "پلیسی", "و", "interpol", "2021"]);
        check_tokens("a", &["a"]);
    }

    #[test]
    fn stems_by_mode() {
        check_stems("والانتربول", StemMode::Persian, &["انتربول"]);
        check_stems("الانتربول", StemMode::Arabic, &["انتربول"]);
        check_stems("ويوروبول", StemMode::Persian, &[]);
        check_stems("ویوروبول", StemMode::Arabic, &["یوروبول"]);
        check_stems("وزیر", StemMode::Persian, &[]);
        check_stems("کشورهای", StemMode::Persian, &["کشور"]);
        check_stems("کشورها", StemMode::Persian, &["کشور"]);
        check_stems("الدولها", StemMode::Arabic, &["دولها", "الدول", "دول"]);
        check_stems("ها", StemMode::Persian, &[]);
        check_stems("organisations", StemMode::Persian, &["organisation"]);
        check_stems("class", StemMode::Persian, &[]);
        check_stems("bus", StemMode::Persian, &[]);
        check_stems("الگو", StemMode::Persian, &[]);
    }

    #[test]
    fn fast_word_test_agrees() {
        for code in (0..0x3000).chain(0xFB50..0xFF00) {
            let Some(c) = char::from_u32(code) else { continue };
            assert_eq!(is_word(c), is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn joins_short_neighbours() {
        assert!(joinable("می", " ", "شود"));
        assert!(joinable("بین", " ", "المللی"));
        assert!(!joinable("سازمان", " ", "یافته"));
        assert!(!joinable("می", "، ", "شود"));
        assert!(!joinable("of", " ", "the"));
    }
}
