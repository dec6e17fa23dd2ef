#!/bin/sh
# tests/run-exit.sh — what mgrad does with its memory when a run ends: a
# plain run leaves it to the system (the interpreter is not torn down),
# while MGRAD_STATS=1 and a sanitizer build free everything, all nodes at
# once. Watched through gdb breakpoints on interp_free (the only way the
# graph is released at exit) and value_free_all, with the output and the
# exit status checked too. Skipped without gdb.
# One ok / not ok / skip line per check; exit status 0.

. "$(dirname "$0")/env.sh"
runner_start exit

if ! command -v gdb >/dev/null 2>&1; then
    echo "skip - exit: gdb is not installed"
    exit 0
fi
# A sanitizer build always frees everything: LeakSanitizer must see it.
# LeakSanitizer cannot run under gdb; the other suites run it.
sanitizer=0
if nm -D "$MGRAD" 2>/dev/null | grep -q '__asan_init'; then
    sanitizer=1
    ASAN_OPTIONS=$ASAN_OPTIONS:detect_leaks=0
    export ASAN_OPTIONS
fi

cat >"$tmp/gdb.cmd" <<'END'
set pagination off
set confirm off
break interp_free
commands
silent
echo HIT interp_free\n
continue
end
break value_free_all
commands
silent
echo HIT free_all\n
continue
end
run
printf "EXIT %d\n", $_exitcode
END

# teardown NAME STATS SCRIPT: runs SCRIPT under gdb, with MGRAD_STATS=STATS
# when STATS is not empty; the log in $tmp/NAME.gdb has the program's
# output, "HIT interp_free" and "HIT free_all" for the breakpoints reached,
# and "EXIT n".
teardown() {
    printf '%s\n' "$3" >"$tmp/$1.mg"
    (
        if [ -n "$2" ]; then
            MGRAD_STATS=$2
            export MGRAD_STATS
        else
            unset MGRAD_STATS
        fi
        exec gdb -batch -nx -x "$tmp/gdb.cmd" --args "$MGRAD" "$tmp/$1.mg"
    ) >"$tmp/$1.gdb" 2>&1 </dev/null
}

hit() {
    grep -q "^HIT $2\$" "$tmp/$1.gdb"
}

exit_code() {
    sed -n 's/^EXIT \(.*\)$/\1/p' "$tmp/$1.gdb" | tail -n 1
}

# show NAME: the end of the log, as detail lines.
show() {
    tail -n 8 "$tmp/$1.gdb" | sed 's/^/#   /'
}

# A graph with several bindings alive at the end.
program='a = 2; b = -3; c = 10; L = a*b + c; backward L; d = L*L
print d'

teardown plain "" "$program"
if ! grep -q '^16$' "$tmp/plain.gdb"; then
    echo "not ok - exit plain: the script's output is missing"
    show plain
elif [ "$(exit_code plain)" != 0 ]; then
    echo "not ok - exit plain: exit status '$(exit_code plain)', expected 0"
    show plain
elif [ "$sanitizer" = 1 ]; then
    if hit plain interp_free && hit plain free_all; then
        echo "ok - exit plain: a sanitizer build frees every node at exit, all at once"
    else
        echo "not ok - exit plain: a sanitizer build did not free everything at exit"
        show plain
    fi
elif hit plain interp_free || hit plain free_all; then
    echo "not ok - exit plain: a plain run tore its graph down at exit"
else
    echo "ok - exit plain: a plain run leaves its memory to the system"
fi

teardown stats 1 "$program"
if [ "$(exit_code stats)" != 0 ]; then
    echo "not ok - exit MGRAD_STATS=1: exit status '$(exit_code stats)', expected 0"
    show stats
elif ! hit stats interp_free || ! hit stats free_all; then
    echo "not ok - exit MGRAD_STATS=1: the interpreter was not freed, or not all at once"
    show stats
elif ! grep -q 'mgrad: stats: [0-9]* nodes created' "$tmp/stats.gdb"; then
    echo "not ok - exit MGRAD_STATS=1: no stats line"
else
    echo "ok - exit MGRAD_STATS=1: every node freed at once, then the stats"
fi

# A run-time error ends the run the same way, with status 1.
teardown error "" 'x = 2; y = log(x - 2)'
if [ "$(exit_code error)" != 1 ]; then
    echo "not ok - exit error: exit status '$(exit_code error)', expected 1"
    show error
elif [ "$sanitizer" = 0 ] && hit error interp_free; then
    echo "not ok - exit error: a plain run tore its graph down after an error"
elif [ "$sanitizer" = 1 ] && ! hit error free_all; then
    echo "not ok - exit error: a sanitizer build did not free everything after an error"
else
    echo "ok - exit error: status 1, and the same end as a run without error"
fi
exit 0
