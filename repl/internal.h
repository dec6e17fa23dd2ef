/*
 * repl/internal.h — what the session's own files share: tab completion
 * (repl/complete.c) and the history file (repl/history.c).
 */
#ifndef MGRAD_REPL_INTERNAL_H
#define MGRAD_REPL_INTERNAL_H

#include "interp/interp.h"

/* Installs readline's completion for this interpreter's names and words. */
void repl_complete_init(const Interp *in);

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
