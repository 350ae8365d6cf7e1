//! The concept catalog: what diplomap knows about (forms of diplomacy, threats,
//! organisations, topics), with labels, aliases and summaries in Persian, Arabic
//! and English, and curated typed relations between concepts.
//!
//! Loaded from `corpus/concepts.ron`; see [`Catalog::load`]. Every problem found
//! while loading is reported with FILE:LINE:COL, all of them, not just the first.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, locate};
pub use crate::text::Lang;

/// A string in each of the three languages; a missing one is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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
#[serde(default)]
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
pub struct Relation {
    pub kind: RelationKind,
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
pub struct Catalog {
    pub concepts: Vec<Concept>,
}
