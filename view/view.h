/*
 * view/view.h — pictures and checks of a Value graph: tree, polytree, dot,
 * explain, check, plot, and the number and label formatting that every
 * printed value shares; and the pictures of training, which need no graph:
 * a list of numbers against its index (a loss curve) and a two-input
 * model's decision regions under its training points.
 *
 * Views only read the graph: explain runs the engine's backward (and leaves
 * the gradients backward leaves); check and plot call the engine's calculus
 * (engine/calculus.h), which moves leaves and puts every number back, and
 * put its results into words. The engine does not know views exist.
 */
#ifndef MGRAD_VIEW_VIEW_H
#define MGRAD_VIEW_VIEW_H

#include <stdio.h>
#include "engine/value.h"

typedef struct ViewStyle {
    int digits;   /* significant digits of numbers in pictures, 1..17 */
    int ascii;    /* draw with ASCII instead of box-drawing characters */
    int color;    /* use ANSI colour */
    int width;    /* columns available (terminal width, or 80/100) */
    int height;   /* rows available (terminal height, or 24) */
    int values;   /* significant digits of printed values (echo, print,
                     backward's report, vars): 17 is exact, as Python's
                     repr writes them */
} ViewStyle;

/* Numbers as %.{digits}g, with "inf", "-inf", "nan"; at 17 digits the
 * shortest text that reads back as the same double (Python's repr, without
 * ".0" on whole numbers); returns buf. */
char *view_format_number(char *buf, size_t size, double x, int digits);

/* Python's format(value, spec) for an f-string's {value:spec}: a string
 * (text, not NULL) or the number x. Returns a new NUL-terminated text of
 * *length bytes (the caller frees it), or NULL with a message in why. */
char *view_format_spec(const char *text, size_t text_length, double x,
                       const char *spec, size_t spec_length,
                       size_t *length, char *why, size_t why_size);

/* Labels are made on demand by whoever labelled the nodes: fn writes the
 * text of v's label into buf (NUL-terminated, cut to size) and returns its
 * full length, 0 for none. Source text longer than VIEW_LABEL_KEEP
 * characters comes as its two ends (below). The text must depend only on
 * v's label, label_at and the kind of label (its VALUE_NAMED, VALUE_SPAN
 * and VALUE_PARAM flags): the views make it once per label (view/common.c). */
typedef size_t (*ViewLabelFn)(const Value *v, char *buf, size_t size);
void view_set_labeller(ViewLabelFn fn);
int view_has_label(const Value *v);
/* The text of v's label in buf ("" for none); returns buf. */
char *view_label_text(char *buf, size_t size, const Value *v);
/* Room for any label's text. */
#define VIEW_LABEL_MAX 400

/* Source text longer than this many characters is kept on a node as its
 * first and its last VIEW_LABEL_KEEP characters joined by a newline, so that
 * a view can shorten it at the end or in the middle (view/common.c). */
#define VIEW_LABEL_KEEP 40

/* The label of source text[0, length) (view/label.c): blanks folded,
 * comments dropped, a long text as its two ends. Writes it to out (cut to
 * size, NUL-terminated) and returns its full length. */
size_t view_source_label(const char *text, size_t length, char *out,
                         size_t size);

/* What a node is called outside any picture: its label (long source text
 * cut at the end), or for an unlabelled constant its formatted data.
 * Returns buf. */
char *view_node_name(char *buf, size_t size, const Value *v, int digits);

/* The status of a view that did not complete. */
typedef enum ViewResult { VIEW_OK = 0, VIEW_DECLINED, VIEW_ERROR } ViewResult;

ViewResult view_tree(FILE *out, Value *root, const ViewStyle *style,
                     int max_depth /* < 0: no limit */);
/* Declines a picture wider than style->width: returns VIEW_DECLINED with
 * the reason, and the width it needs, in message. */
ViewResult view_polytree(FILE *out, Value *root, const ViewStyle *style,
                         char *message, size_t message_size);
ViewResult view_dot(FILE *out, Value *root, const ViewStyle *style);
/* Writes root's DOT to path: a .dot file as text; .svg, .png or .pdf rendered
 * through Graphviz's dot program. On failure returns VIEW_ERROR with a
 * message for the user in message. */
ViewResult view_dot_file(Value *root, const ViewStyle *style, const char *path,
                         char *message, size_t message_size);
ViewResult view_explain(FILE *out, Value *root, const ViewStyle *style,
                        long max_lines /* < 0: no limit */);
/* Room for a view's message to the user. */
#define VIEW_MESSAGE_MAX 1280

/* check and plot decline what they cannot do (no named leaf to check, no
 * finite value to plot) with VIEW_DECLINED and a message for the user in
 * message, printing nothing. */
ViewResult view_check(FILE *out, Value *root, const ViewStyle *style,
                      char *message, size_t message_size);
ViewResult view_plot(FILE *out, Value *expr, Value *x, double lo, double hi,
                     const ViewStyle *style, char *message,
                     size_t message_size);

/* What backward reports: "dL/dx = g" for every named node of root's graph
 * but root, in creation order, each node under its name in the picture. */
ViewResult view_gradients(FILE *out, Value *root, const ViewStyle *style);
/* One binding as the interpreter echoes it: "name = data", with
 * "  (grad g)" once the gradient is not 0. */
void view_binding(FILE *out, const char *name, const Value *v,
                  const ViewStyle *style);
/* The bindings as `vars` lists them: each as view_binding shows it, and
 * when its node shares its name with others in its own graph, which one
 * it is there: "a = 1.5  [a₃]". */
ViewResult view_bindings(FILE *out, const char *const *names,
                         Value *const *nodes, size_t count,
                         const ViewStyle *style);

/* `plot xs`: ys[0..n-1] against their index. Values that are not finite
 * are left out (a gap). title names the list in the legend and in messages
 * (may be NULL). Declines, printing nothing, when n is 0 or no value is
 * finite; VIEW_ERROR when interrupted. */
ViewResult view_curve(FILE *out, const double *ys, size_t n,
                      const ViewStyle *style, const char *title,
                      char *message, size_t message_size);

/* A model's score at the point (x, y): stores it in *score and returns 0,
 * or returns nonzero when it cannot (an error the callback has reported or
 * will report, or an interrupt). */
typedef int (*ViewRegionFn)(void *ctx, double x, double y, double *score);

/* The plane around the points (xs[i], ys[i]), i < n, each character cell
 * shaded by whether score > 0 at its centre (one evaluation per cell), with
 * the points over it: 'o' where labels[i] > 0, 'x' otherwise. Declines,
 * printing nothing, when n is 0 or a coordinate is not finite; VIEW_ERROR,
 * printing nothing, when score fails or on an interrupt. */
ViewResult view_regions(FILE *out, ViewRegionFn score, void *ctx,
                        const double *xs, const double *ys,
                        const double *labels, size_t n,
                        const ViewStyle *style, char *message,
                        size_t message_size);

/* The flag a SIGINT handler raises (may be NULL). Long views poll it and
 * return VIEW_ERROR when it is set, leaving it set for the caller to report
 * and clear; the graph is left as the view promised. */
void view_set_interrupt_flag(volatile sig_atomic_t *flag);

#endif
