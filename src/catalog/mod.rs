//! The concept catalog: what diplomap knows about (forms of diplomacy, threats,
//! organisations, topics), with labels, aliases and summaries in Persian, Arabic
//! and English, and curated typed relations between concepts.
//!
//! On disk the catalog is plain RON in two places, both read: the single
//! `corpus/concepts.ron` (`Catalog(concepts: [...])`, written by hand) and one
//! file per concept, `corpus/concepts/<id>.ron` (`Concept(...)`), where edits
//! made by the program go so that one edit touches one small file. A concept
//! in both is a duplicate id. See [`Catalog::load_dir`]. Every problem found
//! while loading is reported with FILE:LINE:COL, all of them, not just the first.
//!
//! - [`files`]: reading the two places, remembering what was read (spans of
//!   entries, content hashes) so an edit never writes over a changed file;
//! - [`edit`]: edits as pure functions from a catalog to the concepts they
//!   change (the CLI and the window share them; undo is the old values);
//! - [`store`]: edits written to disk — atomically, conflict-checked, every
//!   file the edit did not touch left byte for byte;
//! - [`names`]: every concept's names folded once, for find-as-you-type;
//! - [`render`]: a concept as the RON of its own file; [`spans`]: where
//!   entries are in a file's text.

pub mod edit;
pub mod files;
pub mod names;
pub mod render;
pub mod spans;
pub mod store;

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

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

    pub fn get_mut(&mut self, lang: Lang) -> &mut Vec<String> {
        match lang {
            Lang::Fa => &mut self.fa,
            Lang::Ar => &mut self.ar,
            Lang::En => &mut self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fa.is_empty() && self.ar.is_empty() && self.en.is_empty()
    }
}

impl Localized {
    pub fn get_mut(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::Fa => &mut self.fa,
            Lang::Ar => &mut self.ar,
            Lang::En => &mut self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fa.is_empty() && self.ar.is_empty() && self.en.is_empty()
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

    /// The kind named `name` (`Topic`, or `topic`).
    pub fn from_name(name: &str) -> Option<ConceptKind> {
        ConceptKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(name))
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

    pub const ALL: [RelationKind; 9] = [
        RelationKind::Counters,
        RelationKind::MemberOf,
        RelationKind::PartnerOf,
        RelationKind::ObserverOf,
        RelationKind::WorksThrough,
        RelationKind::PartOf,
        RelationKind::Fuels,
        RelationKind::Serves,
        RelationKind::RelatedTo,
    ];

    /// The kind named `name`: kebab-case (`member-of`) or as in RON (`MemberOf`).
    pub fn from_name(name: &str) -> Option<RelationKind> {
        let bare: String = name.chars().filter(|c| *c != '-' && *c != '_').collect();
        RelationKind::ALL.into_iter().find(|k| k.as_str().replace('-', "").eq_ignore_ascii_case(&bare))
    }
}

/// A passage of a document that supports a curated relation: byte range of
/// `documents/<document>.txt`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EvidenceRef {
    pub document: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
    /// Passages an editor chose as evidence (besides the co-occurrences the
    /// index finds by itself).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceRef>,
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

/// Where a concept was read from: its file, the file's text, and the byte
/// offset of the concept's entry in it (diagnostics are located from there).
#[derive(Debug, Clone, Copy)]
pub struct ConceptSource<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub offset: usize,
}

/// The error for a catalog file that holds nothing but whitespace, if it does.
pub fn blank_catalog(path: &Path, source: &str) -> Option<Diagnostic> {
    if !source.trim().is_empty() {
        return None;
    }
    let what = if source.is_empty() { "empty".to_owned() } else { format!("only whitespace ({} bytes)", source.len()) };
    let message = format!("the file is {what}; a catalog starts with `Catalog(concepts: [`");
    Some(Diagnostic::error(path, (1, 1), message))
}

/// The folded key two names share when the matcher cannot tell them apart.
pub fn name_key(name: &str) -> String {
    crate::text::normalize::fold_str(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl Catalog {
    /// Loads and validates the catalog of the corpus folder `dir`:
    /// `concepts.ron` and every `concepts/<id>.ron` (see [`files`]).
    pub fn load_dir(dir: &Path) -> (Option<Catalog>, Vec<Diagnostic>) {
        let (loaded, diagnostics) = files::LoadedCatalog::load(dir);
        (loaded.map(|l| l.catalog), diagnostics)
    }

    /// Loads and validates one `concepts.ron`. Returns the catalog when it
    /// could be read (even with problems) and every problem found.
    pub fn load(path: &Path) -> (Option<Catalog>, Vec<Diagnostic>) {
        let source = match crate::diag::read_utf8(path) {
            Ok(source) => source,
            Err(diagnostic) => return (None, vec![diagnostic]),
        };
        Catalog::parse(path, &source)
    }

    /// Parses and validates catalog text; `path` names it in diagnostics.
    pub fn parse(path: &Path, source: &str) -> (Option<Catalog>, Vec<Diagnostic>) {
        if let Some(blank) = blank_catalog(path, source) {
            return (None, vec![blank]);
        }
        match ron::from_str::<Catalog>(source) {
            Ok(catalog) => {
                let spans = spans::concept_entries(source);
                let sources: Vec<ConceptSource> = (0..catalog.concepts.len())
                    .map(|i| ConceptSource { path, text: source, offset: spans.get(i).map_or(0, |s| s.start) })
                    .collect();
                let diagnostics = catalog.validate(path, &sources);
                (Some(catalog), diagnostics)
            }
            Err(err) => (None, vec![Diagnostic::from_ron(path, &err)]),
        }
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }

    /// `; did you mean "ID"?` with the concept id closest to an unknown
    /// `id` (see [`crate::diag::closest`]), or nothing when none is close.
    pub fn did_you_mean(&self, id: &str) -> String {
        let ids: Vec<&str> = self.concepts.iter().map(|c| c.id.as_str()).collect();
        crate::diag::closest(id, &ids).map_or(String::new(), |k| format!("; did you mean \"{k}\"?"))
    }

    /// An id no concept has, for a new concept named `labels`: its English
    /// label in kebab-case (`Police diplomacy` → `police-diplomacy`), else
    /// `fallback` (kebab-case); `-2`, `-3`… when taken.
    pub fn fresh_id(&self, labels: &Localized, fallback: &str) -> String {
        let mut base = String::new();
        for c in labels.en.trim().chars().flat_map(char::to_lowercase) {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                base.push(c);
            } else if !base.is_empty() && !base.ends_with('-') {
                base.push('-');
            }
        }
        base.truncate(60);
        let base = base.trim_end_matches('-').to_string();
        let base = if is_valid_id(&base) { base } else { fallback.to_string() };
        let mut id = base.clone();
        let mut n = 2;
        while self.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    pub fn position(&self, id: &str) -> Option<usize> {
        self.concepts.iter().position(|c| c.id == id)
    }

    /// The concept other than `except` that has a name with the same folded
    /// key as `name`, and that name.
    pub fn name_owner(&self, name: &str, except: Option<&str>) -> Option<(&Concept, &str)> {
        let key = name_key(name);
        if key.is_empty() {
            return None;
        }
        self.concepts
            .iter()
            .filter(|c| Some(c.id.as_str()) != except)
            .find_map(|c| c.surface_forms().find(|(_, s)| name_key(s) == key).map(|(_, s)| (c, s)))
    }

    /// Every problem with the catalog's content, each located in the text its
    /// concept came from (`sources[i]` for concept `i`); `main` names the
    /// catalog as a whole (for concepts the design requires).
    pub fn validate(&self, main: &Path, sources: &[ConceptSource]) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        let ids: HashSet<&str> = self.concepts.iter().map(|c| c.id.as_str()).collect();
        let mut seen_ids: HashMap<&str, (PathBuf, (usize, usize))> = HashMap::new();
        let mut seen_keys: HashMap<String, &str> = HashMap::new();
        let no_source = ConceptSource { path: main, text: "", offset: 0 };
        for (index, concept) in self.concepts.iter().enumerate() {
            let source = sources.get(index).copied().unwrap_or(no_source);
            let (path, text, concept_offset) = (source.path, source.text, source.offset);
            let id = concept.id.as_str();
            let quoted = format!("\"{id}\"");
            let at = locate(text, &format!("id: {quoted}"), concept_offset);
            if !is_valid_id(id) {
                diagnostics.push(Diagnostic::error(
                    path,
                    at,
                    format!("concept id {quoted} is not kebab-case (a-z, 0-9, -)"),
                ));
            }
            match seen_ids.get(id) {
                Some((first_path, (line, col))) => diagnostics.push(Diagnostic::error(
                    path,
                    at,
                    format!("duplicate concept id {quoted} (first at {}:{line}:{col})", first_path.display()),
                )),
                None => {
                    seen_ids.insert(id, (path.to_path_buf(), at));
                }
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
                let target_at = locate(text, &format!("target: {target}"), concept_offset);
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
                for evidence in &relation.evidence {
                    if evidence.start >= evidence.end {
                        diagnostics.push(Diagnostic::error(
                            path,
                            target_at,
                            format!(
                                "evidence {}@{}-{} of {quoted} is empty",
                                evidence.document, evidence.start, evidence.end
                            ),
                        ));
                    }
                }
            }
            for lang in Lang::ALL {
                if concept.aliases.get(lang).iter().any(|alias| alias.trim().is_empty()) {
                    diagnostics.push(Diagnostic::warning(
                        path,
                        locate(text, "\"\"", concept_offset),
                        format!("concept {quoted} has an empty alias in {} (ignored)", lang.code()),
                    ));
                }
            }
            for (_, surface) in concept.surface_forms() {
                let key = name_key(surface);
                let surface_at = locate(text, &format!("\"{surface}\""), concept_offset);
                match seen_keys.get(&key) {
                    Some(&other) if other != id => {
                        diagnostics.push(Diagnostic::error(
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
                match self.position(id) {
                    None => diagnostics.push(Diagnostic::warning(
                        main,
                        (1, 1),
                        format!("required concept \"{id}\" ({}) is missing", kind.as_str()),
                    )),
                    Some(i) if self.concepts[i].kind != *kind => {
                        let source = sources.get(i).copied().unwrap_or(no_source);
                        diagnostics.push(Diagnostic::error(
                            source.path,
                            locate(source.text, &format!("id: \"{id}\""), source.offset),
                            format!("concept \"{id}\" must be of kind {}", kind.as_str()),
                        ))
                    }
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
    fn a_fresh_id_comes_from_the_english_label_and_is_never_taken() {
        let source =
            r#"Catalog(concepts: [Concept(id: "police-diplomacy", kind: Topic, labels: (en: "Police diplomacy"))])"#;
        let (catalog, _) = Catalog::parse(Path::new("concepts.ron"), source);
        let catalog = catalog.expect("parses");
        let named = |en: &str, fa: &str| Localized { fa: fa.into(), ar: String::new(), en: en.into() };
        assert_eq!(catalog.fresh_id(&named("  Cyber crime (online) ", ""), "x"), "cyber-crime-online");
        assert_eq!(catalog.fresh_id(&named("Police diplomacy", ""), "x"), "police-diplomacy-2");
        assert_eq!(catalog.fresh_id(&named("", "دیپلماسی"), "concept-1a2b"), "concept-1a2b");
        assert_eq!(catalog.fresh_id(&named("۱۲ – ؟", ""), "police-diplomacy"), "police-diplomacy-2");
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
