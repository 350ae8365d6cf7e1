//! Importing PDF and HTML files: the PDF fixtures (printed by Chromium and
//! LibreOffice from clean text, `scripts/make_pdf_fixtures.sh`) read back with
//! their words in order — at least 98%, and never fewer than poppler's layout
//! mode on the same file; `diplomap import` of a PDF and of a web page (text,
//! kept source, metadata, `check` clean); encrypted, scanned, broken and huge
//! files refused naming the file, nothing written.
//!
//! The figures for the README: `cargo run --example pdf_words --no-default-features`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use diplomap::extract::compare::words_in_order;
use diplomap::extract::{self, ExtractError};
use diplomap::text::Lang;

use crate::common;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

fn diplomap(corpus: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .arg("--corpus")
        .arg(corpus)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// (fixture name, source text name) from `fixtures.tsv`.
fn fixtures() -> Vec<(String, String)> {
    read(&data().join("pdf/fixtures.tsv"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            (fields[0].to_string(), fields[2].to_string())
        })
        .collect()
}

fn meta_of(documents: &Path, id: &str) -> diplomap::corpus::DocumentMeta {
    let (loaded, diagnostics) = diplomap::corpus::load_documents(documents);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    loaded.into_iter().find(|d| d.id == id).expect("the imported document loads").meta
}

fn document_files(corpus: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn words_in_order_folds_controls_zwnj_and_punctuation_and_counts_order() {
    assert_eq!(words_in_order("a b c d", "a b c d"), 1.0);
    assert_eq!(words_in_order("a b c d", "d c b a"), 0.25);
    assert_eq!(words_in_order("a b c d", "a b"), 0.5);
    assert_eq!(words_in_order("گفت‌وگو کرد.", "\u{202B}گفت وگو کرد\u{202C}\u{202A}.\u{202C}"), 1.0);
    // Presentation forms are the letters they show; tatweel is not a letter.
    assert_eq!(words_in_order("بین", "\u{FE91}\u{FBFF}\u{FEE6}"), 1.0);
    assert_eq!(words_in_order("بین", "بـیـن"), 1.0);
}

#[test]
fn every_pdf_fixture_reads_in_order_and_beats_poppler_layout_mode() {
    let dir = data().join("pdf");
    let list = fixtures();
    assert!(list.len() >= 10, "fixtures.tsv lists the fixtures");
    let mut report = Vec::new();
    for (name, source) in &list {
        let reference = read(&dir.join(format!("source/{source}.txt")));
        let pdf = std::fs::read(dir.join(format!("{name}.pdf"))).unwrap();
        let ours = extract::extract(name, &pdf).unwrap_or_else(|e| panic!("{e}"));
        let layout = read(&dir.join(format!("{name}.layout.txt")));
        let raw = read(&dir.join(format!("{name}.raw.txt")));
        let (ours_score, layout_score, raw_score) = (
            words_in_order(&reference, &ours.text),
            words_in_order(&reference, &layout),
            words_in_order(&reference, &raw),
        );
        report.push(format!("{name}: ours {ours_score:.3}, -layout {layout_score:.3}, -raw {raw_score:.3}"));
        assert!(ours_score >= 0.98, "{name}: {ours_score:.3} of the words in order\n{}", ours.text);
        assert!(ours_score >= layout_score, "{name}: {ours_score:.3} < poppler -layout {layout_score:.3}");
    }
    println!("{}", report.join("\n"));
}

#[test]
fn fixture_text_keeps_brackets_half_spaces_and_ligatures() {
    // Exact, not only words: the brackets face the right way in both writers, ZWNJ
    // survives, lam-alef ligatures come back as two letters.
    for name in ["chromium_fa_vazirmatn", "libreoffice_fa_justify"] {
        let pdf = std::fs::read(data().join(format!("pdf/{name}.pdf"))).unwrap();
        let text = extract::extract(name, &pdf).unwrap().text;
        for expected in ["اینترپل (INTERPOL) و", "(UNODC) در سال ۱۴۰۲", "همکاری‌های مرزی", "تبادل اطلاعات امنیتی", "آن‌ها"]
        {
            assert!(text.contains(expected), "{name}: no {expected:?} in\n{text}");
        }
    }
    let pdf = std::fs::read(data().join("pdf/chromium_ar_naskh_justify.pdf")).unwrap();
    let text = extract::extract("ar", &pdf).unwrap().text;
    assert!(text.contains("وأُطلق هذا الحوار الرفيع المستوى في عام 2016"), "{text}");
}

#[test]
fn two_columns_are_read_column_by_column_in_the_page_direction() {
    let pdf = std::fs::read(data().join("pdf/chromium_fa_seed_columns.pdf")).unwrap();
    let text = extract::extract("columns", &pdf).unwrap().text;
    let first = text.find("در آغاز هزاره سوم میلادی").expect("the right column's first words");
    let second = text.find("تهدیدهای نوین امنیتی (غیر سنتی)").expect("the left column's first words");
    assert!(first < second, "{text}");
    let pdf = std::fs::read(data().join("pdf/chromium_en_columns.pdf")).unwrap();
    let text = extract::extract("columns", &pdf).unwrap().text;
    assert!(text.contains("exchange of criminal intelligence between their services."), "{text}");
}

#[test]
#[ignore = "waits for the repair of broken visual order (text::repair, issue 15 item 1): then ≥ 95%"]
fn glyph_order_text_is_repaired() {
    // The expectation once the repair is in: every fixture's `pdftotext -raw`
    // text (glyph order) rebuilt line by line to ≥ 95% of the words in order.
    // Until then `extract::fallback_line` keeps a line as it is, and this fails.
    for (name, source) in fixtures().iter().filter(|(n, _)| !n.contains("_en_")) {
        let reference = read(&data().join(format!("pdf/source/{source}.txt")));
        let raw = read(&data().join(format!("pdf/{name}.raw.txt")));
        let repaired: String = raw.lines().map(|l| extract::fallback_line(l) + "\n").collect();
        let score = words_in_order(&reference, &repaired);
        assert!(score >= 0.95, "{name}: {score:.3}");
    }
}

#[test]
fn a_pdf_is_imported_with_its_text_metadata_and_the_pdf_kept_beside_it() {
    let corpus = common::catalog_and_documents_copy();
    let before = document_files(corpus.path());
    let pdf = data().join("pdf/libreoffice_fa_justify.pdf");
    let output = diplomap(corpus.path(), &["import", pdf.to_str().unwrap(), "--source-kind", "news"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let documents = corpus.path().join("documents");
    let text = read(&documents.join(format!("{id}.txt")));
    let reference = read(&data().join("pdf/source/fa_news.txt"));
    assert!(words_in_order(&reference, &text) >= 0.98, "{text}");
    assert_eq!(std::fs::read(documents.join(format!("{id}.source.pdf"))).unwrap(), std::fs::read(&pdf).unwrap());
    let ron = read(&documents.join(format!("{id}.ron")));
    assert!(ron.starts_with("// Imported from libreoffice_fa_justify.pdf (text taken from the PDF"), "{ron}");
    let meta = meta_of(&documents, &id);
    assert_eq!(meta.title.fa, "دیدار وزیران امور خارجه در تهران", "the PDF's title");
    assert_eq!(meta.languages, [Lang::Fa], "detected, not the writer's default en-US");
    assert!(meta.year.is_some_and(|y| y >= 2026), "the PDF's creation year: {:?}", meta.year);
    let mut after = document_files(corpus.path());
    after.retain(|n| !before.contains(n));
    assert_eq!(after, [format!("{id}.ron"), format!("{id}.source.pdf"), format!("{id}.txt")]);
    let check = diplomap(corpus.path(), &["check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let search = diplomap(corpus.path(), &["search", "--json", "ترکمنستانی"]);
    assert!(String::from_utf8_lossy(&search.stdout).contains(&id), "the imported text is searched");

    // The same PDF again: its text is already there.
    let again = diplomap(corpus.path(), &["import", pdf.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains(&format!("as document {id}")));
}

#[test]
fn an_owner_password_alone_does_not_stop_an_import() {
    let pdf = std::fs::read(data().join("pdf/owner_password_only.pdf")).unwrap();
    let reference = read(&data().join("pdf/source/fa_news.txt"));
    let text = extract::extract("owner_password_only.pdf", &pdf).unwrap().text;
    assert!(words_in_order(&reference, &text) >= 0.98, "{text}");
}

#[test]
fn a_web_page_is_imported_by_its_main_text() {
    let corpus = common::catalog_and_documents_copy();
    let page = data().join("html/news_fa.html");
    let output = diplomap(corpus.path(), &["import", page.to_str().unwrap()]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let id = String::from_utf8(output.stdout).unwrap().trim().to_string();
    let documents = corpus.path().join("documents");
    let text = read(&documents.join(format!("{id}.txt")));
    assert_eq!(
        text,
        "نقش اینترپل در مقابله با تروریسم\n\n\
         به گزارش اینترپل مرکز، فعالیت‌های اطلاعاتی مرتبط با تروریسم که از طریق پروژه اینترپل کالکان به اشتراک گذاشته شده است «نظام اخطار سریع» جهانی را تقویت می‌کند.\n\n\
         در این اجلاس دو روزه، 70 محقق از 26 کشور گرد هم آمدند.\n\n\
         \u{200F}INTERPOL و یوروپل (Europol) درباره جنگجویان تروریست خارجی گفت‌وگو کردند.\n"
    );
    assert!(documents.join(format!("{id}.source.html")).is_file());
    let meta = meta_of(&documents, &id);
    assert_eq!(meta.title.fa, "نشست کارگروه اینترپل کالکان در تهران", "citation_title before <title>");
    assert_eq!((meta.year, meta.languages), (Some(2017), vec![Lang::Fa]));
    let mentions = diplomap(corpus.path(), &["index", "--json"]);
    let index = String::from_utf8_lossy(&mentions.stdout);
    assert!(index.contains(&format!("\"concept\":\"interpol\",\"document\":\"{id}\"")), "interpol found in the page");
}

/// `diplomap import FILE` fails with exit 1, a message naming the file, and writes nothing.
fn refused(file: &Path) -> String {
    let corpus = common::catalog_and_documents_copy();
    let before = document_files(corpus.path());
    let output = diplomap(corpus.path(), &["import", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stdout));
    assert_eq!(document_files(corpus.path()), before, "nothing written");
    let message = String::from_utf8_lossy(&output.stderr).into_owned();
    let name = file.file_name().unwrap().to_string_lossy();
    assert!(message.contains(name.as_ref()), "{message}");
    message
}

#[test]
fn encrypted_scanned_broken_and_huge_files_are_refused_naming_them() {
    let dir = data().join("pdf");
    assert!(refused(&dir.join("errors_encrypted.pdf")).contains("the PDF is encrypted (password-protected)"));
    assert!(refused(&dir.join("errors_image_only.pdf")).contains("no text, only images"));
    assert!(refused(&dir.join("errors_broken.pdf")).contains("not a readable PDF"));
    let tmp = tempfile::tempdir().unwrap();
    let huge = tmp.path().join("huge.pdf");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len(diplomap::corpus::import::MAX_IMPORT_BYTES + 1).unwrap();
    assert!(refused(&huge).contains("can be imported"));
    let empty_page = tmp.path().join("menu.html");
    std::fs::write(&empty_page, "<html><body><nav>Home</nav><footer>©</footer></body></html>").unwrap();
    assert!(refused(&empty_page).contains("no text outside menus"));
    let not_pdf = tmp.path().join("notes.pdf");
    std::fs::write(&not_pdf, "just text").unwrap();
    assert!(refused(&not_pdf).contains("not a readable PDF: it does not start like a PDF"));
}

#[test]
fn truncated_and_corrupted_pdfs_never_panic() {
    // Every cut of a real PDF, and bytes flipped through it: an error or a text, never a panic.
    let pdf = std::fs::read(data().join("pdf/chromium_fa_vazirmatn.pdf")).unwrap();
    for cut in (0..pdf.len()).step_by(997) {
        let _ = extract::extract("cut.pdf", &pdf[..cut]);
    }
    let mut flipped = pdf.clone();
    for i in (0..flipped.len()).step_by(331) {
        flipped[i] ^= 0x5A;
        let _ = extract::extract("flipped.pdf", &flipped);
    }
    assert!(matches!(extract::extract("cut.pdf", &pdf[..100]), Err(ExtractError::Broken { .. })));
}
