/*
 * interp/interp.h — the interpreter's public face: a session that compiles
 * and runs texts against its bindings, builds Value graphs through the
 * engine and prints results, with the commands and built-in functions of
 * the library it is given (lib/lib.h).
 *
 * Its front end (embed/, under the command line and the notebook) only
 * hands it Sources; everything the language means is decided here and in
 * the library.
 */
#ifndef MGRAD_INTERP_INTERP_H
#define MGRAD_INTERP_INTERP_H

#include <signal.h>
#include <stdio.h>
#include "util/source.h"

typedef struct Interp Interp;
/* Its commands and built-in functions (lib/lib.h gives mgrad's). */
typedef struct InterpLibrary InterpLibrary;

/* Interpreters may live side by side (embed/ makes one per session); they
 * share the engine's node pool and must not run at the same time. */
Interp *interp_new(const InterpLibrary *library);
/* Frees the interpreter; the last one alive frees every node of the
 * engine at once. */
void interp_free(Interp *in);

/* Parses src whole; when it has no syntax error, runs its statements in
 * order, stopping at the first run-time error. Returns 0 when everything
 * ran, 1 after any error. Does not take ownership of src. */
int interp_run_source(Interp *in, const Source *src);

/* One line on stream: nodes created and the most alive at once (for
 * MGRAD_STATS=1 and the benchmarks). */
void interp_report_stats(FILE *stream);

/* Set by quit/exit; cleared when the next text starts. */
int interp_quit_requested(const Interp *in);

/* How results are shown: decided at the program's edge (embed/, from the
 * flags and size a front end gives it; repl/ alone knows about terminals,
 * locales and NO_COLOR). */
typedef struct InterpDisplay {
    FILE *out;       /* where results go */
    int ascii;       /* draw pictures without box-drawing characters */
    int color;       /* colour unless `set color` says otherwise */
    /* The terminal's size when a picture is drawn, or NULL: 80 by 24. */
    void (*measure)(int *columns, int *rows);
} InterpDisplay;

void interp_set_display(Interp *in, const InterpDisplay *display);
/* What `set color` chose: 1 on, 0 off, -1 never set (the display decides).
 * Messages follow it too (embed/ keeps it per session). */
int interp_color_setting(const Interp *in);

/* A picture that a front end draws itself (a notebook, a web page): what
 * dot (without a file), plot and regions show, as numbers. */
typedef enum InterpPictureKind {
    INTERP_PICTURE_GRAPH,   /* dot L: text is the graph's DOT */
    INTERP_PICTURE_PLOT,    /* plot e, x = lo..hi: samples x, y, slope */
    INTERP_PICTURE_CURVE,   /* plot xs: y against its index */
    INTERP_PICTURE_REGIONS  /* regions m, X, y: scores on a grid, points */
} InterpPictureKind;

typedef struct InterpPicture {
    InterpPictureKind kind;
    const char *title;     /* the root's name, the plotted expression or list */
    const char *variable;  /* plot: the leaf's name; otherwise NULL */
    const char *text;      /* the picture as a terminal shows it (a graph:
                              its DOT), NUL-terminated */
    size_t text_length;
    size_t count;          /* samples, values or points */
    const double *x;       /* plot: where; regions: the points' x */
    const double *y;       /* plot: e; curve: the values; regions: points' y */
    const double *slope;   /* plot: de/dx (NaN where not computed) */
    const double *labels;  /* regions: each point's label */
    int columns, rows;     /* regions: the grid of scores */
    const double *scores;  /* regions: rows * columns, row by row from y_lo,
                              each from x_lo; the model's output there */
    double x_lo, x_hi, y_lo, y_hi;
} InterpPicture;

typedef void (*InterpPictureFn)(void *ctx, const InterpPicture *picture);
/* With fn set, dot, plot and regions hand their pictures to fn instead of
 * printing them; NULL prints them again. */
void interp_set_pictures(Interp *in, InterpPictureFn fn, void *ctx);

/* The flag a SIGINT handler raises; statements and long traversals poll it,
 * stop, report "interrupted" and clear it. */
extern volatile sig_atomic_t interp_interrupted;

/* An interrupt stops the freeing of a big value (a list of ten million
 * lists) too, and the rest is freed later: at the start of the next text,
 * or a slice at a time by this, which a front end calls while it waits
 * for input. Frees at most steps items; returns 1 if some is left. */
int interp_idle(size_t steps);

/* For a page that draws the graph beside the session (web/): when on, the
 * interpreter holds a reference to the last node an entry showed (`L = ...`,
 * `L`) or a command took as its graph (`backward L`, `tree L`, ...), so the
 * picture can follow it. Off by default: then nothing is held. */
struct Value;
void interp_follow_shown(Interp *in, int on);
/* That node, or the pinned one (borrowed; NULL when none or when
 * following is off). */
struct Value *interp_shown(const Interp *in);
/* on: interp_shown keeps to the node it gives now; off: it follows again.
 * Returns whether a node is pinned. */
int interp_pin(Interp *in, int on);

/* on: the texts about to run are the session's last, nothing reads its
 * bindings afterwards and the first error ends them (a script run by the
 * command line without -i). Then `backward L;` lets L's graph go as it
 * passes through it, when nothing in the program can look at that graph
 * again (compile/uses.h); L keeps its data and gradient. Off by default. */
void interp_set_last_run(Interp *in, int on);

/* For tab completion: every bound name, then the words of the language
 * (commands, functions, keywords, attribute names). */
typedef void (*InterpWordFn)(void *ctx, const char *word);
void interp_each_name(const Interp *in, InterpWordFn fn, void *ctx);
void interp_each_keyword(const Interp *in, InterpWordFn fn, void *ctx);
/* What may follow `x.`: attributes, methods and one-argument functions. */
void interp_each_attribute(InterpWordFn fn, void *ctx);

#endif
