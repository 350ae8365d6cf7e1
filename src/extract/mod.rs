//! Text out of PDF and HTML files, for importing them as documents.
//!
//! - [`pdf`] reads a PDF's glyphs with their positions (its own small
//!   content-stream interpreter over `lopdf`'s parser) and its metadata;
//! - [`lines`] turns positioned glyphs into lines in logical order (columns,
//!   baselines, word gaps measured from glyph widths, the inverse of the bidi
//!   reordering) — pure, tested without a PDF;
//! - [`html`] takes the main text of a web page (no menus, headers, footers,
//!   asides, scripts, styles or forms), one paragraph a line, `dir` and
//!   `lang` honoured;
//! - [`compare`] measures how many of a reference's words a text has in
//!   order (the figure the PDF fixtures are judged by).
//!
//! Lines that still look like broken visual order after the reconstruction
//! (text that was written into the PDF already scrambled) go through
//! [`fallback_line`], the seam for the repair of broken visual order.
//!
//! ```
//! use diplomap::extract::{Kind, extract};
//! let page = "<html lang=\"fa\"><head><title>خبر</title></head><body><nav>خانه</nav>\
//!             <p>دیپلماسی   پلیسی</p></body></html>";
//! let out = extract("news.html", page.as_bytes()).unwrap();
//! assert_eq!(out.kind, Kind::Html);
//! assert_eq!(out.text, "دیپلماسی پلیسی\n");
//! assert_eq!(out.title.as_deref(), Some("خبر"));
//! ```

pub mod compare;
pub mod html;
pub mod lines;
pub mod pdf;
mod pdf_font;

use crate::text::Lang;

/// What kind of file a source is, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pdf,
    Html,
    Text,
}

impl Kind {
    /// The extension the kept source file gets (`NNN_<hash>.source.pdf`).
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Html => "html",
            Kind::Text => "txt",
        }
    }
}

/// Text taken out of a file, with what the file says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub kind: Kind,
    /// One paragraph a line, paragraphs separated by an empty line, ending in a newline.
    pub text: String,
    pub title: Option<String>,
    /// The languages the file declares (PDF `/Lang`, XMP, `<html lang>`, `lang` attributes), main one first.
    pub languages: Vec<Lang>,
    pub year: Option<i32>,
}

/// Why a file gives no text. Each names the file.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("{file}: the PDF is encrypted (password-protected); save an unprotected copy and import that")]
    Encrypted { file: String },
    #[error(
        "{file}: the PDF has no text, only images ({images} of them): it looks scanned; run OCR on it and import the result"
    )]
    ImageOnly { file: String, images: usize },
    #[error(
        "{file}: the PDF's fonts do not say which letters their glyphs are ({unmapped} glyphs); no text can be taken from it"
    )]
    NoUnicode { file: String, unmapped: usize },
    #[error("{file}: the PDF has no text")]
    NoText { file: String },
    #[error("{file}: not a readable PDF: {reason}")]
    Broken { file: String, reason: String },
    #[error("{file}: too large to import: {what}")]
    TooLarge { file: String, what: String },
    #[error("{file}: the page has no text outside menus, headers and footers")]
    EmptyHtml { file: String },
}

/// What kind of file `bytes` are: `%PDF-` near the start is a PDF, a
/// doctype or `<html` (or an `.htm`/`.html` name) is HTML, anything else text.
pub fn kind_of(name: &str, bytes: &[u8]) -> Kind {
    let head = &bytes[..bytes.len().min(1024)];
    if head.starts_with(b"%PDF-") || head.windows(5).any(|w| w == b"%PDF-") {
        return Kind::Pdf;
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".pdf") {
        return Kind::Pdf;
    }
    let start: Vec<u8> = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    if lower.ends_with(".html")
        || lower.ends_with(".htm")
        || lower.ends_with(".xhtml")
        || start.starts_with(b"<!doctype html")
        || start.starts_with(b"<html")
    {
        return Kind::Html;
    }
    Kind::Text
}

/// Extracts the text of a PDF or HTML file. `name` names it in errors.
/// Text files are not handled here (they are imported byte for byte).
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    match kind_of(name, bytes) {
        Kind::Pdf => extract_pdf(name, bytes),
        Kind::Html => html::extract(name, bytes),
        Kind::Text => Ok(Extracted {
            kind: Kind::Text,
            text: String::from_utf8_lossy(bytes).into_owned(),
            title: None,
            languages: Vec::new(),
            year: None,
        }),
    }
}

/// Extracts a PDF's text by position.
pub fn extract_pdf(name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let content = pdf::read(name, bytes)?;
    let glyphs: usize =
        content.pages.iter().map(|p| p.glyphs.iter().filter(|g| !g.is_space && !g.text.is_empty()).count()).sum();
    if glyphs == 0 {
        let file = name.to_string();
        return Err(if content.unmapped > 0 {
            ExtractError::NoUnicode { file, unmapped: content.unmapped }
        } else if content.images > 0 {
            ExtractError::ImageOnly { file, images: content.images }
        } else {
            ExtractError::NoText { file }
        });
    }
    let mut pages: Vec<Vec<lines::Line>> = content.pages.iter().map(lines::page_lines).collect();
    for line in pages.iter_mut().flatten() {
        line.text = fallback_line(&line.text);
    }
    let text = lines::paragraphs_text(&pages);
    if text.trim().is_empty() {
        return Err(ExtractError::NoText { file: name.to_string() });
    }
    let languages: Vec<Lang> = content.lang.as_deref().and_then(lang_of_code).into_iter().collect();
    Ok(Extracted { kind: Kind::Pdf, text, title: content.title, languages, year: content.year })
}

/// A line that still looks like broken visual order after the reconstruction
/// from positions. The repair of broken visual order (`text::repair`) goes
/// here; until it is in the tree the line is kept as it is (the reader marks
/// it as it marks such lines of any document).
pub fn fallback_line(line: &str) -> String {
    line.to_string()
}

/// `fa`, `fa-IR`, `ar_EG`, `en-GB` → the language.
pub fn lang_of_code(code: &str) -> Option<Lang> {
    let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    Lang::from_code(&primary)
}
