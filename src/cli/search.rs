//! `diplomap search [--corpus DIR] [--json] QUERY...`: ranked full-text
//! search over documents, concept labels, aliases and summaries, and the
//! editors' main notes, with the same folding as mentions.
//!
//! ```text
//! $ diplomap search اينترپ
//! 1  17.797  concept   interpol              label:fa  اینترپل
//! 2  9.281   concept   i-24-7                alias:fa  شبکه ارتباطی امن اینترپل
//! 3  6.899   document  003_412e824fada4b61c  65..79    نقش اینترپل در مقابله با تروریسم
//! $ diplomap search --json اينترپ
//! {"query":"اينترپ","hits":[{"kind":"concept","id":"interpol","start":0,"end":14,"score":17.7968,…}]}
//! ```
//!
//! Plain output is one hit a line, tab-separated: rank, score, kind, id, where
//! (byte range in the document, or field:language for concepts and notes),
//! snippet. JSON is one object `{"query", "hits": [...]}`; a hit has `kind`
//! (`document`, `concept` or `note`), `document` (documents) or `id`
//! (concepts and notes), `start`/`end` (the best hit's bytes: in the document
//! file, or in the label, alias, summary or note text named by `field` and
//! `lang`), `score`, `snippet`, `highlights` (byte ranges into the snippet)
//! and, for documents, `passage` (the paragraph's byte range). No hits is not
//! an error: exit 0.

use std::path::PathBuf;

use serde::Serialize;

use super::output::{Out, warn};
use super::{Failure, load_corpus};
use crate::corpus::Corpus;
use crate::index::search::{Hit, HitTarget, SearchFilters, SearchIndex};
use crate::notes::NoteStore;

/// How many hits the command line prints.
pub const LIMIT: usize = 20;

/// Runs `diplomap search`.
pub fn search(corpus: Option<PathBuf>, json: bool, query: &str, out: &mut Out) -> Result<(), Failure> {
    let (corpus, _warnings) = load_corpus(corpus)?;
    let notes = main_notes(&corpus);
    let index = SearchIndex::build(&corpus, &notes);
    let hits = index.search(&corpus, query, &SearchFilters::default(), LIMIT);
    if json { write_json(out, &corpus, query, &hits) } else { write_plain(out, &corpus, &hits) }
}

/// Every concept's main note body; notes that cannot be read are reported on
/// stderr and left out (search still runs).
pub fn main_notes(corpus: &Corpus) -> Vec<(String, String)> {
    let (notes, errors) = NoteStore::open(corpus.notes_dir()).main_notes();
    for err in errors {
        warn(format_args!("diplomap: left out of the search: {err}"));
    }
    notes
}

/// One hit of `--json`, fields in the contract's order.
#[derive(Serialize)]
struct HitJson<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
    start: usize,
    end: usize,
    score: f32,
    snippet: &'a str,
    highlights: Vec<[usize; 2]>,
    field: &'static str,
    lang: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passage: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct SearchJson<'a> {
    query: &'a str,
    hits: Vec<HitJson<'a>>,
}

fn hit_json<'a>(corpus: &'a Corpus, hit: &'a Hit) -> HitJson<'a> {
    let (kind, name) = kind_and_name(corpus, hit);
    let (id, document, passage) = match &hit.target {
        HitTarget::Document { range, .. } => (None, Some(name), Some([range.start, range.end])),
        _ => (Some(name), None, None),
    };
    HitJson {
        kind,
        id,
        document,
        start: hit.original_range.start,
        end: hit.original_range.end,
        score: hit.score,
        snippet: &hit.snippet,
        highlights: hit.snippet_highlights.iter().map(|r| [r.start, r.end]).collect(),
        field: hit.field.as_str(),
        lang: hit.lang.map(|l| l.code()),
        passage,
    }
}

/// The hit's kind and the id of what it points at.
fn kind_and_name<'a>(corpus: &'a Corpus, hit: &'a Hit) -> (&'static str, &'a str) {
    match &hit.target {
        HitTarget::Document { document, .. } => {
            ("document", corpus.documents.get(*document).map_or("", |d| d.id.as_str()))
        }
        HitTarget::Concept { concept } => {
            ("concept", corpus.catalog.concepts.get(*concept).map_or("", |c| c.id.as_str()))
        }
        HitTarget::Note { concept } => ("note", concept.as_str()),
    }
}

fn write_json(out: &mut Out, corpus: &Corpus, query: &str, hits: &[Hit]) -> Result<(), Failure> {
    let value = SearchJson { query, hits: hits.iter().map(|h| hit_json(corpus, h)).collect() };
    let text = serde_json::to_string(&value).map_err(|e| Failure::Message(e.to_string()))?;
    out.line(text)
}

fn write_plain(out: &mut Out, corpus: &Corpus, hits: &[Hit]) -> Result<(), Failure> {
    for (rank, hit) in hits.iter().enumerate() {
        let (kind, name) = kind_and_name(corpus, hit);
        let place = match &hit.target {
            HitTarget::Document { .. } => format!("{}..{}", hit.original_range.start, hit.original_range.end),
            _ => format!("{}:{}", hit.field.as_str(), hit.lang.map_or("-", |l| l.code())),
        };
        out.line(format_args!("{}\t{:.3}\t{kind}\t{name}\t{place}\t{}", rank + 1, hit.score, hit.snippet))?;
    }
    Ok(())
}
