/*
 * engine/calculus.c — finite differences for the gradient check, and
 * sampling of a function and its derivative for plots. Both move a leaf's
 * data and run forward (and backward), and put every number back after.
 *
 * The difference. For a leaf at x, the central difference
 *     D(h) = (L(x+h) - L(x-h)) / ((x+h) - (x-h))
 * has a truncation error that shrinks as h^2 and a rounding error that
 * grows as noise/h. No one h suits every function: 1/x at x = 1e-5 needs h
 * well below 1e-5, exp at 1e-300 needs h near 1 (smaller steps leave
 * exp(x±h) == 1), sin at 1e8 needs h below 1 but far above 1e-8. So, as in
 * Ridders' method, the steps run down from a start by halves, and the
 * differences are extrapolated to h = 0 (Richardson in h^2, via Neville's
 * tableau). Each entry's error is estimated as its distance from its
 * neighbours in the tableau (the spread) plus the rounding noise at its
 * step; the entry with the smallest is the estimate. Two starts are tried:
 * |x|/16, for functions whose shape scales with x (1/x, log, powers), and
 * 1/16 (at least 16 ulps of x), for those with a scale of their own (exp,
 * sin, tanh, sigmoid); the second only when the first did not agree.
 *
 * Rounding noise of L near x: each computed node that depends on the leaf
 * is rounded by up to half an ulp (or, below the normal range, by up to
 * the smallest subnormal, so that underflow counts), which moves L by
 * |dL/dnode| times as much: first-order error analysis with the gradients
 * backward found.
 *
 * Steps are powers of two, so that x ± h is exact for most x; the step
 * actually taken, (x+h) - (x-h), is what divides. A step where L cannot be
 * computed, or is not finite, on either side restarts the tableau at the
 * next one. A step that moves the input of some op with a kink (the op
 * table's kink column: relu and abs at 0) across it goes into a tableau of
 * its own: a leaf is on a kink only when no step without a crossing gave an
 * estimate.
 */
#include "engine/calculus.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum {
    MAX_STEPS = 30,  /* halvings per start: down to 2^-30 of it */
    MAX_ORDER = 5    /* columns of the tableau: up to h^8 removed */
};

/* Agreement to this relative error is ok, whatever the uncertainty. */
#define TOLERANCE 1e-5
/* Agreement within the estimate's uncertainty is ok only when that
 * uncertainty is at most this part of the gradient; beyond, inconclusive. */
#define RESOLUTION 1e-3
/* How much the estimated uncertainty is trusted: it is multiplied by this. */
#define SAFETY 4.0

/* ---- the graph's numbers, to put back -------------------------------------- */

typedef struct Snapshot {
    ValueList nodes; /* topological order, root last */
    double *data, *grad;
} Snapshot;

static void snapshot_free(Snapshot *s)
{
    value_list_free(&s->nodes);
    free(s->data);
    free(s->grad);
    memset(s, 0, sizeof *s);
}

static ValueStatus snapshot_take(Snapshot *s, Value *root)
{
    memset(s, 0, sizeof *s);
    ValueStatus status = value_topo(root, &s->nodes);
    if (status != VALUE_OK) {
        value_list_free(&s->nodes);
        return status;
    }
    size_t n = s->nodes.count;
    s->data = mem_malloc((n ? n : 1) * sizeof *s->data);
    s->grad = mem_malloc((n ? n : 1) * sizeof *s->grad);
    for (size_t i = 0; i < n; i++) {
        if ((i & 65535) == 65535 && value_interrupt_pending()) {
            snapshot_free(s);   /* nothing changed yet */
            return VALUE_INTERRUPTED;
        }
        s->data[i] = s->nodes.items[i]->data;
        s->grad[i] = s->nodes.items[i]->grad;
    }
    return VALUE_OK;
}

static void snapshot_restore_data(const Snapshot *s)
{
    for (size_t i = 0; i < s->nodes.count; i++)
        s->nodes.items[i]->data = s->data[i];
}

static void snapshot_restore(const Snapshot *s)
{
    for (size_t i = 0; i < s->nodes.count; i++) {
        s->nodes.items[i]->data = s->data[i];
        s->nodes.items[i]->grad = s->grad[i];
    }
}

/* ---- judging ------------------------------------------------------------------ */

CalculusVerdict calculus_judge(double grad, double numeric, double spread,
                               double rounding, int kink, double *error)
{
    double diff = fabs(grad - numeric);
    double scale = fmax(fabs(grad), fabs(numeric));
    double margin = SAFETY * (spread + rounding);
    *error = scale > 0 ? diff / scale : 0;
    if (!isfinite(grad) || !isfinite(numeric))
        return CALCULUS_NOT_FINITE;
    if (diff <= TOLERANCE * scale)
        return CALCULUS_OK;
    if (diff <= margin && margin <= RESOLUTION * scale)
        return CALCULUS_OK;
    if (kink)
        return CALCULUS_KINK;
    if (diff <= margin)
        return CALCULUS_INCONCLUSIVE;
    /* A disagreement counts only when the estimate knows itself: its size
     * to within half, or that it is zero to within rounding. Steps far
     * larger than the function's own scale give small, erratic values
     * whose spread is as large as they are. */
    if (margin <= 0.5 * fabs(numeric) ||
        (fabs(numeric) <= margin && spread <= rounding))
        return CALCULUS_FAIL;
    return CALCULUS_INCONCLUSIVE;
}

/* ---- differences ------------------------------------------------------------ */

/* Which side of its kink a node's input is on: -1, 0 or 1. */
static signed char kink_side(const Value *v)
{
    double in = v->child[0]->data - value_op_info((OpKind)v->op)->kink;
    return (signed char)(in > 0 ? 1 : in < 0 ? -1 : 0);
}

/* One leaf's differences: the graph, where it stands, and its noise. */
typedef struct Probe {
    Value *root, *leaf;
    double x;                 /* the leaf's data */
    double noise;             /* how far rounding can move L near x... */
    double underflow;         /* ...plus this many smallest subnormals */
    const ValueList *kinks;   /* the graph's nodes with a kink */
    const signed char *side;  /* the side each one's input is on at x */
    double least, most;       /* the least and most L seen so far */
    int pairs;                /* steps where L was computed on both sides */
} Probe;

enum { PROBE_OK, PROBE_UNDEFINED, PROBE_INTERRUPTED };

/* L with the leaf at `at`; *crossed is set when a kink input changed side. */
static int probe_at(Probe *p, double at, double *out, int *crossed)
{
    p->leaf->data = at;
    ValueStatus s = value_forward(p->root, NULL);
    if (s == VALUE_INTERRUPTED || value_interrupt_pending())
        return PROBE_INTERRUPTED;
    if ((s != VALUE_OK && s != VALUE_OVERFLOW) || !isfinite(p->root->data))
        return PROBE_UNDEFINED;
    for (size_t i = 0; i < p->kinks->count; i++)
        if (kink_side(p->kinks->items[i]) != p->side[i])
            *crossed = 1;
    *out = p->root->data;
    p->least = fmin(p->least, *out);
    p->most = fmax(p->most, *out);
    return PROBE_OK;
}

typedef struct Estimate {
    double value;
    double spread;    /* distance from its neighbours in the tableau */
    double rounding;  /* rounding noise of the difference at its step */
    double step;      /* h */
    int found;
    int kink;         /* from steps that crossed a kink */
} Estimate;

static double uncertainty(const Estimate *e)
{
    return e->spread + e->rounding;
}

static void consider(Estimate *best, double value, double spread,
                     double rounding, double step, int kink)
{
    if (best->found && !(spread + rounding < uncertainty(best)))
        return;
    if (!isfinite(value) || isnan(spread))
        return;
    *best = (Estimate){value, spread, rounding, step, 1, kink};
}

/* Differences from step h0 down by halves, extrapolated; the best estimate
 * from steps that crossed no kink, and the best from steps that did.
 * Returns 0, or -1 when interrupted. */
static int sweep(Probe *p, double h0, Estimate *smooth, Estimate *kinked)
{
    double prev[MAX_ORDER] = {0}, cur[MAX_ORDER] = {0};
    double steps[MAX_ORDER] = {0}; /* steps[j]: the step j rows back */
    int rows = 0;            /* rows in the tableau now */
    int tableau_kink = 0;
    double last_step = 0;
    for (int k = 0; k < MAX_STEPS; k++) {
        double h = ldexp(h0, -k);
        double up = p->x + h, down = p->x - h;
        double step = up - down;
        if (!(step > 0))
            break; /* below the resolution of x */
        if (step == last_step)
            continue; /* x ± h rounded to the same points as before */
        last_step = step;
        double f_up = 0, f_down = 0;
        int crossed = 0;
        int r = isfinite(step) ? probe_at(p, up, &f_up, &crossed)
                               : PROBE_UNDEFINED;
        if (r == PROBE_OK)
            r = probe_at(p, down, &f_down, &crossed);
        if (r == PROBE_INTERRUPTED)
            return -1;
        p->pairs += r == PROBE_OK;
        double d = (f_up - f_down) / step;
        if (r != PROBE_OK || !isfinite(d)) {
            rows = 0;
            continue;
        }
        if (rows > 0 && crossed != tableau_kink)
            rows = 0;
        tableau_kink = crossed;

        /* Far from x, L itself may be much larger than near it. The noise
         * of the difference is twice the noise of L over the step, and
         * extrapolation can double it again. */
        double noise = fmax(p->noise, DBL_EPSILON / 2 *
                            fmax(fabs(f_up), fabs(f_down)));
        double rounding = 4 * (noise / step + p->underflow *
                               (DBL_TRUE_MIN / step));
        Estimate *best = crossed ? kinked : smooth;

        for (int j = MAX_ORDER - 1; j > 0; j--)
            steps[j] = steps[j - 1];
        steps[0] = step;
        int cols = rows + 1 < MAX_ORDER ? rows + 1 : MAX_ORDER;
        cur[0] = d;
        consider(best, d, rows > 0 ? fabs(d - prev[0]) : INFINITY, rounding,
                 h, crossed);
        for (int j = 1; j < cols; j++) {
            double ratio = steps[j] / steps[0];
            cur[j] = cur[j - 1] + (cur[j - 1] - prev[j - 1]) /
                                      (ratio * ratio - 1);
            double spread = fmax(fabs(cur[j] - cur[j - 1]),
                                 fabs(cur[j] - prev[j - 1]));
            consider(best, cur[j], spread, rounding, h, crossed);
        }
        memcpy(prev, cur, sizeof cur);
        rows++;

        /* The next step's rounding alone is twice this one's: once that
         * passes the best uncertainty, smaller steps cannot do better. */
        const Estimate *target = smooth->found ? smooth : kinked;
        if (target->found && 2 * rounding >= uncertainty(target))
            break;
    }
    return 0;
}

/* The largest power of two at most v (0 when v is 0 or too small). */
static double power_of_two_below(double v)
{
    if (!(v > 0) || !isfinite(v))
        return 0;
    return ldexp(1, ilogb(v));
}

/* How a verdict from one start ranks against another's: an agreement
 * wins, then a resolved disagreement, then an agreement of zero with zero
 * (steps too small to move L agree with any zero gradient, right or
 * wrong), then a kink, then what cannot be told. */
static int rank(CalculusVerdict v, double grad, double numeric)
{
    switch (v) {
    case CALCULUS_OK:
        return grad == 0 && numeric == 0 ? 2 : 0;
    case CALCULUS_FAIL:
    case CALCULUS_NOT_FINITE:
        return 1;
    case CALCULUS_KINK:
        return 3;
    default:
        return 4;
    }
}

static ValueStatus check_leaf(Probe *p, CalculusCheck *row)
{
    double x = p->x;
    double starts[2];
    int n = 0;
    if (x != 0)
        starts[n++] = power_of_two_below(fabs(x) / 16);
    double ulp = nextafter(fabs(x), INFINITY) - fabs(x);
    double absolute = power_of_two_below(fmax(1.0 / 16, 16 * ulp));
    if (n == 0 || absolute != starts[0])
        starts[n++] = absolute;

    int found = 0, best_rank = 0;
    double best_uncertainty = INFINITY;
    for (int i = 0; i < n; i++) {
        if (!(starts[i] > 0))
            continue;
        Estimate smooth = {0}, kinked = {0};
        if (sweep(p, starts[i], &smooth, &kinked) != 0)
            return VALUE_INTERRUPTED;
        const Estimate *e = smooth.found ? &smooth : kinked.found ? &kinked : NULL;
        if (!e)
            continue;
        double error;
        CalculusVerdict v = calculus_judge(row->grad, e->value, e->spread,
                                           e->rounding, e->kink, &error);
        int r = rank(v, row->grad, e->value);
        if (found && (r > best_rank ||
                      (r == best_rank && !(uncertainty(e) < best_uncertainty))))
            continue;
        found = 1;
        best_rank = r;
        best_uncertainty = uncertainty(e);
        row->numeric = e->value;
        row->uncertainty = uncertainty(e);
        row->step = e->step;
        row->error = error;
        row->verdict = v;
        if (r == 0)
            break;
    }
    /* One ulp of x moves L by about |grad| ulp(x) if grad is right. When
     * that is more than the values L takes near x, L cannot be smooth on
     * the doubles near x (sin at 1e100: one ulp is 1.9e84), and differences
     * see an alias of it: a disagreement says nothing. Unless L was the
     * same at every point: then its derivative is surely 0. */
    double largest = fmax(fabs(p->least), fabs(p->most));
    if (found && row->verdict == CALCULUS_FAIL && p->least != p->most &&
        4 * fabs(row->grad) * ulp > largest)
        row->verdict = CALCULUS_INCONCLUSIVE;
    if (!found) {
        row->numeric = row->uncertainty = row->error = NAN;
        row->step = 0;
        /* computed on both sides, but the differences overflowed */
        row->verdict = p->pairs > 0 || !isfinite(p->root->data)
                           ? CALCULUS_NOT_FINITE : CALCULUS_UNDEFINED;
    }
    return VALUE_OK;
}

/* How far rounding can move L as the leaf moves (see the header comment):
 * *noise from the nodes' half ulps, *underflow the number of smallest
 * subnormals (kept apart: a fraction of one would round to 0). Uses the
 * first mark bit as "depends on the leaf", and clears it. Returns 0, or -1
 * when interrupted. */
static int rounding_noise(const ValueList *order, const Value *leaf,
                          double *noise, double *underflow)
{
    *noise = *underflow = 0;
    int stopped = 0;
    size_t i;
    for (i = 0; i < order->count; i++) {
        if ((i & 65535) == 65535 && value_interrupt_pending()) {
            stopped = -1;
            break;
        }
        Value *v = order->items[i];
        int moves = v == leaf ||
                    (v->child[0] && (v->child[0]->flags & VALUE_MARK1)) ||
                    (v->child[1] && (v->child[1]->flags & VALUE_MARK1));
        if (!moves)
            continue;
        v->flags |= VALUE_MARK1;
        if (v->op == OP_LEAF)
            continue;
        double weight = fabs(v->grad);
        if (!isfinite(weight))
            continue;
        *noise += weight * (DBL_EPSILON / 2) * fabs(v->data);
        *underflow += weight;
    }
    /* only the nodes reached can be marked */
    for (size_t k = 0; k < i; k++)
        order->items[k]->flags &= (uint16_t)~VALUE_MARK1;
    return stopped;
}

static ValueStatus check(Value *root, CalculusCheck *rows, size_t count,
                         int given)
{
    Snapshot snap;
    ValueStatus status = snapshot_take(&snap, root);
    if (status != VALUE_OK)
        return status;
    status = value_backward(root);
    if (status != VALUE_OK) {
        snapshot_restore(&snap);
        snapshot_free(&snap);
        return status;
    }
    if (!given)
        for (size_t r = 0; r < count; r++)
            rows[r].grad = rows[r].leaf->grad;

    ValueList kinks = {0};
    for (size_t i = 0; i < snap.nodes.count; i++) {
        if ((i & 65535) == 65535 && value_interrupt_pending()) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = snap.nodes.items[i];
        if (value_op_info((OpKind)v->op)->has_kink && v->child[0])
            value_list_push(&kinks, v);
    }
    signed char *side = mem_malloc(kinks.count + 1);
    for (size_t i = 0; i < kinks.count; i++)
        side[i] = kink_side(kinks.items[i]);
    double *noise = mem_malloc((2 * count + 1) * sizeof *noise);
    for (size_t r = 0; r < count && status == VALUE_OK; r++)
        if (rounding_noise(&snap.nodes, rows[r].leaf, &noise[2 * r],
                           &noise[2 * r + 1]) != 0)
            status = VALUE_INTERRUPTED;

    for (size_t r = 0; r < count && status == VALUE_OK; r++) {
        Probe p = {root, rows[r].leaf, rows[r].leaf->data, noise[2 * r],
                   noise[2 * r + 1], &kinks, side, root->data, root->data, 0};
        status = check_leaf(&p, &rows[r]);
        if (status == VALUE_OK && r + 1 < count)
            snapshot_restore_data(&snap);
    }
    snapshot_restore(&snap);   /* data and gradients, once */
    free(noise);
    free(side);
    value_list_free(&kinks);
    snapshot_free(&snap);
    return status;
}

ValueStatus calculus_check(Value *root, CalculusCheck *rows, size_t count)
{
    return check(root, rows, count, 0);
}

ValueStatus calculus_check_given(Value *root, CalculusCheck *rows,
                                 size_t count)
{
    return check(root, rows, count, 1);
}

/* ---- sampling --------------------------------------------------------------- */

ValueStatus calculus_sample(Value *expr, Value *x, double lo, double hi,
                            size_t n, CalculusSample *out)
{
    Snapshot snap;
    ValueStatus status = snapshot_take(&snap, expr);
    if (status != VALUE_OK)
        return status;
    int in_graph = 0;
    for (size_t i = 0; i < snap.nodes.count && !in_graph; i++)
        in_graph = snap.nodes.items[i] == x;
    double x_data = x->data, x_grad = x->grad;

    for (size_t j = 0; j < n; j++) {
        CalculusSample *s = &out[j];
        s->x = n > 1 ? lo + (hi - lo) * (double)j / (double)(n - 1) : lo;
        if (j == n - 1)
            s->x = hi;
        s->y = s->slope = 0;
        s->y_ok = s->slope_ok = 0;
        if (value_interrupt_pending()) {
            status = VALUE_INTERRUPTED;
            break;
        }
        x->data = s->x;
        ValueStatus s1 = value_forward(expr, NULL);
        if (s1 == VALUE_INTERRUPTED) {
            status = s1;
            break;
        }
        if ((s1 != VALUE_OK && s1 != VALUE_OVERFLOW) || !isfinite(expr->data))
            continue;
        s->y = expr->data;
        s->y_ok = 1;
        s1 = value_backward(expr);
        if (s1 == VALUE_INTERRUPTED) {
            status = s1;
            break;
        }
        s->slope = in_graph ? x->grad : 0;
        s->slope_ok = s1 == VALUE_OK && isfinite(s->slope);
    }
    snapshot_restore(&snap);
    x->data = x_data;
    x->grad = x_grad;
    snapshot_free(&snap);
    return status;
}
