//! corpus (stub)
