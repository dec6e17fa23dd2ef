#!/bin/sh
# tests/run.sh — runs every test suite and adds up their results.
#
# Suites, in order: each unit-test binary $BUILD/tests/* (built from
# tests/unit/*.c), then tests/run-scripts.sh, tests/run-bad.sh, every other
# tests/run-*.sh (run-valgrind.sh excepted: `make valgrind` runs it), and
# every tests/*/run.sh (the torch differential test).
#
# A suite prints `ok - name`, `not ok - name: reason` or `skip - name:
# reason` per test and exits 0. Here every `not ok` line is shown with the
# detail lines the suite printed after it, every skip line too, then one
# summary line per suite. A suite that exits nonzero, dies by a signal or
# runs past its time limit counts as one more failure; so does one that
# reports no test at all. The last line is `N passed, N failed` (with
# `, N skipped` when any were); the exit status is 1 when anything failed.
#
# Environment: MGRAD (default build/mgrad), BUILD (default build),
# SUITE_TIMEOUT (seconds per suite, default 600).

MGRAD=${MGRAD:-build/mgrad}
BUILD=${BUILD:-build}
case $MGRAD in
/*) ;;
*) MGRAD=$(pwd)/$MGRAD ;;
esac
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
export MGRAD BUILD
NO_COLOR=1
export NO_COLOR
# Sanitizer builds: a report exits 86, which no suite mistakes for the
# ordinary exit status 1 of a script error.
ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=86:print_stacktrace=1}
LSAN_OPTIONS=${LSAN_OPTIONS:-exitcode=86}
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
limit=${SUITE_TIMEOUT:-600}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-check.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

total_pass=0
total_fail=0
total_skip=0

now_ms() {
    t=$(date +%s%N 2>/dev/null)
    case $t in
    *N | "") echo $(($(date +%s) * 1000)) ;;
    *) echo $((t / 1000000)) ;;
    esac
}

# suite NAME COMMAND...: run one suite, show what failed, add it up.
suite() {
    name=$1
    shift
    start=$(now_ms)
    if command -v timeout >/dev/null 2>&1; then
        timeout -k 10 "$limit" "$@" </dev/null >"$tmp/out" 2>&1
    else
        "$@" </dev/null >"$tmp/out" 2>&1
    fi
    status=$?
    elapsed=$(($(now_ms) - start))

    # Count the result lines; print each `not ok` with the lines that
    # follow it up to the next result (at most 40), and each skip.
    awk -v counts="$tmp/counts" '
        /^ok( |$)/       { pass++; follow = 0; next }
        /^not ok( |$)/   { fail++; print "  " $0; follow = 1; shown = 0; next }
        /^skip( |$)/     { skip++; print "  " $0; follow = 0; next }
        follow && shown < 40 { print "    " $0; shown++; next }
        follow && shown == 40 { print "    ..."; shown++ }
        END { printf "%d %d %d\n", pass, fail, skip > counts }
    ' "$tmp/out"
    read -r pass fail skip <"$tmp/counts"

    reason=""
    if [ "$status" -eq 124 ] && command -v timeout >/dev/null 2>&1; then
        reason="timed out after $limit s"
    elif [ "$status" -gt 128 ]; then
        reason="ended by signal $((status - 128))"
    elif [ "$status" -ne 0 ]; then
        reason="exit status $status"
    elif [ $((pass + fail + skip)) -eq 0 ]; then
        reason="reported no tests"
    fi
    took="$((elapsed / 1000)).$((elapsed % 1000 / 100)) s"
    if [ -n "$reason" ]; then
        fail=$((fail + 1))
        echo "  not ok - $name: the suite itself failed: $reason; its last lines:"
        tail -n 8 "$tmp/out" | cut -c 1-200 | sed 's/^/    /'
        took="$took; $reason"
    fi

    line="$name: $pass passed, $fail failed"
    [ "$skip" -gt 0 ] && line="$line, $skip skipped"
    echo "$line ($took)"
    total_pass=$((total_pass + pass))
    total_fail=$((total_fail + fail))
    total_skip=$((total_skip + skip))
}

if [ ! -x "$MGRAD" ]; then
    echo "  not ok - $MGRAD is not built"
    total_fail=$((total_fail + 1))
fi

for unit in "$BUILD"/tests/*; do
    if [ ! -f "$unit" ] || [ ! -x "$unit" ]; then
        continue
    fi
    suite "unit ${unit##*/}" "$unit"
done

suite scripts sh tests/run-scripts.sh
suite bad-input sh tests/run-bad.sh
for runner in tests/run-*.sh; do
    case ${runner##*/} in
    run-scripts.sh | run-bad.sh | run-valgrind.sh) continue ;;
    esac
    [ -f "$runner" ] || continue
    name=${runner##*/run-}
    suite "${name%.sh}" sh "$runner"
done
for runner in tests/*/run.sh; do
    [ -f "$runner" ] || continue
    name=${runner%/run.sh}
    suite "${name##*/}" sh "$runner"
done

line="$total_pass passed, $total_fail failed"
[ "$total_skip" -gt 0 ] && line="$line, $total_skip skipped"
echo "$line"
[ "$total_fail" -eq 0 ]
