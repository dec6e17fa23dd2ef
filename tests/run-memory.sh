#!/bin/sh
# tests/run-memory.sh — memory is reclaimed: a long script that keeps
# rebinding the same names must keep only a handful of nodes alive at once,
# however many it creates, and a graph dropped by del is freed. Reads the
# node counts that MGRAD_STATS=1 prints at exit.
# One ok / not ok line per check; exit status 0.
MGRAD=${MGRAD:-build/mgrad}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-memory.XXXXXX") || exit 0
trap 'rm -rf "$tmp"' EXIT

# check NAME SCRIPT MIN_CREATED MAX_ALIVE
check() {
    if ! MGRAD_STATS=1 "$MGRAD" "$2" >/dev/null 2>"$tmp/stats"; then
        echo "not ok - $1: mgrad failed"
        sed 's/^/#   /' "$tmp/stats" | head -5
        return
    fi
    created=$(sed -n 's/.*stats: \([0-9]*\) nodes created.*/\1/p' "$tmp/stats")
    alive=$(sed -n 's/.*created, \([0-9]*\) alive at most.*/\1/p' "$tmp/stats")
    if [ -z "$created" ] || [ -z "$alive" ]; then
        echo "not ok - $1: no stats line"
    elif [ "$created" -lt "$3" ] || [ "$alive" -gt "$4" ]; then
        echo "not ok - $1: $created nodes created, $alive alive at most" \
             "(want at least $3 created, at most $4 alive)"
    else
        echo "ok - $1 ($created nodes created, $alive alive at most)"
    fi
}

awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "w = %d.5; y = tanh(w*0.5 + 1); y += w; backward y;\n", i % 7 }' \
    > "$tmp/rebind.mg"
check "rebinding 100000 times keeps memory flat" "$tmp/rebind.mg" 700000 40

# Two chains of 80 001 nodes one after the other: del frees the first, so
# no more than one chain is ever alive.
awk 'BEGIN { for (k = 0; k < 2; k++) { print "x = 0.5;";
             for (i = 0; i < 20000; i++) print "x = x*0.5 + 1;";
             print "backward x;"; print "del x" } }' > "$tmp/chain.mg"
check "del frees a 20000-deep chain" "$tmp/chain.mg" 160000 80010
# Arithmetic on numbers is arithmetic: 100 000 statements of it make no
# node at all, and binding a number makes exactly one.
awk 'BEGIN { for (i = 0; i < 100000; i++)
    printf "print (%d + 0.5) * 2 - tanh(1) / 3 ^ 2;\n", i % 7
    print "x = 2 * 3 + 1;" }' > "$tmp/numbers.mg"
if MGRAD_STATS=1 "$MGRAD" "$tmp/numbers.mg" >/dev/null 2>"$tmp/stats"; then
    created=$(sed -n 's/.*stats: \([0-9]*\) nodes created.*/\1/p' "$tmp/stats")
    if [ "$created" = 1 ]; then
        echo "ok - number arithmetic makes no node (1 node for 100001 statements)"
    else
        echo "not ok - number arithmetic makes no node: $created nodes created"
    fi
else
    echo "not ok - number arithmetic makes no node: mgrad failed"
fi
exit 0
