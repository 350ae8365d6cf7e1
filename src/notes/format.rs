//! The file format of `notes/<concept-id>.ron`: parsing (with every problem
//! reported as FILE:LINE:COL) and the one stable way of writing it.
//!
//! Written files are pretty RON with a fixed field order, four-space indents,
//! `\n` line ends and a final newline. Strings are written unescaped — Persian
//! text, ZWNJ and line breaks appear as they are, so a diff reads like the note
//! — and as raw strings (`r#"…"#`) when they hold `"` or `\`. Loading a written
//! file and writing it again gives the same bytes.
//!
//! ```text
//! (
//!     version: 1,
//!     concept: "interpol",
//!     notes: [
//!         (
//!             id: "main",
//!             created: "2026-11-23T09:09:07Z",
//!             updated: "2026-11-23T09:09:07Z",
//!             body: "اینترپل …",
//!         ),
//!     ],
//! )
//! ```

use super::error::NotesError;
use super::id::{check_concept_id, check_document_id};
use super::model::{Anchor, ConceptNotes, FORMAT_VERSION, MAIN_NOTE_ID, Note};
use super::time::is_rfc3339;
use crate::diag::{Diagnostic, locate};
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use std::collections::HashSet;
use std::path::Path;

/// The text of a notes file for `notes`, in the stable layout.
pub fn render(path: &Path, notes: &ConceptNotes) -> Result<String, NotesError> {
    let config =
        PrettyConfig::new().new_line("\n").indentor("    ").separator(" ").struct_names(false).escape_strings(false);
    let mut text = ron::ser::to_string_pretty(notes, config)
        .map_err(|e| NotesError::Unsavable { path: path.to_path_buf(), reason: e.to_string() })?;
    text.push('\n');
    Ok(text)
}

/// Parses the text of `path`, a notes file named after its concept, and checks
/// it. `Anchor`s may be written with or without `Some(…)`.
pub fn parse(path: &Path, text: &str) -> Result<ConceptNotes, NotesError> {
    let options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    let notes: ConceptNotes = options
        .from_str(text)
        .map_err(|e| NotesError::Malformed { diagnostics: vec![Diagnostic::from_ron(path, &e)] })?;
    let expected = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let diagnostics = validate(path, text, expected, &notes);
    if diagnostics.is_empty() {
        return Ok(notes);
    }
    Err(NotesError::Malformed { diagnostics })
}

/// Every problem with a parsed file that RON itself does not catch: the
/// version, the concept id against the file name, note ids, anchors, times.
fn validate(path: &Path, text: &str, expected_concept: &str, notes: &ConceptNotes) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if notes.version != FORMAT_VERSION {
        let message =
            format!("unsupported notes format version {} (this program reads {FORMAT_VERSION})", notes.version);
        found.push(Diagnostic::error(path, locate(text, "version", 0), message));
    }
    if notes.concept != expected_concept {
        let message = format!("concept {:?} does not match the file name {expected_concept:?}", notes.concept);
        found.push(Diagnostic::error(path, locate(text, "concept", 0), message));
    }
    let mut seen = HashSet::new();
    let mut cursor = 0;
    for note in &notes.notes {
        let quoted = format!("{:?}", note.id);
        cursor = text.get(cursor..).and_then(|rest| rest.find(&quoted)).map_or(cursor, |i| cursor + i);
        let at = locate(text, &quoted, cursor);
        let mut report = |message: String| found.push(Diagnostic::error(path, at, message));
        check_note(note, &mut report);
        if !seen.insert(note.id.as_str()) {
            report(format!("note id {:?} is used twice", note.id));
        }
        cursor += quoted.len();
    }
    found
}

/// The problems of one note, each passed to `report`.
fn check_note(note: &Note, report: &mut impl FnMut(String)) {
    if let Err(problem) = check_concept_id(&note.id) {
        report(format!("note id {:?}: {problem}", note.id));
    }
    if note.id == MAIN_NOTE_ID && note.anchor.is_some() {
        report("the main note cannot have an anchor".to_owned());
    }
    for (field, value) in [("created", &note.created), ("updated", &note.updated)] {
        if !is_rfc3339(value.as_str()) {
            report(format!("{field} {:?} is not an RFC 3339 time like 2026-11-23T09:09:07Z", value.as_str()));
        }
    }
    if let Some(anchor) = &note.anchor {
        check_anchor(anchor, report);
    }
}

fn check_anchor(anchor: &Anchor, report: &mut impl FnMut(String)) {
    if let Err(problem) = check_document_id(&anchor.document) {
        report(format!("anchor document {:?}: {problem}", anchor.document));
    }
    if anchor.start > anchor.end {
        report(format!("anchor start {} is after its end {}", anchor.start, anchor.end));
        return;
    }
    let span = anchor.end - anchor.start;
    if anchor.quote.len() != span {
        report(format!(
            "anchor quote is {} bytes but its range {}..{} is {span}",
            anchor.quote.len(),
            anchor.start,
            anchor.end
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::time::Timestamp;

    fn path() -> &'static Path {
        Path::new("notes/interpol.ron")
    }

    fn sample() -> ConceptNotes {
        let t = Timestamp::parse("2026-11-23T09:09:07Z").unwrap();
        let mut c = ConceptNotes::new("interpol");
        c.set_main("اینترپل\u{200c}ها \"quoted\" \\ r#\"x\"#\nline two\n", &t);
        let anchor = Anchor { document: "002_e0ff0a2344230e73".into(), start: 10, end: 17, quote: "اینتر".into() };
        let anchor = Anchor { end: 10 + anchor.quote.len(), ..anchor };
        c.add_passage_note(anchor, "passage", &t);
        c
    }

    #[test]
    fn render_then_parse_round_trips_with_same_bytes() {
        let text = render(path(), &sample()).unwrap();
        let back = parse(path(), &text).unwrap();
        assert_eq!(back, sample());
        assert_eq!(render(path(), &back).unwrap(), text);
        assert!(text.ends_with(")\n"));
        assert!(text.contains("اینترپل\u{200c}ها"), "{text}");
    }

    #[test]
    fn wrong_concept_and_duplicates_are_located() {
        let text = "(\n  concept: \"europol\",\n  notes: [\n    (id: \"main\", created: \"2026-11-23T09:09:07Z\", updated: \"2026-11-23T09:09:07Z\", body: \"\"),\n    (id: \"main\", created: \"2026-11-23T09:09:07Z\", updated: \"bad\", body: \"\"),\n  ],\n)\n";
        let err = parse(path(), text).unwrap_err();
        let lines: Vec<String> = err.diagnostics().iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "notes/interpol.ron:2:3: concept \"europol\" does not match the file name \"interpol\"",
                "notes/interpol.ron:5:10: updated \"bad\" is not an RFC 3339 time like 2026-11-23T09:09:07Z",
                "notes/interpol.ron:5:10: note id \"main\" is used twice",
            ]
        );
    }

    #[test]
    fn bad_anchors_are_reported() {
        let text = "(concept: \"interpol\", notes: [(id: \"p1\", anchor: (document: \"../x\", start: 5, end: 9, quote: \"ab\"), created: \"2026-11-23T09:09:07Z\", updated: \"2026-11-23T09:09:07Z\", body: \"\"), (id: \"main\", anchor: Some((document: \"d\", start: 9, end: 5, quote: \"\")), created: \"2026-11-23T09:09:07Z\", updated: \"2026-11-23T09:09:07Z\", body: \"\")])";
        let messages: Vec<String> =
            parse(path(), text).unwrap_err().diagnostics().into_iter().map(|d| d.message).collect();
        assert_eq!(messages.len(), 4, "{messages:?}");
        assert!(messages[0].starts_with("anchor document \"../x\""));
        assert_eq!(messages[1], "anchor quote is 2 bytes but its range 5..9 is 4");
        assert_eq!(messages[2], "the main note cannot have an anchor");
        assert_eq!(messages[3], "anchor start 9 is after its end 5");
    }

    #[test]
    fn syntax_errors_carry_their_position() {
        let text = "(\n    concept: \"interpol\",\n    notes: [\n        (id: \"main\" body: \"x\"),\n    ],\n)\n";
        let err = parse(path(), text).unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!((d.line, d.path.as_path()), (4, path()), "{d}");
    }

    #[test]
    fn unknown_fields_are_refused_so_they_are_never_dropped() {
        let text = "(concept: \"interpol\", notes: [], colour: \"red\")";
        assert!(matches!(parse(path(), text), Err(NotesError::Malformed { .. })));
    }
}
