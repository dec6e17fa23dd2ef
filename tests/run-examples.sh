#!/bin/sh
# tests/run-examples.sh — every examples/NAME.mg runs, in examples/, and
# prints exactly examples/expected/NAME.out (standard output and error, in
# the C locale: ASCII pictures). Then the two forms of micrograd's moons
# training, rebuilt each step (moons.mg) and kept (moons_kept.mg), must
# report the same loss and accuracy at every step.
#
# To write an expected file after a deliberate change:
#   tests/bless.sh examples/NAME.mg
# and read it before committing.
#
# One ok / not ok line per check; exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
limit=${MGRAD_TIMEOUT:-120}
runner_start "examples"
examples=$(cd "$here/../examples" && pwd)

run() {
    if command -v timeout >/dev/null 2>&1; then
        (cd "$examples" && exec timeout -k 5 "$limit" "$MGRAD" "$1") \
            </dev/null >"$2" 2>&1
    else
        (cd "$examples" && exec "$MGRAD" "$1") </dev/null >"$2" 2>&1
    fi
}

for script in "$examples"/*.mg; do
    name=$(basename "$script" .mg)
    expected="$examples/expected/$name.out"
    if [ ! -f "$expected" ]; then
        echo "not ok - example $name: no examples/expected/$name.out"
        continue
    fi
    run "$name.mg" "$tmp/$name.out"
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "not ok - example $name: exit status $status"
        head -n 5 "$tmp/$name.out" | sed 's/^/#   /'
    elif cmp -s "$expected" "$tmp/$name.out"; then
        echo "ok - example $name"
    else
        echo "not ok - example $name: output differs"
        diff "$expected" "$tmp/$name.out" | head -n 12 | sed 's/^/#   /'
    fi
done

if [ -f "$tmp/moons.out" ] && [ -f "$tmp/moons_kept.out" ]; then
    grep '^step' "$tmp/moons.out" >"$tmp/rebuilt.steps"
    grep '^step' "$tmp/moons_kept.out" >"$tmp/kept.steps"
    steps=$(wc -l <"$tmp/rebuilt.steps")
    if [ "$steps" -eq 100 ] && cmp -s "$tmp/rebuilt.steps" "$tmp/kept.steps"; then
        echo "ok - moons: kept and rebuilt graphs give the same loss at all 100 steps"
    else
        echo "not ok - moons: kept and rebuilt graphs differ ($steps steps)"
        diff "$tmp/rebuilt.steps" "$tmp/kept.steps" | head -n 6 | sed 's/^/#   /'
    fi
fi
# The examples run as programs (a shebang and the run bit), and make
# install puts them, the program and its man page under PREFIX (Debian's
# places: share/doc/mgrad/examples, share/man/man1), run bits kept; make
# uninstall takes them away, and make help lists both. -o keeps make from
# rebuilding what is under test.
for f in "$examples"/*.mg; do
    if head -n 1 "$f" | grep -q '^#!' && [ ! -x "$f" ]; then
        echo "not ok - examples: $(basename "$f") has a shebang but no run bit"
    fi
done
root=$(cd "$here/.." && pwd)
build=$(dirname "$MGRAD")
if ! command -v make >/dev/null 2>&1 || [ ! -f "$build/mgrad.1" ]; then
    echo "skip - examples: make install: no make, or no $build/mgrad.1"
else
    dest="$tmp/installed"
    make -s --no-print-directory -C "$root" -o "$MGRAD" -o "$build/mgrad.1" \
        MGRAD="$MGRAD" BUILD="$build" DESTDIR="$dest" PREFIX=/usr install \
        >"$tmp/install.out" 2>&1
    if [ -x "$dest/usr/bin/mgrad" ] && [ -f "$dest/usr/share/man/man1/mgrad.1" ] &&
       [ -x "$dest/usr/share/doc/mgrad/examples/moons.mg" ] &&
       [ -f "$dest/usr/share/doc/mgrad/examples/moons.csv" ] &&
       (cd "$dest/usr/share/doc/mgrad/examples" &&
        PATH="$dest/usr/bin:$PATH" ./intro.mg >/dev/null 2>&1); then
        echo "ok - examples: make install puts mgrad, its man page and the runnable examples under PREFIX"
    else
        echo "not ok - examples: make install: $(head -n 1 "$tmp/install.out")"
    fi
    make -s --no-print-directory -C "$root" -o "$MGRAD" -o "$build/mgrad.1" \
        MGRAD="$MGRAD" BUILD="$build" DESTDIR="$dest" PREFIX=/usr uninstall \
        >"$tmp/install.out" 2>&1
    if [ -e "$dest/usr/bin/mgrad" ] || [ -e "$dest/usr/share/man/man1/mgrad.1" ] ||
       [ -e "$dest/usr/share/doc/mgrad/examples" ]; then
        echo "not ok - examples: make uninstall left files behind"
    else
        echo "ok - examples: make uninstall takes them away"
    fi
    make -s --no-print-directory -C "$root" help >"$tmp/help.out" 2>&1
    if grep -q '^make install' "$tmp/help.out" &&
       grep -q '^make uninstall' "$tmp/help.out"; then
        echo "ok - examples: make help lists install and uninstall"
    else
        echo "not ok - examples: make help does not list install and uninstall"
    fi
fi
exit 0
