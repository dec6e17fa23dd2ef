/*
 * engine/ops.c — the table of operations: one row per operation with its
 * name, display symbol, arity, forward function and local derivatives.
 *
 * The derivatives are the formulas PyTorch uses in float64, written the same
 * way so that gradients agree to the last bits. Adding an operation means a
 * row here and a test.
 */
#include "value.h"

#include <math.h>
#include <string.h>

static ValueStatus finite_or_overflow(double a, double b, double out,
                                      int arity)
{
    if (isinf(out) && isfinite(a) && (arity < 2 || isfinite(b)))
        return VALUE_OVERFLOW;
    return VALUE_OK;
}

/* ---- forward functions ----------------------------------------------- */

static ValueStatus f_leaf(double a, double b, double *out)
{
    (void)b;
    *out = a;
    return VALUE_OK;
}
static ValueStatus f_add(double a, double b, double *out)
{
    *out = a + b;
    return finite_or_overflow(a, b, *out, 2);
}
static ValueStatus f_sub(double a, double b, double *out)
{
    *out = a - b;
    return finite_or_overflow(a, b, *out, 2);
}
static ValueStatus f_mul(double a, double b, double *out)
{
    *out = a * b;
    return finite_or_overflow(a, b, *out, 2);
}
static ValueStatus f_div(double a, double b, double *out)
{
    if (b == 0)
        return VALUE_DIV_ZERO;
    *out = a / b;
    return finite_or_overflow(a, b, *out, 2);
}
static ValueStatus f_neg(double a, double b, double *out)
{
    (void)b;
    *out = -a;
    return VALUE_OK;
}
static ValueStatus f_pow(double a, double b, double *out)
{
    if (a == 0 && b < 0)
        return VALUE_DIV_ZERO;
    if (a < 0 && isfinite(b) && b != floor(b))
        return VALUE_POW_DOMAIN;
    *out = pow(a, b);
    return finite_or_overflow(a, b, *out, 2);
}
static ValueStatus f_tanh(double a, double b, double *out)
{
    (void)b;
    *out = tanh(a);
    return VALUE_OK;
}
static ValueStatus f_relu(double a, double b, double *out)
{
    (void)b;
    *out = a > 0 ? a : 0.0;
    return VALUE_OK;
}
static ValueStatus f_exp(double a, double b, double *out)
{
    *out = exp(a);
    return finite_or_overflow(a, b, *out, 1);
}
static ValueStatus f_log(double a, double b, double *out)
{
    (void)b;
    if (!(a > 0))
        return isnan(a) ? (*out = a, VALUE_OK) : VALUE_LOG_DOMAIN;
    *out = log(a);
    return VALUE_OK;
}
static ValueStatus f_sigmoid(double a, double b, double *out)
{
    (void)b;
    /* Never exp of a large positive number: no overflow on either side. */
    if (a >= 0) {
        *out = 1.0 / (1.0 + exp(-a));
    } else {
        double e = exp(a);
        *out = e / (1.0 + e);
    }
    return VALUE_OK;
}
static ValueStatus f_sin(double a, double b, double *out)
{
    (void)b;
    *out = sin(a);
    return VALUE_OK;
}
static ValueStatus f_cos(double a, double b, double *out)
{
    (void)b;
    *out = cos(a);
    return VALUE_OK;
}
static ValueStatus f_sqrt(double a, double b, double *out)
{
    (void)b;
    if (a < 0)
        return VALUE_SQRT_DOMAIN;
    *out = sqrt(a);
    return VALUE_OK;
}
static ValueStatus f_abs(double a, double b, double *out)
{
    (void)b;
    *out = fabs(a);
    return VALUE_OK;
}

/* ---- local derivatives: d[i] = d out / d child i ------------------------- */

static void d_none(double a, double b, double out, double d[2])
{
    (void)a; (void)b; (void)out;
    d[0] = d[1] = 0;
}
static void d_add(double a, double b, double out, double d[2])
{
    (void)a; (void)b; (void)out;
    d[0] = 1;
    d[1] = 1;
}
static void d_sub(double a, double b, double out, double d[2])
{
    (void)a; (void)b; (void)out;
    d[0] = 1;
    d[1] = -1;
}
static void d_mul(double a, double b, double out, double d[2])
{
    (void)out;
    d[0] = b;
    d[1] = a;
}
static void d_div(double a, double b, double out, double d[2])
{
    (void)out;
    d[0] = 1 / b;
    d[1] = -a / (b * b);
}
static void d_neg(double a, double b, double out, double d[2])
{
    (void)a; (void)b; (void)out;
    d[0] = -1;
    d[1] = 0;
}
static void d_powc(double a, double k, double out, double d[2])
{
    (void)out;
    d[0] = k == 0 ? 0.0 : k * pow(a, k - 1);
    d[1] = 0;
}
static void d_pow(double a, double b, double out, double d[2])
{
    d[0] = b == 0 ? 0.0 : b * pow(a, b - 1);
    d[1] = (a == 0 && b >= 0) ? 0.0 : out * log(a);
}
static void d_tanh(double a, double b, double out, double d[2])
{
    (void)a; (void)b;
    d[0] = 1 - out * out;
    d[1] = 0;
}
static void d_relu(double a, double b, double out, double d[2])
{
    (void)b; (void)out;
    d[0] = a > 0 ? 1.0 : 0.0;
    d[1] = 0;
}
static void d_exp(double a, double b, double out, double d[2])
{
    (void)a; (void)b;
    d[0] = out;
    d[1] = 0;
}
static void d_log(double a, double b, double out, double d[2])
{
    (void)b; (void)out;
    d[0] = 1 / a;
    d[1] = 0;
}
static void d_sigmoid(double a, double b, double out, double d[2])
{
    (void)a; (void)b;
    d[0] = (1 - out) * out;
    d[1] = 0;
}
static void d_sin(double a, double b, double out, double d[2])
{
    (void)b; (void)out;
    d[0] = cos(a);
    d[1] = 0;
}
static void d_cos(double a, double b, double out, double d[2])
{
    (void)b; (void)out;
    d[0] = -sin(a);
    d[1] = 0;
}
static void d_sqrt(double a, double b, double out, double d[2])
{
    (void)a; (void)b;
    d[0] = 1 / (2 * out);
    d[1] = 0;
}
static void d_abs(double a, double b, double out, double d[2])
{
    (void)b; (void)out;
    d[0] = a > 0 ? 1.0 : a < 0 ? -1.0 : 0.0;
    d[1] = 0;
}

/* ---- the table ------------------------------------------------------------ */

static const OpInfo op_table[OP_COUNT] = {
    [OP_LEAF]    = {"leaf", "", 0, 0, f_leaf, d_none},
    [OP_ADD]     = {"add", "+", 2, 0, f_add, d_add},
    [OP_SUB]     = {"sub", "-", 2, 0, f_sub, d_sub},
    [OP_MUL]     = {"mul", "*", 2, 0, f_mul, d_mul},
    [OP_DIV]     = {"div", "/", 2, 0, f_div, d_div},
    [OP_NEG]     = {"neg", "-", 1, 0, f_neg, d_neg},
    [OP_POWC]    = {"pow", "^", 2, 0, f_pow, d_powc},
    [OP_POW]     = {"pow", "^", 2, 1, f_pow, d_pow},
    [OP_TANH]    = {"tanh", "tanh", 1, 1, f_tanh, d_tanh},
    [OP_RELU]    = {"relu", "relu", 1, 1, f_relu, d_relu},
    [OP_EXP]     = {"exp", "exp", 1, 1, f_exp, d_exp},
    [OP_LOG]     = {"log", "log", 1, 1, f_log, d_log},
    [OP_SIGMOID] = {"sigmoid", "sigmoid", 1, 1, f_sigmoid, d_sigmoid},
    [OP_SIN]     = {"sin", "sin", 1, 1, f_sin, d_sin},
    [OP_COS]     = {"cos", "cos", 1, 1, f_cos, d_cos},
    [OP_SQRT]    = {"sqrt", "sqrt", 1, 1, f_sqrt, d_sqrt},
    [OP_ABS]     = {"abs", "abs", 1, 1, f_abs, d_abs},
};

const OpInfo *value_op_info(OpKind op)
{
    return &op_table[op];
}

int value_op_by_name(const char *name)
{
    for (int op = 0; op < OP_COUNT; op++)
        if (op_table[op].callable && strcmp(op_table[op].name, name) == 0)
            return op;
    return -1;
}
