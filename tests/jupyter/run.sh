#!/bin/sh
# tests/jupyter/run.sh — the notebook kernel and the %%mgrad magic, through
# Jupyter itself: kernel_test.py (jupyter_kernel_test's KernelTests and
# more), notebook_test.py (examples/lecture.ipynb run headless by
# nbclient, its outputs checked), magic_test.py (%%mgrad in the stock
# Python kernel, driven by jupyter_client).
#
# The kernel runs from this tree: a kernel spec "mgrad-test" is made in a
# scratch JUPYTER_PATH, naming /usr/bin/python3 (which has Debian's
# Jupyter modules), jupyter/ and $BUILD/libmgrad.so. Where Jupyter is not
# installed (make jupyter installs it) the suite is one skip line.
#
# Output: ok / not ok lines, a closing `N passed, N failed`; exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/../env.sh"
root=$(cd "$here/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$root/$BUILD ;;
esac
python=/usr/bin/python3

if [ ! -x "$python" ] ||
    ! "$python" -c 'import ipykernel, jupyter_client, nbclient, jupyter_kernel_test, matplotlib' \
        >/dev/null 2>&1; then
    echo "skip - jupyter: Jupyter is not installed (make jupyter installs it)"
    exit 0
fi
if [ ! -f "$BUILD/libmgrad.so" ]; then
    echo "not ok - jupyter: $BUILD/libmgrad.so is not built"
    exit 0
fi
runner_start "jupyter"

mkdir -p "$tmp/share/jupyter/kernels/mgrad-test" "$tmp/runtime" "$tmp/ipython"
cat >"$tmp/share/jupyter/kernels/mgrad-test/kernel.json" <<JSON
{
 "argv": ["/usr/bin/python3", "-m", "mgrad_kernel", "-f", "{connection_file}"],
 "display_name": "mgrad (test)",
 "language": "mgrad",
 "interrupt_mode": "signal"
}
JSON
JUPYTER_PATH=$tmp/share/jupyter
JUPYTER_RUNTIME_DIR=$tmp/runtime
JUPYTER_PLATFORM_DIRS=1
IPYTHONDIR=$tmp/ipython
PYTHONPATH=$root/jupyter:$here
MGRAD_LIBRARY=$BUILD/libmgrad.so
PYDEVD_DISABLE_FILE_VALIDATION=1
MGRAD_ROOT=$root
export JUPYTER_PATH JUPYTER_RUNTIME_DIR JUPYTER_PLATFORM_DIRS IPYTHONDIR \
    PYTHONPATH MGRAD_LIBRARY PYDEVD_DISABLE_FILE_VALIDATION MGRAD_ROOT
unset LC_ALL   # matplotlib and the kernels want a UTF-8 locale
LANG=C.UTF-8
export LANG

cd "$tmp" || exit 0
for test in kernel_test notebook_test magic_test; do
    "$python" -Xfrozen_modules=off "$here/$test.py" 2>"$tmp/$test.err"
    status=$?
    if [ "$status" -ne 0 ]; then
        echo "not ok - jupyter: $test.py failed (exit status $status)"
        tail -n 20 "$tmp/$test.err" | sed 's/^/    /'
    fi
done
exit 0
