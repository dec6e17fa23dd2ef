/*
 * tests/unit/report.h — the one reporter of the unit tests: a line per
 * check in the suite protocol, `ok - SUITE name` or `not ok - SUITE name:
 * why` (tests/run.sh counts them), flushed at once so that a crash loses
 * none. A test includes it and calls report(); report_failures counts the
 * checks that failed, for a test that also sets its exit status by them;
 * report_first_difference says where a text departs from a golden one,
 * and report_golden compares a text with its golden file.
 */
#ifndef MGRAD_TESTS_UNIT_REPORT_H
#define MGRAD_TESTS_UNIT_REPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int report_failures;

/* suite may be NULL: the line is then `ok - name`. */
static inline void report(const char *suite, int ok, const char *name,
                          const char *why)
{
    const char *space = suite ? " " : "";
    if (!suite)
        suite = "";
    if (ok) {
        printf("ok - %s%s%s\n", suite, space, name);
    } else {
        printf("not ok - %s%s%s: %s\n", suite, space, name, why);
        report_failures++;
    }
    fflush(stdout);
}

/* The first line where got and want (a golden text) differ, into why:
 * "line N is", got's line, "where it should be", want's line. */
static inline void report_first_difference(char *why, size_t size,
                                           const char *got, const char *want)
{
    int line = 1;
    size_t i = 0, start = 0;
    for (; got[i] && got[i] == want[i]; i++)
        if (got[i] == '\n') {
            line++;
            start = i + 1;
        }
    got += start;
    want += start;
    snprintf(why, size, "line %d is\n#   %.*s\n# where it should be\n#   %.*s",
             line, (int)strcspn(got, "\n"), got, (int)strcspn(want, "\n"),
             want);
}

/* Whether text is the golden file at path (GOLDEN_BLESS=1 writes the file
 * from text first: tests/bless.sh golden); if not, why says where. */
static inline int report_golden(char *why, size_t size, const char *path,
                                const char *text)
{
    const char *bless = getenv("GOLDEN_BLESS");
    if (bless && strcmp(bless, "1") == 0) {
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs(text, f);
            fclose(f);
        }
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(why, size, "cannot read %s (run from the top of the tree)",
                 path);
        return 0;
    }
    char *want = NULL;
    size_t length = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        want = realloc(want, length + got + 1);
        if (!want)
            break;
        memcpy(want + length, chunk, got);
        length += got;
    }
    fclose(f);
    if (want)
        want[length] = '\0';
    const char *golden = want ? want : "";
    int ok = strcmp(text, golden) == 0;
    if (!ok)
        report_first_difference(why, size, text, golden);
    free(want);
    return ok;
}

#endif
