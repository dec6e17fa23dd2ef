#!/bin/sh
# tests/run-valgrind.sh — a handful of scripts under valgrind's memcheck:
# up to 15 of tests/scripts/*.mg (spread over the list), a few inputs of
# the bad-input corpus (syntax, run-time and domain errors, a failed load),
# two made here (a chain ten thousand deep, rebinding in a long line of
# statements), the engine's unit test on small graphs (kept orders,
# freeing every node at once) and the embedding API's (sessions side by
# side, interrupts, pictures; its out-of-memory case skipped). Each must run with no memory error and no
# leak of any kind; valgrind's own exit status 99 marks a finding. mgrad
# frees everything at exit when it runs under valgrind.
#
# Not part of tests/run.sh (valgrind is slow); `make valgrind` runs it.
# Environment: MGRAD (default build/mgrad; use the plain build, not the
# sanitizer one), BUILD (default build: where tests/engine_test and
# tests/embed_test are). One
# ok / not ok / skip line per script, exit status 0.

LC_ALL=C
export LC_ALL
NO_COLOR=1
export NO_COLOR

here=$(cd "$(dirname "$0")" && pwd)
MGRAD=${MGRAD:-build/mgrad}
case $MGRAD in
/*) ;;
*) MGRAD=$(pwd)/$MGRAD ;;
esac

if ! command -v valgrind >/dev/null 2>&1; then
    echo "skip - valgrind: valgrind is not installed"
    exit 0
fi
if [ ! -x "$MGRAD" ]; then
    echo "not ok - valgrind: $MGRAD is not built"
    exit 0
fi
if nm -D "$MGRAD" 2>/dev/null | grep -q '__asan_init'; then
    echo "skip - valgrind: $MGRAD is a sanitizer build; valgrind needs the plain one"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-valgrind.XXXXXX") || exit 0
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# memcheck DIR FILE LABEL: run one script under valgrind.
memcheck() {
    (cd "$1" && exec valgrind -q --leak-check=full --show-leak-kinds=all \
        --errors-for-leak-kinds=all --error-exitcode=99 \
        --log-file="$tmp/vg.log" "$MGRAD" "$2") \
        </dev/null >/dev/null 2>"$tmp/err"
    status=$?
    if [ "$status" -eq 99 ]; then
        echo "not ok - valgrind $3: memcheck found errors"
        grep -E '^==[0-9]+== ' "$tmp/vg.log" | sed 's/^==[0-9]*== //' |
            grep -v '^ *$' | head -n 20 | sed 's/^/#   /'
    elif [ "$status" -gt 128 ]; then
        echo "not ok - valgrind $3: ended by signal $((status - 128))"
        head -n 10 "$tmp/vg.log" | sed 's/^/#   /'
    elif [ -s "$tmp/vg.log" ]; then
        echo "not ok - valgrind $3: valgrind reported"
        head -n 20 "$tmp/vg.log" | sed 's/^/#   /'
    else
        echo "ok - valgrind $3 (exit status $status)"
    fi
}

# Up to 15 scripts, evenly spread over the sorted list.
scripts=$(ls "$here"/scripts/*.mg 2>/dev/null | sed 's|.*/||')
total=$(echo "$scripts" | grep -c .)
if [ "$total" -gt 0 ]; then
    step=$(( (total + 14) / 15 ))
    echo "$scripts" | awk -v step="$step" 'NR % step == 1 || step == 1' |
        head -n 15 >"$tmp/list"
    while IFS= read -r file; do
        memcheck "$here/scripts" "$file" "script ${file%.mg}"
    done <"$tmp/list"
else
    echo "skip - valgrind scripts: no tests/scripts/*.mg yet"
fi

for name in syntax-several-errors runs-nothing-at-end undefined-name \
            domain-log-zero domain-div-zero-var data-assign-computed \
            load-runtime-error load-self string-unknown-escape utf8-in-string \
            arity-pow-one del-twice; do
    [ -f "$here/bad/$name.mg" ] && memcheck "$here/bad" "$name.mg" "bad $name"
done

# Made here: deep graphs and rebinding must free everything.
awk 'BEGIN {
    print "x = 0.5"
    for (i = 0; i < 10000; i++) print "x = tanh(x*0.5 + 0.01);"
    print "backward x;"
    print "tree x, 3"
}' >"$tmp/deep-chain.mg"
memcheck "$tmp" deep-chain.mg "deep chain"
awk 'BEGIN {
    print "a = 1; b = 2; c = 0"
    for (i = 0; i < 2000; i++) print "c = a*b + c.data; a = c; del c; c = a + 1;"
    print "backward c;"
    print "vars"
}' >"$tmp/rebinding.mg"
memcheck "$tmp" rebinding.mg "rebinding"

engine=${BUILD:-build}/tests/engine_test
if [ -x "$engine" ]; then
    MGRAD_TEST_CHAIN=3000 valgrind -q --leak-check=full --show-leak-kinds=all \
        --errors-for-leak-kinds=all --error-exitcode=99 \
        --log-file="$tmp/vg.log" "$engine" </dev/null >"$tmp/unit" 2>&1
    status=$?
    if [ "$status" -ne 0 ] || [ -s "$tmp/vg.log" ]; then
        echo "not ok - valgrind engine_test: exit status $status"
        head -n 20 "$tmp/vg.log" | sed 's/^/#   /'
    elif grep -q '^not ok' "$tmp/unit" || ! grep -q '^ok' "$tmp/unit"; then
        echo "not ok - valgrind engine_test: a test failed under valgrind"
        grep '^not ok' "$tmp/unit" | head -n 5 | sed 's/^/#   /'
    else
        echo "ok - valgrind engine_test ($(grep -c '^ok' "$tmp/unit") tests)"
    fi
else
    echo "skip - valgrind engine_test: $engine is not built"
fi
embed=${BUILD:-build}/tests/embed_test
if [ -x "$embed" ]; then
    valgrind -q --leak-check=full --show-leak-kinds=all \
        --errors-for-leak-kinds=all --error-exitcode=99 \
        --log-file="$tmp/vg-embed.log" "$embed" </dev/null >"$tmp/embed" 2>&1
    status=$?
    if [ "$status" -ne 0 ] || [ -s "$tmp/vg-embed.log" ]; then
        echo "not ok - valgrind embed_test: exit status $status"
        head -n 20 "$tmp/vg-embed.log" | sed 's/^/#   /'
    elif grep -q '^not ok' "$tmp/embed" || ! grep -q '^ok' "$tmp/embed"; then
        echo "not ok - valgrind embed_test: a test failed under valgrind"
        grep '^not ok' "$tmp/embed" | head -n 5 | sed 's/^/#   /'
    else
        echo "ok - valgrind embed_test ($(grep -c '^ok' "$tmp/embed") tests)"
    fi
else
    echo "skip - valgrind embed_test: $embed is not built"
fi
exit 0
