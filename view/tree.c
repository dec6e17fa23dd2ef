/*
 * view/tree.c — `tree L [depth]`: the graph as an indented tree, root
 * first, operands in order.
 *
 * A DAG is not a tree, so a node reached a second time is drawn as a
 * one-line reference to its first drawing, which keeps a shared subtree
 * from being printed over and over. Deep graphs are drawn in sections:
 * when the indentation reaches the fold depth (set by the width), the
 * subtree continues as a numbered section printed after the current one,
 * so no row is ever wider than the fold and a chain a million deep prints
 * in linear time. Everything is iterative: the only stack is an array.
 */
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

typedef struct Glyphs {
    const char *branch, *last, *pipe, *space, *cont, *cut;
} Glyphs;

static const Glyphs unicode_glyphs = {
    "\u251c\u2500\u2500 ", "\u2514\u2500\u2500 ", "\u2502   ", "    ",
    "\u2192", "\u2026"};
static const Glyphs ascii_glyphs = {"|-- ", "`-- ", "|   ", "    ", "->",
                                    "..."};

/* One pending row: a node, its indentation level within the section, and
 * whether it is the last operand of its parent. */
typedef struct Frame {
    Value *v;
    int level;
    int last;
} Frame;

typedef struct Tree {
    FILE *out;
    const ViewStyle *style;
    ViewNames names;
    const Glyphs *g;
    int max_depth;
    int fold;
    ValueList marked;     /* nodes carrying VALUE_MARK1/2, to clear */
    ViewMap sections;     /* section roots -> their number */
    ValueList queue;      /* section roots in order; [0] is the root */
    size_t *base;         /* global depth of each section root */
    size_t base_capacity;
    Frame *stack;
    size_t depth, stack_capacity;
    unsigned char *more;  /* more[level]: siblings still to come */
    long cut;             /* nodes whose operands the depth limit hid */
    unsigned long rows;
} Tree;

static void mark(Tree *t, Value *v, uint16_t flags)
{
    if (!(v->flags & (VALUE_MARK1 | VALUE_MARK2)))
        value_list_push(&t->marked, v);
    v->flags |= flags;
}

static void push(Tree *t, Value *v, int level, int last)
{
    MEM_GROW(t->stack, t->stack_capacity, t->depth + 1, 64);
    t->stack[t->depth++] = (Frame){v, level, last};
}

static void push_operands(Tree *t, Value *v, int level)
{
    int n = v->child[1] ? 2 : 1;
    for (int i = n - 1; i >= 0; i--)
        push(t, v->child[i], level, i == n - 1);
}

static size_t new_section(Tree *t, Value *v, size_t depth)
{
    size_t n = t->queue.count;
    value_list_push(&t->queue, v);
    MEM_GROW(t->base, t->base_capacity, n + 1, 16);
    t->base[n] = depth;
    view_map_put(&t->sections, v, n);
    return n;
}

static void print_row(Tree *t, const Value *v)
{
    ViewNodeText text;
    view_node_text(&text, v, &t->names);
    view_color(t->out, t->style, VIEW_COLOR_NAME);
    fputs(text.head, t->out);
    view_color_end(t->out, t->style);
    fputs("  ", t->out);
    view_color(t->out, t->style, VIEW_COLOR_GRAD);
    fputs(text.grad, t->out);
    view_color_end(t->out, t->style);
    if (text.op[0]) {
        fputs("  ", t->out);
        view_color(t->out, t->style, VIEW_COLOR_OP);
        fprintf(t->out, "(%s)", text.op);
        view_color_end(t->out, t->style);
    }
}

/* A marker after a row: "…" (operands cut) or "→ [n]" (continued). */
static void print_marker(Tree *t, const char *glyph, size_t section)
{
    fputs("  ", t->out);
    view_color(t->out, t->style, VIEW_COLOR_NOTE);
    fputs(glyph, t->out);
    if (section)
        fprintf(t->out, " [%zu]", section);
    view_color_end(t->out, t->style);
}

/* A repeat: the node's name and data, and where its drawing is. */
static void print_reference(Tree *t, const Value *v)
{
    ViewNodeText text;
    view_node_text(&text, v, &t->names);
    view_color(t->out, t->style, VIEW_COLOR_NAME);
    fputs(text.head, t->out);
    view_color_end(t->out, t->style);
    fputs("  ", t->out);
    view_color(t->out, t->style, VIEW_COLOR_NOTE);
    if (v->flags & VALUE_MARK2)
        fprintf(t->out, "(see [%zu])", view_map_get(&t->sections, v));
    else
        fputs("(see above)", t->out);
    view_color_end(t->out, t->style);
}

/* Draws one row and decides what becomes of the node's operands. */
static void visit(Tree *t, const Frame *f, size_t base)
{
    Value *v = f->v;
    for (int j = 1; j < f->level; j++)
        fputs(t->more[j] ? t->g->pipe : t->g->space, t->out);
    fputs(f->last ? t->g->last : t->g->branch, t->out);
    t->more[f->level] = !f->last;

    size_t depth = base + (size_t)f->level;
    if (v->flags & VALUE_MARK1) {
        print_reference(t, v);
    } else if (!v->child[0]) {
        mark(t, v, VALUE_MARK1);
        print_row(t, v);
    } else if (t->max_depth >= 0 && depth >= (size_t)t->max_depth) {
        print_row(t, v);
        print_marker(t, t->g->cut, 0);
        t->cut++;
    } else if (f->level >= t->fold) {
        mark(t, v, VALUE_MARK1 | VALUE_MARK2);
        size_t n = new_section(t, v, depth);
        print_row(t, v);
        print_marker(t, t->g->cont, n);
    } else {
        mark(t, v, VALUE_MARK1);
        print_row(t, v);
        push_operands(t, v, f->level + 1);
    }
    fputc('\n', t->out);
}

/* Prints section n: its root, then its rows depth first. Returns -1 when
 * interrupted. */
static int draw_section(Tree *t, size_t n)
{
    Value *root = t->queue.items[n];
    size_t base = t->base[n];
    if (n > 0) {
        fputc('\n', t->out);
        view_color(t->out, t->style, VIEW_COLOR_NOTE);
        fprintf(t->out, "[%zu] ", n);
        view_color_end(t->out, t->style);
    }
    print_row(t, root);
    if (root->child[0]) {
        if (t->max_depth >= 0 && base >= (size_t)t->max_depth) {
            print_marker(t, t->g->cut, 0);
            t->cut++;
        } else {
            mark(t, root, VALUE_MARK1);
            push_operands(t, root, 1);
        }
    } else {
        mark(t, root, VALUE_MARK1);
    }
    fputc('\n', t->out);
    while (t->depth > 0) {
        Frame f = t->stack[--t->depth];
        visit(t, &f, base);
        if ((++t->rows & 63) == 0 && view_interrupted())
            return -1;
    }
    return 0;
}

/* Levels per section: deep enough for any ordinary expression, shallow
 * enough that the indentation leaves room for the row itself. */
static int fold_depth(const ViewStyle *style)
{
    int fold = (style->width - 40) / 4;
    return fold < 8 ? 8 : fold;
}

ViewResult view_tree(FILE *out, Value *root, const ViewStyle *style,
                     int max_depth)
{
    Tree t;
    memset(&t, 0, sizeof t);
    if (view_names_init(&t.names, root, style, VIEW_LABEL_KEEP) != 0)
        return VIEW_ERROR;
    t.out = out;
    t.style = style;
    t.g = style->ascii ? &ascii_glyphs : &unicode_glyphs;
    t.max_depth = max_depth;
    t.fold = fold_depth(style);
    t.more = mem_calloc((size_t)t.fold + 2, 1);

    new_section(&t, root, 0);
    int status = 0;
    for (size_t n = 0; n < t.queue.count && status == 0; n++)
        status = draw_section(&t, n);
    if (status == 0 && t.cut > 0) {
        view_color(out, style, VIEW_COLOR_NOTE);
        fprintf(out, "(%s: operands past depth %d not shown)", t.g->cut,
                max_depth);
        view_color_end(out, style);
        fputc('\n', out);
    }

    for (size_t i = 0; i < t.marked.count; i++)
        t.marked.items[i]->flags &= (uint16_t)~(VALUE_MARK1 | VALUE_MARK2);
    value_list_free(&t.marked);
    view_names_free(&t.names);
    value_list_free(&t.queue);
    view_map_free(&t.sections);
    free(t.base);
    free(t.stack);
    free(t.more);
    return status == 0 ? VIEW_OK : VIEW_ERROR;
}
