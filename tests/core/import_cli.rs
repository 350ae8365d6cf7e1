//! `diplomap import`: a text file becomes a document that `check`, `mentions`
//! and `search` see; bad files are refused with their position (exit 1) and
//! nothing is written; bad options are usage errors (exit 2).

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn diplomap(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn count_documents(corpus: &Path) -> usize {
    std::fs::read_dir(corpus.join("documents")).unwrap().count()
}

#[test]
fn an_imported_text_is_checked_indexed_and_found() {
    let corpus = common::catalog_and_documents_copy();
    let source = tempfile::tempdir().unwrap();
    let file = source.path().join("news.txt");
    let text = "نشست دیپلماسی شهری در شیراز با حضور شهرداران برگزار شد.\n";
    std::fs::write(&file, text).unwrap();
    let file = file.to_str().unwrap();
    let output = diplomap(
        corpus.path(),
        &[
            "import",
            file,
            "--title-fa",
            "دیپلماسی شهری در شیراز",
            "--lang",
            "fa",
            "--source-kind",
            "news",
            "--year",
            "2021",
        ],
    );
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    assert!(id.starts_with("005_") && id.len() == 20, "{id}");
    assert_eq!(std::fs::read(corpus.path().join(format!("documents/{id}.txt"))).unwrap(), text.as_bytes());
    let check = diplomap(corpus.path(), &["check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let search = diplomap(corpus.path(), &["search", "--json", "شيراز"]);
    let found = String::from_utf8(search.stdout).unwrap();
    assert!(found.contains(&format!("\"document\":\"{id}\"")), "{found}");
    let ron = std::fs::read_to_string(corpus.path().join(format!("documents/{id}.ron"))).unwrap();
    assert!(ron.contains("kind: News") && ron.contains("year: Some(2021)"), "{ron}");

    let again = diplomap(corpus.path(), &["import", file]);
    assert_eq!(again.status.code(), Some(1));
    let message = String::from_utf8_lossy(&again.stderr);
    assert!(message.contains(&format!("already in the corpus, byte for byte, as document {id}")), "{message}");
}

#[test]
fn bad_files_and_bad_options_are_refused() {
    let corpus = common::catalog_and_documents_copy();
    let before = count_documents(corpus.path());
    let source = tempfile::tempdir().unwrap();
    let bad = source.path().join("bad.txt");
    std::fs::write(&bad, b"line one\nab\xffcd\n").unwrap();
    let output = diplomap(corpus.path(), &["import", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("bad.txt:2:3: invalid UTF-8 at byte 11"), "{message}");
    let missing = diplomap(corpus.path(), &["import", source.path().join("none.txt").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(1));
    let good = source.path().join("good.txt");
    std::fs::write(&good, "text\n").unwrap();
    let usage = diplomap(corpus.path(), &["import", good.to_str().unwrap(), "--source-kind", "blog"]);
    assert_eq!(usage.status.code(), Some(2), "{}", String::from_utf8_lossy(&usage.stderr));
    let usage = diplomap(corpus.path(), &["import", good.to_str().unwrap(), "--lang", "de"]);
    assert_eq!(usage.status.code(), Some(2));
    assert_eq!(count_documents(corpus.path()), before, "nothing written");
}
