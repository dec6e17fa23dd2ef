#!/bin/sh
# tests/run-symbols.sh — mgrad defines no global function that the
# libraries it links (GNU Readline, its history library, the terminal
# library) also export. The dynamic linker would bind the library's own
# calls to mgrad's function of the same name: Readline's xmalloc once
# resolved to mgrad's, whose out-of-memory exit and allocation rules
# Readline never asked for. Allocation now lives behind the mem_ prefix
# (util/mem.h); this keeps it so.
#
# Reads the symbol tables with nm (skipped when nm is missing or the binary
# is stripped) and finds the libraries with ldd (the named helpers xmalloc,
# xrealloc, xfree, xstrdup are checked even without it). One ok / not ok /
# skip line per check; exit status 0. Environment: MGRAD.

here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
runner_start "symbols"

if ! command -v nm >/dev/null 2>&1; then
    echo "skip - symbols: nm is not installed (binutils)"
    exit 0
fi
# Global functions the binary defines.
nm --defined-only -g "$MGRAD" 2>/dev/null |
    awk '$2 == "T" || $2 == "W" { print $3 }' | sort -u >"$tmp/ours"
if [ ! -s "$tmp/ours" ]; then
    echo "skip - symbols: $MGRAD has no symbol table (stripped?)"
    exit 0
fi

clashes=$(grep -xE 'xmalloc|xrealloc|xfree|xstrdup' "$tmp/ours" | tr '\n' ' ')
if [ -z "$clashes" ]; then
    echo "ok - symbols: no global xmalloc, xrealloc, xfree or xstrdup"
else
    echo "not ok - symbols: the binary defines $clashes(Readline exports them too)"
fi

libs=""
command -v ldd >/dev/null 2>&1 &&
    libs=$(ldd "$MGRAD" 2>/dev/null |
           awk '/libreadline|libhistory|libtinfo|libncurses/ { print $3 }')
if [ -z "$libs" ]; then
    echo "skip - symbols: cannot list the libraries mgrad links (ldd)"
    exit 0
fi
for lib in $libs; do
    nm -D --defined-only "$lib" 2>/dev/null |
        awk '$2 == "T" || $2 == "W" || $2 == "i" { print $3 }'
done | sed 's/@.*//' | sort -u >"$tmp/theirs"
if [ ! -s "$tmp/theirs" ]; then
    echo "skip - symbols: no exported functions found in $(echo $libs)"
    exit 0
fi
shared=$(comm -12 "$tmp/ours" "$tmp/theirs" | tr '\n' ' ')
if [ -z "$shared" ]; then
    echo "ok - symbols: no global function shares its name with one of" \
         "$(for l in $libs; do printf '%s ' "${l##*/}"; done | sed 's/ $//')"
else
    echo "not ok - symbols: defined by mgrad and by its libraries: $shared"
fi
exit 0
