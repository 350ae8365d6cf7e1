//! `--screenshot FILE.png`: once the window has settled (the corpus loaded,
//! fonts in place, nothing asking to be redrawn at once for a few frames —
//! the map's layout still moving, a scroll, a camera flight — and no search
//! index being built nor a document's lines being read back), ask eframe for
//! the window's pixels, save them as PNG and close the window. A repaint asked
//! for later (the note editor checking its file every half second, say) is
//! not waited for: it would never end.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui;

/// Frames without a pending repaint before the window counts as settled.
const SETTLED_FRAMES: u32 = 5;
/// Frames after which the screenshot is taken anyway (an animation that
/// never stops must not hang the command).
const MAX_FRAMES: u32 = 600;
/// How soon the job asks for its next frame: soon, but not "at once", so its
/// own request does not count as the window being busy.
const NEXT_FRAME: std::time::Duration = std::time::Duration::from_millis(5);

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

    /// Called at the end of every frame; `waiting`: work the picture needs is
    /// still running off the UI thread (the search index, the reader's
    /// repair), so the window has
    /// not settled (and those frames do not count towards the limit).
    pub fn frame(&mut self, ctx: &egui::Context, waiting: bool) {
        if waiting {
            self.quiet_frames = 0;
            ctx.request_repaint_after(NEXT_FRAME * 4);
            return;
        }
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
        // Whether the last frame asked to be followed at once (egui tells the
        // last frame's, not this one's: one frame late, well within SETTLED_FRAMES).
        let busy = ctx.requested_repaint_last_pass() || ctx.egui_is_using_pointer();
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
        ctx.request_repaint_after(NEXT_FRAME);
    }
}

/// Writes an RGBA image as PNG, atomically.
pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let png = crate::ui::paint::picture::encode_png(width as u32, height as u32, &bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    // A screenshot replaces a PNG (earlier screenshots, also those made
    // before exports were marked), never a file of another kind.
    let ours = |head: &[u8]| head.starts_with(b"\x89PNG\r\n\x1a\n");
    crate::atomic::write_file(path, &png, crate::atomic::Replace::IfOurs(&ours)).map_err(|e| e.to_string())
}
