//! Repair of lines in broken visual order (PDF extraction damage): the
//! stored line is read back into logical order, and every byte of the reading
//! maps back to the stored bytes. The stored text is never changed.
//!
//! Persian and Arabic text taken from PDFs often comes out cut into pieces,
//! each piece in reading order inside but the pieces written last first (see
//! `broken_order` for the detector). In the heavy form the pieces are tiny
//! (cuts at `ی`, `ها`, spaces, punctuation: `تیامن` for `امنیت`); in the light
//! form a line is a few long pieces, cut where a half-space belonged, so the
//! line's start lands at its end. Spaces where pieces meet are unreliable.
//!
//! ```
//! use diplomap::text::repair::{Vocabulary, repair_line};
//! let vocab = Vocabulary::bundled_ref();
//! let line = repair_line(" .تیامن نیتأم", vocab);
//! assert!(line.repaired);
//! assert_eq!(line.text, "تأمین امنیت.");
//! // The word «امنیت» was read from three pieces of the stored line:
//! // «امن» (bytes 6..12), «ی» (4..6), «ت» (2..4).
//! assert_eq!(line.map.original_ranges(11..21), [6..12, 4..6, 2..4]);
//! // A well-formed line is left exactly as it is.
//! let clean = repair_line("تأمین امنیت ملی.", vocab);
//! assert!(!clean.repaired);
//! assert_eq!(clean.text, "تأمین امنیت ملی.");
//! ```
//!
//! How: the line is cut into units (letters, punctuation marks, runs of digits
//! or Latin) with its gaps set aside; a beam search (`search`) finds the
//! cheapest reading — which pieces, in which order, split into which words —
//! scored by word costs from a [`Vocabulary`] (bundled Persian and Arabic
//! frequency lists plus the corpus's clean text), a cost per cut (dearer
//! between two words the corpus puts side by side; in the light form, inside
//! a word only where a known word is left on one side), costs for spaces that
//! a reading ignores, and in the light form for two pieces meeting between
//! words rather than where a half-space was lost. The stored order is scored
//! the same way; the
//! gain over it per letter and the share of letters in known words give the
//! line's confidence. Below [`THRESHOLD`] the line stays as stored. The reading
//! is re-spaced (`assemble`): gaps inside a piece are kept, pieces that meet
//! inside a word are joined (with a half-space where the vocabulary writes
//! one), words that meet at a cut get one space. A line cut once can start at
//! any gap between the same words: a document's lines choose together where
//! (`boundary`).

mod assemble;
mod boundary;
mod letters;
mod map;
mod reading;
mod search;
#[cfg(test)]
mod tests;
mod units;
mod vocab;

pub use map::{ByteMap, MapRun};
pub use reading::{ReadBackLine, ReadingLine, ReadingText};
pub use vocab::Vocabulary;

use super::lang;

/// The confidence a reading needs to replace the stored order.
pub const THRESHOLD: f32 = 0.5;

/// The confidence needed when the only sign of damage is unknown letters.
pub const STRICT_THRESHOLD: f32 = 0.9;

/// One line read in logical order.
#[derive(Debug, Clone, PartialEq)]
pub struct RepairedLine {
    /// The reading: the stored line itself unless `repaired`.
    pub text: String,
    /// Whether the reading differs from the stored order.
    pub repaired: bool,
    /// How sure the repair is that `text` is in logical order, 0..=1.
    pub confidence: f32,
    /// The line looks damaged but no reading was confident enough: it is shown
    /// as stored, with the damage marker.
    pub unrepaired: bool,
    /// Reading bytes → bytes of the stored line.
    pub map: ByteMap,
}

impl RepairedLine {
    fn unchanged(line: &str, confidence: f32) -> RepairedLine {
        RepairedLine {
            text: line.to_owned(),
            repaired: false,
            confidence,
            unrepaired: super::broken_order::line_is_broken(line),
            map: ByteMap::identity(line.len(), 0),
        }
    }
}

/// Reads one stored line (without its line break) in logical order, on its
/// own (a document's lines are read together: [`ReadingText::new`]).
pub fn repair_line(line: &str, vocab: &Vocabulary) -> RepairedLine {
    let mut choices = choices_of(line, None, vocab);
    let cheapest = choices.iter().enumerate().min_by(|a, b| a.1.cost.total_cmp(&b.1.cost)).map_or(0, |(k, _)| k);
    choices.swap_remove(cheapest).line
}

/// The ways to read one stored line: the stored line itself, or its best
/// reading and, for a reading of two pieces, the same words with the line's
/// boundary elsewhere (see `boundary`), the best reading first. `document`
/// is the language of the text the line is part of, if known.
fn choices_of(line: &str, document: Option<super::Lang>, vocab: &Vocabulary) -> Vec<boundary::Choice> {
    let lang = lang::detect_within(line, document);
    let as_stored = |confidence: f32| vec![boundary::Choice::new(RepairedLine::unchanged(line, confidence), lang, 0.0)];
    let Some(lexicon) = lang.and_then(|lang| vocab.lexicon(lang)) else {
        return as_stored(1.0);
    };
    let persian = lang == Some(super::Lang::Fa);
    let units = units::units(line);
    let letters = units.iter().filter(|u| u.key().is_some()).count();
    if letters < 3 {
        return as_stored(1.0);
    }
    let light = !super::broken_order::line_is_broken(line);
    let query = search::Query { persian, identity_only: true, light };
    let Some(stored) = search::best_reading(&units, lexicon, query) else {
        return as_stored(1.0);
    };
    // Only a line that shows damage is searched: the detector flags it (the
    // heavy form), or its stored reading starts with a suffix or ends with a
    // prefix (the light form), or it holds a stretch of unknown letters; the
    // last must then be read in known words only, and with more confidence.
    // Clean text with rare words is not rearranged.
    if !persian {
        return as_stored(1.0);
    }
    let wraps = wraps_into_word(&units, lexicon);
    let shows_damage = super::broken_order::line_is_broken(line) || has_bound_edge(line, &units, &stored) || wraps;
    // (A line with digits in it — a table of contents, a reference — is not
    // searched on unknown letters alone: names and numbers there are no sign.)
    let has_run = units.iter().any(|u| u.kind == units::Kind::Run);
    if !shows_damage && (stray_letters(line, &units, &stored) == 0 || has_run) {
        return as_stored(1.0);
    }
    let Some(best) = search::best_reading(&units, lexicon, search::Query { identity_only: false, ..query }) else {
        return as_stored(1.0);
    };
    if best.is_identity() || (!shows_damage && unknown_letters(&best) > 0) {
        return as_stored(1.0);
    }
    // A word split across the line's two ends is read as two words in the
    // stored order, each of them well formed: the split is what it costs.
    let stored_cost = stored.cost + if wraps { search::BOUND_EDGE } else { 0.0 };
    let confidence = confidence(&best, stored_cost, letters);
    let threshold = if shows_damage { THRESHOLD } else { STRICT_THRESHOLD };
    if confidence < threshold {
        return as_stored(1.0 - confidence);
    }
    let query = search::Query { identity_only: false, ..query };
    boundary::rotations(&units, lexicon, query, best)
        .into_iter()
        .map(|(reading, cost)| {
            let (text, map) = assemble::assemble(line, &units, &reading, lexicon);
            boundary::Choice::new(RepairedLine { text, repaired: true, confidence, unrepaired: false, map }, lang, cost)
        })
        .collect()
}

/// Whether the reading starts with a word a Persian line does not start with,
/// or ends with one it does not end with.
fn has_bound_edge(line: &str, units: &[units::Unit], reading: &search::Reading) -> bool {
    let word = |token: Option<&search::Token>| -> String {
        token
            .map(|t| {
                t.segments
                    .iter()
                    .flat_map(|&(a, b)| a..b)
                    .map(|u| line[units[u as usize].range.clone()].replace('\u{064A}', "\u{06CC}"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let first = word(reading.tokens.iter().find(|t| matches!(t.kind, search::TokenKind::Word { .. })));
    let last = word(reading.tokens.iter().rev().find(|t| !matches!(t.kind, search::TokenKind::Punct)));
    // A verb may open a line that goes on from the one before; it is a sign
    // only together with the bare `می` it lost at the line's end.
    let ends_bound = search::BOUND_END.contains(&last.as_str());
    let verb = BOUND_VERBS.contains(&first.as_str());
    (search::BOUND_START.contains(&first.as_str()) && !verb) || ends_bound
}

/// Whether the line's last word and its first, in that order, make one word
/// that takes a half-space exactly where they meet («دست» … «کم»: «دست‌کم»):
/// the light form cut at the half-space and wrote the line's start last.
fn wraps_into_word(units: &[units::Unit], lexicon: &vocab::Lexicon) -> bool {
    let is_letter = |u: &units::Unit| u.key().is_some();
    let first_end = units.iter().skip(1).position(|u| u.gap_before || !is_letter(u)).map_or(units.len(), |i| i + 1);
    let last_start = units
        .iter()
        .rposition(|u| u.gap_before || !is_letter(u))
        .map_or(0, |i| if is_letter(&units[i]) { i } else { i + 1 });
    let (first, last) = (&units[..first_end], &units[last_start..]);
    if first.is_empty() || last.is_empty() || last_start < first_end || !first.iter().chain(last).all(is_letter) {
        return false;
    }
    let key: Vec<char> = last.iter().chain(first).filter_map(units::Unit::key).collect();
    lexicon.lookup(&key).is_some_and(|(_, zwnj)| zwnj & (1 << (last.len() - 1).min(31)) != 0)
}

/// Verbs among the words a Persian line does not start with (see `has_bound_edge`).
const BOUND_VERBS: &[&str] = &["گذارد", "گذارند", "کند", "کنند", "شود", "شوند"];

/// Letters of `reading` in stretches not in the vocabulary.
fn unknown_letters(reading: &search::Reading) -> usize {
    reading
        .tokens
        .iter()
        .filter(|t| t.kind == search::TokenKind::Unknown)
        .map(|t| t.segments.iter().map(|&(a, b)| (b - a) as usize).sum::<usize>())
        .sum()
}

/// Letters of the stored reading in unknown stretches that are a sign of
/// damage: a stretch that is a whole word of the line (gaps or punctuation on
/// both sides) and a known Persian word (the bare `آ` of «پانته آ») is no sign.
fn stray_letters(line: &str, units: &[units::Unit], stored: &search::Reading) -> usize {
    let letter = |u: usize| units.get(u).is_some_and(|u| u.key().is_some());
    stored
        .tokens
        .iter()
        .filter(|t| t.kind == search::TokenKind::Unknown)
        .flat_map(|t| t.segments.iter().copied())
        .map(|(a, b)| (a as usize, b as usize))
        .filter(|&(a, b)| {
            let whole = (a == 0 || units[a].gap_before || !letter(a - 1))
                && (b >= units.len() || units[b].gap_before || !letter(b));
            let word = &line[units[a].range.start..units[b - 1].range.end];
            !(whole && super::broken_order::is_known_word(word))
        })
        .map(|(a, b)| b - a)
        .sum()
}

/// How much better `best` reads than the stored order, 0..=1: from the gain
/// (in nats, and per letter), discounted by the share of letters left in
/// unknown stretches.
fn confidence(best: &search::Reading, stored_cost: f32, letters: usize) -> f32 {
    let gain = (stored_cost - best.cost).max(0.0);
    let per_letter = gain / letters as f32;
    let unknown = unknown_letters(best);
    let known = 1.0 - unknown as f32 / letters as f32;
    known * (1.0 - (-gain / 4.0).exp()).max(1.0 - (-per_letter / 0.3).exp())
}
