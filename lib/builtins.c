/*
 * lib/builtins.c — the built-in functions of the language, one row
 * each: len, sum, range, zip, Python's list, set, enumerate, sorted,
 * min, max, map and the rest, params, Value, neuron, layer, mlp, rand,
 * uniform, randn, csv (lib/csv.c). A list's and a set's methods are no
 * functions: they are rows of interp/kinds.c. (The engine's operations, tanh and
 * the rest, are the other functions; they build graph nodes.)
 *
 * A function gets its arguments as Datums it does not own; a keyword
 * argument comes as a DATUM_WORD (its name) followed by its value. They
 * are checked by lib/args.c.
 */
#include "lib/internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/random.h"
#include "util/mem.h"

enum { RANGE_MAX = DATUM_LIST_MAX };   /* longest list range() makes */

static Datum list_datum(List *l)
{
    return datum_object(&l->header);
}

/* ---- lists ------------------------------------------------------------------ */

static int fn_len(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "len", args, n, &a, 1, 1, NULL))
        return 1;
    const Datum *d = a.given[0];
    if (d->kind == DATUM_LIST)
        *out = datum_number(((const List *)d->as.object)->count);
    else if (d->kind == DATUM_SET)
        *out = datum_number(((const Set *)d->as.object)->members);
    else if (d->kind == DATUM_STRING)
        *out = datum_number((double)((const String *)d->as.object)->length);
    else if (d->kind == DATUM_MODEL)
        *out = datum_number(datum_model(d)->param_count);
    else {
        interp_error(in, "len: %s has no length",
                     datum_kind_name((DatumKind)d->kind));
        return 1;
    }
    return 0;
}

/* str(x): x as print writes it (a string stays itself). */
static int fn_str(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "str", args, n, &a, 1, 1, NULL))
        return 1;
    char *text = NULL;
    size_t length = 0;
    FILE *f = open_memstream(&text, &length);
    if (!f) {
        interp_error(in, "str: out of memory");
        return 1;
    }
    datum_print(f, a.given[0], in->style.values, 0);
    fclose(f);
    *out = datum_object(&datum_string_new(text, length)->header);
    free(text);
    return 0;
}

/* sum(xs) and sum(xs, start): start + xs[0] + xs[1] + ..., in that order,
 * as Python adds them (so a sum of nodes is the same chain of nodes). */
static int fn_sum(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "sum", args, n, &a, 1, 2, NULL))
        return 1;
    if (a.given[0]->kind == DATUM_STRING) {
        interp_error(in, "sum: cannot add up a string's characters");
        return 1;
    }
    List *l = args_items(in, "sum", "its argument", a.given[0]);
    if (!l)
        return 1;
    Datum acc = datum_number(0);
    if (a.count == 2) {
        acc = *a.given[1];
        datum_retain(&acc);
    }
    int failed = 0;
    for (uint32_t k = 0; k < l->count && !failed; k++) {
        Datum item = l->items[k];
        datum_retain(&item);
        failed = interp_binary(in, BIN_ADD, &acc, &item);
        datum_release(&item);
    }
    datum_release_object(&l->header);
    if (failed) {
        datum_release(&acc);
        return 1;
    }
    *out = acc;
    return 0;
}

static int fn_range(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "range", args, n, &a, 1, 3, NULL))
        return 1;
    double lo = 0, hi, step = 1;
    const double big = 9007199254740992.0;
    if (a.count == 1) {
        if (args_whole(in, "range", "n", a.given[0], -big, big, &hi))
            return 1;
    } else {
        if (args_whole(in, "range", "the start", a.given[0], -big, big, &lo) ||
            args_whole(in, "range", "the end", a.given[1], -big, big, &hi))
            return 1;
        if (a.count == 3 &&
            args_whole(in, "range", "the step", a.given[2], -big, big, &step))
            return 1;
        if (step == 0) {
            interp_error(in, "range: the step cannot be 0");
            return 1;
        }
    }
    double count = step > 0 ? ceil((hi - lo) / step) : ceil((lo - hi) / -step);
    if (count < 0)
        count = 0;
    if (count > RANGE_MAX) {
        interp_error(in, "range: %.0f numbers is more than %d", count,
                     RANGE_MAX);
        return 1;
    }
    /* Grown as it fills rather than reserved whole: a Ctrl-C lands before
     * a gigabyte is asked for. */
    List *l = datum_list_new(count < 65536 ? (uint32_t)count : 65536);
    for (uint32_t k = 0; k < (uint32_t)count; k++) {
        if (DATUM_POLL(k, interp_interrupted)) {
            datum_release_object(&l->header);   /* nothing is bound */
            interp_error(in, "interrupted");
            return 1;
        }
        datum_list_push(l, datum_number(lo + step * k));
    }
    *out = list_datum(l);
    return 0;
}

static int fn_zip(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "zip", args, n, &a, 1, 8, NULL))
        return 1;
    uint32_t shortest = UINT32_MAX;
    const List *lists[8];
    for (uint32_t k = 0; k < a.count; k++) {
        if (!(lists[k] = args_list(in, "zip", "each argument", a.given[k])))
            return 1;
        if (lists[k]->count < shortest)
            shortest = lists[k]->count;
    }
    List *l = datum_list_new(shortest);
    for (uint32_t i = 0; i < shortest; i++) {
        if (DATUM_POLL(i, interp_interrupted)) {
            datum_release_object(&l->header);
            interp_error(in, "interrupted");
            return 1;
        }
        List *row = datum_list_new(a.count);
        for (uint32_t k = 0; k < a.count; k++) {
            Datum item = lists[k]->items[i];
            datum_retain(&item);
            datum_list_push(row, item);
        }
        datum_list_push(l, list_datum(row));
    }
    *out = list_datum(l);
    return 0;
}

/* ---- lists and sets as Python's ------------------------------------------------ */

static int fn_list(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "list", args, n, &a, 0, 1, NULL))
        return 1;
    if (a.count == 0) {
        *out = list_datum(datum_list_new(0));
        return 0;
    }
    List *items = args_items(in, "list", "its argument", a.given[0]);
    if (!items)
        return 1;
    if (a.given[0]->kind == DATUM_LIST) {
        /* a new list: list(xs) is a copy, as xs[:] */
        List *copy = datum_list_new(items->count);
        for (uint32_t k = 0; k < items->count; k++) {
            Datum item = items->items[k];
            datum_retain(&item);
            datum_list_push(copy, item);
        }
        datum_release_object(&items->header);
        items = copy;
    }
    *out = list_datum(items);
    return 0;
}

static int fn_set(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "set", args, n, &a, 0, 1, NULL))
        return 1;
    Set *s = datum_set_new();
    if (a.count == 1) {
        List *items = args_items(in, "set", "its argument", a.given[0]);
        if (!items) {
            datum_release_object(&s->list.header);
            return 1;
        }
        for (uint32_t k = 0; k < items->count; k++) {
            Datum item = items->items[k];
            datum_retain(&item);
            datum_set_add(s, item);
        }
        datum_release_object(&items->header);
    }
    *out = datum_object(&s->list.header);
    return 0;
}

static int fn_enumerate(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    static const char *const keywords[] = {"start", NULL};
    Args a;
    double start = 0;
    const double big = 9007199254740992.0;
    if (args_split(in, "enumerate", args, n, &a, 1, 2, keywords))
        return 1;
    const Datum *from = a.count == 2 ? a.given[1] : args_keyword(&a, "start");
    if (from && args_whole(in, "enumerate", "start", from, -big, big, &start))
        return 1;
    List *items = args_items(in, "enumerate", "its argument", a.given[0]);
    if (!items)
        return 1;
    List *l = datum_list_new(items->count);
    for (uint32_t k = 0; k < items->count; k++) {
        List *pair = datum_list_new(2);
        Datum item = items->items[k];
        datum_retain(&item);
        datum_list_push(pair, datum_number(start + k));
        datum_list_push(pair, item);
        datum_list_push(l, list_datum(pair));
    }
    datum_release_object(&items->header);
    *out = list_datum(l);
    return 0;
}

static int fn_reversed(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "reversed", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind == DATUM_SET) {
        interp_error(in, "reversed: a set has no order to reverse "
                     "(sorted(s, reverse=True) gives one)");
        return 1;
    }
    List *items = args_items(in, "reversed", "its argument", a.given[0]);
    if (!items)
        return 1;
    List *l = datum_list_new(items->count);
    for (uint32_t k = items->count; k-- > 0;) {
        Datum item = items->items[k];
        datum_retain(&item);
        datum_list_push(l, item);
    }
    datum_release_object(&items->header);
    *out = list_datum(l);
    return 0;
}

static int fn_sorted(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (n > 0 && args[0].kind == DATUM_STRING) {
        List *items = args_items(in, "sorted", "its argument", &args[0]);
        Datum copy[5];
        uint32_t count = n < 5 ? n : 5;
        copy[0] = list_datum(items);
        for (uint32_t k = 1; k < count; k++)
            copy[k] = args[k];
        int failed = interp_sort(in, "sorted", "sorted(xs)   sorted(xs, "
                                 "key=f, reverse=True)", copy, count, out);
        datum_release(&copy[0]);
        return failed;
    }
    return interp_sort(in, "sorted", "sorted(xs)   sorted(xs, key=f, "
                       "reverse=True)", args, n, out);
}

/* min and max: of one list or set, or of two or more arguments; key=f
 * compares f(x) instead of x. The first of equal ones wins. */
static int extreme(Interp *in, const char *fn, int want_max, Datum *args,
                   uint32_t n, Datum *out)
{
    static const char *const keywords[] = {"key", NULL};
    Args a;
    if (args_split(in, fn, args, n, &a, 1, 8, keywords))
        return 1;
    const Datum *key = args_keyword(&a, "key");
    if (key && key->kind == DATUM_NONE)
        key = NULL;
    List *items;
    if (a.count == 1) {
        if (!(items = args_items(in, fn, "its argument", a.given[0])))
            return 1;
    } else {
        items = datum_list_new(a.count);
        for (uint32_t k = 0; k < a.count; k++) {
            Datum item = *a.given[k];
            datum_retain(&item);
            datum_list_push(items, item);
        }
    }
    if (items->count == 0) {
        interp_error(in, "%s of an empty %s", fn,
                     a.given[0]->kind == DATUM_SET ? "set" : "list");
        datum_release_object(&items->header);
        return 1;
    }
    int failed = 0;
    uint32_t best = 0;
    Datum best_key = items->items[0];
    datum_retain(&best_key);
    if (key) {
        datum_release(&best_key);
        failed = interp_call(in, key, &items->items[0], 1, &best_key);
    }
    for (uint32_t k = 1; k < items->count && !failed; k++) {
        Datum this_key = items->items[k];
        datum_retain(&this_key);
        if (key) {
            datum_release(&this_key);
            if ((failed = interp_call(in, key, &items->items[k], 1,
                                      &this_key)))
                break;
        }
        int better = 0;
        failed = want_max ? interp_less(in, &best_key, &this_key, &better)
                          : interp_less(in, &this_key, &best_key, &better);
        if (!failed && better) {
            datum_release(&best_key);
            best_key = this_key;
            best = k;
        } else {
            datum_release(&this_key);
        }
    }
    if (!failed) {
        *out = items->items[best];
        datum_retain(out);
    }
    datum_release(&best_key);
    datum_release_object(&items->header);
    return failed;
}

static int fn_min(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return extreme(in, "min", 0, args, n, out);
}

static int fn_max(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return extreme(in, "max", 1, args, n, out);
}

/* any(xs) and all(xs): whether some (every) item is true. */
static int truths(Interp *in, const char *fn, int every, Datum *args,
                  uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, fn, args, n, &a, 1, 1, NULL))
        return 1;
    List *items = args_items(in, fn, "its argument", a.given[0]);
    if (!items)
        return 1;
    int answer = every, failed = 0;
    for (uint32_t k = 0; k < items->count && answer == every; k++) {
        int t;
        if ((failed = interp_truth(in, &items->items[k], &t)))
            break;
        if (t != every)
            answer = t;
    }
    datum_release_object(&items->header);
    *out = datum_number(answer);
    return failed;
}

static int fn_any(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return truths(in, "any", 0, args, n, out);
}

static int fn_all(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return truths(in, "all", 1, args, n, out);
}

/* map(f, xs) and map(f, xs, ys, ...): the list of f(x) (f(x, y), as far
 * as the shortest goes). */
static int fn_map(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "map", args, n, &a, 2, 8, NULL))
        return 1;
    List *lists[7];
    uint32_t count = 0, shortest = UINT32_MAX;
    int failed = 0;
    for (; count + 1 < a.count; count++) {
        lists[count] = args_items(in, "map", "each list", a.given[count + 1]);
        if (!lists[count]) {
            failed = 1;
            break;
        }
        if (lists[count]->count < shortest)
            shortest = lists[count]->count;
    }
    List *l = datum_list_new(0);
    for (uint32_t k = 0; !failed && k < shortest; k++) {
        Datum call[7], result;
        for (uint32_t j = 0; j < count; j++)
            call[j] = lists[j]->items[k];
        if (!(failed = interp_call(in, a.given[0], call, count, &result)))
            datum_list_push(l, result);
    }
    for (uint32_t j = 0; j < count; j++)
        datum_release_object(&lists[j]->header);
    if (failed) {
        datum_release_object(&l->header);
        return 1;
    }
    *out = list_datum(l);
    return 0;
}

/* filter(f, xs): the items x for which f(x) is true (f None: x itself). */
static int fn_filter(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "filter", args, n, &a, 2, 2, NULL))
        return 1;
    List *items = args_items(in, "filter", "its list", a.given[1]);
    if (!items)
        return 1;
    List *l = datum_list_new(0);
    int failed = 0;
    for (uint32_t k = 0; k < items->count && !failed; k++) {
        Datum result = items->items[k];
        int t = 0;
        if (a.given[0]->kind == DATUM_NONE)
            datum_retain(&result);
        else if ((failed = interp_call(in, a.given[0], &items->items[k], 1,
                                       &result)))
            break;
        failed = interp_truth(in, &result, &t);
        datum_release(&result);
        if (!failed && t) {
            Datum item = items->items[k];
            datum_retain(&item);
            datum_list_push(l, item);
        }
    }
    datum_release_object(&items->header);
    if (failed) {
        datum_release_object(&l->header);
        return 1;
    }
    *out = list_datum(l);
    return 0;
}

/* ---- numbers as Python's ---------------------------------------------------------- */

/* round(x): the nearest whole number, halves to even; round(x, n): to n
 * decimals, as Python rounds the number's exact value. */
static int fn_round(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    static const char *const keywords[] = {"ndigits", NULL};
    Args a;
    double x, digits = 0;
    if (args_split(in, "round", args, n, &a, 1, 2, keywords) ||
        args_number(in, "round", "x", a.given[0], &x))
        return 1;
    const Datum *nd = a.count == 2 ? a.given[1] : args_keyword(&a, "ndigits");
    if (nd && nd->kind != DATUM_NONE &&
        args_whole(in, "round", "the number of decimals", nd, -308, 308,
                   &digits))
        return 1;
    if (!isfinite(x)) {
        *out = datum_number(x);
        return 0;
    }
    if (!nd || nd->kind == DATUM_NONE || digits == 0) {
        *out = datum_number(nearbyint(x) + 0.0);
        return 0;
    }
    if (digits > 0) {
        char text[400];
        snprintf(text, sizeof text, "%.*f", (int)digits, x);
        *out = datum_number(strtod(text, NULL));
        return 0;
    }
    double scale = pow(10, -digits);
    *out = datum_number(nearbyint(x / scale) * scale + 0.0);
    return 0;
}

/* A number written in a string, for int("3") and float("2.5"). */
static int parse_number(Interp *in, const char *fn, const Datum *d,
                        double *x)
{
    const String *s = (const String *)d->as.object;
    char *end = NULL;
    *x = strtod(s->text, &end);
    while (end && (*end == ' ' || *end == '\t' || *end == '\n'))
        end++;
    if (s->length == 0 || end == s->text || *end != '\0' ||
        strlen(s->text) != s->length) {
        interp_error(in, "%s: \"%.40s\" is not a number", fn, s->text);
        return 1;
    }
    return 0;
}

static int fn_int(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double x;
    if (args_split(in, "int", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind == DATUM_STRING) {
        if (parse_number(in, "int", a.given[0], &x))
            return 1;
    } else if (args_number(in, "int", "x", a.given[0], &x)) {
        return 1;
    }
    if (!isfinite(x)) {
        interp_error(in, "int: cannot make %s a whole number",
                     isnan(x) ? "nan" : "an infinity");
        return 1;
    }
    *out = datum_number(trunc(x) + 0.0);
    return 0;
}

static int fn_float(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double x;
    if (args_split(in, "float", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind == DATUM_STRING) {
        if (parse_number(in, "float", a.given[0], &x))
            return 1;
    } else if (args_number(in, "float", "x", a.given[0], &x)) {
        return 1;
    }
    *out = datum_number(x);
    return 0;
}

/* ---- values and models ---------------------------------------------------------- */

static int fn_value(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    static const char *const keywords[] = {"label", NULL};
    Args a;
    if (args_split(in, "Value", args, n, &a, 1, 1, keywords))
        return 1;
    double x;
    if (args_number(in, "Value", "its data", a.given[0], &x))
        return 1;
    const Datum *label = args_keyword(&a, "label");
    if (label && label->kind != DATUM_STRING) {
        interp_error(in, "Value: label must be a string, as in "
                     "Value(2.0, label=\"a\")");
        return 1;
    }
    Value *v = value_leaf(x);
    if (label) {
        const String *s = (const String *)label->as.object;
        if (s->length && strlen(s->text) == s->length)
            interp_label_node(in, v, s->text, s->length);
    }
    *out = datum_node(v);
    return 0;
}

static const char *param_label(void *ctx, const char *text)
{
    Interp *in = ctx;
    names_reserve(&in->names, 1);
    return names_text(&in->names,
                      names_intern(&in->names, text, strlen(text)));
}

static int activation_arg(Interp *in, const char *fn, const Args *a,
                          uint32_t position, Activation *act)
{
    const Datum *d = a->count > position ? a->given[position]
                                         : args_keyword(a, "act");
    const Datum *nonlin = args_keyword(a, "nonlin");
    *act = ACT_TANH;
    if (d && nonlin) {
        interp_error(in, "%s: give the activation or nonlin=, not both", fn);
        return 1;
    }
    if (!d)
        d = nonlin;
    if (!d)
        return 0;
    if (d->kind == DATUM_NUMBER || d->kind == DATUM_NONE) {
        /* micrograd's nonlin: True (mgrad's default, tanh) or False */
        if (d->kind == DATUM_NONE || d->as.number == 0)
            *act = ACT_LINEAR;
        return 0;
    }
    const char *text = d->kind == DATUM_STRING
                           ? ((const String *)d->as.object)->text : "";
    if (strcmp(text, "tanh") == 0)
        *act = ACT_TANH;
    else if (strcmp(text, "relu") == 0)
        *act = ACT_RELU;
    else if (strcmp(text, "linear") == 0)
        *act = ACT_LINEAR;
    else {
        interp_error(in, "%s: the activation is \"tanh\", \"relu\" or "
                     "\"linear\" (or micrograd's nonlin=True or False)", fn);
        return 1;
    }
    return 0;
}

static const char *const act_keyword[] = {"act", NULL};
/* Neuron(nin, nonlin=False) and Layer(nin, nout, nonlin=False), as
 * micrograd's nn writes them */
static const char *const neuron_keywords[] = {"act", "nonlin", NULL};
enum { MODEL_MAX_WIDTH = 1000000 };

static int make_model(Interp *in, ModelKind kind, Activation act,
                      uint32_t layers, const uint32_t *sizes, Datum *out)
{
    double total = 0;
    for (uint32_t l = 0; l < layers; l++)
        total += (double)sizes[l + 1] * (sizes[l] + 1);
    if (total > 100000000) {
        interp_error(in, "a model of %.0f parameters is too big", total);
        return 1;
    }
    Model *m = model_new(kind, act, layers, sizes, param_label, in);
    *out = datum_model_new(m);
    return 0;
}

static int fn_neuron(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double nin;
    Activation act;
    if (args_split(in, "neuron", args, n, &a, 1, 2, neuron_keywords) ||
        args_whole(in, "neuron", "nin", a.given[0], 1, MODEL_MAX_WIDTH, &nin) ||
        activation_arg(in, "neuron", &a, 1, &act))
        return 1;
    uint32_t sizes[2] = {(uint32_t)nin, 1};
    return make_model(in, MODEL_NEURON, act, 1, sizes, out);
}

static int fn_layer(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double nin, nout;
    Activation act;
    if (args_split(in, "layer", args, n, &a, 2, 3, neuron_keywords) ||
        args_whole(in, "layer", "nin", a.given[0], 1, MODEL_MAX_WIDTH, &nin) ||
        args_whole(in, "layer", "nout", a.given[1], 1, MODEL_MAX_WIDTH, &nout) ||
        activation_arg(in, "layer", &a, 2, &act))
        return 1;
    uint32_t sizes[2] = {(uint32_t)nin, (uint32_t)nout};
    return make_model(in, MODEL_LAYER, act, 1, sizes, out);
}

static int fn_mlp(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double nin;
    Activation act;
    if (args_split(in, "mlp", args, n, &a, 2, 3, act_keyword) ||
        args_whole(in, "mlp", "nin", a.given[0], 1, MODEL_MAX_WIDTH, &nin) ||
        activation_arg(in, "mlp", &a, 2, &act))
        return 1;
    const List *outs = args_list(in, "mlp", "the layer sizes", a.given[1]);
    if (!outs)
        return 1;
    if (outs->count == 0 || outs->count > 1000) {
        interp_error(in, "mlp: give from 1 to 1000 layer sizes, as in "
                     "mlp(3, [4, 4, 1])");
        return 1;
    }
    uint32_t *sizes = mem_malloc((outs->count + 1) * sizeof *sizes);
    sizes[0] = (uint32_t)nin;
    for (uint32_t k = 0; k < outs->count; k++) {
        double width;
        if (args_whole(in, "mlp", "each layer size", &outs->items[k], 1,
                       MODEL_MAX_WIDTH, &width)) {
            free(sizes);
            return 1;
        }
        sizes[k + 1] = (uint32_t)width;
    }
    int failed = make_model(in, MODEL_MLP, act, outs->count, sizes, out);
    free(sizes);
    return failed;
}

/* params(m): the parameters of a model (or the nodes of a list of models
 * and nodes), in micrograd's order. */
static int fn_params(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "params", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind != DATUM_MODEL) {
        interp_error(in, "params: expected a model, not %s",
                     datum_kind_name((DatumKind)a.given[0]->kind));
        return 1;
    }
    const Model *m = datum_model(a.given[0]);
    List *l = datum_list_new(m->param_count);
    for (uint32_t k = 0; k < m->param_count; k++)
        datum_list_push(l, datum_node(value_retain(m->params[k])));
    *out = list_datum(l);
    return 0;
}

/* m.zero_grad(): micrograd's Module.zero_grad, the statement zero m. */
static int fn_zero_grad(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "zero_grad", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind != DATUM_MODEL) {
        interp_error(in, "zero_grad: expected a model, not %s",
                     datum_kind_name((DatumKind)a.given[0]->kind));
        return 1;
    }
    const Model *m = datum_model(a.given[0]);
    for (uint32_t k = 0; k < m->param_count; k++)
        m->params[k]->grad = 0;
    *out = datum_none();
    return 0;
}

/* ---- micrograd's pictures ------------------------------------------------------- */

/* The node a picture is of: a value, or a number as a constant leaf
 * (a new reference either way). NULL after reporting. */
static Value *graph_arg(Interp *in, const char *fn, Datum *args, uint32_t n)
{
    Args a;
    if (args_split(in, fn, args, n, &a, 1, 1, NULL))
        return NULL;
    const Datum *d = a.given[0];
    if (d->kind == DATUM_NODE) {
        interp_note_shown(in, d->as.node);
        return value_retain(d->as.node);
    }
    if (d->kind == DATUM_NUMBER)
        return value_constant(d->as.number);
    interp_error(in, "%s: expected a value (a node of the graph, as L), "
                 "not %s", fn, datum_kind_name((DatumKind)d->kind));
    return NULL;
}

/* draw_dot(L), and the seeds' draw_graph and render_graph: the picture
 * of `dot L`. */
static int draw(Interp *in, const char *fn, Datum *args, uint32_t n,
                Datum *out)
{
    Value *root = graph_arg(in, fn, args, n);
    if (!root)
        return 1;
    int failed = lib_show_dot(in, root);
    value_release(root);
    *out = datum_none();
    return failed;
}

static int fn_draw_dot(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return draw(in, "draw_dot", args, n, out);
}

static int fn_draw_graph(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return draw(in, "draw_graph", args, n, out);
}

static int fn_render_graph(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    return draw(in, "render_graph", args, n, out);
}

/* trace(L): [nodes, edges] as the lecture's trace(root) builds them, the
 * nodes in value_topo's order (children first), the edges [child, parent]
 * in the order the nodes are reached. */
static int fn_trace(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Value *root = graph_arg(in, "trace", args, n);
    if (!root)
        return 1;
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    if (status != VALUE_OK) {
        value_list_free(&order);
        value_release(root);
        interp_error(in, "trace: interrupted");
        return 1;
    }
    if (order.count > DATUM_LIST_MAX / 2) {
        value_list_free(&order);
        value_release(root);
        interp_error(in, "trace: a graph of %zu nodes is too big for a list",
                     order.count);
        return 1;
    }
    List *nodes = datum_list_new((uint32_t)order.count);
    List *edges = datum_list_new((uint32_t)order.count);
    for (size_t k = 0; k < order.count; k++) {
        Value *v = order.items[k];
        datum_list_push(nodes, datum_node(value_retain(v)));
        int children = v->op == OP_LEAF ? 0 : v->op == OP_POWC ? 1
                       : value_op_info((OpKind)v->op)->arity;
        for (int c = 0; c < children; c++) {
            List *edge = datum_list_new(2);
            datum_list_push(edge, datum_node(value_retain(v->child[c])));
            datum_list_push(edge, datum_node(value_retain(v)));
            datum_list_push(edges, list_datum(edge));
        }
    }
    value_list_free(&order);
    value_release(root);
    List *pair = datum_list_new(2);
    datum_list_push(pair, list_datum(nodes));
    datum_list_push(pair, list_datum(edges));
    *out = list_datum(pair);
    return 0;
}

/* ---- random numbers -------------------------------------------------------------- */

static int fn_rand(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "rand", args, n, &a, 0, 0, NULL))
        return 1;
    *out = datum_number(random_uniform01());
    return 0;
}

static int fn_uniform(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    double lo, hi;
    if (args_split(in, "uniform", args, n, &a, 2, 2, NULL) ||
        args_number(in, "uniform", "a", a.given[0], &lo) ||
        args_number(in, "uniform", "b", a.given[1], &hi))
        return 1;
    *out = datum_number(random_uniform(lo, hi));
    return 0;
}

static int fn_randn(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "randn", args, n, &a, 0, 0, NULL))
        return 1;
    *out = datum_number(random_normal());
    return 0;
}

/* ---- the table --------------------------------------------------------------------- */

const Builtin lib_builtins[] = {
    {"len", fn_len, "len(xs)",
     "The number of items of a list (the members of a set, the characters of\n"
     "a string, the parameters of a model)."},
    {"str", fn_str, "str(x)",
     "x as a string, written as print writes it: str(0.1 + 0.2) is\n"
     "\"0.30000000000000004\", str(3.0) is \"3\"."},
    {"sum", fn_sum, "sum(xs)   sum(xs, start)",
     "start + xs[0] + xs[1] + ... in that order, start 0 by default, as in\n"
     "Python: a sum of values is a chain of + nodes. The list may be written\n"
     "as a comprehension without its brackets: sum(x*x for x in xs)."},
    {"range", fn_range, "range(n)   range(a, b)   range(a, b, step)",
     "The list of whole numbers 0 .. n-1 (a .. b-1, by step), as Python's."},
    {"zip", fn_zip, "zip(xs, ys, ...)",
     "Pairs (lists) of the items at the same place, as long as the shortest:\n"
     "for x, y in zip(xs, ys) { ... }."},
    {"list", fn_list, "list()   list(xs)",
     "A new list: empty, or of the items of xs (a list, a set's members in\n"
     "order, a string's characters). list(xs) is a copy; ys = xs is the same\n"
     "list under two names, as in Python."},
    {"set", fn_set, "set()   set(xs)",
     "A new set, empty or of the items of xs. s.add(x), s.discard(x),\n"
     "s.remove(x), x in s, len(s), for x in s (in the order they were added).\n"
     "Values, lists and models are members as themselves; numbers and strings\n"
     "by their value."},
    {"enumerate", fn_enumerate, "enumerate(xs)   enumerate(xs, start)",
     "The pairs [i, x] of each item's place and the item: for i, x in\n"
     "enumerate(xs): ... (a list, not an iterator)."},
    {"reversed", fn_reversed, "reversed(xs)",
     "A new list of the items of xs, last first (xs[::-1])."},
    {"sorted", fn_sorted, "sorted(xs)   sorted(xs, key=f, reverse=True)",
     "A new list of the items of xs from the least, as Python sorts them\n"
     "(stable): numbers and values by their data, strings by their\n"
     "characters, lists item by item. key=f orders by f(x): sorted(params,\n"
     "key=lambda p: p.grad)."},
    {"min", fn_min, "min(xs)   min(a, b, ...)   min(xs, key=f)",
     "The least item of a list or set, or of the arguments (values by their\n"
     "data; the item itself is given, a value stays a value)."},
    {"max", fn_max, "max(xs)   max(a, b, ...)   max(xs, key=f)",
     "The greatest item of a list or set, or of the arguments."},
    {"any", fn_any, "any(xs)", "1 when some item of xs is true, else 0."},
    {"all", fn_all, "all(xs)", "1 when every item of xs is true, else 0."},
    {"map", fn_map, "map(f, xs)   map(f, xs, ys)",
     "The list of f(x) for each item x of xs (f(x, y) with two lists, as far\n"
     "as the shorter goes)."},
    {"filter", fn_filter, "filter(f, xs)",
     "The list of the items x of xs for which f(x) is true (f None: x is)."},
    {"round", fn_round, "round(x)   round(x, n)",
     "x to the nearest whole number (halves to the even one), or to n\n"
     "decimals, as Python's round: a plain number."},
    {"int", fn_int, "int(x)",
     "x without its fraction (towards 0); a string is read as a number."},
    {"float", fn_float, "float(x)",
     "x as a plain number (a value's data); a string is read as a number:\n"
     "float(\"inf\")."},
    {"params", fn_params, "params(m)",
     "The parameters of model m, as a list of values in micrograd's order:\n"
     "layer by layer, neuron by neuron, weights then bias."},
    {"parameters", fn_params, "m.parameters()   parameters(m)",
     "micrograd's name for params(m): the model's parameters in its order."},
    {"zero_grad", fn_zero_grad, "m.zero_grad()",
     "Sets the gradients of m's parameters to 0, as micrograd's\n"
     "Module.zero_grad() (the statement zero m does the same)."},
    {"Value", fn_value, "Value(x)   Value(x, label=\"a\")",
     "A new leaf with data x, as micrograd's Value; label= names it as an\n"
     "assignment would (backward reports it)."},
    {"neuron", fn_neuron, "neuron(nin)   neuron(nin, act)",
     "A neuron of nin inputs: act(w . x + b), act \"tanh\" (the default),\n"
     "\"relu\" or \"linear\". Weights from uniform(-1, 1), bias 0. Call it as\n"
     "n(x) with a list x of nin numbers or values."},
    {"layer", fn_layer, "layer(nin, nout)   layer(nin, nout, act)",
     "nout neurons of nin inputs each; l(x) is the list of their outputs\n"
     "(one value when nout is 1)."},
    {"mlp", fn_mlp, "mlp(nin, [n1, ..., nk])   mlp(nin, sizes, act)",
     "A multi-layer perceptron, as micrograd's MLP: layers of n1 ... nk\n"
     "neurons. act \"tanh\" (the default, as in the lecture): every neuron\n"
     "tanh; \"relu\" (micrograd's nn.py): relu in the hidden layers, the last\n"
     "linear; \"linear\": none. m(x) is a value when nk is 1, else a list;\n"
     "params(m) its parameters; print m describes it."},
    {"Neuron", fn_neuron, "Neuron(nin)   Neuron(nin, nonlin=False)",
     "micrograd's class name for neuron(nin): the same, tanh by default;\n"
     "nonlin=False (or act \"linear\") leaves out the activation. n.w is\n"
     "its weights, n.b its bias, n.nonlin whether it has an activation."},
    {"Layer", fn_layer, "Layer(nin, nout)   Layer(nin, nout, nonlin=False)",
     "micrograd's class name for layer(nin, nout): the same, tanh by default\n"
     "(nonlin= as Neuron's). l.neurons is the list of its neurons."},
    {"MLP", fn_mlp, "MLP(nin, [n1, ..., nk])   MLP(nin, sizes, act)",
     "micrograd's class name for mlp: the same, every neuron tanh by default\n"
     "as in the lecture; micrograd's nn.py MLP is MLP(nin, sizes, \"relu\").\n"
     "m.layers is the list of its layers (each holds the same parameters)."},
    {"rand", fn_rand, "rand()",
     "A random number in [0, 1) from mgrad's own generator: the same numbers\n"
     "on every machine after the same seed n."},
    {"uniform", fn_uniform, "uniform(a, b)",
     "A random number between a and b (mgrad's generator; see seed)."},
    {"randn", fn_randn, "randn()",
     "A random number from the standard normal distribution (mgrad's\n"
     "generator; see seed)."},
    {"draw_dot", fn_draw_dot, "draw_dot(L)",
     "The graph of L as the command dot L shows it (micrograd's draw_dot):\n"
     "a picture in a notebook or the browser page, Graphviz DOT text in a\n"
     "terminal (dot L \"graph.svg\" renders a file)."},
    {"draw_graph", fn_draw_graph, "draw_graph(L)",
     "The same as draw_dot(L): the graph, as dot L shows it."},
    {"render_graph", fn_render_graph, "render_graph(L)",
     "The same as draw_dot(L): the graph, as dot L shows it."},
    {"trace", fn_trace, "trace(L)",
     "[nodes, edges], as the lecture's trace(root): every node of L's graph\n"
     "(children before parents) and every edge as [child, parent]."},
    {"csv", lib_csv, "csv(\"file.csv\")",
     "The numbers of a CSV file as a list of rows (lists); a first line of\n"
     "names is skipped, and a file of one column gives a list of numbers.\n"
     "A relative name is found next to the script, as load does."},
    {NULL, NULL, NULL, NULL}
};
