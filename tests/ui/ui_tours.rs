//! Tours in the window, driven like a teacher would (egui_kittest, headless):
//! open a tour, play it from the keyboard (F5, →, Space, PageDown, PageUp,
//! Home, End, B, Esc), edit its steps, record the map view, create a tour.

#![cfg(feature = "gui")]

use crate::common;
use crate::support;

use std::path::Path;

use diplomap::address::Address;
use diplomap::ui::App;
use diplomap::ui::context::Command;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app over the corpus in `dir`, opened at `address`, English interface.
fn harness_at(dir: &Path, address: &str) -> Harness<'static, App> {
    let mut harness =
        support::window(support::app_over(dir, address, diplomap::text::Lang::En), egui::vec2(1280.0, 800.0));
    harness.run_steps(2);
    harness
}

fn press(harness: &mut Harness<'_, App>, key: Key) {
    harness.key_press(key);
    harness.run_steps(2);
}

fn presenting(harness: &Harness<'_, App>) -> bool {
    harness.state().views.presenter.is_some()
}

fn step_on_screen(harness: &Harness<'_, App>, number: usize) {
    harness.get_by_label_contains(&format!("step {number} of 10"));
}

fn saved_steps(dir: &Path, id: &str) -> Vec<diplomap::tours::TourStep> {
    diplomap::tours::load(&dir.join("tours").join(format!("{id}.ron"))).unwrap().steps
}

#[test]
fn a_tour_is_played_from_the_keyboard() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy");
    assert!(!presenting(&harness));
    press(&mut harness, Key::F5);
    assert!(presenting(&harness), "F5 starts presenting");
    step_on_screen(&harness, 1);
    for (key, expected) in [
        (Key::ArrowRight, 2),
        (Key::Space, 3),
        (Key::PageDown, 4),
        (Key::PageUp, 3),
        (Key::ArrowLeft, 2),
        (Key::End, 10),
        (Key::ArrowRight, 10),
        (Key::Home, 1),
        (Key::PageUp, 1),
    ] {
        press(&mut harness, key);
        assert_eq!(harness.state().views.presenter.as_ref().unwrap().step + 1, expected, "after {key:?}");
        step_on_screen(&harness, expected);
    }
    press(&mut harness, Key::B);
    assert!(harness.state().views.presenter.as_ref().unwrap().black);
    harness.get_by_label("black screen");
    press(&mut harness, Key::B);
    step_on_screen(&harness, 1);
    press(&mut harness, Key::ArrowRight);
    press(&mut harness, Key::ArrowRight);
    assert_eq!(harness.state().state.history.current(), &"tour:police-diplomacy:3".parse::<Address>().unwrap());
    press(&mut harness, Key::Escape);
    assert!(!presenting(&harness), "Esc leaves");
    let current = harness.state().state.history.current().clone();
    assert_eq!(current, "tour:police-diplomacy:3".parse::<Address>().unwrap(), "on the step the class last saw");
    harness.run();
    assert_eq!(harness.state().views.tours.selected, 2, "and the tour's step list selects it");
}

#[test]
fn the_map_moves_smoothly_between_steps() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:4");
    press(&mut harness, Key::F5);
    step_on_screen(&harness, 4);
    press(&mut harness, Key::ArrowRight);
    assert!(harness.state().views.presenter.as_ref().unwrap().is_moving(), "a transition runs after a step key");
    harness.run_steps(200);
    assert!(!harness.state().views.presenter.as_ref().unwrap().is_moving(), "and ends");
}

#[test]
fn captions_are_shown_in_the_interface_language() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");
    harness.state_mut().push(Command::SetUiLang(diplomap::text::Lang::Fa));
    harness.run_steps(2);
    press(&mut harness, Key::F5);
    harness.get_by_label_contains("گام ۲ از ۱۰");
    let caption = &saved_steps(dir.path(), "police-diplomacy")[1].caption.fa;
    assert!(harness.query_all_by_label(caption).next().is_some(), "the caption is on screen, as one label");
}

#[test]
fn steps_are_duplicated_moved_deleted_and_undone_and_saved_at_once() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy");
    let original = saved_steps(dir.path(), "police-diplomacy");
    harness.get_by_label("Duplicate step 2").click();
    harness.run_steps(2);
    let steps = saved_steps(dir.path(), "police-diplomacy");
    assert_eq!(steps.len(), 11);
    assert_eq!(steps[1], steps[2]);
    harness.get_by_label("Move step down 1").click();
    harness.run_steps(2);
    let steps = saved_steps(dir.path(), "police-diplomacy");
    assert_eq!(steps[1], original[0], "step 1 moved down");
    harness.get_by_label("Delete step 2").click();
    harness.run_steps(2);
    assert_eq!(saved_steps(dir.path(), "police-diplomacy").len(), 10);
    for _ in 0..3 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run_steps(2);
    }
    assert_eq!(saved_steps(dir.path(), "police-diplomacy"), original, "three undos restore the tour");
}

#[test]
fn a_caption_is_edited_and_saved() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:3");
    harness.get_by_label("Caption (en)").click();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Caption (en)").type_text("Threats police diplomacy answers.");
    harness.run_steps(2);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    let steps = saved_steps(dir.path(), "police-diplomacy");
    assert!(steps[2].caption.en.contains("Threats police diplomacy answers."), "{:?}", steps[2].caption.en);
}

#[test]
fn the_map_view_is_recorded_into_a_new_tour() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy");
    harness.get_by_label("Id of the new tour (kebab-case)").click();
    harness.get_by_label("Id of the new tour (kebab-case)").type_text("city-tour");
    harness.get_by_label("New tour").click();
    harness.run_steps(2);
    assert_eq!(harness.state().state.history.current(), &"tour:city-tour".parse::<Address>().unwrap());
    assert!(dir.path().join("tours/city-tour.ron").exists());
    harness.state_mut().push(Command::Navigate("map?focus=city-diplomacy&depth=1".parse().unwrap()));
    harness.run_steps(2);
    harness.state_mut().views.map.settle(5000);
    harness.run_steps(3);
    // The camera as the map is shown when the step is recorded (after it, the
    // line saying "step added" takes a strip of the canvas, and the map,
    // fitting itself to the view, may zoom).
    let camera = harness.state().views.map.full_camera();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run_steps(2);
    let steps = saved_steps(dir.path(), "city-tour");
    assert_eq!(steps.len(), 1, "Ctrl+Shift+N on the map adds a step");
    assert_eq!(steps[0].focus.as_ref().map(|f| f.concept.as_str()), Some("city-diplomacy"));
    // The camera is saved as the rectangle of the map on screen, so the step
    // frames the same in a presenter's window of any size.
    let saved = steps[0].camera.expect("the camera is recorded");
    let shown = camera.viewport / camera.zoom;
    let (width, height) = saved.world_size();
    assert!((width - shown.x).abs() < 1e-2 && (height - shown.y).abs() < 1e-2, "{saved:?} vs {shown:?}");
    assert!(saved.zoom.is_none());
    for size in [(1280.0, 800.0), (800.0, 600.0)] {
        let viewport = diplomap::graph::Vec2::new(size.0, size.1);
        let framed = diplomap::export::view::framed_camera(&saved, viewport).visible_world();
        assert!(framed.size().x >= width - 0.01 && framed.size().y >= height - 0.01, "all of it in view at {size:?}");
    }
}

#[test]
fn a_tour_is_exported_from_the_window() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");
    harness.get_by_label("Export step").click();
    harness.run_steps(2);
    let exports = support::exports_of(dir.path());
    assert!(exports.join("police-diplomacy-step-2.svg").exists());
    assert!(exports.join("police-diplomacy-step-2.png").exists());
    harness.get_by_label_contains("Exported to");
}

#[test]
fn typing_in_the_concept_filter_does_not_touch_the_tour() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");
    let original = saved_steps(dir.path(), "police-diplomacy");
    harness.get_by_label("Filter concepts").focus();
    harness.run_steps(1);
    harness.get_by_label("Filter concepts").type_text("پلیس");
    for key in [Key::Delete, Key::Backspace, Key::F5, Key::ArrowDown] {
        harness.key_press(key);
        harness.run_steps(1);
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run_steps(2);
    assert_eq!(saved_steps(dir.path(), "police-diplomacy"), original, "no step deleted or duplicated");
    assert!(harness.state().views.presenter.is_none(), "F5 typed in a field does not start presenting");
    assert_eq!(harness.get_by_label("Filter concepts").value().as_deref(), Some("پلی"));
}

#[test]
fn selecting_a_step_updates_the_address_and_history() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy");
    let current = |h: &Harness<'_, App>| h.state().state.history.current().to_string();
    harness.get_by_label("Select step 3").click();
    harness.run_steps(2);
    assert_eq!(current(&harness), "tour:police-diplomacy:3");
    assert_eq!(harness.state().views.tours.selected, 2);
    press(&mut harness, Key::ArrowDown);
    assert_eq!(current(&harness), "tour:police-diplomacy:4", "↓ selects the next step and its address");
    assert_eq!(harness.state().views.address_text, "tour:police-diplomacy:4", "the address bar names the step");
    harness.state_mut().push(Command::Back);
    harness.run_steps(2);
    assert_eq!(current(&harness), "tour:police-diplomacy:3");
    assert_eq!(harness.state().views.tours.selected, 2, "back selects the step of the address");
    harness.state_mut().push(Command::Back);
    harness.run_steps(2);
    assert_eq!(current(&harness), "tour:police-diplomacy");
    harness.state_mut().push(Command::Forward);
    harness.run_steps(2);
    assert_eq!(harness.state().views.tours.selected, 2);
    // Moving the step down (Ctrl+↓) keeps the address on it, without a new history entry.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::ArrowDown);
    harness.run_steps(2);
    assert_eq!(current(&harness), "tour:police-diplomacy:4");
    harness.state_mut().push(Command::Back);
    harness.run_steps(2);
    assert_eq!(current(&harness), "tour:police-diplomacy", "the move replaced the entry");
}

#[test]
fn export_asks_where_and_falls_back_to_the_exports_folder_without_a_dialog() {
    // No desktop portal here (as on a bare machine): the dialog cannot open,
    // so the pages go to the exports folder and the notice says so and where.
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");
    harness.state_mut().views.export.ask_where = true;
    harness.get_by_label("Export step").click();
    for _ in 0..100 {
        harness.run_steps(1);
        if harness.state().views.notice.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let notice = harness.state().views.notice.clone().expect("the export said where it went");
    let folder = support::exports_of(dir.path());
    assert!(notice.starts_with("No file dialog"), "{notice}");
    assert!(notice.contains(&folder.display().to_string()) && notice.contains("(2 files)"), "{notice}");
    assert!(folder.join("police-diplomacy-step-2.svg").exists() && folder.join("police-diplomacy-step-2.png").exists());
}

#[test]
fn a_chosen_file_gets_the_format_of_its_extension() {
    use diplomap::ui::context::command::ExportRequest;
    use diplomap::ui::shell::export_menu::{Destination, ExportOutcome, ExportSource, outcome_of, run_export};
    use std::time::Duration;
    let dir = common::corpus_copy();
    let (corpus, index) = common::corpus_and_index();
    let map = diplomap::export::map::SettledMap::build(corpus, index);
    let source = ExportSource { corpus, index, map: &map };
    let step = ExportRequest::Step { id: "police-diplomacy".into(), index: 2 };
    let elsewhere = tempfile::tempdir().unwrap();
    let chosen = elsewhere.path().join("handout/third.png");
    let written =
        run_export(&step, source, &Destination::File(chosen.clone()), (diplomap::text::Lang::Fa, false)).unwrap();
    assert_eq!(written, std::slice::from_ref(&chosen));
    assert!(std::fs::read(&chosen).unwrap().starts_with(b"\x89PNG"), "a .png file is a PNG");
    // What a dialog's answer means.
    let tour = ExportRequest::Tour { id: "police-diplomacy".into() };
    let picked = dir.path().join("class");
    assert_eq!(
        outcome_of(tour.clone(), Some(picked.clone()), Duration::from_secs(3)),
        ExportOutcome::Write(tour.clone(), Destination::Folder(picked))
    );
    assert_eq!(outcome_of(tour.clone(), None, Duration::from_millis(5)), ExportOutcome::NoDialog(tour.clone()));
    assert_eq!(outcome_of(tour, None, Duration::from_secs(3)), ExportOutcome::Cancelled);
}

#[test]
fn a_file_that_is_not_an_export_is_replaced_only_when_the_user_says_so() {
    let dir = common::corpus_copy();
    let folder = support::exports_of(dir.path());
    std::fs::create_dir_all(&folder).unwrap();
    let thesis = folder.join("police-diplomacy-step-2.svg");
    std::fs::write(&thesis, "my thesis, chapter 2\n").unwrap();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");

    harness.get_by_label("Export step").click();
    harness.run_steps(3);
    harness.get_by_label("Replace this file?");
    harness.get_by_label_contains("police-diplomacy-step-2.svg");
    harness.get_by_label("Cancel").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Replace this file?").is_none(), "the question closed");
    assert_eq!(std::fs::read_to_string(&thesis).unwrap(), "my thesis, chapter 2\n", "nothing written over it");
    assert_eq!(harness.state().views.notice.as_deref(), Some("Export cancelled: nothing was written."));

    harness.get_by_label("Export step").click();
    harness.run_steps(3);
    harness.get_by_label("Replace").click();
    harness.run_steps(3);
    let svg = std::fs::read_to_string(&thesis).unwrap();
    assert!(svg.contains("<svg"), "replaced by the export: {}", &svg[..svg.len().min(80)]);
    assert!(folder.join("police-diplomacy-step-2.png").exists());
    std::fs::remove_dir_all(&folder).unwrap();
}

#[test]
fn the_tour_view_exports_the_tour_as_one_web_page_in_the_interface_language() {
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "tour:police-diplomacy:2");
    harness.get_by_label("Export tour as web page").click();
    harness.run_steps(2);
    let notice = harness.state().views.notice.clone().expect("the export said where it went");
    let page = support::exports_of(dir.path()).join("police-diplomacy.html");
    assert!(notice.starts_with("Exported to") && notice.contains(&page.display().to_string()), "{notice}");
    let html = std::fs::read_to_string(&page).expect("the page was written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80.min(html.len())]);
    let tour = diplomap::tours::load(&dir.path().join("tours/police-diplomacy.ron")).unwrap();
    assert_eq!(html.matches("<section").count(), tour.steps.len(), "one slide per step");
    // A second export replaces the first (it is ours) without asking.
    harness.get_by_label("Export tour as web page").click();
    harness.run_steps(2);
    assert!(harness.state().views.export.replace.is_none(), "an earlier export is replaced unasked");
}

/// The web site is written off the UI thread: the frame after the menu's
/// click says it is being written (the window goes on being drawn), and a
/// later frame says where it went.
#[test]
fn the_site_is_written_while_the_window_goes_on() {
    use diplomap::ui::context::Command;
    use diplomap::ui::context::command::ExportRequest;
    let dir = common::corpus_copy();
    let mut harness = harness_at(dir.path(), "map");
    harness.state_mut().push(Command::Export(ExportRequest::Site));
    harness.run_steps(1);
    let running = diplomap::i18n::tr(diplomap::text::Lang::En, "export running");
    assert_eq!(harness.state().views.notice.as_deref(), Some(running));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while harness.state().views.export.running.is_some() {
        assert!(std::time::Instant::now() < deadline, "the site was not written in time");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run_steps(1);
    }
    let notice = harness.state().views.notice.clone().expect("the export said where it went");
    let site = support::exports_of(dir.path()).join(diplomap::ui::shell::export_menu::SITE_FOLDER);
    assert!(notice.starts_with("Exported to") && notice.contains(&site.display().to_string()), "{notice}");
    assert!(site.join("index.html").is_file(), "the site's home page");
}

#[test]
fn the_site_goes_into_its_own_folder_and_never_replaces_a_folder_of_the_users() {
    use diplomap::ui::context::command::ExportRequest;
    use diplomap::ui::shell::export_menu::{Destination, ExportFailure, ExportSource, SITE_FOLDER, run_export};
    let (corpus, index) = common::corpus_and_index();
    let map = diplomap::export::map::SettledMap::build(corpus, index);
    let source = ExportSource { corpus, index, map: &map };
    let chosen = tempfile::tempdir().unwrap();
    let fa = (diplomap::text::Lang::Fa, false);
    let written = run_export(&ExportRequest::Site, source, &Destination::Folder(chosen.path().into()), fa).unwrap();
    let site = chosen.path().join(SITE_FOLDER);
    assert_eq!(written, vec![site.clone()]);
    let index_page = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index_page.contains("dir=\"rtl\""), "a Persian site is mirrored");
    // Again: the earlier site is replaced.
    run_export(&ExportRequest::Site, source, &Destination::Folder(chosen.path().into()), fa).unwrap();
    // A folder of the user's by that name is never replaced, even when forced.
    let other = tempfile::tempdir().unwrap();
    let users = other.path().join(SITE_FOLDER);
    std::fs::create_dir_all(&users).unwrap();
    std::fs::write(users.join("thesis.docx"), "chapter 1").unwrap();
    let forced = (diplomap::text::Lang::Fa, true);
    let refused = run_export(&ExportRequest::Site, source, &Destination::Folder(other.path().into()), forced);
    match refused {
        Err(ExportFailure::Other(message)) => assert!(message.contains("وبگاه پیشین"), "{message}"),
        other => panic!("a folder of the user's was not refused: {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(users.join("thesis.docx")).unwrap(), "chapter 1");
    assert_eq!(std::fs::read_dir(&users).unwrap().count(), 1, "nothing was added to it");
}
