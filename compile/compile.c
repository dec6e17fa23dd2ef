/*
 * compile/compile.c — the builders: constructs to instructions.
 *
 * Code is appended as Bison reduces, so when a builder runs, its operands'
 * code is already in place just before it. Builders that need to know what
 * an operand was look at that code: a lone INS_GLOBAL is a bare name (an
 * assignment's target, a command's word), a lone INS_NUMBER a literal (so
 * `-3` becomes the number -3 at once). The stack depth is followed as code
 * is added, so the machine sizes its stack once per program.
 */
#include "compile.h"

#include <stdlib.h>
#include <string.h>

#include "../engine/value.h"
#include "../util/mem.h"

void compile_init(Compiler *c, Program *prog, Names *names)
{
    memset(c, 0, sizeof *c);
    c->prog = prog;
    c->names = names;
}

void compile_free(Compiler *c)
{
    free(c->arg_spans);
    c->arg_spans = NULL;
}

static void stack_effect(Compiler *c, int effect)
{
    c->depth += effect;
    if (c->depth > c->max_depth) {
        c->max_depth = c->depth;
        c->prog->max_stack = (uint32_t)c->max_depth;
    }
}

static uint32_t emit(Compiler *c, Opcode op, uint16_t aux, uint32_t arg,
                     SrcSpan at, int effect)
{
    stack_effect(c, effect);
    return program_emit(c->prog, op, aux, arg, at.start, at.end);
}

/* The one instruction of an operand whose code is exactly one, else NULL. */
static Instr *lone(Compiler *c, uint32_t code, Opcode op)
{
    if (c->prog->count != code + 1 || c->prog->code[code].op != op)
        return NULL;
    return &c->prog->code[code];
}

/* A name is compiled as its offset in the text; compile_resolve() turns
 * every such offset into the name's number at the end, many at a time. */
static uint32_t intern_span(Compiler *c, SrcSpan at)
{
    (void)c;
    return at.start;
}

/* ---- expressions ---------------------------------------------------------- */

uint32_t gen_number(Compiler *c, double x, SrcSpan at)
{
    return emit(c, INS_NUMBER, 0, program_number(c->prog, x), at, 1);
}

uint32_t gen_string(Compiler *c, char *text, size_t length, SrcSpan at)
{
    return emit(c, INS_STRING, 0, program_string(c->prog, text, length), at,
                1);
}

uint32_t gen_name(Compiler *c, SrcSpan at)
{
    return emit(c, INS_GLOBAL, 0, intern_span(c, at), at, 1);
}

void gen_negate(Compiler *c, uint32_t operand, SrcSpan at)
{
    Instr *number = lone(c, operand, INS_NUMBER);
    if (number) {
        c->prog->numbers[number->arg] = -c->prog->numbers[number->arg];
        number->start = at.start;
        number->end = at.end;
        return;
    }
    emit(c, INS_NEG, 0, 0, at, 0);
}

void gen_not(Compiler *c, SrcSpan at)
{
    emit(c, INS_NOT, 0, 0, at, 0);
}

void gen_binary(Compiler *c, BinaryOp op, SrcSpan at)
{
    emit(c, INS_BINARY, (uint16_t)op, 0, at, -1);
}

uint32_t gen_logic_begin(Compiler *c, int is_and, SrcSpan at)
{
    /* Falling through pops the left value; the right one replaces it. */
    return emit(c, is_and ? INS_AND : INS_OR, 0, 0, at, -1);
}

void gen_logic_end(Compiler *c, uint32_t begin, SrcSpan at)
{
    /* The right operand decides: as a number, 1 or 0. */
    emit(c, INS_TRUTH, 0, 0, at, 0);
    c->prog->code[begin].arg = c->prog->count;
}

void gen_call(Compiler *c, SrcSpan name, uint32_t nargs, int method,
              SrcSpan at)
{
    const char *text = c->prog->src->text + name.start;
    size_t length = name.end - name.start;
    char word[32];
    int op = -1;
    if (length < sizeof word) {
        memcpy(word, text, length);
        word[length] = '\0';
        op = value_op_by_name(word);
    }
    if (nargs > UINT16_MAX)
        nargs = UINT16_MAX;   /* the machine reports the arity */
    if (op >= 0) {
        emit(c, INS_APPLY, (uint16_t)op,
             nargs | (method ? APPLY_METHOD : 0), at, 1 - (int)nargs);
        return;
    }
    uint32_t i = emit(c, INS_CALL, (uint16_t)nargs, intern_span(c, name), at,
                      1 - (int)nargs);
    if (method)
        c->prog->code[i].flags |= INS_METHOD;
}

void gen_attribute(Compiler *c, SrcSpan name, SrcSpan at)
{
    const char *text = c->prog->src->text + name.start;
    size_t length = name.end - name.start;
    Attribute which = ATTR_UNKNOWN;
    if (length == 4 && memcmp(text, "data", 4) == 0)
        which = ATTR_DATA;
    else if (length == 4 && memcmp(text, "grad", 4) == 0)
        which = ATTR_GRAD;
    emit(c, INS_ATTR, (uint16_t)which, intern_span(c, name), at, 0);
}

/* ---- assignment ------------------------------------------------------------- */

int gen_assign_begin(Compiler *c, uint32_t target, BinaryOp op)
{
    Program *p = c->prog;
    Instr *name = lone(c, target, INS_GLOBAL);
    if (name) {
        c->assign_attribute = 0;
        c->assign_name = name->arg;
        c->assign_load = target;
        if (op == BIN_NONE) {
            p->count--;              /* the old value is not needed */
            stack_effect(c, -1);
        } else {
            name->flags |= INS_COMPOUND;
        }
        return 0;
    }
    if (p->count > target && p->code[p->count - 1].op == INS_ATTR) {
        /* x.data = e: the object stays on the stack, and INS_SET_ATTR sets
         * the field (or combines it with e). */
        Instr *attr = &p->code[--p->count];
        c->assign_attribute = 1;
        c->assign_which = attr->aux;
        c->assign_name = attr->arg;
        return 0;
    }
    return -1;
}

void gen_assign_end(Compiler *c, BinaryOp op, SrcSpan at)
{
    if (c->assign_attribute) {
        emit(c, INS_SET_ATTR, (uint16_t)(c->assign_which | (op << 8)),
             c->assign_name, at, -2);
        return;
    }
    if (op != BIN_NONE) {
        Instr *load = &c->prog->code[c->assign_load];
        load->start = at.start;   /* an undefined name is the statement's error */
        load->end = at.end;
        emit(c, INS_BINARY, (uint16_t)op, 0, at, -1);
    }
    emit(c, INS_BIND, 0, c->assign_name, at, -1);
}

void gen_bind(Compiler *c, SrcSpan name, SrcSpan at)
{
    emit(c, INS_BIND, 0, intern_span(c, name), at, -1);
}

/* ---- statements ------------------------------------------------------------------ */

void gen_show(Compiler *c, uint32_t expression, SrcSpan at)
{
    Instr *name = lone(c, expression, INS_GLOBAL);
    emit(c, INS_SHOW, 0, name ? name->arg + 1 : 0, at, -1);
}

static void add_arg_span(Compiler *c, SrcSpan at)
{
    if (2 * (c->args + 1) > c->arg_capacity) {
        c->arg_capacity = c->arg_capacity ? 2 * c->arg_capacity : 16;
        c->arg_spans = mem_realloc(c->arg_spans,
                                   c->arg_capacity * sizeof *c->arg_spans);
    }
    c->arg_spans[2 * c->args] = at.start;
    c->arg_spans[2 * c->args + 1] = at.end;
    c->args++;
}

void gen_command_arg(Compiler *c, uint32_t code, SrcSpan at)
{
    Instr *name = lone(c, code, INS_GLOBAL);
    if (name)
        name->op = INS_WORD;
    add_arg_span(c, at);
}

uint32_t gen_word(Compiler *c, SrcSpan at)
{
    return emit(c, INS_WORD, 0, intern_span(c, at), at, 1);
}

void gen_range(Compiler *c, SrcSpan lo, SrcSpan hi, SrcSpan at)
{
    /* The word and the two bounds were pushed; the bounds' spans go in the
     * span table, for messages about them. */
    uint32_t spans = program_spans(c->prog, 4);
    uint32_t *s = c->prog->spans + spans;
    s[0] = lo.start;
    s[1] = lo.end;
    s[2] = hi.start;
    s[3] = hi.end;
    emit(c, INS_RANGE, 0, spans, at, -2);
}

void gen_command(Compiler *c, int command, SrcSpan at)
{
    uint32_t n = c->args;
    uint32_t spans = program_spans(c->prog, 1 + 2 * n);
    c->prog->spans[spans] = n;
    if (n)
        memcpy(c->prog->spans + spans + 1, c->arg_spans,
               2 * n * sizeof *c->arg_spans);
    emit(c, INS_COMMAND, (uint16_t)command, spans, at, -(int)n);
    c->args = 0;
}

void gen_silent(Compiler *c)
{
    if (c->prog->count)
        c->prog->code[c->prog->count - 1].flags |= INS_SILENT;
}

void gen_end(Compiler *c, SrcSpan at)
{
    emit(c, INS_END, 0, 0, at, 0);
}

/* ---- resolving names ----------------------------------------------------------- */

/* Whether an instruction's operand is a name (its offset until resolved);
 * INS_SHOW's is the name + 1, when it has one. */
static int names_something(const Instr *i)
{
    switch ((Opcode)i->op) {
    case INS_GLOBAL: case INS_WORD: case INS_BIND: case INS_CALL:
    case INS_ATTR: case INS_SET_ATTR:
        return 1;
    case INS_SHOW:
        return i->arg != 0;
    default:
        return 0;
    }
}

static uint32_t name_length(const char *name)
{
    uint32_t n = 0;
    while (name[n] == '_' || (name[n] >= 'a' && name[n] <= 'z') ||
           (name[n] >= 'A' && name[n] <= 'Z') ||
           (name[n] >= '0' && name[n] <= '9'))
        n++;
    return n;
}

enum { AHEAD = 16 };   /* names hashed and prefetched before they are needed */

typedef struct PendingName {
    Instr *instr;
    const char *text;
    uint32_t length, hash;
} PendingName;

static void resolve_one(Compiler *c, const PendingName *n)
{
    names_reserve(c->names, 1);
    uint32_t id = names_intern_hashed(c->names, n->text, n->length, n->hash);
    n->instr->arg = n->instr->op == INS_SHOW ? id + 1 : id;
}

/* A script of millions of statements names millions of globals: looking
 * each up as it is parsed waits on a cache miss each time. Here the names
 * are hashed AHEAD at a time and their table slots prefetched, so the
 * misses overlap. */
void compile_resolve(Compiler *c)
{
    Program *p = c->prog;
    const char *text = p->src->text;
    PendingName ring[AHEAD];
    uint32_t head = 0, count = 0;
    for (uint32_t k = c->resolved; k < p->count; k++) {
        Instr *i = &p->code[k];
        if (!names_something(i))
            continue;
        uint32_t offset = i->op == INS_SHOW ? i->arg - 1 : i->arg;
        if (count == AHEAD) {
            resolve_one(c, &ring[head]);
            head = (head + 1) % AHEAD;
            count--;
        }
        PendingName *n = &ring[(head + count) % AHEAD];
        n->instr = i;
        n->text = text + offset;
        n->length = name_length(n->text);
        n->hash = names_hash(n->text, n->length);
        if (c->names->table_size)
            names_prefetch(c->names, n->hash);
        count++;
    }
    for (; count > 0; count--, head = (head + 1) % AHEAD)
        resolve_one(c, &ring[head]);
    c->resolved = p->count;
}
