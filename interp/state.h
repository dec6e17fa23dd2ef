/*
 * interp/state.h — the interpreter's state and what the machine's files
 * and its library (lib/) share: the Interp structure, reporting, values
 * shown, and the shape of a library's rows (commands and built-in
 * functions), which the library hands to interp_new.
 */
#ifndef MGRAD_INTERP_STATE_H
#define MGRAD_INTERP_STATE_H

#include "interp/interp.h"
#include "interp/datum.h"
#include "compile/names.h"
#include "compile/program.h"
#include "engine/value.h"
#include "engine/nn.h"
#include "view/view.h"
#include "util/diag.h"
#include "util/words.h"

#define INTERP_MAX_LOAD_DEPTH 32
/* The items a list shows before a summary, until `set items` changes it. */
#define INTERP_ITEMS_DEFAULT 100
/* The globals a program's backward asks compile/uses.c about: each answer
 * costs a pass over the program, so a script that differentiates many
 * names (x_1, x_2, ...) asks about this many and no more. */
#define INTERP_UNOBSERVED_MAX 8

struct Interp {
    Names names;           /* every name seen; a name's number is its slot */
    Datum *globals;        /* by name number; DATUM_UNBOUND when unbound */
    uint32_t global_count;
    uint32_t *order;       /* by name number: when the global was bound
                              (vars lists them in that order) */
    uint32_t next_order;
    ViewStyle style;       /* digits, ascii, colour, picture size */
    InterpDisplay display; /* as the program's edge set it */
    int color_setting;     /* -1 as the display says, 0 off, 1 on */
    int width_setting;     /* set width: columns, or 0 for the display's */
    uint32_t items;        /* set items: the items a list shows before a
                              summary of the rest; 0: all */
    int quit;
    int load_depth;
    FILE *out;             /* where results go */
    Program *prog;         /* the program running: for messages and labels */
    InterpPictureFn picture; /* a front end's, or NULL: pictures printed */
    void *picture_ctx;
    char *picture_text;    /* what a view wrote for the front end */
    size_t picture_length;
    const Instr *at;       /* the instruction at work */
    const InterpLibrary *library;   /* commands and built-in functions */
    /* The built-in functions and operations as values: the callable
     * operations, then the library's functions. Their names are interned
     * first, so a name's number below builtin_count is its row here: the
     * compiler resolves a name to its row when it resolves the name. */
    InterpBuiltin *builtins;
    Datum *builtin_values;  /* a DATUM_BUILTIN of each */
    uint32_t builtin_count;
    uint32_t op_names[OP_COUNT];   /* an operation's name (and row), or
                                      UINT32_MAX when it has none */
    int follow_shown;      /* interp_follow_shown: keep `shown` */
    int last_run;          /* interp_set_last_run: nothing runs after */
    /* compile/uses.c's answers for the top-level program running (reset
     * as each starts), for backward's release of a graph nothing will look
     * at again: the globals asked about, and the answers */
    uint32_t unobserved_names[INTERP_UNOBSERVED_MAX];
    uint8_t unobserved[INTERP_UNOBSERVED_MAX];
    uint32_t unobserved_count;
    Value *shown;          /* the last node shown or viewed (a reference) */
    Value *pinned;         /* interp_pin: the node pictured instead */
};

/* Remembers v as the last node shown or looked at, when following is on. */
void interp_note_shown(Interp *in, Value *v);

/* Reports an error at the current instruction, or at a span of the
 * running program's text. */
void interp_error(Interp *in, const char *fmt, ...) DIAG_PRINTF(2, 3);
void interp_error_at(Interp *in, uint32_t start, uint32_t end,
                     const char *fmt, ...) DIAG_PRINTF(4, 5);
void interp_warning(Interp *in, const char *fmt, ...) DIAG_PRINTF(2, 3);

/* The text of name number id. */
const char *interp_name(const Interp *in, uint32_t id);

/* Why name has no value where one is needed, in one message for every
 * place that says so: an unbound name, a built-in function or a command
 * word used as a value. Writes it to buf and returns buf. */
const char *interp_name_hint(const Interp *in, const char *name, char *buf,
                             size_t size);

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
    int method;              /* written as a method: L.backward() */
} CommandCall;

/* Reports an error at argument i of call. */
void interp_arg_error(Interp *in, const CommandCall *call, uint32_t i,
                      const char *fmt, ...) DIAG_PRINTF(4, 5);

/* One row per command: the word, how many arguments it takes, what it
 * does, and its help text. The library's table of them is the one list of
 * command words: the scanner asks its index which words are commands. */
typedef struct Command {
    const char *name;
    int min_args, max_args;
    int (*run)(Interp *in, const CommandCall *call);
    const char *usage;
    const char *summary;     /* a few words, for help's list of commands */
    const char *help;
} Command;

/* A library's command row named name, or NULL. */
const Command *interp_command(const Interp *in, const char *name);

/* Runs another file inside this session (load); at is the argument. */
int interp_load_file(Interp *in, const CommandCall *call, uint32_t at,
                     const char *path);

/* Binding and unbinding globals. bind takes over the caller's reference. */
void interp_bind(Interp *in, uint32_t name, Datum value);
int interp_unbind(Interp *in, uint32_t name);
/* Room for a global of every name interned so far. */
void interp_grow_globals(Interp *in);
/* What `name = d` binds: a number becomes a new leaf, and a node without
 * a name takes this one. */
Datum interp_as_variable(Interp *in, uint32_t name, Datum d);
/* Gives node the name text as its label (x.label = "e", Value(label=)). */
void interp_label_node(Interp *in, Value *node, const char *text,
                       size_t length);
/* A file name as load and csv find it: next to the running script. The
 * caller frees the result. */
char *interp_resolve_path(const Interp *in, const char *path);
/* A view's stream: in->out, or while a front end draws pictures, a
 * stream in memory whose text interp_picture_show hands over with p. */
FILE *interp_picture_stream(Interp *in);
/* Closes stream (when not in->out); when show, fills p->text and gives p
 * to the front end. Returns whether a front end took the picture. */
int interp_picture_show(Interp *in, FILE *stream, InterpPicture *p,
                        int show);
/* Shows an expression statement's value. */
void interp_show_value(Interp *in, const Datum *d);

/* Runs a compiled program (interp/machine.c); 0 when it all ran. */
int interp_run_program(Interp *in, Program *p);

/* The operators (interp/operate.c). Each leaves its result in its first
 * operand, reports its own errors and returns nonzero after one. */
int interp_apply(Interp *in, OpKind op, Datum *args, int arity);
int interp_binary(Interp *in, BinaryOp op, Datum *a, Datum *b);
int interp_truth(Interp *in, const Datum *d, int *out);
/* xs += ys: the items of ys (a list, a set or a string's characters) added
 * to the list xs in place, as Python's; xs stays where it is, b is not
 * consumed. */
int interp_extend(Interp *in, Datum *list, const Datum *items);
int interp_call_operation(Interp *in, OpKind op, uint32_t given,
                          Datum *args);
int interp_get_attribute(Interp *in, const Instr *i, Datum *d);
int interp_set_attribute(Interp *in, const Instr *i, Datum *object,
                         Datum *value);
int interp_index(Interp *in, Datum *list, Datum *index);
/* The place in a list of count items that index names (from the end when
 * negative); 1 after reporting what is wrong with it. */
int interp_list_position(Interp *in, const Datum *index, uint32_t count,
                         uint32_t *at);
/* xs[a:b:c] into *seq (a list or a string); bounds[0..2] are a, b, c,
 * each a whole number or None; they are consumed. */
int interp_slice(Interp *in, Datum *seq, Datum *bounds);
int interp_set_index(Interp *in, const Instr *i, Datum *list, Datum *index,
                     Datum *value);

/* The built-in functions, one row each (lib/builtins.c). A function
 * borrows its n arguments (a keyword argument is a DATUM_WORD and its
 * value) and leaves its result in *out. */
typedef struct Builtin {
    const char *name;
    int (*run)(Interp *in, Datum *args, uint32_t n, Datum *out);
    const char *usage;
    const char *help;
} Builtin;
/* The row of the built-in function called name, or NULL. */
const Builtin *interp_builtin(const Interp *in, const char *name);

/* The modules import takes, one row each (lib/modules.c): mgrad's own
 * math, random and micrograd, and the Python modules it refuses with what
 * it offers instead. A member is a built-in of the session (by its name),
 * a function of the module's own, another module or a number. */
typedef struct InterpMember {
    const char *name;
    const char *builtin;             /* a built-in's or a module's name */
    const InterpBuiltin *function;   /* a function only the module has */
    int is_module;                   /* builtin names a module */
    double number;                   /* when the others are NULL */
} InterpMember;

typedef struct InterpModule {
    const char *name;                /* as import writes it: micrograd.nn */
    const InterpMember *members;     /* ending with a NULL name; NULL for a
                                        module mgrad does not have */
    const char *instead;             /* for such a module: what to use */
} InterpModule;

/* The module called name (a dotted path, or its first length bytes), or
 * NULL. */
const InterpModule *interp_module(const Interp *in, const char *name,
                                  size_t length);
/* d = module.name; 1 with an error reported when it has none. */
int interp_module_member(Interp *in, const InterpModule *module,
                         const char *name, Datum *d);

/* What a library gives the machine: its commands (the rows end with a NULL
 * name; command_words indexes their words by row, for the scanner), its
 * built-in functions (ending the same way), and every word it knows for
 * completion (commands, functions, settings and their values). */
struct InterpLibrary {
    const Command *commands;
    const WordIndex *command_words;
    const Builtin *builtins;
    const InterpModule *modules;     /* ending with a NULL name */
    void (*each_word)(InterpWordFn fn, void *ctx);
};

/* Calls callee (a function, a built-in or a model) with args[0, n),
 * borrowed, from inside a built-in function: map, filter, sorted's key.
 * The result goes to *out. 1 after reporting. */
int interp_call(Interp *in, const Datum *callee, Datum *args, uint32_t n,
                Datum *out);

/* sorted(xs, key=f, reverse=True) and xs.sort(...) (interp/sort.c): args
 * as a built-in gets them, args[0] the list or set; *out a new sorted
 * list. name and usage are for messages. */
int interp_sort(Interp *in, const char *name, const char *usage,
                Datum *args, uint32_t n, Datum *out);
/* Whether a < b as sorted, min and max order them: numbers and values by
 * their data, strings by their bytes; 1 after reporting two values that
 * have no order. */
int interp_less(Interp *in, const Datum *a, const Datum *b, int *less);

/* m(x): a model applied to a list of inputs (interp/operate.c). */
int interp_model_call(Interp *in, const Model *m, Datum *args, uint32_t n,
                      Datum *out);

#endif
