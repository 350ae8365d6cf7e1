//! The text core: everything diplomap knows about Persian, Arabic and English
//! text, with no UI. Folding for matching with an offset map back to the
//! original bytes ([`normalize`]), paragraph and sentence segmentation
//! ([`segment`]), language detection ([`lang`]), detection of lines in broken
//! visual order ([`broken_order`]) and their repair into logical order with a
//! byte map back ([`repair`]), the bidi paragraph layout
//! ([`bidi_layout`]), which is pure and measures through a callback, and
//! editing by logical offsets with undo ([`editing`]).

pub mod bidi_layout;
pub mod broken_order;
pub mod editing;
pub mod lang;
pub mod normalize;
mod presentation_forms;
pub mod repair;
pub mod segment;

use serde::{Deserialize, Serialize};

/// One of the three languages the program reads and speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    Fa,
    Ar,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fa, Lang::Ar, Lang::En];

    /// The ISO 639-1 code: `fa`, `ar`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Fa | Lang::Ar)
    }
}
