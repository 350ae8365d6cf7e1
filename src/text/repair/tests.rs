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

/// The bundled words plus the pairs of `text`'s lines.
fn vocabulary_with_pairs(text: &str) -> Vocabulary {
    let mut vocab = Vocabulary::bundled();
    vocab.add_word_pairs(crate::text::Lang::Fa, text);
    vocab
}

#[test]
fn pairs_are_counted_on_folded_letters_between_gaps() {
    let vocab = vocabulary_with_pairs("تأمین امنیت ملی\nتامين امنیت، دولت\nامنیت تأمین");
    let fa = vocab.lexicon(crate::text::Lang::Fa).unwrap();
    let key = |w: &str| -> Vec<char> { w.chars().filter_map(letters::key_letter).collect() };
    assert_eq!(fa.pair_count(&key("تأمین"), &key("امنیت")), 2, "hamza and Arabic yeh fold");
    assert_eq!(fa.pair_count(&key("امنیت"), &key("تأمین")), 1);
    assert_eq!(fa.pair_count(&key("امنیت"), &key("دولت")), 0, "a comma stands between them");
}

#[test]
fn a_word_split_across_the_line_ends_is_read_whole() {
    // «دست‌کم» cut at its half-space: «کم» opens the stored line, «دست» ends it.
    let got = repair_line("کم شامل سرزمین، مردم و حکومت است که دست", Vocabulary::bundled_ref());
    assert!(got.repaired, "{got:?}");
    assert!(got.text.contains("دست\u{200C}کم"), "{}", got.text);
}

#[test]
fn the_next_line_decides_where_a_line_of_two_pieces_starts() {
    // «می‌گذارد؟ دو مفهوم … تأمین» cut at «می‌|گذارد», written last first.
    // Read alone, any gap could be where the line starts; the next line
    // opens with «امنیت», and the corpus says «تأمین امنیت».
    let stored = "گذارد؟ دو مفهوم کلیدي این نوشته است. تأمین می\nامنیت مهم‌ترین کارویژه دولت است.";
    let vocab = vocabulary_with_pairs("تأمین امنیت ملی\nبرای تأمین امنیت\nتأمین امنیت شهروندان");
    let reading = ReadingText::new(stored, &vocab);
    let first = &reading.text[reading.lines[0].reading.clone()];
    assert_eq!(first, "می‌گذارد؟ دو مفهوم کلیدي این نوشته است. تأمین");
}
