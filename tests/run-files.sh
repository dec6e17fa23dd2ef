#!/bin/sh
# tests/run-files.sh — what mgrad agrees to read as a script, on the command
# line, from standard input and through load: regular files and pipes
# (FIFOs) up to the 1 GiB cap; a directory, a device (/dev/zero would never
# end) or anything over the cap is refused at once with a clear message and
# exit status 1. The cap is tested on a sparse file (no gigabyte written)
# and, for pipes, lowered through MGRAD_TEST_SOURCE_LIMIT.
#
# One ok / not ok / skip line per check; exit status 0 (tests/run.sh counts
# the lines). Environment: MGRAD (default build/mgrad).

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
runner_start "files"
cd "$tmp" || exit 0

if command -v timeout >/dev/null 2>&1; then
    limited() { timeout -k 5 20 "$@"; }
else
    limited() { "$@"; }
fi

# expect NAME STATUS STDOUT STDERR_LINE1 COMMAND...: runs COMMAND (stdin
# from /dev/null unless it redirects) and compares its exit status, its
# whole standard output and the first line of its standard error.
expect() {
    name=$1 want_status=$2 want_out=$3 want_err=$4
    shift 4
    "$@" >out 2>err
    status=$?
    got_err=$(head -n 1 err)
    if [ "$status" -ne "$want_status" ]; then
        echo "not ok - files: $name: exit status $status, expected $want_status"
        sed -n '1,5s/^/#   /p' err
    elif [ "$(cat out)" != "$want_out" ]; then
        echo "not ok - files: $name: standard output differs"
        echo "#   expected: $want_out"
        sed -n '1,5s/^/#   got: /p' out
    elif [ "$got_err" != "$want_err" ]; then
        echo "not ok - files: $name: standard error differs"
        echo "#   expected: $want_err"
        echo "#   got:      $got_err"
    else
        echo "ok - files: $name"
    fi
}

device="Not a regular file or a pipe (it is a character device)"
expect "a device on the command line is refused" 1 "" \
    "mgrad: error: cannot read '/dev/zero': $device" \
    limited "$MGRAD" /dev/zero
expect "a device through load is refused" 1 "" \
    "<-e>:1:6: error: load: cannot read '/dev/full': $device" \
    limited "$MGRAD" -e 'load "/dev/full"'
mkdir dir
expect "a directory on the command line is refused" 1 "" \
    "mgrad: error: cannot read 'dir': Is a directory" \
    limited "$MGRAD" dir
expect "a missing file" 1 "" \
    "mgrad: error: cannot read 'missing.mg': No such file or directory" \
    limited "$MGRAD" missing.mg

# FIFOs: a writer in the background, mgrad reading the other end. The
# writer gives up after a while should mgrad never open the FIFO.
feed() {
    (limited sh -c 'printf "%s\n" "$1" >fifo' sh "$script" &)
}
if mkfifo fifo 2>/dev/null; then
    script='x = 2
print x*3'
    feed
    expect "a FIFO on the command line runs" 0 "x = 2
6" "" limited "$MGRAD" fifo
    feed
    expect "a FIFO through load runs" 0 "x = 2
6
done" "" limited "$MGRAD" -e 'load "fifo"; print "done"'
    feed
    expect "a FIFO as standard input runs" 0 "x = 2
6" "" limited sh -c 'exec "$1" - <fifo' sh "$MGRAD"
else
    echo "skip - files: FIFOs: mkfifo failed"
fi

# The cap on a regular file: a sparse file one byte over 1 GiB is refused
# from its size, before any of it is read.
if truncate -s 1073741825 big.mg 2>/dev/null; then
    over="Larger than the limit of 1 GiB for a script"
    expect "a file over 1 GiB on the command line is refused" 1 "" \
        "mgrad: error: cannot read 'big.mg': $over" limited "$MGRAD" big.mg
    expect "a file over 1 GiB through load is refused" 1 "" \
        "<-e>:1:6: error: load: cannot read 'big.mg': $over" \
        limited "$MGRAD" -e 'load "big.mg"'
    expect "the test limit cannot raise the cap" 1 "" \
        "mgrad: error: cannot read 'big.mg': $over" \
        env MGRAD_TEST_SOURCE_LIMIT=99999999999 "$MGRAD" big.mg
    rm -f big.mg
else
    echo "skip - files: the 1 GiB cap: truncate cannot make a sparse file"
fi

# The cap at its edge and on pipes, lowered for the test: a script of
# exactly the limit runs, one byte more is refused.
printf 'print 1\nprint 2\n' >sixteen.mg
expect "a file of exactly the limit runs" 0 "1
2" "" env MGRAD_TEST_SOURCE_LIMIT=16 "$MGRAD" sixteen.mg
expect "a file one byte over the limit is refused" 1 "" \
    "mgrad: error: cannot read 'sixteen.mg': Larger than the limit of 15 bytes for a script" \
    env MGRAD_TEST_SOURCE_LIMIT=15 "$MGRAD" sixteen.mg
expect "a pipe over the limit on standard input is refused" 1 "" \
    "mgrad: error: cannot read standard input: Larger than the limit of 1000 bytes for a script" \
    limited sh -c 'head -c 5000 /dev/zero | MGRAD_TEST_SOURCE_LIMIT=1000 "$1" -' \
    sh "$MGRAD"
expect "endless standard input (/dev/zero) stops at the limit" 1 "" \
    "mgrad: error: cannot read standard input: Larger than the limit of 100000 bytes for a script" \
    limited sh -c 'MGRAD_TEST_SOURCE_LIMIT=100000 exec "$1" - </dev/zero' \
    sh "$MGRAD"
# Control characters from outside never reach the terminal: a file name in
# a message is written with \xNN, a label in a picture with '?'.
esc=$(printf '\033')
bel=$(printf '\007')
expect "a file name's escape sequence is shown escaped" 1 "" \
    "mgrad: error: cannot read 'a\\x1b]0;title\\x07b.mg': No such file or directory" \
    "$MGRAD" "a${esc}]0;title${bel}b.mg"
printf 'x = (1 +\n' >"e${esc}[2Jf.mg"
expect "a script's escape sequence in its name, in an error's place" 1 "" \
    "e\\x1b[2Jf.mg:1:9: error: unexpected end of input, expected an expression" \
    "$MGRAD" "e${esc}[2Jf.mg"
printf 'x = 2;\nx.label = "a%s[31mred";\ntree x\n' "$esc" >label.mg
expect "a label's escape sequence is shown as ?" 0 "a?[31mred = 2  grad 0" "" \
    "$MGRAD" label.mg
# csv reads numbers as the language writes them, of any length, and
# nothing else: a field that starts with a NUL byte is no 0, 0x10 no 16.
printf 'a,b\n1,2\n\0003,4\n' >nul.csv
expect "csv: a field starting with a NUL byte is not a number" 1 "" \
    "nul.csv:3:1: error: csv: not a number" \
    "$MGRAD" -e 'print(csv("nul.csv"))'
printf 'a,b\n1,2\n3,0x10\n' >hex.csv
expect "csv: hex is refused, as in the language" 1 "" \
    "hex.csv:3:3: error: csv: not a number" \
    "$MGRAD" -e 'print(csv("hex.csv"))'
printf 'a,b\n1,nan\n' >nan.csv
expect "csv: nan is refused" 1 "" \
    "nan.csv:2:3: error: csv: not a number" \
    "$MGRAD" -e 'print(csv("nan.csv"))'
printf 'x,y\n1,1.00000000000000000000000000000000000000000000000000000000000000001\n2,-2.5E-3\n3,+.5\n' >long.csv
expect "csv: a 67-character number is read" 0 "[[1, 1], [2, -0.0025], [3, 0.5]]" "" \
    "$MGRAD" -e 'print(csv("long.csv"))'
# More numbers than a list holds is refused before any is read: the
# fields are counted first (10^8 + 2 lines of 0, 200 MB, in a fraction of
# a second), not after gigabytes of rows are made.
if yes 0 2>/dev/null | head -n 100000002 >wide.csv; then
    expect "csv: more fields than a list holds is refused at once" 1 "" \
        "<-e>:1:7: error: csv: 'wide.csv' has 100000002 fields, more than the 100000000 numbers a list holds" \
        limited "$MGRAD" -e 'print(csv("wide.csv"))'
else
    echo "skip - files: csv: more fields than a list holds: cannot write wide.csv"
fi
rm -f wide.csv
exit 0
