/*
 * util/xalloc.h — allocation that never returns NULL: on exhaustion the
 * program says so and exits with status 3. All heap allocation of the
 * program goes through these (the engine's node pool included).
 */
#ifndef MGRAD_UTIL_XALLOC_H
#define MGRAD_UTIL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
