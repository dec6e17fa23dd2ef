#!/bin/sh
# tests/run-bad.sh — malformed and hostile input must be refused cleanly.
#
# Every tests/bad/NAME.mg, and inputs made here at test time (too big or
# too binary to keep as files: deep nesting, megabyte lines, NUL bytes,
# garbage from a fixed seed, self-loading scripts), runs as
#   cd DIR && $MGRAD NAME.mg </dev/null
# and must
#   - exit with status 1 (not 0, not a crash: status > 128 is a signal),
#   - write at least one `file:line:col: error: message` line to stderr,
#   - print no sanitizer report;
# and an input whose first line is `print "ran"` holds a syntax error
# further on, so it must print nothing at all: a script is parsed whole
# before any of it runs.
#
# Every file of the corpus also pins the first line of its error, with a
# line `# error: FILE:LINE:COL: error: MESSAGE` (tests/bless.sh writes it;
# the inputs made here are checked for the form only). One ok / not ok line
# per input, exit status 0 (tests/run.sh counts the lines).
#
# Environment: MGRAD (default build/mgrad), MGRAD_TIMEOUT (seconds per
# input, default 30). Arguments, if any, name corpus files to run.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
limit=${MGRAD_TIMEOUT:-30}

runner_start "bad"
gen="$tmp/gen"
mkdir "$gen"

have_timeout=no
command -v timeout >/dev/null 2>&1 && have_timeout=yes

# refused DIR FILE: run one input and print its ok / not ok line.
refused() {
    dir=$1
    file=$2
    name=${file%.mg}
    out="$tmp/out"
    err="$tmp/err"
    if [ "$have_timeout" = yes ]; then
        (cd "$dir" && exec timeout -k 5 "$limit" "$MGRAD" "$file") \
            </dev/null >"$out" 2>"$err"
    else
        (cd "$dir" && exec "$MGRAD" "$file") </dev/null >"$out" 2>"$err"
    fi
    status=$?

    why=""
    if [ "$status" -eq 124 ] && [ "$have_timeout" = yes ]; then
        why="timed out after $limit s"
    elif [ "$status" -gt 128 ]; then
        why="ended by signal $((status - 128))"
    elif grep -a -q -E 'Sanitizer|runtime error:' "$err"; then
        why="sanitizer report (exit status $status)"
    elif [ "$status" -ne 1 ]; then
        why="exit status $status, expected 1"
    elif ! grep -a -q -E '^[^:]+:[0-9]+:[0-9]+: error: ' "$err"; then
        why="no 'file:line:col: error: ' line on stderr"
    elif [ -s "$out" ] && [ "$(head -n 1 "$dir/$file" | head -c 64)" = 'print "ran"' ]; then
        why="printed something although the script has a syntax error"
    elif [ "$dir" = "$here/bad" ]; then
        # the corpus pins the first line of each error: `# error: ...`
        pin=$(LC_ALL=C grep -a -m 1 '^# error: ' "$dir/$file" | cut -c 10-)
        first=$(head -n 1 "$err")
        if [ -z "$pin" ]; then
            why="no '# error:' line pins its error (tests/bless.sh writes one)"
        elif [ "$pin" != "$first" ]; then
            why="the first line of the error is not the one pinned: $pin"
        fi
    fi

    if [ -z "$why" ]; then
        echo "ok - bad $name"
        return
    fi
    echo "not ok - bad $name: $why"
    if [ -s "$err" ]; then
        echo "#   stderr:"
        head -n 12 "$err" | cut -c 1-200 | sed 's/^/#   /'
    fi
    if [ -s "$out" ]; then
        echo "#   stdout:"
        head -n 5 "$out" | cut -c 1-200 | sed 's/^/#   /'
    fi
}

# ---- the corpus -------------------------------------------------------------

if [ $# -gt 0 ]; then
    for file in "$@"; do
        refused "$here/bad" "${file##*/}"
    done
    exit 0
fi

count=0
for path in "$here"/bad/*.mg; do
    [ -f "$path" ] || continue
    refused "$here/bad" "${path##*/}"
    count=$((count + 1))
done
[ "$count" -gt 0 ] || echo "not ok - bad input: tests/bad/*.mg is empty"

# ---- inputs made at test time ----------------------------------------------

# repeat N TEXT: TEXT N times, no newline (doubling keeps awk fast).
repeat() {
    awk -v n="$1" -v s="$2" 'BEGIN {
        out = ""
        while (n > 0) {
            if (n % 2) out = out s
            s = s s
            n = int(n / 2)
        }
        printf "%s", out
    }'
}

# garbage SEED BYTES LOW HIGH: bytes in LOW..HIGH from a Park-Miller
# generator (exact in awk's doubles, so every awk gives the same bytes).
garbage() {
    awk -v x="$1" -v n="$2" -v lo="$3" -v hi="$4" 'BEGIN {
        line = ""
        for (i = 0; i < n; i++) {
            x = (x * 16807) % 2147483647
            line = line sprintf("\\%03o", lo + x % (hi - lo + 1))
            if (length(line) >= 4000) { print line; line = "" }
        }
        if (line != "") print line
    }' | while IFS= read -r chunk; do
        # shellcheck disable=SC2059
        printf "$chunk"
    done
}

{ repeat 200000 "("; printf '1'; repeat 200000 ")"; echo; } >"$gen/parens-200000.mg"
{ printf 'x = '; repeat 200000 "("; echo; } >"$gen/open-parens-200000.mg"
# Nesting deeper than the parser's stack (tests/run-long.sh has the long
# inputs that are not nested, which must run).
{ printf 'x = '; repeat 20000 "- "; echo 1; } >"$gen/unary-minus-20000.mg"
{ printf 'x = 2\ny = '; repeat 20000 "-"; echo x; } >"$gen/unary-minus-packed-20000.mg"
{ printf 'x = '; repeat 20000 "not "; echo 1; } >"$gen/not-20000.mg"
{ printf 'x = '; repeat 5000 "2^"; echo 2; } >"$gen/power-tower-5000.mg"
{ printf 'print "ran"\nx = 2\ny = '; repeat 20000 "-("; printf 'x';
  repeat 20000 ")"; echo; } >"$gen/runs-nothing-deep.mg"
{ printf 'x = 1\ny = '; repeat 5000 "tanh("; printf 'x'; repeat 5000 ")"; echo; } \
    >"$gen/calls-5000.mg"
{ printf 'x = '; repeat 1048576 "a"; echo; } >"$gen/line-1mb-name.mg"
{ printf 'x = 1 + '; repeat 131072 "        "; echo ')'; } >"$gen/line-1mb-blanks.mg"
{ printf 'print "'; repeat 1048576 "s"; echo; } >"$gen/line-1mb-unterminated-string.mg"
{ printf 'x = 1\n'; repeat 1048576 "@"; echo; } >"$gen/line-1mb-stray.mg"
{ printf 'x = 1\n'; repeat 1048576 " "; echo; repeat 20000 "y = x +\n"; } \
    >"$gen/many-errors.mg"
{ printf 'x = 1\ny = 2\n'; dd if=/dev/zero bs=1000 count=1 2>/dev/null; echo; } \
    >"$gen/nul-bytes.mg"
{ printf 'print "ran"\nx = 1\n'; printf 'z = 1\000 + 2\n'; } >"$gen/runs-nothing-nul.mg"
{ printf 'x = '; garbage 7 256 128 255; echo; } >"$gen/invalid-utf8.mg"
{ printf 'print "'; garbage 11 256 128 255; printf '"\n'; } >"$gen/invalid-utf8-string.mg"
{ printf 'x = '; repeat 400 "7"; echo; } >"$gen/literal-400-digits.mg"
{ printf 'x = 1.'; repeat 400 "7"; echo e400; } >"$gen/literal-400-digit-mantissa.mg"
{ printf 'x = 1e'; repeat 400 "9"; echo; } >"$gen/literal-400-digit-exponent.mg"
echo 'load "load-itself.mg"' >"$gen/load-itself.mg"
echo 'load "ping.mg"' >"$gen/pong.mg"
echo 'load "pong.mg"' >"$gen/ping.mg"
echo 'x = 1; load "missing.mg"' >"$gen/load-missing.mg"
mkdir "$gen/subdir.mg"
echo 'load "subdir.mg"' >"$gen/load-directory.mg"
garbage 20240601 65536 0 255 >"$gen/garbage-binary-1.mg"
garbage 987654321 65536 0 255 >"$gen/garbage-binary-2.mg"
garbage 42 4096 1 255 >"$gen/garbage-binary-no-nul.mg"
{ echo 'print "ran"'; garbage 31337 8192 32 126; echo; } >"$gen/runs-nothing-printable-garbage.mg"
garbage 5 16384 9 126 >"$gen/garbage-text.mg"

for path in "$gen"/*.mg; do
    [ -f "$path" ] || continue
    refused "$gen" "${path##*/}"
done
exit 0
