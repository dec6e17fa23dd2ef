/*
 * util/diag.c — the one error printer.
 *
 *   file:line:col: error: message
 *       3 | a = (1 +
 *         |         ^~~
 *
 * The headline gives byte columns; the echoed line is made safe to print
 * (control bytes and broken UTF-8 become '?') and the caret is placed by
 * counting displayed characters, so it lines up under multi-byte text.
 * Tabs are echoed and copied into the caret padding for the same reason.
 * Long lines are shown as a window around the caret.
 */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"
#include "util/mem.h"

/* A diagnostic is assembled here and written with one call: standard
 * error is unbuffered, and a script with thousands of errors would
 * otherwise cost a system call per character. */
typedef struct Text {
    char *data;
    size_t length, capacity;
} Text;

static void text_reserve(Text *t, size_t more)
{
    MEM_GROW(t->data, t->capacity, t->length + more + 1, 256);
}

static void put_bytes(Text *t, const char *bytes, size_t n)
{
    text_reserve(t, n);
    memcpy(t->data + t->length, bytes, n);
    t->length += n;
}

static void put_char(Text *t, char c)
{
    text_reserve(t, 1);
    t->data[t->length++] = c;
}

static void put_string(Text *t, const char *s)
{
    put_bytes(t, s, strlen(s));
}

static void put_vformat(Text *t, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n <= 0)
        return;
    text_reserve(t, (size_t)n);
    vsnprintf(t->data + t->length, (size_t)n + 1, fmt, ap);
    t->length += (size_t)n;
}

static void put_format(Text *t, const char *fmt, ...) DIAG_PRINTF(2, 3);
static void put_format(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_vformat(t, fmt, ap);
    va_end(ap);
}

static int diag_color;

static FILE *diag_stream;

enum {
    LINE_SHOWN = 100,   /* lines up to this many characters are shown whole */
    WINDOW_BEFORE = 40, /* else: characters kept before the caret */
    WINDOW_WIDTH = 90   /* ... and in the whole window */
};

void diag_set_stream(FILE *stream) { diag_stream = stream; }
void diag_set_color(int on) { diag_color = on != 0; }

static FILE *out(void) { return diag_stream ? diag_stream : stderr; }

static const char *color(const char *code) { return diag_color ? code : ""; }

#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *const level_word[] = {"error", "warning", "note"};
static const char *const level_color[] = {"\033[1;31m", "\033[1;35m",
                                          "\033[1;36m"};

/* Bytes of the displayed character at p: a UTF-8 sequence, or one byte. */
static size_t unit_length(const char *p, size_t n)
{
    size_t len = utf8_sequence_length((const unsigned char *)p, n);
    return len ? len : 1;
}

/* Appends line[from, to) as it is displayed. */
static void echo(Text *t, const char *line, size_t from, size_t to)
{
    while (from < to) {
        unsigned char c = (unsigned char)line[from];
        size_t len = utf8_sequence_length((const unsigned char *)line + from,
                                          to - from);
        if (len > 1) {
            put_bytes(t, line + from, len);
            from += len;
            continue;
        }
        if (len == 0 || (c < 0x20 && c != '\t') || c == 0x7F)
            c = '?';
        put_char(t, (char)c);
        from++;
    }
}

/* Appends the padding under line[from, to): tabs stay tabs, every other
 * displayed character becomes a space. */
static void pad(Text *t, const char *line, size_t from, size_t to)
{
    while (from < to) {
        put_char(t, line[from] == '\t' ? '\t' : ' ');
        from += unit_length(line + from, to - from);
    }
}

/* Displayed characters in line[from, to), counting at most limit. */
static size_t units(const char *line, size_t from, size_t to, size_t limit)
{
    size_t count = 0;
    while (from < to && count < limit) {
        from += unit_length(line + from, to - from);
        count++;
    }
    return count;
}

/* The start of the displayed character containing byte at. */
static size_t unit_start(const char *line, size_t at)
{
    for (int back = 0; back < 3 && at > 0 &&
                       ((unsigned char)line[at] & 0xC0) == 0x80; back++)
        at--;
    return at;
}

/* The offending line and the caret line under it. */
static void show_line(Text *t, const Source *src, SrcLoc loc)
{
    size_t length;
    const char *line = source_line(src, loc.first_line, &length);
    if (!line)
        return;
    if (length > 0 && line[length - 1] == '\r')
        length--;
    size_t caret = loc.first_column > 0 ? (size_t)loc.first_column - 1 : 0;
    if (caret > length)
        caret = length;
    size_t span = loc.end > loc.start ? loc.end - loc.start : 0;
    if (span > length - caret)
        span = length - caret;

    /* The part of the line shown: all of it, or a window around the caret. */
    size_t from = 0, to = length;
    if (units(line, 0, length, LINE_SHOWN + 1) > LINE_SHOWN) {
        from = caret;
        for (int i = 0; i < WINDOW_BEFORE && from > 0; i++)
            from = unit_start(line, from - 1);
        to = from;
        for (int i = 0; i < WINDOW_WIDTH && to < length; i++)
            to += unit_length(line + to, length - to);
        if (to < caret)
            to = caret;
    }
    if (span > to - caret)
        span = to - caret;

    char number[24];
    int width = snprintf(number, sizeof number, "%d", loc.first_line);
    if (width < 4)
        width = 4;
    put_format(t, " %*d | ", width, loc.first_line);
    if (from > 0)
        put_string(t, "...");
    echo(t, line, from, to);
    if (to < length)
        put_string(t, "...");
    put_format(t, "\n %*s | ", width, "");
    if (from > 0)
        put_string(t, "   ");
    pad(t, line, from, caret);
    put_string(t, color("\033[1;32m"));
    put_char(t, '^');
    size_t tildes = span ? units(line, caret, caret + span, (size_t)-1) : 0;
    for (size_t i = 1; i < tildes; i++)
        put_char(t, '~');
    put_string(t, color(RESET));
    put_char(t, '\n');
}

/* Text that came from outside (a file name, a label, a word quoted in a
 * message) with its control characters written as \xNN, so that no
 * escape sequence reaches the terminal: a crafted file name cannot set the
 * terminal's title or move its cursor. */
static void put_safe(Text *t, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c == 0x7f)
            put_format(t, "\\x%02x", c);
        else
            put_char(t, (char)c);
    }
}

/* "error: message\n" */
static void headline_end(Text *t, DiagLevel level, const char *fmt,
                         va_list ap)
{
    if ((unsigned)level > DIAG_NOTE)
        level = DIAG_ERROR;
    put_format(t, "%s%s:%s ", color(level_color[level]), level_word[level],
               color(RESET));
    Text message = {NULL, 0, 0};
    put_vformat(&message, fmt, ap);
    put_safe(t, message.data ? message.data : "", message.length);
    free(message.data);
    put_char(t, '\n');
}

/* Standard output first, so that the two streams interleave in order. */
static void emit(Text *t)
{
    fflush(stdout);
    FILE *f = out();
    fwrite(t->data, 1, t->length, f);
    fflush(f);
    free(t->data);
}

void diag_report(DiagLevel level, const Source *src, SrcLoc loc,
                 const char *fmt, ...)
{
    Text t = {NULL, 0, 0};
    if (!src)
        put_format(&t, "%smgrad:%s ", color(BOLD), color(RESET));
    else {
        put_string(&t, color(BOLD));
        put_safe(&t, src->name, strlen(src->name));
        if (loc.first_line > 0)
            put_format(&t, ":%d:%d", loc.first_line,
                       loc.first_column > 0 ? loc.first_column : 1);
        put_format(&t, ":%s ", color(RESET));
    }
    va_list ap;
    va_start(ap, fmt);
    headline_end(&t, level, fmt, ap);
    va_end(ap);
    if (src && loc.first_line > 0)
        show_line(&t, src, loc);
    emit(&t);
}

void diag_plain(DiagLevel level, const char *fmt, ...)
{
    Text t = {NULL, 0, 0};
    put_format(&t, "%smgrad:%s ", color(BOLD), color(RESET));
    va_list ap;
    va_start(ap, fmt);
    headline_end(&t, level, fmt, ap);
    va_end(ap);
    emit(&t);
}
