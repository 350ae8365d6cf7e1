//! Segmentation on the seeds and on arbitrary input: ranges are on character
//! boundaries, ordered, non-overlapping, trimmed and inside the text.

use std::ops::Range;
use std::time::Instant;

use diplomap::text::segment::{paragraphs, segment};
use proptest::prelude::*;

use crate::common::seed;

/// Asserts the invariants of a list of ranges inside `outer`.
fn assert_well_formed(text: &str, ranges: &[Range<usize>], outer: Range<usize>) {
    let mut previous_end = outer.start;
    for range in ranges {
        assert!(range.start < range.end, "empty range {range:?}");
        assert!(range.start >= previous_end, "overlap or disorder at {range:?}");
        assert!(range.end <= outer.end, "{range:?} outside {outer:?}");
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let slice = &text[range.clone()];
        assert_eq!(slice, slice.trim(), "untrimmed {slice:?}");
        previous_end = range.end;
    }
}

fn assert_segmentation(text: &str) {
    let paras = segment(text);
    let ranges: Vec<Range<usize>> = paras.iter().map(|p| p.range.clone()).collect();
    assert_well_formed(text, &ranges, 0..text.len());
    for para in &paras {
        assert!(!para.sentences.is_empty());
        assert_well_formed(text, &para.sentences, para.range.clone());
    }
}

#[test]
fn seeds_segment_cleanly() {
    for prefix in ["000", "001", "002", "003", "004"] {
        assert_segmentation(&seed(prefix));
    }
}

#[test]
fn seed_000_has_its_two_abstracts() {
    let text = seed("000");
    let paras: Vec<&str> = paragraphs(&text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert_eq!(paras[0], "آرشیو شمارهها:");
    assert!(paras[1].starts_with("در آغاز هزاره سوم"));
    assert_eq!(paras[2], "The Goals & Functions of Police-based Diplomacy");
    assert!(paras[3].starts_with("Police diplomacy from"));
}

#[test]
fn seed_000_sentences() {
    let text = seed("000");
    let paras = segment(&text);
    let persian: Vec<&str> = paras[1].sentences.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(persian.len(), 6, "{persian:#?}");
    assert!(persian[1].ends_with("شده است؟"));
    let english: Vec<&str> = paras[3].sentences.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(english.len(), 6, "{english:#?}");
    assert!(english[1].ends_with("international level?"));
}

#[test]
fn seed_001_headings_and_list_items_are_paragraphs() {
    let text = seed("001");
    let paras: Vec<&str> = paragraphs(&text).into_iter().map(|r| &text[r]).collect();
    assert_eq!(paras[0], "ما هو الحوار؟");
    assert!(paras[1].starts_with("الحوار آلية"));
    assert!(paras.iter().any(|p| p.starts_with("- الجريمة السيبرية")));
    assert!(paras.iter().filter(|p| p.starts_with("- ")).all(|p| !p.contains("\n- ")));
}

#[test]
fn multi_megabyte_text_is_fast() {
    let mut text = String::new();
    while text.len() < 4_000_000 {
        text.push_str(&seed("002"));
        text.push_str(&seed("000"));
    }
    text.push_str(&"x".repeat(200_000));
    text.push_str(&". ".repeat(100_000));
    let start = Instant::now();
    assert_segmentation(&text);
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs() < 10, "took {elapsed:?}");
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        assert_segmentation(&text);
    }

    #[test]
    fn text_of_terminators_and_breaks(text in "[a-zA-Z0-9 .?!؟؛…\n\r\t\u{200c}پی«»()-]{0,120}") {
        assert_segmentation(&text);
    }

    #[test]
    fn any_subrange_of_sentences_is_safe(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
        let range = a.min(b)..a.max(b);
        let sentences = diplomap::text::segment::sentences(&text, range);
        for s in &sentences {
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.end <= text.len());
        }
    }
}
