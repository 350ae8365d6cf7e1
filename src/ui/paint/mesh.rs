//! The map's lines and glyphs turned into triangles here, straight into one
//! egui [`Mesh`] per layer, instead of handing egui one [`Shape`] each.
//!
//! A big map has tens of thousands of edges and nodes: as separate shapes
//! each is allocated, queued, clipped and tessellated by egui one by one,
//! which cost more than everything else in a frame. [`MeshBuilder`] draws the
//! same things the way egui's tessellator does — anti-aliased by a
//! one-pixel feather of fading alpha, hairlines thinner than a pixel drawn a
//! pixel wide and fainter, strokes centred on a polygon's outline and outside
//! a circle — so the map looks as it did, for a fraction of the work.
//! Shapes are drawn in the order they are added.
//!
//! ```no_run
//! # use diplomap::ui::paint::mesh::MeshBuilder;
//! # use eframe::egui::{self, Color32, Stroke, pos2};
//! # fn f(painter: &egui::Painter) {
//! let mut mesh = MeshBuilder::new(painter.ctx().pixels_per_point());
//! mesh.line(pos2(0.0, 0.0), pos2(100.0, 40.0), Stroke::new(1.5, Color32::GRAY));
//! mesh.circle(pos2(50.0, 50.0), 6.0, Color32::BLUE, Stroke::new(1.0, Color32::WHITE));
//! mesh.paint(painter);
//! # }
//! ```

use std::sync::{Arc, LazyLock, Mutex};

use eframe::egui::epaint::{Vertex, WHITE_UV};
use eframe::egui::{Color32, Id, Mesh, Painter, Pos2, Rect, Shape, Stroke, Vec2, vec2};

/// Builds one mesh out of many lines, polygons and circles.
pub struct MeshBuilder {
    mesh: Mesh,
    /// Width of the anti-aliasing feather: one physical pixel, in points.
    feather: f32,
    /// Scratch outline of the shape being added, and its outward normals
    /// (scaled so that moving every point by `d` along its normal moves every
    /// side by `d`).
    points: Vec<Pos2>,
    normals: Vec<Vec2>,
    /// Where the mesh is kept after painting, for [`MeshBuilder::recycling`].
    lent: Option<LentMesh>,
}

/// How many points a circle of `radius_px` physical pixels gets (as egui: more for bigger circles).
fn circle_segments(radius_px: f32) -> usize {
    match radius_px {
        r if r <= 2.0 => 8,
        r if r <= 5.0 => 16,
        r if r <= 18.0 => 32,
        r if r <= 50.0 => 64,
        _ => 128,
    }
}

/// The triangles of a hairline's six vertices (a ridge: rim, middle, rim at each end).
const HAIRLINE_INDICES: [u32; 12] = [0, 1, 3, 1, 3, 4, 1, 2, 4, 2, 4, 5];
/// The triangles of a line's eight vertices (rim, edge, edge, rim at each
/// end): three bands along it, and the feathered end caps.
const LINE_INDICES: [u32; 30] =
    [0, 1, 4, 1, 4, 5, 1, 2, 5, 2, 5, 6, 2, 3, 6, 3, 6, 7, 0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7];

/// The triangles of a feathered triangle's six vertices (rim, inside at
/// each corner): the three feathered sides, then the inside.
const TRIANGLE_INDICES: [u32; 21] = [4, 5, 0, 5, 0, 1, 0, 1, 2, 1, 2, 3, 2, 3, 4, 3, 4, 5, 1, 3, 5];

/// Steps of a rounded corner (a quarter circle).
const ARC_STEPS: usize = 3;

/// The polygon sizes whose directions are kept in a table: glyphs, circles, rounded corners.
const TABLED: [usize; 8] = [4, 6, 8, 12, 16, 32, 64, 128];

/// Unit vectors to the corners of a regular polygon, the first pointing
/// right, going clockwise on screen.
fn unit_directions(corners: usize) -> std::borrow::Cow<'static, [Vec2]> {
    static TABLES: LazyLock<Vec<Vec<Vec2>>> = LazyLock::new(|| TABLED.iter().map(|&n| directions_of(n)).collect());
    match TABLED.iter().position(|&n| n == corners) {
        Some(index) => std::borrow::Cow::Borrowed(&TABLES[index]),
        None => std::borrow::Cow::Owned(directions_of(corners)),
    }
}

fn directions_of(corners: usize) -> Vec<Vec2> {
    (0..corners)
        .map(|i| {
            let angle = std::f32::consts::TAU * i as f32 / corners as f32;
            vec2(angle.cos(), angle.sin())
        })
        .collect()
}

/// The length of `v` (`Vec2::length` goes through the slower `hypot`).
fn fast_length(v: Vec2) -> f32 {
    (v.x * v.x + v.y * v.y).sqrt()
}

/// `v` scaled to length one, or zero.
fn unit(v: Vec2) -> Vec2 {
    let length = fast_length(v);
    if length > 0.0 { v / length } else { Vec2::ZERO }
}

/// The mesh a builder painted last frame in its slot, kept so that its
/// buffers can be filled again once egui has let go of it.
type LentMesh = Arc<Mutex<Option<Arc<Mesh>>>>;

impl MeshBuilder {
    /// A builder for `painter` that reuses the buffers of the mesh painted
    /// through `slot` (a name unique within the layer) in an earlier frame,
    /// once egui is done with it: a big map's meshes are megabytes, and
    /// fresh megabytes every frame cost page faults.
    pub fn recycling(painter: &Painter, slot: &'static str) -> Self {
        let id = Id::unique(("diplomap_mesh", painter.layer_id(), slot));
        let lent = painter.ctx().data_mut(|data| data.get_temp_mut_or_default::<LentMesh>(id).clone());
        let mut builder = MeshBuilder::new(painter.ctx().pixels_per_point());
        let last = lent.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).take();
        if let Some(mut last) = last
            && let Some(mesh) = Arc::get_mut(&mut last)
        {
            builder.mesh = std::mem::take(mesh);
            builder.mesh.clear();
        }
        builder.lent = Some(lent);
        builder
    }

    /// Adds the mesh to `painter` as one shape, or, where the window has a
    /// GPU path ([`crate::ui::paint::gpu`]), as a paint callback that hands
    /// it to the GPU without egui tessellating it.
    pub fn paint(self, painter: &Painter) {
        if self.mesh.is_empty() {
            return;
        }
        let mesh = Arc::new(self.mesh);
        if let Some(lent) = &self.lent {
            *lent.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(Arc::clone(&mesh));
        }
        match crate::ui::paint::gpu::renderer(painter.ctx()) {
            Some(renderer) => {
                let rect = painter.clip_rect();
                painter.add(Shape::Callback(crate::ui::paint::gpu::mesh_callback(renderer, rect, mesh)));
            }
            None => {
                painter.add(Shape::Mesh(mesh));
            }
        }
    }

    pub fn new(pixels_per_point: f32) -> Self {
        let feather = if pixels_per_point > 0.0 && pixels_per_point.is_finite() { 1.0 / pixels_per_point } else { 1.0 };
        MeshBuilder { mesh: Mesh::default(), feather, points: Vec::new(), normals: Vec::new(), lent: None }
    }

    /// Room for about `shapes` more shapes of `vertices` vertices each.
    pub fn reserve(&mut self, shapes: usize, vertices: usize) {
        self.mesh.vertices.reserve(shapes * vertices);
        self.mesh.indices.reserve(shapes * vertices * 3);
    }

    pub fn is_empty(&self) -> bool {
        self.mesh.is_empty()
    }

    pub fn mesh(&self) -> &Mesh {
        &self.mesh
    }

    fn next_index(&self) -> u32 {
        self.mesh.vertices.len() as u32
    }

    fn triangle(&mut self, a: u32, b: u32, c: u32) {
        self.mesh.indices.extend_from_slice(&[a, b, c]);
    }

    /// Two triangles joining the band between vertices `a0`→`a1` and `b0`→`b1`.
    fn quad(&mut self, a0: u32, a1: u32, b0: u32, b1: u32) {
        self.mesh.indices.extend_from_slice(&[a0, a1, b0, a1, b0, b1]);
    }

    /// A straight line from `a` to `b`, as egui draws a line segment.
    pub fn line(&mut self, a: Pos2, b: Pos2, stroke: Stroke) {
        if stroke.width <= 0.0 || stroke.color == Color32::TRANSPARENT || !a.is_finite() || !b.is_finite() {
            return;
        }
        let along = b - a;
        let length = fast_length(along);
        if length <= 0.0 {
            return;
        }
        let normal = along.rot90() / length;
        let feather = self.feather;
        let first = self.next_index();
        let vertex = |pos: Pos2, color: Color32| Vertex { pos, uv: WHITE_UV, color };
        let clear = Color32::TRANSPARENT;
        if stroke.width <= feather {
            // A hairline: a ridge a feather wide each side, fainter instead of thinner.
            let middle = stroke.color.gamma_multiply(stroke.width / feather);
            let side = normal * feather;
            self.mesh.vertices.extend_from_slice(&[
                vertex(a + side, clear),
                vertex(a, middle),
                vertex(a - side, clear),
                vertex(b + side, clear),
                vertex(b, middle),
                vertex(b - side, clear),
            ]);
            self.mesh.indices.extend(HAIRLINE_INDICES.iter().map(|&i| first + i));
            return;
        }
        let inner = normal * (0.5 * (stroke.width - feather));
        let outer = normal * (0.5 * (stroke.width + feather));
        // The ends are feathered too: the outer corners reach a feather beyond them.
        let cap = along / length * feather;
        let color = stroke.color;
        self.mesh.vertices.extend_from_slice(&[
            vertex(a + outer - cap, clear),
            vertex(a + inner, color),
            vertex(a - inner, color),
            vertex(a - outer - cap, clear),
            vertex(b + outer + cap, clear),
            vertex(b + inner, color),
            vertex(b - inner, color),
            vertex(b - outer + cap, clear),
        ]);
        self.mesh.indices.extend(LINE_INDICES.iter().map(|&i| first + i));
    }

    /// A filled convex polygon with its outline stroked on the border (as
    /// `Shape::convex_polygon`). Points go round in either direction.
    pub fn convex_polygon(&mut self, points: &[Pos2], fill: Color32, stroke: Stroke) {
        self.points.clear();
        self.points.extend_from_slice(points);
        if !self.outline_normals() {
            return;
        }
        self.fill_and_stroke(fill, stroke);
    }

    /// A filled triangle without outline (an arrowhead): what
    /// [`MeshBuilder::convex_polygon`] does for three points, with less work.
    pub fn triangle_filled(&mut self, corners: [Pos2; 3], fill: Color32) {
        let [a, b, c] = corners;
        let area = (b - a).x * (c - a).y - (b - a).y * (c - a).x;
        if fill == Color32::TRANSPARENT || area.abs() < 1e-6 || !area.is_finite() {
            return;
        }
        let outward = if area >= 0.0 { 1.0 } else { -1.0 };
        let sides = [unit(b - a).rot90() * outward, unit(c - b).rot90() * outward, unit(a - c).rot90() * outward];
        let half = 0.5 * self.feather;
        let first = self.next_index();
        for (i, corner) in corners.into_iter().enumerate() {
            let mitre = (sides[(i + 2) % 3] + sides[i]) * 0.5;
            let length_sq = mitre.length_sq();
            let normal = if length_sq > 1e-6 { mitre / length_sq } else { sides[i] };
            self.mesh.vertices.extend_from_slice(&[
                Vertex { pos: corner + normal * half, uv: WHITE_UV, color: Color32::TRANSPARENT },
                Vertex { pos: corner - normal * half, uv: WHITE_UV, color: fill },
            ]);
        }
        self.mesh.indices.extend(TRIANGLE_INDICES.iter().map(|&i| first + i));
    }

    /// A filled circle with its outline stroked just outside it (as `Shape::circle`).
    pub fn circle(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
        // The stroke lies outside the circle: its centre line is half a width out.
        let radius = if stroke.width > 0.0 { radius + 0.5 * stroke.width } else { radius };
        let corners = circle_segments(radius / self.feather);
        self.regular(centre, radius, corners, 1.0, fill, stroke);
    }

    /// A regular polygon of `corners` corners (4: a diamond, 6: a hexagon)
    /// whose corners lie `radius` from `centre`, the first one to the right;
    /// stroked on its outline.
    pub fn regular_polygon(&mut self, centre: Pos2, radius: f32, corners: usize, fill: Color32, stroke: Stroke) {
        // At a corner the outline turns by a full turn / corners: the normal
        // there is as long as it takes to move both sides by one.
        let mitre = 1.0 / (std::f32::consts::PI / corners.max(3) as f32).cos();
        self.regular(centre, radius, corners, mitre, fill, stroke);
    }

    fn regular(&mut self, centre: Pos2, radius: f32, corners: usize, mitre: f32, fill: Color32, stroke: Stroke) {
        if radius <= 0.0 || corners < 3 || !centre.is_finite() || !radius.is_finite() {
            return;
        }
        self.points.clear();
        self.normals.clear();
        for &direction in unit_directions(corners).iter() {
            self.points.push(centre + direction * radius);
            self.normals.push(direction * mitre);
        }
        self.fill_and_stroke(fill, stroke);
    }

    /// A rectangle with rounded corners, stroke centred on its border (as `Painter::rect` with `StrokeKind::Middle`).
    pub fn rounded_rect(&mut self, rect: Rect, rounding: f32, fill: Color32, stroke: Stroke) {
        if !rect.is_finite() || rect.width() <= 0.0 || rect.height() <= 0.0 {
            return;
        }
        let rounding = rounding.clamp(0.0, 0.5 * rect.width().min(rect.height()));
        self.points.clear();
        self.normals.clear();
        // Corners clockwise on screen from the top-left; each rounded with a
        // few points, or sharp when the rounding is under half a pixel.
        if rounding / self.feather < 0.5 {
            self.points.extend([rect.left_top(), rect.right_top(), rect.right_bottom(), rect.left_bottom()]);
            self.normals.extend([vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(1.0, 1.0), vec2(-1.0, 1.0)]);
        } else {
            let inset = rect.shrink(rounding);
            let arcs = [
                (inset.left_top(), 2 * ARC_STEPS),
                (inset.right_top(), 3 * ARC_STEPS),
                (inset.right_bottom(), 0),
                (inset.left_bottom(), ARC_STEPS),
            ];
            let directions = unit_directions(4 * ARC_STEPS);
            for (centre, start) in arcs {
                for step in start..=start + ARC_STEPS {
                    let direction = directions[step % directions.len()];
                    self.points.push(centre + direction * rounding);
                    self.normals.push(direction);
                }
            }
        }
        self.fill_and_stroke(fill, stroke);
    }

    /// Computes outward normals of the closed outline in `points` (mitred at
    /// corners); drops repeated points. False when nothing is left to draw.
    fn outline_normals(&mut self) -> bool {
        self.points.dedup_by(|a, b| (*a - *b).length_sq() < 1e-8);
        while self.points.len() > 1 && (self.points[0] - self.points[self.points.len() - 1]).length_sq() < 1e-8 {
            self.points.pop();
        }
        let n = self.points.len();
        if n < 3 || self.points.iter().any(|p| !p.is_finite()) {
            return false;
        }
        // Twice the signed area: its sign says which side of each edge is outside.
        let area: f32 = (0..n)
            .map(|i| {
                let (a, b) = (self.points[i], self.points[(i + 1) % n]);
                a.x * b.y - b.x * a.y
            })
            .sum();
        let outward = if area >= 0.0 { 1.0 } else { -1.0 };
        self.normals.clear();
        let edge_normal = |from: Pos2, to: Pos2| unit(to - from).rot90() * outward;
        // Each corner's normal from the sides before and after it.
        let mut before = edge_normal(self.points[n - 1], self.points[0]);
        for i in 0..n {
            let after = edge_normal(self.points[i], self.points[(i + 1) % n]);
            let mitre = (before + after) * 0.5;
            let length_sq = mitre.length_sq();
            self.normals.push(if length_sq > 1e-6 { mitre / length_sq } else { after });
            before = after;
        }
        true
    }

    /// Fills and strokes the outline in `points`/`normals` the way egui's
    /// tessellator does (the stroke centred on the outline, the fill inside it).
    fn fill_and_stroke(&mut self, fill: Color32, stroke: Stroke) {
        let stroked = stroke.width > 0.0 && stroke.color != Color32::TRANSPARENT;
        if !stroked {
            self.fill_only(fill);
            return;
        }
        let feather = self.feather;
        let n = self.points.len() as u32;
        let first = self.next_index();
        // (At exactly a feather wide, the ridge and the band are the same picture.)
        if stroke.width <= feather {
            // A hairline outline: a ridge two feathers wide, fainter; the fill
            // pushed out so it covers the same area as without the ridge.
            let middle = stroke.color.gamma_multiply(stroke.width / feather);
            let push = if fill != Color32::TRANSPARENT { 0.5 * (feather - stroke.width).max(0.0) } else { 0.0 };
            for i in 0..n as usize {
                let (p, normal) = (self.points[i] + self.normals[i] * push, self.normals[i]);
                self.mesh.vertices.extend_from_slice(&[
                    Vertex { pos: p + normal * feather, uv: WHITE_UV, color: Color32::TRANSPARENT },
                    Vertex { pos: p, uv: WHITE_UV, color: middle },
                    Vertex { pos: p - normal * feather, uv: WHITE_UV, color: fill },
                ]);
            }
            self.bands(first, 3, n);
            self.fan(first + 2, 3, n, fill);
            return;
        }
        let inner = 0.5 * (stroke.width - feather);
        let outer = 0.5 * (stroke.width + feather);
        for i in 0..n as usize {
            let (p, normal) = (self.points[i], self.normals[i]);
            self.mesh.vertices.extend_from_slice(&[
                Vertex { pos: p + normal * outer, uv: WHITE_UV, color: Color32::TRANSPARENT },
                Vertex { pos: p + normal * inner, uv: WHITE_UV, color: stroke.color },
                Vertex { pos: p - normal * inner, uv: WHITE_UV, color: stroke.color },
                Vertex { pos: p - normal * outer, uv: WHITE_UV, color: fill },
            ]);
        }
        self.bands(first, 4, n);
        self.fan(first + 3, 4, n, fill);
    }

    /// A fill with a feathered rim and no stroke.
    fn fill_only(&mut self, fill: Color32) {
        if fill == Color32::TRANSPARENT {
            return;
        }
        let half = 0.5 * self.feather;
        let n = self.points.len() as u32;
        let first = self.next_index();
        for i in 0..n as usize {
            let (p, normal) = (self.points[i], self.normals[i]);
            self.mesh.vertices.extend_from_slice(&[
                Vertex { pos: p + normal * half, uv: WHITE_UV, color: Color32::TRANSPARENT },
                Vertex { pos: p - normal * half, uv: WHITE_UV, color: fill },
            ]);
        }
        self.bands(first, 2, n);
        self.fan(first + 1, 2, n, fill);
    }

    /// Joins `rings` concentric rings of `n` points each (stored point by
    /// point, `rings` vertices a point) into bands, closing the loop.
    fn bands(&mut self, first: u32, rings: u32, n: u32) {
        let mut previous = n - 1;
        for point in 0..n {
            for ring in 0..rings - 1 {
                let a = first + previous * rings + ring;
                let b = first + point * rings + ring;
                self.quad(a, a + 1, b, b + 1);
            }
            previous = point;
        }
    }

    /// Fills the inside of the ring whose vertices start at `first`, every `stride`.
    fn fan(&mut self, first: u32, stride: u32, n: u32, fill: Color32) {
        if fill == Color32::TRANSPARENT {
            return;
        }
        for i in 2..n {
            self.triangle(first, first + stride * (i - 1), first + stride * i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::egui::{self, pos2};

    fn builder() -> MeshBuilder {
        MeshBuilder::new(1.0)
    }

    /// Every index points at a vertex and every triangle has three.
    fn assert_valid(mesh: &Mesh) {
        assert!(mesh.is_valid(), "indices out of range");
        assert_eq!(mesh.indices.len() % 3, 0);
    }

    fn bounds(mesh: &Mesh) -> Rect {
        Rect::from_points(&mesh.vertices.iter().map(|v| v.pos).collect::<Vec<_>>())
    }

    /// The shapes one frame of painting a line through `MeshBuilder::paint` leaves on `ctx`.
    fn painted_shapes(ctx: &egui::Context) -> Vec<Shape> {
        let output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let mut mesh = builder();
            mesh.line(pos2(10.0, 20.0), pos2(110.0, 20.0), Stroke::new(3.0, Color32::RED));
            mesh.paint(ui.painter());
        });
        let mut textures = output.textures_delta;
        textures.clear();
        output.shapes.into_iter().map(|clipped| clipped.shape).collect()
    }

    #[test]
    fn the_mesh_goes_to_egui_as_a_mesh_without_the_gpu_path_and_as_a_callback_with_it() {
        let is_mesh = |shape: &Shape| matches!(shape, Shape::Mesh(_));
        let is_callback = |shape: &Shape| matches!(shape, Shape::Callback(_));
        let cpu = egui::Context::default();
        let shapes = painted_shapes(&cpu);
        assert!(shapes.iter().any(is_mesh) && !shapes.iter().any(is_callback));
        let gpu = egui::Context::default();
        crate::ui::paint::gpu::enable(&gpu);
        assert!(crate::ui::paint::gpu::enabled(&gpu));
        let shapes = painted_shapes(&gpu);
        assert!(shapes.iter().any(is_callback) && !shapes.iter().any(is_mesh));
    }

    #[test]
    fn a_thick_line_spans_its_width_plus_the_feather() {
        let mut mesh = builder();
        mesh.line(pos2(10.0, 20.0), pos2(110.0, 20.0), Stroke::new(3.0, Color32::RED));
        assert_valid(mesh.mesh());
        let b = bounds(mesh.mesh());
        assert!((b.top() - 18.0).abs() < 1e-4 && (b.bottom() - 22.0).abs() < 1e-4, "{b:?}");
        assert!((b.left() - 9.0).abs() < 1e-4 && (b.right() - 111.0).abs() < 1e-4, "{b:?}");
        // Opaque red in the middle, transparent on the rim.
        assert!(mesh.mesh().vertices.iter().any(|v| v.color == Color32::RED));
        assert!(mesh.mesh().vertices.iter().any(|v| v.color == Color32::TRANSPARENT));
    }

    #[test]
    fn a_hairline_is_a_fainter_pixel_wide_ridge() {
        let mut mesh = builder();
        mesh.line(pos2(0.0, 0.0), pos2(0.0, 50.0), Stroke::new(0.5, Color32::WHITE));
        assert_valid(mesh.mesh());
        assert_eq!(mesh.mesh().vertices.len(), 6);
        let middle = mesh.mesh().vertices[1].color;
        assert!(middle.a() > 0 && middle.a() < 255, "{middle:?}");
        assert!((bounds(mesh.mesh()).width() - 2.0).abs() < 1e-4);
    }

    #[test]
    fn degenerate_shapes_add_nothing() {
        let mut mesh = builder();
        mesh.line(pos2(5.0, 5.0), pos2(5.0, 5.0), Stroke::new(1.0, Color32::RED));
        mesh.line(pos2(f32::NAN, 5.0), pos2(5.0, 5.0), Stroke::new(1.0, Color32::RED));
        mesh.circle(pos2(5.0, 5.0), 0.0, Color32::RED, Stroke::NONE);
        mesh.convex_polygon(&[pos2(0.0, 0.0), pos2(1.0, 1.0)], Color32::RED, Stroke::NONE);
        mesh.convex_polygon(&[pos2(0.0, 0.0), pos2(0.0, 0.0), pos2(0.0, 0.0)], Color32::RED, Stroke::NONE);
        assert!(mesh.is_empty());
    }

    #[test]
    fn polygons_are_stroked_on_their_outline_whichever_way_they_turn() {
        let square = [pos2(0.0, 0.0), pos2(10.0, 0.0), pos2(10.0, 10.0), pos2(0.0, 10.0)];
        let reversed: Vec<Pos2> = square.iter().rev().copied().collect();
        for points in [&square[..], &reversed[..]] {
            let mut mesh = builder();
            mesh.convex_polygon(points, Color32::BLUE, Stroke::new(2.0, Color32::WHITE));
            assert_valid(mesh.mesh());
            // Stroke 2 centred on the outline, plus half a feather: 1.5 beyond each side.
            let b = bounds(mesh.mesh());
            assert!((b.left() + 1.5).abs() < 1e-3 && (b.right() - 11.5).abs() < 1e-3, "{b:?}");
            assert!(mesh.mesh().vertices.iter().any(|v| v.color == Color32::BLUE));
        }
    }

    #[test]
    fn a_circle_is_stroked_outside_its_radius() {
        let mut mesh = builder();
        mesh.circle(pos2(50.0, 50.0), 10.0, Color32::GREEN, Stroke::new(2.0, Color32::WHITE));
        assert_valid(mesh.mesh());
        // Outline centred at radius 11, outer rim at 11 + 1.5.
        let b = bounds(mesh.mesh());
        assert!((b.width() - 25.0).abs() < 1e-3, "{b:?}");
        let mut filled = builder();
        filled.circle(pos2(50.0, 50.0), 10.0, Color32::GREEN, Stroke::NONE);
        assert!((bounds(filled.mesh()).width() - 21.0).abs() < 1e-3);
    }

    #[test]
    fn rounded_rectangles_stay_inside_their_box() {
        let mut mesh = builder();
        let rect = Rect::from_min_size(pos2(0.0, 0.0), vec2(40.0, 16.0));
        mesh.rounded_rect(rect, 3.0, Color32::WHITE, Stroke::NONE);
        assert_valid(mesh.mesh());
        let b = bounds(mesh.mesh());
        assert!(b.left() >= -0.5 - 1e-3 && b.right() <= 40.5 + 1e-3, "{b:?}");
        assert!(b.top() >= -0.5 - 1e-3 && b.bottom() <= 16.5 + 1e-3, "{b:?}");
    }

    #[test]
    fn regular_polygons_have_their_corners_on_the_radius() {
        let mut mesh = builder();
        mesh.regular_polygon(pos2(0.0, 0.0), 10.0, 4, Color32::RED, Stroke::NONE);
        assert_valid(mesh.mesh());
        // A diamond: corners at ±10 on the axes, fill feathered half a pixel (mitred) beyond.
        let b = bounds(mesh.mesh());
        let reach = 10.0 + 0.5 * std::f32::consts::SQRT_2;
        assert!((b.right() - reach).abs() < 1e-3 && (b.top() + reach).abs() < 1e-3, "{b:?}");
        // Sides move by half a pixel: the midpoint of a side's outer rim is 0.5 beyond the side.
        let side_mid = pos2(5.0, 5.0);
        let outer = mesh.mesh().vertices.iter().filter(|v| v.color == Color32::TRANSPARENT);
        let farthest = outer.map(|v| v.pos.to_vec2().dot(vec2(1.0, 1.0)) / 2f32.sqrt()).fold(f32::MIN, f32::max);
        assert!((farthest - (side_mid.to_vec2().length() + 0.5)).abs() < 1e-3, "{farthest}");
    }

    #[test]
    fn a_triangle_is_filled_as_the_polygon_is() {
        let corners = [pos2(10.0, 0.0), pos2(0.0, 4.0), pos2(0.0, -4.0)];
        let mut fast = builder();
        fast.triangle_filled(corners, Color32::RED);
        let mut general = builder();
        general.convex_polygon(&corners, Color32::RED, Stroke::NONE);
        assert_valid(fast.mesh());
        assert_eq!(fast.mesh().indices, general.mesh().indices);
        for (a, b) in fast.mesh().vertices.iter().zip(&general.mesh().vertices) {
            assert!((a.pos - b.pos).length() < 1e-4 && a.color == b.color, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn shapes_are_drawn_in_the_order_they_are_added() {
        let mut mesh = builder();
        mesh.circle(pos2(0.0, 0.0), 5.0, Color32::RED, Stroke::NONE);
        let after_first = mesh.mesh().indices.len();
        mesh.circle(pos2(0.0, 0.0), 5.0, Color32::BLUE, Stroke::NONE);
        let second = &mesh.mesh().indices[after_first..];
        assert!(second.iter().all(|&i| mesh.mesh().vertices[i as usize].color != Color32::RED));
    }
}
