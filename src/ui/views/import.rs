//! Importing a file (UTF-8 text, PDF or a web page): "Import…" opens the
//! system's file dialog (rfd, on a thread of its own so the window keeps
//! drawing), or a file is dropped on the window; then a small form asks for
//! the titles (fa, ar, en), the languages, the kind and name of the source,
//! the year and, optionally, sections as line ranges — filled in with what
//! the file says (a PDF's or page's title, language and year). The file is
//! read and its text extracted as soon as it is chosen ([`import::prepare`],
//! the same core as `diplomap import`): a bad file (empty, binary, invalid
//! UTF-8, too large, already imported; an encrypted, scanned or broken PDF)
//! is shown with its message and nothing can be written. The import itself is
//! [`crate::corpus::import`]; the app reloads the corpus and opens the new
//! document.

use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_string_ui};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use eframe::egui;

use crate::catalog::Localized;
use crate::corpus::import::{self, ImportError, Imported, Prepared};
use crate::corpus::meta::Source;
use crate::corpus::{DocumentMeta, Section, SectionKind, SourceKind};
use crate::text::Lang;
use crate::ui::context::command::ImportAction;
use crate::ui::context::i18n::{language_name, number, tr};
use crate::ui::context::{Command, NO_DIALOG_WITHIN};

/// The file chosen and what was learnt from reading it.
#[derive(Debug, Clone)]
pub struct ChosenFile {
    pub path: PathBuf,
    /// The file's bytes if they can be a document, else why not.
    pub checked: Result<TextFacts, String>,
}

/// What the form shows of a good file.
#[derive(Debug, Clone)]
pub struct TextFacts {
    prepared: Prepared,
    pub lines: usize,
    pub detected: Vec<Lang>,
}

/// One section row of the form (line numbers as typed).
#[derive(Debug, Clone)]
pub struct SectionRow {
    pub id: String,
    pub kind: SectionKind,
    pub first: usize,
    pub last: usize,
}

/// The metadata form.
#[derive(Debug, Clone)]
pub struct ImportForm {
    pub file: ChosenFile,
    pub title: Localized,
    pub languages: Vec<Lang>,
    pub source_kind: SourceKind,
    pub source_name: String,
    pub year: String,
    pub sections: Vec<SectionRow>,
    /// Why the last attempt failed (nothing was written).
    pub error: Option<String>,
}

/// The import's transient state.
#[derive(Default)]
pub struct ImportState {
    pub form: Option<ImportForm>,
    /// The file dialog running on its own thread, and when it was opened.
    choosing: Option<(mpsc::Receiver<Option<PathBuf>>, Instant)>,
    /// The path typed in our own box, while it is open: the fallback when no
    /// file dialog can be shown (no portal or dialog service on the desktop).
    pub typed_path: Option<String>,
    /// The path box has just opened: give it the keyboard (for this many frames at most).
    focus_path: u8,
}

impl ImportState {
    /// Carries out an action; returns the new document once written.
    pub fn apply(&mut self, action: ImportAction, corpus_dir: &Path) -> Option<Imported> {
        match action {
            ImportAction::Choose => self.choose(),
            ImportAction::Open(path) => {
                self.typed_path = None;
                self.form = Some(ImportForm::new(read_and_check(&path, corpus_dir)));
            }
            ImportAction::OpenTyped => self.open_typed(),
            ImportAction::Cancel => {
                self.form = None;
                self.typed_path = None;
            }
            ImportAction::Submit => return self.submit(corpus_dir),
        }
        None
    }

    fn choose(&mut self) {
        if self.choosing.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let picked = rfd::FileDialog::new()
                .add_filter("text, PDF, web page", &["txt", "text", "md", "pdf", "html", "htm"])
                .pick_file();
            let _ = sender.send(picked);
        });
        self.choosing = Some((receiver, Instant::now()));
    }

    /// The file the dialog returned, once it has (polled every frame); a
    /// dialog that answered nothing at once was never shown, and the path box
    /// opens instead.
    pub fn poll_chooser(&mut self) -> Option<ImportAction> {
        let (receiver, opened) = self.choosing.as_ref()?;
        let picked = match receiver.try_recv() {
            Ok(picked) => picked,
            Err(mpsc::TryRecvError::Empty) => return None,
            Err(mpsc::TryRecvError::Disconnected) => None,
        };
        let waited = opened.elapsed();
        self.choosing = None;
        after_dialog(picked, waited)
    }

    /// Opens the path box (empty), unless a form is already open.
    fn open_typed(&mut self) {
        if self.form.is_none() && self.typed_path.is_none() {
            self.typed_path = Some(String::new());
            self.focus_path = 3;
        }
    }

    pub fn is_choosing(&self) -> bool {
        self.choosing.is_some()
    }

    fn submit(&mut self, corpus_dir: &Path) -> Option<Imported> {
        let form = self.form.as_mut()?;
        let Ok(facts) = &form.file.checked else { return None };
        let meta = match form.meta() {
            Ok(meta) => meta,
            Err(message) => {
                form.error = Some(message);
                return None;
            }
        };
        match import::import_prepared(corpus_dir, &form.file.path, &facts.prepared, meta) {
            Ok(imported) => {
                self.form = None;
                Some(imported)
            }
            Err(err) => {
                form.error = Some(err.to_string());
                None
            }
        }
    }
}

/// What the dialog's answer asks for: the file chosen; nothing if the user
/// cancelled; our own path box if it answered nothing at once (never shown).
pub fn after_dialog(picked: Option<PathBuf>, waited: std::time::Duration) -> Option<ImportAction> {
    match picked {
        Some(path) => Some(ImportAction::Open(path)),
        None if waited < NO_DIALOG_WITHIN => Some(ImportAction::OpenTyped),
        None => None,
    }
}

/// Reads and checks a file for the form (also that it is not in the corpus yet).
pub fn read_and_check(path: &Path, corpus_dir: &Path) -> ChosenFile {
    let checked = import::read_source(path).and_then(|bytes| {
        let prepared = import::prepare(path, &bytes)?;
        import::check_not_in_corpus(corpus_dir, path, prepared.text.as_bytes())?;
        let lines =
            crate::corpus::Document::new(String::new(), prepared.text.clone(), DocumentMeta::default()).line_count();
        let detected = import::meta_with_file_facts(DocumentMeta::default(), &prepared).languages;
        Ok::<TextFacts, ImportError>(TextFacts { prepared, lines, detected })
    });
    ChosenFile { path: path.to_path_buf(), checked: checked.map_err(|e| e.to_string()) }
}

impl ImportForm {
    /// A form for `file`: languages as detected, the title the file gives (else
    /// the file's name), the year it gives.
    pub fn new(file: ChosenFile) -> ImportForm {
        let languages = file.checked.as_ref().map(|f| f.detected.clone()).unwrap_or_default();
        let given = file.checked.as_ref().ok().and_then(|f| f.prepared.title.clone());
        let name = given.unwrap_or_else(|| {
            file.path.file_stem().map(|s| s.to_string_lossy().replace(['_', '-'], " ")).unwrap_or_default()
        });
        let mut title = Localized::default();
        match crate::text::lang::detect(&name).or(languages.first().copied()) {
            Some(Lang::Fa) => title.fa = name,
            Some(Lang::Ar) => title.ar = name,
            _ => title.en = name,
        }
        let year = file.checked.as_ref().ok().and_then(|f| f.prepared.year).map(|y| y.to_string()).unwrap_or_default();
        let source_kind = match file.checked.as_ref().map(|f| f.prepared.kind) {
            Ok(crate::extract::Kind::Html) => SourceKind::WebPage,
            _ => SourceKind::Other,
        };
        ImportForm {
            file,
            title,
            languages,
            source_kind,
            source_name: String::new(),
            year,
            sections: Vec::new(),
            error: None,
        }
    }

    /// The metadata the form describes, or what is wrong with it.
    pub fn meta(&self) -> Result<DocumentMeta, String> {
        let year = match self.year.trim() {
            "" => None,
            typed => Some(parse_year(typed).ok_or_else(|| format!("year: {typed:?} is not a year"))?),
        };
        let trimmed = |s: &String| s.trim().to_string();
        Ok(DocumentMeta {
            title: Localized { fa: trimmed(&self.title.fa), ar: trimmed(&self.title.ar), en: trimmed(&self.title.en) },
            languages: Lang::ALL.into_iter().filter(|l| self.languages.contains(l)).collect(),
            source: Source { kind: self.source_kind, name: trimmed(&self.source_name), url: None },
            year,
            sections: self
                .sections
                .iter()
                .map(|row| Section {
                    id: row.id.trim().to_string(),
                    kind: row.kind,
                    lang: None,
                    lines: (row.first, row.last),
                })
                .collect(),
            ..DocumentMeta::default()
        })
    }
}

/// A year typed in ASCII, Persian or Arabic digits (`۱۳۹۱` is 1391).
fn parse_year(typed: &str) -> Option<i32> {
    crate::ui::context::i18n::western_digits(typed).parse().ok()
}

const SOURCE_KINDS: [(SourceKind, &str); 6] = [
    (SourceKind::Paper, "source paper"),
    (SourceKind::News, "source news"),
    (SourceKind::WebPage, "source web page"),
    (SourceKind::Proceedings, "source proceedings"),
    (SourceKind::Book, "source book"),
    (SourceKind::Other, "source other"),
];

const SECTION_KINDS: [(SectionKind, &str); 7] = [
    (SectionKind::Title, "section title"),
    (SectionKind::Abstract, "section abstract"),
    (SectionKind::Keywords, "section keywords"),
    (SectionKind::Contents, "section contents"),
    (SectionKind::Body, "section body"),
    (SectionKind::References, "section references"),
    (SectionKind::Other, "section other"),
];

/// A drop-down of the kinds in `table` (kind, interface key), `kind` chosen.
fn kind_choice_ui<K: PartialEq + Copy>(
    ui: &mut egui::Ui,
    lang: Lang,
    table: &[(K, &'static str)],
    kind: K,
) -> (egui::Response, Option<K>) {
    let options: Vec<(K, &str)> = table.iter().map(|&(k, key)| (k, tr(lang, key))).collect();
    crate::ui::widgets::choice::combo_ui(ui, lang, kind, &options)
}

/// The path box, as a modal over the app, when no file dialog could be shown:
/// says why, takes a path typed or pasted, and opens the form for it.
pub fn typed_path_ui(ctx: &egui::Context, lang: Lang, state: &mut ImportState, commands: &mut Vec<Command>) {
    let Some(typed) = &mut state.typed_path else { return };
    let modal = egui::Modal::new(egui::Id::unique("diplomap-import-path")).show(ctx, |ui| {
        ui.set_width(FORM_WIDTH.min(ctx.content_rect().width() - 40.0).max(200.0));
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            crate::ui::widgets::paragraphs::heading_ui(ui, tr(lang, "import heading"));
        });
        crate::ui::widgets::paragraphs::label_ui(ui, tr(lang, "no import dialog"));
        ui.add_space(6.0);
        let name = tr(lang, "path of the file");
        let options = BidiEditOptions::single_line(name, name, ui.available_width(), lang.is_rtl());
        let id = ui.make_persistent_id("import path");
        if state.focus_path > 0 {
            crate::ui::widgets::bidi_edit::focus_and_select_all(ctx, id);
        }
        let edited = bidi_edit_string_ui(ui, id, typed, &options);
        // A modal's first frame only measures it; ask again until the box has the keyboard.
        state.focus_path = if edited.response.has_focus() { 0 } else { state.focus_path.saturating_sub(1) };
        let path = typed.trim();
        ui.add_space(6.0);
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            let open = crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "open file"), !path.is_empty());
            if (open.clicked() || edited.submitted) && !path.is_empty() {
                commands.push(Command::Import(ImportAction::Open(PathBuf::from(path))));
            }
            if crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "cancel"), true).clicked() {
                commands.push(Command::Import(ImportAction::Cancel));
            }
        });
    });
    if modal.should_close() {
        commands.push(Command::Import(ImportAction::Cancel));
    }
}

/// The form, as a modal window over the app, when a file has been chosen.
pub fn import_form_ui(ctx: &egui::Context, lang: Lang, state: &mut ImportState, commands: &mut Vec<Command>) {
    let Some(form) = &mut state.form else { return };
    let modal = egui::Modal::new(egui::Id::unique("diplomap-import")).show(ctx, |ui| {
        ui.set_width(FORM_WIDTH.min(ctx.content_rect().width() - 40.0).max(200.0));
        form_ui(ui, lang, form, commands);
    });
    if modal.should_close() {
        commands.push(Command::Import(ImportAction::Cancel));
    }
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut ImportForm, commands: &mut Vec<Command>) {
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        ui.heading(tr(lang, "import heading"));
    });
    let file_name = form.file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        crate::ui::widgets::paragraphs::label_ui(ui, &file_name);
    });
    let facts = match &form.file.checked {
        Ok(facts) => facts.clone(),
        Err(message) => {
            crate::ui::widgets::paragraphs::styled_label_ui(
                ui,
                message,
                egui::TextStyle::Body,
                ui.visuals().error_fg_color,
            );
            crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
                crate::ui::widgets::paragraphs::label_ui(ui, tr(lang, "nothing written"));
            });
            crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
                if ui.button(tr(lang, "close")).clicked() {
                    commands.push(Command::Import(ImportAction::Cancel));
                }
            });
            return;
        }
    };
    preview_ui(ui, lang, &facts);
    ui.add_space(6.0);
    for (text_lang, key) in [(Lang::Fa, "title fa"), (Lang::Ar, "title ar"), (Lang::En, "title en")] {
        let title = match text_lang {
            Lang::Fa => &mut form.title.fa,
            Lang::Ar => &mut form.title.ar,
            Lang::En => &mut form.title.en,
        };
        let name = tr(lang, key);
        field_row_ui(ui, lang, name, |ui, _| {
            let id = ui.make_persistent_id(("import title", key));
            let options = BidiEditOptions::single_line(name, "", FIELD_WIDTH, text_lang.is_rtl());
            bidi_edit_string_ui(ui, id, title, &options);
        });
    }
    field_row_ui(ui, lang, tr(lang, "languages"), |ui, _| {
        for option in Lang::ALL {
            let mut on = form.languages.contains(&option);
            if crate::ui::widgets::choice::checkbox_ui(ui, lang, &mut on, language_name(option)).changed() {
                form.languages.retain(|l| *l != option);
                if on {
                    form.languages.push(option);
                }
            }
        }
    });
    field_row_ui(ui, lang, tr(lang, "source kind"), |ui, label| {
        let (combo, picked) = kind_choice_ui(ui, lang, &SOURCE_KINDS, form.source_kind);
        combo.labelled_by(label);
        if let Some(kind) = picked {
            form.source_kind = kind;
        }
    });
    field_row_ui(ui, lang, tr(lang, "source name"), |ui, label| {
        ui.add(egui::TextEdit::singleline(&mut form.source_name).desired_width(FIELD_WIDTH)).labelled_by(label);
    });
    field_row_ui(ui, lang, tr(lang, "year"), |ui, label| {
        ui.add(egui::TextEdit::singleline(&mut form.year).desired_width(80.0)).labelled_by(label);
    });
    sections_ui(ui, lang, form, facts.lines);
    if let Some(error) = &form.error {
        crate::ui::widgets::paragraphs::styled_label_ui(ui, error, egui::TextStyle::Body, ui.visuals().error_fg_color);
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            ui.label(tr(lang, "nothing written"));
        });
    }
    ui.add_space(6.0);
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        if ui.button(tr(lang, "import button")).clicked() {
            commands.push(Command::Import(ImportAction::Submit));
        }
        if ui.button(tr(lang, "cancel")).clicked() {
            commands.push(Command::Import(ImportAction::Cancel));
        }
    });
}

/// How long the file is, and its first lines as they will be read.
fn preview_ui(ui: &mut egui::Ui, lang: Lang, facts: &TextFacts) {
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let lines = format!("{}: {}", tr(lang, "lines"), crate::ui::context::i18n::number(lang, facts.lines));
        crate::ui::widgets::paragraphs::styled_label_ui(
            ui,
            &lines,
            egui::TextStyle::Body,
            ui.visuals().weak_text_color(),
        );
    });
    let text = &facts.prepared.text;
    let beginning: String = text.lines().filter(|l| !l.trim().is_empty()).take(3).collect::<Vec<_>>().join("\n");
    let beginning: String = beginning.chars().take(PREVIEW_CHARS).collect();
    egui::Frame::new().fill(ui.visuals().extreme_bg_color).inner_margin(6).corner_radius(4).show(ui, |ui| {
        ui.set_width(ui.available_width());
        for line in beginning.lines() {
            crate::ui::widgets::paragraphs::paragraph_ui(ui, line, &[]);
        }
    });
}

/// At most this many characters of the text are previewed.
const PREVIEW_CHARS: usize = 400;

/// Width of the form.
const FORM_WIDTH: f32 = 560.0;
/// Width of the form's text fields.
const FIELD_WIDTH: f32 = 360.0;
/// Width of the form's labels, so the fields line up.
const LABEL_WIDTH: f32 = 130.0;

/// A labelled row of the form, from the right in Persian and Arabic; the
/// field is told the label's id (for `labelled_by`).
fn field_row_ui(ui: &mut egui::Ui, lang: Lang, label: &str, field: impl FnOnce(&mut egui::Ui, egui::Id)) {
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let label = ui.add_sized([LABEL_WIDTH, 20.0], egui::Label::new(label));
        field(ui, label.id);
    });
}

/// The optional sections: id, kind and line range each.
fn sections_ui(ui: &mut egui::Ui, lang: Lang, form: &mut ImportForm, lines: usize) {
    ui.add_space(6.0);
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        ui.label(egui::RichText::new(tr(lang, "sections optional")).strong());
    });
    let mut removed = None;
    for (n, row) in form.sections.iter_mut().enumerate() {
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            ui.add(egui::TextEdit::singleline(&mut row.id).desired_width(120.0)).accessible_name(format!(
                "{} {}",
                tr(lang, "section id"),
                n + 1
            ));
            let (_, picked) =
                ui.push_id(("import-section-kind", n), |ui| kind_choice_ui(ui, lang, &SECTION_KINDS, row.kind)).inner;
            if let Some(kind) = picked {
                row.kind = kind;
            }
            ui.label(tr(lang, "lines"));
            let range = 1..=lines.max(1);
            let (first, last) = (
                format!("{} {}", tr(lang, "first line"), number(lang, n + 1)),
                format!("{} {}", tr(lang, "last line"), number(lang, n + 1)),
            );
            crate::ui::widgets::choice::whole_number_ui(ui, lang, &mut row.first, range.clone(), &first);
            ui.label("–");
            crate::ui::widgets::choice::whole_number_ui(ui, lang, &mut row.last, range, &last);
            if ui.button(tr(lang, "remove")).clicked() {
                removed = Some(n);
            }
        });
    }
    if let Some(n) = removed {
        form.sections.remove(n);
    }
    let mut add = false;
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| add = ui.button(tr(lang, "add section")).clicked());
    if add {
        let first = form.sections.last().map_or(1, |s| (s.last + 1).min(lines.max(1)));
        let id =
            if form.sections.is_empty() { "body".to_string() } else { format!("part-{}", form.sections.len() + 1) };
        form.sections.push(SectionRow { id, kind: SectionKind::Body, first, last: lines.max(1) });
    }
}

/// A file dropped on the window, if any this frame.
pub fn dropped_file(ctx: &egui::Context) -> Option<PathBuf> {
    ctx.input(|i| i.raw.dropped_files.first().map(|file| file.path().to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_any_digits() {
        assert_eq!(parse_year("2012"), Some(2012));
        assert_eq!(parse_year("۱۳۹۱"), Some(1391));
        assert_eq!(parse_year("٢٠٢١"), Some(2021));
        assert_eq!(parse_year("soon"), None);
    }

    #[test]
    fn a_dialog_that_answers_nothing_at_once_was_never_shown_and_the_path_box_opens() {
        use std::time::Duration;
        let chosen = PathBuf::from("news.txt");
        assert_eq!(after_dialog(Some(chosen.clone()), Duration::ZERO), Some(ImportAction::Open(chosen)));
        assert_eq!(after_dialog(None, Duration::from_millis(5)), Some(ImportAction::OpenTyped));
        assert_eq!(after_dialog(None, Duration::from_secs(3)), None, "the user cancelled");
    }
}
