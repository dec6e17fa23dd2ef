/*
 * bench/peers/sacado.cpp — the peer workloads written against Sacado::Rad
 * (Trilinos' reverse-mode operator-overloading tool, Debian's
 * libtrilinos-sacado-dev), for the comparison in `make bench`:
 *
 *   sacado moons CSV PARAMS STEPS   the moons demo, rebuilt each step
 *   sacado chain N                  x = tanh(x*0.5 + w), N steps, rebuilt
 *
 * Rad records as it computes and has no replay, so there is no kept form.
 * The arithmetic is the mgrad engine's, operation for operation and in the
 * same order (bench/engine.c), so the losses must be the same.
 */
/* "v = w" makes v another name for w's node, as a C pointer would, instead
 * of recording a copy: the same graph as the engine's. */
#define RAD_EQ_ALIAS 1
#include <Sacado_trad.hpp>

#include <vector>

extern "C" {
#include "bench/peers/common.h"
}

typedef Sacado::Rad::ADvar<double> AD;

static AD relu(const AD &a)
{
    if (a.val() > 0)
        return a;
    return AD(0.0);
}

static const int sizes[] = {2, 16, 16, 1};
enum { LAYERS = 3 };

static AD moons_loss(const Moons *m, std::vector<AD> &p)
{
    std::vector<AD> scores(m->points);
    for (int i = 0; i < m->points; i++) {
        std::vector<AD> x, y;
        int k = 0;
        for (int l = 0; l < LAYERS; l++) {
            int nin = sizes[l], nout = sizes[l + 1];
            y.assign(nout, AD());
            for (int n = 0; n < nout; n++) {
                AD sum = p[k + nin];
                for (int j = 0; j < nin; j++) {
                    if (l == 0)
                        sum = sum + p[k + j] * m->x[i][j];
                    else
                        sum = sum + p[k + j] * x[j];
                }
                y[n] = l + 1 < LAYERS ? relu(sum) : sum;
                k += nin + 1;
            }
            x = y;
        }
        scores[i] = x[0];
    }
    AD sum = 0.0;
    for (int i = 0; i < m->points; i++)
        sum = sum + relu(1.0 + (-m->y[i]) * scores[i]);
    AD data_loss = sum * (1.0 / m->points);
    AD reg = 0.0;
    for (size_t k = 0; k < p.size(); k++)
        reg = reg + p[k] * p[k];
    return data_loss + 1e-4 * reg;
}

static void moons(const char *csv, const char *start, int steps)
{
    static Moons m;
    moons_read(&m, csv, start);
    int n = m.params;
    std::vector<double> param(m.start, m.start + n), loss(steps);
    double t0 = cpu_seconds();
    for (int k = 0; k < steps; k++) {
        std::vector<AD> p(param.begin(), param.end());
        AD l = moons_loss(&m, p);
        AD::Outvar_Gradcomp(l);
        loss[k] = l.val();
        double rate = moons_rate(k, steps);
        for (int j = 0; j < n; j++)
            param[j] -= rate * p[j].adj();
    }
    double t = cpu_seconds() - t0;
    char workload[64];
    snprintf(workload, sizeof workload, "mlp2,16,16,1-%d", m.points);
    printf("RESULT %s rebuilt %.4f ms/step\n", workload, t / steps * 1e3);
    print_losses(workload, "rebuilt", loss.data(), steps);
}

static void chain(size_t n)
{
    double rebuilt = 0, x = 0, dw = 0;
    for (int r = 0; r < 3; r++) {
        double t0 = cpu_seconds();
        {
            unsigned long seed = CHAIN_SEED;
            AD v = 0.5, w0;
            for (size_t i = 0; i < n; i++) {
                AD w = chain_w(&seed);
                if (i == chain_probe(n))
                    w0 = w;
                v = tanh(v * 0.5 + w);
            }
            AD::Outvar_Gradcomp(v);
            x = v.val();
            dw = w0.adj();
        }
        double t = cpu_seconds() - t0;
        if (r == 0 || t < rebuilt)
            rebuilt = t;
    }
    printf("RESULT chain-%zu rebuilt %.1f ns/step\n", n, rebuilt * 1e9 / (double)n);
    printf("LOSSES chain-%zu rebuilt %.17g %.17g\n", n, x, dw);
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "moons"))
        moons(argv[2], argv[3], atoi(argv[4]));
    else if (argc == 3 && !strcmp(argv[1], "chain"))
        chain((size_t)atol(argv[2]));
    else {
        fprintf(stderr, "usage: sacado moons CSV PARAMS STEPS | sacado chain N\n");
        return 2;
    }
    return 0;
}
