//! Mentions in lines in broken visual order (PDF damage), found in the lines'
//! reading.
//!
//! The stored letters of such a line are not words in logical order
//! (`تیامن` for `امنیت`), so the matcher cannot run on them. Each broken line
//! is read back with the repair (`text::repair`, scored against the bundled
//! vocabulary plus the document's own clean lines: the reading depends on the
//! document alone, as the reader's does), the matcher runs on the reading,
//! and every match is placed on the stored bytes its letters were read from.
//! A mention's range is the stretch of stored bytes holding those letters:
//! in the heavy form a word's pieces are written side by side, last first,
//! so the stretch holds the word's letters and nothing else. A match whose
//! letters lie apart in the stored line (the stretch would hold other
//! letters) is not a mention: there is no one range a reader could be shown.
//!
//! The reading of each broken line is kept with the document's index, so a
//! catalog edit finds the new names there without repairing again (see
//! `incremental`), and the cache keeps it.

use std::ops::Range;

use super::mentions::{Matcher, Mention};
use crate::corpus::reading::vocabulary_of;
use crate::text::normalize::is_word_char;
use crate::text::repair::{ByteMap, repair_line};

/// A broken line as the repair read it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadBack {
    /// The stored line, bytes of the document (without the line break).
    pub line: Range<usize>,
    /// The reading, in logical order.
    pub text: String,
    /// Reading bytes → stored bytes of the document.
    pub map: ByteMap,
}

/// The broken lines of `text` (`broken`, from `broken_order::broken_lines`)
/// that the repair reads back with confidence, in order. Lines it cannot read
/// are left out: they stay without mentions.
pub fn read_back_lines(text: &str, broken: &[Range<usize>]) -> Vec<ReadBack> {
    if broken.is_empty() {
        return Vec::new();
    }
    let vocab = vocabulary_of([text]);
    broken
        .iter()
        .filter_map(|line| {
            let repaired = repair_line(text.get(line.clone())?, &vocab);
            (repaired.repaired && !repaired.unrepaired).then(|| ReadBack {
                line: line.clone(),
                map: repaired.map.shifted_original(line.start),
                text: repaired.text,
            })
        })
        .collect()
}

/// Mentions in the readings of `lines` (as `find` gives them), placed on the
/// stored bytes of `stored`, in stored order.
pub fn mentions_in<'a>(
    stored: &str,
    lines: impl IntoIterator<Item = &'a ReadBack>,
    find: impl Fn(&str) -> Vec<Mention>,
) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = lines
        .into_iter()
        .flat_map(|line| {
            find(&line.text)
                .into_iter()
                .filter_map(|m| Some(Mention { concept: m.concept, range: stored_range(stored, line, m.range)? }))
        })
        .collect();
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    mentions
}

/// Mentions of `matcher` in the readings of `lines`.
pub fn find_in(matcher: &Matcher, stored: &str, lines: &[ReadBack]) -> Vec<Mention> {
    mentions_in(stored, lines, |reading| matcher.find(reading))
}

/// The stored stretch the reading bytes `reading` of `line` were read from,
/// if it holds exactly their letters.
fn stored_range(stored: &str, line: &ReadBack, reading: Range<usize>) -> Option<Range<usize>> {
    let pieces = line.map.original_ranges(reading.clone());
    let start = pieces.iter().map(|r| r.start).min()?;
    let end = pieces.iter().map(|r| r.end).max()?;
    let mut read: Vec<char> = letters(line.text.get(reading)?);
    let mut held: Vec<char> = letters(stored.get(start..end)?);
    read.sort_unstable();
    held.sort_unstable();
    (read == held).then_some(start..end)
}

fn letters(text: &str) -> Vec<char> {
    text.chars().filter(|&c| is_word_char(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn matcher() -> Matcher {
        let catalog: Result<Catalog, _> = ron::from_str(
            r#"Catalog(concepts: [Concept(id: "national-security", kind: Topic,
                labels: (fa: "امنیت ملی", en: "national security"))])"#,
        );
        Matcher::new(&catalog.unwrap_or_default())
    }

    #[test]
    fn a_reversed_name_is_found_on_its_stored_letters() {
        // «تأمین امنیت ملی.» stored in the heavy form: pieces last first.
        let stored = "سطر سالم اول\n .یلم تیامن نیتأم\n";
        let broken = crate::text::broken_order::broken_lines(stored);
        let lines = read_back_lines(stored, &broken);
        assert_eq!(lines.len(), 1, "{lines:?}");
        let found = find_in(&matcher(), stored, &lines);
        assert_eq!(found.len(), 1, "{found:?} in {:?}", lines[0].text);
        assert_eq!(&stored[found[0].range.clone()], "یلم تیامن");
    }

    #[test]
    fn clean_text_has_nothing_to_read_back() {
        let stored = "تأمین امنیت ملی.\n";
        assert!(read_back_lines(stored, &crate::text::broken_order::broken_lines(stored)).is_empty());
    }

    #[test]
    fn letters_read_from_apart_are_no_mention() {
        // Reading «ab cd» whose «cd» was read from either side of «xy».
        let stored = "cxyd ab";
        let mut map = ByteMap::default();
        map.copy(0..2, 5..7);
        map.insert(2..3, 4);
        map.copy(3..4, 0..1);
        map.copy(4..5, 3..4);
        let line = ReadBack { line: 0..7, text: "ab cd".into(), map };
        assert_eq!(stored_range(stored, &line, 0..2), Some(5..7));
        assert_eq!(stored_range(stored, &line, 3..5), None);
    }
}
