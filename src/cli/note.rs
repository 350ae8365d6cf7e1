//! `diplomap note get|set|list`: editors' notes from the command line, over
//! the same [`NoteStore`] the GUI uses.
//!
//! ```text
//! diplomap note set interpol --text-file note.txt   # or - for stdin
//! diplomap note get interpol > note.txt              # the same bytes back
//! diplomap note list
//! ```
//!
//! Exit status: 0 on success (including `get` of a concept without a main
//! note, which prints nothing), 1 on bad input — an invalid concept id, a
//! text file that is not UTF-8, a malformed notes file (reported as
//! FILE:LINE:COL: message and never written over) — and 2 on bad usage.

use super::EXIT_BAD_INPUT;
use crate::diag::utf8_or_diagnostic;
use crate::notes::{NoteStore, NotesError};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The environment variable naming the corpus folder when `--corpus` is absent.
const CORPUS_ENV: &str = "DIPLOMAP_CORPUS";

#[derive(Debug, clap::Subcommand)]
pub enum NoteCommand {
    /// Print a concept's main note body, byte for byte as last set (no newline added).
    ///
    /// A concept without a main note prints nothing and exits 0, exactly like an
    /// empty note; `diplomap note list` tells which concepts have notes.
    /// Exits 1 if the id is invalid or the concept's notes file is malformed.
    Get {
        /// The concept id (kebab-case, e.g. police-diplomacy).
        concept: String,
    },
    /// Replace a concept's main note body with a file's bytes, atomically.
    ///
    /// Other notes of the concept are kept. The text must be UTF-8 (else exit 1,
    /// naming the first bad byte). A malformed notes file is never written over.
    Set {
        /// The concept id (kebab-case, e.g. police-diplomacy).
        concept: String,
        /// The file holding the new body, or - for standard input.
        #[arg(long, value_name = "F|-")]
        text_file: PathBuf,
    },
    /// Print the id of every concept that has a notes file, one a line, sorted.
    List,
}

/// Runs a `note` subcommand; returns the exit status.
pub fn run(corpus: Option<PathBuf>, command: NoteCommand) -> i32 {
    let corpus = resolve_corpus_dir(corpus);
    if !corpus.is_dir() {
        eprintln!("diplomap note: corpus folder {} not found (use --corpus DIR or {CORPUS_ENV})", corpus.display());
        return EXIT_BAD_INPUT;
    }
    let mut store = NoteStore::open(corpus.join("notes"));
    match command {
        NoteCommand::Get { concept } => get(&mut store, &concept),
        NoteCommand::Set { concept, text_file } => set(&mut store, &concept, &text_file),
        NoteCommand::List => list(&store),
    }
}

/// `--corpus`, else `$DIPLOMAP_CORPUS`, else `./corpus`.
fn resolve_corpus_dir(flag: Option<PathBuf>) -> PathBuf {
    if let Some(dir) = flag {
        return dir;
    }
    match std::env::var_os(CORPUS_ENV) {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from("corpus"),
    }
}

fn get(store: &mut NoteStore, concept: &str) -> i32 {
    let body = match store.get_main(concept) {
        Ok(body) => body.unwrap_or_default(),
        Err(e) => return report(&e),
    };
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(body.as_bytes()).and_then(|()| out.flush()) {
        eprintln!("diplomap note get: cannot write to standard output: {e}");
        return EXIT_BAD_INPUT;
    }
    0
}

fn set(store: &mut NoteStore, concept: &str, text_file: &Path) -> i32 {
    let body = match read_text(text_file) {
        Ok(body) => body,
        Err(message) => {
            eprintln!("{message}");
            return EXIT_BAD_INPUT;
        }
    };
    match store.set_main(concept, &body) {
        Ok(()) => 0,
        Err(e) => report(&e),
    }
}

fn list(store: &NoteStore) -> i32 {
    let ids = match store.list() {
        Ok(ids) => ids,
        Err(e) => return report(&e),
    };
    let mut out = std::io::stdout().lock();
    let written = ids.iter().try_for_each(|id| writeln!(out, "{id}")).and_then(|()| out.flush());
    if let Err(e) = written {
        eprintln!("diplomap note list: cannot write to standard output: {e}");
        return EXIT_BAD_INPUT;
    }
    0
}

/// The UTF-8 text of a file, or of standard input for `-`; the error is the
/// message to print (FILE:LINE:COL: invalid UTF-8 at byte N).
fn read_text(path: &Path) -> Result<String, String> {
    let from_stdin = path.as_os_str() == "-";
    let shown = if from_stdin { Path::new("<stdin>") } else { path };
    let bytes = if from_stdin { read_stdin() } else { std::fs::read(path) };
    let bytes = bytes.map_err(|e| format!("{}: cannot read: {e}", shown.display()))?;
    utf8_or_diagnostic(shown, bytes).map_err(|d| d.to_string())
}

fn read_stdin() -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Prints an error (diagnostics as FILE:LINE:COL: message, one a line) and
/// returns its exit status.
fn report(error: &NotesError) -> i32 {
    let diagnostics = error.diagnostics();
    if diagnostics.is_empty() {
        eprintln!("diplomap note: {error}");
    }
    for d in &diagnostics {
        eprintln!("{d}");
    }
    EXIT_BAD_INPUT
}
