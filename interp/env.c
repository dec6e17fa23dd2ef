/*
 * interp/env.c — open-addressing hash table from names to nodes.
 *
 * Linear probing, capacity a power of two, at most 3/4 full counting
 * tombstones. Scripts of millions of assignments live here, so an entry is
 * kept small and lookups hash each name once.
 */
#include "env.h"

#include <stdlib.h>
#include <string.h>
#include "../util/mem.h"

static uint32_t hash_name(const char *s)
{
    uint32_t h = 2166136261u;             /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    /* FNV leaves similar names (x_1, x_2, ...) in neighbouring low bits;
     * mixing spreads them over the table. */
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

void env_init(Env *env)
{
    memset(env, 0, sizeof *env);
}

void env_free(Env *env)
{
    for (size_t i = 0; i < env->capacity; i++) {
        EnvEntry *e = &env->slots[i];
        if (e->name) {
            if (e->value)
                value_release(e->value);
            free(e->name);
        }
    }
    free(env->slots);
    memset(env, 0, sizeof *env);
}

/* The slot holding name, or the first free slot where it would go. */
static EnvEntry *env_find(const Env *env, const char *name, uint32_t hash)
{
    size_t mask = env->capacity - 1;
    EnvEntry *tombstone = NULL;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        EnvEntry *e = &env->slots[i];
        if (!e->name)
            return tombstone ? tombstone : e;
        if (!e->value) {
            if (!tombstone)
                tombstone = e;
        } else if (e->hash == hash && strcmp(e->name, name) == 0) {
            return e;
        }
    }
}

static void env_grow(Env *env)
{
    size_t old_capacity = env->capacity;
    EnvEntry *old = env->slots;
    size_t capacity = old_capacity ? old_capacity * 2 : 64;
    while (env->live * 2 > capacity)
        capacity *= 2;
    memset(env->recent, 0, sizeof env->recent);
    env->slots = mem_calloc(capacity, sizeof *env->slots);
    env->capacity = capacity;
    env->used = 0;
    enum { AHEAD = 16 };
    for (size_t i = 0; i < old_capacity; i++) {
        /* Each move lands at a random place in a table far larger than the
         * cache: ask for the place of a later move ahead of time so that
         * the misses overlap. */
        if (i + AHEAD < old_capacity && old[i + AHEAD].value)
            __builtin_prefetch(&env->slots[old[i + AHEAD].hash & (capacity - 1)], 1);
        EnvEntry *e = &old[i];
        if (!e->name)
            continue;
        if (!e->value) {
            free(e->name);
            continue;
        }
        EnvEntry *slot = env_find(env, e->name, e->hash);
        *slot = *e;
        env->used++;
    }
    free(old);
}

static void remember(Env *env, EnvEntry *e)
{
    env->recent[env->recent_next++ % 4] = e;
}

Value *env_get(const Env *env, const char *name)
{
    if (env->live == 0)
        return NULL;
    uint32_t hash = hash_name(name);
    for (int i = 0; i < 4; i++) {
        const EnvEntry *e = env->recent[i];
        if (e && e->value && e->hash == hash && strcmp(e->name, name) == 0)
            return e->value;
    }
    EnvEntry *e = env_find(env, name, hash);
    return e->name ? e->value : NULL;
}

void env_set(Env *env, const char *name, Value *value)
{
    if ((env->used + 1) * 4 > env->capacity * 3)
        env_grow(env);
    uint32_t hash = hash_name(name);
    EnvEntry *e = env_find(env, name, hash);
    if (e->name && e->value) {
        Value *old = e->value;
        e->value = value;
        value_release(old);
        remember(env, e);
        return;
    }
    if (e->name)                          /* reuse a tombstone */
        free(e->name);
    else
        env->used++;
    e->name = mem_strdup(name);
    e->value = value;
    e->hash = hash;
    e->order = env->next_order++;
    env->live++;
    remember(env, e);
}

int env_delete(Env *env, const char *name)
{
    if (env->live == 0)
        return 0;
    EnvEntry *e = env_find(env, name, hash_name(name));
    if (!e->name || !e->value)
        return 0;
    Value *old = e->value;
    e->value = NULL;                      /* tombstone keeps the name */
    env->live--;
    value_release(old);
    return 1;
}

static int by_order(const void *a, const void *b)
{
    const EnvEntry *x = *(EnvEntry *const *)a, *y = *(EnvEntry *const *)b;
    return (x->order > y->order) - (x->order < y->order);
}

EnvEntry **env_sorted(const Env *env, size_t *count)
{
    EnvEntry **list = mem_malloc((env->live + 1) * sizeof *list);
    size_t n = 0;
    for (size_t i = 0; i < env->capacity; i++)
        if (env->slots[i].name && env->slots[i].value)
            list[n++] = &env->slots[i];
    qsort(list, n, sizeof *list, by_order);
    *count = n;
    return list;
}
