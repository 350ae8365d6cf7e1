use super::*;

fn check(stored: &str, expected: &str) {
    let got = repair_line(stored, Vocabulary::bundled_ref());
    assert_eq!(got.text, expected, "{stored:?} (confidence {})", got.confidence);
}

#[test]
fn heavy_damage_is_read_in_order() {
    check(" .تیامن نیتأم", "تأمین امنیت.");
    check(" ن کلیديواژگا", "واژگان کلیدي");
}

#[test]
fn clean_lines_stay() {
    for line in ["بحث اصلی این مقاله نسبت بین حکمرانی امنیت ملی و سیاست خارجی است.", "Police diplomacy", "", "  چکیده"]
    {
        check(line, line);
    }
}
