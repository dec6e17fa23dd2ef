/*
 * interp/env.h — the environment: names bound to Value nodes.
 *
 * A binding holds one reference to its node (see engine/value.h for the
 * ownership rule). Bindings remember the order they were first made, which
 * is the order `vars` lists them in.
 */
#ifndef MGRAD_INTERP_ENV_H
#define MGRAD_INTERP_ENV_H

#include <stddef.h>
#include <stdint.h>
#include "../engine/value.h"

typedef struct EnvEntry {
    char *name;        /* owned; NULL for an empty slot */
    Value *value;      /* NULL for a deleted slot (tombstone) */
    uint32_t hash;
    uint32_t order;    /* when the name was first bound */
} EnvEntry;

typedef struct Env {
    EnvEntry *slots;
    size_t capacity;   /* a power of two */
    size_t used;       /* live bindings + tombstones */
    size_t live;
    uint32_t next_order;
    /* The slots bound most recently: a script mostly reads names it has
     * just assigned, and finding them here saves a probe of a table far
     * larger than the cache. Cleared when the table is rebuilt. */
    EnvEntry *recent[4];
    unsigned recent_next;
} Env;

void env_init(Env *env);
/* Releases every binding. */
void env_free(Env *env);

/* The node bound to name, or NULL. No reference is added. */
Value *env_get(const Env *env, const char *name);
/* Binds name to value, taking over the caller's reference to value and
 * releasing the node previously bound to name. */
void env_set(Env *env, const char *name, Value *value);
/* Unbinds name; returns 0 if it was not bound. */
int env_delete(Env *env, const char *name);

/* The live bindings, in the order they were first made; free() the array. */
EnvEntry **env_sorted(const Env *env, size_t *count);

#endif
