/*
 * compile/names.h — the intern table: every name a session has seen, each
 * with a small number. The compiler turns a name into its number once, and
 * the machine uses the number as the slot of the global it names, so no
 * string is hashed while a program runs.
 *
 * A name's text lives in slabs that never move, as long as the table, so a
 * node can carry a pointer to it as its label.
 */
#ifndef MGRAD_COMPILE_NAMES_H
#define MGRAD_COMPILE_NAMES_H

#include <stddef.h>
#include <stdint.h>

typedef struct NameEntry {
    const char *text;  /* NUL-terminated, in a slab */
    uint32_t length;
    uint32_t hash;
} NameEntry;

typedef struct NameSlot {
    uint32_t hash;
    uint32_t id;       /* name number + 1; 0 for an empty slot */
} NameSlot;

typedef struct Names {
    NameEntry *entries;
    uint32_t count, capacity;
    NameSlot *table;
    uint32_t table_size;   /* a power of two, at most half full */
    char *slab;            /* the newest slab: text is cut from its end */
    size_t slab_used, slab_size;
    void *slabs;           /* every slab, linked through their first word */
} Names;

void names_init(Names *n);
void names_free(Names *n);

/* The number of the name text[0, length), added when new. */
uint32_t names_intern(Names *n, const char *text, size_t length);

/* The same in steps, for many names at once: hash a name, prefetch where
 * it would be, and intern it a few names later, by when the table's memory
 * has arrived. names_reserve() first makes room for `more` new names, so
 * the table does not move in between. */
uint32_t names_hash(const char *text, size_t length);
void names_grow(Names *n, uint32_t more);

static inline void names_reserve(Names *n, uint32_t more)
{
    if (2 * ((uint64_t)n->count + more) > n->table_size)
        names_grow(n, more);
}

static inline void names_prefetch(const Names *n, uint32_t hash)
{
    __builtin_prefetch(&n->table[hash & (n->table_size - 1)]);
}
uint32_t names_intern_hashed(Names *n, const char *text, size_t length,
                             uint32_t hash);
/* The number of the name, or UINT32_MAX when it was never interned. */
uint32_t names_find(const Names *n, const char *text, size_t length);

static inline const char *names_text(const Names *n, uint32_t id)
{
    return n->entries[id].text;
}

#endif
