//! `diplomap mentions [FILE|-]`: concept mentions in any UTF-8 text, one JSON
//! object a line, `{"concept":ID,"start":BYTE,"end":BYTE,"text":SURFACE}`,
//! offsets in bytes of the whole input.
//!
//! The input is streamed, never read whole: it is cut into pieces of about
//! [`PIECE_BYTES`] at blank lines (no match crosses one, so the mentions are
//! exactly those of the whole text). A text with no blank line for
//! [`MAX_PIECE_BYTES`] is cut at the end of a sentence, else of a line, else
//! at a space (a name split by such a cut can be missed; nothing else
//! changes). Memory stays bounded whatever the input (`/dev/zero` too).
//!
//! Input that is not text stops the command with exit 1, naming the byte as
//! FILE:LINE:COL: invalid UTF-8, or a NUL byte (binary input). Mentions of
//! the pieces before it have been printed by then.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::Failure;
use super::output::Out;
use crate::catalog::Catalog;
use crate::diag::Diagnostic;
use crate::index::mentions::Matcher;

/// How much is read before looking for a place to cut.
pub const PIECE_BYTES: usize = 1 << 20;
/// The longest piece: past this a piece is cut even without a blank line.
pub const MAX_PIECE_BYTES: usize = 8 << 20;

/// One line of `diplomap mentions`, fields in the contract's order.
#[derive(serde::Serialize)]
struct MentionLine<'a> {
    concept: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
}

/// Called with (start, end, concept index, surface) for each mention found.
pub type EmitMention<'a> = dyn FnMut(usize, usize, usize, &str) -> Result<(), Failure> + 'a;

/// Runs `diplomap mentions`.
pub fn run(catalog: &Catalog, file: Option<PathBuf>, out: &mut Out) -> Result<(), Failure> {
    let matcher = Matcher::new(catalog);
    let mut emit = |start: usize, end: usize, concept: usize, text: &str| {
        let line = MentionLine { concept: &catalog.concepts[concept].id, start, end, text };
        let json = serde_json::to_string(&line).map_err(|e| Failure::Message(e.to_string()))?;
        out.line(json)
    };
    match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => {
            let input = std::fs::File::open(&path).map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
            stream(&matcher, input, &path, PIECE_BYTES, MAX_PIECE_BYTES, &mut emit)
        }
        None => stream(&matcher, std::io::stdin().lock(), Path::new("-"), PIECE_BYTES, MAX_PIECE_BYTES, &mut emit),
    }
}

/// Finds the mentions of everything `input` holds, piece by piece, and
/// hands each to `emit` as (start, end, concept, surface text), offsets in
/// the whole input. `name` names the input in errors.
pub fn stream(
    matcher: &Matcher,
    mut input: impl Read,
    name: &Path,
    piece: usize,
    max_piece: usize,
    emit: &mut EmitMention<'_>,
) -> Result<(), Failure> {
    let mut buffer: Vec<u8> = Vec::with_capacity(piece.min(max_piece) * 2);
    let mut position = Position::default();
    let mut ended = false;
    while !ended || !buffer.is_empty() {
        if !ended {
            let before = buffer.len();
            let read = (&mut input)
                .take(piece as u64)
                .read_to_end(&mut buffer)
                .map_err(|e| Failure::Message(format!("{}: cannot read: {e}", name.display())))?;
            ended = read == 0 && buffer.len() == before;
        }
        let Some(cut) = cut_point(&buffer, ended, max_piece) else { continue };
        let text = checked_text(&buffer[..cut], name, &position)?;
        for mention in matcher.find(text) {
            let (start, end) = (mention.range.start, mention.range.end);
            emit(position.offset + start, position.offset + end, mention.concept, &text[start..end])?;
        }
        position.advance(text);
        buffer.drain(..cut);
    }
    Ok(())
}

/// Where the text read so far is cut: after the last blank line, or (past
/// `max_piece`, or at the end of the input) somewhere else; `None` to read on.
fn cut_point(buffer: &[u8], ended: bool, max_piece: usize) -> Option<usize> {
    if ended {
        return Some(buffer.len());
    }
    if let Some(at) = last_blank_line_end(buffer) {
        return Some(at);
    }
    if buffer.len() < max_piece {
        return None;
    }
    // Each a position right after the break (never 0: a piece is never empty).
    let sentence_end = buffer
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
        .map(|i| i + 2);
    let persian_end =
        ["؟ ", "؛ "].into_iter().filter_map(|mark| find_last(buffer, mark.as_bytes()).map(|i| i + mark.len())).max();
    let line_end = buffer.iter().rposition(|&b| b == b'\n').map(|i| i + 1);
    let space = buffer.iter().rposition(u8::is_ascii_whitespace).map(|i| i + 1);
    sentence_end.max(persian_end).or(line_end).or(space).or_else(|| Some(char_boundary_before(buffer, buffer.len())))
}

fn last_blank_line_end(buffer: &[u8]) -> Option<usize> {
    let at = find_last(buffer, b"\n\n").map(|i| i + 2);
    let crlf = find_last(buffer, b"\n\r\n").map(|i| i + 3);
    at.max(crlf)
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The largest offset at most `at` that does not split a UTF-8 character
/// (or `at` itself if the bytes there are no UTF-8 anyway).
fn char_boundary_before(bytes: &[u8], at: usize) -> usize {
    (at.saturating_sub(3)..=at).rev().find(|&i| i == bytes.len() || bytes[i] & 0xC0 != 0x80).unwrap_or(at).max(1)
}

/// Where a piece starts in the whole input.
#[derive(Default)]
struct Position {
    offset: usize,
    /// Line of the piece's start, counted from 0.
    line: usize,
    /// Characters between the last line break and the piece's start.
    col: usize,
}

impl Position {
    fn advance(&mut self, text: &str) {
        self.offset += text.len();
        match text.rfind('\n') {
            Some(i) => {
                self.line += text.matches('\n').count();
                self.col = text[i + 1..].chars().count();
            }
            None => self.col += text.chars().count(),
        }
    }

    /// FILE:LINE:COL of byte `at` of a piece whose valid text is `before`.
    fn locate(&self, before: &str) -> (usize, usize) {
        let (line, col) = crate::diag::line_col(before, before.len());
        let col = if line == 1 { col + self.col } else { col };
        (self.line + line, col)
    }
}

/// The piece as text, or the diagnostic of its first bad byte.
fn checked_text<'a>(bytes: &'a [u8], name: &Path, position: &Position) -> Result<&'a str, Failure> {
    let (valid, bad) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            (valid, Some(e.valid_up_to()))
        }
    };
    if let Some(nul) = valid.find('\0') {
        let at = position.locate(&valid[..nul]);
        let offset = position.offset + nul;
        return Err(Diagnostic::error(name, at, format!("not a text: a NUL byte at byte {offset}")).into());
    }
    match bad {
        None => Ok(valid),
        Some(index) => {
            let at = position.locate(valid);
            let offset = position.offset + index;
            Err(Diagnostic::error(name, at, format!("invalid UTF-8 at byte {offset}")).into())
        }
    }
}
