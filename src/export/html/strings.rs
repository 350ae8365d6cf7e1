//! The words of the web exports' interface in English, Persian and Arabic
//! (the same wording as the program's own interface where both say a thing),
//! and numbers in the interface's digits.

use crate::text::Lang;

/// (key, English, Persian, Arabic)
const STRINGS: &[(&str, &str, &str, &str)] = &[
    ("app", "diplomap", "دیپلومپ", "ديبلوماب"),
    ("home", "Home", "آغاز", "الرئيسية"),
    ("map", "Map", "نقشه", "الخريطة"),
    ("search", "Search", "جست‌وجو", "بحث"),
    ("search hint", "Search everything", "جست‌وجو در همه‌چیز", "البحث في كل شيء"),
    ("no results", "Nothing found", "چیزی یافت نشد", "لم يُعثر على شيء"),
    ("concepts", "Concepts", "مفهوم‌ها", "المفاهيم"),
    ("documents", "Documents", "متن‌ها", "الوثائق"),
    ("DiplomacyForm", "Forms of diplomacy", "گونه‌های دیپلماسی", "أشكال الدبلوماسية"),
    ("Threat", "Threats", "تهدیدها", "التهديدات"),
    ("Organisation", "Organisations", "سازمان‌ها", "المنظمات"),
    ("Topic", "Topics", "موضوع‌ها", "المواضيع"),
    ("mentions", "Mentions", "اشاره‌ها", "الإشارات"),
    ("related", "Related concepts", "مفهوم‌های مرتبط", "مفاهيم ذات صلة"),
    ("evidence count", "evidence", "شاهد", "شواهد"),
    ("summary", "Summary", "خلاصه", "الملخص"),
    ("labels", "Names", "نام‌ها", "الأسماء"),
    ("aliases", "Other names", "نام‌های دیگر", "أسماء أخرى"),
    ("notes", "Notes", "یادداشت‌ها", "الملاحظات"),
    ("main note", "Main note", "یادداشت اصلی", "الملاحظة الرئيسية"),
    ("passage notes", "Notes on passages", "یادداشت‌های بندها", "ملاحظات على المقاطع"),
    ("sections", "Sections", "بخش‌ها", "الأقسام"),
    ("side by side", "Side by side", "کنار هم", "جنبًا إلى جنب"),
    ("abstracts", "Abstracts side by side", "چکیده‌ها کنار هم", "الملخصات جنبًا إلى جنب"),
    ("open document", "Open document", "گشودن متن", "فتح الوثيقة"),
    ("in document", "in", "در", "في"),
    ("line", "line", "سطر", "السطر"),
    ("weight", "weight", "وزن", "الوزن"),
    ("source", "Source", "منبع", "المصدر"),
    ("year", "Year", "سال", "السنة"),
    ("tours", "Tours", "گشت‌ها", "الجولات"),
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
    ("no mentions", "No mentions in the corpus", "در پیکره اشاره‌ای نیست", "لا إشارات في المدوّنة"),
    (
        "font notice",
        "Font: Vazirmatn, © The Vazirmatn Project Authors, under the SIL Open Font License 1.1 (embedded here as a subset).",
        "قلم: وزیرمتن، © پدیدآورندگان پروژهٔ وزیرمتن، با پروانهٔ SIL Open Font License 1.1 (زیرمجموعه‌ای از آن اینجا گنجانده شده است).",
        "الخط: وزيرمتن، © مؤلفو مشروع وزيرمتن، بموجب رخصة SIL Open Font License 1.1 (مضمّن هنا جزئيًا).",
    ),
    ("licence text", "The font's licence", "پروانهٔ قلم", "رخصة الخط"),
    ("made with", "Exported from diplomap.", "برون‌بری از دیپلومپ.", "مُصدَّر من ديبلوماب."),
    ("co-occurrence", "mentioned together", "هم‌آیی", "تواتر مشترك"),
    ("counters", "counters", "مقابله می‌کند با", "يكافح"),
    ("member-of", "member of", "عضو", "عضو في"),
    ("partner-of", "partner of", "شریک", "شريك"),
    ("observer-of", "observer of", "ناظر", "مراقب في"),
    ("works-through", "works through", "از راه", "يعمل من خلال"),
    ("part-of", "part of", "بخشی از", "جزء من"),
    ("fuels", "fuels", "دامن می‌زند به", "يغذي"),
    ("serves", "serves", "در خدمت", "يخدم"),
    ("related-to", "related to", "مرتبط با", "مرتبط بـ"),
    ("section Title", "Title", "عنوان", "العنوان"),
    ("section Abstract", "Abstract", "چکیده", "الملخص"),
    ("section Keywords", "Keywords", "کلیدواژه‌ها", "الكلمات المفتاحية"),
    ("section Contents", "Contents", "فهرست", "المحتويات"),
    ("section Body", "Text", "متن", "النص"),
    ("section References", "References", "منابع", "المراجع"),
    ("section Other", "Section", "بخش", "قسم"),
];

/// The interface string `key` in `lang` (the key itself if it is missing,
/// so a forgotten string shows instead of failing).
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    match STRINGS.iter().find(|(k, ..)| *k == key) {
        Some((_, en, fa, ar)) => match lang {
            Lang::En => en,
            Lang::Fa => fa,
            Lang::Ar => ar,
        },
        None => key,
    }
}

/// `text` with its ASCII digits in `lang`'s digits (Persian ۰–۹, Arabic-Indic ٠–٩).
pub fn digits(lang: Lang, text: impl std::fmt::Display) -> String {
    let zero = match lang {
        Lang::Fa => 0x06F0,
        Lang::Ar => 0x0660,
        Lang::En => return text.to_string(),
    };
    // The decimal separator is the Arabic one, U+066B, in both.
    text.to_string()
        .chars()
        .map(|c| if c == '.' { '\u{066B}' } else { c.to_digit(10).and_then(|d| char::from_u32(zero + d)).unwrap_or(c) })
        .collect()
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
