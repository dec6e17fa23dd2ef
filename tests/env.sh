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
