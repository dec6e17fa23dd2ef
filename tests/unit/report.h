/*
 * tests/unit/report.h — the one reporter of the unit tests: a line per
 * check in the suite protocol, `ok - SUITE name` or `not ok - SUITE name:
 * why` (tests/run.sh counts them), flushed at once so that a crash loses
 * none. A test includes it and calls report(); report_failures counts the
 * checks that failed, for a test that also sets its exit status by them.
 */
#ifndef MGRAD_TESTS_UNIT_REPORT_H
#define MGRAD_TESTS_UNIT_REPORT_H

#include <stdio.h>

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

#endif
