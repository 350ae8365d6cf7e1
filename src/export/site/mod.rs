//! The knowledge base as a static site, for reading without the program: an
//! index with the map and the concepts by kind, a page per concept, per
//! document and per tour, the abstracts side by side, and a search box that
//! works offline with the program's folding.
//!
//! ```text
//! index.html  search.html  abstracts.html  licence.html
//! concepts/<id>.html  documents/<id>.html  tours/<id>.html
//! assets/site.css (the font inside)  assets/search.js  assets/search-index.js  assets/OFL.txt
//! ```
//!
//! Every link is relative, so the folder works from a USB stick, over
//! `file://` or from any web server; nothing is fetched from the network. The
//! search index is a script (`search-index.js`), not JSON, since browsers do
//! not let a `file://` page fetch a JSON file. Only what the corpus holds goes
//! in: the catalog, the documents, the tours and the notes of the corpus's
//! `notes/` folder (source URLs are shown as text, never linked).
//!
//! [`write_site`] builds every file in memory, writes them into a new folder
//! beside the target and then swaps it in, so a reader never sees half a
//! site; it replaces only a folder that an earlier export wrote (it holds
//! [`MARKER`]) or an empty one.
//!
//! - [`names`]: file names safe on every system.
//! - [`markup`]: text with crossing marks as nested HTML.
//! - [`pages`]: the pages.
//! - [`search`]: the search index and the folding, in JavaScript.

pub mod markup;
pub mod names;
pub mod pages;
pub mod search;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::corpus::Corpus;
use crate::index::Index;
use crate::notes::ConceptNotes;
use crate::text::Lang;

use super::ExportError;
use super::map::SettledMap;

/// The file in the root of an exported site that marks it as ours.
pub const MARKER: &str = ".diplomap-site";

/// What a site is made from.
#[derive(Clone, Copy)]
pub struct Site<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a Index,
    pub map: &'a SettledMap,
    /// The interface language of the pages.
    pub lang: Lang,
}

/// What an export wrote.
#[derive(Debug, Clone, Default)]
pub struct SiteReport {
    /// HTML pages written.
    pub pages: usize,
    /// All files written.
    pub files: usize,
    /// Notes files that could not be read and were left out.
    pub skipped_notes: Vec<String>,
}

/// The site's files, by path relative to its root (`/`-separated).
pub type Files = BTreeMap<String, Vec<u8>>;

/// Builds the site of `site` and puts it at `out`, replacing an earlier export there.
pub fn write_site(site: &Site, out: &Path) -> Result<SiteReport, ExportError> {
    let (notes, skipped_notes) = read_notes(site.corpus);
    let files = pages::build(site, &notes)?;
    let report = SiteReport {
        pages: files.keys().filter(|path| path.ends_with(".html")).count(),
        files: files.len(),
        skipped_notes,
    };
    replace_folder(out, &files)?;
    Ok(report)
}

/// The notes of the catalog's concepts from the corpus's own `notes/` folder
/// (regular files only), and the files that could not be read.
pub fn read_notes(corpus: &Corpus) -> (BTreeMap<String, ConceptNotes>, Vec<String>) {
    let dir = corpus.notes_dir();
    let mut notes = BTreeMap::new();
    let mut skipped = Vec::new();
    for concept in &corpus.catalog.concepts {
        if crate::notes::check_concept_id(&concept.id).is_err() {
            continue;
        }
        let path = dir.join(format!("{}.ron", concept.id));
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {}
            Ok(_) => {
                skipped.push(format!("{}: not a regular file", path.display()));
                continue;
            }
            Err(_) => continue,
        }
        let parsed = crate::diag::read_utf8(&path)
            .map_err(|d| d.to_string())
            .and_then(|text| crate::notes::format::parse(&path, &text).map_err(|e| e.to_string()));
        match parsed {
            Ok(parsed) if !parsed.notes.is_empty() => {
                notes.insert(concept.id.clone(), parsed);
            }
            Ok(_) => {}
            Err(message) => skipped.push(message),
        }
    }
    (notes, skipped)
}

/// Writes `files` into a new folder beside `out`, then swaps it in place of
/// `out` (which must be absent, empty, or an earlier export).
pub fn replace_folder(out: &Path, files: &Files) -> Result<(), ExportError> {
    let write_error = |path: &Path, source: std::io::Error| ExportError::Write { path: path.into(), source };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "site".into());
    let existing = match std::fs::symlink_metadata(out) {
        Ok(meta) => {
            if !meta.is_dir() || !is_replaceable(out) {
                return Err(ExportError::NotOurs { path: out.into(), kind: crate::export::own::Kind::Html });
            }
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(write_error(out, e)),
    };
    std::fs::create_dir_all(&parent).map_err(|e| write_error(&parent, e))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.diplomap-new-"))
        .tempdir_in(&parent)
        .map_err(|e| write_error(&parent, e))?;
    for (relative, bytes) in files {
        let path = staging.path().join(relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| write_error(folder, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| write_error(&path, e))?;
    }
    let marker = staging.path().join(MARKER);
    std::fs::write(&marker, b"A site exported by diplomap; the next export replaces this folder.\n")
        .map_err(|e| write_error(&marker, e))?;
    sync_tree(staging.path()).map_err(|e| write_error(staging.path(), e))?;
    let staged = staging.keep();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&staged, std::fs::Permissions::from_mode(0o755));
    }
    if !existing {
        return std::fs::rename(&staged, out).map_err(|e| {
            let _ = std::fs::remove_dir_all(&staged);
            write_error(out, e)
        });
    }
    // Two renames: the old site steps aside, the new one takes its name; the
    // old one is removed only once the new one is in place.
    let old = unused_name(&parent, &format!(".{name}.diplomap-old-"));
    if let Err(e) = std::fs::rename(out, &old) {
        let _ = std::fs::remove_dir_all(&staged);
        return Err(write_error(out, e));
    }
    if let Err(e) = std::fs::rename(&staged, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&staged);
        return Err(write_error(out, e));
    }
    #[cfg(unix)]
    let _ = std::fs::File::open(&parent).and_then(|folder| folder.sync_all());
    std::fs::remove_dir_all(&old).map_err(|e| write_error(&old, e))
}

/// Whether the folder `dir` may be replaced: empty, or an earlier export.
fn is_replaceable(dir: &Path) -> bool {
    let marker = std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file());
    marker || std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none())
}

fn unused_name(parent: &Path, prefix: &str) -> PathBuf {
    let pid = std::process::id();
    let mut n = 0u32;
    loop {
        let candidate = parent.join(format!("{prefix}{pid}-{n}"));
        if std::fs::symlink_metadata(&candidate).is_err() {
            return candidate;
        }
        n += 1;
    }
}

/// Flushes every file and folder under `dir` to disk.
fn sync_tree(dir: &Path) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            sync_tree(&path)?;
        } else {
            std::fs::File::open(&path)?.sync_all()?;
        }
    }
    #[cfg(unix)]
    std::fs::File::open(dir)?.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs.iter().map(|(p, b)| (p.to_string(), b.as_bytes().to_vec())).collect()
    }

    #[test]
    fn a_second_export_replaces_the_first_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        replace_folder(&out, &files(&[("index.html", "one"), ("concepts/a.html", "a")])).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("concepts/a.html")).unwrap(), "a");
        replace_folder(&out, &files(&[("index.html", "two")])).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("index.html")).unwrap(), "two");
        assert!(!out.join("concepts/a.html").exists(), "nothing of the old site is left");
        let names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
        assert_eq!(names, ["site"], "no staging or old folder left beside it");
    }

    #[test]
    fn a_folder_that_is_not_ours_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("mine");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("thesis.docx"), "precious").unwrap();
        let err = replace_folder(&out, &files(&[("index.html", "x")])).unwrap_err();
        assert!(matches!(err, ExportError::NotOurs { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("thesis.docx")).unwrap(), "precious");
        let file = dir.path().join("file");
        std::fs::write(&file, "a file").unwrap();
        assert!(replace_folder(&file, &files(&[("index.html", "x")])).is_err());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file");
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        replace_folder(&empty, &files(&[("index.html", "x")])).unwrap();
        assert!(empty.join(MARKER).is_file());
    }
}
