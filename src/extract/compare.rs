//! Words in order: the share of a reference text's words that another text
//! has in the same order — the length of the longest common subsequence of
//! their words over the reference's word count.
//!
//! Both texts are folded first, so that only order and spelling count:
//! bidi controls (U+200E/F, U+202A–E, U+2066–9) and tatweel are removed,
//! Arabic presentation forms become the letters they show, ZWNJ, no-break
//! and other spaces and punctuation separate words.
//!
//! ```
//! use diplomap::extract::compare::words_in_order;
//! assert_eq!(words_in_order("یک دو سه چهار", "یک دو سه چهار"), 1.0);
//! assert_eq!(words_in_order("یک دو سه چهار", "چهار سه دو یک"), 0.25);
//! assert_eq!(words_in_order("می‌شود، (INTERPOL)", "\u{202B}می شود\u{202C} INTERPOL"), 1.0);
//! ```

/// The words of `text` after folding.
pub fn words(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{0640}' | '\u{FEFF}' => {}
            '\u{200C}' | '\u{200B}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => folded.push(' '),
            c if c.is_whitespace() => folded.push(' '),
            c if is_punctuation(c) => folded.push(' '),
            c => match crate::text::normalize::presentation_form(c) {
                Some(base) => folded.push_str(base),
                None => folded.push(c),
            },
        }
    }
    folded.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c, '،' | '؛' | '؟' | '«' | '»' | '٪' | '٫' | '٬' | '–' | '—' | '‘' | '’' | '“' | '”' | '…' | '۔')
}

/// The share (0..=1) of `reference`'s words that `candidate` has in order.
pub fn words_in_order(reference: &str, candidate: &str) -> f64 {
    let a = words(reference);
    let b = words(candidate);
    if a.is_empty() {
        return 1.0;
    }
    lcs(&a, &b) as f64 / a.len() as f64
}

/// Longest common subsequence length, in O(len(a) × len(b)) time and O(len(b)) memory.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}
