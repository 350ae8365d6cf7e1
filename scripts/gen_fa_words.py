#!/usr/bin/env python3
"""Generates src/text/data/fa_words.txt, the Persian word list used by
src/text/broken_order.rs to tell well-formed words from words in broken
visual order.

The list is the folded tokens of the well-formed Persian seeds (000, 003,
004 under corpus/documents/) plus a short hand-written list of common
Persian words. The damaged seed (002) is deliberately left out: it is what
the detector is measured on.

Run from the repository root:  python3 scripts/gen_fa_words.py
"""

import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ["000_", "003_", "004_"]
OUT = ROOT / "src" / "text" / "data" / "fa_words.txt"

# Common Persian words (function words, frequent verbs and nouns), written
# by hand; they keep the list useful beyond the seeds' vocabulary.
COMMON = """
از به با در بر برای تا که را و یا اما ولی اگر چون چه هم نیز این آن همین همان
است هست بود باشد شد شود شده کرد کند کنند کرده دارد دارند داشت داشته خواهد
می نمی ها های ای یک یکی دو سه چهار پنج ده صد هزار اول دوم سوم نخست
یعنی یکدیگر یکسان یکسانی یافت یافته یابد یابند یاد یاری یقین یکپارچه یکم
علیه بیش کم پیش پس میان بین درباره بدون همچنین بنابراین زیرا چنین چنان
هر همه هیچ دیگر دیگری خود خویش او ما شما آنها ایشان وی
باید نباید توان تواند توانند نیست نیستند هستند بودند شوند گیرد گیرند
کشور کشورها دولت دولتها ملت مردم جهان جهانی ملی بینالمللی منطقهای سیاسی
اقتصادی اجتماعی فرهنگی نظامی امنیت امنیتی سیاست خارجی داخلی قدرت نظام
حکومت جامعه روابط همکاری تهدید تهدیدات منافع اهداف راهبرد راهبردی ابزار
سازمان سازمانها نقش عنوان طریق دلیل زمان سال حال نظر مورد شکل اساس
"""


def fold(text: str) -> str:
    text = text.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9")
    text = text.replace("\u0649", "\u06cc")
    return re.sub("[\u064b-\u065f\u0670\u0640]", "", text)


def tokens(text: str):
    for word in re.split("[\\s\u200c]+", fold(text)):
        word = re.sub("[^\u0621-\u06ff]", "", word)
        word = re.sub("[\u06f0-\u06f9\u0660-\u0669\u066a-\u066d\u06d4]", "", word)
        if word:
            yield word


def main() -> None:
    words = set(tokens(COMMON))
    for path in sorted((ROOT / "corpus" / "documents").glob("*.txt")):
        if any(path.name.startswith(seed) for seed in SEEDS):
            words.update(tokens(path.read_text(encoding="utf-8")))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
