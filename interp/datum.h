/*
 * interp/datum.h — the machine's values: a Datum is a small tagged value,
 * a number or a node, or a reference to a heap object (string, list,
 * function, model). Printing, truth and type names switch on the tag here,
 * in one place each.
 *
 * Numbers stay plain numbers: arithmetic on numbers is arithmetic, and a
 * graph node is made only when a node is an operand (the number beside it
 * becomes a constant leaf) or when a number is bound to a name.
 *
 * Ownership: a Datum holds one reference to what it points to (a node
 * through the engine's count, an object through its own). Whoever holds a
 * Datum — a global, a stack slot, a list — releases it with
 * datum_release(). Lists and sets hold their items the same way, and are
 * shared: `ys = xs` is the same list, as in Python. A function holds a
 * reference to the Program it was compiled in. Lists and sets may hold
 * one another in a cycle; the counts cannot free a cycle, so the cycle
 * collector (datum_collect) does.
 *
 * What each kind does — its name, how it prints, its truth, its items and
 * its methods — is its row in interp/kinds.c.
 */
#ifndef MGRAD_INTERP_DATUM_H
#define MGRAD_INTERP_DATUM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "engine/value.h"
#include "engine/nn.h"
#include "compile/program.h"

typedef enum DatumKind {
    DATUM_UNBOUND,    /* an empty global slot; never a result */
    DATUM_NONE,       /* what a statement or a function without return gives */
    DATUM_NUMBER,
    DATUM_NODE,
    DATUM_BUILTIN,    /* a built-in function or operation, as a value */
    DATUM_MODULE,     /* an imported module (a library's row, never freed) */
    DATUM_STRING,
    DATUM_LIST,
    DATUM_SET,
    DATUM_FUNCTION,
    DATUM_MODEL,
    DATUM_WORD,       /* a command's bare-word argument; aux is the name */
    DATUM_RANGE,      /* plot's x = lo..hi */
    DATUM_ITER        /* a for loop's place in its list (the list, and aux
                         the next index): only on the machine's stack */
} DatumKind;

typedef struct Object {
    uint32_t refs;
    uint8_t kind;     /* DatumKind */
} Object;

/* A built-in function or operation as a value (tanh, len, mlp): one per
 * row of the operation table or the library's, made by the session. */
typedef struct InterpBuiltin {
    const char *name;
    int op;                      /* the OpKind, or -1 */
    const struct Builtin *row;   /* the library's row, or NULL */
} InterpBuiltin;

struct InterpModule;

typedef struct Datum {
    uint8_t kind;     /* DatumKind */
    uint32_t aux;     /* words: the name; a loop's place: the next index;
                         nothing for the other kinds */
    union {
        double number;
        Value *node;
        Object *object;
        const InterpBuiltin *builtin;
        const struct InterpModule *module;
    } as;
} Datum;

typedef struct String {
    Object header;
    size_t length;
    char text[];      /* NUL-terminated; may hold other NUL bytes */
} String;

/* A list, and the start of every container (a set is one too): its items
 * in order, and its place in the chain of containers alive, which the
 * cycle collector walks (datum_collect). A set's removed members leave
 * holes, items whose kind is DATUM_UNBOUND, which every walk skips. */
typedef struct List {
    Object header;
    uint32_t count, capacity;
    Datum *items;
    struct List *older, *newer;   /* the chain of containers alive */
    uint32_t gc;                  /* the collector's count */
} List;

/* A set: its members in the order they were added (list.items, with
 * holes), and an index over them, open addressing with linear probing:
 * each entry is a member's place in items + 1, SET_EMPTY or SET_GONE. */
typedef struct Set {
    List list;
    uint32_t members;
    uint32_t index_size;      /* a power of two, or 0 */
    uint32_t *index;
} Set;
#define SET_EMPTY 0u
#define SET_GONE UINT32_MAX

/* The most items a list holds (1.6 GB of them): range, +, zip and
 * comprehensions refuse to go past it with an error, before the memory is
 * spent and long before the 32-bit count would wrap. */
#define DATUM_LIST_MAX 100000000u

/* Whether a loop over k items should stop for Ctrl-C: the flag is read
 * once every 65 536 items, so a loop of 10^8 answers within milliseconds
 * at no measurable cost. */
#define DATUM_POLL(k, flag) (((k) & 0xFFFFu) == 0 && (flag))

/* A function defined by def: program->functions[proto] says where its
 * code is and what its frame holds. */
typedef struct Function {
    Object header;
    Program *program;       /* held */
    uint32_t proto;
} Function;

/* A model: neuron, layer or mlp (engine/nn.h), which the object owns. */
typedef struct ModelObject {
    Object header;
    Model *model;
} ModelObject;

/* x = lo..hi: the leaf named by name over [lo, hi]. */
typedef struct Range {
    Object header;
    uint32_t name;
    double lo, hi;
    uint32_t lo_start, lo_end, hi_start, hi_end;
} Range;

static inline Datum datum_number(double x)
{
    Datum d = {DATUM_NUMBER, 0, {.number = x}};
    return d;
}

/* Takes over the caller's reference to v. */
static inline Datum datum_node(Value *v)
{
    Datum d = {DATUM_NODE, 0, {.node = v}};
    return d;
}

static inline Datum datum_object(Object *o)
{
    Datum d = {o->kind, 0, {.object = o}};
    return d;
}

static inline Datum datum_none(void)
{
    Datum d = {DATUM_NONE, 0, {.number = 0}};
    return d;
}

static inline int datum_is_object(const Datum *d)
{
    return d->kind >= DATUM_STRING && d->kind != DATUM_WORD;
}

static inline void datum_retain(const Datum *d)
{
    if (d->kind == DATUM_NODE)
        value_retain(d->as.node);
    else if (datum_is_object(d))
        d->as.object->refs++;
}

/* Frees an object whose count fell to zero, and what only it held. An
 * interrupt stops a long one (a list of ten million lists) within a few
 * thousand items; what is left waits for datum_reap(). */
void datum_free_object(Object *o);
/* Goes on freeing what an interrupt left: at most steps items and objects,
 * and, when polled, until the interrupt flag is raised. Returns 1 if some
 * is left. */
int datum_reap(size_t steps, int polled);

static inline void datum_release_object(Object *o)
{
    if (--o->refs == 0)
        datum_free_object(o);
}

static inline void datum_release(Datum *d)
{
    if (d->kind == DATUM_NODE)
        value_release(d->as.node);
    else if (datum_is_object(d))
        datum_release_object(d->as.object);
    d->kind = DATUM_UNBOUND;
}

String *datum_string_new(const char *text, size_t length);
List *datum_list_new(uint32_t capacity);
/* Appends, taking over the caller's reference. */
void datum_list_push(List *list, Datum item);
Set *datum_set_new(void);
/* Whether s holds d: nodes, lists, sets, models and functions by
 * identity, numbers and strings by value. */
int datum_set_has(const Set *s, const Datum *d);
/* Adds d unless it is there (then releases it); takes over the
 * reference. Returns whether it was added. */
int datum_set_add(Set *s, Datum d);
/* Removes d; returns whether it was there. */
int datum_set_remove(Set *s, const Datum *d);

/* Whether d is a list or a set, whose items the walks below look into. */
static inline int datum_is_container(const Datum *d)
{
    return d->kind == DATUM_LIST || d->kind == DATUM_SET;
}

/* Whether two values are equal as Python's == finds them: numbers and
 * nodes by their data, strings by their text, lists item by item, sets
 * member by member, any other object only itself. Lists that hold
 * themselves compare without end of walk: a pair met again is taken as
 * equal. */
int datum_equal(const Datum *a, const Datum *b);
/* Whether item is x as `in`, .index and .count find it: a node only as
 * itself (micrograd's Value has no ==), anything else by ==. */
int datum_matches(const Datum *item, const Datum *x);

/* The cycle collector: lists and sets that hold one another (xs.append(xs))
 * and that nothing else holds are freed here, as Python's gc frees them.
 * The machine calls datum_collect_due() where it holds every value it
 * uses (between loop rounds and calls), and a session's end collects.
 * When polled, an interrupt stops it before it frees anything (returns 1);
 * the next collection starts again. */
int datum_collect(int polled);
static inline int datum_collect_due(void)
{
    extern size_t datum_containers, datum_collect_at;
    return datum_containers > datum_collect_at;
}
Range *datum_range_new(uint32_t name, double lo, double hi);
/* A model value holding m (taken over). */
Datum datum_model_new(Model *m);

/* The model a DATUM_MODEL holds. */
static inline Model *datum_model(const Datum *d)
{
    return ((ModelObject *)d->as.object)->model;
}

/* "a number", "a node", "a list", ...: for messages (interp/kinds.c). */
const char *datum_kind_name(DatumKind kind);

/* The number a datum stands for in arithmetic and truth: a number, or a
 * node's data. Returns 0 when it has none (a list, a string...). */
int datum_scalar(const Datum *d, double *out);

/* Writes d as a value is shown: numbers and nodes' data with `digits`
 * significant digits, lists as [a, b, c] and sets as {a, b} (strings in
 * them quoted), a model as micrograd's repr, a function as <function f>.
 * quote: quote a string itself too. A list inside itself, or nesting
 * deeper than DATUM_PRINT_DEPTH, shows as [...], as Python shows it. */
enum { DATUM_PRINT_DEPTH = 64 };
void datum_print(FILE *out, const Datum *d, int digits, int quote);
/* The same, as results are shown (the echo, print, vars): a list or set of
 * more than `items` items (0: no limit) shows its first items - 1, an
 * ellipsis ("\u2026", or "..." when ascii) and its last, then the count:
 * [0, 1, 2, \u2026, 2999999] (3000000 items). */
void datum_show(FILE *out, const Datum *d, int digits, int quote,
                uint32_t items, int ascii);

#endif
