#!/bin/sh
# tests/bless.sh — the one tool that writes expected output after a
# deliberate change, for every kind of test that keeps it as data:
#
#   tests/bless.sh tests/scripts/NAME.mg   appends the actual stdout, stderr
#       and exit status as `# expect:` / `# expect-err:` / `# exit:` lines,
#       replacing any there were;
#   tests/bless.sh tests/bad/NAME.mg       pins the first line of its error
#       as an `# error:` line (at the end, or at the top when the file does
#       not end with a newline, so its end is left as it is);
#   tests/bless.sh examples/NAME.mg        writes examples/expected/NAME.out;
#   tests/bless.sh golden                  rewrites tests/unit/golden/ from
#       what the pictures test draws and what help prints (tables_test).
#
# Read what it wrote before committing: expectations must be checked by
# hand, never taken on trust.
set -eu
MGRAD=${MGRAD:-$(pwd)/build/mgrad}
case $MGRAD in /*) ;; *) MGRAD=$(pwd)/$MGRAD ;; esac
BUILD=${BUILD:-build}

script() {
    test=$1
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
}

bad() {
    test=$1
    dir=$(dirname "$test"); name=$(basename "$test")
    tmp=$(mktemp -d)
    # the file without its pin, the pin's line kept in place as a marker
    if grep -a -q '^# error: ' "$test"; then
        LC_ALL=C sed 's/^# error: .*/# error: ?/' "$test" > "$tmp/body"
    elif [ -z "$(tail -c 1 "$test")" ]; then
        { cat "$test"; echo '# error: ?'; } > "$tmp/body"
    else
        { echo '# error: ?'; cat "$test"; } > "$tmp/body"
    fi
    cp "$tmp/body" "$test"
    (cd "$dir" && LC_ALL=C NO_COLOR=1 "$MGRAD" "$name" </dev/null \
        >/dev/null 2>"$tmp/err") || true
    first=$(head -n 1 "$tmp/err")
    [ -n "$first" ] || { echo "bless: $test gave no error" >&2; exit 1; }
    printf '%s\n' "$first" > "$tmp/first"
    LC_ALL=C awk -v pinfile="$tmp/first" '
        BEGIN { getline pin < pinfile }
        !done && $0 == "# error: ?" { print "# error: " pin; done = 1; next }
        { print }' "$tmp/body" > "$test.new"
    # awk ends every line with a newline; keep the file's own ending
    if [ -n "$(tail -c 1 "$tmp/body")" ]; then
        head -c -1 "$test.new" > "$test"
        rm -f "$test.new"
    else
        mv "$test.new" "$test"
    fi
    rm -rf "$tmp"
}

example() {
    test=$1
    dir=$(dirname "$test"); name=$(basename "$test" .mg)
    (cd "$dir" && LC_ALL=C "$MGRAD" "$name.mg" </dev/null \
        >"expected/$name.out" 2>&1) || true
}

for test in "$@"; do
    case $test in
    golden)
        GOLDEN_BLESS=1 "$BUILD/tests/pictures_test"
        GOLDEN_BLESS=1 "$BUILD/tests/tables_test"
        ;;
    tests/bad/*.mg|*/tests/bad/*.mg) bad "$test" ;;
    examples/*.mg|*/examples/*.mg) example "$test" ;;
    *) script "$test" ;;
    esac
done
