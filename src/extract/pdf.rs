//! The glyphs of a PDF, with their positions: a small interpreter of page
//! content streams (text state and matrices, `TJ`/`Tj`/`'`/`"`, form
//! XObjects, marked content with `/ActualText`) over `lopdf`'s parser, and
//! the file's metadata (Info dictionary, catalog `/Lang`, XMP `dc:title`).
//!
//! A glyph is the text its font maps the code to (a lam-alef ligature is one
//! glyph with two letters), its left and right edge on the baseline (from
//! the font's widths, not from the next glyph), its baseline and its size, in
//! page space with y going up. A span of `/ActualText` becomes one glyph
//! covering the glyphs it replaces.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::ExtractError;
use super::lines::{Glyph, Page};
use super::pdf_font::{Font, number, resolve};

/// Most glyphs read from one file; past it the file is refused as too large.
pub const MAX_GLYPHS: usize = 4_000_000;
/// Most bytes a page's content may inflate to.
const MAX_CONTENT_BYTES: usize = 64 << 20;
/// Nesting of form XObjects followed.
const MAX_FORM_DEPTH: usize = 8;

/// What a PDF holds: pages of glyphs, images counted, and metadata.
#[derive(Debug, Default)]
pub struct PdfContent {
    pub pages: Vec<Page>,
    /// Image XObjects and inline images drawn.
    pub images: usize,
    /// Glyphs whose font gives no text for their code (kept in `pages` with an empty text).
    pub unmapped: usize,
    pub title: Option<String>,
    pub lang: Option<String>,
    pub year: Option<i32>,
}

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (row vectors: p × a × b).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn matrix_of(operands: &[Object]) -> Option<Matrix> {
    let values: Vec<f64> = operands.iter().filter_map(number).collect();
    (values.len() == 6).then(|| [values[0], values[1], values[2], values[3], values[4], values[5]])
}

/// Reads `bytes` as a PDF. `name` is only for messages.
pub fn read(name: &str, bytes: &[u8]) -> Result<PdfContent, ExtractError> {
    let broken = |reason: String| ExtractError::Broken { file: name.to_string(), reason };
    if !bytes.starts_with(b"%PDF-") && !bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Err(broken("it does not start like a PDF".into()));
    }
    // Encrypted with a user password: lopdf fails to decrypt it with the empty one.
    let doc = match Document::load_mem(bytes) {
        Ok(doc) => doc,
        Err(e) => {
            let text = e.to_string();
            if text.contains("decrypt") || text.contains("password") || text.contains("encrypt") {
                return Err(ExtractError::Encrypted { file: name.to_string() });
            }
            return Err(broken(text));
        }
    };
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted { file: name.to_string() });
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(broken("it has no pages".into()));
    }
    let mut content = PdfContent::default();
    let mut total = 0usize;
    for (_, page_id) in page_ids {
        let page = read_page(&doc, page_id, &mut content, name)?;
        total += page.glyphs.len();
        if total > MAX_GLYPHS {
            return Err(ExtractError::TooLarge {
                file: name.to_string(),
                what: format!("more than {MAX_GLYPHS} glyphs"),
            });
        }
        content.pages.push(page);
    }
    read_meta(&doc, &mut content);
    Ok(content)
}

fn read_page(doc: &Document, page_id: ObjectId, out: &mut PdfContent, name: &str) -> Result<Page, ExtractError> {
    let page_dict = doc.get_dictionary(page_id).ok();
    let (width, height) =
        page_dict.and_then(|d| media_box(doc, d, 0)).map(|b| (b[2] - b[0], b[3] - b[1])).unwrap_or((595.0, 842.0));
    let bytes = doc.get_page_content_with_limit(page_id, MAX_CONTENT_BYTES).map_err(|_| ExtractError::TooLarge {
        file: name.to_string(),
        what: format!("a page whose content is over {MAX_CONTENT_BYTES} bytes"),
    })?;
    let resources = page_resources(doc, page_id);
    let mut interpreter = Interpreter { doc, glyphs: Vec::new(), fonts: HashMap::new(), images: 0, unmapped: 0 };
    interpreter.run(&bytes, &resources, IDENTITY, 0);
    out.images += interpreter.images;
    out.unmapped += interpreter.unmapped;
    Ok(Page { width: width as f32, height: height as f32, glyphs: interpreter.glyphs })
}

fn media_box(doc: &Document, dict: &Dictionary, depth: usize) -> Option<[f64; 4]> {
    if let Ok(array) = dict.get(b"MediaBox").map(|o| resolve(doc, o)).and_then(Object::as_array) {
        let v: Vec<f64> = array.iter().filter_map(|o| number(resolve(doc, o))).collect();
        if v.len() == 4 {
            return Some([v[0], v[1], v[2], v[3]]);
        }
    }
    if depth > 16 {
        return None;
    }
    let parent = dict.get(b"Parent").ok().and_then(|o| resolve(doc, o).as_dict().ok())?;
    media_box(doc, parent, depth + 1)
}

/// The page's resources merged from the page and its ancestors (nearest first).
fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    let mut merged = Dictionary::new();
    if let Ok((direct, ids)) = doc.get_page_resources(page_id) {
        let dicts = direct.into_iter().chain(ids.iter().filter_map(|&id| doc.get_dictionary(id).ok()));
        for dict in dicts {
            for (key, value) in dict.iter() {
                if !merged.has(key) {
                    merged.set(key.clone(), value.clone());
                }
            }
        }
    }
    merged
}

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState { font: None, size: 0.0, char_spacing: 0.0, word_spacing: 0.0, scale: 1.0, leading: 0.0, rise: 0.0 }
    }
}

struct Interpreter<'a> {
    doc: &'a Document,
    glyphs: Vec<Glyph>,
    /// Fonts by object id (or by name within one resource dictionary), loaded once.
    fonts: HashMap<String, Font>,
    images: usize,
    unmapped: usize,
}

/// An open marked-content span: `Some` when it carries `/ActualText`.
struct Marked {
    actual_text: Option<String>,
    first_glyph: usize,
}

impl Interpreter<'_> {
    fn run(&mut self, bytes: &[u8], resources: &Dictionary, base_ctm: Matrix, depth: usize) {
        let Ok(content) = Content::decode(bytes) else {
            return;
        };
        let doc = self.doc;
        let mut ctm = base_ctm;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut state = TextState::default();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut marked: Vec<Marked> = Vec::new();
        for op in &content.operations {
            let operands = &op.operands;
            let num = |i: usize| operands.get(i).and_then(number).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" => stack.push((ctm, state.clone())),
                "Q" => {
                    if let Some((m, s)) = stack.pop() {
                        ctm = m;
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = matrix_of(operands) {
                        ctm = mul(&m, &ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    state.font = operands.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                    state.size = num(1);
                }
                "Tc" => state.char_spacing = num(0),
                "Tw" => state.word_spacing = num(0),
                "Tz" => state.scale = num(0) / 100.0,
                "TL" => state.leading = num(0),
                "Ts" => state.rise = num(0),
                "Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                "TD" => {
                    state.leading = -num(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, num(0), num(1)], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = matrix_of(operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator == "\"" {
                        state.word_spacing = num(0);
                        state.char_spacing = num(1);
                    }
                    if op.operator != "Tj" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Object::String(s, _)) = operands.last() {
                        self.show(s, resources, &state, &mut tm, &ctm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = operands.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, resources, &state, &mut tm, &ctm),
                                other => {
                                    if let Some(adjust) = number(other) {
                                        let tx = -adjust / 1000.0 * state.size * state.scale;
                                        tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                    }
                                }
                            }
                        }
                    }
                }
                "BDC" | "BMC" => {
                    let actual_text = operands.get(1).and_then(|props| {
                        let dict = match props {
                            Object::Dictionary(d) => Some(d),
                            Object::Name(n) => resources
                                .get(b"Properties")
                                .ok()
                                .and_then(|p| resolve(doc, p).as_dict().ok())
                                .and_then(|p| p.get(n).ok())
                                .and_then(|o| resolve(doc, o).as_dict().ok()),
                            _ => None,
                        }?;
                        let text = dict.get(b"ActualText").ok().and_then(|o| resolve(doc, o).as_str().ok())?;
                        Some(text_string(text))
                    });
                    marked.push(Marked { actual_text, first_glyph: self.glyphs.len() });
                }
                "EMC" => {
                    if let Some(Marked { actual_text: Some(text), first_glyph }) = marked.pop() {
                        self.replace_with_actual_text(first_glyph, text);
                    }
                }
                "Do" => {
                    let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else { continue };
                    let Some(xobject) = resources
                        .get(b"XObject")
                        .ok()
                        .and_then(|x| resolve(doc, x).as_dict().ok())
                        .and_then(|x| x.get(name).ok())
                        .and_then(|o| resolve(doc, o).as_stream().ok())
                    else {
                        continue;
                    };
                    match xobject.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => self.images += 1,
                        Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                            let matrix = xobject
                                .dict
                                .get(b"Matrix")
                                .ok()
                                .and_then(|m| resolve(doc, m).as_array().ok())
                                .and_then(|a| matrix_of(a))
                                .unwrap_or(IDENTITY);
                            let form_resources = xobject
                                .dict
                                .get(b"Resources")
                                .ok()
                                .and_then(|r| resolve(doc, r).as_dict().ok())
                                .cloned()
                                .unwrap_or_else(|| resources.clone());
                            if let Ok(data) = xobject.decompressed_content_with_limit(MAX_CONTENT_BYTES) {
                                self.run(&data, &form_resources, mul(&matrix, &ctm), depth + 1);
                            }
                        }
                        _ => {}
                    }
                }
                "BI" | "ID" => self.images += 1,
                _ => {}
            }
        }
    }

    /// Replaces the glyphs from `first` on with one glyph showing `text`.
    fn replace_with_actual_text(&mut self, first: usize, text: String) {
        if first >= self.glyphs.len() {
            return;
        }
        let covered = self.glyphs.split_off(first);
        let x0 = covered.iter().map(|g| g.x0).fold(f32::INFINITY, f32::min);
        let x1 = covered.iter().map(|g| g.x1).fold(f32::NEG_INFINITY, f32::max);
        // The widest glyph is the letter; marks drawn above or below it have other baselines.
        let Some(letter) = covered.iter().max_by(|a, b| (a.x1 - a.x0).total_cmp(&(b.x1 - b.x0))) else { return };
        let is_space = text.chars().all(char::is_whitespace);
        self.glyphs.push(Glyph { text, x0, x1, is_space, ..letter.clone() });
    }

    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Option<Font> {
        let object = resources
            .get(b"Font")
            .ok()
            .and_then(|f| resolve(self.doc, f).as_dict().ok())
            .and_then(|f| f.get(name).ok())?;
        let key = match object {
            Object::Reference((n, g)) => format!("{n} {g}"),
            _ => format!("{:p}/{}", resources, String::from_utf8_lossy(name)),
        };
        if let Some(font) = self.fonts.get(&key) {
            return Some(font.clone());
        }
        let dict = resolve(self.doc, object).as_dict().ok()?;
        let font = Font::load(self.doc, dict);
        self.fonts.insert(key, font.clone());
        Some(font)
    }

    fn show(&mut self, bytes: &[u8], resources: &Dictionary, state: &TextState, tm: &mut Matrix, ctm: &Matrix) {
        let Some(font_name) = state.font.clone() else { return };
        let Some(font) = self.font(resources, &font_name) else { return };
        let (size, scale) = (state.size, state.scale);
        for (code, len) in font.codes(bytes) {
            let w0 = font.width(code) / 1000.0;
            let trm = mul(&mul(&[size * scale, 0.0, 0.0, size, 0.0, state.rise], tm), ctm);
            let end = mul(&[1.0, 0.0, 0.0, 1.0, w0, 0.0], &trm);
            let glyph_size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            match font.text(code) {
                Some(text) => {
                    let (x0, x1) = (trm[4] as f32, end[4] as f32);
                    let is_space = text.chars().all(char::is_whitespace);
                    self.glyphs.push(Glyph {
                        text,
                        x0: x0.min(x1),
                        x1: x0.max(x1),
                        y: trm[5] as f32,
                        size: glyph_size as f32,
                        is_space,
                    });
                }
                None => {
                    // Kept as ink without text (a kashida LibreOffice drew to justify
                    // Arabic script has no Unicode): it closes the gap it fills.
                    self.unmapped += 1;
                    let (x0, x1) = (trm[4] as f32, end[4] as f32);
                    self.glyphs.push(Glyph {
                        text: String::new(),
                        x0: x0.min(x1),
                        x1: x0.max(x1),
                        y: trm[5] as f32,
                        size: glyph_size as f32,
                        is_space: false,
                    });
                }
            }
            let word = if len == 1 && code == 32 { state.word_spacing } else { 0.0 };
            let tx = (w0 * size + state.char_spacing + word) * scale;
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        }
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding
/// (read as Latin-1, which it is for letters).
pub(crate) fn text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> =
            rest.chunks(2).map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(rest).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// Title, language and year from the Info dictionary, the catalog and XMP.
fn read_meta(doc: &Document, out: &mut PdfContent) {
    let info = doc.trailer.get(b"Info").ok().and_then(|o| resolve(doc, o).as_dict().ok());
    let info_text = |key: &[u8]| {
        info.and_then(|d| d.get(key).ok())
            .and_then(|o| resolve(doc, o).as_str().ok())
            .map(text_string)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    out.title = info_text(b"Title");
    out.year = info_text(b"CreationDate").and_then(|d| year_of_date(&d));
    let catalog = doc.catalog().ok();
    out.lang = catalog
        .and_then(|c| c.get(b"Lang").ok())
        .and_then(|o| resolve(doc, o).as_str().ok())
        .map(text_string)
        .filter(|s| !s.trim().is_empty());
    if out.title.is_none() || out.lang.is_none() {
        let xmp = catalog
            .and_then(|c| c.get(b"Metadata").ok())
            .and_then(|o| resolve(doc, o).as_stream().ok())
            .and_then(|s| s.decompressed_content_with_limit(4 << 20).ok().or_else(|| Some(s.content.clone())))
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        if let Some(xmp) = xmp {
            if out.title.is_none() {
                out.title = xmp_field(&xmp, "dc:title");
            }
            if out.lang.is_none() {
                out.lang = xmp_field(&xmp, "dc:language");
            }
        }
    }
}

/// `D:YYYY…` → YYYY.
fn year_of_date(date: &str) -> Option<i32> {
    let digits = date.trim().trim_start_matches("D:");
    let year: i32 = digits.get(..4)?.parse().ok()?;
    (1000..=9999).contains(&year).then_some(year)
}

/// The first `rdf:li` (or the text) inside `<field>…</field>` of an XMP packet.
fn xmp_field(xmp: &str, field: &str) -> Option<String> {
    let start = xmp.find(&format!("<{field}"))?;
    let end = start + xmp[start..].find(&format!("</{field}>"))?;
    let inner = &xmp[start..end];
    let inner = match inner.find("<rdf:li") {
        Some(li) => {
            let open = li + inner[li..].find('>')? + 1;
            let close = open + inner[open..].find("</rdf:li>")?;
            &inner[open..close]
        }
        None => &inner[inner.find('>')? + 1..],
    };
    let text = inner
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    let text = text.trim();
    (!text.is_empty() && !text.contains('<')).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_strings() {
        assert_eq!(year_of_date("D:20261203073512+00'00'"), Some(2026));
        assert_eq!(year_of_date("yesterday"), None);
        assert_eq!(text_string(&[0xFE, 0xFF, 0x06, 0x45, 0x06, 0x46]), "من");
        assert_eq!(text_string(b"Title"), "Title");
        let xmp = "<x><dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">دیپلماسی &amp; امنیت</rdf:li></rdf:Alt></dc:title></x>";
        assert_eq!(xmp_field(xmp, "dc:title").as_deref(), Some("دیپلماسی & امنیت"));
    }

    #[test]
    fn matrices_compose_in_pdf_order() {
        let translate = [1.0, 0.0, 0.0, 1.0, 10.0, 0.0];
        let flip = [1.0, 0.0, 0.0, -1.0, 0.0, 100.0];
        let m = mul(&translate, &flip);
        assert_eq!((m[4], m[5]), (10.0, 100.0));
        assert_eq!(m[3], -1.0);
    }
}
