//! The corpus bundled into the binary at build time (see `build.rs`), for a
//! binary run outside the project: unpacked once into the platform's data
//! folder, never over files that are already there. Once unpacked the
//! folder is the user's: a marker file [`UNPACKED_MARKER`] (or, for folders
//! unpacked before there was one, the catalog) says so, and nothing is
//! unpacked again — documents and tours the user deleted stay deleted.

use std::path::PathBuf;

use crate::diag::Diagnostic;

include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));

/// The bundled files: path relative to the corpus folder, and bytes.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    BUNDLED_FILES
}

/// Unpacks the bundled corpus into the platform's data folder (files already
/// there are kept as they are) and returns the folder.
pub fn unpack_to_data_dir() -> Result<PathBuf, Diagnostic> {
    let Some(dirs) = directories::ProjectDirs::from("org", "diplomap", "diplomap") else {
        return Err(Diagnostic::error(
            std::path::Path::new("corpus"),
            (1, 1),
            "no corpus folder here, and no data folder for the bundled corpus; use --corpus DIR",
        ));
    };
    let dir = dirs.data_dir().join("corpus");
    unpack_to(&dir)?;
    Ok(dir)
}

/// The file that says the bundled corpus was unpacked into a folder.
pub const UNPACKED_MARKER: &str = ".diplomap-unpacked";

/// Unpacks the bundled corpus into `dir` unless it was unpacked there
/// before: every bundled file missing under `dir`, the catalog last (so a
/// killed unpack is finished next time), then the marker.
pub fn unpack_to(dir: &std::path::Path) -> Result<(), Diagnostic> {
    let marker = dir.join(UNPACKED_MARKER);
    if marker.exists() {
        return Ok(());
    }
    if !dir.join("concepts.ron").exists() {
        unpack_files(dir)?;
    }
    crate::atomic::write_file(
        &marker,
        b"The bundled corpus was unpacked here; this folder is now the user's.\n",
        crate::atomic::Replace::Owned,
    )
    .map_err(|e| Diagnostic::error(&marker, (1, 1), format!("cannot write: {e}")))
}

fn unpack_files(dir: &std::path::Path) -> Result<(), Diagnostic> {
    let mut ordered: Vec<&(&str, &[u8])> = files().iter().collect();
    ordered.sort_by_key(|(relative, _)| *relative == "concepts.ron");
    for (relative, bytes) in ordered {
        let path = dir.join(relative);
        if path.exists() {
            continue;
        }
        let error =
            |e: std::io::Error| Diagnostic::error(&path, (1, 1), format!("cannot unpack the bundled corpus: {e}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
        crate::atomic::write_new_atomic(&path, bytes).map_err(error)?;
    }
    for folder in ["notes", "tours"] {
        let path = dir.join(folder);
        std::fs::create_dir_all(&path).map_err(|e| Diagnostic::error(&path, (1, 1), format!("cannot create: {e}")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_the_catalog_and_documents_and_unpacks_without_overwriting() {
        let names: Vec<&str> = files().iter().map(|(name, _)| *name).collect();
        assert!(names.contains(&"concepts.ron"), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("documents/") && n.ends_with(".txt")));
        assert!(!names.iter().any(|n| n.starts_with("notes/")), "notes are the user's, not bundled");
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("documents")).unwrap();
        let document = names.iter().find(|n| n.starts_with("documents/")).unwrap();
        std::fs::write(dir.path().join(document), "mine").unwrap();
        unpack_to(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join(document)).unwrap(), "mine");
        assert!(dir.path().join("notes").is_dir());
        assert!(dir.path().join("concepts.ron").is_file());
        assert!(dir.path().join("documents").read_dir().unwrap().count() >= 2);
    }

    #[test]
    fn unpacked_once_then_the_folder_is_the_users() {
        let dir = tempfile::tempdir().unwrap();
        unpack_to(dir.path()).unwrap();
        let tours: Vec<_> = std::fs::read_dir(dir.path().join("tours")).unwrap().flatten().collect();
        let documents: Vec<_> = std::fs::read_dir(dir.path().join("documents")).unwrap().flatten().collect();
        for entry in tours.iter().chain(&documents) {
            std::fs::remove_file(entry.path()).unwrap();
        }
        unpack_to(dir.path()).unwrap();
        assert_eq!(std::fs::read_dir(dir.path().join("documents")).unwrap().count(), 0, "deleted stays deleted");
        assert_eq!(std::fs::read_dir(dir.path().join("tours")).unwrap().count(), 0);
        // A folder unpacked before the marker existed counts as unpacked.
        let old = tempfile::tempdir().unwrap();
        std::fs::write(old.path().join("concepts.ron"), "mine").unwrap();
        unpack_to(old.path()).unwrap();
        assert!(!old.path().join("documents").exists());
        assert!(old.path().join(UNPACKED_MARKER).is_file());
    }
}
