#!/bin/sh
# bench/peers.sh — the peer comparison and the scale table of `make bench`
# (bench/run.sh runs it last).
#
# Peers: the same two workloads in every system, float64, from the same
# start, CPU time measured in the program (CLOCK_PROCESS_CPUTIME_ID):
#   moons  micrograd's demo (mlp(2, [16, 16, 1]) with relu, examples/moons.csv,
#          100 steps of SGD), from the initial parameters mgrad exports
#          (seed 1337, printed at 17 digits); ms per step, the graph
#          rebuilt each step and kept (made once, then forward + backward);
#   chain  x = tanh(x*0.5 + w), N = 10^6 steps; ns per step, rebuilt (made,
#          differentiated, freed) and kept (forward + backward).
# Systems: the mgrad engine through its C API (bench/engine.c), the mgrad
# script (examples/moons.mg and moons_kept.mg without their pictures; CPU
# time of the whole process, divided by the steps), ADOL-C
# (bench/peers/adolc.cpp) and Sacado::Rad (bench/peers/sacado.cpp), each
# built here when its headers are installed (`make bench-peers` installs
# them) and skipped with a line saying so otherwise. Each is run BENCH_RUNS
# times (default 3), the runs of all systems interleaved, and the median is
# shown. Every system's losses are compared with the engine's: "same" is
# equal to the bit at every step.
#
# PyTorch float64 tensors on moons (Debian's python3-torch, one thread) is
# the tensor reference, shown apart: it is not a scalar engine.
#
# Scale: the engine's ns per node on the chain at 10^3, 10^5 and 10^7 nodes,
# rebuilt and kept, and mlp(2, [64, 64, 1]) on 1000 moons points, 20 steps,
# rebuilt and kept (and the script, rebuilt).
#
# Environment: MGRAD, ENGINE (build/bench/engine), MOONS_TOOL
# (build/tools/moons), CXX (default c++), BENCH_RUNS. BEFORE_ENGINE and
# BEFORE_MGRAD, an earlier build's bench/engine and mgrad, join the runs as
# "before" rows, so that a change is measured side by side with what it
# changed, and their losses are compared to the bit.

MGRAD=${MGRAD:-build/mgrad}
ENGINE=${ENGINE:-build/bench/engine}
MOONS_TOOL=${MOONS_TOOL:-build/tools/moons}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 1
for v in MGRAD ENGINE MOONS_TOOL; do
    eval "p=\$$v"
    case $p in /*) ;; *) eval "$v=\$root/\$p" ;; esac
done
out=$root/bench/out/peers
runs=${BENCH_RUNS:-3}
CXX=${CXX:-c++}
LC_ALL=C
export LC_ALL
mkdir -p "$out" || exit 1
rm -f "$out"/results-* "$out"/losses-*
failed=0

if [ ! -x "$ENGINE" ]; then
    echo "peers: $ENGINE is not built (make bench builds it)"
    exit 1
fi

# The moons demo's start: its data and the initial parameters, from mgrad.
cp examples/moons.csv "$out/moons.csv"
# export SIZES SEED: the parameters of mlp(2, SIZES, "relu") made from SEED.
export_params() {
    printf 'set digits 17\nseed %s\nmodel = mlp(2, [%s], "relu");\nfor p in params(model) { print(p.data) }\n' \
        "$2" "$1" >"$out/export.mg"
    "$MGRAD" "$out/export.mg"
}
export_params "16, 16, 1" 1337 >"$out/moons-start.txt" || exit 1

# The scripts, losses at 17 digits and no pictures.
script() {
    { echo "set digits 17"; grep -v '^plot\|^regions' "examples/$1.mg"; } \
        >"$out/$1.mg"
}
script moons
script moons_kept

# The peers that can be built.
have_adolc=no
have_sacado=no
have_torch=no
if [ -f /usr/include/adolc/adolc.h ] && command -v "$CXX" >/dev/null 2>&1; then
    if $CXX -O2 -ffp-contract=off -I. -o "$out/adolc" bench/peers/adolc.cpp \
        -ladolc 2>"$out/adolc.log"; then
        have_adolc=yes
        mkdir -p "$out/adolc-run"
        # The chain's tape (9 operations a step) must stay in memory.
        printf '"OBUFSIZE" "67108864"\n"LBUFSIZE" "67108864"\n"VBUFSIZE" "67108864"\n"TBUFSIZE" "67108864"\n' \
            >"$out/adolc-run/.adolcrc"
    else
        echo "ADOL-C: failed to build (bench/out/peers/adolc.log)"
        failed=1
    fi
else
    echo "ADOL-C: skipped (libadolc-dev or a C++ compiler is not installed; make bench-peers installs them)"
fi
if [ -f /usr/include/trilinos/Sacado_trad.hpp ] && command -v "$CXX" >/dev/null 2>&1; then
    if $CXX -O2 -ffp-contract=off -I. -I/usr/include/trilinos -o "$out/sacado" \
        bench/peers/sacado.cpp 2>"$out/sacado.log"; then
        have_sacado=yes
    else
        echo "Sacado: failed to build (bench/out/peers/sacado.log)"
        failed=1
    fi
else
    echo "Sacado: skipped (libtrilinos-sacado-dev is not installed; make bench-peers installs it)"
fi
if /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then
    have_torch=yes
else
    echo "PyTorch: skipped (python3-torch is not installed; make bench-peers installs it)"
fi

measure=$root/bench/out/measure   # built by bench/run.sh

# record SYSTEM FILE: the RESULT and LOSSES lines of FILE, tagged.
record() {
    sed -n "s/^RESULT /$1 /p" "$2" >>"$out/results-all"
    sed -n "s/^LOSSES /$1 /p" "$2" >>"$out/losses-$1"
}

# script_run NAME FORM [SYSTEM MGRAD]: the CPU time per step of a script
# and its losses, as SYSTEM (default script) run by MGRAD.
script_run() {
    system=${3:-script}
    r=$("$measure" -o "$out/$1.out" -e "$out/$1.err" "${4:-$MGRAD}" "$out/$1.mg")
    cpu=$(echo "$r" | awk '{ print $4 }')
    status=$(echo "$r" | awk '{ print $3 }')
    if [ "$status" != 0 ]; then
        echo "mgrad script $1 failed (exit status $status)"
        failed=1
        return
    fi
    steps=$(grep -c '^step ' "$out/$1.out")
    echo "$system mlp2,16,16,1-100 $2 $(awk -v c="$cpu" -v n="$steps" 'BEGIN { printf "%.4f", c / n * 1e3 }') ms/step" \
        >>"$out/results-all"
    printf '%s mlp2,16,16,1-100 %s %s\n' "$system" "$2" \
        "$(awk '/^step / { printf "%s ", $4 }' "$out/$1.out" | sed 's/ $//')" \
        >>"$out/losses-$system"
}

k=0
while [ "$k" -lt "$runs" ]; do
    "$ENGINE" moons "$out/moons.csv" "$out/moons-start.txt" 2,16,16,1 100 \
        >"$out/engine.out" && "$ENGINE" chain 1000000 >>"$out/engine.out" ||
        { echo "the engine's run failed"; failed=1; }
    record engine "$out/engine.out"
    script_run moons rebuilt
    script_run moons_kept kept
    if [ -n "${BEFORE_ENGINE:-}" ]; then
        "$BEFORE_ENGINE" moons "$out/moons.csv" "$out/moons-start.txt" \
            2,16,16,1 100 >"$out/before.out" &&
            "$BEFORE_ENGINE" chain 1000000 >>"$out/before.out" ||
            { echo "the earlier engine's run failed"; failed=1; }
        record before "$out/before.out"
    fi
    if [ -n "${BEFORE_MGRAD:-}" ]; then
        script_run moons rebuilt script-before "$BEFORE_MGRAD"
        script_run moons_kept kept script-before "$BEFORE_MGRAD"
    fi
    if [ "$have_adolc" = yes ]; then
        (cd "$out/adolc-run" &&
         ../adolc moons ../moons.csv ../moons-start.txt 100 &&
         ../adolc chain 1000000) >"$out/adolc.out" 2>/dev/null ||
            { echo "ADOL-C's run failed"; failed=1; }
        record adolc "$out/adolc.out"
    fi
    if [ "$have_sacado" = yes ]; then
        { "$out/sacado" moons "$out/moons.csv" "$out/moons-start.txt" 100 &&
          "$out/sacado" chain 1000000; } >"$out/sacado.out" ||
            { echo "Sacado's run failed"; failed=1; }
        record sacado "$out/sacado.out"
    fi
    if [ "$have_torch" = yes ]; then
        /usr/bin/python3 bench/peers/torch_moons.py "$out/moons.csv" \
            "$out/moons-start.txt" 100 >"$out/torch.out" 2>"$out/torch.err" ||
            { echo "PyTorch's run failed"; failed=1; }
        record torch "$out/torch.out"
    fi
    k=$((k + 1))
done

# median SYSTEM WORKLOAD FORM: the median figure of the runs, or "-".
median() {
    awk -v s="$1" -v w="$2" -v f="$3" '$1 == s && $2 == w && $3 == f { print $4 }' \
        "$out/results-all" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'
}

# agree SYSTEM WORKLOAD: how SYSTEM's losses compare with the engine's.
agree() {
    [ -f "$out/losses-$1" ] || { echo "-"; return; }
    awk -v w="$2" -v s="$1" '
        FNR == 1 { file++ }
        $2 == w { for (i = 4; i <= NF; i++) { if (file == 1) ref[$3, i] = $i; else got[$3, i] = $i }
                  n[file, $3] = NF }
        END {
            same = 1; worst = 0; count = 0
            for (key in got) {
                split(key, part, SUBSEP)
                form = part[1]
                r = ref["rebuilt", part[2]]
                if (r == "") { same = 0; continue }
                count++
                if (got[key] != r) {
                    same = 0
                    d = (got[key] - r) / (r == 0 ? 1 : r); if (d < 0) d = -d
                    if (d > worst) worst = d
                }
            }
            if (count == 0) print "-"
            else if (same) print "same"
            else printf "differ (%.1e relative at most)\n", worst
        }' "$out/losses-engine" "$out/losses-$1"
}

name_of() {
    case $1 in
    engine) echo "mgrad engine (C API)" ;;
    before) echo "  the same, before" ;;
    script) echo "mgrad script" ;;
    script-before) echo "  the same, before" ;;
    adolc) echo "ADOL-C" ;;
    sacado) echo "Sacado::Rad" ;;
    torch) echo "PyTorch" ;;
    esac
}

echo
echo "peers: CPU time in the program, median of $runs runs, side by side"
echo "  moons (mlp(2, [16, 16, 1]), 100 points, 100 steps): ms per step"
printf '    %-22s %9s %9s   %s\n' system rebuilt kept "losses vs the engine's"
for s in engine before script script-before adolc sacado; do
    [ "$s" = before ] && [ -z "${BEFORE_ENGINE:-}" ] && continue
    [ "$s" = script-before ] && [ -z "${BEFORE_MGRAD:-}" ] && continue
    [ "$s" = adolc ] && [ "$have_adolc" != yes ] && continue
    [ "$s" = sacado ] && [ "$have_sacado" != yes ] && continue
    kept=$(median "$s" mlp2,16,16,1-100 kept)
    [ "$s" = sacado ] && kept="(no replay)"
    a="(itself)"
    [ "$s" != engine ] && a=$(agree "$s" mlp2,16,16,1-100)
    printf '    %-22s %9s %9s   %s\n' "$(name_of "$s")" \
        "$(median "$s" mlp2,16,16,1-100 rebuilt)" "$kept" "$a"
done
echo "  chain N=10^6, x = tanh(x*0.5 + w): ns per step"
printf '    %-22s %9s %9s   %s\n' system rebuilt kept "x_N and a dx_N/dw vs the engine's"
for s in engine before adolc sacado; do
    [ "$s" = before ] && [ -z "${BEFORE_ENGINE:-}" ] && continue
    [ "$s" = adolc ] && [ "$have_adolc" != yes ] && continue
    [ "$s" = sacado ] && [ "$have_sacado" != yes ] && continue
    kept=$(median "$s" chain-1000000 kept)
    [ "$s" = sacado ] && kept="(no replay)"
    a="(itself)"
    [ "$s" != engine ] && a=$(agree "$s" chain-1000000)
    printf '    %-22s %9s %9s   %s\n' "$(name_of "$s")" \
        "$(median "$s" chain-1000000 rebuilt)" "$kept" "$a"
done
if [ "$have_torch" = yes ]; then
    echo "tensor reference (not a scalar engine): PyTorch float64, one thread"
    awk '{ $2 = "mlp2,16,16,1-100"; print }' "$out/losses-torch" >"$out/losses-torch2"
    printf '  moons rebuilt: %s ms per step; losses %s\n' \
        "$(median torch torch-moons rebuilt)" "$(agree torch2 mlp2,16,16,1-100)"
fi
if [ "$have_adolc" = yes ] || [ "$have_sacado" = yes ]; then
    awk -v e="$(median engine mlp2,16,16,1-100 rebuilt)" \
        -v ek="$(median engine mlp2,16,16,1-100 kept)" \
        -v sc="$(median script mlp2,16,16,1-100 rebuilt)" \
        -v s="$(median sacado mlp2,16,16,1-100 rebuilt)" \
        -v ak="$(median adolc mlp2,16,16,1-100 kept)" \
        -v ce="$(median engine chain-1000000 rebuilt)" \
        -v cs="$(median sacado chain-1000000 rebuilt)" 'BEGIN {
        print "  targets:"
        if (s != "-") printf "    moons rebuilt, engine <= Sacado: %s vs %s (%s)\n", e, s, e + 0 <= s + 0 ? "met" : "MISSED"
        printf "    moons script <= 1.3x the engine: %.2fx (%s)\n", sc / e, sc / e <= 1.3 ? "met" : "MISSED"
        if (cs != "-") printf "    chain rebuilt, engine <= Sacado: %s vs %s (%s)\n", ce, cs, ce + 0 <= cs + 0 ? "met" : "MISSED"
        if (ak != "-") printf "    moons kept, engine <= ADOL-C: %s vs %s (%s)\n", ek, ak, ek + 0 <= ak + 0 ? "met" : "MISSED"
    }'
fi

echo
echo "scale: the engine on the chain x = tanh(x*0.5 + w), ns per node (CPU time, best of 3)"
printf '  %-12s %9s %9s\n' nodes rebuilt kept
for n in 1000 100000 10000000; do
    "$ENGINE" scale "$n" >"$out/scale.out" || { echo "scale $n failed"; failed=1; }
    printf '  %-12s %9s %9s\n' "$n" \
        "$(awk '$3 == "rebuilt" { print $4 }' "$out/scale.out")" \
        "$(awk '$3 == "kept" { print $4 }' "$out/scale.out")"
done

echo "  mlp(2, [64, 64, 1], \"relu\") on 1000 moons points, 20 steps:"
"$MOONS_TOOL" --samples 1000 >"$out/moons1000.csv" || failed=1
export_params "64, 64, 1" 1337 >"$out/mlp64-start.txt" || failed=1
"$ENGINE" moons "$out/moons1000.csv" "$out/mlp64-start.txt" 2,64,64,1 20 \
    >"$out/mlp64.out" || { echo "  the engine failed"; failed=1; }
sed -e 's/"moons.csv"/"moons1000.csv"/' -e 's/\[16, 16, 1\]/[64, 64, 1]/' \
    -e 's/range(100)/range(20)/' -e 's|0.9\*k/100|0.9*k/20|' "$out/moons.mg" \
    >"$out/mlp64.mg"
r=$("$measure" -o "$out/mlp64-script.out" -e "$out/mlp64.err" "$MGRAD" "$out/mlp64.mg")
awk -v r="$r" '
    $1 == "RESULT" && $3 == "nodes" { nodes = $4 }
    $1 == "RESULT" && $3 != "nodes" { ms[$3] = $4 }
    $1 == "LOSSES" { last[$3] = $NF }
    END {
        split(r, f, " ")
        printf "    %d nodes a step; engine rebuilt %.1f ms per step (%.1f ns per node), kept %.1f ms per step (%.1f ns per node)\n",
               nodes, ms["rebuilt"], ms["rebuilt"] * 1e6 / nodes, ms["kept"], ms["kept"] * 1e6 / nodes
        printf "    script rebuilt: %.1f ms per step (CPU time of the whole run / 20)\n", f[4] / 20 * 1e3
        printf "    last loss: engine %s\n", last["rebuilt"]
    }' "$out/mlp64.out"
script_last=$(awk '/^step / { l = $4 } END { print l }' "$out/mlp64-script.out")
engine_last=$(awk '$1 == "LOSSES" && $3 == "rebuilt" { print $NF }' "$out/mlp64.out")
if awk -v a="$script_last" -v b="$engine_last" 'BEGIN { exit !(a != "" && a + 0 == b + 0) }'; then
    echo "               script $script_last (the same)"
else
    echo "               script $script_last (DIFFERENT)"
    failed=1
fi
exit "$failed"
