//! Selecting read-only text with the mouse across paragraphs: in the reader
//! a drag runs on over the next paragraphs, in the compare view down one
//! column; Ctrl+C copies the logical text, one paragraph a line.

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::support::{app_at, copied, drag};
use diplomap::text::Lang;

/// The text and place of every paragraph on screen, in drawing order.
fn shown_paragraphs(harness: &egui_kittest::Harness<'_, diplomap::ui::App>) -> Vec<(String, egui::Rect)> {
    harness
        .get_all_by_role(Role::Paragraph)
        .filter_map(|node| Some((node.accesskit_node().label()?.to_string(), node.rect())))
        .collect()
}

#[test]
fn a_drag_over_two_paragraphs_selects_across_them_and_copies_both_pieces_in_logical_order() {
    let (mut harness, _corpus) = app_at("document:003_412e824fada4b61c", Lang::En);
    harness.run_steps(3);
    let paragraphs = shown_paragraphs(&harness);
    let first = paragraphs.iter().position(|(text, _)| text.starts_with("به گزارش اینترپل")).expect("the news body");
    let ((text, rect), (next_text, next_rect)) = (&paragraphs[first], &paragraphs[first + 1]);
    // From near the first paragraph's start (its right edge) down into the next one.
    let from = egui::pos2(rect.right() - 16.0, rect.top() + 8.0);
    let to = egui::pos2(next_rect.center().x, next_rect.top() + 8.0);
    drag(&mut harness, from, to);
    let bars = harness.query_all_by_label_contains("Note on the selection").count();
    assert_eq!(bars, 1, "one selection, one note bar under its end");
    harness.event(egui::Event::Copy);
    harness.step();
    let copy = copied(&harness).expect("Ctrl+C copies the selection");
    let (head, tail) = copy.split_once('\n').unwrap_or_else(|| panic!("two pieces: {copy:?}"));
    assert!(
        text.ends_with(head) && text.len() - head.len() < 20,
        "{head:?} is the first paragraph from near its start"
    );
    assert!(next_text.starts_with(tail) && !tail.is_empty(), "{tail:?} is the start of the next paragraph");

    // A plain click anywhere in the text clears it.
    harness.get_by_label(next_text.as_str()).click();
    harness.run();
    assert_eq!(harness.query_all_by_label_contains("Note on the selection").count(), 0);
}

#[test]
fn in_the_compare_view_a_drag_runs_down_one_column_only() {
    let (mut harness, _corpus) = app_at("compare:000_d179677d1f4e20a5", Lang::En);
    harness.run_steps(3);
    let persian: Vec<_> = shown_paragraphs(&harness).into_iter().filter(|(text, _)| text.contains('ی')).collect();
    assert!(persian.len() >= 2, "the Persian abstract has several rows");
    let ((text, rect), (next_text, next_rect)) = (&persian[0], &persian[1]);
    let from = egui::pos2(rect.right() - 4.0, rect.top() + 8.0);
    let to = egui::pos2(next_rect.center().x, next_rect.top() + 8.0);
    drag(&mut harness, from, to);
    harness.event(egui::Event::Copy);
    harness.step();
    let copy = copied(&harness).expect("Ctrl+C copies the selection");
    let (head, tail) = copy.split_once('\n').unwrap_or_else(|| panic!("two pieces: {copy:?}"));
    assert!(text.ends_with(head) && text.len() - head.len() < 12, "{head:?} is the first row from its start");
    assert!(next_text.starts_with(tail) && !tail.is_empty(), "{tail:?} is the start of the next Persian row");
    assert!(!copy.is_ascii() && !copy.contains("diplomacy"), "nothing of the English column: {copy:?}");
}

#[test]
fn ctrl_a_in_the_reader_selects_the_whole_document_and_copies_it_paragraph_by_paragraph() {
    let (mut harness, _corpus) = app_at("document:003_412e824fada4b61c", Lang::En);
    harness.run_steps(3);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    harness.event(egui::Event::Copy);
    harness.step();
    let copy = copied(&harness).expect("Ctrl+C copies the selection");
    let Ok(model) = &harness.state().model else { panic!("the corpus loads") };
    let document = model.corpus.documents.iter().find(|d| d.id == "003_412e824fada4b61c").expect("the news item");
    let lines: Vec<&str> = copy.lines().collect();
    assert!(lines.len() > 10 && lines.iter().any(|line| line.starts_with("به گزارش اینترپل")), "{copy:?}");
    // Every paragraph of the file, in order, each on its own line.
    let mut at = 0;
    for line in &lines {
        let found = document.text[at..].find(line).unwrap_or_else(|| panic!("{line:?} comes next in the file"));
        at += found + line.len();
    }
    assert!(document.text[at..].trim().is_empty(), "down to the end of the document");
    let paragraphs = document.text.split('\n').filter(|line| !line.trim().is_empty()).count();
    assert_eq!(lines.len(), paragraphs);
}

/// The painted glyphs (char, screen rect) of the galleys whose text starts
/// with `prefix`, left to right (the zero-width ones egui adds after a
/// right-to-left run left out).
fn painted_glyphs(harness: &egui_kittest::Harness<'_, diplomap::ui::App>, prefix: &str) -> Vec<(char, egui::Rect)> {
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        let egui::Shape::Text(text) = &clipped.shape else { continue };
        if !text.galley.text().starts_with(prefix) {
            continue;
        }
        for row in &text.galley.rows {
            for glyph in row.glyphs.iter().filter(|g| g.advance_width > 0.0) {
                let min = text.pos + row.pos.to_vec2() + egui::vec2(glyph.pos.x, 0.0);
                out.push((glyph.chr, egui::Rect::from_min_size(min, egui::vec2(glyph.advance_width, row.size.y))));
            }
        }
    }
    out
}

/// Drags over the Persian paragraph of the Kalkan news item from `from_x` to
/// `to_x` on its first line and returns (the paragraph's text, the copy).
fn select_in_kalkan_paragraph(
    harness: &mut egui_kittest::Harness<'_, diplomap::ui::App>,
    from_x: f32,
    to_x: f32,
) -> (String, String) {
    let (text, rect) = shown_paragraphs(harness)
        .into_iter()
        .find(|(text, _)| text.starts_with("اجرای سازوکارهای"))
        .expect("the Kalkan paragraph");
    let y = rect.top() + 8.0;
    drag(harness, egui::pos2(from_x, y), egui::pos2(to_x, y));
    harness.event(egui::Event::Copy);
    harness.step();
    let copy = copied(harness).unwrap_or_default();
    harness.get_by_label(text.as_str()).click();
    harness.run();
    (text, copy)
}

#[test]
fn a_press_inside_a_persian_letter_near_its_edge_selects_from_that_letter_not_its_neighbour() {
    // Letters of a word are narrower joined than alone: the boundaries the
    // pointer is tested against are the ones painted, cut inside words too.
    let (mut harness, _corpus) = app_at("document:003_412e824fada4b61c", Lang::Fa);
    harness.run_steps(3);
    let run = "اجرای سازوکارهای عملی ";
    let glyphs = painted_glyphs(&harness, run);
    assert_eq!(glyphs.len(), run.chars().count(), "one glyph a letter, painted right to left");
    let left_end = glyphs[0].1.left() - 200.0;
    for (k, (letter, rect)) in glyphs.iter().enumerate() {
        // The k-th glyph from the left is the letter at this char index.
        let index = glyphs.len() - 1 - k;
        assert_eq!(run.chars().nth(index), Some(*letter));
        for (x, starts_at) in [(rect.right() - 0.8, index), (rect.left() + 0.8, index + 1)] {
            let (text, copy) = select_in_kalkan_paragraph(&mut harness, x, left_end);
            let expected: usize = run.chars().take(starts_at).map(char::len_utf8).sum();
            assert!(
                text[expected..].starts_with(&copy) && !copy.is_empty(),
                "a press at {x} on {letter:?} ({:.1}..{:.1}) selects {copy:?}, not from char {starts_at}",
                rect.left(),
                rect.right()
            );
        }
    }
}

#[test]
fn a_passage_note_quotes_exactly_the_letters_selected() {
    let (mut harness, corpus) = app_at("document:003_412e824fada4b61c", Lang::Fa);
    harness.run_steps(3);
    let glyphs = painted_glyphs(&harness, "اجرای سازوکارهای عملی ");
    // From the right edge of «ا» to the left edge of «ی» of «سازوکارهای».
    let (first, last) = (glyphs[glyphs.len() - 1].1, glyphs[6].1);
    assert_eq!(glyphs[6].0, 'ی');
    let (text, rect) = shown_paragraphs(&harness)
        .into_iter()
        .find(|(text, _)| text.starts_with("اجرای سازوکارهای"))
        .expect("the Kalkan paragraph");
    let y = rect.top() + 8.0;
    drag(&mut harness, egui::pos2(first.right() - 0.5, y), egui::pos2(last.left() + 0.5, y));
    harness
        .get_all_by_role(Role::Button)
        .find(|node| node.accesskit_node().label().is_some_and(|l| l.starts_with("+ ")))
        .expect("a concept to note for")
        .click();
    harness.run_steps(2);
    let target = harness.state().notes.target().cloned().expect("the new note is open");
    let file = corpus.path().join("notes").join(format!("{}.ron", target.concept));
    let saved = std::fs::read_to_string(file).expect("the concept's note file");
    assert!(text.starts_with("اجرای سازوکارهای"));
    assert!(saved.contains("quote: \"اجرای سازوکارهای\""), "{saved}");
}
