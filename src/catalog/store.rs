//! Catalog edits written to disk. A changed concept is written to its own
//! file `concepts/<id>.ron`, atomically; the comments before and after the
//! value in that file are kept. A concept that still lives in `concepts.ron`
//! moves to its own file when it is first edited: its entry is cut out of
//! `concepts.ron` by its byte span (every other byte of that file stays as
//! it was) and the `//` comments inside the entry go to the top of the new
//! file. A removed concept's file is deleted (or its entry cut out).
//!
//! Nothing is written over a file that changed on disk since the store read
//! it (content hash): the edit fails with [`CatalogError::Conflict`] and the
//! caller offers to [`CatalogStore::reload`].
//!
//! [`CatalogStore::edit_undoable`] also returns a [`FileUndo`]: the bytes of
//! every file the edit wrote as they were before, so that
//! [`CatalogStore::undo`] puts the files back byte for byte (a concept moved
//! out of `concepts.ron` goes back into it), again only over files that are
//! still what the edit wrote. The new file of a moved
//! concept is written before its entry is cut, so a crash in between leaves
//! the concept twice (a duplicate id that `diplomap check` points at), never
//! lost.
//!
//! ```no_run
//! use diplomap::catalog::{Lang, edit::Edit, store::CatalogStore};
//! let (store, _problems) = CatalogStore::open("corpus".as_ref());
//! let mut store = store.expect("a catalog without errors");
//! store.edit(&Edit::AddAlias { id: "frontex".into(), lang: Lang::Fa, text: "فرانتکس".into() })?;
//! # Ok::<(), diplomap::catalog::store::CatalogError>(())
//! ```

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::edit::{Applied, Change, Edit, EditError, apply};
use super::files::{CONCEPTS_DIR, FileKind, LoadedCatalog, Revision, own_path};
use super::{Catalog, render, spans};
use crate::atomic::{write_atomic, write_new_atomic};
use crate::diag::Diagnostic;

/// Why an edit was not written.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Edit(#[from] EditError),
    #[error("{}: changed on disk since it was read; nothing was written (reload the catalog, then edit again)", path.display())]
    Conflict { path: PathBuf },
    #[error("concept \"{id}\" is no longer what this edit was made from; nothing was written (reload the catalog)")]
    Stale { id: String },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the catalog cannot be read: {}", first_error(.0))]
    Invalid(Vec<Diagnostic>),
}

fn first_error(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().find(|d| d.is_error()).map_or_else(|| "unknown problem".to_string(), ToString::to_string)
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> CatalogError + '_ {
    move |source| CatalogError::Io { path: path.to_path_buf(), source }
}

/// The catalog of a corpus folder, for editing.
#[derive(Debug, Clone)]
pub struct CatalogStore {
    loaded: LoadedCatalog,
    /// The problems found when the catalog was last read.
    diagnostics: Vec<Diagnostic>,
}

/// How to put back the files an edit wrote: each file's text before the
/// edit (`None`: it did not exist) and its revision after (`None`: the edit
/// deleted it), in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUndo {
    files: Vec<FileBefore>,
    /// `concepts/`, when the edit created it.
    created_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct FileBefore {
    path: PathBuf,
    before: Option<String>,
    after: Option<Revision>,
}

impl FileUndo {
    /// The files the edit wrote, created or deleted.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.files.iter().map(|f| f.path.as_path())
    }
}

/// One file write an edit plans.
#[derive(Debug)]
enum Write {
    /// A new file, never over an existing one.
    Create {
        path: PathBuf,
        text: String,
    },
    /// An existing file replaced, if it is still the revision read.
    Replace {
        path: PathBuf,
        text: String,
        expected: Revision,
    },
    Delete {
        path: PathBuf,
        expected: Revision,
    },
}

impl CatalogStore {
    /// Reads the catalog of `dir`; `None` when it cannot be read or parsed.
    pub fn open(dir: &Path) -> (Option<CatalogStore>, Vec<Diagnostic>) {
        let (loaded, diagnostics) = LoadedCatalog::load(dir);
        let store = loaded.map(|loaded| CatalogStore { loaded, diagnostics: diagnostics.clone() });
        (store, diagnostics)
    }

    pub fn catalog(&self) -> &Catalog {
        &self.loaded.catalog
    }

    pub fn loaded(&self) -> &LoadedCatalog {
        &self.loaded
    }

    /// The problems found when the catalog was last read (at the open, or
    /// after the last write): what loading the corpus would report of it.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Reads every catalog file again (keep theirs). On an error the store
    /// keeps what it had.
    pub fn reload(&mut self) -> Result<Vec<Diagnostic>, CatalogError> {
        let (loaded, diagnostics) = LoadedCatalog::load(&self.loaded.dir);
        match loaded {
            Some(loaded) => {
                self.loaded = loaded;
                self.diagnostics = diagnostics.clone();
                Ok(diagnostics)
            }
            None => Err(CatalogError::Invalid(diagnostics)),
        }
    }

    /// The catalog files that are no longer what this store read (edited,
    /// created or deleted elsewhere).
    pub fn changed_on_disk(&self) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = self
            .loaded
            .files
            .iter()
            .filter(|f| Revision::on_disk(&f.path).ok().flatten() != Some(f.revision))
            .map(|f| f.path.clone())
            .collect();
        for path in super::files::paths(&self.loaded.dir) {
            if self.loaded.revision_of(&path).is_none() {
                changed.push(path);
            }
        }
        changed
    }

    /// Makes `edit`: checks it, writes it, reads the catalog again. Returns
    /// what changed (its [`Applied::undo`] undoes it through [`Self::write`]).
    pub fn edit(&mut self, edit: &Edit) -> Result<Applied, CatalogError> {
        let applied = apply(&self.loaded.catalog, edit)?;
        self.write(&applied.changes)?;
        Ok(applied)
    }

    /// [`Self::edit`], and how to put the files back as they were.
    pub fn edit_undoable(&mut self, edit: &Edit) -> Result<(Applied, FileUndo), CatalogError> {
        let applied = apply(&self.loaded.catalog, edit)?;
        let (undo, _) = self.write_undoable(&applied.changes)?;
        Ok((applied, undo))
    }

    /// Several edits as one ([`super::edit::apply_all`]), with one undo.
    pub fn edit_all_undoable(&mut self, edits: &[Edit]) -> Result<(Applied, FileUndo), CatalogError> {
        let applied = super::edit::apply_all(&self.loaded.catalog, edits)?;
        let (undo, _) = self.write_undoable(&applied.changes)?;
        Ok((applied, undo))
    }

    /// Writes `changes` (each concept's value before must be the one this
    /// store holds), then reads the catalog again.
    pub fn write(&mut self, changes: &[Change]) -> Result<Vec<Diagnostic>, CatalogError> {
        self.write_undoable(changes).map(|(_, diagnostics)| diagnostics)
    }

    /// Puts back the files of `undo` as they were before its edit, if each is
    /// still what the edit wrote (else [`CatalogError::Conflict`], nothing
    /// written), then reads the catalog again. Files are put back in the
    /// reverse order of the edit's writes, so a concept moved out of
    /// `concepts.ron` is back in it before its own file goes.
    pub fn undo(&mut self, undo: &FileUndo) -> Result<Vec<Diagnostic>, CatalogError> {
        for file in &undo.files {
            if Revision::on_disk(&file.path).map_err(io(&file.path))? != file.after {
                return Err(CatalogError::Conflict { path: file.path.clone() });
            }
        }
        for file in undo.files.iter().rev() {
            let path = &file.path;
            match (&file.before, file.after) {
                (Some(text), Some(_)) => write_atomic(path, text.as_bytes()).map_err(io(path))?,
                (Some(text), None) => write_new_atomic(path, text.as_bytes()).map_err(io(path))?,
                (None, Some(_)) => std::fs::remove_file(path).map_err(io(path))?,
                (None, None) => {}
            }
        }
        if let Some(dir) = &undo.created_dir {
            // Only if empty: anything else put there since stays.
            let _ = std::fs::remove_dir(dir);
        }
        self.reload()
    }

    fn write_undoable(&mut self, changes: &[Change]) -> Result<(FileUndo, Vec<Diagnostic>), CatalogError> {
        let writes = self.plan(changes)?;
        for write in &writes {
            let (path, expected) = match write {
                Write::Create { path, .. } => (path, None),
                Write::Replace { path, expected, .. } | Write::Delete { path, expected } => (path, Some(*expected)),
            };
            if Revision::on_disk(path).map_err(io(path))? != expected {
                return Err(CatalogError::Conflict { path: path.clone() });
            }
        }
        let own_dir = self.loaded.dir.join(CONCEPTS_DIR);
        let mut undo = FileUndo { files: Vec::new(), created_dir: None };
        if writes.iter().any(|w| matches!(w, Write::Create { .. })) && !own_dir.is_dir() {
            std::fs::create_dir_all(&own_dir).map_err(io(&own_dir))?;
            undo.created_dir = Some(own_dir.clone());
        }
        for write in &writes {
            let before = |path: &Path| self.loaded.files.iter().find(|f| f.path == path).map(|f| f.text.clone());
            undo.files.push(match write {
                Write::Create { path, text } => {
                    FileBefore { path: path.clone(), before: None, after: Some(Revision::of(text.as_bytes())) }
                }
                Write::Replace { path, text, .. } => {
                    FileBefore { path: path.clone(), before: before(path), after: Some(Revision::of(text.as_bytes())) }
                }
                Write::Delete { path, .. } => FileBefore { path: path.clone(), before: before(path), after: None },
            });
            match write {
                Write::Create { path, text } => write_new_atomic(path, text.as_bytes()).map_err(|e| {
                    if e.kind() == std::io::ErrorKind::AlreadyExists {
                        CatalogError::Conflict { path: path.clone() }
                    } else {
                        io(path)(e)
                    }
                })?,
                Write::Replace { path, text, .. } => write_atomic(path, text.as_bytes()).map_err(io(path))?,
                Write::Delete { path, .. } => std::fs::remove_file(path).map_err(io(path))?,
            }
        }
        let diagnostics = self.reload()?;
        Ok((undo, diagnostics))
    }

    /// The file writes that make `changes`: creations first, then
    /// replacements (`concepts.ron` last), then deletions.
    fn plan(&self, changes: &[Change]) -> Result<Vec<Write>, CatalogError> {
        let loaded = &self.loaded;
        let mut creates = Vec::new();
        let mut replaces = Vec::new();
        let mut deletes = Vec::new();
        let mut main_cuts: Vec<Range<usize>> = Vec::new();
        let mut main_file = None;
        for change in changes {
            let at = loaded.catalog.position(&change.id);
            if at.map(|i| &loaded.catalog.concepts[i]) != change.before.as_ref() {
                return Err(CatalogError::Stale { id: change.id.clone() });
            }
            let own = own_path(&loaded.dir, &change.id);
            let Some(index) = at else {
                if let Some(after) = &change.after {
                    creates.push(Write::Create { path: own, text: render::new_file("", after) });
                }
                continue;
            };
            let origin = &loaded.origins[index];
            let file = &loaded.files[origin.file];
            match file.kind {
                FileKind::Main => {
                    main_file = Some(origin.file);
                    main_cuts.push(spans::removal_span(&file.text, origin.span.clone()));
                    if let Some(after) = &change.after {
                        let comments = spans::line_comments(&file.text, origin.span.clone());
                        let header: String = comments.iter().map(|c| format!("{c}\n")).collect();
                        creates.push(Write::Create { path: own, text: render::new_file(&header, after) });
                    }
                }
                FileKind::Own => match &change.after {
                    Some(after) => {
                        let mut text = file.text.clone();
                        text.replace_range(origin.span.clone(), &render::concept(after));
                        replaces.push(Write::Replace { path: file.path.clone(), text, expected: file.revision });
                    }
                    None => deletes.push(Write::Delete { path: file.path.clone(), expected: file.revision }),
                },
            }
        }
        if let Some(main) = main_file {
            let file = &loaded.files[main];
            main_cuts.sort_by_key(|r| std::cmp::Reverse(r.start));
            let mut text = file.text.clone();
            for cut in main_cuts {
                text.replace_range(cut, "");
            }
            replaces.push(Write::Replace { path: file.path.clone(), text, expected: file.revision });
        }
        Ok(creates.into_iter().chain(replaces).chain(deletes).collect())
    }
}
