//! What a PDF font says about its codes: how many bytes a code takes, the
//! text a code stands for (the `ToUnicode` CMap, else the simple encoding),
//! and the code's advance width in thousandths of the font size.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

/// A font of a page, read once per content stream.
#[derive(Debug, Clone, Default)]
pub(crate) struct Font {
    /// Type0 fonts take two bytes a code (Identity-H and the like).
    two_byte: bool,
    to_unicode: HashMap<u32, String>,
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// Simple fonts without a `ToUnicode` entry: the `Differences` of their encoding.
    differences: HashMap<u32, char>,
}

impl Font {
    pub(crate) fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let mut font = Font { default_width: 500.0, ..Font::default() };
        if subtype == b"Type0" {
            font.two_byte = true;
            font.default_width = 1000.0;
            if let Some(cid) = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| resolve(doc, o).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| resolve(doc, o).as_dict().ok())
            {
                if let Some(dw) = cid.get(b"DW").ok().and_then(|o| number(resolve(doc, o))) {
                    font.default_width = dw;
                }
                if let Ok(w) = cid.get(b"W").and_then(|o| resolve(doc, o).as_array()) {
                    font.widths = cid_widths(doc, w);
                }
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(|o| number(resolve(doc, o))).unwrap_or(0.0) as u32;
            if let Ok(widths) = dict.get(b"Widths").and_then(|o| resolve(doc, o).as_array()) {
                for (i, w) in widths.iter().enumerate() {
                    if let Some(w) = number(resolve(doc, w)) {
                        font.widths.insert(first + i as u32, w);
                    }
                }
            }
            if let Some(missing) = dict
                .get(b"FontDescriptor")
                .ok()
                .and_then(|o| resolve(doc, o).as_dict().ok())
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(|o| number(resolve(doc, o)))
            {
                font.default_width = missing;
            }
            if let Ok(encoding) = dict.get(b"Encoding").map(|o| resolve(doc, o))
                && let Ok(enc) = encoding.as_dict()
                && let Ok(diffs) = enc.get(b"Differences").and_then(|o| resolve(doc, o).as_array())
            {
                let mut code = 0u32;
                for item in diffs {
                    match resolve(doc, item) {
                        Object::Integer(n) => code = (*n).clamp(0, 255) as u32,
                        Object::Name(name) => {
                            if let Some(c) = char_of_glyph_name(name) {
                                font.differences.insert(code, c);
                            }
                            code += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Ok(stream) = dict.get(b"ToUnicode").map(|o| resolve(doc, o)).and_then(Object::as_stream)
            && let Ok(bytes) = stream.decompressed_content_with_limit(4 << 20)
        {
            font.to_unicode = parse_to_unicode(&bytes);
        }
        font
    }

    /// The codes of a shown string, each with its byte length.
    pub(crate) fn codes(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        if self.two_byte {
            bytes.chunks(2).map(|c| (c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b)), c.len())).collect()
        } else {
            bytes.iter().map(|&b| (u32::from(b), 1)).collect()
        }
    }

    /// The advance of `code` in thousandths of the font size.
    pub(crate) fn width(&self, code: u32) -> f64 {
        self.widths.get(&code).copied().unwrap_or(self.default_width)
    }

    /// The text `code` stands for; `None` when the font does not say.
    pub(crate) fn text(&self, code: u32) -> Option<String> {
        if let Some(text) = self.to_unicode.get(&code) {
            return Some(text.clone());
        }
        if self.two_byte {
            return None;
        }
        if let Some(&c) = self.differences.get(&code) {
            return Some(c.to_string());
        }
        // WinAnsi and Latin-1 agree on what matters here: ASCII and the letters above 0xA0.
        match code {
            0x20..=0x7E | 0xA0..=0xFF => char::from_u32(code).map(String::from),
            _ => None,
        }
    }
}

pub(crate) fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    doc.dereference(object).map(|(_, o)| o).unwrap_or(object)
}

pub(crate) fn number(object: &Object) -> Option<f64> {
    match object {
        Object::Integer(n) => Some(*n as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// `W` of a CID font: `c [w1 w2 …]` and `cfirst clast w` entries.
fn cid_widths(doc: &Document, w: &[Object]) -> HashMap<u32, f64> {
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < w.len() {
        let Some(first) = number(resolve(doc, &w[i])) else { break };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, item) in list.iter().enumerate() {
                    if let Some(width) = number(resolve(doc, item)) {
                        widths.insert(first + k as u32, width);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(width)) = (number(last), w.get(i + 2).and_then(|o| number(resolve(doc, o))))
                else {
                    break;
                };
                // A range is bounded so a hostile file cannot ask for billions of entries.
                for code in first..=(last.max(0.0) as u32).min(first.saturating_add(0xFFFF)) {
                    widths.insert(code, width);
                }
                i += 3;
            }
            None => break,
        }
    }
    widths
}

/// A token of a CMap: a hex string, an array bracket, or a word.
#[derive(Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(String),
}

fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = bytes[i + 1..].iter().position(|&b| b == b'>').map_or(bytes.len(), |p| i + 1 + p);
                let digits: Vec<u8> = bytes[i + 1..end].iter().copied().filter(u8::is_ascii_hexdigit).collect();
                let hex = digits
                    .chunks(2)
                    .map(|pair| {
                        let hi = (pair[0] as char).to_digit(16).unwrap_or(0);
                        let lo = pair.get(1).and_then(|&b| (b as char).to_digit(16)).unwrap_or(0);
                        (hi * 16 + lo) as u8
                    })
                    .collect();
                out.push(Token::Hex(hex));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"<[]%".contains(&bytes[i]) {
                    i += 1;
                }
                out.push(Token::Word(String::from_utf8_lossy(&bytes[start..i]).into_owned()));
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes.iter().take(4).fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)])).collect();
    String::from_utf16_lossy(&units)
}

/// The `bfchar` and `bfrange` entries of a `ToUnicode` CMap.
pub(crate) fn parse_to_unicode(bytes: &[u8]) -> HashMap<u32, String> {
    let tokens = tokens(bytes);
    let mut map = HashMap::new();
    let mut i = 0;
    let mut section = "";
    while i < tokens.len() {
        match &tokens[i] {
            Token::Word(w) if w == "beginbfchar" => section = "char",
            Token::Word(w) if w == "beginbfrange" => section = "range",
            Token::Word(w) if w == "endbfchar" || w == "endbfrange" => section = "",
            Token::Hex(src) if section == "char" => {
                if let Some(Token::Hex(dst)) = tokens.get(i + 1) {
                    map.insert(code_of(src), utf16_text(dst));
                    i += 1;
                }
            }
            Token::Hex(lo) if section == "range" => {
                let (lo, Some(Token::Hex(hi))) = (code_of(lo), tokens.get(i + 1)) else {
                    i += 1;
                    continue;
                };
                let hi = code_of(hi).min(lo.saturating_add(0xFFFF));
                match tokens.get(i + 2) {
                    Some(Token::Hex(dst)) => {
                        let base: Vec<u16> =
                            dst.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)])).collect();
                        for (k, code) in (lo..=hi).enumerate() {
                            let mut units = base.clone();
                            if let Some(last) = units.last_mut() {
                                *last = last.wrapping_add(k as u16);
                            }
                            map.insert(code, String::from_utf16_lossy(&units));
                        }
                        i += 2;
                    }
                    Some(Token::Open) => {
                        let mut k = i + 3;
                        let mut code = lo;
                        while let Some(Token::Hex(dst)) = tokens.get(k) {
                            if code <= hi {
                                map.insert(code, utf16_text(dst));
                            }
                            code = code.saturating_add(1);
                            k += 1;
                        }
                        i = k;
                    }
                    _ => i += 1,
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

/// The character of a glyph name: `uniXXXX`, `uXXXX[XX]`, a one-letter name, or a few common names.
fn char_of_glyph_name(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let hex = name.strip_prefix("uni").or_else(|| name.strip_prefix('u'));
    if let Some(hex) = hex
        && (4..=6).contains(&hex.len())
        && let Ok(n) = u32::from_str_radix(hex, 16)
    {
        return char::from_u32(n);
    }
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(c);
    }
    Some(match name {
        "space" => ' ',
        "period" => '.',
        "comma" => ',',
        "hyphen" => '-',
        "parenleft" => '(',
        "parenright" => ')',
        "colon" => ':',
        "semicolon" => ';',
        "quotesingle" | "quoteright" => '\'',
        "quotedbl" => '"',
        "zero" => '0',
        "one" => '1',
        "two" => '2',
        "three" => '3',
        "four" => '4',
        "five" => '5',
        "six" => '6',
        "seven" => '7',
        "eight" => '8',
        "nine" => '9',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_unicode_chars_and_ranges() {
        let cmap =
            b"/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<0003> <0020>\n<01e7> <0644 0627>\nendbfchar\n\
            1 beginbfrange\n<0010> <0012> <0041>\nendbfrange\n1 beginbfrange <0020> <0021> [<0628> <FEFF>] endbfrange";
        let map = parse_to_unicode(cmap);
        assert_eq!(map[&3], " ");
        assert_eq!(map[&0x1e7], "لا");
        assert_eq!(map[&0x11], "B");
        assert_eq!(map[&0x20], "ب");
        assert_eq!(map.len(), 7);
    }

    #[test]
    fn glyph_names() {
        assert_eq!(char_of_glyph_name(b"uni0628"), Some('ب'));
        assert_eq!(char_of_glyph_name(b"a"), Some('a'));
        assert_eq!(char_of_glyph_name(b"space"), Some(' '));
        assert_eq!(char_of_glyph_name(b"g123"), None);
    }
}
