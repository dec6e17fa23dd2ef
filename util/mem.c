/*
 * util/mem.c — allocation that never returns NULL.
 *
 * Running out of memory is not an error the program can report usefully at
 * the place it happens, so every allocation goes through here and the
 * program stops with status 3 instead; or, inside the embedding API, a
 * handler set by embed/ takes the run back to its caller.
 */
#include "util/mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fatal_handler)(void);

void mem_set_fatal_handler(void (*handler)(void))
{
    fatal_handler = handler;
}

void mem_fatal(void)
{
    if (fatal_handler)
        fatal_handler();
    exit(3);
}

void mem_out_of_memory(void)
{
    fflush(stdout);
    if (fatal_handler)
        fatal_handler();
    fputs("mgrad: out of memory\n", stderr);
    exit(3);
}

void *mem_malloc(size_t size)
{
    /* malloc(0) may legitimately return NULL; ask for one byte instead. */
    void *p = malloc(size ? size : 1);
    if (!p)
        mem_out_of_memory();
    return p;
}

void *mem_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        mem_out_of_memory();
    return p;
}

void *mem_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        mem_out_of_memory();
    return p;
}

char *mem_strdup(const char *s)
{
    return mem_strndup(s, strlen(s));
}

char *mem_strndup(const char *s, size_t n)
{
    size_t length = strnlen(s, n);
    char *copy = mem_malloc(length + 1);
    memcpy(copy, s, length);
    copy[length] = '\0';
    return copy;
}
