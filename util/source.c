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

static Source *source_adopt(const char *name, char *text, size_t length)
{
    Source *src = mem_malloc(sizeof *src);
    src->name = mem_strdup(name ? name : "<input>");
    src->text = text;
    src->length = length;
    src->first_line = 1;
    return src;
}

Source *source_new(const char *name, const char *text, size_t length)
{
    char *copy = mem_malloc(length + 1);
    if (length)
        memcpy(copy, text, length);
    copy[length] = '\0';
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
        if (capacity - length < 2) {
            capacity *= 2;
            text = mem_realloc(text, capacity);
        }
        size_t n = fread(text + length, 1, capacity - length - 1, f);
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
    text[length] = '\0';
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

void source_free(Source *src)
{
    if (!src)
        return;
    if (line_cache.src == src)
        line_cache.src = NULL;
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
