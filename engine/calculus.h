/*
 * engine/calculus.h — algorithms that move a leaf's data and run the graph
 * around it: finite differences judged against backward's gradients (the
 * gradient check), and samples of a function and its derivative over a
 * range (plotting).
 *
 * Like the rest of the engine they do no I/O and know no text: they return
 * numbers and verdicts, which view/check.c and view/plot.c put into words.
 * Both put back every data and grad of the graph they change. Both poll the
 * interrupt flag between evaluations and return VALUE_INTERRUPTED when it
 * is raised.
 */
#ifndef MGRAD_ENGINE_CALCULUS_H
#define MGRAD_ENGINE_CALCULUS_H

#include <stddef.h>
#include "engine/value.h"

/* What a difference says about one gradient. */
typedef enum CalculusVerdict {
    CALCULUS_OK,           /* they agree */
    CALCULUS_FAIL,         /* they disagree by more than the difference's
                              own error */
    CALCULUS_KINK,         /* they disagree, and every usable step moved the
                              input of a relu or abs across its kink */
    CALCULUS_INCONCLUSIVE, /* the difference cannot resolve the gradient:
                              its own error (rounding, mostly) is as large */
    CALCULUS_UNDEFINED,    /* L cannot be computed on both sides at any step */
    CALCULUS_NOT_FINITE,   /* the gradient, or L itself, is infinite or NaN */
    CALCULUS_VERDICTS
} CalculusVerdict;

/* One leaf's check. */
typedef struct CalculusCheck {
    Value *leaf;           /* in: a leaf of the graph */
    double grad;           /* the gradient judged: backward's (calculus_check)
                              or the caller's (calculus_check_given) */
    double numeric;        /* the difference's estimate of dL/dleaf */
    double uncertainty;    /* its estimated error: truncation and rounding */
    double error;          /* |grad - numeric| / max(|grad|, |numeric|) */
    double step;           /* the step h of that estimate */
    CalculusVerdict verdict;
} CalculusCheck;

/* Runs backward from root, and for each row estimates dL/dleaf with
 * central differences (L(x+h) - L(x-h)) / 2h, extrapolated to h = 0 over a
 * sequence of steps, and judges backward's gradient against it. Afterwards
 * every data and grad is as it was. Returns VALUE_OK or VALUE_INTERRUPTED
 * (then the rows are incomplete). */
ValueStatus calculus_check(Value *root, CalculusCheck *rows, size_t count);
/* The same, judging the gradients the caller put in rows[i].grad. */
ValueStatus calculus_check_given(Value *root, CalculusCheck *rows,
                                 size_t count);

/* Judges grad against an estimate with this uncertainty, spread (how far
 * the extrapolations disagreed; the rest of the uncertainty is rounding)
 * and kink flag; sets *error as CalculusCheck.error. */
CalculusVerdict calculus_judge(double grad, double numeric, double spread,
                               double rounding, int kink, double *error);

/* One point of a function and its derivative. */
typedef struct CalculusSample {
    double x;              /* where: lo + (hi - lo) * i / (n - 1) */
    double y, slope;       /* expr, and d expr / dx by backward */
    unsigned char y_ok;    /* expr was computed there and is finite */
    unsigned char slope_ok;
} CalculusSample;

/* Samples expr and its derivative by x at n points spread evenly from lo to
 * hi (the last exactly hi); x need not be in expr's graph (then the slope is
 * 0). Afterwards x and every node of the graph have their data and grad
 * back. Returns VALUE_OK or VALUE_INTERRUPTED. */
ValueStatus calculus_sample(Value *expr, Value *x, double lo, double hi,
                            size_t n, CalculusSample *out);

#endif
