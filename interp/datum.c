/*
 * interp/datum.c — the heap objects behind Datums: making and freeing
 * them, and their names in messages.
 *
 * Freeing a list releases its items; a list of lists ten thousand deep is
 * freed with an explicit stack, never by recursion.
 */
#include "interp/datum.h"
#include "interp/state.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"
#include "view/view.h"
#include "interp/interp.h"

String *datum_string_new(const char *text, size_t length)
{
    String *s = mem_malloc(sizeof *s + length + 1);
    s->header.refs = 1;
    s->header.kind = DATUM_STRING;
    s->length = length;
    if (length)
        memcpy(s->text, text, length);
    s->text[length] = '\0';
    return s;
}

List *datum_list_new(uint32_t capacity)
{
    List *l = mem_malloc(sizeof *l);
    l->header.refs = 1;
    l->header.kind = DATUM_LIST;
    l->count = 0;
    l->capacity = capacity;
    l->items = capacity ? mem_malloc(capacity * sizeof *l->items) : NULL;
    return l;
}

void datum_list_push(List *list, Datum item)
{
    MEM_GROW(list->items, list->capacity, list->count + 1, 4);
    list->items[list->count++] = item;
}

Range *datum_range_new(uint32_t name, double lo, double hi)
{
    Range *r = mem_calloc(1, sizeof *r);
    r->header.refs = 1;
    r->header.kind = DATUM_RANGE;
    r->name = name;
    r->lo = lo;
    r->hi = hi;
    return r;
}

Datum datum_model_new(Model *m)
{
    ModelObject *o = mem_malloc(sizeof *o);
    o->header.refs = 1;
    o->header.kind = DATUM_MODEL;
    o->model = m;
    return datum_object(&o->header);
}

void datum_free_object(Object *first)
{
    /* Objects whose count fell to zero, waiting to be freed. */
    Object **pending = NULL;
    size_t count = 0, capacity = 0;
    Object *o = first;
    for (;;) {
        if (o->kind == DATUM_LIST) {
            List *l = (List *)o;
            for (uint32_t i = 0; i < l->count; i++) {
                Datum *d = &l->items[i];
                if (d->kind == DATUM_NODE) {
                    value_release(d->as.node);
                } else if (datum_is_object(d) && --d->as.object->refs == 0) {
                    MEM_GROW(pending, capacity, count + 1, 16);
                    pending[count++] = d->as.object;
                }
            }
            free(l->items);
        } else if (o->kind == DATUM_FUNCTION) {
            program_release(((Function *)o)->program);
        } else if (o->kind == DATUM_MODEL) {
            model_free(((ModelObject *)o)->model);
        }
        free(o);
        if (!count)
            break;
        o = pending[--count];
    }
    free(pending);
}

const char *datum_kind_name(DatumKind kind)
{
    switch (kind) {
    case DATUM_UNBOUND:  return "nothing";
    case DATUM_NONE:     return "none";
    case DATUM_NUMBER:   return "a number";
    case DATUM_NODE:     return "a value";
    case DATUM_BUILTIN:  return "a built-in function";
    case DATUM_MODULE:   return "a module";
    case DATUM_STRING:   return "a string";
    case DATUM_LIST:     return "a list";
    case DATUM_FUNCTION: return "a function";
    case DATUM_MODEL:    return "a model";
    case DATUM_WORD:     return "a name";
    case DATUM_RANGE:    return "a range";
    case DATUM_ITER:     return "a loop";
    }
    return "a value";
}

int datum_scalar(const Datum *d, double *out)
{
    if (d->kind == DATUM_NUMBER) {
        *out = d->as.number;
        return 1;
    }
    if (d->kind == DATUM_NODE) {
        *out = d->as.node->data;
        return 1;
    }
    return 0;
}

/* One scalar or atom, as datum_print shows it. */
static void print_atom(FILE *out, const Datum *d, int digits, int quote)
{
    char number[40];
    double x;
    switch ((DatumKind)d->kind) {
    case DATUM_NUMBER:
    case DATUM_NODE:
        datum_scalar(d, &x);
        fputs(view_format_number(number, sizeof number, x, digits), out);
        return;
    case DATUM_STRING: {
        const String *s = (const String *)d->as.object;
        if (quote)
            fputc('"', out);
        fwrite(s->text, 1, s->length, out);
        if (quote)
            fputc('"', out);
        return;
    }
    case DATUM_MODEL:
        model_print(out, datum_model(d));
        return;
    case DATUM_FUNCTION: {
        fputs("<function>", out);
        return;
    }
    case DATUM_BUILTIN:
        fprintf(out, "<built-in function %s>", d->as.builtin->name);
        return;
    case DATUM_NONE:
        fputs("None", out);
        return;
    case DATUM_MODULE:
        fprintf(out, "<module '%s'>", d->as.module->name);
        return;
    default:
        fprintf(out, "<%s>", datum_kind_name((DatumKind)d->kind));
        return;
    }
}

void datum_print(FILE *out, const Datum *d, int digits, int quote)
{
    if (d->kind != DATUM_LIST) {
        print_atom(out, d, digits, quote);
        return;
    }
    /* Nested lists without recursion: a stack of (list, next index).
     * Ctrl-C stops a long list where it has got to ("..."); the statement
     * then reports the interruption. */
    struct Place { const List *list; uint32_t next; } stack[DATUM_PRINT_DEPTH];
    int depth = 0;
    uint32_t shown = 0;
    stack[0].list = (const List *)d->as.object;
    stack[0].next = 0;
    fputc('[', out);
    while (depth >= 0) {
        struct Place *at = &stack[depth];
        if (at->next >= at->list->count) {
            fputc(']', out);
            depth--;
            continue;
        }
        if (at->next > 0)
            fputs(", ", out);
        if (++shown % 4096 == 0 && interp_interrupted) {
            fputs("...", out);
            return;
        }
        const Datum *item = &at->list->items[at->next++];
        if (item->kind != DATUM_LIST) {
            print_atom(out, item, digits, 1);
        } else if (depth + 1 >= DATUM_PRINT_DEPTH) {
            fputs("[...]", out);
        } else {
            depth++;
            stack[depth].list = (const List *)item->as.object;
            stack[depth].next = 0;
            fputc('[', out);
        }
    }
}
