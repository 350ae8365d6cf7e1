//! The letters the repair reads by: the key of an Arabic-script letter
//! (Arabic and Persian forms of one letter folded together) and the marks a
//! letter carries.

/// The key letter of a character: Arabic `ي ى` → `ی`, `ك` → `ک`, hamza forms of
/// alef → `ا`; `None` for what is not an Arabic-script letter.
pub(super) fn key_letter(c: char) -> Option<char> {
    Some(match c {
        '\u{064A}' | '\u{0649}' | '\u{06D0}' => '\u{06CC}',
        '\u{0643}' => '\u{06A9}',
        '\u{0623}' | '\u{0625}' | '\u{0622}' | '\u{0671}' => '\u{0627}',
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' => c,
        _ => return None,
    })
}

/// A harakat mark or tatweel: carried by the letter before it.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}
