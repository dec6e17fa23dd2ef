/*
 * embed/mgrad.h — mgrad as a library (build/libmgrad.so): the API that
 * the command line (repl/), a notebook kernel, a web page or any other
 * program uses to run mgrad texts in sessions of its own.
 *
 * A session holds everything a REPL keeps between entries: bindings,
 * settings, the random generator. A text runs in a session; what it shows
 * comes back through the session's callbacks as it is printed: results on
 * one, error messages (file:line:col: error: ..., the line, a caret) on
 * another, and pictures (a graph's DOT, a plot's samples, decision
 * regions) as numbers on a third, for the front end to draw.
 *
 * Nothing here exits the process: `quit` in a text, running out of memory
 * and the scanner's fatal errors come back as statuses.
 *
 * Sessions. Several may live side by side, each with its own bindings,
 * settings and random numbers (they share the process's node pool). One
 * text runs at a time in the whole process: a second mgrad_run while one
 * is under way, from another thread or from a callback, returns
 * MGRAD_BUSY. Only mgrad_interrupt may be called while a text runs.
 */
#ifndef MGRAD_EMBED_MGRAD_H
#define MGRAD_EMBED_MGRAD_H

#include <stddef.h>

#if defined(__GNUC__)
#define MGRAD_API __attribute__((visibility("default")))
#else
#define MGRAD_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef struct MgradSession MgradSession;

/* What running a text came to. */
typedef enum MgradStatus {
    MGRAD_OK = 0,          /* everything ran */
    MGRAD_ERROR = 1,       /* a syntax error (nothing ran) or a run-time
                              error (the statements before it ran); the
                              message went to the error callback */
    MGRAD_INTERRUPTED = 2, /* mgrad_interrupt stopped it; bindings kept */
    MGRAD_QUIT = 3,        /* it ran quit or exit: the statements after it
                              did not run; the session stays usable */
    MGRAD_NO_MEMORY = 4,   /* memory ran out (or the scanner failed): the
                              session is spent, every later run returns
                              this; free it and make another */
    MGRAD_BUSY = 5         /* another text is running in this process */
} MgradStatus;

/* The kinds of picture (MgradPicture.kind). */
typedef enum MgradPictureKind {
    MGRAD_PICTURE_GRAPH = 0,   /* dot L: text is its Graphviz DOT */
    MGRAD_PICTURE_PLOT = 1,    /* plot e, x = lo..hi: e and de/dx sampled */
    MGRAD_PICTURE_CURVE = 2,   /* plot xs: a list (a loss curve) */
    MGRAD_PICTURE_REGIONS = 3  /* regions m, X, y: a model's decision
                                  regions under its training points */
} MgradPictureKind;

/* A picture, valid only during the callback that receives it. */
typedef struct MgradPicture {
    int kind;              /* an MgradPictureKind */
    const char *title;     /* graph: the root's name; plot: the expression's
                              text; curve: the list's text; regions: NULL */
    const char *variable;  /* plot: the name of the leaf x; else NULL */
    const char *text;      /* the picture as the terminal draws it, a
                              fallback for text-only front ends; for a
                              graph, its DOT (NUL-terminated) */
    size_t text_length;
    size_t count;          /* plot: samples; curve: values; regions: points */
    const double *x;       /* plot: the samples' x; regions: the points' x;
                              curve: NULL (the index is x) */
    const double *y;       /* plot: e at x; curve: the values; regions: the
                              points' y. NaN where e is not finite */
    const double *slope;   /* plot: de/dx at x (NaN where not computed) */
    const double *labels;  /* regions: each point's label (> 0 or not) */
    int columns, rows;     /* regions: the grid of the model's scores */
    const double *scores;  /* regions: rows * columns scores, row by row from
                              y_lo to y_hi, each from x_lo to x_hi */
    double x_lo, x_hi, y_lo, y_hi;  /* regions: the grid's extent */
} MgradPicture;

/* Where a session's output goes. Text arrives in pieces (a line or more of
 * output; one or more whole messages of errors), not NUL-terminated, as it
 * is printed, output and errors in the order they happened. A NULL
 * callback drops its text; with picture NULL, pictures are printed as
 * text to output, as in a terminal. */
typedef struct MgradCallbacks {
    void *context;   /* handed to every callback */
    void (*output)(void *context, const char *text, size_t length);
    void (*error)(void *context, const char *text, size_t length);
    void (*picture)(void *context, const MgradPicture *picture);
} MgradCallbacks;

/* Flags for mgrad_new and mgrad_set_flags. `set color on|off` in a text
 * overrides the colour flags for the rest of the session. */
enum {
    MGRAD_ASCII = 1,          /* pictures in ASCII, not box-drawing
                                 characters */
    MGRAD_COLOR = 2,          /* ANSI colour in messages and pictures */
    MGRAD_COLOR_MESSAGES = 4, /* ANSI colour in error messages only (a
                                 terminal's stderr) */
    MGRAD_COLOR_OUTPUT = 8,   /* ANSI colour in pictures only (a terminal's
                                 stdout) */
    MGRAD_LAST_RUN = 16       /* the runs to come are the session's last:
                                 nothing reads its bindings afterwards, and
                                 the caller stops at the first that fails
                                 (a script run from the command line), so a
                                 graph nothing can look at again may go
                                 during its backward */
};

/* The library's version, as `mgrad --version` prints it ("0.1"). */
MGRAD_API const char *mgrad_version(void);

/* A new session with no bindings and the random generator as at start-up
 * (seed 1337); flags are MGRAD_ASCII | MGRAD_COLOR or 0. Its output is
 * dropped until mgrad_set_callbacks. NULL when memory ran out, or while
 * a text runs (from a callback or another thread). */
MGRAD_API MgradSession *mgrad_new(int flags);

/* Frees the session and every node only it holds. NULL is allowed. Not
 * while one of its texts runs. */
MGRAD_API void mgrad_free(MgradSession *session);

/* Sets where the session's output goes; callbacks is copied (NULL: drop
 * everything). Takes effect at the next run. */
MGRAD_API void mgrad_set_callbacks(MgradSession *session,
                                   const MgradCallbacks *callbacks);

/* Replaces the session's flags (as for mgrad_new). Takes effect at the
 * next run; a `set ascii` or `set color` the session ran still wins. */
MGRAD_API void mgrad_set_flags(MgradSession *session, int flags);

/* The width and height of text pictures (tree, polytree, plot's
 * fallback); 0 for the default, 80 by 24. `set width` still wins. */
MGRAD_API void mgrad_set_size(MgradSession *session, int columns, int rows);

/* Runs text[0, length) in the session, as the REPL runs an entry: parsed
 * whole (a syntax error runs nothing), then statement by statement until
 * the end or the first error. name is what messages call the text
 * ("In[3]" gives In[3]:1:5: error: ...; NULL: "<mgrad>"). Results echo as
 * at the REPL's top level. Returns when the text has ended. */
MGRAD_API MgradStatus mgrad_run(MgradSession *session, const char *text,
                                size_t length, const char *name);

/* mgrad_run, with the text's first line numbered first_line (1 or more)
 * in messages: a REPL that counts its entries' lines on gives each entry
 * the number of its first line, and an error says <repl>:7:3. */
MGRAD_API MgradStatus mgrad_run_at(MgradSession *session, const char *text,
                                   size_t length, const char *name,
                                   int first_line);

/* Runs the script file at path (NULL: standard input, called <stdin>) as
 * mgrad runs a script: read whole (a regular file or a pipe, at most
 * 1 GiB), then as mgrad_run with the path as its name, so messages say
 * path:line:col and a relative load is taken from the script's folder.
 * When it cannot be read, the error callback gets "mgrad: error: cannot
 * read 'path': why" and it returns MGRAD_ERROR (MGRAD_INTERRUPTED when
 * mgrad_interrupt cut the reading short). */
MGRAD_API MgradStatus mgrad_run_file(MgradSession *session, const char *path);

/* Stops the text running in this process, as Ctrl-C does: it reports
 * "interrupted" and mgrad_run returns MGRAD_INTERRUPTED, with every
 * binding kept. Does nothing when no text runs. It only raises a flag
 * (a volatile sig_atomic_t store): safe from a signal handler and from
 * another thread. The flag is polled between statements, at every loop
 * turn and between slices of long graph passes. */
MGRAD_API void mgrad_interrupt(void);

/* An interrupt also stops the freeing of a big value (a list of ten
 * million lists) so that it lands at once; the rest is freed at the start
 * of the next text, or a slice of a few milliseconds at a time by
 * mgrad_idle, which a front end may call while it waits for input, for as
 * long as it returns 1 (some is left). Does nothing while a text runs. */
MGRAD_API int mgrad_idle(void);

/* mgrad_interrupt with a signal handler's shape, to install as one:
 * signal(SIGINT, mgrad_interrupt_signal) while a text runs. */
MGRAD_API void mgrad_interrupt_signal(int signal_number);

/* Words that complete the word ending at byte cursor of text[0, length):
 * bound names of the session and the language's words (after `help ` at
 * the start of a line, the help topics too), or after `x.` the attributes
 * and methods; none inside a string. fn gets each candidate
 * (NUL-terminated, valid during the call), sorted, without repeats. The
 * word's first byte is stored in *start (may be NULL). Returns the number
 * of candidates. */
typedef void (*MgradWordFn)(void *context, const char *word);
MGRAD_API size_t mgrad_complete(MgradSession *session, const char *text,
                                size_t length, size_t cursor,
                                MgradWordFn fn, void *context,
                                size_t *start);

/* Nonzero when text[0, length) cannot run yet because more lines should
 * follow: an open ( [ or { (and, once the language has them, an open
 * indented block). A front end then asks for another line, as the REPL
 * shows its continuation prompt. A text with an error in its words is
 * complete: running it reports the error. */
MGRAD_API int mgrad_needs_more(const char *text, size_t length);

/* The help of word (a command, function, keyword or topic; NULL or "" for
 * the overview) written to the session's output callback, as `help word`
 * prints it. MGRAD_ERROR when there is none (the error callback says so)
 * or word is not a name. */
MGRAD_API MgradStatus mgrad_help(MgradSession *session, const char *word);

/* The nodes made so far in the whole process, over every session, and the
 * most alive at once (what MGRAD_STATS=1 reports at exit). Valid after
 * the last mgrad_free too. Either pointer may be NULL. */
MGRAD_API void mgrad_node_counts(unsigned long long *created,
                                 unsigned long long *most_alive);

#ifdef __cplusplus
}
#endif

#endif
