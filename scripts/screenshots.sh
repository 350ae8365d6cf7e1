#!/bin/sh
# Regenerates the README's screenshots: each view opened by its address in a
# real window under Xvfb (Mesa), saved with `diplomap --screenshot`.
#
#   scripts/screenshots.sh            # builds in release, writes docs/screenshots/*.png
#   DIPLOMAP=path/to/diplomap OUT=/tmp/shots scripts/screenshots.sh
#
# Needs xvfb (Debian: apt-get install xvfb). Exits non-zero if any view fails.
set -eu
cd "$(dirname "$0")/.."
out=${OUT:-docs/screenshots}
mkdir -p "$out"
if [ -z "${DIPLOMAP:-}" ]; then
    cargo build --release
    DIPLOMAP=target/release/diplomap
fi
size=1280x800

corpus=corpus
shot() { # NAME ADDRESS LANG [EXTRA...]
    name=$1 address=$2 lang=$3
    shift 3
    echo "$name: $address ($lang)"
    xvfb-run -a -s "-screen 0 1400x900x24" \
        "$DIPLOMAP" --corpus "$corpus" --open "$address" --screenshot "$out/$name.png" \
        --size "$size" --ui-lang "$lang" "$@"
}

shot reader-kalkan-fa      "document:003_412e824fada4b61c" fa
shot reader-city-en        "document:004_be513f05f174dac0#abstract-fa" en
shot compare-abstracts-fa  "compare:000_d179677d1f4e20a5" fa
shot concept-police-en     "concept:police-diplomacy" en
shot concept-interpol-ar   "concept:interpol" ar
shot map-en                "map" en
shot map-focus-fa          "map?focus=police-diplomacy&depth=1" fa
shot search-fa             "search:دیپلماسی پلیس" fa
shot tour-en               "tour:police-diplomacy:2" en
shot presenter-fa          "tour:police-diplomacy:2" fa --present
shot reader-dark-en        "document:001_06edd9455f6f2070" en --theme dark

# Notes: a copy of the corpus with an editor's notes on INTERPOL — a main note
# mixing Persian, Latin and digits, and a note on a passage of the Kalkan news.
notes_corpus=$(mktemp -d)
trap 'rm -rf "$notes_corpus"' EXIT
cp -R corpus/. "$notes_corpus"
mkdir -p "$notes_corpus/notes"
cat > "$notes_corpus/notes/interpol.ron" <<'RON'
(
    version: 1,
    concept: "interpol",
    notes: [
        (
            id: "main",
            created: "2026-11-23T10:00:00Z",
            updated: "2026-11-23T10:05:00Z",
            body: "اینترپل (INTERPOL) با ۱۹۶ عضو بزرگ‌ترین سازمان پلیس جهان است.\nSee the 2021 Kalkan meeting in Tehran.",
        ),
        (
            id: "n1",
            anchor: Some((
                document: "003_412e824fada4b61c",
                start: 247,
                end: 285,
                quote: "پروژه اینترپل کالکان",
            )),
            created: "2026-11-23T10:10:00Z",
            updated: "2026-11-23T10:12:00Z",
            body: "کالکان (Kalkan) پروژه‌ای برای آسیای مرکزی است؛ سال ۲۰۲۱ در تهران.",
        ),
    ],
)
RON
corpus=$notes_corpus
shot notes-concept-fa      "concept:interpol" fa
shot notes-reader-fa       "document:003_412e824fada4b61c@247" fa
