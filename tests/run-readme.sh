#!/bin/sh
# tests/run-readme.sh — the README's examples are tests, and so are those
# of docs/views.md: every ```console
# block holds lines `$ ./mgrad ...` followed by what that command prints
# (standard output and standard error together). Each command runs exactly
# as written, in a UTF-8 locale, from a folder that looks like the top of
# the repository (its examples/ and docs/, and ./mgrad, the binary under
# test, as `make` leaves it at the top), and must print exactly what the
# README shows.
#
# One `ok -` / `not ok -` line per command; exit status 0.
here=$(cd "$(dirname "$0")/.." && pwd)
MGRAD=${MGRAD:-build/mgrad}
case $MGRAD in /*) ;; *) MGRAD=$here/$MGRAD ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/top"
ln -s "$MGRAD" "$tmp/top/mgrad"
for entry in examples docs; do
    ln -s "$here/$entry" "$tmp/top/$entry"
done

# Split the README into cmdN / expectN files.
awk -v dir="$tmp" '
    /^```console$/ { inblock = 1; next }
    /^```$/ && inblock { inblock = 0; next }
    inblock && /^\$ / { n++; print substr($0, 3) > (dir "/cmd" n); printf "" > (dir "/expect" n); next }
    inblock && n { print > (dir "/expect" n) }
' "$here/README.md" "$here/docs/views.md"

n=1
while [ -f "$tmp/cmd$n" ]; do
    cmd=$(cat "$tmp/cmd$n")
    (cd "$tmp/top" && LC_ALL=C.UTF-8 NO_COLOR=1 \
        sh -c "$cmd" </dev/null >"$tmp/out$n" 2>&1)
    if cmp -s "$tmp/expect$n" "$tmp/out$n"; then
        echo "ok - readme example $n: $cmd" | cut -c1-100
    else
        echo "not ok - readme example $n: $cmd" | cut -c1-100
        diff -u "$tmp/expect$n" "$tmp/out$n" | sed 's/^/#   /' | head -40
    fi
    n=$((n + 1))
done
[ "$n" -gt 1 ] || echo "not ok - readme examples: no \`\`\`console block found"
exit 0
