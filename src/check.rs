//! `diplomap check`: every problem in every corpus file, errors and warnings,
//! gathered from each loader: the catalog, document metadata and texts (lines
//! in broken visual order are warnings), tours, notes (and notes files of
//! concepts the catalog does not hold) and the map layout,
//! and temporary files a killed write left behind. Nothing is written.

use std::collections::HashSet;
use std::path::Path;

use crate::corpus::Corpus;
use crate::diag::{Diagnostic, read_utf8};

/// Every problem found in the corpus at `dir`, sorted by file and position.
pub fn check_corpus(dir: &Path) -> Vec<Diagnostic> {
    let (corpus, mut diagnostics) = Corpus::load(dir);
    if let Some(corpus) = &corpus {
        diagnostics.extend(broken_line_warnings(corpus));
        diagnostics.extend(tour_problems(corpus));
        diagnostics.extend(evidence_problems(corpus));
        let (_, layout) =
            crate::graph::persist::load_layout(&corpus.layout_path(), |id| corpus.catalog.get(id).is_some());
        diagnostics.extend(layout);
    }
    diagnostics.extend(leftovers(dir));
    let notes = crate::notes::NoteStore::open(dir.join("notes"));
    diagnostics.extend(notes.check_all());
    diagnostics.extend(notes.check_anchors(&dir.join("documents")));
    if let Some(corpus) = &corpus {
        diagnostics.extend(orphan_notes(corpus, &notes));
    }
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    diagnostics
}

/// Notes files of concepts the catalog does not hold.
fn orphan_notes(corpus: &Corpus, notes: &crate::notes::NoteStore) -> Vec<Diagnostic> {
    let Ok(ids) = notes.list() else { return Vec::new() };
    let mut problems = Vec::new();
    for id in ids.iter().filter(|id| corpus.catalog.get(id).is_none()) {
        let Ok(path) = notes.path_of(id) else { continue };
        let hint = corpus.catalog.did_you_mean(id);
        problems.push(Diagnostic::error(&path, (1, 1), format!("notes of unknown concept \"{id}\"{hint}")));
    }
    problems
}

/// Temporary files of interrupted writes, in every folder we write into.
fn leftovers(dir: &Path) -> Vec<Diagnostic> {
    let folders = [dir.to_path_buf(), dir.join("documents"), dir.join("notes"), dir.join("tours")];
    let mut found = Vec::new();
    for folder in folders {
        for (path, size) in crate::atomic::stale_temps(&folder, crate::atomic::TEMP_GRACE) {
            found.push(Diagnostic::warning(
                &path,
                (1, 1),
                format!("left by an interrupted write ({size} bytes); removed at the next write into this folder"),
            ));
        }
    }
    found
}

/// One warning per line in broken visual order: shown marked, not indexed.
fn broken_line_warnings(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for document in &corpus.documents {
        let path = corpus.dir.join("documents").join(format!("{}.txt", document.id));
        for range in crate::text::broken_order::broken_lines(&document.text) {
            warnings.push(Diagnostic::warning(
                &path,
                (document.line_of(range.start), 1),
                "line in broken visual order (PDF damage): shown marked, its words not indexed",
            ));
        }
    }
    warnings
}

/// Evidence of curated relations that names a missing document or bytes
/// outside it (or inside a character).
fn evidence_problems(corpus: &Corpus) -> Vec<Diagnostic> {
    let (Some(loaded), _) = crate::catalog::files::LoadedCatalog::load(&corpus.dir) else { return Vec::new() };
    let mut problems = Vec::new();
    for (index, concept) in loaded.catalog.concepts.iter().enumerate() {
        let (Some(file), Some(origin)) = (loaded.file_of(index), loaded.origins.get(index)) else { continue };
        for relation in &concept.relations {
            for evidence in &relation.evidence {
                let at =
                    crate::diag::locate(&file.text, &format!("document: \"{}\"", evidence.document), origin.span.start);
                let problem = match corpus.document(&evidence.document) {
                    None => Some(format!("evidence in unknown document \"{}\"", evidence.document)),
                    Some(document) => {
                        let text = &document.text;
                        let inside = evidence.end <= text.len()
                            && text.is_char_boundary(evidence.start)
                            && text.is_char_boundary(evidence.end);
                        (!inside).then(|| {
                            format!(
                                "evidence {}@{}-{} is not a range of its text ({} bytes, ranges on character boundaries)",
                                evidence.document,
                                evidence.start,
                                evidence.end,
                                text.len()
                            )
                        })
                    }
                };
                if let Some(message) = problem {
                    problems.push(Diagnostic::error(&file.path, at, message));
                }
            }
        }
    }
    problems
}

fn tour_problems(corpus: &Corpus) -> Vec<Diagnostic> {
    let tours_dir = corpus.tours_dir();
    let Ok(ids) = crate::tours::list(&tours_dir) else { return Vec::new() };
    let concepts: HashSet<String> = corpus.catalog.concepts.iter().map(|c| c.id.clone()).collect();
    let documents: HashSet<String> = corpus.documents.iter().map(|d| d.id.clone()).collect();
    let mut problems = Vec::new();
    for id in ids {
        let path = crate::tours::path_of(&tours_dir, &id);
        let text = match read_utf8(&path) {
            Ok(text) => text,
            Err(diagnostic) => {
                problems.push(diagnostic);
                continue;
            }
        };
        match crate::tours::from_ron(&path, &text) {
            Ok(tour) => problems.extend(crate::tours::validate(&tour, &concepts, &documents, &path, &text)),
            Err(diagnostics) => problems.extend(diagnostics),
        }
    }
    problems
}
