/*
 * util/mem.h — allocation that never returns NULL: on exhaustion the
 * program says so and exits with status 3. All heap allocation of the
 * program goes through these (the engine's node pool included). The mem_
 * prefix keeps them apart from libraries' own xmalloc (GNU Readline
 * exports one, and a shared name would make it call ours).
 */
#ifndef MGRAD_UTIL_MEM_H
#define MGRAD_UTIL_MEM_H

#include <stddef.h>

/* Sets the allocator's policy for large arrays; once, at startup. */
void mem_init(void);
void *mem_malloc(size_t size);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *ptr, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
/* Says so and exits with status 3. */
void mem_out_of_memory(void);

#endif
