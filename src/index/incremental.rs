//! The index after a catalog edit, indexing only what changed.
//!
//! An edit changes the names of a few concepts (added, removed, renamed), or
//! none (a summary, a kind, a relation). Mentions can differ from the old
//! index only in a stretch of text (see [`mentions::stretch_starts`]: no
//! match crosses a blank line) where one of those names, old or new, matches:
//! elsewhere every word has the same valid matches with either catalog, so
//! leftmost-longest picks the same ones. So:
//!
//! 1. the concepts whose names changed are found by comparing the catalogs
//!    (and, for two concepts sharing a name key, whether their order changed:
//!    the first in the catalog wins such a tie);
//! 2. a small matcher of their old names and one of their new names look for
//!    them (one pass over the text, no segmentation, no broken-line
//!    detection: those do not depend on the catalog and are kept);
//! 3. only the stretches where they match are searched again, with the
//!    whole new catalog (its matcher is built only if there is such a
//!    stretch), so a new name that a longer one overlaps loses to it as in
//!    the full index, and a removed one leaves room for the shorter names it
//!    covered;
//! 4. co-occurrences are counted again only for the concepts with a mention
//!    in those stretches, before or after (the evidence of a pair depends on
//!    the mentions of its two concepts alone); the other pairs keep their
//!    weight and passages; curated relations are read from the new catalog.
//!
//! The result is the index [`Index::build`] makes of the edited catalog —
//! mentions, counts, edges and evidence — which `tests/core/catalog_reindex.rs`
//! checks over many random edits of the bundled corpus.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use super::mentions::{self, Matcher};
use super::read_back::{self, ReadBack};
use super::{
    DocumentIndex, EdgeKind, Index, IndexedMention, PairEvidence, build_edges, collect_pairs, corpus_ids, outside,
    place_mentions,
};
use crate::catalog::{Catalog, Concept};
use crate::corpus::Corpus;
use crate::text::Lang;
use crate::text::normalize::{fold_str, is_word_char};

/// What [`Index::update_catalog_counted`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogUpdate {
    /// Concepts whose names changed (removed and added ones included).
    pub changed_concepts: usize,
    /// Documents with a stretch searched again.
    pub documents: usize,
    /// Bytes of text searched again with the whole catalog.
    pub bytes: usize,
    /// Concepts in the matcher those bytes were searched with: those with a
    /// name whose letters occur there.
    pub matcher_concepts: usize,
    /// Concepts whose co-occurrences were counted again.
    pub recounted_concepts: usize,
    /// The documents did not fit the old index: everything was indexed.
    pub rebuilt: bool,
}

impl Index {
    /// The index of `corpus` after its catalog changed from `old_catalog`
    /// (the one `previous` was built with; the documents are the same),
    /// equal to [`Index::build`] of `corpus`. See the module's doc.
    pub fn update_catalog(previous: &Index, old_catalog: &Catalog, corpus: &Corpus) -> Index {
        Index::update_catalog_counted(previous, old_catalog, corpus).0
    }

    /// [`Index::update_catalog`], and what it had to do.
    pub fn update_catalog_counted(previous: &Index, old_catalog: &Catalog, corpus: &Corpus) -> (Index, CatalogUpdate) {
        if previous.documents.len() != corpus.documents.len()
            || previous.mention_counts.len() != old_catalog.concepts.len()
        {
            return (Index::build(corpus), CatalogUpdate { rebuilt: true, ..CatalogUpdate::default() });
        }
        let new_catalog = &corpus.catalog;
        let (gone, added) = changed_names(old_catalog, new_catalog);
        let changed: HashSet<String> = gone.concepts.iter().chain(&added.concepts).map(|c| c.id.clone()).collect();
        let probes: Vec<Matcher> = [gone, added].iter().filter(|c| !c.concepts.is_empty()).map(Matcher::new).collect();
        let positions: HashMap<&str, usize> =
            new_catalog.concepts.iter().enumerate().map(|(i, c)| (c.id.as_str(), i)).collect();
        let renumber: Vec<Option<usize>> =
            old_catalog.concepts.iter().map(|c| positions.get(c.id.as_str()).copied()).collect();
        let renumbered = |m: &IndexedMention| -> Option<IndexedMention> {
            let concept = renumber.get(m.concept).copied().flatten()?;
            Some(IndexedMention { concept, ..m.clone() })
        };

        let mut by_document: Vec<Vec<&IndexedMention>> = vec![Vec::new(); corpus.documents.len()];
        for mention in &previous.mentions {
            if let Some(list) = by_document.get_mut(mention.document) {
                list.push(mention);
            }
        }
        let mut report = CatalogUpdate { changed_concepts: changed.len(), ..CatalogUpdate::default() };
        // Per document, the stretches where a changed name matches.
        let stretches: Vec<Vec<Range<usize>>> = corpus
            .documents
            .iter()
            .map(|doc| {
                let hits: Vec<usize> =
                    probes.iter().flat_map(|probe| probe.find(&doc.text)).map(|m| m.range.start).collect();
                if hits.is_empty() { Vec::new() } else { stretches_holding(&doc.text, hits) }
            })
            .collect();
        // Per document, the read-back lines to search again: where a changed
        // name matches in the reading, or in a stretch searched again.
        let redone: Vec<Vec<&ReadBack>> = previous
            .documents
            .iter()
            .zip(&stretches)
            .map(|(doc_index, stretches)| {
                let probed = |line: &ReadBack| probes.iter().any(|probe| !probe.find(&line.text).is_empty());
                doc_index.read_back.iter().filter(|line| within(stretches, line.line.start) || probed(line)).collect()
            })
            .collect();
        let pieces: Vec<&str> = corpus
            .documents
            .iter()
            .zip(&stretches)
            .flat_map(|(doc, ranges)| ranges.iter().filter_map(|r| doc.text.get(r.clone())))
            .chain(redone.iter().flatten().map(|line| line.text.as_str()))
            .collect();
        let local = (!pieces.is_empty()).then(|| LocalMatcher::new(new_catalog, &pieces));
        let mut recount = vec![false; new_catalog.concepts.len()];
        let mut mentions: Vec<Vec<IndexedMention>> = Vec::with_capacity(corpus.documents.len());
        for (document, (((doc, doc_index), stretches), redone)) in
            corpus.documents.iter().zip(&previous.documents).zip(&stretches).zip(&redone).enumerate()
        {
            let old = &by_document[document];
            let Some(local) = local.as_ref().filter(|_| !stretches.is_empty() || !redone.is_empty()) else {
                mentions.push(old.iter().filter_map(|m| renumbered(m)).collect());
                continue;
            };
            let mut found = outside(
                &doc_index.broken_lines,
                stretches.iter().flat_map(|range| local.find_within(&doc.text, range.clone())).collect(),
            );
            found.extend(read_back::mentions_in(&doc.text, redone.iter().copied(), |reading| {
                local.find_within(reading, 0..reading.len())
            }));
            found.sort_by_key(|m| (m.range.start, m.range.end));
            let searched_again =
                |start: usize| within(stretches, start) || redone.iter().any(|line| line.line.contains(&start));
            let placed = place_mentions(document, &sentence_paragraphs(doc_index), found);
            let mut doc_mentions: Vec<IndexedMention> = Vec::with_capacity(old.len() + placed.len());
            for mention in old.iter() {
                if searched_again(mention.range.start) {
                    if let Some(concept) = renumber.get(mention.concept).copied().flatten() {
                        recount[concept] = true;
                    }
                } else if let Some(kept) = renumbered(mention) {
                    doc_mentions.push(kept);
                }
            }
            for mention in &placed {
                recount[mention.concept] = true;
            }
            doc_mentions.extend(placed);
            doc_mentions.sort_by_key(|m| (m.range.start, m.range.end));
            report.documents += 1;
            report.bytes += stretches.iter().map(|r| r.len()).sum::<usize>()
                + redone.iter().map(|line| line.text.len()).sum::<usize>();
            mentions.push(doc_mentions);
        }
        report.matcher_concepts = local.as_ref().map_or(0, |l| l.concepts.len());
        report.recounted_concepts = recount.iter().filter(|&&r| r).count();

        // Pairs of two concepts whose mentions are as they were keep their evidence.
        let mut pairs: BTreeMap<(usize, usize), PairEvidence> = BTreeMap::new();
        for edge in previous.edges.iter().filter(|e| e.kind == EdgeKind::CoOccurrence) {
            let (Some(Some(a)), Some(Some(b))) = (renumber.get(edge.source), renumber.get(edge.target)) else {
                continue;
            };
            if recount[*a] || recount[*b] {
                continue;
            }
            let passages = edge.evidence.iter().cloned().collect();
            pairs.insert(((*a).min(*b), (*a).max(*b)), PairEvidence { weight: edge.weight, passages });
        }
        // The others are counted again in the paragraphs where one of them is.
        let mut recounted = BTreeMap::new();
        for (document, (doc_mentions, doc_index)) in mentions.iter().zip(&previous.documents).enumerate() {
            let paragraphs: BTreeSet<usize> =
                doc_mentions.iter().filter(|m| recount[m.concept]).map(|m| m.paragraph).collect();
            if paragraphs.is_empty() {
                continue;
            }
            let around: Vec<IndexedMention> =
                doc_mentions.iter().filter(|m| paragraphs.contains(&m.paragraph)).cloned().collect();
            collect_pairs(document, doc_index, &around, &mut recounted);
        }
        pairs.extend(recounted.into_iter().filter(|((a, b), _)| recount[*a] || recount[*b]));

        let mut index = Index { mention_counts: vec![0; new_catalog.concepts.len()], ..Index::default() };
        for mention in mentions.iter().flatten() {
            if let Some(count) = index.mention_counts.get_mut(mention.concept) {
                *count += 1;
            }
        }
        index.mentions = mentions.into_iter().flatten().collect();
        index.documents = previous.documents.clone();
        index.edges = build_edges(corpus, &corpus_ids(corpus), pairs);
        (index, report)
    }
}

/// A matcher of the concepts that may match in some pieces of text: those
/// with a name key that occurs in the pieces' folded words run together (a
/// match is such a key, after a proclitic or not), in catalog order, so the
/// mentions it finds there are the ones the whole catalog's matcher finds —
/// for a fraction of the time it takes to build that one.
struct LocalMatcher {
    matcher: Matcher,
    /// The catalog number of each of its concepts.
    concepts: Vec<usize>,
}

impl LocalMatcher {
    fn new(catalog: &Catalog, pieces: &[&str]) -> LocalMatcher {
        let mut keys: Vec<String> = Vec::new();
        let mut owners: Vec<usize> = Vec::new();
        for (i, concept) in catalog.concepts.iter().enumerate() {
            for (lang, surface) in concept.surface_forms() {
                for key in mentions::name_keys(lang, surface) {
                    keys.push(key);
                    owners.push(i);
                }
            }
        }
        let mut wanted = vec![false; catalog.concepts.len()];
        match aho_corasick::AhoCorasick::new(&keys) {
            Ok(automaton) => {
                for piece in pieces {
                    let words: String = fold_str(piece).chars().filter(|&c| is_word_char(c)).collect();
                    for found in automaton.find_overlapping_iter(&words) {
                        wanted[owners[found.pattern().as_usize()]] = true;
                    }
                }
            }
            // Too many keys for the automaton: every concept.
            Err(_) => wanted.iter_mut().for_each(|w| *w = true),
        }
        let concepts: Vec<usize> = (0..catalog.concepts.len()).filter(|&i| wanted[i]).collect();
        let subset = Catalog { concepts: concepts.iter().map(|&i| catalog.concepts[i].clone()).collect() };
        LocalMatcher { matcher: Matcher::new(&subset), concepts }
    }

    fn find_within(&self, text: &str, range: Range<usize>) -> Vec<mentions::Mention> {
        let mut found = self.matcher.find_within(text, range);
        for mention in &mut found {
            mention.concept = self.concepts[mention.concept];
        }
        found
    }
}

/// The names of a concept, as the matcher reads them.
fn names(concept: &Concept) -> Vec<(Lang, &str)> {
    concept.surface_forms().collect()
}

/// The names the old catalog has and the new one does not (`gone`), and
/// those only the new one has (`added`), each with its concept, as two small
/// catalogs; also, where two concepts share a name key and their order
/// changed (the first in the catalog wins the tie), every name with that key.
fn changed_names(old: &Catalog, new: &Catalog) -> (Catalog, Catalog) {
    let by_id = |catalog: &Catalog| -> HashMap<String, Vec<(Lang, String)>> {
        let names = |c: &Concept| names(c).into_iter().map(|(l, s)| (l, s.to_string())).collect();
        catalog.concepts.iter().map(|c| (c.id.clone(), names(c))).collect()
    };
    let (old_names, new_names) = (by_id(old), by_id(new));
    let mut gone: BTreeMap<String, BTreeSet<(Lang, String)>> = BTreeMap::new();
    let mut added: BTreeMap<String, BTreeSet<(Lang, String)>> = BTreeMap::new();
    for (this, other, out) in [(&old_names, &new_names, &mut gone), (&new_names, &old_names, &mut added)] {
        for (id, list) in this {
            let theirs = other.get(id);
            for name in list {
                if theirs.is_none_or(|t| !t.contains(name)) {
                    out.entry(id.clone()).or_default().insert(name.clone());
                }
            }
        }
    }
    let catalog_of = |names: BTreeMap<String, BTreeSet<(Lang, String)>>| Catalog {
        concepts: names
            .into_iter()
            .map(|(id, names)| {
                let mut aliases = crate::catalog::LocalizedList::default();
                for (lang, surface) in names {
                    aliases.get_mut(lang).push(surface);
                }
                Concept {
                    id,
                    kind: crate::catalog::ConceptKind::Topic,
                    labels: Default::default(),
                    aliases,
                    summary: Default::default(),
                    relations: Vec::new(),
                }
            })
            .collect(),
    };
    // Ties between two concepts sharing a key go to the first in the
    // catalog: if the concepts of both catalogs are in another order, the
    // names of each key two concepts share are searched again.
    fn common<'c>(this: &'c Catalog, other: &HashMap<String, Vec<(Lang, String)>>) -> Vec<&'c str> {
        this.concepts.iter().map(|c| c.id.as_str()).filter(|id| other.contains_key(*id)).collect()
    }
    if common(old, &new_names) == common(new, &old_names) {
        return (catalog_of(gone), catalog_of(added));
    }
    let owners = |catalog: &Catalog| {
        let mut owners: HashMap<String, Vec<(usize, Lang, String)>> = HashMap::new();
        for (i, concept) in catalog.concepts.iter().enumerate() {
            for (lang, surface) in concept.surface_forms() {
                for key in mentions::name_keys(lang, surface) {
                    owners.entry(key).or_default().push((i, lang, surface.to_string()));
                }
            }
        }
        owners.retain(|_, names| names.iter().any(|n| n.0 != names[0].0));
        owners
    };
    let (before, after) = (owners(old), owners(new));
    let order = |catalog: &Catalog, names: Option<&Vec<(usize, Lang, String)>>| -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for (i, _, _) in names.into_iter().flatten() {
            let id = &catalog.concepts[*i].id;
            if ids.last() != Some(id) {
                ids.push(id.clone());
            }
        }
        ids
    };
    for key in before.keys().chain(after.keys()) {
        if order(old, before.get(key)) == order(new, after.get(key)) {
            continue;
        }
        for (catalog, names, out) in [(old, before.get(key), &mut gone), (new, after.get(key), &mut added)] {
            for (i, lang, surface) in names.into_iter().flatten() {
                out.entry(catalog.concepts[*i].id.clone()).or_default().insert((*lang, surface.clone()));
            }
        }
    }
    (catalog_of(gone), catalog_of(added))
}

/// Whether `offset` lies in one of `stretches` (in order, apart).
fn within(stretches: &[Range<usize>], offset: usize) -> bool {
    let i = stretches.partition_point(|r| r.end <= offset);
    stretches.get(i).is_some_and(|r| r.start <= offset)
}

/// The stretches of `text` (between blank lines) that hold one of the
/// offsets `hits`, neighbours merged, in order.
fn stretches_holding(text: &str, mut hits: Vec<usize>) -> Vec<Range<usize>> {
    hits.sort_unstable();
    let starts = mentions::stretch_starts(text);
    let mut out: Vec<Range<usize>> = Vec::new();
    for hit in hits {
        let i = starts.partition_point(|&s| s <= hit).saturating_sub(1);
        let start = starts.get(i).copied().unwrap_or(0);
        let end = starts.get(i + 1).copied().unwrap_or(text.len());
        match out.last_mut() {
            Some(last) if last.end >= start => last.end = last.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

/// Every sentence of a document with the paragraph it is in.
fn sentence_paragraphs(doc_index: &DocumentIndex) -> Vec<(Range<usize>, usize)> {
    doc_index
        .sentences
        .iter()
        .map(|s| {
            let paragraph = doc_index.paragraphs.partition_point(|p| p.start <= s.start).saturating_sub(1);
            (s.clone(), paragraph)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::edit::{Edit, apply, with_changes};
    use crate::catalog::{EvidenceRef, RelationKind};
    use crate::corpus::{Document, DocumentMeta};
    use crate::index::Passage;

    fn corpus(catalog: Catalog) -> Corpus {
        let texts = [
            "INTERPOL and Europol work together. Europol again.\n\nپلیس اروپا و اینترپل.",
            "اینترپل با یوروپل همکاری می‌کند. پلیس مرزی هم.\n\nپلیس مرزی اروپا",
            "Nothing here mentions anyone.",
        ];
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), (*t).to_string(), DocumentMeta::default()))
            .collect();
        Corpus { dir: ".".into(), catalog, documents }
    }

    fn same(a: &Index, b: &Index) {
        assert_eq!(a.mentions, b.mentions);
        assert_eq!(a.edges, b.edges);
        assert_eq!(a.mention_counts, b.mention_counts);
    }

    #[test]
    fn an_index_updated_after_catalog_edits_is_the_index_built_from_scratch() {
        let catalog: Catalog = ron::from_str(
            r#"Catalog(concepts: [
            Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL")),
            Concept(id: "europol", kind: Organisation, labels: (en: "Europol"), aliases: (fa: ["یوروپل", "پلیس اروپا"])),
        ])"#,
        )
        .unwrap();
        let edits = [
            Edit::AddAlias { id: "interpol".into(), lang: Lang::En, text: "INTERPOL and Europol".into() },
            Edit::Add(Concept {
                id: "border-police".into(),
                kind: crate::catalog::ConceptKind::Organisation,
                labels: crate::catalog::Localized { fa: "پلیس مرزی".into(), ..Default::default() },
                aliases: Default::default(),
                summary: Default::default(),
                relations: Vec::new(),
            }),
            Edit::AddAlias { id: "border-police".into(), lang: Lang::Fa, text: "پلیس مرزی اروپا".into() },
            Edit::Relate {
                source: "border-police".into(),
                kind: RelationKind::PartnerOf,
                target: "europol".into(),
                evidence: vec![EvidenceRef { document: "d2".into(), start: 0, end: 7 }],
            },
            Edit::SetSummary { id: "europol".into(), lang: Lang::En, text: "EU police".into() },
            Edit::RemoveAlias { id: "interpol".into(), lang: Lang::En, text: "INTERPOL and Europol".into() },
            Edit::Remove { id: "interpol".into() },
        ];
        let mut current = corpus(catalog);
        let mut index = Index::build(&current);
        for edit in &edits {
            let applied = apply(&current.catalog, edit).unwrap();
            let old = current.catalog.clone();
            current.catalog = with_changes(&old, &applied.changes);
            let (updated, report) = Index::update_catalog_counted(&index, &old, &current);
            same(&updated, &Index::build(&current));
            assert!(!report.rebuilt);
            if matches!(edit, Edit::SetSummary { .. } | Edit::Relate { .. }) {
                assert_eq!(report, CatalogUpdate::default(), "{edit:?}: nothing to search again");
            } else {
                assert!(report.documents > 0 && report.bytes > 0, "{edit:?}: {report:?}");
            }
            index = updated;
        }
        let relation = index.edges.iter().find(|e| e.kind == EdgeKind::Relation(RelationKind::PartnerOf)).unwrap();
        assert!(relation.evidence.contains(&Passage { document: 2, range: 0..7 }), "{:?}", relation.evidence);
    }

    #[test]
    fn only_the_stretches_where_a_changed_name_matches_are_searched_again() {
        let catalog: Catalog = ron::from_str(
            r#"Catalog(concepts: [
            Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL")),
            Concept(id: "europol", kind: Organisation, labels: (en: "Europol")),
        ])"#,
        )
        .unwrap();
        let current = corpus(catalog.clone());
        let index = Index::build(&current);
        let edit = Edit::AddAlias { id: "europol".into(), lang: Lang::Fa, text: "پلیس اروپا".into() };
        let mut edited = current;
        edited.catalog = with_changes(&catalog, &apply(&catalog, &edit).unwrap().changes);
        let (updated, report) = Index::update_catalog_counted(&index, &catalog, &edited);
        same(&updated, &Index::build(&edited));
        // d0's second stretch only: «پلیس مرزی اروپا» in d1 is not the name.
        assert_eq!(report.documents, 1);
        let d0 = &edited.documents[0].text;
        assert_eq!(report.bytes, d0.len() - d0.find("\n\n").unwrap() - 2);
    }

    #[test]
    fn a_tie_between_two_concepts_goes_to_the_first_in_either_order() {
        let catalog: Catalog = ron::from_str(
            r#"Catalog(concepts: [
            Concept(id: "a", kind: Topic, labels: (en: "Europol"), summary: (en: "one")),
            Concept(id: "b", kind: Topic, labels: (en: "EUROPOL")),
        ])"#,
        )
        .unwrap();
        let current = corpus(catalog.clone());
        let index = Index::build(&current);
        // "a" moves after "b" (as a concept moved to its own file does).
        let mut edited = current;
        edited.catalog = Catalog { concepts: vec![catalog.concepts[1].clone(), catalog.concepts[0].clone()] };
        same(&Index::update_catalog(&index, &catalog, &edited), &Index::build(&edited));
        assert!(Index::build(&edited).mention_counts[0] > 0);
    }
}
