//! Table-like tests in a tiny markup. A laid-out paragraph is written as its
//! visual lines (one per `\n`), each as its runs from left to right separated by
//! `|`, each run as `>` (LTR) or `<` (RTL) followed by its LOGICAL text; `~` after
//! the arrow marks a mirrored cluster, `#N` after the text a style other than
//! plain, `⏎` a hard break. Widths are in characters (every char is 1.0 wide).
//!
//! ```text
//! check("اینترپل (INTERPOL) در سال 2021", Auto, INF,
//!       ">2021|<) در سال |>INTERPOL|<اینترپل (");
//! ```

use super::*;

const INF: f32 = f32::INFINITY;
use ParagraphDirection::{Auto, Ltr, Rtl};

fn char_width(text: &str, _style: StyleId) -> f32 {
    text.chars().count() as f32
}

fn markup(layout: &ParagraphLayout) -> String {
    let text = layout.text();
    let lines: Vec<String> = layout
        .lines()
        .iter()
        .map(|line| {
            let runs: Vec<String> = line.runs.iter().map(|run| run_markup(text, run)).collect();
            runs.join("|")
        })
        .collect();
    lines.join("\n")
}

fn run_markup(text: &str, run: &VisualRun) -> String {
    let arrow = if run.direction() == Direction::Rtl { "<" } else { ">" };
    let mirror = if run.mirrored { "~" } else { "" };
    let logical = text[run.range.clone()].replace('\n', "⏎");
    let style = if run.style == StyleId::PLAIN { String::new() } else { format!("#{}", run.style.0) };
    format!("{arrow}{mirror}{logical}{style}")
}

#[track_caller]
fn check(text: &str, direction: ParagraphDirection, width: f32, expected: &str) {
    check_styled(text, &[], direction, width, expected);
}

#[track_caller]
fn check_styled(text: &str, spans: &[StyleSpan], direction: ParagraphDirection, width: f32, expected: &str) {
    let layout = layout_paragraph(text, spans, &LayoutOptions::new(direction, width), &mut char_width);
    assert_eq!(markup(&layout), expected, "\ntext: {text:?} width {width}");
}

fn span(range: Range<usize>, style: u32) -> StyleSpan {
    StyleSpan { range, style: StyleId(style) }
}

#[test]
fn single_lines_in_visual_order() {
    check("abc", Auto, INF, ">abc");
    check("", Auto, INF, "");
    check("دیپلماسی پلیس", Auto, INF, "<دیپلماسی پلیس");
    check("abc (123) دیپ", Auto, INF, ">abc (123) |<دیپ");
    check("دیپ (123) abc", Auto, INF, ">abc|< |<~)|>123|<دیپ (");
    check(
        "اینترپل (INTERPOL) در سال 2021 با 194 عضو",
        Auto,
        INF,
        "< عضو|>194|< با |>2021|<) در سال |>INTERPOL|<اینترپل (",
    );
}

#[test]
fn neutral_only_rtl_runs_are_split_into_mirrored_clusters() {
    // A level-1 run of neutrals alone would be shaped left to right by egui.
    check("(پلیس)", Auto, INF, "<(پلیس)");
    check("پلیس (", Auto, INF, "<پلیس (");
    check("(2021) پلیس", Auto, INF, "<) پلیس|>2021|<~(");
    check("«دیپلماسی» و \"city\"", Auto, INF, "<\"|>city|<«دیپلماسی» و \"");
}

#[test]
fn persian_digits_in_an_rtl_paragraph_are_placed_digit_by_digit() {
    // Persian digits are Arabic script: egui would shape "۱۳۹۱" right to left.
    check("سال ۱۳۹۱ بود", Auto, INF, "< بود|>۱|>۳|>۹|>۱|<سال ");
    // ASCII digits are Common: one run.
    check("سال 1391/07/18 بود", Auto, INF, "< بود|>1391/07/18|<سال ");
}

#[test]
fn forced_direction() {
    check("abc دیپ", Rtl, INF, "< دیپ|>abc");
    check("دیپ abc", Ltr, INF, "<دیپ|> abc");
    check("123", Rtl, INF, ">123");
}

#[test]
fn wrapping_breaks_at_spaces_and_keeps_words_whole() {
    check("abc def ghi", Auto, 7.0, ">abc def|> \n>ghi");
    check("abc def ghi", Auto, 8.0, ">abc def|> \n>ghi");
    check("abc def ghi", Auto, 6.0, ">abc|> \n>def|> \n>ghi");
    check("یک دو سه چهار", Auto, 6.0, "< |<یک دو\n< |<سه\n<چهار");
}

#[test]
fn wrapped_rtl_lines_put_their_trailing_space_on_the_left() {
    let layout = layout_paragraph("یک دو سه", &[], &LayoutOptions::new(Auto, 6.0), &mut char_width);
    let first = &layout.lines()[0];
    assert_eq!(first.runs.len(), 2);
    assert_eq!(first.runs[0].kind, RunKind::TrailingSpace);
    assert_eq!(first.content_width, 5.0);
    assert_eq!(first.runs[1].x, 1.0, "right aligned in 6");
}

#[test]
fn zwnj_is_not_a_break() {
    check("کتاب\u{200C}های سیاسی", Auto, 9.0, "< |<کتاب\u{200C}های\n<سیاسی");
}

#[test]
fn a_word_wider_than_the_line_is_broken_by_clusters() {
    check("abcdefgh ij", Auto, 3.0, ">abc\n>def\n>gh|> \n>ij");
    check("دیپلماسی", Auto, 3.0, "<دیپ\n<لما\n<سی");
    check("x", Auto, 0.0, ">x");
}

#[test]
fn hard_breaks_end_lines() {
    check("abc\ndef", Auto, INF, ">abc|>⏎\n>def");
    check("abc\n", Auto, INF, ">abc|>⏎\n");
    check("یک\nدو", Auto, INF, "<⏎|<یک\n<دو");
    check("a\n\nb", Auto, INF, ">a|>⏎\n>⏎\n>b");
}

#[test]
fn every_hard_line_takes_the_paragraph_direction() {
    check("یک\nabc", Auto, INF, "<⏎|<یک\n>abc");
}

#[test]
fn styles_split_runs() {
    // "پلیس" highlighted inside an RTL sentence: three runs, right to left.
    let text = "دیپلماسی پلیس ایران";
    let start = text.find("پلیس").unwrap();
    check_styled(text, &[span(start..start + "پلیس".len(), 7)], Auto, INF, "< ایران|<پلیس#7|<دیپلماسی ");
    // Later spans win.
    check_styled("abcdef", &[span(0..6, 1), span(2..4, 2)], Auto, INF, ">ab#1|>cd#2|>ef#1");
    // Spans off char boundaries are widened; spans past the end are clamped.
    check_styled("دیپ", &[span(1..99, 3)], Auto, INF, "<دیپ#3");
}

#[test]
fn lines_cover_the_text_and_rtl_is_right_aligned() {
    let text = "یک دو سه چهار";
    let layout = layout_paragraph(text, &[], &LayoutOptions::new(Auto, 10.0), &mut char_width);
    assert_eq!(layout.direction(), Direction::Rtl);
    for line in layout.lines() {
        let last = line.runs.last().unwrap();
        assert!((last.x + last.width - 10.0).abs() < 1e-4, "{line:?}");
    }
}

#[test]
fn infinite_width_box_is_the_widest_line() {
    let layout = layout_paragraph("یک\nدو سه", &[], &LayoutOptions::unbounded(Auto), &mut char_width);
    assert_eq!(layout.width(), 5.0);
    assert_eq!(layout.lines()[0].runs.last().unwrap().x + 2.0, 5.0);
}

#[test]
fn caret_and_hit_test_in_mixed_text() {
    let text = "abc دیپ";
    let layout = layout_paragraph(text, &[], &LayoutOptions::unbounded(Auto), &mut char_width);
    let mut measure = char_width;
    // Visual: "abc " at 0..4, "دیپ" (RTL) at 4..7: د is on the right.
    assert_eq!(layout.caret_position(0, &mut measure), CaretPosition { line: 0, x: 0.0 });
    assert_eq!(layout.caret_position(4, &mut measure).x, 7.0);
    assert_eq!(layout.caret_position(text.len() - 2, &mut measure).x, 5.0);
    assert_eq!(layout.caret_position(text.len(), &mut measure).x, 7.0);
    assert_eq!(layout.hit_test(5.1, 0.0, 10.0, &mut measure), text.len() - 2);
    assert_eq!(layout.hit_test(-3.0, 0.0, 10.0, &mut measure), 0);
}

#[test]
fn caret_in_rtl_paragraph() {
    let text = "یک دو";
    let layout = layout_paragraph(text, &[], &LayoutOptions::new(Auto, 20.0), &mut char_width);
    let mut measure = char_width;
    assert_eq!(layout.caret_position(0, &mut measure).x, 20.0);
    assert_eq!(layout.caret_position(text.len(), &mut measure).x, 15.0);
    assert_eq!(layout.hit_test(19.6, 0.0, 10.0, &mut measure), 0);
    assert_eq!(layout.hit_test(0.0, 0.0, 10.0, &mut measure), text.len());
}

#[test]
fn hit_test_picks_the_line_from_y() {
    let text = "abc def";
    let layout = layout_paragraph(text, &[], &LayoutOptions::new(Auto, 4.0), &mut char_width);
    let mut measure = char_width;
    assert_eq!(layout.hit_test(1.0, 15.0, 10.0, &mut measure), 5);
    assert_eq!(layout.hit_test(1.0, 150.0, 10.0, &mut measure), 5);
    assert_eq!(layout.hit_test(1.0, -5.0, 10.0, &mut measure), 1);
    assert_eq!(layout.caret_position(4, &mut measure), CaretPosition { line: 1, x: 0.0 });
}

#[test]
fn selection_of_a_logical_range_in_mixed_text_is_disjoint() {
    // RTL paragraph: "abc def" on the left, "دیپ " on the right.
    let text = "دیپ abc def";
    let layout = layout_paragraph(text, &[], &LayoutOptions::unbounded(Auto), &mut char_width);
    assert_eq!(markup(&layout), ">abc def|<دیپ ");
    let mut measure = char_width;
    // Select "پ ab": the last Persian letter, the space and "ab".
    let start = text.find('پ').unwrap();
    let rects = layout.selection_rects(start..text.find("c d").unwrap(), &mut measure);
    let spans: Vec<(f32, f32)> = rects.iter().map(|rect| (rect.x_min, rect.x_max)).collect();
    assert_eq!(spans, [(0.0, 2.0), (7.0, 9.0)]);
}

#[test]
fn selection_over_lines() {
    let text = "abc def";
    let layout = layout_paragraph(text, &[], &LayoutOptions::new(Auto, 4.0), &mut char_width);
    let rects = layout.selection_rects(2..6, &mut char_width);
    assert_eq!(
        rects,
        [SelectionRect { line: 0, x_min: 2.0, x_max: 4.0 }, SelectionRect { line: 1, x_min: 0.0, x_max: 2.0 }]
    );
}

#[test]
fn measures_each_piece_once() {
    let text = "word word word word\nword word";
    let mut calls = 0;
    let mut measure = |run: &str, _: StyleId| {
        calls += 1;
        run.chars().count() as f32
    };
    let _ = layout_paragraph(text, &[], &LayoutOptions::new(Auto, 10.0), &mut measure);
    // "word" and " " only.
    assert_eq!(calls, 2);
}

#[test]
fn caret_stops_run_left_to_right_across_directions() {
    // Visual: "abc " at x 0..4, then "دیپ" right to left at x 4..7.
    let text = "abc دیپ";
    let layout = layout_paragraph(text, &[], &LayoutOptions::unbounded(Auto), &mut char_width);
    let stops = layout.line_caret_stops(0, &mut char_width);
    let xs: Vec<f32> = stops.iter().map(|stop| stop.0).collect();
    // The space's leading edge is at 3; پ's (the last letter) at 5, د's at 7 —
    // where the end of the text also is (the paragraph's end side): two stops
    // share x = 7, in logical order.
    assert_eq!(xs, [0.0, 1.0, 2.0, 3.0, 5.0, 6.0, 7.0, 7.0]);
    assert_eq!(stops[4].1, text.len() - "پ".len());
    assert_eq!(stops[6], (7.0, text.find('د').unwrap_or(0)));
    assert_eq!(stops[7], (7.0, text.len()));
}

#[test]
fn caret_stops_skip_harakat_and_include_the_text_end_on_the_last_line() {
    let text = "بِسم";
    let layout = layout_paragraph(text, &[], &LayoutOptions::unbounded(Auto), &mut char_width);
    let offsets: Vec<usize> = layout.line_caret_stops(0, &mut char_width).iter().map(|stop| stop.1).collect();
    assert!(!offsets.contains(&"ب".len()), "no stop between ب and its kasra: {offsets:?}");
    assert!(offsets.contains(&text.len()));
    assert!(layout.line_caret_stops(5, &mut char_width).is_empty());
}
