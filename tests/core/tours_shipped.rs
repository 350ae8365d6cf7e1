//! The tours shipped in `corpus/tours/`: valid against the design's minimum
//! catalog and the documents, passages on character boundaries, captions in
//! the language they claim, and saved in canonical bytes. Run with
//! `DIPLOMAP_UPDATE_TOURS=1` to rewrite a hand-edited tour canonically.

use std::collections::HashSet;
use std::path::Path;

use diplomap::text::Lang;
use diplomap::text::lang::detect;
use diplomap::tours;

/// The ids of the design's minimum catalog (a contract).
const MINIMUM_CATALOG: &[&str] = &[
    "police-diplomacy",
    "city-diplomacy",
    "public-diplomacy",
    "preventive-diplomacy",
    "multilateral-diplomacy",
    "bilateral-diplomacy",
    "citizen-diplomacy",
    "terrorism",
    "organised-crime",
    "drug-trafficking",
    "human-trafficking",
    "illegal-migration",
    "document-fraud",
    "cybercrime",
    "foreign-terrorist-fighters",
    "climate-change",
    "pandemic",
    "interpol",
    "europol",
    "afripol",
    "ameripol",
    "aseanapol",
    "arab-interior-ministers-council",
    "eco",
    "frontex",
    "gccpol",
    "sco",
    "unodc",
    "united-nations",
    "national-security",
    "foreign-policy",
    "security-governance",
    "globalisation",
    "border-security",
    "extradition",
    "intelligence-sharing",
];

fn documents() -> HashSet<String> {
    std::fs::read_dir("corpus/documents")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn shipped_tours_are_valid_and_canonical() {
    let dir = Path::new("corpus/tours");
    let ids = tours::list(dir).unwrap();
    assert!(ids.contains(&"police-diplomacy".to_string()));
    let concepts: HashSet<String> = MINIMUM_CATALOG.iter().map(|s| s.to_string()).collect();
    let documents = documents();
    for id in ids {
        let path = tours::path_of(dir, &id);
        let text = std::fs::read_to_string(&path).unwrap();
        let tour = tours::load(&path).unwrap_or_else(|e| panic!("{e:#?}"));
        let problems = tours::validate(&tour, &concepts, &documents, &path, &text);
        assert!(problems.is_empty(), "{problems:#?}");
        check_passages(&tour);
        check_caption_languages(&tour);
        let canonical = tours::to_ron(&tour).unwrap();
        if std::env::var_os("DIPLOMAP_UPDATE_TOURS").is_some() {
            tours::save(&path, &tour).unwrap();
        } else {
            assert!(text == canonical, "{id} is not in canonical form; rerun with DIPLOMAP_UPDATE_TOURS=1");
        }
    }
}

#[test]
fn police_diplomacy_tour_has_eight_to_ten_steps() {
    let tour = tours::load(Path::new("corpus/tours/police-diplomacy.ron")).unwrap();
    assert!((8..=10).contains(&tour.steps.len()), "{} steps", tour.steps.len());
}

fn check_passages(tour: &tours::Tour) {
    for passage in tour.steps.iter().filter_map(|s| s.passage.as_ref()) {
        let text = std::fs::read_to_string(format!("corpus/documents/{}.txt", passage.document)).unwrap();
        let slice = text.get(passage.start..passage.end);
        assert!(slice.is_some_and(|s| !s.trim().is_empty()), "bad passage {passage:?}");
    }
}

fn check_caption_languages(tour: &tours::Tour) {
    for (i, step) in tour.steps.iter().enumerate() {
        for lang in Lang::ALL {
            let caption = step.caption.get(lang);
            assert_eq!(detect(caption), Some(lang), "step {} caption {lang:?}: {caption}", i + 1);
        }
    }
}
