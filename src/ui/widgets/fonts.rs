//! The bundled fonts: Vazirmatn (OFL, `assets/fonts/OFL.txt`) for Persian, Arabic
//! and Latin, first in the Proportional family so a run is never split between two
//! fonts, with egui's default fonts kept after it for the rest (emoji, symbols).
//! Also the text sizes every view uses ([`install_look`]). Never depends on system fonts. Tests must call [`install_fonts`] too: egui 0.37
//! panics on a missing glyph by default.
//!
//! ```no_run
//! let ctx = egui::Context::default();
//! diplomap::ui::widgets::fonts::install_fonts(&ctx);
//! ```

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

pub const VAZIRMATN_REGULAR: &str = "Vazirmatn-Regular";
pub const VAZIRMATN_BOLD: &str = "Vazirmatn-Bold";

static VAZIRMATN_REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/Vazirmatn-Regular.ttf");
static VAZIRMATN_BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/Vazirmatn-Bold.ttf");

/// Register Vazirmatn first in the Proportional family (and as the last fallback
/// of Monospace), keeping egui's default fonts after it.
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

/// The font definitions [`install_fonts`] sets; the bold face is registered under
/// its own family name `Vazirmatn-Bold` (`FontFamily::Name`).
pub fn font_definitions() -> FontDefinitions {
    let mut definitions = FontDefinitions::default();
    definitions.font_data.insert(VAZIRMATN_REGULAR.to_owned(), Arc::new(FontData::from_static(VAZIRMATN_REGULAR_TTF)));
    definitions.font_data.insert(VAZIRMATN_BOLD.to_owned(), Arc::new(FontData::from_static(VAZIRMATN_BOLD_TTF)));
    definitions.families.entry(FontFamily::Proportional).or_default().insert(0, VAZIRMATN_REGULAR.to_owned());
    definitions.families.entry(FontFamily::Monospace).or_default().push(VAZIRMATN_REGULAR.to_owned());
    let mut bold = vec![VAZIRMATN_BOLD.to_owned()];
    bold.extend(definitions.families.get(&FontFamily::Proportional).cloned().unwrap_or_default());
    definitions.families.insert(FontFamily::Name(VAZIRMATN_BOLD.into()), bold);
    definitions
}

/// The bundled fonts and the text sizes every view uses (Persian and Arabic
/// need more than egui's default 12.5 points to be read comfortably).
pub fn install_look(ctx: &egui::Context) {
    install_fonts(ctx);
    ctx.all_styles_mut(|style| {
        use egui::{FontId, TextStyle};
        style.text_styles.insert(TextStyle::Small, FontId::proportional(11.5));
        style.text_styles.insert(TextStyle::Body, FontId::proportional(15.0));
        style.text_styles.insert(TextStyle::Button, FontId::proportional(14.0));
        style.text_styles.insert(TextStyle::Heading, FontId::proportional(22.0));
        style.text_styles.insert(TextStyle::Name(SECTION_STYLE.into()), FontId::proportional(17.0));
        // Scroll bars take their own room: a floating bar covers the first
        // letters of right-aligned Persian and Arabic lines.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
    });
}

/// The text style of section titles in the reader.
pub const SECTION_STYLE: &str = "section";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vazirmatn_is_first_in_proportional() {
        let definitions = font_definitions();
        let proportional = &definitions.families[&FontFamily::Proportional];
        assert_eq!(proportional[0], VAZIRMATN_REGULAR);
        assert!(proportional.len() > 1, "egui's defaults stay as fallbacks");
    }
}
