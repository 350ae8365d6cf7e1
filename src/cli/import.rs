//! `diplomap import FILE [--title-fa T] [--title-ar T] [--title-en T]
//! [--lang fa,en] [--source-kind KIND] [--source-name NAME] [--year N]`:
//! copies a UTF-8 text file byte for byte into the corpus as a new document,
//! with its metadata, and prints the new document's id. A PDF or HTML file
//! (`FILE.pdf`, `FILE.html`, or by its first bytes) is imported by its text —
//! a PDF's read from its glyphs by position, a page's main text — and kept
//! beside it as `<id>.source.pdf` / `.source.html`; the title, languages and
//! year it gives fill what the options leave out.
//!
//! ```text
//! $ diplomap import news.txt --title-fa "همکاری پلیسی" --source-kind news --year 2021
//! 005_5f0c3b1e9a2d4c71
//! ```
//!
//! Languages left out are detected from the text; without any title the file's
//! name is the title. A bad file (empty, binary, invalid UTF-8, too large, or
//! already in the corpus; an encrypted, scanned or broken PDF) is refused with
//! its position or reason, naming it, nothing written: exit 1.
//!
//! The id is never lost: when standard output fails after the document was
//! written (a full disk, a closed pipe), the id goes to stderr in
//! `diplomap: imported FILE as document ID, but …` and the exit status is 1.

use std::path::PathBuf;

use super::Failure;
use super::output::{Out, warn};
use crate::catalog::Localized;
use crate::corpus::meta::Source;
use crate::corpus::{self, DocumentMeta, SourceKind};
use crate::text::Lang;

/// The metadata given on the command line.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ImportArgs {
    /// The file to import: UTF-8 text, PDF or HTML.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "TITLE")]
    pub title_fa: Option<String>,
    #[arg(long, value_name = "TITLE")]
    pub title_ar: Option<String>,
    #[arg(long, value_name = "TITLE")]
    pub title_en: Option<String>,
    /// Languages of the text, comma-separated (fa, ar, en); detected if left out.
    #[arg(long, value_name = "fa,ar,en", value_delimiter = ',')]
    pub lang: Vec<String>,
    /// paper, news, web-page, proceedings, book or other.
    #[arg(long, value_name = "KIND")]
    pub source_kind: Option<String>,
    #[arg(long, value_name = "NAME")]
    pub source_name: Option<String>,
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
}

/// The source kinds by their command-line names.
pub const SOURCE_KINDS: [(&str, SourceKind); 6] = [
    ("paper", SourceKind::Paper),
    ("news", SourceKind::News),
    ("web-page", SourceKind::WebPage),
    ("proceedings", SourceKind::Proceedings),
    ("book", SourceKind::Book),
    ("other", SourceKind::Other),
];

/// Runs `diplomap import`.
pub fn import(corpus_arg: Option<PathBuf>, args: ImportArgs, out: &mut Out) -> Result<(), Failure> {
    let dir = corpus::resolve_dir(corpus_arg)?;
    let meta = meta_from_args(&args)?;
    let imported = corpus::import::import_file(&dir, &args.file, meta).map_err(|e| Failure::Message(e.to_string()))?;
    let printed = out.line(&imported.id).and_then(|()| out.finish());
    if let Err(Failure::Output(error)) = printed {
        warn(format_args!(
            "diplomap: imported {} as document {}, but could not print its id to standard output: {error}",
            args.file.display(),
            imported.id
        ));
        return Err(Failure::Reported);
    }
    printed
}

fn meta_from_args(args: &ImportArgs) -> Result<DocumentMeta, Failure> {
    let languages = args
        .lang
        .iter()
        .map(|code| {
            Lang::from_code(code.trim())
                .ok_or_else(|| Failure::Usage(format!("unknown language {code:?}: use fa, ar or en")))
        })
        .collect::<Result<Vec<Lang>, Failure>>()?;
    let kind = match &args.source_kind {
        None => SourceKind::Other,
        Some(name) => SOURCE_KINDS.iter().find(|(n, _)| n == name).map(|(_, k)| *k).ok_or_else(|| {
            let names: Vec<&str> = SOURCE_KINDS.iter().map(|(n, _)| *n).collect();
            Failure::Usage(format!("unknown source kind {name:?}: use {}", names.join(", ")))
        })?,
    };
    let title = Localized {
        fa: args.title_fa.clone().unwrap_or_default(),
        ar: args.title_ar.clone().unwrap_or_default(),
        en: args.title_en.clone().unwrap_or_default(),
    };
    let source = Source { kind, name: args.source_name.clone().unwrap_or_default(), url: None };
    Ok(DocumentMeta { title, languages, source, year: args.year, ..DocumentMeta::default() })
}
