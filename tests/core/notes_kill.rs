//! Crash test: `diplomap note set` killed with SIGKILL at random moments, over
//! and over, with two large bodies in turn. After every kill the note file
//! must parse and hold exactly the old body or the new one — never a mix,
//! never a truncated file.
//!
//! The delays come from a seeded xorshift, so a failure replays with the same
//! seed (set `NOTES_KILL_SEED` to try others).

#![cfg(unix)]

use diplomap::notes::NoteStore;
use std::fs;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How many runs must actually be interrupted by the kill.
const KILLS: usize = 300;
/// Give up after this many runs (a machine so fast that no kill lands).
const MAX_RUNS: usize = 2_000;
const SIGKILL: i32 = 9;

/// Marsaglia's xorshift64.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// About `len` bytes of mixed Persian, Arabic and Latin text with line
/// breaks, quotes and backslashes (which RON must write as raw strings).
fn body(rng: &mut XorShift, len: usize, tag: &str) -> String {
    const WORDS: &[&str] = &[
        "دیپلماسی",
        "پلیسی",
        "اینترپل",
        "می‌شود",
        "الأمن",
        "مكافحة",
        "police",
        "diplomacy",
        "\"quoted\"",
        "back\\slash",
        "r#\"raw\"#",
        "۱۹۲۳",
        "\n",
        "\r\n",
        "\t",
    ];
    let mut text = format!("{tag}\n");
    while text.len() < len {
        text.push_str(WORDS[rng.below(WORDS.len() as u64) as usize]);
        text.push(' ');
    }
    text.push_str(tag);
    text
}

fn note_set(corpus: &Path, text_file: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_diplomap"));
    command.args(["note", "set", "interpol", "--corpus"]).arg(corpus).arg("--text-file").arg(text_file);
    command.stdout(Stdio::null()).stderr(Stdio::null()).env_remove("DIPLOMAP_CORPUS");
    command
}

/// How long an uninterrupted `note set` takes here (the median of a few runs,
/// after a first one that warms the caches). Ends with body B on disk.
fn calibrate(corpus: &Path, files: [&Path; 2]) -> Duration {
    let mut times = Vec::new();
    for i in 0..6 {
        let started = Instant::now();
        let status = note_set(corpus, files[i % 2]).status().unwrap();
        assert!(status.success());
        times.push(started.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

/// The main body in the note file, through the same parser the program uses.
fn parse_body(notes_dir: &Path) -> String {
    let mut store = NoteStore::open(notes_dir);
    match store.get_main("interpol") {
        Ok(Some(body)) => body,
        Ok(None) => panic!("the main note disappeared"),
        Err(e) => panic!("the note file does not parse after a kill: {e}"),
    }
}

#[test]
fn a_killed_note_set_leaves_the_old_or_the_new_body_never_a_mix() {
    let seed = std::env::var("NOTES_KILL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_d1b1_0a4a_u64);
    let mut rng = XorShift(seed.max(1));
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let notes_dir = corpus.join("notes");
    fs::create_dir(&corpus).unwrap();
    let bodies = [body(&mut rng, 200_000, "BODY-A"), body(&mut rng, 300_000, "BODY-B")];
    let files = [tmp.path().join("a.txt"), tmp.path().join("b.txt")];
    for (file, text) in files.iter().zip(&bodies) {
        fs::write(file, text).unwrap();
    }

    let typical = calibrate(&corpus, [&files[0], &files[1]]);
    let window_us = (typical.as_micros() as u64).max(1_000);
    let started = Instant::now();
    let note_file = notes_dir.join("interpol.ron");
    let mut current = parse_body(&notes_dir);
    let mut current_bytes = fs::read(&note_file).unwrap();
    assert_eq!(current, bodies[1]);
    let (mut runs, mut kills, mut kept_old, mut got_new) = (0, 0, 0, 0);

    while kills < KILLS && runs < MAX_RUNS {
        runs += 1;
        let next = usize::from(current == bodies[0]);
        let mut child = note_set(&corpus, &files[next]).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(window_us)));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.signal() == Some(SIGKILL) {
            kills += 1;
        } else {
            assert!(status.success(), "run {runs}: note set failed: {status}");
        }

        // The same bytes as the last file checked hold the same body; other
        // bytes are parsed in full.
        let bytes = fs::read(&note_file).unwrap();
        if bytes == current_bytes {
            kept_old += 1;
            continue;
        }
        let found = parse_body(&notes_dir);
        current_bytes = bytes;
        if found == bodies[next] {
            got_new += 1;
        } else if found == current {
            kept_old += 1;
        } else {
            panic!(
                "run {runs} (seed {seed}): the note is neither the old body nor the new one ({} bytes)",
                found.len()
            );
        }
        current = found;
    }

    let elapsed = started.elapsed();
    eprintln!(
        "notes_kill: {runs} runs, {kills} killed mid-run, {kept_old} kept the old body, {got_new} got the new one, \
         window {window_us} µs, {:.1} s",
        elapsed.as_secs_f64()
    );
    assert!(kills >= KILLS, "only {kills} of {runs} runs were interrupted");
    assert!(kept_old > 0 && got_new > 0, "kills should land both before and after the rename");
    let store = NoteStore::open(&notes_dir);
    assert_eq!(store.list().unwrap(), ["interpol"], "leftover temporary files are not notes");
    assert!(store.check_all().is_empty(), "{:?}", store.check_all());
}
