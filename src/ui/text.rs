//! How every view shows corpus and user text: paragraphs with highlighted,
//! clickable mentions, and single-line labels, all through the bidi layout
//! (`ui::bidi_text`), in the direction of the text itself.

use std::ops::Range;

use eframe::egui;

/// A highlighted range of a paragraph (byte offsets into its text).
#[derive(Debug, Clone)]
pub struct Highlight {
    pub range: Range<usize>,
    pub color: egui::Color32,
    /// The concept it is a mention of, if any (clicks select it).
    pub concept: Option<usize>,
    /// Drawn stronger (a hovered counterpart, the current find hit).
    pub strong: bool,
}

/// What happened to a paragraph this frame.
#[derive(Debug, Clone, Default)]
pub struct ParagraphResponse {
    pub clicked_concept: Option<usize>,
    pub hovered_concept: Option<usize>,
    pub rect: Option<egui::Rect>,
}

/// A paragraph of corpus text, wrapped to the available width, laid out in its
/// own direction, with its highlights.
pub fn paragraph_ui(ui: &mut egui::Ui, text: &str, highlights: &[Highlight]) -> ParagraphResponse {
    interim::paragraph_ui(ui, text, highlights)
}

/// One line of corpus or user text (a list row, a title), in its own direction.
pub fn label_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    interim::label_ui(ui, text, egui::TextStyle::Body)
}

/// A heading of corpus or user text.
pub fn heading_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    interim::label_ui(ui, text, egui::TextStyle::Heading)
}

/// The colour of a highlight background for a concept colour.
pub fn highlight_fill(rgb: [u8; 3], strong: bool) -> egui::Color32 {
    let alpha = if strong { 150 } else { 70 };
    egui::Color32::from_rgba_unmultiplied(rgb[0], rgb[1], rgb[2], alpha)
}

/// Stand-in until the bidi widget is wired in: egui's own layout.
mod interim {
    use super::*;

    pub fn paragraph_ui(ui: &mut egui::Ui, text: &str, highlights: &[Highlight]) -> ParagraphResponse {
        let mut job = egui::text::LayoutJob::default();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        let mut at = 0;
        for h in highlights {
            if h.range.start < at || h.range.end > text.len() {
                continue;
            }
            job.append(&text[at..h.range.start], 0.0, egui::TextFormat::simple(font.clone(), color));
            let mut format = egui::TextFormat::simple(font.clone(), color);
            format.background = h.color;
            job.append(&text[h.range.clone()], 0.0, format);
            at = h.range.end;
        }
        job.append(&text[at..], 0.0, egui::TextFormat::simple(font, color));
        job.wrap.max_width = ui.available_width();
        let response = ui.label(job);
        ParagraphResponse { rect: Some(response.rect), ..Default::default() }
    }

    pub fn label_ui(ui: &mut egui::Ui, text: &str, style: egui::TextStyle) -> egui::Response {
        ui.label(egui::RichText::new(text).text_style(style))
    }
}
