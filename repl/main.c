/*
 * repl/main.c — the command line: reads options, runs scripts, -e code and
 * standard input in command-line order in one session of the embedding
 * API (embed/mgrad.h), and starts the interactive session (repl/repl.c)
 * when there is nothing to run and the terminal is interactive, or when
 * -i asks for it. The session's output goes to stdout and its messages to
 * stderr, stdout flushed first so that the two keep their order.
 *
 * Exit status: 0 when everything ran, 1 when a script had an error, 2 for
 * bad usage, 3 out of memory (repl/message.c), 128 + N when signal N
 * (SIGHUP, SIGTERM) ended the session or the scripts: a script's run is
 * stopped as by Ctrl-C first, so that a Graphviz it started is stopped
 * and no half-written picture is left. quit/exit ends the run with the
 * status so far. docs/repl.md and the man page list them;
 * tests/run-status.sh checks.
 *
 * At exit the session and its graph are freed only when someone looks at
 * the memory (full_free_wanted()); otherwise the process ends and the
 * system takes its memory back, without a walk over millions of nodes.
 */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "repl/repl.h"
#include "repl/internal.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define MGRAD_HAVE_VALGRIND 1
#endif
#endif

/* See the man page, EXIT STATUS (repl/message.c exits 3 when memory runs
 * out). */
enum { EXIT_USAGE = 2, EXIT_SIGNAL = 128 };

/* One thing to run, in command-line order. */
typedef enum ActionKind { ACTION_FILE, ACTION_CODE, ACTION_STDIN } ActionKind;

typedef struct Action {
    ActionKind kind;
    const char *text;    /* the path or the code; unused for stdin */
} Action;

typedef struct Options {
    Action *actions;
    size_t count;
    int interactive;     /* -i */
} Options;

static const char usage_line[] = "usage: mgrad [options] [file.mg | -] ...\n";

static void print_help(void)
{
    fputs(usage_line, stdout);
    fputs("\n"
          "An interactive calculator for reverse-mode automatic\n"
          "differentiation over scalars. With no script and a terminal on\n"
          "standard input and output, mgrad starts an interactive session;\n"
          "otherwise it runs the scripts in order and exits.\n"
          "\n"
          "options:\n"
          "  -e CODE      run CODE (repeatable; runs in order with the files)\n"
          "  -i           stay in the interactive session after the scripts\n"
          "  -            read a script from standard input\n"
          "  --           end of options: later arguments are files\n"
          "  -h, --help   show this help and exit\n"
          "  --version    show the version and exit\n"
          "\n"
          "environment:\n"
          "  MGRAD_HISTORY   history file of the interactive session\n"
          "                  (default $XDG_STATE_HOME/mgrad/history, else\n"
          "                  ~/.local/state/mgrad/history)\n"
          "  NO_COLOR        no colour in messages\n"
          "\n"
          "Exit status: 0 on success, 1 if a script had an error, 2 for bad\n"
          "usage, 3 out of memory, 129 or 143 when SIGHUP or SIGTERM ended the\n"
          "session. Type help in the session for the language.\n",
          stdout);
}

static void usage_error(Options *opts, const char *message, const char *arg)
{
    repl_error(message, arg);
    fputs(usage_line, stderr);
    fputs("Try 'mgrad --help' for more information.\n", stderr);
    free(opts->actions);
    exit(EXIT_USAGE);
}

static void add_action(Options *opts, ActionKind kind, const char *text)
{
    opts->actions = repl_realloc(opts->actions,
                                 (opts->count + 1) * sizeof *opts->actions);
    opts->actions[opts->count].kind = kind;
    opts->actions[opts->count].text = text;
    opts->count++;
}

/* Reads every argument before anything runs, so that a usage error runs
 * nothing. --help and --version answer at once. */
static void parse_options(Options *opts, int argc, char **argv)
{
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-') {
            add_action(opts, ACTION_FILE, arg);
        } else if (strcmp(arg, "-") == 0) {
            add_action(opts, ACTION_STDIN, NULL);
        } else if (strcmp(arg, "--") == 0) {
            options_done = 1;
        } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            print_help();
            free(opts->actions);
            exit(0);
        } else if (strcmp(arg, "--version") == 0) {
            printf("mgrad %s\n", mgrad_version());
            free(opts->actions);
            exit(0);
        } else if (strcmp(arg, "-i") == 0) {
            opts->interactive = 1;
        } else if (strncmp(arg, "-e", 2) == 0 && arg[2] != '\0') {
            add_action(opts, ACTION_CODE, arg + 2);
        } else if (strcmp(arg, "-e") == 0) {
            if (i + 1 >= argc)
                usage_error(opts, "option '%s' needs code to run", arg);
            add_action(opts, ACTION_CODE, argv[++i]);
        } else {
            usage_error(opts, "unknown option '%s'", arg);
        }
    }
}

/* Pictures: box drawing needs a UTF-8 locale; anything else gets ASCII. */
static int ascii_locale(void)
{
    const char *codeset = nl_langinfo(CODESET);
    return !(codeset && (strcmp(codeset, "UTF-8") == 0 ||
                         strcmp(codeset, "utf8") == 0));
}

/* MGRAD_STATS=1, a sanitizer build (LeakSanitizer) or a run under
 * valgrind: every block must be seen freed. */
static int full_free_wanted(void)
{
    const char *stats = getenv("MGRAD_STATS");
    if (stats && strcmp(stats, "1") == 0)
        return 1;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_LEAK__)
    return 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(leak_sanitizer)
    return 1;
#endif
#endif
#ifdef MGRAD_HAVE_VALGRIND
    if (RUNNING_ON_VALGRIND)
        return 1;
#endif
    return 0;
}

/* SIGHUP or SIGTERM while the scripts run: the run stops as an interrupt
 * stops it (Graphviz stopped too), and mgrad exits with 128 + N. The
 * handler is for one signal: a second one ends the process at once. */
static volatile sig_atomic_t ended_by;

static void on_end_signal(int sig)
{
    ended_by = sig;
    mgrad_interrupt();
}

static void catch_end_signals(void)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_end_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

/* Runs one action. */
static MgradStatus run_action(MgradSession *session, const Action *action)
{
    switch (action->kind) {
    case ACTION_FILE:
        return mgrad_run_file(session, action->text);
    case ACTION_CODE:
        return mgrad_run(session, action->text, strlen(action->text), "<-e>");
    case ACTION_STDIN:
        break;
    }
    return mgrad_run_file(session, NULL);
}

/* The session's output and messages. */
static void to_stdout(void *context, const char *text, size_t length)
{
    (void)context;
    fwrite(text, 1, length, stdout);
}

static void to_stderr(void *context, const char *text, size_t length)
{
    (void)context;
    fflush(stdout);
    fwrite(text, 1, length, stderr);
}

/* Allocations from 128 KiB up (a big script's program and names, a
 * graph's order, the node pool's blocks) are mapped on their own, so
 * growing one moves its pages (mremap) instead of copying them. This is
 * the C library's first threshold; setting it keeps it there, where the
 * library would raise it each time such an array is freed and then grow
 * the next ones by copying within the heap. A program's choice, so it is
 * made here and not in the library. */
static void tune_allocator(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

int main(int argc, char **argv)
{
    /* The character set decides between box-drawing and ASCII pictures and
     * lets the line editor handle UTF-8; numbers keep the C format. */
    setlocale(LC_CTYPE, "");
    tune_allocator();

    int no_color = getenv("NO_COLOR") != NULL;
    int message_color = isatty(STDERR_FILENO) && !no_color;
    repl_set_message_color(message_color);

    Options opts = {NULL, 0, 0};
    parse_options(&opts, argc, argv);

    int session = opts.interactive;
    if (opts.count == 0 && !session) {
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
            session = 1;
        else
            add_action(&opts, ACTION_STDIN, NULL);
    }

    /* Scripts: fixed sizes, messages in colour on a terminal, pictures
     * without. */
    int flags = (ascii_locale() ? MGRAD_ASCII : 0) |
                (message_color ? MGRAD_COLOR_MESSAGES : 0);
    MgradSession *mgrad = mgrad_new(flags);
    if (!mgrad)
        repl_out_of_memory();
    MgradCallbacks callbacks = {NULL, to_stdout, to_stderr, NULL};
    mgrad_set_callbacks(mgrad, &callbacks);
    int status = 0, quit = 0;
    if (opts.count > 0)
        catch_end_signals();
    for (size_t i = 0; i < opts.count && !ended_by; i++) {
        /* The last script, when the process ends with it: nothing reads
         * its bindings afterwards. */
        if (i + 1 == opts.count && !session)
            mgrad_set_flags(mgrad, flags | MGRAD_LAST_RUN);
        MgradStatus ran = run_action(mgrad, &opts.actions[i]);
        fflush(stdout);
        if (ran == MGRAD_NO_MEMORY)
            repl_out_of_memory();
        if (ran == MGRAD_QUIT) {
            quit = 1;
            break;
        }
        if (ran != MGRAD_OK) {
            status = 1;
            break;
        }
    }
    free(opts.actions);
    if (ended_by) {
        status = EXIT_SIGNAL + ended_by;
        session = 0;
    }

    if (session && !quit) {
        /* A session: pictures in colour on a terminal (the REPL sizes them
         * to it). */
        if (isatty(STDOUT_FILENO) && !no_color)
            flags |= MGRAD_COLOR_OUTPUT;
        mgrad_set_flags(mgrad, flags);
        int signal_number = repl_run(mgrad);
        if (signal_number)
            status = EXIT_SIGNAL + signal_number;
    }

    if (full_free_wanted())
        mgrad_free(mgrad);
    if (getenv("MGRAD_STATS") && strcmp(getenv("MGRAD_STATS"), "1") == 0) {
        unsigned long long created = 0, most_alive = 0;
        mgrad_node_counts(&created, &most_alive);
        fprintf(stderr, "mgrad: stats: %llu nodes created, %llu alive at most\n",
                created, most_alive);
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        repl_error("cannot write standard output");
        status = 1;
    }
    return status;
}
