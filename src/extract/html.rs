//! The main text of a web page: paragraphs from block elements, in document
//! order, one a line; nothing from `nav`, `header`, `footer`, `aside`,
//! `script`, `style`, forms, hidden elements or ARIA navigation. When the
//! page has a `main` or `article` element only its text is taken. A
//! paragraph whose `dir` disagrees with its first strong letter gets a
//! direction mark (U+200F or U+200E) in front so a reader lays it out as the
//! page said. The title comes from `citation_title`/`og:title`/`<title>`,
//! the language from `<html lang>` and the `lang` of paragraphs, the year
//! from the publication-date meta tags. Bytes in another charset than UTF-8
//! (`<meta charset>`) are decoded with `encoding_rs`.

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::{ExtractError, Extracted, Kind, lang_of_code};
use crate::text::Lang;

const SKIPPED: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form", "button", "select",
    "textarea", "iframe", "svg", "math", "canvas", "object", "head", "menu", "dialog",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "address",
    "hr",
    "body",
    "center",
];

/// Elements that have no end tag.
const VOID: &[&str] =
    &["br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"];

#[derive(Default)]
struct Paragraph {
    text: String,
    dir: Option<bool>,
    lang: Option<Lang>,
}

#[derive(Default)]
struct Collector {
    paragraphs: Vec<Paragraph>,
    current: Paragraph,
}

impl Collector {
    fn push_text(&mut self, text: &str, dir: Option<bool>, lang: Option<Lang>) {
        if self.current.text.trim().is_empty() {
            self.current.dir = dir;
            self.current.lang = lang;
        }
        self.current.text.push_str(text);
    }

    fn break_paragraph(&mut self) {
        let paragraph = std::mem::take(&mut self.current);
        let text = paragraph.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() {
            self.paragraphs.push(Paragraph { text, ..paragraph });
        }
    }
}

struct Open {
    name: String,
    skip: bool,
    main: bool,
    dir: Option<bool>,
    lang: Option<Lang>,
}

fn attr(tag: &html5gum::StartTag<()>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(v).trim().to_string())
}

/// Decodes the page: UTF-8 unless a `<meta charset>` in the first 4 KiB says otherwise.
fn decode(bytes: &[u8]) -> String {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let label = head.find("charset=").map(|i| {
        head[i + 8..]
            .trim_start_matches(['"', '\''])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect::<String>()
    });
    if let Some(encoding) = label.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        && encoding != encoding_rs::UTF_8
    {
        return encoding.decode(bytes).0.into_owned();
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// Extracts the main text of an HTML page.
pub fn extract(name: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
    let page = decode(bytes);
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut stack: Vec<Open> = Vec::new();
    let (mut all, mut main) = (Collector::default(), Collector::default());
    let mut saw_main = false;
    let (mut title, mut meta_title, mut year, mut page_lang) = (String::new(), None, None, None);
    let mut in_title = false;
    for token in Tokenizer::new_with_emitter(page.as_str(), emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let tag_name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let parent_skip = stack.last().is_some_and(|o| o.skip);
                let role = attr(&tag, "role").unwrap_or_default();
                let hidden = tag.attributes.contains_key(b"hidden".as_slice())
                    || attr(&tag, "aria-hidden").as_deref() == Some("true")
                    || matches!(role.as_str(), "navigation" | "banner" | "contentinfo" | "complementary" | "search");
                let dir = match attr(&tag, "dir").as_deref() {
                    Some("rtl") => Some(true),
                    Some("ltr") => Some(false),
                    _ => stack.last().and_then(|o| o.dir),
                };
                let lang = attr(&tag, "lang").and_then(|l| lang_of_code(&l)).or(stack.last().and_then(|o| o.lang));
                match tag_name.as_str() {
                    "html" => page_lang = attr(&tag, "lang").and_then(|l| lang_of_code(&l)),
                    "title" => in_title = true,
                    "meta" => {
                        let key = attr(&tag, "name")
                            .or_else(|| attr(&tag, "property"))
                            .unwrap_or_default()
                            .to_ascii_lowercase();
                        let content = attr(&tag, "content").unwrap_or_default();
                        match key.as_str() {
                            "citation_title" | "dc.title" | "og:title" if !content.is_empty() => {
                                meta_title.get_or_insert(content.clone());
                            }
                            "citation_publication_date" | "citation_date" | "dc.date" | "article:published_time" => {
                                year = year.or_else(|| content.get(..4).and_then(|y| y.parse::<i32>().ok()));
                            }
                            _ => {}
                        }
                        if attr(&tag, "http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-language")) {
                            page_lang = page_lang.or_else(|| lang_of_code(&content));
                        }
                    }
                    _ => {}
                }
                if BLOCKS.contains(&tag_name.as_str()) || tag_name == "br" {
                    all.break_paragraph();
                    main.break_paragraph();
                }
                let is_main = tag_name == "main" || tag_name == "article" || role == "main";
                saw_main |= is_main && !parent_skip;
                let in_main = stack.last().is_some_and(|o| o.main) || is_main;
                if !VOID.contains(&tag_name.as_str()) && !tag.self_closing {
                    let skip = parent_skip || hidden || SKIPPED.contains(&tag_name.as_str());
                    stack.push(Open { name: tag_name, skip, main: in_main, dir, lang });
                }
            }
            Token::EndTag(tag) => {
                let tag_name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if tag_name == "title" {
                    in_title = false;
                }
                if let Some(depth) = stack.iter().rposition(|o| o.name == tag_name) {
                    stack.truncate(depth);
                }
                if BLOCKS.contains(&tag_name.as_str()) {
                    all.break_paragraph();
                    main.break_paragraph();
                }
            }
            Token::String(text) => {
                let text = String::from_utf8_lossy(&text);
                if in_title {
                    title.push_str(&text);
                    continue;
                }
                let Some(open) = stack.last() else { continue };
                if open.skip {
                    continue;
                }
                all.push_text(&text, open.dir, open.lang);
                if open.main {
                    main.push_text(&text, open.dir, open.lang);
                }
            }
            _ => {}
        }
    }
    all.break_paragraph();
    main.break_paragraph();
    let chosen = if saw_main && !main.paragraphs.is_empty() { main } else { all };
    if chosen.paragraphs.is_empty() {
        return Err(ExtractError::EmptyHtml { file: name.to_string() });
    }
    let mut languages: Vec<Lang> = page_lang.into_iter().collect();
    let mut text = String::new();
    for paragraph in &chosen.paragraphs {
        if let Some(lang) = paragraph.lang
            && !languages.contains(&lang)
        {
            languages.push(lang);
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let first_strong_rtl = paragraph.text.chars().find_map(|c| match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => Some(true),
            unicode_bidi::BidiClass::L => Some(false),
            _ => None,
        });
        match (paragraph.dir, first_strong_rtl) {
            (Some(true), Some(false)) => text.push('\u{200F}'),
            (Some(false), Some(true)) => text.push('\u{200E}'),
            _ => {}
        }
        text.push_str(&paragraph.text);
    }
    text.push('\n');
    let title = meta_title.or_else(|| {
        let t = title.split_whitespace().collect::<Vec<_>>().join(" ");
        (!t.is_empty()).then_some(t)
    });
    Ok(Extracted { kind: Kind::Html, text, title, languages, year })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_menus_with_paragraphs_and_direction() {
        let page = r#"<!doctype html><html lang="fa" dir="rtl"><head><title> اخبار  پلیس </title>
            <meta name="citation_publication_date" content="2021/07/10"><style>p{}</style></head>
            <body><header><a href="/">خانه</a></header><nav><ul><li>منو</li></ul></nav>
            <main><h1>نشست اینترپل</h1><p>کارشناسان از <b>26</b> کشور
            گرد هم آمدند.</p><p dir="rtl">INTERPOL در تهران</p><form><input value="x"><p>جستجو</p></form>
            <p lang="ar">التعاون الدولي&nbsp;في مجال الشرطة</p><script>var x = "<p>no</p>";</script></main>
            <aside>تبلیغ</aside><footer>حق نشر</footer></body></html>"#;
        let out = extract("page.html", page.as_bytes()).unwrap();
        assert_eq!(
            out.text,
            "نشست اینترپل\n\nکارشناسان از 26 کشور گرد هم آمدند.\n\n\u{200F}INTERPOL در تهران\n\nالتعاون الدولي في مجال الشرطة\n"
        );
        assert_eq!(out.title.as_deref(), Some("اخبار پلیس"));
        assert_eq!(out.languages, [Lang::Fa, Lang::Ar]);
        assert_eq!(out.year, Some(2021));
    }

    #[test]
    fn without_main_the_body_is_taken_and_an_empty_page_is_refused() {
        let out = extract("a.html", b"<html><body><div>One</div><div>Two<br>Three</div></body></html>").unwrap();
        assert_eq!(out.text, "One\n\nTwo\n\nThree\n");
        let err = extract("menu.html", b"<html><body><nav>Home</nav></body></html>").unwrap_err();
        assert_eq!(err.to_string(), "menu.html: the page has no text outside menus, headers and footers");
    }

    #[test]
    fn other_charsets_are_decoded() {
        // «سلام» in windows-1256.
        let mut page = b"<html><head><meta charset=\"windows-1256\"></head><body><p>".to_vec();
        page.extend_from_slice(&[0xD3, 0xE1, 0xC7, 0xE3]);
        page.extend_from_slice(b"</p></body></html>");
        assert_eq!(extract("a.html", &page).unwrap().text, "سلام\n");
    }
}
