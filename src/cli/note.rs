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
//! note, which prints nothing), 1 on bad input — an invalid concept id, for
//! `set` a concept the corpus's catalog does not hold (nothing written), a
//! text file that is not UTF-8, a malformed notes file (reported as
//! FILE:LINE:COL: message and never written over) — and 2 on bad usage.

use super::Failure;
use super::output::Out;
use crate::diag::utf8_or_diagnostic;
use crate::notes::model::MAX_NOTE_BYTES;
use crate::notes::{NoteStore, NotesError};
use std::io::Read;
use std::path::{Path, PathBuf};

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

/// Runs a `note` subcommand. The corpus is found as every command finds it
/// ([`crate::corpus::resolve_dir`]).
pub fn run(corpus: Option<PathBuf>, command: NoteCommand, out: &mut Out) -> Result<(), Failure> {
    let corpus = crate::corpus::resolve_dir(corpus)?;
    let mut store = NoteStore::open(corpus.join("notes"));
    match command {
        NoteCommand::Get { concept } => get(&mut store, &concept, out),
        NoteCommand::Set { concept, text_file } => set(&mut store, &corpus, &concept, &text_file),
        NoteCommand::List => list(&store, out),
    }
}

fn get(store: &mut NoteStore, concept: &str, out: &mut Out) -> Result<(), Failure> {
    let body = store.get_main(concept).map_err(failure)?.unwrap_or_default();
    out.bytes(body.as_bytes())
}

fn set(store: &mut NoteStore, corpus: &Path, concept: &str, text_file: &Path) -> Result<(), Failure> {
    known_concept(corpus, concept)?;
    let body = read_text(text_file)?;
    store.set_main(concept, &body).map_err(failure)
}

/// Refuses a concept id the corpus's catalog does not hold (a note for it
/// would be an orphan file), naming the closest id. A corpus without
/// catalog files has nothing to check against.
fn known_concept(corpus: &Path, concept: &str) -> Result<(), Failure> {
    let has_catalog = corpus.join(crate::catalog::files::MAIN_FILE).exists()
        || corpus.join(crate::catalog::files::CONCEPTS_DIR).exists();
    if !has_catalog {
        return Ok(());
    }
    let (loaded, diagnostics) = crate::catalog::files::LoadedCatalog::load(corpus);
    let Some(loaded) = loaded else { return Err(Failure::BadInput(diagnostics)) };
    if loaded.catalog.get(concept).is_some() {
        return Ok(());
    }
    let hint = loaded.catalog.did_you_mean(concept);
    Err(Failure::Message(format!("unknown concept \"{concept}\"{hint} (no note written)")))
}

fn list(store: &NoteStore, out: &mut Out) -> Result<(), Failure> {
    for id in store.list().map_err(failure)? {
        out.line(id)?;
    }
    Ok(())
}

/// The UTF-8 text of a file, or of standard input for `-` (FILE:LINE:COL:
/// invalid UTF-8 at byte N).
fn read_text(path: &Path) -> Result<String, Failure> {
    let from_stdin = path.as_os_str() == "-";
    let shown = if from_stdin { Path::new("<stdin>") } else { path };
    let bytes = if from_stdin {
        read_at_most(std::io::stdin().lock())
    } else {
        std::fs::File::open(path).and_then(read_at_most)
    };
    let bytes = bytes.map_err(|e| Failure::Message(format!("{}: cannot read: {e}", shown.display())))?;
    if bytes.len() > MAX_NOTE_BYTES {
        return Err(Failure::Message(format!(
            "{}: more than {MAX_NOTE_BYTES} bytes; a note holds at most {MAX_NOTE_BYTES} bytes (1 MiB)",
            shown.display()
        )));
    }
    Ok(utf8_or_diagnostic(shown, bytes)?)
}

/// At most one byte more than a note may hold (so `/dev/zero` is refused, not read).
fn read_at_most(input: impl Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    input.take(MAX_NOTE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// A notes error as a failure: diagnostics as FILE:LINE:COL: message, one a
/// line, else the error itself.
fn failure(error: NotesError) -> Failure {
    let diagnostics = error.diagnostics();
    if diagnostics.is_empty() {
        return Failure::Message(error.to_string());
    }
    Failure::BadInput(diagnostics)
}
