/*
 * interp/kinds.c — one home per kind of value. Adding a kind touches its
 * row here, its object in interp/datum.h and its syntax, nothing else.
 *
 * The table, kind_rows[], has one row per DatumKind, in the enum's order:
 *
 *   name         "a list": what messages call a value of the kind
 *   type         "list": Python's word, in "append is a list method"
 *   open, close  a container's brackets ("[" "]", "{" "}"), and
 *   empty        what it prints when empty ("[]", "set()"); NULL for a
 *                kind that is no container. A container's object starts
 *                as a List does (items, count, the collector's chain), so
 *                printing, ==, freeing and the cycle collector walk every
 *                container the same way, with explicit stacks.
 *   print        how a value that is no container prints
 *   truth        its truth (if x:, not x), or NULL when it has none
 *   destroy      frees what the object owns besides its items (a model's
 *                Model, a function's Program), or NULL
 *   methods      x.name(args): rows of {name, function, usage, help},
 *                ending with a NULL name. A method gets x as args[0].
 *   attributes   x.name: rows of {name, get, help}, ending the same way
 *                (.data, .grad and .label are the compiler's own).
 *
 * x.f(args) runs x's kind's method f when it has one; otherwise it is the
 * call f(x, args) of the built-in (or the program's) function f, which is
 * micrograd's method form: x.tanh(), L.backward(), m.parameters(). A
 * method's name is no function: append(xs, 1) says to write xs.append(1).
 */
#include "interp/kinds.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interp/state.h"
#include "interp/micrograd.h"
#include "util/mem.h"
#include "view/view.h"

/* ---- checking a method's arguments ------------------------------------------ */

/* Checks that x.name(...) was given from least to most arguments besides
 * x, none of them keywords. */
static int method_arity(Interp *in, const char *name, const char *usage,
                        const Datum *args, uint32_t n, uint32_t least,
                        uint32_t most)
{
    for (uint32_t k = 1; k < n; k++)
        if (args[k].kind == DATUM_WORD && k + 1 < n) {
            interp_error(in, "%s has no argument called '%s': %s", name,
                         interp_name(in, args[k].aux), usage);
            return 1;
        }
    uint32_t given = n - 1;
    if (given >= least && given <= most)
        return 0;
    if (least == most)
        interp_error(in, "%s takes %u argument%s, not %u: %s", name, least,
                     least == 1 ? "" : "s", given, usage);
    else
        interp_error(in, "%s takes %u to %u arguments, not %u: %s", name,
                     least, most, given, usage);
    return 1;
}

/* A short description of a value for a message: a number, a string in
 * quotes, or its kind. */
static const char *describe(char *buf, size_t size, const Datum *d)
{
    double x;
    if (datum_scalar(d, &x))
        return view_format_number(buf, size, x, 17);
    if (d->kind == DATUM_STRING) {
        const String *s = (const String *)d->as.object;
        snprintf(buf, size, "\"%.*s\"", s->length > 40 ? 40 : (int)s->length,
                 s->text);
        return buf;
    }
    return datum_kind_name((DatumKind)d->kind);
}

static List *list_of(const Datum *d)
{
    return (List *)d->as.object;
}

static int list_full(Interp *in, uint64_t count)
{
    if (count <= DATUM_LIST_MAX)
        return 0;
    interp_error(in, "the list would hold more than %u items", DATUM_LIST_MAX);
    return 1;
}

/* ---- list methods ------------------------------------------------------------ */

static int list_append(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "append", "xs.append(x)", args, n, 1, 1))
        return 1;
    List *l = list_of(&args[0]);
    if (list_full(in, (uint64_t)l->count + 1))
        return 1;
    Datum item = args[1];
    datum_retain(&item);
    datum_list_push(l, item);
    *out = datum_none();
    return 0;
}

static int list_extend(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "extend", "xs.extend(ys)", args, n, 1, 1))
        return 1;
    if (!datum_is_container(&args[1])) {
        interp_error(in, "extend takes a list or a set, not %s: "
                     "xs.extend(ys)", datum_kind_name((DatumKind)args[1].kind));
        return 1;
    }
    List *l = list_of(&args[0]);
    const List *from = list_of(&args[1]);
    uint32_t count = from->count;   /* xs.extend(xs) doubles xs once */
    if (list_full(in, (uint64_t)l->count + count))
        return 1;
    for (uint32_t k = 0; k < count; k++) {
        Datum item = from->items[k];
        if (item.kind == DATUM_UNBOUND)
            continue;
        datum_retain(&item);
        datum_list_push(l, item);
    }
    *out = datum_none();
    return 0;
}

static int list_pop(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "pop", "xs.pop()   xs.pop(i)", args, n, 0, 1))
        return 1;
    List *l = list_of(&args[0]);
    if (l->count == 0) {
        interp_error(in, "pop from an empty list");
        return 1;
    }
    uint32_t at = l->count - 1;
    if (n == 2 && interp_list_position(in, &args[1], l->count, &at))
        return 1;
    *out = l->items[at];
    memmove(l->items + at, l->items + at + 1,
            (l->count - at - 1) * sizeof *l->items);
    l->count--;
    return 0;
}

static int list_insert(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "insert", "xs.insert(i, x)", args, n, 2, 2))
        return 1;
    List *l = list_of(&args[0]);
    double x;
    if (!datum_scalar(&args[1], &x) || x != floor(x)) {
        interp_error(in, "insert: the place must be a whole number, not %s",
                     datum_scalar(&args[1], &x)
                         ? "a fraction" : datum_kind_name((DatumKind)args[1].kind));
        return 1;
    }
    if (list_full(in, (uint64_t)l->count + 1))
        return 1;
    /* as Python: from the end when negative, then clamped into the list */
    double place = x < 0 ? x + l->count : x;
    uint32_t at = place < 0 ? 0 : place > l->count ? l->count : (uint32_t)place;
    Datum item = args[2];
    datum_retain(&item);
    datum_list_push(l, item);   /* room for one more */
    memmove(l->items + at + 1, l->items + at,
            (l->count - 1 - at) * sizeof *l->items);
    l->items[at] = item;
    *out = datum_none();
    return 0;
}

/* The place of the first item that is x, or -1. */
static int64_t find(const List *l, const Datum *x)
{
    for (uint32_t k = 0; k < l->count; k++)
        if (datum_matches(&l->items[k], x))
            return k;
    return -1;
}

static int not_in_list(Interp *in, const char *name, const Datum *x)
{
    char buf[64];
    interp_error(in, "%s: %s is not in the list", name,
                 describe(buf, sizeof buf, x));
    return 1;
}

static int list_index(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "index", "xs.index(x)", args, n, 1, 1))
        return 1;
    int64_t at = find(list_of(&args[0]), &args[1]);
    if (at < 0)
        return not_in_list(in, "index", &args[1]);
    *out = datum_number((double)at);
    return 0;
}

static int list_count(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "count", "xs.count(x)", args, n, 1, 1))
        return 1;
    const List *l = list_of(&args[0]);
    uint32_t count = 0;
    for (uint32_t k = 0; k < l->count; k++)
        count += datum_matches(&l->items[k], &args[1]);
    *out = datum_number(count);
    return 0;
}

static int list_remove(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "remove", "xs.remove(x)", args, n, 1, 1))
        return 1;
    List *l = list_of(&args[0]);
    int64_t at = find(l, &args[1]);
    if (at < 0)
        return not_in_list(in, "remove", &args[1]);
    Datum gone = l->items[at];
    memmove(l->items + at, l->items + at + 1,
            (l->count - (uint32_t)at - 1) * sizeof *l->items);
    l->count--;
    datum_release(&gone);
    *out = datum_none();
    return 0;
}

static int list_reverse(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "reverse", "xs.reverse()", args, n, 0, 0))
        return 1;
    List *l = list_of(&args[0]);
    for (uint32_t a = 0, b = l->count; a + 1 < b; a++, b--) {
        Datum t = l->items[a];
        l->items[a] = l->items[b - 1];
        l->items[b - 1] = t;
    }
    *out = datum_none();
    return 0;
}

static int list_copy(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "copy", "xs.copy()", args, n, 0, 0))
        return 1;
    const List *l = list_of(&args[0]);
    List *copy = datum_list_new(l->count);
    for (uint32_t k = 0; k < l->count; k++) {
        Datum item = l->items[k];
        datum_retain(&item);
        datum_list_push(copy, item);
    }
    *out = datum_object(&copy->header);
    return 0;
}

/* Empties a container (its items released: a list or a set). */
static void clear_items(List *l)
{
    /* released after the list is empty: an item may be the list's only
     * holder of something that looks at the list again */
    uint32_t count = l->count;
    Datum *items = l->items;
    l->items = NULL;
    l->count = l->capacity = 0;
    for (uint32_t k = 0; k < count; k++)
        datum_release(&items[k]);
    free(items);
}

static int list_clear(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "clear", "xs.clear()", args, n, 0, 0))
        return 1;
    clear_items(list_of(&args[0]));
    *out = datum_none();
    return 0;
}

static int list_sort(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    /* sorted()'s work, in place */
    List *l = list_of(&args[0]);
    Datum sorted;
    if (interp_sort(in, "sort", "xs.sort()   xs.sort(key=f, reverse=True)",
                    args, n, &sorted))
        return 1;
    List *s = list_of(&sorted);
    Datum *items = l->items;
    uint32_t count = l->count, capacity = l->capacity;
    l->items = s->items;
    l->count = s->count;
    l->capacity = s->capacity;
    s->items = items;
    s->count = count;
    s->capacity = capacity;
    datum_release(&sorted);
    *out = datum_none();
    return 0;
}

static const KindMethod list_methods[] = {
    {"append", list_append, "xs.append(x)", "Adds x at the end of xs."},
    {"extend", list_extend, "xs.extend(ys)",
     "Adds the items of ys (a list or a set) at the end of xs."},
    {"pop", list_pop, "xs.pop()   xs.pop(i)",
     "Removes the last item (item i) of xs and gives it."},
    {"insert", list_insert, "xs.insert(i, x)",
     "Puts x before item i (from the end when i is negative; at the end\n"
     "when i is past it)."},
    {"index", list_index, "xs.index(x)",
     "The place of the first item that is x (a value only as itself)."},
    {"count", list_count, "xs.count(x)", "How many items are x."},
    {"remove", list_remove, "xs.remove(x)",
     "Removes the first item that is x; an error when there is none."},
    {"reverse", list_reverse, "xs.reverse()", "Reverses xs in place."},
    {"copy", list_copy, "xs.copy()",
     "A new list of the same items (xs[:] is the same)."},
    {"clear", list_clear, "xs.clear()", "Removes every item."},
    {"sort", list_sort, "xs.sort()   xs.sort(key=f, reverse=True)",
     "Sorts xs in place, as sorted(xs) sorts a copy."},
    {NULL, NULL, NULL, NULL}
};

/* ---- set methods ------------------------------------------------------------- */

static Set *set_of(const Datum *d)
{
    return (Set *)d->as.object;
}

static int set_add(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "add", "s.add(x)", args, n, 1, 1))
        return 1;
    Set *s = set_of(&args[0]);
    if (list_full(in, (uint64_t)s->members + 1))
        return 1;
    Datum item = args[1];
    datum_retain(&item);
    datum_set_add(s, item);
    *out = datum_none();
    return 0;
}

static int set_discard(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "discard", "s.discard(x)", args, n, 1, 1))
        return 1;
    datum_set_remove(set_of(&args[0]), &args[1]);
    *out = datum_none();
    return 0;
}

static int set_remove(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "remove", "s.remove(x)", args, n, 1, 1))
        return 1;
    if (!datum_set_remove(set_of(&args[0]), &args[1])) {
        char buf[64];
        interp_error(in, "remove: %s is not in the set (s.discard(x) "
                     "removes x only if it is there)",
                     describe(buf, sizeof buf, &args[1]));
        return 1;
    }
    *out = datum_none();
    return 0;
}

static int set_copy(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "copy", "s.copy()", args, n, 0, 0))
        return 1;
    const List *l = list_of(&args[0]);
    Set *copy = datum_set_new();
    for (uint32_t k = 0; k < l->count; k++) {
        Datum item = l->items[k];
        if (item.kind == DATUM_UNBOUND)
            continue;
        datum_retain(&item);
        datum_set_add(copy, item);
    }
    *out = datum_object(&copy->list.header);
    return 0;
}

static int set_clear(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    if (method_arity(in, "clear", "s.clear()", args, n, 0, 0))
        return 1;
    Set *s = set_of(&args[0]);
    free(s->index);
    s->index = NULL;
    s->index_size = 0;
    s->members = 0;
    clear_items(&s->list);
    *out = datum_none();
    return 0;
}

static const KindMethod set_methods[] = {
    {"add", set_add, "s.add(x)", "Adds x to the set s (nothing when it is there)."},
    {"discard", set_discard, "s.discard(x)",
     "Removes x from s when it is there."},
    {"remove", set_remove, "s.remove(x)",
     "Removes x from s; an error when it is not there."},
    {"copy", set_copy, "s.copy()", "A new set of the same members."},
    {"clear", set_clear, "s.clear()", "Removes every member."},
    {NULL, NULL, NULL, NULL}
};

/* ---- printing, truth and freeing ----------------------------------------------- */

static void print_scalar(FILE *out, const Datum *d, int digits, int quote)
{
    (void)quote;
    char number[40];
    double x = 0;
    datum_scalar(d, &x);
    fputs(view_format_number(number, sizeof number, x, digits), out);
}

/* print writes a string as it is; quoted (an echo, an item of a list) it
 * is written as the language would read it, and a control character
 * (an escape sequence that would reach the terminal) as \xNN. */
static void print_string(FILE *out, const Datum *d, int digits, int quote)
{
    (void)digits;
    const String *s = (const String *)d->as.object;
    if (!quote) {
        fwrite(s->text, 1, s->length, out);
        return;
    }
    fputc('"', out);
    for (size_t i = 0; i < s->length; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void print_model(FILE *out, const Datum *d, int digits, int quote)
{
    (void)digits;
    (void)quote;
    model_print(out, datum_model(d));
}

static void print_function(FILE *out, const Datum *d, int digits, int quote)
{
    (void)d;
    (void)digits;
    (void)quote;
    fputs("<function>", out);
}

static void print_builtin(FILE *out, const Datum *d, int digits, int quote)
{
    (void)digits;
    (void)quote;
    fprintf(out, "<built-in function %s>", d->as.builtin->name);
}

static void print_none(FILE *out, const Datum *d, int digits, int quote)
{
    (void)d;
    (void)digits;
    (void)quote;
    fputs("None", out);
}

static int truth_none(const Datum *d)
{
    (void)d;
    return 0;   /* as Python's: if batch_size: ... */
}

static int truth_scalar(const Datum *d)
{
    double x = 0;
    datum_scalar(d, &x);
    return x != 0;
}

static int truth_string(const Datum *d)
{
    return ((const String *)d->as.object)->length != 0;
}

static int truth_list(const Datum *d)
{
    return list_of(d)->count != 0;
}

static int truth_set(const Datum *d)
{
    return set_of(d)->members != 0;
}

static void destroy_function(Object *o)
{
    program_release(((Function *)o)->program);
}

static void destroy_model(Object *o)
{
    model_free(((ModelObject *)o)->model);
}

static void destroy_set(Object *o)
{
    free(((Set *)o)->index);
}

/* ---- the table ---------------------------------------------------------------- */

/* micrograd's insides (interp/micrograd.c): a node's, a model's parts */
static const KindMethod node_methods[] = {
    {"_backward", interp_node_backward, "v._backward()",
     "Adds v.grad times each local derivative to the grads of v's children,\n"
     "as micrograd's closure does (nothing for a leaf)."},
    {NULL, NULL, NULL, NULL}
};

static const KindAttribute node_attributes[] = {
    {"_prev", interp_node_prev,
     "The children of v as a list, in operand order ([] for a leaf)."},
    {"_op", interp_node_op,
     "The operation that made v as micrograd names it: \"+\", \"*\", \"tanh\",\n"
     "\"**2\", \"ReLU\", \"exp\"; \"\" for a leaf; \"-\", \"/\", \"neg\" and the\n"
     "function's name for what micrograd has no node of."},
    {NULL, NULL, NULL}
};

static const KindAttribute model_attributes[] = {
    {"layers", interp_model_layers, "An MLP's layers, as a list."},
    {"neurons", interp_model_neurons, "A layer's neurons, as a list."},
    {"w", interp_model_w, "A neuron's weights, as a list of values."},
    {"b", interp_model_b, "A neuron's bias."},
    {"nonlin", interp_model_nonlin,
     "Whether a neuron applies its activation: True, or False for a linear\n"
     "one."},
    {NULL, NULL, NULL}
};

static int truth_true(const Datum *d)
{
    (void)d;
    return 1;
}

/* name, type, open, close, empty, print, truth, destroy, methods,
 * attributes, member; in DatumKind's order */
static const Kind kind_rows[] = {
    [DATUM_UNBOUND] = {"nothing", "nothing", NULL, NULL, NULL, NULL, NULL,
                       NULL, NULL, NULL, NULL},
    [DATUM_NONE] = {"none", "None", NULL, NULL, NULL, print_none, truth_none,
                    NULL, NULL, NULL, NULL},
    [DATUM_NUMBER] = {"a number", "number", NULL, NULL, NULL, print_scalar,
                      truth_scalar, NULL, NULL, NULL, NULL},
    [DATUM_NODE] = {"a value", "Value", NULL, NULL, NULL, print_scalar,
                    truth_scalar, NULL, node_methods, node_attributes, NULL},
    [DATUM_BUILTIN] = {"a built-in function", "function", NULL, NULL, NULL,
                       print_builtin, NULL, NULL, NULL, NULL, NULL},
    [DATUM_MODULE] = {"a module", "module", NULL, NULL, NULL,
                      interp_print_module, truth_true, NULL, NULL, NULL,
                      interp_module_get},
    [DATUM_STRING] = {"a string", "string", NULL, NULL, NULL, print_string,
                      truth_string, NULL, NULL, NULL, NULL},
    [DATUM_LIST] = {"a list", "list", "[", "]", "[]", NULL, truth_list, NULL,
                    list_methods, NULL, NULL},
    [DATUM_SET] = {"a set", "set", "{", "}", "set()", NULL, truth_set,
                   destroy_set, set_methods, NULL, NULL},
    [DATUM_FUNCTION] = {"a function", "function", NULL, NULL, NULL,
                        print_function, NULL, destroy_function, NULL, NULL,
                        NULL},
    [DATUM_MODEL] = {"a model", "model", NULL, NULL, NULL, print_model, NULL,
                     destroy_model, NULL, model_attributes, NULL},
    [DATUM_WORD] = {"a name", "name", NULL, NULL, NULL, NULL, NULL, NULL,
                    NULL, NULL, NULL},
    [DATUM_RANGE] = {"a range", "range", NULL, NULL, NULL, NULL, NULL, NULL,
                     NULL, NULL, NULL},
    [DATUM_ITER] = {"a loop", "loop", NULL, NULL, NULL, NULL, NULL, NULL,
                    NULL, NULL, NULL},
};

enum { KIND_ROWS = sizeof kind_rows / sizeof kind_rows[0] };

const Kind *kind_of(DatumKind kind)
{
    return (unsigned)kind < KIND_ROWS ? &kind_rows[kind]
                                      : &kind_rows[DATUM_UNBOUND];
}

const char *datum_kind_name(DatumKind kind)
{
    return kind_of(kind)->name;
}

const KindMethod *kind_method(DatumKind kind, const char *name)
{
    for (const KindMethod *m = kind_of(kind)->methods; m && m->name; m++)
        if (strcmp(m->name, name) == 0)
            return m;
    return NULL;
}

const KindAttribute *kind_attribute(DatumKind kind, const char *name)
{
    for (const KindAttribute *a = kind_of(kind)->attributes; a && a->name; a++)
        if (strcmp(a->name, name) == 0)
            return a;
    return NULL;
}

int kind_find_attribute(const char *name, DatumKind *kind)
{
    for (unsigned k = 0; k < KIND_ROWS; k++)
        if (kind_attribute((DatumKind)k, name)) {
            *kind = (DatumKind)k;
            return 1;
        }
    return 0;
}

const KindMethod *kind_find_method(const char *name, DatumKind *kind)
{
    for (unsigned k = 0; k < KIND_ROWS; k++) {
        const KindMethod *m = kind_method((DatumKind)k, name);
        if (m) {
            *kind = (DatumKind)k;
            return m;
        }
    }
    return NULL;
}

void kind_each_name(InterpWordFn fn, void *ctx)
{
    for (unsigned k = 0; k < KIND_ROWS; k++) {
        const Kind *row = &kind_rows[k];
        for (const KindMethod *m = row->methods; m && m->name; m++) {
            DatumKind first = DATUM_UNBOUND;
            kind_find_method(m->name, &first);
            if (first == (DatumKind)k)   /* each name once */
                fn(ctx, m->name);
        }
        for (const KindAttribute *a = row->attributes; a && a->name; a++)
            fn(ctx, a->name);
    }
}
