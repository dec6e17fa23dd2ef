/*
 * util/source.c — program texts and the lines in them.
 *
 * A Source holds the whole text of a script, a REPL entry or -e code, kept
 * NUL-terminated for convenience but measured by length, so NUL bytes in
 * the input are kept and reported like any other bad character.
 */
#include "util/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "util/mem.h"

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

/* The most a script may hold. A program text is typed or generated, never a
 * gigabyte; the cap keeps a wrong file (a disk image, an endless pipe) from
 * eating the machine's memory. */
#define SOURCE_LIMIT ((size_t)1 << 30)

/* Reading goes a chunk at a time so that the interrupt flag is polled often
 * however fast the data comes (an endless pipe never blocks). */
enum { CHUNK = 1 << 20 };

static volatile sig_atomic_t *interrupt_flag;
static char error_text[128];

void source_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

const char *source_error(void)
{
    return error_text;
}

static int interrupted(void)
{
    return interrupt_flag && *interrupt_flag;
}

/* The cap: SOURCE_LIMIT, or less when MGRAD_TEST_SOURCE_LIMIT asks for it
 * (so that tests need not write a gigabyte; it can never raise the cap). */
static size_t source_limit(void)
{
    const char *env = getenv("MGRAD_TEST_SOURCE_LIMIT");
    if (env && env[0]) {
        char *end;
        unsigned long long n = strtoull(env, &end, 10);
        if (*end == '\0' && n < SOURCE_LIMIT)
            return (size_t)n;
    }
    return SOURCE_LIMIT;
}

static void fail_too_big(size_t limit)
{
    if (limit > 0 && limit % ((size_t)1 << 30) == 0)
        snprintf(error_text, sizeof error_text, "Larger than the limit of "
                 "%zu GiB for a script", limit >> 30);
    else
        snprintf(error_text, sizeof error_text, "Larger than the limit of "
                 "%zu bytes for a script", limit);
}

static void fail_errno(int err)
{
    snprintf(error_text, sizeof error_text, "%s", strerror(err));
}

/* Reads f to its end, or to just past the cap; size_hint (the file's size
 * when known) lets a big script be read into one buffer of the right size. */
static Source *read_all(const char *name, FILE *f, size_t size_hint)
{
    size_t limit = source_limit();
    size_t capacity = size_hint + 3 > 4096 ? size_hint + 3 : 4096;
    size_t length = 0;
    char *text = mem_malloc(capacity);
    for (;;) {
        if (interrupted()) {
            snprintf(error_text, sizeof error_text, "Interrupted");
            free(text);
            return NULL;
        }
        /* One byte past the cap is read to tell "at the cap" from "over". */
        if (length > limit) {
            fail_too_big(limit);
            free(text);
            return NULL;
        }
        /* room for the text and the two NUL bytes the scanner needs */
        if (capacity - length < 3) {
            capacity = capacity < (limit + 3) / 2 ? 2 * capacity : limit + 3;
            text = mem_realloc(text, capacity);
        }
        size_t want = capacity - length - 2;
        if (want > CHUNK)
            want = CHUNK;
        if (want > limit + 1 - length)
            want = limit + 1 - length;
        size_t n = fread(text + length, 1, want, f);
        length += n;
        if (n < want && ferror(f)) {
            /* A signal cut the read short: the loop's first check tells an
             * interrupt from any other signal (a window resize). */
            if (errno == EINTR) {
                clearerr(f);
                continue;
            }
            fail_errno(errno ? errno : EIO);
            free(text);
            return NULL;
        }
        if (n < want)
            break;
    }
    text[length] = text[length + 1] = '\0';
    return source_adopt(name, text, length);
}

Source *source_from_stream(const char *name, void *file)
{
    return read_all(name, file, 0);
}

/* What a file of this type is called in a message. */
static const char *file_kind(mode_t mode)
{
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a file";
}

/* Only regular files and pipes are read: a directory or a device (say
 * /dev/zero) is refused before anything is read from it. */
static int readable_kind(const struct stat *st)
{
    if (S_ISDIR(st->st_mode)) {
        fail_errno(EISDIR);
        return 0;
    }
    if (!S_ISREG(st->st_mode) && !S_ISFIFO(st->st_mode)) {
        snprintf(error_text, sizeof error_text, "Not a regular file or a "
                 "pipe (it is %s)", file_kind(st->st_mode));
        return 0;
    }
    return 1;
}

Source *source_from_file(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fail_errno(errno);
        return NULL;
    }
    if (!readable_kind(&st))
        return NULL;
    size_t limit = source_limit();
    if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
        fail_too_big(limit);
        return NULL;
    }
    /* Opening a pipe waits for a writer; a signal ends the wait. */
    FILE *f;
    while (!(f = fopen(path, "rb")) && errno == EINTR && !interrupted())
        ;
    if (!f) {
        if (errno == EINTR)
            snprintf(error_text, sizeof error_text, "Interrupted");
        else
            fail_errno(errno);
        return NULL;
    }
    /* The path may have been replaced since stat(). */
    if (fstat(fileno(f), &st) != 0) {
        fail_errno(errno);
        fclose(f);
        return NULL;
    }
    if (!readable_kind(&st)) {
        fclose(f);
        return NULL;
    }
    size_t hint = 0;
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        hint = (size_t)st.st_size < limit ? (size_t)st.st_size : limit;
    Source *src = read_all(path, f, hint);
    fclose(f);
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
