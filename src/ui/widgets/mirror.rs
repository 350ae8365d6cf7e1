//! Mirroring for a right-to-left interface (fa, ar): columns hug the right
//! edge and rows run from right to left. Views call these instead of
//! `ui.horizontal` so the whole window mirrors with the interface language.

use eframe::egui;

/// A top-down layout whose widgets hug the start side of the interface.
pub fn column_layout(rtl: bool) -> egui::Layout {
    egui::Layout::top_down(if rtl { egui::Align::Max } else { egui::Align::Min })
}

/// Lays `add` out top-down against the interface's start side.
pub fn column<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    ui.with_layout(column_layout(rtl), add)
}

/// A row of widgets in reading order: left to right, or right to left.
pub fn row<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    if !rtl {
        return ui.horizontal(add);
    }
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), add)
}

/// A row that wraps onto more lines when it runs out of width.
pub fn wrapped_row<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    if !rtl {
        return ui.horizontal_wrapped(add);
    }
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true), add)
}

/// A row whose `end` widgets (a message's buttons) stand at the interface's
/// end side and keep their room, the outermost added first, and whose `body`
/// fills the rest from the start side, wrapping there when long: a long
/// message never pushes its buttons out of the window.
pub fn row_with_end<R>(
    ui: &mut egui::Ui,
    rtl: bool,
    end: impl FnOnce(&mut egui::Ui),
    body: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let (towards_end, towards_start) = match rtl {
        false => (egui::Layout::right_to_left(egui::Align::Center), egui::Layout::left_to_right(egui::Align::Center)),
        true => (egui::Layout::left_to_right(egui::Align::Center), egui::Layout::right_to_left(egui::Align::Center)),
    };
    ui.with_layout(towards_end, |ui| {
        end(ui);
        let rest = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
        ui.allocate_ui_with_layout(rest, towards_start, body).inner
    })
    .inner
}
