/*
 * embed/session.c — the embedding API of embed/mgrad.h: sessions over the
 * interpreter, with output, errors and pictures handed to callbacks.
 *
 * The embedding sits at the program's edge, under every front end (the
 * command line in repl/, the notebook kernel, the page): it drives the
 * interpreter (interp/interp.h) with mgrad's library (lib/lib.h) and the
 * parser's line test, never the other way round. For each run (a text, a
 * script file or standard input) it gives the interpreter two streams of
 * its own (fopencookie) whose writes go to the callbacks, sets the one
 * error printer (util/diag.c) to the second, and puts the session's random
 * generator in place; afterwards it takes them back. The process-wide
 * pieces it moves (the error stream, the generator, the interrupt flag,
 * the allocator's fatal handler) are why one text runs at a time.
 *
 * Running out of memory, deep inside any allocation, calls the handler set
 * with mem_set_fatal_handler, which jumps back to mgrad_run: the run
 * returns MGRAD_NO_MEMORY instead of the process exiting. What the
 * interrupted run held is then in an unknown state, so the session is
 * spent (every later run returns MGRAD_NO_MEMORY); freeing it releases
 * its bindings.
 */
#define _GNU_SOURCE   /* fopencookie */
#include "mgrad.h"
#include "follow.h"

#include <ctype.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/random.h"
#include "engine/value.h"
#include "interp/interp.h"
#include "lib/lib.h"
#include "parser/parse.h"
#include "util/diag.h"
#include "util/mem.h"
#include "util/source.h"

#ifndef MGRAD_VERSION
#define MGRAD_VERSION "0.1"
#endif

struct MgradSession {
    Interp *in;
    MgradCallbacks callbacks;
    RandomState random;      /* the session's generator between runs */
    int flags;               /* MGRAD_ASCII, MGRAD_COLOR */
    int columns, rows;       /* text pictures' size; 0: 80 by 24 */
    int spent;               /* memory ran out during a run */
    FILE *out;               /* during a run: the output stream */
};

/* One run at a time in the process. */
static atomic_flag busy = ATOMIC_FLAG_INIT;
/* The running session (for mgrad_interrupt) and where running out of
 * memory jumps to. */
static MgradSession *volatile running;
static volatile sig_atomic_t interrupt_asked;
static jmp_buf *escape;

const char *mgrad_version(void)
{
    return MGRAD_VERSION;
}

static _Noreturn void leave_run(void)
{
    longjmp(*escape, 1);
}

/* ---- streams to callbacks ------------------------------------------------- */

static ssize_t write_output(void *cookie, const char *text, size_t length)
{
    MgradSession *s = cookie;
    if (s->callbacks.output && length > 0)
        s->callbacks.output(s->callbacks.context, text, length);
    return (ssize_t)length;
}

static ssize_t write_error(void *cookie, const char *text, size_t length)
{
    MgradSession *s = cookie;
    /* What was printed before the message comes before it. */
    if (s->out)
        fflush(s->out);
    if (s->callbacks.error && length > 0)
        s->callbacks.error(s->callbacks.context, text, length);
    return (ssize_t)length;
}

static FILE *callback_stream(MgradSession *s,
                             ssize_t (*write)(void *, const char *, size_t),
                             int mode)
{
    cookie_io_functions_t io = {NULL, write, NULL, NULL};
    FILE *f = fopencookie(s, "w", io);
    if (!f)
        mem_out_of_memory();
    if (setvbuf(f, NULL, mode, BUFSIZ) != 0) {
        fclose(f);
        mem_out_of_memory();
    }
    return f;
}

/* ---- pictures ------------------------------------------------------------------ */

static void hand_picture(void *ctx, const InterpPicture *p)
{
    MgradSession *s = ctx;
    if (!s->callbacks.picture)
        return;
    if (s->out)
        fflush(s->out);
    MgradPicture picture = {
        .kind = p->kind == INTERP_PICTURE_GRAPH ? MGRAD_PICTURE_GRAPH
                : p->kind == INTERP_PICTURE_PLOT ? MGRAD_PICTURE_PLOT
                : p->kind == INTERP_PICTURE_CURVE ? MGRAD_PICTURE_CURVE
                                                   : MGRAD_PICTURE_REGIONS,
        .title = p->title,
        .variable = p->variable,
        .text = p->text,
        .text_length = p->text_length,
        .count = p->count,
        .x = p->x,
        .y = p->y,
        .slope = p->slope,
        .labels = p->labels,
        .columns = p->columns,
        .rows = p->rows,
        .scores = p->scores,
        .x_lo = p->x_lo,
        .x_hi = p->x_hi,
        .y_lo = p->y_lo,
        .y_hi = p->y_hi,
    };
    s->callbacks.picture(s->callbacks.context, &picture);
}

/* ---- sessions --------------------------------------------------------------------- */

MgradSession *mgrad_new(int flags)
{
    if (atomic_flag_test_and_set(&busy))
        return NULL;
    MgradSession *volatile s = NULL;
    jmp_buf here;
    escape = &here;
    mem_set_fatal_handler(leave_run);
    if (setjmp(here) == 0) {
        s = mem_calloc(1, sizeof *s);
        s->flags = flags;
        s->in = interp_new(lib_library());
    } else {
        /* interp_new allocates nothing more once the Interp is made */
        free(s);
        s = NULL;
    }
    mem_set_fatal_handler(NULL);
    escape = NULL;
    atomic_flag_clear(&busy);
    return s;
}

void mgrad_free(MgradSession *s)
{
    if (!s)
        return;
    interp_free(s->in);
    free(s);
}

void mgrad_set_callbacks(MgradSession *s, const MgradCallbacks *callbacks)
{
    if (!s)
        return;
    if (callbacks)
        s->callbacks = *callbacks;
    else
        memset(&s->callbacks, 0, sizeof s->callbacks);
    interp_set_pictures(s->in, s->callbacks.picture ? hand_picture : NULL, s);
}

void mgrad_set_flags(MgradSession *s, int flags)
{
    if (s)
        s->flags = flags;
}

void mgrad_set_size(MgradSession *s, int columns, int rows)
{
    if (!s)
        return;
    s->columns = columns > 0 ? columns : 0;
    s->rows = rows > 0 ? rows : 0;
}

/* The display's measure callback carries no context: it reads the
 * running session. */
static void measure(int *columns, int *rows)
{
    MgradSession *s = running;
    if (s && s->columns > 0) {
        *columns = s->columns;
        *rows = s->rows;
    }
}

/* What a run reads: a text, a file or standard input. */
typedef struct Input {
    const char *text;        /* a text: its bytes; else NULL */
    size_t length;
    const char *name;        /* a text's name; a file's path (NULL: stdin) */
    int first_line;
} Input;

/* The run's Source, or NULL (the error reported) when a file cannot be
 * read. */
static Source *read_input(const Input *input)
{
    if (input->text) {
        Source *src = source_new(input->name ? input->name : "<mgrad>",
                                 input->text ? input->text : "",
                                 input->text ? input->length : 0);
        src->first_line = input->first_line > 0 ? input->first_line : 1;
        return src;
    }
    if (!input->name) {
        Source *src = source_from_stream("<stdin>", stdin);
        if (!src)
            diag_plain(DIAG_ERROR, "cannot read standard input: %s",
                       source_error());
        return src;
    }
    Source *src = source_from_file(input->name);
    if (!src)
        diag_plain(DIAG_ERROR, "cannot read '%s': %s", input->name,
                   source_error());
    return src;
}

/* Messages are in colour as the flags say, unless the session ran `set
 * color` (which sets the one error printer's colour as it runs). */
static int message_color(const MgradSession *s)
{
    int setting = interp_color_setting(s->in);
    if (setting >= 0)
        return setting;
    return (s->flags & (MGRAD_COLOR | MGRAD_COLOR_MESSAGES)) != 0;
}

static MgradStatus run(MgradSession *s, const Input *input)
{
    if (!s)
        return MGRAD_ERROR;
    if (atomic_flag_test_and_set(&busy))
        return MGRAD_BUSY;
    if (s->spent) {
        atomic_flag_clear(&busy);
        return MGRAD_NO_MEMORY;
    }
    volatile MgradStatus status = MGRAD_OK;
    Source *volatile src = NULL;
    FILE *volatile err = NULL;
    RandomState outside;
    random_save(&outside);
    jmp_buf here;
    escape = &here;
    mem_set_fatal_handler(leave_run);
    if (setjmp(here) == 0) {
        s->out = callback_stream(s, write_output, _IOLBF);
        err = callback_stream(s, write_error, _IOFBF);
        int color = (s->flags & (MGRAD_COLOR | MGRAD_COLOR_OUTPUT)) != 0;
        InterpDisplay display = {s->out, (s->flags & MGRAD_ASCII) != 0,
                                 color, measure};
        interp_set_display(s->in, &display);
        interp_set_last_run(s->in, (s->flags & MGRAD_LAST_RUN) != 0);
        diag_set_stream(err);
        diag_set_color(message_color(s));
        random_restore(&s->random);
        interrupt_asked = 0;
        interp_interrupted = 0;
        running = s;
        src = read_input(input);
        int failed = src ? interp_run_source(s->in, src) : 1;
        running = NULL;
        if (src && interp_quit_requested(s->in) && !failed)
            status = MGRAD_QUIT;
        else if (failed && interrupt_asked)
            status = MGRAD_INTERRUPTED;
        else if (failed)
            status = MGRAD_ERROR;
        fflush(s->out);
        diag_set_stream(NULL);
    } else {
        /* Memory ran out: what the run held is left as it was. */
        running = NULL;
        s->spent = 1;
        status = MGRAD_NO_MEMORY;
        diag_set_stream(NULL);
    }
    mem_set_fatal_handler(NULL);
    escape = NULL;
    if (err)
        fclose(err);
    if (s->out) {
        fclose(s->out);
        s->out = NULL;
    }
    /* Between runs nothing prints; the display's ascii stays the same, so
     * that `set ascii` keeps what the user set. */
    InterpDisplay quiet = {stdout, (s->flags & MGRAD_ASCII) != 0, 0, NULL};
    interp_set_display(s->in, &quiet);
    if (src && !s->spent)
        source_release(src);
    random_save(&s->random);
    random_restore(&outside);
    interrupt_asked = 0;
    atomic_flag_clear(&busy);
    return status;
}

MgradStatus mgrad_run(MgradSession *s, const char *text, size_t length,
                      const char *name)
{
    return mgrad_run_at(s, text, length, name, 1);
}

MgradStatus mgrad_run_at(MgradSession *s, const char *text, size_t length,
                         const char *name, int first_line)
{
    Input input = {text ? text : "", text ? length : 0, name,
                   first_line > 0 ? first_line : 1};
    return run(s, &input);
}

MgradStatus mgrad_run_file(MgradSession *s, const char *path)
{
    Input input = {NULL, 0, path, 0};
    return run(s, &input);
}

void mgrad_interrupt(void)
{
    if (running) {
        interrupt_asked = 1;
        interp_interrupted = 1;
    }
}

void mgrad_interrupt_signal(int signal_number)
{
    (void)signal_number;
    mgrad_interrupt();
}

int mgrad_needs_more(const char *text, size_t length)
{
    if (!text)
        return 0;
    /* The line test copies the text: guard that allocation too, unless a
     * run (which has its own guard) is under way. */
    if (atomic_flag_test_and_set(&busy))
        return parse_needs_more(text, length);
    volatile int more = 0;
    jmp_buf here;
    escape = &here;
    mem_set_fatal_handler(leave_run);
    if (setjmp(here) == 0)
        more = parse_needs_more(text, length);
    mem_set_fatal_handler(NULL);
    escape = NULL;
    atomic_flag_clear(&busy);
    return more;
}

MgradStatus mgrad_help(MgradSession *s, const char *word)
{
    if (!word || !*word)
        return mgrad_run(s, "help", 4, "<help>");
    size_t n = strlen(word);
    if (n > 200 || !(isalpha((unsigned char)word[0]) || word[0] == '_'))
        return MGRAD_ERROR;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)word[i]) && word[i] != '_')
            return MGRAD_ERROR;
    char text[220];
    int length = snprintf(text, sizeof text, "help %s", word);
    return mgrad_run(s, text, (size_t)length, "<help>");
}

/* ---- completion -------------------------------------------------------------------- */

typedef struct Completion {
    const char *prefix;
    size_t prefix_length;
    char **words;
    size_t count, capacity;
} Completion;

/* Completion allocates with plain malloc: when memory runs out, the
 * candidates found so far are the answer. */
static void offer(void *ctx, const char *word)
{
    Completion *c = ctx;
    if (strncmp(word, c->prefix, c->prefix_length) != 0)
        return;
    if (c->count == c->capacity) {
        size_t capacity = c->capacity ? 2 * c->capacity : 64;
        char **words = realloc(c->words, capacity * sizeof *words);
        if (!words)
            return;
        c->words = words;
        c->capacity = capacity;
    }
    char *copy = strdup(word);
    if (copy)
        c->words[c->count++] = copy;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int name_byte(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

/* Whether text[0, at) ends inside a string or a comment. */
static int inside_string(const char *text, size_t at)
{
    char quote = 0;
    for (size_t i = 0; i < at; i++) {
        char c = text[i];
        if (quote) {
            if (c == '\\' && i + 1 < at)
                i++;
            else if (c == quote || c == '\n')
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#') {
            while (i < at && text[i] != '\n')
                i++;
            if (i == at)
                return 1;
        }
    }
    return quote != 0;
}

/* Whether the word at text[from] is help's argument: `help` first on its
 * line, then blanks, then the word. */
static int after_help(const char *text, size_t from)
{
    size_t i = from;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        i--;
    if (i == from || i < 4 || strncmp(text + i - 4, "help", 4) != 0)
        return 0;
    i -= 4;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t'))
        i--;
    return i == 0 || text[i - 1] == '\n';
}

size_t mgrad_complete(MgradSession *s, const char *text, size_t length,
                      size_t cursor, MgradWordFn fn, void *context,
                      size_t *start)
{
    if (!text)
        length = 0;
    if (cursor > length)
        cursor = length;
    size_t from = cursor;
    while (from > 0 && name_byte(text[from - 1]))
        from--;
    if (start)
        *start = from;
    if (!s || inside_string(text, from))
        return 0;
    Completion c = {text + from, cursor - from, NULL, 0, 0};
    if (from > 0 && text[from - 1] == '.') {
        /* after a name, ) or ]; a number's point (2.5) is no attribute */
        size_t word = from - 1;
        while (word > 0 && name_byte(text[word - 1]))
            word--;
        if (word < from - 1 ? !isdigit((unsigned char)text[word])
                            : word > 0 && (text[word - 1] == ')' ||
                                           text[word - 1] == ']'))
            interp_each_attribute(offer, &c);
    } else {
        interp_each_name(s->in, offer, &c);
        interp_each_keyword(s->in, offer, &c);
        if (after_help(text, from))
            lib_each_help_topic(offer, &c);
    }
    if (c.count > 1)
        qsort(c.words, c.count, sizeof *c.words, by_text);
    size_t given = 0;
    for (size_t i = 0; i < c.count; i++)
        if (i == 0 || strcmp(c.words[i], c.words[i - 1]) != 0) {
            if (fn)
                fn(context, c.words[i]);
            given++;
        }
    for (size_t i = 0; i < c.count; i++)
        free(c.words[i]);
    free(c.words);
    return given;
}

int mgrad_idle(void)
{
    enum { IDLE_STEPS = 65536 };    /* items freed: a few milliseconds */
    return running ? 0 : interp_idle(IDLE_STEPS);
}

void mgrad_node_counts(unsigned long long *created,
                       unsigned long long *most_alive)
{
    if (created)
        *created = (unsigned long long)value_created_count();
    if (most_alive)
        *most_alive = (unsigned long long)value_peak_live_count();
}

/* ---- for embed/follow.c ------------------------------------------------------- */

struct Interp *embed_session_interp(MgradSession *s)
{
    return s->in;
}
