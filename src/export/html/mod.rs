//! Web pages of the knowledge base: what the one-file tour ([`tour`]) and the
//! static site (`export::site`) share.
//!
//! The browser does the bidi and the shaping, so text goes into the page in
//! logical order, as the corpus has it, and every element of corpus or user
//! text says its own language and direction (`lang`, `dir`). Pages never load
//! anything from the network: the map is inline SVG (the same scene as the
//! SVG export), the font is the bundled Vazirmatn cut down to the characters
//! used ([`super::font`]) in a `data:` URL, scripts and styles are inline or
//! relative files, and a Content-Security-Policy forbids the rest.
//!
//! - [`strings`]: the interface words in three languages, localized digits.
//! - [`tour`]: a tour as one self-contained HTML file.

pub mod strings;
pub mod tour;

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::text::Lang;

use super::font::{self, FontError};

/// Marks the pages diplomap wrote, so a later export knows it may replace them.
pub const GENERATOR: &str = crate::export::own::HTML_MARKER;

/// `text` escaped for HTML text and attribute values; characters HTML forbids
/// (C0 controls other than tab, newline and carriage return) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appended to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {}
            c => out.push(c),
        }
    }
}

/// The language of a piece of text: the one it is known to be in, else the
/// one detected from its letters.
pub fn lang_of(text: &str, known: Option<Lang>) -> Option<Lang> {
    known.or_else(|| crate::text::lang::detect(text))
}

/// ` lang="…" dir="…"` for an element holding `text`: the language if known or
/// detected, the direction from the language, else from the first strong
/// character (`auto` when there is none).
pub fn text_attrs(text: &str, known: Option<Lang>) -> String {
    let lang = lang_of(text, known);
    let dir = match lang {
        Some(lang) if lang.is_rtl() => "rtl",
        Some(_) => "ltr",
        None if super::is_rtl_text(text) => "rtl",
        None => "auto",
    };
    match lang {
        Some(lang) => format!(r#" lang="{}" dir="{dir}""#, lang.code()),
        None => format!(r#" dir="{dir}""#),
    }
}

/// `<html lang dir>` of a page in interface language `lang`.
pub fn html_open(lang: Lang) -> String {
    format!(r#"<html lang="{}" dir="{}">"#, lang.code(), if lang.is_rtl() { "rtl" } else { "ltr" })
}

/// An SVG document as an element of an HTML page: without the XML prolog and
/// the namespace attribute (HTML puts `<svg>` in its namespace itself), its
/// `id`s turned into `data-layer`s so several maps can share a page, sized by
/// CSS through its `viewBox`.
pub fn inline_svg(svg: &str, label: &str) -> String {
    let body = svg.trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => rest.split_once("?>").map_or(rest, |(_, after)| after).trim_start(),
        None => body,
    };
    let body = body.strip_prefix(crate::export::own::SVG_MARKER).unwrap_or(body).trim_start();
    let body = body.replacen(r#" xmlns="http://www.w3.org/2000/svg""#, "", 1).replace(" id=\"", " data-layer=\"");
    match body.strip_prefix("<svg") {
        Some(rest) => format!(r#"<svg role="img" aria-label="{}"{rest}"#, escape(label)),
        None => body,
    }
}

/// Standard base64 with padding (for `data:` URLs).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The characters a page shows, for cutting the font down: every character
/// of its text plus ASCII and the interface digits (so a search box typed in
/// still has them).
pub fn characters_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeSet<char> {
    let mut chars: BTreeSet<char> = (' '..='~').collect();
    chars.extend(('۰'..='۹').chain('٠'..='٩'));
    for text in texts {
        chars.extend(text.chars().filter(|c| !c.is_control()));
    }
    chars
}

/// `@font-face` rules for the bundled Vazirmatn (regular and bold) cut down
/// to `chars`, as `data:` URLs.
pub fn font_face_css(chars: &BTreeSet<char>) -> Result<String, FontError> {
    let mut css = String::new();
    for (bytes, weight) in [(font::VAZIRMATN_REGULAR, 400), (font::VAZIRMATN_BOLD, 700)] {
        let subset = font::subset(bytes, chars.iter().copied())?;
        let _ = writeln!(
            css,
            "@font-face{{font-family:Vazirmatn;font-style:normal;font-weight:{weight};font-display:block;src:url(data:font/ttf;base64,{}) format(\"truetype\")}}",
            base64(&subset)
        );
    }
    Ok(css)
}

/// The font's licence notice: one line and the whole licence folded away.
pub fn font_notice(lang: Lang) -> String {
    format!(
        "<details class=\"licence\"><summary>{}</summary><pre lang=\"en\" dir=\"ltr\">{}</pre></details>",
        escape(strings::tr(lang, "font notice")),
        escape(font::VAZIRMATN_LICENCE)
    )
}

/// The look shared by the tour and the site: fluid, readable on a phone,
/// mirrored by `dir` (logical properties only: `inline-start`, not `left`).
pub const BASE_CSS: &str = r#"
*{box-sizing:border-box}
html{font-family:Vazirmatn,Tahoma,"DejaVu Sans",sans-serif;line-height:1.7;color:#141414;background:#fff;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:0 1rem 2rem}
a{color:#0b5cad;text-underline-offset:.3em}
h1{font-size:1.5rem;line-height:1.4;margin:1rem 0 .5rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
svg{display:block;width:100%;height:auto;max-height:80vh}
figure{margin:0}
blockquote{margin:.75rem 0;padding:.5rem 1rem;border-inline-start:4px solid #c8d3e0;background:#f5f7fa}
.muted{color:#5a5a5a;font-size:.9rem}
kbd{unicode-bidi:isolate;font-family:inherit;font-size:.85em;border:1px solid #bbb;border-bottom-width:2px;border-radius:3px;padding:0 .3em;background:#fafafa}
details.licence{margin-top:2rem;font-size:.85rem;color:#5a5a5a}
details.licence pre{white-space:pre-wrap;font-size:.75rem}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_pads_like_the_standard() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(&[0xFF, 0xFE]), "//4=");
    }

    #[test]
    fn text_says_its_language_and_direction() {
        assert_eq!(text_attrs("دیپلماسی پلیسی", None), r#" lang="fa" dir="rtl""#);
        assert_eq!(text_attrs("الدبلوماسية الشرطية", None), r#" lang="ar" dir="rtl""#);
        assert_eq!(text_attrs("Police diplomacy", None), r#" lang="en" dir="ltr""#);
        assert_eq!(text_attrs("2021", None), r#" dir="auto""#);
        assert_eq!(text_attrs("x", Some(Lang::Fa)), r#" lang="fa" dir="rtl""#);
    }

    #[test]
    fn svg_goes_inline_without_prolog_namespace_or_ids() {
        let svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><g id=\"map\"></g></svg>\n";
        let inline = inline_svg(svg, "نقشه");
        assert!(inline.starts_with("<svg role=\"img\" aria-label=\"نقشه\" width=\"10\">"), "{inline}");
        assert!(!inline.contains("http") && !inline.contains(" id=") && inline.contains("data-layer=\"map\""));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape("<a href='x'>&\u{1}</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    }
}
