/*
 * engine/value.c — nodes, their memory, and the algorithms over a graph.
 *
 * Nodes are 56-byte cells from a pool: blocks of NODES_PER_BLOCK cells and
 * a free list threaded through freed cells. Every traversal is iterative:
 * topological order is a depth-first search on an explicit stack with two
 * mark bits per node, cleared again before it returns; release keeps its own
 * stack of nodes whose count fell to zero.
 */
#include "value.h"

#include <stdlib.h>
#include <string.h>
#include "../util/xalloc.h"

enum { NODES_PER_BLOCK = 4096, POLL_EVERY = 65536 };

typedef struct Block {
    struct Block *next;
    Value nodes[NODES_PER_BLOCK];
} Block;

static Block *blocks;
static Value *free_list;        /* linked through child[0] */
static size_t live_nodes;
static uint64_t next_id = 1;
static volatile sig_atomic_t *interrupt_flag;

static int interrupted(size_t step)
{
    return interrupt_flag && (step % POLL_EVERY) == 0 && *interrupt_flag;
}

void value_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

/* ---- memory ----------------------------------------------------------------- */

static Value *node_alloc(void)
{
    if (!free_list) {
        Block *b = xmalloc(sizeof *b);
        b->next = blocks;
        blocks = b;
        for (size_t i = NODES_PER_BLOCK; i-- > 0;) {
            b->nodes[i].op = OP_COUNT;          /* marks a free cell */
            b->nodes[i].child[0] = free_list;
            free_list = &b->nodes[i];
        }
    }
    Value *v = free_list;
    free_list = v->child[0];
    memset(v, 0, sizeof *v);
    v->id = next_id++;
    v->refs = 1;
    live_nodes++;
    return v;
}

static void node_free(Value *v)
{
    free(v->label);
    v->label = NULL;
    v->op = OP_COUNT;
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
    if (live_nodes)
        return;
    while (blocks) {
        Block *next = blocks->next;
        free(blocks);
        blocks = next;
    }
    free_list = NULL;
}

void value_list_push(ValueList *list, Value *v)
{
    if (list->count == list->capacity) {
        list->capacity = list->capacity ? list->capacity * 2 : 64;
        list->items = xrealloc(list->items, list->capacity * sizeof *list->items);
    }
    list->items[list->count++] = v;
}

void value_list_free(ValueList *list)
{
    free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}

/* ---- construction -------------------------------------------------------- */

Value *value_leaf(double data)
{
    Value *v = node_alloc();
    v->data = data;
    v->op = OP_LEAF;
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
    const OpInfo *info = value_op_info(op);
    double out = 0;
    ValueStatus s = info->forward(a->data, b ? b->data : 0.0, &out);
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
    v->refs++;
    return v;
}

void value_release(Value *v)
{
    static ValueList dying;
    if (!v || --v->refs > 0)
        return;
    value_list_push(&dying, v);
    while (dying.count) {
        Value *n = dying.items[--dying.count];
        for (int i = 0; i < 2; i++) {
            Value *c = n->child[i];
            if (c && --c->refs == 0)
                value_list_push(&dying, c);
        }
        node_free(n);
    }
    /* Keep the stack for next time unless a huge graph just went. */
    if (dying.capacity > 1u << 20)
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

/* ---- traversals -------------------------------------------------------------- */

static int child_count(const Value *v)
{
    return v->child[1] ? 2 : v->child[0] ? 1 : 0;
}

ValueStatus value_topo(Value *root, ValueList *out)
{
    /* MARK1: pushed (seen); MARK2: emitted. A node is emitted when it is met
     * on top of the stack a second time, after its children. */
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
        if (v->flags & VALUE_MARK2) {
            stack.count--;
            continue;
        }
        int pushed = 0;
        for (int i = child_count(v) - 1; i >= 0; i--) {
            Value *c = v->child[i];
            if (!(c->flags & VALUE_MARK1)) {
                c->flags |= VALUE_MARK1;
                value_list_push(&stack, c);
                pushed = 1;
            }
        }
        if (!pushed) {
            /* All children are emitted (or on the stack below us, which a
             * DAG rules out): emit v. */
            v->flags |= VALUE_MARK2;
            value_list_push(out, v);
            stack.count--;
        }
    }
    /* Clear marks: on emitted nodes, and on any still seen on the stack. */
    for (size_t i = first; i < out->count; i++)
        out->items[i]->flags &= (uint8_t)~(VALUE_MARK1 | VALUE_MARK2);
    for (size_t i = 0; i < stack.count; i++)
        stack.items[i]->flags &= (uint8_t)~(VALUE_MARK1 | VALUE_MARK2);
    if (status != VALUE_OK)
        out->count = first;
    value_list_free(&stack);
    return status;
}

ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx)
{
    ValueList topo = {0};
    ValueStatus status = value_topo(root, &topo);
    if (status != VALUE_OK) {
        value_list_free(&topo);
        return status;
    }
    for (size_t i = 0; i < topo.count; i++)
        topo.items[i]->grad = 0;
    root->grad = 1;
    for (size_t i = topo.count; i-- > 0;) {
        if (interrupted(topo.count - i)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = topo.items[i];
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        double d[2];
        Value *a = v->child[0], *b = v->child[1];
        info->derive(a->data, b ? b->data : 0.0, v->data, d);
        int n = v->op == OP_POWC ? 1 : info->arity;
        for (int k = 0; k < n; k++) {
            double contribution = v->grad * d[k];
            v->child[k]->grad += contribution;
            if (trace)
                trace(ctx, v, k, v->child[k], d[k], contribution);
        }
    }
    value_list_free(&topo);
    return status;
}

ValueStatus value_backward(Value *root)
{
    return value_backward_trace(root, NULL, NULL);
}

ValueStatus value_zero(Value *root)
{
    ValueList topo = {0};
    ValueStatus status = value_topo(root, &topo);
    for (size_t i = 0; i < topo.count; i++)
        topo.items[i]->grad = 0;
    value_list_free(&topo);
    return status;
}

ValueStatus value_zero_all(void)
{
    for (Block *b = blocks; b; b = b->next)
        for (size_t i = 0; i < NODES_PER_BLOCK; i++)
            if (b->nodes[i].op != OP_COUNT)
                b->nodes[i].grad = 0;
    return VALUE_OK;
}

ValueStatus value_forward(Value *root, Value **failed)
{
    ValueList topo = {0};
    ValueStatus status = value_topo(root, &topo);
    if (failed)
        *failed = NULL;
    for (size_t i = 0; status == VALUE_OK && i < topo.count; i++) {
        if (interrupted(i + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = topo.items[i];
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        double out = 0;
        ValueStatus s = info->forward(v->child[0]->data,
                                      v->child[1] ? v->child[1]->data : 0.0,
                                      &out);
        if (s != VALUE_OK && s != VALUE_OVERFLOW) {
            status = s;
            if (failed)
                *failed = v;
            break;
        }
        v->data = out;
    }
    value_list_free(&topo);
    return status;
}
