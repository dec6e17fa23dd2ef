/*
 * view/internal.h — what the view files share and the interpreter does not
 * need: name limits, what the nodes of one picture are called, the look of
 * one node as text, colour, the interrupt poll and a map from nodes to
 * numbers.
 */
#ifndef MGRAD_VIEW_INTERNAL_H
#define MGRAD_VIEW_INTERNAL_H

#include <stddef.h>
#include <stdio.h>
#include "view.h"

/* Longest node name shown; longer labels are cut. */
#define VIEW_NAME_MAX 512
/* Room for one formatted number. */
#define VIEW_NUM_MAX 40

/* [A-Za-z_][A-Za-z0-9_]* */
int view_is_identifier(const char *s);

/* Columns a UTF-8 string takes (one per code point). */
size_t view_text_width(const char *s);

/* ANSI colours, used only when style->color is set. */
enum ViewColor {
    VIEW_COLOR_NAME,    /* a node's name */
    VIEW_COLOR_GRAD,    /* a gradient */
    VIEW_COLOR_OP,      /* an operation */
    VIEW_COLOR_NOTE,    /* references, markers, remarks */
    VIEW_COLOR_CURVE,   /* plot: the function */
    VIEW_COLOR_SLOPE    /* plot: its derivative */
};
void view_color(FILE *out, const ViewStyle *style, enum ViewColor color);
void view_color_end(FILE *out, const ViewStyle *style);

/* A map from nodes (by address) to numbers, for views that must remember
 * something about many nodes without touching them. */
typedef struct ViewMap {
    const Value **keys;
    size_t *values;
    size_t count, capacity; /* capacity: a power of two, or 0 */
} ViewMap;
void view_map_put(ViewMap *m, const Value *key, size_t value);
/* The value stored for key, or 0 when there is none. */
size_t view_map_get(const ViewMap *m, const Value *key);
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
    ViewMap marks;  /* node -> its number * 2, + 1 if shortened in the middle */
    ValueList nodes; /* the graph in topological order, root last */
} ViewNames;
/* Names the nodes of root's graph; cut is at most VIEW_LABEL_KEEP. Returns
 * 0, or -1 when interrupted, and then every node has its plain name. */
int view_names_init(ViewNames *names, Value *root, const ViewStyle *style,
                    size_t cut);
void view_names_free(ViewNames *names);
/* What v is called in the picture; a node outside the graph by its own
 * label. Returns buf. */
char *view_name(char *buf, size_t size, const ViewNames *names,
                const Value *v);
/* "dL/da" for root L and node a; a name that is not a plain identifier is
 * put in parentheses, "dL/d(a*b)", before any number: "dL/d(a*b)₁". */
char *view_derivative_name(char *buf, size_t size, const ViewNames *names,
                           const Value *root, const Value *v);

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

#endif
