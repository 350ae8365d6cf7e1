//! The command line: a thin layer over the same core calls the GUI uses.
//!
//! `main` parses the arguments into a [`Command`], then dispatches; every
//! subcommand lives in its own function and prints JSON or plain text. Exit
//! status: 0 on success, 1 on bad input (message on stderr), 2 on bad usage.

pub mod concept;
pub mod export;
pub mod import;
pub mod json;
pub mod mentions;
pub mod note;
pub mod output;
pub mod search;
pub mod suggest;
pub mod text;

use clap::{Parser, Subcommand};
use std::path::PathBuf;

use output::{Out, warn};

use crate::catalog::Catalog;
use crate::corpus::{self, Corpus};
use crate::diag::Diagnostic;
use crate::index::Index;

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
    /// Open the window with the import form for this text file.
    #[arg(long, value_name = "FILE")]
    pub import: Option<PathBuf>,
    /// With --open tour:ID[:STEP], start straight in presenter mode.
    #[arg(long)]
    pub present: bool,
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
    /// Add a text, PDF or HTML file to the corpus as a new document; prints its id.
    Import(import::ImportArgs),
    /// Read and write editors' notes.
    Note {
        #[command(subcommand)]
        action: note::NoteCommand,
    },
    /// Export the map, a tour step or a whole tour as SVG or PNG; a tour as one HTML page; the knowledge base as a static site.
    Export(export::ExportArgs),
    /// Terms the corpus keeps using that no concept names, best first.
    Suggest(suggest::SuggestArgs),
    /// Edit the catalog: add or remove concepts, names and relations.
    Concept {
        #[command(subcommand)]
        action: concept::ConceptCommand,
    },
    /// A document as the reader shows it, line N = stored line N (lines in
    /// broken visual order read in logical order).
    Text {
        /// Print the stored bytes instead.
        #[arg(long)]
        original: bool,
        /// One JSON object a line: {"line","repaired","confidence","text"}.
        #[arg(long)]
        json: bool,
        #[arg(value_name = "DOC-ID")]
        id: String,
    },
    /// Rebuild lines in broken visual order (PDF damage) in any text, line for line.
    Repair {
        /// One JSON object a line: {"line","repaired","confidence","text"}.
        #[arg(long)]
        json: bool,
        /// A file, or - (the default) for standard input.
        #[arg(value_name = "FILE|-")]
        file: Option<PathBuf>,
    },
}

/// Parses the process arguments and runs; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let printed = err.print();
            return match err.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    exit_status(printed.map_err(Failure::Output))
                }
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
    let mut out = Out::stdout();
    let result = match command {
        Command::Note { action } => note::run(cli.corpus, action, &mut out),
        Command::Check => check(cli.corpus, &mut out),
        Command::Mentions { file } => mentions(cli.corpus, file, &mut out),
        Command::Index { json } => index(cli.corpus, json, &mut out),
        Command::Search { json, query } => search::search(cli.corpus, json, &query.join(" "), &mut out),
        Command::Import(args) => import::import(cli.corpus, args, &mut out),
        Command::Export(args) => export::run(cli.corpus, args, &mut out),
        Command::Concept { action } => concept::run(cli.corpus, action, &mut out),
        Command::Suggest(args) => suggest::run(cli.corpus, args, &mut out),
        Command::Text { original, json, id } => text::text(cli.corpus, &id, original, json, &mut out),
        Command::Repair { json, file } => text::repair(file, json, &mut out),
    };
    // What was printed before a failure still goes out; the failure decides the status.
    let flushed = out.finish();
    exit_status(result.and(flushed))
}

/// The exit status of a command's result, after printing its failure on stderr.
pub fn exit_status(result: Result<(), Failure>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(Failure::Output(error)) if output::is_closed_pipe(&error) => 0,
        Err(Failure::Output(error)) => {
            warn(format_args!("diplomap: cannot write to standard output: {error}"));
            EXIT_BAD_INPUT
        }
        Err(Failure::BadInput(diagnostics)) => {
            for diagnostic in diagnostics {
                warn(diagnostic);
            }
            EXIT_BAD_INPUT
        }
        Err(Failure::Message(message)) => {
            warn(format_args!("diplomap: {message}"));
            EXIT_BAD_INPUT
        }
        Err(Failure::Reported) => EXIT_BAD_INPUT,
        Err(Failure::Usage(message)) => {
            warn(format_args!("diplomap: {message}"));
            EXIT_USAGE
        }
    }
}

/// Why a command failed; each maps to an exit status.
#[derive(Debug)]
pub enum Failure {
    /// Problems in input files, printed as FILE:LINE:COL: message (exit 1).
    BadInput(Vec<Diagnostic>),
    /// Other bad input (exit 1).
    Message(String),
    /// Bad usage (exit 2).
    Usage(String),
    /// Standard output failed (exit 1 with a message; a closed pipe ends
    /// quietly with exit 0): see [`output`].
    Output(std::io::Error),
    /// Bad input already reported on stderr (exit 1).
    Reported,
}

impl From<Diagnostic> for Failure {
    fn from(diagnostic: Diagnostic) -> Self {
        Failure::BadInput(vec![diagnostic])
    }
}

/// The corpus folder and its loaded catalog, or the diagnostics that stop us.
fn load_catalog(corpus: Option<PathBuf>) -> Result<Catalog, Failure> {
    let dir = corpus::resolve_dir(corpus)?;
    let (catalog, diagnostics) = Catalog::load_dir(&dir);
    let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(Diagnostic::is_error).collect();
    match catalog {
        Some(catalog) if errors.is_empty() => Ok(catalog),
        _ => Err(Failure::BadInput(errors)),
    }
}

/// Loads the whole corpus; errors stop, warnings are returned.
pub fn load_corpus(corpus: Option<PathBuf>) -> Result<(Corpus, Vec<Diagnostic>), Failure> {
    let dir = corpus::resolve_dir(corpus)?;
    let (loaded, diagnostics) = Corpus::load(&dir);
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        diagnostics.into_iter().partition(Diagnostic::is_error);
    match loaded {
        Some(loaded) if errors.is_empty() => Ok((loaded, warnings)),
        _ => Err(Failure::BadInput(errors)),
    }
}

/// `diplomap check`: every problem in every corpus file; exit 1 on an error.
fn check(corpus: Option<PathBuf>, out: &mut Out) -> Result<(), Failure> {
    let dir = corpus::resolve_dir(corpus)?;
    let diagnostics = crate::check::check_corpus(&dir);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    for diagnostic in &diagnostics {
        warn(diagnostic);
    }
    if errors > 0 {
        return Err(Failure::Message(format!("{errors} error(s), {warnings} warning(s)")));
    }
    out.line(format_args!("ok: {} ({warnings} warning(s))", dir.display()))
}

/// `diplomap index [--json]`: a summary, or the whole index as one JSON object.
fn index(corpus: Option<PathBuf>, json: bool, out: &mut Out) -> Result<(), Failure> {
    let (corpus, _warnings) = load_corpus(corpus)?;
    let index = Index::build(&corpus);
    if json {
        let value = json::index_json(&corpus, &index);
        let text = serde_json::to_string(&value).map_err(|e| Failure::Message(e.to_string()))?;
        return out.line(text);
    }
    let broken: usize = index.documents.iter().map(|d| d.broken_lines.len()).sum();
    let read_back: usize = index.documents.iter().map(|d| d.read_back.len()).sum();
    let evidenced = index.edges.iter().filter(|e| !e.evidence.is_empty()).count();
    out.line(format_args!(
        "{} documents, {} concepts, {} mentions, {} edges ({} with evidence), {} lines in broken visual order ({} read back)",
        corpus.documents.len(),
        corpus.catalog.concepts.len(),
        index.mentions.len(),
        index.edges.len(),
        evidenced,
        broken,
        read_back
    ))
}

/// `diplomap mentions [FILE|-]`: one JSON object a line, the input streamed.
fn mentions(corpus: Option<PathBuf>, file: Option<PathBuf>, out: &mut Out) -> Result<(), Failure> {
    let catalog = load_catalog(corpus)?;
    mentions::run(&catalog, file, out)
}

#[cfg(feature = "gui")]
fn open_gui(corpus: Option<PathBuf>, args: GuiArgs) -> i32 {
    match gui_options(corpus, args) {
        Ok((dir, options, size)) => crate::ui::run(dir, options, size),
        Err(failure) => exit_status(Err(failure)),
    }
}

/// Checks the window's options before opening it: a bad address, size or
/// language is an error here, not a window that opens somewhere else.
#[cfg(feature = "gui")]
fn gui_options(
    corpus: Option<PathBuf>,
    args: GuiArgs,
) -> Result<(PathBuf, crate::ui::StartOptions, Option<[f32; 2]>), Failure> {
    let open = args
        .open
        .as_deref()
        .map(|a| a.parse::<crate::address::Address>().map_err(|e| Failure::Message(format!("--open {a}: {e}"))))
        .transpose()?;
    let ui_lang = args
        .ui_lang
        .as_deref()
        .map(|l| {
            crate::text::Lang::from_code(l).ok_or_else(|| Failure::Usage(format!("--ui-lang {l}: use fa, ar or en")))
        })
        .transpose()?;
    let dark = match args.theme.as_deref() {
        None => None,
        Some("dark") => Some(true),
        Some("light") => Some(false),
        Some(other) => return Err(Failure::Usage(format!("--theme {other}: use light or dark"))),
    };
    let size = args.size.as_deref().map(parse_size).transpose()?;
    let dir = corpus::resolve_dir(corpus)?;
    if let Some(address) = &open {
        check_address_exists(&dir, address)?;
    }
    let options = crate::ui::StartOptions {
        open,
        ui_lang,
        dark,
        screenshot: args.screenshot,
        present: args.present,
        import: args.import,
    };
    Ok((dir, options, size))
}

#[cfg(feature = "gui")]
fn parse_size(text: &str) -> Result<[f32; 2], Failure> {
    let bad = || Failure::Usage(format!("--size {text}: use WIDTHxHEIGHT in points, e.g. 1280x800"));
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: f32 = w.trim().parse().map_err(|_| bad())?;
    let h: f32 = h.trim().parse().map_err(|_| bad())?;
    if !(200.0..=8192.0).contains(&w) || !(200.0..=8192.0).contains(&h) {
        return Err(Failure::Usage(format!("--size {text}: each side of the window must be from 200 to 8192 points")));
    }
    Ok([w, h])
}

/// An address that names something missing is an error before any window opens.
#[cfg(feature = "gui")]
fn check_address_exists(dir: &std::path::Path, address: &crate::address::Address) -> Result<(), Failure> {
    let (loaded, _) = Corpus::load(dir);
    let Some(loaded) = loaded else { return Ok(()) };
    crate::address::check_exists(address, &loaded).map_err(Failure::Message)
}

#[cfg(not(feature = "gui"))]
fn open_gui(_corpus: Option<PathBuf>, _args: GuiArgs) -> i32 {
    warn("diplomap: this build has no window (built without the `gui` feature); see --help");
    EXIT_USAGE
}
