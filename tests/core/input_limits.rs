//! Inputs that never end or never start: `/dev/zero`, FIFOs without a
//! writer, huge note bodies. Each is refused at once with a message that
//! says the limit; nothing grows without bound and nothing waits forever.

use crate::common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs the command; one that has not ended after two minutes is killed
/// and fails the test (it would have waited forever).
fn diplomap(corpus: &Path, args: &[&str]) -> Output {
    let logs = tempfile::tempdir().unwrap();
    let (out, err) = (logs.path().join("out"), logs.path().join("err"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("diplomap {args:?} did not end");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output { status, stdout: std::fs::read(&out).unwrap(), stderr: std::fs::read(&err).unwrap() }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_fifo_and_a_device_are_refused_without_waiting() {
    let corpus = common::catalog_and_documents_copy();
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("pipe.txt");
    if !Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let output = diplomap(corpus.path(), &["import", fifo.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("not a regular file (a named pipe (FIFO))"), "{}", stderr(&output));
    let output = diplomap(corpus.path(), &["import", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/dev/zero: not a regular file (a device)"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(corpus.path().join("documents")).unwrap().count(), 10);
}

#[test]
fn mentions_of_dev_zero_stop_at_the_first_byte() {
    let output = diplomap(&common::corpus_dir(), &["mentions", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/dev/zero:1:1: not a text: a NUL byte at byte 0"), "{}", stderr(&output));
}

#[test]
fn streamed_mentions_are_those_of_the_whole_text() {
    let (corpus, _) = common::corpus_and_index();
    let matcher = diplomap::index::mentions::Matcher::new(&corpus.catalog);
    let text: String = corpus.documents.iter().map(|d| d.text.as_str()).collect::<Vec<_>>().join("\n\n");
    let whole: Vec<(usize, usize, usize)> =
        matcher.find(&text).into_iter().map(|m| (m.range.start, m.range.end, m.concept)).collect();
    // Small pieces, so the text is cut in many places, at blank lines.
    let mut streamed = Vec::new();
    diplomap::cli::mentions::stream(
        &matcher,
        text.as_bytes(),
        Path::new("-"),
        700,
        1 << 30,
        &mut |s, e, c, surface| {
            assert_eq!(&text[s..e], surface);
            streamed.push((s, e, c));
            Ok(())
        },
    )
    .unwrap();
    assert_eq!(streamed, whole);
    assert!(whole.len() > 200);
    // Without blank lines the pieces end at sentence ends: still every
    // mention's bytes are right.
    let one_paragraph = text.replace("\n\n", "\n");
    let mut count = 0;
    diplomap::cli::mentions::stream(
        &matcher,
        one_paragraph.as_bytes(),
        Path::new("-"),
        500,
        4000,
        &mut |s, e, _, surface| {
            assert_eq!(&one_paragraph[s..e], surface);
            count += 1;
            Ok(())
        },
    )
    .unwrap();
    assert!(count > whole.len() * 9 / 10, "{count} of {}", whole.len());
}

#[test]
fn a_bad_byte_after_many_pieces_is_located_in_the_whole_input() {
    let (corpus, _) = common::corpus_and_index();
    let matcher = diplomap::index::mentions::Matcher::new(&corpus.catalog);
    let mut bytes = "اینترپل\n\n".repeat(1000).into_bytes();
    bytes.extend_from_slice(b"ab\xffcd");
    let offset = bytes.len() - 3;
    let result = diplomap::cli::mentions::stream(
        &matcher,
        bytes.as_slice(),
        Path::new("in.txt"),
        64,
        1 << 20,
        &mut |_, _, _, _| Ok(()),
    );
    let Err(diplomap::cli::Failure::BadInput(diagnostics)) = result else { panic!("refused") };
    assert_eq!(diagnostics[0].to_string(), format!("in.txt:2001:3: invalid UTF-8 at byte {offset}"));
}

#[test]
fn a_note_body_over_the_cap_is_refused_with_the_cap() {
    let corpus = common::catalog_and_documents_copy();
    let output = diplomap(corpus.path(), &["note", "set", "interpol", "--text-file", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("a note holds at most 1048576 bytes (1 MiB)"), "{}", stderr(&output));
    let mut store = diplomap::notes::NoteStore::open(corpus.path().join("notes"));
    let err = store.set_main("interpol", &"x".repeat((1 << 20) + 1)).unwrap_err();
    assert!(err.to_string().contains("at most 1048576 bytes"), "{err}");
    assert!(!corpus.path().join("notes/interpol.ron").exists());
}
