//! Mention finding throughput, for comparison with ripgrep on the same bytes
//! (see `scripts/bench_mentions_vs_rg.sh`).
//!
//! ```text
//! mentions_throughput write DIR [MB]   # DIR/patterns.txt (every label and alias) and DIR/big.txt
//! mentions_throughput run FILE [N]     # find mentions in FILE (folding included) N times (default 1),
//!                                      # print the best time and MB/s
//! mentions_throughput dump FILE OUT    # every mention of FILE, `concept start end` a line, into OUT
//! ```
//!
//! `run` gives wall time and, on one core (`taskset -c 0`) on Linux, the
//! CPU time of the finding thread (from `/proc/thread-self/schedstat`): on a
//! busy machine the CPU time is the steadier figure. `dump` is for checking that a change of the matcher
//! finds exactly what it found before (`cmp` two dumps).
//!
//! `big.txt` is the synthetic corpus (the seeds' paragraphs shuffled, default
//! 100 MB) as one file; `patterns.txt` has every surface form of the catalog,
//! one a line, as written (ripgrep gets them with `-F`: exact bytes, no
//! folding, no word boundaries — a cheaper job than ours, which folds the
//! text, runs the dictionary over words with spaces and ZWNJ taken out, and
//! checks clitics, suffixes and boundaries).

#[path = "common/synthetic.rs"]
mod synthetic;

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use diplomap::index::mentions::Matcher;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("write") if args.len() >= 2 => write(Path::new(&args[1]), args.get(2).and_then(|m| m.parse().ok())),
        Some("run") if (2..=3).contains(&args.len()) => {
            run(Path::new(&args[1]), args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1))
        }
        Some("dump") if args.len() == 3 => dump(Path::new(&args[1]), Path::new(&args[2])),
        _ => Err("usage: mentions_throughput write DIR [MB] | run FILE [N] | dump FILE OUT".to_string()),
    };
    if let Err(message) = result {
        eprintln!("{message}");
        std::process::exit(2);
    }
}

fn write(dir: &Path, megabytes: Option<usize>) -> Result<(), String> {
    let seed = synthetic::seed_corpus();
    let corpus = synthetic::synthetic_corpus(&seed, megabytes.unwrap_or(100) * 1_000_000);
    let mut patterns = String::new();
    for concept in &seed.catalog.concepts {
        for (_, surface) in concept.surface_forms() {
            patterns.push_str(surface.trim());
            patterns.push('\n');
        }
    }
    std::fs::write(dir.join("patterns.txt"), patterns).map_err(|e| e.to_string())?;
    let file = std::fs::File::create(dir.join("big.txt")).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(file);
    for document in &corpus.documents {
        out.write_all(document.text.as_bytes()).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    println!("wrote {} MB in big.txt", synthetic::corpus_bytes(&corpus) / 1_000_000);
    Ok(())
}

fn run(file: &Path, repeats: usize) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let seed = synthetic::seed_corpus();
    // Built twice: the first build also fills tables shared by the process.
    // Timed in CPU time where Linux tells it (a build runs on this thread).
    let origin = Instant::now();
    let clock = || thread_cpu_seconds().unwrap_or_else(|| origin.elapsed().as_secs_f64());
    let first = clock();
    let matcher = Matcher::new(&seed.catalog);
    let again = clock();
    let second = Matcher::new(&seed.catalog);
    let (first_time, build_time) = (again - first, clock() - again);
    drop(matcher);
    let matcher = second;
    let mut best_wall = f64::INFINITY;
    let mut best_cpu = None::<f64>;
    let mut found = 0;
    for _ in 0..repeats.max(1) {
        let cpu_before = thread_cpu_seconds();
        let start = Instant::now();
        found = matcher.find(&text).len();
        best_wall = best_wall.min(start.elapsed().as_secs_f64());
        if let (Some(before), Some(after)) = (cpu_before, thread_cpu_seconds()) {
            best_cpu = Some(best_cpu.map_or(after - before, |best: f64| best.min(after - before)));
        }
    }
    let mb = text.len() as f64 / 1e6;
    // The thread's CPU time is the find's only when it ran on this thread.
    let one_thread = std::thread::available_parallelism().map_or(true, |n| n.get() == 1);
    let cpu = best_cpu.filter(|_| one_thread).map_or(String::new(), |cpu| format!(", CPU {cpu:.3} s"));
    println!(
        "diplomap: {found} mentions in {mb:.1} MB: fold+find {best_wall:.3} s{cpu} ({:.1} MB/s, best of {}); {} pattern keys, matcher built in {:.1} ms ({:.1} ms the first time)",
        mb / best_wall,
        repeats.max(1),
        matcher.pattern_count(),
        build_time * 1e3,
        first_time * 1e3
    );
    Ok(())
}

/// CPU time of the calling thread so far, where Linux tells it.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds as f64 / 1e9)
}

fn dump(file: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let seed = synthetic::seed_corpus();
    let matcher = Matcher::new(&seed.catalog);
    let mut lines = String::new();
    for mention in matcher.find(&text) {
        lines.push_str(&format!("{} {} {}\n", mention.concept, mention.range.start, mention.range.end));
    }
    std::fs::write(out, lines).map_err(|e| format!("{}: {e}", out.display()))
}
