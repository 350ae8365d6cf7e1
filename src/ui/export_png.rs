//! PNG export: the same page as the SVG ([`crate::export`]), painted with egui
//! — labels, captions and legend through our bidi layout and the bundled
//! Vazirmatn — then rasterized on the CPU ([`super::raster`]) and encoded.
//!
//! [`paint_scene`] paints one frame of map primitives with a painter; the
//! presenter and the export share it.

use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke};

use super::bidi_text::{BidiTextStyle, cached_layout, paint_bidi_label, paint_layout};
use crate::export::look::{self, Rgba};
use crate::export::map::MapData;
use crate::export::{PAGE_MARGIN, Picture, Prepared, svg};
use crate::graph::scene::{Emphasis, Scene};
use crate::text::Lang;
use crate::text::bidi_layout::ParagraphDirection;

/// The PNG bytes of a prepared page at `scale` pixels per point.
pub fn png_of(map: &MapData, prepared: &Prepared, scale: f32) -> Result<Vec<u8>, crate::export::ExportError> {
    let image = rgba_of(map, prepared, scale);
    super::screenshot::encode_png(image.width, image.height, &image.pixels)
        .map_err(|e| crate::export::ExportError::Encode(e.to_string()))
}

/// The page as RGBA pixels.
pub fn rgba_of(map: &MapData, prepared: &Prepared, scale: f32) -> super::raster::RgbaImage {
    let size = egui::Vec2::new(prepared.picture.size.x, prepared.picture.size.y);
    super::raster::render_offscreen(size, scale, |ui| {
        let painter = ui.painter();
        painter.rect_filled(egui::Rect::from_min_size(Pos2::ZERO, size), 0.0, colour(look::BACKGROUND));
        let origin = prepared.picture.map_origin();
        let map_painter = painter.with_clip_rect(egui::Rect::from_min_size(
            Pos2::new(origin.x, origin.y),
            egui::Vec2::new(prepared.picture.map_size().x, prepared.picture.map_size().y),
        ));
        paint_scene(&map_painter, Pos2::new(origin.x, origin.y), map, &prepared.scene, prepared.picture.lang, 1.0);
        paint_caption(painter, &prepared.picture);
        paint_legend(painter, &prepared.picture);
    })
}

/// An export colour as egui's.
pub fn colour(rgba: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(rgba.0, rgba.1, rgba.2, rgba.3)
}

/// Paints the scene's edges, nodes and labels with the view's top-left at
/// `origin`; `text_scale` enlarges labels (the presenter's large type).
pub fn paint_scene(painter: &Painter, origin: Pos2, map: &MapData, scene: &Scene, lang: Lang, text_scale: f32) {
    let at = |p: crate::graph::Vec2| Pos2::new(origin.x + p.x, origin.y + p.y);
    for edge in &scene.edges {
        let stroke = colour(look::edge_stroke(edge.kind, edge.emphasis));
        let width = if edge.emphasis == Emphasis::Highlighted { edge.width + 1.5 } else { edge.width };
        painter.line_segment([at(edge.from), at(edge.to)], Stroke::new(width, stroke));
        if let Some(arrow) = edge.arrow {
            painter.add(Shape::convex_polygon(arrow.iter().map(|p| at(*p)).collect(), stroke, Stroke::NONE));
        }
    }
    for node in &scene.nodes {
        let fill = look::node_colour(node.kind, node.emphasis);
        let (outline, width) = match (node.emphasis, node.selected) {
            (Emphasis::Highlighted, false) => (look::HIGHLIGHT, 3.0),
            (_, true) => (look::TEXT, 2.5),
            _ => (look::NODE_OUTLINE.with_alpha(fill.3), 1.5),
        };
        let stroke = Stroke::new(width, colour(outline));
        let centre = at(node.centre);
        let points = look::glyph_points(look::node_glyph(node.kind), centre.x, centre.y, node.radius);
        if points.is_empty() {
            painter.circle(centre, node.radius, colour(fill), stroke);
        } else {
            let points = points.into_iter().map(|(x, y)| Pos2::new(x, y)).collect();
            painter.add(Shape::convex_polygon(points, colour(fill), stroke));
        }
    }
    for label in &scene.labels {
        let text = map.label(label.node, lang);
        let text_colour = if label.emphasis == Emphasis::Dimmed { look::MUTED_TEXT } else { look::TEXT };
        let family = if label.emphasis == Emphasis::Highlighted {
            egui::FontFamily::Name(super::fonts::VAZIRMATN_BOLD.into())
        } else {
            egui::FontFamily::Proportional
        };
        let style = BidiTextStyle::new(FontId::new(svg::LABEL_SIZE * text_scale, family), colour(text_colour));
        let anchor = at(label.anchor);
        let halo = BidiTextStyle { color: colour(look::BACKGROUND.with_alpha(200)), ..style.clone() };
        for offset in [egui::vec2(-1.0, 0.0), egui::vec2(1.0, 0.0), egui::vec2(0.0, -1.0), egui::vec2(0.0, 1.0)] {
            paint_bidi_label(painter, anchor + offset, Align2::CENTER_TOP, text, ParagraphDirection::Auto, &halo);
        }
        paint_bidi_label(painter, anchor, Align2::CENTER_TOP, text, ParagraphDirection::Auto, &style);
    }
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
    let mut y = picture.size.y - PAGE_MARGIN - 6.0 * row + row * 0.5;
    let glyph_x = if rtl { picture.size.x - PAGE_MARGIN - 8.0 } else { PAGE_MARGIN + 8.0 };
    let text_x = if rtl { glyph_x - 16.0 } else { glyph_x + 16.0 };
    let anchor = if rtl { Align2::RIGHT_CENTER } else { Align2::LEFT_CENTER };
    let style = BidiTextStyle::new(FontId::proportional(svg::LEGEND_SIZE), colour(look::TEXT));
    let backdrop = egui::Rect::from_x_y_ranges(
        if rtl { text_x - 170.0..=glyph_x + 12.0 } else { glyph_x - 12.0..=text_x + 170.0 },
        y - row * 0.6..=y + row * 5.6,
    );
    painter.rect_filled(backdrop, 4.0, colour(look::BACKGROUND.with_alpha(215)));
    for kind in 0..4u16 {
        let fill = colour(look::node_fill(kind));
        let points = look::glyph_points(look::node_glyph(kind), glyph_x, y, 6.0);
        if points.is_empty() {
            painter.circle_filled(Pos2::new(glyph_x, y), 6.0, fill);
        } else {
            painter.add(Shape::convex_polygon(points.into_iter().map(|(x, y)| Pos2::new(x, y)).collect(), fill, Stroke::NONE));
        }
        let text = look::kind_name(kind, picture.lang);
        paint_bidi_label(painter, Pos2::new(text_x, y), anchor, text, ParagraphDirection::Auto, &style);
        y += row;
    }
    for co_occurrence in [false, true] {
        let kind = if co_occurrence { crate::tours::EDGE_KINDS.len() as u16 - 1 } else { 0 };
        let stroke = Stroke::new(2.0, colour(look::edge_stroke(kind, Emphasis::Normal)));
        painter.line_segment([Pos2::new(glyph_x - 8.0, y), Pos2::new(glyph_x + 8.0, y)], stroke);
        let text = look::edge_legend(co_occurrence, picture.lang);
        paint_bidi_label(painter, Pos2::new(text_x, y), anchor, text, ParagraphDirection::Auto, &style);
        y += row;
    }
}
