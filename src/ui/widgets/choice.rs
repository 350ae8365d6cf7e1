//! Checkboxes, radio buttons and sliders for a Persian, Arabic or English
//! interface: laid out in reading order (the box on the start side of its
//! words), their words through the bidi layout, a slider's value in the
//! interface's digits. egui's own put the box left of its words and print
//! Western digits whatever the language.

use eframe::egui;

use crate::text::Lang;
use crate::ui::context::i18n::number;
use crate::ui::widgets::bidi_text::{BidiTextStyle, bidi_label_ui};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::font_of;

/// A checkbox for `value` with its words after it in reading order; a click
/// on the words toggles it too. The response says `changed()`.
pub fn checkbox_ui(ui: &mut egui::Ui, lang: Lang, value: &mut bool, text: &str) -> egui::Response {
    let (mark, words) = reading_row(ui, lang.is_rtl(), |ui| {
        let mark = ui.checkbox(value, "");
        (mark, words_ui(ui, text))
    });
    let mut response = mark;
    if words.clicked() {
        *value = !*value;
        response.mark_changed();
    }
    let checked = *value;
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, checked, text));
    response
}

/// A radio button, chosen when `selected`, with its words after it in
/// reading order; the response is clicked when the button or its words are.
pub fn radio_ui(ui: &mut egui::Ui, lang: Lang, selected: bool, text: &str) -> egui::Response {
    let (mark, words) = reading_row(ui, lang.is_rtl(), |ui| (ui.radio(selected, ""), words_ui(ui, text)));
    let response = mark.union(words);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::RadioButton, true, selected, text));
    response
}

/// Its words, then a slider over `range` in steps of `step`, then its value
/// with `decimals` decimals in the interface's digits, in reading order.
pub fn slider_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    value: &mut f32,
    range: std::ops::RangeInclusive<f32>,
    (step, decimals): (f64, usize),
    text: &str,
) -> egui::Response {
    reading_row(ui, lang.is_rtl(), |ui| {
        words_ui(ui, text);
        let slider = ui.add(egui::Slider::new(value, range).step_by(step).show_value(false));
        words_ui(ui, &number(lang, format!("{:.*}", decimals, *value)));
        slider.widget_info(|| egui::WidgetInfo::slider(true, f64::from(*value), text));
        slider
    })
}

/// Lays `add` out in reading order: in the row already there when the
/// layout is a row (a toolbar, which orders itself), else in a row of its own.
fn reading_row<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    match ui.layout().main_dir().is_horizontal() {
        true => add(ui),
        false => mirror::row(ui, rtl, add).inner,
    }
}

/// Words drawn through the bidi layout, clickable, with no accessible node of
/// their own (the control they belong to carries them).
fn words_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    let style = BidiTextStyle::new(font_of(ui, &egui::TextStyle::Body), ui.visuals().text_color());
    let shown = bidi_label_ui(ui, text, crate::text::bidi_layout::ParagraphDirection::Auto, &style);
    ui.interact(shown.rect, shown.id.with("choice words"), egui::Sense::click())
}
