#!/bin/sh
# tests/bless.sh — for writing a new script test: runs tests/scripts/NAME.mg
# as the runner does and appends its actual stdout, stderr and exit status
# as `# expect:` / `# expect-err:` / `# exit:` lines, replacing any there
# were. Read what it wrote before committing: the expectations must be
# checked by hand, never taken on trust.
set -eu
MGRAD=${MGRAD:-$(pwd)/build/mgrad}
case $MGRAD in /*) ;; *) MGRAD=$(pwd)/$MGRAD ;; esac
for test in "$@"; do
    dir=$(dirname "$test"); name=$(basename "$test")
    tmp=$(mktemp -d)
    grep -v -e '^# expect: ' -e '^# expect:$' -e '^# expect-err: ' \
        -e '^# expect-err:$' -e '^# exit: ' "$test" > "$tmp/body"
    # Trailing blank lines would separate the expectations from the body.
    sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' "$tmp/body" > "$test"
    status=0
    (cd "$dir" && LC_ALL=C NO_COLOR=1 "$MGRAD" "$name" </dev/null \
        >"$tmp/out" 2>"$tmp/err") || status=$?
    {
        echo
        sed 's/^/# expect: /; s/^# expect: $/# expect:/' "$tmp/out"
        sed 's/^/# expect-err: /; s/^# expect-err: $/# expect-err:/' "$tmp/err"
        [ "$status" -eq 0 ] || echo "# exit: $status"
    } >> "$test"
    rm -rf "$tmp"
done
