//! `diplomap note get|set|list`: editors' notes from the command line.

use std::path::PathBuf;

#[derive(Debug, clap::Subcommand)]
pub enum NoteCommand {
    /// Print a concept's main note body, exactly as last set.
    Get { concept: String },
    /// Replace a concept's main note body with a file's bytes, atomically.
    Set {
        concept: String,
        #[arg(long, value_name = "F|-")]
        text_file: PathBuf,
    },
    /// Print the id of every concept that has notes, one a line.
    List,
}

pub fn run(_corpus: Option<PathBuf>, _command: NoteCommand) -> i32 {
    eprintln!("diplomap note: not implemented yet");
    super::EXIT_BAD_INPUT
}
