//! The search for the best reading of a line: which pieces the line was cut
//! into and how the reading splits into words, scored by word costs.
//!
//! The stored line `S` is the logical line's pieces written last first, so the
//! logical line reads the last piece of `S`, then the piece before it, and so
//! on: `L = S[s1..n] S[s2..s1] … S[0..sk]`. A state is `(s, p, e)`: the piece
//! being read is `S[s..e]`, read up to `p`; everything after `e` is read, and
//! what remains is `S[p..e]` and then the pieces of `S[0..s]`. The search goes
//! token by token (a word of the vocabulary, possibly across pieces, a
//! punctuation mark, a run of digits or Latin, or an unknown stretch of letters
//! inside a piece), keeping the cheapest states for each count of units read.

use std::collections::HashMap;

use super::units::{Kind, Unit};
use super::vocab::{Lexicon, NodeId, ROOT};

/// The cost of a cut right before or after a `ی`, before `ها`, or at a gap or
/// punctuation mark: where the damage usually cuts.
const CUT: f32 = 1.5;
/// The cost of a cut anywhere else.
const ODD_CUT: f32 = 6.0;
/// In the light form, a cut inside a run of letters that leaves a known word
/// on one side (see `splits_into_words`); other cuts inside words are not tried.
const WORD_CUT: f32 = 3.0;
/// A word that takes in a space the line had inside one piece.
const INNER_GAP: f32 = 6.0;
/// Two tokens that follow each other in one piece with no space between them.
const JOIN_NO_GAP: f32 = 6.0;
const PUNCT: f32 = 3.0;
const RUN: f32 = 6.0;
const UNKNOWN_BASE: f32 = 14.0;
const UNKNOWN_LETTER: f32 = 4.0;
const MAX_UNKNOWN: usize = 16;
const MAX_WORD: usize = 28;
/// A Persian word that goes on after an Arabic `ي` (the PDF's final glyph).
const YEH_INSIDE: f32 = 4.0;
/// A line whose reading starts with a suffix (`ها`, `ترین`) or ends with a
/// prefix (`می`): where the light form of the damage leaves them.
pub(super) const BOUND_EDGE: f32 = 8.0;
/// Words a Persian line does not start with.
pub(super) const BOUND_START: &[&str] = &[
    "ها",
    "های",
    "هایی",
    "ترین",
    "تری",
    "ند",
    "اند",
    "ای",
    "ام",
    "ات",
    "اش",
    "گذارد",
    "گذارند",
    "کند",
    "کنند",
    "شود",
    "شوند",
];
/// Words a Persian line does not end with.
pub(super) const BOUND_END: &[&str] = &["می", "نمی"];
/// The most a suffix costs written solid after its word.
const SOLID_SUFFIX: f32 = 3.0;
/// Persian words written solid after the word before them (suffixes).
const FA_SUFFIXES: &[&str] =
    &["ها", "های", "هایی", "ترین", "تر", "ای", "ام", "ات", "اش", "مان", "تان", "شان", "اند", "ایم", "اید", "ی"];
/// Persian words written solid before the word after them (prefixes).
const FA_PREFIXES: &[&str] = &["می", "نمی"];
/// Arabic clitics written solid after a word.
const AR_SUFFIXES: &[&str] = &[
    "ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني", "ية", "ات", "ون", "ين", "ان", "تين", "تان",
];
/// Arabic clitics written solid before a word.
const AR_PREFIXES: &[&str] = &["و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "فال", "كال", "لل", "ولل", "س"];
/// The cost of a cut between two words seen side by side elsewhere, per nat
/// of their count, and its most.
const PAIR_BREAK: f32 = 3.0;
const MAX_PAIR_BREAK: f32 = 6.0;
/// In a line of the light form (not flagged by the detector), two pieces
/// that meet between words rather than inside one.
const WORD_SEAM: f32 = 4.0;
/// States kept for each count of units read.
const BEAM: usize = 24;

/// What a token of a reading is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum TokenKind {
    /// A word of the vocabulary; its half-spaces (bit i: after letter i).
    Word {
        zwnj: u32,
    },
    Unknown,
    Punct,
    Run,
}

/// A token of the best reading: its kind and its units as ranges of stored
/// unit indices, in reading order.
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub kind: TokenKind,
    pub segments: Vec<(u16, u16)>,
}

/// The best reading of a line.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub tokens: Vec<Token>,
    pub cost: f32,
    pub pieces: usize,
}

impl Reading {
    /// Whether the reading is the stored order.
    pub(super) fn is_identity(&self) -> bool {
        self.pieces <= 1
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct State {
    s: u16,
    p: u16,
    e: u16,
}

/// A hasher for [`State`]s: three small numbers need no SipHash (a fifth of
/// the search's time went to it), a multiply spreads them well enough.
#[derive(Debug, Clone, Copy, Default)]
struct StateHasher;

impl std::hash::BuildHasher for StateHasher {
    type Hasher = StateHash;
    fn build_hasher(&self) -> StateHash {
        StateHash(0)
    }
}

struct StateHash(u64);

impl std::hash::Hasher for StateHash {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_right(29)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u16(u16::from(b));
        }
    }
    fn write_u16(&mut self, n: u16) {
        self.0 = (self.0 << 16) | u64::from(n);
    }
}

#[derive(Debug, Clone)]
struct Entry {
    state: State,
    cost: f32,
    pieces: u16,
    back: u32,
    kind: TokenKind,
    seg_start: u32,
    seg_len: u16,
    /// The word's trie node, for what may follow it solid.
    node: NodeId,
}

struct Search<'a> {
    units: &'a [Unit],
    lexicon: &'a Lexicon,
    n: usize,
    identity_only: bool,
    /// The cost of two pieces meeting between words (see [`WORD_SEAM`]).
    word_seam: f32,
    /// Extra cost of a cut before each unit index (a piece starting there).
    cut_cost: Vec<f32>,
    entries: Vec<Entry>,
    segments: Vec<(u16, u16)>,
    layers: Vec<Vec<u32>>,
    /// Per layer: where each state's entry is in `layers`.
    index: Vec<HashMap<State, usize, StateHasher>>,
    path: Vec<(u16, u16)>,
    /// Whether the token being expanded follows the one before solid, and that one's node.
    solid: bool,
    prev_node: NodeId,
    /// Whether `ي` marks a word's end (Persian).
    final_yeh: bool,
    bound_start: Vec<NodeId>,
    bound_end: Vec<NodeId>,
    suffixes: Vec<NodeId>,
    prefixes: Vec<NodeId>,
}

const NO_NODE: NodeId = NodeId::MAX;

/// What a search is asked for, beside the line's units.
#[derive(Debug, Clone, Copy)]
pub(super) struct Query {
    pub persian: bool,
    /// Keep the stored order (one piece) and only split it into words, which
    /// gives the cost to beat.
    pub identity_only: bool,
    /// The line is of the light form (not flagged by the detector).
    pub light: bool,
}

/// The best reading of `units` for `query`.
pub(super) fn best_reading(units: &[Unit], lexicon: &Lexicon, query: Query) -> Option<Reading> {
    let Query { persian, identity_only, light } = query;
    let n = units.len();
    if n == 0 || n >= u16::MAX as usize {
        return None;
    }
    let cut_cost = cut_costs(units, lexicon, query);
    let mut search = Search {
        units,
        lexicon,
        n,
        identity_only,
        word_seam: if light { WORD_SEAM } else { 0.0 },
        cut_cost,
        entries: Vec::new(),
        segments: Vec::new(),
        layers: vec![Vec::new(); n + 1],
        index: vec![HashMap::default(); n + 1],
        path: Vec::new(),
        solid: false,
        prev_node: NO_NODE,
        final_yeh: persian,
        bound_start: if persian { lexicon.nodes_of(BOUND_START) } else { Vec::new() },
        bound_end: if persian { lexicon.nodes_of(BOUND_END) } else { Vec::new() },
        suffixes: lexicon.nodes_of(if persian { FA_SUFFIXES } else { AR_SUFFIXES }),
        prefixes: lexicon.nodes_of(if persian { FA_PREFIXES } else { AR_PREFIXES }),
    };
    let start = State { s: n as u16, p: n as u16, e: n as u16 };
    search.entries.push(Entry {
        state: start,
        cost: 0.0,
        pieces: 0,
        back: u32::MAX,
        kind: TokenKind::Punct,
        seg_start: 0,
        seg_len: 0,
        node: NO_NODE,
    });
    search.layers[0].push(0);
    for t in 0..n {
        let mut layer = std::mem::take(&mut search.layers[t]);
        layer.sort_by(|&a, &b| {
            let (a, b) = (&search.entries[a as usize], &search.entries[b as usize]);
            a.cost
                .total_cmp(&b.cost)
                .then_with(|| (a.state.s, a.state.p, a.state.e).cmp(&(b.state.s, b.state.p, b.state.e)))
        });
        layer.truncate(BEAM);
        for &at in &layer {
            search.expand(at, t);
        }
        search.index[t].clear();
    }
    let best = search.layers[n]
        .iter()
        .copied()
        .min_by(|&a, &b| search.entries[a as usize].cost.total_cmp(&search.entries[b as usize].cost))?;
    Some(search.reading(best))
}

/// The cost of a cut before each unit (and at the line's end). The light
/// form is cut where a half-space was lost, at gaps and punctuation, next to
/// a `ی`: a cut inside a word elsewhere is not tried (infinite).
pub(super) fn cut_costs(units: &[Unit], lexicon: &Lexicon, query: Query) -> Vec<f32> {
    (0..=units.len())
        .map(|at| {
            let odd = if !query.light {
                ODD_CUT
            } else if splits_into_words(units, at, lexicon) {
                WORD_CUT
            } else {
                f32::INFINITY
            };
            cut_cost_at(units, at, query.persian, odd) + pair_break_cost(units, at, lexicon)
        })
        .collect()
}

/// Where the damage usually cuts: after a `ی`/`ي`, before `ها`, next to a gap
/// or a punctuation mark, at the line's ends.
fn cut_cost_at(units: &[Unit], at: usize, persian: bool, odd_cut: f32) -> f32 {
    if at == 0 || at >= units.len() {
        return 0.0;
    }
    let (before, after) = (&units[at - 1], &units[at]);
    let ye = |u: &Unit| u.key() == Some('\u{06CC}');
    let persian_cut =
        ye(before) || ye(after) || (after.key() == Some('ه') && units.get(at + 1).and_then(Unit::key) == Some('ا'));
    let natural = after.gap_before
        || (persian && persian_cut)
        || !matches!(before.kind, Kind::Letter(_))
        || !matches!(after.kind, Kind::Letter(_));
    if natural { CUT } else { odd_cut }
}

/// Whether a cut at `at` inside a run of letters leaves a known word on one
/// side of it, up to the run's end: where the light form glued the end of one
/// piece to the start of another («دولت|مدرن», «بین|خارجی»).
fn splits_into_words(units: &[Unit], at: usize, lexicon: &Lexicon) -> bool {
    if at == 0 || at >= units.len() {
        return false;
    }
    let (start, end) = letters_around(units, at);
    let word = |range: std::ops::Range<usize>| -> bool {
        let key: Vec<char> = units[range].iter().filter_map(Unit::key).collect();
        key.len() >= 2 && lexicon.lookup(&key).is_some()
    };
    start < at && at < end && (word(start..at) || word(at..end))
}

/// The run of letters with no gap in it around the junction before unit
/// `at`: from its first unit to past its last.
pub(super) fn letters_around(units: &[Unit], at: usize) -> (usize, usize) {
    let is_letter = |u: &Unit| matches!(u.kind, Kind::Letter(_));
    let mut start = at;
    while start > 0 && is_letter(&units[start - 1]) && !units[start].gap_before {
        start -= 1;
    }
    let mut end = at;
    while end < units.len() && is_letter(&units[end]) && (end == at || !units[end].gap_before) {
        end += 1;
    }
    (start, end)
}

/// The cost of a cut at a space between two words the corpus puts side by
/// side elsewhere too (the pair seen more than once): a cut separates words
/// the stored line has side by side, and a common pair («که برای», «موضوع
/// امنیت») is far likelier one piece than two.
fn pair_break_cost(units: &[Unit], at: usize, lexicon: &Lexicon) -> f32 {
    if at == 0 || at >= units.len() || !units[at].gap_before {
        return 0.0;
    }
    let is_letter = |u: &Unit| matches!(u.kind, Kind::Letter(_));
    if !is_letter(&units[at - 1]) || !is_letter(&units[at]) {
        return 0.0;
    }
    let (start, _) = letters_around(units, at - 1);
    let (_, end) = letters_around(units, at);
    let first: Vec<char> = units[start..at].iter().filter_map(Unit::key).collect();
    let second: Vec<char> = units[at..end].iter().filter_map(Unit::key).collect();
    let elsewhere = lexicon.pair_count(&first, &second).saturating_sub(1);
    (PAIR_BREAK * (elsewhere as f32).ln_1p()).min(MAX_PAIR_BREAK)
}

impl Search<'_> {
    fn key(&self, at: usize) -> Option<char> {
        self.units[at].key()
    }

    /// The places the next unit can come from: the rest of the current piece, or
    /// (at its end) the start of any piece that ends where it starts.
    fn starts(&self, state: State) -> Vec<(State, f32)> {
        if state.p < state.e {
            return vec![(state, 0.0)];
        }
        if state.s == 0 {
            return Vec::new();
        }
        if self.identity_only {
            let first = state.e as usize == self.n;
            return if first { vec![(State { s: 0, p: 0, e: state.s }, 0.0)] } else { Vec::new() };
        }
        // A piece starting at s2 > 0 means a cut there, paid once, here.
        (0..state.s)
            .map(|s2| {
                let cost = if s2 == 0 { 0.0 } else { self.cut_cost[s2 as usize] };
                (State { s: s2, p: s2, e: state.s }, cost)
            })
            .filter(|(_, cost)| cost.is_finite())
            .collect()
    }

    fn expand(&mut self, at: u32, t: usize) {
        let entry = self.entries[at as usize].clone();
        let state = entry.state;
        for (start, cut) in self.starts(state) {
            let p = start.p as usize;
            let joined = start == state;
            let unit = &self.units[p];
            // A new token right after the previous one in the same piece.
            let solid = joined
                && p > start.s as usize
                && !unit.gap_before
                && matches!(unit.kind, Kind::Letter(_))
                && matches!(self.units[p - 1].kind, Kind::Letter(_));
            self.solid = solid;
            self.prev_node = entry.node;
            // Pieces of the light form meet where a half-space was lost,
            // inside a word; between words (punctuation aside) they rarely do.
            let seam = !joined && entry.kind != TokenKind::Punct && matches!(unit.kind, Kind::Letter(_));
            let base = entry.cost + cut + if seam { self.word_seam } else { 0.0 };
            let pieces = entry.pieces + u16::from(!joined);
            match unit.kind {
                Kind::Punct | Kind::Run => {
                    let cost = if unit.kind == Kind::Punct { PUNCT } else { RUN };
                    let kind = if unit.kind == Kind::Punct { TokenKind::Punct } else { TokenKind::Run };
                    self.path.clear();
                    let next = State { p: start.p + 1, ..start };
                    self.push(at, t, next, base, cost, pieces, kind, &[(start.p, start.p + 1)]);
                }
                Kind::Letter(_) => {
                    // Unknown stretches inside this piece.
                    let mut q = p;
                    while q < start.e as usize && q - p < MAX_UNKNOWN && self.key(q).is_some() {
                        if q > p && self.units[q].gap_before {
                            break;
                        }
                        q += 1;
                        let len = q - p;
                        let cost = UNKNOWN_BASE + UNKNOWN_LETTER * len as f32 + if solid { JOIN_NO_GAP } else { 0.0 };
                        let next = State { p: q as u16, ..start };
                        self.push(at, t, next, base, cost, pieces, TokenKind::Unknown, &[(start.p, q as u16)]);
                    }
                    self.path.clear();
                    self.walk(at, t, base, pieces, ROOT, start, start.p, 0, false);
                }
            }
        }
    }

    /// Walks the trie from `node` along the reading, jumping to the next piece
    /// at a piece's end, and pushes every word found. `seg` is where the
    /// current segment of the word began; `self.path` holds the finished ones.
    #[allow(clippy::too_many_arguments)]
    fn walk(
        &mut self,
        at: u32,
        t: usize,
        cost: f32,
        pieces: u16,
        node: NodeId,
        state: State,
        seg: u16,
        len: usize,
        prev_final: bool,
    ) {
        if len >= MAX_WORD {
            return;
        }
        if state.p < state.e {
            let p = state.p as usize;
            let Some(key) = self.key(p) else { return };
            let Some(child) = self.lexicon.child(node, key) else { return };
            let mut cost = cost;
            if len > 0 && p > seg as usize && self.units[p].gap_before {
                cost += INNER_GAP;
            }
            if prev_final {
                cost += YEH_INSIDE;
            }
            let final_here = self.final_yeh && self.units[p].final_yeh;
            let next = State { p: state.p + 1, ..state };
            let word = self.lexicon.cost(child);
            if word.is_finite() {
                self.path.push((seg, next.p));
                let segs = std::mem::take(&mut self.path);
                let mut word = word + self.edge_cost(at, t, child, &segs);
                if self.solid {
                    if self.suffixes.contains(&child) && segs.len() == 1 {
                        word = word.min(SOLID_SUFFIX);
                    } else if !self.prefixes.contains(&self.prev_node) {
                        word += JOIN_NO_GAP;
                    }
                }
                self.push_node(
                    at,
                    t,
                    next,
                    cost,
                    word,
                    pieces,
                    TokenKind::Word { zwnj: self.lexicon.zwnj(child) },
                    &segs,
                    child,
                );
                self.path = segs;
                self.path.pop();
            }
            self.walk(at, t, cost, pieces, child, next, seg, len + 1, final_here);
            return;
        }
        if self.identity_only || state.s == 0 {
            return;
        }
        self.path.push((seg, state.p));
        for (start, cut) in self.starts(state) {
            let Some(key) = self.key(start.p as usize) else { continue };
            if self.lexicon.child(node, key).is_none() {
                continue;
            }
            self.walk(at, t, cost + cut, pieces + 1, node, start, start.p, len, prev_final);
        }
        self.path.pop();
    }

    /// The cost of a word standing first or last in the line when it should not.
    fn edge_cost(&self, back: u32, t: usize, node: NodeId, segs: &[(u16, u16)]) -> f32 {
        let len: usize = segs.iter().map(|&(a, b)| (b - a) as usize).sum();
        let (first, last) = (back == 0, t + len == self.n);
        let mut cost = 0.0;
        if first && self.bound_start.contains(&node) {
            cost += BOUND_EDGE;
        }
        if last && self.bound_end.contains(&node) {
            cost += BOUND_EDGE;
        }
        cost
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        back: u32,
        t: usize,
        state: State,
        base: f32,
        token_cost: f32,
        pieces: u16,
        kind: TokenKind,
        segs: &[(u16, u16)],
    ) {
        self.push_node(back, t, state, base, token_cost, pieces, kind, segs, NO_NODE);
    }

    #[allow(clippy::too_many_arguments)]
    fn push_node(
        &mut self,
        back: u32,
        t: usize,
        state: State,
        base: f32,
        token_cost: f32,
        pieces: u16,
        kind: TokenKind,
        segs: &[(u16, u16)],
        node: NodeId,
    ) {
        let len: usize = segs.iter().map(|&(a, b)| (b - a) as usize).sum();
        let t2 = t + len;
        let cost = base + token_cost;
        let existing = self.index[t2].get(&state).copied();
        if let Some(slot) = existing
            && self.entries[self.layers[t2][slot] as usize].cost <= cost
        {
            return;
        }
        let seg_start = self.segments.len() as u32;
        self.segments.extend_from_slice(segs);
        let id = self.entries.len() as u32;
        self.entries.push(Entry { state, cost, pieces, back, kind, seg_start, seg_len: segs.len() as u16, node });
        match existing {
            Some(slot) => self.layers[t2][slot] = id,
            None => {
                self.index[t2].insert(state, self.layers[t2].len());
                self.layers[t2].push(id);
            }
        }
    }

    fn reading(&self, last: u32) -> Reading {
        let mut tokens = Vec::new();
        let mut at = last;
        let end = &self.entries[last as usize];
        while at != u32::MAX {
            let entry = &self.entries[at as usize];
            if entry.back == u32::MAX {
                break;
            }
            let segs = &self.segments[entry.seg_start as usize..entry.seg_start as usize + entry.seg_len as usize];
            tokens.push(Token { kind: entry.kind, segments: segs.to_vec() });
            at = entry.back;
        }
        tokens.reverse();
        Reading { tokens, cost: end.cost, pieces: end.pieces as usize }
    }
}
