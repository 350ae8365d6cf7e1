//! A tour as one self-contained HTML file, for students without the program:
//! every step a slide with its map (inline SVG of the same scene as the SVG
//! export and the window), its caption and its passage, each in its own
//! language and direction, and the step counter in the interface's digits.
//!
//! Keys, as in the program's presenter: → Space PageDown next, ← PageUp
//! back, Home End first and last. The arrows keep their sense in a
//! right-to-left interface too (→ is always "next"): presentation remotes
//! send → and PageDown for "next" whatever the language, and a teacher who
//! switches between the program and the page keeps one habit. Each step has
//! its own link, `#3`; the browser's back button walks back through the
//! steps seen. Without scripts the slides are simply shown one under another.

use std::fmt::Write as _;

use crate::corpus::Corpus;
use crate::export::{self, Target, localized_or_english, map::SettledMap, step_counter};
use crate::text::Lang;
use crate::tours::{Tour, TourStep};

use super::strings::tr;
use super::{BASE_CSS, GENERATOR, escape, font_face_css, font_notice, html_open, inline_svg, text_attrs};
use crate::export::font::FontError;

/// Where a passage of a document can be read, as a relative link (the site
/// has pages for documents; a lone tour file has none).
pub type DocumentLink<'a> = &'a dyn Fn(&str, usize) -> Option<String>;

/// How a tour page is made.
#[derive(Clone, Copy)]
pub struct TourPage<'a> {
    pub corpus: &'a Corpus,
    pub map: &'a SettledMap,
    /// The interface language.
    pub lang: Lang,
    /// Links from passages into document pages, in a site.
    pub document_link: Option<DocumentLink<'a>>,
    /// A link back to the site's home page, in a site.
    pub home: Option<&'a str>,
}

/// The whole page of tour `id`.
pub fn tour_html(page: &TourPage, id: &str, tour: &Tour) -> Result<String, FontError> {
    let lang = page.lang;
    let title = {
        let title = localized_or_english(&tour.title, lang);
        if title.trim().is_empty() { id.to_string() } else { title.to_string() }
    };
    let title_lang = if tour.title.get(lang).trim().is_empty() { Lang::En } else { lang };
    let mut body = String::with_capacity(256 * 1024);
    let _ = writeln!(body, "<header class=\"top\">");
    if let Some(home) = page.home {
        let _ = writeln!(body, "<a class=\"home\" href=\"{}\">{}</a>", escape(home), escape(tr(lang, "home")));
    }
    let _ = writeln!(body, "<h1{}>{}</h1>", text_attrs(&title, Some(title_lang)), escape(&title));
    let _ = writeln!(body, "{}", keys_line(lang));
    let _ = writeln!(body, "</header>\n<main id=\"slides\">");
    let count = tour.steps.len();
    for (index, step) in tour.steps.iter().enumerate() {
        slide(&mut body, page, step, index, count);
    }
    let _ = writeln!(body, "</main>");
    let _ = writeln!(
        body,
        "<footer><p class=\"muted\">{}</p>{}</footer>",
        escape(tr(lang, "made with")),
        font_notice(lang)
    );

    let chars = super::characters_of([body.as_str(), title.as_str()]);
    let fonts = font_face_css(&chars)?;
    let mut out = String::with_capacity(body.len() + fonts.len() + 8 * 1024);
    let _ = writeln!(out, "<!DOCTYPE html>\n{}\n<head>\n<meta charset=\"utf-8\">", html_open(lang));
    let _ = writeln!(out, "{GENERATOR}");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; font-src data:; img-src data:\">"
    );
    let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(out, "<style>\n{fonts}{BASE_CSS}{TOUR_CSS}</style>\n</head>\n<body>");
    out.push_str(&body);
    let _ = writeln!(out, "<script>{TOUR_JS}</script>\n</body>\n</html>");
    Ok(out)
}

/// "Keys: → Space PageDown next, ← PageUp previous, Home End first and last",
/// each key in its own isolated `<kbd>` so the line reads right in either direction.
fn keys_line(lang: Lang) -> String {
    let kbd = |keys: &[&str]| keys.iter().map(|k| format!("<kbd>{}</kbd>", escape(k))).collect::<Vec<_>>().join(" ");
    let comma = if lang.is_rtl() { "، " } else { ", " };
    format!(
        "<p class=\"muted keys\">{}: {} {}{comma}{} {}{comma}{} {}</p>",
        escape(tr(lang, "keys")),
        kbd(&["→", tr(lang, "space"), "PageDown"]),
        escape(tr(lang, "next")),
        kbd(&["←", "PageUp"]),
        escape(tr(lang, "previous")),
        kbd(&["Home", "End"]),
        escape(tr(lang, "first and last"))
    )
}

fn slide(out: &mut String, page: &TourPage, step: &TourStep, index: usize, count: usize) {
    let lang = page.lang;
    let number = index + 1;
    let counter = step_counter(number, count, lang);
    let _ = writeln!(out, "<section class=\"slide\" id=\"{number}\" aria-label=\"{}\">", escape(&counter));
    let _ = writeln!(out, "<p class=\"counter\">{}</p>", escape(&counter));
    let _ = writeln!(out, "<div class=\"body\">");
    let prepared = export::prepare(page.map, &Target::View(step), export::DEFAULT_SIZE, lang);
    let svg = export::svg::svg_of(page.map, &prepared);
    let _ = writeln!(
        out,
        "<figure class=\"map\">{}</figure>",
        inline_svg(&svg, &format!("{} — {counter}", tr(lang, "map")))
    );
    let _ = writeln!(out, "<div class=\"text\">");
    let caption = localized_or_english(&step.caption, lang);
    if !caption.trim().is_empty() {
        let caption_lang = if step.caption.get(lang).trim().is_empty() { Lang::En } else { lang };
        for paragraph in caption.split('\n').filter(|p| !p.trim().is_empty()) {
            let _ = writeln!(
                out,
                "<p class=\"caption\"{}>{}</p>",
                text_attrs(paragraph, Some(caption_lang)),
                escape(paragraph)
            );
        }
    }
    if let Some(passage) = &step.passage
        && let Some(document) = page.corpus.document(&passage.document)
        && let Some(text) = document.text.get(passage.start..passage.end)
        && !text.trim().is_empty()
    {
        let _ = writeln!(
            out,
            "<blockquote class=\"passage\"{}>{}</blockquote>",
            text_attrs(text, None),
            escape(text.trim())
        );
        let title = document.title(lang);
        let line = format!("{} {}", tr(lang, "line"), super::strings::digits(lang, document.line_of(passage.start)));
        let _ = write!(out, "<p class=\"source muted\"><span{}>{}</span>", text_attrs(title, None), escape(title));
        let _ = write!(out, "<span>{}{}</span>", if lang.is_rtl() { "، " } else { ", " }, escape(&line));
        if let Some(href) = page.document_link.and_then(|link| link(&document.id, passage.start)) {
            let _ = write!(out, " <a href=\"{}\">{}</a>", escape(&href), escape(tr(lang, "open document")));
        }
        let _ = writeln!(out, "</p>");
    }
    let _ = writeln!(out, "</div>\n</div>");
    let _ = write!(out, "<nav class=\"steps\">");
    if number > 1 {
        let _ = write!(out, "<a rel=\"prev\" href=\"#{}\">{}</a>", number - 1, escape(tr(lang, "previous")));
    } else {
        let _ = write!(out, "<span></span>");
    }
    if number < count {
        let _ = write!(out, "<a rel=\"next\" href=\"#{}\">{}</a>", number + 1, escape(tr(lang, "next")));
    }
    let _ = writeln!(out, "</nav>\n</section>");
}

const TOUR_CSS: &str = r#"
body{max-width:none}
header.top{display:flex;flex-wrap:wrap;align-items:baseline;gap:0 1.5rem}
header.top h1{flex:1 1 20rem}
.keys{margin:0}
.slide{border-top:1px solid #ddd;padding:.5rem 0 1rem}
html.js .slide{border:0}
html.js .slide[hidden]{display:none}
.counter{margin:.25rem 0;color:#5a5a5a;font-weight:700}
.body{display:grid;grid-template-columns:minmax(0,2fr) minmax(16rem,1fr);gap:1rem;align-items:start}
.caption{font-size:1.25rem;margin:0 0 .75rem}
.map{border:1px solid #e3e3e3;border-radius:6px;overflow:hidden}
nav.steps{display:flex;justify-content:space-between;margin-top:.75rem;font-size:1.1rem}
@media (max-width:48rem){.body{grid-template-columns:1fr}.caption{font-size:1.1rem}}
@media print{html.js .slide[hidden]{display:block}.slide{break-after:page}nav.steps,.keys{display:none}}
"#;

/// Steps through the slides by `location.hash` (`#3` is step 3).
const TOUR_JS: &str = r##"
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll("section.slide"));
  var count = slides.length, current = -1;
  if (!count) return;
  document.documentElement.classList.add("js");
  function fromHash() {
    var m = /^#(\d+)$/.exec(location.hash);
    var i = m ? parseInt(m[1], 10) - 1 : 0;
    return Math.max(0, Math.min(count - 1, i));
  }
  function show(i) {
    current = i;
    slides.forEach(function (s, k) {
      s.hidden = k !== i;
      if (k === i) s.setAttribute("aria-current", "step"); else s.removeAttribute("aria-current");
    });
    window.scrollTo(0, 0);
  }
  function go(i) {
    i = Math.max(0, Math.min(count - 1, i));
    if (i === current) return;
    show(i);
    location.hash = "#" + (i + 1);
  }
  window.addEventListener("hashchange", function () { if (fromHash() !== current) show(fromHash()); });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target && e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
    switch (e.key) {
      case "ArrowRight": case " ": case "Spacebar": case "PageDown": go(current + 1); break;
      case "ArrowLeft": case "PageUp": go(current - 1); break;
      case "Home": go(0); break;
      case "End": go(count - 1); break;
      default: return;
    }
    e.preventDefault();
  });
  show(fromHash());
})();
"##;
