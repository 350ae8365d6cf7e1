//! The words of the web exports' interface in English, Persian and Arabic:
//! the few only the web pages say (or say otherwise) here, every other from
//! the program's own table ([`crate::i18n`]), and numbers in the interface's
//! digits.

use crate::text::Lang;

/// (key, English, Persian, Arabic): what only the web pages say, or say otherwise.
const STRINGS: &[(&str, &str, &str, &str)] = &[
    ("home", "Home", "آغاز", "الرئيسية"),
    ("aliases", "Other names", "نام‌های دیگر", "أسماء أخرى"),
    ("abstracts", "Abstracts side by side", "چکیده‌ها کنار هم", "الملخصات جنبًا إلى جنب"),
    ("in document", "in", "در", "في"),
    ("line", "line", "سطر", "السطر"),
    ("source", "Source", "منبع", "المصدر"),
    ("tour", "Tour", "گشت", "الجولة"),
    ("steps", "steps", "گام", "خطوات"),
    ("next", "Next", "بعدی", "التالي"),
    ("previous", "Previous", "قبلی", "السابق"),
    ("passage", "Passage", "بند", "المقطع"),
    ("keys", "Keys", "کلیدها", "المفاتيح"),
    ("space", "Space", "فاصله", "المسافة"),
    ("first and last", "first and last", "نخستین و واپسین", "الأول والأخير"),
    (
        "broken order",
        "Line in broken visual order (PDF damage): not indexed",
        "سطر با ترتیب دیداری آسیب‌دیده (خرابی PDF): نمایه نشده",
        "سطر بترتيب مرئي تالف (تلف PDF): غير مفهرس",
    ),
    (
        "font notice",
        "Font: Vazirmatn, © The Vazirmatn Project Authors, under the SIL Open Font License 1.1 (embedded here as a subset).",
        "قلم: وزیرمتن، © پدیدآورندگان پروژهٔ وزیرمتن، با پروانهٔ SIL Open Font License 1.1 (زیرمجموعه‌ای از آن اینجا گنجانده شده است).",
        "الخط: وزيرمتن، © مؤلفو مشروع وزيرمتن، بموجب رخصة SIL Open Font License 1.1 (مضمّن هنا جزئيًا).",
    ),
    ("licence text", "The font's licence", "پروانهٔ قلم", "رخصة الخط"),
    ("made with", "Exported from diplomap.", "خروجی دیپلومپ.", "مُصدَّر من ديبلوماب."),
    ("section Contents", "Contents", "فهرست", "المحتويات"),
    ("section Other", "Section", "بخش", "قسم"),
];

/// The interface string `key` in `lang`: the web pages' own, else the
/// program's, else the key itself (so a forgotten string shows instead of failing).
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    match STRINGS.iter().find(|(k, ..)| *k == key) {
        Some((_, en, fa, ar)) => match lang {
            Lang::En => en,
            Lang::Fa => fa,
            Lang::Ar => ar,
        },
        None => crate::i18n::tr(lang, key),
    }
}

/// `text` with its ASCII digits in `lang`'s digits (Persian ۰–۹, Arabic-Indic ٠–٩,
/// the Arabic decimal separator in both).
pub fn digits(lang: Lang, text: impl std::fmt::Display) -> String {
    crate::i18n::number(lang, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_three_languages() {
        for (key, en, fa, ar) in STRINGS {
            assert!(!en.is_empty() && !fa.is_empty() && !ar.is_empty(), "{key}");
        }
        assert_eq!(tr(Lang::Fa, "map"), "نقشه");
        assert_eq!(tr(Lang::Fa, "no such key"), "no such key");
    }

    #[test]
    fn numbers_in_the_interface_digits() {
        assert_eq!(digits(Lang::Fa, 2021), "۲۰۲۱");
        assert_eq!(digits(Lang::Ar, "3.5"), "٣٫٥");
        assert_eq!(digits(Lang::Fa, "4.0"), "۴٫۰");
        assert_eq!(digits(Lang::En, 7), "7");
    }
}
