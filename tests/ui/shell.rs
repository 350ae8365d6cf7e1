//! The app driven headlessly with egui_kittest, by accessible labels, as a
//! reader would: pick a concept, open a mention in its document, go back,
//! open the side-by-side abstracts, switch the interface language.

#![cfg(feature = "gui")]

use crate::support::{app_at, current, labelled, wait_for_search_index};

use diplomap::address::{Address, DocumentAnchor};
use diplomap::text::Lang;
use diplomap::ui::App;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[test]
fn picking_a_concept_in_the_list_opens_its_page() {
    let (mut harness, _corpus) = app_at("concept:police-diplomacy", Lang::En);
    harness.get_by(labelled(|l| l.starts_with("terrorism ("))).click();
    harness.run();
    assert_eq!(current(&harness), Address::Concept("terrorism".into()));
    assert_eq!(harness.state().state.selected.as_deref(), Some("terrorism"));
    // The page shows the concept's names in the three languages.
    harness.get_by_label("تروریسم");
    harness.get_by_label("الإرهاب");
}

#[test]
fn a_mention_opens_in_its_document_and_back_returns() {
    let (mut harness, _corpus) = app_at("concept:interpol", Lang::En);
    harness.run();
    // Keyword-in-context rows are links whose label is the line around the keyword.
    let row = harness
        .get_all_by_role(egui::accesskit::Role::Link)
        .find(|node| node.accesskit_node().label().is_some_and(|label| label.contains("اینترپل")));
    row.expect("a KWIC row of a Persian mention").scroll_to_me();
    harness.run();
    harness
        .get_all_by_role(egui::accesskit::Role::Link)
        .find(|node| node.accesskit_node().label().is_some_and(|label| label.contains("اینترپل")))
        .expect("the row, scrolled into view")
        .click();
    harness.run();
    let Address::Document { id, anchor: Some(DocumentAnchor::Offset(offset)) } = current(&harness) else {
        panic!("a document at an offset, got {}", current(&harness));
    };
    let model = harness.state().model.as_ref().expect("the model");
    let document = model.corpus.document(&id).expect("the document exists");
    assert!(document.text[offset..].starts_with("اینترپل") || document.text[offset..].starts_with("INTERPOL"));
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowLeft);
    harness.run();
    assert_eq!(current(&harness), Address::Concept("interpol".into()));
    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowRight);
    harness.run();
    assert!(matches!(current(&harness), Address::Document { .. }));
}

#[test]
fn the_abstracts_open_side_by_side_with_both_languages() {
    let (mut harness, _corpus) = app_at("document:000_d179677d1f4e20a5", Lang::En);
    harness.get_by_label("Side by side").click();
    harness.run();
    assert!(matches!(current(&harness), Address::Compare { .. }), "got {}", current(&harness));
    harness.get_by_label_contains("Police diplomacy from the early");
    assert!(harness.get_all_by_label_contains("دیپلماسی پلیس").next().is_some());
}

#[test]
fn the_interface_switches_to_persian_and_mirrors() {
    let (mut harness, _corpus) = app_at("concept:police-diplomacy", Lang::En);
    let list_row_x = |harness: &Harness<'_, App>, prefix: &str| {
        harness.get_by(labelled(|l| l.starts_with(prefix))).rect().center().x
    };
    let english_x = list_row_x(&harness, "city diplomacy (");
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    harness.get_by_label("فارسی").click();
    harness.run();
    assert_eq!(harness.state().state.ui_lang, Lang::Fa);
    // Counts in Persian digits; the concept list moves to the right side.
    let persian_x = list_row_x(&harness, "دیپلماسی شهری (");
    assert!(persian_x > 640.0 && english_x < 640.0, "list at {english_x} then {persian_x}");
    harness.get_by(labelled(|l| l.starts_with("دیپلماسی شهری (۴")));
    // The drop-down, drawn in reading order now, switches back the same way.
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    assert_eq!(harness.state().state.ui_lang, Lang::En);
}

#[test]
fn side_panels_keep_their_width() {
    let (mut harness, _corpus) = app_at("document:003_412e824fada4b61c", Lang::Ar);
    harness.run_steps(30);
    for input in harness.get_all_by_role(egui::accesskit::Role::TextInput) {
        assert!(input.rect().width() < 500.0, "a text field grew to {}", input.rect().width());
    }
}

/// Every kind of address opens its own view (the address round trips are unit
/// tests of `address`); the side-by-side view shows both abstracts.
#[test]
fn every_address_opens_its_view() {
    let cases: [(&str, &str); 6] = [
        ("concept:europol", "یوروپل"),
        ("document:003_412e824fada4b61c", "کالکان"),
        ("document:004_be513f05f174dac0#abstract-fa", "دیپلماسی شهری"),
        ("compare:000_d179677d1f4e20a5", "Police diplomacy from the early"),
        ("tour:police-diplomacy:2", "police-diplomacy"),
        ("search:اينترپل", "اینترپل"),
    ];
    for (address, shown) in cases {
        let (mut harness, _corpus) = app_at(address, Lang::En);
        harness.run_steps(4);
        if address.starts_with("search:") {
            wait_for_search_index(&mut harness);
        }
        assert_eq!(current(&harness).to_string(), address.parse::<Address>().expect("valid").to_string());
        assert!(harness.query_all_by_label_contains(shown).next().is_some(), "{address} shows {shown}");
    }
}

/// A notice goes away by itself after a while, and at once when the
/// interface changes language (its words are the old language's).
#[test]
fn a_notice_times_out_and_does_not_outlive_its_language() {
    let (mut harness, _corpus) = app_at("map", Lang::En);
    harness.state_mut().views.notice = Some("Exported to /tmp/map.svg".into());
    harness.run_steps(2);
    harness.get_by_label("Exported to /tmp/map.svg");
    let long_ago = std::time::Instant::now().checked_sub(diplomap::ui::app::NOTICE_SHOWN_FOR).unwrap();
    harness.state_mut().views.notice_shown = Some(("Exported to /tmp/map.svg".into(), long_ago));
    harness.run_steps(2);
    assert!(harness.query_by_label("Exported to /tmp/map.svg").is_none(), "timed out");

    harness.state_mut().views.notice = Some("Exported to /tmp/map.png".into());
    harness.run_steps(2);
    harness.state_mut().push(diplomap::ui::context::Command::SetUiLang(Lang::Fa));
    harness.run_steps(2);
    assert!(harness.query_by_label("Exported to /tmp/map.png").is_none(), "gone with its language");
}
