/*
 * bench/peers/adolc.cpp — the peer workloads written against ADOL-C (the
 * taping library, Debian's libadolc-dev), for the comparison in
 * `make bench`:
 *
 *   adolc moons CSV PARAMS STEPS   the moons demo, rebuilt (taped anew each
 *                                  step, reversed from the kept Taylor
 *                                  values) and kept (taped once; each step
 *                                  zos_forward + fos_reverse)
 *   adolc chain N                  x = tanh(x*0.5 + w), N steps, the same
 *                                  two ways
 *
 * The arithmetic is the mgrad engine's, operation for operation and in the
 * same order (bench/engine.c), so the losses must be the same; relu is
 * condassign(r, a, a, zero), which keeps a tape valid for other inputs.
 * ADOL-C must have its buffers raised (bench/run.sh writes an .adolcrc
 * with OBUFSIZE, LBUFSIZE, VBUFSIZE and TBUFSIZE at 2^26 in the directory
 * it runs in), or the chain's tape spills to files.
 */
#include <adolc/adolc.h>

#include <vector>

extern "C" {
#include "bench/peers/common.h"
}

static adouble relu(const adouble &a)
{
    adouble r, zero = 0.0;
    condassign(r, a, a, zero);
    return r;
}

static const int sizes[] = {2, 16, 16, 1};
enum { LAYERS = 3 };

/* The loss of examples/moons.mg over the parameters p, on the tape. */
static adouble moons_loss(const Moons *m, const std::vector<adouble> &p)
{
    std::vector<adouble> scores(m->points);
    for (int i = 0; i < m->points; i++) {
        std::vector<adouble> x, y;
        int k = 0;
        for (int l = 0; l < LAYERS; l++) {
            int nin = sizes[l], nout = sizes[l + 1];
            y.assign(nout, adouble());
            for (int n = 0; n < nout; n++) {
                adouble sum = p[k + nin];
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
    adouble sum = 0.0;
    for (int i = 0; i < m->points; i++)
        sum = sum + relu(1.0 + (-m->y[i]) * scores[i]);
    adouble data_loss = sum * (1.0 / m->points);
    adouble reg = 0.0;
    for (size_t k = 0; k < p.size(); k++)
        reg = reg + p[k] * p[k];
    return data_loss + 1e-4 * reg;
}

static void moons(const char *csv, const char *start, int steps)
{
    static Moons m;
    moons_read(&m, csv, start);
    int n = m.params;
    std::vector<double> param(m.start, m.start + n), grad(n), loss(steps);
    const char *forms[2] = {"rebuilt", "kept"};
    for (int form = 0; form < 2; form++) {
        param.assign(m.start, m.start + n);
        double t0 = cpu_seconds();
        for (int k = 0; k < steps; k++) {
            double y = 0, one = 1;
            if (form == 0 || k == 0) {
                trace_on(1, 1);
                std::vector<adouble> p(n);
                for (int j = 0; j < n; j++)
                    p[j] <<= param[j];
                adouble l = moons_loss(&m, p);
                l >>= y;
                trace_off();
            } else {
                zos_forward(1, 1, n, 1, param.data(), &y);
            }
            fos_reverse(1, 1, n, &one, grad.data());
            loss[k] = y;
            double rate = moons_rate(k, steps);
            for (int j = 0; j < n; j++)
                param[j] -= rate * grad[j];
        }
        double t = cpu_seconds() - t0;
        printf("RESULT mlp2,16,16,1-%d %s %.4f ms/step\n", m.points, forms[form],
               t / steps * 1e3);
        char workload[64];
        snprintf(workload, sizeof workload, "mlp2,16,16,1-%d", m.points);
        print_losses(workload, forms[form], loss.data(), steps);
    }
}

/* Tapes the chain of n steps (x_0 and every w independent); *x is the
 * root's value. */
static void chain_tape(size_t n, double *x)
{
    trace_on(2, 1);
    unsigned long seed = CHAIN_SEED;
    adouble v;
    v <<= 0.5;
    for (size_t i = 0; i < n; i++) {
        adouble w;
        w <<= chain_w(&seed);
        v = tanh(v * 0.5 + w);
    }
    v >>= *x;
    trace_off();
}

static void chain(size_t n)
{
    std::vector<double> in(n + 1), grad(n + 1);
    unsigned long seed = CHAIN_SEED;
    in[0] = 0.5;
    for (size_t i = 0; i < n; i++)
        in[i + 1] = chain_w(&seed);
    double x = 0, one = 1, rebuilt = 0, kept = 0;
    for (int r = 0; r < 3; r++) {
        double t0 = cpu_seconds();
        chain_tape(n, &x);
        fos_reverse(2, 1, (int)(n + 1), &one, grad.data());
        double t = cpu_seconds() - t0;
        if (r == 0 || t < rebuilt)
            rebuilt = t;
    }
    double dw = grad[chain_probe(n) + 1], x2 = 0;
    for (int r = 0; r < 3; r++) {
        double t0 = cpu_seconds();
        zos_forward(2, 1, (int)(n + 1), 1, in.data(), &x2);
        fos_reverse(2, 1, (int)(n + 1), &one, grad.data());
        double t = cpu_seconds() - t0;
        if (r == 0 || t < kept)
            kept = t;
    }
    printf("RESULT chain-%zu rebuilt %.1f ns/step\n", n, rebuilt * 1e9 / (double)n);
    printf("RESULT chain-%zu kept %.1f ns/step\n", n, kept * 1e9 / (double)n);
    printf("LOSSES chain-%zu rebuilt %.17g %.17g\n", n, x, dw);
    printf("LOSSES chain-%zu kept %.17g %.17g\n", n, x2, grad[chain_probe(n) + 1]);
}

int main(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[1], "moons"))
        moons(argv[2], argv[3], atoi(argv[4]));
    else if (argc == 3 && !strcmp(argv[1], "chain"))
        chain((size_t)atol(argv[2]));
    else {
        fprintf(stderr, "usage: adolc moons CSV PARAMS STEPS | adolc chain N\n");
        return 2;
    }
    return 0;
}
