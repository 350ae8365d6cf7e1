//! The eframe application: the shell (top bar, concept list, side panel) around
//! the current view, and the one place where user actions change the state.
//!
//! Views never change the model or the state from inside a widget: they push
//! a [`Command`], and [`App::apply`] carries the commands out after drawing.

pub mod catalog;
pub mod export;
pub mod screenshot;
pub mod tours;

use std::path::PathBuf;

use eframe::egui;

use crate::address::Address;
use crate::diag::Diagnostic;
use crate::text::Lang;
use crate::ui::context::command::{CatalogAction, ImportAction, NoteAction};
use crate::ui::context::i18n::tr;
use crate::ui::context::model::Model;
use crate::ui::context::search_index::SearchIndexCache;
use crate::ui::context::state::AppState;
use crate::ui::context::{Command, ViewContext};
use crate::ui::shell::{concept_list, side_panel, top_bar};
use crate::ui::views::notes_editor::{NoteStatus, NotesEditor};
use crate::ui::views::{compare, concept_page, import, reader, search};
use crate::ui::widgets::mirror;

/// How the window opens (from the command line).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    pub open: Option<Address>,
    pub ui_lang: Option<Lang>,
    pub dark: Option<bool>,
    /// Save a screenshot here once the window has settled, then close.
    pub screenshot: Option<PathBuf>,
    /// Open the import form for this file.
    pub import: Option<PathBuf>,
    /// Open a `tour:` address straight in presenter mode.
    pub present: bool,
}

/// Per-view transient state (not remembered between runs).
#[derive(Default)]
pub struct ViewState {
    pub reader: reader::ReaderState,
    pub compare: compare::CompareState,
    pub map: crate::ui::views::map::MapView,
    pub search: search::SearchState,
    pub import: import::ImportState,
    pub address_text: String,
    pub address_error: Option<String>,
    pub tours: crate::ui::views::tour::TourPanel,
    pub presenter: Option<crate::ui::views::presenter::Presenter>,
    /// Where the export menu writes when it does not ask (or cannot).
    pub export_dir: PathBuf,
    /// The export menu's save dialog.
    pub export: crate::ui::shell::export_menu::ExportState,
    /// What the last export or recording said (a bottom line until
    /// dismissed, or [`NOTICE_SHOWN_FOR`] after it first showed).
    pub notice: Option<String>,
    /// The notice last drawn and when it first was.
    pub notice_shown: Option<(String, std::time::Instant)>,
    /// Where the side panels were drawn last frame.
    pub panels: side_panel::PanelRects,
    /// The catalog broke while the program ran: its problems (the views keep
    /// the corpus last read).
    pub stale_problems: Vec<Diagnostic>,
    pub problems_bar: crate::ui::shell::problems::ProblemsBar,
    /// The concept picker of "Add as a name of…", while open.
    pub name_picker: Option<crate::ui::views::name_picker::NamePicker>,
    /// The form of "New concept from this…", while open.
    pub new_concept: Option<crate::ui::views::new_concept::NewConceptForm>,
    /// The concept page's «Edit…» form, while open.
    pub edit_concept: Option<crate::ui::views::edit_concept::EditConceptForm>,
    /// The suggested concepts, worked out off the UI thread.
    pub suggestions: crate::ui::context::suggestions::SuggestionsCache,
    /// The form of "Relate two concepts…", while open.
    pub relate: Option<crate::ui::views::relate::RelateForm>,
    /// How to put back the files of the last catalog edit.
    pub catalog_undo: Option<crate::catalog::store::FileUndo>,
}

/// How long a notice without an undo stays on screen.
pub const NOTICE_SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(12);

pub struct App {
    pub state: AppState,
    pub model: Result<Model, Vec<Diagnostic>>,
    pub views: ViewState,
    pub notes: NotesEditor,
    commands: Vec<Command>,
    screenshot: Option<crate::ui::app::screenshot::ScreenshotJob>,
    /// Loads the corpus off the UI thread and reloads it when files change.
    loader: crate::ui::shell::loading::CorpusLoader,
    /// `--present`: start presenting once the corpus is loaded.
    present_on_load: bool,
    /// The search index, built off the UI thread, cached by revision.
    pub search_index: SearchIndexCache,
}

impl App {
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        corpus_dir: PathBuf,
        options: StartOptions,
    ) -> App {
        crate::ui::widgets::fonts::install_look(ctx);
        let mut state: AppState = storage.and_then(|s| eframe::get_value(s, eframe::APP_KEY)).unwrap_or_default();
        if let Some(lang) = options.ui_lang {
            state.ui_lang = lang;
        }
        if let Some(dark) = options.dark {
            state.dark = dark;
        }
        if let Some(address) = options.open.clone() {
            state.history.visit(address);
        }
        let loader = crate::ui::shell::loading::CorpusLoader::start(ctx, corpus_dir.clone());
        let model = Err(Vec::new());
        let screenshot = options.screenshot.map(crate::ui::app::screenshot::ScreenshotJob::new);
        let import = options.import.map(|path| Command::Import(ImportAction::Open(path)));
        let notes = NotesEditor::new(crate::notes::NoteStore::open(corpus_dir.join("notes")));
        let views = ViewState::default();
        let present_on_load = options.present;
        let search_index = SearchIndexCache::default();
        let commands = Vec::new();
        let mut app = App { state, model, views, notes, commands, screenshot, loader, present_on_load, search_index };
        app.views.address_text = app.state.history.current().to_string();
        app.views.tours = crate::ui::views::tour::TourPanel::new(corpus_dir.join("tours"));
        app.views.export.ask_where = true;
        app.views.export_dir = crate::ui::shell::export_menu::default_export_dir();
        app.sync_selection();
        app.commands.extend(import);
        app
    }

    /// Builds an app over an already loaded model (tests).
    pub fn with_model(ctx: &egui::Context, model: Model, state: AppState) -> App {
        crate::ui::widgets::fonts::install_look(ctx);
        let notes = NotesEditor::new(crate::notes::NoteStore::open(model.dir().join("notes")));
        let tours_dir = model.dir().join("tours");
        let loader = crate::ui::shell::loading::CorpusLoader::idle(ctx, model.dir().clone());
        let views = ViewState::default();
        let commands = Vec::new();
        let (model, screenshot, present_on_load, search_index) = (Ok(model), None, false, SearchIndexCache::default());
        let mut app = App { state, model, views, notes, commands, screenshot, loader, present_on_load, search_index };
        app.views.address_text = app.state.history.current().to_string();
        app.views.tours = crate::ui::views::tour::TourPanel::new(tours_dir);
        app.views.export_dir = crate::ui::shell::export_menu::default_export_dir();
        app.sync_selection();
        app
    }

    /// The outcome of `--screenshot`, once the file is written or failed.
    pub fn take_screenshot_outcome(&mut self) -> Option<Result<(), String>> {
        self.screenshot.as_mut().and_then(|job| job.outcome.take())
    }

    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }

    pub fn lang(&self) -> Lang {
        self.state.ui_lang
    }

    /// Draws one frame of the whole window into `ui`: the frame's steps, in order.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.begin_frame(&ctx);
        self.take_new_model();
        if self.loader.is_first_load() {
            crate::ui::shell::loading::loading_ui(ui, self.state.ui_lang, &mut self.loader);
            return;
        }
        if let Err(problems) = &self.model {
            crate::ui::shell::problems::problems_screen_ui(ui, self.state.ui_lang, problems);
            self.end_frame(&ctx);
            return;
        }
        self.views.tours.tick(std::time::Instant::now());
        if self.views.tours.has_unsaved() {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
        let mut commands = Vec::new();
        if self.views.presenter.is_some() {
            self.presenter_ui(ui, &mut commands);
        } else {
            self.top_bar_ui(ui, &mut commands);
            self.side_panels_ui(ui, &mut commands);
            self.bottom_bars_ui(ui, &mut commands);
            egui::CentralPanel::default().show(ui, |ui| {
                mirror::column(ui, self.state.ui_lang.is_rtl(), |ui| self.view_ui(ui, &mut commands));
            });
            self.import_ui(&ctx, &mut commands);
            self.name_picker_ui(&ctx, &mut commands);
            if let Some(form) = &mut self.views.new_concept {
                crate::ui::views::new_concept::new_concept_ui(&ctx, self.state.ui_lang, form, &mut commands);
            }
            if let Some(form) = &mut self.views.edit_concept {
                crate::ui::views::edit_concept::edit_concept_ui(&ctx, self.state.ui_lang, form, &mut commands);
            }
            if let Some(form) = &mut self.views.relate {
                crate::ui::views::relate::relate_ui(&ctx, self.state.ui_lang, form, &mut commands);
            }
            self.poll_export(&ctx);
            self.poll_running_export(&ctx);
            self.replace_question_ui(&ctx);
        }
        self.commands.extend(commands);
        self.apply_with(&ctx);
        self.end_frame(&ctx);
    }

    /// Theme, window-wide keys, the note editor's autosave and file check.
    fn begin_frame(&mut self, ctx: &egui::Context) {
        ctx.set_theme(if self.state.dark { egui::Theme::Dark } else { egui::Theme::Light });
        self.handle_keys(ctx);
        if let Some(action) = self.notes.tick(std::time::Instant::now()) {
            self.notes.apply(action);
        }
        if self.notes.status == NoteStatus::Unsaved || self.notes.concept().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    }

    /// A model the loader finished (first load or reload) replaces the one shown.
    fn take_new_model(&mut self) {
        let Some(mut model) = self.loader.poll() else { return };
        if let (Ok(new), Ok(old)) = (&mut model, &self.model) {
            new.revision = new.revision.max(old.revision + 1);
        }
        self.take_loaded(model);
        if std::mem::take(&mut self.present_on_load) {
            self.present_current();
        }
    }

    /// `--screenshot`: the job looks at the frame just drawn.
    fn end_frame(&mut self, ctx: &egui::Context) {
        if let Some(job) = &mut self.screenshot {
            let waiting = self.search_index.is_indexing()
                || self.views.reader.repaired.is_reading()
                || self.views.suggestions.is_working();
            job.frame(ctx, waiting);
        }
    }

    /// A tour played full screen instead of the window's panels.
    fn presenter_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let (Some(presenter), Ok(model)) = (&mut self.views.presenter, &self.model) else { return };
        presenter.handle_keys(ui.ctx(), commands);
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            crate::ui::views::presenter::presenter_ui(ui, presenter, model, self.state.ui_lang);
        });
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let current_map = self.views.current_map_step(&self.state);
        egui::Panel::top("top-bar").show(ui, |ui| {
            let bar = top_bar::TopBar {
                address_text: &mut self.views.address_text,
                address_error: &mut self.views.address_error,
                tours: &mut self.views.tours,
                current_map: &current_map,
            };
            top_bar::top_bar_ui(ui, &self.state, bar, commands);
        });
    }

    /// The search box and the concept list on the start side; the selected
    /// concept at a glance on the other (not beside a concept page or a tour).
    fn side_panels_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Ok(model) = &self.model else { return };
        let rtl = self.state.ui_lang.is_rtl();
        let window_width = ui.ctx().content_rect().width();
        let list = side_panel::list_panel(rtl, window_width).show(ui, |ui| {
            side_panel::fenced_ui(ui, rtl, |ui| {
                let current = self.state.history.current();
                search::search_box_ui(ui, current, self.state.ui_lang, &mut self.views.search, commands);
                concept_list::concept_list_ui(ui, model, &mut self.state, commands);
            });
        });
        self.views.panels.list = Some(list.response.rect);
        self.views.panels.detail = None;
        if !matches!(self.state.history.current(), Address::Concept(_) | Address::Tour { .. }) {
            let detail = side_panel::detail_panel(rtl, window_width).show(ui, |ui| {
                side_panel::fenced_ui(ui, rtl, |ui| side_panel::side_panel_ui(ui, model, &self.state, commands));
            });
            self.views.panels.detail = Some(detail.response.rect);
        }
    }

    /// Takes the notice away once it has shown for [`NOTICE_SHOWN_FOR`],
    /// unless it offers an undo (that one stays until dismissed or replaced).
    fn expire_notice(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.views.notice else {
            self.views.notice_shown = None;
            return;
        };
        let now = std::time::Instant::now();
        let since = match &self.views.notice_shown {
            Some((shown, since)) if shown == message => *since,
            _ => {
                self.views.notice_shown = Some((message.clone(), now));
                now
            }
        };
        if self.views.catalog_undo.is_some() {
            return;
        }
        match NOTICE_SHOWN_FOR.checked_sub(now.duration_since(since)) {
            Some(left) if !left.is_zero() => ctx.request_repaint_after(left),
            _ => self.views.notice = None,
        }
    }

    /// What the last export or recording said, and the corpus's problems.
    fn bottom_bars_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        self.expire_notice(ui.ctx());
        let Ok(model) = &self.model else { return };
        let rtl = self.state.ui_lang.is_rtl();
        if let Some(message) = &self.views.notice {
            egui::Panel::bottom("export-message").show(ui, |ui| {
                let end = |ui: &mut egui::Ui| {
                    if ui.small_button(crate::ui::widgets::icons::CLOSE).clicked() {
                        commands.push(Command::Export(crate::ui::context::command::ExportRequest::Dismiss));
                    }
                    if self.views.catalog_undo.is_some() && ui.button(tr(self.state.ui_lang, "undo")).clicked() {
                        commands.push(Command::Catalog(CatalogAction::Undo));
                    }
                };
                mirror::row_with_end(ui, rtl, end, |ui| crate::ui::widgets::paragraphs::label_ui(ui, message));
            });
        }
        let (problems, stale) = match self.views.stale_problems.is_empty() {
            true => (&model.problems, false),
            false => (&self.views.stale_problems, true),
        };
        crate::ui::shell::problems::problems_bar_ui(
            ui,
            self.state.ui_lang,
            problems,
            stale,
            &mut self.views.problems_bar,
        );
    }

    fn view_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Ok(model) = &self.model else { return };
        let lang = self.state.ui_lang;
        let view = ViewContext {
            model,
            lang,
            dark: self.state.dark,
            selected: self.state.selected.as_deref().and_then(|id| model.concept_index(id)),
        };
        match self.state.history.current().clone() {
            Address::Concept(id) => {
                self.notes.open(&id);
                concept_page::concept_page_ui(ui, &view, &id, &mut self.notes, commands)
            }
            Address::Document { id, anchor } => {
                reader::reader_ui(ui, &view, &id, anchor.as_ref(), &mut self.views.reader, &mut self.notes, commands)
            }
            Address::Compare { left, right } => {
                compare::compare_ui(ui, &view, &left, right.as_ref(), &mut self.views.compare, commands)
            }
            Address::Tour { id, step } => {
                crate::ui::views::tour::tour_view_ui(ui, &view, &id, step, &mut self.views.tours, commands)
            }
            Address::Map { focus, depth } => crate::ui::views::map::map_view_ui(
                ui,
                &view,
                focus.as_deref(),
                depth,
                &mut self.views.map,
                &self.notes.store,
                commands,
            ),
            Address::Search(query) => {
                let index = self.search_index.request(ui.ctx(), model, &self.notes.store, self.notes.generation);
                search::search_view_ui(ui, &view, &query, index, &mut self.views.search, commands)
            }
            Address::Suggestions => {
                let (list, working) = self.views.suggestions.request(ui.ctx(), model);
                crate::ui::views::suggestions::suggestions_ui(ui, &view, list, working, commands)
            }
        }
    }

    /// The concept picker of "Add as a name of…", while open.
    fn name_picker_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let (Some(picker), Ok(model)) = (&mut self.views.name_picker, &self.model) else { return };
        crate::ui::views::name_picker::name_picker_ui(ctx, model, self.state.ui_lang, picker, commands);
    }

    /// The import form, the file dialog's answer and files dropped on the window.
    fn import_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        import::typed_path_ui(ctx, self.state.ui_lang, &mut self.views.import, commands);
        import::import_form_ui(ctx, self.state.ui_lang, &mut self.views.import, commands);
        let picked = self.views.import.poll_chooser();
        let dropped = import::dropped_file(ctx).map(ImportAction::Open);
        commands.extend(picked.into_iter().chain(dropped).map(Command::Import));
        if self.views.import.is_choosing() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
    }

    /// Carries out an import action; a document written is indexed and opened.
    fn import(&mut self, action: ImportAction) {
        let Ok(model) = &self.model else { return };
        let dir = model.dir().clone();
        let Some(imported) = self.views.import.apply(action, &dir) else { return };
        self.reload_corpus();
        self.state.history.visit(Address::Document { id: imported.id, anchor: None });
    }

    /// Reads the corpus again from its folder (after an edit or an import),
    /// as the next revision, so every cache keyed by revision is renewed.
    fn reload_corpus(&mut self) {
        let Ok(model) = &self.model else { return };
        let (dir, revision) = (model.dir().clone(), model.revision);
        self.take_loaded(Model::load(&dir).map(|mut model| {
            model.revision = revision + 1;
            model
        }));
    }

    /// A newly loaded model replaces the one shown; a catalog that broke while
    /// the program runs keeps the corpus last read, its problems in a bar.
    fn take_loaded(&mut self, model: Result<Model, Vec<Diagnostic>>) {
        match model {
            Err(problems) if self.model.is_ok() => self.views.stale_problems = problems,
            model => {
                self.views.stale_problems.clear();
                self.model = model;
            }
        }
    }

    fn handle_keys(&mut self, ctx: &egui::Context) {
        let (back, forward) = ctx.input(|i| {
            let alt = i.modifiers.alt;
            (
                (alt && i.key_pressed(egui::Key::ArrowLeft)) || i.pointer.button_pressed(egui::PointerButton::Extra1),
                (alt && i.key_pressed(egui::Key::ArrowRight)) || i.pointer.button_pressed(egui::PointerButton::Extra2),
            )
        });
        if back {
            self.push(Command::Back);
        }
        if self.views.presenter.is_none() {
            if ctx.input_mut(|i| i.consume_shortcut(&crate::ui::views::tour::RECORD_SHORTCUT)) {
                self.push(Command::RecordStep);
            }
            if ctx.input_mut(|i| i.consume_shortcut(&crate::ui::views::map::MAP_SHORTCUT)) {
                self.go_to_map();
            }
            let on_map = matches!(self.state.history.current(), Address::Map { .. });
            if on_map && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F5)) {
                self.push(Command::Present { tour: String::new(), step: 0 });
            }
        }
        if forward {
            self.push(Command::Forward);
        }
        let nothing_focused = ctx.memory(|m| m.focused().is_none());
        if self.views.catalog_undo.is_some()
            && nothing_focused
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z))
        {
            self.push(Command::Catalog(CatalogAction::Undo));
        }
    }

    /// Ctrl+M: the map (as the top bar's Map button opens it, unless it is
    /// open already) with the keyboard on a node — the concept whose page
    /// was open, else the selected one — so arrows and Enter work at once.
    fn go_to_map(&mut self) {
        let current = self.state.history.current();
        let concept = match current {
            Address::Concept(id) => Some(id.clone()),
            _ => self.state.selected.clone(),
        };
        if !matches!(current, Address::Map { .. }) {
            self.push(Command::Navigate(crate::ui::shell::top_bar::map_of_selected(&self.state)));
        }
        self.views.map.take_keyboard(concept);
    }

    /// Carries out the commands of this frame.
    pub fn apply(&mut self) {
        self.apply_with(&egui::Context::default());
    }

    /// Carries out the commands of this frame; `ctx` receives window commands (full screen).
    pub fn apply_with(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::Tour(action) => {
                    self.views.tours.apply(action);
                    if let Some(moved) = self.views.tours.address_if_moved(self.state.history.current()) {
                        self.state.history.replace(moved);
                    }
                }
                Command::Present { tour, step } => self.start_presenting(ctx, &tour, step),
                Command::StopPresenting => {
                    self.views.presenter = None;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                }
                Command::RecordStep => self.record_step(),
                Command::Export(request) => self.export(&request),
                Command::Catalog(action) => self.catalog(action),
                Command::Navigate(address) => self.state.history.visit(address),
                Command::Replace(address) => self.state.history.replace(address),
                Command::Import(action) => self.import(action),
                Command::Back => self.state.history.back(),
                Command::Forward => self.state.history.forward(),
                Command::Select(id) => self.state.selected = Some(id),
                Command::SetUiLang(lang) => {
                    // A notice is in the words of the language it was said in.
                    if lang != self.state.ui_lang {
                        self.views.notice = None;
                    }
                    self.state.ui_lang = lang;
                }
                Command::SetDark(dark) => self.state.dark = dark,
                Command::Note(action) => self.notes.apply(action),
                Command::PassageNote(action) => {
                    if let Err(err) = self.notes.passage(action) {
                        self.views.notice = Some(err.to_string());
                    }
                }
            }
            self.views.address_text = self.state.history.current().to_string();
            self.views.address_error = None;
            self.sync_selection();
        }
    }

    /// A concept page selects its concept.
    fn sync_selection(&mut self) {
        if let Address::Concept(id) = self.state.history.current() {
            self.state.selected = Some(id.clone());
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state);
        // A note typed just before closing is not lost.
        self.notes.apply(NoteAction::Save);
    }
}
