//! A large generated corpus for the map at scale: the seed catalog and
//! documents plus thousands of generated concepts, each named in Persian,
//! Arabic and English (made-up words of each script's letters), kept in
//! communities: every generated paragraph mentions a few concepts of one
//! community (now and then one of another), so the co-occurrence graph has
//! the clusters a real field has, and each concept has one curated relation
//! to a neighbour of its community. Deterministic. Shared by
//! `benches/large_catalog.rs` and `examples/large_catalog.rs`
//! (`#[path]`-included).

use std::path::Path;

use diplomap::catalog::{Catalog, Concept, ConceptKind, Localized, LocalizedList, Relation, RelationKind};
use diplomap::corpus::{Corpus, Document, DocumentMeta};

/// Concepts in one community.
pub const COMMUNITY: usize = 100;

/// Paragraphs per generated document.
const PARAGRAPHS_PER_DOCUMENT: usize = 400;

/// Mentions of its community's concepts one generated paragraph holds.
const MENTIONS_PER_PARAGRAPH: usize = 4;

/// Loads the seed corpus of the repository (`corpus/`).
pub fn seed_corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (corpus, diagnostics) = Corpus::load(&dir);
    match corpus {
        Some(corpus) => corpus,
        None => panic!("cannot load the seed corpus in {}: {diagnostics:?}", dir.display()),
    }
}

/// The seed corpus grown to `concepts` concepts (at least the seed's), with
/// about `paragraphs_per_concept` generated paragraphs per generated concept.
pub fn large_corpus(seed: &Corpus, concepts: usize, paragraphs_per_concept: usize) -> Corpus {
    let mut names = NameMaker::default();
    let mut catalog = seed.catalog.clone();
    let first = catalog.concepts.len();
    for n in first..concepts.max(first) {
        catalog.concepts.push(names.concept(n - first));
    }
    add_relations(&mut catalog.concepts[first..]);
    let generated = &catalog.concepts[first..];
    let mut documents = seed.documents.clone();
    documents.extend(generated_documents(generated, paragraphs_per_concept, &mut names.rng));
    Corpus { dir: seed.dir.clone(), catalog: Catalog { concepts: catalog.concepts }, documents }
}

/// One curated relation per concept, to the next of its community.
fn add_relations(concepts: &mut [Concept]) {
    let kinds = [RelationKind::Counters, RelationKind::WorksThrough, RelationKind::PartnerOf, RelationKind::Fuels];
    let count = concepts.len();
    for n in 0..count {
        let next = if (n + 1) % COMMUNITY == 0 || n + 1 == count { n - n % COMMUNITY } else { n + 1 };
        if next == n {
            continue;
        }
        let target = concepts[next].id.clone();
        concepts[n].relations.push(Relation { kind: kinds[n % kinds.len()], target, evidence: Vec::new() });
    }
}

/// Documents of paragraphs that each mention a few concepts of one community.
fn generated_documents(concepts: &[Concept], paragraphs_per_concept: usize, rng: &mut XorShift) -> Vec<Document> {
    let total = concepts.len() * paragraphs_per_concept / MENTIONS_PER_PARAGRAPH;
    let mut documents = Vec::new();
    let mut text = String::new();
    for paragraph in 0..total {
        let centre = rng.below(concepts.len());
        let community = centre - centre % COMMUNITY;
        let size = COMMUNITY.min(concepts.len() - community);
        let lang = ["fa", "ar", "en"][paragraph % 3];
        let mut words = Vec::new();
        for k in 0..MENTIONS_PER_PARAGRAPH {
            // Mostly near the centre within its community, sometimes anywhere.
            let member = if k == 3 && rng.below(8) == 0 {
                rng.below(concepts.len())
            } else {
                community + (centre - community + rng.below(7)) % size
            };
            let concept = &concepts[member];
            words.push(match lang {
                "fa" => concept.labels.fa.as_str(),
                "ar" => concept.labels.ar.as_str(),
                _ => concept.labels.en.as_str(),
            });
        }
        text.push_str(&paragraph_text(lang, &words));
        text.push_str("\n\n");
        if (paragraph + 1) % PARAGRAPHS_PER_DOCUMENT == 0 || paragraph + 1 == total {
            let id = format!("generated-{:04}", documents.len());
            documents.push(Document::new(id, std::mem::take(&mut text), DocumentMeta::default()));
        }
    }
    documents
}

/// A sentence in `lang` naming `names`.
fn paragraph_text(lang: &str, names: &[&str]) -> String {
    match lang {
        "fa" => format!(
            "همکاری میان {} و {} در برابر {} ادامه دارد و {} نیز در این گزارش آمده است.",
            names[0], names[1], names[2], names[3]
        ),
        "ar" => format!(
            "يستمر التعاون بين {} و {} في مواجهة {}، ويرد ذكر {} أيضا في هذا التقرير.",
            names[0], names[1], names[2], names[3]
        ),
        _ => format!(
            "Cooperation between {} and {} against {} goes on, and {} is named in this report too.",
            names[0], names[1], names[2], names[3]
        ),
    }
}

/// Makes distinct made-up names in three scripts.
struct NameMaker {
    rng: XorShift,
}

impl Default for NameMaker {
    fn default() -> Self {
        NameMaker { rng: XorShift(0x2545_F491_4F6C_DD1D) }
    }
}

impl NameMaker {
    /// Generated concept number `n`: its community picks its kind.
    fn concept(&mut self, n: usize) -> Concept {
        let kind = ConceptKind::ALL[(n / COMMUNITY) % ConceptKind::ALL.len()];
        // Distinct by construction: the number is spelt in syllables.
        let en = format!("{} {}", capitalised(&syllables(n, EN_SYLLABLES)), capitalised(&self.word(EN_SYLLABLES)));
        let fa = format!("{} {}", syllables(n, FA_SYLLABLES), self.word(FA_SYLLABLES));
        let ar = format!("{} {}", syllables(n, AR_SYLLABLES), self.word(AR_SYLLABLES));
        Concept {
            id: format!("generated-{n:05}"),
            kind,
            labels: Localized { fa, ar, en },
            aliases: LocalizedList::default(),
            summary: Localized::default(),
            relations: Vec::new(),
        }
    }

    fn word(&mut self, table: &[&str]) -> String {
        let length = 2 + self.rng.below(2);
        (0..length).map(|_| table[self.rng.below(table.len())]).collect()
    }
}

/// `n` written in base `table.len()` with the table's syllables (at least three).
fn syllables(mut n: usize, table: &[&str]) -> String {
    let mut out = Vec::new();
    for _ in 0..3 {
        out.push(table[n % table.len()]);
        n /= table.len();
    }
    while n > 0 {
        out.push(table[n % table.len()]);
        n /= table.len();
    }
    out.concat()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

const EN_SYLLABLES: &[&str] = &[
    "ka", "lo", "mer", "ti", "vas", "no", "dri", "pel", "su", "ran", "go", "bex", "ta", "mi", "zor", "le", "fa", "qui",
    "dor", "ne", "sa", "vol", "ri", "hu",
];
const FA_SYLLABLES: &[&str] = &[
    "کا", "لو", "مر", "تی", "واس", "نو", "دری", "پل", "سو", "ران", "گو", "بک", "تا", "می", "زر", "له", "فا", "کی",
    "در", "نه", "سا", "ول", "ری", "هو",
];
const AR_SYLLABLES: &[&str] = &[
    "كا", "لو", "مر", "تي", "واس", "نو", "دري", "بل", "سو", "ران", "غو", "بك", "طا", "مي", "زر", "له", "فا", "قي",
    "در", "نه", "صا", "ول", "ري", "هو",
];

/// A small deterministic generator (xorshift64).
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}
