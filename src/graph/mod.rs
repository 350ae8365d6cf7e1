//! graph (stub)
