//! `layout.ron`, the pins of the concept map: read when the map is built,
//! written when a pin changes — atomically (through the core's
//! [`crate::graph::save_layout`]), and never over a file that failed to parse.
//! Pins naming concepts the catalog lacks are kept and written back.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::graph::{LayoutFile, Vec2, load_layout, save_layout};

/// The layout file of one corpus, as last read.
#[derive(Debug, Clone)]
pub struct LayoutStore {
    path: PathBuf,
    /// Why the file may not be written: it failed to parse (its problems).
    blocked: Option<String>,
    /// Pins naming concepts the catalog lacks: kept and written back.
    foreign: BTreeMap<String, Vec2>,
}

/// Why the pins were not written.
#[derive(Debug, thiserror::Error)]
pub enum LayoutSaveError {
    /// The file on disk failed to parse when it was read; it is left as it is.
    #[error("{0}")]
    Blocked(String),
    #[error("{}: {source}", .path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

impl LayoutStore {
    /// Reads the pins at `path` (none when there is no file); `is_known` says
    /// whether a concept id is in the catalog.
    pub fn open(path: PathBuf, is_known: impl Fn(&str) -> bool) -> (LayoutStore, LayoutFile) {
        let (file, diagnostics) = load_layout(&path, &is_known);
        let errors: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        let blocked = (!errors.is_empty()).then(|| errors.join("\n"));
        let foreign = file.pinned.iter().filter(|(id, _)| !is_known(id)).map(|(id, &at)| (id.clone(), at)).collect();
        (LayoutStore { path, blocked, foreign }, file)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes `pins`, and the pins of unknown concepts read at open.
    pub fn save(&self, pins: &LayoutFile) -> Result<(), LayoutSaveError> {
        if let Some(reason) = &self.blocked {
            return Err(LayoutSaveError::Blocked(reason.clone()));
        }
        let mut file = pins.clone();
        for (id, &at) in &self.foreign {
            file.pinned.entry(id.clone()).or_insert(at);
        }
        save_layout(&self.path, &file).map_err(|source| LayoutSaveError::Write { path: self.path.clone(), source })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_failed_to_parse_is_never_written_and_unknown_pins_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("layout.ron");
        std::fs::write(&path, "Layout(pinned: {\"a\": (x: 1.0").unwrap();
        let (store, file) = LayoutStore::open(path.clone(), |_| true);
        assert!(file.pinned.is_empty());
        assert!(matches!(store.save(&LayoutFile::default()), Err(LayoutSaveError::Blocked(_))));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "Layout(pinned: {\"a\": (x: 1.0");

        std::fs::write(&path, "Layout(pinned: {\"gone\": (x: 1.0, y: 2.0), \"kept\": (x: 0.0, y: 0.0)})\n").unwrap();
        let (store, file) = LayoutStore::open(path.clone(), |id| id == "kept");
        assert_eq!(file.pinned.len(), 2);
        let mut pins = LayoutFile::default();
        pins.pinned.insert("kept".into(), Vec2::new(5.0, 6.0));
        store.save(&pins).unwrap();
        let (_, again) = LayoutStore::open(path, |_| true);
        assert_eq!(again.pinned.get("gone"), Some(&Vec2::new(1.0, 2.0)));
        assert_eq!(again.pinned.get("kept"), Some(&Vec2::new(5.0, 6.0)));
    }
}
