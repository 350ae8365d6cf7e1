//! Language detection per paragraph, from script counts.
//!
//! A file of the corpus may hold several languages (a Persian abstract then
//! its English twin; Arabic menu items on a Persian news page), so the
//! language is decided per paragraph. [`script_counts`] counts Latin and
//! Arabic-script letters and the letters that tell Persian from Arabic;
//! [`detect`] weighs them.
//!
//! ```
//! use diplomap::text::{Lang, lang::detect};
//! assert_eq!(detect("دیپلماسی پلیسی"), Some(Lang::Fa));
//! assert_eq!(detect("الدبلوماسية الشرطية"), Some(Lang::Ar));
//! assert_eq!(detect("Police diplomacy"), Some(Lang::En));
//! assert_eq!(detect("2021 — 194"), None);
//! ```
//!
//! How: more Latin than Arabic-script letters is English. Among Arabic-script
//! text, Persian evidence is the Persian-only letters `پ چ ژ گ` (weighted
//! heavily: Arabic never writes them) and Persian `ی ک`; Arabic evidence is
//! `ة`, the article `ال` at the start of words, `ى`, hamza on alef and Arabic
//! `ي ك` (weighted lightly: Persian typed on an Arabic keyboard, or extracted
//! from a PDF, is full of them). Relative weights, not the mere presence of a
//! letter, decide: a Persian paper that mixes Arabic `ي` into its `ی` stays
//! Persian. With no evidence either way (`دو روز`) the answer is Persian, the
//! corpus's main language.

use super::Lang;

/// Letter counts of a text, by script and by telltale letter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScriptCounts {
    /// Latin letters (any case, with diacritics).
    pub latin: usize,
    /// Letters of the Arabic script (Persian and Arabic alike).
    pub arabic_script: usize,
    /// `پ چ ژ گ`: written in Persian, never in Arabic.
    pub persian_only: usize,
    /// Persian `ی` (U+06CC) and `ک` (U+06A9).
    pub persian_ye_kaf: usize,
    /// Arabic `ي` (U+064A) and `ك` (U+0643).
    pub arabic_ye_kaf: usize,
    /// `ة`, `ى` and alef with hamza `أ إ`.
    pub arabic_forms: usize,
    /// Words that start with the article `ال`.
    pub arabic_article: usize,
}

impl ScriptCounts {
    /// All letters counted, of both scripts.
    pub fn letters(&self) -> usize {
        self.latin + self.arabic_script
    }

    /// Weighted evidence for Persian over Arabic.
    pub fn persian_score(&self) -> usize {
        4 * self.persian_only + self.persian_ye_kaf
    }

    /// Weighted evidence for Arabic over Persian.
    pub fn arabic_score(&self) -> usize {
        2 * self.arabic_forms + 3 * self.arabic_article + self.arabic_ye_kaf / 2
    }
}

/// The language of `text` (typically a paragraph), or `None` when it holds
/// no letters.
pub fn detect(text: &str) -> Option<Lang> {
    let counts = script_counts(text);
    if counts.letters() == 0 {
        return None;
    }
    if counts.latin > counts.arabic_script {
        return Some(Lang::En);
    }
    if counts.arabic_score() > counts.persian_score() {
        return Some(Lang::Ar);
    }
    Some(Lang::Fa)
}

/// The language of `text` (a line, say) inside a text in `surrounding`: a
/// short line has few telltale letters (a line of a Persian paper with
/// `ي ك` from the PDF and one `الملل` reads as Arabic on its own), so it
/// takes the other language of the two only on clear evidence: twice the
/// score and then some.
pub fn detect_within(text: &str, surrounding: Option<Lang>) -> Option<Lang> {
    let alone = detect(text)?;
    let counts = script_counts(text);
    let clearly = |this: usize, other: usize| this > 2 * other + 3;
    Some(match (surrounding, alone) {
        (Some(Lang::Fa), Lang::Ar) if !clearly(counts.arabic_score(), counts.persian_score()) => Lang::Fa,
        (Some(Lang::Ar), Lang::Fa) if !clearly(counts.persian_score(), counts.arabic_score()) => Lang::Ar,
        _ => alone,
    })
}

/// Counts the letters of `text` by script and telltale letter.
pub fn script_counts(text: &str) -> ScriptCounts {
    let mut counts = ScriptCounts::default();
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        count_letter(&mut counts, c);
        let word_start = previous.is_none_or(|p| !is_arabic_letter(p));
        if word_start && c == 'ا' && chars.peek() == Some(&'ل') {
            counts.arabic_article += 1;
        }
        previous = Some(c);
    }
    counts
}

fn count_letter(counts: &mut ScriptCounts, c: char) {
    if is_latin_letter(c) {
        counts.latin += 1;
        return;
    }
    if !is_arabic_letter(c) {
        return;
    }
    counts.arabic_script += 1;
    match c {
        'پ' | 'چ' | 'ژ' | 'گ' => counts.persian_only += 1,
        'ی' | 'ک' => counts.persian_ye_kaf += 1,
        'ي' | 'ك' => counts.arabic_ye_kaf += 1,
        'ة' | 'ى' | 'أ' | 'إ' => counts.arabic_forms += 1,
        _ => {}
    }
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
}

/// Letters of the Arabic script, including presentation forms, but not
/// digits, punctuation, harakat or tatweel.
fn is_arabic_letter(c: char) -> bool {
    let in_blocks = matches!(c,
        '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}');
    in_blocks && c.is_alphabetic() && c != '\u{0640}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Lang>) {
        assert_eq!(detect(text), expected, "language of {text:?}: {:?}", script_counts(text));
    }

    #[test]
    fn table() {
        check("", None);
        check("  ۱۸ ۱۳۹۱ — 2021, 194. ", None);
        check("دیپلماسی پلیسی", Some(Lang::Fa));
        check("دو روز", Some(Lang::Fa));
        check("ديپلماسي پليسي", Some(Lang::Fa));
        check("الدبلوماسية الشرطية", Some(Lang::Ar));
        check("منظمة شنغهاي للتعاون", Some(Lang::Ar));
        check("عرض المزيد", Some(Lang::Ar));
        check("Police diplomacy (دیپلماسی)", Some(Lang::En));
        check("اینترپل (INTERPOL) در سال 2021", Some(Lang::Fa));
        check("Café résumé", Some(Lang::En));
    }

    #[test]
    fn arabic_ye_does_not_make_persian_arabic() {
        check("هاي امنیت ملی و سیاست خارجي است", Some(Lang::Fa));
        check("کلیدي این نوشته حکمرانی امنیت ملی", Some(Lang::Fa));
    }

    #[test]
    fn persian_keyboard_arabic_stays_arabic() {
        check("الحوار آلیة فریدة من نوعها تجمع منظمات شرطیة إقلیمیة", Some(Lang::Ar));
    }

    #[test]
    fn article_counts_words_not_letters() {
        let counts = script_counts("الحوار والإنتربول المأمونة");
        assert_eq!(counts.arabic_article, 2);
    }
}
