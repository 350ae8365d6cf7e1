//! Files of the corpus that could not be read, shown in the window as
//! FILE:LINE:COL: message, the way `diplomap check` prints them.
//!
//! A broken catalog stops the views: the whole window lists the problems
//! ([`problems_screen_ui`]). A broken document (bad metadata, invalid UTF-8)
//! only leaves that document out, and a catalog broken while the program
//! runs keeps the corpus last read: a bar at the bottom says so
//! ([`problems_bar_ui`]). Nothing is written over; the corpus folder is
//! watched, so fixing and saving the file is all it takes.

use eframe::egui;

use crate::diag::{Diagnostic, Severity};
use crate::text::Lang;
use crate::ui::context::i18n::{number, tr};
use crate::ui::widgets::paragraphs::{paragraph_ui, styled_label_ui};

/// What the problems bar remembers between frames.
#[derive(Debug, Default)]
pub struct ProblemsBar {
    /// The list of problems is unfolded.
    pub open: bool,
}

/// The errors among `problems` (warnings, such as lines in broken visual
/// order, are reported by `diplomap check`, not in the window).
pub fn errors(problems: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    problems.iter().filter(|problem| problem.severity == Severity::Error)
}

/// The whole window when the catalog cannot be read.
pub fn problems_screen_ui(ui: &mut egui::Ui, lang: Lang, problems: &[Diagnostic]) {
    egui::CentralPanel::default().show(ui, |ui| {
        crate::ui::widgets::mirror::column(ui, lang.is_rtl(), |ui| {
            ui.heading(tr(lang, "problems"));
            paragraph_ui(ui, tr(lang, "corpus unreadable"), &[]);
            ui.add_space(8.0);
            let warnings = problems.iter().filter(|problem| problem.severity != Severity::Error);
            egui::ScrollArea::vertical().show(ui, |ui| problem_list_ui(ui, errors(problems).chain(warnings)));
        });
    });
}

/// A bar at the bottom of the window when some files could not be read.
/// `stale` is true when the views show the corpus as it was before the
/// catalog broke.
pub fn problems_bar_ui(ui: &mut egui::Ui, lang: Lang, problems: &[Diagnostic], stale: bool, bar: &mut ProblemsBar) {
    let count = errors(problems).count();
    if count == 0 {
        return;
    }
    egui::Panel::bottom("load-problems").show(ui, |ui| {
        let rtl = lang.is_rtl();
        crate::ui::widgets::mirror::row(ui, rtl, |ui| {
            let key = if stale { "corpus kept" } else { "files left out" };
            let summary = format!("{} {}", tr(lang, key), number(lang, count));
            ui.colored_label(ui.visuals().warn_fg_color, summary);
            let toggle = if bar.open { tr(lang, "hide details") } else { tr(lang, "show details") };
            if ui.button(toggle).clicked() {
                bar.open = !bar.open;
            }
        });
        if !bar.open {
            return;
        }
        crate::ui::widgets::mirror::column(ui, rtl, |ui| {
            paragraph_ui(ui, tr(lang, "fix and save"), &[]);
            egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| problem_list_ui(ui, errors(problems)));
        });
    });
}

/// One FILE:LINE:COL: message a line (paths and messages may hold any script).
fn problem_list_ui<'a>(ui: &mut egui::Ui, problems: impl Iterator<Item = &'a Diagnostic>) {
    let color = ui.visuals().text_color();
    for problem in problems {
        styled_label_ui(ui, &problem.to_string(), egui::TextStyle::Monospace, color);
    }
}
