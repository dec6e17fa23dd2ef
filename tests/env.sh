# tests/env.sh — sourced by the test runners: the environment every run of
# mgrad under test gets, and MGRAD made an absolute path.
#
# Sanitizer builds: a report exits 86, which no runner mistakes for the
# ordinary exit status 1 of a script error.
LC_ALL=${TEST_LC_ALL:-C}
NO_COLOR=1
ASAN_OPTIONS=${ASAN_OPTIONS:-exitcode=86}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-exitcode=86:print_stacktrace=1}
LSAN_OPTIONS=${LSAN_OPTIONS:-exitcode=86}
export LC_ALL NO_COLOR ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

MGRAD=${MGRAD:-build/mgrad}
case $MGRAD in
/*) ;;
*) MGRAD=$(pwd)/$MGRAD ;;
esac

# runner_start SUITE: fails the suite in one line when mgrad is not built;
# otherwise makes $tmp, a scratch directory removed at exit.
runner_start() {
    if [ ! -x "$MGRAD" ]; then
        echo "not ok - $1: $MGRAD is not built"
        exit 0
    fi
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-$1.XXXXXX") || exit 0
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
}
