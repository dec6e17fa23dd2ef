/*
 * util/source.c — program texts and the lines in them.
 *
 * A Source holds the whole text of a script, a REPL entry or -e code, kept
 * NUL-terminated for convenience but measured by length, so NUL bytes in
 * the input are kept and reported like any other bad character.
 */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"

/* Diagnostics usually ask for lines in increasing order; remembering the
 * last line found makes finding the next one cost only the distance to it,
 * so thousands of errors in a huge script stay linear. */
static struct {
    const Source *src;
    const char *text;
    int line;          /* index from 0 within the text */
    size_t offset;     /* where that line starts */
    size_t length;     /* and its length (errors come many to a line too) */
} line_cache;

/* The same for source_locate(): where the last span it was asked for starts. */
static struct {
    const Source *src;
    const char *text;
    size_t offset, line_start;
    int line;
} last_found;

static Source *source_adopt(const char *name, char *text, size_t length)
{
    Source *src = mem_malloc(sizeof *src);
    src->name = mem_strdup(name ? name : "<input>");
    src->text = text;
    src->length = length;
    src->first_line = 1;
    src->refs = 1;
    return src;
}

Source *source_new(const char *name, const char *text, size_t length)
{
    char *copy = mem_malloc(length + 2);
    if (length)
        memcpy(copy, text, length);
    copy[length] = copy[length + 1] = '\0';
    return source_adopt(name, copy, length);
}

/* Reads f to its end; size_hint (the file's size when known) lets a big
 * script be read into one buffer of the right size. */
static Source *read_all(const char *name, FILE *f, size_t size_hint)
{
    size_t capacity = size_hint + 2 > 4096 ? size_hint + 2 : 4096;
    size_t length = 0;
    char *text = mem_malloc(capacity);
    for (;;) {
        if (capacity - length < 3) {
            capacity *= 2;
            text = mem_realloc(text, capacity);
        }
        size_t n = fread(text + length, 1, capacity - length - 2, f);
        length += n;
        if (n == 0) {
            if (ferror(f)) {
                int saved = errno ? errno : EIO;
                free(text);
                errno = saved;
                return NULL;
            }
            break;
        }
    }
    text[length] = text[length + 1] = '\0';
    return source_adopt(name, text, length);
}

Source *source_from_stream(const char *name, void *file)
{
    return read_all(name, file, 0);
}

Source *source_from_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct stat st;
    size_t hint = 0;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        hint = (size_t)st.st_size;
    Source *src = read_all(path, f, hint);
    int saved = errno;
    fclose(f);
    if (!src)
        errno = saved;
    return src;
}

Source *source_retain(Source *src)
{
    if (src)
        src->refs++;
    return src;
}

void source_release(Source *src)
{
    if (!src || --src->refs > 0)
        return;
    if (line_cache.src == src)
        line_cache.src = NULL;
    if (last_found.src == src)
        last_found.src = NULL;
    free(src->name);
    free(src->text);
    free(src);
}

const char *source_line(const Source *src, int line, size_t *length)
{
    if (!src || line < src->first_line)
        return NULL;
    int want = line - src->first_line;
    int at = 0;
    size_t offset = 0;
    if (line_cache.src == src && line_cache.text == src->text &&
        line_cache.line <= want) {
        if (line_cache.line == want) {
            if (length)
                *length = line_cache.length;
            return src->text + line_cache.offset;
        }
        at = line_cache.line;
        offset = line_cache.offset;
    }
    const char *text = src->text, *end = src->text + src->length;
    while (at < want) {
        const char *nl = memchr(text + offset, '\n', src->length - offset);
        if (!nl)
            return NULL;
        offset = (size_t)(nl - text) + 1;
        at++;
    }
    const char *start = text + offset;
    const char *nl = memchr(start, '\n', (size_t)(end - start));
    line_cache.src = src;
    line_cache.text = src->text;
    line_cache.line = at;
    line_cache.offset = offset;
    line_cache.length = (size_t)((nl ? nl : end) - start);
    if (length)
        *length = line_cache.length;
    return start;
}

SrcLoc source_locate(const Source *src, size_t start, size_t end)
{
    SrcLoc loc = {0, 0, 0, 0, start, end};
    if (!src)
        return loc;
    if (start > src->length)
        start = src->length;
    if (end < start)
        end = start;
    if (end > src->length)
        end = src->length;
    loc.start = start;
    loc.end = end;
    /* Count lines up to start, then on to the span's last byte; messages
     * come in text order, so counting goes on from the last place found. */
    int line = src->first_line;
    size_t line_start = 0, from = 0;
    const char *text = src->text;
    if (last_found.src == src && last_found.text == text &&
        last_found.offset <= start) {
        line = last_found.line;
        line_start = last_found.line_start;
        from = last_found.offset;
    }
    for (const char *p = text + from;
         (p = memchr(p, '\n', start - (size_t)(p - text))) != NULL; p++) {
        line++;
        line_start = (size_t)(p - text) + 1;
    }
    loc.first_line = line;
    loc.first_column = (int)(start - line_start) + 1;
    last_found.src = src;
    last_found.text = text;
    last_found.offset = start;
    last_found.line = line;
    last_found.line_start = line_start;
    size_t last = end > start ? end - 1 : start;
    for (const char *p = text + start;
         (size_t)(p - text) < last &&
         (p = memchr(p, '\n', last - (size_t)(p - text))) != NULL; p++) {
        line++;
        line_start = (size_t)(p - text) + 1;
    }
    loc.last_line = line;
    loc.last_column = (int)(last - line_start) + 1;
    if (end == start)
        loc.last_column = loc.first_column;
    return loc;
}
