/*
 * view/check.c — `check L`: a gradient check. For each named leaf of L's
 * graph, the gradient backward finds beside a finite-difference estimate,
 * their relative error and a verdict, then a line that counts the
 * verdicts. The differences, the verdicts and putting the graph back are
 * the engine's (engine/calculus.c); this file only chooses the leaves and
 * puts the results into words.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "engine/calculus.h"
#include "util/mem.h"

static const char *const verdict_text[CALCULUS_VERDICTS] = {
    [CALCULUS_OK] = "ok",
    [CALCULUS_FAIL] = "FAIL",
    [CALCULUS_KINK] = "kink (not differentiable here)",
    [CALCULUS_INCONCLUSIVE] = "inconclusive (below resolution)",
    [CALCULUS_UNDEFINED] = "undefined nearby",
    [CALCULUS_NOT_FINITE] = "not finite",
};

typedef CalculusCheck Row;

static int by_creation(const void *a, const void *b)
{
    const Row *x = a, *y = b;
    return (value_id(x->leaf) > value_id(y->leaf)) -
           (value_id(x->leaf) < value_id(y->leaf));
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
        if (rows[r].verdict == CALCULUS_UNDEFINED || isnan(rows[r].numeric)) {
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
        CalculusVerdict v = rows[r - 1].verdict;
        if (v != CALCULUS_OK)
            view_color(out, style, v == CALCULUS_FAIL ? VIEW_COLOR_GRAD
                                                      : VIEW_COLOR_NOTE);
        fputs(verdict_text[v], out);
        if (v != CALCULUS_OK)
            view_color_end(out, style);
        fputc('\n', out);
    }
    free(cells);
}

/* "all 4 gradients agree", or how many leaves fell in each verdict:
 * "2 leaves agree, 1 leaf is on a kink". */
static void print_summary(FILE *out, const Row *rows, size_t count)
{
    static const char *const phrase[CALCULUS_VERDICTS][2] = {
        [CALCULUS_OK] = {"agrees", "agree"},
        [CALCULUS_FAIL] = {"disagrees", "disagree"},
        [CALCULUS_KINK] = {"is on a kink", "are on a kink"},
        [CALCULUS_INCONCLUSIVE] = {"is inconclusive", "are inconclusive"},
        [CALCULUS_UNDEFINED] = {"is undefined nearby", "are undefined nearby"},
        [CALCULUS_NOT_FINITE] = {"is not finite", "are not finite"},
    };
    size_t tally[CALCULUS_VERDICTS] = {0};
    for (size_t r = 0; r < count; r++)
        tally[rows[r].verdict]++;
    if (tally[CALCULUS_OK] == count) {
        if (count == 1)
            fputs("the gradient agrees\n", out);
        else
            fprintf(out, "all %zu gradients agree\n", count);
        return;
    }
    const char *sep = "";
    for (int v = 0; v < CALCULUS_VERDICTS; v++) {
        if (!tally[v])
            continue;
        int many = tally[v] != 1;
        fprintf(out, "%s%zu %s %s", sep, tally[v], many ? "leaves" : "leaf",
                phrase[v][many]);
        sep = ", ";
    }
    fputc('\n', out);
}

/* The leaves check looks at: those named by an assignment, and a model's
 * parameters (labelled L1.N0.w0 and so on). */
static int checked_leaf(const Value *v, const Value *root)
{
    return v->op == OP_LEAF && (v->flags & (VALUE_NAMED | VALUE_PARAM)) &&
           v != root;
}

ViewResult view_check(FILE *out, Value *root, const ViewStyle *style,
                      char *message, size_t message_size)
{
    ValueList nodes = {0};
    if (value_topo(root, &nodes) != VALUE_OK) {
        value_list_free(&nodes);
        return VIEW_ERROR;
    }
    size_t total = 0;
    for (size_t i = 0; i < nodes.count; i++) {
        if ((i & 65535) == 65535 && view_interrupted()) {
            value_list_free(&nodes);
            return VIEW_ERROR;
        }
        total += checked_leaf(nodes.items[i], root);
    }
    ViewNames names;
    if (view_names_init(&names, root, style, VIEW_LABEL_KEEP) != 0) {
        value_list_free(&nodes);
        return VIEW_ERROR;
    }
    char name[VIEW_NAME_MAX];
    view_name(name, sizeof name, &names, root);
    if (total == 0) {
        value_list_free(&nodes);
        view_names_free(&names);
        snprintf(message, message_size, "check: %s has no named leaves to check",
                 name);
        return VIEW_DECLINED;
    }
    Row *rows = mem_calloc(total, sizeof *rows);
    size_t count = 0;
    for (size_t i = 0; i < nodes.count; i++)
        if (checked_leaf(nodes.items[i], root))
            rows[count++].leaf = nodes.items[i];
    value_list_free(&nodes);
    qsort(rows, count, sizeof *rows, by_creation);
    /* A big model: an evenly spaced sample, oldest to newest, so the
     * check costs seconds, not minutes, and says so. */
    if (count > VIEW_CHECK_SAMPLE) {
        for (size_t k = 0; k < VIEW_CHECK_SAMPLE; k++)
            rows[k] = rows[k * count / VIEW_CHECK_SAMPLE];
        count = VIEW_CHECK_SAMPLE;
    }

    ViewResult result = VIEW_OK;
    if (calculus_check(root, rows, count) != VALUE_OK)
        result = VIEW_ERROR;
    else {
        fprintf(out, "gradient check of %s: autograd against central "
                "differences\n", name);
        if (count < total)
            fprintf(out, "(a sample of %zu of its %zu leaves, evenly spaced "
                    "from oldest to newest)\n", count, total);
        print_table(out, &names, rows, count);
        print_summary(out, rows, count);
    }
    view_names_free(&names);
    free(rows);
    return result;
}
