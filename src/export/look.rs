//! How maps look: colours and node glyphs by kind, edge colours by emphasis,
//! on a light background (exports, the presenter) or a dark one (the map view
//! in the dark theme), and the legend's words in each language. Plain RGB, no
//! egui: the one palette and glyph set of the SVG writer, the PNG picture and
//! the window's map painter.

use super::map::{CO_OCCURRENCE, edge_kind_of_code, kind_of_code};
use crate::catalog::ConceptKind;
use crate::graph::scene::Emphasis;
use crate::i18n::tr;
use crate::index::EdgeKind;
use crate::text::Lang;

/// An sRGB colour with alpha (not premultiplied).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Alpha as 0–1.
    pub fn opacity(self) -> f32 {
        f32::from(self.3) / 255.0
    }

    pub fn with_alpha(self, alpha: u8) -> Rgba {
        Rgba(self.0, self.1, self.2, alpha)
    }
}

/// The outline of a node, by concept kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    Circle,
    Diamond,
    Square,
    Hexagon,
}

pub const BACKGROUND: Rgba = Rgba(255, 255, 255, 255);
pub const TEXT: Rgba = Rgba(20, 20, 20, 255);
pub const MUTED_TEXT: Rgba = Rgba(20, 20, 20, 110);
pub const NODE_OUTLINE: Rgba = Rgba(255, 255, 255, 255);
/// The halo under labels.
pub const HALO: Rgba = Rgba(255, 255, 255, 200);

/// The fill of a node of kind code `kind` (the light palette).
pub fn node_fill(kind: u16) -> Rgba {
    node_fill_on(kind, false)
}

/// The fill of a node of kind code `kind` on a light or a `dark` background.
pub fn node_fill_on(kind: u16, dark: bool) -> Rgba {
    let [r, g, b] = match (kind_of_code(kind), dark) {
        (ConceptKind::DiplomacyForm, false) => [37, 99, 235],
        (ConceptKind::DiplomacyForm, true) => [96, 165, 250],
        (ConceptKind::Threat, false) => [220, 38, 38],
        (ConceptKind::Threat, true) => [248, 113, 113],
        (ConceptKind::Organisation, false) => [22, 163, 74],
        (ConceptKind::Organisation, true) => [74, 222, 128],
        (ConceptKind::Topic, false) => [147, 51, 234],
        (ConceptKind::Topic, true) => [192, 132, 252],
    };
    Rgba(r, g, b, 255)
}

/// The shape of a kind: forms of diplomacy round, threats diamonds,
/// organisations square, topics hexagons (as in the map view).
pub fn node_glyph(kind: u16) -> Glyph {
    match kind_of_code(kind) {
        ConceptKind::DiplomacyForm => Glyph::Circle,
        ConceptKind::Threat => Glyph::Diamond,
        ConceptKind::Organisation => Glyph::Square,
        ConceptKind::Topic => Glyph::Hexagon,
    }
}

/// Whether edge code `kind` is co-occurrence.
pub fn is_co_occurrence(kind: u16) -> bool {
    kind == CO_OCCURRENCE
}

/// The colour of an edge code: co-occurrences grey, curated relations by kind.
pub fn edge_colour(kind: u16) -> Rgba {
    edge_colour_on(kind, false)
}

/// The colour of an edge code on a light or a `dark` background (lighter there).
pub fn edge_colour_on(kind: u16, dark: bool) -> Rgba {
    use crate::catalog::RelationKind as R;
    let rgb: [u8; 3] = match edge_kind_of_code(kind) {
        EdgeKind::CoOccurrence if dark => return Rgba(130, 130, 130, 255),
        EdgeKind::CoOccurrence => [150, 150, 150],
        EdgeKind::Relation(R::Counters) => [200, 60, 60],
        EdgeKind::Relation(R::WorksThrough) => [30, 120, 200],
        EdgeKind::Relation(R::Serves) => [40, 150, 90],
        EdgeKind::Relation(R::MemberOf | R::PartnerOf) => [0, 150, 160],
        // Brown, not a second teal: readers could not tell an observer from a partner.
        EdgeKind::Relation(R::ObserverOf) => [150, 100, 50],
        EdgeKind::Relation(R::PartOf) => [140, 80, 200],
        EdgeKind::Relation(R::Fuels) => [220, 120, 20],
        EdgeKind::Relation(R::RelatedTo) => [110, 120, 150],
    };
    let [r, g, b] = if dark { rgb.map(|c| c.saturating_add(50)) } else { rgb };
    Rgba(r, g, b, 255)
}

/// The stroke of an edge of code `kind` drawn with `emphasis`.
pub fn edge_stroke(kind: u16, emphasis: Emphasis) -> Rgba {
    let base = edge_colour(kind);
    match emphasis {
        Emphasis::Highlighted => base,
        Emphasis::Normal if is_co_occurrence(kind) => base.with_alpha(110),
        Emphasis::Normal => base.with_alpha(200),
        Emphasis::Dimmed => base.with_alpha(30),
    }
}

/// A node's fill with its emphasis applied.
pub fn node_colour(kind: u16, emphasis: Emphasis) -> Rgba {
    let fill = node_fill(kind);
    if emphasis == Emphasis::Dimmed { fill.with_alpha(45) } else { fill }
}

/// The corners of a polygon glyph of "radius" `r` around (`cx`, `cy`); empty for a circle.
pub fn glyph_points(glyph: Glyph, cx: f32, cy: f32, r: f32) -> Vec<(f32, f32)> {
    let around = |count: usize, start: f32, reach: f32| -> Vec<(f32, f32)> {
        (0..count)
            .map(|i| {
                let angle = start + i as f32 * std::f32::consts::TAU / count as f32;
                (cx + reach * angle.cos(), cy + reach * angle.sin())
            })
            .collect()
    };
    match glyph {
        Glyph::Circle => Vec::new(),
        Glyph::Diamond => around(4, -std::f32::consts::FRAC_PI_2, r * 1.25),
        Glyph::Square => around(4, std::f32::consts::FRAC_PI_4, r * 0.89 * std::f32::consts::SQRT_2),
        Glyph::Hexagon => around(6, 0.0, r * 1.1),
    }
}

/// The legend's name of node kind code `kind`, in `lang`.
pub fn kind_name(kind: u16, lang: Lang) -> &'static str {
    let key = match kind {
        0 => "DiplomacyForm",
        1 => "Threat",
        2 => "Organisation",
        _ => "Topic",
    };
    tr(lang, key)
}

/// The legend's words for curated relations and co-occurrence, in `lang`.
pub fn edge_legend(co_occurrence: bool, lang: Lang) -> &'static str {
    tr(lang, if co_occurrence { "legend co-occurrence" } else { "legend curated" })
}
