//! Documents read in logical order: the vocabulary the repair scores against
//! (the bundled word lists plus clean lines) and a document's reading text
//! (see `text::repair`). The stored text is never changed.

use crate::text::broken_order::line_is_broken;
use crate::text::lang;
use crate::text::repair::{ReadingText, Vocabulary};

use super::{Corpus, Document};

impl Corpus {
    /// The bundled vocabulary plus the words of every clean Persian or Arabic
    /// line of the corpus (lines the detector does not flag).
    pub fn vocabulary(&self) -> Vocabulary {
        vocabulary_of(self.documents.iter().map(|d| d.text.as_str()))
    }
}

/// A document's reading text: its lines read with the bundled vocabulary plus
/// the document's own clean lines, so the reading depends on the document
/// alone (the index, its cache and the reader agree, and an edit elsewhere in
/// the corpus changes nothing here).
pub fn reading_of(text: &str) -> ReadingText {
    ReadingText::new(text, &vocabulary_of([text]))
}

/// The bundled vocabulary plus the clean lines of `texts`.
pub fn vocabulary_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vocabulary {
    let mut vocab = Vocabulary::bundled();
    let mut by_lang: [String; 2] = [String::new(), String::new()];
    for text in texts {
        for line in text.lines() {
            let slot = match lang::detect(line) {
                Some(crate::text::Lang::Fa) => 0,
                Some(crate::text::Lang::Ar) => 1,
                _ => continue,
            };
            if !line_is_broken(line) {
                by_lang[slot].push_str(line);
                by_lang[slot].push('\n');
            }
        }
    }
    for (lang, text) in [crate::text::Lang::Fa, crate::text::Lang::Ar].into_iter().zip(&by_lang) {
        vocab.add_clean_text(lang, text);
        vocab.add_word_pairs(lang, text);
    }
    vocab
}

impl Document {
    /// The document as the reader shows it: line N is stored line N, lines in
    /// broken visual order read back into logical order (see [`reading_of`]).
    pub fn reading(&self) -> ReadingText {
        reading_of(&self.text)
    }
}
