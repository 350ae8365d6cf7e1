//! Exports: the SVG is well-formed XML with labels as logical text and
//! `direction="rtl"` on Arabic-script ones; the PNG decodes at the asked size
//! and is not blank; a whole tour becomes a folder of numbered pages.

use crate::common;

use std::collections::HashMap;
use std::process::Command;

use diplomap::export::{self, Target, map::SettledMap};
use diplomap::text::Lang;
use diplomap::tours;
use quick_xml::events::Event;

fn map() -> &'static SettledMap {
    static MAP: std::sync::OnceLock<SettledMap> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let (corpus, index) = common::corpus_and_index();
        SettledMap::build(corpus, index)
    })
}

fn tour() -> tours::Tour {
    tours::load(&common::corpus_dir().join("tours/police-diplomacy.ron")).unwrap()
}

/// One `<text>` element: its attributes and its character data (unescaped).
#[derive(Debug)]
struct TextElement {
    attributes: HashMap<String, String>,
    text: String,
}

/// Parses `svg` fully (any XML error fails the test) and returns its texts.
fn texts_of(svg: &str) -> Vec<TextElement> {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut out = Vec::new();
    let mut open: Option<TextElement> = None;
    let mut depth = 0i32;
    loop {
        match reader.read_event().unwrap_or_else(|e| panic!("bad XML at {}: {e}", reader.buffer_position())) {
            Event::Start(start) => {
                depth += 1;
                if start.name().as_ref() == b"text" {
                    let attributes = start
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                            (key, a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned())
                        })
                        .collect();
                    open = Some(TextElement { attributes, text: String::new() });
                }
            }
            Event::Text(text) => {
                if let Some(element) = open.as_mut() {
                    element.text.push_str(&text.decode().unwrap());
                }
            }
            Event::GeneralRef(reference) => {
                if let Some(element) = open.as_mut() {
                    let name = reference.decode().unwrap();
                    let c = match name.as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity {other}"),
                    };
                    element.text.push(c);
                }
            }
            Event::End(end) => {
                depth -= 1;
                if end.name().as_ref() == b"text" {
                    out.push(open.take().unwrap());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element is closed");
    out
}

fn svg_of(target: &Target, lang: Lang) -> String {
    let prepared = export::prepare(map(), target, export::DEFAULT_SIZE, lang);
    export::svg::svg_of(map(), &prepared)
}

#[test]
fn persian_labels_are_logical_text_marked_rtl() {
    let tour = tour();
    let svg = svg_of(&Target::Step { id: "police-diplomacy", tour: &tour, index: 0 }, Lang::Fa);
    assert!(svg.contains("font-family=\"Vazirmatn"), "Vazirmatn named first");
    let texts = texts_of(&svg);
    let police =
        texts.iter().find(|t| t.text == "دیپلماسی پلیسی").expect("the police diplomacy label, in logical order");
    assert_eq!(police.attributes.get("direction").map(String::as_str), Some("rtl"));
    assert_eq!(police.attributes.get("unicode-bidi").map(String::as_str), Some("embed"));
    let rtl_labels = texts.iter().filter(|t| export::is_rtl_text(&t.text)).count();
    assert!(rtl_labels > 10, "{rtl_labels} Persian texts");
    for text in &texts {
        let marked = text.attributes.get("direction").is_some_and(|d| d == "rtl");
        assert_eq!(marked, export::is_rtl_text(&text.text), "{text:?}");
    }
    let legend = texts.iter().find(|t| t.text == "تهدیدها").expect("the legend in Persian");
    assert_eq!(legend.attributes.get("direction").map(String::as_str), Some("rtl"));
}

#[test]
fn english_labels_have_no_direction_and_markup_is_escaped() {
    let mut tour = tour();
    let texts = texts_of(&svg_of(&Target::Step { id: "police-diplomacy", tour: &tour, index: 0 }, Lang::En));
    let police = texts.iter().find(|t| t.text == "police diplomacy" || t.text == "Police diplomacy");
    let police = police.expect("the English label");
    assert!(!police.attributes.contains_key("direction"));
    tour.steps[0].caption.en = "A <b>bold</b> & \"quoted\" caption".into();
    let svg = svg_of(&Target::Step { id: "t", tour: &tour, index: 0 }, Lang::En);
    assert!(svg.contains("A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; caption"));
    let texts = texts_of(&svg);
    assert!(texts.iter().any(|t| t.text == "A <b>bold</b> & \"quoted\" caption"));
}

#[test]
fn a_step_shows_its_caption_in_its_own_direction() {
    let tour = tour();
    let svg = svg_of(&Target::Step { id: "police-diplomacy", tour: &tour, index: 1 }, Lang::Fa);
    let texts = texts_of(&svg);
    let caption = &tour.steps[1].caption.fa;
    let lines: Vec<&TextElement> =
        texts.iter().filter(|t| t.attributes.get("font-size").is_some_and(|size| size == "18")).collect();
    assert!(!lines.is_empty());
    let joined: Vec<&str> = lines.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(joined.join(" "), *caption, "the caption's lines, in logical order, give the caption");
    assert!(lines.iter().all(|t| t.attributes.get("direction").is_some_and(|d| d == "rtl")));
    assert!(texts.iter().any(|t| t.text.contains("۲ از ۱۰")), "the step number in Persian");
}

#[test]
fn exports_are_deterministic() {
    let tour = tour();
    let target = Target::Step { id: "police-diplomacy", tour: &tour, index: 4 };
    assert_eq!(svg_of(&target, Lang::Ar), svg_of(&target, Lang::Ar));
}

#[test]
fn a_whole_tour_becomes_a_folder_of_numbered_svgs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pages");
    let status = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(["export", "--format", "svg", "--tour", "police-diplomacy", "--ui-lang", "ar", "--out"])
        .arg(&out)
        .arg("--corpus")
        .arg(common::corpus_dir())
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let expected: Vec<String> = (1..=tour().steps.len()).map(|n| format!("step-{n:02}.svg")).collect();
    assert_eq!(names, expected);
    for name in &names {
        let svg = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(!texts_of(&svg).is_empty());
    }
}

#[test]
fn bad_requests_are_refused_clearly() {
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_diplomap"))
            .args(args)
            .arg("--corpus")
            .arg(common::corpus_dir())
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stderr).into_owned())
    };
    let (code, message) = run(&["export", "--format", "gif"]);
    assert_eq!(code, Some(2), "{message}");
    assert!(message.contains("use svg, png, html or site"), "{message}");
    let (code, message) = run(&["export", "--format", "svg", "--tour", "police-diplomacy", "--step", "99"]);
    assert_eq!(code, Some(1), "{message}");
    assert!(message.contains("steps 1 to 10"), "{message}");
    let (code, message) = run(&["export", "--format", "svg", "--tour", "no-such-tour"]);
    assert_eq!(code, Some(1), "{message}");
    assert!(message.contains("no tour `no-such-tour`"), "{message}");
    let (code, message) = run(&["export", "--format", "svg", "--size", "12x9"]);
    assert_eq!(code, Some(2), "{message}");
}

#[cfg(feature = "gui")]
#[test]
fn png_has_the_asked_size_and_shows_the_map() {
    let tour = tour();
    let size = diplomap::graph::Vec2::new(640.0, 400.0);
    let prepared =
        export::prepare(map(), &Target::Step { id: "police-diplomacy", tour: &tour, index: 0 }, size, Lang::Fa);
    let bytes = diplomap::ui::paint::picture::png_of(map(), &prepared, 1.5).unwrap();
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (960, 600));
    assert_eq!(info.color_type, png::ColorType::Rgba);
    let rgba: Vec<[u8; 4]> = pixels.chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    assert!(rgba.iter().all(|p| p[3] == 255), "an opaque page");
    let inked = rgba.iter().filter(|p| p[0] < 200 || p[1] < 200 || p[2] < 200).count();
    let share = inked as f32 / rgba.len() as f32;
    assert!(share > 0.02 && share < 0.6, "{share} of the page inked");
    let colours: std::collections::HashSet<[u8; 4]> = rgba.iter().copied().collect();
    assert!(colours.len() > 50, "anti-aliased shapes and text: {} colours", colours.len());
    // The caption (under the heading, right half: a Persian caption starts on the right) is dark text.
    let dark_in_caption = (70..150usize)
        .flat_map(|y| (480..940usize).map(move |x| (x, y)))
        .filter(|&(x, y)| rgba[y * 960 + x][0] < 100)
        .count();
    assert!(dark_in_caption > 200, "{dark_in_caption} dark caption pixels");
}
