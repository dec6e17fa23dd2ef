/*
 * tools/moons.c — writes the data of micrograd's moons demo as CSV:
 * two interleaving half circles laid out as scikit-learn's make_moons lays
 * them, with mgrad's own generator (engine/random.c) for the shuffle and
 * the noise, so the same seed gives the same file everywhere.
 *
 *   moons [--samples N] [--noise SD] [--seed S] > moons.csv
 *
 * Defaults: 100 points, noise 0.1, seed 1337 (the demo's). The outer half
 * circle (cos t, sin t) gets label -1 and the inner one (1 - cos t,
 * 1 - sin t - 0.5) label 1, t evenly from 0 to pi, half the points each
 * (the inner one has the odd one out); micrograd's labels are make_moons'
 * 0/1 as y*2 - 1. The points are shuffled, then each coordinate gets
 * Gaussian noise. Numbers are written with six decimals: enough for data
 * of this noise, and few enough that the last bit of the C library's cos
 * and sin cannot change the file. `make examples/moons.csv` rebuilds the
 * committed copy.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/random.h"

#define PI 3.14159265358979323846

typedef struct Point {
    double x, y;
    int label;
} Point;

static void usage(FILE *out)
{
    fputs("usage: moons [--samples N] [--noise SD] [--seed S]\n"
          "Writes make_moons-style data (x,y,label with labels -1/1) as CSV.\n"
          "Defaults: 100 samples, noise 0.1, seed 1337.\n", out);
}

/* s as a finite number; 0 when it is anything else */
static int parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    *out = strtod(s, &end);
    return *s && !*end && errno == 0 && isfinite(*out);
}

/* s as a whole number of decimal digits; 0 when it is anything else */
static int parse_count(const char *s, unsigned long long *out)
{
    char *end;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return *s >= '0' && *s <= '9' && !*end && errno == 0;
}

/* a coordinate with six decimals, never "-0.000000" */
static void put_coordinate(double v)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.6f", v);
    fputs(strcmp(buf, "-0.000000") == 0 ? buf + 1 : buf, stdout);
}

/* n points evenly from t = 0 to pi on one half circle */
static void half_circle(Point *p, size_t n, int inner)
{
    double step = n > 1 ? PI / (double)(n - 1) : 0;
    for (size_t k = 0; k < n; k++) {
        double t = k + 1 == n && n > 1 ? PI : (double)k * step;
        p[k].x = inner ? 1 - cos(t) : cos(t);
        p[k].y = inner ? 1 - sin(t) - 0.5 : sin(t);
        p[k].label = inner ? 1 : -1;
    }
}

int main(int argc, char **argv)
{
    unsigned long long samples = 100, seed = RANDOM_DEFAULT_SEED;
    double noise = 0.1;
    for (int i = 1; i < argc; i++) {
        const char *value = i + 1 < argc ? argv[i + 1] : "";
        int ok;
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(argv[i], "--samples") == 0) {
            ok = parse_count(value, &samples) && samples > 0 &&
                 samples <= 100000000;
        } else if (strcmp(argv[i], "--noise") == 0) {
            ok = parse_number(value, &noise) && noise >= 0;
        } else if (strcmp(argv[i], "--seed") == 0) {
            ok = parse_count(value, &seed);
        } else {
            ok = 0;
        }
        if (!ok) {
            fprintf(stderr, "moons: bad argument: %s%s%s\n", argv[i],
                    i + 1 < argc ? " " : "", value);
            usage(stderr);
            return 2;
        }
        i++;
    }

    size_t n = (size_t)samples, outer = n / 2;
    Point *points = malloc(n * sizeof *points);
    if (!points) {
        fputs("moons: out of memory\n", stderr);
        return 1;
    }
    half_circle(points, outer, 0);
    half_circle(points + outer, n - outer, 1);

    random_seed(seed);
    for (size_t i = n - 1; i > 0; i--) { /* Fisher-Yates */
        size_t j = (size_t)random_below(i + 1);
        Point t = points[i];
        points[i] = points[j];
        points[j] = t;
    }
    for (size_t i = 0; i < n; i++) {
        points[i].x += noise * random_normal();
        points[i].y += noise * random_normal();
    }

    puts("x,y,label");
    for (size_t i = 0; i < n; i++) {
        put_coordinate(points[i].x);
        putchar(',');
        put_coordinate(points[i].y);
        printf(",%d\n", points[i].label);
    }
    free(points);
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
