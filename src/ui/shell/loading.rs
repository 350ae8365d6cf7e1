//! Loading the corpus without freezing the window: the loader runs the
//! core's [`crate::index::load::load`] on a thread (the on-disk cache makes a
//! second start quick), shows a progress bar with a Cancel button until the
//! first model is there, then watches the corpus folder and loads again in
//! the background when a file changes (only changed documents are indexed
//! again), handing the app a model with a higher revision.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use eframe::egui;

use crate::catalog::files::CatalogFile;
use crate::corpus::Corpus;
use crate::diag::Diagnostic;
use crate::index::Index;
use crate::index::cache;
use crate::index::load::{self, LoadError, Loaded, Stamps};
use crate::index::progress::{Progress, Stage};
use crate::text::Lang;
use crate::ui::context::i18n::tr;
use crate::ui::context::model::Model;
use crate::ui::widgets::paragraphs::label_ui;

/// How often the corpus folder is looked at for changed files.
const WATCH_INTERVAL: Duration = Duration::from_millis(1500);

struct Job {
    progress: Arc<Progress>,
    cancel: Arc<AtomicBool>,
    handle: JoinHandle<Result<Loaded, LoadError>>,
}

/// Loads the corpus in the background, then keeps it up to date.
pub struct CorpusLoader {
    ctx: egui::Context,
    dir: PathBuf,
    cache_path: Option<PathBuf>,
    job: Option<Job>,
    /// The outcome of a load run on this thread (when no thread could be had).
    ready: Option<Result<Loaded, LoadError>>,
    /// The first load was cancelled; the loading screen offers to try again.
    cancelled: bool,
    /// A model (or the problems of the catalog) was handed to the app.
    delivered: bool,
    revision: u64,
    /// Set by the watcher when a corpus file changed.
    changed: Arc<AtomicBool>,
    stop_watching: Arc<AtomicBool>,
    watching: bool,
    /// The stamps of files this program wrote itself, already taken in
    /// (a catalog edit): the watcher does not load again for them.
    own_write: Arc<Mutex<Option<Stamps>>>,
}

impl CorpusLoader {
    /// Starts loading the corpus in `dir`, with the index cache in the
    /// platform's cache folder.
    pub fn start(ctx: &egui::Context, dir: PathBuf) -> CorpusLoader {
        let cache_path = cache::default_path(&dir);
        CorpusLoader::start_with_cache(ctx, dir, cache_path)
    }

    /// Starts loading the corpus in `dir` with the index cache at `cache_path`.
    pub fn start_with_cache(ctx: &egui::Context, dir: PathBuf, cache_path: Option<PathBuf>) -> CorpusLoader {
        let mut loader = CorpusLoader::idle(ctx, dir);
        loader.cache_path = cache_path;
        loader.delivered = false;
        loader.spawn();
        loader
    }

    /// A loader that loads nothing (for an app given its model).
    pub fn idle(ctx: &egui::Context, dir: PathBuf) -> CorpusLoader {
        CorpusLoader {
            ctx: ctx.clone(),
            dir,
            cache_path: None,
            job: None,
            ready: None,
            cancelled: false,
            delivered: true,
            revision: 1,
            changed: Arc::default(),
            stop_watching: Arc::default(),
            watching: false,
            own_write: Arc::default(),
        }
    }

    /// Whether the views must wait: nothing delivered yet.
    pub fn is_first_load(&self) -> bool {
        !self.delivered
    }

    /// Whether a load is running.
    pub fn is_busy(&self) -> bool {
        self.job.is_some()
    }

    /// Whether the first load was cancelled (the screen offers to load again).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled
    }

    fn spawn(&mut self) {
        let progress = Arc::new(Progress::default());
        let cancel = Arc::new(AtomicBool::new(false));
        let (dir, ctx, cache_path) = (self.dir.clone(), self.ctx.clone(), self.cache_path.clone());
        let (job_progress, job_cancel) = (progress.clone(), cancel.clone());
        let spawned = std::thread::Builder::new().name("diplomap-load".into()).spawn(move || {
            let result = load::load(&dir, cache_path.as_deref(), &job_progress, &job_cancel);
            ctx.request_repaint();
            result
        });
        match spawned {
            Ok(handle) => self.job = Some(Job { progress, cancel, handle }),
            // No thread to be had: load here, the window waits.
            Err(_) => self.ready = Some(load::load(&self.dir, None, &progress, &cancel)),
        }
        self.cancelled = false;
    }

    /// Called every frame: a new model (or the catalog's problems) once a
    /// load has finished; starts a reload when the watcher saw a change.
    pub fn poll(&mut self) -> Option<Result<Model, Vec<Diagnostic>>> {
        if self.job.is_none() && self.changed.swap(false, Ordering::Relaxed) {
            self.spawn();
        }
        let outcome = match self.ready.take() {
            Some(outcome) => outcome,
            None => {
                if !self.job.as_ref().is_some_and(|job| job.handle.is_finished()) {
                    return None;
                }
                let job = self.job.take()?;
                job.handle.join().unwrap_or(Err(LoadError::Cancelled))
            }
        };
        self.watch();
        match outcome {
            Ok(loaded) => {
                self.delivered = true;
                self.revision += 1;
                Some(Ok(Model {
                    corpus: Arc::new(loaded.corpus),
                    index: loaded.index,
                    revision: self.revision,
                    problems: loaded.problems,
                }))
            }
            Err(LoadError::Failed(problems)) => {
                self.delivered = true;
                Some(Err(problems))
            }
            Err(LoadError::Cancelled) => {
                self.cancelled = !self.delivered;
                None
            }
        }
    }

    /// Starts watching the corpus folder (once).
    fn watch(&mut self) {
        if self.watching {
            return;
        }
        let (changed, ctx, own_write) = (self.changed.clone(), self.ctx.clone(), self.own_write.clone());
        let started = load::watch(self.dir.clone(), WATCH_INTERVAL, self.stop_watching.clone(), move |now| {
            let ours = own_write.lock().ok().and_then(|mut own| own.take());
            if ours.as_ref() == Some(now) {
                return true;
            }
            changed.store(true, Ordering::Relaxed);
            ctx.request_repaint();
            true
        });
        self.watching = started.is_ok();
    }

    /// The corpus files were just written by this program and what they
    /// hold is already shown (a catalog edit, indexed incrementally): the
    /// watcher is not to load them again. A file someone else changes
    /// meanwhile still makes it load (the stamps then differ).
    pub fn written_here(&self) {
        if self.watching
            && let Ok(mut own) = self.own_write.lock()
        {
            *own = Some(Stamps::of(&self.dir));
        }
    }

    /// Writes `index` of `corpus`, whose catalog was read from `files`, to
    /// the index cache on a thread of its own, so the next start finds it
    /// (without a cache, nothing).
    pub fn remember(&self, corpus: &Arc<Corpus>, index: &Index, files: &[CatalogFile]) {
        let Some(path) = self.cache_path.clone() else { return };
        let (corpus, index) = (Arc::clone(corpus), index.clone());
        let files: Vec<(PathBuf, Vec<u8>)> =
            files.iter().map(|f| (f.path.clone(), f.text.clone().into_bytes())).collect();
        // A cache not written only costs time at the next start.
        let _ = std::thread::Builder::new().name("diplomap-cache".into()).spawn(move || {
            let files = files.iter().map(|(path, bytes)| (path.as_path(), bytes.as_slice()));
            let _ = cache::store(&path, &cache::Fingerprint::of_files(&corpus, files), &index);
        });
    }

    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel.store(true, Ordering::Relaxed);
        }
    }

    fn retry(&mut self) {
        if self.job.is_none() {
            self.spawn();
        }
    }
}

impl Drop for CorpusLoader {
    fn drop(&mut self) {
        self.stop_watching.store(true, Ordering::Relaxed);
        self.cancel();
    }
}

/// The loading screen: what is being done, a progress bar and Cancel (or,
/// once cancelled, a button to load again).
pub fn loading_ui(ui: &mut egui::Ui, lang: Lang, loader: &mut CorpusLoader) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.add_space(ui.available_height() / 3.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(420.0);
            if loader.cancelled {
                label_ui(ui, tr(lang, "loading cancelled"));
                if ui.button(tr(lang, "load again")).clicked() {
                    loader.retry();
                }
                return;
            }
            let Some(job) = &loader.job else { return };
            let stage = job.progress.stage();
            label_ui(ui, tr(lang, stage_key(stage)));
            let (done, total) = job.progress.counts();
            let bar = if stage == Stage::Indexing && total > 0 {
                egui::ProgressBar::new(job.progress.fraction()).text(format!(
                    "{:.1} / {:.1} MB",
                    done as f64 / 1e6,
                    total as f64 / 1e6
                ))
            } else {
                egui::ProgressBar::new(0.0).animate(true)
            };
            ui.add(bar);
            if ui.button(tr(lang, "cancel")).clicked() {
                loader.cancel();
            }
        });
    });
    ui.ctx().request_repaint_after(Duration::from_millis(50));
}

fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Reading => "reading corpus",
        Stage::Cache => "reading index cache",
        Stage::Indexing | Stage::Done => "indexing corpus",
    }
}
