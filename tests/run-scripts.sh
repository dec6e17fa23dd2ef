#!/bin/sh
# tests/run-scripts.sh — runs every tests/scripts/NAME.mg and compares what
# it does with the expectations written inside it:
#   # expect: TEXT       one line of standard output (bare `# expect:` is
#                        an empty line), in file order
#   # expect-err: TEXT   one line of standard error, in file order
#   # exit: N            the exit status (default 0)
# Each script runs as `cd tests/scripts && $MGRAD NAME.mg </dev/null`, so
# messages name the file as NAME.mg and nothing is a terminal.
#
# One `ok -` / `not ok -` line per script (with a short diff after a
# failure) and exit status 0: tests/run.sh counts the lines. A run that
# ends by a signal, times out or prints a sanitizer report fails whatever
# the expectations say.
#
# Environment: MGRAD (default build/mgrad), MGRAD_TIMEOUT (seconds per
# script, default 60). Arguments, if any, name the scripts to run.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
limit=${MGRAD_TIMEOUT:-60}

runner_start "scripts"

if command -v timeout >/dev/null 2>&1; then
    run_limited() { timeout -k 5 "$limit" "$@"; }
else
    run_limited() { "$@"; }
fi

# detail FILE: indented lines after a failure, at most 20.
detail() {
    sed -n '1,20s/^/#   /p' "$1"
    n=$(wc -l <"$1")
    [ "$n" -gt 20 ] && echo "#   ... ($n lines in all)"
}

# compare WHAT EXPECTED ACTUAL: nothing when equal, else a diff in $tmp/diff.
compare() {
    if cmp -s "$2" "$3"; then
        return 0
    fi
    diff -u "$2" "$3" | sed '1,2d' >"$tmp/diff"
    # A difference only in the final newline does not show in diff -u.
    [ -s "$tmp/diff" ] || echo "(they differ in a final newline)" >"$tmp/diff"
    return 1
}

cd "$here/scripts" 2>/dev/null || {
    echo "skip - scripts: no tests/scripts directory"
    exit 0
}

if [ $# -gt 0 ]; then
    list="$*"
else
    list=$(ls ./*.mg 2>/dev/null | sed 's|^\./||')
fi
if [ -z "$list" ]; then
    echo "skip - scripts: no tests/scripts/*.mg yet"
    exit 0
fi

for file in $list; do
    name=${file%.mg}
    if [ ! -f "$file" ]; then
        echo "not ok - script $name: no such file"
        continue
    fi
    sed -n -e 's/^[[:space:]]*# expect: //p' -e t \
           -e 's/^[[:space:]]*# expect:[[:space:]]*$//p' "$file" >"$tmp/want.out"
    sed -n -e 's/^[[:space:]]*# expect-err: //p' -e t \
           -e 's/^[[:space:]]*# expect-err:[[:space:]]*$//p' "$file" >"$tmp/want.err"
    want_status=$(sed -n 's/^[[:space:]]*# exit:[[:space:]]*\([0-9][0-9]*\)[[:space:]]*$/\1/p' \
                  "$file" | tail -n 1)
    [ -n "$want_status" ] || want_status=0

    run_limited "$MGRAD" "$file" </dev/null >"$tmp/got.out" 2>"$tmp/got.err"
    status=$?

    why=""
    show=""
    if [ "$status" -eq 124 ] && [ "$limit" != 0 ] && command -v timeout >/dev/null 2>&1; then
        why="timed out after ${limit} s"
        show="err"
    elif [ "$status" -gt 128 ]; then
        why="ended by signal $((status - 128))"
        show="err"
    elif grep -a -q -E 'Sanitizer|runtime error:' "$tmp/got.err"; then
        why="sanitizer report (exit status $status)"
        show="err"
    elif ! compare stdout "$tmp/want.out" "$tmp/got.out"; then
        why="standard output differs (- expected, + actual)"
        show="diff"
    elif ! compare stderr "$tmp/want.err" "$tmp/got.err"; then
        why="standard error differs (- expected, + actual)"
        show="diff"
    elif [ "$status" -ne "$want_status" ]; then
        why="exit status $status, expected $want_status"
        show="err"
    fi

    if [ -z "$why" ]; then
        echo "ok - script $name"
        continue
    fi
    echo "not ok - script $name: $why"
    case $show in
    diff) detail "$tmp/diff" ;;
    err)
        if [ -s "$tmp/got.err" ]; then
            echo "#   stderr:"
            detail "$tmp/got.err"
        fi
        ;;
    esac
done
exit 0
