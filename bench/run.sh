#!/bin/sh
# bench/run.sh — performance figures for `make bench`.
#
# Writes into bench/out/ (git-ignored) a "chain" script of N steps,
#   x_0 = 0.5;
#   w_0 = 0.0123; x_1 = tanh(x_0*0.5 + w_0);
#   ...
#   backward x_N;
# with the w_i from a fixed-seed generator: five nodes per step plus x_0.
# For N = 100 000 and 1 000 000 it reports statements, nodes, wall time
# (best of a few runs, through bench/measure.c), nodes per second, peak
# memory and bytes per node, against the targets for N = 10^6.
#
# The run with MGRAD_STATS=1 that counts the nodes is timed too: it frees
# every node at exit, which the timed runs skip.
#
# Then the views on a 200 001-node graph (N = 40 000): `tree x_N`,
# `dot x_N "file"` and `polytree x_N`, timed minus the time to build the
# same graph without them. Then `tree y 3`, `vars` and `explain y 5` after
# a rebinding loop of 10^6 nodes, in CPU seconds net of the loop; and the
# Ctrl-C latencies the pty test measures (tests/unit/pty_test.c, PTY_ONLY).
#
# Last, the engine alone (bench/kept.c, built by make as $KEPT): the same
# chain built directly as 5 000 001 nodes, its first backward, and
# forward + backward repeated on the kept graph, in ns/node, against the
# target of 12 ns/node.
#
# Then bench/peers.sh: the same workloads in the mgrad engine, the mgrad
# script, ADOL-C, Sacado and PyTorch, and the scale table.
#
# Environment: MGRAD (default build/mgrad), PTY (default
# build/tests/pty_test; skipped when not built), KEPT (default build/bench/kept;
# skipped when not built), ENGINE and MOONS_TOOL (for bench/peers.sh), CC
# (default cc), BENCH_RUNS (timed runs per figure, default 3).

MGRAD=${MGRAD:-build/mgrad}
case $MGRAD in
/*) ;;
*) MGRAD=$(pwd)/$MGRAD ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
out=$root/bench/out
runs=${BENCH_RUNS:-3}
LC_ALL=C
export LC_ALL

TARGET_SECONDS=0.5
TARGET_BYTES=150

if [ ! -x "$MGRAD" ]; then
    echo "bench: $MGRAD is not built (run make)" >&2
    exit 1
fi
mkdir -p "$out" || exit 1

measure=$out/measure
${CC:-cc} -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
    -o "$measure" bench/measure.c || exit 1

# chain N FILE: the chain script of N steps.
chain() {
    awk -v n="$1" 'BEGIN {
        seed = 20240611
        print "x_0 = 0.5;"
        for (i = 0; i < n; i++) {
            seed = (seed * 16807) % 2147483647
            w = (seed % 20001 - 10000) / 100000
            printf "w_%d = %.5f; x_%d = tanh(x_%d*0.5 + w_%d);\n", i, w, i + 1, i, i
        }
        printf "backward x_%d;\n", n
    }' >"$2"
}

# best FILE [OUTFILE]: the best of $runs runs as "seconds KiB status".
best() {
    result=""
    k=0
    while [ "$k" -lt "$runs" ]; do
        r=$("$measure" -o "${2:-/dev/null}" -e "$out/stderr" "$MGRAD" "$1")
        result=$(printf '%s\n%s\n' "$result" "$r" | awk 'NF >= 3' |
                 sort -n -k 1,1 | head -n 1)
        k=$((k + 1))
    done
    echo "$result"
}

status_of() { echo "$1" | awk '{ print $3 }'; }
seconds_of() { echo "$1" | awk '{ print $1 }'; }
kib_of() { echo "$1" | awk '{ print $2 }'; }

# nodes FILE STEPS: nodes created, from MGRAD_STATS=1 when it reports them,
# else counted from the shape of the chain; then how it was counted and the
# seconds that run took.
nodes() {
    stats_run=$(MGRAD_STATS=1 "$measure" -e "$out/stats" "$MGRAD" "$1")
    found=$(grep -i 'node' "$out/stats" |
        sed -n 's/^/ /
                s/.*[^0-9]\([0-9][0-9]*\)[[:space:]]*nodes.*/\1/p
                s/.*nodes[^0-9]*\([0-9][0-9]*\).*/\1/p' |
        head -n 1)
    if [ -n "$found" ]; then
        echo "$found MGRAD_STATS $(seconds_of "$stats_run")"
    else
        echo "$((5 * $2 + 1)) counted $(seconds_of "$stats_run")"
    fi
}

echo "mgrad benchmark ($($MGRAD --version 2>/dev/null | head -n 1))"
echo "best of $runs runs; peak memory is the process's maximum resident set"
echo

failed=0
for n in 100000 1000000; do
    file=$out/chain-$n.mg
    chain "$n" "$file"
    statements=$((2 * n + 2))
    nodes "$file" "$n" >"$out/nodes"
    read -r count how full_free <"$out/nodes"
    r=$(best "$file")
    status=$(status_of "$r")
    secs=$(seconds_of "$r")
    kib=$(kib_of "$r")
    echo "chain N=$n: $statements statements, $count nodes ($how)"
    if [ "$status" != 0 ]; then
        echo "  mgrad failed (exit status $status):"
        sed -n '1,5s/^/    /p' "$out/stderr"
        failed=1
        continue
    fi
    awk -v s="$secs" -v kib="$kib" -v nodes="$count" -v n="$n" -v ff="$full_free" \
        -v ts="$TARGET_SECONDS" -v tb="$TARGET_BYTES" 'BEGIN {
        per = nodes / (s > 0 ? s : 1e-9)
        bytes = kib * 1024 / nodes
        printf "  wall %.3f s, %.2f M nodes/s, peak %.1f MiB, %.0f bytes/node\n",
               s, per / 1e6, kib / 1024, bytes
        printf "  with a full free at exit (MGRAD_STATS=1, one run): %.3f s\n", ff
        if (n == 1000000)
            printf "  targets: <= %.1f s (%s), <= %d bytes/node (%s)\n",
                   ts, s <= ts ? "met" : "MISSED",
                   tb, bytes <= tb ? "met" : "MISSED"
    }'
done

# micrograd's own algorithm on the same chain, for the per-step ratio
# (bench/micrograd_chain.py restates it; it needs only python3).
if command -v python3 >/dev/null 2>&1; then
    n=100000
    py=$(python3 bench/micrograd_chain.py "$n" 2>"$out/stderr")
    r=$(best "$out/chain-$n.mg")
    secs=$(seconds_of "$r")
    if [ -n "$py" ] && [ "$(status_of "$r")" = 0 ]; then
        awk -v p="$py" -v s="$secs" -v n="$n" 'BEGIN {
            printf "micrograd, the same chain N=%d: %.2f s (%.1f us per step)\n",
                   n, p, p / n * 1e6
            printf "  mgrad %.3f s: %.0f times faster per step (target >= 150)\n",
                   s, p / (s > 0 ? s : 1e-9)
        }'
    else
        echo "micrograd comparison: python3 failed; skipped"
    fi
else
    echo "micrograd comparison: skipped (no python3)"
fi

# Training (examples/): micrograd's moons demo rebuilt each step and on a
# kept graph, and examples/mlp.mg's 50 steps; micrograd's own time per step from
# the restated micrograd (bench/micrograd_moons.py, 3 steps).
echo "training, 100 steps of micrograd's moons demo (mlp(2, [16, 16, 1])):"
micro=""
if command -v python3 >/dev/null 2>&1; then
    micro=$(python3 bench/micrograd_moons.py 3 2>"$out/stderr")
fi
for f in moons moons_kept; do
    r=$(best "examples/$f.mg")
    MGRAD_STATS=1 "$MGRAD" "examples/$f.mg" >/dev/null 2>"$out/stats"
    created=$(sed -n 's/.*stats: \([0-9]*\) nodes created, \([0-9]*\) alive.*/\1/p' "$out/stats")
    alive=$(sed -n 's/.*stats: \([0-9]*\) nodes created, \([0-9]*\) alive.*/\2/p' "$out/stats")
    awk -v s="$(seconds_of "$r")" -v f="$f" -v c="$created" -v a="$alive" \
        -v m="$micro" -v st="$(status_of "$r")" 'BEGIN {
        if (f == "moons") {
            printf "  rebuilt each step: %.3f s (target <= 0.5 s: %s), %d nodes made, %.2f M nodes/s, %.0f ns per node (made, run forward, back, freed)\n",
                   s, s <= 0.5 ? "met" : "MISSED", c, c / s / 1e6, s / c * 1e9
        } else {
            passes = 2 * 100 * a
            printf "  kept graph:        %.3f s (target <= 0.1 s: %s), %d nodes, %.1f ns per node per pass (forward or backward, with the loop around it)\n",
                   s, s <= 0.1 ? "met" : "MISSED", a, s / passes * 1e9
        }
        if (m != "")
            printf "    micrograd: %.2f s per step, %.0f s for 100: %.0f times slower\n",
                   m / 3, m / 3 * 100, m / 3 * 100 / s
        if (st != 0) printf "    (mgrad failed, exit status %s)\n", st
    }'
done
r=$(best "examples/mlp.mg")
printf "  the lecture's mlp(3, [4, 4, 1]) (examples/mlp.mg), 50 steps: %.3f s\n" "$(seconds_of "$r")"

# Long input that is not nested: a flat sum of 100 000 terms, and one
# token of 16 MB (a comment, a string, a name), scanned in one pass.
repeat() {
    awk -v n="$1" -v s="$2" 'BEGIN {
        out = ""
        while (n > 0) { if (n % 2) out = out s; s = s s; n = int(n / 2) }
        printf "%s", out
    }'
}
{ printf 'a = 0.5\nL = a'; repeat 99999 " + a"; printf '\nbackward L;\n'; } \
    >"$out/sum.mg"
big=16777216
{ printf 'x = 1 # '; repeat $big c; printf '\nprint x\n'; } >"$out/comment.mg"
{ printf 'print "'; repeat $big s; printf '";\n'; } >"$out/string.mg"
{ repeat $big n; printf ' = 3;\n'; } >"$out/name.mg"
echo "long input, one pass over the text:"
for f in sum comment string name; do
    r=$(best "$out/$f.mg")
    awk -v s="$(seconds_of "$r")" -v f="$f" -v st="$(status_of "$r")" 'BEGIN {
        what = f == "sum" ? "sum of 100000 terms + backward" : "16 MB " f
        printf "  %-32s %.3f s%s\n", what ":", s, st == 0 ? "" : " (FAILED)"
    }'
done

echo
n=40000
base=$out/view-base.mg
chain "$n" "$base"
nodes "$base" "$n" >"$out/nodes"
read -r count how full_free <"$out/nodes"
echo "views on the chain N=$n ($count nodes), times net of building the graph:"
r=$(best "$base")
build=$(seconds_of "$r")
printf '  build alone: %.3f s\n' "$build"

# view NAME COMMAND: time the base script followed by COMMAND.
view() {
    file=$out/view-$1.mg
    { cat "$base"; echo "$2"; } >"$file"
    r=$(best "$file" "$out/view-$1.out")
    status=$(status_of "$r")
    if [ "$status" != 0 ]; then
        echo "  $1: mgrad failed (exit status $status):"
        sed -n '1,3s/^/    /p' "$out/stderr"
        failed=1
        return
    fi
    awk -v s="$(seconds_of "$r")" -v b="$build" -v name="$1" -v what="$3" 'BEGIN {
        printf "  %-9s %.3f s%s\n", name ":", s - b, what
    }'
}

view tree "tree x_$n"
lines=$(wc -l <"$out/view-tree.out")
echo "            ($lines lines of output)"
rm -f "$out/g.dot"
view dot "dot x_$n \"$out/g.dot\""
if [ -s "$out/g.dot" ]; then
    echo "            (bench/out/g.dot: $(wc -c <"$out/g.dot") bytes)"
else
    echo "            (no bench/out/g.dot was written)"
    failed=1
fi

# The chain is a long spine with small side branches: narrow enough for
# polytree to draw it whole.
view polytree "polytree x_$n"
echo "            ($(wc -l <"$out/view-polytree.out") lines of output)"

# A rebinding loop of 10^6 nodes, y = tanh(y*0.5 + x) (four a step): a
# view of a few rows costs one walk of the graph, not a name for every
# node. CPU seconds (the best of the runs), net of building the graph.
echo
steps=250000
rebind=$out/rebind.mg
printf 'x = 0.3; y = 0; repeat %d { y = tanh(y*0.5 + x) }\n' $steps >"$rebind"
# cpu FILE: the least CPU seconds of $runs runs ("" when one failed).
cpu() {
    k=0
    least=""
    while [ "$k" -lt "$runs" ]; do
        r=$("$measure" -e "$out/stderr" "$MGRAD" "$1")
        if [ "$(status_of "$r")" != 0 ]; then
            echo ""
            return
        fi
        least=$(printf '%s\n%s\n' "$least" "$(echo "$r" | awk '{ print $4 }')" |
                awk 'NF' | sort -n | head -n 1)
        k=$((k + 1))
    done
    echo "$least"
}
rebind_build=$(cpu "$rebind")
echo "views of a rebinding loop of $((4 * steps + 2)) nodes (CPU seconds, net of building the graph):"
printf '  build alone: %.3f s\n' "$rebind_build"
for command in "tree y 3" "vars" "explain y 5"; do
    { cat "$rebind"; echo "$command"; } >"$out/rebind-view.mg"
    c=$(cpu "$out/rebind-view.mg")
    if [ -z "$c" ]; then
        echo "  $command: mgrad failed"
        failed=1
        continue
    fi
    awk -v c="$c" -v b="$rebind_build" -v name="$command" 'BEGIN {
        printf "  %-12s %.3f s\n", name ":", c - b
    }'
done

# Ctrl-C on the long paths, through a real terminal: the pty test's
# interrupt sessions alone, each line the time from the key to the report.
echo
PTY=${PTY:-build/tests/pty_test}
if [ -x "$PTY" ]; then
    echo "Ctrl-C latency (key sent to 'interrupted' shown, through a pty):"
    PTY_ONLY=interrupt MGRAD=$MGRAD "$PTY" >"$out/pty.out" 2>&1
    sed -n 's/^\(ok\|not ok\) - pty: Ctrl-C stops \(.*\) in \([0-9.]* s\).*/  \2: \3 \1/p' \
        "$out/pty.out" | sed 's/ ok$//; s/ not ok$/ (FAILED)/'
    grep -q '^not ok' "$out/pty.out" && failed=1
else
    echo "Ctrl-C latency: skipped ($PTY is not built)"
fi

echo
KEPT=${KEPT:-build/bench/kept}
if [ -x "$KEPT" ]; then
    echo "the engine alone:"
    "$KEPT" || failed=1
else
    echo "the engine alone: skipped ($KEPT is not built; make bench builds it)"
fi

# The peers (ADOL-C, Sacado, PyTorch) and the scale table.
MGRAD=$MGRAD sh bench/peers.sh || failed=1
exit "$failed"
