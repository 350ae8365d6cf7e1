//! Pictures of the map: its graph built from the model, its scene painted with
//! egui (on screen, in the presenter, in a PNG), tessellated into meshes and
//! rasterized on the CPU for image export, or handed to the GPU through a
//! paint callback in the window.

pub mod gpu;
pub mod map;
pub mod mesh;
pub mod picture;
pub mod raster;
