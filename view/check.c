/*
 * view/check.c — `check L`: a gradient check. For each named leaf of L's
 * graph the gradient backward finds is set beside a central finite
 * difference, (L(x+h) - L(x-h)) / 2h, computed by the engine's forward with
 * the leaf nudged. The step is scaled to the leaf's size; a leaf whose
 * nudges move some relu or abs across its kink is reported as on a kink,
 * since there the two sides need not agree. Every data and grad of the
 * graph is put back afterwards.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/mem.h"

/* About the cube root of the double epsilon: the step that balances the
 * truncation error of a central difference against rounding. */
#define STEP 6e-6
/* Agreement needed for "ok". */
#define TOLERANCE 1e-5

enum Verdict { OK, FAIL, KINK, UNDEFINED, NOT_FINITE };

static const char *const verdict_text[] = {
    [OK] = "ok",
    [FAIL] = "FAIL",
    [KINK] = "kink (not differentiable here)",
    [UNDEFINED] = "undefined nearby",
    [NOT_FINITE] = "not finite",
};

typedef struct Row {
    Value *leaf;
    double grad, numeric, error;
    enum Verdict verdict;
} Row;

/* The nodes whose input sits on a kink: relu and abs. */
static void kink_signs(const ValueList *kinks, signed char *signs)
{
    for (size_t i = 0; i < kinks->count; i++) {
        double in = kinks->items[i]->child[0]->data;
        signs[i] = (signed char)(in > 0 ? 1 : in < 0 ? -1 : 0);
    }
}

/* L at the leaf's data moved to x; returns 0, or -1 when undefined there.
 * *crossed is set when some kink input's sign differs from base. */
static int value_at(Value *root, Value *leaf, double x, const ValueList *kinks,
                    const signed char *base, signed char *now, int *crossed,
                    double *out)
{
    leaf->data = x;
    ValueStatus s = value_forward(root, NULL);
    if (s != VALUE_OK && s != VALUE_OVERFLOW)
        return -1;
    kink_signs(kinks, now);
    for (size_t i = 0; i < kinks->count; i++)
        if (now[i] != base[i] || base[i] == 0)
            *crossed = 1;
    *out = root->data;
    return 0;
}

/* The central difference for one leaf, and the verdict. A difference that
 * disagrees is tried again with smaller steps, down to STEP / 64: strong
 * curvature makes the first step's truncation error large, while a wrong
 * gradient disagrees at every step. The best agreement is reported. */
static void measure(Row *row, Value *root, const ValueList *kinks,
                    const signed char *base, signed char *now, double noise)
{
    Value *leaf = row->leaf;
    double x = leaf->data;
    int crossed = 0, measured = 0;
    double best_diff = INFINITY;
    row->verdict = UNDEFINED;
    for (double shrink = 1; shrink >= 1.0 / 64; shrink /= 8) {
        double h = STEP * shrink * (fabs(x) > 1 ? fabs(x) : 1);
        double up = 0, down = 0;
        if (value_at(root, leaf, x + h, kinks, base, now, &crossed, &up) != 0 ||
            value_at(root, leaf, x - h, kinks, base, now, &crossed, &down) != 0)
            break;
        /* (x+h) - (x-h) is the step actually taken, after rounding */
        double numeric = (up - down) / ((x + h) - (x - h));
        double diff = fabs(row->grad - numeric);
        if (measured && !(diff < best_diff))
            continue;
        measured = 1;
        best_diff = diff;
        row->numeric = numeric;
        double scale = fmax(fabs(row->grad), fabs(numeric));
        row->error = scale > 0 ? diff / scale : 0;
        if (!isfinite(row->grad) || !isfinite(numeric))
            row->verdict = NOT_FINITE;
        else if (row->error <= TOLERANCE || diff <= noise)
            row->verdict = OK;
        else
            row->verdict = FAIL;
        if (row->verdict != FAIL)
            break;
    }
    if (row->verdict == FAIL && crossed)
        row->verdict = KINK;
    leaf->data = x;
}

static int by_creation(const void *a, const void *b)
{
    const Row *x = a, *y = b;
    return (x->leaf->id > y->leaf->id) - (x->leaf->id < y->leaf->id);
}

static void print_table(FILE *out, const ViewNames *names, const Row *rows,
                        size_t n)
{
    const ViewStyle *style = names->style;
    char (*cells)[4][VIEW_NAME_MAX] = mem_malloc((n + 1) * sizeof *cells);
    static const char *const heads[4] = {"leaf", "autograd", "numeric",
                                         "rel. error"};
    size_t width[4] = {0};
    for (int c = 0; c < 4; c++) {
        snprintf(cells[0][c], VIEW_NAME_MAX, "%s", heads[c]);
        width[c] = strlen(heads[c]);
    }
    for (size_t r = 0; r < n; r++) {
        char (*row)[VIEW_NAME_MAX] = cells[r + 1];
        view_name(row[0], VIEW_NAME_MAX, names, rows[r].leaf);
        view_format_number(row[1], VIEW_NAME_MAX, rows[r].grad, style->digits);
        if (rows[r].verdict == UNDEFINED) {
            snprintf(row[2], VIEW_NAME_MAX, "-");
            snprintf(row[3], VIEW_NAME_MAX, "-");
        } else {
            view_format_number(row[2], VIEW_NAME_MAX, rows[r].numeric,
                               style->digits);
            if (rows[r].error == 0)
                snprintf(row[3], VIEW_NAME_MAX, "0");
            else if (isfinite(rows[r].error))
                snprintf(row[3], VIEW_NAME_MAX, "%.0e", rows[r].error);
            else
                snprintf(row[3], VIEW_NAME_MAX, "-");
        }
        for (int c = 0; c < 4; c++) {
            size_t w = view_text_width(row[c]);
            if (w > width[c])
                width[c] = w;
        }
    }
    for (size_t r = 0; r <= n; r++) {
        fputs("  ", out);
        for (int c = 0; c < 4; c++) {
            if (r > 0 && c == 0)
                view_color(out, style, VIEW_COLOR_NAME);
            fputs(cells[r][c], out);
            if (r > 0 && c == 0)
                view_color_end(out, style);
            for (size_t k = view_text_width(cells[r][c]); k < width[c] + 2; k++)
                fputc(' ', out);
        }
        if (r == 0) {
            fputs("verdict\n", out);
            continue;
        }
        enum Verdict v = rows[r - 1].verdict;
        if (v != OK)
            view_color(out, style, v == FAIL ? VIEW_COLOR_GRAD : VIEW_COLOR_NOTE);
        fputs(verdict_text[v], out);
        if (v != OK)
            view_color_end(out, style);
        fputc('\n', out);
    }
    free(cells);
}

/* "all 4 gradients agree", or how many fell in each verdict. */
static void print_summary(FILE *out, const Row *rows, size_t count)
{
    static const char *const phrase[][2] = {
        [OK] = {"agrees", "agree"},
        [FAIL] = {"disagrees", "disagree"},
        [KINK] = {"is on a kink", "are on a kink"},
        [UNDEFINED] = {"is undefined nearby", "are undefined nearby"},
        [NOT_FINITE] = {"is not finite", "are not finite"},
    };
    size_t tally[NOT_FINITE + 1] = {0};
    for (size_t r = 0; r < count; r++)
        tally[rows[r].verdict]++;
    if (tally[OK] == count) {
        if (count == 1)
            fputs("the gradient agrees\n", out);
        else
            fprintf(out, "all %zu gradients agree\n", count);
        return;
    }
    const char *sep = "";
    for (int v = OK; v <= NOT_FINITE; v++) {
        if (!tally[v])
            continue;
        fprintf(out, "%s%zu %s", sep, tally[v], phrase[v][tally[v] != 1]);
        sep = ", ";
    }
    fputc('\n', out);
}

ViewResult view_check(FILE *out, Value *root, const ViewStyle *style)
{
    ViewSaved saved;
    if (view_save(&saved, root) != 0)
        return VIEW_ERROR;

    ValueList kinks = {0};
    Row *rows = NULL;
    size_t count = 0;
    for (size_t i = 0; i < saved.nodes.count; i++) {
        Value *v = saved.nodes.items[i];
        if (v->op == OP_RELU || v->op == OP_ABS)
            value_list_push(&kinks, v);
        if (v->op == OP_LEAF && (v->flags & VALUE_NAMED) && v != root)
            count++;
    }
    rows = mem_calloc(count ? count : 1, sizeof *rows);
    count = 0;
    for (size_t i = 0; i < saved.nodes.count; i++) {
        Value *v = saved.nodes.items[i];
        if (v->op == OP_LEAF && (v->flags & VALUE_NAMED) && v != root)
            rows[count++].leaf = v;
    }
    qsort(rows, count, sizeof *rows, by_creation);

    ViewNames names;
    if (view_names_init(&names, root, style, VIEW_LABEL_KEEP) != 0) {
        free(rows);
        value_list_free(&kinks);
        view_saved_free(&saved);
        return VIEW_ERROR;
    }
    char name[VIEW_NAME_MAX];
    view_name(name, sizeof name, &names, root);
    if (count == 0) {
        fprintf(out, "%s has no named leaves to check\n", name);
        view_names_free(&names);
        free(rows);
        value_list_free(&kinks);
        view_saved_free(&saved);
        return VIEW_OK;
    }

    ViewResult result = VIEW_OK;
    if (value_backward(root) != VALUE_OK)
        result = VIEW_ERROR;
    for (size_t r = 0; r < count && result == VIEW_OK; r++)
        rows[r].grad = rows[r].leaf->grad;

    /* rounding in the differences grows with the largest number in the
     * graph: below this, a disagreement is noise */
    double largest = 1;
    for (size_t i = 0; i < saved.nodes.count; i++)
        if (isfinite(saved.data[i]) && fabs(saved.data[i]) > largest)
            largest = fabs(saved.data[i]);
    double noise = 1e-8 * largest;

    signed char *base = mem_malloc(kinks.count + 1);
    signed char *now = mem_malloc(kinks.count + 1);
    kink_signs(&kinks, base);
    for (size_t r = 0; r < count && result == VIEW_OK; r++) {
        measure(&rows[r], root, &kinks, base, now, noise);
        if (view_interrupted())
            result = VIEW_ERROR;
    }
    view_restore(&saved);

    if (result == VIEW_OK) {
        fprintf(out, "gradient check of %s: autograd against central "
                "differences\n", name);
        print_table(out, &names, rows, count);
        print_summary(out, rows, count);
    }
    view_names_free(&names);
    free(base);
    free(now);
    free(rows);
    value_list_free(&kinks);
    view_saved_free(&saved);
    return result;
}
