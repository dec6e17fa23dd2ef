#!/bin/sh
# tests/run-fuzz.sh — the fuzz harness (tests/fuzz/harness.c) without
# AFL++. Every build makes its replay tool, $BUILD/mgrad-fuzz, which runs
# files through the same code as the fuzzer does; here it runs
#   - the whole seed corpus (tests/scripts, examples, tests/bad) in one
#     process, as persistent mode runs input after input: it must not end
#     by a signal or report a sanitizer error (leaks included, at exit),
#     and must leave its working directory as it found it;
#   - inputs that try what the sandbox forbids — writing a file (dot to
#     .dot and .svg), reading by a path (load "/etc/passwd") — each refused
#     with "Permission denied" and no file left behind; reading a plain
#     name in the working directory still works;
#   - an input over the 4 KiB limit, which must be skipped, not run.
# `make fuzz` runs the AFL++ build itself. One ok / not ok line per check.
#
# Environment: BUILD (default build), as tests/run.sh sets it.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
BUILD=${BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$(pwd)/$BUILD ;;
esac
harness=$BUILD/mgrad-fuzz

runner_start "fuzz"
if [ ! -x "$harness" ]; then
    echo "not ok - fuzz: $harness is not built"
    exit 0
fi

# report NAME WHY: one result line; WHY empty means ok. On failure, shows
# stderr from the sanitizer's report if there is one, else its start.
report() {
    if [ -z "$2" ]; then
        echo "ok - fuzz harness: $1"
        return
    fi
    echo "not ok - fuzz harness: $1: $2"
    if grep -a -q -E 'Sanitizer|runtime error:' "$tmp/err"; then
        grep -a -E -A 10 'Sanitizer|runtime error:' "$tmp/err"
    else
        cat "$tmp/err"
    fi | head -n 12 | cut -c 1-200 | sed 's/^/#   /'
}

# run DIR FILE...: the replay tool on FILEs, from DIR; sets $status.
run() {
    dir=$1
    shift
    (cd "$dir" && exec timeout -k 5 300 "$harness" "$@") </dev/null \
        >"$tmp/out" 2>"$tmp/err"
    status=$?
}

# crashed: why the last run counts as a crash, or nothing.
crashed() {
    if [ "$status" -eq 124 ]; then
        echo "timed out"
    elif [ "$status" -gt 128 ]; then
        echo "ended by signal $((status - 128))"
    elif grep -a -q -E 'Sanitizer|runtime error:' "$tmp/err"; then
        echo "sanitizer report (exit status $status)"
    elif [ "$status" -ne 0 ]; then
        echo "exit status $status"
    fi
}

# ---- the seed corpus, one process ------------------------------------------------

corpus=$tmp/corpus
mkdir "$corpus"
set --
for file in "$here"/scripts/*.mg "$here"/../examples/*.mg "$here"/bad/*.mg; do
    [ -f "$file" ] && set -- "$@" "$file"
done
run "$corpus" "$@"
why=$(crashed)
[ -z "$why" ] && [ -n "$(ls -A "$corpus")" ] && why="files left in its directory: $(ls -A "$corpus")"
report "the seed corpus ($# files) in one process" "$why"

# ---- the sandbox ----------------------------------------------------------------------

box=$tmp/box
mkdir "$box"

# refused NAME CODE EXPECTED FILE: CODE must fail with EXPECTED on stderr
# and leave no FILE.
refused() {
    printf '%s\n' "$2" >"$tmp/input.mg"
    run "$box" "$tmp/input.mg"
    why=$(crashed)
    if [ -z "$why" ] && ! grep -q -F "$3" "$tmp/err"; then
        why="stderr does not say '$3'"
    fi
    if [ -z "$why" ] && [ -e "$box/$4" ]; then
        why="it wrote $4"
    fi
    rm -f "$box/$4"
    report "$1" "$why"
}

refused "dot to a .dot file is refused" 'a = 1; dot a "g.dot"' \
    'error: dot: cannot write g.dot: Permission denied' g.dot
refused "dot to an .svg file starts no program" 'a = 1; dot a "g.svg"' \
    'error: dot: cannot render g.svg: Permission denied' g.svg
refused "load by a path is refused" 'load "/etc/passwd"' \
    "error: load: cannot read '/etc/passwd': Permission denied" none

printf 'print "loaded"\n' >"$box/lib.mg"
printf 'load "lib.mg"\n' >"$tmp/input.mg"
run "$box" "$tmp/input.mg"
why=$(crashed)
[ -z "$why" ] && [ "$(cat "$tmp/out")" != loaded ] && why="printed '$(head -c 80 "$tmp/out")'"
report "load of a plain name reads the working directory" "$why"

# ---- the size limit -----------------------------------------------------------------

{
    echo 'print "ran"'
    awk 'BEGIN { for (i = 0; i < 4096; i++) printf "#"; print "" }'
} >"$tmp/long.mg"
run "$box" "$tmp/long.mg"
why=$(crashed)
[ -z "$why" ] && [ -s "$tmp/out" ] && why="it ran the input: '$(head -c 80 "$tmp/out")'"
[ -z "$why" ] && ! grep -q 'longer than 4096 bytes, skipped' "$tmp/err" && why="no note that it skipped the input"
report "an input over 4096 bytes is skipped" "$why"
exit 0
