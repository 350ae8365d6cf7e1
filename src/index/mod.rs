//! The index: concept mentions in the corpus, the edges between concepts
//! (curated relations and co-occurrences, each with its evidence passages),
//! and search.

pub mod mentions;
