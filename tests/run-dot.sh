#!/bin/sh
# tests/run-dot.sh — the DOT that `dot L` prints and writes must be accepted
# by Graphviz, whatever the labels hold; rendering to .svg/.png/.pdf must
# produce the file; a missing Graphviz or a bad file name must give a clear
# error, and so must every way of writing nothing while seeming to succeed
# (an output linked to /dev/full, a dot that exits 0 having written nothing
# or without reading the graph). Prints one ok/not ok/skip line per test and exits 0 (tests/run.sh
# counts the lines).

MGRAD=${MGRAD:-build/mgrad}
case $MGRAD in
/*) ;;
*) MGRAD=$(pwd)/$MGRAD ;;
esac

if [ ! -x "$MGRAD" ]; then
    echo "not ok - dot: $MGRAD is not built"
    exit 0
fi
if ! command -v dot >/dev/null 2>&1; then
    echo "skip - dot: Graphviz's dot program is not installed"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-dot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# accepted NAME PROGRAM: the DOT the program prints (its last statement is
# a `dot`) must be turned into SVG by dot -Tsvg.
accepted() {
    name=$1
    printf '%s\n' "$2" >"$tmp/$name.mg"
    if ! "$MGRAD" "$tmp/$name.mg" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
        echo "not ok - dot $name: mgrad failed: $(head -n 1 "$tmp/$name.err")"
    elif ! sed -n '/^digraph/,$p' "$tmp/$name.out" >"$tmp/$name.dot" ||
         [ ! -s "$tmp/$name.dot" ]; then
        echo "not ok - dot $name: no DOT was printed"
    elif ! dot -Tsvg -o "$tmp/$name.svg" "$tmp/$name.dot" 2>"$tmp/$name.err"; then
        echo "not ok - dot $name: Graphviz rejected it: $(head -n 1 "$tmp/$name.err")"
    elif ! grep -q '<svg' "$tmp/$name.svg"; then
        echo "not ok - dot $name: no SVG came out"
    else
        echo "ok - dot $name"
    fi
}

NEURON='x1 = 2; x2 = 0; w1 = -3; w2 = 1; b = 6.8813735870195432;
n = x1*w1 + x2*w2 + b; o = tanh(n);'
SEED='a = -2; b = 10; c = 2; d = -3; L = a*(b + c*d);'
SHARED='a = 2; b = 3; c = 1; s = a*b + c; t = s*s; u = t + s;'

accepted neuron "$NEURON
dot o"
accepted neuron-backward "$NEURON
backward o;
dot o"
accepted seed-001 "$SEED
dot L"
accepted seed-001-backward "$SEED
backward L;
dot L"
accepted a-plus-a 'a = 3; b = a + a;
backward b;
dot b'
accepted shared-subtree "$SHARED
backward u;
dot u"
accepted every-operation 'a = 0.7; b = 1.3;
L = (a + b) * (a - b) / (b ^ 2) + a ** b + pow(b, a) + -a + tanh(a) + relu(a - b) + exp(a) + log(b) + sigmoid(a) + sin(a) + cos(b) + sqrt(b) + abs(a - b);
backward L;
dot L'
accepted leaf-alone 'a = 2;
dot a'
accepted constants-and-odd-labels 'x = 1.5;
y = (x < 2) * x + (x >= 1) - -x * 1e300 * 1e-300 + x.data * x   # {odd} | <text> "here" \
dot y'
accepted big-numbers 'x = 1e308; y = x * 10;
z = 0 * x + x / 1e-300;
dot y'

# Files: .dot text, and each rendered format.
printf '%s\ndot L "%s"\n' "$SEED" "$tmp/seed.dot" >"$tmp/file-dot.mg"
if "$MGRAD" "$tmp/file-dot.mg" >/dev/null 2>"$tmp/file-dot.err" &&
   dot -Tsvg -o "$tmp/seed-from-file.svg" "$tmp/seed.dot" 2>>"$tmp/file-dot.err"; then
    echo "ok - dot file .dot"
else
    echo "not ok - dot file .dot: $(head -n 1 "$tmp/file-dot.err")"
fi
for format in svg png pdf; do
    printf '%s\ndot L "%s"\n' "$SEED" "$tmp/seed.$format" >"$tmp/file-$format.mg"
    if ! "$MGRAD" "$tmp/file-$format.mg" >/dev/null 2>"$tmp/file-$format.err"; then
        echo "not ok - dot file .$format: $(head -n 1 "$tmp/file-$format.err")"
    elif [ ! -s "$tmp/seed.$format" ]; then
        echo "not ok - dot file .$format: nothing was written"
    else
        echo "ok - dot file .$format"
    fi
done

# A name with spaces and shell characters reaches dot as one argument.
odd="$tmp/a b; \$(touch gotcha) 'q'.svg"
printf '%s\ndot L "%s"\n' "$SEED" "$odd" >"$tmp/odd-name.mg"
if (cd "$tmp" && "$MGRAD" odd-name.mg >/dev/null 2>&1) && [ -s "$odd" ] &&
   [ ! -e "$tmp/gotcha" ]; then
    echo "ok - dot file name with shell characters"
else
    echo "not ok - dot file name with shell characters"
fi

# A file counts as written only when it was: each of these must fail with
# its message and never print "wrote".
# refused NAME TARGET MESSAGE [PATH]: dot L "TARGET" (run in $tmp) must exit
# 1 with MESSAGE (an extended regular expression) on standard error and
# nothing on standard output.
refused() {
    printf '%s\ndot L "%s"\n' "${PROGRAM:-$SEED}" "$2" >"$tmp/$1.mg"
    (cd "$tmp" && PATH=${4:-$PATH} "$MGRAD" "$1.mg") >"$tmp/$1.out" 2>"$tmp/$1.err"
    status=$?
    if [ "$status" -ne 1 ]; then
        echo "not ok - dot $1: exit status $status, expected 1"
    elif [ -s "$tmp/$1.out" ]; then
        echo "not ok - dot $1: printed $(head -n 1 "$tmp/$1.out")"
    elif ! grep -q -E "error: dot: $3" "$tmp/$1.err"; then
        echo "not ok - dot $1: $(head -n 1 "$tmp/$1.err")"
    else
        echo "ok - dot $1"
    fi
}
ln -s /dev/full "$tmp/full.svg"
ln -s /dev/null "$tmp/null.png"
ln -s /dev/full "$tmp/full.dot"
# Graphviz notices a full device on a big picture only; on a small one it
# exits 0, and the check of the file is what catches it.
PROGRAM='a = 2; L = a*3;' refused rendered-into-dev-full full.svg \
    "full.svg is not a regular file, so the picture went nowhere"
refused rendered-big-into-dev-full full.svg \
    "(full.svg is not a regular file|Graphviz's dot could not render full.svg)"
PROGRAM='a = 2; L = a*3;' refused rendered-into-dev-null null.png \
    "null.png is not a regular file, so the picture went nowhere"
refused dot-text-into-dev-full full.dot \
    "cannot write full.dot: No space left on device"
# Stand-ins for a Graphviz that misbehaves yet exits 0.
mkdir "$tmp/silent" "$tmp/empty" "$tmp/deaf"
printf '#!/bin/sh\ncat >/dev/null\nexit 0\n' >"$tmp/silent/dot"
printf '#!/bin/sh\ncat >/dev/null\nwhile [ $# -gt 1 ]; do [ "$1" = -o ] && : >"$2"; shift; done\nexit 0\n' \
    >"$tmp/empty/dot"
printf '#!/bin/sh\nwhile [ $# -gt 1 ]; do [ "$1" = -o ] && echo "<svg/>" >"$2"; shift; done\nexit 0\n' \
    >"$tmp/deaf/dot"
chmod +x "$tmp/silent/dot" "$tmp/empty/dot" "$tmp/deaf/dot"
refused dot-writes-no-file none.svg \
    "Graphviz's dot did not write none.svg: No such file or directory" \
    "$tmp/silent:$PATH"
refused dot-writes-an-empty-file empty.svg \
    "Graphviz's dot wrote an empty empty.svg" "$tmp/empty:$PATH"
# dot that exits without reading the graph (larger than a pipe holds).
PROGRAM=$(awk 'BEGIN { print "x = 0.5;"; for (i = 0; i < 3000; i++)
                       print "x = x*0.5 + 1;"; print "L = x;" }')
PROGRAM=$PROGRAM refused dot-reads-nothing deaf.svg \
    "cannot send the graph to Graphviz's dot: Broken pipe" "$tmp/deaf:$PATH"

# Errors: unknown extension; Graphviz missing (an empty PATH).
printf '%s\ndot L "%s"\n' "$SEED" "$tmp/seed.txt" >"$tmp/bad-ext.mg"
if "$MGRAD" "$tmp/bad-ext.mg" >/dev/null 2>"$tmp/bad-ext.err"; then
    echo "not ok - dot unknown extension: no error"
elif grep -q 'error: dot: .*\.dot.*\.svg' "$tmp/bad-ext.err" && [ ! -e "$tmp/seed.txt" ]; then
    echo "ok - dot unknown extension"
else
    echo "not ok - dot unknown extension: $(head -n 1 "$tmp/bad-ext.err")"
fi
printf '%s\ndot L "%s"\n' "$SEED" "$tmp/nodot.svg" >"$tmp/no-dot.mg"
if PATH=/nonexistent "$MGRAD" "$tmp/no-dot.mg" >/dev/null 2>"$tmp/no-dot.err"; then
    echo "not ok - dot without Graphviz: no error"
elif grep -q 'install the graphviz package' "$tmp/no-dot.err"; then
    echo "ok - dot without Graphviz"
else
    echo "not ok - dot without Graphviz: $(head -n 1 "$tmp/no-dot.err")"
fi
# SIGTERM (or SIGHUP) while a script renders: the run stops as Ctrl-C
# stops it, so Graphviz is stopped too (no orphan laying the graph out for
# minutes, no half-written file left) and mgrad exits with 143. The
# graph of 3000 steps takes Graphviz far longer than the wait.
printf 'u = 1; repeat 3000 { u = u*0.5 + 1; }\ndot u "%s"\n' "$tmp/term.svg" \
    >"$tmp/term.mg"
"$MGRAD" "$tmp/term.mg" >/dev/null 2>"$tmp/term.err" &
pid=$!
sleep 1.5
kill -TERM "$pid" 2>/dev/null
wait "$pid"
status=$?
sleep 0.5
if pgrep -f "$tmp/term.svg" >/dev/null 2>&1; then
    echo "not ok - dot: SIGTERM during a render stops Graphviz: dot still runs"
    pkill -f "$tmp/term.svg"
elif [ "$status" -ne 143 ]; then
    echo "not ok - dot: SIGTERM during a render: exit status $status, not 143"
elif ls "$tmp"/term.svg* >/dev/null 2>&1; then
    echo "not ok - dot: SIGTERM during a render left $(ls "$tmp"/term.svg*)"
else
    echo "ok - dot: SIGTERM during a render stops Graphviz, leaves no file, exits 143"
fi

# The same while the DOT text of a big graph is written to a file: the
# file that was there stays as it was (the new one is written beside it
# and renamed only when whole), not a truncated graph that ends with }.
printf 'old\n' >"$tmp/keep.dot"
printf 'y = 1; repeat 400000 { y = y*0.5 + 1; }\ndot y "%s"\n' \
    "$tmp/keep.dot" >"$tmp/keep.mg"
"$MGRAD" "$tmp/keep.mg" >"$tmp/keep.out" 2>"$tmp/keep.err" &
pid=$!
waited=0
while ! ls "$tmp"/keep.dot.* >/dev/null 2>&1 && [ $waited -lt 3000 ]; do
    sleep 0.01
    waited=$((waited + 1))
done
kill -TERM "$pid" 2>/dev/null
wait "$pid"
status=$?
if [ "$(cat "$tmp/keep.dot")" != "old" ]; then
    echo "not ok - dot: an interrupted write keeps the old file: it holds $(wc -c <"$tmp/keep.dot") bytes"
elif ls "$tmp"/keep.dot.* >/dev/null 2>&1; then
    echo "not ok - dot: an interrupted write left $(ls "$tmp"/keep.dot.*)"
else
    echo "ok - dot: an interrupted write keeps the old file whole (exit $status)"
fi
exit 0
