//! Imports running at once: under the lock of the documents folder every
//! import gets its own number, and the same bytes get in once.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn import(corpus: &Path, file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .arg("--corpus")
        .arg(corpus)
        .arg("import")
        .arg(file)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

fn numbers(corpus: &Path) -> Vec<String> {
    let mut numbers: Vec<String> = std::fs::read_dir(corpus.join("documents"))
        .unwrap()
        .flatten()
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".txt")).map(str::to_owned))
        .map(|stem| stem.split('_').next().unwrap_or_default().to_owned())
        .collect();
    numbers.sort();
    numbers
}

#[test]
fn ten_different_files_at_once_get_ten_numbers() {
    let corpus = common::catalog_and_documents_copy();
    let sources = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..10)
        .map(|i| {
            let file = sources.path().join(format!("news-{i}.txt"));
            std::fs::write(&file, format!("خبر شماره {i} درباره همکاری با اینترپل\n")).unwrap();
            import(corpus.path(), &file)
        })
        .collect();
    let outputs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
    for output in &outputs {
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let numbers = numbers(corpus.path());
    let mut unique = numbers.clone();
    unique.dedup();
    assert_eq!(numbers, unique, "no number twice");
    assert_eq!(numbers.len(), 15);
}

#[test]
fn the_same_file_imported_by_eight_processes_at_once_gets_in_once() {
    let corpus = common::catalog_and_documents_copy();
    let sources = tempfile::tempdir().unwrap();
    let file = sources.path().join("same.txt");
    std::fs::write(&file, "یک خبر، یک بار\n").unwrap();
    let children: Vec<_> = (0..8).map(|_| import(corpus.path(), &file)).collect();
    let outputs: Vec<Output> = children.into_iter().map(|c| c.wait_with_output().unwrap()).collect();
    let succeeded = outputs.iter().filter(|o| o.status.success()).count();
    assert_eq!(succeeded, 1);
    for output in outputs.iter().filter(|o| !o.status.success()) {
        assert!(String::from_utf8_lossy(&output.stderr).contains("already in the corpus"));
    }
    assert_eq!(numbers(corpus.path()).len(), 6);
}

#[test]
fn threads_of_one_process_share_the_lock_too() {
    let corpus = common::catalog_and_documents_copy();
    std::thread::scope(|scope| {
        for i in 0..6 {
            let dir = corpus.path();
            scope.spawn(move || {
                let text = format!("متن {i}\n");
                diplomap::corpus::import::import_bytes(dir, Path::new("t.txt"), text.as_bytes(), Default::default())
                    .unwrap();
            });
        }
    });
    let numbers = numbers(corpus.path());
    let mut unique = numbers.clone();
    unique.dedup();
    assert_eq!(numbers, unique);
    assert_eq!(numbers.len(), 11);
}
