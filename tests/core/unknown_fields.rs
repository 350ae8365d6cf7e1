//! Unknown fields are errors in every file we read, named with
//! FILE:LINE:COL and the field meant ("did you mean `aliases`?"); RON nesting
//! errors say where and what, without advice meant for programmers.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn check(corpus: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap")).arg("--corpus").arg(corpus).arg("check").output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} holds {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn first_document_meta(corpus: &Path) -> std::path::PathBuf {
    let mut metas: Vec<_> = std::fs::read_dir(corpus.join("documents"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    metas.sort();
    metas.remove(0)
}

#[test]
fn a_misspelt_catalog_field_is_an_error_with_the_field_meant() {
    let corpus = common::corpus_copy();
    let catalog = corpus.path().join("concepts.ron");
    replace_in(&catalog, "aliases:", "alias:");
    let output = check(corpus.path());
    assert_eq!(output.status.code(), Some(1));
    let line = stderr(&output).lines().find(|l| l.contains("unknown field")).unwrap_or_default().to_string();
    assert!(line.starts_with(&format!("{}:", catalog.display())), "{line}");
    assert!(line.contains("unknown field `alias` in Concept: did you mean `aliases`?"), "{line}");
    let text = std::fs::read_to_string(&catalog).unwrap();
    let line_no: usize = line.split(':').nth(1).unwrap().parse().unwrap();
    assert!(text.lines().nth(line_no - 1).unwrap().contains("alias:"), "{line} points at the field's line");
}

#[test]
fn a_misspelt_metadata_field_is_an_error() {
    let corpus = common::corpus_copy();
    let meta = first_document_meta(corpus.path());
    let text = std::fs::read_to_string(&meta).unwrap();
    let at = text.rfind(')').unwrap();
    std::fs::write(&meta, format!("{}    yeer: 2021,\n)", &text[..at])).unwrap();
    let output = check(corpus.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("unknown field `yeer` in Document: did you mean `year`?"), "{}", stderr(&output));
}

#[test]
fn a_misspelt_tour_or_layout_field_is_an_error() {
    let corpus = common::corpus_copy();
    let tour = corpus.path().join("tours/police-diplomacy.ron");
    replace_in(&tour, "caption:", "captoin:");
    std::fs::write(corpus.path().join("layout.ron"), "Layout(pined: {})\n").unwrap();
    let output = check(corpus.path());
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("unknown field `captoin`") && errors.contains("did you mean `caption`?"), "{errors}");
    assert!(errors.contains("layout.ron:1:") && errors.contains("did you mean `pinned`?"), "{errors}");
}

#[test]
fn nesting_too_deep_and_blank_files_say_what_is_wrong() {
    // Our own types never nest that deep; ignored values (and any loader
    // to come) do: the message names the file, the place and the problem.
    let deep = format!("{}1{}", "[".repeat(500), "]".repeat(500));
    let err = ron::from_str::<serde::de::IgnoredAny>(&deep).unwrap_err();
    let message = diplomap::diag::Diagnostic::from_ron(Path::new("tours/deep.ron"), &err).to_string();
    assert!(message.starts_with("tours/deep.ron:1:"), "{message}");
    assert!(message.contains("nested more than 128 levels"), "{message}");
    assert!(!message.contains("serde_stacker") && !message.contains("recursion_limit"), "{message}");

    let corpus = common::corpus_copy();
    std::fs::write(corpus.path().join("concepts.ron"), "  \n\t\n").unwrap();
    let output = check(corpus.path());
    let errors = stderr(&output);
    assert!(errors.contains("concepts.ron:1:1: the file is only whitespace (5 bytes)"), "{errors}");
}
