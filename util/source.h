/*
 * util/source.h — a piece of program text (a script, a REPL entry, -e code)
 * with its name, and source locations into it.
 *
 * A Source is reference counted: whoever read it holds one reference, and
 * the program compiled from it and every node labelled with a span of it
 * hold one each, so a label's text lives exactly as long as it is needed.
 */
#ifndef MGRAD_UTIL_SOURCE_H
#define MGRAD_UTIL_SOURCE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* A span of source text. Lines and columns are 1-based; columns count
 * bytes. start/end are byte offsets into the text (end exclusive). */
typedef struct SrcLoc {
    int first_line, first_column;
    int last_line, last_column;
    size_t start, end;
} SrcLoc;

/* A span as the compiler keeps it: byte offsets only. */
typedef struct SrcSpan {
    uint32_t start, end;
} SrcSpan;

typedef struct Source {
    char *name;        /* file name as given, or "<stdin>", "<repl>", "<-e>" */
    char *text;        /* followed by two NUL bytes (the scanner's end
                          marks); may contain other NUL bytes */
    size_t length;     /* bytes of text, excluding the final NULs */
    int first_line;    /* line number of the first line (REPL entries count on) */
    size_t refs;
} Source;

/* Copies name and text. */
Source *source_new(const char *name, const char *text, size_t length);
/* Reads a whole file: a regular file or a pipe (FIFO), at most 1 GiB.
 * Returns NULL on failure; source_error() then says why. */
Source *source_from_file(const char *path);
/* Reads a whole stream (e.g. stdin), at most 1 GiB; NULL on failure. */
Source *source_from_stream(const char *name, void *file);
Source *source_retain(Source *src);
/* Drops one reference; the last frees the Source. */
void source_release(Source *src);

/* The line and column of the byte offsets [start, end) in src: lines and
 * columns are found only when a message needs them. */
SrcLoc source_locate(const Source *src, size_t start, size_t end);

/* Why the last read above failed, in a user's words: strerror's text,
 * "Is a directory", "Not a regular file or a pipe (...)", "Larger than the
 * limit of 1 GiB for a script" or "Interrupted". */
const char *source_error(void);
/* The flag reading polls between chunks and when a read or an open is cut
 * short by a signal; once it is raised, reading stops with "Interrupted". */
void source_set_interrupt_flag(volatile sig_atomic_t *flag);

/* The text of line `line` (1-based, counted from src->first_line), without
 * its newline; *length receives its length. NULL when out of range. */
const char *source_line(const Source *src, int line, size_t *length);

#endif
