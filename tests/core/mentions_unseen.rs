//! Mentions in sentences that are not in the seeds, written by native
//! writers of each language (`tests/data/mentions_unseen.tsv`): the matcher
//! must find the concepts a reader finds, and nothing else. A second set,
//! `tests/data/mentions_heldout.tsv`, was written later, in the style of
//! news wire, before the matcher was changed for it.

use crate::common;

use std::collections::BTreeSet;

use diplomap::index::mentions::Matcher;

struct Case {
    line: usize,
    lang: String,
    sentence: String,
    expected: BTreeSet<String>,
}

fn cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(common::data_dir().join(file)).unwrap();
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#') && !l.starts_with("lang\t"))
        .map(|(n, l)| {
            let fields: Vec<&str> = l.split('\t').collect();
            Case {
                line: n + 1,
                lang: fields[0].to_string(),
                sentence: fields.get(1).unwrap_or(&"").to_string(),
                expected: fields
                    .get(2)
                    .unwrap_or(&"")
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
            }
        })
        .collect()
}

/// Precision and recall of the shipped catalog's matcher on `file`, and
/// the lines it gets wrong.
fn measure(file: &str) -> (f64, f64, usize, String) {
    let (corpus, _) = common::corpus_and_index();
    let matcher = Matcher::new(&corpus.catalog);
    let (mut true_positives, mut false_positives, mut false_negatives) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    let cases = cases(file);
    for case in &cases {
        let found: BTreeSet<String> =
            matcher.find(&case.sentence).into_iter().map(|m| corpus.catalog.concepts[m.concept].id.clone()).collect();
        true_positives += found.intersection(&case.expected).count();
        false_positives += found.difference(&case.expected).count();
        false_negatives += case.expected.difference(&found).count();
        if found != case.expected {
            report.push(format!("line {} ({}): expected {:?}, found {:?}", case.line, case.lang, case.expected, found));
        }
    }
    let precision = true_positives as f64 / (true_positives + false_positives).max(1) as f64;
    let recall = true_positives as f64 / (true_positives + false_negatives).max(1) as f64;
    let report = report.join("\n");
    eprintln!("{file}: {} sentences, precision {precision:.3}, recall {recall:.3}\n{report}", cases.len());
    (precision, recall, cases.len(), report)
}

#[test]
fn unseen_sentences_in_three_languages() {
    let (precision, recall, cases, report) = measure("mentions_unseen.tsv");
    assert!(cases >= 100, "{cases} cases");
    assert!(precision >= 0.97, "precision {precision:.3}:\n{report}");
    assert!(recall >= 0.95, "recall {recall:.3}:\n{report}");
}

/// `tests/data/mentions_heldout.tsv`, written before the matcher was tuned
/// to it (133 sentences, 36 of them near-misses). Baseline when it was
/// written: precision 1.000, recall 0.867 (14 of 105 mentions missed:
/// `انترپل`, `اینترپول`, `الشرطة الدولية`, `ناتو`, `جنایتکاران
/// سازمان‌یافته`, and colloquial English — "the mafia", "sex trafficking",
/// "terror plot", "money launderers", "extradite", "gun running", "sharing
/// intelligence", "cyber criminals", "EU police agency"). The recall floor
/// is that baseline, so it can only get better; the goal (issue 16) is
/// recall 0.95 here too.
#[test]
fn held_out_sentences_in_three_languages() {
    let (precision, recall, cases, report) = measure("mentions_heldout.tsv");
    assert!(cases >= 120, "{cases} cases");
    assert!(precision >= 0.97, "precision {precision:.3}:\n{report}");
    assert!(recall >= 0.86, "recall {recall:.3}:\n{report}");
}
