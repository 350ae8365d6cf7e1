//! The search view, driven like a user would: Ctrl+F, typing, arrows, Enter,
//! found by accessible labels (egui_kittest, headless).

#![cfg(feature = "gui")]

use crate::common;
use crate::support;

use diplomap::address::{Address, DocumentAnchor};
use diplomap::index::search::{HitTarget, SearchFilters, SearchIndex};
use diplomap::text::Lang;
use diplomap::ui::App;
use diplomap::ui::context::model::Model;
use diplomap::ui::context::state::AppState;
use diplomap::ui::views::search::{RESULT_LIMIT, address_of_hit};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app over the corpus in `dir`, in a 1280×800 window, English interface.
fn harness_at(dir: &std::path::Path) -> Harness<'static, App> {
    let mut harness = support::window(support::app_with(dir, AppState::default()), egui::vec2(1280.0, 800.0));
    harness.run_steps(2);
    harness
}

fn current(harness: &Harness<'_, App>) -> Address {
    harness.state().state.history.current().clone()
}

/// Ctrl+F, then types `query` into the search box.
fn search_for(harness: &mut Harness<'_, App>, query: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    assert!(harness.get_by_label("Search").is_focused(), "Ctrl+F focuses the search box");
    harness.get_by_label("Search").type_text(query);
    harness.run_steps(3);
    support::wait_for_search_index(harness);
}

/// The Kalkan news item says "فعالیتهای اطلاعاتی" (Persian yeh, no ZWNJ).
const KALKAN: &str = "003_412e824fada4b61c";

#[test]
fn a_query_typed_with_arabic_yeh_finds_the_persian_passage() {
    for query in ["فعاليتهاي اطلاعاتي", "فعاليت‌هاي اطلاعاتي", "فعاليت هاي اطلاعاتي"]
    {
        let mut harness = harness_at(&common::corpus_dir());
        search_for(&mut harness, query);
        assert_eq!(current(&harness), Address::Search(query.to_string()), "the address follows the box");
        assert_eq!(harness.state().views.address_text, format!("search:{query}"));
        // The passage is on the page, its snippet in the original spelling.
        let row = harness
            .get_all_by_label_contains("فعالیتهای اطلاعاتی مرتبط با تروریسم")
            .next()
            .expect("the passage is on the page");
        row.click();
        harness.run_steps(2);
        let Address::Document { id, anchor: Some(DocumentAnchor::Offset(at)) } = current(&harness) else {
            panic!("a click on the passage opens the reader, not {:?}", current(&harness));
        };
        assert_eq!(id, KALKAN);
        let model = Model::load(&common::corpus_dir()).expect("the corpus loads");
        let text = &model.corpus.document(KALKAN).expect("the Kalkan item").text;
        assert!(text[at..].starts_with("فعالیتهای"), "opened at the hit, not at {:?}", &text[at..at + 20]);
    }
}

#[test]
fn typing_replaces_the_address_instead_of_piling_up_history() {
    let mut harness = harness_at(&common::corpus_dir());
    let start = current(&harness);
    search_for(&mut harness, "اينترپ");
    harness.get_by_label("Search").type_text("ل");
    harness.run_steps(2);
    assert_eq!(current(&harness), Address::Search("اينترپل".into()));
    assert_eq!(harness.get_by_label("Search").value().as_deref(), Some("اينترپل"));
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(current(&harness), start, "one Back leaves the search");
}

#[test]
fn arrows_move_the_selection_and_enter_opens_the_document_at_the_hit() {
    let query = "فعاليتهاي اطلاعاتي";
    let model = Model::load(&common::corpus_dir()).expect("the corpus loads");
    let index = SearchIndex::build(&model.corpus, &[]);
    let hits = index.search(&model.corpus, query, &SearchFilters::default(), RESULT_LIMIT);
    assert!(matches!(hits[1].target, HitTarget::Document { .. }), "{:?}", hits[1]);
    let expected = address_of_hit(&model, &hits[1]).expect("an address");

    let mut harness = harness_at(&common::corpus_dir());
    search_for(&mut harness, query);
    for key in [Key::ArrowDown, Key::ArrowDown, Key::ArrowUp] {
        harness.key_press(key);
        harness.run_steps(1);
    }
    assert_eq!(harness.state().views.search.selected, 1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(current(&harness), expected);
    let Address::Document { id, anchor: Some(DocumentAnchor::Offset(at)) } = &expected else { unreachable!() };
    assert_eq!(id, KALKAN);
    assert_eq!(*at, hits[1].original_range.start);
    // Back returns to the results, query and all.
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(current(&harness), Address::Search(query.into()));
    assert_eq!(harness.get_by_label("Search").value().as_deref(), Some(query));
}

#[test]
fn a_search_address_opens_the_results_page() {
    let dir = common::corpus_dir();
    let state = AppState {
        history: diplomap::ui::context::state::History::new("search:كالكان".parse().unwrap()),
        ..AppState::default()
    };
    let mut harness = support::window(support::app_with(&dir, state), egui::vec2(1280.0, 800.0));
    harness.run_steps(2);
    support::wait_for_search_index(&mut harness);
    assert_eq!(harness.get_by_label("Search").value().as_deref(), Some("كالكان"));
    // A concept hit opens the concept's page.
    harness.get_by_label_contains(": کالکان").click();
    harness.run_steps(2);
    assert_eq!(current(&harness), Address::Concept("project-kalkan".into()));
}

#[test]
fn a_saved_note_is_found_by_the_next_search() {
    let corpus = common::catalog_and_documents_copy();
    let mut harness = harness_at(corpus.path());
    search_for(&mut harness, "زیرنویس");
    harness.get_by_label("Nothing found");
    // An editor writes a note on INTERPOL and saves it (Ctrl+S).
    harness.state_mut().push(diplomap::ui::context::Command::Navigate(Address::Concept("interpol".into())));
    harness.run_steps(2);
    harness.state_mut().notes.buffer = diplomap::text::editing::EditBuffer::new("زیرنویس‌های گزارش اینترپل را ببینید.");
    harness.state_mut().notes.status = diplomap::ui::views::notes_editor::NoteStatus::Unsaved;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert_eq!(harness.state().notes.status, diplomap::ui::views::notes_editor::NoteStatus::Saved);
    search_for(&mut harness, "زيرنويس");
    harness.get_all_by_label_contains("زیرنویس‌های گزارش اینترپل").next().expect("the note's hit").click();
    harness.run_steps(2);
    assert_eq!(current(&harness), Address::Concept("interpol".into()), "a note hit opens its concept");
}

#[test]
fn a_query_longer_than_the_box_stays_on_one_line() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    let height = harness.get_by_label("Search").rect().height();
    let query = "همکاری پلیسی بین المللی در مقابله با تروریسم و جرایم سازمان یافته INTERPOL Europol ۱۴۰۲";
    search_for(&mut harness, query);
    let search_box = harness.get_by_label("Search");
    assert_eq!(search_box.rect().height(), height, "the box scrolls sideways instead of growing");
    assert_eq!(search_box.value().as_deref(), Some(query));
}

#[test]
fn the_results_page_says_it_is_indexing_until_the_index_is_built_off_the_ui_thread() {
    for (lang, indexing) in
        [(Lang::En, "Indexing for search…"), (Lang::Fa, "نمایه‌سازی برای جست‌وجو…"), (Lang::Ar, "الفهرسة للبحث…")]
    {
        let corpus = common::corpus_copy();
        let app = support::app_over(corpus.path(), "search:كالكان", lang);
        let mut harness = support::window(app, egui::vec2(1280.0, 800.0));
        harness.run_steps(1);
        assert!(harness.state().search_index.is_indexing(), "{lang:?}: the index is built in the background");
        harness.get_by_label(indexing);
        assert!(harness.query_by_label_contains(": کالکان").is_none(), "{lang:?}: no results before the index");
        support::wait_for_search_index(&mut harness);
        assert!(harness.query_by_label(indexing).is_none(), "{lang:?}: the indexing line goes");
        harness.get_by_label_contains(": کالکان");
    }
}

#[test]
fn the_index_is_built_once_per_revision_and_again_for_a_new_note_or_a_new_corpus() {
    let corpus = common::catalog_and_documents_copy();
    let mut harness = harness_at(corpus.path());
    search_for(&mut harness, "زیرنویس");
    harness.get_by_label("Nothing found");
    harness.run_steps(10);
    assert_eq!(harness.state().search_index.builds(), 1, "frames and keystrokes do not rebuild the index");

    // A note saved through the app's one note store: the notes' generation moves on.
    harness.state_mut().push(diplomap::ui::context::Command::Navigate(Address::Concept("interpol".into())));
    harness.run_steps(2);
    harness.state_mut().notes.buffer = diplomap::text::editing::EditBuffer::new("زیرنویس‌های گزارش اینترپل را ببینید.");
    harness.state_mut().notes.status = diplomap::ui::views::notes_editor::NoteStatus::Unsaved;
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    harness.run_steps(1);
    assert_eq!(current(&harness), Address::Search("زیرنویس".into()));
    assert!(harness.state().search_index.is_indexing(), "the new note is indexed again");
    support::wait_for_search_index(&mut harness);
    harness.get_all_by_label_contains("زیرنویس‌های گزارش اینترپل").next().expect("the note's hit");
    assert_eq!(harness.state().search_index.builds(), 2);

    // A corpus loaded again with a new document: a new revision, a new index.
    let word = "قاچاق‌پژوهی‌نو";
    std::fs::write(corpus.path().join("documents/zz_new.txt"), format!("گزارشی دربارهٔ {word} و اینترپل.\n")).unwrap();
    let revision = harness.state().model.as_ref().map(|model| model.revision).unwrap();
    let mut reloaded = Model::load(corpus.path()).unwrap();
    reloaded.revision = revision + 1;
    harness.state_mut().model = Ok(reloaded);
    harness.state_mut().push(diplomap::ui::context::Command::Replace(Address::Search(word.into())));
    harness.run_steps(1);
    assert!(harness.query_all_by_label_contains("گزارشی دربارهٔ").next().is_none(), "no stale index of the old corpus");
    support::wait_for_search_index(&mut harness);
    harness.get_all_by_label_contains("گزارشی دربارهٔ").next().expect("the new document's passage");
    assert_eq!(harness.state().search_index.builds(), 3);
    harness.run_steps(5);
    assert_eq!(harness.state().search_index.builds(), 3);
}
