/*
 * engine/value.c — nodes, their memory, and the algorithms over a graph:
 * topological order, backward, zero, forward, release.
 *
 * Memory: nodes are 64-byte cells (one cache line) cut from blocks of NODES_PER_BLOCK cells
 * (a bump pointer in the newest block, then a free list threaded through
 * child[0] of freed cells). Blocks come from mem_malloc and go back only in
 * value_shutdown(), when no node is alive. A freed cell has op OP_COUNT, so
 * value_zero_all() can walk the blocks and skip it.
 *
 * No function here recurses on graph depth. Topological order is a
 * depth-first search on an explicit stack of node pointers, with the two
 * mark bits of each node as its state, so a chain ten million deep needs
 * one pointer per node of stack and no C stack. Release keeps a stack of
 * the nodes whose count fell to zero. These arrays, and the node list of
 * backward, zero and forward, are kept between calls at their high-water
 * size, like the pool, and freed by value_shutdown(): on some virtual
 * machines fresh memory costs far more than the traversal itself.
 * Long traversals poll the interrupt flag every POLL_INTERVAL nodes.
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
    NODES_PER_BLOCK = 4096,
    POLL_INTERVAL = 65536,
    /* Arrays at least this large (bytes) are prefaulted when they grow. */
    PREFAULT_MIN = 1 << 20
};

_Static_assert(sizeof(Value) == 64, "a node is 64 bytes");

typedef struct Block {
    struct Block *next;
    Value nodes[NODES_PER_BLOCK];
} Block;

static Block *blocks;            /* newest first */
static size_t newest_used;       /* cells handed out from the newest block */
static Value *free_list;         /* freed cells, linked through child[0] */
static size_t live_nodes;
static size_t peak_live_nodes;
static uint64_t next_id = 1;
static volatile sig_atomic_t *interrupt_flag;
static ValueList dying;          /* release's stack */
static ValueList path;           /* the depth-first search's stack */
static ValueList order_list;     /* backward's, zero's and forward's list */

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

static Value *node_alloc(void)
{
    Value *v;
    if (free_list) {
        v = free_list;
        free_list = v->child[0];
    } else {
        if (!blocks || newest_used == NODES_PER_BLOCK) {
            Block *b = mem_malloc(sizeof *b);
            prefault(b, sizeof *b);
            b->next = blocks;
            blocks = b;
            newest_used = 0;
        }
        v = &blocks->nodes[newest_used++];
    }
    v->data = 0;
    v->grad = 0;
    v->child[0] = v->child[1] = NULL;
    v->label = NULL;
    v->label_start = v->label_end = 0;
    v->id = next_id++;
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
    if ((v->flags & VALUE_HELD) && label_release)
        label_release(v);
    v->label = NULL;
    v->refs = 0;
    v->op = OP_COUNT;
    v->flags = 0;
    v->child[0] = free_list;
    v->child[1] = NULL;
    free_list = v;
    live_nodes--;
}

uint64_t value_created_count(void)
{
    return next_id - 1;
}

size_t value_peak_live_count(void)
{
    return peak_live_nodes;
}

size_t value_live_count(void)
{
    return live_nodes;
}

void value_shutdown(void)
{
    value_list_free(&dying);
    value_list_free(&path);
    value_list_free(&order_list);
    if (live_nodes)
        return;
    while (blocks) {
        Block *next = blocks->next;
        free(blocks);
        blocks = next;
    }
    newest_used = 0;
    free_list = NULL;
}

/* Doubles list's array; a large one is prefaulted as it grows. */
static void list_grow(ValueList *list)
{
    size_t old = list->capacity;
    list->capacity = old ? old * 2 : 64;
    list->items = mem_realloc(list->items, list->capacity * sizeof *list->items);
    if (old * sizeof *list->items >= PREFAULT_MIN)
        prefault(list->items + old, (list->capacity - old) * sizeof *list->items);
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

Value *value_apply(OpKind op, Value *a, Value *b, ValueStatus *status)
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
    v->child[0] = value_retain(a);
    if (info->arity == 2)
        v->child[1] = value_retain(b);
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

void value_set_label(Value *v, const void *label, uint32_t start,
                     uint32_t end, unsigned kind)
{
    enum { KINDS = VALUE_NAMED | VALUE_HELD | VALUE_SPAN | VALUE_PARAM };
    v->label = label;
    v->label_start = start;
    v->label_end = end;
    v->flags = (uint8_t)((v->flags & ~KINDS) | (kind & KINDS));
}

/* ---- topological order ---------------------------------------------------- */

enum { MARKS = VALUE_MARK1 | VALUE_MARK2 };

/* Clears the marks of items[from .. to). */
static void unmark(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        items[i]->flags &= (uint8_t)~MARKS;
}

/*
 * The recursive build_topo, unrolled: appends the nodes reachable from root
 * to out, children before parents, children in operand order. A node's
 * marks say where it is:
 *   no mark           not reached yet;
 *   MARK1             on the path, child 0 under way (or done);
 *   MARK1 and MARK2   child 1 under way (or done): listed when next on top.
 * A node is pushed only when first reached, so it is on the stack at most
 * once and the order is exactly the recursive post-order.
 *
 * The listed nodes keep their marks: the caller clears them in its own
 * pass over the list, which saves a pass over millions of nodes. With
 * zero_grads, each node's gradient is zeroed as it is listed. When
 * interrupted, it clears the marks itself and leaves out as it was.
 */
static ValueStatus collect(Value *root, ValueList *out, int zero_grads)
{
    size_t first = out->count, step = 0;
    path.count = 0;
    root->flags |= VALUE_MARK1;
    value_list_push(&path, root);
    while (path.count) {
        if (interrupted(++step)) {
            unmark(out->items, first, out->count);
            unmark(path.items, 0, path.count);
            out->count = first;
            return VALUE_INTERRUPTED;
        }
        Value *v = path.items[path.count - 1];
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
        if (next) {
            next->flags |= VALUE_MARK1;
            value_list_push(&path, next);
        } else {
            path.count--;
            if (zero_grads)
                v->grad = 0;
            value_list_push(out, v);
        }
    }
    return VALUE_OK;
}

ValueStatus value_topo(Value *root, ValueList *out)
{
    size_t first = out->count;
    ValueStatus status = collect(root, out, 0);
    unmark(out->items, first, out->count);
    return status;
}

/* ---- backward, zero, forward ------------------------------------------------ */

ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx)
{
    /* A trace callback may call into the engine: it must find no marks set
     * and the shared list free. Without one, each node is unmarked as it is
     * reached, and the list is the one kept between calls. */
    ValueList own = {0}, *list = trace ? &own : &order_list;
    list->count = 0;
    ValueStatus status = collect(root, list, 1);
    if (status != VALUE_OK) {
        value_list_free(&own);
        return status;
    }
    Value **items = list->items;
    size_t count = list->count;
    if (trace)
        unmark(items, 0, count);
    root->grad = 1;
    size_t left = count;           /* nodes not yet propagated: [0, left) */
    for (; left > 0; left--) {
        if (interrupted(count - left + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = items[left - 1];
        v->flags &= (uint8_t)~MARKS;
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
            if (trace)
                trace(ctx, v, k, c, d[k], contribution);
        }
    }
    unmark(items, 0, left);
    value_list_free(&own);
    return status;
}

ValueStatus value_backward(Value *root)
{
    return value_backward_trace(root, NULL, NULL);
}

ValueStatus value_zero(Value *root)
{
    order_list.count = 0;
    ValueStatus status = collect(root, &order_list, 1);
    unmark(order_list.items, 0, order_list.count);
    return status;
}

ValueStatus value_zero_all(void)
{
    size_t step = 0;
    for (Block *b = blocks; b; b = b->next) {
        size_t used = b == blocks ? newest_used : NODES_PER_BLOCK;
        for (size_t i = 0; i < used; i++) {
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
    order_list.count = 0;
    ValueStatus status = collect(root, &order_list, 0);
    Value *overflowed = NULL;
    size_t done = 0;               /* nodes unmarked: [0, done) */
    if (failed)
        *failed = NULL;
    for (; status == VALUE_OK && done < order_list.count; done++) {
        if (interrupted(done + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = order_list.items[done];
        v->flags &= (uint8_t)~MARKS;
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        double out = 0;
        ValueStatus s = info->forward(v->child[0]->data,
                                      v->child[1] ? v->child[1]->data : 0.0,
                                      &out);
        if (s == VALUE_OVERFLOW && !overflowed) {
            overflowed = v;
        } else if (s != VALUE_OK && s != VALUE_OVERFLOW) {
            status = s;
            if (failed)
                *failed = v;
            break;
        }
        v->data = out;
    }
    unmark(order_list.items, done, order_list.count);
    if (status == VALUE_OK && overflowed) {
        status = VALUE_OVERFLOW;
        if (failed)
            *failed = overflowed;
    }
    return status;
}
