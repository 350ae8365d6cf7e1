//! Bad and big input, generated in the test (nothing big is committed):
//! empty files, binary files, invalid UTF-8, NUL bytes, a file of megabytes
//! on one line. Every problem is reported with FILE:LINE:COL (and the byte
//! offset for bad UTF-8), the rest loads, and nothing hangs.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use diplomap::corpus::Corpus;
use diplomap::index::Index;
use diplomap::index::mentions::Matcher;

fn write_catalog(dir: &Path) {
    std::fs::copy(common::corpus_dir().join("concepts.ron"), dir.join("concepts.ron")).unwrap();
    std::fs::create_dir_all(dir.join("documents")).unwrap();
}

/// A long text with no line break: the seeds' paragraphs joined by spaces.
fn one_line(bytes: usize) -> String {
    let (corpus, _) = common::corpus_and_index();
    let seeds: Vec<String> = corpus.documents.iter().map(|d| d.text.replace(['\n', '\r'], " ")).collect();
    let mut text = String::with_capacity(bytes + 100_000);
    while text.len() < bytes {
        for seed in &seeds {
            text.push_str(seed);
            text.push(' ');
        }
    }
    text
}

#[test]
fn empty_binary_and_invalid_files_are_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    write_catalog(dir.path());
    let documents = dir.path().join("documents");
    std::fs::write(documents.join("empty.txt"), b"").unwrap();
    std::fs::write(documents.join("nul.txt"), b"INTERPOL\0\0\0 and Europol\0").unwrap();
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.splice(0..0, b"line one\nline two \xC3".iter().copied());
    std::fs::write(documents.join("binary.txt"), &binary).unwrap();
    std::fs::write(documents.join("latin1.txt"), b"caf\xe9 INTERPOL").unwrap();
    std::fs::write(documents.join("good.txt"), "همکاری با اینترپل\n").unwrap();

    let (corpus, diagnostics) = Corpus::load(dir.path());
    let corpus = corpus.expect("the catalog loads");
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["empty", "good", "nul"]);
    let messages: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
    let has = |suffix: &str| messages.iter().any(|m| m.ends_with(suffix));
    assert!(has("binary.txt:2:10: invalid UTF-8 at byte 18"), "{messages:#?}");
    assert!(has("latin1.txt:1:4: invalid UTF-8 at byte 3"), "{messages:#?}");

    let index = Index::build(&corpus);
    let found: Vec<(&str, usize)> =
        index.mentions.iter().map(|m| (corpus.catalog.concepts[m.concept].id.as_str(), m.document)).collect();
    assert_eq!(found, [("interpol", 1), ("interpol", 2), ("europol", 2)]);
}

#[test]
fn the_mentions_command_names_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.txt");
    std::fs::write(&path, b"INTERPOL\nab\xffcd").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(["mentions", "--corpus"])
        .arg(common::corpus_dir())
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad.txt:2:3: invalid UTF-8 at byte 11"), "{stderr}");
    assert!(output.stdout.is_empty());
}

#[test]
fn a_file_of_fifty_megabytes_on_one_line_goes_through_the_mentions_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("one-line.txt");
    let text = one_line(50_000_000);
    std::fs::write(&path, &text).unwrap();
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(["mentions", "--corpus"])
        .arg(common::corpus_dir())
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let lines = output.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(lines > 10_000, "{lines} mentions");
    // A generous bound: the point is that nothing is quadratic.
    assert!(started.elapsed() < Duration::from_secs(600));
}

#[test]
fn a_long_line_is_segmented_and_matched() {
    let (corpus, _) = common::corpus_and_index();
    let text = one_line(4_000_000);
    let matcher = Matcher::new(&corpus.catalog);
    let (doc_index, _) = diplomap::index::index_document(&matcher, 0, &text);
    assert_eq!(doc_index.paragraphs.len(), 1);
    assert!(doc_index.sentences.len() > 1000, "{} sentences", doc_index.sentences.len());
    let mentions = matcher.find(&text);
    assert!(mentions.len() > 1000);
    assert!(mentions.iter().all(|m| text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end)));
}
