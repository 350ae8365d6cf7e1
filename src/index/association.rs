//! Whether two concepts are mentioned together more often than chance: the
//! test that decides which co-occurrences the map's overview draws.
//!
//! The unit is the paragraph: of the `N` paragraphs that mention any concept,
//! `a` mention concept A, `b` mention B and `k` mention both. If A and B were
//! mentioned independently, `k` would be about `a·b/N`. Dunning's
//! log-likelihood ratio G² (1993) compares the 2×2 table of those counts with
//! that expectation: `G² = 2 Σ O·ln(O/E)` over the four cells. Under
//! independence G² follows a χ² law of one degree of freedom, so G² ≥ 3.84,
//! 6.63 and 10.83 are the 5 %, 1 % and 0.1 % levels. A pair is *significant*
//! when it is seen together at least [`MIN_TOGETHER`] times, more often than
//! expected, and its G² reaches the threshold. The map tests every pair
//! mentioned together, hundreds of tests at once, so its default threshold
//! is corrected for that (Bonferroni): with `m` pairs tested, the χ² value
//! whose chance is `1 % / m` ([`threshold_for`]; about 17.2 for 300 pairs),
//! so that the links it draws include one there by chance less than once in
//! a hundred corpora. The reader can move it in the map's filters. G² rather than PMI: PMI rewards rare pairs (two concepts
//! mentioned once, in the same paragraph, get the highest PMI of all), G²
//! weighs the evidence by how much of it there is.
//!
//! Pure and deterministic: the counts come from the index's mentions.
//!
//! ```
//! use diplomap::index::association::g_squared;
//! // 100 paragraphs, A in 10, B in 10, both in 8: far above the 1 expected.
//! assert!(g_squared(8, 10, 10, 100) > 30.0);
//! // Both in 1: just what chance gives.
//! assert!(g_squared(1, 10, 10, 100) < 0.01);
//! ```

use std::collections::{BTreeSet, HashMap};

use super::{EdgeKind, Index};

/// A co-occurrence needs at least this many shared paragraphs to be significant.
pub const MIN_TOGETHER: u32 = 2;
/// The threshold of one test alone at 0.1 %: G² ≥ 10.83 (χ², one degree of freedom).
pub const DEFAULT_MIN_G2: f32 = 10.83;
/// The chance, over all the pairs tested, that one drawn by default is there by chance.
pub const FAMILY_ERROR: f64 = 0.01;

/// The default threshold when `tests` pairs are tested: the χ² value (one
/// degree of freedom) exceeded by chance with probability
/// [`FAMILY_ERROR`]` / tests`, never below [`DEFAULT_MIN_G2`].
pub fn threshold_for(tests: usize) -> f32 {
    let p = FAMILY_ERROR / tests.max(1) as f64;
    (chi_square_critical(p) as f32).max(DEFAULT_MIN_G2)
}

/// The χ² value (one degree of freedom) whose upper tail is `p`:
/// `P(χ² ≥ x) = erfc(√(x/2))`, solved by bisection.
pub fn chi_square_critical(p: f64) -> f64 {
    let tail = |x: f64| erfc((x / 2.0).sqrt());
    let (mut low, mut high) = (0.0f64, 400.0f64);
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if tail(middle) > p {
            low = middle;
        } else {
            high = middle;
        }
    }
    0.5 * (low + high)
}

/// The complementary error function (Numerical Recipes' `erfcc`, relative
/// error below 1.2·10⁻⁷ everywhere).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let value = t * poly.exp();
    if x >= 0.0 { value } else { 2.0 - value }
}

/// The counts behind one pair's test, and its result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Association {
    /// Paragraphs that mention both concepts.
    pub together: u32,
    /// Paragraphs that mention the source, and the target.
    pub source: u32,
    pub target: u32,
    /// Paragraphs that mention any concept.
    pub paragraphs: u32,
    /// Dunning's G², 0 when the pair is seen together no more often than chance.
    pub g2: f32,
}

impl Association {
    /// The pair's significance as the map filters it: its G² when seen
    /// together at least [`MIN_TOGETHER`] times more often than chance, else 0.
    pub fn significance(&self) -> f32 {
        if self.together >= MIN_TOGETHER { self.g2 } else { 0.0 }
    }

    /// How often the pair is seen together for each time chance would put it there.
    pub fn ratio_to_chance(&self) -> f32 {
        let expected = f64::from(self.source) * f64::from(self.target) / f64::from(self.paragraphs.max(1));
        if expected > 0.0 { (f64::from(self.together) / expected) as f32 } else { 0.0 }
    }
}

/// Dunning's G² of a 2×2 table: `together` units with both, `a` and `b` with
/// each, `n` in all; signed so that pairs seen together less often than
/// expected get 0 (only attraction matters here). Inconsistent counts give 0.
pub fn g_squared(together: u32, a: u32, b: u32, n: u32) -> f32 {
    let (k, a, b, n) = (f64::from(together), f64::from(a), f64::from(b), f64::from(n));
    if n <= 0.0 || k > a.min(b) || a > n || b > n || a + b - k > n {
        return 0.0;
    }
    if k * n <= a * b {
        return 0.0;
    }
    let cells = [(k, a, b), (a - k, a, n - b), (b - k, n - a, b), (n - a - b + k, n - a, n - b)];
    let sum: f64 = cells
        .iter()
        .map(|&(observed, row, column)| {
            let expected = row * column / n;
            if observed > 0.0 && expected > 0.0 { observed * (observed / expected).ln() } else { 0.0 }
        })
        .sum();
    (2.0 * sum).max(0.0) as f32
}

/// The test of every co-occurrence edge of `index`, by edge position (`None`
/// for curated relations).
pub fn of_edges(index: &Index) -> Vec<Option<Association>> {
    let mut units: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut concepts_of_unit: HashMap<(usize, usize), BTreeSet<usize>> = HashMap::new();
    for mention in &index.mentions {
        let unit = (mention.document, mention.paragraph);
        units.insert(unit);
        concepts_of_unit.entry(unit).or_default().insert(mention.concept);
    }
    let mut per_concept: HashMap<usize, u32> = HashMap::new();
    for concepts in concepts_of_unit.values() {
        for &c in concepts {
            *per_concept.entry(c).or_default() += 1;
        }
    }
    let wanted: HashMap<(usize, usize), u32> = index
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::CoOccurrence)
        .map(|e| ((e.source.min(e.target), e.source.max(e.target)), 0))
        .collect();
    let mut together = wanted;
    for concepts in concepts_of_unit.values() {
        for &a in concepts {
            for &b in concepts.range(a + 1..) {
                if let Some(count) = together.get_mut(&(a, b)) {
                    *count += 1;
                }
            }
        }
    }
    let n = units.len() as u32;
    let count = |c: usize| per_concept.get(&c).copied().unwrap_or(0);
    index
        .edges
        .iter()
        .map(|e| {
            if e.kind != EdgeKind::CoOccurrence {
                return None;
            }
            let k = together.get(&(e.source.min(e.target), e.source.max(e.target))).copied().unwrap_or(0);
            let (a, b) = (count(e.source), count(e.target));
            Some(Association { together: k, source: a, target: b, paragraphs: n, g2: g_squared(k, a, b, n) })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn g_squared_matches_a_worked_table() {
        // k11=10, k12=10, k21=10, k22=70: expected 4, so G² = 2·(10 ln 2.5 + 2·10 ln(10/16) + 70 ln(70/64)).
        let expected = 2.0 * (10.0 * 2.5f64.ln() + 20.0 * (10.0f64 / 16.0).ln() + 70.0 * (70.0f64 / 64.0).ln());
        assert!((f64::from(g_squared(10, 20, 20, 100)) - expected).abs() < 1e-3, "{}", g_squared(10, 20, 20, 100));
    }

    #[test]
    fn thresholds_are_chi_square_quantiles() {
        for (p, x) in [(0.05, 3.841), (0.01, 6.635), (0.001, 10.828), (1e-5, 19.511)] {
            assert!((chi_square_critical(p) - x).abs() < 2e-3, "{p}: {}", chi_square_critical(p));
        }
        assert!((threshold_for(300) - 17.22).abs() < 0.02, "{}", threshold_for(300));
        assert_eq!(threshold_for(1), DEFAULT_MIN_G2, "one test: the plain 0.1 % level");
        assert!(threshold_for(10_000) > threshold_for(300));
    }

    #[test]
    fn chance_and_avoidance_score_nothing() {
        assert_eq!(g_squared(4, 20, 20, 100), 0.0, "exactly chance");
        assert_eq!(g_squared(1, 50, 50, 100), 0.0, "less than chance");
        assert_eq!(g_squared(5, 3, 3, 100), 0.0, "inconsistent counts");
        assert_eq!(g_squared(0, 0, 0, 0), 0.0);
    }

    #[test]
    fn one_shared_paragraph_is_never_significant() {
        let once = Association { together: 1, source: 1, target: 1, paragraphs: 500, g2: g_squared(1, 1, 1, 500) };
        assert!(once.g2 > DEFAULT_MIN_G2, "rare pairs score high…");
        assert_eq!(once.significance(), 0.0, "…but one paragraph is not evidence");
        let twice = Association { together: 2, source: 2, target: 2, paragraphs: 500, g2: g_squared(2, 2, 2, 500) };
        assert!(twice.significance() > DEFAULT_MIN_G2);
        assert!((twice.ratio_to_chance() - 250.0).abs() < 1e-3);
    }
}
