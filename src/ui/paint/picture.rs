//! PNG export: the same page as the SVG ([`crate::export`]), painted with egui
//! — labels, captions and legend through our bidi layout and the bundled
//! Vazirmatn — then rasterized on the CPU ([`crate::ui::paint::raster`]) and encoded.
//!
//! [`paint_step`] paints a step with the map view's painter
//! ([`crate::ui::paint::map`]); the presenter, the tour preview and the export share it.

use egui::{Align2, FontId, Painter, Pos2, Shape, Stroke};

use crate::export::look;
use crate::export::map::SettledMap;
use crate::export::view::StepView;
use crate::export::{PAGE_MARGIN, Picture, Prepared, svg};
use crate::graph::scene::Scene;
use crate::text::Lang;
use crate::text::bidi_layout::ParagraphDirection;
use crate::ui::paint::map::{MapPaint, colour, paint_map};
use crate::ui::widgets::bidi_text::{BidiTextStyle, cached_layout, paint_bidi_label, paint_layout};

/// The PNG bytes of a prepared page at `scale` pixels per point.
pub fn png_of(map: &SettledMap, prepared: &Prepared, scale: f32) -> Result<Vec<u8>, crate::export::ExportError> {
    let image = rgba_of(map, prepared, scale);
    encode_png(image.width, image.height, &image.pixels).map_err(|e| crate::export::ExportError::Encode(e.to_string()))
}

/// PNG bytes of an 8-bit RGBA image, marked as ours (see `export::own`).
pub fn encode_png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, png::EncodingError> {
    crate::export::own::encode_png(width, height, rgba)
}

/// The page as RGBA pixels.
pub fn rgba_of(map: &SettledMap, prepared: &Prepared, scale: f32) -> crate::ui::paint::raster::RgbaImage {
    let size = egui::Vec2::new(prepared.picture.size.x, prepared.picture.size.y);
    crate::ui::paint::raster::render_offscreen(size, scale, |ui| {
        let painter = ui.painter();
        painter.rect_filled(egui::Rect::from_min_size(Pos2::ZERO, size), 0.0, colour(look::BACKGROUND));
        let origin = prepared.picture.map_origin();
        let map_painter = painter.with_clip_rect(egui::Rect::from_min_size(
            Pos2::new(origin.x, origin.y),
            egui::Vec2::new(prepared.picture.map_size().x, prepared.picture.map_size().y),
        ));
        let at = Pos2::new(origin.x, origin.y);
        let legend = prepared.picture.legend_rect();
        let reserved =
            [egui::Rect::from_min_max(Pos2::new(legend.min.x, legend.min.y), Pos2::new(legend.max.x, legend.max.y))];
        let step_look = StepLook { lang: prepared.picture.lang, label_size: svg::LABEL_SIZE, reserved: &reserved };
        paint_step(&map_painter, at, map, &prepared.view, &prepared.scene, &step_look);
        paint_caption(painter, &prepared.picture);
        paint_legend(painter, &prepared.picture);
    })
}

/// How a step is painted: its language, the size of label text in points
/// (the presenter's large type), and areas drawn over the map that labels keep out of.
#[derive(Clone, Copy)]
pub struct StepLook<'a> {
    pub lang: Lang,
    pub label_size: f32,
    pub reserved: &'a [egui::Rect],
}

/// Paints a step's scene with the map view's painter, the view's top-left at `origin`.
pub fn paint_step(
    painter: &Painter,
    origin: Pos2,
    map: &SettledMap,
    view: &StepView,
    scene: &Scene,
    step_look: &StepLook,
) {
    let StepLook { lang, label_size, reserved } = *step_look;
    let labels: Vec<String> = (0..map.data.graph.node_count()).map(|n| map.label(n, lang).to_string()).collect();
    let paint = MapPaint {
        graph: &map.data.graph,
        scene,
        origin,
        labels: &labels,
        noted: None,
        labelled: view.focus.as_ref(),
        highlighted_nodes: Some(&view.highlight_nodes),
        highlighted_edges: Some(&view.highlight_edges),
        focused: view.focus_node,
        selected_edge: None,
        dark: false,
        lang,
        label_size,
        reserved,
    };
    paint_map(painter, &paint);
}

/// The heading and the wrapped caption, each aligned to its own direction.
fn paint_caption(painter: &Painter, picture: &Picture) {
    if picture.heading.is_empty() && picture.caption.is_empty() {
        return;
    }
    let width = picture.size.x - 2.0 * PAGE_MARGIN;
    let mut y = PAGE_MARGIN;
    if !picture.heading.is_empty() {
        let style = BidiTextStyle::new(FontId::proportional(svg::LEGEND_SIZE), colour(look::MUTED_TEXT));
        let direction = if picture.lang.is_rtl() { ParagraphDirection::Rtl } else { ParagraphDirection::Auto };
        let (x, anchor) = if crate::export::is_rtl_text(&picture.heading) || picture.lang.is_rtl() {
            (picture.size.x - PAGE_MARGIN, Align2::RIGHT_TOP)
        } else {
            (PAGE_MARGIN, Align2::LEFT_TOP)
        };
        paint_bidi_label(painter, Pos2::new(x, y), anchor, &picture.heading, direction, &style);
        y += svg::LEGEND_SIZE * 1.5 + 8.0;
    }
    let style = BidiTextStyle::new(FontId::proportional(svg::CAPTION_SIZE), colour(look::TEXT));
    let layout = cached_layout(painter.ctx(), &picture.caption, &[], ParagraphDirection::Auto, width, &style);
    let row_height = style.row_height(painter.ctx()) * 1.15;
    paint_layout(painter, Pos2::new(PAGE_MARGIN, y), &layout, &style, row_height);
}

/// Kinds and edge kinds in the bottom corner of the reading side.
fn paint_legend(painter: &Painter, picture: &Picture) {
    let rtl = picture.lang.is_rtl();
    let row = svg::LEGEND_SIZE * 1.7;
    let mut y = picture.size.y - PAGE_MARGIN - crate::export::LEGEND_ROWS * row + row * 0.5;
    let glyph_x = if rtl { picture.size.x - PAGE_MARGIN - 12.0 } else { PAGE_MARGIN + 12.0 };
    let text_x = if rtl { glyph_x - 16.0 } else { glyph_x + 16.0 };
    let anchor = if rtl { Align2::RIGHT_CENTER } else { Align2::LEFT_CENTER };
    let style = BidiTextStyle::new(FontId::proportional(svg::LEGEND_SIZE), colour(look::TEXT));
    let legend = picture.legend_rect();
    let backdrop =
        egui::Rect::from_min_max(Pos2::new(legend.min.x, legend.min.y), Pos2::new(legend.max.x, legend.max.y));
    painter.rect_filled(backdrop, 4.0, colour(look::BACKGROUND.with_alpha(215)));
    for kind in 0..4u16 {
        let fill = colour(look::node_fill(kind));
        let points = look::glyph_points(look::node_glyph(kind), glyph_x, y, 6.0);
        if points.is_empty() {
            painter.circle_filled(Pos2::new(glyph_x, y), 6.0, fill);
        } else {
            painter.add(Shape::convex_polygon(
                points.into_iter().map(|(x, y)| Pos2::new(x, y)).collect(),
                fill,
                Stroke::NONE,
            ));
        }
        let text = look::kind_name(kind, picture.lang);
        paint_bidi_label(painter, Pos2::new(text_x, y), anchor, text, ParagraphDirection::Auto, &style);
        y += row;
    }
    for co_occurrence in [false, true] {
        let kind = if co_occurrence { crate::export::map::CO_OCCURRENCE } else { 1 };
        let stroke = Stroke::new(2.0, colour(look::edge_colour(kind)));
        painter.line_segment([Pos2::new(glyph_x - 8.0, y), Pos2::new(glyph_x + 8.0, y)], stroke);
        let text = look::edge_legend(co_occurrence, picture.lang);
        paint_bidi_label(painter, Pos2::new(text_x, y), anchor, text, ParagraphDirection::Auto, &style);
        y += row;
    }
}
