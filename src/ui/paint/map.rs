//! Painting the concept map: a built [`Scene`] (screen-space primitives from
//! the graph core) turned into egui shapes — edges coloured by kind with
//! arrowheads, nodes shaped and coloured by concept kind, note badges, labels
//! through the bidi layout — and the legend. Pure painting: no input, no
//! state, so the map view, presenter mode and the image export share it.
//!
//! ```no_run
//! # use diplomap::ui::paint::map::*;
//! # fn f(painter: &egui::Painter, map: &MapPaint) {
//! paint_map(painter, map);
//! paint_legend(painter, egui::pos2(8.0, 8.0), &LegendContent::everything(map.lang), map.dark);
//! # }
//! ```

use std::sync::{Arc, Mutex};

use eframe::egui::{self, Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

use crate::catalog::ConceptKind;
use crate::export::map::{CO_OCCURRENCE, edge_kind_of_code, kind_code, kind_of_code};
use crate::graph::labels::{LabelPriority, LabelRequest, PlacedLabel, PlacementCache, requests_of_scene};
use crate::graph::{EdgeSet, Emphasis, Graph, NodeSet, Scene, Vec2};
use crate::text::Lang;
use crate::text::bidi_layout::{ParagraphDirection, ParagraphLayout};
use crate::ui::context::i18n::tr;
use crate::ui::paint::mesh::MeshBuilder;
use crate::ui::widgets::bidi_text::{BidiTextStyle, cached_layout, paint_layout};

/// Everything one frame of the map needs besides the painter.
pub struct MapPaint<'a> {
    pub graph: &'a Graph,
    pub scene: &'a Scene,
    /// Where the scene's (0, 0) is on screen: the view's top-left corner.
    pub origin: Pos2,
    /// Each node's label in the interface language, in node order.
    pub labels: &'a [String],
    /// Nodes that have editors' notes (a badge).
    pub noted: Option<&'a NodeSet>,
    /// Nodes labelled whatever the level of detail (the nodes in focus).
    pub labelled: Option<&'a NodeSet>,
    /// Nodes and edges drawn highlighted (hovered neighbourhood, a tour step).
    pub highlighted_nodes: Option<&'a NodeSet>,
    pub highlighted_edges: Option<&'a EdgeSet>,
    /// The node with keyboard focus (a focus ring).
    pub focused: Option<usize>,
    /// The edge whose evidence is shown.
    pub selected_edge: Option<usize>,
    pub dark: bool,
    pub lang: Lang,
    /// Size of label text in points.
    pub label_size: f32,
    /// Screen areas drawn over the map (the legend), kept free of labels.
    pub reserved: &'a [Rect],
}

/// How a node of a kind is drawn: the one glyph set of every map picture.
pub use crate::export::look::Glyph;

/// The shape of a concept kind: forms of diplomacy round, threats diamonds,
/// organisations square, topics hexagons.
pub fn glyph_of(kind: ConceptKind) -> Glyph {
    crate::export::look::node_glyph(kind_code(kind))
}

/// The fill of a concept kind (the palette of [`crate::export::look`]).
pub fn kind_color(kind: ConceptKind, dark: bool) -> Color32 {
    colour(crate::export::look::node_fill_on(kind_code(kind), dark))
}

/// The colour of an edge code: co-occurrences grey, curated relations by kind.
pub fn edge_color(code: u16, dark: bool) -> Color32 {
    colour(crate::export::look::edge_colour_on(code, dark))
}

/// An export colour as egui's.
pub fn colour(rgba: crate::export::look::Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(rgba.0, rgba.1, rgba.2, rgba.3)
}

/// The colour of a note badge.
pub fn note_badge_color(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(250, 204, 21) } else { Color32::from_rgb(202, 138, 4) }
}

fn text_color(dark: bool) -> Color32 {
    if dark { Color32::from_gray(230) } else { Color32::from_gray(20) }
}

fn halo_color(dark: bool) -> Color32 {
    if dark { Color32::from_black_alpha(170) } else { Color32::from_white_alpha(200) }
}

fn faded(color: Color32, alpha: u8) -> Color32 {
    let [r, g, b, _] = color.to_srgba_unmultiplied();
    Color32::from_rgba_unmultiplied(r, g, b, alpha)
}

/// A screen point in the scene's coordinates (relative to `origin`).
fn scene_point(origin: Pos2, point: Pos2) -> Vec2 {
    Vec2::new(point.x - origin.x, point.y - origin.y)
}

fn pos(origin: Pos2, point: Vec2) -> Pos2 {
    pos2(origin.x + point.x, origin.y + point.y)
}

/// Paints the scene: edges, then nodes, then labels. Edges and nodes go
/// into one mesh each ([`MeshBuilder`]), however many there are.
pub fn paint_map(painter: &Painter, map: &MapPaint) {
    let mut edges = MeshBuilder::recycling(painter, "map edges");
    edges.reserve(map.scene.edges.len(), 8);
    paint_edges(&mut edges, map);
    edges.paint(painter);
    let mut nodes = MeshBuilder::recycling(painter, "map nodes");
    nodes.reserve(map.scene.nodes.len(), 20);
    paint_nodes(&mut nodes, map);
    nodes.paint(painter);
    paint_labels(painter, map);
}

fn paint_edges(mesh: &mut MeshBuilder, map: &MapPaint) {
    // When some edges are marked (a hovered or chosen node's), the others step back.
    let something_marked = map.scene.edges.iter().any(|e| e.emphasis == Emphasis::Highlighted);
    let co_occurrence_alpha = if something_marked { 45 } else { 110 };
    let curated_alpha = if something_marked { 120 } else { 200 };
    // The few colours of a frame's edges, worked out once per kind (not once per edge).
    let mut palette: Vec<Option<[Color32; 3]>> = Vec::new();
    let mut colors_of = |code: u16| -> [Color32; 3] {
        let slot = usize::from(code);
        if palette.len() <= slot {
            palette.resize(slot + 1, None);
        }
        *palette[slot].get_or_insert_with(|| {
            let base = edge_color(code, map.dark);
            let normal_alpha = if code == CO_OCCURRENCE { co_occurrence_alpha } else { curated_alpha };
            [base, faded(base, normal_alpha), faded(base, 30)]
        })
    };
    for shape in &map.scene.edges {
        let marked =
            map.highlighted_edges.is_some_and(|set| set.contains(shape.edge)) || map.selected_edge == Some(shape.edge);
        let [base, normal, dimmed] = colors_of(shape.kind);
        let (color, width) = match (shape.emphasis, marked) {
            (_, true) => (base, shape.width + 2.0),
            (Emphasis::Highlighted, false) => (base, shape.width + 1.0),
            (Emphasis::Normal, false) => (normal, shape.width),
            (Emphasis::Dimmed, false) => (dimmed, shape.width),
        };
        let (from, to) = (pos(map.origin, shape.from), pos(map.origin, shape.to));
        if map.selected_edge == Some(shape.edge) {
            let glow = faded(note_badge_color(map.dark), 120);
            mesh.line(from, to, Stroke::new(width + 5.0, glow));
        }
        mesh.line(from, to, Stroke::new(width, color));
        if let Some(arrow) = shape.arrow {
            mesh.triangle_filled(arrow.map(|p| pos(map.origin, p)), color);
        }
    }
}

fn paint_nodes(mesh: &mut MeshBuilder, map: &MapPaint) {
    let outline = if map.dark { Color32::from_gray(20) } else { Color32::WHITE };
    let outline_dimmed = faded(outline, 60);
    let accent = text_color(map.dark);
    for shape in &map.scene.nodes {
        let kind = kind_of_code(shape.kind);
        let centre = pos(map.origin, shape.centre);
        let marked = map.highlighted_nodes.is_some_and(|set| set.contains(shape.node));
        let fill = match shape.emphasis {
            Emphasis::Dimmed if !marked => faded(kind_color(kind, map.dark), 45),
            _ => kind_color(kind, map.dark),
        };
        let stroke = if shape.emphasis == Emphasis::Highlighted || marked {
            Stroke::new(2.5, accent)
        } else {
            Stroke::new(1.0, if shape.emphasis == Emphasis::Dimmed { outline_dimmed } else { outline })
        };
        if shape.is_cluster() {
            add_cluster(mesh, kind, centre, shape.radius, fill, stroke);
            continue;
        }
        add_glyph(mesh, glyph_of(kind), centre, shape.radius, fill, stroke);
        if shape.pinned && shape.radius >= 4.0 {
            // A pinned node: a small dot in its middle.
            mesh.circle(centre, (shape.radius * 0.22).clamp(1.5, 3.5), accent, Stroke::NONE);
        }
        if map.noted.is_some_and(|set| set.contains(shape.node)) && shape.radius >= 3.0 {
            add_note_badge(mesh, centre + vec2(0.75, -0.75) * shape.radius, map.dark);
        }
        if map.focused == Some(shape.node) {
            let ring = Stroke::new(
                2.0,
                if map.dark { Color32::from_rgb(250, 204, 21) } else { Color32::from_rgb(0, 90, 200) },
            );
            mesh.circle(centre, shape.radius + 5.0, Color32::TRANSPARENT, ring);
        }
    }
}

/// A cluster of concepts drawn for its members when zoomed out: a pale disc
/// ringed in the colour of its most common kind, with that kind's glyph in
/// the middle.
fn add_cluster(mesh: &mut MeshBuilder, kind: ConceptKind, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
    let ring = Stroke::new(stroke.width.max(1.5), fill);
    mesh.circle(centre, radius, faded(fill, (fill.a() / 3).max(20)), ring);
    add_glyph(mesh, glyph_of(kind), centre, (radius * 0.4).clamp(2.0, 6.0), fill, Stroke::NONE);
}

/// Draws one node glyph centred on `centre`, with about the area of a circle of `radius`.
pub fn paint_glyph(painter: &Painter, glyph: Glyph, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
    let mut mesh = MeshBuilder::new(painter.ctx().pixels_per_point());
    add_glyph(&mut mesh, glyph, centre, radius, fill, stroke);
    mesh.paint(painter);
}

/// Adds one node glyph to `mesh` (see [`paint_glyph`]).
fn add_glyph(mesh: &mut MeshBuilder, glyph: Glyph, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
    match glyph {
        Glyph::Circle => mesh.circle(centre, radius, fill, stroke),
        Glyph::Square => {
            let half = radius * 0.89;
            let rect = Rect::from_center_size(centre, vec2(2.0 * half, 2.0 * half));
            mesh.rounded_rect(rect, (radius * 0.25).min(4.0), fill, stroke);
        }
        Glyph::Diamond => mesh.regular_polygon(centre, radius * 1.25, 4, fill, stroke),
        Glyph::Hexagon => mesh.regular_polygon(centre, radius * 1.1, 6, fill, stroke),
    }
}

/// A note badge: a small page with a folded corner.
fn paint_note_badge(painter: &Painter, at: Pos2, dark: bool) {
    let mut mesh = MeshBuilder::new(painter.ctx().pixels_per_point());
    add_note_badge(&mut mesh, at, dark);
    mesh.paint(painter);
}

fn add_note_badge(mesh: &mut MeshBuilder, at: Pos2, dark: bool) {
    let size = vec2(8.0, 10.0);
    let rect = Rect::from_center_size(at, size);
    let fill = note_badge_color(dark);
    let edge = Stroke::new(1.0, if dark { Color32::BLACK } else { Color32::WHITE });
    let fold = 3.0;
    let points = [
        rect.left_top(),
        rect.right_top() - vec2(fold, 0.0),
        rect.right_top() + vec2(0.0, fold),
        rect.right_bottom(),
        rect.left_bottom(),
    ];
    mesh.convex_polygon(&points, fill, edge);
}

/// Labels placed by the core's [`crate::graph::labels::place_labels`]: the hovered, selected and
/// highlighted nodes' always, the focus's unless they would cover another
/// label, the rest (the scene's level of detail) only where there is room —
/// so no label covers another, and none covers a node it does not name.
fn paint_labels(painter: &Painter, map: &MapPaint) {
    let style = BidiTextStyle::new(FontId::proportional(map.label_size), text_color(map.dark));
    let dim_style = BidiTextStyle::new(FontId::proportional(map.label_size), faded(text_color(map.dark), 110));
    let row_height = style.row_height(painter.ctx());
    // Each label is laid out once a frame: measured for the placement, then painted.
    let mut layouts: Vec<Option<Arc<ParagraphLayout>>> = vec![None; map.graph.node_count()];
    let requests = label_requests(painter, map, &style, row_height, &mut layouts);
    let viewport = painter.clip_rect().max - map.origin;
    let blocked: Vec<crate::graph::Rect> = map
        .reserved
        .iter()
        .map(|r| crate::graph::Rect::from_min_max(scene_point(map.origin, r.min), scene_point(map.origin, r.max)))
        .collect();
    let viewport = Vec2::new(viewport.x, viewport.y);
    let placed = placement(painter, requests, map, viewport, &blocked);
    let mut dimmed = NodeSet::empty(map.graph.node_count());
    for label in map.scene.labels.iter().filter(|l| l.emphasis == Emphasis::Dimmed) {
        dimmed.insert(label.node);
    }
    // Most important last, so it is drawn on top.
    let halo = halo_color(map.dark);
    for label in placed.iter().rev() {
        let Some(Some(layout)) = layouts.get(label.node) else { continue };
        let style =
            if dimmed.contains(label.node) && label.priority == LabelPriority::Optional { &dim_style } else { &style };
        if let Some([from, to]) = label.leader {
            let stroke = Stroke::new(1.0, faded(text_color(map.dark), 190));
            painter.line_segment([pos(map.origin, from), pos(map.origin, to)], stroke);
        }
        let at = pos(map.origin, label.rect.min) + vec2(HALO_PAD, 0.0);
        let rect = Rect::from_min_size(at, vec2(layout.width(), row_height * layout.lines().len() as f32));
        painter.rect_filled(rect.expand2(vec2(HALO_PAD, 0.0)), 3.0, halo);
        paint_layout(painter, rect.min, layout, style, row_height);
    }
}

/// Where the labels go: placed afresh, or the last frame's placement when
/// nothing it depends on changed (kept per painter layer, so the map view and
/// the presenter each keep their own).
fn placement(
    painter: &Painter,
    requests: Vec<LabelRequest>,
    map: &MapPaint,
    viewport: Vec2,
    blocked: &[crate::graph::Rect],
) -> Vec<PlacedLabel> {
    let id = egui::Id::unique(("diplomap_label_placement", painter.layer_id()));
    let cache = painter.ctx().data_mut(|data| data.get_temp_mut_or_default::<Arc<Mutex<PlacementCache>>>(id).clone());
    let mut cache = cache.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    cache.place(requests, &map.scene.nodes, &map.scene.edges, viewport, blocked).to_vec()
}

/// Every label that may be drawn this frame, with its measured size and
/// priority; each one's layout goes into `layouts` (by node).
fn label_requests(
    painter: &Painter,
    map: &MapPaint,
    style: &BidiTextStyle,
    row_height: f32,
    layouts: &mut [Option<Arc<ParagraphLayout>>],
) -> Vec<LabelRequest> {
    // The hovered node's neighbours and a focus are named where they fit;
    // only the hovered and selected nodes (and a tour's highlights, drawn as
    // hovered) insist.
    let mut wanted = NodeSet::empty(map.graph.node_count());
    for set in [map.highlighted_nodes, map.labelled].into_iter().flatten() {
        for node in set.iter() {
            wanted.insert(node);
        }
    }
    let mut clusters: Vec<(usize, u32)> =
        map.scene.nodes.iter().filter(|s| s.is_cluster()).map(|s| (s.node, s.members)).collect();
    clusters.sort_unstable();
    requests_of_scene(map.scene, map.graph, None, Some(&wanted), |node| {
        let name = map.labels.get(node).filter(|t| !t.is_empty())?;
        let text = match clusters.binary_search_by_key(&node, |&(n, _)| n) {
            Ok(at) => crate::i18n::cluster_label(map.lang, name, clusters[at].1 as usize),
            Err(_) => name.clone(),
        };
        let layout = cached_layout(painter.ctx(), &text, &[], ParagraphDirection::Auto, f32::INFINITY, style);
        let size = Vec2::new(layout.width() + 2.0 * HALO_PAD, row_height * layout.lines().len() as f32);
        if let Some(slot) = layouts.get_mut(node) {
            *slot = Some(layout);
        }
        Some(size)
    })
}

/// How far a label's halo reaches beyond its text on each side, in points.
const HALO_PAD: f32 = 3.0;

/// Paints `text` through the bidi layout with its box anchored at `at`,
/// over an optional halo; returns the box.
pub fn paint_text(
    painter: &Painter,
    at: Pos2,
    anchor: Align2,
    text: &str,
    style: &BidiTextStyle,
    halo: Option<Color32>,
) -> Rect {
    let ctx = painter.ctx();
    let layout = cached_layout(ctx, text, &[], ParagraphDirection::Auto, f32::INFINITY, style);
    let row_height = style.row_height(ctx);
    let size = vec2(layout.width(), row_height * layout.lines().len() as f32);
    let rect = anchor.anchor_size(at, size);
    if let Some(halo) = halo {
        painter.rect_filled(rect.expand2(vec2(HALO_PAD, 0.0)), 3.0, halo);
    }
    paint_layout(painter, rect.min, &layout, style, row_height);
    rect
}

/// What the legend lists.
#[derive(Debug, Clone)]
pub struct LegendContent {
    pub lang: Lang,
    pub kinds: Vec<ConceptKind>,
    /// Edge codes to list.
    pub edge_codes: Vec<u16>,
    pub notes: bool,
    /// The map is large enough to draw clusters when zoomed out.
    pub clusters: bool,
}

impl LegendContent {
    /// Every kind, every edge code, and the note badge.
    pub fn everything(lang: Lang) -> Self {
        LegendContent {
            lang,
            kinds: ConceptKind::ALL.to_vec(),
            edge_codes: crate::export::map::all_edge_codes().collect(),
            notes: true,
            clusters: true,
        }
    }

    /// The kinds and edge codes that occur in `graph`.
    pub fn of_graph(graph: &Graph, lang: Lang, notes: bool) -> Self {
        let kinds =
            ConceptKind::ALL.into_iter().filter(|&k| graph.nodes().iter().any(|n| n.kind == kind_code(k))).collect();
        let edge_codes =
            crate::export::map::all_edge_codes().filter(|&c| graph.edges().iter().any(|e| e.kind == c)).collect();
        let clusters = graph.node_count() > crate::export::map::CLUSTER_ABOVE;
        LegendContent { lang, kinds, edge_codes, notes, clusters }
    }
}

const LEGEND_ROW: f32 = 18.0;
const LEGEND_SWATCH: f32 = 22.0;

/// The legend's size for `content` (to place it before painting).
pub fn legend_size(painter: &Painter, content: &LegendContent) -> egui::Vec2 {
    let rows =
        content.kinds.len() + content.edge_codes.len() + usize::from(content.notes) + usize::from(content.clusters);
    let style = legend_style(false);
    let widest = legend_entries(content)
        .map(|text| cached_layout(painter.ctx(), text, &[], ParagraphDirection::Auto, f32::INFINITY, &style).width())
        .fold(0.0, f32::max);
    vec2(LEGEND_SWATCH + widest + 16.0, rows as f32 * LEGEND_ROW + 10.0)
}

fn legend_style(dark: bool) -> BidiTextStyle {
    BidiTextStyle::new(FontId::proportional(12.0), text_color(dark))
}

fn legend_entries(content: &LegendContent) -> impl Iterator<Item = &'static str> + '_ {
    let lang = content.lang;
    let kinds = content.kinds.iter().map(move |k| tr(lang, k.as_str()));
    let edges = content.edge_codes.iter().map(move |&c| tr(lang, edge_kind_of_code(c).as_str()));
    let notes = content.notes.then(|| tr(lang, "has notes"));
    kinds.chain(edges).chain(notes).chain(content.clusters.then(|| tr(lang, "cluster legend")))
}

/// Paints the legend with its top-left corner at `top_left` (mirrored for
/// right-to-left languages: swatches on the right); returns its box.
pub fn paint_legend(painter: &Painter, top_left: Pos2, content: &LegendContent, dark: bool) -> Rect {
    let size = legend_size(painter, content);
    let rect = Rect::from_min_size(top_left, size);
    let frame = if dark {
        Color32::from_rgba_unmultiplied(30, 30, 30, 225)
    } else {
        Color32::from_rgba_unmultiplied(255, 255, 255, 225)
    };
    painter.rect(rect, 4.0, frame, Stroke::new(1.0, Color32::from_gray(140)), egui::StrokeKind::Inside);
    let style = legend_style(dark);
    let rtl = content.lang.is_rtl();
    let swatch_x = if rtl { rect.right() - 6.0 - LEGEND_SWATCH / 2.0 } else { rect.left() + 6.0 + LEGEND_SWATCH / 2.0 };
    let (text_x, text_anchor) = if rtl {
        (rect.right() - 10.0 - LEGEND_SWATCH, Align2::RIGHT_CENTER)
    } else {
        (rect.left() + 10.0 + LEGEND_SWATCH, Align2::LEFT_CENTER)
    };
    let mut y = rect.top() + 5.0 + LEGEND_ROW / 2.0;
    let mut row = |swatch: &dyn Fn(Pos2), text: &str| {
        swatch(pos2(swatch_x, y));
        paint_text(painter, pos2(text_x, y), text_anchor, text, &style, None);
        y += LEGEND_ROW;
    };
    let outline = Stroke::new(1.0, if dark { Color32::from_gray(20) } else { Color32::WHITE });
    for &kind in &content.kinds {
        row(
            &|at| paint_glyph(painter, glyph_of(kind), at, 6.0, kind_color(kind, dark), outline),
            tr(content.lang, kind.as_str()),
        );
    }
    for &code in &content.edge_codes {
        let color = edge_color(code, dark);
        let directed = code != CO_OCCURRENCE;
        row(
            &|at| {
                let (from, to) = (at - vec2(9.0, 0.0), at + vec2(9.0, 0.0));
                let tip = if rtl { from } else { to };
                let tail = if rtl { to } else { from };
                painter.line_segment([tail, tip], Stroke::new(2.0, color));
                if directed {
                    let back = if rtl { 5.0 } else { -5.0 };
                    let arrow = vec![tip, tip + vec2(back, -3.5), tip + vec2(back, 3.5)];
                    painter.add(Shape::convex_polygon(arrow, color, Stroke::NONE));
                }
            },
            tr(content.lang, edge_kind_of_code(code).as_str()),
        );
    }
    if content.notes {
        row(&|at| paint_note_badge(painter, at, dark), tr(content.lang, "has notes"));
    }
    if content.clusters {
        let swatch = |at: Pos2| {
            let mut mesh = MeshBuilder::new(painter.ctx().pixels_per_point());
            // Grey: a cluster takes the colour of whichever kind it holds most of.
            let neutral = Color32::from_gray(if dark { 170 } else { 110 });
            add_cluster(&mut mesh, ConceptKind::DiplomacyForm, at, 7.0, neutral, outline);
            mesh.paint(painter);
        };
        row(&swatch, tr(content.lang, "cluster legend"));
    }
    rect
}
