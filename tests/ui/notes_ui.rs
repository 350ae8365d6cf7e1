//! The note editor typed into as an editor would: Persian with Latin and
//! digits, the caret moved by the keys a Persian reader expects, undo, and
//! saving to the note file.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use crate::support::{app_at, copied, drag};
use diplomap::text::Lang;
use diplomap::ui::views::notes_editor::NoteStatus;

/// Focus the note editor labelled `label` and type `text` into it.
fn type_into_note(harness: &mut egui_kittest::Harness<'_, diplomap::ui::App>, label: &str, text: &str) {
    harness.get_by_role_and_label(Role::MultilineTextInput, label).focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, label).type_text(text);
    harness.run();
}

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
    type_into_note(&mut harness, "Main note", "یوروپل (Europol)");
    let node = harness.get_by_role_and_label(Role::MultilineTextInput, "Main note");
    assert_eq!(node.value().as_deref(), Some("یوروپل (Europol)"));
}

#[test]
fn selected_persian_text_is_copied_in_logical_order_and_gets_a_passage_note() {
    let (mut harness, corpus) = app_at("document:003_412e824fada4b61c", Lang::En);
    harness.run_steps(3);
    let paragraph = harness
        .get_all_by_role(Role::Paragraph)
        .find(|node| node.accesskit_node().label().is_some_and(|label| label.contains("کالکان")))
        .expect("a Persian paragraph about Kalkan");
    let text = paragraph.accesskit_node().label().unwrap_or_default().to_string();
    let rect = paragraph.rect();
    // A Persian paragraph starts at the right: drag from its right edge leftwards.
    let y = rect.top() + 8.0;
    drag(&mut harness, egui::pos2(rect.right() - 16.0, y), egui::pos2(rect.right() - 170.0, y));
    assert!(harness.query_all_by_label_contains("Note on the selection").next().is_some(), "the drag selected text");
    harness.event(egui::Event::Copy);
    harness.step();
    let copy = copied(&harness).expect("Ctrl+C copies the selection");
    assert!(copy.chars().count() > 5, "{copy:?}");
    // Logical order: the copy is a piece of the paragraph's text as stored, from near its start
    // (the right edge), whatever order the runs are painted in.
    let at = text.find(&copy).unwrap_or_else(|| panic!("{copy:?} is a logical substring of {text:?}"));
    assert!(at < 20, "the selection starts near the paragraph's start, at {at}");

    // The selection offers a note for the concepts it mentions; one click makes it.
    harness
        .get_all_by_role(Role::Button)
        .find(|node| node.accesskit_node().label().is_some_and(|l| l.starts_with("+ ")))
        .expect("a concept to note for")
        .click();
    harness.run_steps(2);
    let target = harness.state().notes.target().cloned().expect("the new note is open");
    assert!(target.note.is_some());
    let editor = harness.get_by_role_and_label(Role::MultilineTextInput, "Note on this passage");
    editor.focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Note on this passage").type_text("منبع: گزارش ۲۰۲۱");
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert_eq!(harness.state().notes.status, NoteStatus::Saved);
    let file = corpus.path().join("notes").join(format!("{}.ron", target.concept));
    let saved = std::fs::read_to_string(file).expect("the concept's note file");
    assert!(saved.contains("منبع: گزارش ۲۰۲۱") && saved.contains(&format!("quote: \"{copy}\"")), "{saved}");

    // Closed, it is a row under its paragraph; the concept page lists it and opens it back here.
    harness.get_by_label("Close").click();
    harness.run_steps(2);
    assert!(harness.query_all_by_label_contains("منبع: گزارش ۲۰۲۱").next().is_some());
    harness.state_mut().push(diplomap::ui::context::Command::Navigate(
        format!("concept:{}", target.concept).parse().expect("address"),
    ));
    harness.run_steps(2);
    harness.get_all_by_label_contains("منبع: گزارش ۲۰۲۱").next().expect("listed on the concept page").click();
    harness.run_steps(3);
    assert!(matches!(crate::support::current(&harness), diplomap::address::Address::Document { .. }));
    assert_eq!(harness.state().notes.target(), Some(&target));
}

#[test]
fn the_find_box_takes_a_query_typed_with_arabic_letters_and_enter_goes_to_the_next_hit() {
    let (mut harness, _corpus) = app_at("document:003_412e824fada4b61c", Lang::En);
    harness.run_steps(2);
    harness.get_by_role_and_label(Role::TextInput, "Find in document").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("كالكان");
    harness.run_steps(2);
    let first = crate::support::find_counter(&harness).expect("a hit counter");
    assert!(first.starts_with("1/") && first != "1/1", "{first}: Kalkan appears several times");
    harness.key_press(Key::Enter);
    harness.run_steps(2);
    assert!(crate::support::find_counter(&harness).is_some_and(|label| label.starts_with("2/")));
    assert_eq!(harness.get_by_role_and_label(Role::TextInput, "Find in document").value().as_deref(), Some("كالكان"));
}

#[test]
fn a_note_changed_on_disk_while_typing_is_never_saved_over_without_asking() {
    let (mut harness, corpus) = app_at("concept:interpol", Lang::En);
    harness.run();
    type_into_note(&mut harness, "Main note", "mine");
    // Another program (or `diplomap note set`) writes the same note meanwhile.
    let notes_dir = corpus.path().join("notes");
    diplomap::notes::NoteStore::open(&notes_dir).set_main("interpol", "theirs").expect("the other write");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert_eq!(harness.state().notes.status, NoteStatus::Conflict);
    let on_disk = || diplomap::notes::NoteStore::open(&notes_dir).get_main("interpol").expect("readable");
    assert_eq!(on_disk().as_deref(), Some("theirs"), "not overwritten");
    harness.get_by_label("Keep mine").click();
    harness.run_steps(2);
    assert_eq!(on_disk().as_deref(), Some("mine"));
    assert_eq!(harness.state().notes.status, NoteStatus::Saved);
}

/// The events a fast typist sends in one frame: each letter's key pressed,
/// its text, keys released late and out of order (the next key pressed
/// while the last is held), a ZWNJ from Shift+Space, and letters an input
/// method composes (pre-edit, then commit, then the empty pre-edit some
/// systems repeat).
fn fast_typing_events(text: &str) -> Vec<egui::Event> {
    let key = |key: Key, pressed: bool, modifiers: Modifiers| egui::Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers,
    };
    let physical = [Key::A, Key::S, Key::D, Key::F, Key::G, Key::H, Key::J, Key::K];
    let mut events = Vec::new();
    let mut held: Vec<Key> = Vec::new();
    for (i, c) in text.chars().enumerate() {
        let k = if c == ' ' || c == '\u{200C}' { Key::Space } else { physical[i % physical.len()] };
        let shift = if c == '\u{200C}' { Modifiers::SHIFT } else { Modifiers::NONE };
        if i % 5 == 4 {
            // An input method's turn: the letter is composed, then committed.
            events.push(egui::Event::Ime(egui::ImeEvent::Preedit { text: c.to_string(), active_range_chars: None }));
            events.push(egui::Event::Ime(egui::ImeEvent::Preedit { text: String::new(), active_range_chars: None }));
            events.push(egui::Event::Ime(egui::ImeEvent::Commit(c.to_string())));
            events.push(egui::Event::Ime(egui::ImeEvent::Preedit { text: String::new(), active_range_chars: None }));
            continue;
        }
        events.push(key(k, true, shift));
        events.push(egui::Event::Text(c.to_string()));
        held.push(k);
        if held.len() == 2 {
            // Released in the order pressed, after the next key went down.
            for k in held.drain(..) {
                events.push(key(k, false, Modifiers::NONE));
            }
        }
    }
    for k in held {
        events.push(key(k, false, Modifiers::NONE));
    }
    events
}

#[test]
fn fast_typing_with_keys_held_and_an_input_method_loses_no_letter_and_doubles_none() {
    let (mut harness, _corpus) = app_at("concept:interpol", Lang::Fa);
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "یادداشت اصلی").focus();
    harness.run();
    let sentence = "در این نشست، کارشناسان پلیس می\u{200C}گویند که INTERPOL در ۲۰۲۱ با ۱۹۵ عضو کار کرد.";
    // Two sentences a frame, as when a frame is slow.
    for _ in 0..3 {
        for event in fast_typing_events(sentence).into_iter().chain(fast_typing_events(" ")) {
            harness.event(event);
        }
        harness.step();
    }
    harness.run();
    let expected = format!("{sentence} ").repeat(3);
    assert_eq!(text(&harness), expected);
    assert_eq!(caret(&harness), expected.len());
}
