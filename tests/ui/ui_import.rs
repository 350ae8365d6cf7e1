//! Importing a text file from the window: a file dropped on it opens the
//! metadata form (driven by accessible labels), Import writes the document
//! into a copy of the corpus and opens it; a bad file is refused with its
//! message and nothing is written.

#![cfg(feature = "gui")]

use crate::common;
use crate::support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use diplomap::address::Address;
use diplomap::ui::App;
use diplomap::ui::context::Command;
use diplomap::ui::context::command::ImportAction;
use diplomap::ui::context::state::AppState;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A file dropped on the window, as the native integration reports it.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn harness_at(dir: &Path) -> Harness<'static, App> {
    let mut harness = support::window(support::app_with(dir, AppState::default()), egui::vec2(1280.0, 800.0));
    harness.run_steps(2);
    harness
}

/// The text field a visible label names.
fn field<'h>(harness: &'h Harness<'_, App>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
}

fn drop_file(harness: &mut Harness<'_, App>, path: &Path) {
    harness.input_mut().dropped_files.push(Arc::new(Dropped(path.to_path_buf())));
    harness.run_steps(3);
}

fn document_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const NEWS: &str = "همکاری پليس ايران با اینترپل\r\n\r\nنشست کارگروه مقابله با قاچاق مواد مخدر در تهران برگزار شد.\r\n";

#[test]
fn a_dropped_file_is_imported_through_the_form_and_opened() {
    let corpus = common::catalog_and_documents_copy();
    let source = tempfile::tempdir().unwrap();
    let path = source.path().join("police-news.txt");
    std::fs::write(&path, NEWS).unwrap();
    let before = document_files(corpus.path());
    let mut harness = harness_at(corpus.path());

    drop_file(&mut harness, &path);
    let heading = "همکاری پليس ايران با اینترپل";
    assert_eq!(field(&harness, "Title (Persian)").value().as_deref(), Some(heading), "titled by its first heading");
    assert_eq!(field(&harness, "Title (English)").value().as_deref(), Some(""), "not after the file");
    field(&harness, "Title (English)").focus();
    harness.run_steps(1);
    field(&harness, "Title (English)").type_text("police news");
    field(&harness, "Year").focus();
    harness.run_steps(1);
    field(&harness, "Year").type_text("۱۴۰۰");
    harness.run_steps(1);
    harness.get_by_label("Add a section").click();
    harness.run_steps(3);
    harness.run_steps(2);
    harness.get_by_label("Import").click();
    harness.run_steps(3);

    let Address::Document { id, anchor: None } = harness.state().state.history.current().clone() else {
        let form = harness.state().views.import.form.as_ref();
        panic!(
            "the new document opens, not {:?}; form: {:?}",
            harness.state().state.history.current(),
            form.map(|f| (&f.error, &f.year, &f.title, &f.sections))
        );
    };
    assert!(id.starts_with("005_"), "{id}");
    assert_eq!(std::fs::read(corpus.path().join(format!("documents/{id}.txt"))).unwrap(), NEWS.as_bytes());
    assert_eq!(document_files(corpus.path()).len(), before.len() + 2);
    let diagnostics = diplomap::check::check_corpus(corpus.path());
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    let model = harness.state().model.as_ref().expect("the corpus is loaded again");
    let document = model.corpus.document(&id).expect("the new document is in the model");
    assert_eq!(document.meta.title.fa, heading);
    assert_eq!(document.meta.title.en, "police news");
    assert_eq!(document.meta.year, Some(1400));
    assert_eq!(document.meta.languages, [diplomap::text::Lang::Fa]);
    assert_eq!(document.meta.sections.len(), 1);
    assert_eq!(document.meta.sections[0].lines, (1, 3));
    let document_index = model.document_index(&id).unwrap();
    let interpol = model.concept_index("interpol").unwrap();
    assert!(model.index.mentions_in(document_index).any(|m| m.concept == interpol), "indexed");
    assert!(harness.query_all_by_label("police news").count() >= 1, "the reader shows it");
}

#[test]
fn without_a_file_dialog_the_path_of_the_file_is_asked_for_and_opens_the_form() {
    let corpus = common::catalog_and_documents_copy();
    let source = tempfile::tempdir().unwrap();
    let path = source.path().join("police-news.txt");
    std::fs::write(&path, NEWS).unwrap();
    let mut harness = harness_at(corpus.path());
    harness.state_mut().push(Command::Import(ImportAction::OpenTyped));
    harness.run_steps(3);
    harness.get_by_label_contains("No file dialog could be opened");
    assert!(field(&harness, "Path of the file").is_focused(), "the path box takes the keyboard");
    field(&harness, "Path of the file").type_text(&path.to_string_lossy());
    harness.run_steps(2);
    harness.get_by_label("Open").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Path of the file").is_none(), "the path box closes");
    assert_eq!(field(&harness, "Title (Persian)").value().as_deref(), Some("همکاری پليس ايران با اینترپل"));

    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.state_mut().push(Command::Import(ImportAction::OpenTyped));
    harness.run_steps(3);
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Path of the file").is_none(), "Cancel closes the path box");
    assert!(harness.state().views.import.form.is_none(), "and writes nothing");
}

#[test]
fn a_bad_file_is_refused_with_its_message_and_nothing_is_written() {
    let corpus = common::catalog_and_documents_copy();
    let source = tempfile::tempdir().unwrap();
    let before = document_files(corpus.path());
    for (name, bytes, message) in [
        ("broken.txt", &b"ok\n\xd8 x"[..], "broken.txt:2:1: invalid UTF-8 at byte 3"),
        ("empty.txt", &b""[..], "empty.txt:1:1: the file is empty"),
        ("picture.txt", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], "not a text file: a NUL byte at byte 8"),
    ] {
        let path = source.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let mut harness = harness_at(corpus.path());
        drop_file(&mut harness, &path);
        harness.get_by_label_contains(message);
        harness.get_by_label("Nothing was written.");
        assert!(harness.query_by_label("Import").is_none(), "no way to import a bad file");
        harness.get_by_label("Close").click();
        harness.run_steps(2);
        assert!(harness.query_by_label("Nothing was written.").is_none(), "the form closes");
        assert_eq!(document_files(corpus.path()), before);
    }
}

#[test]
fn importing_the_same_text_twice_is_refused_in_the_form() {
    let corpus = common::catalog_and_documents_copy();
    let seed = common::corpus_dir().join("documents/003_412e824fada4b61c.txt");
    let source = tempfile::tempdir().unwrap();
    let path = source.path().join("kalkan.txt");
    std::fs::copy(&seed, &path).unwrap();
    let before = document_files(corpus.path());
    let mut harness = harness_at(corpus.path());
    drop_file(&mut harness, &path);
    harness.get_by_label_contains("kalkan.txt: already in the corpus, byte for byte, as document 003_412e824fada4b61c");
    assert!(harness.query_by_label("Import").is_none(), "no way to import it again");
    assert_eq!(document_files(corpus.path()), before);
}

fn pdf_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pdf").join(name)
}

#[test]
fn a_dropped_pdf_fills_the_form_from_its_text_and_metadata_and_is_imported_with_the_pdf_kept() {
    let corpus = common::catalog_and_documents_copy();
    let before = document_files(corpus.path());
    let mut harness = harness_at(corpus.path());
    drop_file(&mut harness, &pdf_fixture("chromium_fa_naskh_justify.pdf"));
    assert_eq!(
        field(&harness, "Title (Persian)").value().as_deref(),
        Some("دیدار وزیران امور خارجه در تهران"),
        "the PDF's own title"
    );
    assert_eq!(field(&harness, "Title (English)").value().as_deref(), Some(""));
    let year: i32 = field(&harness, "Year").value().unwrap_or_default().parse().expect("the PDF's year");
    assert!(year >= 2026, "{year}");
    let form = harness.state().views.import.form.as_ref().expect("the form is open");
    assert_eq!(form.languages, [diplomap::text::Lang::Fa]);
    // The preview shows the extracted text in reading order, not the PDF's glyph order.
    harness.get_by_label("دیدار وزیران امور خارجه در تهران");
    harness.get_by_label_contains("وزیر امور خارجه روز دوشنبه در نشستی با همتای ترکمنستانی");

    harness.get_by_label("Import").click();
    harness.run_steps(3);
    let Address::Document { id, anchor: None } = harness.state().state.history.current().clone() else {
        panic!("the new document opens, not {:?}", harness.state().state.history.current());
    };
    let mut added = document_files(corpus.path());
    added.retain(|n| !before.contains(n));
    assert_eq!(added, [format!("{id}.ron"), format!("{id}.source.pdf"), format!("{id}.txt")]);
    let text = std::fs::read_to_string(corpus.path().join(format!("documents/{id}.txt"))).unwrap();
    assert!(text.starts_with("دیدار وزیران امور خارجه در تهران\n\nوزیر امور خارجه روز دوشنبه"), "{text}");
}

#[test]
fn a_dropped_encrypted_or_scanned_pdf_is_refused_naming_it() {
    let corpus = common::catalog_and_documents_copy();
    let before = document_files(corpus.path());
    for (name, message) in [
        ("errors_encrypted.pdf", "errors_encrypted.pdf: the PDF is encrypted"),
        ("errors_image_only.pdf", "errors_image_only.pdf: the PDF has no text, only images"),
    ] {
        let mut harness = harness_at(corpus.path());
        drop_file(&mut harness, &pdf_fixture(name));
        harness.get_by_label_contains(message);
        harness.get_by_label("Nothing was written.");
        assert!(harness.query_by_label("Import").is_none(), "no way to import {name}");
        assert_eq!(document_files(corpus.path()), before);
    }
}
