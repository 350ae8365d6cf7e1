//! Keeping passage anchors true to their documents.
//!
//! An anchor remembers a byte range and the text quoted from it. Against the
//! document's current text it is *valid* when the bytes at the range still
//! equal the quote, *moved* when the quote is found elsewhere (the nearest
//! occurrence to the old place is proposed), and *stale* when the quote is
//! nowhere in the document.

use super::model::Anchor;

/// Where an anchor stands against a document's current text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorStatus {
    /// The bytes at `start..end` still equal the quote.
    Valid,
    /// The quote is no longer at its range but is at `start..end`.
    Moved { start: usize, end: usize },
    /// The quote is nowhere in the document.
    Stale,
    /// The document does not exist (or could not be read).
    MissingDocument,
}

impl Anchor {
    /// An anchor on bytes `start..end` of `text`, quoting them; `None` when
    /// the range is out of bounds or splits a character.
    pub fn new(document: &str, text: &str, start: usize, end: usize) -> Option<Anchor> {
        let quote = text.get(start..end)?;
        Some(Anchor { document: document.to_owned(), start, end, quote: quote.to_owned() })
    }

    /// Checks this anchor against the document's current text.
    pub fn resolve(&self, text: &str) -> AnchorStatus {
        let bytes = text.as_bytes();
        if bytes.get(self.start..self.end) == Some(self.quote.as_bytes()) {
            return AnchorStatus::Valid;
        }
        match self.nearest_occurrence(text) {
            Some(start) => AnchorStatus::Moved { start, end: start + self.quote.len() },
            None => AnchorStatus::Stale,
        }
    }

    /// This anchor moved to `start` (as found by [`Anchor::resolve`]).
    pub fn moved_to(&self, start: usize) -> Anchor {
        Anchor { start, end: start + self.quote.len(), ..self.clone() }
    }

    /// The start of the occurrence of the quote nearest to the old start.
    fn nearest_occurrence(&self, text: &str) -> Option<usize> {
        if self.quote.is_empty() {
            return None;
        }
        text.match_indices(self.quote.as_str()).map(|(i, _)| i).min_by_key(|&i| i.abs_diff(self.start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(text: &str, quote: &str) -> Anchor {
        let start = text.find(quote).unwrap();
        Anchor::new("doc", text, start, start + quote.len()).unwrap()
    }

    #[test]
    fn unchanged_text_keeps_the_anchor_valid() {
        let text = "پلیس بین‌الملل یا اینترپل (INTERPOL) در سال ۱۹۲۳";
        let a = anchor(text, "اینترپل");
        assert_eq!(a.resolve(text), AnchorStatus::Valid);
    }

    #[test]
    fn edited_text_moves_or_stales_the_anchor() {
        let text = "alpha beta gamma beta";
        let a = anchor(text, "gamma");
        let edited = format!("new words before {text}");
        assert_eq!(a.resolve(&edited), AnchorStatus::Moved { start: 28, end: 33 });
        assert_eq!(a.moved_to(28).resolve(&edited), AnchorStatus::Valid);
        assert_eq!(a.resolve("alpha beta delta"), AnchorStatus::Stale);
        assert_eq!(a.resolve(""), AnchorStatus::Stale);
    }

    #[test]
    fn moved_picks_the_nearest_occurrence() {
        let text = "x beta y beta z beta";
        let a = Anchor { document: "doc".into(), start: 9, end: 13, quote: "beta".into() };
        assert_eq!(a.resolve(&format!("__{text}")), AnchorStatus::Moved { start: 11, end: 15 });
    }

    #[test]
    fn new_refuses_bad_ranges() {
        assert!(Anchor::new("doc", "ابc", 1, 3).is_none());
        assert!(Anchor::new("doc", "abc", 2, 9).is_none());
        assert_eq!(Anchor::new("doc", "abc", 1, 3).unwrap().quote, "bc");
    }
}
