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

#include "internal.h"
#include "../engine/calculus.h"
#include "../util/mem.h"

enum Cell { EMPTY, ZERO_LINE, SLOPE, CURVE };

typedef struct Series {
    double *y;
    unsigned char *ok;
} Series;

/* The smallest of 1, 2, 2.5, 5 times a power of ten that is >= raw. */
static double nice_step(double raw)
{
    static const double steps[] = {1, 2, 2.5, 5, 10};
    if (!(raw > 0) || !isfinite(raw))
        return 1;
    double p = pow(10, floor(log10(raw)));
    if (!(p > 0) || !isfinite(p))
        return raw; /* at the ends of the double range: no rounding */
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (steps[i] * p >= raw * (1 - 1e-12))
            return steps[i] * p;
    return 10 * p;
}

/* A tick value as text: exactly 0 at zero, and with enough digits that
 * ticks step apart read differently (far from zero a step is a small part
 * of the value). */
static void tick_text(char *buf, size_t size, double t, double step)
{
    if (fabs(t) < step * 1e-9)
        t = 0;
    int digits = 6;
    if (step > 0 && t != 0) {
        double need = ceil(log10(fabs(t) / step)) + 2;
        if (need > digits)
            digits = need > 17 ? 17 : (int)need;
    }
    view_format_number(buf, size, t, digits);
}

static int row_of(double y, double top, double bottom, int rows)
{
    double r = (top - y) / (top - bottom) * (rows - 1);
    return (int)lround(r);
}

/* Marks series s on the canvas, each column reaching halfway to its
 * neighbours so that steep stretches stay joined. */
static void draw_series(unsigned char *canvas, int rows, int cols,
                        const Series *s, double top, double bottom,
                        unsigned char mark)
{
    for (int j = 0; j < cols; j++) {
        if (!s->ok[j])
            continue;
        int r = row_of(s->y[j], top, bottom, rows);
        int from = r, to = r;
        for (int side = -1; side <= 1; side += 2) {
            int k = j + side;
            if (k < 0 || k >= cols || !s->ok[k])
                continue;
            int n = row_of(s->y[k], top, bottom, rows);
            double mid = (r + n) / 2.0;
            int reach = n > r ? (int)floor(mid) : (int)ceil(mid);
            if (reach < from)
                from = reach;
            if (reach > to)
                to = reach;
        }
        for (int i = from; i <= to; i++)
            if (i >= 0 && i < rows && canvas[i * cols + j] < mark)
                canvas[i * cols + j] = mark;
    }
}

static const enum ViewColor cell_color[] = {
    [ZERO_LINE] = VIEW_COLOR_NOTE,
    [SLOPE] = VIEW_COLOR_SLOPE,
    [CURVE] = VIEW_COLOR_CURVE,
};

typedef struct Glyphs {
    const char *curve, *slope, *zero, *axis, *tick, *corner, *line, *xtick;
} Glyphs;

static const Glyphs unicode_glyphs = {
    "*", "\u00b7", "\u2508", "\u2502", "\u2524", "\u2514", "\u2500",
    "\u252c"};
static const Glyphs ascii_glyphs = {"*", ".", "-", "|", "+", "+", "-", "+"};

/* Prints s cut to at most width columns. */
static void put_cut(FILE *out, const char *s, size_t width)
{
    size_t w = 0;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && w++ == width)
            break;
        fputc(*p, out);
    }
}

static void print_legend(FILE *out, const ViewStyle *style, const Glyphs *g,
                         Value *expr, Value *x, int width)
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
    fputs(g->curve, out);
    view_color_end(out, style);
    fputc(' ', out);
    put_cut(out, name, room);
    fputs("    ", out);
    view_color(out, style, VIEW_COLOR_SLOPE);
    fputs(g->slope, out);
    view_color_end(out, style);
    fputc(' ', out);
    put_cut(out, slope, room);
    fputc('\n', out);
}

/* The engine's samples as the two series drawn. */
static void split_samples(const CalculusSample *samples, int cols, Series *e,
                          Series *d)
{
    for (int j = 0; j < cols; j++) {
        e->y[j] = samples[j].y;
        e->ok[j] = samples[j].y_ok;
        d->y[j] = samples[j].slope;
        d->ok[j] = samples[j].slope_ok;
    }
}

typedef struct Axis {
    double top, bottom, step;
    char (*labels)[VIEW_NUM_MAX]; /* per row; "" where no tick */
    int label_width;
} Axis;

/* Nice bounds and a tick every three rows or more, over the finite
 * samples. Returns -1 when there are none, -2 when they span more than a
 * double can measure. */
static int y_axis(Axis *a, const Series *e, const Series *d, int cols,
                  int rows)
{
    double ymin = INFINITY, ymax = -INFINITY;
    for (int j = 0; j < cols; j++) {
        if (e->ok[j]) {
            ymin = fmin(ymin, e->y[j]);
            ymax = fmax(ymax, e->y[j]);
        }
        if (d->ok[j]) {
            ymin = fmin(ymin, d->y[j]);
            ymax = fmax(ymax, d->y[j]);
        }
    }
    if (!(ymin <= ymax))
        return -1;
    if (!isfinite(ymax - ymin))
        return -2;
    if (ymax - ymin < 1e-12 * fmax(1, fabs(ymax))) {
        double pad = fabs(ymax) > 0 ? fabs(ymax) * 0.5 : 1;
        ymin -= pad;
        ymax += pad;
    }
    a->step = nice_step((ymax - ymin) / ((rows - 1) / 3.0));
    a->bottom = floor(ymin / a->step) * a->step;
    a->top = ceil(ymax / a->step) * a->step;
    if (a->top <= a->bottom)
        a->top = a->bottom + a->step;
    if (!isfinite(a->top) || !isfinite(a->bottom) ||
        !isfinite(a->top - a->bottom))
        return -2;
    memset(a->labels, 0, (size_t)rows * sizeof *a->labels);
    a->label_width = 1;
    /* counted, not stepped to the end: k + 1 == k for huge k */
    double k0 = round(a->bottom / a->step);
    for (int i = 0; i <= rows + 1; i++) {
        double k = k0 + i;
        if (k * a->step > a->top + a->step * 1e-9)
            break;
        int r = row_of(k * a->step, a->top, a->bottom, rows);
        if (r < 0 || r >= rows)
            continue;
        tick_text(a->labels[r], VIEW_NUM_MAX, k * a->step, a->step);
        int w = (int)strlen(a->labels[r]);
        if (w > a->label_width)
            a->label_width = w;
    }
    return 0;
}

ViewResult view_plot(FILE *out, Value *expr, Value *x, double lo, double hi,
                     const ViewStyle *style, char *message,
                     size_t message_size)
{
    const Glyphs *g = style->ascii ? &ascii_glyphs : &unicode_glyphs;
    int width = style->width < 30 ? 30 : style->width > 1000 ? 1000 : style->width;
    int height = style->height < 10 ? 10 : style->height > 500 ? 500 : style->height;
    int rows = height - 4;
    int max_cols = width - 4; /* a label, a space, the axis, a spare column */

    if (!isfinite(hi - lo)) {
        snprintf(message, message_size,
                 "plot: the range is wider than a double can hold");
        return VIEW_DECLINED;
    }
    Series e, d;
    e.y = mem_malloc((size_t)max_cols * sizeof *e.y);
    d.y = mem_malloc((size_t)max_cols * sizeof *d.y);
    e.ok = mem_calloc((size_t)max_cols, 1);
    d.ok = mem_calloc((size_t)max_cols, 1);
    CalculusSample *samples = mem_malloc((size_t)max_cols * sizeof *samples);
    Axis axis = {0};
    axis.labels = mem_calloc((size_t)rows, sizeof *axis.labels);

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
        int fit = max_cols + 1 - axis.label_width;
        if (fit == cols || pass > 0)
            break;
        cols = fit < 10 ? 10 : fit;
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
        free(axis.labels);
        free(e.y), free(d.y), free(e.ok), free(d.ok);
        return result;
    }
    double top = axis.top, bottom = axis.bottom;
    char (*labels)[VIEW_NUM_MAX] = axis.labels;
    int label_width = axis.label_width;
    int left = label_width + 1; /* labels and a space, then the axis */

    unsigned char *canvas = mem_calloc((size_t)rows * (size_t)cols, 1);
    if (bottom < 0 && top > 0) {
        int r0 = row_of(0, top, bottom, rows);
        memset(canvas + (size_t)r0 * (size_t)cols, ZERO_LINE, (size_t)cols);
    }
    draw_series(canvas, rows, cols, &d, top, bottom, SLOPE);
    draw_series(canvas, rows, cols, &e, top, bottom, CURVE);

    print_legend(out, style, g, expr, x, width);
    for (int i = 0; i < rows; i++) {
        fprintf(out, "%*s ", label_width, labels[i]);
        fputs(labels[i][0] ? g->tick : g->axis, out);
        int last = cols - 1;
        while (last >= 0 && canvas[i * cols + last] == EMPTY)
            last--;
        int painting = EMPTY; /* the colour now on: one escape per run */
        for (int j = 0; j <= last; j++) {
            int cell = canvas[i * cols + j];
            if (cell != painting) {
                if (painting != EMPTY)
                    view_color_end(out, style);
                if (cell != EMPTY)
                    view_color(out, style, cell_color[cell]);
                painting = cell;
            }
            fputs(cell == EMPTY ? " " : cell == ZERO_LINE ? g->zero
                  : cell == SLOPE ? g->slope : g->curve, out);
        }
        if (painting != EMPTY)
            view_color_end(out, style);
        fputc('\n', out);
    }

    /* x axis: ticks at nice values, at least ten columns apart */
    char a[VIEW_NUM_MAX], b[VIEW_NUM_MAX];
    tick_text(a, sizeof a, lo, hi - lo);
    tick_text(b, sizeof b, hi, hi - lo);
    int spacing = (int)fmax(fmax(strlen(a), strlen(b)) + 3, 10);
    double xstep = nice_step((hi - lo) / fmax(1, (double)(cols - 1) / spacing));
    char *ticks = mem_calloc((size_t)cols + 1, 1);
    char *numbers = mem_malloc((size_t)(left + cols) + VIEW_NUM_MAX + 1);
    memset(numbers, ' ', (size_t)(left + cols) + VIEW_NUM_MAX);
    int used = 0; /* columns of `numbers` taken so far */
    double k0 = ceil(lo / xstep - 1e-9);
    for (int i = 0; i <= cols + 1; i++) {
        double t = (k0 + i) * xstep;
        if (t > hi + xstep * 1e-9)
            break;
        int c = (int)lround((t - lo) / (hi - lo) * (cols - 1));
        if (c < 0 || c >= cols)
            continue;
        ticks[c] = 1;
        char text[VIEW_NUM_MAX];
        tick_text(text, sizeof text, t, xstep);
        int w = (int)strlen(text);
        int at = left + 1 + c - w / 2;
        if (at < used + (used ? 1 : 0))
            continue;
        memcpy(numbers + at, text, (size_t)w);
        used = at + w;
    }
    fprintf(out, "%*s", left, "");
    fputs(g->corner, out);
    for (int j = 0; j < cols; j++)
        fputs(ticks[j] ? g->xtick : g->line, out);
    fputc('\n', out);
    fprintf(out, "%.*s\n", used, numbers);

    free(ticks);
    free(numbers);
    free(canvas);
    free(labels);
    free(e.y), free(d.y), free(e.ok), free(d.ok);
    return VIEW_OK;
}
