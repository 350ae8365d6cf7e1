//! Language of every paragraph of the seeds: each seed's language, except the
//! paragraphs listed (by their first characters) with another one.

use diplomap::text::Lang;
use diplomap::text::lang::detect;
use diplomap::text::segment::paragraphs;

use crate::common::seed;

/// Checks every paragraph of seed `prefix`: `default`, or the language of the
/// first exception whose prefix starts the paragraph (`None`: no letters).
fn check(prefix: &str, default: Lang, exceptions: &[(&str, Option<Lang>)]) {
    let text = seed(prefix);
    let mut wrong = Vec::new();
    let mut used = vec![false; exceptions.len()];
    for range in paragraphs(&text) {
        let para = &text[range];
        let found = exceptions.iter().position(|(start, _)| para.starts_with(start));
        let expected = found.map_or(Some(default), |i| {
            used[i] = true;
            exceptions[i].1
        });
        let got = detect(para);
        if got != expected {
            let head: String = para.chars().take(60).collect();
            wrong.push(format!("{prefix}: expected {expected:?}, got {got:?}: {head}"));
        }
    }
    let unused: Vec<_> = exceptions.iter().zip(&used).filter(|(_, u)| !**u).map(|(e, _)| e.0).collect();
    assert!(unused.is_empty(), "exceptions that match no paragraph: {unused:?}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn seed_000_persian_then_english() {
    check("000", Lang::Fa, &[("The Goals & Functions", Some(Lang::En)), ("Police diplomacy from", Some(Lang::En))]);
}

#[test]
fn seed_001_arabic() {
    check("001", Lang::Ar, &[]);
}

#[test]
fn seed_002_persian_with_an_english_footnote() {
    // A footnote and citation fragments the PDF put on lines of their own.
    check(
        "002",
        Lang::Fa,
        &[
            ("1 . referent object of security", Some(Lang::En)),
            ("et al., 2001", Some(Lang::En)),
            ("Roberts, 2009", Some(Lang::En)),
            ("2020.(", None),
        ],
    );
}

#[test]
fn seed_003_persian_with_arabic_site_furniture() {
    // The news site's own labels are Arabic: "أخبار خاص", "عرض المزيد".
    check("003", Lang::Fa, &[("أخبارخاص", Some(Lang::Ar)), ("عرض المزيد", Some(Lang::Ar))]);
}

#[test]
fn seed_004_persian_with_english_references() {
    check(
        "004",
        Lang::Fa,
        &[
            ("11. Local Government", Some(Lang::En)),
            ("12. Bush", Some(Lang::En)),
            ("13. Canill", Some(Lang::En)),
            ("14. Dembinski", Some(Lang::En)),
            ("15. Hemert", Some(Lang::En)),
            ("16. Melissen", Some(Lang::En)),
            ("17. Phuijm", Some(Lang::En)),
            ("18. Rourke", Some(Lang::En)),
            ("19. Sizoo", Some(Lang::En)),
            ("20. Thonon", Some(Lang::En)),
        ],
    );
}
