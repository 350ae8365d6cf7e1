//! Where things are in a catalog file's text: the byte span of each entry of
//! `concepts.ron`'s `concepts: [...]` list, and of the one value of a
//! `concepts/<id>.ron` file, found by a small scanner that knows RON's
//! strings (with escapes, raw strings) and comments (line, nested block) so a
//! bracket inside either is not counted.
//!
//! The spans let an edit cut one concept out of `concepts.ron` and leave every
//! other byte — comments, blank lines, formatting — as it was.

use std::ops::Range;

/// One token the scanner cares about, with its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Open(u8, usize),
    Close(usize),
    Comma(usize),
    /// Anything else that is not blank or a comment (identifiers, numbers,
    /// strings, colons), by its first byte.
    Other(usize),
}

/// The tokens of `text`: comments and blanks skipped, strings as one token.
fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' => {
                out.push(Token::Other(i));
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                out.push(Token::Other(i));
                let mut j = i + 1;
                while bytes.get(j) == Some(&b'#') {
                    j += 1;
                }
                let hashes = j - i - 1;
                if bytes.get(j) != Some(&b'"') {
                    i = j;
                    continue;
                }
                j += 1;
                let closing: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                i = bytes[j..]
                    .windows(closing.len())
                    .position(|w| w == closing)
                    .map_or(bytes.len(), |p| j + p + closing.len());
            }
            b'(' | b'[' | b'{' => {
                out.push(Token::Open(b, i));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push(Token::Close(i));
                i += 1;
            }
            b',' => {
                out.push(Token::Comma(i));
                i += 1;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                out.push(Token::Other(i));
                // The rest of an identifier or number is one token.
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.') {
                    i += 1;
                }
            }
        }
    }
    out
}

fn offset(token: Token) -> usize {
    match token {
        Token::Open(_, at) | Token::Close(at) | Token::Comma(at) | Token::Other(at) => at,
    }
}

/// Spans of the values (from their first token to their closing bracket) of
/// the list at `open` (the index of an `Open(b'[')` token), and the index of
/// the token after the list.
fn list_items(text: &str, tokens: &[Token], open: usize) -> Vec<Range<usize>> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    for &token in &tokens[open + 1..] {
        match token {
            Token::Close(at) if depth == 0 => {
                if let Some(s) = start.take() {
                    items.push(s..last_end.max(s));
                }
                let _ = at;
                break;
            }
            Token::Comma(_) if depth == 0 => {
                if let Some(s) = start.take() {
                    items.push(s..last_end.max(s));
                }
            }
            _ => {
                if start.is_none() {
                    start = Some(offset(token));
                }
                match token {
                    Token::Open(..) => depth += 1,
                    Token::Close(at) => {
                        depth = depth.saturating_sub(1);
                        last_end = at + 1;
                    }
                    Token::Other(at) => last_end = token_end(text, at),
                    Token::Comma(_) => {}
                }
            }
        }
    }
    items
}

/// The end of a simple token starting at `at` (identifier, number or string).
fn token_end(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.get(at) == Some(&b'"') {
        let mut i = at + 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        return (i + 1).min(bytes.len());
    }
    let mut i = at + 1;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] == b'.') {
        i += 1;
    }
    i
}

/// The spans of the entries of the `concepts: [...]` list of a catalog file
/// (`Catalog(concepts: [Concept(...), ...])`), in order, each from its first
/// byte (`Concept` or `(`) to its closing `)`. Empty when there is no such list.
pub fn concept_entries(text: &str) -> Vec<Range<usize>> {
    let tokens = tokens(text);
    let mut depth = 0usize;
    for (i, &token) in tokens.iter().enumerate() {
        match token {
            Token::Open(b'[', _) if depth == 1 => {
                let key = i.checked_sub(2).and_then(|k| match tokens[k] {
                    Token::Other(at) => Some(&text[at..token_end(text, at)]),
                    _ => None,
                });
                if key == Some("concepts") {
                    return list_items(text, &tokens, i);
                }
                depth += 1;
            }
            Token::Open(..) => depth += 1,
            Token::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Vec::new()
}

/// The span of the one value of a file (`Concept(...)`), comments before and
/// after it excluded.
pub fn single_value(text: &str) -> Option<Range<usize>> {
    let tokens = tokens(text);
    let first = *tokens.first()?;
    let start = offset(first);
    let mut depth = 0usize;
    for &token in &tokens {
        match token {
            Token::Open(..) => depth += 1,
            Token::Close(at) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(start..at + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// The bytes to cut to remove the list entry `entry` from `text`: the entry,
/// its trailing comma, and — when the entry is alone on its lines — the
/// indentation before it and the line break after it, so no blank line is
/// left behind.
pub fn removal_span(text: &str, entry: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut end = entry.end;
    let mut j = end;
    while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
        j += 1;
    }
    if bytes.get(j) == Some(&b',') {
        end = j + 1;
    }
    let line_start = text[..entry.start].rfind('\n').map_or(0, |i| i + 1);
    let alone_before = text[line_start..entry.start].bytes().all(|b| b == b' ' || b == b'\t');
    let mut k = end;
    while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t' || bytes[k] == b'\r') {
        k += 1;
    }
    let alone_after = k >= bytes.len() || bytes[k] == b'\n';
    if alone_before && alone_after {
        return line_start..(k + 1).min(bytes.len());
    }
    entry.start..end
}

/// The `//` comments inside `span` of `text`, one a line, without their
/// indentation (carried into a concept's own file when it moves there).
pub fn line_comments(text: &str, span: Range<usize>) -> Vec<&str> {
    let piece = &text[span.clone()];
    let tokens = tokens(piece);
    let mut comments = Vec::new();
    for line in piece.lines() {
        let trimmed = line.trim_start();
        if !trimmed.starts_with("//") {
            continue;
        }
        // Only a comment that stands on its own line (not inside a string).
        let at = line.as_ptr() as usize - piece.as_ptr() as usize + (line.len() - trimmed.len());
        let inside_string = tokens.iter().any(
            |&t| matches!(t, Token::Other(s) if piece.as_bytes()[s] == b'"' && s < at && token_end(piece, s) > at),
        );
        if !inside_string {
            comments.push(trimmed.trim_end());
        }
    }
    comments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(text: &'a str, spans: &[Range<usize>]) -> Vec<&'a str> {
        spans.iter().map(|s| &text[s.clone()]).collect()
    }

    #[test]
    fn entries_of_the_concepts_list_skip_brackets_in_strings_and_comments() {
        let text = "// head (\nCatalog(\n  concepts: [\n    // a ]\n    Concept(id: \"a)\", x: [1, 2]),\n    (id: \"b\", s: r#\"]\"#), /* ) */\n  ],\n)";
        let spans = concept_entries(text);
        assert_eq!(pieces(text, &spans), ["Concept(id: \"a)\", x: [1, 2])", "(id: \"b\", s: r#\"]\"#)"]);
    }

    #[test]
    fn an_entry_alone_on_its_lines_goes_with_its_line() {
        let text = "Catalog(concepts: [\n    A(x: 1),\n    B(y: 2),\n])";
        let spans = concept_entries(text);
        let cut = removal_span(text, spans[0].clone());
        let mut left = text.to_string();
        left.replace_range(cut, "");
        assert_eq!(left, "Catalog(concepts: [\n    B(y: 2),\n])");
        let inline = "Catalog(concepts: [A(x: 1), B(y: 2)])";
        let spans = concept_entries(inline);
        let mut left = inline.to_string();
        left.replace_range(removal_span(inline, spans[0].clone()), "");
        assert_eq!(left, "Catalog(concepts: [ B(y: 2)])");
    }

    #[test]
    fn a_single_value_without_its_comments() {
        let text = "// about a\nConcept(id: \"a\", n: (x: \")\"))\n// end\n";
        assert_eq!(&text[single_value(text).unwrap()], "Concept(id: \"a\", n: (x: \")\"))");
    }

    #[test]
    fn comments_inside_an_entry() {
        let text = "A(\n  // first\n  x: \"// not\",\n    // second\n)";
        assert_eq!(line_comments(text, 0..text.len()), ["// first", "// second"]);
    }
}
