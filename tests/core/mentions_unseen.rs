//! Mentions in sentences that are not in the seeds, written by native
//! writers of each language (`tests/data/mentions_unseen.tsv`): the matcher
//! must find the concepts a reader finds, and nothing else.

use crate::common;

use std::collections::BTreeSet;

use diplomap::index::mentions::Matcher;

struct Case {
    line: usize,
    lang: String,
    sentence: String,
    expected: BTreeSet<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(common::data_dir().join("mentions_unseen.tsv")).unwrap();
    text.lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
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

#[test]
fn unseen_sentences_in_three_languages() {
    let (corpus, _) = common::corpus_and_index();
    let matcher = Matcher::new(&corpus.catalog);
    let (mut true_positives, mut false_positives, mut false_negatives) = (0usize, 0usize, 0usize);
    let mut report = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 100, "{} cases", cases.len());
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
    eprintln!("precision {precision:.3}, recall {recall:.3}\n{}", report.join("\n"));
    assert!(precision >= 0.97, "precision {precision:.3}:\n{}", report.join("\n"));
    assert!(recall >= 0.95, "recall {recall:.3}:\n{}", report.join("\n"));
}
