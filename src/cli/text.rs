//! `diplomap text` and `diplomap repair`: the reading text, line for line.
//!
//! Output line N is stored line N: repaired lines in logical order (see
//! `text::repair`), the rest as stored. `--json` prints one object a line,
//! `{"line":N,"repaired":BOOL,"confidence":0..1,"text":"…"}`.

use std::io::Read;
use std::path::PathBuf;

use super::output::Out;
use super::{Failure, load_corpus};
use crate::text::repair::ReadingText;

/// One line of `--json` output, fields in the contract's order.
#[derive(serde::Serialize)]
struct LineJson<'a> {
    line: usize,
    repaired: bool,
    confidence: f32,
    text: &'a str,
}

/// `diplomap text DOC-ID [--original] [--json]`.
pub fn text(corpus: Option<PathBuf>, id: &str, original: bool, json: bool, out: &mut Out) -> Result<(), Failure> {
    let (corpus, _warnings) = load_corpus(corpus)?;
    let Some(document) = corpus.documents.iter().find(|d| d.id == id) else {
        return Err(Failure::Message(format!("no document {id:?} in {}", corpus.dir.display())));
    };
    if original {
        return out.bytes(document.text.as_bytes());
    }
    print_reading(&document.reading(), json, out)
}

/// `diplomap repair [FILE|-]`: the repair on any text, line for line, read
/// as a document of the corpus is (its own clean lines and word pairs join
/// the bundled vocabulary).
pub fn repair(file: Option<PathBuf>, json: bool, out: &mut Out) -> Result<(), Failure> {
    let text = read_input(file)?;
    let reading = crate::corpus::reading::reading_of(&text);
    print_reading(&reading, json, out)
}

/// The most `repair` reads: the whole text is needed to read its lines.
pub const MAX_REPAIR_INPUT: u64 = 32 << 20;

/// A file or standard input as UTF-8, refused past [`MAX_REPAIR_INPUT`].
fn read_input(file: Option<PathBuf>) -> Result<String, Failure> {
    let (path, reader): (PathBuf, Box<dyn Read>) = match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => {
            let file = std::fs::File::open(&path).map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
            (path, Box::new(file))
        }
        None => (PathBuf::from("-"), Box::new(std::io::stdin())),
    };
    let mut bytes = Vec::new();
    reader
        .take(MAX_REPAIR_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Message(format!("{}: {e}", path.display())))?;
    if bytes.len() as u64 > MAX_REPAIR_INPUT {
        return Err(Failure::Message(format!(
            "{}: more than {} MiB; repair reads at most that much",
            path.display(),
            MAX_REPAIR_INPUT >> 20
        )));
    }
    Ok(crate::diag::utf8_or_diagnostic(&path, bytes)?)
}

fn print_reading(reading: &ReadingText, json: bool, out: &mut Out) -> Result<(), Failure> {
    let last = reading.lines.len();
    for (i, line) in reading.lines.iter().enumerate() {
        // The empty "line" after a final line break is not a line.
        if i + 1 == last && line.original.is_empty() && i > 0 {
            break;
        }
        let text = &reading.text[line.reading.clone()];
        let written = if json {
            let confidence = (line.confidence * 1000.0).round() / 1000.0;
            let value = LineJson { line: i + 1, repaired: line.repaired, confidence, text };
            match serde_json::to_string(&value) {
                Ok(json) => out.line(json),
                Err(_) => continue,
            }
        } else {
            out.line(text)
        };
        written?;
    }
    Ok(())
}
