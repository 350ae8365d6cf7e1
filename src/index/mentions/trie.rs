//! The trie of pattern keys (sequences of symbols), flattened for walking.
//!
//! Nodes are laid out depth first, so a node with one child (most of them:
//! the tails of long names) finds it right after itself and a walk down a
//! name reads memory in order. Nodes with many children (the root and the
//! first letters, where most walks end) keep a dense row indexed by symbol,
//! the others a short list. A node is eight bytes; whether patterns end at
//! it is a bit of the node, so they are looked up only there.

use super::symbols::Symbol;

/// Nodes with at least this many children get a dense row.
const DENSE_MIN_CHILDREN: usize = 4;

#[derive(Debug)]
pub(super) struct Trie {
    nodes: Vec<TrieNode>,
    /// Dense rows of `width` children each (0: none; node 0 is the root,
    /// never a child).
    rows: Vec<u32>,
    edge_symbols: Vec<Symbol>,
    edge_targets: Vec<u32>,
    /// Per node, where its patterns start in `pattern_ids` (one more entry
    /// at the end).
    pattern_starts: Vec<u32>,
    pattern_ids: Vec<u32>,
    /// The node two symbols below the root, by `first * width + second`
    /// (0: none): one look-up instead of two steps, where most walks end.
    /// Only for small alphabets and when no key is shorter than two.
    pairs: Option<Box<[u32]>>,
    /// A filter of the first three symbols of the keys, with the pairs: a
    /// bit per hashed triple, set when a key starts with it. A walk whose
    /// triple's bit is clear, and that passes no pattern within its first two
    /// symbols, ends there: known without reading the trie's nodes.
    triples: Box<[u64]>,
    width: usize,
}

/// Bits of the filter of triples (32 KB).
const TRIPLE_BITS: usize = 1 << 18;

/// The filter bit of a triple of symbols.
#[inline(always)]
fn triple_bit(width: usize, first: Symbol, second: Symbol, third: Symbol) -> usize {
    ((first as usize * width + second as usize) * width + third as usize) % TRIPLE_BITS
}

/// In the table of pairs: patterns end at the node (kept in the top bit).
const PAIR_HAS_PATTERNS: u32 = 1 << 31;

/// Alphabets up to this wide get a table of pairs.
const MAX_PAIR_WIDTH: usize = 256;

/// Where a walk down the trie goes on after its first two symbols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PairStart {
    /// No key starts with these two symbols.
    NoKey,
    /// The node below them.
    At(usize),
    /// No table, or fewer than two symbols left: walk from the root.
    Root,
}

/// One node: `shape` holds its kind in the top bits, whether patterns end
/// here, and the symbol of its only child or its number of children in the
/// low 16 bits; `index` is where its row or its edges start.
#[derive(Debug, Clone, Copy)]
struct TrieNode {
    shape: u32,
    index: u32,
}

const KIND_MASK: u32 = 0b11 << 30;
const KIND_LEAF: u32 = 0;
/// One child, stored right after the node.
const KIND_SINGLE: u32 = 1 << 30;
const KIND_SPARSE: u32 = 2 << 30;
const KIND_DENSE: u32 = 3 << 30;
const HAS_PATTERNS: u32 = 1 << 29;
const LOW_MASK: u32 = 0xFFFF;

/// The trie while it is built, its nodes numbered depth first (the order
/// they are laid out in): children and patterns per node, as slices of two
/// flat lists.
struct Builder {
    child_starts: Vec<u32>,
    children: Vec<(Symbol, u32)>,
    pattern_starts: Vec<u32>,
    patterns: Vec<u32>,
}

impl Builder {
    /// Inserts the keys in sorted order: each new node is then numbered after
    /// every node before it depth first, and a node's children come in the
    /// order of their symbols. A key's patterns keep their order.
    fn new(keys: &[(Vec<Symbol>, u32)]) -> Builder {
        let mut sorted: Vec<usize> = (0..keys.len()).collect();
        sorted.sort_by(|&a, &b| keys[a].0.cmp(&keys[b].0));
        let mut parents = vec![0u32];
        let mut symbols: Vec<Symbol> = vec![0];
        let mut node_patterns: Vec<(u32, u32)> = Vec::new();
        // The nodes along the previous key, from the root.
        let mut path = vec![0u32];
        let mut previous: &[Symbol] = &[];
        for (key, pattern) in sorted.into_iter().map(|i| (&keys[i].0, keys[i].1)) {
            let shared = previous.iter().zip(key).take_while(|(a, b)| a == b).count();
            path.truncate(shared + 1);
            for &symbol in &key[shared..] {
                parents.push(path.last().copied().unwrap_or(0));
                symbols.push(symbol);
                path.push(parents.len() as u32 - 1);
            }
            let node = path.last().copied().unwrap_or(0);
            let known = node_patterns.iter().rev().take_while(|&&(n, _)| n == node).any(|&(_, p)| p == pattern);
            if !known {
                node_patterns.push((node, pattern));
            }
            previous = key;
        }
        let child_links = (1u32..).zip(parents.iter().zip(&symbols).skip(1));
        let (child_starts, children) =
            group(parents.len(), child_links.map(|(child, (&parent, &symbol))| (parent, (symbol, child))));
        let (pattern_starts, patterns) = group(parents.len(), node_patterns.into_iter());
        Builder { child_starts, children, pattern_starts, patterns }
    }

    fn node_count(&self) -> usize {
        self.child_starts.len() - 1
    }

    /// The children of `node` by symbol: `(symbol, child)`.
    fn children(&self, node: usize) -> &[(Symbol, u32)] {
        &self.children[self.child_starts[node] as usize..self.child_starts[node + 1] as usize]
    }

    fn patterns(&self, node: usize) -> &[u32] {
        &self.patterns[self.pattern_starts[node] as usize..self.pattern_starts[node + 1] as usize]
    }
}

/// Items grouped by the node they belong to, each node's in their order: a
/// flat list, and where each node's items start in it (`nodes + 1` entries).
fn group<T: Copy + Default>(nodes: usize, items: impl Iterator<Item = (u32, T)>) -> (Vec<u32>, Vec<T>) {
    let items: Vec<(u32, T)> = items.collect();
    let mut starts = vec![0u32; nodes + 1];
    for &(node, _) in &items {
        starts[node as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut grouped = vec![T::default(); items.len()];
    let mut next = starts.clone();
    for (node, item) in items {
        grouped[next[node as usize] as usize] = item;
        next[node as usize] += 1;
    }
    (starts, grouped)
}

impl Trie {
    /// Builds the trie of `(key, pattern)` pairs over an alphabet of `width`
    /// symbols; a key's patterns keep their order.
    pub(super) fn build(keys: &[(Vec<Symbol>, u32)], width: usize) -> Trie {
        let builder = Builder::new(keys);
        let node_count = builder.node_count();
        let mut trie = Trie {
            nodes: Vec::with_capacity(node_count),
            rows: Vec::new(),
            edge_symbols: Vec::new(),
            edge_targets: Vec::new(),
            pattern_starts: Vec::with_capacity(node_count + 1),
            pattern_ids: Vec::new(),
            pairs: None,
            triples: vec![0u64; TRIPLE_BITS / 64].into_boxed_slice(),
            width,
        };
        for number in 0..node_count {
            let patterns = builder.patterns(number);
            let mut node = trie.node_for(number == 0, builder.children(number), width);
            if !patterns.is_empty() {
                node.shape |= HAS_PATTERNS;
            }
            trie.nodes.push(node);
            trie.pattern_starts.push(trie.pattern_ids.len() as u32);
            trie.pattern_ids.extend_from_slice(patterns);
        }
        trie.pattern_starts.push(trie.pattern_ids.len() as u32);
        let shortest = keys.iter().map(|(key, _)| key.len()).min().unwrap_or(0);
        if width <= MAX_PAIR_WIDTH && shortest >= 2 {
            let mut pairs = vec![0u32; width * width];
            for &(first, child) in builder.children(0) {
                for &(second, grandchild) in builder.children(child as usize) {
                    let has_patterns = !builder.patterns(grandchild as usize).is_empty();
                    pairs[first as usize * width + second as usize] =
                        grandchild | if has_patterns { PAIR_HAS_PATTERNS } else { 0 };
                    for &(third, _) in builder.children(grandchild as usize) {
                        let bit = triple_bit(width, first, second, third);
                        trie.triples[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            trie.pairs = Some(pairs.into_boxed_slice());
        }
        trie
    }

    /// The first two steps of a walk from key offset `start`, in one look-up;
    /// [`PairStart::NoKey`] also when the walk would pass no pattern and end
    /// at the third symbol (see `triples`).
    #[inline(always)]
    pub(super) fn pair_start(&self, key: &[Symbol], start: usize) -> PairStart {
        let (Some(pairs), Some(&[first, second])) = (&self.pairs, key.get(start..start + 2)) else {
            return PairStart::Root;
        };
        let pair = pairs.get(first as usize * self.width + second as usize).copied().unwrap_or(0);
        if pair == 0 {
            return PairStart::NoKey;
        }
        if let Some(&third) = key.get(start + 2)
            && pair & PAIR_HAS_PATTERNS == 0
            && !self.triple_set(first, second, third)
        {
            return PairStart::NoKey;
        }
        PairStart::At((pair & !PAIR_HAS_PATTERNS) as usize)
    }

    /// Whether a walk from key offset `start` may find a pattern: false
    /// exactly when [`Trie::pair_start`] says [`PairStart::NoKey`], computed
    /// without branches (for a loop over every word).
    #[inline(always)]
    pub(super) fn may_start(&self, key: &[Symbol], start: usize) -> bool {
        let (Some(pairs), Some(&[first, second, third])) = (&self.pairs, key.get(start..start + 3)) else {
            return !matches!(self.pair_start(key, start), PairStart::NoKey);
        };
        let pair = pairs.get(first as usize * self.width + second as usize).copied().unwrap_or(0);
        (pair != 0) & ((pair & PAIR_HAS_PATTERNS != 0) | self.triple_set(first, second, third))
    }

    #[inline(always)]
    fn triple_set(&self, first: Symbol, second: Symbol, third: Symbol) -> bool {
        let bit = triple_bit(self.width, first, second, third);
        self.triples.get(bit / 64).is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
    }

    fn node_for(&mut self, root: bool, children: &[(Symbol, u32)], width: usize) -> TrieNode {
        if root || children.len() >= DENSE_MIN_CHILDREN {
            let start = self.rows.len();
            self.rows.resize(start + width, 0);
            for &(symbol, target) in children {
                self.rows[start + symbol as usize] = target;
            }
            return TrieNode { shape: KIND_DENSE, index: start as u32 };
        }
        match children {
            [] => TrieNode { shape: KIND_LEAF, index: 0 },
            // Depth first: an only child comes right after its parent.
            [(symbol, _)] => TrieNode { shape: KIND_SINGLE | u32::from(*symbol), index: 0 },
            _ => {
                let start = self.edge_symbols.len() as u32;
                self.edge_symbols.extend(children.iter().map(|&(s, _)| s));
                self.edge_targets.extend(children.iter().map(|&(_, t)| t));
                TrieNode { shape: KIND_SPARSE | children.len() as u32, index: start }
            }
        }
    }

    /// The child of `node` along `symbol`.
    #[inline(always)]
    pub(super) fn child(&self, node: usize, symbol: Symbol) -> Option<usize> {
        let TrieNode { shape, index } = *self.nodes.get(node)?;
        let kind = shape & KIND_MASK;
        if kind == KIND_SINGLE {
            return (shape & LOW_MASK == u32::from(symbol)).then_some(node + 1);
        }
        if kind == KIND_DENSE {
            let next = self.rows.get(index as usize + symbol as usize).copied().unwrap_or(0);
            return (next != 0).then_some(next as usize);
        }
        // A list of edges; a leaf's is empty.
        let range = index as usize..(index + (shape & LOW_MASK)) as usize;
        let i = self.edge_symbols.get(range.clone())?.iter().position(|&s| s == symbol)?;
        self.edge_targets.get(range.start + i).map(|&t| t as usize)
    }

    /// Whether patterns end at `node`.
    #[inline(always)]
    pub(super) fn has_patterns(&self, node: usize) -> bool {
        self.nodes.get(node).is_some_and(|n| n.shape & HAS_PATTERNS != 0)
    }

    /// The patterns whose key ends at `node`, in catalog order.
    pub(super) fn patterns(&self, node: usize) -> &[u32] {
        let start = self.pattern_starts.get(node).copied().unwrap_or(0) as usize;
        let end = self.pattern_starts.get(node + 1).copied().unwrap_or(0) as usize;
        self.pattern_ids.get(start..end).unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Walks `key` from the root; the patterns at the end, if the walk gets there.
    fn lookup(trie: &Trie, key: &[Symbol]) -> Option<Vec<u32>> {
        let mut node = 0;
        for &symbol in key {
            node = trie.child(node, symbol)?;
        }
        Some(trie.patterns(node).to_vec())
    }

    #[test]
    fn finds_every_key_in_every_node_shape() {
        // Root dense; node [1] dense (four children); [1, 2] sparse (two);
        // [1, 2, 3] single; chains below.
        let keys: Vec<(Vec<Symbol>, u32)> = vec![
            (vec![1, 2, 3, 4], 0),
            (vec![1, 2, 5], 1),
            (vec![1, 3], 2),
            (vec![1, 4], 3),
            (vec![1, 5, 6, 7], 4),
            (vec![2, 1], 5),
            (vec![1, 2, 3, 4], 6),
            (vec![1, 2, 3], 7),
        ];
        let trie = Trie::build(&keys, 8);
        assert_eq!(lookup(&trie, &[1, 2, 3, 4]), Some(vec![0, 6]));
        assert_eq!(lookup(&trie, &[1, 2, 5]), Some(vec![1]));
        assert_eq!(lookup(&trie, &[1, 3]), Some(vec![2]));
        assert_eq!(lookup(&trie, &[1, 4]), Some(vec![3]));
        assert_eq!(lookup(&trie, &[1, 5, 6, 7]), Some(vec![4]));
        assert_eq!(lookup(&trie, &[2, 1]), Some(vec![5]));
        assert_eq!(lookup(&trie, &[2]), Some(vec![]));
        assert_eq!(lookup(&trie, &[1, 2, 3]), Some(vec![7]));
        assert_eq!(lookup(&trie, &[1, 2]), Some(vec![]));
        assert_eq!(lookup(&trie, &[1, 2, 4]), None);
        assert_eq!(lookup(&trie, &[1, 5, 7]), None);
        assert_eq!(lookup(&trie, &[0]), None);
        assert_eq!(lookup(&trie, &[3]), None);
        // Every key is two symbols or longer: pairs go straight to depth two.
        assert_eq!(trie.pair_start(&[1, 2, 3], 0), PairStart::At(lookup_node(&trie, &[1, 2])));
        assert_eq!(trie.pair_start(&[9, 1, 5], 1), PairStart::At(lookup_node(&trie, &[1, 5])));
        assert_eq!(trie.pair_start(&[1, 6], 0), PairStart::NoKey);
        assert_eq!(trie.pair_start(&[1], 0), PairStart::Root);
        // No key goes on with a third symbol 7: the walk ends before it
        // starts, unless a pattern ends after two symbols.
        assert_eq!(trie.pair_start(&[1, 2, 7], 0), PairStart::NoKey);
        assert_eq!(trie.pair_start(&[1, 3, 7], 0), PairStart::At(lookup_node(&trie, &[1, 3])));
        assert_eq!(trie.pair_start(&[1, 2], 0), PairStart::At(lookup_node(&trie, &[1, 2])));
        // The filter without branches says the same for every start.
        for key in (0..8 * 8 * 8).map(|n| [n / 64, n / 8 % 8, n % 8].map(|s| s as Symbol)) {
            for start in 0..3 {
                let no_key = trie.pair_start(&key, start) == PairStart::NoKey;
                assert_eq!(trie.may_start(&key, start), !no_key, "{key:?} from {start}");
            }
        }
    }

    fn lookup_node(trie: &Trie, key: &[Symbol]) -> usize {
        key.iter().try_fold(0, |node, &symbol| trie.child(node, symbol)).unwrap_or(usize::MAX)
    }

    #[test]
    fn no_pairs_when_a_key_is_one_symbol() {
        let trie = Trie::build(&[(vec![1], 0), (vec![1, 2], 1)], 4);
        assert_eq!(trie.pair_start(&[1, 2], 0), PairStart::Root);
        assert_eq!(lookup(&trie, &[1]), Some(vec![0]));
    }
}
