/*
 * util/mem.h — allocation that never returns NULL: on exhaustion the
 * program says so and exits with status 3, unless an embedding has set a
 * handler that leaves instead (embed/: a library must not exit). All heap allocation of the
 * program goes through these (the engine's node pool included). The mem_
 * prefix keeps them apart from libraries' own xmalloc (GNU Readline
 * exports one, and a shared name would make it call ours).
 */
#ifndef MGRAD_UTIL_MEM_H
#define MGRAD_UTIL_MEM_H

#include <stddef.h>

void *mem_malloc(size_t size);
void *mem_calloc(size_t count, size_t size);
void *mem_realloc(void *ptr, size_t size);
char *mem_strdup(const char *s);
char *mem_strndup(const char *s, size_t n);
/* Says so and exits with status 3 (after calling the handler, if set). */
void mem_out_of_memory(void);
/* A fatal error already reported (the scanner's): exits with status 3
 * (after calling the handler, if set). */
void mem_fatal(void);
/* Called when memory runs out or on a fatal error, before the exit: an
 * embedding (embed/) longjmps back to its caller from it, a library must
 * not exit. NULL: just exit. */
void mem_set_fatal_handler(void (*handler)(void));

/* The one way an array grows: makes room in items (an lvalue pointer) for
 * `need` elements, its room being `capacity` (an lvalue count of any
 * integer type), by doubling from `first` until they fit. */
#define MEM_GROW(items, capacity, need, first)                            \
    do {                                                                  \
        if ((size_t)(need) > (size_t)(capacity)) {                        \
            size_t room_ = (capacity) ? (size_t)(capacity) : (first);     \
            while (room_ < (size_t)(need))                                \
                room_ *= 2;                                               \
            (items) = mem_realloc((items), room_ * sizeof *(items));      \
            (capacity) = room_;                                           \
        }                                                                 \
    } while (0)

#endif
