//! notes (stub)
