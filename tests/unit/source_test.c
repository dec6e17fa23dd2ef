/*
 * tests/unit/source_test.c — reading program texts (util/source.c) from
 * streams that a file cannot imitate: one that never ends and never makes
 * the reader wait (as /dev/zero or a fast pipe), one whose read is cut
 * short by a signal. Reading must poll the interrupt flag while data keeps
 * coming, shrug off a signal that is not an interrupt, and stop at the cap.
 * The streams are fopencookie() streams that count how often they are read.
 *
 * Output follows the suite protocol: one ok / not ok line per check, exit
 * status 0.
 */
#define _GNU_SOURCE   /* fopencookie() */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "tests/unit/report.h"
#include "util/source.h"

enum { BLOCK = 4096 };

static volatile sig_atomic_t flag;

/* A stream of "x = 1;\n" lines. */
typedef struct Feed {
    long reads;          /* calls so far */
    long raise_at;       /* raise the flag at this call (0: never) */
    long eintr_at;       /* fail with EINTR once, at this call (0: never) */
    long end_at;         /* end of data after this many calls */
} Feed;

static ssize_t feed_read(void *cookie, char *buf, size_t size)
{
    Feed *feed = cookie;
    feed->reads++;
    if (feed->reads == feed->raise_at)
        flag = 1;
    if (feed->reads == feed->eintr_at) {
        errno = EINTR;
        return -1;
    }
    if (feed->reads > feed->end_at)
        return 0;
    static const char line[] = "x = 1;\n";
    if (size > BLOCK)
        size = BLOCK;
    for (size_t i = 0; i < size; i++)
        buf[i] = line[i % (sizeof line - 1)];
    return (ssize_t)size;
}

static FILE *open_feed(Feed *feed)
{
    cookie_io_functions_t io = {feed_read, NULL, NULL, NULL};
    return fopencookie(feed, "r", io);
}

static void result(int passed, const char *name, const char *why)
{
    report("source", passed, name, why);
}

/* Data that never runs out: the flag, raised while reading, stops it
 * within a chunk (1 MiB, 256 reads of 4 KiB) of being raised. */
static void test_interrupt_endless(void)
{
    Feed feed = {0, 50, 0, 100000};   /* 400 MB if nothing stops it */
    flag = 0;
    source_set_interrupt_flag(&flag);
    FILE *f = open_feed(&feed);
    Source *src = source_from_stream("<feed>", f);
    fclose(f);
    char why[200];
    snprintf(why, sizeof why, "%s after %ld reads (error: %s)",
             src ? "read to the end" : "stopped", feed.reads, source_error());
    result(!src && strcmp(source_error(), "Interrupted") == 0 &&
               feed.reads < 50 + 2 * 256,
           "an endless stream stops soon after the interrupt flag rises", why);
    source_release(src);
    flag = 0;
}

/* A signal that is not an interrupt (the REPL's window resize) cuts a read
 * short: reading goes on and nothing is lost. */
static void test_other_signal(void)
{
    Feed feed = {0, 0, 3, 10};
    flag = 0;
    FILE *f = open_feed(&feed);
    Source *src = source_from_stream("<feed>", f);
    fclose(f);
    int passed = src && src->length == 9 * BLOCK &&
                 strncmp(src->text, "x = 1;\nx = 1;\n", 14) == 0;
    char why[200];
    snprintf(why, sizeof why, "%s (%zu bytes; error: %s)",
             src ? "wrong text" : "no text", src ? src->length : 0,
             source_error());
    result(passed, "a read cut short by another signal goes on", why);
    source_release(src);
}

/* An endless stream stops at the cap (lowered here to 64 KiB) with a
 * message naming it; a stream of exactly the cap is read. */
static void test_cap(void)
{
    setenv("MGRAD_TEST_SOURCE_LIMIT", "65536", 1);
    Feed endless = {0, 0, 0, 100000};
    FILE *f = open_feed(&endless);
    Source *src = source_from_stream("<feed>", f);
    fclose(f);
    result(!src && strcmp(source_error(), "Larger than the limit of 65536 "
                          "bytes for a script") == 0 && endless.reads < 100,
           "an endless stream stops at the cap", source_error());
    source_release(src);

    Feed exact = {0, 0, 0, 65536 / BLOCK};
    f = open_feed(&exact);
    src = source_from_stream("<feed>", f);
    fclose(f);
    result(src && src->length == 65536, "a stream of exactly the cap is read",
           source_error());
    source_release(src);
    unsetenv("MGRAD_TEST_SOURCE_LIMIT");
}

int main(void)
{
    test_interrupt_endless();
    test_other_signal();
    test_cap();
    return 0;
}
