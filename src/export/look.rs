//! How exported maps look: colours and node glyphs by kind, edge colours by
//! emphasis, and the legend's words in each language. Plain RGB, no egui, so
//! the SVG writer and the PNG painter draw the same picture.

use crate::graph::scene::Emphasis;
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
pub const TEXT: Rgba = Rgba(28, 28, 32, 255);
pub const MUTED_TEXT: Rgba = Rgba(96, 96, 104, 255);
pub const NODE_OUTLINE: Rgba = Rgba(255, 255, 255, 255);
pub const HIGHLIGHT: Rgba = Rgba(230, 126, 0, 255);
const RELATION_EDGE: Rgba = Rgba(85, 85, 95, 255);
const CO_OCCURRENCE_EDGE: Rgba = Rgba(150, 150, 160, 255);
/// Opacity of primitives outside the focus.
pub const DIMMED_ALPHA: u8 = 60;

/// The fill of a node of kind index `kind` (order of `tours::CONCEPT_KINDS`).
pub fn node_fill(kind: u16) -> Rgba {
    match kind {
        0 => Rgba(47, 109, 181, 255),
        1 => Rgba(200, 69, 58, 255),
        2 => Rgba(46, 139, 87, 255),
        _ => Rgba(201, 138, 27, 255),
    }
}

pub fn node_glyph(kind: u16) -> Glyph {
    match kind {
        0 => Glyph::Circle,
        1 => Glyph::Diamond,
        2 => Glyph::Square,
        _ => Glyph::Hexagon,
    }
}

/// Whether edge kind index `kind` is co-occurrence (the last edge kind).
pub fn is_co_occurrence(kind: u16) -> bool {
    usize::from(kind) + 1 >= crate::tours::EDGE_KINDS.len()
}

/// The stroke of an edge of kind index `kind` drawn with `emphasis`.
pub fn edge_stroke(kind: u16, emphasis: Emphasis) -> Rgba {
    let base = if is_co_occurrence(kind) { CO_OCCURRENCE_EDGE } else { RELATION_EDGE };
    match emphasis {
        Emphasis::Highlighted => HIGHLIGHT,
        Emphasis::Normal => base,
        Emphasis::Dimmed => base.with_alpha(DIMMED_ALPHA),
    }
}

/// A node's fill with its emphasis applied.
pub fn node_colour(kind: u16, emphasis: Emphasis) -> Rgba {
    let fill = node_fill(kind);
    if emphasis == Emphasis::Dimmed { fill.with_alpha(DIMMED_ALPHA) } else { fill }
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
        Glyph::Diamond => around(4, -std::f32::consts::FRAC_PI_2, r * 1.2),
        Glyph::Square => around(4, std::f32::consts::FRAC_PI_4, r * 1.15),
        Glyph::Hexagon => around(6, 0.0, r * 1.08),
    }
}

/// The legend's name of node kind index `kind`, in `lang`.
pub fn kind_name(kind: u16, lang: Lang) -> &'static str {
    let names: [&str; 3] = match kind {
        0 => ["گونه‌های دیپلماسی", "أشكال الدبلوماسية", "Forms of diplomacy"],
        1 => ["تهدیدها", "التهديدات", "Threats"],
        2 => ["سازمان‌ها", "المنظمات", "Organisations"],
        _ => ["موضوع‌ها", "المواضيع", "Topics"],
    };
    pick(names, lang)
}

/// The legend's words for curated relations and co-occurrence, in `lang`.
pub fn edge_legend(co_occurrence: bool, lang: Lang) -> &'static str {
    if co_occurrence {
        pick(["هم‌آیی در متن‌ها", "ورود مشترك في النصوص", "Mentioned together"], lang)
    } else {
        pick(["پیوند تعریف‌شده (جهت‌دار)", "علاقة محددة (موجهة)", "Curated relation (directed)"], lang)
    }
}

fn pick(names: [&'static str; 3], lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => names[0],
        Lang::Ar => names[1],
        Lang::En => names[2],
    }
}
