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
