//! Every concept's names folded once ([`crate::text::normalize::fold_str`]:
//! ZWNJ, yeh/kaf, harakat as the matcher folds them), so that a box that finds
//! concepts as one types (the map's search, the concept list's filter)
//! answers within a frame at ten thousand concepts: a scan of flat folded
//! text instead of folding every name again at every keystroke and frame.

use super::Catalog;
use crate::text::normalize::fold_str;

/// The folded names (labels, aliases, the id) of a catalog's concepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FoldedNames {
    /// Every folded name, each with the concept it names, concept by concept.
    names: Vec<(u32, String)>,
    concepts: usize,
}

/// How well a concept's names match a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// A name starts with the query.
    Starts,
    /// A name holds it further in.
    Contains,
}

impl FoldedNames {
    pub fn of(catalog: &Catalog) -> FoldedNames {
        let mut names = Vec::new();
        for (n, concept) in catalog.concepts.iter().enumerate() {
            names.push((n as u32, concept.id.clone()));
            names.extend(concept.surface_forms().map(|(_, form)| (n as u32, fold_str(form))));
        }
        FoldedNames { names, concepts: catalog.concepts.len() }
    }

    /// How each concept's names match `query` (already folded), by concept
    /// index; `None` where none holds it. An empty query matches every name.
    pub fn matches(&self, query: &str) -> Vec<Option<NameMatch>> {
        let mut matches = vec![None; self.concepts];
        for (concept, name) in &self.names {
            let Some(slot) = matches.get_mut(*concept as usize) else { continue };
            if *slot == Some(NameMatch::Starts) {
                continue;
            }
            if name.starts_with(query) {
                *slot = Some(NameMatch::Starts);
            } else if slot.is_none() && name.contains(query) {
                *slot = Some(NameMatch::Contains);
            }
        }
        matches
    }

    /// The concepts with a name holding `query` (folded): those with a name
    /// starting with it first, each group in catalog order.
    pub fn find(&self, query: &str) -> Vec<usize> {
        let mut hits: Vec<(NameMatch, usize)> =
            self.matches(query).into_iter().enumerate().filter_map(|(n, m)| Some((m?, n))).collect();
        hits.sort_unstable();
        hits.into_iter().map(|(_, n)| n).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Concept, ConceptKind, Localized, LocalizedList};

    fn concept(id: &str, fa: &str, en: &str, aliases_en: &[&str]) -> Concept {
        Concept {
            id: id.into(),
            kind: ConceptKind::Organisation,
            labels: Localized { fa: fa.into(), ar: String::new(), en: en.into() },
            aliases: LocalizedList { en: aliases_en.iter().map(|s| s.to_string()).collect(), ..Default::default() },
            summary: Localized::default(),
            relations: Vec::new(),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            concepts: vec![
                concept("europol", "یوروپل", "Europol", &[]),
                concept("interpol", "اینترپل", "INTERPOL", &["ICPO"]),
                concept("police-diplomacy", "دیپلماسی پلیسی", "Police diplomacy", &[]),
            ],
        }
    }

    #[test]
    fn names_that_start_with_the_query_come_first() {
        let names = FoldedNames::of(&catalog());
        // The id «police-diplomacy» starts with it; «Europol» and «INTERPOL» hold it.
        assert_eq!(names.find(&fold_str("pol")), vec![2, 0, 1]);
        assert_eq!(names.find(&fold_str("icpo")), vec![1]);
        assert_eq!(names.find(&fold_str("interpol")), vec![1]);
    }

    #[test]
    fn persian_is_found_whatever_its_yeh_and_kaf() {
        let names = FoldedNames::of(&catalog());
        // Arabic yeh in what was typed; Persian yeh in the catalog.
        assert_eq!(names.find(&fold_str("ديپلماسي")), vec![2]);
        assert!(names.find(&fold_str("frontex")).is_empty());
    }

    #[test]
    fn the_same_as_folding_every_name_at_each_query() {
        let catalog = catalog();
        let names = FoldedNames::of(&catalog);
        for query in ["", "p", "ол", "یو", "icpo", "diplomacy", "پلیسی"] {
            let query = fold_str(query);
            let slow: Vec<bool> = catalog
                .concepts
                .iter()
                .map(|c| c.id.contains(&query) || c.surface_forms().any(|(_, f)| fold_str(f).contains(&query)))
                .collect();
            let fast: Vec<bool> = names.matches(&query).iter().map(Option::is_some).collect();
            assert_eq!(fast, slow, "query {query:?}");
        }
    }
}
