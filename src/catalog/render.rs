//! A concept as the RON of its own file, laid out as `concepts.ron` is
//! written by hand: one field a line, empty fields left out, text as it is
//! (not escaped beyond `"`, `\` and control characters).

use std::fmt::Write;

use super::{Concept, Lang, Localized, LocalizedList};

/// `text` as a RON string literal.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn localized(out: &mut String, name: &str, value: &Localized) {
    if value.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {name}: (");
    for lang in Lang::ALL {
        let text = value.get(lang);
        if !text.is_empty() {
            let _ = writeln!(out, "        {}: {},", lang.code(), quoted(text));
        }
    }
    out.push_str("    ),\n");
}

fn localized_list(out: &mut String, name: &str, value: &LocalizedList) {
    if value.is_empty() {
        return;
    }
    let _ = writeln!(out, "    {name}: (");
    for lang in Lang::ALL {
        let list = value.get(lang);
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "        {}: [", lang.code());
        for item in list {
            let _ = writeln!(out, "            {},", quoted(item));
        }
        out.push_str("        ],\n");
    }
    out.push_str("    ),\n");
}

/// The value `Concept(...)`, ending with `)` (no line break after it).
pub fn concept(concept: &Concept) -> String {
    let mut out = String::from("Concept(\n");
    let _ = writeln!(out, "    id: {},", quoted(&concept.id));
    let _ = writeln!(out, "    kind: {},", concept.kind.as_str());
    localized(&mut out, "labels", &concept.labels);
    localized_list(&mut out, "aliases", &concept.aliases);
    localized(&mut out, "summary", &concept.summary);
    if !concept.relations.is_empty() {
        out.push_str("    relations: [\n");
        for relation in &concept.relations {
            let _ = write!(out, "        (kind: {:?}, target: {}", relation.kind, quoted(&relation.target));
            if !relation.evidence.is_empty() {
                out.push_str(", evidence: [");
                for (i, e) in relation.evidence.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "(document: {}, start: {}, end: {})", quoted(&e.document), e.start, e.end);
                }
                out.push(']');
            }
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    out.push(')');
    out
}

/// A whole new file for `concept`: `header` (comments, may be empty), the
/// value, a final line break.
pub fn new_file(header: &str, value: &Concept) -> String {
    format!("{header}{}\n", concept(value))
}

#[cfg(test)]
mod tests {
    use super::super::{ConceptKind, EvidenceRef, Relation, RelationKind};
    use super::*;

    #[test]
    fn a_rendered_concept_reads_back_the_same() {
        let mut c = Concept {
            id: "a-b".into(),
            kind: ConceptKind::Threat,
            labels: Localized { fa: "قاچاق \"مواد\"".into(), ar: String::new(), en: "a\\b".into() },
            aliases: LocalizedList::default(),
            summary: Localized::default(),
            relations: vec![Relation {
                kind: RelationKind::MemberOf,
                target: "c".into(),
                evidence: vec![EvidenceRef { document: "d1".into(), start: 3, end: 9 }],
            }],
        };
        c.aliases.ar.push("الف\nب".into());
        let text = new_file("// x\n", &c);
        let back: Concept = ron::from_str(&text).unwrap();
        assert_eq!(back, c);
        assert!(text.contains("قاچاق"), "{text}");
    }
}
