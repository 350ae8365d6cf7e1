//! Phrases, checked on the text of the best candidates (the index keeps no
//! word positions): whether a passage holds the query's words side by side,
//! in order, after folding, and whether it holds one of the names a query
//! was expanded into (a name of several words counts only as a phrase).
//!
//! A passage's word matches a query word when they are equal, share a stem,
//! or the passage's word is the query word with a short ending (`پلیسی`,
//! `پلیس‌های` for `پلیس`; any ending for the unfinished last word).
//!
//! ```
//! use diplomap::index::search::phrase::holds_phrase;
//! let words = ["دیپلماسی".to_string(), "پلیس".to_string()];
//! assert!(holds_phrase("در قالب دیپلماسی پلیسی انجام شد", &words, false));
//! assert!(!holds_phrase("پلیس و دیپلماسی", &words, false));
//! ```

use super::terms::{StemMode, stems, tokens};
use crate::text::normalize::fold_str;

/// A passage's word may be a query word plus at most this many characters.
const MAX_ENDING_CHARS: usize = 3;

/// Whether `text` (original, not folded) holds the folded `words` side by
/// side in order; `last_prefix`: the last word may be any word's start.
pub fn holds_phrase(text: &str, words: &[String], last_prefix: bool) -> bool {
    holds_phrase_folded(&fold_str(text), words, last_prefix)
}

/// [`holds_phrase`] on text already folded.
pub fn holds_phrase_folded(folded: &str, words: &[String], last_prefix: bool) -> bool {
    if words.is_empty() {
        return false;
    }
    let found: Vec<&str> = tokens(folded).map(|r| &folded[r]).collect();
    found.windows(words.len()).any(|window| {
        window
            .iter()
            .zip(words)
            .enumerate()
            .all(|(i, (token, word))| word_matches(token, word, last_prefix && i + 1 == words.len()))
    })
}

/// Whether the passage's folded `token` is the folded query `word`.
fn word_matches(token: &str, word: &str, prefix: bool) -> bool {
    if token == word {
        return true;
    }
    if let Some(ending) = token.strip_prefix(word) {
        return prefix || ending.chars().count() <= MAX_ENDING_CHARS;
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for mode in [StemMode::Persian, StemMode::Arabic] {
        a.clear();
        b.clear();
        stems(token, mode, &mut a);
        stems(word, mode, &mut b);
        a.push(token);
        b.push(word);
        if a.iter().any(|s| s.chars().count() >= 2 && b.contains(s)) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn phrase_needs_the_words_in_order_and_side_by_side() {
        let q = words("human trafficking");
        assert!(holds_phrase("the fight against Human Trafficking today", &q, false));
        assert!(!holds_phrase("human rights and drug trafficking", &q, false));
        assert!(!holds_phrase("trafficking human", &q, false));
    }

    #[test]
    fn folding_and_endings_count() {
        let q = words(&fold_str("ديپلماسي پليس").replace('\u{200c}', " "));
        assert!(holds_phrase("دیپلماسی پلیس‌محور", &q, true));
        assert!(holds_phrase("دیپلماسی پلیسی", &q, false));
        assert!(!holds_phrase("دیپلماسی شهری و پلیس", &q, true));
    }
}
