//! The side panels keep their size: whatever a view or a panel's content
//! shows (here: names far wider than a panel, with no place to break), the
//! concept list and the detail panel open at their default widths and stay
//! there, in a left-to-right and in a mirrored (fa, ar) interface. The
//! window shows which corpus files could not be read.

#![cfg(feature = "gui")]

use crate::common;
use crate::support;

use diplomap::text::Lang;
use diplomap::ui::App;
use diplomap::ui::context::state::AppState;
use diplomap::ui::shell::side_panel;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A name with no break opportunity, wider than any side panel.
const LONG_EN: &str = "PoliceDiplomacyAcrossBordersThroughRegionalOrganisationsAndTheirLiaisonOfficers";
const LONG_FA: &str = "دیپلماسی‌پلیسی‌فرامرزی‌از‌راه‌سازمان‌های‌منطقه‌ای‌و‌افسران‌رابط‌آن‌ها‌در‌سراسر‌جهان";

/// The bundled corpus with police diplomacy and the Kalkan news item renamed to [`LONG_EN`]/[`LONG_FA`].
fn corpus_with_long_names() -> tempfile::TempDir {
    let corpus = common::corpus_copy();
    let replace = |file: &str, from: &str, to: &str| {
        let path = corpus.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read corpus file");
        assert!(text.contains(from), "{file} holds {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write corpus file");
    };
    replace("concepts.ron", "en: \"police diplomacy\"", &format!("en: \"{LONG_EN}\""));
    replace("concepts.ron", "fa: \"دیپلماسی پلیسی\"", &format!("fa: \"{LONG_FA}\""));
    let news = "documents/003_412e824fada4b61c.ron";
    replace(news, "INTERPOL's role in countering terrorism: project Kalkan meets in Tehran", LONG_EN);
    replace(news, "نقش اینترپل در مقابله با تروریسم", LONG_FA);
    corpus
}

fn app_at(corpus: &std::path::Path, address: &str, lang: Lang) -> Harness<'static, App> {
    app_sized(corpus, address, lang, egui::vec2(1280.0, 800.0))
}

fn app_sized(corpus: &std::path::Path, address: &str, lang: Lang, size: egui::Vec2) -> Harness<'static, App> {
    let mut state = AppState { ui_lang: lang, selected: Some("police-diplomacy".into()), ..AppState::default() };
    state.history.visit(address.parse().expect("a valid address"));
    support::window(support::app_with(corpus, state), size)
}

/// The outer widths of the concept list and of the detail panel (if shown).
fn panel_widths(harness: &Harness<'_, App>) -> (f32, Option<f32>) {
    let panels = harness.state().views.panels;
    let list = panels.list.expect("the concept list is shown").width();
    (list, panels.detail.map(|rect| rect.width()))
}

#[test]
fn side_panels_keep_their_default_width_whatever_they_show() {
    let corpus = corpus_with_long_names();
    for lang in [Lang::En, Lang::Fa, Lang::Ar] {
        for address in [
            "document:003_412e824fada4b61c",
            "concept:police-diplomacy",
            "compare:000_d179677d1f4e20a5",
            "map?focus=police-diplomacy&depth=1",
            "search:police",
        ] {
            let mut harness = app_at(corpus.path(), address, lang);
            harness.run_steps(20);
            let (list, detail) = panel_widths(&harness);
            assert_eq!(list, side_panel::LIST_WIDTH, "{lang:?} {address}: concept list width");
            if let Some(detail) = detail {
                assert_eq!(detail, side_panel::DETAIL_WIDTH, "{lang:?} {address}: detail panel width");
            }
            // The long name is shown (wrapped or clipped), not dropped.
            assert!(harness.query_all_by_label_contains(&LONG_EN[..20]).next().is_some() || lang != Lang::En);
        }
    }
}

#[test]
fn in_a_narrow_window_the_panels_open_narrower_and_leave_the_view_most_of_the_room() {
    let corpus = common::corpus_copy();
    for lang in [Lang::En, Lang::Fa] {
        let mut harness = app_sized(corpus.path(), "document:003_412e824fada4b61c", lang, egui::vec2(800.0, 600.0));
        harness.run_steps(20);
        let (list, detail) = panel_widths(&harness);
        let detail = detail.expect("the reader shows the detail panel");
        assert!(list < side_panel::LIST_WIDTH && detail < side_panel::DETAIL_WIDTH, "{lang:?}: {list} {detail}");
        assert!(800.0 - list - detail >= 400.0, "{lang:?}: the reader keeps {} px", 800.0 - list - detail);
    }
}

/// A document whose metadata does not parse is left out, and the window says
/// which file, where, and what is wrong; the file itself is not touched.
#[test]
fn a_broken_document_file_is_reported_in_the_window_with_its_place() {
    let corpus = common::corpus_copy();
    let meta = corpus.path().join("documents/003_412e824fada4b61c.ron");
    let text = std::fs::read_to_string(&meta).expect("read metadata");
    let broken = text.replacen("languages: [Fa],", "languages: [Fa", 1);
    std::fs::write(&meta, &broken).expect("write metadata");
    let mut harness = app_at(corpus.path(), "concept:police-diplomacy", Lang::En);
    harness.run();
    harness.get_by_label_contains("left out of the corpus");
    harness.get_by_label("Show").click();
    harness.run();
    let place = format!("{}:9:5:", meta.display());
    harness.get_by_label_contains(&place);
    assert_eq!(std::fs::read_to_string(&meta).expect("read metadata"), broken, "the file is left as it was");
}

#[test]
fn a_group_of_the_concept_list_folds_and_its_header_stands_on_the_start_side() {
    let corpus = common::corpus_copy();
    let mut harness = app_at(corpus.path(), "concept:police-diplomacy", Lang::Fa);
    harness.run_steps(3);
    let header = harness.get_by_label("تهدیدها").rect();
    let list = harness.state().views.panels.list.expect("the concept list is shown");
    assert!(list.right() - header.right() < 20.0, "in Persian the header is flush right: {header:?} in {list:?}");
    assert!(harness.query_by_label("تروریسم (۱۹)").is_some());
    harness.get_by_label("تهدیدها").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("تروریسم (۱۹)").is_none(), "folded: its rows are gone");
    harness.get_by_label("تهدیدها").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("تروریسم (۱۹)").is_some(), "and back");
}

/// The first line of the national-security paper's abstract, read back.
const ABSTRACT_READ_BACK: &str = "موضوع اصلی مقاله بررسی این مسئله است که بین حکمرانی امنیت ملی و سیاست خارجی چه";

/// The national-security paper in a 1280×900 window, its interface in
/// `lang`, once the repair (run off the UI thread) has read its abstract back.
fn damaged_paper_read_back(lang: Lang) -> (egui_kittest::Harness<'static, diplomap::ui::App>, tempfile::TempDir) {
    let corpus = common::corpus_copy();
    let app = support::app_over(corpus.path(), "document:002_e0ff0a2344230e73", lang);
    let mut harness = support::window(app, egui::vec2(1280.0, 900.0));
    harness.run_steps(1);
    let (within, pause) = (std::time::Duration::from_secs(120), std::time::Duration::from_millis(20));
    support::run_until(&mut harness, within, pause, "the abstract was not read back", |h| {
        h.query_by_label_contains(ABSTRACT_READ_BACK).is_some()
    });
    (harness, corpus)
}

/// The national-security paper's abstract, damaged by its PDF, is read in
/// Persian: each line the repair read back is shown in its reading order
/// once the repair (run off the UI thread) is done; Ctrl+Shift+O shows the
/// lines as stored, and back.
#[test]
fn the_reader_shows_pdf_damaged_lines_read_back_and_the_stored_ones_one_key_away() {
    let (mut harness, _corpus) = damaged_paper_read_back(Lang::Fa);
    let read_back = ABSTRACT_READ_BACK;
    let stored = "یموضوع اصل";
    assert!(harness.query_by_label_contains(stored).is_none(), "the damaged line is not shown as well");
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::O);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains(stored).is_some(), "the line as stored");
    assert!(harness.query_by_label_contains(read_back).is_none());
    harness.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::O);
    harness.run_steps(3);
    assert!(harness.query_by_label_contains(read_back).is_some(), "read back again");
}

/// Find in a document searches the text as shown: a phrase the damage cut
/// apart («اصلی مقاله» stands nowhere in the stored 002_) is found in the
/// lines read back, and not once the lines are shown as stored.
#[test]
fn find_in_a_damaged_document_searches_the_lines_as_read_back() {
    use egui::accesskit::Role;
    let (mut harness, _corpus) = damaged_paper_read_back(Lang::En);
    harness.get_by_role_and_label(Role::TextInput, "Find in document").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find in document").type_text("اصلی مقاله");
    harness.run_steps(3);
    assert_eq!(support::find_counter(&harness).as_deref(), Some("1/1"), "found in the line read back");
    // The find box has the keyboard: the toolbar's button shows the lines as stored.
    harness.get_by(support::labelled(|label| label.ends_with("(Ctrl+Shift+O)"))).click();
    harness.run_steps(3);
    assert_eq!(support::find_counter(&harness).as_deref(), Some("0/0"), "not in the lines as stored");
}
