#!/usr/bin/env python3
"""Checks the hand-made logical reading of damaged lines of 002_... and writes
tests/data/repair/002_abstract.tsv from it.

The reading (tests/data/repair/002_reading.txt) is a Persian reader's work: each
stored line read piece by piece. This script proves that no letter was added or
lost, only reordered in the way PDF damage reorders them: the reading's letters
(spaces and ZWNJ left out) must be the stored line's letters cut into pieces and
the pieces written last first. The reader types Persian ی/ک; the script
writes them as the PDF's letters (see pdf_letters) before the check, which is
exact, so the fixture holds the stored line's letters and the reading's spaces
and half-spaces.

Run from the repository root:  python3 scripts/make_repair_fixture.py
"""

import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOC = next((ROOT / "corpus" / "documents").glob("002_*.txt"))
READING = ROOT / "tests" / "data" / "repair" / "002_reading.txt"
OUT = ROOT / "tests" / "data" / "repair" / "002_abstract.tsv"
GAPS = {" ", "\u200c", "\t"}


NON_JOINING = set("اآأإدذرزژو")


def pdf_letters(reading: str) -> str:
    """The reading with the PDF's letters: a word-final ی or ک after a letter
    that does not join to the left is the isolated glyph, which this PDF maps
    to Arabic ي or ك (براي, درك); everywhere else Persian ی, ک."""
    out = list(reading)
    for i, c in enumerate(out):
        final = i + 1 == len(out) or not ("\u0621" <= out[i + 1] <= "\u06d3")
        if c in "\u06cc\u06a9" and final and i > 0 and out[i - 1] in NON_JOINING:
            out[i] = "\u064a" if c == "\u06cc" else "\u0643"
    return "".join(out)


def pieces(stored: list, logical: list):
    """Stored indices of the logical letters, with the fewest pieces, or None."""
    n = len(stored)
    if n != len(logical):
        return None
    rev = stored[::-1]
    best = [None] * (n + 1)  # best[b] = (pieces, a) reaching logical[:b]
    best[0] = (0, -1)
    for b in range(1, n + 1):
        for a in range(b):
            if best[a] is None:
                continue
            chunk = rev[a:b][::-1]
            if chunk == logical[a:b]:
                cand = (best[a][0] + 1, a)
                if best[b] is None or cand < best[b]:
                    best[b] = cand
    if best[n] is None:
        return None
    cuts, b = [], n
    while b > 0:
        a = best[b][1]
        cuts.append((a, b))
        b = a
    index = []
    for a, b in reversed(cuts):
        # logical[a:b] is stored reversed-position chunk rev[a:b] read backwards,
        # i.e. stored[n-b : n-a] in stored order.
        index.extend(range(n - b, n - a))
    return index, len(cuts)


def main() -> int:
    lines = DOC.read_text(encoding="utf-8").split("\n")
    rows, bad = [], 0
    for raw in READING.read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        number, form, reading = raw.split("\t")
        reading = pdf_letters(reading)
        stored_line = lines[int(number) - 1]
        letters = [(i, c) for i, c in enumerate(stored_line) if c not in GAPS]
        logical = [c for c in reading if c not in GAPS]
        found = pieces([c for _, c in letters], logical)
        if found is None:
            print(f"{READING.name}: line {number}: reading is not a reordering of the stored line", file=sys.stderr)
            bad += 1
            continue
        index, count = found
        rows.append(f"{number}\t{form}\t{count}\t{stored_line}\t{reading}\n")
    if bad:
        return 1
    header = (
        "# line\tform\tpieces\tstored (byte for byte)\tlogical reading\n"
        "# Made by scripts/make_repair_fixture.py from 002_reading.txt (a Persian reader's\n"
        "# letter-for-letter reading); pieces = the fewest pieces that explain the reordering.\n"
    )
    OUT.write_text(header + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} lines -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
