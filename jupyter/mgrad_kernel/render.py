"""mgrad_kernel/render.py — pictures from the library as notebook outputs.

A graph becomes SVG through Graphviz's dot (sent from `<svg`, since an XML
declaration upsets some exporters), with its DOT as the text fallback;
plots, loss curves and decision regions become PNG charts drawn by
matplotlib from the numbers the library hands over, with the terminal
picture as the text fallback.
"""
import base64
import io
import math
import shutil
import subprocess


def graph_svg(dot_text):
    """The SVG of a DOT text, from `<svg` on; None without Graphviz."""
    dot = shutil.which("dot")
    if not dot:
        return None
    try:
        # At most 9 inches wide (a notebook's column): larger graphs are
        # scaled down to fit, as Graphviz's size attribute does.
        done = subprocess.run([dot, "-Tsvg", "-Gsize=9,100"],
                              input=dot_text.encode(),
                              capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    svg = done.stdout.decode("utf-8", "replace")
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else None


def _figure(width=6.4, height=4.0):
    from matplotlib.figure import Figure
    return Figure(figsize=(width, height), dpi=100)


def _png(figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _finite(values):
    return [v if v is not None and math.isfinite(v) else float("nan")
            for v in values]


def plot_png(p):
    figure = _figure()
    axes = figure.add_subplot()
    name = p.title or "f"
    x = p.variable or "x"
    axes.plot(p.x, _finite(p.y), label=name, color="tab:blue")
    axes.plot(p.x, _finite(p.slope), label=f"d({name})/d{x}",
              color="tab:orange", linestyle="--")
    axes.axhline(0, color="0.6", linewidth=0.8)
    axes.set_xlabel(x)
    axes.grid(True, alpha=0.3)
    axes.legend()
    return _png(figure)


def curve_png(p):
    figure = _figure()
    axes = figure.add_subplot()
    axes.plot(range(len(p.y)), _finite(p.y), marker="." if len(p.y) < 60
              else None, color="tab:blue", label=p.title or "values")
    axes.set_xlabel("index")
    axes.set_ylabel(p.title or "")
    axes.grid(True, alpha=0.3)
    axes.legend()
    return _png(figure)


def regions_png(p):
    figure = _figure(5.6, 5.0)
    axes = figure.add_subplot()
    x_lo, x_hi, y_lo, y_hi = p.extent
    grid = [[1.0 if s > 0 else 0.0 for s in p.scores[r * p.columns:
                                                    (r + 1) * p.columns]]
            for r in range(p.rows)]
    xs = [x_lo + (x_hi - x_lo) * c / (p.columns - 1)
          for c in range(p.columns)]
    ys = [y_lo + (y_hi - y_lo) * r / (p.rows - 1) for r in range(p.rows)]
    axes.contourf(xs, ys, grid, levels=[-0.5, 0.5, 1.5],
                  colors=["#f4c7a1", "#a9c8ec"], alpha=0.8)
    positive = [i for i, label in enumerate(p.labels) if label > 0]
    negative = [i for i, label in enumerate(p.labels) if not label > 0]
    axes.scatter([p.x[i] for i in positive], [p.y[i] for i in positive],
                 c="tab:blue", edgecolors="k", s=30, label="label > 0")
    axes.scatter([p.x[i] for i in negative], [p.y[i] for i in negative],
                 c="tab:red", edgecolors="k", s=30, label="label ≤ 0")
    axes.set_xlim(x_lo, x_hi)
    axes.set_ylim(y_lo, y_hi)
    axes.legend(loc="upper right")
    return _png(figure)


def bundle(p):
    """The display data of a picture: {mime type: data}."""
    if p.kind == "graph":
        svg = graph_svg(p.text)
        data = {"text/plain": p.text}
        if svg:
            data["image/svg+xml"] = svg
        return data
    data = {"text/plain": p.text}
    try:
        draw = {"plot": plot_png, "curve": curve_png,
                "regions": regions_png}.get(p.kind)
        if draw:
            data["image/png"] = draw(p)
    except ImportError:
        pass   # no matplotlib: the terminal picture alone
    return data
