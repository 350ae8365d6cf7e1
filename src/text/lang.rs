//! Language detection per paragraph.
