//! Edits of the catalog as pure functions: [`apply`] checks an [`Edit`]
//! against a catalog and returns the concepts it changes ([`Change`]s), or
//! why it cannot be made ([`EditError`]) — nothing half done. The command
//! line and the window make the same edits; [`super::store`] writes them.
//!
//! Undo is the old values: [`Applied::undo`] holds, for every concept an
//! edit changed, what it was before (or that it did not exist).
//!
//! ```
//! use diplomap::catalog::{Catalog, Lang, edit::{Edit, apply}};
//! let catalog: Catalog = ron::from_str(r#"Catalog(concepts: [
//!     Concept(id: "interpol", kind: Organisation, labels: (en: "INTERPOL"))])"#).unwrap();
//! let applied = apply(&catalog, &Edit::AddAlias { id: "interpol".into(), lang: Lang::Fa, text: "اینترپل".into() }).unwrap();
//! assert_eq!(applied.changes[0].after.as_ref().unwrap().aliases.fa, ["اینترپل"]);
//! ```

use super::{Catalog, Concept, ConceptKind, EvidenceRef, Lang, Relation, RelationKind, is_valid_id, name_key};

/// One edit of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A new concept (its relations' targets must exist).
    Add(Concept),
    /// Removes a concept and every relation to it from other concepts.
    Remove {
        id: String,
    },
    /// Sets (renames) the label in `lang`; an empty text clears it, if
    /// another label remains.
    SetLabel {
        id: String,
        lang: Lang,
        text: String,
    },
    AddAlias {
        id: String,
        lang: Lang,
        text: String,
    },
    RemoveAlias {
        id: String,
        lang: Lang,
        text: String,
    },
    /// Replaces an alias by another spelling, in its place.
    RenameAlias {
        id: String,
        lang: Lang,
        old: String,
        new: String,
    },
    SetSummary {
        id: String,
        lang: Lang,
        text: String,
    },
    SetKind {
        id: String,
        kind: ConceptKind,
    },
    /// Adds `source --kind--> target`, or more evidence to it if it exists.
    Relate {
        source: String,
        kind: RelationKind,
        target: String,
        evidence: Vec<EvidenceRef>,
    },
    /// Removes `source --kind--> target`.
    Unrelate {
        source: String,
        kind: RelationKind,
        target: String,
    },
}

/// A concept's value before and after an edit (`None`: absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub before: Option<Concept>,
    pub after: Option<Concept>,
}

/// What an edit changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub changes: Vec<Change>,
    /// Relations removed with a removed concept (from it and to it).
    pub relations_removed: usize,
}

impl Applied {
    /// The changes that undo these.
    pub fn undo(&self) -> Vec<Change> {
        self.changes
            .iter()
            .map(|c| Change { id: c.id.clone(), before: c.after.clone(), after: c.before.clone() })
            .collect()
    }
}

/// Why an edit cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("unknown concept \"{0}\"")]
    UnknownConcept(String),
    #[error("a concept \"{0}\" already exists")]
    DuplicateId(String),
    #[error("\"{0}\" is not a concept id: use kebab-case (a-z, 0-9, -)")]
    BadId(String),
    #[error("a name cannot be empty")]
    EmptyName,
    #[error("\"{name}\" is already a name of \"{owner}\" (as \"{as_written}\")")]
    NameTaken { name: String, owner: String, as_written: String },
    #[error("\"{name}\" is already a name of \"{id}\"")]
    AlreadyNamed { name: String, id: String },
    #[error("\"{name}\" is not a {lang} alias of \"{id}\"")]
    NoSuchAlias { id: String, lang: &'static str, name: String },
    #[error("concept \"{0}\" needs a label in at least one language")]
    NoLabel(String),
    #[error("a concept cannot be related to itself")]
    SelfRelation,
    #[error("\"{from}\" has no relation {kind} \"{target}\"")]
    NoSuchRelation { from: String, kind: &'static str, target: String },
    #[error("\"{from}\" already has the relation {kind} \"{target}\" with this evidence")]
    DuplicateRelation { from: String, kind: &'static str, target: String },
    #[error("evidence {document}@{start}-{end} is an empty range")]
    EmptyEvidence { document: String, start: usize, end: usize },
}

/// Checks `edit` against `catalog` and returns what it changes.
/// Several edits made one after the other, as one: each is checked against
/// the catalog as the ones before it left it; the changes name each concept
/// once, with its value before the first and after the last. Nothing is made
/// unless every edit can be.
pub fn apply_all(catalog: &Catalog, edits: &[Edit]) -> Result<Applied, EditError> {
    let mut scratch = catalog.clone();
    let mut changes: Vec<Change> = Vec::new();
    let mut relations_removed = 0;
    for edit in edits {
        let applied = apply(&scratch, edit)?;
        relations_removed += applied.relations_removed;
        for change in applied.changes {
            match scratch.concepts.iter().position(|c| c.id == change.id) {
                Some(at) => match &change.after {
                    Some(after) => scratch.concepts[at] = after.clone(),
                    None => {
                        scratch.concepts.remove(at);
                    }
                },
                None => scratch.concepts.extend(change.after.clone()),
            }
            match changes.iter_mut().find(|c| c.id == change.id) {
                Some(earlier) => earlier.after = change.after,
                None => changes.push(change),
            }
        }
    }
    changes.retain(|c| c.before != c.after);
    Ok(Applied { changes, relations_removed })
}

pub fn apply(catalog: &Catalog, edit: &Edit) -> Result<Applied, EditError> {
    let single = |before: &Concept, after: Concept| Applied {
        changes: vec![Change { id: before.id.clone(), before: Some(before.clone()), after: Some(after) }],
        relations_removed: 0,
    };
    match edit {
        Edit::Add(concept) => {
            if !is_valid_id(&concept.id) {
                return Err(EditError::BadId(concept.id.clone()));
            }
            if catalog.get(&concept.id).is_some() {
                return Err(EditError::DuplicateId(concept.id.clone()));
            }
            let concept = tidy(concept.clone());
            if concept.labels.is_empty() {
                return Err(EditError::NoLabel(concept.id.clone()));
            }
            for (_, name) in concept.surface_forms() {
                check_name_free(catalog, name, &concept.id)?;
            }
            let mut seen: Vec<String> =
                Lang::ALL.into_iter().map(|l| concept.labels.get(l)).filter(|l| !l.is_empty()).map(name_key).collect();
            for alias in Lang::ALL.into_iter().flat_map(|l| concept.aliases.get(l)) {
                let key = name_key(alias);
                if seen.contains(&key) {
                    return Err(EditError::AlreadyNamed { name: alias.clone(), id: concept.id.clone() });
                }
                seen.push(key);
            }
            for relation in &concept.relations {
                if catalog.get(&relation.target).is_none() {
                    return Err(EditError::UnknownConcept(relation.target.clone()));
                }
            }
            Ok(Applied {
                changes: vec![Change { id: concept.id.clone(), before: None, after: Some(concept) }],
                relations_removed: 0,
            })
        }
        Edit::Remove { id } => {
            let concept = get(catalog, id)?;
            let mut changes = vec![Change { id: id.clone(), before: Some(concept.clone()), after: None }];
            let mut removed = concept.relations.len();
            for other in catalog.concepts.iter().filter(|c| c.id != *id) {
                let kept: Vec<Relation> = other.relations.iter().filter(|r| r.target != *id).cloned().collect();
                if kept.len() != other.relations.len() {
                    removed += other.relations.len() - kept.len();
                    let mut after = other.clone();
                    after.relations = kept;
                    changes.push(Change { id: other.id.clone(), before: Some(other.clone()), after: Some(after) });
                }
            }
            Ok(Applied { changes, relations_removed: removed })
        }
        Edit::SetLabel { id, lang, text } => {
            let concept = get(catalog, id)?;
            let text = text.trim();
            if !text.is_empty() {
                check_name_free(catalog, text, id)?;
            }
            let mut after = concept.clone();
            *after.labels.get_mut(*lang) = text.to_string();
            if after.labels.is_empty() {
                return Err(EditError::NoLabel(id.clone()));
            }
            // A label that was also an alias is no longer listed twice.
            after.aliases.get_mut(*lang).retain(|a| name_key(a) != name_key(text));
            Ok(single(concept, after))
        }
        Edit::AddAlias { id, lang, text } => {
            let concept = get(catalog, id)?;
            let text = text.trim();
            check_new_name(catalog, concept, text)?;
            let mut after = concept.clone();
            after.aliases.get_mut(*lang).push(text.to_string());
            Ok(single(concept, after))
        }
        Edit::RemoveAlias { id, lang, text } => {
            let concept = get(catalog, id)?;
            let mut after = concept.clone();
            let list = after.aliases.get_mut(*lang);
            let Some(at) = list.iter().position(|a| a == text.trim()) else {
                return Err(EditError::NoSuchAlias { id: id.clone(), lang: lang.code(), name: text.clone() });
            };
            list.remove(at);
            Ok(single(concept, after))
        }
        Edit::RenameAlias { id, lang, old, new } => {
            let concept = get(catalog, id)?;
            let new = new.trim();
            let mut after = concept.clone();
            let Some(at) = after.aliases.get(*lang).iter().position(|a| a == old) else {
                return Err(EditError::NoSuchAlias { id: id.clone(), lang: lang.code(), name: old.clone() });
            };
            after.aliases.get_mut(*lang).remove(at);
            check_new_name(catalog, &after, new)?;
            after.aliases.get_mut(*lang).insert(at, new.to_string());
            Ok(single(concept, after))
        }
        Edit::SetSummary { id, lang, text } => {
            let concept = get(catalog, id)?;
            let mut after = concept.clone();
            *after.summary.get_mut(*lang) = text.trim().to_string();
            Ok(single(concept, after))
        }
        Edit::SetKind { id, kind } => {
            let concept = get(catalog, id)?;
            let mut after = concept.clone();
            after.kind = *kind;
            Ok(single(concept, after))
        }
        Edit::Relate { source, kind, target, evidence } => {
            let concept = get(catalog, source)?;
            get(catalog, target)?;
            if source == target {
                return Err(EditError::SelfRelation);
            }
            if let Some(e) = evidence.iter().find(|e| e.start >= e.end) {
                return Err(EditError::EmptyEvidence { document: e.document.clone(), start: e.start, end: e.end });
            }
            let mut after = concept.clone();
            match after.relations.iter_mut().find(|r| r.kind == *kind && r.target == *target) {
                Some(existing) => {
                    let new: Vec<EvidenceRef> =
                        evidence.iter().filter(|e| !existing.evidence.contains(e)).cloned().collect();
                    if new.is_empty() {
                        return Err(EditError::DuplicateRelation {
                            from: source.clone(),
                            kind: kind.as_str(),
                            target: target.clone(),
                        });
                    }
                    existing.evidence.extend(new);
                }
                None => {
                    after.relations.push(Relation { kind: *kind, target: target.clone(), evidence: evidence.clone() })
                }
            }
            Ok(single(concept, after))
        }
        Edit::Unrelate { source, kind, target } => {
            let concept = get(catalog, source)?;
            let mut after = concept.clone();
            let Some(at) = after.relations.iter().position(|r| r.kind == *kind && r.target == *target) else {
                return Err(EditError::NoSuchRelation {
                    from: source.clone(),
                    kind: kind.as_str(),
                    target: target.clone(),
                });
            };
            after.relations.remove(at);
            Ok(single(concept, after))
        }
    }
}

/// The catalog with `changes` made (changed concepts keep their place; new
/// ones go at the end).
pub fn with_changes(catalog: &Catalog, changes: &[Change]) -> Catalog {
    let mut concepts = catalog.concepts.clone();
    for change in changes {
        let at = concepts.iter().position(|c| c.id == change.id);
        match (at, &change.after) {
            (Some(at), Some(after)) => concepts[at] = after.clone(),
            (Some(at), None) => {
                concepts.remove(at);
            }
            (None, Some(after)) => concepts.push(after.clone()),
            (None, None) => {}
        }
    }
    Catalog { concepts }
}

fn get<'a>(catalog: &'a Catalog, id: &str) -> Result<&'a Concept, EditError> {
    catalog.get(id).ok_or_else(|| EditError::UnknownConcept(id.to_string()))
}

/// Names trimmed, empty aliases dropped.
fn tidy(mut concept: Concept) -> Concept {
    for lang in Lang::ALL {
        let label = concept.labels.get(lang).trim().to_string();
        *concept.labels.get_mut(lang) = label;
        let summary = concept.summary.get(lang).trim().to_string();
        *concept.summary.get_mut(lang) = summary;
        let list = concept.aliases.get_mut(lang);
        *list = list.iter().map(|a| a.trim().to_string()).filter(|a| !a.is_empty()).collect();
    }
    concept
}

/// A name that no other concept has (by the matcher's folded key).
fn check_name_free(catalog: &Catalog, name: &str, id: &str) -> Result<(), EditError> {
    if name_key(name).is_empty() {
        return Err(EditError::EmptyName);
    }
    if let Some((owner, as_written)) = catalog.name_owner(name, Some(id)) {
        return Err(EditError::NameTaken {
            name: name.to_string(),
            owner: owner.id.clone(),
            as_written: as_written.to_string(),
        });
    }
    Ok(())
}

/// A name that no concept has yet, this one included.
fn check_new_name(catalog: &Catalog, concept: &Concept, name: &str) -> Result<(), EditError> {
    check_name_free(catalog, name, &concept.id)?;
    let key = name_key(name);
    if concept.surface_forms().any(|(_, s)| name_key(s) == key) {
        return Err(EditError::AlreadyNamed { name: name.to_string(), id: concept.id.clone() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        ron::from_str(
            r#"Catalog(concepts: [
            Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL"),
                relations: [(kind: PartnerOf, target: "europol")]),
            Concept(id: "europol", kind: Organisation, labels: (en: "Europol"), aliases: (fa: ["یوروپل"])),
        ])"#,
        )
        .unwrap()
    }

    fn err(edit: Edit) -> String {
        apply(&catalog(), &edit).unwrap_err().to_string()
    }

    #[test]
    fn bad_edits_say_why() {
        let alias = |id: &str, text: &str| Edit::AddAlias { id: id.into(), lang: Lang::Fa, text: text.into() };
        assert_eq!(err(alias("nope", "x")), "unknown concept \"nope\"");
        assert_eq!(err(alias("interpol", "  ")), "a name cannot be empty");
        assert_eq!(err(alias("interpol", "يوروپل")), "\"يوروپل\" is already a name of \"europol\" (as \"یوروپل\")");
        assert_eq!(err(alias("interpol", "interpol")), "\"interpol\" is already a name of \"interpol\"");
        let mut dup = catalog().concepts[1].clone();
        dup.labels.en = "Other".into();
        dup.aliases = Default::default();
        assert_eq!(err(Edit::Add(dup)), "a concept \"europol\" already exists");
    }

    #[test]
    fn several_edits_are_one_change_per_concept_or_none() {
        let rename = Edit::SetLabel { id: "interpol".into(), lang: Lang::En, text: "Interpol".into() };
        let summary = Edit::SetSummary { id: "interpol".into(), lang: Lang::En, text: "Police cooperation.".into() };
        let applied = apply_all(&catalog(), &[rename.clone(), summary]).unwrap();
        assert_eq!(applied.changes.len(), 1);
        let after = applied.changes[0].after.as_ref().unwrap();
        assert_eq!((after.labels.en.as_str(), after.summary.en.as_str()), ("Interpol", "Police cooperation."));
        assert_eq!(applied.changes[0].before.as_ref(), catalog().get("interpol"));
        // One edit that cannot be made: none is.
        let taken = Edit::SetLabel { id: "europol".into(), lang: Lang::Fa, text: "اینترپل".into() };
        assert!(apply_all(&catalog(), &[rename, taken]).is_err());
        // Edits that leave the concept as it was change nothing.
        let same = Edit::SetLabel { id: "interpol".into(), lang: Lang::En, text: "INTERPOL".into() };
        assert!(apply_all(&catalog(), &[same]).unwrap().changes.is_empty());
    }

    #[test]
    fn removing_a_concept_takes_the_relations_to_it() {
        let applied = apply(&catalog(), &Edit::Remove { id: "europol".into() }).unwrap();
        assert_eq!(applied.relations_removed, 1);
        let after = with_changes(&catalog(), &applied.changes);
        assert_eq!(after.concepts.len(), 1);
        assert!(after.concepts[0].relations.is_empty());
        assert_eq!(with_changes(&after, &applied.undo()).concepts.len(), 2);
    }

    #[test]
    fn relating_twice_adds_evidence_once() {
        let evidence = vec![EvidenceRef { document: "d".into(), start: 0, end: 4 }];
        let relate = Edit::Relate {
            source: "interpol".into(),
            kind: RelationKind::PartnerOf,
            target: "europol".into(),
            evidence: evidence.clone(),
        };
        let once = with_changes(&catalog(), &apply(&catalog(), &relate).unwrap().changes);
        assert_eq!(once.concepts[0].relations[0].evidence, evidence);
        assert!(matches!(apply(&once, &relate), Err(EditError::DuplicateRelation { .. })));
    }
}
