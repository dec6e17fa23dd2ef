"""mgrad_kernel/magic.py — %%mgrad (a cell) and %mgrad (a line) for the
ordinary Python kernel, where a custom kernel cannot be chosen (Colab).

Every cell and line of a notebook runs in one mgrad session. Output is
printed, graphs and charts are displayed as in the mgrad kernel, and an
mgrad error is raised as MgradError, shown as mgrad's own message with
its line and caret.
"""
import sys
import time

from . import library, render

_session = None
_count = 0


class MgradError(Exception):
    """An mgrad text failed; its message is mgrad's own."""

    def __init__(self, lines, status):
        super().__init__(lines[0] if lines else status)
        self.lines = lines

    def _render_traceback_(self):
        return self.lines


def session():
    """The notebook's one mgrad session."""
    global _session
    if _session is None:
        _session = library.Session(library.COLOR, columns=100, rows=30)
    return _session


class _Output:
    """Output gathered for at most a tenth of a second, then printed."""

    def __init__(self):
        self.pending = []
        self.last = time.monotonic()

    def __call__(self, text):
        self.pending.append(text)
        if time.monotonic() - self.last >= 0.1:
            self.flush()

    def flush(self):
        sys.stdout.write("".join(self.pending))
        sys.stdout.flush()
        self.pending = []
        self.last = time.monotonic()


def run(text):
    global _count
    from IPython.display import display
    _count += 1
    s = session()
    errors = []
    s.output = _Output()
    s.error = errors.append
    s.picture = lambda p: (s.output.flush(),
                           display(render.bundle(p), raw=True))
    with library.interruptible():
        status = s.run(text, f"mgrad[{_count}]")
    s.output.flush()
    messages = "".join(errors)
    if status in (library.ERROR, library.INTERRUPTED, library.NO_MEMORY,
                  library.BUSY):
        lines = messages.rstrip("\n").split("\n") if messages else []
        if status == library.NO_MEMORY:
            lines.append("mgrad: out of memory: this session is spent")
        raise MgradError(lines, library.STATUS_NAMES[status])
    if messages:
        sys.stderr.write(messages)


def mgrad(line, cell=None):
    """%mgrad LINE runs one line; %%mgrad runs the cell below it."""
    run(cell if cell is not None else line)


def register(ipython):
    ipython.register_magic_function(mgrad, "line_cell", "mgrad")
