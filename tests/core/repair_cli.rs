//! `diplomap text` and `diplomap repair` as a script sees them: one output line
//! per stored line, repaired lines in logical order, `--original` the stored
//! bytes, `--json` one object a line.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::common;

const DOC: &str = "002_e0ff0a2344230e73";

fn diplomap(args: &[&str], stdin: Option<&str>) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .env_remove("DIPLOMAP_CORPUS")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

#[test]
fn text_prints_one_line_per_stored_line() {
    let corpus = common::corpus_dir();
    let corpus = corpus.to_str().unwrap();
    let stored = common::seed("002");
    let out = diplomap(&["text", "--corpus", corpus, DOC], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), stored.lines().count());
    assert_eq!(text.lines().nth(24), Some("تأمین امنیت."));
    assert_eq!(text.lines().nth(26), stored.lines().nth(26), "a clean line is as stored");

    let original = diplomap(&["text", "--corpus", corpus, DOC, "--original"], None);
    assert!(original.stdout == stored.as_bytes(), "--original prints the stored bytes");
}

#[test]
fn text_json_has_the_contract_fields() {
    let corpus = common::corpus_dir();
    let out = diplomap(&["text", "--corpus", corpus.to_str().unwrap(), DOC, "--json"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    for line in text.lines() {
        assert!(line.starts_with(r#"{"line":"#) && line.contains(r#","repaired":"#), "{line}");
        let (confidence, text) = (line.find(r#","confidence":"#).unwrap(), line.find(r#","text":"#).unwrap());
        assert!(line.find(r#","repaired":"#).unwrap() < confidence && confidence < text, "fields in order: {line}");
    }
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), common::seed("002").lines().count());
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line.as_object().unwrap().len(), 4);
        assert_eq!(line["line"], i + 1);
        let confidence = line["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
    assert_eq!(lines[24]["repaired"], true);
    assert_eq!(lines[26]["repaired"], false);
}

#[test]
fn text_names_a_missing_document() {
    let corpus = common::corpus_dir();
    let out = diplomap(&["text", "--corpus", corpus.to_str().unwrap(), "no-such-doc"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-doc"));
}

#[test]
fn repair_reads_any_text_line_for_line() {
    let input = " .تیامن نیتأم\nبحث اصلی این مقاله است.\n\nPolice diplomacy\n";
    let out = diplomap(&["repair", "-"], Some(input));
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "تأمین امنیت.\nبحث اصلی این مقاله است.\n\nPolice diplomacy\n");
    let json = diplomap(&["repair", "--json"], Some(" .تیامن نیتأم\n"));
    let value: Value = serde_json::from_str(String::from_utf8(json.stdout).unwrap().trim()).unwrap();
    assert_eq!(value["repaired"], true);
    assert_eq!(value["text"], "تأمین امنیت.");
}
