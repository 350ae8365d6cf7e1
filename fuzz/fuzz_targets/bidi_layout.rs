//! The bidi paragraph layout with a fake measure (7 px a character): every
//! byte is in exactly one run of one line, lines in logical order; runs of a
//! line do not overlap; a caret hit-tested gives a caret at the same place.
#![no_main]

use diplomap::text::bidi_layout::{LayoutOptions, ParagraphDirection, StyleId, StyleSpan, layout_paragraph};
use libfuzzer_sys::fuzz_target;

const CHAR_WIDTH: f32 = 7.0;

fn measure(text: &str, _: StyleId) -> f32 {
    text.chars().count() as f32 * CHAR_WIDTH
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (head, rest) = data.split_at(4);
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let direction = match head[0] % 3 {
        0 => ParagraphDirection::Auto,
        1 => ParagraphDirection::Ltr,
        _ => ParagraphDirection::Rtl,
    };
    let width = if head[1] == 255 { f32::INFINITY } else { head[1] as f32 * 3.0 };
    let spans: Vec<StyleSpan> = (0..(head[2] % 4) as usize)
        .map(|i| {
            let start = (head[3] as usize * (i + 1) * 7) % (text.len() + 1);
            StyleSpan { range: start..start + (head[2] as usize % 13) + i, style: StyleId(i as u32 + 1) }
        })
        .collect();
    let layout = layout_paragraph(text, &spans, &LayoutOptions::new(direction, width), &mut measure);

    let mut owner = vec![0u8; text.len()];
    let mut expected_start = 0;
    for line in layout.lines() {
        assert_eq!(line.range.start, expected_start, "lines in logical order");
        expected_start = line.range.end;
        for run in &line.runs {
            assert!(!run.range.is_empty());
            assert!(line.range.start <= run.range.start && run.range.end <= line.range.end);
            assert!(text.is_char_boundary(run.range.start) && text.is_char_boundary(run.range.end));
            for byte in run.range.clone() {
                owner[byte] += 1;
            }
        }
        for pair in line.runs.windows(2) {
            assert!(pair[0].x + pair[0].width <= pair[1].x + 1e-2, "overlap: {line:?}");
        }
    }
    assert_eq!(expected_start, text.len());
    assert!(owner.iter().all(|&count| count == 1), "coverage: {owner:?}");

    if text.len() > 2_000 {
        return;
    }
    let mut measure = measure;
    let line_height = 20.0;
    let boundaries = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    for offset in boundaries {
        let caret = layout.caret_position(offset, &mut measure);
        let y = caret.line as f32 * line_height + line_height / 2.0;
        let hit = layout.hit_test(caret.x, y, line_height, &mut measure);
        assert!(text.is_char_boundary(hit));
        let back = layout.caret_position(hit, &mut measure);
        assert_eq!(back.line, caret.line, "offset {offset} hit {hit}");
        assert!((back.x - caret.x).abs() < 1e-2, "offset {offset} at {caret:?}, hit {hit} at {back:?}");
    }
});
