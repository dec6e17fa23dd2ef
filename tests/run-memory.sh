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

# A script's last run lets a training step's graph go at its backward
# (`backward loss;`) when nothing in the script can look at that graph
# again (compile/uses.c): then one step's graph is alive at a time, not
# two. Each variant below either allows it ("released") or must not
# ("kept"); every one prints the same final loss and gradients to the bit.
# The loss is the only holder of the step's graph, about 325 nodes.
variant() {
    # variant BODY END [BACKWARD]: BODY ends the loop's body, END the
    # script; BACKWARD is the loop's backward
    cat <<EOF_VARIANT
seed 1
m = mlp(3, [4, 4, 1]);
xs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];
ys = [1.0, -1.0, -1.0, 1.0];
losses = [];
hist = [];
for k in range(50) {
    loss = sum((m(x) - ygt)**2 for x, ygt in zip(xs, ys));
    zero m
    ${3:-backward loss;}
    losses = losses + [loss.data];
    $1
    step m, 0.01
}
set digits 17
print("result", losses[-1], losses[10], params(m)[0].grad)
$2
EOF_VARIANT
}
: >"$tmp/empty.mg"
variant "" "" >"$tmp/base.mg"
MGRAD_STATS=1 "$MGRAD" "$tmp/base.mg" 2>/dev/null | grep '^result' >"$tmp/base.out"
# released NAME EXPECT FILE [MORE ARGUMENTS]: EXPECT is released or kept
released() {
    name=$1
    expect=$2
    shift 2
    if ! MGRAD_STATS=1 "$MGRAD" "$@" >"$tmp/v.out" 2>"$tmp/stats"; then
        echo "not ok - graph at backward, $name: mgrad failed"
        sed 's/^/#   /' "$tmp/stats" | head -5
        return
    fi
    alive=$(sed -n 's/.*created, \([0-9]*\) alive at most.*/\1/p' "$tmp/stats")
    if [ "${alive:-0}" -le 450 ]; then got=released; else got=kept; fi
    if [ -z "$alive" ] || [ "$alive" -lt 300 ]; then
        echo "not ok - graph at backward, $name: $alive alive at most"
    elif [ "$got" != "$expect" ]; then
        echo "not ok - graph at backward, $name: $got ($alive alive at most), want $expect"
    elif ! grep '^result' "$tmp/v.out" | cmp -s - "$tmp/base.out"; then
        echo "not ok - graph at backward, $name: a different result:"
        grep '^result' "$tmp/v.out" | sed 's/^/#   /'
    else
        echo "ok - graph at backward, $name: $got ($alive alive at most)"
    fi
}
if [ ! -s "$tmp/base.out" ]; then
    echo "not ok - graph at backward: the base script printed no result"
else
    released "a training loop" released "$tmp/base.mg"
    variant 'print(loss.data, loss.grad)' "" >"$tmp/v1.mg"
    released "loss.data and loss.grad read" released "$tmp/v1.mg"
    variant 'del loss' "" >"$tmp/v2.mg"
    released "del after backward" released "$tmp/v2.mg"
    released "-e, the last action" released -e "$(cat "$tmp/base.mg")"
    released "a script with one after it" kept "$tmp/base.mg" "$tmp/empty.mg"
    variant "" "tree loss" >"$tmp/v3.mg"
    released "tree loss at the end" kept "$tmp/v3.mg"
    variant 'hist = hist + [loss]' "" >"$tmp/v4.mg"
    released "loss kept in a list" kept "$tmp/v4.mg"
    variant "" "" "loss.backward()" >"$tmp/v6.mg"
    released "loss.backward()" kept "$tmp/v6.mg"
    variant 'backward loss;' "" >"$tmp/v7.mg"
    released "a second backward with no binding between" kept "$tmp/v7.mg"
    variant "" 'def again() { backward loss; }' >"$tmp/v8.mg"
    released "backward in a function" kept "$tmp/v8.mg"
    variant "" "vars" >"$tmp/v9.mg"
    released "vars" kept "$tmp/v9.mg"
    variant 'if 0 { print(loss) }' "" >"$tmp/v10.mg"
    released "loss read where it never runs" kept "$tmp/v10.mg"
    variant "" 'for j in range(2) { if j == 1 { backward loss; } }' >"$tmp/v11.mg"
    released "a backward a loop reaches again after the last" kept "$tmp/v11.mg"
    variant "" 'def peek() = loss.data + 0' >"$tmp/v12.mg"
    released "loss.data in a function" released "$tmp/v12.mg"
    variant "" 'def peek() = loss + 0' >"$tmp/v13.mg"
    released "loss in a function" kept "$tmp/v13.mg"
fi
exit 0
