//! Writes a large generated corpus to a folder, to open the window on a
//! catalog a hundred times the seeds' size:
//!
//! ```text
//! cargo run --release --no-default-features --example large_catalog -- OUT [CONCEPTS]
//! DIPLOMAP_CORPUS=OUT cargo run --release
//! ```
//!
//! `CONCEPTS` defaults to 10,000. The seed catalog is copied as
//! `concepts.ron`; each generated concept gets its own `concepts/<id>.ron`
//! (see `common/large_catalog.rs` for what is generated). `OUT` must not
//! exist yet: nothing is written over.

#[path = "common/large_catalog.rs"]
mod large_catalog;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next().map(PathBuf::from) else {
        eprintln!("usage: large_catalog OUT [CONCEPTS]");
        return ExitCode::from(2);
    };
    let concepts = match args.next().map(|n| n.parse::<usize>()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(err)) => {
            eprintln!("CONCEPTS: {err}");
            return ExitCode::from(2);
        }
    };
    if out.exists() {
        eprintln!("{}: already exists; nothing written", out.display());
        return ExitCode::from(1);
    }
    match large_catalog::write_corpus(&out, concepts) {
        Ok(count) => {
            println!("wrote {count} concepts to {}", out.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}: {err}", out.display());
            ExitCode::from(1)
        }
    }
}
