/*
 * interp/sort.c — the order of values, for sorted, xs.sort, min and max:
 * numbers and values by their data (as < compares them), strings by
 * their bytes, lists item by item, as Python orders them. The sort is a
 * merge sort, stable as Python's, with each key worked out once.
 */
#include "interp/state.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

int interp_less(Interp *in, const Datum *a, const Datum *b, int *less)
{
    /* lists: the first items that differ decide, else the shorter is
     * less; walked as a loop, not by recursion. Each pair of lists gives
     * the next, so lists that hold themselves could walk round for ever:
     * Brent's cycle finder notices a pair met again. */
    const List *saved_s = NULL, *saved_t = NULL;
    uint64_t power = 1, steps = 0;
    for (;;) {
        double x, y;
        if (datum_scalar(a, &x) && datum_scalar(b, &y)) {
            *less = x < y;
            return 0;
        }
        if (a->kind == DATUM_STRING && b->kind == DATUM_STRING) {
            const String *s = (const String *)a->as.object;
            const String *t = (const String *)b->as.object;
            size_t n = s->length < t->length ? s->length : t->length;
            int c = memcmp(s->text, t->text, n);
            *less = c < 0 || (c == 0 && s->length < t->length);
            return 0;
        }
        if (a->kind == DATUM_LIST && b->kind == DATUM_LIST) {
            const List *s = (const List *)a->as.object;
            const List *t = (const List *)b->as.object;
            uint32_t k = 0;
            while (k < s->count && k < t->count && s != t &&
                   datum_equal(&s->items[k], &t->items[k]))
                k++;
            if (s == t || k == s->count || k == t->count) {
                *less = s != t && s->count < t->count;
                return 0;
            }
            if (s == saved_s && t == saved_t) {
                interp_error(in, "cannot order lists that hold themselves");
                return 1;
            }
            if (++steps == power) {
                saved_s = s;
                saved_t = t;
                power *= 2;
                steps = 0;
            }
            a = &s->items[k];
            b = &t->items[k];
            continue;
        }
        interp_error(in, "cannot order %s and %s",
                     datum_kind_name((DatumKind)a->kind),
                     datum_kind_name((DatumKind)b->kind));
        return 1;
    }
}

/* A stable merge sort of order[0, n) by keys, bottom up. */
static int merge_sort(Interp *in, const Datum *keys, uint32_t *order,
                      uint32_t n, int reverse)
{
    uint32_t *other = mem_malloc((n + 1) * sizeof *other);
    uint32_t *from = order, *to = other;
    int failed = 0;
    for (uint32_t width = 1; width < n && !failed; width *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = lo + width < n ? lo + width : n;
            uint32_t hi = mid + width < n ? mid + width : n;
            uint32_t a = lo, b = mid, k = lo;
            while (a < mid && b < hi) {
                int less = 0;
                if (!failed) {
                    /* the right one goes first only when strictly before */
                    failed = reverse
                        ? interp_less(in, &keys[from[a]], &keys[from[b]], &less)
                        : interp_less(in, &keys[from[b]], &keys[from[a]], &less);
                }
                to[k++] = less ? from[b++] : from[a++];
            }
            while (a < mid)
                to[k++] = from[a++];
            while (b < hi)
                to[k++] = from[b++];
        }
        uint32_t *t = from;
        from = to;
        to = t;
        if (interp_interrupted && !failed) {
            interp_error(in, "interrupted");
            failed = 1;
        }
    }
    if (from != order)
        memcpy(order, from, n * sizeof *order);
    free(other);
    return failed;
}

int interp_sort(Interp *in, const char *name, const char *usage,
                Datum *args, uint32_t n, Datum *out)
{
    const Datum *key = NULL;
    int reverse = 0;
    uint32_t positional = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (args[k].kind == DATUM_WORD && k + 1 < n) {
            const char *word = interp_name(in, args[k].aux);
            const Datum *value = &args[++k];
            if (strcmp(word, "key") == 0) {
                key = value->kind == DATUM_NONE ? NULL : value;
            } else if (strcmp(word, "reverse") == 0) {
                if (interp_truth(in, value, &reverse))
                    return 1;
            } else {
                interp_error(in, "%s has no argument called '%s': %s", name,
                             word, usage);
                return 1;
            }
            continue;
        }
        positional++;
    }
    if (positional != 1 && strcmp(name, "sort") == 0) {
        interp_error(in, "sort takes only key= and reverse=: %s", usage);
        return 1;
    }
    if (positional != 1) {
        interp_error(in, "%s takes 1 argument, not %u: %s", name, positional,
                     usage);
        return 1;
    }
    if (!datum_is_container(&args[0])) {
        interp_error(in, "%s: cannot sort %s (a list or a set is needed)",
                     name, datum_kind_name((DatumKind)args[0].kind));
        return 1;
    }
    const List *l = (const List *)args[0].as.object;
    /* the items (a set's without its holes), and their keys */
    List *items = datum_list_new(l->count);
    for (uint32_t k = 0; k < l->count; k++)
        if (l->items[k].kind != DATUM_UNBOUND) {
            Datum item = l->items[k];
            datum_retain(&item);
            datum_list_push(items, item);
        }
    uint32_t count = items->count;
    Datum *keys = items->items;
    List *computed = NULL;
    int failed = 0;
    if (key) {
        computed = datum_list_new(count);
        for (uint32_t k = 0; k < count && !failed; k++) {
            Datum result;
            failed = interp_call(in, key, &items->items[k], 1, &result);
            if (!failed)
                datum_list_push(computed, result);
        }
        keys = computed->items;
    }
    uint32_t *order = mem_malloc((count + 1) * sizeof *order);
    for (uint32_t k = 0; k < count; k++)
        order[k] = k;
    if (!failed)
        failed = merge_sort(in, keys, order, count, reverse);
    if (!failed) {
        List *sorted = datum_list_new(count);
        for (uint32_t k = 0; k < count; k++) {
            Datum item = items->items[order[k]];
            datum_retain(&item);
            datum_list_push(sorted, item);
        }
        *out = datum_object(&sorted->header);
    }
    free(order);
    if (computed)
        datum_release_object(&computed->header);
    datum_release_object(&items->header);
    return failed;
}
