/*
 * bench/engine.c — the mgrad engine alone, through its C API, on the
 * workloads of the peer comparison (bench/peers/) and the scale table:
 *
 *   engine moons CSV PARAMS SIZES STEPS [FORM]
 *                                          moons' MLP trained STEPS steps,
 *                                          rebuilt each step and kept (or
 *                                          only FORM: rebuilt or kept)
 *   engine chain N [FORM]                  x = tanh(x*0.5 + w), N steps,
 *                                          rebuilt and kept (or only FORM,
 *                                          once: for a profiler)
 *   engine scale NODES                     the chain at about NODES nodes:
 *                                          ns per node, rebuilt and kept
 *
 * SIZES is the MLP's widths, e.g. 2,16,16,1 (relu on every layer but the
 * last). The graph is made in the order examples/moons.mg makes it (the
 * same nodes, constants included), so the losses are the script's to the
 * bit. Figures are CPU time (CLOCK_PROCESS_CPUTIME_ID), printed as the
 * lines bench/peers/common.h describes. Built by `make bench`, linked like
 * a unit test.
 */
#include "engine/value.h"

#include "bench/peers/common.h"

enum { MAX_WIDTH = 256, MAX_LAYERS = 8 };

typedef struct Net {
    int layers;
    int sizes[MAX_LAYERS + 1];
    int count;
    Value **params;
} Net;

static Value *make(OpKind op, Value *a, Value *b)
{
    ValueStatus status;
    Value *v = value_apply_taking(op, a, b, &status);
    if (!v) {
        fprintf(stderr, "engine: operation %d failed (status %d)\n", op, status);
        exit(1);
    }
    return v;
}

static void parse_sizes(Net *net, const char *text)
{
    net->layers = -1;
    for (const char *p = text; *p && net->layers < MAX_LAYERS;) {
        net->sizes[++net->layers] = (int)strtol(p, (char **)&p, 10);
        if (net->sizes[net->layers] < 1 || net->sizes[net->layers] > MAX_WIDTH) {
            fprintf(stderr, "engine: bad sizes %s\n", text);
            exit(2);
        }
        if (*p == ',')
            p++;
    }
    net->count = 0;
    for (int l = 0; l < net->layers; l++)
        net->count += net->sizes[l + 1] * (net->sizes[l] + 1);
}

/* The network's score for one point, as interp/model.c computes it: the
 * inputs as constants, each neuron b + w0*x0 + w1*x1 + ..., relu on every
 * layer but the last. */
static Value *score(const Net *net, const double *point)
{
    Value *x[MAX_WIDTH], *y[MAX_WIDTH];
    int width = net->sizes[0];
    for (int i = 0; i < width; i++)
        x[i] = value_constant(point[i]);
    Value **p = net->params;
    for (int l = 0; l < net->layers; l++) {
        int nin = net->sizes[l], nout = net->sizes[l + 1];
        for (int n = 0; n < nout; n++) {
            Value *sum = value_retain(p[nin]);
            for (int i = 0; i < nin; i++)
                sum = make(OP_ADD, sum, make(OP_MUL, value_retain(p[i]),
                                                value_retain(x[i])));
            y[n] = l + 1 < net->layers ? make(OP_RELU, sum, NULL) : sum;
            p += nin + 1;
        }
        for (int i = 0; i < nin; i++)
            value_release(x[i]);
        memcpy(x, y, (size_t)nout * sizeof *x);
    }
    return x[0];
}

/* examples/moons.mg's loss: mean(relu(1 - y*score)) + 1e-4 * sum(p*p). */
static Value *moons_loss(const Net *net, const Moons *m)
{
    Value **scores = malloc((size_t)m->points * sizeof *scores);
    for (int i = 0; i < m->points; i++)
        scores[i] = score(net, m->x[i]);
    Value *sum = value_constant(0);
    for (int i = 0; i < m->points; i++) {
        Value *margin = make(OP_MUL, value_constant(-m->y[i]), scores[i]);
        Value *loss = make(OP_RELU, make(OP_ADD, value_constant(1), margin),
                           NULL);
        sum = make(OP_ADD, sum, loss);
    }
    free(scores);
    Value *data_loss = make(OP_MUL, sum,
                            value_constant(1.0 / (double)m->points));
    Value **squares = malloc((size_t)net->count * sizeof *squares);
    for (int k = 0; k < net->count; k++)
        squares[k] = make(OP_MUL, value_retain(net->params[k]),
                          value_retain(net->params[k]));
    Value *reg = value_constant(0);
    for (int k = 0; k < net->count; k++)
        reg = make(OP_ADD, reg, squares[k]);
    free(squares);
    Value *reg_loss = make(OP_MUL, value_constant(1e-4), reg);
    return make(OP_ADD, data_loss, reg_loss);
}

static void update(const Net *net, double rate)
{
    for (int k = 0; k < net->count; k++)
        net->params[k]->data -= rate * net->params[k]->grad;
}

static void moons(const char *csv, const char *start, const char *sizes,
                  int steps, const char *only)
{
    static Moons m;
    Net net;
    moons_read(&m, csv, start);
    parse_sizes(&net, sizes);
    if (m.params != net.count) {
        fprintf(stderr, "engine: %d parameters for %d\n", m.params, net.count);
        exit(2);
    }
    double *loss = malloc((size_t)steps * sizeof *loss);
    net.params = malloc((size_t)net.count * sizeof *net.params);
    const char *forms[2] = {"rebuilt", "kept"};
    char workload[64];
    snprintf(workload, sizeof workload, "mlp%s-%d", sizes, m.points);
    for (int form = 0; form < 2; form++) {
        if (only && strcmp(only, forms[form]))
            continue;
        for (int k = 0; k < net.count; k++)
            net.params[k] = value_leaf(m.start[k]);
        size_t nodes = value_live_count();
        double t0 = cpu_seconds();
        Value *root = NULL;
        for (int k = 0; k < steps; k++) {
            if (form == 0 || k == 0) {
                root = moons_loss(&net, &m);
                if (k == 0)
                    nodes = value_live_count() - nodes;
            } else if (value_forward(root, NULL) != VALUE_OK) {
                exit(1);
            }
            loss[k] = root->data;
            /* Rebuilt, the graph goes with its backward. */
            if ((form == 0 ? value_backward_release(root)
                           : value_backward(root)) != VALUE_OK)
                exit(1);
            update(&net, moons_rate(k, steps));
        }
        if (form == 1)
            value_release(root);
        double t = cpu_seconds() - t0;
        for (int k = 0; k < net.count; k++)
            value_release(net.params[k]);
        printf("RESULT %s %s %.4f ms/step\n", workload, forms[form],
               t / steps * 1e3);
        printf("RESULT %s nodes %zu nodes/step\n", workload, nodes);
        print_losses(workload, forms[form], loss, steps);
    }
    free(net.params);
    free(loss);
}

/* The chain of n steps; *w0 is its w number chain_probe(n), kept by the
 * caller. */
static Value *chain_build(size_t n, Value **w0)
{
    unsigned long seed = CHAIN_SEED;
    Value *x = value_leaf(0.5);
    for (size_t i = 0; i < n; i++) {
        Value *w = value_leaf(chain_w(&seed));
        if (i == chain_probe(n))
            *w0 = value_retain(w);
        x = make(OP_TANH, make(OP_ADD, make(OP_MUL, x, value_constant(0.5)),
                               w), NULL);
    }
    return x;
}

/* Seconds for one rebuilt chain (build, then backward and release at
 * once: value_backward_release) and for one
 * forward + backward of a kept one, the best of rounds (repeated until a
 * round covers 2 million steps, for small chains); *x and *dw are the
 * root's data and the gradient of the probed w. */
static void chain_times(size_t n, int rounds, double *rebuilt, double *kept,
                        double *x, double *dw)
{
    size_t repeat = 1;
    while (repeat * n < 2000000)
        repeat *= 2;
    *rebuilt = *kept = 0;
    for (int r = 0; r < rounds; r++) {
        double t0 = cpu_seconds();
        for (size_t k = 0; k < repeat; k++) {
            Value *w0 = NULL;
            Value *root = chain_build(n, &w0);
            *x = root->data;
            if (value_backward_release(root) != VALUE_OK)
                exit(1);
            *dw = w0->grad;
            value_release(w0);
        }
        double t = (cpu_seconds() - t0) / (double)repeat;
        if (r == 0 || t < *rebuilt)
            *rebuilt = t;
    }
    Value *w0 = NULL;
    Value *root = chain_build(n, &w0);
    if (value_backward(root) != VALUE_OK)
        exit(1);
    for (int r = 0; r < rounds; r++) {
        double t0 = cpu_seconds();
        for (size_t k = 0; k < repeat; k++) {
            if (value_forward(root, NULL) != VALUE_OK ||
                value_backward(root) != VALUE_OK)
                exit(1);
        }
        double t = (cpu_seconds() - t0) / (double)repeat;
        if (r == 0 || t < *kept)
            *kept = t;
    }
    if (root->data != *x || w0->grad != *dw) {
        fprintf(stderr, "engine: the kept chain disagrees with the rebuilt one\n");
        exit(1);
    }
    value_release(root);
    value_release(w0);
}

/* One chain of n steps in FORM only, run once, for a profiler such as
 * callgrind: rebuilt (made, then backward and freed at once) or kept (made once, then
 * forward + backward). */
static void chain_once(size_t n, const char *form)
{
    Value *w0 = NULL;
    Value *root = chain_build(n, &w0);
    double x = root->data;
    if (strcmp(form, "kept")) {
        if (value_backward_release(root) != VALUE_OK)
            exit(1);
    } else if (value_backward(root) != VALUE_OK ||
               value_forward(root, NULL) != VALUE_OK ||
               value_backward(root) != VALUE_OK) {
        exit(1);
    } else {
        value_release(root);
    }
    printf("LOSSES chain-%zu %s %.17g %.17g\n", n, form, x, w0->grad);
    value_release(w0);
}

static void chain(size_t n)
{
    double rebuilt, kept, x, dw;
    chain_times(n, 3, &rebuilt, &kept, &x, &dw);
    char workload[64];
    snprintf(workload, sizeof workload, "chain-%zu", n);
    printf("RESULT %s rebuilt %.1f ns/step\n", workload, rebuilt * 1e9 / (double)n);
    printf("RESULT %s kept %.1f ns/step\n", workload, kept * 1e9 / (double)n);
    printf("LOSSES %s rebuilt %.17g %.17g\n", workload, x, dw);
    printf("LOSSES %s kept %.17g %.17g\n", workload, x, dw);
}

static void scale(size_t nodes)
{
    size_t n = nodes / 5 ? nodes / 5 : 1;
    double rebuilt, kept, x, dw;
    chain_times(n, 3, &rebuilt, &kept, &x, &dw);
    double count = 5.0 * (double)n + 1;
    printf("RESULT scale-%zu rebuilt %.2f ns/node\n", nodes, rebuilt * 1e9 / count);
    printf("RESULT scale-%zu kept %.2f ns/node\n", nodes, kept * 1e9 / count);
}

int main(int argc, char **argv)
{
    if ((argc == 6 || argc == 7) && !strcmp(argv[1], "moons"))
        moons(argv[2], argv[3], argv[4], atoi(argv[5]), argc == 7 ? argv[6] : NULL);
    else if (argc == 3 && !strcmp(argv[1], "chain"))
        chain((size_t)atol(argv[2]));
    else if (argc == 4 && !strcmp(argv[1], "chain"))
        chain_once((size_t)atol(argv[2]), argv[3]);
    else if (argc == 3 && !strcmp(argv[1], "scale"))
        scale((size_t)atol(argv[2]));
    else {
        fprintf(stderr, "usage: engine moons CSV PARAMS SIZES STEPS [FORM] | "
                        "engine chain N [FORM] | engine scale NODES\n");
        return 2;
    }
    value_shutdown();
    return 0;
}
