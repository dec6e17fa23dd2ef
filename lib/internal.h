/*
 * lib/internal.h — what the library's own files share: its tables, the
 * help command, csv and the one argument checker. The library sees the machine's
 * state (interp/state.h); the machine sees only the rows it is given.
 */
#ifndef MGRAD_LIB_INTERNAL_H
#define MGRAD_LIB_INTERNAL_H

#include "lib/lib.h"
#include "interp/state.h"

/* The tables themselves, each ending with a row whose name is NULL. */
extern const Command lib_commands[];
extern const Builtin lib_builtins[];
extern const InterpModule lib_modules[];

/* The row of the command word text[0, length), or -1. */
int lib_command_index(const char *text, size_t length);
/* The command words as an index: rows are places in lib_commands. */
const WordIndex *lib_command_words(void);

/* The graph of root in Graphviz DOT, as `dot L` shows it: a picture for
 * a front end that draws them, else the text. 1 after reporting. */
int lib_show_dot(Interp *in, Value *root);

/* The help command (lib/help.c). */
int lib_help(Interp *in, const CommandCall *call);

/* The display settings, one row each: X(name, value as usage shows it,
 * value as the error says it, the words the value may be (for
 * completion), help). lib/settings.c has each one's set_NAME and
 * show_NAME; the set command's usage line is made from the same rows. */
#define SETTING_LIST(X)                                                   \
    X(digits, "N|auto", "N (1 to 17) or auto", "auto",                    \
      "N (1 to 17) rounds every printed number and picture to N "         \
      "significant digits; auto (the default) prints values exactly, as " \
      "Python's repr does, and pictures with 6 digits.")                  \
    X(ascii, "on|off", "on|off", "on off",                                \
      "draw pictures with ASCII instead of box drawing.")                 \
    X(color, "on|off", "on|off", "on off", "colour on or off.")            \
    X(width, "N|auto", "N|auto", "auto",                                  \
      "columns pictures may take (20 to 100000; auto: the terminal's, or " \
      "80 when output is not a terminal).")

/* set digits N | set ascii on|off | ...: the usage of set (from the
 * fourth byte, past the first " | "; written as an address so that clang,
 * which builds the page, does not take it for a string and an int added) */
#define SETTING_USAGE(name, value, range, words, help) " | set " #name " " value
#define SETTINGS_USAGE (&SETTING_LIST(SETTING_USAGE)[3])

/* A row of the table (lib/settings.c): the X-macro's columns, and how the
 * setting is set (the call's argument 1 is the value) and shown. */
typedef struct Setting {
    const char *name;
    const char *value;
    const char *range;
    const char *words;
    int (*set)(Interp *in, const CommandCall *call);
    void (*show)(Interp *in);
    const char *help;
} Setting;
extern const Setting lib_settings[];
/* The set command, its help page, and its words for completion. */
int lib_set(Interp *in, const CommandCall *call);
void lib_set_help(FILE *out);
void lib_settings_words(InterpWordFn fn, void *ctx);

/* ---- the argument checker (lib/args.c) ---- */

/* A built-in function's arguments split into positional ones and
 * keywords. */
typedef struct Args {
    const Datum *given[8];
    uint32_t count;
    const char *keyword[4];
    const Datum *keyword_value[4];
    uint32_t keywords;
} Args;

/* Splits args[0, n) of function fn into a, checking that it has from
 * least to most positional arguments and only the keywords listed (a
 * NULL-ended list, or NULL for none). 1 after reporting. */
int args_split(Interp *in, const char *fn, Datum *args, uint32_t n, Args *a,
               uint32_t least, uint32_t most, const char *const *keywords);
/* The value given for keyword name, or NULL. */
const Datum *args_keyword(const Args *a, const char *name);
/* A number (or a node's data) in *out; 1 after reporting "fn: what must
 * be a number". */
int args_number(Interp *in, const char *fn, const char *what, const Datum *d,
                double *out);
/* The same, and a whole number from lo to hi. */
int args_whole(Interp *in, const char *fn, const char *what, const Datum *d,
               double lo, double hi, double *out);
/* The list d is, or NULL after reporting. */
const List *args_list(Interp *in, const char *fn, const char *what,
                      const Datum *d);

/* The items of d, a list, a set (its members in order) or a string (its
 * characters), as a list the caller releases; NULL after reporting. */
List *args_items(Interp *in, const char *fn, const char *what,
                 const Datum *d);

/* The datum a command's word argument names (looked up), or the argument
 * itself; NULL after reporting when the word is unbound. No reference
 * added. */
const Datum *args_resolve(Interp *in, const CommandCall *call, uint32_t i);
/* The node a command's argument stands for: a node, a number as a
 * constant leaf, or the node a word names. Reports and returns NULL
 * otherwise. The caller owns a reference to the result. */
Value *args_graph(Interp *in, const CommandCall *call, uint32_t i);
/* A command's whole-number argument from lo to hi; 1 after reporting. */
int args_whole_at(Interp *in, const CommandCall *call, uint32_t i,
                  const char *what, long lo, long hi, long *out);
/* The word a command's argument is (a bare name), or NULL. */
const char *args_word(const Interp *in, const CommandCall *call, uint32_t i);
/* The string a command's argument is, or NULL. */
const String *args_string(const CommandCall *call, uint32_t i);

/* csv("file.csv") (lib/csv.c). */
int lib_csv(Interp *in, Datum *args, uint32_t n, Datum *out);

#endif
