/*
 * view/plot.c — `plot e, x = lo..hi`: a terminal plot of e as the leaf x
 * runs over the range, with de/dx beside it on the same axes.
 *
 * One sample per column, taken by the engine (calculus_sample): x is set,
 * the graph recomputed with forward and differentiated with backward, so
 * the slope drawn is the one backward finds, not a finite difference; and
 * afterwards every data and grad is put back. Where e cannot be computed
 * (or is not finite) the column is left empty. This file only lays the
 * samples out.
 *
 * The picture takes style->height - 1 rows (room for the prompt): a legend,
 * the plot, the x axis and its numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "engine/calculus.h"
#include "util/mem.h"

enum Cell { EMPTY, ZERO_LINE, SLOPE, CURVE };

static const enum ViewColor cell_color[] = {
    [EMPTY] = VIEW_COLOR_NONE,
    [ZERO_LINE] = VIEW_COLOR_NOTE,
    [SLOPE] = VIEW_COLOR_SLOPE,
    [CURVE] = VIEW_COLOR_CURVE,
};

static const char *const unicode_cells[] = {" ", "\u2508", "\u00b7", "*"};
static const char *const ascii_cells[] = {" ", "-", ".", "*"};

static void print_legend(FILE *out, const ViewStyle *style,
                         const char *const *cells, Value *expr, Value *x,
                         int width)
{
    char name[VIEW_NAME_MAX], slope[2 * VIEW_NAME_MAX + 80];
    ViewNames names;
    /* interrupted, it leaves every node its plain name */
    view_names_init(&names, expr, style, VIEW_LABEL_KEEP);
    view_name(name, sizeof name, &names, expr);
    view_derivative_name(slope, sizeof slope, &names, expr, x);
    view_names_free(&names);
    size_t room = width > 12 ? (size_t)(width - 12) / 2 : 1;
    fputs("  ", out);
    view_color(out, style, VIEW_COLOR_CURVE);
    fputs(cells[CURVE], out);
    view_color_end(out, style);
    fputc(' ', out);
    view_put_cut(out, name, room);
    fputs("    ", out);
    view_color(out, style, VIEW_COLOR_SLOPE);
    fputs(cells[SLOPE], out);
    view_color_end(out, style);
    fputc(' ', out);
    view_put_cut(out, slope, room);
    fputc('\n', out);
}

/* The engine's samples as the two series drawn: e and de/dx. */
static void split_samples(const CalculusSample *samples, int cols,
                          ViewSeries *e, ViewSeries *d)
{
    for (int j = 0; j < cols; j++) {
        e->low[j] = e->high[j] = samples[j].y;
        e->ok[j] = samples[j].y_ok;
        d->low[j] = d->high[j] = samples[j].slope;
        d->ok[j] = samples[j].slope_ok;
    }
}

/* The y axis over the finite samples of both series (view_y_axis's
 * return value). */
static int y_axis(ViewYAxis *a, const ViewSeries *e, const ViewSeries *d,
                  int cols, int rows)
{
    double ymin = INFINITY, ymax = -INFINITY;
    for (int j = 0; j < cols; j++) {
        if (e->ok[j]) {
            ymin = fmin(ymin, e->low[j]);
            ymax = fmax(ymax, e->high[j]);
        }
        if (d->ok[j]) {
            ymin = fmin(ymin, d->low[j]);
            ymax = fmax(ymax, d->high[j]);
        }
    }
    return view_y_axis(a, ymin, ymax, rows);
}

static void series_free(ViewSeries *s)
{
    free(s->low);
    free(s->ok);
}

ViewResult view_plot(FILE *out, Value *expr, Value *x, double lo, double hi,
                     const ViewStyle *style, char *message,
                     size_t message_size)
{
    const char *const *cells = style->ascii ? ascii_cells : unicode_cells;
    ViewFrame frame = view_frame(style);
    int rows = frame.rows, max_cols = frame.max_cols;

    if (!isfinite(hi - lo)) {
        snprintf(message, message_size,
                 "plot: the range is wider than a double can hold");
        return VIEW_DECLINED;
    }
    /* one value per column: low and high are the same array */
    ViewSeries e, d;
    e.low = e.high = mem_malloc((size_t)max_cols * sizeof *e.low);
    d.low = d.high = mem_malloc((size_t)max_cols * sizeof *d.low);
    e.ok = mem_calloc((size_t)max_cols, 1);
    d.ok = mem_calloc((size_t)max_cols, 1);
    CalculusSample *samples = mem_malloc((size_t)max_cols * sizeof *samples);
    ViewYAxis axis = {0};

    /* The labels' width decides the columns left for samples, and the
     * samples decide the labels: settle it in a pass or two. */
    int cols = max_cols - 5, found = -1;
    ValueStatus status = VALUE_OK;
    for (int pass = 0; pass < 2; pass++) {
        status = calculus_sample(expr, x, lo, hi, (size_t)cols, samples);
        if (status != VALUE_OK)
            break;
        split_samples(samples, cols, &e, &d);
        found = y_axis(&axis, &e, &d, cols, rows);
        if (found != 0)
            break;
        int fit = view_frame_cols(&frame, &axis);
        if (fit == cols || pass > 0)
            break;
        cols = fit;
    }
    free(samples);

    ViewResult result = VIEW_OK;
    if (status != VALUE_OK) {
        result = VIEW_ERROR;
    } else if (found == -2) {
        char name[VIEW_NAME_MAX];
        view_node_name(name, sizeof name, expr, style->digits);
        snprintf(message, message_size, "plot: the values of %s span more "
                 "than a double can hold; try a narrower range", name);
        result = VIEW_DECLINED;
    } else if (found != 0) {
        char name[VIEW_NAME_MAX], var[VIEW_NAME_MAX];
        char a[VIEW_NUM_MAX], b[VIEW_NUM_MAX];
        view_node_name(name, sizeof name, expr, style->digits);
        view_node_name(var, sizeof var, x, style->digits);
        snprintf(message, message_size,
                 "plot: %s has no finite value for %s from %s to %s", name, var,
                 view_format_number(a, sizeof a, lo, style->digits),
                 view_format_number(b, sizeof b, hi, style->digits));
        result = VIEW_DECLINED;
    }
    if (result != VIEW_OK) {
        view_y_axis_free(&axis);
        series_free(&e);
        series_free(&d);
        return result;
    }

    unsigned char *canvas = mem_calloc((size_t)rows * (size_t)cols, 1);
    view_zero_line(canvas, rows, cols, &axis, ZERO_LINE);
    view_draw_series(canvas, rows, cols, &d, axis.top, axis.bottom, SLOPE);
    view_draw_series(canvas, rows, cols, &e, axis.top, axis.bottom, CURVE);

    print_legend(out, style, cells, expr, x, frame.width);
    view_chart_body(out, style, &axis, canvas, rows, cols, cells, cell_color,
                    lo, hi, 0);

    free(canvas);
    view_y_axis_free(&axis);
    series_free(&e);
    series_free(&d);
    return VIEW_OK;
}
