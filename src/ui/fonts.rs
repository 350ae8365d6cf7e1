//! The bundled fonts: Vazirmatn (OFL, `assets/fonts`) first in both families,
//! so Persian and Arabic runs are never split between two fonts, with egui's
//! own fonts after it for Latin symbols and emoji. No system fonts.

use eframe::egui;

const VAZIRMATN_REGULAR: &[u8] = include_bytes!("../../assets/fonts/Vazirmatn-Regular.ttf");

pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert("vazirmatn".to_owned(), std::sync::Arc::new(egui::FontData::from_static(VAZIRMATN_REGULAR)));
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        let at = if family == egui::FontFamily::Proportional { 0 } else { list.len().min(1) };
        list.insert(at, "vazirmatn".to_owned());
    }
    ctx.set_fonts(fonts);
}
