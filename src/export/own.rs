//! Which files are our own exports, and where exports may go.
//!
//! An export replaces an existing file only when that file is an earlier
//! export of the same kind, recognised by a marker the program writes into
//! every export: an SVG comment on the line after the XML declaration
//! ([`SVG_MARKER`]), a PNG `tEXt` chunk `Software: diplomap` before the
//! pixels ([`encode_png`]). Anything else (a thesis, the catalog) is refused
//! unless the user forces it, and nothing is ever written inside the corpus
//! folder ([`is_inside`]).
//!
//! ```
//! use diplomap::export::own::{Kind, is_ours, encode_png};
//! let png = encode_png(1, 1, &[0, 0, 0, 255]).unwrap();
//! assert!(is_ours(Kind::Png, &png));
//! assert!(!is_ours(Kind::Svg, &png));
//! assert!(!is_ours(Kind::Png, b"PK\x03\x04 a .docx"));
//! ```

use std::path::{Component, Path, PathBuf};

/// The comment every exported SVG carries (second line).
pub const SVG_MARKER: &str = "<!-- diplomap export -->";
/// The tag every exported web page carries in its head.
pub const HTML_MARKER: &str = r#"<meta name="generator" content="diplomap">"#;
/// The `tEXt` chunk every exported PNG carries.
pub const PNG_KEYWORD: &str = "Software";
pub const PNG_SOFTWARE: &str = "diplomap";

/// The kinds of files exports write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Svg,
    Png,
    /// A web page (the tour as one file), marked by [`HTML_MARKER`] near its top.
    Html,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Svg => "SVG",
            Kind::Png => "PNG",
            Kind::Html => "web page",
        }
    }
}

/// Whether `head` (the start of a file) is an export of `kind` written by us.
pub fn is_ours(kind: Kind, head: &[u8]) -> bool {
    match kind {
        Kind::Svg => svg_is_ours(head),
        Kind::Png => png_is_ours(head),
        Kind::Html => String::from_utf8_lossy(&head[..head.len().min(1024)]).contains(HTML_MARKER),
    }
}

fn svg_is_ours(head: &[u8]) -> bool {
    let start = &head[..head.len().min(512)];
    let text = String::from_utf8_lossy(start);
    text.starts_with("<?xml") && text.lines().take(3).any(|line| line.trim() == SVG_MARKER)
}

fn png_is_ours(head: &[u8]) -> bool {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    let Some(mut rest) = head.strip_prefix(SIGNATURE) else { return false };
    let wanted: Vec<u8> = [PNG_KEYWORD.as_bytes(), b"\0", PNG_SOFTWARE.as_bytes()].concat();
    // Chunks: length, type, data, CRC; the marker comes before the pixels.
    while rest.len() >= 8 {
        let len = u32::from_be_bytes([rest[0], rest[1], rest[2], rest[3]]) as usize;
        let kind = &rest[4..8];
        if kind == b"IDAT" || kind == b"IEND" {
            return false;
        }
        let Some(data) = rest.get(8..8 + len) else { return false };
        if kind == b"tEXt" && data == wanted.as_slice() {
            return true;
        }
        let Some(next) = rest.get(12 + len..) else { return false };
        rest = next;
    }
    false
}

/// PNG bytes of an 8-bit RGBA image, with the marker chunk.
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.add_text_chunk(PNG_KEYWORD.to_owned(), PNG_SOFTWARE.to_owned())?;
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgba)?;
    }
    Ok(out)
}

/// Whether `path` (which need not exist) is inside the folder `dir`, links
/// followed: `corpus/../corpus/x`, a link to the corpus and the corpus
/// itself all count.
pub fn is_inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else { return false };
    resolved(path).is_some_and(|path| path.starts_with(dir))
}

/// `path` made absolute with every existing part's links followed.
fn resolved(path: &Path) -> Option<PathBuf> {
    let absolute = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().ok()?.join(path) };
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            let mut out = real;
            for part in missing.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(name) => out.push(name),
                    _ => {}
                }
            }
            return Some(out);
        }
        missing.push(existing.components().next_back()?);
        existing = existing.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_svgs_are_recognised() {
        assert!(is_ours(Kind::Svg, format!("<?xml version=\"1.0\"?>\n{SVG_MARKER}\n<svg>").as_bytes()));
        assert!(!is_ours(Kind::Svg, b"<?xml version=\"1.0\"?>\n<svg>"));
        assert!(!is_ours(Kind::Svg, format!("{SVG_MARKER}\n<svg>").as_bytes()));
        assert!(!is_ours(Kind::Svg, b""));
    }

    #[test]
    fn a_png_from_elsewhere_is_not_ours() {
        let mut other = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut other, 1, 1);
            encoder.set_color(png::ColorType::Rgba);
            encoder.write_header().unwrap().write_image_data(&[1, 2, 3, 4]).unwrap();
        }
        assert!(!is_ours(Kind::Png, &other));
        let ours = encode_png(2, 1, &[0; 8]).unwrap();
        assert!(is_ours(Kind::Png, &ours));
        assert!(!is_ours(Kind::Png, &ours[..20]), "cut short before the marker");
    }

    #[test]
    fn paths_inside_a_folder_are_found_however_written() {
        let tmp = tempfile::tempdir().unwrap();
        let corpus = tmp.path().join("corpus");
        std::fs::create_dir_all(corpus.join("documents")).unwrap();
        assert!(is_inside(&corpus.join("concepts.ron"), &corpus));
        assert!(is_inside(&corpus.join("new/folder/x.svg"), &corpus));
        assert!(is_inside(&corpus.join("documents/../x.svg"), &corpus));
        assert!(is_inside(&corpus, &corpus));
        assert!(!is_inside(&tmp.path().join("x.svg"), &corpus));
        assert!(!is_inside(&corpus.join("../x.svg"), &corpus));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&corpus, tmp.path().join("link")).unwrap();
            assert!(is_inside(&tmp.path().join("link/map.svg"), &corpus));
        }
    }
}
