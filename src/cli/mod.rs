//! The command line: a thin layer over the same core calls the GUI uses.
//!
//! `main` parses the arguments into a [`Command`], then dispatches; every
//! subcommand lives in its own function and prints JSON or plain text. Exit
//! status: 0 on success, 1 on bad input (message on stderr), 2 on bad usage.

pub mod note;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Exit status for bad input.
pub const EXIT_BAD_INPUT: i32 = 1;
/// Exit status for bad usage.
pub const EXIT_USAGE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "diplomap",
    version,
    about = "A knowledge-base browser for Persian, Arabic and English texts on diplomacy and security"
)]
pub struct Cli {
    /// The corpus folder (else $DIPLOMAP_CORPUS, else ./corpus, else the bundled corpus).
    #[arg(long, global = true, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub gui: GuiArgs,
}

/// Options of the window (no subcommand).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GuiArgs {
    /// Open the window at this address (`concept:ID`, `document:ID`, `map`, …).
    #[arg(long, value_name = "ADDRESS")]
    pub open: Option<String>,
    /// Save the window's pixels to this PNG once it has settled, then exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot: Option<PathBuf>,
    /// Window size for --screenshot, as WxH.
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// Interface language: fa, ar or en.
    #[arg(long, value_name = "fa|ar|en")]
    pub ui_lang: Option<String>,
    /// Theme: light or dark.
    #[arg(long, value_name = "light|dark")]
    pub theme: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate every corpus file; errors as FILE:LINE:COL: message.
    Check,
    /// Build the index and print a summary, or JSON with --json.
    Index {
        #[arg(long)]
        json: bool,
    },
    /// Concept mentions in any UTF-8 text, one JSON object a line.
    Mentions {
        /// A file, or - (the default) for standard input.
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
    },
    /// Ranked full-text search over documents, concepts and notes.
    Search {
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
    },
    /// Read and write editors' notes.
    Note {
        #[command(subcommand)]
        action: note::NoteCommand,
    },
    /// Export the map or a tour step as SVG or PNG.
    Export {
        #[arg(long, value_name = "svg|png")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "ID")]
        tour: Option<String>,
        #[arg(long, value_name = "N")]
        step: Option<usize>,
    },
}

/// Parses the process arguments and runs; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return match err.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => 0,
                _ => EXIT_USAGE,
            };
        }
    };
    run(cli)
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> i32 {
    let Some(command) = cli.command else {
        return open_gui(cli.corpus, cli.gui);
    };
    match command {
        Command::Note { action } => note::run(cli.corpus, action),
        _ => {
            eprintln!("diplomap: not implemented yet");
            EXIT_BAD_INPUT
        }
    }
}

#[cfg(feature = "gui")]
fn open_gui(corpus: Option<PathBuf>, args: GuiArgs) -> i32 {
    let _ = (corpus, args);
    0
}

#[cfg(not(feature = "gui"))]
fn open_gui(_corpus: Option<PathBuf>, _args: GuiArgs) -> i32 {
    eprintln!("diplomap: this build has no window (built without the `gui` feature); see --help");
    EXIT_USAGE
}
