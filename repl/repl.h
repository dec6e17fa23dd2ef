/*
 * repl/repl.h — the interactive session: GNU Readline line editing, a
 * history file kept across sessions, tab completion, a continuation prompt
 * while a bracket is open, and Ctrl-C that cancels the line or interrupts
 * the running statement without ending the session.
 *
 * The session only moves lines in and text out: each entry runs in an
 * mgrad session of the embedding API (embed/mgrad.h) as a text named
 * "<repl>" whose line numbers continue the session's count, and mgrad
 * decides what it means.
 */
#ifndef MGRAD_REPL_REPL_H
#define MGRAD_REPL_REPL_H

#include "embed/mgrad.h"

/* Runs the session until Ctrl-D, quit/exit, or SIGHUP/SIGTERM. Prints the
 * banner first and writes the history file at the end. Returns the number
 * of the signal that ended the session, else 0. */
int repl_run(MgradSession *session);

#endif
