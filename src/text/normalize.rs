//! Folding for matching, with an offset map back to the original bytes.
