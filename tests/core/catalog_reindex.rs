//! A catalog edit indexes only what changed (`Index::update_catalog`), and
//! the index it gives is the one a full build of the edited catalog gives:
//! mentions, counts, edges and their evidence. Checked over random runs of
//! edits of the bundled corpus — names taken from its own text (so they are
//! found, and overlap the names already there), new concepts, names and
//! concepts removed, labels renamed, relations added and removed, summaries,
//! and concepts moved to the end of the catalog (as the first edit of a
//! concept in `concepts.ron` moves it to a file of its own).
//!
//! `DIPLOMAP_REINDEX_CASES=N` runs N runs instead of the default.

use crate::common;

use diplomap::catalog::edit::{Edit, apply, with_changes};
use diplomap::catalog::{Catalog, Concept, ConceptKind, EvidenceRef, Localized, RelationKind};
use diplomap::corpus::Corpus;
use diplomap::index::Index;
use diplomap::text::Lang;
use proptest::prelude::*;

/// A choice among however many there are at the time.
#[derive(Debug, Clone, Copy)]
struct Pick(usize);

impl Pick {
    fn index(self, len: usize) -> usize {
        self.0 % len.max(1)
    }
}

fn pick() -> impl Strategy<Value = Pick> {
    any::<usize>().prop_map(Pick)
}

/// One step of a run, with its choices as picks resolved against the
/// catalog and corpus of the moment.
#[derive(Debug, Clone)]
enum Step {
    AddAlias { concept: Pick, phrase: Phrase },
    AddConcept { phrase: Phrase },
    RemoveAlias { concept: Pick, alias: Pick },
    SetLabel { concept: Pick, phrase: Phrase },
    Remove { concept: Pick },
    Relate { source: Pick, target: Pick, kind: Pick, phrase: Phrase },
    Unrelate { concept: Pick, relation: Pick },
    SetSummary { concept: Pick },
    MoveToEnd { concept: Pick },
}

/// One to four words of a document, from a word picked in it.
#[derive(Debug, Clone)]
struct Phrase {
    document: Pick,
    word: Pick,
    words: usize,
}

fn phrase() -> impl Strategy<Value = Phrase> {
    (pick(), pick(), 1..=4usize).prop_map(|(document, word, words)| Phrase { document, word, words })
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (pick(), phrase()).prop_map(|(concept, phrase)| Step::AddAlias { concept, phrase }),
        2 => phrase().prop_map(|phrase| Step::AddConcept { phrase }),
        3 => (pick(), pick()).prop_map(|(concept, alias)| Step::RemoveAlias { concept, alias }),
        2 => (pick(), phrase()).prop_map(|(concept, phrase)| Step::SetLabel { concept, phrase }),
        2 => pick().prop_map(|concept| Step::Remove { concept }),
        2 => (pick(), pick(), pick(), phrase())
            .prop_map(|(source, target, kind, phrase)| Step::Relate { source, target, kind, phrase }),
        1 => (pick(), pick()).prop_map(|(concept, relation)| Step::Unrelate { concept, relation }),
        1 => pick().prop_map(|concept| Step::SetSummary { concept }),
        1 => pick().prop_map(|concept| Step::MoveToEnd { concept }),
    ]
}

/// The words of a document: byte ranges of runs of letters (ZWNJ inside).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || c == '\u{200C}';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The phrase's text and where it is, if its document has words.
fn resolve(corpus: &Corpus, words_of: &[Vec<(usize, usize)>], phrase: &Phrase) -> Option<(String, EvidenceRef)> {
    let document = phrase.document.index(corpus.documents.len());
    let words = &words_of[document];
    if words.is_empty() {
        return None;
    }
    let first = phrase.word.index(words.len());
    let last = (first + phrase.words - 1).min(words.len() - 1);
    let (start, end) = (words[first].0, words[last].1);
    let doc = &corpus.documents[document];
    let text = doc.text.get(start..end)?;
    // Names do not run across lines.
    let text = text.lines().next()?.trim().to_string();
    let evidence = EvidenceRef { document: doc.id.clone(), start, end: start + text.len() };
    Some((text, evidence))
}

fn lang_of(text: &str) -> Lang {
    diplomap::text::lang::detect(text).unwrap_or(Lang::En)
}

/// The catalog after `step`, or `None` when the step makes no valid edit.
fn edit_of(catalog: &Catalog, corpus: &Corpus, words_of: &[Vec<(usize, usize)>], step: &Step) -> Option<Catalog> {
    let concepts = &catalog.concepts;
    if concepts.is_empty() {
        return None;
    }
    let pick = |p: &Pick| &concepts[p.index(concepts.len())];
    let edit = match step {
        Step::AddAlias { concept, phrase } => {
            let (text, _) = resolve(corpus, words_of, phrase)?;
            Edit::AddAlias { id: pick(concept).id.clone(), lang: lang_of(&text), text }
        }
        Step::AddConcept { phrase } => {
            let (text, _) = resolve(corpus, words_of, phrase)?;
            let mut labels = Localized::default();
            *labels.get_mut(lang_of(&text)) = text.clone();
            let id = format!("added-{}", concepts.len());
            let concept = Concept {
                id,
                kind: ConceptKind::Topic,
                labels,
                aliases: Default::default(),
                summary: Default::default(),
                relations: Vec::new(),
            };
            Edit::Add(concept)
        }
        Step::RemoveAlias { concept, alias } => {
            let concept = pick(concept);
            let aliases: Vec<(Lang, &String)> =
                Lang::ALL.into_iter().flat_map(|l| concept.aliases.get(l).iter().map(move |a| (l, a))).collect();
            if aliases.is_empty() {
                return None;
            }
            let (lang, text) = aliases[alias.index(aliases.len())];
            Edit::RemoveAlias { id: concept.id.clone(), lang, text: text.clone() }
        }
        Step::SetLabel { concept, phrase } => {
            let (text, _) = resolve(corpus, words_of, phrase)?;
            Edit::SetLabel { id: pick(concept).id.clone(), lang: lang_of(&text), text }
        }
        Step::Remove { concept } => Edit::Remove { id: pick(concept).id.clone() },
        Step::Relate { source, target, kind, phrase } => {
            let (_, evidence) = resolve(corpus, words_of, phrase)?;
            let kinds = [RelationKind::Counters, RelationKind::PartnerOf, RelationKind::RelatedTo];
            Edit::Relate {
                source: pick(source).id.clone(),
                kind: kinds[kind.index(kinds.len())],
                target: pick(target).id.clone(),
                evidence: vec![evidence],
            }
        }
        Step::Unrelate { concept, relation } => {
            let concept = pick(concept);
            if concept.relations.is_empty() {
                return None;
            }
            let relation = &concept.relations[relation.index(concept.relations.len())];
            Edit::Unrelate { source: concept.id.clone(), kind: relation.kind, target: relation.target.clone() }
        }
        Step::SetSummary { concept } => {
            Edit::SetSummary { id: pick(concept).id.clone(), lang: Lang::En, text: "edited in a test".into() }
        }
        Step::MoveToEnd { concept } => {
            let mut moved = catalog.clone();
            let at = concept.index(concepts.len());
            let concept = moved.concepts.remove(at);
            moved.concepts.push(concept);
            return Some(moved);
        }
    };
    let applied = apply(catalog, &edit).ok()?;
    Some(with_changes(catalog, &applied.changes))
}

fn cases() -> u32 {
    std::env::var("DIPLOMAP_REINDEX_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(12)
}

/// Runs `steps` from the bundled corpus; every edit's index, updated from the
/// one before, must be the full index of the edited catalog. How many edits
/// were made.
fn check_run(steps: &[Step]) -> Result<usize, TestCaseError> {
    let (bundled, bundled_index) = common::corpus_and_index();
    let mut corpus =
        Corpus { dir: bundled.dir.clone(), catalog: bundled.catalog.clone(), documents: bundled.documents.clone() };
    let words_of: Vec<Vec<(usize, usize)>> = corpus.documents.iter().map(|d| words(&d.text)).collect();
    let mut index = bundled_index.clone();
    let mut made = 0;
    for step in steps {
        let Some(edited) = edit_of(&corpus.catalog, &corpus, &words_of, step) else { continue };
        let old = std::mem::replace(&mut corpus.catalog, edited);
        let updated = Index::update_catalog(&index, &old, &corpus);
        let full = Index::build(&corpus);
        prop_assert_eq!(&updated.mention_counts, &full.mention_counts, "counts after {:?}", step);
        prop_assert!(updated.mentions == full.mentions, "mentions after {:?}", step);
        prop_assert_eq!(updated.edges.len(), full.edges.len(), "edges after {:?}", step);
        for (a, b) in updated.edges.iter().zip(&full.edges) {
            prop_assert_eq!(a, b, "an edge after {:?}", step);
        }
        index = updated;
        made += 1;
    }
    Ok(made)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn an_index_updated_edit_by_edit_is_the_full_index_of_the_edited_catalog(
        steps in proptest::collection::vec(step(), 6..12)
    ) {
        check_run(&steps)?;
    }
}

/// The edits the window makes most, one of each, in a fixed order: names
/// from the text itself added where longer names hold them, removed again,
/// a concept added and removed.
#[test]
fn the_common_edits_give_the_full_index() {
    let phrase =
        |document: usize, word: usize, words: usize| Phrase { document: Pick(document), word: Pick(word), words };
    let (bundled, _) = common::corpus_and_index();
    let interpol = bundled.catalog.position("interpol").unwrap();
    let pick_concept = Pick;
    let steps = vec![
        Step::AddAlias { concept: pick_concept(interpol), phrase: phrase(0, 10, 1) },
        Step::AddAlias { concept: pick_concept(0), phrase: phrase(1, 200, 2) },
        Step::AddConcept { phrase: phrase(3, 400, 3) },
        Step::RemoveAlias { concept: pick_concept(interpol), alias: Pick(0) },
        Step::Remove { concept: pick_concept(1) },
        Step::MoveToEnd { concept: pick_concept(2) },
    ];
    let made = check_run(&steps).unwrap();
    assert!(made >= 4, "{made} edits made");
}
