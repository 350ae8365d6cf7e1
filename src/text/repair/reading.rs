//! The reading text of a whole document: every stored line read in logical
//! order (see [`repair_line`](super::repair_line)), joined by line breaks, with
//! one byte map back to the stored file.

use std::ops::Range;

use super::boundary::{self, Choice};
use super::map::ByteMap;
use super::{RepairedLine, Vocabulary, choices_of};

/// One stored line as the reader shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingLine {
    /// Bytes of the stored file (without the line break).
    pub original: Range<usize>,
    /// Bytes of the reading text.
    pub reading: Range<usize>,
    pub repaired: bool,
    pub confidence: f32,
    /// Looks damaged, shown as stored.
    pub unrepaired: bool,
}

/// A line the repair read back with confidence, as the reader and the site
/// show it: its stored and its reading bytes, without the white space at
/// their ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadBackLine {
    pub original: Range<usize>,
    pub reading: Range<usize>,
}

/// A document's text in logical order. Line N of the reading is line N of the
/// stored file; the stored text itself is never changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadingText {
    pub text: String,
    pub lines: Vec<ReadingLine>,
    /// Reading bytes → stored bytes, for the whole text.
    pub map: ByteMap,
}

impl ReadingText {
    /// Reads every line of `stored` (split at `\n`); where a line read back
    /// may start and end is chosen with the lines around it (see
    /// `boundary`).
    pub fn new(stored: &str, vocab: &Vocabulary) -> ReadingText {
        let lines: Vec<&str> = stored.split('\n').collect();
        let document = crate::text::lang::detect(stored);
        let choices: Vec<Vec<Choice>> = lines.iter().map(|line| choices_of(line, document, vocab)).collect();
        let picked = boundary::choose(&choices, vocab);
        let read = choices.into_iter().zip(picked).filter_map(|(mut choices, k)| {
            let k = k.min(choices.len().checked_sub(1)?);
            Some(choices.swap_remove(k).line)
        });
        ReadingText::of_lines(&lines, read)
    }

    /// The reading text of `lines` read as `read`.
    fn of_lines(lines: &[&str], read: impl Iterator<Item = RepairedLine>) -> ReadingText {
        let mut out = ReadingText::default();
        let mut offset = 0;
        for (i, (line, repaired)) in lines.iter().zip(read).enumerate() {
            if i > 0 {
                let at = out.text.len();
                out.text.push('\n');
                out.map.copy(at..at + 1, offset - 1..offset);
            }
            let start = out.text.len();
            out.text.push_str(&repaired.text);
            out.map.extend_shifted(&repaired.map.shifted_original(offset), start);
            out.lines.push(ReadingLine {
                original: offset..offset + line.len(),
                reading: start..out.text.len(),
                repaired: repaired.repaired,
                confidence: repaired.confidence,
                unrepaired: repaired.unrepaired,
            });
            offset += line.len() + 1;
        }
        out
    }

    /// Whether any line was repaired.
    pub fn any_repaired(&self) -> bool {
        self.lines.iter().any(|line| line.repaired)
    }

    /// The lines the repair read back with confidence (repaired, not left as
    /// stored), in order; `stored` is the text this reading was made from.
    pub fn read_back_lines<'a>(&'a self, stored: &'a str) -> impl Iterator<Item = ReadBackLine> + 'a {
        self.lines.iter().filter(|line| line.repaired && !line.unrepaired).filter_map(move |line| {
            Some(ReadBackLine {
                original: trimmed(stored, &line.original)?,
                reading: trimmed(&self.text, &line.reading)?,
            })
        })
    }

    /// The stored bytes behind `reading`, from the first to the last.
    pub fn original_span(&self, reading: Range<usize>) -> Option<Range<usize>> {
        let ranges = self.original_ranges(reading);
        let start = ranges.iter().map(|r| r.start).min()?;
        let end = ranges.iter().map(|r| r.end).max()?;
        Some(start..end)
    }

    /// The stored byte ranges a reading range was made from (see
    /// [`ByteMap::original_ranges`]).
    pub fn original_ranges(&self, reading: Range<usize>) -> Vec<Range<usize>> {
        self.map.original_ranges(reading)
    }

    /// The reading ranges that show a stored byte range.
    pub fn reading_ranges(&self, original: Range<usize>) -> Vec<Range<usize>> {
        self.map.reading_ranges(original)
    }

    /// The reading line holding reading byte `at`.
    pub fn line_at(&self, at: usize) -> Option<usize> {
        let i = self.lines.partition_point(|line| line.reading.end < at);
        (i < self.lines.len()).then_some(i)
    }
}

/// `range` of `text` without the white space at its ends.
fn trimmed(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    let piece = text.get(range.clone())?;
    let start = range.start + (piece.len() - piece.trim_start().len());
    Some(start..start + piece.trim().len())
}
