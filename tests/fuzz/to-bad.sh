#!/bin/sh
# tests/fuzz/to-bad.sh — turns a fuzzer finding into a case of the
# bad-input corpus:
#
#   tests/fuzz/to-bad.sh FINDING NAME      e.g.
#   tests/fuzz/to-bad.sh build/fuzz/out/default/crashes/id:000000,... backward-constant
#
# 1. Checks that the finding reproduces, with the fuzz harness
#    (build/fuzz/mgrad-fuzz, run in build/fuzz/sandbox as make fuzz runs
#    it) or with mgrad; if with neither (a timeout on a busy machine, say),
#    it writes nothing and exits 1.
# 2. Minimises it with afl-tmin against the harness (hang mode for a
#    finding from a hangs/ directory). A leak (from leaks/) is taken as it
#    is, as is any finding when afl-tmin or the harness is missing. Writes
#    tests/bad/fuzz-NAME.mg: the minimised input followed by a line that
#    is a run-time error, so that the case exits 1 once the bug is fixed
#    even where the input is a valid program. When that line makes the
#    crash go away (a crash at the end of the text, say), the input is
#    written alone.
# 3. Runs the case as tests/run-bad.sh does, with the sanitizer build
#    (MGRAD, default build/sanitize/mgrad, built when missing), and says
#    whether it reproduces: until the bug is fixed, the case fails
#    `make check`.
#
# Environment: MGRAD, FUZZ_BUILD (default build/fuzz), FUZZ_TIMEOUT_MS
# (afl-tmin's limit per run, default 1000) and FUZZ_HANG_MS (its limit
# when minimising a hang, default 5000), as for tests/fuzz/fuzz.sh.

set -u
root=$(cd "$(dirname "$0")/../.." && pwd)

if [ $# -ne 2 ]; then
    echo "usage: tests/fuzz/to-bad.sh FINDING NAME" >&2
    exit 2
fi
finding=$1
name=$2
case $name in
'' | -* | *[!a-z0-9-]*)
    echo "to-bad: NAME is lower-case letters, digits and '-', as in backward-constant" >&2
    exit 2
    ;;
esac
if [ ! -f "$finding" ]; then
    echo "to-bad: no file $finding" >&2
    exit 1
fi
finding=$(cd "$(dirname "$finding")" && pwd)/$(basename "$finding")
cd "$root" || exit 1
case=tests/bad/fuzz-$name.mg
if [ -e "$case" ]; then
    echo "to-bad: $case exists already" >&2
    exit 1
fi

fuzz_build=${FUZZ_BUILD:-build/fuzz}
MGRAD=${MGRAD:-build/sanitize/mgrad}
if [ ! -x "$MGRAD" ]; then
    echo "to-bad: building the sanitizer build for $MGRAD"
    make --no-print-directory -j2 SANITIZE=1 all >/dev/null || exit 1
fi
case $MGRAD in
/*) ;;
*) MGRAD=$root/$MGRAD ;;
esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-to-bad.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# ---- 1. does it reproduce? ------------------------------------------------------

mode=""
kind=crash
limit=${FUZZ_TIMEOUT_MS:-1000}
case $finding in
*/hangs/*)
    mode=-H
    kind=hang
    limit=${FUZZ_HANG_MS:-5000}
    ;;
*/leaks/*)
    kind=leak
    ;;
esac

# The options make fuzz runs the harness with (afl-tmin insists on the
# first two of ASAN_OPTIONS).
fuzz_env() {
    ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:malloc_context_size=0:allocator_may_return_null=1:max_allocation_size_mb=1024:detect_odr_violation=0 \
    UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0:print_stacktrace=0 \
    LC_ALL=C.UTF-8 AFL_NO_UI=1 "$@"
}

harness=""
if [ "$kind" != leak ] && [ -x "$fuzz_build/mgrad-fuzz" ]; then
    harness=$(cd "$fuzz_build" && pwd)/mgrad-fuzz
    sandbox=$fuzz_build/sandbox
    [ -d "$sandbox" ] || sandbox=$tmp
    sandbox=$(cd "$sandbox" && pwd)
fi

# harness_reproduces FILE: whether the fuzz harness aborts on FILE (crash)
# or runs past the limit (hang).
harness_reproduces() {
    (cd "$sandbox" && fuzz_env timeout -k 2 $((limit / 1000 + 1)) "$harness") \
        <"$1" >/dev/null 2>&1
    status=$?
    if [ "$kind" = hang ]; then
        [ "$status" -eq 124 ] || [ "$status" -eq 137 ]
    else
        [ "$status" -gt 128 ] && [ "$status" -ne 137 ]
    fi
}

# reproduces FILE: whether mgrad crashes, reports a sanitizer error or
# runs past 10 s on FILE (run from FILE's directory, as run-bad.sh does).
reproduces() {
    (cd "$(dirname "$1")" && exec timeout -k 5 10 "$MGRAD" "$(basename "$1")") \
        </dev/null >/dev/null 2>"$tmp/err"
    status=$?
    [ "$status" -eq 124 ] || [ "$status" -gt 128 ] || grep -a -q -E 'Sanitizer|runtime error:' "$tmp/err"
}

cp "$finding" "$tmp/finding.mg"
by_harness=no
if [ -n "$harness" ] && harness_reproduces "$finding"; then
    by_harness=yes
fi
if [ "$by_harness" = no ] && ! reproduces "$tmp/finding.mg"; then
    echo "to-bad: the $kind does not reproduce, with ${harness:+the fuzz harness or }$MGRAD:"
    echo "  a flaky finding (a timeout on a busy machine, say); nothing written"
    exit 1
fi

# ---- 2. minimise, write the case -----------------------------------------------------

input=$finding
if [ "$kind" = leak ]; then
    echo "to-bad: a leak: not minimised (the fuzz build does not check leaks)"
elif [ "$by_harness" = no ]; then
    echo "to-bad: only $MGRAD reproduces it, not the fuzz harness: not minimised"
elif ! command -v afl-tmin >/dev/null 2>&1; then
    echo "to-bad: no afl-tmin: not minimised"
elif (cd "$sandbox" && fuzz_env afl-tmin ${mode:+"$mode"} -t "$limit" \
    -i "$finding" -o "$tmp/min" -- "$harness") </dev/null >"$tmp/tmin.log" 2>&1; then
    input=$tmp/min
    echo "to-bad: minimised $(wc -c <"$finding" | tr -d ' ') bytes to $(wc -c <"$input" | tr -d ' ')"
else
    echo "to-bad: afl-tmin failed (the finding is kept whole); its last lines:"
    tail -n 5 "$tmp/tmin.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/^/  /'
fi

cp "$input" "$tmp/alone.mg"
{
    cat "$input"
    echo
    echo 'end_of_fuzz_case  # an undefined name: the case exits 1 once the bug above is fixed'
} >"$tmp/ended.mg"

if reproduces "$tmp/ended.mg"; then
    cp "$tmp/ended.mg" "$case"
elif reproduces "$tmp/alone.mg"; then
    cp "$tmp/alone.mg" "$case"
else
    cp "$tmp/ended.mg" "$case"
    echo "to-bad: note: $MGRAD does not $kind on this input, only the harness does"
    echo "  (state carried between inputs? the sandbox?): compare with the replay"
    echo "  tool build/mgrad-fuzz, which runs files as the harness does"
fi
echo "to-bad: wrote $case ($(wc -c <"$case" | tr -d ' ') bytes) from $finding"

# ---- 3. check it -------------------------------------------------------------------

result=$(MGRAD=$MGRAD sh tests/run-bad.sh "$case")
echo "$result" | sed 's/^/  /'
case $result in
"ok "*)
    echo "to-bad: the case passes already: mgrad refuses it cleanly"
    ;;
*)
    echo "to-bad: the case reproduces the $kind; it fails make check until the bug is fixed"
    ;;
esac
