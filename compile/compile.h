/*
 * compile/compile.h — the builders the grammar's actions call. Each appends
 * the instructions for one construct to the Program being compiled; an
 * expression's builders return where its code starts, which is how a
 * builder knows what its operands were (a bare name, a number...).
 *
 * Names become numbers here (compile/names.h), so the machine never looks
 * a string up. A text's Program runs only when the whole text has parsed.
 */
#ifndef MGRAD_COMPILE_COMPILE_H
#define MGRAD_COMPILE_COMPILE_H

#include <stdint.h>
#include "program.h"
#include "names.h"

typedef struct Compiler {
    Program *prog;
    Names *names;
    int depth, max_depth;    /* of the machine's stack, as the code runs */
    uint32_t args;           /* arguments of the command being compiled */
    uint32_t *arg_spans;     /* their spans, start and end */
    uint32_t arg_capacity;
    /* the assignment being compiled */
    int assign_attribute;    /* x.attr = e, else name = e */
    uint16_t assign_which;   /* the Attribute */
    uint32_t assign_name;    /* the name assigned, or the attribute's name */
    uint32_t assign_load;    /* where name's old value is loaded (+= etc.) */
    uint32_t resolved;       /* instructions whose names are numbers */
} Compiler;

void compile_init(Compiler *c, Program *prog, Names *names);
void compile_free(Compiler *c);

/* Expressions: each returns the index of its first instruction. */
uint32_t gen_number(Compiler *c, double x, SrcSpan at);
uint32_t gen_string(Compiler *c, char *text, size_t length, SrcSpan at);
uint32_t gen_name(Compiler *c, SrcSpan at);
void gen_negate(Compiler *c, uint32_t operand, SrcSpan at);
void gen_not(Compiler *c, SrcSpan at);
void gen_binary(Compiler *c, BinaryOp op, SrcSpan at);
/* a and b, a or b: _begin after a (returns what _end needs), _end after b. */
uint32_t gen_logic_begin(Compiler *c, int is_and, SrcSpan at);
void gen_logic_end(Compiler *c, uint32_t begin, SrcSpan at);
/* f(args) or, with method, x.f(args) where x is the first of nargs. */
void gen_call(Compiler *c, SrcSpan name, uint32_t nargs, int method,
              SrcSpan at);
void gen_attribute(Compiler *c, SrcSpan name, SrcSpan at);

/* name = e, once e's code is in place. */
void gen_bind(Compiler *c, SrcSpan name, SrcSpan at);

/* Assignment: called once the target's code and the operator are seen,
 * before the value's code. Returns 0 when the target can be assigned to
 * (a name or x.data/x.grad), -1 when not. */
int gen_assign_begin(Compiler *c, uint32_t target, BinaryOp op);
void gen_assign_end(Compiler *c, BinaryOp op, SrcSpan at);

/* Statements. */
void gen_show(Compiler *c, uint32_t expression, SrcSpan at);
/* A command's argument whose code starts at `code` (a bare name in it
 * becomes a word, unevaluated). */
void gen_command_arg(Compiler *c, uint32_t code, SrcSpan at);
/* A word pushed as it is (`help tree`, the x of a range). */
uint32_t gen_word(Compiler *c, SrcSpan at);
/* x = lo..hi, after the word x and the code of lo and hi. */
void gen_range(Compiler *c, SrcSpan lo, SrcSpan hi, SrcSpan at);
void gen_command(Compiler *c, int command, SrcSpan at);
/* Turns the names of the code compiled since the last call into their
 * numbers (until then an instruction names a name by its offset). */
void compile_resolve(Compiler *c);

/* The statement just compiled ended with ';'. */
void gen_silent(Compiler *c);
void gen_end(Compiler *c, SrcSpan at);

#endif
