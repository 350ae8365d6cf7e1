//! The map view's state between frames: what it shows ([`MapSettings`]:
//! focus, filters, highlights — what a tour step sets and reads), the graph and
//! its layout, the camera, what is hovered and selected, and which nodes the
//! filters and the focus let through.

use std::collections::BTreeMap;

use eframe::egui::Pos2;

use crate::catalog::ConceptKind;
use crate::export::map::{MapData, edge_code, kind_code};
use crate::graph::{
    Camera, EdgeSet, Filter, Layout, LayoutConfig, LayoutFile, NodeSet, SceneStyle, Vec2, Visibility, focus_within,
    visibility,
};
use crate::index::EdgeKind;
use crate::notes::NoteStore;
use crate::text::Lang;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::context::layout_store::LayoutStore;
use crate::ui::context::model::Model;

/// Zoom factor of one `+`/`-` press or button click.
pub(super) const ZOOM_STEP: f32 = 1.25;

/// What the map shows: focus, filters and highlights. Plain data, so a tour
/// step can set it and read it back.
#[derive(Debug, Clone, PartialEq)]
pub struct MapSettings {
    /// The concept in the middle, by id; nodes beyond `depth` links from it are dimmed.
    pub focus: Option<String>,
    pub depth: usize,
    /// Concept kinds shown; empty shows all.
    pub kinds: Vec<ConceptKind>,
    /// Documents whose concepts and evidence are shown, by id; empty shows all.
    pub documents: Vec<String>,
    /// Edge kinds shown; empty shows all.
    pub edge_kinds: Vec<EdgeKind>,
    /// Edges lighter than this are hidden.
    pub min_weight: f32,
    /// Co-occurrences whose G² is below this are drawn only around a hovered,
    /// selected or focused concept ([`crate::index::association`]); `None`:
    /// the map's default ([`crate::export::map::default_min_significance`]).
    pub min_significance: Option<f32>,
    /// Concepts drawn highlighted (by id).
    pub highlighted_nodes: Vec<String>,
    /// Edges drawn highlighted, as (source id, target id) in either direction.
    pub highlighted_edges: Vec<(String, String)>,
}

impl Default for MapSettings {
    fn default() -> Self {
        MapSettings {
            focus: None,
            depth: 1,
            kinds: Vec::new(),
            documents: Vec::new(),
            edge_kinds: Vec::new(),
            min_weight: 0.0,
            min_significance: None,
            highlighted_nodes: Vec::new(),
            highlighted_edges: Vec::new(),
        }
    }
}

/// The layout's knobs for concept maps: more room between nodes than the
/// core's default, so labels of a dense neighbourhood stay apart.
pub fn layout_config() -> LayoutConfig {
    crate::export::map::map_layout_config()
}

/// Sizes of the drawn map: nodes a little larger than the core's default and
/// labels for every node drawn big enough to tell apart (one per label cell).
pub fn scene_style() -> SceneStyle {
    crate::export::map::map_scene_style()
}

/// The map view's state between frames.
pub struct MapView {
    pub settings: MapSettings,
    pub(super) data: Option<MapData>,
    /// The model revision `data` was built from.
    data_revision: Option<u64>,
    pub(super) labels: Vec<String>,
    labels_lang: Option<Lang>,
    pub(super) layout: Option<Layout>,
    pub(super) camera: Camera,
    /// Keep fitting the map to the view until the user moves the camera.
    pub(super) auto_fit: bool,
    /// A camera flight in progress (search results): target centre and zoom.
    pub(super) flight: Option<(Vec2, f32)>,
    pub(super) hovered: Option<usize>,
    /// The node whose widget the pointer is over this frame.
    pub(super) widget_hovered: Option<usize>,
    /// The node last found by search or walked to by keyboard.
    pub(super) selected: Option<usize>,
    /// The graph edge whose evidence is shown.
    pub(super) selected_edge: Option<usize>,
    pub(super) dragging: Option<usize>,
    /// A click on a pinned node, waiting to see whether a second click follows.
    pub(super) pending_click: Option<(usize, f64)>,
    /// A node to give keyboard focus next frame.
    pub(super) focus_request: Option<usize>,
    /// The keyboard was asked onto the map (Ctrl+M): given to this concept's
    /// node, else the selected one, else the first in Tab order, once the map
    /// is drawn.
    pub(super) keyboard_wanted: Option<KeyboardWanted>,
    pub(super) search: String,
    /// Whether the list of search hits is open.
    pub(super) search_open: bool,
    /// Concepts that have notes.
    pub(super) noted: NodeSet,
    /// `noted` must be read again (the map was rebuilt or the address changed).
    pub(super) noted_stale: bool,
    /// Where the pins are read from and written to (`layout.ron`).
    layout_store: Option<LayoutStore>,
    /// The last message about saving (shown in the status line).
    pub(super) save_message: Option<String>,
    /// The address (focus, depth) last applied to the settings.
    applied_address: Option<(Option<String>, Option<usize>)>,
    /// Where the canvas's top-left corner was last frame, on screen.
    pub(super) origin: Pos2,
    pub show_legend: bool,
}

/// Where the keyboard goes when it is asked onto the map.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct KeyboardWanted {
    /// The concept whose node takes it first (the page the reader came from).
    pub(super) concept: Option<String>,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            settings: MapSettings::default(),
            data: None,
            data_revision: None,
            labels: Vec::new(),
            labels_lang: None,
            layout: None,
            camera: Camera::default(),
            auto_fit: true,
            flight: None,
            hovered: None,
            widget_hovered: None,
            selected: None,
            selected_edge: None,
            dragging: None,
            pending_click: None,
            focus_request: None,
            keyboard_wanted: None,
            search: String::new(),
            search_open: false,
            noted: NodeSet::default(),
            noted_stale: true,
            layout_store: None,
            save_message: None,
            applied_address: None,
            origin: Pos2::ZERO,
            show_legend: true,
        }
    }
}

impl MapView {
    /// The camera: the world point in the middle of the view, and points per world unit.
    pub fn camera(&self) -> (Vec2, f32) {
        (self.camera.centre, self.camera.zoom)
    }

    /// The camera with the size of the view it was last drawn in.
    pub fn full_camera(&self) -> Camera {
        self.camera
    }

    /// Moves the camera (a tour step); the map stops fitting itself to the view.
    pub fn set_camera(&mut self, centre: Vec2, zoom: f32) {
        let viewport = self.camera.viewport;
        self.camera = Camera::new(centre, zoom, viewport);
        self.auto_fit = false;
        self.flight = None;
    }

    /// Fits the visible (or focused) part of the map to the view from the next frame on.
    pub fn fit(&mut self) {
        self.auto_fit = true;
        self.flight = None;
    }

    /// The concept last walked to by keyboard or found by search, by id.
    /// Gives the keyboard to a node as soon as the map is drawn: `concept`'s
    /// node if it is on the map, else the selected node, else the first one
    /// Tab reaches. Arrows then move between nodes and Enter opens one.
    pub fn take_keyboard(&mut self, concept: Option<String>) {
        self.keyboard_wanted = Some(KeyboardWanted { concept });
    }

    pub fn selected_id(&self) -> Option<String> {
        let layout = self.layout.as_ref()?;
        Some(layout.graph().node(self.selected?)?.id.clone())
    }

    /// The concept whose edge evidence is open: (source id, target id).
    pub fn selected_edge_ids(&self) -> Option<(String, String)> {
        let layout = self.layout.as_ref()?;
        let edge = layout.graph().edge(self.selected_edge?)?;
        let nodes = layout.graph().nodes();
        Some((nodes[edge.source].id.clone(), nodes[edge.target].id.clone()))
    }

    /// The concepts drawn highlighted now: the hovered one and its
    /// neighbours, and the settings' highlights (ids, in node order).
    pub fn highlighted_ids(&self) -> Vec<String> {
        let (Some(data), Some(model_graph)) = (&self.data, self.layout.as_ref().map(|l| l.graph())) else {
            return Vec::new();
        };
        let visible = Visibility::all(model_graph);
        let Some(set) = highlighted_nodes(self, data, &visible) else { return Vec::new() };
        set.iter().map(|n| model_graph.nodes()[n].id.clone()).collect()
    }

    /// Whether the map has been built (shown at least once).
    pub fn is_prepared(&self) -> bool {
        self.layout.is_some()
    }

    /// Whether the layout is still moving.
    pub fn is_moving(&self) -> bool {
        self.layout.as_ref().is_some_and(|l| !l.is_settled())
    }

    /// The pinned nodes' positions by concept id.
    pub fn pins(&self) -> BTreeMap<String, Vec2> {
        self.layout.as_ref().map(|l| l.pins_file().pinned).unwrap_or_default()
    }

    /// Pins exactly the nodes of `pins` at their positions (a tour step); not saved.
    pub fn set_pins(&mut self, pins: &BTreeMap<String, Vec2>) {
        let Some(layout) = &mut self.layout else { return };
        let pinned: Vec<usize> = layout.pinned().iter().collect();
        for node in pinned {
            layout.unpin(node);
        }
        layout.apply_pins(&LayoutFile { pinned: pins.clone() });
    }

    /// A node's world position, by concept id.
    pub fn position_of(&self, id: &str) -> Option<Vec2> {
        let layout = self.layout.as_ref()?;
        layout.position(layout.graph().index_of(id)?)
    }

    /// Runs the layout until it settles (at most `max_steps` steps).
    pub fn settle(&mut self, max_steps: usize) {
        if let Some(layout) = &mut self.layout {
            layout.run(max_steps);
        }
    }

    /// Builds (or rebuilds, when the model changed) the graph and its layout.
    pub fn prepare(&mut self, model: &Model, lang: Lang) {
        if self.data_revision != Some(model.revision) {
            let data = MapData::of(&model.corpus, &model.index);
            let layout = self.new_layout(model, &data);
            self.layout = Some(layout);
            self.data = Some(data);
            self.data_revision = Some(model.revision);
            self.labels_lang = None;
            self.noted_stale = true;
        }
        if self.labels_lang != Some(lang)
            && let Some(data) = &self.data
        {
            self.labels = data.labels_in(lang);
            self.labels_lang = Some(lang);
        }
    }

    /// A fresh layout of `data`'s graph with the pins of `layout.ron`.
    fn new_layout(&mut self, model: &Model, data: &MapData) -> Layout {
        let mut layout = Layout::new(data.graph.clone(), crate::export::map::map_layout_config_for(&data.graph));
        let (store, file) = LayoutStore::open(model.corpus.layout_path(), |id| model.concept_index(id).is_some());
        layout.apply_pins(&file);
        self.layout_store = Some(store);
        layout
    }

    /// Reads which concepts have notes, from the app's one note store.
    pub fn refresh_notes(&mut self, notes: &NoteStore) {
        let Some(data) = &self.data else { return };
        self.noted_stale = false;
        let ids = notes.list().unwrap_or_default();
        let mut noted = NodeSet::empty(data.graph.node_count());
        for id in ids {
            if let Some(node) = data.graph.index_of(&id) {
                noted.insert(node);
            }
        }
        self.noted = noted;
    }

    /// Takes focus and depth from the address when it changed.
    pub(super) fn sync_address(&mut self, focus: Option<&str>, depth: Option<usize>) {
        let address = (focus.map(str::to_string), depth);
        if self.applied_address.as_ref() == Some(&address) {
            return;
        }
        self.settings.focus = address.0.clone();
        self.settings.depth = depth.unwrap_or(1);
        self.applied_address = Some(address);
        self.selected_edge = None;
        self.fit();
        self.noted_stale = true;
    }

    /// Starts the layout again from its seed, keeping the pins.
    pub(super) fn relayout(&mut self) {
        let Some(layout) = &self.layout else { return };
        let pins = layout.pins_file();
        let mut fresh = Layout::new(layout.graph().clone(), layout.config().clone());
        fresh.apply_pins(&pins);
        self.layout = Some(fresh);
        self.fit();
    }

    /// Writes the pins to `layout.ron`, unless the file there failed to parse.
    pub(super) fn save_pins(&mut self, lang: Lang) {
        let (Some(layout), Some(store)) = (&self.layout, &self.layout_store) else { return };
        self.save_message = Some(match store.save(&layout.pins_file()) {
            Ok(()) => tr(lang, "layout saved").to_string(),
            Err(err) => format!("{}: {}", tr(lang, "layout not saved"), isolate(err)),
        });
    }

    /// The nodes and edges the filters let through.
    pub(super) fn visibility(&self, model: &Model, data: &MapData) -> Visibility {
        let settings = &self.settings;
        let filter = Filter {
            node_kinds: (!settings.kinds.is_empty()).then(|| settings.kinds.iter().map(|&k| kind_code(k)).collect()),
            edge_kinds: (!settings.edge_kinds.is_empty())
                .then(|| settings.edge_kinds.iter().map(|&k| edge_code(k)).collect()),
            min_weight: settings.min_weight,
            min_significance: settings
                .min_significance
                .unwrap_or_else(|| crate::export::map::default_min_significance(&data.graph)),
            hide_isolated: false,
        };
        let mut visible = visibility(&data.graph, &filter);
        let documents: Vec<usize> = settings.documents.iter().filter_map(|id| model.document_index(id)).collect();
        if !settings.documents.is_empty() {
            restrict_to_documents(model, data, &documents, &mut visible);
        }
        visible
    }

    /// The nodes in focus (the focused concept and its neighbours to depth N), if any.
    pub(super) fn focus_set(&self, data: &MapData, visible: &Visibility) -> Option<NodeSet> {
        let node = data.graph.index_of(self.settings.focus.as_deref()?)?;
        Some(focus_within(&data.graph, node, self.settings.depth, visible))
    }
}

/// Keeps only the concepts mentioned in `documents`, and the edges with
/// evidence there (curated relations without evidence stay between kept concepts).
fn restrict_to_documents(model: &Model, data: &MapData, documents: &[usize], visible: &mut Visibility) {
    let graph = &data.graph;
    let mut mentioned = NodeSet::empty(graph.node_count());
    for mention in model.index.mentions.iter().filter(|m| documents.contains(&m.document)) {
        mentioned.insert(mention.concept);
    }
    visible.nodes = NodeSet::from_fn(graph.node_count(), |n| visible.nodes.contains(n) && mentioned.contains(n));
    let keep = |set: &EdgeSet, e: usize| {
        let edge = &graph.edges()[e];
        if !set.contains(e) || !visible.nodes.contains(edge.source) || !visible.nodes.contains(edge.target) {
            return false;
        }
        let Some(index_edge) = data.index_edge(&model.index, e) else { return false };
        index_edge.evidence.is_empty() || index_edge.evidence.iter().any(|p| documents.contains(&p.document))
    };
    let edges = EdgeSet::from_fn(graph.edge_count(), |e| keep(&visible.edges, e));
    let on_demand = EdgeSet::from_fn(graph.edge_count(), |e| keep(&visible.on_demand, e));
    (visible.edges, visible.on_demand) = (edges, on_demand);
}

pub(super) fn zoom_centre(map: &mut MapView, factor: f32) {
    let middle = map.camera.viewport * 0.5;
    map.camera.zoom_about(middle, factor);
    map.auto_fit = false;
    map.flight = None;
}

/// Starts a camera flight to `node` and selects it.
pub(super) fn fly_to(map: &mut MapView, node: usize) {
    let Some(at) = map.layout.as_ref().and_then(|l| l.position(node)) else { return };
    let zoom = map.camera.zoom.max(1.2);
    map.flight = Some((at, zoom));
    map.auto_fit = false;
    map.selected = Some(node);
    map.focus_request = Some(node);
}

/// The hovered node and its visible neighbours, plus the settings' highlights.
pub(super) fn highlighted_nodes(map: &MapView, data: &MapData, visible: &Visibility) -> Option<NodeSet> {
    let graph = &data.graph;
    let mut set = NodeSet::empty(graph.node_count());
    if let Some(hovered) = map.hovered.or(map.dragging) {
        set.insert(hovered);
        for &e in graph.edges_of(hovered) {
            let other = graph.edges()[e].other(hovered);
            // A hovered concept draws its on-demand links too.
            if visible.reachable(e) && visible.nodes.contains(other) {
                set.insert(other);
            }
        }
    }
    for id in &map.settings.highlighted_nodes {
        if let Some(node) = graph.index_of(id) {
            set.insert(node);
        }
    }
    (!set.is_empty()).then_some(set)
}

/// The settings' highlighted edges.
pub(super) fn highlighted_edges(map: &MapView, data: &MapData) -> Option<EdgeSet> {
    if map.settings.highlighted_edges.is_empty() {
        return None;
    }
    let graph = &data.graph;
    let pairs: Vec<(usize, usize)> = map
        .settings
        .highlighted_edges
        .iter()
        .filter_map(|(a, b)| Some((graph.index_of(a)?, graph.index_of(b)?)))
        .collect();
    Some(EdgeSet::from_fn(graph.edge_count(), |e| {
        let edge = &graph.edges()[e];
        pairs.iter().any(|&(a, b)| (edge.source, edge.target) == (a, b) || (edge.source, edge.target) == (b, a))
    }))
}

/// Pans so `node` is inside the view (with a margin).
pub(super) fn keep_in_view(map: &mut MapView, node: usize) {
    let Some(at) = map.layout.as_ref().and_then(|l| l.position(node)) else { return };
    let screen = map.camera.screen_from_world(at);
    let margin = 40.0;
    let view = map.camera.viewport;
    if screen.x < margin || screen.y < margin || screen.x > view.x - margin || screen.y > view.y - margin {
        map.flight = Some((at, map.camera.zoom));
        map.auto_fit = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RelationKind;
    use crate::export::map::edge_kind_of_code;

    fn bundled() -> (Model, MapView) {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let model = Model::load(&dir).unwrap_or_else(|_| panic!("the bundled corpus loads"));
        let mut map = MapView::default();
        map.prepare(&model, Lang::En);
        (model, map)
    }

    #[test]
    fn edge_kind_and_weight_filters_keep_only_matching_edges() {
        let (model, mut map) = bundled();
        let data = map.data.clone().unwrap();
        map.settings.edge_kinds = vec![EdgeKind::Relation(RelationKind::Counters)];
        map.settings.min_weight = 2.0;
        let visible = map.visibility(&model, &data);
        assert!(!visible.edges.is_empty());
        for e in visible.edges.iter() {
            let edge = &data.graph.edges()[e];
            assert_eq!(edge_kind_of_code(edge.kind), EdgeKind::Relation(RelationKind::Counters));
            assert!(edge.weight >= 2.0);
        }
        let police = data.graph.index_of("police-diplomacy").unwrap();
        let terrorism = data.graph.index_of("terrorism").unwrap();
        assert!(visible.edges.iter().any(|e| {
            let edge = &data.graph.edges()[e];
            (edge.source, edge.target) == (police, terrorism)
        }));
    }

    #[test]
    fn a_document_filter_keeps_its_concepts_and_evidence() {
        let (model, mut map) = bundled();
        let data = map.data.clone().unwrap();
        let document = model.corpus.documents[0].id.clone();
        map.settings.documents = vec![document.clone()];
        let visible = map.visibility(&model, &data);
        let doc = model.document_index(&document).unwrap();
        assert!(!visible.nodes.is_empty() && visible.nodes.len() < data.graph.node_count());
        for n in visible.nodes.iter() {
            assert!(
                model.index.mentions_of(n).any(|m| m.document == doc),
                "{} is mentioned there",
                data.graph.nodes()[n].id
            );
        }
        for e in visible.edges.iter() {
            let evidence = &data.index_edge(&model.index, e).unwrap().evidence;
            assert!(evidence.is_empty() || evidence.iter().any(|p| p.document == doc));
        }
    }

    #[test]
    fn focus_is_the_neighbourhood_of_the_address() {
        let (model, mut map) = bundled();
        map.sync_address(Some("city-diplomacy"), Some(1));
        let data = map.data.clone().unwrap();
        let visible = map.visibility(&model, &data);
        let focus = map.focus_set(&data, &visible).unwrap();
        for id in ["city-diplomacy", "municipalities", "climate-change"] {
            assert!(focus.contains(data.graph.index_of(id).unwrap()), "{id} is in focus");
        }
        assert!(!focus.contains(data.graph.index_of("interpol").unwrap()));
    }
}
