#!/bin/sh
# tools/deps.sh — make sure the build tools are here: a C compiler, Flex,
# Bison and the GNU Readline headers; with the argument `fuzz`, also AFL++
# and clang's sanitizer runtime (for make fuzz); with `peers`, also what
# the peer comparison of make bench builds against: a C++ compiler, ADOL-C,
# Sacado (whose headers need Kokkos') and PyTorch (make bench-peers); with
# `web`, emscripten and Node's npm (for make web); with `browser`, Chromium
# (for the page's test); with `jupyter`, what the notebook kernel needs
# (ipykernel, jupyter_client, nbclient, jupyter_kernel_test, the classic
# Notebook, matplotlib and Graphviz, for make jupyter). On Debian/Ubuntu, whatever is missing is
# installed with apt-get (through sudo when not root); elsewhere the script
# names what to install and fails.
set -eu

missing=""
command -v cc >/dev/null 2>&1 || missing="$missing gcc"
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
have_readline=no
for dir in /usr/include /usr/local/include; do
    [ -f "$dir/readline/readline.h" ] && have_readline=yes
done
[ "$have_readline" = yes ] || missing="$missing libreadline-dev"

if [ "${1:-}" = fuzz ]; then
    if ! command -v afl-clang-fast >/dev/null 2>&1 ||
        ! command -v afl-fuzz >/dev/null 2>&1; then
        missing="$missing afl++"
    fi
    # Debian only recommends clang's ASan/UBSan runtime: try a link.
    probe=$(mktemp -d "${TMPDIR:-/tmp}/mgrad-deps.XXXXXX")
    if ! printf 'int main(void) { return 0; }\n' >"$probe/p.c" ||
        ! clang -fsanitize=address,undefined -o "$probe/p" "$probe/p.c" \
            >/dev/null 2>&1; then
        missing="$missing libclang-rt-dev"
    fi
    rm -rf "$probe"
fi

if [ "${1:-}" = peers ]; then
    command -v c++ >/dev/null 2>&1 || missing="$missing g++"
    [ -f /usr/include/adolc/adolc.h ] || missing="$missing libadolc-dev"
    [ -f /usr/include/trilinos/Sacado_trad.hpp ] ||
        missing="$missing libtrilinos-sacado-dev"
    [ -f /usr/include/trilinos/Kokkos_Core.hpp ] ||
        missing="$missing libtrilinos-kokkos-dev"
    /usr/bin/python3 -c 'import torch' >/dev/null 2>&1 ||
        missing="$missing python3-torch"
fi
if [ "${1:-}" = web ]; then
    command -v emcc >/dev/null 2>&1 || missing="$missing emscripten"
    command -v npm >/dev/null 2>&1 || missing="$missing npm"
fi
if [ "${1:-}" = browser ]; then
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
fi
if [ "${1:-}" = jupyter ]; then
    # Python modules are asked of Debian's package database: the python3
    # on the PATH may be another interpreter that cannot see them.
    for pkg in python3-ipykernel jupyter-client python3-nbclient \
        python3-jupyter-kernel-test jupyter-notebook python3-matplotlib \
        graphviz; do
        dpkg-query -W -f='${Status}\n' "$pkg" 2>/dev/null |
            grep -q 'install ok installed' || missing="$missing $pkg"
    done
fi

[ -z "$missing" ] && exit 0

echo "mgrad: installing build dependencies:$missing"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "mgrad: no apt-get here; please install:$missing" >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
else
    echo "mgrad: not root and no sudo; please install:$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq </dev/null
# (The peers and Jupyter without what they only recommend: PyTorch's is
# large, and so is the Notebook's.)
only=""
case ${1:-} in peers | jupyter) only="--no-install-recommends" ;; esac
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $only $missing </dev/null
