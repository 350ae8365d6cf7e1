//! Table-like tests of search: each `check` names a query and what it must find.

use super::*;
use crate::catalog::{Catalog, ConceptKind, Localized, LocalizedList};
use crate::corpus::{Document, DocumentMeta};

fn concept(id: &str, labels: [&str; 3], aliases: [&[&str]; 3], summary: &str) -> Concept {
    let list = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
    Concept {
        id: id.into(),
        kind: ConceptKind::Topic,
        labels: Localized { fa: labels[0].into(), ar: labels[1].into(), en: labels[2].into() },
        aliases: LocalizedList { fa: list(aliases[0]), ar: list(aliases[1]), en: list(aliases[2]) },
        summary: Localized { fa: summary.into(), ..Localized::default() },
        relations: Vec::new(),
    }
}

const DOCUMENTS: &[(&str, &str)] = &[
    (
        "fa-police",
        "دیپلماسی پلیسی یکی از اشکال جدید دیپلماسی است که در سطح بین المللی مطرح می شود.\n\nکشورهای عضو با اینترپل همکاری می‌کنند.",
    ),
    ("fa-arabic-ye", "ديپلماسي پليسي در سال ۱۳۹۱ بررسي شد.\n\nجرائم سازمان یافته تهدیدی برای امنیت است."),
    ("ar-interpol", "تعاون الدول مع الإنتربول والمنظمات الدولية.\n\nوالإنتربول يعمل بالتنسيق مع الشرطة."),
    ("en-cyber", "Cyber crime is a threat to INTERPOL members.\n\nThe cybercrime units of Europol met in 2021."),
    ("fa-harakat", "دِيپلُماسِيِ عمومی میشود و بینالمللی"),
];

fn corpus() -> Corpus {
    let catalog = Catalog {
        concepts: vec![
            concept(
                "police-diplomacy",
                ["دیپلماسی پلیسی", "الدبلوماسية الشرطية", "Police diplomacy"],
                [&["دیپلماسی پلیس محور"], &[], &[]],
                "شکلی از دیپلماسی که پلیس در آن نقش دارد.",
            ),
            concept("interpol", ["اینترپل", "الإنتربول", "INTERPOL"], [&["پلیس بین الملل"], &[], &[]], ""),
            concept("cybercrime", ["جرایم سایبری", "الجريمة السيبرانية", "Cybercrime"], [&[], &[], &[]], ""),
        ],
    };
    let documents = DOCUMENTS
        .iter()
        .map(|(id, text)| Document::new(id.to_string(), text.to_string(), DocumentMeta::default()))
        .collect();
    Corpus { dir: "corpus".into(), catalog, documents }
}

fn notes() -> Vec<(String, String)> {
    vec![("interpol".into(), "یادداشت: همکاری با اینترپل در پرونده‌های قاچاق.".into())]
}

/// A hit as a short string: `doc:ID:SURFACE`, `concept:ID`, `note:ID`.
fn describe(corpus: &Corpus, hit: &Hit) -> String {
    match &hit.target {
        HitTarget::Document { document, .. } => {
            let doc = &corpus.documents[*document];
            format!("doc:{}:{}", doc.id, &doc.text[hit.original_range.clone()])
        }
        HitTarget::Concept { concept } => format!("concept:{}", corpus.catalog.concepts[*concept].id),
        HitTarget::Note { concept } => format!("note:{concept}"),
    }
}

fn search_with(query: &str, filters: &SearchFilters) -> Vec<String> {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus, &notes());
    index.search(&corpus, query, filters, 20).iter().map(|h| describe(&corpus, h)).collect()
}

/// `check(query, expected)`: every expected hit is found (in any order).
fn check(query: &str, expected: &[&str]) {
    let found = search_with(query, &SearchFilters::default());
    for e in expected {
        assert!(found.iter().any(|f| f == e), "{query:?}: {e:?} not in {found:#?}");
    }
}

/// `check_first(query, expected)`: the first hit is `expected`.
fn check_first(query: &str, expected: &str) {
    let found = search_with(query, &SearchFilters::default());
    assert_eq!(found.first().map(String::as_str), Some(expected), "{query:?}: {found:#?}");
}

fn check_none(query: &str) {
    let found = search_with(query, &SearchFilters::default());
    assert!(found.is_empty(), "{query:?}: {found:#?}");
}

#[test]
fn spelling_variants() {
    // ي and ك typed for ی and ک, and the other way round.
    check("ديپلماسي ", &["doc:fa-police:دیپلماسی", "doc:fa-arabic-ye:ديپلماسي", "doc:fa-harakat:دِيپلُماسِيِ"]);
    check("دیپلماسی ", &["doc:fa-arabic-ye:ديپلماسي"]);
    check("بررسی ", &["doc:fa-arabic-ye:بررسي"]);
    // Harakat in the query.
    check("دِیپلُماسی ", &["doc:fa-police:دیپلماسی"]);
    // Hamza forms.
    check("جرایم ", &["doc:fa-arabic-ye:جرائم"]);
    check("الانتربول ", &["doc:ar-interpol:الإنتربول"]);
}

#[test]
fn zwnj_and_spaces() {
    check("می شود ", &["doc:fa-police:می شود", "doc:fa-harakat:میشود"]);
    check("میشود ", &["doc:fa-police:می شود", "doc:fa-harakat:میشود"]);
    check("می\u{200C}شود ", &["doc:fa-police:می شود", "doc:fa-harakat:میشود"]);
    check("بین المللی ", &["doc:fa-police:بین المللی", "doc:fa-harakat:بینالمللی"]);
    check("بین‌المللی ", &["doc:fa-police:بین المللی", "doc:fa-harakat:بینالمللی"]);
    check("همکاری ", &["doc:fa-police:همکاری"]);
    check("سازمانیافته ", &["doc:fa-arabic-ye:سازمان یافته"]);
    check("cybercrime ", &["doc:en-cyber:Cyber crime", "doc:en-cyber:cybercrime"]);
}

#[test]
fn digits() {
    check("1391 ", &["doc:fa-arabic-ye:۱۳۹۱"]);
    check("۱۳۹۱ ", &["doc:fa-arabic-ye:۱۳۹۱"]);
    check("٢٠٢١ ", &["doc:en-cyber:2021"]);
}

#[test]
fn clitics_and_suffixes() {
    check("انتربول ", &["doc:ar-interpol:الإنتربول", "doc:ar-interpol:والإنتربول"]);
    check("والانتربول ", &["doc:ar-interpol:الإنتربول"]);
    check("کشور ", &["doc:fa-police:کشورهای"]);
    check("کشورها ", &["doc:fa-police:کشورهای"]);
    check("الدول ", &["doc:ar-interpol:الدول"]);
    check("منظمات ", &["doc:ar-interpol:والمنظمات"]);
}

#[test]
fn prefix_as_you_type() {
    check("دیپلم", &["doc:fa-police:دیپلماسی", "concept:police-diplomacy"]);
    check("اینترپ", &["concept:interpol", "doc:fa-police:اینترپل"]);
    check("cyb", &["doc:en-cyber:Cyber", "concept:cybercrime"]);
    check("دیپلماسی پل", &["concept:police-diplomacy", "doc:fa-police:دیپلماسی"]);
    // A finished word does not complete.
    check_none("دیپلم ");
    // One letter does not complete either.
    check_none("ژ");
}

#[test]
fn english_case() {
    check("interpol ", &["doc:en-cyber:INTERPOL", "concept:interpol"]);
    check("EUROPOL ", &["doc:en-cyber:Europol"]);
    check("Cyber Crime ", &["doc:en-cyber:Cyber crime"]);
}

#[test]
fn ranking() {
    check_first("دیپلماسی پلیسی", "concept:police-diplomacy");
    check_first("اینترپل", "concept:interpol");
    check_first("الإنتربول", "concept:interpol");
    check_first("INTERPOL", "concept:interpol");
    check_first("cybercrime", "concept:cybercrime");
    check_first("پلیس بین الملل", "concept:interpol");
    // All query words before some.
    let found = search_with("Europol 2021 ", &SearchFilters::default());
    assert_eq!(found.first().map(String::as_str), Some("doc:en-cyber:Europol"), "{found:#?}");
}

#[test]
fn a_concept_name_finds_its_other_names() {
    // The documents write INTERPOL in Persian and Arabic only there.
    check("interpol", &["doc:fa-police:اینترپل", "doc:ar-interpol:الإنتربول"]);
    check("الإنتربول ", &["doc:fa-police:اینترپل", "doc:en-cyber:INTERPOL"]);
    // The words as typed come first.
    let found = search_with("interpol ", &SearchFilters::default());
    let position = |hit: &str| found.iter().position(|f| f == hit).unwrap_or(usize::MAX);
    assert_eq!(found.first().map(String::as_str), Some("concept:interpol"), "{found:#?}");
    assert!(position("doc:en-cyber:INTERPOL") < position("doc:fa-police:اینترپل"), "{found:#?}");
    // Only a whole name expands.
    assert!(!search_with("interpol members", &SearchFilters::default()).iter().any(|f| f.contains("اینترپل")));
}

#[test]
fn notes_are_searched() {
    check("قاچاق", &["note:interpol"]);
    check_first("یادداشت", "note:interpol");
}

#[test]
fn concept_hits_once() {
    let found = search_with("دیپلماسی", &SearchFilters::default());
    assert_eq!(found.iter().filter(|f| *f == "concept:police-diplomacy").count(), 1, "{found:#?}");
}

#[test]
fn filters() {
    let only_en = SearchFilters { lang: Some(Lang::En), ..SearchFilters::default() };
    assert_eq!(search_with("interpol", &only_en), ["concept:interpol", "doc:en-cyber:INTERPOL"]);
    let only_ar = SearchFilters { lang: Some(Lang::Ar), documents: false, ..SearchFilters::default() };
    assert_eq!(search_with("انتربول", &only_ar), ["concept:interpol"]);
    let document = SearchFilters { document: Some(1), ..SearchFilters::default() };
    assert_eq!(search_with("دیپلماسی", &document), ["doc:fa-arabic-ye:ديپلماسي"]);
    let no_concepts = SearchFilters { concepts: false, notes: false, ..SearchFilters::default() };
    assert!(search_with("اینترپل", &no_concepts).iter().all(|f| f.starts_with("doc:")));
}

#[test]
fn snippet_highlights_point_at_original_bytes() {
    let corpus = corpus();
    let index = SearchIndex::build(&corpus, &notes());
    for query in ["ديپلماسي پليسي", "انتربول", "میشود", "cyber", "۱۳۹۱", "قاچاق"] {
        let hits = index.search(&corpus, query, &SearchFilters::default(), 20);
        assert!(!hits.is_empty(), "{query:?}");
        for hit in hits {
            let source: &str = match &hit.target {
                HitTarget::Document { document, .. } => &corpus.documents[*document].text,
                HitTarget::Note { .. } => &notes()[0].1.clone(),
                HitTarget::Concept { .. } => continue,
            };
            let source = source.to_string();
            let window = &source[hit.snippet_range.clone()];
            assert!(hit.snippet.contains(window.replace('\n', " ").as_str()), "{query:?}: {hit:#?}");
            for h in &hit.snippet_highlights {
                let surface = &hit.snippet[h.clone()];
                let start = hit.snippet_range.start + h.start - hit.snippet.find(&window.replace('\n', " ")).unwrap();
                assert_eq!(&source[start..start + surface.len()].replace('\n', " "), surface, "{query:?}");
            }
            assert!(!hit.original_range.is_empty(), "{query:?}: {hit:#?}");
        }
    }
}

#[test]
fn empty_and_odd_queries() {
    check_none("");
    check_none("   ");
    check_none("؟!،");
    check_none("\u{200C}");
    check_none("zzzzqqq");
    let corpus = corpus();
    let index = SearchIndex::build(&corpus, &[]);
    assert!(index.search(&corpus, "دیپلماسی", &SearchFilters::default(), 0).is_empty());
    let empty = Corpus { dir: "x".into(), catalog: Catalog::default(), documents: Vec::new() };
    let index = SearchIndex::build(&empty, &[]);
    assert!(index.search(&empty, "a", &SearchFilters::default(), 5).is_empty());
    // A corpus that changed under the index: no panic, stale passages skipped.
    let index = SearchIndex::build(&corpus, &[]);
    assert!(index.search(&empty, "دیپلماسی", &SearchFilters::default(), 5).is_empty());
}

#[test]
fn pieces_outside_holes() {
    let text = "aa\\nbb\\ncc\\ndd";
    let text = text.replace("\\n", "\n");
    let piece = |r: Range<usize>| text[r].to_string();
    let check = |range: Range<usize>, holes: &[Range<usize>], expected: &[&str]| {
        let found: Vec<String> = pieces_outside(&text, range, holes).into_iter().map(piece).collect();
        assert_eq!(found, expected);
    };
    check(0..11, &[], &["aa\nbb\ncc\ndd"]);
    let one_hole = std::iter::once(3..5).collect::<Vec<_>>();
    check(0..11, &one_hole, &["aa", "cc\ndd"]);
    check(0..11, &[0..2, 9..11], &["bb\ncc"]);
    check(3..8, &[0..2, 3..5, 6..8, 9..11], &[]);
}

#[test]
fn broken_lines_are_left_out() {
    let broken = "چه  یخارج استیو س یمل تیامن یحکمران نیمسئله است که ب نیا";
    let text = format!("سطر درست درباره امنیت ملی است.\n\n{broken}\n");
    let document = Document::new("d".into(), text, DocumentMeta::default());
    let corpus = Corpus { dir: "x".into(), catalog: Catalog::default(), documents: vec![document] };
    let index = SearchIndex::build(&corpus, &[]);
    assert!(index.search(&corpus, "تیامن ", &SearchFilters::default(), 5).is_empty());
    assert_eq!(index.search(&corpus, "امنیت ", &SearchFilters::default(), 5).len(), 1);
}

#[test]
fn chunks_cover_everything_in_order() {
    let check = |sizes: &[usize], chunk: usize, expected: &[Range<usize>]| {
        assert_eq!(chunks_by_bytes(sizes.iter().copied(), chunk), expected, "{sizes:?} by {chunk}");
    };
    check(&[], 10, &[]);
    check(&[5, 5, 5], 10, &[0..2, 2..3]);
    check(&[20, 1, 1], 10, &[0..1, 1..3]);
    check(&[3, 20, 4], 10, &[0..2, 2..3]);
}

#[test]
fn parallel_build_finds_the_same() {
    let base = corpus();
    let mut documents = Vec::new();
    while documents.len() < 60 {
        for (id, text) in DOCUMENTS {
            let n = documents.len();
            let text = format!("{text}\n\n").repeat(n % 7 + 1);
            documents.push(Document::new(format!("{id}-{n}"), text, DocumentMeta::default()));
        }
    }
    let big = Corpus { documents, ..base };
    let one = SearchIndex::build_with_threads(&big, &notes(), 1);
    let three = SearchIndex::build_with_threads(&big, &notes(), 3);
    let sizes = |s: SearchStats| (s.passages, s.terms, s.postings_bytes);
    assert_eq!(sizes(one.stats()), sizes(three.stats()));
    for query in ["دیپلماسی", "انتربول ", "می شود", "cyb", "قاچاق"] {
        let a = one.search(&big, query, &SearchFilters::default(), 50);
        let b = three.search(&big, query, &SearchFilters::default(), 50);
        assert!(!a.is_empty(), "{query:?}");
        assert_eq!(a, b, "{query:?}");
    }
}
