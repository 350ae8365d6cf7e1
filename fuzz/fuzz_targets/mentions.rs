//! The mention finder, with the real catalog and with patterns taken from the
//! input: ranges are whole characters of the text, in order, not overlapping,
//! never empty or blank; the same text found twice gives the same mentions.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use diplomap::catalog::{Catalog, Concept, ConceptKind, Localized, LocalizedList};
use diplomap::index::mentions::{Matcher, Mention};
use libfuzzer_sys::fuzz_target;

fn shipped() -> &'static (Catalog, Matcher) {
    static SHIPPED: OnceLock<(Catalog, Matcher)> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let source = include_str!("../../corpus/concepts.ron");
        let (catalog, _) = Catalog::parse(Path::new("concepts.ron"), source);
        let catalog = catalog.expect("the shipped catalog parses");
        let matcher = Matcher::new(&catalog);
        (catalog, matcher)
    })
}

fn check(text: &str, mentions: &[Mention], concepts: usize) {
    let mut end = 0;
    for mention in mentions {
        assert!(mention.concept < concepts);
        let range = mention.range.clone();
        assert!(range.start >= end, "overlap or disorder: {mentions:?}");
        assert!(range.start < range.end && range.end <= text.len(), "{range:?}");
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        assert!(!text[range.clone()].trim().is_empty());
        end = range.end;
    }
}

/// A catalog of up to seven one-label concepts read from the first lines.
fn catalog_from(lines: &[&str]) -> Catalog {
    let concepts = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (lang, label) = line.split_at(line.len().min(1));
            let mut labels = Localized::default();
            match lang {
                "a" => labels.ar = label.to_string(),
                "f" => labels.fa = label.to_string(),
                _ => labels.en = label.to_string(),
            }
            Concept {
                id: format!("c{i}"),
                kind: ConceptKind::Topic,
                labels,
                aliases: LocalizedList::default(),
                summary: Localized::default(),
                relations: Vec::new(),
            }
        })
        .collect();
    Catalog { concepts }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let (catalog, matcher) = shipped();
    let found = matcher.find(input);
    check(input, &found, catalog.concepts.len());
    assert_eq!(found, matcher.find(input));
    let pattern_lines = (selector % 8) as usize;
    let mut lines = input.splitn(pattern_lines + 1, '\n');
    let patterns: Vec<&str> = lines.by_ref().take(pattern_lines).collect();
    let text = lines.next().unwrap_or("");
    let own = catalog_from(&patterns);
    let own_matcher = Matcher::new(&own);
    check(text, &own_matcher.find(text), own.concepts.len());
});
