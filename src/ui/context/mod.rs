//! What every layer of the window stands on: the loaded model, the state
//! remembered between runs and the interface's words.

pub mod i18n;
pub mod model;
pub mod state;
