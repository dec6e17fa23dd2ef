#!/bin/sh
# tests/run-long.sh — inputs that are long but not nested: they must run,
# and give the right answer. No expression shape but genuinely nested
# brackets limits what the machine can evaluate (its stack is explicit),
# and the scanner reads one buffer, so a huge token costs time in
# proportion to its length. These tests only check that such inputs
# finish with the right result; `make bench` times the big tokens.
#
# One ok / not ok line per input; exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
limit=${MGRAD_TIMEOUT:-120}
runner_start "long"

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

have_timeout=no
command -v timeout >/dev/null 2>&1 && have_timeout=yes

# expect NAME FILE WANT: FILE runs with status 0 and prints exactly WANT.
expect() {
    if [ "$have_timeout" = yes ]; then
        (cd "$tmp" && exec timeout -k 5 "$limit" "$MGRAD" "$2") \
            </dev/null >"$tmp/out" 2>"$tmp/err"
    else
        (cd "$tmp" && exec "$MGRAD" "$2") </dev/null >"$tmp/out" 2>"$tmp/err"
    fi
    status=$?
    printf '%s\n' "$3" >"$tmp/want"
    if [ "$status" -ne 0 ]; then
        echo "not ok - long $1: exit status $status"
        head -n 5 "$tmp/err" | cut -c 1-200 | sed 's/^/#   /'
    elif ! cmp -s "$tmp/out" "$tmp/want"; then
        echo "not ok - long $1: printed something else"
        head -n 5 "$tmp/out" | cut -c 1-200 | sed 's/^/#   /'
    else
        echo "ok - long $1"
    fi
}

# A flat sum of 100 000 terms, of numbers and of a node.
{ printf 'x = 1'; repeat 99999 " + 1"; echo; } >"$tmp/sum-numbers.mg"
expect "sum of 100000 numbers" sum-numbers.mg "x = 100000"
{ printf 'a = 0.5\nL = a'; repeat 99999 " + a"; printf '\nbackward L\n'; } \
    >"$tmp/sum-nodes.mg"
expect "sum of 100000 terms of one node, with backward" sum-nodes.mg \
"a = 0.5
L = 50000
dL/da = 100000"
{ printf 'x = 2\ny = x'; repeat 100000 " * 1"; printf '\nprint y\n'; } \
    >"$tmp/product.mg"
expect "product of 100001 factors" product.mg "x = 2
y = 2
2"
# 100000 names, each differentiated once in a script's last run: whether
# a graph may go at its backward is a pass over the whole program, asked
# for a few names only (a pass for each would take minutes here).
awk 'BEGIN { for (i = 0; i < 100000; i++)
        printf "x_%d = Value(%d) * 2; backward x_%d;\n", i, i, i
    print "print(x_99999.data, x_99999.grad, x_0.grad)" }' >"$tmp/backwards.mg"
expect "100000 names each differentiated" backwards.mg "199998 1 1"
# Prefix operators and method chains several thousand long.
{ printf 'x = '; repeat 5000 "- "; echo 1; } >"$tmp/minus.mg"
expect "5000 prefix minus signs" minus.mg "x = 1"
{ printf 'x = 2\ny = '; repeat 5000 "-"; echo x; } >"$tmp/minus-packed.mg"
expect "5000 packed minus signs before a name" minus-packed.mg "x = 2
y = 2"
{ printf 'x = '; repeat 5000 "not "; echo 1; } >"$tmp/not.mg"
expect "5000 nots" not.mg "x = 1"
{ printf 'x = 1\ny = x'; repeat 5000 ".tanh()"; echo; } >"$tmp/methods.mg"
expect "5000 chained methods" methods.mg "x = 1
y = 0.0173157856149611"
# A 16 MB comment, a 16 MB string and a 16 MB name: one token each.
big=16777216
{ printf 'x = 1 # '; repeat $big "c"; printf '\nprint x\n'; } >"$tmp/comment.mg"
expect "16 MB comment" comment.mg "x = 1
1"
{ printf 'print "'; repeat $big "s"; printf '" ;\n'; } >"$tmp/string.mg"
if [ "$have_timeout" = yes ]; then
    (cd "$tmp" && exec timeout -k 5 "$limit" "$MGRAD" string.mg) \
        </dev/null >"$tmp/out" 2>"$tmp/err"
else
    (cd "$tmp" && exec "$MGRAD" string.mg) </dev/null >"$tmp/out" 2>"$tmp/err"
fi
status=$?
bytes=$(wc -c <"$tmp/out")
if [ "$status" -eq 0 ] && [ "$bytes" -eq $((big + 1)) ]; then
    echo "ok - long 16 MB string"
else
    echo "not ok - long 16 MB string: exit status $status, $bytes bytes printed"
fi
{ repeat $big "n"; printf ' = 3\n'; repeat $big "n"; printf ' * 2\n'; } \
    >"$tmp/name.mg"
if [ "$have_timeout" = yes ]; then
    (cd "$tmp" && exec timeout -k 5 "$limit" "$MGRAD" name.mg) \
        </dev/null >"$tmp/out" 2>"$tmp/err"
else
    (cd "$tmp" && exec "$MGRAD" name.mg) </dev/null >"$tmp/out" 2>"$tmp/err"
fi
status=$?
if [ "$status" -eq 0 ] && [ "$(tail -n 1 "$tmp/out")" = 6 ] &&
   [ "$(head -c 3 "$tmp/out")" = nnn ]; then
    echo "ok - long 16 MB name"
else
    echo "not ok - long 16 MB name: exit status $status"
    head -c 200 "$tmp/err" | sed 's/^/#   /'
fi
# A comprehension is compiled where it stands and then rewritten a little
# longer, so the program may have to grow under it. Placed at every offset
# around the program's first growth (256 instructions), each runs.
k=100
bad=""
while [ "$k" -le 160 ]; do
    { repeat "$k" "y = 1;
"; echo 'print [x * 2 for x in [1, 2, 3] if x > 1]'; } >"$tmp/comp.mg"
    if [ "$have_timeout" = yes ]; then
        (cd "$tmp" && exec timeout -k 5 20 "$MGRAD" comp.mg) \
            </dev/null >"$tmp/out" 2>"$tmp/err"
    else
        (cd "$tmp" && exec "$MGRAD" comp.mg) </dev/null >"$tmp/out" 2>"$tmp/err"
    fi
    status=$?
    if [ "$status" -ne 0 ] || [ "$(cat "$tmp/out")" != "[4, 6]" ]; then
        bad="$bad $k(status $status)"
    fi
    k=$((k + 1))
done
if [ -z "$bad" ]; then
    echo "ok - long a comprehension after 100 to 160 statements"
else
    echo "not ok - long a comprehension after these many statements:$bad"
fi
# Past the compiler's fixed-width counts: refused at compile time with a
# message, never run (65 536 parameters once wrapped a 16-bit count to 0
# and the body read and wrote outside its frame). Each must also stay
# fast: the search for a local name is linear, so the limit is checked
# before it.
# refuse NAME FILE MESSAGE: FILE exits 1 within 10 s, prints nothing, and
# its first error line holds MESSAGE.
refuse() {
    started=$(date +%s)
    if [ "$have_timeout" = yes ]; then
        (cd "$tmp" && exec timeout -k 5 "$limit" "$MGRAD" "$2") \
            </dev/null >"$tmp/out" 2>"$tmp/err"
    else
        (cd "$tmp" && exec "$MGRAD" "$2") </dev/null >"$tmp/out" 2>"$tmp/err"
    fi
    status=$?
    took=$(( $(date +%s) - started ))
    first=$(head -n 1 "$tmp/err")
    if [ "$status" -ne 1 ] || [ -s "$tmp/out" ] || [ "$took" -gt 10 ]; then
        echo "not ok - long $1: exit status $status after $took s"
        head -n 3 "$tmp/err" | cut -c 1-200 | sed 's/^/#   /'
    else
        case "$first" in
        *"$3"*) echo "ok - long $1" ;;
        *) echo "not ok - long $1: said: $first" | cut -c 1-300 ;;
        esac
    fi
}
awk 'BEGIN { printf "def f(p0"; for (i = 1; i < 65536; i++) printf ",p" i
            print ") = p65535"; print "print f()" }' >"$tmp/params.mg"
refuse "65536 parameters" params.mg \
"params.mg:1:5041: error: too many parameters (a function takes at most 1024)"
{ echo 'def f() {'; awk 'BEGIN { for (i = 0; i < 65536; i++) print "  v" i " = " i }'
  printf '  return v0\n}\nprint f()\n'; } >"$tmp/locals.mg"
refuse "65536 local names" locals.mg \
"locals.mg:1:5: error: too many local names in one function (at most 1024, parameters included)"
{ printf 'def f() {\n  return '; repeat 1100 '[1 for i in [1]][0] + '
  printf '0\n}\nprint f()\n'; } >"$tmp/comps.mg"
refuse "1100 comprehensions in one function" comps.mg \
"comps.mg:1:5: error: too many local names in one function"
{ printf 'print(max(1'; repeat 99999 ',1'; printf '))\n'; } >"$tmp/args.mg"
refuse "a call with 100000 arguments" args.mg \
"args.mg:1:7: error: too many arguments in one call (at most 65535)"
{ printf 'def f(p0'; repeat 1023 ',p0'; printf ') = 1\n'; } >"$tmp/dup.mg"
refuse "a repeated parameter is still named as such" dup.mg \
"dup.mg:1:10: error: duplicate parameter name in a def"
# A text with a syntax error on each of 100 000 lines shows the first 50
# messages and a count, not 100 000 (a million once printed 114 MB).
awk 'BEGIN { for (i = 0; i < 100000; i++) print "{" }' >"$tmp/flood.mg"
(cd "$tmp" && exec "$MGRAD" flood.mg) </dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
errors=$(grep -c ': error: ' "$tmp/err")
last=$(tail -n 1 "$tmp/err")
if [ "$status" -eq 1 ] && [ "$errors" -eq 50 ] &&
   [ "$last" = "flood.mg: note: 100000 errors in all; the first 50 are shown" ]; then
    echo "ok - long 100000 syntax errors: 50 shown and a count"
else
    echo "not ok - long 100000 syntax errors: status $status, $errors shown, last: $last" |
        cut -c 1-200
fi
exit 0
