//! First and second start on a large corpus: the time to load the corpus and
//! have its index, without the cache (everything indexed), with it (read
//! back), and after one document changed (only it indexed again).
//!
//! ```text
//! cargo run --release --no-default-features --example cache_start -- DIR [MB]
//! ```
//!
//! Writes the synthetic corpus (the seeds' paragraphs shuffled, default
//! 100 MB) into `DIR` (which must not exist yet) and the cache beside it.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use diplomap::index::load::{IndexSource, load};
use diplomap::index::progress::Progress;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(Path::new) else {
        eprintln!("usage: cache_start DIR [MB]");
        std::process::exit(2);
    };
    let megabytes: usize = args.get(1).and_then(|m| m.parse().ok()).unwrap_or(100);
    if let Err(message) = run(dir, megabytes) {
        eprintln!("{message}");
        std::process::exit(1);
    }
}

fn run(dir: &Path, megabytes: usize) -> Result<(), String> {
    let seed = synthetic::seed_corpus();
    let corpus = synthetic::synthetic_corpus(&seed, megabytes * 1_000_000);
    let documents = dir.join("documents");
    std::fs::create_dir_all(&documents).map_err(|e| e.to_string())?;
    std::fs::copy(seed.dir.join("concepts.ron"), dir.join("concepts.ron")).map_err(|e| e.to_string())?;
    for document in &corpus.documents {
        std::fs::write(documents.join(format!("{}.txt", document.id)), &document.text).map_err(|e| e.to_string())?;
    }
    // What a start holds is measured alone (`/usr/bin/time -v`): not the
    // generated copy of the corpus.
    let first = documents.join(format!("{}.txt", corpus.documents[0].id));
    let total_megabytes = synthetic::corpus_bytes(&corpus) / 1_000_000;
    drop(corpus);
    let cache = dir.with_extension("index-cache.bin");
    let _ = std::fs::remove_file(&cache);
    let start = |label: &str| -> Result<(), String> {
        let started = Instant::now();
        let loaded =
            load(dir, Some(&cache), &Progress::default(), &AtomicBool::new(false)).map_err(|e| e.to_string())?;
        let how = match loaded.source {
            IndexSource::Built => "built".to_string(),
            IndexSource::Cache => "from the cache".to_string(),
            IndexSource::Updated(n) => format!("{n} document(s) indexed again"),
        };
        println!(
            "{label}: {} documents, {} mentions, {how}: {:.2?}",
            loaded.corpus.documents.len(),
            loaded.index.mentions.len(),
            started.elapsed()
        );
        Ok(())
    };
    println!("{total_megabytes} MB in {}", dir.display());
    start("first start (no cache)")?;
    start("second start")?;
    std::fs::write(&first, "INTERPOL و یوروپل\n").map_err(|e| e.to_string())?;
    start("after one file changed")?;
    let size = std::fs::metadata(&cache).map(|m| m.len()).unwrap_or(0);
    println!("cache file: {:.1} MB", size as f64 / 1e6);
    Ok(())
}
