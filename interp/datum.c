/*
 * interp/datum.c — the heap objects behind Datums: making and freeing
 * them, sets' index, and the walks over containers (printing, ==, the
 * cycle collector). What differs between kinds is their row in
 * interp/kinds.c; the walks here read the rows.
 *
 * Every walk into containers keeps its own stack: a list of lists ten
 * thousand deep is freed, printed and compared without recursion, and a
 * list that holds itself prints as [1, [...]] and compares without end.
 */
#include "interp/datum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "interp/kinds.h"
#include "interp/interp.h"
#include "util/mem.h"

/* The chain of containers alive, newest first, for the collector. */
static List *newest;
size_t datum_containers;
size_t datum_collect_at = 4096;

static void link_container(List *l)
{
    l->older = newest;
    l->newer = NULL;
    if (newest)
        newest->newer = l;
    newest = l;
    datum_containers++;
}

static void unlink_container(List *l)
{
    if (l->older)
        l->older->newer = l->newer;
    if (l->newer)
        l->newer->older = l->older;
    else
        newest = l->older;
    datum_containers--;
}

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

static void list_init(List *l, DatumKind kind, uint32_t capacity)
{
    l->header.refs = 1;
    l->header.kind = (uint8_t)kind;
    l->count = 0;
    l->capacity = capacity;
    l->items = capacity ? mem_malloc(capacity * sizeof *l->items) : NULL;
    l->gc = 0;
    link_container(l);
}

List *datum_list_new(uint32_t capacity)
{
    List *l = mem_malloc(sizeof *l);
    list_init(l, DATUM_LIST, capacity);
    return l;
}

void datum_list_push(List *list, Datum item)
{
    MEM_GROW(list->items, list->capacity, list->count + 1, 4);
    list->items[list->count++] = item;
}

/* ---- sets ------------------------------------------------------------------------ */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* A member's hash: numbers and strings by value, the rest by identity. */
static uint64_t member_hash(const Datum *d)
{
    switch ((DatumKind)d->kind) {
    case DATUM_NUMBER: {
        double x = d->as.number == 0 ? 0.0 : d->as.number;   /* -0 is 0 */
        uint64_t bits;
        memcpy(&bits, &x, sizeof bits);
        return mix(bits);
    }
    case DATUM_STRING: {
        const String *s = (const String *)d->as.object;
        uint64_t h = 1469598103934665603ULL;
        for (size_t k = 0; k < s->length; k++)
            h = (h ^ (unsigned char)s->text[k]) * 1099511628211ULL;
        return mix(h);
    }
    case DATUM_NONE:
        return 1;
    case DATUM_NODE:
        return mix((uint64_t)(uintptr_t)d->as.node);
    case DATUM_BUILTIN:
        return mix((uint64_t)(uintptr_t)d->as.builtin);
    default:
        return mix((uint64_t)(uintptr_t)d->as.object);
    }
}

static int member_same(const Datum *a, const Datum *b)
{
    if (a->kind != b->kind)
        return 0;
    switch ((DatumKind)a->kind) {
    case DATUM_NUMBER:
        return a->as.number == b->as.number ||
               (isnan(a->as.number) && isnan(b->as.number));
    case DATUM_STRING: {
        const String *s = (const String *)a->as.object;
        const String *t = (const String *)b->as.object;
        return s->length == t->length &&
               memcmp(s->text, t->text, s->length) == 0;
    }
    case DATUM_NONE:
        return 1;
    case DATUM_NODE:
        return a->as.node == b->as.node;
    case DATUM_BUILTIN:
        return a->as.builtin == b->as.builtin;
    default:
        return a->as.object == b->as.object;
    }
}

Set *datum_set_new(void)
{
    Set *s = mem_malloc(sizeof *s);
    list_init(&s->list, DATUM_SET, 0);
    s->members = 0;
    s->index_size = 0;
    s->index = NULL;
    return s;
}

/* The index entry that holds d, or NULL. */
static uint32_t *set_find(const Set *s, const Datum *d, uint64_t hash)
{
    if (!s->index_size)
        return NULL;
    uint32_t mask = s->index_size - 1;
    for (uint32_t k = (uint32_t)hash & mask;; k = (k + 1) & mask) {
        uint32_t e = s->index[k];
        if (e == SET_EMPTY)
            return NULL;
        if (e != SET_GONE && member_same(&s->list.items[e - 1], d))
            return &s->index[k];
    }
}

/* Closes the holes in items and makes the index again, a quarter full. */
static void set_rebuild(Set *s)
{
    List *l = &s->list;
    uint32_t used = 0;
    for (uint32_t k = 0; k < l->count; k++)
        if (l->items[k].kind != DATUM_UNBOUND)
            l->items[used++] = l->items[k];
    l->count = used;
    uint32_t size = 8;
    while (size < 4 * ((uint64_t)used + 1))
        size *= 2;
    free(s->index);
    s->index = mem_calloc(size, sizeof *s->index);
    s->index_size = size;
    for (uint32_t k = 0; k < used; k++) {
        uint32_t at = (uint32_t)member_hash(&l->items[k]) & (size - 1);
        while (s->index[at] != SET_EMPTY)
            at = (at + 1) & (size - 1);
        s->index[at] = k + 1;
    }
}

int datum_set_has(const Set *s, const Datum *d)
{
    return set_find(s, d, member_hash(d)) != NULL;
}

int datum_set_add(Set *s, Datum d)
{
    uint64_t hash = member_hash(&d);
    if (set_find(s, &d, hash)) {
        datum_release(&d);
        return 0;
    }
    /* every entry in use is a member or a hole: at most half of them */
    if (2 * ((uint64_t)s->list.count + 1) > s->index_size)
        set_rebuild(s);
    uint32_t mask = s->index_size - 1;
    uint32_t at = (uint32_t)hash & mask;
    while (s->index[at] != SET_EMPTY && s->index[at] != SET_GONE)
        at = (at + 1) & mask;
    datum_list_push(&s->list, d);
    s->index[at] = s->list.count;
    s->members++;
    return 1;
}

int datum_set_remove(Set *s, const Datum *d)
{
    uint32_t *entry = set_find(s, d, member_hash(d));
    if (!entry)
        return 0;
    Datum gone = s->list.items[*entry - 1];
    s->list.items[*entry - 1].kind = DATUM_UNBOUND;
    *entry = SET_GONE;
    s->members--;
    /* the hole stays until an add makes the index again, so a loop over
     * the set that removes what it meets still meets every member */
    datum_release(&gone);
    return 1;
}

/* ---- other objects ---------------------------------------------------------------- */

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

/* ---- freeing ------------------------------------------------------------------ */

/* Objects whose count fell to zero, being freed, as a stack: the top is
 * freed one item at a time, and an item whose count falls to zero goes on
 * top of it. So the stack is as deep as the containers are nested, not as
 * long as they are, and the work can stop at any item and go on later.
 * Its first cells need no allocation. */
enum { DYING_INLINE = 64, REAP_POLL = 4096 };
static Object *dying_inline[DYING_INLINE];
static Object **dying = dying_inline;
static size_t dying_count, dying_capacity = DYING_INLINE;

static void dying_push(Object *o)
{
    if (dying_count == dying_capacity) {
        size_t bigger = 2 * dying_capacity;
        if (dying == dying_inline) {
            dying = mem_malloc(bigger * sizeof *dying);
            memcpy(dying, dying_inline, sizeof dying_inline);
        } else {
            dying = mem_realloc(dying, bigger * sizeof *dying);
        }
        dying_capacity = bigger;
    }
    if (kind_of((DatumKind)o->kind)->open)
        unlink_container((List *)o);
    dying[dying_count++] = o;
}

/* Frees the stack down to base, at most *steps items and objects (each
 * item counts), and stops early when polled and the interrupt flag is
 * raised. Returns 1 if it stopped before base. Every pass re-reads the
 * top: a release may free other objects (a label's text, a function's
 * program) through a nested call, which works above it and may leave
 * some there when interrupted. */
static int free_down_to(size_t base, size_t steps, int polled)
{
    size_t done = 0, poll_at = REAP_POLL;
    while (dying_count > base) {
        if (done >= steps)
            return 1;
        if (done >= poll_at) {
            poll_at = done + REAP_POLL;
            if (polled && interp_interrupted)
                return 1;
        }
        done++;
        Object *o = dying[dying_count - 1];
        const Kind *row = kind_of((DatumKind)o->kind);
        if (row->open) {
            /* a slice of items, until one whose count falls to zero */
            List *l = (List *)o;
            uint32_t from = l->count;
            uint32_t stop = from > REAP_POLL ? from - REAP_POLL : 0;
            Object *next = NULL;
            while (l->count > stop) {
                Datum *d = &l->items[--l->count];
                if (d->kind == DATUM_NODE) {
                    value_release(d->as.node);
                } else if (datum_is_object(d) && --d->as.object->refs == 0) {
                    next = d->as.object;
                    break;
                }
            }
            done += from - l->count;
            if (next)
                dying_push(next);
            /* more to do, or a release left something above it */
            if (next || l->count > 0 || dying[dying_count - 1] != o)
                continue;
            free(l->items);
        }
        dying_count--;
        if (row->destroy)
            row->destroy(o);
        free(o);
    }
    if (dying_count == 0 && dying != dying_inline) {
        free(dying);
        dying = dying_inline;
        dying_capacity = DYING_INLINE;
    }
    return 0;
}

void datum_free_object(Object *first)
{
    const Kind *row = kind_of((DatumKind)first->kind);
    if (!row->open) {    /* no items: no stack */
        if (row->destroy)
            row->destroy(first);
        free(first);
        return;
    }
    size_t base = dying_count;
    dying_push(first);
    free_down_to(base, SIZE_MAX, 1);
}

int datum_reap(size_t steps, int polled)
{
    return free_down_to(0, steps, polled);
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

/* ---- the cycle collector ----------------------------------------------------------- */

#define REACHED UINT32_MAX

/* Python's way: a container whose count is more than the references
 * other containers hold to it is held from outside (a name, the stack);
 * what such containers hold is alive too. The rest hold only one another:
 * their items are released and they are freed. */
/* Until it frees, the collector only writes the gc counts, which the next
 * collection makes again: when polled, an interrupt stops it there. */
#define COLLECT_STOPS(step) \
    (polled && ((step)++ & 0xFFFF) == 0 && interp_interrupted)

int datum_collect(int polled)
{
    size_t step = 1;
    for (List *l = newest; l; l = l->older) {
        if (COLLECT_STOPS(step))
            return 1;
        l->gc = l->header.refs;
    }
    for (List *l = newest; l; l = l->older)
        for (uint32_t k = 0; k < l->count; k++) {
            if (COLLECT_STOPS(step))
                return 1;
            if (datum_is_container(&l->items[k]))
                ((List *)l->items[k].as.object)->gc--;
        }
    List **stack = NULL;
    size_t depth = 0, capacity = 0;
    for (List *l = newest; l; l = l->older)
        if (l->gc > 0 && l->gc != REACHED) {
            l->gc = REACHED;
            MEM_GROW(stack, capacity, depth + 1, 64);
            stack[depth++] = l;
        }
    while (depth > 0) {
        const List *l = stack[--depth];
        for (uint32_t k = 0; k < l->count; k++) {
            if (COLLECT_STOPS(step)) {
                free(stack);
                return 1;
            }
            if (!datum_is_container(&l->items[k]))
                continue;
            List *inner = (List *)l->items[k].as.object;
            if (inner->gc != REACHED) {
                inner->gc = REACHED;
                MEM_GROW(stack, capacity, depth + 1, 64);
                stack[depth++] = inner;
            }
        }
    }
    /* the garbage, each held here while the others let go of it */
    for (List *l = newest; l; l = l->older) {
        if (COLLECT_STOPS(step)) {
            free(stack);
            return 1;
        }
        if (l->gc != REACHED) {
            MEM_GROW(stack, capacity, depth + 1, 64);
            stack[depth++] = l;
        }
    }
    for (size_t k = 0; k < depth; k++)
        stack[k]->header.refs++;
    for (size_t k = 0; k < depth; k++) {
        List *l = stack[k];
        for (uint32_t i = 0; i < l->count; i++)
            datum_release(&l->items[i]);
        l->count = 0;
        if (l->header.kind == DATUM_SET)
            ((Set *)l)->members = 0;
    }
    for (size_t k = 0; k < depth; k++)
        datum_release_object(&stack[k]->header);
    free(stack);
    datum_collect_at = datum_containers > 2048 ? 2 * datum_containers : 4096;
    return 0;
}

/* ---- equality ------------------------------------------------------------------ */

/* The pairs of lists met in one comparison: open addressing over their
 * addresses, so a pair met again (a list inside itself) is not walked
 * again. */
typedef struct PairSeen {
    const List **pairs;    /* 2 per entry; NULL: empty */
    size_t size, used;
} PairSeen;

/* Whether (x, y) was met before; notes it if not. */
static int pair_seen(PairSeen *s, const List *x, const List *y)
{
    if (2 * (s->used + 1) > s->size) {
        PairSeen bigger = {NULL, s->size ? 2 * s->size : 64, 0};
        bigger.pairs = mem_calloc(2 * bigger.size, sizeof *bigger.pairs);
        for (size_t k = 0; k < s->size; k++)
            if (s->pairs[2 * k])
                pair_seen(&bigger, s->pairs[2 * k], s->pairs[2 * k + 1]);
        free(s->pairs);
        *s = bigger;
    }
    size_t mask = s->size - 1;
    size_t at = (size_t)mix((uint64_t)(uintptr_t)x * 31 +
                            (uint64_t)(uintptr_t)y) & mask;
    for (;; at = (at + 1) & mask) {
        if (!s->pairs[2 * at]) {
            s->pairs[2 * at] = x;
            s->pairs[2 * at + 1] = y;
            s->used++;
            return 0;
        }
        if (s->pairs[2 * at] == x && s->pairs[2 * at + 1] == y)
            return 1;
    }
}

static int sets_equal(const Set *s, const Set *t)
{
    if (s->members != t->members)
        return 0;
    for (uint32_t k = 0; k < s->list.count; k++)
        if (s->list.items[k].kind != DATUM_UNBOUND &&
            !datum_set_has(t, &s->list.items[k]))
            return 0;
    return 1;
}

int datum_equal(const Datum *a, const Datum *b)
{
    typedef struct Pair {
        const List *x, *y;
        uint32_t next;
    } Pair;
    Pair *stack = NULL;
    size_t depth = 0, capacity = 0;
    PairSeen seen = {NULL, 0, 0};
    int same = 1;
    for (;;) {
        double x, y;
        if (datum_scalar(a, &x) && datum_scalar(b, &y)) {
            same = x == y;
        } else if (a->kind != b->kind) {
            same = 0;
        } else if (a->kind == DATUM_STRING) {
            same = member_same(a, b);
        } else if (a->kind == DATUM_SET) {
            same = sets_equal((const Set *)a->as.object,
                              (const Set *)b->as.object);
        } else if (a->kind == DATUM_LIST && a->as.object != b->as.object) {
            const List *s = (const List *)a->as.object;
            const List *t = (const List *)b->as.object;
            same = s->count == t->count;
            /* a pair met before is equal unless something else differs */
            if (same && s->count > 0 && !pair_seen(&seen, s, t)) {
                MEM_GROW(stack, capacity, depth + 1, 16);
                stack[depth++] = (Pair){s, t, 0};
            }
        } else {
            same = a->kind == DATUM_NONE || a->as.object == b->as.object;
        }
        if (!same)
            break;
        /* the next pair of items still to compare (a list that shrank
         * while compared ends there) */
        while (depth > 0 && (stack[depth - 1].next >= stack[depth - 1].x->count ||
                             stack[depth - 1].next >= stack[depth - 1].y->count))
            depth--;
        if (depth == 0)
            break;
        Pair *top = &stack[depth - 1];
        a = &top->x->items[top->next];
        b = &top->y->items[top->next];
        top->next++;
    }
    free(stack);
    free(seen.pairs);
    return same;
}

int datum_matches(const Datum *item, const Datum *x)
{
    if (item->kind == DATUM_NODE || x->kind == DATUM_NODE)
        return item->kind == x->kind && item->as.node == x->as.node;
    return datum_equal(item, x);
}

/* ---- printing ------------------------------------------------------------------------ */

/* One value that is no container. */
static void print_atom(FILE *out, const Datum *d, int digits, int quote)
{
    const Kind *row = kind_of((DatumKind)d->kind);
    if (row->print)
        row->print(out, d, digits, quote);
    else
        fprintf(out, "<%s>", row->name);
}

/* Items in a container: a set's members (its list has holes). */
static uint32_t container_items(const Datum *d)
{
    if (d->kind == DATUM_SET)
        return ((const Set *)d->as.object)->members;
    return ((const List *)d->as.object)->count;
}

/* The index of a container's last item (past a set's holes). */
static uint32_t last_item(const List *l)
{
    uint32_t k = l->count;
    while (k > 0 && l->items[k - 1].kind == DATUM_UNBOUND)
        k--;
    return k > 0 ? k - 1 : 0;
}

void datum_print(FILE *out, const Datum *d, int digits, int quote)
{
    datum_show(out, d, digits, quote, 0, 1);
}

void datum_show(FILE *out, const Datum *d, int digits, int quote,
                uint32_t items, int ascii)
{
    if (!datum_is_container(d)) {
        print_atom(out, d, digits, quote);
        return;
    }
    /* Nested containers without recursion: a stack of (container, next
     * index). Ctrl-C stops a long list where it has got to ("..."); the
     * statement then reports the interruption. */
    struct Place {
        const List *list;
        const Kind *row;
        uint32_t next, shown;
        uint32_t total;     /* its items */
        int cut;            /* the middle was left out */
    } stack[DATUM_PRINT_DEPTH];
    const char *dots = ascii ? "..." : "\u2026";
    int depth = 0;
    uint32_t shown = 0;
    stack[0] = (struct Place){(const List *)d->as.object,
                              kind_of((DatumKind)d->kind), 0, 0,
                              container_items(d), 0};
    if (d->kind == DATUM_SET && ((const Set *)d->as.object)->members == 0) {
        fputs(stack[0].row->empty, out);
        return;
    }
    fputs(stack[0].row->open, out);
    while (depth >= 0) {
        struct Place *at = &stack[depth];
        while (at->next < at->list->count &&
               at->list->items[at->next].kind == DATUM_UNBOUND)
            at->next++;   /* a set's hole */
        if (at->next >= at->list->count) {
            fputs(at->row->close, out);
            if (at->cut)
                fprintf(out, " (%u items)", at->total);
            depth--;
            continue;
        }
        if (at->shown++ > 0)
            fputs(", ", out);
        if (items && at->total > items && at->shown == items && !at->cut) {
            /* the summary: the first items - 1, then the last */
            fprintf(out, "%s, ", dots);
            at->cut = 1;
            at->next = last_item(at->list);
        }
        if (++shown % 4096 == 0 && interp_interrupted) {
            fputs("...", out);
            return;
        }
        const Datum *item = &at->list->items[at->next++];
        if (!datum_is_container(item)) {
            print_atom(out, item, digits, 1);
            continue;
        }
        const List *inner = (const List *)item->as.object;
        const Kind *row = kind_of((DatumKind)item->kind);
        int inside = depth + 1 >= DATUM_PRINT_DEPTH;
        for (int k = 0; k <= depth && !inside; k++)
            inside = stack[k].list == inner;
        if (inside) {
            fprintf(out, "%s...%s", row->open, row->close);
        } else if (item->kind == DATUM_SET &&
                   ((const Set *)inner)->members == 0) {
            fputs(row->empty, out);
        } else {
            depth++;
            stack[depth] = (struct Place){inner, row, 0, 0,
                                          container_items(item), 0};
            fputs(row->open, out);
        }
    }
}
