#!/usr/bin/env python3
"""Generates src/text/data/freq_fa.tsv and freq_ar.tsv, the Persian and Arabic
word-frequency lists the repair of broken visual order (src/text/repair/)
scores its readings with.

The lists come from the PyPI package wordfreq 3.1.1 (its "small" lists for fa and
ar; code Apache-2.0, data CC BY-SA 4.0, see src/text/data/WORDFREQ-LICENSE.txt).
Each output line is `word<TAB>centibels`: the word's frequency is
10^(-centibels/100). Tokens without an Arabic-script letter, and one-letter
tokens other than و (a lone letter is what PDF damage leaves, not a word), are
dropped; at most LIMIT words per language are kept, most frequent first.

Needs the wheel and msgpack (pip download --no-deps wordfreq==3.1.1; pip install msgpack).
Run from the repository root:  python3 scripts/gen_word_freq.py PATH/TO/wordfreq-3.1.1-py3-none-any.whl
"""

import gzip
import io
import pathlib
import re
import sys
import zipfile

import msgpack

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "text" / "data"
LIMIT = {"fa": 40000, "ar": 40000}
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
KEEP_SINGLE = {"\u0648"}


def main() -> int:
    wheel = zipfile.ZipFile(sys.argv[1])
    for lang, limit in LIMIT.items():
        packed = wheel.read(f"wordfreq/data/small_{lang}.msgpack.gz")
        buckets = msgpack.unpackb(gzip.open(io.BytesIO(packed)).read(), raw=False)
        rows = []
        for centibels, words in enumerate(buckets[1:]):
            for word in sorted(words):
                if "\t" in word or "\n" in word or not ARABIC_LETTER.search(word):
                    continue
                if len(word) == 1 and word not in KEEP_SINGLE:
                    continue
                rows.append(f"{word}\t{centibels}\n")
        rows = rows[:limit]
        (OUT / f"freq_{lang}.tsv").write_text("".join(rows), encoding="utf-8")
        print(f"{lang}: {len(rows)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
