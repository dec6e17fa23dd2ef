/*
 * view/axes.c — what the charts (plot, curve, regions) share: round tick
 * values, a y axis of labelled rows, an x axis with numbers under its
 * ticks, series drawn onto a canvas of cells, and a canvas row printed
 * with its colours.
 *
 * A chart maps the values top..bottom onto rows 0..rows-1 and lo..hi onto
 * columns 0..cols-1, each row and column standing for the value at its
 * centre.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

static const ViewAxisGlyphs unicode_axis = {
    "\u2502", "\u2524", "\u2514", "\u2500", "\u252c"};
static const ViewAxisGlyphs ascii_axis = {"|", "+", "+", "-", "+"};

const ViewAxisGlyphs *view_axis_glyphs(const ViewStyle *style)
{
    return style->ascii ? &ascii_axis : &unicode_axis;
}

double view_nice_step(double raw)
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

/* Far from zero a step is a small part of the value: ticks get enough
 * digits that neighbours read differently. */
void view_tick_text(char *buf, size_t size, double t, double step)
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

int view_axis_row(double y, double top, double bottom, int rows)
{
    double r = (top - y) / (top - bottom) * (rows - 1);
    return (int)lround(r);
}

int view_y_axis(ViewYAxis *a, double ymin, double ymax, int rows)
{
    if (!(ymin <= ymax))
        return -1;
    if (!isfinite(ymax - ymin))
        return -2;
    if (ymax - ymin < 1e-12 * fmax(1, fabs(ymax))) {
        double pad = fabs(ymax) > 0 ? fabs(ymax) * 0.5 : 1;
        ymin -= pad;
        ymax += pad;
    }
    a->step = view_nice_step((ymax - ymin) / ((rows - 1) / 3.0));
    a->bottom = floor(ymin / a->step) * a->step;
    a->top = ceil(ymax / a->step) * a->step;
    if (a->top <= a->bottom)
        a->top = a->bottom + a->step;
    if (!isfinite(a->top) || !isfinite(a->bottom) ||
        !isfinite(a->top - a->bottom))
        return -2;
    free(a->labels);
    a->labels = mem_calloc((size_t)rows, sizeof *a->labels);
    a->label_width = 1;
    /* counted, not stepped to the end: k + 1 == k for huge k */
    double k0 = round(a->bottom / a->step);
    for (int i = 0; i <= rows + 1; i++) {
        double k = k0 + i;
        if (k * a->step > a->top + a->step * 1e-9)
            break;
        int r = view_axis_row(k * a->step, a->top, a->bottom, rows);
        if (r < 0 || r >= rows)
            continue;
        view_tick_text(a->labels[r], VIEW_NUM_MAX, k * a->step, a->step);
        int w = (int)strlen(a->labels[r]);
        if (w > a->label_width)
            a->label_width = w;
    }
    return 0;
}

void view_y_axis_free(ViewYAxis *a)
{
    free(a->labels);
    a->labels = NULL;
}

void view_y_axis_margin(FILE *out, const ViewYAxis *a, int row,
                        const ViewAxisGlyphs *g)
{
    fprintf(out, "%*s ", a->label_width, a->labels[row]);
    fputs(a->labels[row][0] ? g->tick : g->axis, out);
}

void view_x_axis(FILE *out, const ViewAxisGlyphs *g, int left, int cols,
                 double lo, double hi, int whole)
{
    char a[VIEW_NUM_MAX], b[VIEW_NUM_MAX];
    double span = hi > lo ? hi - lo : 1;
    view_tick_text(a, sizeof a, lo, span);
    view_tick_text(b, sizeof b, hi, span);
    /* ticks at round values, at least ten columns apart */
    int spacing = (int)fmax(fmax(strlen(a), strlen(b)) + 3, 10);
    double step = view_nice_step(span / fmax(1, (double)(cols - 1) / spacing));
    if (whole && step != floor(step))
        step = step < 1 ? 1 : ceil(step / 5) * 5; /* 2.5 -> 5 */
    char *ticks = mem_calloc((size_t)cols + 1, 1);
    char *numbers = mem_malloc((size_t)(left + cols) + VIEW_NUM_MAX + 1);
    memset(numbers, ' ', (size_t)(left + cols) + VIEW_NUM_MAX);
    int used = 0; /* columns of `numbers` taken so far */
    double k0 = ceil(lo / step - 1e-9);
    for (int i = 0; i <= cols + 1; i++) {
        double t = (k0 + i) * step;
        if (t > hi + step * 1e-9)
            break;
        int c = hi > lo ? (int)lround((t - lo) / (hi - lo) * (cols - 1)) : 0;
        if (c < 0 || c >= cols)
            continue;
        ticks[c] = 1;
        char text[VIEW_NUM_MAX];
        view_tick_text(text, sizeof text, t, step);
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
}

void view_draw_series(unsigned char *canvas, int rows, int cols,
                      const ViewSeries *s, double top, double bottom,
                      unsigned char mark)
{
    for (int j = 0; j < cols; j++) {
        if (!s->ok[j])
            continue;
        /* rows grow downwards: the high value has the smaller row */
        int from = view_axis_row(s->high[j], top, bottom, rows);
        int to = view_axis_row(s->low[j], top, bottom, rows);
        int up = from, down = to;
        for (int side = -1; side <= 1; side += 2) {
            int k = j + side;
            if (k < 0 || k >= cols || !s->ok[k])
                continue;
            int k_from = view_axis_row(s->high[k], top, bottom, rows);
            int k_to = view_axis_row(s->low[k], top, bottom, rows);
            if (k_to < from && (int)ceil((from + k_to) / 2.0) < up)
                up = (int)ceil((from + k_to) / 2.0);
            if (k_from > to && (int)floor((to + k_from) / 2.0) > down)
                down = (int)floor((to + k_from) / 2.0);
        }
        for (int i = up; i <= down; i++)
            if (i >= 0 && i < rows && canvas[i * cols + j] < mark)
                canvas[i * cols + j] = mark;
    }
}

void view_canvas_row(FILE *out, const ViewStyle *style,
                     const unsigned char *cells, int cols,
                     const char *const *glyphs, const enum ViewColor *colors)
{
    int last = cols - 1;
    while (last >= 0 && strcmp(glyphs[cells[last]], " ") == 0 &&
           (!style->color || colors[cells[last]] == VIEW_COLOR_NONE))
        last--;
    enum ViewColor painting = VIEW_COLOR_NONE; /* one escape per run */
    for (int j = 0; j <= last; j++) {
        enum ViewColor color = colors[cells[j]];
        if (color != painting) {
            if (painting != VIEW_COLOR_NONE)
                view_color_end(out, style);
            view_color(out, style, color);
            painting = color;
        }
        fputs(glyphs[cells[j]], out);
    }
    if (painting != VIEW_COLOR_NONE)
        view_color_end(out, style);
    fputc('\n', out);
}

ViewFrame view_frame(const ViewStyle *style)
{
    ViewFrame f;
    f.width = style->width < 30 ? 30 : style->width > 1000 ? 1000 : style->width;
    f.height = style->height < 10 ? 10 : style->height > 500 ? 500 : style->height;
    f.rows = f.height - 4;
    f.max_cols = f.width - 4; /* a label, a space, the axis, a spare column */
    return f;
}

int view_frame_cols(const ViewFrame *f, const ViewYAxis *a)
{
    int cols = f->max_cols + 1 - a->label_width;
    return cols < 10 ? 10 : cols;
}

void view_zero_line(unsigned char *canvas, int rows, int cols,
                    const ViewYAxis *a, unsigned char mark)
{
    if (a->bottom < 0 && a->top > 0) {
        int r0 = view_axis_row(0, a->top, a->bottom, rows);
        memset(canvas + (size_t)r0 * (size_t)cols, mark, (size_t)cols);
    }
}

void view_chart_body(FILE *out, const ViewStyle *style, const ViewYAxis *a,
                     const unsigned char *canvas, int rows, int cols,
                     const char *const *glyphs, const enum ViewColor *colors,
                     double lo, double hi, int whole)
{
    const ViewAxisGlyphs *g = view_axis_glyphs(style);
    for (int i = 0; i < rows; i++) {
        view_y_axis_margin(out, a, i, g);
        view_canvas_row(out, style, canvas + (size_t)i * (size_t)cols, cols,
                        glyphs, colors);
    }
    view_x_axis(out, g, a->label_width + 1, cols, lo, hi, whole);
}
