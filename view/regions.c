/*
 * view/regions.c — a two-input model's decision regions with its training
 * points over them: the picture micrograd's moons demo draws with
 * matplotlib's contourf of score > 0 and a scatter of the points.
 *
 * The plane is the points' bounding box with a margin of a third of its
 * width left and right and a third of its height above and below (the
 * moons get about the demo's 1 at the sides and 0.6 above and below:
 * terminal rows are few), the y bounds then rounded out to tick values.
 * Each character cell is one sample, at its centre: the model is
 * called once per cell, never more, and the cell is shaded where the score
 * is > 0 (as the demo's `score > 0`: a NaN is not). The points go on top,
 * 'o' for a label > 0 and 'x' otherwise, '*' for a cell that holds both.
 * Nothing is printed until every cell is known, so a failed or interrupted
 * evaluation leaves no half picture.
 *
 * The picture takes style->height - 1 rows, as plot's: a legend, the plane
 * with the y axis at its left, the x axis and its numbers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

/* A cell: below or above (score > 0), plus what point it holds. */
enum Cell {
    BELOW, ABOVE,
    O_BELOW, O_ABOVE,       /* points labelled > 0 */
    X_BELOW, X_ABOVE,       /* points labelled <= 0 */
    BOTH_BELOW, BOTH_ABOVE  /* points of both kinds */
};
enum { HOLDS_O = 1, HOLDS_X = 2 };

static const char *const unicode_cells[] = {" ", "\u00b7", "o", "o",
                                            "x", "x", "*", "*"};
static const char *const ascii_cells[] = {" ", ".", "o", "o",
                                          "x", "x", "*", "*"};
static const enum ViewColor cell_color[] = {
    VIEW_COLOR_BELOW, VIEW_COLOR_ABOVE,
    VIEW_COLOR_POINT_BELOW, VIEW_COLOR_POINT_ABOVE,
    VIEW_COLOR_POINT_BELOW, VIEW_COLOR_POINT_ABOVE,
    VIEW_COLOR_POINT_BELOW, VIEW_COLOR_POINT_ABOVE,
};

/* One entry of the legend, "  <swatch> words", if it fits in what is left
 * of the line (*room columns). */
static void legend_entry(FILE *out, const ViewStyle *style,
                         const char *const *cells, enum Cell k,
                         const char *words, size_t *room)
{
    size_t width = 4 + view_text_width(words);
    if (width > *room)
        return;
    *room -= width;
    fputs("  ", out);
    view_color(out, style, cell_color[k]);
    fputs(cells[k], out);
    view_color_end(out, style);
    fputc(' ', out);
    fputs(words, out);
}

/* What the shades and marks mean, as much as fits in the width. */
static void print_legend(FILE *out, const ViewStyle *style,
                         const char *const *cells, int mixed, int width)
{
    size_t room = (size_t)width - 1;
    const char *at_most = style->ascii ? "<=" : "\u2264";
    char words[32];
    legend_entry(out, style, cells, ABOVE, "score > 0", &room);
    /* blank without colour: its swatch would not show */
    if (style->color) {
        snprintf(words, sizeof words, "score %s 0", at_most);
        legend_entry(out, style, cells, BELOW, words, &room);
    }
    legend_entry(out, style, cells, O_ABOVE, "label > 0", &room);
    snprintf(words, sizeof words, "label %s 0", at_most);
    legend_entry(out, style, cells, X_BELOW, words, &room);
    if (mixed)
        legend_entry(out, style, cells, BOTH_BELOW, "both", &room);
    fputc('\n', out);
}

/* Where a coordinate falls among `count` samples from lo to hi. */
static int nearest(double v, double lo, double hi, int count)
{
    long k = lround((v - lo) / (hi - lo) * (count - 1));
    return k < 0 ? 0 : k >= count ? count - 1 : (int)k;
}

ViewResult view_regions(FILE *out, ViewRegionFn score, void *ctx,
                        const double *xs, const double *ys,
                        const double *labels, size_t n,
                        const ViewStyle *style, char *message,
                        size_t message_size)
{
    const char *const *cells = style->ascii ? ascii_cells : unicode_cells;
    ViewFrame frame = view_frame(style);
    int rows = frame.rows;

    if (n == 0) {
        snprintf(message, message_size,
                 "regions: there are no points to draw around");
        return VIEW_DECLINED;
    }
    double xmin = INFINITY, xmax = -INFINITY, ymin = INFINITY, ymax = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(xs[i]) || !isfinite(ys[i])) {
            char x[VIEW_NUM_MAX], y[VIEW_NUM_MAX];
            snprintf(message, message_size, "regions: point [%zu] is (%s, %s): "
                     "its coordinates must be finite", i,
                     view_format_number(x, sizeof x, xs[i], style->digits),
                     view_format_number(y, sizeof y, ys[i], style->digits));
            return VIEW_DECLINED;
        }
        xmin = fmin(xmin, xs[i]);
        xmax = fmax(xmax, xs[i]);
        ymin = fmin(ymin, ys[i]);
        ymax = fmax(ymax, ys[i]);
    }
    /* A third of the spread each way; a line of points borrows the other
     * axis's, a single point has 1. */
    double xmargin = (xmax - xmin) / 3, ymargin = (ymax - ymin) / 3;
    if (xmargin == 0)
        xmargin = ymargin > 0 ? ymargin : 1;
    if (ymargin == 0)
        ymargin = xmargin;
    double lo = xmin - xmargin, hi = xmax + xmargin;
    ViewYAxis axis = {0};
    if (!isfinite(xmargin) || !isfinite(ymargin) || !isfinite(hi - lo) ||
        view_y_axis(&axis, ymin - ymargin, ymax + ymargin, rows) != 0) {
        snprintf(message, message_size,
                 "regions: the points spread wider than a double can hold");
        view_y_axis_free(&axis);
        return VIEW_DECLINED;
    }
    int cols = view_frame_cols(&frame, &axis);

    /* Every cell's side first: nothing is printed unless all are known. */
    unsigned char *canvas = mem_malloc((size_t)rows * (size_t)cols);
    ViewResult result = VIEW_OK;
    for (int i = 0; i < rows && result == VIEW_OK; i++) {
        double y = axis.top - (axis.top - axis.bottom) * i / (rows - 1);
        for (int j = 0; j < cols; j++) {
            double x = lo + (hi - lo) * j / (cols - 1), s;
            if (view_interrupted() || score(ctx, x, y, &s) != 0) {
                result = VIEW_ERROR;
                break;
            }
            canvas[(size_t)i * (size_t)cols + (size_t)j] = s > 0 ? ABOVE : BELOW;
        }
    }
    if (result != VIEW_OK) {
        free(canvas);
        view_y_axis_free(&axis);
        return result;
    }

    unsigned char *holds = mem_calloc((size_t)rows * (size_t)cols, 1);
    for (size_t k = 0; k < n; k++) {
        int i = nearest(ys[k], axis.top, axis.bottom, rows);
        int j = nearest(xs[k], lo, hi, cols);
        holds[(size_t)i * (size_t)cols + (size_t)j] |=
            labels[k] > 0 ? HOLDS_O : HOLDS_X;
    }
    int mixed = 0;
    for (size_t c = 0; c < (size_t)rows * (size_t)cols; c++) {
        static const unsigned char first[] = {BELOW, O_BELOW, X_BELOW, BOTH_BELOW};
        if (holds[c])
            canvas[c] = (unsigned char)(first[holds[c]] + canvas[c]);
        mixed |= holds[c] == (HOLDS_O | HOLDS_X);
    }
    free(holds);

    print_legend(out, style, cells, mixed, frame.width);
    view_chart_body(out, style, &axis, canvas, rows, cols, cells, cell_color,
                    lo, hi, 0);

    free(canvas);
    view_y_axis_free(&axis);
    return VIEW_OK;
}
