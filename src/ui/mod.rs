//! ui (stub)
pub mod bidi_text;
pub mod fonts;
