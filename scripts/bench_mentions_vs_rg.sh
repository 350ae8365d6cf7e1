#!/usr/bin/env bash
# Mention finding (fold + Matcher::find_folded) against ripgrep on the same
# bytes: every label and alias of the catalog, over the synthetic corpus (the
# seeds' paragraphs shuffled to MB megabytes, default 100) written as one file.
#
#   scripts/bench_mentions_vs_rg.sh [MB]
#
# ripgrep runs `rg -F -c -f patterns.txt big.txt` (fixed strings, count of
# matching lines) and `rg -F -o -f patterns.txt big.txt | wc -l` (every
# match). It matches exact bytes: no folding, no word boundaries, so it is
# a lower bound for our job, not the same job. Needs ripgrep on PATH.
set -euo pipefail

mb="${1:-100}"
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --no-default-features --example mentions_throughput
bin="$target/release/examples/mentions_throughput"
"$bin" write "$work" "$mb"
echo "patterns: $(wc -l < "$work/patterns.txt") surface forms"

# Warm the page cache so both read the file from memory.
cat "$work/big.txt" > /dev/null

# With taskset, also on one core: the matcher cuts texts over 4 MB into
# pieces found on several threads, and `rg` searches one file on one.
one_core=()
if command -v taskset > /dev/null; then
    one_core=(taskset -c 0)
fi

for run in 1 2 3; do
    echo "--- run $run"
    "$bin" run "$work/big.txt"
    if [ ${#one_core[@]} -gt 0 ]; then
        echo -n "one core: "
        "${one_core[@]}" "$bin" run "$work/big.txt"
    fi
    start=$(date +%s.%N)
    lines=$(rg -F -c -f "$work/patterns.txt" "$work/big.txt")
    end=$(date +%s.%N)
    echo "rg -F -c: $lines matching lines in $(echo "$end - $start" | bc) s"
    start=$(date +%s.%N)
    matches=$(rg -F -o -f "$work/patterns.txt" "$work/big.txt" | wc -l)
    end=$(date +%s.%N)
    echo "rg -F -o | wc -l: $matches matches in $(echo "$end - $start" | bc) s"
done
