#!/bin/sh
# tests/lecture/run.sh — the lecture's cells pasted unchanged (see the top of
# cells_reset.mg): they print what cells_reset.out holds (the xs and ys
# cells' echo, then 20 lines `k loss` from the loop and nothing else); and
# the loop with and without its `p.grad = 0.0` reset gives, step by step,
# the losses of the lecture's own classes run by python3 from the same
# starting weights (lecture.py), within 1e-12. The pastes of micrograd's
# insides (manual.mg: backprop by hand with _backward() and build_topo;
# tanh_exp.mg: tanh by math.exp and random.uniform weights; engine_tests.mg:
# micrograd's test_engine.py; draw.mg: draw_dot and a model's parts) print
# their .out, and lecture.py checks their numbers against the lecture's
# closures and PyTorch's. Without python3 the Python half is one skip line.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../env.sh"
runner_start "lecture"
# The xs, ys and training-loop cells (cells_reset.mg), then the pastes of
# issue 14: each prints what its .out holds.
for name in cells_reset manual tanh_exp engine_tests draw; do
    (cd "$here" && LC_ALL=C NO_COLOR=1 "$MGRAD" $name.mg) \
        </dev/null >"$tmp/$name.out" 2>&1
    if cmp -s "$here/$name.out" "$tmp/$name.out"; then
        echo "ok - the lecture's pastes in $name.mg print $name.out"
    else
        echo "not ok - $name.mg: output differs from $name.out"
        diff "$here/$name.out" "$tmp/$name.out" | head -n 12 | sed 's/^/#   /'
    fi
done
python=$(command -v python3 2>/dev/null)
if [ -z "$python" ]; then
    echo "skip - the lecture's classes in Python: python3 is not installed"
    exit 0
fi
"$python" "$here/lecture.py" "$MGRAD" "$here" 2>"$tmp/python.err" ||
    { echo "not ok - the lecture's classes in Python: the check failed";
      sed -n '1,15s/^/#   /p' "$tmp/python.err"; }
exit 0
