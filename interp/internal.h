/*
 * interp/internal.h — what the machine's own files share: the Interp
 * structure, reporting, values shown, and the command table.
 */
#ifndef MGRAD_INTERP_INTERNAL_H
#define MGRAD_INTERP_INTERNAL_H

#include "interp.h"
#include "datum.h"
#include "../compile/names.h"
#include "../compile/program.h"
#include "../engine/value.h"
#include "../view/view.h"
#include "../util/diag.h"

#define INTERP_MAX_LOAD_DEPTH 32

struct Interp {
    Names names;           /* every name seen; a name's number is its slot */
    Datum *globals;        /* by name number; DATUM_UNBOUND when unbound */
    uint32_t global_count;
    uint32_t next_order;   /* binding order, for vars */
    ViewStyle style;       /* digits, ascii, colour, picture size */
    InterpDisplay display; /* as the program's edge set it */
    int color_setting;     /* -1 as the display says, 0 off, 1 on */
    int width_setting;     /* set width: columns, or 0 for the display's */
    int quit;
    int load_depth;
    FILE *out;             /* where results go */
    Program *prog;         /* the program running: for messages and labels */
    const Instr *at;       /* the instruction at work */
};

/* Reports an error at the current instruction, or at a span of the
 * running program's text. */
void interp_error(Interp *in, const char *fmt, ...) DIAG_PRINTF(2, 3);
void interp_error_at(Interp *in, uint32_t start, uint32_t end,
                     const char *fmt, ...) DIAG_PRINTF(4, 5);
void interp_warning(Interp *in, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* The text of name number id. */
const char *interp_name(const Interp *in, uint32_t id);

/* Prints `name = data` or `name = data  (grad g)`. */
void interp_show_binding(Interp *in, const char *name, const Datum *d);

/* Refreshes style.width/height/color from the display. */
void interp_refresh_style(Interp *in);

/* A command at work: its arguments (evaluated, except that bare names are
 * DATUM_WORDs) and where each was written. */
typedef struct CommandCall {
    uint32_t count;
    Datum *args;
    const uint32_t *spans;   /* start, end of each argument */
    int silent;              /* the statement ended with ';' */
} CommandCall;

/* Reports an error at argument i of call. */
void interp_arg_error(Interp *in, const CommandCall *call, uint32_t i,
                      const char *fmt, ...) DIAG_PRINTF(4, 5);

/* The node an argument stands for: a node, a number as a constant leaf, or
 * the node a word names. Reports and returns NULL otherwise. The caller
 * owns a reference to the result. */
Value *interp_graph_arg(Interp *in, const CommandCall *call, uint32_t i);
/* The datum a word argument names (looked up), or the argument itself;
 * NULL after reporting when the word is unbound. No reference added. */
const Datum *interp_resolve_arg(Interp *in, const CommandCall *call,
                                uint32_t i);

/* One row per command: the word, how many arguments it takes, what it
 * does, and its help text. This table is the one list of command words:
 * the scanner asks it which words are commands. */
typedef struct Command {
    const char *name;
    int min_args, max_args;
    int (*run)(Interp *in, const CommandCall *call);
    const char *usage;
    const char *help;
} Command;

const Command *interp_command(const char *name);
/* The row of the command word text[0, length), or -1. */
int interp_command_index(const char *text, size_t length);
extern const Command interp_commands[];

/* The help command (interp/help.c). */
int interp_help(Interp *in, const CommandCall *call);

/* Runs another file inside this session (load); at is the argument. */
int interp_load_file(Interp *in, const CommandCall *call, uint32_t at,
                     const char *path);

/* Binding and unbinding globals. bind takes over the caller's reference. */
void interp_bind(Interp *in, uint32_t name, Datum value);
int interp_unbind(Interp *in, uint32_t name);

#endif
