"""mgrad_kernel/kernel.py — the Jupyter kernel "mgrad": a notebook's cells
run in one mgrad session inside this process, through libmgrad.so.

Output streams to the notebook as it is printed (gathered for at most a
tenth of a second); graphs and charts are display data (render.py); an
error is a Jupyter error whose traceback is mgrad's message with its line
and caret; the interrupt button stops the running cell and keeps the
session (a C-level SIGINT handler calls mgrad_interrupt).
"""
import re
import time

from ipykernel.kernelbase import Kernel

from . import library, render

WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class CellOutput:
    """What a running cell shows, sent on as it comes."""

    FLUSH_SECONDS = 0.1

    def __init__(self, send):
        self.send = send          # send(message type, content)
        self.pending = []
        self.last = time.monotonic()
        self.errors = []
        self.silent = False

    def output(self, text):
        self.pending.append(text)
        now = time.monotonic()
        if now - self.last >= self.FLUSH_SECONDS:
            self.flush()

    def flush(self):
        self.last = time.monotonic()
        if self.pending and not self.silent:
            self.send("stream", {"name": "stdout",
                                 "text": "".join(self.pending)})
        self.pending = []

    def error(self, text):
        self.errors.append(text)

    def picture(self, picture):
        self.flush()
        if not self.silent:
            self.send("display_data", {"data": render.bundle(picture),
                                       "metadata": {}})


class MgradKernel(Kernel):
    implementation = "mgrad"
    implementation_version = "0.1"
    language = "mgrad"
    language_version = "0.1"
    language_info = {
        "name": "mgrad",
        "mimetype": "text/x-mgrad",
        "file_extension": ".mg",
        "pygments_lexer": "python",
        "codemirror_mode": "python",
    }
    banner = "mgrad — a calculator that back-propagates"
    help_links = []

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.banner = f"mgrad {library.version()} — a calculator that " \
                      f"back-propagates"
        self.mgrad = library.Session(library.COLOR, columns=100, rows=30)

    def _send(self, kind, content):
        self.send_response(self.iopub_socket, kind, content)

    def do_execute(self, code, silent, store_history=True,
                   user_expressions=None, allow_stdin=False):
        cell = CellOutput(self._send)
        cell.silent = silent
        self.mgrad.output = cell.output
        self.mgrad.error = cell.error
        self.mgrad.picture = cell.picture
        with library.interruptible():
            status = self.mgrad.run(code, f"In[{self.execution_count}]")
        cell.flush()
        messages = "".join(cell.errors)
        reply = {"status": "ok", "execution_count": self.execution_count,
                 "payload": [], "user_expressions": {}}
        if status in (library.ERROR, library.INTERRUPTED,
                      library.NO_MEMORY, library.BUSY):
            lines = messages.rstrip("\n").split("\n") if messages else []
            if status == library.NO_MEMORY:
                lines.append("mgrad: out of memory: this session is spent; "
                             "restart the kernel")
            elif status == library.BUSY:
                lines.append("mgrad: another text is running")
            first = _plain(lines[0]) if lines else library.STATUS_NAMES[status]
            ename = "Interrupted" if status == library.INTERRUPTED \
                else "MgradError"
            error = {"ename": ename, "evalue": first, "traceback": lines}
            if not silent:
                self._send("error", error)
            reply.update(status="error", **error)
            return reply
        if messages and not silent:
            self._send("stream", {"name": "stderr", "text": messages})
        if status == library.QUIT and not silent:
            self._send("stream", {"name": "stdout", "text":
                                  "(quit: a notebook's session stays; "
                                  "restart the kernel for a fresh one)\n"})
        return reply

    def do_complete(self, code, cursor_pos):
        words, start = self.mgrad.complete(code, cursor_pos)
        return {"status": "ok", "matches": words, "cursor_start": start,
                "cursor_end": cursor_pos, "metadata": {}}

    def do_is_complete(self, code):
        if library.needs_more(code):
            return {"status": "incomplete", "indent": "    "}
        return {"status": "complete"}

    def do_inspect(self, code, cursor_pos, detail_level=0,
                   omit_sections=()):
        word = _word_at(code, cursor_pos)
        text = self.mgrad.help(word) if word else None
        if not text:
            return {"status": "ok", "found": False, "data": {},
                    "metadata": {}}
        return {"status": "ok", "found": True,
                "data": {"text/plain": text}, "metadata": {}}

    def do_shutdown(self, restart):
        self.mgrad.close()
        if restart:
            self.mgrad = library.Session(library.COLOR, columns=100,
                                           rows=30)
        return {"status": "ok", "restart": restart}


def _plain(text):
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _word_at(code, cursor):
    """The name under or just before the cursor."""
    for m in WORD.finditer(code):
        if m.start() <= cursor <= m.end():
            return m.group()
    return None
