//! `diplomap export` writes only where it may: never inside the corpus
//! folder, never over a file that is not an earlier export of the same kind
//! (recognised by the marker every export carries) unless `--force`.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn export(corpus: &Path, cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .current_dir(cwd)
        .arg("--corpus")
        .arg(corpus)
        .arg("export")
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_corpus_is_never_written_into_even_with_force() {
    let corpus = common::corpus_copy();
    let work = tempfile::tempdir().unwrap();
    let catalog = corpus.path().join("concepts.ron");
    let before = std::fs::read(&catalog).unwrap();
    for extra in [&[][..], &["--force"][..]] {
        let target = catalog.to_str().unwrap();
        let args: Vec<&str> = ["--format", "svg", "--out", target].into_iter().chain(extra.iter().copied()).collect();
        let output = export(corpus.path(), work.path(), &args);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains("inside the corpus folder"), "{}", stderr(&output));
        let new_file = corpus.path().join("documents/map.svg");
        let output = export(corpus.path(), work.path(), &["--format", "svg", "--out", new_file.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(!new_file.exists());
    }
    let tour_dir = corpus.path().join("tours/pages");
    let output = export(
        corpus.path(),
        work.path(),
        &["--format", "svg", "--tour", "police-diplomacy", "--out", tour_dir.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!tour_dir.exists());
    assert_eq!(std::fs::read(&catalog).unwrap(), before);
}

#[test]
fn a_file_that_is_not_our_export_is_refused_unless_forced() {
    let corpus = common::corpus_copy();
    let work = tempfile::tempdir().unwrap();
    let thesis = work.path().join("thesis.docx");
    std::fs::write(&thesis, "PK\u{3}\u{4} years of work").unwrap();
    let output = export(corpus.path(), work.path(), &["--format", "svg", "--out", thesis.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a SVG exported by diplomap"), "{}", stderr(&output));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read(&thesis).unwrap(), "PK\u{3}\u{4} years of work".as_bytes());

    // Without --out: ./map.svg, only if it is ours.
    let default = work.path().join("map.svg");
    std::fs::write(&default, "<svg>someone else's drawing</svg>").unwrap();
    let output = export(corpus.path(), work.path(), &["--format", "svg"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&default).unwrap(), "<svg>someone else's drawing</svg>");

    let forced = export(corpus.path(), work.path(), &["--format", "svg", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&default).unwrap().contains("<!-- diplomap export -->"));
    // Our own export is replaced without --force.
    let again = export(corpus.path(), work.path(), &["--format", "svg"]);
    assert!(again.status.success(), "{}", stderr(&again));
    // A link is never written through, forced or not.
    #[cfg(unix)]
    {
        let target = work.path().join("target.svg");
        std::fs::write(&target, "kept").unwrap();
        let link = work.path().join("link.svg");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let output = export(corpus.path(), work.path(), &["--format", "svg", "--force", "--out", "link.svg"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(stderr(&output).contains("symbolic link"), "{}", stderr(&output));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
    }
}

#[cfg(feature = "gui")]
#[test]
fn a_png_replaces_only_an_earlier_png_export() {
    let corpus = common::corpus_copy();
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("map.png");
    let first = export(corpus.path(), work.path(), &["--format", "png", "--out", "map.png"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let second = export(corpus.path(), work.path(), &["--format", "png", "--out", "map.png"]);
    assert!(second.status.success(), "{}", stderr(&second));
    // An SVG export is not a PNG export: refused.
    let svg = export(corpus.path(), work.path(), &["--format", "svg", "--out", "map.png"]);
    assert_eq!(svg.status.code(), Some(1), "{}", stderr(&svg));
    assert!(std::fs::read(&out).unwrap().starts_with(b"\x89PNG"));
}

#[test]
fn png_size_is_bounded_and_the_bound_is_said() {
    let work = tempfile::tempdir().unwrap();
    let output =
        export(&common::corpus_dir(), work.path(), &["--format", "png", "--size", "8192x8192", "--scale", "8"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("a PNG has at most 16777216"), "{}", stderr(&output));
    let output = export(&common::corpus_dir(), work.path(), &["--format", "svg", "--size", "100000x100000"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("each side must be from 100 to 8192 points"), "{}", stderr(&output));
    assert_eq!(std::fs::read_dir(work.path()).unwrap().count(), 0);
}
