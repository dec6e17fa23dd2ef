/*
 * engine/ops.c — the operation table: one row per OpKind with its name,
 * display symbol, arity, whether it can be called as a function, its forward
 * function, its local derivatives, and the facts other parts would otherwise
 * hard-code: the help text of a function, where it has a kink (relu and abs
 * at 0, used by the gradient check) and whether it is commutative (used by
 * dot to number the edges of ordered operands). Everything else in the
 * program (the engine's graph algorithms, the interpreter, help, the views)
 * reads this table, so adding an operation means adding one row here (and
 * one test).
 *
 * The local derivatives are written the way PyTorch's float64 backward
 * formulas compute them, so that gradients agree to the last bits: e.g. the
 * derivative of tanh is taken from the output (1 - out*out), not from the
 * input, and a/b's derivative for b is (a/b)/b, which neither overflows nor
 * underflows where b*b would.
 *
 * Forward functions return a domain error without writing *out, and return
 * VALUE_OVERFLOW (a warning; *out is written) when finite inputs gave an
 * infinite result.
 */
#include "engine/value.h"
#include "engine/pool.h"

#include <math.h>
#include <string.h>

#include "util/words.h"

/* ---- helpers ---------------------------------------------------------------- */

static ValueStatus result1(double a, double r, double *out)
{
    *out = r;
    return isinf(r) && isfinite(a) ? VALUE_OVERFLOW : VALUE_OK;
}

static ValueStatus result2(double a, double b, double r, double *out)
{
    *out = r;
    return isinf(r) && isfinite(a) && isfinite(b) ? VALUE_OVERFLOW : VALUE_OK;
}

/* a ^ k for a constant exponent, with the same special cases PyTorch takes
 * for a tensor raised to a scalar, so that x^2 is exactly x*x and so on. */
static double power_constant(double a, double k)
{
    if (k == 0)
        return 1;
    if (k == 1)
        return a;
    if (k == 2)
        return a * a;
    if (k == 3)
        return a * a * a;
    if (k == 0.5)
        return sqrt(a);
    if (k == -0.5)
        return 1 / sqrt(a);
    if (k == -1)
        return 1 / a;
    if (k == -2)
        return 1 / (a * a);
    return pow(a, k);
}

/* The domain of a ^ k over the reals. */
static ValueStatus power_domain(double a, double k)
{
    if (a == 0 && k < 0)
        return VALUE_DIV_ZERO;
    if (a < 0 && isfinite(k) && k != trunc(k))
        return VALUE_POW_DOMAIN;
    return VALUE_OK;
}

/* ---- leaf ------------------------------------------------------------------ */

/* A leaf has no operation; these keep the row callable all the same. */
static ValueStatus leaf_forward(double a, double b, double *out)
{
    (void)b;
    *out = a;
    return VALUE_OK;
}

static void leaf_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b, (void)out;
    d[0] = d[1] = 0;
}

/* ---- arithmetic ------------------------------------------------------------ */

static ValueStatus add_forward(double a, double b, double *out)
{
    return result2(a, b, a + b, out);
}

static void add_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b, (void)out;
    d[0] = 1;
    d[1] = 1;
}

static ValueStatus sub_forward(double a, double b, double *out)
{
    return result2(a, b, a - b, out);
}

static void sub_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b, (void)out;
    d[0] = 1;
    d[1] = -1;
}

static ValueStatus mul_forward(double a, double b, double *out)
{
    return result2(a, b, a * b, out);
}

static void mul_derive(double a, double b, double out, double d[2])
{
    (void)out;
    d[0] = b;
    d[1] = a;
}

static ValueStatus div_forward(double a, double b, double *out)
{
    if (b == 0)
        return VALUE_DIV_ZERO;
    return result2(a, b, a / b, out);
}

static void div_derive(double a, double b, double out, double d[2])
{
    (void)out;
    d[0] = 1 / b;
    d[1] = -((a / b) / b);
}

static ValueStatus neg_forward(double a, double b, double *out)
{
    (void)b;
    *out = -a;
    return VALUE_OK;
}

static void neg_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b, (void)out;
    d[0] = -1;
    d[1] = 0;
}

/* a ^ k with k constant: k is not a variable, so it gets no gradient. */
static ValueStatus powc_forward(double a, double k, double *out)
{
    ValueStatus status = power_domain(a, k);
    if (status != VALUE_OK)
        return status;
    return result2(a, k, power_constant(a, k), out);
}

static void powc_derive(double a, double k, double out, double d[2])
{
    (void)out;
    d[0] = k == 0 ? 0 : k * power_constant(a, k - 1);
    d[1] = 0;
}

/* a ^ b with b a Value: d/db = a^b ln a, taken as 0 where a == 0 and b >= 0
 * (the limit from above), as PyTorch does. */
static ValueStatus pow_forward(double a, double b, double *out)
{
    ValueStatus status = power_domain(a, b);
    if (status != VALUE_OK)
        return status;
    return result2(a, b, pow(a, b), out);
}

static void pow_derive(double a, double b, double out, double d[2])
{
    d[0] = b == 0 ? 0 : b * pow(a, b - 1);
    d[1] = a == 0 && b >= 0 ? 0 : out * log(a);
}

/* ---- functions of one argument --------------------------------------------- */

static ValueStatus tanh_forward(double a, double b, double *out)
{
    (void)b;
    *out = tanh(a);
    return VALUE_OK;
}

static void tanh_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b;
    d[0] = 1 - out * out;
    d[1] = 0;
}

static ValueStatus relu_forward(double a, double b, double *out)
{
    (void)b;
    /* NaN passes through, as in PyTorch and micrograd. */
    *out = a > 0 || isnan(a) ? a : 0.0;
    return VALUE_OK;
}

static void relu_derive(double a, double b, double out, double d[2])
{
    (void)b, (void)out;
    d[0] = a > 0 ? 1 : 0;
    d[1] = 0;
}

static ValueStatus exp_forward(double a, double b, double *out)
{
    (void)b;
    return result1(a, exp(a), out);
}

static void exp_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b;
    d[0] = out;
    d[1] = 0;
}

static ValueStatus log_forward(double a, double b, double *out)
{
    (void)b;
    if (a <= 0)
        return VALUE_LOG_DOMAIN;
    *out = log(a);
    return VALUE_OK;
}

static void log_derive(double a, double b, double out, double d[2])
{
    (void)b, (void)out;
    d[0] = 1 / a;
    d[1] = 0;
}

/* 1/(1+exp(-a)) as PyTorch computes it; below -708 exp(-a) would overflow
 * and the result collapse to 0, so there exp(a)/(1+exp(a)) keeps the tiny
 * (subnormal) values. */
static ValueStatus sigmoid_forward(double a, double b, double *out)
{
    (void)b;
    if (a < -708) {
        double e = exp(a);
        *out = e / (1 + e);
    } else {
        *out = 1 / (1 + exp(-a));
    }
    return VALUE_OK;
}

static void sigmoid_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b;
    d[0] = out * (1 - out);
    d[1] = 0;
}

static ValueStatus sin_forward(double a, double b, double *out)
{
    (void)b;
    *out = sin(a);
    return VALUE_OK;
}

static void sin_derive(double a, double b, double out, double d[2])
{
    (void)b, (void)out;
    d[0] = cos(a);
    d[1] = 0;
}

static ValueStatus cos_forward(double a, double b, double *out)
{
    (void)b;
    *out = cos(a);
    return VALUE_OK;
}

static void cos_derive(double a, double b, double out, double d[2])
{
    (void)b, (void)out;
    d[0] = -sin(a);
    d[1] = 0;
}

static ValueStatus sqrt_forward(double a, double b, double *out)
{
    (void)b;
    if (a < 0)
        return VALUE_SQRT_DOMAIN;
    *out = sqrt(a);
    return VALUE_OK;
}

/* At 0 the derivative is +inf, as in PyTorch. */
static void sqrt_derive(double a, double b, double out, double d[2])
{
    (void)a, (void)b;
    d[0] = 1 / (2 * out);
    d[1] = 0;
}

static ValueStatus abs_forward(double a, double b, double *out)
{
    (void)b;
    *out = fabs(a);
    return VALUE_OK;
}

static void abs_derive(double a, double b, double out, double d[2])
{
    (void)b, (void)out;
    d[0] = a > 0 ? 1 : a < 0 ? -1 : 0;
    d[1] = 0;
}

/* ---- the table ------------------------------------------------------------- */

static const OpInfo op_table[OP_COUNT] = {
    /*            name       symbol     arity callable forward          derive */
    [OP_LEAF]    = {"leaf",    "",        0, 0, leaf_forward,    leaf_derive, .help = NULL,
                    .micrograd = ""},
    [OP_ADD]     = {"add",     "+",       2, 0, add_forward,     add_derive,
                    .commutative = 1,
                    .micrograd = "+"},
    [OP_SUB]     = {"sub",     "-",       2, 0, sub_forward,     sub_derive, .help = NULL,
                    .micrograd = "-"},
    [OP_MUL]     = {"mul",     "*",       2, 0, mul_forward,     mul_derive,
                    .commutative = 1,
                    .micrograd = "*"},
    [OP_DIV]     = {"div",     "/",       2, 0, div_forward,     div_derive, .help = NULL,
                    .micrograd = "/"},
    [OP_NEG]     = {"neg",     "-",       1, 0, neg_forward,     neg_derive, .help = NULL,
                    .micrograd = "neg"},
    [OP_POWC]    = {"pow",     "^",       2, 0, powc_forward,    powc_derive, .help = NULL,
                    .micrograd = "**"},
    [OP_POW]     = {"pow",     "^",       2, 1, pow_forward,     pow_derive,
                    .help = "pow(a, b): a ^ b. d/da = b a^(b-1); d/db = a^b ln a "
                            "(when b is\na value, not a constant)",
                    .micrograd = "**"},
    [OP_TANH]    = {"tanh",    "tanh",    1, 1, tanh_forward,    tanh_derive,
                    .help = "tanh(x): hyperbolic tangent. d/dx = 1 - tanh(x)^2",
                    .micrograd = "tanh"},
    [OP_RELU]    = {"relu",    "relu",    1, 1, relu_forward,    relu_derive,
                    .help = "relu(x): max(x, 0). d/dx = 1 for x > 0, else 0",
                    .has_kink = 1, .kink = 0,
                    .micrograd = "ReLU"},
    [OP_EXP]     = {"exp",     "exp",     1, 1, exp_forward,     exp_derive,
                    .help = "exp(x): e^x. d/dx = e^x",
                    .micrograd = "exp"},
    [OP_LOG]     = {"log",     "log",     1, 1, log_forward,     log_derive,
                    .help = "log(x): natural logarithm, x > 0. d/dx = 1/x",
                    .micrograd = "log"},
    [OP_SIGMOID] = {"sigmoid", "sigmoid", 1, 1, sigmoid_forward, sigmoid_derive,
                    .help = "sigmoid(x): 1/(1 + e^-x). d/dx = s(1 - s)",
                    .micrograd = "sigmoid"},
    [OP_SIN]     = {"sin",     "sin",     1, 1, sin_forward,     sin_derive,
                    .help = "sin(x). d/dx = cos(x)",
                    .micrograd = "sin"},
    [OP_COS]     = {"cos",     "cos",     1, 1, cos_forward,     cos_derive,
                    .help = "cos(x). d/dx = -sin(x)",
                    .micrograd = "cos"},
    [OP_SQRT]    = {"sqrt",    "sqrt",    1, 1, sqrt_forward,    sqrt_derive,
                    .help = "sqrt(x), x >= 0. d/dx = 1/(2 sqrt(x))",
                    .micrograd = "sqrt"},
    [OP_ABS]     = {"abs",     "abs",     1, 1, abs_forward,     abs_derive,
                    .help = "abs(x). d/dx = sign(x) (0 at 0)",
                    .has_kink = 1, .kink = 0,
                    .micrograd = "abs"},
};

const OpInfo *value_op_info(OpKind op)
{
    if ((unsigned)op >= OP_COUNT)
        return &op_table[OP_LEAF];
    return &op_table[op];
}

int value_op_by_name(const char *name)
{
    return value_op_by_word(name, strlen(name));
}

int value_op_by_word(const char *text, size_t length)
{
    static WordIndex index;
    if (!index.ready) {
        for (int op = 0; op < OP_COUNT; op++)
            if (op_table[op].callable)
                words_add(&index, op_table[op].name, op);
        index.ready = 1;
    }
    return words_find(&index, text, length);
}

/* ---- passes over an order ---------------------------------------------------- */

/*
 * The graph's forward and backward run here, a whole slice of an order at a
 * time, so that the operation is chosen by a switch the compiler turns into
 * a jump table, with the row's functions inlined, instead of a call through
 * a pointer per node. Each case calls the same function as its table row,
 * so the numbers are those of value_apply() to the bit. An operation
 * without a case still works, through its row (the default case).
 */

#define FORWARD1(kind, fn)                                                 \
    case kind:                                                             \
        return fn(a, 0.0, out);
#define FORWARD2(kind, fn)                                                 \
    case kind:                                                             \
        return fn(a, b, out);

/* *out = op(a, b), by the switch (b is ignored by one-operand ops). */
static inline __attribute__((always_inline)) ValueStatus
compute(OpKind op, double a, double b, double *out)
{
    switch (op) {
    FORWARD2(OP_ADD, add_forward)
    FORWARD2(OP_SUB, sub_forward)
    FORWARD2(OP_MUL, mul_forward)
    FORWARD2(OP_DIV, div_forward)
    FORWARD1(OP_NEG, neg_forward)
    FORWARD2(OP_POWC, powc_forward)
    FORWARD2(OP_POW, pow_forward)
    FORWARD1(OP_TANH, tanh_forward)
    FORWARD1(OP_RELU, relu_forward)
    FORWARD1(OP_EXP, exp_forward)
    FORWARD1(OP_LOG, log_forward)
    FORWARD1(OP_SIGMOID, sigmoid_forward)
    FORWARD1(OP_SIN, sin_forward)
    FORWARD1(OP_COS, cos_forward)
    FORWARD1(OP_SQRT, sqrt_forward)
    FORWARD1(OP_ABS, abs_forward)
    default:
        return value_op_info(op)->forward(a, b, out);
    }
}

ValueStatus value_compute(OpKind op, double a, double b, double *out)
{
    return compute(op, a, b, out);
}

ValueStatus value_pass_forward(Value *const *order, size_t from, size_t to,
                               size_t *stop, Value **overflowed)
{
    for (size_t i = to; i-- > from;) {
        Value *v = order[i];
        if (v->op == OP_LEAF)
            continue;
        double out = 0;
        ValueStatus status = compute((OpKind)v->op, v->child[0]->data,
                                     v->child[1] ? v->child[1]->data : 0.0,
                                     &out);
        if (status == VALUE_OVERFLOW) {
            if (!*overflowed)
                *overflowed = v;
        } else if (status != VALUE_OK) {
            *stop = i;
            return status;
        }
        v->data = out;
    }
    return VALUE_OK;
}

#define DERIVE1(kind, fn)                                                  \
    case kind:                                                             \
        fn(a, 0.0, v->data, d);                                            \
        break;
#define DERIVE2(kind, fn)                                                  \
    case kind:                                                             \
        fn(a, v->child[1]->data, v->data, d);                              \
        break;

/* d = the local derivatives of computed node v, whose op is op, by the
 * switch (every row's derive sets both). */
static inline __attribute__((always_inline)) void
derive(const Value *v, OpKind op, double d[2])
{
    double a = v->child[0]->data;
    /* The two operations a network is mostly made of, before the jump
     * through the table. */
    if (op == OP_MUL) {
        mul_derive(a, v->child[1]->data, v->data, d);
        return;
    }
    if (op == OP_ADD) {
        add_derive(a, v->child[1]->data, v->data, d);
        return;
    }
    switch (op) {
    DERIVE2(OP_ADD, add_derive)
    DERIVE2(OP_SUB, sub_derive)
    DERIVE2(OP_MUL, mul_derive)
    DERIVE2(OP_DIV, div_derive)
    DERIVE1(OP_NEG, neg_derive)
    DERIVE2(OP_POWC, powc_derive)
    DERIVE2(OP_POW, pow_derive)
    DERIVE1(OP_TANH, tanh_derive)
    DERIVE1(OP_RELU, relu_derive)
    DERIVE1(OP_EXP, exp_derive)
    DERIVE1(OP_LOG, log_derive)
    DERIVE1(OP_SIGMOID, sigmoid_derive)
    DERIVE1(OP_SIN, sin_derive)
    DERIVE1(OP_COS, cos_derive)
    DERIVE1(OP_SQRT, sqrt_derive)
    DERIVE1(OP_ABS, abs_derive)
    default: {
        /* (through a copy, so that d never leaves registers) */
        double row[2];
        value_op_info(op)->derive(a, v->child[1] ? v->child[1]->data : 0.0,
                                  v->data, row);
        d[0] = row[0];
        d[1] = row[1];
        break;
    }
    }
}

/* c->grad += contribution, or = when this is the first contribution c
 * gets: 0.0 + contribution, exactly what adding to a zeroed grad gives. */
static inline __attribute__((always_inline)) void
accumulate(Value *c, double contribution, int first)
{
    c->grad = (first ? 0.0 : c->grad) + contribution;
}

/* v's gradient to its children, first contributions assigned as its
 * flags say; op is v's (read once by the caller: op and flags share a
 * bit-field word, and each read of one is a load and a shift). The
 * constant exponent of a^k takes no gradient: it is only set to 0 when
 * this is where its gradient starts. */
static inline __attribute__((always_inline)) void
propagate(Value *v, OpKind op, unsigned flags)
{
    double d[2];
    derive(v, op, d);
    double g = v->grad;
    accumulate(v->child[0], g * d[0], flags & VALUE_FIRST0);
    Value *b = v->child[1];
    if (!b)
        return;
    if (op == OP_POWC) {
        if (flags & VALUE_FIRST1)
            b->grad = 0;
    } else {
        accumulate(b, g * d[1], flags & VALUE_FIRST1);
    }
}

void value_pass_backward(Value *const *order, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        propagate(order[i], (OpKind)order[i]->op, order[i]->flags);
}

/* Marks c reached; 1 when it was not reached before (this contribution
 * is its first). The count of marked cells goes up: *here for a cell of
 * the block being swept (b), and for another the block's own count and
 * *pending, the marked cells outside b. */
static inline __attribute__((always_inline)) unsigned
reach(Value *c, const Block *b, uint32_t *here, size_t *pending)
{
    uint32_t w = c->word;
    if (w & WORD_FLAG(VALUE_MARK1))
        return 0;
    c->word = w | WORD_FLAG(VALUE_MARK1);
    Block *cb = block_of(c);
    if (cb == b) {
        ++*here;
    } else {
        cb->marked++;
        ++*pending;
    }
    return 1;
}

enum { PREFETCH_BYTES = 1024 };

/* value_sweep_block() with arith a constant: two loops, the one that
 * only learns the order free of the arithmetic. */
static inline __attribute__((always_inline)) Value **
sweep_block(Block *b, size_t top, Sweep *s, int arith)
{
    enum { FIRSTS = VALUE_FIRST0 | VALUE_FIRST1 };
    Value **out = s->out;
    uint32_t here = b->marked;
    size_t pending = s->pending - here;   /* (b's are counted in here) */
    for (Value *v = b->nodes + top; here && v-- > b->nodes;) {
        __builtin_prefetch((const char *)v - PREFETCH_BYTES, 1);
        uint32_t w = v->word;
        if (!(w & WORD_FLAG(VALUE_MARK1)))
            continue;
        here--;
        w &= ~WORD_FLAG(VALUE_MARK1 | FIRSTS);
        OpKind op = WORD_OP(w);
        if (op != OP_LEAF) {
            if (reach(v->child[0], b, &here, &pending))
                w |= WORD_FLAG(VALUE_FIRST0);
            if (v->child[1] && reach(v->child[1], b, &here, &pending))
                w |= WORD_FLAG(VALUE_FIRST1);
            *out++ = v;
            if (arith)
                propagate(v, op, w >> WORD_FLAGS_SHIFT);
        }
        v->word = w;
    }
    b->marked = here;
    s->pending = pending + here;
    s->out = out;
    return out;
}

Value **value_sweep_block(Block *b, size_t top, Sweep *s)
{
    return s->arith ? sweep_block(b, top, s, 1) : sweep_block(b, top, s, 0);
}

/* The form of sweep_block that frees the dying nodes as it passes them
 * (see engine/pool.h). A child's reference goes after the node has passed
 * its gradient on; a node dies only once every parent of it in the graph
 * (all newer, so all passed already) has let go of it, and the sweep
 * reaches it after them. The block's free bits are left to the caller
 * (engine/value.c's block_freed()). */
static inline __attribute__((always_inline)) void
sweep_release_block(Block *b, size_t top, Sweep *s, int arith)
{
    size_t freed = 0;
    Value *lowest = b->nodes + top;
    uint32_t here = b->marked;
    size_t pending = s->pending - here;   /* (b's are counted in here) */
    for (Value *v = b->nodes + top; here && v-- > b->nodes;) {
        __builtin_prefetch((const char *)v - PREFETCH_BYTES, 1);
        uint32_t w = v->word;
        if (!(w & WORD_FLAG(VALUE_MARK1)))
            continue;
        here--;
        OpKind op = WORD_OP(w);
        Value *c0 = v->child[0], *c1 = v->child[1];
        if (op != OP_LEAF) {
            unsigned firsts = 0;
            if (reach(c0, b, &here, &pending))
                firsts |= VALUE_FIRST0;
            if (c1 && reach(c1, b, &here, &pending))
                firsts |= VALUE_FIRST1;
            if (arith)
                propagate(v, op, firsts);
        }
        if (!(w & WORD_FLAG(VALUE_MARK2))) {
            v->word = w & ~WORD_FLAG(VALUE_MARK1);
            continue;
        }
        if (w & WORD_FLAG(VALUE_HELD))
            value_label_gone(v);
        /* a free cell (its count is 0 already): op OP_COUNT, no flags */
        v->word = (w & 0xffffu) | ((uint32_t)OP_COUNT << WORD_OP_SHIFT);
        freed++;
        lowest = v;
        if (c1 && --c1->refs == 0)
            c1->word |= WORD_FLAG(VALUE_MARK2);
        if (c0 && --c0->refs == 0)
            c0->word |= WORD_FLAG(VALUE_MARK2);
    }
    b->marked = here;
    s->pending = pending + here;
    s->freed = freed;
    s->lowest = (size_t)(lowest - b->nodes);
}

void value_sweep_release_block(Block *b, size_t top, Sweep *s)
{
    if (s->arith)
        sweep_release_block(b, top, s, 1);
    else
        sweep_release_block(b, top, s, 0);
}
