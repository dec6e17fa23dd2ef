#!/bin/sh
# tests/run-web.sh — the page in the browser (make web, docs/web.md):
# builds web/dist, runs every examples/*.mg through the WebAssembly module
# in Node against examples/expected (web/test/examples.js), then serves
# web/dist on 127.0.0.1 as `make serve` does and drives the page in
# Debian's headless Chromium with playwright-core (web/test/browser.js),
# which saves its screenshots in build/web/screenshots.
#
# Skipped with one line when emscripten or Node's npm is not installed (CI
# installs them), the browser part when Chromium is not, and under
# SANITIZE=1 (the page's build does not change with it). Set MGRAD_WEB=0
# to skip it all. One ok / not ok / skip line per check; exit status 0.

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/env.sh"
LC_ALL=C.UTF-8
export LC_ALL
runner_start "web"

all() {
    if [ "${MGRAD_WEB:-1}" = 0 ]; then
        echo "skip - web: MGRAD_WEB=0"
        exit 0
    fi
    case ${BUILD:-build} in
    */sanitize | */fuzz)
        echo "skip - web: the page is built by emscripten alone; the plain make check tests it"
        exit 0
        ;;
    esac
    if ! command -v emcc >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1 ||
        ! command -v node >/dev/null 2>&1; then
        echo "skip - web: emscripten, node or npm is not installed (make web installs them)"
        exit 0
    fi

    cd "$root" || exit 0
    if ! make --no-print-directory web >"$tmp/build.log" 2>&1; then
        echo "not ok - web: make web failed"
        tail -n 12 "$tmp/build.log" | sed 's/^/#   /'
        exit 0
    fi
    size=$(grep '^web/dist:' "$tmp/build.log")
    echo "ok - web: make web built web/dist"
    echo "# $size"

    node --no-experimental-fetch web/test/examples.js build/web/mgrad.js

    if ! command -v chromium >/dev/null 2>&1; then
        echo "skip - web browser: chromium is not installed (apt-get install chromium)"
        exit 0
    fi
    PORT=0 node web/serve.js web/dist >"$tmp/serve.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null' EXIT
    url=""
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        url=$(sed -n 's/^serving .* on \(http:[^ ]*\)$/\1/p' "$tmp/serve.log" 2>/dev/null)
        [ -n "$url" ] && break
        sleep 0.5
    done
    if [ -z "$url" ]; then
        echo "not ok - web browser: the server did not start"
        sed 's/^/#   /' "$tmp/serve.log"
        exit 0
    fi
    mkdir -p build/web/screenshots
    node web/test/browser.js "$url" build/web/screenshots
    exit 0
}

all | tee "$tmp/all"
awk '/^ok / { p++ } /^not ok / { f++ } END { printf "%d passed, %d failed\n", p, f }' "$tmp/all"
exit 0
