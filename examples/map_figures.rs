//! Prints the figures of a map SVG: links drawn, crossings (total, per link,
//! the worst link), concepts drawn and off the page, labels shown.
//!
//! ```text
//! diplomap export --format svg --out map.svg
//! cargo run --example map_figures -- map.svg
//! ```
//!
//! The counting is the one the core tests use (`tests/common/svg_figures.rs`).

#[path = "../tests/common/svg_figures.rs"]
mod svg_figures;

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: map_figures FILE.svg");
        return std::process::ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    match svg_figures::figures_of(&text) {
        Ok(f) => {
            println!(
                "links {} · crossings {} ({:.2} per link, at most {} on one) · concepts {} ({} off the page) · labels {}",
                f.links,
                f.crossings,
                f.crossings_per_link(),
                f.worst_link,
                f.concepts,
                f.off_page,
                f.labels
            );
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
