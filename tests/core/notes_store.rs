//! The notes store against real files: round trips, stable bytes, hand-edited
//! and malformed files, path escapes, external changes, leftovers of killed
//! saves, and anchors against changing documents.

use diplomap::notes::{Anchor, AnchorStatus, ConceptNotes, NoteStore, NotesError, Timestamp, anchor_statuses};
use proptest::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/notes");

/// A corpus folder with `documents/` and `notes/`.
struct Corpus {
    dir: tempfile::TempDir,
}

impl Corpus {
    fn new() -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("documents")).unwrap();
        fs::create_dir(dir.path().join("notes")).unwrap();
        Corpus { dir }
    }

    fn notes_dir(&self) -> PathBuf {
        self.dir.path().join("notes")
    }

    fn documents_dir(&self) -> PathBuf {
        self.dir.path().join("documents")
    }

    fn note_file(&self, concept: &str) -> PathBuf {
        self.notes_dir().join(format!("{concept}.ron"))
    }

    fn store(&self) -> NoteStore {
        NoteStore::open(self.notes_dir()).with_clock(fixed_clock)
    }

    /// Copies `tests/data/notes/<from>` into `notes/`.
    fn add_data_file(&self, from: &str) -> PathBuf {
        let source = Path::new(DATA).join(from);
        let target = self.notes_dir().join(source.file_name().unwrap());
        fs::copy(&source, &target).unwrap();
        target
    }

    /// Every file under the corpus folder, relative, sorted.
    fn tree(&self) -> Vec<String> {
        let mut out = Vec::new();
        walk(self.dir.path(), self.dir.path(), &mut out);
        out.sort();
        out
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        out.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
        if path.is_dir() {
            walk(root, &path, out);
        }
    }
}

fn fixed_clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_424_947) // 2026-11-23T09:09:07Z
}

fn later_clock() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_795_511_347) // a day later
}

// ---------------------------------------------------------------- round trips

#[test]
fn main_note_round_trips_through_a_new_store() {
    let corpus = Corpus::new();
    let body = "پلیس بین‌الملل (INTERPOL)\r\n\"quoted\" \\ r#\"raw\"# \u{0}\ttab\nلا إله\n";
    corpus.store().set_main("interpol", body).unwrap();
    assert_eq!(corpus.store().get_main("interpol").unwrap().as_deref(), Some(body));
    assert_eq!(corpus.store().get_main("europol").unwrap(), None);
    assert_eq!(corpus.store().list().unwrap(), ["interpol"]);
}

#[test]
fn set_main_keeps_created_and_the_other_notes() {
    let corpus = Corpus::new();
    let mut store = corpus.store();
    let anchor = Anchor { document: "d".into(), start: 0, end: 1, quote: "x".into() };
    store.add_passage_note("interpol", anchor, "passage").unwrap();
    store.set_main("interpol", "one").unwrap();
    let mut later = NoteStore::open(corpus.notes_dir()).with_clock(later_clock);
    later.set_main("interpol", "two").unwrap();
    let notes = later.load("interpol").unwrap();
    let main = notes.main().unwrap();
    assert_eq!(main.created.as_str(), "2026-11-23T09:09:07Z");
    assert_eq!(main.updated.as_str(), "2026-11-24T09:09:07Z");
    assert_eq!(notes.notes.len(), 2);
    assert_eq!(notes.note("p1").unwrap().body, "passage");
}

#[test]
fn setting_the_same_body_writes_nothing() {
    let corpus = Corpus::new();
    corpus.store().set_main("interpol", "same").unwrap();
    let before = fs::metadata(corpus.note_file("interpol")).unwrap().modified().unwrap();
    std::thread::sleep(Duration::from_millis(20));
    NoteStore::open(corpus.notes_dir()).with_clock(later_clock).set_main("interpol", "same").unwrap();
    let after = fs::metadata(corpus.note_file("interpol")).unwrap().modified().unwrap();
    assert_eq!(before, after);
}

#[test]
fn passage_notes_are_added_updated_and_deleted() {
    let corpus = Corpus::new();
    let mut store = corpus.store();
    store.set_main("europol", "main").unwrap();
    let anchor = Anchor { document: "001_06edd9455f6f2070".into(), start: 3, end: 6, quote: "abc".into() };
    let p1 = store.add_passage_note("europol", anchor.clone(), "first").unwrap();
    let p2 = store.add_passage_note("europol", anchor, "second").unwrap();
    assert_eq!((p1.as_str(), p2.as_str()), ("p1", "p2"));
    store.update_note("europol", "p2", "second, edited").unwrap();
    store.delete_note("europol", "p1").unwrap();
    let notes = corpus.store().load("europol").unwrap();
    let ids: Vec<&str> = notes.notes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["main", "p2"]);
    assert_eq!(notes.note("p2").unwrap().body, "second, edited");
    assert!(matches!(store.delete_note("europol", "p1"), Err(NotesError::NoSuchNote { .. })));
}

// ------------------------------------------------------------- stable format

fn sample() -> ConceptNotes {
    let t = Timestamp::parse("2026-11-23T09:09:07Z").unwrap();
    let mut notes = ConceptNotes::new("interpol");
    notes.set_main("اینترپل، پلیس بین‌الملل، در سال ۱۹۲۳ بنیان نهاده شد.\nINTERPOL \"ICPO\"\n", &t);
    let text = "Interpol (ICPO) was founded in 1923.";
    let anchor = Anchor::new("000_d179677d1f4e20a5", text, 0, 8).unwrap();
    notes.add_passage_note(anchor, "یادداشت روی این بند", &t);
    notes
}

#[test]
fn the_written_layout_is_the_golden_file() {
    let corpus = Corpus::new();
    corpus.store().save(&sample()).unwrap();
    let written = fs::read_to_string(corpus.note_file("interpol")).unwrap();
    let golden = Path::new(DATA).join("canonical/interpol.ron");
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        fs::write(&golden, &written).unwrap();
    }
    assert_eq!(written, fs::read_to_string(golden).unwrap());
}

#[test]
fn loading_and_saving_without_changes_writes_the_same_bytes() {
    let corpus = Corpus::new();
    let path = corpus.add_data_file("canonical/interpol.ron");
    let before = fs::read(&path).unwrap();
    let mut store = corpus.store();
    let notes = store.load("interpol").unwrap();
    store.save(&notes).unwrap();
    store.save_overwrite(&notes).unwrap();
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(notes, sample());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_body_round_trips_with_stable_bytes(body in any::<String>(), passage in any::<String>()) {
        let corpus = Corpus::new();
        let mut store = corpus.store();
        store.set_main("pandemic", &body).unwrap();
        let anchor = Anchor { document: "doc".into(), start: 0, end: passage.len(), quote: passage.clone() };
        store.add_passage_note("pandemic", anchor, &passage).unwrap();
        let first = fs::read(corpus.note_file("pandemic")).unwrap();
        let mut fresh = corpus.store();
        let notes = fresh.load("pandemic").unwrap();
        prop_assert_eq!(notes.main_body(), Some(body.as_str()));
        prop_assert_eq!(&notes.note("p1").unwrap().body, &passage);
        fresh.save(&notes).unwrap();
        prop_assert_eq!(fs::read(corpus.note_file("pandemic")).unwrap(), first);
    }
}

// -------------------------------------------------------- hand-edited files

#[test]
fn a_valid_hand_edited_file_loads_and_keeps_its_notes() {
    let corpus = Corpus::new();
    corpus.add_data_file("hand-edited/police-diplomacy.ron");
    let mut store = corpus.store();
    let notes = store.load("police-diplomacy").unwrap();
    assert_eq!(notes.main_body(), Some("دیپلماسی پلیسی: همکاری پلیس‌ها در فراسوی مرزها.\nSecond line."));
    assert_eq!(notes.main().unwrap().created.as_str(), "2026-11-20T08:00:00+03:30");
    let p1 = notes.note("p1").unwrap();
    assert_eq!(p1.body, r#"A "quoted" remark, with a \ backslash"#);
    assert_eq!(p1.anchor.as_ref().unwrap().quote, "world");
    store.set_main("police-diplomacy", "new body").unwrap();
    let after = corpus.store().load("police-diplomacy").unwrap();
    assert_eq!(after.note("p1"), notes.note("p1"));
    assert_eq!(after.main().unwrap().created.as_str(), "2026-11-20T08:00:00+03:30");
}

// ----------------------------------------------------------- malformed files

fn assert_refused_and_untouched(corpus: &Corpus, concept: &str, expect_prefix: &str) {
    let path = corpus.note_file(concept);
    let before = fs::read(&path).unwrap();
    let mut store = corpus.store();
    let load = store.load(concept).unwrap_err();
    assert!(load.to_string().starts_with(expect_prefix), "{load}");
    let set = store.set_main(concept, "would overwrite").unwrap_err();
    assert!(set.to_string().starts_with(expect_prefix), "{set}");
    let overwrite = store.save_overwrite(&ConceptNotes::new(concept)).unwrap_err();
    assert!(overwrite.to_string().starts_with(expect_prefix), "{overwrite}");
    assert!(store.save(&ConceptNotes::new(concept)).is_err());
    let anchor = Anchor { document: "d".into(), start: 0, end: 0, quote: String::new() };
    assert!(store.add_passage_note(concept, anchor, "x").is_err());
    assert_eq!(fs::read(&path).unwrap(), before, "the malformed file must be left as it was");
}

#[test]
fn a_syntax_error_is_reported_with_its_line_and_the_file_is_never_saved_over() {
    let corpus = Corpus::new();
    let path = corpus.add_data_file("malformed/interpol.ron");
    let prefix = format!("{}:8:", path.display());
    assert_refused_and_untouched(&corpus, "interpol", &prefix);
    let diagnostics = corpus.store().check_all();
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].is_error());
    assert_eq!((diagnostics[0].line, diagnostics[0].col), (8, 13), "{}", diagnostics[0]);
    assert_eq!(corpus.store().get_main("interpol").unwrap_err().diagnostics()[0].line, 8);
}

#[test]
fn invalid_utf8_is_reported_with_its_byte_offset_and_never_saved_over() {
    let corpus = Corpus::new();
    let mut bytes = fs::read(Path::new(DATA).join("canonical/interpol.ron")).unwrap();
    let offset = bytes.iter().position(|&b| b == b'\n').unwrap() + 3;
    bytes[offset] = 0xff;
    fs::write(corpus.note_file("interpol"), &bytes).unwrap();
    let err = corpus.store().load("interpol").unwrap_err();
    let NotesError::InvalidUtf8 { offset: found, diagnostic } = &err else { panic!("{err}") };
    assert_eq!(*found, offset);
    assert_eq!((diagnostic.line, diagnostic.col), (2, 3));
    assert!(err.to_string().ends_with(&format!("invalid UTF-8 at byte {offset}")), "{err}");
    let prefix = format!("{}:2:3:", corpus.note_file("interpol").display());
    assert_refused_and_untouched(&corpus, "interpol", &prefix);
}

#[test]
fn a_file_naming_another_concept_or_with_unknown_fields_is_malformed() {
    let corpus = Corpus::new();
    let text = fs::read_to_string(Path::new(DATA).join("canonical/interpol.ron")).unwrap();
    fs::write(corpus.note_file("europol"), &text).unwrap();
    let prefix = format!("{}:3:5: concept \"interpol\" does not match", corpus.note_file("europol").display());
    assert_refused_and_untouched(&corpus, "europol", &prefix);
    let extra = text.replacen("    concept:", "    colour: \"red\",\n    concept:", 1);
    fs::write(corpus.note_file("interpol"), extra).unwrap();
    let prefix = format!("{}:3:", corpus.note_file("interpol").display());
    assert_refused_and_untouched(&corpus, "interpol", &prefix);
}

#[test]
fn invalid_notes_are_refused_before_writing() {
    let corpus = Corpus::new();
    let mut notes = sample();
    notes.notes[1].id = "main".into();
    assert!(matches!(corpus.store().save(&notes), Err(NotesError::Unsavable { .. })));
    notes.notes[1].id = "../p1".into();
    assert!(matches!(corpus.store().save(&notes), Err(NotesError::Unsavable { .. })));
    assert!(corpus.tree().iter().all(|f| !f.ends_with(".ron")), "{:?}", corpus.tree());
}

// --------------------------------------------------------------- path escapes

#[test]
fn ids_that_would_leave_the_notes_folder_are_refused() {
    let corpus = Corpus::new();
    let before = corpus.tree();
    let bad = [
        "",
        "..",
        ".",
        "../x",
        "../../etc/passwd",
        "a/b",
        "a\\b",
        "/tmp/x",
        "C:\\x",
        "x\0y",
        ".hidden",
        "CON",
        "con",
        "nul",
        "com1",
        "lpt9",
        "aux",
        "prn",
        "Interpol",
        "a--b",
        "-a",
        "a-",
        "a_b",
        "a.ron",
        "پلیس",
        "a b",
    ];
    let too_long = "a".repeat(101);
    let mut store = corpus.store();
    for id in bad.iter().copied().chain([too_long.as_str()]) {
        assert!(matches!(store.set_main(id, "x"), Err(NotesError::InvalidId { .. })), "{id:?}");
        assert!(matches!(store.load(id), Err(NotesError::InvalidId { .. })), "{id:?}");
        assert!(matches!(store.get_main(id), Err(NotesError::InvalidId { .. })), "{id:?}");
        assert!(matches!(store.save(&ConceptNotes::new(id)), Err(NotesError::InvalidId { .. })), "{id:?}");
        assert!(matches!(store.has_changed_on_disk(id), Err(NotesError::InvalidId { .. })), "{id:?}");
    }
    assert_eq!(corpus.tree(), before);
}

#[test]
fn the_notes_folder_is_created_but_never_its_parents() {
    let corpus = Corpus::new();
    fs::remove_dir(corpus.notes_dir()).unwrap();
    corpus.store().set_main("interpol", "x").unwrap();
    assert!(corpus.note_file("interpol").is_file());
    let missing = corpus.dir.path().join("no-such-corpus/notes");
    let err = NoteStore::open(&missing).set_main("interpol", "x").unwrap_err();
    assert!(matches!(err, NotesError::Io { .. }), "{err}");
    assert!(!missing.parent().unwrap().exists());
}

// ---------------------------------------------------------- external changes

#[test]
fn a_change_on_disk_is_detected_and_save_refuses() {
    let corpus = Corpus::new();
    let mut ours = corpus.store();
    ours.set_main("interpol", "ours").unwrap();
    let mut notes = ours.load("interpol").unwrap();
    assert!(!ours.has_changed_on_disk("interpol").unwrap());

    corpus.store().set_main("interpol", "theirs").unwrap();
    assert!(ours.has_changed_on_disk("interpol").unwrap());
    notes.set_main("ours, edited", &Timestamp::now());
    let err = ours.save(&notes).unwrap_err();
    let NotesError::Conflict { on_disk: Some(on_disk), ours: Some(seen), .. } = err else { panic!("{err}") };
    assert!(!on_disk.same_content(&seen));
    assert!(matches!(ours.set_main("interpol", "x"), Err(NotesError::Conflict { .. })));
    assert_eq!(corpus.store().get_main("interpol").unwrap().as_deref(), Some("theirs"));

    // keep theirs
    let theirs = ours.reload("interpol").unwrap();
    assert_eq!(theirs.main_body(), Some("theirs"));
    assert!(!ours.has_changed_on_disk("interpol").unwrap());
    ours.set_main("interpol", "after reload").unwrap();

    // keep mine
    corpus.store().set_main("interpol", "theirs again").unwrap();
    assert!(ours.save(&notes).is_err());
    ours.save_overwrite(&notes).unwrap();
    assert_eq!(corpus.store().get_main("interpol").unwrap().as_deref(), Some("ours, edited"));
    assert!(!ours.has_changed_on_disk("interpol").unwrap());
}

#[test]
fn deletion_and_creation_behind_our_back_are_changes_but_touch_is_not() {
    let corpus = Corpus::new();
    let mut ours = corpus.store();
    let empty = ours.load("interpol").unwrap();
    assert!(!ours.has_changed_on_disk("interpol").unwrap());
    corpus.store().set_main("interpol", "theirs").unwrap();
    assert!(ours.has_changed_on_disk("interpol").unwrap());
    assert!(matches!(ours.save(&empty), Err(NotesError::Conflict { on_disk: Some(_), ours: None, .. })));

    let notes = ours.reload("interpol").unwrap();
    let file = fs::File::options().append(true).open(corpus.note_file("interpol")).unwrap();
    file.set_modified(SystemTime::now() + Duration::from_secs(5)).unwrap();
    assert!(!ours.has_changed_on_disk("interpol").unwrap(), "a touch does not change the content");

    fs::remove_file(corpus.note_file("interpol")).unwrap();
    assert!(ours.has_changed_on_disk("interpol").unwrap());
    assert!(matches!(ours.save(&notes), Err(NotesError::Conflict { on_disk: None, ours: Some(_), .. })));
    ours.save_overwrite(&notes).unwrap();
    assert_eq!(corpus.store().get_main("interpol").unwrap().as_deref(), Some("theirs"));
}

#[test]
fn a_file_the_store_never_saw_is_not_saved_over_blindly() {
    let corpus = Corpus::new();
    corpus.store().set_main("interpol", "theirs").unwrap();
    let mut fresh = corpus.store();
    assert!(fresh.has_changed_on_disk("interpol").unwrap());
    assert!(matches!(fresh.save(&ConceptNotes::new("interpol")), Err(NotesError::Conflict { .. })));
    assert_eq!(corpus.store().get_main("interpol").unwrap().as_deref(), Some("theirs"));
}

// ------------------------------------------------------ leftovers and listing

#[test]
fn temporary_files_are_ignored_and_old_ones_removed_on_open() {
    let corpus = Corpus::new();
    corpus.store().set_main("interpol", "x").unwrap();
    let old = corpus.notes_dir().join(".diplomap-AbC123.tmp");
    let young = corpus.notes_dir().join(".diplomap-XyZ789.tmp");
    fs::write(&old, "(concept: \"interpol\", notes: [(id: \"main\", body: \"half").unwrap();
    fs::write(&young, "half written").unwrap();
    let file = fs::File::options().append(true).open(&old).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(3600)).unwrap();
    drop(file);

    let store = NoteStore::open(corpus.notes_dir());
    assert!(!old.exists());
    assert!(young.exists(), "a young temporary file may belong to a save still running");
    assert_eq!(store.list().unwrap(), ["interpol"]);
    assert!(store.check_all().is_empty(), "{:?}", store.check_all());
    assert_eq!(store.clean_temp_files(Duration::ZERO).unwrap(), 1);
    assert!(!young.exists());
}

#[test]
fn list_is_sorted_and_skips_what_is_not_a_notes_file() {
    let corpus = Corpus::new();
    let mut store = corpus.store();
    for id in ["terrorism", "city-diplomacy", "afripol"] {
        store.set_main(id, id).unwrap();
    }
    fs::write(corpus.notes_dir().join("README.md"), "about notes").unwrap();
    fs::write(corpus.notes_dir().join("Bad_Name.ron"), "()").unwrap();
    fs::create_dir(corpus.notes_dir().join("sco.ron")).unwrap();
    assert_eq!(store.list().unwrap(), ["afripol", "city-diplomacy", "terrorism"]);
    let diagnostics = store.check_all();
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    assert!(!diagnostics[0].is_error());
    assert!(diagnostics[0].to_string().contains("Bad_Name.ron:1:1: warning: not a concept id"));
    // A folder where sco's notes belong: no note of sco can be saved, an error.
    assert!(diagnostics[1].is_error());
    assert!(diagnostics[1].to_string().contains("sco.ron:1:1: a folder where a notes file belongs"));
    assert!(NoteStore::open(corpus.dir.path().join("none")).list().unwrap().is_empty());
}

// -------------------------------------------------------------------- anchors

#[test]
fn anchors_stay_valid_move_and_go_stale_with_their_document() {
    let corpus = Corpus::new();
    let doc = corpus.documents_dir().join("002_e0ff0a2344230e73.txt");
    let text = "دیپلماسی پلیسی و اینترپل.\nPolice diplomacy and INTERPOL.\n";
    fs::write(&doc, text).unwrap();
    let start = text.find("اینترپل").unwrap();
    let anchor = Anchor::new("002_e0ff0a2344230e73", text, start, start + "اینترپل".len()).unwrap();
    let mut store = corpus.store();
    store.add_passage_note("interpol", anchor.clone(), "on the Persian name").unwrap();
    let missing = Anchor { document: "no_such_doc".into(), ..anchor.clone() };
    store.add_passage_note("interpol", missing, "lost").unwrap();

    let statuses = |store: &mut NoteStore| anchor_statuses(&store.load("interpol").unwrap(), &corpus.documents_dir());
    assert_eq!(
        statuses(&mut store),
        [("p1".into(), AnchorStatus::Valid), ("p2".into(), AnchorStatus::MissingDocument)]
    );

    fs::write(&doc, format!("سطر تازه.\n{text}")).unwrap();
    let moved_to = start + "سطر تازه.\n".len();
    let moved = AnchorStatus::Moved { start: moved_to, end: moved_to + anchor.quote.len() };
    assert_eq!(statuses(&mut store)[0], ("p1".into(), moved));
    let warnings = store.check_anchors(&corpus.documents_dir());
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].message.contains("moved"), "{}", warnings[0]);
    assert!(warnings[1].message.contains("missing"), "{}", warnings[1]);
    assert!(warnings.iter().all(|w| !w.is_error()));

    store.set_anchor("interpol", "p1", anchor.moved_to(moved_to)).unwrap();
    assert_eq!(statuses(&mut store)[0], ("p1".into(), AnchorStatus::Valid));

    fs::write(&doc, "The text was rewritten entirely.").unwrap();
    assert_eq!(statuses(&mut store)[0], ("p1".into(), AnchorStatus::Stale));
    assert!(store.check_anchors(&corpus.documents_dir())[0].message.contains("stale"));
}

// ---------------------------------------------------------------- concurrency

#[test]
fn two_stores_editing_the_same_concept_at_once_lose_nothing() {
    const PER_THREAD: usize = 25;
    let corpus = Corpus::new();
    corpus.store().set_main("interpol", "start").unwrap();
    let writers: Vec<_> = (0..2)
        .map(|t| {
            let dir = corpus.notes_dir();
            std::thread::spawn(move || {
                let mut store = NoteStore::open(&dir);
                let anchor = Anchor { document: "d".into(), start: 0, end: 0, quote: String::new() };
                for i in 0..PER_THREAD {
                    let body = format!("writer {t}, note {i}");
                    while let Err(e) = store.add_passage_note("interpol", anchor.clone(), &body) {
                        assert!(matches!(e, NotesError::Conflict { .. }), "{e}");
                        store.reload("interpol").unwrap();
                    }
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let notes = corpus.store().load("interpol").unwrap();
    assert_eq!(notes.main_body(), Some("start"));
    let mut bodies: Vec<&str> = notes.passage_notes().map(|n| n.body.as_str()).collect();
    bodies.sort();
    let mut expected: Vec<String> =
        (0..2).flat_map(|t| (0..PER_THREAD).map(move |i| format!("writer {t}, note {i}"))).collect();
    expected.sort();
    assert_eq!(bodies, expected);
}
