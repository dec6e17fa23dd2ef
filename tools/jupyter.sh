#!/bin/sh
# tools/jupyter.sh — `make jupyter`: installs what the notebook kernel needs
# and registers it for the user.
#
# tools/deps.sh installs what is missing of Jupyter (ipykernel,
# jupyter_client, nbclient, jupyter_kernel_test, the classic Notebook),
# matplotlib and Graphviz, on Debian/Ubuntu. Then the kernel spec
# "mgrad" (build/kernelspec/mgrad/kernel.json, naming /usr/bin/python3,
# which has Debian's modules, and this tree's jupyter/ and
# build/libmgrad.so) is installed with `jupyter kernelspec install --user`,
# the example notebooks are marked trusted (so that their saved graphs
# show), and a .pth file in the user's site-packages lets the ordinary Python
# kernel `%load_ext mgrad_kernel` for the %%mgrad magic.
#
# Usage: tools/jupyter.sh ROOT LIBRARY (absolute paths).
set -eu

root=$1
library=$2
python=/usr/bin/python3

sh "$root/tools/deps.sh" jupyter

spec="$root/build/kernelspec/mgrad"
mkdir -p "$spec"
"$python" - "$spec/kernel.json" "$root/jupyter" "$library" <<'PY'
import json, sys
path, package, library = sys.argv[1:4]
spec = {
    "argv": ["/usr/bin/python3", "-m", "mgrad_kernel", "-f",
             "{connection_file}"],
    "display_name": "mgrad",
    "language": "mgrad",
    "interrupt_mode": "signal",
    "env": {"PYTHONPATH": package, "MGRAD_LIBRARY": library},
}
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
    f.write("\n")
PY
# Debian's Python 3.11 makes jupyter print debugger warnings: quiet unless
# it fails.
export PYDEVD_DISABLE_FILE_VALIDATION=1
if ! said=$(jupyter kernelspec install --user --replace --name mgrad "$spec" 2>&1); then
    printf '%s\n' "$said" >&2
    exit 1
fi
# The examples' saved pictures (SVG graphs) show only in a trusted
# notebook: sign them for this user, as `jupyter trust` does.
"$python" - "$root"/examples/*.ipynb <<'PY' 2>/dev/null || true
import sys
import nbformat
from nbformat.sign import NotebookNotary
notary = NotebookNotary()
for path in sys.argv[1:]:
    notary.sign(nbformat.read(path, as_version=4))
PY
site=$("$python" -m site --user-site)
mkdir -p "$site"
printf '%s\n' "$root/jupyter" >"$site/mgrad.pth"
echo "mgrad: the kernel \"mgrad\" is installed for $(id -un)" \
    "($(jupyter kernelspec list 2>/dev/null | awk '$1 == "mgrad" {print $2}'))"
echo "mgrad: in a Python notebook, %load_ext mgrad_kernel gives %%mgrad"
echo "mgrad: start Jupyter with: jupyter notebook examples/lecture.ipynb"
