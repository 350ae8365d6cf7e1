//! Bidi paragraph layout (pure): logical text + styled spans + a width → lines of
//! positioned visual runs, and the map back from positions to byte offsets.
//!
//! egui shapes Arabic script but neither reorders bidirectional text nor wraps it
//! right to left, so diplomap lays paragraphs out itself (see design.md, "Right-to-left
//! text"): levels are resolved with `unicode-bidi` for the whole text, lines are broken
//! on the logical text by measured width at UAX #14 opportunities, each line is
//! reordered into visual runs, and RTL paragraphs are aligned right. A run is always a
//! LOGICAL substring with one direction and one style, placed in visual order: the
//! painter hands each run's text to the shaper as is (never `reorder_line` output).
//! Widths come from a [`Measure`] callback, so this module is tested without a window.
//!
//! ```
//! use diplomap::text::bidi_layout::{LayoutOptions, ParagraphDirection, StyleId, layout_paragraph};
//! let text = "اینترپل (INTERPOL) در سال 2021";
//! let mut measure = |run: &str, _style: StyleId| run.chars().count() as f32 * 7.0;
//! let layout = layout_paragraph(text, &[], &LayoutOptions::unbounded(ParagraphDirection::Auto), &mut measure);
//! let visual: Vec<&str> = layout.lines()[0].runs.iter().map(|run| &text[run.range.clone()]).collect();
//! assert_eq!(visual, ["2021", ") در سال ", "INTERPOL", "اینترپل ("]);
//! // The right edge of an RTL paragraph is the start of the text.
//! assert_eq!(layout.hit_test(209.0, 5.0, 20.0, &mut measure), 0);
//! ```

mod breaking;
mod hit;
pub mod levels;
mod mirror_table;
mod runs;
pub mod shaping;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

pub use breaking::is_hard_break;
pub use hit::{CaretPosition, SelectionRect};
pub use shaping::{mirror_char, shaper_direction};

/// An opaque style given by the caller (a mention highlight, a link, a search hit,
/// the selection…). The layout only keeps runs of different styles apart and hands
/// the style back to [`Measure`] and in each [`VisualRun`]. `StyleId::PLAIN` is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct StyleId(pub u32);

impl StyleId {
    pub const PLAIN: StyleId = StyleId(0);
}

/// A style applied to a byte range of the text. Later spans win where spans overlap;
/// ranges are clamped to the text and widened to char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StyleSpan {
    pub range: Range<usize>,
    pub style: StyleId,
}

/// Measures how wide a LOGICAL substring is when painted as one run in a style.
pub trait Measure {
    fn width(&mut self, text: &str, style: StyleId) -> f32;
}

impl<F: FnMut(&str, StyleId) -> f32> Measure for F {
    fn width(&mut self, text: &str, style: StyleId) -> f32 {
        self(text, style)
    }
}

/// A resolved direction: of a paragraph or of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Ltr,
    Rtl,
}

/// The paragraph direction asked for: forced, or from the first strong character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ParagraphDirection {
    #[default]
    Auto,
    Ltr,
    Rtl,
}

/// What the layout is asked for besides the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    pub direction: ParagraphDirection,
    /// Lines are filled up to this width; infinite (or NaN) means no wrapping.
    pub max_width: f32,
}

impl LayoutOptions {
    pub fn new(direction: ParagraphDirection, max_width: f32) -> LayoutOptions {
        LayoutOptions { direction, max_width }
    }

    /// No wrapping: one line per hard line (labels, tests against FriBidi).
    pub fn unbounded(direction: ParagraphDirection) -> LayoutOptions {
        LayoutOptions { direction, max_width: f32::INFINITY }
    }
}

/// What a run holds, for the painter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunKind {
    /// Text to paint (spaces between words included).
    Text,
    /// Whitespace at the end of the line: hangs, clamped to the room left.
    TrailingSpace,
    /// A hard line break character: zero width, never painted.
    HardBreak,
}

/// A logical substring painted as one piece, at `x` from the left edge of the box.
#[derive(Debug, Clone, PartialEq)]
pub struct VisualRun {
    /// Byte range in the text, in logical order: paint `text[range]` as is.
    pub range: Range<usize>,
    /// The bidi embedding level: odd is right to left.
    pub level: u8,
    pub style: StyleId,
    pub kind: RunKind,
    pub x: f32,
    pub width: f32,
    /// A right-to-left cluster the shaper would take as left to right: paint its
    /// mirrorable characters swapped ([`VisualRun::painted_text`]).
    pub mirrored: bool,
}

impl VisualRun {
    pub fn direction(&self) -> Direction {
        if self.level % 2 == 1 { Direction::Rtl } else { Direction::Ltr }
    }

    /// The string to hand to the shaper: the logical substring, mirrored if asked.
    pub fn painted_text<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let logical = &text[self.range.clone()];
        if self.mirrored { Cow::Owned(shaping::mirrored_text(logical)) } else { Cow::Borrowed(logical) }
    }
}

/// One line: its logical range and its runs from left to right.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Logical bytes of the line, trailing spaces and the hard break included.
    pub range: Range<usize>,
    /// Runs in visual order, left to right, not overlapping.
    pub runs: Vec<VisualRun>,
    /// Left edge of the first run.
    pub x: f32,
    /// Width of all runs (trailing whitespace clamped).
    pub width: f32,
    /// Width without the trailing whitespace: what must fit the maximum width.
    pub content_width: f32,
}

/// A laid-out paragraph. Owns its text so it can be cached between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphLayout {
    text: String,
    direction: Direction,
    width: f32,
    lines: Vec<Line>,
}

impl ParagraphLayout {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The resolved paragraph direction.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// The width of the box lines are aligned in: the maximum width, or the widest
    /// line when the maximum was infinite.
    pub fn width(&self) -> f32 {
        self.width
    }

    /// The widest line: what a shrink-to-fit widget needs.
    pub fn content_width(&self) -> f32 {
        self.lines.iter().map(|line| line.width).fold(0.0, f32::max)
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The line holding `offset`: a line owns its start, not its end (the end of a
    /// wrapped line is the next line's start); the text's end is on the last line.
    pub fn line_of_offset(&self, offset: usize) -> usize {
        let after = self.lines.partition_point(|line| line.range.start <= offset);
        after.saturating_sub(1)
    }

    /// The run holding the byte at `offset`, with its line index.
    pub fn run_at(&self, offset: usize) -> Option<(usize, &VisualRun)> {
        let line_index = self.line_of_offset(offset);
        let line = self.lines.get(line_index)?;
        let run = line.runs.iter().find(|run| run.range.contains(&offset))?;
        Some((line_index, run))
    }
}

/// Lay out `text` with `spans` (later spans win) in `options.max_width`, measuring
/// each distinct (piece, style) once through `measure`.
pub fn layout_paragraph<M: Measure + ?Sized>(
    text: &str,
    spans: &[StyleSpan],
    options: &LayoutOptions,
    measure: &mut M,
) -> ParagraphLayout {
    let max_width = if options.max_width.is_nan() { f32::INFINITY } else { options.max_width };
    let levels = levels::TextLevels::new(text, options.direction);
    let styles = style_per_byte(text, spans);
    let mut cache = breaking::WidthCache::new(text, measure);
    let level_at = |offset: usize| levels.level_at(offset);
    let atoms = breaking::atoms(text, &styles, &level_at, &mut cache);
    let line_ranges = breaking::break_lines(text, &atoms, &styles, max_width, &mut cache);
    let context = runs::LineContext { text, levels: &levels, styles: &styles, atoms: &atoms };
    let mut lines: Vec<Line> =
        line_ranges.into_iter().map(|range| runs::build_line(&context, range, &mut cache)).collect();
    let width = box_width(&lines, max_width);
    for line in &mut lines {
        runs::place_runs(line, levels.direction, max_width, width);
    }
    ParagraphLayout { text: text.to_owned(), direction: levels.direction, width, lines }
}

fn box_width(lines: &[Line], max_width: f32) -> f32 {
    if max_width.is_finite() {
        return max_width.max(0.0);
    }
    lines.iter().map(|line| runs::clamped_width(line, max_width)).fold(0.0, f32::max)
}

/// The style of every byte: plain, then each span painted over in order.
fn style_per_byte(text: &str, spans: &[StyleSpan]) -> Vec<StyleId> {
    let mut styles = vec![StyleId::PLAIN; text.len()];
    for span in spans {
        let start = text.floor_char_boundary(span.range.start.min(text.len()));
        let end = text.ceil_char_boundary(span.range.end.min(text.len()));
        if start < end {
            styles[start..end].fill(span.style);
        }
    }
    styles
}
