#!/bin/sh
# web/build.sh BUILD — the rest of `make web` once BUILD/mgrad.js is built:
# installs the JavaScript dependencies pinned in web/package-lock.json
# (npm ci, only when they changed), bundles the page with esbuild into
# web/dist/ beside the WebAssembly module, and prints the page's size.
set -eu
build=$(cd "${1:-build/web}" && pwd)
cd "$(dirname "$0")"

if [ ! -f node_modules/.package-lock.json ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi

rm -rf dist
mkdir -p dist
# The page's code, with Graphviz in a chunk of its own loaded on first use.
./node_modules/.bin/esbuild src/main.js --bundle --splitting --format=esm \
    --minify --target=es2020 --outdir=dist --chunk-names=[name]-[hash] \
    --log-level=warning
./node_modules/.bin/esbuild src/worker.js --minify --target=es2020 \
    --outfile=dist/worker.js --log-level=warning
cat node_modules/@xterm/xterm/css/xterm.css src/page.css > dist/page.css
cp src/index.html dist/
cp "$build/mgrad.js" "$build/mgrad.wasm" dist/

# Sizes as a browser downloads them (gzip -9).
gz() { gzip -9 -c "$@" | wc -c; }
kib() { awk -v b="$1" 'BEGIN { printf "%.0f KiB", b / 1024 }'; }
wasm=$(gz dist/mgrad.wasm)
js_first=$(cat dist/main.js dist/worker.js dist/mgrad.js | gz)
viz=0
for f in dist/*.js; do
    case $f in dist/main.js | dist/worker.js | dist/mgrad.js) ;; *) viz=$((viz + $(gz "$f"))) ;; esac
done
rest=$(cat dist/index.html dist/page.css | gz)
total=$((wasm + js_first + viz + rest))
echo "web/dist: $(kib "$total") gzipped in all: mgrad.wasm $(kib "$wasm"), JavaScript $(kib "$js_first") before the prompt + Graphviz $(kib "$viz") on first picture, HTML and CSS $(kib "$rest")"
