/*
 * lib/modules.c — the modules import takes, one row each: mgrad's own
 * math and random (its functions and its one generator under Python's
 * names) and micrograd's engine and nn (its built-in Value, Neuron, Layer
 * and MLP), so that `import math` and `from micrograd.nn import MLP` in a
 * pasted lecture cell mean what they mean there. The Python modules a
 * lecture cell also imports, and mgrad does not have, are rows too: their
 * error says what mgrad offers instead.
 *
 * A member names a built-in of the session (an operation or a library
 * function: math.exp is exp), or is a function only the module has
 * (random.seed, random.gauss, random.choice), a module or a number.
 */
#include "lib/internal.h"

#include <math.h>

#include "engine/random.h"

/* ---- random's own functions -------------------------------------------------- */

/* random.seed(n): the command `seed n`. */
static int fn_seed(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double seed;
    if (args_split(in, "random.seed", args, n, &a, 1, 1, NULL) ||
        args_whole(in, "random.seed", "the seed", a.given[0], 0,
                   2147483647.0, &seed))
        return 1;
    random_seed((uint64_t)seed);
    *out = datum_none();
    return 0;
}

/* random.gauss(mu, sigma): mu + sigma z, z from randn(). */
static int fn_gauss(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double mu = 0, sigma = 1;
    if (args_split(in, "random.gauss", args, n, &a, 0, 2, NULL) ||
        (a.count > 0 &&
         args_number(in, "random.gauss", "mu", a.given[0], &mu)) ||
        (a.count > 1 &&
         args_number(in, "random.gauss", "sigma", a.given[1], &sigma)))
        return 1;
    *out = datum_number(mu + sigma * random_normal());
    return 0;
}

/* random.choice(xs): an item of xs, each as likely. */
static int fn_choice(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "random.choice", args, n, &a, 1, 1, NULL))
        return 1;
    const List *l = args_list(in, "random.choice", "its argument",
                              a.given[0]);
    if (!l)
        return 1;
    if (l->count == 0) {
        interp_error(in, "random.choice: the list is empty");
        return 1;
    }
    *out = l->items[random_below(l->count)];
    datum_retain(out);
    return 0;
}

static const Builtin seed_row = {
    "seed", fn_seed, "random.seed(n)",
    "Restarts mgrad's generator at seed n, as the command seed n does."};
static const Builtin gauss_row = {
    "gauss", fn_gauss, "random.gauss(mu, sigma)",
    "A number from the normal distribution of mean mu and deviation sigma\n"
    "(mgrad's generator: mu + sigma * randn())."};
static const Builtin choice_row = {
    "choice", fn_choice, "random.choice(xs)",
    "An item of the list xs, each as likely (mgrad's generator)."};

static const InterpBuiltin random_seed_fn = {"seed", -1, &seed_row};
static const InterpBuiltin random_gauss_fn = {"gauss", -1, &gauss_row};
static const InterpBuiltin random_choice_fn = {"choice", -1, &choice_row};

/* ---- the table --------------------------------------------------------------------- */

#define BUILTIN(name, builtin) {name, builtin, NULL, 0, 0}
#define FUNCTION(name, fn) {name, NULL, fn, 0, 0}
#define MODULE(name, module) {name, module, NULL, 1, 0}
#define NUMBER(name, x) {name, NULL, NULL, 0, x}
#define END {NULL, NULL, NULL, 0, 0}

static const InterpMember math_members[] = {
    BUILTIN("exp", "exp"), BUILTIN("log", "log"), BUILTIN("tanh", "tanh"),
    BUILTIN("sqrt", "sqrt"), BUILTIN("sin", "sin"), BUILTIN("cos", "cos"),
    NUMBER("pi", 3.141592653589793), NUMBER("e", 2.718281828459045), NUMBER("inf", INFINITY),
    END
};

static const InterpMember random_members[] = {
    BUILTIN("random", "rand"), BUILTIN("uniform", "uniform"),
    FUNCTION("seed", &random_seed_fn), FUNCTION("gauss", &random_gauss_fn),
    FUNCTION("choice", &random_choice_fn),
    END
};

static const InterpMember micrograd_members[] = {
    MODULE("engine", "micrograd.engine"), MODULE("nn", "micrograd.nn"),
    END
};

static const InterpMember engine_members[] = {
    BUILTIN("Value", "Value"),
    END
};

static const InterpMember nn_members[] = {
    BUILTIN("Neuron", "Neuron"), BUILTIN("Layer", "Layer"),
    BUILTIN("MLP", "MLP"),
    END
};

const InterpModule lib_modules[] = {
    {"math", math_members, NULL},
    {"random", random_members, NULL},
    {"micrograd", micrograd_members, NULL},
    {"micrograd.engine", engine_members, NULL},
    {"micrograd.nn", nn_members, NULL},
    /* what a lecture cell imports that mgrad does without */
    {"numpy", NULL, "mgrad computes with numbers and lists: [f(x) for x in "
     "xs], range, sum, zip"},
    {"torch", NULL, "mgrad's Value is the check: its gradients equal "
     "PyTorch's (float64)"},
    {"matplotlib", NULL, "mgrad draws with plot (a function or a list), "
     "curve and regions"},
    {"graphviz", NULL, "mgrad draws the graph with dot L or draw_dot(L)"},
    {"sklearn", NULL, "mgrad reads data with csv(\"file.csv\"); the moons "
     "are examples/moons.csv"},
    {NULL, NULL, NULL}
};
