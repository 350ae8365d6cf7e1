//! A line cut into the units the repair moves: letters (with their marks),
//! punctuation marks, and runs of digits or Latin that never come apart; the
//! gaps (spaces, half-spaces) between them are remembered, not moved.

use std::ops::Range;

use super::letters::{is_mark, key_letter};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An Arabic-script letter; its key is the folded letter.
    Letter(char),
    /// One punctuation mark or symbol.
    Punct,
    /// A run of digits, Latin letters or other characters kept whole.
    Run,
}

#[derive(Debug, Clone)]
pub(super) struct Unit {
    pub kind: Kind,
    /// Bytes of the line.
    pub range: Range<usize>,
    /// Whether a space or half-space stood before this unit in the line.
    pub gap_before: bool,
    /// An Arabic `ي`: in Persian text taken from a PDF, the final or isolated
    /// glyph of `ی`, so a word goes on after it only rarely.
    pub final_yeh: bool,
}

impl Unit {
    pub(super) fn key(&self) -> Option<char> {
        match self.kind {
            Kind::Letter(k) => Some(k),
            _ => None,
        }
    }
}

/// Whether `c` separates units without being one.
pub(super) fn is_gap(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn is_run_char(c: char) -> bool {
    c.is_alphanumeric() && key_letter(c).is_none()
}

/// The units of `line`, in the order they are stored.
pub(super) fn units(line: &str) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut gap = false;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let end = at + c.len_utf8();
        if is_gap(c) {
            gap = true;
            continue;
        }
        if is_mark(c)
            && let Some(last) = out.last_mut().filter(|u| u.range.end == at)
        {
            last.range.end = end;
            continue;
        }
        let (kind, end) = if let Some(k) = key_letter(c) {
            (Kind::Letter(k), end)
        } else if is_run_char(c) {
            let mut end = end;
            while let Some(&(next_at, next)) = chars.peek() {
                // A decimal point or separator between digits stays inside the run.
                let joins = is_run_char(next) || is_mark(next);
                if !joins {
                    break;
                }
                end = next_at + next.len_utf8();
                chars.next();
            }
            (Kind::Run, end)
        } else {
            (Kind::Punct, end)
        };
        out.push(Unit { kind, range: at..end, gap_before: gap && !out.is_empty(), final_yeh: c == '\u{064A}' });
        gap = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_punctuation_and_runs() {
        let line = "از 2021 (INTERPOL) .تیامن";
        let got: Vec<(&str, bool)> = units(line).iter().map(|u| (&line[u.range.clone()], u.gap_before)).collect();
        assert_eq!(
            got,
            [
                ("ا", false),
                ("ز", false),
                ("2021", true),
                ("(", true),
                ("INTERPOL", false),
                (")", false),
                (".", true),
                ("ت", false),
                ("ی", false),
                ("ا", false),
                ("م", false),
                ("ن", false),
            ]
        );
    }

    #[test]
    fn marks_stay_with_their_letter() {
        let line = "كُتُب";
        let got: Vec<&str> = units(line).iter().map(|u| &line[u.range.clone()]).collect();
        assert_eq!(got, ["كُ", "تُ", "ب"]);
    }
}
