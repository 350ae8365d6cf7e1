//! diplomap: a knowledge-base browser for Persian, Arabic and English texts on
//! diplomacy and security.
//!
//! The library is a pure core — [`text`], [`corpus`], [`catalog`], [`index`],
//! [`notes`], [`tours`], [`graph`] — that never imports egui, with two thin front
//! ends over it: [`cli`] (JSON out, for scripts and tests) and `ui` (the eframe
//! app, behind the default `gui` feature). See `ARCHITECTURE.md`.

pub mod address;
pub mod atomic;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod corpus;
pub mod diag;
pub mod export;
pub mod graph;
pub mod index;
pub mod notes;
pub mod suggest;
pub mod text;
pub mod tours;
#[cfg(feature = "gui")]
pub mod ui;
