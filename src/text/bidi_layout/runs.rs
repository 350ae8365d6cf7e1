//! One line of logical text → its visual runs, placed left to right.
//!
//! Level runs (UAX #9 L1–L2) are split further at style boundaries, at the start
//! of the line's trailing whitespace and around hard breaks, so each run has one
//! style and one direction; pieces inside an RTL level run are placed in reverse
//! logical order. A piece a script-guessing shaper would shape in the wrong
//! direction (see [`super::shaping`]) is split into clusters placed by us.
//!
//! ```text
//! RTL paragraph  "اینترپل (INTERPOL) در سال 2021"
//! visual runs    >2021 | <") در سال " | >INTERPOL | <"اینترپل ("
//! ```

use std::ops::Range;

use super::breaking::{Atom, WidthCache, clusters, is_hard_break};
use super::levels::TextLevels;
use super::shaping::{mirror_char, mirrored_text, shaper_direction};
use super::{Direction, Line, Measure, RunKind, StyleId, VisualRun};

/// Everything the run builder reads, shared by all lines of one layout.
pub(super) struct LineContext<'a> {
    pub text: &'a str,
    pub levels: &'a TextLevels,
    pub styles: &'a [StyleId],
    pub atoms: &'a [Atom],
}

/// The runs of `line` in visual order with their widths; x is set by [`place_runs`].
pub(super) fn build_line<M: Measure + ?Sized>(
    context: &LineContext<'_>,
    line: Range<usize>,
    cache: &mut WidthCache<'_, '_, M>,
) -> Line {
    let content_end = line.start + context.text[line.clone()].trim_end_matches(char::is_whitespace).len();
    let mut runs = Vec::new();
    for level_run in context.levels.level_runs(context.text, line.clone()) {
        let direction = if level_run.level % 2 == 1 { Direction::Rtl } else { Direction::Ltr };
        let mut pieces = split_pieces(context, level_run.range, content_end);
        if direction == Direction::Rtl {
            pieces.reverse();
        }
        for piece in pieces {
            push_piece_runs(context, piece, level_run.level, direction, content_end, cache, &mut runs);
        }
    }
    let content_width = runs.iter().filter(|run| run.kind == RunKind::Text).map(|run| run.width).sum();
    Line { range: line, runs, x: 0.0, width: 0.0, content_width }
}

/// Clamp the hanging trailing whitespace to the room left on the line, then set
/// the x of every run: from 0 for LTR, right-aligned in `box_width` for RTL.
pub(super) fn place_runs(line: &mut Line, direction: Direction, max_width: f32, box_width: f32) {
    let mut room = (max_width - line.content_width).max(0.0);
    for run in line.runs.iter_mut().filter(|run| run.kind == RunKind::TrailingSpace) {
        run.width = run.width.min(room);
        room -= run.width;
    }
    line.width = line.runs.iter().map(|run| run.width).sum();
    line.x = match direction {
        Direction::Ltr => 0.0,
        Direction::Rtl => (box_width - line.width).max(0.0),
    };
    let mut x = line.x;
    for run in &mut line.runs {
        run.x = x;
        x += run.width;
    }
}

/// The total width the line would take with its trailing whitespace clamped.
pub(super) fn clamped_width(line: &Line, max_width: f32) -> f32 {
    let space: f32 = line.runs.iter().filter(|run| run.kind == RunKind::TrailingSpace).map(|run| run.width).sum();
    line.content_width + space.min((max_width - line.content_width).max(0.0))
}

/// Cut a level run, in logical order, at style changes, at `content_end` and
/// around hard breaks.
fn split_pieces(context: &LineContext<'_>, range: Range<usize>, content_end: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    let mut previous_key = None;
    for (i, c) in context.text[range.clone()].char_indices() {
        let offset = range.start + i;
        let key = (context.styles.get(offset).copied().unwrap_or_default(), offset >= content_end, is_hard_break(c));
        if previous_key.is_some_and(|previous| previous != key || key.2) {
            pieces.push(start..offset);
            start = offset;
        }
        previous_key = Some(key);
    }
    if start < range.end {
        pieces.push(start..range.end);
    }
    pieces
}

fn push_piece_runs<M: Measure + ?Sized>(
    context: &LineContext<'_>,
    piece: Range<usize>,
    level: u8,
    direction: Direction,
    content_end: usize,
    cache: &mut WidthCache<'_, '_, M>,
    runs: &mut Vec<VisualRun>,
) {
    let style = context.styles.get(piece.start).copied().unwrap_or_default();
    let text = &context.text[piece.clone()];
    let kind = run_kind(text, piece.start, content_end);
    if kind != RunKind::Text || shaper_direction(text) == direction {
        let width = width_from_atoms(context.atoms, piece.clone(), style, cache);
        runs.push(VisualRun { range: piece, level, style, kind, x: 0.0, width, mirrored: false });
        return;
    }
    let mut pieces = clusters(context.text, piece);
    if direction == Direction::Rtl {
        pieces.reverse();
    }
    for cluster in pieces {
        runs.push(cluster_run(context.text, cluster, level, direction, style, cache));
    }
}

/// A single cluster of a piece the shaper would get wrong. An RTL cluster the
/// shaper takes as LTR is painted with its mirrorable characters swapped.
fn cluster_run<M: Measure + ?Sized>(
    text: &str,
    cluster: Range<usize>,
    level: u8,
    direction: Direction,
    style: StyleId,
    cache: &mut WidthCache<'_, '_, M>,
) -> VisualRun {
    let cluster_text = &text[cluster.clone()];
    let mirrored = direction == Direction::Rtl
        && shaper_direction(cluster_text) == Direction::Ltr
        && cluster_text.chars().any(|c| mirror_char(c).is_some());
    let width = if mirrored {
        cache.width_of_owned(&mirrored_text(cluster_text), style)
    } else {
        cache.width(cluster.clone(), style)
    };
    VisualRun { range: cluster, level, style, kind: RunKind::Text, x: 0.0, width, mirrored }
}

fn run_kind(text: &str, start: usize, content_end: usize) -> RunKind {
    if text.chars().all(is_hard_break) {
        return RunKind::HardBreak;
    }
    if start >= content_end { RunKind::TrailingSpace } else { RunKind::Text }
}

/// The width of `range` as the sum of its atoms, measuring only the parts of
/// atoms the range cuts (rare: rule L1 moving a trailing joiner to another level).
fn width_from_atoms<M: Measure + ?Sized>(
    atoms: &[Atom],
    range: Range<usize>,
    style: StyleId,
    cache: &mut WidthCache<'_, '_, M>,
) -> f32 {
    let first = atoms.partition_point(|atom| atom.range.end <= range.start);
    let mut width = 0.0;
    for atom in atoms[first..].iter().take_while(|atom| atom.range.start < range.end) {
        let start = atom.range.start.max(range.start);
        let end = atom.range.end.min(range.end);
        width += if start == atom.range.start && end == atom.range.end {
            atom.width
        } else {
            cache.width(start..end, style)
        };
    }
    width
}
