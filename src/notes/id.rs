//! Ids that become file names: concept ids (`notes/<concept-id>.ron`), note ids
//! inside a file, and the document ids an anchor points at.
//!
//! A concept id is kebab-case, `[a-z0-9]+(-[a-z0-9]+)*`, at most
//! [`MAX_ID_LEN`] bytes, and never a name Windows reserves (`con`, `nul`,
//! `com1`, …). Anything else — `..`, a slash, a backslash, an absolute path,
//! NUL, a leading dot, the empty string — is refused before it reaches the
//! file system, so no id can name a file outside `notes/`.
//!
//! ```
//! use diplomap::notes::check_concept_id;
//! assert!(check_concept_id("police-diplomacy").is_ok());
//! assert!(check_concept_id("../etc/passwd").is_err());
//! ```

/// The longest concept or note id accepted, in bytes.
pub const MAX_ID_LEN: usize = 100;
/// The longest document id accepted, in bytes (as the corpus loader allows).
pub const MAX_DOCUMENT_ID_LEN: usize = 200;

/// Names Windows refuses as file names, whatever the extension.
const WINDOWS_RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt0",
    "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why an id was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TooLong,
    /// `/`, `\`, `..`, NUL, a leading dot: something that would leave `notes/`.
    PathLike,
    /// A name Windows reserves (`con`, `nul`, `com1`, …).
    Reserved,
    /// Not kebab-case `[a-z0-9]+(-[a-z0-9]+)*`.
    NotKebabCase,
}

impl IdProblem {
    pub fn describe(self) -> &'static str {
        match self {
            IdProblem::Empty => "an id cannot be empty",
            IdProblem::TooLong => "the id is too long (concept ids: 100 bytes at most, document ids: 200)",
            IdProblem::PathLike => "an id cannot contain a path (`/`, `\\`, `..`, NUL, a leading dot)",
            IdProblem::Reserved => "this id is a file name Windows reserves",
            IdProblem::NotKebabCase => "an id is kebab-case: lowercase letters and digits joined by single hyphens",
        }
    }
}

impl std::fmt::Display for IdProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

/// Checks a concept id (or a note id: the rules are the same).
pub fn check_concept_id(id: &str) -> Result<(), IdProblem> {
    check_file_name(id, MAX_ID_LEN)?;
    if !is_kebab_case(id) {
        return Err(IdProblem::NotKebabCase);
    }
    if WINDOWS_RESERVED.contains(&id) {
        return Err(IdProblem::Reserved);
    }
    Ok(())
}

/// Checks a document id: corpus documents are named like `002_e0ff0a2344230e73`,
/// so letters, digits, `_` and `-` are allowed, but still nothing path-like.
pub fn check_document_id(id: &str) -> Result<(), IdProblem> {
    check_file_name(id, MAX_DOCUMENT_ID_LEN)?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !id.chars().all(allowed) {
        return Err(IdProblem::NotKebabCase);
    }
    if WINDOWS_RESERVED.contains(&id.to_ascii_lowercase().as_str()) {
        return Err(IdProblem::Reserved);
    }
    Ok(())
}

/// The rules every id shares: not empty, not too long, nothing path-like.
fn check_file_name(id: &str, max_len: usize) -> Result<(), IdProblem> {
    if id.is_empty() {
        return Err(IdProblem::Empty);
    }
    if id.len() > max_len {
        return Err(IdProblem::TooLong);
    }
    let path_like = id.starts_with('.') || id.contains(['/', '\\', '\0', ':']) || id.contains("..");
    if path_like {
        return Err(IdProblem::PathLike);
    }
    Ok(())
}

/// `[a-z0-9]+(-[a-z0-9]+)*`
fn is_kebab_case(id: &str) -> bool {
    id.split('-').all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(id: &str, expected: Result<(), IdProblem>) {
        assert_eq!(check_concept_id(id), expected, "{id:?}");
    }

    #[test]
    fn concept_ids() {
        check("interpol", Ok(()));
        check("police-diplomacy", Ok(()));
        check("eco", Ok(()));
        check("covid-19", Ok(()));
        check("con-men", Ok(()));
        check("", Err(IdProblem::Empty));
        check("..", Err(IdProblem::PathLike));
        check("../x", Err(IdProblem::PathLike));
        check("a/b", Err(IdProblem::PathLike));
        check("a\\b", Err(IdProblem::PathLike));
        check("/etc/passwd", Err(IdProblem::PathLike));
        check("C:\\x", Err(IdProblem::PathLike));
        check("a\0b", Err(IdProblem::PathLike));
        check(".hidden", Err(IdProblem::PathLike));
        check("con", Err(IdProblem::Reserved));
        check("nul", Err(IdProblem::Reserved));
        check("com1", Err(IdProblem::Reserved));
        check("lpt9", Err(IdProblem::Reserved));
        check("CON", Err(IdProblem::NotKebabCase));
        check("Interpol", Err(IdProblem::NotKebabCase));
        check("a--b", Err(IdProblem::NotKebabCase));
        check("-a", Err(IdProblem::NotKebabCase));
        check("a-", Err(IdProblem::NotKebabCase));
        check("a_b", Err(IdProblem::NotKebabCase));
        check("a b", Err(IdProblem::NotKebabCase));
        check("a.ron", Err(IdProblem::NotKebabCase));
        check("پلیس", Err(IdProblem::NotKebabCase));
        check(&"a".repeat(MAX_ID_LEN), Ok(()));
        check(&"a".repeat(MAX_ID_LEN + 1), Err(IdProblem::TooLong));
    }

    #[test]
    fn document_ids() {
        assert_eq!(check_document_id("002_e0ff0a2344230e73"), Ok(()));
        assert_eq!(check_document_id("../002"), Err(IdProblem::PathLike));
        assert_eq!(check_document_id("a/b"), Err(IdProblem::PathLike));
        assert_eq!(check_document_id("CON"), Err(IdProblem::Reserved));
        assert_eq!(check_document_id(""), Err(IdProblem::Empty));
        assert_eq!(check_document_id("a.txt"), Err(IdProblem::NotKebabCase));
        assert_eq!(check_document_id(&"d".repeat(MAX_DOCUMENT_ID_LEN)), Ok(()));
        assert_eq!(check_document_id(&"d".repeat(MAX_DOCUMENT_ID_LEN + 1)), Err(IdProblem::TooLong));
    }
}
