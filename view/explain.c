/*
 * view/explain.c — `explain L [max_lines]`: back-propagation told step by
 * step. It runs the engine's own backward with a trace callback, so the
 * steps are exactly those backward takes, in its order, and the gradients
 * left behind are exactly those `backward L` leaves. Each step is one
 * chain-rule product:
 *
 *   dL/da += dL/d(a*b) · ∂(a*b)/∂a = 1 · -3 = -3
 *
 * (the running gradient written with d, the local derivative with ∂;
 * both with d in ASCII), and a node that receives from several parents shows its running total.
 */
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

/* Room for a derivative name of two node names. */
#define DERIV_MAX (2 * VIEW_NAME_MAX + 16)

typedef struct Explain {
    FILE *out;
    const ViewStyle *style;
    ViewNames names;
    const Value *root;
    long max_lines;
    long shown, hidden;
    ViewMap received;   /* child -> how many contributions so far */
} Explain;

static void step(void *ctx, const Value *parent, int index,
                 const Value *child, double local, double contribution)
{
    Explain *e = ctx;
    int digits = e->style->digits;
    /* a constant exponent takes no gradient: nothing flows, nothing to tell */
    if (parent->op == OP_POWC && index == 1)
        return;
    /* interrupted: nothing more is printed, and the engine's next poll
     * (it polls every so many thousand nodes) ends the pass */
    if (view_interrupted())
        return;
    /* past the last line shown, only the steps are counted */
    if (e->max_lines >= 0 && e->shown >= e->max_lines) {
        e->hidden++;
        return;
    }
    size_t times = view_map_get(&e->received, child) + 1;
    view_map_put(&e->received, child, times);
    e->shown++;

    char target[DERIV_MAX], passed[DERIV_MAX], part[DERIV_MAX];
    char g[VIEW_NUM_MAX], l[VIEW_NUM_MAX], c[VIEW_NUM_MAX];
    const char *times_sign = e->style->ascii ? "*" : "\u00b7";
    view_derivative_name(target, sizeof target, &e->names, e->root, child);
    view_derivative_name(passed, sizeof passed, &e->names, e->root, parent);
    view_partial_name(part, sizeof part, &e->names, parent, child);
    view_color(e->out, e->style, VIEW_COLOR_NAME);
    fputs(target, e->out);
    view_color_end(e->out, e->style);
    fprintf(e->out, " += %s %s %s = %s %s %s = ", passed, times_sign, part,
            view_format_number(g, sizeof g, parent->grad, digits), times_sign,
            view_format_number(l, sizeof l, local, digits));
    view_color(e->out, e->style, VIEW_COLOR_GRAD);
    fputs(view_format_number(c, sizeof c, contribution, digits), e->out);
    view_color_end(e->out, e->style);
    if (times > 1) {
        fputs("  ", e->out);
        view_color(e->out, e->style, VIEW_COLOR_NOTE);
        fprintf(e->out, "(total %s)",
                view_format_number(c, sizeof c, child->grad, digits));
        view_color_end(e->out, e->style);
    }
    fputc('\n', e->out);
}

ViewResult view_explain(FILE *out, Value *root, const ViewStyle *style,
                        long max_lines)
{
    Explain e;
    memset(&e, 0, sizeof e);
    e.out = out;
    e.style = style;
    e.root = root;
    e.max_lines = max_lines;
    if (view_names_init(&e.names, root, style, VIEW_LABEL_KEEP) != 0)
        return VIEW_ERROR;

    char self[DERIV_MAX];
    view_derivative_name(self, sizeof self, &e.names, root, root);
    view_color(out, style, VIEW_COLOR_NAME);
    fputs(self, out);
    view_color_end(out, style);
    fputs(" = 1\n", out);

    ValueStatus status = value_backward_trace(root, step, &e);
    view_map_free(&e.received);
    view_names_free(&e.names);
    if (e.hidden > 0) {
        view_color(out, style, VIEW_COLOR_NOTE);
        fprintf(out, "%s %ld more step%s not shown",
                style->ascii ? "..." : "\u2026", e.hidden,
                e.hidden == 1 ? "" : "s");
        view_color_end(out, style);
        fputc('\n', out);
    }
    return status == VALUE_OK ? VIEW_OK : VIEW_ERROR;
}
