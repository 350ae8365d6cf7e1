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
