//! The symbols the interface draws with egui text. Only characters present in
//! the bundled fonts (Vazirmatn, Ubuntu-Light, Hack) may be used: egui's
//! emoji fonts are not bundled, and a missing glyph is drawn as nothing (or
//! panics in tests). A test checks every symbol here.

pub const BACK_LTR: &str = "‹";
pub const FORWARD_LTR: &str = "›";
pub const BULLET: &str = "•";
pub const CLOSE: &str = "×";
pub const MORE: &str = "…";
pub const SECTION: &str = "§";
pub const BROKEN_LINE: &str = "‼";
/// A line read back into logical order by the repair.
pub const REPAIRED_LINE: &str = "◊";

pub const ALL: &[&str] = &[BACK_LTR, FORWARD_LTR, BULLET, CLOSE, MORE, SECTION, BROKEN_LINE, REPAIRED_LINE];

/// Back and forward arrows for an interface direction (mirrored in fa/ar).
pub fn back_forward(rtl: bool) -> (&'static str, &'static str) {
    if rtl { (FORWARD_LTR, BACK_LTR) } else { (BACK_LTR, FORWARD_LTR) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_has_a_glyph_in_the_bundled_fonts() {
        let ctx = egui::Context::default();
        crate::ui::widgets::fonts::install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = egui::FontId::proportional(14.0);
            for icon in ALL {
                assert!(ui.ctx().fonts_mut(|fonts| fonts.has_glyphs(&font, icon)), "no glyph for {icon}");
            }
        });
        output.textures_delta.clear();
    }
}
