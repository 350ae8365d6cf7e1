//! Detection of lines in broken visual order (PDF damage).
