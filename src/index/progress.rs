//! Progress and cancellation of long work (loading and indexing a corpus),
//! shared between the thread doing it and the one showing it.
//!
//! The worker adds to [`Progress`] as it goes and looks at a cancel flag
//! between documents; the UI reads the fraction done and sets the flag.
//! Everything is atomics: reading never blocks the worker.
//!
//! ```
//! use diplomap::index::progress::Progress;
//! let progress = Progress::default();
//! progress.start(diplomap::index::progress::Stage::Indexing, 200);
//! progress.advance(50);
//! assert_eq!(progress.fraction(), 0.25);
//! ```

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};

/// What the worker is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the catalog and the documents.
    Reading,
    /// Looking for a cached index.
    Cache,
    /// Finding mentions and edges.
    Indexing,
    /// Finished (loaded, failed or cancelled).
    Done,
}

impl Stage {
    fn from_u8(value: u8) -> Stage {
        match value {
            0 => Stage::Reading,
            1 => Stage::Cache,
            2 => Stage::Indexing,
            _ => Stage::Done,
        }
    }

    /// A short English name (the UI translates its own).
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Reading => "reading",
            Stage::Cache => "cache",
            Stage::Indexing => "indexing",
            Stage::Done => "done",
        }
    }
}

/// How far the work is: a stage, and units (bytes) done of a total.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Enters `stage` with `total` units to do.
    pub fn start(&self, stage: Stage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Release);
    }

    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    pub fn finish(&self) {
        self.stage.store(Stage::Done as u8, Ordering::Release);
    }

    pub fn stage(&self) -> Stage {
        Stage::from_u8(self.stage.load(Ordering::Acquire))
    }

    /// Units done and the total of the current stage.
    pub fn counts(&self) -> (u64, u64) {
        (self.done.load(Ordering::Relaxed), self.total.load(Ordering::Relaxed))
    }

    /// Fraction of the current stage done, in `0.0..=1.0`.
    pub fn fraction(&self) -> f32 {
        let (done, total) = self.counts();
        if total == 0 { 0.0 } else { (done as f64 / total as f64).clamp(0.0, 1.0) as f32 }
    }
}

/// The work was cancelled before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// Returns `Err(Cancelled)` once `flag` is set.
pub fn check(flag: &AtomicBool) -> Result<(), Cancelled> {
    if flag.load(Ordering::Relaxed) { Err(Cancelled) } else { Ok(()) }
}
