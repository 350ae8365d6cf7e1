//! Property tests of the bidi paragraph layout on random mixed Persian, Arabic,
//! English, digit, bracket and whitespace text, with random spans and widths:
//! - every byte is in exactly one run of exactly one line; lines cover the text
//!   in logical order;
//! - runs of a line do not overlap and fit the width unless one word is wider;
//! - `caret_position(hit_test(caret_position(o)))` is the caret of `o` for every
//!   char boundary, and `hit_test` gives `o` back exactly in single-direction text.

use diplomap::text::bidi_layout::{
    LayoutOptions, ParagraphDirection, ParagraphLayout, RunKind, StyleId, StyleSpan, layout_paragraph,
};
use proptest::prelude::*;

const CHAR_WIDTH: f32 = 7.0;

fn measure(text: &str, _: StyleId) -> f32 {
    text.chars().count() as f32 * CHAR_WIDTH
}

fn pieces() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "دیپلماسی",
        "پلیس",
        "می\u{200C}شود",
        "الإنتربول",
        "ت\u{64F}عنى",
        "INTERPOL",
        "police",
        "2021",
        "۱۳۹۱",
        "٣٥٪",
        "35%",
        "1391/07/18",
        "(",
        ")",
        "[",
        "«",
        "»",
        ".",
        "،",
        "-",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\t",
        "https://www.interpol.int/en",
    ])
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(pieces(), 0..40).prop_map(|pieces| pieces.concat())
}

fn direction_strategy() -> impl Strategy<Value = ParagraphDirection> {
    prop::sample::select(vec![ParagraphDirection::Auto, ParagraphDirection::Ltr, ParagraphDirection::Rtl])
}

fn spans_for(text: &str, seeds: &[(usize, usize, u32)]) -> Vec<StyleSpan> {
    seeds
        .iter()
        .map(|&(start, length, style)| {
            let start = start % (text.len() + 1);
            StyleSpan { range: start..start + length, style: StyleId(style) }
        })
        .collect()
}

fn layout_of(text: &str, spans: &[StyleSpan], direction: ParagraphDirection, width: f32) -> ParagraphLayout {
    layout_paragraph(text, spans, &LayoutOptions::new(direction, width), &mut measure)
}

fn char_boundaries(text: &str) -> Vec<usize> {
    text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
}

/// The widest unbreakable piece: a word with no space in it.
fn widest_word(text: &str) -> f32 {
    text.split(char::is_whitespace).map(|word| measure(word, StyleId::PLAIN)).fold(0.0, f32::max)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_byte_is_in_exactly_one_run_and_lines_are_in_logical_order(
        text in text_strategy(),
        direction in direction_strategy(),
        width in prop_oneof![Just(f32::INFINITY), 0.0f32..400.0],
        span_seeds in prop::collection::vec((0usize..400, 0usize..30, 1u32..4), 0..4),
    ) {
        let spans = spans_for(&text, &span_seeds);
        let layout = layout_of(&text, &spans, direction, width);
        let mut owner = vec![0usize; text.len()];
        let mut expected_start = 0;
        for line in layout.lines() {
            prop_assert_eq!(line.range.start, expected_start, "lines in logical order");
            expected_start = line.range.end;
            for run in &line.runs {
                prop_assert!(!run.range.is_empty());
                prop_assert!(line.range.start <= run.range.start && run.range.end <= line.range.end);
                for byte in run.range.clone() {
                    owner[byte] += 1;
                }
            }
        }
        prop_assert_eq!(expected_start, text.len());
        prop_assert!(owner.iter().all(|&count| count == 1), "{:?}", owner);
    }

    #[test]
    fn runs_do_not_overlap_and_fit_the_width(
        text in text_strategy(),
        direction in direction_strategy(),
        width in 0.0f32..400.0,
    ) {
        let layout = layout_of(&text, &[], direction, width);
        let widest = widest_word(&text);
        for line in layout.lines() {
            for pair in line.runs.windows(2) {
                prop_assert!(pair[0].x + pair[0].width <= pair[1].x + 1e-3, "{:?}", line);
            }
            if line.content_width > width + 1e-3 {
                prop_assert!(widest > width, "line wider than {width} without a wide word: {:?}", line);
            }
            for run in &line.runs {
                prop_assert!(run.x >= -1e-3 && run.x + run.width <= width.max(line.content_width) + 1e-3, "{:?}", line);
                if run.kind == RunKind::HardBreak {
                    prop_assert_eq!(run.width, 0.0);
                }
            }
        }
    }

    #[test]
    fn hit_test_of_a_caret_gives_a_caret_at_the_same_place(
        text in text_strategy(),
        direction in direction_strategy(),
        width in prop_oneof![Just(f32::INFINITY), 20.0f32..300.0],
    ) {
        let layout = layout_of(&text, &[], direction, width);
        let mut measure = measure;
        let line_height = 20.0;
        for offset in char_boundaries(&text) {
            let caret = layout.caret_position(offset, &mut measure);
            let y = caret.line as f32 * line_height + line_height / 2.0;
            let hit = layout.hit_test(caret.x, y, line_height, &mut measure);
            let back = layout.caret_position(hit, &mut measure);
            prop_assert_eq!(back.line, caret.line, "offset {} hit {}", offset, hit);
            prop_assert!((back.x - caret.x).abs() < 1e-3, "offset {} at {:?}, hit {} at {:?}", offset, caret, hit, back);
        }
    }

    #[test]
    fn hit_test_round_trips_exactly_in_single_direction_text(
        words in prop::collection::vec(prop::sample::select(vec!["دیپلماسی", "پلیس", "امنیت", "ملی"]), 1..20),
        english in any::<bool>(),
        width in prop_oneof![Just(f32::INFINITY), 60.0f32..300.0],
    ) {
        let text = if english { words.join(" ").replace("دیپلماسی", "diplomacy").replace("پلیس", "police").replace("امنیت", "security").replace("ملی", "national") } else { words.join(" ") };
        let layout = layout_of(&text, &[], ParagraphDirection::Auto, width);
        let mut measure = measure;
        for offset in char_boundaries(&text) {
            let caret = layout.caret_position(offset, &mut measure);
            let hit = layout.hit_test(caret.x, caret.line as f32 * 20.0 + 1.0, 20.0, &mut measure);
            let at_wrap = layout.lines().iter().any(|line| line.range.start == offset && offset > 0);
            if !at_wrap {
                prop_assert_eq!(hit, offset);
            }
        }
    }

    #[test]
    fn selection_of_the_whole_text_covers_every_non_empty_line(
        text in text_strategy(),
        width in prop_oneof![Just(f32::INFINITY), 20.0f32..300.0],
    ) {
        let layout = layout_of(&text, &[], ParagraphDirection::Auto, width);
        let rects = layout.selection_rects(0..text.len(), &mut measure);
        for rect in &rects {
            prop_assert!(rect.x_min <= rect.x_max);
        }
        for (index, line) in layout.lines().iter().enumerate() {
            if line.content_width > 0.0 {
                prop_assert!(rects.iter().any(|rect| rect.line == index));
            }
        }
    }
}

/// A measure that shapes like Arabic script does: a letter joined to the
/// next one (or to a ZERO WIDTH JOINER) is narrower than one that ends a
/// word, combining marks take no room and let the letters on either side
/// join. What a run is painted as is its letters measured in the run.
fn joining_widths(text: &str) -> Vec<f32> {
    let chars: Vec<char> = text.chars().collect();
    let joins = |c: char| ('\u{0620}'..='\u{06FF}').contains(&c) && c != '\u{0621}' && !is_mark(c) && !c.is_numeric();
    (0..chars.len())
        .map(|i| {
            let c = chars[i];
            if is_mark(c) || c == '\u{200D}' {
                return 0.0;
            }
            if !joins(c) {
                return CHAR_WIDTH;
            }
            let next = chars[i + 1..].iter().copied().find(|&n| !is_mark(n));
            if next.is_some_and(|n| joins(n) || n == '\u{200D}') { 4.0 } else { 11.0 }
        })
        .collect()
}

fn is_mark(c: char) -> bool {
    ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}'
}

fn joining_measure(text: &str, _: StyleId) -> f32 {
    joining_widths(text).iter().sum()
}

/// Where the boundary before `offset` is painted: the letters of the run
/// before it, measured in the run (leading edge: left in LTR, right in RTL).
fn painted_boundary(text: &str, run: &diplomap::text::bidi_layout::VisualRun, offset: usize) -> f32 {
    let run_text = &text[run.range.clone()];
    let widths = joining_widths(run_text);
    let before: f32 = run_text
        .char_indices()
        .zip(&widths)
        .take_while(|((i, _), _)| run.range.start + i < offset)
        .map(|(_, w)| w)
        .sum();
    match run.direction() {
        diplomap::text::bidi_layout::Direction::Ltr => run.x + before,
        diplomap::text::bidi_layout::Direction::Rtl => run.x + run.width - before,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Selection → byte range → quote on mixed Persian/English lines, with
    /// letters as wide as they are painted in their word: a press just inside
    /// a letter's leading edge is the offset before it, just inside its
    /// trailing edge the offset after it, and a selection's rectangles end
    /// where the painted letters meet, so the bytes selected are the letters
    /// under the pointer, not their neighbours.
    #[test]
    fn selection_ends_are_the_letters_painted_under_the_pointer(
        words in prop::collection::vec(prop::sample::select(vec![
            "اجرای", "سازوکارهای", "عملی", "ضدتروریسم", "موضوع", "بحث", "پلیس", "INTERPOL", "police", "2021",
            "ت\u{64F}عنى", "(اینترپل)", "می\u{200C}شود", "لا",
        ]), 1..12),
    ) {
        let text = words.join(" ");
        let layout = layout_paragraph(&text, &[], &LayoutOptions::new(ParagraphDirection::Auto, f32::INFINITY), &mut joining_measure);
        let mut measure: fn(&str, StyleId) -> f32 = joining_measure;
        let Some(line) = layout.lines().first() else { return Ok(()) };
        for run in &line.runs {
            let run_text = &text[run.range.clone()];
            let widths = joining_widths(run_text);
            for ((i, c), width) in run_text.char_indices().zip(widths) {
                let offset = run.range.start + i;
                let next = offset + c.len_utf8();
                let painted = painted_boundary(&text, run, offset);
                let caret = layout.caret_position(offset, &mut measure);
                if is_mark(c) || width < 1.0 {
                    continue;
                }
                prop_assert!((caret.x - painted).abs() < 1e-3, "caret of {} at {} painted at {} in {:?}", offset, caret.x, painted, text);
                // Just inside the letter, at either edge.
                let inward = if run.direction() == diplomap::text::bidi_layout::Direction::Rtl { -0.9 } else { 0.9 };
                let leading = layout.hit_test(painted + inward, 1.0, 20.0, &mut measure);
                // (Where two runs meet, or before a mark, two offsets share one place:
                // either will do.)
                let at = |hit: usize, measure: &mut fn(&str, StyleId) -> f32| layout.caret_position(hit, measure).x;
                prop_assert!(leading == offset || (at(leading, &mut measure) - painted).abs() < 1e-3,
                    "press inside the leading edge of {:?} in {:?}: {} for {}", c, text, leading, offset);
                let after = text[next..].chars().take_while(|&n| is_mark(n)).map(char::len_utf8).sum::<usize>() + next;
                if after < run.range.end {
                    // (At the run's far end the next stop is elsewhere on the line.)
                    let trailing_x = painted_boundary(&text, run, next) - inward;
                    let trailing = layout.hit_test(trailing_x, 1.0, 20.0, &mut measure);
                    let place = painted_boundary(&text, run, after);
                    prop_assert!(trailing == after || (at(trailing, &mut measure) - place).abs() < 1e-3,
                        "press inside the trailing edge of {:?} in {:?}: {} for {}", c, text, trailing, after);
                }
                // The selection of this one letter covers exactly its painted extent.
                let rects = layout.selection_rects(offset..after, &mut measure);
                let (low, high) = (painted.min(painted_boundary(&text, run, after)), painted.max(painted_boundary(&text, run, after)));
                prop_assert!(rects.len() == 1 && (rects[0].x_min - low).abs() < 1e-3 && (rects[0].x_max - high).abs() < 1e-3,
                    "selection of {:?} is {:?}, painted {}..{}", c, rects, low, high);
            }
        }
    }
}
