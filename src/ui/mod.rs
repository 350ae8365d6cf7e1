//! The egui front end: the app shell and one file per view, over the core.
//! Nothing here is imported by the core; views read a [`context::model::Model`] and
//! push [`app::Command`]s, which the app applies after drawing.

pub mod app;
pub mod context;
pub mod paint;
pub mod shell;
pub mod views;
pub mod widgets;

use std::path::PathBuf;

use eframe::egui;

pub use app::{App, StartOptions};

/// Opens the window on the corpus at `corpus_dir`; returns the exit status.
pub fn run(corpus_dir: PathBuf, options: StartOptions, size: Option<[f32; 2]>) -> i32 {
    let screenshot = options.screenshot.is_some();
    let mut viewport = egui::ViewportBuilder::default().with_title("diplomap").with_app_id("diplomap");
    viewport = viewport.with_inner_size(size.unwrap_or([1280.0, 800.0]));
    let native = eframe::NativeOptions { viewport, persist_window: !screenshot, ..Default::default() };
    let outcome = std::sync::Arc::new(std::sync::Mutex::new(None));
    let outcome_in_app = outcome.clone();
    let result = eframe::run_native(
        "diplomap",
        native,
        Box::new(move |cc| {
            let storage = if screenshot { None } else { cc.storage };
            // The map's meshes go straight to the GPU where there is a GL context
            // (`DIPLOMAP_MAP_CPU=1` keeps them on the CPU path, to compare).
            if cc.gl.is_some() && std::env::var_os("DIPLOMAP_MAP_CPU").is_none() {
                paint::gpu::enable(&cc.egui_ctx);
            }
            let app = App::new(&cc.egui_ctx, storage, corpus_dir, options);
            Ok(Box::new(ReportingApp { app, outcome: outcome_in_app }))
        }),
    );
    if let Err(err) = result {
        eprintln!("diplomap: cannot open the window: {err}");
        return 1;
    }
    let outcome = outcome.lock().ok().and_then(|mut o| o.take());
    match outcome {
        Some(Err(message)) => {
            eprintln!("diplomap: {message}");
            1
        }
        _ => 0,
    }
}

/// The app, plus a slot where a screenshot's outcome is left for `run`.
struct ReportingApp {
    app: App,
    outcome: std::sync::Arc<std::sync::Mutex<Option<Result<(), String>>>>,
}

impl eframe::App for ReportingApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        eframe::App::ui(&mut self.app, ui, frame);
        if let Some(outcome) = self.app.take_screenshot_outcome()
            && let Ok(mut slot) = self.outcome.lock()
        {
            *slot = Some(outcome);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::App::save(&mut self.app, storage);
    }
}
