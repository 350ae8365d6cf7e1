//! index (stub)
