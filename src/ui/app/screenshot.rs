//! `--screenshot FILE.png`: once the window has settled (the corpus loaded,
//! fonts in place, no repaint pending for a few frames), ask eframe for the
//! window's pixels, save them as PNG and close the window.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui;

/// Frames without a pending repaint before the window counts as settled.
const SETTLED_FRAMES: u32 = 5;
/// Frames after which the screenshot is taken anyway (an animation that
/// never stops must not hang the command).
const MAX_FRAMES: u32 = 600;

pub struct ScreenshotJob {
    path: PathBuf,
    quiet_frames: u32,
    frames: u32,
    requested: bool,
    /// Where eframe's screenshot callback leaves the pixels.
    received: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    /// Set when the file was written (Ok) or could not be (Err); read by `run`.
    pub outcome: Option<Result<(), String>>,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> Self {
        ScreenshotJob { path, quiet_frames: 0, frames: 0, requested: false, received: Arc::default(), outcome: None }
    }

    /// Called at the end of every frame.
    pub fn frame(&mut self, ctx: &egui::Context, _revision: u64) {
        self.frames += 1;
        let received = self.received.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = received {
            self.outcome = Some(save_png(&self.path, &image));
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.requested {
            ctx.request_repaint();
            return;
        }
        let busy = ctx.has_requested_repaint() || ctx.egui_is_using_pointer();
        self.quiet_frames = if busy { 0 } else { self.quiet_frames + 1 };
        if self.quiet_frames >= SETTLED_FRAMES || self.frames >= MAX_FRAMES {
            self.requested = true;
            let slot = Arc::clone(&self.received);
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// Writes an RGBA image as PNG, atomically.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let png = crate::ui::paint::picture::encode_png(width as u32, height as u32, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    crate::atomic::write_atomic(path, &png).map_err(|e| format!("{}: {e}", path.display()))
}
