//! Diagnostics: problems found in corpus files, each with the file, line and
//! column it comes from, printed as `FILE:LINE:COL: message`.
//!
//! Loaders collect every problem they find (not just the first) and return them
//! beside whatever they could load, in the style of rust-analyzer.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one file. Lines and columns count from 1; columns count
/// characters (Unicode scalar values), as editors show them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: &Path, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_path_buf(), line, col, severity: Severity::Error, message: message.into() }
    }

    pub fn warning(path: &Path, (line, col): (usize, usize), message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_path_buf(), line, col, severity: Severity::Warning, message: message.into() }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// A diagnostic from a RON parse error, which carries its own position.
    pub fn from_ron(path: &Path, err: &ron::error::SpannedError) -> Self {
        let pos = err.span.start;
        Diagnostic::error(path, (pos.line.max(1), pos.col.max(1)), err.code.to_string())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        write!(f, "{}:{}:{}: {}{}", self.path.display(), self.line, self.col, prefix, self.message)
    }
}

/// Line and column (1-based, columns in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&before[line_start..]).chars().count() + 1;
    (line, col)
}

/// Position of the first occurrence of `needle` in `text` at or after byte `from`,
/// or of `from` itself when absent. Used to point semantic errors (an unknown id,
/// a duplicate) at the place a person would look for them.
pub fn locate(text: &str, needle: &str, from: usize) -> (usize, usize) {
    let from = from.min(text.len());
    let found = text.get(from..).and_then(|rest| rest.find(needle)).map_or(from, |i| from + i);
    line_col(text, found)
}

/// Reads a file as UTF-8, reporting invalid UTF-8 with its line, column and byte offset.
pub fn read_utf8(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::error(path, (1, 1), format!("cannot read: {e}")))?;
    utf8_or_diagnostic(path, bytes)
}

/// Turns bytes into a `String`, or a diagnostic naming the first invalid byte.
pub fn utf8_or_diagnostic(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let pos = line_col(&valid, offset);
        Diagnostic::error(path, pos, format!("invalid UTF-8 at byte {offset}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nدیپ x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (2, 5));
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let d = utf8_or_diagnostic(Path::new("f.txt"), b"ok\nab\xffcd".to_vec()).unwrap_err();
        assert_eq!(d.to_string(), "f.txt:2:3: invalid UTF-8 at byte 5");
    }
}
