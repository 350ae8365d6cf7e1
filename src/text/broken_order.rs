//! Detection of lines in broken visual order (PDF extraction damage).
//!
//! Text extracted from some Persian PDFs comes out in visual rather than
//! logical order, and not even consistently: the seed `002_…` has lines where
//! the pieces of text between the letters `ی`/`ي` are reversed, so that a
//! word's final `ی` jumps to its front (`یخارج` for `خارجی`, `یمل` for `ملی`)
//! and the letters after a medial `ی` move before it (`تیامن` for `امنیت`,
//! `نیا` for `این`), while other lines of the same file are fine. Such lines
//! are read back by `text::repair` for the reader and the index (their
//! stored letters are never matched as words; `index::read_back` matches
//! the reading), are marked where no reading is confident, and are reported
//! by `diplomap check` as warnings.
//!
//! ```
//! use diplomap::text::broken_order::line_is_broken;
//! assert!(line_is_broken("چه  یخارج استیو س یمل تیامن یحکمران نیمسئله است که ب نیا"));
//! assert!(!line_is_broken("بحث اصلی این مقاله نسبت بین حکمرانی امنیت ملی و سیاست خارجی است."));
//! ```
//!
//! The heuristic, per Persian line (Arabic and English lines are never
//! flagged). A word that is not known (a compact list of Persian words,
//! `data/fa_words.txt`, made by `scripts/gen_fa_words.py` from the
//! well-formed seeds) scores
//! - 2 when reversing the order of its pieces between `ی`s, or of its
//!   letters, gives a known word (`تیامن`→`امنیت`, `یخارج`→`خارجی`,
//!   `رنددا`→`دارند`);
//! - 2 when it begins with Arabic `ي` in a line that also writes Persian `ی`
//!   (the PDF's final-yeh glyph, displaced to the front of a word);
//! - 1 when it merely begins with `ی` (few Persian words do, but a rare one may).
//!
//! A line is broken at 4 points, or at 2 when not one of its six or more
//! words ends in `ی` (in well-formed Persian the final `ی` is everywhere; in
//! damaged lines it has moved to the front). A line of rare words scores 0 or 1
//! a word and is not flagged.
//! Measured on the hand-labelled lines of `tests/data/broken_order_labels.tsv`
//! (see `tests/core/text_broken_order.rs`). Lines whose only damage is the usual
//! line-wrap shuffle of a PDF (a word fragment moved to the other end of the
//! line) are not flagged: their words are intact and worth indexing.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::Lang;
use super::lang;

/// Folded Persian words, one a line.
const WORDS: &str = include_str!("data/fa_words.txt");

static LEXICON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| WORDS.lines().filter(|w| !w.is_empty()).collect());

/// Suffixes stripped when looking a word up.
const SUFFIXES: &[&str] = &["های", "ها", "ترین", "تر", "ای", "ی", "ان", "اند", "ند", "یم", "ید", "ش"];
/// Prefixes stripped when looking a word up.
const PREFIXES: &[&str] = &["می", "نمی", "ن", "ب"];

const ARABIC_YE: char = '\u{064A}';
const PERSIAN_YE: char = '\u{06CC}';

/// Why a line is or is not considered broken.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LineScore {
    /// Arabic-script words in the line.
    pub words: usize,
    /// Points for words that look displaced: 2 for clear evidence, 1 for a
    /// hint (see the module docs).
    pub suspicion: usize,
    /// Words that end in `ی` or `ي`.
    pub ye_final: usize,
}

impl LineScore {
    /// The verdict for a Persian line with this score.
    pub fn is_broken(&self) -> bool {
        self.suspicion >= 4 || (self.suspicion >= 2 && self.ye_final == 0 && self.words >= 6)
    }
}

/// Whether `line` is Persian text in broken visual order.
pub fn line_is_broken(line: &str) -> bool {
    if lang::detect(line) != Some(Lang::Fa) {
        return false;
    }
    score(line).is_broken()
}

/// Byte ranges (without the line break) of the lines of `text` that are in
/// broken visual order.
pub fn broken_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let range = start..start + line.len();
        start = range.end + 1;
        if line_is_broken(line) {
            out.push(range);
        }
    }
    out
}

/// The evidence counted for `line`, whatever its language.
pub fn score(line: &str) -> LineScore {
    let writes_persian_ye = line.contains(PERSIAN_YE);
    let mut score = LineScore::default();
    for raw in line.split(|c: char| c.is_whitespace() || c == '\u{200C}') {
        let word = fold_word(raw);
        if word.is_empty() {
            continue;
        }
        score.words += 1;
        if word.chars().count() >= 2 && word.ends_with(PERSIAN_YE) {
            score.ye_final += 1;
        }
        score.suspicion += suspicion(raw, &word, writes_persian_ye);
    }
    score
}

/// How displaced a word looks: 2 when reordering it gives a known word or
/// it starts with the PDF's displaced final `ي`, 1 when it merely starts with
/// `ی` and is unknown (a rare word may do that), 0 otherwise.
fn suspicion(raw: &str, word: &str, writes_persian_ye: bool) -> usize {
    if is_known(word) {
        return 0;
    }
    if reorders_to_known(word) {
        return 2;
    }
    if word.chars().count() < 2 {
        return 0;
    }
    let raw_letters = raw.trim_start_matches(|c: char| !is_letter(c));
    if writes_persian_ye && raw_letters.starts_with(ARABIC_YE) {
        return 2;
    }
    usize::from(word.starts_with(PERSIAN_YE))
}

/// Whether `raw` (one word as written) is a known Persian word, alone or with
/// a common affix.
pub(crate) fn is_known_word(raw: &str) -> bool {
    is_known(&fold_word(raw))
}

/// Whether putting the pieces between `ی`s in reverse order, or the letters
/// in reverse order, makes a known word of at least three letters.
fn reorders_to_known(word: &str) -> bool {
    let pieces: Vec<&str> = word.split(PERSIAN_YE).collect();
    if pieces.len() > 1 {
        let ye = PERSIAN_YE.to_string();
        let swapped = pieces.iter().rev().copied().collect::<Vec<_>>().join(&ye);
        if swapped != word && swapped.chars().count() >= 3 && is_known(&swapped) {
            return true;
        }
    }
    let reversed: String = word.chars().rev().collect();
    reversed != word && reversed.chars().count() >= 3 && is_known(&reversed)
}

/// Whether `word` (folded) is in the lexicon, alone or with a common affix.
fn is_known(word: &str) -> bool {
    let lexicon = &*LEXICON;
    if lexicon.contains(word) {
        return true;
    }
    let stem_known = |stem: &str| stem.chars().count() >= 2 && lexicon.contains(stem);
    let by_suffix = SUFFIXES.iter().any(|s| word.strip_suffix(s).is_some_and(stem_known));
    by_suffix || PREFIXES.iter().any(|p| word.strip_prefix(p).is_some_and(stem_known))
}

/// The Arabic-script letters of a token, with Arabic `ي ك ى` folded to
/// Persian `ی ک` and harakat dropped.
fn fold_word(raw: &str) -> String {
    raw.chars()
        .filter(|&c| is_letter(c))
        .map(|c| match c {
            '\u{064A}' | '\u{0649}' => PERSIAN_YE,
            '\u{0643}' => '\u{06A9}',
            other => other,
        })
        .collect()
}

/// An Arabic-script letter (not a digit, mark, tatweel or punctuation).
fn is_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(line: &str, broken: bool) {
        assert_eq!(line_is_broken(line), broken, "{line:?}: {:?}", score(line));
    }

    #[test]
    fn damaged_lines_from_the_pdf() {
        check("چه  یخارج استیو س یمل تیامن یحکمران نیمسئله است که ب نیا یمقاله بررس یموضوع اصل", true);
        check(" .تیامن نیتأم", true);
        check(" يهاوهیش ،یتیامن يهانظام اقتدارگرا، مسئله ،ینظام مشارکت ،یخارج استیس ،یتیامن ینظام حکمران", true);
    }

    #[test]
    fn well_formed_lines() {
        check("بحث اصلی این مقاله نسبت بین حکمرانی امنیت ملی و سیاست خارجی است. بین این دو", false);
        check("دیپلماسی پلیسی یکی از اشکال جدید و مهم دیپلماسی است.", false);
        check("یورگن اشتاک یکی از یاران یونسکو بود.", false);
        check("", false);
    }

    #[test]
    fn rare_words_alone_do_not_flag_a_line() {
        check("ژئوپلیتیک شهرداری کلانشهری و دیپلماسی شهروندمحور در سازمانهای فراملی", false);
    }

    #[test]
    fn other_languages_are_never_flagged() {
        check("يشارك في الحوار مندوبون رفيعو المستوى من المنظمات التالية", false);
        check("Police diplomacy from the early of third Millennium", false);
    }

    #[test]
    fn broken_lines_gives_line_ranges() {
        let text = "بحث اصلی این مقاله نسبت بین حکمرانی امنیت ملی است\n .تیامن نیتأم\n";
        let ranges = broken_lines(text);
        assert_eq!(ranges.len(), 1);
        assert_eq!(&text[ranges[0].clone()], " .تیامن نیتأم");
    }
}
