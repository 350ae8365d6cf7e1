//! From screen positions to logical byte offsets and back: hit testing, caret
//! positions and selection rectangles, character-precise by measuring run
//! prefixes through the [`Measure`] callback.
//!
//! A caret stop is the *leading edge* of a character — its left side in an LTR
//! run, its right side in an RTL run — plus the paragraph-end side of the last
//! line for the end of the text. [`ParagraphLayout::hit_test`] returns the offset
//! of the nearest stop, so `caret_position(hit_test(caret_position(o)))` is where
//! the caret of `o` was. At a direction boundary two offsets may share one place.
//!
//! ```
//! use diplomap::text::bidi_layout::{LayoutOptions, ParagraphDirection, StyleId, layout_paragraph};
//! let mut measure = |run: &str, _: StyleId| run.chars().count() as f32 * 10.0;
//! let layout = layout_paragraph("abc", &[], &LayoutOptions::unbounded(ParagraphDirection::Auto), &mut measure);
//! assert_eq!(layout.caret_position(2, &mut measure).x, 20.0);
//! assert_eq!(layout.hit_test(19.0, 0.0, 16.0, &mut measure), 2);
//! assert_eq!(layout.selection_rects(1..3, &mut measure)[0].x_min, 10.0);
//! ```

use std::ops::Range;

use super::{Direction, Line, Measure, ParagraphLayout, VisualRun};

/// Where a caret is drawn: a line index and an x from the left edge of the box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CaretPosition {
    pub line: usize,
    pub x: f32,
}

/// A piece of a selection on one line; a logical range may give several per line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SelectionRect {
    pub line: usize,
    pub x_min: f32,
    pub x_max: f32,
}

impl ParagraphLayout {
    /// Where the caret before the character at `offset` (or at the end of the
    /// text) is drawn. `offset` is clamped to the text and to a char boundary.
    pub fn caret_position<M: Measure + ?Sized>(&self, offset: usize, measure: &mut M) -> CaretPosition {
        let text = self.text();
        let offset = text.floor_char_boundary(offset.min(text.len()));
        let line_index = self.line_of_offset(offset);
        let Some(line) = self.lines().get(line_index) else {
            return CaretPosition { line: 0, x: 0.0 };
        };
        let run = line.runs.iter().find(|run| run.range.contains(&offset));
        let x = match run {
            Some(run) => boundary_x(text, run, offset, measure),
            None => line_end_x(line, self.direction()),
        };
        CaretPosition { line: line_index, x }
    }

    /// The byte offset of the caret stop nearest to (`x`, `y`); lines are
    /// `line_height` tall from y = 0, points above or below go to the first or last line.
    pub fn hit_test<M: Measure + ?Sized>(&self, x: f32, y: f32, line_height: f32, measure: &mut M) -> usize {
        let line_count = self.lines().len();
        if line_count == 0 {
            return 0;
        }
        let row = if line_height > 0.0 && y > 0.0 { (y / line_height).floor() } else { 0.0 };
        let line_index = (row as usize).min(line_count - 1);
        self.hit_test_line(line_index, x, measure)
    }

    /// The byte offset of the caret stop of line `line_index` nearest to `x`.
    pub fn hit_test_line<M: Measure + ?Sized>(&self, line_index: usize, x: f32, measure: &mut M) -> usize {
        let Some(line) = self.lines().get(line_index) else {
            return self.text().len();
        };
        let mut best: Option<(f32, usize)> = None;
        for run in &line.runs {
            let candidate = nearest_stop_in_run(self.text(), run, x, measure);
            best = closer(best, candidate);
        }
        if line_index + 1 == self.lines().len() {
            let end_x = line_end_x(line, self.direction());
            best = closer(best, Some(((x - end_x).abs(), self.text().len())));
        }
        best.map_or(line.range.start, |(_, offset)| offset)
    }

    /// The caret stops of line `line_index` from left to right as (x, offset): the
    /// leading edge of every character but combining marks, and the end of the
    /// text on the last line. Where two offsets share a place both are kept, in
    /// logical order, so stepping through the list never sticks.
    pub fn line_caret_stops<M: Measure + ?Sized>(&self, line_index: usize, measure: &mut M) -> Vec<(f32, usize)> {
        let Some(line) = self.lines().get(line_index) else { return Vec::new() };
        let text = self.text();
        let mut stops: Vec<(f32, usize)> = Vec::new();
        for run in &line.runs {
            for (i, c) in text[run.range.clone()].char_indices() {
                if crate::text::normalize::is_combining_mark(c) || is_hard_break_char(c) {
                    continue;
                }
                let offset = run.range.start + i;
                stops.push((boundary_x(text, run, offset, measure), offset));
            }
        }
        if line_index + 1 == self.lines().len() {
            stops.push((line_end_x(line, self.direction()), text.len()));
        }
        stops.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        stops
    }

    /// The rectangles covering the logical byte `range`, line by line, left to
    /// right; touching pieces of one line are merged.
    pub fn selection_rects<M: Measure + ?Sized>(&self, range: Range<usize>, measure: &mut M) -> Vec<SelectionRect> {
        let text = self.text();
        let start = text.floor_char_boundary(range.start.min(text.len()));
        let end = text.ceil_char_boundary(range.end.min(text.len()));
        let mut rects: Vec<SelectionRect> = Vec::new();
        if start >= end {
            return rects;
        }
        for (line_index, line) in self.lines().iter().enumerate() {
            if line.range.end <= start || end <= line.range.start {
                continue;
            }
            for run in &line.runs {
                let (a, b) = (start.max(run.range.start), end.min(run.range.end));
                if a >= b {
                    continue;
                }
                let (x_a, x_b) = (boundary_x(text, run, a, measure), boundary_x(text, run, b, measure));
                push_merged(&mut rects, SelectionRect { line: line_index, x_min: x_a.min(x_b), x_max: x_a.max(x_b) });
            }
        }
        rects
    }
}

fn is_hard_break_char(c: char) -> bool {
    super::breaking::is_hard_break(c)
}

fn push_merged(rects: &mut Vec<SelectionRect>, rect: SelectionRect) {
    if let Some(last) = rects.last_mut()
        && last.line == rect.line
        && (last.x_max - rect.x_min).abs() <= 0.01
    {
        last.x_max = rect.x_max;
        return;
    }
    rects.push(rect);
}

fn closer(best: Option<(f32, usize)>, candidate: Option<(f32, usize)>) -> Option<(f32, usize)> {
    match (best, candidate) {
        (Some(best), Some(candidate)) if candidate.0 < best.0 => Some(candidate),
        (None, candidate) => candidate,
        (best, _) => best,
    }
}

/// The x where the caret for the end of the line goes: its paragraph-end side.
fn line_end_x(line: &Line, direction: Direction) -> f32 {
    match direction {
        Direction::Ltr => line.x + line.width,
        Direction::Rtl => line.x,
    }
}

/// Width of the run's text from its logical start to `offset`, within the run's width.
fn prefix_width<M: Measure + ?Sized>(text: &str, run: &VisualRun, offset: usize, measure: &mut M) -> f32 {
    if offset <= run.range.start {
        return 0.0;
    }
    if offset >= run.range.end {
        return run.width;
    }
    let prefix = &text[run.range.start..offset];
    let next = text[offset..run.range.end].chars().find(|&c| !crate::text::normalize::is_combining_mark(c));
    let width = match next {
        // Cut inside a word of Arabic script, the prefix's last letter is
        // measured in the form it has in the run (joined to the next one), not
        // in its wider final form: else the boundary lands a few points off
        // and a click near it picks the neighbouring letter.
        Some(next) if joins_previous(next) && last_letter(prefix).is_some_and(joins_previous) => {
            let joined = format!("{prefix}{ZWJ}");
            measure.width(&joined, run.style) - measure.width(ZWJ_STR, run.style)
        }
        _ => measure.width(prefix, run.style),
    };
    if width.is_finite() { width.clamp(0.0, run.width) } else { 0.0 }
}

/// ZERO WIDTH JOINER: shapes the letter before it as joined to a next one.
const ZWJ: char = '\u{200D}';
const ZWJ_STR: &str = "\u{200D}";

/// Whether `c` is a letter of the Arabic script (or tatweel) that joins the
/// letter before it (every one but hamza): a cut before it changes that
/// letter's shape.
fn joins_previous(c: char) -> bool {
    matches!(c, '\u{0620}' | '\u{0622}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}' | '\u{0750}'..='\u{077F}')
}

/// The last character of `text` that is not a combining mark (marks sit on it).
fn last_letter(text: &str) -> Option<char> {
    text.chars().rev().find(|&c| !crate::text::normalize::is_combining_mark(c))
}

/// The x of the boundary before `offset` in `run`: the side of the character at
/// `offset` where reading it starts (its leading edge), or the run's far side.
fn boundary_x<M: Measure + ?Sized>(text: &str, run: &VisualRun, offset: usize, measure: &mut M) -> f32 {
    let prefix = prefix_width(text, run, offset, measure);
    match run.direction() {
        Direction::Ltr => run.x + prefix,
        Direction::Rtl => run.x + run.width - prefix,
    }
}

/// The caret stop of `run` nearest to `x` as (distance, offset), by binary
/// search over the prefix widths of its characters.
fn nearest_stop_in_run<M: Measure + ?Sized>(
    text: &str,
    run: &VisualRun,
    x: f32,
    measure: &mut M,
) -> Option<(f32, usize)> {
    let starts: Vec<usize> = text[run.range.clone()].char_indices().map(|(i, _)| run.range.start + i).collect();
    if starts.is_empty() {
        return None;
    }
    let along = match run.direction() {
        Direction::Ltr => x - run.x,
        Direction::Rtl => run.x + run.width - x,
    };
    let (mut low, mut high) = (0, starts.len());
    while low < high {
        let middle = (low + high) / 2;
        if prefix_width(text, run, starts[middle], measure) < along {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let mut best = None;
    for index in [low.checked_sub(1), Some(low)].into_iter().flatten().filter(|&i| i < starts.len()) {
        let distance = (prefix_width(text, run, starts[index], measure) - along).abs();
        best = closer(best, Some((distance, starts[index])));
    }
    best
}
