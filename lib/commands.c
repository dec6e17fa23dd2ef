/*
 * lib/commands.c — the command table: every statement that starts with a
 * command word (backward, tree, print, set, ...), with its arguments, its
 * action and its help text, one row each.
 *
 * Actions check their arguments (lib/args.c) and report misuse at the
 * argument's place; the pictures themselves come from view/.
 */
#include "lib/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compile/uses.h"
#include "engine/calculus.h"
#include "engine/random.h"
#include "util/diag.h"
#include "util/mem.h"
#include "util/words.h"

/* A view that stopped early: says so when Ctrl-C was the reason. */
static int view_failed(Interp *in, ViewResult r)
{
    if (r == VIEW_ERROR && interp_interrupted)
        interp_error(in, "interrupted");
    return r == VIEW_ERROR;
}

static int interrupted(Interp *in, ValueStatus status)
{
    if (status == VALUE_INTERRUPTED) {
        interp_error(in, "interrupted");
        return 1;
    }
    return 0;
}

/* ---- backward and zero ----------------------------------------------------- */

/* The row of command `name` in the library's table (INS_COMMAND's aux). */
static uint16_t command_row(const Interp *in, const char *name)
{
    return (uint16_t)(interp_command(in, name) - in->library->commands);
}

/* Whether the top-level program running can look at global name's graph
 * after `backward name;` (compile/uses.h), asked once per run and name,
 * for at most INTERP_UNOBSERVED_MAX names (then 0: backward as usual). */
static int graph_unobserved(Interp *in, uint32_t name)
{
    for (uint32_t k = 0; k < in->unobserved_count; k++)
        if (in->unobserved_names[k] == name)
            return in->unobserved[k];
    if (in->unobserved_count == INTERP_UNOBSERVED_MAX)
        return 0;
    uint16_t opaque[2] = {command_row(in, "vars"), command_row(in, "load")};
    UsesRoles roles = {command_row(in, "backward"), command_row(in, "del"),
                       opaque, 2};
    uint32_t k = in->unobserved_count++;
    in->unobserved_names[k] = name;
    in->unobserved[k] = (uint8_t)uses_graph_unobserved(in->prog, name, &roles);
    return in->unobserved[k];
}

/*
 * `backward name;` in a session's last run (interp_set_last_run), when
 * name alone holds its node and nothing in the program can look at its
 * graph again: the graph goes as backward passes through it, in one sweep
 * (value_backward_release), and name is bound to a new leaf with the
 * node's data and its gradient, 1, all that can be read of it until it is
 * bound again. A training loop's graph then goes at its backward instead
 * of when the next step's is built. The gradients are backward's, to the
 * bit. -1 when this does not apply (backward goes as usual).
 */
static int backward_releasing(Interp *in, const CommandCall *call)
{
    const Datum *arg = &call->args[0];
    if (!in->last_run || in->load_depth > 0 || call->method || !call->silent ||
        arg->kind != DATUM_WORD || arg->aux >= in->global_count)
        return -1;
    Datum *bound = &in->globals[arg->aux];
    if (bound->kind != DATUM_NODE || bound->as.node->refs != 1 ||
        !graph_unobserved(in, arg->aux))
        return -1;
    Value *root = bound->as.node;
    Value *leaf = value_leaf(root->data);
    leaf->grad = 1;
    bound->as.node = leaf;
    return interrupted(in, value_backward_release(root));
}

static int cmd_backward(Interp *in, const CommandCall *call)
{
    int released = backward_releasing(in, call);
    if (released >= 0)
        return released;
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    /* backward L starts from zero; L.backward() adds, as micrograd's */
    ValueStatus status = call->method ? value_backward_add(root)
                                      : value_backward(root);
    int failed = interrupted(in, status);
    if (!failed && !call->silent)
        failed = view_failed(in, view_gradients(in->out, root, &in->style));
    value_release(root);
    return failed;
}

/* The parameters a training command works on: a model's, or a list's
 * nodes. Sets *nodes (borrowed) and *count; 1 after reporting. */
static int parameters_of(Interp *in, const CommandCall *call, uint32_t i,
                         const char *what, Value ***nodes, uint32_t *count)
{
    const Datum *d = args_resolve(in, call, i);
    if (!d)
        return 1;
    if (d->kind == DATUM_MODEL) {
        const Model *m = datum_model(d);
        *nodes = m->params;
        *count = m->param_count;
        return 0;
    }
    if (d->kind != DATUM_LIST) {
        interp_arg_error(in, call, i, "%s: expected a model or a list of "
                         "values, not %s", what,
                         datum_kind_name((DatumKind)d->kind));
        return 1;
    }
    const List *l = (const List *)d->as.object;
    for (uint32_t k = 0; k < l->count; k++)
        if (l->items[k].kind != DATUM_NODE) {
            interp_arg_error(in, call, i, "%s: item %u of the list is %s, "
                             "not a value", what, k,
                             datum_kind_name((DatumKind)l->items[k].kind));
            return 1;
        }
    /* a list's items are Datums: gather their nodes */
    *nodes = mem_malloc((l->count + 1) * sizeof **nodes);
    for (uint32_t k = 0; k < l->count; k++)
        (*nodes)[k] = l->items[k].as.node;
    *count = l->count;
    return -1;    /* the caller frees *nodes */
}

static int cmd_zero(Interp *in, const CommandCall *call)
{
    if (call->count == 1) {
        const Datum *d = args_resolve(in, call, 0);
        if (!d)
            return 1;
        if (d->kind == DATUM_MODEL || d->kind == DATUM_LIST) {
            Value **nodes;
            uint32_t count;
            int owned = parameters_of(in, call, 0, "zero", &nodes, &count);
            if (owned > 0)
                return 1;
            for (uint32_t k = 0; k < count; k++)
                nodes[k]->grad = 0;
            if (owned < 0)
                free(nodes);
            return 0;
        }
        Value *root = args_graph(in, call, 0);
        if (!root)
            return 1;
        int failed = interrupted(in, value_zero(root));
        value_release(root);
        return failed;
    }
    return interrupted(in, value_zero_all());
}

/* ---- training ------------------------------------------------------------------ */

static int cmd_forward(Interp *in, const CommandCall *call)
{
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    Value *failed_at = NULL;
    ValueStatus status = value_forward(root, &failed_at);
    int failed = interrupted(in, status);
    if (!failed && status != VALUE_OK && status != VALUE_OVERFLOW) {
        char name[VIEW_LABEL_MAX] = "";
        if (failed_at)
            view_node_name(name, sizeof name, failed_at, in->style.digits);
        interp_error(in, "forward: %s failed at '%s' (data of later nodes is "
                     "stale)", failed_at ? value_op_info((OpKind)
                                           failed_at->op)->name : "an operation",
                     name);
        failed = 1;
    }
    if (!failed && !call->silent) {
        const Datum *d = &call->args[0];
        Datum shown = datum_node(root);
        if (d->kind == DATUM_WORD)
            interp_show_binding(in, interp_name(in, d->aux), &shown);
        else
            interp_show_value(in, &shown);
    }
    value_release(root);
    return failed;
}

/* step m, lr: p.data -= lr * p.grad for every parameter, micrograd's SGD. */
static int cmd_step(Interp *in, const CommandCall *call)
{
    const Datum *rate = args_resolve(in, call, 1);
    double lr;
    if (!rate)
        return 1;
    if (!datum_scalar(rate, &lr) || !isfinite(lr)) {
        interp_arg_error(in, call, 1, "step: the learning rate must be a "
                         "finite number");
        return 1;
    }
    Value **nodes;
    uint32_t count;
    int owned = parameters_of(in, call, 0, "step", &nodes, &count);
    if (owned > 0)
        return 1;
    for (uint32_t k = 0; k < count; k++)
        if (nodes[k]->op != OP_LEAF) {
            char name[VIEW_LABEL_MAX];
            view_node_name(name, sizeof name, nodes[k], in->style.digits);
            interp_arg_error(in, call, 0, "step: '%s' is computed by %s; only "
                             "leaves can be stepped", name,
                             value_op_info((OpKind)nodes[k]->op)->name);
            if (owned < 0)
                free(nodes);
            return 1;
        }
    for (uint32_t k = 0; k < count; k++)
        nodes[k]->data -= lr * nodes[k]->grad;
    if (owned < 0)
        free(nodes);
    return 0;
}

static int cmd_seed(Interp *in, const CommandCall *call)
{
    long seed;
    if (args_whole_at(in, call, 0, "the seed", 0, 2147483647L, &seed))
        return 1;
    random_seed((uint64_t)seed);
    return 0;
}

/* The numbers of a list (of numbers or values), for pictures. NULL after
 * reporting. */
static double *numbers_of(Interp *in, const CommandCall *call, uint32_t i,
                          const List *l, const char *what)
{
    double *xs = mem_malloc((l->count + 1) * sizeof *xs);
    for (uint32_t k = 0; k < l->count; k++)
        if (!datum_scalar(&l->items[k], &xs[k])) {
            interp_arg_error(in, call, i, "%s: item %u is %s, not a number",
                             what, k, datum_kind_name((DatumKind)
                                                      l->items[k].kind));
            free(xs);
            return NULL;
        }
    return xs;
}

/* plot xs: a loss curve. */
static int plot_list(Interp *in, const CommandCall *call, const List *l)
{
    double *ys = numbers_of(in, call, 0, l, "plot");
    if (!ys)
        return 1;
    char title[64];
    uint32_t start = call->spans[0], end = call->spans[1];
    snprintf(title, sizeof title, "%.*s", (int)(end - start < 40 ? end - start
                                                                 : 40),
             in->prog->src->text + start);
    interp_refresh_style(in);
    char message[VIEW_MESSAGE_MAX] = "";
    FILE *out = interp_picture_stream(in);
    ViewResult r = view_curve(out, ys, l->count, &in->style, title,
                              message, sizeof message);
    InterpPicture picture = {.kind = INTERP_PICTURE_CURVE, .title = title,
                             .count = l->count, .y = ys};
    interp_picture_show(in, out, &picture, r == VIEW_OK);
    free(ys);
    if (r == VIEW_DECLINED)
        interp_error(in, "%s", message);
    return r == VIEW_DECLINED || view_failed(in, r);
}

typedef struct RegionModel {
    const Model *model;
    double *scratch;
} RegionModel;

static int region_score(void *ctx, double x, double y, double *score)
{
    RegionModel *r = ctx;
    double in[2] = {x, y}, out[1];
    model_evaluate(r->model, in, out, r->scratch);
    *score = out[0];
    return interp_interrupted != 0;
}

/* The scores a front end shades: a grid over the points' box widened by
 * 1 on every side (as micrograd's demo draws it), REGION_GRID points a
 * side. NULL when interrupted. */
enum { REGION_GRID = 121 };

static double *region_grid(RegionModel *ctx, InterpPicture *p)
{
    double x_lo = p->x[0], x_hi = p->x[0], y_lo = p->y[0], y_hi = p->y[0];
    for (size_t k = 1; k < p->count; k++) {
        x_lo = fmin(x_lo, p->x[k]);
        x_hi = fmax(x_hi, p->x[k]);
        y_lo = fmin(y_lo, p->y[k]);
        y_hi = fmax(y_hi, p->y[k]);
    }
    p->x_lo = x_lo - 1;
    p->x_hi = x_hi + 1;
    p->y_lo = y_lo - 1;
    p->y_hi = y_hi + 1;
    p->columns = p->rows = REGION_GRID;
    double *scores = mem_malloc((size_t)REGION_GRID * REGION_GRID *
                                sizeof *scores);
    for (int r = 0; r < REGION_GRID; r++)
        for (int c = 0; c < REGION_GRID; c++) {
            double x = p->x_lo + (p->x_hi - p->x_lo) * c / (REGION_GRID - 1);
            double y = p->y_lo + (p->y_hi - p->y_lo) * r / (REGION_GRID - 1);
            if (region_score(ctx, x, y, &scores[r * REGION_GRID + c])) {
                free(scores);
                return NULL;
            }
        }
    p->scores = scores;
    return scores;
}

/* regions m, X, y: model m's decision regions with the points X (pairs)
 * labelled by y over them, as micrograd's demo draws. */
static int cmd_regions(Interp *in, const CommandCall *call)
{
    const Datum *md = args_resolve(in, call, 0);
    const Datum *xd = md ? args_resolve(in, call, 1) : NULL;
    const Datum *yd = xd ? args_resolve(in, call, 2) : NULL;
    if (!yd)
        return 1;
    if (md->kind != DATUM_MODEL || datum_model(md)->sizes[0] != 2 ||
        datum_model(md)->sizes[datum_model(md)->layers] != 1) {
        interp_arg_error(in, call, 0, "regions: expected a model of 2 inputs "
                         "and 1 output");
        return 1;
    }
    if (xd->kind != DATUM_LIST || yd->kind != DATUM_LIST) {
        interp_arg_error(in, call, xd->kind != DATUM_LIST ? 1 : 2,
                         "regions: expected a list");
        return 1;
    }
    const List *points = (const List *)xd->as.object;
    const List *labels = (const List *)yd->as.object;
    if (points->count != labels->count) {
        interp_arg_error(in, call, 2, "regions: %u points but %u labels",
                         points->count, labels->count);
        return 1;
    }
    size_t n = points->count;
    double *xs = mem_malloc((n + 1) * sizeof *xs);
    double *ys = mem_malloc((n + 1) * sizeof *ys);
    double *ls = numbers_of(in, call, 2, labels, "regions");
    int failed = !ls;
    for (size_t k = 0; k < n && !failed; k++) {
        const Datum *p = &points->items[k];
        const List *pair = p->kind == DATUM_LIST ? (const List *)p->as.object
                                                 : NULL;
        if (!pair || pair->count != 2 || !datum_scalar(&pair->items[0], &xs[k]) ||
            !datum_scalar(&pair->items[1], &ys[k])) {
            interp_arg_error(in, call, 1, "regions: point %zu is not a pair of "
                             "numbers", k);
            failed = 1;
        }
    }
    if (!failed) {
        const Model *m = datum_model(md);
        RegionModel ctx = {m, mem_malloc(model_scratch_size(m) *
                                         sizeof(double))};
        interp_refresh_style(in);
        char message[VIEW_MESSAGE_MAX] = "";
        FILE *out = interp_picture_stream(in);
        ViewResult r = view_regions(out, region_score, &ctx, xs, ys, ls, n,
                                    &in->style, message, sizeof message);
        InterpPicture picture = {.kind = INTERP_PICTURE_REGIONS, .count = n,
                                 .x = xs, .y = ys, .labels = ls};
        double *grid = NULL;
        if (out != in->out && r == VIEW_OK) {
            grid = region_grid(&ctx, &picture);
            if (!grid)
                r = VIEW_ERROR;
        }
        interp_picture_show(in, out, &picture, r == VIEW_OK);
        free(grid);
        free(ctx.scratch);
        if (r == VIEW_DECLINED)
            interp_error(in, "%s", message);
        failed = r == VIEW_DECLINED || view_failed(in, r);
    }
    free(xs);
    free(ys);
    free(ls);
    return failed;
}

/* ---- views ---------------------------------------------------------------------- */

static int cmd_tree(Interp *in, const CommandCall *call)
{
    long depth = -1;
    if (call->count == 2 && args_whole_at(in, call, 1, "tree depth", 0,
                                          1000000000L, &depth))
        return 1;
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    interp_refresh_style(in);
    ViewResult r = view_tree(in->out, root, &in->style, (int)depth);
    value_release(root);
    return view_failed(in, r);
}

static int cmd_polytree(Interp *in, const CommandCall *call)
{
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    interp_refresh_style(in);
    char message[VIEW_MESSAGE_MAX] = "";
    ViewResult r = view_polytree(in->out, root, &in->style, message,
                                 sizeof message);
    value_release(root);
    if (r == VIEW_DECLINED)
        interp_error(in, "%s", message);
    return r == VIEW_DECLINED || view_failed(in, r);
}

int lib_show_dot(Interp *in, Value *root)
{
    FILE *out = interp_picture_stream(in);
    ViewResult r = view_dot(out, root, &in->style);
    char title[VIEW_LABEL_MAX];
    InterpPicture picture = {.kind = INTERP_PICTURE_GRAPH,
                             .title = view_node_name(title, sizeof title,
                                                     root, in->style.digits)};
    interp_picture_show(in, out, &picture, r == VIEW_OK);
    return view_failed(in, r);
}

static int cmd_dot(Interp *in, const CommandCall *call)
{
    const String *file = call->count == 2 ? args_string(call, 1) : NULL;
    if (call->count == 2 && !file) {
        interp_arg_error(in, call, 1, "dot: the file name must be a string, "
                         "as in dot L \"graph.svg\"");
        return 1;
    }
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    int failed = 0;
    if (!file) {
        failed = lib_show_dot(in, root);
    } else {
        char message[512] = "";
        if (view_dot_file(root, &in->style, file->text, message,
                          sizeof message) != VIEW_OK) {
            interp_arg_error(in, call, 1, "dot: %s", message);
            failed = 1;
        } else if (!call->silent) {
            fprintf(in->out, "wrote %s\n", file->text);
        }
    }
    value_release(root);
    return failed;
}

static int cmd_explain(Interp *in, const CommandCall *call)
{
    long lines = -1;
    if (call->count == 2 &&
        args_whole_at(in, call, 1, "explain's line limit", 1, 1000000000L,
                      &lines))
        return 1;
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    ViewResult r = view_explain(in->out, root, &in->style, lines);
    value_release(root);
    return view_failed(in, r);
}

static int cmd_check(Interp *in, const CommandCall *call)
{
    Value *root = args_graph(in, call, 0);
    if (!root)
        return 1;
    char message[VIEW_MESSAGE_MAX] = "";
    ViewResult r = view_check(in->out, root, &in->style, message,
                              sizeof message);
    value_release(root);
    if (r == VIEW_DECLINED)
        interp_error(in, "%s", message);
    return r == VIEW_DECLINED || view_failed(in, r);
}

/* plot e, x = lo..hi for a front end: PLOT_SAMPLES samples of e and its
 * slope, beside the text picture in out. */
enum { PLOT_SAMPLES = 201 };

static ViewResult plot_picture(Interp *in, const CommandCall *call, FILE *out,
                               Value *e, Value *x, const Range *range,
                               ViewResult r)
{
    CalculusSample *samples = NULL;
    double *numbers = NULL;
    if (r == VIEW_OK) {
        samples = mem_malloc(PLOT_SAMPLES * sizeof *samples);
        if (calculus_sample(e, x, range->lo, range->hi, PLOT_SAMPLES,
                            samples) != VALUE_OK)
            r = VIEW_ERROR;
    }
    char title[64];
    uint32_t start = call->spans[0], end = call->spans[1];
    snprintf(title, sizeof title, "%.*s", (int)(end - start < 60 ? end - start
                                                                 : 60),
             in->prog->src->text + start);
    InterpPicture picture = {.kind = INTERP_PICTURE_PLOT, .title = title,
                             .variable = interp_name(in, range->name),
                             .count = PLOT_SAMPLES};
    if (r == VIEW_OK) {
        numbers = mem_malloc(3 * PLOT_SAMPLES * sizeof *numbers);
        for (size_t k = 0; k < PLOT_SAMPLES; k++) {
            numbers[k] = samples[k].x;
            numbers[PLOT_SAMPLES + k] = samples[k].y_ok ? samples[k].y : NAN;
            numbers[2 * PLOT_SAMPLES + k] = samples[k].slope_ok
                                                ? samples[k].slope : NAN;
        }
        picture.x = numbers;
        picture.y = numbers + PLOT_SAMPLES;
        picture.slope = numbers + 2 * PLOT_SAMPLES;
    }
    interp_picture_show(in, out, &picture, r == VIEW_OK);
    free(numbers);
    free(samples);
    return r;
}

static int cmd_plot(Interp *in, const CommandCall *call)
{
    if (call->count == 1) {
        const Datum *d = args_resolve(in, call, 0);
        if (!d)
            return 1;
        if (d->kind == DATUM_LIST)
            return plot_list(in, call, (const List *)d->as.object);
    }
    const Datum *arg = call->count == 2 ? &call->args[1] : NULL;
    if (!arg || arg->kind != DATUM_RANGE) {
        interp_arg_error(in, call, arg ? 1 : 0,
                         "plot needs a range: plot e, x = lo..hi");
        return 1;
    }
    const Range *range = (const Range *)arg->as.object;
    const char *name = interp_name(in, range->name);
    const Datum *xd = range->name < in->global_count
                          ? &in->globals[range->name] : NULL;
    if (!xd || xd->kind == DATUM_UNBOUND) {
        interp_arg_error(in, call, 1, "undefined name '%s'", name);
        return 1;
    }
    if (xd->kind != DATUM_NODE || xd->as.node->op != OP_LEAF) {
        interp_arg_error(in, call, 1, "plot: '%s' must be a leaf (a number "
                         "given a name), not %s%s", name,
                         xd->kind == DATUM_NODE ? "computed by " :
                         datum_kind_name((DatumKind)xd->kind),
                         xd->kind == DATUM_NODE
                             ? value_op_info((OpKind)xd->as.node->op)->name
                             : "");
        return 1;
    }
    Value *x = xd->as.node;
    if (!isfinite(range->lo)) {
        interp_error_at(in, range->lo_start, range->lo_end,
                        "plot: the range must be finite");
        return 1;
    }
    if (!isfinite(range->hi)) {
        interp_error_at(in, range->hi_start, range->hi_end,
                        "plot: the range must be finite");
        return 1;
    }
    if (!(range->lo < range->hi)) {
        interp_arg_error(in, call, 1, "plot: the range must run from low to "
                         "high");
        return 1;
    }
    Value *e = args_graph(in, call, 0);
    if (!e)
        return 1;
    value_retain(x);
    interp_refresh_style(in);
    char message[VIEW_MESSAGE_MAX] = "";
    FILE *out = interp_picture_stream(in);
    ViewResult r = view_plot(out, e, x, range->lo, range->hi, &in->style,
                             message, sizeof message);
    if (out != in->out)
        r = plot_picture(in, call, out, e, x, range, r);
    value_release(x);
    value_release(e);
    if (r == VIEW_DECLINED)
        interp_error(in, "%s", message);
    return r == VIEW_DECLINED || view_failed(in, r);
}

/* ---- session ------------------------------------------------------------------ */

static int cmd_print(Interp *in, const CommandCall *call)
{
    /* Every argument is looked at before anything is printed, so that an
     * error prints nothing of the line. */
    const Datum **items = mem_malloc((call->count + 1) * sizeof *items);
    for (uint32_t i = 0; i < call->count; i++) {
        if (call->args[i].kind == DATUM_RANGE) {
            interp_arg_error(in, call, i, "expected a value (an expression "
                             "such as L), found a range");
            free(items);
            return 1;
        }
        if (!(items[i] = args_resolve(in, call, i))) {
            free(items);
            return 1;
        }
    }
    for (uint32_t i = 0; i < call->count; i++) {
        if (i > 0)
            fputc(' ', in->out);
        datum_show(in->out, items[i], in->style.values, 0, in->items,
                   in->style.ascii);
    }
    fputc('\n', in->out);
    free(items);
    return 0;
}

/* The session whose globals vars sorts (qsort passes no context). */
static const Interp *sorting;

static int by_binding_order(const void *a, const void *b)
{
    const Datum *x = *(const Datum *const *)a, *y = *(const Datum *const *)b;
    uint32_t p = sorting->order[x - sorting->globals];
    uint32_t q = sorting->order[y - sorting->globals];
    return (p > q) - (p < q);
}

static int cmd_vars(Interp *in, const CommandCall *call)
{
    (void)call;
    size_t count = 0;
    for (uint32_t i = 0; i < in->global_count; i++)
        count += in->globals[i].kind != DATUM_UNBOUND;
    if (count == 0) {
        fprintf(in->out, "(no variables)\n");
        return 0;
    }
    const Datum **list = mem_malloc(count * sizeof *list);
    size_t n = 0;
    for (uint32_t i = 0; i < in->global_count; i++)
        if (in->globals[i].kind != DATUM_UNBOUND)
            list[n++] = &in->globals[i];
    sorting = in;
    qsort(list, n, sizeof *list, by_binding_order);
    /* Runs of nodes go to the view together (it names each node in its
     * own graph); other values are shown here. */
    const char **names = mem_malloc(n * sizeof *names);
    Value **nodes = mem_malloc(n * sizeof *nodes);
    int failed = 0;
    for (size_t i = 0; i < n && !failed;) {
        size_t k = 0;
        for (; i < n && list[i]->kind == DATUM_NODE; i++, k++) {
            names[k] = interp_name(in, (uint32_t)(list[i] - in->globals));
            nodes[k] = list[i]->as.node;
        }
        if (k)
            failed = view_failed(in, view_bindings(in->out, names, nodes, k,
                                                   &in->style));
        for (; i < n && list[i]->kind != DATUM_NODE; i++)
            interp_show_binding(in, interp_name(in, (uint32_t)(list[i] -
                                                               in->globals)),
                                list[i]);
    }
    free(names);
    free(nodes);
    free(list);
    return failed;
}

static int cmd_del(Interp *in, const CommandCall *call)
{
    for (uint32_t i = 0; i < call->count; i++) {
        const Datum *d = &call->args[i];
        if (d->kind != DATUM_WORD) {
            interp_arg_error(in, call, i, "del takes names, as in del a, b");
            return 1;
        }
        if (!interp_unbind(in, d->aux)) {
            interp_arg_error(in, call, i, "del: '%s' is not bound",
                             interp_name(in, d->aux));
            return 1;
        }
    }
    return 0;
}

static int cmd_load(Interp *in, const CommandCall *call)
{
    const String *file = args_string(call, 0);
    if (!file) {
        interp_arg_error(in, call, 0, "load takes a file name in quotes, as "
                         "in load \"file.mg\"");
        return 1;
    }
    if (strlen(file->text) != file->length) {
        interp_arg_error(in, call, 0, "load: the file name contains a NUL "
                         "byte");
        return 1;
    }
    return interp_load_file(in, call, 0, file->text);
}

static int cmd_quit(Interp *in, const CommandCall *call)
{
    (void)call;
    in->quit = 1;
    return 0;
}


/* ---- the table -------------------------------------------------------------------- */

const Command lib_commands[] = {
    {"backward", 1, 1, cmd_backward, "backward L   or   L.backward()", "back-propagate from L: every dL/dx",
     "Back-propagates from L: clears the gradients in L's graph, sets dL/dL = 1\n"
     "and applies the chain rule from L down to the leaves, adding up the\n"
     "contributions of a node used more than once. Shows dL/dx for each named\n"
     "node of the graph (silence it with ;). L.backward() is micrograd's: it\n"
     "clears nothing, so gradients add up across calls until zeroed."},
    {"zero", 0, 1, cmd_zero, "zero [L]   zero m", "set gradients to 0",
     "Sets the gradients in L's graph to 0; with a model (or a list of\n"
     "values), its parameters' gradients; with no argument, every gradient."},
    {"forward", 1, 1, cmd_forward, "forward L", "recompute L's kept graph after leaves changed",
     "Recomputes the data of L's graph in place, leaves first, after leaves\n"
     "changed (p.data -= ..., step): the graph is kept, not built again.\n"
     "Shows L's new value."},
    {"step", 2, 2, cmd_step, "step m, lr   step params, lr", "one step of gradient descent",
     "One step of gradient descent: p.data -= lr * p.grad for every\n"
     "parameter of model m (or every value of a list), as micrograd's\n"
     "for p in model.parameters(): p.data -= lr * p.grad."},
    {"seed", 1, 1, cmd_seed, "seed n", "restart the random generator",
     "Restarts mgrad's random generator (rand, uniform, randn, the weights\n"
     "of new models) at seed n: the same numbers on every machine."},
    {"regions", 3, 3, cmd_regions, "regions m, X, y", "a model's decision regions with its points",
     "Draws the decision regions of model m (two inputs, one output): each\n"
     "cell shaded where m's score is above 0, with the points X (pairs) over\n"
     "them, 'o' where y > 0 and 'x' elsewhere, as micrograd's demo draws."},
    {"tree", 1, 2, cmd_tree, "tree L [depth]", "the graph as an indented tree",
     "Draws L's graph as an indented tree, root first, operands in order: each\n"
     "row shows a node's name (or source text), data, grad and operation. A\n"
     "node reached again is drawn once and then referred to as \"(see above)\";\n"
     "deep branches continue in numbered sections [1]. depth limits how far\n"
     "below L it goes (marked where operands are cut)."},
    {"polytree", 1, 1, cmd_polytree, "polytree L", "the graph top-down, operands side by side",
     "Draws L's graph top-down: L on top, each node's operands side by side\n"
     "below it, joined by a line carrying the operation; each node shows\n"
     "\"name = data\" over \"grad g\". A shared node is drawn once and referred\n"
     "to where it recurs. Too wide for the screen: an error that says how many\n"
     "columns it needs (see set width) and suggests tree."},
    {"dot", 1, 2, cmd_dot, "dot L [\"file\"]", "the graph in Graphviz DOT, or a picture",
     "Graphviz DOT of L's graph: a record { name | data | grad } per value and\n"
     "a small node per operation. A file name ending .dot (or .gv) gets the DOT\n"
     "text; .svg, .png or .pdf is rendered by Graphviz's dot program\n"
     "(apt-get install graphviz)."},
    {"explain", 1, 2, cmd_explain, "explain L [max_lines]", "back-propagation step by step",
     "Back-propagation step by step, in backward's order: for each operand of\n"
     "each node the chain-rule product that adds to its gradient, as in\n"
     "  dL/da += dL/d(a*b) * d(a*b)/da = 1 * -3 = -3\n"
     "(on a UTF-8 terminal: dL/d(a*b) \u00b7 \u2202(a*b)/\u2202a, the local derivative\n"
     "written with the partial sign)\n"
     "with a running total where a node receives from several parents. Leaves\n"
     "the gradients backward L leaves; max_lines cuts a long explanation short."},
    {"check", 1, 1, cmd_check, "check L", "gradients against finite differences",
     "Gradient check: for each named leaf of L's graph (and each parameter of\n"
     "a model in it; an evenly spaced sample of 64 past that), the gradient\n"
     "backward\n"
     "finds beside a central finite difference (L(x+h) - L(x-h))/2h, their\n"
     "relative error and a verdict: ok, FAIL, kink (relu or abs at 0),\n"
     "inconclusive (the difference cannot resolve it) or undefined nearby.\n"
     "Data and gradients are left as they were."},
    {"plot", 1, 2, cmd_plot, "plot e, x = lo..hi   plot xs", "a function and its derivative; a list",
     "Plots e as the leaf x runs from lo to hi, one sample per column, with\n"
     "de/dx (found by backward at each point, not by differences) beside it on\n"
     "the same axes. Points where e is undefined are left blank. x and the\n"
     "graph get their old data and gradients back. e must be defined at x's\n"
     "present value, since it is built there first. plot xs draws a list of\n"
     "numbers against its index: a loss curve."},
    {"print", 0, 1000000, cmd_print, "print e, \"text\", ...   print(e, ...)", "print values and text on one line",
     "Prints the data of each value and each string on one line, separated by\n"
     "spaces."},
    {"vars", 0, 0, cmd_vars, "vars", "the bound names, data and gradients",
     "Lists the bound names with their data and gradients, oldest first."},
    {"del", 1, 1000000, cmd_del, "del name [, name ...]", "unbind names",
     "Unbinds names; nodes nothing refers to any more are freed."},
    {"load", 1, 1, cmd_load, "load \"file.mg\"", "run a script in this session",
     "Runs a script in this session. A relative name is looked up next to the\n"
     "script that loads it (in the REPL: the current directory)."},
    {"set", 1, 2, lib_set, SETTINGS_USAGE, "display settings (help set)",
     /* help set shows lib_set_help's page, made from the settings' rows */
     "Changes or shows a display setting."},
    {"help", 0, 1, lib_help, "help [topic]", "this list; help NAME for one",
     "help alone lists the topics; help NAME explains a command, a function,\n"
     "a reserved word or a topic."},
    {"quit", 0, 0, cmd_quit, "quit", "leave mgrad", "Leaves mgrad (so does Ctrl-D)."},
    {"exit", 0, 0, cmd_quit, "exit", "leave mgrad", "Leaves mgrad (so does Ctrl-D)."},
    {NULL, 0, 0, NULL, NULL, NULL, NULL}
};

const WordIndex *lib_command_words(void)
{
    static WordIndex index;
    if (!index.ready) {
        for (const Command *c = lib_commands; c->name; c++)
            words_add(&index, c->name, (int)(c - lib_commands));
        index.ready = 1;
    }
    return &index;
}

int lib_command_index(const char *text, size_t length)
{
    return words_find(lib_command_words(), text, length);
}

/* Every word of the library, for completion. */
static void each_word(InterpWordFn fn, void *ctx)
{
    for (const Command *c = lib_commands; c->name; c++)
        fn(ctx, c->name);
    for (const Builtin *b = lib_builtins; b->name; b++)
        fn(ctx, b->name);
    lib_settings_words(fn, ctx);
    fn(ctx, "linear");   /* an activation, as "tanh" and "relu" are */
}

const InterpLibrary *lib_library(void)
{
    static InterpLibrary library;
    if (!library.commands) {
        library.command_words = lib_command_words();
        library.builtins = lib_builtins;
        library.modules = lib_modules;
        library.each_word = each_word;
        library.commands = lib_commands;
    }
    return &library;
}
