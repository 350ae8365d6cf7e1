//! The concept map view: the graph of concepts laid out by the core's force
//! layout, drawn by [`crate::ui::paint::map`], and driven by mouse and keyboard.
//!
//! - The layout steps a bounded amount per frame and asks for repaints only
//!   while it moves, so it settles visibly and then costs nothing.
//! - Drag a node to pin it, double-click it to let it go; pins are saved to
//!   `corpus/layout.ron` (atomically, never over a file that failed to parse)
//!   and loaded at start, so an arranged map comes back the same.
//! - Wheel, pinch, `+`/`-` zoom; dragging the background and the arrow keys pan;
//!   clicking a node opens its concept page, clicking an edge lists the
//!   passages behind it; hovering a node lights its neighbours.
//! - Focus (a concept and its neighbours to depth N, from the address
//!   `map?focus=ID&depth=N` or the toolbar), filters (kinds, a document, edge
//!   kinds, minimum weight), and a search box that flies to a node.
//! - Every drawn node is also a widget labelled with its name (AccessKit), in
//!   a sensible Tab order; arrow keys walk from a node to its neighbours, Enter
//!   opens it.
//!
//! What a tour step sets and reads — focus, filters, highlights, camera,
//! pins — is [`MapSettings`] plus [`MapView::camera`] / [`MapView::set_camera`]
//! and [`MapView::pins`] / [`MapView::set_pins`].

use std::collections::BTreeMap;
use std::path::PathBuf;

use eframe::egui::{self, Color32, Id, Key, Pos2, Rect, Sense, pos2, vec2};

use crate::address::Address;
use crate::catalog::ConceptKind;
use crate::graph::{
    Camera, EdgeSet, Filter, Layout, LayoutConfig, LayoutFile, NodeGrid, NodeSet, Scene, SceneInput, SceneState,
    SceneStyle, Vec2, Visibility, build_scene, focus_within, load_layout, save_layout, visibility,
};
use crate::index::EdgeKind;
use crate::text::Lang;
use crate::ui::context::i18n::tr;
use crate::ui::context::model::Model;
use crate::ui::context::{Command, ViewContext};
use crate::ui::paint::map::{LegendContent, MapPaint, legend_size, paint_legend, paint_map, paint_text};
use crate::ui::paint::map_data::{MapData, all_edge_codes, edge_code, edge_kind_of_code, kind_code, node_labels};

/// Most layout steps run in one frame.
const STEPS_PER_FRAME: usize = 6;
/// Stop stepping within a frame after this long.
const STEP_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);
/// Free space around the fitted map, in points (room for labels).
const FIT_MARGIN: f32 = 48.0;
/// How long a click on a pinned node waits for a second click (which unpins it).
const DOUBLE_CLICK_WAIT: f64 = 0.3;
/// Most nodes given a widget of their own in one frame (the most mentioned
/// of those drawn); the others are hovered and clicked through the scene's hit test.
const MAX_NODE_WIDGETS: usize = 1500;
/// The deepest focus the toolbar offers.
const MAX_DEPTH: usize = 6;
/// A focus of at most this many nodes labels all of them.
const MAX_FORCED_LABELS: usize = 60;
/// Points the arrow keys pan per press.
const PAN_STEP: f32 = 60.0;
/// Zoom factor of one `+`/`-` press or button click.
const ZOOM_STEP: f32 = 1.25;

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
    data: Option<MapData>,
    labels: Vec<String>,
    labels_lang: Option<Lang>,
    layout: Option<Layout>,
    camera: Camera,
    /// Keep fitting the map to the view until the user moves the camera.
    auto_fit: bool,
    /// A camera flight in progress (search results): target centre and zoom.
    flight: Option<(Vec2, f32)>,
    hovered: Option<usize>,
    /// The node whose widget the pointer is over this frame.
    widget_hovered: Option<usize>,
    /// The node last found by search or walked to by keyboard.
    selected: Option<usize>,
    /// The graph edge whose evidence is shown.
    selected_edge: Option<usize>,
    dragging: Option<usize>,
    /// A click on a pinned node, waiting to see whether a second click follows.
    pending_click: Option<(usize, f64)>,
    /// A node to give keyboard focus next frame.
    focus_request: Option<usize>,
    search: String,
    /// Whether the list of search hits is open.
    search_open: bool,
    /// Concepts that have notes.
    noted: NodeSet,
    layout_path: Option<PathBuf>,
    /// Pins of `layout.ron` naming concepts the graph lacks: kept and written back.
    foreign_pins: BTreeMap<String, Vec2>,
    /// Why pins cannot be saved (the layout file failed to parse).
    save_blocked: Option<String>,
    /// The last message about saving (shown in the status line).
    save_message: Option<String>,
    /// The address (focus, depth) last applied to the settings.
    applied_address: Option<(Option<String>, Option<usize>)>,
    /// Where the canvas's top-left corner was last frame, on screen.
    origin: Pos2,
    pub show_legend: bool,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            settings: MapSettings::default(),
            data: None,
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
            search: String::new(),
            search_open: false,
            noted: NodeSet::default(),
            layout_path: None,
            foreign_pins: BTreeMap::new(),
            save_blocked: None,
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
        if self.data.as_ref().is_none_or(|d| d.revision != model.revision) {
            let data = MapData::build(model);
            self.layout_path = Some(model.corpus.layout_path());
            let layout = self.new_layout(model, &data);
            self.layout = Some(layout);
            self.data = Some(data);
            self.labels_lang = None;
            self.refresh_notes(model);
        }
        if self.labels_lang != Some(lang) {
            self.labels = node_labels(model, lang);
            self.labels_lang = Some(lang);
        }
    }

    /// A fresh layout of `data`'s graph with the pins of `layout.ron`.
    fn new_layout(&mut self, model: &Model, data: &MapData) -> Layout {
        let mut layout = Layout::new(data.graph.clone(), layout_config());
        let path = model.corpus.layout_path();
        let (file, diagnostics) = load_layout(&path, |id| model.concept_index(id).is_some());
        let errors: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        self.save_blocked = (!errors.is_empty()).then(|| errors.join("\n"));
        let unknown = layout.apply_pins(&file);
        self.foreign_pins = unknown.into_iter().filter_map(|id| file.pinned.get(&id).map(|&p| (id, p))).collect();
        layout
    }

    /// Reads which concepts have notes.
    pub fn refresh_notes(&mut self, model: &Model) {
        let Some(data) = &self.data else { return };
        let ids = crate::notes::NoteStore::open(model.corpus.notes_dir()).list().unwrap_or_default();
        let mut noted = NodeSet::empty(data.graph.node_count());
        for id in ids {
            if let Some(node) = data.graph.index_of(&id) {
                noted.insert(node);
            }
        }
        self.noted = noted;
    }

    /// Takes focus and depth from the address when it changed.
    fn sync_address(&mut self, model: &Model, focus: Option<&str>, depth: Option<usize>) {
        let address = (focus.map(str::to_string), depth);
        if self.applied_address.as_ref() == Some(&address) {
            return;
        }
        self.settings.focus = address.0.clone();
        self.settings.depth = depth.unwrap_or(1);
        self.applied_address = Some(address);
        self.selected_edge = None;
        self.fit();
        self.refresh_notes(model);
    }

    /// Starts the layout again from its seed, keeping the pins.
    fn relayout(&mut self) {
        let Some(layout) = &self.layout else { return };
        let pins = layout.pins_file();
        let mut fresh = Layout::new(layout.graph().clone(), layout.config().clone());
        fresh.apply_pins(&pins);
        self.layout = Some(fresh);
        self.fit();
    }

    /// Writes the pins to `layout.ron`, unless the file there failed to parse.
    fn save_pins(&mut self, lang: Lang) {
        if let Some(reason) = &self.save_blocked {
            self.save_message = Some(format!("{}: {reason}", tr(lang, "layout not saved")));
            return;
        }
        let (Some(layout), Some(path)) = (&self.layout, &self.layout_path) else { return };
        let mut file = layout.pins_file();
        for (id, &at) in &self.foreign_pins {
            file.pinned.entry(id.clone()).or_insert(at);
        }
        self.save_message = Some(match save_layout(path, &file) {
            Ok(()) => tr(lang, "layout saved").to_string(),
            Err(err) => format!("{}: {}: {err}", tr(lang, "layout not saved"), path.display()),
        });
    }

    /// The nodes and edges the filters let through.
    fn visibility(&self, model: &Model, data: &MapData) -> Visibility {
        let settings = &self.settings;
        let filter = Filter {
            node_kinds: (!settings.kinds.is_empty()).then(|| settings.kinds.iter().map(|&k| kind_code(k)).collect()),
            edge_kinds: (!settings.edge_kinds.is_empty())
                .then(|| settings.edge_kinds.iter().map(|&k| edge_code(k)).collect()),
            min_weight: settings.min_weight,
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
    fn focus_set(&self, data: &MapData, visible: &Visibility) -> Option<NodeSet> {
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
    visible.edges = EdgeSet::from_fn(graph.edge_count(), |e| {
        let edge = &graph.edges()[e];
        if !visible.edges.contains(e) || !visible.nodes.contains(edge.source) || !visible.nodes.contains(edge.target) {
            return false;
        }
        let Some(index_edge) = data.index_edge(model, e) else { return false };
        index_edge.evidence.is_empty() || index_edge.evidence.iter().any(|p| documents.contains(&p.document))
    });
}

/// The whole view: toolbar, evidence panel (when an edge is chosen), canvas.
pub fn map_view_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    focus: Option<&str>,
    depth: Option<usize>,
    map: &mut MapView,
    commands: &mut Vec<Command>,
) {
    map.prepare(view.model, view.lang);
    map.sync_address(view.model, focus, depth);
    toolbar_ui(ui, view, map, commands);
    if map.selected_edge.is_some() {
        let side =
            if view.lang.is_rtl() { egui::Panel::left("map-evidence") } else { egui::Panel::right("map-evidence") };
        side.resizable(true).default_size(320.0).show(ui, |ui| evidence_ui(ui, view, map, commands));
    }
    map_canvas_ui(ui, view, map, commands);
}

/// The toolbar: search, focus, filters, zoom, fit and re-layout.
fn toolbar_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let layout = if lang.is_rtl() {
        egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true)
    } else {
        egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true)
    };
    let row = vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(row, layout, |ui| {
        search_ui(ui, view, map);
        ui.separator();
        focus_controls_ui(ui, view, map, commands);
        ui.separator();
        filters_ui(ui, view, map);
        ui.separator();
        if ui.button("−").on_hover_text(tr(lang, "zoom out")).clicked() {
            zoom_centre(map, 1.0 / ZOOM_STEP);
        }
        if ui.button("+").on_hover_text(tr(lang, "zoom in")).clicked() {
            zoom_centre(map, ZOOM_STEP);
        }
        if ui.button(tr(lang, "fit")).clicked() {
            map.fit();
        }
        if ui.button(tr(lang, "relayout")).clicked() {
            map.relayout();
        }
        ui.checkbox(&mut map.show_legend, tr(lang, "legend"));
    });
}

fn zoom_centre(map: &mut MapView, factor: f32) {
    let middle = map.camera.viewport * 0.5;
    map.camera.zoom_about(middle, factor);
    map.auto_fit = false;
    map.flight = None;
}

/// A box that finds concepts by any of their names (folded); Enter flies to
/// the first hit, the list under the box to any of them.
fn search_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView) {
    let lang = view.lang;
    let response =
        ui.add(egui::TextEdit::singleline(&mut map.search).hint_text(tr(lang, "find on map")).desired_width(160.0));
    let response = response.accessible_name(tr(lang, "find on map")).on_hover_text(tr(lang, "find on map"));
    if response.changed() {
        map.search_open = true;
    }
    let query = crate::text::normalize::fold_str(map.search.trim());
    if query.is_empty() {
        return;
    }
    let hits = find_concepts(view.model, &query);
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        if let Some(&first) = hits.first() {
            fly_to(map, first);
        }
        map.search_open = false;
    }
    if !map.search_open || hits.is_empty() {
        return;
    }
    let area = egui::Area::new(Id::unique("map-search-hits"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + vec2(0.0, 2.0));
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            for &hit in hits.iter().take(8) {
                let name = view.model.corpus.catalog.concepts[hit].labels.get_or_any(lang);
                if crate::ui::widgets::paragraphs::label_ui(ui, name).interact(Sense::click()).clicked() {
                    fly_to(map, hit);
                    map.search_open = false;
                }
            }
        });
    });
}

/// Concepts whose id, label or alias contains the folded `query`: labels
/// starting with it first.
pub fn find_concepts(model: &Model, query: &str) -> Vec<usize> {
    let mut hits: Vec<(bool, usize)> = model
        .corpus
        .catalog
        .concepts
        .iter()
        .enumerate()
        .filter_map(|(n, concept)| {
            let forms: Vec<String> =
                concept.surface_forms().map(|(_, form)| crate::text::normalize::fold_str(form)).collect();
            let starts = forms.iter().any(|f| f.starts_with(query)) || concept.id.starts_with(query);
            let contains = starts || forms.iter().any(|f| f.contains(query)) || concept.id.contains(query);
            contains.then_some((!starts, n))
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|(_, n)| n).collect()
}

/// Starts a camera flight to `node` and selects it.
fn fly_to(map: &mut MapView, node: usize) {
    let Some(at) = map.layout.as_ref().and_then(|l| l.position(node)) else { return };
    let zoom = map.camera.zoom.max(1.2);
    map.flight = Some((at, zoom));
    map.auto_fit = false;
    map.selected = Some(node);
    map.focus_request = Some(node);
}

/// Focus on the selected node, the depth, and clearing the focus.
fn focus_controls_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let focus = map.settings.focus.clone();
    let depth = map.settings.depth;
    if let Some(id) = &focus {
        let name = view
            .model
            .concept_index(id)
            .map_or(id.as_str(), |c| view.model.corpus.catalog.concepts[c].labels.get_or_any(lang));
        crate::ui::widgets::paragraphs::label_ui(ui, &format!("{}: {name}", tr(lang, "focus")));
        let depth_text = format!("{}: {}", tr(lang, "depth"), crate::ui::context::i18n::number(lang, depth));
        let less = ui.add_enabled(depth > 1, egui::Button::new("−")).on_hover_text(tr(lang, "less depth"));
        crate::ui::widgets::paragraphs::label_ui(ui, &depth_text);
        let more = ui.add_enabled(depth < MAX_DEPTH, egui::Button::new("+")).on_hover_text(tr(lang, "more depth"));
        let new_depth = if less.clicked() {
            depth - 1
        } else if more.clicked() {
            depth + 1
        } else {
            depth
        };
        if new_depth != depth {
            commands.push(Command::Navigate(Address::Map { focus: focus.clone(), depth: Some(new_depth) }));
        }
        if ui.button(tr(lang, "clear focus")).clicked() {
            commands.push(Command::Navigate(Address::Map { focus: None, depth: None }));
        }
        return;
    }
    let candidate = map.selected.or(view.selected).and_then(|n| view.model.corpus.catalog.concepts.get(n));
    let button = ui.add_enabled(candidate.is_some(), egui::Button::new(tr(lang, "focus")));
    if button.on_hover_text(tr(lang, "focus help")).clicked()
        && let Some(concept) = candidate
    {
        commands.push(Command::Navigate(Address::Map { focus: Some(concept.id.clone()), depth: Some(depth) }));
    }
}

/// Filters by kind, document, edge kind and minimum weight, in a menu.
fn filters_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView) {
    let lang = view.lang;
    ui.menu_button(tr(lang, "filters"), |ui| {
        ui.label(egui::RichText::new(tr(lang, "kind")).strong());
        for kind in ConceptKind::ALL {
            let mut shown = map.settings.kinds.is_empty() || map.settings.kinds.contains(&kind);
            if ui.checkbox(&mut shown, tr(lang, kind.as_str())).changed() {
                toggle(&mut map.settings.kinds, &ConceptKind::ALL, kind, shown);
            }
        }
        ui.separator();
        ui.label(egui::RichText::new(tr(lang, "edge kinds")).strong());
        let all_kinds: Vec<EdgeKind> = all_edge_codes().map(edge_kind_of_code).collect();
        for &kind in &all_kinds {
            let mut shown = map.settings.edge_kinds.is_empty() || map.settings.edge_kinds.contains(&kind);
            if ui.checkbox(&mut shown, tr(lang, kind.as_str())).changed() {
                toggle(&mut map.settings.edge_kinds, &all_kinds, kind, shown);
            }
        }
        ui.separator();
        ui.add(egui::Slider::new(&mut map.settings.min_weight, 0.0..=10.0).step_by(0.5).text(tr(lang, "min weight")));
        ui.separator();
        ui.label(egui::RichText::new(tr(lang, "document")).strong());
        let chosen = map.settings.documents.first().cloned();
        if ui.radio(chosen.is_none(), tr(lang, "all documents")).clicked() {
            map.settings.documents.clear();
        }
        for document in &view.model.corpus.documents {
            let selected = chosen.as_deref() == Some(document.id.as_str());
            ui.horizontal(|ui| {
                if ui.radio(selected, "").on_hover_text(&document.id).clicked() {
                    map.settings.documents = vec![document.id.clone()];
                }
                crate::ui::widgets::paragraphs::label_ui(ui, document.title(lang));
            });
        }
    });
}

/// Shows or hides `item` in a list where empty means "all of `all`".
fn toggle<T: Copy + PartialEq>(list: &mut Vec<T>, all: &[T], item: T, shown: bool) {
    if list.is_empty() {
        list.extend_from_slice(all);
    }
    list.retain(|&k| k != item);
    if shown {
        list.push(item);
    }
    if all.iter().all(|k| list.contains(k)) {
        list.clear();
    }
}

/// The passages behind the chosen edge, each opening its document.
fn evidence_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let model = view.model;
    let (Some(data), Some(edge)) = (&map.data, map.selected_edge) else { return };
    let Some(index_edge) = data.index_edge(model, edge) else { return };
    let name = |c: usize| model.corpus.catalog.concepts.get(c).map_or("", |c| c.labels.get_or_any(lang));
    ui.horizontal(|ui| {
        ui.heading(tr(lang, "evidence"));
        if ui.button(crate::ui::widgets::icons::CLOSE).on_hover_text(tr(lang, "close")).clicked() {
            map.selected_edge = None;
        }
    });
    crate::ui::widgets::paragraphs::heading_ui(ui, name(index_edge.source));
    let kind = format!("{}  ({} {:.1})", tr(lang, index_edge.kind.as_str()), tr(lang, "weight"), index_edge.weight);
    crate::ui::widgets::paragraphs::label_ui(ui, &kind);
    crate::ui::widgets::paragraphs::heading_ui(ui, name(index_edge.target));
    ui.separator();
    egui::ScrollArea::vertical().id_salt("map-evidence-passages").show(ui, |ui| {
        if index_edge.evidence.is_empty() {
            ui.label(tr(lang, "curated without evidence"));
        }
        for passage in &index_edge.evidence {
            crate::ui::views::concept_page::passage_ui(
                ui,
                model,
                passage,
                &[index_edge.source, index_edge.target],
                view.dark,
                commands,
            );
        }
    });
}

/// Everything about one frame of the canvas that the input handlers share.
struct Frame<'a> {
    rect: Rect,
    visible: &'a Visibility,
    scene: &'a Scene,
}

/// The map itself: layout stepping, camera, drawing, and input.
pub fn map_canvas_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    map.prepare(view.model, view.lang);
    let rect = ui.available_rect_before_wrap();
    let canvas_id = Id::unique("map-canvas");
    let canvas = ui.interact(rect, canvas_id, Sense::click_and_drag());
    ui.advance_cursor_after_rect(rect);
    canvas.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr(view.lang, "concept map")));
    map.camera.viewport = Vec2::new(rect.width().max(1.0), rect.height().max(1.0));
    map.origin = rect.min;
    let Some(data) = map.data.clone() else { return };
    let visible = map.visibility(view.model, &data);
    let focus = map.focus_set(&data, &visible);
    step_layout(ui.ctx(), map);
    let legend = legend_rect(&ui.painter_at(rect), view, map, &data, rect);
    follow_camera(ui.ctx(), map, &visible, focus.as_ref(), fit_area(rect, legend));
    let Some(layout) = &map.layout else { return };
    let grid = NodeGrid::build(layout.positions());
    let style = scene_style();
    // The node walked to by keyboard or found by search, else the focused concept.
    let focus_node = map.settings.focus.as_deref().and_then(|id| data.graph.index_of(id));
    let keyboard = map.selected.or(focus_node).filter(|&n| visible.nodes.contains(n));
    let input = SceneInput {
        graph: &data.graph,
        positions: layout.positions(),
        grid: &grid,
        camera: &map.camera,
        state: SceneState {
            visible: Some(&visible),
            focus: focus.as_ref(),
            pinned: Some(layout.pinned()),
            hovered: map.hovered.or(map.dragging),
            selected: keyboard,
        },
        style: &style,
    };
    let scene = build_scene(&input);
    let highlighted_nodes = highlighted_nodes(map, &data, &visible);
    let highlighted_edges = highlighted_edges(map, &data);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, if view.dark { Color32::from_gray(24) } else { Color32::from_gray(250) });
    let focused_node = ui.memory(|m| m.focused()).and_then(|id| node_of_widget(&data.graph, &scene, id));
    let paint = MapPaint {
        graph: &data.graph,
        scene: &scene,
        origin: rect.min,
        labels: &map.labels,
        noted: Some(&map.noted),
        labelled: focus.as_ref().filter(|f| f.len() <= MAX_FORCED_LABELS),
        highlighted_nodes: highlighted_nodes.as_ref(),
        highlighted_edges: highlighted_edges.as_ref(),
        focused: focused_node,
        selected_edge: map.selected_edge,
        dark: view.dark,
        lang: view.lang,
        label_size: 13.0,
        reserved: legend.as_slice(),
    };
    paint_map(&painter, &paint);
    paint_overlays(&painter, view, map, &data, rect, legend);
    let frame = Frame { rect, visible: &visible, scene: &scene };
    let node_clicked = node_widgets_ui(ui, view, map, &data, &frame, commands);
    canvas_input(ui, map, &canvas, &frame, node_clicked, commands);
    if canvas.has_focus() {
        ui.painter().rect_stroke(rect.shrink(1.0), 0.0, ui.visuals().selection.stroke, egui::StrokeKind::Inside);
    }
}

/// Runs a few layout steps within the frame's budget; asks for another frame while moving.
fn step_layout(ctx: &egui::Context, map: &mut MapView) {
    let Some(layout) = &mut map.layout else { return };
    let started = std::time::Instant::now();
    for _ in 0..STEPS_PER_FRAME {
        if layout.step().settled || started.elapsed() > STEP_BUDGET {
            break;
        }
    }
    if !layout.is_settled() {
        ctx.request_repaint();
    }
}

/// Fits the view (into `area`, scene coordinates) while auto-fitting, and moves along a flight.
fn follow_camera(
    ctx: &egui::Context,
    map: &mut MapView,
    visible: &Visibility,
    focus: Option<&NodeSet>,
    area: crate::graph::Rect,
) {
    let Some(layout) = &map.layout else { return };
    if map.auto_fit {
        let shown = |n: &usize| visible.nodes.contains(*n) && focus.is_none_or(|f| f.contains(*n));
        let bounds =
            crate::graph::Rect::bounding((0..layout.positions().len()).filter(shown).map(|n| layout.positions()[n]));
        let bounds = if bounds.is_empty() { layout.bounds() } else { bounds };
        map.camera.fit_in(bounds, area);
        return;
    }
    let Some((target, zoom)) = map.flight else { return };
    let camera = &mut map.camera;
    camera.centre = camera.centre + (target - camera.centre) * 0.25;
    camera.zoom += (zoom - camera.zoom) * 0.25;
    if camera.centre.distance(target) * camera.zoom < 0.5 && (camera.zoom - zoom).abs() < 0.01 {
        camera.centre = target;
        camera.zoom = zoom;
        map.flight = None;
    } else {
        ctx.request_repaint();
    }
}

/// The hovered node and its visible neighbours, plus the settings' highlights.
fn highlighted_nodes(map: &MapView, data: &MapData, visible: &Visibility) -> Option<NodeSet> {
    let graph = &data.graph;
    let mut set = NodeSet::empty(graph.node_count());
    if let Some(hovered) = map.hovered.or(map.dragging) {
        set.insert(hovered);
        for &e in graph.edges_of(hovered) {
            let other = graph.edges()[e].other(hovered);
            if visible.edges.contains(e) && visible.nodes.contains(other) {
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
fn highlighted_edges(map: &MapView, data: &MapData) -> Option<EdgeSet> {
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

/// The legend and the status line.
/// Where the legend goes: the bottom corner on the reading side's far end
/// (left in fa/ar, right in en); `None` when it is hidden.
fn legend_rect(painter: &egui::Painter, view: &ViewContext, map: &MapView, data: &MapData, rect: Rect) -> Option<Rect> {
    if !map.show_legend {
        return None;
    }
    let content = LegendContent::of_graph(&data.graph, view.lang, true);
    let size = legend_size(painter, &content);
    let corner = if view.lang.is_rtl() {
        pos2(rect.left() + 8.0, rect.bottom() - size.y - 8.0)
    } else {
        pos2(rect.right() - size.x - 8.0, rect.bottom() - size.y - 8.0)
    };
    Some(Rect::from_min_size(corner, size))
}

/// The part of the canvas a fitted map goes in (scene coordinates): the
/// canvas less [`FIT_MARGIN`] all round and less the legend's side strip.
fn fit_area(rect: Rect, legend: Option<Rect>) -> crate::graph::Rect {
    let mut area = rect.shrink(FIT_MARGIN);
    if let Some(legend) = legend.filter(|l| l.width() < 0.4 * rect.width()) {
        if legend.center().x < rect.center().x {
            area.min.x = area.min.x.max(legend.right() + 8.0);
        } else {
            area.max.x = area.max.x.min(legend.left() - 8.0);
        }
    }
    let local = |p: Pos2| Vec2::new(p.x - rect.min.x, p.y - rect.min.y);
    crate::graph::Rect::from_min_max(local(area.min), local(area.max))
}

fn paint_overlays(
    painter: &egui::Painter,
    view: &ViewContext,
    map: &MapView,
    data: &MapData,
    rect: Rect,
    legend: Option<Rect>,
) {
    if let Some(legend) = legend {
        let content = LegendContent::of_graph(&data.graph, view.lang, true);
        paint_legend(painter, legend.min, &content, view.dark);
    }
    let status = status_text(view, map, data);
    if !status.is_empty() {
        let style = crate::ui::widgets::bidi_text::BidiTextStyle::new(
            egui::FontId::proportional(12.0),
            if view.dark { Color32::from_gray(200) } else { Color32::from_gray(60) },
        );
        let (at, anchor) = if view.lang.is_rtl() {
            (pos2(rect.right() - 8.0, rect.bottom() - 8.0), egui::Align2::RIGHT_BOTTOM)
        } else {
            (pos2(rect.left() + 8.0, rect.bottom() - 8.0), egui::Align2::LEFT_BOTTOM)
        };
        let halo = if view.dark { Color32::from_black_alpha(160) } else { Color32::from_white_alpha(200) };
        paint_text(painter, at, anchor, &status, &style, Some(halo));
    }
}

/// The status line: the node under the pointer (or with focus), layout state, save messages.
fn status_text(view: &ViewContext, map: &MapView, data: &MapData) -> String {
    let lang = view.lang;
    let mut parts = Vec::new();
    if let Some(node) = map.hovered.or(map.selected) {
        let concept = &view.model.corpus.catalog.concepts[node];
        let pinned = map.layout.as_ref().is_some_and(|l| l.is_pinned(node));
        let mut text = format!(
            "{} · {} · {}: {}",
            concept.labels.get_or_any(lang),
            tr(lang, concept.kind.as_str()),
            tr(lang, "mentions"),
            data.graph.node(node).map_or(0, |n| n.mentions)
        );
        if pinned {
            text.push_str(&format!(" · {}", tr(lang, "pinned help")));
        }
        parts.push(text);
    }
    if map.is_moving() {
        parts.push(tr(lang, "layout settling").to_string());
    }
    if let Some(message) = &map.save_message {
        parts.push(message.clone());
    }
    parts.join("   ")
}

fn node_widget_id(node_id: &str) -> Id {
    Id::unique(("map-node", node_id))
}

/// The drawn node whose widget has `id`.
fn node_of_widget(graph: &crate::graph::Graph, scene: &Scene, id: Id) -> Option<usize> {
    scene.nodes.iter().map(|s| s.node).find(|&n| node_widget_id(&graph.nodes()[n].id) == id)
}

/// One interactive widget per drawn node, in Tab order: hover, click, drag,
/// double-click, keyboard. Returns whether a node took the click.
fn node_widgets_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    map: &mut MapView,
    data: &MapData,
    frame: &Frame,
    commands: &mut Vec<Command>,
) -> bool {
    let graph = &data.graph;
    let mut order: Vec<usize> = (0..frame.scene.nodes.len()).collect();
    if order.len() > MAX_NODE_WIDGETS {
        let mentions = |i: &usize| std::cmp::Reverse(graph.nodes()[frame.scene.nodes[*i].node].mentions);
        order.select_nth_unstable_by_key(MAX_NODE_WIDGETS, mentions);
        order.truncate(MAX_NODE_WIDGETS);
    }
    order.sort_by_key(|&i| tab_key(map, data, frame.scene.nodes[i].node));
    let now = ui.input(|i| i.time);
    // Focus asked for last frame; the key that asked is not handled again by the new node.
    let focus_request = map.focus_request.take();
    let mut hovered = None;
    let mut took_click = false;
    for i in order {
        let shape = frame.scene.nodes[i];
        let node = shape.node;
        let centre = frame.rect.min + vec2(shape.centre.x, shape.centre.y);
        let reach = shape.radius.max(6.0) + 2.0;
        let node_rect = Rect::from_center_size(centre, vec2(2.0 * reach, 2.0 * reach)).intersect(frame.rect);
        let id = node_widget_id(&graph.nodes()[node].id);
        let response = ui.interact(node_rect, id, Sense::click_and_drag());
        let name = map.labels.get(node).cloned().unwrap_or_default();
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if response.hovered() && map.dragging.is_none() {
            hovered = Some(node);
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if focus_request == Some(node) {
            response.request_focus();
        } else if response.has_focus() {
            keyboard_on_node(ui, map, frame, node, id);
        }
        took_click |= node_pointer(ui, view, map, &response, node, now, commands);
        node_menu(view, map, &response, node, commands);
    }
    if let Some((node, at)) = map.pending_click
        && now - at >= DOUBLE_CLICK_WAIT
    {
        map.pending_click = None;
        commands.push(Command::Navigate(Address::Concept(graph.nodes()[node].id.clone())));
    } else if map.pending_click.is_some() {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
    }
    map.widget_hovered = hovered;
    took_click
}

/// The node's context menu: open it, focus on it, release its pin.
fn node_menu(
    view: &ViewContext,
    map: &mut MapView,
    response: &egui::Response,
    node: usize,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    let Some(layout) = &map.layout else { return };
    let id = layout.graph().nodes()[node].id.clone();
    let pinned = layout.is_pinned(node);
    let depth = map.settings.depth;
    let mut unpin = false;
    response.context_menu(|ui| {
        if ui.button(tr(lang, "open concept")).clicked() {
            commands.push(Command::Navigate(Address::Concept(id.clone())));
            ui.close();
        }
        if ui.button(tr(lang, "focus here")).clicked() {
            commands.push(Command::Navigate(Address::Map { focus: Some(id.clone()), depth: Some(depth) }));
            ui.close();
        }
        if pinned && ui.button(tr(lang, "unpin")).clicked() {
            unpin = true;
            ui.close();
        }
    });
    if unpin && let Some(layout) = &mut map.layout {
        layout.unpin(node);
        map.save_pins(lang);
    }
}

/// Tab order: the focused concept first, then by kind, then the most mentioned.
fn tab_key(map: &MapView, data: &MapData, node: usize) -> (bool, u16, std::cmp::Reverse<u32>, usize) {
    let entry = &data.graph.nodes()[node];
    let is_focus = map.settings.focus.as_deref() == Some(entry.id.as_str());
    (!is_focus, entry.kind, std::cmp::Reverse(entry.mentions), node)
}

/// Click (open, or wait for a double-click on a pinned node), double-click
/// (unpin), drag (move and pin). Returns whether the node took a click.
fn node_pointer(
    ui: &egui::Ui,
    view: &ViewContext,
    map: &mut MapView,
    response: &egui::Response,
    node: usize,
    now: f64,
    commands: &mut Vec<Command>,
) -> bool {
    let Some(layout) = &mut map.layout else { return false };
    let id = layout.graph().nodes()[node].id.clone();
    if response.drag_started() {
        map.dragging = Some(node);
        map.auto_fit = false;
        map.flight = None;
    }
    if response.dragged()
        && map.dragging == Some(node)
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let screen = pointer - map.origin;
        let at = map.camera.world_from_screen(Vec2::new(screen.x, screen.y));
        layout.pin_at(node, at);
        ui.ctx().request_repaint();
    }
    if response.drag_stopped() && map.dragging == Some(node) {
        map.dragging = None;
        map.save_pins(view.lang);
        return true;
    }
    if response.double_clicked() {
        map.pending_click = None;
        layout.unpin(node);
        map.save_pins(view.lang);
        return true;
    }
    if response.clicked() {
        let keyboard = ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Space));
        if layout.is_pinned(node) && !keyboard {
            map.pending_click = Some((node, now));
        } else {
            commands.push(Command::Navigate(Address::Concept(id)));
        }
        return true;
    }
    response.hovered() || response.dragged()
}

/// Arrow keys from a focused node go to the neighbour lying most in that
/// direction; `+`/`-` zoom.
fn keyboard_on_node(ui: &egui::Ui, map: &mut MapView, frame: &Frame, node: usize, id: Id) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter { tab: false, horizontal_arrows: true, vertical_arrows: true, escape: false },
        )
    });
    map.selected = Some(node);
    let Some(direction) = arrow_direction(ui) else { return };
    let Some(layout) = &map.layout else { return };
    let graph = layout.graph();
    let from = layout.positions()[node];
    let mut best: Option<(f32, usize)> = None;
    for &e in graph.edges_of(node) {
        let other = graph.edges()[e].other(node);
        if !frame.visible.edges.contains(e) || !frame.visible.nodes.contains(other) {
            continue;
        }
        let offset = layout.positions()[other] - from;
        let length = offset.length().max(1e-3);
        let alignment = offset.dot(direction) / length;
        // Prefer the best-aligned neighbour, nearer ones a little.
        let score = alignment - 0.1 * (length / layout.config().ideal_length).min(5.0) / 5.0;
        if alignment > 0.2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, other));
        }
    }
    let Some((_, next)) = best else { return };
    map.selected = Some(next);
    map.focus_request = Some(next);
    keep_in_view(map, next);
}

/// The world direction of an arrow key pressed this frame.
fn arrow_direction(ui: &egui::Ui) -> Option<Vec2> {
    ui.input(|i| {
        let plain = !i.modifiers.any();
        [
            (Key::ArrowLeft, Vec2::new(-1.0, 0.0)),
            (Key::ArrowRight, Vec2::new(1.0, 0.0)),
            (Key::ArrowUp, Vec2::new(0.0, -1.0)),
            (Key::ArrowDown, Vec2::new(0.0, 1.0)),
        ]
        .into_iter()
        .find(|(key, _)| plain && i.key_pressed(*key))
        .map(|(_, d)| d)
    })
}

/// Pans so `node` is inside the view (with a margin).
fn keep_in_view(map: &mut MapView, node: usize) {
    let Some(at) = map.layout.as_ref().and_then(|l| l.position(node)) else { return };
    let screen = map.camera.screen_from_world(at);
    let margin = 40.0;
    let view = map.camera.viewport;
    if screen.x < margin || screen.y < margin || screen.x > view.x - margin || screen.y > view.y - margin {
        map.flight = Some((at, map.camera.zoom));
        map.auto_fit = false;
    }
}

/// Background input: wheel/pinch zoom, drag to pan, arrows and +/- when the
/// canvas has focus, a click on an edge to show its evidence.
fn canvas_input(
    ui: &egui::Ui,
    map: &mut MapView,
    canvas: &egui::Response,
    frame: &Frame,
    node_took_click: bool,
    commands: &mut Vec<Command>,
) {
    // Nodes without a widget of their own (very large maps) are found by the hit test.
    let node_under = |pos: Pos2| {
        let local = pos - frame.rect.min;
        frame.scene.node_at(Vec2::new(local.x, local.y), 2.0)
    };
    let fallback = if canvas.hovered() { canvas.hover_pos().and_then(node_under) } else { None };
    let hovered = map.widget_hovered.or(fallback).filter(|_| map.dragging.is_none());
    if hovered != map.hovered {
        map.hovered = hovered;
        ui.ctx().request_repaint();
    }
    let pointer_in = ui.rect_contains_pointer(frame.rect);
    if pointer_in {
        let (zoom, scroll, hover) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        let factor = zoom * (scroll.y / 200.0).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(hover) = hover
        {
            let local = hover - frame.rect.min;
            map.camera.zoom_about(Vec2::new(local.x, local.y), factor);
            map.auto_fit = false;
            map.flight = None;
        }
    }
    if canvas.dragged() && map.dragging.is_none() {
        let delta = canvas.drag_delta();
        map.camera.pan_by(Vec2::new(delta.x, delta.y));
        map.auto_fit = false;
        map.flight = None;
    }
    if canvas.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas.id,
                egui::EventFilter { tab: false, horizontal_arrows: true, vertical_arrows: true, escape: false },
            )
        });
        if let Some(direction) = arrow_direction(ui) {
            map.camera.pan_by(direction * -PAN_STEP);
            map.auto_fit = false;
        }
    }
    let keyboard_here = canvas.has_focus() || map.selected.is_some() && ui.memory(|m| m.focused().is_some());
    if (keyboard_here || pointer_in) && !crate::ui::widgets::bidi_edit::editing_text(ui.ctx()) {
        let (plus, minus) =
            ui.input(|i| (i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals), i.key_pressed(Key::Minus)));
        if plus {
            zoom_centre(map, ZOOM_STEP);
        }
        if minus {
            zoom_centre(map, 1.0 / ZOOM_STEP);
        }
    }
    if canvas.clicked() && !node_took_click {
        let pointer = canvas.interact_pointer_pos().unwrap_or(frame.rect.center());
        if let Some(node) = node_under(pointer)
            && let Some(id) = map.layout.as_ref().and_then(|l| l.graph().node(node)).map(|n| n.id.clone())
        {
            commands.push(Command::Navigate(Address::Concept(id)));
            return;
        }
        let local = pointer - frame.rect.min;
        map.selected_edge = frame.scene.edge_at(Vec2::new(local.x, local.y), 4.0);
        map.selected = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::RelationKind;

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
            let evidence = &data.index_edge(&model, e).unwrap().evidence;
            assert!(evidence.is_empty() || evidence.iter().any(|p| p.document == doc));
        }
    }

    #[test]
    fn focus_is_the_neighbourhood_of_the_address() {
        let (model, mut map) = bundled();
        map.sync_address(&model, Some("city-diplomacy"), Some(1));
        let data = map.data.clone().unwrap();
        let visible = map.visibility(&model, &data);
        let focus = map.focus_set(&data, &visible).unwrap();
        for id in ["city-diplomacy", "municipalities", "climate-change"] {
            assert!(focus.contains(data.graph.index_of(id).unwrap()), "{id} is in focus");
        }
        assert!(!focus.contains(data.graph.index_of("interpol").unwrap()));
    }

    #[test]
    fn toggling_kinds_keeps_empty_for_all() {
        let all = ConceptKind::ALL;
        let mut list = Vec::new();
        toggle(&mut list, &all, ConceptKind::Threat, false);
        assert_eq!(list.len(), 3);
        assert!(!list.contains(&ConceptKind::Threat));
        toggle(&mut list, &all, ConceptKind::Threat, true);
        assert!(list.is_empty());
    }
}
