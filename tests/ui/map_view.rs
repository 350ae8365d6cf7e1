//! The concept map driven like a user would: by accessible labels, pointer and
//! keyboard, over the real app (`egui_kittest`, headless).

use crate::common;
use crate::support;

// Shared with the large-catalog example and bench; only the writer is used here.
#[allow(dead_code)]
#[path = "../../examples/common/large_catalog.rs"]
mod large_catalog;

use std::path::Path;

use diplomap::address::Address;
use diplomap::catalog::ConceptKind;
use diplomap::ui::App;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app on the corpus at `dir`, opened at `address`, its map laid out and settled.
fn harness_at(dir: &Path, address: &str) -> Harness<'static, App> {
    harness_laid_out(dir, address, 5_000)
}

/// The same after at most `steps` steps of the layout.
fn harness_laid_out(dir: &Path, address: &str, steps: usize) -> Harness<'static, App> {
    let mut app = support::app_over(dir, address, diplomap::text::Lang::En);
    let lang = app.lang();
    if let Ok(model) = &app.model {
        app.views.map.prepare(model, lang);
    }
    app.views.map.settle(steps);
    let mut harness = support::builder(egui::vec2(1600.0, 1000.0))
        // Frames 1/60 s apart, as in a window (two clicks can make a double-click).
        .with_step_dt(1.0 / 60.0)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    harness.run_steps(4);
    harness
}

fn node_label<'h>(harness: &'h Harness<'static, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(Role::Button, label)
}

#[test]
fn clicking_a_node_opens_its_concept_page() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    node_label(&harness, "police diplomacy").click();
    harness.run_steps(3);
    assert_eq!(harness.state().state.history.current(), &Address::Concept("police-diplomacy".into()));
}

#[test]
fn the_focus_shows_the_threats_and_organisations_police_diplomacy_works_with() {
    let dir = common::catalog_and_documents_copy();
    let harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    for neighbour in ["terrorism", "drug trafficking", "INTERPOL", "Europol"] {
        assert!(harness.query_by_role_and_label(Role::Button, neighbour).is_some(), "{neighbour} is on the map");
    }
}

#[test]
fn the_keyboard_walks_from_a_node_to_its_neighbours_and_enter_opens_one() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    node_label(&harness, "police diplomacy").focus();
    harness.run_steps(2);
    assert_eq!(harness.state().views.map.selected_id().as_deref(), Some("police-diplomacy"));
    arrows_reach_a_neighbour_and_enter_opens_it(&mut harness, "police-diplomacy");
}

/// Presses the arrows in turn until one moves the keyboard from `from` to
/// another node; checks it is a neighbour, and that Enter opens its page.
fn arrows_reach_a_neighbour_and_enter_opens_it(harness: &mut Harness<'static, App>, from: &str) {
    let mut walked_to = None;
    for key in [egui::Key::ArrowRight, egui::Key::ArrowDown, egui::Key::ArrowLeft, egui::Key::ArrowUp] {
        harness.key_press(key);
        harness.run_steps(3);
        let now = harness.state().views.map.selected_id();
        if now.as_deref() != Some(from) {
            walked_to = now;
            break;
        }
    }
    let walked_to = walked_to.expect("an arrow key leads to a neighbour");
    let model = harness.state().model.as_ref().expect("model");
    let start = model.concept_index(from).expect("the concept walked from");
    let other = model.concept_index(&walked_to).expect("known concept");
    assert!(
        model.index.edges_of(start).any(|e| e.source == other || e.target == other),
        "{walked_to} is a neighbour of {from}"
    );
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert_eq!(harness.state().state.history.current(), &Address::Concept(walked_to));
}

#[test]
fn ctrl_m_opens_the_map_with_the_keyboard_on_the_concept_that_was_open() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "concept:terrorism");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::M);
    harness.run_steps(4);
    assert!(
        matches!(harness.state().state.history.current(), Address::Map { .. }),
        "Ctrl+M opens the map, not {}",
        harness.state().state.history.current()
    );
    assert_eq!(harness.state().views.map.selected_id().as_deref(), Some("terrorism"));
    let focused = harness.ctx.memory(|m| m.focused());
    assert!(focused.is_some(), "a node has the keyboard");
    assert!(node_label(&harness, "terrorism").is_focused(), "the page's concept has the keyboard");
    arrows_reach_a_neighbour_and_enter_opens_it(&mut harness, "terrorism");
}

#[test]
fn tab_moves_through_the_nodes() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    node_label(&harness, "police diplomacy").focus();
    harness.run_steps(2);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..5 {
        harness.key_press(egui::Key::Tab);
        harness.run_steps(2);
        if let Some(id) = harness.state().views.map.selected_id() {
            seen.insert(id);
        }
    }
    assert!(seen.len() >= 4, "Tab visits several nodes: {seen:?}");
}

#[test]
fn filters_hide_kinds() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map");
    assert!(harness.query_by_role_and_label(Role::Button, "terrorism").is_some());
    harness.state_mut().views.map.settings.kinds = vec![ConceptKind::Threat];
    harness.run_steps(3);
    assert!(harness.query_by_role_and_label(Role::Button, "terrorism").is_some());
    assert!(harness.query_by_role_and_label(Role::Button, "police diplomacy").is_none());
    assert!(harness.query_by_role_and_label(Role::Button, "INTERPOL").is_none());
}

#[test]
fn a_dragged_node_stays_pinned_in_layout_ron_and_comes_back() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    let start = node_label(&harness, "police diplomacy").rect().center();
    let end = start + egui::vec2(120.0, 60.0);
    harness.hover_at(start);
    harness.run_steps(1);
    harness.drag_at(start);
    harness.run_steps(1);
    for step in 1..=6 {
        harness.hover_at(start + (end - start) * (step as f32 / 6.0));
        harness.run_steps(1);
    }
    harness.drop_at(end);
    harness.run_steps(2);
    let saved = std::fs::read_to_string(dir.path().join("layout.ron")).expect("layout.ron written");
    assert!(saved.contains("\"police-diplomacy\""), "{saved}");
    let pinned = harness.state().views.map.pins();
    let at = pinned.get("police-diplomacy").copied().expect("pinned");
    // A new window on the same corpus puts the node where it was left.
    let reopened = harness_at(dir.path(), "map");
    assert_eq!(reopened.state().views.map.pins().get("police-diplomacy").copied(), Some(at));
    assert_eq!(reopened.state().views.map.position_of("police-diplomacy"), Some(at));
    assert_ne!(node_label(&reopened, "police diplomacy").rect().center(), start, "the drag moved it");
}

#[test]
fn clicking_an_edge_shows_its_evidence() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map?focus=city-diplomacy&depth=1");
    let city = node_label(&harness, "city diplomacy").rect().center();
    let municipalities = node_label(&harness, "municipalities").rect().center();
    // A point on the edge, away from both nodes.
    let on_edge = city + (municipalities - city) * 0.5;
    harness.hover_at(on_edge);
    harness.run_steps(1);
    harness.drag_at(on_edge);
    harness.run_steps(1);
    harness.drop_at(on_edge);
    harness.run_steps(3);
    let edge = harness.state().views.map.selected_edge_ids();
    assert_eq!(edge, Some(("city-diplomacy".to_string(), "municipalities".to_string())));
    // The panel reads the edge from its source, as the source's page does.
    harness.run_steps(2);
    let sentence = egui_kittest::kittest::by().include_labels().label_contains("works through municipalities");
    harness.get(sentence);
}

#[test]
fn double_clicking_a_pinned_node_releases_it() {
    let dir = common::catalog_and_documents_copy();
    std::fs::write(dir.path().join("layout.ron"), "Layout(pinned: {\"police-diplomacy\": (x: 0.0, y: 0.0)})\n")
        .expect("write layout.ron");
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    assert!(harness.state().views.map.pins().contains_key("police-diplomacy"));
    let node = node_label(&harness, "police diplomacy").rect().center();
    harness.hover_at(node);
    harness.run_steps(1);
    for _ in 0..2 {
        harness.drag_at(node);
        harness.run_steps(1);
        harness.event(egui::Event::PointerButton {
            pos: node,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert!(harness.state().views.map.pins().is_empty());
    let saved = std::fs::read_to_string(dir.path().join("layout.ron")).expect("layout.ron");
    assert!(!saved.contains("police-diplomacy"), "{saved}");
    // A double-click is not a click: the map stays open.
    assert!(matches!(harness.state().state.history.current(), Address::Map { .. }));
}

#[test]
fn hovering_a_node_lights_its_neighbours() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map");
    let node = node_label(&harness, "city diplomacy").rect().center();
    harness.hover_at(node);
    harness.run_steps(2);
    let lit = harness.state().views.map.highlighted_ids();
    assert!(lit.contains(&"city-diplomacy".to_string()));
    assert!(lit.contains(&"municipalities".to_string()), "{lit:?}");
    assert!(!lit.contains(&"interpol".to_string()), "{lit:?}");
}

#[test]
fn a_single_click_on_a_pinned_node_opens_it_after_the_double_click_wait() {
    let dir = common::catalog_and_documents_copy();
    std::fs::write(dir.path().join("layout.ron"), "Layout(pinned: {\"police-diplomacy\": (x: 0.0, y: 0.0)})\n")
        .expect("write layout.ron");
    let mut harness = harness_at(dir.path(), "map?focus=police-diplomacy&depth=1");
    node_label(&harness, "police diplomacy").click();
    harness.run_steps(2);
    assert!(matches!(harness.state().state.history.current(), Address::Map { .. }), "still waiting");
    harness.run_steps(30);
    assert_eq!(harness.state().state.history.current(), &Address::Concept("police-diplomacy".into()));
    assert!(harness.state().views.map.pins().contains_key("police-diplomacy"), "still pinned");
}

#[test]
fn the_search_box_flies_to_a_concept_however_its_name_is_typed() {
    let dir = common::catalog_and_documents_copy();
    let mut harness = harness_at(dir.path(), "map");
    let before = harness.state().views.map.camera();
    // The Persian name of INTERPOL typed with an Arabic yeh (ي for ی).
    harness.get_by_label("Find on map").focus();
    harness.run_steps(1);
    harness.get_by_label("Find on map").type_text("اينترپل");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(40);
    assert_eq!(harness.state().views.map.selected_id().as_deref(), Some("interpol"));
    let (centre, _) = harness.state().views.map.camera();
    let interpol = harness.state().views.map.position_of("interpol").expect("interpol is on the map");
    assert_ne!(centre, before.0, "the camera moved");
    assert!(centre.distance(interpol) < 1.0, "the camera is on INTERPOL: {centre:?} vs {interpol:?}");
}

#[test]
fn zoomed_out_on_a_large_catalog_clusters_are_named_and_a_click_flies_in() {
    let corpus = tempfile::tempdir().expect("a temporary folder");
    let dir = corpus.path().join("large");
    large_catalog::write_corpus(&dir, 2_000).expect("the generated corpus is written");
    let mut harness = harness_laid_out(&dir, "map", 300);
    let clusters: Vec<String> = harness
        .get_all_by_role(Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| label.contains(" and ") && label.ends_with(" more"))
        .map(|label| label.to_string())
        .collect();
    assert!(clusters.len() >= 10, "the overview of 2,000 concepts draws named clusters: {clusters:?}");
    let (_, zoom_before) = harness.state().views.map.camera();
    let first = clusters[0].clone();
    harness.get_by_role_and_label(Role::Button, &first).click();
    harness.run_steps(40);
    let (_, zoom_after) = harness.state().views.map.camera();
    assert!(zoom_after > 2.5 * zoom_before, "a click on «{first}» flies in: zoom {zoom_before} -> {zoom_after}");
    assert_eq!(support::current(&harness), Address::Map { focus: None, depth: None }, "and opens no page");
}
