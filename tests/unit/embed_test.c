/*
 * tests/unit/embed_test.c — the embedding API (embed/mgrad.h) as a front
 * end uses it: two sessions side by side keep their own bindings and
 * random numbers; output, errors and pictures arrive apart; `quit` does
 * not exit and leaves the session usable; an interrupt from another thread
 * stops `while 1 { }` and the bindings survive, and so does one from a
 * signal handler (mgrad_interrupt_signal); completion, the line test,
 * help; a second run while one is under way is refused; running out of
 * memory (in a child process under an address-space limit) is a status,
 * not an exit. And what the terminal's REPL needs: a text whose lines are
 * numbered from a given line (mgrad_run_at), script files and standard
 * input (mgrad_run_file), colour in messages and in pictures apart and
 * changed between runs (mgrad_set_flags), `set color` kept per session,
 * help topics completed after `help `, the node counts (mgrad_node_counts).
 *
 * Output follows the suite protocol: one ok / not ok line per check, exit
 * status 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "embed/mgrad.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#if defined(__SANITIZE_ADDRESS__)
/* Under AddressSanitizer (which cannot run under an address-space limit)
 * a large allocation fails instead. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
    return "allocator_may_return_null=1:max_allocation_size_mb=256";
}
#endif

static int failures;

static void check(int ok, const char *name, const char *detail)
{
    if (ok) {
        printf("ok - %s\n", name);
    } else {
        printf("not ok - %s\n", name);
        if (detail)
            printf("  %s\n", detail);
        failures++;
    }
}

/* What a session printed, kept apart by stream. */
typedef struct Capture {
    char out[65536], err[65536];
    size_t out_n, err_n;
    int pictures;
    MgradPicture last;          /* its pointers are only valid in the call */
    char picture_text[65536];
    double first_x, first_y, first_slope, last_x, last_y;
    double first_score;
    MgradSession *session;      /* to try a run from inside a callback */
    int nested;                 /* what that run returned, or -1 */
    const char *interrupt_on;   /* a message that calls mgrad_interrupt() */
} Capture;

static void append(char *buf, size_t *n, const char *text, size_t length)
{
    if (*n + length >= 65536)
        length = 65535 - *n;
    memcpy(buf + *n, text, length);
    *n += length;
    buf[*n] = '\0';
}

static void on_output(void *ctx, const char *text, size_t length)
{
    Capture *c = ctx;
    append(c->out, &c->out_n, text, length);
    if (c->session && c->nested < 0)
        c->nested = mgrad_run(c->session, "print 2", 7, "nested");
}

static void on_error(void *ctx, const char *text, size_t length)
{
    Capture *c = ctx;
    append(c->err, &c->err_n, text, length);
    if (c->interrupt_on && strstr(c->err, c->interrupt_on))
        mgrad_interrupt();
}

static void on_picture(void *ctx, const MgradPicture *p)
{
    Capture *c = ctx;
    c->pictures++;
    c->last = *p;
    size_t n = p->text_length < sizeof c->picture_text - 1
                   ? p->text_length : sizeof c->picture_text - 1;
    memcpy(c->picture_text, p->text, n);
    c->picture_text[n] = '\0';
    if (p->x && p->count > 0) {
        c->first_x = p->x[0];
        c->last_x = p->x[p->count - 1];
    }
    if (p->y && p->count > 0) {
        c->first_y = p->y[0];
        c->last_y = p->y[p->count - 1];
    }
    if (p->slope && p->count > 0)
        c->first_slope = p->slope[0];
    if (p->scores)
        c->first_score = p->scores[0];
}

static void reset(Capture *c)
{
    c->out_n = c->err_n = 0;
    c->out[0] = c->err[0] = '\0';
    c->pictures = 0;
    c->nested = -1;
}

static MgradSession *session(Capture *c, int pictures)
{
    MgradSession *s = mgrad_new(0);
    MgradCallbacks cb = {c, on_output, on_error,
                         pictures ? on_picture : NULL};
    mgrad_set_callbacks(s, &cb);
    reset(c);
    return s;
}

static MgradStatus run(MgradSession *s, Capture *c, const char *text)
{
    reset(c);
    return mgrad_run(s, text, strlen(text), "t");
}

static void two_sessions(void)
{
    static Capture c1, c2;
    MgradSession *s1 = session(&c1, 0), *s2 = session(&c2, 0);
    check(s1 && s2 && s1 != s2, "two sessions are made", NULL);
    run(s1, &c1, "a = 2; L = a * 3;");
    run(s2, &c2, "a = 5;");
    run(s1, &c1, "print a");
    run(s2, &c2, "print a");
    check(strcmp(c1.out, "2\n") == 0 && strcmp(c2.out, "5\n") == 0,
          "two sessions keep their own bindings", c1.out);
    run(s2, &c2, "print L");
    check(strstr(c2.err, "undefined name 'L'") != NULL,
          "a name bound in one session is unbound in the other", c2.err);

    /* Each starts its random numbers at seed 1337, whatever the other
     * draws; a seed in one leaves the other's sequence alone. */
    run(s1, &c1, "print rand()");
    char first[64];
    snprintf(first, sizeof first, "%.40s", c1.out);
    run(s1, &c1, "print rand(); seed 7; print rand()");
    run(s2, &c2, "print rand()");
    check(strcmp(c2.out, first) == 0,
          "each session has its own random generator", c2.out);

    /* Freeing one leaves the other's graph whole. */
    mgrad_free(s1);
    run(s2, &c2, "L = a * a; backward L; print L, a.grad");
    check(strcmp(c2.out, "25 10\n") == 0,
          "a session works on after the other is freed", c2.out);
    mgrad_free(s2);
}

static void streams(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    MgradStatus st = run(s, &c, "print 1\nx = log(0)\nprint 3");
    check(st == MGRAD_ERROR, "a run-time error is MGRAD_ERROR", NULL);
    check(strcmp(c.out, "1\n") == 0, "output comes on its own callback",
          c.out);
    check(strncmp(c.err, "t:2:5: error: log:", 18) == 0 &&
              strstr(c.err, "x = log(0)") && strstr(c.err, "^~~~~~"),
          "an error comes on the error callback with its place and caret",
          c.err);
    st = run(s, &c, "print 1\nprint (");
    check(st == MGRAD_ERROR && c.out_n == 0 && strstr(c.err, "t:2:"),
          "a syntax error runs nothing", c.err);
    st = run(s, &c, "a = 2; b = -3; L = a*b + 10; backward L");
    check(st == MGRAD_OK && strcmp(c.out, "dL/da = -3\ndL/db = 2\n") == 0,
          "the lecture's first lines", c.out);
    mgrad_free(s);
}

static void quit(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    MgradStatus st = run(s, &c, "a = 1; quit; a = 2");
    check(st == MGRAD_QUIT, "quit is MGRAD_QUIT, and the process goes on",
          NULL);
    st = run(s, &c, "print a; exit");
    check(st == MGRAD_QUIT && strcmp(c.out, "1\n") == 0,
          "after quit the session runs on with its bindings", c.out);
    st = run(s, &c, "print a + 1; print a + 2");
    check(st == MGRAD_OK && strcmp(c.out, "2\n3\n") == 0,
          "a text after quit runs whole", c.out);
    mgrad_free(s);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double interrupted_at;

static void *interrupter(void *arg)
{
    (void)arg;
    struct timespec pause = {0, 200 * 1000 * 1000};
    nanosleep(&pause, NULL);
    interrupted_at = now();
    mgrad_interrupt();
    return NULL;
}

static void interrupt(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    run(s, &c, "a = 2; i = 0;");
    mgrad_interrupt();   /* nothing runs: no effect on the next run */
    pthread_t thread;
    pthread_create(&thread, NULL, interrupter, NULL);
    MgradStatus st = run(s, &c, "while 1 { i = i + 1 }");
    double latency = now() - interrupted_at;
    pthread_join(thread, NULL);
    check(st == MGRAD_INTERRUPTED,
          "an interrupt from another thread stops while 1 { }", c.err);
    check(strstr(c.err, "interrupted") != NULL, "it reports interrupted",
          c.err);
    char detail[64];
    snprintf(detail, sizeof detail, "%.4f s", latency);
    check(latency < 0.5, "it stops within 0.5 s", detail);
    printf("# interrupt latency %.6f s\n", latency);
    st = run(s, &c, "print a, i > 1000");
    check(st == MGRAD_OK && strcmp(c.out, "2 1\n") == 0,
          "the bindings survive the interrupt", c.out);
    mgrad_free(s);
}

/* An interrupt while a big list is freed stops the freeing: the rest is
 * freed by mgrad_idle, a slice at a time, or by the next run. The error
 * callback raises the interrupt at a warning given while the new value is
 * made, so it lands in the freeing of the old one every time. */
static void interrupt_freeing(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    run(s, &c, "ps = [[k, k] for k in range(100000)];");
    check(mgrad_idle() == 0, "mgrad_idle: nothing to free after a plain run",
          NULL);
    c.interrupt_on = "overflowed";
    MgradStatus st = run(s, &c, "ps = [exp(1000), 0][1]");
    c.interrupt_on = NULL;
    check(st == MGRAD_INTERRUPTED && strstr(c.out, "ps = 0"),
          "a rebinding interrupted while it frees the old list binds, and "
          "says interrupted", c.err);
    int slices = 0;
    while (mgrad_idle() && slices < 1000)
        slices++;
    char detail[64];
    snprintf(detail, sizeof detail, "%d slices", slices);
    check(slices >= 2 && slices < 1000,
          "the rest of the list is freed by mgrad_idle, a slice at a time",
          detail);
    printf("# 100000 pairs freed in %d slices of mgrad_idle\n", slices);
    st = run(s, &c, "print(ps, len([ps, ps]))");
    check(st == MGRAD_OK && strcmp(c.out, "0 2\n") == 0,
          "the session runs on, with the new binding", c.out);
    /* Left unfreed, the next run frees it first. */
    run(s, &c, "ps = [[k, k] for k in range(100000)];");
    c.interrupt_on = "overflowed";
    run(s, &c, "ps = [exp(1000), 1][1]");
    c.interrupt_on = NULL;
    st = run(s, &c, "print(ps)");
    check(st == MGRAD_OK && strcmp(c.out, "1\n") == 0 && mgrad_idle() == 0,
          "the next run frees what is left before it starts", c.out);
    mgrad_free(s);
}

/* An interrupt from another thread while Graphviz lays out a big graph
 * (minutes for this one): the wait for dot ends, dot is stopped, and the
 * run says interrupted. No signal reaches dot here, as in a notebook. */
static void interrupt_dot(void)
{
    if (access("/usr/bin/dot", X_OK) != 0) {
        printf("skip - an interrupt stops dot's layout: no Graphviz\n");
        return;
    }
    static Capture c;
    MgradSession *s = session(&c, 0);
    char dir[] = "/tmp/mgrad-embed-XXXXXX", path[64], text[128];
    if (!mkdtemp(dir)) {
        check(0, "a temporary folder for dot", strerror(errno));
        mgrad_free(s);
        return;
    }
    snprintf(path, sizeof path, "%s/u.svg", dir);
    run(s, &c, "u = 1; repeat 2000 { u = u*0.5 + 1; }");
    snprintf(text, sizeof text, "dot u \"%s\"", path);
    pthread_t thread;
    pthread_create(&thread, NULL, interrupter, NULL);
    MgradStatus st = run(s, &c, text);
    double latency = now() - interrupted_at;
    pthread_join(thread, NULL);
    check(st == MGRAD_INTERRUPTED && strstr(c.err, "interrupted"),
          "an interrupt from another thread stops dot laying out a graph",
          c.err);
    char detail[64];
    snprintf(detail, sizeof detail, "%.4f s", latency);
    check(latency < 0.5, "dot stops within 0.5 s", detail);
    printf("# interrupt latency in dot's layout %.6f s\n", latency);
    check(access(path, F_OK) != 0, "the interrupted picture is not written",
          path);
    remove(path);
    rmdir(dir);
    mgrad_free(s);
}

/* mgrad_interrupt_signal installed as SIGALRM's handler, as a front end
 * installs it for SIGINT. */
static void interrupt_by_signal(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    run(s, &c, "kept = 7; n = 0;");
    struct sigaction action, saved;
    memset(&action, 0, sizeof action);
    action.sa_handler = mgrad_interrupt_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGALRM, &action, &saved);
    struct itimerval timer = {{0, 0}, {0, 200 * 1000}};
    setitimer(ITIMER_REAL, &timer, NULL);
    MgradStatus st = run(s, &c, "while 1 { n = n + 1; }");
    sigaction(SIGALRM, &saved, NULL);
    check(st == MGRAD_INTERRUPTED,
          "mgrad_interrupt_signal as a signal handler stops while 1 { }",
          c.err);
    st = run(s, &c, "print kept, n > 100");
    check(st == MGRAD_OK && strcmp(c.out, "7 1\n") == 0,
          "the bindings survive the signal", c.out);
    mgrad_free(s);
}

static void pictures(void)
{
    static Capture c;
    MgradSession *s = session(&c, 1);
    run(s, &c, "a = 2; b = -3; L = a*b + 10; backward L;");
    MgradStatus st = run(s, &c, "dot L");
    check(st == MGRAD_OK && c.pictures == 1 &&
              c.last.kind == MGRAD_PICTURE_GRAPH && c.out_n == 0 &&
              strstr(c.picture_text, "digraph") &&
              strstr(c.picture_text, "{ a | data 2 | grad -3 }"),
          "dot L is a graph picture with its DOT, not output",
          c.picture_text);
    st = run(s, &c, "x = 3; f = 3*x^2 - 4*x + 5; plot f, x = -5..5");
    check(st == MGRAD_OK && c.pictures == 1 &&
              c.last.kind == MGRAD_PICTURE_PLOT && c.last.count == 201 &&
              c.first_x == -5 && c.last_x == 5 && c.first_y == 100 &&
              c.last_y == 60 && c.first_slope == -34 &&
              strcmp(c.picture_text, "") != 0,
          "plot hands over the samples of f and df/dx", c.out);
    st = run(s, &c, "print x.data");
    check(strcmp(c.out, "3\n") == 0, "plot puts the leaf back", c.out);
    st = run(s, &c, "losses = [4, 2, 1, 0.5]; plot losses");
    check(st == MGRAD_OK && c.pictures == 1 &&
              c.last.kind == MGRAD_PICTURE_CURVE && c.last.count == 4 &&
              c.first_y == 4 && c.last_y == 0.5,
          "plot xs hands over the list", NULL);
    st = run(s, &c, "m = mlp(2, [4, 1]); regions m, [[0, 0], [1, 2]], [1, -1]");
    check(st == MGRAD_OK && c.pictures == 1 &&
              c.last.kind == MGRAD_PICTURE_REGIONS && c.last.count == 2 &&
              c.last.columns == 121 && c.last.rows == 121 &&
              c.last.x_lo == -1 && c.last.x_hi == 2 && c.last.y_lo == -1 &&
              c.last.y_hi == 3 && isfinite(c.first_score),
          "regions hands over the scores on a grid and the points", NULL);
    mgrad_free(s);

    /* Without a picture callback they are printed. */
    s = session(&c, 0);
    run(s, &c, "a = 2; L = a * 3; dot L");
    check(c.pictures == 0 && strstr(c.out, "digraph"),
          "without a picture callback dot prints its DOT", c.out);
    mgrad_free(s);
}

typedef struct Words {
    char list[4096];
} Words;

static void add_word(void *ctx, const char *word)
{
    Words *w = ctx;
    strcat(w->list, word);
    strcat(w->list, " ");
}

static size_t complete(MgradSession *s, const char *text, Words *w,
                       size_t *start)
{
    w->list[0] = '\0';
    return mgrad_complete(s, text, strlen(text), strlen(text), add_word, w,
                          start);
}

static void completion(void)
{
    static Capture c;
    static Words w;
    MgradSession *s = session(&c, 0);
    run(s, &c, "alpha = 1; alpine = 2; x = 3;");
    size_t start = 99;
    size_t n = complete(s, "y = alp", &w, &start);
    check(n == 2 && strcmp(w.list, "alphine alpha ") != 0 &&
              strcmp(w.list, "alpha alpine ") == 0 && start == 4,
          "bound names complete, sorted, with the word's start", w.list);
    n = complete(s, "backw", &w, NULL);
    check(n == 1 && strcmp(w.list, "backward ") == 0,
          "commands complete", w.list);
    n = complete(s, "x.gr", &w, &start);
    check(n == 1 && strcmp(w.list, "grad ") == 0 && start == 2,
          "attributes complete after a dot", w.list);
    n = complete(s, "x.ta", &w, NULL);
    check(n == 1 && strcmp(w.list, "tanh ") == 0, "methods complete",
          w.list);
    n = complete(s, "y = 2.", &w, NULL);
    check(n == 0, "a number's point completes nothing", w.list);
    n = complete(s, "load \"al", &w, NULL);
    check(n == 0, "nothing completes inside a string", w.list);
    /* the cursor in the middle of the text */
    w.list[0] = '\0';
    n = mgrad_complete(s, "alp + 1", 7, 3, add_word, &w, &start);
    check(n == 2 && start == 0, "completion at a position", w.list);
    mgrad_free(s);
}

/* Help's topics complete after `help `, and only there. */
static void help_topics(void)
{
    static Capture c;
    static Words w;
    MgradSession *s = session(&c, 0);
    size_t n = complete(s, "help synt", &w, NULL);
    check(n == 1 && strcmp(w.list, "syntax ") == 0,
          "a help topic completes after help", w.list);
    n = complete(s, "x = 1\n  help op", &w, NULL);
    check(strstr(w.list, "operators ") != NULL,
          "after help at the start of a later line too", w.list);
    n = complete(s, "synt", &w, NULL);
    check(n == 0, "a help topic is no word elsewhere", w.list);
    n = complete(s, "print help synt", &w, NULL);
    check(n == 0, "nor after a help that does not start the line", w.list);
    mgrad_free(s);
}

/* Lines numbered on from first_line, as the REPL numbers its entries. */
static void run_at(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    reset(&c);
    MgradStatus st = mgrad_run_at(s, "print 1\nprint zz", 16, "<repl>", 7);
    check(st == MGRAD_ERROR && strcmp(c.out, "1\n") == 0 &&
              strncmp(c.err, "<repl>:8:7: error: undefined name 'zz'", 38) == 0 &&
              strstr(c.err, "8 | print zz"),
          "mgrad_run_at numbers the text's lines from first_line", c.err);
    reset(&c);
    st = mgrad_run_at(s, "print (", 7, "<repl>", 0);
    check(st == MGRAD_ERROR && strncmp(c.err, "<repl>:1:", 9) == 0,
          "a first line below 1 counts from 1", c.err);
    mgrad_free(s);
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return 0;
    fputs(text, f);
    return fclose(f) == 0;
}

/* Script files: named by their path, loads taken from their folder. */
static void run_file(void)
{
    static Capture c;
    char dir[] = "/tmp/mgrad-embed-XXXXXX";
    if (!mkdtemp(dir)) {
        check(0, "a temporary folder for scripts", strerror(errno));
        return;
    }
    char main_mg[96], part_mg[96], bad_mg[96], quit_mg[96], text[256];
    snprintf(main_mg, sizeof main_mg, "%s/main.mg", dir);
    snprintf(part_mg, sizeof part_mg, "%s/part.mg", dir);
    snprintf(bad_mg, sizeof bad_mg, "%s/bad.mg", dir);
    snprintf(quit_mg, sizeof quit_mg, "%s/quit.mg", dir);
    int made = write_text(main_mg, "load \"part.mg\"\nprint y\n") &&
               write_text(part_mg, "y = 41 + 1;\n") &&
               write_text(bad_mg, "print 1\nprint (\n") &&
               write_text(quit_mg, "q = 5\nquit\nq = 6\n");
    check(made, "script files are written", dir);
    MgradSession *s = session(&c, 0);
    reset(&c);
    MgradStatus st = mgrad_run_file(s, main_mg);
    check(st == MGRAD_OK && strcmp(c.out, "42\n") == 0,
          "mgrad_run_file runs a script; its load is taken from its folder",
          c.err);
    reset(&c);
    st = mgrad_run_file(s, bad_mg);
    snprintf(text, sizeof text, "%s:2:", bad_mg);
    check(st == MGRAD_ERROR && c.out_n == 0 &&
              strncmp(c.err, text, strlen(text)) == 0,
          "a script's messages name it by its path", c.err);
    reset(&c);
    st = mgrad_run_file(s, quit_mg);
    check(st == MGRAD_QUIT, "quit in a script is MGRAD_QUIT", NULL);
    run(s, &c, "print q");
    check(strcmp(c.out, "5\n") == 0, "the statements after quit did not run",
          c.out);
    reset(&c);
    snprintf(text, sizeof text, "%s/none.mg", dir);
    st = mgrad_run_file(s, text);
    char want[400];
    snprintf(want, sizeof want,
             "mgrad: error: cannot read '%s': No such file or directory\n",
             text);
    check(st == MGRAD_ERROR && strcmp(c.err, want) == 0,
          "a script that cannot be read is an error that says why", c.err);
    reset(&c);
    st = mgrad_run_file(s, dir);
    check(st == MGRAD_ERROR && strstr(c.err, "Is a directory"),
          "a folder is no script", c.err);
    mgrad_free(s);
    remove(main_mg);
    remove(part_mg);
    remove(bad_mg);
    remove(quit_mg);
    rmdir(dir);
}

/* mgrad_run_file(NULL): the script on standard input, as <stdin>. */
static void run_stdin(void)
{
    static Capture c;
    int fds[2];
    int saved = dup(STDIN_FILENO);
    if (saved < 0 || pipe(fds) != 0) {
        check(0, "a pipe for standard input", strerror(errno));
        return;
    }
    const char script[] = "print 6 * 7\nprint w\n";
    ssize_t wrote = write(fds[1], script, sizeof script - 1);
    close(fds[1]);
    dup2(fds[0], STDIN_FILENO);
    close(fds[0]);
    MgradSession *s = session(&c, 0);
    reset(&c);
    MgradStatus st = mgrad_run_file(s, NULL);
    dup2(saved, STDIN_FILENO);
    close(saved);
    clearerr(stdin);
    check(wrote == (ssize_t)sizeof script - 1 && st == MGRAD_ERROR &&
              strcmp(c.out, "42\n") == 0 &&
              strncmp(c.err, "<stdin>:2:7: error:", 19) == 0,
          "mgrad_run_file(NULL) runs standard input as <stdin>", c.err);
    mgrad_free(s);
}

/* Colour in messages and in pictures apart; flags changed between runs;
 * `set color` kept by its session. */
static void flags(void)
{
    static Capture c;
    MgradSession *s = mgrad_new(MGRAD_COLOR_MESSAGES);
    MgradCallbacks cb = {&c, on_output, on_error, NULL};
    mgrad_set_callbacks(s, &cb);
    run(s, &c, "a = 2; L = a * 3; tree L; print zz");
    check(strchr(c.err, '\033') && !strchr(c.out, '\033') &&
              strstr(c.out, "L"),
          "MGRAD_COLOR_MESSAGES: colour in messages, not in pictures", c.out);
    mgrad_set_flags(s, MGRAD_COLOR_OUTPUT);
    run(s, &c, "tree L; print zz");
    check(!strchr(c.err, '\033') && strchr(c.out, '\033'),
          "mgrad_set_flags(MGRAD_COLOR_OUTPUT): colour in pictures only",
          c.err);
    mgrad_set_flags(s, MGRAD_COLOR);
    run(s, &c, "tree L; print zz");
    check(strchr(c.err, '\033') && strchr(c.out, '\033'),
          "MGRAD_COLOR: colour in both", NULL);
    run(s, &c, "set color off");
    run(s, &c, "tree L; print zz");
    check(!strchr(c.err, '\033') && !strchr(c.out, '\033') &&
              strstr(c.err, "undefined name"),
          "set color off lasts beyond its run, in messages too", c.err);

    /* Another session keeps its own flags. */
    static Capture c2;
    MgradSession *s2 = mgrad_new(MGRAD_COLOR_MESSAGES);
    MgradCallbacks cb2 = {&c2, on_output, on_error, NULL};
    mgrad_set_callbacks(s2, &cb2);
    run(s2, &c2, "print zz");
    check(strchr(c2.err, '\033') != NULL,
          "set color in one session leaves another's messages alone", c2.err);
    run(s, &c, "print zz");
    check(!strchr(c.err, '\033'), "and its own stays off", c.err);
    mgrad_free(s2);
    mgrad_free(s);
}

static void node_counts(void)
{
    static Capture c;
    unsigned long long created = 0, most = 0, created2 = 0, most2 = 0;
    mgrad_node_counts(&created, &most);
    MgradSession *s = session(&c, 0);
    run(s, &c, "a = 1; b = a * 2; c = b * b");
    mgrad_node_counts(&created2, NULL);
    mgrad_node_counts(NULL, &most2);
    char detail[96];
    snprintf(detail, sizeof detail, "%llu then %llu created, %llu most alive",
             created, created2, most2);
    check(created2 >= created + 3 && most2 >= 3 && most2 >= most &&
              most2 <= created2,
          "mgrad_node_counts counts the nodes made and the most alive",
          detail);
    mgrad_free(s);
    unsigned long long after = 0;
    mgrad_node_counts(&after, NULL);
    check(after == created2, "the counts outlive the session", detail);
}

static void needs_more(void)
{
    static const char *const open[] = {"if 1 {", "a = (1 +", "xs = [1,\n2,",
                                       "def f(x) {\n", "while 1 {\n  x = ("};
    static const char *const whole[] = {"a = 1", "if 1 { }", "", "a = (1)",
                                        "print \"{\""};
    int ok = 1;
    for (size_t i = 0; i < sizeof open / sizeof *open; i++)
        ok &= mgrad_needs_more(open[i], strlen(open[i])) != 0;
    check(ok, "an open bracket or block needs more lines", NULL);
    ok = 1;
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        ok &= mgrad_needs_more(whole[i], strlen(whole[i])) == 0;
    check(ok, "a whole text needs no more", NULL);
}

static void help_and_busy(void)
{
    static Capture c;
    MgradSession *s = session(&c, 0);
    reset(&c);
    MgradStatus st = mgrad_help(s, "backward");
    check(st == MGRAD_OK && strncmp(c.out, "usage: backward", 15) == 0,
          "help of a word comes on the output callback", c.out);
    reset(&c);
    st = mgrad_help(s, "tanh");
    check(st == MGRAD_OK && strstr(c.out, "tanh"), "help of a function",
          c.out);
    reset(&c);
    st = mgrad_help(s, "a; quit");
    check(st == MGRAD_ERROR && c.out_n == 0, "help takes only a name",
          c.out);
    reset(&c);
    st = mgrad_help(s, NULL);
    check(st == MGRAD_OK && strstr(c.out, "Commands:"),
          "help without a word is the overview", NULL);

    c.session = s;
    st = run(s, &c, "print 1");
    check(st == MGRAD_OK && c.nested == MGRAD_BUSY,
          "a run from inside a callback is refused with MGRAD_BUSY", NULL);
    check(mgrad_run(NULL, "1", 1, NULL) == MGRAD_ERROR,
          "a NULL session is an error", NULL);
    mgrad_free(s);
}

/* In a child: a 512 MiB script under a 256 MiB limit. */
static void out_of_memory(void)
{
    if (RUNNING_ON_VALGRIND) {
        /* valgrind itself cannot run under the address-space limit */
        printf("skip - out of memory: not under valgrind\n");
        return;
    }
    char path[] = "/tmp/mgrad-embed-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || ftruncate(fd, 512L * 1024 * 1024) != 0) {
        printf("skip - out of memory: cannot make a sparse file\n");
        if (fd >= 0)
            close(fd);
        return;
    }
    close(fd);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
#if !defined(__SANITIZE_ADDRESS__)
        struct rlimit limit = {256L * 1024 * 1024, 256L * 1024 * 1024};
        setrlimit(RLIMIT_AS, &limit);
#endif
        static Capture c;
        MgradSession *s = session(&c, 0);
        char text[128];
        snprintf(text, sizeof text, "a = 1; load \"%s\"", path);
        int code = 0;
        if (run(s, &c, text) != MGRAD_NO_MEMORY)
            code |= 1;
        if (run(s, &c, "print a") != MGRAD_NO_MEMORY)
            code |= 2;
        mgrad_free(s);
        /* another session works */
        s = session(&c, 0);
        if (run(s, &c, "print 6 * 7") != MGRAD_OK || strcmp(c.out, "42\n"))
            code |= 4;
        mgrad_free(s);
        _exit(code);
    }
    int status = 0;
    waitpid(child, &status, 0);
    unlink(path);
    char detail[64];
    snprintf(detail, sizeof detail, "child status %d", status);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 0,
          "running out of memory is MGRAD_NO_MEMORY, the session is spent, "
          "the process goes on",
          detail);
}

int main(void)
{
    check(strcmp(mgrad_version(), "0.1") >= 0, "mgrad_version", NULL);
    two_sessions();
    streams();
    quit();
    interrupt();
    interrupt_freeing();
    interrupt_dot();
    interrupt_by_signal();
    pictures();
    completion();
    help_topics();
    run_at();
    run_file();
    run_stdin();
    flags();
    node_counts();
    needs_more();
    help_and_busy();
    out_of_memory();
    return 0;
}
