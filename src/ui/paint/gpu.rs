//! The map's meshes drawn by the GPU straight from our buffers, through an
//! egui paint callback, instead of handed to egui as shapes.
//!
//! A big map's edge and node meshes are hundreds of thousands of vertices;
//! as `Shape::Mesh`es egui copies them into its own primitives every frame
//! (culling, re-indexing, appending), which cost several times our painting.
//! With the GPU path on, [`crate::ui::paint::mesh::MeshBuilder::paint`] adds
//! a [`egui::PaintCallback`] instead, and the callback writes the mesh into
//! vertex and index buffers that live as long as the window (grown when a
//! frame needs more, never reallocated otherwise) and draws it with one call,
//! blended as egui blends its own meshes (premultiplied alpha, colours in
//! gamma space), so the picture is the same.
//!
//! The path is on only where the window has a glow context: the app calls
//! [`enable`] when eframe hands it one. Headless tests and the PNG export
//! have none, so they keep the CPU path (shapes egui tessellates and
//! `raster` fills). A GL failure (a shader that does not compile, a GL
//! error after drawing) is logged once and turns the path off: the next
//! frames are painted the CPU way.
//!
//! ```no_run
//! # fn f(ctx: &egui::Context) {
//! diplomap::ui::paint::gpu::enable(ctx);
//! assert!(diplomap::ui::paint::gpu::enabled(ctx));
//! # }
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use eframe::egui::{self, Id, Mesh, PaintCallback, PaintCallbackInfo, Rect};
use eframe::egui_glow::{self, CallbackFn, ShaderVersion};
use eframe::glow::{self, HasContext};

/// Why the GPU path could not draw.
#[derive(Debug, thiserror::Error)]
pub enum GpuError {
    #[error("cannot create {what}: {message}")]
    Create { what: &'static str, message: String },
    #[error("the map's shader does not compile: {0}")]
    Compile(String),
    #[error("the map's shader does not link: {0}")]
    Link(String),
    #[error("GL error {0:#x} while drawing the map")]
    Gl(u32),
}

/// The GPU path's shared state: its GL objects (made on first use, on the
/// GL thread) and whether it failed.
#[derive(Default)]
pub struct MapRenderer {
    objects: Mutex<Option<GlObjects>>,
    failed: AtomicBool,
}

/// The program and the persistent buffers.
struct GlObjects {
    program: glow::Program,
    vao: glow::VertexArray,
    vertices: glow::Buffer,
    indices: glow::Buffer,
    /// Bytes allocated in each buffer.
    vertex_capacity: usize,
    index_capacity: usize,
    u_viewport: Option<glow::UniformLocation>,
}

fn renderer_id() -> Id {
    Id::unique("diplomap_gpu_map_renderer")
}

/// Turns the GPU path on for `ctx` (the window has a glow context).
pub fn enable(ctx: &egui::Context) {
    ctx.data_mut(|data| data.insert_temp(renderer_id(), Arc::new(MapRenderer::default())));
}

/// The renderer when the GPU path is on for `ctx` and has not failed.
pub fn renderer(ctx: &egui::Context) -> Option<Arc<MapRenderer>> {
    ctx.data(|data| data.get_temp::<Arc<MapRenderer>>(renderer_id())).filter(|r| !r.failed.load(Ordering::Relaxed))
}

/// Whether meshes painted on `ctx` go to the GPU through a callback.
pub fn enabled(ctx: &egui::Context) -> bool {
    renderer(ctx).is_some()
}

/// The callback that draws `mesh` (vertices in points, like egui's) over `rect`.
pub fn mesh_callback(renderer: Arc<MapRenderer>, rect: Rect, mesh: Arc<Mesh>) -> PaintCallback {
    let callback = CallbackFn::new(move |info, painter| renderer.draw(&info, painter, &mesh));
    PaintCallback { rect, callback: Arc::new(callback) }
}

impl MapRenderer {
    /// Draws `mesh`; on failure logs, turns the path off and asks for a frame painted the CPU way.
    fn draw(&self, info: &PaintCallbackInfo, painter: &egui_glow::Painter, mesh: &Mesh) {
        if self.failed.load(Ordering::Relaxed) || mesh.indices.is_empty() {
            return;
        }
        let gl = painter.gl();
        let mut objects = self.objects.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = match objects.as_mut() {
            Some(objects) => objects.draw(gl, info, mesh),
            None => GlObjects::new(gl).and_then(|made| objects.insert(made).draw(gl, info, mesh)),
        };
        if let Err(err) = result {
            eprintln!("diplomap: the map is painted without the GPU path from now on: {err}");
            self.failed.store(true, Ordering::Relaxed);
        }
    }
}

const VERTEX_SHADER: &str = r#"
uniform vec4 u_viewport; // left, top, width, height in points
IN vec2 a_pos;
IN vec4 a_colour;
OUT vec4 v_colour;
void main() {
    vec2 at = (a_pos - u_viewport.xy) / u_viewport.zw;
    gl_Position = vec4(2.0 * at.x - 1.0, 1.0 - 2.0 * at.y, 0.0, 1.0);
    v_colour = a_colour;
}
"#;

const FRAGMENT_SHADER: &str = r#"
IN vec4 v_colour;
void main() {
    FRAG_COLOUR = v_colour;
}
"#;

/// Bytes of one `egui::epaint::Vertex`: position (2 × f32), uv (2 × f32), colour (4 × u8).
const VERTEX_BYTES: usize = std::mem::size_of::<egui::epaint::Vertex>();
const _: () = assert!(VERTEX_BYTES == 20);
/// Where the colour starts in a vertex.
const COLOUR_OFFSET: i32 = 16;

/// The source of a shader in the context's GLSL dialect.
fn shader_source(version: ShaderVersion, body: &str, fragment: bool) -> String {
    let mut source = format!("{}\n", version.version_declaration());
    if version.is_embedded() {
        source.push_str("precision mediump float;\n");
    }
    if version.is_new_shader_interface() {
        let input = "#define IN in\n";
        let output = if fragment {
            "#define OUT out\nout vec4 f_colour;\n#define FRAG_COLOUR f_colour\n"
        } else {
            "#define OUT out\n"
        };
        source.push_str(input);
        source.push_str(output);
    } else {
        let input = if fragment { "#define IN varying\n" } else { "#define IN attribute\n" };
        source.push_str(input);
        source.push_str("#define OUT varying\n#define FRAG_COLOUR gl_FragColor\n");
    }
    source.push_str(body);
    source
}

fn created<T>(what: &'static str, made: Result<T, String>) -> Result<T, GpuError> {
    made.map_err(|message| GpuError::Create { what, message })
}

impl GlObjects {
    fn new(gl: &glow::Context) -> Result<GlObjects, GpuError> {
        let version = ShaderVersion::get(gl);
        // SAFETY: called on the GL thread inside egui_glow's paint callback,
        // with its context current; every object made here is used only there.
        unsafe {
            let program = created("a program", gl.create_program())?;
            let mut shaders = Vec::new();
            for (kind, body, fragment) in
                [(glow::VERTEX_SHADER, VERTEX_SHADER, false), (glow::FRAGMENT_SHADER, FRAGMENT_SHADER, true)]
            {
                let shader = created("a shader", gl.create_shader(kind))?;
                gl.shader_source(shader, &shader_source(version, body, fragment));
                gl.compile_shader(shader);
                if !gl.get_shader_compile_status(shader) {
                    let log = gl.get_shader_info_log(shader);
                    gl.delete_shader(shader);
                    gl.delete_program(program);
                    return Err(GpuError::Compile(log));
                }
                gl.attach_shader(program, shader);
                shaders.push(shader);
            }
            gl.bind_attrib_location(program, 0, "a_pos");
            gl.bind_attrib_location(program, 1, "a_colour");
            gl.link_program(program);
            for shader in shaders {
                gl.detach_shader(program, shader);
                gl.delete_shader(shader);
            }
            if !gl.get_program_link_status(program) {
                let log = gl.get_program_info_log(program);
                gl.delete_program(program);
                return Err(GpuError::Link(log));
            }
            let u_viewport = gl.get_uniform_location(program, "u_viewport");
            let vao = created("a vertex array", gl.create_vertex_array())?;
            let vertices = created("a vertex buffer", gl.create_buffer())?;
            let indices = created("an index buffer", gl.create_buffer())?;
            gl.bind_vertex_array(Some(vao));
            gl.bind_buffer(glow::ARRAY_BUFFER, Some(vertices));
            gl.enable_vertex_attrib_array(0);
            gl.vertex_attrib_pointer_f32(0, 2, glow::FLOAT, false, VERTEX_BYTES as i32, 0);
            gl.enable_vertex_attrib_array(1);
            gl.vertex_attrib_pointer_f32(1, 4, glow::UNSIGNED_BYTE, true, VERTEX_BYTES as i32, COLOUR_OFFSET);
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(indices));
            gl.bind_vertex_array(None);
            gl.bind_buffer(glow::ARRAY_BUFFER, None);
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, None);
            Ok(GlObjects { program, vao, vertices, indices, vertex_capacity: 0, index_capacity: 0, u_viewport })
        }
    }

    /// Writes `mesh` into the buffers (growing them only when it does not fit) and draws it.
    fn draw(&mut self, gl: &glow::Context, info: &PaintCallbackInfo, mesh: &Mesh) -> Result<(), GpuError> {
        // SAFETY: `Vertex` is `repr(C)`, 20 bytes of f32s and u8s without
        // padding (checked above), so its slice is plain bytes; the slices
        // live for the calls.
        let vertex_bytes = unsafe {
            std::slice::from_raw_parts(mesh.vertices.as_ptr().cast::<u8>(), mesh.vertices.len() * VERTEX_BYTES)
        };
        // SAFETY: u32s are plain bytes.
        let index_bytes = unsafe {
            std::slice::from_raw_parts(mesh.indices.as_ptr().cast::<u8>(), std::mem::size_of_val(&mesh.indices[..]))
        };
        let count = i32::try_from(mesh.indices.len()).map_err(|_| GpuError::Gl(glow::OUT_OF_MEMORY))?;
        // The GL viewport egui set: the callback's rectangle rounded to whole
        // pixels. Vertices are mapped through that one, not the unrounded
        // rectangle, or the map would shift by a fraction of a pixel.
        let pixels = info.viewport_in_pixels();
        let per_point = if info.pixels_per_point > 0.0 { info.pixels_per_point } else { 1.0 };
        let viewport = Rect::from_min_size(
            egui::pos2(pixels.left_px as f32, pixels.top_px as f32) / per_point,
            egui::vec2(pixels.width_px as f32, pixels.height_px as f32) / per_point,
        );
        // SAFETY: on the GL thread in egui_glow's paint callback, context
        // current; the objects are this context's. egui_glow restores its
        // own state after the callback.
        unsafe {
            gl.use_program(Some(self.program));
            gl.uniform_4_f32(
                self.u_viewport.as_ref(),
                viewport.left(),
                viewport.top(),
                viewport.width(),
                viewport.height(),
            );
            gl.bind_vertex_array(Some(self.vao));
            gl.bind_buffer(glow::ARRAY_BUFFER, Some(self.vertices));
            upload(gl, glow::ARRAY_BUFFER, &mut self.vertex_capacity, vertex_bytes);
            gl.bind_buffer(glow::ELEMENT_ARRAY_BUFFER, Some(self.indices));
            upload(gl, glow::ELEMENT_ARRAY_BUFFER, &mut self.index_capacity, index_bytes);
            gl.draw_elements(glow::TRIANGLES, count, glow::UNSIGNED_INT, 0);
            gl.bind_vertex_array(None);
            gl.bind_buffer(glow::ARRAY_BUFFER, None);
            gl.use_program(None);
            match gl.get_error() {
                glow::NO_ERROR => Ok(()),
                error => Err(GpuError::Gl(error)),
            }
        }
    }
}

/// Writes `bytes` into the bound buffer, growing it (to twice the need) only when they do not fit.
///
/// # Safety
/// The GL context is current and a buffer is bound to `target`.
unsafe fn upload(gl: &glow::Context, target: u32, capacity: &mut usize, bytes: &[u8]) {
    // SAFETY: as the caller promises.
    unsafe {
        if bytes.len() > *capacity {
            let grown = (bytes.len() * 2).max(1 << 16);
            if let Ok(size) = i32::try_from(grown) {
                gl.buffer_data_size(target, size, glow::DYNAMIC_DRAW);
                *capacity = grown;
            } else {
                gl.buffer_data_u8_slice(target, bytes, glow::DYNAMIC_DRAW);
                *capacity = bytes.len();
                return;
            }
        }
        gl.buffer_sub_data_u8_slice(target, 0, bytes);
    }
}
