//! The pages of the site, built in memory: index, concepts, documents, the
//! abstracts side by side, search, licence, the tours, and the assets.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::catalog::{ConceptKind, Localized};
use crate::corpus::{Document, Section, SectionKind};
use crate::export::html::strings::{digits, tr};
use crate::export::html::tour::{TourPage, tour_html};
use crate::export::html::{self, BASE_CSS, GENERATOR, escape, html_open, inline_svg, text_attrs};
use crate::export::{self, ExportError, Target, font};
use crate::index::{Edge, EdgeKind, Passage};
use crate::notes::ConceptNotes;
use crate::text::Lang;
use crate::text::repair::ReadingText;
use crate::tours::Tour;

use super::markup::{Mark, marked};
use super::names::unique_stems;
use super::search::{Entry, index_js, search_js};
use super::{Files, Site};

/// Evidence passages shown open under a relation; the rest fold away.
const EVIDENCE_OPEN: usize = 3;

/// Everything the pages link between.
struct Ctx<'a> {
    site: &'a Site<'a>,
    lang: Lang,
    notes: &'a BTreeMap<String, ConceptNotes>,
    concept_files: BTreeMap<String, String>,
    document_files: BTreeMap<String, String>,
    tours: Vec<(String, String, Tour)>,
}

/// Every file of the site.
pub fn build(site: &Site, notes: &BTreeMap<String, ConceptNotes>) -> Result<Files, ExportError> {
    let corpus = site.corpus;
    let tours_dir = corpus.tours_dir();
    let tour_ids = crate::tours::list(&tours_dir).unwrap_or_default();
    let tour_files = unique_stems(tour_ids.iter().map(String::as_str));
    let mut tours = Vec::new();
    for id in &tour_ids {
        // A tour that does not load is left out, as the program leaves it out.
        if let Ok(tour) = crate::tours::load(&crate::tours::path_of(&tours_dir, id)) {
            tours.push((id.clone(), tour_files[id].clone(), tour));
        }
    }
    let ctx = Ctx {
        site,
        lang: site.lang,
        notes,
        concept_files: unique_stems(corpus.catalog.concepts.iter().map(|c| c.id.as_str())),
        document_files: unique_stems(corpus.documents.iter().map(|d| d.id.as_str())),
        tours,
    };

    let mut pages: Vec<(String, String)> = vec![
        ("index.html".into(), index_page(&ctx)),
        ("search.html".into(), search_page(&ctx)),
        ("abstracts.html".into(), abstracts_page(&ctx)),
        ("licence.html".into(), licence_page(&ctx)),
    ];
    for (concept, entry) in corpus.catalog.concepts.iter().enumerate() {
        pages.push((format!("concepts/{}.html", ctx.concept_files[&entry.id]), concept_page(&ctx, concept)));
    }
    for (document, entry) in corpus.documents.iter().enumerate() {
        pages.push((format!("documents/{}.html", ctx.document_files[&entry.id]), document_page(&ctx, document)));
    }

    let mut files = Files::new();
    let chars = html::characters_of(pages.iter().map(|(_, page)| page.as_str()));
    let css = format!("{}{BASE_CSS}{}{SITE_CSS}", html::font_face_css(&chars)?, kind_css());
    files.insert("assets/site.css".into(), css.into_bytes());
    files.insert("assets/search.js".into(), search_js().into_bytes());
    files.insert("assets/search-index.js".into(), index_js(&search_entries(&ctx)).into_bytes());
    files.insert("assets/OFL.txt".into(), font::VAZIRMATN_LICENCE.as_bytes().to_vec());
    for (path, page) in pages {
        files.insert(path, page.into_bytes());
    }

    let link = |document: &str, offset: usize| {
        let index = corpus.documents.iter().position(|d| d.id == document)?;
        Some(ctx.passage_href("../", index, offset))
    };
    let tour_page =
        TourPage { corpus, map: site.map, lang: ctx.lang, document_link: Some(&link), home: Some("../index.html") };
    for (id, stem, tour) in &ctx.tours {
        files.insert(format!("tours/{stem}.html"), tour_html(&tour_page, id, tour)?.into_bytes());
    }
    Ok(files)
}

/// `text` in `lang` if there is one, else another, with the language it is in.
fn pick(text: &Localized, lang: Lang) -> (&str, Option<Lang>) {
    for candidate in [lang, Lang::En, Lang::Fa, Lang::Ar] {
        let value = text.get(candidate);
        if !value.trim().is_empty() {
            return (value, Some(candidate));
        }
    }
    ("", None)
}

impl Ctx<'_> {
    fn concept_href(&self, root: &str, concept: usize) -> String {
        let id = &self.site.corpus.catalog.concepts[concept].id;
        format!("{root}concepts/{}.html", self.concept_files[id])
    }

    fn document_href(&self, root: &str, document: usize) -> String {
        let id = &self.site.corpus.documents[document].id;
        format!("{root}documents/{}.html", self.document_files[id])
    }

    /// A link to the sentence holding byte `offset` of a document.
    fn passage_href(&self, root: &str, document: usize, offset: usize) -> String {
        let page = self.document_href(root, document);
        let sentences = &self.site.index.documents[document].sentences;
        let at = sentences.partition_point(|s| s.end <= offset);
        match sentences.get(at) {
            Some(sentence) if sentence.start <= offset.max(sentence.start) => format!("{page}#s-{at}"),
            _ => page,
        }
    }

    fn concept_name(&self, concept: usize) -> (&str, Option<Lang>) {
        pick(&self.site.corpus.catalog.concepts[concept].labels, self.lang)
    }

    /// A link to a concept, its name in the interface language.
    fn concept_link(&self, root: &str, concept: usize) -> String {
        let (name, lang) = self.concept_name(concept);
        format!("<a href=\"{}\"{}>{}</a>", self.concept_href(root, concept), text_attrs(name, lang), escape(name))
    }

    /// The mentions of byte `range` of a document as links to their concepts
    /// (only those of `only`, when given).
    fn mention_marks(&self, root: &str, document: usize, range: &Range<usize>, only: Option<&[usize]>) -> Vec<Mark> {
        self.site
            .index
            .mentions_in(document)
            .filter(|m| m.range.start < range.end && m.range.end > range.start)
            .filter(|m| only.is_none_or(|o| o.contains(&m.concept)))
            .map(|m| {
                let (name, _) = self.concept_name(m.concept);
                let open = format!(
                    "<a class=\"m k{}\" href=\"{}\" title=\"{}\">",
                    kind_code(self.site.corpus.catalog.concepts[m.concept].kind),
                    self.concept_href(root, m.concept),
                    escape(name)
                );
                Mark::new(m.range.clone(), 2, &open, "</a>")
            })
            .collect()
    }

    /// The page around `body`: head, header with the site's links and search box, footer.
    fn frame(&self, root: &str, title: &str, body: &str, scripts: &[&str]) -> String {
        let lang = self.lang;
        let mut out = String::with_capacity(body.len() + 4096);
        let _ = writeln!(out, "<!DOCTYPE html>\n{}\n<head>\n<meta charset=\"utf-8\">\n{GENERATOR}", html_open(lang));
        let _ = writeln!(
            out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; script-src 'self'; font-src data:; img-src data:; form-action 'self'\">"
        );
        let _ = writeln!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        let app = tr(lang, "app");
        match title == app {
            true => writeln!(out, "<title>{}</title>", escape(app)),
            false => writeln!(out, "<title>{} · {}</title>", escape(title), escape(app)),
        }
        .ok();
        let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"{root}assets/site.css\">\n</head>\n<body>");
        let _ = writeln!(out, "<header class=\"site\"><nav>");
        let _ = writeln!(out, "<a class=\"brand\" href=\"{root}index.html\">{}</a>", escape(tr(lang, "app")));
        let _ = writeln!(out, "<a href=\"{root}index.html#concepts\">{}</a>", escape(tr(lang, "concepts")));
        let _ = writeln!(out, "<a href=\"{root}index.html#documents\">{}</a>", escape(tr(lang, "documents")));
        let _ = writeln!(out, "<a href=\"{root}abstracts.html\">{}</a>", escape(tr(lang, "side by side")));
        let _ = writeln!(out, "<a href=\"{root}index.html#tours\">{}</a>", escape(tr(lang, "tours")));
        let _ = writeln!(
            out,
            "</nav><form class=\"search\" action=\"{root}search.html\" role=\"search\"><input type=\"search\" name=\"q\" dir=\"auto\" placeholder=\"{}\" aria-label=\"{}\"></form></header>",
            escape(tr(lang, "search hint")),
            escape(tr(lang, "search"))
        );
        let _ = writeln!(out, "<main>\n{body}</main>");
        let _ = writeln!(
            out,
            "<footer><p class=\"muted\">{} <a href=\"{root}licence.html\">{}</a></p></footer>",
            escape(tr(lang, "made with")),
            escape(tr(lang, "font notice"))
        );
        for script in scripts {
            let _ = writeln!(out, "<script src=\"{root}{script}\"></script>");
        }
        out.push_str("</body>\n</html>\n");
        out
    }
}

fn kind_code(kind: ConceptKind) -> u16 {
    export::map::kind_code(kind)
}

/// The kinds' colours and shapes as the map draws them (`.k0` … `.k3`).
fn kind_css() -> String {
    let shapes = [
        "border-radius:50%",
        "transform:rotate(45deg) scale(.8)",
        "border-radius:1px",
        "clip-path:polygon(25% 0,75% 0,100% 50%,75% 100%,25% 100%,0 50%)",
    ];
    let mut css = String::new();
    for (code, shape) in shapes.iter().enumerate() {
        let code = code as u16;
        let _ = writeln!(css, ".k{code}{{--kind:{}}}", export::look::node_fill(code).hex());
        let _ = writeln!(css, "li.k{code}::before{{{shape}}}");
    }
    css
}

fn index_page(ctx: &Ctx) -> String {
    let (lang, corpus) = (ctx.lang, ctx.site.corpus);
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", escape(tr(lang, "app")));
    let prepared = export::prepare(ctx.site.map, &Target::WholeMap, export::DEFAULT_SIZE, lang);
    let svg = export::svg::svg_of(ctx.site.map, &prepared);
    let _ = writeln!(body, "<figure class=\"map\">{}</figure>", inline_svg(&svg, tr(lang, "map")));
    let _ = writeln!(body, "<section id=\"concepts\"><h2>{}</h2><div class=\"kinds\">", escape(tr(lang, "concepts")));
    for kind in ConceptKind::ALL {
        let _ = writeln!(
            body,
            "<section class=\"kind\" id=\"{}\"><h3>{}</h3><ul class=\"concepts\">",
            kind.as_str(),
            escape(tr(lang, kind.as_str()))
        );
        let mut members: Vec<usize> =
            (0..corpus.catalog.concepts.len()).filter(|&c| corpus.catalog.concepts[c].kind == kind).collect();
        members.sort_by_key(|&c| std::cmp::Reverse(ctx.site.index.mention_counts.get(c).copied().unwrap_or(0)));
        for concept in members {
            let count = ctx.site.index.mention_counts.get(concept).copied().unwrap_or(0);
            let _ = writeln!(
                body,
                "<li class=\"k{}\">{} <span class=\"muted\">({})</span></li>",
                kind_code(kind),
                ctx.concept_link("", concept),
                digits(lang, count)
            );
        }
        let _ = writeln!(body, "</ul></section>");
    }
    let _ = writeln!(body, "</div></section>");
    let _ = writeln!(body, "<section id=\"documents\"><h2>{}</h2><ul>", escape(tr(lang, "documents")));
    for (document, doc) in corpus.documents.iter().enumerate() {
        let title = doc.title(lang);
        let year =
            doc.meta.year.map(|y| format!(" <span class=\"muted\">({})</span>", digits(lang, y))).unwrap_or_default();
        let _ = writeln!(
            body,
            "<li><a href=\"{}\"{}>{}</a>{year}</li>",
            ctx.document_href("", document),
            text_attrs(title, None),
            escape(title)
        );
    }
    let _ = writeln!(body, "</ul><p><a href=\"abstracts.html\">{}</a></p></section>", escape(tr(lang, "abstracts")));
    let _ = writeln!(body, "<section id=\"tours\"><h2>{}</h2><ul>", escape(tr(lang, "tours")));
    for (id, stem, tour) in &ctx.tours {
        let (title, title_lang) = match pick_tour_title(tour, lang) {
            Some(found) => found,
            None => (id.as_str(), None),
        };
        let _ = writeln!(
            body,
            "<li><a href=\"tours/{stem}.html\"{}>{}</a> <span class=\"muted\">({} {})</span></li>",
            text_attrs(title, title_lang),
            escape(title),
            digits(lang, tour.steps.len()),
            escape(tr(lang, "steps"))
        );
    }
    let _ = writeln!(body, "</ul></section>");
    ctx.frame("", tr(lang, "app"), &body, &[])
}

fn pick_tour_title(tour: &Tour, lang: Lang) -> Option<(&str, Option<Lang>)> {
    [lang, Lang::En, Lang::Fa, Lang::Ar].into_iter().find_map(|l| {
        let title = tour.title.get(l);
        (!title.trim().is_empty()).then_some((title, Some(l)))
    })
}

fn search_page(ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", escape(tr(lang, "search")));
    let _ = writeln!(
        body,
        "<p><input id=\"search-box\" type=\"search\" dir=\"auto\" autofocus placeholder=\"{}\" aria-label=\"{}\"></p>",
        escape(tr(lang, "search hint")),
        escape(tr(lang, "search"))
    );
    let _ = writeln!(body, "<p id=\"search-status\" class=\"muted\" hidden>{}</p>", escape(tr(lang, "no results")));
    let _ = writeln!(body, "<ol id=\"search-results\"></ol>");
    ctx.frame("", tr(lang, "search"), &body, &["assets/search-index.js", "assets/search.js"])
}

fn licence_page(ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<pre class=\"licence\" lang=\"en\" dir=\"ltr\">{}</pre>\n",
        escape(tr(lang, "licence text")),
        escape(tr(lang, "font notice")),
        escape(font::VAZIRMATN_LICENCE)
    );
    ctx.frame("", tr(lang, "licence text"), &body, &[])
}

fn concept_page(ctx: &Ctx, concept: usize) -> String {
    let (lang, corpus) = (ctx.lang, ctx.site.corpus);
    let entry = &corpus.catalog.concepts[concept];
    let (name, name_lang) = ctx.concept_name(concept);
    let mut body = String::new();
    let _ =
        writeln!(body, "<h1 class=\"k{}\"{}>{}</h1>", kind_code(entry.kind), text_attrs(name, name_lang), escape(name));
    let _ = writeln!(
        body,
        "<p class=\"muted\"><a href=\"../index.html#{}\">{}</a></p>",
        entry.kind.as_str(),
        escape(tr(lang, entry.kind.as_str()))
    );
    let (summary, summary_lang) = pick(&entry.summary, lang);
    if !summary.is_empty() {
        let _ = writeln!(body, "<p class=\"summary\"{}>{}</p>", text_attrs(summary, summary_lang), escape(summary));
    }
    let _ = writeln!(body, "<h2>{}</h2>\n<dl class=\"names\">", escape(tr(lang, "labels")));
    for name_lang in [Lang::Fa, Lang::Ar, Lang::En] {
        let label = entry.labels.get(name_lang);
        let aliases = entry.aliases.get(name_lang);
        if label.is_empty() && aliases.is_empty() {
            continue;
        }
        let _ = write!(
            body,
            "<dt>{}</dt><dd><span{}>{}</span>",
            language_name(name_lang, lang),
            text_attrs(label, Some(name_lang)),
            escape(label)
        );
        if !aliases.is_empty() {
            let comma = if name_lang.is_rtl() { "، " } else { ", " };
            let list: Vec<String> = aliases.iter().map(|a| escape(a)).collect();
            let _ = write!(
                body,
                "<br><span class=\"muted\">{}</span> <span class=\"aliases\"{}>{}</span>",
                escape(tr(lang, "aliases")),
                text_attrs("", Some(name_lang)),
                list.join(comma)
            );
        }
        let _ = writeln!(body, "</dd>");
    }
    let _ = writeln!(body, "</dl>");
    if let Some(notes) = ctx.notes.get(&entry.id) {
        notes_section(ctx, &mut body, notes);
    }
    related_section(ctx, &mut body, concept);
    mentions_section(ctx, &mut body, concept);
    ctx.frame("../", name, &body, &[])
}

fn language_name(of: Lang, lang: Lang) -> &'static str {
    let names = match of {
        Lang::Fa => ["فارسی", "الفارسية", "Persian"],
        Lang::Ar => ["عربی", "العربية", "Arabic"],
        Lang::En => ["انگلیسی", "الإنجليزية", "English"],
    };
    match lang {
        Lang::Fa => names[0],
        Lang::Ar => names[1],
        Lang::En => names[2],
    }
}

/// A note's body as paragraphs, each in its own direction.
fn note_body(body: &str) -> String {
    let mut out = String::new();
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = write!(out, "<p{}>{}</p>", text_attrs(paragraph, None), escape(paragraph).replace('\n', "<br>"));
    }
    out
}

fn notes_section(ctx: &Ctx, body: &mut String, notes: &ConceptNotes) {
    let lang = ctx.lang;
    let corpus = ctx.site.corpus;
    let _ = writeln!(body, "<section id=\"notes\"><h2>{}</h2>", escape(tr(lang, "notes")));
    if let Some(main) = notes.main_body().filter(|b| !b.trim().is_empty()) {
        let _ = writeln!(body, "<div class=\"note main\">{}</div>", note_body(main));
    }
    let passage_notes: Vec<_> = notes.passage_notes().collect();
    if !passage_notes.is_empty() {
        let _ = writeln!(body, "<h3>{}</h3>", escape(tr(lang, "passage notes")));
    }
    for note in passage_notes {
        let Some(anchor) = &note.anchor else { continue };
        let _ = writeln!(body, "<div class=\"note passage-note\">");
        let _ = writeln!(body, "<blockquote{}>{}</blockquote>", text_attrs(&anchor.quote, None), escape(&anchor.quote));
        if let Some(document) = corpus.documents.iter().position(|d| d.id == anchor.document) {
            let start = match anchor.resolve(&corpus.documents[document].text) {
                crate::notes::AnchorStatus::Moved { start, .. } => Some(start),
                crate::notes::AnchorStatus::Valid => Some(anchor.start),
                _ => None,
            };
            if let Some(start) = start {
                let _ = writeln!(body, "{}", source_line(ctx, "../", document, start));
            }
        }
        let _ = writeln!(body, "{}</div>", note_body(&note.body));
    }
    let _ = writeln!(body, "</section>");
}

/// "Title, line N" linking to the sentence at `offset`.
fn source_line(ctx: &Ctx, root: &str, document: usize, offset: usize) -> String {
    let lang = ctx.lang;
    let doc = &ctx.site.corpus.documents[document];
    let title = doc.title(lang);
    format!(
        "<p class=\"source muted\"><a href=\"{}\"><span{}>{}</span>{}{} {}</a></p>",
        ctx.passage_href(root, document, offset),
        text_attrs(title, None),
        escape(title),
        if lang.is_rtl() { "، " } else { ", " },
        escape(tr(lang, "line")),
        digits(lang, doc.line_of(offset))
    )
}

/// `edge` read as a sentence from the page of `concept` (one of its ends), as
/// the program's concept page reads it ([`crate::i18n::relation_phrase`]:
/// "countered by INTERPOL", Arabic verbs agreeing), the other concept linked.
fn relation_sentence(ctx: &Ctx, edge: &Edge, concept: usize) -> String {
    use crate::i18n::{Gender, Party, Piece, Reading, relation_phrase};
    let concepts = &ctx.site.corpus.catalog.concepts;
    let (reading, other) =
        if edge.source == concept { (Reading::Active, edge.target) } else { (Reading::Inverse, edge.source) };
    let gender = |c: usize| Gender::of_arabic(concepts[c].labels.get(Lang::Ar));
    let (name, _) = ctx.concept_name(other);
    let party = Party { name, gender: gender(other) };
    let mut out = String::from("<span class=\"kind\">");
    for piece in relation_phrase(ctx.lang, edge.kind, reading, gender(concept), party) {
        match piece {
            Piece::Words(words) => out.push_str(&escape(words)),
            Piece::Name(_) => out.push_str(&ctx.concept_link("../", other)),
        }
    }
    out.push_str("</span>");
    out
}

fn related_section(ctx: &Ctx, body: &mut String, concept: usize) {
    let lang = ctx.lang;
    let mut edges: Vec<&Edge> = ctx.site.index.edges_of(concept).collect();
    if edges.is_empty() {
        return;
    }
    edges.sort_by(|a, b| {
        let curated = |e: &Edge| matches!(e.kind, EdgeKind::Relation(_));
        curated(b).cmp(&curated(a)).then(b.weight.total_cmp(&a.weight))
    });
    let _ = writeln!(body, "<section id=\"related\"><h2>{}</h2><ul class=\"relations\">", escape(tr(lang, "related")));
    for edge in edges {
        let other = if edge.source == concept { edge.target } else { edge.source };
        let sentence = relation_sentence(ctx, edge, concept);
        let comma = if lang.is_rtl() { "، " } else { ", " };
        let _ = writeln!(
            body,
            "<li class=\"relation\"><p>{sentence} <span class=\"muted\">({}\u{a0}{}{comma}{})</span></p>",
            escape(tr(lang, "weight")),
            digits(lang, format!("{:.1}", edge.weight)),
            escape(&crate::i18n::evidence_count(lang, edge.evidence.len()))
        );
        let pair = [concept, other];
        let passage_html = |passage: &Passage| evidence_html(ctx, passage, &pair);
        let shown: Vec<String> = edge.evidence.iter().take(EVIDENCE_OPEN).filter_map(passage_html).collect();
        let rest: Vec<String> = edge.evidence.iter().skip(EVIDENCE_OPEN).filter_map(passage_html).collect();
        let _ = writeln!(body, "<ol class=\"evidence\">{}</ol>", shown.join("\n"));
        if !rest.is_empty() {
            let _ = writeln!(
                body,
                "<details><summary>+{}</summary><ol class=\"evidence\" start=\"{}\">{}</ol></details>",
                digits(lang, rest.len()),
                EVIDENCE_OPEN + 1,
                rest.join("\n")
            );
        }
        let _ = writeln!(body, "</li>");
    }
    let _ = writeln!(body, "</ul></section>");
}

/// One evidence passage with the two concepts' mentions linked, and where it is.
fn evidence_html(ctx: &Ctx, passage: &Passage, concepts: &[usize]) -> Option<String> {
    let doc = ctx.site.corpus.documents.get(passage.document)?;
    let text = doc.text.get(passage.range.clone())?;
    let marks = ctx.mention_marks("../", passage.document, &passage.range, Some(concepts));
    Some(format!(
        "<li><blockquote{}>{}</blockquote>{}</li>",
        text_attrs(text, None),
        marked(text, passage.range.start, &marks),
        source_line(ctx, "../", passage.document, passage.range.start)
    ))
}

fn mentions_section(ctx: &Ctx, body: &mut String, concept: usize) {
    let lang = ctx.lang;
    let _ = writeln!(body, "<section id=\"mentions\"><h2>{}</h2>", escape(tr(lang, "mentions")));
    let mentions: Vec<_> = ctx.site.index.mentions_of(concept).collect();
    if mentions.is_empty() {
        let _ = writeln!(body, "<p class=\"muted\">{}</p></section>", escape(tr(lang, "no mentions")));
        return;
    }
    let _ = writeln!(body, "<ul>");
    for group in mentions.chunk_by(|a, b| a.document == b.document) {
        let document = group[0].document;
        let doc = &ctx.site.corpus.documents[document];
        let title = doc.title(lang);
        let _ = writeln!(
            body,
            "<li><a href=\"{}\"{}>{}</a> <span class=\"muted\">({})</span></li>",
            ctx.passage_href("../", document, group[0].range.start),
            text_attrs(title, None),
            escape(title),
            digits(lang, group.len())
        );
    }
    let _ = writeln!(body, "</ul></section>");
}

/// The anchor of a section: its id, unless that could be mistaken for a
/// paragraph's or a sentence's.
fn section_anchor(section: &Section) -> String {
    let plain = !section.id.is_empty()
        && section.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !(section.id.starts_with("s-") || section.id.starts_with("p-"));
    if plain { section.id.clone() } else { format!("section-{}", super::names::safe_stem(&section.id)) }
}

/// A section's name as the program's reader names it (parts of a body by
/// their ids: «نمای کلی», «البيانات المشتركة»; page header and footer).
fn section_title(section: &Section, lang: Lang) -> String {
    crate::i18n::section_name(lang, section)
}

fn document_page(ctx: &Ctx, document: usize) -> String {
    let lang = ctx.lang;
    let doc = &ctx.site.corpus.documents[document];
    let title = doc.title(lang);
    let mut body = String::new();
    let _ = writeln!(body, "<h1{}>{}</h1>", text_attrs(title, None), escape(title));
    let mut facts = Vec::new();
    if !doc.meta.source.name.is_empty() {
        facts.push(format!(
            "{}: <span{}>{}</span>",
            escape(tr(lang, "source")),
            text_attrs(&doc.meta.source.name, None),
            escape(&doc.meta.source.name)
        ));
    }
    if let Some(year) = doc.meta.year {
        facts.push(format!("{}: {}", escape(tr(lang, "year")), digits(lang, year)));
    }
    if let Some(url) = doc.meta.source.url.as_deref().filter(|u| !u.is_empty()) {
        // Shown, never linked: the site makes no request outside itself.
        facts.push(format!("<span class=\"url\" dir=\"ltr\">{}</span>", escape(url)));
    }
    if !facts.is_empty() {
        let _ = writeln!(body, "<p class=\"muted\">{}</p>", facts.join(" · "));
    }
    if !doc.meta.sections.is_empty() {
        let _ = writeln!(body, "<nav class=\"toc\"><h2>{}</h2><ul>", escape(tr(lang, "sections")));
        for section in &doc.meta.sections {
            let _ = writeln!(
                body,
                "<li><a href=\"#{}\">{}</a></li>",
                section_anchor(section),
                escape(&section_title(section, lang))
            );
        }
        let _ = writeln!(body, "</ul></nav>");
    }
    let _ = writeln!(body, "<article class=\"reading\">");
    reading_text(ctx, &mut body, document, doc);
    let _ = writeln!(body, "</article>");
    ctx.frame("../", title, &body, &[])
}

/// The document's paragraphs, cut where sections begin and end, with
/// sentences as anchors (`#s-N`), paragraphs as `#p-N`, lines in broken
/// visual order marked, and mentions linked to their concepts.
fn reading_text(ctx: &Ctx, body: &mut String, document: usize, doc: &Document) {
    let lang = ctx.lang;
    let index = &ctx.site.index.documents[document];
    let reading = doc.reading();
    let repaired: Vec<RepairedLine> = reading
        .read_back_lines(&doc.text)
        .filter_map(|line| {
            let text = reading.text.get(line.reading.clone())?;
            Some(RepairedLine { original: line.original, reading: text, at: line.reading.start })
        })
        .collect();
    let repaired_title = escape(tr(lang, "repaired order"));
    let sections: Vec<(Range<usize>, &Section)> = doc.meta.sections.iter().map(|s| (doc.section_range(s), s)).collect();
    let mut cuts: Vec<usize> = sections.iter().flat_map(|(r, _)| [r.start, r.end]).collect();
    cuts.sort_unstable();
    let broken_title = escape(tr(lang, "broken order"));
    let mut open_section: Option<usize> = None;
    let mut started_sentences = vec![false; index.sentences.len()];
    for (number, paragraph) in index.paragraphs.iter().enumerate() {
        let mut pieces = vec![paragraph.start];
        pieces.extend(cuts.iter().copied().filter(|&c| c > paragraph.start && c < paragraph.end));
        pieces.push(paragraph.end);
        for (k, pair) in pieces.windows(2).enumerate() {
            let piece = pair[0]..pair[1];
            let Some(text) = doc.text.get(piece.clone()) else { continue };
            if text.trim().is_empty() {
                continue;
            }
            let section =
                sections.iter().position(|(r, _)| r.start <= piece.start && piece.start < r.end.max(r.start + 1));
            if section != open_section {
                if open_section.is_some() {
                    let _ = writeln!(body, "</section>");
                }
                if let Some(s) = section {
                    let (_, entry) = sections[s];
                    let _ = writeln!(
                        body,
                        "<section class=\"part\" id=\"{}\"><h2 class=\"part-title\">{}</h2>",
                        section_anchor(entry),
                        escape(&section_title(entry, lang))
                    );
                }
                open_section = section;
            }
            let known = section.and_then(|s| sections[s].1.lang);
            let mut marks: Vec<Mark> = Vec::new();
            for (s, sentence) in index.sentences.iter().enumerate() {
                if sentence.end <= piece.start || sentence.start >= piece.end {
                    continue;
                }
                let first = !started_sentences[s] && sentence.start >= piece.start;
                started_sentences[s] |= first;
                let open = if first { format!("<span class=\"s\" id=\"s-{s}\">") } else { "<span class=\"s\">".into() };
                marks.push(Mark {
                    range: sentence.clone(),
                    level: 0,
                    open,
                    reopen: "<span class=\"s\">".into(),
                    close: "</span>",
                });
            }
            for line in index.broken_lines.iter().filter(|line| line.end > piece.start && line.start < piece.end) {
                let read_back = repaired.iter().any(|r| {
                    r.original.start >= piece.start
                        && r.original.end <= piece.end
                        && r.original.start < line.end
                        && line.start < r.original.end
                });
                if !read_back {
                    let open = format!("<span class=\"broken\" title=\"{broken_title}\">");
                    marks.push(Mark::new(line.clone(), 1, &open, "</span>"));
                }
            }
            marks.extend(ctx.mention_marks("../", document, &piece, None));
            let id = if k == 0 { format!(" id=\"p-{number}\"") } else { String::new() };
            let inner = with_repaired_lines(doc, &reading, &piece, &marks, &repaired, &repaired_title);
            let _ = writeln!(body, "<p{id}{}>{inner}</p>", text_attrs(text, known));
        }
    }
    if open_section.is_some() {
        let _ = writeln!(body, "</section>");
    }
}

/// A stored line that the repair read back into logical order.
struct RepairedLine<'a> {
    original: Range<usize>,
    reading: &'a str,
    /// Where `reading` starts in the document's reading text.
    at: usize,
}

/// The piece's stored text with its marks, except that each line the repair
/// read back is shown in its reading order (in a `repaired` span whose title
/// holds the line as stored), its marks (mentions, sentences) carried over
/// to where their letters are read (a mention whose letters the repair moved
/// apart is marked in each place), and the anchors that begin there kept.
fn with_repaired_lines(
    doc: &Document,
    reading: &ReadingText,
    piece: &Range<usize>,
    marks: &[Mark],
    repaired: &[RepairedLine],
    title: &str,
) -> String {
    let mut out = String::new();
    let mut at = piece.start;
    for line in repaired.iter().filter(|r| r.original.start >= piece.start && r.original.end <= piece.end) {
        if let Some(before) = doc.text.get(at..line.original.start) {
            out.push_str(&marked(before, at, marks));
        }
        // Anchors (sentences) that begin inside the line stay, empty, so links to them resolve.
        for mark in marks.iter().filter(|m| m.open != m.reopen && line.original.contains(&m.range.start)) {
            out.push_str(&mark.open);
            out.push_str(mark.close);
        }
        let stored = doc.text.get(line.original.clone()).unwrap_or_default();
        let read_marks = marks_in_reading(reading, &line.original, marks);
        let _ = write!(
            out,
            "<span class=\"repaired\" title=\"{title} {}\">{}</span>",
            escape(stored),
            marked(line.reading, line.at, &read_marks)
        );
        at = line.original.end;
    }
    if let Some(rest) = doc.text.get(at..piece.end) {
        out.push_str(&marked(rest, at, marks));
    }
    out
}

/// The marks over the stored `line`, moved to the reading text's bytes: one
/// mark per place the repair put their letters, none carrying an anchor (the
/// anchors stay in the stored order, just before the line).
fn marks_in_reading(reading: &ReadingText, line: &Range<usize>, marks: &[Mark]) -> Vec<Mark> {
    let mut moved = Vec::new();
    for mark in marks {
        let (from, to) = (mark.range.start.max(line.start), mark.range.end.min(line.end));
        if from >= to {
            continue;
        }
        for range in reading.reading_ranges(from..to) {
            moved.push(Mark {
                range,
                level: mark.level,
                open: mark.reopen.clone(),
                reopen: mark.reopen.clone(),
                close: mark.close,
            });
        }
    }
    moved
}

fn abstracts_page(ctx: &Ctx) -> String {
    let lang = ctx.lang;
    let corpus = ctx.site.corpus;
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}</h1>", escape(tr(lang, "abstracts")));
    for (document, doc) in corpus.documents.iter().enumerate() {
        let mut abstracts = doc.meta.sections.iter().filter(|s| s.kind == SectionKind::Abstract);
        let Some(first) = abstracts.next() else { continue };
        let Some(second) = abstracts.find(|s| s.lang != first.lang) else { continue };
        let columns = [first, second].map(|section| {
            let range = doc.section_range(section);
            let sentences: Vec<Range<usize>> = ctx.site.index.documents[document]
                .sentences
                .iter()
                .filter(|s| s.start >= range.start && s.end <= range.end)
                .cloned()
                .collect();
            let concepts: Vec<Vec<usize>> = sentences
                .iter()
                .map(|s| {
                    ctx.site
                        .index
                        .mentions_in(document)
                        .filter(|m| m.range.start >= s.start && m.range.end <= s.end)
                        .map(|m| m.concept)
                        .collect()
                })
                .collect();
            (section, sentences, concepts)
        });
        let rows = crate::index::align::align(&columns[0].2, &columns[1].2);
        let title = doc.title(lang);
        let _ = writeln!(
            body,
            "<section class=\"pair\" id=\"{}\"><h2><a href=\"{}\"{}>{}</a></h2>",
            ctx.document_files[&doc.id],
            ctx.document_href("", document),
            text_attrs(title, None),
            escape(title)
        );
        let _ = writeln!(body, "<table class=\"side-by-side\"><thead><tr>");
        for (section, ..) in &columns {
            let _ = write!(body, "<th>{}</th>", escape(&section_title(section, lang)));
        }
        let _ = writeln!(body, "</tr></thead><tbody>");
        for row in rows {
            let _ = write!(body, "<tr>");
            for (side, sentences) in [(&columns[0], &row.left), (&columns[1], &row.right)] {
                let (section, list, _) = side;
                let range = match (list.get(sentences.start), sentences.end.checked_sub(1).and_then(|e| list.get(e))) {
                    (Some(a), Some(b)) if !sentences.is_empty() => a.start..b.end,
                    _ => {
                        let _ = write!(body, "<td></td>");
                        continue;
                    }
                };
                let text = doc.text.get(range.clone()).unwrap_or("");
                let marks = ctx.mention_marks("", document, &range, None);
                let _ =
                    write!(body, "<td{}>{}</td>", text_attrs(text, section.lang), marked(text, range.start, &marks));
            }
            let _ = writeln!(body, "</tr>");
        }
        let _ = writeln!(body, "</tbody></table></section>");
    }
    ctx.frame("", tr(lang, "abstracts"), &body, &[])
}

fn search_entries(ctx: &Ctx) -> Vec<Entry> {
    let (lang, corpus) = (ctx.lang, ctx.site.corpus);
    let mut entries = Vec::new();
    for (concept, entry) in corpus.catalog.concepts.iter().enumerate() {
        let mut text = Vec::new();
        for l in [Lang::Fa, Lang::Ar, Lang::En] {
            text.push(entry.labels.get(l).to_string());
            text.extend(entry.aliases.get(l).iter().cloned());
        }
        for l in [Lang::Fa, Lang::Ar, Lang::En] {
            text.push(entry.summary.get(l).to_string());
        }
        text.retain(|t| !t.trim().is_empty());
        let (name, _) = ctx.concept_name(concept);
        entries.push(Entry {
            kind: 'c',
            href: ctx.concept_href("", concept),
            title: name.into(),
            text: text.join(" · "),
        });
        if let Some(body) = ctx.notes.get(&entry.id).and_then(|n| n.main_body()).filter(|b| !b.trim().is_empty()) {
            entries.push(Entry {
                kind: 'n',
                href: format!("{}#notes", ctx.concept_href("", concept)),
                title: format!("{} — {}", name, tr(lang, "main note")),
                text: body.into(),
            });
        }
    }
    for (document, doc) in corpus.documents.iter().enumerate() {
        let index = &ctx.site.index.documents[document];
        let title = doc.title(lang);
        for (number, paragraph) in index.paragraphs.iter().enumerate() {
            let Some(text) = doc.text.get(paragraph.clone()) else { continue };
            // Lines in broken visual order are not words; they are not searched.
            let mut searchable = String::with_capacity(text.len());
            let mut at = paragraph.start;
            for line in index.broken_lines.iter().filter(|l| l.start >= paragraph.start && l.end <= paragraph.end) {
                searchable.push_str(doc.text.get(at..line.start).unwrap_or(""));
                at = line.end;
            }
            searchable.push_str(doc.text.get(at..paragraph.end).unwrap_or(""));
            if searchable.trim().is_empty() {
                continue;
            }
            entries.push(Entry {
                kind: 'd',
                href: format!("{}#p-{number}", ctx.document_href("", document)),
                title: title.into(),
                text: searchable,
            });
        }
    }
    entries
}

const SITE_CSS: &str = r#"
header.site{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.5rem 0;border-bottom:1px solid #ddd}
header.site nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header.site .brand{font-weight:700}
form.search{margin-inline-start:auto}
input[type=search]{font:inherit;padding:.3rem .6rem;border:1px solid #aab;border-radius:4px;width:min(22rem,100%)}
#search-box{width:100%;font-size:1.1rem}
.kinds{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:0 1.5rem}
ul.concepts{list-style:none;padding:0;margin:0}
ul.concepts li{padding:.1rem 0}
ul.concepts li::before{content:"";display:inline-block;width:.65rem;height:.65rem;background:var(--kind);margin-inline-end:.5rem}
html[lang=fa] ol{list-style-type:persian}
html[lang=ar] ol{list-style-type:arabic-indic}
dl.names{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dl.names dt{color:#5a5a5a}
dl.names dd{margin:0}
.summary{font-size:1.1rem}
ul.relations{list-style:none;padding:0}
li.relation{border-top:1px solid #eee;padding:.5rem 0}
li.relation .kind{font-weight:700}
ol.evidence{padding-inline-start:1.5rem}
ol.evidence blockquote{margin:.25rem 0}
.source{margin:.1rem 0 .5rem}
.reading p{margin:.6rem 0}
.reading .part{border-top:1px solid #e3e3e3;margin-top:1rem}
.part-title{font-size:1rem;color:#5a5a5a}
a.m{color:inherit;text-decoration:none;background:color-mix(in srgb,var(--kind) 18%,transparent);border-bottom:2px solid var(--kind);border-radius:2px}
a.m:hover,a.m:focus{background:color-mix(in srgb,var(--kind) 35%,transparent)}
.s:target{background:#fff1a8}
.repaired{background:#eef6ee;border-bottom:1px dotted #6a9a6a}
.broken{display:block;color:#7a5a00;background:#fff7e0;border-inline-start:3px dotted #c99a00;padding-inline-start:.5rem}
.url{word-break:break-all}
table.side-by-side{border-collapse:collapse;width:100%;table-layout:fixed}
table.side-by-side td,table.side-by-side th{border:1px solid #e3e3e3;padding:.4rem .6rem;vertical-align:top;text-align:start}
ol#search-results{padding-inline-start:1.5rem}
li.hit{margin:.6rem 0}
li.hit p{margin:.1rem 0;color:#333}
mark{background:#fff1a8}
pre.licence{white-space:pre-wrap;font-size:.8rem}
@media (max-width:40rem){form.search{flex:1 1 100%;margin-inline-start:0}form.search input[type=search]{width:100%;box-sizing:border-box}table.side-by-side,table.side-by-side tbody,table.side-by-side tr,table.side-by-side td{display:block;width:100%}table.side-by-side thead{display:none}dl.names{grid-template-columns:1fr}}
"#;
