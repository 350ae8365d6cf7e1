//! Words in order for the PDF fixtures: ours, poppler's layout mode and its raw mode.
//!
//! `cargo run --example pdf_words --no-default-features [-- NAME]` prints one row per
//! fixture of `tests/data/pdf/fixtures.tsv` (with NAME, also that fixture's text).
use diplomap::extract::{compare::words_in_order, extract};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pdf");
    let show = std::env::args().nth(1);
    let list = std::fs::read_to_string(dir.join("fixtures.tsv"))?;
    println!("{:<28} {:>7} {:>8} {:>6}", "fixture", "ours", "-layout", "-raw");
    for row in list.lines().filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = row.split('\t').collect();
        let (name, source) = (fields[0], fields[2]);
        let reference = std::fs::read_to_string(dir.join("source").join(format!("{source}.txt")))?;
        let pdf = std::fs::read(dir.join(format!("{name}.pdf")))?;
        let ours = extract(name, &pdf)?;
        let layout = std::fs::read_to_string(dir.join(format!("{name}.layout.txt")))?;
        let raw = std::fs::read_to_string(dir.join(format!("{name}.raw.txt")))?;
        let pct = |t: &str| 100.0 * words_in_order(&reference, t);
        println!("{:<28} {:>6.1}% {:>7.1}% {:>5.1}%", name, pct(&ours.text), pct(&layout), pct(&raw));
        if show.as_deref() == Some(name) {
            println!("{}\n{:?} {:?} {:?}", ours.text, ours.title, ours.languages, ours.year);
        }
    }
    Ok(())
}
