/*
 * bench/kept.c — the engine alone on a kept graph: what training that
 * builds its loss once and repeats forward, backward, step pays per node.
 *
 *   kept [STEPS [ROUNDS]]
 *
 * Builds the chain bench/run.sh writes as a script, five nodes a step
 * (w_i, the constant 0.5, a product, a sum, a tanh):
 *
 *   x_{i+1} = tanh(x_i * 0.5 + w_i)
 *
 * for STEPS steps (default 1 000 000: 5 000 001 nodes), then times the
 * first backward (the engine finds the topological order), ROUNDS rounds
 * (default 5) of forward + backward on the same graph after the leaves
 * changed (the order is known), and, for comparison, the rebuilt form:
 * the same graph built, differentiated once and released, as a training
 * loop that rebuilds its loss every step does, and the full free at the
 * end of a run, every node at once (compare with release, node by node).
 * Each figure is printed as seconds and ns/node; memory as bytes/node of
 * resident set.
 *
 * Built by `make bench` and linked with the engine's objects, like the
 * unit tests; it uses only the engine's public API, so the same file
 * measures an older engine too.
 */
#include "engine/value.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* The compile-stage issue's target for a kept graph of 5 M nodes. */
#define TARGET_NS 12.0

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The resident set now, in bytes (Linux). */
static double resident_bytes(void)
{
    long pages = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (double)resident * (double)sysconf(_SC_PAGESIZE);
}

/* Consumes the references to a and b. */
static Value *apply(OpKind op, Value *a, Value *b)
{
    ValueStatus status;
    Value *v = value_apply(op, a, b, &status);
    if (!v) {
        fprintf(stderr, "kept: operation %d failed (status %d)\n", op, status);
        exit(1);
    }
    value_release(a);
    value_release(b);
    return v;
}

/* The chain; *w0 is the first w, kept by the caller. */
static Value *build(size_t steps, Value **w0)
{
    unsigned long seed = 20240611;
    Value *x = value_leaf(0.5);
    for (size_t i = 0; i < steps; i++) {
        seed = seed * 16807 % 2147483647;
        Value *w = value_leaf((double)((long)(seed % 20001) - 10000) / 100000);
        if (i == 0)
            *w0 = value_retain(w);
        x = apply(OP_TANH, apply(OP_ADD, apply(OP_MUL, x, value_constant(0.5)),
                                 w), NULL);
    }
    return x;
}

static void row(const char *what, double secs, double nodes)
{
    printf("  %-44s %8.3f s %7.2f ns/node\n", what, secs, secs * 1e9 / nodes);
}

int main(int argc, char **argv)
{
    size_t steps = argc > 1 ? (size_t)atol(argv[1]) : 1000000;
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    if (steps < 1 || rounds < 1) {
        fprintf(stderr, "usage: kept [STEPS [ROUNDS]]\n");
        return 2;
    }
    double nodes = 5.0 * (double)steps + 1;

    double rss0 = resident_bytes();
    double t0 = seconds();
    Value *w0 = NULL;
    Value *root = build(steps, &w0);
    double t1 = seconds();
    double rss1 = resident_bytes();
    if (value_backward(root) != VALUE_OK)
        return 1;
    double t2 = seconds();
    double rss2 = resident_bytes();

    /* The rounds change a leaf, as a training step does, so that forward
     * has real work; the best round is the figure (the machine is noisy). */
    double best = 0, total = 0;
    for (int r = 0; r < rounds; r++) {
        w0->data -= 0.001 * w0->grad;
        double a = seconds();
        if (value_forward(root, NULL) != VALUE_OK || value_backward(root) != VALUE_OK)
            return 1;
        double b = seconds() - a;
        total += b;
        if (r == 0 || b < best)
            best = b;
    }
    double rss3 = resident_bytes();
    double checksum = root->data + w0->grad;
    value_release(root);
    value_release(w0);
    double t3 = seconds();

    /* The rebuilt form: build, backward once, release; best of two. */
    double rebuilt = 0;
    for (int r = 0; r < 2; r++) {
        double a = seconds();
        Value *w = NULL;
        Value *x = build(steps, &w);
        if (value_backward(x) != VALUE_OK)
            return 1;
        value_release(x);
        value_release(w);
        double b = seconds() - a;
        if (r == 0 || b < rebuilt)
            rebuilt = b;
    }

    /* The end of a run that wants a full free, both ways, each giving the
     * memory back to the system: node by node, then the pool's blocks;
     * every node at once. */
    Value *w = NULL;
    Value *x = build(steps, &w);
    double t4 = seconds();
    value_release(x);
    value_release(w);
    value_shutdown();
    double one_by_one = seconds() - t4;
    x = build(steps, &w);
    t4 = seconds();
    value_free_all();
    value_release(x);    /* harmless after value_free_all() */
    value_release(w);
    value_shutdown();
    double free_all = seconds() - t4;

    printf("kept graph: %.0f nodes (%zu steps of x = tanh(x*0.5 + w)), "
           "%d rounds\n", nodes, steps, rounds);
    row("build", t1 - t0, nodes);
    row("first backward (order computed)", t2 - t1, nodes);
    row("forward + backward (order known), best", best, nodes);
    row("forward + backward (order known), mean", total / rounds, nodes);
    row("release", t3 - t2 - total, nodes);
    row("rebuilt form: build + backward + release", rebuilt, nodes);
    row("full free: node by node, then the blocks", one_by_one, nodes);
    row("full free: all at once (value_free_all)", free_all, nodes);
    printf("  memory: graph %.1f bytes/node, first backward +%.1f, "
           "rounds +%.1f\n", (rss1 - rss0) / nodes, (rss2 - rss1) / nodes,
           (rss3 - rss2) / nodes);
    printf("  target: forward + backward <= %.0f ns/node (%s)\n",
           TARGET_NS, best * 1e9 / nodes <= TARGET_NS ? "met" : "MISSED");
    printf("  (checksum %.17g)\n", checksum);
    return 0;
}
