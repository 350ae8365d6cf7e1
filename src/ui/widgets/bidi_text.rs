//! The egui side of the bidi paragraph layout ([`crate::text::bidi_layout`]):
//! measuring runs with egui fonts, painting one galley per run at its place, and
//! hit testing, and the plain widgets built on it — a one-line label and a
//! label painted at a point (map labels). The wrapped, selectable paragraph is
//! [`crate::ui::widgets::paragraphs::bidi_paragraph_ui`].
//!
//! Each run's LOGICAL substring is handed to egui as is (`layout_no_wrap`): egui's
//! shaper reverses an Arabic-script run by itself; the core already split off the
//! runs it would get wrong. Layouts are cached between frames in egui's temp data,
//! keyed by (text, spans, direction, width, font, style revision).
//!
//! ```no_run
//! use diplomap::text::bidi_layout::{ParagraphDirection, StyleId, StyleSpan};
//! use diplomap::ui::widgets::bidi_text::{BidiTextStyle, SpanLook};
//! use diplomap::ui::widgets::paragraphs::bidi_paragraph_ui;
//! fn show(ui: &mut egui::Ui) {
//!     let style = BidiTextStyle::new(egui::FontId::proportional(16.0), egui::Color32::WHITE)
//!         .with_look(StyleId(1), SpanLook::link(egui::Color32::LIGHT_BLUE));
//!     let spans = [StyleSpan { range: 0..14, style: StyleId(1) }];
//!     let output = bidi_paragraph_ui(ui, "اینترپل (INTERPOL) در سال 2021", &spans, ParagraphDirection::Auto, &style);
//!     if let Some(offset) = output.clicked_offset { println!("clicked byte {offset}"); }
//! }
//! ```

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::{Align2, Color32, Context, FontId, Id, Painter, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2};

use crate::text::bidi_layout::{
    LayoutOptions, Measure, ParagraphDirection, ParagraphLayout, RunKind, StyleId, StyleSpan, layout_paragraph,
};

/// How the runs of one style look. Widths do not depend on it (one font a paragraph).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SpanLook {
    pub color: Color32,
    pub background: Color32,
    pub underline: bool,
}

impl SpanLook {
    pub fn link(color: Color32) -> SpanLook {
        SpanLook { color, background: Color32::TRANSPARENT, underline: true }
    }

    pub fn highlight(color: Color32, background: Color32) -> SpanLook {
        SpanLook { color, background, underline: false }
    }
}

/// The font, the plain color and the look of each [`StyleId`]. Bump `revision`
/// when the looks change so cached layouts are dropped.
#[derive(Debug, Clone, PartialEq)]
pub struct BidiTextStyle {
    pub font_id: FontId,
    pub color: Color32,
    pub looks: Vec<(StyleId, SpanLook)>,
    pub revision: u64,
}

impl BidiTextStyle {
    pub fn new(font_id: FontId, color: Color32) -> BidiTextStyle {
        BidiTextStyle { font_id, color, looks: Vec::new(), revision: 0 }
    }

    pub fn with_look(mut self, style: StyleId, look: SpanLook) -> BidiTextStyle {
        self.looks.push((style, look));
        self
    }

    /// The look of `style`: its own, or plain text in the plain color.
    pub fn look(&self, style: StyleId) -> SpanLook {
        let own = self.looks.iter().find(|(id, _)| *id == style).map(|(_, look)| *look);
        own.unwrap_or(SpanLook { color: self.color, background: Color32::TRANSPARENT, underline: false })
    }

    /// The height of one line.
    pub fn row_height(&self, ctx: &Context) -> f32 {
        ctx.fonts_mut(|fonts| fonts.row_height(&self.font_id))
    }
}

/// [`Measure`] with egui's fonts: the width of the galley egui makes of a run.
pub struct EguiMeasure {
    ctx: Context,
    font_id: FontId,
}

impl EguiMeasure {
    pub fn new(ctx: &Context, font_id: FontId) -> EguiMeasure {
        EguiMeasure { ctx: ctx.clone(), font_id }
    }
}

impl Measure for EguiMeasure {
    fn width(&mut self, text: &str, _style: StyleId) -> f32 {
        let font_id = self.font_id.clone();
        self.ctx.fonts_mut(|fonts| fonts.layout_no_wrap(text.to_owned(), font_id, Color32::WHITE).size().x)
    }
}

/// One line of text (hard breaks still start new lines), as wide as it is; a
/// text wider than the space left wraps instead of pushing the layout wider.
pub fn bidi_label_ui(ui: &mut Ui, text: &str, direction: ParagraphDirection, style: &BidiTextStyle) -> Response {
    let mut layout = cached_layout(ui.ctx(), text, &[], direction, f32::INFINITY, style);
    let available = ui.available_width();
    if layout.width() > available && available > 0.0 {
        layout = cached_layout(ui.ctx(), text, &[], direction, available, style);
    }
    let row_height = style.row_height(ui.ctx());
    let size = Vec2::new(layout.width(), row_height * layout.lines().len() as f32);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if ui.is_rect_visible(rect) {
        paint_layout(ui.painter(), rect.min, &layout, style, row_height);
    }
    response
}

/// Paint `text` unwrapped with its box anchored at `pos` (a map label); returns the box.
pub fn paint_bidi_label(
    painter: &Painter,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    direction: ParagraphDirection,
    style: &BidiTextStyle,
) -> Rect {
    let layout = cached_layout(painter.ctx(), text, &[], direction, f32::INFINITY, style);
    let row_height = style.row_height(painter.ctx());
    let size = Vec2::new(layout.width(), row_height * layout.lines().len() as f32);
    let rect = anchor.anchor_size(pos, size);
    paint_layout(painter, rect.min, &layout, style, row_height);
    rect
}

/// Lay out, or take last frame's layout if nothing it depends on changed.
pub fn cached_layout(
    ctx: &Context,
    text: &str,
    spans: &[StyleSpan],
    direction: ParagraphDirection,
    width: f32,
    style: &BidiTextStyle,
) -> Arc<ParagraphLayout> {
    // One slot per text, replaced when anything else changes, so resizing a
    // window does not pile up layouts for every width it went through.
    // A label that wraps only when space is short keeps both layouts: an
    // unbounded one and a bounded one live in different slots.
    let id = Id::unique(("diplomap_bidi_layout", hash_of(text), width.is_finite()));
    let key = layout_key(spans, direction, width, style);
    let cached = ctx.data(|data| data.get_temp::<(u64, Arc<ParagraphLayout>)>(id));
    if let Some((cached_key, layout)) = cached
        && cached_key == key
        && layout.text() == text
    {
        return layout;
    }
    let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
    let layout = Arc::new(layout_paragraph(text, spans, &LayoutOptions::new(direction, width), &mut measure));
    ctx.data_mut(|data| data.insert_temp(id, (key, Arc::clone(&layout))));
    layout
}

pub(super) fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// Everything besides the text a layout depends on: spans, direction, width, font, look revision.
fn layout_key(spans: &[StyleSpan], direction: ParagraphDirection, width: f32, style: &BidiTextStyle) -> u64 {
    hash_of((spans, direction, width.to_bits(), &style.font_id, style.revision))
}

/// Paint every run of `layout` with the box's top-left corner at `origin`.
pub fn paint_layout(painter: &Painter, origin: Pos2, layout: &ParagraphLayout, style: &BidiTextStyle, row_height: f32) {
    let text = layout.text();
    for (index, line) in layout.lines().iter().enumerate() {
        let top = origin.y + index as f32 * row_height;
        for run in line.runs.iter().filter(|run| run.kind != RunKind::HardBreak) {
            let look = style.look(run.style);
            let run_rect = Rect::from_min_size(Pos2::new(origin.x + run.x, top), Vec2::new(run.width, row_height));
            if look.background != Color32::TRANSPARENT {
                painter.rect_filled(run_rect, 2.0, look.background);
            }
            if run.kind == RunKind::Text {
                let galley =
                    painter.layout_no_wrap(run.painted_text(text).into_owned(), style.font_id.clone(), look.color);
                painter.galley(run_rect.min, galley, look.color);
            }
            if look.underline {
                let y = run_rect.bottom() - 1.0;
                painter.line_segment(
                    [Pos2::new(run_rect.left(), y), Pos2::new(run_rect.right(), y)],
                    Stroke::new(1.0, look.color),
                );
            }
        }
    }
}

/// The byte offset of the caret stop nearest to `pos` (the box's top-left at `origin`).
pub fn offset_at(ctx: &Context, layout: &ParagraphLayout, origin: Pos2, pos: Pos2, style: &BidiTextStyle) -> usize {
    let mut measure = EguiMeasure::new(ctx, style.font_id.clone());
    let local = pos - origin;
    layout.hit_test(local.x, local.y, style.row_height(ctx), &mut measure)
}

/// The byte under `pos` if `pos` is over a painted run.
pub fn offset_over_run(
    ctx: &Context,
    layout: &ParagraphLayout,
    origin: Pos2,
    pos: Pos2,
    style: &BidiTextStyle,
) -> Option<usize> {
    let row_height = style.row_height(ctx);
    let local = pos - origin;
    if local.y < 0.0 || row_height <= 0.0 {
        return None;
    }
    let line = layout.lines().get((local.y / row_height) as usize)?;
    let run =
        line.runs.iter().find(|run| run.kind == RunKind::Text && run.x <= local.x && local.x < run.x + run.width)?;
    let offset = offset_at(ctx, layout, origin, pos, style);
    Some(offset.clamp(run.range.start, run.range.end.saturating_sub(1)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::bidi_layout::Direction;

    /// Run `check` inside one egui frame with the app's fonts installed.
    fn with_fonts(check: impl FnOnce(&Context)) {
        let ctx = Context::default();
        crate::ui::widgets::fonts::install_fonts(&ctx);
        let mut check = Some(check);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            if let Some(check) = check.take() {
                check(ui.ctx());
            }
        });
        output.textures_delta.clear();
    }

    #[test]
    fn measures_persian_english_and_digits_with_the_bundled_fonts() {
        with_fonts(|ctx| {
            let mut measure = EguiMeasure::new(ctx, FontId::proportional(16.0));
            let persian = measure.width("دیپلماسی پلیس", StyleId::PLAIN);
            let english = measure.width("INTERPOL", StyleId::PLAIN);
            let digits = measure.width("۱۳۹۱", StyleId::PLAIN);
            assert!(persian > 0.0 && english > 0.0 && digits > 0.0);
            assert!(measure.width("abcabc", StyleId::PLAIN) > measure.width("abc", StyleId::PLAIN));
        });
    }

    /// Each run painted by egui must come out in the visual order the core meant:
    /// the glyphs of all run galleys, sorted by x, read as the layout's visual order.
    #[test]
    fn egui_paints_the_runs_in_the_visual_order_of_the_layout() {
        with_fonts(|ctx| {
            let font_id = FontId::proportional(16.0);
            for text in
                ["اینترپل (INTERPOL) در سال 2021 با 194 عضو", "سال ۱۳۹۱ (۲۰۱۲) بود", "(2021) پلیس", "abc (123) دیپ"]
            {
                let mut measure = EguiMeasure::new(ctx, font_id.clone());
                let layout =
                    layout_paragraph(text, &[], &LayoutOptions::unbounded(ParagraphDirection::Auto), &mut measure);
                let mut painted: Vec<(f32, char)> = Vec::new();
                let mut expected: Vec<char> = Vec::new();
                for run in &layout.lines()[0].runs {
                    let galley = ctx.fonts_mut(|fonts| {
                        fonts.layout_no_wrap(run.painted_text(text).into_owned(), font_id.clone(), Color32::WHITE)
                    });
                    for row in &galley.rows {
                        // egui also emits zero-advance glyphs after an RTL run (one per
                        // logical char, for cursors): only inked glyphs count.
                        for glyph in row.row.glyphs.iter().filter(|glyph| glyph.advance_width > 0.0) {
                            painted.push((run.x + row.pos.x + glyph.pos.x, glyph.chr));
                        }
                    }
                    let mut chars: Vec<char> = run.painted_text(text).chars().collect();
                    if run.direction() == Direction::Rtl {
                        chars.reverse();
                    }
                    expected.extend(chars.into_iter().filter(|c| !c.is_whitespace()));
                }
                painted.sort_by(|a, b| a.0.total_cmp(&b.0));
                let painted: String = painted.into_iter().map(|(_, c)| c).filter(|c| !c.is_whitespace()).collect();
                let expected: String = expected.into_iter().collect();
                assert_eq!(painted, expected, "{text}");
            }
        });
    }

    #[test]
    fn layouts_are_cached_between_frames() {
        with_fonts(|ctx| {
            let style = BidiTextStyle::new(FontId::proportional(14.0), Color32::WHITE);
            let first = cached_layout(ctx, "دیپلماسی پلیس", &[], ParagraphDirection::Auto, 200.0, &style);
            let second = cached_layout(ctx, "دیپلماسی پلیس", &[], ParagraphDirection::Auto, 200.0, &style);
            assert!(Arc::ptr_eq(&first, &second));
            let other = cached_layout(ctx, "دیپلماسی پلیس", &[], ParagraphDirection::Auto, 300.0, &style);
            assert!(!Arc::ptr_eq(&first, &other));
            assert_eq!(other.width(), 300.0);
            let again = cached_layout(ctx, "دیپلماسی پلیس", &[], ParagraphDirection::Auto, 300.0, &style);
            assert!(Arc::ptr_eq(&other, &again));
        });
    }
}
