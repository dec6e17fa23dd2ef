/*
 * tests/unit/engine_test.c — the engine alone: the operation table, node
 * lifetime, topological order, backward, forward, zero and interrupts, on
 * small graphs with hand-worked numbers and on graphs of ten million nodes.
 *
 * Prints `ok - name` / `not ok - name: reason` per test (tests/run.sh counts
 * them) and timing figures as `# ` comment lines; always exits 0.
 *
 * The large graphs are built and walked inside a thread with a 256 KiB
 * stack, so any recursion over graph depth would crash. MGRAD_TEST_CHAIN
 * sets their size (default 10000000; e.g. 100000 under valgrind).
 */
#include "tests/unit/report.h"
#include "engine/value.h"
#include "engine/pool.h"

#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "util/mem.h"
#include "tests/unit/test_labels.h"


/* ---- test protocol ---------------------------------------------------------- */

static char test_name[200];
static char test_reason[400];
static int test_failed;

static void test_begin(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(test_name, sizeof test_name, fmt, ap);
    va_end(ap);
    test_failed = 0;
}

/* Records the first failure of the current test. */
static void fail(const char *fmt, ...)
{
    if (test_failed++)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(test_reason, sizeof test_reason, fmt, ap);
    va_end(ap);
}

static void test_end(void)
{
    report(NULL, !test_failed, test_name, test_reason);
}

static void comment(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("# ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    fflush(stdout);
}

/* got == want to a relative tolerance; NaN matches NaN, 0 only 0. */
static int close_to(double got, double want, double rel)
{
    if (isnan(want))
        return isnan(got);
    if (isinf(want) || want == 0)
        return got == want;
    return fabs(got - want) <= rel * fabs(want);
}

static void expect_close(const char *what, double got, double want, double rel)
{
    if (!close_to(got, want, rel))
        fail("%s = %.17g, expected %.17g", what, got, want);
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static long max_rss_kib(void)
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/* ---- building graphs ---------------------------------------------------------- */

#define R(v) value_retain(v)

/* Applies op, consuming the caller's references to a and b (either may be
 * NULL); NULL on a domain error. */
static Value *op(OpKind kind, Value *a, Value *b)
{
    ValueStatus status;
    Value *v = value_apply(kind, a, b, &status);
    value_release(a);
    value_release(b);
    return v;
}

static Value *K(double x)
{
    return value_constant(x);
}

static Value *named(double x, const char *name)
{
    Value *v = value_leaf(x);
    set_text_label(v, mem_strdup(name), 1);
    return v;
}

/* ---- the operation table -------------------------------------------------------- */

static void test_table(void)
{
    static const struct { OpKind op; const char *name, *symbol; int arity, callable; }
    rows[] = {
        {OP_LEAF, "leaf", "", 0, 0},
        {OP_ADD, "add", "+", 2, 0},
        {OP_SUB, "sub", "-", 2, 0},
        {OP_MUL, "mul", "*", 2, 0},
        {OP_DIV, "div", "/", 2, 0},
        {OP_NEG, "neg", "-", 1, 0},
        {OP_POWC, "pow", "^", 2, 0},
        {OP_POW, "pow", "^", 2, 1},
        {OP_TANH, "tanh", "tanh", 1, 1},
        {OP_RELU, "relu", "relu", 1, 1},
        {OP_EXP, "exp", "exp", 1, 1},
        {OP_LOG, "log", "log", 1, 1},
        {OP_SIGMOID, "sigmoid", "sigmoid", 1, 1},
        {OP_SIN, "sin", "sin", 1, 1},
        {OP_COS, "cos", "cos", 1, 1},
        {OP_SQRT, "sqrt", "sqrt", 1, 1},
        {OP_ABS, "abs", "abs", 1, 1},
    };
    test_begin("table: one row per operation with name, symbol, arity");
    if (sizeof rows / sizeof rows[0] != OP_COUNT)
        fail("this test knows %zu operations, the engine %d",
             sizeof rows / sizeof rows[0], OP_COUNT);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const OpInfo *info = value_op_info(rows[i].op);
        if (!info->forward || !info->derive)
            fail("%s: no forward or derive", rows[i].name);
        else if (strcmp(info->name, rows[i].name) != 0)
            fail("op %d is named %s, expected %s", rows[i].op, info->name,
                 rows[i].name);
        else if (strcmp(info->symbol, rows[i].symbol) != 0)
            fail("%s: symbol %s, expected %s", info->name, info->symbol,
                 rows[i].symbol);
        else if (info->arity != rows[i].arity || info->callable != rows[i].callable)
            fail("%s: arity %d callable %d", info->name, info->arity,
                 info->callable);
    }
    test_end();

    test_begin("table: functions are found by name, operators are not");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        int found = value_op_by_name(rows[i].name);
        if (rows[i].callable && found != (int)rows[i].op)
            fail("%s found as %d", rows[i].name, found);
    }
    const char *not_functions[] = {"add", "sub", "mul", "div", "neg", "leaf",
                                   "powc", "", "TANH", "tan", "tanhx"};
    for (size_t i = 0; i < sizeof not_functions / sizeof not_functions[0]; i++)
        if (value_op_by_name(not_functions[i]) != -1)
            fail("'%s' should not be a function", not_functions[i]);
    test_end();
}

/* ---- construction and labels --------------------------------------------------- */

static void test_construction(void)
{
    test_begin("construction: a node's word holds id_high, op and flags "
               "where engine/pool.h says");
    {
        Value v;
        memset(&v, 0, sizeof v);
        v.id_high = 0xBEEF;
        v.op = OP_ABS;
        v.flags = VALUE_SCATTERED | VALUE_MARK1;
        if (v.word != (0xBEEFu | ((uint32_t)OP_ABS << WORD_OP_SHIFT) |
                       WORD_FLAG(VALUE_SCATTERED | VALUE_MARK1)) ||
            WORD_OP(v.word) != OP_ABS)
            fail("word %#x", v.word);
    }
    test_end();

    test_begin("construction: flags, references, ids in creation order");
    size_t live = value_live_count();
    Value *a = value_leaf(1.5), *k = value_constant(2);
    if (a->op != OP_LEAF || a->flags != 0 || a->refs != 1 || a->grad != 0 ||
        a->label || a->child[0] || a->child[1] || a->data != 1.5)
        fail("a fresh leaf is not clean");
    if (k->flags != VALUE_CONST || k->data != 2)
        fail("a constant lacks VALUE_CONST");
    if (value_id(k) <= value_id(a))
        fail("ids do not follow creation order");
    Value *p = value_apply(OP_MUL, a, k, NULL);
    if (!p || p->op != OP_MUL || p->child[0] != a || p->child[1] != k ||
        a->refs != 2 || k->refs != 2 || value_id(p) <= value_id(k) || p->data != 3)
        fail("value_apply: wrong node or references");
    Value *n = value_apply(OP_NEG, p, NULL, NULL);
    if (!n || n->child[1] || p->refs != 2 || n->data != -3)
        fail("a unary node has a second child or wrong data");
    if (value_retain(a) != a || a->refs != 3)
        fail("value_retain");
    value_release(a);
    if (value_live_count() != live + 4)
        fail("live count %zu, expected %zu", value_live_count(), live + 4);
    value_release(p);
    value_release(a);
    value_release(k);
    if (value_live_count() != live + 4)
        fail("nodes freed while still referenced");
    value_release(n);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    value_release(NULL);
    if (value_retain(NULL) != NULL)
        fail("value_retain(NULL)");
    test_end();

    test_begin("labels: held by the node, given back through the hook; VALUE_NAMED follows");
    Value *v = value_leaf(0);
    set_text_label(v, mem_strdup("x*y"), 0);
    if (strcmp(v->label, "x*y") != 0 || (v->flags & VALUE_NAMED))
        fail("a display label is not a name");
    set_text_label(v, mem_strdup("L"), 1);
    if (strcmp(v->label, "L") != 0 || !(v->flags & VALUE_NAMED))
        fail("a name did not set VALUE_NAMED");
    set_text_label(v, NULL, 0);
    if (v->label || (v->flags & VALUE_NAMED))
        fail("clearing the label");
    set_text_label(v, mem_strdup("kept until release"), 1);
    value_release(v);
    test_end();
}

/* ---- every operation: exact values and finite differences --------------------- */

/* Expected values worked out with the exact formulas (d tanh = sech^2,
 * d sigmoid = s(1-s), ...) in high precision, rounded to 20 digits. */
typedef struct OpCase {
    OpKind op;
    double a, b;          /* b: second operand, or unused */
    double out, da, db;
} OpCase;

static const OpCase op_cases[] = {
    {OP_ADD, 1.5, -2.25, -0.75, 1, 1},
    {OP_ADD, -3, 7, 4, 1, 1},
    {OP_ADD, 1000, 0.001, 1000.001, 1, 1},
    {OP_SUB, 1.5, -2.25, 3.75, 1, -1},
    {OP_SUB, -3, 7, -10, 1, -1},
    {OP_SUB, 0.1, 0.3, -0.2, 1, -1},
    {OP_MUL, 1.5, -2.25, -3.375, -2.25, 1.5},
    {OP_MUL, -3, 7, -21, 7, -3},
    {OP_MUL, 0.1, 0.3, 0.03, 0.3, 0.1},
    {OP_DIV, 1.5, -2.25, -0.66666666666666666667, -0.44444444444444444444, -0.2962962962962962963},
    {OP_DIV, -3, 7, -0.42857142857142857143, 0.14285714285714285714, 0.061224489795918367347},
    {OP_DIV, 10, 0.25, 40, 4, -160},
    {OP_NEG, -2, 0, 2, -1, 0},
    {OP_NEG, 0.5, 0, -0.5, -1, 0},
    {OP_NEG, 3, 0, -3, -1, 0},
    {OP_POWC, 2.5, 3, 15.625, 18.75, 0},
    {OP_POWC, -1.5, 2, 2.25, -3, 0},
    {OP_POWC, 4, 0.5, 2, 0.25, 0},
    {OP_POWC, 3, -1, 0.33333333333333333333, -0.11111111111111111111, 0},
    {OP_POWC, 2, -2.5, 0.1767766952966368811, -0.22097086912079610138, 0},
    {OP_POWC, -2, 3, -8, 12, 0},
    {OP_POWC, 0.7, 0, 1, 0, 0},
    {OP_POWC, 1.3, 1, 1.3, 1, 0},
    {OP_POWC, -2, -2, 0.25, 0.25, 0},
    {OP_POWC, 5, -0.5, 0.44721359549995793928, -0.044721359549995793928, 0},
    {OP_POWC, 1.7, 2.3, 3.3886952911476463156, 4.5847053939056391328, 0},
    {OP_POWC, 0, 2, 0, 0, 0},
    {OP_POW, 2.5, 1.7, 4.7478612058273367169, 3.2285456199625889675, 4.350421219124438742},
    {OP_POW, 0.5, -2.3, 4.924577653379665138, -22.653057205546459635, -3.4134571158886265176},
    {OP_POW, 3, 2, 9, 6, 9.8875105980129872226},
    {OP_POW, 1.2, 0, 1, 0, 0.18232155679395462621},
    {OP_POW, 2, -1, 0.5, -0.25, 0.34657359027997265471},
    {OP_POW, 0, 2, 0, 0, 0},
    {OP_TANH, 0.8814, 0, 0.70711998743012260248, 0.49998132337682325266, 0},
    {OP_TANH, 0.8813735870195432, 0, 0.70710678118654761178, 0.49999999999999987642, 0},
    {OP_TANH, -1.3, 0, -0.86172315931330636429, 0.25743319670309401895, 0},
    {OP_TANH, 0.1, 0, 0.099667994624955817118, 0.99006629084743977835, 0},
    {OP_TANH, 3, 0, 0.99505475368673045133, 0.0098660371654401912732, 0},
    {OP_RELU, 2.5, 0, 2.5, 1, 0},
    {OP_RELU, -1.5, 0, 0, 0, 0},
    {OP_RELU, 0, 0, 0, 0, 0},
    {OP_EXP, -1, 0, 0.3678794411714423216, 0.3678794411714423216, 0},
    {OP_EXP, 0.5, 0, 1.6487212707001281468, 1.6487212707001281468, 0},
    {OP_EXP, 3, 0, 20.085536923187667741, 20.085536923187667741, 0},
    {OP_LOG, 0.5, 0, -0.69314718055994530942, 2, 0},
    {OP_LOG, 2, 0, 0.69314718055994530942, 0.5, 0},
    {OP_LOG, 10, 0, 2.302585092994045684, 0.1, 0},
    {OP_SIGMOID, -2, 0, 0.11920292202211755594, 0.10499358540350651735, 0},
    {OP_SIGMOID, 0, 0, 0.5, 0.25, 0},
    {OP_SIGMOID, 1.5, 0, 0.81757447619364365961, 0.1491464520703328565, 0},
    {OP_SIGMOID, -30, 0, 9.3576229688392989538e-14, 9.3576229688384233028e-14, 0},
    {OP_SIGMOID, -740, 0, 4.1887398800480489395e-322, 4.1887398800480489395e-322, 0},
    {OP_SIN, 0.3, 0, 0.29552020666133957511, 0.95533648912560601964, 0},
    {OP_SIN, 2, 0, 0.9092974268256816954, -0.416146836547142387, 0},
    {OP_SIN, -4, 0, 0.75680249530792825137, -0.65364362086361191464, 0},
    {OP_COS, 0.3, 0, 0.95533648912560601964, -0.29552020666133957511, 0},
    {OP_COS, 2, 0, -0.416146836547142387, -0.9092974268256816954, 0},
    {OP_COS, -4, 0, -0.65364362086361191464, -0.75680249530792825137, 0},
    {OP_SQRT, 0.25, 0, 0.5, 1, 0},
    {OP_SQRT, 2, 0, 1.4142135623730950488, 0.3535533905932737622, 0},
    {OP_SQRT, 9, 0, 3, 0.16666666666666666667, 0},
    {OP_ABS, -2.5, 0, 2.5, -1, 0},
    {OP_ABS, 3, 0, 3, 1, 0},
    {OP_ABS, 0, 0, 0, 0, 0},
};
enum { OP_CASES = sizeof op_cases / sizeof op_cases[0] };

/* Relative tolerance against the exact values: a few units in the last
 * place, more where 1 - out*out or the like cancels digits. */
#define EXACT_TOLERANCE 1e-13
#define FD_TOLERANCE 1e-6

/* A point where a finite difference says nothing about the derivative:
 * a kink, or values so small that they are subnormal. */
static int no_finite_difference(const OpCase *c)
{
    return ((c->op == OP_RELU || c->op == OP_ABS) && c->a == 0) ||
           (c->out != 0 && fabs(c->out) < 1e-300);
}

static int is_binary(OpKind kind)
{
    return value_op_info(kind)->arity == 2;
}

/* The graph L = op(a, b) and its gradients from value_backward. */
static void backward_of(const OpCase *c, double *data, double *ga, double *gb)
{
    Value *a = value_leaf(c->a);
    Value *b = !is_binary(c->op) ? NULL
             : c->op == OP_POWC ? value_constant(c->b) : value_leaf(c->b);
    Value *L = value_apply(c->op, a, b, NULL);
    if (!L) {
        *data = *ga = *gb = NAN;
    } else {
        value_backward(L);
        *data = L->data;
        *ga = a->grad;
        *gb = b ? b->grad : 0;
    }
    value_release(L);
    value_release(a);
    value_release(b);
}

static double forward_of(OpKind kind, double a, double b)
{
    double out = NAN;
    if (value_op_info(kind)->forward(a, b, &out) != VALUE_OK)
        return NAN;
    return out;
}

/* Central difference, step scaled to the input. */
static double finite_difference(OpKind kind, double a, double b, int wrt_b)
{
    double x = wrt_b ? b : a;
    double h = 1e-6 * fmax(1, fabs(x));
    double xp = x + h, xm = x - h;
    double fp = wrt_b ? forward_of(kind, a, xp) : forward_of(kind, xp, b);
    double fm = wrt_b ? forward_of(kind, a, xm) : forward_of(kind, xm, b);
    return (fp - fm) / (xp - xm);
}

static int fd_agrees(double grad, double fd)
{
    if (grad == fd)
        return 1;
    return fabs(grad - fd) <= FD_TOLERANCE * fmax(fabs(grad), fabs(fd));
}

static void test_operations(void)
{
    test_begin("ops: every operation has test cases");
    for (int kind = OP_ADD; kind < OP_COUNT; kind++) {
        int n = 0;
        for (size_t i = 0; i < OP_CASES; i++)
            n += op_cases[i].op == (OpKind)kind;
        if (n < 3)
            fail("%s has %d cases", value_op_info((OpKind)kind)->name, n);
    }
    test_end();

    for (int kind = OP_ADD; kind < OP_COUNT; kind++) {
        const OpInfo *info = value_op_info((OpKind)kind);
        const char *name = kind == OP_POWC ? "pow (constant exponent)" : info->name;

        test_begin("ops: %s forward and local derivatives, exact values", name);
        for (size_t i = 0; i < OP_CASES; i++) {
            const OpCase *c = &op_cases[i];
            if (c->op != (OpKind)kind)
                continue;
            double out = NAN, d[2] = {NAN, NAN};
            char what[80];
            ValueStatus status = info->forward(c->a, c->b, &out);
            if (status != VALUE_OK)
                fail("%s(%g, %g): status %d", name, c->a, c->b, status);
            snprintf(what, sizeof what, "%s(%g, %g)", info->name, c->a, c->b);
            expect_close(what, out, c->out, EXACT_TOLERANCE);
            info->derive(c->a, c->b, out, d);
            snprintf(what, sizeof what, "d%s(%g, %g)/da", info->name, c->a, c->b);
            expect_close(what, d[0], c->da, EXACT_TOLERANCE);
            if (is_binary(c->op) && c->op != OP_POWC) {
                snprintf(what, sizeof what, "d%s(%g, %g)/db", info->name, c->a, c->b);
                expect_close(what, d[1], c->db, EXACT_TOLERANCE);
            }
            /* The same numbers through a graph and value_backward. */
            double data, ga, gb;
            backward_of(c, &data, &ga, &gb);
            if (data != out || ga != d[0])
                fail("%s(%g, %g) through backward: data %.17g grad %.17g, "
                     "table %.17g %.17g", info->name, c->a, c->b, data, ga,
                     out, d[0]);
            if (c->op == OP_POWC && gb != 0)
                fail("the constant exponent got gradient %g", gb);
            if (is_binary(c->op) && c->op != OP_POWC && gb != d[1])
                fail("%s(%g, %g) through backward: db %.17g, table %.17g",
                     info->name, c->a, c->b, gb, d[1]);
        }
        test_end();

        test_begin("ops: %s gradients agree with central finite differences", name);
        for (size_t i = 0; i < OP_CASES; i++) {
            const OpCase *c = &op_cases[i];
            if (c->op != (OpKind)kind || no_finite_difference(c))
                continue;
            double data, ga, gb;
            backward_of(c, &data, &ga, &gb);
            double fd = finite_difference(c->op, c->a, c->b, 0);
            if (!fd_agrees(ga, fd))
                fail("%s(%g, %g): d/da %.12g, finite difference %.12g",
                     info->name, c->a, c->b, ga, fd);
            if (is_binary(c->op) && c->op != OP_POWC) {
                fd = finite_difference(c->op, c->a, c->b, 1);
                if (!fd_agrees(gb, fd))
                    fail("%s(%g, %g): d/db %.12g, finite difference %.12g",
                         info->name, c->a, c->b, gb, fd);
            }
        }
        test_end();
    }

    test_begin("ops: limits and edges (sigmoid far out, sqrt and powc at 0, "
               "negative base, -0)");
    {
        double out = NAN, d[2];
        const OpInfo *sig = value_op_info(OP_SIGMOID);
        if (sig->forward(800, 0, &out) != VALUE_OK || out != 1)
            fail("sigmoid(800) = %g", out);
        if (sig->forward(-800, 0, &out) != VALUE_OK || out != 0)
            fail("sigmoid(-800) = %g", out);
        if (sig->forward(-709.5, 0, &out) != VALUE_OK || !(out > 0))
            fail("sigmoid(-709.5) = %g, expected a tiny positive number", out);
        const OpInfo *sq = value_op_info(OP_SQRT);
        sq->forward(0, 0, &out);
        sq->derive(0, 0, out, d);
        if (out != 0 || d[0] != INFINITY)
            fail("sqrt(0) = %g, derivative %g (expected inf)", out, d[0]);
        const OpInfo *pc = value_op_info(OP_POWC);
        pc->forward(0, 0.5, &out);
        pc->derive(0, 0.5, out, d);
        if (out != 0 || d[0] != INFINITY)
            fail("0^0.5 derivative %g (expected inf)", d[0]);
        pc->derive(0, 0, 1, d);
        if (d[0] != 0)
            fail("d 0^0 / da = %g (expected 0)", d[0]);
        /* a^b with a < 0 and integer b: d/db is log of a negative: NaN. */
        const OpInfo *pw = value_op_info(OP_POW);
        if (pw->forward(-2, 3, &out) != VALUE_OK || out != -8)
            fail("pow(-2, 3) = %g", out);
        pw->derive(-2, 3, out, d);
        if (d[0] != 12 || !isnan(d[1]))
            fail("pow(-2, 3): d/da %g, d/db %g (expected 12, nan)", d[0], d[1]);
        pw->derive(0, 0, 1, d);
        if (d[0] != 0 || d[1] != 0)
            fail("pow(0, 0): d %g %g (expected 0 0)", d[0], d[1]);
        pw->derive(0, -0.0, 1, d);
        if (d[1] != 0)
            fail("pow(0, -0) d/db %g", d[1]);
        value_op_info(OP_RELU)->forward(NAN, 0, &out);
        if (!isnan(out))
            fail("relu(nan) = %g", out);
        if (value_op_info(OP_DIV)->forward(1, -0.0, &out) != VALUE_DIV_ZERO)
            fail("1 / -0 is not a division by zero");
    }
    test_end();
}

/* ---- domain errors and overflow ------------------------------------------------ */

static void test_domain_errors(void)
{
    static const struct { OpKind op; double a, b; ValueStatus want; } cases[] = {
        {OP_DIV, 1, 0, VALUE_DIV_ZERO},
        {OP_DIV, 0, 0, VALUE_DIV_ZERO},
        {OP_DIV, -3, -0.0, VALUE_DIV_ZERO},
        {OP_POW, 0, -1, VALUE_DIV_ZERO},
        {OP_POWC, 0, -2, VALUE_DIV_ZERO},
        {OP_POWC, 0, -0.5, VALUE_DIV_ZERO},
        {OP_POW, -8, 1.0 / 3, VALUE_POW_DOMAIN},
        {OP_POWC, -2, 0.5, VALUE_POW_DOMAIN},
        {OP_LOG, 0, 0, VALUE_LOG_DOMAIN},
        {OP_LOG, -1, 0, VALUE_LOG_DOMAIN},
        {OP_SQRT, -1e-300, 0, VALUE_SQRT_DOMAIN},
    };
    test_begin("domain errors return NULL with the right status and leak nothing");
    size_t live = value_live_count();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Value *a = value_leaf(cases[i].a);
        Value *b = is_binary(cases[i].op) ? value_leaf(cases[i].b) : NULL;
        Value *probe = value_leaf(0);
        uint64_t before = value_id(probe);
        value_release(probe);
        ValueStatus status = VALUE_OK;
        Value *v = value_apply(cases[i].op, a, b, &status);
        if (v || status != cases[i].want)
            fail("%s(%g, %g): %s, status %d, expected %d",
                 value_op_info(cases[i].op)->name, cases[i].a, cases[i].b,
                 v ? "a node" : "NULL", status, cases[i].want);
        if (a->refs != 1 || (b && b->refs != 1))
            fail("a failed %s kept a reference to an operand",
                 value_op_info(cases[i].op)->name);
        probe = value_leaf(0);
        if (value_id(probe) != before + 1)
            fail("a failed operation used up an id");
        value_release(probe);
        value_release(v);
        value_release(a);
        value_release(b);
    }
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

static void test_domain_errors_clean(void)
{
    test_begin("a failed operation creates no node and keeps no reference");
    size_t live = value_live_count();
    Value *a = value_leaf(-1), *z = value_leaf(0);
    ValueStatus status = VALUE_OK;
    Value *v = value_apply(OP_LOG, a, NULL, &status);
    if (v || status != VALUE_LOG_DOMAIN || value_live_count() != live + 2)
        fail("log(-1): node %p status %d live %zu", (void *)v, status,
             value_live_count() - live);
    v = value_apply(OP_DIV, a, z, NULL);    /* status may be NULL */
    if (v || a->refs != 1 || z->refs != 1)
        fail("-1/0 made a node or kept a reference");
    value_release(a);
    value_release(z);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();

    test_begin("overflow: exp(1000) makes a node holding inf with status overflow");
    {
        Value *x = value_leaf(1000);
        Value *e = value_apply(OP_EXP, x, NULL, &status);
        if (!e || status != VALUE_OVERFLOW || e->data != INFINITY)
            fail("exp(1000): node %p status %d", (void *)e, status);
        /* Infinite inputs are not an overflow. */
        Value *e2 = e ? value_apply(OP_EXP, e, NULL, &status) : NULL;
        if (!e2 || status != VALUE_OK)
            fail("exp(inf): status %d, expected ok", status);
        Value *big = value_leaf(1e200);
        Value *sq = value_apply(OP_MUL, big, big, &status);
        if (!sq || status != VALUE_OVERFLOW || sq->data != INFINITY)
            fail("1e200*1e200: status %d", status);
        Value *low = value_leaf(-1.7e308);
        Value *m = value_apply(OP_SUB, low, big, &status);
        value_release(low);
        if (!m || status != VALUE_OK)
            fail("-1.7e308 - 1e200: status %d", status);
        double out;
        if (value_op_info(OP_POWC)->forward(10, 400, &out) != VALUE_OVERFLOW)
            fail("10^400 is not an overflow");
        if (value_op_info(OP_DIV)->forward(1, 1e-320, &out) != VALUE_OVERFLOW)
            fail("1/1e-320 is not an overflow");
        if (value_op_info(OP_ADD)->forward(1.7e308, 1.7e308, &out) != VALUE_OVERFLOW)
            fail("1.7e308+1.7e308 is not an overflow");
        value_release(m);
        value_release(sq);
        value_release(big);
        value_release(e2);
        value_release(e);
        value_release(x);
    }
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- small graphs with known gradients ---------------------------------------- */

static void test_shared_nodes(void)
{
    size_t live = value_live_count();

    test_begin("shared: b = a + a gives da = 2");
    {
        Value *a = value_leaf(3);
        Value *b = op(OP_ADD, R(a), R(a));
        value_backward(b);
        expect_close("da", a->grad, 2, 0);
        expect_close("b", b->data, 6, 0);
        value_release(b);
        value_release(a);
    }
    test_end();

    test_begin("shared: a*a gives da = 2a");
    {
        Value *a = value_leaf(-3.5);
        Value *b = op(OP_MUL, R(a), R(a));
        value_backward(b);
        expect_close("da", a->grad, -7, 0);
        value_release(b);
        value_release(a);
    }
    test_end();

    test_begin("shared: d=a*b, e=a+b, f=d*e at a=-2, b=3 gives da=-3, db=-8");
    {
        Value *a = value_leaf(-2), *b = value_leaf(3);
        Value *d = op(OP_MUL, R(a), R(b));
        Value *e = op(OP_ADD, R(a), R(b));
        Value *f = op(OP_MUL, d, e);
        value_backward(f);
        expect_close("f", f->data, -6, 0);
        expect_close("da", a->grad, -3, 0);
        expect_close("db", b->grad, -8, 0);
        value_release(f);
        value_release(a);
        value_release(b);
    }
    test_end();

    test_begin("shared: subtraction's right side gets -1; a - a gets 0");
    {
        Value *a = value_leaf(5), *b = value_leaf(2);
        Value *L = op(OP_SUB, R(a), R(b));
        value_backward(L);
        expect_close("da", a->grad, 1, 0);
        expect_close("db", b->grad, -1, 0);
        value_release(L);
        L = op(OP_SUB, R(a), R(a));
        value_backward(L);
        if (a->grad != 0)
            fail("d(a-a)/da = %g", a->grad);
        value_release(L);
        value_release(a);
        value_release(b);
    }
    test_end();

    test_begin("neuron: o = tanh(x1*w1 + x2*w2 + b) gives the known gradients");
    {
        Value *x1 = named(2, "x1"), *w1 = named(-3, "w1");
        Value *x2 = named(0, "x2"), *w2 = named(1, "w2");
        Value *b = named(6.8813735870195432, "b");
        Value *n = op(OP_ADD, op(OP_ADD, op(OP_MUL, R(x1), R(w1)),
                                 op(OP_MUL, R(x2), R(w2))), R(b));
        set_text_label(n, mem_strdup("n"), 1);
        Value *o = op(OP_TANH, n, NULL);
        set_text_label(o, mem_strdup("o"), 1);
        value_backward(o);
        expect_close("o", o->data, 0.70710678118654752440, 1e-12);
        expect_close("dx1", x1->grad, -1.5, 1e-12);
        expect_close("dw1", w1->grad, 1, 1e-12);
        expect_close("dx2", x2->grad, 0.5, 1e-12);
        expect_close("dw2", w2->grad, 0, 0);
        expect_close("db", b->grad, 0.5, 1e-12);
        value_release(o);
        value_release(x1);
        value_release(w1);
        value_release(x2);
        value_release(w2);
        value_release(b);
    }
    test_end();

    test_begin("shared: nodes are all released");
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* micrograd's README example, operation for operation (1 + c is c + 1 and
 * 3 * d is d * 3 there too). */
static Value *micrograd_example(Value *a, Value *b)
{
    Value *c = op(OP_ADD, R(a), R(b));
    Value *d = op(OP_ADD, op(OP_MUL, R(a), R(b)), op(OP_POWC, R(b), K(3)));
    c = op(OP_ADD, c, op(OP_ADD, R(c), K(1)));
    c = op(OP_ADD, c, op(OP_ADD, op(OP_ADD, R(c), K(1)), op(OP_NEG, R(a), NULL)));
    d = op(OP_ADD, d, op(OP_ADD, op(OP_MUL, R(d), K(2)),
                         op(OP_RELU, op(OP_ADD, R(b), R(a)), NULL)));
    d = op(OP_ADD, d, op(OP_ADD, op(OP_MUL, R(d), K(3)),
                         op(OP_RELU, op(OP_SUB, R(b), R(a)), NULL)));
    Value *e = op(OP_SUB, c, d);
    Value *f = op(OP_POWC, e, K(2));
    Value *g = op(OP_DIV, R(f), K(2));
    g = op(OP_ADD, g, op(OP_DIV, K(10), f));
    return g;
}

static void test_micrograd_example(void)
{
    size_t live = value_live_count();
    test_begin("micrograd README example: g, dg/da, dg/db");
    Value *a = named(-4, "a"), *b = named(2, "b");
    Value *g = micrograd_example(a, b);
    if (!g) {
        fail("an operation failed");
    } else {
        if (value_backward(g) != VALUE_OK)
            fail("backward failed");
        expect_close("g", g->data, 24.704081632653061, 1e-12);
        expect_close("dg/da", a->grad, 138.83381924198250, 1e-12);
        expect_close("dg/db", b->grad, 645.57725947521863, 1e-12);
    }
    test_end();

    test_begin("backward twice gives the same gradients (it zeroes first)");
    {
        double ga = a->grad, gb = b->grad;
        value_backward(g);
        if (a->grad != ga || b->grad != gb)
            fail("second backward: %.17g %.17g, first %.17g %.17g",
                 a->grad, b->grad, ga, gb);
    }
    test_end();

    test_begin("value_zero clears every gradient of the graph");
    {
        ValueList order = {0};
        value_zero(g);
        value_topo(g, &order);
        for (size_t i = 0; i < order.count; i++)
            if (order.items[i]->grad != 0)
                fail("node %zu of %zu has grad %g", i, order.count,
                     order.items[i]->grad);
        value_list_free(&order);
    }
    test_end();

    test_begin("value_forward after changing leaves equals a fresh graph");
    {
        a->data = 3.25;
        b->data = -1.5;
        Value *failed = a;
        ValueStatus status = value_forward(g, &failed);
        Value *a2 = value_leaf(3.25), *b2 = value_leaf(-1.5);
        Value *g2 = micrograd_example(a2, b2);
        if (status != VALUE_OK || failed)
            fail("forward: status %d", status);
        else if (g->data != g2->data)
            fail("forward %.17g, fresh %.17g", g->data, g2->data);
        value_backward(g);
        value_backward(g2);
        if (a->grad != a2->grad || b->grad != b2->grad)
            fail("gradients after forward %.17g %.17g, fresh %.17g %.17g",
                 a->grad, b->grad, a2->grad, b2->grad);
        value_release(g2);
        value_release(a2);
        value_release(b2);
    }
    test_end();

    test_begin("value_zero_all clears every live gradient");
    {
        value_backward(g);
        Value *other = op(OP_MUL, value_leaf(2), value_leaf(3));
        value_backward(other);
        value_release(op(OP_ADD, value_leaf(1), value_leaf(1)));  /* free cells */
        ValueStatus status = value_zero_all();
        ValueList order = {0};
        value_topo(g, &order);
        value_topo(other, &order);
        for (size_t i = 0; i < order.count; i++)
            if (order.items[i]->grad != 0)
                fail("a gradient is %g", order.items[i]->grad);
        if (status != VALUE_OK)
            fail("status %d", status);
        value_list_free(&order);
        value_release(other);
    }
    test_end();

    value_release(g);
    value_release(a);
    value_release(b);
    test_begin("micrograd example: everything released");
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- trace ------------------------------------------------------------------------ */

typedef struct TraceLog {
    const Value *leaf[2];
    double sum[2];
    size_t calls;
    int bad;
} TraceLog;

static void trace_record(void *ctx, const Value *parent, int index,
                         const Value *child, double local, double contribution)
{
    TraceLog *log = ctx;
    log->calls++;
    if (parent->child[index] != child || contribution != parent->grad * local)
        log->bad = 1;
    if (parent->op == OP_POWC && index == 1)
        log->bad = 1;
    for (int i = 0; i < 2; i++)
        if (child == log->leaf[i])
            log->sum[i] += contribution;
}

static void test_trace(void)
{
    test_begin("trace: contributions sum to the gradients, one call per edge");
    Value *a = named(-4, "a"), *b = named(2, "b");
    Value *g = micrograd_example(a, b);
    TraceLog log = {{a, b}, {0, 0}, 0, 0};
    value_backward_trace(g, trace_record, &log);
    if (log.bad)
        fail("a call broke child->grad += parent->grad * local");
    if (log.sum[0] != a->grad || log.sum[1] != b->grad)
        fail("sums %.17g %.17g, gradients %.17g %.17g", log.sum[0],
             log.sum[1], a->grad, b->grad);
    /* Count edges: every child slot of every computed node, POWC's
     * exponent excepted. */
    ValueList order = {0};
    value_topo(g, &order);
    size_t edges = 0;
    for (size_t i = 0; i < order.count; i++) {
        const Value *v = order.items[i];
        edges += v->op == OP_POWC ? 1 : (size_t)value_op_info((OpKind)v->op)->arity;
    }
    if (edges != log.calls)
        fail("%zu calls for %zu edges", log.calls, edges);
    value_list_free(&order);
    value_release(g);
    value_release(a);
    value_release(b);
    test_end();
}

/* ---- topological order ----------------------------------------------------------- */

/* The recursive build_topo as a reference, unrolled with (node, next child)
 * frames: a different method from the engine's. */
static void reference_topo(Value *root, ValueList *out, Value **seen, size_t nseen)
{
    struct { Value *v; int next; } frames[256];
    size_t depth = 0, count = 0;
    frames[depth].v = root;
    frames[depth++].next = 0;
    seen[count++] = root;
    while (depth) {
        Value *v = frames[depth - 1].v;
        int i = frames[depth - 1].next++;
        if (i < 2 && v->child[i]) {
            Value *c = v->child[i];
            int found = 0;
            for (size_t k = 0; k < count; k++)
                found |= seen[k] == c;
            if (!found && count < nseen && depth < 256) {
                seen[count++] = c;
                frames[depth].v = c;
                frames[depth++].next = 0;
            }
            continue;
        }
        if (i >= 2 || !v->child[i]) {
            if (i < 2)
                frames[depth - 1].next = 2;
            value_list_push(out, v);
            depth--;
        }
    }
}

static unsigned long long random_state = 0x9e3779b97f4a7c15ull;

static unsigned random_below(unsigned n)
{
    random_state ^= random_state << 13;
    random_state ^= random_state >> 7;
    random_state ^= random_state << 17;
    return (unsigned)(random_state % n);
}

static void test_topo(void)
{
    test_begin("topo: children in operand order, each node once, root last");
    {
        Value *a = named(2, "a"), *b = named(-3, "b"), *c = named(10, "c");
        Value *ab = op(OP_MUL, R(a), R(b));
        Value *L = op(OP_ADD, R(ab), R(c));
        ValueList order = {0};
        value_topo(L, &order);
        Value *want[] = {a, b, ab, c, L};
        if (order.count != 5)
            fail("%zu nodes", order.count);
        for (size_t i = 0; i < order.count && i < 5; i++)
            if (order.items[i] != want[i])
                fail("position %zu holds the wrong node", i);
        value_list_free(&order);
        /* a + a: one child node twice, listed once. */
        Value *s = op(OP_ADD, R(a), R(a));
        value_topo(s, &order);
        if (order.count != 2 || order.items[0] != a || order.items[1] != s)
            fail("a + a: %zu nodes", order.count);
        value_list_free(&order);
        value_release(s);
        value_release(L);
        value_release(ab);
        value_release(a);
        value_release(b);
        value_release(c);
    }
    test_end();

    test_begin("topo: a node reached first through its parent's left operand");
    {
        /* v = x + y with x = y * 2: y comes before x, x before v. */
        Value *y = value_leaf(1);
        Value *k = value_constant(2);
        Value *x = op(OP_MUL, R(y), R(k));
        Value *v = op(OP_ADD, R(x), R(y));
        ValueList order = {0};
        value_topo(v, &order);
        Value *want[] = {y, k, x, v};
        if (order.count != 4)
            fail("%zu nodes", order.count);
        for (size_t i = 0; i < order.count && i < 4; i++)
            if (order.items[i] != want[i])
                fail("position %zu holds the wrong node", i);
        value_list_free(&order);
        value_release(v);
        value_release(x);
        value_release(k);
        value_release(y);
    }
    test_end();

    test_begin("topo: random DAGs match the recursive order; marks are cleared");
    for (int round = 0; round < 300; round++) {
        enum { MAXN = 60 };
        Value *pool[MAXN];
        int n = 2 + (int)random_below(4);
        for (int i = 0; i < n; i++)
            pool[i] = value_leaf(i);
        int total = n + 1 + (int)random_below(MAXN - n - 1);
        static const OpKind kinds[] = {OP_ADD, OP_MUL, OP_SUB, OP_TANH, OP_NEG};
        for (int i = n; i < total; i++) {
            OpKind kind = kinds[random_below(5)];
            Value *a = pool[random_below((unsigned)i)];
            Value *b = pool[random_below((unsigned)i)];
            pool[i] = value_apply(kind, a, is_binary(kind) ? b : NULL, NULL);
        }
        Value *root = pool[total - 1];
        ValueList got = {0}, want = {0};
        Value *seen[MAXN];
        value_topo(root, &got);
        reference_topo(root, &want, seen, MAXN);
        if (got.count != want.count)
            fail("round %d: %zu nodes, reference %zu", round, got.count, want.count);
        else if (memcmp(got.items, want.items, got.count * sizeof *got.items) != 0)
            fail("round %d: order differs from the recursive one", round);
        for (size_t i = 0; i < got.count; i++)
            if (got.items[i]->flags & (VALUE_MARK1 | VALUE_MARK2))
                fail("round %d: a mark was left set", round);
        /* Appending: a second call adds after what is there. */
        value_topo(root, &got);
        if (got.count != 2 * want.count)
            fail("round %d: topo does not append", round);
        /* Creation order: children have smaller ids. */
        for (size_t i = 0; i < want.count; i++)
            for (int k = 0; k < 2; k++)
                if (want.items[i]->child[k] &&
                    value_id(want.items[i]->child[k]) >= value_id(want.items[i]))
                    fail("a child has a larger id than its parent");
        value_list_free(&got);
        value_list_free(&want);
        for (int i = 0; i < total; i++)
            value_release(pool[i]);
    }
    test_end();
}

/* ---- random compositions against finite differences ----------------------------- */

static Value *bounded(Value *x)
{
    return op(OP_TANH, x, NULL);
}

static Value *positive(Value *x)
{
    return op(OP_EXP, bounded(x), NULL);
}

/* A random expression over leaves[], every operation kept in its domain. */
static Value *random_expression(Value **leaves, int nleaves, int size)
{
    Value *stack[64];
    int depth = 0;
    for (int step = 0; step < size || depth != 1; step++) {
        if (depth < 2 || (step < size && random_below(3) == 0 && depth < 60)) {
            stack[depth++] = R(leaves[random_below((unsigned)nleaves)]);
            continue;
        }
        OpKind kind = (OpKind)(OP_ADD + random_below(OP_COUNT - OP_ADD));
        Value *x;
        if (!is_binary(kind)) {
            Value *a = stack[--depth];
            if (kind == OP_LOG || kind == OP_SQRT)
                a = positive(a);
            else if (kind == OP_EXP)
                a = bounded(a);
            else if (kind == OP_RELU || kind == OP_ABS)
                a = op(OP_ADD, positive(a), K(kind == OP_RELU ? 0.5 : -3));
            x = op(kind, a, NULL);
        } else {
            Value *b = stack[--depth], *a = stack[--depth];
            if (kind == OP_DIV)
                b = positive(b);
            else if (kind == OP_POW)
                a = positive(a), b = bounded(b);
            else if (kind == OP_POWC) {
                value_release(b);
                static const double k[] = {2, 3, -1, 0.5, 1.5, -2.5};
                a = positive(a);
                b = K(k[random_below(6)]);
            }
            x = op(kind, a, b);
        }
        stack[depth++] = x ? x : K(1);
    }
    return stack[0];
}

static void test_random_compositions(void)
{
    test_begin("random compositions of every operation: backward agrees with "
               "finite differences through value_forward");
    size_t live = value_live_count();
    for (int round = 0; round < 200; round++) {
        Value *leaves[3];
        for (int i = 0; i < 3; i++)
            leaves[i] = value_leaf((double)random_below(2000) / 500.0 - 2.0);
        Value *L = random_expression(leaves, 3, 4 + (int)random_below(12));
        value_backward(L);
        for (int i = 0; i < 3; i++) {
            double x = leaves[i]->data, grad = leaves[i]->grad;
            double h = 1e-6 * fmax(1, fabs(x));
            double xp = x + h, xm = x - h, fp, fm;
            leaves[i]->data = xp;
            value_forward(L, NULL);
            fp = L->data;
            leaves[i]->data = xm;
            value_forward(L, NULL);
            fm = L->data;
            leaves[i]->data = x;
            value_forward(L, NULL);
            double fd = (fp - fm) / (xp - xm);
            if (fabs(grad - fd) > 1e-6 * fmax(fabs(grad), 1) && !test_failed)
                fail("round %d leaf %d: grad %.12g, finite difference %.12g",
                     round, i, grad, fd);
        }
        value_release(L);
        for (int i = 0; i < 3; i++)
            value_release(leaves[i]);
    }
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- the kept order --------------------------------------------------------------- */

static int by_id(const void *x, const void *y)
{
    uint64_t a = value_id(*(Value *const *)x), b = value_id(*(Value *const *)y);
    return a < b ? -1 : a > b;
}

/* The uncached algorithms as a reference: the nodes value_topo finds, each
 * through its table row's function pointers, gradients zeroed first and
 * accumulated, as micrograd does, but in creation order (by id): forward
 * oldest first and backward newest first, the order the engine documents,
 * so that when two nodes of a graph fail, both name the older one.
 * Returns forward's status; *failed is the node whose operation failed. */
static ValueStatus reference_forward(Value *root, Value **failed)
{
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order), overflow = VALUE_OK;
    qsort(order.items, order.count, sizeof *order.items, by_id);
    *failed = NULL;
    for (size_t i = 0; status == VALUE_OK && i < order.count; i++) {
        Value *v = order.items[i];
        if (v->op == OP_LEAF)
            continue;
        double out = 0;
        ValueStatus s = value_op_info((OpKind)v->op)->forward(
            v->child[0]->data, v->child[1] ? v->child[1]->data : 0.0, &out);
        if (s == VALUE_OVERFLOW && !*failed) {
            *failed = v;
            overflow = s;
        } else if (s != VALUE_OK && s != VALUE_OVERFLOW) {
            *failed = v;
            status = s;
            break;
        }
        v->data = out;
    }
    value_list_free(&order);
    return status != VALUE_OK ? status : overflow;
}

static void reference_backward(Value *root)
{
    ValueList order = {0};
    value_topo(root, &order);
    qsort(order.items, order.count, sizeof *order.items, by_id);
    for (size_t i = 0; i < order.count; i++)
        order.items[i]->grad = 0;
    root->grad = 1;
    for (size_t i = order.count; i-- > 0;) {
        Value *v = order.items[i];
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        double d[2];
        info->derive(v->child[0]->data, v->child[1] ? v->child[1]->data : 0.0,
                     v->data, d);
        int n = v->op == OP_POWC ? 1 : info->arity;
        for (int k = 0; k < n; k++)
            v->child[k]->grad += v->grad * d[k];
    }
    value_list_free(&order);
}

/* Equal to the bit; a NaN matches any NaN (which of two NaN operands an
 * addition passes on is the processor's choice, and every NaN prints as
 * nan). */
static int same_bits(double x, double y)
{
    return memcmp(&x, &y, sizeof x) == 0 || (isnan(x) && isnan(y));
}

/* A random graph where any node may be an operand of several later ones:
 * each new node takes its first operand among the newest few (so the
 * graph is deep) and its second from anywhere; the root adds the last
 * few. Operations that fail or give NaN are skipped, and a result beyond
 * ±4 goes through tanh, so that most numbers stay finite however deep. */
static Value *random_dag(Value **leaves, int nleaves, int size)
{
    Value **pool = mem_malloc((size_t)(nleaves + size + 8) * sizeof *pool);
    int n = 0;
    for (int i = 0; i < nleaves; i++)
        pool[n++] = R(leaves[i]);
    for (int i = 0; i < size; i++) {
        OpKind kind = (OpKind)(OP_ADD + random_below(OP_COUNT - OP_ADD));
        Value *a = pool[n - 1 - (int)random_below(n < 6 ? (unsigned)n : 6)];
        Value *b = pool[random_below((unsigned)n)];
        /* d/db a^b = a^b ln a is NaN for a < 0, and a NaN would spread
         * to every gradient below. */
        if (kind == OP_POW && !(a->data > 0))
            kind = OP_MUL;
        if (!is_binary(kind))
            b = NULL;
        else if (kind == OP_POWC)
            b = K((double)random_below(5) - 1);
        else
            R(b);
        Value *x = value_apply(kind, a, b, NULL);
        value_release(b);
        if (x && isnan(x->data)) {
            value_release(x);
            x = NULL;
        }
        if (x && !(fabs(x->data) <= 4))
            x = op(OP_TANH, x, NULL);
        if (x)
            pool[n++] = x;
    }
    Value *root = R(pool[n - 1]);
    for (int i = 2; i <= 4 && i <= n; i++)
        root = op(OP_ADD, root, R(pool[n - i]));
    for (int i = 0; i < n; i++)
        value_release(pool[i]);
    free(pool);
    return root;
}

/* A deep network over the inputs, as training builds one: layers of
 * width neurons act(sum_j w_j x_j + b), each neuron's output used by every
 * neuron of the next layer, activations drawn from tanh, sigmoid, sin and
 * relu. Every node is shared, yet the gradients stay finite (random
 * compositions this deep overflow them). The root sums the last layer. */
static Value *random_network(Value **inputs, int ninputs, int width, int depth)
{
    static const OpKind acts[] = {OP_TANH, OP_SIGMOID, OP_SIN, OP_RELU};
    Value *layer[16], *next[16];
    int n = ninputs;
    for (int i = 0; i < n; i++)
        layer[i] = R(inputs[i]);
    for (int d = 0; d < depth; d++) {
        for (int i = 0; i < width; i++) {
            Value *sum = value_leaf((double)random_below(200) / 1000.0 - 0.1);
            for (int j = 0; j < n; j++) {
                double w = ((double)random_below(2001) / 1000.0 - 1) / 3;
                sum = op(OP_ADD, sum, op(OP_MUL, value_leaf(w), R(layer[j])));
            }
            next[i] = op(acts[random_below(4)], sum, NULL);
        }
        for (int j = 0; j < n; j++)
            value_release(layer[j]);
        n = width;
        for (int i = 0; i < n; i++)
            layer[i] = next[i];
    }
    Value *root = layer[0];
    for (int i = 1; i < n; i++)
        root = op(OP_ADD, root, layer[i]);
    return root;
}

/* Writes garbage into every gradient (and, with data, every computed
 * node's data) of root's graph, so that nothing left from before can pass
 * for a result. */
static void scribble(Value *root, int data)
{
    ValueList order = {0};
    value_topo(root, &order);
    for (size_t i = 0; i < order.count; i++) {
        order.items[i]->grad = 1234.5;
        if (data && order.items[i]->op != OP_LEAF)
            order.items[i]->data = -9876.5;
    }
    value_list_free(&order);
}

/* Data and gradient of every node of root's graph, in topological order. */
static double *snapshot(Value *root, size_t *count)
{
    ValueList order = {0};
    value_topo(root, &order);
    double *s = mem_malloc((2 * order.count + 1) * sizeof *s);
    for (size_t i = 0; i < order.count; i++) {
        s[2 * i] = order.items[i]->data;
        s[2 * i + 1] = order.items[i]->grad;
    }
    *count = order.count;
    value_list_free(&order);
    return s;
}

static size_t compared_values, compared_finite, compared_errors;

/* One round: the engine's forward (when asked) and backward, then the
 * reference on scribbled nodes; every data and gradient must agree to the
 * bit. A domain error must be the same error at the same node. */
static void compare_with_reference(Value *root, int forward, const char *what)
{
    Value *failed = NULL, *ref_failed = NULL;
    ValueStatus status = VALUE_OK;
    scribble(root, 0);
    if (forward)
        status = value_forward(root, &failed);
    if (status != VALUE_OK && status != VALUE_OVERFLOW) {
        ValueStatus ref = reference_forward(root, &ref_failed);
        if (ref != status || ref_failed != failed)
            fail("%s: forward failed with %d, the reference with %d (%s node)",
                 what, status, ref, ref_failed == failed ? "same" : "another");
        compared_errors++;
        return;
    }
    if (value_backward(root) != VALUE_OK)
        fail("%s: backward failed", what);
    size_t n, n2;
    double *got = snapshot(root, &n);
    scribble(root, forward);
    ValueStatus ref = forward ? reference_forward(root, &ref_failed) : status;
    reference_backward(root);
    double *want = snapshot(root, &n2);
    if (ref != status || ref_failed != failed)
        fail("%s: forward status %d, the reference's %d", what, status, ref);
    if (n != n2)
        fail("%s: %zu nodes, the reference %zu", what, n, n2);
    for (size_t i = 0; i < 2 * n && n == n2; i++) {
        compared_values++;
        compared_finite += isfinite(got[i]) != 0;
        if (!same_bits(got[i], want[i])) {
            fail("%s: node %zu of %zu: %s %.17g, the reference %.17g", what,
                 i / 2, n, i % 2 ? "grad" : "data", got[i], want[i]);
            break;
        }
    }
    free(got);
    free(want);
}

/* Gaps reused when memory is scarce: pinned nodes spread over many blocks,
 * the rest freed under them, so the pool holds far more cells than live
 * nodes and new nodes go into the gaps. Such nodes (and those over them)
 * are VALUE_SCATTERED, and their graph is ordered by a search sorted by
 * creation: the same order as the sweep's, so forward and backward agree
 * with the reference to the bit, and release frees everything. */
static void test_scattered(void)
{
    enum { PINNED = 4000, SPREAD = 16, STEPS = 20000 };
    test_begin("scattered graphs: nodes made in reused gaps are marked, and "
               "forward and backward over them agree with the reference");
    size_t live = value_live_count();
    Value **all = malloc((size_t)PINNED * SPREAD * sizeof *all);
    Value **pins = malloc(PINNED * sizeof *pins);
    for (size_t i = 0; i < (size_t)PINNED * SPREAD; i++)
        all[i] = value_leaf((double)(i % 97) / 8);
    for (size_t i = 0; i < (size_t)PINNED * SPREAD; i++) {
        if (i % SPREAD == 0)
            pins[i / SPREAD] = all[i];
        else
            value_release(all[i]);
    }
    free(all);
    Value *x = R(pins[0]);
    size_t scattered = 0;
    for (size_t k = 0; k < STEPS; k++) {
        x = op(OP_ADD, op(OP_MUL, x, K(0.5)), R(pins[(k * 7) % PINNED]));
        scattered += (x->flags & VALUE_SCATTERED) != 0;
    }
    if (!scattered || !(x->flags & VALUE_SCATTERED))
        fail("no node was made in a gap (%zu scattered)", scattered);
    compare_with_reference(x, 0, "scattered chain");
    compare_with_reference(x, 1, "scattered chain, forward");
    value_release(x);
    for (size_t i = 0; i < PINNED; i++)
        value_release(pins[i]);
    free(pins);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

static void test_kept_order(void)
{
    size_t live = value_live_count();

    test_begin("kept order: the same root after its leaves change reuses the "
               "order, with the right values");
    {
        Value *x = named(0.5, "x"), *w = named(-1.5, "w"), *b = named(0.25, "b");
        Value *L = op(OP_TANH, op(OP_ADD, op(OP_MUL, R(x), R(w)), R(b)), NULL);
        uint64_t builds = value_order_builds();
        value_backward(L);
        if (value_order_builds() != builds + 1)
            fail("the first backward found the order %llu times",
                 (unsigned long long)(value_order_builds() - builds));
        for (int round = 0; round < 3; round++) {
            x->data += 0.5;
            w->data -= 0.1 * w->grad;
            value_forward(L, NULL);
            value_backward(L);
            double t = tanh(x->data * w->data + b->data), dt = 1 - t * t;
            if (!same_bits(L->data, t) || !same_bits(w->grad, dt * x->data) ||
                !same_bits(x->grad, dt * w->data) || !same_bits(b->grad, dt))
                fail("round %d: L %.17g, dw %.17g (expected %.17g %.17g)",
                     round, L->data, w->grad, t, dt * x->data);
        }
        value_zero(L);
        if (x->grad != 0 || w->grad != 0 || b->grad != 0 || L->grad != 0)
            fail("zero over the kept order left a gradient");
        if (value_order_builds() != builds + 1)
            fail("forward, backward and zero on the same root found the "
                 "order %llu times", (unsigned long long)(value_order_builds() - builds));

        test_end();
        test_begin("kept order: a new root over the old graph gets its own "
                   "order; asking for the old root again finds it again");
        builds = value_order_builds();
        Value *L2 = op(OP_ADD, R(L), R(x));   /* x now has a second parent */
        value_backward(L2);
        double t = L->data, dt = 1 - t * t;
        if (value_order_builds() != builds + 1)
            fail("L2 = L + x reused L's order");
        if (!same_bits(x->grad, dt * w->data + 1) || L2->grad != 1 || L->grad != 1)
            fail("dL2/dx %.17g, expected %.17g", x->grad, dt * w->data + 1);
        value_backward(L);
        if (value_order_builds() != builds + 2)
            fail("back on L: the order was not found again");
        if (!same_bits(x->grad, dt * w->data))
            fail("dL/dx %.17g after L2's backward, expected %.17g", x->grad,
                 dt * w->data);
        value_release(L2);
        value_release(L);
        value_release(x);
        value_release(w);
        value_release(b);
    }
    test_end();

    test_begin("kept order: a root freed and its cell reused gets a fresh order");
    {
        Value *a = named(2, "a"), *b = named(3, "b"), *c = named(5, "c");
        Value *m = op(OP_MUL, R(a), R(b));
        Value *L = op(OP_MUL, R(m), R(a));
        value_backward(L);                 /* da = 2ab = 12, db = a^2 = 4 */
        Value *cell = L;
        uint64_t builds = value_order_builds();
        value_release(L);                  /* only L's cell is freed */
        Value *N = op(OP_ADD, R(c), R(c));  /* takes the freed cell */
        if (N != cell)
            fail("the freed cell was not reused (test setup)");
        value_backward(N);
        if (value_order_builds() != builds + 1)
            fail("the new node in the old root's cell reused its order");
        if (c->grad != 2 || a->grad != 12 || b->grad != 4 || m->grad != 2)
            fail("dN/dc %g (expected 2); a, b, m grads %g %g %g (expected 12 "
                 "4 2, untouched)", c->grad, a->grad, b->grad, m->grad);
        value_release(N);
        value_release(m);
        value_release(a);
        value_release(b);
        value_release(c);
    }
    test_end();

    test_begin("kept order: its memory goes with its root (a large one is "
               "given back, a small one kept for reuse)");
    {
        Value *x = value_leaf(0.1), *L = R(x);
        /* more than the 8 MiB (a million nodes) the engine keeps */
        for (int i = 0; i < 1100000; i++)
            L = op(OP_ADD, L, R(x));
        value_backward(L);
        size_t held = value_order_bytes();
        if (held < 1100000 * sizeof(Value *))
            fail("the order of 1100000 computed nodes holds %zu bytes", held);
        if (x->grad != 1100001)
            fail("dL/dx = %g", x->grad);
        value_release(L);
        if (value_order_bytes() != 0)
            fail("%zu bytes held after the root went", value_order_bytes());
        L = op(OP_MUL, R(x), R(x));
        value_backward(L);
        value_release(L);
        if (value_order_bytes() == 0 || value_order_bytes() >= (1 << 23))
            fail("a small order holds %zu bytes after its root went",
                 value_order_bytes());
        value_release(x);
    }
    test_end();

    test_begin("kept order: forward and backward agree with the uncached "
               "algorithms to the bit on random graphs with shared nodes");
    {
        for (int graph = 0; graph < 240 && !test_failed; graph++) {
            Value *leaves[4];
            for (int i = 0; i < 4; i++)
                leaves[i] = value_leaf((double)random_below(2000) / 500.0 - 2.0);
            /* A few graphs larger than a slice of the passes. */
            Value *L = graph % 40 == 0 ? random_network(leaves, 4, 8, 100)
                     : random_dag(leaves, 4, 3 + (int)random_below(60));
            char what[80];
            uint64_t builds = value_order_builds();
            snprintf(what, sizeof what, "graph %d, first backward", graph);
            compare_with_reference(L, 0, what);
            for (int round = 1; round < 4; round++) {
                for (int i = 0; i < 4; i++)
                    leaves[i]->data += (double)random_below(200) / 400.0 - 0.25;
                if (round == 2)
                    value_zero(leaves[0]);   /* another root: L's order goes */
                snprintf(what, sizeof what, "graph %d, round %d", graph, round);
                compare_with_reference(L, 1, what);
            }
            if (value_order_builds() != builds + 3)
                fail("graph %d: the order was found %llu times, expected 3 "
                     "(L, the leaf, L again)", graph,
                     (unsigned long long)(value_order_builds() - builds));
            value_release(L);
            for (int i = 0; i < 4; i++)
                value_release(leaves[i]);
        }
        comment("%zu data and gradients compared, %zu of them finite; %zu "
                "rounds stopped by the same domain error", compared_values,
                compared_finite, compared_errors);
        if (compared_finite < compared_values / 2)
            fail("most values compared are not finite: the graphs say little");
    }
    test_end();

    test_begin("kept order: every node released");
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- forward's errors -------------------------------------------------------------- */

static void test_forward_errors(void)
{
    test_begin("value_forward reports the failing node of a domain error");
    {
        Value *x = value_leaf(2);
        Value *l = op(OP_LOG, R(x), NULL);
        Value *L = op(OP_MUL, R(l), K(3));
        x->data = -1;
        Value *failed = NULL;
        ValueStatus status = value_forward(L, &failed);
        if (status != VALUE_LOG_DOMAIN || failed != l)
            fail("status %d, failed node %s", status,
                 failed == l ? "the log" : "another");
        x->data = 1;
        if (value_forward(L, &failed) != VALUE_OK || failed || L->data != 0)
            fail("after fixing the leaf: %g", L->data);
        value_release(L);
        value_release(l);
        value_release(x);
    }
    test_end();

    test_begin("value_forward reports overflow, keeps going, stores inf");
    {
        Value *x = value_leaf(1);
        Value *e = op(OP_EXP, R(x), NULL);
        Value *L = op(OP_ADD, R(e), K(1));
        x->data = 1000;
        Value *failed = NULL;
        ValueStatus status = value_forward(L, &failed);
        if (status != VALUE_OVERFLOW || failed != e || L->data != INFINITY)
            fail("status %d, L = %g", status, L->data);
        value_release(L);
        value_release(e);
        value_release(x);
    }
    test_end();
}

/* ---- interrupts -------------------------------------------------------------------- */

static volatile sig_atomic_t interrupt_raised;

static void raise_on_first_call(void *ctx, const Value *parent, int index,
                                const Value *child, double local,
                                double contribution)
{
    (void)ctx, (void)parent, (void)index, (void)child, (void)local,
        (void)contribution;
    interrupt_raised = 1;
}

static int marks_clear(Value *root)
{
    ValueList order = {0};
    int clear = value_topo(root, &order) == VALUE_OK;
    for (size_t i = 0; i < order.count; i++)
        clear &= !(order.items[i]->flags & (VALUE_MARK1 | VALUE_MARK2));
    value_list_free(&order);
    return clear;
}

static void test_interrupt(void)
{
    test_begin("interrupt: a raised flag stops topo, backward, zero, forward");
    size_t live = value_live_count();
    value_set_interrupt_flag(&interrupt_raised);
    Value *x = value_leaf(0.5), *c = value_constant(1e-6);
    Value *L = R(x);
    for (int i = 0; i < 200000; i++)
        L = op(OP_ADD, L, R(c));
    interrupt_raised = 1;
    ValueList order = {0};
    if (value_topo(L, &order) != VALUE_INTERRUPTED || order.count)
        fail("topo: not interrupted, or a partial list (%zu)", order.count);
    if (value_backward(L) != VALUE_INTERRUPTED)
        fail("backward was not interrupted");
    if (value_zero(L) != VALUE_INTERRUPTED)
        fail("zero was not interrupted");
    if (value_forward(L, NULL) != VALUE_INTERRUPTED)
        fail("forward was not interrupted");
    if (value_zero_all() != VALUE_INTERRUPTED)
        fail("zero_all was not interrupted");
    interrupt_raised = 0;
    if (!marks_clear(L))
        fail("marks left set after an interrupted traversal");
    /* Raised during propagation (the trace raises it). */
    if (value_backward_trace(L, raise_on_first_call, NULL) != VALUE_INTERRUPTED)
        fail("propagation was not interrupted");
    interrupt_raised = 0;
    if (value_backward(L) != VALUE_OK || x->grad != 1)
        fail("backward after the interrupt: grad %g", x->grad);
    value_release(L);
    value_release(x);
    value_release(c);
    value_set_interrupt_flag(NULL);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- backward and release at once ------------------------------------------ */

static void test_backward_release(void)
{
    test_begin("backward and release at once: backward's gradients to the "
               "bit, the graph freed, a node still held kept");
    size_t live = value_live_count();
    Value *other = value_leaf(1);
    for (int round = 0; round < 300 && !test_failed; round++) {
        Value *leaves[3];
        for (int i = 0; i < 3; i++)
            leaves[i] = value_leaf((double)random_below(2000) / 500.0 - 2.0);
        Value *L = random_dag(leaves, 3, 2 + (int)random_below(60));
        /* Some rounds hold a node inside the graph, labelled (the label
         * goes back through the hook when that node goes). */
        Value *held = round % 3 == 0 && L->op != OP_LEAF ? R(L->child[0]) : NULL;
        if (held && round % 2 == 0)
            set_text_label(held, mem_strdup("held"), 1);
        set_text_label(L, mem_strdup("L"), 0);
        value_backward(L);
        double want[3], want_held = held ? held->grad : 0;
        for (int i = 0; i < 3; i++)
            want[i] = leaves[i]->grad;
        value_backward(other);   /* L has no kept order: the sweep runs */
        if (value_backward_release(L) != VALUE_OK)
            fail("round %d: not VALUE_OK", round);
        for (int i = 0; i < 3; i++)
            if (!same_bits(leaves[i]->grad, want[i]))
                fail("round %d leaf %d: grad %.17g, backward gave %.17g",
                     round, i, leaves[i]->grad, want[i]);
        if (held && !same_bits(held->grad, want_held))
            fail("round %d: the held node's grad %.17g, backward gave %.17g",
                 round, held->grad, want_held);
        if (!held && value_live_count() != live + 4)
            fail("round %d: %zu nodes left", round, value_live_count() - live - 4);
        if (held) {
            value_backward(held);   /* what it holds is whole */
            value_release(held);
        }
        for (int i = 0; i < 3; i++)
            value_release(leaves[i]);
        if (value_live_count() != live + 1)
            fail("round %d: %zu nodes left", round, value_live_count() - live - 1);
    }
    test_end();

    test_begin("backward and release at once: a root held elsewhere, or "
               "with a kept order, stays; an interrupt still frees the graph");
    {
        Value *x = value_leaf(0.5), *c = value_constant(0.25);
        Value *L = op(OP_MUL, op(OP_ADD, R(x), R(c)), R(x));
        value_backward(L);
        value_retain(L);
        if (value_backward_release(L) != VALUE_OK || L->refs != 1 ||
            !same_bits(x->grad, 2 * 0.5 + 0.25))
            fail("held root: refs %u, dx %.17g", L->refs, x->grad);
        Value *L2 = op(OP_ADD, R(L), R(c));
        value_backward(L2);   /* L2 is the kept order's root */
        if (value_backward_release(L2) != VALUE_OK || value_live_count() != live + 5)
            fail("kept root: %zu nodes", value_live_count() - live);
        value_release(L);
        value_set_interrupt_flag(&interrupt_raised);
        L = R(x);
        for (int i = 0; i < 300000; i++)
            L = op(OP_ADD, L, R(c));
        interrupt_raised = 1;
        if (value_backward_release(L) != VALUE_INTERRUPTED)
            fail("not interrupted");
        interrupt_raised = 0;
        value_set_interrupt_flag(NULL);
        if (value_live_count() != live + 3)
            fail("interrupted: %zu nodes left", value_live_count() - live - 3);
        value_release(x);
        value_release(c);
    }
    value_release(other);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* A node released frees what dies with it by a sweep down the cells,
 * which marks a dying child in any block up to 64 blocks below the one it
 * sweeps, and leaves one further down to a sweep of its own: both free
 * the whole of a dying chain and keep what is held. */
static void test_release_reach(void)
{
    test_begin("release: a dying chain just below and more than 64 blocks "
               "below its parent is freed whole; what is held stays");
    size_t live = value_live_count();
    for (int far = 0; far < 2 && !test_failed; far++) {
        Value *x = value_leaf(2);
        Value *chain = R(x);
        for (int i = 0; i < 10; i++)
            chain = op(i % 2 ? OP_MUL : OP_ADD, chain, R(x));
        Value *keep = op(OP_ADD, R(x), value_constant(1));
        size_t n = far ? 70 * 4700 : 100;   /* 70 blocks of 48- or 56-byte
                                               nodes, or a few */
        Value **fill = malloc(n * sizeof *fill);
        for (size_t i = 0; i < n; i++)
            fill[i] = value_leaf((double)i);
        Value *p = op(OP_ADD, chain, R(keep));
        value_backward(p);
        double dx = x->grad;
        value_release(p);
        if (value_live_count() != live + 3 + n)
            fail("%s: %zu nodes alive, want %zu", far ? "far" : "near",
                 value_live_count() - live, 3 + n);
        if (keep->refs != 1 || !same_bits(keep->data, 3) || dx <= 0)
            fail("%s: the held node: refs %u, data %.17g; dx %.17g",
                 far ? "far" : "near", keep->refs, keep->data, dx);
        for (size_t i = 0; i < n; i++)
            value_release(fill[i]);
        free(fill);
        value_release(keep);
        value_release(x);
        if (value_live_count() != live)
            fail("%s: %zu nodes left", far ? "far" : "near",
                 value_live_count() - live);
    }
    test_end();
}

static void test_interrupt_kept_order(void)
{
    test_begin("interrupt: passes over a kept order stop between slices and "
               "leave the order whole, marks clear");
    size_t live = value_live_count();
    value_set_interrupt_flag(&interrupt_raised);
    /* Large enough for several slices of a pass, small enough that finding
     * the order polls the flag no time: the first backward is stopped in
     * its pass, after the order was found. */
    enum { STEPS = 15000 };
    Value *x = value_leaf(0.5), *L = R(x);
    for (int i = 0; i < STEPS; i++)
        L = op(OP_ADD, L, R(x));
    uint64_t builds = value_order_builds();
    interrupt_raised = 1;
    if (value_backward(L) != VALUE_INTERRUPTED)
        fail("the first backward was not interrupted");
    interrupt_raised = 0;
    /* Walked by hand: a search would stop at marked nodes and not see them. */
    for (Value *v = L; v; v = v->child[0])
        if ((v->flags | x->flags) & (VALUE_MARK1 | VALUE_MARK2)) {
            fail("marks left set by the interrupted first backward");
            break;
        }
    if (value_backward(L) != VALUE_OK || x->grad != STEPS + 1)
        fail("backward after the interrupt: dL/dx %g, expected %d", x->grad,
             STEPS + 1);
    interrupt_raised = 1;
    if (value_forward(L, NULL) != VALUE_INTERRUPTED)
        fail("forward over the kept order was not interrupted");
    if (value_backward(L) != VALUE_INTERRUPTED)
        fail("backward over the kept order was not interrupted");
    if (value_zero(L) != VALUE_INTERRUPTED)
        fail("zero over the kept order was not interrupted");
    interrupt_raised = 0;
    x->data = 2;
    if (value_forward(L, NULL) != VALUE_OK || L->data != 2.0 * (STEPS + 1))
        fail("forward after the interrupts: %g", L->data);
    if (value_backward(L) != VALUE_OK || x->grad != STEPS + 1)
        fail("backward after the interrupts: dL/dx %g", x->grad);
    if (value_order_builds() != builds + 1)
        fail("the order was found %llu times, expected once",
             (unsigned long long)(value_order_builds() - builds));
    value_release(L);
    value_release(x);
    value_set_interrupt_flag(NULL);
    if (value_live_count() != live)
        fail("%zu nodes left", value_live_count() - live);
    test_end();
}

/* ---- large graphs, in a thread with a small stack ---------------------------------- */

static size_t big_size = 10000000;

/* Five million nodes as a network of neurons would make them, 3 nodes a
 * step, x = tanh(x*w + b): built, differentiated and released twice, the
 * first time on fresh memory, the second on the pool's recycled cells. */
static void test_speed(void)
{
    size_t nodes = big_size / 2, steps = nodes / 3;
    test_begin("speed: %zu nodes built, differentiated, released (twice)",
               3 * steps);
    size_t live = value_live_count();
    for (int round = 0; round < 2; round++) {
        long rss0 = max_rss_kib();
        double t0 = seconds();
        Value *w = value_leaf(0.9), *b = value_leaf(0.1), *x = value_leaf(0.2);
        Value *cur = R(x);
        for (size_t i = 0; i < steps; i++)
            cur = op(OP_TANH, op(OP_ADD, op(OP_MUL, cur, R(w)), R(b)), NULL);
        double t1 = seconds();
        ValueStatus status = value_backward(cur);
        double t2 = seconds();
        long rss1 = max_rss_kib();
        value_release(cur);
        double t3 = seconds();
        if (status != VALUE_OK || !(w->grad > 0) || !(b->grad > 0))
            fail("backward: status %d, dw %g, db %g", status, w->grad, b->grad);
        value_release(w);
        value_release(b);
        value_release(x);
        if (value_live_count() != live)
            fail("%zu nodes left", value_live_count() - live);
        if (round == 0)
            comment("%zu nodes, fresh memory: build %.3f s, backward %.3f s "
                    "(together %.3f s), release %.3f s; peak %.1f bytes/node",
                    3 * steps, t1 - t0, t2 - t1, t2 - t0, t3 - t2,
                    (double)(rss1 - rss0) * 1024.0 / (double)(3 * steps));
        else
            comment("%zu nodes, recycled cells: build %.3f s, backward %.3f s "
                    "(together %.3f s), release %.3f s", 3 * steps, t1 - t0,
                    t2 - t1, t2 - t0, t3 - t2);
    }
    test_end();
}

static void test_deep_chain(void)
{
    size_t steps = big_size / 3;
    const double k = 0.5;
    test_begin("deep chain: %zu nodes deep, x = tanh(x*0.5 + w): topo, "
               "backward, forward, zero, release", 3 * steps + 1);
    size_t live = value_live_count();
    double t0 = seconds();
    Value *w = value_leaf(0.3), *c = value_constant(k), *x0 = value_leaf(0.1);
    Value *x = R(x0);
    for (size_t i = 0; i < steps; i++)
        x = op(OP_TANH, op(OP_ADD, op(OP_MUL, x, R(c)), R(w)), NULL);
    double t1 = seconds();

    ValueList order = {0};
    ValueStatus status = value_topo(x, &order);
    double t2 = seconds();
    if (status != VALUE_OK || order.count != 3 * steps + 3 ||
        order.items[order.count - 1] != x || order.items[0] != x0)
        fail("topo: status %d, %zu nodes", status, order.count);
    value_list_free(&order);

    status = value_backward(x);
    double t3 = seconds();
    /* The same chain rule by hand, step by step from the top. */
    double *y = mem_malloc(steps * sizeof *y);
    double xv = 0.1;
    for (size_t i = 0; i < steps; i++)
        xv = y[i] = tanh(xv * k + 0.3);
    double gx = 1, gw = 0;
    for (size_t i = steps; i-- > 0;) {
        double t = gx * (1 - y[i] * y[i]);
        gw += t;
        gx = t * k;
    }
    if (status != VALUE_OK || w->grad != gw || x0->grad != gx || x->grad != 1)
        fail("backward: status %d, dw %.17g (expected %.17g), dx0 %g", status,
             w->grad, gw, x0->grad);

    w->data = -0.2;
    double t4 = seconds();
    status = value_forward(x, NULL);
    double t5 = seconds();
    xv = 0.1;
    for (size_t i = 0; i < steps; i++)
        xv = tanh(xv * k + -0.2);
    if (status != VALUE_OK || x->data != xv)
        fail("forward: status %d, %.17g, expected %.17g", status, x->data, xv);
    free(y);

    status = value_zero(x);
    double t6 = seconds();
    if (status != VALUE_OK || w->grad != 0 || x->grad != 0 || c->grad != 0)
        fail("zero: status %d", status);

    value_release(x);
    double t7 = seconds();
    value_release(w);
    value_release(c);
    value_release(x0);
    if (value_live_count() != live)
        fail("release: %zu nodes left", value_live_count() - live);
    comment("chain %zu deep: build %.3f s, topo %.3f s, backward %.3f s, "
            "forward %.3f s, zero %.3f s, release %.3f s", 3 * steps + 1,
            t1 - t0, t2 - t1, t3 - t2, t5 - t4, t6 - t5, t7 - t6);
    test_end();
}

static void test_wide_graph(void)
{
    size_t m = big_size / 3;
    test_begin("wide graph: %zu nodes fanning into one root: topo, backward, "
               "forward, zero, release", 3 * m);
    size_t live = value_live_count();
    double t0 = seconds();
    Value *x = value_leaf(1.5);
    Value **leaves = mem_malloc(m * sizeof *leaves);
    Value **level = mem_malloc(m * sizeof *level);
    double sum = 0;
    for (size_t i = 0; i < m; i++) {
        leaves[i] = value_leaf((double)(i % 7) - 3);
        sum += leaves[i]->data;
        level[i] = op(OP_MUL, R(leaves[i]), R(x));
    }
    /* Pairwise sums, level by level, down to one root. */
    for (size_t n = m; n > 1;) {
        size_t half = 0;
        for (size_t i = 0; i + 1 < n; i += 2)
            level[half++] = op(OP_ADD, level[i], level[i + 1]);
        if (n % 2)
            level[half++] = level[n - 1];
        n = half;
    }
    Value *root = level[0];
    free(level);
    double t1 = seconds();

    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    double t2 = seconds();
    if (status != VALUE_OK || order.count != 3 * m)
        fail("topo: status %d, %zu nodes, expected %zu", status, order.count, 3 * m);
    value_list_free(&order);

    status = value_backward(root);
    double t3 = seconds();
    if (status != VALUE_OK || x->grad != sum || leaves[0]->grad != 1.5 ||
        leaves[m - 1]->grad != 1.5 || root->data != sum * 1.5)
        fail("backward: status %d, dx %.17g (expected %.17g)", status, x->grad, sum);

    x->data = 2;
    status = value_forward(root, NULL);
    double t4 = seconds();
    if (status != VALUE_OK || root->data != sum * 2)
        fail("forward: %.17g, expected %.17g", root->data, sum * 2);

    status = value_zero(root);
    double t5 = seconds();
    if (status != VALUE_OK || x->grad != 0 || leaves[m / 2]->grad != 0)
        fail("zero: status %d", status);

    for (size_t i = 0; i < m; i++)
        value_release(leaves[i]);
    free(leaves);
    value_release(x);
    double t6 = seconds();
    value_release(root);
    double t7 = seconds();
    if (value_live_count() != live)
        fail("release: %zu nodes left", value_live_count() - live);
    comment("wide graph %zu nodes: build %.3f s, topo %.3f s, backward %.3f s, "
            "forward %.3f s, zero %.3f s, release %.3f s", 3 * m, t1 - t0,
            t2 - t1, t3 - t2, t4 - t3, t5 - t4, t7 - t6);
    test_end();
}

/* Run with no node alive: value_free_all() frees every node there is. */
static void test_free_all(void)
{
    test_begin("free all: every node goes at once, labels with them; "
               "references still held are then released at no cost");
    /* Several blocks of cells, labels, shared nodes, a kept order, and
     * freed cells in between (whose labels are already gone). */
    Value *x = named(0.5, "x"), *w = named(-0.25, "w");
    Value *L = R(x);
    for (int i = 0; i < 10000; i++) {
        L = op(OP_TANH, op(OP_ADD, op(OP_MUL, L, R(w)), R(x)), NULL);
        if (i % 3 == 0)
            set_text_label(L, mem_strdup("tanh(x*w + x)"), 0);
        value_release(op(OP_ADD, named(1, "gone"), K(2)));
    }
    value_backward(L);
    uint64_t builds = value_order_builds();
    value_free_all();
    if (value_live_count() != 0)
        fail("%zu nodes alive after value_free_all", value_live_count());
    /* Released more times than they were ever retained, dropped nodes
     * free nothing (valgrind and AddressSanitizer would see a double
     * free or a touch of freed memory). */
    value_release(L);
    value_release(w);
    if (value_retain(x) != x)
        fail("value_retain after value_free_all");
    for (int i = 0; i < 3; i++)
        value_release(x);
    if (value_live_count() != 0)
        fail("releasing dropped nodes changed the live count");
    /* The pool works again, and nothing is kept from before. */
    Value *a = named(2, "a");
    Value *b = op(OP_MUL, R(a), K(3));
    if (value_backward(b) != VALUE_OK || a->grad != 3 || b->data != 6)
        fail("a graph after value_free_all: dL/da %g", a->grad);
    if (value_order_builds() != builds + 1)
        fail("the order kept before value_free_all was used after it");
    value_release(b);
    value_release(a);
    if (value_live_count() != 0)
        fail("%zu nodes alive at the end", value_live_count());
    test_end();
}

static void *large_graphs(void *unused)
{
    (void)unused;
    test_speed();
    test_deep_chain();
    test_wide_graph();
    return NULL;
}

static void run_in_small_stack(void *(*fn)(void *))
{
    pthread_attr_t attr;
    pthread_t thread;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    if (pthread_create(&thread, &attr, fn, NULL) != 0) {
        test_begin("large graphs in a thread with a 256 KiB stack");
        fail("could not start the thread");
        test_end();
    } else {
        pthread_join(thread, NULL);
    }
    pthread_attr_destroy(&attr);
}

int main(void)
{
    test_labels_init();
    const char *size = getenv("MGRAD_TEST_CHAIN");
    if (size && atol(size) >= 300)
        big_size = (size_t)atol(size);

    test_table();
    test_construction();
    test_operations();
    test_domain_errors();
    test_domain_errors_clean();
    test_shared_nodes();
    test_micrograd_example();
    test_trace();
    test_topo();
    test_random_compositions();
    test_forward_errors();
    test_kept_order();
    test_scattered();
    test_interrupt();
    test_interrupt_kept_order();
    test_backward_release();
    test_release_reach();
    run_in_small_stack(large_graphs);

    test_begin("reference counting: no node alive at the end");
    if (value_live_count() != 0)
        fail("%zu nodes alive", value_live_count());
    test_end();
    test_free_all();
    value_shutdown();
    return 0;
}
