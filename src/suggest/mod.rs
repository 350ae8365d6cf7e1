//! Suggested concepts: the multi-word terms the corpus keeps using that no
//! concept of the catalog names, ranked, each with its count, documents and
//! passages — in Persian, Arabic and English alike.
//!
//! How: every paragraph (lines in broken visual order left out) is folded as
//! for matching (`ی/ي`, `ک/ك`, hamza forms, harakat, ZWNJ — see
//! [`crate::text::normalize`]) and cut into words; runs of two to four words
//! with only spaces or a hyphen between them are candidates, unless they
//! start or end with a stop word of their language ([`stopwords`]) or
//! overlap a mention of a concept the catalog already has. Words are
//! compared by a key that drops what the matcher tolerates: the Arabic
//! article and its proclitics (`ال وال بال لل …`), Persian plural `ها/های`
//! and the English plural `s`. Each term is shown in its most frequent
//! spelling. Terms are ranked by C-value (Frantzi et al.: frequency, less the
//! mean frequency of the longer terms that contain it, times log2 of the
//! length) times `1 + ln(documents)`, so a term spread over many documents
//! outranks one repeated in one place.
//!
//! Dismissed terms are remembered in `corpus/suggestions.ron`
//! ([`Dismissals`]) and left out.
//!
//! ```
//! use diplomap::{catalog::Catalog, corpus::{Corpus, Document, DocumentMeta}, suggest::suggest};
//! let text = "Maritime security matters. Maritime security again, and maritime security.";
//! let document = Document::new("d".into(), text.into(), DocumentMeta::default());
//! let corpus = Corpus { dir: ".".into(), catalog: Catalog::default(), documents: vec![document] };
//! let found = suggest(&corpus, &Default::default());
//! assert_eq!(found[0].term, "Maritime security");
//! assert_eq!(found[0].count, 3);
//! ```

pub mod stopwords;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::index::mentions::Matcher;
use crate::text::normalize::{fold, fold_str};
use crate::text::{Lang, broken_order, lang, segment};

/// The fewest occurrences a term needs.
pub const MIN_COUNT: usize = 2;
/// The most words in a term.
pub const MAX_WORDS: usize = 4;

/// One occurrence of a term: bytes of a document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub document: usize,
    pub range: Range<usize>,
}

/// A suggested term.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Its most frequent spelling, as written in the corpus.
    pub term: String,
    pub lang: Lang,
    /// The key it is counted by (folded words, clitics off).
    pub key: String,
    pub count: usize,
    pub documents: usize,
    pub score: f64,
    /// Every occurrence, in corpus order.
    pub evidence: Vec<Occurrence>,
}

/// The key of one folded word: the Arabic article and its proclitics off
/// (when three letters remain), Persian `ها/های/هایی` and the English plural
/// `s` off.
pub fn word_key(lang: Lang, word: &str) -> String {
    let letters = |s: &str| s.chars().count();
    match lang {
        Lang::En => {
            if letters(word) > 3
                && word.ends_with('s')
                && !word.ends_with("ss")
                && !word.ends_with("us")
                && !word.ends_with("is")
            {
                return word[..word.len() - 1].to_string();
            }
            word.to_string()
        }
        Lang::Fa | Lang::Ar => {
            let mut w = word;
            for prefix in ["وبال", "فبال", "وال", "فال", "بال", "کال", "ولل", "فلل", "لل", "ال"]
            {
                if let Some(rest) = w.strip_prefix(prefix)
                    && letters(rest) >= 3
                {
                    w = rest;
                    break;
                }
            }
            for suffix in ["هایی", "های", "ها"] {
                if let Some(rest) = w.strip_suffix(suffix)
                    && letters(rest) >= 3
                {
                    w = rest;
                    break;
                }
            }
            w.to_string()
        }
    }
}

/// The key of a whole term as an editor writes it (for dismissals).
pub fn term_key(lang: Lang, term: &str) -> String {
    let folded = fold_str(term);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| word_key(lang, w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word of a paragraph: its folded text, its key, its language and its
/// original bytes.
struct Word {
    folded: Range<usize>,
    text: String,
    key: String,
    lang: Lang,
    original: Range<usize>,
    /// Whether only spaces or a hyphen stand between this word and the next.
    joins_next: bool,
}

/// What was counted for one term key.
#[derive(Default)]
struct Tally {
    words: usize,
    lang: Option<Lang>,
    occurrences: Vec<Occurrence>,
    spellings: HashMap<String, usize>,
}

/// Terms dismissed by an editor, per language, as written; kept in
/// `corpus/suggestions.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Dismissals {
    pub dismissed: Vec<Dismissed>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dismissed {
    pub lang: Lang,
    pub term: String,
}

/// Why the dismissals file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    #[error("{0}")]
    Invalid(crate::diag::Diagnostic),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

impl Dismissals {
    /// The file of a corpus folder.
    pub fn path(corpus_dir: &Path) -> PathBuf {
        corpus_dir.join("suggestions.ron")
    }

    /// Reads the dismissals; none when the file does not exist.
    pub fn load(corpus_dir: &Path) -> Result<Dismissals, SuggestError> {
        let path = Dismissals::path(corpus_dir);
        if !path.exists() {
            return Ok(Dismissals::default());
        }
        let text = crate::diag::read_utf8(&path).map_err(SuggestError::Invalid)?;
        ron::from_str(&text).map_err(|e| SuggestError::Invalid(crate::diag::Diagnostic::from_ron(&path, &e)))
    }

    /// Adds `term` and writes the file atomically (it is read again first,
    /// so a dismissal written elsewhere meanwhile is kept).
    pub fn dismiss(corpus_dir: &Path, lang: Lang, term: &str) -> Result<Dismissals, SuggestError> {
        let mut dismissals = Dismissals::load(corpus_dir)?;
        if !dismissals.contains(lang, &term_key(lang, term)) {
            dismissals.dismissed.push(Dismissed { lang, term: term.to_string() });
        }
        let path = Dismissals::path(corpus_dir);
        let mut text = String::from("// Terms dismissed from the suggested concepts (diplomap suggest).\n");
        let pretty = ron::ser::PrettyConfig::new().struct_names(true);
        text.push_str(&ron::ser::to_string_pretty(&dismissals, pretty).unwrap_or_default());
        text.push('\n');
        crate::atomic::write_atomic(&path, text.as_bytes()).map_err(|source| SuggestError::Io { path, source })?;
        Ok(dismissals)
    }

    pub fn contains(&self, lang: Lang, key: &str) -> bool {
        self.dismissed.iter().any(|d| d.lang == lang && term_key(lang, &d.term) == key)
    }
}

/// The words of one paragraph, in order.
fn paragraph_words(text: &str, range: Range<usize>, broken: &[Range<usize>]) -> Vec<Word> {
    let original = &text[range.clone()];
    let paragraph_lang = lang::detect(original).unwrap_or(Lang::Fa);
    let folded = fold(original);
    let f = folded.text();
    let mut words: Vec<Word> = Vec::new();
    let mut start = None;
    let push = |words: &mut Vec<Word>, s: usize, e: usize| {
        let word = &f[s..e];
        let latin = word.chars().any(|c| c.is_ascii_alphabetic());
        let lang = if latin {
            Lang::En
        } else if paragraph_lang == Lang::En {
            Lang::Fa
        } else {
            paragraph_lang
        };
        let local = folded.original_range_in(original, s..e);
        let original = range.start + local.start..range.start + local.end;
        let gap = words.last().map(|w: &Word| &f[w.folded.end..s]);
        if let (Some(gap), Some(last)) = (gap, words.last_mut()) {
            let spaces = gap.chars().all(|c| c == ' ' || c == '-' || c == '\n' || c == '\r');
            last.joins_next =
                spaces && gap.chars().filter(|&c| c == '-').count() <= 1 && gap.matches('\n').count() <= 1;
        }
        let in_broken = broken.iter().any(|b| b.start < original.end && original.start < b.end);
        words.push(Word {
            folded: s..e,
            text: word.to_string(),
            key: word_key(lang, word),
            lang,
            original,
            joins_next: false,
        });
        if in_broken && let Some(last) = words.last_mut() {
            last.key.clear();
        }
    };
    for (i, c) in f.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            push(&mut words, s, i);
        }
    }
    if let Some(s) = start {
        push(&mut words, s, f.len());
    }
    words
}

/// Whether a folded word may be part of a term at all.
fn is_term_word(word: &str, key: &str) -> bool {
    !key.is_empty() && word.chars().count() >= 2 && !word.chars().all(|c| c.is_ascii_digit())
}

/// The suggestions of a corpus, best first, without the dismissed ones.
pub fn suggest(corpus: &Corpus, dismissals: &Dismissals) -> Vec<Suggestion> {
    let matcher = Matcher::new(&corpus.catalog);
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for (document, doc) in corpus.documents.iter().enumerate() {
        let text = &doc.text;
        let broken = broken_order::broken_lines(text);
        let mentions: Vec<Range<usize>> = matcher.find(text).into_iter().map(|m| m.range).collect();
        for paragraph in segment::paragraphs(text) {
            let words = paragraph_words(text, paragraph, &broken);
            let folded_words: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            for first in 0..words.len() {
                let w0 = &words[first];
                if !is_term_word(folded_words[first], &w0.key)
                    || stopwords::is_stop(w0.lang, folded_words[first])
                    || stopwords::is_stop(w0.lang, &w0.key)
                {
                    continue;
                }
                for last in first + 1..(first + MAX_WORDS).min(words.len()) {
                    let prev = &words[last - 1];
                    let w = &words[last];
                    if !prev.joins_next || w.lang != w0.lang || !is_term_word(folded_words[last], &w.key) {
                        break;
                    }
                    let stop = stopwords::is_stop(w.lang, folded_words[last]) || stopwords::is_stop(w.lang, &w.key);
                    if stop {
                        if stopwords::may_stand_inside(w.lang, folded_words[last]) {
                            continue;
                        }
                        break;
                    }
                    let range = w0.original.start..w.original.end;
                    if mentions.iter().any(|m| m.start < range.end && range.start < m.end) {
                        break;
                    }
                    let key: Vec<&str> = words[first..=last].iter().map(|w| w.key.as_str()).collect();
                    let tally = tallies.entry(format!("{}:{}", w0.lang.code(), key.join(" "))).or_default();
                    tally.words = last - first + 1;
                    tally.lang = Some(w0.lang);
                    tally.occurrences.push(Occurrence { document, range: range.clone() });
                    *tally.spellings.entry(text[range].to_string()).or_default() += 1;
                }
            }
        }
    }
    rank(tallies, dismissals)
}

/// C-value with document spread, best first.
fn rank(tallies: HashMap<String, Tally>, dismissals: &Dismissals) -> Vec<Suggestion> {
    let frequent: HashMap<&str, &Tally> =
        tallies.iter().filter(|(_, t)| t.occurrences.len() >= MIN_COUNT).map(|(k, t)| (k.as_str(), t)).collect();
    // For each term, the frequencies of the longer terms that contain it.
    let mut nested: HashMap<&str, Vec<usize>> = HashMap::new();
    for (key, tally) in &frequent {
        let Some((lang, words)) = key.split_once(':') else { continue };
        let words: Vec<&str> = words.split(' ').collect();
        let mut seen = HashSet::new();
        for len in 2..words.len() {
            for start in 0..=words.len() - len {
                let inner = format!("{lang}:{}", words[start..start + len].join(" "));
                if let Some((inner_key, _)) = frequent.get_key_value(inner.as_str())
                    && seen.insert(*inner_key)
                {
                    nested.entry(inner_key).or_default().push(tally.occurrences.len());
                }
            }
        }
    }
    let mut out: Vec<Suggestion> = Vec::new();
    for (key, tally) in &frequent {
        let Some(lang) = tally.lang else { continue };
        let words_key = key.split_once(':').map_or("", |(_, w)| w);
        if dismissals.contains(lang, words_key) {
            continue;
        }
        let count = tally.occurrences.len();
        let containing = nested.get(key).map_or(0.0, |f| f.iter().sum::<usize>() as f64 / f.len() as f64);
        let c_value = (tally.words as f64).log2() * (count as f64 - containing);
        if c_value <= 0.0 {
            continue;
        }
        let documents: HashSet<usize> = tally.occurrences.iter().map(|o| o.document).collect();
        let score = c_value * (1.0 + (documents.len() as f64).ln());
        let term = tally
            .spellings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or_else(String::new, |(s, _)| s.split_whitespace().collect::<Vec<_>>().join(" "));
        let mut evidence = tally.occurrences.clone();
        evidence.sort_by_key(|o| (o.document, o.range.start, o.range.end));
        out.push(Suggestion {
            term,
            lang,
            key: words_key.to_string(),
            count,
            documents: documents.len(),
            score: (score * 1000.0).round() / 1000.0,
            evidence,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| b.count.cmp(&a.count)).then_with(|| a.key.cmp(&b.key)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::corpus::{Document, DocumentMeta};

    fn corpus(texts: &[&str], catalog: &str) -> Corpus {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), (*t).to_string(), DocumentMeta::default()))
            .collect();
        let catalog: Catalog = ron::from_str(catalog).unwrap();
        Corpus { dir: ".".into(), catalog, documents }
    }

    fn terms(found: &[Suggestion]) -> Vec<&str> {
        found.iter().map(|s| s.term.as_str()).collect()
    }

    #[test]
    fn persian_spellings_with_and_without_zwnj_and_arabic_letters_are_one_term() {
        let c = corpus(
            &["امنیت دریایی مهم است.", "امنيت دريايي را ببینید.", "امنیت‌ دریایی‌ها و امنیت دریایی."],
            "Catalog(concepts: [])",
        );
        let found = suggest(&c, &Dismissals::default());
        assert_eq!(found[0].key, "امنیت دریایی");
        assert_eq!(found[0].count, 4);
        assert_eq!(found[0].documents, 3);
        assert_eq!(found[0].lang, Lang::Fa);
    }

    #[test]
    fn arabic_article_and_clitics_are_one_term_and_stop_words_do_not_end_one() {
        let c = corpus(
            &["الأمن البحري مهم. وللأمن البحري دور في المنطقة.", "بالأمن البحري يتم ذلك."],
            "Catalog(concepts: [])",
        );
        let found = suggest(&c, &Dismissals::default());
        assert_eq!(found[0].key, "امن بحری", "{:?}", terms(&found));
        assert_eq!(found[0].count, 3);
        assert!(found.iter().all(|s| !s.key.ends_with(" فی")), "{:?}", terms(&found));
    }

    #[test]
    fn named_concepts_and_dismissed_terms_are_left_out() {
        let text = "Police diplomacy and maritime security. Police diplomacy, maritime security and border control. Border control.";
        let c = corpus(
            &[text],
            r#"Catalog(concepts: [Concept(id: "police-diplomacy", kind: DiplomacyForm, labels: (en: "police diplomacy"))])"#,
        );
        let found = suggest(&c, &Dismissals::default());
        let keys = |found: &[Suggestion]| found.iter().map(|s| s.key.clone()).collect::<Vec<_>>();
        assert_eq!(keys(&found), ["border control", "maritime security"], "{:?}", terms(&found));
        let dismissed = Dismissals { dismissed: vec![Dismissed { lang: Lang::En, term: "Border controls".into() }] };
        assert_eq!(keys(&suggest(&c, &dismissed)), ["maritime security"]);
    }

    #[test]
    fn a_term_nested_in_a_longer_one_counts_only_its_own_uses() {
        let text = "Joint border control unit. Joint border control unit. Joint border control unit. Border control.";
        let found = suggest(&corpus(&[text], "Catalog(concepts: [])"), &Dismissals::default());
        assert_eq!(found[0].term, "Joint border control unit");
        let inner = found.iter().find(|s| s.key == "border control").unwrap();
        assert!(inner.score < found[0].score);
    }
}
