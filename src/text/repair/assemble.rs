//! A reading put into words: the units in reading order, with the gaps the
//! stored line had inside a piece, nothing where pieces meet inside a word (a
//! half-space where the vocabulary writes one), one space where words meet.

use super::map::ByteMap;
use super::search::{Reading, TokenKind};
use super::units::{Kind, Unit};
use super::vocab::Lexicon;

const ZWNJ: &str = "\u{200C}";

/// Marks that close on the word before them.
fn closes(text: &str) -> bool {
    matches!(text, "." | "،" | "," | "؛" | ";" | ":" | "؟" | "?" | "!" | ")" | "]" | "}" | "»" | "…")
}

/// Marks that open on the word after them.
fn opens(text: &str) -> bool {
    matches!(text, "(" | "[" | "{" | "«")
}

/// Words written after a half-space when a cut separated them from the word before.
const SUFFIXES: &[&str] = &["ها", "های", "هایی", "ترین", "تر", "ای", "اي", "ام", "اند", "ایم"];
/// Words written before a half-space when a cut separated them from the word after.
const PREFIXES: &[&str] = &["می", "مي", "نمی", "نمي"];

pub(super) fn assemble(line: &str, units: &[Unit], reading: &Reading, _lexicon: &Lexicon) -> (String, ByteMap) {
    let mut text = String::with_capacity(line.len() + 8);
    let mut map = ByteMap::default();
    let mut prev: Option<(usize, usize)> = None; // (unit index, token index)
    let token_text = |t: usize| -> String {
        reading.tokens[t]
            .segments
            .iter()
            .flat_map(|&(a, b)| a..b)
            .map(|u| &line[units[u as usize].range.clone()])
            .collect()
    };
    for (ti, token) in reading.tokens.iter().enumerate() {
        let mut letter = 0usize;
        for &(a, b) in &token.segments {
            for u in a as usize..b as usize {
                let unit = &units[u];
                if let Some((pu, pt)) = prev {
                    let adjacent = pu + 1 == u;
                    let gap = if adjacent {
                        units[pu].range.end..unit.range.start
                    } else {
                        unit.range.start..unit.range.start
                    };
                    let same_token = pt == ti;
                    if same_token {
                        let zwnj = match token.kind {
                            TokenKind::Word { zwnj } => letter > 0 && letter <= 32 && zwnj & (1 << (letter - 1)) != 0,
                            _ => false,
                        };
                        let zwnj = zwnj || (!adjacent && half_space_at(line, units, token, letter));
                        if zwnj {
                            push_gap(&mut text, &mut map, line, gap.clone(), ZWNJ);
                        } else if adjacent && !gap.is_empty() && !matches!(token.kind, TokenKind::Word { .. }) {
                            push_gap(&mut text, &mut map, line, gap.clone(), " ");
                        }
                    } else if adjacent {
                        if !gap.is_empty() {
                            let kept = if line[gap.clone()].contains('\u{200C}') { ZWNJ } else { " " };
                            push_gap(&mut text, &mut map, line, gap.clone(), kept);
                        }
                    } else {
                        let before = token_text(pt);
                        let after = token_text(ti);
                        let between = if closes(&after) || opens(&before) {
                            ""
                        } else if is_letters(&reading.tokens[pt].kind)
                            && is_letters(&token.kind)
                            && (SUFFIXES.contains(&after.as_str()) || PREFIXES.contains(&before.as_str()))
                        {
                            ZWNJ
                        } else {
                            " "
                        };
                        push_gap(&mut text, &mut map, line, unit.range.start..unit.range.start, between);
                    }
                }
                let start = text.len();
                text.push_str(&line[unit.range.clone()]);
                map.copy(start..text.len(), unit.range.clone());
                if matches!(unit.kind, Kind::Letter(_)) {
                    letter += 1;
                }
                prev = Some((u, ti));
            }
        }
    }
    (text, map)
}

fn is_letters(kind: &TokenKind) -> bool {
    matches!(kind, TokenKind::Word { .. } | TokenKind::Unknown)
}

/// Writes `wanted` for the stored gap `gap`: copied (and mapped) when the
/// stored gap is exactly that, else inserted.
fn push_gap(text: &mut String, map: &mut ByteMap, line: &str, gap: std::ops::Range<usize>, wanted: &str) {
    if wanted.is_empty() {
        return;
    }
    let start = text.len();
    text.push_str(wanted);
    if let Some(at) = line[gap.clone()].find(wanted) {
        let from = gap.start + at;
        map.copy(start..text.len(), from..from + wanted.len());
    } else {
        map.insert(start..text.len(), gap.start);
    }
}

/// Whether a cut inside a word at its letter `at` is where a half-space was
/// lost: before a suffix (`ها`, `های`, `ترین`) or after `می`/`نمی`.
fn half_space_at(line: &str, units: &[Unit], token: &super::search::Token, at: usize) -> bool {
    let letters: Vec<&str> = token
        .segments
        .iter()
        .flat_map(|&(a, b)| a..b)
        .map(|u| &units[u as usize])
        .filter(|u| matches!(u.kind, Kind::Letter(_)))
        .map(|u| &line[u.range.clone()])
        .collect();
    if at == 0 || at >= letters.len() {
        return false;
    }
    let fold = |parts: &[&str]| -> String { parts.concat().replace('\u{064A}', "\u{06CC}") };
    let (head, tail) = (fold(&letters[..at]), fold(&letters[at..]));
    const TAILS: &[&str] = &["ها", "های", "هایی", "ترین", "تر"];
    TAILS.contains(&tail.as_str()) || PREFIXES.contains(&head.as_str())
}
