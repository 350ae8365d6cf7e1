//! Query expansion through the catalog: a query that is a concept's name (a
//! label or an alias, in any language, folded) also finds the concept's other
//! names (labels and aliases in every language), a bit below the words as
//! typed. `interpol` finds the paragraphs that only say `اینترپل` or
//! `الإنتربول`; `human trafficking` those that say `قاچاق انسان`. The index
//! has no word positions, so a name of several words first finds its words
//! anywhere in a passage; the best candidates are then checked for the name
//! as a phrase ([`super::phrase`]) and lose the name's score without it.
//!
//! ```
//! use diplomap::catalog::Catalog;
//! use diplomap::index::search::expand::Names;
//! let catalog: Catalog = ron::from_str(r#"Catalog(concepts: [Concept(id: "interpol",
//!     kind: Organisation, labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL"))])"#).unwrap();
//! let names = Names::build(&catalog);
//! let others = names.others(&["interpol"]);
//! assert_eq!(others, [vec!["اینترپل".to_string()], vec!["الانتربول".to_string()]]);
//! assert!(names.others(&["police"]).is_empty());
//! ```

use std::collections::HashMap;

use super::terms::tokens;
use crate::catalog::Catalog;
use crate::text::Lang;
use crate::text::normalize::fold_str;

/// Only names of this many words are expanded into.
pub const MAX_NAME_WORDS: usize = 4;

/// The concepts' names, folded, to expand queries by.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Each concept's names, each as its folded words, without repeats.
    by_concept: Vec<Vec<Vec<String>>>,
    /// Concepts by one of their names (folded words joined by one space).
    concepts: HashMap<String, Vec<usize>>,
}

impl Names {
    pub fn build(catalog: &Catalog) -> Names {
        let mut names = Names::default();
        for (i, concept) in catalog.concepts.iter().enumerate() {
            let mut own: Vec<Vec<String>> = Vec::new();
            for lang in Lang::ALL {
                let all = std::iter::once(concept.labels.get(lang))
                    .chain(concept.aliases.get(lang).iter().map(String::as_str));
                for name in all {
                    let words = words_of(name);
                    if !words.is_empty() && !own.contains(&words) {
                        own.push(words);
                    }
                }
            }
            for words in &own {
                let concepts = names.concepts.entry(words.join(" ")).or_default();
                if !concepts.contains(&i) {
                    concepts.push(i);
                }
            }
            names.by_concept.push(own);
        }
        names
    }

    /// The other names (each as its words) of the concepts that the folded
    /// query words `words` name, of at most [`MAX_NAME_WORDS`] words, without repeats.
    pub fn others(&self, words: &[&str]) -> Vec<Vec<String>> {
        let Some(concepts) = self.concepts.get(&words.join(" ")) else { return Vec::new() };
        let mut out: Vec<Vec<String>> = Vec::new();
        for &concept in concepts {
            for name in self.by_concept.get(concept).into_iter().flatten() {
                let same = name.len() == words.len() && name.iter().zip(words).all(|(a, b)| a == b);
                if !same && name.len() <= MAX_NAME_WORDS && !out.contains(name) {
                    out.push(name.clone());
                }
            }
        }
        out
    }

    /// Heap bytes held (about).
    pub fn memory_bytes(&self) -> usize {
        let words = |name: &Vec<String>| name.iter().map(|w| w.capacity() + 24).sum::<usize>();
        self.by_concept.iter().flatten().map(words).sum::<usize>()
            + self.concepts.keys().map(|k| k.capacity() + 48).sum::<usize>()
    }
}

fn words_of(name: &str) -> Vec<String> {
    let folded = fold_str(name);
    tokens(&folded).map(|r| folded[r].to_string()).collect()
}
