/*
 * bench/peers/common.h — what the peer benchmarks share (bench/engine.c in
 * C, bench/peers/adolc.cpp and sacado.cpp in C++): CPU time, the moons
 * demo's start (its initial parameters, exported by mgrad, and its data),
 * the chain's leaves, and the lines every program prints:
 *
 *   RESULT <workload> <form> <figure> <unit>
 *   LOSSES <workload> <form> <loss> <loss> ...   (at 17 digits)
 *
 * bench/run.sh reads them into its tables and checks that every system
 * reached the same losses.
 */
#ifndef MGRAD_BENCH_PEERS_COMMON_H
#define MGRAD_BENCH_PEERS_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of this process, in seconds. */
static double cpu_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The moons demo: micrograd's mlp(2, [16, 16, 1]) with relu on the hidden
 * layers, the SVM max-margin loss with an L2 penalty, 100 steps of SGD. */
enum { MOONS_MAX_POINTS = 4096, MOONS_MAX_PARAMS = 1 << 16 };

typedef struct Moons {
    int points;
    double x[MOONS_MAX_POINTS][2];
    double y[MOONS_MAX_POINTS];
    int params;
    double start[MOONS_MAX_PARAMS];   /* per neuron: weights, then bias */
} Moons;

/* Reads the data (CSV with a header: x,y,label) and the parameters (one
 * number a line); exits on a bad file. */
static void moons_read(Moons *m, const char *csv, const char *params)
{
    FILE *f = fopen(csv, "r");
    char line[256];
    if (!f || !fgets(line, sizeof line, f)) {
        fprintf(stderr, "cannot read %s\n", csv);
        exit(2);
    }
    m->points = 0;
    while (m->points < MOONS_MAX_POINTS && fgets(line, sizeof line, f)) {
        double a, b, c;
        if (sscanf(line, "%lf,%lf,%lf", &a, &b, &c) != 3)
            break;
        m->x[m->points][0] = a;
        m->x[m->points][1] = b;
        m->y[m->points] = c;
        m->points++;
    }
    fclose(f);
    f = fopen(params, "r");
    if (!f) {
        fprintf(stderr, "cannot read %s\n", params);
        exit(2);
    }
    m->params = 0;
    while (m->params < MOONS_MAX_PARAMS &&
           fscanf(f, "%lf", &m->start[m->params]) == 1)
        m->params++;
    fclose(f);
}

/* The learning rate of step k of n, as the demo has it for n = 100. */
static double moons_rate(int k, int n)
{
    return 1.0 - 0.9 * k / n;
}

static void print_losses(const char *workload, const char *form,
                         const double *loss, int n)
{
    printf("LOSSES %s %s", workload, form);
    for (int k = 0; k < n; k++)
        printf(" %.17g", loss[k]);
    printf("\n");
}

/* The chain's w_i, from the same generator as bench/run.sh's script. */
static double chain_w(unsigned long *seed)
{
    *seed = *seed * 16807 % 2147483647;
    return (double)((long)(*seed % 20001) - 10000) / 100000;
}

#define CHAIN_SEED 20240611UL

/* The w whose gradient the chain reports: one 20 steps from the end (the
 * first w's is 0 in double precision after a million steps of x*0.5). */
static size_t chain_probe(size_t n)
{
    return n > 20 ? n - 20 : 0;
}

#endif
