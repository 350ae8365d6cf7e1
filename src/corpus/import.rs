//! Importing a file as a new document of the corpus: a UTF-8 text file
//! byte for byte, or the text of a PDF or HTML file ([`crate::extract`]).
//!
//! [`check_text`] decides whether the bytes can be a document: not empty, not
//! too large, not binary (a NUL byte), valid UTF-8 — each refusal names the
//! file, and for bad bytes the line, column and byte offset. [`prepare`] turns
//! a file's bytes into the document's text: a text file as it is, a PDF or a
//! web page through the extractor (an encrypted, scanned, broken or huge file
//! is refused naming it), with the title, languages and year the file gives.
//! [`import_prepared`] then picks a new id in the corpus's `NNN_<hash>` scheme
//! (the next number, and 16 hex digits of an FNV-1a hash of the text), checks
//! the metadata against the text (section lines inside it, unique section
//! ids), and writes `documents/<id>.txt`, `documents/<id>.ron` beside it and,
//! for a PDF or HTML file, the file itself as `documents/<id>.source.pdf` (or
//! `.html`) for provenance — each atomically and never over an existing file.
//! If a later write fails the earlier ones are removed: nothing half-imported
//! is left behind. A text already in the corpus byte for byte is refused,
//! naming the document that has it.
//! The id is picked and every file written under an exclusive lock of the
//! `documents` folder ([`crate::atomic::FolderLock`]), with the duplicate
//! check made again under it, so imports running at once never share a
//! number or import the same text twice. [`read_source`] reads only
//! regular files (a FIFO or a device is refused without waiting on it).
//!
//! ```
//! use diplomap::corpus::DocumentMeta;
//! use diplomap::corpus::import::import_bytes;
//! let corpus = tempfile::tempdir().unwrap();
//! std::fs::create_dir(corpus.path().join("documents")).unwrap();
//! let meta = DocumentMeta { languages: vec![diplomap::text::Lang::Fa], ..DocumentMeta::default() };
//! let imported = import_bytes(corpus.path(), "news.txt".as_ref(), "دیپلماسی شهری\n".as_bytes(), meta).unwrap();
//! assert!(imported.id.starts_with("000_"));
//! assert_eq!(std::fs::read(&imported.text_path).unwrap(), "دیپلماسی شهری\n".as_bytes());
//! ```

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::meta::{self, DocumentMeta};
use crate::diag::{Diagnostic, line_col, utf8_or_diagnostic};
use crate::extract::{self, ExtractError, Kind};
use crate::text::{Lang, lang, segment};

/// The largest file that can be imported (32 MiB).
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file cannot be imported. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: cannot read: {source}", .path.display())]
    Read { path: PathBuf, source: std::io::Error },
    #[error("{}:1:1: the file is empty", .path.display())]
    Empty { path: PathBuf },
    #[error("{}:1:1: the file holds only whitespace ({size} bytes of spaces, tabs and line breaks), no text", .path.display())]
    Blank { path: PathBuf, size: usize },
    #[error("{}:1:1: the file is {size} bytes; at most {limit} bytes (32 MiB) can be imported", .path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    /// Read past the limit without an end in sight (a device, a growing file).
    #[error("{}:1:1: more than {limit} bytes (32 MiB) to read; at most that much can be imported", .path.display())]
    TooLargeStream { path: PathBuf, limit: u64 },
    #[error("{}: not a regular file (a {what}); only files can be imported", .path.display())]
    NotAFile { path: PathBuf, what: &'static str },
    #[error("{}:{line}:{col}: not a text file: a NUL byte at byte {offset}{hint}", .path.display())]
    Binary { path: PathBuf, line: usize, col: usize, offset: usize, hint: &'static str },
    #[error("{0}; save the file as UTF-8 and import it again")]
    InvalidUtf8(Diagnostic),
    #[error("{}: already in the corpus, byte for byte, as document {id}", .path.display())]
    Duplicate { path: PathBuf, id: String },
    #[error("{}: {message}", .path.display())]
    Meta { path: PathBuf, message: String },
    #[error("{}: cannot write: {source}", .path.display())]
    Write { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

/// A document written into the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub id: String,
    pub text_path: PathBuf,
    pub meta_path: PathBuf,
    /// The PDF or HTML file kept beside the text, if the text was extracted.
    pub source_path: Option<PathBuf>,
    pub meta: DocumentMeta,
}

/// A file turned into a document's text, not yet written.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    pub kind: Kind,
    /// The document's text (the `.txt`): the file itself for a text file.
    pub text: String,
    /// The file's own bytes, kept beside the text, for a PDF or HTML file.
    pub source: Option<Vec<u8>>,
    /// What the file says about itself (PDF Info/XMP, HTML `<title>`, `lang`, dates).
    pub title: Option<String>,
    pub languages: Vec<Lang>,
    pub year: Option<i32>,
}

/// Turns the bytes of a file (read from `path`, which names it in errors)
/// into the document's text.
pub fn prepare(path: &Path, bytes: &[u8]) -> Result<Prepared, ImportError> {
    let name = path.display().to_string();
    let kind = extract::kind_of(&name, bytes);
    if kind == Kind::Text {
        let text = check_text(path, bytes)?;
        return Ok(Prepared {
            kind,
            text: text.to_string(),
            source: None,
            title: first_heading(text),
            languages: Vec::new(),
            year: None,
        });
    }
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_IMPORT_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty { path: path.to_path_buf() });
    }
    let out = extract::extract(&name, bytes)?;
    let text = check_text(path, out.text.as_bytes())?.to_string();
    Ok(Prepared {
        kind,
        text,
        source: Some(bytes.to_vec()),
        title: out.title,
        languages: out.languages,
        year: out.year,
    })
}

/// A heading longer than this many characters is taken for prose, not a title.
const MAX_TITLE_CHARS: usize = 120;

/// The title a plain text gives itself: its first paragraph when that is
/// one short line that does not end a sentence (a heading; a leading `#`
/// of Markdown left out).
pub fn first_heading(text: &str) -> Option<String> {
    let first = segment::paragraphs(text).into_iter().next()?;
    let line = text.get(first)?.trim();
    let line = line.trim_start_matches('#').trim();
    let sentence = line.ends_with(['.', '؟', '?', '!', '؛', '…', ':']);
    let short = !line.is_empty() && !line.contains('\n') && line.chars().count() <= MAX_TITLE_CHARS;
    let short = short && !sentence;
    short.then(|| line.to_string())
}

/// Reads a file to import, refusing what is too large before reading it,
/// and anything but a regular file (a FIFO, a device, a folder) before
/// opening it: opening a FIFO without a writer would wait forever.
pub fn read_source(path: &Path) -> Result<Vec<u8>, ImportError> {
    let read_error = |source| ImportError::Read { path: path.to_path_buf(), source };
    let not_a_file =
        |kind: std::fs::FileType| ImportError::NotAFile { path: path.to_path_buf(), what: kind_name(kind) };
    let kind = std::fs::metadata(path).map_err(read_error)?.file_type();
    if !kind.is_file() {
        return Err(not_a_file(kind));
    }
    let file = open_without_waiting(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if !meta.is_file() {
        // Swapped for something else between the two looks.
        return Err(not_a_file(meta.file_type()));
    }
    let size = meta.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { path: path.to_path_buf(), size, limit: MAX_IMPORT_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte more than the limit tells a file that grew while being read.
    file.take(MAX_IMPORT_BYTES + 1).read_to_end(&mut bytes).map_err(read_error)?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLargeStream { path: path.to_path_buf(), limit: MAX_IMPORT_BYTES });
    }
    Ok(bytes)
}

/// Opens for reading; on Unix without blocking (`O_NONBLOCK`), so a FIFO
/// that slipped past the check cannot hang the import.
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::OpenOptionsExt;
        const O_NONBLOCK: i32 = 0o4000;
        options.custom_flags(O_NONBLOCK);
    }
    options.open(path)
}

/// What a file type is, in words.
fn kind_name(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "device";
        }
        if kind.is_socket() {
            return "socket";
        }
    }
    if kind.is_dir() { "folder" } else { "special file" }
}

/// The text of `bytes` if they can be a document; `path` names them in errors.
pub fn check_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_IMPORT_BYTES,
        });
    }
    if bytes.is_empty() {
        return Err(ImportError::Empty { path: path.to_path_buf() });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Blank { path: path.to_path_buf(), size: bytes.len() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let valid = String::from_utf8_lossy(&bytes[..offset]);
        let (line, col) = line_col(&valid, valid.len());
        let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let hint = if utf16 { " (it looks like UTF-16; save it as UTF-8)" } else { "" };
        return Err(ImportError::Binary { path: path.to_path_buf(), line, col, offset, hint });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => Err(ImportError::InvalidUtf8(
            utf8_or_diagnostic(path, bytes.to_vec())
                .err()
                .unwrap_or_else(|| Diagnostic::error(path, (1, 1), "invalid UTF-8")),
        )),
    }
}

/// The languages of a text, most used first (by paragraph).
pub fn detect_languages(text: &str) -> Vec<Lang> {
    let mut counts = [0usize; 3];
    for paragraph in segment::paragraphs(text) {
        if let Some(found) = text.get(paragraph).and_then(lang::detect) {
            counts[Lang::ALL.iter().position(|&l| l == found).unwrap_or(0)] += 1;
        }
    }
    let mut languages: Vec<(usize, Lang)> =
        Lang::ALL.into_iter().zip(counts).filter(|(_, n)| *n > 0).map(|(l, n)| (n, l)).collect();
    languages.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    languages.into_iter().map(|(_, l)| l).collect()
}

/// Imports the file at `source` into the corpus at `corpus_dir`.
pub fn import_file(corpus_dir: &Path, source: &Path, meta: DocumentMeta) -> Result<Imported, ImportError> {
    let bytes = read_source(source)?;
    import_bytes(corpus_dir, source, &bytes, meta)
}

/// Fills what `meta` leaves empty from what the file says: the title (in the
/// language it is written in), the languages (declared first, then detected)
/// and the year.
pub fn meta_with_file_facts(mut meta: DocumentMeta, prepared: &Prepared) -> DocumentMeta {
    if meta.languages.is_empty() {
        // The text's languages; one the file declares first when the text has it
        // (a writer's default `/Lang en-US` on a Persian paper is not believed).
        let detected = detect_languages(&prepared.text);
        meta.languages = prepared.languages.iter().copied().filter(|l| detected.contains(l)).collect();
        for lang in if detected.is_empty() { &prepared.languages } else { &detected } {
            if !meta.languages.contains(lang) {
                meta.languages.push(*lang);
            }
        }
    }
    if Lang::ALL.iter().all(|&l| meta.title.get(l).trim().is_empty())
        && let Some(title) = prepared.title.as_deref().filter(|t| !t.trim().is_empty())
    {
        match lang::detect(title).or(meta.languages.first().copied()) {
            Some(Lang::Fa) => meta.title.fa = title.to_string(),
            Some(Lang::Ar) => meta.title.ar = title.to_string(),
            _ => meta.title.en = title.to_string(),
        }
    }
    if meta.year.is_none() {
        meta.year = prepared.year;
    }
    meta
}

/// Imports `bytes` (read from `source`, which names them in errors) as a new
/// document with `meta`: a text file byte for byte, a PDF or HTML file by its
/// extracted text. Languages left empty are detected; a document with no
/// title at all is titled by the title the file gives (a text's first
/// heading, see [`first_heading`]), else after the file.
pub fn import_bytes(
    corpus_dir: &Path,
    source: &Path,
    bytes: &[u8],
    meta: DocumentMeta,
) -> Result<Imported, ImportError> {
    let prepared = prepare(source, bytes)?;
    import_prepared(corpus_dir, source, &prepared, meta)
}

/// Writes a prepared file as a new document with `meta` (filled in from the file where empty).
pub fn import_prepared(
    corpus_dir: &Path,
    source: &Path,
    prepared: &Prepared,
    meta: DocumentMeta,
) -> Result<Imported, ImportError> {
    let text = prepared.text.as_str();
    let bytes = text.as_bytes();
    let documents = corpus_dir.join("documents");
    check_not_in_corpus(corpus_dir, source, bytes)?;
    let mut meta = meta_with_file_facts(meta, prepared);
    if Lang::ALL.iter().all(|&l| meta.title.get(l).trim().is_empty()) {
        meta.title = title_from_file_name(source, meta.languages.first().copied());
    }
    check_meta(source, text, &meta)?;
    let ron =
        meta::to_ron(&meta).map_err(|e| ImportError::Meta { path: source.to_path_buf(), message: e.to_string() })?;
    let write_error = |path: &Path, source| ImportError::Write { path: path.to_path_buf(), source };
    std::fs::create_dir_all(&documents).map_err(|e| write_error(&documents, e))?;
    // Picking the id and writing happen under the lock of the documents
    // folder, so two imports at once never take the same number; the
    // duplicate check is made again under it (the other one may have just
    // imported the same bytes).
    let _lock = crate::atomic::FolderLock::acquire(&documents).map_err(|e| write_error(&documents, e))?;
    check_not_in_corpus(corpus_dir, source, bytes)?;
    let id = new_document_id(&documents, bytes);
    let text_path = documents.join(format!("{id}.txt"));
    let meta_path = documents.join(format!("{id}.ron"));
    let source_path =
        prepared.source.as_ref().map(|_| documents.join(format!("{id}.source.{}", prepared.kind.extension())));
    let how = match prepared.kind {
        Kind::Text => String::new(),
        Kind::Pdf => " (text taken from the PDF's glyphs by position; the PDF is kept as ".to_string(),
        Kind::Html => " (the page's main text; the page is kept as ".to_string(),
    };
    let kept = match &source_path {
        Some(path) => {
            format!("{how}{})", path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        }
        None => String::new(),
    };
    let header = format!("// Imported from {}{kept}.\n", printable_file_name(source));
    let mut written: Vec<&Path> = Vec::new();
    let remove_written = |written: &[&Path]| {
        for path in written {
            let _ = std::fs::remove_file(path);
        }
    };
    if let (Some(path), Some(original)) = (&source_path, &prepared.source) {
        crate::atomic::write_new_atomic(path, original).map_err(|e| write_error(path, e))?;
        written.push(path);
    }
    if let Err(err) = crate::atomic::write_new_atomic(&text_path, bytes) {
        remove_written(&written);
        return Err(write_error(&text_path, err));
    }
    written.push(&text_path);
    if let Err(err) = crate::atomic::write_new_atomic(&meta_path, format!("{header}{ron}").as_bytes()) {
        // Leave nothing half-imported: the text (and the kept source) go too.
        remove_written(&written);
        return Err(write_error(&meta_path, err));
    }
    Ok(Imported { id, text_path, meta_path, source_path, meta })
}

/// Refuses bytes that are already a document of the corpus, naming it.
pub fn check_not_in_corpus(corpus_dir: &Path, source: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    match same_bytes_in(&corpus_dir.join("documents"), bytes) {
        Some(id) => Err(ImportError::Duplicate { path: source.to_path_buf(), id }),
        None => Ok(()),
    }
}

/// Section ids present and unique, lines inside the text and in order.
fn check_meta(source: &Path, text: &str, meta: &DocumentMeta) -> Result<(), ImportError> {
    let lines = super::Document::new(String::new(), text.to_string(), DocumentMeta::default()).line_count();
    let problem = |message: String| Err(ImportError::Meta { path: source.to_path_buf(), message });
    let mut ids = HashSet::new();
    for section in &meta.sections {
        let (first, last) = section.lines;
        if section.id.trim().is_empty() {
            return problem(format!("a section (lines {first} to {last}) has no id"));
        }
        if !ids.insert(section.id.as_str()) {
            return problem(format!("two sections are called \"{}\"", section.id));
        }
        if first == 0 || first > last || last > lines {
            return problem(format!(
                "section \"{}\" has lines ({first}, {last}); the text has lines 1 to {lines}",
                section.id
            ));
        }
    }
    Ok(())
}

/// The id of a document in `documents` whose text is exactly `bytes`.
fn same_bytes_in(documents: &Path, bytes: &[u8]) -> Option<String> {
    let entries = std::fs::read_dir(documents).ok()?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let same_size = entry.metadata().is_ok_and(|m| m.len() == bytes.len() as u64);
        if same_size && std::fs::read(&path).is_ok_and(|existing| existing == bytes) {
            return path.file_stem().and_then(|s| s.to_str()).map(str::to_owned);
        }
    }
    None
}

/// `NNN_<hash>`: the number after the largest `NNN` in use (three digits at
/// least), and 16 hex digits of the FNV-1a hash of the text. Never an id
/// whose `.txt`, `.ron` or kept source exists.
pub fn new_document_id(documents: &Path, bytes: &[u8]) -> String {
    let used: Vec<String> = std::fs::read_dir(documents)
        .map(|entries| {
            entries.flatten().filter_map(|e| e.path().file_stem().and_then(|s| s.to_str()).map(str::to_owned)).collect()
        })
        .unwrap_or_default();
    let next = used
        .iter()
        .filter_map(|stem| stem.split_once('_').and_then(|(n, _)| n.parse::<u64>().ok()))
        .max()
        .map_or(0, |n| n + 1);
    let hash = fnv1a64(bytes);
    (next..)
        .map(|n| format!("{n:03}_{hash:016x}"))
        .find(|id| {
            ["txt", "ron", "source.pdf", "source.html"]
                .iter()
                .all(|ext| !documents.join(format!("{id}.{ext}")).exists())
        })
        .unwrap_or_else(|| format!("{next:03}_{hash:016x}"))
}

/// 64-bit FNV-1a: the hash in a document id, and a stable hash for anything
/// that must not change between runs or builds.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The file's name without its extension, as a title in `lang` (English if unknown).
fn title_from_file_name(source: &Path, lang: Option<Lang>) -> crate::catalog::Localized {
    let name = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let name = name.replace(['_', '-'], " ").trim().to_string();
    let mut title = crate::catalog::Localized::default();
    match lang::detect(&name).or(lang) {
        Some(Lang::Fa) => title.fa = name,
        Some(Lang::Ar) => title.ar = name,
        _ => title.en = name,
    }
    title
}

/// The file name, without control characters (it goes into a comment line).
fn printable_file_name(source: &Path) -> String {
    let name = source.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    name.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Section, SectionKind, SourceKind};

    fn empty_corpus() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("documents")).unwrap();
        dir
    }

    #[test]
    fn a_text_is_titled_by_its_first_heading_not_its_file_name() {
        let dir = empty_corpus();
        let text = "دیپلماسی پلیسی و امنیت منطقه‌ای\n\nاین متن درباره همکاری پلیسی است. الشرطة والتعاون.\n";
        let imported = import_bytes(dir.path(), Path::new("notes-2024.txt"), text.as_bytes(), DocumentMeta::default());
        let meta = imported.unwrap().meta;
        assert_eq!(meta.title.fa, "دیپلماسی پلیسی و امنیت منطقه‌ای");
        assert!(!meta.title.en.contains("notes-2024"), "{:?}", meta.title);
        // Prose first: no heading, the file's name stays the fallback.
        assert_eq!(first_heading(&"کلمه ".repeat(60)), None);
        assert_eq!(first_heading("# Police diplomacy\n\nBody.").as_deref(), Some("Police diplomacy"));
    }

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir.join("documents"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn refused(bytes: &[u8]) -> String {
        let corpus = empty_corpus();
        let err = import_bytes(corpus.path(), Path::new("in.txt"), bytes, DocumentMeta::default()).unwrap_err();
        assert!(files_in(corpus.path()).is_empty(), "nothing written for {err}");
        err.to_string()
    }

    #[test]
    fn bad_files_are_refused_with_their_position() {
        assert_eq!(refused(b""), "in.txt:1:1: the file is empty");
        assert_eq!(
            refused(b" \n\t\n"),
            "in.txt:1:1: the file holds only whitespace (4 bytes of spaces, tabs and line breaks), no text"
        );
        assert_eq!(refused(b"ab\ncd\0ef"), "in.txt:2:3: not a text file: a NUL byte at byte 5");
        assert_eq!(
            refused(b"\xFF\xFEa\0b\0"),
            "in.txt:1:4: not a text file: a NUL byte at byte 3 (it looks like UTF-16; save it as UTF-8)"
        );
        assert_eq!(
            refused(b"ok\n\xd8 x"),
            "in.txt:2:1: invalid UTF-8 at byte 3; save the file as UTF-8 and import it again"
        );
    }

    #[test]
    fn too_large_files_are_refused_before_being_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let file = std::fs::File::create(&path).unwrap();
        file.set_len(MAX_IMPORT_BYTES + 1).unwrap();
        let err = import_file(&dir.path().join("corpus"), &path, DocumentMeta::default()).unwrap_err();
        assert!(matches!(err, ImportError::TooLarge { size, .. } if size == MAX_IMPORT_BYTES + 1), "{err}");
        assert!(err.to_string().ends_with(&format!("at most {MAX_IMPORT_BYTES} bytes (32 MiB) can be imported")));
        assert!(!dir.path().join("corpus").exists());
    }

    #[test]
    fn imports_byte_for_byte_with_metadata_the_loader_accepts() {
        let corpus = empty_corpus();
        std::fs::write(corpus.path().join("documents/004_be513f05f174dac0.txt"), "old").unwrap();
        std::fs::write(corpus.path().join("documents/004_be513f05f174dac0.ron"), "Document()").unwrap();
        let text = "عنوان\r\nدیپلماسی پلیس و اینترپل.\r\n\r\nPolice diplomacy.\n";
        let meta = DocumentMeta {
            title: crate::catalog::Localized { fa: "خبر".into(), ar: String::new(), en: "News".into() },
            languages: vec![Lang::Fa, Lang::En],
            source: crate::corpus::meta::Source { kind: SourceKind::News, name: "A site".into(), url: None },
            year: Some(2021),
            sections: vec![Section { id: "body".into(), kind: SectionKind::Body, lang: Some(Lang::Fa), lines: (2, 4) }],
            quality: Default::default(),
        };
        let imported = import_bytes(corpus.path(), Path::new("news.txt"), text.as_bytes(), meta.clone()).unwrap();
        assert_eq!(imported.id, format!("005_{:016x}", fnv1a64(text.as_bytes())));
        assert_eq!(std::fs::read(&imported.text_path).unwrap(), text.as_bytes());
        let (documents, diagnostics) = crate::corpus::load_documents(&corpus.path().join("documents"));
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let document = documents.iter().find(|d| d.id == imported.id).unwrap();
        assert_eq!(document.meta, meta);
        assert_eq!(document.text, text);
        let ron = std::fs::read_to_string(&imported.meta_path).unwrap();
        assert!(ron.starts_with("// Imported from news.txt.\nDocument("), "{ron}");
    }

    #[test]
    fn languages_and_title_are_filled_in_when_left_empty() {
        let corpus = empty_corpus();
        let text = "همکاری پلیسی میان کشورها.\n\nالتعاون الدولي في مجال الشرطة.\n\nهمکاری با یوروپل.\n";
        let imported =
            import_bytes(corpus.path(), Path::new("/x/police_news.txt"), text.as_bytes(), DocumentMeta::default())
                .unwrap();
        assert_eq!(imported.meta.languages, [Lang::Fa, Lang::Ar]);
        assert_eq!(imported.meta.title.en, "police news", "a Latin file name is an English title");
        assert_eq!(imported.id, format!("000_{:016x}", fnv1a64(text.as_bytes())));
    }

    #[test]
    fn the_same_text_twice_is_refused_and_nothing_is_overwritten() {
        let corpus = empty_corpus();
        let first = import_bytes(corpus.path(), Path::new("a.txt"), b"Europol and Interpol\n", DocumentMeta::default())
            .unwrap();
        let err = import_bytes(corpus.path(), Path::new("b.txt"), b"Europol and Interpol\n", DocumentMeta::default())
            .unwrap_err();
        assert_eq!(err.to_string(), format!("b.txt: already in the corpus, byte for byte, as document {}", first.id));
        assert_eq!(files_in(corpus.path()).len(), 2);
        // An id whose files exist is never chosen.
        let next = new_document_id(&corpus.path().join("documents"), b"other");
        assert!(next.starts_with("001_"), "{next}");
        let clash = format!("{}.ron", next);
        std::fs::write(corpus.path().join("documents").join(&clash), "kept").unwrap();
        let after = new_document_id(&corpus.path().join("documents"), b"other");
        assert!(after.starts_with("002_"), "{after}");
        assert_eq!(std::fs::read_to_string(corpus.path().join("documents").join(clash)).unwrap(), "kept");
    }

    #[test]
    fn sections_outside_the_text_are_refused() {
        let corpus = empty_corpus();
        let section = |id: &str, lines| Section { id: id.into(), kind: SectionKind::Body, lang: None, lines };
        for (sections, message) in [
            (vec![section("body", (1, 3))], "in.txt: section \"body\" has lines (1, 3); the text has lines 1 to 2"),
            (vec![section("body", (2, 1))], "in.txt: section \"body\" has lines (2, 1); the text has lines 1 to 2"),
            (vec![section("a", (1, 1)), section("a", (2, 2))], "in.txt: two sections are called \"a\""),
            (vec![section(" ", (1, 1))], "in.txt: a section (lines 1 to 1) has no id"),
        ] {
            let meta = DocumentMeta { sections, ..DocumentMeta::default() };
            let err = import_bytes(corpus.path(), Path::new("in.txt"), b"one\ntwo\n", meta).unwrap_err();
            assert_eq!(err.to_string(), message);
            assert!(files_in(corpus.path()).is_empty());
        }
    }
}
