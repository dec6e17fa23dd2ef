/*
 * compile/compile.h — the builders the grammar's actions call. Each appends
 * the instructions for one construct to the Program being compiled; an
 * expression's builders return where its code starts, which is how a
 * builder knows what its operands were (a bare name, a number...).
 *
 * Names become numbers here (compile/names.h), so the machine never looks
 * a string up. A name is local to a function when the function assigns it
 * (or it is a parameter), as in Python; every other name is global. A
 * comprehension's variables are local to it. A text's Program runs only
 * when the whole text has parsed.
 */
#ifndef MGRAD_COMPILE_COMPILE_H
#define MGRAD_COMPILE_COMPILE_H

#include <stdint.h>
#include "compile/program.h"
#include "compile/names.h"

typedef enum LoopKind { LOOP_WHILE, LOOP_FOR, LOOP_REPEAT } LoopKind;

/* A loop being compiled: where continue goes, the breaks to patch. */
typedef struct CompileLoop {
    LoopKind kind;
    uint32_t again;          /* continue's target */
    uint32_t *breaks;
    uint32_t break_count, break_capacity;
} CompileLoop;

/* A function being compiled (at most one: no def inside a def). */
typedef struct CompileScope {
    SrcSpan name;
    uint32_t jump;           /* the jump over its body */
    uint32_t entry;
    uint32_t params;
    uint32_t *locals;        /* name offsets of its slots */
    uint32_t local_count, local_capacity;
    int outer_depth, outer_max;   /* the stack outside it */
    uint32_t required;       /* parameters before the first default */
    int anonymous;           /* a lambda: its value is left, not bound */
    int has_default;
} CompileScope;

/* A comprehension being compiled: where its parts start. */
typedef struct CompileComp {
    uint32_t element;        /* [e for ...: e's code */
    uint32_t iterable;       /* ... in xs: xs's code */
    uint32_t condition;      /* ... if c: c's code, or 0 */
    uint32_t targets;        /* where its names start on the target stack */
    uint32_t target_count;
    int depth, max_depth;    /* the stack when it began, and since */
} CompileComp;

typedef struct Compiler {
    Program *prog;
    Names *names;
    int depth, max_depth;    /* of the machine's stack, as the code runs */
    uint32_t args;           /* arguments of the command being compiled */
    uint32_t *arg_spans;     /* their spans, start and end */
    uint32_t arg_capacity;
    /* the assignment being compiled */
    int assign_attribute;    /* x.attr = e */
    int assign_index;        /* xs[i] = e */
    uint16_t assign_which;   /* the Attribute */
    uint32_t assign_name;    /* the name assigned, or the attribute's name */
    uint32_t assign_load;    /* where name's old value is loaded (+= etc.) */
    uint32_t resolved;       /* instructions whose names are numbers */
    uint32_t name_refs;      /* names emitted since (about: for sizing) */
    uint32_t functions_resolved;
    uint32_t silent_from;    /* the statement's first echoing instruction */
    /* names waiting for their code: a, b = ..., for x, y in ... */
    SrcSpan *targets;
    uint32_t target_count, target_capacity;
    CompileLoop *loops;
    uint32_t loop_count, loop_capacity;
    uint32_t loop_floor;     /* loops below it are outside the function
                                being compiled: break cannot reach them */
    CompileComp *comps;
    uint32_t comp_count, comp_capacity;
    CompileScope *scope;     /* the function being compiled, or NULL */
    CompileScope function;
} Compiler;

void compile_init(Compiler *c, Program *prog, Names *names);
void compile_free(Compiler *c);

/* Expressions: each returns the index of its first instruction. */
uint32_t gen_number(Compiler *c, double x, SrcSpan at);
uint32_t gen_string(Compiler *c, char *text, size_t length, SrcSpan at);
uint32_t gen_name(Compiler *c, SrcSpan at);
uint32_t gen_none(Compiler *c, SrcSpan at);
/* xs[a:b:c], its three bounds pushed (None for those not written). */
void gen_slice(Compiler *c, SrcSpan at);
void gen_negate(Compiler *c, uint32_t operand, SrcSpan at);
void gen_not(Compiler *c, SrcSpan at);
/* a op b, where b's code starts at right. */
void gen_binary(Compiler *c, BinaryOp op, uint32_t right, SrcSpan at);
/* a op b, a comparison: chained onto a comparison a = (x op0 y) not in
 * brackets, it is x op0 y and y op b, y evaluated again (-1 when y is not
 * a name, a number or an attribute of one, which could change between). */
int gen_compare(Compiler *c, BinaryOp op, uint32_t left, uint32_t right,
                SrcSpan at);
/* (e): e's last comparison no longer chains. */
void gen_bracketed(Compiler *c);
/* a and b, a or b: _begin after a (returns what _end needs), _end after b. */
uint32_t gen_logic_begin(Compiler *c, int is_and, SrcSpan at);
void gen_logic_end(Compiler *c, uint32_t begin, SrcSpan at);
/* f(args) or, with method, x.f(args) where x is the first of nargs. */
/* -1 past COMPILE_MAX_ARGS arguments (nothing is emitted). */
int gen_call(Compiler *c, SrcSpan name, uint32_t nargs, int method,
              SrcSpan at);
/* v(args): a call of the value whose code comes before its nargs
 * arguments'. -1 past COMPILE_MAX_ARGS arguments. */
int gen_call_value(Compiler *c, uint32_t nargs, SrcSpan at);
void gen_attribute(Compiler *c, SrcSpan name, SrcSpan at);
uint32_t gen_list(Compiler *c, uint32_t count, SrcSpan at);
/* An f-string's {e} or {e:spec} (spec NULL for none; it is taken over), and
 * the f-string: its count parts, texts and formatted values, joined. */
void gen_format(Compiler *c, char *spec, size_t length, SrcSpan at);
void gen_concat(Compiler *c, uint32_t count, SrcSpan at);
void gen_index(Compiler *c, SrcSpan at);
/* [e for x in xs if c]: _begin at `for` (given e's code), _iterable at
 * `in`, _condition at `if`, _end after it all. */
uint32_t gen_comp_begin(Compiler *c, uint32_t element);
void gen_comp_iterable(Compiler *c);
void gen_comp_condition(Compiler *c);
void gen_comp_end(Compiler *c, uint32_t element, SrcSpan at);

/* x if c else y, compiled x, c, y (x's code from x0, c's from c0, y's
 * from y0): moved into c; JUMP_FALSE; x; JUMP; y. */
void gen_ternary(Compiler *c, uint32_t x0, uint32_t c0, uint32_t y0,
                 SrcSpan at);

/* name = e, once e's code is in place. */
void gen_bind(Compiler *c, SrcSpan name, SrcSpan at);

/* Assignment: called once the target's code and the operator are seen,
 * before the value's code. Returns 0 when the target can be assigned to
 * (a name, x.data/x.grad/x.label, xs[i]), -1 when not. */
int gen_assign_begin(Compiler *c, uint32_t target, BinaryOp op);
void gen_assign_end(Compiler *c, BinaryOp op, SrcSpan at);

/* A name waiting for its value: targets of a, b = ... and of for. */
void gen_target(Compiler *c, SrcSpan name);
/* a, b, c = values: names names from the target stack, `values` values on
 * the stack (one: a list to unpack). Returns -1 when the counts disagree
 * (nothing is emitted), as the other builders that can refuse do. */
int gen_unpack(Compiler *c, uint32_t names, uint32_t values, SrcSpan at);

/* Statements. */
void gen_show(Compiler *c, uint32_t expression, SrcSpan at);

/* import a.b (IMPORT_TOP: binds a), import a.b as n (IMPORT_AS: binds n),
 * from a.b import ... (IMPORT_KEEP: the module stays on the stack for
 * gen_import_member, and gen_pop drops it). */
enum { IMPORT_TOP, IMPORT_AS, IMPORT_KEEP };
void gen_import(Compiler *c, SrcSpan path, SrcSpan name, int how);
/* from ... import member as name: binds name to the module's member. */
void gen_import_member(Compiler *c, SrcSpan member, SrcSpan name);
void gen_pop(Compiler *c);
/* A command's argument whose code starts at `code` (a bare name in it
 * becomes a word, unevaluated). */
void gen_command_arg(Compiler *c, uint32_t code, SrcSpan at);
/* A word pushed as it is (`help tree`, the x of a range, a keyword). */
uint32_t gen_word(Compiler *c, SrcSpan at);
/* x = lo..hi, after the word x and the code of lo and hi. */
void gen_range(Compiler *c, SrcSpan lo, SrcSpan hi, SrcSpan at);
void gen_command(Compiler *c, int command, SrcSpan at);

/* Control flow. Placeholders are returned and patched by the _end. */
uint32_t gen_jump_false(Compiler *c, SrcSpan at);
uint32_t gen_else(Compiler *c, uint32_t jump_false, SrcSpan at);
void gen_if_end(Compiler *c, uint32_t jump);
uint32_t gen_loop_begin(Compiler *c, LoopKind kind);
void gen_while_end(Compiler *c, uint32_t start, uint32_t jump_false,
                   SrcSpan at);
uint32_t gen_for_begin(Compiler *c, uint32_t targets, SrcSpan at);
void gen_for_end(Compiler *c, uint32_t next, SrcSpan at);
uint32_t gen_repeat_begin(Compiler *c, SrcSpan at);
void gen_repeat_end(Compiler *c, uint32_t next, SrcSpan at);
/* -1 outside a loop. */
int gen_break(Compiler *c, SrcSpan at);
int gen_continue(Compiler *c, SrcSpan at);

/* The most slots a function has (its parameters, the names it assigns and
 * its comprehensions' variables; a frame counts them in 16 bits), and the
 * most arguments one call passes. Past them the text is refused. */
#define COMPILE_MAX_SLOTS 1024
#define COMPILE_MAX_ARGS  UINT16_MAX

/* def name(params) = e  or  def name(params) { ... }. _begin returns -1
 * inside another function; gen_param -1 for a name already a parameter
 * and -2 past COMPILE_MAX_SLOTS; gen_def_end -1 when the function has more
 * than COMPILE_MAX_SLOTS slots; gen_return -1 outside a function. */
int gen_def_begin(Compiler *c, SrcSpan name, SrcSpan at);
int gen_param(Compiler *c, SrcSpan name);
int gen_def_end(Compiler *c, SrcSpan at);
int gen_return(Compiler *c, int with_value, SrcSpan at);
/* def f(x, h=e): after the parameter h, _begin (returns -1 when a
 * parameter with a default came before one without... no: when h is not
 * the last parameter given); the code of e runs when a call gives no h. */
uint32_t gen_default_begin(Compiler *c);
/* lambda params: e, a def whose function is the expression's value (named
 * by the word lambda in messages); then gen_return and gen_def_end. -1
 * inside a function. */
int gen_lambda_begin(Compiler *c, SrcSpan keyword);
void gen_default_end(Compiler *c, uint32_t begin, SrcSpan at);
/* A parameter without a default after one with: -1 (Python refuses it). */
int gen_param_plain(Compiler *c);

/* Turns the names of the code compiled since the last call into their
 * numbers (until then an instruction names a name by its offset). */
void compile_resolve(Compiler *c);

/* The statement just compiled ended with ';'. */
void gen_silent(Compiler *c);
/* After a syntax error: forget what the statement left half done. */
void gen_recover(Compiler *c);
/* The same at the top level: no loop or function is open any more. */
void gen_recover_all(Compiler *c);
void gen_end(Compiler *c, SrcSpan at);

#endif
