/*
 * view/polytree.c — `polytree L`: the graph drawn top-down, the root on
 * top and each node's operands side by side on the rows below, joined by
 * connector lines that carry the operation.
 *
 * Each node is a block of two lines ("name = data" over "grad g"). A node
 * shared by several parents is drawn once, at its first place in
 * breadth-first order (so at its shallowest), and wherever else it occurs
 * as a block that names it and says where it is drawn. A picture too wide
 * for the screen is laid out again in a compact form (see Form).
 *
 * The layout is a tidy tree: a node stands over its first operand, and its
 * second operand's subtree is moved right only as far as it must be for
 * none of its levels to come within GAP columns of the first's. Subtrees
 * are compared level by level through their outlines (for each level, the
 * leftmost and rightmost column used), so a small subtree tucks in under a
 * large one and a long spine with small side branches stays narrow. An
 * outline is an array, deepest level first; a node takes over the taller of
 * its operands' outlines and merges the shorter one into it, so the whole
 * layout takes time in proportion to the picture (the argument of Reingold
 * and Tilford's tidy trees), and no step recurses.
 *
 * The picture is laid out in full before a line is drawn, so its width is
 * known exactly: when neither form fits, nothing is drawn, and the message
 * returned names the columns the narrower needs; at that width it draws.
 */
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

#define GAP 2      /* blank columns between neighbouring blocks */

enum { DRAWN, SEE_ABOVE, SEE_LEFT };

/* How blocks read. The full form is used when it fits the screen; else the
 * compact one: shorter source text, "∇ g" for "grad g", and a node drawn
 * elsewhere as one short line, "a ↑" or "a ←". */
typedef struct Form {
    size_t label;                 /* columns of source text shown */
    const char *grad[2];          /* before a gradient; [1]: ASCII */
    const char *note[3][2];       /* [SEE_ABOVE], [SEE_LEFT]; [1]: ASCII */
    int one_line_notes;           /* a note follows the name on one line */
} Form;

static const Form full_form = {
    VIEW_LABEL_KEEP, {"grad ", "grad "},
    {{"", ""}, {"(see above)", "(see above)"}, {"(see left)", "(see left)"}},
    0};
static const Form compact_form = {
    16, {"\u2207 ", "gr "},
    {{"", ""}, {"\u2191", "^"}, {"\u2190", "<"}},
    1};

typedef struct Entry {
    Value *v;
    size_t first;        /* operands: entries first and first + 1 */
    size_t outline;      /* its subtree's outline, while it is laid out */
    long reach;          /* columns it takes on its own rows: the block, and
                          * the connector to a second operand */
    long shift;          /* the second operand's column, from its own */
    long x;
    unsigned level;
    unsigned char kind, count;
} Entry;

/* The columns a subtree takes on each of its levels, relative to its
 * root's column: level d (0 = the root's) is edge[2 * (depth - 1 - d)]
 * (leftmost) and edge[2 * (depth - 1 - d) + 1] (one past the rightmost),
 * each plus offset. */
typedef struct Outline {
    long *edge;
    size_t depth, capacity;
    long offset;
} Outline;

typedef struct Layout {
    Entry *e;
    size_t count, capacity;
    ValueList marked;
    const ViewStyle *style;
    const Form *form;
    ViewNames names;     /* named for the form */
    Outline *outlines;   /* a pool; released ones keep their arrays */
    size_t outline_count, outline_capacity;
    size_t *spare;       /* released outlines */
    size_t spare_count;
} Layout;

static size_t add_entry(Layout *l, Value *v, int kind, unsigned level)
{
    MEM_GROW(l->e, l->capacity, l->count + 1, 64);
    Entry *e = &l->e[l->count];
    memset(e, 0, sizeof *e);
    e->v = v;
    e->kind = (unsigned char)kind;
    e->level = level;
    return l->count++;
}

/* The two lines of a block: "name = data" over the gradient, or over
 * where a node drawn elsewhere is. */
typedef struct Block {
    ViewNodeText t;
    char second[VIEW_NUM_MAX + 16];
} Block;

static void block_text(Block *b, const Layout *l, const Entry *e)
{
    int ascii = l->style->ascii != 0;
    view_node_text(&b->t, e->v, &l->names);
    if (e->kind == DRAWN) {
        char num[VIEW_NUM_MAX];
        snprintf(b->second, sizeof b->second, "%s%s", l->form->grad[ascii],
                 view_format_number(num, sizeof num, e->v->grad,
                                    l->style->digits));
    } else if (l->form->one_line_notes) {
        char name[VIEW_NAME_MAX];
        view_name(name, sizeof name, &l->names, e->v);
        snprintf(b->t.head, sizeof b->t.head, "%s %s", name,
                 l->form->note[e->kind][ascii]);
        b->second[0] = '\0';
    } else {
        snprintf(b->second, sizeof b->second, "%s",
                 l->form->note[e->kind][ascii]);
    }
}

/* The columns of the block's two lines, and of the connector below it when
 * it has one operand ("│ tanh"); a connector to two operands ("├─ + ─┐")
 * is made to fit by the layout. */
static long block_width(const Layout *l, const Entry *e)
{
    Block b;
    block_text(&b, l, e);
    size_t w = view_text_width(b.t.head);
    if (view_text_width(b.second) > w)
        w = view_text_width(b.second);
    if (e->kind == DRAWN && e->v->child[0] && !e->v->child[1] &&
        view_text_width(b.t.op) + 2 > w)
        w = view_text_width(b.t.op) + 2;
    return (long)w;
}

/* Breadth-first: entries of one level are contiguous, in order from left
 * to right, and a node's operands are contiguous. VALUE_MARK1: drawn
 * somewhere; VALUE_MARK2: drawn on the level being built. Returns 0, or -1
 * when interrupted. */
static int build(Layout *l, Value *root)
{
    size_t level_start = 0;
    add_entry(l, root, DRAWN, 0);
    root->flags |= VALUE_MARK1;
    value_list_push(&l->marked, root);

    for (size_t i = 0; i < l->count; i++) {
        if (l->e[i].level != l->e[level_start].level) {
            /* level i's row is complete: later levels see it as above */
            for (size_t k = i; k < l->count; k++)
                l->e[k].v->flags &= (uint16_t)~VALUE_MARK2;
            level_start = i;
            if (view_interrupted())
                return -1;
        }
        if (l->e[i].kind != DRAWN || !l->e[i].v->child[0])
            continue;
        Value *v = l->e[i].v;
        int n = v->child[1] ? 2 : 1;
        l->e[i].first = l->count;
        l->e[i].count = (unsigned char)n;
        for (int c = 0; c < n; c++) {
            Value *child = v->child[c];
            int kind = DRAWN;
            if (child->flags & VALUE_MARK1)
                kind = child->flags & VALUE_MARK2 ? SEE_LEFT : SEE_ABOVE;
            add_entry(l, child, kind, l->e[i].level + 1);
            if (kind == DRAWN) {
                child->flags |= VALUE_MARK1 | VALUE_MARK2;
                value_list_push(&l->marked, child);
            }
        }
    }
    return 0;
}

/* ---- outlines --------------------------------------------------------- */

static size_t outline_new(Layout *l)
{
    if (l->spare_count)
        return l->spare[--l->spare_count];
    if (l->outline_count == l->outline_capacity) {
        l->outline_capacity = l->outline_capacity ? 2 * l->outline_capacity
                                                  : 64;
        l->outlines = mem_realloc(l->outlines,
                                  l->outline_capacity * sizeof *l->outlines);
        l->spare = mem_realloc(l->spare,
                               l->outline_capacity * sizeof *l->spare);
    }
    Outline *o = &l->outlines[l->outline_count];
    memset(o, 0, sizeof *o);
    return l->outline_count++;
}

static void outline_release(Layout *l, size_t k)
{
    l->outlines[k].depth = 0;
    l->outlines[k].offset = 0;
    l->spare[l->spare_count++] = k;
}

static long left_at(const Outline *o, size_t d)
{
    return o->edge[2 * (o->depth - 1 - d)] + o->offset;
}

static long right_at(const Outline *o, size_t d)
{
    return o->edge[2 * (o->depth - 1 - d) + 1] + o->offset;
}

/* Puts a new top level [left, right) over the outline. */
static void outline_top(Outline *o, long left, long right)
{
    if (o->depth == o->capacity) {
        o->capacity = o->capacity ? 2 * o->capacity : 4;
        o->edge = mem_realloc(o->edge, 2 * o->capacity * sizeof *o->edge);
    }
    o->edge[2 * o->depth] = left - o->offset;
    o->edge[2 * o->depth + 1] = right - o->offset;
    o->depth++;
}

/* Places the second operand's subtree b right of the first's, a: returns
 * its shift, and leaves the outline of both, from a's column, in one of
 * them (whose index it returns in *merged). */
static long place_pair(Layout *l, size_t ia, size_t ib, long least,
                       size_t *merged)
{
    Outline *a = &l->outlines[ia], *b = &l->outlines[ib];
    size_t common = a->depth < b->depth ? a->depth : b->depth;
    long shift = least;
    for (size_t d = 0; d < common; d++) {
        long need = right_at(a, d) + GAP - left_at(b, d);
        if (need > shift)
            shift = need;
    }
    if (a->depth >= b->depth) {
        for (size_t d = 0; d < common; d++)
            a->edge[2 * (a->depth - 1 - d) + 1] =
                right_at(b, d) + shift - a->offset;
        outline_release(l, ib);
        *merged = ia;
    } else {
        b->offset += shift;
        for (size_t d = 0; d < common; d++)
            b->edge[2 * (b->depth - 1 - d)] = left_at(a, d) - b->offset;
        outline_release(l, ia);
        *merged = ib;
    }
    return shift;
}

/* Lays out every subtree, operands before their node, then places the
 * blocks from the root down. Returns the picture's width, or -1 when
 * interrupted. */
static long lay_out(Layout *l)
{
    for (size_t i = l->count; i-- > 0;) {
        Entry *e = &l->e[i];
        if ((i & 4095) == 0 && view_interrupted())
            return -1;   /* the outlines are freed with the layout */
        long width = block_width(l, e);
        size_t o;
        e->reach = width;
        if (e->count == 0) {
            o = outline_new(l);
        } else if (e->count == 1) {
            o = l->e[e->first].outline;
        } else {
            /* "├─ op ─┐": the corner needs a dash before it */
            long least = (long)view_text_width(view_op_symbol(e->v)) + 5;
            e->shift = place_pair(l, l->e[e->first].outline,
                                  l->e[e->first + 1].outline, least, &o);
            if (e->shift + 1 > e->reach)
                e->reach = e->shift + 1;
        }
        outline_top(&l->outlines[o], 0, e->reach);
        e->outline = o;
    }
    outline_release(l, l->e[0].outline);

    long width = 0;
    l->e[0].x = 0;
    for (size_t i = 0; i < l->count; i++) {
        const Entry *e = &l->e[i];
        if (e->count >= 1)
            l->e[e->first].x = e->x;
        if (e->count == 2)
            l->e[e->first + 1].x = e->x + e->shift;
        if (e->x + e->reach > width)
            width = e->x + e->reach;
    }
    return width;
}

/* ---- drawing ---------------------------------------------------------- */

static void pad(FILE *out, long *col, long x)
{
    static const char spaces[] = "                                ";
    while (*col < x) {
        long n = x - *col < 32 ? x - *col : 32;
        fwrite(spaces, 1, (size_t)n, out);
        *col += n;
    }
}

static void put(FILE *out, long *col, const char *s)
{
    fputs(s, out);
    *col += (long)view_text_width(s);
}

/* The two text lines of one level. */
static void draw_blocks(FILE *out, const Layout *l, size_t from, size_t to,
                        const ViewStyle *style)
{
    for (int line = 0; line < 2; line++) {
        long col = 0;
        int any = 0;
        for (size_t i = from; i < to; i++) {
            const Entry *e = &l->e[i];
            Block b;
            block_text(&b, l, e);
            if (line == 1 && !b.second[0])
                continue;   /* no trailing blanks */
            any = 1;
            pad(out, &col, e->x);
            int note = e->kind != DRAWN;
            if (line == 0) {
                view_color(out, style, note && l->form->one_line_notes
                                           ? VIEW_COLOR_NOTE : VIEW_COLOR_NAME);
                put(out, &col, b.t.head);
            } else {
                view_color(out, style,
                           note ? VIEW_COLOR_NOTE : VIEW_COLOR_GRAD);
                put(out, &col, b.second);
            }
            view_color_end(out, style);
        }
        /* a last row of one-line references is one line high */
        if (any)
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
    long col = 0;
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
        long last = e->x + e->shift;
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

static ViewResult draw(FILE *out, const Layout *l, const ViewStyle *style)
{
    size_t from = 0;
    unsigned long rows = 0;
    while (from < l->count) {
        size_t to = from;
        while (to < l->count && l->e[to].level == l->e[from].level)
            to++;
        draw_blocks(out, l, from, to, style);
        draw_connectors(out, l, from, to, style);
        from = to;
        if ((++rows & 15) == 0 && view_interrupted())
            return VIEW_ERROR;
    }
    return VIEW_OK;
}

ViewResult view_polytree(FILE *out, Value *root, const ViewStyle *style,
                         char *message, size_t message_size)
{
    Layout l;
    memset(&l, 0, sizeof l);
    l.style = style;
    l.form = &full_form;
    if (view_names_init(&l.names, root, style, l.form->label) != 0)
        return VIEW_ERROR;
    int status = build(&l, root);
    for (size_t i = 0; i < l.marked.count; i++)
        l.marked.items[i]->flags &= (uint16_t)~(VALUE_MARK1 | VALUE_MARK2);
    value_list_free(&l.marked);

    ViewResult result = VIEW_ERROR;
    long available = style->width > 0 ? style->width : 80;
    long width = status == 0 ? lay_out(&l) : 0, full_width = width;
    if (width < 0)
        status = -1;
    if (status == 0 && width > available) {
        view_names_free(&l.names);
        l.form = &compact_form;
        if (view_names_init(&l.names, root, style, l.form->label) != 0 ||
            (width = lay_out(&l)) < 0)
            status = -1;
    }
    if (status == 0) {
        if (full_width < width)
            width = full_width;   /* a numbered short name can be wider */
        if (width <= available) {
            result = draw(out, &l, style);
        } else {
            char name[VIEW_NAME_MAX];
            view_node_name(name, sizeof name, root, style->digits);
            int plain = view_is_identifier(name);
            snprintf(message, message_size, "polytree: the picture needs %ld "
                     "columns, more than the %ld available; try `tree%s%s`",
                     width, available, plain ? " " : "", plain ? name : "");
            result = VIEW_DECLINED;
        }
    }
    for (size_t i = 0; i < l.outline_count; i++)
        free(l.outlines[i].edge);
    free(l.outlines);
    free(l.spare);
    free(l.e);
    view_names_free(&l.names);
    return result;
}
