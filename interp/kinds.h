/*
 * interp/kinds.h — one row per kind of value (DatumKind): what it is
 * called, how it prints, its truth, whether it holds items, what it frees,
 * and its methods and attributes. The rows are in interp/kinds.c; the
 * table's shape is described at the top of that file.
 */
#ifndef MGRAD_INTERP_KINDS_H
#define MGRAD_INTERP_KINDS_H

#include <stdio.h>
#include "interp/datum.h"
#include "interp/interp.h"

/* A method: args[0] is the value it was called on (x in x.f(a, b)), then
 * the arguments as a built-in function gets them (borrowed; a keyword
 * argument is a DATUM_WORD, its name, then its value); n counts x. The
 * result goes to *out (None when it has none). Nonzero after reporting. */
typedef int (*KindMethodFn)(Interp *in, Datum *args, uint32_t n, Datum *out);

typedef struct KindMethod {
    const char *name;
    KindMethodFn run;
    const char *usage;     /* "xs.append(x)": help's line and messages' */
    const char *help;
} KindMethod;

/* An attribute read as x.name (beside .data, .grad and .label, which the
 * compiler knows): *d is replaced by the attribute's value. */
typedef struct KindAttribute {
    const char *name;
    int (*get)(Interp *in, Datum *d);
    const char *help;
} KindAttribute;

typedef struct Kind {
    const char *name;          /* "a list": in messages */
    const char *type;          /* "list": Python's word for it */
    /* A container (its Object starts as a List does): how it opens and
     * closes when printed, and what it prints when empty. NULL for the
     * others, which print through print. */
    const char *open, *close, *empty;
    void (*print)(FILE *out, const Datum *d, int digits, int quote);
    int (*truth)(const Datum *d);    /* 1 or 0; NULL: it has none */
    void (*destroy)(Object *o);      /* what the object owns besides its
                                        items; NULL: nothing */
    const KindMethod *methods;       /* ending with a NULL name, or NULL */
    const KindAttribute *attributes; /* the same */
    /* A kind whose names are looked up when they are used, not in rows (a
     * module's members): replaces *d with its member called name, and is
     * 1 after reporting that it has none; NULL for the other kinds. */
    int (*member)(Interp *in, Datum *d, const char *name);
} Kind;

/* The row of kind. */
const Kind *kind_of(DatumKind kind);
/* kind's method called name, or NULL. */
const KindMethod *kind_method(DatumKind kind, const char *name);
/* kind's attribute called name, or NULL. */
const KindAttribute *kind_attribute(DatumKind kind, const char *name);
/* Whether some kind has an attribute called name; *kind gets the first
 * such kind (for messages). */
int kind_find_attribute(const char *name, DatumKind *kind);
/* The first row's method called name, whatever its kind (for messages
 * and help), or NULL; *kind gets the row's kind. */
const KindMethod *kind_find_method(const char *name, DatumKind *kind);
/* Every method's and attribute's name, for completion after `x.`. */
void kind_each_name(InterpWordFn fn, void *ctx);

#endif
