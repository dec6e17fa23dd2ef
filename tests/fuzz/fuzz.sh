#!/bin/sh
# tests/fuzz/fuzz.sh — one AFL++ run over the fuzz harness (make fuzz runs
# it after building BUILD/mgrad-fuzz with afl-clang-fast, ASan and UBSan,
# and the dictionary BUILD/mgrad.dict: tests/fuzz/mgrad.dict and the
# vocabulary words tools/vocab.c adds from the tables).
#
#   tests/fuzz/fuzz.sh BUILD [REPLAY]      e.g. build/fuzz build/sanitize/mgrad-fuzz
#
# In BUILD it makes
#   seeds/     the seed corpus: tests/scripts/*.mg, examples/*.mg and
#              tests/bad/*.mg without their `# expect`/`# exit` lines,
#              those over the harness's 4 KiB limit left out;
#   sandbox/   the fuzzer's working directory, with a few files for `load`
#              and `csv` to read; the harness writes nothing, and this
#              script fails if anything new appears there;
#   out/       afl-fuzz's output: out/default/crashes and out/default/hangs
#              hold the findings (an earlier out/ with findings is kept as
#              out.1, out.2, ...; one without is replaced);
#   afl.log    afl-fuzz's own messages.
# then runs afl-fuzz with BUILD/mgrad.dict for FUZZ_SECONDS (default 60) on
# one core.
#
# In persistent mode LeakSanitizer cannot tell one input's leak from the
# next, so the fuzzer runs without it; afterwards REPLAY (the harness's
# replay tool from the sanitizer build) runs the whole corpus afl-fuzz
# kept, with leak checks, and each input it reports (a leak, or an error
# only GCC's sanitizers see) is copied to out/default/leaks.
#
# The summary gives executions, executions per second, edges covered,
# stability, crashes, hangs and leaks. Exit status 1 when there was any of
# these, or afl-fuzz failed; the summary says where the findings are and
# how to turn each into a tests/bad case (tests/fuzz/to-bad.sh).
#
# Environment: FUZZ_SECONDS (default 60); FUZZ_TIMEOUT_MS (afl-fuzz's
# per-input limit, default 1000) and FUZZ_HANG_MS (default 5000): an input
# that runs past the first is run again with the second, and is a hang
# only if it runs past that too — the harness interrupts every input after
# 200 ms of CPU, so a hang did not stop when interrupted. (A single limit
# would report inputs that were merely slowed down by a busy machine.)

set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "usage: tests/fuzz/fuzz.sh BUILD [REPLAY]" >&2
    exit 2
fi
work=$(cd "$1" && pwd) || exit 1
replay=""
if [ $# -eq 2 ]; then
    replay=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
    if [ ! -x "$replay" ]; then
        echo "fuzz: $2 is not built" >&2
        exit 1
    fi
fi
harness=$work/mgrad-fuzz
dict=$work/mgrad.dict
seconds=${FUZZ_SECONDS:-60}
timeout_ms=${FUZZ_TIMEOUT_MS:-1000}
hang_ms=${FUZZ_HANG_MS:-5000}
max_input=4096    # MAX_INPUT in harness.c

for number in "$seconds" "$timeout_ms" "$hang_ms"; do
    case $number in
    '' | *[!0-9]*)
        echo "fuzz: FUZZ_SECONDS, FUZZ_TIMEOUT_MS and FUZZ_HANG_MS are whole numbers, not '$number'" >&2
        exit 2
        ;;
    esac
done
if [ "$hang_ms" -le "$timeout_ms" ]; then
    echo "fuzz: FUZZ_HANG_MS must be more than FUZZ_TIMEOUT_MS" >&2
    exit 2
fi
if [ ! -x "$harness" ]; then
    echo "fuzz: $harness is not built (make fuzz builds it)" >&2
    exit 1
fi
if [ ! -f "$dict" ]; then
    echo "fuzz: $dict is not built (make fuzz builds it)" >&2
    exit 1
fi
if ! command -v afl-fuzz >/dev/null 2>&1; then
    echo "fuzz: afl-fuzz is not installed (make fuzz installs afl++)" >&2
    exit 1
fi

# ---- seeds, sandbox, output ----------------------------------------------------

seeds=$work/seeds
sandbox=$work/sandbox
out=$work/out
rm -rf "$seeds" "$sandbox"
mkdir -p "$seeds" "$sandbox" || exit 1

count=0
left_out=0
for file in tests/scripts/*.mg examples/*.mg tests/bad/*.mg; do
    [ -f "$file" ] || continue
    seed=$seeds/$(echo "$file" | tr / _)
    LC_ALL=C grep -a -v -E '^# (expect|expect-err|exit):' "$file" >"$seed"
    if [ "$(wc -c <"$seed")" -gt "$max_input" ]; then
        rm -f "$seed"
        left_out=$((left_out + 1))
    else
        count=$((count + 1))
    fi
done

# What `load` and `csv` may read (the dictionary names these files).
printf 'a = 2\nb = -3\nL = a*b + 1\n' >"$sandbox/a.mg"
printf 'load "loop.mg"\n' >"$sandbox/loop.mg"
printf 'x,y\n1,2\n3,-4.5\n0.5,1e-3\n' >"$sandbox/data.csv"
mkdir "$sandbox/dir.mg"
sandbox_before=$(find "$sandbox" | sort)

# findings DIR: how many inputs afl-fuzz saved in DIR.
findings() {
    find "$1" -maxdepth 1 -name 'id:*' 2>/dev/null | wc -l | tr -d ' '
}

if [ -d "$out" ]; then
    if [ "$(findings "$out/default/crashes")" -gt 0 ] ||
        [ "$(findings "$out/default/hangs")" -gt 0 ] ||
        [ "$(findings "$out/default/leaks")" -gt 0 ]; then
        n=1
        while [ -e "$out.$n" ]; do
            n=$((n + 1))
        done
        mv "$out" "$out.$n" || exit 1
        echo "fuzz: the previous run's findings are kept in $out.$n"
    else
        rm -rf "$out"
    fi
fi

# ---- the run ----------------------------------------------------------------------

echo "fuzz: $count seeds ($left_out over $max_input bytes left out), $seconds s, log in $work/afl.log"

# afl-fuzz insists on abort_on_error=1 and symbolize=0. No leak checks:
# in persistent mode LeakSanitizer would only look at exit.
# max_allocation_size_mb turns a runaway allocation into mgrad's own
# "out of memory" (status 3) instead of exhausting the machine.
ASAN_OPTIONS=abort_on_error=1:symbolize=0:detect_leaks=0:malloc_context_size=0:allocator_may_return_null=1:max_allocation_size_mb=1024:detect_odr_violation=0
UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:symbolize=0:print_stacktrace=0
AFL_NO_UI=1                 # a log, not a full-screen display
AFL_SKIP_CPUFREQ=1
AFL_NO_AFFINITY=1           # the machine may be shared: take no core for ourselves
AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1   # containers often pipe core dumps away
AFL_FAST_CAL=1
AFL_NO_CRASH_README=1
AFL_HANG_TMOUT=$hang_ms     # a timeout is run again with this before it is a hang
LC_ALL=C.UTF-8
export ASAN_OPTIONS UBSAN_OPTIONS AFL_NO_UI AFL_SKIP_CPUFREQ AFL_NO_AFFINITY \
    AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES AFL_FAST_CAL AFL_NO_CRASH_README \
    AFL_HANG_TMOUT LC_ALL

# Ctrl-C stops afl-fuzz, which saves its state; the summary still follows.
trap 'echo "fuzz: interrupted"' INT
(cd "$sandbox" && exec afl-fuzz -i "$seeds" -o "$out" -x "$dict" \
    -t "$timeout_ms" -V "$seconds" -- "$harness") </dev/null >"$work/afl.log" 2>&1
status=$?
trap - INT

stats=$out/default/fuzzer_stats
if [ ! -f "$stats" ]; then
    echo "fuzz: afl-fuzz failed (exit status $status) before it wrote statistics; the end of $work/afl.log:"
    tail -n 20 "$work/afl.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/^/  /'
    exit 1
fi

# ---- the corpus again, with leak checks ---------------------------------------

# replay_clean DIR: whether the replay tool runs every input in DIR with no
# crash and no sanitizer report (leaks are checked as it exits; xargs
# splits the list only when it is very long).
replay_clean() {
    find "$1" -maxdepth 1 -type f -name 'id:*' -print0 |
        (cd "$sandbox" && ASAN_OPTIONS=detect_leaks=1:exitcode=86 \
            UBSAN_OPTIONS=print_stacktrace=1 LSAN_OPTIONS=exitcode=86 \
            exec xargs -0 "$replay") >/dev/null 2>"$work/replay.log" &&
        ! grep -a -q -E 'Sanitizer|runtime error:' "$work/replay.log"
}

leaks=0
if [ -n "$replay" ] && ! replay_clean "$out/default/queue"; then
    # Which inputs: one at a time, at most 20.
    mkdir -p "$out/default/leaks" "$work/one"
    for input in "$out"/default/queue/id:*; do
        rm -f "$work"/one/*
        cp "$input" "$work/one/"
        if ! replay_clean "$work/one"; then
            cp "$input" "$out/default/leaks/"
            leaks=$((leaks + 1))
            [ "$leaks" -ge 20 ] && break
        fi
    done
    rm -rf "$work/one"
    if [ "$leaks" -eq 0 ]; then
        echo "fuzz: the replay of the whole corpus failed, yet no input alone did; the end of its log:"
        tail -n 10 "$work/replay.log" | sed 's/^/  /'
        leaks=1
    fi
fi

# ---- the summary ----------------------------------------------------------------

stat_of() {
    sed -n "s/^$1 *: *//p" "$stats" | head -n 1
}

crashes=$(findings "$out/default/crashes")
hangs=$(findings "$out/default/hangs")
echo "fuzz: $(stat_of run_time) s, $(stat_of execs_done) executions ($(stat_of execs_per_sec)/s)," \
    "coverage $(stat_of edges_found) of $(stat_of total_edges) edges ($(stat_of bitmap_cvg))," \
    "stability $(stat_of stability), corpus $(stat_of corpus_count)," \
    "crashes $crashes, hangs $hangs, leaks $leaks"

failed=0
if [ "$status" -ne 0 ]; then
    echo "fuzz: afl-fuzz ended with status $status; the end of $work/afl.log:"
    tail -n 10 "$work/afl.log" | sed 's/\x1b\[[0-9;?]*[A-Za-z]//g; s/^/  /'
    failed=1
fi
sandbox_after=$(find "$sandbox" | sort)
if [ "$sandbox_before" != "$sandbox_after" ]; then
    echo "fuzz: the harness wrote into its sandbox $sandbox:"
    find "$sandbox" | sed 's/^/  /'
    failed=1
fi
[ -z "$replay" ] && echo "fuzz: no replay tool given: leaks not checked"
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ] || [ "$leaks" -gt 0 ]; then
    [ "$crashes" -gt 0 ] && echo "fuzz: crashes in $out/default/crashes/"
    [ "$hangs" -gt 0 ] && echo "fuzz: hangs in $out/default/hangs/"
    [ "$leaks" -gt 0 ] && echo "fuzz: leaks (or reports only the GCC sanitizers make) in $out/default/leaks/"
    echo "fuzz: make each a test case with: tests/fuzz/to-bad.sh FILE NAME"
    failed=1
fi
exit "$failed"
