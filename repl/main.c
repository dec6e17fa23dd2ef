/*
 * repl/main.c — the command line: reads options, runs scripts, -e code and
 * standard input through one interpreter in command-line order, and starts
 * the interactive session (repl/repl.c) when there is nothing to run and
 * the terminal is interactive, or when -i asks for it.
 *
 * Exit status: 0 when everything ran, 1 when a script had an error, 2 for
 * bad usage, 3 out of memory (util/mem.c), 128 + N when signal N (SIGHUP,
 * SIGTERM) ended the session. quit/exit ends the run with the status so
 * far. docs/repl.md and the man page list them; tests/run-status.sh checks.
 *
 * At exit the interpreter and its graph are freed only when someone looks
 * at the memory (full_free_wanted()); otherwise the process ends and the
 * system takes its memory back, without a walk over millions of nodes.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "repl/repl.h"
#include "interp/interp.h"
#include "lib/lib.h"
#include "util/diag.h"
#include "util/source.h"
#include "util/mem.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define MGRAD_HAVE_VALGRIND 1
#endif
#endif

#ifndef MGRAD_VERSION
#define MGRAD_VERSION "0.1"
#endif

/* See the man page, EXIT STATUS (mem.c exits 3 when memory runs out). */
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

static void usage_error(Options *opts, const char *fmt, const char *arg)
{
    diag_plain(DIAG_ERROR, fmt, arg);
    fputs(usage_line, stderr);
    fputs("Try 'mgrad --help' for more information.\n", stderr);
    free(opts->actions);
    exit(EXIT_USAGE);
}

static void add_action(Options *opts, ActionKind kind, const char *text)
{
    opts->actions = mem_realloc(opts->actions,
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
            puts("mgrad " MGRAD_VERSION);
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

/* Scripts: fixed sizes, no colour. */
static InterpDisplay script_display(void)
{
    InterpDisplay d = {stdout, ascii_locale(), 0, NULL};
    return d;
}

static void terminal_size(int *columns, int *rows)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        *columns = ws.ws_col;
        *rows = ws.ws_row;
    }
}

/* A session: pictures sized to the terminal, colour on one (NO_COLOR
 * aside). */
static InterpDisplay terminal_display(void)
{
    int tty = isatty(STDOUT_FILENO);
    InterpDisplay d = {stdout, ascii_locale(), tty && !getenv("NO_COLOR"),
                       tty ? terminal_size : NULL};
    return d;
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

/* Runs one action; returns 0 when it ran cleanly, 1 after an error. */
static int run_action(Interp *in, const Action *action)
{
    Source *src = NULL;
    switch (action->kind) {
    case ACTION_FILE:
        src = source_from_file(action->text);
        if (!src) {
            diag_plain(DIAG_ERROR, "cannot read '%s': %s", action->text,
                       source_error());
            return 1;
        }
        break;
    case ACTION_CODE:
        src = source_new("<-e>", action->text, strlen(action->text));
        break;
    case ACTION_STDIN:
        src = source_from_stream("<stdin>", stdin);
        if (!src) {
            diag_plain(DIAG_ERROR, "cannot read standard input: %s",
                       source_error());
            return 1;
        }
        break;
    }
    int failed = interp_run_source(in, src);
    source_release(src);
    return failed != 0;
}

int main(int argc, char **argv)
{
    /* The character set decides between box-drawing and ASCII pictures and
     * lets the line editor handle UTF-8; numbers keep the C format. */
    setlocale(LC_CTYPE, "");
    mem_init();

    diag_set_color(isatty(STDERR_FILENO) && !getenv("NO_COLOR"));

    Options opts = {NULL, 0, 0};
    parse_options(&opts, argc, argv);

    int session = opts.interactive;
    if (opts.count == 0 && !session) {
        if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
            session = 1;
        else
            add_action(&opts, ACTION_STDIN, NULL);
    }

    Interp *in = interp_new(lib_library());
    InterpDisplay display = script_display();
    interp_set_display(in, &display);
    int status = 0;
    for (size_t i = 0; i < opts.count; i++) {
        if (run_action(in, &opts.actions[i]) != 0) {
            status = 1;
            break;
        }
        if (interp_quit_requested(in))
            break;
    }
    free(opts.actions);

    if (session && !interp_quit_requested(in)) {
        display = terminal_display();
        interp_set_display(in, &display);
        int signal_number = repl_run(in);
        if (signal_number)
            status = EXIT_SIGNAL + signal_number;
    }

    if (full_free_wanted())
        interp_free(in);
    if (getenv("MGRAD_STATS") && strcmp(getenv("MGRAD_STATS"), "1") == 0)
        interp_report_stats(stderr);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        diag_plain(DIAG_ERROR, "cannot write standard output");
        status = 1;
    }
    return status;
}
