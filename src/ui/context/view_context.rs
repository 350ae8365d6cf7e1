//! What every view reads while it draws: the loaded model and the settings
//! that change how it draws.

use super::model::Model;
use crate::text::Lang;

/// What every view reads: the model and the settings that change how it draws.
#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    pub model: &'a Model,
    pub lang: Lang,
    pub dark: bool,
    /// The selected concept, by catalog index.
    pub selected: Option<usize>,
}
