//! The catalog's folded names ([`FoldedNames`]) kept between frames, built
//! again only when the model's revision changes: the map's search box and the
//! concept list's filter look names up every frame while they hold text.

use std::sync::Arc;

use eframe::egui;

use super::model::Model;
use crate::catalog::names::FoldedNames;

/// The folded names of `model`'s catalog, from the context's memory when
/// they were built for this revision.
pub fn folded_names(ctx: &egui::Context, model: &Model) -> Arc<FoldedNames> {
    let id = egui::Id::unique("diplomap folded names");
    let cached: Option<(u64, Arc<FoldedNames>)> = ctx.data(|data| data.get_temp(id));
    if let Some((revision, names)) = cached
        && revision == model.revision
    {
        return names;
    }
    let names = Arc::new(FoldedNames::of(&model.corpus.catalog));
    ctx.data_mut(|data| data.insert_temp(id, (model.revision, names.clone())));
    names
}
