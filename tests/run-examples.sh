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
exit 0
