//! Catalog edits from the window, by accessible labels, on a copy of the
//! bundled corpus: a phrase selected in the reader becomes a name of a
//! concept through the picker, its mention is highlighted and listed at
//! once, and undo (the notice's button, or Ctrl+Z) puts the catalog files
//! back byte for byte.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

use crate::support::{app_at, drag};
use diplomap::text::Lang;
use diplomap::ui::App;

const DOCUMENT: &str = "003_412e824fada4b61c";
/// "information exchanged": a wording of intelligence sharing the catalog misses.
const PHRASE: &str = "اطلاعات تبادل شده";

/// The painted glyphs of the first galley of a paragraph holding `phrase`, in logical order
/// (a right-to-left run is painted last char first).
fn glyphs_of(harness: &Harness<'_, App>, phrase: &str) -> Vec<egui::Rect> {
    let paragraph = harness
        .get_all_by_role(Role::Paragraph)
        .find(|node| node.accesskit_node().label().is_some_and(|label| label.contains(phrase)))
        .expect("a paragraph holding the phrase")
        .rect();
    for clipped in &harness.output().shapes {
        let egui::Shape::Text(text) = &clipped.shape else { continue };
        if !paragraph.contains(text.pos) {
            continue;
        }
        let galley_text = text.galley.text();
        if !galley_text.contains(phrase) {
            continue;
        }
        let mut glyphs = Vec::new();
        for row in &text.galley.rows {
            for glyph in row.glyphs.iter().filter(|g| g.advance_width > 0.0) {
                let min = text.pos + row.pos.to_vec2() + egui::vec2(glyph.pos.x, 0.0);
                glyphs.push((glyph.chr, egui::Rect::from_min_size(min, egui::vec2(glyph.advance_width, row.size.y))));
            }
        }
        glyphs.reverse();
        // Lam and alef are painted as one glyph (the lam's).
        let wanted: Vec<char> = phrase.replace("لا", "ل").chars().collect();
        let chars: Vec<char> = glyphs.iter().map(|(c, _)| *c).collect();
        let at = chars
            .windows(wanted.len())
            .position(|w| w == wanted.as_slice())
            .unwrap_or_else(|| panic!("the letters of {phrase:?} in order among {chars:?}"));
        return glyphs[at..at + wanted.len()].iter().map(|(_, rect)| *rect).collect();
    }
    panic!("no painted run holds {phrase:?}");
}

/// Drags over `phrase` from its first letter (on the right) to its last.
fn select(harness: &mut Harness<'_, App>, phrase: &str) {
    let glyphs = glyphs_of(harness, phrase);
    let (first, last) = (glyphs[0], glyphs[glyphs.len() - 1]);
    let y = first.center().y;
    drag(harness, egui::pos2(first.right() - 0.5, y), egui::pos2(last.left() + 0.5, y));
}

fn click(harness: &mut Harness<'_, App>, pos: egui::Pos2) {
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    harness.event(egui::Event::PointerMoved(pos));
    harness.event(button(true));
    harness.step();
    harness.event(button(false));
    harness.run();
}

/// The catalog files of the corpus folder with their bytes.
fn catalog_files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    files.insert(PathBuf::from("concepts.ron"), std::fs::read(dir.join("concepts.ron")).unwrap());
    if let Ok(entries) = std::fs::read_dir(dir.join("concepts")) {
        for entry in entries {
            let path = entry.unwrap().path();
            files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
        }
    }
    files
}

/// Whether the index has a mention of `concept` over exactly `phrase` in the document.
fn mentioned(harness: &Harness<'_, App>, concept: &str, phrase: &str) -> bool {
    let model = harness.state().model.as_ref().expect("the model");
    let document = model.document_index(DOCUMENT).expect("the news item");
    let text = &model.corpus.documents[document].text;
    model
        .index
        .mentions_in(document)
        .any(|m| model.concept_id(m.concept) == concept && text.get(m.range.clone()) == Some(phrase))
}

/// The model's index, updated for the edit only, is the index a reload of
/// the corpus from its files builds; `revision` is the one before the edit.
fn indexed_as_a_reload(harness: &Harness<'_, App>, revision: u64) {
    let model = harness.state().model.as_ref().expect("the model");
    assert_eq!(model.revision, revision + 1, "one edit, one revision");
    let reloaded = diplomap::ui::context::model::Model::load(model.dir()).expect("the corpus loads");
    assert_eq!(model.corpus.catalog, reloaded.corpus.catalog);
    assert!(model.index.mentions == reloaded.index.mentions, "mentions as a reload finds them");
    assert_eq!(model.index.mention_counts, reloaded.index.mention_counts);
    assert_eq!(model.index.edges, reloaded.index.edges);
    assert_eq!(model.problems.len(), reloaded.problems.len());
}

/// Each concept's highlight colour, by id.
fn colours(harness: &Harness<'_, App>) -> BTreeMap<String, [u8; 3]> {
    let model = harness.state().model.as_ref().expect("the model");
    let concepts = 0..model.corpus.catalog.concepts.len();
    concepts.map(|c| (model.concept_id(c).to_string(), model.concept_rgb(c, false))).collect()
}

fn add_as_name_of(harness: &mut Harness<'_, App>, search: &str, concept_label: &str) {
    select(harness, PHRASE);
    harness.get_by_role_and_label(Role::Button, "Add as a name of…").click();
    harness.run();
    harness.get_by_role_and_label(Role::Window, "Add as a name of");
    harness.get_by_role_and_label(Role::TextInput, "Find a concept").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Find a concept").type_text(search);
    harness.run();
    harness.get_by_role_and_label(Role::Button, concept_label).click();
    harness.run_steps(2);
}

#[test]
fn a_selected_phrase_becomes_a_name_its_mention_shows_and_undo_puts_the_files_back() {
    let (mut harness, corpus) = app_at(&format!("document:{DOCUMENT}"), Lang::En);
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    let colours_before = colours(&harness);
    assert!(!mentioned(&harness, "intelligence-sharing", PHRASE), "not a name yet");

    let revision = harness.state().model.as_ref().expect("the model").revision;
    add_as_name_of(&mut harness, "intellig", "intelligence sharing");
    indexed_as_a_reload(&harness, revision);
    // The edit moved the concept to its own file: no concept changed colour.
    assert_eq!(colours(&harness), colours_before);
    assert!(harness.query_by_label_contains("Find a concept").is_none(), "the picker closed");
    harness.get_by_label_contains(&format!("New name of intelligence sharing: «{PHRASE}»"));
    assert!(mentioned(&harness, "intelligence-sharing", PHRASE), "indexed again at once");
    let own = std::fs::read_to_string(corpus.path().join("concepts/intelligence-sharing.ron")).unwrap();
    assert!(own.contains(&format!("\"{PHRASE}\"")), "{own}");

    // Highlighted: a click on it selects its concept.
    let glyphs = glyphs_of(&harness, PHRASE);
    click(&mut harness, glyphs[glyphs.len() / 2].center());
    assert_eq!(harness.state().state.selected.as_deref(), Some("intelligence-sharing"));

    // Undo from the notice: the files are as they were, the mention is gone.
    harness.get_by_role_and_label(Role::Button, "Undo").click();
    harness.run_steps(2);
    harness.get_by_label("Undone");
    indexed_as_a_reload(&harness, revision + 1);
    assert_eq!(catalog_files(corpus.path()), before);
    assert!(!corpus.path().join("concepts").exists());
    assert!(!mentioned(&harness, "intelligence-sharing", PHRASE));

    // Again, listed on the concept page; then Ctrl+Z undoes it.
    add_as_name_of(&mut harness, "تبادل", "intelligence sharing");
    harness.state_mut().push(diplomap::ui::context::Command::Navigate("concept:intelligence-sharing".parse().unwrap()));
    harness.run_steps(2);
    let listed = harness
        .get_all_by_role(Role::Link)
        .any(|node| node.accesskit_node().label().is_some_and(|label| label.contains(PHRASE)));
    assert!(listed, "a keyword-in-context row of the new mention");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(catalog_files(corpus.path()), before);
    assert!(!mentioned(&harness, "intelligence-sharing", PHRASE));
}

#[test]
fn a_name_another_concept_has_is_refused_and_nothing_is_written() {
    let (mut harness, corpus) = app_at(&format!("document:{DOCUMENT}"), Lang::En);
    harness.run_steps(3);
    add_as_name_of(&mut harness, "intellig", "intelligence sharing");
    let after_first = catalog_files(corpus.path());
    // The same phrase for another concept: refused, in the picker's notice.
    add_as_name_of(&mut harness, "terror", "terrorism");
    harness.get_by_label_contains("is already a name of");
    assert_eq!(catalog_files(corpus.path()), after_first);
}

#[test]
fn a_selected_phrase_becomes_a_new_concept_its_mention_shows_and_undo_removes_it() {
    let (mut harness, corpus) = app_at(&format!("document:{DOCUMENT}"), Lang::En);
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    select(&mut harness, PHRASE);
    harness.get_by_role_and_label(Role::Button, "New concept from this…").click();
    harness.run();
    // The Persian name holds the phrase; the English one is typed.
    let persian = harness.get_by_role_and_label(Role::TextInput, "Name in Persian");
    assert_eq!(persian.accesskit_node().value().as_deref(), Some(PHRASE));
    harness.get_by_role_and_label(Role::TextInput, "Name in English").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Name in English").type_text("Exchanged intelligence");
    harness.run();
    let revision = harness.state().model.as_ref().expect("the model").revision;
    harness.get_by_role_and_label(Role::Button, "Create concept").click();
    harness.run_steps(2);

    harness.get_by_label_contains("New concept: «Exchanged intelligence»");
    indexed_as_a_reload(&harness, revision);
    assert!(harness.query_by_label("Name in English").is_none(), "the form closed");
    let own = std::fs::read_to_string(corpus.path().join("concepts/exchanged-intelligence.ron")).unwrap();
    assert!(own.contains(&format!("\"{PHRASE}\"")) && own.contains("Exchanged intelligence"), "{own}");
    assert!(mentioned(&harness, "exchanged-intelligence", PHRASE), "indexed again at once");
    let glyphs = glyphs_of(&harness, PHRASE);
    click(&mut harness, glyphs[glyphs.len() / 2].center());
    assert_eq!(harness.state().state.selected.as_deref(), Some("exchanged-intelligence"));

    harness.get_by_role_and_label(Role::Button, "Undo").click();
    harness.run_steps(2);
    assert_eq!(catalog_files(corpus.path()), before);
    assert!(harness.state().model.as_ref().expect("the model").corpus.catalog.get("exchanged-intelligence").is_none());
}

/// An undo refused because the file changed on disk meanwhile says so in the
/// interface's language, reads the catalog again, and keeps the undo: once
/// the file is as the edit left it, the same undo puts everything back.
#[test]
fn a_refused_undo_is_said_in_persian_and_kept_to_try_again() {
    use diplomap::ui::context::Command;
    use diplomap::ui::context::command::CatalogAction;
    let (mut harness, corpus) = app_at(&format!("document:{DOCUMENT}"), Lang::Fa);
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    let add = CatalogAction::AddAlias { id: "intelligence-sharing".into(), text: PHRASE.into() };
    harness.state_mut().push(Command::Catalog(add));
    harness.run_steps(2);
    let own = corpus.path().join("concepts/intelligence-sharing.ron");
    let written = std::fs::read_to_string(&own).unwrap();
    std::fs::write(&own, format!("{written}// a hand edit made outside the program\n")).unwrap();

    harness.state_mut().push(Command::Catalog(CatalogAction::Undo));
    harness.run_steps(2);
    let notice = harness.state().views.notice.clone().unwrap_or_default();
    assert!(notice.starts_with("نوشته نشد") && notice.contains("دوباره خوانده شد"), "{notice}");
    assert!(notice.contains("intelligence-sharing.ron"), "it names the file: {notice}");
    assert!(harness.state().views.catalog_undo.is_some(), "the undo is kept");
    assert!(std::fs::read_to_string(&own).unwrap().contains("a hand edit"), "the hand edit is not overwritten");

    std::fs::write(&own, &written).unwrap();
    harness.state_mut().push(Command::Catalog(CatalogAction::Undo));
    harness.run_steps(2);
    assert_eq!(harness.state().views.notice.as_deref(), Some("برگردانده شد"));
    assert_eq!(catalog_files(corpus.path()), before);
}

/// A selected passage becomes the evidence of a relation: "Relate two
/// concepts…" opens the form over the passage, the direction swaps, Add
/// writes the relation to the source's own file; the concept page reads it
/// as a sentence at once, the map's graph has the edge with the passage as
/// its evidence, and undo puts the files back.
#[test]
fn a_selected_passage_becomes_the_evidence_of_a_new_relation_shown_at_once() {
    use diplomap::catalog::RelationKind;
    use diplomap::index::EdgeKind;
    let (mut harness, corpus) = app_at(&format!("document:{DOCUMENT}"), Lang::En);
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    select(&mut harness, PHRASE);
    harness.get_by_role_and_label(Role::Button, "Relate two concepts…").click();
    harness.run();
    harness.get_by_label_contains(&format!("«{PHRASE}"));
    let at = |harness: &Harness<'_, App>, id: &str| {
        let form = harness.state().views.relate.as_ref().expect("the form is open");
        form.concepts.iter().position(|c| c.id == id).expect("every concept can be chosen")
    };
    // Chosen the wrong way round, then swapped.
    let (sharing, terrorism) = (at(&harness, "intelligence-sharing"), at(&harness, "terrorism"));
    {
        let form = harness.state_mut().views.relate.as_mut().unwrap();
        (form.source, form.target, form.kind) = (terrorism, sharing, RelationKind::Counters);
    }
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Swap direction").click();
    harness.run();
    harness.get_by_label_contains("intelligence sharing counters terrorism");
    let revision = harness.state().model.as_ref().expect("the model").revision;
    harness.get_by_role_and_label(Role::Button, "Add relation").click();
    harness.run_steps(2);

    harness.get_by_label_contains("Relation added");
    indexed_as_a_reload(&harness, revision);
    let own = std::fs::read_to_string(corpus.path().join("concepts/intelligence-sharing.ron")).unwrap();
    assert!(own.contains("Counters") && own.contains("terrorism") && own.contains(DOCUMENT), "{own}");
    let model = harness.state().model.as_ref().expect("the model");
    let (source, target) =
        (model.concept_index("intelligence-sharing").unwrap(), model.concept_index("terrorism").unwrap());
    let edge = model
        .index
        .edges
        .iter()
        .find(|e| e.source == source && e.target == target && e.kind == EdgeKind::Relation(RelationKind::Counters))
        .expect("the map's graph has the new edge");
    let document = model.document_index(DOCUMENT).unwrap();
    let text = &model.corpus.documents[document].text;
    assert!(
        edge.evidence.iter().any(|p| p.document == document && text[p.range.clone()].contains(PHRASE)),
        "its evidence is the passage: {:?}",
        edge.evidence
    );
    harness.state_mut().push(diplomap::ui::context::Command::Navigate(diplomap::address::Address::Concept(
        "intelligence-sharing".into(),
    )));
    harness.run_steps(2);
    let row = harness
        .query_all_by_label_contains("counters terrorism")
        .any(|node| node.accesskit_node().label().is_some_and(|label| label.contains("counters terrorism  (")));
    let labels: Vec<String> =
        harness.query_all_by_label_contains("terrorism").filter_map(|n| n.accesskit_node().label()).collect();
    assert!(row, "the concept page reads the relation: {labels:?}");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(catalog_files(corpus.path()), before);
}

/// The concept page removes a curated relation from its open row and a name
/// with its button; each is written at once and undone from the notice.
#[test]
fn a_relation_and_a_name_are_removed_from_the_concept_page_and_undone() {
    use diplomap::catalog::RelationKind;
    // A tall window: the page's relations stand below its many names.
    let corpus = crate::common::corpus_copy();
    let app = crate::support::app_over(corpus.path(), "concept:interpol", Lang::En);
    let mut harness = crate::support::window(app, egui::vec2(1280.0, 2000.0));
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    let has_counters = |harness: &Harness<'_, App>| {
        let model = harness.state().model.as_ref().expect("the model");
        let interpol = model.corpus.catalog.get("interpol").expect("INTERPOL");
        interpol.relations.iter().any(|r| r.kind == RelationKind::Counters && r.target == "terrorism")
    };
    assert!(has_counters(&harness));
    let row = |label: &str| label.starts_with("+ counters terrorism");
    harness.get_by(crate::support::labelled(row)).click();
    harness.run_steps(2);
    let revision = harness.state().model.as_ref().expect("the model").revision;
    harness.get_by_role_and_label(Role::Button, "Remove this relation").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Relation removed");
    indexed_as_a_reload(&harness, revision);
    assert!(!has_counters(&harness), "the relation is gone");
    // The notice's Undo, at the bottom (the note editor has one of its own).
    let undo = harness
        .get_all_by_role(Role::Button)
        .filter(|n| n.accesskit_node().label().as_deref() == Some("Undo"))
        .max_by(|a, b| a.rect().min.y.total_cmp(&b.rect().min.y))
        .expect("the notice's Undo");
    undo.click();
    harness.run_steps(2);
    assert!(has_counters(&harness), "and back");
    assert_eq!(catalog_files(corpus.path()), before);

    let alias = {
        let model = harness.state().model.as_ref().expect("the model");
        model.corpus.catalog.get("interpol").and_then(|c| c.aliases.get(Lang::En).first().cloned()).expect("an alias")
    };
    let remove = format!("Remove the name «{alias}»");
    harness.get_by_role_and_label(Role::Button, &remove).click();
    harness.run_steps(2);
    harness.get_by_label_contains("Name removed");
    let model = harness.state().model.as_ref().expect("the model");
    assert!(!model.corpus.catalog.get("interpol").unwrap().aliases.get(Lang::En).contains(&alias));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(catalog_files(corpus.path()), before);
}

/// The concept page's «Edit…» form shows the concept as it is; Save writes
/// a renamed label and a new summary as one edit, the page shows them at
/// once, and one undo puts both back.
#[test]
fn a_concept_is_renamed_and_its_summary_rewritten_in_one_undoable_edit() {
    let (mut harness, corpus) = app_at("concept:europol", Lang::En);
    harness.run_steps(3);
    let before = catalog_files(corpus.path());
    harness.get_by_role_and_label(Role::Button, "Edit…").click();
    harness.run();
    let english = harness.get_by_role_and_label(Role::TextInput, "Name in English");
    assert_eq!(english.accesskit_node().value().as_deref(), Some("Europol"));
    {
        let form = harness.state_mut().views.edit_concept.as_mut().expect("the form is open");
        form.labels.en = "EUROPOL".into();
        form.summary.en = "The European Union's agency for law enforcement cooperation.".into();
    }
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Save changes").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Concept edited");
    assert!(harness.state().views.edit_concept.is_none(), "the form closed");
    assert!(harness.query_all_by_label("EUROPOL").count() >= 2, "the heading and the names show the new label");
    harness.get_by_label_contains("agency for law enforcement cooperation");
    let own = std::fs::read_to_string(corpus.path().join("concepts/europol.ron")).unwrap();
    assert!(own.contains("EUROPOL") && own.contains("law enforcement cooperation"), "{own}");

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    assert_eq!(catalog_files(corpus.path()), before);
}
