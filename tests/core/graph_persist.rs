//! `layout.ron`: stable bytes, round trips, and every problem located.

use std::path::Path;

use diplomap::graph::{LayoutFile, Vec2, layout_to_ron, load_layout, parse_layout, save_layout};
use proptest::prelude::*;

fn known(id: &str) -> bool {
    ["police-diplomacy", "interpol", "europol"].contains(&id)
}

fn check(text: &str, expected: &[&str]) -> LayoutFile {
    let (file, diagnostics) = parse_layout(Path::new("corpus/layout.ron"), text, known);
    let got: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(got, expected);
    file
}

#[test]
fn writes_pretty_sorted_stable_bytes() {
    let mut file = LayoutFile::default();
    file.pinned.insert("police-diplomacy".into(), Vec2::new(0.0, 0.0));
    file.pinned.insert("interpol".into(), Vec2::new(120.0, -40.5));
    file.pinned.insert("europol".into(), Vec2::new(1e-7, 3.25e9));
    let text = layout_to_ron(&file);
    assert_eq!(
        text,
        "Layout(\n    pinned: {\n        \"europol\": (x: 1e-7, y: 3250000000.0),\n        \"interpol\": (x: 120.0, y: -40.5),\n        \"police-diplomacy\": (x: 0.0, y: 0.0),\n    },\n)\n"
    );
    let again = check(&text, &[]);
    assert_eq!(again, file);
    assert_eq!(layout_to_ron(&again), text);
}

#[test]
fn empty_layout_round_trips() {
    let text = layout_to_ron(&LayoutFile::default());
    assert_eq!(text, "Layout(\n    pinned: {\n    },\n)\n");
    assert_eq!(check(&text, &[]), LayoutFile::default());
    assert_eq!(check("Layout()", &[]), LayoutFile::default());
    assert_eq!(check("(pinned: {})", &[]), LayoutFile::default());
}

#[test]
fn syntax_errors_carry_line_and_column() {
    check(
        "Layout(\n    pinned: {\n        \"interpol\": (x: 1.0, y: 2.0)\n        \"europol\": (x: 1.0, y: 2.0),\n    },\n)\n",
        &["corpus/layout.ron:4:9: Expected comma"],
    );
}

#[test]
fn unknown_fields_are_errors_with_positions() {
    let text = "Layout(\n    pinned: {\n        \"interpol\": (x: 1.0, y: 2.0, z: 3.0),\n    },\n)\n";
    let (_, diagnostics) = parse_layout(Path::new("layout.ron"), text, known);
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].is_error());
    assert_eq!((diagnostics[0].line, diagnostics[0].col), (3, 38), "{}", diagnostics[0]);
}

#[test]
fn every_semantic_problem_is_reported_and_unknown_ids_are_warnings() {
    let text = "Layout(\n    pinned: {\n        \"interpol\": (x: 1.0, y: 2.0),\n        \"ghost\": (x: 3.0, y: 4.0),\n        \"europol\": (x: NaN, y: 0.0),\n        \"interpol\": (x: 9.0, y: 9.0),\n    },\n)\n";
    let file = check(
        text,
        &[
            "corpus/layout.ron:4:9: warning: unknown concept id `ghost`; pin kept but unused",
            "corpus/layout.ron:5:9: `europol` has a position that is not a finite number",
            "corpus/layout.ron:6:9: `interpol` is pinned twice; the first position is kept",
        ],
    );
    assert_eq!(file.pinned.get("interpol"), Some(&Vec2::new(1.0, 2.0)));
    assert_eq!(file.pinned.get("ghost"), Some(&Vec2::new(3.0, 4.0)));
    assert!(!file.pinned.contains_key("europol"));
}

#[test]
fn load_and_save_through_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("layout.ron");
    let (missing, diagnostics) = load_layout(&path, known);
    assert_eq!(missing, LayoutFile::default());
    assert!(diagnostics.is_empty());

    let mut file = LayoutFile::default();
    file.pinned.insert("interpol".into(), Vec2::new(-3.5, 8.0));
    save_layout(&path, &file).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let (loaded, diagnostics) = load_layout(&path, known);
    assert!(diagnostics.is_empty());
    assert_eq!(loaded, file);
    save_layout(&path, &loaded).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary files left");

    std::fs::write(&path, b"Layout(\xff)").unwrap();
    let (_, diagnostics) = load_layout(&path, known);
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].to_string().ends_with(":1:8: invalid UTF-8 at byte 7"), "{}", diagnostics[0]);
}

proptest! {
    #[test]
    fn any_finite_pins_round_trip_to_the_same_bytes(
        pins in proptest::collection::btree_map("[a-z][a-z0-9-]{0,20}", (-1e12f32..1e12f32, -1e12f32..1e12f32), 0..12)
    ) {
        let file = LayoutFile { pinned: pins.into_iter().map(|(id, (x, y))| (id, Vec2::new(x, y))).collect() };
        let text = layout_to_ron(&file);
        let (parsed, diagnostics) = parse_layout(Path::new("layout.ron"), &text, |_| true);
        prop_assert!(diagnostics.is_empty(), "{:?}", diagnostics);
        prop_assert_eq!(&parsed, &file);
        prop_assert_eq!(layout_to_ron(&parsed), text);
    }
}
