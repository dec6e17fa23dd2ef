"""tests/jupyter/notebook_test.py — examples/lecture.ipynb and
examples/moons.ipynb run headless with nbclient in the kernel "mgrad-test";
the executed notebook's JSON is checked (not an HTML export): no cell
ends in an error, every `dot` and `draw_dot` cell holds an SVG (from `<svg`) with the
graph's labels in it, every `plot` and `regions` cell a PNG, the lecture's
numbers are there, and the text outputs equal those saved in the
committed notebook, so that what it shows stays true.
"""
import html
import os
import re

import nbformat
from nbclient import NotebookClient

from report import Report

ROOT = os.environ["MGRAD_ROOT"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(report, name):
    path = os.path.join(ROOT, "examples", name)
    saved = nbformat.read(path, as_version=4)
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name="mgrad-test", timeout=300,
                            allow_errors=True, resources={
                                "metadata": {"path": os.path.dirname(path)}})
    client.execute()
    return saved, nb


def text_of(cell):
    return ANSI.sub("", "".join(o.get("text", "") for o in cell.outputs
                                if o.output_type == "stream"))


def shown(cell, mime):
    return [o.data[mime] for o in cell.outputs
            if o.output_type == "display_data" and mime in o.data]


def commands(cell, word):
    return [line for line in cell.source.splitlines()
            if line.startswith(word + " ")]


def graph_root(cell):
    """The root of the graph a cell draws, with `dot L` or draw_dot(L)."""
    for line in cell.source.splitlines():
        m = re.match(r"dot (\w+)|draw_dot\((\w+)\)", line)
        if m:
            return m.group(1) or m.group(2)
    return None


def check_notebook(report, name, labels, numbers, gradients=()):
    try:
        saved, nb = run(report, name)
    except Exception:
        report.crashed(f"{name} runs")
        return
    code = [c for c in nb.cells if c.cell_type == "code"]
    errors = [(i, o.get("evalue")) for i, c in enumerate(code)
              for o in c.outputs if o.output_type == "error"]
    report.check(not errors and len(code) > 5,
                 f"{name}: all {len(code)} code cells run with no error",
                 errors)

    graphs = [c for c in code if graph_root(c)]
    bad = []
    for c in graphs:
        svgs = shown(c, "image/svg+xml")
        if len(svgs) != 1 or not svgs[0].startswith("<svg"):
            bad.append((c.source, "no SVG from <svg"))
            continue
        svg = html.unescape(svgs[0])
        root = graph_root(c)
        missing = [label for label in labels.get(root, []) if
                   f">{label}<" not in svg]
        if missing:
            bad.append((c.source, f"labels missing: {missing}"))
    if labels:
        report.check(graphs and not bad,
                     f"{name}: its {len(graphs)} graph cells hold SVG with "
                     f"the node labels", bad)
        after = [html.unescape(s) for c in graphs
                 for s in shown(c, "image/svg+xml")]
        report.check(any(all(f">{g}<" in s for g in gradients)
                         for s in after),
                     f"{name}: a graph shows the gradients "
                     f"{', '.join(gradients)}", "")

    charts = [c for c in code if commands(c, "plot") or
              commands(c, "regions")]
    bad = [c.source for c in charts if len(shown(c, "image/png")) != 1]
    report.check(charts and not bad,
                 f"{name}: its {len(charts)} plot and regions cells hold "
                 f"a PNG image", bad)

    everything = "\n".join(text_of(c) for c in code)
    missing = [n for n in numbers if n not in everything]
    report.check(not missing, f"{name}: the lecture's numbers", missing)

    saved_code = [c for c in saved.cells if c.cell_type == "code"]
    differ = [c.source for c, s in zip(code, saved_code)
              if text_of(c) != text_of(s)]
    report.check(len(saved_code) == len(code) and not differ,
                 f"{name}: the saved outputs are what it prints", differ)


def main():
    report = Report("notebook")
    neuron = ["x1", "x2", "w1", "w2", "b", "x1*w1", "x2*w2",
              "x1*w1 + x2*w2", "n", "o", "data 0.707107", "tanh"]
    check_notebook(report, "lecture.ipynb", {
        "L": ["a", "b", "c", "e", "d", "f", "L", "data -8", "data 4",
              "data -6"],
        "o": neuron,
    }, [
        "20\n",                                  # f(3.0)
        "14.0003",                               # (f(x + h) - f(x)) / h
        "slope -3.000000000010772\n",
        "6 -4 -2 -2 -2 4\n",                     # gradients by hand
        "dL/da = 6\ndL/db = -4\n",
        "o = 0.7071067811865477\n",
        "0.4999999999999998 -1.4999999999999993 0.9999999999999996 "
        "0.4999999999999998 0\n",                    # the neuron by hand
        "-1.4999999999999993 0.9999999999999996 0.4999999999999998 0\n",
        "[\"x1\", \"w1\", \"x1*w1\", \"x2\", \"w2\", \"x2*w2\", "
        "\"x1*w1 + x2*w2\", \"b\", \"n\", \"o\"]\n",  # build_topo's order
        "do/dx1 = -1.4999999999999993\ndo/dx2 = 0.4999999999999998\n"
        "do/dw1 = 0.9999999999999996\ndo/dw2 = 0\n",
        "all 5 gradients agree",
        "41\n",                                  # parameters of the MLP
        "0 4.102955877202124\n",
        "19 0.020414256503708927\n",
    ], ["grad 6", "grad -4", "grad -2", "grad 4"])
    check_notebook(report, "moons.ipynb", {}, [
        "100\n", "337\n", "step 0 loss 1.4018228233207655 accuracy 33 %",
        "step 99 loss 0.012720969437554784 accuracy 100 %",
    ])
    report.close()


if __name__ == "__main__":
    main()
