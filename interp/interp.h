/*
 * interp/interp.h — the interpreter's public face: a session that compiles
 * and runs texts against its bindings, builds Value graphs through the
 * engine and prints results, with the commands and built-in functions of
 * the library it is given (lib/lib.h).
 *
 * The REPL and the command line only hand it Sources; everything the
 * language means is decided here and in the library.
 */
#ifndef MGRAD_INTERP_INTERP_H
#define MGRAD_INTERP_INTERP_H

#include <signal.h>
#include <stdio.h>
#include "../util/source.h"

typedef struct Interp Interp;
/* Its commands and built-in functions (lib/lib.h gives mgrad's). */
typedef struct InterpLibrary InterpLibrary;

Interp *interp_new(const InterpLibrary *library);
/* Frees the interpreter and every node of the engine. */
void interp_free(Interp *in);

/* Parses src whole; when it has no syntax error, runs its statements in
 * order, stopping at the first run-time error. Returns 0 when everything
 * ran, 1 after any error. Does not take ownership of src. */
int interp_run_source(Interp *in, const Source *src);

/* One line on stream: nodes created and the most alive at once (for
 * MGRAD_STATS=1 and the benchmarks). */
void interp_report_stats(FILE *stream);

/* Set by quit/exit. */
int interp_quit_requested(const Interp *in);

/* How results are shown: decided at the program's edge (repl/), which
 * alone knows about terminals, locales and NO_COLOR. */
typedef struct InterpDisplay {
    FILE *out;       /* where results go */
    int ascii;       /* draw pictures without box-drawing characters */
    int color;       /* colour unless `set color` says otherwise */
    /* The terminal's size when a picture is drawn, or NULL: 80 by 24. */
    void (*measure)(int *columns, int *rows);
} InterpDisplay;

void interp_set_display(Interp *in, const InterpDisplay *display);

/* The flag a SIGINT handler raises; statements and long traversals poll it,
 * stop, report "interrupted" and clear it. */
extern volatile sig_atomic_t interp_interrupted;

/* For tab completion: every bound name, then the words of the language
 * (commands, functions, keywords, attribute names). */
typedef void (*InterpWordFn)(void *ctx, const char *word);
void interp_each_name(const Interp *in, InterpWordFn fn, void *ctx);
void interp_each_keyword(const Interp *in, InterpWordFn fn, void *ctx);
/* What may follow a dot: the attributes (data, grad, label), from their
 * one table. */
void interp_each_attribute(InterpWordFn fn, void *ctx);

#endif
