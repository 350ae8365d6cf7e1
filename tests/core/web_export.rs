//! Web exports: the tour as one offline HTML file and the static site, read
//! on disk (links, names, ownership, notes) and in headless Chromium (keys,
//! requests, fonts, the DOM's text in logical order, search folding).
//! Screenshots go to the test target folder (`web-export-screenshots/`).

use crate::browser::{self, Browser, file_url};
use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diplomap::text::normalize::fold_str;
use serde_json::Value;

const TOUR: &str = "police-diplomacy";

fn diplomap(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(args)
        .arg("--corpus")
        .arg(corpus)
        .output()
        .expect("the binary runs")
}

fn ok(output: &Output) {
    assert!(output.status.success(), "exit {:?}: {}", output.status.code(), String::from_utf8_lossy(&output.stderr));
}

fn export_tour(out: &Path, lang: &str) {
    let out = out.to_str().unwrap();
    ok(&diplomap(
        &common::corpus_dir(),
        &["export", "--format", "html", "--tour", TOUR, "--out", out, "--ui-lang", lang],
    ));
}

fn export_site(corpus: &Path, out: &Path, lang: &str) -> Output {
    diplomap(corpus, &["export", "--format", "site", "--out", out.to_str().unwrap(), "--ui-lang", lang])
}

fn tour() -> diplomap::tours::Tour {
    diplomap::tours::load(&common::corpus_dir().join("tours").join(format!("{TOUR}.ron"))).unwrap()
}

/// The values of attribute `name` (double-quoted, as we and Chromium write them).
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The text of an HTML fragment: tags dropped, entities decoded.
fn text_of(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    unescape(&out)
}

/// The content of the element that opens with `<tag` and has `id="ID"` (no nesting of `tag` inside).
fn element_by_id<'a>(html: &'a str, tag: &str, id: &str) -> Option<&'a str> {
    let marker = format!(" id=\"{id}\"");
    let at = html.find(&marker)?;
    let open = html[..at].rfind(&format!("<{tag}"))?;
    let start = open + html[open..].find('>')? + 1;
    let end = start + html[start..].find(&format!("</{tag}>"))?;
    Some(&html[start..end])
}

/// A paragraph as the site shows it: the stored text, each line the repair
/// read back (and left unmarked as not repaired) in its reading order.
fn reading_of(
    doc: &diplomap::corpus::Document,
    reading: &diplomap::text::repair::ReadingText,
    paragraph: &std::ops::Range<usize>,
) -> String {
    let mut out = String::new();
    let mut at = paragraph.start;
    for line in reading.lines.iter().filter(|l| l.repaired && !l.unrepaired) {
        let stored = &doc.text[line.original.clone()];
        let start = line.original.start + (stored.len() - stored.trim_start().len());
        let end = start + stored.trim().len();
        if start < paragraph.start || end > paragraph.end {
            continue;
        }
        out.push_str(&doc.text[at..start]);
        out.push_str(reading.text[line.reading.clone()].trim());
        at = end;
    }
    out.push_str(&doc.text[at..paragraph.end]);
    out
}

fn presentation_forms(text: &str) -> Vec<char> {
    text.chars().filter(|&c| matches!(c as u32, 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)).collect()
}

#[test]
fn a_tour_is_one_offline_file_with_every_step() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tour.html");
    export_tour(&out, "fa");
    let html = browser::read(&out);
    let tour = tour();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">"), "{}", &html[..80]);
    // Nothing that could be fetched: no external address anywhere but in the
    // licence's own text, no linked files, only data: URLs, and a policy that
    // forbids the rest.
    let licence = diplomap::export::font::VAZIRMATN_LICENCE;
    let without_licence = html.replace(&diplomap::export::html::escape(licence), "");
    assert!(!without_licence.contains("://"), "an external URL");
    for name in ["src", "href", "action"] {
        for value in attributes(&html, name) {
            assert!(value.starts_with('#') || value.starts_with("data:"), "{name}=\"{value}\"");
        }
    }
    assert!(!html.contains("<link") && !html.contains("<img") && !html.contains("<iframe"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("src:url(data:font/ttf;base64,"), "the font is embedded");
    assert!(html.contains("SIL OPEN FONT LICENSE Version 1.1"), "with its licence");
    // Every step a slide with its map, its counter in Persian digits, its link.
    for (index, step) in tour.steps.iter().enumerate() {
        let number = index + 1;
        let slide = element_by_id(&html, "section", &number.to_string()).unwrap_or_else(|| panic!("slide {number}"));
        assert!(slide.contains("<svg role=\"img\""), "slide {number} has its map");
        let counter = diplomap::export::step_counter(number, tour.steps.len(), diplomap::text::Lang::Fa);
        assert!(slide.contains(&format!("<p class=\"counter\">{counter}</p>")), "{counter}");
        assert!(counter.chars().any(|c| ('۰'..='۹').contains(&c)) && !counter.chars().any(|c| c.is_ascii_digit()));
        let caption = format!(
            "<p class=\"caption\" lang=\"fa\" dir=\"rtl\">{}</p>",
            diplomap::export::html::escape(&step.caption.fa)
        );
        assert!(slide.contains(&caption), "slide {number}: the caption in Persian, logical order");
        if number < tour.steps.len() {
            assert!(slide.contains(&format!("href=\"#{}\"", number + 1)), "slide {number} links on");
        }
        if let Some(passage) = &step.passage {
            let (corpus, _) = common::corpus_and_index();
            let text = &corpus.document(&passage.document).unwrap().text[passage.start..passage.end];
            assert!(slide.contains(&diplomap::export::html::escape(text.trim())), "slide {number}: its passage");
        }
    }
    assert!(presentation_forms(&html).is_empty());
    // The map is the SVG export's scene: the same labels.
    let (corpus, index) = common::corpus_and_index();
    let map = diplomap::export::map::SettledMap::build(corpus, index);
    let step = &tour.steps[0];
    let prepared = diplomap::export::prepare(
        &map,
        &diplomap::export::Target::View(step),
        diplomap::export::DEFAULT_SIZE,
        diplomap::text::Lang::Fa,
    );
    let svg = diplomap::export::svg::svg_of(&map, &prepared);
    let slide = element_by_id(&html, "section", "1").unwrap();
    let labels = |text: &str| -> Vec<String> {
        text.match_indices("<text ")
            .map(|(at, _)| text_of(&text[at..at + text[at..].find("</text>").unwrap()]))
            .collect()
    };
    assert_eq!(labels(slide), labels(&svg), "slide 1 shows the SVG export's labels");
}

#[test]
fn a_tour_page_is_written_only_over_an_earlier_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus_dir();
    let out = dir.path().join("tour.html");
    std::fs::write(&out, "my own page").unwrap();
    let refused = diplomap(&corpus, &["export", "--format", "html", "--tour", TOUR, "--out", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("exported by diplomap"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "my own page");
    std::fs::remove_file(&out).unwrap();
    export_tour(&out, "en");
    export_tour(&out, "ar");
    assert!(browser::read(&out).contains("<html lang=\"ar\" dir=\"rtl\">"), "an earlier export is replaced");
    for args in [
        &["export", "--format", "html"][..],
        &["export", "--format", "html", "--tour", TOUR, "--step", "2"],
        &["export", "--format", "site", "--tour", TOUR],
        &["export", "--format", "site", "--size", "800x600"],
    ] {
        assert_eq!(diplomap(&corpus, args).status.code(), Some(2), "{args:?} is bad usage");
    }
}

/// Every `href`/`src` of every page is relative and leads to a file of the
/// site (and to an element with that id, for a fragment).
fn check_links(site: &Path) -> usize {
    let mut pages = BTreeMap::new();
    let mut stack = vec![site.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
                    || name == "OFL.txt",
                "{name}: not a safe file name"
            );
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".html") {
                pages.insert(path.clone(), browser::read(&path));
            }
        }
    }
    let ids = |html: &str| -> BTreeSet<String> { attributes(html, "id").into_iter().map(String::from).collect() };
    let mut checked = 0;
    for (page, html) in &pages {
        for value in
            attributes(html, "href").into_iter().chain(attributes(html, "src")).chain(attributes(html, "action"))
        {
            let value = unescape(value);
            assert!(!value.contains(':') && !value.starts_with('/'), "{}: {value} is not relative", page.display());
            let (file, fragment) = value.split_once('#').map_or((value.as_str(), None), |(f, r)| (f, Some(r)));
            let target = if file.is_empty() { page.clone() } else { page.parent().unwrap().join(file) };
            let target = target.canonicalize().unwrap_or_else(|_| panic!("{}: {value} leads nowhere", page.display()));
            assert!(target.starts_with(site.canonicalize().unwrap()), "{}: {value} leaves the site", page.display());
            if let Some(fragment) = fragment.filter(|f| !f.is_empty()) {
                let html = pages.get(&target).map(String::as_str).unwrap_or_else(|| panic!("{value}: not a page"));
                assert!(ids(html).contains(fragment), "{}: {value}: no such anchor", page.display());
            }
            checked += 1;
        }
    }
    checked
}

#[test]
fn the_site_links_only_inside_itself_and_every_link_resolves() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    ok(&export_site(&common::corpus_dir(), &site, "fa"));
    let (corpus, _) = common::corpus_and_index();
    for concept in &corpus.catalog.concepts {
        assert!(site.join(format!("concepts/{}.html", concept.id)).is_file(), "{}", concept.id);
    }
    for document in &corpus.documents {
        assert!(site.join(format!("documents/{}.html", document.id)).is_file(), "{}", document.id);
    }
    assert!(site.join(format!("tours/{TOUR}.html")).is_file());
    let links = check_links(&site);
    assert!(links > 1000, "{links} links checked");
    let index = browser::read(&site.join("index.html"));
    assert!(index.starts_with("<!DOCTYPE html>\n<html lang=\"fa\" dir=\"rtl\">"));
    assert!(index.contains("<meta name=\"viewport\""));
    for kind in ["DiplomacyForm", "Threat", "Organisation", "Topic"] {
        assert!(index.contains(&format!("id=\"{kind}\"")), "the concepts by kind: {kind}");
    }
    // A concept page: names in three languages, each in its own direction.
    let page = browser::read(&site.join("concepts/interpol.html"));
    for needle in
        ["lang=\"fa\" dir=\"rtl\">اینترپل<", "lang=\"ar\" dir=\"rtl\">الإنتربول<", "lang=\"en\" dir=\"ltr\">INTERPOL<"]
    {
        assert!(page.contains(needle), "{needle}");
    }
    assert!(page.contains("../documents/") && page.contains("#s-"), "evidence links into the documents");
}

#[test]
fn a_second_site_export_replaces_the_first_and_a_foreign_folder_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus_copy();
    let site = dir.path().join("site");
    ok(&export_site(corpus.path(), &site, "en"));
    assert!(browser::read(&site.join("index.html")).contains("<html lang=\"en\" dir=\"ltr\">"));
    std::fs::remove_file(corpus.path().join("tours").join(format!("{TOUR}.ron"))).unwrap();
    ok(&export_site(corpus.path(), &site, "ar"));
    assert!(browser::read(&site.join("index.html")).contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(!site.join(format!("tours/{TOUR}.html")).exists(), "the new export replaced the old one whole");
    let left: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert_eq!(left, ["site"], "nothing left beside it");
    let mine = dir.path().join("mine");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("thesis.txt"), "precious").unwrap();
    let refused = export_site(corpus.path(), &mine, "fa");
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(mine.join("thesis.txt")).unwrap(), "precious");
    assert_eq!(std::fs::read_dir(&mine).unwrap().count(), 1);
}

#[test]
fn the_site_carries_the_corpus_s_notes_and_nothing_from_outside() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = common::corpus_copy();
    let notes = corpus.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let body = "یادداشتِ درون پیکره: یوروپل با اینترپل همکاری می‌کند.";
    let note_file = dir.path().join("note.txt");
    std::fs::write(&note_file, body).unwrap();
    ok(&diplomap(corpus.path(), &["note", "set", "europol", "--text-file", note_file.to_str().unwrap()]));
    // A note file that points outside the corpus is not read.
    let outside = dir.path().join("outside.ron");
    std::fs::copy(notes.join("europol.ron"), &outside).unwrap();
    let secret = browser::read(&outside).replace("یادداشتِ درون پیکره", "OUTSIDE-SECRET");
    std::fs::write(&outside, secret).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, notes.join("interpol.ron")).unwrap();
    let site = dir.path().join("site");
    let output = export_site(corpus.path(), &site, "fa");
    ok(&output);
    let page = browser::read(&site.join("concepts/europol.html"));
    assert!(page.contains("یادداشتِ درون پیکره"), "the main note is on its concept's page");
    let mut everything = String::new();
    for entry in walk(&site) {
        everything.push_str(&String::from_utf8_lossy(&std::fs::read(entry).unwrap()));
    }
    assert!(!everything.contains("OUTSIDE-SECRET"), "nothing from outside the corpus");
    assert!(
        everything.contains(&diplomap::export::site::search::js_string("یادداشتِ درون پیکره")[1..20]),
        "notes are searchable"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn in_a_browser_the_tour_steps_by_keyboard_without_a_single_request() {
    let Some(chromium) = browser::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tour.html");
    export_tour(&out, "fa");
    let url = file_url(&out);
    let count = tour().steps.len();
    let mut browser = Browser::launch(&chromium);
    let session = browser.open(&url, 1280, 900);
    let state = |browser: &mut Browser| -> (String, Vec<String>) {
        let value = browser.eval(
            &session,
            "[location.hash, Array.from(document.querySelectorAll('section.slide')).filter(s => getComputedStyle(s).display !== 'none').map(s => s.id)]",
        );
        let hash = value[0].as_str().unwrap_or("").to_string();
        let shown = value[1].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
        (hash, shown)
    };
    assert_eq!(state(&mut browser).1, ["1"], "one slide at a time, the first");
    let steps = [
        ("ArrowRight", 2),
        (" ", 3),
        ("PageDown", 4),
        ("ArrowLeft", 3),
        ("PageUp", 2),
        ("End", count),
        ("ArrowRight", count),
        ("Home", 1),
        ("ArrowLeft", 1),
        ("ArrowRight", 2),
    ];
    for (key, expected) in steps {
        browser.press(&session, key);
        let (hash, shown) = state(&mut browser);
        assert_eq!(shown, [expected.to_string()], "after {key:?}");
        assert_eq!(hash, format!("#{expected}"), "after {key:?}: each step has its link");
    }
    // The font loaded from the page itself and shapes the Persian text.
    let fonts = browser.eval(&session, "document.fonts.ready.then(() => Array.from(document.fonts).map(f => f.family + ' ' + f.weight + ' ' + f.status))");
    let fonts: Vec<&str> = fonts.as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(fonts.contains(&"Vazirmatn 400 loaded"), "{fonts:?}");
    let used = browser.eval(&session, "document.fonts.check('16px Vazirmatn', 'دیپلماسی پلیسی')");
    assert_eq!(used, Value::Bool(true));
    // The caption in the DOM is the tour's text, in logical order.
    let caption = browser.eval(&session, "document.querySelector('section.slide[aria-current] .caption').textContent");
    assert_eq!(caption.as_str().unwrap(), tour().steps[1].caption.fa);
    let png = browser.screenshot(&session);
    std::fs::write(browser::screenshot_dir().join("tour-fa-step-2.png"), png).unwrap();
    // A link to a step opens that step.
    let third = browser.open(&format!("{url}#3"), 390, 844);
    let shown = browser.eval(&third, "document.querySelector('section.slide:not([hidden])').id");
    assert_eq!(shown.as_str(), Some("3"));
    let width = browser.eval(&third, "document.documentElement.scrollWidth <= window.innerWidth");
    assert_eq!(width, Value::Bool(true), "no sideways scrolling on a phone");
    let png = browser.screenshot(&third);
    std::fs::write(browser::screenshot_dir().join("tour-fa-step-3-phone.png"), png).unwrap();
    for session in [&session, &third] {
        let (requested, problems) = browser.problems(session);
        assert!(problems.is_empty(), "{problems:#?}");
        let outside: Vec<&String> =
            requested.iter().filter(|u| !u.starts_with(&url) && !u.starts_with("data:")).collect();
        assert!(outside.is_empty(), "requests beyond the file: {outside:?}");
    }
}

#[test]
fn in_a_browser_the_site_reads_in_logical_order_and_requests_only_its_files() {
    let Some(chromium) = browser::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    ok(&export_site(&common::corpus_dir(), &site, "fa"));
    let root = file_url(&site);
    let (corpus, index) = common::corpus_and_index();

    // The reading text after scripts ran, as the browser holds it: every
    // paragraph equal to the corpus's own (logical) text, no presentation forms.
    for (document, doc) in corpus.documents.iter().enumerate() {
        let dom = browser::dump_dom(&chromium, &format!("{root}/documents/{}.html", doc.id));
        assert!(presentation_forms(&dom).is_empty(), "{}: presentation forms", doc.id);
        let cuts: Vec<usize> = doc
            .meta
            .sections
            .iter()
            .flat_map(|s| {
                let r = doc.section_range(s);
                [r.start, r.end]
            })
            .collect();
        let reading = doc.reading();
        let mut compared = 0;
        for (number, paragraph) in index.documents[document].paragraphs.iter().enumerate() {
            if cuts.iter().any(|&c| c > paragraph.start && c < paragraph.end) {
                continue;
            }
            let Some(element) = element_by_id(&dom, "p", &format!("p-{number}")) else { continue };
            assert_eq!(text_of(element), reading_of(doc, &reading, paragraph), "{} paragraph {number}", doc.id);
            compared += 1;
        }
        assert!(
            compared * 2 >= index.documents[document].paragraphs.len(),
            "{}: {compared} paragraphs compared",
            doc.id
        );
    }

    // The national-security paper's abstract is read back into Persian, the
    // line as stored one hover away.
    let dom = browser::dump_dom(&chromium, &format!("{root}/documents/002_e0ff0a2344230e73.html"));
    let first = "موضوع اصلی مقاله بررسی این مسئله است که بین حکمرانی امنیت ملی و سیاست خارجی چه";
    let stored = "چه  یخارج استیو س یمل تیامن یحکمران نیمسئله است که ب نیا یمقاله بررس یموضوع اصل";
    let line = dom.split("<span class=\"repaired\"").nth(1).expect("a line read back");
    let (title, shown) = line.split_once('>').expect("its title");
    assert!(unescape(title).contains(stored), "{title}");
    let shown = text_of(&format!(">{}", shown.split("<span class=\"repaired\"").next().unwrap_or_default()));
    assert!(shown.trim_start().starts_with(first), "{shown}");

    // Pages load with no failed request, no error, nothing from outside the site.
    let mut browser = Browser::launch(&chromium);
    for (page, shot) in [
        ("index.html", Some("site-fa-index.png")),
        ("concepts/police-diplomacy.html", Some("site-fa-concept.png")),
        ("documents/002_e0ff0a2344230e73.html", None),
        ("abstracts.html", Some("site-fa-abstracts.png")),
        ("search.html?q=%D8%A7%D9%8A%D9%86%D8%AA%D8%B1%D9%BE%D9%84", Some("site-fa-search.png")),
    ] {
        let url = format!("{root}/{page}");
        let session = browser.open(&url, 1280, 900);
        let fonts = browser.eval(
            &session,
            "document.fonts.ready.then(() => Array.from(document.fonts).filter(f => f.status === 'loaded').length)",
        );
        assert!(fonts.as_u64().unwrap_or(0) >= 1, "{page}: the site's font loaded");
        if let Some(name) = shot {
            std::fs::write(browser::screenshot_dir().join(name), browser.screenshot(&session)).unwrap();
        }
        let (requested, problems) = browser.problems(&session);
        assert!(problems.is_empty(), "{page}: {problems:#?}");
        for url in &requested {
            assert!(url.starts_with(&root) || url.starts_with("data:"), "{page} requested {url}");
        }
        if page.starts_with("search") {
            // «اينترپل» typed with Arabic yeh finds the concept spelled with the Persian one.
            let first = browser.eval(&session, "document.querySelector('#search-results a').getAttribute('href')");
            assert_eq!(first.as_str(), Some("concepts/interpol.html"));
        }
    }
    let phone = browser.open(&format!("{root}/concepts/police-diplomacy.html"), 390, 844);
    let fits = browser.eval(&phone, "document.documentElement.scrollWidth <= window.innerWidth");
    assert_eq!(fits, Value::Bool(true), "no sideways scrolling on a phone");
    std::fs::write(browser::screenshot_dir().join("site-fa-concept-phone.png"), browser.screenshot(&phone)).unwrap();
}

/// What `script` writes into `<pre id="out">` of a page that loads the
/// site's `search.js`, after the browser ran it; None without a browser.
fn search_js_output(script: &str) -> Option<String> {
    let chromium = browser::chromium()?;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("search.js"), diplomap::export::site::search::search_js()).unwrap();
    let page = format!(
        r#"<!DOCTYPE html><meta charset="utf-8"><pre id="out"></pre><script src="search.js"></script><script>{script}</script>"#
    );
    std::fs::write(dir.path().join("page.html"), page).unwrap();
    let dom = browser::dump_dom(&chromium, &file_url(&dir.path().join("page.html")));
    Some(unescape(element_by_id(&dom, "pre", "out").expect("the script wrote its result")))
}

#[test]
fn in_a_browser_the_search_folds_every_character_as_the_program_does() {
    // Every code point of the first two planes, folded by the page's script.
    let Some(json) = search_js_output(
        r#"
var out = [];
for (var c = 0; c < 0x20000; c++) {
  if (c >= 0xD800 && c <= 0xDFFF) continue;
  var folded = window.diplomapFold(String.fromCodePoint(c));
  var codes = [];
  for (var ch of folded) codes.push(ch.codePointAt(0));
  out.push(codes);
}
document.getElementById("out").textContent = JSON.stringify(out);
"#,
    ) else {
        return;
    };
    let folded: Vec<Vec<u32>> = serde_json::from_str(&json).expect("JSON");
    let chars: Vec<char> = (0..0x20000u32).filter_map(char::from_u32).collect();
    assert_eq!(folded.len(), chars.len());
    let mut differ = Vec::new();
    for (c, js) in chars.iter().zip(&folded) {
        let rust: Vec<u32> = fold_str(&c.to_string()).chars().map(|c| c as u32).collect();
        if &rust != js {
            differ.push(format!("U+{:04X}: program {rust:X?}, page {js:X?}", *c as u32));
        }
    }
    assert!(
        differ.is_empty(),
        "{} characters fold differently, e.g. {:#?}",
        differ.len(),
        &differ[..differ.len().min(10)]
    );
}

/// A search hit's snippet is cut between words: never «… بکه» for «شبکه».
#[test]
fn in_a_browser_a_snippet_is_cut_between_words() {
    let Some(shown) = search_js_output(
        r#"
var words = "شبکه ارتباطی پلیس اینترپل با دفترهای ملی ";
var text = words.repeat(8) + "هدف" + " " + words.repeat(8);
var at = text.indexOf("هدف");
document.getElementById("out").textContent = window.diplomapSnippet(text, [at, at + 3]);
"#,
    ) else {
        return;
    };
    let words = ["شبکه", "ارتباطی", "پلیس", "اینترپل", "با", "دفترهای", "ملی", "هدف"];
    let inner = shown.trim_start_matches("… ").trim_end_matches(" …");
    assert!(shown.starts_with("… ") && shown.ends_with(" …") && inner.contains("هدف"), "{shown}");
    for word in inner.split_whitespace() {
        assert!(words.contains(&word), "a word cut in the snippet: {word:?} in {shown}");
    }
}

/// The site names a document's sections as the reader does: the two parts of
/// the Arabic joint statement's body each by its own name, not «متن» twice.
#[test]
fn the_site_names_sections_as_the_reader_does() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    ok(&export_site(&common::corpus_dir(), &site, "fa"));
    let page = std::fs::read_to_string(site.join("documents/001_06edd9455f6f2070.html")).unwrap();
    let titles: Vec<String> = page
        .split("<h2 class=\"part-title\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(unescape)
        .collect();
    assert!(titles.contains(&"نمای کلی".to_string()) && titles.contains(&"بیانیه‌های مشترک".to_string()), "{titles:?}");
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "no two sections of one name: {titles:?}");
}

/// Every mention the index found in the national-security paper is linked on
/// its page, also where the line is shown read back (its letters found where
/// the repair put them).
#[test]
fn mentions_in_lines_read_back_stay_linked() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    ok(&export_site(&common::corpus_dir(), &site, "fa"));
    let (corpus, index) = common::corpus_and_index();
    let document = corpus.documents.iter().position(|d| d.id == "002_e0ff0a2344230e73").unwrap();
    let mentions = index.mentions_in(document).count();
    let page = std::fs::read_to_string(site.join("documents/002_e0ff0a2344230e73.html")).unwrap();
    let links = page.matches("<a class=\"m ").count();
    assert!(mentions > 50 && links >= mentions, "{links} links for {mentions} mentions");
    let repaired = page.split("<span class=\"repaired\"").skip(1).filter(|rest| {
        let line = rest.split("</span></p>").next().unwrap_or_default();
        line.contains("<a class=\"m ")
    });
    assert!(repaired.count() > 10, "mentions are linked inside repaired lines");
}
