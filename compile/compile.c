/*
 * compile/compile.c — the builders: constructs to instructions.
 *
 * Code is appended as Bison reduces, so when a builder runs, its operands'
 * code is already in place just before it. Builders that need to know what
 * an operand was look at that code: a lone INS_GLOBAL is a bare name (an
 * assignment's target, a command's word), a lone INS_NUMBER a literal (so
 * `-3` becomes the number -3 at once). The stack depth is followed as code
 * is added, so the machine sizes its stack once per program or function.
 *
 * Jumps are relative, so a block of code can be moved whole: that is how a
 * comprehension, written element first, runs its loop first. Until
 * compile_resolve(), an instruction names a name by the name's offset in
 * the text; that is also how a function's body finds its local names when
 * the function ends.
 */
#include "compile/compile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/value.h"
#include "util/mem.h"

void compile_init(Compiler *c, Program *prog, Names *names)
{
    memset(c, 0, sizeof *c);
    c->prog = prog;
    c->names = names;
}

static void forget_loops(Compiler *c)
{
    for (uint32_t i = 0; i < c->loop_count; i++)
        free(c->loops[i].breaks);
    c->loop_count = 0;
}

static void forget_scope(Compiler *c)
{
    if (c->scope) {
        free(c->scope->locals);
        c->scope->locals = NULL;
        c->depth = c->scope->outer_depth;
        c->max_depth = c->scope->outer_max;
        c->scope = NULL;
        c->loop_floor = 0;
    }
}

void compile_free(Compiler *c)
{
    forget_loops(c);
    forget_scope(c);
    free(c->arg_spans);
    free(c->targets);
    free(c->loops);
    free(c->comps);
    c->arg_spans = NULL;
}

static void note_max(Compiler *c)
{
    if (!c->scope && (uint32_t)c->max_depth > c->prog->max_stack)
        c->prog->max_stack = (uint32_t)c->max_depth;
}

static void stack_effect(Compiler *c, int effect)
{
    c->depth += effect;
    if (c->depth > c->max_depth) {
        c->max_depth = c->depth;
        note_max(c);
    }
}

/* The opcodes whose arg is a name until compile_resolve() (INS_SHOW's only
 * when it shows a bare name), from the operand column of compile/opcodes.h:
 * for names_something() and for counting names as they are emitted. */
#define NAMING_BIT(name, operand, effect)                                 \
    | ((uint64_t)((operand) == OPERAND_NAME || (operand) == OPERAND_SHOWN) \
       << INS_##name)
#define NAMING_OPS (UINT64_C(0) OPCODE_LIST(NAMING_BIT))
_Static_assert(INS_COUNT <= 64, "an opcode is a bit of a 64-bit mask");

static uint32_t emit(Compiler *c, Opcode op, uint16_t aux, uint32_t arg,
                     SrcSpan at, int effect)
{
#ifndef NDEBUG
    /* every builder's idea of the stack agrees with the opcode table */
    if (effect != program_stack_effect(c->prog, op, aux, arg)) {
        fprintf(stderr, "mgrad: internal error: %s emitted with stack "
                "effect %d, the table says %d\n", program_opcode_name(op),
                effect, program_stack_effect(c->prog, op, aux, arg));
        abort();
    }
#endif
    c->name_refs += (uint32_t)(NAMING_OPS >> op) & 1;
    stack_effect(c, effect);
    return program_emit(c->prog, op, aux, arg, at.start, at.end);
}

/* Points jump at target. */
static void set_jump(Compiler *c, uint32_t jump, uint32_t target)
{
    if (jump >= c->prog->count)
        return;     /* only after a syntax error: nothing will run */
    c->prog->code[jump].arg = (uint32_t)((int32_t)target - (int32_t)jump);
}

/* The one instruction of an operand whose code is exactly one, else NULL. */
static Instr *lone(Compiler *c, uint32_t code, Opcode op)
{
    if (c->prog->count != code + 1 || c->prog->code[code].op != op)
        return NULL;
    return &c->prog->code[code];
}

/* A name is compiled as its offset in the text (the start of its span);
 * compile_resolve() turns every such offset into the name's number at the
 * end, many at a time. */

/* INS_GLOBAL, INS_WORD and INS_BIND keep the name's length in aux, when
 * it fits, so that compile_resolve() need not measure it (0: measure). */
static uint16_t name_aux(SrcSpan name)
{
    uint32_t length = name.end - name.start;
    return length <= UINT16_MAX ? (uint16_t)length : 0;
}

/* The length of the name at the start of text: a table says which bytes
 * are a name's ([A-Za-z0-9_]); millions of names are measured. */
static uint32_t name_length(const char *name)
{
    static unsigned char is_name[256];
    if (!is_name['_']) {
        for (int ch = 0; ch < 256; ch++)
            is_name[ch] = ch == '_' || (ch >= 'a' && ch <= 'z') ||
                          (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
    }
    const unsigned char *t = (const unsigned char *)name;
    uint32_t n = 0;
    while (is_name[t[n]])
        n++;
    return n;
}

/* Whether the names at offsets a and b of the text are the same name. */
static int same_name(const Compiler *c, uint32_t a, uint32_t b)
{
    if (a == b)
        return 1;
    const char *text = c->prog->src->text;
    uint32_t n = name_length(text + a);
    return n == name_length(text + b) && memcmp(text + a, text + b, n) == 0;
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

uint32_t gen_none(Compiler *c, SrcSpan at)
{
    return emit(c, INS_NONE, 0, 0, at, 1);
}

void gen_slice(Compiler *c, SrcSpan at)
{
    emit(c, INS_SLICE, 0, 0, at, -3);
}

void gen_format(Compiler *c, char *spec, size_t length, SrcSpan at)
{
    uint32_t s = spec ? program_string(c->prog, spec, length) : 0;
    emit(c, INS_FORMAT, spec != NULL, s, at, 0);
}

void gen_concat(Compiler *c, uint32_t count, SrcSpan at)
{
    if (count == 0) {
        char *empty = mem_malloc(1);
        empty[0] = '\0';
        gen_string(c, empty, 0, at);
        return;
    }
    if (count > 1)
        emit(c, INS_CONCAT, 0, count, at, 1 - (int)count);
}

uint32_t gen_name(Compiler *c, SrcSpan at)
{
    return emit(c, INS_GLOBAL, name_aux(at), at.start, at, 1);
}

void gen_negate(Compiler *c, uint32_t operand, SrcSpan at)
{
    Instr *number = lone(c, operand, INS_NUMBER);
    if (number) {
        number->arg = program_negate_number(c->prog, number->arg);
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

void gen_binary(Compiler *c, BinaryOp op, uint32_t right, SrcSpan at)
{
    /* x * 0.5: the literal goes into the operation (a constant's place in
     * the text is never shown: a constant leaf is labelled by its value) */
    Instr *number = lone(c, right, INS_NUMBER);
    if (number) {
        number->op = INS_BINARY_NUMBER;
        number->aux = (uint16_t)op;
        number->start = at.start;
        number->end = at.end;
        stack_effect(c, -1);
        return;
    }
    emit(c, INS_BINARY, (uint16_t)op, 0, at, -1);
}

int gen_compare(Compiler *c, BinaryOp op, uint32_t left, uint32_t right,
                SrcSpan at)
{
    Program *p = c->prog;
    Instr *prev = right > left ? &p->code[right - 1] : NULL;
    if (!prev || !(prev->flags & INS_COMPARISON)) {
        Instr *number = lone(c, right, INS_NUMBER);
        uint32_t b0 = right;
        gen_binary(c, op, right, at);
        Instr *cmp = &p->code[p->count - 1];
        cmp->flags |= INS_COMPARISON;
        if (!number)
            cmp->arg = b0;   /* where the right operand's code starts */
        return 0;
    }
    /* code: [x][y] CMP0 [b]; y is copied: [x][y] CMP0 AND [y][b] CMP TRUTH
     * (after a chain, CMP0 is followed by its TRUTH) */
    uint32_t y1 = prev->op == INS_TRUTH ? right - 2 : right - 1, y0;
    prev = &p->code[y1];
    Instr ycopy[8];
    uint32_t ny = 0;
    if (prev->op == INS_BINARY_NUMBER) {
        ycopy[ny] = *prev;
        ycopy[ny].op = INS_NUMBER;
        ycopy[ny].aux = 0;
        ycopy[ny].flags = 0;
        ny = 1;
        y0 = y1;
    } else {
        y0 = prev->arg;
        if (y0 >= y1 || y1 - y0 > 8)
            return -1;
        for (uint32_t k = y0; k < y1; k++) {
            Opcode o = (Opcode)p->code[k].op;
            if (o != INS_GLOBAL && o != INS_LOCAL && o != INS_NUMBER &&
                o != INS_ATTR && o != INS_STRING)
                return -1;
            ycopy[ny++] = p->code[k];
        }
    }
    uint32_t end = p->count;
    uint32_t nb = end - right;
    Instr *b = mem_malloc((nb + 1) * sizeof *b);
    memcpy(b, p->code + right, nb * sizeof *b);
    p->count = right;
    uint32_t and_at = emit(c, INS_AND, 0, 0, at, -1);
    for (uint32_t k = 0; k < ny; k++) {
        program_reserve(p, p->count + 1);
        p->code[p->count++] = ycopy[k];
        c->name_refs += (uint32_t)(NAMING_OPS >> ycopy[k].op) & 1;
    }
    stack_effect(c, 1);
    program_reserve(p, p->count + nb);
    memcpy(p->code + p->count, b, nb * sizeof *b);
    p->count += nb;
    free(b);
    uint32_t b0 = p->count - nb;
    gen_binary(c, op, b0, at);
    Instr *cmp = &p->code[p->count - 1];
    cmp->flags |= INS_COMPARISON;
    if (cmp->op == INS_BINARY)
        cmp->arg = b0;
    emit(c, INS_TRUTH, 0, 0, at, 0);
    set_jump(c, and_at, p->count);
    /* a next link chains onto this comparison, just before the TRUTH */
    p->code[p->count - 1].flags |= INS_COMPARISON;
    return 0;
}

void gen_bracketed(Compiler *c)
{
    if (c->prog->count > 0)
        c->prog->code[c->prog->count - 1].flags &= (uint8_t)~INS_COMPARISON;
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
    set_jump(c, begin, c->prog->count);
}

int gen_call(Compiler *c, SrcSpan name, uint32_t nargs, int method,
             SrcSpan at)
{
    int op = value_op_by_word(c->prog->src->text + name.start,
                              name.end - name.start);
    if (nargs > COMPILE_MAX_ARGS)
        return -1;
    if (op >= 0) {
        emit(c, INS_APPLY, (uint16_t)op,
             nargs | (method ? APPLY_METHOD : 0), at, 1 - (int)nargs);
        return 0;
    }
    uint32_t i = emit(c, INS_CALL, (uint16_t)nargs, name.start, at,
                      1 - (int)nargs);
    if (method)
        c->prog->code[i].flags |= INS_METHOD;
    return 0;
}

int gen_call_value(Compiler *c, uint32_t nargs, SrcSpan at)
{
    if (nargs > COMPILE_MAX_ARGS)
        return -1;
    emit(c, INS_CALL_VALUE, (uint16_t)nargs, 0, at, -(int)nargs);
    return 0;
}

void gen_attribute(Compiler *c, SrcSpan name, SrcSpan at)
{
    Attribute which = program_attribute(c->prog->src->text + name.start,
                                        name.end - name.start);
    emit(c, INS_ATTR, (uint16_t)which, name.start, at, 0);
}

uint32_t gen_list(Compiler *c, uint32_t count, SrcSpan at)
{
    return emit(c, INS_MAKE_LIST, 0, count, at, 1 - (int)count);
}

void gen_index(Compiler *c, SrcSpan at)
{
    emit(c, INS_INDEX, 0, 0, at, -1);
}

/* ---- comprehensions ------------------------------------------------------------ */

/* A fresh local slot: of the function being compiled, or of the top
 * level. A comprehension's variable gets its own slot even when the
 * function has a local of the same name. */
static uint32_t fresh_slot(Compiler *c, uint32_t name)
{
    if (c->scope) {
        CompileScope *s = c->scope;
        MEM_GROW(s->locals, s->local_capacity, s->local_count + 1, 8);
        s->locals[s->local_count] = name;
        return s->local_count++;
    }
    (void)name;
    return c->prog->locals++;
}

uint32_t gen_comp_begin(Compiler *c, uint32_t element)
{
    MEM_GROW(c->comps, c->comp_capacity, c->comp_count + 1, 8);
    CompileComp *k = &c->comps[c->comp_count++];
    memset(k, 0, sizeof *k);
    k->element = element;
    k->targets = c->target_count;
    /* the stack as the element's code began, and the most since */
    k->depth = c->depth - 1;
    k->max_depth = c->max_depth;
    return element;
}

void gen_comp_iterable(Compiler *c)
{
    if (c->comp_count == 0)
        return;
    CompileComp *k = &c->comps[c->comp_count - 1];
    k->iterable = c->prog->count;
    k->target_count = c->target_count - k->targets;
}

void gen_comp_condition(Compiler *c)
{
    if (c->comp_count)
        c->comps[c->comp_count - 1].condition = c->prog->count;
}

/* In code[from, to), the name at offset `name` read as a global becomes
 * local slot `slot`. */
static void localize(Compiler *c, uint32_t from, uint32_t to, uint32_t name,
                     uint32_t slot)
{
    for (uint32_t k = from; k < to; k++) {
        Instr *i = &c->prog->code[k];
        if ((i->op == INS_GLOBAL || i->op == INS_WORD) &&
            same_name(c, i->arg, name)) {
            i->op = INS_LOCAL;
            i->arg = slot;
        }
    }
}

static void put(Instr *code, uint32_t *n, Opcode op, uint16_t aux,
                uint32_t arg, SrcSpan at)
{
    Instr *i = &code[(*n)++];
    i->op = (uint8_t)op;
    i->flags = 0;
    i->aux = aux;
    i->arg = arg;
    i->start = at.start;
    i->end = at.end;
}

static uint32_t rel(uint32_t from, uint32_t to)
{
    return (uint32_t)((int32_t)to - (int32_t)from);
}

/* [e for x in xs if c] was compiled e, xs, c. It runs as
 *     list; xs; ITER; L: NEXT exit; bind x; c; JUMP_FALSE L; e; APPEND;
 *     JUMP L; exit:
 * so the parts are moved into that order, whole: their own jumps are
 * relative and stay right. */
void gen_comp_end(Compiler *c, uint32_t element, SrcSpan at)
{
    Program *p = c->prog;
    if (c->comp_count == 0)
        return;     /* only after a syntax error: nothing will run */
    CompileComp k = c->comps[--c->comp_count];
    uint32_t e0 = element, x0 = k.iterable;
    uint32_t k0 = k.condition ? k.condition : p->count, end = p->count;
    if (!(e0 <= x0 && x0 <= k0 && k0 <= end) ||
        k.targets + k.target_count > c->target_count) {
        c->target_count = k.targets < c->target_count ? k.targets
                                                       : c->target_count;
        return;     /* parts lost to a syntax error: nothing will run */
    }
    uint32_t n = k.target_count;
    uint32_t slots[16];
    if (n > 16)
        n = 16;
    const SrcSpan *names = c->targets + k.targets;
    for (uint32_t t = 0; t < n; t++) {
        slots[t] = fresh_slot(c, UINT32_MAX);
        localize(c, e0, x0, names[t].start, slots[t]);
        localize(c, k0, end, names[t].start, slots[t]);
    }
    c->target_count = k.targets;

    Instr *code = mem_malloc((end - e0 + 8 + n) * sizeof *code);
    uint32_t m = 0;
    put(code, &m, INS_MAKE_LIST, 0, 0, at);
    memcpy(code + m, p->code + x0, (k0 - x0) * sizeof *code);
    m += k0 - x0;
    put(code, &m, INS_ITER, 0, 0, at);
    uint32_t loop = m;
    put(code, &m, INS_NEXT, 0, 0, at);
    if (n > 1)
        put(code, &m, INS_UNPACK, 0, n, at);
    for (uint32_t t = 0; t < n; t++) {
        put(code, &m, INS_BIND_LOCAL, 0, slots[t], at);
        code[m - 1].flags |= INS_SILENT;
    }
    if (k.condition) {
        memcpy(code + m, p->code + k0, (end - k0) * sizeof *code);
        m += end - k0;
        put(code, &m, INS_JUMP_FALSE, 0, 0, at);
        code[m - 1].arg = rel(m - 1, loop);
    }
    memcpy(code + m, p->code + e0, (x0 - e0) * sizeof *code);
    m += x0 - e0;
    put(code, &m, INS_APPEND, 0, 1, at);
    put(code, &m, INS_JUMP, 0, 0, at);
    code[m - 1].arg = rel(m - 1, loop);
    code[loop].arg = rel(loop, m);

    program_reserve(p, e0 + m);
    memcpy(p->code + e0, code, m * sizeof *code);
    p->count = e0 + m;
    free(code);
    /* The element now runs with the list and the iterator below it. */
    int most = c->max_depth + 2;
    c->depth = k.depth + 1;
    c->max_depth = most > k.max_depth ? most : k.max_depth;
    note_max(c);
}

void gen_ternary(Compiler *c, uint32_t x0, uint32_t c0, uint32_t y0,
                 SrcSpan at)
{
    Program *p = c->prog;
    uint32_t end = p->count;
    if (!(x0 <= c0 && c0 <= y0 && y0 <= end))
        return;     /* only after a syntax error */
    Instr *code = mem_malloc((end - x0 + 2) * sizeof *code);
    uint32_t m = 0;
    memcpy(code, p->code + c0, (y0 - c0) * sizeof *code);
    m = y0 - c0;
    uint32_t jump_false = m;
    put(code, &m, INS_JUMP_FALSE, 0, 0, at);
    memcpy(code + m, p->code + x0, (c0 - x0) * sizeof *code);
    m += c0 - x0;
    uint32_t jump = m;
    put(code, &m, INS_JUMP, 0, 0, at);
    code[jump_false].arg = rel(jump_false, m);
    memcpy(code + m, p->code + y0, (end - y0) * sizeof *code);
    m += end - y0;
    code[jump].arg = rel(jump, m);
    program_reserve(p, x0 + m);
    memcpy(p->code + x0, code, m * sizeof *code);
    p->count = x0 + m;
    free(code);
    /* three values were counted; the condition is popped, and one of the
     * two others is left */
    stack_effect(c, -2);
}

/* ---- assignment ------------------------------------------------------------- */

void gen_bind(Compiler *c, SrcSpan name, SrcSpan at)
{
    c->silent_from = emit(c, INS_BIND, name_aux(name), name.start,
                          at, -1);
}

int gen_assign_begin(Compiler *c, uint32_t target, BinaryOp op)
{
    Program *p = c->prog;
    Instr *name = lone(c, target, INS_GLOBAL);
    c->assign_attribute = c->assign_index = 0;
    if (name) {
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
    if (p->count > target && p->code[p->count - 1].op == INS_INDEX) {
        /* xs[i] = e: the list and the index stay on the stack */
        Instr *index = &p->code[--p->count];
        stack_effect(c, 1);
        c->assign_index = 1;
        c->assign_load = index->end;
        return 0;
    }
    return -1;
}

void gen_assign_end(Compiler *c, BinaryOp op, SrcSpan at)
{
    if (c->assign_attribute) {
        c->silent_from = emit(c, INS_SET_ATTR,
                              (uint16_t)(c->assign_which | (op << 8)),
                              c->assign_name, at, -2);
        return;
    }
    if (c->assign_index) {
        c->silent_from = emit(c, INS_SET_INDEX, (uint16_t)op, c->assign_load,
                              at, -3);
        return;
    }
    if (op != BIN_NONE) {
        Instr *load = &c->prog->code[c->assign_load];
        load->start = at.start;   /* an undefined name is the statement's error */
        load->end = at.end;
        /* flagged: xs += ys extends the list in place, as Python's */
        uint32_t binary = emit(c, INS_BINARY, (uint16_t)op, 0, at, -1);
        c->prog->code[binary].flags |= INS_COMPOUND;
    }
    c->silent_from = emit(c, INS_BIND, 0, c->assign_name, at, -1);
}

void gen_target(Compiler *c, SrcSpan name)
{
    MEM_GROW(c->targets, c->target_capacity, c->target_count + 1, 8);
    c->targets[c->target_count++] = name;
}

/* Binds the last n targets to the n values on the stack, first on top. */
static void bind_targets(Compiler *c, uint32_t n, SrcSpan at, int silent)
{
    if (n > c->target_count)
        n = c->target_count;    /* only after a syntax error */
    uint32_t first = c->target_count - n;
    for (uint32_t t = 0; t < n; t++) {
        uint32_t i = emit(c, INS_BIND, 0, c->targets[first + t].start, at, -1);
        if (t == 0)
            c->silent_from = i;
        if (silent)     /* a for loop's names */
            c->prog->code[i].flags |= INS_SILENT | INS_RAW;
    }
    c->target_count = first;
}

int gen_unpack(Compiler *c, uint32_t names, uint32_t values, SrcSpan at)
{
    if (values != 1 && values != names) {
        c->target_count -= names <= c->target_count ? names : c->target_count;
        return -1;
    }
    if (values > 1)
        gen_list(c, values, at);
    emit(c, INS_UNPACK, 0, names, at, (int)names - 1);
    bind_targets(c, names, at, 0);
    return 0;
}

/* ---- statements ------------------------------------------------------------------ */

void gen_show(Compiler *c, uint32_t expression, SrcSpan at)
{
    Instr *name = lone(c, expression, INS_GLOBAL);
    c->silent_from = emit(c, INS_SHOW, 0, name ? name->arg + 1 : 0, at, -1);
}

void gen_import(Compiler *c, SrcSpan path, SrcSpan name, int how)
{
    /* the path as written, without the spaces a.b may have around its dot */
    const char *text = c->prog->src->text;
    char *dotted = mem_malloc(path.end - path.start + 1);
    size_t n = 0;
    for (uint32_t k = path.start; k < path.end; k++)
        if (text[k] != ' ' && text[k] != '\t')
            dotted[n++] = text[k];
    dotted[n] = '\0';
    int top = how == IMPORT_TOP && memchr(dotted, '.', n) != NULL;
    emit(c, INS_IMPORT, (uint16_t)top, program_string(c->prog, dotted, n),
         path, 1);
    if (how == IMPORT_KEEP)
        return;
    if (how == IMPORT_TOP)
        name.end = name.start + name_length(text + name.start);
    uint32_t i = emit(c, INS_BIND, name_aux(name), name.start, path, -1);
    c->prog->code[i].flags |= INS_SILENT | INS_RAW;
    c->silent_from = i;
}

void gen_import_member(Compiler *c, SrcSpan member, SrcSpan name)
{
    emit(c, INS_DUP, 0, 0, member, 1);
    gen_attribute(c, member, member);
    uint32_t i = emit(c, INS_BIND, name_aux(name), name.start, member, -1);
    c->prog->code[i].flags |= INS_SILENT | INS_RAW;
}

void gen_pop(Compiler *c)
{
    emit(c, INS_POP, 0, 0, (SrcSpan){0, 0}, -1);
}

static void add_arg_span(Compiler *c, SrcSpan at)
{
    MEM_GROW(c->arg_spans, c->arg_capacity, 2 * (c->args + 1), 16);
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
    return emit(c, INS_WORD, name_aux(at), at.start, at, 1);
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
    c->silent_from = emit(c, INS_COMMAND, (uint16_t)command, spans, at,
                          -(int)n);
    c->args = 0;
}

/* ---- control flow ---------------------------------------------------------------- */

uint32_t gen_jump_false(Compiler *c, SrcSpan at)
{
    return emit(c, INS_JUMP_FALSE, 0, 0, at, -1);
}

uint32_t gen_else(Compiler *c, uint32_t jump_false, SrcSpan at)
{
    uint32_t jump = emit(c, INS_JUMP, 0, 0, at, 0);
    set_jump(c, jump_false, c->prog->count);
    /* the jump over the else part remembers the condition's jump */
    c->prog->code[jump].arg = jump_false;
    return jump;
}

void gen_if_end(Compiler *c, uint32_t jump)
{
    if (jump >= c->prog->count)
        return;     /* only after a syntax error: nothing will run */
    if (c->prog->count == jump + 1) {
        /* no else: nothing to jump over */
        uint32_t jump_false = c->prog->code[jump].arg;
        c->prog->count--;
        set_jump(c, jump_false, c->prog->count);
    } else {
        set_jump(c, jump, c->prog->count);
    }
    c->silent_from = c->prog->count;
}

static CompileLoop *push_loop(Compiler *c, LoopKind kind, uint32_t again)
{
    MEM_GROW(c->loops, c->loop_capacity, c->loop_count + 1, 8);
    CompileLoop *l = &c->loops[c->loop_count++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    l->again = again;
    return l;
}

/* Ends the innermost loop: its breaks go to `out`. */
static void pop_loop(Compiler *c, uint32_t out)
{
    if (c->loop_count <= c->loop_floor)
        return;     /* only after a syntax error: nothing will run */
    CompileLoop *l = &c->loops[--c->loop_count];
    for (uint32_t i = 0; i < l->break_count; i++)
        set_jump(c, l->breaks[i], out);
    free(l->breaks);
    c->silent_from = c->prog->count;
}

static void jump_back(Compiler *c, uint32_t target, SrcSpan at)
{
    uint32_t jump = emit(c, INS_JUMP, 0, 0, at, 0);
    set_jump(c, jump, target);
}

uint32_t gen_loop_begin(Compiler *c, LoopKind kind)
{
    push_loop(c, kind, c->prog->count);
    return c->prog->count;
}

void gen_while_end(Compiler *c, uint32_t start, uint32_t jump_false,
                   SrcSpan at)
{
    jump_back(c, start, at);
    set_jump(c, jump_false, c->prog->count);
    pop_loop(c, c->prog->count);
}

uint32_t gen_for_begin(Compiler *c, uint32_t targets, SrcSpan at)
{
    emit(c, INS_ITER, 0, 0, at, 0);
    uint32_t next = emit(c, INS_NEXT, 0, 0, at, 1);
    if (targets > 1)
        emit(c, INS_UNPACK, 0, targets, at, (int)targets - 1);
    bind_targets(c, targets, at, 1);
    push_loop(c, LOOP_FOR, next);
    return next;
}

/* A for or repeat loop keeps its iterator or count on the stack: a break
 * lands on the INS_POP that drops it; the loop's own end jumps past. */
static void counted_end(Compiler *c, uint32_t next, SrcSpan at)
{
    jump_back(c, next, at);
    uint32_t out = emit(c, INS_POP, 0, 0, at, -1);
    set_jump(c, next, c->prog->count);
    pop_loop(c, out);
}

void gen_for_end(Compiler *c, uint32_t next, SrcSpan at)
{
    counted_end(c, next, at);
}

uint32_t gen_repeat_begin(Compiler *c, SrcSpan at)
{
    emit(c, INS_REPEAT, 0, 0, at, 0);
    uint32_t next = emit(c, INS_REPEAT_NEXT, 0, 0, at, 0);
    push_loop(c, LOOP_REPEAT, next);
    return next;
}

void gen_repeat_end(Compiler *c, uint32_t next, SrcSpan at)
{
    counted_end(c, next, at);
}

int gen_break(Compiler *c, SrcSpan at)
{
    if (c->loop_count <= c->loop_floor)
        return -1;
    CompileLoop *l = &c->loops[c->loop_count - 1];
    MEM_GROW(l->breaks, l->break_capacity, l->break_count + 1, 8);
    l->breaks[l->break_count++] = emit(c, INS_JUMP, 0, 0, at, 0);
    c->silent_from = c->prog->count;
    return 0;
}

int gen_continue(Compiler *c, SrcSpan at)
{
    if (c->loop_count <= c->loop_floor)
        return -1;
    jump_back(c, c->loops[c->loop_count - 1].again, at);
    c->silent_from = c->prog->count;
    return 0;
}

/* ---- functions ---------------------------------------------------------------------- */

int gen_def_begin(Compiler *c, SrcSpan name, SrcSpan at)
{
    if (c->scope)
        return -1;
    CompileScope *s = &c->function;
    memset(s, 0, sizeof *s);
    s->name = name;
    s->jump = emit(c, INS_JUMP, 0, 0, at, 0);
    s->entry = c->prog->count;
    s->outer_depth = c->depth;
    s->outer_max = c->max_depth;
    c->depth = c->max_depth = 0;
    c->scope = s;
    /* a loop outside does not reach into the body; its record (and the
     * breaks it has gathered) stays below the floor */
    c->loop_floor = c->loop_count;
    return 0;
}

/* The slot of local name `name`, or -1. */
static int local_slot(const Compiler *c, uint32_t name)
{
    const CompileScope *s = c->scope;
    for (uint32_t i = 0; i < s->local_count; i++)
        if (s->locals[i] != UINT32_MAX && same_name(c, s->locals[i], name))
            return (int)i;
    return -1;
}

int gen_param(Compiler *c, SrcSpan name)
{
    CompileScope *s = c->scope;
    if (!s)
        return 0;
    if (s->local_count >= COMPILE_MAX_SLOTS)
        return -2;  /* checked first: local_slot is a linear search */
    if (local_slot(c, name.start) >= 0)
        return -1;  /* def f(x, x), refused as Python refuses it */
    MEM_GROW(s->locals, s->local_capacity, s->local_count + 1, 8);
    s->locals[s->local_count++] = name.start;
    s->params++;
    return 0;
}

uint32_t gen_default_begin(Compiler *c)
{
    CompileScope *s = c->scope;
    if (!s || s->params == 0)
        return UINT32_MAX;
    s->has_default = 1;
    return emit(c, INS_DEFAULT, (uint16_t)(s->params - 1), 0,
                (SrcSpan){0, 0}, 0);
}

void gen_default_end(Compiler *c, uint32_t begin, SrcSpan at)
{
    CompileScope *s = c->scope;
    if (!s || begin == UINT32_MAX || begin >= c->prog->count)
        return;
    uint32_t slot = c->prog->code[begin].aux;
    uint32_t bind = emit(c, INS_BIND_LOCAL, 0, slot, at, -1);
    c->prog->code[bind].flags |= INS_SILENT;
    set_jump(c, begin, c->prog->count);
}

int gen_param_plain(Compiler *c)
{
    CompileScope *s = c->scope;
    if (!s)
        return 0;
    if (s->has_default)
        return -1;
    s->required = s->params;
    return 0;
}

int gen_return(Compiler *c, int with_value, SrcSpan at)
{
    if (!c->scope)
        return -1;
    emit(c, with_value ? INS_RETURN : INS_RETURN_NONE, 0, 0, at,
         with_value ? -1 : 0);
    c->silent_from = c->prog->count;
    return 0;
}

/* At a function's end: the names it assigns are its locals (as in
 * Python), and every use of them in its body becomes a slot. */
int gen_def_end(Compiler *c, SrcSpan at)
{
    CompileScope *s = c->scope;
    Program *p = c->prog;
    if (!s)
        return 0;   /* only after a syntax error: nothing will run */
    emit(c, INS_RETURN_NONE, 0, 0, at, 0);
    int too_many = s->local_count > COMPILE_MAX_SLOTS;
    for (uint32_t k = s->entry; k < p->count && !too_many; k++) {
        const Instr *i = &p->code[k];
        if (i->op == INS_BIND && local_slot(c, i->arg) < 0) {
            if (s->local_count >= COMPILE_MAX_SLOTS) {
                too_many = 1;   /* stopped before the search grows long */
                break;
            }
            MEM_GROW(s->locals, s->local_capacity, s->local_count + 1, 8);
            s->locals[s->local_count++] = i->arg;
        }
    }
    for (uint32_t k = s->entry; k < p->count && !too_many; k++) {
        Instr *i = &p->code[k];
        int call = i->op == INS_CALL && !(i->flags & INS_METHOD);
        /* relu(x) where relu is a parameter or a local: a call of it (a
         * call written f(...) starts with the name f) */
        if (i->op == INS_APPLY && !(i->arg & APPLY_METHOD)) {
            int slot = local_slot(c, i->start);
            if (slot >= 0) {
                i->op = INS_CALL_LOCAL;
                i->aux = (uint16_t)i->arg;
                i->arg = (uint32_t)slot;
            }
            continue;
        }
        if (i->op != INS_GLOBAL && i->op != INS_WORD && i->op != INS_BIND &&
            !call)
            continue;
        int slot = local_slot(c, i->arg);
        if (slot < 0)
            continue;
        i->op = call ? INS_CALL_LOCAL
                : i->op == INS_BIND ? INS_BIND_LOCAL : INS_LOCAL;
        i->arg = (uint32_t)slot;
    }
    FunctionProto proto;
    memset(&proto, 0, sizeof proto);
    proto.name = s->name.start;
    proto.entry = s->entry;
    proto.params = (uint16_t)s->params;
    proto.required = (uint16_t)s->required;
    proto.locals = (uint16_t)s->local_count;
    proto.max_stack = (uint32_t)c->max_depth;
    proto.local_names = s->locals;     /* offsets until resolved */
    s->locals = NULL;
    uint32_t index = program_function(p, proto);
    while (c->loop_count > c->loop_floor)   /* left open by an error */
        free(c->loops[--c->loop_count].breaks);
    c->loop_floor = 0;
    c->depth = s->outer_depth;
    c->max_depth = s->outer_max;
    c->scope = NULL;
    set_jump(c, s->jump, p->count);
    emit(c, INS_FUNCTION, 0, index, at, 1);
    if (s->anonymous)
        return too_many ? -1 : 0;   /* lambda: the function is the value */
    uint32_t bind = emit(c, INS_BIND, 0, s->name.start, at, -1);
    p->code[bind].flags |= INS_SILENT;
    c->silent_from = p->count;
    return too_many ? -1 : 0;
}

int gen_lambda_begin(Compiler *c, SrcSpan keyword)
{
    if (gen_def_begin(c, keyword, keyword) != 0)
        return -1;
    c->scope->anonymous = 1;
    return 0;
}

/* ---- ends ------------------------------------------------------------------------------ */

void gen_silent(Compiler *c)
{
    for (uint32_t k = c->silent_from; k < c->prog->count; k++) {
        Instr *i = &c->prog->code[k];
        switch ((Opcode)i->op) {
        case INS_BIND: case INS_BIND_LOCAL: case INS_SHOW: case INS_SET_ATTR:
        case INS_SET_INDEX: case INS_COMMAND:
            i->flags |= INS_SILENT;
            break;
        default:
            break;
        }
    }
}

void gen_recover(Compiler *c)
{
    c->args = 0;
    c->target_count = 0;
    c->comp_count = 0;
}

void gen_recover_all(Compiler *c)
{
    forget_loops(c);
    forget_scope(c);
    c->depth = 0;
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
    return ((NAMING_OPS >> i->op) & 1) && (i->op != INS_SHOW || i->arg != 0);
}

enum { AHEAD = 16 };   /* names hashed and prefetched before they are needed */

typedef struct PendingName {
    uint32_t *slot;        /* where the number goes */
    uint32_t plus;         /* added to it (INS_SHOW: 1) */
    const char *text;
    uint32_t length, hash;
} PendingName;

static uint32_t intern_now(Compiler *c, uint32_t offset)
{
    const char *text = c->prog->src->text + offset;
    names_reserve(c->names, 1);
    return names_intern(c->names, text, name_length(text));
}

static void resolve_one(Compiler *c, const PendingName *n)
{
    names_reserve(c->names, 1);
    uint32_t id = names_intern_hashed(c->names, n->text, n->length, n->hash);
    *n->slot = id + n->plus;
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
    /* Size the table once for the names to come, taking each to be named
     * about twice (bound, then used): growing it step by step would move
     * every name several times. Too large costs only address space. */
    names_reserve(c->names, c->name_refs / 2);
    c->name_refs = 0;
    for (uint32_t k = c->resolved; k < p->count; k++) {
        Instr *i = &p->code[k];
        if (!names_something(i))
            continue;
        uint32_t plus = i->op == INS_SHOW ? 1 : 0;
        if (count == AHEAD) {
            resolve_one(c, &ring[head]);
            head = (head + 1) % AHEAD;
            count--;
        }
        PendingName *n = &ring[(head + count) % AHEAD];
        n->slot = &i->arg;
        n->plus = plus;
        n->text = text + (i->arg - plus);
        n->length = (i->op == INS_GLOBAL || i->op == INS_WORD ||
                     i->op == INS_BIND) && i->aux
                        ? i->aux : name_length(n->text);
        n->hash = names_hash(n->text, n->length);
        if (c->names->table_size)
            names_prefetch(c->names, n->hash);
        count++;
    }
    for (; count > 0; count--, head = (head + 1) % AHEAD)
        resolve_one(c, &ring[head]);
    c->resolved = p->count;
    /* functions: their names and their slots' names */
    for (uint32_t f = c->functions_resolved; f < p->function_count; f++) {
        FunctionProto *fn = &p->functions[f];
        fn->name = intern_now(c, fn->name);
        for (uint32_t l = 0; l < fn->locals; l++)
            if (fn->local_names[l] != UINT32_MAX)
                fn->local_names[l] = intern_now(c, fn->local_names[l]);
    }
    c->functions_resolved = p->function_count;
}
