//! `diplomap export`: the whole map, one tour step, or a whole tour (a folder
//! of numbered pages) as SVG or PNG; a tour as one web page; the knowledge
//! base as a static site.
//!
//! ```text
//! diplomap export --format svg|png [--out FILE|DIR] [--tour ID [--step N]]
//!                 [--size WxH] [--scale S] [--ui-lang fa|ar|en]
//! diplomap export --format html --tour ID [--out FILE.html] [--ui-lang fa|ar|en]
//! diplomap export --format site [--out DIR] [--ui-lang fa|ar|en]
//! ```
//! Without `--out`: `map.svg`, `TOUR-step-N.svg`, the folder `TOUR/`,
//! `TOUR.html`, or the folder `site/` (replaced whole, and only when it is an
//! earlier site export).
//!
//! An existing file is replaced only when it is an earlier export of the
//! same kind (see [`crate::export::own`]), else refused (exit 1) unless
//! `--force`; nothing is ever written inside the corpus folder.

use std::path::{Path, PathBuf};

use super::Failure;
use super::output::{Out, warn};
use crate::export::{self, Target, map::SettledMap};
use crate::graph::Vec2;
use crate::index::Index;
use crate::text::Lang;
use crate::tours::Tour;

/// The options of `diplomap export`.
#[derive(Debug, Clone, clap::Args)]
pub struct ExportArgs {
    #[arg(long, value_name = "svg|png|html|site")]
    pub format: String,
    /// The file (the map, one step) or folder (a whole tour) to write.
    #[arg(long, value_name = "FILE|DIR")]
    pub out: Option<PathBuf>,
    /// A tour id: its steps, or one with --step.
    #[arg(long, value_name = "ID")]
    pub tour: Option<String>,
    /// The step of --tour to export, counting from 1.
    #[arg(long, value_name = "N", requires = "tour")]
    pub step: Option<usize>,
    /// Page size in points, as WxH (default 1280x800).
    #[arg(long, value_name = "WxH")]
    pub size: Option<String>,
    /// Pixels per point of a PNG (default 1; 2 for a sharp handout).
    #[arg(long, value_name = "S")]
    pub scale: Option<f32>,
    /// Language of labels, captions and legend: fa, ar or en (default en).
    #[arg(long, value_name = "fa|ar|en")]
    pub ui_lang: Option<String>,
    /// Replace an existing file even if it is not an earlier export of the
    /// same kind (never inside the corpus folder).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Svg,
    Png,
    Html,
    Site,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Html => "html",
            Format::Site => "",
        }
    }

    fn kind(self) -> export::own::Kind {
        match self {
            Format::Png => export::own::Kind::Png,
            Format::Html => export::own::Kind::Html,
            Format::Svg | Format::Site => export::own::Kind::Svg,
        }
    }
}

/// Runs `diplomap export`.
pub fn run(corpus: Option<PathBuf>, args: ExportArgs, out: &mut Out) -> Result<(), Failure> {
    let format = match args.format.as_str() {
        "svg" => Format::Svg,
        "png" => Format::Png,
        "html" => Format::Html,
        "site" => Format::Site,
        other => return Err(Failure::Usage(format!("--format {other}: use svg, png, html or site"))),
    };
    match format {
        Format::Html if args.tour.is_none() => {
            return Err(Failure::Usage("--format html needs --tour ID (the tour to make a page of)".into()));
        }
        Format::Html if args.step.is_some() => {
            return Err(Failure::Usage("--format html makes one page of the whole tour; leave out --step".into()));
        }
        Format::Site if args.tour.is_some() => {
            return Err(Failure::Usage("--format site exports every tour; leave out --tour".into()));
        }
        Format::Html | Format::Site if args.size.is_some() || args.scale.is_some() => {
            return Err(Failure::Usage("web pages fit the screen; leave out --size and --scale".into()));
        }
        _ => {}
    }
    let size = args.size.as_deref().map(parse_size).transpose()?.unwrap_or(export::DEFAULT_SIZE);
    let scale = args.scale.unwrap_or(1.0);
    if !(0.25..=8.0).contains(&scale) {
        return Err(Failure::Usage(format!("--scale {scale}: use a number from 0.25 to 8")));
    }
    let pixels = (size.x * scale).ceil() as u64 * (size.y * scale).ceil() as u64;
    if format == Format::Png && pixels > export::MAX_PNG_PIXELS {
        return Err(Failure::Usage(format!(
            "--size {}x{} at --scale {scale} is {pixels} pixels; a PNG has at most {} (4096x4096 at scale 1, \
             2048x2048 at scale 2); use a smaller size or scale, or --format svg",
            size.x,
            size.y,
            export::MAX_PNG_PIXELS
        )));
    }
    let lang = match args.ui_lang.as_deref() {
        None => Lang::En,
        Some(code) => {
            Lang::from_code(code).ok_or_else(|| Failure::Usage(format!("--ui-lang {code}: use fa, ar or en")))?
        }
    };
    let (corpus, _warnings) = super::load_corpus(corpus)?;
    let tour = args.tour.as_deref().map(|id| load_tour(&corpus.dir, id)).transpose()?;
    if let (Some(tour), Some(step)) = (&tour, args.step)
        && (step == 0 || step > tour.steps.len())
    {
        let count = tour.steps.len();
        return Err(Failure::Message(format!("--step {step}: the tour has steps 1 to {count}")));
    }
    let index = Index::build(&corpus);
    let map = SettledMap::build(&corpus, &index);
    if format == Format::Site {
        let out = args.out.unwrap_or_else(|| PathBuf::from("site"));
        export::check_destination(&out, &corpus.dir).map_err(|e| Failure::Message(e.to_string()))?;
        let report =
            export::site::write_site(&export::site::Site { corpus: &corpus, index: &index, map: &map, lang }, &out)
                .map_err(|e| Failure::Message(e.to_string()))?;
        warn(format_args!("wrote {} ({} pages)", out.display(), report.pages));
        return Ok(());
    }
    if let (Format::Html, Some(tour), Some(id)) = (format, &tour, args.tour.as_deref()) {
        let out = args.out.unwrap_or_else(|| PathBuf::from(format!("{id}.html")));
        let page = export::html::tour::TourPage { corpus: &corpus, map: &map, lang, document_link: None, home: None };
        let html = export::html::tour::tour_html(&page, id, tour).map_err(|e| Failure::Message(e.to_string()))?;
        return page_writer(&corpus.dir, args.force)(html.as_bytes(), export::own::Kind::Html, &out);
    }
    let page = Page { map: &map, format, size, scale, lang, corpus: &corpus.dir, force: args.force };
    match (&tour, args.tour.as_deref(), args.step) {
        (Some(tour), Some(id), Some(step)) => {
            let out = args.out.unwrap_or_else(|| PathBuf::from(format!("{id}-step-{step}.{}", format.extension())));
            page.write(&Target::Step { id, tour, index: step - 1 }, &out)
        }
        (Some(tour), Some(id), None) => {
            let dir = args.out.unwrap_or_else(|| PathBuf::from(id));
            export::check_destination(&dir, &corpus.dir).map_err(|e| Failure::Message(e.to_string()))?;
            for tour_page in export::tour_pages(&map, id, tour, size, lang) {
                page.write_prepared(&tour_page.prepared, &dir.join(tour_page.file_name(format.extension())))?;
            }
            out.line(format_args!("{} pages in {}", tour.steps.len(), dir.display()))
        }
        _ => {
            let out = args.out.unwrap_or_else(|| PathBuf::from(format!("map.{}", format.extension())));
            page.write(&Target::WholeMap, &out)
        }
    }
}

/// How every page of one run is drawn.
struct Page<'a> {
    map: &'a SettledMap,
    format: Format,
    size: Vec2,
    scale: f32,
    lang: Lang,
    corpus: &'a Path,
    force: bool,
}

impl Page<'_> {
    fn write(&self, target: &Target, out: &Path) -> Result<(), Failure> {
        self.write_prepared(&export::prepare(self.map, target, self.size, self.lang), out)
    }

    fn write_prepared(&self, prepared: &export::Prepared, out: &Path) -> Result<(), Failure> {
        let bytes = match self.format {
            Format::Png => png_bytes(self.map, prepared, self.scale)?,
            _ => export::svg::svg_of(self.map, prepared).into_bytes(),
        };
        page_writer(self.corpus, self.force)(&bytes, self.format.kind(), out)
    }
}

/// Writes one exported file through the one export write path, and says so on stderr.
fn page_writer(corpus: &Path, force: bool) -> impl Fn(&[u8], export::own::Kind, &Path) -> Result<(), Failure> + '_ {
    move |bytes, kind, out| {
        export::write_export(out, bytes, kind, corpus, force).map_err(|e| match e {
            export::ExportError::NotOurs { .. } => Failure::Message(format!("{e} (--force replaces it)")),
            _ => Failure::Message(e.to_string()),
        })?;
        warn(format_args!("wrote {}", out.display()));
        Ok(())
    }
}

#[cfg(feature = "gui")]
fn png_bytes(map: &SettledMap, prepared: &export::Prepared, scale: f32) -> Result<Vec<u8>, Failure> {
    crate::ui::paint::picture::png_of(map, prepared, scale).map_err(|e| Failure::Message(e.to_string()))
}

#[cfg(not(feature = "gui"))]
fn png_bytes(_map: &SettledMap, _prepared: &export::Prepared, _scale: f32) -> Result<Vec<u8>, Failure> {
    Err(Failure::Usage("PNG export needs the `gui` feature (the bundled fonts and painter); use --format svg".into()))
}

/// The tour `id` of the corpus at `dir`, or its problems.
fn load_tour(dir: &Path, id: &str) -> Result<Tour, Failure> {
    let tours_dir = dir.join("tours");
    if !crate::tours::is_valid_id(id) {
        return Err(Failure::Usage(format!("--tour {id}: a tour id is kebab-case, like police-diplomacy")));
    }
    let path = crate::tours::path_of(&tours_dir, id);
    if !path.exists() {
        let known = crate::tours::list(&tours_dir).unwrap_or_default().join(", ");
        return Err(Failure::Message(format!("no tour `{id}` (known: {known})")));
    }
    crate::tours::load(&path).map_err(Failure::BadInput)
}

/// `WxH` in points, each from 100 to 8192.
pub fn parse_size(text: &str) -> Result<Vec2, Failure> {
    let (min, max) = (export::MIN_SIDE, export::MAX_SIDE);
    let bad = || Failure::Usage(format!("--size {text}: use WIDTHxHEIGHT in points, e.g. 1280x800"));
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: f32 = w.trim().parse().map_err(|_| bad())?;
    let h: f32 = h.trim().parse().map_err(|_| bad())?;
    if !(min..=max).contains(&w) || !(min..=max).contains(&h) {
        return Err(Failure::Usage(format!("--size {text}: each side must be from {min} to {max} points")));
    }
    Ok(Vec2::new(w, h))
}
