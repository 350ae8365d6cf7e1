//! Catalog edits through the files: `diplomap concept …` on a copy of the
//! bundled corpus, each edit read back from disk; hand comments and every
//! file an edit did not touch stay byte for byte; bad input changes nothing;
//! `diplomap check` points at duplicates; `diplomap suggest` finds concepts
//! the catalog lost.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diplomap::catalog::Catalog;

fn diplomap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap")).args(args).arg("--corpus").arg(dir).output().expect("the binary runs")
}

fn ok(output: &Output) -> String {
    assert!(output.status.success(), "status {:?}\n{}", output.status.code(), String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn fails(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A copy of the bundled corpus (catalog and documents), with a hand comment
/// added to `concepts.ron`.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = common::corpus_dir();
    let catalog = std::fs::read_to_string(source.join("concepts.ron")).unwrap();
    let catalog = catalog.replacen("Catalog(", "// a hand comment (kept)\nCatalog(", 1);
    std::fs::write(dir.path().join("concepts.ron"), catalog).unwrap();
    std::fs::create_dir(dir.path().join("documents")).unwrap();
    for entry in std::fs::read_dir(source.join("documents")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join("documents").join(entry.file_name())).unwrap();
    }
    dir
}

/// Every file of the corpus folder with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn catalog(dir: &Path) -> Catalog {
    let (catalog, diagnostics) = Catalog::load_dir(dir);
    let errors: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    catalog.unwrap()
}

#[test]
fn every_edit_round_trips_through_the_files_and_leaves_the_rest_byte_for_byte() {
    let dir = corpus_copy();
    let d = dir.path();
    let before = snapshot(d);
    let main_before = String::from_utf8(before[Path::new("concepts.ron")].clone()).unwrap();

    ok(&diplomap(
        d,
        &[
            "concept",
            "add",
            "maritime-security",
            "--kind",
            "Topic",
            "--label",
            "en=maritime security",
            "fa=امنیت دریایی",
            "--summary",
            "en=Security at sea.",
        ],
    ));
    let after_add = snapshot(d);
    assert_eq!(after_add[Path::new("concepts.ron")], before[Path::new("concepts.ron")], "concepts.ron untouched");
    assert_eq!(after_add.len(), before.len() + 1, "one new file");
    let added = catalog(d).get("maritime-security").cloned().unwrap();
    assert_eq!(added.labels.fa, "امنیت دریایی");
    assert_eq!(added.summary.en, "Security at sea.");

    // A hand comment in the concept's own file survives the next edit.
    let own = d.join("concepts/maritime-security.ron");
    let text = std::fs::read_to_string(&own).unwrap();
    std::fs::write(&own, format!("// about the sea\n{text}// end\n")).unwrap();
    ok(&diplomap(d, &["concept", "alias", "maritime-security", "ar", "الأمن البحري"]));
    let text = std::fs::read_to_string(&own).unwrap();
    assert!(text.starts_with("// about the sea\nConcept(") && text.ends_with(")\n// end\n"), "{text}");
    assert_eq!(catalog(d).get("maritime-security").unwrap().aliases.ar, ["الأمن البحري"]);

    // Editing a concept of concepts.ron moves it to its own file: its entry
    // is cut out, every other byte of concepts.ron stays.
    ok(&diplomap(d, &["concept", "alias", "frontex", "en", "the EU border agency"]));
    let main_after = std::fs::read_to_string(d.join("concepts.ron")).unwrap();
    let (entry_start, _) = main_before.match_indices("        Concept(\n            id: \"frontex\"").next().unwrap();
    let entry_end = entry_start + main_before[entry_start..].find("\n        ),\n").unwrap() + "\n        ),\n".len();
    let mut expected = main_before.clone();
    expected.replace_range(entry_start..entry_end, "");
    assert_eq!(main_after, expected);
    assert!(main_after.contains("// a hand comment (kept)\nCatalog("));
    let frontex = catalog(d).get("frontex").cloned().unwrap();
    assert!(frontex.aliases.en.contains(&"the EU border agency".to_string()));
    let original: Catalog = ron::from_str(&main_before).unwrap();
    let mut was = original.get("frontex").cloned().unwrap();
    was.aliases.en.push("the EU border agency".into());
    assert_eq!(frontex, was, "nothing else of the concept changed");

    ok(&diplomap(d, &["concept", "unalias", "frontex", "en", "the EU border agency"]));
    assert_eq!(catalog(d).get("frontex"), original.get("frontex"));

    let evidence = {
        let (id, text) = first_document(d);
        let start = text.find(' ').unwrap() + 1;
        format!("{id}@{start}-{}", start + text[start..].find(' ').unwrap())
    };
    ok(&diplomap(d, &["concept", "relate", "maritime-security", "related-to", "frontex", "--evidence", &evidence]));
    let relation = catalog(d).get("maritime-security").unwrap().relations[0].clone();
    assert_eq!((relation.kind.as_str(), relation.target.as_str()), ("related-to", "frontex"));
    assert_eq!(
        format!("{}@{}-{}", relation.evidence[0].document, relation.evidence[0].start, relation.evidence[0].end),
        evidence
    );

    // Removing frontex takes its relations and the one to it.
    let relations_of_frontex = original.get("frontex").unwrap().relations.len();
    let to_frontex: usize =
        original.concepts.iter().flat_map(|c| &c.relations).filter(|r| r.target == "frontex").count();
    let printed = ok(&diplomap(d, &["concept", "remove", "frontex"]));
    assert_eq!(printed.trim(), format!("removed frontex and {} relation(s)", relations_of_frontex + to_frontex + 1));
    let left = catalog(d);
    assert!(left.get("frontex").is_none());
    assert!(left.concepts.iter().flat_map(|c| &c.relations).all(|r| r.target != "frontex"));
    assert!(!d.join("concepts/frontex.ron").exists());
    ok(&diplomap(d, &["check"]));
}

fn first_document(dir: &Path) -> (String, String) {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let id = paths[0].file_stem().unwrap().to_string_lossy().to_string();
    (id, std::fs::read_to_string(&paths[0]).unwrap())
}

#[test]
fn bad_input_exits_1_with_a_message_and_changes_nothing() {
    let dir = corpus_copy();
    let d = dir.path();
    let before = snapshot(d);
    let cases: &[(&[&str], &str)] = &[
        (&["concept", "alias", "no-such", "fa", "x"], "unknown concept \"no-such\""),
        (&["concept", "alias", "interpol", "fa", "  "], "a name cannot be empty"),
        (&["concept", "alias", "interpol", "en", "europol"], "already a name of \"europol\""),
        (&["concept", "alias", "interpol", "xx", "a"], "unknown language \"xx\""),
        (&["concept", "add", "interpol", "--kind", "Topic", "--label", "en=new thing"], "already exists"),
        (&["concept", "add", "new-thing", "--kind", "Gadget", "--label", "en=new thing"], "unknown kind \"Gadget\""),
        (&["concept", "add", "new-thing", "--kind", "Topic", "--label", "en=Europol"], "already a name of \"europol\""),
        (&["concept", "add", "Bad_Id", "--kind", "Topic", "--label", "en=bad"], "not a concept id"),
        (&["concept", "relate", "interpol", "loves", "europol"], "unknown relation kind \"loves\""),
        (&["concept", "relate", "interpol", "counters", "nowhere"], "unknown concept \"nowhere\""),
        (&["concept", "relate", "interpol", "counters", "terrorism", "--evidence", "nodoc@1-5"], "unknown document"),
        (&["concept", "unalias", "interpol", "fa", "not a name"], "is not a fa alias"),
        (&["concept", "remove", "no-such"], "unknown concept"),
    ];
    for (args, message) in cases {
        let stderr = fails(&diplomap(d, args));
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(snapshot(d), before, "{args:?} changed a file");
    }
}

#[test]
fn an_edit_never_writes_over_a_file_changed_since_it_was_read() {
    let dir = corpus_copy();
    let d = dir.path();
    let (store, _) = diplomap::catalog::store::CatalogStore::open(d);
    let mut store = store.unwrap();
    let main = d.join("concepts.ron");
    let changed = std::fs::read_to_string(&main).unwrap().replacen("Catalog(", "// edited by hand\nCatalog(", 1);
    std::fs::write(&main, &changed).unwrap();
    assert_eq!(store.changed_on_disk(), std::slice::from_ref(&main));
    let edit = diplomap::catalog::edit::Edit::AddAlias {
        id: "interpol".into(),
        lang: diplomap::catalog::Lang::En,
        text: "the world police body".into(),
    };
    let err = store.edit(&edit).unwrap_err();
    assert!(err.to_string().contains("changed on disk since it was read"), "{err}");
    assert_eq!(std::fs::read_to_string(&main).unwrap(), changed);
    assert!(!d.join("concepts/interpol.ron").exists());
    store.reload().unwrap();
    store.edit(&edit).unwrap();
    assert!(std::fs::read_to_string(&main).unwrap().contains("// a hand comment (kept)\n// edited by hand\nCatalog("));
}

#[test]
fn check_reports_duplicates_unknown_targets_and_shared_names_as_file_line_col() {
    let dir = corpus_copy();
    let d = dir.path();
    std::fs::create_dir(d.join("concepts")).unwrap();
    std::fs::write(
        d.join("concepts/interpol.ron"),
        "// a second interpol\nConcept(\n    id: \"interpol\",\n    kind: Organisation,\n    labels: (en: \"Interpol again\"),\n)\n",
    )
    .unwrap();
    std::fs::write(
        d.join("concepts/sea-patrol.ron"),
        "Concept(\n    id: \"sea-patrol\",\n    kind: Topic,\n    labels: (en: \"Europol\"),\n    relations: [(kind: Serves, target: \"atlantis\")],\n)\n",
    )
    .unwrap();
    let stderr = fails(&diplomap(d, &["check"]));
    let file = |name: &str| d.join("concepts").join(name).display().to_string();
    assert!(
        stderr.contains(&format!("{}:3:5: duplicate concept id \"interpol\" (first at ", file("interpol.ron"))),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:5:32: relation of \"sea-patrol\" to unknown concept \"atlantis\"",
            file("sea-patrol.ron")
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{}:4:18: \"Europol\" of \"sea-patrol\" is also a name of \"europol\"",
            file("sea-patrol.ron")
        )),
        "{stderr}"
    );
}

#[test]
fn concepts_the_catalog_lost_come_back_among_the_top_suggestions() {
    let dir = corpus_copy();
    let d = dir.path();
    let full = catalog(d);
    let lost = ["city-diplomacy", "national-security", "security-governance"];
    for id in lost {
        ok(&diplomap(d, &["concept", "remove", id]));
    }
    let lines = ok(&diplomap(d, &["suggest", "--json", "--limit", "15"]));
    let matcher = diplomap::index::mentions::Matcher::new(&full);
    let mut found = std::collections::BTreeSet::new();
    for line in lines.lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        for key in ["term", "lang", "count", "documents", "score", "evidence"] {
            assert!(value.get(key).is_some(), "{line} lacks {key}");
        }
        let term = value["term"].as_str().unwrap();
        for mention in matcher.find(term) {
            found.insert(full.concepts[mention.concept].id.clone());
        }
    }
    for id in lost {
        assert!(found.contains(id), "{id} is not among the top 15 suggestions:\n{lines}");
    }
}

#[test]
fn undo_puts_every_file_back_byte_for_byte_and_never_over_a_file_changed_since() {
    use diplomap::catalog::edit::Edit;
    use diplomap::catalog::store::CatalogStore;
    let dir = corpus_copy();
    let d = dir.path();
    let original = snapshot(d);
    let (store, _) = CatalogStore::open(d);
    let mut store = store.unwrap();
    // An alias moves interpol out of concepts.ron into its own file; undo moves it back.
    let alias =
        Edit::AddAlias { id: "interpol".into(), lang: diplomap::catalog::Lang::Fa, text: "پلیس جهانی".into() };
    let (_, undo) = store.edit_undoable(&alias).unwrap();
    assert!(d.join("concepts/interpol.ron").is_file());
    store.undo(&undo).unwrap();
    assert_eq!(snapshot(d), original);
    assert!(!d.join("concepts").exists(), "the folder the edit made is gone with it");
    assert_eq!(store.catalog(), &catalog(d));

    // A file changed by hand after the edit is never written over by its undo.
    let (_, undo) = store.edit_undoable(&alias).unwrap();
    let own = d.join("concepts/interpol.ron");
    let by_hand = format!("// by hand\n{}", std::fs::read_to_string(&own).unwrap());
    std::fs::write(&own, &by_hand).unwrap();
    let main_after_edit = std::fs::read(d.join("concepts.ron")).unwrap();
    let err = store.undo(&undo).unwrap_err();
    assert!(err.to_string().contains("changed on disk since it was read"), "{err}");
    assert_eq!(std::fs::read_to_string(&own).unwrap(), by_hand);
    assert_eq!(std::fs::read(d.join("concepts.ron")).unwrap(), main_after_edit);
}
