//! The catalog's files as read: `concepts.ron` and `concepts/<id>.ron`, each
//! with its text and a [`Revision`] (length and content hash), and for each
//! concept the file and byte span it came from.
//!
//! A file in `concepts/` holds one `Concept(...)` whose id is the file's stem;
//! comments may stand before and after it. The concepts of `concepts.ron`
//! come first, in their order, then those of `concepts/` by file name.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::{Catalog, Concept, ConceptSource, spans};
use crate::diag::{Diagnostic, locate, read_utf8};

/// The single catalog file of a corpus folder.
pub const MAIN_FILE: &str = "concepts.ron";
/// The folder of one file per concept.
pub const CONCEPTS_DIR: &str = "concepts";

/// What a file's bytes were when they were read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Revision {
    pub len: u64,
    pub hash: u64,
}

impl Revision {
    pub fn of(bytes: &[u8]) -> Revision {
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        Revision { len: bytes.len() as u64, hash: hasher.finish() }
    }

    /// The revision of the file at `path` now; `None` when there is none.
    pub fn on_disk(path: &Path) -> std::io::Result<Option<Revision>> {
        match std::fs::read(path) {
            Ok(bytes) => Ok(Some(Revision::of(&bytes))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Which of the two places a file is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// `concepts.ron`, many concepts.
    Main,
    /// `concepts/<id>.ron`, one concept.
    Own,
}

/// One catalog file as read.
#[derive(Debug, Clone)]
pub struct CatalogFile {
    pub path: PathBuf,
    pub kind: FileKind,
    pub text: String,
    pub revision: Revision,
}

/// Where a concept was read from: `files[file]`, bytes `span` of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub span: Range<usize>,
}

/// A catalog with the files it was read from.
#[derive(Debug, Clone)]
pub struct LoadedCatalog {
    pub dir: PathBuf,
    pub catalog: Catalog,
    pub files: Vec<CatalogFile>,
    /// Per concept, in catalog order.
    pub origins: Vec<Origin>,
    /// `concepts.ron` when it was absent: nothing to revise, and a first
    /// concept goes to `concepts/`.
    pub main_missing: bool,
}

/// The path of a concept's own file.
pub fn own_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(CONCEPTS_DIR).join(format!("{id}.ron"))
}

/// Every catalog file of the corpus folder `dir` that exists: `concepts.ron`,
/// then `concepts/*.ron` by name (what an index depends on).
pub fn paths(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let main = dir.join(MAIN_FILE);
    if main.is_file() {
        out.push(main);
    }
    out.extend(own_files(dir));
    out
}

fn own_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir.join(CONCEPTS_DIR)) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| !n.starts_with('.')))
        .collect();
    paths.sort();
    paths
}

impl LoadedCatalog {
    /// Reads and validates every catalog file of `dir`. The catalog is
    /// `None` when a file could not be read or parsed (every such problem is
    /// in the diagnostics), or when there is no catalog at all.
    pub fn load(dir: &Path) -> (Option<LoadedCatalog>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut files = Vec::new();
        let mut concepts = Vec::new();
        let mut origins = Vec::new();
        let mut failed = false;
        let main_path = dir.join(MAIN_FILE);
        let own = own_files(dir);
        let main_missing = !main_path.exists() && dir.join(CONCEPTS_DIR).is_dir();
        if !main_missing {
            match read_utf8(&main_path) {
                Ok(text) if text.trim().is_empty() => {
                    diagnostics.extend(crate::catalog::blank_catalog(&main_path, &text));
                    failed = true;
                }
                Ok(text) => match ron::from_str::<Catalog>(&text) {
                    Ok(catalog) => {
                        let entries = spans::concept_entries(&text);
                        for (i, concept) in catalog.concepts.into_iter().enumerate() {
                            let span = entries.get(i).cloned().unwrap_or(0..0);
                            origins.push(Origin { file: files.len(), span });
                            concepts.push(concept);
                        }
                        let revision = Revision::of(text.as_bytes());
                        files.push(CatalogFile { path: main_path.clone(), kind: FileKind::Main, text, revision });
                    }
                    Err(err) => {
                        diagnostics.push(Diagnostic::from_ron(&main_path, &err));
                        failed = true;
                    }
                },
                Err(diagnostic) => {
                    diagnostics.push(diagnostic);
                    failed = true;
                }
            }
        }
        for path in own {
            let text = match read_utf8(&path) {
                Ok(text) => text,
                Err(diagnostic) => {
                    diagnostics.push(diagnostic);
                    failed = true;
                    continue;
                }
            };
            let concept = match ron::from_str::<Concept>(&text) {
                Ok(concept) => concept,
                Err(err) => {
                    diagnostics.push(Diagnostic::from_ron(&path, &err));
                    failed = true;
                    continue;
                }
            };
            let span = spans::single_value(&text).unwrap_or(0..text.len());
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            if stem != concept.id {
                diagnostics.push(Diagnostic::error(
                    &path,
                    locate(&text, "id:", span.start),
                    format!(
                        "concept \"{}\" is in the file of \"{stem}\"; a concept's file is named by its id",
                        concept.id
                    ),
                ));
            }
            origins.push(Origin { file: files.len(), span });
            concepts.push(concept);
            let revision = Revision::of(text.as_bytes());
            files.push(CatalogFile { path, kind: FileKind::Own, text, revision });
        }
        if failed {
            // What a file that does not parse means for the rest is unknown:
            // its syntax errors alone are reported.
            return (None, diagnostics);
        }
        let catalog = Catalog { concepts };
        let sources: Vec<ConceptSource> = origins
            .iter()
            .map(|o| {
                let file = &files[o.file];
                ConceptSource { path: &file.path, text: &file.text, offset: o.span.start }
            })
            .collect();
        diagnostics.extend(catalog.validate(&main_path, &sources));
        (Some(LoadedCatalog { dir: dir.to_path_buf(), catalog, files, origins, main_missing }), diagnostics)
    }

    /// The file concept `index` was read from.
    pub fn file_of(&self, index: usize) -> Option<&CatalogFile> {
        self.origins.get(index).and_then(|o| self.files.get(o.file))
    }

    /// The revision this catalog read of the file at `path`, if it read one.
    pub fn revision_of(&self, path: &Path) -> Option<Revision> {
        self.files.iter().find(|f| f.path == path).map(|f| f.revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAIN: &str =
        "// hand\nCatalog(concepts: [\n    Concept(id: \"a\", kind: Topic, labels: (en: \"alpha\")),\n])\n";

    #[test]
    fn both_places_are_read_and_a_concept_in_both_is_a_duplicate() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(MAIN_FILE), MAIN).unwrap();
        std::fs::create_dir(dir.path().join(CONCEPTS_DIR)).unwrap();
        std::fs::write(own_path(dir.path(), "b"), "// b\nConcept(id: \"b\", kind: Topic, labels: (en: \"beta\"))\n")
            .unwrap();
        let (loaded, diagnostics) = LoadedCatalog::load(dir.path());
        let loaded = loaded.unwrap();
        let ids: Vec<&str> = loaded.catalog.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
        assert_eq!(
            &loaded.files[1].text[loaded.origins[1].span.clone()],
            "Concept(id: \"b\", kind: Topic, labels: (en: \"beta\"))"
        );

        std::fs::write(own_path(dir.path(), "a"), "Concept(id: \"a\", kind: Topic, labels: (en: \"alpha two\"))")
            .unwrap();
        let (_, diagnostics) = LoadedCatalog::load(dir.path());
        let duplicate = diagnostics.iter().find(|d| d.message.starts_with("duplicate concept id")).unwrap();
        assert_eq!(duplicate.path, own_path(dir.path(), "a"));
        assert_eq!((duplicate.line, duplicate.col), (1, 9));
        assert!(duplicate.message.contains("concepts.ron:3:13"), "{duplicate}");
    }

    #[test]
    fn a_file_named_for_another_id_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(CONCEPTS_DIR)).unwrap();
        std::fs::write(own_path(dir.path(), "x"), "Concept(id: \"y\", kind: Topic, labels: (en: \"y\"))").unwrap();
        let (_, diagnostics) = LoadedCatalog::load(dir.path());
        assert!(diagnostics.iter().any(|d| d.is_error() && d.message.contains("file of \"x\"")), "{diagnostics:?}");
    }
}
