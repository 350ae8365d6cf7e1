//! The guard over every view: no text handed to egui mixes strong
//! left-to-right and right-to-left letters (egui has no bidi, so such a
//! string is drawn misordered), and a Persian or Arabic interface shows its
//! own words' numbers in its own digits. Each view is drawn at every kind
//! of address, in the three interface languages, light and dark, narrow and
//! wide; what the program wrote and what the corpus holds are told apart by
//! where the text is painted (corpus paragraphs keep the digits they have).

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use unicode_bidi::{BidiClass, bidi_class};

use crate::support::{app_over, wait_for_search_index, window};
use diplomap::text::Lang;
use diplomap::ui::App;

const ADDRESSES: [&str; 8] = [
    "map",
    "concept:terrorism",
    "concept:europol",
    "document:003_412e824fada4b61c",
    "document:004_be513f05f174dac0#abstract-fa",
    "compare:000_d179677d1f4e20a5",
    "tour:police-diplomacy:2",
    "search:اينترپل",
];

/// Every piece of text in the last frame's shapes, with the part of the
/// window where it shows (its galley's rectangle inside its clip).
fn painted_texts(harness: &Harness<'_, App>) -> Vec<(String, egui::Rect)> {
    fn walk(shape: &egui::Shape, clip: egui::Rect, out: &mut Vec<(String, egui::Rect)>) {
        match shape {
            egui::Shape::Text(text) => {
                let shown = text.galley.rect.translate(text.pos.to_vec2()).intersect(clip);
                out.push((text.galley.text().to_string(), shown));
            }
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, clip, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        walk(&clipped.shape, clipped.clip_rect, &mut out);
    }
    out
}

/// Western digits standing as a number of their own: digits inside a
/// Latin word, path or id (F5, I-24/7, map-3.svg) belong to it.
fn western_number(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && !text.chars().any(|c| bidi_class(c) == BidiClass::L && !c.is_ascii_digit())
}

fn mixes_directions(text: &str) -> bool {
    let strong = |wanted: &[BidiClass]| text.chars().any(|c| wanted.contains(&bidi_class(c)));
    strong(&[BidiClass::L]) && strong(&[BidiClass::R, BidiClass::AL])
}

/// The rectangles of corpus text (paragraphs, keyword-in-context rows,
/// search hits, what was typed, the map's concept names): what is in them
/// is the corpus's, digits included.
fn corpus_rects(harness: &Harness<'_, App>) -> Vec<egui::Rect> {
    corpus_rects_under(harness.root())
}

fn corpus_rects_under(node: egui_kittest::Node<'_>) -> Vec<egui::Rect> {
    let roles = [Role::Paragraph, Role::Link, Role::ListItem, Role::TextInput, Role::MultilineTextInput, Role::Canvas];
    node.children_recursive().filter(|n| roles.contains(&n.accesskit_node().role())).map(|n| n.rect()).collect()
}

/// What is wrong in the frame drawn for `address` in `lang`.
fn faults(harness: &Harness<'_, App>, lang: Lang, address: &str) -> Vec<String> {
    let corpus = corpus_rects(harness);
    faults_among(harness, lang, address, |shown| corpus.iter().any(|r| r.expand(1.0).contains(shown)))
}

/// The same with a modal over the window (the layer holding a node labelled
/// `label`): inside the modal only its own corpus text keeps its digits —
/// the map's canvas or a page's paragraphs beneath it do not excuse the
/// modal's words and numbers.
fn faults_in_modal(harness: &Harness<'_, App>, lang: Lang, address: &str, label: &str) -> Vec<String> {
    let layer = harness
        .root()
        .children()
        .find(|layer| layer.children_recursive().any(|n| n.accesskit_node().label().as_deref() == Some(label)))
        .unwrap_or_else(|| panic!("no layer holds {label:?}"));
    let modal = layer
        .children_recursive()
        .filter_map(|n| n.accesskit_node().bounding_box())
        .map(|b| egui::Rect::from_min_max(egui::pos2(b.x0 as f32, b.y0 as f32), egui::pos2(b.x1 as f32, b.y1 as f32)))
        .fold(egui::Rect::NOTHING, |all, r| all.union(r));
    let inside = corpus_rects_under(layer);
    let beneath = corpus_rects(harness);
    faults_among(harness, lang, address, |shown| {
        let corpus = if modal.contains(shown) { &inside } else { &beneath };
        corpus.iter().any(|r| r.expand(1.0).contains(shown))
    })
}

/// The faults of the frame's texts; `is_corpus` tells corpus text by where it is painted.
fn faults_among(
    harness: &Harness<'_, App>,
    lang: Lang,
    address: &str,
    is_corpus: impl Fn(egui::Pos2) -> bool,
) -> Vec<String> {
    let mut found = Vec::new();
    for (text, shown) in painted_texts(harness) {
        if mixes_directions(&text) {
            found.push(format!("{address} [{lang:?}] mixed directions: {text:?}"));
        }
        if lang.is_rtl() && !is_corpus(shown.center()) && western_number(&text) {
            found.push(format!("{address} [{lang:?}] Western digits: {text:?}"));
        }
    }
    found
}

#[test]
fn no_view_hands_egui_mixed_direction_text_or_western_digits_in_fa_ar() {
    let corpus = crate::common::corpus_copy();
    let mut found = Vec::new();
    for address in ADDRESSES {
        for lang in [Lang::Fa, Lang::Ar, Lang::En] {
            for (size, dark) in [(egui::vec2(1280.0, 800.0), false), (egui::vec2(760.0, 700.0), true)] {
                let mut app = app_over(corpus.path(), address, lang);
                app.state.dark = dark;
                let mut harness = window(app, size);
                harness.run_steps(4);
                if address.starts_with("search:") {
                    wait_for_search_index(&mut harness);
                }
                found.extend(faults(&harness, lang, address));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{} faults:\n{}", found.len(), found.join("\n"));
}

/// The same guard with the map's filters open, then the export menu, then
/// the notice an export leaves (its path, its buttons), in each interface
/// language.
#[test]
fn menus_and_notices_hand_egui_no_mixed_direction_text() {
    let corpus = crate::common::corpus_copy();
    let mut found = Vec::new();
    for lang in [Lang::Fa, Lang::Ar, Lang::En] {
        let mut harness = window(app_over(corpus.path(), "map", lang), egui::vec2(1280.0, 800.0));
        harness.run_steps(4);
        harness.get_by_role_and_label(Role::Button, diplomap::i18n::tr(lang, "filters")).click();
        harness.run_steps(2);
        found.extend(faults(&harness, lang, "map, filters"));
        harness.key_press(egui::Key::Escape);
        harness.run_steps(2);
        harness.get_by_role_and_label(Role::Button, diplomap::i18n::tr(lang, "export")).click();
        harness.run_steps(2);
        found.extend(faults(&harness, lang, "map, export menu"));
        harness.get_by_label(diplomap::i18n::tr(lang, "export map svg")).click();
        harness.run_steps(3);
        let notice = diplomap::i18n::tr(lang, "exported to");
        assert!(harness.query_by_label_contains(notice).is_some(), "the export's notice in {lang:?}");
        found.extend(faults(&harness, lang, "map, export notice"));
    }
    assert!(found.is_empty(), "{} faults:\n{}", found.len(), found.join("\n"));
}

/// The same guard over the import form (a section added: its line numbers)
/// and the path box shown when no file dialog opens, in each language.
#[test]
fn the_import_form_and_path_box_hand_egui_no_mixed_direction_text_or_western_digits() {
    use diplomap::ui::context::Command;
    use diplomap::ui::context::command::ImportAction;
    let corpus = crate::common::corpus_copy();
    let source = tempfile::tempdir().unwrap();
    let path = source.path().join("news.txt");
    std::fs::write(&path, "همکاری پليس ايران با اینترپل\n\nنشست کارگروه مقابله با قاچاق در تهران.\n").unwrap();
    let mut found = Vec::new();
    for lang in [Lang::Fa, Lang::Ar, Lang::En] {
        let mut harness = window(app_over(corpus.path(), "map", lang), egui::vec2(1280.0, 800.0));
        harness.run_steps(2);
        harness.state_mut().push(Command::Import(ImportAction::Open(path.clone())));
        harness.run_steps(3);
        harness.get_by_label(diplomap::i18n::tr(lang, "add section")).click();
        harness.run_steps(3);
        found.extend(faults_in_modal(&harness, lang, "import form", diplomap::i18n::tr(lang, "add section")));
        harness.state_mut().push(Command::Import(ImportAction::Cancel));
        harness.state_mut().push(Command::Import(ImportAction::OpenTyped));
        harness.run_steps(3);
        assert!(harness.query_by_label(diplomap::i18n::tr(lang, "path of the file")).is_some(), "{lang:?}");
        let label = diplomap::i18n::tr(lang, "open file");
        found.extend(faults_in_modal(&harness, lang, "import path box", label));
    }
    assert!(found.is_empty(), "{} faults:\n{}", found.len(), found.join("\n"));
}

/// The catalog's forms over the reader — "Add as a name of…" and "New
/// concept from this…" — in each interface language.
#[test]
fn catalog_forms_hand_egui_no_mixed_direction_text() {
    use diplomap::ui::context::command::CatalogAction;
    let corpus = crate::common::corpus_copy();
    let mut found = Vec::new();
    let phrase = "اطلاعات تبادل شده";
    for lang in [Lang::Fa, Lang::Ar, Lang::En] {
        for (action, name) in [
            (CatalogAction::PickConceptFor(phrase.into()), "name picker"),
            (CatalogAction::NewConceptFrom(phrase.into()), "new concept form"),
        ] {
            let app = app_over(corpus.path(), "document:003_412e824fada4b61c", lang);
            let mut harness = window(app, egui::vec2(1280.0, 800.0));
            harness.run_steps(3);
            harness.state_mut().push(diplomap::ui::context::Command::Catalog(action));
            harness.run_steps(3);
            found.extend(faults(&harness, lang, name));
        }
    }
    assert!(found.is_empty(), "{} faults:\n{}", found.len(), found.join("\n"));
}
