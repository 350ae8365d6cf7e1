//! Bidi paragraph layout (pure).
