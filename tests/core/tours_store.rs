//! The tours store: round trips, stable bytes, diagnostics with positions.

use std::collections::HashSet;
use std::path::Path;

use diplomap::tours::{self, Camera, EdgeRef, Localized, Passage, Tour, TourStep};

fn sample() -> Tour {
    let mut first = TourStep::focused("police-diplomacy", 1);
    first.caption = Localized::new("دیپلماسی پلیسی", "الدبلوماسية الشرطية", "Police diplomacy");
    first.filters.kinds = vec!["Threat".into()];
    first.filters.edge_kinds = vec!["counters".into()];
    first.filters.min_weight = 0.5;
    first.highlight.nodes = vec!["terrorism".into()];
    first.highlight.edges = vec![EdgeRef { source: "police-diplomacy".into(), target: "terrorism".into() }];
    first.camera = Some(Camera::framing((10.5, -3.25), (800.0, 500.0)));
    first.pinned.insert("interpol".into(), (1.0, 2.0));
    first.passage = Some(Passage { document: "000_d179677d1f4e20a5".into(), start: 10, end: 20 });
    let mut second = TourStep::focused("interpol", 2);
    second.caption = Localized::new("اینترپل\u{200c}ها", "الإنتربولً", "INTERPOL's \"I-24/7\" \\ #\"# net,\nsecond line");
    Tour { title: Localized::new("یک گشت", "جولة", "A tour"), steps: vec![first, second] }
}

fn ids(list: &[&str]) -> HashSet<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn round_trip_and_stable_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.ron");
    let tour = sample();
    tours::save(&path, &tour).unwrap();
    let first = std::fs::read(&path).unwrap();
    let loaded = tours::load(&path).unwrap();
    assert_eq!(loaded, tour);
    tours::save(&path, &loaded).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first, "saving again changes nothing");
    let text = String::from_utf8(first).unwrap();
    assert!(text.contains("caption: Localized("), "pretty, with struct names:\n{text}");
    assert!(text.ends_with(")\n"));
    assert!(text.contains("اینترپل\u{200c}ها"), "ZWNJ written as is");
    assert!(text.contains("r##\"INTERPOL's"), "quotes in a raw string");
}

#[test]
fn hand_written_minimal_tour_loads_with_defaults() {
    let text = r#"// a comment
(
    title: (en: "Minimal"),
    steps: [
        (caption: (fa: "یک", ar: "واحد", en: "One")),
        (focus: Some((concept: "interpol", depth: 1)), caption: (fa: "دو", ar: "اثنان", en: "Two")),
    ],
)
"#;
    let tour = tours::from_ron(Path::new("m.ron"), text).unwrap();
    assert_eq!(tour.steps.len(), 2);
    assert_eq!(tour.steps[0].camera, None);
    assert_eq!(tour.steps[1].focus.as_ref().unwrap().concept, "interpol");
}

#[test]
fn syntax_error_has_its_position() {
    let text = "(\n    title: (en: \"x\"),\n    steps: [\n        (caption: (en: \"a\") oops),\n    ],\n)\n";
    let errors = tours::from_ron(Path::new("bad.ron"), text).unwrap_err();
    assert_eq!(errors.len(), 1);
    let shown = errors[0].to_string();
    assert!(shown.starts_with("bad.ron:4:"), "{shown}");
}

#[test]
fn semantic_errors_point_at_the_offending_text() {
    let text = r#"(
    title: (en: "x"),
    steps: [
        (
            focus: Some((concept: "police-diplomacy", depth: 1)),
            caption: (fa: "الف", ar: "أ", en: "A"),
        ),
        (
            focus: Some((concept: "police-diplomacy", depth: 1)),
            highlight: (nodes: ["no-such-concept"]),
            camera: Some((center: (0.0, 0.0), zoom: 0.0)),
            filters: (kinds: ["Threats"]),
            passage: Some((document: "nope", start: 5, end: 5)),
            caption: (fa: "ب", ar: "ب", en: "B"),
        ),
    ],
)
"#;
    let path = Path::new("t.ron");
    let errors = tours::from_ron(path, text).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(shown.contains(&"t.ron:11:47: step 2: zoom must be a positive number, not 0".to_string()), "{shown:#?}");
    assert!(shown.iter().any(|s| s.starts_with("t.ron:12:31: step 2: unknown concept kind `Threats`")), "{shown:#?}");
    assert!(shown.iter().any(|s| s.starts_with("t.ron:13:13: step 2: passage range 5..5 is empty")), "{shown:#?}");

    let mut fixed = text.replace("zoom: 0.0", "zoom: 1.0").replace("[\"Threats\"]", "[\"Threat\"]");
    fixed = fixed.replace("end: 5", "end: 9");
    let tour = tours::from_ron(path, &fixed).unwrap();
    let problems = tours::validate(&tour, &ids(&["police-diplomacy"]), &ids(&["000"]), path, &fixed);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        vec![
            "t.ron:10:33: step 2: unknown concept `no-such-concept`".to_string(),
            "t.ron:13:38: step 2: unknown document `nope`".to_string(),
        ]
    );
}

#[test]
fn missing_captions_are_warnings() {
    let text = "(title: (en: \"x\"), steps: [(caption: (en: \"only English\"))])";
    let path = Path::new("w.ron");
    let tour = tours::from_ron(path, text).unwrap();
    let problems = tours::check(&tour, path, text);
    assert_eq!(problems.len(), 1);
    assert!(!problems[0].is_error());
    assert!(problems[0].message.contains("no caption in fa, ar"), "{}", problems[0]);
}

#[test]
fn list_finds_ron_files() {
    let dir = tempfile::tempdir().unwrap();
    assert!(tours::list(&dir.path().join("absent")).unwrap().is_empty());
    tours::save(&tours::path_of(dir.path(), "b-tour"), &sample()).unwrap();
    tours::save(&tours::path_of(dir.path(), "a-tour"), &sample()).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    assert_eq!(tours::list(dir.path()).unwrap(), vec!["a-tour", "b-tour"]);
    assert!(tours::is_valid_id("police-diplomacy"));
    assert!(!tours::is_valid_id("Police Diplomacy"));
    assert!(!tours::is_valid_id("a--b"));
}

#[test]
fn cameras_load_old_and_new_and_bad_sizes_are_reported() {
    let text = |camera: &str| format!("Tour(steps: [TourStep(camera: Some({camera}), caption: (en: \"A\"))])\n");
    let path = Path::new("t.ron");
    let old = tours::from_ron(path, &text("Camera(center: (1.0, 2.0), zoom: 2.0)")).unwrap();
    assert_eq!(old.steps[0].camera.unwrap().world_size(), (640.0, 400.0), "an old zoom reads as in a 1280×800 window");
    let resaved = tours::to_ron(&old).unwrap();
    assert!(resaved.contains("size: Some((640.0, 400.0))") && !resaved.contains("zoom"), "{resaved}");
    assert_eq!(
        tours::from_ron(path, &resaved).unwrap().steps[0].camera,
        Some(Camera::framing((1.0, 2.0), (640.0, 400.0)))
    );
    let new = tours::from_ron(path, &text("Camera(center: (1.0, 2.0), size: Some((300.0, 200.0)))")).unwrap();
    assert_eq!(new.steps[0].camera, Some(Camera::framing((1.0, 2.0), (300.0, 200.0))));
    let saved = tours::to_ron(&new).unwrap();
    assert!(saved.contains("size: Some((300.0, 200.0))") && !saved.contains("zoom"), "{saved}");
    assert_eq!(tours::from_ron(path, &saved).unwrap(), new);
    let errors = tours::from_ron(path, &text("Camera(center: (1.0, 2.0), size: Some((0.0, 200.0)))")).unwrap_err();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["t.ron:1:63: step 1: the camera size must be two positive numbers, not (0, 200)"], "{shown:#?}");
}
