//! `diplomap concept add|alias|unalias|relate|remove`: catalog edits from the
//! command line, over the same [`CatalogStore`] and edits the window uses.
//!
//! ```text
//! diplomap concept add maritime-security --kind Topic --label en="maritime security" fa="امنیت دریایی"
//! diplomap concept alias frontex fa فرانتکس
//! diplomap concept relate frontex partner-of europol --evidence 004_be513f05f174dac0@120-260
//! diplomap concept remove maritime-security
//! ```
//!
//! Bad input — an unknown id, kind, language or document, a duplicate id, an
//! empty name, a name another concept already has, a file changed on disk —
//! exits 1 with a message and writes nothing.

use std::path::PathBuf;

use super::Failure;
use crate::catalog::edit::Edit;
use crate::catalog::store::CatalogStore;
use crate::catalog::{Concept, ConceptKind, EvidenceRef, Lang, Localized, LocalizedList, RelationKind};
use crate::corpus;

#[derive(Debug, clap::Subcommand)]
pub enum ConceptCommand {
    /// Add a concept (written to concepts/ID.ron).
    Add {
        /// A new kebab-case id.
        id: String,
        /// DiplomacyForm, Threat, Organisation or Topic.
        #[arg(long)]
        kind: String,
        /// A label, as LANG=TEXT (fa, ar, en); repeat for each language.
        #[arg(long = "label", value_name = "LANG=TEXT", required = true, num_args = 1..)]
        labels: Vec<String>,
        /// A summary, as LANG=TEXT.
        #[arg(long = "summary", value_name = "LANG=TEXT", num_args = 1..)]
        summaries: Vec<String>,
    },
    /// Add another name of a concept in a language.
    Alias { id: String, lang: String, text: String },
    /// Remove a name (alias) of a concept.
    Unalias { id: String, lang: String, text: String },
    /// Add a curated relation SOURCE --KIND--> TARGET (e.g. partner-of).
    Relate {
        source: String,
        kind: String,
        target: String,
        /// A passage supporting it: DOC@START-END (bytes of documents/DOC.txt).
        #[arg(long = "evidence", value_name = "DOC@START-END", num_args = 1..)]
        evidence: Vec<String>,
    },
    /// Remove a concept and every relation from or to it.
    Remove { id: String },
}

fn lang(code: &str) -> Result<Lang, Failure> {
    Lang::from_code(code).ok_or_else(|| Failure::Message(format!("unknown language \"{code}\": use fa, ar or en")))
}

/// `LANG=TEXT` pairs into a [`Localized`]; `what` names them in messages.
fn localized(pairs: &[String], what: &str) -> Result<Localized, Failure> {
    let mut out = Localized::default();
    for pair in pairs {
        let Some((code, text)) = pair.split_once('=') else {
            return Err(Failure::Message(format!("--{what} {pair}: use LANG=TEXT, e.g. en=\"police diplomacy\"")));
        };
        let slot = out.get_mut(lang(code.trim())?);
        if !slot.is_empty() {
            return Err(Failure::Message(format!("--{what}: two for language {}", code.trim())));
        }
        *slot = text.trim().to_string();
    }
    Ok(out)
}

/// `DOC@START-END`, checked against the document's text.
fn evidence(dir: &std::path::Path, spec: &str) -> Result<EvidenceRef, Failure> {
    let bad = || Failure::Message(format!("--evidence {spec}: use DOC@START-END (byte offsets)"));
    let (document, range) = spec.rsplit_once('@').ok_or_else(bad)?;
    let (start, end) = range.split_once('-').ok_or_else(bad)?;
    let start: usize = start.trim().parse().map_err(|_| bad())?;
    let end: usize = end.trim().parse().map_err(|_| bad())?;
    if !corpus::is_valid_document_id(document) {
        return Err(Failure::Message(format!("--evidence {spec}: \"{document}\" is not a document id")));
    }
    let path = dir.join("documents").join(format!("{document}.txt"));
    let text = std::fs::read(&path)
        .map_err(|_| Failure::Message(format!("--evidence {spec}: unknown document \"{document}\"")))?;
    let text = crate::diag::utf8_or_diagnostic(&path, text)?;
    if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(Failure::Message(format!(
            "--evidence {spec}: not a range of {document} ({} bytes; START < END, on character boundaries)",
            text.len()
        )));
    }
    Ok(EvidenceRef { document: document.to_string(), start, end })
}

/// Runs a `concept` subcommand.
pub fn run(corpus: Option<PathBuf>, command: ConceptCommand, out: &mut super::output::Out) -> Result<(), Failure> {
    let dir = corpus::resolve_dir(corpus)?;
    let (store, diagnostics) = CatalogStore::open(&dir);
    let Some(mut store) = store else {
        return Err(Failure::BadInput(diagnostics.into_iter().filter(|d| d.is_error()).collect()));
    };
    let edit = match &command {
        ConceptCommand::Add { id, kind, labels, summaries } => {
            let kind = ConceptKind::from_name(kind).ok_or_else(|| {
                Failure::Message(format!("unknown kind \"{kind}\": use DiplomacyForm, Threat, Organisation or Topic"))
            })?;
            Edit::Add(Concept {
                id: id.clone(),
                kind,
                labels: localized(labels, "label")?,
                aliases: LocalizedList::default(),
                summary: localized(summaries, "summary")?,
                relations: Vec::new(),
            })
        }
        ConceptCommand::Alias { id, lang: code, text } => {
            Edit::AddAlias { id: id.clone(), lang: lang(code)?, text: text.clone() }
        }
        ConceptCommand::Unalias { id, lang: code, text } => {
            Edit::RemoveAlias { id: id.clone(), lang: lang(code)?, text: text.clone() }
        }
        ConceptCommand::Relate { source, kind, target, evidence: specs } => {
            let kind = RelationKind::from_name(kind).ok_or_else(|| {
                let all: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                Failure::Message(format!("unknown relation kind \"{kind}\": use one of {}", all.join(", ")))
            })?;
            let evidence = specs.iter().map(|s| evidence(&dir, s)).collect::<Result<Vec<_>, _>>()?;
            Edit::Relate { source: source.clone(), kind, target: target.clone(), evidence }
        }
        ConceptCommand::Remove { id } => Edit::Remove { id: id.clone() },
    };
    let applied = store.edit(&edit).map_err(|e| Failure::Message(e.to_string()))?;
    match &command {
        ConceptCommand::Add { id, .. } => out.line(format_args!("added {id}")),
        ConceptCommand::Alias { id, lang, text } => out.line(format_args!("{id}: added {lang} name \"{text}\"")),
        ConceptCommand::Unalias { id, lang, text } => out.line(format_args!("{id}: removed {lang} name \"{text}\"")),
        ConceptCommand::Relate { source, kind, target, .. } => out.line(format_args!("{source} {kind} {target}")),
        ConceptCommand::Remove { id } => {
            out.line(format_args!("removed {id} and {} relation(s)", applied.relations_removed))
        }
    }
}
