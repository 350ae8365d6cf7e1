//! `diplomap search [--json] QUERY...` as a script sees it: one JSON object,
//! hits whose byte ranges point at the right bytes of the document files,
//! notes searched, exit 0 even with no hits.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const CATALOG: &str = r#"Catalog(concepts: [
    Concept(id: "police-diplomacy", kind: DiplomacyForm,
        labels: (fa: "دیپلماسی پلیسی", ar: "الدبلوماسية الشرطية", en: "Police diplomacy"),
        summary: (en: "Diplomacy carried out by police forces.")),
    Concept(id: "interpol", kind: Organisation,
        labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL"),
        aliases: (fa: ["پلیس بین الملل"])),
])"#;

const PERSIAN: &str = "مقدمه\n\nدِيپلُماسي پليسي یکی از اشکال جدید دیپلماسی است که در سطح بین‌المللی مطرح می شود.\n";
const ARABIC: &str = "تعاون الدول مع الإنتربول والمنظمات الدولية في عام ٢٠١٦.\n";

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("documents")).unwrap();
    fs::write(root.join("concepts.ron"), CATALOG).unwrap();
    for (id, text) in [("fa-doc", PERSIAN), ("ar-doc", ARABIC)] {
        fs::write(root.join(format!("documents/{id}.txt")), text).unwrap();
        fs::write(root.join(format!("documents/{id}.ron")), "Document()").unwrap();
    }
    dir
}

fn diplomap(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .env_remove("DIPLOMAP_CORPUS")
        .arg("search")
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .output()
        .unwrap()
}

fn search_json(corpus: &Path, query: &[&str]) -> Value {
    let mut args = vec!["--json"];
    args.extend_from_slice(query);
    let output = diplomap(corpus, &args);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one JSON object: {text}");
    serde_json::from_str(&text).unwrap()
}

fn hits(value: &Value) -> &Vec<Value> {
    value["hits"].as_array().unwrap()
}

/// The bytes a document hit's start..end points at in its file.
fn document_surface(corpus: &Path, hit: &Value) -> String {
    let id = hit["document"].as_str().unwrap();
    let text = fs::read_to_string(corpus.join(format!("documents/{id}.txt"))).unwrap();
    let (start, end) = (hit["start"].as_u64().unwrap() as usize, hit["end"].as_u64().unwrap() as usize);
    text[start..end].to_string()
}

#[test]
fn json_hits_point_at_document_bytes() {
    let dir = corpus();
    let value = search_json(dir.path(), &["ديپلماسي", "پلیسی"]);
    assert_eq!(value["query"], "ديپلماسي پلیسی");
    let hits = hits(&value);
    assert_eq!(hits[0]["kind"], "concept");
    assert_eq!(hits[0]["id"], "police-diplomacy");
    let document = hits.iter().find(|h| h["kind"] == "document").unwrap();
    assert_eq!(document["document"], "fa-doc");
    // The two words side by side are highlighted as one phrase.
    assert_eq!(document_surface(dir.path(), document), "دِيپلُماسي پليسي");
    for hit in hits {
        let snippet = hit["snippet"].as_str().unwrap();
        for range in hit["highlights"].as_array().unwrap() {
            let (s, e) = (range[0].as_u64().unwrap() as usize, range[1].as_u64().unwrap() as usize);
            assert!(snippet.get(s..e).is_some_and(|h| !h.is_empty()), "{hit}");
        }
    }
}

#[test]
fn folding_clitics_digits_and_prefixes() {
    let dir = corpus();
    let first_document = |query: &[&str]| {
        let value = search_json(dir.path(), query);
        let hit = hits(&value).iter().find(|h| h["kind"] == "document").cloned();
        hit.map(|h| document_surface(dir.path(), &h))
    };
    assert_eq!(first_document(&["انتربول"]).as_deref(), Some("الإنتربول"));
    assert_eq!(first_document(&["2016"]).as_deref(), Some("٢٠١٦"));
    assert_eq!(first_document(&["بینالمللی"]).as_deref(), Some("بین‌المللی"));
    assert_eq!(first_document(&["میشود"]).as_deref(), Some("می شود"));
    assert_eq!(first_document(&["اشکا"]).as_deref(), Some("اشکال"));
}

#[test]
fn notes_are_searched() {
    let dir = corpus();
    fs::create_dir_all(dir.path().join("notes")).unwrap();
    let body = dir.path().join("body.txt");
    fs::write(&body, "یادداشت درباره قاچاق انسان").unwrap();
    let set = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .env_remove("DIPLOMAP_CORPUS")
        .args(["note", "set", "interpol", "--text-file"])
        .arg(&body)
        .arg("--corpus")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(set.status.code(), Some(0), "{}", String::from_utf8_lossy(&set.stderr));
    let value = search_json(dir.path(), &["قاچاق"]);
    let hits = hits(&value);
    assert_eq!(hits.len(), 1, "{value}");
    assert_eq!(hits[0]["kind"], "note");
    assert_eq!(hits[0]["id"], "interpol");
    assert_eq!(hits[0]["start"], "یادداشت درباره ".len());
}

#[test]
fn no_hits_is_success() {
    let dir = corpus();
    let value = search_json(dir.path(), &["zzzz"]);
    assert!(hits(&value).is_empty());
    let plain = diplomap(dir.path(), &["zzzz"]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(plain.stdout.is_empty());
}

#[test]
fn plain_output_is_one_line_a_hit() {
    let dir = corpus();
    let output = diplomap(dir.path(), &["اینترپل"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let first: Vec<&str> = text.lines().next().unwrap().split('\t').collect();
    assert_eq!(first[0], "1");
    assert_eq!(&first[2..5], ["concept", "interpol", "label:fa"]);
    assert_eq!(first[5], "اینترپل");
}

#[test]
fn a_query_is_required() {
    let dir = corpus();
    assert_eq!(diplomap(dir.path(), &[]).status.code(), Some(2));
}

/// A corpus where one word of a two-word query is in many concept names and
/// the whole phrase is in one paragraph, and an English name's concept is
/// written only in Persian and Arabic in the documents.
fn ranking_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("documents")).unwrap();
    let mut catalog = String::from("Catalog(concepts: [\n");
    for (i, word) in ["شهری", "عمومی", "دولتی", "ساکت", "دوجانبه", "چندجانبه"].iter().enumerate()
    {
        catalog.push_str(&format!(
            "Concept(id: \"d{i}\", kind: DiplomacyForm, labels: (fa: \"دیپلماسی {word}\", en: \"diplomacy {i}\")),\n"
        ));
    }
    catalog.push_str(
        "Concept(id: \"human-trafficking\", kind: Threat,
            labels: (fa: \"قاچاق انسان\", ar: \"الاتجار بالبشر\", en: \"human trafficking\")),\n])",
    );
    fs::write(root.join("concepts.ron"), catalog).unwrap();
    let docs = [
        ("a-words", "پلیس در این کشور کار می کند و دیپلماسی را نمی شناسد.\n"),
        ("b-phrase", "این مقاله درباره ديپلماسي پليس و همکاری است.\n"),
        ("c-fa", "شبکه‌های قاچاق انسان در منطقه فعال‌اند.\n"),
        ("d-ar", "مكافحة الاتجار بالبشر مسؤولية مشتركة.\n"),
        ("e-split", "قاچاق مواد مخدر و حقوق انسان دو موضوع جدا هستند.\n"),
    ];
    for (id, text) in docs {
        fs::write(root.join(format!("documents/{id}.txt")), text).unwrap();
        fs::write(root.join(format!("documents/{id}.ron")), "Document()").unwrap();
    }
    dir
}

fn ranked(value: &Value) -> Vec<(String, f64)> {
    hits(value)
        .iter()
        .map(|h| {
            let name = h["document"].as_str().or(h["id"].as_str()).unwrap_or_default().to_string();
            (name, h["score"].as_f64().unwrap())
        })
        .collect()
}

#[test]
fn the_whole_phrase_outranks_one_word_and_scores_descend() {
    let dir = ranking_corpus();
    let value = search_json(dir.path(), &["دیپلماسی", "پلیس"]);
    let ranked = ranked(&value);
    assert_eq!(ranked[0].0, "b-phrase", "{ranked:?}");
    assert_eq!(ranked[1].0, "a-words", "both words, not side by side: {ranked:?}");
    assert!(ranked.windows(2).all(|w| w[0].1 >= w[1].1), "scores in rank order: {ranked:?}");
    // The plain output prints the same order with descending scores.
    let output = diplomap(dir.path(), &["دیپلماسی", "پلیس"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let scores: Vec<f64> = text.lines().map(|l| l.split('\t').nth(1).unwrap().parse().unwrap()).collect();
    assert_eq!(scores.len(), ranked.len());
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{text}");
}

#[test]
fn an_english_name_reaches_the_persian_and_arabic_passages_of_its_concept() {
    let dir = ranking_corpus();
    let ranked = ranked(&search_json(dir.path(), &["human", "trafficking"]));
    let names: Vec<&str> = ranked.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "human-trafficking", "{ranked:?}");
    assert!(names.contains(&"c-fa") && names.contains(&"d-ar"), "{ranked:?}");
    // A paragraph with the name's words apart does not hold the name.
    assert!(!names.contains(&"e-split"), "{ranked:?}");
    let direct = ranked[0].1;
    assert!(ranked.iter().filter(|(n, _)| n == "c-fa" || n == "d-ar").all(|(_, s)| *s < direct), "{ranked:?}");
}
