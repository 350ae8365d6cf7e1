//! The export menu of the window: the map (as shown), a tour step or a whole
//! tour, as SVG or PNG — the same pages `diplomap export` writes — and the
//! web exports for students: a tour as one HTML page, the knowledge base as
//! a static site.
//!
//! Where to: a save dialog asks for the file (a tour's pages and the site:
//! the folder that gets them), on a thread so the window keeps drawing. Where no
//! dialog can open (no desktop portal), the pages go to the exports folder
//! (the user's documents folder, `diplomap-exports/`) and the notice says so;
//! either way the notice names the place written. A file in the way that is
//! not an earlier export of the same kind is never written over unasked: a
//! modal question names it, and only "Replace" writes (as `--force` does).
//! A folder is never replaced unless it holds an earlier site: the site goes
//! into its own `diplomap-site` folder inside the one chosen.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::corpus::Corpus;
use crate::export::{self, Target, map::SettledMap};
use crate::index::Index;
use crate::text::Lang;
use crate::tours::{Tour, TourStep};
use crate::ui::context::command::{ExportRequest, Format};
use crate::ui::context::i18n::tr;
use crate::ui::context::{Command, NO_DIALOG_WITHIN};

/// Where an export is written.
#[derive(Debug, Clone, PartialEq)]
pub enum Destination {
    /// Into this folder, under names made up from the request (a tour's pages directly inside).
    Folder(PathBuf),
    /// This file; SVG or PNG by its extension (a tour: its folder).
    File(PathBuf),
}

/// Why an export from the window was not written.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportFailure {
    /// A file that is not an earlier diplomap export of the same kind is
    /// there: the window asks before replacing it.
    NotOurs(PathBuf),
    /// Anything else, said in a sentence.
    Other(String),
}

impl From<export::ExportError> for ExportFailure {
    fn from(error: export::ExportError) -> ExportFailure {
        match error {
            export::ExportError::NotOurs { path, .. } => ExportFailure::NotOurs(path),
            other => ExportFailure::Other(other.to_string()),
        }
    }
}

/// An export held back by a file it would replace, waiting for the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplaceQuestion {
    pub request: ExportRequest,
    pub destination: Destination,
    /// The file that is not an earlier export.
    pub path: PathBuf,
}

/// The export waiting for the dialog's answer.
struct PendingExport {
    request: ExportRequest,
    answer: mpsc::Receiver<Option<PathBuf>>,
    asked_at: Instant,
}

/// The export menu's state: whether to ask where, and a dialog open now.
#[derive(Default)]
pub struct ExportState {
    /// Ask with a save dialog (the real window); else write into the exports folder (tests).
    pub ask_where: bool,
    pending: Option<PendingExport>,
    /// Whether to replace a file that is not an export, while asked.
    pub replace: Option<ReplaceQuestion>,
    /// An export being written off the UI thread (the web site: seconds).
    pub running: Option<RunningExport>,
}

/// An export written on a thread of its own; its outcome arrives on `outcome`.
pub struct RunningExport {
    pub request: ExportRequest,
    pub destination: Destination,
    /// Said before where it was written (no dialog could open).
    pub preface: Option<String>,
    pub outcome: std::sync::mpsc::Receiver<Result<Vec<PathBuf>, ExportFailure>>,
}

/// Whether `request` is written off the UI thread: the web site (every
/// concept and document page, the repair of damaged documents) takes seconds.
pub fn runs_in_background(request: &ExportRequest) -> bool {
    matches!(request, ExportRequest::Site)
}

/// What became of an export once its place is known.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportOutcome {
    /// Write it there.
    Write(ExportRequest, Destination),
    /// No dialog could open: write it into the exports folder and say so.
    NoDialog(ExportRequest),
    Cancelled,
}

impl ExportState {
    /// Whether a dialog is waiting for the user.
    pub fn is_asking(&self) -> bool {
        self.pending.is_some()
    }

    /// Opens the save dialog for `request` (on its own thread); its answer
    /// comes from [`ExportState::poll`]. One dialog at a time.
    pub fn ask(&mut self, request: ExportRequest, lang: Lang) {
        if self.pending.is_some() {
            return;
        }
        let (sender, answer) = mpsc::channel();
        let title = tr(lang, "export").to_string();
        let suggested = suggested_name(&request);
        let into_folder = goes_into_folder(&request);
        let is_page = matches!(request, ExportRequest::TourPage { .. });
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new().set_title(&title);
            let picked = if into_folder {
                dialog.pick_folder()
            } else if is_page {
                dialog.set_file_name(&suggested).add_filter("HTML", &["html", "htm"]).save_file()
            } else {
                dialog.set_file_name(&suggested).add_filter("SVG", &["svg"]).add_filter("PNG", &["png"]).save_file()
            };
            let _ = sender.send(picked);
        });
        self.pending = Some(PendingExport { request, answer, asked_at: Instant::now() });
    }

    /// The dialog's answer, once it has come (call every frame).
    pub fn poll(&mut self) -> Option<ExportOutcome> {
        let pending = self.pending.as_ref()?;
        let picked = match pending.answer.try_recv() {
            Ok(picked) => picked,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let pending = self.pending.take()?;
        Some(outcome_of(pending.request, picked, pending.asked_at.elapsed()))
    }
}

/// What a dialog's answer means: a place, no dialog at all (it answered
/// nothing at once), or the user cancelled.
pub fn outcome_of(request: ExportRequest, picked: Option<PathBuf>, waited: Duration) -> ExportOutcome {
    match picked {
        Some(path) if goes_into_folder(&request) => ExportOutcome::Write(request, Destination::Folder(path)),
        Some(path) => ExportOutcome::Write(request, Destination::File(path)),
        None if waited < NO_DIALOG_WITHIN => ExportOutcome::NoDialog(request),
        None => ExportOutcome::Cancelled,
    }
}

/// The file name a save dialog suggests for `request`.
pub fn suggested_name(request: &ExportRequest) -> String {
    match request {
        ExportRequest::Map { format: Format::Png, .. } => format!("map-{}.png", timestamp()),
        ExportRequest::Map { .. } => format!("map-{}.svg", timestamp()),
        ExportRequest::Step { id, index } => format!("{id}-step-{}.svg", index + 1),
        ExportRequest::Tour { id } => id.clone(),
        ExportRequest::TourPage { id } => format!("{id}.html"),
        ExportRequest::Site => SITE_FOLDER.to_string(),
        ExportRequest::Dismiss => String::new(),
    }
}

/// Whether the dialog asks for a folder (a tour's pages, the site) rather than a file.
fn goes_into_folder(request: &ExportRequest) -> bool {
    matches!(request, ExportRequest::Tour { .. } | ExportRequest::Site)
}

/// The folder a site is written into, inside the one chosen.
pub const SITE_FOLDER: &str = "diplomap-site";

/// The folder exports go to when the app does not say otherwise.
pub fn default_export_dir() -> PathBuf {
    let base = directories::UserDirs::new()
        .map(|dirs| dirs.document_dir().map_or_else(|| dirs.home_dir().join("Documents"), Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("diplomap-exports")
}

/// The menu's entries; `current_map` is the map view's current view as a step.
pub fn export_menu_ui(ui: &mut egui::Ui, lang: Lang, current_map: &TourStep, commands: &mut Vec<Command>) {
    ui.menu_button(tr(lang, "export"), |ui| {
        for (format, key) in [(Format::Svg, "export map svg"), (Format::Png, "export map png")] {
            if crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, key), true).clicked() {
                commands.push(Command::Export(ExportRequest::Map { step: Box::new(current_map.clone()), format }));
                ui.close();
            }
        }
        ui.separator();
        let site = crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "export site"), true);
        if crate::ui::widgets::paragraphs::hover_text_ui(site, tr(lang, "export site hint")).clicked() {
            commands.push(Command::Export(ExportRequest::Site));
            ui.close();
        }
    });
}

/// What an export is drawn from: the loaded corpus, its index and the map picture.
#[derive(Clone, Copy)]
pub struct ExportSource<'a> {
    pub corpus: &'a Corpus,
    pub index: &'a Index,
    pub map: &'a SettledMap,
}

/// Writes the pages of `request` to `destination`; the paths written, or why not.
/// Into a folder: a map or a step as SVG and PNG under made-up names, a tour
/// as `ID/step-01.svg`, … (PNGs beside), a tour's web page as `ID.html`, the
/// site as `diplomap-site/`. To a file: that one file, SVG or PNG by its
/// extension (a tour's web page: HTML whatever the extension); a tour's
/// numbered pages go into the file's folder.
pub fn run_export(
    request: &ExportRequest,
    source: ExportSource,
    destination: &Destination,
    (lang, force): (Lang, bool),
) -> Result<Vec<PathBuf>, ExportFailure> {
    let size = export::DEFAULT_SIZE;
    let map = source.map;
    let tours = source.corpus.dir.join("tours");
    let tours = tours.as_path();
    // Exports never go into the corpus, and replace only earlier exports
    // unless `force` (the user said to replace).
    let corpus = source.corpus.dir.as_path();
    let write_page = |map: &SettledMap, page: &export::Prepared, path: &Path, format: Format| {
        write_page(map, page, path, format, (corpus, force))
    };
    match (request, destination) {
        (ExportRequest::Map { step, format }, _) => {
            let page = export::prepare(map, &Target::View(step), size, lang);
            let path = match destination {
                Destination::File(path) => path.clone(),
                Destination::Folder(dir) => dir.join(format!("map-{}.{}", timestamp(), format.extension())),
            };
            Ok(vec![write_page(map, &page, &path, format_of(&path, *format))?])
        }
        (ExportRequest::Step { id, index }, Destination::File(path)) => {
            let tour = load(tours, id).map_err(ExportFailure::Other)?;
            let page = export::prepare(map, &Target::Step { id, tour: &tour, index: *index }, size, lang);
            Ok(vec![write_page(map, &page, path, format_of(path, Format::Svg))?])
        }
        (ExportRequest::Step { id, index }, Destination::Folder(dir)) => {
            let tour = load(tours, id).map_err(ExportFailure::Other)?;
            let page = export::prepare(map, &Target::Step { id, tour: &tour, index: *index }, size, lang);
            let stem = format!("{id}-step-{}", index + 1);
            Ok(vec![
                write_page(map, &page, &dir.join(format!("{stem}.svg")), Format::Svg)?,
                write_page(map, &page, &dir.join(format!("{stem}.png")), Format::Png)?,
            ])
        }
        (ExportRequest::Tour { id }, _) => {
            let tour = load(tours, id).map_err(ExportFailure::Other)?;
            let folder = match destination {
                Destination::Folder(dir) => dir.clone(),
                Destination::File(path) => path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            };
            let mut written = Vec::new();
            for page in export::tour_pages(map, id, &tour, size, lang) {
                for format in [Format::Svg, Format::Png] {
                    let path = folder.join(page.file_name(format.extension()));
                    written.push(write_page(map, &page.prepared, &path, format)?);
                }
            }
            Ok(written)
        }
        (ExportRequest::TourPage { id }, _) => {
            let tour = load(tours, id).map_err(ExportFailure::Other)?;
            let path = match destination {
                Destination::File(path) => path.clone(),
                Destination::Folder(dir) => dir.join(format!("{id}.html")),
            };
            let page =
                export::html::tour::TourPage { corpus: source.corpus, map, lang, document_link: None, home: None };
            let html =
                export::html::tour::tour_html(&page, id, &tour).map_err(|e| ExportFailure::Other(e.to_string()))?;
            export::write_export(&path, html.as_bytes(), export::own::Kind::Html, corpus, force)?;
            Ok(vec![path])
        }
        (ExportRequest::Site, _) => {
            let folder = match destination {
                Destination::Folder(dir) | Destination::File(dir) => dir.join(SITE_FOLDER),
            };
            let site = export::site::Site { corpus: source.corpus, index: source.index, map, lang };
            write_site(&site, &folder, corpus)?;
            Ok(vec![folder])
        }
        (ExportRequest::Dismiss, _) => Ok(Vec::new()),
    }
}

/// Writes the site into `folder` (replaced whole, and only when it holds an
/// earlier site: a folder of the user's is never offered for replacing).
fn write_site(site: &export::site::Site, folder: &Path, corpus: &Path) -> Result<(), ExportFailure> {
    let refuse = |error: export::ExportError| match error {
        export::ExportError::NotOurs { path, .. } => ExportFailure::Other(format!(
            "{} {}",
            tr(site.lang, "site folder not ours"),
            crate::ui::context::i18n::isolate(path.display())
        )),
        other => ExportFailure::Other(other.to_string()),
    };
    export::check_destination(folder, corpus).map_err(refuse)?;
    export::site::write_site(site, folder).map_err(refuse)?;
    Ok(())
}

/// PNG for a `.png` file, SVG for `.svg`, else `fallback`.
fn format_of(path: &Path, fallback: Format) -> Format {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("png") => Format::Png,
        Some("svg") => Format::Svg,
        _ => fallback,
    }
}

/// Writes one page; `(corpus, force)`: the folder never written into, and
/// whether to replace a file that is not an earlier export.
fn write_page(
    map: &SettledMap,
    page: &export::Prepared,
    path: &Path,
    format: Format,
    (corpus, force): (&Path, bool),
) -> Result<PathBuf, ExportFailure> {
    let (bytes, kind) = match format {
        Format::Svg => (export::svg::svg_of(map, page).into_bytes(), export::own::Kind::Svg),
        Format::Png => {
            let png =
                crate::ui::paint::picture::png_of(map, page, 2.0).map_err(|e| ExportFailure::Other(e.to_string()))?;
            (png, export::own::Kind::Png)
        }
    };
    export::write_export(path, &bytes, kind, corpus, force)?;
    Ok(path.to_path_buf())
}

fn load(tours: &Path, id: &str) -> Result<Tour, String> {
    crate::tours::load(&crate::tours::path_of(tours, id))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// Asks whether to replace a file that is not an earlier export: true to
/// replace it, false to write nothing; `None` while unanswered.
pub fn replace_question_ui(ctx: &egui::Context, lang: Lang, question: &ReplaceQuestion) -> Option<bool> {
    use crate::ui::widgets::paragraphs::{button_ui, heading_ui, label_ui};
    let rtl = lang.is_rtl();
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("diplomap-replace-export")).show(ctx, |ui| {
        ui.set_max_width(REPLACE_QUESTION_WIDTH.min(ctx.content_rect().width() - 40.0).max(200.0));
        crate::ui::widgets::mirror::column(ui, rtl, |ui| {
            heading_ui(ui, tr(lang, "replace file?"));
            let path = crate::ui::context::i18n::isolate(question.path.display());
            label_ui(ui, &format!("{} {path}", tr(lang, "not an export")));
            crate::ui::widgets::mirror::row(ui, rtl, |ui| {
                if button_ui(ui, tr(lang, "replace"), true).clicked() {
                    answer = Some(true);
                }
                if button_ui(ui, tr(lang, "cancel"), true).clicked() {
                    answer = Some(false);
                }
            });
        });
    });
    if modal.should_close() {
        answer = answer.or(Some(false));
    }
    answer
}

/// The widest the replace question grows.
const REPLACE_QUESTION_WIDTH: f32 = 520.0;

/// Seconds since 1970, so repeated exports do not overwrite each other.
fn timestamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
