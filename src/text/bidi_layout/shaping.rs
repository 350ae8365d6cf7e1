//! What a script-guessing shaper will do with a run we hand it.
//!
//! egui 0.37 shapes every run with harfrust after `guess_segment_properties()`:
//! the run's direction is taken from the script of its FIRST character whose
//! script is not Common or Inherited (Arabic, Hebrew… → right to left, anything
//! else → left to right; no such character → left to right). An RTL run is then
//! reversed and its mirrored characters (`(`, `«`, …) are swapped.
//!
//! That is right for `اینترپل (` at level 1, but wrong for a level-1 run made only
//! of neutrals (`(` alone, ` « `) — it would be shaped left to right, unmirrored —
//! and for a level-2 run of Persian digits (`۱۳۹۱`), which would be shaped right to
//! left and come out reversed. [`shaper_direction`] predicts the guess so the
//! layout can split such runs into single clusters (whose order we then own) and
//! mark the RTL ones whose characters must be painted mirrored ([`mirror_char`]).
//!
//! ```
//! use diplomap::text::bidi_layout::{Direction, shaper_direction};
//! assert_eq!(shaper_direction("اینترپل ("), Direction::Rtl);
//! assert_eq!(shaper_direction("(2021) "), Direction::Ltr);
//! assert_eq!(shaper_direction("۱۳۹۱"), Direction::Rtl);
//! ```
//!
//! The script test is by code-point blocks, exact for the Arabic and Hebrew
//! blocks (their Common and Inherited characters are listed); outside them a
//! character decides "left to right" when its bidi class is L. A Common-script
//! letter of class L (`µ`, `ℝ`) is therefore taken as deciding while harfrust
//! skips it — harmless unless Arabic digits follow it in the same LTR run.

use unicode_bidi::{BidiClass, bidi_class};

use super::Direction;
use super::mirror_table::MIRRORS;

/// The direction a script-guessing shaper (harfrust, HarfBuzz) will shape `text` in.
pub fn shaper_direction(text: &str) -> Direction {
    text.chars().find_map(script_direction).unwrap_or(Direction::Ltr)
}

/// The direction of `c`'s script, or `None` for Common and Inherited characters
/// (digits, punctuation, spaces, combining marks), which a shaper skips.
pub fn script_direction(c: char) -> Option<Direction> {
    if is_in_rtl_script_block(c) {
        return if is_common_or_inherited_in_rtl_block(c) { None } else { Some(Direction::Rtl) };
    }
    match bidi_class(c) {
        BidiClass::L => Some(Direction::Ltr),
        _ => None,
    }
}

/// The mirrored form of `c` (Bidi_Mirroring_Glyph), if it has one: `(` → `)`.
pub fn mirror_char(c: char) -> Option<char> {
    let index = MIRRORS.binary_search_by_key(&c, |&(from, _)| from).ok()?;
    Some(MIRRORS[index].1)
}

/// `text` with every mirrorable character swapped, as an RTL shaper would paint it.
pub fn mirrored_text(text: &str) -> String {
    text.chars().map(|c| mirror_char(c).unwrap_or(c)).collect()
}

fn is_in_rtl_script_block(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// Characters of the RTL blocks whose Unicode script is Common or Inherited
/// (Scripts.txt): Arabic comma, semicolon, question mark, tatweel, harakat, …
fn is_common_or_inherited_in_rtl_block(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0605 | 0x060C | 0x061B | 0x061F | 0x0640 | 0x064B..=0x0655 | 0x0670 | 0x06DD | 0x08E2 | 0xFD3E | 0xFD3F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaper_direction_follows_the_first_script_character() {
        let cases = [
            ("اینترپل (", Direction::Rtl),
            ("(", Direction::Ltr),
            (" « ", Direction::Ltr),
            ("2021", Direction::Ltr),
            ("۱۳۹۱", Direction::Rtl),
            ("٣٥٪", Direction::Rtl),
            ("، ", Direction::Ltr),
            ("INTERPOL ۱۳۹۱", Direction::Ltr),
            ("(۱۳۹۱", Direction::Rtl),
            ("\u{064E}", Direction::Ltr),
            ("", Direction::Ltr),
        ];
        for (text, expected) in cases {
            assert_eq!(shaper_direction(text), expected, "{text:?}");
        }
    }

    #[test]
    fn mirror_pairs() {
        assert_eq!(mirror_char('('), Some(')'));
        assert_eq!(mirror_char(']'), Some('['));
        assert_eq!(mirror_char('«'), Some('»'));
        assert_eq!(mirror_char('a'), None);
        assert_eq!(mirrored_text("(a]"), ")a[");
    }

    #[test]
    fn mirror_table_is_sorted_and_symmetric_for_brackets() {
        assert!(MIRRORS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (from, to) in [('(', ')'), ('[', ']'), ('{', '}'), ('<', '>'), ('«', '»')] {
            assert_eq!(mirror_char(from), Some(to));
            assert_eq!(mirror_char(to), Some(from));
        }
    }
}
