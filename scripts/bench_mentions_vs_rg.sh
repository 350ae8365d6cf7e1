#!/usr/bin/env bash
# Mention finding (fold + Matcher::find_folded) against ripgrep on the same
# bytes: every label and alias of the catalog, over the synthetic corpus (the
# seeds' paragraphs shuffled to MB megabytes, default 100) written as one file.
#
#   scripts/bench_mentions_vs_rg.sh [MB]
#
# The `one core:` lines pin both programs to core 0 (taskset) and give wall
# time and CPU time: diplomap's find (best of REPEATS, default 3, in one
# process; CPU time of the finding thread) and ripgrep's whole run (user +
# system, reading the file included; best of REPEATS too). On a busy machine CPU time is the
# steadier figure; compare the lines of the same run.
#
# ripgrep runs `rg -F -c -f patterns.txt big.txt` (fixed strings, count of
# matching lines) and `rg -F -o -f patterns.txt big.txt | wc -l` (every
# match). It matches exact bytes: no folding, no word boundaries, so it is
# a lower bound for our job, not the same job. Needs ripgrep on PATH.
set -euo pipefail

mb="${1:-100}"
# diplomap's figure is the best of this many finds in one process.
repeats="${REPEATS:-3}"
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
        "${one_core[@]}" "$bin" run "$work/big.txt" "$repeats"
    fi
    start=$(date +%s.%N)
    lines=$(rg -F -c -f "$work/patterns.txt" "$work/big.txt")
    end=$(date +%s.%N)
    echo "rg -F -c: $lines matching lines in $(echo "$end - $start" | bc) s"
    if [ ${#one_core[@]} -gt 0 ]; then
        best_wall=""
        best_cpu=""
        for _ in $(seq "$repeats"); do
            start=$(date +%s.%N)
            times=$( { /usr/bin/time -f "%U %S" "${one_core[@]}" rg -F -c -f "$work/patterns.txt" "$work/big.txt" > /dev/null; } 2>&1 )
            end=$(date +%s.%N)
            wall=$(echo "$end - $start" | bc)
            cpu=$(echo "$times" | awk '{print $1 + $2}')
            best_wall=$(echo "$wall $best_wall" | awk '{print ($2 == "" || $1 < $2) ? $1 : $2}')
            best_cpu=$(echo "$cpu $best_cpu" | awk '{print ($2 == "" || $1 < $2) ? $1 : $2}')
        done
        echo "one core: rg -F -c in $best_wall s, CPU $best_cpu s (best of $repeats)"
    fi
    start=$(date +%s.%N)
    matches=$(rg -F -o -f "$work/patterns.txt" "$work/big.txt" | wc -l)
    end=$(date +%s.%N)
    echo "rg -F -o | wc -l: $matches matches in $(echo "$end - $start" | bc) s"
done
