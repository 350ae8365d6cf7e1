//! Checks of a tour, each problem a diagnostic located at the offending text.

use std::collections::HashSet;
use std::path::Path;

use super::locate::step_offsets;
use super::{Tour, TourStep};
use crate::diag::{Diagnostic, locate};
use crate::text::Lang;

/// The concept kinds a filter may name.
pub const CONCEPT_KINDS: [&str; 4] = ["DiplomacyForm", "Threat", "Organisation", "Topic"];

/// The edge kinds a filter may name without a warning: the curated relation
/// kinds and co-occurrence.
pub const EDGE_KINDS: [&str; 10] = [
    "counters",
    "member-of",
    "partner-of",
    "observer-of",
    "works-through",
    "part-of",
    "fuels",
    "serves",
    "related-to",
    "co-occurrence",
];

/// Problems `tour` has on its own (no catalog needed): missing title or
/// captions (warnings), impossible camera, weights, kinds and ranges (errors).
/// `text` is the RON the tour was read from, used to locate each problem.
pub fn check(tour: &Tour, path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = Locator { path, text, offsets: step_offsets(text) };
    if tour.title.fa.is_empty() && tour.title.ar.is_empty() && tour.title.en.is_empty() {
        out.push(Diagnostic::warning(path, locate(text, "title", 0), "the tour has no title"));
    }
    if tour.steps.is_empty() {
        out.push(Diagnostic::warning(path, locate(text, "steps", 0), "the tour has no steps"));
    }
    for (index, step) in tour.steps.iter().enumerate() {
        check_step(&at, index, step, &mut out);
    }
    out
}

/// Every problem of `tour`: those of [`check`], plus concept and document
/// ids that are not in `known_concepts` / `known_documents`.
pub fn validate(
    tour: &Tour,
    known_concepts: &HashSet<String>,
    known_documents: &HashSet<String>,
    path: &Path,
    text: &str,
) -> Vec<Diagnostic> {
    let mut out = check(tour, path, text);
    let at = Locator { path, text, offsets: step_offsets(text) };
    for (index, step) in tour.steps.iter().enumerate() {
        for id in concept_ids(step) {
            if !known_concepts.contains(id) {
                out.push(at.error(index, &quoted(id), format!("unknown concept `{id}`")));
            }
        }
        for id in document_ids(step) {
            if !known_documents.contains(id) {
                out.push(at.error(index, &quoted(id), format!("unknown document `{id}`")));
            }
        }
    }
    out
}

/// Points diagnostics of step `index` at text inside that step.
struct Locator<'a> {
    path: &'a Path,
    text: &'a str,
    offsets: Vec<usize>,
}

impl Locator<'_> {
    fn position(&self, index: usize, needle: &str) -> (usize, usize) {
        let from = self.offsets.get(index).copied().unwrap_or(0);
        locate(self.text, needle, from)
    }

    fn error(&self, index: usize, needle: &str, message: String) -> Diagnostic {
        Diagnostic::error(self.path, self.position(index, needle), format!("step {}: {message}", index + 1))
    }

    fn warning(&self, index: usize, needle: &str, message: String) -> Diagnostic {
        Diagnostic::warning(self.path, self.position(index, needle), format!("step {}: {message}", index + 1))
    }
}

fn check_camera(at: &Locator<'_>, index: usize, camera: &super::Camera, out: &mut Vec<Diagnostic>) {
    if let Some(zoom) = camera.zoom.filter(|z| !(z.is_finite() && *z > 0.0)) {
        out.push(at.error(index, "zoom", format!("zoom must be a positive number, not {zoom}")));
    }
    if let Some((width, height)) =
        camera.size.filter(|(w, h)| !(w.is_finite() && *w > 0.0 && h.is_finite() && *h > 0.0))
    {
        out.push(at.error(
            index,
            "size",
            format!("the camera size must be two positive numbers, not ({width}, {height})"),
        ));
    }
    if !(camera.center.0.is_finite() && camera.center.1.is_finite()) {
        out.push(at.error(index, "center", "the camera centre must be finite".into()));
    }
}

fn check_step(at: &Locator<'_>, index: usize, step: &TourStep, out: &mut Vec<Diagnostic>) {
    check_caption(at, index, step, out);
    if let Some(camera) = &step.camera {
        check_camera(at, index, camera, out);
    }
    let weight = step.filters.min_weight;
    if !(weight.is_finite() && weight >= 0.0) {
        out.push(at.error(index, "min_weight", format!("min_weight must be 0 or more, not {weight}")));
    }
    for kind in &step.filters.kinds {
        if !CONCEPT_KINDS.contains(&kind.as_str()) {
            let known = CONCEPT_KINDS.join(", ");
            out.push(at.error(index, &quoted(kind), format!("unknown concept kind `{kind}` (known: {known})")));
        }
    }
    for kind in &step.filters.edge_kinds {
        if !EDGE_KINDS.contains(&kind.as_str()) {
            out.push(at.warning(index, &quoted(kind), format!("unknown edge kind `{kind}`")));
        }
    }
    for (id, (x, y)) in &step.pinned {
        if !(x.is_finite() && y.is_finite()) {
            out.push(at.error(index, &quoted(id), format!("pinned position of `{id}` must be finite")));
        }
    }
    if let Some(passage) = &step.passage
        && passage.start >= passage.end
    {
        let message = format!("passage range {}..{} is empty", passage.start, passage.end);
        out.push(at.error(index, "passage", message));
    }
}

fn check_caption(at: &Locator<'_>, index: usize, step: &TourStep, out: &mut Vec<Diagnostic>) {
    let missing: Vec<&str> =
        Lang::ALL.into_iter().filter(|&lang| step.caption.get(lang).trim().is_empty()).map(Lang::code).collect();
    if missing.is_empty() {
        return;
    }
    let needle = if step_has_caption_field(at, index) { "caption" } else { "" };
    out.push(at.warning(index, needle, format!("no caption in {}", missing.join(", "))));
}

/// Whether the text of step `index` spells out a caption (else the warning
/// points at the step's start).
fn step_has_caption_field(at: &Locator<'_>, index: usize) -> bool {
    let Some(&from) = at.offsets.get(index) else { return false };
    let until = at.offsets.get(index + 1).copied().unwrap_or(at.text.len());
    at.text.get(from..until).is_some_and(|s| s.contains("caption"))
}

/// The concept ids a step refers to, in the order they are written.
fn concept_ids(step: &TourStep) -> Vec<&str> {
    let mut ids = Vec::new();
    ids.extend(step.focus.iter().map(|f| f.concept.as_str()));
    ids.extend(step.highlight.nodes.iter().map(String::as_str));
    for edge in &step.highlight.edges {
        ids.push(&edge.source);
        ids.push(&edge.target);
    }
    ids.extend(step.pinned.keys().map(String::as_str));
    ids
}

fn document_ids(step: &TourStep) -> Vec<&str> {
    let mut ids: Vec<&str> = step.filters.documents.iter().map(String::as_str).collect();
    ids.extend(step.passage.iter().map(|p| p.document.as_str()));
    ids
}

fn quoted(id: &str) -> String {
    format!("\"{id}\"")
}
