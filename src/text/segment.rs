//! Paragraph and sentence segmentation.
//!
//! The corpus mixes hard-wrapped text (a paper extracted from a PDF, a line
//! every ~80 characters), unwrapped text (a web page, one paragraph a line)
//! and lists (tables of contents, bullet points). [`paragraphs`] cuts a text
//! into paragraphs, [`sentences`] cuts a paragraph into sentences, and
//! [`segment`] does both. Every result is a byte range into the original
//! text, trimmed of surrounding whitespace, so callers can slice, highlight
//! and map back without copying.
//!
//! ```
//! use diplomap::text::segment::segment;
//! let text = "ما هو الحوار؟\nالحوار آلية. وهو يرمي إلى التعاون.\n\nPrice is 2.5 e.g. today.";
//! let paras = segment(text);
//! assert_eq!(paras.len(), 3);
//! assert_eq!(&text[paras[0].range.clone()], "ما هو الحوار؟");
//! assert_eq!(paras[1].sentences.len(), 2);
//! assert_eq!(paras[2].sentences.len(), 1);
//! ```
//!
//! Paragraph rules, line by line:
//! - a blank line ends a paragraph;
//! - a list item (`- `, `• `, `1. `, `2) `, `’1‘`, `الف)`) starts one;
//! - a short line (a heading, a table-of-contents row, the last line of a
//!   wrapped paragraph) ends one; a short line that does not end a sentence
//!   is a heading, a paragraph of its own, unless it follows a line of the
//!   same paragraph that did not end a sentence either (then it is that
//!   paragraph's last line);
//! - a long line that ends a sentence is a whole unwrapped paragraph.
//!
//! Sentence rules: a sentence ends at `.` `؟` `?` `!` `؛` `…` (with any
//! closing quotes or brackets after them) followed by whitespace or the end
//! of the paragraph, so a line break after a terminator ends a sentence but
//! a line break elsewhere does not. A `.` does not end a sentence inside a
//! number (`2.5`), a URL, after an abbreviation (`e.g.`, `Dr.`), an initial
//! (`J. Smith`), a list number at the start of a line (`1.`), or before a
//! lower-case Latin word. `؟` and `؛` end a sentence even when no space
//! follows, as Persian typists often leave none.
//!
//! Everything is linear in the length of the text and never panics.

use std::ops::Range;

/// A paragraph and the sentences in it, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub sentences: Vec<Range<usize>>,
}

/// A line shorter than this (in characters) ends a paragraph.
const SHORT_LINE_CHARS: usize = 60;
/// A line longer than this (in characters) is not hard-wrapped.
const UNWRAPPED_LINE_CHARS: usize = 150;
/// Longest word looked at when deciding whether a `.` ends an abbreviation.
const MAX_ABBREVIATION_BYTES: usize = 64;

/// Latin abbreviations after which a `.` does not end a sentence (lower case,
/// without their dots).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "cf", "vs", "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "fig", "figs", "vol", "pp", "p",
    "ed", "eds", "al", "jr", "sr", "inc", "ltd", "co", "approx", "ca", "dept", "gen", "col", "lt", "sgt", "u.s", "u.k",
    "u.n", "op", "cit", "ibid", "art", "para", "ch",
];

/// The paragraphs of `text`, as trimmed byte ranges in text order.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut open_line_ends_sentence = false;
    for line in lines(text) {
        let trimmed = trim_range(text, line.clone());
        if trimmed.is_empty() {
            flush(&mut out, &mut current);
            continue;
        }
        let content = &text[trimmed.clone()];
        let mut kind = line_kind(content);
        if kind == LineKind::Heading && current.is_some() && !open_line_ends_sentence {
            // The short last line of a wrapped paragraph, not a heading.
            kind = LineKind::Closing;
        }
        open_line_ends_sentence = content.chars().last().is_some_and(is_terminator);
        if kind.starts_paragraph() {
            flush(&mut out, &mut current);
        }
        current = Some(match current.take() {
            Some(open) => open.start..trimmed.end,
            None => trimmed,
        });
        if kind.ends_paragraph() {
            flush(&mut out, &mut current);
        }
    }
    flush(&mut out, &mut current);
    out
}

/// The sentences of the paragraph at `paragraph` (a byte range into `text`,
/// as returned by [`paragraphs`]), as trimmed byte ranges. A range that is
/// out of bounds or not on character boundaries is clamped to one that is.
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let paragraph = clamp_range(text, paragraph);
    let mut out = Vec::new();
    let mut start = paragraph.start;
    let mut ends = SentenceEnds::new(text, paragraph.clone());
    while let Some(end) = ends.next_end() {
        push_trimmed(&mut out, text, start..end);
        start = end;
    }
    push_trimmed(&mut out, text, start..paragraph.end);
    out
}

/// Paragraphs of `text` with their sentences.
pub fn segment(text: &str) -> Vec<Paragraph> {
    paragraphs(text).into_iter().map(|range| Paragraph { sentences: sentences(text, range.clone()), range }).collect()
}

/// What a non-blank line means for paragraph boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// An ordinary line of running text.
    Text,
    /// A list item: starts a paragraph.
    ListItem,
    /// A short list item: a paragraph of its own.
    ShortListItem,
    /// A short line that does not end a sentence: a paragraph of its own.
    Heading,
    /// A short line that ends a sentence, or a long unwrapped one: ends a paragraph.
    Closing,
}

impl LineKind {
    fn starts_paragraph(self) -> bool {
        matches!(self, LineKind::ListItem | LineKind::ShortListItem | LineKind::Heading)
    }

    fn ends_paragraph(self) -> bool {
        matches!(self, LineKind::ShortListItem | LineKind::Heading | LineKind::Closing)
    }
}

fn line_kind(line: &str) -> LineKind {
    let chars = line.chars().count();
    if is_list_item(line) {
        return if chars < SHORT_LINE_CHARS { LineKind::ShortListItem } else { LineKind::ListItem };
    }
    let ends_sentence = line.chars().last().is_some_and(is_terminator);
    if chars < SHORT_LINE_CHARS {
        return if ends_sentence && !line.ends_with(['?', '؟']) { LineKind::Closing } else { LineKind::Heading };
    }
    if chars > UNWRAPPED_LINE_CHARS && ends_sentence {
        return LineKind::Closing;
    }
    LineKind::Text
}

/// Whether a (trimmed) line begins with a list marker.
fn is_list_item(line: &str) -> bool {
    let mut chars = line.chars();
    let Some(first) = chars.next() else { return false };
    if matches!(first, '-' | '–' | '—' | '•' | '*' | '·' | '▪' | '●') {
        return chars.next().is_some_and(char::is_whitespace);
    }
    if first == '’' || first == '‘' {
        let digits = chars.by_ref().take_while(|c| is_digit(*c)).count();
        return digits > 0;
    }
    let marker_len = line.chars().take_while(|c| is_digit(*c)).count();
    if marker_len > 0 && marker_len <= 3 {
        return numbered_marker_follows(line.chars().skip(marker_len));
    }
    letter_marker(line)
}

/// After the digits of `1.` / `2)` / `3-`: the punctuation then a space.
fn numbered_marker_follows(mut rest: impl Iterator<Item = char>) -> bool {
    let punct = rest.next();
    let space = rest.next();
    matches!(punct, Some('.' | ')' | '-' | '–' | '٫')) && space.is_some_and(char::is_whitespace)
}

/// A Persian/Arabic letter item such as `الف)` or `ب)` or a Latin `a)`.
fn letter_marker(line: &str) -> bool {
    let Some(close) = line.find(')') else { return false };
    let marker = &line[..close];
    let short = marker.chars().count() <= 3 && !marker.is_empty();
    let letters = marker.chars().all(char::is_alphabetic);
    let spaced = line[close + 1..].chars().next().is_some_and(char::is_whitespace);
    short && letters && spaced
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('۰'..='۹').contains(&c) || ('٠'..='٩').contains(&c)
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '؟' | '?' | '!' | '؛' | '…' | '۔')
}

/// Characters that may follow a terminator and still belong to its sentence.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | ')' | ']' | '’' | '”' | '›' | '}') || is_terminator(c)
}

/// Scans a paragraph for the byte offsets where sentences end.
struct SentenceEnds<'a> {
    text: &'a str,
    range: Range<usize>,
    pos: usize,
}

impl<'a> SentenceEnds<'a> {
    fn new(text: &'a str, range: Range<usize>) -> Self {
        SentenceEnds { text, pos: range.start, range }
    }

    /// The next end (exclusive byte offset after the terminator and its
    /// closers), or `None` at the end of the paragraph.
    fn next_end(&mut self) -> Option<usize> {
        while self.pos < self.range.end {
            let rest = &self.text[self.pos..self.range.end];
            let (offset, c) = rest.char_indices().find(|&(_, c)| is_terminator(c))?;
            let at = self.pos + offset;
            let after = self.skip_closers(at);
            self.pos = after;
            if self.ends_sentence(at, c, after) {
                return Some(after);
            }
        }
        None
    }

    /// The offset after the run of terminators and closing marks starting at `at`.
    fn skip_closers(&self, at: usize) -> usize {
        let rest = &self.text[at..self.range.end];
        let len = rest.char_indices().find(|&(_, c)| !is_closer(c)).map_or(rest.len(), |(i, _)| i);
        at + len
    }

    fn ends_sentence(&self, at: usize, terminator: char, after: usize) -> bool {
        let next = self.text[after..self.range.end].chars().next();
        if after == self.range.end {
            return true;
        }
        if matches!(terminator, '؟' | '؛') && next.is_some_and(char::is_alphabetic) {
            return true;
        }
        if !next.is_some_and(char::is_whitespace) {
            return false;
        }
        if terminator != '.' || self.text[at..after].starts_with("..") {
            return true;
        }
        !self.dot_is_internal(at, after)
    }

    /// Whether the single `.` at `at`, followed by whitespace, belongs to a
    /// word rather than ending a sentence: an abbreviation, an initial, a list
    /// number, or a dot followed by a lower-case word. (Dots inside numbers
    /// and URLs are never followed by whitespace.)
    fn dot_is_internal(&self, at: usize, after: usize) -> bool {
        let word = word_before(self.text, self.range.start, at);
        if is_abbreviation(word) || is_initial(word) {
            return true;
        }
        if is_list_number(self.text, self.range.start, at, word) {
            return true;
        }
        next_word_is_lowercase(&self.text[after..self.range.end])
    }
}

/// The non-whitespace word that ends at byte `end`, at most
/// [`MAX_ABBREVIATION_BYTES`] long (a longer one is returned cut, which is
/// never an abbreviation).
fn word_before(text: &str, floor: usize, end: usize) -> &str {
    let before = &text[floor..end];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(i, c)| !c.is_whitespace() && before.len() - i <= MAX_ABBREVIATION_BYTES)
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[start..];
    word.trim_start_matches(['(', '[', '"', '«', '“', '‘', '\''])
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // `e.g`, `U.S.A`, `a.m`: single letters joined by dots.
    lower.contains('.') && lower.split('.').all(|part| part.len() == 1 && part.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// A single upper-case Latin letter: `J.` in `J. Smith`.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase() && c.is_ascii())
}

/// Digits that open their line, like the `1` of `1. First point`.
fn is_list_number(text: &str, floor: usize, at: usize, word: &str) -> bool {
    let digits = !word.is_empty() && word.chars().count() <= 3 && word.chars().all(is_digit);
    if !digits {
        return false;
    }
    let word_start = at - word.len();
    // Only white space back to the line's start (scanning back over white
    // space alone, so a long line does not make this quadratic).
    text[floor..word_start].chars().rev().take_while(|&c| c != '\n').all(char::is_whitespace)
}

fn next_word_is_lowercase(rest: &str) -> bool {
    let next = rest.chars().find(|c| !c.is_whitespace());
    next.is_some_and(|c| c.is_ascii_lowercase())
}

/// The lines of `text` as byte ranges, without their `\n` (a `\r` before it
/// is whitespace and is trimmed later).
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let range = start..start + line.len();
        start = range.end + 1;
        range
    })
}

fn flush(out: &mut Vec<Range<usize>>, current: &mut Option<Range<usize>>) {
    if let Some(range) = current.take() {
        out.push(range);
    }
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let trimmed = trim_range(text, range);
    if !trimmed.is_empty() {
        out.push(trimmed);
    }
}

/// `range` without leading and trailing whitespace.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead == slice.len() {
        return range.start..range.start;
    }
    range.start + lead..range.end - trail
}

/// `range` moved inside `text` and onto character boundaries.
fn clamp_range(text: &str, range: Range<usize>) -> Range<usize> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the sentences of a one-paragraph text.
    fn check_sentences(text: &str, expected: &[&str]) {
        let got: Vec<&str> = sentences(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "sentences of {text:?}");
    }

    fn check_paragraphs(text: &str, expected: &[&str]) {
        let got: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, expected, "paragraphs of {text:?}");
    }

    #[test]
    fn sentence_terminators() {
        check_sentences("One. Two? Three! Four", &["One.", "Two?", "Three!", "Four"]);
        check_sentences("این چیست؟ آن است. خوب؛ بد", &["این چیست؟", "آن است.", "خوب؛", "بد"]);
        check_sentences("ما هو الحوار؟الحوار آلية.", &["ما هو الحوار؟", "الحوار آلية."]);
        check_sentences("Wait… what?! Yes.", &["Wait…", "what?!", "Yes."]);
        check_sentences("He said «نه.» Then left.", &["He said «نه.»", "Then left."]);
        check_sentences("Wait... Then go.", &["Wait...", "Then go."]);
    }

    #[test]
    fn dots_that_do_not_end_sentences() {
        check_sentences("It grew 2.5 times. Then fell.", &["It grew 2.5 times.", "Then fell."]);
        check_sentences("Threats, e.g. drugs, grew.", &["Threats, e.g. drugs, grew."]);
        check_sentences("Ask Dr. Smith. He knows.", &["Ask Dr. Smith.", "He knows."]);
        check_sentences("By J. R. Smith. Read it.", &["By J. R. Smith.", "Read it."]);
        check_sentences("See www.interpol.int. Then go.", &["See www.interpol.int.", "Then go."]);
        check_sentences("See https://a.org/x. Then go.", &["See https://a.org/x.", "Then go."]);
        check_sentences("1. First point\n2. Second", &["1. First point\n2. Second"]);
        check_sentences("in the U.S. today", &["in the U.S. today"]);
        check_sentences("approx. five items", &["approx. five items"]);
        check_sentences("در سال 2004. بعد", &["در سال 2004.", "بعد"]);
    }

    #[test]
    fn line_breaks_inside_a_paragraph() {
        check_sentences("a line that wraps\nin the middle.", &["a line that wraps\nin the middle."]);
        check_sentences("ends here.\nNext one.", &["ends here.", "Next one."]);
    }

    #[test]
    fn paragraph_rules() {
        let (a, b) = ("a wrapped line of running text, long enough not to be a heading", "and its end");
        check_paragraphs(&format!("{a}\n{b}\n\nthree"), &[&format!("{a}\n{b}"), "three"]);
        check_paragraphs("one\ntwo", &["one", "two"]);
        check_paragraphs("\n\n  padded  \n\n", &["padded"]);
        check_paragraphs(
            "Heading\nA body line of text that is long enough to be running text, surely.",
            &["Heading", "A body line of text that is long enough to be running text, surely."],
        );
        check_paragraphs("- one\n- two\n3. three", &["- one", "- two", "3. three"]);
        check_paragraphs(" الف) چهارچوب نظري\nمتن", &["الف) چهارچوب نظري", "متن"]);
        check_paragraphs("ما هو الحوار؟\nالحوار آلية", &["ما هو الحوار؟", "الحوار آلية"]);
        check_paragraphs("a\r\nb\r\n\r\nc", &["a", "b", "c"]);
    }

    #[test]
    fn short_closing_line_ends_a_wrapped_paragraph() {
        let long = "x".repeat(80);
        let text = format!("{long}\nend of it.\n{long}");
        check_paragraphs(&text, &[&format!("{long}\nend of it."), &long]);
    }

    #[test]
    fn long_unwrapped_lines_are_paragraphs() {
        let line = format!("{}.", "word ".repeat(40).trim_end());
        let text = format!("{line}\n{line}");
        check_paragraphs(&text, &[&line, &line]);
    }

    #[test]
    fn segment_bundles_both() {
        let text = "Title\n\nOne. Two.";
        let got = segment(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].sentences, vec![7..11, 12..16]);
    }

    #[test]
    fn out_of_range_paragraph_is_clamped() {
        assert_eq!(sentences("ab", 0..99), vec![0..2]);
        assert_eq!(sentences("دی", 1..3), vec![0..2]);
        assert!(sentences("", 0..0).is_empty());
    }
}
