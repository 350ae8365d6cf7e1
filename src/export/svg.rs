//! SVG of one picture of the map, written by hand from the scene's primitives.
//!
//! Text stays logical Unicode (never reordered, never shaped), so any viewer
//! shapes it; Arabic-script text carries `direction="rtl"` and
//! `unicode-bidi="embed"` so it reads right to left with Latin and digits in
//! place. Fonts are named `Vazirmatn` first (the font the program bundles).

use std::fmt::Write as _;

use crate::graph::Vec2;
use crate::graph::labels::{LabelPriority, place_labels, requests_of_scene};
use crate::graph::scene::{Emphasis, Scene};

use super::look::{self, Rgba};
use super::map::SettledMap;
use super::{Picture, Prepared, is_rtl_text};

const FONT_FAMILY: &str = "Vazirmatn, 'Vazirmatn FD', Tahoma, 'DejaVu Sans', sans-serif";
pub const LABEL_SIZE: f32 = 13.0;
pub const CAPTION_SIZE: f32 = 18.0;
pub const LEGEND_SIZE: f32 = 12.0;

/// The SVG document of a prepared page.
pub fn svg_of(map: &SettledMap, page: &Prepared) -> String {
    let (picture, scene) = (&page.picture, &page.scene);
    let (width, height) = (picture.size.x, picture.size.y);
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(out, "{}", super::own::SVG_MARKER);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#,
        w = num(width),
        h = num(height),
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&picture.title));
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="{}"/>"#, look::BACKGROUND.hex());
    let offset = picture.map_origin();
    let _ = writeln!(out, r#"<g id="map" transform="translate({} {})">"#, num(offset.x), num(offset.y));
    write_edges(&mut out, scene);
    write_nodes(&mut out, scene);
    write_labels(&mut out, map, page);
    out.push_str("</g>\n");
    write_caption(&mut out, picture);
    write_legend(&mut out, picture);
    out.push_str("</svg>\n");
    out
}

fn write_edges(out: &mut String, scene: &Scene) {
    out.push_str("<g id=\"edges\" fill=\"none\" stroke-linecap=\"round\">\n");
    for edge in &scene.edges {
        let stroke = look::edge_stroke(edge.kind, edge.emphasis);
        let width = if edge.emphasis == Emphasis::Highlighted { edge.width + 1.0 } else { edge.width };
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"{} stroke-width="{}"/>"#,
            num(edge.from.x),
            num(edge.from.y),
            num(edge.to.x),
            num(edge.to.y),
            stroke.hex(),
            opacity_attr("stroke-opacity", stroke),
            num(width)
        );
        if let Some([tip, left, right]) = edge.arrow {
            let _ = writeln!(
                out,
                r#"<polygon points="{},{} {},{} {},{}" fill="{}"{}/>"#,
                num(tip.x),
                num(tip.y),
                num(left.x),
                num(left.y),
                num(right.x),
                num(right.y),
                stroke.hex(),
                opacity_attr("fill-opacity", stroke)
            );
        }
    }
    out.push_str("</g>\n");
}

fn write_nodes(out: &mut String, scene: &Scene) {
    out.push_str("<g id=\"nodes\">\n");
    for node in &scene.nodes {
        let fill = look::node_colour(node.kind, node.emphasis);
        let (stroke, stroke_width) = match node.emphasis {
            Emphasis::Highlighted => (look::TEXT, 2.5),
            Emphasis::Normal => (look::NODE_OUTLINE, 1.0),
            Emphasis::Dimmed => (look::NODE_OUTLINE.with_alpha(60), 1.0),
        };
        let paint = format!(
            r#"fill="{}"{} stroke="{}"{} stroke-width="{}""#,
            fill.hex(),
            opacity_attr("fill-opacity", fill),
            stroke.hex(),
            opacity_attr("stroke-opacity", stroke),
            num(stroke_width)
        );
        let points = look::glyph_points(look::node_glyph(node.kind), node.centre.x, node.centre.y, node.radius);
        if points.is_empty() {
            let _ = writeln!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" {paint}/>"#,
                num(node.centre.x),
                num(node.centre.y),
                num(node.radius)
            );
        } else {
            let list: Vec<String> = points.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
            let _ = writeln!(out, r#"<polygon points="{}" {paint}/>"#, list.join(" "));
        }
    }
    out.push_str("</g>\n");
}

/// Labels placed like the PNG's (the core's placement; sizes estimated here,
/// since the viewer shapes the text), centred in their boxes.
fn write_labels(out: &mut String, map: &SettledMap, page: &Prepared) {
    let lang = page.picture.lang;
    let _ = writeln!(
        out,
        r#"<g id="labels" font-size="{}" text-anchor="middle" paint-order="stroke" stroke="{}" stroke-width="3" stroke-linejoin="round">"#,
        num(LABEL_SIZE),
        look::BACKGROUND.hex()
    );
    let view = &page.view;
    let requests =
        requests_of_scene(&page.scene, &map.data.graph, Some(&view.highlight_nodes), view.focus.as_ref(), |node| {
            let text = map.label(node, lang);
            (!text.is_empty()).then(|| estimated_label_size(text))
        });
    let dimmed = |node: usize| page.scene.labels.iter().any(|l| l.node == node && l.emphasis == Emphasis::Dimmed);
    let legend = page.picture.legend_rect();
    let offset = page.picture.map_origin();
    let blocked = [crate::graph::Rect::from_min_max(legend.min - offset, legend.max - offset)];
    let placed = place_labels(requests, &page.scene.nodes, &page.scene.edges, page.picture.map_size(), &blocked);
    for label in placed.iter().rev() {
        let text = map.label(label.node, lang);
        let colour =
            if dimmed(label.node) && label.priority == LabelPriority::Optional { look::MUTED_TEXT } else { look::TEXT };
        let weight = if label.priority == LabelPriority::Must { r#" font-weight="bold""# } else { "" };
        let centre = label.rect.centre();
        if let Some([from, to]) = label.leader {
            let _ = writeln!(
                out,
                r#"<line class="leader" x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-opacity="0.75" stroke-width="1"/>"#,
                num(from.x),
                num(from.y),
                num(to.x),
                num(to.y),
                look::TEXT.hex()
            );
        }
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{}" fill="{}"{}{weight}{}>{}</text>"#,
            num(centre.x),
            num(centre.y + 0.35 * LABEL_SIZE),
            colour.hex(),
            opacity_attr("fill-opacity", colour),
            direction_attrs(text),
            escape(text)
        );
    }
    out.push_str("</g>\n");
}

/// A label's box at [`LABEL_SIZE`]: about half an em per character (bold
/// included), one and a half ems high.
fn estimated_label_size(text: &str) -> Vec2 {
    let characters = text.chars().filter(|c| !matches!(*c as u32, 0x200B..=0x200F | 0x064B..=0x065F | 0x0670)).count();
    Vec2::new(0.58 * LABEL_SIZE * characters as f32 + 6.0, 1.5 * LABEL_SIZE)
}

/// The caption band at the top: the tour's title and step, then the caption.
fn write_caption(out: &mut String, picture: &Picture) {
    if picture.heading.is_empty() && picture.caption.is_empty() {
        return;
    }
    let margin = super::PAGE_MARGIN;
    let rtl = picture.lang.is_rtl();
    let _ = writeln!(out, r#"<g id="caption">"#);
    let mut y = margin;
    if !picture.heading.is_empty() {
        y += LEGEND_SIZE;
        write_line(out, &picture.heading, y, LEGEND_SIZE, look::MUTED_TEXT, picture, rtl);
        y += 8.0;
    }
    for line in &picture.caption_lines {
        y += CAPTION_SIZE * 1.45;
        write_line(out, line, y, CAPTION_SIZE, look::TEXT, picture, is_rtl_text(&picture.caption));
    }
    out.push_str("</g>\n");
}

/// One line of text aligned to the start side of its own direction.
fn write_line(out: &mut String, text: &str, baseline: f32, size: f32, colour: Rgba, picture: &Picture, rtl: bool) {
    let margin = super::PAGE_MARGIN;
    let rtl_text = is_rtl_text(text) || (rtl && !text.chars().any(char::is_alphabetic));
    let x = if rtl_text { picture.size.x - margin } else { margin };
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" fill="{}"{} text-anchor="start"{}>{}</text>"#,
        num(x),
        num(baseline),
        num(size),
        colour.hex(),
        opacity_attr("fill-opacity", colour),
        if rtl_text { r#" direction="rtl" unicode-bidi="embed""# } else { "" },
        escape(text)
    );
}

/// The legend in the bottom corner of the reading side: kinds, then edges.
fn write_legend(out: &mut String, picture: &Picture) {
    let lang = picture.lang;
    let rtl = lang.is_rtl();
    let margin = super::PAGE_MARGIN;
    let row = LEGEND_SIZE * 1.7;
    let mut y = picture.size.y - margin - super::LEGEND_ROWS * row + row * 0.5;
    let glyph_x = if rtl { picture.size.x - margin - 12.0 } else { margin + 12.0 };
    let text_x = if rtl { glyph_x - 16.0 } else { glyph_x + 16.0 };
    let _ = writeln!(out, r#"<g id="legend" font-size="{}">"#, num(LEGEND_SIZE));
    let backdrop = picture.legend_rect();
    let _ = writeln!(
        out,
        r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" fill="{}" fill-opacity="0.85"/>"#,
        num(backdrop.min.x),
        num(backdrop.min.y),
        num(backdrop.size().x),
        num(backdrop.size().y),
        look::BACKGROUND.hex()
    );
    for kind in 0..4u16 {
        let fill = look::node_fill(kind);
        let points = look::glyph_points(look::node_glyph(kind), glyph_x, y, 6.0);
        if points.is_empty() {
            let _ = writeln!(out, r#"<circle cx="{}" cy="{}" r="6" fill="{}"/>"#, num(glyph_x), num(y), fill.hex());
        } else {
            let list: Vec<String> = points.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
            let _ = writeln!(out, r#"<polygon points="{}" fill="{}"/>"#, list.join(" "), fill.hex());
        }
        legend_text(out, look::kind_name(kind, lang), text_x, y, rtl);
        y += row;
    }
    for co_occurrence in [false, true] {
        let kind = if co_occurrence { super::map::CO_OCCURRENCE } else { 1 };
        let stroke = look::edge_colour(kind);
        let (x1, x2) = (glyph_x - 8.0, glyph_x + 8.0);
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"/>"#,
            num(x1),
            num(y),
            num(x2),
            num(y),
            stroke.hex()
        );
        legend_text(out, look::edge_legend(co_occurrence, lang), text_x, y, rtl);
        y += row;
    }
    out.push_str("</g>\n");
}

fn legend_text(out: &mut String, text: &str, x: f32, centre_y: f32, rtl: bool) {
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" fill="{}" text-anchor="start"{}>{}</text>"#,
        num(x),
        num(centre_y + LEGEND_SIZE * 0.35),
        look::TEXT.hex(),
        if rtl { r#" direction="rtl" unicode-bidi="embed""# } else { "" },
        escape(text)
    );
}

/// `direction="rtl"` (and embedding) for Arabic-script text, nothing otherwise.
fn direction_attrs(text: &str) -> &'static str {
    if is_rtl_text(text) { r#" direction="rtl" unicode-bidi="embed""# } else { "" }
}

fn opacity_attr(name: &str, colour: Rgba) -> String {
    if colour.3 == 255 { String::new() } else { format!(r#" {name}="{:.3}""#, colour.opacity()) }
}

/// A number as SVG wants it: at most two decimals, no `-0`.
fn num(value: f32) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 { "0".into() } else { format!("{rounded}") }
}

/// `text` escaped for XML character data and attribute values; characters XML
/// 1.0 forbids (C0 controls other than tab, newline and carriage return) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1}y\u{200c}z"), "xy\u{200c}z");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(2.345_6), "2.35");
        assert_eq!(num(f32::NAN), "0");
    }

    #[test]
    fn direction_only_on_arabic_script() {
        assert!(direction_attrs("دیپلماسی پلیسی").contains("rtl"));
        assert!(direction_attrs("الإنتربول").contains("rtl"));
        assert_eq!(direction_attrs("INTERPOL"), "");
    }
}
