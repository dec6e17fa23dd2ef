"""mgrad_kernel/library.py — libmgrad.so (embed/mgrad.h) through ctypes.

A Session runs mgrad texts and hands what they show to the Python
callables given for output, errors and pictures. The library is found
through $MGRAD_LIBRARY, else as build/libmgrad.so of the source tree this
package sits in.
"""
import ctypes
import os
import signal
from contextlib import contextmanager

OK, ERROR, INTERRUPTED, QUIT, NO_MEMORY, BUSY = range(6)
STATUS_NAMES = ["ok", "error", "interrupted", "quit", "no memory", "busy"]

GRAPH, PLOT, CURVE, REGIONS = range(4)

ASCII, COLOR = 1, 2


class _Picture(ctypes.Structure):
    _fields_ = [
        ("kind", ctypes.c_int),
        ("title", ctypes.c_char_p),
        ("variable", ctypes.c_char_p),
        ("text", ctypes.POINTER(ctypes.c_char)),
        ("text_length", ctypes.c_size_t),
        ("count", ctypes.c_size_t),
        ("x", ctypes.POINTER(ctypes.c_double)),
        ("y", ctypes.POINTER(ctypes.c_double)),
        ("slope", ctypes.POINTER(ctypes.c_double)),
        ("labels", ctypes.POINTER(ctypes.c_double)),
        ("columns", ctypes.c_int),
        ("rows", ctypes.c_int),
        ("scores", ctypes.POINTER(ctypes.c_double)),
        ("x_lo", ctypes.c_double),
        ("x_hi", ctypes.c_double),
        ("y_lo", ctypes.c_double),
        ("y_hi", ctypes.c_double),
    ]


_TEXT_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p,
                            ctypes.POINTER(ctypes.c_char), ctypes.c_size_t)
_PICTURE_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p,
                               ctypes.POINTER(_Picture))
_WORD_FN = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_char_p)


class _Callbacks(ctypes.Structure):
    _fields_ = [
        ("context", ctypes.c_void_p),
        ("output", _TEXT_FN),
        ("error", _TEXT_FN),
        ("picture", _PICTURE_FN),
    ]


class Picture:
    """A picture as plain Python data, kept after the callback returns."""

    KINDS = {GRAPH: "graph", PLOT: "plot", CURVE: "curve",
             REGIONS: "regions"}

    def __init__(self, p):
        def numbers(pointer, n):
            return list(pointer[:n]) if pointer else None

        def text(s):
            return s.decode("utf-8", "replace") if s is not None else None

        self.kind = self.KINDS.get(p.kind, "unknown")
        self.title = text(p.title)
        self.variable = text(p.variable)
        self.text = ctypes.string_at(p.text, p.text_length).decode(
            "utf-8", "replace") if p.text else ""
        n = p.count
        self.x = numbers(p.x, n)
        self.y = numbers(p.y, n)
        self.slope = numbers(p.slope, n)
        self.labels = numbers(p.labels, n)
        self.columns, self.rows = p.columns, p.rows
        self.scores = numbers(p.scores, p.columns * p.rows)
        self.extent = (p.x_lo, p.x_hi, p.y_lo, p.y_hi)


def library_path():
    given = os.environ.get("MGRAD_LIBRARY")
    if given:
        return given
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(here, "..", "..", "build", "libmgrad.so")


_lib = None


def load():
    """The library, loaded once."""
    global _lib
    if _lib is not None:
        return _lib
    lib = ctypes.CDLL(library_path())
    lib.mgrad_version.restype = ctypes.c_char_p
    lib.mgrad_new.restype = ctypes.c_void_p
    lib.mgrad_new.argtypes = [ctypes.c_int]
    lib.mgrad_free.argtypes = [ctypes.c_void_p]
    lib.mgrad_set_callbacks.argtypes = [ctypes.c_void_p,
                                        ctypes.POINTER(_Callbacks)]
    lib.mgrad_set_size.argtypes = [ctypes.c_void_p, ctypes.c_int,
                                   ctypes.c_int]
    lib.mgrad_run.restype = ctypes.c_int
    lib.mgrad_run.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                              ctypes.c_size_t, ctypes.c_char_p]
    lib.mgrad_interrupt.argtypes = []
    lib.mgrad_complete.restype = ctypes.c_size_t
    lib.mgrad_complete.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                   ctypes.c_size_t, ctypes.c_size_t,
                                   _WORD_FN, ctypes.c_void_p,
                                   ctypes.POINTER(ctypes.c_size_t)]
    lib.mgrad_needs_more.restype = ctypes.c_int
    lib.mgrad_needs_more.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
    lib.mgrad_help.restype = ctypes.c_int
    lib.mgrad_help.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    _lib = lib
    return lib


_libc = ctypes.CDLL(None)
_libc.signal.restype = ctypes.c_void_p
_libc.signal.argtypes = [ctypes.c_int, ctypes.c_void_p]


@contextmanager
def interruptible():
    """SIGINT stops the running text (mgrad_interrupt) instead of going to
    Python, whose handler could not run until the text ends."""
    handler = ctypes.cast(load().mgrad_interrupt_signal, ctypes.c_void_p)
    saved = _libc.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        _libc.signal(signal.SIGINT, saved)


def version():
    return load().mgrad_version().decode()


def needs_more(text):
    data = text.encode("utf-8")
    return bool(load().mgrad_needs_more(data, len(data)))


def interrupt():
    load().mgrad_interrupt()


class Session:
    """One mgrad session. output(text), error(text) and picture(Picture)
    are called while a text runs; set them as attributes."""

    def __init__(self, flags=0, columns=0, rows=0):
        self._lib = load()
        self._handle = self._lib.mgrad_new(flags)
        if not self._handle:
            raise MemoryError("mgrad: cannot make a session")
        self.output = lambda text: None
        self.error = lambda text: None
        self.picture = lambda picture: None
        # ctypes must keep the callbacks alive as long as the session.
        self._c_output = _TEXT_FN(self._on_output)
        self._c_error = _TEXT_FN(self._on_error)
        self._c_picture = _PICTURE_FN(self._on_picture)
        callbacks = _Callbacks(None, self._c_output, self._c_error,
                               self._c_picture)
        self._lib.mgrad_set_callbacks(self._handle, ctypes.byref(callbacks))
        if columns:
            self._lib.mgrad_set_size(self._handle, columns, rows)

    def _on_output(self, context, text, length):
        self.output(ctypes.string_at(text, length).decode("utf-8",
                                                          "replace"))

    def _on_error(self, context, text, length):
        self.error(ctypes.string_at(text, length).decode("utf-8", "replace"))

    def _on_picture(self, context, picture):
        self.picture(Picture(picture.contents))

    def run(self, text, name=None):
        """Runs text; returns a status (OK, ERROR, INTERRUPTED, ...)."""
        data = text.encode("utf-8")
        return self._lib.mgrad_run(self._handle, data, len(data),
                                   name.encode() if name else None)

    def complete(self, text, cursor):
        """(words, start): what completes the word before cursor (both in
        characters of text)."""
        data = text.encode("utf-8")
        byte_cursor = len(text[:cursor].encode("utf-8"))
        words = []
        collect = _WORD_FN(lambda context, word: words.append(word.decode()))
        start = ctypes.c_size_t(0)
        self._lib.mgrad_complete(self._handle, data, len(data), byte_cursor,
                                 collect, None, ctypes.byref(start))
        return words, len(data[:start.value].decode("utf-8", "replace"))

    def help(self, word):
        """The help text of word, or None when there is none."""
        saved = self.output, self.error
        pieces = []
        self.output = pieces.append
        self.error = lambda text: None
        try:
            status = self._lib.mgrad_help(self._handle, word.encode())
        finally:
            self.output, self.error = saved
        return "".join(pieces) if status == OK else None

    def close(self):
        if self._handle:
            self._lib.mgrad_free(self._handle)
            self._handle = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
