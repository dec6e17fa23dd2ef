/*
 * tests/unit/pictures_test.c — the pictures of training, which need no
 * graph: view_curve (a list against its index) and view_regions (a
 * two-input model's decision regions under its points).
 *
 *   - golden pictures at 80 x 24, in tests/unit/golden/ (NAME.txt): a short loss
 *     curve with a gap (box drawing), a long noisy one that crosses zero
 *     (ASCII), and the regions of score = y - sin(x) under a dozen points,
 *     one of them on the wrong side and two sharing a cell (both styles);
 *   - with colour the same text, escapes aside;
 *   - every picture is height - 1 lines of at most width - 1 columns, at
 *     several sizes;
 *   - the refusals (nothing to draw) and their messages, printing nothing;
 *   - regions calls the model exactly once per cell; a failing model or an
 *     interrupt stops it at once, printing nothing.
 *
 * GOLDEN_BLESS=1 rewrites the golden files from the actual output (read
 * them before committing). Run from the top of the tree, as tests/run.sh
 * does. Output follows the suite protocol: one ok / not ok line per check,
 * exit status 0.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/report.h"
#include "engine/random.h"
#include "view/view.h"

#define GOLDEN_DIR "tests/unit/golden/"

static ViewStyle plain = {6, 0, 0, 80, 24, 17};

static void result(int ok, const char *name, const char *why)
{
    report("pictures", ok, name, why);
}

/* ---- capturing and comparing ------------------------------------------------ */

typedef struct Picture {
    char *text;
    ViewResult result;
    char message[VIEW_MESSAGE_MAX];
} Picture;

static void check_golden(const char *name, const char *text)
{
    char path[200], why[800] = "", title[240];
    snprintf(path, sizeof path, GOLDEN_DIR "%s.txt", name);
    snprintf(title, sizeof title, "golden %s", name);
    result(report_golden(why, sizeof why, path, text), title, why);
}

/* text without its ANSI escapes (ESC [ ... letter) */
static char *strip_escapes(const char *text)
{
    char *plain_text = malloc(strlen(text) + 1), *p = plain_text;
    for (const char *s = text; *s; s++) {
        if (*s == '\033' && s[1] == '[') {
            s += 2;
            while (*s && !(*s >= '@' && *s <= '~'))
                s++;
            if (!*s)
                break;
            continue;
        }
        *p++ = *s;
    }
    *p = 0;
    return plain_text;
}

/* text without the spaces that end its lines */
static char *trim_lines(const char *text)
{
    char *t = malloc(strlen(text) + 1), *p = t;
    for (const char *s = text; *s; s++) {
        if (*s == ' ' && s[strspn(s, " ")] == '\n') {
            s += strspn(s, " ") - 1;
            continue;
        }
        *p++ = *s;
    }
    *p = 0;
    return t;
}

/* Whether text is `lines` lines of at most `columns` columns each (UTF-8
 * code points, escapes aside); why says where not. */
static int fits(const char *text, int lines, int columns, char *why,
                size_t size)
{
    char *t = strip_escapes(text);
    int line = 0, ok = 1;
    for (char *s = t; *s; line++) {
        size_t len = strcspn(s, "\n"), width = 0;
        for (size_t i = 0; i < len; i++)
            width += ((unsigned char)s[i] & 0xC0) != 0x80;
        if ((int)width > columns && ok) {
            ok = 0;
            snprintf(why, size, "line %d is %zu columns wide", line + 1, width);
        }
        s += len + (s[len] == '\n');
    }
    if (ok && line != lines) {
        ok = 0;
        snprintf(why, size, "%d lines, not %d", line, lines);
    }
    free(t);
    return ok;
}

/* ---- the curve --------------------------------------------------------------- */

static Picture curve(const double *ys, size_t n, const ViewStyle *style,
                     const char *title)
{
    Picture p = {0};
    size_t size = 0;
    FILE *f = open_memstream(&p.text, &size);
    p.result = view_curve(f, ys, n, style, title, p.message, sizeof p.message);
    fclose(f);
    return p;
}

/* A loss falling from 1.6 towards 0.1 over 40 steps, with a step that
 * overflowed and one that was not a number. */
static void short_losses(double *ys)
{
    for (int i = 0; i < 40; i++)
        ys[i] = 1.5 / (1 + i / 6.0) + 0.1;
    ys[27] = INFINITY;
    ys[28] = NAN;
}

/* 500 noisy steps that end below zero. */
static void long_losses(double *ys)
{
    random_seed(3);
    for (int i = 0; i < 500; i++)
        ys[i] = 1.0 / (1 + i / 40.0) + 0.15 * random_uniform01() - 0.3;
}

static void test_curve(void)
{
    double short_ys[40], long_ys[500];
    short_losses(short_ys);
    long_losses(long_ys);

    Picture p = curve(short_ys, 40, &plain, "losses");
    result(p.result == VIEW_OK, "curve draws", p.message);
    check_golden("curve", p.text);
    free(p.text);

    ViewStyle ascii = plain;
    ascii.ascii = 1;
    p = curve(long_ys, 500, &ascii, "loss");
    check_golden("curve-long-ascii", p.text);

    ViewStyle color = ascii;
    color.color = 1;
    Picture c = curve(long_ys, 500, &color, "loss");
    char *stripped = strip_escapes(c.text);
    result(strcmp(stripped, p.text) == 0 && strstr(c.text, "\033[1;36m"),
           "curve in colour is the same text, coloured",
           "it differs once the escapes are removed, or has no colour");
    free(stripped);
    free(c.text);
    free(p.text);

    /* sizes: the frame always height - 1 lines of width - 1 columns at most */
    static const int sizes[][2] = {{30, 10}, {80, 24}, {120, 40}, {20, 5}};
    int ok = 1;
    char why[200] = "";
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes && ok; k++) {
        ViewStyle s = plain;
        s.width = sizes[k][0];
        s.height = sizes[k][1];
        int w = s.width < 30 ? 30 : s.width, h = s.height < 10 ? 10 : s.height;
        p = curve(long_ys, 500, &s, "a rather long title for a list of losses");
        ok = fits(p.text, h - 1, w - 1, why, sizeof why);
        free(p.text);
        if (!ok) {
            char at[64];
            snprintf(at, sizeof at, " at %dx%d", sizes[k][0], sizes[k][1]);
            strncat(why, at, sizeof why - strlen(why) - 1);
        }
    }
    result(ok, "curve fills the screen size and no more", why);

    double one = 0.25;
    p = curve(&one, 1, &plain, NULL);
    result(p.result == VIEW_OK &&
           strstr(p.text, "  * 1 value, last 0.25, least 0.25 at [0]\n") &&
           strstr(p.text, "0.25 \u2524*\n") && strstr(p.text, "\n      0\n"),
           "curve of one value", p.text ? p.text : "");
    free(p.text);

    double constant[5] = {3, 3, 3, 3, 3};
    p = curve(constant, 5, &plain, "flat");
    result(p.result == VIEW_OK && fits(p.text, 23, 79, why, sizeof why),
           "curve of a constant", why);
    free(p.text);
}

static void test_curve_refusals(void)
{
    static const double nothing[3] = {NAN, INFINITY, -INFINITY};
    static const double huge[2] = {-1e308, 1e308};
    static const struct {
        const double *ys;
        size_t n;
        const char *title, *message;
    } cases[] = {
        {NULL, 0, "losses", "plot: losses is empty: nothing to plot"},
        {NULL, 0, NULL, "plot: the list is empty: nothing to plot"},
        {nothing, 3, "losses", "plot: losses has no finite value to plot"},
        {nothing, 3, "", "plot: the list has no finite value to plot"},
        {huge, 2, "xs", "plot: xs spans more than a double can hold"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        Picture p = curve(cases[k].ys, cases[k].n, &plain, cases[k].title);
        char name[120], why[VIEW_MESSAGE_MAX + 80];
        snprintf(name, sizeof name, "curve declines: %s", cases[k].message);
        snprintf(why, sizeof why, "result %d, message \"%s\", printed %zu bytes",
                 p.result, p.message, strlen(p.text));
        result(p.result == VIEW_DECLINED && p.text[0] == 0 &&
               strcmp(p.message, cases[k].message) == 0, name, why);
        free(p.text);
    }

    volatile sig_atomic_t flag = 1;
    view_set_interrupt_flag(&flag);
    double ys[3] = {1, 2, 3};
    Picture p = curve(ys, 3, &plain, "xs");
    view_set_interrupt_flag(NULL);
    result(p.result == VIEW_ERROR && p.text[0] == 0,
           "curve stops on an interrupt, printing nothing", p.text);
    free(p.text);
}

/* ---- regions ----------------------------------------------------------------- */

typedef struct Model {
    long calls;
    long fail_at;   /* the call that fails (1-based), or 0 */
} Model;

static int sine_boundary(void *ctx, double x, double y, double *score)
{
    Model *m = ctx;
    if (++m->calls == m->fail_at)
        return 1;
    *score = y - sin(x);
    return 0;
}

/* A dozen points, labelled by the side of y = sin(x) they are on, except
 * (-2, 1.5), which is labelled on the wrong side; (1.5, 0.2) and
 * (1.52, 0.2) share a cell with opposite labels. */
static const double point_x[] = {-3, -2, -1, 0, 1, 2, 3, -2.5, 0.5, 2.5, 1.5,
                                 -1.5, 1.52, -2};
static const double point_y[] = {0.5, -1.5, 0.2, -0.5, 1.5, 0.3, -0.8, 1, -1,
                                 1.2, 0.2, -0.2, 0.2, 1.5};
#define POINTS (sizeof point_x / sizeof *point_x)

static void point_labels(double *labels)
{
    for (size_t i = 0; i < POINTS; i++)
        labels[i] = point_y[i] - sin(point_x[i]) > 0 ? 1 : -1;
    labels[12] = -labels[12];
    labels[13] = -labels[13];
}

static Picture regions(Model *m, const double *xs, const double *ys,
                       const double *labels, size_t n, const ViewStyle *style)
{
    Picture p = {0};
    size_t size = 0;
    FILE *f = open_memstream(&p.text, &size);
    p.result = view_regions(f, sine_boundary, m, xs, ys, labels, n, style,
                            p.message, sizeof p.message);
    fclose(f);
    return p;
}

/* Cells of the plane: its rows times the columns right of the y axis. */
static long plane_cells(const char *text)
{
    long rows = 0, cols = 0;
    char *t = strip_escapes(text);
    const char *line = strchr(t, '\n') + 1; /* past the legend */
    /* the x axis line: margin, corner, then one character per column */
    for (const char *s = line; *s; s += strcspn(s, "\n") + 1) {
        if (strstr(s, "\u2514") && strstr(s, "\u2514") < s + strcspn(s, "\n")) {
            const char *c = strstr(s, "\u2514") + 3;
            for (; *c && *c != '\n'; c++)
                cols += ((unsigned char)*c & 0xC0) != 0x80;
            break;
        }
        rows++;
    }
    free(t);
    return rows * cols;
}

static void test_regions(void)
{
    double labels[POINTS];
    point_labels(labels);

    Model m = {0, 0};
    Picture p = regions(&m, point_x, point_y, labels, POINTS, &plain);
    result(p.result == VIEW_OK, "regions draws", p.message);
    check_golden("regions", p.text);
    long cells = plane_cells(p.text);
    char why[200];
    snprintf(why, sizeof why, "%ld calls for %ld cells", m.calls, cells);
    result(cells > 1000 && m.calls == cells,
           "regions calls the model once per cell", why);

    ViewStyle ascii = plain;
    ascii.ascii = 1;
    Model m2 = {0, 0};
    Picture a = regions(&m2, point_x, point_y, labels, POINTS, &ascii);
    check_golden("regions-ascii", a.text);

    ViewStyle color = plain;
    color.color = 1;
    Model m3 = {0, 0};
    Picture c = regions(&m3, point_x, point_y, labels, POINTS, &color);
    /* the background goes on to the end of the line, spaces and all */
    char *bare = strip_escapes(c.text), *stripped = trim_lines(bare);
    free(bare);
    /* with colour the legend adds a swatch for score <= 0 */
    const char *body = strchr(stripped, '\n'), *plain_body = strchr(p.text, '\n');
    result(body && plain_body && strcmp(body, plain_body) == 0 &&
           strstr(stripped, "score \u2264 0") && strstr(c.text, "\033[44m") &&
           strstr(c.text, "\033[41m"),
           "regions in colour is the same picture on two backgrounds",
           "it differs once the escapes are removed, or lacks a background");
    free(stripped);
    free(c.text);
    free(a.text);
    free(p.text);

    static const int sizes[][2] = {{30, 10}, {80, 24}, {160, 50}, {10, 3}};
    int ok = 1;
    why[0] = 0;
    for (size_t k = 0; k < sizeof sizes / sizeof *sizes && ok; k++) {
        ViewStyle s = plain;
        s.width = sizes[k][0];
        s.height = sizes[k][1];
        int w = s.width < 30 ? 30 : s.width, h = s.height < 10 ? 10 : s.height;
        Model mk = {0, 0};
        Picture q = regions(&mk, point_x, point_y, labels, POINTS, &s);
        ok = q.result == VIEW_OK && fits(q.text, h - 1, w - 1, why, sizeof why);
        free(q.text);
    }
    result(ok, "regions fills the screen size and no more", why);

    /* one point: a plane of 1 around it, the point in the middle */
    double x0 = 0.5, y0 = 0.5, l0 = 1;
    Model m4 = {0, 0};
    p = regions(&m4, &x0, &y0, &l0, 1, &plain);
    result(p.result == VIEW_OK && strchr(strchr(p.text, '\n'), 'o') &&
           strstr(p.text, "-0.5") && strstr(p.text, "1.5"),
           "regions around a single point", p.text);
    free(p.text);
}

static void test_regions_refusals(void)
{
    double labels[POINTS];
    point_labels(labels);
    double xs[2] = {0, 1}, ys[2] = {0, NAN}, far[2] = {-1e308, 1e308};
    static const char *const want[] = {
        "regions: there are no points to draw around",
        "regions: point [1] is (1, nan): its coordinates must be finite",
        "regions: the points spread wider than a double can hold",
    };
    for (int k = 0; k < 3; k++) {
        Model m = {0, 0};
        Picture p = k == 0 ? regions(&m, xs, xs, labels, 0, &plain)
                    : k == 1 ? regions(&m, xs, ys, labels, 2, &plain)
                             : regions(&m, far, xs, labels, 2, &plain);
        char name[120], why[VIEW_MESSAGE_MAX + 80];
        snprintf(name, sizeof name, "regions declines: %s", want[k]);
        snprintf(why, sizeof why, "result %d, message \"%s\", %ld calls",
                 p.result, p.message, m.calls);
        result(p.result == VIEW_DECLINED && p.text[0] == 0 && m.calls == 0 &&
               strcmp(p.message, want[k]) == 0, name, why);
        free(p.text);
    }

    Model failing = {0, 37};
    Picture p = regions(&failing, point_x, point_y, labels, POINTS, &plain);
    char why[200];
    snprintf(why, sizeof why, "result %d after %ld calls, %zu bytes printed",
             p.result, failing.calls, strlen(p.text));
    result(p.result == VIEW_ERROR && failing.calls == 37 && p.text[0] == 0,
           "regions stops at the model's first failure, printing nothing", why);
    free(p.text);

    volatile sig_atomic_t flag = 1;
    view_set_interrupt_flag(&flag);
    Model m = {0, 0};
    p = regions(&m, point_x, point_y, labels, POINTS, &plain);
    view_set_interrupt_flag(NULL);
    snprintf(why, sizeof why, "result %d after %ld calls", p.result, m.calls);
    result(p.result == VIEW_ERROR && m.calls == 0 && p.text[0] == 0,
           "regions stops on an interrupt, printing nothing", why);
    free(p.text);
}

int main(void)
{
    test_curve();
    test_curve_refusals();
    test_regions();
    test_regions_refusals();
    return 0;
}
