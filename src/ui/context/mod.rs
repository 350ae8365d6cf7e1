//! What every layer of the window stands on: the commands views push, the
//! context they draw with, the loaded model, the state remembered between
//! runs and the interface's words. It imports nothing else of `ui`.

pub mod command;
pub mod layout_store;
pub mod model;
pub mod name_cache;
pub mod search_index;
pub mod state;
pub mod suggestions;
pub mod view_context;

/// The interface's words live in the core ([`crate::i18n`]): the exports
/// (legend, step counter) use them too.
pub use crate::i18n;

pub use command::Command;

/// A file dialog answering this fast was never shown (no portal or dialog
/// service): nobody cancels that quickly.
pub const NO_DIALOG_WITHIN: std::time::Duration = std::time::Duration::from_millis(400);
pub use view_context::ViewContext;
