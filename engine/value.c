/*
 * engine/value.c — nodes, their memory, and the algorithms over a graph:
 * topological order, the kept order, backward, zero, forward, release.
 *
 * Memory: nodes are 56-byte cells in blocks of NODES_PER_BLOCK cells, each
 * block with a bitmap of its free cells. Cells are handed out lowest
 * address first, so a training loop that frees one step's graph and builds
 * the next gets it laid out in the order it is made, not scattered (the
 * passes over it then read memory forwards). Blocks go back in
 * value_shutdown(), when no node is alive. value_free_all() drops every
 * node at once: it frees the labels, gives each cell a count no release
 * can bring to zero, and sets the blocks aside for value_shutdown(), so
 * that references still held can be released afterwards at no cost and
 * with no check on the hot path. A freed cell has op OP_COUNT, so
 * value_zero_all() and value_free_all() can walk the blocks and skip it.
 *
 * The kept order ("tape"): the computed nodes of one root's graph in
 * topological order, with on each node the bits VALUE_FIRST0/VALUE_FIRST1
 * saying which of its contributions in backward is a child's first. The
 * graph reachable from a root never changes while the root lives, so
 * forward, backward and zero over the same root walk the tape and never
 * search the graph again; backward needs no zeroing pass either (the first
 * contribution assigns). Leaves are not on the tape: forward has nothing
 * to do for them and backward reaches them as children. The tape is keyed
 * by the root's address, dropped when another root is asked for, and
 * dropped by node_free() when its root goes (so a cell reused for a new
 * node is never taken for the old root), its array given back when
 * large. A training loop that builds a new
 * loss each step pays for the search once per loss, as it did before the
 * tape; one that keeps its loss pays for it once.
 *
 * No function here recurses on graph depth. Topological order is a
 * depth-first search on an explicit stack of node pointers, with the two
 * mark bits of each node as its state, so a chain ten million deep needs
 * one pointer per node of stack and no C stack. Release keeps a stack of
 * the nodes whose count fell to zero. The stacks are kept between calls at
 * their high-water size, like the pool, and freed by value_shutdown(): on
 * some virtual machines fresh memory costs far more than the traversal
 * itself. Long traversals poll the interrupt flag every POLL_INTERVAL
 * nodes; passes over the tape poll it between slices of SLICE nodes.
 */
/* For madvise(MADV_POPULATE_WRITE) where the C library has it. */
#define _DEFAULT_SOURCE 1

#include "engine/value.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util/mem.h"

enum {
    BLOCK_BYTES = 256 * 1024,      /* a block, aligned to its size */
#if UINTPTR_MAX > 0xFFFFFFFFu
    BITMAP_WORDS = 73,             /* one bit per cell: 4672 bits */
#else
    BITMAP_WORDS = 86,             /* 48-byte nodes (WebAssembly): 5504 bits */
#endif
    /* the header: links, counts, the bitmap */
    HEADER_BYTES = 2 * sizeof(void *) + 2 * sizeof(size_t) +
                   BITMAP_WORDS * sizeof(uint64_t),
    NODES_PER_BLOCK = (BLOCK_BYTES - HEADER_BYTES) / sizeof(Value),
    POLL_INTERVAL = 65536,
    /* Tape passes go a slice at a time: backward learns a slice's first
     * contributions and propagates through it while its nodes are still
     * in the cache. */
    SLICE = 4096,
    /* A tape at least this large (bytes) is given back when its root goes. */
    TAPE_KEEP_MAX = 1 << 20
};

/* With 32-bit pointers (the WebAssembly build) the two children and the
 * label take 12 bytes instead of 24, and a node is 48 bytes. */
#if UINTPTR_MAX > 0xFFFFFFFFu
_Static_assert(sizeof(Value) == 56, "a node is 56 bytes");
#else
_Static_assert(sizeof(Value) == 48, "a node is 48 bytes with 32-bit pointers");
#endif
_Static_assert(OP_COUNT < 32 && VALUE_FIRST1 < (1u << 11),
               "the op and the flags fit their bit fields");

enum { MARKS = VALUE_MARK1 | VALUE_MARK2, FIRSTS = VALUE_FIRST0 | VALUE_FIRST1 };

/* A block of cells. A set bit in `free` is a free cell; cells are handed
 * out lowest address first, so a graph built after another was freed lies
 * in memory in the order it was made, as a fresh one does, and the passes
 * over it read memory forwards. A freed cell finds its block by rounding
 * its address down to BLOCK_BYTES. */
typedef struct Block {
    struct Block *next;            /* every block */
    struct Block *next_partial;    /* blocks with a free cell, not current */
    size_t free_count;
    size_t partial;                /* on the partial list (or current) */
    uint64_t free[BITMAP_WORDS];
    Value nodes[NODES_PER_BLOCK];
} Block;

_Static_assert(sizeof(Block) <= BLOCK_BYTES, "a block fits its alignment");
_Static_assert(NODES_PER_BLOCK <= 64 * BITMAP_WORDS, "a bit for every cell");

static Block *blocks;            /* every block, newest first */
static Block *current;           /* cells are taken from here */
static unsigned current_word;    /* where the search for a free cell starts */
static Block *partial;           /* other blocks with free cells */
static Block *dropped;           /* value_free_all()'s blocks, until shutdown */
static size_t live_nodes;
static size_t peak_live_nodes;
enum { ID_BITS = 48 };
#define ID_LAST ((UINT64_C(1) << ID_BITS) - 1)
static uint64_t next_id = 1;    /* the next node's id, up to ID_LAST */
static uint64_t created;         /* nodes ever made */
static volatile sig_atomic_t *interrupt_flag;
static ValueList dying;          /* release's stack */
static ValueList tape;           /* the kept order: computed nodes only */
static const Value *tape_root;   /* its root; NULL: no tape */
static uint64_t order_builds;

/* True every POLL_INTERVAL steps while the interrupt flag is raised. */
static int interrupted(size_t step)
{
    return (step % POLL_INTERVAL) == 0 && interrupt_flag && *interrupt_flag;
}

void value_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

int value_interrupt_pending(void)
{
    return interrupt_flag && *interrupt_flag;
}

static void tape_drop(void);

/* ---- memory ----------------------------------------------------------------- */

/* Asks for the pages of fresh memory in one call, where the system can:
 * on some virtual machines a page fault costs tens of microseconds, which
 * for a graph of millions of nodes would be most of the time spent. */
static void prefault(void *p, size_t size)
{
#ifdef MADV_POPULATE_WRITE
    static uintptr_t page;
    if (!page) {
        long size_of_page = sysconf(_SC_PAGESIZE);
        page = size_of_page > 0 ? (uintptr_t)size_of_page : 4096;
    }
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~(page - 1);
    if (end > start)
        madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)p, (void)size;
#endif
}

static Block *new_block(void)
{
    Block *b = aligned_alloc(BLOCK_BYTES, BLOCK_BYTES);
    if (!b)
        mem_out_of_memory();
    prefault(b, sizeof *b);
    b->next = blocks;
    blocks = b;
    b->next_partial = NULL;
    b->free_count = NODES_PER_BLOCK;
    b->partial = 1;
    for (unsigned w = 0; w < BITMAP_WORDS; w++) {
        unsigned first = w * 64;
        unsigned n = first >= NODES_PER_BLOCK ? 0
                     : NODES_PER_BLOCK - first >= 64 ? 64
                     : NODES_PER_BLOCK - first;
        b->free[w] = n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
    }
    for (size_t i = 0; i < NODES_PER_BLOCK; i++)
        b->nodes[i].op = OP_COUNT;
    return b;
}

/* The block to take cells from: the current one while it has any, then
 * one with freed cells, then a new one. */
static void next_block(void)
{
    if (current)
        current->partial = 0;
    if (partial) {
        current = partial;
        partial = partial->next_partial;
    } else {
        current = new_block();
    }
    current->partial = 1;
    current_word = 0;
}

static Value *node_alloc(void)
{
    if (!current || current->free_count == 0)
        next_block();
    while (!current->free[current_word])
        current_word++;
    uint64_t bits = current->free[current_word];
    unsigned bit = (unsigned)__builtin_ctzll(bits);
    current->free[current_word] = bits & (bits - 1);
    current->free_count--;
    Value *v = &current->nodes[current_word * 64 + bit];
    v->data = 0;
    v->grad = 0;
    v->child[0] = v->child[1] = NULL;
    v->label = NULL;
    v->label_at = 0;
    v->id_low = (uint32_t)next_id;
    v->id_high = (uint16_t)(next_id >> 32);
    if (++next_id > ID_LAST)
        next_id = ID_LAST;   /* (never reached in practice) */
    created++;
    v->refs = 1;
    v->op = OP_LEAF;
    v->flags = 0;
    if (++live_nodes > peak_live_nodes)
        peak_live_nodes = live_nodes;
    return v;
}

static void (*label_release)(const Value *v);

void value_set_label_hook(void (*release)(const Value *v))
{
    label_release = release;
}

static void node_free(Value *v)
{
    if (v == tape_root)
        tape_drop();
    if ((v->flags & VALUE_HELD) && label_release)
        label_release(v);
    v->label = NULL;
    v->refs = 0;
    v->op = OP_COUNT;
    v->flags = 0;
    v->child[0] = v->child[1] = NULL;
    Block *b = (Block *)((uintptr_t)v & ~(uintptr_t)(BLOCK_BYTES - 1));
    size_t i = (size_t)(v - b->nodes);
    b->free[i / 64] |= (uint64_t)1 << (i % 64);
    b->free_count++;
    if (b == current) {
        if (i / 64 < current_word)
            current_word = (unsigned)(i / 64);
    } else if (!b->partial) {
        b->partial = 1;
        b->next_partial = partial;
        partial = b;
    }
    live_nodes--;
}

uint64_t value_created_count(void)
{
    return created;
}

size_t value_peak_live_count(void)
{
    return peak_live_nodes;
}

size_t value_live_count(void)
{
    return live_nodes;
}

uint64_t value_order_builds(void)
{
    return order_builds;
}

size_t value_order_bytes(void)
{
    return tape.capacity * sizeof *tape.items;
}

static void free_blocks(Block *list)
{
    while (list) {
        Block *next = list->next;
        free(list);
        list = next;
    }
}

void value_shutdown(void)
{
    value_list_free(&dying);
    tape_root = NULL;
    value_list_free(&tape);
    free_blocks(dropped);
    dropped = NULL;
    if (!live_nodes) {
        free_blocks(blocks);
        blocks = NULL;
        current = partial = NULL;
    }
}

/* A dropped cell's count: releases that come after value_free_all() count
 * down from it and never free the cell again. */
#define DROPPED_REFS (UINT32_MAX / 2)

void value_free_all(void)
{
    /* Labels are the one thing a cell may hold outside its block. */
    for (Block *b = blocks; b; b = b->next) {
        for (size_t i = 0; i < NODES_PER_BLOCK; i++) {
            Value *v = &b->nodes[i];
            if (v->op != OP_COUNT) {
                if ((v->flags & VALUE_HELD) && label_release)
                    label_release(v);
                v->label = NULL;
                v->flags &= (uint16_t)~VALUE_HELD;
                v->refs = DROPPED_REFS;
            }
        }
    }
    /* The blocks wait for value_shutdown(); new nodes get new ones. */
    if (blocks) {
        Block *last = blocks;
        while (last->next)
            last = last->next;
        last->next = dropped;
        dropped = blocks;
    }
    blocks = NULL;
    current = partial = NULL;
    live_nodes = 0;
    dying.count = 0;
    tape_drop();
}

/* Doubles list's array. Its new half is not prefaulted: pages arrive as
 * the list fills them, and the half a list never reaches costs nothing
 * (prefaulting it cost 18 MB of the 10^6-step chain's peak). */
static void list_grow(ValueList *list)
{
    size_t old = list->capacity;
    list->capacity = old ? old * 2 : 64;
    list->items = mem_realloc(list->items, list->capacity * sizeof *list->items);
}

void value_list_push(ValueList *list, Value *v)
{
    if (list->count == list->capacity)
        list_grow(list);
    list->items[list->count++] = v;
}

void value_list_free(ValueList *list)
{
    free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}

/* ---- construction ------------------------------------------------------------ */

Value *value_leaf(double data)
{
    Value *v = node_alloc();
    v->data = data;
    return v;
}

Value *value_constant(double data)
{
    Value *v = value_leaf(data);
    v->flags = VALUE_CONST;
    return v;
}

/* The node of op over a and b, its children set without a reference
 * counted for them; NULL on a domain error. */
static Value *apply(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    assert(op > OP_LEAF && op < OP_COUNT);
    const OpInfo *info = value_op_info(op);
    assert(a && (info->arity < 2 || b));
    double out = 0;
    ValueStatus s = info->forward(a->data, info->arity == 2 ? b->data : 0.0,
                                  &out);
    if (status)
        *status = s;
    if (s != VALUE_OK && s != VALUE_OVERFLOW)
        return NULL;
    Value *v = node_alloc();
    v->data = out;
    v->op = (uint8_t)op;
    v->child[0] = a;
    if (info->arity == 2)
        v->child[1] = b;
    return v;
}

Value *value_apply(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    Value *v = apply(op, a, b, status);
    if (v) {
        value_retain(v->child[0]);
        value_retain(v->child[1]);
    }
    return v;
}

Value *value_apply_taking(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    Value *v = apply(op, a, b, status);
    if (!v) {                   /* a domain error: the references go */
        value_release(a);
        value_release(b);
    } else if (b && !v->child[1]) {
        value_release(b);       /* a second operand the op does not take */
    }
    return v;
}

Value *value_retain(Value *v)
{
    if (v)
        v->refs++;
    return v;
}

void value_release(Value *v)
{
    if (!v)
        return;
    assert(v->refs > 0);
    if (--v->refs > 0)
        return;
    /* Follow one dying child directly and stack only the second, so a
     * chain goes without touching the stack. */
    Value *n = v;
    for (;;) {
        Value *c0 = n->child[0], *c1 = n->child[1];
        node_free(n);
        Value *next = NULL;
        if (c1 && --c1->refs == 0)
            next = c1;
        if (c0 && --c0->refs == 0) {
            if (next)
                value_list_push(&dying, next);
            next = c0;
        }
        if (!next) {
            if (!dying.count)
                break;
            next = dying.items[--dying.count];
        }
        n = next;
    }
}

void value_set_label(Value *v, const void *label, uint32_t at,
                     unsigned kind)
{
    enum { KINDS = VALUE_NAMED | VALUE_HELD | VALUE_SPAN | VALUE_PARAM };
    v->label = label;
    v->label_at = at;
    v->flags = (uint16_t)((v->flags & ~KINDS) | (kind & KINDS));
}

/* ---- topological order ---------------------------------------------------- */

/* Clears the marks of items[from .. to). */
static void unmark(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        items[i]->flags &= (uint16_t)~MARKS;
}

/* Clears the marks of items[from .. to) and of their children. */
static void unmark_around(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        Value *v = items[i];
        v->flags &= (uint16_t)~MARKS;
        for (int k = 0; k < 2; k++)
            if (v->child[k])
                v->child[k]->flags &= (uint16_t)~MARKS;
    }
}

/* The path lives at the far end of out's array, growing down towards the
 * listed nodes: a node is on the path or listed, never both, so the two
 * share one array and the path needs no memory of its own. out->items[top]
 * is the path's top; it is empty when top == out->capacity. */
static size_t path_room(ValueList *out, size_t top)
{
    size_t old = out->capacity;
    list_grow(out);
    size_t moved = old - top;
    memmove(out->items + out->capacity - moved, out->items + top,
            moved * sizeof *out->items);
    return out->capacity - moved;
}

/*
 * The recursive build_topo, unrolled: appends the nodes reachable from root
 * to out, children before parents, children in operand order; with
 * computed_only, leaves are left out (but marked). A node's marks say
 * where it is:
 *   no mark           not reached yet;
 *   MARK1             on the path, child 0 under way (or done);
 *   MARK1 and MARK2   child 1 under way (or done): listed when next on top.
 * A node is pushed only when first reached, so it is on the stack at most
 * once and the order is exactly the recursive post-order. A leaf is done
 * as soon as it is reached, without going on the stack.
 *
 * Every reached node keeps its marks: the caller clears them in its own
 * pass, which saves a pass over millions of nodes. Each reached node is
 * listed or a child of a listed node. When interrupted, it clears the
 * marks itself and leaves out as it was.
 */
static ValueStatus collect(Value *root, ValueList *out, int computed_only)
{
    size_t first = out->count, step = 0;
    if (out->count == out->capacity)
        list_grow(out);
    size_t top = out->capacity;
    root->flags |= VALUE_MARK1;
    out->items[--top] = root;
    while (top < out->capacity) {
        if (interrupted(++step)) {
            unmark_around(out->items, first, out->count);
            unmark_around(out->items, top, out->capacity);
            out->count = first;
            if (first == 0)
                value_list_free(out);   /* as it was: the path grew it */
            return VALUE_INTERRUPTED;
        }
        Value *v = out->items[top];
        Value *next = NULL;
        if (!(v->flags & VALUE_MARK2)) {
            /* Child 0 is unreached only on the first visit: when it comes
             * back it is marked, and the second visit moves on. */
            Value *c0 = v->child[0];
            if (c0 && !(c0->flags & VALUE_MARK1)) {
                next = c0;
            } else {
                v->flags |= VALUE_MARK2;
                Value *c1 = v->child[1];
                if (c1 && !(c1->flags & VALUE_MARK1))
                    next = c1;
            }
        }
        if (!next) {
            top++;
            if (!computed_only || v->op != OP_LEAF)
                out->items[out->count++] = v;   /* room: v left the path */
        } else if (next->op == OP_LEAF) {
            next->flags |= MARKS;
            if (!computed_only) {
                if (out->count == top)
                    top = path_room(out, top);
                out->items[out->count++] = next;
            }
        } else {
            next->flags |= VALUE_MARK1;
            if (out->count == top)
                top = path_room(out, top);
            out->items[--top] = next;
        }
    }
    return VALUE_OK;
}

ValueStatus value_topo(Value *root, ValueList *out)
{
    size_t first = out->count;
    ValueStatus status = collect(root, out, 0);
    if (status == VALUE_OK)
        unmark(out->items, first, out->count);
    return status;
}

/* ---- the kept order ---------------------------------------------------------- */

static void tape_drop(void)
{
    tape_root = NULL;
    tape.count = 0;
    if (tape.capacity * sizeof *tape.items >= TAPE_KEEP_MAX)
        value_list_free(&tape);
}

/*
 * Sets the VALUE_FIRST bits of items[from..to), going backwards as backward
 * does, child 0 before child 1: a child still marked gets its first
 * contribution here, and loses its marks. Run over the whole tape, from the
 * end, right after collect() with the root's marks cleared, it clears
 * every mark collect() left (every reached node but the root is a child of
 * a tape node).
 */
static void tape_learn(Value **items, size_t from, size_t to)
{
    for (size_t i = to; i-- > from;) {
        Value *v = items[i];
        uint16_t flags = (uint16_t)(v->flags & ~FIRSTS);
        Value *c0 = v->child[0], *c1 = v->child[1];
        if (c0->flags & VALUE_MARK1) {
            c0->flags &= (uint16_t)~MARKS;
            flags |= VALUE_FIRST0;
        }
        if (c1 && (c1->flags & VALUE_MARK1)) {
            c1->flags &= (uint16_t)~MARKS;
            flags |= VALUE_FIRST1;
        }
        v->flags = flags;
    }
}

/*
 * Makes the tape hold root's order, unless it already does. *fresh says it
 * was made now: then its FIRST bits are still to learn (tape_learn(),
 * over the whole tape, from the end) and the graph's marks still set,
 * except the root's. On an interrupt, there is no tape.
 */
static ValueStatus tape_for(Value *root, int *fresh)
{
    *fresh = 0;
    if (tape_root == root)
        return VALUE_OK;
    tape_root = NULL;
    tape.count = 0;
    ValueStatus status = collect(root, &tape, 1);
    root->flags &= (uint16_t)~MARKS;
    if (status != VALUE_OK)
        return status;
    tape_root = root;
    order_builds++;
    *fresh = 1;
    return VALUE_OK;
}

/* A fresh tape learns its FIRST bits in one pass. */
static ValueStatus tape_ready(Value *root)
{
    int fresh;
    ValueStatus status = tape_for(root, &fresh);
    if (fresh)
        tape_learn(tape.items, 0, tape.count);
    return status;
}

/* ---- backward, zero, forward ------------------------------------------------ */

/* The uncached algorithm, kept for a trace: it reports every contribution
 * through a call per edge, and the callback may call into the engine, so
 * it uses its own list and leaves no marks set while it runs. */
static ValueStatus backward_traced(Value *root, ValueTraceFn trace, void *ctx)
{
    ValueList own = {0};
    ValueStatus status = collect(root, &own, 0);
    if (status != VALUE_OK)
        return status;
    Value **items = own.items;
    size_t count = own.count;
    for (size_t i = 0; i < count; i++) {
        items[i]->flags &= (uint16_t)~MARKS;
        items[i]->grad = 0;
    }
    root->grad = 1;
    for (size_t left = count; left > 0; left--) {
        if (interrupted(count - left + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = items[left - 1];
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        Value *a = v->child[0], *b = v->child[1];
        double d[2];
        info->derive(a->data, b ? b->data : 0.0, v->data, d);
        /* The constant exponent of a^k takes no gradient. */
        int n = v->op == OP_POWC ? 1 : info->arity;
        for (int k = 0; k < n; k++) {
            Value *c = v->child[k];
            double contribution = v->grad * d[k];
            c->grad += contribution;
            trace(ctx, v, k, c, d[k], contribution);
        }
    }
    value_list_free(&own);
    return status;
}

ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx)
{
    if (trace)
        return backward_traced(root, trace, ctx);
    int fresh;
    ValueStatus status = tape_for(root, &fresh);
    if (status != VALUE_OK)
        return status;
    root->grad = 1;
    /* From the root down, a slice at a time; a fresh tape learns each
     * slice's FIRST bits just before propagating through it. */
    for (size_t top = tape.count; top > 0;) {
        if (top < tape.count && value_interrupt_pending()) {
            if (fresh)
                tape_learn(tape.items, 0, top);
            return VALUE_INTERRUPTED;
        }
        size_t from = top > SLICE ? top - SLICE : 0;
        if (fresh)
            tape_learn(tape.items, from, top);
        value_pass_backward(tape.items, from, top);
        top = from;
    }
    return VALUE_OK;
}

ValueStatus value_backward(Value *root)
{
    return value_backward_trace(root, NULL, NULL);
}

ValueStatus value_zero(Value *root)
{
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    root->grad = 0;
    for (size_t i = 0; i < tape.count; i++) {
        if (i % SLICE == 0 && i && value_interrupt_pending())
            return VALUE_INTERRUPTED;
        Value *v = tape.items[i];
        v->grad = 0;
        v->child[0]->grad = 0;
        if (v->child[1])
            v->child[1]->grad = 0;
    }
    return VALUE_OK;
}

ValueStatus value_zero_all(void)
{
    size_t step = 0;
    for (Block *b = blocks; b; b = b->next) {
        for (size_t i = 0; i < NODES_PER_BLOCK; i++) {
            if (interrupted(++step))
                return VALUE_INTERRUPTED;
            if (b->nodes[i].op != OP_COUNT)
                b->nodes[i].grad = 0;
        }
    }
    return VALUE_OK;
}

/* An overflow does not stop the pass: the node holds ±inf, as value_apply
 * would have made it, and the first such node is reported at the end. */
ValueStatus value_forward(Value *root, Value **failed)
{
    if (failed)
        *failed = NULL;
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    Value *overflowed = NULL;
    for (size_t from = 0; from < tape.count; from += SLICE) {
        if (from && value_interrupt_pending())
            return VALUE_INTERRUPTED;
        size_t to = tape.count - from > SLICE ? from + SLICE : tape.count;
        size_t stop = 0;
        status = value_pass_forward(tape.items, from, to, &stop, &overflowed);
        if (status != VALUE_OK) {
            if (failed)
                *failed = tape.items[stop];
            return status;
        }
    }
    if (overflowed) {
        if (failed)
            *failed = overflowed;
        return VALUE_OVERFLOW;
    }
    return VALUE_OK;
}
