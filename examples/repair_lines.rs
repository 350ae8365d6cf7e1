//! The repair of `002_…` line by line against the two Persian readings of
//! `tests/data/repair/`: the tuning one (`002_reading.txt`) and the held-out
//! one (`002_heldout.txt`).
//!
//! `cargo run --release --example repair_lines --no-default-features [-- heldout|reading] [--all]`
//! prints the count of lines in the reader's order and, for each line that is
//! not (with `--all`, every line), the stored line, the reading and the reader's;
//! `-- --line N` reads line N of `002_…` on its own.
use diplomap::corpus::reading::reading_of;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    let line_asked = args.iter().position(|a| a == "--line").and_then(|i| args.get(i + 1)?.parse::<usize>().ok());
    let which = if line_asked.is_some() {
        "heldout"
    } else {
        args.iter().find(|a| !a.starts_with("--")).map_or("heldout", String::as_str)
    };
    let all = args.iter().any(|a| a == "--all");
    let stored = std::fs::read_to_string(root.join("corpus/documents/002_e0ff0a2344230e73.txt"))?;
    let truth = std::fs::read_to_string(root.join(format!("tests/data/repair/002_{which}.txt")))?;
    if let Some(n) = line_asked {
        let vocab = diplomap::corpus::reading::vocabulary_of([stored.as_str()]);
        let line = stored.split('\n').nth(n.saturating_sub(1)).unwrap_or("");
        let alone = diplomap::text::repair::repair_line(line, &vocab);
        println!("stored  {line}\nalone   {}\n{alone:?}", alone.text);
        return Ok(());
    }
    let reading = reading_of(&stored);
    let stored_lines: Vec<&str> = stored.split('\n').collect();
    let (mut total, mut right) = (0, 0);
    for row in truth.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let fields: Vec<&str> = row.split('\t').collect();
        let (Some(number), Some(form), Some(logical)) = (fields.first(), fields.get(1), fields.get(2)) else {
            continue;
        };
        let number: usize = number.parse()?;
        let Some(line) = reading.lines.get(number - 1) else { continue };
        let shown = &reading.text[line.reading.clone()];
        let ok = letters(shown) == letters(logical);
        total += 1;
        right += usize::from(ok);
        if !ok || all {
            let mark = if ok { "ok" } else { "NO" };
            println!("{number} {form} {mark} repaired={} confidence={:.2}", line.repaired, line.confidence);
            println!("  stored  {}", stored_lines.get(number - 1).unwrap_or(&""));
            println!("  shown   {shown}");
            println!("  reader  {logical}");
        }
    }
    println!("{which}: {right} of {total} lines in the reader's order");
    Ok(())
}

/// The letters of `text` in order, spaces and half-spaces left out.
fn letters(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && *c != '\u{200C}').collect()
}
