/*
 * repl/message.c — what the command line says itself, outside any run:
 * bad usage, an unreadable history file, a failed write to stdout, running
 * out of memory. Messages about mgrad texts come from the session's error
 * callback (embed/mgrad.h); these look the same: "mgrad: error: ...".
 */
#include "repl/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int color;
static void (*memory_hook)(void);

void repl_set_message_color(int on)
{
    color = on != 0;
}

static void say(const char *level, const char *level_color, const char *fmt,
                va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int length = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (length < 0)
        length = 0;
    char *message = repl_malloc((size_t)length + 1);
    vsnprintf(message, (size_t)length + 1, fmt, ap);
    /* Assembled whole and written with one call: stderr is unbuffered. */
    char *text = repl_malloc(4 * (size_t)length + 64);
    size_t n = (size_t)sprintf(text, "%smgrad:%s %s%s:%s ",
                               color ? "\033[1m" : "", color ? "\033[0m" : "",
                               color ? level_color : "", level,
                               color ? "\033[0m" : "");
    for (const char *p = message; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f)
            n += (size_t)sprintf(text + n, "\\x%02x", c);
        else
            text[n++] = (char)c;
    }
    text[n++] = '\n';
    fflush(stdout);
    fwrite(text, 1, n, stderr);
    fflush(stderr);
    free(text);
    free(message);
}

void repl_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("error", "\033[1;31m", fmt, ap);
    va_end(ap);
}

void repl_warning(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    say("warning", "\033[1;35m", fmt, ap);
    va_end(ap);
}

void repl_set_memory_hook(void (*hook)(void))
{
    memory_hook = hook;
}

_Noreturn void repl_out_of_memory(void)
{
    fflush(stdout);
    void (*hook)(void) = memory_hook;
    memory_hook = NULL;
    if (hook)
        hook();
    fputs("mgrad: out of memory\n", stderr);
    exit(3);
}

void *repl_malloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        repl_out_of_memory();
    return p;
}

void *repl_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        repl_out_of_memory();
    return q;
}

char *repl_strdup(const char *s)
{
    char *copy = strdup(s);
    if (!copy)
        repl_out_of_memory();
    return copy;
}
