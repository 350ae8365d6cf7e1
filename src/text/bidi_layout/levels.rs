//! Embedding levels for the whole text (from `unicode-bidi`) and, per line, the
//! level runs in visual order (rules L1 and L2 of UAX #9).
//!
//! `unicode_bidi::BidiInfo::visual_runs` clones the levels of the whole paragraph
//! for every line, which makes a long paragraph quadratic; [`LineLevels::level_runs`]
//! does the same work on the line's slice only. A test checks that both agree.
//!
//! ```
//! use diplomap::text::bidi_layout::{Direction, ParagraphDirection};
//! use diplomap::text::bidi_layout::levels::TextLevels;
//! let text = "abc دیپ";
//! let levels = TextLevels::new(text, ParagraphDirection::Auto);
//! assert_eq!(levels.direction, Direction::Ltr);
//! let runs = levels.level_runs(text, 0..text.len());
//! assert_eq!(runs.len(), 2);
//! ```

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level};

use super::{Direction, ParagraphDirection};

/// Resolved levels of a text, one per byte (as `unicode-bidi` keeps them).
pub struct TextLevels {
    /// The paragraph direction every hard line of the text is laid out in.
    pub direction: Direction,
    paragraph_level: Level,
    levels: Vec<Level>,
    classes: Vec<BidiClass>,
}

/// A maximal range of one line with one level after rule L1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LevelRun {
    pub range: Range<usize>,
    pub level: u8,
}

impl TextLevels {
    /// Resolve `direction` (from the first strong character of the whole text for
    /// `Auto`, LTR if there is none) and the levels of every byte. Each hard line
    /// (`\n`) is its own bidi paragraph, all in the same direction.
    pub fn new(text: &str, direction: ParagraphDirection) -> TextLevels {
        let direction = resolve_direction(text, direction);
        let paragraph_level = match direction {
            Direction::Ltr => Level::ltr(),
            Direction::Rtl => Level::rtl(),
        };
        let info = BidiInfo::new(text, Some(paragraph_level));
        TextLevels { direction, paragraph_level, levels: info.levels, classes: info.original_classes }
    }

    /// The level of the byte at `offset` before line rules (L1).
    pub fn level_at(&self, offset: usize) -> u8 {
        self.levels.get(offset).map_or(self.paragraph_level.number(), |level| level.number())
    }

    /// The level runs of the line `line` (a byte range on char boundaries that
    /// does not cross a hard line break), in visual order from left to right.
    pub fn level_runs(&self, text: &str, line: Range<usize>) -> Vec<LevelRun> {
        if line.is_empty() {
            return Vec::new();
        }
        let line_levels = self.line_levels(text, line.clone());
        let runs = runs_of_equal_levels(text, line.start, &line_levels);
        reorder_runs(runs)
    }

    /// Rule L1: the levels of the line with trailing whitespace, tabs and
    /// separators reset to the paragraph level (a copy of unicode-bidi's
    /// `reorder_levels`, on the line's slice only).
    fn line_levels(&self, text: &str, line: Range<usize>) -> Vec<Level> {
        let line_text = &text[line.clone()];
        let classes = &self.classes[line.clone()];
        let mut levels = self.levels[line].to_vec();
        let paragraph_level = self.paragraph_level;
        let mut reset_from: Option<usize> = Some(0);
        let mut prev_level = paragraph_level;
        for (i, c) in line_text.char_indices() {
            let char_end = i + c.len_utf8();
            match classes[i] {
                BidiClass::B | BidiClass::S => {
                    let from = reset_from.unwrap_or(i);
                    levels[from..char_end].fill(paragraph_level);
                    reset_from = None;
                }
                BidiClass::WS | BidiClass::FSI | BidiClass::LRI | BidiClass::RLI | BidiClass::PDI => {
                    reset_from.get_or_insert(i);
                }
                BidiClass::RLE | BidiClass::LRE | BidiClass::RLO | BidiClass::LRO | BidiClass::PDF | BidiClass::BN => {
                    reset_from.get_or_insert(i);
                    levels[i..char_end].fill(prev_level);
                }
                _ => reset_from = None,
            }
            prev_level = levels[i];
        }
        if let Some(from) = reset_from {
            levels[from..].fill(paragraph_level);
        }
        levels
    }
}

/// The direction of the first strong character of `text`, if it has one.
pub fn first_strong_direction(text: &str) -> Option<Direction> {
    match unicode_bidi::get_base_direction_full(text) {
        unicode_bidi::Direction::Rtl => Some(Direction::Rtl),
        unicode_bidi::Direction::Ltr => Some(Direction::Ltr),
        unicode_bidi::Direction::Mixed => None,
    }
}

fn resolve_direction(text: &str, direction: ParagraphDirection) -> Direction {
    match direction {
        ParagraphDirection::Ltr => Direction::Ltr,
        ParagraphDirection::Rtl => Direction::Rtl,
        ParagraphDirection::Auto => match unicode_bidi::get_base_direction_full(text) {
            unicode_bidi::Direction::Rtl => Direction::Rtl,
            _ => Direction::Ltr,
        },
    }
}

/// Consecutive characters with equal levels, in logical order.
fn runs_of_equal_levels(text: &str, line_start: usize, line_levels: &[Level]) -> Vec<LevelRun> {
    let line_text = &text[line_start..line_start + line_levels.len()];
    let mut runs: Vec<LevelRun> = Vec::new();
    for (i, c) in line_text.char_indices() {
        let level = line_levels[i].number();
        let start = line_start + i;
        let end = start + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.level == level => run.range.end = end,
            _ => runs.push(LevelRun { range: start..end, level }),
        }
    }
    runs
}

/// Rule L2: from the highest level down to the lowest odd level, reverse every
/// maximal sequence of runs at that level or higher.
fn reorder_runs(mut runs: Vec<LevelRun>) -> Vec<LevelRun> {
    let Some(max_level) = runs.iter().map(|run| run.level).max() else {
        return runs;
    };
    let min_level = runs.iter().map(|run| run.level).min().unwrap_or(0);
    let lowest_odd = if min_level % 2 == 1 { min_level } else { min_level + 1 };
    let mut level = max_level;
    while level >= lowest_odd {
        reverse_sequences_at_or_above(&mut runs, level);
        level -= 1;
    }
    runs
}

fn reverse_sequences_at_or_above(runs: &mut [LevelRun], level: u8) {
    let mut start = 0;
    while start < runs.len() {
        if runs[start].level < level {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < runs.len() && runs[end].level >= level {
            end += 1;
        }
        runs[start..end].reverse();
        start = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Our line reordering against unicode-bidi's `visual_runs`, on every line
    /// split of a few mixed texts.
    #[test]
    fn level_runs_agree_with_unicode_bidi_visual_runs() {
        let texts = [
            "اینترپل (INTERPOL) در سال 2021 با 194 عضو",
            "abc (123) دیپ def  \tghi ",
            "دیپ (123) abc\nسلام  world ۱۳۹۱ ",
            "\u{202B}abc \u{202A}دیپ\u{202C} 12\u{202C} x\u{200C}",
            "  ",
        ];
        for text in texts {
            for direction in [ParagraphDirection::Auto, ParagraphDirection::Ltr, ParagraphDirection::Rtl] {
                check_all_lines_agree(text, direction);
            }
        }
    }

    pub(crate) fn check_all_lines_agree(text: &str, direction: ParagraphDirection) {
        let ours = TextLevels::new(text, direction);
        let level = if ours.direction == Direction::Rtl { Level::rtl() } else { Level::ltr() };
        let theirs = BidiInfo::new(text, Some(level));
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for para in &theirs.paragraphs {
            for &start in boundaries.iter().filter(|&&b| para.range.start <= b && b < para.range.end) {
                for &end in boundaries.iter().filter(|&&b| start < b && b <= para.range.end) {
                    let (levels, runs) = theirs.visual_runs(para, start..end);
                    let expected: Vec<LevelRun> =
                        runs.into_iter().map(|range| LevelRun { level: levels[range.start].number(), range }).collect();
                    assert_eq!(ours.level_runs(text, start..end), expected, "{text:?} {start}..{end}");
                }
            }
        }
    }
}
