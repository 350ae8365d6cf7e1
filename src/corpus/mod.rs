//! The corpus on disk: documents (`documents/<id>.txt`, byte-for-byte as the
//! source gave them, with `documents/<id>.ron` metadata beside each) and the
//! catalog (`concepts.ron` and `concepts/<id>.ron`); where the corpus folder is found; and the corpus
//! bundled into the binary for runs outside the project.
//!
//! [`Corpus::load`] reads everything it can and reports every problem as a
//! [`Diagnostic`] with FILE:LINE:COL; a document that cannot be read (invalid
//! UTF-8, say) is left out and reported, the rest still loads.

pub mod bundled;
pub mod import;
pub mod meta;
pub mod reading;

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::diag::{Diagnostic, line_col, read_utf8};
pub use import::fnv1a64;
pub use meta::{DocumentMeta, Section, SectionKind, SourceKind};

/// One document: its id (the file stem), its text and its metadata.
#[derive(Debug, Clone)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: DocumentMeta,
    /// Byte offset of the start of every line.
    pub line_starts: Vec<usize>,
}

impl Document {
    pub fn new(id: String, text: String, meta: DocumentMeta) -> Self {
        let line_starts = line_starts(&text);
        Document { id, text, meta, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of lines `first..=last` (1-based), without the final newline.
    pub fn lines_range(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        let start = self.line_starts.get(first.saturating_sub(1)).copied().unwrap_or(self.text.len());
        let end = self.line_starts.get(last).map_or(self.text.len(), |&next| next.saturating_sub(1));
        start..end.max(start)
    }

    /// Byte range of a section.
    pub fn section_range(&self, section: &Section) -> std::ops::Range<usize> {
        let (first, last) = section.lines;
        self.lines_range(first, last)
    }

    /// The section holding byte `offset`, if any.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        self.meta.sections.iter().find(|s| self.section_range(s).contains(&offset))
    }

    /// 1-based line number of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The title in `lang`, else any title, else the id.
    pub fn title(&self, lang: crate::text::Lang) -> &str {
        let title = self.meta.title.get_or_any(lang);
        if title.is_empty() { &self.id } else { title }
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len() || i == 0)
        .collect()
}

/// The loaded corpus.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub dir: PathBuf,
    pub catalog: Catalog,
    pub documents: Vec<Document>,
}

impl Corpus {
    /// Loads the corpus in `dir`: the catalog and every document. Returns
    /// `None` only when the catalog cannot be read at all.
    pub fn load(dir: &Path) -> (Option<Corpus>, Vec<Diagnostic>) {
        let (catalog, mut diagnostics) = Catalog::load_dir(dir);
        let (documents, document_diagnostics) = load_documents(&dir.join("documents"));
        diagnostics.extend(document_diagnostics);
        let corpus = catalog.map(|catalog| Corpus { dir: dir.to_path_buf(), catalog, documents });
        (corpus, diagnostics)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn notes_dir(&self) -> PathBuf {
        self.dir.join("notes")
    }

    pub fn tours_dir(&self) -> PathBuf {
        self.dir.join("tours")
    }

    pub fn layout_path(&self) -> PathBuf {
        self.dir.join("layout.ron")
    }
}

/// Whether `id` can name a document: letters, digits, `-` and `_`.
pub fn is_valid_document_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 200 && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Loads every `<id>.txt` of a documents folder with its `<id>.ron`, sorted by id.
pub fn load_documents(dir: &Path) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => return (Vec::new(), vec![Diagnostic::error(dir, (1, 1), format!("cannot read folder: {err}"))]),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut documents = Vec::new();
    for path in &paths {
        let Some(id) = path.file_stem().and_then(|s| s.to_str()) else { continue };
        match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                if let Some(document) = load_document(path, id, &mut diagnostics) {
                    documents.push(document);
                }
            }
            Some("ron") if !path.with_extension("txt").exists() => {
                diagnostics.push(Diagnostic::error(
                    path,
                    (1, 1),
                    format!("metadata without a text: {id}.txt is missing"),
                ));
            }
            _ => {}
        }
    }
    (documents, diagnostics)
}

fn load_document(path: &Path, id: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Document> {
    if !is_valid_document_id(id) {
        diagnostics.push(Diagnostic::error(
            path,
            (1, 1),
            format!("document id {id:?} may only use letters, digits, - and _"),
        ));
        return None;
    }
    let text = match read_utf8(path) {
        Ok(text) => text,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let meta_path = path.with_extension("ron");
    let meta = if meta_path.exists() {
        meta::load(&meta_path, diagnostics).unwrap_or_default()
    } else {
        diagnostics.push(Diagnostic::warning(path, (1, 1), format!("no metadata: {id}.ron is missing")));
        DocumentMeta::default()
    };
    let document = Document::new(id.to_string(), text, meta);
    if meta_path.exists() {
        check_sections(&meta_path, &document, diagnostics);
    }
    Some(document)
}

fn check_sections(meta_path: &Path, document: &Document, diagnostics: &mut Vec<Diagnostic>) {
    let source = std::fs::read_to_string(meta_path).unwrap_or_default();
    let lines = document.line_count();
    let mut previous_end = 0;
    for section in &document.meta.sections {
        let at = source.find(&format!("\"{}\"", section.id)).map_or((1, 1), |i| line_col(&source, i));
        let (first, last) = section.lines;
        if first == 0 || first > last || last > lines {
            diagnostics.push(Diagnostic::error(
                meta_path,
                at,
                format!("section \"{}\" has lines ({first}, {last}); the text has lines 1 to {lines}", section.id),
            ));
        } else if first <= previous_end {
            diagnostics.push(Diagnostic::warning(
                meta_path,
                at,
                format!("section \"{}\" overlaps the one before", section.id),
            ));
        }
        previous_end = previous_end.max(last);
    }
}

/// Where the corpus is: `--corpus`, else `$DIPLOMAP_CORPUS`, else `./corpus`
/// (when it holds `concepts.ron`), else the corpus bundled into the binary,
/// unpacked once into the platform's data folder (where notes then go). The
/// one rule of every command. A folder named by the flag or the variable
/// must exist: a mistyped path is an error, never a new corpus.
pub fn resolve_dir(arg: Option<PathBuf>) -> Result<PathBuf, Diagnostic> {
    let named = arg.map(|dir| (dir, "--corpus")).or_else(|| {
        std::env::var_os("DIPLOMAP_CORPUS").filter(|v| !v.is_empty()).map(|dir| (PathBuf::from(dir), "DIPLOMAP_CORPUS"))
    });
    if let Some((dir, from)) = named {
        if !dir.is_dir() {
            return Err(Diagnostic::error(&dir, (1, 1), format!("corpus folder not found (named by {from})")));
        }
        return Ok(dir);
    }
    let local = PathBuf::from("corpus");
    if local.join("concepts.ron").is_file() {
        return Ok(local);
    }
    bundled::unpack_to_data_dir()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ranges() {
        let doc = Document::new("d".into(), "one\ntwo\n\nfour".into(), DocumentMeta::default());
        assert_eq!(doc.line_count(), 4);
        assert_eq!(&doc.text[doc.lines_range(1, 1)], "one");
        assert_eq!(&doc.text[doc.lines_range(2, 4)], "two\n\nfour");
        assert_eq!(doc.line_of(0), 1);
        assert_eq!(doc.line_of(4), 2);
        assert_eq!(doc.line_of(13), 4);
    }

    #[test]
    fn bad_documents_are_reported_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        let docs = dir.path().join("documents");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("good.txt"), "متن\n").unwrap();
        std::fs::write(docs.join("good.ron"), "Document(sections: [(id: \"body\", kind: Body, lines: (1, 9))])")
            .unwrap();
        std::fs::write(docs.join("bad.txt"), b"ab\n\xff").unwrap();
        std::fs::write(docs.join("broken.txt"), "x").unwrap();
        std::fs::write(docs.join("broken.ron"), "Document(\n  year: \"soon\",\n)").unwrap();
        let (documents, diagnostics) = load_documents(&docs);
        let ids: Vec<&str> = documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["broken", "good"]);
        let messages: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{}:{}:{}", d.path.file_name().unwrap().to_string_lossy(), d.line, d.col))
            .collect();
        assert!(messages.contains(&"bad.txt:2:1".to_string()), "{messages:?}");
        assert!(messages.contains(&"broken.ron:2:8".to_string()), "{diagnostics:?}");
        assert!(messages.contains(&"good.ron:1:26".to_string()), "{diagnostics:?}");
    }
}
