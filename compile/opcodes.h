/*
 * compile/opcodes.h — the one table of the machine's instructions, in the
 * way of jq's opcode_list.h: for each, its name, what its operand (arg)
 * is, and its effect on the depth of the machine's stack when it falls
 * through (OPCODE_VARIES: it depends on the operands, as
 * program_stack_effect() works out). The Opcode enum, the disassembler,
 * the jump test, the list of opcodes that name a name, and the compiler's
 * check of every instruction it emits all come from this table.
 *
 * Jumps' operand is the distance to the target, as a signed number of
 * instructions, so a block of code can be moved whole.
 */
#ifndef MGRAD_COMPILE_OPCODES_H
#define MGRAD_COMPILE_OPCODES_H

typedef enum OperandKind {
    OPERAND_NONE,
    OPERAND_NUMBER,     /* an index into numbers[] */
    OPERAND_STRING,     /* an index into strings[] */
    OPERAND_NAME,       /* a name (its offset in the text until resolved) */
    OPERAND_SHOWN,      /* a name + 1, or 0 for none */
    OPERAND_SLOT,       /* a local slot of the running frame */
    OPERAND_COUNT,      /* how many values */
    OPERAND_ARGS,       /* arguments given, + APPLY_METHOD */
    OPERAND_JUMP,       /* the distance to the target */
    OPERAND_FUNCTION,   /* an index into functions[] */
    OPERAND_SPANS,      /* an index into spans[] */
    OPERAND_OFFSET      /* a place in the text */
} OperandKind;

#define OPCODE_VARIES 99

/* X(name, operand, stack effect) */
#define OPCODE_LIST(X)                                                    \
    /* push numbers[arg] */                                               \
    X(NUMBER, OPERAND_NUMBER, 1)                                          \
    /* push strings[arg] */                                               \
    X(STRING, OPERAND_STRING, 1)                                          \
    /* push global arg (a built-in's name unbound: the built-in) */      \
    X(GLOBAL, OPERAND_NAME, 1)                                            \
    /* push local slot arg of the running frame */                        \
    X(LOCAL, OPERAND_SLOT, 1)                                             \
    /* push the bare name arg, unevaluated (a command's argument:         \
       `del a`, `set digits 8`, `backward L`) */                          \
    X(WORD, OPERAND_NAME, 1)                                              \
    /* pop and bind to global arg; shows name = value */                  \
    X(BIND, OPERAND_NAME, -1)                                             \
    /* pop and bind to local slot arg; shows it the same */               \
    X(BIND_LOCAL, OPERAND_SLOT, -1)                                       \
    /* -x */                                                              \
    X(NEG, OPERAND_NONE, 0)                                               \
    /* not x: a number */                                                 \
    X(NOT, OPERAND_NONE, 0)                                               \
    /* x to the number 1 or 0 (the right side of and/or) */               \
    X(TRUTH, OPERAND_NONE, 0)                                             \
    /* aux: BinaryOp; pops b and a, pushes a op b */                      \
    X(BINARY, OPERAND_NONE, -1)                                           \
    /* aux: BinaryOp; pops a, pushes a op numbers[arg] (a literal right   \
       operand) */                                                        \
    X(BINARY_NUMBER, OPERAND_NUMBER, 0)                                   \
    /* aux: OpKind; pops the arguments, pushes the result */              \
    X(APPLY, OPERAND_ARGS, OPCODE_VARIES)                                 \
    /* call of the global named arg; aux: values given (a keyword         \
       argument is two: its name as WORD, then its value) */              \
    X(CALL, OPERAND_NAME, OPCODE_VARIES)                                  \
    /* as CALL, the callee in local slot arg */                           \
    X(CALL_LOCAL, OPERAND_SLOT, OPCODE_VARIES)                            \
    /* aux: values given; the callee is the value below them              \
       (acts[1](x), a call's result called) */                            \
    X(CALL_VALUE, OPERAND_NONE, OPCODE_VARIES)                            \
    /* aux: Attribute; arg: its name (for messages) */                    \
    X(ATTR, OPERAND_NAME, 0)                                              \
    /* pops value and object; aux: the Attribute, and in its high byte    \
       the BinaryOp of a compound assignment (BIN_NONE for =) */          \
    X(SET_ATTR, OPERAND_NAME, -2)                                         \
    /* push the module named by string arg (a dotted path); aux 1: the    \
       package it is in (import a.b binds a) */                           \
    X(IMPORT, OPERAND_STRING, 1)                                          \
    /* push the top again */                                              \
    X(DUP, OPERAND_NONE, 1)                                               \
    X(POP, OPERAND_NONE, -1)                                              \
    /* pop and show; arg: name + 1 when it was a bare name */             \
    X(SHOW, OPERAND_SHOWN, -1)                                            \
    X(JUMP, OPERAND_JUMP, 0)                                              \
    /* pop; jump when false */                                            \
    X(JUMP_FALSE, OPERAND_JUMP, -1)                                       \
    /* false on top: replace by 0 and jump; else pop */                   \
    X(AND, OPERAND_JUMP, -1)                                              \
    /* true on top: replace by 1 and jump; else pop */                    \
    X(OR, OPERAND_JUMP, -1)                                               \
    /* pop arg values, push the list of them */                           \
    X(MAKE_LIST, OPERAND_COUNT, OPCODE_VARIES)                            \
    /* pop index and list, push the item */                               \
    X(INDEX, OPERAND_NONE, -1)                                            \
    /* pop value, index, list: list[index] = value (aux: BinaryOp of +=   \
       etc.); arg: where the target's text ends, for the echo */          \
    X(SET_INDEX, OPERAND_OFFSET, -3)                                      \
    /* pop a list of arg items, push them last first */                   \
    X(UNPACK, OPERAND_COUNT, OPCODE_VARIES)                               \
    /* the list on top becomes an iterator over it */                     \
    X(ITER, OPERAND_NONE, 0)                                              \
    /* the iterator on top: push its next item, or pop it and jump when   \
       it is done */                                                      \
    X(NEXT, OPERAND_JUMP, 1)                                              \
    /* the count on top must be a whole number >= 0 */                    \
    X(REPEAT, OPERAND_NONE, 0)                                            \
    /* count on top: decrease it, or pop it and jump when it is 0 */      \
    X(REPEAT_NEXT, OPERAND_JUMP, 0)                                       \
    /* pop a value, append it to the list arg + 1 below */                \
    X(APPEND, OPERAND_COUNT, -1)                                          \
    /* push a new function of functions[arg] */                           \
    X(FUNCTION, OPERAND_FUNCTION, 1)                                      \
    /* pop the result and return it from the frame */                     \
    X(RETURN, OPERAND_NONE, -1)                                           \
    /* return none */                                                     \
    X(RETURN_NONE, OPERAND_NONE, 0)                                       \
    /* pop hi, lo, word: push plot's range x = lo..hi; arg: the spans of  \
       lo and hi in spans[] */                                            \
    X(RANGE, OPERAND_SPANS, -2)                                           \
    /* push None */                                                       \
    X(NONE, OPERAND_NONE, 1)                                              \
    /* local slot aux bound (given by the call): jump over the code of    \
       its default value */                                               \
    X(DEFAULT, OPERAND_JUMP, 0)                                           \
    /* pop step, stop, start and a list or string: push the slice */      \
    X(SLICE, OPERAND_NONE, -3)                                            \
    /* the value on top to its text in an f-string; aux 1: as the format  \
       specification strings[arg] says */                                 \
    X(FORMAT, OPERAND_STRING, 0)                                          \
    /* pop arg strings, push them joined */                               \
    X(CONCAT, OPERAND_COUNT, OPCODE_VARIES)                               \
    /* aux: the command's row; arg: its argument count and spans in       \
       spans[] */                                                         \
    X(COMMAND, OPERAND_SPANS, OPCODE_VARIES)                              \
    /* the end of the text */                                             \
    X(END, OPERAND_NONE, 0)

#endif
