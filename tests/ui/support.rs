//! What the UI tests share: the app opened at an address on a copy of the
//! bundled corpus, and small queries.

use crate::common;

use diplomap::address::Address;
use diplomap::text::Lang;
use diplomap::ui::App;
use diplomap::ui::context::model::Model;
use diplomap::ui::context::state::AppState;
use std::path::Path;

use egui_kittest::kittest::AccessKitNode;
use egui_kittest::{Harness, HarnessBuilder};

/// The app on a copy of the bundled corpus, opened at `address`, in a
/// 1280×800 window.
pub fn app_at(address: &str, lang: Lang) -> (Harness<'static, App>, tempfile::TempDir) {
    let corpus = common::corpus_copy();
    let harness = window(app_over(corpus.path(), address, lang), egui::vec2(1280.0, 800.0));
    (harness, corpus)
}

/// The app over the corpus in `dir`, opened at `address` (on top of the
/// start page in its history), its interface in `lang`; exports go to
/// [`exports_of`]`(dir)`.
pub fn app_over(dir: &Path, address: &str, lang: Lang) -> App {
    let mut state = AppState { ui_lang: lang, ..AppState::default() };
    state.history.visit(address.parse().expect("a valid address"));
    app_with(dir, state)
}

/// Where the app over the corpus `dir` exports: outside the corpus (exports
/// are never written inside it), beside its temporary folder.
pub fn exports_of(dir: &Path) -> std::path::PathBuf {
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    std::env::temp_dir().join(format!("diplomap-test-exports-{name}"))
}

/// The app over the corpus in `dir` with `state`; exports go to [`exports_of`]`(dir)`.
pub fn app_with(dir: &Path, state: AppState) -> App {
    let model = match Model::load(dir) {
        Ok(model) => model,
        Err(problems) => panic!("the corpus at {} loads: {problems:?}", dir.display()),
    };
    let mut app = App::with_model(&egui::Context::default(), model, state);
    app.views.export_dir = exports_of(dir);
    app
}

/// A headless window of `size` with the program's look (its fonts, style).
pub fn builder(size: egui::Vec2) -> HarnessBuilder<App> {
    Harness::builder().with_size(size).with_context_setup(diplomap::ui::widgets::fonts::install_look)
}

/// `app` drawn in a headless window of `size`.
pub fn window(app: App, size: egui::Vec2) -> Harness<'static, App> {
    builder(size).build_ui_state(|ui, app: &mut App| app.draw(ui), app)
}

/// A query for a node whose accessible label passes `test`.
pub fn labelled(test: impl Fn(&str) -> bool) -> impl Fn(&AccessKitNode<'_>) -> bool {
    move |node| node.label().is_some_and(|label| test(&label))
}

pub fn current(harness: &Harness<'_, App>) -> Address {
    harness.state().state.history.current().clone()
}

/// Drag with the primary button from `from` to `to` over a few frames.
pub fn drag(harness: &mut egui_kittest::Harness<'_, diplomap::ui::App>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    harness.event(egui::Event::PointerMoved(from));
    harness.event(button(from, true));
    harness.run();
    for step in 1..=4 {
        let t = step as f32 / 4.0;
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.run();
    }
    harness.event(button(to, false));
    harness.run();
}

/// The text the last frame put on the clipboard, if any.
pub fn copied(harness: &egui_kittest::Harness<'_, diplomap::ui::App>) -> Option<String> {
    harness.output().platform_output.commands.iter().find_map(|command| match command {
        egui::OutputCommand::CopyText(text) => Some(text.clone()),
        _ => None,
    })
}

/// Frames, `pause` apart, until `done` holds of the app; fails naming `what`
/// once `within` has passed (work done off the UI thread: an index, a repair).
pub fn run_until(
    harness: &mut Harness<'_, App>,
    within: std::time::Duration,
    pause: std::time::Duration,
    what: &str,
    done: impl Fn(&Harness<'_, App>) -> bool,
) {
    let deadline = std::time::Instant::now() + within;
    harness.run_steps(1);
    while !done(harness) {
        assert!(std::time::Instant::now() < deadline, "{what} in time");
        std::thread::sleep(pause);
        harness.run_steps(1);
    }
}

/// Frames, a few milliseconds apart, until the search index being built off
/// the UI thread is there (then two more, so the page shows its results).
pub fn wait_for_search_index(harness: &mut Harness<'_, App>) {
    let (within, pause) = (std::time::Duration::from_secs(60), std::time::Duration::from_millis(5));
    run_until(harness, within, pause, "the search index was not built", |h| !h.state().search_index.is_indexing());
    harness.run_steps(2);
}

/// The find box's hit counter ("2/7", in the interface's digits), if shown.
pub fn find_counter(harness: &Harness<'_, App>) -> Option<String> {
    use egui_kittest::kittest::Queryable;
    harness.get_all_by_role(egui::accesskit::Role::Label).filter_map(|node| node.value()).find(|label| {
        label
            .split_once('/')
            .is_some_and(|(shown, all)| [shown, all].iter().all(|n| !n.is_empty() && n.chars().all(char::is_numeric)))
    })
}
