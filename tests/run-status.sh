#!/bin/sh
# tests/run-status.sh — mgrad's exit statuses are the documented ones: the
# man page (EXIT STATUS, in $BUILD/mgrad.1, which make writes from
# docs/mgrad.1.in), docs/repl.md (## Exit status) and `mgrad --help`
# list the same statuses; every exit() with a constant in the sources is
# among them; and each is produced by the case the docs give for it (129
# and 143, which need a terminal session, by tests/unit/pty_test.c).
#
# One ok / not ok / skip line per check; exit status 0 (tests/run.sh counts
# the lines). Environment: MGRAD (default build/mgrad), BUILD (default
# build).

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/env.sh"
runner_start "status"
build=${BUILD:-$root/build}

if command -v timeout >/dev/null 2>&1; then
    limited() { timeout -k 5 30 "$@"; }
else
    limited() { "$@"; }
fi

# --- the lists agree --------------------------------------------------------

# Sorted, one per line.
awk '/^\.SH EXIT STATUS/ { on = 1; next } /^\.SH/ { on = 0 }
     on && prev == ".TP" && /^\.B [0-9]+$/ { print $2 } { prev = $0 }' \
    "$build/mgrad.1" | sort -n >"$tmp/man"
awk '/^## Exit status/ { on = 1; next } /^## / { on = 0 }
     on && /^\| [0-9]+ \|/ { print $2 }' "$root/docs/repl.md" | sort -n >"$tmp/md"
"$MGRAD" --help | sed -n '/^Exit status/,/^$/p' | grep -o '[0-9][0-9]*' |
    sort -n >"$tmp/help"

# same NAME FILE: the list in FILE is the man page's.
same() {
    if [ ! -s "$tmp/man" ]; then
        echo "not ok - exit: $1 lists the man page's statuses: the man page lists none"
    elif cmp -s "$tmp/man" "$2"; then
        echo "ok - exit: $1 lists the man page's statuses ($(tr '\n' ' ' <"$2"| sed 's/ $//'))"
    else
        echo "not ok - exit: $1 lists $(tr '\n' ' ' <"$2")but the man page $(tr '\n' ' ' <"$tmp/man")"
    fi
}
same docs/repl.md "$tmp/md"
same "mgrad --help" "$tmp/help"

# Every exit(N) or exit(NAME) (NAME = N in the same file) in the sources.
missing=""
for file in $(grep -rlE '\bexit\(' "$root/util" "$root/lexer" "$root/parser" \
              "$root/engine" "$root/interp" "$root/lib" "$root/view" "$root/repl" \
              "$root/embed"); do
    for arg in $(grep -oE '\bexit\([A-Za-z_0-9]+\)' "$file" | sed 's/exit(\(.*\))/\1/'); do
        case $arg in
        [0-9]*) n=$arg ;;
        *) n=$(grep -oE "\b$arg = [0-9]+" "$file" | head -n 1 | sed 's/.*= //') ;;
        esac
        if [ -z "$n" ] || ! grep -qx "$n" "$tmp/man"; then
            missing="$missing ${file#"$root"/}:exit($arg)"
        fi
    done
done
if [ -z "$missing" ]; then
    echo "ok - exit: every exit() in the sources is documented"
else
    echo "not ok - exit: undocumented:$missing"
fi

# --- each status happens ----------------------------------------------------

# status NAME WANT COMMAND...: COMMAND (run in $tmp) exits with WANT.
status() {
    name=$1 want=$2
    shift 2
    (cd "$tmp" && limited "$@") >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then
        echo "ok - exit $want: $name"
    else
        echo "not ok - exit $want: $name: exit status $got"
        sed -n '1,3s/^/#   /p' "$tmp/err"
    fi
    produced="$produced $want"
}
produced=""

status "a script that runs" 0 "$MGRAD" -e 'a = 1; print a'
status "--help" 0 "$MGRAD" --help
cp "$tmp/out" "$tmp/long-help"
status "-h" 0 "$MGRAD" -h
if ! cmp -s "$tmp/out" "$tmp/long-help"; then
    echo "not ok - -h prints what --help prints"
fi
status "--version" 0 "$MGRAD" --version
status "quit after an error-free start" 0 "$MGRAD" -e 'quit' -e '1/0'
status "a run-time error" 1 "$MGRAD" -e '1/0'
status "a syntax error" 1 "$MGRAD" -e 'a = (1 +'
status "a file that cannot be read" 1 "$MGRAD" no-such-file.mg
status "standard output that cannot be written" 1 \
    sh -c 'exec "$1" -e "print 1" >/dev/full' sh "$MGRAD"
status "an unknown option" 2 "$MGRAD" --no-such-option
status "-e without code" 2 "$MGRAD" -e
if [ -s "$tmp/out" ]; then
    echo "not ok - exit 2: bad usage runs nothing: it printed $(head -n 1 "$tmp/out")"
fi
status "bad usage after code runs nothing" 2 "$MGRAD" -e 'print 1' --no-such-option
if [ -s "$tmp/out" ]; then
    echo "not ok - exit 2: bad usage runs nothing: it printed $(head -n 1 "$tmp/out")"
fi

# Out of memory: a 512 MiB script is read into one buffer, which a 256 MiB
# address-space limit (or, under AddressSanitizer, which cannot run in one,
# its largest-allocation limit) refuses.
if truncate -s 536870912 "$tmp/half-gig.mg" 2>/dev/null; then
    if ASAN_OPTIONS=help=1 "$MGRAD" --version 2>&1 | grep -q AddressSanitizer; then
        status "out of memory" 3 env \
            ASAN_OPTIONS="$ASAN_OPTIONS:allocator_may_return_null=1:max_allocation_size_mb=256" \
            "$MGRAD" half-gig.mg
    else
        status "out of memory" 3 sh -c 'ulimit -v 262144 && exec "$1" half-gig.mg' \
            sh "$MGRAD"
    fi
    if ! grep -q '^mgrad: out of memory$' "$tmp/err"; then
        echo "not ok - exit 3: says 'mgrad: out of memory': $(head -n 1 "$tmp/err")"
    fi
    rm -f "$tmp/half-gig.mg"
else
    echo "skip - exit 3: truncate cannot make a sparse file"
    produced="$produced 3"
fi

# 129 and 143 end a terminal session: the pty test produces them.
for n in 129 143; do
    case $n in 129) sig=SIGHUP ;; *) sig=SIGTERM ;; esac
    if grep -q "128 + $sig" "$here/unit/pty_test.c"; then
        produced="$produced $n"
    fi
done

not_produced=""
for n in $(cat "$tmp/man"); do
    case " $produced " in
    *" $n "*) ;;
    *) not_produced="$not_produced $n" ;;
    esac
done
if [ -z "$not_produced" ]; then
    echo "ok - exit: every documented status is produced by a test"
else
    echo "not ok - exit: no test produces:$not_produced"
fi
# `make run`: a Ctrl-C typed in the session reaches mgrad alone, so after
# quit make ends with 0, not 130 ("Interrupt"). Needs script(1) for a
# terminal; -o keeps make from rebuilding the binary under test and the
# man page (which make run also builds).
if command -v script >/dev/null 2>&1 && command -v make >/dev/null 2>&1 &&
   command -v bash >/dev/null 2>&1; then
    (sleep 1; printf 'x = 1\n'; sleep 0.5; printf '\003'; sleep 0.5
     printf 'print x\n'; sleep 0.3; printf 'quit\n'; sleep 0.5) |
        (cd "$root" && limited script -qefc \
            "make -s --no-print-directory -o '$MGRAD' -o '$build/mgrad.1' run MGRAD='$MGRAD' BUILD='$build'" \
            /dev/null) >"$tmp/run.out" 2>&1
    status=$?
    esc=$(printf '\033')
    if [ "$status" -eq 0 ] && tr -d '\r' <"$tmp/run.out" |
           sed "s/$esc\[[?0-9]*[a-zA-Z]//g" | grep -q '^1$'; then
        echo "ok - exit: make run ends with 0 after a Ctrl-C in the session"
    else
        echo "not ok - exit: make run after a Ctrl-C in the session: status $status"
        tr -d '\r' <"$tmp/run.out" | tail -n 5 | sed 's/^/#   /'
    fi
else
    echo "skip - exit: make run under a terminal: script(1), make or bash missing"
fi
exit 0
