/*
 * tests/unit/view_test.c — the views against the engine, without the
 * language: number and name formatting (17 digits: the shortest text that
 * reads back); how the nodes of a picture are named (rebound names
 * numbered, long source text shortened); polytree drawing at exactly the
 * width it says it needs; explain and check agreeing with backward on
 * every operation and on random graphs; check, plot and explain leaving
 * the graph as promised; no traversal mark left behind; the interrupt flag
 * obeyed; and the sizes that must stay fast (a 200 000 node graph drawn as
 * a tree, as DOT and as a polytree in under 2 s, a wide one declined, a
 * chain a million deep drawn without recursion).
 *
 * Output follows the suite protocol: one ok / not ok line per check,
 * exit status 0.
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tests/unit/report.h"
#include "engine/value.h"
#include "util/mem.h"
#include "view/view.h"
#include "tests/unit/test_labels.h"

#include "view/internal.h"

static ViewStyle style = {6, 0, 0, 80, 24, 17};

/* The time limits are for the plain build; a sanitizer build checks every
 * access and gets three times as long (as the pty test scales its own). */
#if defined(__SANITIZE_ADDRESS__)
#define SLOWDOWN 3
#else
#define SLOWDOWN 1
#endif

static void result(int ok, const char *name, const char *why)
{
    report("view", ok, name, why);
}

/* The process's CPU time: the limits below are on the views' work, which
 * other jobs on a shared machine must not stretch. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- building graphs ---------------------------------------------------- */

static Value *leaf(double data, const char *name)
{
    Value *v = value_leaf(data);
    if (name)
        set_text_label(v, mem_strdup(name), 1);
    return v;
}

/* Applies op and drops the caller's references to a and b. */
static Value *apply(OpKind op, Value *a, Value *b, const char *label)
{
    ValueStatus status;
    Value *v = value_apply(op, a, b, &status);
    if (v && label)
        set_text_label(v, mem_strdup(label), 0);
    value_release(a);
    if (b)
        value_release(b);
    return v;
}

/* Everything reachable from root, for checks over all nodes. */
static ValueList nodes_of(Value *root)
{
    ValueList list = {0};
    value_topo(root, &list);
    return list;
}

static int marks_clear(Value *root)
{
    ValueList list = nodes_of(root);
    int clear = 1;
    for (size_t i = 0; i < list.count; i++)
        if (list.items[i]->flags & (VALUE_MARK1 | VALUE_MARK2))
            clear = 0;
    value_list_free(&list);
    return clear;
}

/* What a view printed, as a string the caller frees. */
typedef ViewResult (*Drawer)(FILE *out, Value *root, void *ctx);

static char *capture(Drawer draw, Value *root, void *ctx, ViewResult *r)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    *r = draw(f, root, ctx);
    fclose(f);
    return text;
}

static ViewResult draw_explain(FILE *out, Value *root, void *ctx)
{
    (void)ctx;
    return view_explain(out, root, &style, -1);
}

static ViewResult draw_check(FILE *out, Value *root, void *ctx)
{
    (void)ctx;
    char message[VIEW_MESSAGE_MAX];
    return view_check(out, root, &style, message, sizeof message);
}

/* ---- formatting ------------------------------------------------------------ */

static void test_format(void)
{
    char buf[64];
    struct { double x; int digits; const char *want; } cases[] = {
        {0.0, 6, "0"}, {-0.0, 6, "0"}, {-3, 6, "-3"}, {0.1 + 0.2, 6, "0.3"},
        {0.1 + 0.2, 17, "0.30000000000000004"}, {1e-7, 6, "1e-07"},
        {123456789, 6, "1.23457e+08"}, {INFINITY, 6, "inf"},
        {-INFINITY, 6, "-inf"}, {NAN, 6, "nan"}, {2.5, 0, "2"},
        {6.8813735870195432, 6, "6.88137"},
    };
    int ok = 1;
    char why[300] = "";
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        view_format_number(buf, sizeof buf, cases[i].x, cases[i].digits);
        if (strcmp(buf, cases[i].want) != 0 && ok) {
            ok = 0;
            snprintf(why, sizeof why, "%.17g at %d digits gave %s, not %s",
                     cases[i].x, cases[i].digits, buf, cases[i].want);
        }
    }
    result(ok, "format numbers", why);

    Value *a = leaf(2, "a"), *L = leaf(1, "L"), *k = value_constant(-3);
    Value *ab = value_apply(OP_MUL, a, k, NULL);
    set_text_label(ab, mem_strdup("a*b"), 0);
    char d1[64], d2[64], d3[64], n1[64];
    ViewNames names;
    view_names_init(&names, ab, &style, VIEW_LABEL_KEEP);
    view_derivative_name(d1, sizeof d1, &names, L, a);
    view_derivative_name(d2, sizeof d2, &names, L, ab);
    view_derivative_name(d3, sizeof d3, &names, ab, a);
    view_names_free(&names);
    view_node_name(n1, sizeof n1, k, 6);
    snprintf(why, sizeof why, "%s %s %s %s", d1, d2, d3, n1);
    result(strcmp(why, "dL/da dL/d(a*b) d(a*b)/da -3") == 0,
           "derivative names", why);
    value_release(ab);
    value_release(a);
    value_release(L);
    value_release(k);
}

/* ---- names ------------------------------------------------------------ */

static const char *name_in(const ViewNames *names, const Value *v)
{
    static char buf[8][VIEW_NAME_MAX];
    static int turn;
    turn = (turn + 1) % 8;
    return view_name(buf[turn], sizeof buf[turn], names, v);
}

static void test_names(void)
{
    char why[600];
    /* a = 2; a -= 1; a *= 3; a /= 2 */
    Value *a0 = leaf(2, "a");
    Value *a1 = apply(OP_SUB, value_retain(a0), value_constant(1), NULL);
    set_text_label(a1, mem_strdup("a"), 1);
    Value *a2 = apply(OP_MUL, value_retain(a1), value_constant(3), NULL);
    set_text_label(a2, mem_strdup("a"), 1);
    Value *a3 = apply(OP_DIV, value_retain(a2), value_constant(2), NULL);
    set_text_label(a3, mem_strdup("a"), 1);

    ViewNames names;
    ViewStyle unicode = style, ascii = style;
    ascii.ascii = 1;
    char d[VIEW_NAME_MAX];
    view_names_init(&names, a3, &unicode, VIEW_LABEL_KEEP);
    view_derivative_name(d, sizeof d, &names, a3, a1);
    snprintf(why, sizeof why, "%s %s %s %s %s", name_in(&names, a0),
             name_in(&names, a1), name_in(&names, a2), name_in(&names, a3), d);
    result(strcmp(why, "a a\u2081 a\u2082 a\u2083 da\u2083/da\u2081") == 0,
           "rebound names are numbered, oldest plain", why);
    view_names_free(&names);

    view_names_init(&names, a3, &ascii, VIEW_LABEL_KEEP);
    snprintf(why, sizeof why, "%s %s", name_in(&names, a1),
             name_in(&names, a3));
    result(strcmp(why, "a#1 a#3") == 0, "numbered names in ASCII", why);
    view_names_free(&names);

    /* numbering is per picture: a₁'s own graph has two a's */
    view_names_init(&names, a1, &unicode, VIEW_LABEL_KEEP);
    snprintf(why, sizeof why, "%s %s %s", name_in(&names, a0),
             name_in(&names, a1), name_in(&names, a3));
    result(strcmp(why, "a a\u2081 a") == 0,
           "numbers count only the picture's own nodes", why);
    view_names_free(&names);

    /* the same source text twice; constants alike stay their values */
    Value *x = leaf(2, "x"), *y = leaf(3, "y");
    Value *p = apply(OP_MUL, value_retain(x), value_retain(y), "x*y");
    Value *q = apply(OP_MUL, value_retain(x), value_retain(y), "x*y");
    Value *k1 = value_constant(2), *k2 = value_constant(2);
    Value *s1 = apply(OP_ADD, value_retain(p), value_retain(k1), "x*y + 2");
    Value *s2 = apply(OP_ADD, value_retain(q), value_retain(k2), "x*y + 2");
    Value *sum = apply(OP_ADD, value_retain(s1), value_retain(s2), NULL);
    view_names_init(&names, sum, &unicode, VIEW_LABEL_KEEP);
    view_derivative_name(d, sizeof d, &names, sum, q);
    snprintf(why, sizeof why, "%s %s %s %s %s %s %s", name_in(&names, p),
             name_in(&names, q), name_in(&names, s1), name_in(&names, s2),
             name_in(&names, k1), name_in(&names, k2), d);
    result(strcmp(why, "x*y (x*y)\u2081 x*y + 2 (x*y + 2)\u2081 2 2 "
                       "d(16)/d(x*y)\u2081") == 0,
           "equal source text is numbered, constants are not", why);
    view_names_free(&names);

    /* long source text: cut at the end, or in the middle where two cuts
     * would look alike, and numbered when even that is alike */
    const char *head = "w1*x1 + w2*x2 + w3*x3 + w4*x4 + w5*x5 + ";
    char l1[200], l2[200];
    snprintf(l1, sizeof l1, "%s\n+ w8*x8 + w9*x9 + b", head);
    snprintf(l2, sizeof l2, "%s\n+ w8*x8 + w9*x9 + c", head);
    Value *u1 = apply(OP_TANH, value_retain(x), NULL, l1);
    Value *u2 = apply(OP_TANH, value_retain(y), NULL, l2);
    Value *u3 = apply(OP_TANH, value_retain(y), NULL, l2);
    Value *lone = apply(OP_EXP, value_retain(x), NULL, l1);
    Value *pair = apply(OP_ADD, value_retain(u1), value_retain(u2), NULL);
    Value *all = apply(OP_ADD, value_retain(pair), value_retain(u3), NULL);
    view_names_init(&names, lone, &unicode, VIEW_LABEL_KEEP);
    snprintf(why, sizeof why, "%s", name_in(&names, lone));
    result(strcmp(why, "w1*x1 + w2*x2 + w3*x3 + w4*x4 + w5*x5 + \u2026") == 0,
           "long source text is cut at its end", why);
    view_names_free(&names);
    view_names_init(&names, all, &unicode, VIEW_LABEL_KEEP);
    snprintf(why, sizeof why, "%s | %s | %s", name_in(&names, u1),
             name_in(&names, u2), name_in(&names, u3));
    result(strcmp(why, "w1*x1 + w2*x2 + w3*x\u2026+ w8*x8 + w9*x9 + b | "
                       "w1*x1 + w2*x2 + w3*x\u2026+ w8*x8 + w9*x9 + c | "
                       "(w1*x1 + w2*x2 + w3*x\u2026+ w8*x8 + w9*x9 + c)\u2081")
               == 0,
           "long texts cut alike are shortened in the middle", why);
    view_names_free(&names);

    Value *drop[] = {a0, a1, a2, a3, x, y, p, q, k1, k2, s1, s2, sum,
                     u1, u2, u3, lone, pair, all};
    for (size_t i = 0; i < sizeof drop / sizeof *drop; i++)
        value_release(drop[i]);
}

/* Significant digits in a printed number: leading and trailing zeros of
 * its mantissa do not count. */
static int significant_digits(const char *text)
{
    char digits[64];
    size_t n = 0;
    for (const char *c = text; *c && *c != 'e' && n + 1 < sizeof digits; c++)
        if (*c >= '0' && *c <= '9' && (n > 0 || *c != '0'))
            digits[n++] = *c;
    while (n > 0 && digits[n - 1] == '0')
        n--;
    return (int)n;
}

static unsigned long long format_rng = 0x9E3779B97F4A7C15ull;
static unsigned long long format_random(void)
{
    format_rng ^= format_rng << 13;
    format_rng ^= format_rng >> 7;
    format_rng ^= format_rng << 17;
    return format_rng;
}

/* At 17 digits every finite double reads back as itself, and a number
 * written with k significant digits never prints with more than k. */
static void test_format_shortest(void)
{
    char buf[64], why[300] = "";
    int ok = 1;
    for (int i = 0; i < 200000 && ok; i++) {
        unsigned long long bits = format_random();
        double x;
        memcpy(&x, &bits, sizeof x);
        if (!isfinite(x) || x == 0)
            continue;
        view_format_number(buf, sizeof buf, x, 17);
        if (strtod(buf, NULL) != x) {
            ok = 0;
            snprintf(why, sizeof why, "%.17g printed as %s, which reads back "
                     "as %.17g", x, buf, strtod(buf, NULL));
        }
    }
    for (int i = 0; i < 200000 && ok; i++) {
        int k = 1 + (int)(format_random() % 16);
        char written[64];
        long long mantissa = 0;
        for (int d = 0; d < k; d++)
            mantissa = mantissa * 10 + (long long)(format_random() % 10);
        int exponent = (int)(format_random() % 80) - 40;
        snprintf(written, sizeof written, "%llde%d", mantissa, exponent);
        double x = strtod(written, NULL);
        if (x == 0)
            continue;
        view_format_number(buf, sizeof buf, x, 17);
        int shown = significant_digits(buf), given = significant_digits(written);
        if (strtod(buf, NULL) != x || shown > given) {
            ok = 0;
            snprintf(why, sizeof why, "%s printed as %s", written, buf);
        }
    }
    result(ok, "format at 17 digits: shortest text that reads back", why);
}

/* ---- explain and check against backward -------------------------------- */

/* The gradients explain leaves must be exactly backward's; check must
 * agree, leave data and grads as it found them, and leave no marks. */
static int compare(Value *root, char *why, size_t why_size)
{
    ValueList list = nodes_of(root);
    size_t n = list.count;
    double *grad = mem_malloc(n * sizeof *grad);
    double *data = mem_malloc(n * sizeof *data);
    int ok = 1;

    value_backward(root);
    for (size_t i = 0; i < n; i++)
        grad[i] = list.items[i]->grad;
    value_zero(root);

    ViewResult r;
    free(capture(draw_explain, root, NULL, &r));
    for (size_t i = 0; i < n && ok; i++)
        if (memcmp(&list.items[i]->grad, &grad[i], sizeof grad[i]) != 0) {
            ok = 0;
            snprintf(why, why_size, "explain left grad %.17g where backward "
                     "left %.17g", list.items[i]->grad, grad[i]);
        }

    for (size_t i = 0; i < n; i++) {
        list.items[i]->grad = (double)i; /* something check must put back */
        data[i] = list.items[i]->data;
    }
    char *text = capture(draw_check, root, NULL, &r);
    if (ok && (strstr(text, "FAIL") || !strstr(text, "agree") ||
               strstr(text, "disagree"))) {
        ok = 0;
        snprintf(why, why_size, "check: %s", text);
        for (char *c = why; *c; c++)
            if (*c == '\n')
                *c = '/';
    }
    free(text);
    for (size_t i = 0; i < n && ok; i++)
        if (list.items[i]->grad != (double)i ||
            memcmp(&list.items[i]->data, &data[i], sizeof data[i]) != 0) {
            ok = 0;
            snprintf(why, why_size, "check did not restore the graph");
        }
    if (ok && !marks_clear(root)) {
        ok = 0;
        snprintf(why, why_size, "traversal marks left set");
    }
    free(grad);
    free(data);
    value_list_free(&list);
    return ok;
}

static void test_every_operation(void)
{
    static const struct { OpKind op; double a, b; } cases[] = {
        {OP_ADD, 1.5, -2}, {OP_SUB, 1.5, -2}, {OP_MUL, 1.5, -2},
        {OP_DIV, 1.5, -2}, {OP_NEG, 1.5, 0}, {OP_POWC, 1.5, 3},
        {OP_POW, 1.5, -2.5}, {OP_TANH, 0.3, 0}, {OP_RELU, 0.7, 0},
        {OP_RELU, -0.7, 0}, {OP_EXP, 0.4, 0}, {OP_LOG, 2.5, 0},
        {OP_SIGMOID, -0.6, 0}, {OP_SIN, 1.1, 0}, {OP_COS, 1.1, 0},
        {OP_SQRT, 2.2, 0}, {OP_ABS, -1.3, 0}, {OP_ABS, 1.3, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const OpInfo *info = value_op_info(cases[i].op);
        Value *a = leaf(cases[i].a, "a");
        Value *b = NULL;
        if (info->arity == 2)
            b = cases[i].op == OP_POWC ? value_constant(cases[i].b)
                                       : leaf(cases[i].b, "b");
        /* a second use of a, so that a collects from two parents */
        Value *y = apply(cases[i].op, value_retain(a), b, "y");
        Value *L = apply(OP_MUL, y, value_retain(a), "L");
        char name[80], why[300] = "";
        snprintf(name, sizeof name, "explain and check agree with backward: %s%s",
                 info->name, cases[i].a < 0 ? " (negative)" : "");
        result(L && compare(L, why, sizeof why), name, L ? why : "no graph");
        value_release(L);
        value_release(a);
    }
}

/* A random graph over a few named leaves, from operations whose inputs are
 * kept inside their domains. */
static unsigned long long rng = 88172645463325252ull;
static unsigned long long next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}
static double uniform(double lo, double hi)
{
    return lo + (hi - lo) * (double)(next_random() >> 11) / 9007199254740992.0;
}

static Value *random_graph(int size)
{
    enum { MAX = 64 };
    Value *pool[MAX];
    int n = 0;
    char name[16];
    int leaves = 2 + (int)(next_random() % 3);
    for (int i = 0; i < leaves; i++) {
        snprintf(name, sizeof name, "x%d", i);
        /* away from 0 so that no relu or abs sits near its kink */
        double x = uniform(0.3, 1.5) * (next_random() & 1 ? 1 : -1);
        pool[n++] = leaf(x, name);
    }
    for (int step = 0; step < size && n < MAX; step++) {
        Value *a = pool[next_random() % (unsigned)n];
        Value *b = pool[next_random() % (unsigned)n];
        OpKind op = (OpKind)(1 + next_random() % (OP_COUNT - 1));
        Value *out = NULL;
        ValueStatus status;
        switch (op) {
        case OP_LOG: case OP_SQRT: case OP_POW: case OP_DIV: {
            /* make the risky operand comfortably positive */
            Value *sq = value_apply(OP_MUL, b, b, &status);
            Value *half = value_constant(0.5);
            Value *safe = sq ? value_apply(OP_ADD, sq, half, &status) : NULL;
            value_release(half);
            if (sq)
                value_release(sq);
            if (!safe)
                continue;
            if (op == OP_DIV)
                out = value_apply(OP_DIV, a, safe, &status);
            else if (op == OP_POW)
                out = value_apply(OP_POW, safe, a, &status);
            else
                out = value_apply(op, safe, NULL, &status);
            value_release(safe);
            break;
        }
        case OP_POWC: {
            Value *k = value_constant((double)(next_random() % 4));
            out = value_apply(OP_POWC, a, k, &status);
            value_release(k);
            break;
        }
        case OP_RELU: case OP_ABS: {
            /* shift the input away from the kink */
            Value *k = value_constant(a->data > 0 ? 0.25 : -0.25);
            Value *moved = value_apply(OP_ADD, a, k, &status);
            value_release(k);
            if (!moved)
                continue;
            out = value_apply(op, moved, NULL, &status);
            value_release(moved);
            break;
        }
        case OP_EXP: case OP_TANH: case OP_SIGMOID: case OP_SIN: case OP_COS:
        case OP_NEG:
            out = value_apply(op, a, NULL, &status);
            break;
        default:
            out = value_apply(op, a, b, &status);
            break;
        }
        if (!out)
            continue;
        if (!isfinite(out->data) || fabs(out->data) > 1e6) {
            value_release(out);
            continue;
        }
        pool[n++] = out;
    }
    Value *root = value_retain(pool[n - 1]);
    for (int i = 0; i < n; i++)
        value_release(pool[i]);
    return root;
}

/* ---- polytree width ------------------------------------------------------ */

/* The widest line of text, in columns. */
static size_t widest_line(const char *text)
{
    size_t widest = 0, col = 0;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            col = 0;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80 && ++col > widest)
            widest = col;
    }
    return widest;
}

typedef struct Polytree {
    ViewStyle style;
    char message[256];
} Polytree;

static ViewResult draw_polytree(FILE *out, Value *root, void *ctx)
{
    Polytree *p = ctx;
    p->message[0] = '\0';
    return view_polytree(out, root, &p->style, p->message, sizeof p->message);
}

/* A balanced sum over 2^levels named leaves: as wide as a graph gets. */
static Value *balanced(int levels, int *counter)
{
    ValueList layer = {0};
    char name[32];
    for (int i = 0; i < 1 << levels; i++) {
        snprintf(name, sizeof name, "v%d", (*counter)++);
        value_list_push(&layer, leaf(i % 5 - 2, name));
    }
    while (layer.count > 1) {
        size_t n = 0;
        for (size_t i = 0; i + 1 < layer.count; i += 2)
            layer.items[n++] = apply(OP_ADD, layer.items[i],
                                     layer.items[i + 1], "v + v");
        layer.count = n;
    }
    Value *root = layer.items[0];
    value_list_free(&layer);
    return root;
}

/* Labels some nodes of a random graph like source text, some alike. */
static void label_some(Value *root)
{
    static const char *const texts[] = {
        "u", "a*b", "tanh(x0*w0 + x1*w1 + b)", "(b - a).relu()",
        "x0*w0 + x1*w1 + x2*w2 + x3*w3 + x4*w4 + b", "u"};
    ValueList list = nodes_of(root);
    for (size_t i = 0; i < list.count; i++) {
        Value *v = list.items[i];
        if (v->op == OP_LEAF || v->label || next_random() % 3 == 0)
            continue;
        size_t k = next_random() % (sizeof texts / sizeof *texts);
        set_text_label(v, mem_strdup(texts[k]), k == 0 || k == 5);
    }
    value_list_free(&list);
}

/* When polytree declines, the width it names is exact: at that width it
 * draws a picture exactly that wide, one column less and it declines
 * again; and a picture it draws is never wider than the screen. */
static void test_polytree_width(void)
{
    int graphs = 0, good = 0, declined = 0, counter = 0;
    char first[700] = "";
    for (int g = 0; g < 160; g++) {
        Value *root;
        if (g < 6)
            root = balanced(g + 1, &counter);
        else {
            root = random_graph(4 + g % 50);
            label_some(root);
        }
        Polytree p = {style, ""};
        p.style.ascii = g % 2;
        p.style.width = 20 + g % 60;
        ViewResult r;
        char *text = capture(draw_polytree, root, &p, &r);
        char why[600] = "";
        long need = 0;
        if (r == VIEW_OK) {
            if (widest_line(text) > (size_t)p.style.width)
                snprintf(why, sizeof why, "%zu columns drawn in %d",
                         widest_line(text), p.style.width);
        } else if (r != VIEW_DECLINED ||
                   sscanf(p.message, "polytree: the picture needs %ld", &need)
                       != 1 || need <= p.style.width) {
            snprintf(why, sizeof why, "result %d, message '%s'", (int)r,
                     p.message);
        } else {
            declined++;
            p.style.width = (int)need;
            free(text);
            text = capture(draw_polytree, root, &p, &r);
            if (r != VIEW_OK || widest_line(text) != (size_t)need)
                snprintf(why, sizeof why, "at the %ld columns asked for: "
                         "result %d, %zu columns wide", need, (int)r,
                         widest_line(text));
            p.style.width = (int)need - 1;
            free(text);
            text = capture(draw_polytree, root, &p, &r);
            long again = 0;
            if (!why[0] && (r != VIEW_DECLINED ||
                            sscanf(p.message, "polytree: the picture needs %ld",
                                   &again) != 1 || again != need))
                snprintf(why, sizeof why, "at %ld columns: result %d, '%s'",
                         need - 1, (int)r, p.message);
        }
        if (!why[0] && !marks_clear(root))
            snprintf(why, sizeof why, "marks left set");
        graphs++;
        if (!why[0])
            good++;
        else if (!first[0])
            snprintf(first, sizeof first, "graph %d: %s", g, why);
        free(text);
        value_release(root);
    }
    snprintf(first + strlen(first), sizeof first - strlen(first),
             " (%d of %d declined at first)", declined, graphs);
    result(good == graphs && declined > 20,
           "polytree draws at exactly the width it names", first);
}

static void test_random(void)
{
    int programs = 300, passed = 0;
    char why[300] = "", first[400] = "";
    for (int p = 0; p < programs; p++) {
        Value *root = random_graph(4 + p % 20);
        if (compare(root, why, sizeof why))
            passed++;
        else if (!first[0])
            snprintf(first, sizeof first, "program %d: %s", p, why);
        value_release(root);
    }
    result(passed == programs, "explain and check agree on 300 random graphs",
           first);
}

/* ---- check at every magnitude ---------------------------------------------- */

/* Leaf values from the smallest normal magnitudes to the largest, both
 * signs: check must never call backward's (correct) gradient a FAIL where
 * the function is defined and finite. */
static const double magnitudes[] = {1e-300, 1e-100, 1e-8, 1e-5, 0.3, 1, 7,
                                    1e5, 1e8, 1e15, 1e100, 1e300};

/* Builds op(a, b) over leaves a and b (b a constant exponent for POWC);
 * NULL where the operation is undefined or not finite there. */
static Value *single_op(OpKind op, double a, double b)
{
    const OpInfo *info = value_op_info(op);
    Value *x = leaf(a, "a"), *y = NULL;
    if (info->arity == 2)
        y = op == OP_POWC ? value_constant(b) : leaf(b, "b");
    Value *L = apply(op, x, y, "L");
    if (L && !isfinite(L->data)) {
        value_release(L);
        L = NULL;
    }
    return L;
}

static void test_check_magnitudes(void)
{
    static const double exponents[] = {2, 3, -1, 0.5, -2.5, 1.7};
    static const double partners[] = {0.75, -1.25, 3};
    int checked = 0, failed = 0;
    char first[400] = "";
    for (int op = OP_ADD; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        for (size_t m = 0; m < sizeof magnitudes / sizeof *magnitudes; m++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double x = sign * magnitudes[m];
                /* (a, b) pairs: the leaf at this magnitude against a
                 * moderate partner, each way round, and both at it */
                double pairs[16][2];
                int n = 0;
                if (info->arity == 1) {
                    pairs[n][0] = x, pairs[n][1] = 0, n++;
                } else if (op == OP_POWC) {
                    for (size_t k = 0; k < 6; k++)
                        pairs[n][0] = x, pairs[n][1] = exponents[k], n++;
                } else {
                    for (size_t k = 0; k < 3; k++) {
                        pairs[n][0] = x, pairs[n][1] = partners[k], n++;
                        pairs[n][0] = partners[k], pairs[n][1] = x, n++;
                    }
                    pairs[n][0] = x, pairs[n][1] = x, n++;
                    pairs[n][0] = x, pairs[n][1] = -x, n++;
                }
                for (int i = 0; i < n; i++) {
                    Value *L = single_op((OpKind)op, pairs[i][0], pairs[i][1]);
                    if (!L)
                        continue;
                    ViewResult r;
                    char *text = capture(draw_check, L, NULL, &r);
                    checked++;
                    if (strstr(text, "FAIL") && failed++ == 0) {
                        snprintf(first, sizeof first, "%s(%.17g, %.17g): %s",
                                 info->name, pairs[i][0], pairs[i][1], text);
                        for (char *c = first; *c; c++)
                            if (*c == '\n')
                                *c = '/';
                    }
                    free(text);
                    value_release(L);
                }
            }
        }
    }
    char name[80];
    snprintf(name, sizeof name, "check calls no correct gradient a FAIL "
             "(%d graphs)", checked);
    char why[500];
    snprintf(why, sizeof why, "%d FAILs; the first: %s", failed, first);
    result(failed == 0, name, why);
}

/* ---- plot leaves the graph as it was ---------------------------------------- */

static void test_plot_restores(void)
{
    Value *x = leaf(-3, "x");
    Value *w = leaf(-1, "w");
    Value *t = apply(OP_MUL, value_retain(x), value_retain(w), NULL);
    Value *e = apply(OP_LOG, t, NULL, "log(x*w)"); /* undefined for x > 0 */
    value_backward(e);
    ValueList list = nodes_of(e);
    double *before = mem_malloc(2 * list.count * sizeof *before);
    for (size_t i = 0; i < list.count; i++) {
        before[2 * i] = list.items[i]->data;
        before[2 * i + 1] = list.items[i]->grad;
    }
    FILE *sink = fopen("/dev/null", "w");
    char message[VIEW_MESSAGE_MAX] = "";
    ViewResult r = view_plot(sink, e, x, -5, 5, &style, message, sizeof message);
    int same = r == VIEW_OK;
    for (size_t i = 0; i < list.count; i++)
        if (list.items[i]->data != before[2 * i] ||
            list.items[i]->grad != before[2 * i + 1])
            same = 0;
    result(same && marks_clear(e), "plot restores data and grads (with gaps)",
           "the graph changed");

    /* Ctrl-C while every sample fails (log of a positive x*w) is an
     * interruption, not "no finite value" */
    static volatile sig_atomic_t flag;
    value_set_interrupt_flag(&flag);
    view_set_interrupt_flag(&flag);
    flag = 1;
    message[0] = 0;
    r = view_plot(sink, e, x, 1, 5, &style, message, sizeof message);
    flag = 0;
    value_set_interrupt_flag(NULL);
    view_set_interrupt_flag(NULL);
    result(r == VIEW_ERROR && !message[0] && x->data == -3,
           "an interrupt stops plot as an interruption", message);
    r = view_plot(sink, e, x, 1, 5, &style, message, sizeof message);
    result(r == VIEW_DECLINED &&
           strcmp(message, "plot: log(x*w) has no finite value for x from 1 "
                  "to 5") == 0,
           "plot declines a range with no finite value, naming x", message);
    fclose(sink);
    free(before);
    value_list_free(&list);
    value_release(e);
    value_release(x);
    value_release(w);
}

/* ---- size and depth ----------------------------------------------------------- */

/* x_{i+1} = tanh(x_i*0.5 + w_i): five nodes a step. */
static Value *chain(long steps)
{
    Value *x = leaf(0.1, "x0");
    char name[32];
    for (long i = 0; i < steps; i++) {
        snprintf(name, sizeof name, "w%ld", i);
        Value *half = value_constant(0.5);
        Value *m = apply(OP_MUL, x, half, "x*0.5");
        Value *s = apply(OP_ADD, m, leaf(0.01 * (double)(i % 7), name),
                         "x*0.5 + w");
        snprintf(name, sizeof name, "x%ld", i + 1);
        x = apply(OP_TANH, s, NULL, NULL);
        set_text_label(x, mem_strdup(name), 1);
    }
    return x;
}

static void test_big(void)
{
    Value *root = chain(40000);
    FILE *sink = fopen("/dev/null", "w");
    char why[400];

    double t0 = now();
    ViewResult r = view_tree(sink, root, &style, -1);
    double t = now() - t0;
    snprintf(why, sizeof why, "took %.2f s", t);
    result(r == VIEW_OK && t < 2 * SLOWDOWN, "tree of 200 000 nodes under 2 s", why);

    char path[64];
    snprintf(path, sizeof path, "/tmp/mgrad-view-test-%ld.dot", (long)getpid());
    char message[256] = "";
    t0 = now();
    r = view_dot_file(root, &style, path, message, sizeof message);
    t = now() - t0;
    snprintf(why, sizeof why, "took %.2f s: %s", t, message);
    result(r == VIEW_OK && t < 2 * SLOWDOWN, "dot of 200 000 nodes written under 2 s", why);
    remove(path);

    /* a long spine with small side branches: narrow, so it is drawn (as
     * 360 000 lines: more to format than tree's 200 000) */
    t0 = now();
    r = view_polytree(sink, root, &style, why, sizeof why);
    t = now() - t0;
    snprintf(why, sizeof why, "result %d after %.2f s", (int)r, t);
    result(r == VIEW_OK && t < 4 * SLOWDOWN, "polytree of 200 000 nodes under 4 s", why);

    int counter = 0;
    Value *wide = balanced(16, &counter);
    message[0] = '\0';
    t0 = now();
    r = view_polytree(sink, wide, &style, message, sizeof message);
    t = now() - t0;
    snprintf(why, sizeof why, "result %d after %.2f s: %s", (int)r, t, message);
    result(r == VIEW_DECLINED && t < 2 * SLOWDOWN && marks_clear(wide),
           "polytree declines a 131 071-node balanced graph under 2 s", why);
    value_release(wide);

    t0 = now();
    r = view_explain(sink, root, &style, 20);
    t = now() - t0;
    snprintf(why, sizeof why, "result %d after %.2f s", (int)r, t);
    result(r == VIEW_OK && t < 2 * SLOWDOWN, "explain of 200 000 nodes, cut at 20 lines", why);
    result(marks_clear(root), "no marks left after the big views", "marks set");
    fclose(sink);
    value_release(root);
}

/* ---- what a view costs ---------------------------------------------------- */

static unsigned long labels_made;

static size_t counting_labeller(const Value *v, char *buf, size_t size)
{
    labels_made++;
    return test_labeller(v, buf, size);
}

/* Labels as the interpreter gives them: one name, or one instruction's
 * text, shared by every node it made (not owned by the nodes). */
static void share_label(Value *v, const char *text, int named)
{
    value_set_label(v, text, 0, named ? VALUE_NAMED : 0);
}

/* x = 0.3; y = 0; repeat steps { y = tanh(y*0.5 + x) } */
static Value *rebinding(long steps, Value **x_out)
{
    Value *x = value_leaf(0.3), *y = value_leaf(0);
    share_label(x, "x", 1);
    share_label(y, "y", 1);
    for (long i = 0; i < steps; i++) {
        Value *m = apply(OP_MUL, y, value_constant(0.5), NULL);
        share_label(m, "y*0.5", 0);
        Value *s = apply(OP_ADD, m, value_retain(x), NULL);
        share_label(s, "y*0.5 + x", 0);
        y = apply(OP_TANH, s, NULL, NULL);
        share_label(y, "y", 1);
    }
    *x_out = x;
    return y;
}

/* A picture of a few rows makes the text of a few labels, not of every
 * node of the graph: `tree y 3` and `vars` after a long loop cost one walk
 * of the graph. */
static void test_cost(void)
{
    Value *x;
    Value *y = rebinding(100000, &x);
    view_set_labeller(counting_labeller);
    char why[600];

    labels_made = 0;
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ViewResult r = view_tree(f, y, &style, 3);
    fclose(f);
    snprintf(why, sizeof why, "%lu labels made for:\n%s", labels_made, text);
    result(r == VIEW_OK && labels_made < 200 &&
               strncmp(text, "y\u2081\u2080\u2080\u2080\u2080\u2080 = ",
                       strlen("y\u2081\u2080\u2080\u2080\u2080\u2080 = ")) == 0,
           "tree y 3 of a 400 000-node loop makes a few labels", why);
    free(text);

    labels_made = 0;
    const char *names[] = {"x", "y"};
    Value *nodes[] = {x, y};
    text = NULL;
    f = open_memstream(&text, &size);
    r = view_bindings(f, names, nodes, 2, &style);
    fclose(f);
    snprintf(why, sizeof why, "%lu labels made for:\n%s", labels_made, text);
    result(r == VIEW_OK && labels_made < 200 &&
               strstr(text, "  [y\u2081\u2080\u2080\u2080\u2080\u2080]\n"),
           "vars after a 400 000-node loop makes a few labels", why);
    free(text);

    /* the whole tree still numbers every row, by age */
    text = NULL;
    f = open_memstream(&text, &size);
    r = view_tree(f, y, &style, -1);
    fclose(f);
    const char *deep = "y\u2081 = ";
    result(r == VIEW_OK && strstr(text, "\n") && strstr(text, deep) &&
               marks_clear(y),
           "the whole tree of the loop numbers every y", "y\u2081 missing");
    free(text);

    view_set_labeller(test_labeller);
    value_release(x);
    value_release(y);
}

static void test_deep(void)
{
    Value *x = leaf(0.5, "x");
    for (long i = 0; i < 1000000; i++)
        x = apply(OP_TANH, x, NULL, NULL);
    FILE *sink = fopen("/dev/null", "w");
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    ViewResult r = view_tree(f, x, &style, 2);
    fclose(f);
    int lines = 0;
    for (char *p = text; *p; p++)
        lines += *p == '\n';
    result(r == VIEW_OK && lines == 4, "tree of a chain a million deep, depth 2",
           text);
    free(text);
    r = view_tree(sink, x, &style, -1);
    result(r == VIEW_OK, "tree of a chain a million deep, whole", "failed");
    r = view_dot(sink, x, &style);
    result(r == VIEW_OK, "dot of a chain a million deep", "failed");
    char why[256];
    r = view_polytree(sink, x, &style, why, sizeof why);
    result(r == VIEW_OK, "polytree of a chain a million deep (narrow)", "failed");
    result(marks_clear(x), "no marks left after the deep views", "marks set");

    static volatile sig_atomic_t flag;
    view_set_interrupt_flag(&flag);
    flag = 1;
    r = view_tree(sink, x, &style, -1);
    ViewResult r2 = view_dot(sink, x, &style);
    flag = 0;
    view_set_interrupt_flag(NULL);
    result(r == VIEW_ERROR && r2 == VIEW_ERROR && marks_clear(x),
           "an interrupt stops tree and dot cleanly", "not stopped");
    fclose(sink);
    value_release(x);
}

int main(void)
{
    test_labels_init();
    test_format();
    test_names();
    test_polytree_width();

    test_format_shortest();
    test_every_operation();
    test_random();
    test_check_magnitudes();
    test_plot_restores();
    test_big();
    test_cost();
    test_deep();
    if (value_live_count() != 0)
        printf("not ok - view tests free every node: %zu alive\n",
               value_live_count());
    else
        printf("ok - view tests free every node\n");
    return 0;
}
