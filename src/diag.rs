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

    /// A diagnostic from a RON parse error, which carries its own position,
    /// in words for the person editing the file: an unknown field names the
    /// field meant ("did you mean `aliases`?") and the fields there are,
    /// nesting too deep says so, a file of only whitespace says that.
    pub fn from_ron(path: &Path, err: &ron::error::SpannedError) -> Self {
        let pos = err.span.start;
        Diagnostic::error(path, (pos.line.max(1), pos.col.max(1)), ron_message(&err.code))
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

/// How deep RON values may nest before a file is refused (ron's own limit).
pub const RON_NESTING_LIMIT: usize = 128;

/// The message of a RON error, in the terms of our files.
pub fn ron_message(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { expected, found, outer } => {
            let place = outer.as_deref().map(|o| format!(" in {o}")).unwrap_or_default();
            let known: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
            let hint = match closest(found, expected) {
                Some(meant) => format!("did you mean `{meant}`? "),
                None => String::new(),
            };
            format!("unknown field `{found}`{place}: {hint}(the fields are {})", known.join(", "))
        }
        ron::Error::NoSuchEnumVariant { expected, found, outer } => {
            let place = outer.as_deref().map(|o| format!(" of {o}")).unwrap_or_default();
            let known: Vec<String> = expected.iter().map(|f| format!("`{f}`")).collect();
            let hint = match closest(found, expected) {
                Some(meant) => format!("did you mean `{meant}`? "),
                None => String::new(),
            };
            format!("unknown value `{found}`{place}: {hint}(use one of {})", known.join(", "))
        }
        ron::Error::ExceededRecursionLimit => format!(
            "values nested more than {RON_NESTING_LIMIT} levels deep here; \
             a file of ours never nests that deep: look for unclosed or repeated brackets"
        ),
        ron::Error::Eof => {
            "the file ends before its value does (only whitespace or comments, or an unclosed bracket)".to_owned()
        }
        other => other.to_string(),
    }
}

/// The name in `known` closest to `found` by edit distance, if close enough
/// to be a misspelling (or a prefix of it, like `alias` for `aliases`).
pub fn closest<'a>(found: &str, known: &[&'a str]) -> Option<&'a str> {
    let found_lower = found.to_lowercase();
    known
        .iter()
        .map(|&k| {
            let k_lower = k.to_lowercase();
            let prefix = k_lower.starts_with(&found_lower) || found_lower.starts_with(&k_lower);
            let distance = if prefix && found_lower.len() >= 3 { 1 } else { edit_distance(&found_lower, &k_lower) };
            (distance, k)
        })
        .filter(|&(distance, k)| distance <= (k.chars().count() / 3).max(1))
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
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

/// [`read_utf8`] of a file that may hold at most `limit` bytes; a larger one
/// (or anything but a regular file) is refused without being read whole.
pub fn read_utf8_at_most(path: &Path, limit: u64) -> Result<String, Diagnostic> {
    use std::io::Read;
    let error = |message: String| Diagnostic::error(path, (1, 1), message);
    let file = std::fs::File::open(path).map_err(|e| error(format!("cannot read: {e}")))?;
    let meta = file.metadata().map_err(|e| error(format!("cannot read: {e}")))?;
    if !meta.is_file() {
        return Err(error("not a regular file".to_owned()));
    }
    let too_large = |size: String| error(format!("the file is {size}; at most {limit} bytes are read from it"));
    if meta.len() > limit {
        return Err(too_large(format!("{} bytes", meta.len())));
    }
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).map_err(|e| error(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(format!("more than {limit} bytes")));
    }
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
    fn misspelt_names_find_the_one_meant() {
        let fields = ["id", "kind", "labels", "aliases", "summary", "relations"];
        assert_eq!(closest("alias", &fields), Some("aliases"));
        assert_eq!(closest("lables", &fields), Some("labels"));
        assert_eq!(closest("Summary", &fields), Some("summary"));
        assert_eq!(closest("colour", &fields), None);
        assert_eq!(closest("yeer", &["title", "languages", "source", "year"]), Some("year"));
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        let d = utf8_or_diagnostic(Path::new("f.txt"), b"ok\nab\xffcd".to_vec()).unwrap_err();
        assert_eq!(d.to_string(), "f.txt:2:3: invalid UTF-8 at byte 5");
    }
}
