/*
 * repl/internal.h — what the command line's own files share: its own
 * messages and running out of memory (repl/message.c), tab completion
 * (repl/complete.c) and the history file (repl/history.c).
 */
#ifndef MGRAD_REPL_INTERNAL_H
#define MGRAD_REPL_INTERNAL_H

#include "embed/mgrad.h"

#if defined(__GNUC__)
#define REPL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define REPL_PRINTF(f, a)
#endif

/* The command line's own messages, as mgrad's error printer writes them:
 * "mgrad: error: ..." or "mgrad: warning: ..." on stderr, after whatever
 * stdout holds, control bytes shown as \xNN. */
void repl_error(const char *fmt, ...) REPL_PRINTF(1, 2);
void repl_warning(const char *fmt, ...) REPL_PRINTF(1, 2);
/* Colour in those messages (a terminal's stderr without NO_COLOR). */
void repl_set_message_color(int on);

/* Memory ran out (in a run, or in the command line's own allocations):
 * flushes stdout, calls the hook (the session saves its history), says
 * "mgrad: out of memory" and exits with status 3. */
_Noreturn void repl_out_of_memory(void);
/* The hook above, or NULL. */
void repl_set_memory_hook(void (*hook)(void));
/* malloc, realloc and strdup that end the program as above when memory
 * runs out. */
void *repl_malloc(size_t size);
void *repl_realloc(void *p, size_t size);
char *repl_strdup(const char *s);

/* Installs readline's completion, asking session for its words. */
void repl_complete_init(MgradSession *session);

/* The history file's path (owned by the caller), or NULL when neither
 * MGRAD_HISTORY, XDG_STATE_HOME nor HOME says where it goes. */
char *repl_history_path(void);
/* Limits history, reads the file when it exists. */
void repl_history_load(const char *path);
/* Adds a finished entry unless it is blank or repeats the last one. */
void repl_history_add(const char *entry);
/* Writes the history (creating directories); a failure is a warning.
 * Frees the in-memory history. */
void repl_history_save(const char *path);

#endif
