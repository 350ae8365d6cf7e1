#!/bin/sh
# Regenerates the README's screenshots: each view opened by its address in a
# real window under Xvfb (Mesa), saved with `diplomap --screenshot`.
#
#   scripts/screenshots.sh            # builds in release, writes docs/screenshots/*.png
#   DIPLOMAP=path/to/diplomap scripts/screenshots.sh
#
# Needs xvfb (Debian: apt-get install xvfb). Exits non-zero if any view fails.
set -eu
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
if [ -z "${DIPLOMAP:-}" ]; then
    cargo build --release
    DIPLOMAP=target/release/diplomap
fi
size=1280x800

shot() { # NAME ADDRESS LANG [EXTRA...]
    name=$1 address=$2 lang=$3
    shift 3
    echo "$name: $address ($lang)"
    xvfb-run -a -s "-screen 0 1400x900x24" \
        "$DIPLOMAP" --corpus corpus --open "$address" --screenshot "$out/$name.png" \
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
