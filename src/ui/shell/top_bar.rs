//! The top bar: back and forward, the address of the current view (editable:
//! Enter goes there; a button copies it), the views, the interface language
//! and the theme.

use eframe::egui;

use crate::address::Address;
use crate::text::Lang;
use crate::ui::context::Command;
use crate::ui::context::i18n::{isolate, language_name, tr};
use crate::ui::context::state::AppState;

/// What the top bar edits besides the commands it pushes.
pub struct TopBar<'a> {
    /// The address field's text (the current address unless being typed).
    pub address_text: &'a mut String,
    /// Why the typed address was not understood.
    pub address_error: &'a mut Option<String>,
    pub tours: &'a mut crate::ui::views::tour::TourPanel,
    /// What the map shows now, as a tour step (the export menu's "map as shown").
    pub current_map: &'a crate::tours::TourStep,
}

pub fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, views: TopBar<'_>, commands: &mut Vec<Command>) {
    let lang = state.ui_lang;
    let (back_arrow, forward_arrow) = crate::ui::widgets::icons::back_forward(lang.is_rtl());
    // Wraps onto a second row in a narrow window rather than hiding the
    // language and theme switches past the window's edge.
    crate::ui::widgets::mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
        bar_contents(ui, state, views, commands, (back_arrow, forward_arrow));
    });
}

fn bar_contents(
    ui: &mut egui::Ui,
    state: &AppState,
    views: TopBar<'_>,
    commands: &mut Vec<Command>,
    (back_arrow, forward_arrow): (&str, &str),
) {
    let lang = state.ui_lang;
    let back =
        ui.add_enabled(state.history.can_go_back(), egui::Button::new(back_arrow)).on_hover_text(tr(lang, "back"));
    if back.clicked() {
        commands.push(Command::Back);
    }
    let forward = ui
        .add_enabled(state.history.can_go_forward(), egui::Button::new(forward_arrow))
        .on_hover_text(tr(lang, "forward"));
    if forward.clicked() {
        commands.push(Command::Forward);
    }
    let width = (ui.available_width() * 0.3).clamp(140.0, 340.0);
    // An address is Latin syntax around Persian or Arabic ids and queries: laid
    // out by the bidi editor (egui's field would show Persian letters unjoined, left to right).
    let options = crate::ui::widgets::bidi_edit::BidiEditOptions::single_line(
        tr(lang, "address"),
        tr(lang, "address"),
        width,
        false,
    );
    let id = ui.make_persistent_id("address field");
    let output = crate::ui::widgets::bidi_edit::bidi_edit_string_ui(ui, id, views.address_text, &options);
    output.response.on_hover_text(tr(lang, "address"));
    if output.submitted {
        match views.address_text.parse::<Address>() {
            Ok(address) => commands.push(Command::Navigate(address)),
            Err(err) => *views.address_error = Some(err.to_string()),
        }
    }
    if ui.button(tr(lang, "copy")).on_hover_text(tr(lang, "copy address")).clicked() {
        ui.ctx().copy_text(state.history.current().to_string());
    }
    if let Some(error) = views.address_error.as_ref() {
        let message = format!("{}: {}", tr(lang, "unknown address"), isolate(error));
        crate::ui::widgets::paragraphs::styled_label_ui(
            ui,
            &message,
            egui::TextStyle::Body,
            ui.visuals().error_fg_color,
        );
    }
    ui.separator();
    if crate::ui::widgets::paragraphs::hover_text_ui(ui.button(tr(lang, "map")), tr(lang, "map hint")).clicked() {
        commands.push(Command::Navigate(map_of_selected(state)));
    }
    if crate::ui::widgets::paragraphs::hover_text_ui(ui.button(tr(lang, "import")), tr(lang, "import hint")).clicked() {
        commands.push(Command::Import(crate::ui::context::command::ImportAction::Choose));
    }
    crate::ui::views::tour::tours_button_ui(ui, lang, views.tours, commands);
    let suggestions = ui.button(tr(lang, "suggestions button"));
    if crate::ui::widgets::paragraphs::hover_text_ui(suggestions, tr(lang, "suggested concepts hint")).clicked() {
        commands.push(Command::Navigate(Address::Suggestions));
    }
    crate::ui::shell::export_menu::export_menu_ui(ui, lang, views.current_map, commands);
    ui.separator();
    let languages = [Lang::En, Lang::Fa, Lang::Ar].map(|option| (option, language_name(option)));
    let (combo, picked) = crate::ui::widgets::choice::combo_ui(ui, lang, lang, &languages);
    crate::ui::widgets::paragraphs::hover_text_ui(combo, tr(lang, "interface language"));
    if let Some(option) = picked.filter(|option| *option != lang) {
        commands.push(Command::SetUiLang(option));
    }
    let theme_label = if state.dark { tr(lang, "light") } else { tr(lang, "dark") };
    if ui.button(theme_label).on_hover_text(tr(lang, "theme")).clicked() {
        commands.push(Command::SetDark(!state.dark));
    }
}

/// The map's address from the top bar or Ctrl+M: the neighbourhood of the
/// selected concept, or the whole map.
pub fn map_of_selected(state: &AppState) -> Address {
    Address::Map { focus: state.selected.clone(), depth: None }
}
