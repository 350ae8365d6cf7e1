//! The JSON shapes of the command line (a contract: see the design), built
//! from core values with the fields in the documented order.

use serde::Serialize;

use crate::catalog::{Concept, Localized, LocalizedList};
use crate::corpus::{Corpus, Document};
use crate::index::{Edge, Index, IndexedMention, Passage};

#[derive(Serialize)]
pub struct IndexJson<'a> {
    pub documents: Vec<DocumentJson<'a>>,
    pub concepts: Vec<ConceptJson<'a>>,
    pub mentions: Vec<MentionJson<'a>>,
    pub edges: Vec<EdgeJson<'a>>,
}

#[derive(Serialize)]
pub struct DocumentJson<'a> {
    pub id: &'a str,
    pub title: &'a Localized,
    pub languages: Vec<&'static str>,
    pub bytes: usize,
    pub sections: Vec<SectionJson<'a>>,
    pub broken_lines: Vec<[usize; 2]>,
}

#[derive(Serialize)]
pub struct SectionJson<'a> {
    pub id: &'a str,
    pub lang: Option<&'static str>,
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ConceptJson<'a> {
    pub id: &'a str,
    pub kind: &'static str,
    pub labels: &'a Localized,
    pub aliases: &'a LocalizedList,
    pub summary: &'a Localized,
}

#[derive(Serialize)]
pub struct MentionJson<'a> {
    pub concept: &'a str,
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct EdgeJson<'a> {
    pub source: &'a str,
    pub target: &'a str,
    pub kind: &'static str,
    pub weight: f32,
    pub evidence: Vec<PassageJson<'a>>,
}

#[derive(Serialize)]
pub struct PassageJson<'a> {
    pub document: &'a str,
    pub start: usize,
    pub end: usize,
}

pub fn index_json<'a>(corpus: &'a Corpus, index: &'a Index) -> IndexJson<'a> {
    IndexJson {
        documents: corpus
            .documents
            .iter()
            .zip(&index.documents)
            .map(|(d, di)| document_json(d, &di.broken_lines))
            .collect(),
        concepts: corpus.catalog.concepts.iter().map(concept_json).collect(),
        mentions: index.mentions.iter().map(|m| mention_json(corpus, m)).collect(),
        edges: index.edges.iter().map(|e| edge_json(corpus, e)).collect(),
    }
}

fn document_json<'a>(document: &'a Document, broken: &[std::ops::Range<usize>]) -> DocumentJson<'a> {
    DocumentJson {
        id: &document.id,
        title: &document.meta.title,
        languages: document.meta.languages.iter().map(|l| l.code()).collect(),
        bytes: document.text.len(),
        sections: document
            .meta
            .sections
            .iter()
            .map(|s| {
                let range = document.section_range(s);
                SectionJson { id: &s.id, lang: s.lang.map(|l| l.code()), start: range.start, end: range.end }
            })
            .collect(),
        broken_lines: broken.iter().map(|r| [r.start, r.end]).collect(),
    }
}

pub fn concept_json(concept: &Concept) -> ConceptJson<'_> {
    ConceptJson {
        id: &concept.id,
        kind: concept.kind.as_str(),
        labels: &concept.labels,
        aliases: &concept.aliases,
        summary: &concept.summary,
    }
}

fn mention_json<'a>(corpus: &'a Corpus, mention: &IndexedMention) -> MentionJson<'a> {
    let document = &corpus.documents[mention.document];
    MentionJson {
        concept: &corpus.catalog.concepts[mention.concept].id,
        document: &document.id,
        start: mention.range.start,
        end: mention.range.end,
        text: &document.text[mention.range.clone()],
    }
}

fn edge_json<'a>(corpus: &'a Corpus, edge: &Edge) -> EdgeJson<'a> {
    EdgeJson {
        source: &corpus.catalog.concepts[edge.source].id,
        target: &corpus.catalog.concepts[edge.target].id,
        kind: edge.kind.as_str(),
        weight: edge.weight,
        evidence: edge.evidence.iter().map(|p| passage_json(corpus, p)).collect(),
    }
}

fn passage_json<'a>(corpus: &'a Corpus, passage: &Passage) -> PassageJson<'a> {
    PassageJson { document: &corpus.documents[passage.document].id, start: passage.range.start, end: passage.range.end }
}
