//! The note editor typed into as an editor would: Persian with Latin and
//! digits, the caret moved by the keys a Persian reader expects, undo, and
//! saving to the note file.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::support::app_at;
use diplomap::text::Lang;
use diplomap::ui::notes_editor::NoteStatus;

fn caret(harness: &egui_kittest::Harness<'_, diplomap::ui::App>) -> usize {
    harness.state().notes.buffer.caret()
}

fn text(harness: &egui_kittest::Harness<'_, diplomap::ui::App>) -> String {
    harness.state().notes.buffer.text().to_owned()
}

#[test]
fn a_persian_note_is_typed_moved_through_undone_and_saved() {
    let (mut harness, corpus) = app_at("concept:interpol", Lang::Fa);
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "یادداشت اصلی").focus();
    harness.run();
    for piece in ["همکاری ", "INTERPOL", " در ", "۱۴۰۲"] {
        harness.get_by_role_and_label(Role::MultilineTextInput, "یادداشت اصلی").type_text(piece);
        harness.run();
    }
    assert_eq!(text(&harness), "همکاری INTERPOL در ۱۴۰۲");
    assert_eq!(harness.state().notes.status, NoteStatus::Unsaved);

    // Home goes to the start of the line: the right edge of a Persian line.
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(caret(&harness), 0);
    // ← in a Persian line goes left, which is forward in reading order.
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(caret(&harness), "ه".len());
    // Ctrl+→ jumps a word in reading order: backwards, to the line start.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowRight);
    harness.run();
    assert_eq!(caret(&harness), 0);
    // Inside the Latin word the arrows are visual too: → goes on through INTERPOL.
    let interpol = "همکاری ".len();
    harness.state_mut().notes.buffer.set_caret(interpol + 1, false);
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(caret(&harness), interpol + 2);

    // Ctrl+Backspace at the end removes the year; Ctrl+Z brings it back.
    harness.key_press(Key::End);
    harness.run();
    assert_eq!(caret(&harness), text(&harness).len());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Backspace);
    harness.run();
    assert_eq!(text(&harness), "همکاری INTERPOL در ");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(text(&harness), "همکاری INTERPOL در ۱۴۰۲");

    // A second line in English is laid out left to right under the Persian one.
    harness.key_press(Key::Enter);
    harness.get_by_role_and_label(Role::MultilineTextInput, "یادداشت اصلی").type_text("see p. 12");
    harness.run();
    assert_eq!(text(&harness), "همکاری INTERPOL در ۱۴۰۲\nsee p. 12");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert_eq!(harness.state().notes.status, NoteStatus::Saved);
    let saved = std::fs::read_to_string(corpus.path().join("notes").join("interpol.ron")).expect("the note file");
    assert!(saved.contains("همکاری INTERPOL در ۱۴۰۲\nsee p. 12"), "{saved}");
}

#[test]
fn the_note_editor_is_a_labelled_text_input_holding_the_note() {
    let (mut harness, _corpus) = app_at("concept:europol", Lang::En);
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Main note").focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Main note").type_text("یوروپل (Europol)");
    harness.run();
    let node = harness.get_by_role_and_label(Role::MultilineTextInput, "Main note");
    assert_eq!(node.value().as_deref(), Some("یوروپل (Europol)"));
}
