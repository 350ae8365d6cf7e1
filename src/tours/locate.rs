//! Finding where things are in a tour's RON text, so that semantic errors
//! point at the step they belong to.

/// Byte offsets at which the elements of the top-level `steps: [...]` list
/// start, in order. Strings and comments are skipped; a text the scanner
/// does not understand gives fewer offsets, never a panic.
pub(super) fn step_offsets(text: &str) -> Vec<usize> {
    let code = code_chars(text);
    let Some(open) = steps_list_start(text, &code) else { return Vec::new() };
    let mut offsets = Vec::new();
    let mut depth = 0usize;
    let mut expecting = true;
    for &(at, c) in code.iter().filter(|(at, _)| *at > open) {
        match c {
            _ if c.is_whitespace() => continue,
            ']' | ')' | '}' if depth == 0 => break,
            ',' if depth == 0 => {
                expecting = true;
                continue;
            }
            _ => {}
        }
        if expecting {
            offsets.push(at);
            expecting = false;
        }
        match c {
            '[' | '(' | '{' => depth += 1,
            ']' | ')' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    offsets
}

/// Offset of the `[` that opens the value of the first `steps` field.
fn steps_list_start(text: &str, code: &[(usize, char)]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let (at, c) = code[i];
        let starts_word = at == 0 || !is_ident_byte(bytes[at - 1]);
        if c == 's' && starts_word && text[at..].starts_with("steps") {
            let after = at + "steps".len();
            let next_ok = bytes.get(after).is_none_or(|b| !is_ident_byte(*b));
            if next_ok && let Some(open) = colon_then_bracket(code, at) {
                return Some(open);
            }
        }
        i += 1;
    }
    None
}

/// After an identifier at `at`: skips it, whitespace, `:`, whitespace, and
/// returns the offset of a `[`.
fn colon_then_bracket(code: &[(usize, char)], at: usize) -> Option<usize> {
    let mut rest = code.iter().filter(|(i, c)| *i >= at + "steps".len() && !c.is_whitespace());
    let (_, colon) = rest.next()?;
    let (open, bracket) = rest.next()?;
    (*colon == ':' && *bracket == '[').then_some(*open)
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The characters of `text` with their offsets, leaving out the inside of
/// strings (only the opening `"` is kept) and of comments.
fn code_chars(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c == 'r'
            && !prev_is_ident(text, at)
            && let Some(hashes) = raw_string_opening(&text[at + 1..])
        {
            out.push((at, c));
            skip_raw_string(&mut chars, hashes);
            continue;
        }
        match c {
            '"' => {
                out.push((at, c));
                skip_string(&mut chars);
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '*') => {
                chars.next();
                let mut previous = ' ';
                for (_, n) in chars.by_ref() {
                    if previous == '*' && n == '/' {
                        break;
                    }
                    previous = n;
                }
            }
            _ => out.push((at, c)),
        }
    }
    out
}

fn prev_is_ident(text: &str, at: usize) -> bool {
    at > 0 && is_ident_byte(text.as_bytes()[at - 1])
}

/// The number of `#` of a raw string opening (`#"`, `##"`, or `"` for none)
/// at the start of `rest`, the text after an `r`.
fn raw_string_opening(rest: &str) -> Option<usize> {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    (rest.as_bytes().get(hashes) == Some(&b'"')).then_some(hashes)
}

/// Skips the rest of a raw string: its opening hashes and quote, its text,
/// and its closing quote and hashes.
fn skip_raw_string(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>, hashes: usize) {
    for _ in 0..=hashes {
        chars.next();
    }
    let mut run: Option<usize> = None;
    for (_, c) in chars.by_ref() {
        run = match (c, run) {
            ('"', _) => Some(0),
            ('#', Some(n)) => Some(n + 1),
            _ => None,
        };
        if run == Some(hashes) {
            return;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>) {
    while let Some((_, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '"' => return,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_step() {
        let text = "Tour(\n  title: (en: \"steps: [x]\"),\n  // steps: [\n  steps: [\n    TourStep(a: [1, 2]),\n    (b: \")\"),\n  ],\n)";
        let offsets = step_offsets(text);
        assert_eq!(offsets.len(), 2);
        assert!(text[offsets[0]..].starts_with("TourStep(a"));
        assert!(text[offsets[1]..].starts_with("(b:"));
    }

    #[test]
    fn raw_strings_are_skipped() {
        let text = "(steps: [(a: r#\"x\"]) \"#), (b: r\"]\")])";
        let offsets = step_offsets(text);
        assert_eq!(offsets.len(), 2, "{offsets:?}");
        assert!(text[offsets[1]..].starts_with("(b:"));
    }

    #[test]
    fn garbage_gives_nothing() {
        assert!(step_offsets("").is_empty());
        assert!(step_offsets("steps").is_empty());
        assert!(step_offsets("steps: [").is_empty());
        assert_eq!(step_offsets("steps: [(\"unterminated"), vec![8]);
    }
}
