/*
 * repl/repl.c — the interactive session loop.
 *
 * Input goes through readline's callback interface: the session waits for
 * the terminal with pselect() and feeds readline one character at a time.
 * That keeps signals in the session's hands. While it waits it frees, a
 * slice at a time, what an interrupt left unfreed (mgrad_idle). The signals it handles are
 * blocked except inside pselect() and while a statement runs, so none is
 * lost between a check of its flag and the wait:
 *
 *   SIGINT   while typing: the line (and an unfinished entry) is dropped
 *            and a fresh prompt shown; while a statement runs:
 *            mgrad_interrupt, which the run polls and reports. Bindings
 *            are kept either way.
 *   SIGWINCH readline learns the new size; pictures get it with the next
 *            entry (mgrad_set_size).
 *   SIGCONT  after a stop the terminal is set up for editing again.
 *   SIGHUP, SIGTERM  a running statement (even a load reading an endless
 *            pipe) stops as after Ctrl-C, then the session ends as after
 *            Ctrl-D, history saved; mgrad exits with 128 + the signal's
 *            number, as if the signal had ended it.
 *
 * An entry is one line, or several while mgrad_needs_more() says a
 * bracket or string is open; it runs as a text named "<repl>" whose first
 * line continues the session's line count (mgrad_run_at), so messages say
 * <repl>:7:3. quit or exit in it (MGRAD_QUIT) ends the session.
 */
#include "repl/repl.h"
#include "repl/internal.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/readline.h>

#define PROMPT "> "
#define PROMPT_MORE "... "

static volatile sig_atomic_t got_interrupt;
static volatile sig_atomic_t got_resize;
static volatile sig_atomic_t got_continue;
static volatile sig_atomic_t got_hangup;   /* the signal number */
/* While a statement runs: the terminal to put a newline on after ^C. */
static volatile sig_atomic_t running_fd = -1;

static const int session_signals[] = {SIGINT, SIGWINCH, SIGCONT, SIGHUP,
                                      SIGTERM};
enum { SESSION_SIGNAL_COUNT = sizeof session_signals / sizeof *session_signals };

typedef struct Session {
    MgradSession *mgrad;
    char *entry;              /* the lines of the unfinished entry, or NULL */
    size_t entry_length;
    int line_number;          /* first line of the next entry */
    int quit;                 /* an entry ran quit or exit */
    char *line;               /* handed over by on_line() */
    int line_ready;
    sigset_t handled;         /* session_signals, as a set */
    struct sigaction saved[SESSION_SIGNAL_COUNT];
} Session;

/* readline's callbacks carry no context. */
static Session *current;

static void on_signal(int sig)
{
    switch (sig) {
    case SIGINT:
        got_interrupt = 1;
        mgrad_interrupt();   /* nothing when no entry runs */
        /* The terminal echoed ^C; the run's report starts below. */
        if (running_fd >= 0) {
            int saved_errno = errno;
            if (write(running_fd, "\n", 1) < 0) {
                /* nothing to do: the newline is cosmetic */
            }
            errno = saved_errno;
        }
        break;
    case SIGWINCH:
        got_resize = 1;
        break;
    case SIGCONT:
        got_continue = 1;
        break;
    default:
        got_hangup = sig;
        mgrad_interrupt();
        break;
    }
}

static void install_signals(Session *s)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    /* No SA_RESTART: a signal must end the wait for input. */
    action.sa_flags = 0;
    sigemptyset(&s->handled);
    for (int i = 0; i < SESSION_SIGNAL_COUNT; i++) {
        sigaddset(&s->handled, session_signals[i]);
        sigaction(session_signals[i], &action, &s->saved[i]);
    }
}

static void restore_signals(Session *s)
{
    for (int i = 0; i < SESSION_SIGNAL_COUNT; i++)
        sigaction(session_signals[i], &s->saved[i], NULL);
}

static void on_line(char *line)
{
    /* Removing the handler here stops readline from showing a new prompt
     * before the entry has run. */
    rl_callback_handler_remove();
    current->line = line;
    current->line_ready = 1;
}

static void show_prompt(Session *s)
{
    fflush(stdout);
    rl_callback_handler_install(s->entry ? PROMPT_MORE : PROMPT, on_line);
}

static void drop_entry(Session *s)
{
    free(s->entry);
    s->entry = NULL;
    s->entry_length = 0;
}

/* Ctrl-C while typing: show ^C after what was typed, forget it all and
 * start again on a fresh line. */
static void cancel_line(Session *s)
{
    got_interrupt = 0;
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_point = rl_end;
    rl_redisplay();
    rl_echo_signal_char(SIGINT);
    rl_crlf();
    rl_replace_line("", 0);
    rl_callback_handler_remove();
    drop_entry(s);
    show_prompt(s);
}

/* One line from the user (readline's allocation), or NULL at the end of
 * input or after a hangup. */
static char *read_line(Session *s)
{
    sigset_t waiting;
    sigprocmask(SIG_BLOCK, &s->handled, &waiting);
    s->line = NULL;
    s->line_ready = 0;
    show_prompt(s);
    while (!s->line_ready) {
        if (got_hangup) {
            rl_callback_handler_remove();
            break;
        }
        if (got_interrupt) {
            cancel_line(s);
            continue;
        }
        if (got_resize) {
            got_resize = 0;
            rl_resize_terminal();   /* pictures measure it when drawn */
        }
        if (got_continue) {
            got_continue = 0;
            rl_cleanup_after_signal();
            rl_reset_after_signal();
            rl_forced_update_display();
        }
        /* While what an interrupt left is being freed, a slice at a time,
         * the wait only looks for input. */
        static const struct timespec look = {0, 0};
        int freeing = mgrad_idle();
        fd_set readable;
        FD_ZERO(&readable);
        FD_SET(STDIN_FILENO, &readable);
        int n = pselect(STDIN_FILENO + 1, &readable, NULL, NULL,
                        freeing ? &look : NULL, &waiting);
        if (n == 0)
            continue;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rl_callback_handler_remove();
            break;
        }
        rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &waiting, NULL);
    return s->line;
}

static void add_line(Session *s, const char *line)
{
    size_t n = strlen(line);
    if (!s->entry) {
        s->entry = repl_strdup(line);
        s->entry_length = n;
        return;
    }
    s->entry = repl_realloc(s->entry, s->entry_length + n + 2);
    s->entry[s->entry_length] = '\n';
    memcpy(s->entry + s->entry_length + 1, line, n + 1);
    s->entry_length += n + 1;
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

/* Pictures are drawn to the terminal's width (80 by 24 off a terminal);
 * `set width` still wins. */
static void measure_terminal(Session *s)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
        ws.ws_col > 0)
        mgrad_set_size(s->mgrad, ws.ws_col, ws.ws_row);
    else
        mgrad_set_size(s->mgrad, 0, 0);
}

static void run_entry(Session *s)
{
    int lines = 1;
    for (size_t i = 0; i < s->entry_length; i++)
        lines += s->entry[i] == '\n';
    repl_history_add(s->entry);
    if (!blank(s->entry)) {
        measure_terminal(s);
        got_interrupt = 0;
        running_fd = isatty(STDOUT_FILENO) ? STDOUT_FILENO : -1;
        MgradStatus status = mgrad_run_at(s->mgrad, s->entry,
                                          s->entry_length, "<repl>",
                                          s->line_number);
        running_fd = -1;
        /* A ^C after the last check must not stop the next entry (the run
         * has forgotten it), and an output error (a write cut short by the
         * signal) must not stick. */
        got_interrupt = 0;
        fflush(stdout);
        clearerr(stdout);
        if (status == MGRAD_NO_MEMORY)
            repl_out_of_memory();
        s->quit = status == MGRAD_QUIT;
    }
    s->line_number += lines;
    drop_entry(s);
}

/* Readline 8.2 ends the line itself at EOF when it leaves bracketed-paste
 * mode; otherwise the session does, so the shell prompt starts clean. */
static int readline_ended_line(void)
{
#if RL_READLINE_VERSION >= 0x0802
    const char *paste = rl_variable_value("enable-bracketed-paste");
    return rl_eof_found && isatty(STDIN_FILENO) && paste &&
           strcmp(paste, "on") == 0;
#else
    return 0;
#endif
}

/* The history file, for the fatal handler: running out of memory ends the
 * session (status 3), and the entries typed so far are kept all the same. */
static const char *fatal_history;

static void save_history_before_exit(void)
{
    if (fatal_history)
        repl_history_save(fatal_history);
}

int repl_run(MgradSession *mgrad)
{
    Session s;
    memset(&s, 0, sizeof s);
    s.mgrad = mgrad;
    s.line_number = 1;
    current = &s;

    rl_readline_name = "mgrad";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    repl_complete_init(mgrad);
    char *history = repl_history_path();
    repl_history_load(history);
    fatal_history = history;
    repl_set_memory_hook(save_history_before_exit);
    install_signals(&s);

    /* The dash only where the terminal's character set has it. */
    const char *codeset = nl_langinfo(CODESET);
    int utf8 = codeset && (strcmp(codeset, "UTF-8") == 0 ||
                           strcmp(codeset, "utf8") == 0);
    printf("mgrad %s %s type help for help, quit to leave\n",
           mgrad_version(), utf8 ? "\xe2\x80\x94" : "-");

    for (;;) {
        char *line = read_line(&s);
        if (!line && s.entry && !got_hangup) {
            /* Ctrl-D at the continuation prompt drops the unfinished
             * entry, as Python's REPL does; the session goes on. */
            if (!readline_ended_line())
                putchar('\n');
            drop_entry(&s);
            continue;
        }
        if (!line) {
            if (!got_hangup && !readline_ended_line()) {
                putchar('\n');
                fflush(stdout);
            }
            break;
        }
        add_line(&s, line);
        free(line);
        if (mgrad_needs_more(s.entry, s.entry_length))
            continue;
        run_entry(&s);
        if (s.quit || got_hangup)
            break;
    }

    drop_entry(&s);
    restore_signals(&s);
    repl_set_memory_hook(NULL);
    fatal_history = NULL;
    repl_history_save(history);
    free(history);
    current = NULL;
    return got_hangup;
}
