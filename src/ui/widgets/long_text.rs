//! Keeping very long texts drawable: a paragraph of megabytes (a file with
//! no line breaks, say) is cut into pieces that are laid out one by one, and
//! a document of many megabytes is shown a window at a time, around the
//! passage asked for, with a notice saying so. Nothing here changes the text.

use std::ops::Range;

/// A paragraph longer than this is laid out in pieces of about this size.
pub const MAX_PIECE_BYTES: usize = 16 * 1024;
/// The reader shows at most this much of a document at once.
pub const MAX_WINDOW_BYTES: usize = 1 << 20;

/// `range` of `text` cut into pieces of at most `max` bytes (at least one
/// character each), at white space when there is some in a piece's second
/// half, else at a character boundary.
pub fn pieces(text: &str, range: Range<usize>, max: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    while range.end - start > max {
        let limit = text.floor_char_boundary(start + max);
        let half = text.ceil_char_boundary(start + max / 2).min(limit);
        let cut = text[half..limit].rfind(char::is_whitespace).map_or(limit, |i| half + i + 1);
        let cut = if cut > start { cut } else { text.ceil_char_boundary(start + 1) };
        pieces.push(start..cut);
        start = cut;
    }
    if start < range.end || pieces.is_empty() {
        pieces.push(start..range.end);
    }
    pieces
}

/// The byte range of a text of `len` bytes that the reader shows: all of it
/// when it is short enough, else `max` bytes from a little before `target`
/// (or from the start).
pub fn window(len: usize, target: Option<usize>, max: usize) -> Range<usize> {
    if len <= max {
        return 0..len;
    }
    let start = target.map_or(0, |t| t.saturating_sub(max / 4)).min(len - max);
    start..start + max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_range_in_order_at_spaces() {
        let text = "دیپلماسی پلیسی ".repeat(2000);
        let pieces = pieces(&text, 4..text.len() - 1, 1000);
        assert_eq!(pieces.first().map(|p| p.start), Some(4));
        assert_eq!(pieces.last().map(|p| p.end), Some(text.len() - 1));
        for pair in pieces.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        for piece in &pieces {
            assert!(piece.len() <= 1000 && !piece.is_empty());
            assert!(text.is_char_boundary(piece.start) && text.is_char_boundary(piece.end));
        }
        assert!(pieces[..pieces.len() - 1].iter().all(|p| text[p.clone()].ends_with(' ')));
    }

    #[test]
    fn a_line_without_spaces_is_cut_at_characters() {
        let text = "ی".repeat(5000);
        let pieces = pieces(&text, 0..text.len(), 999);
        assert!(pieces.iter().all(|p| p.len() <= 999 && text.is_char_boundary(p.end)));
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), text.len());
        assert_eq!(super::pieces("ab", 0..2, 1), [0..1, 1..2]);
        assert_eq!(super::pieces("", 0..0, 10), vec![0..0]);
    }

    #[test]
    fn windows() {
        assert_eq!(window(10, Some(5), 100), 0..10);
        assert_eq!(window(1000, None, 100), 0..100);
        assert_eq!(window(1000, Some(500), 100), 475..575);
        assert_eq!(window(1000, Some(990), 100), 900..1000);
    }
}
