//! The export menu of the window: the map (as shown), a tour step or a whole
//! tour, as SVG or PNG, written into the exports folder (the user's documents
//! folder, `diplomap-exports/`), the same pages `diplomap export` writes.

use std::path::{Path, PathBuf};

use eframe::egui;

use super::app::Command;
use super::i18n::tr;
use crate::export::{self, Target, map::MapData};
use crate::text::Lang;
use crate::tours::{Tour, TourStep};

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportRequest {
    /// The map as the map view shows it now (a one-step view).
    Map { step: Box<TourStep>, format: Format },
    /// One step of a tour (from 0), as SVG and PNG.
    Step { id: String, index: usize },
    /// Every step of a tour, as numbered SVGs and PNGs in a folder.
    Tour { id: String },
    /// Close the line that tells where the last export went.
    Dismiss,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

/// The folder exports go to when the app does not say otherwise.
pub fn default_export_dir() -> PathBuf {
    let base = directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(Path::to_path_buf).or_else(|| Some(dirs.home_dir().to_path_buf())))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("diplomap-exports")
}

/// The menu's entries; `current_map` is the map view's current view as a step.
pub fn export_menu_ui(ui: &mut egui::Ui, lang: Lang, current_map: &TourStep, commands: &mut Vec<Command>) {
    ui.menu_button(tr(lang, "export"), |ui| {
        for (format, key) in [(Format::Svg, "export map svg"), (Format::Png, "export map png")] {
            if ui.button(tr(lang, key)).clicked() {
                commands.push(Command::Export(ExportRequest::Map { step: Box::new(current_map.clone()), format }));
                ui.close();
            }
        }
    });
}

/// Writes the pages of `request` into `dir`; the paths written, or why not.
pub fn run_export(
    request: &ExportRequest,
    map: &MapData,
    tours: &Path,
    dir: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>, String> {
    let size = export::DEFAULT_SIZE;
    match request {
        ExportRequest::Map { step, format } => {
            let stem = format!("map-{}", timestamp());
            let page = export::prepare(map, &Target::View(step), size, lang);
            let path = match format {
                Format::Svg => write_svg(map, &page, &dir.join(format!("{stem}.svg")))?,
                Format::Png => write_png(map, &page, &dir.join(format!("{stem}.png")))?,
            };
            Ok(vec![path])
        }
        ExportRequest::Step { id, index } => {
            let tour = load(tours, id)?;
            let page = export::prepare(map, &Target::Step { id, tour: &tour, index: *index }, size, lang);
            let stem = format!("{id}-step-{}", index + 1);
            Ok(vec![
                write_svg(map, &page, &dir.join(format!("{stem}.svg")))?,
                write_png(map, &page, &dir.join(format!("{stem}.png")))?,
            ])
        }
        ExportRequest::Tour { id } => {
            let tour = load(tours, id)?;
            let folder = dir.join(id);
            let mut written = Vec::new();
            for index in 0..tour.steps.len() {
                let page = export::prepare(map, &Target::Step { id, tour: &tour, index }, size, lang);
                let count = tour.steps.len();
                written.push(write_svg(map, &page, &folder.join(export::step_file_name(index, count, "svg")))?);
                written.push(write_png(map, &page, &folder.join(export::step_file_name(index, count, "png")))?);
            }
            Ok(written)
        }
        ExportRequest::Dismiss => Ok(Vec::new()),
    }
}

fn load(tours: &Path, id: &str) -> Result<Tour, String> {
    crate::tours::load(&crate::tours::path_of(tours, id))
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

fn write_svg(map: &MapData, page: &export::Prepared, path: &Path) -> Result<PathBuf, String> {
    let svg = export::svg::svg_of(map, page);
    export::write_file(path, svg.as_bytes()).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}

fn write_png(map: &MapData, page: &export::Prepared, path: &Path) -> Result<PathBuf, String> {
    let bytes = super::export_png::png_of(map, page, 2.0).map_err(|e| e.to_string())?;
    export::write_file(path, &bytes).map_err(|e| e.to_string())?;
    Ok(path.to_path_buf())
}

/// Seconds since 1970, so repeated exports do not overwrite each other.
fn timestamp() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}
