//! The command line as a script sees it: exit statuses, JSON shapes, byte offsets.

use crate::common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn diplomap(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(args)
        .arg("--corpus")
        .arg(common::corpus_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn check_passes_on_the_bundled_corpus() {
    let output = diplomap(&["check"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let warnings = String::from_utf8_lossy(&output.stderr).to_string();
    assert!(warnings.contains("warning: "), "broken lines of 002 are reported as warnings:\n{warnings}");
}

#[test]
fn index_json_has_the_contract_shape_and_hundreds_of_mentions_and_edges() {
    let output = diplomap(&["index", "--json"], None);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let documents = value["documents"].as_array().unwrap();
    let concepts = value["concepts"].as_array().unwrap();
    let mentions = value["mentions"].as_array().unwrap();
    let edges = value["edges"].as_array().unwrap();
    assert_eq!(documents.len(), 5);
    assert!(concepts.len() >= 36);
    assert!(mentions.len() >= 200, "{} mentions", mentions.len());
    assert!(edges.len() >= 100, "{} edges", edges.len());
    for key in ["id", "kind", "labels", "aliases", "summary"] {
        assert!(concepts[0].get(key).is_some(), "concept lacks {key}");
    }
    for lang in ["fa", "ar", "en"] {
        assert!(concepts[0]["labels"][lang].is_string());
        assert!(concepts[0]["aliases"][lang].is_array());
    }
    let texts: std::collections::HashMap<String, Vec<u8>> = documents
        .iter()
        .map(|d| {
            let id = d["id"].as_str().unwrap().to_string();
            let bytes = std::fs::read(common::corpus_dir().join("documents").join(format!("{id}.txt"))).unwrap();
            (id, bytes)
        })
        .collect();
    for mention in mentions {
        let text = &texts[mention["document"].as_str().unwrap()];
        let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
        assert_eq!(&text[start..end], mention["text"].as_str().unwrap().as_bytes());
    }
    let with_evidence = edges.iter().filter(|e| !e["evidence"].as_array().unwrap().is_empty()).count();
    assert!(with_evidence >= 100, "{with_evidence} edges with evidence");
    for edge in edges {
        for key in ["source", "target", "kind", "weight", "evidence"] {
            assert!(edge.get(key).is_some(), "edge lacks {key}");
        }
    }
}

#[test]
fn mentions_reads_stdin_and_reports_byte_offsets_of_the_input() {
    let input = "Le rôle d'INTERPOL et d'Europol. والإنتربول. دیپلماسی پلیسی";
    let output = diplomap(&["mentions", "-"], Some(input.as_bytes()));
    assert!(output.status.success());
    let lines: Vec<serde_json::Value> = stdout(&output).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["concept"].as_str().unwrap()).collect();
    assert_eq!(ids, ["interpol", "europol", "interpol", "police-diplomacy"]);
    for line in &lines {
        let (start, end) = (line["start"].as_u64().unwrap() as usize, line["end"].as_u64().unwrap() as usize);
        assert_eq!(&input[start..end], line["text"].as_str().unwrap());
    }
}

#[test]
fn invalid_utf8_is_bad_input_with_its_byte_offset() {
    let output = diplomap(&["mentions", "-"], Some(b"ok\n\xd8 broken"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr).trim(), "-:2:1: invalid UTF-8 at byte 3");
}

#[test]
fn bad_usage_exits_2() {
    let output = diplomap(&["no-such-command"], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_malformed_catalog_is_reported_with_its_position_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    let catalog = "Catalog(\n  concepts: [\n    Concept(id: \"x\", kind: Topic, labels: (en: \"x\")\n  ],\n)\n";
    std::fs::write(dir.path().join("concepts.ron"), catalog).unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_diplomap")).args(["check", "--corpus"]).arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!("{}:4:3: ", dir.path().join("concepts.ron").display());
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert_eq!(std::fs::read_to_string(dir.path().join("concepts.ron")).unwrap(), catalog);
}

/// `--open` with an address that names nothing fails before any window opens,
/// with a message that says what is missing (no display is needed for this).
#[cfg(feature = "gui")]
#[test]
fn unknown_addresses_are_refused_with_a_clear_message() {
    let cases = [
        ("concept:no-such-concept", "no-such-concept"),
        ("document:999_missing", "999_missing"),
        ("document:003_412e824fada4b61c#no-section", "no-section"),
        ("compare:000_d179677d1f4e20a5,nope", "nope"),
        ("tour:no-such-tour", "no-such-tour"),
        ("map?focus=nobody", "nobody"),
        ("nonsense:1", "nonsense"),
    ];
    for (address, named) in cases {
        let output = diplomap(&["--open", address, "--screenshot", "/nonexistent/x.png"], None);
        assert_eq!(output.status.code(), Some(1), "{address}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(named), "{address}: {stderr}");
    }
    let output = diplomap(&["--open", "concept:interpol", "--size", "12xwide"], None);
    assert_eq!(output.status.code(), Some(2));
}
