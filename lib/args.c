/*
 * lib/args.c — the one argument checker of the library: the arguments of
 * a built-in function (positional ones and keywords, counted, numbers,
 * whole numbers and lists checked) and of a command (a bare word looked
 * up, a node, a whole number, a word, a string), each misuse reported in
 * the same words at the argument's place.
 */
#include "lib/internal.h"

#include <math.h>
#include <string.h>

int args_split(Interp *in, const char *fn, Datum *args, uint32_t n, Args *a,
               uint32_t least, uint32_t most, const char *const *keywords)
{
    memset(a, 0, sizeof *a);
    for (uint32_t k = 0; k < n; k++) {
        if (args[k].kind == DATUM_WORD && k + 1 < n) {
            const char *name = interp_name(in, args[k].aux);
            int known = 0;
            for (const char *const *w = keywords; w && *w; w++)
                known |= strcmp(*w, name) == 0;
            if (!known || a->keywords == 4) {
                interp_error(in, "%s has no argument called '%s'", fn, name);
                return 1;
            }
            a->keyword[a->keywords] = name;
            a->keyword_value[a->keywords++] = &args[++k];
            continue;
        }
        if (a->count == 8) {
            a->count = n;
            break;
        }
        a->given[a->count++] = &args[k];
    }
    if (a->count < least || a->count > most) {
        if (least == most)
            interp_error(in, "%s takes %u argument%s, not %u", fn, least,
                         least == 1 ? "" : "s", a->count);
        else
            interp_error(in, "%s takes %u to %u arguments, not %u", fn, least,
                         most, a->count);
        return 1;
    }
    return 0;
}

const Datum *args_keyword(const Args *a, const char *name)
{
    for (uint32_t k = 0; k < a->keywords; k++)
        if (strcmp(a->keyword[k], name) == 0)
            return a->keyword_value[k];
    return NULL;
}

int args_number(Interp *in, const char *fn, const char *what, const Datum *d,
                double *out)
{
    if (datum_scalar(d, out))
        return 0;
    interp_error(in, "%s: %s must be a number, not %s", fn, what,
                 datum_kind_name((DatumKind)d->kind));
    return 1;
}

int args_whole(Interp *in, const char *fn, const char *what, const Datum *d,
               double lo, double hi, double *out)
{
    if (args_number(in, fn, what, d, out))
        return 1;
    if (*out != floor(*out) || !(*out >= lo && *out <= hi)) {
        interp_error(in, "%s: %s must be a whole number from %.0f to %.0f", fn,
                     what, lo, hi);
        return 1;
    }
    return 0;
}

const List *args_list(Interp *in, const char *fn, const char *what,
                      const Datum *d)
{
    if (d->kind == DATUM_LIST)
        return (const List *)d->as.object;
    interp_error(in, "%s: %s must be a list, not %s", fn, what,
                 datum_kind_name((DatumKind)d->kind));
    return NULL;
}

List *args_items(Interp *in, const char *fn, const char *what,
                 const Datum *d)
{
    if (d->kind == DATUM_LIST) {
        List *l = (List *)d->as.object;
        l->header.refs++;
        return l;
    }
    if (d->kind == DATUM_SET) {
        const List *from = (const List *)d->as.object;
        List *l = datum_list_new(((const Set *)from)->members);
        for (uint32_t k = 0; k < from->count; k++)
            if (from->items[k].kind != DATUM_UNBOUND) {
                Datum item = from->items[k];
                datum_retain(&item);
                datum_list_push(l, item);
            }
        return l;
    }
    if (d->kind == DATUM_STRING) {
        const String *s = (const String *)d->as.object;
        if (s->length > DATUM_LIST_MAX) {
            interp_error(in, "%s: the string is too long", fn);
            return NULL;
        }
        List *l = datum_list_new((uint32_t)s->length);
        for (size_t k = 0; k < s->length; k++)
            datum_list_push(l, datum_object(
                                   &datum_string_new(s->text + k, 1)->header));
        return l;
    }
    interp_error(in, "%s: %s must be a list, a set or a string, not %s", fn,
                 what, datum_kind_name((DatumKind)d->kind));
    return NULL;
}

const Datum *args_resolve(Interp *in, const CommandCall *call, uint32_t i)
{
    const Datum *d = &call->args[i];
    if (d->kind != DATUM_WORD)
        return d;
    const Datum *g = d->aux < in->global_count ? &in->globals[d->aux] : NULL;
    if ((!g || g->kind == DATUM_UNBOUND) && d->aux < in->builtin_count)
        return &in->builtin_values[d->aux];   /* print len */
    if (!g || g->kind == DATUM_UNBOUND) {
        char hint[256];
        interp_arg_error(in, call, i, "%s",
                         interp_name_hint(in, interp_name(in, d->aux), hint,
                                          sizeof hint));
        return NULL;
    }
    return g;
}

/* A number argument: checks it is a whole number in [lo, hi]. */
int args_whole_at(Interp *in, const CommandCall *call, uint32_t i,
                  const char *what, long lo, long hi, long *out)
{
    const Datum *d = args_resolve(in, call, i);
    if (!d)
        return 1;
    double x;
    if (!datum_scalar(d, &x) || !(x >= (double)lo && x <= (double)hi) ||
        x != floor(x)) {
        interp_arg_error(in, call, i, "%s must be a whole number from %ld to "
                         "%ld", what, lo, hi);
        return 1;
    }
    *out = (long)x;
    return 0;
}

/* The word an argument names: a bare name or a command word. */
const char *args_word(const Interp *in, const CommandCall *call, uint32_t i)
{
    const Datum *d = &call->args[i];
    return d->kind == DATUM_WORD ? interp_name(in, d->aux) : NULL;
}

Value *args_graph(Interp *in, const CommandCall *call, uint32_t i)
{
    const Datum *d = &call->args[i];
    if (d->kind == DATUM_STRING || d->kind == DATUM_RANGE) {
        interp_arg_error(in, call, i, "expected a value (an expression such "
                         "as L), found %s", d->kind == DATUM_STRING
                         ? "a string" : "a range");
        return NULL;
    }
    d = args_resolve(in, call, i);
    if (!d)
        return NULL;
    if (d->kind == DATUM_NODE) {
        interp_note_shown(in, d->as.node);
        return value_retain(d->as.node);
    }
    if (d->kind == DATUM_NUMBER)
        return value_constant(d->as.number);
    if (d->kind == DATUM_BUILTIN) {
        char hint[256];
        interp_arg_error(in, call, i, "%s",
                         interp_name_hint(in, d->as.builtin->name, hint,
                                          sizeof hint));
        return NULL;
    }
    interp_arg_error(in, call, i, "expected a value (an expression such as "
                     "L), found %s", datum_kind_name((DatumKind)d->kind));
    return NULL;
}

/* The string an argument is, or NULL. */
const String *args_string(const CommandCall *call, uint32_t i)
{
    const Datum *d = &call->args[i];
    return d->kind == DATUM_STRING ? (const String *)d->as.object : NULL;
}
