//! What every layer of the window stands on: the commands views push, the
//! context they draw with, the loaded model, the state remembered between
//! runs and the interface's words. It imports nothing else of `ui`.

pub mod command;
pub mod i18n;
pub mod layout_store;
pub mod model;
pub mod state;
pub mod view_context;

pub use command::Command;
pub use view_context::ViewContext;
