//! `diplomap suggest`: the terms the corpus keeps using that no concept
//! names (see [`crate::suggest`]), best first; `--dismiss TERM --lang L`
//! leaves a term out for good (remembered in `corpus/suggestions.ron`).
//!
//! ```text
//! diplomap suggest --limit 10
//! diplomap suggest --json   # {"term","lang","count","documents","score","evidence":[{"document","start","end"}]}
//! ```

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, load_corpus};
use crate::suggest::{Dismissals, suggest};
use crate::text::Lang;

/// The arguments of `diplomap suggest`.
#[derive(Debug, clap::Args)]
pub struct SuggestArgs {
    /// One JSON object a line.
    #[arg(long)]
    pub json: bool,
    /// At most this many terms.
    #[arg(long, value_name = "N", default_value_t = 40)]
    pub limit: usize,
    /// Dismiss this term for good instead of listing (with --lang).
    #[arg(long, value_name = "TERM", requires = "lang")]
    pub dismiss: Option<String>,
    /// The language of the dismissed term: fa, ar or en.
    #[arg(long, value_name = "fa|ar|en")]
    pub lang: Option<String>,
}

#[derive(serde::Serialize)]
struct SuggestionLine<'a> {
    term: &'a str,
    lang: &'static str,
    count: usize,
    documents: usize,
    score: f64,
    evidence: Vec<EvidenceLine<'a>>,
}

#[derive(serde::Serialize)]
struct EvidenceLine<'a> {
    document: &'a str,
    start: usize,
    end: usize,
}

pub fn run(corpus: Option<PathBuf>, args: SuggestArgs) -> Result<(), Failure> {
    let (corpus, _warnings) = load_corpus(corpus)?;
    let failure = |e: crate::suggest::SuggestError| Failure::Message(e.to_string());
    if let Some(term) = &args.dismiss {
        let code = args.lang.as_deref().unwrap_or_default();
        let lang = Lang::from_code(code).ok_or_else(|| Failure::Message(format!("--lang {code}: use fa, ar or en")))?;
        Dismissals::dismiss(&corpus.dir, lang, term).map_err(failure)?;
        println!("dismissed {} \"{term}\"", lang.code());
        return Ok(());
    }
    let dismissals = Dismissals::load(&corpus.dir).map_err(failure)?;
    let found = suggest(&corpus, &dismissals);
    let mut out = std::io::stdout().lock();
    for suggestion in found.iter().take(args.limit) {
        let written = if args.json {
            let line = SuggestionLine {
                term: &suggestion.term,
                lang: suggestion.lang.code(),
                count: suggestion.count,
                documents: suggestion.documents,
                score: suggestion.score,
                evidence: suggestion
                    .evidence
                    .iter()
                    .map(|o| EvidenceLine {
                        document: &corpus.documents[o.document].id,
                        start: o.range.start,
                        end: o.range.end,
                    })
                    .collect(),
            };
            let Ok(json) = serde_json::to_string(&line) else { continue };
            writeln!(out, "{json}")
        } else {
            writeln!(
                out,
                "{:>8.2}  {:>4}×  {} doc  {}  {}",
                suggestion.score,
                suggestion.count,
                suggestion.documents,
                suggestion.lang.code(),
                suggestion.term
            )
        };
        if written.is_err() {
            break;
        }
    }
    Ok(())
}
