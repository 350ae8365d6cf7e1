//! `diplomap note get|set|list` as a script sees it: bytes in, the same bytes
//! out, exit statuses 0/1/2, messages as FILE:LINE:COL.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/notes");

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("corpus")).unwrap();
    dir
}

fn corpus_dir(tmp: &tempfile::TempDir) -> PathBuf {
    tmp.path().join("corpus")
}

/// The binary, with no DIPLOMAP_CORPUS from the environment of the test run.
fn diplomap() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_diplomap"));
    command.env_remove("DIPLOMAP_CORPUS");
    command
}

fn note(corpus: &Path, args: &[&str]) -> Output {
    diplomap().arg("note").args(args).arg("--corpus").arg(corpus).output().unwrap()
}

fn set_text(corpus: &Path, concept: &str, body: &[u8]) -> Output {
    let file = corpus.parent().unwrap().join("body.txt");
    fs::write(&file, body).unwrap();
    note(corpus, &["set", concept, "--text-file", file.to_str().unwrap()])
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn set_then_get_gives_back_the_exact_bytes() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    for body in ["دیپلماسی پلیسی\r\nسطر دوم بدون خط تازه", "ends with newline\n\n", "", "\"q\" \\ r#\"x\"#"]
    {
        let set = set_text(&corpus, "police-diplomacy", body.as_bytes());
        assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
        assert!(set.stdout.is_empty());
        let get = note(&corpus, &["get", "police-diplomacy"]);
        assert_eq!(get.status.code(), Some(0), "{}", stderr(&get));
        assert_eq!(get.stdout, body.as_bytes());
    }
    assert!(corpus.join("notes/police-diplomacy.ron").is_file());
}

#[test]
fn set_reads_standard_input_for_a_dash() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    let mut child = diplomap()
        .args(["note", "set", "interpol", "--text-file", "-", "--corpus"])
        .arg(&corpus)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("از ورودی استاندارد".as_bytes()).unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
    assert_eq!(note(&corpus, &["get", "interpol"]).stdout, "از ورودی استاندارد".as_bytes());
}

#[test]
fn get_without_a_note_prints_nothing_and_succeeds() {
    let tmp = corpus();
    let get = note(&corpus_dir(&tmp), &["get", "europol"]);
    assert_eq!(get.status.code(), Some(0));
    assert!(get.stdout.is_empty() && get.stderr.is_empty());
}

#[test]
fn list_prints_one_id_a_line_sorted() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    assert_eq!(note(&corpus, &["list"]).stdout, b"");
    for id in ["sco", "afripol", "city-diplomacy"] {
        assert_eq!(set_text(&corpus, id, id.as_bytes()).status.code(), Some(0));
    }
    let list = note(&corpus, &["list"]);
    assert_eq!(list.status.code(), Some(0));
    assert_eq!(String::from_utf8(list.stdout).unwrap(), "afripol\ncity-diplomacy\nsco\n");
}

#[test]
fn a_text_file_that_is_not_utf8_is_refused_naming_the_byte() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    let set = set_text(&corpus, "interpol", b"line one\nab\xffcd");
    assert_eq!(set.status.code(), Some(1));
    assert!(stderr(&set).ends_with("body.txt:2:3: invalid UTF-8 at byte 11\n"), "{}", stderr(&set));
    assert!(!corpus.join("notes/interpol.ron").exists());
}

#[test]
fn invalid_concept_ids_are_bad_input() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    for id in ["../escape", "/abs", "Interpol", "con", ".x", "a\\b"] {
        let set = set_text(&corpus, id, b"x");
        assert_eq!(set.status.code(), Some(1), "{id}");
        assert!(stderr(&set).contains("invalid id"), "{}", stderr(&set));
        assert_eq!(note(&corpus, &["get", id]).status.code(), Some(1), "{id}");
    }
    assert!(!corpus.join("notes").exists());
    assert!(!tmp.path().join("escape.ron").exists());
}

#[test]
fn a_malformed_notes_file_is_reported_and_left_untouched() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    fs::create_dir(corpus.join("notes")).unwrap();
    let path = corpus.join("notes/interpol.ron");
    fs::copy(Path::new(DATA).join("malformed/interpol.ron"), &path).unwrap();
    let before = fs::read(&path).unwrap();
    let set = set_text(&corpus, "interpol", b"new body");
    assert_eq!(set.status.code(), Some(1));
    assert!(stderr(&set).starts_with(&format!("{}:8:13: ", path.display())), "{}", stderr(&set));
    let get = note(&corpus, &["get", "interpol"]);
    assert_eq!(get.status.code(), Some(1));
    assert!(stderr(&get).starts_with(&format!("{}:8:13: ", path.display())), "{}", stderr(&get));
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(note(&corpus, &["list"]).stdout, b"interpol\n");
}

#[test]
fn bad_usage_exits_2() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    assert_eq!(note(&corpus, &["set", "interpol"]).status.code(), Some(2));
    assert_eq!(note(&corpus, &["get"]).status.code(), Some(2));
    assert_eq!(note(&corpus, &["frobnicate"]).status.code(), Some(2));
    let help = note(&corpus, &["get", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("prints nothing and exits 0"));
}

#[test]
fn the_corpus_is_found_from_the_flag_then_the_environment_then_the_working_folder() {
    let tmp = corpus();
    let from_cwd = corpus_dir(&tmp);
    let from_env = tmp.path().join("env-corpus");
    let from_flag = tmp.path().join("flag-corpus");
    // `./corpus` counts when it holds a catalog, for `note` as for every command
    // (and the catalog must hold the concept).
    let catalog = r#"Catalog(concepts: [Concept(id: "eco", kind: Organisation, labels: (en: "ECO"))])"#;
    fs::write(from_cwd.join("concepts.ron"), catalog).unwrap();
    fs::create_dir(&from_env).unwrap();
    fs::create_dir(&from_flag).unwrap();
    let file = tmp.path().join("body.txt");
    fs::write(&file, "x").unwrap();
    let run = |envvar: Option<&Path>, flag: Option<&Path>| {
        let mut command = diplomap();
        command.current_dir(tmp.path()).args(["note", "set", "eco", "--text-file"]).arg(&file);
        if let Some(dir) = envvar {
            command.env("DIPLOMAP_CORPUS", dir);
        }
        if let Some(dir) = flag {
            command.arg("--corpus").arg(dir);
        }
        assert_eq!(command.output().unwrap().status.code(), Some(0));
    };
    run(None, None);
    assert!(from_cwd.join("notes/eco.ron").is_file());
    run(Some(&from_env), None);
    assert!(from_env.join("notes/eco.ron").is_file());
    run(Some(&from_env), Some(&from_flag));
    assert!(from_flag.join("notes/eco.ron").is_file());

    let missing = note(&tmp.path().join("no-such-corpus"), &["list"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("corpus folder"), "{}", stderr(&missing));
}

const ONE_CONCEPT: &str = r#"Catalog(concepts: [Concept(id: "police-diplomacy", kind: DiplomacyForm,
    labels: (fa: "دیپلماسی پلیسی", en: "police diplomacy"))])"#;

#[test]
fn set_refuses_an_unknown_concept_and_writes_nothing() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    fs::write(corpus.join("concepts.ron"), ONE_CONCEPT).unwrap();
    let set = set_text(&corpus, "police-diplomcy", b"body");
    assert_eq!(set.status.code(), Some(1));
    let message = stderr(&set);
    assert!(message.contains("unknown concept \"police-diplomcy\""), "{message}");
    assert!(message.contains("did you mean \"police-diplomacy\""), "{message}");
    assert!(!corpus.join("notes").exists(), "nothing written");
    let known = set_text(&corpus, "police-diplomacy", b"body");
    assert_eq!(known.status.code(), Some(0), "{}", stderr(&known));
}

#[test]
fn check_flags_an_orphan_notes_file() {
    let tmp = corpus();
    let corpus = corpus_dir(&tmp);
    fs::create_dir(corpus.join("documents")).unwrap();
    // Written while the corpus had no catalog: the id was not checked.
    let set = set_text(&corpus, "police-diplomcy", b"body");
    assert_eq!(set.status.code(), Some(0), "{}", stderr(&set));
    fs::write(corpus.join("concepts.ron"), ONE_CONCEPT).unwrap();
    let check = diplomap().arg("check").arg("--corpus").arg(&corpus).output().unwrap();
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    let message = String::from_utf8_lossy(&check.stdout).into_owned() + &stderr(&check);
    assert!(
        message.contains(
            "police-diplomcy.ron:1:1: notes of unknown concept \"police-diplomcy\"; did you mean \"police-diplomacy\"?"
        ),
        "{message}"
    );
}
