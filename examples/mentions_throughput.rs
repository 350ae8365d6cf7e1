//! Mention finding throughput, for comparison with ripgrep on the same bytes
//! (see `scripts/bench_mentions_vs_rg.sh`).
//!
//! ```text
//! mentions_throughput write DIR [MB]   # DIR/patterns.txt (every label and alias) and DIR/big.txt
//! mentions_throughput run FILE         # find mentions in FILE (folding included), print time and MB/s
//! ```
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
        Some("run") if args.len() == 2 => run(Path::new(&args[1])),
        _ => Err("usage: mentions_throughput write DIR [MB] | run FILE".to_string()),
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

fn run(file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let seed = synthetic::seed_corpus();
    let matcher = Matcher::new(&seed.catalog);
    let start = Instant::now();
    let mentions = matcher.find(&text);
    let total = start.elapsed();
    let mb = text.len() as f64 / 1e6;
    println!(
        "diplomap: {} mentions in {mb:.1} MB: fold+find {total:.2?} ({:.1} MB/s); {} pattern keys",
        mentions.len(),
        mb / total.as_secs_f64(),
        matcher.pattern_count()
    );
    Ok(())
}
