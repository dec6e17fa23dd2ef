/*
 * tests/unit/calculus_test.c — the engine's calculus (engine/calculus.c)
 * without the language or the views:
 *   - the gradient check over every operation at leaf values from 1e-300 to
 *     1e300, both signs: backward's gradient is never a FAIL, and where the
 *     difference resolves the derivative it is ok;
 *   - wrong gradients handed in are a FAIL wherever the right one was ok;
 *   - kinks belong only to the leaves that move a relu or abs input across
 *     its kink;
 *   - the verdict rules on their own (calculus_judge);
 *   - sampling gives backward's slope, skips undefined points, stops on an
 *     interrupt, and puts every number back.
 *
 * Output follows the suite protocol: one ok / not ok line per check, exit
 * status 0.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/report.h"
#include "engine/calculus.h"
#include "engine/value.h"
#include "util/mem.h"
#include "tests/unit/test_labels.h"

static const char *const verdict_name[CALCULUS_VERDICTS] = {
    "ok", "FAIL", "kink", "inconclusive", "undefined", "not finite"};

static void result(int ok, const char *name, const char *why)
{
    report("calculus", ok, name, why);
}

static Value *leaf(double data, const char *name)
{
    Value *v = value_leaf(data);
    set_text_label(v, mem_strdup(name), 1);
    return v;
}

/* Applies op and drops the caller's references to a and b. */
static Value *apply(OpKind op, Value *a, Value *b)
{
    ValueStatus status;
    Value *v = value_apply(op, a, b, &status);
    value_release(a);
    if (b)
        value_release(b);
    return v;
}

/* ---- one operation at one point --------------------------------------------- */

typedef struct Case {
    OpKind op;
    double a, b;        /* b: the second operand, or POWC's exponent */
} Case;

typedef struct Outcome {
    int built;          /* defined and finite there */
    double value;       /* L there */
    size_t count;       /* leaves checked: a, then b */
    CalculusCheck rows[2];
} Outcome;

/* Checks op(a, b) for its leaves; grads (when not NULL) are judged instead
 * of backward's. */
static Outcome check_case(Case c, const double *grads)
{
    Outcome o = {0};
    const OpInfo *info = value_op_info(c.op);
    Value *a = leaf(c.a, "a"), *b = NULL;
    if (info->arity == 2)
        b = c.op == OP_POWC ? value_constant(c.b) : leaf(c.b, "b");
    Value *L = value_apply(c.op, a, b, NULL);
    if (L && isfinite(L->data)) {
        o.built = 1;
        o.value = L->data;
        o.rows[o.count++].leaf = a;
        if (b && c.op != OP_POWC)
            o.rows[o.count++].leaf = b;
        if (grads) {
            for (size_t i = 0; i < o.count; i++)
                o.rows[i].grad = grads[i];
            calculus_check_given(L, o.rows, o.count);
        } else {
            calculus_check(L, o.rows, o.count);
        }
    }
    value_release(L);
    value_release(a);
    value_release(b);
    return o;
}

static void describe(char *buf, size_t size, Case c, const CalculusCheck *row,
                     size_t which)
{
    snprintf(buf, size, "%s(%.17g, %.17g) d/d%s: grad %.17g, numeric %.17g "
             "(uncertainty %.3g), %s", value_op_info(c.op)->name, c.a, c.b,
             which ? "b" : "a", row->grad, row->numeric, row->uncertainty,
             verdict_name[row->verdict]);
}

/* ---- every operation at every magnitude --------------------------------------- */

static const double magnitudes[] = {1e-300, 1e-100, 1e-8, 1e-5, 0.3, 1, 7,
                                    1e5, 1e8, 1e15, 1e100, 1e300};

/* Every case of the sweep: each op with its leaf at ±each magnitude; a
 * binary op against moderate partners either way round and against itself;
 * a constant power with several exponents. Returns the count. */
static size_t all_cases(Case *out)
{
    static const double exponents[] = {2, 3, -1, 0.5, -2.5, 1.7};
    static const double partners[] = {0.75, -1.25, 3};
    size_t n = 0;
    for (int op = OP_ADD; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        for (size_t m = 0; m < sizeof magnitudes / sizeof *magnitudes; m++)
            for (int sign = -1; sign <= 1; sign += 2) {
                double x = sign * magnitudes[m];
                if (info->arity == 1) {
                    out[n++] = (Case){(OpKind)op, x, 0};
                } else if (op == OP_POWC) {
                    for (size_t k = 0; k < 6; k++)
                        out[n++] = (Case){(OpKind)op, x, exponents[k]};
                } else {
                    for (size_t k = 0; k < 3; k++) {
                        out[n++] = (Case){(OpKind)op, x, partners[k]};
                        out[n++] = (Case){(OpKind)op, partners[k], x};
                    }
                    out[n++] = (Case){(OpKind)op, x, x};
                    out[n++] = (Case){(OpKind)op, x, -x};
                }
            }
    }
    return n;
}

static void test_sweep(void)
{
    Case *cases = mem_malloc(4096 * sizeof *cases);
    size_t n = all_cases(cases);
    size_t tally[CALCULUS_VERDICTS] = {0}, checked = 0;
    size_t wrong_tried = 0, wrong_missed = 0, wrong_untestable = 0;
    char first_fail[400] = "", first_missed[400] = "";
    for (size_t i = 0; i < n; i++) {
        Outcome o = check_case(cases[i], NULL);
        if (!o.built)
            continue;
        for (size_t r = 0; r < o.count; r++) {
            checked++;
            tally[o.rows[r].verdict]++;
            if (o.rows[r].verdict == CALCULUS_FAIL && !first_fail[0])
                describe(first_fail, sizeof first_fail, cases[i], &o.rows[r], r);
        }
        /* Where backward's gradient was ok, wrong ones must be caught:
         * 1% off, the wrong sign, zero, and (for a zero gradient) one. */
        for (size_t r = 0; r < o.count; r++) {
            if (o.rows[r].verdict != CALCULUS_OK)
                continue;
            double g = o.rows[r].grad;
            double wrong[3] = {g * 1.01, -g, 0};
            int tries = g != 0 ? 3 : 1;
            if (g == 0)
                wrong[0] = 1;
            double x = r ? cases[i].b : cases[i].a;
            double ulp = nextafter(fabs(x), INFINITY) - fabs(x);
            for (int t = 0; t < tries; t++) {
                /* A gradient by which one ulp of x would move L by more
                 * than L's size cannot be tested by differences (see
                 * docs/views.md): L could be an alias on the doubles. */
                if (4 * fabs(wrong[t]) * ulp > fabs(o.value)) {
                    wrong_untestable++;
                    continue;
                }
                double grads[2] = {o.rows[0].grad, o.rows[1].grad};
                grads[r] = wrong[t];
                Outcome w = check_case(cases[i], grads);
                wrong_tried++;
                if (w.rows[r].verdict != CALCULUS_FAIL) {
                    if (!first_missed[0])
                        describe(first_missed, sizeof first_missed, cases[i],
                                 &w.rows[r], r);
                    wrong_missed++;
                }
            }
        }
    }
    free(cases);
    char name[160], why[600];
    snprintf(name, sizeof name, "no correct gradient is a FAIL at any magnitude "
             "(%zu checks: %zu ok, %zu inconclusive, %zu undefined, %zu not "
             "finite)", checked, tally[CALCULUS_OK],
             tally[CALCULUS_INCONCLUSIVE], tally[CALCULUS_UNDEFINED],
             tally[CALCULUS_NOT_FINITE]);
    snprintf(why, sizeof why, "%zu FAILs, the first: %s", tally[CALCULUS_FAIL],
             first_fail);
    result(tally[CALCULUS_FAIL] == 0 && tally[CALCULUS_KINK] == 0, name, why);
    snprintf(name, sizeof name, "wrong gradients are a FAIL wherever the right "
             "one is ok (%zu tried, %zu untestable)", wrong_tried,
             wrong_untestable);
    snprintf(why, sizeof why, "%zu missed, the first: %s", wrong_missed,
             first_missed);
    result(wrong_missed == 0 && wrong_tried > 3000, name, why);
}

/* Points where the derivative can be resolved, so must be ok: the issue's
 * small leaves, and each function where its own scale is not |x|. */
static void test_resolvable(void)
{
    static const struct { Case c; size_t which; } ok[] = {
        {{OP_DIV, 1, 1e-5}, 1},         /* d = 1/c at c = 1e-5 */
        {{OP_LOG, 1e-6, 0}, 0},         /* log(c) at c = 1e-6 */
        {{OP_DIV, 1e-300, 1e-300}, 1},
        {{OP_POWC, 1e-100, -1}, 0},
        {{OP_POWC, 1e-300, 0.5}, 0},
        {{OP_POWC, 1e100, 2}, 0},
        {{OP_SQRT, 1e-300, 0}, 0},
        {{OP_SQRT, 1e300, 0}, 0},
        {{OP_LOG, 1e300, 0}, 0},
        {{OP_EXP, 1e-300, 0}, 0},       /* needs a step near 1, not 1e-300 */
        {{OP_EXP, -1e-300, 0}, 0},
        {{OP_EXP, 700, 0}, 0},
        {{OP_SIGMOID, 1e-300, 0}, 0},
        {{OP_TANH, 1e-8, 0}, 0},
        {{OP_TANH, -7, 0}, 0},
        {{OP_SIN, 1e8, 0}, 0},          /* needs a step below 1, not 1e8 */
        {{OP_COS, -1e8, 0}, 0},
        {{OP_SIN, 1e15, 0}, 0},
        {{OP_MUL, 1e-300, 0.75}, 1},
        {{OP_ADD, 1e8, 1e-300}, 1},
        {{OP_POW, 1e-300, 0.75}, 0},
        {{OP_POW, 1e-300, 0.75}, 1},
        {{OP_POW, 3, -1e5}, 1},
    };
    int bad = 0;
    char why[400] = "";
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        Outcome o = check_case(ok[i].c, NULL);
        const CalculusCheck *row = &o.rows[ok[i].which];
        if (!o.built || row->verdict != CALCULUS_OK || !(row->error < 1e-6)) {
            if (!bad++)
                describe(why, sizeof why, ok[i].c, row, ok[i].which);
        }
    }
    result(bad == 0, "resolvable derivatives are ok to 1e-6 (1/c at 1e-5, "
           "log at 1e-6, exp at 1e-300, sin at 1e8, ...)", why);

    /* w*w at 1e-300 underflows to 0: no difference can see its slope */
    Value *w = leaf(1e-300, "w");
    Value *z = apply(OP_MUL, value_retain(w), value_retain(w));
    CalculusCheck row = {.leaf = w};
    calculus_check(z, &row, 1);
    describe(why, sizeof why, (Case){OP_MUL, 1e-300, 1e-300}, &row, 0);
    result(row.verdict == CALCULUS_INCONCLUSIVE && row.error == 1,
           "w*w at 1e-300 (underflow) is inconclusive, not ok with error 1",
           why);
    value_release(z);
    value_release(w);
}

/* ---- kinks -------------------------------------------------------------------- */

static void test_kinks(void)
{
    /* a*relu(b) + 1/c at a = 1, b = 0, c = 1e-5: only b is on the kink */
    Value *a = leaf(1, "a"), *b = leaf(0, "b"), *c = leaf(1e-5, "c");
    Value *r = apply(OP_RELU, value_retain(b), NULL);
    Value *ar = apply(OP_MUL, value_retain(a), r);
    Value *inv = apply(OP_DIV, value_constant(1), value_retain(c));
    Value *L = apply(OP_ADD, ar, inv);
    CalculusCheck rows[3] = {{.leaf = a}, {.leaf = b}, {.leaf = c}};
    calculus_check(L, rows, 3);
    char why[200];
    snprintf(why, sizeof why, "verdicts %s, %s, %s",
             verdict_name[rows[0].verdict], verdict_name[rows[1].verdict],
             verdict_name[rows[2].verdict]);
    result(rows[0].verdict == CALCULUS_OK && rows[1].verdict == CALCULUS_KINK &&
           rows[2].verdict == CALCULUS_OK,
           "a kink belongs only to the leaf that moves its input", why);
    result(fabs(rows[1].numeric - 0.5) < 1e-12,
           "on a kink the difference is the average slope", why);
    value_release(L);

    /* relu(x - 1) at x = 1.5: large steps cross the kink, small ones do
     * not. abs(y) at y = 0: the difference, 0, agrees with backward's 0.
     * relu(v) at v = 0: backward says 0, the difference 1/2. */
    Value *x = leaf(1.5, "x"), *y = leaf(0, "y"), *v = leaf(0, "v");
    Value *shifted = apply(OP_SUB, value_retain(x), value_constant(1));
    Value *k = apply(OP_ADD, apply(OP_RELU, shifted, NULL),
                     apply(OP_ABS, value_retain(y), NULL));
    k = apply(OP_ADD, k, apply(OP_RELU, value_retain(v), NULL));
    CalculusCheck more[3] = {{.leaf = x}, {.leaf = y}, {.leaf = v}};
    calculus_check(k, more, 3);
    snprintf(why, sizeof why, "verdicts %s, %s, %s",
             verdict_name[more[0].verdict], verdict_name[more[1].verdict],
             verdict_name[more[2].verdict]);
    result(more[0].verdict == CALCULUS_OK && more[1].verdict == CALCULUS_OK &&
           more[2].verdict == CALCULUS_KINK,
           "near a kink is ok, abs at 0 agrees, relu at 0 is a kink", why);
    value_release(k);
    value_release(a), value_release(b), value_release(c);
    value_release(x), value_release(y), value_release(v);
}

/* ---- the verdict rules ------------------------------------------------------- */

static void test_judge(void)
{
    double e;
    struct { double grad, numeric, spread, rounding; int kink;
             CalculusVerdict want; const char *what; } cases[] = {
        {2, 2 * (1 + 1e-7), 0, 0, 0, CALCULUS_OK, "agreement to 1e-7"},
        {2, 2.0004, 1e-4, 0, 0, CALCULUS_OK, "within a fine uncertainty"},
        {2, 2.1, 0.05, 0, 0, CALCULUS_INCONCLUSIVE, "within a coarse one"},
        {2, 3, 1e-9, 1e-9, 0, CALCULUS_FAIL, "a resolved disagreement"},
        {1, 0, 0, 1e-15, 0, CALCULUS_FAIL, "against a resolved zero"},
        {1, 1e-7, 1e-7, 1e-20, 0, CALCULUS_INCONCLUSIVE,
         "against an estimate as erratic as it is large"},
        {0, 0.5, 0, 1e-12, 1, CALCULUS_KINK, "across a kink"},
        {0.5, 0.5, 0, 1e-12, 1, CALCULUS_OK, "across a kink, agreeing"},
        {INFINITY, 1, 0, 0, 0, CALCULUS_NOT_FINITE, "an infinite gradient"},
        {0, 0, 0, 0, 0, CALCULUS_OK, "zero against zero"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        CalculusVerdict v = calculus_judge(cases[i].grad, cases[i].numeric,
                                           cases[i].spread, cases[i].rounding,
                                           cases[i].kink, &e);
        char name[120];
        snprintf(name, sizeof name, "judge: %s is %s", cases[i].what,
                 verdict_name[cases[i].want]);
        result(v == cases[i].want, name, verdict_name[v]);
    }
}

/* ---- sampling ------------------------------------------------------------------ */

static void test_sample(void)
{
    /* e = log(x*w) with w = -1: defined for x < 0 only */
    Value *x = leaf(-3, "x"), *w = leaf(-1, "w");
    Value *e = apply(OP_LOG, apply(OP_MUL, value_retain(x), value_retain(w)),
                     NULL);
    value_backward(e);
    double before[4] = {x->data, x->grad, w->grad, e->grad};
    CalculusSample s[11];
    ValueStatus st = calculus_sample(e, x, -5, 5, 11, s);
    int good = st == VALUE_OK;
    for (int j = 0; j < 11 && good; j++) {
        double at = -5 + j;
        good = s[j].x == at && s[j].y_ok == (at < 0) &&
               (at >= 0 || (fabs(s[j].y - log(-at)) < 1e-15 &&
                            s[j].slope_ok && fabs(s[j].slope - 1 / at) < 1e-15));
    }
    result(good, "samples e and backward's de/dx, skipping where undefined",
           "wrong samples");
    result(x->data == before[0] && x->grad == before[1] && w->grad == before[2] &&
           e->grad == before[3] && e->data == log(3), "sampling puts every "
           "number back", "the graph changed");

    /* a leaf outside the graph: slope 0 */
    Value *z = leaf(2, "z");
    st = calculus_sample(e, z, 0, 1, 3, s);
    result(st == VALUE_OK && s[1].y_ok && s[1].slope_ok && s[1].slope == 0 &&
           z->data == 2, "a leaf outside the graph has slope 0", "wrong");

    static volatile sig_atomic_t flag;
    value_set_interrupt_flag(&flag);
    flag = 1;
    st = calculus_sample(e, x, 1, 5, 11, s);
    CalculusCheck row = {.leaf = x};
    ValueStatus st2 = calculus_check(e, &row, 1);
    flag = 0;
    value_set_interrupt_flag(NULL);
    result(st == VALUE_INTERRUPTED && st2 == VALUE_INTERRUPTED &&
           x->data == -3 && e->data == log(3),
           "an interrupt stops sampling and checking, graph put back",
           "not stopped");
    value_release(e);
    value_release(x), value_release(w), value_release(z);
}

int main(void)
{
    test_labels_init();
    test_sweep();
    test_resolvable();
    test_kinks();
    test_judge();
    test_sample();
    result(value_live_count() == 0, "frees every node", "nodes left alive");
    return 0;
}
