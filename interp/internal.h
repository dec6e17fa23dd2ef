/*
 * interp/internal.h — what the interpreter's own files share: the Interp
 * structure, evaluation, reporting and the command table.
 */
#ifndef MGRAD_INTERP_INTERNAL_H
#define MGRAD_INTERP_INTERNAL_H

#include "interp.h"
#include "env.h"
#include "../parser/ast.h"
#include "../engine/value.h"
#include "../view/view.h"
#include "../util/diag.h"

#define INTERP_MAX_LOAD_DEPTH 32

struct Interp {
    Env env;
    ViewStyle style;       /* digits, ascii, colour, picture size */
    int interactive;
    int color_setting;     /* -1 automatic, 0 off, 1 on */
    int width_setting;     /* set width: columns, or 0 for the terminal's */
    int quit;
    int load_depth;
    const Source *src;     /* the text being run: for messages and labels */
};

/* Reports an error at node's place in the current source. Returns NULL so
 * that callers can `return interp_error(...)`. */
void *interp_error(Interp *in, const Ast *node, const char *fmt, ...)
    DIAG_PRINTF(3, 4);
void interp_warning(Interp *in, const Ast *node, const char *fmt, ...)
    DIAG_PRINTF(3, 4);

/* Evaluates an expression to a node the caller owns a reference to, or
 * reports an error and returns NULL. */
Value *interp_eval(Interp *in, const Ast *expr);

/* Prints `name = data` or `name = data  (grad g)`. */
void interp_show_binding(Interp *in, const char *name, const Value *v);

/* Refreshes style.width/height/color from the terminal when interactive. */
void interp_refresh_style(Interp *in);

/* Runs a statement; 0 on success, 1 after an error was reported. */
int interp_statement(Interp *in, const Ast *stmt);

/* One row per command: the word, how many arguments it takes, what it
 * does, and its help text. */
typedef struct Command {
    const char *name;
    int min_args, max_args;
    int (*run)(Interp *in, const Ast *stmt);
    const char *usage;
    const char *help;
} Command;

const Command *interp_command(const char *name);
extern const Command interp_commands[];

/* The help command (interp/help.c). */
int interp_help(Interp *in, const Ast *s);

/* Runs another file inside this session (load). */
int interp_load_file(Interp *in, const Ast *at, const char *path);

#endif
