/*
 * util/diag.h — the one error printer.
 *
 * Every message about the user's input goes through here and looks like
 *
 *   file:line:col: error: message
 *       the offending line
 *       ^~~~
 *
 * Standard output is flushed before standard error is written, so the two
 * interleave in the order things happened.
 */
#ifndef MGRAD_UTIL_DIAG_H
#define MGRAD_UTIL_DIAG_H

#include <stdio.h>
#include "util/source.h"

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

#if defined(__GNUC__)
#define DIAG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define DIAG_PRINTF(f, a)
#endif

/* Report at loc in src (src may be NULL: then no place is shown). */
void diag_report(DiagLevel level, const Source *src, SrcLoc loc,
                 const char *fmt, ...) DIAG_PRINTF(4, 5);

/* A message with no source place: "mgrad: error: ..." */
void diag_plain(DiagLevel level, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* Where diagnostics go (NULL: stderr, the default); colour on/off. */
void diag_set_stream(FILE *stream);
void diag_set_color(int on);

#endif
