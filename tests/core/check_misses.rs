//! What `diplomap check` used to miss: a garbage or huge `layout.ron`, a
//! folder where a notes file belongs, a dangling `notes` link, an empty
//! alias, a notes file that is a link, temporary files left by a killed
//! write. And what the commands do about them.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

fn run(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap")).arg("--corpus").arg(corpus).args(args).output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_garbage_or_huge_layout_is_an_error() {
    let corpus = common::corpus_copy();
    let layout = corpus.path().join("layout.ron");
    std::fs::write(&layout, "\u{1}\u{2} not a layout").unwrap();
    let output = run(corpus.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(&format!("{}:1:1:", layout.display())), "{}", stderr(&output));
    let file = std::fs::File::create(&layout).unwrap();
    file.set_len(10 * 1024 * 1024).unwrap();
    let output = run(corpus.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the file is 10485760 bytes; at most 4194304 bytes are read from it"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn notes_folder_problems_are_errors() {
    let corpus = common::corpus_copy();
    let notes = corpus.path().join("notes");
    std::fs::create_dir_all(notes.join("interpol.ron")).unwrap();
    let output = run(corpus.path(), &["check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("interpol.ron:1:1: a folder where a notes file belongs"), "{}", stderr(&output));
    #[cfg(unix)]
    {
        std::fs::remove_dir_all(&notes).unwrap();
        std::os::unix::fs::symlink(corpus.path().join("gone"), &notes).unwrap();
        let output = run(corpus.path(), &["check"]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("symbolic link to") && stderr(&output).contains("does not exist"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn an_empty_alias_is_reported() {
    let corpus = common::corpus_copy();
    let catalog = corpus.path().join("concepts.ron");
    let text = std::fs::read_to_string(&catalog).unwrap();
    let at = text.find("aliases:").unwrap();
    let open = at + text[at..].find('[').unwrap() + 1;
    std::fs::write(&catalog, format!("{}\"\", {}", &text[..open], &text[open..])).unwrap();
    let output = run(corpus.path(), &["check"]);
    assert!(stderr(&output).contains("has an empty alias"), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_notes_file_that_is_a_link_is_never_saved_through() {
    let corpus = common::corpus_copy();
    let notes = corpus.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("interpol.ron");
    let body = corpus.path().join("body.txt");
    std::fs::write(&body, "new").unwrap();
    // A valid notes file, written by the program, then moved behind a link.
    assert!(run(corpus.path(), &["note", "set", "interpol", "--text-file", body.to_str().unwrap()]).status.success());
    std::fs::rename(notes.join("interpol.ron"), &target).unwrap();
    std::os::unix::fs::symlink(&target, notes.join("interpol.ron")).unwrap();
    let before = std::fs::read(&target).unwrap();
    std::fs::write(&body, "newer").unwrap();
    let output = run(corpus.path(), &["note", "set", "interpol", "--text-file", body.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("refusing to save") && stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
    assert!(std::fs::symlink_metadata(notes.join("interpol.ron")).unwrap().file_type().is_symlink(), "link kept");
    assert_eq!(std::fs::read(&target).unwrap(), before, "target kept");
    // Reading through it works; check says it will not be saved.
    let get = run(corpus.path(), &["note", "get", "interpol"]);
    assert_eq!(get.stdout, b"new");
    let check = run(corpus.path(), &["check"]);
    assert!(stderr(&check).contains("warning: read, but never saved"), "{}", stderr(&check));
}

#[test]
fn leftovers_of_a_killed_write_are_reported_then_cleaned_at_the_next_write() {
    let corpus = common::catalog_and_documents_copy();
    let documents = corpus.path().join("documents");
    let leftover = documents.join(".diplomap-AbC123.tmp");
    std::fs::write(&leftover, vec![b'x'; 4096]).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options().write(true).open(&leftover).unwrap().set_modified(old).unwrap();
    let check = run(corpus.path(), &["check"]);
    assert!(check.status.success(), "a warning: {}", stderr(&check));
    assert!(
        stderr(&check).contains(".diplomap-AbC123.tmp:1:1: warning: left by an interrupted write (4096 bytes)"),
        "{}",
        stderr(&check)
    );
    let file = corpus.path().join("news.txt");
    std::fs::write(&file, "خبر تازه\n").unwrap();
    assert!(run(corpus.path(), &["import", file.to_str().unwrap()]).status.success());
    assert!(!leftover.exists(), "the import cleaned it");
}

#[test]
fn note_commands_fall_back_to_the_bundled_corpus_like_the_others() {
    let home = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let run_here = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_diplomap"))
            .current_dir(cwd.path())
            .env_remove("DIPLOMAP_CORPUS")
            .env("HOME", home.path())
            .env("XDG_DATA_HOME", home.path().join("data"))
            .args(args)
            .output()
            .unwrap()
    };
    let list = run_here(&["note", "list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let check = run_here(&["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let unpacked = home.path().join("data/diplomap/corpus");
    assert!(unpacked.join("concepts.ron").is_file());
    // Deleted documents stay deleted: the folder is the user's now.
    let documents: Vec<_> = std::fs::read_dir(unpacked.join("documents")).unwrap().flatten().collect();
    for entry in &documents {
        std::fs::remove_file(entry.path()).unwrap();
    }
    let index = run_here(&["index"]);
    assert!(index.status.success(), "{}", stderr(&index));
    assert_eq!(std::fs::read_dir(unpacked.join("documents")).unwrap().count(), 0);
}
