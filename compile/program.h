/*
 * compile/program.h — the compiled form of a text: a flat, append-only
 * array of instructions for a stack machine, each with a 32-bit operand and
 * the source span it came from, and the constants they use.
 *
 * The parser's actions call the builders of compile/compile.h, which append
 * here in the order Bison reduces, so an expression's code is postfix: its
 * operands' code, then its operator. The machine (interp/) runs a Program
 * once all of its text has parsed.
 *
 * Ownership: a Program is reference counted. The run that compiled it holds
 * one reference (so do the functions defined in it, when the language has
 * them); the Program holds one reference to its Source.
 */
#ifndef MGRAD_COMPILE_PROGRAM_H
#define MGRAD_COMPILE_PROGRAM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "util/source.h"
#include "compile/opcodes.h"

/* The instructions: one row each in compile/opcodes.h. */
typedef enum Opcode {
#define OPCODE_ENUM(name, operand, effect) INS_##name,
    OPCODE_LIST(OPCODE_ENUM)
#undef OPCODE_ENUM
    INS_COUNT
} Opcode;

/* Flags of an instruction. */
enum {
    INS_SILENT = 1u << 0,   /* the statement it ends was followed by ';' */
    INS_COMPOUND = 1u << 1, /* INS_GLOBAL: the old value of a += and the
                               like; INS_BINARY: its operation */
    INS_METHOD = 1u << 2,   /* INS_CALL, INS_COMMAND: written x.f(...) */
    INS_COMPARISON = 1u << 4, /* INS_BINARY(_NUMBER), INS_TRUTH: a
                                 comparison not in brackets, which a next
                                 one chains onto */
    INS_RAW = 1u << 3       /* INS_BIND: bind as it is (a for loop's name):
                               a number stays a number, a node keeps its
                               label */
};

enum { APPLY_METHOD = 1u << 16 };  /* written x.f(...) */

typedef enum BinaryOp {
    BIN_NONE,
    BIN_ADD, BIN_SUB, BIN_MUL, BIN_DIV, BIN_POW,
    BIN_LT, BIN_LE, BIN_GT, BIN_GE, BIN_EQ, BIN_NE,
    BIN_MOD, BIN_FLOORDIV,          /* % and // on numbers, as Python's */
    BIN_IN, BIN_NOT_IN, BIN_IS, BIN_IS_NOT
} BinaryOp;

/* The attributes a value has (x.data), one row each: X(name, "word").
 * The compiler, the machine's messages and completion read this table. */
#define ATTRIBUTE_LIST(X)                                                 \
    X(DATA, "data")                                                       \
    X(GRAD, "grad")                                                       \
    X(LABEL, "label")

typedef enum Attribute {
    ATTR_UNKNOWN,
#define ATTRIBUTE_ENUM(name, word) ATTR_##name,
    ATTRIBUTE_LIST(ATTRIBUTE_ENUM)
#undef ATTRIBUTE_ENUM
    ATTR_COUNT
} Attribute;

/* The word of each attribute (ATTR_UNKNOWN's is NULL). */
extern const char *const program_attributes[ATTR_COUNT];
/* The attribute named text[0, length), or ATTR_UNKNOWN. */
Attribute program_attribute(const char *text, size_t length);

typedef struct Instr {
    uint8_t op;        /* Opcode */
    uint8_t flags;
    uint16_t aux;
    uint32_t arg;
    uint32_t start, end;   /* the source span: byte offsets */
} Instr;

/* A string constant (escapes decoded; may hold NUL bytes). */
typedef struct ProgramString {
    char *text;
    size_t length;
} ProgramString;

/* A function defined by def: its code is code[entry, ...) of the program
 * it was compiled in. */
typedef struct FunctionProto {
    uint32_t name;           /* the name's number */
    uint32_t entry;
    uint16_t params, locals; /* slots: the parameters first */
    uint16_t required;       /* the parameters before the first default */
    uint32_t max_stack;      /* beyond its locals */
    uint32_t *local_names;   /* the name of each slot */
} FunctionProto;

typedef struct Program {
    size_t refs;
    Source *src;
    Instr *code;
    uint32_t count, capacity;
    double *numbers;
    uint32_t number_count, number_capacity;
    /* Numbers seen lately, by a hash of their bits (index + 1; 0: none), so
     * a literal written over and over is stored once; and the newest
     * number while only one instruction uses it (UINT32_MAX: none). */
    uint32_t recent[64];
    uint32_t fresh;
    ProgramString *strings;
    uint32_t string_count, string_capacity;
    /* Argument spans of commands: at an INS_COMMAND's arg, the number of
     * arguments n, then n pairs start, end. */
    uint32_t *spans;
    uint32_t span_count, span_capacity;
    uint32_t max_stack;    /* the most values the code keeps on the stack */
    uint32_t locals;       /* slots of the top level (comprehensions') */
    FunctionProto *functions;
    uint32_t function_count, function_capacity;
} Program;

Program *program_new(Source *src);
Program *program_retain(Program *p);
void program_release(Program *p);

/* Makes room for more instructions (program_emit's slow path). */
void program_grow_code(Program *p);

/* Appends an instruction; returns its index. Inline: a big script emits
 * millions. */
static inline uint32_t program_emit(Program *p, Opcode op, uint16_t aux,
                                    uint32_t arg, uint32_t start,
                                    uint32_t end)
{
    if (p->count == p->capacity)
        program_grow_code(p);
    Instr *i = &p->code[p->count];
    i->op = (uint8_t)op;
    i->flags = 0;
    i->aux = aux;
    i->arg = arg;
    i->start = start;
    i->end = end;
    return p->count++;
}
/* Makes room for at least n instructions in all (count may then grow to
 * n without moving the array). */
void program_reserve(Program *p, uint32_t n);
/* The index of the number x in numbers[], added unless it was seen
 * lately (the same bits). */
uint32_t program_number(Program *p, double x);
/* The index of minus numbers[i], for the instruction that alone uses
 * numbers[i] (`-3` is the number -3): in place when no other does. */
uint32_t program_negate_number(Program *p, uint32_t i);
uint32_t program_string(Program *p, char *text, size_t length);  /* owns text */
/* Reserves n words of the span table; returns the index of the first. */
uint32_t program_spans(Program *p, uint32_t n);

/* Adds a function; returns its index. The program owns local_names. */
uint32_t program_function(Program *p, FunctionProto proto);

/* Lists the instructions, one a line (MGRAD_DUMP=1 shows every program
 * before it runs: for debugging the compiler). */
void program_dump(FILE *out, const Program *p);

/* Facts of compile/opcodes.h: an opcode's name, its operand's kind, and
 * its effect on the stack's depth with these operands (p's spans give a
 * command's argument count). */
const char *program_opcode_name(Opcode op);
OperandKind program_operand(Opcode op);
int program_stack_effect(const Program *p, Opcode op, uint16_t aux,
                         uint32_t arg);


#endif
