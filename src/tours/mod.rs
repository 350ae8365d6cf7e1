//! tours (stub)
