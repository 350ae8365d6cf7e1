//! Loading the corpus off the UI thread: the loading screen with its
//! progress bar and Cancel button, the model arriving with a new revision,
//! and files changed on disk picked up while the program runs.

#![cfg(feature = "gui")]

use std::path::Path;
use std::time::{Duration, Instant};

use diplomap::text::Lang;
use diplomap::ui::context::model::Model;
use diplomap::ui::shell::loading::{CorpusLoader, loading_ui};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn write_corpus(dir: &Path, documents: usize, paragraphs: usize) {
    std::fs::create_dir_all(dir.join("documents")).unwrap();
    std::fs::write(
        dir.join("concepts.ron"),
        r#"Catalog(concepts: [
            Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL")),
            Concept(id: "europol", kind: Organisation, labels: (fa: "یوروپل", en: "Europol")),
        ])"#,
    )
    .unwrap();
    let paragraph = "همکاری پلیس اینترپل و یوروپل در مبارزه با جرایم سازمان‌یافته ادامه دارد.\n\n";
    for n in 0..documents {
        std::fs::write(dir.join(format!("documents/d{n:04}.txt")), paragraph.repeat(paragraphs)).unwrap();
    }
}

/// Polls the loader (as the app does every frame) until it hands over a model.
fn wait_for_model(loader: &mut CorpusLoader) -> Result<Model, Vec<diplomap::diag::Diagnostic>> {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(model) = loader.poll() {
            return model;
        }
        assert!(Instant::now() < deadline, "the corpus did not load in time");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn loads_in_the_background_then_picks_up_changed_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_corpus(&corpus, 3, 2);
    let cache = dir.path().join("cache").join("index.bin");
    let ctx = egui::Context::default();
    let mut loader = CorpusLoader::start_with_cache(&ctx, corpus.clone(), Some(cache.clone()));
    assert!(loader.is_first_load());
    let model = wait_for_model(&mut loader).unwrap();
    assert!(!loader.is_first_load());
    assert_eq!(model.corpus.documents.len(), 3);
    assert_eq!(model.index.mentions.len(), 12);
    assert!(cache.is_file(), "the index cache is written");

    // Change one document on disk: the watcher notices, only it is indexed
    // again, and the new model has a higher revision.
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(corpus.join("documents/d0001.txt"), "INTERPOL\n\nINTERPOL\n\nEuropol\n").unwrap();
    let updated = wait_for_model(&mut loader).unwrap();
    assert!(updated.revision > model.revision);
    assert_eq!(updated.index.mentions.len(), 11);
    assert_eq!(updated.corpus.document("d0001").map(|d| d.text.len()), Some(28));
}

#[test]
fn a_broken_catalog_gives_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path(), 1, 1);
    std::fs::write(dir.path().join("concepts.ron"), "Catalog(concepts: [\n  Concept(id: 3),\n])").unwrap();
    let mut loader = CorpusLoader::start_with_cache(&egui::Context::default(), dir.path().to_path_buf(), None);
    let problems = wait_for_model(&mut loader).err().expect("a broken catalog is a failure");
    assert!(problems[0].to_string().contains("concepts.ron:2:"), "{problems:?}");
}

#[test]
fn the_loading_screen_shows_progress_and_cancels() {
    let dir = tempfile::tempdir().unwrap();
    // Big enough that indexing is still running when Cancel is clicked.
    write_corpus(dir.path(), 400, 300);
    let ctx = egui::Context::default();
    let loader = CorpusLoader::start_with_cache(&ctx, dir.path().to_path_buf(), None);
    let mut harness = Harness::builder()
        .with_size((800.0, 600.0))
        .with_context_setup(diplomap::ui::widgets::fonts::install_fonts)
        .build_ui_state(
            |ui, loader: &mut CorpusLoader| {
                let _ = loader.poll();
                loading_ui(ui, Lang::En, loader);
            },
            loader,
        );
    harness.run_steps(2);
    harness.get_by_label("Cancel").click();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !harness.state().is_cancelled() {
        assert!(Instant::now() < deadline, "cancelling did not stop the load");
        harness.run_steps(1);
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(harness.state().is_first_load());
    harness.run_steps(2);
    harness.get_by_label("Load again").click();
    harness.run_steps(1);
    assert!(harness.state().is_busy());
}
