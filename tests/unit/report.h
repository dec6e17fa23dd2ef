/*
 * tests/unit/report.h — the one reporter of the unit tests: a line per
 * check in the suite protocol, `ok - SUITE name` or `not ok - SUITE name:
 * why` (tests/run.sh counts them), flushed at once so that a crash loses
 * none. A test includes it and calls report(); report_failures counts the
 * checks that failed, for a test that also sets its exit status by them;
 * report_first_difference says where a text departs from a golden one.
 */
#ifndef MGRAD_TESTS_UNIT_REPORT_H
#define MGRAD_TESTS_UNIT_REPORT_H

#include <stdio.h>
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

#endif
