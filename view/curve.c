/*
 * view/curve.c — `plot xs`: a list of numbers (a loss curve) drawn against
 * its index, on the axes plot uses (view/axes.c).
 *
 * The indices 0..n-1 are spread over the columns. Where several indices
 * share a column it is drawn from their least to their greatest value, so
 * the noise of a long run shows as a band; where the indices are fewer than
 * the columns, a value is drawn at its index's column and the columns
 * between two neighbours on the straight line that joins them. A value that
 * is not finite (a loss that diverged) is left out and breaks the line.
 *
 * The picture takes style->height - 1 rows, as plot's: a legend with the
 * count and the last and least values, the chart, the x axis and its
 * numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

enum Cell { EMPTY, ZERO_LINE, CURVE };

static const enum ViewColor cell_color[] = {
    [EMPTY] = VIEW_COLOR_NONE,
    [ZERO_LINE] = VIEW_COLOR_NOTE,
    [CURVE] = VIEW_COLOR_CURVE,
};

static const char *const unicode_cells[] = {" ", "\u2508", "*"};
static const char *const ascii_cells[] = {" ", "-", "*"};

/* Polled every this many values: a list may hold millions. */
#define POLL_EVERY 65536

/* What the legend tells besides the title. */
typedef struct Summary {
    size_t finite;        /* how many values are finite */
    double least, most;   /* over the finite values */
    size_t least_at;      /* the first index of the least */
} Summary;

/* Returns 0, or -1 when interrupted. */
static int summarize(const double *ys, size_t n, Summary *s)
{
    s->finite = 0;
    s->least = INFINITY;
    s->most = -INFINITY;
    s->least_at = 0;
    for (size_t i = 0; i < n; i++) {
        if (i % POLL_EVERY == 0 && view_interrupted())
            return -1;
        if (!isfinite(ys[i]))
            continue;
        s->finite++;
        if (ys[i] < s->least) {
            s->least = ys[i];
            s->least_at = i;
        }
        if (ys[i] > s->most)
            s->most = ys[i];
    }
    return 0;
}

static int column_of(size_t i, size_t n, int cols)
{
    if (n < 2)
        return 0;
    return (int)lround((double)i * (cols - 1) / (double)(n - 1));
}

static void widen(ViewSeries *s, int c, double y)
{
    if (!s->ok[c]) {
        s->low[c] = s->high[c] = y;
        s->ok[c] = 1;
    } else {
        s->low[c] = fmin(s->low[c], y);
        s->high[c] = fmax(s->high[c], y);
    }
}

/* The values by column, with the straight line between neighbouring
 * indices that are columns apart. Returns 0, or -1 when interrupted. */
static int lay_out(const double *ys, size_t n, int cols, ViewSeries *s)
{
    for (size_t i = 0; i < n; i++) {
        if (i % POLL_EVERY == 0 && view_interrupted())
            return -1;
        if (!isfinite(ys[i]))
            continue;
        int c = column_of(i, n, cols);
        widen(s, c, ys[i]);
        if (i + 1 == n || !isfinite(ys[i + 1]))
            continue;
        int next = column_of(i + 1, n, cols);
        for (int k = c + 1; k < next; k++) {
            double t = (double)(k - c) / (next - c);
            widen(s, k, ys[i] + (ys[i + 1] - ys[i]) * t);
        }
    }
    return 0;
}

static void print_legend(FILE *out, const ViewStyle *style,
                         const char *const *cells, const char *title,
                         const double *ys, size_t n, const Summary *s,
                         int width)
{
    char text[VIEW_NAME_MAX + 160], last[VIEW_NUM_MAX], least[VIEW_NUM_MAX];
    char parts[3][VIEW_NUM_MAX + 48];
    char not_finite[48] = "";
    if (s->finite < n)
        snprintf(not_finite, sizeof not_finite, " (%zu not finite)",
                 n - s->finite);
    view_format_number(last, sizeof last, ys[n - 1], style->digits);
    view_format_number(least, sizeof least, s->least, style->digits);
    snprintf(text, sizeof text, "%.*s%s%zu value%s%s", VIEW_NAME_MAX,
             title ? title : "", title && title[0] ? "    " : "", n,
             n == 1 ? "" : "s", not_finite);
    snprintf(parts[0], sizeof parts[0], ", last %s", last);
    snprintf(parts[1], sizeof parts[1], ", least %s", least);
    snprintf(parts[2], sizeof parts[2], " at [%zu]", s->least_at);
    /* Whole items only: a number cut in the middle would show a false
     * value, so what does not fit is left out from the end. */
    size_t room = width > 5 ? (size_t)width - 5 : 1;
    size_t used = view_text_width(text);
    for (int k = 0; k < 3 && used < room; k++) {
        size_t w = view_text_width(parts[k]);
        if (used + w > room)
            break;
        strcat(text, parts[k]);
        used += w;
    }
    fputs("  ", out);
    view_color(out, style, VIEW_COLOR_CURVE);
    fputs(cells[CURVE], out);
    view_color_end(out, style);
    fputc(' ', out);
    view_put_cut(out, text, room);
    fputc('\n', out);
}

/* The message when there is nothing to draw. */
static void decline(char *message, size_t size, const char *title,
                    const char *what)
{
    if (title && title[0])
        snprintf(message, size, "plot: %s %s", title, what);
    else
        snprintf(message, size, "plot: the list %s", what);
}

ViewResult view_curve(FILE *out, const double *ys, size_t n,
                      const ViewStyle *style, const char *title,
                      char *message, size_t message_size)
{
    const char *const *cells = style->ascii ? ascii_cells : unicode_cells;
    ViewFrame frame = view_frame(style);
    int rows = frame.rows;

    if (n == 0) {
        decline(message, message_size, title, "is empty: nothing to plot");
        return VIEW_DECLINED;
    }
    Summary sum;
    if (summarize(ys, n, &sum) != 0)
        return VIEW_ERROR;
    ViewYAxis axis = {0};
    int found = view_y_axis(&axis, sum.least, sum.most, rows);
    if (found != 0) {
        decline(message, message_size, title, found == -1
                ? "has no finite value to plot"
                : "spans more than a double can hold");
        view_y_axis_free(&axis);
        return VIEW_DECLINED;
    }
    int cols = view_frame_cols(&frame, &axis);

    ViewSeries s;
    s.low = mem_malloc((size_t)cols * sizeof *s.low);
    s.high = mem_malloc((size_t)cols * sizeof *s.high);
    s.ok = mem_calloc((size_t)cols, 1);
    if (lay_out(ys, n, cols, &s) != 0) {
        free(s.low), free(s.high), free(s.ok);
        view_y_axis_free(&axis);
        return VIEW_ERROR;
    }
    unsigned char *canvas = mem_calloc((size_t)rows * (size_t)cols, 1);
    view_zero_line(canvas, rows, cols, &axis, ZERO_LINE);
    view_draw_series(canvas, rows, cols, &s, axis.top, axis.bottom, CURVE);

    print_legend(out, style, cells, title, ys, n, &sum, frame.width);
    view_chart_body(out, style, &axis, canvas, rows, cols, cells, cell_color,
                    0, (double)(n - 1), 1);

    free(canvas);
    free(s.low), free(s.high), free(s.ok);
    view_y_axis_free(&axis);
    return VIEW_OK;
}
