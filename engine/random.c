/*
 * engine/random.c — the program's one random generator (see random.h).
 *
 * Bits: xoshiro256** over a 256-bit state, which splitmix64 fills from the
 * 64-bit seed (so that nearby seeds give unrelated sequences and the state
 * is never all zero). Both are defined by their integer operations alone,
 * so they give the same bits everywhere.
 *
 * Normal numbers: by inversion, one draw each, through AS 241. Its tails
 * need sqrt(-log q); sqrt is exactly rounded in IEEE arithmetic but the C
 * library's log is not required to be, so the log here is our own, built
 * from frexp (exact) and + - * /. With no fused multiply-add (the Makefile
 * builds with -ffp-contract=off) every step rounds the same on every
 * machine with IEEE doubles, and so does the result.
 */
#include "engine/random.h"

#include <math.h>

static uint64_t state[4];
static int seeded;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static uint64_t rotate_left(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void random_seed(uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        state[i] = splitmix64(&seed);
    seeded = 1;
}

void random_save(RandomState *to)
{
    for (int i = 0; i < 4; i++)
        to->bits[i] = state[i];
    to->seeded = seeded;
}

void random_restore(const RandomState *from)
{
    for (int i = 0; i < 4; i++)
        state[i] = from->bits[i];
    seeded = from->seeded;
}

uint64_t random_next_u64(void)
{
    if (!seeded)
        random_seed(RANDOM_DEFAULT_SEED);
    uint64_t result = rotate_left(state[1] * 5, 7) * 9;
    uint64_t t = state[1] << 17;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotate_left(state[3], 45);
    return result;
}

double random_uniform01(void)
{
    return (double)(random_next_u64() >> 11) * 0x1p-53;
}

double random_uniform(double a, double b)
{
    double u = random_uniform01();
    double span = b - a;
    if (isfinite(span))
        return a + span * u;
    return a * (1 - u) + b * u;
}

uint64_t random_below(uint64_t n)
{
    if (n == 0)
        return 0;
    /* Draws below 2^64 mod n would make the small results more likely. */
    uint64_t threshold = (0 - n) % n;
    for (;;) {
        uint64_t x = random_next_u64();
        if (x >= threshold)
            return x % n;
    }
}

/* log x for a normal positive x, to an ulp or two: x = m 2^e with m in
 * [sqrt(1/2), sqrt(2)), log m = 2 atanh s for s = (m - 1) / (m + 1), whose
 * series in s^2 <= 0.0295 has converged to a double after 13 terms. */
static double portable_log(double x)
{
    int e;
    double m = frexp(x, &e);
    if (m < 0.70710678118654752440) {
        m *= 2;
        e--;
    }
    double s = (m - 1) / (m + 1);
    double s2 = s * s;
    double sum = 0;
    for (int k = 12; k >= 0; k--)
        sum = sum * s2 + 1.0 / (2 * k + 1);
    return e * 0.69314718055994530942 + 2 * s * sum;
}

/* p(x) = c[0] + c[1] x + ... + c[7] x^7 */
static double polynomial(const double c[8], double x)
{
    double y = c[7];
    for (int i = 6; i >= 0; i--)
        y = y * x + c[i];
    return y;
}

/* Wichura, "The percentage points of the normal distribution", Applied
 * Statistics 37 (1988) 477-484: rational approximations for the centre
 * (|p - 1/2| <= 0.425), the near tails (r = sqrt(-log q) <= 5, q the
 * smaller of p and 1 - p) and the far tails. */
static const double centre_num[8] = {
    3.3871328727963666080e0, 1.3314166789178437745e+2,
    1.9715909503065514427e+3, 1.3731693765509461125e+4,
    4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3};
static const double centre_den[8] = {
    1.0, 4.2313330701600911252e+1,
    6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4,
    2.8729085735721942674e+4, 5.2264952788528545610e+3};
static const double near_num[8] = {
    1.42343711074968357734e0, 4.63033784615654529590e0,
    5.76949722146069140550e0, 3.64784832476320460504e0,
    1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4};
static const double near_den[8] = {
    1.0, 2.05319162663775882187e0,
    1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2,
    5.47593808499534494600e-4, 1.05075007164441684324e-9};
static const double far_num[8] = {
    6.65790464350110377720e0, 5.46378491116411436990e0,
    1.78482653991729133580e0, 2.96560571828504891230e-1,
    2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7};
static const double far_den[8] = {
    1.0, 5.99832206555887937690e-1,
    1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5,
    1.42151175831644588870e-7, 2.04426310338993978564e-15};

double random_normal_quantile(double p)
{
    if (!(p >= 0 && p <= 1))
        return NAN;
    if (p == 0)
        return -INFINITY;
    if (p == 1)
        return INFINITY;
    double q = p - 0.5;
    if (fabs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * polynomial(centre_num, r) / polynomial(centre_den, r);
    }
    double r = sqrt(-portable_log(q < 0 ? p : 1 - p));
    double z;
    if (r <= 5) {
        r -= 1.6;
        z = polynomial(near_num, r) / polynomial(near_den, r);
    } else {
        r -= 5;
        z = polynomial(far_num, r) / polynomial(far_den, r);
    }
    return q < 0 ? -z : z;
}

double random_normal(void)
{
    /* (2k + 1) 2^-53 and 1 minus it are both exact, so p and 1 - p come
     * up equally often and give z and -z exactly. */
    uint64_t k = random_next_u64() >> 12;
    return random_normal_quantile((double)(2 * k + 1) * 0x1p-53);
}
