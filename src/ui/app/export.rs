//! How the app carries out export requests (the menu's map, a tour step, a
//! whole tour): asks where with a save dialog in the real window, or writes
//! into the exports folder, through [`crate::ui::shell::export_menu::run_export`];
//! then says where in the notice line. The web site is written on a thread
//! of its own while the window goes on.

use eframe::egui;

use crate::ui::app::App;
use crate::ui::context::command::ExportRequest;
use crate::ui::context::i18n::{isolate, tr};
use std::sync::Arc;
use std::sync::mpsc::TryRecvError;

use crate::ui::shell::export_menu::{
    Destination, ExportFailure, ExportOutcome, ExportSource, ReplaceQuestion, RunningExport, run_export,
    runs_in_background,
};

impl App {
    /// Carries out an export request: asks where with a save dialog (the
    /// real window), else writes into the exports folder; says where.
    pub fn export(&mut self, request: &ExportRequest) {
        if *request == ExportRequest::Dismiss {
            self.views.notice = None;
            return;
        }
        if self.views.export.ask_where {
            self.views.export.ask(request.clone(), self.state.ui_lang);
            return;
        }
        self.write_export(request, &self.default_destination(request), None, false);
    }

    /// Writes the export whose dialog has answered; call every frame.
    pub fn poll_export(&mut self, ctx: &egui::Context) {
        if self.views.export.is_asking() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let Some(outcome) = self.views.export.poll() else { return };
        let lang = self.state.ui_lang;
        match outcome {
            ExportOutcome::Write(request, destination) => self.write_export(&request, &destination, None, false),
            ExportOutcome::NoDialog(request) => {
                let destination = self.default_destination(&request);
                self.write_export(&request, &destination, Some(tr(lang, "no file dialog")), false);
            }
            ExportOutcome::Cancelled => self.views.notice = Some(tr(lang, "export cancelled").to_string()),
        }
    }

    /// The exports folder (a tour: its own folder inside).
    fn default_destination(&self, request: &ExportRequest) -> Destination {
        match request {
            ExportRequest::Tour { id } => Destination::Folder(self.views.export_dir.join(id)),
            ExportRequest::TourPage { id } => Destination::File(self.views.export_dir.join(format!("{id}.html"))),
            _ => Destination::Folder(self.views.export_dir.clone()),
        }
    }

    /// Asks the open replace question and acts on its answer; call every frame.
    pub fn replace_question_ui(&mut self, ctx: &egui::Context) {
        let Some(question) = &self.views.export.replace else { return };
        let lang = self.state.ui_lang;
        let Some(replace) = crate::ui::shell::export_menu::replace_question_ui(ctx, lang, question) else { return };
        let Some(question) = self.views.export.replace.take() else { return };
        match replace {
            true => self.write_export(&question.request, &question.destination, None, true),
            false => self.views.notice = Some(tr(lang, "export cancelled").to_string()),
        }
    }

    /// Writes `request` to `destination`; a file in the way that is not an
    /// earlier export is replaced only when `force`, else the user is asked.
    /// The web site is written on a thread of its own (see [`Self::poll_running_export`]).
    fn write_export(&mut self, request: &ExportRequest, destination: &Destination, preface: Option<&str>, force: bool) {
        let Ok(model) = &self.model else { return };
        let lang = self.state.ui_lang;
        if self.views.export.running.is_some() {
            self.views.notice = Some(tr(lang, "export running").to_string());
            return;
        }
        let map = self.views.tours.map_data(model);
        if runs_in_background(request) {
            let (corpus, index) = (Arc::clone(&model.corpus), model.index.clone());
            let (sender, outcome) = std::sync::mpsc::channel();
            let (job, place) = (request.clone(), destination.clone());
            std::thread::spawn(move || {
                let source = ExportSource { corpus: &corpus, index: &index, map: &map };
                let _ = sender.send(run_export(&job, source, &place, (lang, force)));
            });
            let (request, destination, preface) = (request.clone(), destination.clone(), preface.map(String::from));
            self.views.export.running = Some(RunningExport { request, destination, preface, outcome });
            self.views.notice = Some(tr(lang, "export running").to_string());
            return;
        }
        let source = ExportSource { corpus: &model.corpus, index: &model.index, map: &map };
        let outcome = run_export(request, source, destination, (lang, force));
        self.say_export(request, destination, preface, outcome);
    }

    /// Takes the outcome of the export running off the UI thread when it is
    /// there; call every frame.
    pub fn poll_running_export(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.views.export.running else { return };
        let outcome = match running.outcome.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
                return;
            }
            Err(TryRecvError::Disconnected) => {
                Err(ExportFailure::Other(tr(self.state.ui_lang, "export stopped").to_string()))
            }
        };
        let Some(running) = self.views.export.running.take() else { return };
        self.say_export(&running.request, &running.destination, running.preface.as_deref(), outcome);
    }

    /// Says where an export was written, or why not; a file in the way that
    /// is not an earlier export opens the replace question.
    fn say_export(
        &mut self,
        request: &ExportRequest,
        destination: &Destination,
        preface: Option<&str>,
        outcome: Result<Vec<std::path::PathBuf>, ExportFailure>,
    ) {
        let lang = self.state.ui_lang;
        let said = match outcome {
            Ok(paths) => written_notice(&paths, lang),
            Err(ExportFailure::NotOurs(path)) => {
                let (request, destination) = (request.clone(), destination.clone());
                self.views.export.replace = Some(ReplaceQuestion { request, destination, path });
                return;
            }
            Err(ExportFailure::Other(message)) => message,
        };
        self.views.notice = Some(match preface {
            Some(preface) => format!("{preface} {said}"),
            None => said,
        });
    }
}

/// "Exported to FILE" for one file; "Exported to FOLDER (N files)" for several.
fn written_notice(paths: &[std::path::PathBuf], lang: crate::text::Lang) -> String {
    let exported = tr(lang, "exported to");
    match paths {
        [] => String::new(),
        [one] => format!("{exported} {}", isolate(one.display())),
        [first, ..] => {
            let folder = first.parent().unwrap_or(first);
            let files = crate::ui::context::i18n::number(lang, paths.len());
            format!("{exported} {} ({files} {})", isolate(folder.display()), tr(lang, "files"))
        }
    }
}
