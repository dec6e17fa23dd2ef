/*
 * engine/random.h — mgrad's own random numbers: `seed n`, `rand()`,
 * `uniform(a, b)`, `randn()` and the weights models start with.
 *
 * One generator for the whole program, so that the same seed gives the
 * same numbers on every machine and with every C library: the bits come
 * from xoshiro256** (Blackman and Vigna, 2018) seeded through splitmix64,
 * and every number made from them uses only integer operations and the
 * IEEE-exact + - * / and sqrt (no exp, log, sin from the C library).
 * Until random_seed is called the generator is as if seeded with
 * RANDOM_DEFAULT_SEED.
 */
#ifndef MGRAD_ENGINE_RANDOM_H
#define MGRAD_ENGINE_RANDOM_H

#include <stdint.h>

/* The seed at start-up: the one micrograd's moons demo sets. */
#define RANDOM_DEFAULT_SEED 1337

/* The generator's whole state, so that an embedding can give each of its
 * sessions a sequence of its own. All zero: as at start-up. */
typedef struct RandomState {
    uint64_t bits[4];
    int seeded;
} RandomState;
void random_save(RandomState *to);
void random_restore(const RandomState *from);

/* Restarts the sequence; any 64-bit value is a good seed (0 included). */
void random_seed(uint64_t seed);

/* The next 64 random bits. */
uint64_t random_next_u64(void);

/* Uniform in [0, 1): the top 53 bits of one draw times 2^-53, so every
 * multiple of 2^-53 in the interval is equally likely. */
double random_uniform01(void);

/* Uniform between a and b: a + (b - a) * u as Python's random.uniform
 * computes it (b itself may come up through rounding). When b - a
 * overflows, a * (1 - u) + b * u instead, which stays finite. */
double random_uniform(double a, double b);

/* Standard normal (mean 0, standard deviation 1), from one draw: the
 * inverse of the normal distribution function at p = (2k + 1) / 2^53 for
 * the top 52 bits k of the draw, so the result is exactly symmetric and
 * never beyond about ±8.2. */
double random_normal(void);

/* The inverse of the standard normal distribution function, for 0 < p < 1
 * (-inf at 0, inf at 1, NaN outside): Wichura's algorithm AS 241, accurate
 * to about 1e-16 relative, with the logarithm its tails need computed here
 * from + - * / alone. */
double random_normal_quantile(double p);

/* Uniform over the integers 0 .. n-1 without bias (0 when n is 0). */
uint64_t random_below(uint64_t n);

#endif
