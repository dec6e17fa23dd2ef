/*
 * engine/value.h — the Value graph: scalar nodes with data, grad, children,
 * an operation and a label, and the algorithms over it (topological order,
 * forward, backward, zero, release).
 *
 * The engine does no I/O and knows nothing of text, files or terminals.
 *
 * Ownership rule: a node holds one reference to each child; whoever keeps a
 * node (a name binding, an interpreter temporary, a view) holds a reference
 * to it. value_release() drops one reference; the last release frees the
 * node and releases its children, iteratively (for a graph in the pool's
 * order, by a sweep down its cells), so freeing a chain ten million deep
 * uses no C stack.
 *
 * A node's label is opaque here: whoever labels a node says what the label
 * points to (a name, a span of program text) and, when the label holds a
 * reference (VALUE_HELD), gets it back through the label hook when the
 * node is freed. Text is made from a label only when a view asks.
 *
 * Backward goes through the graph newest node first (decreasing creation
 * number: a child is always older than its parents), by a sweep over the
 * pool's cells (engine/value.c). The engine keeps the order of the graph
 * it last ran forward, backward or zero over (the graph reachable from a
 * root never changes while the root lives, so the order stays right): it
 * holds no reference, is keyed by the root's address, and goes when
 * another root is asked for or the root is freed.
 *
 * No function here recurses on graph depth: traversals use explicit stacks.
 */
#ifndef MGRAD_ENGINE_VALUE_H
#define MGRAD_ENGINE_VALUE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* Operations; each has one row in the table in engine/ops.c. */
typedef enum OpKind {
    OP_LEAF,    /* no children: a variable or a constant */
    OP_ADD,     /* a + b */
    OP_SUB,     /* a - b */
    OP_MUL,     /* a * b */
    OP_DIV,     /* a / b */
    OP_NEG,     /* -a */
    OP_POWC,    /* a ^ k, k a constant leaf (child 1): no gradient to k */
    OP_POW,     /* a ^ b, b a Value: d/db = a^b ln a */
    OP_TANH,
    OP_RELU,
    OP_EXP,
    OP_LOG,
    OP_SIGMOID,
    OP_SIN,
    OP_COS,
    OP_SQRT,
    OP_ABS,
    OP_COUNT
} OpKind;

/* What can go wrong when an operation is applied. */
typedef enum ValueStatus {
    VALUE_OK = 0,
    VALUE_DIV_ZERO,        /* division by zero, or 0 to a negative power */
    VALUE_LOG_DOMAIN,      /* log of a non-positive number */
    VALUE_SQRT_DOMAIN,     /* sqrt of a negative number */
    VALUE_POW_DOMAIN,      /* negative base to a non-integer power */
    VALUE_OVERFLOW,        /* finite inputs gave an infinite result (a warning) */
    VALUE_INTERRUPTED      /* the interrupt flag was raised during a traversal */
} ValueStatus;

/* Node flags. */
enum {
    VALUE_NAMED = 1u << 0, /* label is a name given by an assignment */
    VALUE_CONST = 1u << 1, /* an anonymous literal (or folded literals) */
    VALUE_MARK1 = 1u << 2, /* traversal scratch; always clear between calls */
    VALUE_MARK2 = 1u << 3,
    VALUE_HELD  = 1u << 4, /* the label holds a reference: see value_set_label_hook */
    VALUE_SPAN  = 1u << 5, /* the label is a text's; label_at says which part */
    VALUE_PARAM = 1u << 6, /* a model's parameter (label: the labeller's record) */
    /* Set on the computed nodes of the kept order only (and meaningful for
     * that order's root): in backward this node's contribution to child 0
     * (child 1) is the first the child gets, so it is assigned rather than
     * added to a gradient zeroed beforehand; no pass zeroes the graph. */
    VALUE_FIRST0 = 1u << 7,
    VALUE_FIRST1 = 1u << 8,
    /* Made out of the pool's order (in a reused gap, not after every live
     * node), or over such a node: backward finds this graph's order by a
     * search instead of a sweep (see engine/value.c). */
    VALUE_SCATTERED = 1u << 9
};

/* 56 bytes: millions of nodes are made, and every byte of one is a
 * megabyte of a big graph. */
typedef struct Value Value;
struct Value {
    double data;
    double grad;
    Value *child[2];   /* operands in order; NULL when absent */
    const void *label; /* what the node is called, or NULL (see above) */
    uint32_t refs;
    uint32_t label_at; /* with VALUE_SPAN: which part of label (the
                          labeller's number for it) */
    uint32_t id_low;   /* with id_high, the creation order (value_id) */
    /* id_high, op and flags share one 32-bit word, which the engine's
     * passes read and write whole (engine/pool.h) */
    union {
        struct {
            unsigned id_high : 16;
            unsigned op : 5;      /* OpKind */
            unsigned flags : 11;
        };
        uint32_t word;
    };
};

/* A node's place in creation order: children always have smaller ones.
 * 48 bits: 2^48 - 1 nodes is a hundred million a second for a month. */
static inline uint64_t value_id(const Value *v)
{
    return ((uint64_t)v->id_high << 32) | v->id_low;
}

/* One row of the operation table. */
typedef struct OpInfo {
    const char *name;    /* "add", "tanh", ... : the function name if callable */
    const char *symbol;  /* display symbol: "+", "*", "tanh" */
    int arity;           /* 0, 1 or 2 */
    int callable;        /* may be called as name(x) / x.name() */
    /* forward: *out = f(a, b); returns VALUE_OK or a domain error */
    ValueStatus (*forward)(double a, double b, double *out);
    /* local derivatives: d[i] = d out / d child i, given inputs and output */
    void (*derive)(double a, double b, double out, double d[2]);
    /* help text of a callable function: what it computes and its
     * derivative, first line "name(args): ..." (NULL for operators) */
    const char *help;
    /* a corner: the op is not differentiable where operand 0 equals kink
     * (relu and abs at 0), and its derivative jumps there. has_kink is 0
     * for ops smooth on their whole domain. */
    int has_kink;
    double kink;
    /* f(a, b) == f(b, a): the order of the operands means nothing */
    int commutative;
    /* micrograd's _op: "+", "*", "ReLU" ("**" is followed by the
     * constant exponent: "**2"); a symbol of mgrad's own where micrograd
     * has no such node ("-", "/", "neg") */
    const char *micrograd;
} OpInfo;

const OpInfo *value_op_info(OpKind op);
/* The callable operation with this function name, or -1. */
int value_op_by_name(const char *name);
/* The same for the name text[0, length). */
int value_op_by_word(const char *text, size_t length);

/* Construction. Each returns a new node with one reference (owned by the
 * caller), or NULL with *status set on a domain error. Children gain a
 * reference each. A label may be given later with value_set_label(). */
Value *value_leaf(double data);
Value *value_constant(double data);          /* VALUE_CONST leaf */
Value *value_apply(OpKind op, Value *a, Value *b, ValueStatus *status);
/* The same, taking over the caller's references to a and b (they become
 * the node's; on a domain error they are released): a retain and a
 * release fewer per operand. */
Value *value_apply_taking(OpKind op, Value *a, Value *b, ValueStatus *status);

/* One more reference to v (NULL passes); v. Inline: a network's graph
 * takes one for every parameter and input it uses, and a call for each
 * cost more than the count. */
static inline Value *value_retain(Value *v)
{
    if (v)
        v->refs++;
    return v;
}
void value_release(Value *v);

/* Sets v's label; kind is a combination of VALUE_NAMED, VALUE_HELD,
 * VALUE_SPAN and VALUE_PARAM, replacing those of the old label; at is kept
 * for the labeller (with VALUE_SPAN: which part of label names the node).
 * The caller gives up the old label first if it held a reference (see
 * below). */
void value_set_label(Value *v, const void *label, uint32_t at,
                     unsigned kind);
/* Called with a node about to be freed whose label is VALUE_HELD. */
void value_set_label_hook(void (*release)(const Value *v));

/* How many nodes are alive (for tests and memory figures). */
size_t value_live_count(void);
/* How many nodes were ever created, and the most alive at one time. */
uint64_t value_created_count(void);
size_t value_peak_live_count(void);
/* Release the allocator's cached memory; only when no node is alive. */
void value_shutdown(void);
/* Drops every node at once, block by block, without following references
 * (for a full free at exit). Their labels are freed; their cells stay until
 * value_shutdown(), and until then releasing or retaining a dropped node
 * is harmless and frees nothing, so whoever still holds references
 * (bindings, temporaries) can be torn down afterwards without releasing
 * node by node. The pool is empty and usable after it. */
void value_free_all(void);

/* A growable array of node pointers (no references held). */
typedef struct ValueList {
    Value **items;
    size_t count, capacity;
} ValueList;

void value_list_push(ValueList *list, Value *v);
void value_list_free(ValueList *list);

/* Nodes reachable from root, children before parents (root last). Children
 * are visited in operand order, as micrograd's build_topo does. */
ValueStatus value_topo(Value *root, ValueList *out);

/* The interrupt flag (e.g. set by a SIGINT handler); long traversals poll
 * it and return VALUE_INTERRUPTED. May be NULL. */
void value_set_interrupt_flag(volatile sig_atomic_t *flag);
/* True while the interrupt flag is raised (for loops of many traversals). */
int value_interrupt_pending(void);

/* Called by value_backward_trace for each gradient contribution:
 * child->grad += parent->grad * local, after which child->grad == total. */
typedef void (*ValueTraceFn)(void *ctx, const Value *parent, int index,
                             const Value *child, double local,
                             double contribution);

/* Zero the gradients of root's graph, set root->grad = 1, and propagate
 * newest node first (each contribution a child gets in that order; the
 * first is assigned). trace may be NULL. */
ValueStatus value_backward(Value *root);
ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx);
/* value_backward(root), then value_release(root), in one pass when that
 * reference is root's last: the nodes that die with root are freed as the
 * backward sweep passes them, each once it has passed its gradient on (a
 * training step that rebuilds its graph reads the graph once, not twice).
 * The gradients of the nodes that stay (the leaves and whatever else is
 * held) are backward's, to the bit. Takes over the caller's reference. */
ValueStatus value_backward_release(Value *root);
/* micrograd's Value.backward(): root->grad = 1, then each node adds its
 * contributions to what its children hold; nothing is cleared, so a second
 * call doubles the leaves' gradients. */
ValueStatus value_backward_add(Value *root);
/* micrograd's v._backward(): adds v->grad times each local derivative to
 * its children's grads (child 0 first), the same operations as
 * micrograd's closure (g * d, then +=), so the bits agree; nothing for a
 * leaf, and the constant exponent of a^k gets nothing. */
void value_backward_node(Value *v);

/* Set every gradient in root's graph to 0. */
ValueStatus value_zero(Value *root);
/* Set the gradient of every live node to 0. */
ValueStatus value_zero_all(void);

/* Recompute data of every computed node in root's graph, in topological
 * order, after leaves changed. On a domain error, *failed (if not NULL) is
 * the node whose operation failed; data of later nodes is stale. */
ValueStatus value_forward(Value *root, Value **failed);

/* How many times forward, backward or zero had to find a graph's order
 * (a test hook: repeating them over the same root does not add to it),
 * and the bytes the kept order holds (small arrays stay for reuse after
 * their root goes; large ones are given back). */
uint64_t value_order_builds(void);
size_t value_order_bytes(void);

/* ---- passes over an order: engine-internal (engine/ops.c runs them, with
 * the switch over operations inside the loop; engine/value.c keeps the
 * order and calls them a slice at a time, to poll the interrupt flag). */

/* An order here is newest node first (children after their parents), as
 * the kept order is stored. */

/* Recomputes the data of order[from..to), from its last node to its first
 * (oldest first); leaves are skipped. An overflow stores ±inf, sets *overflowed to the node if it is
 * still NULL, and goes on. A domain error stops the pass: it is returned
 * with *stop the index of the node whose operation failed (its data is
 * unchanged). */
ValueStatus value_pass_forward(Value *const *order, size_t from, size_t to,
                               size_t *stop, Value **overflowed);
/* *out = op(a, b) by a switch over the operations (b is ignored by
 * one-operand ones): the numbers of the table row's forward, to the bit. */
ValueStatus value_compute(OpKind op, double a, double b, double *out);
/* Propagates gradients over order[from..to), first node first (newest
 * first): child->grad += node->grad * local derivative, assigned instead
 * where the node has VALUE_FIRST0/VALUE_FIRST1. The constant exponent of
 * a^k takes no gradient (0 when assigned). Leaves are skipped. */
void value_pass_backward(Value *const *order, size_t from, size_t to);

#endif
