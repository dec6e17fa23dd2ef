/*
 * engine/value.c — nodes, their memory, and the algorithms over a graph:
 * topological order, backward, zero, forward, release.
 *
 * Memory: nodes are 56-byte cells cut from blocks of NODES_PER_BLOCK cells
 * (a bump pointer in the newest block, then a free list threaded through
 * child[0] of freed cells). Blocks come from xmalloc and go back only in
 * value_shutdown(), when no node is alive. A freed cell has op OP_COUNT, so
 * value_zero_all() can walk the blocks and skip it.
 *
 * No function here recurses on graph depth. Topological order is a
 * depth-first search on an explicit stack of node pointers, using the two
 * mark bits of each node as its state, so a chain ten million deep needs
 * one pointer per node of stack and no C stack. Release keeps a stack of
 * nodes whose count fell to zero. Long traversals poll the interrupt flag
 * every POLL_INTERVAL nodes.
 */
#include "engine/value.h"

#include <assert.h>
#include <stdlib.h>

#include "util/xalloc.h"

enum {
    NODES_PER_BLOCK = 4096,
    POLL_INTERVAL = 65536,
    /* A scratch stack larger than this (in pointers) is given back after
     * use, so one huge graph does not pin its memory for the session. */
    SCRATCH_KEEP = 1 << 16
};

_Static_assert(sizeof(Value) == 56, "a node is 56 bytes");

typedef struct Block {
    struct Block *next;
    Value nodes[NODES_PER_BLOCK];
} Block;

static Block *blocks;            /* newest first */
static size_t newest_used;       /* cells handed out from the newest block */
static Value *free_list;         /* freed cells, linked through child[0] */
static size_t live_nodes;
static uint64_t next_id = 1;
static volatile sig_atomic_t *interrupt_flag;
static ValueList dying;          /* release's stack, kept between calls */

/* True every POLL_INTERVAL steps while the interrupt flag is raised. */
static int interrupted(size_t step)
{
    return (step % POLL_INTERVAL) == 0 && interrupt_flag && *interrupt_flag;
}

void value_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

/* ---- memory ----------------------------------------------------------------- */

static Value *node_alloc(void)
{
    Value *v;
    if (free_list) {
        v = free_list;
        free_list = v->child[0];
    } else {
        if (!blocks || newest_used == NODES_PER_BLOCK) {
            Block *b = xmalloc(sizeof *b);
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
    v->id = next_id++;
    v->refs = 1;
    v->op = OP_LEAF;
    v->flags = 0;
    live_nodes++;
    return v;
}

static void node_free(Value *v)
{
    free(v->label);
    v->label = NULL;
    v->refs = 0;
    v->op = OP_COUNT;
    v->flags = 0;
    v->child[0] = free_list;
    v->child[1] = NULL;
    free_list = v;
    live_nodes--;
}

size_t value_live_count(void)
{
    return live_nodes;
}

void value_shutdown(void)
{
    value_list_free(&dying);
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

void value_list_push(ValueList *list, Value *v)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->items = xrealloc(list->items,
                               list->capacity * sizeof *list->items);
    }
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
    if (!v || --v->refs > 0)
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
    if (dying.capacity > SCRATCH_KEEP)
        value_list_free(&dying);
}

void value_set_label(Value *v, char *label, int named)
{
    free(v->label);
    v->label = label;
    if (named)
        v->flags |= VALUE_NAMED;
    else
        v->flags &= (uint8_t)~VALUE_NAMED;
}

/* ---- topological order ---------------------------------------------------- */

/*
 * The recursive build_topo, unrolled. A node's marks say where it is:
 *   MARK1 clear       not yet reached;
 *   MARK1             entered, child 0 under way (or done);
 *   MARK1 and MARK2   child 1 under way (or done): emit it next time it
 *                     is on top.
 * A node is pushed only when first reached and entered at once, so it is
 * on the stack at most once and the output is exactly the recursive
 * post-order with children in operand order.
 */
ValueStatus value_topo(Value *root, ValueList *out)
{
    const uint8_t marks = VALUE_MARK1 | VALUE_MARK2;
    ValueList stack = {0};
    ValueStatus status = VALUE_OK;
    size_t first = out->count, step = 0;

    root->flags |= VALUE_MARK1;
    value_list_push(&stack, root);
    while (stack.count) {
        if (interrupted(++step)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = stack.items[stack.count - 1];
        if (!(v->flags & VALUE_MARK2)) {
            /* Child 0 is unreached only on the first visit: when it comes
             * back it is marked, and the second visit moves on. */
            Value *c0 = v->child[0];
            if (c0 && !(c0->flags & VALUE_MARK1)) {
                c0->flags |= VALUE_MARK1;
                value_list_push(&stack, c0);
                continue;
            }
            v->flags |= VALUE_MARK2;
            Value *c1 = v->child[1];
            if (c1 && !(c1->flags & VALUE_MARK1)) {
                c1->flags |= VALUE_MARK1;
                value_list_push(&stack, c1);
                continue;
            }
        }
        value_list_push(out, v);
        stack.count--;
    }

    /* Every marked node is either in the output or still on the stack. */
    for (size_t i = first; i < out->count; i++)
        out->items[i]->flags &= (uint8_t)~marks;
    for (size_t i = 0; i < stack.count; i++)
        stack.items[i]->flags &= (uint8_t)~marks;
    if (status != VALUE_OK)
        out->count = first;
    value_list_free(&stack);
    return status;
}

/* ---- backward, zero, forward ------------------------------------------------ */

ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx)
{
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    if (status != VALUE_OK) {
        value_list_free(&order);
        return status;
    }
    for (size_t i = 0; i < order.count; i++)
        order.items[i]->grad = 0;
    root->grad = 1;
    for (size_t i = order.count; i-- > 0;) {
        if (interrupted(order.count - i)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = order.items[i];
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
    value_list_free(&order);
    return status;
}

ValueStatus value_backward(Value *root)
{
    return value_backward_trace(root, NULL, NULL);
}

ValueStatus value_zero(Value *root)
{
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    for (size_t i = 0; i < order.count; i++)
        order.items[i]->grad = 0;
    value_list_free(&order);
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
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    Value *overflowed = NULL;
    if (failed)
        *failed = NULL;
    for (size_t i = 0; status == VALUE_OK && i < order.count; i++) {
        if (interrupted(i + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = order.items[i];
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
    value_list_free(&order);
    if (status == VALUE_OK && overflowed) {
        status = VALUE_OVERFLOW;
        if (failed)
            *failed = overflowed;
    }
    return status;
}
