//! Labels on the map of the bundled corpus: placed so none covers another,
//! the big concepts and a focus's neighbours named, at the window sizes a
//! reader and a presenter use.

use crate::common;

use diplomap::export::{self, Target, map::SettledMap};
use diplomap::graph::Vec2;
use diplomap::graph::labels::{LabelPriority, PlacedLabel, place_labels, requests_of_scene};
use diplomap::text::Lang;
use diplomap::tours::TourStep;

fn map() -> &'static SettledMap {
    static MAP: std::sync::OnceLock<SettledMap> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let (corpus, index) = common::corpus_and_index();
        SettledMap::build(corpus, index)
    })
}

/// The labels of `target` on a page of `size`, with boxes of about half an em
/// per character at 13 points.
fn labels_of(target: &Target, size: Vec2, lang: Lang) -> Vec<PlacedLabel> {
    let map = map();
    let page = export::prepare(map, target, size, lang);
    let view = &page.view;
    let requests =
        requests_of_scene(&page.scene, &map.data.graph, Some(&view.highlight_nodes), view.focus.as_ref(), |n| {
            Some(Vec2::new(6.5 * map.label(n, lang).chars().count() as f32 + 6.0, 18.0))
        });
    place_labels(requests, &page.scene.nodes, &page.scene.edges, page.picture.map_size(), &[])
}

fn node_named(id: &str) -> usize {
    map().data.graph.index_of(id).unwrap()
}

fn assert_apart(labels: &[PlacedLabel]) {
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(
                !a.rect.intersects(&b.rect),
                "{} and {} overlap",
                map().data.graph.nodes()[a.node].id,
                map().data.graph.nodes()[b.node].id
            );
        }
    }
}

#[test]
fn the_whole_map_names_most_concepts_without_overlap() {
    for (size, lang) in [(Vec2::new(1280.0, 800.0), Lang::Fa), (Vec2::new(940.0, 650.0), Lang::En)] {
        let labels = labels_of(&Target::WholeMap, size, lang);
        assert_apart(&labels);
        let count = map().data.graph.node_count();
        assert!(labels.len() * 2 > count, "{} of {count} concepts named at {size:?}", labels.len());
        for id in ["police-diplomacy", "city-diplomacy", "terrorism"] {
            assert!(labels.iter().any(|l| l.node == node_named(id)), "{id} is named at {size:?}");
        }
    }
}

#[test]
fn a_focus_names_its_neighbours() {
    let step = TourStep::focused("city-diplomacy", 1);
    let labels = labels_of(&Target::View(&step), Vec2::new(1280.0, 800.0), Lang::Fa);
    assert_apart(&labels);
    for id in ["city-diplomacy", "municipalities", "climate-change"] {
        let label = labels.iter().find(|l| l.node == node_named(id));
        assert!(label.is_some(), "{id} is named");
    }
    let focus = labels.iter().find(|l| l.node == node_named("city-diplomacy")).unwrap();
    assert_eq!(focus.priority, LabelPriority::Must, "the focused concept's label is never given up");
}

#[test]
fn no_two_concepts_sit_on_each_other() {
    let map = map();
    let room = diplomap::export::map::map_layout_config().collision;
    let nodes = map.data.graph.nodes();
    let mut worst = (f32::INFINITY, 0, 0);
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            let ratio = map.positions[i].distance(map.positions[j]) / (room * (nodes[i].size + nodes[j].size));
            if ratio < worst.0 {
                worst = (ratio, i, j);
            }
        }
    }
    assert!(worst.0 > 0.6, "{} and {} are {} of their rooms apart", nodes[worst.1].id, nodes[worst.2].id, worst.0);
}
