//! The suggested concepts of the loaded corpus ([`crate::suggest`]), worked
//! out on a worker thread and cached by what they come from: the model's
//! revision and the dismissals' generation (bumped when an editor dismisses
//! a term). Until they are there the view says it is working; a list of the
//! same corpus answers meanwhile after a dismissal.

use std::sync::Arc;
use std::thread::JoinHandle;

use eframe::egui;

use crate::suggest::{Dismissals, Suggestion, suggest};
use crate::ui::context::model::Model;

/// What a list was worked out from: (model revision, dismissals generation).
type Key = (u64, u64);

struct Job {
    key: Key,
    handle: JoinHandle<Vec<Suggestion>>,
}

/// The cached suggestions and the work running for them, if any.
#[derive(Default)]
pub struct SuggestionsCache {
    built: Option<(Key, Arc<Vec<Suggestion>>)>,
    job: Option<Job>,
    /// Bumped by [`SuggestionsCache::dismissed`].
    generation: u64,
}

impl SuggestionsCache {
    /// The suggestions of `model` (or of its revision with fewer dismissals
    /// while the new list is worked out), and whether work is running;
    /// starts the work when needed (the worker asks `ctx` for a frame).
    pub fn request(&mut self, ctx: &egui::Context, model: &Model) -> (Option<Arc<Vec<Suggestion>>>, bool) {
        let wanted = (model.revision, self.generation);
        if self.job.as_ref().is_some_and(|job| job.handle.is_finished())
            && let Some(job) = self.job.take()
            && let Ok(list) = job.handle.join()
        {
            self.built = Some((job.key, Arc::new(list)));
        }
        let up_to_date = self.built.as_ref().is_some_and(|(key, _)| *key == wanted);
        if !up_to_date && self.job.as_ref().is_none_or(|job| job.key != wanted) {
            let corpus = Arc::clone(&model.corpus);
            let dir = model.dir().to_path_buf();
            let ctx = ctx.clone();
            let handle = std::thread::spawn(move || {
                // An unreadable dismissals file dismisses nothing here; `check` reports it.
                let dismissals = Dismissals::load(&dir).unwrap_or_default();
                let list = suggest(&corpus, &dismissals);
                ctx.request_repaint();
                list
            });
            self.job = Some(Job { key: wanted, handle });
        }
        let list = self.built.as_ref().filter(|(key, _)| key.0 == wanted.0).map(|(_, list)| Arc::clone(list));
        (list, self.job.is_some())
    }

    /// A term was dismissed: the list is worked out again.
    pub fn dismissed(&mut self) {
        self.generation += 1;
    }

    /// Whether work is running (a screenshot waits for it).
    pub fn is_working(&self) -> bool {
        self.job.is_some()
    }
}
