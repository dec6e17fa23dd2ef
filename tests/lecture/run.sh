#!/bin/sh
# tests/lecture/run.sh — the lecture's cells pasted unchanged (see the top of
# cells_reset.mg): they print what cells_reset.out holds (the xs and ys
# cells' echo, then 20 lines `k loss` from the loop and nothing else); and
# the loop with and without its `p.grad = 0.0` reset gives, step by step,
# the losses of the lecture's own classes run by python3 from the same
# starting weights (lecture.py), within 1e-12. Without python3 the Python
# half is one skip line.
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../env.sh"
runner_start "lecture"
(cd "$here" && LC_ALL=C NO_COLOR=1 "$MGRAD" cells_reset.mg) \
    </dev/null >"$tmp/out" 2>&1
if cmp -s "$here/cells_reset.out" "$tmp/out"; then
    echo "ok - the lecture's xs, ys and training-loop cells print cells_reset.out"
else
    echo "not ok - the lecture's cells: output differs from cells_reset.out"
    diff "$here/cells_reset.out" "$tmp/out" | head -n 12 | sed 's/^/#   /'
fi
python=$(command -v python3 2>/dev/null)
if [ -z "$python" ]; then
    echo "skip - the lecture's classes in Python: python3 is not installed"
    exit 0
fi
"$python" "$here/lecture.py" "$MGRAD" "$here" 2>"$tmp/python.err" ||
    { echo "not ok - the lecture's classes in Python: the check failed";
      sed -n '1,15s/^/#   /p' "$tmp/python.err"; }
exit 0
