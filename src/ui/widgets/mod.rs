//! The pieces every view draws with: the egui side of the bidi layout,
//! paragraphs and labels, the selection of read-only text, the text editor,
//! mirroring for a right-to-left interface, icons and the bundled fonts.

pub mod bidi_edit;
pub mod bidi_text;
pub mod choice;
pub mod fonts;
pub mod icons;
pub mod long_text;
pub mod mirror;
pub mod paragraph_selection;
pub mod paragraphs;
