//! A small software rasterizer for egui's output, so a picture painted with
//! egui (text through our bidi layout, the bundled fonts) can be saved as a PNG
//! without a window or a GPU.
//!
//! [`render_offscreen`] runs an [`egui::Context`] headlessly for a few frames,
//! keeps the textures egui hands out (the font atlas), tessellates the last
//! frame's shapes and fills the triangles on the CPU. Colours are blended the
//! way egui's own renderers do: premultiplied alpha, in gamma (sRGB) space,
//! texture colour times vertex colour, textures sampled bilinearly.

use std::collections::HashMap;

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Color32, ColorImage, Context, ImageData, Pos2, RawInput, Rect, TextureId, TexturesDelta, Vec2};

/// An RGBA image, 8 bits a channel, not premultiplied (ready for PNG).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RgbaImage {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Paints with `paint` on a headless context of `size` points at `scale`
/// pixels per point, with the app's fonts, and rasterizes the result.
pub fn render_offscreen(size: Vec2, scale: f32, mut paint: impl FnMut(&egui::Ui)) -> RgbaImage {
    let ctx = Context::default();
    crate::ui::widgets::fonts::install_fonts(&ctx);
    ctx.set_pixels_per_point(scale);
    let input = || RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)), ..RawInput::default() };
    let mut textures = Textures::default();
    // The first frame loads the fonts; the second paints with them laid out.
    let mut warm_up = ctx.run_ui(input(), |_| {});
    textures.apply(&mut warm_up.textures_delta);
    let mut output = ctx.run_ui(input(), |ui| paint(ui));
    textures.apply(&mut output.textures_delta);
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let width = (size.x * scale).round().max(1.0) as u32;
    let height = (size.y * scale).round().max(1.0) as u32;
    let mut canvas = Canvas::new(width, height);
    for primitive in &primitives {
        canvas.draw(primitive, output.pixels_per_point, &textures);
    }
    canvas.into_image()
}

/// The textures egui has set, as full images.
#[derive(Default)]
struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Takes in (and clears) the changes of one frame.
    fn apply(&mut self, delta: &mut TexturesDelta) {
        for (id, deltas) in &delta.set {
            for image_delta in deltas {
                let ImageData::Color(patch) = &image_delta.image;
                match image_delta.pos {
                    None => {
                        self.images.insert(*id, (**patch).clone());
                    }
                    Some([x, y]) => {
                        if let Some(image) = self.images.get_mut(id) {
                            blit(image, patch, x, y);
                        }
                    }
                }
            }
        }
        delta.clear();
    }
}

fn blit(image: &mut ColorImage, patch: &ColorImage, x0: usize, y0: usize) {
    let [width, height] = image.size;
    for row in 0..patch.size[1] {
        for column in 0..patch.size[0] {
            let (x, y) = (x0 + column, y0 + row);
            if x < width && y < height {
                image.pixels[y * width + x] = patch.pixels[row * patch.size[0] + column];
            }
        }
    }
}

/// Premultiplied RGBA in 0–1, gamma space.
struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<[f32; 4]>,
}

impl Canvas {
    fn new(width: u32, height: u32) -> Canvas {
        Canvas { width, height, pixels: vec![[0.0; 4]; width as usize * height as usize] }
    }

    fn draw(&mut self, clipped: &ClippedPrimitive, pixels_per_point: f32, textures: &Textures) {
        let Primitive::Mesh(mesh) = &clipped.primitive else { return };
        let texture = textures.images.get(&mesh.texture_id);
        let clip = Rect::from_min_max(
            (clipped.clip_rect.min.to_vec2() * pixels_per_point).to_pos2(),
            (clipped.clip_rect.max.to_vec2() * pixels_per_point).to_pos2(),
        );
        for triangle in mesh.indices.chunks_exact(3) {
            let corner = |i: u32| mesh.vertices.get(i as usize).copied();
            let (Some(a), Some(b), Some(c)) = (corner(triangle[0]), corner(triangle[1]), corner(triangle[2])) else {
                continue;
            };
            self.fill_triangle([a, b, c], pixels_per_point, clip, texture);
        }
    }

    fn fill_triangle(&mut self, corners: [Vertex; 3], scale: f32, clip: Rect, texture: Option<&ColorImage>) {
        let p = corners.map(|v| Pos2::new(v.pos.x * scale, v.pos.y * scale));
        let area = edge(p[0], p[1], p[2]);
        if area.abs() < 1e-6 {
            return;
        }
        let min_x = p.iter().map(|q| q.x).fold(f32::INFINITY, f32::min).max(clip.min.x).max(0.0);
        let max_x = p.iter().map(|q| q.x).fold(f32::NEG_INFINITY, f32::max).min(clip.max.x).min(self.width as f32);
        let min_y = p.iter().map(|q| q.y).fold(f32::INFINITY, f32::min).max(clip.min.y).max(0.0);
        let max_y = p.iter().map(|q| q.y).fold(f32::NEG_INFINITY, f32::max).min(clip.max.y).min(self.height as f32);
        if min_x >= max_x || min_y >= max_y {
            return;
        }
        for y in (min_y.floor() as u32)..(max_y.ceil() as u32).min(self.height) {
            for x in (min_x.floor() as u32)..(max_x.ceil() as u32).min(self.width) {
                let centre = Pos2::new(x as f32 + 0.5, y as f32 + 0.5);
                if !clip.contains(centre) {
                    continue;
                }
                let w =
                    [edge(p[1], p[2], centre) / area, edge(p[2], p[0], centre) / area, edge(p[0], p[1], centre) / area];
                if w.iter().any(|&weight| weight < 0.0) {
                    continue;
                }
                let colour = shade(&corners, w, texture);
                self.blend(x, y, colour);
            }
        }
    }

    fn blend(&mut self, x: u32, y: u32, source: [f32; 4]) {
        let Some(pixel) = self.pixels.get_mut(y as usize * self.width as usize + x as usize) else { return };
        let keep = 1.0 - source[3];
        for channel in 0..4 {
            pixel[channel] = source[channel] + pixel[channel] * keep;
        }
    }

    fn into_image(self) -> RgbaImage {
        let mut pixels = Vec::with_capacity(self.pixels.len() * 4);
        for [r, g, b, a] in self.pixels {
            let unmultiply = |c: f32| if a > 0.0 { (c / a).clamp(0.0, 1.0) } else { 0.0 };
            let byte = |c: f32| (c * 255.0).round() as u8;
            pixels.extend([byte(unmultiply(r)), byte(unmultiply(g)), byte(unmultiply(b)), byte(a.clamp(0.0, 1.0))]);
        }
        RgbaImage { width: self.width, height: self.height, pixels }
    }
}

/// Twice the signed area of (a, b, c).
fn edge(a: Pos2, b: Pos2, c: Pos2) -> f32 {
    (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
}

/// The premultiplied colour at barycentric weights `w`.
fn shade(corners: &[Vertex; 3], w: [f32; 3], texture: Option<&ColorImage>) -> [f32; 4] {
    let mut colour = [0.0f32; 4];
    let mut uv = Vec2::ZERO;
    for (vertex, weight) in corners.iter().zip(w) {
        let rgba = vertex.color.to_array();
        for channel in 0..4 {
            colour[channel] += weight * f32::from(rgba[channel]) / 255.0;
        }
        uv += vertex.uv.to_vec2() * weight;
    }
    let Some(texture) = texture else { return colour };
    let texel = sample(texture, uv);
    [colour[0] * texel[0], colour[1] * texel[1], colour[2] * texel[2], colour[3] * texel[3]]
}

/// Bilinear sample of a premultiplied texture at normalised `uv`.
fn sample(texture: &ColorImage, uv: Vec2) -> [f32; 4] {
    let [width, height] = texture.size;
    if width == 0 || height == 0 {
        return [1.0; 4];
    }
    let x = (uv.x * width as f32 - 0.5).clamp(0.0, (width - 1) as f32);
    let y = (uv.y * height as f32 - 0.5).clamp(0.0, (height - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(width - 1), (y0 + 1).min(height - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let texel = |xx: usize, yy: usize| -> [f32; 4] {
        let c: Color32 = texture.pixels[yy * width + xx];
        c.to_array().map(|v| f32::from(v) / 255.0)
    };
    let (a, b, c, d) = (texel(x0, y0), texel(x1, y0), texel(x0, y1), texel(x1, y1));
    let mut out = [0.0; 4];
    for channel in 0..4 {
        let top = a[channel] + (b[channel] - a[channel]) * fx;
        let bottom = c[channel] + (d[channel] - c[channel]) * fx;
        out[channel] = top + (bottom - top) * fy;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_rectangle_covers_its_pixels() {
        let image = render_offscreen(Vec2::new(40.0, 20.0), 2.0, |ui| {
            ui.painter().rect_filled(
                Rect::from_min_size(Pos2::new(10.0, 5.0), Vec2::new(10.0, 10.0)),
                0.0,
                Color32::RED,
            );
        });
        assert_eq!((image.width, image.height), (80, 40));
        let at = |x: usize, y: usize| &image.pixels[(y * 80 + x) * 4..(y * 80 + x) * 4 + 4];
        assert_eq!(at(30, 20), &[255, 0, 0, 255], "inside");
        assert_eq!(at(5, 5)[3], 0, "outside stays transparent");
    }
}
