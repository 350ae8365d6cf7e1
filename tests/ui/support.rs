//! What the UI tests share: the app opened at an address on a copy of the
//! bundled corpus, and small queries.

use crate::common;

use diplomap::address::Address;
use diplomap::text::Lang;
use diplomap::ui::App;
use diplomap::ui::model::Model;
use diplomap::ui::state::AppState;
use egui_kittest::Harness;
use egui_kittest::kittest::AccessKitNode;

/// The app on a copy of the bundled corpus, opened at `address`.
pub fn app_at(address: &str, lang: Lang) -> (Harness<'static, App>, tempfile::TempDir) {
    let corpus = common::corpus_copy();
    let model = match Model::load(corpus.path()) {
        Ok(model) => model,
        Err(problems) => panic!("the corpus copy loads: {problems:?}"),
    };
    let mut state = AppState::default();
    state.ui_lang = lang;
    state.history.visit(address.parse().expect("a valid address"));
    let app = App::with_model(&egui::Context::default(), model, state);
    let harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_context_setup(diplomap::ui::app::install_look)
        .build_ui_state(|ui, app: &mut App| app.draw(ui), app);
    (harness, corpus)
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
