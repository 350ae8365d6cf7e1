//! How every view shows corpus and user text: paragraphs with highlighted,
//! clickable mentions, and single-line labels, all through the bidi layout
//! ([`crate::ui::widgets::bidi_text`]), each in the direction of its own text.
//! Paragraphs can be selected with the mouse and copied with Ctrl+C, alone or
//! across the paragraphs of a group ([`crate::ui::widgets::paragraph_selection`]).

use std::ops::Range;
use std::sync::Arc;

use eframe::egui;
use egui::{Color32, Context, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use crate::text::bidi_layout::{Direction, ParagraphDirection, ParagraphLayout, StyleId, StyleSpan};
use crate::ui::widgets::bidi_text::{
    BidiTextStyle, EguiMeasure, SpanLook, bidi_label_ui, cached_layout, offset_at, offset_over_run, paint_layout,
};

/// What a paragraph did this frame.
pub struct BidiParagraphOutput {
    pub response: Response,
    /// The byte offset clicked, if the paragraph was clicked.
    pub clicked_offset: Option<usize>,
    /// The byte offset under the pointer, if it is over a run.
    pub hovered_offset: Option<usize>,
    /// The index in `spans` of the span under the pointer (the last one wins).
    pub hovered_span: Option<usize>,
    /// The selected bytes of this paragraph, if it holds (a share of) the selection.
    pub selection: Option<std::ops::Range<usize>>,
    /// Whether the selection goes on into the next paragraphs of its group.
    pub selection_continues: bool,
    pub layout: Arc<ParagraphLayout>,
}

/// The screen rectangles, one per line piece, of the bytes `range` of `layout`
/// drawn with its top-left corner at `origin`.
fn range_rects(
    ctx: &Context,
    origin: Pos2,
    layout: &ParagraphLayout,
    style: &BidiTextStyle,
    range: std::ops::Range<usize>,
) -> Vec<Rect> {
    let row_height = style.row_height(ctx);
    let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
    let rect_of = |piece: crate::text::bidi_layout::SelectionRect| {
        let top = origin.y + piece.line as f32 * row_height;
        Rect::from_min_max(Pos2::new(origin.x + piece.x_min, top), Pos2::new(origin.x + piece.x_max, top + row_height))
    };
    layout.selection_rects(range, &mut measure).into_iter().map(rect_of).collect()
}

/// Paint the selection's rectangles (under the text).
fn paint_selection(
    ui: &Ui,
    origin: Pos2,
    layout: &ParagraphLayout,
    style: &BidiTextStyle,
    range: std::ops::Range<usize>,
) {
    let fill = ui.visuals().selection.bg_fill;
    for rect in range_rects(ui.ctx(), origin, layout, style, range) {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
}

/// Underlines the bytes `ranges` of a painted paragraph (`output` of
/// [`bidi_paragraph_ui`]) with a thick line of `color`, piece by piece as
/// they are shown, so a mark follows a passage through mixed-direction lines.
pub fn paint_range_marks(
    ui: &Ui,
    output: &BidiParagraphOutput,
    style: &BidiTextStyle,
    ranges: &[std::ops::Range<usize>],
    color: Color32,
) {
    if !ui.is_rect_visible(output.response.rect) {
        return;
    }
    for range in ranges {
        for rect in range_rects(ui.ctx(), output.response.rect.min, &output.layout, style, range.clone()) {
            let y = rect.bottom() - 1.5;
            ui.painter().line_segment([Pos2::new(rect.left(), y), Pos2::new(rect.right(), y)], Stroke::new(2.0, color));
        }
    }
}

/// A paragraph wrapped to the available width, RTL aligned right.
pub fn bidi_paragraph_ui(
    ui: &mut Ui,
    text: &str,
    spans: &[StyleSpan],
    direction: ParagraphDirection,
    style: &BidiTextStyle,
) -> BidiParagraphOutput {
    let width = ui.available_width();
    let layout = cached_layout(ui.ctx(), text, spans, direction, width, style);
    let row_height = style.row_height(ui.ctx());
    let size = Vec2::new(width, row_height * layout.lines().len() as f32);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    let selection = crate::ui::widgets::paragraph_selection::update(ui.ctx(), &response, &layout, rect.min, style);
    if ui.is_rect_visible(rect) {
        if let Some(selection) = &selection {
            paint_selection(ui, rect.min, &layout, style, selection.range.clone());
        }
        paint_layout(ui.painter(), rect.min, &layout, style, row_height);
    }
    let hovered_offset = response.hover_pos().and_then(|pos| offset_over_run(ui.ctx(), &layout, rect.min, pos, style));
    if hovered_offset.is_some() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::Text);
    }
    let clicked_offset = if response.clicked() && !ui.input(|input| input.modifiers.shift) {
        response.interact_pointer_pos().map(|pos| offset_at(ui.ctx(), &layout, rect.min, pos, style))
    } else {
        None
    };
    let hovered_span = hovered_offset.and_then(|offset| spans.iter().rposition(|span| span.range.contains(&offset)));
    let selection = selection.filter(|selection| !selection.range.is_empty());
    let selection_continues = selection.as_ref().is_some_and(|selection| selection.continues);
    let selection = selection.map(|selection| selection.range);
    BidiParagraphOutput {
        response,
        clicked_offset,
        hovered_offset,
        hovered_span,
        selection,
        selection_continues,
        layout,
    }
}

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
    /// The byte offset clicked, wherever it was.
    pub clicked_offset: Option<usize>,
    /// The bytes selected in this paragraph (drag, double click), if any.
    pub selection: Option<Range<usize>>,
    /// Whether the selection goes on into the next paragraphs (in a
    /// [`crate::ui::widgets::paragraph_selection::selection_group`]).
    pub selection_continues: bool,
    pub rect: Option<egui::Rect>,
}

/// A paragraph of corpus text, wrapped to the available width, laid out in its
/// own direction, with its highlights.
pub fn paragraph_ui(ui: &mut egui::Ui, text: &str, highlights: &[Highlight]) -> ParagraphResponse {
    paragraph_ui_sized(ui, text, highlights, egui::TextStyle::Body)
}

/// [`paragraph_ui`] in a text style of the theme (presenter captions use a big one).
pub fn paragraph_ui_sized(
    ui: &mut egui::Ui,
    text: &str,
    highlights: &[Highlight],
    text_style: egui::TextStyle,
) -> ParagraphResponse {
    paragraph_with_marks(ui, text, highlights, &[], egui::Color32::TRANSPARENT, text_style)
}

/// [`paragraph_ui`] with the byte ranges `marks` underlined in `mark_color`
/// (passages that carry a note); marks may overlap the highlights.
pub fn paragraph_ui_marked(
    ui: &mut egui::Ui,
    text: &str,
    highlights: &[Highlight],
    marks: &[Range<usize>],
    mark_color: egui::Color32,
) -> ParagraphResponse {
    paragraph_with_marks(ui, text, highlights, marks, mark_color, egui::TextStyle::Body)
}

fn paragraph_with_marks(
    ui: &mut egui::Ui,
    text: &str,
    highlights: &[Highlight],
    marks: &[Range<usize>],
    mark_color: egui::Color32,
    text_style: egui::TextStyle,
) -> ParagraphResponse {
    let mut style = BidiTextStyle::new(font_of(ui, &text_style), ui.visuals().text_color());
    let mut spans = Vec::with_capacity(highlights.len());
    for (index, highlight) in highlights.iter().enumerate() {
        let id = StyleId(index as u32 + 1);
        let background = highlight_background(highlight.color, highlight.strong);
        let mut look = SpanLook::highlight(ui.visuals().strong_text_color(), background);
        look.underline = highlight.strong;
        style = style.with_look(id, look);
        spans.push(StyleSpan { range: highlight.range.clone(), style: id });
    }
    let output = bidi_paragraph_ui(ui, text, &spans, ParagraphDirection::Auto, &style);
    paint_range_marks(ui, &output, &style, marks, mark_color);
    output
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Paragraph, true, crate::i18n::strip_isolates(text)));
    if output.hovered_span.is_some_and(|index| highlights.get(index).is_some_and(|h| h.concept.is_some())) {
        output.response.ctx.set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    let concept_at =
        |offset: usize| highlights.iter().rev().find(|h| h.range.contains(&offset)).and_then(|h| h.concept);
    ParagraphResponse {
        clicked_concept: output.clicked_offset.and_then(concept_at),
        hovered_concept: output.hovered_span.and_then(|index| highlights.get(index)).and_then(|h| h.concept),
        clicked_offset: output.clicked_offset,
        selection: output.selection,
        selection_continues: output.selection_continues,
        rect: Some(output.response.rect),
    }
}

/// One line of corpus or user text (a list row, a title), in its own direction.
pub fn label_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    styled_label_ui(ui, text, egui::TextStyle::Body, ui.visuals().text_color())
}

/// A heading of corpus or user text.
pub fn heading_ui(ui: &mut egui::Ui, text: &str) -> egui::Response {
    styled_label_ui(ui, text, egui::TextStyle::Heading, ui.visuals().strong_text_color())
}

/// One line in a text style and colour.
pub fn styled_label_ui(
    ui: &mut egui::Ui,
    text: &str,
    text_style: egui::TextStyle,
    color: egui::Color32,
) -> egui::Response {
    let style = BidiTextStyle::new(font_of(ui, &text_style), color);
    let response = bidi_label_ui(ui, text, ParagraphDirection::Auto, &style);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, crate::i18n::strip_isolates(text)));
    response
}

/// A clickable list row of corpus or user text (a concept, a document, a
/// result), wrapped if long, aligned to the interface's start side
/// (`rtl_ui`), exposed to AccessKit as a selectable item with its text.
pub fn selectable_row_ui(ui: &mut egui::Ui, selected: bool, text: &str, rtl_ui: bool) -> egui::Response {
    let color = if selected { ui.visuals().strong_text_color() } else { ui.visuals().text_color() };
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), color);
    let label = crate::i18n::strip_isolates(text);
    row_ui(ui, selected, text, &[], ParagraphDirection::Auto, &style, &label, rtl_ui)
}

/// Interface text assembled from pieces, each in a style: words of the
/// interface and, among them, names (a concept's, perhaps in another script).
/// A name is isolated (FSI … PDI) so that, Latin inside Persian or Persian
/// inside English, it keeps its own direction and never reorders the words
/// around it; laid out in the interface's direction, the pieces read in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Runs {
    text: String,
    plain: String,
    spans: Vec<StyleSpan>,
}

impl Runs {
    pub fn new() -> Runs {
        Runs::default()
    }

    /// Appends interface words in `style`.
    pub fn push(&mut self, words: &str, style: StyleId) {
        let start = self.text.len();
        self.text.push_str(words);
        self.plain.push_str(words);
        self.spans.push(StyleSpan { range: start..self.text.len(), style });
    }

    /// Appends a name in `style`, isolated from the words around it.
    pub fn push_isolated(&mut self, name: &str, style: StyleId) {
        let start = self.text.len();
        self.text.push_str(&crate::i18n::isolate(name));
        self.plain.push_str(name);
        self.spans.push(StyleSpan { range: start..self.text.len(), style });
    }

    /// The text to lay out (names isolated).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text without the isolating marks: what a screen reader is given.
    pub fn plain(&self) -> &str {
        &self.plain
    }

    pub fn spans(&self) -> &[StyleSpan] {
        &self.spans
    }
}

/// The paragraph direction of interface text: the interface's own.
pub fn interface_direction(rtl_ui: bool) -> ParagraphDirection {
    if rtl_ui { ParagraphDirection::Rtl } else { ParagraphDirection::Ltr }
}

/// [`selectable_row_ui`] for a row built of [`Runs`] (a sentence of the
/// interface naming a concept), laid out in the interface's direction, each
/// run in its look from `style`; its accessible label is the plain text.
pub fn selectable_runs_row_ui(
    ui: &mut egui::Ui,
    selected: bool,
    runs: &Runs,
    style: &BidiTextStyle,
    rtl_ui: bool,
) -> egui::Response {
    row_ui(ui, selected, runs.text(), runs.spans(), interface_direction(rtl_ui), style, runs.plain(), rtl_ui)
}

/// [`Runs`] as a label as wide as the space left, wrapped if long, in the
/// interface's direction (so against its start side).
pub fn runs_label_ui(ui: &mut egui::Ui, runs: &Runs, style: &BidiTextStyle, rtl_ui: bool) -> egui::Response {
    let width = ui.available_width().max(1.0);
    let direction = interface_direction(rtl_ui);
    let layout = cached_layout(ui.ctx(), runs.text(), runs.spans(), direction, width, style);
    let row_height = style.row_height(ui.ctx());
    let size = Vec2::new(layout.width(), row_height * layout.lines().len() as f32);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, runs.plain()));
    if ui.is_rect_visible(rect) {
        paint_layout(ui.painter(), rect.min, &layout, style, row_height);
    }
    response
}

#[allow(clippy::too_many_arguments)]
fn row_ui(
    ui: &mut egui::Ui,
    selected: bool,
    text: &str,
    spans: &[StyleSpan],
    direction: ParagraphDirection,
    style: &BidiTextStyle,
    label: &str,
    rtl_ui: bool,
) -> egui::Response {
    let padding = egui::vec2(6.0, 3.0);
    let visuals = ui.visuals().clone();
    let width = (ui.available_width() - 2.0 * padding.x).max(1.0);
    let layout = cached_layout(ui.ctx(), text, spans, direction, width, style);
    let row_height = style.row_height(ui.ctx());
    let height = row_height * layout.lines().len() as f32 + 2.0 * padding.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, label));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let fill = if selected {
        visuals.selection.bg_fill
    } else if response.hovered() || response.has_focus() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        egui::Color32::TRANSPARENT
    };
    ui.painter().rect_filled(rect, 3.0, fill);
    if response.has_focus() {
        ui.painter().rect_stroke(rect, 3.0, visuals.selection.stroke, egui::StrokeKind::Inside);
    }
    let spare = layout.width() - layout.content_width();
    let shift = match (layout.direction(), rtl_ui) {
        (Direction::Rtl, false) => -spare,
        (Direction::Ltr, true) => spare,
        _ => 0.0,
    };
    let origin = rect.min + padding + egui::vec2(shift, 0.0);
    paint_layout(ui.painter(), origin, &layout, style, row_height);
    response
}

/// A small framed button with corpus or interface text in its own direction
/// (table-of-contents entries, chips); exposed to AccessKit as a button.
pub fn chip_ui(ui: &mut egui::Ui, text: &str, selected: bool) -> egui::Response {
    let padding = egui::vec2(6.0, 2.0);
    let visuals = ui.visuals().clone();
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), visuals.text_color());
    let layout = cached_layout(ui.ctx(), text, &[], ParagraphDirection::Auto, f32::INFINITY, &style);
    let row_height = style.row_height(ui.ctx());
    let size = egui::vec2(layout.width(), row_height * layout.lines().len() as f32) + 2.0 * padding;
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::Button, true, selected, crate::i18n::strip_isolates(text))
    });
    if ui.is_rect_visible(rect) {
        let widget = ui.style().interact_selectable(&response, selected);
        ui.painter().rect(rect, 4.0, widget.weak_bg_fill, widget.bg_stroke, egui::StrokeKind::Inside);
        paint_layout(ui.painter(), rect.min + padding, &layout, &style, row_height);
    }
    response
}

/// A drop-down's button: `text` through the bidi layout and a small
/// triangle pointing down on the end side of it (left in fa/ar, where egui
/// would put it right); painted, since no bundled font has the glyph.
pub fn drop_down_button_ui(ui: &mut egui::Ui, text: &str, rtl: bool) -> egui::Response {
    let padding = egui::vec2(6.0, 2.0);
    let visuals = ui.visuals().clone();
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), visuals.text_color());
    let direction = if rtl { ParagraphDirection::Rtl } else { ParagraphDirection::Ltr };
    let layout = cached_layout(ui.ctx(), text, &[], direction, f32::INFINITY, &style);
    let row_height = style.row_height(ui.ctx());
    let mark = row_height * 0.5;
    let gap = 6.0;
    let text_size = egui::vec2(layout.width(), row_height * layout.lines().len() as f32);
    let size = text_size + egui::vec2(gap + mark, 0.0) + 2.0 * padding;
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    if ui.is_rect_visible(rect) {
        let widget = ui.style().interact(&response);
        ui.painter().rect(rect, 4.0, widget.weak_bg_fill, widget.bg_stroke, egui::StrokeKind::Inside);
        let inner = rect.shrink2(padding);
        let (text_at, mark_x) = match rtl {
            true => (egui::pos2(inner.max.x - text_size.x, inner.min.y), inner.min.x + mark / 2.0),
            false => (inner.min, inner.max.x - mark / 2.0),
        };
        paint_layout(ui.painter(), text_at, &layout, &style, row_height);
        let centre = egui::pos2(mark_x, inner.center().y);
        let half = mark / 2.0;
        let triangle = vec![
            centre + egui::vec2(-half, -half * 0.5),
            centre + egui::vec2(half, -half * 0.5),
            centre + egui::vec2(0.0, half * 0.6),
        ];
        ui.painter().add(egui::Shape::convex_polygon(triangle, widget.fg_stroke.color, egui::Stroke::NONE));
    }
    response
}

/// A tooltip of interface or corpus text, wrapped in its own direction (egui's
/// own tooltip would misorder a Persian line holding a shortcut or a number).
pub fn hover_text_ui(response: egui::Response, text: &str) -> egui::Response {
    response.on_hover_ui(|ui| {
        ui.set_max_width(340.0);
        paragraph_ui(ui, text, &[]);
    })
}

/// A small button showing `words` whose accessible name and hover say what
/// it acts on (`name`: "Remove the name «ICPO»"), the hover through the bidi
/// layout (a Latin name inside Persian words stays in order).
pub fn small_named_button_ui(ui: &mut egui::Ui, words: &str, name: &str) -> egui::Response {
    let button = ui.small_button(words);
    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    hover_text_ui(button, name)
}

/// A button whose text may mix scripts (a Persian label with a shortcut),
/// drawn through the bidi layout; greyed and inert when `enabled` is false.
pub fn button_ui(ui: &mut egui::Ui, text: &str, enabled: bool) -> egui::Response {
    ui.add_enabled_ui(enabled, |ui| chip_ui(ui, text, false)).inner
}

/// The font of a text style; the body font for a named style the theme lacks
/// ([`crate::ui::widgets::fonts::install_look`] adds them), never a panic.
pub fn font_of(ui: &egui::Ui, text_style: &egui::TextStyle) -> egui::FontId {
    let styles = &ui.style().text_styles;
    styles.get(text_style).or_else(|| styles.get(&egui::TextStyle::Body)).cloned().unwrap_or_default()
}

/// The colour of a highlight background for a concept colour.
pub fn highlight_fill(rgb: [u8; 3], strong: bool) -> egui::Color32 {
    let alpha = if strong { 150 } else { 70 };
    egui::Color32::from_rgba_unmultiplied(rgb[0], rgb[1], rgb[2], alpha)
}

/// A highlight's background: its colour, stronger when `strong`.
fn highlight_background(color: egui::Color32, strong: bool) -> egui::Color32 {
    if !strong {
        return color;
    }
    let [r, g, b, _] = color.to_srgba_unmultiplied();
    egui::Color32::from_rgba_unmultiplied(r, g, b, 170)
}

/// A form drawn as a modal window of at most `width` points (less on a
/// narrow window), its rows in reading order; whether it asks to be closed
/// (Escape, a click outside).
pub fn form_modal(ctx: &egui::Context, salt: &str, width: f32, rtl: bool, add: impl FnOnce(&mut egui::Ui)) -> bool {
    let modal = egui::Modal::new(egui::Id::unique(salt)).show(ctx, |ui| {
        ui.set_width(width.min(ctx.content_rect().width() - 40.0).max(200.0));
        crate::ui::widgets::mirror::column(ui, rtl, add);
    });
    modal.should_close()
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::FontId;

    #[test]
    fn paragraph_widget_wraps_to_the_available_width_and_aligns_rtl_right() {
        let ctx = Context::default();
        crate::ui::widgets::fonts::install_fonts(&ctx);
        let style = BidiTextStyle::new(FontId::proportional(14.0), Color32::WHITE);
        let text = "پلیس بین الملل (اینترپل) با ۱۹۶ کشور عضو، بزرگترین سازمان پلیس جهان است.";
        let mut lines = 0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.allocate_ui(Vec2::new(120.0, 800.0), |ui| {
                let output = bidi_paragraph_ui(ui, text, &[], ParagraphDirection::Auto, &style);
                lines = output.layout.lines().len();
                for line in output.layout.lines() {
                    let right = line.runs.iter().map(|run| run.x + run.width).fold(0.0, f32::max);
                    assert!(right <= output.layout.width() + 0.5);
                    assert!(line.content_width <= 120.0 + 0.5 || line.runs.len() == 1, "{line:?}");
                }
            });
        });
        output.textures_delta.clear();
        assert!(lines >= 3, "{lines} lines");
    }
}
