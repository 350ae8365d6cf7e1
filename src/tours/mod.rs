//! Teachers' tours: ordered lists of map views, stored as
//! `corpus/tours/<tour-id>.ron` and played full screen from the keyboard.
//!
//! A [`Tour`] has a title per language and a list of [`TourStep`]s. A step
//! says what the map shows (the focused concept and how far around it, the
//! filters, what is highlighted, the camera, pinned node positions), a caption
//! per language, and optionally a passage of a document to show beside it.
//!
//! Files are hand-editable pretty RON; every field but the caption may be left
//! out of a step. [`save`] writes stable bytes (the same tour always gives the
//! same file), atomically. [`load`] reports every problem as a
//! [`Diagnostic`] with FILE:LINE:COL: syntax errors where RON found them,
//! semantic ones (a zoom of zero, an empty range) at the offending text.
//! [`validate`] adds the checks that need the catalog and the documents
//! (unknown concept or document ids). Editing is pure: [`edit`] returns new
//! tours.
//!
//! ```
//! use diplomap::tours::{Tour, TourStep, Localized, to_ron, from_ron};
//! let mut tour = Tour::default();
//! tour.title.en = "Police diplomacy".into();
//! tour.steps.push(TourStep::focused("police-diplomacy", 1));
//! let text = to_ron(&tour).unwrap();
//! assert_eq!(from_ron(std::path::Path::new("t.ron"), &text).unwrap(), tour);
//! ```

pub mod edit;
mod locate;
mod validate;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::{self, Diagnostic};
use crate::text::Lang;

pub use validate::{CONCEPT_KINDS, EDGE_KINDS, check, validate};

/// A string in each of the three languages; a missing one is empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Localized {
    pub fa: String,
    pub ar: String,
    pub en: String,
}

impl Localized {
    pub fn new(fa: &str, ar: &str, en: &str) -> Self {
        Localized { fa: fa.into(), ar: ar.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fa => &self.fa,
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

/// A tour: a title and the ordered steps a teacher walks through.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tour {
    pub title: Localized,
    pub steps: Vec<TourStep>,
}

/// One view of the map with its caption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[derive(Default)]
pub struct TourStep {
    /// The concept in the middle of the view, if any.
    pub focus: Option<Focus>,
    /// What is shown at all.
    pub filters: Filters,
    /// What is drawn highlighted.
    pub highlight: Highlight,
    /// Where the camera looks; `None` frames what the step shows (the focus,
    /// else every visible node).
    pub camera: Option<Camera>,
    /// Node positions fixed for this step, by concept id.
    pub pinned: BTreeMap<String, (f32, f32)>,
    pub caption: Localized,
    /// A passage shown beside the map.
    pub passage: Option<Passage>,
}

impl TourStep {
    /// A step focused on `concept`, showing neighbours up to `depth` links away.
    pub fn focused(concept: &str, depth: u32) -> Self {
        TourStep { focus: Some(Focus { concept: concept.into(), depth }), ..TourStep::default() }
    }
}

/// The focused concept and how many links around it are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Focus {
    pub concept: String,
    pub depth: u32,
}

/// Filters of the map; an empty list means "all".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Filters {
    /// Concept kinds shown: `DiplomacyForm`, `Threat`, `Organisation`, `Topic`.
    pub kinds: Vec<String>,
    /// Documents whose evidence counts.
    pub documents: Vec<String>,
    /// Edge kinds shown: `counters`, `member-of`, …, `co-occurrence`.
    pub edge_kinds: Vec<String>,
    /// Edges lighter than this are hidden.
    pub min_weight: f32,
}

/// Nodes and edges drawn highlighted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Highlight {
    pub nodes: Vec<String>,
    pub edges: Vec<EdgeRef>,
}

/// An edge between two concepts (either direction).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EdgeRef {
    pub source: String,
    pub target: String,
}

/// What part of the map a step shows, in map units: the rectangle of `size`
/// around `center`, fitted into whatever window shows it (all of it visible,
/// centred), so a step frames the same at any window size.
///
/// Older tours wrote a `zoom` (screen points per map unit) instead of a
/// size; it still loads, read as seen in a window of
/// [`Camera::REFERENCE_VIEW`]. New steps are saved with a size.
///
/// ```
/// use diplomap::tours::Camera;
/// let old = Camera { center: (0.0, 0.0), size: None, zoom: Some(2.0) };
/// assert_eq!(old.world_size(), (640.0, 400.0));
/// assert_eq!(Camera::framing((5.0, 5.0), (300.0, 200.0)).world_size(), (300.0, 200.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Camera {
    pub center: (f32, f32),
    /// Width and height shown, in map units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<(f32, f32)>,
    /// Older files: points per map unit in a [`Camera::REFERENCE_VIEW`] window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zoom: Option<f32>,
}

impl Camera {
    /// The window size, in points, an old `zoom` is read against (the size
    /// exports use by default).
    pub const REFERENCE_VIEW: (f32, f32) = (1280.0, 800.0);

    /// A camera showing `size` map units around `center`.
    pub fn framing(center: (f32, f32), size: (f32, f32)) -> Camera {
        Camera { center, size: Some(size), zoom: None }
    }

    /// Width and height shown, in map units: `size`, else what `zoom` showed
    /// in a reference window, else what a zoom of 1 shows.
    pub fn world_size(&self) -> (f32, f32) {
        if let Some(size) = self.size.filter(|&(w, h)| is_positive(w) && is_positive(h)) {
            return size;
        }
        let zoom = self.zoom.filter(|&z| is_positive(z)).unwrap_or(1.0);
        (Camera::REFERENCE_VIEW.0 / zoom, Camera::REFERENCE_VIEW.1 / zoom)
    }

    /// The same view written the current way: an old `zoom` becomes the
    /// size it showed, so a saved tour never carries the old field.
    pub fn upgraded(self) -> Camera {
        if self.size.is_some() || self.zoom.is_none() {
            return self;
        }
        Camera::framing(self.center, self.world_size())
    }
}

fn is_positive(value: f32) -> bool {
    value.is_finite() && value > 0.0
}

/// A byte range of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub document: String,
    pub start: usize,
    pub end: usize,
}

/// Why a tour could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot serialise the tour: {0}")]
    Ron(#[from] ron::Error),
}

/// The pretty RON text of `tour`: the same tour always gives the same bytes.
/// Strings are written as they are (ZWNJ, harakat and apostrophes included),
/// not as `\u{…}` escapes, so Persian and Arabic captions read naturally.
/// Cameras of older files are written with the size they showed
/// ([`Camera::upgraded`]).
pub fn to_ron(tour: &Tour) -> Result<String, ron::Error> {
    let mut tour = tour.clone();
    for camera in tour.steps.iter_mut().filter_map(|step| step.camera.as_mut()) {
        *camera = camera.upgraded();
    }
    let config = ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ".to_string())
        .new_line("\n".to_string())
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(&tour, config)?;
    text.push('\n');
    Ok(text)
}

/// Parses a tour from RON `text` (read from `path`, used in diagnostics) and
/// checks what can be checked without the catalog.
pub fn from_ron(path: &Path, text: &str) -> Result<Tour, Vec<Diagnostic>> {
    // `zoom: 2.0` (older files) as well as `zoom: Some(2.0)`.
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let tour: Tour = options.from_str(text).map_err(|e| vec![Diagnostic::from_ron(path, &e)])?;
    let problems: Vec<Diagnostic> = check(&tour, path, text).into_iter().filter(Diagnostic::is_error).collect();
    if problems.is_empty() { Ok(tour) } else { Err(problems) }
}

/// Loads the tour at `path`, with every problem as a diagnostic.
pub fn load(path: &Path) -> Result<Tour, Vec<Diagnostic>> {
    let text = diag::read_utf8(path).map_err(|d| vec![d])?;
    from_ron(path, &text)
}

/// Saves `tour` to `path` atomically, as [`to_ron`] writes it.
pub fn save(path: &Path, tour: &Tour) -> Result<(), SaveError> {
    let text = to_ron(tour)?;
    crate::atomic::write_atomic(path, text.as_bytes()).map_err(|source| SaveError::Io { path: path.into(), source })
}

/// The ids of the tours in `tours_dir` (file stems of `*.ron`), sorted; none
/// when the folder does not exist.
pub fn list(tours_dir: &Path) -> std::io::Result<Vec<String>> {
    let entries = match std::fs::read_dir(tours_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut ids = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "ron")
            && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
        {
            ids.push(stem.to_string());
        }
    }
    ids.sort();
    Ok(ids)
}

/// The file of tour `id` in `tours_dir`.
pub fn path_of(tours_dir: &Path, id: &str) -> PathBuf {
    tours_dir.join(format!("{id}.ron"))
}

/// Whether `id` is a usable tour id: kebab-case ASCII.
pub fn is_valid_id(id: &str) -> bool {
    let parts_ok = id.split('-').all(|p| !p.is_empty());
    let chars_ok = id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    !id.is_empty() && parts_ok && chars_ok
}
