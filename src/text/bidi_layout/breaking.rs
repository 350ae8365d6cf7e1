//! Line breaking on the logical text: UAX #14 opportunities (`unicode-linebreak`),
//! greedy filling by measured width, trailing spaces hanging, a word wider than
//! the line broken by clusters as a last resort, hard breaks always honoured.
//!
//! The text is first cut into *atoms* — maximal pieces with one style, one
//! (pre-line) bidi level, inside one break unit and either all whitespace or
//! none — each measured once through the cache, so a 5,000-word paragraph costs
//! one measurement per distinct (word, style).
//!
//! ```text
//! "abc def ghi", width 7 chars  →  lines "abc def " | "ghi"
//! ```

use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::{BidiClass, bidi_class};
use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::{Measure, StyleId};

/// Widths of logical substrings, measured once per (substring, style) within one layout.
pub(super) struct WidthCache<'t, 'm, M: Measure + ?Sized> {
    text: &'t str,
    measure: &'m mut M,
    widths: HashMap<(&'t str, StyleId), f32>,
}

impl<'t, 'm, M: Measure + ?Sized> WidthCache<'t, 'm, M> {
    pub(super) fn new(text: &'t str, measure: &'m mut M) -> Self {
        WidthCache { text, measure, widths: HashMap::new() }
    }

    /// The width of `text[range]` painted as one run in `style`; hard line
    /// breaks are never painted and weigh nothing.
    pub(super) fn width(&mut self, range: Range<usize>, style: StyleId) -> f32 {
        let piece = &self.text[range];
        if piece.chars().all(is_hard_break) {
            return 0.0;
        }
        if let Some(&width) = self.widths.get(&(piece, style)) {
            return width;
        }
        let width = sanitize(self.measure.width(piece, style));
        self.widths.insert((piece, style), width);
        width
    }

    /// Measure a string that is not a piece of the text (a mirrored cluster).
    pub(super) fn width_of_owned(&mut self, painted: &str, style: StyleId) -> f32 {
        sanitize(self.measure.width(painted, style))
    }
}

fn sanitize(width: f32) -> f32 {
    if width.is_finite() && width > 0.0 { width } else { 0.0 }
}

/// A piece of the text measured as a whole: one style, one level, one break
/// unit, all whitespace or no whitespace.
#[derive(Debug, Clone)]
pub(super) struct Atom {
    pub range: Range<usize>,
    pub width: f32,
}

/// The text between two break opportunities: content, then trailing whitespace.
#[derive(Debug, Clone)]
struct Unit {
    start: usize,
    content_end: usize,
    end: usize,
    mandatory: bool,
    content_width: f32,
    space_width: f32,
}

/// Whether `c` ends a line whatever the width (UAX #14 class BK, CR, LF, NL).
pub fn is_hard_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Every atom of the text in logical order. `styles` and `levels` give the
/// style and pre-line level of each byte.
pub(super) fn atoms<M: Measure + ?Sized>(
    text: &str,
    styles: &[StyleId],
    levels: &dyn Fn(usize) -> u8,
    cache: &mut WidthCache<'_, '_, M>,
) -> Vec<Atom> {
    let mut atoms = Vec::new();
    for (unit_start, unit_end) in unit_bounds(text) {
        let content_end = content_end(text, unit_start, unit_end);
        push_atoms(unit_start..content_end, styles, levels, cache, &mut atoms);
        push_atoms(content_end..unit_end, styles, levels, cache, &mut atoms);
    }
    atoms
}

/// The line ranges, in logical order, covering the whole text. A text ending
/// with a hard break (or an empty text) ends with an empty line.
pub(super) fn break_lines<M: Measure + ?Sized>(
    text: &str,
    atoms: &[Atom],
    styles: &[StyleId],
    max_width: f32,
    cache: &mut WidthCache<'_, '_, M>,
) -> Vec<Range<usize>> {
    let units = units(text, atoms);
    let mut lines = Vec::new();
    let mut line = LineState::starting_at(0);
    for unit in &units {
        if line.has_content && line.width + line.pending_space + unit.content_width > max_width {
            lines.push(line.start..unit.start);
            line = LineState::starting_at(unit.start);
        }
        // Spaces that open a line and leave no room for a word that fits a
        // line of its own stay on a line by themselves.
        let after_spaces = line.pending_space + unit.content_width > max_width;
        if !line.has_content && after_spaces && unit.content_width <= max_width && unit.start > line.start {
            lines.push(line.start..unit.start);
            line = LineState::starting_at(unit.start);
        }
        let too_wide_alone = line.pending_space + unit.content_width > max_width;
        if !line.has_content && too_wide_alone && unit.content_end > unit.start {
            split_long_word(text, unit, styles, max_width, cache, &mut lines, &mut line);
        } else {
            line.add(unit);
        }
        if unit.mandatory {
            lines.push(line.start..unit.end);
            line = LineState::starting_at(unit.end);
        }
    }
    if line.start < text.len() {
        lines.push(line.start..text.len());
    }
    if text.is_empty() || text.chars().next_back().is_some_and(is_hard_break) {
        lines.push(text.len()..text.len());
    }
    lines
}

struct LineState {
    start: usize,
    /// Width up to the end of the last content, spaces between words included.
    width: f32,
    /// Width of the whitespace after the last content: counts only if content follows.
    pending_space: f32,
    has_content: bool,
}

impl LineState {
    fn starting_at(start: usize) -> LineState {
        LineState { start, width: 0.0, pending_space: 0.0, has_content: false }
    }

    fn add(&mut self, unit: &Unit) {
        if unit.content_end == unit.start {
            self.pending_space += unit.space_width;
            return;
        }
        self.width += self.pending_space + unit.content_width;
        self.pending_space = unit.space_width;
        self.has_content = true;
    }
}

/// Last resort for a word wider than the line: fill lines cluster by cluster
/// (at least one cluster a line).
fn split_long_word<M: Measure + ?Sized>(
    text: &str,
    unit: &Unit,
    styles: &[StyleId],
    max_width: f32,
    cache: &mut WidthCache<'_, '_, M>,
    lines: &mut Vec<Range<usize>>,
    line: &mut LineState,
) {
    for cluster in clusters(text, unit.start..unit.content_end) {
        let style = styles.get(cluster.start).copied().unwrap_or_default();
        let width = cache.width(cluster.clone(), style);
        if line.has_content && line.width + width > max_width {
            lines.push(line.start..cluster.start);
            *line = LineState::starting_at(cluster.start);
        }
        line.width += line.pending_space + width;
        line.pending_space = 0.0;
        line.has_content = true;
    }
    line.pending_space = unit.space_width;
}

/// Clusters of `text[range]` for emergency breaking: a character with the
/// combining marks, joiners and variation selectors that follow it.
pub(super) fn clusters(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut clusters: Vec<Range<usize>> = Vec::new();
    for (i, c) in text[range.clone()].char_indices() {
        let start = range.start + i;
        let end = start + c.len_utf8();
        match clusters.last_mut() {
            Some(cluster) if extends_cluster(c) => cluster.end = end,
            _ => clusters.push(start..end),
        }
    }
    clusters
}

fn extends_cluster(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}') || bidi_class(c) == BidiClass::NSM
}

/// (start, end) of the pieces between consecutive break opportunities.
fn unit_bounds(text: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for (end, _) in linebreaks(text) {
        if end > start {
            bounds.push((start, end));
            start = end;
        }
    }
    if start < text.len() {
        bounds.push((start, text.len()));
    }
    bounds
}

fn units(text: &str, atoms: &[Atom]) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut atom_index = 0;
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        if end <= start {
            continue;
        }
        let content_end = content_end(text, start, end);
        let mut unit = Unit {
            start,
            content_end,
            end,
            mandatory: opportunity == BreakOpportunity::Mandatory,
            content_width: 0.0,
            space_width: 0.0,
        };
        while atom_index < atoms.len() && atoms[atom_index].range.end <= end {
            let atom = &atoms[atom_index];
            if atom.range.start < content_end {
                unit.content_width += atom.width;
            } else {
                unit.space_width += atom.width;
            }
            atom_index += 1;
        }
        units.push(unit);
        start = end;
    }
    units
}

/// The end of the unit's content: before its trailing whitespace.
fn content_end(text: &str, start: usize, end: usize) -> usize {
    let unit = &text[start..end];
    start + unit.trim_end_matches(char::is_whitespace).len()
}

/// Split `range` (all content or all whitespace) into atoms at style and level changes.
fn push_atoms<M: Measure + ?Sized>(
    range: Range<usize>,
    styles: &[StyleId],
    levels: &dyn Fn(usize) -> u8,
    cache: &mut WidthCache<'_, '_, M>,
    atoms: &mut Vec<Atom>,
) {
    if range.is_empty() {
        return;
    }
    let Some(text) = cache.text.get(range.clone()) else {
        return;
    };
    let style_at = |offset: usize| styles.get(offset).copied().unwrap_or_default();
    let mut atom_start = range.start;
    let mut key = (style_at(range.start), levels(range.start));
    for (i, _) in text.char_indices().skip(1) {
        let offset = range.start + i;
        let next_key = (style_at(offset), levels(offset));
        if next_key != key {
            atoms.push(Atom { range: atom_start..offset, width: cache.width(atom_start..offset, key.0) });
            atom_start = offset;
            key = next_key;
        }
    }
    if atom_start < range.end {
        atoms.push(Atom { range: atom_start..range.end, width: cache.width(atom_start..range.end, key.0) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_keep_marks_and_zwnj_with_their_base() {
        let text = "مَی\u{200C}ش";
        let clusters: Vec<&str> = clusters(text, 0..text.len()).into_iter().map(|r| &text[r]).collect();
        assert_eq!(clusters, ["مَ", "ی\u{200C}", "ش"]);
    }

    #[test]
    fn zwnj_is_not_a_break_opportunity() {
        let text = "کتاب\u{200C}های سیاسی";
        let bounds: Vec<&str> = unit_bounds(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(bounds, ["کتاب\u{200C}های ", "سیاسی"]);
    }
}
