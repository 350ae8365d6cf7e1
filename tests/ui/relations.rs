//! A concept page reads each relation as a true sentence from the page it is
//! on: "counters terrorism" on INTERPOL's page, "countered by INTERPOL" on
//! terrorism's, in English, Persian and Arabic, each row found by its
//! accessible label; an incoming row opens onto the concept at its other end.

use crate::support;

use diplomap::address::{Address, DocumentAnchor};
use diplomap::text::Lang;
use diplomap::ui::App;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Whether a node of the last frame has an accessible label holding `text`.
fn shows(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

/// (interface, the incoming row on terrorism's page, the same relation read
/// backwards as it was, the outgoing row on INTERPOL's page)
const ROWS: [(Lang, &str, &str, &str); 3] = [
    (Lang::En, "countered by INTERPOL", "counters INTERPOL", "counters terrorism"),
    (Lang::Fa, "اینترپل با آن مقابله می‌کند", "مقابله می‌کند با اینترپل", "با تروریسم مقابله می‌کند"),
    (Lang::Ar, "يكافحه الإنتربول", "يكافح الإنتربول", "يكافح الإرهاب"),
];

#[test]
fn relations_read_as_sentences_from_either_end() {
    for (lang, incoming, backwards, outgoing) in ROWS {
        let (mut harness, _corpus) = support::app_at("concept:terrorism", lang);
        harness.run_steps(2);
        assert!(shows(&harness, incoming), "{lang:?}: no row «{incoming}»");
        assert!(!shows(&harness, backwards), "{lang:?}: a row reads «{backwards}»");
        // Fuels, read from its target, too.
        let fuelled = match lang {
            Lang::En => "fuelled by drug trafficking",
            Lang::Fa => "قاچاق مواد مخدر به آن دامن می‌زند",
            Lang::Ar => "يغذيه الاتجار بالمخدرات",
        };
        assert!(shows(&harness, fuelled), "{lang:?}: no row «{fuelled}»");

        let (mut harness, _corpus) = support::app_at("concept:interpol", lang);
        harness.run_steps(2);
        assert!(shows(&harness, outgoing), "{lang:?}: no row «{outgoing}»");
    }
}

#[test]
fn an_incoming_row_opens_onto_the_concept_at_its_other_end() {
    let (mut harness, _corpus) = support::app_at("concept:terrorism", Lang::Fa);
    harness.run_steps(2);
    harness.get_by(support::labelled(|label| label.contains("اینترپل با آن مقابله می‌کند"))).click();
    harness.run_steps(2);
    // Open, the row lists its passages under a row naming INTERPOL.
    harness.get_by(support::labelled(|label| label.starts_with("اینترپل") && label.chars().count() <= 10)).click();
    harness.run_steps(2);
    assert_eq!(support::current(&harness), Address::Concept("interpol".into()));
}

#[test]
fn an_evidence_chip_names_its_document_and_opens_the_whole_passage() {
    let (mut harness, _corpus) = support::app_at("concept:terrorism", Lang::En);
    harness.run_steps(2);
    harness.get_by(support::labelled(|label| label.contains("countered by INTERPOL"))).click();
    harness.run_steps(2);
    // The chip is named by the document's title and the line, not the id.
    let chip = |label: &str| label.contains(" · line ") && !label.contains("_");
    harness.get_all_by(support::labelled(chip)).next().expect("an evidence chip").scroll_to_me();
    harness.run();
    harness.get_all_by(support::labelled(chip)).next().expect("the chip, in view").click();
    harness.run_steps(2);
    let Address::Document { id, anchor: Some(DocumentAnchor::Passage(passage)) } = support::current(&harness) else {
        panic!("a document at a passage, got {}", support::current(&harness));
    };
    let model = harness.state().model.as_ref().expect("the model");
    let document = model.document_index(&id).expect("the document");
    let (terrorism, interpol) = (model.concept_index("terrorism").unwrap(), model.concept_index("interpol").unwrap());
    let edge = model.index.edges_of(terrorism).find(|e| e.source == interpol || e.target == interpol).unwrap();
    assert!(
        edge.evidence.iter().any(|p| p.document == document && p.range == passage),
        "the address holds one of the edge's passages, whole: {passage:?}"
    );
}

#[test]
fn a_concept_page_opens_at_its_top_whatever_the_last_page_was_scrolled_to() {
    let (mut harness, _corpus) = support::app_at("concept:terrorism", Lang::En);
    harness.run_steps(2);
    // The page's "Names" heading, once on every concept page.
    let heading_top = harness.get_by_label("Names").rect().top();
    harness.hover_at(egui::pos2(640.0, 400.0));
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -2000.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    harness.run_steps(300);
    assert!(harness.query_by_label("Names").is_none_or(|h| h.rect().top() < heading_top - 100.0), "scrolled");
    harness.state_mut().push(diplomap::ui::context::Command::Navigate(Address::Concept("europol".into())));
    harness.run_steps(3);
    assert_eq!(support::current(&harness), Address::Concept("europol".into()));
    let top = harness.get_by_label("Names").rect().top();
    assert!((top - heading_top).abs() < 2.0, "Europol's page starts at {top}, not at {heading_top}");
}
