//! ui (stub)
