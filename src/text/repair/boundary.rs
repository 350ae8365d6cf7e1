//! Where a line read back in two pieces starts and ends, chosen for the text
//! as a whole.
//!
//! A line of the light form cut once reads `S[c..] S[..c]`; moving the cut
//! `c` to another gap between the same tokens reads the same words, only the
//! line starts and ends elsewhere. Inside the line nothing tells these
//! readings apart but the cut itself (its cost, the pair of words it breaks,
//! a word a line does not start or end with); what does is the lines around
//! it: the pair the line's last word makes with the next line's first, and
//! its first word with the line before, seen elsewhere in the corpus. So a
//! line gets its choices ([`rotations`]: one for most lines), and the lines
//! take the choices that read best together ([`choose`], a Viterbi pass over
//! the chain of lines).

use super::RepairedLine;
use super::letters::{is_mark, key_letter};
use super::search::{self, BOUND_EDGE, BOUND_END, BOUND_START, Query, Reading, Token, TokenKind};
use super::units::{Unit, is_gap};
use super::vocab::{Lexicon, NodeId, ROOT, Vocabulary};
use crate::text::Lang;

/// What a pair of words seen `count` times elsewhere is worth across a line
/// break, per nat of the count, and the most it is worth.
const PAIR_ACROSS_LINES: f32 = 1.5;
const MAX_PAIR_ACROSS_LINES: f32 = 6.0;

/// One way to read a line.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    pub line: RepairedLine,
    /// The language whose words the line is scored against.
    pub lang: Option<Lang>,
    /// What the choice costs beside the others of its line.
    pub cost: f32,
    /// The folded letters of the reading's first and last words (empty when
    /// the reading starts or ends with something else).
    first: Vec<char>,
    last: Vec<char>,
}

impl Choice {
    pub(super) fn new(line: RepairedLine, lang: Option<Lang>, cost: f32) -> Choice {
        let word = |w: Option<&str>| -> Vec<char> {
            w.filter(|w| w.chars().all(|c| key_letter(c).is_some() || is_mark(c)))
                .map(|w| w.chars().filter_map(key_letter).collect())
                .unwrap_or_default()
        };
        let mut words = line.text.split(is_gap).filter(|w| !w.is_empty());
        let first = word(words.next());
        let last = word(line.text.split(is_gap).rfind(|w| !w.is_empty()));
        Choice { line, lang, cost, first, last }
    }
}

/// `reading` (of two pieces) and the same tokens with the line's boundary at
/// each other gap where the stored line may be cut, each with what its cut
/// costs; `reading` first. A reading of more pieces has only itself.
pub(super) fn rotations(units: &[Unit], lexicon: &Lexicon, query: Query, reading: Reading) -> Vec<(Reading, f32)> {
    let count = reading.tokens.len();
    if reading.pieces != 2 || count < 2 {
        return vec![(reading, 0.0)];
    }
    let cut_cost = search::cut_costs(units, lexicon, query);
    let bound_start = lexicon.nodes_of(BOUND_START);
    let bound_end = lexicon.nodes_of(BOUND_END);
    let edge = |token: &Token, bound: &[NodeId]| {
        let node = node_of(units, lexicon, token);
        if node.is_some_and(|n| bound.contains(&n)) { BOUND_EDGE } else { 0.0 }
    };
    // The reading rotated to start at token `i`, read `S[cut..] S[..cut]`
    // (the token across the seam, from `S`'s end into its start, may be first).
    let cost_from = |i: usize| -> Option<f32> {
        let (first, last) = (&reading.tokens[i], &reading.tokens[(i + count - 1) % count]);
        let cut = first.segments.first()?.0 as usize;
        let adjacent = last.segments.last().map(|s| s.1 as usize) == Some(cut);
        let valid = cut > 0 && adjacent && (i == 0 || units[cut].gap_before);
        let cost = cut_cost.get(cut)? + edge(first, &bound_start) + edge(last, &bound_end);
        (valid && cost.is_finite()).then_some(cost)
    };
    let Some(stays) = cost_from(0) else { return vec![(reading, 0.0)] };
    let others: Vec<(usize, f32)> = (1..count).filter_map(|i| Some((i, cost_from(i)?))).collect();
    let mut out = Vec::with_capacity(others.len() + 1);
    for &(i, cost) in &others {
        let mut tokens = reading.tokens.clone();
        tokens.rotate_left(i);
        out.push((Reading { tokens, cost: reading.cost - stays + cost, pieces: 2 }, cost - stays));
    }
    out.insert(0, (reading, 0.0));
    out
}

/// The trie node of a word token (`None` for other tokens).
fn node_of(units: &[Unit], lexicon: &Lexicon, token: &Token) -> Option<NodeId> {
    if !matches!(token.kind, TokenKind::Word { .. }) {
        return None;
    }
    let mut node = ROOT;
    for unit in token.segments.iter().flat_map(|&(a, b)| a..b) {
        node = lexicon.child(node, units.get(unit as usize)?.key()?)?;
    }
    Some(node)
}

/// Which choice each line takes: the cheapest chain, where a line's choice
/// costs what it costs among its line's, less what the pair across the break
/// to the line before is worth. A line follows the nearest line with text
/// before it, one empty line skipped (a page break often leaves one inside
/// a sentence); lines further apart are read apart.
pub(super) fn choose(lines: &[Vec<Choice>], vocab: &Vocabulary) -> Vec<usize> {
    let before: Vec<Option<usize>> = (0..lines.len()).map(|i| line_before(lines, i)).collect();
    let mut best: Vec<Vec<(f32, usize)>> = Vec::with_capacity(lines.len());
    for (i, choices) in lines.iter().enumerate() {
        let row = choices
            .iter()
            .map(|choice| match before[i] {
                None => (choice.cost, 0),
                Some(p) => lines[p]
                    .iter()
                    .zip(&best[p])
                    .enumerate()
                    .map(|(k, (prev, &(so_far, _)))| (so_far + choice.cost - across(prev, choice, vocab), k))
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .unwrap_or((choice.cost, 0)),
            })
            .collect();
        best.push(row);
    }
    let mut picked = vec![0; lines.len()];
    let mut followed = vec![false; lines.len()];
    for p in before.iter().flatten() {
        followed[*p] = true;
    }
    // Each chain read back from its last line.
    for end in (0..lines.len()).rev().filter(|&i| !followed[i]) {
        let cheapest = best[end].iter().enumerate().min_by(|a, b| a.1.0.total_cmp(&b.1.0)).map_or(0, |(k, _)| k);
        let (mut at, mut k) = (end, cheapest);
        loop {
            picked[at] = k;
            let Some(p) = before[at] else { break };
            k = best[at].get(k).map_or(0, |&(_, back)| back);
            at = p;
        }
    }
    picked
}

/// The line `i` follows (see [`choose`]).
fn line_before(lines: &[Vec<Choice>], i: usize) -> Option<usize> {
    let has_text = |k: usize| lines[k].first().is_some_and(|c| !c.line.text.trim().is_empty());
    if !has_text(i) {
        return None;
    }
    match i {
        0 => None,
        1 => has_text(0).then_some(0),
        _ if has_text(i - 1) => Some(i - 1),
        _ => has_text(i - 2).then_some(i - 2),
    }
}

/// What the pair of `before`'s last word and `after`'s first is worth.
fn across(before: &Choice, after: &Choice, vocab: &Vocabulary) -> f32 {
    if before.last.is_empty() || after.first.is_empty() || before.lang != after.lang {
        return 0.0;
    }
    let Some(lexicon) = after.lang.and_then(|lang| vocab.lexicon(lang)) else { return 0.0 };
    let count = lexicon.pair_count(&before.last, &after.first);
    (PAIR_ACROSS_LINES * (count as f32).ln_1p()).min(MAX_PAIR_ACROSS_LINES)
}
