/*
 * compile/names.c — the intern table: open addressing with the hash kept
 * in the slot, so a probe touches a name's text only when the hashes agree.
 */
#include "compile/names.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum { SLAB_SIZE = 64 * 1024 };

void names_init(Names *n)
{
    memset(n, 0, sizeof *n);
}

void names_free(Names *n)
{
    void *slab = n->slabs;
    while (slab) {
        void *next = *(void **)slab;
        free(slab);
        slab = next;
    }
    free(n->entries);
    free(n->table);
    memset(n, 0, sizeof *n);
}

/* FNV-1a over 8 bytes at a time, then mixed: names are short. */
uint32_t names_hash(const char *text, size_t length)
{
    uint64_t h = 0xcbf29ce484222325ull ^ length;
    size_t i = 0;
    for (; i + 8 <= length; i += 8) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    uint64_t w = 0;
    memcpy(&w, text + i, length - i);
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

static const char *store_text(Names *n, const char *text, size_t length)
{
    size_t need = length + 1;
    if (!n->slab || n->slab_size - n->slab_used < need) {
        size_t size = need + sizeof(void *) > SLAB_SIZE
                          ? need + sizeof(void *) : SLAB_SIZE;
        char *slab = mem_malloc(size);
        *(void **)slab = n->slabs;
        n->slabs = slab;
        n->slab = slab;
        n->slab_size = size;
        n->slab_used = sizeof(void *);
    }
    char *at = n->slab + n->slab_used;
    memcpy(at, text, length);
    at[length] = '\0';
    n->slab_used += need;
    return at;
}

enum { AHEAD = 16 };   /* how far ahead to prefetch */

static void grow_table(Names *n, uint32_t need)
{
    uint32_t size = n->table_size ? n->table_size : 256;
    while (size / 2 < need)
        size *= 2;
    NameSlot *table = mem_calloc(size, sizeof *table);
    uint32_t mask = size - 1;
    for (uint32_t i = 0; i < n->count; i++) {
        if (i + AHEAD < n->count)
            __builtin_prefetch(&table[n->entries[i + AHEAD].hash & mask], 1);
        uint32_t at = n->entries[i].hash & mask;
        while (table[at].id)
            at = (at + 1) & mask;
        table[at].hash = n->entries[i].hash;
        table[at].id = i + 1;
    }
    free(n->table);
    n->table = table;
    n->table_size = size;
}

void names_grow(Names *n, uint32_t more)
{
    grow_table(n, n->count + more);
}

/* The slot holding the name, or the empty slot where it would go. */
static uint32_t probe(const Names *n, const char *text, size_t length,
                      uint32_t hash)
{
    uint32_t mask = n->table_size - 1;
    uint32_t at = hash & mask;
    for (;;) {
        const NameSlot *s = &n->table[at];
        if (!s->id)
            return at;
        if (s->hash == hash) {
            const NameEntry *e = &n->entries[s->id - 1];
            if (e->length == length && memcmp(e->text, text, length) == 0)
                return at;
        }
        at = (at + 1) & mask;
    }
}

uint32_t names_intern(Names *n, const char *text, size_t length)
{
    names_reserve(n, 1);
    return names_intern_hashed(n, text, length, names_hash(text, length));
}

uint32_t names_intern_hashed(Names *n, const char *text, size_t length,
                             uint32_t hash)
{
    uint32_t at = probe(n, text, length, hash);
    if (n->table[at].id)
        return n->table[at].id - 1;
    MEM_GROW(n->entries, n->capacity, (size_t)n->count + 1, 256);
    NameEntry *e = &n->entries[n->count];
    e->text = store_text(n, text, length);
    e->length = (uint32_t)length;
    e->hash = hash;
    n->table[at].hash = hash;
    n->table[at].id = ++n->count;
    return n->count - 1;
}

uint32_t names_find(const Names *n, const char *text, size_t length)
{
    if (!n->table_size)
        return UINT32_MAX;
    uint32_t at = probe(n, text, length, names_hash(text, length));
    return n->table[at].id ? n->table[at].id - 1 : UINT32_MAX;
}
