#!/bin/sh
# tests/fuzz/to-bad.sh — turns a fuzzer finding into a case of the
# bad-input corpus:
#
#   tests/fuzz/to-bad.sh FINDING NAME      e.g.
#   tests/fuzz/to-bad.sh build/fuzz/out/default/crashes/id:000000,... backward-constant
#
# 1. Minimises FINDING with afl-tmin against the fuzz harness
#    (build/fuzz/mgrad-fuzz, run in build/fuzz/sandbox as make fuzz runs
#    it; hang mode for a finding from a hangs/ directory). Without afl-tmin
#    or the harness the finding is taken as it is.
# 2. Writes tests/bad/fuzz-NAME.mg: the minimised input followed by a line
#    that is a run-time error, so that the case exits 1 once the crash is
#    fixed even where the input is a valid program. When that line makes
#    the crash go away (a crash at the end of the text, say), the input is
#    written alone.
# 3. Runs the case as tests/run-bad.sh does, with the sanitizer build
#    (MGRAD, default build/sanitize/mgrad, built when missing), and says
#    whether it reproduces: until the bug is fixed, the case fails
#    `make check`.
#
# Environment: MGRAD, FUZZ_BUILD (default build/fuzz), FUZZ_TIMEOUT_MS
# (afl-tmin's limit per run, default 1000).

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

# ---- 1. minimise ------------------------------------------------------------------

mode=""
kind=crash
case $finding in
*/hangs/*)
    mode=-H
    kind=hang
    ;;
esac
input=$finding
if command -v afl-tmin >/dev/null 2>&1 && [ -x "$fuzz_build/mgrad-fuzz" ]; then
    sandbox=$fuzz_build/sandbox
    [ -d "$sandbox" ] || sandbox=$tmp
    sandbox=$(cd "$sandbox" && pwd)
    harness=$(cd "$fuzz_build" && pwd)/mgrad-fuzz
    # The options make fuzz runs with (afl-tmin insists on the first two).
    if (cd "$sandbox" &&
        ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:malloc_context_size=0:allocator_may_return_null=1:max_allocation_size_mb=1024:detect_odr_violation=0 \
        UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0:print_stacktrace=0 \
        LC_ALL=C.UTF-8 AFL_NO_UI=1 \
        afl-tmin ${mode:+"$mode"} -t "${FUZZ_TIMEOUT_MS:-1000}" -i "$finding" -o "$tmp/min" \
        -- "$harness") </dev/null >"$tmp/tmin.log" 2>&1; then
        input=$tmp/min
        echo "to-bad: minimised $(wc -c <"$finding" | tr -d ' ') bytes to $(wc -c <"$input" | tr -d ' ')"
    else
        echo "to-bad: afl-tmin failed (the finding is kept whole); its last lines:"
        tail -n 5 "$tmp/tmin.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/^/  /'
    fi
else
    echo "to-bad: no afl-tmin or no $fuzz_build/mgrad-fuzz (make fuzz builds it): not minimised"
fi

# ---- 2. the case ----------------------------------------------------------------

# reproduces FILE: whether mgrad crashes, reports a sanitizer error or
# runs past 10 s on FILE (run from FILE's directory, as run-bad.sh does).
reproduces() {
    (cd "$(dirname "$1")" && exec timeout -k 5 10 "$MGRAD" "$(basename "$1")") \
        </dev/null >/dev/null 2>"$tmp/err"
    status=$?
    [ "$status" -eq 124 ] || [ "$status" -gt 128 ] || grep -a -q -E 'Sanitizer|runtime error:' "$tmp/err"
}

cp "$input" "$tmp/alone.mg"
{
    cat "$input"
    echo
    echo 'end_of_fuzz_case  # an unknown name: the case exits 1 once the crash above is fixed'
} >"$tmp/ended.mg"

if reproduces "$tmp/ended.mg"; then
    cp "$tmp/ended.mg" "$case"
elif reproduces "$tmp/alone.mg"; then
    cp "$tmp/alone.mg" "$case"
else
    cp "$tmp/ended.mg" "$case"
    echo "to-bad: note: mgrad itself does not $kind on this input; only the harness did"
    echo "  (state carried between inputs, or the sandbox): look at $finding with"
    echo "  build/mgrad-fuzz (the replay tool) and the fuzz build"
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
