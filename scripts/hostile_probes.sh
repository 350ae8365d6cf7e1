#!/usr/bin/env bash
# The hostile probes: tries to make diplomap lose data, hang or accept bad
# input, always on throw-away copies of the corpus, and says PASS or FAIL for
# each. Exit status 1 if any probe failed.
#
#   scripts/hostile_probes.sh [PATH-TO-diplomap]
#
# Default binary: target/release/diplomap, else target/debug/diplomap (build
# one first with `cargo build`). The full-disk probe mounts a small tmpfs
# and runs only as root (it says so and skips otherwise). Every defect probed
# here also has a test in `cargo test` (tests/core/output_errors.rs,
# export_overwrite.rs, unknown_fields.rs, import_lock.rs, input_limits.rs,
# check_misses.rs, robustness.rs); the script is the same run by hand,
# against a real shell, pipes and devices.
set -uo pipefail
cd "$(dirname "$0")/.."

bin=${1:-}
if [ -z "$bin" ]; then
    for candidate in target/release/diplomap target/debug/diplomap; do
        [ -x "$candidate" ] && bin=$candidate && break
    done
fi
[ -n "$bin" ] && [ -x "$bin" ] || { echo "no diplomap binary: run 'cargo build' or pass its path" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d)
trap 'umount "$work/full" 2>/dev/null; rm -rf "$work"' EXIT
failed=0

pass() { printf 'PASS  %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failed=1; }
# expect NAME WANTED-EXIT CMD… : runs CMD (10 s at most), compares its exit status
# (0 success, 1 bad input, 2 bad usage: the command-line contract).
expect() {
    local name=$1 wanted=$2; shift 2
    timeout 10 "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" = "$wanted" ]; then pass "$name"; else fail "$name (exit $got, wanted $wanted: $(head -c 300 "$work/err"))"; fi
}
# fresh: a new copy of the bundled corpus in $work/c, its path on stdout.
fresh() { rm -rf "$work/c"; cp -r corpus "$work/c"; echo "$work/c"; }

echo "diplomap hostile probes with $bin"

# 1. Output cut short must not exit 0; a closed pipe ends quietly.
c=$(fresh)
echo "الإنتربول و يوروبول" >"$work/text"
expect "mentions > /dev/full exits 1" 1 sh -c "'$bin' mentions --corpus '$c' '$work/text' >/dev/full"
expect "index > /dev/full exits 1" 1 sh -c "'$bin' index --corpus '$c' --json >/dev/full"
expect "check > /dev/full exits 1" 1 sh -c "'$bin' check --corpus '$c' >/dev/full"
expect "index --json | head: no panic" 0 sh -c "'$bin' index --corpus '$c' --json | head -c 10 >/dev/null; s=\${PIPESTATUS:-0}; exit 0"
"$bin" index --corpus "$c" --json 2>"$work/err" | head -c 10 >/dev/null
if grep -q panicked "$work/err"; then fail "closed pipe: panicked"; else pass "closed pipe: no panic message"; fi

# 2. Exports never replace a file that is not an earlier export, nor write into the corpus.
c=$(fresh)
cp "$c/concepts.ron" "$work/catalog-before"
expect "export into the corpus refused" 1 "$bin" export --corpus "$c" --format png --out "$c/concepts.ron"
if cmp -s "$c/concepts.ron" "$work/catalog-before"; then pass "catalog untouched"; else fail "catalog changed by an export"; fi
echo "my thesis" >"$work/thesis.docx"
expect "export over a foreign file refused" 1 "$bin" export --corpus "$c" --format svg --out "$work/thesis.docx"
grep -q "my thesis" "$work/thesis.docx" && pass "foreign file untouched" || fail "foreign file replaced"
expect "export to a new file" 0 "$bin" export --corpus "$c" --format svg --out "$work/map.svg"
expect "export over an earlier export" 0 "$bin" export --corpus "$c" --format svg --out "$work/map.svg"
expect "export --force over a foreign file" 0 "$bin" export --corpus "$c" --format svg --out "$work/thesis.docx" --force

# 3. Misspelled fields are errors.
c=$(fresh)
sed -i '0,/aliases:/s//alias:/' "$c/concepts.ron"
expect "misspelled 'alias:' fails check" 1 "$bin" check --corpus "$c"
grep -q "did you mean" "$work/out" "$work/err" && pass "did-you-mean given" || fail "no did-you-mean for 'alias:'"

# 4. Concurrent imports get distinct ids, the same file only once.
c=$(fresh)
for i in $(seq 1 10); do echo "Interpol and Europol, text number $i." >"$work/doc$i.txt"; done
for i in $(seq 1 10); do "$bin" import --corpus "$c" "$work/doc$i.txt" >"$work/id$i" 2>/dev/null & done; wait
ids=$(cat "$work"/id* | cut -c1-3 | sort | uniq -d)
[ -z "$ids" ] && pass "10 concurrent imports: distinct numbers" || fail "repeated numbers: $ids"
c=$(fresh)
for i in 1 2 3 4; do "$bin" import --corpus "$c" "$work/doc1.txt" >/dev/null 2>&1 & done; wait
n=$(grep -l "text number 1\." "$c"/documents/*.txt | wc -l)
[ "$n" = 1 ] && pass "same file imported at once: once" || fail "same file got in $n times"

# 5. Memory and blocking input are bounded.
c=$(fresh)
expect "8192x8192 at scale 8 refused" 2 "$bin" export --corpus "$c" --format png --size 8192x8192 --scale 8 --out "$work/huge.png"
grep -qi "pixel" "$work/err" && pass "the pixel bound is said" || fail "no pixel bound in: $(head -c 200 "$work/err")"
mkfifo "$work/fifo"
expect "import of a FIFO refused, not blocked" 1 "$bin" import --corpus "$c" "$work/fifo"
expect "note body from /dev/zero capped" 1 "$bin" note --corpus "$c" set interpol --text-file /dev/zero
expect "mentions of /dev/zero bounded" 1 sh -c "head -c 300000000 /dev/zero | '$bin' mentions --corpus '$c' - >/dev/null"

# 6. Leftovers are reported.
c=$(fresh)
echo junk >"$c/documents/.diplomap-abc123.tmp"
touch -d '2 hours ago' "$c/documents/.diplomap-abc123.tmp"
"$bin" check --corpus "$c" >"$work/out" 2>&1
grep -q "diplomap-abc123" "$work/out" && pass "stale temporary file reported" || fail "stale temporary file not reported"

# 7. check misses.
c=$(fresh)
head -c 4096 /dev/urandom >"$c/layout.ron"
expect "garbage layout.ron fails check" 1 "$bin" check --corpus "$c"
c=$(fresh)
mkdir -p "$c/notes/interpol.ron"
expect "a folder named notes/interpol.ron fails check" 1 "$bin" check --corpus "$c"
c=$(fresh)
ln -s "$work/nowhere" "$c/notes"
expect "a dangling notes link fails check" 1 "$bin" check --corpus "$c"
c=$(fresh)
sed -i '0,/                fa: \[/s//                fa: [ "",/' "$c/concepts.ron"
"$bin" check --corpus "$c" >"$work/out" 2>&1
grep -q "concepts.ron:[0-9]*:[0-9]*: .*empty alias" "$work/out" && pass "empty alias reported at FILE:LINE:COL" || fail "empty alias not reported"

# 8. Messages say what is wrong.
c=$(fresh)
expect "--size 100000x100000 refused" 2 "$bin" export --corpus "$c" --format png --size 100000x100000 --out "$work/x.png"
grep -Eq "[0-9]{4}" "$work/err" && pass "the size limit is said" || fail "no limit in: $(head -c 200 "$work/err")"
printf '   \n\t\n' >"$work/blank.txt"
expect "whitespace-only import refused" 1 "$bin" import --corpus "$c" "$work/blank.txt"

# Full disk: a 2 MiB tmpfs (root only).
if [ "$(id -u)" = 0 ] && mkdir -p "$work/full" && mount -t tmpfs -o size=2m tmpfs "$work/full" 2>/dev/null; then
    cp -r corpus "$work/full/c" 2>/dev/null
    head -c 3000000 /dev/zero >"$work/full/filler" 2>/dev/null
    printf 'a note that must not be half written\n' >"$work/note"
    before=$("$bin" note --corpus "$work/full/c" get interpol 2>/dev/null | md5sum)
    "$bin" note --corpus "$work/full/c" set interpol --text-file "$work/note" >/dev/null 2>&1
    status=$?
    after=$("$bin" note --corpus "$work/full/c" get interpol 2>/dev/null | md5sum)
    new=$(md5sum <"$work/note")
    if [ "$status" != 0 ] && [ "$before" = "$after" ]; then pass "full disk: note set fails, old note intact"
    elif [ "$status" = 0 ] && [ "$after" = "$new" ]; then pass "full disk: note set written whole"
    else fail "full disk: note set exit $status, note changed to something else"; fi
    expect "full disk: export fails cleanly" 1 "$bin" export --corpus "$work/full/c" --format png --out "$work/full/map.png"
    [ -e "$work/full/map.png" ] && fail "half-written export left" || pass "no half-written export"
    umount "$work/full"
else
    echo "SKIP  full disk (needs root to mount a tmpfs)"
fi

[ "$failed" = 0 ] && echo "all probes passed" || echo "some probes FAILED"
exit "$failed"
