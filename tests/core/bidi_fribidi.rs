//! The visual order of our runs against GNU FriBidi, on every non-empty line of
//! the five seeds and on hand-written mixed lines (`tests/data/bidi/*.tsv`, made by
//! `scripts/make_bidi_fixtures.py`; FriBidi is not needed to run this test).
//!
//! Each line is one paragraph laid out with infinite width; reading the runs from
//! left to right, LTR runs forwards and RTL runs backwards, gives a visual order
//! of logical character indices that must equal FriBidi's visual-to-logical map
//! (with combining marks kept after their base, see [`visual_to_logical`]).
//!
//! Known, justified exceptions are listed in [`EXCEPTIONS`] (none so far).

use std::path::Path;

use unicode_bidi::{BidiClass, bidi_class};

use diplomap::text::bidi_layout::{
    Direction, LayoutOptions, ParagraphDirection, ParagraphLayout, StyleId, layout_paragraph,
};

/// (fixture file, line number, why our order differs from FriBidi's).
const EXCEPTIONS: &[(&str, usize, &str)] = &[];

struct Fixture {
    line_number: usize,
    base: Direction,
    visual_to_logical: Vec<usize>,
    text: String,
}

#[test]
fn visual_order_matches_fribidi_on_every_fixture_line() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bidi");
    let mut files: Vec<_> = std::fs::read_dir(&directory)
        .expect("tests/data/bidi exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "tsv"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "five seeds and the hand-written lines: {files:?}");
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default().to_owned();
        let content = std::fs::read_to_string(path).expect("fixture is UTF-8");
        for fixture in content.lines().filter(|line| !line.starts_with('#')).map(parse_fixture) {
            checked += 1;
            if let Some(problem) = compare(&fixture) {
                let excepted = EXCEPTIONS.iter().any(|&(file, line, _)| file == name && line == fixture.line_number);
                if !excepted {
                    failures.push(format!("{name}:{}: {problem}\n  text: {:?}", fixture.line_number, fixture.text));
                }
            }
        }
    }
    assert!(checked > 900, "only {checked} fixture lines");
    assert!(failures.is_empty(), "{} of {checked} lines differ from FriBidi:\n{}", failures.len(), failures.join("\n"));
}

fn compare(fixture: &Fixture) -> Option<String> {
    let layout = layout_line(&fixture.text);
    if layout.direction() != fixture.base {
        return Some(format!("base direction {:?}, FriBidi {:?}", layout.direction(), fixture.base));
    }
    let ours = visual_to_logical(&layout);
    if ours == fixture.visual_to_logical {
        return None;
    }
    let first = ours.iter().zip(&fixture.visual_to_logical).position(|(a, b)| a != b).unwrap_or(0);
    Some(format!(
        "visual order differs from position {first}: ours {:?}, FriBidi {:?}",
        &ours[first..(first + 12).min(ours.len())],
        &fixture.visual_to_logical[first..(first + 12).min(fixture.visual_to_logical.len())]
    ))
}

fn layout_line(text: &str) -> ParagraphLayout {
    let mut measure = |run: &str, _: StyleId| run.chars().count() as f32 * 7.0;
    layout_paragraph(text, &[], &LayoutOptions::unbounded(ParagraphDirection::Auto), &mut measure)
}

/// Logical character indices from left to right: LTR runs forwards, RTL runs
/// backwards by combining sequence. A run is handed to the shaper whole, which keeps
/// a mark on its base, so a base and its marks stay in logical order — FriBidi's
/// `FRIBIDI_FLAG_REORDER_NSM` (rule L3), on by default in its command line.
fn visual_to_logical(layout: &ParagraphLayout) -> Vec<usize> {
    let text = layout.text();
    let char_index_of_byte: std::collections::HashMap<usize, usize> =
        text.char_indices().enumerate().map(|(index, (byte, _))| (byte, index)).collect();
    let mut order = Vec::new();
    for line in layout.lines() {
        for run in &line.runs {
            let mut sequences: Vec<Vec<usize>> = Vec::new();
            for (i, c) in text[run.range.clone()].char_indices() {
                let index = char_index_of_byte[&(run.range.start + i)];
                match sequences.last_mut() {
                    Some(sequence) if bidi_class(c) == BidiClass::NSM => sequence.push(index),
                    _ => sequences.push(vec![index]),
                }
            }
            if run.direction() == Direction::Rtl {
                sequences.reverse();
            }
            order.extend(sequences.into_iter().flatten());
        }
    }
    order
}

fn parse_fixture(line: &str) -> Fixture {
    let mut fields = line.splitn(4, '\t');
    let line_number = fields.next().and_then(|field| field.parse().ok()).expect("line number");
    let base = match fields.next() {
        Some("R") => Direction::Rtl,
        Some("L") => Direction::Ltr,
        other => panic!("bad base direction {other:?}"),
    };
    let visual_to_logical = expand_runs(fields.next().expect("map"));
    let text = unescape(fields.next().expect("text"));
    Fixture { line_number, base, visual_to_logical, text }
}

/// `40-37 34-36 33` → 40 39 38 37 34 35 36 33.
fn expand_runs(compact: &str) -> Vec<usize> {
    let mut indices = Vec::new();
    for part in compact.split_whitespace() {
        let (first, last) = match part.split_once('-') {
            Some((first, last)) => (first.parse::<usize>().expect("index"), last.parse::<usize>().expect("index")),
            None => {
                let index = part.parse::<usize>().expect("index");
                (index, index)
            }
        };
        if first <= last {
            indices.extend(first..=last);
        } else {
            indices.extend((last..=first).rev());
        }
    }
    indices
}

fn unescape(escaped: &str) -> String {
    let mut text = String::with_capacity(escaped.len());
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            text.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => text.push('\t'),
            Some(other) => text.push(other),
            None => text.push('\\'),
        }
    }
    text
}

#[test]
fn fixture_markup_round_trips() {
    assert_eq!(expand_runs("40-37 34-36 33"), [40, 39, 38, 37, 34, 35, 36, 33]);
    assert_eq!(unescape("a\\tb\\\\c"), "a\tb\\c");
}
