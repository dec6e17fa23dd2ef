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
# 1000 steps of training an MLP, its loss graph built anew each step, as
# micrograd does: the nodes alive stay those of one step or two, and the
# process's peak memory is that of ten steps.
train() {
    cat <<EOF_TRAIN
seed 1
m = mlp(3, [4, 4, 1]);
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
ys = [1.0, -1.0, -1.0, 1.0];
losses = [];
repeat $1 {
    ypred = [m(x) for x in xs];
    loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred));
    zero m
    backward loss;
    step m, 0.01
    losses = losses + [loss.data];
}
EOF_TRAIN
}
train 1000 >"$tmp/train1000.mg"
train 10 >"$tmp/train10.mg"
check "1000 training steps keep memory flat" "$tmp/train1000.mg" 300000 1000
if nm "$MGRAD" 2>/dev/null | grep -q __asan_init; then
    # AddressSanitizer keeps freed memory in quarantine: peak sizes say
    # nothing there (the node counts above still do).
    echo "skip - training memory by peak size: not measured in a sanitizer build"
elif [ -x /usr/bin/time ]; then
    /usr/bin/time -f %M -o "$tmp/kb10" "$MGRAD" "$tmp/train10.mg" >/dev/null 2>&1
    /usr/bin/time -f %M -o "$tmp/kb1000" "$MGRAD" "$tmp/train1000.mg" >/dev/null 2>&1
    kb10=$(tail -n 1 "$tmp/kb10")
    kb1000=$(tail -n 1 "$tmp/kb1000")
    if [ -n "$kb10" ] && [ -n "$kb1000" ] && [ "$kb1000" -le $((kb10 + 1024)) ]; then
        echo "ok - 1000 training steps peak at the memory of 10 ($kb1000 KiB, $kb10 KiB)"
    else
        echo "not ok - 1000 training steps grow the process: $kb1000 KiB against $kb10 KiB for 10"
    fi
else
    echo "skip - training memory by peak size: /usr/bin/time is not installed"
fi
exit 0
