//! Golden tests of the mentions found in each seed, and the folding promise:
//! the same text spelled with `ي`/`ك`, harakat, tatweel, ZWNJ or Persian
//! digits yields exactly the same concept mentions.
//!
//! Expected files live in `tests/data/golden/`; `UPDATE_EXPECT=1 cargo test`
//! rewrites them after a deliberate change.

use crate::common;

use diplomap::index::mentions::Matcher;

fn mention_rows(text: &str) -> Vec<String> {
    let (corpus, _) = common::corpus_and_index();
    Matcher::new(&corpus.catalog)
        .find(text)
        .into_iter()
        .map(|m| {
            format!(
                "{}\t{}\t{}\t{}",
                corpus.catalog.concepts[m.concept].id,
                m.range.start,
                m.range.end,
                &text[m.range.clone()]
            )
        })
        .collect()
}

fn concept_ids(text: &str) -> Vec<String> {
    let (corpus, _) = common::corpus_and_index();
    Matcher::new(&corpus.catalog)
        .find(text)
        .into_iter()
        .map(|m| corpus.catalog.concepts[m.concept].id.clone())
        .collect()
}

#[test]
fn golden_mentions_of_every_seed() {
    let (corpus, _) = common::corpus_and_index();
    let golden = common::data_dir().join("golden");
    std::fs::create_dir_all(&golden).unwrap();
    let mut failures = Vec::new();
    for document in &corpus.documents {
        let actual = mention_rows(&document.text).join("\n") + "\n";
        let path = golden.join(format!("{}.mentions.tsv", document.id));
        if common::updating() {
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != actual {
            failures.push(format!("{} (rerun with UPDATE_EXPECT=1 after a deliberate change)", path.display()));
        }
    }
    assert!(failures.is_empty(), "golden mentions differ: {failures:#?}");
}

/// Spelling variants a reader meets in the wild.
fn variants(text: &str) -> Vec<(&'static str, String)> {
    let arabic_letters = text.replace('ی', "ي").replace('ک', "ك");
    let digits: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap() } else { c })
        .collect();
    let mut marks = String::new();
    for (n, c) in text.chars().enumerate() {
        marks.push(c);
        if ('\u{0628}'..='\u{064A}').contains(&c) && n % 5 == 0 {
            marks.push(if n % 2 == 0 { '\u{064E}' } else { '\u{0640}' });
        }
    }
    let zwnj = text.replace(" های ", "\u{200C}های ").replace(" ها ", "\u{200C}ها ").replace(" می ", " می\u{200C}");
    let affix_joined = text.replace(" های ", "های ").replace(" ها ", "ها ");
    vec![
        ("ي/ك for ی/ک", arabic_letters),
        ("Persian digits", digits),
        ("harakat and tatweel", marks),
        ("ZWNJ before affixes", zwnj),
        ("affixes joined", affix_joined),
    ]
}

#[test]
fn spelling_variants_yield_the_same_mentions() {
    let (corpus, _) = common::corpus_and_index();
    for document in &corpus.documents {
        let expected = concept_ids(&document.text);
        for (name, variant) in variants(&document.text) {
            assert_eq!(concept_ids(&variant), expected, "{} spelled with {name}", document.id);
        }
    }
}

#[test]
fn every_reported_range_is_the_original_bytes() {
    let (corpus, index) = common::corpus_and_index();
    for mention in &index.mentions {
        let text = &corpus.documents[mention.document].text;
        assert!(text.is_char_boundary(mention.range.start) && text.is_char_boundary(mention.range.end));
        assert!(!text[mention.range.clone()].trim().is_empty());
    }
    for (_, variant) in variants(&corpus.documents[0].text) {
        for row in mention_rows(&variant) {
            let fields: Vec<&str> = row.split('\t').collect();
            let (start, end): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
            assert_eq!(&variant[start..end], fields[3]);
        }
    }
}
