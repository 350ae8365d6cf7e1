//! `diplomap check`: every problem in every corpus file, errors and warnings,
//! gathered from each loader. Nothing is written.

use std::path::Path;

use crate::corpus::Corpus;
use crate::diag::Diagnostic;

/// Every problem found in the corpus at `dir`, sorted by file and position.
pub fn check_corpus(dir: &Path) -> Vec<Diagnostic> {
    let (_corpus, mut diagnostics) = Corpus::load(dir);
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    diagnostics
}
