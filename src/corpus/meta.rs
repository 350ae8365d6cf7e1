//! Document metadata, `documents/<id>.ron`: titles, languages, source, year,
//! sections and quality flags.
//!
//! ```ron
//! Document(
//!     title: (fa: "…", ar: "…", en: "…"),
//!     languages: [Fa, En],
//!     source: (kind: Paper, name: "Journal article"),
//!     year: Some(2012),
//!     sections: [(id: "abstract-fa", kind: Abstract, lang: Some(Fa), lines: (4, 6))],
//!     quality: (broken_visual_order: false),
//! )
//! ```

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::catalog::Localized;
use crate::diag::{Diagnostic, read_utf8};
use crate::text::Lang;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename = "Document", deny_unknown_fields)]
pub struct DocumentMeta {
    pub title: Localized,
    pub languages: Vec<Lang>,
    pub source: Source,
    pub year: Option<i32>,
    pub sections: Vec<Section>,
    pub quality: Quality,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Source {
    pub kind: SourceKind,
    pub name: String,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceKind {
    Paper,
    News,
    WebPage,
    Proceedings,
    Book,
    #[default]
    Other,
}

/// A named part of a document, as a range of lines (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// `abstract-fa`, `body`, …; unique within the document.
    pub id: String,
    pub kind: SectionKind,
    #[serde(default)]
    pub lang: Option<Lang>,
    pub lines: (usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionKind {
    Title,
    Abstract,
    Keywords,
    Contents,
    Body,
    References,
    Other,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Quality {
    /// The text has lines in broken visual order (PDF extraction damage);
    /// which lines is found by `text::broken_order`.
    pub broken_visual_order: bool,
}

/// Loads a metadata file, pushing any problem to `diagnostics`.
pub fn load(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<DocumentMeta> {
    let source = match read_utf8(path) {
        Ok(source) => source,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    match parse(path, &source) {
        Ok(meta) => Some(meta),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// Parses metadata text; `path` names it in the diagnostic.
pub fn parse(path: &Path, source: &str) -> Result<DocumentMeta, Diagnostic> {
    ron::from_str::<DocumentMeta>(source).map_err(|err| Diagnostic::from_ron(path, &err))
}

/// Pretty RON for a metadata file (used when importing a document).
pub fn to_ron(meta: &DocumentMeta) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().struct_names(true);
    ron::ser::to_string_pretty(meta, config).map(|mut s| {
        s.push('\n');
        s
    })
}
