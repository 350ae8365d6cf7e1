//! The loaded data the views draw from: the corpus, its index and what is
//! derived from them (concept colours, document lookups), with a revision
//! number that caches key on. The model holds no egui state.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::corpus::Corpus;
use crate::diag::Diagnostic;
use crate::index::Index;

pub struct Model {
    /// Shared, so a worker (the search index's) can read it off the UI thread.
    pub corpus: Arc<Corpus>,
    pub index: Index,
    /// Bumped whenever the corpus or index changes; caches compare it.
    pub revision: u64,
    /// Problems found while loading (warnings, and errors in optional files).
    pub problems: Vec<Diagnostic>,
}

impl Model {
    /// Loads the corpus at `dir` and indexes it. Errors in the catalog stop it.
    pub fn load(dir: &Path) -> Result<Model, Vec<Diagnostic>> {
        let (corpus, problems) = Corpus::load(dir);
        let Some(corpus) = corpus else {
            return Err(problems);
        };
        let index = Index::build(&corpus);
        Ok(Model { corpus: Arc::new(corpus), index, revision: 1, problems })
    }

    pub fn dir(&self) -> &PathBuf {
        &self.corpus.dir
    }

    pub fn concept_index(&self, id: &str) -> Option<usize> {
        self.corpus.catalog.position(id)
    }

    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.corpus.documents.iter().position(|d| d.id == id)
    }

    pub fn concept_id(&self, concept: usize) -> &str {
        self.corpus.catalog.concepts.get(concept).map_or("", |c| c.id.as_str())
    }

    /// The highlight colour of concept number `concept` ([`concept_rgb`] of its id).
    pub fn concept_rgb(&self, concept: usize, dark: bool) -> [u8; 3] {
        concept_rgb(self.concept_id(concept), dark)
    }
}

/// A colour per concept, taken from its id: stable across runs and across
/// catalog edits (an edit that moves a concept to its own file, or adds one
/// before it, leaves every other concept's colour as it was). The id's hash
/// picks a hue; the golden ratio spreads neighbouring hashes apart.
pub fn concept_rgb(id: &str, dark: bool) -> [u8; 3] {
    let hash = crate::corpus::fnv1a64(id.as_bytes());
    let hue = ((hash % 10_007) as f32 * 0.618_034).fract();
    let (saturation, value) = if dark { (0.55, 0.95) } else { (0.65, 0.80) };
    hsv_to_rgb(hue, saturation, value)
}

fn hsv_to_rgb(h: f32, s: f32, v: f32) -> [u8; 3] {
    let i = (h * 6.0).floor();
    let f = h * 6.0 - i;
    let p = v * (1.0 - s);
    let q = v * (1.0 - f * s);
    let t = v * (1.0 - (1.0 - f) * s);
    let (r, g, b) = match i as i32 % 6 {
        0 => (v, t, p),
        1 => (q, v, p),
        2 => (p, v, t),
        3 => (p, q, v),
        4 => (t, p, v),
        _ => (v, p, q),
    };
    [(r * 255.0) as u8, (g * 255.0) as u8, (b * 255.0) as u8]
}
