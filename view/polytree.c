/*
 * view/polytree.c — `polytree L`: the graph drawn top-down, the root on
 * top and each node's operands side by side on the rows below, joined by
 * connector lines that carry the operation.
 *
 * Each node is a block of two lines ("name = data" over "grad g"). The
 * layout gives every subtree its own band of columns, as a simple polytree
 * viewer does; a node shared by several parents is drawn once, at its
 * first place in breadth-first order (so at its shallowest), and wherever
 * else it occurs as a block that names it and says where it is drawn.
 *
 * Every leaf of the drawing has its own columns, so the width is known to
 * be too much as soon as the leaves met so far do not fit: a graph of
 * millions of nodes is declined after looking at a few dozen.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/mem.h"

#define GAP 3 /* columns between neighbouring blocks */

enum { DRAWN, SEE_ABOVE, SEE_LEFT };

typedef struct Entry {
    Value *v;
    int kind;            /* DRAWN or a reference */
    int level;
    size_t first, count; /* operands: entries [first, first + count) */
    size_t block;        /* the block's own width, GAP included */
    size_t width;        /* the subtree's band, GAP included */
    size_t x;
} Entry;

typedef struct Layout {
    Entry *e;
    size_t count, capacity;
    ValueList marked;
} Layout;

static size_t add_entry(Layout *l, Value *v, int kind, int level)
{
    if (l->count == l->capacity) {
        l->capacity = l->capacity ? 2 * l->capacity : 64;
        l->e = mem_realloc(l->e, l->capacity * sizeof *l->e);
    }
    Entry *e = &l->e[l->count];
    memset(e, 0, sizeof *e);
    e->v = v;
    e->kind = kind;
    e->level = level;
    return l->count++;
}

static const char *reference_note(int kind)
{
    return kind == SEE_LEFT ? "(see left)" : "(see above)";
}

static size_t block_width(const Entry *e, const ViewStyle *style)
{
    ViewNodeText t;
    view_node_text(&t, e->v, style);
    size_t w = view_text_width(t.head);
    size_t second = e->kind == DRAWN ? view_text_width(t.grad)
                                     : strlen(reference_note(e->kind));
    if (second > w)
        w = second;
    /* the connector below carries the op: "├─ op ─┐" or "│ op" */
    if (e->kind == DRAWN && e->v->child[0]) {
        size_t op = view_text_width(t.op) + (e->v->child[1] ? 4 : 2);
        if (op > w)
            w = op;
    }
    return w + GAP;
}

/* Breadth-first: entries of one level are contiguous and a node's operands
 * are contiguous. VALUE_MARK1: drawn somewhere; VALUE_MARK2: drawn on the
 * level being built. Returns 0, 1 when too wide (*need is a lower bound of
 * the width), or -1 when interrupted. */
static int build(Layout *l, Value *root, const ViewStyle *style,
                 size_t *need)
{
    size_t limit = (size_t)(style->width > 0 ? style->width : 80) + GAP;
    size_t leaves = 0; /* columns the leaves met so far take */
    size_t level_start = 0;

    add_entry(l, root, DRAWN, 0);
    root->flags |= VALUE_MARK1;
    value_list_push(&l->marked, root);
    l->e[0].block = block_width(&l->e[0], style);
    if (!root->child[0])
        leaves = l->e[0].block;

    for (size_t i = 0; i < l->count; i++) {
        if (l->e[i].level != l->e[level_start].level) {
            /* level i's row is complete: later levels see it as above */
            for (size_t k = i; k < l->count; k++)
                l->e[k].v->flags &= (uint8_t)~VALUE_MARK2;
            level_start = i;
            size_t band = leaves;
            for (size_t k = i; k < l->count; k++)
                if (l->e[k].kind == DRAWN && l->e[k].v->child[0])
                    band += l->e[k].block;
            if (band > limit) {
                *need = band - GAP;
                return 1;
            }
            if (view_interrupted())
                return -1;
        }
        if (l->e[i].kind != DRAWN || !l->e[i].v->child[0])
            continue;
        Value *v = l->e[i].v;
        int n = v->child[1] ? 2 : 1;
        l->e[i].first = l->count;
        l->e[i].count = (size_t)n;
        for (int c = 0; c < n; c++) {
            Value *child = v->child[c];
            int kind = DRAWN;
            if (child->flags & VALUE_MARK1)
                kind = child->flags & VALUE_MARK2 ? SEE_LEFT : SEE_ABOVE;
            size_t k = add_entry(l, child, kind, l->e[i].level + 1);
            if (kind == DRAWN) {
                child->flags |= VALUE_MARK1 | VALUE_MARK2;
                value_list_push(&l->marked, child);
            }
            l->e[k].block = block_width(&l->e[k], style);
            if (kind != DRAWN || !child->child[0])
                leaves += l->e[k].block;
        }
        if (leaves > limit) {
            *need = leaves - GAP;
            return 1;
        }
    }
    /* bands bottom-up, then places top-down */
    for (size_t i = l->count; i-- > 0;) {
        Entry *e = &l->e[i];
        size_t sum = 0;
        for (size_t c = 0; c < e->count; c++)
            sum += l->e[e->first + c].width;
        e->width = sum > e->block ? sum : e->block;
    }
    if (l->e[0].width > limit) {
        *need = l->e[0].width - GAP;
        return 1;
    }
    for (size_t i = 0; i < l->count; i++) {
        size_t x = l->e[i].x;
        for (size_t c = 0; c < l->e[i].count; c++) {
            Entry *child = &l->e[l->e[i].first + c];
            child->x = x;
            x += child->width;
        }
    }
    return 0;
}

static void pad(FILE *out, size_t *col, size_t x)
{
    for (; *col < x; (*col)++)
        fputc(' ', out);
}

static void put(FILE *out, size_t *col, const char *s)
{
    fputs(s, out);
    *col += view_text_width(s);
}

/* The two text lines of one level. */
static void draw_blocks(FILE *out, const Layout *l, size_t from, size_t to,
                        const ViewStyle *style)
{
    for (int line = 0; line < 2; line++) {
        size_t col = 0;
        for (size_t i = from; i < to; i++) {
            const Entry *e = &l->e[i];
            ViewNodeText t;
            view_node_text(&t, e->v, style);
            pad(out, &col, e->x);
            if (line == 0) {
                view_color(out, style, VIEW_COLOR_NAME);
                put(out, &col, t.head);
            } else if (e->kind == DRAWN) {
                view_color(out, style, VIEW_COLOR_GRAD);
                put(out, &col, t.grad);
            } else {
                view_color(out, style, VIEW_COLOR_NOTE);
                put(out, &col, reference_note(e->kind));
            }
            view_color_end(out, style);
        }
        fputc('\n', out);
    }
}

/* The connector row under one level: "│ tanh" for one operand,
 * "├─ + ──────┐" for two. */
static void draw_connectors(FILE *out, const Layout *l, size_t from,
                            size_t to, const ViewStyle *style)
{
    const char *down = style->ascii ? "|" : "\u2502";
    const char *split = style->ascii ? "|" : "\u251c";
    const char *dash = style->ascii ? "-" : "\u2500";
    const char *corner = style->ascii ? "|" : "\u2510";
    size_t col = 0;
    int any = 0;
    for (size_t i = from; i < to; i++) {
        const Entry *e = &l->e[i];
        if (!e->count)
            continue;
        any = 1;
        pad(out, &col, e->x);
        const char *op = view_op_symbol(e->v);
        if (e->count == 1) {
            put(out, &col, down);
            put(out, &col, " ");
            view_color(out, style, VIEW_COLOR_OP);
            put(out, &col, op);
            view_color_end(out, style);
            continue;
        }
        size_t last = l->e[e->first + e->count - 1].x;
        put(out, &col, split);
        put(out, &col, dash);
        put(out, &col, " ");
        view_color(out, style, VIEW_COLOR_OP);
        put(out, &col, op);
        view_color_end(out, style);
        put(out, &col, " ");
        while (col < last)
            put(out, &col, dash);
        put(out, &col, corner);
    }
    if (any)
        fputc('\n', out);
}

ViewResult view_polytree(FILE *out, Value *root, const ViewStyle *style)
{
    Layout l;
    memset(&l, 0, sizeof l);
    size_t need = 0;
    int status = build(&l, root, style, &need);

    for (size_t i = 0; i < l.marked.count; i++)
        l.marked.items[i]->flags &= (uint8_t)~(VALUE_MARK1 | VALUE_MARK2);
    value_list_free(&l.marked);

    ViewResult result = VIEW_OK;
    if (status == 1) {
        char name[VIEW_NAME_MAX];
        view_node_name(name, sizeof name, root, style->digits);
        fprintf(out, "polytree: the picture needs at least %zu columns, "
                "more than the %d available; try `tree%s%s`\n", need,
                style->width, view_is_identifier(name) ? " " : "",
                view_is_identifier(name) ? name : "");
        result = VIEW_DECLINED;
    } else if (status < 0) {
        result = VIEW_ERROR;
    } else {
        size_t from = 0;
        unsigned long rows = 0;
        while (from < l.count) {
            size_t to = from;
            while (to < l.count && l.e[to].level == l.e[from].level)
                to++;
            draw_blocks(out, &l, from, to, style);
            draw_connectors(out, &l, from, to, style);
            from = to;
            if ((++rows & 255) == 0 && view_interrupted()) {
                result = VIEW_ERROR;
                break;
            }
        }
    }
    free(l.e);
    return result;
}
