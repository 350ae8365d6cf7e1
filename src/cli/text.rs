//! `diplomap text` and `diplomap repair`: the reading text, line for line.
//!
//! Output line N is stored line N: repaired lines in logical order (see
//! `text::repair`), the rest as stored. `--json` prints one object a line,
//! `{"line":N,"repaired":BOOL,"confidence":0..1,"text":"…"}`.

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, load_corpus, read_input};
use crate::text::repair::{ReadingText, Vocabulary};

/// One line of `--json` output, fields in the contract's order.
#[derive(serde::Serialize)]
struct LineJson<'a> {
    line: usize,
    repaired: bool,
    confidence: f32,
    text: &'a str,
}

/// `diplomap text DOC-ID [--original] [--json]`.
pub fn text(corpus: Option<PathBuf>, id: &str, original: bool, json: bool) -> Result<(), Failure> {
    let (corpus, _warnings) = load_corpus(corpus)?;
    let Some(document) = corpus.documents.iter().find(|d| d.id == id) else {
        return Err(Failure::Message(format!("no document {id:?} in {}", corpus.dir.display())));
    };
    if original {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(document.text.as_bytes());
        return Ok(());
    }
    print_reading(&document.reading(), json);
    Ok(())
}

/// `diplomap repair [FILE|-]`: the repair on any text, line for line.
pub fn repair(file: Option<PathBuf>, json: bool) -> Result<(), Failure> {
    let text = read_input(file)?;
    let reading = ReadingText::new(&text, Vocabulary::bundled_ref());
    print_reading(&reading, json);
    Ok(())
}

fn print_reading(reading: &ReadingText, json: bool) {
    let mut out = std::io::stdout().lock();
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
                Ok(json) => writeln!(out, "{json}"),
                Err(_) => continue,
            }
        } else {
            writeln!(out, "{text}")
        };
        if written.is_err() {
            break;
        }
    }
}
