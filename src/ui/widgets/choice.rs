//! Checkboxes, radio buttons, sliders and drop-down choices for a Persian,
//! Arabic or English interface: laid out in reading order (the box on the
//! start side of its words, a drop-down's mark on the end side), their words
//! through the bidi layout, a slider's value in the interface's digits.
//! egui's own put the box left of its words, the drop-down mark right of
//! them, and print Western digits whatever the language.

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

/// A whole number in `range`, dragged or typed, shown in the interface's
/// digits and read back from any of them; `name` is its accessible name.
pub fn whole_number_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    value: &mut usize,
    range: std::ops::RangeInclusive<usize>,
    name: &str,
) -> egui::Response {
    let field = egui::DragValue::new(value)
        .range(range)
        .custom_formatter(move |n, _| number(lang, n.round()))
        .custom_parser(|typed| crate::ui::context::i18n::western_digits(typed.trim()).parse().ok());
    let response = ui.add(field);
    let shown = *value as f64;
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::drag_value(true, shown);
        info.label = Some(name.to_string());
        info
    });
    response
}

/// A drop-down choice among `options` (value, words): a button with the
/// chosen option's words and a drop-down mark on their end side (left of
/// them in fa/ar), and under it the options, the chosen one marked. The
/// button is a combo box for screen readers, named by the chosen words;
/// returns it and the option picked this frame, if any.
pub fn combo_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    lang: Lang,
    selected: T,
    options: &[(T, &str)],
) -> (egui::Response, Option<T>) {
    let chosen = options.iter().find(|(value, _)| *value == selected).map_or("", |(_, words)| *words);
    let words = crate::ui::context::i18n::isolate(chosen);
    let button = crate::ui::widgets::paragraphs::drop_down_button_ui(ui, &words, lang.is_rtl());
    let name = crate::i18n::strip_isolates(chosen);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name.clone()));
    let mut picked = None;
    let width = button.rect.width();
    egui::Popup::menu(&button).show(|ui| {
        ui.set_min_width(width);
        mirror::column(ui, lang.is_rtl(), |ui| {
            for (value, words) in options {
                if crate::ui::widgets::paragraphs::chip_ui(ui, words, *value == selected).clicked() {
                    picked = Some(*value);
                    ui.close();
                }
            }
        });
    });
    (button, picked)
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
