#!/bin/sh
# tests/run-moons.sh — the moons data and the generator behind it:
#   - $BUILD/tools/moons writes examples/moons.csv byte for byte (the
#     committed data set is what `make examples/moons.csv` makes);
#   - its shape: a header `x,y,label`, 100 rows of two numbers with six
#     decimals and a label, 50 of each label;
#   - its layout: each class's mean near its half circle's (outer, label
#     -1: (0, 2/pi); inner, label 1: (1, 0.5 - 2/pi)), within 0.1;
#   - the same seed twice gives the same file, another seed another one;
#     bad arguments exit 2;
#   - engine/random.o uses no C library mathematics but frexp and sqrt
#     (both exact), so its numbers cannot depend on the library.
# Environment: BUILD (default build), and MGRAD as every runner has it
# (tests/env.sh). One ok / not ok line per check, exit status 0.

BUILD=${BUILD:-build}
moons=$BUILD/tools/moons
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 0
. tests/env.sh

if [ ! -x "$moons" ]; then
    echo "not ok - moons: $moons is not built (make check builds it)"
    exit 0
fi
runner_start moons

# check NAME CONDITION-STATUS [DETAIL]
check() {
    if [ "$2" -eq 0 ]; then
        echo "ok - moons $1"
    else
        echo "not ok - moons $1${3:+: $3}"
    fi
}

"$moons" >"$tmp/moons.csv"
cmp -s "$tmp/moons.csv" examples/moons.csv
status=$?
detail=""
[ $status -ne 0 ] && detail=$(diff "$tmp/moons.csv" examples/moons.csv | head -n 4 | tr '\n' ' ')
check "regenerates examples/moons.csv byte for byte" $status "$detail"

# (no {6} in the regular expressions: mawk lacks intervals)
awk -F, '
    NR == 1 { if ($0 != "x,y,label") bad = "header " $0; next }
    function six(s) { return s ~ /^-?[0-9]+\.[0-9][0-9][0-9][0-9][0-9][0-9]$/ }
    !bad && (NF != 3 || !six($1) || !six($2) || ($3 != "1" && $3 != "-1")) {
        bad = "row " NR ": " $0
    }
    { count[$3]++ }
    END {
        if (!bad && (NR != 101 || count["1"] != 50 || count["-1"] != 50))
            bad = NR - 1 " rows, " count["1"] + 0 " labelled 1, " count["-1"] + 0 " labelled -1"
        if (bad) { print bad; exit 1 }
    }' examples/moons.csv >"$tmp/shape"
check "has a header and 100 rows, 50 of each label" $? "$(cat "$tmp/shape")"

awk -F, '
    NR > 1 { n[$3]++; x[$3] += $1; y[$3] += $2 }
    function far(a, b) { return a - b > 0.1 || b - a > 0.1 }
    END {
        pi = atan2(0, -1)
        ox = x["-1"] / n["-1"]; oy = y["-1"] / n["-1"]
        ix = x["1"] / n["1"]; iy = y["1"] / n["1"]
        printf "outer mean (%.3f, %.3f), inner mean (%.3f, %.3f)\n", ox, oy, ix, iy
        exit far(ox, 0) || far(oy, 2 / pi) || far(ix, 1) || far(iy, 0.5 - 2 / pi)
    }' examples/moons.csv >"$tmp/means"
check "classes centred on their half circles" $? "$(cat "$tmp/means")"

"$moons" --seed 7 --samples 40 --noise 0.2 >"$tmp/a" &&
    "$moons" --seed 7 --samples 40 --noise 0.2 >"$tmp/b" &&
    "$moons" --seed 8 --samples 40 --noise 0.2 >"$tmp/c" &&
    cmp -s "$tmp/a" "$tmp/b" && ! cmp -s "$tmp/a" "$tmp/c" &&
    [ "$(wc -l <"$tmp/a")" -eq 41 ]
check "same seed, same data; another seed, other data" $?

bad=0
for args in "--seed" "--seed -1" "--samples 0" "--noise -1" "--noise x" "--frobnicate"; do
    # shellcheck disable=SC2086 # the arguments are meant to split
    "$moons" $args >/dev/null 2>"$tmp/err"
    status=$?
    if [ $status -ne 2 ] || ! grep -q '^usage: moons' "$tmp/err"; then
        bad=1
        detail="moons $args exited $status"
    fi
done
check "bad arguments exit 2 with the usage" $bad "$detail"

if command -v nm >/dev/null 2>&1; then
    nm -u "$BUILD/engine/random.o" | awk '{ print $NF }' |
        grep -v -e '^__asan' -e '^__ubsan' -e '^__sanitizer' -e '^frexp$' -e '^sqrt$' \
        >"$tmp/calls"
    [ ! -s "$tmp/calls" ]
    check "engine/random.o calls no C library function but frexp and sqrt" $? \
        "it calls $(tr '\n' ' ' <"$tmp/calls")"
else
    echo "skip - moons random.o symbols: nm is not installed"
fi
exit 0
