//! Addresses of views: every view of the program has one, so it can be opened
//! from the command line (`diplomap --open concept:interpol`), copied, pasted,
//! and recorded in the history.
//!
//! | address | view |
//! |---|---|
//! | `concept:ID` | a concept's page |
//! | `document:ID`, `document:ID#SECTION`, `document:ID@BYTE`, `document:ID@START-END` | the reader, scrolled to a section, a word or a passage (byte offsets) |
//! | `compare:DOC` , `compare:DOC-A,DOC-B` (each side may be `DOC#SECTION`) | side by side |
//! | `map`, `map?focus=ID&depth=N` | the concept map |
//! | `tour:ID`, `tour:ID:STEP` | a tour, presented (steps count from 1) |
//! | `search:QUERY` | search results |
//!
//! ```
//! use diplomap::address::Address;
//! let address: Address = "document:003_412e824fada4b61c@120".parse().unwrap();
//! assert_eq!(address.to_string(), "document:003_412e824fada4b61c@120");
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Where in a document the reader opens.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DocumentAnchor {
    Section(String),
    /// A place (a search hit, a mention): the word there is marked.
    Offset(usize),
    /// A passage (an edge's evidence, a note's quote): all of it is marked.
    Passage(std::ops::Range<usize>),
}

/// One side of a comparison: a document, optionally one of its sections.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CompareSide {
    pub document: String,
    pub section: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Address {
    Concept(String),
    Document {
        id: String,
        anchor: Option<DocumentAnchor>,
    },
    /// With one side, the document's abstracts side by side.
    Compare {
        left: CompareSide,
        right: Option<CompareSide>,
    },
    Map {
        focus: Option<String>,
        depth: Option<usize>,
    },
    Tour {
        id: String,
        step: Option<usize>,
    },
    Search(String),
    /// The terms the corpus keeps using that no concept names.
    Suggestions,
}

impl Default for Address {
    fn default() -> Self {
        Address::Map { focus: None, depth: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AddressError {
    #[error("unknown kind of address {0:?}: use concept:, document:, compare:, map, tour:, search: or suggestions")]
    UnknownKind(String),
    #[error("the address {0:?} lacks its id")]
    MissingId(String),
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("unknown map option {0:?}: use focus=ID and depth=N")]
    UnknownMapOption(String),
    #[error("tour steps count from 1")]
    StepZero,
}

impl FromStr for Address {
    type Err = AddressError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let input = input.trim();
        let (kind, rest) = input.split_once(':').unwrap_or((input, ""));
        let rest = rest.trim();
        let require = |value: &str| {
            if value.is_empty() { Err(AddressError::MissingId(input.to_string())) } else { Ok(value.to_string()) }
        };
        match kind {
            "concept" => Ok(Address::Concept(require(rest)?)),
            "document" => {
                parse_document(rest).and_then(|(id, anchor)| Ok(Address::Document { id: require(&id)?, anchor }))
            }
            "compare" => {
                let (left, right) = rest.split_once(',').map_or((rest, None), |(l, r)| (l, Some(r)));
                let left = compare_side(&require(left)?);
                let right = right.map(|r| require(r.trim()).map(|r| compare_side(&r))).transpose()?;
                Ok(Address::Compare { left, right })
            }
            "tour" => {
                let (id, step) = rest.split_once(':').map_or((rest, None), |(i, s)| (i, Some(s)));
                let step = step.map(parse_number).transpose()?;
                if step == Some(0) {
                    return Err(AddressError::StepZero);
                }
                Ok(Address::Tour { id: require(id)?, step })
            }
            "search" => Ok(Address::Search(rest.to_string())),
            "suggestions" if rest.is_empty() => Ok(Address::Suggestions),
            _ if kind == "map" || kind.starts_with("map?") => parse_map(input),
            _ => Err(AddressError::UnknownKind(input.to_string())),
        }
    }
}

fn parse_number(text: &str) -> Result<usize, AddressError> {
    text.trim().parse().map_err(|_| AddressError::NotANumber(text.to_string()))
}

fn parse_document(rest: &str) -> Result<(String, Option<DocumentAnchor>), AddressError> {
    if let Some((id, section)) = rest.split_once('#') {
        return Ok((id.to_string(), Some(DocumentAnchor::Section(section.to_string()))));
    }
    if let Some((id, place)) = rest.split_once('@') {
        let anchor = match place.split_once('-') {
            Some((start, end)) => {
                let (start, end) = (parse_number(start)?, parse_number(end)?);
                if end < start {
                    return Err(AddressError::NotANumber(place.to_string()));
                }
                DocumentAnchor::Passage(start..end)
            }
            None => DocumentAnchor::Offset(parse_number(place)?),
        };
        return Ok((id.to_string(), Some(anchor)));
    }
    Ok((rest.to_string(), None))
}

fn compare_side(text: &str) -> CompareSide {
    match text.split_once('#') {
        Some((document, section)) => CompareSide { document: document.to_string(), section: Some(section.to_string()) },
        None => CompareSide { document: text.to_string(), section: None },
    }
}

fn parse_map(input: &str) -> Result<Address, AddressError> {
    let query = input.strip_prefix("map").unwrap_or("").trim_start_matches(':').trim_start_matches('?');
    let mut focus = None;
    let mut depth = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some(("focus", id)) if !id.is_empty() => focus = Some(id.to_string()),
            Some(("depth", n)) => depth = Some(parse_number(n)?),
            _ => return Err(AddressError::UnknownMapOption(pair.to_string())),
        }
    }
    Ok(Address::Map { focus, depth })
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Address::Concept(id) => write!(f, "concept:{id}"),
            Address::Document { id, anchor: None } => write!(f, "document:{id}"),
            Address::Document { id, anchor: Some(DocumentAnchor::Section(s)) } => write!(f, "document:{id}#{s}"),
            Address::Document { id, anchor: Some(DocumentAnchor::Offset(o)) } => write!(f, "document:{id}@{o}"),
            Address::Document { id, anchor: Some(DocumentAnchor::Passage(p)) } => {
                write!(f, "document:{id}@{}-{}", p.start, p.end)
            }
            Address::Compare { left, right } => {
                write!(f, "compare:{left}")?;
                if let Some(right) = right {
                    write!(f, ",{right}")?;
                }
                Ok(())
            }
            Address::Map { focus, depth } => {
                f.write_str("map")?;
                let mut separator = '?';
                if let Some(focus) = focus {
                    write!(f, "{separator}focus={focus}")?;
                    separator = '&';
                }
                if let Some(depth) = depth {
                    write!(f, "{separator}depth={depth}")?;
                }
                Ok(())
            }
            Address::Tour { id, step: None } => write!(f, "tour:{id}"),
            Address::Tour { id, step: Some(step) } => write!(f, "tour:{id}:{step}"),
            Address::Search(query) => write!(f, "search:{query}"),
            Address::Suggestions => f.write_str("suggestions"),
        }
    }
}

impl fmt::Display for CompareSide {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.section {
            Some(section) => write!(f, "{}#{section}", self.document),
            None => f.write_str(&self.document),
        }
    }
}

/// Whether what an address names exists in the corpus; the error says what is missing.
pub fn check_exists(address: &Address, corpus: &crate::corpus::Corpus) -> Result<(), String> {
    let concept =
        |id: &str| corpus.catalog.get(id).map(|_| ()).ok_or_else(|| format!("no concept {id:?} in the catalog"));
    let document = |id: &str| corpus.document(id).ok_or_else(|| format!("no document {id:?} in the corpus"));
    let section = |doc: &crate::corpus::Document, id: &str| {
        doc.meta
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|_| ())
            .ok_or_else(|| format!("no section {id:?} in {}", doc.id))
    };
    match address {
        Address::Concept(id) => concept(id),
        Address::Document { id, anchor } => {
            let doc = document(id)?;
            match anchor {
                Some(DocumentAnchor::Section(s)) => section(doc, s),
                Some(DocumentAnchor::Offset(o)) if *o > doc.text.len() => {
                    Err(format!("{id} has {} bytes; offset {o} is past its end", doc.text.len()))
                }
                _ => Ok(()),
            }
        }
        Address::Compare { left, right } => {
            for side in std::iter::once(left).chain(right.as_ref()) {
                let doc = document(&side.document)?;
                if let Some(s) = &side.section {
                    section(doc, s)?;
                }
            }
            Ok(())
        }
        Address::Map { focus, .. } => focus.as_deref().map_or(Ok(()), concept),
        Address::Tour { id, .. } => {
            let path = corpus.tours_dir().join(format!("{id}.ron"));
            if path.is_file() { Ok(()) } else { Err(format!("no tour {id:?} in {}", corpus.tours_dir().display())) }
        }
        Address::Search(_) | Address::Suggestions => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) {
        let address: Address = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(address.to_string(), text);
    }

    #[test]
    fn every_kind_round_trips() {
        for text in [
            "concept:police-diplomacy",
            "document:003_412e824fada4b61c",
            "document:000_d179677d1f4e20a5#abstract-en",
            "document:003_412e824fada4b61c@1200",
            "document:003_412e824fada4b61c@1200-1450",
            "compare:000_d179677d1f4e20a5",
            "compare:000_d179677d1f4e20a5#abstract-fa,000_d179677d1f4e20a5#abstract-en",
            "compare:001,003",
            "map",
            "map?focus=interpol",
            "map?focus=interpol&depth=2",
            "map?depth=1",
            "tour:police-diplomacy",
            "tour:police-diplomacy:3",
            "search:دیپلماسی پلیسی",
            "suggestions",
        ] {
            round_trip(text);
        }
    }

    #[test]
    fn bad_addresses_say_why() {
        let error = |text: &str| text.parse::<Address>().unwrap_err().to_string();
        assert!(error("nowhere:x").contains("unknown kind of address"));
        assert!(error("concept:").contains("lacks its id"));
        assert!(error("document:x@abc").contains("not a number"));
        assert!(error("document:x@9-3").contains("not a number"));
        assert!(error("map?zoom=3").contains("unknown map option"));
        assert!(error("tour:t:0").contains("count from 1"));
    }
}
