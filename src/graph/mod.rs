//! The map's graph core: pure data and math, no egui (tested with plain
//! `cargo test`).
//!
//! - [`data`]: the graph — concepts as nodes, relations as weighted edges —
//!   built from the index's plain records.
//! - [`layout`]: a deterministic force-directed layout with Barnes–Hut
//!   repulsion ([`quadtree`]), pins and incremental updates.
//! - [`persist`]: `corpus/layout.ron`, the pinned positions.
//! - [`query`]: filters (node kind, edge kind, weight) and focus neighbourhoods.
//! - [`camera`], [`grid`], [`scene`]: one frame of the map view as culled
//!   screen-space primitives, and hit testing; [`labels`]: where labels go
//!   so that none covers another.
//! - [`untangle`]: fewer crossing links on a settled layout (swaps and moves).
//! - [`synthetic`]: generated clustered graphs for benchmarks and tests.
//!
//! A typical frame in the UI:
//!
//! ```
//! use std::sync::Arc;
//! use diplomap::graph::*;
//!
//! let (nodes, edges) = synthetic::clustered(200, 600, 1);
//! let (graph, _problems) = Graph::build(nodes, edges);
//! let mut layout = Layout::new(Arc::new(graph), LayoutConfig::default());
//! layout.step();
//! let grid = NodeGrid::build(layout.positions());
//! let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(800.0, 600.0));
//! camera.fit(layout.bounds(), 20.0);
//! let style = SceneStyle::default();
//! let input = SceneInput {
//!     graph: layout.graph(),
//!     positions: layout.positions(),
//!     grid: &grid,
//!     camera: &camera,
//!     state: SceneState::default(),
//!     style: &style,
//! };
//! let scene = build_scene(&input);
//! assert!(!scene.nodes.is_empty());
//! ```

pub mod camera;
pub mod data;
pub mod geom;
pub mod grid;
pub mod labels;
pub mod layout;
pub mod occupancy;
pub mod persist;
pub mod quadtree;
pub mod query;
pub mod rng;
pub mod scene;
pub mod synthetic;
pub mod untangle;

pub use camera::Camera;
pub use data::{BuildProblem, Edge, EdgeInput, Graph, Node, NodeInput};
pub use geom::{Rect, Vec2};
pub use grid::NodeGrid;
pub use layout::{Layout, LayoutConfig, StepReport};
pub use persist::{LayoutFile, layout_to_ron, load_layout, parse_layout, save_layout};
pub use query::{EdgeSet, Filter, IndexSet, NodeSet, Visibility, focus, focus_within, visibility};
pub use scene::{
    EdgeShape, Emphasis, LabelShape, NodeShape, Scene, SceneInput, SceneState, SceneStyle, build_scene, node_at,
};
