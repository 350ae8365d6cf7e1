//! Positioned glyphs → lines of text in logical order, pure (no PDF here).
//!
//! 1. **Columns.** The page's glyphs are piled onto a horizontal histogram
//!    (one bin a point); a band at least 0.8 em wide that almost no glyph
//!    covers, with text on both sides, is a gutter between columns.
//! 2. **Lines.** Glyphs are clustered by baseline (within 0.45 em of the
//!    line's first glyph); a cluster with a glyph in a gutter spans the
//!    columns (a title), the others are cut at the gutters.
//! 3. **Reading order.** Top to bottom; between two spanning lines the
//!    columns are read one after the other in the page's direction (right
//!    to left when most of its letters are Arabic script), each top to bottom.
//! 4. **Words.** A line's glyphs in visual order (by x); combining marks are
//!    attached to the letter they sit on; a space glyph, or a gap wider than
//!    a fraction of the font size between one glyph's right edge (from its
//!    width) and the next one's left edge, is a word break — so letters that
//!    justification spread apart stay one word.
//! 5. **Logical order.** The inverse of the bidi reordering: in a
//!    right-to-left line the glyphs are reversed, then each run of Latin
//!    letters and digits (with the neutrals inside it) is turned back to left
//!    to right, and brackets outside those runs are mirrored back (the font
//!    drew the mirrored glyph, `)` for a logical `(`). In a left-to-right line
//!    only the Arabic-script runs are reversed. A glyph's own text (a lam-alef
//!    ligature, an `/ActualText` span) is already logical and kept whole.
//! 6. **Paragraphs.** A vertical gap clearly larger than the column's usual
//!    line pitch, or a change of font size, starts a paragraph.
//!
//! ```
//! use diplomap::extract::lines::{Glyph, Page, page_lines};
//! // «سلام دنیا» drawn right to left: the glyphs' x grows from the last letter to the first.
//! let mut glyphs = Vec::new();
//! let mut x = 100.0;
//! for c in "سلام دنیا".chars().rev() {
//!     let w = if c == ' ' { 3.0 } else { 6.0 };
//!     glyphs.push(Glyph { text: c.to_string(), x0: x, x1: x + w, y: 700.0, size: 12.0, is_space: c == ' ' });
//!     x += w;
//! }
//! let lines = page_lines(&Page { width: 595.0, height: 842.0, glyphs });
//! assert_eq!(lines[0].text, "سلام دنیا");
//! ```

use unicode_bidi::{BidiClass, bidi_class};

/// One glyph: its text (logical), its left and right edge on the baseline, its baseline and size (page units, y up).
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub is_space: bool,
}

/// A page of glyphs.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Glyph>,
}

/// A line of a page in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// Starts a paragraph (the first line of a page does).
    pub paragraph_start: bool,
    /// More Arabic-script letters than Latin ones.
    pub rtl: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Rtl,
    Ltr,
    Num,
    Neutral,
}

fn class_of(text: &str) -> Class {
    let mut num = false;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => return Class::Rtl,
            BidiClass::L => return Class::Ltr,
            BidiClass::EN | BidiClass::AN => num = true,
            _ => {}
        }
    }
    if num { Class::Num } else { Class::Neutral }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}') || crate::text::normalize::is_combining_mark(c)
}

fn median(mut values: Vec<f32>) -> Option<f32> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f32::total_cmp);
    Some(values[values.len() / 2])
}

/// Gutters between columns: x ranges that almost no glyph covers, with text on both sides.
fn gutters(glyphs: &[&Glyph], em: f32) -> Vec<(f32, f32)> {
    let inked: Vec<&&Glyph> = glyphs.iter().filter(|g| !g.is_space && g.x1 > g.x0).collect();
    if inked.len() < 40 {
        return Vec::new();
    }
    let left = inked.iter().map(|g| g.x0).fold(f32::INFINITY, f32::min);
    let right = inked.iter().map(|g| g.x1).fold(f32::NEG_INFINITY, f32::max);
    let bins = ((right - left).ceil() as usize).clamp(1, 20_000);
    let mut counts = vec![0u32; bins];
    for g in &inked {
        let a = ((g.x0 - left).floor().max(0.0) as usize).min(bins - 1);
        let b = ((g.x1 - left).ceil() as usize).clamp(a + 1, bins);
        for count in &mut counts[a..b] {
            *count += 1;
        }
    }
    let density = median(counts.iter().filter(|&&c| c > 0).map(|&c| c as f32).collect()).unwrap_or(0.0);
    let low = (density * 0.25).max(2.0) as u32;
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bins {
        if counts[i] > low {
            i += 1;
            continue;
        }
        let start = i;
        while i < bins && counts[i] <= low {
            i += 1;
        }
        let width = (i - start) as f32;
        let before: u64 = counts[..start].iter().map(|&c| u64::from(c)).sum();
        let after: u64 = counts[i..].iter().map(|&c| u64::from(c)).sum();
        if width >= 0.8 * em && before * 6 >= total && after * 6 >= total {
            found.push((left + start as f32, left + i as f32));
        }
    }
    found
}

/// The lines of a page in reading order.
pub fn page_lines(page: &Page) -> Vec<Line> {
    let glyphs: Vec<&Glyph> = page.glyphs.iter().filter(|g| g.size > 0.0).collect();
    let Some(em) = median(glyphs.iter().filter(|g| !g.is_space && !g.text.is_empty()).map(|g| g.size).collect()) else {
        return Vec::new();
    };
    let gutters = gutters(&glyphs, em);
    let page_rtl = {
        let all: String = glyphs.iter().map(|g| g.text.as_str()).collect();
        let (r, l) = strong_counts(&all);
        r > l
    };
    // Baseline clusters, top first.
    // Marks are drawn above or below the baseline: they join the nearest line afterwards.
    let (marks, mut sorted): (Vec<&Glyph>, Vec<&Glyph>) =
        glyphs.iter().partition(|g| !g.is_space && !g.text.is_empty() && g.text.chars().all(is_mark));
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut clusters: Vec<Vec<&Glyph>> = Vec::new();
    let mut top = f32::NAN;
    for g in sorted {
        match clusters.last_mut() {
            Some(cluster) if top - g.y <= 0.45 * em.max(g.size.min(em * 2.0)) => cluster.push(g),
            _ => {
                top = g.y;
                clusters.push(vec![g]);
            }
        }
    }
    for mark in marks {
        let nearest = clusters.iter_mut().min_by(|a, b| {
            let d = |c: &Vec<&Glyph>| c.first().map_or(f32::INFINITY, |g| (g.y - mark.y).abs());
            d(a).total_cmp(&d(b))
        });
        if let Some(cluster) = nearest
            && cluster.first().is_some_and(|g| (g.y - mark.y).abs() <= em)
        {
            cluster.push(mark);
        }
    }
    // A segment: (column or None for a spanning line, glyphs).
    let columns = gutters.len() + 1;
    let column_of = |x: f32| gutters.iter().filter(|(a, b)| x >= (a + b) / 2.0).count();
    let mut out = Vec::new();
    let mut region: Vec<Vec<Vec<&Glyph>>> = vec![Vec::new(); columns];
    fn flush<'g>(region: &mut [Vec<Vec<&'g Glyph>>], out: &mut Vec<Vec<&'g Glyph>>, rtl: bool) {
        let columns = region.len();
        let order: Vec<usize> = if rtl { (0..columns).rev().collect() } else { (0..columns).collect() };
        for k in order {
            out.append(&mut region[k]);
        }
    }
    let mut segments: Vec<Vec<&Glyph>> = Vec::new();
    for cluster in clusters {
        let spanning = !gutters.is_empty()
            && cluster.iter().any(|g| !g.is_space && gutters.iter().any(|&(a, b)| g.x1 > a + 0.5 && g.x0 < b - 0.5));
        if spanning || gutters.is_empty() {
            if spanning {
                flush(&mut region, &mut segments, page_rtl);
            }
            segments.push(cluster);
        } else {
            let mut parts: Vec<Vec<&Glyph>> = vec![Vec::new(); columns];
            for g in cluster {
                parts[column_of((g.x0 + g.x1) / 2.0)].push(g);
            }
            for (k, part) in parts.into_iter().enumerate() {
                if part.iter().any(|g| !g.is_space) {
                    region[k].push(part);
                }
            }
        }
    }
    flush(&mut region, &mut segments, page_rtl);
    // Paragraph starts from the vertical rhythm.
    let baseline = |s: &[&Glyph]| median(s.iter().filter(|g| !g.is_space).map(|g| g.y).collect()).unwrap_or(0.0);
    let line_size = |s: &[&Glyph]| median(s.iter().filter(|g| !g.is_space).map(|g| g.size).collect()).unwrap_or(em);
    let ys: Vec<f32> = segments.iter().map(|s| baseline(s)).collect();
    let pitches: Vec<f32> = ys.windows(2).map(|w| w[0] - w[1]).filter(|&d| d > 0.0).collect();
    let pitch = median(pitches).unwrap_or(em * 1.5);
    for (i, segment) in segments.iter().enumerate() {
        let (text, rtl) = line_text(segment, em, page_rtl);
        if text.is_empty() {
            continue;
        }
        let paragraph_start = i == 0 || {
            let gap = ys[i - 1] - ys[i];
            let (a, b) = (line_size(&segments[i - 1]), line_size(segment));
            gap > pitch * 1.3 + 0.5 || (a - b).abs() > 0.12 * a.max(b)
        };
        out.push(Line { text, paragraph_start, rtl });
    }
    out
}

fn strong_counts(text: &str) -> (usize, usize) {
    let mut r = 0;
    let mut l = 0;
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => r += 1,
            BidiClass::L => l += 1,
            _ => {}
        }
    }
    (r, l)
}

/// A glyph of a line, or a word break.
#[derive(Debug, Clone)]
struct Unit {
    text: String,
    x0: f32,
    x1: f32,
    class: Class,
}

/// The logical text of one line's glyphs, and whether it reads right to left.
fn line_text(glyphs: &[&Glyph], em: f32, page_rtl: bool) -> (String, bool) {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| (a.x0 + a.x1).total_cmp(&(b.x0 + b.x1)));
    let size = median(sorted.iter().filter(|g| !g.is_space).map(|g| g.size).collect()).unwrap_or(em);
    let has_space_glyphs = sorted.iter().any(|g| g.is_space);
    // Marks go onto the letter under them.
    let mut bases: Vec<Unit> = Vec::new();
    let mut marks: Vec<&Glyph> = Vec::new();
    for g in &sorted {
        if !g.is_space && !g.text.is_empty() && g.text.chars().all(is_mark) {
            marks.push(g);
        } else {
            bases.push(Unit { text: g.text.clone(), x0: g.x0, x1: g.x1, class: class_of(&g.text) });
        }
    }
    for mark in marks {
        let center = (mark.x0 + mark.x1) / 2.0;
        let nearest = bases
            .iter_mut()
            .filter(|u| !u.text.trim().is_empty())
            .min_by(|a, b| distance(a, center).total_cmp(&distance(b, center)));
        if let Some(base) = nearest {
            base.text.push_str(&mark.text);
        }
    }
    // Word breaks from space glyphs and gaps.
    let threshold = if has_space_glyphs { 0.6 } else { 0.2 } * size;
    let mut units: Vec<Unit> = Vec::new();
    for unit in bases {
        if unit.text.is_empty() {
            // Ink without text: it only closes the gap it covers.
            if let Some(prev) = units.last_mut() {
                prev.x1 = prev.x1.max(unit.x1);
            }
            continue;
        }
        let is_space = unit.text.trim().is_empty();
        if let Some(prev) = units.last() {
            let prev_space = prev.text == " ";
            if !is_space && !prev_space && unit.x0 - prev.x1 > threshold {
                units.push(Unit { text: " ".into(), x0: prev.x1, x1: unit.x0, class: Class::Neutral });
            }
        }
        if is_space {
            if units.last().is_some_and(|u| u.text != " ") {
                units.push(Unit { text: " ".into(), ..unit });
            }
        } else {
            units.push(unit);
        }
    }
    let all: String = units.iter().map(|u| u.text.as_str()).collect();
    let (r, l) = strong_counts(&all);
    let rtl = r > l || (r == l && page_rtl);
    let ordered = if rtl { logical_from_visual_rtl(units) } else { logical_from_visual_ltr(units) };
    let text: String = ordered.into_iter().collect();
    (text.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "), rtl)
}

fn distance(unit: &Unit, x: f32) -> f32 {
    if x < unit.x0 {
        unit.x0 - x
    } else if x > unit.x1 {
        x - unit.x1
    } else {
        0.0
    }
}

fn mirror(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            '{' => '}',
            '}' => '{',
            '<' => '>',
            '>' => '<',
            '«' => '»',
            '»' => '«',
            '‹' => '›',
            '›' => '‹',
            other => other,
        })
        .collect()
}

/// Maximal runs of units of `inner` classes that start and end with a `strong` one and hold none of `stop`.
fn runs(units: &[Unit], strong: &[Class], stop: Class) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < units.len() {
        if !strong.contains(&units[i].class) {
            i += 1;
            continue;
        }
        let mut last = i;
        let mut j = i;
        while j < units.len() && units[j].class != stop {
            if strong.contains(&units[j].class) {
                last = j;
            }
            j += 1;
        }
        found.push((i, last));
        i = last + 1;
    }
    found
}

/// A right-to-left line: reverse, then turn Latin and number runs back.
fn logical_from_visual_rtl(mut units: Vec<Unit>) -> Vec<String> {
    units.reverse();
    let ltr = runs(&units, &[Class::Ltr, Class::Num], Class::Rtl);
    let mut in_ltr = vec![false; units.len()];
    for &(a, b) in &ltr {
        units[a..=b].reverse();
        in_ltr[a..=b].iter_mut().for_each(|f| *f = true);
    }
    choose_mirroring(units.into_iter().map(|u| u.text).collect(), &in_ltr.iter().map(|f| !f).collect::<Vec<_>>())
}

/// Brackets in right-to-left runs: writers that draw the mirrored glyph map it
/// to the glyph's own character (Chromium), others to the logical one
/// (LibreOffice). The reading whose brackets never close before they open wins;
/// mirrored when both do.
fn choose_mirroring(texts: Vec<String>, rtl: &[bool]) -> Vec<String> {
    let mirrored: Vec<String> = texts.iter().zip(rtl).map(|(t, &r)| if r { mirror(t) } else { t.clone() }).collect();
    if unbalanced(&mirrored) <= unbalanced(&texts) { mirrored } else { texts }
}

/// How many times a closing bracket comes before its opening one.
fn unbalanced(texts: &[String]) -> usize {
    let mut depth = [0i32; 4];
    let mut bad = 0;
    for c in texts.iter().flat_map(|t| t.chars()) {
        let (k, step) = match c {
            '(' => (0, 1),
            ')' => (0, -1),
            '[' => (1, 1),
            ']' => (1, -1),
            '«' => (2, 1),
            '»' => (2, -1),
            '{' => (3, 1),
            '}' => (3, -1),
            _ => continue,
        };
        depth[k] += step;
        if depth[k] < 0 {
            bad += 1;
            depth[k] = 0;
        }
    }
    bad
}

/// A left-to-right line: reverse each Arabic-script run (numbers inside it stay left to right).
fn logical_from_visual_ltr(mut units: Vec<Unit>) -> Vec<String> {
    let rtl = runs(&units, &[Class::Rtl], Class::Ltr);
    let mut mirrored = vec![false; units.len()];
    for &(a, b) in &rtl {
        units[a..=b].reverse();
        for (a2, b2) in runs(&units[a..=b], &[Class::Num], Class::Rtl) {
            units[a + a2..=a + b2].reverse();
        }
        mirrored[a..=b].iter_mut().for_each(|f| *f = true);
    }
    let rtl: Vec<bool> = units.iter().zip(&mirrored).map(|(u, &m)| m && u.class == Class::Neutral).collect();
    choose_mirroring(units.into_iter().map(|u| u.text).collect(), &rtl)
}

/// The text of pages: one line per paragraph, paragraphs separated by an empty line.
pub fn paragraphs_text(lines: &[Vec<Line>]) -> String {
    let mut out = String::new();
    for page in lines {
        for (i, line) in page.iter().enumerate() {
            if i == 0 || line.paragraph_start {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
            } else {
                out.push(' ');
            }
            out.push_str(&line.text);
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `logical` laid out as a renderer would: `visual` is the left-to-right glyph order.
    fn glyphs(visual: &[&str], y: f32, x: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for t in visual {
            let is_space = *t == " ";
            let w = if is_space { 3.0 } else { 6.0 };
            out.push(Glyph { text: t.to_string(), x0: x, x1: x + w, y, size: 12.0, is_space });
            x += w;
        }
        out
    }

    fn one_line(visual: &[&str]) -> String {
        let page = Page { width: 500.0, height: 800.0, glyphs: glyphs(visual, 700.0, 50.0) };
        page_lines(&page).into_iter().map(|l| l.text).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn rtl_line_with_latin_and_digits() {
        // Logical: «اینترپل (INTERPOL) در 2021» — visual left to right: 2021 رد (INTERPOL) لپرتنیا, brackets mirrored.
        let visual = ["2", "0", "2", "1", " ", "ر", "د", " ", "(", "I", "N", "T", ")", " ", "ل", "پ", "ا"];
        assert_eq!(one_line(&visual), "اپل (INT) در 2021");
    }

    #[test]
    fn ligatures_stay_whole_and_marks_follow_their_letter() {
        // «اطلاعات» with a lam-alef glyph: visual ت ا ع «لا» ط ا
        let visual = ["ت", "ا", "ع", "لا", "ط", "ا"];
        assert_eq!(one_line(&visual), "اطلاعات");
    }

    #[test]
    fn ltr_line_with_an_arabic_name() {
        let visual: Vec<String> = "Police of لوبوروی (20)".chars().map(String::from).collect();
        let visual: Vec<&str> = visual.iter().map(String::as_str).collect();
        assert_eq!(one_line(&visual), "Police of یوروبول (20)");
    }

    #[test]
    fn justified_gaps_inside_a_word_are_not_spaces() {
        // Letters 2pt apart (under the 0.45 em threshold of a line that has space glyphs) stay one word.
        let mut gs = glyphs(&["ب", " ", "ن", "م"], 700.0, 50.0);
        gs[3].x0 += 2.0;
        gs[3].x1 += 2.0;
        let page = Page { width: 500.0, height: 800.0, glyphs: gs };
        assert_eq!(page_lines(&page)[0].text, "من ب");
    }

    #[test]
    fn two_columns_are_read_right_column_first_in_rtl() {
        let mut gs = Vec::new();
        for row in 0..12 {
            let y = 700.0 - row as f32 * 18.0;
            // right column: «راست», left column: «چپ», each repeated to make a column of text.
            gs.extend(glyphs(&["ت", "س", "ا", "ر", " ", "ت", "س", "ا", "ر"], y, 300.0));
            gs.extend(glyphs(&["پ", "چ", " ", "پ", "چ", " ", "پ", "چ"], y, 50.0));
        }
        let page = Page { width: 500.0, height: 800.0, glyphs: gs };
        let lines = page_lines(&page);
        assert_eq!(lines.len(), 24);
        assert!(lines[..12].iter().all(|l| l.text == "راست راست"), "{lines:?}");
        assert!(lines[12..].iter().all(|l| l.text == "چپ چپ چپ"), "{lines:?}");
    }
}
