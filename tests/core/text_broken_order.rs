//! Precision and recall of the broken-visual-order detector on the
//! hand-labelled lines of `tests/data/broken_order_labels.tsv`.

use diplomap::text::broken_order::{line_is_broken, score};

struct Label {
    doc: String,
    line: usize,
    broken: bool,
}

fn labels() -> Vec<Label> {
    let text = std::fs::read_to_string("tests/data/broken_order_labels.tsv").unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("doc\t") && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert!(matches!(cols[2], "broken" | "wrapped" | "ok"), "bad label in {l:?}");
            Label { doc: cols[0].to_string(), line: cols[1].parse().unwrap(), broken: cols[2] == "broken" }
        })
        .collect()
}

fn document_lines(prefix: &str) -> Vec<String> {
    crate::common::seed(prefix).split('\n').map(str::to_string).collect()
}

#[test]
fn precision_and_recall_on_labelled_lines() {
    let labels = labels();
    assert!(labels.iter().filter(|l| l.doc == "002").count() >= 80);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for label in &labels {
        let lines = document_lines(&label.doc);
        let line = &lines[label.line - 1];
        let flagged = line_is_broken(line);
        match (flagged, label.broken) {
            (true, true) => tp += 1,
            (true, false) => {
                fp += 1;
                misses.push(format!("false positive {}:{} {:?}", label.doc, label.line, score(line)));
            }
            (false, true) => {
                fn_ += 1;
                misses.push(format!("false negative {}:{} {:?}", label.doc, label.line, score(line)));
            }
            (false, false) => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!("broken order: tp {tp} fp {fp} fn {fn_}; precision {precision:.3} recall {recall:.3}");
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.80, "recall {recall:.3}");
}

#[test]
fn no_line_of_the_well_formed_seeds_is_flagged() {
    for prefix in ["000", "001", "003", "004"] {
        for (i, line) in document_lines(prefix).iter().enumerate() {
            assert!(!line_is_broken(line), "{prefix}:{} flagged: {line}", i + 1);
        }
    }
}
