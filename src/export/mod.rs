//! Exports of the map: the whole map or one tour step as SVG (here, pure) or
//! PNG (rendered by the UI side from the same scene, `ui::paint::picture`), and a
//! whole tour as a folder of numbered pictures; for the web, a tour as one
//! self-contained page ([`html::tour`]) and the knowledge base as a static
//! site ([`site`]), with the bundled font cut down for them ([`font`]).
//!
//! A [`Picture`] is one page: its size, the interface language, a heading and
//! a caption band on top (for tour steps), the map below, a legend in the
//! corner. [`prepare`] resolves what the map shows ([`view::StepView`]) and
//! builds the scene's primitives once; [`svg::svg_of`] writes them.
//!
//! ```no_run
//! use diplomap::export::{self, map::SettledMap, Target};
//! # fn demo(corpus: &diplomap::corpus::Corpus, index: &diplomap::index::Index) {
//! let map = SettledMap::build(corpus, index);
//! let prepared = export::prepare(&map, &Target::WholeMap, export::DEFAULT_SIZE, diplomap::text::Lang::Fa);
//! let svg = export::svg::svg_of(&map, &prepared);
//! assert!(svg.contains("direction=\"rtl\""));
//! # }
//! ```

pub mod font;
pub mod html;
pub mod look;
pub mod map;
pub mod own;
pub mod site;
pub mod svg;
pub mod view;

use std::path::{Path, PathBuf};

use crate::graph::Vec2;
use crate::graph::scene::Scene;
use crate::text::Lang;
use crate::tours::{Tour, TourStep};

use map::SettledMap;
use view::StepView;

/// The page size when none is asked for, in points.
pub const DEFAULT_SIZE: Vec2 = Vec2::new(1280.0, 800.0);
/// The most pixels a PNG export may have (4096 × 4096, or 1280 × 800 at
/// scale 3.2): painting takes about 20 bytes a pixel, so this bounds an
/// export to some 350 MB.
pub const MAX_PNG_PIXELS: u64 = 4096 * 4096;
/// The page's sides, in points.
pub const MIN_SIDE: f32 = 100.0;
pub const MAX_SIDE: f32 = 8192.0;
/// Free space at the page's edges, in points.
pub const PAGE_MARGIN: f32 = 20.0;

/// What to draw: the whole map or one step of a tour (index from 0).
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    WholeMap,
    /// The map as one view shows it (focus, filters, camera), without caption.
    View(&'a TourStep),
    Step {
        id: &'a str,
        tour: &'a Tour,
        index: usize,
    },
}

/// One page of an export.
#[derive(Debug, Clone)]
pub struct Picture {
    /// The page, in points.
    pub size: Vec2,
    pub lang: Lang,
    /// The document's title (SVG `<title>`).
    pub title: String,
    /// A small line above the caption: the tour's title and the step number.
    pub heading: String,
    pub caption: String,
    /// The caption wrapped to the page, in logical order.
    pub caption_lines: Vec<String>,
}

impl Picture {
    /// The height of the caption band on top (0 without heading or caption).
    pub fn band_height(&self) -> f32 {
        if self.heading.is_empty() && self.caption.is_empty() {
            return 0.0;
        }
        let heading = if self.heading.is_empty() { 0.0 } else { svg::LEGEND_SIZE + 8.0 };
        PAGE_MARGIN * 2.0 + heading + self.caption_lines.len() as f32 * svg::CAPTION_SIZE * 1.45
    }

    /// Where the map's view starts on the page.
    pub fn map_origin(&self) -> Vec2 {
        Vec2::new(0.0, self.band_height())
    }

    /// The size of the map's view.
    pub fn map_size(&self) -> Vec2 {
        Vec2::new(self.size.x, (self.size.y - self.band_height()).max(1.0))
    }

    /// The legend's box on the page, in the bottom corner of the reading
    /// side (its backdrop; labels keep out of it).
    pub fn legend_rect(&self) -> crate::graph::Rect {
        let row = svg::LEGEND_SIZE * 1.7;
        let top = self.size.y - PAGE_MARGIN - LEGEND_ROWS * row - 0.1 * row;
        let width = LEGEND_WIDTH;
        let left = if self.lang.is_rtl() { self.size.x - PAGE_MARGIN - width } else { PAGE_MARGIN };
        crate::graph::Rect::from_min_size(Vec2::new(left, top), Vec2::new(width, LEGEND_ROWS * row))
    }
}

/// Rows of the exported legend: four kinds, two kinds of edge.
pub const LEGEND_ROWS: f32 = 6.0;
/// Width of the exported legend's backdrop, in points.
const LEGEND_WIDTH: f32 = 200.0;

/// A page ready to be written: the picture, what the map shows, and the scene.
#[derive(Debug, Clone)]
pub struct Prepared {
    pub picture: Picture,
    pub view: StepView,
    pub scene: Scene,
}

/// Resolves `target` on `map` for a page of `size` points in `lang`.
pub fn prepare(map: &SettledMap, target: &Target, size: Vec2, lang: Lang) -> Prepared {
    let picture = picture_of(target, size, lang);
    let viewport = picture.map_size();
    let view = match target {
        Target::WholeMap => StepView::whole_map(map, viewport),
        Target::View(step) => StepView::of_step(map, step, viewport),
        Target::Step { tour, index, .. } => match tour.steps.get(*index) {
            Some(step) => StepView::of_step(map, step, viewport),
            None => StepView::whole_map(map, viewport),
        },
    };
    let scene = view.scene(map, &map::map_scene_style());
    Prepared { picture, view, scene }
}

fn picture_of(target: &Target, size: Vec2, lang: Lang) -> Picture {
    let Target::Step { id, tour, index } = *target else {
        let title = map_title(lang).to_string();
        return Picture {
            size,
            lang,
            title,
            heading: String::new(),
            caption: String::new(),
            caption_lines: Vec::new(),
        };
    };
    let tour_title = localized_or_english(&tour.title, lang).to_string();
    let tour_title = if tour_title.is_empty() { id.to_string() } else { tour_title };
    let heading = format!("{tour_title} · {}", step_counter(index + 1, tour.steps.len(), lang));
    let caption = tour.steps.get(index).map(|s| localized_or_english(&s.caption, lang)).unwrap_or("").to_string();
    let caption_lines = wrap(&caption, size.x - 2.0 * PAGE_MARGIN, svg::CAPTION_SIZE);
    Picture { size, lang, title: heading.clone(), heading, caption, caption_lines }
}

/// "step 2 of 10" in `lang` (Persian digits in Persian, Arabic-Indic in Arabic).
pub fn step_counter(number: usize, count: usize, lang: Lang) -> String {
    use crate::i18n::{number as digits, tr};
    format!("{} {} {} {}", tr(lang, "step counter"), digits(lang, number), tr(lang, "of"), digits(lang, count))
}

fn map_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "نقشهٔ مفهوم‌ها",
        Lang::Ar => "خريطة المفاهيم",
        Lang::En => "Concept map",
    }
}

/// `text` in `lang`, else in English.
pub fn localized_or_english(text: &crate::tours::Localized, lang: Lang) -> &str {
    let wanted = text.get(lang);
    if wanted.trim().is_empty() { &text.en } else { wanted }
}

/// Whether `text` is right-to-left: its first strong character is Arabic-script (or Hebrew).
pub fn is_rtl_text(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// Greedy word wrap of `text` to lines of about `width` points at `font_size`,
/// estimating half an em per character (the SVG viewer does the real shaping;
/// the PNG painter wraps by measured width instead).
pub fn wrap(text: &str, width: f32, font_size: f32) -> Vec<String> {
    let per_line = ((width / (0.5 * font_size)).floor() as usize).max(8);
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let wanted = visible_len(&line) + usize::from(!line.is_empty()) + visible_len(word);
            if !line.is_empty() && wanted > per_line {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        if !line.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// Characters that take room (not ZWNJ, ZWJ or Arabic marks).
fn visible_len(text: &str) -> usize {
    text.chars().filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0x064B..=0x065F | 0x0670)).count()
}

/// One page of a whole tour: which step it is, and its prepared picture.
#[derive(Debug, Clone)]
pub struct TourPage {
    /// The step, from 0.
    pub index: usize,
    /// How many steps the tour has.
    pub count: usize,
    pub prepared: Prepared,
}

impl TourPage {
    /// `step-01.svg`, … (see [`step_file_name`]).
    pub fn file_name(&self, extension: &str) -> String {
        step_file_name(self.index, self.count, extension)
    }
}

/// The pages of tour `id`, step by step: the one loop behind `diplomap export
/// --tour` and the window's export of a whole tour.
pub fn tour_pages<'a>(
    map: &'a SettledMap,
    id: &'a str,
    tour: &'a Tour,
    size: Vec2,
    lang: Lang,
) -> impl Iterator<Item = TourPage> + 'a {
    let count = tour.steps.len();
    (0..count).map(move |index| TourPage {
        index,
        count,
        prepared: prepare(map, &Target::Step { id, tour, index }, size, lang),
    })
}

/// The file names of a tour's pages: `step-01.svg`, `step-02.svg`, …
pub fn step_file_name(index: usize, count: usize, extension: &str) -> String {
    let digits = count.max(1).to_string().len().max(2);
    format!("step-{:0digits$}.{extension}", index + 1)
}

/// Why an export failed. Nothing was written when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
    /// The target exists and is not an earlier export of the same kind.
    #[error("{}: already exists and is not a {} exported by diplomap; refusing to replace it", .path.display(), .kind.name())]
    NotOurs { path: PathBuf, kind: own::Kind },
    #[error("{}: inside the corpus folder {}; exports are never written there", .path.display(), .corpus.display())]
    InsideCorpus { path: PathBuf, corpus: PathBuf },
    #[error("{0}")]
    Refused(crate::atomic::WriteError),
    #[error(transparent)]
    Font(#[from] font::FontError),
}

/// Writes an export of `kind` to `path` atomically, creating its folder:
/// never inside the corpus folder `corpus`, and over an existing file only
/// when it is an earlier export of the same kind ([`own::is_ours`]) or
/// `force` is set (even then never over a link, a folder or a special file).
pub fn write_export(path: &Path, bytes: &[u8], kind: own::Kind, corpus: &Path, force: bool) -> Result<(), ExportError> {
    check_destination(path, corpus)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|source| ExportError::Write { path: parent.into(), source })?;
    }
    let ours = |head: &[u8]| own::is_ours(kind, head);
    let replace = if force { crate::atomic::Replace::Owned } else { crate::atomic::Replace::IfOurs(&ours) };
    crate::atomic::write_file(path, bytes, replace).map_err(|error| match error {
        crate::atomic::WriteError::NotOurs { path } => ExportError::NotOurs { path, kind },
        crate::atomic::WriteError::Io { path, source } => ExportError::Write { path, source },
        other => ExportError::Refused(other),
    })
}

/// Refuses a destination inside the corpus folder.
pub fn check_destination(path: &Path, corpus: &Path) -> Result<(), ExportError> {
    if own::is_inside(path, corpus) {
        return Err(ExportError::InsideCorpus { path: path.to_path_buf(), corpus: corpus.to_path_buf() });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_spaces_and_keeps_every_word() {
        let text = "دیپلماسی پلیسی به یکی از اشکال جدید دیپلماسی در همکاری امنیتی میان کشورها تبدیل شده است";
        let lines = wrap(text, 200.0, 20.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| visible_len(l) <= 20 || !l.contains(' ')));
    }

    #[test]
    fn step_names_sort() {
        assert_eq!(step_file_name(0, 10, "svg"), "step-01.svg");
        assert_eq!(step_file_name(99, 120, "png"), "step-100.png");
        assert_eq!(step_file_name(4, 120, "png"), "step-005.png");
    }

    #[test]
    fn rtl_text_is_recognised_by_its_first_strong_character() {
        assert!(is_rtl_text("اینترپل (INTERPOL)"));
        assert!(is_rtl_text("2021 الإنتربول"));
        assert!(!is_rtl_text("INTERPOL اینترپل"));
        assert!(!is_rtl_text("2021"));
    }
}
