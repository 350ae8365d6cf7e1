//! The bundled Vazirmatn font cut down to the characters a web page uses, for
//! embedding in the page (`@font-face` with a `data:` URL).
//!
//! Subsetters made for PDF (the `subsetter` crate) drop `cmap`, `GSUB` and
//! `GPOS`, which a browser needs to join and place Arabic-script letters. This
//! one keeps every table and every glyph id as they are and only empties the
//! outlines of the glyphs no used character can reach: the characters' glyphs
//! in `cmap`, everything the font's substitutions (`GSUB`: contextual forms,
//! ligatures) can turn them into, and the parts of composite glyphs. `cmap` is
//! rewritten to map only the used characters, so any other character falls
//! back to another font instead of showing an empty glyph.
//!
//! ```
//! let font = diplomap::export::font::VAZIRMATN_REGULAR;
//! let small = diplomap::export::font::subset(font, "دیپلماسی پلیسی".chars()).unwrap();
//! assert!(small.len() < font.len() / 2);
//! ```

use std::collections::BTreeSet;

use read_fonts::collections::IntSet;
use read_fonts::types::{GlyphId, Tag};
use read_fonts::{FontRef, TableProvider};

/// The bundled regular face.
pub static VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");
/// The bundled bold face.
pub static VAZIRMATN_BOLD: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Bold.ttf");
/// The font's licence, to ship beside every copy of it.
pub const VAZIRMATN_LICENCE: &str = include_str!("../../assets/fonts/OFL.txt");

/// Why a font could not be cut down.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    #[error("the font cannot be read: {0}")]
    Read(String),
    #[error("the font has no `{0}` table")]
    Missing(&'static str),
    #[error("the font's `{0}` table is damaged")]
    Damaged(&'static str),
}

fn read_error(err: read_fonts::ReadError) -> FontError {
    FontError::Read(err.to_string())
}

/// `font` (a TrueType font with `glyf` outlines) with only the glyphs that
/// `chars` need; see the module documentation.
pub fn subset(font: &[u8], chars: impl IntoIterator<Item = char>) -> Result<Vec<u8>, FontError> {
    let face = FontRef::new(font).map_err(read_error)?;
    let num_glyphs = face.maxp().map_err(read_error)?.num_glyphs();
    let cmap = face.cmap().map_err(read_error)?;
    let chars: BTreeSet<char> = chars.into_iter().collect();
    let mapping: Vec<(u32, u16)> = chars
        .iter()
        .filter_map(|&c| cmap.map_codepoint(c).map(|g| (c as u32, g.to_u32())))
        .filter_map(|(c, g)| u16::try_from(g).ok().filter(|&g| g != 0 && g < num_glyphs).map(|g| (c, g)))
        .collect();

    let mut glyphs: IntSet<GlyphId> = IntSet::empty();
    glyphs.insert(GlyphId::new(0));
    for &(_, glyph) in &mapping {
        glyphs.insert(GlyphId::new(u32::from(glyph)));
    }
    if let Ok(gsub) = face.gsub() {
        let lookups = gsub.collect_lookups(&IntSet::all()).map_err(read_error)?;
        gsub.closure_glyphs(&lookups, &mut glyphs).map_err(read_error)?;
    }

    let long_loca = face.head().map_err(read_error)?.index_to_loc_format() == 1;
    let glyf = table(&face, "glyf")?;
    let loca = table(&face, "loca")?;
    let offsets = loca_offsets(loca, long_loca, num_glyphs)?;
    let glyph_bytes = |g: u16| -> &[u8] {
        let (start, end) = (offsets[usize::from(g)], offsets[usize::from(g) + 1]);
        glyf.get(start..end).unwrap_or(&[])
    };
    // Composite glyphs need their parts (which may be composites too).
    let mut kept: BTreeSet<u16> = glyphs.iter().filter_map(|g| u16::try_from(g.to_u32()).ok()).collect();
    let mut pending: Vec<u16> = kept.iter().copied().collect();
    while let Some(glyph) = pending.pop() {
        for part in components(glyph_bytes(glyph)) {
            if part < num_glyphs && kept.insert(part) {
                pending.push(part);
            }
        }
    }

    let mut new_glyf = Vec::new();
    let mut new_offsets = Vec::with_capacity(usize::from(num_glyphs) + 1);
    for glyph in 0..num_glyphs {
        new_offsets.push(new_glyf.len());
        if kept.contains(&glyph) {
            new_glyf.extend_from_slice(glyph_bytes(glyph));
            while new_glyf.len() % 4 != 0 {
                new_glyf.push(0);
            }
        }
    }
    new_offsets.push(new_glyf.len());
    let long_loca = long_loca || new_glyf.len() > 0x1_FFFE;
    let mut new_loca = Vec::new();
    for &offset in &new_offsets {
        if long_loca {
            new_loca.extend_from_slice(&(offset as u32).to_be_bytes());
        } else {
            new_loca.extend_from_slice(&((offset / 2) as u16).to_be_bytes());
        }
    }

    let mut tables: Vec<(Tag, Vec<u8>)> = Vec::new();
    for record in face.table_directory.table_records() {
        let tag = record.tag();
        let data = match &tag.to_be_bytes() {
            b"glyf" => new_glyf.clone(),
            b"loca" => new_loca.clone(),
            b"cmap" => cmap_table(&mapping),
            b"head" => {
                let mut head = face.table_data(tag).map(|d| d.as_bytes().to_vec()).unwrap_or_default();
                if head.len() < 54 {
                    return Err(FontError::Damaged("head"));
                }
                head[8..12].fill(0); // checkSumAdjustment, set below
                head[50..52].copy_from_slice(&i16::from(long_loca).to_be_bytes());
                head
            }
            // A signature of the original bytes no longer holds.
            b"DSIG" => continue,
            _ => match face.table_data(tag) {
                Some(data) => data.as_bytes().to_vec(),
                None => continue,
            },
        };
        tables.push((tag, data));
    }
    Ok(assemble(font, tables))
}

fn table<'a>(face: &FontRef<'a>, name: &'static str) -> Result<&'a [u8], FontError> {
    let tag = Tag::new_checked(name.as_bytes()).map_err(|_| FontError::Missing(name))?;
    face.table_data(tag).map(|d| d.as_bytes()).ok_or(FontError::Missing(name))
}

/// The `num_glyphs + 1` offsets of `loca`, each clamped into order.
fn loca_offsets(loca: &[u8], long: bool, num_glyphs: u16) -> Result<Vec<usize>, FontError> {
    let count = usize::from(num_glyphs) + 1;
    let width = if long { 4 } else { 2 };
    if loca.len() < count * width {
        return Err(FontError::Damaged("loca"));
    }
    let mut offsets: Vec<usize> = loca
        .chunks_exact(width)
        .take(count)
        .map(|b| {
            if long {
                u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize
            } else {
                usize::from(u16::from_be_bytes([b[0], b[1]])) * 2
            }
        })
        .collect();
    for i in 1..offsets.len() {
        offsets[i] = offsets[i].max(offsets[i - 1]);
    }
    Ok(offsets)
}

/// The glyph ids a composite glyph is made of (none for a simple glyph).
fn components(glyph: &[u8]) -> Vec<u16> {
    const ARGS_ARE_WORDS: u16 = 0x0001;
    const HAVE_SCALE: u16 = 0x0008;
    const MORE_COMPONENTS: u16 = 0x0020;
    const HAVE_XY_SCALE: u16 = 0x0040;
    const HAVE_TWO_BY_TWO: u16 = 0x0080;
    let word = |at: usize| glyph.get(at..at + 2).map(|b| u16::from_be_bytes([b[0], b[1]]));
    let Some(contours) = word(0) else { return Vec::new() };
    if (contours as i16) >= 0 {
        return Vec::new();
    }
    let mut parts = Vec::new();
    let mut at = 10;
    while let (Some(flags), Some(part)) = (word(at), word(at + 2)) {
        parts.push(part);
        at += 4 + if flags & ARGS_ARE_WORDS != 0 { 4 } else { 2 };
        at += if flags & HAVE_SCALE != 0 {
            2
        } else if flags & HAVE_XY_SCALE != 0 {
            4
        } else if flags & HAVE_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE_COMPONENTS == 0 {
            break;
        }
    }
    parts
}

/// A `cmap` with a format 4 subtable for the characters of the Basic
/// Multilingual Plane and, when there are others, a format 12 one for all.
fn cmap_table(mapping: &[(u32, u16)]) -> Vec<u8> {
    let bmp: Vec<(u16, u16)> = mapping.iter().filter_map(|&(c, g)| u16::try_from(c).ok().map(|c| (c, g))).collect();
    let wide = mapping.iter().any(|&(c, _)| c > 0xFFFF);
    let format4 = cmap_format4(&bmp);
    let records: u16 = if wide { 2 } else { 1 };
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&records.to_be_bytes());
    let first = 4 + 8 * u32::from(records);
    out.extend_from_slice(&[0, 3, 0, 1]);
    out.extend_from_slice(&first.to_be_bytes());
    if wide {
        out.extend_from_slice(&[0, 3, 0, 10]);
        out.extend_from_slice(&(first + format4.len() as u32).to_be_bytes());
    }
    out.extend_from_slice(&format4);
    if wide {
        out.extend_from_slice(&cmap_format12(mapping));
    }
    out
}

/// Format 4: one segment per run of consecutive characters with consecutive
/// glyphs (a constant `idDelta`), then the closing `0xFFFF` segment.
fn cmap_format4(mapping: &[(u16, u16)]) -> Vec<u8> {
    let mut segments: Vec<(u16, u16, u16)> = Vec::new(); // (start, end, delta)
    for &(c, g) in mapping {
        let delta = g.wrapping_sub(c);
        match segments.last_mut() {
            Some((_, end, d)) if end.checked_add(1) == Some(c) && *d == delta => *end = c,
            _ => segments.push((c, c, delta)),
        }
    }
    if segments.last().is_none_or(|s| s.1 != 0xFFFF) {
        segments.push((0xFFFF, 0xFFFF, 1));
    }
    let count = segments.len() as u16;
    let entry_selector = 15 - count.leading_zeros() as u16; // floor(log2(count))
    let search_range = 2u16 << entry_selector;
    let length = 16 + 8 * usize::from(count);
    let mut out = Vec::with_capacity(length);
    let push = |out: &mut Vec<u8>, v: u16| out.extend_from_slice(&v.to_be_bytes());
    push(&mut out, 4);
    push(&mut out, length as u16);
    push(&mut out, 0);
    push(&mut out, count * 2);
    push(&mut out, search_range);
    push(&mut out, entry_selector);
    push(&mut out, 2 * count - search_range);
    for s in &segments {
        push(&mut out, s.1);
    }
    push(&mut out, 0);
    for s in &segments {
        push(&mut out, s.0);
    }
    for s in &segments {
        push(&mut out, s.2);
    }
    for _ in &segments {
        push(&mut out, 0);
    }
    out
}

fn cmap_format12(mapping: &[(u32, u16)]) -> Vec<u8> {
    let mut groups: Vec<(u32, u32, u32)> = Vec::new();
    for &(c, g) in mapping {
        let g = u32::from(g);
        match groups.last_mut() {
            Some((start, end, first)) if *end + 1 == c && *first + (c - *start) == g => *end = c,
            _ => groups.push((c, c, g)),
        }
    }
    let mut out = Vec::new();
    out.extend_from_slice(&12u16.to_be_bytes());
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&(16 + 12 * groups.len() as u32).to_be_bytes());
    out.extend_from_slice(&0u32.to_be_bytes());
    out.extend_from_slice(&(groups.len() as u32).to_be_bytes());
    for (start, end, first) in groups {
        for v in [start, end, first] {
            out.extend_from_slice(&v.to_be_bytes());
        }
    }
    out
}

/// A font file of `tables` (in the original's order), with the table
/// directory, checksums and `head.checkSumAdjustment` computed.
fn assemble(original: &[u8], mut tables: Vec<(Tag, Vec<u8>)>) -> Vec<u8> {
    tables.sort_by_key(|(tag, _)| tag.to_be_bytes());
    let count = tables.len() as u16;
    let mut power = 1u16;
    while power * 2 <= count {
        power *= 2;
    }
    let mut out = Vec::new();
    out.extend_from_slice(original.get(0..4).unwrap_or(&[0, 1, 0, 0]));
    for v in [count, power * 16, power.trailing_zeros() as u16, count * 16 - power * 16] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &tables {
        out.extend_from_slice(&tag.to_be_bytes());
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        if &tag.to_be_bytes() == b"head" {
            head_at = Some(offset);
        }
        offset += data.len().div_ceil(4) * 4;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        while out.len() % 4 != 0 {
            out.push(0);
        }
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    out
}

/// The OpenType checksum: the sum of big-endian 32-bit words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph_of(font: &[u8], c: char) -> Option<u32> {
        FontRef::new(font).ok()?.cmap().ok()?.map_codepoint(c).map(|g| g.to_u32())
    }

    fn outline_len(font: &[u8], glyph: u16) -> usize {
        let face = FontRef::new(font).unwrap();
        let long = face.head().unwrap().index_to_loc_format() == 1;
        let offsets = loca_offsets(table(&face, "loca").unwrap(), long, face.maxp().unwrap().num_glyphs()).unwrap();
        offsets[usize::from(glyph) + 1] - offsets[usize::from(glyph)]
    }

    #[test]
    fn keeps_used_characters_and_their_forms_and_drops_the_rest() {
        let text = "دیپلماسی پلیسی INTERPOL ۱۴۰۰";
        let small = subset(VAZIRMATN_REGULAR, text.chars()).unwrap();
        assert!(small.len() < VAZIRMATN_REGULAR.len() / 2, "{} bytes", small.len());
        for c in text.chars() {
            assert_eq!(glyph_of(&small, c), glyph_of(VAZIRMATN_REGULAR, c), "{c:?} keeps its glyph id");
            if c != ' ' {
                let glyph = glyph_of(&small, c).unwrap() as u16;
                assert!(outline_len(&small, glyph) > 0, "{c:?} keeps its outline");
            }
        }
        assert_eq!(glyph_of(&small, 'ژ'), None, "an unused letter falls back to another font");
        assert_eq!(glyph_of(&small, 'Q'), None);
        let dropped = glyph_of(VAZIRMATN_REGULAR, 'ژ').unwrap() as u16;
        assert_eq!(outline_len(&small, dropped), 0);
        // The contextual forms of a used letter are reached through GSUB:
        // more glyphs keep outlines than there are characters.
        let face = FontRef::new(&small[..]).unwrap();
        let kept = (0..face.maxp().unwrap().num_glyphs()).filter(|&g| outline_len(&small, g) > 0).count();
        let letters = text.chars().collect::<BTreeSet<_>>().len();
        assert!(kept > letters + 10, "{kept} outlines for {letters} characters");
    }

    #[test]
    fn the_result_is_a_consistent_font() {
        let small = subset(VAZIRMATN_BOLD, "سلام".chars()).unwrap();
        let face = FontRef::new(&small[..]).unwrap();
        assert_eq!(checksum(&small), 0xB1B0_AFBA, "whole-font checksum");
        for record in face.table_directory.table_records() {
            let data = face.table_data(record.tag()).unwrap();
            let sum = if &record.tag().to_be_bytes() == b"head" {
                let mut head = data.as_bytes().to_vec();
                head[8..12].fill(0);
                checksum(&head)
            } else {
                checksum(data.as_bytes())
            };
            assert_eq!(sum, record.checksum(), "{}", record.tag());
        }
        assert!(face.gsub().is_ok() && face.gpos().is_ok(), "shaping tables kept");
    }

    #[test]
    fn components_of_composite_glyphs() {
        // numberOfContours -1, bbox, then two components (the first with word args and more to come).
        let mut glyph = vec![0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0];
        glyph.extend_from_slice(&[0x00, 0x21, 0x00, 0x07, 0, 1, 0, 2]);
        glyph.extend_from_slice(&[0x00, 0x00, 0x00, 0x09, 1, 2]);
        assert_eq!(components(&glyph), [7, 9]);
        assert!(components(&[0, 1, 0, 0]).is_empty());
        assert!(components(&[]).is_empty());
    }
}
