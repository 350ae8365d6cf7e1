//! `corpus/layout.ron`: the map's pinned node positions, by concept id.
//!
//! ```ron
//! Layout(
//!     pinned: {
//!         "interpol": (x: 120.0, y: -40.5),
//!         "police-diplomacy": (x: 0.0, y: 0.0),
//!     },
//! )
//! ```
//!
//! Saving writes ids in sorted order with a fixed format, so the same pins
//! always give the same bytes (diffable, no churn), and goes through
//! [`crate::atomic::write_atomic`]. Loading reports every problem as a
//! [`Diagnostic`] with FILE:LINE:COL: syntax errors and bad coordinates are
//! errors; ids the catalog does not know are warnings (the pin is kept, so it
//! survives a concept being missing for a while).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;
use serde::de::{MapAccess, Visitor};

use super::geom::Vec2;
use crate::atomic::write_atomic;
use crate::diag::{Diagnostic, locate, read_utf8_at_most};

/// The contents of `layout.ron`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutFile {
    /// Pinned positions in world units, by concept id.
    pub pinned: BTreeMap<String, Vec2>,
}

/// The file as written, entries in file order (so duplicates can be found).
#[derive(Deserialize)]
#[serde(rename = "Layout", deny_unknown_fields)]
struct RawLayout {
    #[serde(default)]
    pinned: Entries,
}

#[derive(Deserialize)]
#[serde(rename = "Point", deny_unknown_fields)]
struct RawPoint {
    x: f32,
    y: f32,
}

#[derive(Default)]
struct Entries(Vec<(String, RawPoint)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EntriesVisitor)
    }
}

struct EntriesVisitor;

impl<'de> Visitor<'de> for EntriesVisitor {
    type Value = Entries;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a map from concept id to (x: …, y: …)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, RawPoint>()? {
            entries.push(entry);
        }
        Ok(Entries(entries))
    }
}

/// The largest layout file read: a map of 10,000 pinned concepts takes
/// about 600 KB.
pub const MAX_LAYOUT_BYTES: u64 = 4 * 1024 * 1024;

/// Reads `path`. A missing file is an empty layout without diagnostics.
/// `is_known` says whether a concept id exists in the catalog.
pub fn load_layout(path: &Path, is_known: impl Fn(&str) -> bool) -> (LayoutFile, Vec<Diagnostic>) {
    if !path.exists() {
        return (LayoutFile::default(), Vec::new());
    }
    match read_utf8_at_most(path, MAX_LAYOUT_BYTES) {
        Ok(text) => parse_layout(path, &text, is_known),
        Err(diagnostic) => (LayoutFile::default(), vec![diagnostic]),
    }
}

/// Parses the text of a layout file; `path` only names it in diagnostics.
pub fn parse_layout(path: &Path, text: &str, is_known: impl Fn(&str) -> bool) -> (LayoutFile, Vec<Diagnostic>) {
    let raw: RawLayout = match ron::from_str(text) {
        Ok(raw) => raw,
        Err(err) => return (LayoutFile::default(), vec![Diagnostic::from_ron(path, &err)]),
    };
    let mut file = LayoutFile::default();
    let mut diagnostics = Vec::new();
    let mut cursor = text.find("pinned").unwrap_or(0);
    for (id, point) in raw.pinned.0 {
        let quoted = format!("\"{id}\"");
        let at = locate(text, &quoted, cursor);
        cursor = text.get(cursor..).and_then(|rest| rest.find(&quoted)).map_or(cursor, |i| cursor + i + quoted.len());
        if let Some(problem) = entry_problem(&file, &id, &point) {
            diagnostics.push(Diagnostic::error(path, at, problem));
            continue;
        }
        if !is_known(&id) {
            diagnostics.push(Diagnostic::warning(path, at, format!("unknown concept id `{id}`; pin kept but unused")));
        }
        file.pinned.insert(id, Vec2::new(point.x, point.y));
    }
    (file, diagnostics)
}

fn entry_problem(file: &LayoutFile, id: &str, point: &RawPoint) -> Option<String> {
    if file.pinned.contains_key(id) {
        return Some(format!("`{id}` is pinned twice; the first position is kept"));
    }
    if !(point.x.is_finite() && point.y.is_finite()) {
        return Some(format!("`{id}` has a position that is not a finite number"));
    }
    None
}

/// The file's text: pretty, ids sorted, one pin a line; the same pins always
/// give the same bytes. Non-finite positions are left out.
pub fn layout_to_ron(file: &LayoutFile) -> String {
    let mut out = String::from("Layout(\n    pinned: {\n");
    for (id, at) in &file.pinned {
        if !at.is_finite() {
            continue;
        }
        let _ = writeln!(out, "        {}: (x: {}, y: {}),", ron_string(id), ron_float(at.x), ron_float(at.y));
    }
    out.push_str("    },\n)\n");
    out
}

/// Writes `file` to `path` atomically.
pub fn save_layout(path: &Path, file: &LayoutFile) -> std::io::Result<()> {
    write_atomic(path, layout_to_ron(file).as_bytes())
}

fn ron_string(s: &str) -> String {
    ron::to_string(s).unwrap_or_else(|_| format!("{s:?}"))
}

/// A float as RON reads it back exactly: the shortest round-trip form, with
/// `.0` on whole numbers.
fn ron_float(value: f32) -> String {
    let text = format!("{value:?}");
    if text.contains(['.', 'e', 'E']) { text } else { format!("{text}.0") }
}
