#!/bin/sh
# tests/run-dot.sh — the DOT that `dot L` prints and writes must be accepted
# by Graphviz, whatever the labels hold; rendering to .svg/.png/.pdf must
# produce the file; a missing Graphviz or a bad file name must give a clear
# error. Prints one ok/not ok/skip line per test and exits 0 (tests/run.sh
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
exit 0
