#!/bin/sh
# tests/torch/run.sh — the differential tests against PyTorch (float64):
# tests/torch/differential.py writes random programs over every operation,
# runs them through mgrad and through torch, and compares values and
# gradients to 1e-9 relative; tests/torch/training.py trains two MLPs from
# mgrad's initial parameters both ways and compares the loss at every step. Needs Debian's python3 with python3-torch;
# without it the suite is one skip line.
#
# Environment: MGRAD (default build/mgrad), TORCH_PROGRAMS (default 250).
# Output: one ok / not ok / skip line per test, exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../env.sh"
python=/usr/bin/python3

if [ ! -x "$python" ] || ! "$python" -c 'import torch' >/dev/null 2>&1; then
    echo "skip - torch differential: python3-torch not installed"
    exit 0
fi
runner_start "torch"

# Keep torch to one thread: the graphs are tiny and threads only cost.
OMP_NUM_THREADS=1
export OMP_NUM_THREADS
"$python" "$here/differential.py" "$MGRAD" "$tmp" "${TORCH_PROGRAMS:-250}" 2>"$tmp/python.err"
status=$?
if [ "$status" -ne 0 ]; then
    echo "not ok - torch differential: the test program failed (exit status $status)"
    sed -n '1,15s/^/#   /p' "$tmp/python.err"
fi
# Training: an MLP from mgrad's initial parameters, 20 steps, both ways.
"$python" "$here/training.py" "$MGRAD" "$tmp" 2>"$tmp/python.err"
status=$?
if [ "$status" -ne 0 ]; then
    echo "not ok - torch training: the test program failed (exit status $status)"
    sed -n '1,15s/^/#   /p' "$tmp/python.err"
fi
exit 0
