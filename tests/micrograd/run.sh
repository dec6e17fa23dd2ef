#!/bin/sh
# tests/micrograd/run.sh — mgrad trains micrograd's moons demo exactly as
# micrograd does: tests/micrograd/equivalence.py restates micrograd's
# engine and nn in Python, starts them from mgrad's initial parameters and
# compares the loss and accuracy at every step (MICROGRAD_STEPS, default
# 8: micrograd takes over a second a step). Needs python3; without it the
# suite is one skip line.
#
# Output: one ok / not ok / skip line, exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../env.sh"
python=$(command -v python3 2>/dev/null)

if [ -z "$python" ]; then
    echo "skip - micrograd equivalence: python3 is not installed"
    exit 0
fi
runner_start "micrograd"
"$python" "$here/equivalence.py" "$MGRAD" "$tmp" 2>"$tmp/python.err"
status=$?
if [ "$status" -ne 0 ]; then
    echo "not ok - micrograd equivalence: the test program failed (exit status $status)"
    sed -n '1,15s/^/#   /p' "$tmp/python.err"
fi
exit 0
