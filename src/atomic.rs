//! The one write path for files the program creates: atomic (the old file
//! or the new one, never a mix), and never over a file it does not own.
//!
//! The bytes go to a temporary file `.diplomap-XXXXXX.tmp` in the same
//! folder, are flushed and fsynced, then renamed over the target; the folder
//! is fsynced after the rename so the rename itself survives a crash.
//!
//! [`write_file`] takes a [`Replace`] rule saying what may be written over:
//! nothing ([`Replace::Never`]: imports, unpacked files), only a file that is
//! recognisably ours ([`Replace::IfOurs`]: exports, screenshots), or the
//! file at a place the program owns ([`Replace::Owned`]: notes, tours, the
//! layout). Whatever the rule, a symbolic link, a folder or any other
//! non-regular file at the target is refused, never replaced: renaming over
//! a link would break it and leave its target stale. Temporary files older
//! than [`TEMP_GRACE`] left in the folder by a killed write are removed
//! first ([`clean_stale_temps`]); `diplomap check` reports them
//! ([`stale_temps`]).
//!
//! ```
//! use diplomap::atomic::{Replace, WriteError, write_file};
//! let dir = tempfile::tempdir().unwrap();
//! let thesis = dir.path().join("thesis.docx");
//! std::fs::write(&thesis, "my thesis").unwrap();
//! let ours = |head: &[u8]| head.starts_with(b"<svg");
//! let err = write_file(&thesis, b"<svg/>", Replace::IfOurs(&ours)).unwrap_err();
//! assert!(matches!(err, WriteError::NotOurs { .. }));
//! assert_eq!(std::fs::read(&thesis).unwrap(), b"my thesis");
//! ```

use std::io::{ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Temporary files are `.diplomap-XXXXXX.tmp`.
pub const TEMP_PREFIX: &str = ".diplomap-";
pub const TEMP_SUFFIX: &str = ".tmp";
/// Temporary files younger than this may belong to a write still running in
/// another process, so they are left alone.
pub const TEMP_GRACE: Duration = Duration::from_secs(60);
/// How much of an existing file [`Replace::IfOurs`] shows its recogniser.
pub const HEAD_BYTES: usize = 64 * 1024;

/// What [`write_file`] may write over.
#[derive(Clone, Copy)]
pub enum Replace<'a> {
    /// Nothing: the file must not exist (checked by the rename itself).
    Never,
    /// A regular file whose first [`HEAD_BYTES`] bytes the function
    /// recognises as ours (an earlier export of the same kind).
    IfOurs(&'a dyn Fn(&[u8]) -> bool),
    /// Any regular file: the place is the program's (notes, tours, layout).
    Owned,
}

/// Why [`write_file`] wrote nothing. The target is untouched in every case.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{}: already exists", .path.display())]
    Exists { path: PathBuf },
    #[error("{}: already exists and was not written by diplomap; refusing to replace it", .path.display())]
    NotOurs { path: PathBuf },
    #[error(
        "{}: is a symbolic link; refusing to replace it (the link would be broken and its target left stale): write to the target itself",
        .path.display()
    )]
    Symlink { path: PathBuf },
    #[error("{}: is a {what}, not a file; refusing to replace it", .path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}: cannot write: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

impl WriteError {
    /// The I/O error underneath, if that is what it is.
    pub fn io_kind(&self) -> Option<ErrorKind> {
        match self {
            WriteError::Io { source, .. } => Some(source.kind()),
            WriteError::Exists { .. } => Some(ErrorKind::AlreadyExists),
            _ => None,
        }
    }
}

/// Writes `bytes` to `path` atomically, replacing only what `replace`
/// allows. The parent folder must exist.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> Result<(), WriteError> {
    let io = |source| WriteError::Io { path: path.to_path_buf(), source };
    let existing = match std::fs::symlink_metadata(path) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(io(e)),
    };
    if let Some(meta) = &existing {
        let kind = meta.file_type();
        if kind.is_symlink() {
            return Err(WriteError::Symlink { path: path.to_path_buf() });
        }
        if !kind.is_file() {
            let what = if kind.is_dir() { "folder" } else { "special file" };
            return Err(WriteError::NotAFile { path: path.to_path_buf(), what });
        }
        match replace {
            Replace::Never => return Err(WriteError::Exists { path: path.to_path_buf() }),
            Replace::IfOurs(is_ours) => {
                let head = read_head(path).map_err(io)?;
                if !is_ours(&head) {
                    return Err(WriteError::NotOurs { path: path.to_path_buf() });
                }
            }
            Replace::Owned => {}
        }
    }
    let dir = parent_of(path);
    let _ = clean_stale_temps(dir, TEMP_GRACE);
    let replacing = existing.is_some();
    let mut tmp = temp_file_in(dir, existing).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let persisted = match (&replace, replacing) {
        // What was checked above is replaced; a new file is never put over
        // one that appeared meanwhile.
        (Replace::Owned | Replace::IfOurs(_), true) => tmp.persist(path).map(drop),
        _ => tmp.persist_noclobber(path).map(drop),
    };
    match persisted {
        Ok(()) => {}
        Err(e) if e.error.kind() == ErrorKind::AlreadyExists => {
            return Err(WriteError::Exists { path: path.to_path_buf() });
        }
        Err(e) => return Err(io(e.error)),
    }
    sync_dir(dir).map_err(io)
}

/// The first [`HEAD_BYTES`] of a file.
fn read_head(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(4096);
    std::fs::File::open(path)?.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Whether a file name is one of our temporary files.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// Our temporary files in `dir` older than `older_than`, with their sizes:
/// what a killed write left behind.
pub fn stale_temps(dir: &Path, older_than: Duration) -> Vec<(PathBuf, u64)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<(PathBuf, u64)> = entries
        .flatten()
        .filter(|entry| is_temp_name(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            let age = meta.modified().ok()?.elapsed().unwrap_or_default();
            (meta.is_file() && age >= older_than).then(|| (entry.path(), meta.len()))
        })
        .collect();
    found.sort();
    found
}

/// Removes the temporary files [`stale_temps`] finds; returns how many.
pub fn clean_stale_temps(dir: &Path, older_than: Duration) -> usize {
    stale_temps(dir, older_than).iter().filter(|(path, _)| std::fs::remove_file(path).is_ok()).count()
}

/// An exclusive lock on a folder (on Unix, `flock` on the folder itself: no
/// lock file is left in it), held until dropped. Other processes taking it
/// wait; a killed process releases it.
pub struct FolderLock {
    _file: Option<std::fs::File>,
}

impl FolderLock {
    #[cfg(unix)]
    pub fn acquire(dir: &Path) -> std::io::Result<FolderLock> {
        let file = std::fs::File::open(dir)?;
        file.lock()?;
        Ok(FolderLock { _file: Some(file) })
    }

    #[cfg(not(unix))]
    pub fn acquire(_dir: &Path) -> std::io::Result<FolderLock> {
        Ok(FolderLock { _file: None })
    }
}

/// [`write_file`] with [`Replace::Owned`], as an I/O result (a refusal is
/// `InvalidInput` with the refusal as its message).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, bytes, Replace::Owned).map_err(into_io)
}

/// [`write_file`] with [`Replace::Never`]: fails with `AlreadyExists` if
/// `path` exists (checked by the rename itself).
pub fn write_new_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_file(path, bytes, Replace::Never).map_err(into_io)
}

fn into_io(error: WriteError) -> std::io::Error {
    match error {
        WriteError::Io { source, .. } => source,
        WriteError::Exists { path } => {
            std::io::Error::new(ErrorKind::AlreadyExists, format!("{} exists", path.display()))
        }
        other => std::io::Error::new(ErrorKind::InvalidInput, other.to_string()),
    }
}

/// A temporary file in `dir` with the permissions of the file it replaces, or
/// the usual ones for a new file (rw-r--r-- under the umask), not tempfile's
/// private 0600: notes, tours and images are shared like any document.
fn temp_file_in(dir: &Path, replaced: Option<std::fs::Metadata>) -> std::io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::Builder::new().prefix(".diplomap-").suffix(".tmp").tempfile_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = replaced.map_or(0o644 & !current_umask(), |m| m.permissions().mode() & 0o7777);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = replaced;
    Ok(tmp)
}

/// The process umask, read from `/proc` (Linux); the common 022 elsewhere.
#[cfg(unix)]
fn current_umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("Umask:"))
        .and_then(|value| u32::from_str_radix(value.trim(), 8).ok())
        .unwrap_or(0o022)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("n.ron");
        write_new_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644 & !current_umask());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"y").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn replaces_whole_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"first version, longer").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_new_file_is_never_written_over_an_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        write_new_atomic(&path, b"first").unwrap();
        let err = write_new_atomic(&path, b"second").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary left");
    }
}
