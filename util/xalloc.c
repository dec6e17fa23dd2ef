/*
 * util/xalloc.c — allocation that never returns NULL.
 *
 * Running out of memory is not an error the program can report usefully at
 * the place it happens, so every allocation goes through here and the
 * program stops with status 3 instead.
 */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
    fflush(stdout);
    fputs("mgrad: out of memory\n", stderr);
    exit(3);
}

void *xmalloc(size_t size)
{
    /* malloc(0) may legitimately return NULL; ask for one byte instead. */
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

void *xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory();
    return p;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    size_t length = strnlen(s, n);
    char *copy = xmalloc(length + 1);
    memcpy(copy, s, length);
    copy[length] = '\0';
    return copy;
}
