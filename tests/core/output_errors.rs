//! Standard output that fails: a full device (`/dev/full`) is an error on
//! stderr with exit 1 for every command that prints; a closed pipe ends the
//! command quietly (exit 0, no panic); `import` never leaves a document
//! behind without saying its id.

use crate::common;

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn full_device() -> Option<std::fs::File> {
    std::fs::OpenOptions::new().write(true).open("/dev/full").ok()
}

fn to_full(corpus: &Path, args: &[&str], stdin: &[u8]) -> Option<Output> {
    let full = full_device()?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::from(full))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin);
    Some(child.wait_with_output().unwrap())
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_printing_command_reports_a_full_device() {
    if full_device().is_none() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let corpus = common::corpus_copy();
    std::fs::write(corpus.path().join("note.txt"), "یادداشت").unwrap();
    let set = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(["--corpus", corpus.path().to_str().unwrap(), "note", "set", "interpol", "--text-file"])
        .arg(corpus.path().join("note.txt"))
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", stderr(&set));
    let cases: &[(&[&str], &[u8])] = &[
        (&["mentions"], "همکاری یوروپل و اینترپل علیه قاچاق مواد مخدر\n".as_bytes()),
        (&["index"], b""),
        (&["index", "--json"], b""),
        (&["check"], b""),
        (&["search", "interpol"], b""),
        (&["search", "--json", "interpol"], b""),
        (&["note", "list"], b""),
        (&["note", "get", "interpol"], b""),
    ];
    for (args, stdin) in cases {
        let output = to_full(corpus.path(), args, stdin).unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}: {}", stderr(&output));
        assert!(stderr(&output).contains("cannot write to standard output"), "{args:?}: {}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn an_import_whose_id_cannot_be_printed_says_it_on_stderr() {
    if full_device().is_none() {
        eprintln!("skipped: no /dev/full on this system");
        return;
    }
    let corpus = common::catalog_and_documents_copy();
    let file = corpus.path().join("news.txt");
    std::fs::write(&file, "همکاری پلیسی با اینترپل\n").unwrap();
    let output = to_full(corpus.path(), &["import", file.to_str().unwrap()], b"").unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    let id = message.split("as document ").nth(1).and_then(|rest| rest.split(',').next()).unwrap_or_default();
    assert!(id.starts_with("005_"), "{message}");
    assert!(corpus.path().join("documents").join(format!("{id}.txt")).is_file(), "{message}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Far more than a pipe holds, so the command is still writing when the
    // reader goes away.
    let line = "همکاری یوروپل و اینترپل علیه قاچاق مواد مخدر\n";
    let input = line.repeat(20_000);
    for args in [&["mentions"][..], &["index", "--json"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
            .arg("--corpus")
            .arg(common::corpus_dir())
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let input = input.clone();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(input.as_bytes());
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 10];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let output = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        assert_eq!(stderr(&output), "", "{args:?}");
    }
}
