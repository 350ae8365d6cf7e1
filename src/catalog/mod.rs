//! The concept catalog: what diplomap knows about (forms of diplomacy, threats,
//! organisations, topics), with labels, aliases and summaries in Persian, Arabic
//! and English, and curated typed relations between concepts.
//!
//! Loaded from `corpus/concepts.ron`; see [`Catalog::load`]. Every problem found
//! while loading is reported with FILE:LINE:COL, all of them, not just the first.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diag::{Diagnostic, locate};
pub use crate::text::Lang;

/// A string in each of the three languages; a missing one is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Localized {
    pub fa: String,
    pub ar: String,
    pub en: String,
}

impl Localized {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Fa => &self.fa,
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang`, else the first non-empty one in fa, en, ar order.
    pub fn get_or_any(&self, lang: Lang) -> &str {
        let wanted = self.get(lang);
        if !wanted.is_empty() {
            return wanted;
        }
        [Lang::Fa, Lang::En, Lang::Ar].into_iter().map(|l| self.get(l)).find(|s| !s.is_empty()).unwrap_or("")
    }
}

/// A list of strings per language (aliases).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocalizedList {
    pub fa: Vec<String>,
    pub ar: Vec<String>,
    pub en: Vec<String>,
}

impl LocalizedList {
    pub fn get(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::Fa => &self.fa,
            Lang::Ar => &self.ar,
            Lang::En => &self.en,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ConceptKind {
    DiplomacyForm,
    Threat,
    Organisation,
    Topic,
}

impl ConceptKind {
    pub const ALL: [ConceptKind; 4] =
        [ConceptKind::DiplomacyForm, ConceptKind::Threat, ConceptKind::Organisation, ConceptKind::Topic];

    pub fn as_str(self) -> &'static str {
        match self {
            ConceptKind::DiplomacyForm => "DiplomacyForm",
            ConceptKind::Threat => "Threat",
            ConceptKind::Organisation => "Organisation",
            ConceptKind::Topic => "Topic",
        }
    }
}

/// The kind of a curated relation `source --kind--> target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    /// A form of diplomacy or an organisation works against a threat.
    Counters,
    /// An organisation is a member of another.
    MemberOf,
    /// Two organisations cooperate (e.g. by agreement).
    PartnerOf,
    /// An organisation has observer status with another or its forum.
    ObserverOf,
    /// A form of diplomacy is carried out through an organisation or instrument.
    WorksThrough,
    /// A concept is a part, kind or instance of a broader one.
    PartOf,
    /// A threat feeds or enables another.
    Fuels,
    /// A concept serves or protects a broader goal.
    Serves,
    /// Loosely related (use sparingly).
    RelatedTo,
}

impl RelationKind {
    /// The kebab-case name used in JSON and in the UI: `member-of`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Counters => "counters",
            RelationKind::MemberOf => "member-of",
            RelationKind::PartnerOf => "partner-of",
            RelationKind::ObserverOf => "observer-of",
            RelationKind::WorksThrough => "works-through",
            RelationKind::PartOf => "part-of",
            RelationKind::Fuels => "fuels",
            RelationKind::Serves => "serves",
            RelationKind::RelatedTo => "related-to",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
}

/// Unknown fields are errors (a misspelt `alias:` would otherwise drop
/// every alias silently), reported with a did-you-mean by
/// [`Diagnostic::from_ron`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    /// Stable kebab-case id: `police-diplomacy`.
    pub id: String,
    pub kind: ConceptKind,
    pub labels: Localized,
    #[serde(default)]
    pub aliases: LocalizedList,
    #[serde(default)]
    pub summary: Localized,
    #[serde(default)]
    pub relations: Vec<Relation>,
}

impl Concept {
    /// Every surface form to look for: labels then aliases, per language.
    pub fn surface_forms(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().flat_map(move |lang| {
            std::iter::once(self.labels.get(lang))
                .chain(self.aliases.get(lang).iter().map(String::as_str))
                .filter(|s| !s.trim().is_empty())
                .map(move |s| (lang, s))
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub concepts: Vec<Concept>,
}

/// The ids the design requires in every catalog (a contract with scripts and tests).
pub const REQUIRED_IDS: &[(ConceptKind, &[&str])] = &[
    (
        ConceptKind::DiplomacyForm,
        &[
            "police-diplomacy",
            "city-diplomacy",
            "public-diplomacy",
            "preventive-diplomacy",
            "multilateral-diplomacy",
            "bilateral-diplomacy",
            "citizen-diplomacy",
        ],
    ),
    (
        ConceptKind::Threat,
        &[
            "terrorism",
            "organised-crime",
            "drug-trafficking",
            "human-trafficking",
            "illegal-migration",
            "document-fraud",
            "cybercrime",
            "foreign-terrorist-fighters",
            "climate-change",
            "pandemic",
        ],
    ),
    (
        ConceptKind::Organisation,
        &[
            "interpol",
            "europol",
            "afripol",
            "ameripol",
            "aseanapol",
            "arab-interior-ministers-council",
            "eco",
            "frontex",
            "gccpol",
            "sco",
            "unodc",
            "united-nations",
        ],
    ),
    (
        ConceptKind::Topic,
        &[
            "national-security",
            "foreign-policy",
            "security-governance",
            "globalisation",
            "border-security",
            "extradition",
            "intelligence-sharing",
        ],
    ),
];

/// Whether `id` is a kebab-case id: `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

impl Catalog {
    /// Loads and validates `concepts.ron`. Returns the catalog when it could be
    /// read (even with problems) and every problem found, errors and warnings.
    pub fn load(path: &Path) -> (Option<Catalog>, Vec<Diagnostic>) {
        let source = match crate::diag::read_utf8(path) {
            Ok(source) => source,
            Err(diagnostic) => return (None, vec![diagnostic]),
        };
        Catalog::parse(path, &source)
    }

    /// Parses and validates catalog text; `path` names it in diagnostics.
    pub fn parse(path: &Path, source: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
        if source.trim().is_empty() {
            let what = if source.is_empty() {
                "empty".to_owned()
            } else {
                format!("only whitespace ({} bytes)", source.len())
            };
            let message = format!("the file is {what}; a catalog starts with `Catalog(concepts: [`");
            return (None, vec![Diagnostic::error(path, (1, 1), message)]);
        }
        match ron::from_str::<Catalog>(source) {
            Ok(catalog) => {
                let diagnostics = catalog.validate(path, source);
                (Some(catalog), diagnostics)
            }
            Err(err) => (None, vec![Diagnostic::from_ron(path, &err)]),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.concepts.iter().position(|c| c.id == id)
    }

    /// Every problem with the catalog's content, located in `source`.
    pub fn validate(&self, path: &Path, source: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let ids: HashSet<&str> = self.concepts.iter().map(|c| c.id.as_str()).collect();
        let mut seen_ids = HashSet::new();
        let mut seen_keys: HashMap<String, &str> = HashMap::new();
        let mut cursor = 0;
        for concept in &self.concepts {
            let id = concept.id.as_str();
            let quoted = format!("\"{id}\"");
            let concept_offset = source[cursor..].find(&format!("id: {quoted}")).map_or(cursor, |i| cursor + i);
            cursor = concept_offset + 1;
            let at = crate::diag::line_col(source, concept_offset);
            if !is_valid_id(id) {
                diagnostics.push(Diagnostic::error(
                    path,
                    at,
                    format!("concept id {quoted} is not kebab-case (a-z, 0-9, -)"),
                ));
            }
            if !seen_ids.insert(id) {
                diagnostics.push(Diagnostic::error(path, at, format!("duplicate concept id {quoted}")));
            }
            let missing: Vec<&str> =
                Lang::ALL.into_iter().filter(|&l| concept.labels.get(l).trim().is_empty()).map(Lang::code).collect();
            if missing.len() == Lang::ALL.len() {
                diagnostics.push(Diagnostic::error(path, at, format!("concept {quoted} has no label")));
            } else if !missing.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    path,
                    at,
                    format!("concept {quoted} has no label in {}", missing.join(", ")),
                ));
            }
            let mut relations = HashSet::new();
            for relation in &concept.relations {
                let target = format!("\"{}\"", relation.target);
                let target_at = locate(source, &format!("target: {target}"), concept_offset);
                if !ids.contains(relation.target.as_str()) {
                    diagnostics.push(Diagnostic::error(
                        path,
                        target_at,
                        format!("relation of {quoted} to unknown concept {target}"),
                    ));
                } else if relation.target == concept.id {
                    diagnostics.push(Diagnostic::error(
                        path,
                        target_at,
                        format!("concept {quoted} is related to itself"),
                    ));
                } else if !relations.insert((relation.kind, relation.target.as_str())) {
                    diagnostics.push(Diagnostic::warning(
                        path,
                        target_at,
                        format!("duplicate relation {} {target}", relation.kind.as_str()),
                    ));
                }
            }
            for lang in Lang::ALL {
                if concept.aliases.get(lang).iter().any(|alias| alias.trim().is_empty()) {
                    diagnostics.push(Diagnostic::warning(
                        path,
                        locate(source, "\"\"", concept_offset),
                        format!("concept {quoted} has an empty alias in {} (ignored)", lang.code()),
                    ));
                }
            }
            for (_, surface) in concept.surface_forms() {
                let key: String =
                    crate::text::normalize::fold_str(surface).chars().filter(|c| c.is_alphanumeric()).collect();
                match seen_keys.get(&key) {
                    Some(&other) if other != id => {
                        let surface_at = locate(source, &format!("\"{surface}\""), concept_offset);
                        diagnostics.push(Diagnostic::warning(
                            path,
                            surface_at,
                            format!(
                                "\"{surface}\" of {quoted} is also a name of \"{other}\"; it is matched as \"{other}\""
                            ),
                        ));
                    }
                    _ => {
                        seen_keys.insert(key, id);
                    }
                }
            }
        }
        for (kind, required) in REQUIRED_IDS {
            for id in *required {
                match self.get(id) {
                    None => diagnostics.push(Diagnostic::warning(
                        path,
                        (1, 1),
                        format!("required concept \"{id}\" ({}) is missing", kind.as_str()),
                    )),
                    Some(c) if c.kind != *kind => diagnostics.push(Diagnostic::error(
                        path,
                        locate(source, &format!("id: \"{id}\""), 0),
                        format!("concept \"{id}\" must be of kind {}", kind.as_str()),
                    )),
                    Some(_) => {}
                }
            }
        }
        diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(source: &str) -> Vec<String> {
        let (_, diagnostics) = Catalog::parse(Path::new("concepts.ron"), source);
        diagnostics.iter().filter(|d| !d.message.starts_with("required concept")).map(|d| d.to_string()).collect()
    }

    #[test]
    fn syntax_errors_have_their_position() {
        let source = "Catalog(\n  concepts: [\n    Concept(id: \"a\", kind: Nope)\n  ],\n)";
        let found = messages(source);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("concepts.ron:3:"), "{found:?}");
    }

    #[test]
    fn semantic_errors_point_at_their_line() {
        let source = r#"Catalog(concepts: [
    Concept(id: "a-b", kind: Topic, labels: (en: "A b"), relations: [(kind: Counters, target: "nowhere")]),
    Concept(id: "Bad_Id", kind: Topic, labels: (en: "bad")),
    Concept(id: "a-b", kind: Topic, labels: ()),
])"#;
        let found = messages(source);
        assert!(
            found.contains(&"concepts.ron:2:87: relation of \"a-b\" to unknown concept \"nowhere\"".to_string()),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m.starts_with("concepts.ron:3:13: concept id \"Bad_Id\" is not kebab-case")),
            "{found:?}"
        );
        assert!(found.iter().any(|m| m.starts_with("concepts.ron:4:13: duplicate concept id \"a-b\"")), "{found:?}");
        assert!(found.iter().any(|m| m.contains("has no label") && m.starts_with("concepts.ron:2:")), "{found:?}");
    }

    #[test]
    fn ids_are_kebab_case() {
        for ok in ["interpol", "police-diplomacy", "i-24-7"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "../x", "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}
