//! The corpus bundled into the binary at build time (see `build.rs`), for a
//! binary run outside the project: unpacked once into the platform's data
//! folder, never over files that are already there.

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

/// Writes every bundled file missing under `dir`.
pub fn unpack_to(dir: &std::path::Path) -> Result<(), Diagnostic> {
    for (relative, bytes) in files() {
        let path = dir.join(relative);
        if path.exists() {
            continue;
        }
        let error =
            |e: std::io::Error| Diagnostic::error(&path, (1, 1), format!("cannot unpack the bundled corpus: {e}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(error)?;
        }
        crate::atomic::write_atomic(&path, bytes).map_err(error)?;
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
        std::fs::write(dir.path().join("concepts.ron"), "mine").unwrap();
        unpack_to(dir.path()).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("concepts.ron")).unwrap(), "mine");
        assert!(dir.path().join("notes").is_dir());
        assert!(dir.path().join("documents").read_dir().unwrap().count() >= 2);
    }
}
