/*
 * tests/unit/pty_test.c — the interactive session driven through a real
 * pseudo-terminal: banner and prompt, completion, history (in the session
 * and across sessions through the history file), the continuation prompt,
 * Ctrl-C while typing and while a long statement runs, an error followed by
 * a working line, Ctrl-D; loads that would never end (a device, a FIFO with
 * no writer, a FIFO that never ends) refused or stopped by Ctrl-C, and
 * SIGTERM during one ending the session with status 143; file names
 * completed inside load "..." (relative, ../, absolute, ~/); error messages
 * coloured on a terminal until set color off; SIGHUP ending the session
 * with status 129; recalled entries edited before Ctrl-D or SIGTERM, with
 * no leak reported under the sanitizer build.
 *
 * The binary comes from $MGRAD (default build/mgrad). Each session runs in
 * a fresh temporary directory that is also its HOME, with its own history
 * file, TERM=xterm and an 80x24 window. Output is matched after ANSI escape
 * sequences and carriage returns are stripped. Every wait has a timeout and
 * a watchdog ends the whole test, so it never hangs. With
 * PTY_TEST_TRANSCRIPT=file the sessions' stripped output is appended there.
 * Output follows the
 * suite protocol: one ok / not ok / skip line per check, exit status 0.
 */
#define _DEFAULT_SOURCE   /* forkpty() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

enum {
    TIMEOUT_MS = 5000,          /* for anything that should be quick */
    INTERRUPT_TIMEOUT_MS = 20000,
    WATCHDOG_SECONDS = 240,
    BIG_STATEMENTS = 2000000
};

/* A running session and what it has printed, stripped of escapes. */
typedef struct Session {
    pid_t pid;
    int fd;
    int eof;
    int exited, status;
    char *text;
    size_t length, capacity;
    size_t mark;               /* matching continues from here */
    int escape;                /* the stripper's state */
    char *raw;                 /* everything, escapes and all */
    size_t raw_length, raw_capacity;
} Session;

static const char *binary;
static char workdir[256];
static char history_path[512];
static volatile pid_t watched_child = -1;

/* ---- reporting ------------------------------------------------------------ */

static void ok(const char *name)
{
    printf("ok - %s\n", name);
    fflush(stdout);
}

/* The reason ends with the last bytes the session printed. */
static void not_ok(const Session *s, const char *name, const char *reason)
{
    printf("not ok - %s: %s", name, reason);
    if (s) {
        size_t from = s->length > 100 ? s->length - 100 : 0;
        printf("; output ends with \"");
        for (size_t i = from; i < s->length; i++) {
            unsigned char c = (unsigned char)s->text[i];
            if (c == '\n')
                printf("\\n");
            else if (c < 0x20 || c == 0x7f)
                printf("\\x%02x", c);
            else
                putchar(c);
        }
        putchar('"');
    }
    putchar('\n');
    fflush(stdout);
}

static void check(const Session *s, int passed, const char *name,
                  const char *reason)
{
    if (passed)
        ok(name);
    else
        not_ok(s, name, reason);
}

static void on_watchdog(int sig)
{
    (void)sig;
    if (watched_child > 0)
        kill(watched_child, SIGKILL);
    static const char message[] = "not ok - pty: watchdog: the test took "
                                  "too long and was stopped\n";
    if (write(STDOUT_FILENO, message, sizeof message - 1) < 0)
        _exit(0);
    _exit(0);
}

/* The latency limits are for the plain build; a sanitizer build runs
 * every allocation and access through its checks, and gets five times
 * as long. */
static int slowdown(void)
{
    return strstr(binary, "sanitize") ? 5 : 1;
}

/* ---- output ----------------------------------------------------------------- */

enum { PLAIN, ESCAPE, CSI, OSC, OSC_ESCAPE, CHARSET };

static void keep(Session *s, char c)
{
    if (s->length + 2 > s->capacity) {
        s->capacity = s->capacity ? 2 * s->capacity : 4096;
        s->text = realloc(s->text, s->capacity);
        if (!s->text) {
            perror("pty_test");
            exit(0);
        }
    }
    s->text[s->length++] = c;
    s->text[s->length] = '\0';
}

static void keep_raw(Session *s, const char *bytes, size_t n)
{
    if (s->raw_length + n + 1 > s->raw_capacity) {
        while (s->raw_length + n + 1 > s->raw_capacity)
            s->raw_capacity = s->raw_capacity ? 2 * s->raw_capacity : 4096;
        s->raw = realloc(s->raw, s->raw_capacity);
        if (!s->raw) {
            perror("pty_test");
            exit(0);
        }
    }
    memcpy(s->raw + s->raw_length, bytes, n);
    s->raw_length += n;
    s->raw[s->raw_length] = '\0';
}

/* Drops escape sequences (CSI, OSC, two-byte ones), \r, \b and BEL. */
static void strip(Session *s, const char *bytes, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)bytes[i];
        switch (s->escape) {
        case PLAIN:
            if (c == 0x1b)
                s->escape = ESCAPE;
            else if (c != '\r' && c != '\b' && c != '\a')
                keep(s, (char)c);
            break;
        case ESCAPE:
            if (c == '[')
                s->escape = CSI;
            else if (c == ']')
                s->escape = OSC;
            else if (c == '(' || c == ')' || c == '#')
                s->escape = CHARSET;
            else
                s->escape = PLAIN;
            break;
        case CSI:
            if (c >= 0x40 && c <= 0x7e)
                s->escape = PLAIN;
            break;
        case OSC:
            if (c == '\a')
                s->escape = PLAIN;
            else if (c == 0x1b)
                s->escape = OSC_ESCAPE;
            break;
        default:
            s->escape = PLAIN;
            break;
        }
    }
}

static long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Reads what is there within timeout_ms; 0 when the session ended. */
static int pump(Session *s, int timeout_ms)
{
    if (s->eof)
        return 0;
    struct pollfd p = {s->fd, POLLIN, 0};
    int n = poll(&p, 1, timeout_ms < 0 ? 0 : timeout_ms);
    if (n <= 0)
        return n == 0 || errno == EINTR;
    char buffer[4096];
    ssize_t got = read(s->fd, buffer, sizeof buffer);
    if (got <= 0) {
        if (got < 0 && (errno == EINTR || errno == EAGAIN))
            return 1;
        s->eof = 1;   /* EIO: the other side is closed */
        return 0;
    }
    keep_raw(s, buffer, (size_t)got);
    strip(s, buffer, (size_t)got);
    return 1;
}

/* Waits until needle appears after the mark; moves the mark past it. */
static int expect(Session *s, const char *needle, int timeout_ms)
{
    long deadline = now_ms() + timeout_ms;
    size_t from = s->mark, n = strlen(needle);
    for (;;) {
        if (s->text) {
            char *at = strstr(s->text + from, needle);
            if (at) {
                s->mark = (size_t)(at - s->text) + n;
                return 1;
            }
            /* what was searched is not searched again: megabytes of
             * output must not make the wait quadratic */
            if (s->length >= n && s->length - n + 1 > from)
                from = s->length - n + 1;
        }
        long left = deadline - now_ms();
        if (left <= 0 || !pump(s, (int)left))
            break;
    }
    return 0;
}

/* Reads whatever arrives for ms milliseconds. */
static void drain(Session *s, int ms)
{
    long deadline = now_ms() + ms;
    long left;
    while ((left = deadline - now_ms()) > 0 && pump(s, (int)left))
        ;
}

static void send(Session *s, const char *keys)
{
    size_t n = strlen(keys);
    while (n > 0) {
        ssize_t put = write(s->fd, keys, n);
        if (put < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        keys += put;
        n -= (size_t)put;
    }
}

/* Types a line, waits for its echo, then for want in what follows. */
static int enter(Session *s, const char *line, const char *want)
{
    send(s, line);
    send(s, "\r");
    return expect(s, line, TIMEOUT_MS) && expect(s, "\n", TIMEOUT_MS) &&
           expect(s, want, TIMEOUT_MS);
}

/* ---- sessions ----------------------------------------------------------------- */

static int start_in(Session *s, const char *dir);

static int start(Session *s)
{
    return start_in(s, workdir);
}

/* start, then the greeting and the first prompt; a failed start is a
 * failed test. */
static int start_greeted(Session *s)
{
    if (!start(s)) {
        not_ok(NULL, "pty: start", "forkpty failed");
        return 0;
    }
    expect(s, "type help for help", TIMEOUT_MS);
    expect(s, "\n> ", TIMEOUT_MS);
    return 1;
}

static int start_in(Session *s, const char *dir)
{
    memset(s, 0, sizeof *s);
    struct winsize size = {24, 80, 0, 0};
    fflush(stdout);
    pid_t pid = forkpty(&s->fd, NULL, NULL, &size);
    if (pid < 0)
        return 0;
    if (pid == 0) {
        if (chdir(dir) != 0)
            _exit(127);
        execl(binary, "mgrad", (char *)NULL);
        _exit(127);
    }
    s->pid = pid;
    watched_child = pid;
    ioctl(s->fd, TIOCSWINSZ, &size);
    return 1;
}

/* Waits up to timeout_ms for the session to end by itself. */
static int wait_exit(Session *s, int timeout_ms)
{
    long deadline = now_ms() + timeout_ms;
    while (!s->exited) {
        pid_t done = waitpid(s->pid, &s->status, WNOHANG);
        if (done == s->pid) {
            s->exited = 1;
            break;
        }
        if (now_ms() >= deadline)
            return 0;
        if (!pump(s, 50)) {
            struct timespec pause = {0, 20 * 1000000L};
            nanosleep(&pause, NULL);
        }
    }
    return 1;
}

static void finish(Session *s)
{
    if (!s->exited && s->pid > 0) {
        kill(s->pid, SIGKILL);
        waitpid(s->pid, &s->status, 0);
        s->exited = 1;
    }
    watched_child = -1;
    /* For a person looking into a failure: the whole session as matched. */
    const char *transcript = getenv("PTY_TEST_TRANSCRIPT");
    if (transcript && transcript[0] && s->text) {
        FILE *f = fopen(transcript, "a");
        if (f) {
            fputs(s->text, f);
            fputs("\n----\n", f);
            fclose(f);
        }
    }
    if (s->fd > 0)
        close(s->fd);
    free(s->text);
    s->text = NULL;
    free(s->raw);
    s->raw = NULL;
}

/* ---- the temporary directory ------------------------------------------------- */

static void remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (dir) {
            struct dirent *e;
            while ((e = readdir(dir)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                    continue;
                char child[1024];
                snprintf(child, sizeof child, "%s/%s", path, e->d_name);
                remove_tree(child);
            }
            closedir(dir);
        }
        rmdir(path);
    } else {
        unlink(path);
    }
}

static int write_big_script(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/big.mg", workdir);
    FILE *f = fopen(path, "w");
    if (!f)
        return 0;
    fputs("x_1 = 0.5;\n", f);
    for (int i = 1; i < BIG_STATEMENTS; i++)
        fprintf(f, "x_%d = tanh(x_%d*0.5 + 0.1);\n", i + 1, i);
    return fclose(f) == 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = 0, capacity = 4096;
    char *text = malloc(capacity);
    size_t got;
    while (text && (got = fread(text + n, 1, capacity - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == capacity)
            text = realloc(text, capacity *= 2);
    }
    fclose(f);
    if (text)
        text[n] = '\0';
    return text;
}

static void set_environment(void)
{
    char path[512];
    setenv("HOME", workdir, 1);
    snprintf(path, sizeof path, "%s/xdg-state", workdir);
    setenv("XDG_STATE_HOME", path, 1);
    /* In a directory that does not exist yet: the session must create it. */
    snprintf(history_path, sizeof history_path, "%s/state/mgrad/history",
             workdir);
    setenv("MGRAD_HISTORY", history_path, 1);
    setenv("TERM", "xterm", 1);
    setenv("INPUTRC", "/dev/null", 1);   /* no personal key bindings */
    unsetenv("COLUMNS");
    unsetenv("LINES");
    unsetenv("MGRAD_STATS");
}

/* ---- the checks ------------------------------------------------------------------ */

static void first_session(void)
{
    Session s;
    if (!start(&s)) {
        not_ok(NULL, "pty: start", "forkpty failed");
        return;
    }

    check(&s, expect(&s, "mgrad 0.1 ", TIMEOUT_MS) &&
                  expect(&s, "type help for help, quit to leave", TIMEOUT_MS) &&
                  expect(&s, "\n> ", TIMEOUT_MS),
          "pty: banner and prompt", "no banner or no prompt");

    check(&s, enter(&s, "a = 2", "a = 2\n") && expect(&s, "> ", TIMEOUT_MS),
          "pty: assignment shows its value", "no 'a = 2' after the input");

    send(&s, "polyt\t");
    check(&s, expect(&s, "polytree", TIMEOUT_MS),
          "pty: tab completes a command", "polyt<TAB> did not become polytree");
    send(&s, "\x15");   /* ^U: drop the line */
    drain(&s, 200);

    enter(&s, "myvariable = 3", "myvariable = 3\n");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "myv\t");
    int completed = expect(&s, "myvariable", TIMEOUT_MS);
    send(&s, "\r");
    check(&s, completed && expect(&s, "myvariable = 3", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: tab completes a bound name",
          "myv<TAB> did not become myvariable");

    send(&s, "\x1b[A");   /* Up */
    int recalled = expect(&s, "myvariable", TIMEOUT_MS);
    send(&s, "\r");
    check(&s, recalled && expect(&s, "myvariable = 3", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: up arrow recalls the previous entry",
          "the previous entry did not come back");

    send(&s, "(1 +\r");
    int more = expect(&s, "(1 +", TIMEOUT_MS) && expect(&s, "\n... ", TIMEOUT_MS);
    check(&s, more && enter(&s, "2)", "3\n") && expect(&s, "> ", TIMEOUT_MS),
          "pty: continuation prompt while a bracket is open",
          "no '... ' prompt or no 3");

    send(&s, "for k in range(3) {\r");
    int block = expect(&s, "range(3) {", TIMEOUT_MS) &&
                expect(&s, "\n... ", TIMEOUT_MS);
    send(&s, "print(k * 10);\r");
    block = block && expect(&s, "\n... ", TIMEOUT_MS);
    check(&s, block && enter(&s, "}", "20\n") && expect(&s, "> ", TIMEOUT_MS),
          "pty: continuation prompt while a block is open",
          "no '... ' prompt inside the block, or the loop did not run");

    /* Python's REPL: an indented block goes on until an empty line; a
     * line indented at the top level is an error and does not run, so a
     * failed header never runs its body line by line. */
    send(&s, "for k in range(2):\r");
    int indented = expect(&s, "range(2):", TIMEOUT_MS) &&
                   expect(&s, "\n... ", TIMEOUT_MS);
    send(&s, "    print(k + 40)\r");
    indented = indented && expect(&s, "\n... ", TIMEOUT_MS);
    check(&s, indented && enter(&s, "", "41\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: an indented block runs at the empty line after it",
          "no '... ' prompt inside the block, or the loop did not run");
    check(&s, enter(&s, "    zz = 5", "unexpected indent") &&
                  expect(&s, "> ", TIMEOUT_MS) &&
                  enter(&s, "zz", "undefined name 'zz'"),
          "pty: a line indented at the top level is an error and does not run",
          "no 'unexpected indent', or the line ran");

    send(&s, "spin = 0; while 1 { spin += 1; }\r");
    expect(&s, "while 1", TIMEOUT_MS);
    drain(&s, 300);
    send(&s, "\x03");
    int looped = expect(&s, "interrupted", INTERRUPT_TIMEOUT_MS) &&
                 expect(&s, "> ", TIMEOUT_MS);
    check(&s, looped && enter(&s, "spin.data > 0 and a == 2", "1\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: Ctrl-C stops a loop and keeps every binding",
          "no 'interrupted', or the loop's and older bindings lost");

    /* Showing 50 million numbers (one row of 100 000, 500 times: little
     * memory; set items all shows every one) takes far longer than the
     * wait; Ctrl-C stops it where it has got to. */
    enter(&s, "set items all", "");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "row = range(100000); [row for i in range(500)]\r");
    expect(&s, "range(500)]", TIMEOUT_MS);
    drain(&s, 300);
    send(&s, "\x03");
    int shown = expect(&s, "interrupted", INTERRUPT_TIMEOUT_MS) &&
                expect(&s, "> ", TIMEOUT_MS);
    check(&s, shown && enter(&s, "a", "a = 2\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: Ctrl-C stops showing a long list",
          "no 'interrupted' soon after ^C, or 'a' lost");

    send(&s, "abc");
    int typed = expect(&s, "abc", TIMEOUT_MS);
    send(&s, "\x03");
    int fresh = typed && expect(&s, "\n> ", TIMEOUT_MS);
    check(&s, fresh && enter(&s, "a", "a = 2\n") && expect(&s, "> ", TIMEOUT_MS),
          "pty: Ctrl-C drops the line being typed",
          "no fresh prompt after ^C, or 'a' not 2 after it");

    check(&s, enter(&s, "1/0", "error:") && expect(&s, "^", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS) &&
                  enter(&s, "a + 1", "3\n") && expect(&s, "> ", TIMEOUT_MS),
          "pty: an error, then the session goes on",
          "no error with a caret for 1/0, or a + 1 not 3 after it");

    if (!write_big_script()) {
        printf("skip - pty: Ctrl-C interrupts a long statement: cannot "
               "write big.mg\n");
    } else {
        send(&s, "load \"big.mg\"\r");
        expect(&s, "load \"big.mg\"", TIMEOUT_MS);
        expect(&s, "\n", TIMEOUT_MS);
        drain(&s, 300);
        long sent = now_ms();
        send(&s, "\x03");
        /* On a loaded machine the Ctrl-C may land while the 60 MB file is
         * still being read: then load "cannot read 'big.mg': Interrupted". */
        int stopped = expect(&s, "nterrupted", INTERRUPT_TIMEOUT_MS) &&
                      expect(&s, "> ", TIMEOUT_MS);
        long took = now_ms() - sent;
        char name[128];
        snprintf(name, sizeof name,
                 "pty: Ctrl-C interrupts a long statement (%.1f s)",
                 took / 1000.0);
        check(&s, stopped && enter(&s, "a", "a = 2\n") &&
                      expect(&s, "> ", TIMEOUT_MS),
              name, "no 'interrupted' and prompt, or 'a' lost");
        char path[512];
        snprintf(path, sizeof path, "%s/big.mg", workdir);
        unlink(path);
    }

    enter(&s, "lastentry = 7", "lastentry = 7\n");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "\x04");   /* Ctrl-D */
    int left = wait_exit(&s, TIMEOUT_MS);
    check(&s, left && WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0,
          "pty: Ctrl-D leaves with status 0",
          left ? "exit status not 0" : "the session did not end");
    finish(&s);

    char *history = read_file(history_path);
    check(NULL, history && strstr(history, "a = 2\n") &&
                    strstr(history, "myvariable = 3\n") &&
                    strstr(history, "(1 +\n2)\n") &&
                    strstr(history, "lastentry = 7\n") &&
                    !strstr(history, "abc"),
          "pty: history file written at exit",
          history ? "entries missing from the history file"
                  : "no history file");
    free(history);
}

static void second_session(void)
{
    Session s;
    if (!start(&s)) {
        not_ok(NULL, "pty: start", "forkpty failed");
        return;
    }
    expect(&s, "type help for help", TIMEOUT_MS);
    int prompt = expect(&s, "\n> ", TIMEOUT_MS);
    send(&s, "\x1b[A");
    check(&s, prompt && expect(&s, "lastentry = 7", TIMEOUT_MS),
          "pty: a new session recalls the last entry of the previous one",
          "up arrow did not bring back 'lastentry = 7'");
    send(&s, "\x15");
    drain(&s, 200);
    send(&s, "quit\r");
    int left = wait_exit(&s, TIMEOUT_MS);
    check(&s, left && WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0,
          "pty: quit leaves with status 0",
          left ? "exit status not 0" : "the session did not end");
    finish(&s);
}

/* ---- editing recalled history ------------------------------------------------ */

/* Whether the session's output holds a sanitizer's report. */
static int sanitizer_spoke(const Session *s)
{
    return s->text && (strstr(s->text, "LeakSanitizer") ||
                       strstr(s->text, "AddressSanitizer") ||
                       strstr(s->text, "runtime error:"));
}

/* Recalled entries edited and left (readline keeps an undo list on each),
 * then the session ends by Ctrl-D or by SIGTERM with an edit under way.
 * Under the sanitizer build (make check SANITIZE=1) a leak at exit makes
 * the exit status 86 and prints a report: both are checked. */
static void history_edit_session(int by_signal)
{
    Session s;
    if (!start_greeted(&s))
        return;
    enter(&s, "first = 1", "first = 1\n");
    expect(&s, "> ", TIMEOUT_MS);
    enter(&s, "second = 2", "second = 2\n");
    expect(&s, "> ", TIMEOUT_MS);

    send(&s, "\x1b[A");                       /* second = 2 */
    int recalled = expect(&s, "second = 2", TIMEOUT_MS);
    send(&s, "\x7f" "9");                     /* edited: second = 9 */
    send(&s, "\x1b[A");                       /* first = 1 */
    recalled = recalled && expect(&s, "first = 1", TIMEOUT_MS);
    send(&s, "\x7f" "8");                     /* edited: first = 8 */
    send(&s, "\x1b[B");                       /* back to second = 9 */
    recalled = recalled && expect(&s, "second = 9", TIMEOUT_MS);
    send(&s, "\x1b[B");                       /* back to the new line */
    drain(&s, 200);
    int ran = enter(&s, "third = 3", "third = 3\n") &&
              expect(&s, "> ", TIMEOUT_MS);
    send(&s, "\x1b[A" "\x7f" "4");           /* an edit under way */
    drain(&s, 200);

    const char *name;
    int want;
    if (by_signal) {
        kill(s.pid, SIGTERM);
        name = "pty: SIGTERM while a recalled entry is edited: exit 143, "
               "no leak";
        want = 128 + SIGTERM;
    } else {
        send(&s, "\x15\x04");                 /* clear the line, Ctrl-D */
        name = "pty: edited history, then Ctrl-D: exit 0, no leak";
        want = 0;
    }
    int left = wait_exit(&s, TIMEOUT_MS);
    drain(&s, 100);
    check(&s, recalled && ran && left && WIFEXITED(s.status) &&
                  WEXITSTATUS(s.status) == want && !sanitizer_spoke(&s),
          name,
          !recalled || !ran    ? "recalling and editing did not work"
          : !left              ? "the session did not end"
          : sanitizer_spoke(&s) ? "a sanitizer report at exit"
                               : "wrong exit status");
    finish(&s);
}

/* ---- file name completion and colour ----------------------------------------- */

/* Inside load "...", TAB completes file names written relative to the
 * current directory, with ../, absolute, and with ~/ (written out, since
 * load does not expand ~); a completed name then loads. */
static void completion_session(void)
{
    char sub[512], script[512];
    snprintf(sub, sizeof sub, "%s/sub", workdir);
    snprintf(script, sizeof script, "%s/loadme.mg", workdir);
    FILE *f = fopen(script, "w");
    if (mkdir(sub, 0700) != 0 || !f) {
        if (f)
            fclose(f);
        printf("skip - pty: file name completion: cannot make files\n");
        return;
    }
    fputs("print \"loaded\"\n", f);
    fclose(f);
    char many[512];
    snprintf(many, sizeof many, "%s/many.mg", workdir);
    f = fopen(many, "w");
    if (!f) {
        printf("skip - pty: file name completion: cannot make files\n");
        return;
    }
    for (int i = 0; i < 100000; i++)
        fprintf(f, "xq%d = %d;\n", i, i);
    fclose(f);

    Session s;
    if (!start_in(&s, sub)) {
        not_ok(NULL, "pty: start", "forkpty failed");
        return;
    }
    expect(&s, "type help for help", TIMEOUT_MS);
    expect(&s, "\n> ", TIMEOUT_MS);

    send(&s, "load \"../loadm\t");
    int completed = expect(&s, "load \"../loadme.mg\"", TIMEOUT_MS);
    send(&s, "\r");
    check(&s, completed && expect(&s, "\nloaded\n", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: tab completes a file name after ../",
          "load \"../loadm<TAB> did not become ../loadme.mg, or did not load");

    char line[700], want[700];
    snprintf(line, sizeof line, "load \"%s/loadm\t", workdir);
    snprintf(want, sizeof want, "load \"%s/loadme.mg\"", workdir);
    send(&s, line);
    completed = expect(&s, want, TIMEOUT_MS);
    send(&s, "\r");
    check(&s, completed && expect(&s, "\nloaded\n", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: tab completes an absolute file name",
          "an absolute name did not complete, or did not load");

    /* HOME is workdir. Readline backs over "~/loadm" to write the name
     * out, so only the new text is looked for. */
    send(&s, "load \"~/loadm\t");
    snprintf(want, sizeof want, "%s/loadme.mg\"", workdir);
    completed = expect(&s, want, TIMEOUT_MS);
    send(&s, "\r");
    check(&s, completed && expect(&s, "\nloaded\n", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: tab completes a file name after ~/, writing out the home",
          "load \"~/loadm<TAB> did not become the full name, or did not load");

    send(&s, "load \"../su\t");
    check(&s, expect(&s, "load \"../sub/", TIMEOUT_MS),
          "pty: tab completes a directory after ../",
          "load \"../su<TAB> did not become ../sub/");
    send(&s, "\x15");
    drain(&s, 200);

    /* Single quotes are strings too: a file name, not a function name. */
    send(&s, "load '../loadm\t");
    completed = expect(&s, "load '../loadme.mg'", TIMEOUT_MS);
    send(&s, "\r");
    check(&s, completed && expect(&s, "\nloaded\n", TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: tab completes a file name inside single quotes",
          "load '../loadm<TAB> did not become '../loadme.mg'");

    /* After help: the topics too. */
    send(&s, "help trai\t");
    check(&s, expect(&s, "help training", TIMEOUT_MS),
          "pty: tab completes a help topic", "help trai<TAB> did not become "
          "help training");
    send(&s, "\x15");
    drain(&s, 200);

    /* After a dot: the attributes, label among them. */
    enter(&s, "vx = 2;", "");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "vx.lab\t");
    check(&s, expect(&s, "vx.label", TIMEOUT_MS),
          "pty: tab completes .label", "vx.lab<TAB> did not become vx.label");
    send(&s, "\x15");
    drain(&s, 200);
    send(&s, "m = mlp(2, [1]);\r");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "m.zero_\t");
    int zero = expect(&s, "m.zero_grad", TIMEOUT_MS);
    send(&s, "\x15");
    drain(&s, 200);
    send(&s, "m.param\t");
    check(&s, zero && expect(&s, "m.parameters", TIMEOUT_MS),
          "pty: tab completes a model's zero_grad and parameters",
          "m.zero_<TAB> or m.param<TAB> did not complete");
    send(&s, "\x15");
    drain(&s, 200);

    /* 100 000 bound names: the first TAB answers at once (the list of
     * candidates is sorted once, not searched for each name). */
    enter(&s, "load \"../many.mg\"", "");
    expect(&s, "> ", 120000);   /* 100 000 statements: slow under ASan */
    long sent = now_ms();
    send(&s, "xq\t\t");
    int listed = expect(&s, "Display all 100000 possibilities",
                        60000 * slowdown());
    long took = now_ms() - sent;
    char name[128];
    snprintf(name, sizeof name,
             "pty: completion among 100000 names answers in %.2f s%s",
             took / 1000.0, slowdown() > 1 ? "" : " (< 2 s)");
    /* A sanitizer build is checked for the answer, not for its speed:
     * its allocator makes each of the 100 000 candidates slow. */
    check(&s, listed && (took < 2000 || slowdown() > 1), name,
          "no list, or too slow");
    send(&s, "n");
    drain(&s, 200);
    send(&s, "\x15");
    drain(&s, 200);

    send(&s, "quit\r");
    wait_exit(&s, TIMEOUT_MS);
    finish(&s);
    unlink(script);
    unlink(many);
    rmdir(sub);
}

/* Whether the raw output from offset on holds the colour of "error". */
static int red_since(const Session *s, size_t offset)
{
    return s->raw && offset <= s->raw_length &&
           strstr(s->raw + offset, "\033[1;31merror") != NULL;
}

/* On a terminal with NO_COLOR unset, error messages are coloured until
 * `set color off`, and again after `set color on`. */
static void color_session(void)
{
    const char *no_color = getenv("NO_COLOR");
    char *saved = no_color ? strdup(no_color) : NULL;
    unsetenv("NO_COLOR");
    Session s;
    int started = start(&s);
    if (saved) {
        setenv("NO_COLOR", saved, 1);
        free(saved);
    }
    if (!started) {
        not_ok(NULL, "pty: start", "forkpty failed");
        return;
    }
    expect(&s, "type help for help", TIMEOUT_MS);
    expect(&s, "\n> ", TIMEOUT_MS);

    size_t from = s.raw_length;
    int shown = enter(&s, "1/0", "error:") && expect(&s, "> ", TIMEOUT_MS);
    check(&s, shown && red_since(&s, from),
          "pty: errors are coloured on a terminal",
          "no red 'error' in the raw output");

    enter(&s, "set color off", "> ");
    from = s.raw_length;
    shown = enter(&s, "1/0", "error:") && expect(&s, "> ", TIMEOUT_MS);
    check(&s, shown && !red_since(&s, from) &&
                  !strstr(s.raw + from, "\033[1m"),
          "pty: set color off takes the colour out of errors",
          "the error after set color off is still coloured");

    enter(&s, "set color on", "> ");
    from = s.raw_length;
    shown = enter(&s, "1/0", "error:") && expect(&s, "> ", TIMEOUT_MS);
    check(&s, shown && red_since(&s, from),
          "pty: set color on puts it back",
          "no red 'error' after set color on");

    /* The terminal going away, as far as the session can tell. */
    kill(s.pid, SIGHUP);
    int left = wait_exit(&s, TIMEOUT_MS);
    check(&s, left && WIFEXITED(s.status) &&
                  WEXITSTATUS(s.status) == 128 + SIGHUP,
          "pty: SIGHUP at the prompt ends the session with status 129",
          left ? "exit status not 129" : "the session did not end");
    finish(&s);
}

/* ---- reading files that never end ------------------------------------------ */

/* A writer on the FIFO at path that sends "x = 1;" lines without end (64 KiB
 * every 2 ms, so memory stays small) until the reader goes away. */
static pid_t start_writer(const char *path)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    signal(SIGPIPE, SIG_DFL);   /* the reader gone: end quietly */
    int fd = open(path, O_WRONLY);
    if (fd < 0)
        _exit(0);
    static char block[7 * 9362];
    for (size_t i = 0; i < sizeof block; i++)
        block[i] = "x = 1;\n"[i % 7];
    for (;;) {
        if (write(fd, block, sizeof block) < 0)
            _exit(0);
        struct timespec pause = {0, 2 * 1000000L};
        nanosleep(&pause, NULL);
    }
}

static void stop_writer(pid_t pid)
{
    if (pid > 0) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
}

/* load of a device, of a FIFO with no writer, of a FIFO that never ends:
 * refused at once, or stopped by Ctrl-C, and the session goes on; then
 * SIGTERM stops an endless load and ends the session with status 143,
 * history saved. */
static void endless_session(void)
{
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/endless.fifo", workdir);
    if (mkfifo(fifo, 0600) != 0) {
        printf("skip - pty: loads that never end: mkfifo failed\n");
        return;
    }
    Session s;
    if (!start(&s)) {
        not_ok(NULL, "pty: start", "forkpty failed");
        unlink(fifo);
        return;
    }
    expect(&s, "type help for help", TIMEOUT_MS);
    expect(&s, "\n> ", TIMEOUT_MS);
    enter(&s, "a = 2", "a = 2\n");
    expect(&s, "> ", TIMEOUT_MS);

    check(&s, enter(&s, "load \"/dev/zero\"", "load: cannot read '/dev/zero': "
                    "Not a regular file or a pipe") &&
                  expect(&s, "> ", TIMEOUT_MS) && enter(&s, "a", "a = 2\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: load \"/dev/zero\" is refused at once",
          "no error for /dev/zero, or the session did not go on");

    /* Nobody writes: opening the FIFO waits until Ctrl-C. */
    send(&s, "load \"endless.fifo\"\r");
    expect(&s, "load \"endless.fifo\"", TIMEOUT_MS);
    expect(&s, "\n", TIMEOUT_MS);
    drain(&s, 300);
    send(&s, "\x03");
    check(&s, expect(&s, "cannot read 'endless.fifo': Interrupted\n",
                     INTERRUPT_TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS) && enter(&s, "a", "a = 2\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: Ctrl-C stops a load waiting for a writer",
          "no 'Interrupted' and prompt, or 'a' lost");

    pid_t writer = start_writer(fifo);
    send(&s, "load \"endless.fifo\"\r");
    expect(&s, "load \"endless.fifo\"", TIMEOUT_MS);
    expect(&s, "\n", TIMEOUT_MS);
    drain(&s, 300);
    send(&s, "\x03");
    check(&s, expect(&s, "cannot read 'endless.fifo': Interrupted\n",
                     INTERRUPT_TIMEOUT_MS) &&
                  expect(&s, "> ", TIMEOUT_MS) && enter(&s, "a", "a = 2\n") &&
                  expect(&s, "> ", TIMEOUT_MS),
          "pty: Ctrl-C stops a load of a FIFO that never ends",
          "no 'Interrupted' and prompt, or 'a' lost");
    stop_writer(writer);

    writer = start_writer(fifo);
    send(&s, "load \"endless.fifo\"\r");
    expect(&s, "load \"endless.fifo\"", TIMEOUT_MS);
    expect(&s, "\n", TIMEOUT_MS);
    drain(&s, 300);
    kill(s.pid, SIGTERM);
    int stopped = expect(&s, "Interrupted\n", INTERRUPT_TIMEOUT_MS);
    int left = wait_exit(&s, TIMEOUT_MS);
    check(&s, stopped && left && WIFEXITED(s.status) &&
                  WEXITSTATUS(s.status) == 128 + SIGTERM,
          "pty: SIGTERM stops an endless load and ends with status 143",
          !stopped ? "the load was not interrupted"
          : !left  ? "the session did not end"
                   : "exit status not 143");
    stop_writer(writer);
    finish(&s);
    unlink(fifo);

    char *history = read_file(history_path);
    check(NULL, history && strstr(history, "load \"endless.fifo\"\n"),
          "pty: history saved after SIGTERM",
          "the last load is not in the history file");
    free(history);
}

/* Under LC_ALL=C the banner is plain ASCII; Ctrl-D at the continuation
 * prompt drops the unfinished entry and the session goes on (as Python's
 * REPL does), with its bindings. */
static void plain_locale_session(void)
{
    const char *was = getenv("LC_ALL");
    char saved[64] = "";
    if (was)
        snprintf(saved, sizeof saved, "%s", was);
    setenv("LC_ALL", "C", 1);
    Session s;
    int started = start(&s);
    if (was)
        setenv("LC_ALL", saved, 1);
    else
        unsetenv("LC_ALL");
    if (!started) {
        not_ok(NULL, "pty: start under LC_ALL=C", "forkpty failed");
        return;
    }
    check(&s, expect(&s, "mgrad 0.1 - type help for help", TIMEOUT_MS) &&
                  expect(&s, "\n> ", TIMEOUT_MS),
          "pty: the banner is ASCII under LC_ALL=C",
          "no 'mgrad 0.1 - type help' banner");
    enter(&s, "kept = 4", "kept = 4\n");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "if 1 {\r");
    int more = expect(&s, "... ", TIMEOUT_MS);
    send(&s, "\x04");   /* Ctrl-D at the continuation prompt */
    check(&s, more && expect(&s, "> ", TIMEOUT_MS) &&
                  enter(&s, "kept", "kept = 4\n"),
          "pty: Ctrl-D at ... drops the entry and the session goes on",
          "no fresh prompt, or 'kept' lost");
    /* The prompt first: a Ctrl-D typed while the terminal still has its
     * line discipline on (between an entry's output and readline's next
     * prompt) is an end-of-file mark that the switch to raw input drops. */
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "\x04");
    int left = wait_exit(&s, TIMEOUT_MS);
    check(&s, left && WIFEXITED(s.status) && WEXITSTATUS(s.status) == 0,
          "pty: then Ctrl-D on an empty line leaves with status 0",
          left ? "exit status not 0" : "the session did not end");
    finish(&s);
}

/* One long path: `setup` (if any) runs, `statement` starts, Ctrl-C comes
 * 300 ms later; the report "interrupted" must follow within 1 s, and then
 * `probe` must show `want` (the bindings as they were). The latency is in
 * the test's name, so the suite's log holds the figure. */
/* interrupt_when, with the Ctrl-C sent wait_ms after the statement
 * started (or showed started); its message is "interrupted" or, for a
 * statement that ends at once when interrupted, none (said NULL). */
static void interrupt_after(Session *s, const char *what, const char *setup,
                            const char *statement, const char *started,
                            int wait_ms, const char *said, const char *probe,
                            const char *want)
{
    if (setup) {
        send(s, setup);
        send(s, "\r");
        expect(s, "> ", INTERRUPT_TIMEOUT_MS);
    }
    send(s, statement);
    send(s, "\r");
    expect(s, "\n", TIMEOUT_MS);
    if (started)
        expect(s, started, INTERRUPT_TIMEOUT_MS);
    drain(s, wait_ms);
    long sent = now_ms();
    send(s, "\x03");
    int stopped = expect(s, said ? said : "> ", INTERRUPT_TIMEOUT_MS);
    long took = now_ms() - sent;
    stopped = stopped && (!said || expect(s, "> ", TIMEOUT_MS));
    char name[160];
    snprintf(name, sizeof name, "pty: Ctrl-C stops %s in %.3f s (< %d s)",
             what, took / 1000.0, slowdown());
    check(s, stopped && took < 1000 * slowdown() && enter(s, probe, want) &&
                 expect(s, "> ", TIMEOUT_MS),
          name, "too slow, no 'interrupted', or a binding changed");
}

static void interrupt_when(Session *s, const char *what, const char *setup,
                           const char *statement, const char *started,
                           const char *probe, const char *want)
{
    interrupt_after(s, what, setup, statement, started, 300, "interrupted",
                    probe, want);
}

static void interrupt_path(Session *s, const char *what, const char *setup,
                           const char *statement, const char *probe,
                           const char *want)
{
    interrupt_when(s, what, setup, statement, NULL, probe, want);
}

/* Ctrl-C lands at once where a list is built, and an interrupted
 * statement binds nothing. */
static void interrupt_session(void)
{
    Session s;
    if (!start_greeted(&s))
        return;
    interrupt_path(&s, "range(1e8) in an assignment", "xs = 5",
                   "xs = range(100000000);", "xs", "xs = 5\n");
    interrupt_path(&s, "a for loop over range(1e8) before its body",
                   NULL, "for j in range(100000000) { t = j; }",
                   "print(j, t)", "undefined name 'j'");
    interrupt_path(&s, "a comprehension of 3e7 items", NULL,
                   "ys = [k * 2 for k in range(30000000)];",
                   "ys", "undefined name 'ys'");
    interrupt_path(&s, "xs + xs", "zs = range(40000000);",
                   "ws = zs + zs;", "ws", "undefined name 'ws'");
    interrupt_path(&s, "zip of 4e7 items", NULL,
                   "ps = zip(zs, zs);", "ps", "undefined name 'ps'");
    /* Late, ten million rows are made: they are freed a slice at a time
     * after the prompt is back, not before. */
    interrupt_after(&s, "zip of 4e7 items, 1.5 s in", NULL,
                    "ps = zip(zs, zs);", NULL, 1500, "interrupted", "ps",
                    "undefined name 'ps'");
    /* Freeing a list of five million pairs when its name is rebound: the
     * binding is made first, and stays. Where the freeing is fast (a
     * sanitizer's free) the Ctrl-C may come after it, with no message:
     * the prompt is what is timed (embed_test interrupts a freeing every
     * time). */
    interrupt_after(&s, "freeing 5e6 pairs", "qs = zip(range(5000000), "
                    "range(5000000));", "qs = 0", NULL, 30, NULL,
                    "qs", "qs = 0\n");

    /* dot rendering into a file: interrupted, Graphviz is stopped too, and
     * the picture that was there is kept whole (the new one is written
     * beside it and renamed only when complete). Graphviz's layout of
     * 200 000 nodes takes far longer than the test waits, so the Ctrl-C
     * always lands while the graph is being sent. */
    if (access("/usr/bin/dot", X_OK) == 0) {
        char keep[512], statement[600];
        snprintf(keep, sizeof keep, "%s/keep.svg", workdir);
        FILE *f = fopen(keep, "w");
        if (f) {
            fputs("old\n", f);
            fclose(f);
        }
        snprintf(statement, sizeof statement, "dot y \"%s\"", keep);
        interrupt_path(&s, "dot rendering an .svg (Graphviz stopped too)",
                       "y = 1; repeat 200000 { y = y*0.5 + 1; }", statement,
                       "print(3)", "3\n");
        char *kept = read_file(keep);
        check(&s, kept && strcmp(kept, "old\n") == 0,
              "pty: an interrupted dot leaves the file that was there as it was",
              "the file changed");
        free(kept);
        /* A graph of 2 000 steps is sent at once, and Graphviz then lays
         * it out for minutes: the Ctrl-C lands during that wait. */
        snprintf(statement, sizeof statement, "dot u \"%s\"", keep);
        interrupt_path(&s, "dot while Graphviz lays the graph out",
                       "u = 1; repeat 2000 { u = u*0.5 + 1; }", statement,
                       "print(4)", "4\n");
        unlink(keep);
    }
    send(&s, "quit\r");
    wait_exit(&s, TIMEOUT_MS);
    finish(&s);
}

/* Ctrl-C on the long paths an audit found deaf to it: a report of two
 * million gradients, polytree drawing millions of rows, the views of a
 * long graph, a model of nine million parameters, sum over a long list.
 * Each must stop within the limit and bind nothing. */
static void long_paths_session(void)
{
    Session s;
    if (!start_greeted(&s))
        return;
    interrupt_path(&s, "sum over a list of 4e7 numbers",
                   "zs = range(40000000);", "total = sum(zs);", "total",
                   "undefined name 'total'");
    interrupt_path(&s, "mlp(10, [3000, 3000, 1])", NULL,
                   "m = mlp(10, [3000, 3000, 1]);", "m",
                   "undefined name 'm'");
    /* five nodes a step, two of them named: backward reports 2e6 lines;
     * the Ctrl-C comes once the report is being printed */
    interrupt_when(&s, "backward's report on a 5e6-node chain",
                   "y = 0.5; repeat 1000000 { w = 0.01; "
                   "y = tanh(y*0.5 + w) }",
                   "backward y", "dy", "print(w.data)", "0.01\n");
    /* the views of a graph of 4e6 nodes: 300 ms after the command, and
     * once it prints */
    const char *views[][2] = {
        {"polytree p", "grad"}, {"tree p", "grad"}, {"explain p", " += "},
        {"check p", NULL}, {"vars", NULL},
    };
    send(&s, "p = 0.5; repeat 1000000 { p = tanh(p*0.5 + 0.01) }\r");
    expect(&s, "> ", INTERRUPT_TIMEOUT_MS);
    for (size_t k = 0; k < sizeof views / sizeof *views; k++) {
        char what[96];
        snprintf(what, sizeof what, "%s on a 1e6-step graph", views[k][0]);
        interrupt_path(&s, what, NULL, views[k][0], "print(p.data > 0)",
                       "1\n");
        if (views[k][1]) {
            snprintf(what, sizeof what, "%s on a 1e6-step graph, printing",
                     views[k][0]);
            interrupt_when(&s, what, NULL, views[k][0], views[k][1],
                           "print(p.data > 0)", "1\n");
        }
    }
    send(&s, "quit\r");
    wait_exit(&s, TIMEOUT_MS);
    finish(&s);
}

/* Ctrl-C on the other long paths: repeating a list, printing a long list,
 * reading a long csv file, plot and regions on big graphs, a training
 * loop. Each stops within the limit and binds nothing; plot puts its
 * variable back. */
static void more_paths_session(void)
{
    char csv[512], statement[600];
    snprintf(csv, sizeof csv, "%s/big.csv", workdir);
    FILE *f = fopen(csv, "w");
    if (!f) {
        not_ok(NULL, "pty: a csv file of 3e6 rows", strerror(errno));
        return;
    }
    for (int i = 0; i < 3000000; i++)
        fprintf(f, "%d,0.5,%d\n", i, i % 2);
    fclose(f);
    Session s;
    if (!start_greeted(&s))
        return;
    interrupt_path(&s, "[0] * 1e8", "ws = 5", "ws = [0] * 100000000;", "ws",
                   "ws = 5\n");
    interrupt_when(&s, "print of a list of 4e7 numbers, printing",
                   "zs = range(40000000); set items all", "print(zs)",
                   "1000, ", "print(len(zs))", "40000000\n");
    snprintf(statement, sizeof statement, "d = csv(\"%s\");", csv);
    interrupt_path(&s, "csv reading 3e6 rows", "set items 100", statement,
                   "d", "undefined name 'd'");
    interrupt_path(&s, "plot on a 1e6-node graph",
                   "x = 0.5; q = x; repeat 200000 { q = tanh(q*0.5 + 0.01) }",
                   "plot q, x = 0..1", "print(x.data)", "0.5\n");
    interrupt_path(&s, "regions of mlp(2, [1000, 1000, 1])",
                   "m = mlp(2, [1000, 1000, 1]); X = [[0.1, 0.2], "
                   "[0.3, -0.5]]; Y = [1, -1];",
                   "regions m, X, Y", "print(len(X))", "2\n");
    interrupt_path(&s, "a training loop", "t = mlp(2, [16, 16, 1]);",
                   "for k in range(1000000) { L = t([1, 2]); L.backward(); "
                   "step t, 0.001 }",
                   "print(3)", "3\n");
    send(&s, "quit\r");
    wait_exit(&s, TIMEOUT_MS);
    finish(&s);
    unlink(csv);
}

/* Running out of memory ends the session with status 3, and the entries
 * typed so far are in the history file all the same. The session runs
 * under a 600 MB address-space limit (a wrapper script's ulimit -v);
 * not under a sanitizer, which cannot run in one. */
static void out_of_memory_session(void)
{
    if (strstr(binary, "sanitize")) {
        printf("skip - pty: out of memory keeps the history: a sanitizer "
               "build cannot run under an address-space limit\n");
        return;
    }
    char wrapper[600];
    snprintf(wrapper, sizeof wrapper, "%s/limited.sh", workdir);
    FILE *f = fopen(wrapper, "w");
    if (!f) {
        printf("skip - pty: out of memory keeps the history: no wrapper\n");
        return;
    }
    fprintf(f, "#!/bin/sh\nulimit -v 600000\nexec '%s' \"$@\"\n", binary);
    fclose(f);
    chmod(wrapper, 0700);
    const char *real = binary;
    binary = wrapper;
    Session s;
    int started = start(&s);
    binary = real;
    if (!started) {
        not_ok(NULL, "pty: start under a memory limit", "forkpty failed");
        return;
    }
    expect(&s, "type help for help", TIMEOUT_MS);
    expect(&s, "\n> ", TIMEOUT_MS);
    enter(&s, "before_oom = 1", "before_oom = 1\n");
    expect(&s, "> ", TIMEOUT_MS);
    send(&s, "xs = range(100000000);\r");
    int left = wait_exit(&s, INTERRUPT_TIMEOUT_MS);
    int said = strstr(s.text, "out of memory") != NULL;
    check(&s, left && WIFEXITED(s.status) && WEXITSTATUS(s.status) == 3 && said,
          "pty: running out of memory ends the session with status 3",
          left ? "not status 3 with 'out of memory'" : "the session did not end");
    finish(&s);
    char *history = read_file(history_path);
    check(NULL, history && strstr(history, "before_oom = 1\n") &&
                    strstr(history, "xs = range(100000000);\n"),
          "pty: running out of memory keeps the history",
          "the entries are not in the history file");
    free(history);
    unlink(wrapper);
}

int main(void)
{
    binary = getenv("MGRAD");
    if (!binary || !binary[0])
        binary = "build/mgrad";
    char absolute[4096];
    if (binary[0] != '/' && getcwd(absolute, sizeof absolute - 256)) {
        strcat(absolute, "/");
        strncat(absolute, binary, 255);
        binary = absolute;
    }
    if (access(binary, X_OK) != 0) {
        printf("skip - pty: no executable at %s\n", binary);
        return 0;
    }

    const char *tmp = getenv("TMPDIR");
    snprintf(workdir, sizeof workdir, "%s/mgrad-pty-XXXXXX",
             tmp && tmp[0] ? tmp : "/tmp");
    if (!mkdtemp(workdir)) {
        printf("skip - pty: cannot make a temporary directory\n");
        return 0;
    }
    set_environment();
    signal(SIGALRM, on_watchdog);
    signal(SIGPIPE, SIG_IGN);
    alarm(WATCHDOG_SECONDS * (unsigned)slowdown());

    /* PTY_ONLY=interrupt: the Ctrl-C latencies alone (make bench) */
    const char *only = getenv("PTY_ONLY");
    if (only && strcmp(only, "interrupt") == 0) {
        interrupt_session();
        long_paths_session();
        more_paths_session();
    } else {
        first_session();
        second_session();
        endless_session();
        history_edit_session(0);
        history_edit_session(1);
        completion_session();
        color_session();
        plain_locale_session();
        interrupt_session();
        long_paths_session();
        more_paths_session();
        out_of_memory_session();
    }

    alarm(0);
    remove_tree(workdir);
    return 0;
}
