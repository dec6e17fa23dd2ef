/*
 * view/internal.h — what the view files share and the interpreter does not
 * need: name limits, what the nodes of one picture are called, the look of
 * one node as text, colour, the interrupt poll, a map from nodes to
 * numbers, and the axes and canvas of the charts (view/axes.c).
 */
#ifndef MGRAD_VIEW_INTERNAL_H
#define MGRAD_VIEW_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include "view/view.h"

/* Longest node name shown; longer labels are cut. */
#define VIEW_NAME_MAX 512
/* Room for one formatted number. */
#define VIEW_NUM_MAX 40
/* The most leaves `check` differentiates numerically: past it, a sample. */
#define VIEW_CHECK_SAMPLE 64

/* [A-Za-z_][A-Za-z0-9_]* */
int view_is_identifier(const char *s);

/* Columns a UTF-8 string takes (one per code point). */
size_t view_text_width(const char *s);

/* Prints s cut to at most width columns. */
void view_put_cut(FILE *out, const char *s, size_t width);

/* ANSI colours, used only when style->color is set. */
enum ViewColor {
    VIEW_COLOR_NONE = -1, /* plain text: view_color prints nothing */
    VIEW_COLOR_NAME,    /* a node's name */
    VIEW_COLOR_GRAD,    /* a gradient */
    VIEW_COLOR_OP,      /* an operation */
    VIEW_COLOR_NOTE,    /* references, markers, remarks */
    VIEW_COLOR_CURVE,   /* plot: the function */
    VIEW_COLOR_SLOPE,   /* plot: its derivative */
    VIEW_COLOR_ABOVE,   /* regions: where the score is > 0 (a background) */
    VIEW_COLOR_BELOW,   /* regions: where it is not */
    VIEW_COLOR_POINT_ABOVE, /* regions: a point on each of them */
    VIEW_COLOR_POINT_BELOW
};
void view_color(FILE *out, const ViewStyle *style, enum ViewColor color);
void view_color_end(FILE *out, const ViewStyle *style);

/* A map from nodes (or other things, by address) to numbers, for views
 * that must remember something about many nodes without touching them. */
typedef struct ViewMap {
    const void **keys;
    size_t *values;
    size_t count, capacity; /* capacity: a power of two, or 0 */
} ViewMap;
void view_map_put(ViewMap *m, const void *key, size_t value);
/* The value stored for key, or 0 when there is none. */
size_t view_map_get(const ViewMap *m, const void *key);
void view_map_free(ViewMap *m);

/* What the nodes of one picture are called (view/common.c). A name given by
 * an assignment is shown whole; source text longer than `cut` columns is
 * cut at its end ("a*b + c*d…"); a constant is called by its value. Where
 * two different nodes of the picture would still look the same, long text
 * is shortened in the middle instead ("a*b…c*d"), and nodes that are still
 * alike are numbered in creation order: the oldest plain, then a₁, a₂, ...
 * (a#1, a#2 with ASCII). A name carried by one node only stays plain. */
typedef struct ViewNames {
    const ViewStyle *style;
    size_t cut;
    ValueList nodes; /* the graph in topological order, root last */
    struct ViewNaming *naming; /* view/common.c's: labels and their groups */
} ViewNames;
/* Names the nodes of root's graph; cut is at most VIEW_LABEL_KEEP. Returns
 * 0, or -1 when interrupted, and then every node has its plain name. */
int view_names_init(ViewNames *names, Value *root, const ViewStyle *style,
                    size_t cut);
void view_names_free(ViewNames *names);
/* A node beside its place in creation order (value_id), so that sorting
 * and searching by age read the nodes' memory once. */
typedef struct ViewAged {
    uint64_t id;
    const Value *v;
} ViewAged;
/* Sorts oldest first, in time linear in n. Returns 0, or -1 when
 * interrupted (the order is then unspecified). */
int view_sort_by_age(ViewAged *items, size_t n);
/* v's number in the picture * 2, + 1 when its name is shortened in the
 * middle; 0 for a node called plainly, and for a node outside the graph. */
size_t view_name_mark(const ViewNames *names, const Value *v);
/* What v is called in the picture; a node outside the graph by its own
 * label. Returns buf. */
char *view_name(char *buf, size_t size, const ViewNames *names,
                const Value *v);
/* "dL/da" for root L and node a; a name that is not a plain identifier is
 * put in parentheses, "dL/d(a*b)", before any number: "dL/d(a*b)₁". */
char *view_derivative_name(char *buf, size_t size, const ViewNames *names,
                           const Value *root, const Value *v);
/* The local derivative of parent by child, written with the partial sign
 * ("\u2202parent/\u2202child"; "d" in ASCII) so that it reads apart from the
 * running gradient dL/dx. */
char *view_partial_name(char *buf, size_t size, const ViewNames *names,
                        const Value *parent, const Value *child);

/* The parts of one node's row: "name = data", "grad g", "op" ("" for a
 * leaf). An unlabelled node shows just its data as the first part. */
typedef struct ViewNodeText {
    char head[VIEW_NAME_MAX + VIEW_NUM_MAX + 4];
    char grad[VIEW_NUM_MAX + 8];
    const char *op;
} ViewNodeText;
void view_node_text(ViewNodeText *t, const Value *v, const ViewNames *names);

/* The op's display symbol ("" for a leaf). */
const char *view_op_symbol(const Value *v);

/* True when the interrupt flag is raised. */
int view_interrupted(void);

/* ---- charts (view/axes.c) ------------------------------------------------ */

/* The lines of a chart's frame. */
typedef struct ViewAxisGlyphs {
    const char *axis, *tick, *corner, *line, *xtick;
} ViewAxisGlyphs;
const ViewAxisGlyphs *view_axis_glyphs(const ViewStyle *style);

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is >= raw. */
double view_nice_step(double raw);

/* A tick value as text: exactly 0 at zero, and with enough digits that
 * ticks step apart read differently. */
void view_tick_text(char *buf, size_t size, double t, double step);

/* The row (0 at the top) where y falls when top..bottom spans the rows. */
int view_axis_row(double y, double top, double bottom, int rows);

/* A y axis: round bounds around the values, a tick every three rows or
 * more, each with its number. */
typedef struct ViewYAxis {
    double top, bottom, step;
    char (*labels)[VIEW_NUM_MAX]; /* per row; "" where no tick */
    int label_width;
} ViewYAxis;
/* Fills a (start from {0}; may be called again) for values ymin..ymax.
 * Returns 0, -1 when ymin > ymax (no finite value), -2 when the span is
 * more than a double can measure. */
int view_y_axis(ViewYAxis *a, double ymin, double ymax, int rows);
void view_y_axis_free(ViewYAxis *a);
/* The left of row `row`: its number (or blanks), a space, the axis. */
void view_y_axis_margin(FILE *out, const ViewYAxis *a, int row,
                        const ViewAxisGlyphs *g);

/* The bottom two lines: the axis with a tick at round values of lo..hi
 * (columns 0..cols-1, after `left` columns of margin), and their numbers.
 * whole: ticks at whole numbers only (indices). */
void view_x_axis(FILE *out, const ViewAxisGlyphs *g, int left, int cols,
                 double lo, double hi, int whole);

/* Values by column: column j spans low[j]..high[j] where ok[j]. */
typedef struct ViewSeries {
    double *low, *high;
    unsigned char *ok;
} ViewSeries;
/* Marks s on a rows x cols canvas of cell kinds, never over a kind greater
 * than mark; each column reaches halfway to its neighbours, so that steep
 * stretches stay joined. */
void view_draw_series(unsigned char *canvas, int rows, int cols,
                      const ViewSeries *s, double top, double bottom,
                      unsigned char mark);

/* Prints one canvas row: a cell of kind k as glyphs[k] in colors[k], one
 * escape per run of a colour; trailing cells that would print as plain
 * spaces are left out. Ends the line. */
void view_canvas_row(FILE *out, const ViewStyle *style,
                     const unsigned char *cells, int cols,
                     const char *const *glyphs, const enum ViewColor *colors);

/* A chart's size: the screen clamped to 30..1000 x 10..500; `rows` for the
 * canvas under a legend line and above the x axis and its numbers (height
 * - 1 lines in all, leaving the prompt on screen); at most max_cols
 * columns beside the y axis. */
typedef struct ViewFrame {
    int width, height, rows, max_cols;
} ViewFrame;
ViewFrame view_frame(const ViewStyle *style);
/* The canvas columns that fit beside axis a's labels (at least 10). */
int view_frame_cols(const ViewFrame *f, const ViewYAxis *a);

/* Marks the row of y = 0 with `mark` when 0 is strictly inside a. */
void view_zero_line(unsigned char *canvas, int rows, int cols,
                    const ViewYAxis *a, unsigned char mark);

/* Everything under the legend: each canvas row after its y axis margin,
 * then the x axis for lo..hi (see view_x_axis). */
void view_chart_body(FILE *out, const ViewStyle *style, const ViewYAxis *a,
                     const unsigned char *canvas, int rows, int cols,
                     const char *const *glyphs, const enum ViewColor *colors,
                     double lo, double hi, int whole);

#endif
